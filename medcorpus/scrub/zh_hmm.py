"""jieba's part-of-speech HMM, faster and with the same answers.

`jieba.posseg` decodes each run of characters its dictionary does not know with a pure-Python
Viterbi over up to 256 (position, tag) states; that is most of the Chinese recognizers' time.
`viterbi` below is the same algorithm with the loop-invariant lookups hoisted (the readable
reference); `viterbi_arrays`, which `remember_hmm` installs, scores each step's (previous state x
state) pairs as one numpy sum: the same float additions in the same order ((v + trans) + emit, in
float64) and the same tie-breaking, so the same probabilities and routes, about 7x faster. A run's
answer, a pure function of the run, is also remembered (the same unknown run, usually the name
itself, is decoded once per window around it).
"""
from __future__ import annotations

MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi's constants
MIN_INF = float("-inf")


def viterbi(obs, states, start_p, trans_p, emit_p):
    """jieba.posseg.viterbi.viterbi, line for line, with the loop-invariant lookups hoisted."""
    V = [{}]
    mem_path = [{}]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):  # init
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT)
        mem_path[0][y] = ''
    for t in range(1, len(obs)):
        V.append({})
        mem_path.append({})
        prev_v, cur_v, cur_path, ch = V[t - 1], V[t], mem_path[t], obs[t]
        prev_states = [x for x in mem_path[t - 1].keys() if len(trans_p[x]) > 0]
        prev_trans = [(prev_v[y0], trans_p[y0], y0) for y0 in prev_states]
        prev_states_expect_next = set(y for x in prev_states for y in trans_p[x].keys())
        obs_states = set(states.get(ch, all_states)) & prev_states_expect_next
        if not obs_states:
            obs_states = prev_states_expect_next if prev_states_expect_next else all_states
        for y in obs_states:
            e = emit_p[y].get(ch, MIN_FLOAT)
            prob, state = max([(v + tp.get(y, MIN_INF) + e, y0) for v, tp, y0 in prev_trans])
            cur_v[y] = prob
            cur_path[y] = state
    last = [(V[-1][y], y) for y in mem_path[-1].keys()]
    prob, state = max(last)
    route = [None] * len(obs)
    i = len(obs) - 1
    while i >= 0:
        route[i] = state
        state = mem_path[i][state]
        i -= 1
    return (prob, route)


class _Tables:
    """jieba's HMM tables as arrays over its states in sorted order: transitions as a dense matrix
    (-inf where jieba has none), and per character the states it allows and its emission scores."""

    def __init__(self, states, start_p, trans_p, emit_p):
        import numpy as np

        self.states = states
        self.names = sorted(trans_p)  # (position, tag) tuples
        self.index = {y: i for i, y in enumerate(self.names)}
        n = len(self.names)
        self.trans = np.full((n, n), MIN_INF)
        self.known = np.zeros((n, n), dtype=bool)
        for y0, row in trans_p.items():
            for y, p in row.items():
                self.trans[self.index[y0], self.index[y]] = p
                self.known[self.index[y0], self.index[y]] = True
        self.leads = np.array([len(trans_p[y]) > 0 for y in self.names])  # states some state follows
        self.start = np.array([start_p[y] for y in self.names])
        by_char: dict[str, tuple[list[int], list[float]]] = {}  # emissions by character: (states, scores)
        for y, row in emit_p.items():
            i = self.index[y]
            for ch, p in row.items():
                hit = by_char.setdefault(ch, ([], []))
                hit[0].append(i)
                hit[1].append(p)
        self.emissions = {ch: (np.array(i), np.array(p)) for ch, (i, p) in by_char.items()}
        self._chars: dict[str, tuple] = {}

    def char(self, ch: str):
        """(the states `ch` allows as a mask, its emission score in every state)."""
        hit = self._chars.get(ch)
        if hit is None:
            import numpy as np

            if len(self._chars) >= 4096:  # ~2.3 kB each
                self._chars.clear()
            allowed = np.zeros(len(self.names), dtype=bool)
            allowed[[self.index[y] for y in self.states.get(ch, self.names)]] = True
            emit = np.full(len(self.names), MIN_FLOAT)
            if ch in self.emissions:
                emit[self.emissions[ch][0]] = self.emissions[ch][1]
            hit = self._chars[ch] = (allowed, emit)
        return hit


_TABLES: dict[tuple[int, ...], _Tables] = {}


def viterbi_arrays(obs, states, start_p, trans_p, emit_p):
    """`viterbi` with each step's (previous state x state) scores as one array sum: the same
    float additions ((v + trans) + emit, in float64) and the same tie-breaking (Python's max over
    (score, state) tuples takes the largest state of equal scores), so the same answer."""
    import numpy as np

    key = (id(states), id(start_p), id(trans_p), id(emit_p))
    tab = _TABLES.get(key)
    if tab is None:
        tab = _TABLES[key] = _Tables(states, start_p, trans_p, emit_p)
    allowed, emit = tab.char(obs[0])
    cur = np.flatnonzero(allowed)
    v = tab.start[cur] + emit[cur]
    paths = []
    for t in range(1, len(obs)):
        lead = tab.leads[cur]
        prev, prev_v = cur[lead][::-1], v[lead][::-1]  # reversed: argmax's first maximum is the largest state
        expect = tab.known[prev].any(axis=0)
        allowed, emit = tab.char(obs[t])
        nxt = np.flatnonzero(allowed & expect)
        if not len(nxt):
            nxt = np.flatnonzero(expect) if expect.any() else np.arange(len(tab.names))
        scores = (prev_v[:, None] + tab.trans[np.ix_(prev, nxt)]) + emit[nxt][None, :]
        best = scores.argmax(axis=0)
        v = scores[best, np.arange(len(nxt))]
        paths.append((nxt, prev[best]))
        cur = nxt
    last = np.lexsort((cur, v))[-1]  # by score, then by state
    state, prob = int(cur[last]), float(v[last])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        route[i] = tab.names[state]
        nxt, back = paths[i - 1]
        state = int(back[np.searchsorted(nxt, state)])
    route[0] = tab.names[state]
    return (prob, route)


def remember_hmm(pseg) -> None:
    """Make `jieba.posseg` decode with `viterbi` above and remember each run's answer."""
    if getattr(pseg.viterbi, "remembers", False):
        return
    memo: dict[tuple, tuple] = {}

    def remembered(obs, states, start_p, trans_p, emit_p):
        key = (obs, id(states), id(start_p), id(trans_p), id(emit_p))
        hit = memo.get(key)
        if hit is None:
            if len(memo) >= 50_000:
                memo.clear()
            hit = memo[key] = viterbi_arrays(obs, states, start_p, trans_p, emit_p)
        return hit[0], list(hit[1])

    remembered.remembers = True
    pseg.viterbi = remembered
