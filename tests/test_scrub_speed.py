"""The scrubber's speed-ups change nothing it finds: regex gates are necessary conditions of their
patterns, the recognizers run in a fixed order, and shared per-text work gives what the
recognizers computed on their own."""
from __future__ import annotations

import re

import pytest

from medcorpus.scrub.regex_gate import TextView, gate_of

# texts that try the gates' edges: case, Unicode letters that regex case folding equates with ASCII
# (long s, dotless i, Kelvin sign, dotted capital I), full-width and Arabic-Indic digits, Chinese
TRICKY = ["My NAME is Bob", "my naMe's bob", "myſ name iſ x", "MY NAME İS", "naıme", "\u212aelvin street 12",
          "room ٣٤", "电话：１３８００１３８０００", "call me on 0207 946 0000", "", "x", "住在北京市朝阳区12号",
          "Name:\nJohn", "no digits at all here", "NO. 7 jalan ampang", "ZIP CODE 94110", "h.no. 4-5-6, MG Road"]


@pytest.mark.parametrize("pattern", [
    r"(?i)\bmy\s+name\s+is\b", r"(?i:my name(?:'s| is)) (\w+)", r"(?:ab|cd)e", r"(?:ab|c?)e", r"a(?=bc)",
    r"(?<=x)y", r"(?!abc)d", r"(a)\1", r"(?:foo)?bar", r"x{0,3}yz", r"(?:zz){2,}", r"\d{3}-\d{4}", r"[1-9]\d",
    r"(?i:s)(?-i:T)", r"(?a:\d)x", r"[^\d]name", r"[\u4e00-\u9fff]{2}市", r"(?i)k[a-c]lvin", r"(?x) m y \# n",
    r"(?i)iS", r"(?i)S", r"(a)?(?(1)b|c)d", r"\bno\.?\s*\d", r"(?i)zip|postal"])
def test_a_gate_passes_every_text_its_pattern_matches(pattern):
    for flags in (0, re.IGNORECASE, re.ASCII):
        regex = re.compile(pattern, flags)
        gate = gate_of(regex)
        for text in TRICKY + [pattern, pattern.upper(), "aa bc xy d bar yz zzzz 123-4567 19 sT 1x ab naMe"]:
            if regex.search(text):
                assert gate is None or gate.passes(TextView(text)), (pattern, flags, text, gate)


def test_gates_are_selective_where_it_pays():
    assert gate_of(re.compile(r"(?i)\bmy\s+name\s+is\b")).passes(TextView("no such words")) is False
    assert gate_of(re.compile(r"\b\d{3}-\d{4}\b")).passes(TextView("no digits")) is False
    assert gate_of(re.compile(r"(?:ab|c?)e")) is None  # an optional branch needs nothing


def test_every_recognizer_pattern_gate_is_sound(scrubber):
    from medcorpus.scrub.patterns import GroupPatternRecognizer

    texts = TRICKY + [
        "Hi, my name is Angela Merkel, I live in 221B Baker Street, London NW1 6XE. Call me on +44 20 7946 0958.",
        "Regards,\nDr. Nilesh Kumar\nMRN: 83374996, DOB 12/03/1985, email a.b@example.com, https://x.org/a",
        "我叫王小明，住在北京市朝阳区建国路88号，电话13800138000，身份证号110105199001011234，2023年5月3日复诊。",
        "I'm from Springfield, Illinois; zip code 62704. My son Tom (age 93) was seen on Mon, Jan 5.",
    ]
    n = 0
    for rec in scrubber.analyzer.registry.recognizers:
        if isinstance(rec, GroupPatternRecognizer):
            for p in rec.patterns:
                gate = gate_of(p.regex)
                for text in texts:
                    if p.regex.search(text):
                        n += 1
                        assert gate is None or gate.passes(TextView(text)), (rec.name, p.name, text)
    assert n > 20  # the texts do exercise the patterns


def test_the_same_spans_on_every_run(scrubber):
    from medcorpus.scrub.engine import Scrubber

    text = ("Dear Dr Pillai, my mother Maria Lopez (DOB 03/04/1951) lives at 12 Gandhi Street, Pune 411001; "
            "call +91 98200 12345. Lopez is allergic to penicillin. Regards, Anita")
    other = Scrubber()  # its recognizers sit at other addresses: the order must not depend on them
    assert scrubber.analyze([text]) == other.analyze([text])
    names = [r.name for r in other.analyzer.registry.get_recognizers("en", entities=["PERSON"])]
    assert names == [r.name for r in other.analyzer.registry.recognizers
                     if r.supported_language == "en" and "PERSON" in r.supported_entities]


