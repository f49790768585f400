"""A linear-time prefilter for the recognizers' regular expressions (google-re2).

Python's `re` tries a pattern at every position of a text, which for context patterns with long
alternations, lookbehinds and Unicode classes costs tens of microseconds per text even when
nothing matches, which is most of the time. RE2 answers "could this text hold a match?" for
the pattern's relaxed form (regex_relax.py: a superset of what it matches) with a DFA in a
microsecond or two; only texts it says yes to go through Python's `re`, which finds the spans
as before. Identical results by construction: a text without a relaxed match has no match.
Each pattern is asked on its own (one RE2 set for all of a recognizer's patterns was slower: a set
must report every pattern's matches, so it scans each text to its end); RE2 also says where the
first relaxed match starts, and Python's `re` scans from there (`first_start`, `finditer`).

Without google-re2 installed, or for a pattern RE2 cannot compile, every text goes through `re`.
"""
from __future__ import annotations

import re
from typing import Optional

from medcorpus.scrub.regex_gate import text_view
from medcorpus.scrub.regex_relax import Unsupported, relax

MAX_MEM = 2 << 20  # per pattern (program + DFA cache); past it RE2 falls back to its NFA, same answer
_UNANCHORED = None
_CACHE: dict[int, tuple[re.Pattern, object]] = {}  # id(regex) -> (regex, RE2 program or None)


def _re2_module():
    try:
        from re2 import Options, _re2
    except ImportError:  # google-re2 missing: no prefilter, same results
        return None, None
    return Options, _re2


def compile_prefilter(regex: re.Pattern) -> Optional[object]:
    """The RE2 program of `regex`'s relaxed form, or None (no prefilter for it)."""
    global _UNANCHORED
    Options, _re2 = _re2_module()
    if _re2 is None:
        return None
    try:
        pattern = relax(regex)
    except (Unsupported, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - re's parser internals changed (another Python): no prefilter
        return None
    options = Options()
    options.max_mem = MAX_MEM
    options.log_errors = False
    program = _re2.RE2(pattern.encode("utf-8"), options)
    if not program.ok():
        return None
    _UNANCHORED = _re2.RE2.Anchor.UNANCHORED
    return program


def prefilter_of(regex: re.Pattern) -> Optional[object]:
    """`compile_prefilter`, once per pattern object."""
    hit = _CACHE.get(id(regex))
    if hit is None or hit[0] is not regex:
        hit = _CACHE[id(regex)] = (regex, compile_prefilter(regex))  # the regex is kept so that its id stays its own
    return hit[1]


def may_match(program, utf8: Optional[bytes]) -> bool:
    """False only when the relaxed pattern, hence the pattern, matches nowhere in the text."""
    if utf8 is None:
        return True  # the text does not encode (a lone surrogate): no answer, let `re` look
    return program.Match(_UNANCHORED, utf8, 0, len(utf8))[0][0] >= 0


def first_start(program, view) -> int:
    """Where in the text (a character offset) the relaxed pattern's leftmost match starts, or -1 when
    it matches nowhere. No match of the pattern starts earlier (each is a match of the relaxed one), so
    `regex.finditer(text, first_start(...))` finds what `regex.finditer(text)` finds: `pos` is no slice,
    lookbehinds and \\b still see the characters before it. 0 when the text does not encode."""
    utf8 = view.utf8
    if utf8 is None:
        return 0
    start = program.Match(_UNANCHORED, utf8, 0, len(utf8))[0][0]
    if start <= 0 or len(utf8) == len(view.text):  # ASCII: a byte offset is a character offset
        return start
    return len(utf8[:start].decode("utf-8", "ignore"))  # a byte offset inside a character counts from that character


def match_start(regex: re.Pattern, text: str) -> int:
    """`first_start` of `regex`'s prefilter on `text`, asked once per text and pattern (0: no prefilter)."""
    program = prefilter_of(regex)
    if program is None:
        return 0
    view = text_view(text)
    key = id(program)
    hit = view._seen.get(key)
    if hit is None:
        hit = view._seen[key] = first_start(program, view)
    return hit


def could_match(regex: re.Pattern, text: str) -> bool:
    """False only when `regex` matches nowhere in `text` (nor in any part of it: a window
    `regex.search(text, a, b)` or a slice); asked once per text and pattern."""
    return match_start(regex, text) >= 0


def finditer(regex: re.Pattern, text: str):
    """`regex.finditer(text)`, from where RE2 finds the first possible match on (nothing to scan when
    it finds none)."""
    start = match_start(regex, text)
    return regex.finditer(text, start) if start >= 0 else iter(())
