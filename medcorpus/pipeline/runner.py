"""Runs a stage over the workspace's pending records: batches, an engine, the committer, the run log.

Each batch (records, rejects and the stage's side rows) is written in one transaction, so a run
killed at any point keeps every finished batch and the next run picks up exactly the rest.
A global stage (`GlobalStage`) runs its map phase through the same engine, then resolves on
this process and its outputs are committed batch by batch the same way.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator

import orjson
import pyarrow as pa
from pydantic import BaseModel, Field

from medcorpus.pipeline.engines import Engine, get_engine
from medcorpus.pipeline.outcome import Outcome, batch_gc, merge_counters
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.purge import check_stage_change
from medcorpus.pipeline.stage import GlobalStage, Stage
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
    engine: dict[str, Any] = Field(default_factory=dict)  # where batches ran (engine, cpus, actors/workers)

    @property
    def rate(self) -> float:
        return self.n_in / self.seconds if self.seconds else 0.0


class StageContext:
    """What the runner knows while a stage runs: its pending rows, the engine, the committer."""

    def __init__(self, ws: Workspace, stage: Stage, run_id: int, batch_size: int, workers: int,
                 limit: int | None = None, engine: Engine | None = None):
        self.ws, self.stage, self.run_id = ws, stage, run_id
        self.engine = engine or get_engine("local")
        self.fingerprint = stage.fingerprint()
        self.batch_size, self.workers, self.limit = batch_size, workers, limit
        self.n_in = self.n_out = self.n_rejected = 0
        self.counters: dict[str, float] = {}
        self.scratch = ws.path / "scratch"
        self.n_pending = self._materialise_pending()
        n_input = ws.one(f"SELECT count(*) FROM ({ws.input_sql(stage.name)})")[0]
        self.n_skipped = max(n_input - self.n_pending, 0)  # already processed with this fingerprint

    def _materialise_pending(self) -> int:
        """The pending rows' versions, in order; batches read their columns from the records table
        one at a time, so no copy of the pending rows is ever made (a million rows for dedup)."""
        limit = f" LIMIT {int(self.limit)}" if self.limit else ""
        self._todo = self.ws.arrow(f"SELECT version FROM ({self.ws.pending_sql(self.stage.name, self.fingerprint)}) "
                                   f"ORDER BY version{limit}").column("version")
        return len(self._todo)

    def pending_rows(self, batch_size: int | None = None, select: str | None = None) -> Iterator[list[dict]]:
        """Pending input rows (dicts with `version` and parsed `meta`, or the `select` columns),
        batch by batch in version order (one Arrow query a batch: only its rows are in memory)."""
        size = batch_size or self.batch_size
        for start in range(0, self.n_pending, size):
            yield self.ws.rows_at(self._todo.slice(start, size), select)

    def workers_for(self, stage: Stage) -> int:
        if not stage.parallel or self.n_pending <= self.batch_size or self.n_pending < stage.pool_min:
            return 1
        return self.workers

    def snapshot(self, stage: Stage) -> None:
        """Parquet copies of the side tables the stage reads (`snapshots`), for its workers."""
        for table in stage.snapshots:
            path = self.scratch / f"{table}.parquet"
            path.unlink(missing_ok=True)
            if self.ws.table_exists(table):
                self.scratch.mkdir(parents=True, exist_ok=True)
                self.ws.copy_to_parquet(f"SELECT * FROM {table}", path)

    # ------------------------------------------------------------------ the committer
    def commit(self, rows: list[dict], outcome: Outcome, pending: bool = True) -> None:
        """Check the outcome against its input rows and write it (records, rejects, side rows);
        `pending`: the rows came from `pending_rows` (not re-opened)."""
        by_id = {r["id"]: r for r in rows}
        items, seen = [], set()
        for out in outcome.items:
            rid = out.record_id if isinstance(out, Rejected) else out.id
            if rid not in by_id:
                raise RuntimeError(f"stage {self.stage.name!r} returned a record {rid!r} it was not given")
            seen.add(rid)
            items.append((by_id[rid], out))
        missing = set(by_id) - seen - set(outcome.deferred)
        if missing:
            raise RuntimeError(f"stage {self.stage.name!r} dropped {len(missing)} record(s) silently, "
                               f"e.g. {next(iter(missing))}")
        tables = {t.name: t for t in self.stage.side_tables}
        unknown = set(outcome.side_rows) - set(tables)
        if unknown:
            raise RuntimeError(f"stage {self.stage.name!r} returned rows for undeclared side table(s) "
                               f"{', '.join(sorted(unknown))}")
        side = [(tables[name], side_rows) for name, side_rows in outcome.side_rows.items()]
        kept, removed = self.ws.write_outputs(self.stage.name, self.fingerprint, self.run_id, items, side,
                                              pending=pending, added=[r.to_row() for r in outcome.added])
        merge_counters(self.counters, outcome.counters)
        self.n_in += len(items)
        self.n_out += kept
        self.n_rejected += removed

    # ------------------------------------------------------------------ drivers
    def run_batches(self, stage: Stage) -> None:
        """Stream pending batches through `stage.process` on the engine, committing each."""
        if self.n_pending == 0:
            return  # nothing to do: don't even load the stage's models
        self.snapshot(stage)
        with progress_bar(stage.name, total=self.n_pending) as advance:
            size = min(self.batch_size, stage.max_batch_size() or self.batch_size)
            for rows, outcome in self.engine.map_batches(type(stage), stage.config, self.pending_rows(size),
                                                         workers=self.workers_for(stage), scratch=self.scratch):
                self.commit(rows, outcome)
                advance(len(rows))

    def _changed_only(self, rows: list[dict], outcome: Outcome) -> tuple[list[dict], Outcome]:
        """Re-opened rows whose new output is what this stage already stored for them (a re-run
        after a kill re-opens the rows the killed run had written) are left out: each row is
        written once."""
        self.ws.temp_table("_reopened", pa.table({"v": pa.array([r["version"] for r in rows], pa.int64())}))
        stored = {v: (st, why) for v, st, why in self.ws.exec(
            "SELECT input_version, status, reason FROM records WHERE stage = ? AND fingerprint = ? "
            "AND input_version IN (SELECT v FROM _reopened) "
            "QUALIFY row_number() OVER (PARTITION BY input_version ORDER BY version DESC) = 1",
            [self.stage.name, self.fingerprint])}
        version_of = {r["id"]: r["version"] for r in rows}
        keep = set()
        for out in outcome.items:
            rid = out.record_id if isinstance(out, Rejected) else out.id
            now = ("removed", out.reason) if isinstance(out, Rejected) else ("ok", None)
            if stored.get(version_of.get(rid)) != now:
                keep.add(rid)
        items = [o for o in outcome.items if (o.record_id if isinstance(o, Rejected) else o.id) in keep]
        return ([r for r in rows if r["id"] in keep],
                Outcome(items=items, side_rows=outcome.side_rows, counters=outcome.counters))

    def run_global(self, stage: GlobalStage) -> None:
        """A global stage: its map phase over every pending record (through the engine), then
        `resolve` here, then its outputs for the pending (and re-opened) rows, batch by batch.
        With nothing pending it resolves only when the stage asks (`resolve_when_idle`)."""
        if self.n_pending == 0 and not stage.resolve_when_idle:
            return
        phase = stage.map_phase
        size = min(self.batch_size, stage.map_batch_size)
        mapped = self.engine.map_batches(phase, stage.config, self.pending_rows(size, select=stage.map_columns()),
                                         workers=self.workers_for(phase) if self.n_pending >= stage.pool_min else 1,
                                         scratch=self.scratch)
        resolution = stage.resolve(self, mapped)
        self.counters.update(resolution.counters)
        if resolution.decide is None:
            return
        started = time.perf_counter()
        total = self.n_pending + len(resolution.extra_rows)
        with progress_bar(f"{stage.name}: write", total=total) as advance:
            for rows in self.pending_rows(size):
                self.commit(rows, resolution.outcome(rows))
                advance(len(rows))
            for start in range(0, len(resolution.extra_rows), size):
                rows = resolution.extra_rows[start:start + size]
                outcome = resolution.outcome(rows)
                self.commit(*((rows, outcome) if resolution.extra_rows_changed else self._changed_only(rows, outcome)),
                            pending=False)
                advance(len(rows))
        self.counters["seconds_write"] = round(time.perf_counter() - started, 2)




def run_stage(ws: Workspace, stage: Stage, *, batch_size: int = 1000, workers: int = 1,
              limit: int | None = None, engine: Engine | None = None) -> RunSummary:
    """Run `stage` over every record it has not yet processed with its current fingerprint,
    on `engine` (default: the local engine)."""
    stage.prepare()
    fp = stage.fingerprint()
    config = stage.config.model_dump(mode="json")
    check_stage_change(ws, stage.name, fp)  # a purged workspace cannot redo what its raw text fed
    ws.enter_chain(stage.name, fp, config)
    for spec in stage.side_tables:
        ws.ensure_side_table(spec)
    run_id = ws.start_run(stage.name, fp, config)
    started = time.perf_counter()
    ctx = StageContext(ws, stage, run_id, batch_size, workers, limit, engine)
    status = "failed"
    try:
        with batch_gc():
            if isinstance(stage, GlobalStage):
                ctx.run_global(stage)
            else:
                ctx.run_batches(stage)
        status = "ok"
    finally:
        stage.teardown()
        seconds = time.perf_counter() - started
        extra = stage.summary(ctx.counters)
        ws.finish_run(run_id, status, ctx.n_in, ctx.n_out, ctx.n_rejected, ctx.n_skipped, seconds, extra)
    return RunSummary(stage=stage.name, fingerprint=fp, n_in=ctx.n_in, n_out=ctx.n_out,
                      n_rejected=ctx.n_rejected, n_skipped=ctx.n_skipped, seconds=round(seconds, 3),
                      extra=extra, engine=_engine_info(ctx.engine, stage))


def _engine_info(engine: Engine, stage: Stage) -> dict[str, Any]:
    """The engine's description with `actors` narrowed to this stage (and its map phase)."""
    info = dict(engine.describe())
    actors = info.get("actors")
    if isinstance(actors, dict):
        names = {stage.name} | ({stage.map_phase.name} if isinstance(stage, GlobalStage) else set())
        info["actors"] = sum(n for name, n in actors.items() if name in names)
    return info


def dumps(obj: Any) -> str:
    return orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
