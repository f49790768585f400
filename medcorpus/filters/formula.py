"""Recognising formulas by what they are, not by an exact phrase: similarity to example formulas
(character n-grams) and the absence of medical content.

A sentence is formula-like when it is short, carries no medical content (no digit, no word of the
medical lexicon: disease-DB terms and the medical Hunspell dictionary's words that are not everyday
English, plus resources/filter/medical_words.en.txt) and its character 3-5-gram cosine similarity to
the nearest example formula reaches a threshold. The filters decide where it applies (the edges of a
doctor turn for boilerplate; anywhere for chrome).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from medcorpus.filters.text import read_phrases

_NON_LETTER = re.compile(r"[^a-z']+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_DIGIT = re.compile(r"\d")
_SPEAKER = re.compile(r"[A-Za-z]+\s*:")
NGRAM_SIZES = (3, 4, 5)


def char_ngrams(text: str) -> set[str]:
    """Character 3-5-grams of the lower-cased letters, words padded with spaces (scikit-learn's
    `char_wb` idea), so "thanks for writing" and "thank you for writing in" share most of theirs."""
    norm = " " + _NON_LETTER.sub(" ", text.lower()).strip() + " "
    out: set[str] = set()
    for word in norm.split():
        w = f" {word} "
        for n in NGRAM_SIZES:
            out.update(w[i:i + n] for i in range(len(w) - n + 1))
    return out


class ExampleIndex:
    """Cosine similarity of a sentence to its nearest example over binary n-gram sets, through an
    inverted index (n-gram -> examples), so a query costs its own n-grams, not the list's length."""

    def __init__(self, examples: list[str]):
        self.examples = list(dict.fromkeys(e.strip() for e in examples if e.strip()))
        self.sizes = []
        self.index: dict[str, list[int]] = {}
        for k, ex in enumerate(self.examples):
            grams = char_ngrams(ex)
            self.sizes.append(len(grams))
            for g in grams:
                self.index.setdefault(g, []).append(k)

    def nearest(self, text: str) -> tuple[float, str | None]:
        grams = char_ngrams(text)
        if not grams or not self.examples:
            return 0.0, None
        hits: dict[int, int] = {}
        for g in grams:
            for k in self.index.get(g, ()):
                hits[k] = hits.get(k, 0) + 1
        if not hits:
            return 0.0, None
        k, best = max(((k, c / math.sqrt(self.sizes[k] * len(grams))) for k, c in hits.items()),
                      key=lambda kv: kv[1])
        return best, self.examples[k]


@lru_cache(maxsize=4)
def medical_lexicon(extra_files: tuple[str, ...] = ("medical_words.en.txt",)) -> frozenset[str]:
    """Words that make a sentence medical: disease-DB term words, the medical Hunspell dictionary's
    words that are not everyday English (when the Debian package is installed) and the shipped list
    of common clinical words (everyday words such as "pain" or "tablet" that the other two miss)."""
    from medcorpus.grammar.protect import (FUNCTION_WORDS, everyday_words, find_hunspell_med, read_hunspell_dic,
                                           shipped_terms, term_words)

    words = {w.lower() for w in term_words(shipped_terms())}
    dic = find_hunspell_med()
    if dic is not None:
        everyday = everyday_words()
        words |= {w.lower() for w in read_hunspell_dic(dic)} - everyday
    for line in read_phrases(list(extra_files)):
        words.update(w.lower() for w in line.split())
    return frozenset(words - FUNCTION_WORDS)


class FormulaDetector:
    """`is_formula(sentence)`: short, no medical content, close to an example formula."""

    def __init__(self, examples: list[str], conversational: frozenset[str], medical: frozenset[str],
                 threshold: float, max_words: int):
        self.index = ExampleIndex(examples)
        self.conversational = conversational
        self.medical = medical
        self.threshold = threshold
        self.max_words = max_words

    def medical_content(self, sentence: str) -> bool:
        if _DIGIT.search(sentence):
            return True  # doses, readings, durations
        for w in _WORD.findall(sentence.lower()):
            if w in self.conversational:
                continue
            if w in self.medical or (w.endswith("s") and w[:-1] in self.medical) \
                    or (w.endswith("es") and w[:-2] in self.medical):
                return True
        return False

    def is_formula(self, sentence: str) -> bool:
        stripped = sentence.strip()
        if stripped.endswith("?") or _SPEAKER.match(stripped):
            return False  # a question asks for something; "Patient: ..." is a dialogue line
        words = _WORD.findall(sentence.lower())
        if not words or len(words) > self.max_words or self.medical_content(sentence):
            return False
        return self.index.nearest(sentence)[0] >= self.threshold


def medical_content_check(conversational_files: tuple[str, ...] = ("formula_words.en.txt",),
                          medical_files: tuple[str, ...] = ("medical_words.en.txt",)):
    """`medical_content(sentence)` as the boilerplate filter judges it (conversational words such
    as "care" or "health" never count as medical), for the corpus-frequency pass."""
    words = frozenset(w.lower() for line in read_phrases(list(conversational_files)) for w in line.split())
    return FormulaDetector([], words, medical_lexicon(medical_files), 1.0, 0).medical_content
