"""Filters for generated instruction pairs: ROUGE-L novelty (with an index), grounding in a
knowledge card, and length bounds.

ROUGE-L novelty (the self-instruct filter): an instruction is dropped when its ROUGE-L F-measure
against any kept instruction exceeds the threshold (0.7). Tokens are those of `rouge-score`'s
default tokenizer for Latin text (lower-cased ``[a-z0-9]+`` runs, no stemming) plus one token per
CJK character, so Chinese is compared character by character and English word by word, and the
scores equal `rouge_score.rouge_scorer.RougeScorer(["rougeL"])`'s for such tokens.

Instead of all pairs, `NoveltyIndex` uses a sound prefix filter. ROUGE-L F = 2·LCS/(m+n) and
LCS <= the multiset overlap o of the two token lists, so F > t needs o > t(m+n)/2, and (with the
length bound 2·min(m,n)/(m+n) > t) o > a·m for a = t/(2-t) whatever the partner's length. Each
token occurrence (token, k-th) gets a fixed rank; for two lists that share >= o occurrences, the
first |x|-o+1 of x and the first |y|-o+1 of y in rank order must share one. So only those prefixes
are indexed and probed; candidates then pass the length bound, the exact overlap bound and finally
a bit-parallel LCS (Hyyrö / Allison-Dix: one big-integer step per token). No pair whose score
exceeds the threshold is missed (tests compare with an all-pairs `rouge-score` run).

Ranks are assigned when a token occurrence is first seen, later ones rarer: frequent characters
(的, 什么, "the") are met first and so sort last, which keeps prefixes on rare tokens and
posting lists short. A rank never changes once given, so the prefix property holds throughout.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's default tokens for Latin text (no stemming), one token per CJK character."""
    return _TOKEN.findall(text.lower())


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence, bit-parallel over `a` (O(len(b)) big-int steps)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, tok in enumerate(a):
        masks[tok] = masks.get(tok, 0) | (1 << i)
    return _lcs_masks(masks, len(a), b)


def _lcs_masks(masks: dict[str, int], m: int, b: list[str]) -> int:
    full = (1 << m) - 1
    v = full
    for tok in b:
        u = v & masks.get(tok, 0)
        v = ((v + u) | (v - u)) & full
    return m - v.bit_count()


def fmeasure(lcs: int, m: int, n: int) -> float:
    """ROUGE-L F exactly as rouge-score computes it (precision, recall, then 2PR/(P+R))."""
    if not lcs or not m or not n:
        return 0.0
    precision, recall = lcs / m, lcs / n
    return 2 * precision * recall / (precision + recall)


def rouge_l(a: str, b: str) -> float:
    ta, tb = rouge_tokens(a), rouge_tokens(b)
    return fmeasure(lcs_length(ta, tb), len(ta), len(tb))


@dataclass
class Verdict:
    novel: bool
    score: float = 0.0          # the score that decided it (> threshold when not novel)
    match: str | None = None    # id of the kept instruction it is too close to
    candidates: int = 0         # kept instructions compared exactly


class NoveltyIndex:
    """Kept instructions with a prefix index; `check` finds one whose ROUGE-L exceeds the threshold."""

    def __init__(self, threshold: float = 0.7):
        if not 0 < threshold < 1:
            raise ValueError("the ROUGE-L threshold must be between 0 and 1")
        self.threshold = threshold
        self.alpha = threshold / (2 - threshold)
        self._rank: dict[tuple[str, int], int] = {}
        self._short: dict[tuple[str, int], list[int]] = defaultdict(list)  # prefix for longer-or-equal partners
        self._long: dict[tuple[str, int], list[int]] = defaultdict(list)   # prefix for shorter partners
        self._tokens: list[list[str]] = []
        self._lens: list[int] = []
        self._keys: list[frozenset] = []
        self._ids: list[str] = []
        self.compared = 0   # exact LCS computations so far
        self.probed = 0     # candidates looked at so far

    def __len__(self) -> int:
        return len(self._ids)

    def _occurrences(self, tokens: list[str]) -> list[tuple[str, int]]:
        seen: dict[str, int] = {}
        keys = []
        for tok in tokens:
            k = seen.get(tok, 0)
            seen[tok] = k + 1
            keys.append((tok, k))
        return keys

    def _ordered(self, keys: list[tuple[str, int]]) -> list[tuple[str, int]]:
        rank = self._rank
        for key in keys:
            if key not in rank:
                rank[key] = -len(rank)  # first seen later = rarer = earlier in the order
        return sorted(keys, key=rank.__getitem__)

    def _plen(self, m: int, factor: float) -> int:
        need = max(1, math.ceil(factor * m - 1e-9))  # overlap a too-similar partner must share
        return m - need + 1

    def check(self, text: str, tokens: list[str] | None = None) -> Verdict:
        tokens = rouge_tokens(text) if tokens is None else tokens
        m = len(tokens)
        if m == 0:
            return Verdict(True)
        keys = self._occurrences(tokens)
        ordered = self._ordered(keys)
        cands: set[int] = set()
        # partners no longer than x were indexed with their short prefix: probe with x's long one
        for key in ordered[: self._plen(m, self.alpha)]:
            posting = self._short.get(key)
            if posting:
                cands.update(posting)
        # longer partners were indexed with their long prefix: x's short prefix suffices
        for key in ordered[: self._plen(m, self.threshold)]:
            posting = self._long.get(key)
            if posting:
                cands.update(posting)
        if not cands:
            return Verdict(True)
        t = self.threshold - 1e-12
        keyset = frozenset(keys)
        masks: dict[str, int] | None = None
        compared = 0
        self.probed += len(cands)
        lens, all_keys = self._lens, self._keys
        lo, hi = self.alpha * m - 1e-9, m / self.alpha + 1e-9  # 2·min(m,n)/(m+n) > t <=> lo < n < hi
        for c in sorted(cands):
            n = lens[c]
            if n <= lo or n >= hi:
                continue
            if 2 * len(keyset & all_keys[c]) <= t * (m + n):
                continue
            if masks is None:
                masks = {}
                for i, tok in enumerate(tokens):
                    masks[tok] = masks.get(tok, 0) | (1 << i)
            compared += 1
            score = fmeasure(_lcs_masks(masks, m, self._tokens[c]), m, n)
            if score > self.threshold:
                self.compared += compared
                return Verdict(False, score, self._ids[c], compared)
        self.compared += compared
        return Verdict(True, 0.0, None, compared)

    def add(self, text: str, id_: str, tokens: list[str] | None = None) -> None:
        tokens = rouge_tokens(text) if tokens is None else tokens
        if not tokens:
            return
        keys = self._occurrences(tokens)
        idx = len(self._ids)
        self._ids.append(id_)
        self._tokens.append(tokens)
        self._lens.append(len(tokens))
        self._keys.append(frozenset(keys))
        ordered = self._ordered(keys)
        m = len(tokens)
        for key in ordered[: self._plen(m, self.threshold)]:
            self._short[key].append(idx)
        for key in ordered[: self._plen(m, self.alpha)]:
            self._long[key].append(idx)

    def check_and_add(self, text: str, id_: str) -> Verdict:
        tokens = rouge_tokens(text)
        verdict = self.check(text, tokens)
        if verdict.novel:
            self.add(text, id_, tokens)
        return verdict


