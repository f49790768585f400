"""Export the current records as sharded Parquet/JSONL in alpaca, sharegpt or messages shape,
with a LLaMA-Factory `dataset_info.json`, a dataset card and a manifest.

- Turns are normalised first (`medcorpus.export.turns`): what reaches a trainer alternates
  patient/doctor and ends on a doctor turn; records with no answer left are rejected and counted.
- An optional held-out split (`holdout="2%"` or a count) goes to `data/test-*` beside `data/train-*`
  (`medcorpus.export.split`: by a hash of the dedup cluster, stable between versions).
- A record keeps its shard from one export to the next (`.export-index.parquet` beside the card);
  new records fill the last shard, then new ones. So a re-export (or a new version, `reuse_from`)
  hard-links every shard whose records' content and settings are unchanged and writes the others.
- The new `data/` is built in a sibling temp folder (`.export-tmp/`: never a temp file inside
  `data/`, which LLaMA-Factory reads whole) and swapped in by two renames; a killed export's
  leftovers are cleaned at the next start.
"""
from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from medcorpus.export.arrow_shapes import shape_batch
from medcorpus.export.card import DATA_DIR, SPLITS, PartStats, dataset_card, dataset_info
from medcorpus.export.split import assign_shards, held_out, holdout_share, parse_holdout, shard_digest
from medcorpus.export.turns import REJECT_REASON, count_fixes, normalise_turns
from medcorpus.pipeline import exports as db
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import SHAPES, Rejected

SHAPE_FORMATS = tuple(SHAPES)
FILE_TYPES = ("parquet", "jsonl")
TMP_DIR, OLD_DIR = ".export-tmp", ".export-old"
MANIFEST = "manifest.json"
INDEX = ".export-index.parquet"  # id, version, shard of every exported record: keeps shards stable
BATCH = 10_000  # rows per write; bounds memory whatever the shard size
LAYOUT_VERSION = "2"  # bump when the bytes of a shard change for the same records (shapes, normalisation)

_STR = pa.string()
SHAPE_SCHEMAS = {
    "alpaca": [("system", _STR), ("instruction", _STR), ("input", _STR), ("output", _STR),
               ("history", pa.list_(pa.list_(_STR)))],
    "sharegpt": [("system", _STR), ("conversations", pa.list_(pa.struct([("from", _STR), ("value", _STR)])))],
    "messages": [("messages", pa.list_(pa.struct([("role", _STR), ("content", _STR)])))],
}
EXTRA_COLUMNS = [("id", _STR), ("source", _STR), ("lang", _STR), ("kind", _STR)]


class _ShardWriter:
    """Writes one shard batch by batch to `path` (in the temp folder)."""

    def __init__(self, path: Path, fmt: str, file_type: str):
        self.fmt = fmt
        self.schema = pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS)
        self._pq = pq.ParquetWriter(path, self.schema, compression="zstd") if file_type == "parquet" else None
        self._fh = open(path, "wb") if file_type == "jsonl" else None

    def write(self, rows: list[dict]) -> None:
        shape = SHAPES[self.fmt]
        cols: dict[str, list] = {n: [] for n in self.schema.names}
        for row in rows:
            for key, value in shape(row["turns"]).items():
                cols[key].append(value)
            for key, _ in EXTRA_COLUMNS:
                cols[key].append(row[key])
        self.write_table(pa.table(cols, schema=self.schema))

    def write_table(self, table: pa.Table) -> None:
        if self._pq is not None:
            self._pq.write_table(table)
        else:
            self._fh.write(b"".join(orjson.dumps(r) + b"\n" for r in table.to_pylist()))

    def close(self) -> None:
        (self._pq or self._fh).close()


def _shape(batch: pa.RecordBatch, fmt: str, separator: str, stats: PartStats) -> pa.Table:
    """One batch of a shard in its output shape, counted into `stats`: one question and one
    answer column-wise, any other record normalised row by row (`normalise_turns`)."""
    schema = pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS)
    shape = SHAPES[fmt]

    def slow(rows: list[dict]) -> list[dict]:
        out = []
        for i, row in enumerate(rows):
            turns, fixes = normalise_turns(row["turns"], separator)
            stats.fixes.update(fixes)
            if turns is None:
                stats.rejected.append(row["id"])
                continue
            stats.add(row, turns)
            out.append({**shape(turns), **{k: row[k] for k, _ in EXTRA_COLUMNS}, "_i": i})
        return out

    table, pairs = shape_batch(batch, fmt, schema, [k for k, _ in EXTRA_COLUMNS], slow)
    if len(pairs.rows):
        stats.add_pairs(batch.take(pa.array(pairs.rows)), pairs.n_turns(), pairs.chars())
    return table


