"""The learned Chinese name classifier (medcorpus/scrub/zh_name_classifier.py): candidates at surname
characters, features that never hold the candidate itself, shipped weights, names in frames no rule
knows, and no medical term or common word taken for a name."""
from __future__ import annotations

import gzip
import json

import pytest

from medcorpus.scrub.allowlist import load_terms, resource_path
from medcorpus.scrub.zh_name_classifier import (WEIGHTS_FILE, ZhNameClassifierRecognizer, candidates, choose, features,
                                                load_weights, predict)
from tests.scrub_helpers import found

TEXTS = ["复诊请带上化验单。经办：冯志强。", "我叫欧阳娜娜，今年三十岁，高血压两年。", "周末带孩子去看黄疸，王医生说没事。",
         "這次陪診的是陳美玲，她會把報告帶回來。"]


@pytest.fixture(scope="module")
def recognizer():
    return ZhNameClassifierRecognizer(load_terms(()))


def _spans(rec, text):
    return [text[r.start:r.end] for r in rec.analyze(text, ["PERSON"])]


def test_candidates_start_at_surnames_single_compound_and_traditional():
    text = "我叫欧阳娜娜，陳美玲也来了"
    spans = {text[s:e] for s, e, _ in candidates(text)}
    assert {"欧阳娜", "欧阳娜娜", "陳美", "陳美玲"} <= spans
    assert not any(sp.startswith(("我", "叫", "，")) for sp in spans)  # no surname there, no candidate


def test_features_never_contain_the_whole_candidate():
    terms = load_terms(())
    n = 0
    for text in TEXTS:
        for s, e, feats in features(text, terms):
            n += 1
            assert not [f for f in feats if text[s:e] in f], text[s:e]
    assert n > 10


def test_weights_load_and_were_never_trained_on_held_out_splits():
    index, weights, bias = load_weights()
    assert len(index) == len(weights) > 1000 and isinstance(bias, float)
    with gzip.open(resource_path(WEIGHTS_FILE), "rt", encoding="utf-8") as fh:
        trained_on = json.load(fh)["trained_on"]
    used = trained_on.split("never")[0]
    assert "tune" in used and not any(name in used.replace(",", " ").split() for name in ("untouched", "blind3", "blind11", "blind12"))
    assert 0.0 < predict([("bias",)])[0] < 0.5  # a candidate that is nothing in particular is no name


def test_a_name_in_a_frame_no_rule_knows_is_found(recognizer, scrubber):
    """"经办：" and "陪诊的是" are in no rule's frame list (checked when the classifier was added)."""
    for text in ("复诊请带上化验单。经办：冯志强。", "这次陪诊的是冯志强，他会把报告带回来。"):
        assert _spans(recognizer, text) == ["冯志强"]
        assert ("冯志强", "PERSON") in found(scrubber, text)


def test_spans_score_below_the_medical_veto(recognizer):
    res = recognizer.analyze("复诊请带上化验单。经办：冯志强。", ["PERSON"])
    assert res and all(0.4 < r.score < 0.8 for r in res)
    assert res[0].recognition_metadata["recognizer_name"] == "ZhNameClassifier:person"


@pytest.mark.parametrize("text,word", [("诊断：高血压。", "高血压"), ("这是王牌，", "王牌"), ("周末，", "周末"),
                                       ("原因是黄疸，", "黄疸"), ("每天服用华法林和阿司匹林，还有黄连素。", "华法林")])
def test_common_words_and_medical_terms_starting_with_a_surname_are_not_taken(recognizer, scrubber, text, word):
    """Where a bare name could stand (after a label, before a comma): the dictionary says no."""
    s = text.index(word)
    assert not [r for r in recognizer.analyze(text, ["PERSON"]) if r.start < s + len(word) and s < r.end]
    assert not [v for v, ent in found(scrubber, text) if ent == "PERSON" and (v in word or word in v)]


def test_a_medical_term_is_vetoed_even_when_the_classifier_proposes_it(scrubber):
    """The engine's allow-list wins over the classifier's weak score (< 0.8)."""
    text = "我有高血压两年了。"
    probs = predict([f for s, e, f in features(text, load_terms(())) if text[s:e] == "高血压"])
    assert probs and probs[0] < 0.5  # the classifier itself says no
    assert not [v for v, ent in found(scrubber, text) if ent == "PERSON"]


def test_choose_keeps_one_span_per_start_and_no_overlaps():
    spans = [(0, 2), (0, 3), (2, 4), (5, 7)]
    assert choose(spans, [0.7, 0.9, 0.95, 0.3], 0.6) == [(2, 4, 0.95)]  # the best first; 0..3 overlaps it
    assert choose(spans, [0.7, 0.65, 0.1, 0.3], 0.6) == [(0, 2, 0.7)]


def test_the_score_bound_leaves_out_only_candidates_below_the_threshold(recognizer):
    """The recognizer skips jieba's tagger for candidates whose best case is below the threshold:
    every left-out candidate scores below it in full, and the chosen spans are the same."""
    terms = recognizer.terms
    texts = TEXTS + ["复查时请找李主任，他说张三丰也来过。", "患者刘德华，男，45岁，诉头痛三天。", "谢谢医生，高血压吃什么药好？",
                     "王大夫说黄芪可以泡水喝，何时复诊？"]
    left_out = 0
    for text in texts:
        full = features(text, terms)
        kept = features(text, terms, min_logit=recognizer.min_logit)
        assert set(kept) <= set(full)  # the same candidates with the same features (a span may come twice: 欧阳+娜, 欧+阳娜)
        probs = predict([f for _, _, f in full])
        for candidate, p in zip(full, probs):
            if candidate not in kept:
                left_out += 1
                assert p < recognizer.threshold, candidate
        assert choose([(s, e) for s, e, _ in full], probs, recognizer.threshold) == \
            choose([(s, e) for s, e, _ in kept], predict([f for _, _, f in kept]), recognizer.threshold)
    assert left_out > 10  # the bound does leave candidates out
