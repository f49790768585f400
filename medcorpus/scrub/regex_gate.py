"""Cheap necessary conditions for regular expressions ("gates"), derived from the pattern itself.

A pattern such as `(?i)\\bmy\\s+name\\s+is\\s+(\\w+)` can only match a text that contains "name"
(in any case), and a street pattern only a text with a digit: checking that is several times
cheaper than running the whole pattern at every position, and most texts fail it. `gate_of`
reads the parsed pattern and returns a `Gate` that every text the pattern matches passes, or None
when it finds nothing worth checking.

Sound by construction: only parts every match must go through are used (never an optional,
zero-times, negative-lookaround or back-referenced part), character classes are written back as
parsed, and each literal run keeps the case and ASCII flags in force where it stood. A positive
lookaround counts (what it looks at is in the text too). Case-insensitive runs are checked with
`in` on the lower-cased text only when text and run are ASCII (Python's regex case folding also
equates a few non-ASCII letters with ASCII ones, e.g. the long s with s); otherwise with a regex.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

try:  # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
# character features a text is checked for once (shared by every pattern): a digit, a Chinese character
FEATURES = {"digit": re.compile(r"\d"), "han": re.compile(r"[\u3400-\u9fff]")}


@dataclass(frozen=True)
class Run:
    """Consecutive single characters every match contains: regex source, the literal text when
    all are literal characters, and the flags (IGNORECASE, ASCII) in force."""

    source: str
    literal: str | None
    flags: int

    @property
    def weight(self) -> float:
        """Roughly how rare the run is: one per ASCII character, two per other (a Chinese character)."""
        return sum(1 if c.isascii() else 2 for c in self.literal) if self.literal is not None else 0.5


Constraint = tuple[Run, ...]  # alternatives: a match contains at least one of them


def _esc(c: int) -> str:
    return re.escape(chr(c))


def _char_feature(op, av) -> str | None:
    """'digit' when the node matches decimal digits only; 'han' when Chinese characters only."""
    if op is C.LITERAL:
        chars = [(av, av)]
    elif op is C.IN:
        chars = []
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.append((iav, iav))
            elif iop is C.RANGE:
                chars.append(iav)
            elif iop is C.CATEGORY and iav == C.CATEGORY_DIGIT:
                chars.append((ord("0"), ord("0")))  # \d: a decimal digit, whatever the flags
            else:
                return None  # NEGATE, other categories
    else:
        return None
    if all(ord("0") <= lo <= hi <= ord("9") for lo, hi in chars):
        return "digit"
    if all(0x3400 <= lo <= hi <= 0x9FFF for lo, hi in chars):
        return "han"
    return None


def _atom(op, av) -> tuple[str, str | None] | None:
    """One single-character node: (regex source, its literal character or None)."""
    if op is C.LITERAL:
        return _esc(av), chr(av)
    if op is C.NOT_LITERAL:
        return f"[^{_esc(av)}]", None
    if op is C.IN:
        parts, negate = [], False
        for iop, iav in av:
            if iop is C.NEGATE:
                negate = True
            elif iop is C.LITERAL:
                parts.append(_esc(iav))
            elif iop is C.RANGE:
                parts.append(f"{_esc(iav[0])}-{_esc(iav[1])}")
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                parts.append(_CATEGORIES[iav])
            else:
                return None
        return f"[{'^' if negate else ''}{''.join(parts)}]", None
    return None


@dataclass
class _Info:
    constraints: list[Constraint]
    features: frozenset[str]


def _score(c: Constraint) -> float:
    return min(r.weight for r in c) - 0.1 * (len(c) - 1)


def _best(constraints: list[Constraint]) -> Constraint | None:
    return max(constraints, key=_score) if constraints else None


def _seq(items, flags: int) -> _Info:
    """What every match of this sequence of nodes needs."""
    constraints: list[Constraint] = []
    features: set[str] = set()
    src: list[str] = []
    lit: list[str] | None = []

    def close() -> None:
        nonlocal src, lit
        if src:
            constraints.append((Run("".join(src), "".join(lit) if lit is not None else None, flags & (re.I | re.A)),))
        src, lit = [], []

    for op, av in items:
        feature = _char_feature(op, av)
        if feature:
            features.add(feature)
        atom = _atom(op, av)
        if atom is not None:
            src.append(atom[0])
            lit = lit + [atom[1]] if lit is not None and atom[1] is not None else None
            continue
        close()
        if op is C.AT:
            continue  # a zero-width anchor: the runs on either side stay apart, both still needed
        sub = _node(op, av, flags)
        constraints += sub.constraints
        features |= sub.features
    close()
    return _Info(constraints, frozenset(features))


_NOTHING = _Info([], frozenset())


def _node(op, av, flags: int) -> _Info:
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq(sub, (flags | add) & ~remove)
    if op is C.BRANCH:
        infos = [_seq(branch, flags) for branch in av[1]]
        features = frozenset.intersection(*(i.features for i in infos))
        bests = [_best(i.constraints) for i in infos]
        if any(b is None for b in bests):
            return _Info([], features)  # a branch with no literal run: the alternation needs none
        return _Info([tuple(r for b in bests for r in b)], features)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _seq(sub, flags) if lo >= 1 else _NOTHING
    if op is C.ASSERT:
        return _seq(av[1], flags)  # a positive lookahead/lookbehind: its text is in the text too
    if _ATOMIC is not None and op is _ATOMIC:
        return _seq(av, flags)
    return _NOTHING  # ASSERT_NOT, GROUPREF, GROUPREF_EXISTS, ANY, ...: nothing required


class TextView:
    """One text and what gates ask of it, computed once: its features, its lower-cased form."""

    __slots__ = ("text", "low", "_features", "_seen", "_utf8")

    def __init__(self, text: str):
        self.text = text
        self.low = text.lower() if text.isascii() else None
        self._features: dict[str, bool] = {}
        self._seen: dict[int, bool] = {}
        self._utf8: bytes | None | bool = False  # not encoded yet

    @property
    def utf8(self) -> bytes | None:
        """The text in UTF-8 (for the RE2 prefilter), or None when it does not encode."""
        if self._utf8 is False:
            try:
                self._utf8 = self.text.encode("utf-8")
            except UnicodeEncodeError:
                self._utf8 = None
        return self._utf8

    def has(self, feature: str) -> bool:
        hit = self._features.get(feature)
        if hit is None:
            hit = self._features[feature] = FEATURES[feature].search(self.text) is not None
        return hit


class Gate:
    """A necessary condition of one pattern: features the text must have, and a constraint (one
    of its runs must occur in the text)."""

    def __init__(self, features: frozenset[str], constraint: Constraint | None):
        self.features = tuple(sorted(features))
        self.constraint = constraint
        self.regex = re.compile("|".join(f"(?{'i' if r.flags & re.I else ''}{'a' if r.flags & re.A else ''}"
                                         f"{'' if r.flags & re.I else '-i'}:{r.source})" for r in constraint)) \
            if constraint else None
        # plain substring checks where they are exact: literal runs, case-sensitive, or ASCII (on ASCII text)
        self.exact = tuple(r.literal for r in constraint or () if r.literal is not None and not r.flags & re.I)
        self.folded = tuple(r.literal.lower() for r in constraint or () if r.literal is not None and r.flags & re.I
                            and r.literal.isascii())
        self.plain = constraint is not None and len(self.exact) + len(self.folded) == len(constraint)
        self.all_exact = constraint is not None and len(self.exact) == len(constraint)  # exact on any text
        self.key = id(self)

    def has_features(self, view: TextView) -> bool:
        """The text has the character kinds (a digit, a Chinese character) every match needs."""
        for f in self.features:
            if not view.has(f):
                return False
        return True

    def passes(self, view: TextView) -> bool:
        for f in self.features:
            if not view.has(f):
                return False
        if self.regex is None:
            return True
        hit = view._seen.get(self.key)
        if hit is None:
            if self.all_exact:
                hit = any(s in view.text for s in self.exact)
            elif self.plain and view.low is not None:
                text, low = view.text, view.low
                hit = any(s in text for s in self.exact) or any(s in low for s in self.folded)
            else:
                hit = self.regex.search(view.text) is not None
            view._seen[self.key] = hit
        return hit

    def __repr__(self) -> str:
        return f"Gate(features={self.features}, regex={self.regex.pattern if self.regex else None!r})"


@lru_cache(maxsize=None)
def _gate(pattern: str, flags: int) -> Gate | None:
    parsed = P.parse(pattern, flags)
    info = _seq(parsed, parsed.state.flags)
    best = _best(info.constraints)
    if best is not None and (_score(best) < 2 or len(best) > 16):
        best = None  # a single letter or a long alternation is no cheaper than the pattern itself
    if best is None and not info.features:
        return None
    return Gate(info.features, best)


def gate_of(regex: re.Pattern) -> Gate | None:
    """A necessary condition every text `regex` matches meets, cheap to check; None if none is worth it."""
    if not isinstance(regex.pattern, str) or regex.flags & re.LOCALE:
        return None
    try:
        return _gate(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - the parser's internals changed (another Python): no gate, same results
        return None


_LAST_VIEW = TextView("")
_BATCH_VIEWS: dict[int, TextView] = {}  # id(text) -> its view, while a batch runs recognizer by recognizer


def text_view(text: str) -> TextView:
    """The TextView of `text`, shared by every recognizer that reads the same text object in a row,
    or that reads a text of the batch `shared_views` holds."""
    global _LAST_VIEW
    view = _LAST_VIEW
    if view.text is not text:
        view = _BATCH_VIEWS.get(id(text))
        if view is None or view.text is not text:
            view = TextView(text)
        _LAST_VIEW = view
    return view


@contextmanager
def shared_views(texts: list[str]) -> Iterator[None]:
    """Keep one TextView per text of a batch while the recognizers take the batch one recognizer at a time
    (what each text's checks found stays shared between the recognizers, as when they take it in a row)."""
    _BATCH_VIEWS.clear()
    _BATCH_VIEWS.update((id(t), TextView(t)) for t in texts)
    try:
        yield
    finally:
        _BATCH_VIEWS.clear()
