"""The fourth blind PII split of issue 18 ("blind4"): a measuring split, never a tuning one.

Authorship rule: written by an engineer who never opened the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests and data, or the other splits' modules and phrasings, and who
never ran the scrubber on this split nor saw a recall figure. NEVER TUNE ON IT, NEVER PRINT ITS MISSES:
report aggregate figures only, so it stays blind for the next round.

Styles (one template each; `origin` is "blind4/<style>"): English: a grieving relative's long message,
a gym trainer, a truck driver dictating while driving (lower case, fillers), a student in a dorm, a farmer,
a new mother's postpartum questions, a caregiver of a disabled adult, a prisoner's family member, an
offshore worker, a diplomat's spouse abroad, a church volunteer, a User:/Agent: chatbot transcript,
a discharge summary excerpt, a GP's referral fax header. Chinese: a grandparent dictating to a
grandchild, an online pharmacy order note, a patient group chat, a Japanese or Korean writer.
Values (bench/scrub_blind4_values.py): names of many cultures in nine shapes (and next to name-shaped
disease and drug words), phones valid under `phonenumbers` for 31 regions, places below state level,
street addresses in national shapes, emails, URLs, labelled IDs, dates in English and Chinese shapes.
Planted medical words that must stay are labelled "blind4-medical".

Carriers: GenMedGPT-5k patient turns (`input`) and doctor turns (`output`); Chinese ChatMed-Consult
questions (../shared/data/chatmed). Carriers that already hold a capitalised name or place after a
title/preposition, a month name, a long number or (Chinese) a place/hospital/person word are dropped.
Seed: random.Random(9191); no Faker, no set order, so the split is the same in every process."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import scrub_blind4_values as V

ENT = {"name": "PERSON", "name2": "PERSON", "phone": "PHONE", "place": "LOCATION", "street": "STREET",
       "email": "EMAIL", "url": "URL", "id": "ID", "id2": "ID", "date": "DATE", "date2": "DATE"}

EN = {
    "grieving": "i dont even know who to write to. my husband {name} passed on {date} and the coroner in {place} "
                "said it was his heart. he was on {med} and {med2} for years, and had {cond} since forty. {carrier} i keep going over it. his "
                "sister {name2} wants the records sent to {street}, {place2}, her email is {email}. his {idlabel} "
                "was {id}. please ring me on {phone}, any hour. i am so tired",
    "gym": "Yo coach here - client {name} (goes by {nick}) tweaked something on deadlifts {date}. {carrier} He's on "
           "{med} already. Book him at the {place} branch, {street}. Text {phone} or DM {url}",
    "trucker": "ok uh hey siri send to doctor um its {name} again uh im somewhere past {place} on the 40 and um "
               "{carrier} so yeah the {med} aint doing nothing uh call me back {phone} i get off shift like "
               "{date} um my {idlabel} is {id} over",
    "dorm": "hiii so i'm in the dorms at {street} ({place}) and my roommate {name} says i look yellow lol. "
            "{carrier} mom thinks {cond} lol? student {idlabel} {id}, DOB {date}. insta is {url} if u need. email {email}",
    "farmer": "Writing for my neighbour {name}, he's out on the run past {place} and the dog bit him. {carrier} He "
              "takes {med}. Post anything to {street}, {place2}. Landline's dead, mobile {phone}. Born {date}.",
    "postpartum": "Baby {name} arrived {date} (so tiny!). {carrier} Midwife {name2} thought it might be {cond}. "
                  "We're at {street} in {place}. My {idlabel} is {id}, call {phone} after the 2am feed.",
    "caregiver": "I'm the paid carer for {name}, 34, who has cerebral palsy and can't use the phone. {carrier} "
                 "Her mum {name2} holds power of attorney ({email}, {phone}). She's been on {med} since "
                 "{date}. {idlabel}: {id}. Home is {street}, {place}.",
    "prison": "My brother {name} is inside at the facility near {place}, {idlabel} {id}. On the visit {date} he "
              "said {carrier} They stopped his {med}. Please call me, {name2}, at {phone} or write {email}.",
    "offshore": "Msg from rig via sat link. Crew member {name}, {idlabel} {id}, onboard since {date}. {carrier} "
                "Medic gave {med}. Next of kin ashore in {place}: {name2}, {phone}. Crew change flight to "
                "{place2} on {date2}.",
    "diplomat": "Dear Doctor, I am the spouse of a posted officer and we live at {street}, {place}, abroad. "
                "{carrier} The local clinic mentioned {cond}. My {idlabel} is {id}. Our home doctor was Dr. {name} ({email}). Please reach me "
                "on {phone}. Kind regards, {name2}",
    "church": "Hi from the soup kitchen team! One of our regulars, {name}, asked me to write. {carrier} He had "
              "{cond} in the past. Pastor {name2} can be reached at {phone} and our page is {url}. We met at "
              "{street} in {place} on {date}.",
    "chatbot": "User: hi\nAgent: Hello! Can I have your full name?\nUser: {name}\nAgent: Thanks. Date of birth?\n"
               "User: {date}\nAgent: And your {idlabel}?\nUser: {id}\nAgent: What can I help with?\nUser: {carrier}"
               "\nAgent: Any conditions on file?\nUser: {cond}"
               "\nAgent: Is {phone} still the best number?\nUser: yes or {email}\nAgent: Noted. Town?\nUser: {place}",
    "discharge": "DISCHARGE SUMMARY\nPatient: {caps}   {idlabel}: {id}   DOB: {date}\nAdmitted: {date2}\n"
                 "Address: {street}, {place}\nHistory: {carrier}\nDiagnosis: {cond}\nDischarge meds: {med}, {med2}\n"
                 "Follow-up: Dr {name2}, tel {phone}",
    "fax": "FAX -- REFERRAL\nTo: Dr {name2}\nFrom: Dr {comma}\nRe: {name}   D.O.B. {date}   {idlabel} {id}\n"
           "Pt address: {street}, {place}\nPt phone: {phone}\nReason: ?{cond}, on {med}. {carrier}\nPages: 2",
}
ZH = {
    "grandparent": "孙女帮我打的字。我叫{name}，今年七十六了，住在{place}{street}。{carrier}有{cond}，以前一直吃{med}。"
                   "{idlabel}{id}，有事打我孙女{name2}的电话{phone}。",
    "pharmacy": "【订单备注】收货人：{name}，电话{phone}，地址：{place}{street}。用药人{name2}，{idlabel}{id}，"
                "出生日期{date}。购买{med}两盒。{carrier}请医生审核处方。",
    "groupchat": "[病友群] {name}：{carrier}\n[病友群] {name2}：我也吃过{med}，{date}那天在{place}复查的，"
                 "有问题加我微信，手机{phone}",
    "ja_ko": "医生您好，我是在{place}工作的外国人，名字{jk}。中文不太好请原谅。{carrier}我有{cond}，{date}开始吃{med}。"
             "我的{idlabel}是{id}，电话是{phone}，邮箱{email}。",
}
PII_KEYS = ("name", "name2", "nick", "caps", "comma", "jk", "phone", "place", "place2", "street", "email",
            "url", "id", "date", "date2")


def _en_values(rnd) -> dict:
    first, last, nick = rnd.choice(V.NAMES)
    label, idv = V.en_id(rnd)
    return {"name": V.en_name(rnd), "name2": V.en_name(rnd, rnd.choice(("full", "first", "initials", "last"))),
            "nick": nick, "caps": f"{last.upper()}, {first.upper()}", "comma": V.en_name(rnd, "comma"),
            "phone": V.phone(rnd), "place": rnd.choice(V.PLACES), "place2": rnd.choice(V.PLACES),
            "street": V.street(rnd), "email": V.email(rnd), "url": V.url(rnd), "idlabel": label, "id": idv,
            "date": V.date(rnd), "date2": V.date(rnd), "med": rnd.choice(V.DRUGS_EN), "med2": rnd.choice(V.DRUGS_EN),
            "cond": rnd.choice(V.CONDITIONS_EN)}


def _zh_values(rnd) -> dict:
    label, idv = V.zh_id(rnd)
    return {"name": V.zh_name(rnd), "name2": V.zh_name(rnd), "jk": rnd.choice(V.JA_KO_NAMES), "phone": V.zh_phone(rnd),
            "place": rnd.choice(V.ZH_PLACES), "street": V.zh_street(rnd), "email": V.email(rnd), "idlabel": label,
            "id": idv, "date": V.zh_date(rnd), "med": rnd.choice(V.DRUGS_ZH),
            "cond": rnd.choice(V.CONDITIONS_ZH)}


def _render(doc, template: str, values: dict, carrier: str, terms) -> None:
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        key = m.group(1)
        if key == "carrier":
            doc.carrier(carrier, terms)
        elif key.startswith(("med", "cond")):
            doc.add(values[key], medical="blind4-medical")
        elif key in PII_KEYS:
            ent = "PERSON" if key in ("nick", "caps", "comma", "jk") else ENT.get(key.rstrip("2"), ENT.get(key))
            doc.add(values[key], ent)
        else:
            doc.add(values[key])
        pos = m.end()
    doc.add(template[pos:])


EN_DROP = re.compile(r"\d{3,}|\b(?:Dr|Mr|Mrs|Ms|Miss)\b\.?|\b(?:" + "|".join(V.MONTHS) + r")\b|"
                     r"\b(?:in|from|at|near|to|named|called|name is)\s+[A-Z][a-z]+|@|www\.|http")
ZH_DROP = re.compile(r"\d{3,}|[省市县区镇村乡路街号]|医院|医生|大夫|先生|女士|小姐|年.{0,3}月|微信|电话|姓")


def english_carriers(records: list[dict]) -> list[str]:
    out = []
    for r in records:
        for key in ("input", "output"):
            text = " ".join(str(r.get(key, "")).split())
            if 40 <= len(text) <= 400 and not EN_DROP.search(text):
                out.append(text)
    return out


def chinese_carriers(shared: Path) -> list[str]:
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "").strip()
        q = "".join(q.split())
        if 8 <= len(q) <= 200 and not ZH_DROP.search(q) and not re.search(r"[A-Za-z]{2,}", q):
            out.append(q if q[-1] in "。？！?" else q + "。")
    return out


def build_blind4(n_en: int, n_zh: int, Doc, terms, english_carriers_: list[dict], shared: Path) -> list[dict]:
    """`n_en` English and `n_zh` Chinese documents with labelled PII and must-stay medical words."""
    rnd = random.Random(9191)
    en_c, zh_c = english_carriers(english_carriers_), chinese_carriers(shared)
    docs = []
    for lang, n, styles, values, carriers in (("en", n_en, tuple(EN), _en_values, en_c),
                                              ("zh", n_zh, tuple(ZH), _zh_values, zh_c)):
        table = EN if lang == "en" else ZH
        for i in range(n):
            style = styles[i % len(styles)]
            vals = values(rnd)
            if style == "trucker":  # dictated: lower case throughout
                vals = {k: v.lower() if k in ("name", "place") else v for k, v in vals.items()}
            doc = Doc()
            _render(doc, table[style], vals, rnd.choice(carriers), terms)
            docs.append({"id": f"blind4-{lang}-{i:04d}", "lang": lang, "origin": f"blind4/{style}", "text": doc.text(),
                         "pii": doc.pii, "medical": doc.medical})
    return docs
