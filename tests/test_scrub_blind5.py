"""The fifth blind PII split (bench/scrub_blind5.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present (Chinese share too), medical spans never overlap PII,
planted phones and Chinese ID numbers are well formed, and the split is the same in another process with
another hash seed. The scrubber is never run on it here, and no text of a miss is ever printed."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind5():
    mod = _devset()
    return mod, mod.build_split("blind5", 42, 15)


def test_blind5_labels_are_exact_and_every_kind_and_style_is_present(blind5):
    _, docs = blind5
    assert len(docs) == 57 and Counter(d["lang"] for d in docs) == {"en": 42, "zh": 15}
    assert check_labels(docs) == []
    assert set(Counter(ent for d in docs for *_, ent in d["pii"])) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} >= {"PERSON", "PHONE", "LOCATION", "STREET", "ID", "DATE", "EMAIL"}
    assert sum(k == "blind5-medical" for d in docs for *_, k in d["medical"]) >= 100
    styles = Counter(d["origin"] for d in docs)
    assert len(styles) == 19 and set(styles.values()) == {3} and all(d["id"].startswith("blind5-") for d in docs)
    assert sum(len(d["pii"]) for d in docs) >= 5 * len(docs)


def test_medical_spans_never_overlap_pii(blind5):
    _, docs = blind5
    check_medical_apart(docs, "blind5-medical")


def test_planted_values_are_well_formed(blind5):
    """Every phone in international form parses as a valid number, from many regions; Chinese ID
    numbers carry a valid check digit."""
    import phonenumbers

    _, docs = blind5
    values = planted_values(docs)
    intl = [phonenumbers.parse(v) for v, ent in values if ent == "PHONE" and v.startswith("+")]
    assert len(intl) >= 20 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 10
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert cn_ids and all(cn_id_check_digit_ok(v) for v in cn_ids)


def test_phone_generator_gives_valid_national_numbers_for_every_region():
    """The generator's national shapes are valid numbers of the region asked for, over 40 regions."""
    import phonenumbers

    _devset()
    from scrub_blind5_values import CULTURE_ORDER, CULTURES, Values

    v = Values(random.Random(7))
    regions = sorted({r for c in CULTURE_ORDER for r in CULTURES[c][0]} | {"CN", "TW", "HK", "MO"})
    assert len(regions) >= 40
    for region in regions:
        num = phonenumbers.parse(v.phone(region, "national"), region)
        assert phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region, region


def test_blind5_is_the_same_in_another_process(blind5):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind5
    assert mod.build_split("blind5", 42, 15) == docs
    assert digests_under_hash_seeds("blind5", 42, 15) == {split_digest(docs)}
