"""Round 9 of issue 18: the token classifier knows code-switched text. Function words of other
Latin-script languages (spaCy's stop-word lists) are a word kind of their own, and every candidate
carries how foreign its line reads, so "Terima kasih doc" or "si Arnel po" are judged as such."""
from __future__ import annotations

from medcorpus.scrub.allowlist import load_terms
from medcorpus.scrub.token_classifier import _line_language, foreign_function_words, token_features


def test_foreign_function_words_come_from_other_languages_and_are_never_english():
    words = foreign_function_words()
    assert {"ang", "po", "muito", "aber"} <= words  # Tagalog, Portuguese, German
    assert not {"the", "and", "will", "hope", "doctor"} & words


def test_line_language_classes():
    def lang(t):
        return _line_language(t, 0, len(t))

    assert lang("my son has had a cough since monday and a fever") == "en"
    assert lang("mummy ko kal raat se bukhar hai aur khansi bhi") == "foreign"
    assert lang("she takes metformin daily, sabi ng doktor okay lang daw") in ("mixed", "foreign")
    assert lang("Hi Dr Okafor") == "short"


def test_candidates_carry_their_kind_and_line_language():
    text = "Yung anak ko si Arnel po may lagnat.\nMy daughter Beatriz has a rash."
    spans, feats = token_features(text, load_terms(()))
    by_word = {text[s:e]: f for (s, e), f in zip(spans, feats)}
    assert "line_lang=foreign" in by_word["Arnel"] and "line_lang=en" in by_word["Beatriz"]
    assert "w+1=k:foreign_stop" in by_word["Arnel"]  # "po" after the name
    assert "w+1=k:foreign_stop" not in by_word["Beatriz"]


def test_small_towns_are_a_word_kind_of_their_own():
    """A GeoNames place of 500+ people that is no city of 15k+ ("Tarbert") is kind "town"; English
    words and unknown words are not looked up."""
    from medcorpus.scrub.token_classifier import _kind_of

    terms = load_terms(())
    assert "town" in _kind_of("Tarbert", terms) and "city" not in _kind_of("Tarbert", terms)
    assert "town" not in _kind_of("Leeds", terms)  # a city
    assert "town" not in _kind_of("Hope", terms) and "town" not in _kind_of("Zbigniewa", terms)


def test_multi_word_place_names_are_marked_and_taken_whole():
    """Runs of 2-4 words naming a GeoNames place carry "in_place_name" ("El Carmen de Bolívar",
    lower-case "newcastle upon tyne"); ordinary English phrases do not."""
    from medcorpus.scrub.token_classifier import token_features_and_places

    text = "Off to El Carmen de Bolívar next week, then home to newcastle upon tyne. Kind Regards, the Health Centre."
    spans, feats, places = token_features_and_places(text, load_terms(()))
    names = [text[s:e] for s, e in places]
    assert "El Carmen de Bolívar" in names and "newcastle upon tyne" in names
    assert not any("Regards" in n or "Centre" in n for n in names)
    by_word = {text[s:e]: f for (s, e), f in zip(spans, feats)}
    assert "in_place_name=city" in by_word["Carmen"] and not any(f.startswith("in_place") for f in by_word["Off"])


def test_a_classifier_name_does_not_grow_over_a_lower_case_word_after_a_capitalised_one():
    from medcorpus.scrub.token_classifier import TokenClassifierRecognizer, _joinable

    text = "Mr Bell came in. dos Santos"
    assert not _joinable(text, (8, 12), 3)  # "came" after "Bell"
    assert _joinable(text, (17, 20), 21)  # "dos" before "Santos": a particle
    rec = TokenClassifierRecognizer(load_terms(()))
    low = "my neighbour mark sweeney drove me"
    assert any(low[r.start:r.end] == "mark sweeney" for r in rec.analyze(low, ["PERSON"]))
