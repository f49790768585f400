"""What `medcorpus status` reports, gathered from the workspace tables."""
from __future__ import annotations

import importlib
from typing import Any, Callable, Iterator

from medcorpus.pipeline.stage import StageNotAvailable, get_stage
from medcorpus.pipeline.workspace import Workspace

# Sections that belong to no stage: name -> "module:function(ws)", imported only when status runs.
# A stage's own sections are declared on its class (`Stage.status_sections`).
WORKSPACE_SECTIONS: dict[str, str] = {
    "exports": "medcorpus.versions:exported_versions",
    "last export": "medcorpus.pipeline.status:last_export",
    "llm": "medcorpus.llm.cache:llm_status",
    "knowledge": "medcorpus.knowledge.kg:knowledge_status",
}


def last_export(ws: Workspace) -> Any:
    from medcorpus.versions import export_status

    return export_status(ws)["last_export"]


def status_sections(ws: Workspace) -> Iterator[tuple[str, Callable[[Workspace], Any]]]:
    """(name, function) of every section: those declared by the stages this workspace has
    run or chained, then the workspace-level ones."""
    names = [s for s, _ in ws.chain()[1:]]
    names += [s for (s,) in ws.exec("SELECT DISTINCT stage FROM runs ORDER BY 1") if s not in names]
    seen = set()
    for name in names:
        try:
            cls = get_stage(name)
        except StageNotAvailable:
            continue
        for key, fn in getattr(cls, "status_sections", {}).items():
            if key not in seen:
                seen.add(key)
                yield key, fn
    for key, target in WORKSPACE_SECTIONS.items():
        module, _, attr = target.partition(":")
        try:
            yield key, getattr(importlib.import_module(module), attr)
        except ImportError as exc:
            yield key, (lambda ws, exc=exc: f"unavailable: {exc}")


def collect_status(ws: Workspace) -> dict[str, Any]:
    con = ws.con
    cur = ws.current_sql()
    info: dict[str, Any] = {"workspace": str(ws.path)}
    info["records"] = ws.one(f"SELECT count(*) FROM ({cur})")[0]
    info["removed"] = ws.one(f"SELECT count(*) FROM ({ws.current_sql(include_removed=True)}) "
                                  "WHERE status = 'removed'")[0]
    for key, col in (("by_source", "source"), ("by_lang", "lang"), ("by_kind", "kind")):
        info[key] = dict(con.execute(f"SELECT {col}, count(*) n FROM ({cur}) GROUP BY 1 ORDER BY n DESC").fetchall())
    stages = []
    chain = ws.chain()
    for pos, (stage, fp) in enumerate(chain[1:], 1):
        ctes, _ = ws.layer_ctes(pos)
        processed, removed = ws.one(
            f"{ctes} SELECT count(*), count(*) FILTER (WHERE status = 'removed') FROM L{pos}")
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
    for name, fn in status_sections(ws):
        try:
            extra[name] = fn(ws)
        except Exception as exc:  # a section must never break status
            extra[name] = f"unavailable: {exc}"
    info["extra"] = extra
    return info
