"""Readers that stream JSON / JSONL / CSV / TSV / Parquet (plain or .gz) and an atomic writer.

Readers yield `(position, obj)` where obj is a dict, or a `BadInput` describing why that
line or row could not be read; they never hold a whole large file in memory.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator

import orjson

SMALL_JSON_ARRAY = 256 * 1024 * 1024  # arrays below this are parsed in one go (fast path)


class InputError(Exception):
    """A file that cannot be read at all (missing, wrong type, broken container)."""


@dataclass
class BadInput:
    reason: str
    snippet: str = ""


def parse_map(items: list[str] | None, fields: tuple[str, ...]) -> dict[str, str]:
    """`--map FIELD=COLUMN` options -> {field: column}; an unknown field is an error."""
    mapping: dict[str, str] = {}
    for item in items or []:
        field, sep, column = item.partition("=")
        if not sep or not column:
            raise InputError(f"--map {item!r}: expected FIELD=COLUMN")
        if field not in fields:
            raise InputError(f"--map {item!r}: unknown field {field!r} (one of {', '.join(fields)})")
        mapping[field] = column
    return mapping


def base_name(path: Path) -> str:
    """'dump.jsonl.gz' -> 'dump.jsonl' (the name with its compression suffix removed)."""
    return path.name[:-3] if path.name.endswith(".gz") else path.name


def file_kind(path: Path) -> str:
    """'json', 'jsonl', 'csv', 'tsv' or 'parquet' from the name."""
    name = base_name(path).lower()
    for ext, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"),
                      (".tsv", "tsv"), (".parquet", "parquet"), (".pq", "parquet")):
        if name.endswith(ext):
            return kind
    raise InputError(f"{path}: unknown file type (expected .json, .jsonl, .csv, .tsv or .parquet, optionally .gz)")


def open_binary(path: Path) -> BinaryIO:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    return gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")


def _snippet(raw: bytes | str, n: int = 200) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return text.strip()[:n]


def iter_records(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    """Stream the objects of any supported file; position is a 1-based line or row number.

    A file that stops being readable part way (corrupt gzip, damaged Parquet page) raises
    InputError naming the file and the last position read."""
    kind = file_kind(path)
    if kind == "parquet":
        items = _iter_parquet(path)
    elif kind in ("csv", "tsv"):
        items = _iter_csv(path, "\t" if kind == "tsv" else ",")
    else:
        items = _iter_json(path)
    pos = 0
    try:
        for pos, obj in items:
            yield pos, obj
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise unreadable(path, exc, pos) from exc


def unreadable(path: Path, exc: BaseException, pos: int = 0) -> InputError:
    """The InputError for a file that cannot be read (past position `pos`)."""
    where = f" after record {pos}" if pos else ""
    if path.name.endswith(".gz") and isinstance(exc, (zlib.error, OSError, EOFError)):
        return InputError(f"{path}: corrupt or truncated gzip file{where} ({exc}); re-download or re-compress it")
    if file_kind(path) == "parquet":
        return InputError(f"{path}: damaged or not a Parquet file{where} ({str(exc).splitlines()[0][:200]}); "
                          "write it again (e.g. re-run the export)")
    return InputError(f"{path}: cannot be read{where}: {exc}")


def _iter_json(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    with open_binary(path) as fh:
        head = fh.read(4096)
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"[":
        yield from _iter_json_array(path)
    elif first == b"{" or not first:
        yield from _iter_jsonl(path)
    else:
        raise InputError(f"{path}: not JSON or JSONL (starts with {head[:40]!r})")


def _iter_jsonl(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    with open_binary(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            yield lineno, parse_json_line(raw)


def parse_json_line(raw: bytes) -> dict | BadInput:
    """One JSONL line: the object, or why it is not one."""
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as uexc:
            return BadInput(f"undecodable bytes (not UTF-8): {uexc.reason} at byte {uexc.start}", _snippet(raw))
        return BadInput(f"malformed JSON: {exc}", _snippet(raw))
    return obj if isinstance(obj, dict) else BadInput(f"expected a JSON object, got {type(obj).__name__}", _snippet(raw))


def _iter_json_array(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    size = path.stat().st_size
    if path.name.endswith(".gz") or size > SMALL_JSON_ARRAY:
        yield from _iter_json_array_streaming(path)
        return
    data = path.read_bytes()
    try:
        items = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # undecodable bytes: parse anyway and reject only the items that carry them
            items = json.loads(data.decode("utf-8", "surrogateescape"))
            for i, obj in enumerate(items, 1):
                if _has_surrogates(obj):
                    yield i, BadInput("undecodable bytes (not UTF-8)", _snippet(repr(obj)))
                else:
                    yield i, obj if isinstance(obj, dict) else BadInput("expected a JSON object", _snippet(repr(obj)))
            return
        raise InputError(f"{path}: malformed JSON array: {exc}") from exc
    if not isinstance(items, list):
        raise InputError(f"{path}: expected a JSON array of objects")
    for i, obj in enumerate(items, 1):
        yield i, obj if isinstance(obj, dict) else BadInput(f"expected a JSON object, got {type(obj).__name__}", _snippet(repr(obj)))


def _iter_json_array_streaming(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    import ijson

    i = 0
    with open_binary(path) as fh:
        try:
            for i, obj in enumerate(ijson.items(fh, "item", use_float=True), 1):
                yield i, obj if isinstance(obj, dict) else BadInput(f"expected a JSON object, got {type(obj).__name__}", _snippet(repr(obj)))
        except (ijson.JSONError, UnicodeDecodeError, OSError, EOFError) as exc:
            raise InputError(f"{path}: malformed JSON array after item {i}: {exc}") from exc


def _has_surrogates(obj: Any) -> bool:
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
            return False
        except UnicodeEncodeError:
            return True
    if isinstance(obj, dict):
        return any(_has_surrogates(k) or _has_surrogates(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(_has_surrogates(v) for v in obj)
    return False


def _iter_csv(path: Path, delimiter: str) -> Iterator[tuple[int, dict | BadInput]]:
    csv.field_size_limit(sys.maxsize)
    with open_binary(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        header = [h.lstrip("\ufeff").strip() for h in header]
        for row in reader:
            rowno = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield rowno, BadInput(f"row has {len(row)} fields, header has {len(header)}", _snippet(delimiter.join(row)))
                continue
            obj = dict(zip(header, row))
            if _has_surrogates(obj):
                yield rowno, BadInput("undecodable bytes (not UTF-8)", _snippet(repr(row)))
                continue
            yield rowno, obj


def table_columns(path: Path) -> list[str] | None:
    """Column names of a CSV/TSV/Parquet file (None for JSON kinds)."""
    try:
        return _table_columns(path)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise unreadable(path, exc) from exc


def _table_columns(path: Path) -> list[str] | None:
    kind = file_kind(path)
    if kind == "parquet":
        import pyarrow.parquet as pq
        return pq.ParquetFile(path).schema_arrow.names
    if kind in ("csv", "tsv"):
        with open_binary(path) as fh:
            line = fh.readline().decode("utf-8", "replace")
        return [h.lstrip("\ufeff").strip() for h in next(csv.reader([line], delimiter="\t" if kind == "tsv" else ","), [])]
    return None


def _iter_parquet(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    import pyarrow.parquet as pq

    if path.name.endswith(".gz"):
        raise InputError(f"{path}: compress Parquet internally, not with gzip")
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        raise unreadable(path, exc) from exc
    row = 0
    for batch in pf.iter_batches(batch_size=10_000):
        for obj in batch.to_pylist():
            row += 1
            yield row, obj


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yields a temporary path beside `final`; renamed onto it only if the block succeeds."""
    tmp = final.with_name(f".tmp-{os.getpid()}-{final.name}")
    try:
        yield tmp
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
