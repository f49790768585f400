"""An eponym run stops at a known one-word eponym when the capitalised words before it are not
medical: "the Vila Medeiros Huntington's disease" keeps "Huntington's disease" and lets the place go;
multi-word eponyms stay whole."""
from __future__ import annotations

import pytest

from medcorpus.scrub.allowlist import load_terms
from medcorpus.scrub.medical_context import medical_context_spans
from medcorpus.scrub.recognizers_names import is_first_name


@pytest.fixture(scope="module")
def terms():
    return load_terms()


def spans(text, terms):
    return [text[s:e] for s, e in medical_context_spans(text, is_name=is_first_name, is_term=terms.is_term,
                                                          is_eponym=terms.is_eponym)]


@pytest.mark.parametrize("text,kept", [
    ("notes pasted from the Porto Alegre Huntington's disease clinic", "Huntington's disease"),
    ("we moved from Bexhill Down syndrome support group", "Down syndrome"),
])
def test_place_before_a_known_eponym_is_not_part_of_it(text, kept, terms):
    found = spans(text, terms)
    assert kept in found and not any(f.startswith(("Porto", "Bexhill")) for f in found)


@pytest.mark.parametrize("text", ["has Charcot Marie Tooth disease", "had Stevens Johnson syndrome",
                                  "Guillain Barre syndrome", "an Arnold-Chiari malformation", "Ramsay Hunt syndrome"])
def test_multi_word_eponyms_stay_whole(text, terms):
    assert text.split(" ", 1)[1] in spans(text, terms) or text in spans(text, terms)


def test_the_place_is_scrubbed_and_the_disease_kept():
    from medcorpus.scrub.engine import Scrubber

    text = "She was referred from Ipswich Hodgkin lymphoma clinic."
    found = [(text[s.start:s.end], s.entity) for s in Scrubber().analyze([text])[0]]
    assert ("Ipswich", "LOCATION") in found  # before: the whole run was taken for an eponym, the town kept
    assert not any("Hodgkin" in v for v, _ in found)


@pytest.mark.parametrize("text,name", [("Dr Hashimoto, kindly review the file.", "Hashimoto"),
                                       ("thanks again dr Parkinson for the letter", "Parkinson")])
def test_an_eponym_after_a_title_is_the_doctors_surname(text, name):
    from medcorpus.scrub.engine import Scrubber

    assert any(text[s.start:s.end].startswith(name) for s in Scrubber().analyze([text])[0])


@pytest.mark.parametrize("text", ["Dr Hashimoto's thyroiditis clinic notes", "she has Hashimoto disease, Dr said"])
def test_the_condition_itself_stays(text):
    from medcorpus.scrub.engine import Scrubber

    assert not any("Hashimoto" in text[s.start:s.end] for s in Scrubber().analyze([text])[0])
