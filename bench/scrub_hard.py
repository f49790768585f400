"""Harder material on the TUNING side (issue 18, third round): phrasings the tuning split lacks
(form fields, UPPER-CASE names, names at the start of a sentence, possessives, lists of people,
weekday dates, identifiers with other labels and spaced digits, PO boxes, units and flats, places
with a region after them, brand-name drugs and eponymous diseases that must stay). Values come
from the tuning split's own sources (scrub_splits.Values under another seed) and lists below.
Its misses may be read while tuning; the untouched and fresh splits stay unseen.

    python bench/make_scrub_devset.py --variant tune-hard
"""
from __future__ import annotations

import random

from scrub_splits import Values, _fill, _shape

SEED = 1809
EN_OPEN = [
    "PATIENT NAME: {name_upper}\n", "{first} is my younger brother and he has been coughing for days. ",
    "{first}'s knee is swollen again. ", "Me and {first2} (my wife) need advice. ", "Caller: {last}, {first}\n",
    "Referred by Dr {doctor_last} of {city}. ", "posting on behalf of my father {name} ",
    "FROM: {name}\n", "Contact person - {name}\n", "Guardian: {name}, relationship: mother\n", "{name}, {age}, {city}\n",
    "im {first_lower} frm {city_lower} ", "Our children {first}, {first2} and {first3} all have fever. ",
    "Hello, {first} and {first2} here. ", "Pt {name} seen today. ",
]
EN_MID = [
    "I was seen at the clinic on {weekday_date}. ", "Hospital number: {mrn_spaced}. ", "File no. {mrn} ",
    "OPD no {mrn}. ", "Insurance card {mrn_spaced}. ", "We stay in a small village near {city}. ",
    "Our farm is outside {city_lower}. ", "I'm in {city}, {region}. ", "Send it to {pobox}, {city}. ",
    "Address - {unit_street}, {city}. ", "letters go to {street_lower}, {city_lower} {postcode} ",
    "{Brand} 20 mg is what I take. ", "Switched from {Brand} to {Brand2} last month. ", "Doctor put me on {Brand}. ",
    "Does {Brand} cause weight gain? ", "My cousin was diagnosed with {Eponym}. ", "{Eponym} runs in the family. ",
    "{first2} and I both have {Eponym}. ", "Dr {doctor_last} and nurse {first2} were very kind. ",
    "I met {name2} at the support group in {city}. ", "{first2} drove me to {city} for the MRI. ",
    "Ask for {first2} at reception. ", "We moved here from {city}, {region} in 2019. ",
]
EN_CLOSE = ["\nThanks\n{NAME_UPPER}", "\n{first} (mother of {first2})", "\nfrom {first_lower}, {city_lower}",
            "\nRgds, {name}", "\n— {first} & {first2}", "\n{name}\n{pobox}\n{city} {postcode}", ""]
EN_DOC_CLOSE = ["\nYours sincerely,\nDr. {doctor}, MD\n{unit_street}\n{city}", "\n{doctor} (GP)",
                "\nBest,\n{doctor}\nConsultant, {clinic}", "\nSee you on {weekday_date}, {first}.", ""]
REGIONS = ["Maharashtra", "Kerala", "Punjab", "Ontario", "Texas", "Ohio", "Queensland", "Victoria", "Scotland", "Wales",
           "Karnataka", "Gujarat", "Florida", "Oregon", "Alberta", "Nigeria", "Kenya", "Pakistan", "Ireland"]
