"""MinHash signatures, LSH bands and parameters (pure NumPy; no workspace).

Signatures are computed by `MinHasher`, a vectorised NumPy MinHash that gives exactly the
signatures of `datasketch.MinHash(num_perm, seed)` (its default "affine32" scheme: sha1_hash32,
MurmurHash3 fmix32, then `a*h + b mod 2^32` with datasketch's seeded permutations) for the same
shingle bytes. Bands and rows come from the threshold by minimising false positives plus false
negatives (`optimal_param`, datasketch's `_optimal_param` idea).
"""
from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from typing import Sequence

import numpy as np
import xxhash

from medcorpus.dedup.shingles import shingles

_MAX32 = np.uint32(0xFFFFFFFF)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (datasketch's pre-mix for the affine32 scheme)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, element-wise (mod 2^64; shared with medcorpus.decontam)."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def datasketch_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters `datasketch.MinHash(num_perm, seed)` draws for its default scheme."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class MinHasher:
    """Vectorised MinHash: `signatures(list of shingle lists)` -> (N, num_perm) uint32, equal
    to datasketch's `MinHash(num_perm, seed).update_batch(shingle bytes).hashvalues`.

    The permutations run as one (num_perm x shingles) array per chunk, reduced per document
    with `np.minimum.reduceat`."""

    CHUNK = 8192  # shingles per permutation block (128 x 8192 x 4 B = 4 MiB)

    def __init__(self, num_perm: int = 128, seed: int = 1):
        self.num_perm, self.seed = num_perm, seed
        self.a, self.b = datasketch_permutations(num_perm, seed)

    @staticmethod
    def _hashes(items: list[str]) -> np.ndarray:
        """sha1_hash32 of every shingle (a plain loop beats caching: a dict lookup in a large
        cache costs about as much as sha1 of a short string)."""
        sha1 = hashlib.sha1
        digests = b"".join([sha1(s.encode()).digest()[:4] for s in items])
        return np.frombuffer(digests, dtype="<u4").astype(np.uint32)

    def signatures(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        flat: list[str] = []
        for d in docs:
            flat.extend(d)
        return self.signatures_of_hashes(_fmix32(self._hashes(flat)) if flat else np.zeros(0, np.uint32), lengths)

    def signatures_of_hashes(self, hv: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Signatures of documents given as consecutive runs (`lengths`) of 32-bit shingle hashes."""
        n = len(lengths)
        sig = np.full((n, self.num_perm), _MAX32, dtype=np.uint32)
        nonempty = np.flatnonzero(lengths)
        if not len(nonempty):
            return sig
        ends = np.cumsum(lengths[nonempty])
        starts = ends - lengths[nonempty]
        a, b = self.a, self.b
        # documents grouped so that each block holds about CHUNK shingles
        i = 0
        while i < len(nonempty):
            j = int(np.searchsorted(ends, starts[i] + self.CHUNK, side="right"))
            j = max(j, i + 1)
            lo, hi = int(starts[i]), int(ends[j - 1])
            block = np.multiply.outer(a, hv[lo:hi])  # (num_perm, shingles): rows contiguous
            block += b[:, None]
            sig[nonempty[i:j]] = np.minimum.reduceat(block, starts[i:j] - lo, axis=1).T
            i = j
        return sig

    def signature(self, shingle_list: Sequence[str]) -> np.ndarray:
        return self.signatures([shingle_list])[0]


def band_hashes(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(N, bands) signed 64-bit hashes of each band's `rows` signature values."""
    n = sig.shape[0]
    out = np.empty((n, bands), dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    for band in range(bands):
        h = np.full(n, np.uint64(0xCBF29CE484222325) ^ np.uint64(band), dtype=np.uint64)
        for col in range(band * rows, (band + 1) * rows):
            h = (h ^ sig[:, col].astype(np.uint64)) * prime
        out[:, band] = fmix64(h)
    return out.view(np.int64)


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard of row pairs (the share of equal signature values)."""
    return (sig_a == sig_b).mean(axis=-1)


# ------------------------------------------------------------------ parameters
_trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy < 2 names it trapz


@lru_cache(maxsize=64)
def optimal_param(threshold: float, num_perm: int, fp_weight: float = 0.5,
                  fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) minimising the weighted probabilities of false positives (pairs below
    the threshold that share a band) and false negatives (pairs above it that share none),
    as datasketch's `_optimal_param`; the integrals are done on a fine grid."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    grid = 4001
    s_lo = np.linspace(0.0, threshold, grid)
    s_hi = np.linspace(threshold, 1.0, grid)
    best, opt = math.inf, (1, 1)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _trapezoid(1 - (1 - s_lo ** r) ** b, s_lo)
            fn = _trapezoid((1 - s_hi ** r) ** b, s_hi)
            err = fp * fp_weight + fn * fn_weight
            if err < best:
                best, opt = err, (b, r)
    return opt


# ------------------------------------------------------------------ signatures of a batch
_hashers: dict[tuple[int, int], MinHasher] = {}


def _hasher(num_perm: int, seed: int) -> MinHasher:
    key = (num_perm, seed)
    if key not in _hashers:
        _hashers[key] = MinHasher(num_perm, seed)
    return _hashers[key]


# Jaccard estimates use the signatures' low 8 bits: two different values agree there with
# probability 1/256, which biases an estimate by at most +0.004 * (1 - J) and quarters memory.
VDTYPE = np.uint8


_FNV_OFFSET, _FNV_PRIME = np.uint32(0x811C9DC5), np.uint32(0x01000193)


def char_hashes(texts: Sequence[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of every character n-gram of each text (FNV-1a over code points, then
    MurmurHash3's finalizer), computed for the whole batch in one NumPy pass: (hashes of all
    texts one after the other, count per text). A text shorter than n gives one hash of itself."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    counts = np.where(lengths >= n, lengths - n + 1, np.minimum(lengths, 1))
    total = len(cps)
    if total >= n:
        m = total - n + 1
        h = np.full(m, _FNV_OFFSET, dtype=np.uint32)
        for k in range(n):
            h ^= cps[k:k + m]
            h *= _FNV_PRIME
    else:
        h = np.zeros(0, np.uint32)
    starts = np.cumsum(lengths) - lengths
    parts = []
    for start, length in zip(starts.tolist(), lengths.tolist()):
        if length >= n:
            parts.append(h[start:start + length - n + 1])
        elif length:  # shorter than n: the hash of the whole text
            x = _FNV_OFFSET
            for c in cps[start:start + length]:
                x = np.uint32((int(x) ^ int(c)) * int(_FNV_PRIME) & 0xFFFFFFFF)
            parts.append(np.array([x], np.uint32))
    hv = _fmix32(np.concatenate(parts)) if parts else np.zeros(0, np.uint32)
    return hv, counts


def side_hashes(sides: Sequence[str], ngram: int, char_ngram: int, latin_char: int
                ) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(exact keys, shingle hashes, count per side, character-shingled flag per side) of a batch of texts: character `latin_char`-grams
    of the normalised text for non-CJK texts, the usual shingles (sha1) for mostly-CJK ones."""
    from medcorpus.dedup.shingles import mostly_cjk, tokens

    keys: list[str] = []
    latin: list[tuple[int, str]] = []
    cjk: list[tuple[int, list[str]]] = []
    for i, text in enumerate(sides):
        toks = tokens(text)
        if toks and mostly_cjk(text, toks):
            seg = shingles(text, ngram, char_ngram)
            cjk.append((i, seg))
            keys.append("\x1f".join(seg))
        else:
            norm = " ".join(toks)
            latin.append((i, norm))
            keys.append(norm)
    counts = np.zeros(len(sides), np.int64)
    pieces: list[np.ndarray] = [np.zeros(0, np.uint32)] * len(sides)
    if latin:
        hv, cnt = char_hashes([t for _, t in latin], latin_char)
        pos = 0
        for (i, _), c in zip(latin, cnt.tolist()):
            pieces[i], counts[i] = hv[pos:pos + c], c
            pos += c
    for i, seg in cjk:
        pieces[i] = _fmix32(MinHasher._hashes(seg)) if seg else np.zeros(0, np.uint32)
        counts[i] = len(seg)
    hv = np.concatenate(pieces) if len(sides) else np.zeros(0, np.uint32)
    is_char = np.zeros(len(sides), bool)
    is_char[[i for i, _ in latin]] = True
    return keys, hv, counts, is_char


def sketch_batch(docs: Sequence[tuple[str, ...]], ngram: int, char_ngram: int, num_perm: int, seed: int,
                 bands: int, rows: int, latin_char: int = 0) -> tuple[np.ndarray, ...]:
    """Sketch a batch of documents, each a tuple of sides (asking, answering) or one text.

    Shingles never span two sides; a document's signature is the minimum of its sides'
    signatures, i.e. the MinHash of the union of their shingles. Returns (exact keys int64,
    empty flags, band hashes int64 (N, bands), the signature's low 8 bits (N, num_perm) for
    Jaccard estimates, the sides' signatures' low 8 bits (N, sides, num_perm), whether a document
    was shingled into character n-grams of its normalised text (N,) bool).
    `latin_char` > 0: non-CJK text is shingled into character n-grams of its normalised form.
    A top-level function: it runs in worker processes."""
    k = len(docs[0]) if docs else 1
    n = len(docs)
    hasher = _hasher(num_perm, seed)
    if latin_char:
        keys, hv, counts, is_char = side_hashes([side for doc in docs for side in doc], ngram, char_ngram, latin_char)
        char = is_char.reshape(n, k).any(axis=1) if n else np.zeros(0, bool)
        side_sig = hasher.signatures_of_hashes(hv, counts).reshape(n, k, num_perm)
        exact = np.fromiter((xxhash.xxh3_64_intdigest("\x1e".join(keys[i * k:(i + 1) * k]).encode())
                             for i in range(n)), dtype=np.uint64, count=n).view(np.int64)
        empty = np.fromiter((not counts[i * k:(i + 1) * k].any() for i in range(n)), dtype=bool, count=n)
    else:
        segs = [shingles(side, ngram, char_ngram) for doc in docs for side in doc]
        exact = np.fromiter(
            (xxhash.xxh3_64_intdigest("\x1e".join("\x1f".join(seg) for seg in segs[i * k:(i + 1) * k]).encode())
             for i in range(n)), dtype=np.uint64, count=n).view(np.int64)
        empty = np.fromiter((not any(segs[i * k:(i + 1) * k]) for i in range(n)), dtype=bool, count=n)
        side_sig = hasher.signatures(segs).reshape(n, k, num_perm)
        char = np.zeros(n, bool)
    sig = side_sig.min(axis=1) if k > 1 else side_sig[:, 0]
    return exact, empty, band_hashes(sig, bands, rows), sig.astype(VDTYPE), side_sig.astype(VDTYPE), char
