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
from medcorpus.scrub.regex_prefilter import PatternSet, first_start, prefilter_of


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


SET_AFTER = 2000  # texts a recognizer checks pattern by pattern before one RE2 set pass for all (see _candidates)


class GroupPatternRecognizer(LocalRecognizer):
    """Regex recognizer reporting a group span; `validate` may veto or rescore a candidate."""

    def __init__(self, name: str, entity: str, patterns: list[Rx], language: str):
        self.patterns = patterns
        self._set = None  # the RE2 set of all the patterns, made after SET_AFTER texts
        self._texts = 0
        self._checks: dict[int, tuple] = {}  # id(regex) -> (regex, its Gate or None, its RE2 prefilter or None)
        entities = sorted({entity} | {p.entity for p in patterns if p.entity})
        super().__init__(supported_entities=entities, name=name, supported_language=language)
        self.entity = entity

    def load(self) -> None:  # nothing to load
        pass

    def _candidates(self, view) -> set[int] | None:
        """The patterns RE2's set pass leaves (None: ask pattern by pattern). One set pass is cheaper
        than a pass per pattern once its automaton is built, which costs more than the per-pattern
        ones' (~0.2 s per few hundred texts): worth it for a worker's long run, not its first texts."""
        self._texts += 1
        if self._texts <= SET_AFTER:
            return None
        if self._set is None:
            self._set = PatternSet([p.regex for p in self.patterns])
        return self._set.candidates(view)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        view = text_view(text)
        may = self._candidates(view)
        for k, p in enumerate(self.patterns):
            if may is not None and k not in may:
                continue  # RE2 finds no match of the relaxed pattern: none of the pattern either
            entity = p.entity or self.entity
            if entities and entity not in entities:
                continue
            start = 0
            if may is None:
                key = id(p.regex)
                if key not in self._checks:  # the regex is kept so that its id stays its own
                    self._checks[key] = (p.regex, gate_of(p.regex), prefilter_of(p.regex))
                _, gate, prefilter = self._checks[key]
                if prefilter is not None:
                    if gate is not None and not gate.has_features(view):
                        continue  # no digit where one is needed
                    start = first_start(prefilter, view)
                    if start < 0:
                        continue  # RE2 finds no match of the relaxed pattern: none of the pattern either
                elif gate is not None and not gate.passes(view):
                    continue  # the text lacks something every match needs (a word, a digit): no match, cheaply
            for m in p.regex.finditer(text, start):  # no match starts before the relaxed pattern's first one
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
