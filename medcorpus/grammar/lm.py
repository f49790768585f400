"""A small word language model to choose among corrections with evidence.

Unigram and bigram counts of general English ship with `symspellpy` (MIT; from the Google Books
n-gram corpus: 82,765 words, 242,342 bigrams), so nothing is fetched at run time. The model scores
a candidate in its sentence: log P(candidate | previous word) + log P(next word | candidate) with
stupid backoff (Brants et al. 2007) to unigrams, plus a channel cost per edit. Dictionary
candidates within two edits come from rapidfuzz over length buckets of the word list.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
BACKOFF = math.log(0.4)
# words under this count are too rare to be offered as corrections ("rall", "salk")
CANDIDATE_MIN_COUNT = 100_000
TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[0-9]+|[^\sA-Za-z0-9]")


class ContextModel:
    """Unigram/bigram counts with stupid-backoff scoring; build with `ContextModel.load()`."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[tuple[str, str], int]):
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.total = float(sum(unigrams.values()))
        self.log_total = math.log(self.total)
        self._by_length: dict[tuple[int, str], list[str]] | None = None

    @classmethod
    def load(cls) -> "ContextModel":
        return _load_default()

    def count(self, word: str) -> int:
        return self.unigrams.get(word.lower(), 0)

    def known(self, word: str) -> bool:
        return word.lower() in self.unigrams

    def logp_word(self, word: str) -> float:
        c = self.unigrams.get(word, 0)
        return math.log(c if c else 0.5) - self.log_total

    def logp(self, prev: str | None, word: str) -> float:
        """log P(word | prev), lower-cased words; prev None is the start of the sentence."""
        if prev is not None:
            b = self.bigrams.get((prev, word))
            if b:
                return math.log(b / max(self.unigrams.get(prev, b), b))
            return BACKOFF + self.logp_word(word)
        return self.logp_word(word)

    def score(self, words: list[str], prev: str | None, nxt: str | None) -> float:
        """log-probability of `words` between `prev` and `nxt` (lower-case), the transitions into
        and out of the span included."""
        total, p = 0.0, prev
        for w in words:
            total += self.logp(p, w)
            p = w
        if nxt is not None:
            total += self.logp(p, nxt)
        return total

    def candidates(self, word: str, max_distance: int = 2, min_count: int = CANDIDATE_MIN_COUNT) -> dict[str, int]:
        """Common dictionary words within `max_distance` edits (optimal string alignment) of `word`
        that keep its first or its last letter (a misspelling rarely changes both): {candidate: distance}."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._by_length is None:
            buckets: dict = {}
            for w, c in self.unigrams.items():
                if c >= min_count and w.isalpha():
                    buckets.setdefault((len(w), "^" + w[0]), []).append(w)
                    buckets.setdefault((len(w), w[-1] + "$"), []).append(w)
            self._by_length = buckets
        w = word.lower()
        if not w:
            return {}
        out: dict[str, int] = {}
        for n in range(max(1, len(w) - max_distance), len(w) + max_distance + 1):
            for key in ("^" + w[0], w[-1] + "$"):
                for cand, dist, _ in process.extract(w, self._by_length.get((n, key), ()), scorer=OSA.distance,
                                                     score_cutoff=max_distance, limit=None):
                    out[cand] = int(dist)
        return out

    def splits(self, word: str, min_count: int = 1_000_000) -> list[tuple[str, str]]:
        """Ways to read a run-together word as two common words ("inorder" -> ("in", "order"))."""
        w = word.lower()
        return [(w[:i], w[i:]) for i in range(1, len(w))
                if self.unigrams.get(w[:i], 0) >= min_count and self.unigrams.get(w[i:], 0) >= min_count
                and (w[:i], w[i:]) in self.bigrams]


def context_words(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The lower-cased word before [start, end) and after it (None at a sentence edge or
    across punctuation other than an apostrophe)."""
    before = TOKEN_RE.findall(text[max(0, start - 40):start])
    after = TOKEN_RE.findall(text[end:end + 40])
    prev = before[-1].lower() if before and before[-1][0].isalpha() else None
    nxt = after[0].lower() if after and after[0][0].isalpha() else None
    return prev, nxt


@lru_cache(maxsize=1)
def _load_default() -> ContextModel:
    files = resources.files("symspellpy")
    unigrams: dict[str, int] = {}
    for line in files.joinpath(UNIGRAMS).read_text(encoding="utf-8").splitlines():
        w, _, c = line.partition(" ")
        if c:
            unigrams[w] = int(c)
    bigrams: dict[tuple[str, str], int] = {}
    for line in files.joinpath(BIGRAMS).read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3:
            bigrams[(parts[0], parts[1])] = int(parts[2])
    return ContextModel(unigrams, bigrams)
