"""Text helpers shared by the filters: sentence spans, language-aware units, phrase files."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "filter"

# A sentence ends at . ! ? (then whitespace) unless the dot closes a common abbreviation,
# at CJK end punctuation (no space needed), or at a line break. Each piece keeps its trailing
# whitespace, so "".join(pieces) == text and dropping a piece keeps the rest's layout.
_ENDS = re.compile(r"[.!?。！？；~～\n]")  # cheap scan for candidates, then the exact rule
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*[ \t\u00a0]+(?=\S)"
    r"|[。！？；!?~～]+[\"'”’）)]*[ \t\u3000]*"
    r"|\n\s*")
_RUN = re.compile(r"[.!?。！？；~～]+")
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|No|Fig|approx|Jr|Sr|tab|Tab|inj|Inj|e\.g|i\.e))$")

CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# tokens for n-gram statistics: latin words, or one CJK character each
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def split_sentences(text: str) -> list[str]:
    """Sentence pieces of `text`, each with its trailing separator; they join back to `text`."""
    pieces: list[str] = []
    start = pos = 0
    n = len(text)
    while pos < n:
        c = _ENDS.search(text, pos)
        if c is None:
            break
        i = c.start()
        m = _BOUNDARY.match(text, i)
        if m and text[i] == "." and _ABBREV.search(text, max(0, i - 7), i):
            m = None
        if m is None or m.end() == i:
            run = _RUN.match(text, i)  # skip the whole run of end marks: "....." is one candidate
            pos = run.end() if run else i + 1
            continue
        end = m.end()
        if end > start:
            pieces.append(text[start:end])
            start = end
        pos = end
    if start < n:
        pieces.append(text[start:])
    return pieces


def join_sentences(pieces: list[str]) -> str:
    return "".join(pieces).strip()


def units(text: str, lang: str) -> int:
    """Length in language-aware units: words for English, CJK characters plus latin words for Chinese."""
    if lang == "zh":
        return len(CJK_CHAR.findall(text)) + len(LATIN_WORD.findall(text))
    return len(text.split())


def capitalise(text: str) -> str:
    """Upper-case the first letter (after a stripped greeting)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:] if ch.islower() else text
        if not (ch.isspace() or ch in ",;:.-–—!"):
            return text
    return text


def resolve_file(name: str) -> Path:
    p = Path(name)
    return p if p.is_absolute() or p.exists() else RESOURCES / name


@lru_cache(maxsize=64)
def _read_lines(path: str, mtime: float) -> tuple[str, ...]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def read_phrases(files: list[str]) -> list[str]:
    """Lines of the named phrase files (resources/filter/ unless a path), comments and blanks removed."""
    out: list[str] = []
    for name in files:
        path = resolve_file(name)
        if not path.exists():
            raise FileNotFoundError(f"filter phrase file not found: {name} (looked at {path})")
        out.extend(_read_lines(str(path), path.stat().st_mtime))
    return out


def compile_patterns(patterns: list[str], what: str) -> list[re.Pattern]:
    compiled = []
    for p in patterns:
        try:
            compiled.append(re.compile(p, re.I))
        except re.error as exc:
            raise ValueError(f"bad {what} pattern {p!r}: {exc}") from None
    return compiled


def alternation(patterns: list[str], what: str) -> str:
    """Validate each pattern, then join them as one non-capturing alternation."""
    compile_patterns(patterns, what)
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" if patterns else "(?!)"


_ESCAPE = re.compile(r"\\.")

try:  # Python >= 3.11
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore
    import sre_parse as _P  # type: ignore

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())


def _better(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    if b is None or not b:
        return a
    if a is None:
        return b
    return b if min(map(len, b)) > min(map(len, a)) else a


def _required(items) -> frozenset | None:
    """A set of literals one of which every match must contain (None: no such set found)."""
    best, run = None, []
    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        cand = None
        if op is _C.SUBPATTERN:
            cand = _required(av[-1].data)
        elif op is _C.BRANCH:
            subs = [_required(b.data) for b in av[1]]
            if all(x for x in subs):
                cand = frozenset().union(*subs)
        elif op in _REPEATS and av[0] >= 1:
            sub = av[2].data
            if len(sub) == 1 and sub[0][0] is _C.LITERAL:  # x{4,} -> "xxxx"
                cand = frozenset([chr(sub[0][1]) * min(av[0], 8)])
            else:
                cand = _required(sub)
        best = _better(best, cand)
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def required_literals(pattern: str) -> frozenset | None:
    """Lower-cased literals a match must contain one of, found from the parsed pattern; None when
    the pattern has none of two characters or more (then it always runs)."""
    try:
        found = _required(_P.parse(pattern).data)
    except Exception:  # an exotic construct: no guard, the pattern just always runs
        return None
    if not found or min(map(len, found)) < 2:
        return None
    return frozenset(x.lower() for x in found)


class AnyPattern:
    """Case-insensitive 'does any of these regexes occur', made fast for long pattern lists:
    each pattern runs only when the lower-cased text holds one of the literals every match must
    contain (found by parsing the pattern, like RE2's prefilter); patterns written in lower case
    run without IGNORECASE on the lower-cased text (Python's engine scans literals much faster so);
    a pattern with an upper-case letter keeps IGNORECASE and runs on the original text."""

    def __init__(self, patterns: list[str], what: str):
        self.items: list[tuple[re.Pattern, frozenset | None, bool]] = []
        for p in patterns:
            try:
                mixed = any(ch.isupper() for ch in _ESCAPE.sub("", p))
                compiled = re.compile(p, re.I) if mixed else re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad {what} pattern {p!r}: {exc}") from None
            self.items.append((compiled, required_literals(p), mixed))

    def _candidates(self, low: str):
        for compiled, guard, mixed in self.items:
            if guard is not None:
                for g in guard:
                    if g in low:
                        break
                else:
                    continue
            yield compiled, mixed

    def search(self, text: str, low: str | None = None) -> bool:
        if low is None:
            low = text.lower()
        for compiled, mixed in self._candidates(low):
            if compiled.search(text if mixed else low):
                return True
        return False

    def findall(self, text: str, low: str | None = None) -> list[str]:
        if low is None:
            low = text.lower()
        out: list[str] = []
        for compiled, mixed in self._candidates(low):
            out.extend(m.group(0) for m in compiled.finditer(text if mixed else low))
        return out
