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
    """base^k and base^-k mod 2^64 for k < n, computed once and grown on demand."""

    def __init__(self, base: int, inv: int):
        self.base, self.inv = base, inv
        self.fwd = self.bwd = np.ones(1, np.uint64)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.fwd) < n:
            size = max(n, 2 * len(self.fwd))
            fwd, bwd = np.full(size, self.base, np.uint64), np.full(size, self.inv, np.uint64)
            fwd[0] = bwd[0] = 1
            with np.errstate(over="ignore"):
                self.fwd, self.bwd = np.cumprod(fwd, dtype=np.uint64), np.cumprod(bwd, dtype=np.uint64)
        return self.fwd[:n], self.bwd[:n]


_CP_POW = _Powers(_P, _PINV)
_TOK_POW = _Powers(_Q, _QINV)

# ASCII bytes -> folded value (lower case, every digit '0'); 0 for separators
_ASCII_VALUE = np.zeros(256, np.uint8)
for _c in range(128):
    _ch = chr(_c)
    if _ch.isdigit():
        _ASCII_VALUE[_c] = ord("0")
    elif _ch.isalpha():
        _ASCII_VALUE[_c] = ord(_ch.lower())


def normalise(text: str) -> str:
    """The form n-grams are read from (spans are reported in it): non-ASCII text NFKC-normalised and
    lower-cased (ASCII letters are lower-cased later, so spans of English text keep their case)."""
    if text.isascii():
        return text
    norm = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    lower = norm.lower()
    return lower if len(lower) == len(norm) else norm


@dataclass
class Tokens:
    """The tokens of a batch of texts, each text's tokens contiguous: per token its text index,
    start/end (code points, in `normalise(text)`), hash and whether it is a CJK character."""

    doc: np.ndarray      # int64 (T,)
    start: np.ndarray    # int64 (T,) offset inside its own text
    end: np.ndarray      # int64 (T,)
    hash: np.ndarray     # uint64 (T,)
    cjk: np.ndarray      # bool (T,)
    n_docs: int

    def counts(self) -> np.ndarray:
        """Tokens per text."""
        return np.bincount(self.doc, minlength=self.n_docs)


def _in_ranges(cp: np.ndarray, ranges) -> np.ndarray:
    out = np.zeros(len(cp), bool)
    for lo, hi in ranges:
        out |= (cp >= lo) & (cp <= hi)
    return out


