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

from medcorpus.dedup.minhash import fmix64

_P = 0x100000001B3          # odd: invertible mod 2^64
_Q = 0x9E3779B97F4A7C15     # odd
_PINV = pow(_P, -1, 1 << 64)
_QINV = pow(_Q, -1, 1 << 64)
_SEP = "\n"

# code point classes
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))
_PUNCT_RANGES = ((0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x2BFF), (0x3000, 0x303F),
                 (0xFE10, 0xFE6F), (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65))


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


# Code point -> its normalised form where `normalise` maps it to exactly one character whatever
# surrounds it (ASCII, CJK, full-width forms, NBSP and other spaces, Latin-1 letters, common
# punctuation); _SLOW where it does not (a text holding one takes the exact path through `normalise`).
_SLOW = np.uint32(0xFFFFFFFF)
_FAST_BLOCKS = ((0x00, 0x24F), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
                (0x2500, 0x27BF), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFF5E))
_fast_map: np.ndarray | None = None


def _fast_table() -> np.ndarray:
    global _fast_map
    if _fast_map is None:
        table = np.full(0x2A6E0, _SLOW, np.uint32)
        for lo, hi in _CJK_RANGES:
            if lo != 0xF900:  # compatibility ideographs map to unified ones
                table[lo:hi + 1] = np.arange(lo, hi + 1, dtype=np.uint32)
        for lo, hi in _FAST_BLOCKS:
            for cp in range(lo, hi + 1):
                ch = chr(cp)
                norm = unicodedata.normalize("NFKC", ch)
                low = norm.lower()
                if len(norm) == 1 and len(low) == 1 and not unicodedata.combining(ch) and not unicodedata.combining(low):
                    table[cp] = ord(low)
        _fast_map = table
    return _fast_map


def _codepoints(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(code points, length + 1 per text) of the normalised non-ASCII texts joined by '\n' (one
    more '\n' at the end): a table lookup per character, `normalise` in Python only for texts
    holding a character the table cannot map on its own (a ligature, a combining mark, '…')."""
    table = _fast_table()
    cp = np.frombuffer(("\n".join(texts) + "\n").encode("utf-32-le"), dtype="<u4")
    mapped = table[np.minimum(cp, len(table) - 1)]
    mapped[cp >= len(table)] = _SLOW
    lengths = np.fromiter((len(t) + 1 for t in texts), np.int64, count=len(texts))
    slow = np.flatnonzero(mapped == _SLOW)
    if not len(slow):
        return mapped, lengths
    ends = np.cumsum(lengths)
    bad = np.unique(np.searchsorted(ends, slow, side="right"))
    parts, at = [], 0
    for i in bad.tolist():
        parts.append(mapped[at:int(ends[i] - lengths[i])])
        norm = normalise(texts[i])
        part = np.frombuffer((norm + "\n").encode("utf-32-le"), dtype="<u4").copy()
        part[(part >= 0x41) & (part <= 0x5A)] += 0x20  # `normalise` keeps upper case where lower case is longer
        parts.append(part)
        lengths[i], at = len(norm) + 1, int(ends[i])
    parts.append(mapped[at:])
    return np.concatenate(parts), lengths


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
    """(starts, ends) of the runs of True (the last element must be False: the texts end in '\n')."""
    w = word.view(np.int8)
    d = np.empty(len(w), np.int8)
    d[0] = w[0]
    np.subtract(w[1:], w[:-1], out=d[1:])
    return np.flatnonzero(d == 1), np.flatnonzero(d == -1)


def _hash_spans(value: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Polynomial hash of value[s:e] for every span, position-independent (mod 2^64)."""
    n = len(value)
    fwd, bwd = _CP_POW.upto(n + 1)
    prefix = np.empty(n + 1, np.uint64)
    prefix[0] = 0
    with np.errstate(over="ignore"):
        np.cumsum(value.astype(np.uint64) * fwd[:n], out=prefix[1:])
        return fmix64((prefix[ends] - prefix[starts]) * bwd[starts])


_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], np.uint64)
_K_LEN, _K_CHUNK, _CJK_TAG = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(1 << 62)


