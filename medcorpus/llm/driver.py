"""One driver for every LLM task: resume, concurrency, batched commits, budget, dry run, summary.

A task (`LLMTask`) describes its work as `Item(key, payload)`s, where `key` is a stable hash of
everything that decides the output (case, prompt, model, settings), and an async
`work(client, item) -> Outcome` (records, or a reject reason): one request (`messages` -> the LLM,
schema-constrained -> `parse`) or several (role-play, two-agent dialogues). The driver
- resolves the endpoint once (`llm.endpoint`), tuned the same from a command or `medcorpus build`;
- skips items whose key is in `synth_items` (finished earlier: kept or rejected), so a re-run does
  no finished work, and a run killed at any moment loses nothing paid for (replies are committed
  with the records made from them, at least once a second);
- runs the rest through `bounded_map` in one asyncio loop (`TaskWorker`: the same per-item work for
  a batch, for an engine that runs it elsewhere);
- stops scheduling when the budget (`--max-cost`) is spent; what is left stays pending;
- with `--dry-run`, renders the first request of each pending item and estimates tokens and cost.
"""
from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Awaitable, Callable, Iterable, TypeVar

import orjson

from medcorpus.llm.concurrency import bounded_map
from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, LLMError, NoEndpoint, estimate_messages
from medcorpus.llm.config import LLMConfig, generation_settings
from medcorpus.pipeline.progress import console, progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.schemas import Record, Rejected

T = TypeVar("T")
R = TypeVar("R")
FLUSH_SECONDS = 1.0
FLUSH_ITEMS = 256

__all__ = ["Item", "Outcome", "LLMTask", "TaskWorker", "run_task", "item_key", "generation_settings", "bounded_map"]


@dataclass
class Item:
    key: str
    payload: Any
    label: str = ""  # for rejects and dry-run listings (e.g. the disease name)


@dataclass
class Outcome:
    records: list[Record] = field(default_factory=list)
    rejected: str | None = None  # the reason, when the item produced nothing usable
    snippet: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    rejects: list[Rejected] = field(default_factory=list)  # parts refused beside the records (self-instruct pairs)


class LLMTask:
    """Mixin for LLM source stages: `items`, `first_messages`, `work`; `run(ws)` is the driver's."""

    requests_per_item: tuple[int, int] = (1, 1)

    def items(self, ws: Any) -> list[Item]:
        raise NotImplementedError

    def first_messages(self, item: Item) -> list[dict]:
        raise NotImplementedError

    async def work(self, client: LLMClient, item: Item) -> Outcome:
        raise NotImplementedError

    def check_inputs(self, ws: Any) -> None:
        """Raise ValueError with a clear message when the workspace lacks what the task needs."""

    def summary_extra(self, items: list[Item]) -> dict[str, Any]:
        """Figures known before the run (counted over every item)."""
        return {}

    def after_run(self) -> dict[str, Any]:
        """Figures counted while the run went."""
        return {}

    def todo_limit(self) -> int | None:
        """Items to do in one run at most (None: all pending)."""
        return None

    runs_on_engine = True  # `medcorpus build` passes its engine to `run`

    def prepare_worker(self) -> None:
        """On an engine's worker, before `ask`: load what `items()` loads on the driver that the
        request needs (the task there is built from its config alone)."""

    async def ask(self, client: LLMClient, item: Item) -> Any:
        """The part of `work` an engine's worker runs (the requests); default: all of it."""
        return await self.work(client, item)

    def finish(self, item: Item, value: Any, model: str) -> Outcome:
        """The rest of `work`, on the driver with the run's state (self-instruct's novelty index)."""
        return value

    def run(self, ws: Any, limit: int | None = None, engine: Any = None, **_: Any) -> RunSummary:
        """`limit`: items of this run (overrides the config's case limit); `engine`: where the
        items run (None or local: this process)."""
        if limit is not None and "limit" in type(self.config).model_fields:
            self.config = self.config.model_copy(update={"limit": limit})
        self.check_inputs(ws)
        return run_task(ws, self, engine=engine)


def item_key(*parts: Any) -> str:
    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS, default=str)).hexdigest()[:32]


def as_outcome(result: Any) -> Outcome | BaseException:
    """An InvalidReply becomes a rejected Outcome; other exceptions stay (the item stays pending)."""
    if isinstance(result, InvalidReply):
        return Outcome(rejected=result.reason, snippet=result.raw_text)
    return result


class TaskWorker:
    """The per-item work of a task for one batch on an engine's worker: `setup()` makes the client
    (no workspace: cached replies are looked up in the caller's `cache`), `process(items)` returns
    (item, what `task.ask` gave or its exception) pairs and the new cache rows, for the driver to
    `finish` and commit."""

    def __init__(self, task: LLMTask, config: LLMConfig, base_url: str, limiter: Any = None, cache: Any = None):
        self.task, self.config, self.base_url, self.limiter, self.cache = task, config, base_url, limiter, cache
        self.client: LLMClient | None = None

    def setup(self) -> None:
        self.client = LLMClient(None, self.config, base_url=self.base_url, limiter=self.limiter)
        if self.cache is not None:
            self.client.cache = self.cache

    def process(self, items: list[Item]) -> tuple[list[tuple[Item, Outcome | BaseException]], list[tuple]]:
        async def go() -> list:
            out = [(item, as_outcome(result)) async for item, result in bounded_map(
                items, lambda it: self.task.ask(self.client, it), max(1, self.config.concurrency * 2))]
            await self.client.aclose()
            return out
        results = asyncio.run(go())
        return results, self.client.take_pending()


