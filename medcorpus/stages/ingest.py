"""Ingest existing dumps into the workspace's source layer.

Formats: alpaca (instruction/input/output, GenMedGPT, HealthCareMagic, iCliniq), chatmed
(query/response with the `<s>问：…答：` wrapper), huatuo (`data`: alternating 问/答 turns),
sharegpt (`conversations`), messages (OpenAI), and table (any columns, via a field map).
"""
from __future__ import annotations

import glob

import re
import time
from pathlib import Path
from dataclasses import dataclass
from typing import ClassVar, Any, Callable, Iterable, Iterator

import orjson
import pyarrow as pa

from medcorpus.pipeline.io import BadInput, InputError, base_name, file_kind, iter_records, open_binary, parse_json_line, table_columns, parse_map as parse_field_map
from medcorpus.pipeline.outcome import batch_gc, fewer_collections
from medcorpus.pipeline.parallel import ordered_map, spawn_pool
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.stage import Source, StageConfig, batched, register_stage
from medcorpus.pipeline.workspace import SOURCE, Workspace, rows_to_table
from medcorpus.schemas import Rejected, detect_lang, make_id

FORMATS = ("auto", "alpaca", "chatmed", "huatuo", "sharegpt", "messages", "table")
MAP_FIELDS = ("patient", "doctor", "system", "id", "lang")
CHUNK = 20_000  # records converted per chunk
PARALLEL_MIN_BYTES = 32 * 1024 * 1024

Turns = list[dict[str, str]]


class RecordError(ValueError):
    """This one record cannot be turned into turns (the reason goes to rejects)."""


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"field {field!r} is {type(value).__name__}, expected text")
    return value.strip()


def _qa(system: str, pairs: list[tuple[str, str]]) -> Turns:
    turns: Turns = [{"role": "system", "text": system}] if system else []
    for q, a in pairs:
        if not q:
            raise RecordError("empty patient text")
        if not a:
            raise RecordError("empty doctor text")
        turns += [{"role": "patient", "text": q}, {"role": "doctor", "text": a}]
    return turns


def from_alpaca(obj: dict) -> Turns:
    for key in ("instruction", "output"):
        if key not in obj:
            raise RecordError(f"missing field {key!r}")
    instruction, inp, out = _text(obj.get("instruction"), "instruction"), _text(obj.get("input"), "input"), _text(obj.get("output"), "output")
    system = _text(obj.get("system"), "system")
    if inp:  # GenMedGPT / HealthCareMagic: the instruction is a generic prompt, the input the patient
        system = "\n".join(x for x in (system, instruction) if x)
        question = inp
    else:
        question = instruction
    history = obj.get("history") or []
    pairs = [(_text(h[0], "history"), _text(h[1], "history")) for h in history if isinstance(h, (list, tuple)) and len(h) == 2]
    if len(pairs) != len(history):
        raise RecordError("malformed history (expected [question, answer] pairs)")
    return _qa(system, pairs + [(question, out)])


_CHATMED_MARK = re.compile(r"(问|答)[：:]")


def from_chatmed(obj: dict) -> Turns:
    for key in ("query", "response"):
        if key not in obj:
            raise RecordError(f"missing field {key!r}")
    query = _text(obj["query"], "query").replace("<s>", "").replace("</s>", "")
    parts = _CHATMED_MARK.split(query)
    # parts: [prefix, '问', text, '答', text, ...]; the trailing 答 is empty (the response follows)
    pairs: list[tuple[str, str]] = []
    if len(parts) == 1:
        pairs.append((query.strip(), ""))
    else:
        q = None
        for mark, text in zip(parts[1::2], parts[2::2]):
            text = text.strip()
            if mark == "问":
                q = text
            elif q is not None:
                pairs.append((q, text))
                q = None
        if q is not None:
            pairs.append((q, ""))
    if not pairs or pairs[-1][1]:
        raise RecordError("query does not end with a question")
    pairs[-1] = (pairs[-1][0], _text(obj["response"], "response"))
    return _qa("", pairs)


_HUATUO_PREFIX = re.compile(r"^\s*(问|答|患者|医生|病人)[：:]\s*")


