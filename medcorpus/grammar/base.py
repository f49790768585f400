"""What every grammar backend returns, the protection check every edit passes, and the
deterministic fixes consultation text needs."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from medcorpus.grammar.protect import MAX_PHRASE_WORDS, WORD_RE, Vocabulary


@dataclass
class Edit:
    """One change: `old` at [start, end) of the text it was applied to became `new`."""

    start: int
    end: int
    old: str
    new: str
    kind: str
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "old": self.old, "new": self.new,
                "kind": self.kind, "rule": self.rule}


@dataclass
class Correction:
    """The result of correcting one text: the new text, the edits applied, what was refused."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    protected_skips: int = 0   # suggestions refused because they would change a protected word
    error: str | None = None   # backend failure: `text` is the input, unchanged

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def kinds(self) -> Counter:
        return Counter(e.kind for e in self.edits)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "edits": [e.to_json() for e in self.edits],
                "protected_skips": self.protected_skips, "error": self.error}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Correction":
        return cls(text=d["text"], edits=[Edit(**e) for e in d.get("edits", [])],
                   protected_skips=d.get("protected_skips", 0), error=d.get("error"))


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'\u2019-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'\u2019-"):
        end += 1
    return start, end


def changes_protected(text: str, start: int, end: int, replacement: str, vocab: Vocabulary | None) -> bool:
    """Whether replacing text[start:end] with `replacement` alters a protected word (in spelling,
    case or count). Words are compared whole, so "metformin" -> "metformins" counts as a change."""
    if vocab is None:
        return False
    if vocab.phrases and _changes_phrase(text, start, end, replacement, vocab):
        return True
    ws, we = _word_bounds(text, start, end)
    old_words = WORD_RE.findall(text[ws:we])
    protected = Counter(w for w in old_words if vocab.is_protected(w))
    if not protected:
        return False
    new_words = Counter(WORD_RE.findall(text[ws:start] + replacement + text[end:we]))
    return any(new_words[w] < n for w, n in protected.items())


def _changes_phrase(text: str, start: int, end: int, replacement: str, vocab: Vocabulary) -> bool:
    """Whether the edit falls inside a protected multi-word term and alters it."""
    lo = max(0, start - 80)
    words = [(m.start() + lo, m.end() + lo, m.group(0).lower())
             for m in WORD_RE.finditer(text, lo, min(len(text), end + 80))]
    n = len(words)
    for i in range(n):
        if words[i][0] >= end:
            break
        for j in range(i + 1, min(n, i + MAX_PHRASE_WORDS)):
            ts, te = words[i][0], words[j][1]
            if te <= start:
                continue
            inside = (ts < start < te) or (ts < end < te) or (start <= ts and end >= te) \
                or (start == end and ts < start < te)
            if not inside:
                continue
            phrase = " ".join(w for _, _, w in words[i:j + 1])
            if phrase in vocab.phrases:
                new = (text[ts:start] if start > ts else "") + replacement + (text[end:te] if end < te else "")
                if WORD_RE.findall(new) != WORD_RE.findall(text[ts:te]):  # case counts too
                    return True
    return False


def diff_edit(before: str, after: str, kind: str, rule: str = "") -> Edit | None:
    """The single changed region between two texts (common prefix and suffix removed)."""
    if before == after:
        return None
    p = 0
    n = min(len(before), len(after))
    while p < n and before[p] == after[p]:
        p += 1
    s = 0
    while s < n - p and before[len(before) - 1 - s] == after[len(after) - 1 - s]:
        s += 1
    return Edit(p, len(before) - s, before[p:len(before) - s], after[p:len(after) - s], kind, rule)


# ---------------------------------------------------------------- deterministic fixes
_ABBREV = {"e.g", "i.e", "a.m", "p.m", "etc", "vs", "dr", "mr", "mrs", "ms", "st", "no", "approx", "fig"}
_FILE_OR_DOMAIN = re.compile(r"(?:^|\.)(?:com|org|net|edu|gov|in|uk|io|pdf|jpg|png|docx?|html?)$", re.I)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?[,;:]?")
_PUNCT_NO_SPACE = re.compile(r"(?<=[A-Za-z\)>])([.!?;,])(?=[A-Za-z])")
_REPEATED = re.compile(r"([!?,;:])\1+|(?<!\.)\.\.(?!\.)|\.{4,}")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))([\"'(]?)([a-z][a-z'\u2019-]*)")
_INTRO = ("however", "therefore", "moreover", "furthermore", "nevertheless", "nonetheless", "consequently",
          "for example", "for instance", "in addition", "in conclusion", "in my opinion", "in fact",
          "in other words", "in summary", "in general", "on the other hand", "as a result", "of course",
          "firstly", "secondly", "thirdly", "finally", "lastly", "besides", "meanwhile", "otherwise",
          "unfortunately", "fortunately", "additionally", "to sum up", "to conclude", "in short",
          "nowadays", "personally", "hence", "thus", "instead", "overall", "also", "second", "third",
          "actually", "in this case", "in that case", "after that", "in my view", "in my experience",
          "for this reason", "to begin with", "in the end", "in the past", "as a consequence", "clearly")
_INTRO_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(" + "|".join(_INTRO) + r")(?=\s+[A-Za-z])", re.I)
# "..., but": a comma before a "but" that joins two clauses (not "not only ... but also", "all but")
_BUT_RE = re.compile(r"(?<=[A-Za-z0-9)])( but)(?= (?:I|you|he|she|it|we|they|there|this|that|these|those|the|a|an|my|"
                     r"his|her|our|their|its|if|when|in|now|then|some|many|most|people|what|as|because|nobody|"
                     r"nothing|no one|one)\b)")
_BUT_AFTER = ("all", "nothing", "anything", "everything", "none", "last", "anyone", "anybody", "everyone")
_CAN_NOT = re.compile(r"\b([Cc])an not\b")
_LONE_I = re.compile(r"(?<![\w.'\u2019/@-])i(?=['\u2019](?:m|ve|ll|d)\b|[\s,;:!?)]|\.(?:\s|$)|$)")


def deterministic_fixes(text: str, vocab: Vocabulary | None = None, final_stop: bool = True) -> tuple[str, list[Edit]]:
    """Fixes Harper leaves: a space after sentence punctuation ("pain.i have" -> "pain. i have"),
    repeated punctuation ("!!!" -> "!", ".." -> "."), a lone "i" -> "I", a capital at the start
    of each sentence, a comma after an opening "However", "For example", ..., "can not" ->
    "cannot", and a full stop at the end of a text of three words or more that has none.
    URLs, e-mail addresses, file names, decimals and abbreviations are left alone."""
    edits: list[Edit] = []

    def apply(pattern: re.Pattern, fn, kind: str, rule: str) -> None:
        nonlocal text
        out, last = [], 0
        for m in pattern.finditer(text):
            new = fn(m)
            if new is None or new == m.group(0):
                continue
            if changes_protected(text, m.start(), m.end(), new, vocab):
                continue
            out.append(text[last:m.start()])
            out.append(new)
            edits.append(Edit(m.start(), m.end(), m.group(0), new, kind, rule))
            last = m.end()
        if out:
            out.append(text[last:])
            text = "".join(out)

    def repeated(m: re.Match) -> str:
        g = m.group(0)
        return "..." if g.startswith("....") else g[0]

    def space_after(m: re.Match) -> str | None:
        chunk_start = text.rfind(" ", 0, m.start()) + 1
        chunk_end = text.find(" ", m.end())
        chunk = text[chunk_start:len(text) if chunk_end < 0 else chunk_end]
        if _INITIALS.fullmatch(chunk):
            return None  # initials and abbreviations: "M.A.H.", "U.S."
        if "@" in chunk or "://" in chunk or chunk.lower().startswith("www") or _FILE_OR_DOMAIN.search(chunk.rstrip(".,;:!?)")):
            return None
        prev_word = re.findall(r"[\w.]+$", text[chunk_start:m.start()])
        if prev_word and prev_word[-1].lower().rstrip(".") in _ABBREV:
            return None
        nxt = re.match(r"[A-Za-z]+", text[m.end():])
        if m.group(1) == "." and nxt and len(nxt.group(0)) == 1 and nxt.group(0) not in "iIaA":
            return None  # initials, "a.m"-like forms
        return m.group(1) + " "

    def capitalise(m: re.Match) -> str | None:
        word = m.group(2)
        chunk = re.match(r"\S*", text[m.start(2):]).group(0)
        if any(ch.isupper() for ch in word) or re.search(r"[.@/:]\w", chunk):
            return None  # camelCase, URLs, e-mail addresses, domains
        before = re.findall(r"(\S+)\s+$", text[:m.start()])
        if before and (before[-1].lower().rstrip(".") in _ABBREV or _INITIALS.fullmatch(before[-1])):
            return None
        return m.group(1) + word[0].upper() + word[1:]

    def but_comma(m: re.Match) -> str | None:
        before = re.findall(r"[A-Za-z']+", text[max(0, m.start() - 30):m.start()])
        if before and before[-1].lower() in _BUT_AFTER:
            return None
        if re.search(r"\bnot only\b", text[:m.start()], re.I):
            return None
        return "," + m.group(1)

    apply(_REPEATED, repeated, "Punctuation", "repeated-punctuation")
    apply(_PUNCT_NO_SPACE, space_after, "Formatting", "space-after-punctuation")
    apply(_LONE_I, lambda m: "I", "Capitalization", "lone-i")
    apply(_SENTENCE_START, capitalise, "Capitalization", "sentence-start")
    apply(_INTRO_RE, lambda m: m.group(1) + ",", "Punctuation", "introductory-comma")
    apply(_BUT_RE, but_comma, "Punctuation", "comma-before-but")
    apply(_CAN_NOT, lambda m: m.group(1) + "annot", "Spelling", "cannot")
    if final_stop:
        text, stop = add_final_stop(text)
        edits += stop
    return text, edits


def add_final_stop(text: str) -> tuple[str, list[Edit]]:
    """A full stop after the last word of a text of three words or more that ends without
    punctuation (trailing whitespace kept; URLs left alone)."""
    stripped = text.rstrip()
    if (len(stripped.split()) < 3 or not re.search(r"[A-Za-z0-9)]$", stripped)
            or re.search(r"[.!?:;][\"')\]]*$", stripped) or re.search(r"(?:https?://|www\.)\S*$", stripped)):
        return text, []
    n = len(stripped)
    return stripped + "." + text[n:], [Edit(n, n, "", ".", "Punctuation", "final-stop")]
