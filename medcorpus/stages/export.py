"""Export the current records as sharded Parquet/JSONL in alpaca, sharegpt or messages shape,
with a LLaMA-Factory `dataset_info.json` and a dataset card."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import SHAPES

SHAPE_FORMATS = tuple(SHAPES)
FILE_TYPES = ("parquet", "jsonl")
DATA_DIR = "data"
BATCH = 10_000  # rows per write; bounds memory whatever the shard size

_STR = pa.string()
SHAPE_SCHEMAS = {
    "alpaca": [("instruction", _STR), ("input", _STR), ("output", _STR), ("history", pa.list_(pa.list_(_STR)))],
    "sharegpt": [("system", _STR), ("conversations", pa.list_(pa.struct([("from", _STR), ("value", _STR)])))],
    "messages": [("messages", pa.list_(pa.struct([("role", _STR), ("content", _STR)])))],
}
EXTRA_COLUMNS = [("id", _STR), ("source", _STR), ("lang", _STR), ("kind", _STR)]


def dataset_info(name: str, fmt: str) -> dict[str, Any]:
    """LLaMA-Factory's dataset_info.json entry for the shards under data/."""
    if fmt == "alpaca":
        entry = {"formatting": "alpaca", "columns": {"prompt": "instruction", "query": "input",
                                                      "response": "output", "history": "history"}}
    elif fmt == "sharegpt":
        entry = {"formatting": "sharegpt", "columns": {"messages": "conversations", "system": "system"}}
    else:
        entry = {"formatting": "sharegpt", "columns": {"messages": "messages"},
                 "tags": {"role_tag": "role", "content_tag": "content", "user_tag": "user",
                          "assistant_tag": "assistant", "system_tag": "system"}}
    return {name: {"file_name": DATA_DIR, **entry}}


def _shape_table(rows: list[dict], fmt: str) -> pa.Table:
    shape = SHAPES[fmt]
    cols: dict[str, list] = {n: [] for n, _ in SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS}
    for row in rows:
        for key, value in shape(row["turns"]).items():
            cols[key].append(value)
        for key, _ in EXTRA_COLUMNS:
            cols[key].append(row[key])
    return pa.table(cols, schema=pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS))


class _ShardWriter:
    """Writes one shard batch by batch to a temp name; renamed into place on close."""

    def __init__(self, path: Path, fmt: str, file_type: str):
        self.path, self.fmt, self.file_type = path, fmt, file_type
        self.tmp = path.with_name(f".tmp-{path.name}")
        self.schema = pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS)
        self._pq = pq.ParquetWriter(self.tmp, self.schema, compression="zstd") if file_type == "parquet" else None
        self._fh = open(self.tmp, "wb") if file_type == "jsonl" else None

    def write(self, rows: list[dict]) -> None:
        table = _shape_table(rows, self.fmt)
        if self._pq is not None:
            self._pq.write_table(table)
        else:
            self._fh.write(b"".join(orjson.dumps(r) + b"\n" for r in table.to_pylist()))

    def close(self) -> None:
        (self._pq or self._fh).close()
        self.tmp.replace(self.path)


