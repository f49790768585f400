"""The eighth blind PII split (bench/scrub_blind8.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present in both languages, titles stay outside name spans,
medical spans never overlap PII, planted phones are valid for many regions, Chinese resident IDs carry
valid check digits, carriers with possible unlabelled identifiers are dropped, and the split is the same
in another process with another hash seed. The scrubber is never run on it here, and no text of a miss
is ever printed."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind8():
    mod = _devset()
    return mod, mod.build_split("blind8")


def test_blind8_labels_are_exact_and_every_kind_and_style_is_present(blind8):
    _, docs = blind8
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 3000
    for lang in ("en", "zh"):
        kinds = Counter(ent for d in docs if d["lang"] == lang for *_, ent in d["pii"])
        assert set(kinds) == ENTITIES and min(kinds.values()) >= 40, (lang, kinds)
    assert sum(k == "blind8-medical" for d in docs for *_, k in d["medical"]) >= 600
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert len(styles) >= 28 and sum(lang == "zh" for lang, _ in styles) >= 8
    assert all(d["id"].startswith("blind8-") and len(d["pii"]) >= 4 for d in docs)


def test_names_come_in_many_shapes_and_titles_stay_outside(blind8):
    _, docs = blind8
    names = [v for v, ent in planted_values(docs) if ent == "PERSON"]
    ascii_names = [n for n in names if n.isascii()]
    assert sum(n.islower() for n in ascii_names) >= 50 and sum(n.isupper() for n in ascii_names) >= 50
    assert sum("," in n for n in ascii_names) >= 20 and sum(re.match(r"[A-Z]\. ", n) is not None for n in ascii_names) >= 20
    assert sum(" " not in n for n in ascii_names) >= 50  # given name only
    zh_names = [n for n in names if not n.isascii()]
    assert len(zh_names) >= 300 and {len(n) for n in zh_names} >= {2, 3, 4}
    title = re.compile(r"^(dr|mrs|mr|ms|prof|sister)\.? |(医生|主任|阿姨|大夫)$", re.I)
    assert not [n for n in names if title.search(n)]


def test_medical_spans_never_overlap_pii(blind8):
    _, docs = blind8
    check_medical_apart(docs, "blind8-medical")


def test_planted_values_are_well_formed(blind8):
    """Every phone in international form parses as a valid number, from at least 25 regions; Chinese
    resident ID numbers carry a valid check digit; NHS numbers pass their mod-11 check."""
    import phonenumbers

    _, docs = blind8
    values = planted_values(docs)
    intl = [phonenumbers.parse(v) for v, ent in values if ent == "PHONE" and v.startswith("+")]
    assert len(intl) >= 100 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25
    cn_ids = [v for v, ent in values if ent == "ID" and len(v) == 18 and v[:17].isdigit()]
    assert len(cn_ids) >= 10 and all(cn_id_check_digit_ok(v) for v in cn_ids)
    cn_mobiles = [re.sub(r"\D", "", v)[-11:] for v, ent in values if ent == "PHONE" and not v.startswith("+")
                  and re.fullmatch(r"1\d{2}[ -]?\d{4}[ -]?\d{4}", v)]
    assert len(cn_mobiles) >= 100
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(m, "CN")) for m in cn_mobiles)


def test_carriers_with_possible_identifiers_are_dropped():
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from scrub_blind8 import chinese_carrier_ok, english_carrier_ok

    assert english_carrier_ok("Doctor, I have had a bad cough for two weeks. What could be causing this?")
    for bad in ("Doctor, I moved here from Leeds and my cough has not stopped for weeks now.",
                "Hi doctor, my cough started on the 3rd of march and it is still really bad now.",
                "Doctor, my hospital number is 20931 and my cough has not gone away at all."):
        assert not english_carrier_ok(bad), bad
    assert chinese_carrier_ok("最近总是头痛失眠，吃了药也没用，怎么办")
    for bad in ("我在杭州看过了还是头痛，怎么办呢", "王医生说我是偏头痛，要吃什么药", "我3月5号开始咳嗽到现在"):
        assert not chinese_carrier_ok(bad), bad


def test_blind8_is_the_same_in_another_process(blind8):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind8
    assert mod.build_split("blind8") == docs
    assert digests_under_hash_seeds("blind8") == {split_digest(docs)}
