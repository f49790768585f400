"""The second blind PII split (bench/scrub_blind2.py) is well labelled: spans land exactly on planted
values, every entity kind is present, medical spans never overlap PII, and the split is the same in
another process with another hash seed. The scrubber is never run on it here."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind2():
    mod = _devset()
    return mod, mod.build_split("blind2", 46, 18)



def test_blind2_labels_are_exact_and_every_kind_is_present(blind2):
    _, docs = blind2
    assert len(docs) == 64 and Counter(d["lang"] for d in docs) == {"en": 46, "zh": 18}
    assert check_labels(docs) == []
    kinds = Counter(ent for d in docs for *_, ent in d["pii"])
    assert set(kinds) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} >= {"PERSON", "PHONE", "LOCATION", "ID"}
    assert sum(k == "blind2-medical" for d in docs for *_, k in d["medical"]) >= 30
    assert len({d["origin"] for d in docs}) >= 20 and all(d["id"].startswith("blind2-") for d in docs)


def test_medical_spans_never_overlap_pii(blind2):
    _, docs = blind2
    check_medical_apart(docs, "blind2-medical")


def test_planted_values_are_well_formed(blind2):
    """Planted phones are numbers phonenumbers accepts; Chinese ID numbers carry a valid check digit."""
    import phonenumbers

    _, docs = blind2
    values = planted_values(docs)
    intl = [v for v, ent in values if ent == "PHONE" and v.startswith("+") and " ext" not in v.lower() and " x" not in v]
    assert intl and all(phonenumbers.is_valid_number(phonenumbers.parse(v)) for v in intl)
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert cn_ids and all(cn_id_check_digit_ok(v) for v in cn_ids)


def test_blind2_is_the_same_in_another_process(blind2):
    """Nothing random depends on the interpreter's hash seed (set order, Faker data)."""
    mod, docs = blind2
    assert mod.build_split("blind2", 46, 18) == docs
    assert digests_under_hash_seeds("blind2", 46, 18) == {split_digest(docs)}
