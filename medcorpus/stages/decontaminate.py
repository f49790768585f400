"""Benchmark decontamination: remove (or flag) training records that contain a benchmark item.

Each record is checked against every item of every benchmark file (`against`) by the engine in
`medcorpus.decontam`: a shared word 13-gram (character n-gram for Chinese) with the item's question
and options, or a MinHash near-duplicate of it. The benchmarks are read-only resources loaded in
`setup`, so batches run in parallel on any engine. The stage fingerprint includes each file's
content hash: a new or changed benchmark file re-checks every record; a new record is checked
against every benchmark. Removed records are rejects whose detail names the benchmark, the item
id, the method and the matched span; `flag` keeps them with the same facts in `meta.decontam`.
"""
from __future__ import annotations

import dataclasses
import glob
from pathlib import Path
from typing import Any, Iterable, Literal, Optional

import xxhash
from pydantic import Field

from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import GlobalStage, Outcome, Resolution, Stage, StageConfig, register_stage
from medcorpus.dedup.shingles import doc_sides
from medcorpus.schemas import Record, Rejected


class DecontamConfig(StageConfig):
    path_fields = ("against",)
    against: list[str] = Field(default_factory=list, description="Benchmark files (globs allowed).")
    map: dict[str, str] = Field(default_factory=dict, description="question=COL, options=COL, id=COL for other shapes.")
    ngram: int = Field(13, ge=3, le=64, description="Word n-gram length.")
    char_ngram: int = Field(13, ge=3, le=64, description="Character n-gram length for Chinese text.")
    min_tokens: int = Field(8, ge=3, description="Items shorter than n but this long are matched whole.")
    minhash: bool = Field(True, description="Also catch near-duplicates of an item (MinHash).")
    threshold: float = Field(0.6, gt=0.0, lt=1.0, description="MinHash Jaccard from which a record is a near copy.")
    num_perm: int = Field(128, ge=16, le=1024)
    shingle: int = Field(2, ge=1, le=8, description="MinHash word shingle length.")
    action: Literal["remove", "flag"] = "remove"
    heldout: Optional[str] = Field(None, description="The export's held-out share ('5%' or a count): every other "
                                   "record is checked against the held-out records (build sets it from [export] holdout).")


def expand_paths(patterns: Iterable[str]) -> list[Path]:
    """Benchmark paths (globs expanded, sorted); a pattern matching nothing is an error."""
    out: list[Path] = []
    for pattern in patterns:
        hits = sorted(glob.glob(pattern)) if any(c in pattern for c in "*?[") else [pattern]
        if not hits or not Path(hits[0]).exists():
            raise FileNotFoundError(f"decontaminate: benchmark file {pattern} does not exist")
        out.extend(Path(h) for h in hits)
    return out


def record_sides(turns: Iterable[Any]) -> tuple[str, ...]:
    """(asking side, answering side): the texts dedup compares, checked here against the benchmarks."""
    return doc_sides(list(turns), "all")


class DecontamMatches(Stage):
    """The map phase: each pending row checked against every benchmark file (pure, any engine);
    its matches go to the driver as side rows."""

    name = "decontaminate:matches"
    config_model = DecontamConfig

    def __init__(self, config=None):
        super().__init__(config)
        self.index = None
        self.benchmarks: list = []

    def params(self):
        from medcorpus.decontam.match import MatchParams

        c = self.config
        return MatchParams(ngram=c.ngram, char_ngram=c.char_ngram, min_tokens=c.min_tokens, minhash=c.minhash,
                           threshold=c.threshold, num_perm=c.num_perm, shingle=c.shingle)

    def load_benchmarks(self) -> list:
        from medcorpus.decontam.benchmarks import read_benchmark

        if not self.benchmarks:
            if not self.config.against and not self.config.heldout:
                raise ValueError("decontaminate: no benchmark files (give --against FILE or `against = [...]`)")
            self.benchmarks = [read_benchmark(p, self.config.map or None) for p in expand_paths(self.config.against)]
        return self.benchmarks

    def setup(self) -> None:
        from medcorpus.decontam.match import BenchmarkIndex

        if self.index is None:
            self.index = BenchmarkIndex.build([it for b in self.load_benchmarks() for it in b.items], self.params())

    def process_rows(self, rows: list[dict]) -> Outcome:
        self.setup()
        found = self.index.check([record_sides(r["turns"]) for r in rows])
        matches = [{"id": r["id"], "facts": [fact(m, self.index) for m in f[:5]]} for r, f in zip(rows, found) if f]
        return Outcome(items=[], side_rows={"matches": matches})


def fact(m: Any, index: Any) -> dict[str, Any]:
    item = index.items[m.item]
    return {"benchmark": item.benchmark, "item_id": item.item_id, "method": m.method,
            "side": "patient" if m.side == 0 else "doctor", "span": m.span[:300], "score": m.score}


