"""Repairs: filters that rewrite turn text by dropping sentences (boilerplate, chrome, artefacts).

Each keeps counts of what it removed in `work.notes[<name>]` and rejects the record only when
too little would be left.
"""
from __future__ import annotations

import re
from typing import Optional

from pydantic import Field

from medcorpus.filters.base import (ANSWERING, ASKING_AND_ANSWERING, Filter, FilterSettings, Verdict, Work,
                                    register_filter)
from medcorpus.filters.text import AnyPattern, alternation, capitalise, read_phrases, resolve_file

_PUNCT = r"[\s\W_]*"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_DIGIT = re.compile(r"\d")
_MAX_FORMULA_CHARS = 300


# ---------------------------------------------------------------------------- boilerplate
class BoilerplateSettings(FilterSettings):
    roles: list[str] = Field(default_factory=lambda: list(ANSWERING))
    greetings: list[str] = Field(default_factory=lambda: ["greetings.en.txt", "greetings.zh.txt"],
                                 description="Salutation phrase files (regex per line).")
    openings: list[str] = Field(default_factory=lambda: ["openings.en.txt", "openings.zh.txt"])
    closings: list[str] = Field(default_factory=lambda: ["closings.en.txt", "closings.zh.txt"])
    extra_openings: list[str] = Field(default_factory=list, description="More opening regexes, inline.")
    extra_closings: list[str] = Field(default_factory=list, description="More closing regexes, inline.")
    max_sentences: int = Field(4, ge=0, description="At most this many sentences stripped at each end.")
    formula_words: list[str] = Field(default_factory=lambda: ["formula_words.en.txt"],
                                     description="Besides the regexes: a short edge sentence made only of these words ...")
    formula_cues: list[str] = Field(default_factory=lambda: ["formula_cues.en.txt"],
                                    description="... with at least one of these is a formula too (empty lists: off).")
    formula_max_words: int = Field(12, ge=0)
    examples: list[str] = Field(default_factory=lambda: ["formula_examples.en.txt"],
                                description="Example formulas, plain sentences: an edge sentence with no medical content "
                                            "this similar to one of them (character n-grams) is a formula too.")
    medical_words: list[str] = Field(default_factory=lambda: ["medical_words.en.txt"],
                                     description="Clinical words that keep a sentence (with the disease DB and en-med).")
    similarity: float = Field(0.45, ge=0, le=1, description="Cosine of character 3-5-grams; 1 switches the rule off.")
    similar_max_words: int = Field(14, ge=0)


@register_filter
class Boilerplate(Filter):
    """Strip templated opening and closing formulas from doctor turns; never empty a turn."""

    name = "boilerplate"
    kind = "repair"
    settings_model = BoilerplateSettings

    def __init__(self, settings=None):
        super().__init__(settings)
        s: BoilerplateSettings = self.settings
        greet = alternation(read_phrases(s.greetings), "greeting")
        opening = alternation(read_phrases(s.openings) + s.extra_openings, "opening")
        closing = alternation(read_phrases(s.closings) + s.extra_closings, "closing")
        # a whole opening sentence: salutation, opening formula, or both
        self.opening = re.compile(rf"{_PUNCT}(?:{greet}{_PUNCT}(?:{opening})?|{opening}){_PUNCT}", re.I)
        self.closing = re.compile(rf"{_PUNCT}{closing}{_PUNCT}", re.I)
        # "Hi, <content>": a salutation and punctuation before the first real words
        self.greet_prefix = re.compile(rf"\W*{greet}\s*[,，!！:：;]+\s*", re.I)
        self.words = frozenset(w.lower() for line in read_phrases(s.formula_words) for w in line.split())
        self.cues = frozenset(w.lower() for line in read_phrases(s.formula_cues) for w in line.split())
        self.similar = None
        if s.examples and s.similarity < 1:
            from medcorpus.filters.formula import FormulaDetector, medical_lexicon

            self.similar = FormulaDetector(read_phrases(s.examples), self.words, medical_lexicon(tuple(s.medical_words)),
                                           s.similarity, s.similar_max_words)

    def resources(self) -> list[str]:
        s = self.settings
        return [str(resolve_file(f)) for f in (*s.greetings, *s.openings, *s.closings, *s.formula_words,
                                               *s.formula_cues, *s.examples, *s.medical_words)]

    def _formula_words_only(self, piece: str) -> bool:
        """A short sentence of conversational words only, with a cue ("Happy to help.", "Thanks a lot
        for the detailed history."); a name after "Dr." is allowed."""
        max_words = self.settings.formula_max_words
        if not self.cues or piece.count(" ") > max_words + 2 or _DIGIT.search(piece):
            return False
        words = _WORD.findall(piece.lower())
        if not words or len(words) > max_words or self.cues.isdisjoint(words):
            return False
        if self.words.issuperset(words):
            return True
        prev = ""
        for w in words:  # a name after "Dr." is allowed
            if w not in self.words and prev not in ("dr", "doctor"):
                return False
            prev = w
        return True

    def _is_opening(self, piece: str) -> bool:
        if len(piece) > _MAX_FORMULA_CHARS:  # formulas are short; also keeps regex time linear
            return False
        return bool(self.opening.fullmatch(piece)) or self._formula_words_only(piece) or self._similar(piece)

    def _similar(self, piece: str) -> bool:
        return self.similar is not None and self.similar.is_formula(piece)

    def _is_closing(self, piece: str) -> bool:
        if len(piece) > _MAX_FORMULA_CHARS:
            return False
        return bool(self.closing.fullmatch(piece)) or self._formula_words_only(piece) or self._similar(piece)

    def apply(self, work: Work) -> Verdict | None:
        s = self.settings
        for i in work.turn_indexes(s.roles):
            pieces = work.pieces(i)
            n = len(pieces)
            a = 0
            while a < n and a < s.max_sentences and self._is_opening(pieces[a]):
                a += 1
            b = n
            while b > a and n - b < s.max_sentences and self._is_closing(pieces[b - 1]):
                b -= 1
            greeting = False
            if a < b:
                m = self.greet_prefix.match(pieces[a], 0, _MAX_FORMULA_CHARS)
                if m and m.end() < len(pieces[a].rstrip()):
                    greeting = True
            if a == 0 and b == n and not greeting:
                continue
            if a >= b:  # nothing but formulas: keep the turn (length may reject it later)
                work.note(self.name, "kept_all_formulaic")
                continue
            for p in pieces[:a]:
                work.example(self.name, "opening", p)
            for p in pieces[b:]:
                work.example(self.name, "closing", p)
            kept = list(pieces[a:b])
            if greeting:
                m = self.greet_prefix.match(kept[0], 0, _MAX_FORMULA_CHARS)
                work.example(self.name, "greeting", kept[0][:m.end()])
                kept[0] = capitalise(kept[0][m.end():])
                work.note(self.name, "greeting")
            if a:
                work.note(self.name, "opening", a)
            if n - b:
                work.note(self.name, "closing", n - b)
            work.texts[i] = "".join(kept).strip()
        return None


