"""The DuckDB workspace: records in layers, rejects, runs, and the stage chain.

Every stage writes a new *version* row per record it processed (`records` table), pointing
at the version it read (`input_version`). When a stage left a record's turns unchanged (or
removed the record), its row stores no turns: `content_version` points at the row that holds
them, so they are never copied; every reading query resolves it (`with_content`). The *chain* is
the ordered list of transform stages with their current fingerprint; the current state of a
record is the furthest row along the chain whose lineage is intact, kept by the committer in the
`current_layers` table (`pipeline/current.py`), so reads need no self-join per chain stage. So a changed config (new fingerprint) or a changed input makes
exactly the affected records pending again, and nothing is ever overwritten.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import duckdb
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from medcorpus.pipeline.current import LAYERS_DDL, CurrentLayers
from medcorpus.pipeline.committer import ROW_SCHEMA, TURN_TYPE, Committer, _meta_json, rows_to_table  # noqa: F401
from medcorpus.schemas import Record, Rejected

DEFAULT_WORKSPACE = "./medcorpus-ws"
DB_FILE = "medcorpus.duckdb"
SOURCE = "source"


_DDL = """
CREATE SEQUENCE IF NOT EXISTS run_seq START 1;
CREATE TABLE IF NOT EXISTS records (
    version BIGINT, id VARCHAR, stage VARCHAR, fingerprint VARCHAR, input_version BIGINT,
    origin VARCHAR, source VARCHAR, lang VARCHAR, kind VARCHAR,
    turns STRUCT(role VARCHAR, text VARCHAR)[], meta VARCHAR,
    status VARCHAR, reason VARCHAR, run_id BIGINT, created_at TIMESTAMP DEFAULT current_timestamp,
    content_version BIGINT);
