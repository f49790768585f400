"""Round 9 fixes found by the older tests after the classifier was retrained: a strong frame's
name is not collapsed into a stop word, a town with its postcode on the line after an address
line goes, and lower-case English words with particles are no name on the classifier's word alone."""
from __future__ import annotations

from medcorpus.scrub.spans import not_a_name


def test_letters_said_three_times_collapse_only_for_weak_evidence():
    assert not_a_name("Hiii") and not_a_name("Annn")  # "hi", "an"
    assert not not_a_name("Annn", collapse=False) and not_a_name("hi", collapse=False)


def test_strong_frames_and_address_lines(tmp_path):
    from medcorpus.scrub.engine import Scrubber

    s = Scrubber()
    for text, value, kept in [("My name is Annn. Call 212-555-0113.", "Annn", False),
                              ("Yours,\n14 Quarry Lane\nPorthcawl 5521", "Porthcawl", False),
                              ("I went van der berg style and it was fine", "berg", True)]:
        spans = s.analyze([text])[0]
        i = text.index(value)
        covered = any(sp.start <= i and i + len(value) <= sp.end for sp in spans)
        assert covered != kept, (text, [(text[sp.start:sp.end], sp.recognizer) for sp in spans])
