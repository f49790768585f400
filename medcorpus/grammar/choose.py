"""Choosing a correction with evidence: candidates scored by the context model.

Spelling: Harper's suggestions plus every common dictionary word within two edits plus two-word
splits ("inorder" -> "in order"), each scored log P(words | neighbours) minus a cost per edit; a
capitalised unknown word inside a sentence (a name: "Diana Krall") is left alone.
Other rules: among several suggestions the likeliest in context wins; an edit the model finds much
less likely than the text it replaces is not made (the confidence rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from medcorpus.grammar.base import Edit, _word_bounds
from medcorpus.grammar.lm import TOKEN_RE, ContextModel, context_words
from medcorpus.grammar.protect import osa_distance


@dataclass(frozen=True)
class ChooserConfig:
    edit_cost: float = 8.0          # log-probability one edit of the misspelling costs a candidate
    harper_bonus: float = 0.0       # a candidate Harper offered too
    split_cost: float = 2.0         # reading one token as two words
    max_distance: int = 2
    keep_margin: float = 3.0        # a rule's edit this much less likely than the original is refused
    delete_margin: float = 4.0      # a function word goes when the text gets this much likelier
    swap_margin: float = 6.0        # one confusable word for another (in/on, is/are, ...)
    context_edits: bool = True


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _sentence_start(text: str, start: int) -> bool:
    head = text[:start].rstrip()
    return not head or head[-1] in ".!?:\n\"'("


class Chooser:
    def __init__(self, lm: ContextModel, config: ChooserConfig = ChooserConfig()):
        self.lm = lm
        self.cfg = config

    def spelling(self, text: str, start: int, end: int, suggestions: list[str]) -> str | None:
        """The replacement for the misspelt text[start:end], or None to leave it."""
        word = text[start:end]
        lw = word.lower()
        if word[:1].isupper() and not _sentence_start(text, start) and not self.lm.known(lw):
            return None  # a name or a term the model does not know: no evidence to change it
        prev, nxt = context_words(text, start, end)
        cfg = self.cfg
        pool: dict[str, float] = {}
        harper = {s.lower() for s in suggestions}
        for s in suggestions:
            words = s.lower().split()
            if not words or not all(w.replace("'", "").isalpha() for w in words):
                continue
            d = osa_distance(lw, s.lower().replace(" ", ""), 4) + (len(words) - 1)
            pool[s.lower()] = -cfg.edit_cost * d + cfg.harper_bonus
        for cand, d in self.lm.candidates(lw, cfg.max_distance).items():
            bonus = cfg.harper_bonus if cand in harper else 0.0
            pool[cand] = max(pool.get(cand, -1e9), -cfg.edit_cost * d + bonus)
        for a, b in self.lm.splits(lw):
            pool[f"{a} {b}"] = max(pool.get(f"{a} {b}", -1e9), -cfg.split_cost)
        if not pool:
            return None
        scored = {c: base + self.lm.score(c.split(), prev, nxt) for c, base in pool.items()}
        best = max(scored, key=lambda c: (scored[c], c))
        return _match_case(word, best)

    def rule(self, text: str, options: list[Edit]) -> Edit | None:
        """The likeliest of a rule's candidate edits on `text`, or None when the model finds each
        much less likely than the original words."""
        if not options:
            return None
        best, best_delta = None, -1e18
        for e in options:
            ws, we = _word_bounds(text, e.start, e.end)
            old_words = [t.lower() for t in TOKEN_RE.findall(text[ws:we]) if t[0].isalpha()]
            new_words = [t.lower() for t in TOKEN_RE.findall(text[ws:e.start] + e.new + text[e.end:we])
                         if t[0].isalpha()]
            prev, nxt = context_words(text, ws, we)
            delta = self.lm.score(new_words, prev, nxt) - self.lm.score(old_words, prev, nxt)
            if delta > best_delta:
                best, best_delta = e, delta
        if best_delta < -self.cfg.keep_margin:
            return None
        return best


DELETABLE = frozenset({"the", "a", "an", "to", "of"})
CONFUSION_SETS = (("in", "on", "at"), ("is", "are"), ("was", "were"), ("has", "have"), ("then", "than"),
                  ("their", "there"), ("to", "for"), ("much", "many"), ("a", "an", "the"), ("this", "these"),
                  ("does", "do"), ("lose", "loose"), ("affect", "effect"))
_CONFUSABLE = {w: group for group in CONFUSION_SETS for w in group}
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def context_edits(chooser: "Chooser", text: str) -> list[Edit]:
    """Function-word edits the context model is confident about: a superfluous article, "to" or
    "of", a confusable word swapped for its likelier partner. (Inserting missing articles with
    bigram evidence lost GLEU on the JFLEG tuning half at every margin tried, so it is not done.) Non-overlapping, each
    between two words of one clause (no punctuation in between)."""
    lm, cfg = chooser.lm, chooser.cfg
    toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    edits: list[Edit] = []
    last_end = -1

    def adjacent(a: int, b: int) -> bool:  # tokens a and b separated by spaces only
        return text[toks[a][1]:toks[b][0]].isspace()

    for i, (s0, e0, w) in enumerate(toks):
        lw = w.lower()
        prev = toks[i - 1][2].lower() if i > 0 and adjacent(i - 1, i) else None
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) and adjacent(i, i + 1) else None
        if s0 <= last_end or prev is None:
            continue
        here = lm.logp(prev, lw) + (lm.logp(lw, nxt) if nxt else 0.0)
        best, best_gain = None, 0.0
        if nxt is not None:
            if lw in DELETABLE:
                gain = lm.logp(prev, nxt) - here - cfg.delete_margin
                if gain > best_gain:
                    best, best_gain = Edit(toks[i - 1][1], e0, text[toks[i - 1][1]:e0], "", "Grammar", "lm-delete"), gain
            for alt in _CONFUSABLE.get(lw, ()):
                if alt == lw:
                    continue
                gain = lm.logp(prev, alt) + lm.logp(alt, nxt) - here - cfg.swap_margin
                if gain > best_gain:
                    best, best_gain = Edit(s0, e0, w, _match_case(w, alt), "Grammar", "lm-confusable"), gain
        if best is not None:
            edits.append(best)
            last_end = e0
    return edits
