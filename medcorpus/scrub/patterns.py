"""A presidio recognizer made of regular expressions whose *group* is the entity.

presidio's PatternRecognizer reports the whole match; consultations need context around
the value ("my name is (angie)", "Regards,(Nilesh)", "QQ号：(12345678)"), so this one reports
a chosen group and lets each pattern validate its candidate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.regex_gate import gate_of, text_view  # noqa: F401 (text_view: imported from here too)
from medcorpus.scrub.regex_prefilter import PatternSet


@dataclass
class Rx:
    name: str
    regex: re.Pattern
    score: float
    group: int | str = 0
    validate: Optional[Callable[[str, re.Match], Optional[float]]] = None  # None: drop; float: score
    entity: Optional[str] = None  # overrides the recognizer's entity


@dataclass
class _Spec:
    patterns: list[Rx] = field(default_factory=list)


_EDGE = " \t\n,.;:!?[]\"'，。；：！？"


def _trim(value: str) -> str:
    """Strip edge spaces and punctuation, and brackets that have no partner inside."""
    while True:
        v = value.strip(_EDGE)
        if v[:1] in "(（" and not any(c in v for c in ")）"):
            v = v[1:]
        if v[-1:] in ")）" and not any(c in v for c in "(（"):
            v = v[:-1]
        if v == value:
            return v
        value = v


class GroupPatternRecognizer(LocalRecognizer):
    """Regex recognizer reporting a group span; `validate` may veto or rescore a candidate."""

    def __init__(self, name: str, entity: str, patterns: list[Rx], language: str):
        self.patterns = patterns
        self._set = None  # the RE2 prefilters of all the patterns, made on first use
        self._gates: dict[int, object] = {}  # id(regex) -> its Gate (a necessary condition) or None
        entities = sorted({entity} | {p.entity for p in patterns if p.entity})
        super().__init__(supported_entities=entities, name=name, supported_language=language)
        self.entity = entity

    def load(self) -> None:  # nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        view = text_view(text)
        if self._set is None:
            self._set = PatternSet([p.regex for p in self.patterns])
        may = self._set.candidates(view)
        for k, p in enumerate(self.patterns):
            if may is not None and k not in may:
                continue  # RE2 finds no match of the relaxed pattern: none of the pattern either
            entity = p.entity or self.entity
            if entities and entity not in entities:
                continue
            key = id(p.regex)
            if key not in self._gates:  # the regex is kept so that its id stays its own
                self._gates[key] = (p.regex, gate_of(p.regex))
            gate = self._gates[key][1]
            if may is None and gate is not None and not gate.passes(view):
                continue  # the text lacks something every match needs (a word, a digit): no match, cheaply
            for m in p.regex.finditer(text):
                start, end = m.span(p.group)
                if start < 0 or end <= start:
                    continue
                value = m.group(p.group)
                # trim spaces/punctuation the pattern may have taken at the edges
                stripped = _trim(value)
                if not stripped:
                    continue
                start += value.index(stripped)
                end = start + len(stripped)
                score = p.score
                if p.validate is not None:
                    verdict = p.validate(stripped, m)
                    if verdict is None:
                        continue
                    score = verdict
                out.append(RecognizerResult(
                    entity_type=entity, start=start, end=end, score=score,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:{p.name}",
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out
