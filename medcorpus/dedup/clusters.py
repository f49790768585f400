"""Clusters from candidate pairs: verification on signatures, connected components, and the
kept record of each cluster (pure NumPy/SciPy; the stage feeds it from the workspace).

A pair stays if its estimated Jaccard is at least the threshold minus two standard errors and
each side (question, answer) reaches SIDE_MIN too, so a shared template answer alone merges
nothing. One record is kept per cluster (`keep`: longest or first); a cluster that already has a
kept record from an earlier run keeps it (a refresh never un-exports a record).
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from medcorpus.dedup.minhash import VDTYPE, jaccard

KEPT, EXACT, NEAR, EMPTY = "kept", "exact", "near", "empty"
# Each side (question, answer) of a duplicate pair must reach this Jaccard too (or the
# threshold, if lower): two different questions answered by one template are no duplicates.
# Word n-grams (and CJK character n-grams) of distinct questions stay under 0.4; character
# 5-grams of the normalised text share more, so a record shingled that way needs SIDE_MIN_CHAR:
# distinct questions sharing a template answer reach ~0.6 there.
SIDE_MIN = 0.4
SIDE_MIN_CHAR = 0.65


class Nodes:
    """Columns of the records this run decides (pending first, then re-opened ones)."""

    COLS = ("version", "length", "exact", "empty", "bands", "vsig", "side", "char")

    def __init__(self, capacity: int, num_perm: int, bands: int, sides: int):
        self.ids: list[str] = []
        self.version = np.zeros(capacity, np.int64)
        self.length = np.zeros(capacity, np.int64)
        self.exact = np.zeros(capacity, np.int64)
        self.empty = np.zeros(capacity, bool)
        self.bands = np.zeros((capacity, bands), np.int64)
        self.vsig = np.zeros((capacity, num_perm), VDTYPE)
        self.side = np.zeros((capacity, sides, num_perm), VDTYPE)
        self.char = np.zeros(capacity, bool)  # shingled into character n-grams of the normalised text
        self.size = 0

    def add(self, ids: list[str], versions: Sequence[int], lengths: Sequence[int], result: tuple) -> None:
        i, j = self.size, self.size + len(ids)
        if j > len(self.version):
            grow = max(j, 2 * len(self.version))
            for name in self.COLS:
                old = getattr(self, name)
                new = np.zeros((grow,) + old.shape[1:], old.dtype)
                new[:i] = old[:i]
                setattr(self, name, new)
        self.ids.extend(ids)
        self.version[i:j] = versions
        self.length[i:j] = lengths
        (self.exact[i:j], self.empty[i:j], self.bands[i:j], self.vsig[i:j], self.side[i:j],
         self.char[i:j]) = result
        self.size = j


class OldNodes:
    """Index entries from earlier runs that this run's records matched, plus their kept
    representatives, with signatures recomputed from their (unchanged) input rows."""

    def __init__(self, n, ids, exact, rep_k, vsig, side, char=None):
        self.n, self.ids, self.exact, self.rep_k, self.vsig, self.side = n, ids, exact, rep_k, vsig, side
        self.char = np.zeros(len(n), bool) if char is None else char

    @classmethod
    def empty(cls, num_perm: int, sides: int) -> "OldNodes":
        return cls(np.zeros(0, np.int64), [], np.zeros(0, np.int64), np.zeros(0, np.int64),
                   np.zeros((0, num_perm), VDTYPE), np.zeros((0, sides, num_perm), VDTYPE))

    @classmethod
    def from_sketch(cls, n: np.ndarray, ids: list[str], exact: np.ndarray, rep_n: np.ndarray,
                    sketch: tuple) -> "OldNodes":
        """Entries `n` (sorted) with their representatives' `rep_n` and recomputed signatures."""
        rep_k = np.searchsorted(n, rep_n)
        if len(n) and ((rep_k >= len(n)) | (n[np.minimum(rep_k, len(n) - 1)] != rep_n)).any():
            raise RuntimeError("dedup index is inconsistent: a kept representative is missing; "
                               "re-run with another threshold or delete the dedup_* tables")
        _, _, _, vsig, side, char = sketch
        return cls(n, ids, exact, rep_k, vsig, side, char)


def verify_floor(threshold: float, num_perm: int) -> float:
    """Candidate pairs whose estimated Jaccard is more than two standard errors below the
    threshold are dropped (the estimate's error is sqrt(J(1-J)/num_perm))."""
    return threshold - 2.0 * math.sqrt(threshold * (1.0 - threshold) / num_perm)


