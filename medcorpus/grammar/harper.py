"""The offline backend: Harper (harper-py, Rust, no server) with medical words protected.

Lint, apply the chosen suggestions, re-lint until clean (spans shift after each edit, so each pass
applies non-overlapping edits from the end of the text backwards and then lints again). Each
suggestion is checked against the protected vocabulary; spelling suggestions are ranked by edit
distance and word frequency (Harper's own order is alphabet-like: "wich" -> "wish"), and a
misspelling close to a disease-DB or user word is corrected only to a protected word.

`plain=True` is the baseline the benchmark compares against: Harper's first suggestion of the
first lint, one at a time until clean, no protection, no ranking, no deterministic fixes.
"""
from __future__ import annotations

import math
from typing import Iterable

from medcorpus.grammar.base import Correction, Edit, changes_protected, deterministic_fixes, diff_edit
from medcorpus.grammar.protect import WORD_RE, Vocabulary, osa_distance, word_frequencies

# Rules that restyle correct text rather than fix errors ("..." -> "…", Oxford commas, "and also"
# -> "and") or misfire on consultation text ("for quite some time" -> "quiet", "might be having"
# -> "might behaving").
DEFAULT_DISABLED_RULES = ("LongSentences", "UseEllipsisCharacter", "EllipsisLength", "OxfordComma",
                          "AvoidAndAlso", "QuiteQuiet", "CompoundNouns")
# A word Harper does not know but general English does ("rehydrate") is left alone.
KNOWN_WORD_MIN_COUNT = 50


def _match_case(template: str, word: str) -> str:
    if template.islower() and word[:1].isupper() and word[1:].islower():
        return word.lower()  # "Diabetes" as the term list writes it, "diabetes" in the sentence
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