# ---------------------------------------------------------------------------- chrome
class ChromeSettings(FilterSettings):
    roles: list[str] = Field(default_factory=lambda: list(ANSWERING))
    patterns: list[str] = Field(default_factory=lambda: ["chrome.en.txt", "chrome.zh.txt"])
    extra: list[str] = Field(default_factory=list, description="More chrome regexes, inline.")
    sites: list[str] = Field(default_factory=lambda: ["chatdoctor", "healthcaremagic", "icliniq", "bit.ly",
                                                      "tinyurl", "goo.gl", "practo", "lybrate", "haodf"],
                             description="A sentence linking to one of these is removed.")
    drop_all_links: bool = Field(False, description="Remove every sentence that holds a link.")
    examples: list[str] = Field(default_factory=lambda: ["chrome_examples.en.txt"],
                                description="Example upsell sentences: one with no medical content this similar to one "
                                            "of them (character n-grams) is chrome too.")
    medical_words: list[str] = Field(default_factory=lambda: ["medical_words.en.txt"])
    similarity: float = Field(0.45, ge=0, le=1, description="1 switches the similarity rule off.")
    similar_max_words: int = Field(16, ge=0)


_LINK_GUARD = re.compile(r"https?://|www\.|\.\s?(?:com|net|org|ly|in|cn|co|io)\b", re.I)
_LINK = re.compile(r"https?://\S+|www\.\S+(?:\s\.\S+)?|\b[\w-]+\s?\.\s?(?:com|net|org|ly|in|cn|co|io)\b/?\S*", re.I)


@register_filter
class Chrome(Filter):
    """Remove upsell / site-navigation sentences and links to the source sites."""

    name = "chrome"
    kind = "repair"
    settings_model = ChromeSettings

    def __init__(self, settings=None):
        super().__init__(settings)
        s: ChromeSettings = self.settings
        self.pattern = AnyPattern(read_phrases(s.patterns) + s.extra, "chrome")
        self.sites = [x.lower() for x in s.sites]
        self.similar = None
        if s.examples and s.similarity < 1:
            from medcorpus.filters.formula import FormulaDetector, medical_lexicon

            words = frozenset(w.lower() for line in read_phrases(BoilerplateSettings().formula_words) for w in line.split())
            self.similar = FormulaDetector(read_phrases(s.examples), words, medical_lexicon(tuple(s.medical_words)),
                                           s.similarity, s.similar_max_words)

    def resources(self) -> list[str]:
        s = self.settings
        return [str(resolve_file(f)) for f in (*s.patterns, *s.examples, *s.medical_words)]

    def _is_chrome(self, sentence: str) -> bool:
        if self.pattern.search(sentence):
            return True
        if self.similar is not None and self.similar.is_formula(sentence):
            return True
        if not _LINK_GUARD.search(sentence):
            return False
        for m in _LINK.finditer(sentence):
            url = re.sub(r"\s", "", m.group(0)).lower()
            if self.settings.drop_all_links or any(site in url for site in self.sites):
                return True
        return False

    def apply(self, work: Work) -> Verdict | None:
        for i in work.turn_indexes(self.settings.roles):
            text = work.texts[i]
            low = text.lower()
            if self.similar is None and not (self.pattern.search(text, low) or _LINK_GUARD.search(low)):
                continue
            pieces = work.pieces(i)
            kept = []
            for p in pieces:
                if self._is_chrome(p):
                    work.example(self.name, "removed", p)
                else:
                    kept.append(p)
            if len(kept) == len(pieces):
                continue
            new = "".join(kept).strip()
            if not new:
                return Verdict("turn is only site chrome", turn=i)
            work.note(self.name, "sentences", len(pieces) - len(kept))
            work.texts[i] = new
        return None