def from_huatuo(obj: dict) -> Turns:
    data = obj.get("data")
    if not isinstance(data, list) or not data:
        raise RecordError("missing or empty field 'data'")
    texts = [_HUATUO_PREFIX.sub("", _text(x, "data")) for x in data]
    if len(texts) % 2:
        raise RecordError(f"'data' has {len(texts)} utterances: the last patient turn has no answer")
    return _qa("", list(zip(texts[0::2], texts[1::2])))


_ASK = {"human", "user", "patient"}
_ANSWER = {"gpt", "assistant", "chatgpt", "bing", "bard", "model", "doctor"}


def _from_conversation(items: Any, role_key: str, text_key: str, system: str = "") -> Turns:
    if not isinstance(items, list) or not items:
        raise RecordError("empty conversation")
    turns: Turns = [{"role": "system", "text": system}] if system else []
    for item in items:
        if not isinstance(item, dict) or role_key not in item or text_key not in item:
            raise RecordError(f"conversation item without {role_key!r}/{text_key!r}")
        who, text = str(item[role_key]).lower(), _text(item[text_key], text_key)
        if who == "system":
            if text:
                turns.append({"role": "system", "text": text})
            continue
        if who not in _ASK | _ANSWER:
            raise RecordError(f"unknown role {item[role_key]!r}")
        if not text:
            raise RecordError("empty text in conversation")
        turns.append({"role": "patient" if who in _ASK else "doctor", "text": text})
    if not any(t["role"] == "doctor" for t in turns):
        raise RecordError("no doctor/assistant turn")
    if not any(t["role"] == "patient" for t in turns):
        raise RecordError("no patient/user turn")
    return turns


def from_sharegpt(obj: dict) -> Turns:
    return _from_conversation(obj.get("conversations"), "from", "value", _text(obj.get("system"), "system"))


def from_messages(obj: dict) -> Turns:
    return _from_conversation(obj.get("messages"), "role", "content")


def table_converter(mapping: dict[str, str]) -> Callable[[dict], Turns]:
    if "patient" not in mapping or "doctor" not in mapping:
        raise InputError("the table format needs --map patient=COLUMN and --map doctor=COLUMN")

    def convert(obj: dict) -> Turns:
        missing = [c for f, c in mapping.items() if f in ("patient", "doctor") and c not in obj]
        if missing:
            raise RecordError(f"missing column(s) {', '.join(map(repr, missing))}")
        system = _text(obj.get(mapping["system"]), mapping["system"]) if "system" in mapping else ""
        return _qa(system, [(_text(obj[mapping["patient"]], mapping["patient"]), _text(obj[mapping["doctor"]], mapping["doctor"]))])

    return convert


CONVERTERS: dict[str, Callable[[dict], Turns]] = {
    "alpaca": from_alpaca, "chatmed": from_chatmed, "huatuo": from_huatuo,
    "sharegpt": from_sharegpt, "messages": from_messages,
}


def detect_format(keys: Iterable[str]) -> str | None:
    keys = set(keys)
    if "conversations" in keys:
        return "sharegpt"
    if "messages" in keys:
        return "messages"
    if "data" in keys:
        return "huatuo"
    if {"query", "response"} <= keys:
        return "chatmed"
    if {"instruction", "output"} <= keys:
        return "alpaca"
    return None


def parse_map(items: list[str] | None) -> dict[str, str]:
    return parse_field_map(items, MAP_FIELDS)


