"""Ingest existing dumps into the workspace's source layer, one file at a time.

Each file is its own unit: a file that cannot be read is reported (and nothing of it kept) while
the others are ingested. Formats and their detection live in `ingest_formats`.
"""
from __future__ import annotations

import glob
import time
import zlib
from pathlib import Path
from dataclasses import dataclass
from typing import ClassVar, Any, Callable, Iterable, Iterator

import orjson
import pyarrow as pa

from medcorpus.pipeline.io import (BadInput, InputError, base_name, file_kind, iter_records, open_binary,
                                   parse_json_line, table_columns, unreadable, parse_map as parse_field_map)
from medcorpus.pipeline.outcome import batch_gc, fewer_collections
from medcorpus.pipeline.parallel import ordered_map, spawn_pool
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.stage import Source, StageConfig, batched, register_stage
from medcorpus.pipeline.workspace import SOURCE, Workspace, rows_to_table
from medcorpus.schemas import Rejected, detect_lang, make_id
from medcorpus.stages.ingest_formats import (CONVERTERS, VOTE_RECORDS, RecordError, Turns, detect_format,  # noqa: F401
                                             from_alpaca, from_chatmed, from_huatuo, from_messages,
                                             from_sharegpt, table_converter, vote_format)

FORMATS = ("auto", "alpaca", "chatmed", "huatuo", "sharegpt", "messages", "table")
MAP_FIELDS = ("patient", "doctor", "system", "id", "lang")
CHUNK = 20_000  # records converted per chunk
PARALLEL_MIN_BYTES = 32 * 1024 * 1024
TABLE_KINDS = ("csv", "tsv", "parquet")
UNREADABLE = (InputError, OSError, EOFError, zlib.error, UnicodeError, ValueError)  # a file's own fault


def parse_map(items: list[str] | None) -> dict[str, str]:
    """`--map FIELD=COLUMN` options (for every table-shaped file)."""
    return parse_field_map(items, MAP_FIELDS)


def parse_maps(items: list[str] | None) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """`--map FIELD=COLUMN` (every table-shaped file) and `--map FILE:FIELD=COLUMN` (that file only)
    -> (shared map, {file: map})."""
    shared: list[str] = []
    per_file: dict[str, list[str]] = {}
    for item in items or []:
        left, _, _ = item.partition("=")
        file, sep, field = left.rpartition(":")
        if sep and file:
            per_file.setdefault(file, []).append(item[len(file) + 1:])
        else:
            shared.append(item)
    return parse_map(shared), {f: parse_map(v) for f, v in per_file.items()}


def _match_file_maps(paths: list[Path], file_maps: dict[str, dict[str, str]]) -> dict[Path, dict[str, str]]:
    """{path: map} for `--map FILE:...`, FILE given as on the command line or by its name."""
    out: dict[Path, dict[str, str]] = {}
    for key, mapping in file_maps.items():
        hits = [p for p in paths if str(p) == key or p.name == key or p.resolve() == Path(key).resolve()]
        if not hits:
            raise InputError(f"--map {key}:...: {key} is not one of the files to ingest")
        for p in hits:
            out[p] = mapping
    return out


