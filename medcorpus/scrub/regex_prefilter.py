"""A linear-time prefilter for the recognizers' regular expressions (google-re2).

Python's `re` tries a pattern at every position of a text, which for context patterns with long
alternations, lookbehinds and Unicode classes costs tens of microseconds per text even when
nothing matches, which is most of the time. RE2 answers "could this text hold a match?" for
the pattern's relaxed form (regex_relax.py: a superset of what it matches) with a DFA in a
microsecond or two; only texts it says yes to go through Python's `re`, which finds the spans
as before. Identical results by construction: a text without a relaxed match has no match.

Without google-re2 installed, or for a pattern RE2 cannot compile, every text goes through `re`.
"""
from __future__ import annotations

import re
from typing import Optional

from medcorpus.scrub.regex_gate import text_view
from medcorpus.scrub.regex_relax import Unsupported, relax

MAX_MEM = 4 << 20  # per pattern (program + DFA cache); past it RE2 falls back to its NFA, same answer
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


def could_match(regex: re.Pattern, text: str) -> bool:
    """False only when `regex` matches nowhere in `text` (nor in any part of it: a window
    `regex.search(text, a, b)` or a slice); asked once per text and pattern."""
    program = prefilter_of(regex)
    if program is None:
        return True
    view = text_view(text)
    key = id(program)
    hit = view._seen.get(key)
    if hit is None:
        hit = view._seen[key] = may_match(program, view.utf8)
    return hit


def finditer(regex: re.Pattern, text: str):
    """`regex.finditer(text)`, with nothing to scan when RE2 rules every match out."""
    return regex.finditer(text) if could_match(regex, text) else iter(())
