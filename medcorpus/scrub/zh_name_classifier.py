"""A learned detector of Chinese person names: a linear classifier over every place a known surname
(single or compound, simplified or traditional) starts a run of Han characters, with spans of
surname + 1 and surname + 2 characters, trained on generated tuning material
(`bench/train_zh_name_classifier.py`).

It never sees the candidate string: only the surname and its frequency class, each given-name
character, what jieba's dictionary and part-of-speech tagger make of the span and its parts, the
characters and words around it (frames such as 我叫/患者, titles such as 医生/女士) and whether a
medical term overlaps it. Its spans score below 0.8, so the medical allow-list vetoes them like every
other weak signal. The weights ship as `resources/scrub/zh_name_classifier.json.gz`, read once per
worker with numpy (scikit-learn is needed for training only).
"""
from __future__ import annotations

import gzip
import json
import math
import re
from functools import lru_cache

import numpy as np
from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.allowlist import resource_path
from medcorpus.scrub.recognizers_zh import NAME_BEFORE, NAME_TITLES, ZH_NOT_NAMES, _cut, _jieba, surnames

WEIGHTS_FILE = "zh_name_classifier.json.gz"
_RUN = re.compile(r"[\u4e00-\u9fff]+")
_FRAME = re.compile(rf"(?:{NAME_BEFORE})$")
_TITLE = re.compile(rf"(?:{NAME_TITLES})")
_NOT_NAMES = re.compile("(?=(" + "|".join(sorted(ZH_NOT_NAMES, key=len, reverse=True)) + "))")  # overlapping finds
_LEFT, _RIGHT = 14, 4  # context kept around a run of Han characters (frames before it, titles after it)


@lru_cache(maxsize=1)
def surname_class() -> dict[str, str]:
    """Surname -> frequency class: "top" (30 most common), "common" (100), "mid" (300), "rare",
    "trad" (a traditional form from Faker's list only) and "compound"."""
    lines = [l for l in resource_path("zh_surnames.txt").read_text(encoding="utf-8").splitlines()
             if l and not l.startswith("#")]
    ranked = {c: i for i, c in enumerate(lines[0])}
    single, compound = surnames()
    out = {c: "compound" for c in compound}
    for c in single:
        r = ranked.get(c)
        out[c] = "trad" if r is None else "top" if r < 30 else "common" if r < 100 else "mid" if r < 300 else "rare"
    return out


def _word_state(word: str) -> str:
    """What jieba's dictionary says of a word: "nr" (a name), "w" (another word) or "-" (unknown)."""
    tag = _jieba()[1].dt.word_tag_tab.get(word)
    return "-" if tag is None else "nr" if tag.startswith("nr") else "w"


def _char_class(c: str) -> str:
    if not c:
        return "EDGE"
    if c == "\n":
        return "NL"
    if c.isspace():
        return "SP"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    return "P"


def candidates(text: str) -> list[tuple[int, int, int]]:
    """(start, end, surname length) of every surname + 1-2 Han characters in `text`."""
    single, compound = surnames()
    out = []
    for m in _RUN.finditer(text):
        rs, re_ = m.span()
        for i in range(rs, re_):
            for n in ((2,) if text[i:i + 2] in compound else ()) + ((1,) if text[i] in single else ()):
                for g in (1, 2):
                    if i + n + g <= re_:
                        out.append((i, i + n + g, n))
    return out


def _tokens(run: str) -> tuple[dict[int, tuple[int, str]], set[int]]:
    """jieba posseg of a run: {start: (end, flag)} and the token boundaries."""
    toks, p = {}, 0
    for w, f in _cut(run, True):
        toks[p] = (p + len(w), f)
        p += len(w)
    bounds = set(toks) | {e for e, _ in toks.values()}
    return toks, bounds


def _local_features(window: str, off: int, rs: int, re_: int, terms,
                    min_logit: float | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, features) of the candidates of the run window[rs:re_] (offsets in `window`).
    With `min_logit`, a candidate whose score cannot reach it whatever jieba says of it is left out,
    and jieba's tagger (the slow part) runs only when some candidate is left in."""
    cls = surname_class()
    not_names = [(m.start(), m.start() + len(m.group(1))) for m in _NOT_NAMES.finditer(window)]  # 谢谢, 肌张力...
    out, tokens = [], None
    for s, e, n in candidates(window[rs:re_]):
        s, e = s + rs, e + rs
        head, tail = _plain_features(window, rs, re_, s, e, n, cls, not_names)
        if min_logit is not None and _best_case(window, rs, re_, s, e, head, tail) < min_logit:
            continue
        if tokens is None:
            tokens = _tokens_at(window, rs, re_)
        mid = _token_features(window, s, e, n, *tokens)
        out.append((s - off, e - off, tuple(head + mid + tail + _medical_features(window, s, e, terms))))
    return out


def _tokens_at(window: str, rs: int, re_: int) -> tuple[dict, dict, set]:
    """jieba's reading of window[rs:re_], offsets in `window`: tokens by start, by end, all boundaries."""
    toks, bounds = _tokens(window[rs:re_])
    ends = {e + rs: (s + rs, f) for s, (e, f) in toks.items()}
    starts = {s + rs: (e + rs, f) for s, (e, f) in toks.items()}
    return starts, ends, {b + rs for b in bounds}


def _plain_features(window: str, rs: int, re_: int, s: int, e: int, n: int, cls,
                    not_names) -> tuple[list[str], list[str]]:
    """The features that need neither the tagger nor the medical terms: those before jieba's
    reading, and those after it."""
    sur, given = window[s:s + n], window[s + n:e]
    c = cls.get(sur, "rare")
    f = ["bias", f"sur={sur}", f"surc={c}", f"g={len(given)}", f"surc&g={c}&{len(given)}",
         f"g1={given[0]}", f"glast{len(given)}={given[-1]}"]
    if len(given) == 2:
        f.append(f"g2={given[1]}")
        f.append(f"double={given[0] == given[1]}")
    cand = window[s:e]
    f += [f"dict={_word_state(cand)}", f"gdict={_word_state(given)}"]
    if cand in ZH_NOT_NAMES:
        f.append("not_name")
    elif any(ws < e and s < we for ws, we in not_names):
        f.append("in_not_name")
    if len(given) == 2:
        f.append(f"sg1dict={_word_state(window[s:s + n + 1])}")
        f.append(f"g2next={_word_state(window[e - 1:e + 1])}" if e < re_ else "g2next=end")
    f.append(f"xr={_word_state(window[e - 1:e + 1])}" if e < re_ else "xr=end")
    f.append(f"xl={_word_state(window[s - 1:s + 1])}" if s > rs else "xl=start")
    if e < re_:
        f.append(f"longer={_word_state(window[s:e + 1])}")
    # the characters around it
    t = []
    p1, p2 = window[s - 1:s] if s else "", window[max(0, s - 2):s] if s >= 2 else ""
    n1, n2 = window[e:e + 1], window[e:e + 2]
    pc, nc = _char_class(p1), _char_class(n1)  # "EDGE": the start or end of the text
    t += [f"pc={pc}", f"nc={nc}", f"pc&nc={pc}&{nc}", f"pc&g={pc}&{len(given)}", f"nc&g={nc}&{len(given)}"]
    if pc in ("H", "P"):
        t.append(f"p1={p1}")
    if pc == "H" and _char_class(p2[:1]) == "H":
        t.append(f"p2={p2}")
    if nc in ("H", "P"):
        t.append(f"n1={n1}")
    if nc == "H" and _char_class(n2[1:]) == "H":
        t.append(f"n2={n2}")
    title = _TITLE.match(window, e)
    if title:
        t += ["title", f"title={title.group()}"]
    if _FRAME.search(window, 0, s):
        t.append("frame")
    return f, t


def _medical_features(window: str, s: int, e: int, terms) -> list[str]:
    """Whether a medical term overlaps the span or is the span (the last features, being costly)."""
    if terms is None:
        return []
    f = ["medical"] if terms.zh_overlaps(window, s, e) else []
    return f + ["medical_term"] if window[s:e] in terms.zh else f


def _token_features(window: str, s: int, e: int, n: int, starts: dict, ends: dict, bounds: set) -> list[str]:
    """What jieba's tokens say of the span: a token of its own (and its tag), or where tokens cut
    it, and the words or tags before and after it."""
    f = []
    tok = starts.get(s)
    if tok and tok[0] == e:
        f.append(f"tok1={tok[1]}")
    else:
        f.append(f"sb={s in bounds}&eb={e in bounds}")
        if tok:
            f.append(f"tokS={tok[1]}&{'longer' if tok[0] > e else 'shorter'}")
        gt = starts.get(s + n)
        if gt and gt[0] == e and s + n in bounds:
            f.append(f"gtok={gt[1]}")
    prev, nxt = ends.get(s), starts.get(e)
    if prev:
        w = window[prev[0]:s]
        f.append(f"wprev={w}" if _word_state(w) == "w" and len(w) <= 3 else f"fprev={prev[1][:2]}")
    if nxt:
        w = window[e:nxt[0]]
        f.append(f"wnext={w}" if _word_state(w) == "w" and len(w) <= 3 else f"fnext={nxt[1][:2]}")
    return f


def _best_case(window: str, rs: int, re_: int, s: int, e: int, head: list[str], tail: list[str]) -> float:
    """An upper bound of the candidate's logit: its plain features' weights plus the most that the
    tagger's features, the medical ones and the per-text "repeated" could add (the word before or
    after it can only be one of the 1-3 characters there)."""
    weight_of, most = _weight_of(), _most_by_family()
    z = load_weights()[2] + sum([weight_of.get(x, 0.0) for x in head]) + sum([weight_of.get(x, 0.0) for x in tail])
    before = max([most["fprev"], 0.0] + [weight_of.get(f"wprev={window[s - k:s]}", 0.0) for k in (1, 2, 3) if s - k >= rs])
    after = max([most["fnext"], 0.0] + [weight_of.get(f"wnext={window[e:e + k]}", 0.0) for k in (1, 2, 3) if e + k <= re_])
    return z + before + after + _fixed_slack()


@lru_cache(maxsize=1)
def _fixed_slack() -> float:
    """The most that the span's own tagger features, the medical ones and "repeated" can add
    (the same for every candidate)."""
    most = _most_by_family()
    own = max(most["tok1"], most["sb"] + max(0.0, most["tokS"]) + max(0.0, most["gtok"]))
    medical = max(0.0, most["medical"]) + max(0.0, most["medical_term"])  # both weigh against a name
    return own + medical + max(0.0, most["repeated"])


@lru_cache(maxsize=1)
def _most_by_family() -> dict[str, float]:
    """The largest weight of each tagger feature family ("tok1", "sb", "wprev", ...), of the
    medical features and of "repeated"."""
    most: dict[str, float] = {}
    for name, w in _weight_of().items():
        family = name.split("=", 1)[0]
        most[family] = max(most.get(family, w), w)
    return {k: most.get(k, 0.0) for k in ("tok1", "sb", "tokS", "gtok", "fprev", "fnext", "medical",
                                              "medical_term", "repeated")}


_CACHE: dict[str, list] = {}
_CACHE_SIZE = 4_000  # windows remembered (templated lines repeat within a batch); 100k held ~25 MiB more over 8 sets


def features(text: str, terms, min_logit: float | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, features) of every candidate of `text` (with `min_logit`: of those that may
    reach it); each run of Han characters is worked out once with its context (a window of the
    text, cached: templated lines repeat)."""
    out = []
    for m in _RUN.finditer(text):
        rs, re_ = m.span()
        if not any(c in surname_class() for c in m.group()):
            continue
        lo, hi = max(0, rs - _LEFT), min(len(text), re_ + _RIGHT)
        key = f"{min_logit}|{rs - lo}|{hi - re_}|{text[lo:hi]}"
        hit = _CACHE.get(key)
        if hit is None:
            if len(_CACHE) > _CACHE_SIZE:
                _CACHE.clear()
            hit = _CACHE[key] = _local_features(text[lo:hi], rs - lo, rs - lo, re_ - lo, terms, min_logit)
        for s, e, f in hit:
            s, e = s + rs, e + rs
            extra = ("repeated",) if text.count(text[s:e]) > 1 else ()
            out.append((s, e, f + extra))
    return out


@lru_cache(maxsize=1)
def load_weights() -> tuple[dict[str, int], np.ndarray, float]:
    """(feature index, weights, bias) from the shipped file."""
    with gzip.open(resource_path(WEIGHTS_FILE), "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return {f: i for i, f in enumerate(data["features"])}, np.asarray(data["weights"], dtype=np.float64), float(data["bias"])


def predict(feats: list[tuple[str, ...]]) -> list[float]:
    """Probability that each candidate is a name: its features' weights summed in order (in float64,
    as a weighted bincount would), plus the bias, through the logistic function."""
    weight_of = _weight_of()
    bias = load_weights()[2]
    out = []
    for f in feats:
        z = 0.0
        for x in f:
            z += weight_of.get(x, 0.0)
        out.append(1.0 / (1.0 + math.exp(-(bias + z))))
    return out


@lru_cache(maxsize=1)
def _weight_of() -> dict[str, float]:
    """Feature -> weight as a Python float: a dict lookup per feature, no arrays to build per text."""
    index, weights, _ = load_weights()
    values = weights.tolist()
    return {f: values[i] for f, i in index.items()}


def choose(spans: list[tuple[int, int]], probs: list[float], threshold: float) -> list[tuple[int, int, float]]:
    """The best-scoring span of each start at or above `threshold`, then non-overlapping, best first."""
    best: dict[int, tuple[float, int]] = {}
    for (s, e), p in zip(spans, probs):
        if p >= threshold and p > best.get(s, (-1.0, 0))[0]:
            best[s] = (p, e)
    taken: list[tuple[int, int, float]] = []
    for s, (p, e) in sorted(best.items(), key=lambda x: -x[1][0]):
        if all(e <= ts or te <= s for ts, te, _ in taken):
            taken.append((s, e, p))
    return sorted(taken)


class ZhNameClassifierRecognizer(LocalRecognizer):
    """PERSON spans where the classifier is confident (`threshold`), scored 0.42 + 0.1 p (< 0.8)."""

    def __init__(self, terms, threshold: float = 0.6, language: str = "zh"):
        self.terms, self.threshold = terms, threshold
        # a candidate that cannot reach the threshold is not tagged (a small margin for rounding)
        self.min_logit = math.log(threshold / (1.0 - threshold)) - 1e-6
        super().__init__(supported_entities=["PERSON"], name="ZhNameClassifier", supported_language=language)

    def load(self) -> None:
        pass  # the weights are read on first use, once per worker

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        found = features(text, self.terms, min_logit=self.min_logit)
        if not found:
            return []
        probs = predict([f for _, _, f in found])
        return [RecognizerResult("PERSON", s, e, round(0.42 + 0.1 * p, 3), recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:person",
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for s, e, p in choose([(s, e) for s, e, _ in found], probs, self.threshold)]