# ---------------------------------------------------------------------------- artefacts
class ArtefactsSettings(FilterSettings):
    roles: list[str] = Field(default_factory=lambda: list(ASKING_AND_ANSWERING))
    placeholders: list[str] = Field(default_factory=lambda: ["Chat Doctor"],
                                    description="Anonymisation placeholders; spaces match any spacing, case ignored.")
    reject_ratio: float = Field(0.5, ge=0, le=1, description="Reject when a turn has more than this share of damaged sentences.")
    min_kept_chars: int = Field(20, ge=0, description="Reject when less than this is left of a repaired turn.")
    keep_tail: bool = Field(True, description="Keep a capitalised clause of 4+ words after the placeholder "
                                              "(the cut swallowed the sentence end).")


_TAIL_START = re.compile(r"[\s.,;:!?)\]-]*(?=[A-Z])")


@register_filter
class Artefacts(Filter):
    """Drop sentences cut by an anonymisation placeholder ("... anxiolytic Chat Doctor."); reject when
    too much of a turn is damaged."""

    name = "artefacts"
    kind = "repair"
    settings_model = ArtefactsSettings

    def __init__(self, settings=None):
        super().__init__(settings)
        alts = [r"\s*".join(re.escape(w) for w in p.split()) for p in self.settings.placeholders if p.strip()]
        self.placeholder = re.compile("|".join(alts) if alts else "(?!)", re.I)
        # "Hi Chat Doctor, my son has ..." : the placeholder replaced a name in a salutation; only the
        # salutation goes, the sentence stays
        self.salutation = re.compile(
            rf"\W*(?:(?:hi+|hello|hey|dear|respected|thanks?|thank\s+you)\W+)?(?:dr\.?\s*|doctor\s+)?"
            rf"(?:{'|'.join(alts) if alts else '(?!)'})\s*[,:;!.\-]+\s*(?=\S)", re.I)

    def _tail(self, piece: str) -> Optional[str]:
        last = None
        for last in self.placeholder.finditer(piece):
            pass
        rest = piece[last.end():]
        m = _TAIL_START.match(rest)
        if m is None:
            return None
        tail = rest[m.end():]
        if len(tail.split()) >= 4 and not self.placeholder.search(tail):
            return tail
        return None

    def apply(self, work: Work) -> Verdict | None:
        s: ArtefactsSettings = self.settings
        for i in work.turn_indexes(s.roles):
            text = work.texts[i]
            if not self.placeholder.search(text):
                continue
            pieces = work.pieces(i)
            kept, damaged, tails, salutes = [], 0, 0, 0
            for p in pieces:
                m = self.salutation.match(p)
                if m and not self.placeholder.search(p, m.end()):
                    work.example(self.name, "salutation", p[:m.end()])
                    kept.append(capitalise(p[m.end():]))
                    salutes += 1
                    continue
                if not self.placeholder.search(p):
                    kept.append(p)
                    continue
                damaged += 1
                work.example(self.name, "removed", p)
                tail = self._tail(p) if s.keep_tail else None
                if tail:
                    kept.append(tail)
                    tails += 1
            total = sum(1 for p in pieces if p.strip())
            new = "".join(kept).strip()
            if damaged / max(total, 1) > s.reject_ratio:
                return Verdict(f"{damaged} of {total} sentences cut by a placeholder", turn=i,
                               damaged=damaged, sentences=total)
            if len(new) < s.min_kept_chars:
                return Verdict(f"only {len(new)} characters left after removing {damaged} damaged sentence(s)",
                               turn=i, damaged=damaged, sentences=total)
            if damaged:
                work.note(self.name, "sentences", damaged)
            if salutes:
                work.note(self.name, "salutations", salutes)
            if tails:
                work.note(self.name, "tails_kept", tails)
            work.texts[i] = new
        return None
