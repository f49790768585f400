"""The third blind PII split of issue 18 ("blind3"): a split to MEASURE with, never to tune on.

Authorship rule: written by an author who never opened the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests and data, the scrub bench modules or the other splits
(tune, tune-hard, untouched, fresh, blind, blind2), and who never ran the scrubber on this split
nor saw a recall figure. Never tune on it, never print its misses: report aggregate figures only.

Styles (one author voice each; English): an elderly patient writing formally, a teenager, a nurse's
handover note, a pharmacist's query, a lab report header, a telehealth booking confirmation, an
insurance claim form, a school nurse's letter, a coach's sports-injury message, a migrant worker in
simple English, a machine translation from Spanish/Portuguese/French/Russian/Turkish/Vietnamese, a
Reddit-style post, SMS shorthand. Chinese (bench/scrub_blind3_zh.py): WeChat messages with emoji,
a 病历 header, an overseas Chinese mixing English, Singapore/Malaysia Chinese.

Identifiers (bench/scrub_blind3_values.py): names of 23 cultures in many written forms, phones that
phonenumbers accepts from 35 regions, places below state level, national street shapes, IDs, dates.
Medical words planted next to them (eponyms, drugs, brands) are labelled "blind3-medical".
Carriers: GenMedGPT-5k patient/doctor turns (English), ChatMed-Consult and KUAKE-QIC queries
(Chinese), dropping any that name a person or place or hold a date or a long number.
Seed: random.Random(8080), one generator for everything, drawn in a fixed order.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from scrub_blind3_values import NAMES, NICKNAMES, REGIONS, Person, date, email, national_id, phone, street, url
from scrub_blind3_zh import chinese_docs

MEDICAL = "blind3-medical"
EPONYMS = ["Parkinson's disease", "Bell's palsy", "Hashimoto's thyroiditis", "Crohn's disease", "Addison's disease",
           "Graves' disease", "Cushing's syndrome", "Alzheimer's", "Guillain-Barré syndrome", "Sjögren's syndrome",
           "Raynaud's", "Hodgkin lymphoma", "Tourette syndrome", "Osgood-Schlatter disease", "Kawasaki disease",
           "Meniere's disease", "Huntington's disease", "Baker's cyst", "Achilles tendinopathy", "Wilson's disease"]
DRUGS = ["ibuprofen", "metoprolol", "amlodipine", "sertraline", "warfarin", "levothyroxine", "Augmentin", "Lipitor",
         "Tylenol", "Ventolin", "Zyrtec", "Keppra", "Ozempic", "Paxlovid", "Eliquis", "Xarelto", "Naproxen", "Advil",
         "Claritin", "Januvia", "prednisolone", "Humira", "Lyrica", "Ritalin", "Jardiance", "carbamazepine"]
SYMPTOMS = ["shortness of breath", "tinnitus", "night sweats", "palpitations", "a swollen ankle", "blurred vision",
            "chest tightness", "heartburn", "numbness in my hand", "a rash", "dizziness", "a hamstring strain"]

# {C}: the carrier. Name keys: name (any form), full, first, last, caps, lower, lf, init, nick, kin, kinfirst,
# staff, stafflast. Others: phone, land, city, town, citylc, street, email, url, id/idl, id2/id2l, dob, date,
# date2, fdate. Medical: drug, drug2, epo, sym.
STYLES: dict[str, tuple[list[str], list[str], list[str]]] = {
    # style: (regions, patient-side templates, doctor-side carrier templates are marked with {D})
    "elderly-formal": (["GB", "US", "IE", "AU", "CA", "NZ"], [
        "Dear Sir or Madam,\n\nI beg your pardon for troubling you. My name is {full}, born {dob}, and I reside at {street}, {city}. "
        "I have been under treatment for {epo} for some years and take {drug} each morning. {C} My late husband always said I worry "
        "too much, but my daughter {kinfirst} insisted I write. Should you wish to telephone, my number is {land}; my grandson set up "
        "an email for me, {email}.\n\nYours faithfully,\n{full}",
        "To whom it may concern,\n\nI write on behalf of myself, {lf}, a retired schoolmistress of {town}, aged eighty. {C} "
        "My records should be under {idl} {id}. I last saw the doctor on {date}. I would be grateful for a reply by post to "
        "{street}, {town}, or by telephone on {land}.\n\nRespectfully yours,\n{init}"]),
    "teenager": (["US", "GB", "AU", "CA", "PH"], [
        "hiii ok so im {lower} (16) and {C} my mom {kin} says its nothing lol but idk. been taking {drug} since {date}. "
        "text me {phone} or dm {url} pls dont tell my school in {citylc}",
        "so basically {C} i live in {city} w my dad. my bff {kinfirst} has {epo} and now im scared i have it too?? "
        "my email is {email} if thats easier. im {first} btw"]),
    "nurse-handover": (["GB", "AU", "US", "IE", "NZ", "IN"], [
        "HANDOVER 19:00 - Bay 4 Bed 2\nPt: {caps} ({idl} {id}), DOB {dob}. Adm {date} via ED. Hx {epo}. Meds: {drug}, {drug2}. "
        "{C} NOK: {kin} (daughter) {phone}. Lives alone at {street}, {town}. Handed over by RN {staff} to {stafflast}.",
        "Night handover. {lf}, {idl} {id}. Came in {date} from {city}. {C} Family aware - son {kinfirst} on {phone}. "
        "On {drug}, watch for {sym}. Checked with charge nurse {staff}."]),
    "pharmacist": (["US", "CA", "GB", "AU", "DE", "NL", "JP", "KR", "NO"], [
        "Pharmacy query re: {full} (DOB {dob}, {idl} {id}). Rx for {drug} received {date} from the practice. {C} "
        "Patient also buys {drug2} OTC. Pharmacist {staff}, call back on {land}, fax not working.",
        "Hi, this is {staff} from the pharmacy on {street}, {city}. Your patient {full} brought in a script for {drug} "
        "but also takes {drug2} for {epo}. {C} Please ring {land} or email {email}."]),
    "lab-report": (["US", "IN", "GB", "AU", "KE", "NG", "GR", "FI", "PL"], [
        "LABORATORY REPORT\nPatient: {lf}    Sex: F    DOB: {dob}\n{idl}: {id}    Collected: {date}    Reported: {date2}\n"
        "Address: {street}, {city}    Tel: {phone}\nReferring: Dr {staff}\nClinical notes: ?{epo}. On {drug}.\n{C}",
        "PATHOLOGY  |  {caps}  |  {idl} {id}  |  D.O.B. {dob}\nSpecimen received {date}. Copy to {email}. {C}"]),
    "telehealth": (["US", "CA", "AU", "GB", "SE", "DE", "NL", "IL", "JP", "KR"], [
        "Your video visit is confirmed!\nPatient: {full}\nWhen: {date}, 4:30 PM\nJoin: {url}\nWe'll text {phone} 15 minutes before. "
        "Reason for visit: {C}\nBilling address on file: {street}, {city}. Questions? Reply to this email ({email}).",
        "Booking ref for {full} ({idl} {id}) with Dr {stafflast}: {date}. Location: online, you are in {city}. "
        "Reason: {sym} and {epo} follow-up. {C}"]),
    "insurance-claim": (["US", "IN", "PH", "DE", "AU", "MX", "BR"], [
        "CLAIM FORM - SECTION A\n1. Insured member: {caps}\n2. {idl}: {id}\n3. Date of birth: {dob}\n4. Address: {street}, {city}\n"
        "5. Phone: {phone}   Email: {email}\n6. Date of service: {date}\n7. Diagnosis / description: {epo}; {C}\n8. {id2l}: {id2}",
        "Re claim for {lf}, {id2l} {id2}. Treatment on {date} at home, {street}, {town}. {C} Dependant: {kin}. "
        "Medication claimed: {drug}."]),
    "school-nurse": (["US", "GB", "AU", "NZ", "IE", "KE"], [
        "Dear Parent/Guardian of {full},\n\nToday ({date}) your child came to the health office. {C} We gave nothing but water, "
        "as the form on file only allows {drug}. Please note {first} has {epo} listed. You can reach me, Nurse {stafflast}, "
        "at {land} or {email}.\n\nSchool Health Office, {town}",
        "Note home: {full} (Year 5) felt unwell after lunch. {C} Emergency contact {kin} was called at {phone}. "
        "Pupil address on record: {street}, {town}."]),
    "coach": (["US", "GB", "AU", "NG", "KE", "BR", "NZ"], [
        "Coach here - {first} went down at training at the {town} grounds tonight. {C} Her mum is {kin}, ph {phone}. "
        "She's on {drug} for {epo}. Next game is in {city}, I need clearance by {date}.",
        "hi doc, {lower} is one of my U17s, DOB {dob}. {C} possible {sym}. parent contact {kinfirst} {phone}, "
        "{email}. address for the form: {street}, {city}. thanks, {staff}"]),
    "migrant-simple": (["PH", "IN", "NG", "ID", "VN", "ET", "KE", "TH", "IR"], [
        "Good day doctor. I am {full}. I am work in construction, I come from {city} before. {C} I have no insurance. "
        "My {idl} is {id}. My phone {phone}, whatsapp same. My room {street}, {town}. Thank you very much sir.",
        "doctor please help. name {caps}, passport {id2}. {C} the company doctor give me {drug} only. my wife {kinfirst} "
        "in {city} call her {phone}. i am staying {street}"]),
    "machine-translated": (["MX", "BR", "ES", "PT", "RU", "TR", "VN"], [
        "Good afternoon doctor, I am called {full} and I have {age} years. I live in the city of {city}, in the street {street}. "
        "{C} The date of my birth is {fdate}. I write with the translator, pardon the mistakes. My telephone is {phone}.",
        "Esteemed doctor, to you writes {lf}. Since {fdate} the pain does not leave me. {C} The doctor of {town} gave me {drug}. "
        "My mail electronic: {email}. Number of document {id}."]),
    "reddit": (["US", "CA", "GB", "AU"], [
        "[Serious] 34F, diagnosed with {epo} last year, on {drug}. {C}\n\nEDIT: for the people asking, I'm in {city}, the clinic "
        "on {street}. My fundraiser is {url}. Please don't PM me, I'm {first} and I'm exhausted.\n\nEDIT 2: appt on {date}.",
        "throwaway bc my family uses reddit. {C} my husband {kin} thinks it's {sym} from the {drug}. we're near {town}. "
        "update thread here: {url}"]),
    "sms": (["GB", "US", "AU", "IN", "NG", "KE"], [
        "hi its {first} {C} cn u call me b4 5 on {phone} thx. appt was {date}",
        "{lower} here. rx 4 {drug} ran out. {C} @ {street} {citylc} til tmrw. txt {phone}",
        "msg from {kinfirst}: mum ({full}) fell, {C} were at hers {street}, {town}. her bday {dob} if they ask. ring {phone}"]),
}
DOCTOR_REPLIES = [
    "Dear {first},\n{D}\nKind regards,\n{staff}",
    "Hello {caps}. {D} I have sent the referral to {email}; if you do not hear back by {date}, call {land}. {staff}",
    "{D}\nWish you good health.\n{staff}",
    "Thank you for your message, {lf}. {D} Please bring your {idl} card ({id}) on {date}.",
]
FOREIGN_DATE = {"MX": "es", "ES": "es", "BR": "pt", "PT": "pt"}


def _clean_en(text: str) -> bool:
    """A carrier with no identifier of its own: no title, names, places, dates or long numbers."""
    return not re.search(r"\d{3,}|\b(Mr|Mrs|Ms|Miss|Dr|Doctor [A-Z]|name is|live in|from [A-Z]|January|February|March|"
                         r"April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|"
                         r"Thursday|Friday|Saturday|Sunday|Hospital|Clinic|Street|Avenue|@|www|http)\b", text) \
        and 20 < len(text) < 700


class Values:
    """The identifiers of one document, drawn on first use and kept for the document."""

    def __init__(self, rnd: random.Random, region: str):
        self.rnd, self.region = rnd, region
        self.phone_region, cultures, self.places, self.shape, self.ids = REGIONS[region]
        culture = rnd.choice(cultures)
        self.p, self.kin, self.staff = Person(rnd, culture), Person(rnd, culture), Person(rnd, rnd.choice(sorted(NAMES)))
        self.cache: dict[str, tuple[str, str | None, str | None]] = {}
        self._ids = [national_id(rnd, k) for k in self.ids] + [national_id(rnd, "passport")]

    def get(self, key: str) -> tuple[str, str | None, str | None]:
        if key not in self.cache:
            self.cache[key] = self._draw(key)
        return self.cache[key]

    def _draw(self, key: str):
        r, p = self.rnd, self.p
        person = {"name": lambda: p.form(), "full": lambda: p.form("full"), "first": lambda: p.first,
                  "last": lambda: p.last, "caps": lambda: p.form("caps"), "lower": lambda: p.form("lower"),
                  "lf": lambda: p.form("last_first"), "init": lambda: p.form("initials"),
                  "nick": lambda: r.choice(NICKNAMES), "kin": lambda: self.kin.form(r.choice(["full", "full", "hyphen"])),
                  "kinfirst": lambda: self.kin.first, "staff": lambda: self.staff.form(r.choice(["full", "initials", "first"])),
                  "stafflast": lambda: self.staff.last}
        if key in person:
            return person[key](), "PERSON", None
        places = sorted(self.places)
        other = {
            "phone": lambda: (phone(r, self.phone_region, "mobile"), "PHONE"),
            "land": lambda: (phone(r, self.phone_region, "fixed"), "PHONE"),
            "city": lambda: (places[0 if r.random() < 0.3 else r.randrange(len(places))], "LOCATION"),
            "town": lambda: (r.choice(places), "LOCATION"),
            "citylc": lambda: (r.choice(places).lower(), "LOCATION"),
            "street": lambda: (street(r, self.shape), "STREET"),
            "email": lambda: (email(r, p), "EMAIL"), "url": lambda: (url(r, p), "URL"),
            "id": lambda: (self._ids[0][1], "ID"), "idl": lambda: (self._ids[0][0], None),
            "id2": lambda: (self._ids[-1][1], "ID"), "id2l": lambda: (self._ids[-1][0], None),
            "dob": lambda: (date(r, birth=True), "DATE"), "date": lambda: (date(r), "DATE"), "date2": lambda: (date(r), "DATE"),
            "fdate": lambda: (date(r, lang=FOREIGN_DATE.get(self.region, "en")), "DATE"),
            "age": lambda: (str(r.randrange(24, 70)), None),
        }
        if key in other:
            return (*other[key](), None)
        med = {"drug": DRUGS, "drug2": DRUGS, "epo": EPONYMS, "sym": SYMPTOMS}[key]
        return r.choice(med), None, MEDICAL


def fill(doc, template: str, values: Values, carrier: str, terms) -> None:
    """Write the template into doc: identifiers labelled where they land, {C}/{D} as the carrier."""
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        if m.group(1) in ("C", "D"):
            doc.carrier(carrier, terms)
        else:
            text, entity, medical = values.get(m.group(1))
            doc.add(text, entity, medical)
        pos = m.end()
    doc.add(template[pos:])


def english_docs(n: int, rnd: random.Random, Doc, terms, carriers: list[dict]) -> list[dict]:
    patients = [c["input"].strip() for c in carriers if _clean_en(c.get("input", ""))]
    doctors = [c["output"].strip() for c in carriers if _clean_en(c.get("output", ""))]
    styles = list(STYLES)
    docs = []
    for i in range(n):
        reply = i % 5 == 4
        style = "doctor-reply" if reply else styles[i % len(styles)]
        region = rnd.choice(STYLES[styles[i % len(styles)]][0])
        template = rnd.choice(DOCTOR_REPLIES if reply else STYLES[style][1])
        carrier = rnd.choice(doctors if reply else patients)
        doc = Doc()
        fill(doc, template, Values(rnd, region), carrier, terms)
        docs.append({"id": f"blind3-en-{i}", "lang": "en", "origin": f"blind3/{style}/{region}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    return docs


def build_blind3(n_en: int, n_zh: int, Doc, terms, english_carriers: list[dict], shared: Path) -> list[dict]:
    """The blind3 split: n_en English and n_zh Chinese documents, the same in every process."""
    rnd = random.Random(8080)
    return english_docs(n_en, rnd, Doc, terms, english_carriers) + chinese_docs(n_zh, rnd, Doc, terms, shared, fill)