def _hash_words(value: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Hash of the bytes value[s:e] of every word, read eight at a time (little-endian uint64 at
    any offset), mixed with the word's length: per word, not per byte, so the cost is in the words."""
    buf = np.zeros(len(value) + 8, np.uint8)
    buf[:len(value)] = value
    at = np.ndarray((len(value) + 1,), np.dtype("<u8"), buf, 0, (1,))
    length = ends - starts
    with np.errstate(over="ignore"):
        h = fmix64((at[starts] & _LOW_BYTES[np.minimum(length, 8)]) ^ (length.astype(np.uint64) * _K_LEN))
        longer, off = np.flatnonzero(length > 8), 8
        while len(longer):
            s = starts[longer] + off
            chunk = at[s] & _LOW_BYTES[np.minimum(ends[longer] - s, 8)]
            h[longer] = fmix64((h[longer] * _K_CHUNK) ^ chunk)
            off += 8
            longer = longer[length[longer] > off]
    return h


def _doc_of(lengths: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(text index, offset of the text) of each (sorted) position in texts of `lengths` (+1 for
    the '\n'): the texts' first tokens found by bisection, then one repeat."""
    text_start = np.zeros(len(lengths), np.int64)
    np.cumsum(lengths[:-1], out=text_start[1:])
    first = np.searchsorted(starts, text_start)
    doc = np.repeat(np.arange(len(lengths)), np.diff(np.append(first, len(starts))))
    return doc, text_start[doc]


def _tokens_ascii(texts: list[str]) -> tuple[np.ndarray, ...]:
    raw = np.frombuffer(("\n".join(texts) + "\n").encode("ascii"), np.uint8)
    value = _ASCII_VALUE[raw]
    starts, ends = _runs(value != 0)
    keep = (ends - starts > 1) | (value[starts] < ord("a"))  # single letters (option labels) dropped
    starts, ends = starts[keep], ends[keep]
    doc, offset = _doc_of(np.fromiter(map(len, texts), np.int64, count=len(texts)) + 1, starts)
    return doc, starts - offset, ends - offset, _hash_words(value, starts, ends), np.zeros(len(starts), bool)


_SEP_CLASS, _WORD_CLASS, _CJK_CLASS = 0, 1, 2
_classes: np.ndarray | None = None


def _class_table() -> np.ndarray:
    """Per code point (those past the table count as its last entry): separator, word character
    (digits, letters, any other non-punctuation) or CJK character."""
    global _classes
    if _classes is None:
        cp = np.arange(0x2A6E1)
        word = ((cp >= 0x30) & (cp <= 0x39)) | ((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A))
        cjk = _in_ranges(cp, _CJK_RANGES)
        word |= (cp >= 0x80) & ~cjk & ~_in_ranges(cp, _PUNCT_RANGES) & ~np.isin(cp, (0xA0, 0x3000, 0xFEFF))
        table = np.where(cjk, _CJK_CLASS, np.where(word, _WORD_CLASS, _SEP_CLASS)).astype(np.uint8)
        table[-1] = _WORD_CLASS
        _classes = table
    return _classes


# ASCII code point -> the byte words are hashed from (digits folded to '0'); anything else 0x80
_CODE_VALUE = np.append(np.where((np.arange(128) >= 0x30) & (np.arange(128) <= 0x39), 0x30, np.arange(128)),
                        0x80).astype(np.uint8)


def _tokens_unicode(texts: list[str]) -> tuple[np.ndarray, ...]:
    cp, lengths = _codepoints(texts)
    table = _class_table()
    cls = table[np.minimum(cp, len(table) - 1)]
    word, cjk = cls == _WORD_CLASS, cls == _CJK_CLASS
    w_starts, w_ends = _runs(word)
    first = np.zeros(len(cp), bool)
    first[w_starts] = True
    starts = np.flatnonzero(first | cjk)  # words and CJK characters never overlap: one sorted list
    is_cjk = cjk[starts]
    ends = starts + 1
    ends[~is_cjk] = w_ends
    single_letter = (ends - starts == 1) & (cp[starts] >= 0x61) & (cp[starts] <= 0x7A)
    starts, ends, is_cjk = starts[~single_letter], ends[~single_letter], is_cjk[~single_letter]
    # words of ASCII letters and digits hash as in ASCII texts; CJK characters by code point;
    # words holding other letters (é, Cyrillic) by a polynomial over their code points
    value = _CODE_VALUE[np.minimum(cp, 128)]
    h = _hash_words(value, starts, ends)
    with np.errstate(over="ignore"):
        h[is_cjk] = fmix64(cp[starts[is_cjk]].astype(np.uint64) | _CJK_TAG)
    high_before = np.zeros(len(cp) + 1, np.int32)
    np.cumsum(value == 0x80, out=high_before[1:])
    wide = np.flatnonzero(~is_cjk & (high_before[ends] > high_before[starts]))
    if len(wide):  # their characters gathered into one short array first
        length = ends[wide] - starts[wide]
        offset = np.cumsum(length) - length
        chars = cp[np.repeat(starts[wide] - offset, length) + np.arange(int(length.sum()))]
        chars = np.where((chars >= 0x30) & (chars <= 0x39), 0x30, chars)
        h[wide] = _hash_spans(chars, offset, offset + length)
    doc, offset = _doc_of(lengths, starts)
    return doc, starts - offset, ends - offset, h, is_cjk


def tokenize(texts: Sequence[str]) -> Tokens:
    """Tokens and their hashes for every text of a batch (see the module docstring). ASCII texts
    take a byte path; the others a code-point path (CJK characters, NFKC, Unicode punctuation)."""
    is_ascii = np.fromiter((t.isascii() for t in texts), bool, count=len(texts))
    parts = []
    for mask, fn in ((is_ascii, _tokens_ascii), (~is_ascii, _tokens_unicode)):
        idx = np.flatnonzero(mask)
        if len(idx):
            doc, start, end, h, cjk = fn([texts[i] for i in idx])
            parts.append((idx[doc], start, end, h, cjk))
    if not parts:
        z = np.zeros(0, np.int64)
        return Tokens(z, z, z, np.zeros(0, np.uint64), np.zeros(0, bool), len(texts))
    cols = [np.concatenate([p[k] for p in parts]) for k in range(5)]  # each text's tokens stay contiguous
    return Tokens(*cols, n_docs=len(texts))


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
    return fmix64(h ^ np.uint64(n)), pos


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