def _runs(word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the runs of True."""
    edge = np.zeros(len(word) + 2, np.int8)
    edge[1:-1] = word
    d = np.diff(edge)
    return np.flatnonzero(d == 1), np.flatnonzero(d == -1)


def _hash_spans(value: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Polynomial hash of value[s:e] for every span, position-independent (mod 2^64)."""
    n = len(value)
    fwd, bwd = _CP_POW.upto(n + 1)
    prefix = np.empty(n + 1, np.uint64)
    prefix[0] = 0
    with np.errstate(over="ignore"):
        np.cumsum(value.astype(np.uint64) * fwd[:n], out=prefix[1:])
        return _fmix64((prefix[ends] - prefix[starts]) * bwd[starts])


def _tokens_ascii(texts: list[str]) -> tuple[np.ndarray, ...]:
    lengths = np.array(list(map(len, texts)), np.int64) + 1
    text_start = np.zeros(len(texts), np.int64)
    np.cumsum(lengths[:-1], out=text_start[1:])
    raw = np.frombuffer(("\n".join(texts) + "\n").encode("ascii"), np.uint8)
    value = _ASCII_VALUE[raw]
    starts, ends = _runs(value != 0)
    keep = ~((ends - starts == 1) & (value[starts] >= ord("a")))  # single letters (option labels) dropped
    starts, ends = starts[keep], ends[keep]
    doc = np.searchsorted(text_start, starts, side="right") - 1
    return doc, starts - text_start[doc], ends - text_start[doc], _hash_spans(value, starts, ends), \
        np.zeros(len(starts), bool)


def _tokens_unicode(texts: list[str]) -> tuple[np.ndarray, ...]:
    lengths = np.fromiter((len(t) + 1 for t in texts), np.int64, count=len(texts))
    text_start = np.zeros(len(texts), np.int64)
    np.cumsum(lengths[:-1], out=text_start[1:])
    cp = np.frombuffer(("\n".join(texts) + "\n").encode("utf-32-le"), dtype="<u4").astype(np.int64)
    upper = (cp >= 0x41) & (cp <= 0x5A)
    cp[upper] += 0x20
    digit = (cp >= 0x30) & (cp <= 0x39)
    alpha = (cp >= 0x61) & (cp <= 0x7A)
    high = cp >= 0x80
    cjk = np.zeros(len(cp), bool)
    other = np.zeros(len(cp), bool)
    hi = np.flatnonzero(high)
    cjk[hi] = _in_ranges(cp[hi], _CJK_RANGES)
    other[hi] = ~cjk[hi] & ~_in_ranges(cp[hi], _PUNCT_RANGES) & ~np.isin(cp[hi], (0xA0, 0x3000, 0xFEFF))
    word = digit | alpha | other
    cp[digit] = 0x30
    w_starts, w_ends = _runs(word)
    c_starts = np.flatnonzero(cjk)
    starts = np.concatenate([w_starts, c_starts])
    ends = np.concatenate([w_ends, c_starts + 1])
    is_cjk = np.concatenate([np.zeros(len(w_starts), bool), np.ones(len(c_starts), bool)])
    order = np.argsort(starts, kind="stable")
    starts, ends, is_cjk = starts[order], ends[order], is_cjk[order]
    keep = ~((ends - starts == 1) & alpha[starts])
    starts, ends, is_cjk = starts[keep], ends[keep], is_cjk[keep]
    doc = np.searchsorted(text_start, starts, side="right") - 1
    return doc, starts - text_start[doc], ends - text_start[doc], _hash_spans(cp, starts, ends), is_cjk


def tokenize(texts: Sequence[str]) -> Tokens:
    """Tokens and their hashes for every text of a batch (see the module docstring). ASCII texts
    take a byte path; the others a code-point path (CJK characters, NFKC, Unicode punctuation)."""
    flags = [t.isascii() for t in texts]
    norm = [t if a else normalise(t) for t, a in zip(texts, flags)]
    is_ascii = np.array(flags, bool)
    parts = []
    for mask, fn in ((is_ascii, _tokens_ascii), (~is_ascii, _tokens_unicode)):
        idx = np.flatnonzero(mask)
        if len(idx):
            doc, start, end, h, cjk = fn([norm[i] for i in idx])
            parts.append((idx[doc], start, end, h, cjk))
    if not parts:
        z = np.zeros(0, np.int64)
        return Tokens(z, z, z, np.zeros(0, np.uint64), np.zeros(0, bool), len(norm))
    cols = [np.concatenate([p[k] for p in parts]) for k in range(5)]
    return Tokens(*cols, n_docs=len(norm))


def doc_ngram_size(tokens: Tokens, word_n: int, char_n: int) -> np.ndarray:
    """Per text: char_n when most of its tokens are CJK characters, else word_n."""
    total = tokens.counts()
    cjk = np.bincount(tokens.doc, weights=tokens.cjk, minlength=tokens.n_docs)
    return np.where(2 * cjk > total, char_n, word_n).astype(np.int64)


def ngram_hashes(tokens: Tokens, n: int, docs_mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(hashes uint64, position of the first token) of every n-gram that stays inside one text
    (of the texts selected by `docs_mask`)."""
    t = len(tokens.hash)
    if t < n or n < 1:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    fwd, bwd = _TOK_POW.upto(t + 1)
    prefix = np.empty(t + 1, np.uint64)
    prefix[0] = 0
    with np.errstate(over="ignore"):
        np.cumsum(tokens.hash * fwd[:t], out=prefix[1:])
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

    FILTER_BITS = 24  # a 16 Mi-entry presence table on the low hash bits skips most lookups

    def __init__(self, hashes: np.ndarray, keys: np.ndarray):
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.keys = hashes[order], keys[order]
        self._mask = np.uint64((1 << self.FILTER_BITS) - 1)
        self._present = np.zeros(1 << self.FILTER_BITS, bool)
        self._present[(self.hashes & self._mask).astype(np.int64)] = True

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query index, key) for every query hash found (a hash under several keys gives several)."""
        if not len(self.hashes) or not len(hashes):
            return np.zeros(0, np.int64), np.zeros(0, self.keys.dtype)
        maybe = np.flatnonzero(self._present[(hashes & self._mask).astype(np.int64)])
        lo = np.searchsorted(self.hashes, hashes[maybe], side="left")
        hi = np.searchsorted(self.hashes, hashes[maybe], side="right")
        count = hi - lo
        hit = np.flatnonzero(count)
        if not len(hit):
            return np.zeros(0, np.int64), np.zeros(0, self.keys.dtype)
        found, lo, count = maybe[hit], lo[hit], count[hit]
        q = np.repeat(found, count)
        offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        return q, self.keys[np.repeat(lo, count) + offsets]
