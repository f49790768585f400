"""Checks: filters that keep or reject a record as it is (placeholders can also just mark)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from pydantic import Field

from medcorpus.filters.base import (ANSWERING, ASKING_AND_ANSWERING, Filter, FilterSettings, Verdict, Work,
                                    register_filter)
from medcorpus.filters.text import CJK_CHAR, TOKEN, AnyPattern, units
from medcorpus.schemas import ANSWERING_ROLES, ASKING_ROLES

_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _role_word(role: str) -> str:
    return "answer" if role in ANSWERING_ROLES else "question" if role in ASKING_ROLES else role


# ---------------------------------------------------------------------------- placeholders
class PlaceholdersSettings(FilterSettings):
    roles: list[str] = Field(default_factory=lambda: list(ASKING_AND_ANSWERING))
    patterns: list[str] = Field(default_factory=lambda: [
        r"(?<![\d,])(?<!\d\.)0{5,}(?![\d,]|\.\d)",  # 000000 left where a number was scrubbed
        r"\bxxxx+\b",                      # XXXX (patterns in lower case match any case)
        r"\*{4,}",                          # ****
        r"#{4,}|＃{4,}",                     # ####
    ], description="Regexes for what earlier scrubbing left behind.")
    action: Literal["reject", "mark"] = Field("reject", description="reject the record, or keep it and mark "
                                                                    "meta.filter.placeholders")


@register_filter
class Placeholders(Filter):
    """Runs of zeros or XXXX left by earlier scrubbing: reject the record or mark it."""

    name = "placeholders"
    settings_model = PlaceholdersSettings

    def __init__(self, settings=None):
        super().__init__(settings)
        self.pattern = AnyPattern(self.settings.patterns, "placeholder")

    def apply(self, work: Work) -> Verdict | None:
        found = 0
        first = None
        for i in work.turn_indexes(self.settings.roles):
            hits = self.pattern.findall(work.texts[i])
            if hits:
                found += len(hits)
                first = first if first is not None else (i, hits[0])
        if not found:
            return None
        work.example(self.name, self.settings.action, work.texts[first[0]])
        if self.settings.action == "reject":
            return Verdict(f"scrubbing placeholder {first[1][:12]!r} in {_role_word(work.roles[first[0]])}",
                           turn=first[0], placeholders=found)
        work.note(self.name, "marked", found)
        return None


# ---------------------------------------------------------------------------- length
class LengthSettings(FilterSettings):
    """Lengths in units: words for English, CJK characters + latin words for Chinese."""

    min_answer: dict[str, int] = Field(default_factory=lambda: {"en": 10, "zh": 15})
    max_answer: dict[str, int] = Field(default_factory=lambda: {"en": 4000, "zh": 8000})
    min_question: dict[str, int] = Field(default_factory=lambda: {"en": 3, "zh": 4})
    max_question: dict[str, int] = Field(default_factory=lambda: {"en": 4000, "zh": 8000})
    min_record: dict[str, int] = Field(default_factory=lambda: {"en": 0, "zh": 0})
    max_record: dict[str, int] = Field(default_factory=lambda: {"en": 20000, "zh": 40000})
    max_turn_chars: int = Field(40000, ge=1)
    default_lang: str = Field("en", description="Limits used for a record language not listed.")


@register_filter
class Length(Filter):
    """Minimum and maximum length per turn (question / answer) and per record, language-aware."""

    name = "length"
    settings_model = LengthSettings

    def apply(self, work: Work) -> Verdict | None:
        s: LengthSettings = self.settings
        lang = "zh" if work.lang == "zh" else work.lang
        key = lang if lang in s.min_answer else s.default_lang
        unit = "characters" if lang == "zh" else "words"
        total = 0
        for i, (role, text) in enumerate(zip(work.roles, work.texts)):
            if role == "system":
                continue
            if len(text) > s.max_turn_chars:
                return Verdict(f"{_role_word(role)} too long ({len(text)} chars > {s.max_turn_chars})", turn=i)
            n = units(text, lang)
            total += n
            if role in ANSWERING_ROLES:
                lo, hi = s.min_answer.get(key, 0), s.max_answer.get(key, 10**9)
            else:
                lo, hi = s.min_question.get(key, 0), s.max_question.get(key, 10**9)
            if n < lo:
                return Verdict(f"{_role_word(role)} too short ({n} {unit} < {lo})", turn=i, units=n)
            if n > hi:
                return Verdict(f"{_role_word(role)} too long ({n} {unit} > {hi})", turn=i, units=n)
        lo, hi = s.min_record.get(key, 0), s.max_record.get(key, 10**9)
        if total < lo:
            return Verdict(f"record too short ({total} {unit} < {lo})", units=total)
        if total > hi:
            return Verdict(f"record too long ({total} {unit} > {hi})", units=total)
        return None


# ---------------------------------------------------------------------------- language
# Function words of the Latin-script languages most often met in scraped consultation sites,
# none of them an English word (so an English turn never counts them).
_FOREIGN_WORDS = frozenset("""de la que el los las del por una es y con para su se lo le les des est du une
pas pour qui dans sur au aux der das und ist nicht ein eine mit sie ich zu auf sich dem il che di sono della
non não você uma com os het een van ik niet dat zijn voor ze och att och är som jag inte""".split())


class LanguageSettings(FilterSettings):
    roles: list[str] = Field(default_factory=lambda: list(ASKING_AND_ANSWERING))
    min_letters: int = Field(15, ge=0, description="Turns with fewer letters are not judged.")
    zh_min_cjk: float = Field(0.3, ge=0, le=1, description="A turn is Chinese when CJK characters are at least this share of letters.")
    en_max_cjk: float = Field(0.1, ge=0, le=1, description="A turn is English when CJK characters are at most this share.")
    foreign_min_words: int = Field(3, ge=1, description="A Latin-script turn is not English when it has at least this many "
                                                       "function words of Spanish/French/German/Italian/Portuguese/Dutch/Swedish ...")
    foreign_ratio: float = Field(0.1, ge=0, le=1, description="... making at least this share of its words.")


@register_filter
class Language(Filter):
    """Every turn's language agrees with the record's: a CJK-ratio check for en/zh, plus a
    function-word check that catches other Latin-script languages in English records."""

    name = "language"
    settings_model = LanguageSettings

    def __init__(self, settings=None):
        super().__init__(settings)
        n = max(1, self.settings.min_letters)  # "at least n Latin letters", stopping at the n-th
        self._enough_latin = re.compile(rf"[A-Za-z](?:[^A-Za-z]*[A-Za-z]){{{n - 1}}}")

    def _foreign(self, text: str) -> bool:
        words = text.lower().split()
        if _FOREIGN_WORDS.isdisjoint(words):
            return False
        n = sum(1 for w in words if w in _FOREIGN_WORDS)
        return n >= self.settings.foreign_min_words and n / len(words) >= self.settings.foreign_ratio

    def turn_lang(self, text: str) -> str | None:
        """'en', 'zh', 'other' (Latin script, not English), or None (too short or mixed)."""
        s: LanguageSettings = self.settings
        if text.isascii():
            if len(text) < s.min_letters or not self._enough_latin.search(text):
                return None
            return "other" if self._foreign(text) else "en"
        cjk = len(CJK_CHAR.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        if cjk + latin < s.min_letters:
            return None
        r = cjk / (cjk + latin)
        if r >= s.zh_min_cjk:
            return "zh"
        if r <= s.en_max_cjk:
            return "other" if self._foreign(text) else "en"
        return None  # mixed: not judged

    def apply(self, work: Work) -> Verdict | None:
        if work.lang not in ("en", "zh"):
            return None
        for i in work.turn_indexes(self.settings.roles):
            got = self.turn_lang(work.texts[i])
            if got is not None and got != work.lang:
                what = {"en": "English", "zh": "Chinese", "other": "not English"}[got]
                return Verdict(f"{_role_word(work.roles[i])} is {what}, record is {work.lang}", turn=i,
                               turn_lang=got, record_lang=work.lang)
        return None


# ---------------------------------------------------------------------------- repetition
class RepetitionSettings(FilterSettings):
    """Gopher-style repetition checks (Rae et al. 2021), per answer. Chinese is tokenised per
    character, so n-gram sizes are multiplied by `zh_ngram_scale`."""

    roles: list[str] = Field(default_factory=lambda: list(ANSWERING))
    dup_sentence_fraction: float = Field(0.30, description="Share of sentences that repeat an earlier one.")
    dup_sentence_char_fraction: float = Field(0.20, description="Share of characters in repeated sentences.")
    min_sentences: int = Field(3, ge=1)
    top_ngram_fraction: dict[int, float] = Field(default_factory=lambda: {2: 0.20, 3: 0.18, 4: 0.16})
    dup_ngram_fraction: dict[int, float] = Field(default_factory=lambda: {
        5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10})
    min_tokens: int = Field(50, ge=1, description="N-gram checks only for answers of at least this many tokens "
                                                  "(times zh_ngram_scale for Chinese); Gopher's limits misfire on shorter texts.")
    zh_ngram_scale: int = Field(2, ge=1)


def _top_ngram_fraction(tokens: list[str], lens: list[int], n: int, total: int) -> float:
    counts = Counter(zip(*(tokens[k:] for k in range(n))))
    gram, c = counts.most_common(1)[0]
    if c < 2:
        return 0.0
    return min(1.0, c * sum(len(t) for t in gram) / total)  # overlapping occurrences can exceed the text


def _dup_ngram_fraction(tokens: list[str], lens: list[int], n: int, total: int) -> float:
    seen: set = set()
    dup = 0
    i, end = 0, len(tokens) - n
    while i <= end:
        g = tuple(tokens[i:i + n])
        if g in seen:
            dup += sum(lens[i:i + n])
            i += n
        else:
            seen.add(g)
            i += 1
    return dup / total


@register_filter
class Repetition(Filter):
    """Repeated sentences and n-grams above a ratio (the usual Gopher checks)."""

    name = "repetition"
    settings_model = RepetitionSettings

    def apply(self, work: Work) -> Verdict | None:
        s: RepetitionSettings = self.settings
        scale = s.zh_ngram_scale if work.lang == "zh" else 1
        for i in work.turn_indexes(s.roles):
            text = work.texts[i]
            pieces = [p.strip().lower() for p in work.pieces(i)]
            pieces = [p for p in pieces if p]
            if len(pieces) >= s.min_sentences:
                seen, dup, dup_chars = set(), 0, 0
                for p in pieces:
                    if p in seen:
                        dup += 1
                        dup_chars += len(p)
                    else:
                        seen.add(p)
                if dup:
                    if dup / len(pieces) > s.dup_sentence_fraction:
                        return Verdict(f"{dup} of {len(pieces)} sentences repeated", turn=i)
                    if dup_chars / max(1, sum(map(len, pieces))) > s.dup_sentence_char_fraction:
                        return Verdict(f"repeated sentences are {dup_chars / sum(map(len, pieces)):.0%} of the text",
                                       turn=i)
            min_tokens = s.min_tokens * scale  # a Chinese character is about half an English word
            if (len(text) if scale > 1 else text.count(" ") + 1) < min_tokens:
                continue  # cheap estimate of the token count first
            tokens = TOKEN.findall(text.lower())
            if len(tokens) < min_tokens:
                continue
            lens = [len(t) for t in tokens]
            total = sum(lens)
            if len(set(zip(tokens, tokens[1:]))) == len(tokens) - 1:
                continue  # no bigram repeats, so no longer n-gram does either
            for n, limit in sorted(s.top_ngram_fraction.items()):
                f = _top_ngram_fraction(tokens, lens, n * scale, total)
                if f > limit:
                    return Verdict(f"top {n * scale}-gram covers {f:.0%} of the text (> {limit:.0%})", turn=i)
            floor = min(s.dup_ngram_fraction.values(), default=1.0)
            for n, limit in sorted(s.dup_ngram_fraction.items()):
                f = _dup_ngram_fraction(tokens, lens, n * scale, total)
                if f > limit:
                    return Verdict(f"duplicated {n * scale}-grams cover {f:.0%} of the text (> {limit:.0%})", turn=i)
                if f <= floor:  # longer n-grams repeat no more than shorter ones
                    break
        return None