ALTER TABLE records ADD COLUMN IF NOT EXISTS content_version BIGINT;
CREATE TABLE IF NOT EXISTS rejects (
    run_id BIGINT, stage VARCHAR, record_id VARCHAR, file VARCHAR, line BIGINT,
    reason VARCHAR, snippet VARCHAR, detail VARCHAR, created_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS runs (
    run_id BIGINT, stage VARCHAR, fingerprint VARCHAR, config VARCHAR, started_at TIMESTAMP,
    ended_at TIMESTAMP, status VARCHAR, n_in BIGINT, n_out BIGINT, n_rejected BIGINT,
    n_skipped BIGINT, seconds DOUBLE, extra VARCHAR);
CREATE TABLE IF NOT EXISTS chain (position INTEGER, stage VARCHAR, fingerprint VARCHAR,
    config VARCHAR, updated_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS kv (key VARCHAR PRIMARY KEY, value VARCHAR);
"""


DBError = duckdb.Error  # what a failed statement raises (callers outside pipeline/ catch this name)


def resolve_path(path: str | os.PathLike | None) -> Path:
    return Path(path or os.environ.get("MEDCORPUS_WORKSPACE") or DEFAULT_WORKSPACE)


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Workspace(Committer, CurrentLayers):
    """A directory holding `medcorpus.duckdb` plus any large files stages keep beside it."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = resolve_path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.db_path = self.path / DB_FILE
        self._guards: list[Callable[[], None]] = []  # checked before each commit and at close
        self._on_close: list[Callable[[], None]] = []
        self._tx_depth = 0  # transaction() nests: only the outermost one begins and commits
        self.con = duckdb.connect(str(self.db_path), read_only=read_only,
                                  config={"memory_limit": os.environ.get("MEDCORPUS_DB_MEMORY", "1GB"),
                                          # small batches commit often: checkpoint rarely (12x faster commits)
                                          "checkpoint_threshold": "256MB"})
        if not read_only:
            self.exec(_DDL)
            # version ids come from a sequence (a workspace made before it starts after its last version)
            if not self.one("SELECT count(*) FROM duckdb_sequences() WHERE sequence_name = 'version_seq'")[0]:
                start = self.one("SELECT coalesce(max(version), 0) + 1 FROM records")[0]
                self.exec(f"CREATE SEQUENCE version_seq START {int(start)}")
            self.exec(LAYERS_DDL)
            self.sync_layers()  # a workspace written before the table existed gets it once

    # ------------------------------------------------------------------ basics
    def exec(self, sql: str, params: list | None = None) -> list[tuple]:
        """Execute and fetch (DuckDB wants every result consumed before the next statement)."""
        return self.con.execute(sql, params or []).fetchall()

    def one(self, sql: str, params: list | None = None) -> tuple | None:
        """The first row of a query, or None (fetches it all: see `exec`)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def add_guard(self, check: Callable[[], None], on_close: Callable[[], None] | None = None) -> None:
        """`check()` raises if the workspace must not be written (e.g. it was deleted meanwhile);
        it runs before every commit and at close, then `on_close` (e.g. releasing a lock)."""
        self._guards.append(check)
        if on_close:
            self._on_close.append(on_close)

    def close(self) -> None:
        try:
            for check in self._guards:
                check()
        finally:
            self.con.close()
            hooks, self._on_close = self._on_close, []
            for hook in hooks:
                hook()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction; a nested one joins the enclosing one (its work commits with it)."""
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield self.con
            finally:
                self._tx_depth -= 1
            return
        self.exec("BEGIN TRANSACTION")
        self._tx_depth = 1
        try:
            yield self.con
        except BaseException:
            self._tx_depth = 0
            self.exec("ROLLBACK")
            raise
        self._tx_depth = 0
        try:
            for check in self._guards:
                check()
        except BaseException:
            self.exec("ROLLBACK")
            raise
        self.exec("COMMIT")

    def get(self, key: str, default: Any = None) -> Any:
        row = self.one("SELECT value FROM kv WHERE key = ?", [key])
        return orjson.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        self.con.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", [key, orjson.dumps(value).decode()]).fetchall()

    # ------------------------------------------------------------------ runs
    def start_run(self, stage: str, fingerprint: str = "", config: dict | None = None) -> int:
        run_id = self.one("SELECT nextval('run_seq')")[0]
        self.con.execute(
            "INSERT INTO runs (run_id, stage, fingerprint, config, started_at, status) VALUES (?,?,?,?,?,?)",
            [run_id, stage, fingerprint, orjson.dumps(config or {}).decode(), _now(), "running"]).fetchall()
        return run_id

    def finish_run(self, run_id: int, status: str, n_in: int = 0, n_out: int = 0,
                   n_rejected: int = 0, n_skipped: int = 0, seconds: float = 0.0,
                   extra: dict | None = None) -> None:
        self.con.execute(
            "UPDATE runs SET ended_at=?, status=?, n_in=?, n_out=?, n_rejected=?, n_skipped=?, "
            "seconds=?, extra=? WHERE run_id=?",
            [_now(), status, n_in, n_out, n_rejected, n_skipped, seconds,
             orjson.dumps(extra or {}, default=str).decode(), run_id]).fetchall()

    # ------------------------------------------------------------------ rejects
    def add_rejects(self, rejects: Iterable[Rejected], stage: str, run_id: int | None) -> int:
        from medcorpus.pipeline.snippets import mask_rejects

        rejects = mask_rejects(list(rejects))  # a bad input line's snippet is stored without identifiers
        rows = [(run_id, stage, r.record_id, r.file, r.line, r.reason, r.snippet[:300],
                 orjson.dumps(r.detail, default=str).decode()) for r in rejects]
        if rows:  # one Arrow insert: executemany costs ~2 ms a row (dedup writes 100k+ rejects)
            cols = list(zip(*rows))
            table = pa.table({
                "run_id": pa.array(cols[0], pa.int64()), "stage": pa.array(cols[1], pa.string()),
                "record_id": pa.array(cols[2], pa.string()), "file": pa.array(cols[3], pa.string()),
                "line": pa.array(cols[4], pa.int64()), "reason": pa.array(cols[5], pa.string()),
                "snippet": pa.array(cols[6], pa.string()), "detail": pa.array(cols[7], pa.string())})
            self.con.register("_rejects_in", table)
            try:
                self.exec("INSERT INTO rejects (run_id, stage, record_id, file, line, reason, snippet, detail) "
                          "SELECT * FROM _rejects_in")
            finally:
                self.con.unregister("_rejects_in")
        return len(rows)

    # ------------------------------------------------------------------ source records
    def add_records(self, rows: list[dict] | pa.Table, origin: str, run_id: int | None = None) -> int:
        """Insert new source records (rows as from `Record.to_row`); ids already present are
        skipped, so re-ingesting the same input adds nothing. Returns the count inserted."""
        table = rows if isinstance(rows, pa.Table) else rows_to_table(rows, SOURCE, "", None, origin, run_id)
        if table.num_rows == 0:
            return 0
        table = table.append_column("_ord", pa.array(range(table.num_rows), pa.int64()))
        self.con.register("_incoming", table)
        try:
            with self.transaction():
                added = self.returning(f"""
                    INSERT INTO records (version, id, stage, fingerprint, input_version, origin, source,
                        lang, kind, turns, meta, status, reason, run_id)
                    SELECT nextval('version_seq'),
                        id, stage, fingerprint, input_version, origin, source,
                        lang, kind, turns, meta, status, reason, run_id FROM (
                        SELECT * FROM _incoming b
                        WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.stage = {_q(SOURCE)} AND r.id = b.id)
                        QUALIFY row_number() OVER (PARTITION BY b.id ORDER BY b._ord) = 1 ORDER BY b._ord)
                    RETURNING id, version""", ("id", "version"))
                self._layers_add_sources(added)
            return added.num_rows
        finally:
            self.con.unregister("_incoming")

    def commit_source(self, records: list[dict] | pa.Table, rejects: list[Rejected], stage: str, origin: str,
                      run_id: int | None = None, side: Iterable[tuple[Any, list[dict]]] = (),
                      also: Callable[[], Any] | None = None) -> tuple[int, int]:
        """A source's batch in one transaction: new records (idempotent by id), its rejects,
        keyed by (stage, file, line) so a re-run after a crash writes each reject once, rows for
        side tables `side` [(SideTable, rows)] (an LLM source's cached replies and finished items)
        and `also()`, the source's own bookkeeping (a crawler's pages and frontier), so all of it
        commits or none. Returns (records added, rejects written)."""
        with self.transaction():
            for spec, rows in side:
                self.ensure_side_table(spec)
                self.write_side_rows(spec, rows, run_id, "", {})
            if also is not None:
                also()
            added = self.add_records(records, origin=origin, run_id=run_id)
            keyed = [(r.file, r.line) for r in rejects if r.file is not None and r.line is not None]
            if keyed:
                self.temp_table("_src_rejects", pa.table({"file": pa.array([k[0] for k in keyed], pa.string()),
                                                          "line": pa.array([k[1] for k in keyed], pa.int64())}))
                self.exec("DELETE FROM rejects WHERE stage = ? AND (file, line) IN (SELECT (file, line) "
                          "FROM _src_rejects)", [stage])
                self.exec("DROP TABLE _src_rejects")
            written = self.add_rejects(rejects, stage, run_id)
        return added, written

    # ------------------------------------------------------------------ the chain
    def chain(self) -> list[tuple[str, str]]:
        """[(stage, fingerprint)], starting with the source layer."""
        rows = self.con.execute("SELECT stage, fingerprint FROM chain ORDER BY position").fetchall()
        return [(SOURCE, "")] + [(s, f) for s, f in rows]

    def set_chain(self, stages: list[tuple[str, str, dict]]) -> None:
        """Replace the chain with [(stage, fingerprint, config)] (a pipeline file's order)."""
        with self.transaction():
            self.con.execute("DELETE FROM chain").fetchall()
            for pos, (stage, fp, cfg) in enumerate(stages, 1):
                self.con.execute("INSERT INTO chain (position, stage, fingerprint, config) VALUES (?,?,?,?)",
                                 [pos, stage, fp, orjson.dumps(cfg, default=str).decode()]).fetchall()
            self.sync_layers()

    def enter_chain(self, stage: str, fingerprint: str, config: dict | None = None) -> int:
        """Put `stage` in the chain (appended if new, fingerprint updated if known); its position."""
        cfg = orjson.dumps(config or {}, default=str).decode()
        with self.transaction():
            row = self.one("SELECT position FROM chain WHERE stage = ?", [stage])
            if row:
                pos = row[0]
                self.con.execute("UPDATE chain SET fingerprint=?, config=?, updated_at=current_timestamp "
                                 "WHERE stage=?", [fingerprint, cfg, stage]).fetchall()
            else:
                pos = self.one("SELECT coalesce(max(position), 0) + 1 FROM chain")[0]
                self.con.execute("INSERT INTO chain (position, stage, fingerprint, config) VALUES (?,?,?,?)",
                                 [pos, stage, fingerprint, cfg]).fetchall()
            self.sync_layers()
        return pos

    def layer_ctes(self, upto: int | None = None) -> tuple[str, int]:
        """CTEs L0..Lk for the current rows of each chain layer; returns (sql, k)."""
        chain = self.chain()
        k = len(chain) - 1 if upto is None else upto
        ctes = [f"L0 AS (SELECT * FROM records WHERE stage = {_q(SOURCE)})"]
        for i in range(1, k + 1):
            stage, fp = chain[i]
            ctes.append(
                f"L{i} AS (SELECT r.* FROM records r JOIN L{i-1} p "
                f"ON r.id = p.id AND r.input_version = p.version "
                f"WHERE r.stage = {_q(stage)} AND r.fingerprint = {_q(fp)} "
                f"QUALIFY row_number() OVER (PARTITION BY r.id ORDER BY r.version DESC) = 1)")
        return "WITH " + ",\n".join(ctes), k

    @staticmethod
    def with_content(inner: str) -> str:
        """The rows of query `inner` with their turns from the row holding them (rows whose
        turns a stage left unchanged store none: `content_version` points at it)."""
        # the join's build side holds only rows something points at (none in a fresh workspace):
        # a million rows' turns in its hash table would not fit the workspace's memory limit
        return ("SELECT x.* REPLACE (coalesce(x.turns, c.turns) AS turns) "
                f"FROM ({inner}) x LEFT JOIN (SELECT version, turns FROM records WHERE version IN "
                "(SELECT content_version FROM records WHERE content_version IS NOT NULL)) c "
                "ON c.version = x.content_version")

    def current_sql(self, include_removed: bool = False) -> str:
        """SQL for each record's newest state: the furthest chain layer with intact lineage.
        Adds `depth` (layer index reached) and `pending` (layers still to run)."""
        if self.layers_ok():
            return self.with_content(self._layers_current_sql(len(self.chain()) - 1, include_removed))
        ctes, k = self.layer_ctes()
        union = " UNION ALL ".join(f"SELECT {i} AS depth, * FROM L{i}" for i in range(k + 1))
        where = "" if include_removed else "WHERE status = 'ok'"
        return self.with_content(f"{ctes}, _all AS ({union}), _cur AS (SELECT * FROM _all QUALIFY row_number() "
                                 f"OVER (PARTITION BY id ORDER BY depth DESC) = 1) "
                                 f"SELECT *, {k} - depth AS pending FROM _cur {where}")

    def input_sql(self, stage: str) -> str:
        """SQL for every live row `stage` takes as input (its predecessor layer in the chain)."""
        if self.layers_ok():
            return self.with_content(self._layers_input_sql(self._position(stage) - 1, pending_only=False))
        ctes, k = self._predecessor(stage)
        return self.with_content(f"{ctes} SELECT p.* FROM L{k} p WHERE p.status = 'ok'")

    def _position(self, stage: str) -> int:
        pos = self.one("SELECT position FROM chain WHERE stage = ?", [stage])
        if pos is None:
            raise KeyError(f"stage {stage!r} is not in the workspace chain")
        return pos[0]

    def _predecessor(self, stage: str) -> tuple[str, int]:
        return self.layer_ctes(self._position(stage) - 1)

    def pending_sql(self, stage: str, fingerprint: str) -> str:
        """SQL for the rows `stage` (at its chain position) has yet to process."""
        if self.layers_ok() and self.chain_fingerprint(stage) == fingerprint:
            return self.with_content(self._layers_input_sql(self._position(stage) - 1, pending_only=True))
        ctes, k = self._predecessor(stage)
        return self.with_content(
            f"{ctes} SELECT p.* FROM L{k} p WHERE p.status = 'ok' AND NOT EXISTS ("
            f"SELECT 1 FROM records r WHERE r.stage = {_q(stage)} AND r.fingerprint = {_q(fingerprint)} "
            f"AND r.input_version = p.version)")

    # ------------------------------------------------------------------ reading
    def rows_at(self, versions: pa.Array | pa.ChunkedArray, select: str | None = None) -> list[dict]:
        """The records rows with these (ascending) versions, their turns resolved, as dicts with
        `meta` parsed (or the `select` columns over them), in version order. Two lookups bounded
        by version ranges, so DuckDB reads only the row groups holding them."""
        if len(versions) == 0:
            return []
        lo, hi = versions[0].as_py(), versions[-1].as_py()
        self.con.register("_at_v", pa.table({"v": versions}))
        try:
            rows = self.con.sql(f"SELECT * FROM records WHERE version BETWEEN {int(lo)} AND {int(hi)} "
                                "AND version IN (SELECT v FROM _at_v)").to_arrow_table()
        finally:
            self.con.unregister("_at_v")
        bounds = pc.min_max(rows.column("content_version")).as_py()
        content = ("SELECT NULL::BIGINT AS version, NULL::STRUCT(role VARCHAR, text VARCHAR)[] AS turns LIMIT 0"
                   if bounds["min"] is None else
                   f"SELECT version, turns FROM records WHERE version BETWEEN {int(bounds['min'])} AND "
                   f"{int(bounds['max'])} AND version IN (SELECT content_version FROM _at_rows)")
        self.con.register("_at_rows", rows)
        try:
            return self.fetch_rows(f"SELECT {select or '*'} FROM (SELECT b.* REPLACE (coalesce(b.turns, c.turns) "
                                   f"AS turns) FROM _at_rows b LEFT JOIN ({content}) c ON c.version = b.content_version) "
                                   "ORDER BY version")
        finally:
            self.con.unregister("_at_rows")

    def fetch_rows(self, sql: str, params: list | dict | None = None) -> list[dict]:
        """Rows as dicts with `meta` parsed."""
        rows = self.con.sql(sql, params=params or None).to_arrow_table().to_pylist()
        for r in rows:
            if isinstance(r.get("meta"), str):
                r["meta"] = orjson.loads(r["meta"])
        return rows

    def records(self, include_removed: bool = False) -> list[Record]:
        """The current records (small workspaces and tests; stages stream instead)."""
        return [Record.from_row(r) for r in self.fetch_rows(self.current_sql(include_removed) + " ORDER BY version")]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
