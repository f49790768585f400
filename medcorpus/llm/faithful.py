"""Faithfulness checks for synthesised text: does it name the entry's disease, tests, medications?

Names are matched as whole words after lower-casing and folding punctuation to spaces, in their
full form, without a parenthesised part, and the parenthesised part alone
("Alprazolam (Xanax)" matches "alprazolam", "xanax" or the whole). Chinese text is matched as a
substring (no word boundaries there).
"""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")
_PAREN = re.compile(r"^(.*?)\s*[(（](.*?)[)）]\s*$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def fold(text: str) -> str:
    return " " + _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip() + " "


def variants(name: str) -> list[str]:
    """The folded forms a mention of `name` may take (at least 3 characters each)."""
    out = {fold(name)}
    m = _PAREN.match(name.strip())
    if m:
        out.add(fold(m.group(1)))
        out.add(fold(m.group(2)))
    return [v for v in out if len(v.strip()) >= 3]


def mentions(text: str, name: str) -> bool:
    folded = fold(text)
    for v in variants(name):
        if _CJK.search(v):
            if v.strip() in folded:
                return True
        elif v in folded:
            return True
    return False


def mentions_any(text: str, names: list[str]) -> list[str]:
    """The names among `names` that `text` mentions."""
    return [n for n in names if mentions(text, n)]


def check_exchange(patient: str, doctor: str, disease: str, tests: list[str], medications: list[str]) -> dict:
    """Raises ValueError(reason) when the exchange is unfaithful to the entry; else what it matched."""
    if mentions(patient, disease):
        raise ValueError("unfaithful: the complaint names the disease")
    if not mentions(doctor, disease):
        raise ValueError("unfaithful: the answer does not name the disease")
    named = mentions_any(doctor, tests + medications)
    if (tests or medications) and not named:
        raise ValueError("unfaithful: the answer names none of the entry's tests or medications")
    return {"named": named}
