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

from medcorpus.pipeline.stage import Stage, StageConfig, register_stage
from medcorpus.schemas import ANSWERING_ROLES, ASKING_ROLES, Record, Rejected


class DecontamConfig(StageConfig):
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


def record_sides(turns: Iterable[Any]) -> tuple[str, str]:
    ask, ans = [], []
    for t in turns:
        role, text = (t["role"], t["text"]) if isinstance(t, dict) else (t.role, t.text)
        if role in ASKING_ROLES:
            ask.append(text)
        elif role in ANSWERING_ROLES:
            ans.append(text)
    return "\n".join(ask), "\n".join(ans)


@register_stage
class Decontaminate(Stage):
    name = "decontaminate"
    version = "1"
    config_model = DecontamConfig

    def __init__(self, config=None):
        super().__init__(config)
        self.index = None
        self.benchmarks: list = []
        self._counts: dict[str, dict[str, Any]] = {}
        self._heldout = None          # (held-out ids, their index), set on the driver by `run`
        if self.config.heldout:
            self.parallel = False     # the held-out index is built from the workspace on the driver

    def fingerprint(self) -> str:
        """Name, version, config and the content hash of every benchmark file."""
        from medcorpus.decontam.benchmarks import file_digest

        h = xxhash.xxh3_64(super().fingerprint().encode())
        for path in expand_paths(self.config.against):
            h.update(f"\x1f{file_digest(path)}".encode())
        return h.hexdigest()

    def params(self):
        from medcorpus.decontam.match import MatchParams

        c = self.config
        return MatchParams(ngram=c.ngram, char_ngram=c.char_ngram, min_tokens=c.min_tokens, minhash=c.minhash,
                           threshold=c.threshold, num_perm=c.num_perm, shingle=c.shingle)

    def _load_benchmarks(self) -> None:
        from medcorpus.decontam.benchmarks import read_benchmark

        if self.benchmarks:
            return
        if not self.config.against and not self.config.heldout:
            raise ValueError("decontaminate: no benchmark files (give --against FILE or `against = [...]`)")
        self.benchmarks = [read_benchmark(p, self.config.map or None) for p in expand_paths(self.config.against)]
        for b in self.benchmarks:
            self._counts[b.name] = {"file": b.path, "shape": b.shape, "items": len(b.items),
                                    "unreadable": len(b.skipped), "matched_items": set(), "records": 0}

    def setup(self) -> None:
        from medcorpus.decontam.match import BenchmarkIndex

        if self.index is not None:
            return
        self._load_benchmarks()
        self.index = BenchmarkIndex.build([it for b in self.benchmarks for it in b.items], self.params())

    def run(self, ctx: Any) -> None:
        """With a held-out split: build its index first (and check records kept earlier against
        records newly held out), then the batches."""
        if self.config.heldout:
            self._heldout_pass(ctx)
        ctx.run_batches(self)

    def _heldout_pass(self, ctx: Any) -> None:
        from medcorpus.decontam.benchmarks import BenchItem
        from medcorpus.decontam.match import BenchmarkIndex
        from medcorpus.pipeline import queries
        from medcorpus.stages.export import held_out_ids

        ids = held_out_ids(ctx.ws, self.config.heldout)
        items = [BenchItem("heldout", r["id"], record_sides(r["turns"])[0]) for r in queries.rows_by_id(ctx.ws, ids)]
        items = [it for it in items if it.question.strip()]
        # near copies already share its dedup cluster; records of one source share template text, so
        # a train record must contain half of a held-out question, not just one n-gram of it
        params = dataclasses.replace(self.params(), minhash=False, min_coverage=0.5)
        self._heldout = (set(ids), BenchmarkIndex.build(items, params))
        self._counts["heldout"] = {"file": None, "shape": "heldout", "items": len(items), "unreadable": 0,
                                   "matched_items": set(), "records": 0}
        key = f"decontaminate:heldout:{ctx.fingerprint}"
        known = ctx.ws.get(key)
        new = [it for it in items if known is not None and it.item_id not in set(known)]
        if new:  # records kept before against records held out since: the split is a benchmark too
            index = BenchmarkIndex.build(new, params)
            for rows in queries.kept_inputs(ctx.ws, self.name, ctx.fingerprint, ctx.batch_size):
                rows = [r for r in rows if r["id"] not in self._heldout[0]]
                found = index.check([record_sides(r["turns"]) for r in rows])
                hits = [(r, f) for r, f in zip(rows, found) if f]
                if hits:
                    ctx.write([(r, self._outcome(Record.from_row(r), [self._fact(m, index) for m in f]))
                               for r, f in hits])
        ctx.ws.set(key, sorted(ids))

    def process(self, batch: list[Record]) -> list[Record | Rejected]:
        self.setup()
        matches = self.index.check([record_sides(r.turns) for r in batch])
        if self._heldout is not None:
            held_ids, held_index = self._heldout
            extra = held_index.check([record_sides(r.turns) if r.id not in held_ids else ("", "") for r in batch])
        else:
            extra = [[] for _ in batch]
        out: list[Record | Rejected] = []
        for rec, found, held in zip(batch, matches, extra):
            if not found and not held:
                out.append(rec)
                continue
            facts = [self._fact(m) for m in found[:5]] + [self._fact(m, self._heldout[1]) for m in held[:3]]
            out.append(self._outcome(rec, facts))
        return out

    def _outcome(self, rec: Record, facts: list[dict[str, Any]]) -> Record | Rejected:
        for f in {f["benchmark"]: f for f in facts}.values():
            self._counts[f["benchmark"]]["records"] += 1
        for f in facts:
            self._counts[f["benchmark"]]["matched_items"].add(f["item_id"])
        best = facts[0]
        if self.config.action == "flag":
            rec.meta = {**rec.meta, "decontam": {"matches": facts}}
            return rec
        reason = f"contaminated: {best['benchmark']} item {best['item_id']} ({best['method']})"
        return Rejected(record_id=rec.id, reason=reason, snippet=best["span"][:200],
                        detail={**best, "matches": facts[1:]})

    def _fact(self, m, index=None) -> dict[str, Any]:
        item = (index or self.index).items[m.item]
        return {"benchmark": item.benchmark, "item_id": item.item_id, "method": m.method,
                "side": "patient" if m.side == 0 else "doctor", "span": m.span[:300], "score": m.score}

    def summary_extra(self) -> dict[str, Any]:
        self._load_benchmarks()  # item counts for status, even when workers did the matching
        return {"action": self.config.action,
                "benchmarks": {name: {**c, "matched_items": len(c["matched_items"])}
                               for name, c in self._counts.items()}}
