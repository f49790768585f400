"""Running the recognizers: what presidio's AnalyzerEngine.analyze does for each text, in the
same order and with the same de-duplication, without its per-text overhead (choosing the
recognizers again for every text, a context-enhancement pass that regroups every result list
once per recognizer, a decision-process trace)."""
from __future__ import annotations

from typing import Callable, Iterator, Sequence

GROUP = 256  # texts the recognizers take one recognizer at a time (bounds what is held per group)


def ordered_registry(**kwargs):
    """presidio's registry, but `get_recognizers` keeps the order the recognizers were added in.
    presidio returns them from a set of objects hashed by memory address, so the order, and with it
    which of two results with the same span, type and score survives presidio's de-duplication
    (the one whose recognizer ran first), changed from run to run; the recognizer's name decides
    later steps (the NER veto, address rules), so spans did too (31 lines of the span dump differed
    between two runs of the same code)."""
    from presidio_analyzer import RecognizerRegistry

    class OrderedRegistry(RecognizerRegistry):
        def get_recognizers(self, language, entities=None, all_fields=False, ad_hoc_recognizers=None):
            chosen = set(super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers))
            return [r for r in self.recognizers + list(ad_hoc_recognizers or []) if r in chosen]

    return OrderedRegistry(**kwargs)


def analyze_batch(analyzer, texts: Sequence[str], language: str, entities: list[str], batch_size: int,
                  skip: Sequence[frozenset[str]] | None = None, last: frozenset[str] = frozenset(),
                  covers: Callable[[object], bool] | None = None) -> Iterator[list]:
    """presidio RecognizerResults per text, as `AnalyzerEngine.analyze(text, language, entities,
    nlp_artifacts=...)` returns them for our recognizers (none of which enhances scores by context):
    each recognizer's results in registry order, recognizer ids filled in, results of recognizers
    not chosen dropped, scores under the recognizer's threshold dropped, then presidio's
    `remove_duplicates`. Groups of texts go through one recognizer after another (not text by text):
    the same results, ~20% less CPU, as each recognizer's code, lists and caches stay warm.
    `skip`: per text, the names of recognizers not to run on it (they ran on it in another pass).
    `last`: the names of the recognizers that read the NLP artifacts (the NER); they run after the
    others, and the artifacts are made knowing, per text, the spans of the others' results that
    `covers` accepts (the NER model need not read again what they already found)."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    from medcorpus.scrub.regex_gate import shared_views

    recognizers = analyzer.registry.get_recognizers(language=language, entities=entities, all_fields=not entities)
    if not entities:
        entities = analyzer.get_supported_entities(language=language)
    for rec in recognizers:
        if not rec.is_loaded:
            rec.load()
            rec.is_loaded = True
    id_key, name_key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, RecognizerResult.RECOGNIZER_NAME_KEY
    thresholds = {rec.id: rec.score_thresholds for rec in recognizers}
    default = analyzer.default_score_threshold
    first, then = [r for r in recognizers if r.name not in last], [r for r in recognizers if r.name in last]

    def run(recs, group, artifacts, per_text, skipped) -> None:
        for rec in recs:  # one recognizer over the group, then the next: its code and data stay warm
            for text, nlp_artifacts, by_rec, names in zip(group, artifacts, per_text, skipped):
                if rec.name in names:
                    continue
                for r in rec.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts) or ():
                    if not r.recognition_metadata:
                        r.recognition_metadata = {}
                    meta = r.recognition_metadata
                    if id_key not in meta:
                        meta[id_key] = rec.id
                    if name_key not in meta:
                        meta[name_key] = rec.name
                    if meta[id_key] in by_rec:  # presidio's context pass keeps the results of chosen recognizers only
                        by_rec[meta[id_key]].append(r)

    for at in range(0, len(texts), GROUP):
        group = list(texts[at:at + GROUP])
        per_text: list[dict[str, list]] = [{rec.id: [] for rec in recognizers} for _ in group]
        skipped = list(skip[at:at + GROUP]) if skip is not None else [frozenset()] * len(group)
        with shared_views(group):
            run(first, group, [None] * len(group), per_text, skipped)  # our recognizers read no NLP artifacts
            covered = [[(r.start, r.end) for found in by_rec.values() for r in found if covers(r)]
                       for by_rec in per_text] if covers is not None else None
            artifacts = [a for _, a in analyzer.nlp_engine.process_batch(texts=group, language=language,
                                                                         batch_size=batch_size, covered=covered)]
            run(then, group, artifacts, per_text, skipped)
        for by_rec in per_text:
            results = []
            for rec_id, found in by_rec.items():
                limits = thresholds[rec_id]
                results += [r for r in found if r.score >= limits.get(r.entity_type, limits.get("default", default))]
            yield EntityRecognizer.remove_duplicates(results)
