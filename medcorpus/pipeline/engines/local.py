"""The local engine: batches in this process (1 worker) or in a pool of spawned processes."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from medcorpus.pipeline.outcome import Outcome, process_rows, start_stage
from medcorpus.pipeline.parallel import ordered_map, spawn_pool

if TYPE_CHECKING:
    from medcorpus.pipeline.stage import Stage, StageConfig


class LocalEngine:
    """`workers` <= 1: setup + process here; more: a spawn pool, batches in order, a bounded
    number in flight (memory stays flat)."""

    name = "local"

    def __init__(self, **options: Any):
        if options:
            raise TypeError(f"the local engine takes no options (got {', '.join(options)})")
        self._workers = 1

    def map_batches(self, stage_cls: type["Stage"], config: "StageConfig", batches: Iterable[list[dict]], *,
                    workers: int = 1, scratch: Path | None = None) -> Iterator[tuple[list[dict], Outcome]]:
        self._workers = max(1, workers)
        if workers <= 1:
            stage = start_stage(stage_cls, config, scratch)
            try:
                for rows in batches:
                    yield rows, process_rows(stage, rows)
            finally:
                stage.teardown()
            return
        with spawn_pool(workers, _init_worker, (stage_cls, config, scratch)) as pool:
            yield from ordered_map(pool, _process_in_worker, batches, workers * 2)

    def actors_for(self, n_batches: int, parallel: bool = True) -> int:
        return 1  # LLM tasks run in this process

    def rate_limiter(self, rpm: int | None, tpm: int | None) -> None:
        return None  # one process: each client's own limiter is the run's

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "cpus": os.cpu_count(), "workers": self._workers}

    def close(self) -> None:
        pass


_worker_stage: "Stage | None" = None


def _init_worker(stage_cls: type["Stage"], config: Any, scratch: Path | None) -> None:
    global _worker_stage
    _worker_stage = start_stage(stage_cls, config, scratch)


def _process_in_worker(rows: list[dict]) -> Outcome:
    assert _worker_stage is not None
    return process_rows(_worker_stage, rows)