def export(ws: Workspace, out: Path, fmt: str = "alpaca", file_type: str = "parquet",
           shard_size: int = 100_000, name: str = "medcorpus", complete_only: bool = False) -> RunSummary:
    """Write the newest ok state of every record; records a stage removed are left out.

    Memory stays flat: rows stream from DuckDB in batches into the open shard."""
    if fmt not in SHAPES:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(SHAPES)})")
    if file_type not in FILE_TYPES:
        raise ValueError(f"unknown file type {file_type!r} (one of {', '.join(FILE_TYPES)})")
    started = time.perf_counter()
    run_id = ws.start_run("export", config={"out": str(out), "format": fmt, "file_type": file_type})
    where = "WHERE pending = 0" if complete_only else ""
    ws.exec(f"CREATE OR REPLACE TEMP TABLE _export AS SELECT row_number() OVER (ORDER BY version) AS rn, "
            f"id, source, lang, kind, turns, pending FROM ({ws.current_sql()}) {where}")
    n_pending = ws.one(f"SELECT count(*) FROM ({ws.current_sql()}) WHERE pending > 0")[0] if complete_only \
        else ws.one("SELECT count(*) FROM _export WHERE pending > 0")[0]
    total = ws.one("SELECT count(*) FROM _export")[0]
    n_shards = max(1, -(-total // shard_size))
    data_dir = out / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    names = [f"train-{i:05d}-of-{n_shards:05d}.{file_type}" for i in range(n_shards)]
    written = 0
    with progress_bar("export", total=total) as advance:
        for i, shard_name in enumerate(names):
            writer = _ShardWriter(data_dir / shard_name, fmt, file_type)
            reader = ws.con.sql(f"SELECT id, source, lang, kind, turns FROM _export WHERE rn > {i * shard_size} "
                                f"AND rn <= {(i + 1) * shard_size} ORDER BY rn").to_arrow_reader(BATCH)
            for batch in reader:
                writer.write(batch.to_pylist())
                written += batch.num_rows
                advance(batch.num_rows)
            writer.close()
    for stale in data_dir.glob("train-*-of-*.*"):
        if stale.name not in names:
            stale.unlink()
    (out / "dataset_info.json").write_text(orjson.dumps(dataset_info(name, fmt), option=orjson.OPT_INDENT_2).decode())
    (out / "README.md").write_text(dataset_card(name, fmt, file_type, names, _stats(ws), ws))
    ws.exec("DROP TABLE IF EXISTS _export")
    seconds = time.perf_counter() - started
    extra = {"out": str(out), "shards": n_shards, "format": fmt, "file_type": file_type,
             "pending_records": n_pending, "complete_only": complete_only}
    ws.finish_run(run_id, "ok", total, written, 0, 0, seconds, extra)
    return RunSummary(stage="export", n_in=total, n_out=written, seconds=round(seconds, 3), extra=extra)


def _stats(ws: Workspace) -> dict[str, Any]:
    """Counts and length statistics of what was exported (SQL over the export table)."""
    counts = {col: dict(ws.exec(f"SELECT {col}, count(*) n FROM _export GROUP BY 1 ORDER BY n DESC"))
              for col in ("source", "lang", "kind")}
    lengths = {}
    for key, expr in (("turns", "len(turns)"), ("chars", "list_sum(list_transform(turns, lambda t: length(t.text)))")):
        row = ws.one(f"SELECT min(x), median(x), quantile_cont(x, 0.95), max(x), avg(x) FROM (SELECT {expr} AS x FROM _export)")
        lengths[key] = row
    return {**counts, "lengths": lengths, "total": sum(counts["source"].values())}


def _table(title: str, counts: dict) -> str:
    lines = [f"| {title} | records |", "|---|---:|"]
    lines += [f"| {k} | {v:,} |" for k, v in counts.items()]
    return "\n".join(lines)


def _describe(row: tuple) -> str:
    if row[0] is None:
        return "n/a"
    lo, med, p95, hi, mean = row
    return f"min {lo:,}, median {int(med):,}, p95 {int(p95):,}, max {hi:,}, mean {mean:,.1f}"


def dataset_card(name: str, fmt: str, file_type: str, names: list[str], stats: dict, ws: Workspace) -> str:
    stages = [s for s, _ in ws.chain()[1:]]
    return f"""# {name}

Supervised fine-tuning data exported by medcorpus in the **{fmt}** shape as {file_type} shards
(`{DATA_DIR}/{names[0]}` … {len(names)} shard(s)). `dataset_info.json` beside this card lets
LLaMA-Factory load it as it is (`dataset_dir` = this folder, dataset `{name}`); with 🤗 datasets:
`load_dataset("{file_type if file_type == 'parquet' else 'json'}", data_dir="<this folder>")`.

Records: **{stats['total']:,}**. Stages applied, in order: {', '.join(stages) or 'none (ingested as is)'}.

## By source
{_table("source", stats["source"])}

## By language
{_table("lang", stats["lang"])}

## By kind
{_table("kind", stats["kind"])}

## Lengths
- turns per record: {_describe(stats["lengths"]["turns"])}
- characters per record: {_describe(stats["lengths"]["chars"])}

## Provenance and licences
Each record keeps its `source`; check the licence of every source before redistributing
(GenMedGPT-5k: Apache-2.0; ChatMed-Consult: research use; see the sources' own terms).
"""