def resolve(nodes: Nodes, node_n: np.ndarray, base: int, eu: np.ndarray, ev: np.ndarray,
            old: OldNodes, threshold: float, num_perm: int, keep: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Decide every node of this run: (status, representative, estimated Jaccard to it).
    A representative >= 0 is a node of this run, -k-1 is old entry k."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    m, k_old = nodes.size, len(old.n)
    status = np.full(m, KEPT, dtype=object)
    status[nodes.empty[:m]] = EMPTY
    rep = np.arange(m, dtype=np.int64)
    jac = np.full(m, np.nan)
    if not len(eu):
        return status, rep, jac

    # verified edges (u is always a node of this run; v of this run or old)
    v_new = ev >= base
    pos = np.minimum(np.searchsorted(old.n, ev), max(k_old - 1, 0))
    found = v_new | ((k_old > 0) & (old.n[pos] == ev) if k_old else False)
    eu, ev, v_new, pos = eu[found], ev[found], v_new[found], pos[found]  # (an old entry always loads)
    lu = eu - base
    lv = np.where(v_new, ev - base, m + pos)
    est = np.empty(len(eu))
    side_ok = np.ones(len(eu), bool)
    for s in range(0, len(eu), 65536):
        sl = slice(s, s + 65536)
        vn, vi, ui = v_new[sl], lv[sl], lu[sl]
        char = nodes.char[ui].copy()
        char[vn] |= nodes.char[vi[vn]]
        char[~vn] |= old.char[vi[~vn] - m]
        side_floor = np.minimum(np.where(char, SIDE_MIN_CHAR, SIDE_MIN), threshold)[:, None]
        for own, other, out in ((nodes.vsig, old.vsig, "all"), (nodes.side, old.side, "side")):
            b = np.empty((len(ui),) + own.shape[1:], own.dtype)
            b[vn] = own[vi[vn]]
            b[~vn] = other[vi[~vn] - m]
            if out == "all":
                est[sl] = jaccard(own[ui], b)
            else:  # every side must be similar too: a shared template answer alone is no duplicate
                side_ok[sl] = (jaccard(own[ui], b) >= side_floor).all(axis=-1)
    ok = (est >= verify_floor(threshold, num_perm)) & side_ok
    lu, lv, est, v_new = lu[ok], lv[ok], est[ok], v_new[ok]
    if not len(lu):
        return status, rep, jac
    size = m + k_old
    graph = coo_matrix((np.ones(len(lu), np.int8), (lu, lv)), shape=(size, size)).tocsr()
    _, comp = connected_components(graph, directed=False)
    comp_new = comp[:m]
    has_old = np.zeros(comp.max() + 1, bool)
    has_old[comp[m:]] = True
    live = ~nodes.empty[:m]

    # clusters of new records only: the policy picks the kept one
    sel = np.flatnonzero(live & ~has_old[comp_new])
    if len(sel):
        c = comp_new[sel]
        version = nodes.version[sel]
        order = (np.lexsort((version, -nodes.length[sel], c)) if keep == "longest"
                 else np.lexsort((version, c)))
        sc = c[order]
        first = np.r_[True, sc[1:] != sc[:-1]]
        rep_of = np.full(len(has_old), -1, np.int64)
        rep_of[sc[first]] = sel[order][first]
        rep[sel] = rep_of[c]

    # clusters touching earlier runs' records: their kept record stays, the new ones go
    sel = np.flatnonzero(live & has_old[comp_new])
    if len(sel):
        # the primary old cluster of each component: its representative with the lowest n
        comp_old = comp[m:]
        rep_nk = old.n[old.rep_k]
        order = np.lexsort((rep_nk, comp_old))
        sc = comp_old[order]
        first = np.r_[True, sc[1:] != sc[:-1]]
        primary = np.full(len(has_old), -1, np.int64)
        primary[sc[first]] = old.rep_k[order][first]
        target = primary[comp_new[sel]]
        # a record matching old entries directly joins the cluster of its most similar one
        to_old = ~v_new
        if to_old.any():
            ou, ok_, oe = lu[to_old], lv[to_old] - m, est[to_old]
            order = np.lexsort((-oe, ou))
            su = ou[order]
            first = np.r_[True, su[1:] != su[:-1]]
            best = np.full(m, -1, np.int64)
            best[su[first]] = old.rep_k[ok_[order][first]]
            direct = best[sel]
            target = np.where(direct >= 0, direct, target)
        rep[sel] = -target - 1

    # status and estimated Jaccard against the kept record
    dup = np.flatnonzero(live & (rep != np.arange(m)))
    if len(dup):
        r = rep[dup]
        new_r = r >= 0
        rsig = np.empty((len(dup), nodes.vsig.shape[1]), VDTYPE)
        rsig[new_r] = nodes.vsig[r[new_r]]
        rsig[~new_r] = old.vsig[-r[~new_r] - 1]
        jac[dup] = jaccard(nodes.vsig[dup], rsig)
        rexact = np.where(new_r, nodes.exact[np.where(new_r, r, 0)],
                          old.exact[np.where(new_r, 0, -r - 1)] if k_old else 0)
        status[dup] = np.where(nodes.exact[dup] == rexact, EXACT, NEAR)
    return status, rep, jac

