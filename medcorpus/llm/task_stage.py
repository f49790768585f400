"""An LLM task's items on an engine (`--engine ray`): batches of items go through
`Engine.map_batches` like any stage's records; the item log, records and cached replies come back
to the driver, where the one committer writes them (`pipeline.items.ItemWriter`).

Each worker (a Ray actor) builds the task once (`setup`: one async client, `llm.concurrency`
requests in flight, the replies cached before the run as a snapshot service) and runs a batch of
items concurrently. The requests/tokens-per-minute limit is one for the whole run: the engine's
`rate_limiter` (a Ray actor every client awaits). `max_cost` is split evenly between the actors,
so together they never spend more; what the budget leaves undone stays pending for the next run.
"""
from __future__ import annotations

import importlib
import pickle
from pathlib import Path
from typing import Any

from pydantic import ConfigDict

from medcorpus.llm.cache import LLM_CACHE, SnapshotCache, cache_dicts
from medcorpus.llm.transform import NUMERIC_STATS
from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import Stage, StageConfig, batched

RESULTS = "_results"  # the Outcome's side rows that carry (item key, outcome or exception) pairs
ITEMS_PER_SLOT = 4  # items per batch per request slot


class TaskStageConfig(StageConfig):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    task: str  # "module:Class" of the LLMTask
    settings: dict  # its config, with the endpoint resolved and tuned
    limiter: Any = None  # shared rate limiter (picklable), or None: each client limits itself


class TaskStage(Stage):
    """A task's per-item work as a stage over rows {key, label, payload (pickled)}."""

    name = "llm_task"
    config_model = TaskStageConfig

    def setup(self) -> None:
        from medcorpus.llm.driver import TaskWorker

        module, _, cls = self.config.task.partition(":")
        task = getattr(importlib.import_module(module), cls)(self.config.settings)
        task.prepare_worker()
        cache = SnapshotCache(self.services.snapshot(LLM_CACHE.name), task.config.llm.model)
        self.worker = TaskWorker(task, task.config.llm, task.config.llm.base_url, self.config.limiter, cache)
        self.worker.setup()

    def process_rows(self, rows: list[dict]) -> Outcome:
        from medcorpus.llm.driver import Item

        items = [Item(r["key"], pickle.loads(r["payload"]), r["label"]) for r in rows]
        before = self.worker.client.stats()
        results, cache_rows = self.worker.process(items)
        after = self.worker.client.stats()
        return Outcome(items=[], side_rows={LLM_CACHE.name: cache_dicts(cache_rows),
                                            RESULTS: [{"key": item.key, "result": result} for item, result in results]},
                       counters={**{k: after[k] - before[k] for k in NUMERIC_STATS},
                                 **({f"structured.{after['structured']}": 1} if after["structured"] else {})})


class _Replies:
    """The cache rows of the batches that came back, for the ItemWriter to commit with their items."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []

    def take_pending(self) -> list[tuple]:
        rows, self.rows = self.rows, []
        return rows

    def flushed(self) -> None:
        pass


def run_on_engine(ws: Any, task: Any, todo: list, engine: Any, config: Any, run_id: int,
                  state: dict) -> tuple[Any, dict[str, Any]]:
    """Run `todo` items of `task` through `engine`; returns (the ItemWriter with its counts, LLM stats)."""
    from medcorpus.llm.cache import COLUMNS
    from medcorpus.llm.client import BudgetExceeded
    from medcorpus.llm.driver import as_outcome, note_error
    from medcorpus.pipeline.items import ItemWriter

    size = max(1, config.concurrency * ITEMS_PER_SLOT)
    n_batches = -(-len(todo) // size)
    limiter = engine.rate_limiter(config.rpm, config.tpm) if hasattr(engine, "rate_limiter") else None
    if config.max_cost is not None:  # each actor gets its share: together they never spend more
        config = config.model_copy(update={"max_cost": config.max_cost / max(1, engine.actors_for(n_batches))})
    settings = task.config.model_copy(update={"llm": config}).model_dump(mode="json")
    stage_cls = type(f"TaskStage_{task.name}", (TaskStage,), {"name": task.name, "__module__": __name__})
    cfg = TaskStageConfig(task=f"{type(task).__module__}:{type(task).__name__}", settings=settings, limiter=limiter)
    scratch = Path(ws.path) / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    snapshot = scratch / f"{LLM_CACHE.name}.parquet"
    snapshot.unlink(missing_ok=True)
    if ws.table_exists(LLM_CACHE.name):
        ws.copy_to_parquet(f"SELECT * FROM {LLM_CACHE.name} WHERE model = '{config.model.replace(chr(39), '')}'",
                           snapshot)
    by_key = {item.key: item for item in todo}
    rows = ({"key": it.key, "label": it.label, "payload": pickle.dumps(it.payload)} for it in todo)
    replies = _Replies()
    writer = ItemWriter(ws, task.name, task.name, run_id, replies)
    stats: dict[str, Any] = {}
    try:
        with progress_bar(task.name, total=len(todo)) as advance:
            for _, outcome in engine.map_batches(stage_cls, cfg, batched(rows, size), workers=1, scratch=scratch):
                for key, value in outcome.counters.items():
                    if key.startswith("structured."):
                        stats["structured"] = key.split(".", 1)[1]
                    else:
                        stats[key] = stats.get(key, 0) + value
                replies.rows.extend(tuple(r[c] for c in COLUMNS) for r in outcome.side_rows[LLM_CACHE.name])
                for pair in outcome.side_rows[RESULTS]:
                    item, result = by_key[pair["key"]], as_outcome(pair["result"])
                    if isinstance(result, BudgetExceeded):
                        state["budget"] = True
                    elif isinstance(result, BaseException):
                        note_error(state, item, result)
                    else:
                        writer.add(item, task.finish(item, result, config.model))
                writer.flush()  # each batch in one transaction, as it comes back
                advance(len(outcome.side_rows[RESULTS]))
    finally:
        writer.flush()
        snapshot.unlink(missing_ok=True)
        if limiter is not None:
            limiter.close()
    return writer, stats


def engine_summary(engine: Any, name: str) -> dict[str, Any]:
    info = dict(engine.describe())
    if isinstance(info.get("actors"), dict):
        info["actors"] = info["actors"].get(name, 0)
    return info

