"""Export the current records as sharded Parquet/JSONL in alpaca, sharegpt or messages shape,
with a LLaMA-Factory `dataset_info.json` and a dataset card."""
from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from medcorpus.pipeline.io import atomic_path
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import SHAPES

SHAPE_FORMATS = tuple(SHAPES)
FILE_TYPES = ("parquet", "jsonl")
DATA_DIR = "data"

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


class _Stats:
    def __init__(self) -> None:
        self.source: Counter = Counter()
        self.lang: Counter = Counter()
        self.kind: Counter = Counter()
        self.turns: list[int] = []
        self.chars: list[int] = []

    def add(self, row: dict) -> None:
        self.source[row["source"]] += 1
        self.lang[row["lang"]] += 1
        self.kind[row["kind"]] += 1
        self.turns.append(len(row["turns"]))
        self.chars.append(sum(len(t["text"]) for t in row["turns"]))


def _shape_table(rows: list[dict], fmt: str) -> pa.Table:
    shape = SHAPES[fmt]
    cols: dict[str, list] = {n: [] for n, _ in SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS}
    for row in rows:
        for key, value in shape(row["turns"]).items():
            cols[key].append(value)
        for key, _ in EXTRA_COLUMNS:
            cols[key].append(row[key])
    return pa.table(cols, schema=pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS))


def _write_shard(table: pa.Table, path: Path, file_type: str) -> None:
    with atomic_path(path) as tmp:
        if file_type == "parquet":
            pq.write_table(table, tmp, compression="zstd")
        else:
            with open(tmp, "wb") as fh:
                for row in table.to_pylist():
                    fh.write(orjson.dumps(row) + b"\n")


def export(ws: Workspace, out: Path, fmt: str = "alpaca", file_type: str = "parquet",
           shard_size: int = 100_000, name: str = "medcorpus", complete_only: bool = False) -> RunSummary:
    """Write the newest ok state of every record; records a stage removed are left out."""
    if fmt not in SHAPES:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(SHAPES)})")
    if file_type not in FILE_TYPES:
        raise ValueError(f"unknown file type {file_type!r} (one of {', '.join(FILE_TYPES)})")
    started = time.perf_counter()
    run_id = ws.start_run("export", config={"out": str(out), "format": fmt, "file_type": file_type})
    cur = ws.current_sql()
    pending = dict(ws.con.execute(f"SELECT pending, count(*) FROM ({cur}) GROUP BY pending").fetchall())
    n_pending = sum(v for k, v in pending.items() if k > 0)
    where = "WHERE pending = 0" if complete_only else ""
    total = ws.one(f"SELECT count(*) FROM ({cur}) {where}")[0]
    n_shards = max(1, -(-total // shard_size))
    data_dir = out / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    names = [f"train-{i:05d}-of-{n_shards:05d}.{file_type}" for i in range(n_shards)]
    stats = _Stats()
    reader = ws.con.sql(f"SELECT id, source, lang, kind, turns FROM ({cur}) {where} ORDER BY version"
                        ).to_arrow_reader(shard_size)
    written = 0
    with progress_bar("export", total=total) as advance:
        shard = 0
        buf: list[dict] = []
        for batch in reader:
            buf.extend(batch.to_pylist())
            while len(buf) >= shard_size:
                written += _flush(buf[:shard_size], data_dir / names[shard], fmt, file_type, stats)
                advance(shard_size)
                buf, shard = buf[shard_size:], shard + 1
        if buf or shard == 0:
            written += _flush(buf, data_dir / names[shard], fmt, file_type, stats)
            advance(len(buf))
    for stale in data_dir.glob("train-*-of-*.*"):
        if stale.name not in names:
            stale.unlink()
    (out / "dataset_info.json").write_text(orjson.dumps(dataset_info(name, fmt), option=orjson.OPT_INDENT_2).decode())
    (out / "README.md").write_text(dataset_card(name, fmt, file_type, names, stats, ws))
    seconds = time.perf_counter() - started
    extra = {"out": str(out), "shards": n_shards, "format": fmt, "file_type": file_type,
             "pending_records": n_pending, "complete_only": complete_only}
    ws.finish_run(run_id, "ok", total, written, 0, 0, seconds, extra)
    return RunSummary(stage="export", n_in=total, n_out=written, seconds=round(seconds, 3), extra=extra)


def _flush(rows: list[dict], path: Path, fmt: str, file_type: str, stats: _Stats) -> int:
    for row in rows:
        stats.add(row)
    _write_shard(_shape_table(rows, fmt), path, file_type)
    return len(rows)


def _table(title: str, counter: Counter) -> str:
    lines = [f"| {title} | records |", "|---|---:|"]
    lines += [f"| {k} | {v:,} |" for k, v in counter.most_common()]
    return "\n".join(lines)


def _describe(values: list[int]) -> str:
    if not values:
        return "n/a"
    qs = statistics.quantiles(values, n=20) if len(values) > 1 else [values[0]] * 19
    return (f"min {min(values):,}, median {int(statistics.median(values)):,}, p95 {int(qs[18]):,}, "
            f"max {max(values):,}, mean {statistics.fmean(values):,.1f}")


def dataset_card(name: str, fmt: str, file_type: str, names: list[str], stats: _Stats, ws: Workspace) -> str:
    stages = [s for s, _ in ws.chain()[1:]]
    return f"""# {name}

Supervised fine-tuning data exported by medcorpus in the **{fmt}** shape as {file_type} shards
(`{DATA_DIR}/{names[0]}` … {len(names)} shard(s)). `dataset_info.json` beside this card lets
LLaMA-Factory load it as it is (`dataset_dir` = this folder, dataset `{name}`); with 🤗 datasets:
`load_dataset("{file_type if file_type == 'parquet' else 'json'}", data_dir="<this folder>")`.

Records: **{sum(stats.source.values()):,}**. Stages applied, in order: {', '.join(stages) or 'none (ingested as is)'}.

## By source
{_table("source", stats.source)}

## By language
{_table("lang", stats.lang)}

## By kind
{_table("kind", stats.kind)}

## Lengths
- turns per record: {_describe(stats.turns)}
- characters per record: {_describe(stats.chars)}

## Provenance and licences
Each record keeps its `source`; check the licence of every source before redistributing
(GenMedGPT-5k: Apache-2.0; ChatMed-Consult: research use; see the sources' own terms).
"""
