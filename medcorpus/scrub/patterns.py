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
from medcorpus.scrub.regex_prefilter import first_start, prefilter_of


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
    """Regex recognizer reporting a group span; `validate` may veto or rescore a candidate.

    Each pattern is asked on its own: a cheap gate (a digit the pattern needs), then RE2 (where its
    relaxed form first matches, if anywhere), then Python's `re` from there. One RE2 set pass for all
    the patterns was tried and is slower: a set must find every pattern's matches to the text's end."""

    def __init__(self, name: str, entity: str, patterns: list[Rx], language: str):
        self.patterns = patterns
        self._checks: dict[tuple[str, ...], list] = {}  # entities asked for -> `_asked`
        entities = sorted({entity} | {p.entity for p in patterns if p.entity})
        super().__init__(supported_entities=entities, name=name, supported_language=language)
        self.entity = entity

    def load(self) -> None:  # nothing to load
        pass

    def _asked(self, entities: list[str]) -> list[tuple[Rx, str, object, object]]:
        """(pattern, entity, gate, RE2 prefilter) of the patterns whose entity is asked for, worked
        out once per list of entities (the patterns and their checks do not change)."""
        key = tuple(entities or ())
        hit = self._checks.get(key)
        if hit is None:
            hit = self._checks[key] = [(p, p.entity or self.entity, gate_of(p.regex), prefilter_of(p.regex))
                                       for p in self.patterns if not entities or (p.entity or self.entity) in entities]
        return hit

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        view = text_view(text)
        for p, entity, gate, prefilter in self._asked(entities):
            first = 0
            if prefilter is not None:
                if gate is not None and not gate.has_features(view):
                    continue  # no digit where one is needed
                first = first_start(prefilter, view)
                if first < 0:
                    continue  # RE2 finds no match of the relaxed pattern: none of the pattern either
            elif gate is not None and not gate.passes(view):
                continue  # the text lacks something every match needs (a word, a digit): no match, cheaply
            for m in p.regex.finditer(text, first):  # no match starts before the relaxed pattern's first one
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
