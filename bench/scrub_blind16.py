"""The blind16 PII split: health conversations across the English-speaking world and its neighbours,
each in its own local conventions, plus Chinese messages of the diaspora, South-East Asian Chinese,
dialect speakers, minority peoples and villagers.

Authorship rule: written by a sixteenth blind author who never read the recognizers
(medcorpus/scrub/, its resources), the scorer's benchmark or any other split; the templates
(bench/scrub_blind16_templates.py) were written first, from how real patients, relatives and
clinicians write, before any code. The scrubber was never run on this split while writing it.

Styles (origin "blind16/<style>"): English india_hinglish, pakistan_roman_urdu, nigeria_pidgin,
kenya_sheng, south_africa, philippines_taglish, malaysia_manglish, singapore_singlish, caribbean,
ireland_gp, scotland_nhs, wales_bilingual, nz_maori, canada_quebec, us_spanglish, referral_letter,
family_caregiver, intake_form, telehealth_chat, discharge_summary; Chinese haiwai_huaren,
dongnanya_huaren, fangyan_jiaza, shaoshu_minzu, nongcun, bingan_shouye, weixin_daiwen.

Values: names in each culture's order and spelling (family-first, patronymic bin / a/l / s/o, two
surnames, initials, hyphenated, given name or nickname only, lower case, names that are English words
or eponyms); phones valid under `phonenumbers` for 40+ regions (national, international, E.164, odd
spacing); towns below state level from GeoNames plus invented ones (after from / in / at, in lower case,
as an adjective); street lines and postcodes in national shapes; emails; URLs with and without scheme;
labelled IDs (national IDs with real check digits, hospital, insurer and scheme numbers); birth and
visit dates in each culture's order. Drugs, conditions and eponymous diseases are planted next to them
as "blind16-medical" spans that must stay.

Carriers: short first sentences of GenMedGPT-5k patient questions / doctor answers without a
capitalised word inside a sentence, a month name or a digit (`english_carriers`); ChatMed-Consult
queries without place, hospital, title, person-name or date markers (`chinese_carriers`).

Seed: random.Random(16161); every list is ordered, so the split is the same under any hash seed.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind16_ids import make_id
from scrub_blind16_names import DOCTORS, NAMES, ZH_DOCTORS
from scrub_blind16_places import INVENTED, ZH_PLACES, ZH_SMALL, address, geo_places, street_line, zh_address
from scrub_blind16_templates import EN_STYLES, ZH_STYLES
from scrub_blind16_values import (EN_CONDS, EN_DRUGS, EN_EPONYMS, PHONE_REGIONS, ZH_CONDS, ZH_DRUGS, ZH_EPONYMS,
                                  date_text, email, phone_text, random_date, random_phone, url)

MED = "blind16-medical"
EN_CULTURES = ("india", "pakistan", "nigeria", "kenya", "south_africa", "philippines", "malaysia", "singapore",
               "caribbean", "ireland", "scotland", "wales", "new_zealand", "canada", "us_hispanic")
ALIAS = {"zh_form": "zh_rural", "zh_family": "zh_dialect"}
FORMAL = ("referral_letter", "discharge_summary", "intake_form", "ireland_gp")
DOCTOR_SIDE = ("referral_letter", "discharge_summary")

_MONTHS = re.compile(r"\b(january|february|april|june|july|august|september|october|november|december|"
                     r"jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b", re.I)


def _cap_inside(sentence: str) -> bool:
    """A capitalised word after a sentence's first word (the pronoun I aside)."""
    for tok in sentence.split()[1:]:
        w = tok.strip("\"'()[],;:.?!")
        if w[:1].isupper() and w != "I" and not w.startswith("I'"):
            return True
    return False


def _first_sentences(text: str, limit: int = 200) -> str | None:
    sents = re.split(r"(?<=[.?!])\s+", " ".join(text.split()))
    out = sents[0]
    if len(out) > limit:
        return None
    if len(sents) > 1 and len(out) + 1 + len(sents[1]) <= limit:
        out += " " + sents[1]
    return out


def english_carriers(records: list[dict], field: str) -> list[str]:
    """Short first sentences (one or two) of the records' `field`, dropping any with a capitalised word
    inside a sentence, a month name, a digit or a web / mail marker."""
    out = []
    for r in records:
        s = _first_sentences(r.get(field) or "")
        if not s or len(s) < 25 or re.search(r"\d|@|www|http", s) or _MONTHS.search(s):
            continue
        if any(_cap_inside(sent) for sent in re.split(r"(?<=[.?!])\s+", s)):
            continue
        out.append(s)
    return out


