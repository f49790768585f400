"""PII retention: purge the raw text that scrubbing made redundant, then compact the file.

`purge(ws, upto="scrub")` empties the turns of every layer before `upto` (the source layer and
the stages ahead of it in the chain) for each record `upto` has processed, and for records
removed before they reached it; rows, ids, lineage and reasons stay. Those rows are marked
`purged`, so no stage ever reads their empty turns as input; later stages read the scrubbed
versions. Reject snippets of removed records ahead of `upto` are dropped (the record is kept
by id), file-level snippets are masked, and caches holding raw text (grammar before `upto`, the
LLM cache, stored scrape pages) are cleared. DuckDB does not shrink its file on DELETE/UPDATE,
so the database is then copied into a fresh file (`COPY FROM DATABASE`) that atomically
replaces the old one: the purged bytes are gone from disk, which `scan` verifies.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Iterable

import orjson

from medcorpus.pipeline.workspace import DB_FILE, SOURCE, Workspace

PURGED = "purged"
KV_KEY = "purge"
RETAIN_RAW_KEY = "retain_raw"  # the workspace's default for steps that do not say (build sets false)


class PurgeError(ValueError):
    """Nothing can be purged as asked (the message says why)."""


def purge(ws: Workspace, upto: str = "scrub", compact: bool = True) -> dict[str, Any]:
    """Purge raw text ahead of stage `upto`; returns what was done (counts, bytes before/after)."""
    started = time.perf_counter()
    chain = ws.chain()
    names = [s for s, _ in chain]
    if upto not in names:
        raise PurgeError(f"nothing to purge: `{upto}` has not run in workspace {ws.path} (run `medcorpus {upto}` first)")
    pos = names.index(upto)
    ahead = names[:pos]  # the source layer and the stages before `upto`
    ws_bytes = _size(ws.path)
    ctes, _ = ws.layer_ctes(pos)
    # records `upto` has processed, and records removed before they reached it
    ws.exec(f"""CREATE OR REPLACE TEMP TABLE _purge_ids AS
        {ctes} SELECT DISTINCT id FROM L{pos}
        UNION SELECT id FROM ({ws.current_sql(include_removed=True)}) WHERE depth < {pos} AND status <> 'ok'""")
    stage_list = ", ".join(_q(s) for s in ahead)
    counts: dict[str, Any] = {"upto": upto, "stages_purged": [s if s != SOURCE else "ingest/sources" for s in ahead]}
    with ws.transaction():
        todo = (f"stage IN ({stage_list}) AND id IN (SELECT id FROM _purge_ids) "
                "AND (len(turns) > 0 OR status = 'ok')")
        shared = ""  # a row whose turns a later stage passed through unchanged holds that stage's text: kept
        if ws.one("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'records' "
                  "AND column_name = 'content_version'")[0]:
            later_list = ", ".join(_q(s) for s in names[pos:])
            shared = (f" AND version NOT IN (SELECT content_version FROM records WHERE stage IN ({later_list}) "
                      "AND content_version IS NOT NULL)")
        counts["records"] = ws.one(f"SELECT count(DISTINCT id) FROM records WHERE {todo}")[0]
        ws.exec(f"UPDATE records SET status = '{PURGED}' WHERE status = 'ok' AND {todo}")
        counts["rows_emptied"] = ws.exec(f"UPDATE records SET turns = [] WHERE len(turns) > 0 AND {todo}{shared}")[0][0]
        total = ws.one(f"SELECT count(DISTINCT id) FROM records WHERE stage = {_q(SOURCE)} AND len(turns) = 0 "
                       f"AND id IN (SELECT id FROM _purge_ids)")[0]
        later = [s for s in names[pos:] if s != SOURCE]
        keep = f"AND stage NOT IN ({', '.join(_q(s) for s in later)})" if later else ""
        counts["snippets_dropped"] = ws.exec(
            f"UPDATE rejects SET snippet = NULL WHERE record_id IS NOT NULL AND snippet IS NOT NULL {keep}")[0][0]
        counts["snippets_masked"] = _mask_file_snippets(ws)
        counts["caches_cleared"] = _clear_raw_caches(ws, ahead)
        ws.set(KV_KEY, {"upto": upto, "chain": [[s, f] for s, f in chain[:pos + 1]],
                        "at": time.strftime("%Y-%m-%dT%H:%M:%S"), "records": total})
    shutil.rmtree(ws.path / "scratch", ignore_errors=True)  # worker snapshots of side tables
    changed = counts["rows_emptied"] or counts["snippets_dropped"] or counts["snippets_masked"] or any(
        counts["caches_cleared"].values())
    if compact and changed:
        compact_database(ws)
    counts["bytes_before"], counts["bytes_after"] = ws_bytes, _size(ws.path)
    counts["seconds"] = round(time.perf_counter() - started, 3)
    return counts


def _mask_file_snippets(ws: Workspace) -> int:
    """Mask the snippets of file-level rejects (bad lines of inputs) that are not masked yet."""
    from medcorpus.pipeline.snippets import mask_texts

    rows = ws.exec("SELECT rowid, snippet FROM rejects WHERE record_id IS NULL AND snippet IS NOT NULL "
                   "AND snippet <> ''")
    if not rows:
        return 0
    masked = mask_texts([s for _, s in rows])
    changed = [(m, rid) for (rid, s), m in zip(rows, masked) if m != s]
    for text, rid in changed:
        ws.exec("UPDATE rejects SET snippet = ? WHERE rowid = ?", [text, rid])
    return len(changed)


# Tables other than records that keep text derived from raw records: (table, what to run).
def _raw_cache_sql(ahead: list[str]) -> list[tuple[str, str]]:
    sql = [("llm_cache", "DELETE FROM llm_cache"),  # prompts may carry raw patient text
           ("scrape_pages", "UPDATE scrape_pages SET html_gz = NULL WHERE html_gz IS NOT NULL")]
    if "grammar" in ahead:  # grammar ran on raw text: its cache and audit hold raw sentences
        sql += [("grammar_cache", "DELETE FROM grammar_cache"),
                ("grammar_audit", "UPDATE grammar_audit SET original = NULL, corrected = NULL "
                                  "WHERE record_id IN (SELECT id FROM _purge_ids)")]
    return sql


def _clear_raw_caches(ws: Workspace, ahead: list[str]) -> dict[str, int]:
    tables = {r[0] for r in ws.exec("SELECT table_name FROM duckdb_tables() WHERE NOT temporary")}
    out = {}
    for table, sql in _raw_cache_sql(ahead):
        if table in tables:
            rows = ws.exec(sql)
            out[table] = rows[0][0] if rows else 0
    return out


def compact_database(ws: Workspace) -> None:
    """Rewrite the DuckDB file with only its live data and swap it in atomically (same lock, same
    connection object afterwards)."""
    db = ws.db_path
    tmp = db.with_name(f".compact-{os.getpid()}-{db.name}")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    ws.exec("CHECKPOINT")
    name = ws.one("SELECT current_database()")[0]
    token = uuid.uuid4().hex
    ws.exec(f"ATTACH '{tmp}' AS _compact")
    try:
        ws.exec(f'COPY FROM DATABASE "{name}" TO _compact')
        ws.exec("INSERT OR REPLACE INTO _compact.kv VALUES ('compact_token', ?)", [orjson.dumps(token).decode()])
    finally:
        ws.exec("DETACH _compact")
    ws.con.close()
    os.replace(tmp, db)
    ws.con = Workspace(ws.path).con  # same settings; the lock and guards stay with `ws`
    if ws.get("compact_token") != token:  # DuckDB handed back an instance still open on the old file
        raise PurgeError(f"compacting {db}: another connection in this process still holds the old file; "
                         "close it and run `medcorpus purge` again (the purge itself is done)")
    guard = getattr(ws, "guard", None)
    if guard is not None:
        guard.refresh()  # the new file is this workspace now


def apply_retention(ws: Workspace, steps: list[tuple[str, bool | None]]) -> dict[str, Any]:
    """Purge after each step whose `retain_raw` (or else the workspace default) is false; what was done."""
    default = ws.get(RETAIN_RAW_KEY, True)
    chain = [s for s, _ in ws.chain()]
    done = {}
    for use, retain in steps:
        keep = retain if retain is not None else (default or use != "scrub")
        if not keep and use in chain:
            result = purge(ws, upto=use)
            if result["rows_emptied"]:
                done[use] = result
    return done


def purge_state(ws: Workspace) -> dict | None:
    """What the last purge recorded (None if the workspace was never purged)."""
    return ws.get(KV_KEY)


def check_stage_change(ws: Workspace, stage: str, fingerprint: str) -> None:
    """Refuse to run a stage at or before the purge point with settings other than those the purged
    records went through: their raw text is gone, so it could not apply to them."""
    state = purge_state(ws)
    if not state:
        return
    recorded = dict((s, f) for s, f in state["chain"])
    if stage in recorded and recorded[stage] != fingerprint:
        raise PurgeError(
            f"`{stage}` runs with changed settings, but workspace {ws.path} was purged up to `{state['upto']}` "
            f"on {state['at']}: the raw text of {state['records']:,} record(s) is gone, so new settings for "
            f"`{stage}` cannot apply to them. Keep its settings, or re-ingest the raw files into a new workspace")


def scan(directory: Path, values: Iterable[str]) -> dict[str, list[str]]:
    """{value: [files under `directory` whose bytes contain it (UTF-8)]} for each value found."""
    wanted = [(v, v.encode("utf-8")) for v in values if v]
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in Path(directory).rglob("*") if p.is_file()):
        data = path.read_bytes()
        for value, raw in wanted:
            if raw in data:
                found.setdefault(value, []).append(str(path))
    return found


def _size(directory: Path) -> int:
    return sum(p.stat().st_size for p in Path(directory).rglob("*") if p.is_file())


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


__all__ = ["purge", "compact_database", "scan", "check_stage_change", "purge_state", "PurgeError", "DB_FILE"]
