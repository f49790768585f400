"""The context model that chooses among corrections (issue 19): real word lists from symspellpy,
real Harper, the real medical vocabulary."""
from __future__ import annotations

import pytest

from medcorpus.grammar.base import deterministic_fixes
from medcorpus.grammar.choose import Chooser, ChooserConfig, context_edits
from medcorpus.grammar.harper import HarperCorrector
from medcorpus.grammar.lm import ContextModel, context_words
from medcorpus.grammar.protect import load_vocabulary


@pytest.fixture(scope="module")
def lm():
    return ContextModel.load()


@pytest.fixture(scope="module")
def harpers():
    vocab = load_vocabulary("auto")
    return HarperCorrector(vocab, final_stop=False), HarperCorrector(vocab, final_stop=False, context_model=False)


def test_model_prefers_the_words_english_uses(lm):
    assert lm.score(["through"], "looked", "the") > lm.score(["thought"], "looked", "the")
    assert lm.logp("in", "order") > lm.logp("in", "disorder")
    assert lm.known("because") and not lm.known("becouse")
    assert context_words("We looked throught the window.", 10, 18) == ("looked", "the")
    assert context_words("Well, throught it.", 6, 14) == (None, "it")  # no word across the comma


def test_candidates_within_two_edits_and_splits(lm):
    cands = lm.candidates("throught")
    assert cands["through"] == 1 and cands["thought"] == 1 and cands["throughout"] == 2
    assert all(d <= 2 for d in cands.values())
    assert ("in", "order") in lm.splits("inorder")
    assert lm.splits("because") == [] or all(a + b == "because" for a, b in lm.splits("because"))


def test_spelling_chosen_by_context(lm):
    ch = Chooser(lm)
    text = "We looked throught the window."
    assert ch.spelling(text, 10, 18, ["thought", "through", "thorough"]) == "through"
    text = "I go home becouse I am tired."
    assert ch.spelling(text, 10, 17, []) == "because"  # a candidate Harper did not offer
    assert ch.spelling("Inorder to pass, study.", 0, 7, ["Informer"]) == "In order"
    # a capitalised unknown word inside a sentence is a name: left alone
    assert ch.spelling("It shows Diana Krall singing.", 15, 20, ["Krill"]) is None


def test_confidence_rule_refuses_an_unlikely_rule_edit(lm):
    from medcorpus.grammar.base import Edit

    ch = Chooser(lm)
    text = "He went to the school."
    likely = Edit(8, 10, "to", "to", "Grammar")
    unlikely = Edit(8, 10, "to", "xylophone", "Grammar")
    assert ch.rule(text, [unlikely, likely]) is likely
    assert ch.rule(text, [unlikely]) is None
    assert Chooser(lm, ChooserConfig(keep_margin=1e9)).rule(text, [unlikely]) is unlikely


def test_context_edits_swap_confusables_and_drop_stray_words(lm):
    ch = Chooser(lm)
    edits = context_edits(ch, "He is taller then his brother.")
    assert [(e.old, e.new, e.rule) for e in edits] == [("then", "than", "lm-confusable")]
    assert context_edits(ch, "He is taller than his brother.") == []
    assert context_edits(Chooser(lm, ChooserConfig(swap_margin=1e9)), "He is taller then his brother.") == []


def test_harper_with_context_model_beats_without(harpers):
    with_model, without = harpers
    assert with_model.correct("We looked throught the window.").text == "We looked through the window."
    assert without.correct("We looked throught the window.").text == "We looked thought the window."
    assert with_model.correct("It shows Diana Krall wearing a watch.").text == "It shows Diana Krall wearing a watch."
    assert with_model.correct("Inorder to pass, study hard.").text == "In order to pass, study hard."


def test_medical_words_still_protected_with_the_model(harpers):
    with_model, _ = harpers
    r = with_model.correct("i have diabetis and hypertenson, my pateint has pnemonia")
    assert r.text == "I have diabetes and hypertension, my patient has pneumonia"
    for term in ("metformin", "Hashimoto thyroiditis", "atrial fibrillation", "amoxicillin",
                 "Destruction of lesion of retina and choroid"):  # the model would drop its second "of"
        assert term in with_model.correct(f"the patient takes {term} then feels better").text


def test_comma_rules():
    text, edits = deterministic_fixes("Also the pain is less but it comes back. Nothing but rest helps. "
                                      "Not only this but also that. In this case we wait.", final_stop=False)
    assert text == ("Also, the pain is less, but it comes back. Nothing but rest helps. "
                    "Not only this but also that. In this case, we wait.")
    assert sorted(e.rule for e in edits) == ["comma-before-but", "introductory-comma", "introductory-comma"]
