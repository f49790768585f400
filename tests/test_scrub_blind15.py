"""The fifteenth blind PII split (bench/scrub_blind15.py, spoken and semi-structured text) is well
labelled: spans land exactly on planted values, every entity kind and style is present (in English and
in Chinese), medical spans never overlap PII, planted phones are valid for the regions the split draws
from, Chinese resident IDs carry valid check digits, carriers with identifier-like words are dropped,
and the split is the same in another process with another hash seed. The scrubber is never run on it
here, and no text of a doc is ever printed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind15():
    mod = _devset()
    return mod, mod.build_split("blind15")


def test_blind15_labels_are_exact_and_every_kind_and_style_is_present(blind15):
    _, docs = blind15
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 2500
    assert {ent for d in docs if d["lang"] == "en" for *_, ent in d["pii"]} == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} == ENTITIES
    assert sum(k == "blind15-medical" for d in docs for *_, k in d["medical"]) >= 300
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert sum(lang == "en" for lang, _ in styles) >= 16 and sum(lang == "zh" for lang, _ in styles) >= 6
    assert min(styles.values()) >= 10
    assert all(d["id"].startswith("blind15-") and d["origin"].startswith("blind15/") for d in docs)
    assert all(len(d["pii"]) >= 3 for d in docs)


def test_medical_spans_never_overlap_pii(blind15):
    _, docs = blind15
    check_medical_apart(docs, "blind15-medical")


def test_planted_phones_are_valid_for_many_regions(blind15):
    """International phones parse as valid numbers from at least 20 regions; every national one is valid
    for one of the regions the split's values draw phones from."""
    import phonenumbers

    from scrub_blind15_names import CULTURES
    from scrub_blind15_values import phone_valid_for

    _, docs = blind15
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    intl = [phonenumbers.parse(v) for v in phones if v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 20
    regions = sorted({r for c in CULTURES.values() for r in c[3]} | {"CN", "HK", "TW", "SG"})
    national = [v for v in phones if not v.startswith("+")]
    assert len(national) >= 200 and all(phone_valid_for(v, regions) for v in national)
    assert not phone_valid_for("0000 000", regions) and not phone_valid_for("12", regions)  # the check can fail


def test_chinese_resident_ids_carry_valid_check_digits(blind15):
    _, docs = blind15
    cn_ids = [v for v, ent in planted_values(docs) if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    bad = cn_ids[0][:17] + ("0" if cn_ids[0][17] != "0" else "1")
    assert not cn_id_check_digit_ok(bad)


def test_carriers_with_identifier_like_words_are_dropped():
    """Only a record's first sentence is used; it is dropped when it holds a capitalised word inside the
    sentence, a month or a digit run. Chinese queries with a place, hospital, title, name or date go."""
    _devset()
    from scrub_blind15 import chinese_carriers, english_carriers

    records = [{"input": "I have a cough that started after I visited Boston."},
               {"input": "My pain began in march and it is worse now."},
               {"input": "Please call 5551234 about my rash."},
               {"input": "Doctor, I have had a dry cough for two weeks. I live in Leeds."}]
    assert english_carriers(records, "input") == ["Doctor, I have had a dry cough for two weeks."]
    zh = chinese_carriers(SHARED)
    assert len(zh) >= 50
    assert not any(w in q for q in zh for w in ("医院", "北京", "医生", "市", "我叫", "星期"))


def test_blind15_is_the_same_in_another_process(blind15):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind15
    assert mod.build_split("blind15") == docs
    assert digests_under_hash_seeds("blind15") == {split_digest(docs)}
