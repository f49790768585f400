"""The seventh blind PII split (bench/scrub_blind7.py) is well labelled: spans land exactly on planted
values, every entity kind and style is present (Chinese share too), medical spans never overlap PII,
planted phones are valid for many regions, the IDs that carry check digits (Chinese resident ID, HKID,
Taiwan ID, NHS number) carry valid ones, carriers with identifiers of their own are dropped, and the split
is the same in another process with another hash seed. The scrubber is never run on it here, and no text
of a miss is ever printed."""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    digests_under_hash_seeds, planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / ".." / "shared" / "data").exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def blind7():
    mod = _devset()
    return mod, mod.build_split("blind7")


def test_blind7_labels_are_exact_and_every_kind_and_style_is_present(blind7):
    _, docs = blind7
    assert len(docs) == 600 and Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert check_labels(docs) == []
    assert sum(len(d["pii"]) for d in docs) >= 3000
    for lang in ("en", "zh"):
        assert {ent for d in docs if d["lang"] == lang for *_, ent in d["pii"]} == ENTITIES, lang
    assert sum(k == "blind7-medical" for d in docs for *_, k in d["medical"]) >= 1000
    styles = Counter((d["lang"], d["origin"].split("/")[1]) for d in docs)
    assert len(styles) >= 18 and sum(lang == "zh" for lang, _ in styles) >= 5
    assert min(styles.values()) >= 20  # every style is well represented at the default sizes
    assert all(d["id"].startswith("blind7-") and d["pii"] for d in docs)


def test_medical_spans_never_overlap_pii(blind7):
    _, docs = blind7
    check_medical_apart(docs, "blind7-medical")


def test_filled_values_land_where_labelled():
    """The filler puts each value (and each piece of a Chinese address) at its recorded span."""
    mod = _devset()
    from scrub_blind7 import fill
    from scrub_blind7_values import Values

    values = Values(random.Random(3))
    values.new_doc("zh", "proxy")
    doc = mod.Doc()
    fill(doc, "我叫{p1}，住{street}，吃{drug}，电话{phone}。", values, {"terms": None})
    kinds = [e for *_, e in doc.pii]
    assert kinds[0] == "PERSON" and kinds[-1] == "PHONE" and kinds.count("LOCATION") == 2 and "STREET" in kinds
    assert [k for *_, k in doc.medical] == ["blind7-medical"]
    text = doc.text()
    assert text.startswith("我叫" + text[doc.pii[0][0]:doc.pii[0][1]] + "，住")
    assert check_labels([{"id": "t", "text": text, "pii": doc.pii, "medical": doc.medical}]) == []


def test_phones_are_valid_for_many_regions(blind7):
    """Every phone in international form parses as a valid number, from at least 25 regions; every other
    phone is a valid national number of one of the split's regions."""
    import phonenumbers

    from scrub_blind7_lists import LOCALES

    _, docs = blind7
    phones = [v for v, ent in planted_values(docs) if ent == "PHONE"]
    intl = [phonenumbers.parse(v) for v in phones if v.startswith("+")]
    assert len(intl) >= 150 and all(phonenumbers.is_valid_number(n) for n in intl)
    assert len({phonenumbers.region_code_for_number(n) for n in intl}) >= 25
    regions = sorted(LOCALES) + ["CN", "HK", "TW"]

    def valid_somewhere(value: str) -> bool:
        for region in regions:
            try:
                if phonenumbers.is_valid_number_for_region(phonenumbers.parse(value, region), region):
                    return True
            except phonenumbers.NumberParseException:
                pass
        return False

    national = sorted({v for v in phones if not v.startswith("+")})
    assert len(national) >= 200 and all(valid_somewhere(v) for v in national)
    assert not valid_somewhere("12345")  # the check can fail


def _hkid_ok(value: str) -> bool:
    m = re.fullmatch(r"([A-Z])(\d{6})\(([\dA])\)", value)
    total = 9 * 36 + 8 * (ord(m[1]) - 55) + sum((7 - i) * int(x) for i, x in enumerate(m[2]))
    return (total + (10 if m[3] == "A" else int(m[3]))) % 11 == 0


