"""The seventeenth blind PII split (bench/scrub_blind17.py: unusual layouts and registers) is well labelled:
spans land exactly on planted values, every entity kind is present in English and in Chinese, every style
has its share, medical spans never overlap PII, planted phones are valid (international ones on their own,
national ones for one of the regions the split draws from), Chinese resident IDs carry valid check digits,
carriers with identifier-like words are dropped, and the split is the same under another hash seed.
The scrubber is never run on it here, and no text of a miss is ever printed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, phone_valid_somewhere, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind17():
    mod = _devset()
    return mod, mod.build_split("blind17")


def test_blind17_labels_are_exact_and_every_kind_and_style_is_present(blind17):
    _, docs = blind17
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 2500
    assert {ent for d in docs if d["lang"] == "en" for *_, ent in d["pii"]} == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} == ENTITIES
    assert sum(k == "blind17-medical" for d in docs for *_, k in d["medical"]) >= 300
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert sum(lang == "en" for lang, _ in styles) >= 16 and sum(lang == "zh" for lang, _ in styles) >= 6
    assert min(styles.values()) >= 10
    assert all(d["id"].startswith("blind17-") and d["origin"].startswith("blind17/") and len(d["pii"]) >= 3
               for d in docs)
    assert len({d["id"] for d in docs}) == len(docs)


def test_medical_spans_never_overlap_pii(blind17):
    _, docs = blind17
    check_medical_apart(docs, "blind17-medical")


def test_planted_phones_are_valid_for_many_regions(blind17):
    """International phones parse as valid numbers from at least 25 regions; every national one is valid
    for at least one region that the split's values draw phones from."""
    import phonenumbers

    from scrub_blind17 import PHONE_REGIONS
    from scrub_blind17_names import CULTURES

    _, docs = blind17
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    intl = [phonenumbers.parse(v) for v in phones if v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25
    regions = sorted(set(PHONE_REGIONS) | {r for c in CULTURES.values() for r in c[3]} | {"CN", "HK", "TW"})

    def valid_somewhere(v: str) -> bool:
        return phone_valid_somewhere(v, regions)

    national = [v for v in phones if not v.startswith("+")]
    assert len(national) >= 100 and all(valid_somewhere(v) for v in national)
    assert not valid_somewhere("0000 000")  # the check can fail


def test_chinese_resident_ids_carry_valid_check_digits(blind17):
    _, docs = blind17
    cn_ids = [v for v, ent in planted_values(docs) if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    bad = cn_ids[0][:17] + ("0" if cn_ids[0][17] != "0" else "1")
    assert not cn_id_check_digit_ok(bad)


def test_carriers_with_identifier_like_words_are_dropped():
    """A capitalised word inside a sentence, a month, a digit; for Chinese a place, a hospital, a title,
    a name or a date marker: such carriers never enter the split (their identifiers would be unlabelled)."""
    _devset()
    from scrub_blind17 import chinese_carriers, english_carriers

    records = [{"input": "I have a cough. It started after I visited Boston."},
               {"input": "My pain began in March and it is worse now."},
               {"input": "Please call 5551234 about my rash."},
               {"input": "Hello doctor, Dr. Patel gave me pills."},
               {"input": "I have had a dry cough for two weeks. What should I do?"}]
    assert english_carriers(records, "input") == ["I have had a dry cough for two weeks. What should I do?"]
    zh = chinese_carriers(ROOT / ".." / "shared" / "data")
    assert zh and not any(w in q for q in zh for w in ("医院", "北京", "医生", "市", "月", "先生"))
    assert not any(ch.isdigit() for q in zh for ch in q)


def test_blind17_is_the_same_in_another_process(blind17):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind17
    assert mod.build_split("blind17") == docs
    assert digests_under_hash_seeds("blind17") == {split_digest(docs)}
