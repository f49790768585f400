"""The fourth blind PII split (bench/scrub_blind4.py) is well labelled: spans land exactly on planted
values, every entity kind is present (Chinese share too), medical spans never overlap PII, planted phones
and Chinese ID numbers are well formed, and the split is the same in another process with another hash
seed. The scrubber is never run on it here, and no text of a miss is ever printed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind4():
    mod = _devset()
    return mod, mod.build_split("blind4", 42, 16)


def test_blind4_labels_are_exact_and_every_kind_and_style_is_present(blind4):
    _, docs = blind4
    assert len(docs) == 58 and Counter(d["lang"] for d in docs) == {"en": 42, "zh": 16}
    assert check_labels(docs) == []
    assert set(Counter(ent for d in docs for *_, ent in d["pii"])) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} >= {"PERSON", "PHONE", "LOCATION", "STREET", "ID", "DATE", "EMAIL"}
    assert sum(k == "blind4-medical" for d in docs for *_, k in d["medical"]) >= 58
    assert len({d["origin"].split("/")[1] for d in docs}) == 18 and all(d["id"].startswith("blind4-") for d in docs)


def test_medical_spans_never_overlap_pii(blind4):
    _, docs = blind4
    check_medical_apart(docs, "blind4-medical")


def test_planted_values_are_well_formed(blind4):
    """Every phone in international form parses as a valid number, from many regions; Chinese ID
    numbers carry a valid check digit."""
    import phonenumbers

    _, docs = blind4
    values = planted_values(docs)
    intl = [phonenumbers.parse(v) for v, ent in values if ent == "PHONE" and v.startswith("+")]
    assert len(intl) >= 20 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 10
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert cn_ids and all(cn_id_check_digit_ok(v) for v in cn_ids)


def test_blind4_is_the_same_in_another_process(blind4):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind4
    assert mod.build_split("blind4", 42, 16) == docs
    assert digests_under_hash_seeds("blind4", 42, 16) == {split_digest(docs)}