def dry_run(stage_name: str, items: list[Item], first_request: Callable[[Item], list[dict]], config: LLMConfig,
            requests_per_item: tuple[int, int] = (1, 1), show: int = 2, max_tokens: int = 512) -> RunSummary:
    """Print the first prompts and estimate tokens and cost; send nothing, write nothing."""
    client = LLMClient(None, config.model_copy(update={"max_cost": None}), base_url="http://dry-run/v1")
    lo, hi = requests_per_item
    prompt_tokens = 0
    for i, item in enumerate(items):
        messages = first_request(item)
        prompt_tokens += estimate_messages(messages)
        if i < show:
            console.print(f"[bold]── request for {item.label or item.key[:12]}[/]", highlight=False)
            for m in messages:
                console.print(f"[dim]{m['role']}:[/] {m['content']}", highlight=False, markup=False, soft_wrap=True)
    completion_hi = len(items) * (config.max_tokens or max_tokens) * hi
    extra = {"dry_run": True, "items": len(items), "requests": f"{len(items) * lo}–{len(items) * hi}",
             "prompt_tokens_est": prompt_tokens * lo, "completion_tokens_max": completion_hi,
             "cost_usd_est_max": round(client.estimate_cost(prompt_tokens * hi, completion_hi), 6)
             if client.prices else "model not in the price table",
             "model": config.model}
    return RunSummary(stage=stage_name, n_in=len(items), extra=extra)


def note_error(state: dict, item: Item, result: BaseException) -> None:
    """A request that failed for good (LLMError) or a bug: the item stays pending."""
    state["errors"] += 1
    if state["error_sample"] is None:
        state["error_sample"] = f"{item.label or item.key[:12]}: {type(result).__name__}: {result}"
    if not isinstance(result, (LLMError, NoEndpoint, asyncio.TimeoutError)):
        console.print(f"[red]error[/] in {item.label}: {result!r}", highlight=False)


def run_task(ws: Any, task: LLMTask, endpoint: Any = None, engine: Any = None) -> RunSummary:
    """Run `task.work` over its items not finished yet; see the module docstring. With a non-local
    `engine`, the items run there (`llm.task_stage`)."""
    from medcorpus.llm.endpoint import open_endpoint
    from medcorpus.pipeline.items import ItemWriter, done_keys

    started = time.perf_counter()
    config: LLMConfig = task.config.llm
    items = task.items(ws)
    finished = done_keys(ws, task.name)
    todo = [it for it in items if it.key not in finished]
    skipped = len(items) - len(todo)
    if task.todo_limit() is not None:
        todo = todo[:task.todo_limit()]
    extra = task.summary_extra(items)
    if config.dry_run:
        summary = dry_run(task.name, todo, task.first_messages, config, task.requests_per_item)
        return summary.model_copy(update={"n_skipped": skipped})
    if not todo:
        return RunSummary(stage=task.name, n_skipped=skipped, seconds=round(time.perf_counter() - started, 3),
                          extra={**extra, "note": "nothing to do: every item is finished"})
    distributed = engine is not None and getattr(engine, "name", "local") != "local"
    with open_endpoint(config) as ep:
        config = ep.tune(config).model_copy(update={"base_url": ep.url})
        client = LLMClient(ws, config, base_url=ep.url)
        run_id = ws.start_run(task.name, "", task.config.model_dump(mode="json"))
        writer = ItemWriter(ws, task.name, task.name, run_id, client)
        state = {"budget": False, "errors": 0, "error_sample": None}
        status = "failed"
        stats: dict[str, Any] = {}
        try:
            if distributed:
                from medcorpus.llm.task_stage import run_on_engine

                writer, stats = run_on_engine(ws, task, todo, engine, config, run_id, state)
            else:
                asyncio.run(_drive(client, todo, task.work, writer, state))
            status = "stopped" if state["budget"] else "ok"
        finally:
            writer.flush()
            writer.close()
            seconds = time.perf_counter() - started
            llm = client.stats()
            llm.update({k: round(v, 6) if isinstance(v, float) else v for k, v in stats.items()})
            summary_extra = {**extra, "endpoint": ep.where, "items_done": writer.n_items,
                             "items_kept": writer.n_items - writer.n_rejected, "items_rejected": writer.n_rejected,
                             "items_pending": len(todo) - writer.n_items, "duplicates": writer.n_dup,
                             "rejected_by_reason": writer.reasons, "budget_stopped": state["budget"],
                             "errors": state["errors"], **task.after_run(), "llm": llm}
            if state["error_sample"]:
                summary_extra["error_sample"] = state["error_sample"]
            ws.finish_run(run_id, status, writer.n_items, writer.n_records, writer.n_rejected, skipped, seconds,
                          summary_extra)
    info: dict[str, Any] = {}
    if distributed:
        from medcorpus.llm.task_stage import engine_summary

        info = engine_summary(engine, task.name)
    return RunSummary(stage=task.name, n_in=writer.n_items, n_out=writer.n_records, n_rejected=writer.n_rejected,
                      n_skipped=skipped, seconds=round(seconds, 3), extra=summary_extra, engine=info)


async def _drive(client: LLMClient, todo: list[Item], work: Callable[[LLMClient, Item], Awaitable[Outcome]],
                 writer: Any, state: dict) -> None:
    limit = max(1, client.config.concurrency * 2)  # items in progress: enough to keep every slot busy
    try:
        with progress_bar(writer.stage, total=len(todo)) as advance:
            async for item, result in bounded_map(todo, lambda it: work(client, it), limit,
                                                  stop=lambda: state["budget"]):
                result = as_outcome(result)
                if isinstance(result, BudgetExceeded):
                    state["budget"] = True
                    continue
                if isinstance(result, BaseException):
                    note_error(state, item, result)
                    continue
                writer.add(item, result)
                advance(1)
                if writer.due():
                    await writer.flush_async()
            await writer.flush_async()
    finally:
        await client.aclose()
