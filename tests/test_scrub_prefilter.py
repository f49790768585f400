"""The RE2 prefilter never turns a text away that its pattern matches: the relaxed pattern accepts
a superset (lookarounds, anchors and back-references dropped, classes widened, Python's case
folding written out), so the recognizers find the same spans with it as without it."""
from __future__ import annotations

import re

import pytest

from medcorpus.scrub.regex_gate import TextView
from medcorpus.scrub.regex_prefilter import compile_prefilter, may_match
from medcorpus.scrub.regex_relax import relax

pytest.importorskip("re2")

# case folding Python pairs with ASCII (long s, dotless i, Kelvin sign, dotted capital I), Unicode
# digits and spaces that \d and \s take, full-width forms, Chinese, a next-line control character
TRICKY = ["My NAME is Bob", "my naMe's bob", "myſ name iſ x", "MY NAME İS", "naıme", "\u212aelvin street 12",
          "room ٣٤", "电话：１３８００１３８０００", "call me on 0207 946 0000", "", "x", "住在北京市朝阳区12号",
          "Name:\nJohn", "a\u0085b", "x\u00a0y", "no digits at all here", "NO. 7 jalan ampang", "ZIP CODE 94110",
          "h.no. 4-5-6, MG Road", "ﬅ and ﬆ", "µ and μ", "ΣΑΣ σας ς", "ǅ ǆ Ǆ", "x_y", "\u2028line"]
PATTERNS = [
    r"(?i)\bmy\s+name\s+is\b", r"(?i:my name(?:'s| is)) (\w+)", r"(?:ab|cd)e", r"(?:ab|c?)e", r"a(?=bc)",
    r"(?<=x)y", r"(?!abc)d", r"(a)\1", r"(?:foo)?bar", r"x{0,3}yz", r"(?:zz){2,}", r"\d{3}-\d{4}", r"[1-9]\d",
    r"(?i:s)(?-i:T)", r"(?a:\d)x", r"[^\d]name", r"[\u4e00-\u9fff]{2}市", r"(?i)k[a-c]lvin", r"(?x) m y \# n",
    r"(?i)iS", r"(?i)S", r"(a)?(?(1)b|c)d", r"\bno\.?\s*\d", r"(?i)zip|postal", r"a\sb", r"x\Sy", r"\w_\w",
    r"(?i)[^a-z]and", r"[^\W\d]{3}", r"(?i)ﬅ", r"(?i)μ", r"(?i)σας", r"(?i)ǆ", r"(?s)a.b", r"a.b", r"\d{1,40}",
    r"(?i)[k-l]elvin", r"[\D]\d", r"(?i)[^\s]{2}", r"\x{2028}|\u2028line", r"(?>ab|a)c", r"a++b", r"^Name:$",
    r"(\w+)(?=\s*\d)", r"(?i)na(?=me|ıme)", r"(?:ab(?=c))", r"x|y(?=z)", r"(?<=a)b(?=c)", r"[a-z]+(?=[ \t]+[A-Z])",
]


def _cases():
    for pattern in PATTERNS:
        for flags in (0, re.IGNORECASE, re.ASCII, re.IGNORECASE | re.ASCII, re.MULTILINE):
            try:
                yield re.compile(pattern, flags)
            except re.error:
                continue


def test_the_prefilter_passes_every_text_its_pattern_matches():
    checked = 0
    for regex in _cases():
        program = compile_prefilter(regex)
        for text in TRICKY + [regex.pattern, regex.pattern.upper(), "aa bc xy d bar yz zzzz 123-4567 19 sT 1x ab naMe"]:
            if regex.search(text):
                checked += 1
                assert program is None or may_match(program, TextView(text).utf8), (regex, text, relax(regex))
    assert checked > 150


def test_the_prefilter_turns_texts_away():
    no_name = TextView("no such words").utf8
    assert not may_match(compile_prefilter(re.compile(r"(?i)(?<![a-z])my\s+name\s+is\b")), no_name)
    assert not may_match(compile_prefilter(re.compile(r"(?<!\d)\d{3}-\d{4}(?!\d)")), TextView("12-34 5678").utf8)
    assert not may_match(compile_prefilter(re.compile(r"(?i)kelvin")), TextView("celvin").utf8)
    assert may_match(compile_prefilter(re.compile(r"(?i)kelvin")), TextView("\u212aELVIN").utf8)


def test_a_trailing_lookahead_stays_in_the_relaxed_pattern():
    dose = compile_prefilter(re.compile(r"(?<![\w-])([A-Za-z]+)(?=[ \t]*\d+[ \t]*mg\b)"))
    assert not may_match(dose, TextView("took Keppra twice a day").utf8)
    assert may_match(dose, TextView("took Keppra 500 mg twice a day").utf8)
    assert may_match(compile_prefilter(re.compile(r"(?:ab(?=c))d")), TextView("abd").utf8)  # not at the end: dropped


