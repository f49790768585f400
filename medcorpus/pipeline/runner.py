"""Runs a stage over the workspace's pending records: batches, process pool, progress, run log.

Each batch is written in its own transaction, so a run killed at any point keeps every
finished batch and the next run picks up exactly the rest.
"""
from __future__ import annotations

import time
from typing import Any, Iterator

import orjson
from pydantic import BaseModel, Field

from medcorpus.pipeline.engines import Engine, get_engine
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import Stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected


class RunSummary(BaseModel):
    """What a command reports at its end (printed as a table, or as JSON with --json)."""

    stage: str
    fingerprint: str = ""
    n_in: int = 0
    n_out: int = 0
    n_rejected: int = 0
    n_skipped: int = 0
    seconds: float = 0.0
    extra: dict[str, Any] = Field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.n_in / self.seconds if self.seconds else 0.0


class StageContext:
    """What a running stage sees: its pending rows, a writer, and counters."""

    def __init__(self, ws: Workspace, stage: Stage, run_id: int, batch_size: int, workers: int,
                 limit: int | None = None, engine: Any = None):
        self.ws, self.stage, self.run_id, self.engine = ws, stage, run_id, engine
        self.fingerprint = stage.fingerprint()
        self.batch_size, self.workers, self.limit = batch_size, workers, limit
        self.n_in = self.n_out = self.n_rejected = 0
        self.n_pending = self._materialise_pending()
        n_input = ws.one(f"SELECT count(*) FROM ({ws.input_sql(stage.name)})")[0]
        self.n_skipped = max(n_input - self.n_pending, 0)  # already processed with this fingerprint

    def _materialise_pending(self) -> int:
        limit = f" LIMIT {int(self.limit)}" if self.limit else ""
        self.ws.con.execute(
            "CREATE OR REPLACE TEMP TABLE _todo AS SELECT row_number() OVER (ORDER BY version) AS _rn, * "
            f"FROM ({self.ws.pending_sql(self.stage.name, self.fingerprint)}) ORDER BY version{limit}").fetchall()
        return self.ws.one("SELECT count(*) FROM _todo")[0]

    def pending_rows(self, batch_size: int | None = None, select: str | None = None) -> Iterator[list[dict]]:
        """Pending input rows (dicts with `version` and parsed `meta`, or the `select` columns),
        batch by batch in version order."""
        size = batch_size or self.batch_size
        cols = select or "* EXCLUDE (_rn)"
        for start in range(0, self.n_pending, size):
            yield self.ws.fetch_rows(f"SELECT {cols} FROM _todo WHERE _rn > ? AND _rn <= ? ORDER BY _rn",
                                     [start, start + size])

    def write(self, items: list[tuple[dict, Record | Rejected]]) -> None:
        """Commit one batch of (input row, output) pairs."""
        for src, out in items:
            if isinstance(out, Record):
                history = list(out.meta.get("stages", []))
                history.append({"stage": self.stage.name, "fp": self.fingerprint})
                out.meta = {**out.meta, "stages": history}
        kept, removed = self.ws.write_outputs(self.stage.name, self.fingerprint, self.run_id, items)
        self.n_in += len(items)
        self.n_out += kept
        self.n_rejected += removed

    def run_batches(self, stage: Stage) -> None:
        """Stream pending batches through `stage.process` on the engine (a process pool when workers > 1)."""
        if self.n_pending == 0:
            return  # nothing to do: don't even load the stage's models
        workers = self.workers if stage.parallel and self.n_pending > self.batch_size else 1
        with progress_bar(stage.name, total=self.n_pending) as advance:
            for rows, outcome in self.engine.map_batches(type(stage), stage.config, self.pending_rows(),
                                                         workers=workers, scratch=self.ws.path / "scratch"):
                self._commit(rows, outcome.items)
                advance(len(rows))

    def _commit(self, rows: list[dict], outputs: list[Record | Rejected]) -> None:
        by_id = {r["id"]: r for r in rows}
        items, seen = [], set()
        for out in outputs:
            rid = out.record_id if isinstance(out, Rejected) else out.id
            if rid not in by_id:
                raise RuntimeError(f"stage {self.stage.name!r} returned a record {rid!r} it was not given")
            seen.add(rid)
            items.append((by_id[rid], out))
        missing = set(by_id) - seen
        if missing:
            raise RuntimeError(f"stage {self.stage.name!r} dropped {len(missing)} record(s) silently, "
                               f"e.g. {next(iter(missing))}")
        self.write(items)


def run_stage(ws: Workspace, stage: Stage, *, batch_size: int = 1000, workers: int = 1,
              limit: int | None = None, engine: Engine | None = None) -> RunSummary:
    """Run `stage` over every record it has not yet processed with its current fingerprint,
    on `engine` (default: the local engine)."""
    fp = stage.fingerprint()
    config = stage.config.model_dump(mode="json")
    ws.enter_chain(stage.name, fp, config)
    run_id = ws.start_run(stage.name, fp, config)
    started = time.perf_counter()
    ctx = StageContext(ws, stage, run_id, batch_size, workers, limit, engine or get_engine("local"))
    status = "failed"
    try:
        stage.run(ctx)
        status = "ok"
    finally:
        seconds = time.perf_counter() - started
        extra = stage.summary_extra()
        ws.finish_run(run_id, status, ctx.n_in, ctx.n_out, ctx.n_rejected, ctx.n_skipped, seconds, extra)
    return RunSummary(stage=stage.name, fingerprint=fp, n_in=ctx.n_in, n_out=ctx.n_out,
                      n_rejected=ctx.n_rejected, n_skipped=ctx.n_skipped, seconds=round(seconds, 3),
                      extra=extra)


def dumps(obj: Any) -> str:
    return orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2).decode()
