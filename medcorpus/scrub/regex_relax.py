"""A Python regular expression rewritten as a *relaxed* pattern for a linear-time engine (RE2,
Hyperscan): every string the original matches anywhere in a text, the relaxed one matches too, so
a text the relaxed pattern finds nothing in cannot hold a match of the original.

Relaxing drops what those engines lack or what would need care (lookarounds, anchors, word
boundaries, back-references: each becomes "anything" or nothing to check) and writes every
character class out as explicit code-point ranges that contain at least the characters Python
would accept: Unicode `\\d \\w \\s` widen to "ASCII ones or any non-ASCII character", a negated
class excludes only characters Python surely excludes, and case-insensitive letters take every
character Python's case folding pairs with them (`_sre.unicode_tolower` plus its fixes table).
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _compiler as _COMP, _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_compile as _COMP  # type: ignore[no-redef]
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]
import _sre

MAX_CODE = 0x10FFFF
MAX_COUNT = 6  # bounded repeats: counts past this become "or more" ("x{0,40}" -> "x{0,}")
_SURROGATES = (0xD800, 0xDFFF)
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_NON_ASCII = [(0x80, MAX_CODE)]
# what a Unicode category may contain (a superset: the ASCII members plus any non-ASCII character) and what
# it surely contains (a subset: its ASCII members), for positive and negated classes
_ASCII_MEMBERS = {"digit": [(0x30, 0x39)], "word": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
                  "space": [(0x09, 0x0D), (0x1C, 0x20)]}
_CATEGORY = {C.CATEGORY_DIGIT: ("digit", False), C.CATEGORY_NOT_DIGIT: ("digit", True),
             C.CATEGORY_WORD: ("word", False), C.CATEGORY_NOT_WORD: ("word", True),
             C.CATEGORY_SPACE: ("space", False), C.CATEGORY_NOT_SPACE: ("space", True)}


class Unsupported(Exception):
    """The pattern holds something the relaxation does not handle: no prefilter for it."""


def _normalise(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for lo, hi in _normalise(ranges):
        if lo > pos:
            out.append((pos, lo - 1))
        pos = hi + 1
    if pos <= MAX_CODE:
        out.append((pos, MAX_CODE))
    return out


@lru_cache(maxsize=1)
def _lower_inverse() -> dict[int, list[int]]:
    """{code point: every code point whose simple lower case it is}, for cased characters."""
    inv: dict[int, list[int]] = {}
    for x in range(MAX_CODE + 1):
        low = _sre.unicode_tolower(x)
        if low != x:
            inv.setdefault(low, []).append(x)
    return inv


def _extra_cases() -> dict:
    fixes = getattr(_COMP, "_EXTRA_CASES", None)  # 3.11+: re._casefix
    if fixes is None:
        fixes = getattr(_COMP, "_ignorecase_fixes", None)  # up to 3.10
    if fixes is None:
        raise Unsupported("this Python's case-folding fixes table is unknown")
    return fixes


def _fold(c: int) -> set[int]:
    """Every character Python's case-insensitive matching accepts for `c` (Unicode mode)."""
    if not _sre.unicode_iscased(c):
        return {c}
    fixes = _extra_cases()
    lows = {_sre.unicode_tolower(c)}
    lows |= set(fixes.get(next(iter(lows)), ()))
    out = {c}
    inv = _lower_inverse()
    for low in lows:
        out.add(low)
        out.update(inv.get(low, ()))
    return out


