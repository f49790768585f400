"""What a stage returns for a batch, and the one function every engine calls to get it.

`Outcome` is the stage contract's single channel: the batch's records (same ids) or Rejected,
rows for side tables (PII spans, grammar edits, signatures) and counters the runner sums. The
runner commits all three in one transaction per batch; a stage never writes anything itself.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from medcorpus.schemas import Record, Rejected

if TYPE_CHECKING:
    from medcorpus.pipeline.stage import Stage, StageConfig


@dataclass
class Outcome:
    """One batch's result: `items` (one Record or Rejected per input record, same ids),
    `side_rows` (side table name -> rows) and `counters` (summed by the runner). An LLM stage may
    also return `added` (new records made beside their input, e.g. distilled copies) and
    `deferred` (ids of input records it could not finish now: they stay pending, nothing is written
    for them)."""

    items: list[Record | Rejected]
    side_rows: dict[str, list[dict]] = field(default_factory=dict)
    counters: dict[str, float] = field(default_factory=dict)
    added: list[Record] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)

    def __iter__(self):  # `list(stage.process(batch))` gives the records, as for a plain stage
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def as_outcome(result: Outcome | Iterable[Record | Rejected]) -> Outcome:
    """A stage's `process` result as an Outcome (a plain iterable of records is accepted)."""
    if isinstance(result, Outcome):
        if not isinstance(result.items, list):
            result.items = list(result.items)
        return result
    return Outcome(items=list(result))


def process_rows(stage: "Stage", rows: list[dict]) -> Outcome:
    """Rows as the runner reads them (dicts with `version`, `meta` parsed) -> `stage.process` -> Outcome.
    A stage whose input is not records (a global stage's map phase over projected columns)
    defines `process_rows(rows)` itself."""
    own = getattr(stage, "process_rows", None)
    if own is not None:
        return as_outcome(own(rows))
    return as_outcome(stage.process([Record.from_row(r) for r in rows]))


@dataclass
class Services:
    """What a worker's stage may read besides its batch: read-only snapshots the runner put in
    `scratch` before the run (for example grammar's sentence cache as `<table>.parquet`)."""

    scratch: Path | None = None

    def snapshot(self, table: str) -> Path | None:
        """The Parquet snapshot of side table `table`, or None when there is none."""
        if self.scratch is None:
            return None
        path = Path(self.scratch) / f"{table}.parquet"
        return path if path.exists() else None


# Batches allocate many short-lived objects (rows, records); Python's default collector then
# scans every live object over and over: half the runner's CPU time. Collect less often.
GC_GEN0 = 50_000


@contextmanager
def batch_gc() -> Iterator[None]:
    """Fewer cyclic collections while batches run (garbage is still freed by reference counts)."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_GEN0), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def fewer_collections() -> None:
    """For a worker process: collect cycles less often for its whole life (see `batch_gc`)."""
    if gc.get_threshold()[0] < GC_GEN0:
        gc.set_threshold(GC_GEN0, *gc.get_threshold()[1:])


def start_stage(stage_cls: type["Stage"], config: "StageConfig | dict | None", scratch: Path | None = None) -> "Stage":
    """Construct a stage in a worker and call its `setup` (engines call this once per worker; a
    worker process collects cycles less often, see `batch_gc`)."""
    fewer_collections()
    stage = stage_cls(config)
    stage.services = Services(Path(scratch) if scratch is not None else None)
    stage.setup()
    return stage


def merge_counters(total: dict[str, float], more: dict[str, Any]) -> None:
    for key, value in more.items():
        total[key] = total.get(key, 0) + value
