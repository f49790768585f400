"""Hashed n-grams of many texts at once, in NumPy: tokens, n-gram hashes and an index to look them up.

Normalisation: NFKC (non-ASCII text only), lower case, every digit folded to '0', punctuation,
whitespace and '_' are separators. A CJK character is a token of its own; any other run of word
characters is a word. Single ASCII letters are dropped, so option labels ("A.", "(b)") never break
a match between a benchmark item and a record that lists the same options another way.

Tokens are hashed without a Python loop per token: the texts of a batch become one array of code
points, a token's hash is a difference of polynomial prefix sums (mod 2^64, with the modular
inverse of the base to shift it to position 0), and an n-gram's hash is the same construction over
the token hashes. A text counts as Chinese (character n-grams, `char_n`) when most of its tokens are
CJK characters, otherwise as words (`word_n`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np

_P = 0x100000001B3          # odd: invertible mod 2^64
_Q = 0x9E3779B97F4A7C15     # odd
_PINV = pow(_P, -1, 1 << 64)
_QINV = pow(_Q, -1, 1 << 64)
_SEP = "\n"

# code point classes
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))
_PUNCT_RANGES = ((0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x2BFF), (0x3000, 0x303F),
                 (0xFE10, 0xFE6F), (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65))


def _fmix64(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


class _Powers:
    """base^k and base^-k mod 2^64 for k < n, grown on demand."""

    def __init__(self, base: int, inv: int):
        self.base, self.inv = base, inv
        self.fwd = np.ones(1, np.uint64)
        self.bwd = np.ones(1, np.uint64)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.fwd) < n:
            size = max(n, 2 * len(self.fwd))
            with np.errstate(over="ignore"):
                self.fwd = np.cumprod(np.r_[np.uint64(1), np.full(size - 1, self.base, np.uint64)], dtype=np.uint64)
                self.bwd = np.cumprod(np.r_[np.uint64(1), np.full(size - 1, self.inv, np.uint64)], dtype=np.uint64)
        return self.fwd[:n], self.bwd[:n]


_CP_POW = _Powers(_P, _PINV)
_TOK_POW = _Powers(_Q, _QINV)


def normalise(text: str) -> str:
    """The form n-grams are read from (spans are reported in it): non-ASCII text NFKC-normalised and
    lower-cased (ASCII letters are lower-cased later, so spans of English text keep their case)."""
    if text.isascii():
        return text
    norm = unicodedata.normalize("NFKC", text)
    lower = norm.lower()
    return lower if len(lower) == len(norm) else norm


@dataclass
class Tokens:
    """The tokens of a batch of texts: per token its text index, start/end (code points, in
    `normalise(text)`), hash and whether it is a CJK character; per text its first token."""

    doc: np.ndarray      # int64 (T,)
    start: np.ndarray    # int64 (T,) offset inside its own text
    end: np.ndarray      # int64 (T,)
    hash: np.ndarray     # uint64 (T,)
    cjk: np.ndarray      # bool (T,)
    first: np.ndarray    # int64 (D + 1,) token offsets per text

    def count(self, d: int) -> int:
        return int(self.first[d + 1] - self.first[d])


def _in_ranges(cp: np.ndarray, ranges) -> np.ndarray:
    out = np.zeros(len(cp), bool)
    for lo, hi in ranges:
        out |= (cp >= lo) & (cp <= hi)
    return out


def tokenize(texts: Sequence[str]) -> Tokens:
    """Tokens and their hashes for every text of a batch (see the module docstring)."""
    norm = [normalise(t) for t in texts]
    lengths = np.fromiter((len(t) + 1 for t in norm), np.int64, count=len(norm))
    text_start = np.r_[0, np.cumsum(lengths)][:-1]
    cp = np.frombuffer((_SEP.join(norm) + _SEP).encode("utf-32-le"), dtype="<u4").astype(np.int64)
    upper = (cp >= 0x41) & (cp <= 0x5A)
    cp[upper] += 0x20
    digit = (cp >= 0x30) & (cp <= 0x39)
    alpha = (cp >= 0x61) & (cp <= 0x7A)
    cjk = _in_ranges(cp, _CJK_RANGES)
    other = (cp >= 0x80) & ~cjk & ~_in_ranges(cp, _PUNCT_RANGES) & ~np.isin(cp, (0xA0, 0x3000, 0xFEFF))
    word = digit | alpha | other
    value = np.where(digit, 0x30, cp).astype(np.uint64) + np.uint64(1)

    prev_word = np.r_[False, word[:-1]]
    next_word = np.r_[word[1:], False]
    starts = np.flatnonzero(cjk | (word & ~prev_word))
    ends_w = np.flatnonzero(word & ~next_word) + 1
    # word tokens: their ends in order; CJK tokens end right after their start
    is_cjk_tok = cjk[starts]
    ends = np.empty(len(starts), np.int64)
    ends[is_cjk_tok] = starts[is_cjk_tok] + 1
    ends[~is_cjk_tok] = ends_w
    # single ASCII letters are dropped (option labels)
    keep = ~((ends - starts == 1) & alpha[starts])
    starts, ends, is_cjk_tok = starts[keep], ends[keep], is_cjk_tok[keep]

    fwd, bwd = _CP_POW.upto(len(cp) + 1)
    with np.errstate(over="ignore"):
        prefix = np.r_[np.uint64(0), np.cumsum(value * fwd[:len(cp)], dtype=np.uint64)]
        raw = (prefix[ends] - prefix[starts]) * bwd[starts]
    token_hash = _fmix64(raw)
    doc = np.searchsorted(text_start, starts, side="right") - 1
    first = np.searchsorted(doc, np.arange(len(norm) + 1), side="left")
    return Tokens(doc=doc, start=starts - text_start[doc], end=ends - text_start[doc], hash=token_hash,
                  cjk=is_cjk_tok, first=first)


def doc_ngram_size(tokens: Tokens, word_n: int, char_n: int) -> np.ndarray:
    """Per text: char_n when most of its tokens are CJK characters, else word_n."""
    n_docs = len(tokens.first) - 1
    total = np.diff(tokens.first)
    cjk = np.bincount(tokens.doc, weights=tokens.cjk, minlength=n_docs)
    return np.where(2 * cjk > total, char_n, word_n).astype(np.int64)


def ngram_hashes(tokens: Tokens, n: int, docs_mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(hashes uint64, position of the first token) of every n-gram that stays inside one text
    (of the texts selected by `docs_mask`)."""
    t = len(tokens.hash)
    if t < n or n < 1:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    fwd, bwd = _TOK_POW.upto(t + 1)
    with np.errstate(over="ignore"):
        prefix = np.r_[np.uint64(0), np.cumsum(tokens.hash * fwd[:t], dtype=np.uint64)]
        pos = np.arange(t - n + 1)
        inside = tokens.doc[pos] == tokens.doc[pos + n - 1]
        if docs_mask is not None:
            inside &= docs_mask[tokens.doc[pos]]
        pos = pos[inside]
        h = (prefix[pos + n] - prefix[pos]) * bwd[pos]
    return _fmix64(h ^ np.uint64(n)), pos


@dataclass
class Hits:
    """Matches of query n-grams in an index: for each hit the query text, the matched key
    (an item number) and the query token position; `n` is the n-gram length in tokens."""

    doc: np.ndarray
    key: np.ndarray
    pos: np.ndarray
    n: np.ndarray


class NgramIndex:
    """A sorted array of n-gram hashes with the key (item number) each came from."""

    def __init__(self, hashes: np.ndarray, keys: np.ndarray):
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.keys = hashes[order], keys[order]

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query index, key) for every query hash found (a hash under several keys gives several)."""
        if not len(self.hashes) or not len(hashes):
            return np.zeros(0, np.int64), np.zeros(0, self.keys.dtype)
        lo = np.searchsorted(self.hashes, hashes, side="left")
        hi = np.searchsorted(self.hashes, hashes, side="right")
        count = hi - lo
        found = np.flatnonzero(count)
        if not len(found):
            return np.zeros(0, np.int64), np.zeros(0, self.keys.dtype)
        reps = count[found]
        q = np.repeat(found, reps)
        offsets = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        return q, self.keys[np.repeat(lo[found], reps) + offsets]