def test_the_faster_hmm_decodes_as_jieba_does():
    import random

    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi as jieba_viterbi

    from medcorpus.scrub.zh_hmm import viterbi, viterbi_arrays

    text = ("医生您好，我叫王小明，今年三十五岁，最近总是头痛失眠，上周在北京协和医院做了检查，张医生说是神经衰弱，"
            "开了谷维素和维生素B1，吃了一个星期还是没有好转，请问欧阳大夫还需要做什么检查吗？谢谢！")
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rnd = random.Random(3)
    runs = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 7))) for _ in range(300)] + ["张伟", "欧阳娜娜", "谢谢医生"]
    runs += ["\u4dc0\u4e00", "龘", "〇〇"]  # characters the HMM has no emission for (every state, a tie)
    for run in runs:
        expected = jieba_viterbi(run, char_state_tab_P, start_P, trans_P, emit_P)
        assert viterbi(run, char_state_tab_P, start_P, trans_P, emit_P) == expected, run
        assert viterbi_arrays(run, char_state_tab_P, start_P, trans_P, emit_P) == expected, run


def test_what_the_scrubber_loads_is_frozen_out_of_the_cyclic_collector(scrubber):
    import gc

    young = {id(o) for o in gc.get_objects()}  # gc.get_objects() skips the frozen (permanent) generation
    assert gc.get_freeze_count() > 10_000
    assert id(scrubber.analyzer) not in young and id(scrubber.analyzer.registry.recognizers) not in young


def test_a_scrubber_built_after_another_frees_what_the_first_froze(scrubber):
    import gc

    from medcorpus.scrub.engine import Scrubber

    Scrubber()  # dropped at once: its cycles (spaCy's pipeline, presidio's registry) were frozen with it
    frozen = gc.get_freeze_count()
    Scrubber()
    assert gc.get_freeze_count() - frozen < 1_000  # without release, each Scrubber kept ~7k objects and ~25 MiB


@pytest.mark.parametrize("group", [2, 256])
def test_a_batch_taken_recognizer_by_recognizer_gives_each_text_its_own_spans(scrubber, monkeypatch, group):
    from medcorpus.scrub import analysis

    monkeypatch.setattr(analysis, "GROUP", group)  # 2: the batch is taken in several groups
    texts = ["Hi, I'm Priya Raman from Coimbatore; call 98450 12345 or mail priya.r@example.in. MRN: 4471920.",
             "我叫王小明，住在北京市朝阳区建国路88号，电话13800138000。",
             "No names here, only a headache since Monday and 500 mg paracetamol.",
             "Regards,\nDr. Nilesh Kumar\nSunrise Clinic, Pune 411001",
             "My son Tom (age 7) saw Dr Okafor at 12 Baker Street, Leeds LS1 4AB on 03/04/2023."]
    together = scrubber.analyze(texts)
    assert together == [scrubber.analyze([t])[0] for t in texts]
    assert all(together[i] for i in (0, 1, 3, 4))  # the texts do hold identifiers


def test_views_are_shared_within_a_batch_and_dropped_after():
    from medcorpus.scrub.regex_gate import shared_views, text_view

    a, b = "first text 12", "second text"
    with shared_views([a, b]):
        va = text_view(a)
        text_view(b)
        assert text_view(a) is va  # another text in between: still the batch's view of a
        assert text_view("elsewhere").text == "elsewhere"
    assert text_view(b).text is b and text_view(a) is not va  # the batch is over: a fresh view


def test_the_ner_runs_through_numpys_blas_on_one_thread(scrubber):
    pytest.importorskip("threadpoolctl")
    from threadpoolctl import threadpool_info

    engine = scrubber.nlp_engine
    assert all(not node.ops.use_blis for node in engine.nlp["en"].get_pipe("ner").model.walk())
    with engine.one_blas_thread():
        assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")


