"""The sixteenth blind PII split (bench/scrub_blind16.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present (Chinese share too), medical spans never overlap PII,
planted phones are valid for many regions, national IDs carry valid check digits, carriers with
identifier-like words are dropped, and the split is the same in another process with another hash seed.
The scrubber is never run on it here, and no text of a doc is ever printed."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, phone_valid_somewhere, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind16():
    mod = _devset()
    return mod, mod.build_split("blind16")


def test_blind16_labels_are_exact_and_every_kind_and_style_is_present(blind16):
    _, docs = blind16
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 2500
    assert {ent for d in docs if d["lang"] == "en" for *_, ent in d["pii"]} == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} == ENTITIES
    assert sum(k == "blind16-medical" for d in docs for *_, k in d["medical"]) >= 300
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert sum(lang == "en" for lang, _ in styles) >= 16 and sum(lang == "zh" for lang, _ in styles) >= 6
    assert min(styles.values()) >= 10
    assert all(d["id"].startswith("blind16-") and d["origin"].startswith("blind16/") and len(d["pii"]) >= 4
               for d in docs)


def test_small_builds_have_the_requested_sizes():
    mod = _devset()
    docs = mod.build_split("blind16", 24, 12)
    assert Counter(d["lang"] for d in docs) == {"en": 24, "zh": 12} and check_labels(docs) == []


def test_medical_spans_never_overlap_pii(blind16):
    _, docs = blind16
    check_medical_apart(docs, "blind16-medical")


def test_planted_phones_are_valid_for_many_regions(blind16):
    """International phones parse as valid numbers from at least 25 regions; every national one is valid
    for at least one region that the split draws phones from."""
    import phonenumbers

    from scrub_blind16_values import ALL_REGIONS

    _, docs = blind16
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    intl = [phonenumbers.parse(v) for v in phones if v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25

    def valid_somewhere(v: str) -> bool:
        return phone_valid_somewhere(v, ALL_REGIONS)

    national = [v for v in phones if not v.startswith("+")]
    assert len(national) >= 100 and all(valid_somewhere(v) for v in national)
    assert not valid_somewhere("0000 000")  # the check can fail


def test_chinese_resident_ids_carry_valid_check_digits(blind16):
    _, docs = blind16
    cn_ids = [v for v, ent in planted_values(docs) if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    bad = cn_ids[0][:17] + ("0" if cn_ids[0][17] != "0" else "1")
    assert not cn_id_check_digit_ok(bad)


def test_other_national_ids_carry_valid_check_digits():
    """South African IDs pass Luhn, NHS / CHI numbers modulus 11, NRICs and PPSNs their check letters."""
    import datetime as dt

    _devset()
    from scrub_blind16_ids import ie_ppsn, sg_nric, uk_nhs, za_id

    rnd, dob = random.Random(3), dt.date(1984, 5, 17)

    def luhn_ok(v: str) -> bool:
        total = 0
        for i, ch in enumerate(reversed(v)):
            n = int(ch) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        return total % 10 == 0

    def mod11_ok(v: str) -> bool:
        v = v.replace(" ", "")
        c = 11 - sum(int(a) * w for a, w in zip(v[:9], range(10, 1, -1))) % 11
        return str(0 if c == 11 else c) == v[9]

    for _ in range(50):
        assert luhn_ok(za_id(rnd, dob)) and mod11_ok(uk_nhs(rnd)) and mod11_ok(uk_nhs(rnd, dob, chi=True))
        n = sg_nric(rnd, dob)
        assert n[-1] == "JZIHGFEDCBA"[sum(int(a) * w for a, w in zip(n[1:8], (2, 7, 6, 5, 4, 3, 2))) % 11]
        p = ie_ppsn(rnd)
        total = sum(int(a) * w for a, w in zip(p[:7], range(8, 1, -1))) + (
            9 * "WABCDEFGHIJKLMNOPQRSTUV".index(p[8]) if len(p) == 9 else 0)
        assert p[7] == "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
    v, w = za_id(rnd, dob), uk_nhs(rnd).replace(" ", "")
    assert not luhn_ok(v[:-1] + str((int(v[-1]) + 1) % 10))  # the checks can fail
    assert not mod11_ok(w[:-1] + str((int(w[-1]) + 1) % 10))


def test_carriers_with_identifier_like_words_are_dropped():
    """A capitalised word inside a sentence, a month, a digit; for Chinese a place, a hospital, a title,
    a name or a date: such carriers never enter the split (their identifiers would be unlabelled)."""
    _devset()
    from scrub_blind16 import chinese_carriers, english_carriers

    records = [{"input": "I have a cough. It started after I visited Boston."},
               {"input": "My pain began in December and it is worse now."},
               {"input": "Please call 5551234 about my rash."},
               {"input": "I have had a dry cough for two weeks. What should I do?"}]
    assert english_carriers(records, "input") == ["I have had a dry cough for two weeks. What should I do?"]
    zh = chinese_carriers(ROOT / ".." / "shared" / "data")
    assert len(zh) >= 50 and not any(w in q for q in zh for w in ("医院", "北京", "医生", "市", "月", "我叫"))


def test_blind16_is_the_same_in_another_process(blind16):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind16
    assert mod.build_split("blind16") == docs
    assert digests_under_hash_seeds("blind16") == {split_digest(docs)}
