"""GLEU for grammatical error correction (Napoles et al. 2015, as revised for JFLEG in 2016).

The score JFLEG reports: for each sentence, n-gram (n = 1..4) matches between hypothesis and a
reference, minus the hypothesis n-grams that the source has and that reference does not (a
penalty for leaving errors in); corpus-level sums, a brevity penalty, the geometric mean of the
four precisions. With several references, each of `iterations` rounds picks one reference per
sentence at random (seeded exactly as JFLEG's `compute_gleu` does: `random.seed(101 * j)`,
then `randint(0, R-1)` per sentence) and the result is the mean over rounds.

Sentences are token lists; JFLEG's files are already tokenised (split on whitespace).
"""
from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

Tokens = Sequence[str]


def ngrams(tokens: Tokens, n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) + 1 - n))


@dataclass
class GleuResult:
    mean: float
    std: float
    iterations: int

    @property
    def percent(self) -> float:
        return 100.0 * self.mean


def _sentence_stats(hyp: Tokens, src_ngrams: list[Counter], ref: Tokens, order: int) -> list[int]:
    """[hyp_len, ref_len, match_1, total_1, ..., match_n, total_n] for one sentence and one reference."""
    hlen = len(hyp)
    stats = [hlen, len(ref)]
    for n in range(1, order + 1):
        h = ngrams(hyp, n)
        r = ngrams(ref, n)
        s_not_r = Counter({g: c for g, c in src_ngrams[n - 1].items() if g not in r})
        matched = sum((h & r).values()) - sum((h & s_not_r).values())
        stats += [max(matched, 0), max(hlen + 1 - n, 0)]
    return stats


def _score(stats: Sequence[int], order: int) -> float:
    if any(x == 0 for x in stats):
        return 0.0
    c, r = stats[0], stats[1]
    log_prec = sum(math.log(m / t) for m, t in zip(stats[2::2], stats[3::2])) / order
    return math.exp(min(0.0, 1.0 - r / c) + log_prec)


def corpus_gleu(sources: Sequence[Tokens], hypotheses: Sequence[Tokens],
                references: Sequence[Sequence[Tokens]], order: int = 4,
                iterations: int | None = None) -> GleuResult:
    """GLEU of `hypotheses` against `references[k][i]` (reference set k, sentence i).

    `iterations` defaults to 500 with several reference sets and 1 with one, as in JFLEG.
    """
    n = len(sources)
    if len(hypotheses) != n or any(len(refs) != n for refs in references):
        raise ValueError(f"length mismatch: {n} sources, {len(hypotheses)} hypotheses, "
                         f"reference sets of {[len(r) for r in references]}")
    n_refs = len(references)
    if n_refs == 0:
        raise ValueError("at least one reference set is needed")
    if iterations is None:
        iterations = 500 if n_refs > 1 else 1
    picks = []
    for j in range(iterations):
        rng = random.Random(j * 101)  # same draws as JFLEG's random.seed(j * 101); randint(...)
        picks.append([rng.randint(0, n_refs - 1) for _ in range(n)])
    iter_stats = [[0] * (2 * order + 2) for _ in range(iterations)]
    for i in range(n):
        src_ngrams = [ngrams(sources[i], k) for k in range(1, order + 1)]
        by_ref: dict[int, list[int]] = {}
        for j in range(iterations):
            k = picks[j][i]
            if k not in by_ref:
                by_ref[k] = _sentence_stats(hypotheses[i], src_ngrams, references[k][i], order)
            acc = iter_stats[j]
            for x, v in enumerate(by_ref[k]):
                acc[x] += v
    scores = [_score(s, order) for s in iter_stats]
    mean = sum(scores) / len(scores)
    std = math.sqrt(sum((s - mean) ** 2 for s in scores) / len(scores))
    return GleuResult(mean=mean, std=std, iterations=iterations)