def test_numpys_blas_finds_the_entities_blis_finds(scrubber):
    from medcorpus.scrub.ner import load_spacy_model

    with_blis = load_spacy_model(scrubber.model)  # thinc's default ops: blis
    with_blis.select_pipes(enable=["ner"])
    texts = ["I met Dr. Anand Krishnan at Apollo Hospital in Chennai last Tuesday with my wife Meera.",
             "My son Oliver Bennett from Leeds and his friend Chidi Okafor saw Sister Mary Jones in Dublin.",
             "Grace Obi wrote from Kaduna about her father, Mr. Emeka Obi, who lives near Lagos."] * 3
    engine = scrubber.nlp_engine
    with engine.one_blas_thread():
        ours = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in engine.nlp["en"].pipe(texts)]
    assert ours == [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in with_blis.pipe(texts)]
    assert all(ours)


def test_the_classifiers_one_bincount_gives_the_per_label_sums_bit_for_bit(scrubber):
    import numpy as np

    from medcorpus.scrub.token_classifier import load_weights, predict, token_features

    index, weights, bias, _ = load_weights()

    def per_label(feats):  # the earlier form: a weighted bincount per label
        rows = [[index[x] for x in f if x in index] for f in feats]
        scores = np.tile(bias, (len(feats), 1)).astype(np.float64)
        owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
        picked = weights[[x for r in rows for x in r]]
        for c in range(scores.shape[1]):
            scores[:, c] += np.bincount(owner, weights=picked[:, c], minlength=len(rows))
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        return p / p.sum(axis=1, keepdims=True)

    text = ("Hi, I'm Priya Raman from Coimbatore. My husband ravi and Dr Okafor at 12 Baker Street, Leeds said "
            "to take Augmentin. Regards,\nAnita Rao\nSunrise Clinic, Pune")
    feats = token_features(text, scrubber.terms)[1]
    assert len(feats) > 10 and np.array_equal(predict(feats), per_label(feats))
    assert predict([["no-such-feature"]]).shape == (1, len(bias))


def test_folding_ascii_by_lower_case_alone_changes_nothing():
    import unicodedata

    from medcorpus.scrub.gazetteers import _fold

    def decomposed(text):  # the general path
        t = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
        return "".join(c for c in t if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l") \
            .replace("ø", "o").replace("đ", "d")

    words = [chr(i) for i in range(128)] + ["McDonald", "O'NEILL", "São Paulo", "Łódź", "İstanbul", "D’Souza"]
    assert all(_fold(w) == decomposed(w) for w in words)


def test_the_ner_skips_a_window_whose_capitalised_words_are_all_found(scrubber):
    """A sentence window whose capitalised words the other recognizers already report needs no NER;
    one word left uncovered (a sentence start, a word in brackets) keeps the whole window."""
    from medcorpus.scrub.ner import ner_windows

    terms = scrubber.terms
    text = "I was seen by Mark Benson and Ama Owusu at the clinic. it was fine. Later Rosa Diaz phoned (Zabok) about it."
    windows = ner_windows(text, terms)
    assert len(windows) == 2
    names = [(text.index(w), text.index(w) + len(w)) for w in ("Mark Benson", "Ama Owusu", "Rosa Diaz")]
    assert ner_windows(text, terms, covered=names[:2]) == windows[1:]  # the first sentence is found: left out
    assert ner_windows(text, terms, covered=names) == windows[1:]  # "Later" and "Zabok" are not: kept whole
    zabok = (text.index("Zabok"), text.index("Zabok") + 5)
    later = (text.index("Later"), text.index("Later") + 5)
    assert ner_windows(text, terms, covered=names + [zabok, later]) == []


def test_the_ner_reads_less_once_the_other_recognizers_ran(scrubber):
    """End to end: fewer characters go through the model than the gate alone would send, and the
    names are still found."""
    texts = ["Dear Dr Okafor, my son Tom Baker from Leeds has a rash. Regards, Mary Baker"] * 1 + \
            ["My wife Grace Obi saw Nurse Adeyemi in Kaduna last week about her asthma."]
    engine = scrubber.nlp_engine
    before = engine.n_ner_chars
    found = scrubber.analyze(texts)
    sent = engine.n_ner_chars - before
    from medcorpus.scrub.ner import ner_windows
    gate_alone = sum(b - a for t in texts for a, b in ner_windows(t, scrubber.terms))
    assert sent < gate_alone
    values = [t[s.start:s.end] for t, spans in zip(texts, found) for s in spans]
    assert "Okafor" in " ".join(values) and "Grace Obi" in " ".join(values) and "Mary Baker" in " ".join(values)