def _settings_digest(fmt: str, file_type: str, separator: str) -> str:
    return xxhash.xxh3_64_hexdigest(orjson.dumps([LAYOUT_VERSION, fmt, file_type, separator]))


def _read_manifest(folder: Path | None) -> dict[str, Any]:
    try:
        return orjson.loads((folder / MANIFEST).read_bytes()) if folder else {}
    except (OSError, orjson.JSONDecodeError):
        return {}


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(src, dst)


def _write_text(path: Path, text: str | bytes, tmp: Path) -> None:
    staged = tmp / path.name
    staged.write_bytes(text.encode() if isinstance(text, str) else text)
    staged.replace(path)


def _previous_shards(folder: Path | None) -> dict[str, str]:
    """id -> shard of the export in `folder` (its index beside the card), or nothing."""
    try:
        table = pq.read_table(folder / INDEX, columns=["id", "part"])
    except (OSError, TypeError, pa.ArrowInvalid):
        return {}
    return dict(zip(table["id"].to_pylist(), table["part"].to_pylist()))


def _plan(index: pa.Table, share: float, with_test: bool, shard_size: int, previous: dict[str, str]):
    """(ids, shard per record, {split: shards}, {shard: digest of its records' content})."""
    ids, contents, keys = index["id"].to_pylist(), index["content"].to_pylist(), index["key"].to_pylist()
    test = held_out(keys, share) if with_test else None
    parts, order = assign_shards(ids, test, previous, shard_size)
    members: dict[str, tuple[list[str], list[str]]] = {}
    for i, part in enumerate(parts):
        bucket = members.setdefault(part, ([], []))
        bucket[0].append(ids[i])
        bucket[1].append(contents[i])
    digests = {p: shard_digest(*members.get(p, ([], []))) for ps in order.values() for p in ps}
    return ids, parts, order, digests


