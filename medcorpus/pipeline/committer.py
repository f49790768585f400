"""The committer: the only writer of stage outputs. One batch's records, rejects and side rows
go in one transaction; unchanged turns are stored as a pointer; Arrow in and out.

`Committer` is a mixin of `Workspace` (it uses `self.con`, `exec`, `one`, `transaction`)."""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

import orjson
import pyarrow as pa

from medcorpus.schemas import Record, Rejected

TURN_TYPE = pa.list_(pa.struct([("role", pa.string()), ("text", pa.string())]))
ROW_SCHEMA = pa.schema([
    ("id", pa.string()), ("stage", pa.string()), ("fingerprint", pa.string()),
    ("input_version", pa.int64()), ("origin", pa.string()), ("source", pa.string()),
    ("lang", pa.string()), ("kind", pa.string()), ("turns", TURN_TYPE), ("meta", pa.string()),
    ("status", pa.string()), ("reason", pa.string()), ("run_id", pa.int64()), ("content_version", pa.int64()),
])


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Committer:
    # ------------------------------------------------------------------ stage outputs (the committer)
    def write_outputs(self, stage: str, fingerprint: str, run_id: int | None,
                      items: list[tuple[dict, Record | Rejected]],
                      side: Iterable[tuple[Any, list[dict]]] = (), pending: bool = True,
                      added: list[dict] | None = None) -> tuple[int, int]:
        """Write one batch of a transform stage in one transaction: (input row, output) pairs and
        `side` rows [(SideTable, rows)]. A kept record's meta gets the stage in meta.stages; its
        turns, when the stage left them as they were, and a Rejected's (status 'removed', meta as
        read) are not copied: the row points at the input's. `pending`: every input row is one
        the stage had yet to process (else some were re-opened: see `_layers_advance`). `added`:
        new records the stage made beside its inputs (source rows with origin = the stage).
        Returns (kept, removed)."""
        rows, rejects = [], []
        step = {"stage": stage, "fp": fingerprint}
        for src, out in items:
            content = src.get("content_version") or src["version"]
            if isinstance(out, Rejected):
                rows.append({"id": src["id"], "source": src["source"], "lang": src["lang"], "kind": src["kind"],
                             "turns": None, "meta": _meta_json(src["meta"]), "content_version": content,
                             "origin": src.get("origin"), "input_version": src["version"], "status": "removed",
                             "reason": out.reason})
                rejects.append(out.model_copy(update={"record_id": src["id"]}))
                continue
            same = _same_turns(out.turns, src["turns"])
            row = out.to_row() if not same else {"id": out.id, "source": out.source, "lang": out.lang,
                                                 "kind": out.kind, "turns": None, "meta": out.meta}
            meta = row["meta"] or {}
            row.update(meta=_meta_json({**meta, "stages": [*meta.get("stages", []), step]}), status="ok",
                       reason=None, input_version=src["version"], origin=src.get("origin"),
                       content_version=content if same else None)
            rows.append(row)
        table = rows_to_table(rows, stage, fingerprint, None, None, run_id)
        version_of = {src["id"]: src["version"] for src, _ in items}
        position = self._layer_position(stage, fingerprint)
        with self.transaction():
            new = self._insert_versions(table)
            if position is not None and new is not None:
                self._layers_advance(new, position, reopened=not pending)
            self.add_rejects(rejects, stage, run_id)
            for spec, side_rows in side:
                self.write_side_rows(spec, side_rows, run_id, fingerprint, version_of)
            if added:
                self.add_records(added, origin=stage, run_id=run_id)
        return len(rows) - len(rejects), len(rejects)

    def _insert_versions(self, table: pa.Table) -> pa.Table | None:
        """Insert rows of ROW_SCHEMA with version ids from the sequence, in row order; returns
        the new rows' (id, version, input_version)."""
        if table.num_rows == 0:
            return None
        table = table.append_column("_ord", pa.array(range(table.num_rows), pa.int64()))
        self.con.register("_out", table)
        try:
            return self.returning("""INSERT INTO records (version, id, stage, fingerprint, input_version,
                origin, source, lang, kind, turns, meta, status, reason, run_id, content_version)
                SELECT nextval('version_seq'), id, stage, fingerprint, input_version, origin, source,
                lang, kind, turns, meta, status, reason, run_id, content_version
                FROM (SELECT * FROM _out ORDER BY _ord) RETURNING id, version, input_version""", ("id", "version", "input_version"))
        finally:
            self.con.unregister("_out")

    def returning(self, sql: str, names: tuple[str, ...]) -> pa.Table:
        """Run an INSERT ... RETURNING and give its returned rows as an Arrow table of `names`."""
        rows = self.con.execute(sql).fetchall()
        cols = list(zip(*rows)) if rows else [()] * len(names)
        return pa.table({name: list(col) for name, col in zip(names, cols)})

    def ensure_side_table(self, spec: Any) -> None:
        self.exec(f"CREATE TABLE IF NOT EXISTS {spec.name} ({spec.columns})")

    def write_side_rows(self, spec: Any, rows: list[dict], run_id: int | None, fingerprint: str,
                        version_of: dict[str, int]) -> int:
        """Rows for side table `spec` (a stage.SideTable), keyed: rows already there with an
        incoming key are replaced ("replace") or the incoming row is dropped ("ignore")."""
        if not rows:
            return 0
        names = spec.column_names()
        fill = {"run_id": run_id, "fingerprint": fingerprint}
        cols: dict[str, list] = {}
        for name in names:
            if any(name in r for r in rows):
                cols[name] = [r.get(name) for r in rows]
            elif name in fill:
                cols[name] = [fill[name]] * len(rows)
            elif name == "input_version" and "record_id" in names:
                cols[name] = [version_of.get(r.get("record_id")) for r in rows]
        data = pa.table(cols)
        keys = ", ".join(spec.key)
        cols_sql = ", ".join(cols)
        self.con.register("_side_in", data)
        try:
            if spec.on_conflict == "replace":
                self.exec(f"DELETE FROM {spec.name} WHERE ({keys}) IN (SELECT ({keys}) FROM _side_in)")
                return self.exec(f"INSERT INTO {spec.name} ({cols_sql}) SELECT {cols_sql} FROM _side_in")[0][0]
            match = " AND ".join(f"t.{k} IS NOT DISTINCT FROM s.{k}" for k in spec.key)
            return self.exec(
                f"INSERT INTO {spec.name} ({cols_sql}) SELECT {cols_sql} FROM (SELECT * FROM _side_in "
                f"QUALIFY row_number() OVER (PARTITION BY {keys}) = 1) s "
                f"WHERE NOT EXISTS (SELECT 1 FROM {spec.name} t WHERE {match})")[0][0]
        finally:
            self.con.unregister("_side_in")

    # ------------------------------------------------------------------ Arrow in and out
    def insert_arrow(self, table: str, data: pa.Table, columns: Iterable[str] | None = None,
                     verb: str = "INSERT", by_name: bool = True) -> int:
        """Insert an Arrow table into `table` (its columns by name, or `columns`, or by position
        with `by_name=False`); `verb` may be "INSERT OR REPLACE". Returns the row count."""
        if data.num_rows == 0:
            return 0
        self.con.register("_arrow_in", data)
        try:
            if not by_name:
                return self.exec(f"{verb} INTO {table} SELECT * FROM _arrow_in")[0][0]
            cols = ", ".join(columns or data.column_names)
            return self.exec(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _arrow_in")[0][0]
        finally:
            self.con.unregister("_arrow_in")

    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.exec("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                        "ORDER BY column_index", [table])]

    def thread_view(self) -> "Workspace":
        """The same workspace through a second connection, for one worker thread (close it after)."""
        view = object.__new__(type(self))
        view.__dict__.update(self.__dict__)
        view.con = self.con.cursor()
        view._tx_depth = 0
        return view

    def temp_table(self, name: str, data: pa.Table) -> None:
        """(Re)create temporary table `name` holding `data`."""
        self.con.register("_arrow_tmp", data)
        try:
            self.exec(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _arrow_tmp")
        finally:
            self.con.unregister("_arrow_tmp")

    def arrow(self, sql: str, params: list | None = None) -> pa.Table:
        """A query's result as an Arrow table."""
        return self.con.sql(sql, params=params or None).to_arrow_table()

    def arrow_batches(self, sql: str, batch_size: int = 2000) -> Iterator[pa.RecordBatch]:
        """A query's result as Arrow record batches, streamed (for dry runs and exports)."""
        yield from self.con.sql(sql).to_arrow_reader(batch_size)

    def copy_to_parquet(self, sql: str, path: str | os.PathLike) -> None:
        """Write a query's result to a Parquet file (snapshots for worker processes)."""
        self.exec(f"COPY ({sql}) TO {_q(str(path))} (FORMAT parquet)")

    def table_exists(self, name: str) -> bool:
        return bool(self.one("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name])[0])

    def chain_position(self, stage: str) -> int | None:
        row = self.one("SELECT position FROM chain WHERE stage = ?", [stage])
        return row[0] if row else None

    def chain_fingerprint(self, stage: str) -> str | None:
        row = self.one("SELECT fingerprint FROM chain WHERE stage = ?", [stage])
        return row[0] if row else None


def _same_turns(a: list, b: list) -> bool:
    """Whether a stage's output turns are its input row's (Turn models or dicts)."""
    if a is b:
        return True
    if len(a) != len(b):
        return False
    for t, u in zip(a, b):
        t_role, t_text = (t["role"], t["text"]) if isinstance(t, dict) else (t.role, t.text)
        if t_role != u["role"] or t_text != u["text"]:
            return False
    return True


def _meta_json(meta: Any) -> str:
    return meta if isinstance(meta, str) else orjson.dumps(meta or {}, default=str).decode()


def rows_to_table(rows: list[dict], stage: str, fingerprint: str, input_version: int | None,
                  origin: str | None, run_id: int | None) -> pa.Table:
    """Rows (as from `Record.to_row`, plus optional status/reason/input_version/origin/
    content_version) as an Arrow table of ROW_SCHEMA, column by column."""
    n = len(rows)

    def col(key: str, default: Any = None) -> list:
        return [r.get(key, default) for r in rows]

    data = {
        "id": [r["id"] for r in rows], "stage": pa.array([stage] * n, pa.string()),
        "fingerprint": pa.array([fingerprint] * n, pa.string()),
        "input_version": col("input_version", input_version),
        "origin": [r.get("origin") or origin for r in rows],
        "source": [r["source"] for r in rows], "lang": [r["lang"] for r in rows], "kind": [r["kind"] for r in rows],
        "turns": [r["turns"] for r in rows], "meta": [_meta_json(r.get("meta")) for r in rows],
        "status": col("status", "ok"), "reason": col("reason"), "run_id": pa.array([run_id] * n, pa.int64()),
        "content_version": col("content_version"),
    }
    return pa.table(data, schema=ROW_SCHEMA)


