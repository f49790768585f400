"""The LanguageTool backend: a LanguageTool server's `/v2/check` API, safe matches only.

The server is one at `--languagetool-url` (a self-hosted container, say) or the local one that
`language_tool_python` manages (it needs Java and downloads LanguageTool on first use). Requests
go through one pooled `httpx.Client` from a thread pool, so several are in flight at once; the
stage caches results per sentence in the workspace.

Offsets: LanguageTool is Java, so `offset`/`length` count UTF-16 code units; a Python `str`
counts code points, and every character outside the Basic Multilingual Plane (emoji, rare CJK)
is two units there and one here. `utf16_to_index` converts both ends. (`language_tool_python`'s
own `Match` corrects the offset but not the length, through class-level state that is not
thread-safe, which is why this module reads the JSON itself.)

Safe by default: only matches whose category is in `categories` (typos, grammar, casing,
punctuation), with exactly one replacement (`max_replacements`), overlapping no match already
taken, and changing no protected word; a misspelling close to a disease-DB word is fixed only
when a replacement is a protected word.
"""
from __future__ import annotations

import threading
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable, Sequence

from medcorpus.grammar.base import Correction, Edit, changes_protected, deterministic_fixes
from medcorpus.grammar.protect import Vocabulary

DEFAULT_CATEGORIES = ("TYPOS", "GRAMMAR", "CASING", "PUNCTUATION")


class LanguageToolError(RuntimeError):
    pass


def utf16_offsets(text: str) -> list[int]:
    """pos[i] = UTF-16 offset of text[i]; pos[len(text)] = total units."""
    pos = [0] * (len(text) + 1)
    u = 0
    for i, ch in enumerate(text):
        pos[i] = u
        u += 2 if ord(ch) > 0xFFFF else 1
    pos[len(text)] = u
    return pos


def utf16_to_index(pos: Sequence[int], unit: int) -> int:
    """The code-point index at UTF-16 offset `unit` (an offset inside a surrogate pair rounds up)."""
    return bisect_left(pos, unit)


def probe(url: str, timeout: float = 3.0) -> str | None:
    """None when a LanguageTool server answers at `url`, else why not."""
    import httpx

    try:
        r = httpx.get(api_base(url) + "languages", timeout=timeout)
        r.raise_for_status()
        if not isinstance(r.json(), list):
            return "unexpected reply to /v2/languages"
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not usable"
        return f"{type(exc).__name__}: {exc}"


def api_base(url: str) -> str:
    url = url.rstrip("/")
    if not url.endswith("/v2"):
        url += "/v2"
    return url + "/"


def start_local_server(language: str = "en-US") -> tuple[Any, str]:
    """Start the LanguageTool server `language_tool_python` manages (Java; downloads on first
    use). Returns (tool, base url); call tool.close() when done."""
    import language_tool_python

    tool = language_tool_python.LanguageTool(language)
    return tool, tool._url  # noqa: SLF001 - the URL of the server it started


class LanguageToolCorrector:
    name = "languagetool"

    def __init__(self, url: str, vocab: Vocabulary | None = None, *, language: str = "en-US",
                 categories: Iterable[str] = DEFAULT_CATEGORIES, max_replacements: int = 1,
                 timeout: float = 10.0, concurrency: int = 8, fixes: bool = True, retries: int = 1):
        import httpx

        self.base = api_base(url)
        self.vocab = vocab
        self.language = language
        self.categories = {c.upper() for c in categories}
        self.max_replacements = max_replacements
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.fixes = fixes
        self.retries = retries
        self.client = httpx.Client(timeout=timeout, limits=httpx.Limits(
            max_connections=self.concurrency, max_keepalive_connections=self.concurrency))
        self.requests = 0
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ HTTP
    def check(self, text: str) -> list[dict]:
        """The raw matches for `text` (raises LanguageToolError on a failed request)."""
        import httpx

        last: Exception | None = None
        for _ in range(self.retries + 1):
            with self._lock:
                self.requests += 1
            try:
                r = self.client.post(self.base + "check", data={"text": text, "language": self.language})
                if r.status_code >= 500:
                    last = LanguageToolError(f"server error {r.status_code}: {r.text[:200]}")
                    continue
                if r.status_code != 200:
                    raise LanguageToolError(f"HTTP {r.status_code}: {r.text[:200]}")
                return r.json().get("matches", [])
            except httpx.TimeoutException as exc:
                last = LanguageToolError(f"timeout after {self.timeout:g}s")
                last.__cause__ = exc
            except (httpx.HTTPError, ValueError) as exc:
                last = LanguageToolError(f"{type(exc).__name__}: {exc}")
        raise last or LanguageToolError("request failed")

    # ------------------------------------------------------------------ correcting
    def correct(self, text: str) -> Correction:
        return self.correct_many([text])[0]

    def correct_many(self, texts: Sequence[str]) -> list[Correction]:
        """Correct each text; a failed request gives that text back unchanged with `error` set."""
        def one(text: str) -> Correction:
            edits: list[Edit] = []
            fixed = text
            if self.fixes:
                fixed, edits = deterministic_fixes(text, self.vocab, final_stop=False)
            try:
                matches = self.check(fixed)
            except LanguageToolError as exc:
                return Correction(text, [], 0, error=str(exc))
            result = apply_matches(fixed, matches, self.vocab, self.categories, self.max_replacements)
            result.edits = edits + result.edits
            return result

        if len(texts) <= 1 or self.concurrency == 1:
            return [one(t) for t in texts]
        with ThreadPoolExecutor(self.concurrency) as pool:
            return list(pool.map(one, texts))


def _category(match: dict) -> str:
    return str(((match.get("rule") or {}).get("category") or {}).get("id", "")).upper()


def apply_matches(text: str, matches: list[dict], vocab: Vocabulary | None,
                  categories: Iterable[str] = DEFAULT_CATEGORIES, max_replacements: int = 1) -> Correction:
    """Apply the safe subset of LanguageTool `matches` (offsets in UTF-16 units) to `text`."""
    allowed = {c.upper() for c in categories}
    pos = utf16_offsets(text)
    chosen: list[Edit] = []
    skips = 0
    for m in sorted(matches, key=lambda m: (m.get("offset", 0), -m.get("length", 0))):
        cat = _category(m)
        if cat not in allowed:
            continue
        try:
            off, length = int(m["offset"]), int(m["length"])
        except (KeyError, TypeError, ValueError):
            continue
        start = utf16_to_index(pos, off)
        end = utf16_to_index(pos, off + length)
        if start > len(text) or end > len(text) or end < start:
            continue
        replacements = [r.get("value", "") for r in m.get("replacements", []) if isinstance(r, dict)]
        old = text[start:end]
        replacement = None
        near = vocab.near_priority(old) if (vocab is not None and cat == "TYPOS" and " " not in old) else []
        if near:
            protected = [r for r in replacements if vocab.is_protected(r)]
            if not protected:
                skips += 1
                continue
            replacement = vocab.best_protected(old, protected, include_near=False)
        elif not replacements or len(replacements) > max_replacements:
            continue
        else:
            replacement = replacements[0]
        if replacement == old:
            continue
        if changes_protected(text, start, end, replacement, vocab):
            skips += 1
            continue
        if chosen and start < chosen[-1].end:  # overlaps a match already taken
            continue
        rule = str((m.get("rule") or {}).get("id", ""))
        chosen.append(Edit(start, end, old, replacement, cat.title(), rule))
    out = text
    for e in reversed(chosen):
        out = out[:e.start] + e.new + out[e.end:]
    return Correction(out, chosen, skips)