def export(ws: Workspace, out: Path, fmt: str = "alpaca", file_type: str = "parquet",
           shard_size: int = 100_000, name: str = "medcorpus", complete_only: bool = False,
           holdout: str | int | None = None, merge_separator: str = "\n", reuse_from: Path | None = None,
           share: float | None = None) -> RunSummary:
    """Write the newest ok state of every record; records a stage removed are left out.

    `holdout` ("2%" or a count) adds a test split; `share` fixes the held-out share instead (a
    versioned build keeps the share of its first version). Unchanged shards of `reuse_from` (or
    of `out` itself) are hard-linked, not rewritten. Memory stays flat: rows stream in batches."""
    if fmt not in SHAPES:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(SHAPES)})")
    if file_type not in FILE_TYPES:
        raise ValueError(f"unknown file type {file_type!r} (one of {', '.join(FILE_TYPES)})")
    hold = parse_holdout(holdout)
    started = time.perf_counter()
    out = Path(out)
    run_id = ws.start_run("export", config={"out": str(out), "format": fmt, "file_type": file_type,
                                            "holdout": holdout, "merge_separator": merge_separator})
    data_dir, tmp, old_dir = out / DATA_DIR, out / TMP_DIR, out / OLD_DIR
    for leftover in (tmp, old_dir):  # a killed export's leftovers
        shutil.rmtree(leftover, ignore_errors=True)
    for stale in data_dir.glob(".tmp-*"):  # ... and those of exports before temp files moved out of data/
        stale.unlink()
    staged = tmp / DATA_DIR  # the new data/ is built here (unchanged shards hard-linked), then swapped in
    staged.mkdir(parents=True)

    index, n_pending = db.open_snapshot(ws, complete_only)
    total = index.num_rows
    source = reuse_from or out
    previous = _read_manifest(source)
    if share is None:
        share = _kept_count_share(hold, holdout, previous) or holdout_share(hold, total)
    sticky = _previous_shards(source) if previous.get("shard_size") == shard_size else {}  # else a fresh layout
    ids, parts, order, digests = _plan(index, share, hold is not None, shard_size, sticky)
    db.assign_parts(ws, ids, parts)
    files = {p: f"{p}-of-{len(ps):05d}.{file_type}" for ps in order.values() for p in ps}
    settings = _settings_digest(fmt, file_type, merge_separator)
    prev_parts = previous.get("parts", {}) if previous.get("settings") == settings else {}

    part_stats: dict[str, PartStats] = {}
    reused, rejects = 0, []
    with progress_bar("export", total=total) as advance:
        for part, file in files.items():
            old = prev_parts.get(part)
            if old and old["digest"] == digests[part] and (not old["records"] or (source / DATA_DIR / old["file"]).exists()):
                if old["records"]:
                    _link(source / DATA_DIR / old["file"], staged / file)
                part_stats[part] = PartStats.from_json(old["stats"])
                reused += 1
                advance(int(digests[part].split(":")[0]) if digests[part] != "empty" else 0)
                continue
            stats = part_stats[part] = PartStats()
            writer = None
            for batch in db.part_rows(ws, part, BATCH):
                table = _shape(batch, fmt, merge_separator, stats)
                if table.num_rows:
                    writer = writer or _ShardWriter(staged / file, fmt, file_type)
                    writer.write_table(table)
                advance(batch.num_rows)
            if writer is not None:
                writer.close()
    db.close_snapshot(ws)
    first_train = files[order["train"][0]]
    if not any((staged / files[p]).exists() for p in order["train"]):  # an empty corpus still has a train split
        _ShardWriter(staged / first_train, fmt, file_type).close()
    pq.write_table(pa.table({"id": pa.array(ids, pa.string()), "version": index["version"],
                             "part": pa.array(parts, pa.string())}), tmp / INDEX, compression="zstd")

    # swap the new data/ in: two renames, so a loader never sees old and new shards side by side
    keep = {p.name for p in staged.iterdir()}
    if data_dir.exists():
        data_dir.rename(old_dir)
    staged.rename(data_dir)
    shutil.rmtree(old_dir, ignore_errors=True)
    (tmp / INDEX).replace(out / INDEX)

    splits = {s: [files[p] for p in ps if files[p] in keep] for s, ps in order.items()}
    splits = {s: ps for s, ps in splits.items() if ps}
    stats = {s: PartStats.merged(part_stats[p] for p in order[s]) for s in splits}
    fixes = Counter()
    for st in part_stats.values():
        fixes.update(st.fixes)
        rejects += [Rejected(reason=REJECT_REASON, record_id=i) for i in st.rejected]
    normalised = count_fixes(fixes)
    db.replace_rejects(ws, "export", rejects, run_id)
    holdout_info = ({"asked": str(holdout), "share": share, "test_records": stats["test"].total if "test" in stats else 0}
                    if hold else None)
    written = sum(s.total for s in stats.values())
    stages = [s for s, _ in ws.chain()[1:]]
    manifest = {
        "records": written, "splits": {s: stats[s].total for s in stats}, "holdout": holdout_info,
        "normalised": normalised, "format": fmt, "file_type": file_type, "settings": settings,
        "shard_size": shard_size,
        "parts": {p: {"file": files[p], "digest": digests[p], "records": part_stats[p].total,
                      "stats": part_stats[p].to_json()} for p in files},
    }
    _write_text(out / "dataset_info.json", orjson.dumps(dataset_info(name, fmt, tuple(splits)),
                                                        option=orjson.OPT_INDENT_2), tmp)
    _write_text(out / "README.md", dataset_card(name, fmt, file_type, splits, stats, stages, normalised,
                                                holdout_info), tmp)
    _write_text(out / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2), tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    if hold and "test" not in splits:
        holdout_info["note"] = f"no record fell in the held-out share {share:.2%} of {total:,}: no test split"
    seconds = time.perf_counter() - started
    n_parts = len(files)
    extra = {"out": str(out), "shards": len(keep), "format": fmt, "file_type": file_type,
             "pending_records": n_pending, "complete_only": complete_only, "splits": manifest["splits"],
             "holdout": holdout_info, "normalised": normalised, "shards_reused": reused,
             "shards_written": n_parts - reused}
    ws.finish_run(run_id, "ok", total, written, len(rejects), 0, seconds, extra)
    return RunSummary(stage="export", n_in=total, n_out=written, n_rejected=len(rejects),
                      seconds=round(seconds, 3), extra=extra)


def _kept_count_share(hold: tuple[str, float] | None, holdout: str | int | None, previous: dict) -> float | None:
    """A record count is turned into a share once, at the folder's first export, and kept after:
    recomputing it over a grown corpus would move held-out records into train."""
    before = previous.get("holdout") or {}
    if hold is None or hold[0] != "count" or before.get("asked") != str(holdout):
        return None
    return before.get("share")


def held_out_ids(ws: Workspace, holdout: str | int, complete_only: bool = False,
                 share: float | None = None) -> list[str]:
    """The ids an export with this `holdout` puts in its test split (before turn normalisation,
    which may still reject some): a decontamination target for train."""
    hold = parse_holdout(holdout)
    if hold is None:
        return []
    index, _ = db.open_snapshot(ws, complete_only)
    db.close_snapshot(ws)
    keys = index["key"].to_pylist()
    mask = held_out(keys, share if share is not None else holdout_share(hold, index.num_rows))
    return [i for i, m in zip(index["id"].to_pylist(), mask.tolist()) if m]
