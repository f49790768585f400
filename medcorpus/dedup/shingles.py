"""Language-aware shingles and the texts dedup compares (pure functions).

The normalised text (NFKC, lower case, digits folded to 0, punctuation and whitespace dropped)
is cut into tokens where every CJK character is a token of its own and every other run of
letters is a word; a mostly-CJK text is shingled into character n-grams (`char_ngram`), any
other into word n-grams (`ngram`), or, with `latin_char` > 0, into character n-grams of its
normalised form (robust to typos and swapped words: one typo changes ~5 of a few hundred character
5-grams, but 3 of a few dozen word 3-grams). Mixed text works: an English drug name in a Chinese
consultation is one token.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from medcorpus.schemas import Turn

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df"
_TOKEN = re.compile(f"[{_CJK_CLASS}]|[^\\W_{_CJK_CLASS}]+")
_CJK = re.compile(f"[{_CJK_CLASS}]")
# ASCII letters lower-cased, digits folded to 0, ASCII and common Unicode punctuation to spaces
_FOLD = {**{c: " " for c in range(0x21, 0x7F) if not chr(c).isalnum()},
         **{ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
         **{ord(c): "0" for c in "123456789"},
         **{ord(c): " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00b7\u3000"}}


def tokens(text: str) -> list[str]:
    """Normalised tokens: NFKC, lower case, every digit folded to '0', punctuation and
    whitespace dropped; each CJK character is a token, any other letter run is a word."""
    folded = text.translate(_FOLD)
    if folded.isascii():  # the fast path (same tokens as the general one for ASCII text)
        return folded.split()
    folded = unicodedata.normalize("NFKC", folded).lower().translate(_FOLD)
    return _TOKEN.findall(folded)


def shingles(text: str, ngram: int = 3, char_ngram: int = 5) -> list[str]:
    """Word n-grams, or character n-grams when most tokens are CJK characters. A text shorter
    than n gives one shingle of all its tokens; an empty text gives none."""
    toks = tokens(text)
    if not toks:
        return []
    n = ngram if text.isascii() or 2 * len(_CJK.findall(text)) < len(toks) else char_ngram
    if len(toks) <= n:
        return [" ".join(toks)]
    if n == 1:
        return toks
    if n == 3:  # the default, spelt out: about 40% faster than the general form
        return list(map(" ".join, zip(toks, toks[1:], toks[2:])))
    return list(map(" ".join, zip(*(toks[i:] for i in range(n)))))


def mostly_cjk(text: str, toks: Sequence[str]) -> bool:
    return not text.isascii() and 2 * len(_CJK.findall(text)) >= len(toks)


def normalised(text: str) -> str:
    """The tokens joined by single spaces: what character shingles of non-CJK text are cut from
    (case, punctuation, digits and spacing already folded, so "Hi,  Doctor!" == "hi doctor")."""
    return " ".join(tokens(text))


ASKING = ("patient", "user")
ANSWERING = ("doctor", "assistant")


def doc_sides(turns: Sequence[dict | Turn], on: str) -> tuple[str, ...]:
    """The texts dedup compares: (asking side, answering side) for 'all', one side otherwise
    (system turns never count)."""
    ask, ans = [], []
    for t in turns:
        role, text = (t["role"], t["text"]) if isinstance(t, dict) else (t.role, t.text)
        if role in ASKING:
            ask.append(text)
        elif role in ANSWERING:
            ans.append(text)
    if on == "patient":
        return ("\n".join(ask),)
    if on == "doctor":
        return ("\n".join(ans),)
    return "\n".join(ask), "\n".join(ans)


def doc_text(turns: Sequence[dict | Turn], on: str) -> str:
    return "\n".join(x for x in doc_sides(turns, on) if x)

