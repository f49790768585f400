"""ROUGE-L novelty filter (checked against rouge-score), grounding and length bounds (issue #4)."""
from __future__ import annotations

import random

import pytest
from rouge_score import rouge_scorer

from medcorpus.knowledge.filters import (NoveltyIndex, fact_variants, grounding_problem, lcs_length,
                                         length_problem, mentions, rouge_l, rouge_tokens)


class CjkChars:
    """An independent character tokenizer for rouge-score (pure CJK test strings)."""

    def tokenize(self, text):
        return [c for c in text if "\u4e00" <= c <= "\u9fff"]


ZH_SCORER = rouge_scorer.RougeScorer(["rougeL"], tokenizer=CjkChars())
EN_SCORER = rouge_scorer.RougeScorer(["rougeL"])  # the self-instruct setting: default tokenizer, no stemmer


def _dp_lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[-1]))
        prev = cur
    return prev[-1]


def _mutations(rng, base, vocab, n, words=False):
    out = []
    for _ in range(n):
        seq = list(rng.choice(base))
        for _ in range(rng.randint(0, 6)):
            op, pos = rng.random(), rng.randrange(len(seq) + 1)
            if op < 0.4:
                seq.insert(pos, rng.choice(vocab))
            elif seq and op < 0.7:
                seq.pop(min(pos, len(seq) - 1))
            elif seq:
                seq[min(pos, len(seq) - 1)] = rng.choice(vocab)
        out.append((" " if words else "").join(seq))
    return out


def _naive_keep(texts, scorer, threshold=0.7):
    kept, decisions = [], []
    for x in texts:
        ok = all(scorer.score(k, x)["rougeL"].fmeasure <= threshold for k in kept)
        decisions.append(ok)
        if ok:
            kept.append(x)
    return decisions


def test_lcs_bit_parallel_equals_dynamic_programming():
    rng = random.Random(0)
    for _ in range(500):
        a = [rng.choice("abcde") for _ in range(rng.randint(0, 70))]
        b = [rng.choice("abcde") for _ in range(rng.randint(0, 70))]
        assert lcs_length(a, b) == _dp_lcs(a, b)


def test_tokens_match_rouge_score_for_english_and_chars_for_chinese():
    from rouge_score import tokenize

    for text in ("What's the dose of Ibuprofen-400, for a 7 year old?", "É café naïve 3x daily"):
        assert rouge_tokens(text) == tokenize.tokenize(text, None)
    assert rouge_tokens("当归的功效，是什么？") == list("当归的功效是什么")
    assert rouge_tokens("黄芪30g可以吗") == ["黄", "芪", "30g", "可", "以", "吗"]


def test_chinese_scores_and_filter_equal_all_pairs_rouge_score():
    rng = random.Random(1)
    chars = "的了是什么黄芪当归功效主治怎么用有哪些作用请介绍一下汤方组成剂量比较"
    base = ["".join(rng.choice(chars) for _ in range(rng.randint(5, 30))) for _ in range(30)]
    texts = _mutations(rng, base, chars, 300)
    for a, b in zip(texts, reversed(texts)):
        assert rouge_l(a, b) == ZH_SCORER.score(a, b)["rougeL"].fmeasure
    index = NoveltyIndex(0.7)
    ours = [index.check_and_add(t, str(i)).novel for i, t in enumerate(texts)]
    assert ours == _naive_keep(texts, ZH_SCORER)
    assert 0 < sum(ours) < len(texts)
    assert index.compared < len(texts) * sum(ours) / 10  # far fewer exact comparisons than all pairs


def test_english_filter_equals_all_pairs_rouge_score():
    rng = random.Random(2)
    vocab = "what is the dose of aspirin for headache fever in children and adults how often can i take".split()
    base = [[rng.choice(vocab) for _ in range(rng.randint(4, 16))] for _ in range(25)]
    texts = _mutations(rng, base, vocab, 250, words=True)
    index = NoveltyIndex(0.7)
    ours = [index.check_and_add(t, str(i)).novel for i, t in enumerate(texts)]
    assert ours == _naive_keep(texts, EN_SCORER)
    assert 0 < sum(ours) < len(texts)