# ------------------------------------------------------------------ grounding
_SPLIT = re.compile(r"[()（）\[\]【】,，、;；。:：/·]+")
_ASCII_WORD = re.compile(r"[a-z0-9]")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def fact_variants(fact: str, min_chars: int = 2) -> list[str]:
    """A fact and its parts ('Alprazolam (Xanax)' -> also 'alprazolam', 'xanax'), normalised."""
    whole = " ".join(_norm(fact).split())
    out = [whole] if len(whole) >= min_chars else []
    for part in _SPLIT.split(whole):
        part = part.strip()
        if len(part) >= min_chars and part not in out:
            out.append(part)
    return out


def mentions(text: str, phrase: str) -> bool:
    """`phrase` (normalised) occurs in `text` (normalised); Latin phrases only as whole words."""
    hay = " ".join(_norm(text).split())
    if not phrase:
        return False
    if _ASCII_WORD.search(phrase[0]) or _ASCII_WORD.search(phrase[-1]):
        return re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", hay) is not None
    return phrase in hay


def grounding_problem(response: str, name: str, aliases: list[str], facts: list[str],
                      min_fact_chars: int = 2) -> str | None:
    """None when the response names the entity (or an alias) and uses at least one card fact;
    else the reason. When the response uses the entity's own name, its aliases count as facts
    ("鳖甲汤又名鳖甲散"); a fact inside a name (桂枝 in 桂枝汤) does not count. Facts shorter than
    `min_fact_chars` characters (温, 辛) do not count: they would match almost any text."""
    main = fact_variants(name, 1)[:1]
    alias_names = [v for a in aliases if len(a) >= min_fact_chars for v in fact_variants(a, 1)[:1]]
    if any(mentions(response, n) for n in main):
        hidden, pool = main, [*facts, *aliases]
    elif any(mentions(response, n) for n in alias_names):
        hidden, pool = main + alias_names, list(facts)
    else:
        return "not grounded: the response does not name the entity"
    rest = " ".join(_norm(response).split())
    for n in sorted(hidden, key=len, reverse=True):
        rest = rest.replace(n, " \x00 ")
    for fact in pool:
        for variant in fact_variants(fact, min_fact_chars):
            if variant not in hidden and mentions(rest, variant):
                return None
    return "not grounded: the response uses no fact from the knowledge card"


ENGLISH_WORDS = "frequency_dictionary_en_82_765.txt"  # symspellpy's English unigram list (82,765 words)
_LATIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    from importlib import resources

    text = resources.files("symspellpy").joinpath(ENGLISH_WORDS).read_text(encoding="utf-8")
    return frozenset(line.split(" ", 1)[0] for line in text.splitlines() if line)


def english_problem(text: str, terms: list[str], min_share: float) -> str | None:
    """None when at least `min_share` of the text's words are English words or words of `terms` (the
    entity's name and card facts: drug names are not in a general word list); else the reason. A small
    model held to Latin letters can still write Dutch- or Portuguese-like strings: length, grounding and
    novelty let them through."""
    words = _LATIN_WORD.findall(text.lower())
    if not words:
        return None
    vocab = english_vocabulary()
    own = {w for t in terms for w in _LATIN_WORD.findall(t.lower())}
    share = sum(w in vocab or w in own for w in words) / len(words)
    if share < min_share:
        return f"not English: {share:.0%} of its words are English words (< {min_share:.0%})"
    return None


def length_problem(instruction: str, response: str, min_instruction: int, max_instruction: int,
                   min_response: int, max_response: int) -> str | None:
    li, lr = len(instruction.strip()), len(response.strip())
    if li < min_instruction:
        return f"instruction too short (< {min_instruction} characters)"
    if li > max_instruction:
        return f"instruction too long (> {max_instruction} characters)"
    if lr < min_response:
        return f"response too short (< {min_response} characters)"
    if lr > max_response:
        return f"response too long (> {max_response} characters)"
    return None
