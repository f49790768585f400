"""The sixth blind PII split (bench/scrub_blind6.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present (Chinese share too), medical spans never overlap PII,
planted phones are valid for many regions, Chinese resident IDs carry valid check digits, and the split
is the same in another process with another hash seed. The scrubber is never run on it here, and no
text of a miss is ever printed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind6():
    mod = _devset()
    return mod, mod.build_split("blind6")


def test_blind6_labels_are_exact_and_every_kind_and_style_is_present(blind6):
    _, docs = blind6
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 3000
    assert set(Counter(ent for d in docs for *_, ent in d["pii"])) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} >= ENTITIES - {"URL"}
    assert sum(k == "blind6-medical" for d in docs for *_, k in d["medical"]) >= 600
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert len(styles) >= 16 and sum(lang == "zh" for lang, _ in styles) >= 4
    assert all(d["id"].startswith("blind6-") and d["pii"] for d in docs)


def test_medical_spans_never_overlap_pii(blind6):
    _, docs = blind6
    check_medical_apart(docs, "blind6-medical")


def test_planted_values_are_well_formed(blind6):
    """Every phone in international form parses as a valid number, from at least 25 regions; Chinese
    resident ID numbers carry a valid check digit."""
    import phonenumbers

    _, docs = blind6
    values = planted_values(docs)
    intl = [phonenumbers.parse(v) for v, ent in values if ent == "PHONE" and v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)


def test_blind6_is_the_same_in_another_process(blind6):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind6
    assert mod.build_split("blind6") == docs
    assert digests_under_hash_seeds("blind6") == {split_digest(docs)}
