"""The filter protocol: a small named check or repair with its own typed settings.

A filter sees one record at a time through a `Work` (the record plus its turn texts, which
repairs rewrite) and returns None (keep) or a `Verdict` (reject, with why). Repairs note what
they removed in `work.notes[name]` (counts by kind, never the text): the stage stores that in
`meta["filter"]`, and counts per filter are tallied from those outputs.
"""
from __future__ import annotations

from typing import Any, ClassVar, Optional

from pydantic import BaseModel, ConfigDict

from medcorpus.filters.text import split_sentences
from medcorpus.schemas import ANSWERING_ROLES, Record

ASKING_AND_ANSWERING = ["patient", "doctor", "user", "assistant"]
ANSWERING = sorted(ANSWERING_ROLES)


class FilterSettings(BaseModel):
    """Base for a filter's settings: unknown keys are an error; every filter can be switched off."""

    model_config = ConfigDict(extra="forbid")
    enabled: bool = True


class Verdict:
    """A rejection: `why` becomes the reason "<filter>: <why>"; `detail` goes to the rejects table."""

    __slots__ = ("why", "detail", "turn")

    def __init__(self, why: str, turn: int | None = None, **detail: Any):
        self.why, self.turn, self.detail = why, turn, detail


class Work:
    """One record being filtered: turn roles and (mutable) texts, notes per filter, examples."""

    __slots__ = ("record", "roles", "texts", "notes", "examples", "_pieces")

    def __init__(self, record: Record, examples: Optional[list] = None):
        self.record = record
        self.roles = [t.role for t in record.turns]
        self.texts = [t.text for t in record.turns]
        self.notes: dict[str, dict[str, int]] = {}
        self.examples = examples
        self._pieces: dict[int, tuple[str, list[str]]] = {}

    def pieces(self, i: int) -> list[str]:
        """Sentence pieces of turn i (see text.split_sentences), cached until the text changes.
        Callers must not modify the list."""
        text = self.texts[i]
        hit = self._pieces.get(i)
        if hit is not None and hit[0] is text:
            return hit[1]
        pieces = split_sentences(text)
        self._pieces[i] = (text, pieces)
        return pieces

    @property
    def lang(self) -> str:
        return self.record.lang

    def note(self, filter_name: str, kind: str, n: int = 1) -> None:
        d = self.notes.setdefault(filter_name, {})
        d[kind] = d.get(kind, 0) + n

    def example(self, filter_name: str, what: str, text: str) -> None:
        if self.examples is not None:
            self.examples.append((filter_name, self.record.id, what, text.strip()[:240]))

    def turn_indexes(self, roles: list[str]) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r in roles]


class Filter:
    """Subclasses set `name`, `kind` ('repair' or 'check'), `settings_model`, and implement `apply`."""

    name: ClassVar[str]
    kind: ClassVar[str] = "check"
    settings_model: ClassVar[type[FilterSettings]] = FilterSettings

    def __init__(self, settings: FilterSettings | dict | None = None):
        if settings is None:
            settings = self.settings_model()
        elif isinstance(settings, dict):
            settings = self.settings_model(**settings)
        self.settings = settings

    def resources(self) -> list[str]:
        """Phrase files this filter reads (their content is part of the stage fingerprint)."""
        return []

    def apply(self, work: Work) -> Verdict | None:
        raise NotImplementedError


FILTERS: dict[str, type[Filter]] = {}


def register_filter(cls: type[Filter]) -> type[Filter]:
    FILTERS[cls.name] = cls
    return cls
