"""The Harper backend for real (with Debian's medical dictionary) and the LanguageTool backend
against a local server speaking LanguageTool's /v2/check API."""
from __future__ import annotations

import pytest

from medcorpus.grammar.harper import HarperCorrector
from medcorpus.grammar.languagetool import (LanguageToolCorrector, apply_matches, probe, utf16_offsets,
                                            utf16_to_index)
from medcorpus.grammar.protect import load_vocabulary, shipped_terms
from tests.fakes.languagetool_server import LanguageToolFake


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary("auto")


@pytest.fixture(scope="module")
def harper(vocab):
    return HarperCorrector(vocab)


@pytest.fixture
def lt():
    with LanguageToolFake(hang=3.0) as fake:
        yield fake


# ------------------------------------------------------------------ Harper
def test_harper_protects_and_fixes_medical_misspellings(harper):
    r = harper.correct("i have diabetis and take metformine.my chest hurts")
    assert r.text == "I have diabetes and take metformin. My chest hurts."
    assert r.kinds()["Spelling"] == 2 and any(e.rule == "medical" for e in r.edits)
    # the plain loop "corrects" the disease to another word: why protection matters
    assert "diabetic" in HarperCorrector(None, plain=True).correct("i have diabetis").text


def test_harper_never_changes_protected_words(harper):
    text = "Take Augmentin and Reclast, then an EKG; labyrinthitis and rehydrate are fine"
    r = harper.correct(text)
    for word in ("Augmentin", "Reclast", "EKG", "labyrinthitis", "rehydrate"):
        assert word in r.text
    assert HarperCorrector(None, plain=True).correct("Take Augmentin and Reclast.").text != "Take Augmentin and Reclast."


def test_harper_fixes_grammar(harper):
    assert harper.correct("He buyed a apple yesterday and it were good.").text.startswith("He bought an apple")
    assert harper.correct("This is is a test of teh linter").text == "This is a test of the linter."


def test_harper_user_words(tmp_path):
    words = tmp_path / "w.txt"
    words.write_text("Zolpidexa\n")
    c = HarperCorrector(load_vocabulary("auto", [], [str(words)]))
    assert "Zolpidexa" in c.correct("She takes Zolpidexa at night.").text
    assert "Zolpidexa" in c.correct("She takes Zolpidexe at night.").text  # fixed only to a protected word


def test_disease_db_terms_unchanged(harper):
    terms = shipped_terms()[::7]  # every 7th term keeps this fast; the benchmark runs them all
    changed = [t for t in terms if t not in harper.correct(t).text]   # a final stop may be added
    assert changed == []
    changed = [t for t in terms if t not in harper.correct(f"i think the patient has {t} now").text]
    assert changed == []


# ------------------------------------------------------------------ LanguageTool
def test_utf16_offsets():
    text = "a😀b你c"
    pos = utf16_offsets(text)
    assert pos == [0, 1, 3, 4, 5, 6]
    assert utf16_to_index(pos, 3) == 2 and utf16_to_index(pos, 6) == 5


def test_languagetool_offsets_with_emoji_and_cjk(lt, vocab):
    c = LanguageToolCorrector(lt.url, vocab)
    r = c.correct("Hello 😀😀 teh pateint 你好 i think he go home")
    assert r.error is None
    assert r.text == "Hello 😀😀 the patient 你好 I think he goes home"
    assert len(lt.texts) == 1


def test_languagetool_safe_matches_only(lt, vocab):
    c = LanguageToolCorrector(lt.url, vocab)
    r = c.correct("i take metformin wich is very unique for diabetis")
    # metformin: protected; wich: two replacements; very unique: STYLE; diabetis: only to a protected word
    assert r.text == "I take metformin wich is very unique for diabetes"
    assert r.protected_skips == 1


def test_languagetool_overlapping_matches(vocab):
    text = "I saw teh patient today"
    matches = [
        {"offset": 6, "length": 3, "replacements": [{"value": "the"}], "rule": {"id": "T", "category": {"id": "TYPOS"}}},
        {"offset": 6, "length": 11, "replacements": [{"value": "the patients"}], "rule": {"id": "G", "category": {"id": "GRAMMAR"}}},
        {"offset": 10, "length": 7, "replacements": [{"value": "pat"}], "rule": {"id": "X", "category": {"id": "GRAMMAR"}}},
    ]
    r = apply_matches(text, matches, vocab)
    assert r.text == "I saw the patients today" and len(r.edits) == 1
    r = apply_matches(text, list(reversed(matches)), vocab)  # the order of the reply does not matter
    assert r.text == "I saw the patients today"


def test_languagetool_server_error_and_timeout(lt, vocab):
    c = LanguageToolCorrector(lt.url, vocab, timeout=0.5)
    r = c.correct("teh SERVER_ERROR here")
    assert r.text == "teh SERVER_ERROR here" and "500" in r.error
    r = c.correct("teh SLOW_TIMEOUT here")  # the reply would come after 3 s: the client gave up at 0.5 s
    assert r.text == "teh SLOW_TIMEOUT here" and "timeout" in r.error


def test_languagetool_requests_in_flight(vocab):
    texts = [f"teh sentence number {i}" for i in range(8)]
    with LanguageToolFake(gather=8) as fake:  # the server holds each request until all eight arrived
        out = LanguageToolCorrector(fake.url, vocab, concurrency=8).correct_many(texts)
    assert [o.text for o in out] == [f"The sentence number {i}" for i in range(8)]
    assert fake.max_in_flight == 8
    with LanguageToolFake(gather=8, gather_wait=0.2) as fake:  # one at a time: the server sees one
        out = LanguageToolCorrector(fake.url, vocab, concurrency=1).correct_many(texts[:3])
    assert [o.text for o in out] == [f"The sentence number {i}" for i in range(3)]
    assert fake.max_in_flight == 1


def test_probe(lt):
    assert probe(lt.url) is None
    assert probe("http://127.0.0.1:9") is not None
