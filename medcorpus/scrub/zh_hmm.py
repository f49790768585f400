"""jieba's part-of-speech HMM, faster and with the same answers.

`jieba.posseg` decodes each run of characters its dictionary does not know with a pure-Python
Viterbi over a few hundred (position, tag) states; that is most of the Chinese recognizers' time.
`viterbi` below is the same algorithm with the same floating-point sums in the same order (so the
same probabilities, the same ties and the same routes): the emission term is looked up once per
state instead of once per (state, previous state) pair, and the loops use local names. Its answer,
a pure function of the run, is also remembered (the same unknown run, usually the name itself,
is decoded once per window around it).
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
            hit = memo[key] = viterbi(obs, states, start_p, trans_p, emit_p)
        return hit[0], list(hit[1])

    remembered.remembers = True
    pseg.viterbi = remembered