_ZH_BAD = re.compile(r"[省市县区镇村乡路街州]|医院|诊所|卫生院|医生|大夫|主任|教授|老师|护士|先生|女士|小姐|姓|我叫|名字|"
                     r"[年月日号]|星期|周[一二三四五六日]|[0-9０-９A-Za-z]|北京|上海|广州|深圳|天津|重庆|河北|山西|辽宁|吉林|"
                     r"黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|"
                     r"青海|宁夏|新疆|内蒙|台湾|香港|澳门|华西|协和|湘雅|同济|阿里|老家|国外")


def chinese_carriers(shared) -> list[str]:
    """ChatMed-Consult queries, unwrapped, first one or two clauses, without place, hospital, title,
    person-name or date markers."""
    out = []
    for line in (Path(shared) / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "")
        q = "".join(q.split())
        parts = re.split(r"(?<=[。！？!?])", q)
        s = "".join(parts[:2]) if len("".join(parts[:2])) <= 90 else parts[0]
        if 8 <= len(s) <= 90 and not _ZH_BAD.search(s):
            out.append(s if s[-1] in "。！？!?，," else s + "。")
    return out


def _full_name(base: str, given: str, family: str, rnd: random.Random) -> str:
    if base == "zh_minority":
        return given
    if base.startswith("zh"):
        nick = rnd.choice(NAMES[base][2])
        shapes = [family + given] * 3 + ([f"{nick} {family}", f"{family}{given} {nick}"] if nick.isascii() else [])
        return rnd.choice(shapes)
    shapes = [f"{given} {family}"] * 3
    if base == "india":
        shapes += [f"{family[0]}. {given}", f"{given} {rnd.choice(['Kumar', 'Devi', 'Lal'])} {family}"]
    elif base == "nigeria":
        shapes += [f"{family.upper()} {given}", f"{given} {rnd.choice(NAMES[base][0])} {family}"]
    elif base == "philippines":
        shapes += [f"{given} {rnd.choice(NAMES[base][1])} {family}", f"{family}, {given}"]
    elif base == "malaysia":
        if " " in given or given in ("Farah", "Azlan"):
            shapes = [f"{given} {rnd.choice(['bin', 'binti'])} {family}"]
        elif given in ("Kumar", "Devi", "Kavitha"):
            shapes = [f"{given} {rnd.choice(['a/l', 'a/p'])} {family}"]
        else:
            shapes = [f"{family} {given}", f"{rnd.choice(['Jason', 'Michelle'])} {family} {given}"]
    elif base == "singapore":
        shapes = [f"{family} {given}", f"{given} {family}", f"{given} s/o {family}"]
    elif base == "wales":
        shapes += [f"{given} ap {rnd.choice(NAMES['wales'][0])}"]
    elif base == "ireland":
        shapes += [f"{given} {family}".replace("Ó ", "O "), f"{given} {rnd.choice(NAMES[base][0])} {family}"]
    elif base == "canada":
        shapes += [f"{family}, {given}", f"{given}-{rnd.choice(['Marie', 'Paul'])} {family}"]
    return rnd.choice(shapes)


class DocValues:
    """The identifiers of one document: one main person (and relatives, a doctor) of one culture."""

    _towns: dict[str, tuple] = {}

    def __init__(self, culture: str, style: str, rnd: random.Random):
        self.rnd, self.style, self.culture = rnd, style, culture
        base = self.base = ALIAS.get(culture, culture)
        givens, fams, self.nicks = NAMES[base]
        self.given = rnd.choice(givens)
        self.family = rnd.choice(fams) if fams else self.given.split("·")[0]
        self.dob = random_date(rnd, False)
        self.zh = base.startswith("zh")
        if self.zh:
            self.towns = ZH_PLACES[base]
        else:
            if base not in self._towns:
                self._towns[base] = geo_places(base)
            self.towns = self._towns[base]
        self.casual = style not in FORMAL and not self.zh
        self.drugs = rnd.sample(ZH_DRUGS if self.zh else EN_DRUGS, 2)
        self.doctor = rnd.choice((ZH_DOCTORS if self.zh else DOCTORS) + fams)  # one doctor per document

    def _lower(self, s: str) -> str:
        return s.lower() if self.casual and self.rnd.random() < 0.12 else s

    def _person(self, main: bool) -> str:
        r = self.rnd
        if main:
            return self._lower(_full_name(self.base, self.given, self.family, r))
        givens, fams, _ = NAMES[self.base]
        fam = self.family if (r.random() < 0.6 or not fams) else r.choice(fams)
        return self._lower(_full_name(self.base, r.choice(givens), fam if fams else "", r))

    def _town(self, exclude: str = "") -> str:
        towns = [t for t in self.towns if t != exclude]
        return self.rnd.choice(towns)

    def _address(self):
        r = self.rnd
        if self.base == "zh_overseas":
            other = r.choice(["new_zealand", "scotland", "us_hispanic"])
            return address(other, r, self._towns.setdefault(other, geo_places(other)), INVENTED[other])
        if self.base == "zh_sea":
            other = r.choice(["malaysia", "singapore"])
            return address(other, r, self._towns.setdefault(other, geo_places(other)), INVENTED[other])
        if self.zh:
            return zh_address(self.culture, r)
        return address(self.base, r, self.towns, INVENTED[self.base])

    def _phone(self, intl: bool) -> str:
        r = self.rnd
        home, away = PHONE_REGIONS[self.base]
        region = r.choice(away if intl and r.random() < 0.6 else home)
        return phone_text(random_phone(region, r), region, r, intl or r.random() < 0.15)

    def pieces(self, slot: str) -> list[tuple[str, str | None, str | None]]:
        """The slot's text as (piece, ENTITY or None, medical kind or None)."""
        r = self.rnd
        one = {
            "name": lambda: (self._person(True), "PERSON"), "kin": lambda: (self._person(False), "PERSON"),
            "given": lambda: (self._lower(self.given.split("·")[0]), "PERSON"),
            "family": lambda: (self.family, "PERSON"), "nick": lambda: (r.choice(self.nicks), "PERSON"),
            "doc": lambda: (self.doctor, "PERSON"),
            "phone": lambda: (self._phone(False), "PHONE"), "phone2": lambda: (self._phone(False), "PHONE"),
            "intl": lambda: (self._phone(True), "PHONE"),
            "place": lambda: (self._town(), "LOCATION"), "place2": lambda: (self._town(), "LOCATION"),
            "lplace": lambda: ((r.choice(ZH_SMALL) if self.zh else self._town().lower()), "LOCATION"),
            "street": lambda: (street_line(self.base, r), "STREET"),
            "email": lambda: (email(self.base, self.given, self.family, r), "EMAIL"),
            "url": lambda: (url(self.base, self.family, self._town(), r), "URL"),
            "dob": lambda: (date_text(self.dob, self.base, r, False), "DATE"),
            "visit": lambda: (date_text(random_date(r, True), self.base, r, True), "DATE"),
        }
        if slot in one:
            text, ent = one[slot]()
            return [(text, ent, None)]
        if slot in ("idcard", "mrn", "insurer", "abha"):
            return [(make_id(self.base, slot, r, self.dob, self.family, self.given), "ID", None)]
        if slot == "addr":
            return [(t, e, None) for t, e in self._address()]
        if slot in ("drug", "drug2"):
            return [(self.drugs[slot == "drug2"], None, MED)]
        if slot in ("cond", "epo"):
            pool = {("cond", False): EN_CONDS, ("epo", False): EN_EPONYMS, ("cond", True): ZH_CONDS,
                    ("epo", True): ZH_EPONYMS}[(slot, self.zh)]
            return [(r.choice(pool), None, MED)]
        raise KeyError(slot)


def fill(d, template: str, values: DocValues, carrier: str, terms) -> None:
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        d.add(template[pos:m.start()])
        if m.group(1) == "carrier":
            d.carrier(carrier, terms)
        else:
            for text, ent, med in values.pieces(m.group(1)):
                d.add(text, ent, med)
        pos = m.end()
    d.add(template[pos:])


def build_blind16(n_en: int = 400, n_zh: int = 200, Doc=None, terms=None, data=None, shared=None) -> list[dict]:
    rnd = random.Random(16161)
    patient, doctor = english_carriers(data, "input"), english_carriers(data, "output")
    zh_carriers = chinese_carriers(shared)
    docs = []
    for lang, n, styles in (("en", n_en, EN_STYLES), ("zh", n_zh, ZH_STYLES)):
        names = list(styles)
        for i in range(n):
            style = names[i % len(names)]
            culture, templates = styles[style]
            if culture == "mixed":
                culture = rnd.choice(EN_CULTURES)
            values = DocValues(culture, style, rnd)
            pool = zh_carriers if lang == "zh" else (doctor if style in DOCTOR_SIDE else patient)
            d = Doc()
            fill(d, rnd.choice(templates), values, rnd.choice(pool), terms)
            docs.append({"id": f"blind16-{lang}-{i:04}", "lang": lang, "origin": f"blind16/{style}",
                         "text": d.text(), "pii": d.pii, "medical": d.medical})
    return docs