class HarperCorrector:
    name = "harper"

    def __init__(self, vocab: Vocabulary | None = None, *, plain: bool = False, dialect: str = "american",
                 disabled_rules: Iterable[str] = DEFAULT_DISABLED_RULES, max_passes: int = 6,
                 fixes: bool = True, rank_spelling: bool = True, final_stop: bool = True,
                 context_model: bool = True):
        from harper import Dialect, Linter

        self.plain = plain
        self.vocab = None if plain else vocab
        self.fixes = fixes and not plain
        self.final_stop = final_stop
        self.rank_spelling = rank_spelling and not plain
        self.max_passes = 50 if plain else max_passes
        self.linter = Linter(Dialect[dialect.upper()])
        if disabled_rules and not plain:
            config = self.linter.get_default_lint_config()
            for rule in disabled_rules:
                if rule in config:
                    config[rule] = False
            self.linter.set_lint_config(config)
        self.freq = word_frequencies() if self.rank_spelling else None
        self.chooser = _chooser() if context_model and not plain else None
        self.linter.lint("Harper builds its rule state on the first lint.", language="plaintext")

    # ------------------------------------------------------------------ public
    def correct(self, text: str) -> Correction:
        if self.plain:
            return self._correct_plain(text)
        edits: list[Edit] = []
        if self.fixes:
            text, fixed = deterministic_fixes(text, self.vocab, final_stop=self.final_stop)
            edits += fixed
        refused: set[tuple[str, str]] = set()  # (rule, word): counted once however many passes see it
        seen = {text}
        for _ in range(self.max_passes):
            lints = [(rule, lint) for rule, found in
                     self.linter.organized_lints(text, language="plaintext", dedup=False).items()
                     for lint in found]
            chosen = []
            for rule, lint in lints:
                choice = self._choose(text, lint, rule)
                if choice is None:
                    continue
                if choice == "protected":
                    refused.add((rule, lint.problem_text))
                    continue
                chosen.append(choice)
            if not chosen:
                break
            # apply from the end backwards, skipping any edit that overlaps one already taken
            # (on the same span a spelling fix wins over a word split)
            chosen.sort(key=lambda e: (-e.start, -e.end, e.kind != "Spelling"))
            applied, floor = [], None
            for e in chosen:
                if floor is not None and e.end > floor:
                    continue
                applied.append(e)
                floor = e.start
            new = text
            for e in applied:
                new = new[:e.start] + e.new + new[e.end:]
            if new in seen:  # a rule undoing another: stop rather than oscillate
                break
            seen.add(new)
            edits += reversed(applied)
            text = new
        if self.chooser is not None and self.chooser.cfg.context_edits:
            text = self._context_pass(text, edits)
        return Correction(text, edits, len(refused))

    def _context_pass(self, text: str, edits: list[Edit]) -> str:
        """Function-word edits the context model is sure of, after Harper is done."""
        from medcorpus.grammar.choose import context_edits

        found = [e for e in context_edits(self.chooser, text)
                 if not changes_protected(text, e.start, e.end, e.new, self.vocab)
                 and not self._next_to_protected(text, e.start, e.end)]
        for e in reversed(found):
            text = text[:e.start] + e.new + text[e.end:]
        edits += found
        return text

    # ------------------------------------------------------------------ internals
    def _next_to_protected(self, text: str, start: int, end: int) -> bool:
        """Whether the word before or after [start, end) is protected: a medical term keeps the
        function words around it ("Destruction of lesion of retina and choroid")."""
        if self.vocab is None:
            return False
        before = WORD_RE.findall(text[max(0, start - 40):start])
        after = WORD_RE.findall(text[end:end + 40])
        return any(self.vocab.is_protected(w) for w in (before[-1:] + after[:1]))

    def _correct_plain(self, text: str) -> Correction:
        edits = []
        for _ in range(self.max_passes):
            lints = [x for x in self.linter.lint(text, language="plaintext") if x.suggestions]
            if not lints:
                break
            lint = lints[0]
            new = self.linter.apply_suggestion(text, lint, lint.suggestions[0])
            e = diff_edit(text, new, lint.lint_kind)
            if e is None:
                break
            edits.append(e)
            text = new
        return Correction(text, edits)

    def _choose(self, text: str, lint, rule: str = "") -> Edit | str | None:
        """The edit to make for `lint`, "protected" when every option would change a protected
        word, or None to leave it."""
        start, end = lint.span.start, lint.span.end
        kind = lint.lint_kind
        if kind == "Spelling":
            return self._choose_spelling(text, lint)
        options = []
        for sug in lint.suggestions:
            new_text = self.linter.apply_suggestion(text, lint, sug)
            e = diff_edit(text, new_text, kind, rule)
            if e is None:
                continue
            if changes_protected(text, e.start, e.end, e.new, self.vocab):
                return "protected"
            if rule in ("SplitWords", "MergeWords") and not self._common_words(sug.replacement_text):
                continue  # "pateint" -> "pate int": a split into rare words is a misspelling
            if self.chooser is None:
                return e
            options.append(e)
        return self.chooser.rule(text, options) if options else None

    def _choose_spelling(self, text: str, lint) -> Edit | str | None:
        start, end = lint.span.start, lint.span.end
        word = text[start:end]
        vocab = self.vocab
        if vocab is not None and vocab.is_protected(word):
            return "protected"
        if not word.isascii() or sum(ch.isupper() for ch in word) >= 2 or any(ch.isdigit() for ch in word):
            return None  # acronyms (EKGs, HbA1c), mojibake, codes: not a spell checker's business
        if self.freq and self.freq.get(word.lower(), 0) >= KNOWN_WORD_MIN_COUNT:
            return None
        cands = [s.replacement_text for s in lint.suggestions if s.replacement_text]
        near = vocab.near_priority(word) if vocab is not None else []
        if near:
            # a misspelling of a medical word: only a protected word may replace it
            best = vocab.best_protected(word, cands)
            general = self.chooser.spelling(text, start, end, cands) if self.chooser is not None else None
            if general is not None and _distance(word, general) < _distance(word, best):
                # strictly closer to an everyday reading ("Inorder" -> "In order", not "Disorder")
                return Edit(start, end, word, general, "Spelling", "context")
            return Edit(start, end, word, _match_case(word, best), "Spelling", "medical")
        if not cands and self.chooser is None:
            return None
        if self.chooser is not None:
            best = self.chooser.spelling(text, start, end, cands)
            if best is None:
                return None
        elif self.rank_spelling:
            lw = word.lower()
            best = min(cands, key=lambda c: (osa_distance(lw, c.lower()), -self._freq(c)))
        else:
            best = cands[0]
        best = _match_case(word, best)
        if changes_protected(text, start, end, best, vocab):
            return "protected"
        return Edit(start, end, word, best, "Spelling", "harper")

    def _common_words(self, text: str, min_count: int = 1000) -> bool:
        if not self.freq:
            return True
        return all(self.freq.get(w.lower(), 0) >= min_count for w in text.split() if w.isalpha())

    def _freq(self, word: str) -> float:
        if not self.freq:
            return 0.0
        w = word.lower()
        if "'" in w:
            w = w.split("'")[0]
        return math.log1p(self.freq.get(w, 0))


def _distance(word: str, candidate: str) -> int:
    """Edits from `word` to `candidate`, a space counting as one ("inorder" -> "in order": 1)."""
    return osa_distance(word.lower(), candidate.lower().replace(" ", ""), 4) + candidate.count(" ")


def _chooser():
    """The context-model chooser, or None when its word lists (symspellpy) or rapidfuzz are missing."""
    try:
        from medcorpus.grammar.choose import Chooser
        from medcorpus.grammar.lm import ContextModel

        return Chooser(ContextModel.load())
    except ImportError:
        return None
