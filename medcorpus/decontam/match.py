"""Which training texts contain a benchmark item: shared n-grams, or MinHash near-duplicates.

`BenchmarkIndex.build(items, params)` hashes every item (question + options) once; `index.check(docs)`
takes a batch of training documents, each a tuple of sides (asking, answering), and returns per
document its matches, best first. Pure functions of their inputs: no workspace, no files.

- n-grams (`ngram` words, `char_ngram` characters for Chinese): a document matches an item when one
  of its sides shares an n-gram with it. An item shorter than n tokens but at least `min_tokens`
  long matches when a side contains it whole; a question shorter than `min_tokens` (e.g. "Drug of
  choice for X?") is only matched together with its options, or by MinHash.
- MinHash (the dedup engine's signatures over hashed word 2-grams / CJK character 3-grams of the
  same tokens): the asking side against the item's text;
  catches edited copies whose every n-gram was broken. Only candidates are sketched: asking sides
  that share a short n-gram (`candidate_ngram` tokens, hashed from the same tokens) with an item,
  each compared with that item's signature. A pair at the Jaccard threshold shares most of its word
  pairs, so it shares a short n-gram too; the other sides (nearly all) cost no shingles or hashes.
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
    candidate_ngram: int = 5     # MinHash only for asking sides sharing n-grams this long with the item:
    candidate_share: float = 0.2  # at least this share of the item's, and (per side) the top `candidate_items`
    candidate_items: int = 3
    candidate_common: int = 50    # a short n-gram of more items than this is template text: no candidate


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


def _item_ngrams(full: Tokens, n_of: np.ndarray, min_tokens: int) -> tuple[list[np.ndarray], list[np.ndarray], set]:
    """(hashes, item numbers, lengths) of every item's n-grams, `n_of[item]` tokens long; an item
    shorter than its n but at least `min_tokens` long gives one n-gram of all its tokens."""
    hashes, keys, lengths = [], [], set()
    count = full.counts()
    short = (count < n_of) & (count >= min_tokens)
    for n in sorted(set(n_of.tolist())):
        h, pos = ngram_hashes(full, n, (n_of == n) & ~short)
        hashes.append(h)
        keys.append(full.doc[pos])
        lengths.add(n)
    for length in sorted(set(count[short].tolist())):
        h, pos = ngram_hashes(full, length, short & (count == length))
        hashes.append(h)
        keys.append(full.doc[pos])
        lengths.add(length)
    return hashes, keys, lengths


class BenchmarkIndex:
    def __init__(self, items: list[BenchItem], params: MatchParams):
        self.items, self.params = items, params
        self.stats = IndexStats(items=len(items))
        self.item_tokens = np.zeros(len(items), np.int64)
        self.ngrams: NgramIndex | None = None
        self.lengths: list[int] = []      # n-gram lengths a document must be hashed at
        self.candidates: NgramIndex | None = None   # short n-grams: which asking sides MinHash looks at
        self.candidate_lengths: list[int] = []
        self.candidate_count = np.zeros(len(items), np.int64)  # short n-grams per item
        self.sigs: np.ndarray | None = None
        self.item_empty = np.zeros(len(items), bool)

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
        hashes, keys, lengths = _item_ngrams(full, n_of, params.min_tokens)
        # a question shorter than n but long enough, when the options make the item longer: matched whole
        count = quest.counts()
        short = (count < n_of) & (count >= params.min_tokens) & (full.counts() > count)
        for length in sorted(set(count[short].tolist())):
            h, pos = ngram_hashes(quest, length, short & (count == length))
            hashes.append(h)
            keys.append(quest.doc[pos])
            lengths.add(length)
        self.stats.short_items = int(((self.item_tokens < n_of) & (self.item_tokens >= params.min_tokens)).sum())
        self.stats.too_short = int((self.item_tokens < params.min_tokens).sum())
        all_h = np.concatenate(hashes) if hashes else np.zeros(0, np.uint64)
        all_k = np.concatenate(keys).astype(np.int64) if keys else np.zeros(0, np.int64)
        self.ngrams = NgramIndex(all_h, all_k)
        self.lengths = sorted(lengths)
        self.stats.ngrams = len(all_h)
        if params.minhash and items:
            c = params.candidate_ngram
            hashes, keys, lengths = _item_ngrams(full, np.minimum(n_of, c), 2)
            h, key = np.concatenate(hashes), np.concatenate(keys).astype(np.int64)
            uniq, inverse, items_of = np.unique(h, return_inverse=True, return_counts=True)
            rare = items_of[inverse] <= params.candidate_common
            self.candidates = NgramIndex(h[rare], key[rare])
            self.candidate_count = np.bincount(self.candidates.keys, minlength=len(items))
            self.candidate_lengths = sorted(lengths)
            self.sigs, self.item_empty = self._sketch(full, np.arange(len(items)))
        return self

    def _sketch(self, toks: Tokens, texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(MinHash signatures by the dedup engine's MinHasher, empty flags) of the texts numbered
        `texts` (ascending) of a tokenized batch. Shingles are hashed n-grams of the same tokens:
        `shingle` words, or `char_shingle` characters for mostly-CJK text; a text shorter than
        that gives one shingle of all its tokens."""
        from medcorpus.dedup.minhash import MinHasher

        p = self.params
        chosen = np.zeros(toks.n_docs, bool)
        chosen[texts] = True
        count = toks.counts()
        n_of = doc_ngram_size(toks, p.shingle, p.char_shingle)
        n_of = np.where(count < n_of, count, n_of)  # a short text: one shingle of all its tokens
        hashes, owner = [], []
        for n in sorted(set(n_of[texts].tolist()) - {0}):
            h, pos = ngram_hashes(toks, n, chosen & (n_of == n))
            hashes.append(h)
            owner.append(toks.doc[pos])
        h = np.concatenate(hashes) if hashes else np.zeros(0, np.uint64)
        owner = np.concatenate(owner) if owner else np.zeros(0, np.int64)
        order = np.argsort(owner, kind="stable")
        lengths = np.bincount(owner, minlength=toks.n_docs)[texts]
        sig = MinHasher(p.num_perm, p.seed).signatures_of_hashes((h[order] >> np.uint64(32)).astype(np.uint32), lengths)
        return sig, lengths == 0

    # ------------------------------------------------------------------ checking
    def check(self, docs: Sequence[tuple[str, ...]]) -> list[list[Match]]:
        """Per document (a tuple of sides), its matches: the best match per item, best first."""
        k = len(docs[0]) if docs else 1
        flat = [side for doc in docs for side in doc]
        found: dict[tuple[int, int], Match] = {}
        toks = tokenize(flat)
        self._check_ngrams(flat, toks, k, found)
        if self.candidates is not None and len(self.candidates):
            self._check_minhash(flat, toks, k, found)
        out: list[list[Match]] = [[] for _ in docs]
        for (d, _), m in found.items():
            out[d].append(m)
        for ms in out:
            if len(ms) > 1:
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

    def _check_minhash(self, flat: list[str], toks: Tokens, k: int, found: dict) -> None:
        """Asking sides (side 0) sharing a short n-gram with an item, not matched by n-grams yet:
        sketched, and compared with that item's signature."""
        asking = np.arange(toks.n_docs) % k == 0
        hs = [ngram_hashes(toks, n, asking) for n in self.candidate_lengths]
        q, item = self.candidates.lookup(np.concatenate([x[0] for x in hs]))
        if not len(q):
            return
        p, n_items = self.params, len(self.items)
        key, shared = np.unique(toks.doc[np.concatenate([x[1] for x in hs])[q]] // k * n_items + item, return_counts=True)
        doc, item = key // n_items, key % n_items
        ok = (shared >= p.candidate_share * self.candidate_count[item]) & ~self.item_empty[item]
        doc, item, shared = doc[ok], item[ok], shared[ok]
        order = np.lexsort((-shared, doc))  # per side its items by shared n-grams, the top few
        doc, item = doc[order], item[order]
        first = np.r_[0, np.flatnonzero(doc[1:] != doc[:-1]) + 1]
        rank = np.arange(len(doc)) - np.repeat(first, np.diff(np.r_[first, len(doc)]))
        pairs = np.stack([doc, item], axis=1)[rank < p.candidate_items]
        pairs = pairs[[(d, it) not in found for d, it in pairs.tolist()]] if found else pairs
        if not len(pairs):
            return
        docs = np.unique(pairs[:, 0])
        sig, empty = self._sketch(toks, docs * k)
        row = np.searchsorted(docs, pairs[:, 0])
        est = (sig[row] == self.sigs[pairs[:, 1]]).mean(axis=1)
        est[empty[row]] = 0.0
        for (d, it), j in zip(pairs.tolist(), est.tolist()):
            if j >= self.params.threshold:
                found[(d, it)] = Match(it, "minhash", 0, flat[d * k][:300], round(float(j), 3))