def _source_name(path: Path) -> str:
    name = base_name(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def _resolve_format(path: Path, fmt: str, mapping: dict[str, str], own_map: bool) -> tuple[str, str]:
    """(format, note) for one file. A shared --map applies only to table-shaped files (CSV/TSV/Parquet,
    or JSON whose records have no known shape); `own_map` (--map FILE:...) forces the table format."""
    if fmt == "table" or own_map:
        _check_columns(path, mapping, table_columns(path))
        return "table", ""
    if fmt != "auto":
        return fmt, ""
    columns = table_columns(path)
    if columns is not None:
        if mapping and not _missing(mapping, columns):
            return "table", ""
        found = detect_format(columns)
        if found:
            return found, f"--map not used ({found} columns)" if mapping else ""
        _check_columns(path, mapping, columns)
        raise InputError(f"{path}: cannot tell the format from columns {', '.join(columns)}; "
                         f"name them with --map {path.name}:patient=COLUMN --map {path.name}:doctor=COLUMN")
    objects = (obj for _, obj in _head(path) if not isinstance(obj, BadInput))
    voted, n_read, tally = vote_format(objects)
    if voted:
        return voted, f"--map not used ({voted} records)" if mapping else ""
    if n_read == 0:
        return "alpaca", ""  # nothing readable: every line becomes a reject with its own reason
    if mapping:
        return "table", ""
    raise InputError(f"{path}: none of its first {n_read} records has a known shape "
                     f"(alpaca, chatmed, huatuo, sharegpt, messages); pass --format, or "
                     f"--map {path.name}:patient=FIELD --map {path.name}:doctor=FIELD")


def _head(path: Path) -> Iterator[tuple[int, Any]]:
    for i, item in enumerate(iter_records(path)):
        if i >= VOTE_RECORDS:
            return
        yield item


def _missing(mapping: dict[str, str], columns: list[str]) -> list[str]:
    return [c for f, c in mapping.items() if f in ("patient", "doctor") and c not in columns]


def _check_columns(path: Path, mapping: dict[str, str], columns: list[str] | None) -> None:
    table_converter(mapping)  # needs patient and doctor
    missing = _missing(mapping, columns) if columns is not None else []
    if missing:
        raise InputError(f"{path}: column(s) {', '.join(map(repr, missing))} not found; "
                         f"the file has: {', '.join(columns)}")


@dataclass
class _FileContext:
    """What converting one file's records needs (picklable, for worker processes)."""

    fmt_name: str
    mapping: dict[str, str]
    source: str
    kind: str
    file_label: str
    run_id: int | None = None


def convert_chunk(items: list[tuple[int, Any]], ctx: _FileContext) -> tuple[pa.Table, list[Rejected]]:
    """Turn (position, object | raw JSON line | BadInput) items into workspace rows and rejects."""
    convert = table_converter(ctx.mapping) if ctx.fmt_name == "table" else CONVERTERS[ctx.fmt_name]
    mapping, src, kind, file_label = ctx.mapping, ctx.source, ctx.kind, ctx.file_label
    role_map = {"patient": "user", "doctor": "assistant"} if kind == "instruction" else None
    rows: list[dict] = []
    rejects: list[Rejected] = []
    for pos, obj in items:
        if isinstance(obj, bytes):
            obj = parse_json_line(obj)
        if isinstance(obj, BadInput):
            rejects.append(Rejected(reason=obj.reason, file=file_label, line=pos, snippet=obj.snippet))
            continue
        try:
            turns = convert(obj)
        except RecordError as exc:
            rejects.append(Rejected(reason=str(exc), file=file_label, line=pos,
                                    snippet=orjson.dumps(obj, default=str).decode()[:200]))
            continue
        if role_map:
            for t in turns:
                t["role"] = role_map.get(t["role"], t["role"])
        lang = obj.get(mapping["lang"]) if "lang" in mapping else None
        body = " ".join(t["text"] for t in turns if t["role"] != "system")
        meta = {"file": file_label, "line": pos, "format": ctx.fmt_name}
        if "id" in mapping and obj.get(mapping["id"]) is not None:
            meta["source_id"] = str(obj[mapping["id"]])
        elif obj.get("id") is not None and not isinstance(obj.get("id"), (dict, list)):
            meta["source_id"] = str(obj["id"])
        rows.append({"id": make_id(src, turns), "source": src,
                     "lang": lang or ("en" if body.isascii() else detect_lang(body)),
                     "kind": kind, "turns": turns, "meta": meta})
    return rows_to_table(rows, SOURCE, "", None, "ingest", ctx.run_id), rejects


def _convert_in_worker(args: tuple[list[tuple[int, Any]], _FileContext]) -> tuple[pa.Table, list[Rejected]]:
    return convert_chunk(*args)


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open_binary(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                yield lineno, raw


def ingest_file(ws: Workspace, path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None,
                source: str | None = None, kind: str = "consultation", run_id: int | None = None,
                advance: Callable[[int], None] = lambda n: None, workers: int = 1,
                own_map: bool = False) -> dict[str, Any]:
    """Ingest one file; returns its format and counts (read, added, duplicate, rejected).

    A file that cannot be read raises InputError and leaves nothing of it behind. Big JSONL
    files are parsed and converted by `workers` processes, chunk by chunk, in order."""
    mapping = mapping or {}
    try:
        file_kind(path)  # unknown extensions fail before anything is written
        fmt_name, note = _resolve_format(path, fmt, mapping, own_map)
    except UNREADABLE as exc:
        raise _unreadable(path, exc) from exc
    ctx = _FileContext(fmt_name, mapping, source or _source_name(path), kind, str(path), run_id)
    counts: dict[str, Any] = {"format": fmt_name, "read": 0, "added": 0, "duplicate": 0, "rejected": 0}
    if note:
        counts["note"] = note

    def store(result: tuple[pa.Table, list[Rejected]], n_items: int) -> None:
        table, bad = result  # a chunk's records and rejects commit together (the source committer)
        added, counts_rejected = ws.commit_source(table, bad, "ingest", origin="ingest", run_id=run_id)
        counts["rejected"] += counts_rejected
        counts["read"] += n_items
        counts["added"] += added
        counts["duplicate"] += table.num_rows - added
        advance(n_items)

    parallel = workers > 1 and file_kind(path) == "jsonl" and path.stat().st_size > PARALLEL_MIN_BYTES
    try:
        # each chunk commits on its own (memory stays flat on multi-GB files); a file that fails
        # part way is removed again below, so nothing half-read is left behind
        if parallel:
            with spawn_pool(workers, fewer_collections) as pool:
                chunks = ((chunk, ctx) for chunk in batched(_raw_lines(path), CHUNK))
                for (chunk, _), result in ordered_map(pool, _convert_in_worker, chunks, workers * 2):
                    store(result, len(chunk))
        else:
            for chunk in batched(iter_records(path), CHUNK):
                store(convert_chunk(chunk, ctx), len(chunk))
    except BaseException as exc:
        _forget_file(ws, run_id, str(path))
        if isinstance(exc, UNREADABLE):
            raise _unreadable(path, exc) from exc
        raise
    return counts


def _unreadable(path: Path, exc: BaseException) -> InputError:
    return exc if isinstance(exc, InputError) else unreadable(path, exc)


def _forget_file(ws: Workspace, run_id: int | None, file_label: str) -> None:
    """Remove what this run added from a file that failed part way."""
    ws.exec(f"DELETE FROM records WHERE stage = '{SOURCE}' AND run_id IS NOT DISTINCT FROM ? "
            "AND json_extract_string(meta, '$.file') = ?", [run_id, file_label])
    ws.exec("DELETE FROM rejects WHERE stage = 'ingest' AND run_id IS NOT DISTINCT FROM ? AND file = ?",
            [run_id, file_label])


def _file_signature(path: Path, fmt: str, mapping: dict[str, str] | None, source: str | None, kind: str) -> str:
    st = path.stat()
    return orjson.dumps([str(path.resolve()), st.st_size, st.st_mtime_ns, fmt, mapping or {}, source, kind],
                        option=orjson.OPT_SORT_KEYS).decode()


def _unchanged(ws: Workspace, signature: str) -> bool:
    ws.exec("CREATE TABLE IF NOT EXISTS ingest_files (signature VARCHAR PRIMARY KEY, run_id BIGINT)")
    return ws.one("SELECT 1 FROM ingest_files WHERE signature = ?", [signature]) is not None


class IngestFailed(InputError):
    """Some files could not be read (the others were ingested); carries the run's summary."""

    def __init__(self, message: str, summary: RunSummary):
        super().__init__(message)
        self.summary = summary


COUNTS = ("read", "added", "duplicate", "rejected")


def ingest(ws: Workspace, paths: list[Path], fmt: str = "auto", mapping: dict[str, str] | None = None,
           source: str | None = None, kind: str = "consultation", workers: int = 2,
           skip_unchanged: bool = False, file_maps: dict[str, dict[str, str]] | None = None) -> RunSummary:
    """Ingest files one at a time. A file that cannot be read is reported in the summary (`files`,
    with its error) and nothing of it is kept; the others are ingested. If any failed, IngestFailed
    (an InputError naming them, carrying the summary) is raised after the good files are in.

    `mapping` (--map FIELD=COLUMN) applies to table-shaped files only; `file_maps` maps a file (as
    given, or its name) to its own map. With `skip_unchanged`, a file already ingested with the same
    size, mtime and settings is not read again (what `medcorpus build` does on a refresh)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    own_maps = _match_file_maps(paths, file_maps or {})
    run_id = ws.start_run("ingest", config={"paths": [str(p) for p in paths], "format": fmt,
                                             "map": mapping or {}, "file_maps": file_maps or {}, "source": source})
    started = time.perf_counter()
    per_file: dict[str, dict[str, Any]] = {}
    status = "failed"
    try:
        with progress_bar("ingest") as advance, batch_gc():
            for path in paths:
                per_file[str(path)] = _ingest_one(ws, path, fmt, own_maps.get(path, mapping or {}), path in own_maps,
                                                  source, kind, run_id, advance, workers, skip_unchanged)
        failed = [f for f, c in per_file.items() if c.get("error")]
        status = "ok" if not failed else ("failed" if len(failed) == len(paths) else "partial")
    finally:
        total = {k: sum(c.get(k, 0) for c in per_file.values()) for k in COUNTS}
        total["unchanged"] = sum(c.get("unchanged", 0) for c in per_file.values())
        seconds = time.perf_counter() - started
        ws.finish_run(run_id, status, total["read"], total["added"], total["rejected"], total["duplicate"],
                      seconds, {"files": per_file})
    extra: dict[str, Any] = {"files": per_file}
    if total["unchanged"]:
        extra["unchanged_files"] = total["unchanged"]
    if failed:
        extra["failed_files"] = len(failed)
    summary = RunSummary(stage="ingest", n_in=total["read"], n_out=total["added"], n_rejected=total["rejected"],
                         n_skipped=total["duplicate"], seconds=round(seconds, 3), extra=extra)
    if failed:
        errors = "; ".join(per_file[f]["error"] for f in failed)
        others = " (the others were)" if len(failed) < len(paths) else ""
        raise IngestFailed(f"{len(failed)} of {len(paths)} file(s) could not be ingested{others}: {errors}",
                           summary)
    return summary


def _ingest_one(ws: Workspace, path: Path, fmt: str, mapping: dict[str, str], own_map: bool, source: str | None,
                kind: str, run_id: int, advance: Callable[[int], None], workers: int,
                skip_unchanged: bool) -> dict[str, Any]:
    """One file's result: counts, or {"error": ...} when it cannot be read."""
    try:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        signature = _file_signature(path, fmt, mapping, source, kind)
        if skip_unchanged and _unchanged(ws, signature):
            return {"format": "", **dict.fromkeys(COUNTS, 0), "unchanged": 1}
        counts = ingest_file(ws, path, fmt, mapping, source, kind, run_id, advance, workers, own_map)
        if skip_unchanged:
            ws.exec("INSERT OR REPLACE INTO ingest_files VALUES (?, ?)", [signature, run_id])
        return counts
    except InputError as exc:
        return {"format": "", **dict.fromkeys(COUNTS, 0), "error": str(exc)}


class IngestConfig(StageConfig):
    """`[[step]] use = "ingest"` in a pipeline file (paths relative to the file; globs allowed)."""

    path_fields: ClassVar[tuple[str, ...]] = ("paths",)

    paths: list[str]
    format: str = "auto"
    map: dict[str, str] = {}          # for table-shaped files
    file_maps: dict[str, dict[str, str]] = {}  # {file: map} for one file only
    source: str | None = None
    kind: str = "consultation"
    workers: int = 2


@register_stage
class Ingest(Source):
    name = "ingest"
    config_model = IngestConfig

    def run(self, ws: Workspace) -> RunSummary:
        c = self.config
        paths: list[Path] = []
        for pattern in c.paths:
            matches = ([Path(p) for p in sorted(glob.glob(pattern))] if any(ch in pattern for ch in "*?[")
                       else [Path(pattern)])
            if not matches:
                raise InputError(f"{pattern}: no file matches")
            paths.extend(matches)
        return ingest(ws, paths, c.format, c.map or None, c.source, c.kind, c.workers, skip_unchanged=True,
                      file_maps=c.file_maps or None)