def _source_name(path: Path) -> str:
    name = base_name(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def _resolve_format(path: Path, fmt: str, mapping: dict[str, str]) -> tuple[str, Callable[[dict], Turns] | None]:
    """(format name, converter); converter None means: detect from the first object."""
    if fmt == "table" or (fmt == "auto" and mapping):
        columns = table_columns(path)
        if columns is not None:
            missing = [c for f, c in mapping.items() if f in ("patient", "doctor") and c not in columns]
            if missing:
                raise InputError(f"{path}: column(s) {', '.join(map(repr, missing))} not found; "
                                 f"the file has: {', '.join(columns)}")
        return "table", table_converter(mapping)
    if fmt != "auto":
        return fmt, CONVERTERS[fmt]
    columns = table_columns(path)
    if columns is not None:
        found = detect_format(columns)
        if not found:
            raise InputError(f"{path}: cannot tell the format from columns {', '.join(columns)}; "
                             f"name them with --map patient=COLUMN --map doctor=COLUMN")
        return found, CONVERTERS[found]
    return "auto", None


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


def _detect_from_content(path: Path) -> str:
    for pos, obj in iter_records(path):
        if isinstance(obj, BadInput):
            continue
        detected = detect_format(obj.keys())
        if detected is None:
            raise InputError(f"{path}: cannot tell the format of record {pos} (keys: "
                             f"{', '.join(list(obj)[:10])}); pass --format or --map")
        return detected
    return "alpaca"  # nothing readable: every line becomes a reject with its own reason


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open_binary(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                yield lineno, raw


def ingest_file(ws: Workspace, path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None,
                source: str | None = None, kind: str = "consultation", run_id: int | None = None,
                advance: Callable[[int], None] = lambda n: None, workers: int = 1) -> dict[str, int]:
    """Ingest one file in one transaction; returns counts (read, added, duplicate, rejected).

    Big JSONL files are parsed and converted by `workers` processes, chunk by chunk, in order."""
    mapping = mapping or {}
    file_kind(path)  # unknown extensions fail before anything is written
    fmt_name, convert = _resolve_format(path, fmt, mapping)
    if convert is None:
        fmt_name = _detect_from_content(path)
    ctx = _FileContext(fmt_name, mapping, source or _source_name(path), kind, str(path), run_id)
    counts = {"read": 0, "added": 0, "duplicate": 0, "rejected": 0}

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
        if isinstance(exc, (OSError, EOFError)):  # truncated or corrupt compressed input
            raise InputError(f"{path}: cannot be read: {exc}") from exc
        raise
    return counts


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


def ingest(ws: Workspace, paths: list[Path], fmt: str = "auto", mapping: dict[str, str] | None = None,
           source: str | None = None, kind: str = "consultation", workers: int = 2,
           skip_unchanged: bool = False) -> RunSummary:
    """Ingest files; a file that cannot be read at all raises InputError (its records roll back).

    With `skip_unchanged`, a file already ingested with the same size, mtime and settings is not
    read again (what `medcorpus build` does on a refresh)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    for path in paths:  # fail early on missing files, before any work
        if not path.exists():
            raise InputError(f"{path}: no such file")
    run_id = ws.start_run("ingest", config={"paths": [str(p) for p in paths], "format": fmt,
                                             "map": mapping or {}, "source": source})
    started = time.perf_counter()
    per_file: dict[str, dict[str, int]] = {}
    status = "failed"
    try:
        with progress_bar("ingest") as advance, batch_gc():
            for path in paths:
                signature = _file_signature(path, fmt, mapping, source, kind)
                if skip_unchanged and _unchanged(ws, signature):
                    per_file[str(path)] = {"read": 0, "added": 0, "duplicate": 0, "rejected": 0, "unchanged": 1}
                    continue
                per_file[str(path)] = ingest_file(ws, path, fmt, mapping, source, kind, run_id, advance, workers)
                if skip_unchanged:
                    ws.exec("INSERT OR REPLACE INTO ingest_files VALUES (?, ?)", [signature, run_id])
        status = "ok"
    finally:
        total = {k: sum(c[k] for c in per_file.values()) for k in ("read", "added", "duplicate", "rejected")}
        total["unchanged"] = sum(c.get("unchanged", 0) for c in per_file.values())
        seconds = time.perf_counter() - started
        ws.finish_run(run_id, status, total["read"], total["added"], total["rejected"], total["duplicate"],
                      seconds, {"files": per_file})
    extra = {"files": per_file}
    if total["unchanged"]:
        extra["unchanged_files"] = total["unchanged"]
    return RunSummary(stage="ingest", n_in=total["read"], n_out=total["added"], n_rejected=total["rejected"],
                      n_skipped=total["duplicate"], seconds=round(seconds, 3), extra=extra)


class IngestConfig(StageConfig):
    """`[[step]] use = "ingest"` in a pipeline file (paths relative to the file; globs allowed)."""

    path_fields: ClassVar[tuple[str, ...]] = ("paths",)

    paths: list[str]
    format: str = "auto"
    map: dict[str, str] = {}
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
        return ingest(ws, paths, c.format, c.map or None, c.source, c.kind, c.workers, skip_unchanged=True)