@register_stage
class Decontaminate(GlobalStage):
    """A global stage: `map_phase` checks records against the benchmark files in parallel; `resolve`
    (on the driver) adds the held-out split as a target, including records kept by earlier runs
    that contain a record held out since (they are re-opened and removed)."""

    name = "decontaminate"
    version = "1"
    config_model = DecontamConfig
    map_phase = DecontamMatches
    pool_min = 4000

    def fingerprint(self) -> str:
        """Name, version, config and the content hash of every benchmark file."""
        from medcorpus.decontam.benchmarks import file_digest

        h = xxhash.xxh3_64(super().fingerprint().encode())
        for path in expand_paths(self.config.against):
            h.update(f"\x1f{file_digest(path)}".encode())
        return h.hexdigest()

    def resolve(self, ctx: Any, mapped: Iterable[tuple[list[dict], Outcome]]) -> Resolution:
        facts: dict[str, list[dict]] = {}
        pending: set[str] = set()
        with progress_bar("decontaminate: benchmarks", total=ctx.n_pending) as advance:
            for rows, outcome in mapped:
                pending.update(r["id"] for r in rows)
                for m in outcome.side_rows.get("matches", []):
                    facts[m["id"]] = m["facts"]
                advance(len(rows))
        held, reopened = None, []
        if self.config.heldout:
            held, reopened = self._heldout(ctx, pending, facts)

        def decide(rows: list[dict]) -> Outcome:
            items, counters = [], {}
            # pending train rows against the held-out records (re-opened rows have their facts already)
            check = [held is not None and r["id"] in pending and r["id"] not in held[0] for r in rows]
            found = held[1].check([record_sides(r["turns"]) if c else ("", "") for r, c in zip(rows, check)]) \
                if held else [[] for _ in rows]
            for r, extra in zip(rows, found):
                f = facts.get(r["id"], []) + [fact(m, held[1]) for m in extra[:3]]
                rec = Record.from_row(r)
                if not f:
                    items.append(rec)
                    continue
                for bench in {x["benchmark"] for x in f}:
                    counters[f"records.{bench}"] = counters.get(f"records.{bench}", 0) + 1
                items.append(self._outcome(rec, f))
            return Outcome(items=items, counters=counters)

        return Resolution(decide, reopened, {"heldout_items": len(held[0]) if held else 0, "reopened": len(reopened)})

    def _heldout(self, ctx: Any, pending: set[str], facts: dict) -> tuple[tuple[set, Any], list[dict]]:
        """The held-out records' index, and the rows kept earlier that contain a record newly held
        out (its facts added to `facts`)."""
        from medcorpus.decontam.benchmarks import BenchItem
        from medcorpus.decontam.match import BenchmarkIndex
        from medcorpus.pipeline import queries
        from medcorpus.stages.export import held_out_ids

        ids = set(held_out_ids(ctx.ws, self.config.heldout))
        items = [BenchItem("heldout", r["id"], record_sides(r["turns"])[0]) for r in queries.rows_by_id(ctx.ws, sorted(ids))]
        items = [it for it in items if it.question.strip()]
        params = heldout_params(self.map_phase(self.config).params())
        index = BenchmarkIndex.build(items, params)
        new = [it for it in items if it.item_id in pending]
        reopened: list[dict] = []
        if new and ctx.n_skipped:
            new_index = BenchmarkIndex.build(new, params)
            for batch in queries.kept_inputs(ctx.ws, self.name, ctx.fingerprint, ctx.batch_size):
                batch = [r for r in batch if r["id"] not in ids and r["id"] not in pending]
                for r, f in zip(batch, new_index.check([record_sides(r["turns"]) for r in batch])):
                    if f:
                        facts[r["id"]] = [fact(m, new_index) for m in f[:3]]
                        reopened.append(r)
        return (ids, index), reopened

    def _outcome(self, rec: Record, facts: list[dict[str, Any]]) -> Record | Rejected:
        best = facts[0]
        if self.config.action == "flag":
            rec.meta = {**rec.meta, "decontam": {"matches": facts}}
            return rec
        reason = f"contaminated: {best['benchmark']} item {best['item_id']} ({best['method']})"
        return Rejected(record_id=rec.id, reason=reason, snippet=best["span"][:200],
                        detail={**best, "matches": facts[1:]})

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        """Per benchmark: items, and records matched in this run (status and the report count
        items seen and records removed from the workspace)."""
        benchmarks = {b.name: {"file": b.path, "shape": b.shape, "items": len(b.items), "unreadable": len(b.skipped)}
                      for b in self.map_phase(self.config).load_benchmarks()}
        if self.config.heldout:
            benchmarks["heldout"] = {"file": None, "shape": "heldout", "items": int(counters.get("heldout_items", 0)),
                                     "unreadable": 0}
        for name, entry in benchmarks.items():
            entry["records"] = int(counters.get(f"records.{name}", 0))
        return {"action": self.config.action, "benchmarks": benchmarks, "reopened": int(counters.get("reopened", 0))}


def heldout_params(params: Any) -> Any:
    """Near copies of a held-out record already share its dedup cluster; records of one source
    share form text, so a train record must contain half of a held-out question, not one n-gram."""
    return dataclasses.replace(params, minhash=False, min_coverage=0.5)


def _status(ws: Any) -> Any:
    from medcorpus.pipeline.queries import decontam_counts

    return decontam_counts(ws)


Decontaminate.status_sections = {"decontaminate": _status}
