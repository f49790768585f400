"""Benchmark files in their common shapes, read as items: (benchmark, item id, question, options).

Shapes (detected from the keys of the first object; `--map` names the columns for anything else):
- MedQA / USMLE: `{question, options: {A: ..} | [..], answer}`
- MedMCQA: `{id, question, opa, opb, opc, opd, cop}`
- PubMedQA: `{QUESTION, CONTEXTS, final_decision}` (also the original dict keyed by PMID)
- CMExam: `{Question, Options: "A 选项\\nB ..", Answer}`; CMB: `{question, option: {A: ..}, answer}`
- anything ingest reads (alpaca, sharegpt, messages, chatmed, huatuo): the asking turns are the question
- `--map question=COL [--map options=COL] [--map id=COL]`: any table or JSON(L)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from medcorpus.pipeline.io import BadInput, InputError, base_name, iter_records, open_binary

MAP_FIELDS = ("question", "options", "id")
SHAPES = ("medqa", "medmcqa", "pubmedqa", "cmexam", "cmb", "ingest", "map")


class BenchmarkError(ValueError):
    """A benchmark file that cannot be read (the message names the file and item)."""


@dataclass
class BenchItem:
    benchmark: str
    item_id: str
    question: str
    options: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """What a training record is compared with: the question, then the options."""
        return "\n".join([self.question, *self.options]) if self.options else self.question


@dataclass
class Benchmark:
    name: str
    path: str
    shape: str
    digest: str
    items: list[BenchItem]
    skipped: list[str] = field(default_factory=list)  # 'file:line: reason' of unreadable items


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def benchmark_name(path: Path) -> str:
    name = base_name(Path(path))
    return name.rsplit(".", 1)[0] if "." in name else name


def detect_shape(keys: Iterable[str]) -> str | None:
    keys = set(keys)
    if {"opa", "opb"} <= keys and "question" in keys:
        return "medmcqa"
    if "QUESTION" in keys:
        return "pubmedqa"
    if "Question" in keys:
        return "cmexam"
    if "question" in keys and "option" in keys:
        return "cmb"
    if "question" in keys:
        return "medqa"
    from medcorpus.stages.ingest import detect_format

    return "ingest" if detect_format(keys) else None


def _options(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [f"{k}. {v}" for k, v in value.items() if v not in (None, "")]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v not in (None, "")]
    text = str(value).strip()
    return [line.strip() for line in text.splitlines() if line.strip()] if text else []


def _item(obj: dict, shape: str, mapping: dict[str, str], bench: str, pos: int) -> BenchItem:
    def text_of(key: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"no text in {key!r}")
        return value

    if shape == "map":
        question = text_of(mapping["question"])
        options = _options(obj.get(mapping["options"])) if "options" in mapping else []
        item_id = obj.get(mapping["id"]) if "id" in mapping else None
    elif shape == "medmcqa":
        question = text_of("question")
        options = [f"{k[-1].upper()}. {obj[k]}" for k in ("opa", "opb", "opc", "opd", "ope") if obj.get(k)]
        item_id = obj.get("id")
    elif shape == "pubmedqa":
        question, options, item_id = text_of("QUESTION"), [], obj.get("id") or obj.get("pubid")
    elif shape == "cmexam":
        question, options, item_id = text_of("Question"), _options(obj.get("Options")), obj.get("id")
    elif shape == "cmb":
        question, options, item_id = text_of("question"), _options(obj.get("option")), obj.get("id")
    elif shape == "medqa":
        question, options, item_id = text_of("question"), _options(obj.get("options")), obj.get("id")
    else:  # anything ingest reads: the asking side is the question
        from medcorpus.schemas import ASKING_ROLES
        from medcorpus.stages.ingest import CONVERTERS, detect_format

        turns = CONVERTERS[detect_format(obj.keys())](obj)
        question = "\n".join(t["text"] if isinstance(t, dict) else t.text for t in turns
                             if (t["role"] if isinstance(t, dict) else t.role) in ASKING_ROLES)
        if not question.strip():
            raise ValueError("no asking turn")
        options, item_id = [], obj.get("id")
    return BenchItem(bench, str(item_id) if item_id not in (None, "") else str(pos), question, options)


def _objects(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    """iter_records, plus PubMedQA's original layout: one JSON object keyed by PMID."""
    if base_name(path).endswith(".json"):
        with open_binary(path) as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        if head[:1] == b"{":
            with open_binary(path) as fh:
                data = fh.read()
            try:
                obj = orjson.loads(data)
            except orjson.JSONDecodeError:
                obj = None  # JSONL after all
            if isinstance(obj, dict) and obj and all(isinstance(v, dict) for v in obj.values()) \
                    and not detect_shape(obj.keys()):
                for i, (key, value) in enumerate(obj.items(), 1):
                    yield i, {"id": key, **value}
                return
    yield from iter_records(path)


def read_benchmark(path: str | Path, mapping: dict[str, str] | None = None, name: str | None = None) -> Benchmark:
    """Every item of a benchmark file; unreadable items are listed in `skipped`, never dropped silently."""
    path = Path(path)
    mapping = dict(mapping or {})
    unknown = set(mapping) - set(MAP_FIELDS)
    if unknown:
        raise BenchmarkError(f"{path}: unknown --map field(s) {', '.join(sorted(unknown))} (one of {', '.join(MAP_FIELDS)})")
    if mapping and "question" not in mapping:
        raise BenchmarkError(f"{path}: --map needs question=COLUMN")
    bench = name or benchmark_name(path)
    shape = "map" if mapping else None
    items, skipped = [], []
    try:
        digest = file_digest(path)
        for pos, obj in _objects(path):
            if isinstance(obj, BadInput):
                skipped.append(f"{path}:{pos}: {obj.reason}")
                continue
            if shape is None:
                shape = detect_shape(obj.keys())
                if shape is None:
                    raise BenchmarkError(
                        f"{path}:{pos}: cannot tell the benchmark shape from keys {', '.join(sorted(obj))}; "
                        "use --map question=COLUMN [--map options=COLUMN] [--map id=COLUMN]")
            try:
                items.append(_item(obj, shape, mapping, bench, pos))
            except (ValueError, KeyError, TypeError) as exc:
                skipped.append(f"{path}:{pos}: {exc}")
    except (InputError, FileNotFoundError) as exc:
        raise BenchmarkError(str(exc)) from None
    if not items:
        raise BenchmarkError(f"{path}: no benchmark items ({len(skipped)} unreadable)")
    return Benchmark(bench, str(path), shape or "map", digest, items, skipped)
