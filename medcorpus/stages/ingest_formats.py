"""The input formats ingest understands: a converter per format (object -> turns) and detection.

Formats: alpaca (instruction/input/output, GenMedGPT, HealthCareMagic, iCliniq), chatmed
(query/response with the `<s>问：…答：` wrapper), huatuo (`data`: alternating 问/答 turns),
sharegpt (`conversations`), messages (OpenAI), and table (any columns, via a field map).
Detection votes over the first records of a file, so one odd record is a reject, never a
refused file.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable, Iterable

from medcorpus.pipeline.io import InputError

Turns = list[dict[str, str]]
VOTE_RECORDS = 50  # records read to tell a file's format


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


def vote_format(objects: Iterable[dict]) -> tuple[str | None, int, Counter]:
    """The format most of `objects` have (None when none is recognised), how many were read, and
    the tally (a `None` key counts records of no known shape)."""
    tally: Counter = Counter()
    n = 0
    for n, obj in enumerate(objects, 1):
        tally[detect_format(obj.keys())] += 1
    best = None
    for fmt, count in tally.items():  # ties go to the format seen first
        if fmt is not None and (best is None or count > tally[best]):
            best = fmt
    return best, n, tally
