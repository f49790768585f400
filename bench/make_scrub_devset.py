"""Build the labeled PII development set for `bench/scrub.py`.

Real carrier texts from ../shared/data (GenMedGPT-5k patient and doctor turns; Chinese
consultation questions from ChatMed-Consult and sentences made from the TCM knowledge graph)
with fake identifiers (Faker en_US / zh_CN) planted at known spans, in the shapes that
consultations use: self-introductions, greetings, sign-offs with clinic names, "call me
at ...", addresses, ID numbers, dates of birth, relatives with ages. Medical terms of the
carrier (allow-list terms; TCM herb and formula names) are recorded as spans that must stay.
Plus the hand-labelled natural examples in tests/data/scrub_natural.jsonl.

    python bench/make_scrub_devset.py [--en 400] [--zh 200] [--out /tmp/scrub_devset.jsonl]

Each line: {"id", "lang", "origin", "text", "pii": [[start, end, ENTITY]], "medical": [[start, end, KIND]]}
(KIND: allow-list = a term of the shipped allow-list found in the carrier; tcm = a herb or formula
name from the TCM KG; hand-labelled = marked by hand in a natural example).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
NATURAL = ROOT / "tests" / "data" / "scrub_natural.jsonl"
sys.path.insert(0, str(ROOT))


class Doc:
    """Text built piece by piece; PII pieces are labeled where they land."""

    def __init__(self):
        self.parts: list[str] = []
        self.pii: list[list] = []
        self.medical: list[list] = []
        self.len = 0

    def add(self, text: str, entity: str | None = None, medical: str | None = None) -> "Doc":
        if entity:
            self.pii.append([self.len, self.len + len(text), entity])
        if medical:
            self.medical.append([self.len, self.len + len(text), medical])
        self.parts.append(text)
        self.len += len(text)
        return self

    def fill(self, template: str, values: dict[str, tuple[str, str | None]]) -> "Doc":
        """'Call me at {phone}.' with values {'phone': ('555-...', 'PHONE')}."""
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            self.add(template[pos:m.start()])
            value, entity = values[m.group(1)]
            self.add(value, entity)
            pos = m.end()
        return self.add(template[pos:])

    def carrier(self, text: str, terms) -> "Doc":
        """A real text; its allow-list medical terms are recorded as must-stay spans."""
        for s, e in terms.find(text):
            self.medical.append([self.len + s, self.len + e, "allow-list"])
        return self.add(text)

    def text(self) -> str:
        return "".join(self.parts)


# ----------------------------------------------------------------------------- English
EN_TRAPS = [
    "I was told it could be Parkinson's disease or maybe Crohn's disease.",
    "My uncle had Hodgkin's lymphoma and my cousin has Down syndrome.",
    "I take Tylenol and Lasix every morning, and Zoloft at night.",
    "The doctor mentioned Bell's palsy and Guillain-Barre syndrome.",
    "Is it safe to take Advil with Coumadin?",
    "My mother has Alzheimer's disease and Graves' disease.",
    "They did a CBC, a TSH and an MRI of the brain.",
    "Could this be Cushing's syndrome or Addison's disease?",
    "I have been on Metformin and Lipitor for two years.",
    "My HbA1c was 7.2% and my LDL is 160 mg/dL.",
    "My blood pressure is 150/95 mmHg and my pulse is 96 bpm.",
    "The pain is 7/10 and it started 3 days ago.",
    "She was diagnosed with Kawasaki disease at age 4.",
    "I was prescribed Augmentin 625 mg twice a day for 5 days.",
]


def en_values(fake, rnd) -> dict:
    first, last = fake.first_name(), fake.last_name()
    addr = fake.address()
    return {
        "name": (f"{first} {last}", "PERSON"), "first": (first, "PERSON"), "last": (last, "PERSON"),
        "first_lower": (first.lower(), "PERSON"), "doctor": (f"{fake.first_name()} {fake.last_name()}", "PERSON"),
        "doctor_last": (fake.last_name(), "PERSON"), "relative": (fake.first_name(), "PERSON"),
        "phone": (fake.phone_number(), "PHONE"), "email": (fake.email(), "EMAIL"), "url": (fake.url(), "URL"),
        "address": (addr, "LOCATION"), "street": (fake.street_address(), "LOCATION"),
        "city_zip": (f"{fake.city()}, {fake.state_abbr()} {fake.zipcode()}", "LOCATION"),
        "ssn": (fake.ssn(), "ID"), "mrn": (str(rnd.randint(10_000_000, 99_999_999)), "ID"),
        "policy": (f"{fake.bothify('??#######').upper()}", "ID"),
        "card": (fake.credit_card_number(card_type="visa16"), "ID"),
        "dob": (fake.date_of_birth(minimum_age=18, maximum_age=80).strftime(rnd.choice(["%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y"])), "DATE"),
        "visit": (fake.date_between("-2y", "today").strftime(rnd.choice(["%B %d", "%d %B %Y", "%m/%d/%Y"])), "DATE"),
        "old_age": (f"{rnd.randint(90, 103)} years old", "AGE"),
        "ip": (fake.ipv4_public(), "IP"),
        "clinic": (f"{fake.last_name()} {rnd.choice(['Family', 'Medical', 'Heart', 'Children'])} {rnd.choice(['Clinic', 'Hospital', 'Medical Center'])}", "ORG"),
        "age": (str(rnd.randint(18, 75)), None), "age_child": (f"{rnd.randint(2, 15)} yrs", None),
        "last_only": (last, "PERSON"), "city_only": (fake.city(), "LOCATION"),
    }


EN_PATIENT_OPEN = [
    "Hi doctor, my name is {first_lower}. ", "Hello, my name is {name}. ", "Hi, I am {name}, {age} years old. ",
    "This is {name}. ", "Dear Dr. {doctor_last}, ", "Hi Dr. {doctor_last}, ", "Hello doctor, myself {first}. ",
    "Name: {name}\n", "Hello, I'm {first}, {age} years. ",
]
EN_PATIENT_MID = [
    " You can call me at {phone}.", " My email is {email}.", " Please call me on {phone} or mail me at {email}.",
    " I live at {address}.", " My address is {street}, {city_zip}.", " My SSN is {ssn}.", " My MRN is {mrn}.",
    " My insurance policy number: {policy}.", " DOB: {dob}.", " I was born on {dob}.",
    " My father {relative} is {old_age} and has the same problem.", " My son {relative} has it too.",
    " My wife {relative} is worried.", " I uploaded my reports to {url}.", " I saw a doctor on {visit}.",
    " I paid with card {card}, please refund.", " I am writing from {city_zip}.",
    " (my login IP was {ip})",
]
EN_PATIENT_CLOSE = [
    "\nThanks & Regards,{first}", "\nRegards,\n{name}", " Thanks, {first_lower}", "\nThank you,\n{name}\n{phone}",
    " Sincerely, {name}", "",
]
EN_DOCTOR_OPEN = ["Hello Mrs. {last}, ", "Hi {first}, ", "Dear Mr. {last}, ", "Hello {first}, thanks for your query. ",
                  "Hi, ", ""]
EN_DOCTOR_CLOSE = [
    "\nRegards,\nDr. {doctor}\n{clinic}", "\nBook an appointment at {phone} or visit {url}.",
    "\nDr. {doctor}, {clinic}, {street}", "\nFor follow up write to {email}.", "\nRegards, Dr. {doctor_last}", "",
]

sys.path.insert(0, str(ROOT / "bench"))
import scrub_legacy_shapes as legacy  # noqa: E402


TEMPLATES = {
    "dev": None,  # filled below
    "heldout3": (legacy.H3_EN_PATIENT_OPEN, legacy.H3_EN_PATIENT_MID, legacy.H3_EN_PATIENT_CLOSE, legacy.H3_EN_DOCTOR_OPEN, legacy.H3_EN_DOCTOR_CLOSE,
                 legacy.H3_ZH_OPEN, legacy.H3_ZH_MID, legacy.H3_ZH_CLOSE),
    "heldout2": (legacy.H2_EN_PATIENT_OPEN, legacy.H2_EN_PATIENT_MID, legacy.H2_EN_PATIENT_CLOSE, legacy.H2_EN_DOCTOR_OPEN, legacy.H2_EN_DOCTOR_CLOSE,
                 legacy.H2_ZH_OPEN, legacy.H2_ZH_MID, legacy.H2_ZH_CLOSE),
    "heldout": (legacy.HO_EN_PATIENT_OPEN, legacy.HO_EN_PATIENT_MID, legacy.HO_EN_PATIENT_CLOSE, legacy.HO_EN_DOCTOR_OPEN, legacy.HO_EN_DOCTOR_CLOSE,
                legacy.HO_ZH_OPEN, legacy.HO_ZH_MID, legacy.HO_ZH_CLOSE),
}


def english_docs(n: int, rnd: random.Random, terms, variant: str = "dev") -> list[dict]:
    p_open, p_mid, p_close, d_open, d_close = TEMPLATES[variant][:5]
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(rnd.randint(0, 1 << 30))
    data = json.loads((SHARED / "genmedgpt" / "chatdoctor5k.json").read_text(encoding="utf-8"))
    picks = rnd.sample(range(len(data)), n)
    docs = []
    for k, idx in enumerate(picks):
        rec = data[idx]
        v = en_values(fake, rnd)
        d = Doc()
        if k % 2 == 0:  # patient turn
            d.fill(rnd.choice(p_open), v).carrier(rec["input"].strip(), terms)
            for tpl in rnd.sample(p_mid, rnd.randint(1, 3)):
                d.fill(tpl, v)
            if rnd.random() < 0.5:
                d.add(" ")
                d.carrier(rnd.choice(EN_TRAPS), terms)
            d.fill(rnd.choice(p_close), v)
        else:  # doctor turn
            d.fill(rnd.choice(d_open), v).carrier(rec["output"].strip(), terms)
            if rnd.random() < 0.4:
                d.add(" ")
                d.carrier(rnd.choice(EN_TRAPS), terms)
            d.fill(rnd.choice(d_close), v)
        docs.append({"id": f"{variant}-en-{idx}-{k}", "lang": "en", "origin": "genmedgpt+faker", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs


# ----------------------------------------------------------------------------- Chinese
def _tcm_herbs() -> list[dict]:
    rel = json.loads((SHARED / "tcm_kg" / "herbs_relations.json").read_text(encoding="utf-8"))
    by: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in rel:
        t1, n1 = r["node_1"].split("\t")
        _, n2 = r["node_2"].split("\t")
        if t1 == "中药名":
            by[n1][r["relation"]].append(n2)
    return [{"name": h, **rels} for h, rels in by.items()]


def _tcm_formulas() -> list[dict]:
    rel = json.loads((SHARED / "tcm_kg" / "formulas_relations.json").read_text(encoding="utf-8"))
    presc_of, func, herbs = {}, defaultdict(list), defaultdict(list)
    for r in rel:
        t1, n1 = r["node_1"].split("\t")
        t2, n2 = r["node_2"].split("\t")
        if t1 == "方名" and r["relation"] == "prescription type":
            presc_of.setdefault(n1, n2)
        elif t1 == "处方" and r["relation"] == "functions":
            func[n1].append(n2)
        elif t1 == "处方" and r["relation"] == "composition":
            herbs[n1].append(n2)
    return [{"name": f, "functions": func[p], "herbs": herbs[p]} for f, p in presc_of.items() if func[p] and herbs[p]]


def zh_carrier(rnd, herbs, formulas, queries, d: Doc, terms) -> None:
    kind = rnd.random()
    if kind < 0.35 and queries:
        d.carrier(rnd.choice(queries), terms)
    elif kind < 0.7:
        h = rnd.choice(herbs)
        d.add("请问").add(h["name"], medical="tcm")
        if h.get("another name"):
            d.add("（又名").add(h["another name"][0], medical="tcm").add("）")
        if h.get("functions"):
            d.add("有" + "、".join(h["functions"][:3]) + "的功效吗？")
        if h.get("attending"):
            d.add("我有" + "、".join(h["attending"][:2]) + "，能用吗？")
        if h.get("distribution area"):
            d.add("听说它产自" + "、".join(h["distribution area"][:3]) + "。")
    else:
        f = rnd.choice(formulas)
        d.add("医生开了").add(f["name"], medical="tcm").add("，说是" + f["functions"][0] + "。方子里有")
        for i, herb in enumerate(f["herbs"][:4]):
            if i:
                d.add("、")
            d.add(herb, medical="tcm")
        d.add("，这样吃对吗？")


def _card(rnd) -> str:
    """A 16-digit UnionPay-style bank card number with a valid Luhn digit."""
    digits = [6, 2] + [rnd.randint(0, 9) for _ in range(13)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def zh_values(fake, rnd) -> dict:
    addr = fake.address().split(" ")[0]
    area = rnd.choice(["010", "021", "020", "0755", "028", "0571"])
    return {
        "name": (fake.name(), "PERSON"), "last": (fake.last_name(), "PERSON"),
        "mobile": (fake.phone_number(), "PHONE"), "landline": (f"{area}-{rnd.randint(2000_0000, 8999_9999)}", "PHONE"),
        "email": (fake.email(), "EMAIL"), "cnid": (fake.ssn(), "ID"), "address": (addr, "LOCATION"),
        "qq": (str(rnd.randint(10_000_000, 2_999_999_999)), "ID"),
        "wechat": (fake.user_name() + str(rnd.randint(10, 99)), "ID"),
        "card": (_card(rnd), "ID"),
        "dob": (fake.date_of_birth(minimum_age=18, maximum_age=80).strftime("%Y年%m月%d日"), "DATE"),
        "old_age": (f"{rnd.randint(90, 101)}岁", "AGE"), "url": (fake.url(), "URL"),
        "age": (str(rnd.randint(18, 75)), None),
    }


ZH_OPEN = ["医生您好，我叫{name}，今年{age}岁。", "您好，我是{name}。", "患者{name}，{age}岁。", "{last}医生您好！",
           "姓名：{name}\n", "你好，", ""]
ZH_MID = ["我的手机号是{mobile}。", "联系电话{mobile}，", "电话：{landline}。", "我的邮箱{email}，", "身份证号{cnid}。",
          "身份证：{cnid}，", "家住{address}。", "地址：{address}。", "QQ号{qq}，", "微信：{wechat}。", "银行卡{card}。",
          "出生日期：{dob}。", "我奶奶{old_age}了，", "化验单我传到了{url}上。"]
ZH_CLOSE = ["谢谢{last}医生！", "麻烦您回复到{email}。", "急，请打{mobile}。", ""]


def chinese_docs(n: int, rnd: random.Random, terms, variant: str = "dev") -> list[dict]:
    z_open, z_mid, z_close = TEMPLATES[variant][5:]
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(rnd.randint(0, 1 << 30))
    herbs, formulas = _tcm_herbs(), _tcm_formulas()
    queries = []
    p = SHARED / "chatmed" / "chatmed_consult_test.jsonl"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            q = json.loads(line)["query"]
            q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", q).strip()
            if 10 <= len(q) <= 300:
                queries.append(q)
    docs = []
    for k in range(n):
        v = zh_values(fake, rnd)
        d = Doc()
        d.fill(rnd.choice(z_open), v)
        zh_carrier(rnd, herbs, formulas, queries, d, terms)
        for tpl in rnd.sample(z_mid, rnd.randint(1, 3)):
            d.fill(tpl, v)
        d.fill(rnd.choice(z_close), v)
        docs.append({"id": f"{variant}-zh-{k}", "lang": "zh", "origin": "tcm_kg/chatmed+faker", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs


# ----------------------------------------------------------------------------- natural examples
def natural_docs(path: Path = NATURAL) -> list[dict]:
    """Hand-labelled examples: {"text", "pii": [[value, ENTITY], ...], "medical": [value, ...]};
    each value is located in the text (every occurrence)."""
    docs = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        pii, med = [], []
        for value, entity in row.get("pii", []):
            found = [m.span() for m in re.finditer(re.escape(value), text)]
            if not found:
                raise ValueError(f"{path.name}:{i + 1}: {value!r} not in text")
            pii.extend([s, e, entity] for s, e in found)
        for value in row.get("medical", []):
            found = [m.span() for m in re.finditer(re.escape(value), text)]
            if not found:
                raise ValueError(f"{path.name}:{i + 1}: medical {value!r} not in text")
            med.extend([s, e, "hand-labelled"] for s, e in found)
        docs.append({"id": f"natural-{i + 1}", "lang": row.get("lang", "en"), "origin": "hand-labelled",
                     "text": text, "pii": pii, "medical": med})
    return docs


TEMPLATES["dev"] = (EN_PATIENT_OPEN, EN_PATIENT_MID, EN_PATIENT_CLOSE, EN_DOCTOR_OPEN, EN_DOCTOR_CLOSE,
                    ZH_OPEN, ZH_MID, ZH_CLOSE)


def _chinese_queries() -> list[str]:
    queries = []
    for line in (SHARED / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip()
        if 10 <= len(q) <= 300:
            queries.append(q)
    return queries


# the splits built by their own module, bench/scrub_<split>.py; all the issue-18 splits
OWN_MODULE_SPLITS = ("fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8",
                     "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17")
ISSUE18_SPLITS = ("tune", "tune-hard", "untouched") + OWN_MODULE_SPLITS


def build_split(split: str, n_en: int = 400, n_zh: int = 200, seed: int | None = None) -> list[dict]:
    """The issue-18 splits: "tune" and "tune-hard" (bench/scrub_hard.py; recognizers are tuned on
    them), "untouched" (measured once, aggregate figures only) and "fresh" (bench/scrub_fresh.py:
    other phrasings, sources and carriers; never tuned on) and "blind" (bench/scrub_blind.py: written
    by someone who never read the recognizers or the other splits; never tuned on, misses never
    shown) and "blind2" (bench/scrub_blind2.py: a second blind author, same rules) and "blind3"
    (bench/scrub_blind3.py: a third blind author, same rules) and "blind4" (bench/scrub_blind4.py: a fourth) and "blind5" (bench/scrub_blind5.py: a fifth) and "blind6" (bench/scrub_blind6.py: a sixth) and "blind7" (bench/scrub_blind7.py: a seventh) and "blind8" (bench/scrub_blind8.py: an eighth) and "blind9" (bench/scrub_blind9.py: a ninth) and "blind10" (bench/scrub_blind10.py: a tenth) and "blind11" (bench/scrub_blind11.py: an eleventh) and "blind12" (bench/scrub_blind12.py: a twelfth) and the round-9 training authors "blind13" (patients' own messages), "blind14" (clinicians' and administrators' paperwork) "blind15" (spoken and semi-structured text), "blind16" (the English-speaking world and its neighbours, code-switching) and "blind17" (unusual layouts and registers). Carrier medical terms are those of the disease DB in ../shared/data (fixed, so the gold
    set does not move when the allow-list grows)."""
    import importlib

    sys.path.insert(0, str(ROOT / "bench"))
    from scrub_hard import build_hard
    from scrub_splits import build_split as _build

    from medcorpus.scrub.allowlist import MedicalTerms, terms_from_disease_db

    terms = MedicalTerms(terms_from_disease_db(SHARED / "disease_db" / "format_dataset.csv"))
    data = json.loads((SHARED / "genmedgpt" / "chatdoctor5k.json").read_text(encoding="utf-8"))
    if split in OWN_MODULE_SPLITS:  # bench/scrub_<split>.py, function build_<split>
        return getattr(importlib.import_module(f"scrub_{split}"), f"build_{split}")(n_en, n_zh, Doc, terms, data, SHARED)
    if split == "tune-hard":
        return build_hard(n_en, Doc, terms, data)
    return _build(split, n_en, n_zh, Doc, terms, data, _chinese_queries(), seed)


def build(n_en: int = 400, n_zh: int = 200, seed: int = 13, variant: str = "dev") -> list[dict]:
    """variant "dev": the shapes the recognizers were tuned on, plus the hand-labelled examples;
    "heldout*": other shapes of earlier rounds; "tune" / "untouched" / "fresh" / "blind" / "blind2" / "blind3" / "blind4" / "blind5" / "blind6" / "blind7" / "blind8" / "blind9" / "blind10" / "blind11" / "blind12" / "blind13" / ... / "blind17": the issue-18 splits."""
    from medcorpus.scrub.allowlist import load_terms

    if not SHARED.exists():
        raise SystemExit(f"{SHARED} is missing: the dev set is built from ../shared/data")
    if variant in ISSUE18_SPLITS:
        return build_split(variant, n_en, n_zh)
    terms = load_terms()
    rnd = random.Random(seed)
    docs = english_docs(n_en, rnd, terms, variant) + chinese_docs(n_zh, rnd, terms, variant)
    return docs + natural_docs() if variant == "dev" else docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--en", type=int, default=400)
    ap.add_argument("--zh", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--variant", default="dev",
                    choices=["dev", "heldout", "heldout2", "heldout3", *ISSUE18_SPLITS])
    ap.add_argument("--out", default="/tmp/scrub_devset.jsonl")
    a = ap.parse_args()
    docs = build(a.en, a.zh, a.seed, a.variant)
    with open(a.out, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    n_pii = sum(len(d["pii"]) for d in docs)
    print(f"{len(docs)} docs, {n_pii} planted/labelled identifiers, "
          f"{sum(len(d['medical']) for d in docs)} medical terms -> {a.out}")


if __name__ == "__main__":
    main()
