"""Tokenisation helpers for scoring against tokenised GEC corpora (JFLEG: PTB-like, space separated).

`detokenise` turns "I do n't know , he said ." into "I don't know, he said." (what a user's text
looks like, so the correctors see natural text); `tokenise` splits corrected text back into the
corpus' tokens before GLEU is computed.
"""
from __future__ import annotations

import re

_LEAD = set("([{\"'`")
_TRAIL = set(".,!?;:)]}\"'%")
_CLITIC = re.compile(r"^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$", re.I)
_ABBREV = {"e.g.", "i.e.", "mr.", "mrs.", "dr.", "ms.", "vs.", "st.", "u.s."}


def tokenise(text: str) -> list[str]:
    """Whitespace chunks with punctuation peeled off their edges and clitics ('s, n't) split off,
    as PTB-style corpora write them ("don't" -> "do", "n't")."""
    out: list[str] = []
    for chunk in text.split():
        lead: list[str] = []
        trail: list[str] = []
        while len(chunk) > 1 and chunk[0] in _LEAD:
            lead.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk[-1] in _TRAIL and chunk.lower() not in _ABBREV:
            if chunk.endswith("...") and len(chunk) > 3:
                trail.append("...")
                chunk = chunk[:-3]
                continue
            trail.append(chunk[-1])
            chunk = chunk[:-1]
        out += lead
        if chunk:
            m = _CLITIC.match(chunk)
            if m and m.group(1).isalpha():
                out += [m.group(1), m.group(2)]
            else:
                out.append(chunk)
        out += reversed(trail)
    return out


_NO_SPACE_BEFORE = re.compile(r" ([.,!?;:%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)", re.I)
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(text: str) -> str:
    """Join corpus tokens the way people write: no space before punctuation or clitics."""
    s = " ".join(text.split())
    s = _NO_SPACE_BEFORE.sub(r"\1", s)
    s = _NO_SPACE_AFTER.sub(r"\1", s)
    # straight double quotes: alternate opening / closing
    parts = s.split('"')
    if len(parts) > 1 and len(parts) % 2 == 1:
        rebuilt = parts[0]
        for i, part in enumerate(parts[1:]):
            if i % 2 == 0:  # opening quote: keep the space before it, none after
                rebuilt += '"' + part.lstrip()
            else:           # closing quote: no space before it
                rebuilt = rebuilt.rstrip() + '"' + part
        s = rebuilt
    return s
