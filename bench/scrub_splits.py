"""The tuning and untouched PII splits of issue 18: real carrier texts (GenMedGPT turns, ChatMed
questions) with identifiers planted from the phrasings of `scrub_phrasings.py` (each split has its
own half of every template pool and its own seed), and medical words that must stay.

    python bench/make_scrub_devset.py --variant tune|untouched
"""
from __future__ import annotations

import random

from scrub_phrasings import (CITIES, CITY_LOCALES, CLINIC_SHAPES, CN_LANDLINE_SHAPES, CN_MOBILE_SHAPES, DISEASES,
                             DRUGS, NAME_LOCALES, PHONE_SHAPES, SMALL_TOWNS, ZH_CITIES, ZH_DRUGS, ZH_HOSPITALS,
                             ZH_SYMPTOMS, split_pools)

SEEDS = {"tune": 1801, "untouched": 2718}


def _shape(rnd: random.Random, shape: str) -> str:
    return "".join(str(rnd.randint(0, 9)) if c == "#" else c for c in shape)


class Values:
    """Fresh identifier values per document, from Faker locales and the hand-written shapes above.
    `get(slot)` -> (value, label): label is an entity (PERSON, PHONE, CITY, STREET, EMAIL, URL, ID,
    DATE, ORG), "MED:<kind>" for a medical word that must stay, or None."""

    def __init__(self, rnd: random.Random):
        from faker import Faker

        self.rnd = rnd
        locales = sorted(set(NAME_LOCALES + CITY_LOCALES + ["zh_CN", "en_US", "en_GB", "en_IN"]))
        self.fakers = {loc: Faker(loc) for loc in locales}
        for loc in locales:  # in a fixed order: the split must not depend on the hash seed
            self.fakers[loc].seed_instance(rnd.randint(0, 1 << 30))

    def new_doc(self) -> None:
        self.cache: dict[str, tuple[str, str | None]] = {}

    def _faker(self, locs) -> "object":
        return self.fakers[self.rnd.choice(locs)]

    def _person(self) -> tuple[str, str]:
        f = self._faker(NAME_LOCALES)
        return f.first_name(), f.last_name()

    def _city(self) -> str:
        r = self.rnd.random()
        if r < 0.5:
            return self.rnd.choice(CITIES)
        if r < 0.7:
            return self.rnd.choice(SMALL_TOWNS)
        return self._faker(CITY_LOCALES).city()

    def _phone(self) -> str:
        if self.rnd.random() < 0.75:
            return _shape(self.rnd, self.rnd.choice(PHONE_SHAPES[self.rnd.choice(sorted(PHONE_SHAPES))]))
        return self._faker(["en_GB", "en_IN", "en_US", "de_DE", "en_AU" if "en_AU" in self.fakers else "en_GB"]).phone_number()

    def get(self, slot: str) -> tuple[str, str | None]:
        if slot in self.cache:  # the same slot twice in one document is the same person / place
            return self.cache[slot]
        v = self._make(slot)
        self.cache[slot] = v
        return v

    def _make(self, slot: str) -> tuple[str, str | None]:
        rnd, f_us = self.rnd, self.fakers["en_US"]
        base = slot.replace("_lower", "")
        if base in ("name", "first", "last", "first2", "doctor", "doctor_last_first"):
            first, last = self._person()
            value = {"name": f"{first} {last}", "first": first, "last": last, "first2": first,
                     "doctor": f"{first} {last}", "doctor_last_first": f"{first} {last[0]}. {self._person()[1]}"}[base]
            if base == "doctor" and rnd.random() < 0.3:
                prefix = rnd.choice(["Dr. ", "Dr ", "Dr.", "DR. "])
                v = (prefix + value).lower() if slot.endswith("_lower") else prefix + value
                return v, "PERSON@" + str(len(prefix))
            return (value.lower() if slot.endswith("_lower") else value), "PERSON"
        if base in ("city", "city2"):
            c = self._city()
            return (c.lower() if slot.endswith("_lower") else c), "CITY"
        if base == "street":
            f = self.fakers[rnd.choice(["en_US", "en_US", "en_GB", "en_IN"])]
            s = f.street_address().replace("\n", ", ")
            return (s.lower() if slot.endswith("_lower") else s), "STREET"
        if base == "postcode":
            return self.fakers[rnd.choice(["en_US", "en_GB", "en_IN"])].postcode(), "STREET"
        if base in ("phone", "phone2"):
            return self._phone(), "PHONE"
        if base == "email":
            return f_us.email(), "EMAIL"
        if base == "url":
            return f_us.url() + rnd.choice(["", "reports/" + str(rnd.randint(100, 99999))]), "URL"
        if base == "mrn":
            return str(rnd.randint(1_000_000, 99_999_999)), "ID"
        if base in ("dob", "visit"):
            d = f_us.date_between("-70y", "-1y") if base == "dob" else f_us.date_between("-2y", "today")
            return d.strftime(rnd.choice(["%d/%m/%Y", "%m/%d/%Y", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%d.%m.%Y"])), "DATE"
        if base == "clinic":
            first, last = self._person()
            return rnd.choice(CLINIC_SHAPES).format(last=last, city=self._city()), "ORG"
        if base in ("drug", "drug2"):
            return rnd.choice(DRUGS), "MED:planted-drug"
        if base in ("Drug", "Drug2"):
            return rnd.choice(DRUGS).capitalize(), "MED:planted-drug"
        if base in ("Disease", "Disease2"):
            return rnd.choice(DISEASES), "MED:planted-disease"
        if base in ("age", "age_child"):
            return (str(rnd.randint(18, 80)) if base == "age" else f"{rnd.randint(2, 15)} years"), None
        zh = self.fakers["zh_CN"]
        if base == "zh_name":
            return zh.name(), "PERSON"
        if base == "zh_last":
            return zh.last_name(), "PERSON"
        if base in ("zh_city", "zh_city2"):
            c = rnd.choice(ZH_CITIES)
            return (c + "市" if rnd.random() < 0.3 else c), "CITY"
        if base == "zh_hospital":
            if rnd.random() < 0.5:
                return rnd.choice(ZH_CITIES) + rnd.choice(ZH_HOSPITALS), "ORG"
            return rnd.choice(ZH_HOSPITALS), None
        if base in ("zh_symptom", "zh_symptom2"):
            return rnd.choice(ZH_SYMPTOMS), "MED:planted-zh"
        if base in ("zh_drug", "zh_drug2"):
            return rnd.choice(ZH_DRUGS), "MED:planted-zh"
        if base == "cn_mobile":
            return _shape(rnd, rnd.choice(CN_MOBILE_SHAPES)), "PHONE"
        if base == "cn_landline":
            return _shape(rnd, rnd.choice(CN_LANDLINE_SHAPES)), "PHONE"
        if base == "cnid":
            return zh.ssn(), "ID"
        raise KeyError(f"unknown slot {slot!r}")


def _fill(doc, template: str, values: Values) -> None:
    """Append `template` to `doc`, each {slot} filled and labelled where it lands."""
    import re

    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        value, label = values.get(m.group(1))
        if label and label.startswith("MED:"):
            doc.add(value, medical=label[4:])
        elif label and "@" in label:  # "Dr. " before the name is not the identifier
            entity, skip = label.split("@")
            doc.add(value[:int(skip)]).add(value[int(skip):], entity)
        else:
            doc.add(value, label)
        pos = m.end()
    doc.add(template[pos:])


def build_split(split: str, n_en: int, n_zh: int, Doc, terms, english_carriers: list[dict],
                chinese_carriers: list[str], seed: int | None = None) -> list[dict]:
    """Documents of one split: carrier + planted pieces from that split's template halves."""
    pools = split_pools(split)
    rnd = random.Random(SEEDS[split] if seed is None else seed)
    values = Values(rnd)
    docs = []
    picks = rnd.sample(range(len(english_carriers)), n_en)
    for k, idx in enumerate(picks):
        rec, d = english_carriers[idx], Doc()
        values.new_doc()
        if k % 2 == 0:  # a patient's question
            _fill(d, rnd.choice(pools["EN_OPEN"]), values)
            d.carrier(rec["input"].strip() + " ", terms)
            for tpl in rnd.sample(pools["EN_MID"], rnd.randint(1, 3)):
                _fill(d, tpl, values)
            _fill(d, rnd.choice(pools["EN_CLOSE"]), values)
        else:  # a doctor's answer
            _fill(d, rnd.choice(pools["EN_DOC_OPEN"]), values)
            d.carrier(rec["output"].strip(), terms)
            if rnd.random() < 0.5:
                d.add(" ")
                _fill(d, rnd.choice([t for t in pools["EN_MID"] if "{drug" in t.lower() or "{disease" in t.lower()]
                                    or pools["EN_MID"]), values)
            _fill(d, rnd.choice(pools["EN_DOC_CLOSE"]), values)
        docs.append({"id": f"{split}-en-{idx}-{k}", "lang": "en", "origin": "genmedgpt+phrasings", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    for k in range(n_zh):
        d = Doc()
        values.new_doc()
        _fill(d, rnd.choice(pools["ZH_OPEN"]), values)
        d.carrier(rnd.choice(chinese_carriers), terms)
        for tpl in rnd.sample(pools["ZH_MID"], rnd.randint(1, 3)):
            _fill(d, tpl, values)
        _fill(d, rnd.choice(pools["ZH_CLOSE"] if k % 2 == 0 else pools["ZH_DOC"]), values)
        docs.append({"id": f"{split}-zh-{k}", "lang": "zh", "origin": "chatmed+phrasings", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs
