"""The *fresh* PII split (issue 18, third round): phrasings, value sources, carriers and seed that
neither the tuning split nor the first untouched split uses, written in one sitting BEFORE the
recognizer changes of this round, by someone who never saw a miss of the untouched split.
Its misses are never printed (bench/scrub.py refuses): it is measured, never tuned on.

What is different from `scrub_phrasings.py` (so a rule fitted to those phrasings does not carry):
- styles: intake forms and referral letters ("Re:", "Next of kin:"), forum posts written for a
  relative, SMS shorthand, names mid-sentence and at the start of a sentence, possessives, lists of
  people, names in UPPER CASE on forms, third-person mentions of doctors and nurses;
- names from Faker locales the other splits do not use (Nordic, Central European, Iberian and
  Latin American, Nigerian, Kenyan, Thai, Zulu, Irish, New Zealand, Canadian French);
- places: real town lists of Faker locales the other splits do not use (Portugal, Argentina,
  Czechia, Sweden, Finland, Denmark, Slovakia, Croatia, Slovenia, South Africa, Bangladesh;
  many of them villages far below 15k people) and a list of Asian and African towns written here;
- street addresses of other shapes (Australian, New Zealand, Irish, Malaysian, Bangladeshi,
  Bangalore cross/main, Hyderabad door numbers, PO boxes, units and flats), lower case too;
- medical words that must stay: brand-name drugs and eponymous diseases, capitalised;
- carriers: GenMedGPT turns under another seed, ChatMed *answers* and KUAKE-QIC queries (the
  other splits use ChatMed questions); Chinese names in traditional characters too (zh_TW).
"""
from __future__ import annotations

import random

from scrub_fresh_values import FreshValues

SEED = 5077
# ----------------------------------------------------------------------------- English, patient
EN_OPEN = [
    "Posting for my mum, {name}, who doesn't use the internet. ",
    "NAME: {name_upper}   AGE: {age}   TOWN: {city_upper}\n",
    "Patient: {last}, {first}\nDOB: {dob}\n",
    "{first} has had this for a week now and we are getting worried. ",
    "My partner {first} and I are both {age}. ",
    "yo doc its {first_lower} from {city_lower} again ",
    "Re: {name}, {age} y\n",
    "Good afternoon. I spoke to {first} at the front desk of your clinic and she told me to write here. ",
    "We (me and my husband {first2}) moved to {city} in spring. ",
    "hlo sir me {first_lower} {last_lower} frm {city_lower} ",
    "Doctor, {first}'s fever will not go down. ",
    "Olá doctor, I am writing from {city}. My name is {first}. ",
    "I am a {age} year old teacher in {city}. ",
    "{name} here - nurse at a care home in {city}. ",
    "My kids {first}, {first2} and {first3} all have the same rash. ",
    "To the doctor on duty. I am {name} and my grandson {first2} has asthma. ",
    "sorry for my english, i am {first_lower} and i live in small town called {city_lower} ",
    "Submitted by: {name} ({city})\n",
    "My neighbour {name} told me to ask you. ",
    "Hi, {last} family here from {city}. ",
]
EN_MID = [
    "We live at {street}, {city}. ",
    "Our home: {street}, {city} {postcode}",
    "my address {street_lower} {city_lower} ",
    "Postal address: {pobox}, {city}. ",
    "Please post the prescription to {street}. ",
    "You can send letters to {pobox} {city} {postcode}. ",
    "Mobile: {phone} | Alt: {phone2}\n",
    "text me at {phone} pls ",
    "best number to reach me is {phone}. ",
    "Tel. {phone} (home) ",
    "Next of kin: {name2}, {phone}\n",
    "Emergency contact {name2} on {phone2}. ",
    "mail: {email} ",
    "Write back to {email} thanks. ",
    "All the scans are in this folder: {url} ",
    "Hospital no. {mrn}\n",
    "NHS no {mrn}. ",
    "Admitted {visit}, discharged two days later. ",
    "Birthday {dob}. ",
    "I spoke with Dr {doctor_last} yesterday and he was not sure. ",
    "Nurse {first2} at the health centre said to rest. ",
    "{first2} from the pharmacy in {city} gave me {Drug}. ",
    "{first2}'s school in {city} sent him home. ",
    "The heat in {city} makes it worse. ",
    "We travelled to {city} for a second opinion. ",
    "there's no specialist in {city_lower} so we go to {city2_lower} ",
    "My brother-in-law {name2} in {city} had {Disease} as a child. ",
    "He was on {Brand} and then {Brand2}. ",
    "Can I take {Brand} with {drug}? ",
    "Dr {doctor_last} thinks it could be {Disease}. ",
    "Is {Disease} contagious? My wife {first2} is pregnant. ",
    "Stopped the {Brand} after 3 days. ",
    "We are about 40 km outside {city}. ",
    "I grew up in {city} and still visit my parents there. ",
    "The closest clinic is the one in {city}, {street}. ",
    "I work as a driver between {city} and {city2}. ",
]
EN_CLOSE = [
    "\nCheers, {first}",
    "\n\n{name}\n{street}\n{city} {postcode}",
    "\nMany thanks - {name}",
    "\nkind regds {first_lower}",
    "\nSent from my phone\n{first}",
    "\nThanks in advance, {name} ({phone})",
    "\nYours,\n{first} {last}\nMob. {phone}",
    "\nappreciate it {first_lower} {last_lower}",
    "\nRegards\n{NAME_UPPER}",
    "\n-{first}, {city}",
    "",
]
# ----------------------------------------------------------------------------- English, doctor
EN_DOC_OPEN = [
    "Dear {name}, ",
    "Hi {first} and thanks for reaching out. ",
    "{first}, I am sorry to hear this. ",
    "Hello Mr {last}. ",
    "Greetings {first}! ",
    "Hi there, {first}. ",
    "Thanks for the details, Ms {last}. ",
    "",
]
EN_DOC_CLOSE = [
    "\nKind regards,\nDr {doctor}\n{clinic}\n{street}, {city}",
    "\nSincerely,\n{doctor}, MBBS\n{city}",
    "\nAll the best - {doctor}",
    "\n{doctor}\nFamily Physician, {clinic}\nPh {phone}",
    "\nPlease book with my colleague Dr {doctor_last} at {clinic} ({phone}).",
    "\nGet well soon {first}!\nDr {doctor_last}",
    "\nYou can find our clinic at {street}, {city}.",
    "\nTake care.\n{doctor}\n{email}",
    "\nBest wishes to you and {first2}.\n{doctor}",
    "\nRegards, Dr. {doctor} | {clinic} | {city}",
    "",
]
# ----------------------------------------------------------------------------- Chinese
ZH_OPEN = [
    "大夫好，我老婆{zh_name}怀孕{age}周了，",
    "我是{zh_city}的{zh_name}，",
    "患者：{zh_name}（{age}岁）\n",
    "{zh_name}同学，",
    "我们是从{zh_city}过来看病的，",
    "本人{zh_name}，在{zh_city}做生意，",
    "我儿子{zh_name}今年{age}岁，",
    "Hi 医生，我叫{name}，在{zh_city}工作，",
    "{zh_last}老师好，",
    "",
]
ZH_MID = [
    "手机号：{cn_mobile}。",
    "麻烦回电 {cn_mobile}，",
    "办公室电话{cn_landline}。",
    "我住{zh_city}{zh_district}，",
    "之前在{zh_city}看过，吃了{zh_drug}。",
    "微信同号{cn_mobile}。",
    "我在{zh_city}出差，{zh_symptom}三天了，",
    "联系邮箱：{email}，",
    "医保号{mrn}，",
    "检查结果在{url}，",
    "{zh_last}护士说要多喝水，",
    "我姐姐{zh_name}也有{zh_symptom}。",
    "吃了{zh_drug}以后{zh_symptom}好多了。",
    "email: {email} or call {phone}，",
]
ZH_CLOSE = [
    "谢谢！{zh_name}",
    "{zh_name}留言",
    "——来自{zh_city}的{zh_name}",
    "{zh_last}大夫辛苦了",
    "\n{zh_name} 主治医师",
    "\n祝好，{zh_name}",
    "",
]


def _zh_carriers(shared) -> list[str]:
    """ChatMed answers (first sentences) and KUAKE-QIC queries: Chinese text the other splits do not carry."""
    import json
    import re

    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        resp = json.loads(line)["response"].strip()
        cut = [m.end() for m in re.finditer("。", resp) if m.end() <= 160]
        out.append(resp[:cut[-1]] if cut else resp[:160])
    out += [q["query"] for q in json.loads((shared / "huatuo" / "kuake_qic_100.json").read_text(encoding="utf-8"))]
    return [t for t in out if len(t) >= 8]


def build_fresh(n_en: int, n_zh: int, Doc, terms, english_carriers: list[dict], shared) -> list[dict]:
    """Documents of the fresh split: a carrier plus pieces of the templates above."""
    from scrub_splits import _fill

    rnd = random.Random(SEED)
    values = FreshValues(rnd)
    zh_carriers = _zh_carriers(shared)
    docs = []
    for k, idx in enumerate(rnd.sample(range(len(english_carriers)), n_en)):
        rec, d = english_carriers[idx], Doc()
        values.new_doc()
        if k % 2 == 0:
            _fill(d, rnd.choice(EN_OPEN), values)
            d.carrier(rec["input"].strip() + " ", terms)
            for tpl in rnd.sample(EN_MID, rnd.randint(1, 3)):
                _fill(d, tpl, values)
            _fill(d, rnd.choice(EN_CLOSE), values)
        else:
            _fill(d, rnd.choice(EN_DOC_OPEN), values)
            d.carrier(rec["output"].strip(), terms)
            if rnd.random() < 0.5:
                d.add(" ")
                _fill(d, rnd.choice([t for t in EN_MID if "{Brand" in t or "{Disease" in t or "{drug" in t]), values)
            _fill(d, rnd.choice(EN_DOC_CLOSE), values)
        docs.append({"id": f"fresh-en-{idx}-{k}", "lang": "en", "origin": "genmedgpt+fresh", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    for k in range(n_zh):
        d = Doc()
        values.new_doc()
        _fill(d, rnd.choice(ZH_OPEN), values)
        d.carrier(rnd.choice(zh_carriers), terms)
        for tpl in rnd.sample(ZH_MID, rnd.randint(1, 3)):
            _fill(d, tpl, values)
        _fill(d, rnd.choice(ZH_CLOSE), values)
        docs.append({"id": f"fresh-zh-{k}", "lang": "zh", "origin": "chatmed-answers/kuake+fresh", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs
