"""A learned second opinion on names and places: a linear classifier over each candidate word's
shape, gazetteer memberships (names-dataset, GeoNames, hunspell English, the medical allow-list)
and its neighbours, trained on generated tuning material (`bench/train_scrub_classifier.py`).

It generalises where phrasing rules cannot: it never sees the candidate word itself, only what
kind of word it is and where it stands. Its spans score below 0.8, so the medical allow-list and
the drug/eponym guard veto them like every other weak signal. The weights ship as
`resources/scrub/token_classifier.json.gz` (a few thousand features) and are read once per worker.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np
from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.allowlist import resource_path
from medcorpus.scrub.gazetteers import cities, fold, is_english, is_small_town, person_names
from medcorpus.scrub.recognizers_en import MONTH_NAMES, STOP
from medcorpus.scrub.regex_prefilter import could_match

from medcorpus.scrub.word_classes import NAME_PARTICLES_LOWER, NOT_NAMES
from medcorpus.scrub.recognizers_gazetteer import CLOSING, WORD, _folded_regions, looks_medical, multiword_heads

WEIGHTS_FILE = "token_classifier.json.gz"
LABELS = ("O", "PERSON", "LOCATION", "STREET")
_SHAPE_RUN = re.compile(r"(.)\1+")
_HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # Chinese characters and full-width punctuation


@lru_cache(maxsize=20_000)
def word_shape(word: str) -> str:
    """"McDonald" -> "XxXx", "o'neill" -> "x'x", "SMITH" -> "X": case runs, collapsed."""
    s = "".join("X" if c.isupper() else "x" if c.isalpha() else c for c in word)
    return _SHAPE_RUN.sub(r"\1", s)[:5]


def _gap_kind(gap: str) -> str:
    """What separates two words, in a few classes: " ", ",", ".", "\\n", "(", ":", "D" (digits)..."""
    if "\n" in gap:
        return "NL"
    g = gap.strip()
    if not g:
        return "SP"
    if any(c.isdigit() for c in g):
        return "D"
    return g[:2]




@lru_cache(maxsize=30_000)
def is_candidate(word: str) -> bool:
    """Worth classifying: a capitalised word, a lower-case word that is not English ("ramesh",
    "pune") or an English word that is also a first name ("grace"); never a stop word or a single
    letter (initials join a neighbouring name span)."""
    low = word.lower()
    if len(word) < 2 or low in STOP or fold(word) in NOT_NAMES or _CONTRACTION.sub("", low) in STOP:
        return False  # "You're", "We'll": a stop word with its contraction
    if word[0].isupper():
        return True
    return not is_english(word) or fold(word) in person_names()[0]


def _kind(word: str, terms) -> tuple[str, ...]:
    """Which lists a word is on (the word itself is never a feature)."""
    key = (word, id(terms))
    hit = _KIND_CACHE.get(key)
    if hit is None:
        if len(_KIND_CACHE) > 30_000:
            _KIND_CACHE.clear()
        hit = _KIND_CACHE[key] = _kind_of(word, terms)
    return hit


_KIND_CACHE: dict[tuple[str, int], tuple[str, ...]] = {}


def _kind_of(word: str, terms) -> tuple[str, ...]:
    k = fold(word)
    first, last = person_names()
    low = word.lower()
    out = []
    if k in first:
        out.append("first")
    if k in last:
        out.append("last")
    if k in cities()[0]:
        out.append("city")
    elif word[0].isupper() and not is_english(word) and is_small_town(word):
        out.append("town")  # a GeoNames place of 500+ people (a hashed key: capitalised, non-English words only)
    if k in _folded_regions():
        out.append("region")
    if low in STOP:
        out.append("stop")
    elif is_english(word):
        out.append("english")
    if low in MONTH_NAMES:
        out.append("month")
    if looks_medical(word, terms):
        out.append("medical")
    if k in foreign_function_words():
        out.append("foreign_stop")
    return tuple(out) or ("unknown",)


# Latin-script languages whose function words turn up in code-switched consultations ("Terima kasih
# doc", "si Arnel po", "muito obrigada"): spaCy's stop-word lists, read once
_FOREIGN_STOP_LANGS = ("es", "pt", "fr", "it", "de", "nl", "id", "ms", "tl", "tr", "pl", "ro", "sv", "da", "nb", "fi", "hr",
                       "cs", "ca", "sq", "yo", "ga")


@lru_cache(maxsize=1)
def foreign_function_words() -> frozenset[str]:
    """Stop words of other Latin-script languages that are no English word (folded). Each list is
    read from its `stop_words.py` alone: importing `spacy.lang.<code>` would load the whole language
    (tokenizer exceptions, lexical attributes: ~22 MiB for the 22 of them)."""
    import importlib.util

    import spacy

    words: set[str] = set()
    for lang in _FOREIGN_STOP_LANGS:
        path = Path(spacy.__file__).parent / "lang" / lang / "stop_words.py"
        spec = importlib.util.spec_from_file_location(f"_medcorpus_stop_words_{lang}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        words |= {fold(w) for w in module.STOP_WORDS if len(w) > 1}
    return frozenset(w for w in words if w.lower() not in STOP and not is_english(w))


def _line_language(text: str, start: int, end: int) -> str:
    """How foreign a line reads: the share of its lower-case words that are no English word, in
    three classes ("en", "mixed", "foreign"), or "short" under three lower-case words."""
    n = foreign = 0
    for m in WORD.finditer(text, start, end):
        w = m.group()
        if w[0].islower() and len(w) > 1:
            n += 1
            foreign += w.lower() not in STOP and not is_english(w)
    if n < 3:
        return "short"
    return "foreign" if foreign * 2 >= n else "mixed" if foreign * 5 >= n else "en"


_NGRAM_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")


def place_ngrams(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, "city"|"town") of every run of 2-4 words, joined by spaces or
    hyphens, that names a GeoNames place: a city of 15k+ in any case ("el carmen de bolivar",
    "Dee Why"), a place of 500+ when its first and last words are capitalised ("Pine Hollow")."""
    out = []
    firsts, pairs = multiword_heads(), _multiword_city_pairs()
    for i in range(len(toks) - 1):
        if not toks[i][2][0].isupper() and fold(toks[i][2]) not in firsts:
            continue  # no city name of several words starts so, and a town's name starts with a capital
        city = None  # whether a city name of several words may start here: its first two words are a city's
        for n in (2, 3, 4):
            j = i + n
            if j > len(toks) or not _NGRAM_GAP.fullmatch(text, toks[j - 2][1], toks[j - 1][0]):
                break
            if city is None:
                a, b = toks[i][2], toks[i + 1][2]
                city = "-" in a or "-" in b or f"{fold(a)} {fold(b)}" in pairs  # a hyphenated word: look it up whole
            if not city and not (toks[i][2][0].isupper() and toks[j - 1][2][0].isupper()):
                continue  # no city starts so, and a town's name starts and ends with a capital ("I have", "The pain")
            kind = _place_kind(text[toks[i][0]:toks[j - 1][1]])
            if kind:
                out.append((i, j, kind))
    return out


@lru_cache(maxsize=1)
def _multiword_city_pairs() -> frozenset[str]:
    """The first two words of the GeoNames city names (15k+) of several words, folded ("san jose")."""
    return frozenset(" ".join(k.split(" ")[:2]) for k in cities()[0] if " " in k)


@lru_cache(maxsize=20_000)
def _place_kind(phrase: str) -> str | None:
    key = fold(_NGRAM_GAP.sub(" ", phrase))
    if key in cities()[0]:
        return "city"
    words = phrase.split()
    if words[0][0].isupper() and words[-1][0].isupper() and not all(is_english(w) for w in words) and is_small_town(phrase):
        return "town"
    return None


def _context_word(word: str, terms) -> list[str]:
    """A neighbour: its lower-case form when it is a common word, else only its kind and shape."""
    low = word.lower()
    if low in STOP or (is_english(word) and not word[0].isupper()):
        return [low]
    return [f"k:{k}" for k in _kind(word, terms)] + [f"s:{word_shape(word)}"]


_FEATURE_CACHE: dict[tuple, tuple[str, ...]] = {}
_CONTRACTION = re.compile(r"['’](?:re|s|ll|ve|d|m|t)$")
_CODE_NEXT = re.compile(r"-?\d")
_PER_UNIT = re.compile(r"/[A-Za-zµ]{1,4}(?![A-Za-z])")
_FIELD_LABEL = re.compile(r"[ \t]*:(?!//)")
_LINE_TAIL = re.compile(r"[ \t.,!]*(?:\n|\Z)")
_TEXT_TAIL = re.compile(r"[ \t\n.,!]*\Z")


def _cached(key: tuple, make) -> tuple[str, ...]:
    hit = _FEATURE_CACHE.get(key)
    if hit is None:
        if len(_FEATURE_CACHE) > 50_000:
            _FEATURE_CACHE.clear()
        hit = _FEATURE_CACHE[key] = tuple(map(sys.intern, make()))  # shared strings
    return hit


def _own_features(word: str, terms):
    kinds, shape = _kind(word, terms), word_shape(word)
    yield from ("bias", f"shape={shape}", f"len={min(len(word), 9) // 3}")
    yield from (f"kind={k}" for k in kinds)
    yield from (f"kind={k}&shape={shape}" for k in kinds)


def token_features(text: str, terms) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """(word spans, features) of the candidate words of a text."""
    spans, feats, _ = token_features_and_places(text, terms)
    return spans, feats


def token_features_and_places(text: str, terms):
    """token_features, plus the character spans of multi-word place names (`place_ngrams`)."""
    toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    places = place_ngrams(text, toks)
    in_place: dict[int, str] = {}
    for i, j, kind in places:
        for k in range(i, j):
            in_place.setdefault(k, kind)
    spans, feats = [], []
    n, t = len(text), id(terms)
    closing_lines: dict[int, bool] = {}
    line_languages: dict[int, str] = {}
    han = _HAN.search(text) is not None  # most texts have no Chinese: no need to look next to each word
    for i, (s, e, w) in enumerate(toks):
        if not is_candidate(w) or han and (_HAN.search(text, max(0, s - 2), s) or _HAN.search(text, e, e + 2)):
            continue  # a Latin word next to Chinese ("维生素B", "卵巢囊肿（Ovarian cysts）") is left to the Chinese rules
        if (s > 0 and (text[s - 1].isdigit() or text[s - 1] == "&")) or _PER_UNIT.match(text, e) or _CODE_NEXT.match(text, e):
            continue  # a unit glued to its number (5.67ng), a unit ratio (ng/mL), an HTML entity (&lt;), part of a code (TE5, GHA-123)
        if _FIELD_LABEL.match(text, e):
            continue  # a form's field label ("TOWN:", "Mobile:", "DOB:") is never the identifier itself
        f = list(_cached((w, t), lambda: _own_features(w, terms)))
        if i in in_place:
            f.append(f"in_place_name={in_place[i]}")
        k = s - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or text[k] in ".!?\n:;":
            f.append("sentence_start")
        line_start = text.rfind("\n", 0, s) + 1
        k = s - 1
        while k >= line_start and text[k].isspace():
            k -= 1
        if k < line_start:
            f.append("line_start")
        if _LINE_TAIL.match(text, e):
            f.append("line_end")
        if _TEXT_TAIL.match(text, e):
            f.append("text_end")
        language = line_languages.get(line_start)
        if language is None:
            line_end = text.find("\n", e)
            language = line_languages[line_start] = _line_language(text, line_start, n if line_end < 0 else line_end)
        f.append(f"line_lang={language}")
        if line_start > 0:
            if line_start not in closing_lines:
                prev_start = text.rfind("\n", 0, line_start - 1) + 1
                closing_lines[line_start] = could_match(CLOSING, text) and bool(CLOSING.search(text[prev_start:line_start - 1]))
            if closing_lines[line_start]:
                f.append("after_closing_line")
        line_end = text.find("\n", e)
        if (n if line_end < 0 else line_end) - line_start <= 40:
            f.append("short_line")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(toks):
                f.append(f"w{d:+d}=<none>")
                continue
            word = toks[j][2]
            f += _cached((word, t, d), lambda: (f"w{d:+d}={c}" for c in _context_word(word, terms)))
        if i > 0:
            gap = _gap_kind(text[toks[i - 1][1]:s])
            f.append(f"gap-1={gap}")
            prev = toks[i - 1][2].lower() if toks[i - 1][2].lower() in STOP else "*"
            f.append(f"w-1|gap={prev}|{gap}")
        if i + 1 < len(toks):
            f.append(f"gap+1={_gap_kind(text[e:toks[i + 1][0]])}")
        if i > 1 and toks[i - 2][2].lower() in STOP and toks[i - 1][2].lower() in STOP:
            f.append(f"w-2,w-1={toks[i - 2][2].lower()} {toks[i - 1][2].lower()}")
        spans.append((s, e))
        feats.append(f)
    return spans, feats, [(toks[i][0], toks[j - 1][1]) for i, j, _ in places]


@lru_cache(maxsize=1)
def load_weights() -> tuple[dict[str, int], np.ndarray, np.ndarray, tuple[str, ...]]:
    """(feature index, weights [features x labels], bias [labels], labels) from the shipped file."""
    with gzip.open(resource_path(WEIGHTS_FILE), "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    index = {f: i for i, f in enumerate(data["features"])}
    return index, np.asarray(data["weights"], dtype=np.float32), np.asarray(data["bias"], dtype=np.float32), \
        tuple(data["labels"])


def predict(feats: list[list[str]]) -> np.ndarray:
    """Class probabilities [words x labels]."""
    index, weights, bias, _ = load_weights()
    n, labels = len(feats), weights.shape[1]
    known = np.fromiter(map(index.get, chain.from_iterable(feats), repeat(-1)), dtype=np.int64)  # -1: unseen in training
    owner = np.repeat(np.arange(n), [len(f) for f in feats])[known >= 0]
    flat = known[known >= 0]
    if flat.size:  # one weighted bincount over (word, label) cells: each cell sums its features in order, in float64
        cells = (owner[:, None] * labels + np.arange(labels)).ravel()
        sums = np.bincount(cells, weights=weights[flat].ravel(), minlength=n * labels).reshape(n, labels)
        scores = bias.astype(np.float64) + sums
    else:
        scores = np.tile(bias, (n, 1)).astype(np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(axis=1, keepdims=True)


_NUMBER_NEAR = re.compile(r"\d")
_JOIN = re.compile(r"[ \t]+(?:[A-Za-z]\.?[ \t]+)?|[ \t]*[-.][ \t]*")  # a space, an initial, a hyphen


def _joinable(text: str, span: tuple[int, int], anchor: int) -> bool:
    """A neighbour a span may grow over: not a lower-case English word next to a capitalised one
    ("Mr Bell came in" stops at "Bell"; "mark sweeney" and "Mark Sweeney" still join)."""
    word = text[span[0]:span[1]]
    return word in NAME_PARTICLES_LOWER or not (word[0].islower() and text[anchor].isupper() and is_english(word))


class TokenClassifierRecognizer(LocalRecognizer):
    """PERSON and LOCATION spans where the classifier is confident (`threshold`), grown over
    adjacent words it gives the same label at least `extend` probability ("mark sweeney" when
    only "sweeney" is sure) and over initials between them ("anabel a. nichols")."""

    def __init__(self, terms, threshold: float = 0.55, extend: float = 0.3, language: str = "en"):
        self.terms, self.threshold, self.extend = terms, threshold, extend
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="TokenClassifier", supported_language=language)

    def load(self) -> None:
        load_weights()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        spans, feats, places = token_features_and_places(text, self.terms)
        if not spans:
            return []
        labels = load_weights()[3]
        probs = predict(feats).tolist()  # Python floats: the same values, cheaper to index word by word
        best = [row.index(max(row)) for row in probs]  # the first best label, as numpy's argmax
        out: list[RecognizerResult] = []
        for i, (s, e) in enumerate(spans):
            b = best[i]
            if b == 0 or probs[i][b] < self.threshold:
                continue
            if out and out[-1].end >= s:
                continue  # already taken by the previous span's growth
            if is_english(text[s:e]) and fold(text[s:e]) not in person_names()[0] and probs[i][b] < 0.9:
                continue  # an English word that is no first name ("Sent from my phone", "One possible cause"): only when sure
            if text[s].islower() and is_english(text[s:e]) and (b != 1 or probs[i][b] < 0.9):
                continue  # a lower-case English word may be a first name ("my wife grace"), when sure; never a place
            if labels[b] == "STREET" and not _NUMBER_NEAR.search(text, max(0, s - 25), min(len(text), e + 25)):
                continue  # a street without a house number, postcode or box number near it is a guess
            j, k = i, i  # grow left and right over adjacent words of the same label
            while j > 0 and probs[j - 1][b] >= self.extend and _JOIN.fullmatch(text, spans[j - 1][1], spans[j][0]) \
                    and (not out or out[-1].end <= spans[j - 1][0]) and _joinable(text, spans[j - 1], spans[i][0]):
                j -= 1
            while k + 1 < len(spans) and probs[k + 1][b] >= self.extend and _JOIN.fullmatch(text, spans[k][1], spans[k + 1][0]) \
                    and _joinable(text, spans[k + 1], spans[i][0]):
                k += 1
            label = labels[b]
            start, end = spans[j][0], spans[k][1]
            if label == "LOCATION":  # a word of a multi-word place name takes the whole name ("El Carmen de Bolívar")
                for ps, pe in places:
                    if ps <= spans[i][0] and spans[i][1] <= pe and (not out or out[-1].end <= ps):
                        start, end = min(start, ps), max(end, pe)
            out.append(RecognizerResult("PERSON" if label == "PERSON" else "LOCATION", start, end,
                                        round(0.42 + 0.1 * probs[i][b], 3), recognition_metadata={
                                            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:{label.lower()}",
                                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out
