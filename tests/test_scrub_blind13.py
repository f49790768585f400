"""The thirteenth blind PII split (bench/scrub_blind13.py) is well labelled: spans land exactly on planted
values, every entity kind is present in English and in Chinese, every style has its share, medical spans
never overlap PII, planted phones are valid (international ones on their own, national ones for a region
the split draws from), Chinese resident IDs carry valid check digits, carriers with identifier-like words
are dropped, and the split is the same under another hash seed. The scrubber is never run on it here."""
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
def blind13():
    mod = _devset()
    return mod, mod.build_split("blind13")


def test_blind13_labels_are_exact_and_every_kind_and_style_is_present(blind13):
    _, docs = blind13
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 2500
    assert {ent for d in docs if d["lang"] == "en" for *_, ent in d["pii"]} == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} == ENTITIES
    assert sum(k == "blind13-medical" for d in docs for *_, k in d["medical"]) >= 300
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert sum(lang == "en" for lang, _ in styles) >= 16 and sum(lang == "zh" for lang, _ in styles) >= 6
    assert min(styles.values()) >= 10
    assert all(d["id"].startswith("blind13-") and d["origin"].startswith("blind13/") and d["pii"] for d in docs)


def test_medical_spans_never_overlap_pii(blind13):
    _, docs = blind13
    check_medical_apart(docs, "blind13-medical")


def test_planted_phones_are_valid_for_many_regions(blind13):
    import phonenumbers

    from scrub_blind13_names import CULTURES

    _, docs = blind13
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    intl = [phonenumbers.parse(v) for v in phones if v.startswith("+")]
    assert len(intl) >= 50 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 15
    regions = sorted({r for c in CULTURES.values() for r in c[3]} | {"CN", "HK", "TW"})

    def valid_somewhere(v: str) -> bool:
        return phone_valid_somewhere(v, regions)

    national = [v for v in phones if not v.startswith("+")]
    assert len(national) >= 100 and all(valid_somewhere(v) for v in national)
    assert not valid_somewhere("0000 000")  # the check can fail


def test_chinese_resident_ids_carry_valid_check_digits(blind13):
    _, docs = blind13
    cn_ids = [v for v, ent in planted_values(docs) if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    assert not cn_id_check_digit_ok(cn_ids[0][:17] + ("0" if cn_ids[0][17] != "0" else "1"))


def test_carriers_with_identifier_like_words_are_dropped():
    """A capitalised word inside a sentence, a month, a digit run; for Chinese a place, a hospital, a title,
    a name or a date marker: such carriers never enter the split (their identifiers would be unlabelled)."""
    _devset()
    from scrub_blind13 import chinese_carriers, english_carriers

    records = [{"input": "I have a cough. It started after I visited Boston."},
               {"input": "My pain began in march and it is worse now."},
               {"input": "Please call 5551234 about my rash."},
               {"input": "Hi doctor, I have had a dry cough for two weeks. What should I do?"}]
    assert english_carriers(records, "input") == ["I have had a dry cough for two weeks. What should I do?"]
    zh = chinese_carriers(ROOT / ".." / "shared" / "data")
    assert len(zh) >= 50 and not any(w in q for q in zh for w in ("医院", "北京", "医生", "市", "年", "先生"))


def test_a_given_name_and_surname_side_by_side_are_one_person():
    mod = _devset()
    from scrub_blind13 import _Filler

    filler = _Filler(random.Random(1), None, [], [])
    filler.values.new_doc("en", "british")
    d = mod.Doc()
    filler.fill(d, "my son {given2} {surname} has {med}; ring {phone} or {email}. {id}", "insurance_claim")
    assert [e for *_, e in d.pii] == ["PERSON", "PHONE", "EMAIL", "ID"]
    assert [k for *_, k in d.medical] == ["blind13-medical"]
    assert check_labels([{"id": "t", "text": d.text(), "pii": d.pii, "medical": d.medical}]) == []


def test_blind13_is_the_same_in_another_process(blind13):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind13
    assert mod.build_split("blind13") == docs
    assert digests_under_hash_seeds("blind13") == {split_digest(docs)}
