"""GLEU, JFLEG tokenisation and the protected vocabulary (no grammar engine needed)."""
from __future__ import annotations

import math

import pytest

from medcorpus.grammar.base import add_final_stop, changes_protected, deterministic_fixes
from medcorpus.grammar.gleu import corpus_gleu
from medcorpus.grammar.protect import (Vocabulary, disease_db_terms, find_hunspell_med, load_vocabulary,
                                       osa_distance, read_hunspell_dic, shipped_terms)
from medcorpus.grammar.tokens import detokenise, tokenise
from tests.conftest import SAMPLE_DIR


# ------------------------------------------------------------------ GLEU
def test_gleu_hand_computed():
    src, ref = "a b c d".split(), "a b c e".split()
    # unigrams: 3 matches - 1 source-only ("d") kept = 2/4; bigrams: 2 - 1 ("c d") = 1/3; no brevity penalty
    g = corpus_gleu([src], [src], [[ref]], order=2)
    assert g.mean == pytest.approx(math.sqrt(2 / 4 * 1 / 3))
    assert corpus_gleu([src], [ref], [[ref]], order=2).mean == pytest.approx(1.0)
    # a shorter hypothesis pays the brevity penalty
    short = "a b c".split()
    g_short = corpus_gleu([src], [short], [[ref]], order=2).mean
    assert g_short == pytest.approx(math.exp(1 - 4 / 3) * math.sqrt(3 / 3 * 2 / 2))


def test_gleu_multi_reference_sampling_is_seeded():
    src = [["x", "y", "z", "w"]] * 3
    refs = [[["x", "y", "z", "w"]] * 3, [["x", "q", "z", "w"]] * 3]
    a = corpus_gleu(src, src, refs, iterations=20)
    b = corpus_gleu(src, src, refs, iterations=20)
    assert a.mean == b.mean and 0 < a.mean < 1 and a.iterations == 20
    with pytest.raises(ValueError):
        corpus_gleu(src, src[:2], refs)


def test_gleu_jfleg_dev_source(shared_data):
    d = shared_data / "jfleg_dev"
    src = [l.split() for l in (d / "dev.src").read_text().splitlines()]
    refs = [[l.split() for l in (d / f"dev.ref{k}").read_text().splitlines()] for k in range(4)]
    # the unchanged source scores about 38.2 on JFLEG dev (the figure JFLEG publishes for it)
    assert corpus_gleu(src, src, refs, iterations=100).percent == pytest.approx(38.2, abs=0.2)
    # detokenising and re-tokenising changes almost nothing
    back = [tokenise(detokenise(" ".join(s))) for s in src]
    assert sum(b != s for b, s in zip(back, src)) <= 0.02 * len(src)


def test_tokens_round_trip():
    assert detokenise("I do n't know , he said . It 's \" fine \" ( ok )") == "I don't know, he said. It's \"fine\" (ok)"
    assert tokenise("I don't know, he said. It's \"fine\" (ok)") == \
        ["I", "do", "n't", "know", ",", "he", "said", ".", "It", "'s", '"', "fine", '"', "(", "ok", ")"]


# ------------------------------------------------------------------ protected vocabulary
def test_hunspell_med_is_installed_and_read():
    path = find_hunspell_med()
    assert path is not None, "install Debian's hunspell-en-med (make system-deps)"
    words = read_hunspell_dic(path)
    assert len(words) > 80_000
    assert "metformin" in {w.lower() for w in words}
    assert not any(w[0].isspace() or "/" in w for w in words)


def test_read_hunspell_dic_format(tmp_path):
    dic = tmp_path / "x.dic"
    dic.write_text("3\n    a comment line\n\nzolpidem/MS\nAarskog\n")
    assert read_hunspell_dic(dic) == ["zolpidem", "Aarskog"]


def test_disease_db_terms_and_shipped_list(shared_data):
    terms = disease_db_terms(SAMPLE_DIR / "disease_db_sample.csv")
    assert "Panic disorder" in terms and "Sharp chest pain" in terms
    assert "Paroxetine" in terms and "Paxil" in terms  # "Paroxetine (Paxil)" gives both names
    # the shipped list is what the generator makes from the shared disease DB
    assert shipped_terms() == disease_db_terms(shared_data / "disease_db" / "format_dataset.csv")


def test_vocabulary_rules(tmp_path):
    words = tmp_path / "mine.txt"
    words.write_text("# my words\nzolpidemx\nFoo-bar syndrome\n")
    v = load_vocabulary(None, [], [str(words)], shipped=True)
    assert v.is_protected("zolpidemx") and v.is_protected("Zolpidemx") and v.is_protected("syndrome")
    assert v.is_protected("Metformin") and v.is_protected("metformin's")
    assert not v.is_protected("the") and not v.is_protected("of")  # function words never
    assert v.best_protected("diabetis").lower() == "diabetes"
    assert v.best_protected("technolgy") is None
    assert osa_distance("diabetis", "diabetes") == 1 and osa_distance("teh", "the") == 1


def test_everyday_words_are_not_protected_from_the_dictionary():
    v = load_vocabulary("auto", [], [], shipped=False)
    assert v.is_protected("dexamethasone") and v.is_protected("zolpidem")
    assert not v.is_protected("image")   # in the medical dictionary, but everyday English


def test_changes_protected():
    v = Vocabulary(["metformin"], ["diabetes"])
    t = "I take metformin for diabetes"
    s = t.index("metformin")
    assert changes_protected(t, s, s + 9, "Metformin", v)
    assert changes_protected(t, s + 2, s + 5, "x", v)           # inside the word
    assert not changes_protected(t, 0, 1, "We", v)
    assert not changes_protected(t, s - 1, s - 1, " the", v)    # an insertion beside it
    v = Vocabulary([], ["sclerosis"], phrases=["Multiple sclerosis"])
    t = "She has multiple sclerosis today"
    s = t.index("sclerosis")
    assert changes_protected(t, s, s, "pieces of ", v)           # nothing goes inside a term
    assert not changes_protected(t, 0, 3, "He", v)


def test_deterministic_fixes():
    fixed, edits = deterministic_fixes("i have pain.i took metformin..what should i do??? i'm scared")
    assert fixed == "I have pain. I took metformin. What should I do? I'm scared."
    assert {e.rule for e in edits} >= {"space-after-punctuation", "lone-i", "repeated-punctuation", "final-stop"}
    for keep in ("See www.example.com today", "mail me at a.b@example.org", "take 2.5 mg daily",
                 "e.g. this one", "the i.e. form", "see http://x.org/a.b now"):
        assert deterministic_fixes(keep, final_stop=False)[0][1:] == keep[1:], keep
    assert deterministic_fixes("however we can go", final_stop=False)[0] == "However, we can go"
    assert add_final_stop("virus.)")[0] == "virus.)" and add_final_stop("it hurts now\n")[0] == "it hurts now.\n"
