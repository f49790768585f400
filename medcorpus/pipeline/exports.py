"""The workspace side of export: a snapshot of the exportable records with their split keys, the
rows of one output part, export rejects, and the export-version bookkeeping. The only SQL export
needs; `medcorpus.stages.export` and `medcorpus.versions` call these and never query DuckDB."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import orjson
import pyarrow as pa

from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Rejected

_VERSIONS_DDL = "CREATE TABLE IF NOT EXISTS export_versions (vno INTEGER, id VARCHAR, version BIGINT, out VARCHAR)"


def _has_table(ws: Workspace, name: str) -> bool:
    return ws.one("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name])[0] > 0


def _has_column(ws: Workspace, table: str, column: str) -> bool:
    return ws.one("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ? "
                  "AND database_name <> 'temp'", [table, column])[0] > 0


def _clusters_sql(ws: Workspace) -> str | None:
    """(id, cluster) of the dedup index in use: the one whose fingerprint is in the chain, else the newest."""
    if not (_has_table(ws, "dedup_clusters") and _has_table(ws, "dedup_params")):
        return None
    row = ws.one("SELECT coalesce(max(pk) FILTER (WHERE fingerprint IN (SELECT fingerprint FROM chain)), max(pk)) "
                 "FROM dedup_params")
    if row is None or row[0] is None:
        return None
    return f"SELECT id, any_value(cluster) AS cluster FROM dedup_clusters WHERE pk = {int(row[0])} GROUP BY id"


def open_snapshot(ws: Workspace, complete_only: bool) -> tuple[pa.Table, int]:
    """Snapshot the records to export (newest ok state; with `complete_only`, only those no stage
    still has to process). Returns (index: id, version, content, source, kind, key; records left pending),
    `content` naming what the exported row is made of (equal content, equal row)."""
    where = "WHERE pending = 0" if complete_only else ""
    clusters = _clusters_sql(ws)
    key = "coalesce(c.cluster, e.id)" if clusters else "e.id"
    join = f"LEFT JOIN ({clusters}) c ON c.id = e.id" if clusters else ""
    # what a shard's bytes depend on: id, source, lang, kind and the turns, which a pass-through row
    # (a stage that changed nothing) does not copy but points at (content_version)
    turns_version = "coalesce(content_version, version)" if _has_column(ws, "records", "content_version") else "version"
    ws.exec(f"CREATE OR REPLACE TEMP TABLE _export AS SELECT id, version, source, lang, kind, turns, pending, "
            f"concat_ws(chr(31), {turns_version}, source, lang, kind) AS content FROM ({ws.current_sql()}) {where}")
    pending_sql = f"SELECT count(*) FROM ({ws.current_sql()}) WHERE pending > 0" if complete_only \
        else "SELECT count(*) FROM _export WHERE pending > 0"
    n_pending = ws.one(pending_sql)[0]
    index = ws.con.sql(f"SELECT e.id, e.version, e.content, e.source, e.kind, {key} AS key FROM _export e {join} "
                       "ORDER BY e.version").to_arrow_table()
    return index, n_pending


def assign_parts(ws: Workspace, ids: list[str], parts: list[str]) -> None:
    """Tell the snapshot which output part (e.g. 'train-00003-of-00008') each record goes to."""
    table = pa.table({"id": pa.array(ids, pa.string()), "part": pa.array(parts, pa.string())})
    ws.con.register("_export_parts_in", table)
    try:
        ws.exec("CREATE OR REPLACE TEMP TABLE _export_parts AS SELECT * FROM _export_parts_in")
    finally:
        ws.con.unregister("_export_parts_in")


def part_rows(ws: Workspace, part: str, batch: int) -> Iterator[pa.RecordBatch]:
    """The rows (id, source, lang, kind, turns) of one part, in workspace order, batch by batch."""
    yield from ws.con.sql("SELECT e.id, e.source, e.lang, e.kind, e.turns FROM _export e JOIN _export_parts p "
                          "ON p.id = e.id WHERE p.part = ? ORDER BY e.version", params=[part]).to_arrow_reader(batch)


def close_snapshot(ws: Workspace) -> None:
    ws.exec("DROP TABLE IF EXISTS _export")
    ws.exec("DROP TABLE IF EXISTS _export_parts")


def replace_rejects(ws: Workspace, stage: str, rejects: Iterable[Rejected], run_id: int) -> int:
    """The rejects of `stage`'s latest run replace its earlier ones (an export is a view, not a
    history: re-exporting the same workspace must not pile up the same rejects)."""
    with ws.transaction():
        ws.exec("DELETE FROM rejects WHERE stage = ?", [stage])
        return ws.add_rejects(rejects, stage, run_id)


def last_run_extra(ws: Workspace, stage: str) -> dict[str, Any] | None:
    """The `extra` summary of `stage`'s latest successful run."""
    row = ws.one("SELECT extra FROM runs WHERE stage = ? AND status = 'ok' ORDER BY run_id DESC LIMIT 1", [stage])
    return orjson.loads(row[0]) if row and row[0] else None


# ---------------------------------------------------------------- export versions
def version_diff(ws: Workspace, root: str, complete_only: bool) -> tuple[int | None, int, int, int, int]:
    """Against the latest version under `root`: (its number or None, added, removed, changed, total now)."""
    ws.exec(_VERSIONS_DDL)
    where = "WHERE pending = 0" if complete_only else ""
    ws.exec(f"CREATE OR REPLACE TEMP TABLE _export_now AS SELECT id, version FROM ({ws.current_sql()}) {where}")
    last = ws.one("SELECT max(vno) FROM export_versions WHERE out = ?", [root])[0]
    ws.exec("CREATE OR REPLACE TEMP TABLE _export_prev AS SELECT id, version FROM export_versions "
            "WHERE vno = ? AND out = ?", [last if last is not None else -1, root])
    added, removed, changed = ws.one("""SELECT
        (SELECT count(*) FROM _export_now n WHERE NOT EXISTS (SELECT 1 FROM _export_prev p WHERE p.id = n.id)),
        (SELECT count(*) FROM _export_prev p WHERE NOT EXISTS (SELECT 1 FROM _export_now n WHERE p.id = n.id)),
        (SELECT count(*) FROM _export_now n JOIN _export_prev p ON p.id = n.id AND p.version <> n.version)""")
    total = ws.one("SELECT count(*) FROM _export_now")[0]
    return last, added, removed, changed, total


def record_version(ws: Workspace, vno: int, root: str) -> None:
    """Remember the (id, version) set of version `vno` (from the last `version_diff`)."""
    with ws.transaction():
        ws.exec("INSERT INTO export_versions SELECT ?, id, version, ? FROM _export_now", [vno, root])
    ws.exec("DROP TABLE IF EXISTS _export_now")
    ws.exec("DROP TABLE IF EXISTS _export_prev")


def exported_versions(ws: Workspace) -> list[dict[str, Any]]:
    ws.exec(_VERSIONS_DDL)
    return [{"out": o, "version": f"v{v:04d}", "records": n} for o, v, n in ws.exec(
        "SELECT out, vno, count(*) FROM export_versions GROUP BY 1, 2 ORDER BY 1, 2")]