def test_threshold_is_strict_and_verdict_names_the_match():
    index = NoveltyIndex(0.7)
    assert index.check_and_add("请介绍一下当归的功效", "a").novel
    v = index.check_and_add("请介绍一下当归的主要功效", "b")
    assert not v.novel and v.match == "a" and v.score > 0.7
    assert v.score == pytest.approx(ZH_SCORER.score("请介绍一下当归的功效", "请介绍一下当归的主要功效")["rougeL"].fmeasure)
    assert index.check_and_add("黄芪和党参在补气方面有什么不同", "c").novel
    # exactly 0.7 is kept (the filter drops scores *above* the threshold): LCS 7 of 10 + 10 tokens
    a, b = "abcdefghij", "abcdefgxyz"
    assert rouge_l(" ".join(a), " ".join(b)) == pytest.approx(0.7)
    idx = NoveltyIndex(0.7)
    idx.add(" ".join(a), "a")
    assert idx.check(" ".join(b)).novel
    assert len(index) == 2
    with pytest.raises(ValueError):
        NoveltyIndex(1.5)


# ------------------------------------------------------------------ grounding
def test_grounding_chinese():
    facts = ["解肌发表", "调和营卫", "伤寒论", "桂枝", "温"]
    assert grounding_problem("桂枝汤能解肌发表，用于表虚证。", "桂枝汤", ["阳旦汤"], facts) is None
    assert grounding_problem("阳旦汤出自《伤寒论》。", "桂枝汤", ["阳旦汤"], facts) is None  # an alias names it
    # with the entity's own name, an alias is a fact; an alias alone names it but is no fact
    assert grounding_problem("桂枝汤又名阳旦汤。", "桂枝汤", ["阳旦汤"], facts) is None
    assert "no fact" in grounding_problem("阳旦汤是个好方子，请遵医嘱。", "桂枝汤", ["阳旦汤"], facts)
    assert "does not name" in grounding_problem("这个方子能调和营卫。", "桂枝汤", ["阳旦汤"], facts)
    assert "no fact" in grounding_problem("桂枝汤是一个很好的方子，请遵医嘱。", "桂枝汤", [], facts)
    # a one-character fact (温) would match anything: it does not count
    assert "no fact" in grounding_problem("桂枝汤宜温服。", "桂枝汤", [], ["温"])
    # the entity's own name inside a fact is not a fact used (桂枝 is part of 桂枝汤)
    assert "no fact" in grounding_problem("桂枝汤很常用。", "桂枝汤", [], ["桂枝"])


def test_grounding_english_whole_words_and_parts():
    facts = ["Alprazolam (Xanax)", "Palpitations", "ECG"]
    assert grounding_problem("Panic disorder is often treated with xanax.", "Panic disorder", [], facts) is None
    assert grounding_problem("In panic disorder, PALPITATIONS are common.", "Panic disorder", [], facts) is None
    assert "no fact" in grounding_problem("Panic disorder: see an ECGs specialist.", "Panic disorder", [], facts)
    assert "does not name" in grounding_problem("Palpitations are common.", "Panic disorder", [], facts)
    assert fact_variants("Alprazolam (Xanax)") == ["alprazolam (xanax)", "alprazolam", "xanax"]
    assert mentions("Take ibuprofen.", "ibuprofen") and not mentions("Take ibuprofens.", "ibuprofen")


def test_length_bounds():
    assert length_problem("请介绍当归", "当归能补血活血，调经止痛。" * 2, 4, 100, 10, 300) is None
    assert "instruction too short" in length_problem("当归", "x" * 50, 4, 100, 10, 300)
    assert "instruction too long" in length_problem("问" * 101, "x" * 50, 4, 100, 10, 300)
    assert "response too short" in length_problem("请介绍当归", "补血", 4, 100, 10, 300)
    assert "response too long" in length_problem("请介绍当归", "x" * 301, 4, 100, 10, 300)


def test_english_check_refuses_latin_letter_gibberish():
    from medcorpus.knowledge.filters import english_problem

    terms = ["Metabolic disorder", "Alglucosidase Alfa"]
    good = "Which drugs help with metabolic disorder? Metabolic disorder is commonly treated with Alglucosidase Alfa."
    assert english_problem(good, terms, 0.85) is None  # drug names count through the card's terms
    bad = "How is een problem van het Metabolic disorder ook voor eet in dayen van het hendiakies kaf?"
    assert english_problem(bad, terms, 0.85).startswith("not English: ")
    assert english_problem(bad, terms, 0.0) is None
