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
                 "ORDER BY n_in > 0 DESC, run_id DESC LIMIT 1", [stage, fp])  # a run with work counted the items
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


def rows_by_id(ws: Workspace, ids: list[str]) -> list[dict]:
    """The current rows (id, turns) of these record ids."""
    if not ids:
        return []
    import pyarrow as pa

    ws.con.register("_ids_in", pa.table({"id": pa.array(ids, pa.string())}))
    try:
        return ws.fetch_rows(f"SELECT c.id, c.turns FROM ({ws.current_sql()}) c JOIN _ids_in i ON i.id = c.id")
    finally:
        ws.con.unregister("_ids_in")


def kept_inputs(ws: Workspace, stage: str, fingerprint: str, batch: int):
    """Input rows `stage` already processed with this fingerprint and kept, batch by batch."""
    sql = (f"SELECT p.* FROM ({ws.input_sql(stage)}) p JOIN (SELECT input_version, status FROM records "
           f"WHERE stage = ? AND fingerprint = ? QUALIFY row_number() OVER (PARTITION BY input_version "
           f"ORDER BY version DESC) = 1) r ON r.input_version = p.version WHERE r.status = 'ok' ORDER BY p.version")
    rows = ws.fetch_rows(sql, [stage, fingerprint])
    for start in range(0, len(rows), batch):
        yield rows[start:start + batch]