def test_a_text_that_does_not_encode_is_let_through():
    assert TextView("bad \ud800 surrogate").utf8 is None
    assert may_match(compile_prefilter(re.compile("abc")), None)


def test_every_recognizer_pattern_prefilter_is_sound(scrubber):
    from medcorpus.scrub.patterns import GroupPatternRecognizer

    texts = TRICKY + [
        "Hi, my name is Angela Merkel, I live in 221B Baker Street, London NW1 6XE. Call me on +44 20 7946 0958.",
        "Regards,\nDr. Nilesh Kumar\nMRN: 83374996, DOB 12/03/1985, email a.b@example.com, https://x.org/a",
        "我叫王小明，住在北京市朝阳区建国路88号，电话13800138000，身份证号110105199001011234，2023年5月3日复诊。",
        "I'm from Springfield, Illinois; zip code 62704. My son Tom (age 93) was seen on Mon, Jan 5.",
        "PATIENT NAME: JOHN SMITH\nCaller: Smith, Ann\nP.O. Box 1234, Calle Mayor 5, Hauptstraße 12, 10115 Berlin",
        "Wish you good health.\nGrace Obi\nCityview Health Centre, 07700 900123, QQ号：12345678, 微信：abc_123",
    ]
    n = compiled = 0
    for rec in scrubber.analyzer.registry.recognizers:
        if isinstance(rec, GroupPatternRecognizer):
            for p in rec.patterns:
                program = compile_prefilter(p.regex)
                compiled += program is not None
                for text in texts:
                    if p.regex.search(text):
                        n += 1
                        assert program is None or may_match(program, TextView(text).utf8), (rec.name, p.name, text)
    assert n > 30 and compiled > 100  # the texts exercise the patterns, and RE2 takes nearly all of them


def test_the_recognizers_module_patterns_scan_the_same_through_the_prefilter(scrubber):
    """`finditer(rx, text)` finds what `rx.finditer(text)` finds, and `could_match` never rules out
    a text where the pattern matches, for every pattern the recognizer modules define."""
    import importlib

    from medcorpus.scrub.regex_prefilter import could_match, finditer

    texts = TRICKY + [
        "Thanks, Dr. Pillai.\nRegards,\nAnita Rao\nmy brother Will says it's fine. Addison's disease; took Telma 40 mg",
        "I live in Pune, near Kothrud. Hi priya, i am gaurav wright 39 yrs. From: Smith, Ann; MET Mr. O'Neill",
        "Wish you good health.\nGrace Obi\n- ryan\nthank you for your query, lei.",
    ]
    n = 0
    for name in ("recognizers_names", "recognizers_name_shapes", "medical_context", "recognizers_gazetteer",
                 "token_classifier", "recognizers_en", "recognizers_zh", "recognizers_zh_context", "spans"):
        module = importlib.import_module(f"medcorpus.scrub.{name}")
        for rx in vars(module).values():
            if not isinstance(rx, re.Pattern) or not isinstance(rx.pattern, str):
                continue
            for text in texts:
                found = [m.span() for m in rx.finditer(text)]
                assert [m.span() for m in finditer(rx, text)] == found, (name, rx.pattern[:80], text)
                n += bool(found)
                assert could_match(rx, text) or not found
    assert n > 40


def test_a_scan_from_the_relaxed_patterns_first_match_finds_every_match(scrubber):
    """No match starts before the relaxed pattern's leftmost one, on ASCII text and past multi-byte
    characters (the byte offset RE2 gives is turned into a character offset)."""
    from medcorpus.scrub.patterns import GroupPatternRecognizer
    from medcorpus.scrub.regex_prefilter import first_start

    regexes = list(_cases()) + [p.regex for rec in scrubber.analyzer.registry.recognizers
                                if isinstance(rec, GroupPatternRecognizer) for p in rec.patterns]
    texts = TRICKY + ["Hi, my name is Angela Merkel, 221B Baker Street, London NW1 6XE, call +44 20 7946 0958.",
                      "我叫王小明，住在北京市朝阳区建国路88号，电话13800138000，身份证号110105199001011234。",
                      "Café Zoë 😀 — my name is Bob, MRN: 83374996, DOB 12/03/1985 ééé 123-4567 ab naMe"]
    texts += ["中文 é😀 " + t for t in texts] + ["bad \ud800 my name is Bob 123-4567"]
    skipped = 0
    for regex in regexes:
        program = compile_prefilter(regex)
        if program is None:
            continue
        for text in texts:
            start = first_start(program, TextView(text))
            skipped += start > 0
            assert [m.span() for m in regex.finditer(text, max(start, 0))] == \
                   ([m.span() for m in regex.finditer(text)] if start >= 0 else []), (regex.pattern[:80], text)
    assert skipped > 100  # scans do start past the beginning