def _class_ranges(items, ignorecase: bool, ascii_only: bool) -> list[tuple[int, int]]:
    """The code points a class (IN) may accept: a superset of Python's."""
    negate = bool(items) and items[0][0] is C.NEGATE
    ranges: list[tuple[int, int]] = []
    for op, av in items[1:] if negate else items:
        if op is C.LITERAL:
            ranges += [(c, c) for c in (_fold(av) if ignorecase and not negate else {av})]
        elif op is C.RANGE:
            lo, hi = av
            ranges.append((lo, hi))
            if ignorecase and not negate:
                if hi - lo > 50_000:
                    return [(0, MAX_CODE)]
                ranges += [(c, c) for x in range(lo, hi + 1) for c in _fold(x)]
        elif op is C.CATEGORY and av in _CATEGORY:
            kind, inverted = _CATEGORY[av]
            members = _ASCII_MEMBERS[kind]
            wide = members if ascii_only else members + _NON_ASCII  # a superset of the category
            narrow = members  # a subset of the category
            if negate:  # excluded: only what is surely in the item
                ranges += _complement(wide) if inverted else narrow
            else:
                ranges += _complement(narrow) if inverted else wide
        else:
            raise Unsupported(f"class item {op}")
    return _complement(ranges) if negate else _normalise(ranges)


def _emit_class(ranges: list[tuple[int, int]]) -> str:
    parts = []
    for lo, hi in _normalise(ranges):
        for a, b in ((lo, min(hi, _SURROGATES[0] - 1)), (max(lo, _SURROGATES[1] + 1), hi)):
            if a <= b:
                parts.append(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}")
    if not parts:
        raise Unsupported("an empty class")
    return "[" + "".join(parts) + "]"


def _seq(items, flags: int) -> str:
    return "".join(_node(op, av, flags) for op, av in items)


def _node(op, av, flags: int) -> str:
    ignorecase, ascii_only = bool(flags & re.I), bool(flags & re.A)
    if op is C.LITERAL:
        return _emit_class([(c, c) for c in (_fold(av) if ignorecase else {av})])
    if op is C.NOT_LITERAL:
        return _emit_class(_complement([(av, av)]))
    if op is C.ANY:
        return _emit_class([(0, MAX_CODE)] if flags & re.S else _complement([(10, 10)]))
    if op is C.IN:
        return _emit_class(_class_ranges(av, ignorecase, ascii_only))
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return ""  # anchors, word boundaries, lookarounds: not checked (the relaxed pattern accepts more)
    if op is C.BRANCH:
        return "(?:" + "|".join(_seq(b, flags) for b in av[1]) + ")"
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return "(?:" + _seq(sub, (flags | add) & ~remove) + ")"
    if _ATOMIC is not None and op is _ATOMIC:
        return "(?:" + _seq(av, flags) + ")"
    if op in _REPEATS:
        lo, hi, sub = av
        body = "(?:" + _seq(sub, flags) + ")"
        lo = min(lo, MAX_COUNT)  # fewer copies of the body: a smaller automaton, still a superset
        if hi is C.MAXREPEAT or hi > MAX_COUNT:
            return f"{body}{{{lo},}}"
        return f"{body}{{{lo},{hi}}}"
    if op is C.GROUPREF:
        return "(?s:.*)"  # the same text as a group: any text
    if op is C.GROUPREF_EXISTS:
        _group, yes, no = av
        return "(?:" + _seq(yes, flags) + "|" + (_seq(no, flags) if no else "") + ")"
    raise Unsupported(f"node {op}")


def relax(regex: re.Pattern) -> str:
    """The relaxed pattern of `regex` (raises Unsupported when it cannot be written)."""
    if not isinstance(regex.pattern, str) or regex.flags & re.LOCALE:
        raise Unsupported("bytes or LOCALE pattern")
    parsed = P.parse(regex.pattern, regex.flags)
    items, flags = list(parsed), parsed.state.flags
    if items and items[-1][0] is C.ASSERT and items[-1][1][0] == 1:
        # a positive lookahead that ends the pattern ("drug(?= 500 mg)"): what it looks at follows every
        # match, so it stays, as text after the match (anywhere else it is dropped like other lookarounds)
        return _seq(items[:-1], flags) + "(?:" + _seq(items[-1][1][1], flags) + ")"
    return _seq(items, flags)
