"""The one record model that flows through every stage, and its output shapes."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

import xxhash
from pydantic import BaseModel, Field

Role = Literal["system", "patient", "doctor", "user", "assistant"]
ASKING_ROLES = {"patient", "user"}
ANSWERING_ROLES = {"doctor", "assistant"}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


class Turn(BaseModel):
    role: Role
    text: str


class Record(BaseModel):
    """One consultation, dialogue or instruction pair.

    `id` is a stable content hash (see `make_id`); `meta` holds provenance and stage
    annotations, never raw PII.
    """

    id: str
    source: str
    lang: str = "en"
    kind: str = "consultation"
    turns: list[Turn]
    meta: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def new(cls, source: str, turns: list[Turn], kind: str = "consultation",
            lang: str | None = None, meta: dict[str, Any] | None = None) -> "Record":
        """Build a record with a content-hash id and a detected language."""
        return cls(id=make_id(source, turns), source=source,
                   lang=lang or detect_lang(" ".join(t.text for t in turns if t.role != "system")),
                   kind=kind, turns=turns, meta=meta or {})

    def text_of(self, *roles: str) -> str:
        return "\n".join(t.text for t in self.turns if not roles or t.role in roles)

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "lang": self.lang, "kind": self.kind,
                "turns": [{"role": t.role, "text": t.text} for t in self.turns], "meta": self.meta}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Record":
        """From a workspace row, without re-validation (rows were valid when written)."""
        return _trusted(cls, {"id": row["id"], "source": row["source"], "lang": row["lang"], "kind": row["kind"],
                              "turns": [_trusted(Turn, {"role": t["role"], "text": t["text"]}) for t in row["turns"]],
                              "meta": row.get("meta") or {}})


def _trusted(cls: type[BaseModel], values: dict[str, Any]) -> Any:
    """`model_construct` without its per-field bookkeeping (5-10x faster for these flat models)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class Rejected(BaseModel):
    """A record (or raw input) a stage refused, with where it came from and why."""

    reason: str
    record_id: str | None = None
    file: str | None = None
    line: int | None = None
    snippet: str = ""
    detail: dict[str, Any] = Field(default_factory=dict)


def normalise(text: str) -> str:
    """NFKC, collapsed whitespace, stripped: the form ids are computed from."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def make_id(source: str, turns: list[Turn] | list[dict]) -> str:
    """Stable id: a hash of the source and the normalised (role, text) sequence."""
    parts = [source]
    for t in turns:
        role, text = (t["role"], t["text"]) if isinstance(t, dict) else (t.role, t.text)
        parts.append(role + "\x1f" + normalise(text))
    return xxhash.xxh3_128_hexdigest("\x1e".join(parts).encode("utf-8", "surrogatepass"))[:24]


def detect_lang(text: str) -> str:
    """'zh' when CJK characters make up a real share of the letters, else 'en'."""
    sample = text[:2000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cjk == 0:
        return "en"
    return "zh" if cjk * 3 >= latin else "en"


def cjk_ratio(text: str) -> float:
    letters = len(_CJK.findall(text)) + len(_LATIN.findall(text))
    return len(_CJK.findall(text)) / letters if letters else 0.0


# ---------------------------------------------------------------- output shapes
def _split_turns(turns: list[dict]) -> tuple[str, list[tuple[str, str]]]:
    """(system text, [(asking text, answering text), ...]) from a turn list."""
    system = "\n".join(t["text"] for t in turns if t["role"] == "system")
    pairs: list[tuple[str, str]] = []
    pending: list[str] = []
    for t in turns:
        if t["role"] in ASKING_ROLES:
            pending.append(t["text"])
        elif t["role"] in ANSWERING_ROLES:
            pairs.append(("\n".join(pending), t["text"]))
            pending = []
    if pending:
        pairs.append(("\n".join(pending), ""))
    return system, pairs


def to_alpaca(turns: list[dict]) -> dict[str, Any]:
    """alpaca as LLaMA-Factory reads it: the system prompt in `system`, the last question in
    `instruction` (`input` empty), the answer in `output`, earlier exchanges in `history` pairs."""
    system, pairs = _split_turns(turns)
    if not pairs:
        return {"system": system, "instruction": "", "input": "", "output": "", "history": []}
    question, answer = pairs[-1]
    return {"system": system, "instruction": question, "input": "", "output": answer,
            "history": [[q, a] for q, a in pairs[:-1]]}


def to_sharegpt(turns: list[dict]) -> dict[str, Any]:
    system = "\n".join(t["text"] for t in turns if t["role"] == "system")
    conv = [{"from": "human" if t["role"] in ASKING_ROLES else "gpt", "value": t["text"]}
            for t in turns if t["role"] != "system"]
    return {"system": system, "conversations": conv}


def to_messages(turns: list[dict]) -> dict[str, Any]:
    role_of = {"system": "system", "patient": "user", "user": "user",
               "doctor": "assistant", "assistant": "assistant"}
    return {"messages": [{"role": role_of[t["role"]], "content": t["text"]} for t in turns]}


SHAPES = {"alpaca": to_alpaca, "sharegpt": to_sharegpt, "messages": to_messages}
