"""Read-only queries for status and the report that need a stage's tables (decontamination)."""
from __future__ import annotations

from typing import Any

from medcorpus.pipeline.workspace import Workspace


def decontam_counts(ws: Workspace, stage: str = "decontaminate") -> dict[str, Any] | None:
    """Per benchmark under the stage's current settings: items, items seen in the corpus, records
    removed (rejects) and flagged (kept with meta.decontam). None when the stage has not run."""
    row = ws.one("SELECT fingerprint FROM chain WHERE stage = ?", [stage])
    if not row:
        return None
    fp = row[0]
    run = ws.one("SELECT extra, config FROM runs WHERE stage = ? AND fingerprint = ? AND status = 'ok' "
                 "ORDER BY run_id DESC LIMIT 1", [stage, fp])
    if not run:
        return None
    import orjson

    extra = orjson.loads(run[0] or "{}")
    out: dict[str, dict[str, Any]] = {}
    for name, info in (extra.get("benchmarks") or {}).items():
        out[name] = {"items": info.get("items", 0), "items_seen": 0, "records_removed": 0, "records_flagged": 0}
    removed = ws.exec(
        "SELECT json_extract_string(x.detail, '$.benchmark') b, count(DISTINCT x.record_id), "
        "count(DISTINCT json_extract_string(x.detail, '$.item_id')) FROM rejects x JOIN runs r USING (run_id) "
        "WHERE x.stage = ? AND r.fingerprint = ? GROUP BY 1", [stage, fp])
    for bench, n_rec, n_items in removed:
        entry = out.setdefault(bench, {"items": 0, "items_seen": 0, "records_removed": 0, "records_flagged": 0})
        entry["records_removed"], entry["items_seen"] = n_rec, n_items
    flagged = ws.exec(
        "SELECT json_extract_string(m, '$.benchmark'), count(DISTINCT id), "
        "count(DISTINCT json_extract_string(m, '$.item_id')) FROM ("
        "SELECT id, unnest(json_extract(meta, '$.decontam.matches[*]')) m FROM records "
        "WHERE stage = ? AND fingerprint = ? AND status = 'ok' AND json_exists(meta, '$.decontam')) GROUP BY 1",
        [stage, fp])
    for bench, n_rec, n_items in flagged:
        entry = out.setdefault(bench, {"items": 0, "items_seen": 0, "records_removed": 0, "records_flagged": 0})
        entry["records_flagged"] = n_rec
        entry["items_seen"] += n_items
    return {"action": extra.get("action"), "benchmarks": out}