BRANDS = """Advil Excedrin Percocet Vicodin Norco Klonopin Restoril Lunesta Celexa Cymbalta Effexor Pristiq Remeron
Risperdal Zyprexa Lamictal Depakote Tegretol Keppra Topamax Imitrex Maxalt Fioricet Flexeril Robaxin Mobic Celebrex
Naprosyn Ultram Neurontin Glucophage Amaryl Actos Lantus Humalog Novolog Levemir Victoza Trulicity Farxiga Invokana
Tradjenta Zocor Pravachol Zetia Tricor Lopressor Toprol Tenormin Coreg Cozaar Diovan Benicar Micardis Altace Vasotec
Procardia Cardizem Aldactone Plavix Brilinta Pradaxa Protonix Aciphex Dexilant Carafate Reglan Zofran Phenergan Bentyl
Colace Senokot Linzess Amitiza Xifaxan Asacol Lialda Entocort Symbicort Spiriva Qvar Pulmicort Xopenex Proventil
Nasacort Rhinocort Astelin Patanol Xalatan Lumigan Timoptic Restasis Bactroban Kenalog Lidoderm Elavil Pamelor
Vistaril Atarax Periactin Macrobid Monistat Rantac Meftal Cyclopam Digene Sinarest Dolonex Zerodol Pantocid""".split()
EPONYMS = """Bright's_disease Charcot-Marie-Tooth_disease Creutzfeldt-Jakob_disease Dandy-Walker_syndrome DiGeorge_syndrome
Duchenne_muscular_dystrophy Fanconi_anemia Goodpasture_syndrome Horner's_syndrome Kallmann_syndrome Lesch-Nyhan_syndrome
Menkes_disease Mallory-Weiss_tear Morton's_neuroma Noonan_syndrome Osler-Weber-Rendu_disease Pick's_disease
Prader-Willi_syndrome Ramsay_Hunt_syndrome Rett_syndrome Sturge-Weber_syndrome Tolosa-Hunt_syndrome
Treacher_Collins_syndrome Usher_syndrome Von_Willebrand_disease Waardenburg_syndrome Whipple's_disease Williams_syndrome
Wolff-Parkinson-White_syndrome Zenker's_diverticulum de_Quervain's_tenosynovitis Ludwig's_angina Colles_fracture
Erb's_palsy Bankart_lesion Hirschsprung_disease Kienbock's_disease Perthes_disease Sever_disease Scheuermann_disease
Marfan_syndrome Alport_syndrome Barrett's_oesophagus Meckel's_diverticulum Kawasaki_disease""".split()
POBOX = ["P.O. Box ####", "PO Box ##", "Box ###", "GPO Box ####", "PMB ####", "Post Bag No. ##", "P. O. Box ###"]
UNIT = ["Apt {n}B, {street}", "Unit {n}, {street}", "Suite {n}0, {street}", "{street}, Flat {n}", "Room {n}, Block C, {street}"]


class HardValues(Values):
    """The tuning split's value sources, plus the slots of the templates above."""

    def _make(self, slot: str):
        rnd = self.rnd
        base = slot.lower().replace("_lower", "").replace("_upper", "")
        if slot in ("name_upper", "NAME_UPPER"):
            v, label = super()._make("name")
            return v.upper(), label
        if base in ("first3", "name2", "doctor_last"):
            return super()._make({"first3": "first", "name2": "name", "doctor_last": "last"}[base])
        if base == "weekday_date":
            d = self.fakers["en_GB"].date_between("-1y", "+30d")
            return d.strftime(rnd.choice(["%A %d %B %Y", "%A, %B %d", "%a %d/%m/%Y", "%A the %d of %B"])), "DATE"
        if base == "mrn_spaced":
            return _shape(rnd, rnd.choice(["### ### ####", "#### #### ####", "## ### ###", "AB ## ## ## C"])), "ID"
        if base == "region":
            return rnd.choice(REGIONS), None
        if base == "pobox":
            return _shape(rnd, rnd.choice(POBOX)), "STREET"
        if base == "unit_street":
            street = self.fakers[rnd.choice(["en_US", "en_GB", "en_IN"])].street_address().replace("\n", ", ")
            return rnd.choice(UNIT).format(n=rnd.randint(1, 40), street=street), "STREET"
        if base in ("brand", "brand2"):
            return rnd.choice(BRANDS), "MED:planted-brand"
        if base == "eponym":
            return rnd.choice(EPONYMS).replace("_", " "), "MED:planted-disease"
        return super()._make(slot)


def build_hard(n_en: int, Doc, terms, english_carriers: list[dict]) -> list[dict]:
    """English documents (patient and doctor turns) with the harder phrasings above."""
    rnd = random.Random(SEED)
    values = HardValues(rnd)
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
            d.carrier(rec["output"].strip() + " ", terms)
            _fill(d, rnd.choice([t for t in EN_MID if "{Brand" in t or "{Eponym" in t]), values)
            _fill(d, rnd.choice(EN_DOC_CLOSE), values)
        docs.append({"id": f"tune-hard-en-{idx}-{k}", "lang": "en", "origin": "genmedgpt+hard", "text": d.text(),
                     "pii": d.pii, "medical": d.medical})
    return docs
