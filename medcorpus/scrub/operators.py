"""Rewrite detected spans: typed placeholders, consistent fake values (Faker), or removal."""
from __future__ import annotations

import random
import re
from typing import Sequence

import xxhash

from medcorpus.scrub.engine import Span

OPERATORS = ("placeholder", "surrogate", "redact")
PLACEHOLDERS = {"PERSON": "<PERSON>", "LOCATION": "<LOCATION>", "ORG": "<ORG>", "DATE": "<DATE>",
                "PHONE": "<PHONE>", "EMAIL": "<EMAIL>", "URL": "<URL>", "IP": "<IP>", "ID": "<ID>", "AGE": "<AGE>"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def apply(text: str, spans: Sequence[Span], operator: str, surrogates: "Surrogates | None" = None) -> str:
    """`text` with each span replaced (spans are non-overlapping)."""
    if not spans:
        return text
    out, pos = [], 0
    for sp in sorted(spans, key=lambda s: s.start):
        out.append(text[pos:sp.start])
        if operator == "placeholder":
            out.append(PLACEHOLDERS.get(sp.entity, f"<{sp.entity}>"))
        elif operator == "surrogate":
            assert surrogates is not None
            out.append(surrogates.get(sp.entity, text[sp.start:sp.end]))
        elif operator != "redact":
            raise ValueError(f"unknown operator {operator!r} (one of {', '.join(OPERATORS)})")
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)


class Surrogates:
    """Fake values that stay the same for the same original within one record (so "John" is
    the same fake name in every turn), deterministic from the record id, locale by script."""

    _fakers: dict = {}

    def __init__(self, record_id: str):
        self.record_id = record_id
        self.seen: dict[tuple[str, str], str] = {}

    @classmethod
    def _faker(cls, locale: str):
        if locale not in cls._fakers:
            from faker import Faker

            cls._fakers[locale] = Faker(locale)
        return cls._fakers[locale]

    def get(self, entity: str, original: str) -> str:
        key = (entity, " ".join(original.lower().split()))
        if key not in self.seen:
            self.seen[key] = self._make(entity, original)
        return self.seen[key]

    def _make(self, entity: str, original: str) -> str:
        zh = bool(_CJK.search(original))
        fake = self._faker("zh_CN" if zh else "en_US")
        seed = xxhash.xxh64_intdigest(f"{self.record_id}\x1f{entity}\x1f{original.lower()}".encode())
        fake.seed_instance(seed)
        rnd = random.Random(seed)
        if entity == "PERSON":
            if zh:
                return fake.last_name() if len(original) == 1 else fake.name()
            n = len(original.split())
            return fake.first_name() if n == 1 else fake.name()
        if entity == "PHONE":
            return _reshape(original, rnd)
        if entity == "EMAIL":
            return fake.email()
        if entity == "URL":
            return fake.url()
        if entity == "IP":
            return fake.ipv4()
        if entity == "ID":
            return _reshape(original, rnd)
        if entity == "DATE":
            return _reshape(original, rnd) if re.search(r"\d", original) and not re.search("[A-Za-z]", original) \
                else fake.date(pattern="%B %d, %Y")
        if entity == "LOCATION":
            if zh:
                return fake.address().split(" ")[0]
            return fake.street_address() if re.search(r"\d", original) else fake.city()
        if entity == "ORG":
            return fake.last_name() + (" 医院" if zh else " Clinic")
        if entity == "AGE":
            return "90岁以上" if zh else "90+ years"
        return PLACEHOLDERS.get(entity, f"<{entity}>")


def _reshape(value: str, rnd: random.Random) -> str:
    """Same shape, other characters: digits to digits, letters to letters (keeps formats)."""
    out = []
    for c in value:
        if c.isdigit():
            out.append(str(rnd.randint(0, 9)))
        elif c.isascii() and c.isalpha():
            ch = rnd.choice("abcdefghijklmnopqrstuvwxyz")
            out.append(ch.upper() if c.isupper() else ch)
        else:
            out.append(c)
    return "".join(out)