_TW_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def _twid_ok(value: str) -> bool:
    code = _TW_CODES[value[0]]
    weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]
    return (code // 10 + (code % 10) * 9 + sum(int(x) * w for x, w in zip(value[1:], weights))) % 10 == 0


def _nhs_ok(value: str) -> bool:
    d = [int(x) for x in value.replace(" ", "")]
    check = 11 - sum(x * (10 - i) for i, x in enumerate(d[:9])) % 11
    return check != 10 and check % 11 == d[9]


def test_ids_with_check_digits_are_valid(blind7):
    _, docs = blind7
    ids = [v for v, ent in planted_values(docs) if ent == "ID"]
    cn = [v for v in ids if len(v) == 18 and v[:17].isdigit()]
    hk = [v for v in ids if re.fullmatch(r"[A-Z]\d{6}\([\dA]\)", v)]
    tw = [d["text"][s:e] for d in docs for s, e, ent in d["pii"] if d["text"][:s].endswith("身分證字號是")]
    nhs = [v for v in ids if re.fullmatch(r"\d{3} \d{3} \d{4}", v)]
    assert min(len(cn), len(hk), len(tw), len(nhs)) >= 20
    assert all(map(cn_id_check_digit_ok, cn)) and all(map(_hkid_ok, hk))
    assert all(map(_twid_ok, tw)) and all(map(_nhs_ok, nhs))
    assert not _hkid_ok(hk[0][:-2] + str((int(hk[0][-2]) + 1) % 10 if hk[0][-2].isdigit() else 0) + ")")
    assert not _nhs_ok(nhs[0][:-1] + str((int(nhs[0][-1]) + 1) % 10))


def test_carriers_with_their_own_identifiers_are_dropped():
    mod = _devset()
    from scrub_blind7 import chinese_queries, english_carrier_ok

    class NoTerms:
        def find(self, text):
            return [(m.start(), m.end()) for m in re.finditer("Parkinson", text)]

    terms = NoTerms()
    assert english_carrier_ok("Doctor, I have had a cough for two weeks. What should I do?", terms)
    assert english_carrier_ok("My father has Parkinson and shakes a lot.", terms)  # a covered medical word stays
    for bad in ("I live near Leeds and my chest hurts.", "It started in March.", "Call me on 07700900123.",
                "Dr Patel said it is fine.", "My friend Wanjiru has the same rash."):
        assert not english_carrier_ok(bad, terms), bad
    queries = chinese_queries(mod.SHARED)
    assert len(queries) >= 100
    assert not any(re.search(r"医院|医生|北京|\d{5,}|[省市县区]", q) for q in queries)


def test_blind7_is_the_same_in_another_process(blind7):
    """Nothing random depends on the interpreter's hash seed."""
    mod, docs = blind7
    assert mod.build_split("blind7") == docs
    assert digests_under_hash_seeds("blind7") == {split_digest(docs)}


def test_relation_words_get_names_of_the_right_gender(blind7):
    """A daughter, a lola or 我妈 gets a woman's name; a father-in-law or 我爸 a man's (or one used by both)."""
    from scrub_blind7_lists import EITHER, FEMALE

    _, docs = blind7
    seen = Counter()
    for d in docs:
        for s, e, ent in d["pii"]:
            before, words = d["text"][:s], d["text"][s:e].split()
            for cue, female in (("my daughter ", True), ("my lola, ", True), ("father-in-law, ", False)):
                if ent == "PERSON" and before.endswith(cue) and not words[0].endswith("."):  # not an initial
                    seen[cue] += 1
                    first = " ".join(words[:2]) if " ".join(words[:2]) in FEMALE | EITHER else words[0]
                    assert first in EITHER or (first in FEMALE) == female, (d["id"], cue)
            if ent == "PERSON" and before.endswith("我爸叫") and len(d["text"][s:e]) == 2:
                seen["我爸叫"] += 1
                given = d["text"][s + 1:e]
                assert given in EITHER or given not in FEMALE, d["id"]
    assert min(seen.values()) >= 10 and len(seen) == 4
    assert "Yetunde" in FEMALE and "Babatunde" not in FEMALE  # the check can fail
