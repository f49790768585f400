"""Which training texts contain a benchmark item: shared n-grams, or MinHash near-duplicates.

`BenchmarkIndex.build(items, params)` hashes every item (question + options) once; `index.check(docs)`
takes a batch of training documents, each a tuple of sides (asking, answering), and returns per
document its matches, best first. Pure functions of their inputs: no workspace, no files.

- n-grams (`ngram` words, `char_ngram` characters for Chinese): a document matches an item when one
  of its sides shares an n-gram with it. An item shorter than n tokens but at least `min_tokens`
  long matches when a side contains it whole; a question shorter than `min_tokens` (e.g. "Drug of
  choice for X?") is only matched together with its options, or by MinHash.
- MinHash (the dedup engine's shingles and signatures): the asking side against the item's text,
  LSH bands from the threshold, each candidate verified on the full signatures; catches edited
  copies whose every n-gram was broken.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from medcorpus.decontam.benchmarks import BenchItem
from medcorpus.decontam.ngrams import NgramIndex, Tokens, doc_ngram_size, ngram_hashes, normalise, tokenize


@dataclass(frozen=True)
class MatchParams:
    ngram: int = 13
    char_ngram: int = 13
    min_tokens: int = 8
    minhash: bool = True
    threshold: float = 0.6
    num_perm: int = 128
    shingle: int = 2
    char_shingle: int = 3
    seed: int = 1
    min_coverage: float = 0.0  # share of the item's tokens the shared n-grams must cover (held-out records: 0.5)


@dataclass
class Match:
    item: int            # index into the index's items
    method: str          # "ngram" | "minhash"
    side: int            # which side of the document (0 asking, 1 answering)
    span: str            # the matched text of the document (normalised form)
    score: float         # shared n-grams, or estimated Jaccard


@dataclass
class IndexStats:
    items: int = 0
    ngrams: int = 0
    short_items: int = 0     # matched whole (fewer tokens than n)
    too_short: int = 0       # fewer than min_tokens: n-grams skip them (MinHash still applies)
    by_benchmark: dict[str, int] = field(default_factory=dict)


def _minhash_tools():
    # the dedup engine (medcorpus.dedup once the core moves it out of the stage module)
    try:
        from medcorpus.dedup import MinHasher, band_hashes, jaccard, optimal_param, shingles
    except ImportError:
        from medcorpus.stages.dedup import MinHasher, band_hashes, jaccard, optimal_param, shingles
    return MinHasher, band_hashes, jaccard, optimal_param, shingles


class BenchmarkIndex:
    def __init__(self, items: list[BenchItem], params: MatchParams):
        self.items, self.params = items, params
        self.stats = IndexStats(items=len(items))
        self.item_tokens = np.zeros(len(items), np.int64)
        self.ngrams: NgramIndex | None = None
        self.lengths: list[int] = []      # n-gram lengths a document must be hashed at
        self.bands: NgramIndex | None = None
        self.sigs: np.ndarray | None = None

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, items: list[BenchItem], params: MatchParams = MatchParams()) -> "BenchmarkIndex":
        self = cls(items, params)
        for it in items:
            self.stats.by_benchmark[it.benchmark] = self.stats.by_benchmark.get(it.benchmark, 0) + 1
        full = tokenize([it.text for it in items])
        quest = tokenize([it.question for it in items])
        self.item_tokens = full.counts()
        n_of = doc_ngram_size(full, params.ngram, params.char_ngram)
        hashes, keys = [], []
        lengths = set()
        for n in sorted(set(n_of.tolist())):
            h, pos = ngram_hashes(full, n, n_of == n)
            hashes.append(h)
            keys.append(full.doc[pos])
            lengths.add(n)
        # items (and questions) shorter than n but long enough: matched whole
        for toks in (full, quest):
            count = toks.counts()
            short = (count < n_of) & (count >= params.min_tokens)
            if toks is full:
                self.stats.short_items = int(short.sum())
                self.stats.too_short = int((count < params.min_tokens).sum())
            else:
                short &= full.counts() > count  # the question alone adds something
            for length in sorted(set(count[short].tolist())):
                h, pos = ngram_hashes(toks, length, short & (count == length))
                hashes.append(h)
                keys.append(toks.doc[pos])
                lengths.add(length)
        all_h = np.concatenate(hashes) if hashes else np.zeros(0, np.uint64)
        all_k = np.concatenate(keys).astype(np.int64) if keys else np.zeros(0, np.int64)
        self.ngrams = NgramIndex(all_h, all_k)
        self.lengths = sorted(lengths)
        self.stats.ngrams = len(all_h)
        if params.minhash and items:
            self._build_minhash([it.text for it in items])
        return self

    def _minhash_setup(self):
        MinHasher, band_hashes, jaccard, optimal_param, shingles = _minhash_tools()
        p = self.params
        bands, rows = optimal_param(p.threshold, p.num_perm, 0.05, 0.95)
        return MinHasher(p.num_perm, p.seed), band_hashes, jaccard, shingles, bands, rows

    def _sketch(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        hasher, band_hashes, _, shingles, bands, rows = self._minhash_setup()
        p = self.params
        sh = [shingles(t, p.shingle, p.char_shingle) if t else [] for t in texts]
        sig = hasher.signatures(sh)
        empty = np.fromiter((len(s) == 0 for s in sh), bool, count=len(sh))
        return sig, band_hashes(sig, bands, rows), empty

    def _build_minhash(self, texts: list[str]) -> None:
        sig, bh, empty = self._sketch(texts)
        bh[empty] = 0
        keys = np.repeat(np.arange(len(texts)), bh.shape[1])
        keep = ~np.repeat(empty, bh.shape[1])
        self.sigs = sig
        self.bands = NgramIndex(bh.reshape(-1).view(np.uint64)[keep], keys[keep])

    # ------------------------------------------------------------------ checking
    def check(self, docs: Sequence[tuple[str, ...]]) -> list[list[Match]]:
        """Per document (a tuple of sides), its matches: the best match per item, best first."""
        k = len(docs[0]) if docs else 1
        flat = [side for doc in docs for side in doc]
        found: dict[tuple[int, int], Match] = {}
        toks = tokenize(flat)
        self._check_ngrams(flat, toks, k, found)
        if self.bands is not None and len(self.bands):
            self._check_minhash([doc[0] for doc in docs], found)
        out: list[list[Match]] = [[] for _ in docs]
        for (d, _), m in found.items():
            out[d].append(m)
        for ms in out:
            ms.sort(key=lambda m: (m.method != "ngram", -m.score))
        return out

    def _check_ngrams(self, flat: list[str], toks: Tokens, k: int, found: dict) -> None:
        if self.ngrams is None or not len(self.ngrams):
            return
        hs, ps, ns = [], [], []
        for n in self.lengths:
            h, pos = ngram_hashes(toks, n)
            hs.append(h)
            ps.append(pos)
            ns.append(np.full(len(h), n, np.int64))
        h, pos, nn = np.concatenate(hs), np.concatenate(ps), np.concatenate(ns)
        q, key = self.ngrams.lookup(h)
        if not len(q):
            return
        side_doc, pos, nn = toks.doc[pos[q]], pos[q], nn[q]
        order = np.lexsort((pos, key, side_doc))
        side_doc, key, pos, nn = side_doc[order], key[order], pos[order], nn[order]
        group = np.r_[True, (side_doc[1:] != side_doc[:-1]) | (key[1:] != key[:-1])]
        starts = np.flatnonzero(group)
        ends = np.r_[starts[1:], len(key)]
        texts: dict[int, str] = {}
        for s, e in zip(starts.tolist(), ends.tolist()):
            sd, item = int(side_doc[s]), int(key[s])
            doc = sd // k
            run_end = s
            while run_end + 1 < e and pos[run_end + 1] == pos[run_end] + 1:
                run_end += 1
            covered = len(set(pos[s:e].tolist())) + int(nn[s]) - 1
            if covered < self.params.min_coverage * int(self.item_tokens[item]):
                continue  # shared boilerplate (a template header), not the item
            first_tok, last_tok = int(pos[s]), int(pos[run_end] + nn[run_end] - 1)
            text = texts.get(sd) or texts.setdefault(sd, normalise(flat[sd]))
            span = text[int(toks.start[first_tok]):int(toks.end[last_tok])]
            m = Match(item, "ngram", sd % k, span, float(e - s))
            prev = found.get((doc, item))
            if prev is None or (prev.method == "ngram" and prev.score < m.score):
                found[(doc, item)] = m

    def _check_minhash(self, asking: list[str], found: dict) -> None:
        _, _, jaccard, _, _, _ = self._minhash_setup()
        sig, bh, empty = self._sketch(asking)
        n_bands = bh.shape[1]
        q, item = self.bands.lookup(bh.reshape(-1).view(np.uint64))
        if not len(q):
            return
        doc = q // n_bands
        pairs = np.unique(np.stack([doc, item], axis=1), axis=0)
        pairs = pairs[~empty[pairs[:, 0]]]
        if not len(pairs):
            return
        est = jaccard(sig[pairs[:, 0]], self.sigs[pairs[:, 1]])
        for (d, it), j in zip(pairs.tolist(), est.tolist()):
            if j >= self.params.threshold and (d, it) not in found:
                found[(d, it)] = Match(it, "minhash", 0, asking[d][:300], round(float(j), 3))


def heldout_overlap(heldout: Sequence[tuple[str, str]], train: Sequence[tuple[str, str]],
                    params: MatchParams = MatchParams(), batch: int = 5000) -> dict[int, tuple[int, Match]]:
    """Train documents that contain a held-out document's question: {train index: (held-out index,
    match)}. The held-out split is a decontamination target like any benchmark (export uses this)."""
    items = [BenchItem("heldout", str(i), ask) for i, (ask, _) in enumerate(heldout) if ask.strip()]
    if not items or not train:
        return {}
    index = BenchmarkIndex.build(items, params)
    out: dict[int, tuple[int, Match]] = {}
    for start in range(0, len(train), batch):
        for k, found in enumerate(index.check(list(train[start:start + batch]))):
            if found:
                out[start + k] = (int(items[found[0].item].item_id), found[0])
    return out
