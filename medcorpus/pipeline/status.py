"""What `medcorpus status` reports, gathered from the workspace tables."""
from __future__ import annotations

from typing import Any, Callable

from medcorpus.pipeline.workspace import Workspace

# Stages may add a section: name -> function(ws) -> JSON-able value (e.g. PII totals, LLM cost).
STATUS_SECTIONS: dict[str, Callable[[Workspace], Any]] = {}


def collect_status(ws: Workspace) -> dict[str, Any]:
    con = ws.con
    cur = ws.current_sql()
    info: dict[str, Any] = {"workspace": str(ws.path)}
    info["records"] = ws.one(f"SELECT count(*) FROM ({cur})")[0]
    info["removed"] = ws.one(f"SELECT count(*) FROM ({ws.current_sql(include_removed=True)}) "
                                  "WHERE status <> 'ok'")[0]
    for key, col in (("by_source", "source"), ("by_lang", "lang"), ("by_kind", "kind")):
        info[key] = dict(con.execute(f"SELECT {col}, count(*) n FROM ({cur}) GROUP BY 1 ORDER BY n DESC").fetchall())
    stages = []
    chain = ws.chain()
    for pos, (stage, fp) in enumerate(chain[1:], 1):
        ctes, _ = ws.layer_ctes(pos)
        processed, removed = ws.one(
            f"{ctes} SELECT count(*), count(*) FILTER (WHERE status <> 'ok') FROM L{pos}")
        pending = ws.one(f"SELECT count(*) FROM ({ws.pending_sql(stage, fp)})")[0]
        last = ws.one("SELECT max(ended_at) FROM runs WHERE stage = ? AND status = 'ok'", [stage])[0]
        stages.append({"stage": stage, "fingerprint": fp, "processed": processed, "pending": pending,
                       "removed": removed, "last_run": last})
    info["stages"] = stages
    info["rejects_total"] = ws.one("SELECT count(*) FROM rejects")[0]
    info["rejects"] = [{"stage": s, "reason": r, "count": n} for s, r, n in con.execute(
        # record ids and figures inside reasons ("near duplicate of 3fa2… (jaccard≈0.87)") would make
        # one row per record: group on the reason with them masked
        "SELECT stage, regexp_replace(regexp_replace(reason, '[0-9a-f]{12,}', '…', 'g'), '[0-9]+([.][0-9]+)?', 'N', 'g'), "
        "count(*) n FROM rejects GROUP BY 1, 2 ORDER BY n DESC LIMIT 30").fetchall()]
    info["runs"] = [dict(zip(("run_id", "stage", "status", "n_in", "n_out", "n_rejected", "seconds", "ended_at"), r))
                    for r in con.execute("SELECT run_id, stage, status, n_in, n_out, n_rejected, seconds, ended_at "
                                         "FROM runs ORDER BY run_id DESC LIMIT 20").fetchall()]
    extra = {}
    for name, fn in STATUS_SECTIONS.items():
        try:
            extra[name] = fn(ws)
        except Exception as exc:  # a section must never break status
            extra[name] = f"unavailable: {exc}"
    info["extra"] = extra
    return info
