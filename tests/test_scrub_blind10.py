"""The tenth blind PII split (bench/scrub_blind10.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present (Chinese share too), medical spans never overlap PII,
planted phones are valid for many regions, Chinese resident IDs carry valid check digits, carriers
with identifiers of their own are dropped, and the split is the same in another process with another
hash seed. The scrubber is never run on it here, and no text of a miss is ever printed."""
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
def blind10():
    mod = _devset()
    return mod, mod.build_split("blind10")


def test_blind10_labels_are_exact_and_every_kind_and_style_is_present(blind10):
    _, docs = blind10
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 3000
    assert set(Counter(ent for d in docs for *_, ent in d["pii"])) == ENTITIES
    assert {ent for d in docs if d["lang"] == "zh" for *_, ent in d["pii"]} == ENTITIES
    assert sum(k == "blind10-medical" for d in docs for *_, k in d["medical"]) >= 600
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert len(styles) >= 18 and sum(lang == "zh" for lang, _ in styles) >= 5
    assert min(styles.values()) >= 15  # every style is represented by many docs, not one
    assert all(d["id"].startswith("blind10-") and d["pii"] for d in docs)


def test_medical_spans_never_overlap_pii(blind10):
    _, docs = blind10
    check_medical_apart(docs, "blind10-medical")


def test_planted_values_are_well_formed(blind10):
    """Every phone in international form parses as a valid number, from at least 25 regions; Chinese
    resident ID numbers carry a valid check digit; no two people of a doc share a name."""
    import phonenumbers

    _, docs = blind10
    values = planted_values(docs)
    intl = [phonenumbers.parse(v) for v, ent in values if ent == "PHONE" and v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    phones = [v for v, ent in values if ent == "PHONE"]
    assert len(set(phones)) > 0.95 * len(phones)  # drawn, not one example number repeated


def test_filler_puts_values_where_labelled():
    """Each slot of a template lands at its recorded span; the same tag gives the same person."""
    mod = _devset()
    from scrub_blind10 import MEDICAL, _DocValues, fill
    from scrub_blind10_values import Values

    class NoTerms:
        def find(self, text):
            return []

    values = Values(random.Random(1), {"GB": ["Machynlleth"], "US": ["Tulsa"]})
    dv = _DocValues(values, ["en"], {"cin": ["my knee hurts"], "cout": ["rest it"], "zq": ["头疼"]}, NoTerms())
    doc = fill(mod.Doc(), "Hi {first_a}, {full_a} of {place_a:en} on {drug}: {phone_a:GB}. {cin} {zname_b}{zcity}", dv)
    text = doc.text()
    assert [e for *_, e in doc.pii] == ["PERSON", "PERSON", "LOCATION", "PHONE", "PERSON", "LOCATION"]
    first, full = (text[s:e] for s, e, _ in doc.pii[:2])
    assert full.startswith(first) and text[doc.pii[2][0]:doc.pii[2][1]] == "Machynlleth"
    assert [k for *_, k in doc.medical] == [MEDICAL] and "my knee hurts" in text
    assert check_labels([{"id": "t", "text": text, "pii": doc.pii, "medical": doc.medical}]) == []


def test_carriers_with_identifiers_of_their_own_are_dropped():
    from scrub_blind10 import english_carriers

    class NoTerms:
        def find(self, text):
            return []

    clean = "Doctor, I have had a sore throat and a fever for three days now."
    risky = ["I saw Dr. Patel about this sore throat and a fever last week.",
             "My sore throat started on the fifth of March and will not go away.",
             "I have had a sore throat since I came back from Swansea last week.",
             "Call me on 07700900123 about the sore throat and the fever please."]
    kept = english_carriers([{"input": t} for t in [clean, *risky]], NoTerms(), "input")
    assert kept == [clean]


def test_blind10_is_the_same_in_another_process(blind10):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind10
    assert mod.build_split("blind10") == docs
    assert digests_under_hash_seeds("blind10") == {split_digest(docs)}
