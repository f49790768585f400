"""The third blind PII split (bench/scrub_blind3.py) is well labelled: spans land exactly on planted
values, every entity kind is present in both languages' share, medical spans never overlap PII, planted
values are well formed, and the split is the same in another process with another hash seed.
The scrubber is never run on it here."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind3():
    mod = _devset()
    return mod, mod.build_split("blind3", 60, 20)



def test_blind3_labels_are_exact_and_every_kind_is_present(blind3):
    _, docs = blind3
    assert len(docs) == 80 and Counter(d["lang"] for d in docs) == {"en": 60, "zh": 20}
    assert check_labels(docs) == []
    assert set(Counter(ent for d in docs for *_, ent in d["pii"])) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} >= {"PERSON", "PHONE", "LOCATION", "STREET", "ID", "DATE"}
    assert sum(k == "blind3-medical" for d in docs for *_, k in d["medical"]) >= 40
    assert len({d["origin"].split("/")[1] for d in docs}) >= 17 and all(d["id"].startswith("blind3-") for d in docs)


def test_medical_spans_never_overlap_pii(blind3):
    _, docs = blind3
    check_medical_apart(docs, "blind3-medical")


def test_planted_values_are_well_formed(blind3):
    """International phones parse as valid numbers; Chinese ID numbers carry a valid check digit."""
    import phonenumbers

    _, docs = blind3
    values = planted_values(docs)
    intl = [v for v, ent in values if ent == "PHONE" and v.startswith("+") and "x" not in v and "转" not in v]
    assert len(intl) >= 10 and all(phonenumbers.is_valid_number(phonenumbers.parse(v)) for v in intl)
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert cn_ids and all(cn_id_check_digit_ok(v) for v in cn_ids)


def test_blind3_is_the_same_in_another_process(blind3):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind3
    assert mod.build_split("blind3", 60, 20) == docs
    assert digests_under_hash_seeds("blind3", 60, 20) == {split_digest(docs)}
