"""Runs an LLM source stage over its work items: resume, concurrency, immediate writes, budget, summary.

A stage describes its work as `Item(key, payload)`s, where `key` is a stable hash of everything that
decides the output (case id, variant, prompt, model, settings), and an async `work(item) -> Outcome`.
The driver
- skips items whose key is in `synth_items` (finished earlier: kept or rejected), so a re-run does
  no finished work, and a run killed at any moment loses nothing paid for (replies are cached as
  they arrive and committed with the records made from them, at least once a second);
- runs the rest through `bounded_map` in one asyncio loop; the main thread owns the DuckDB connection;
- writes each outcome (records via `ws.add_records`, idempotent by id, plus its `synth_items` row)
  in small transactions, so an item is either fully written or not at all;
- stops scheduling when the budget (`--max-cost`) is spent; what is left stays pending;
- with `--dry-run`, renders the first request of each pending item and estimates tokens and cost.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

import orjson

from medcorpus.llm.client import (BudgetExceeded, InvalidReply, LLMClient, LLMError, NoEndpoint, bounded_map,
                                  estimate_messages)
from medcorpus.llm.config import LLMConfig
from medcorpus.pipeline.progress import console, progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected

ITEMS_DDL = """CREATE TABLE IF NOT EXISTS synth_items (
    stage VARCHAR, item_key VARCHAR, status VARCHAR, record_ids VARCHAR[], reason VARCHAR, run_id BIGINT,
    created_at TIMESTAMP DEFAULT current_timestamp)"""
FLUSH_SECONDS = 1.0
FLUSH_ITEMS = 256
RUNTIME_KNOBS = {"base_url", "concurrency", "rpm", "tpm", "timeout", "max_retries", "cache", "max_cost",
                 "dry_run", "price_input", "price_output"}


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


def generation_settings(config: LLMConfig) -> dict[str, Any]:
    """The LLM settings that change what is generated (for item keys and fingerprints)."""
    return {k: v for k, v in config.model_dump(mode="json").items() if k not in RUNTIME_KNOBS}


def done_keys(ws: Workspace, stage: str) -> set[str]:
    ws.exec(ITEMS_DDL)
    return {k for k, in ws.exec("SELECT item_key FROM synth_items WHERE stage = ?", [stage])}


class _Writer:
    """Buffers finished outcomes for at most FLUSH_SECONDS, then commits them with their cached replies
    in one transaction (a commit per reply would cap throughput at the disk's commit rate). The
    commit runs in a worker thread on its own DuckDB connection, so requests keep flowing meanwhile."""

    def __init__(self, ws: Workspace, stage: str, origin: str, run_id: int, client: LLMClient):
        self.ws, self.stage, self.origin, self.run_id, self.client = ws, stage, origin, run_id, client
        self.buffer: list[tuple[Item, Outcome]] = []
        self.last = time.monotonic()
        self.n_records = self.n_items = self.n_rejected = self.n_dup = 0
        self.reasons: dict[str, int] = {}
        self._tws: Workspace | None = None

    def add(self, item: Item, outcome: Outcome) -> None:
        self.buffer.append((item, outcome))

    def due(self) -> bool:
        return len(self.buffer) >= FLUSH_ITEMS or time.monotonic() - self.last >= FLUSH_SECONDS

    def _take(self) -> tuple[list[tuple[Item, Outcome]], list[tuple]]:
        self.last = time.monotonic()
        batch, self.buffer = self.buffer, []
        return batch, self.client.take_pending()

    def flush(self) -> None:
        """Commit now, on the main connection (the end of a run, or outside the event loop)."""
        batch, cache_rows = self._take()
        self._commit(self.ws, batch, cache_rows)

    async def flush_async(self) -> None:
        batch, cache_rows = self._take()
        if not batch and not cache_rows:
            return
        if self._tws is None:  # a second connection to the same database, for the worker thread
            self._tws = self.ws.thread_view()
        await asyncio.to_thread(self._commit, self._tws, batch, cache_rows)

    def close(self) -> None:
        if self._tws is not None:
            self._tws.close()
            self._tws = None

    def _commit(self, ws: Workspace, batch: list[tuple[Item, Outcome]], cache_rows: list[tuple]) -> None:
        from medcorpus.llm.client import write_cache_rows

        rows, items, rejects = [], [], []
        for item, out in batch:
            if out.rejected:
                rejects.append(Rejected(reason=out.rejected, record_id=None, file=item.label or None,
                                        snippet=out.snippet[:300], detail={"item": item.key, **out.detail}))
                items.append((self.stage, item.key, "rejected", [], out.rejected, self.run_id))
            else:
                rows.extend(r.to_row() for r in out.records)
                items.append((self.stage, item.key, "done", [r.id for r in out.records], None, self.run_id))
        with ws.transaction():
            write_cache_rows(ws, cache_rows)  # the replies and the records made from them commit together
            added = ws.add_records(rows, origin=self.origin, run_id=self.run_id) if rows else 0
            ws.add_rejects(rejects, self.stage, self.run_id)
            if items:
                import pyarrow as pa

                cols = list(zip(*items))
                table = pa.table({"stage": pa.array(cols[0], pa.string()), "item_key": pa.array(cols[1], pa.string()),
                                  "status": pa.array(cols[2], pa.string()),
                                  "record_ids": pa.array(cols[3], pa.list_(pa.string())),
                                  "reason": pa.array(cols[4], pa.string()), "run_id": pa.array(cols[5], pa.int64())})
                ws.insert_arrow("synth_items", table)
        self.client.flushed()
        for r in rejects:
            self.reasons[r.reason] = self.reasons.get(r.reason, 0) + 1
        self.n_records += added
        self.n_dup += len(rows) - added
        self.n_items += len(items)
        self.n_rejected += len(rejects)


def dry_run(stage_name: str, items: list[Item], first_request: Callable[[Item], list[dict]], config: LLMConfig,
            requests_per_item: tuple[int, int] = (1, 1), show: int = 2) -> RunSummary:
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
    completion_hi = len(items) * config.max_tokens * hi
    extra = {"dry_run": True, "items": len(items), "requests": f"{len(items) * lo}–{len(items) * hi}",
             "prompt_tokens_est": prompt_tokens * lo, "completion_tokens_max": completion_hi,
             "cost_usd_est_max": round(client.estimate_cost(prompt_tokens * hi, completion_hi), 6)
             if client.prices else "model not in the price table",
             "model": config.model}
    return RunSummary(stage=stage_name, n_in=len(items), extra=extra)


def run_items(ws: Workspace, stage_name: str, fingerprint: str, config_dump: dict, llm_config: LLMConfig,
              items: list[Item], work: Callable[[LLMClient, Item], Awaitable[Outcome]], origin: str | None = None,
              limit: int | None = None, endpoint: tuple[str | None, str] | None = None,
              extra: dict[str, Any] | None = None) -> RunSummary:
    """Run `work` over the items not finished yet; see the module docstring."""
    from medcorpus.llm.server import ensure_endpoint

    started = time.perf_counter()
    finished = done_keys(ws, stage_name)
    todo = [it for it in items if it.key not in finished]
    skipped = len(items) - len(todo)
    if limit is not None:
        todo = todo[:limit]
    if not todo:
        return RunSummary(stage=stage_name, fingerprint=fingerprint, n_skipped=skipped,
                          seconds=round(time.perf_counter() - started, 3),
                          extra={**(extra or {}), "note": "nothing to do: every item is finished"})
    with ensure_endpoint(llm_config) if endpoint is None else _given(endpoint) as (url, where):
        if url is None:
            raise NoEndpoint(where)
        client = LLMClient(ws, llm_config, base_url=url, defer_writes=True)
        run_id = ws.start_run(stage_name, fingerprint, config_dump)
        writer = _Writer(ws, stage_name, origin or stage_name, run_id, client)
        state = {"budget": False, "errors": 0, "error_sample": None}
        status = "failed"
        try:
            asyncio.run(_drive(client, todo, work, writer, state))
            status = "ok"
        finally:
            writer.flush()
            writer.close()
            seconds = time.perf_counter() - started
            pending = len(todo) - writer.n_items
            summary_extra = {**(extra or {}), "endpoint": where, "items_done": writer.n_items,
                             "items_rejected": writer.n_rejected, "items_pending": pending,
                             "duplicates": writer.n_dup, "rejected_by_reason": writer.reasons,
                             "budget_stopped": state["budget"], "errors": state["errors"],
                             "llm": client.stats()}
            if state["error_sample"]:
                summary_extra["error_sample"] = state["error_sample"]
            ws.finish_run(run_id, status, writer.n_items, writer.n_records, writer.n_rejected, skipped, seconds,
                          summary_extra)
    return RunSummary(stage=stage_name, fingerprint=fingerprint, n_in=writer.n_items, n_out=writer.n_records,
                      n_rejected=writer.n_rejected, n_skipped=skipped, seconds=round(seconds, 3), extra=summary_extra)


class _given:
    def __init__(self, endpoint: tuple[str | None, str]):
        self.endpoint = endpoint

    def __enter__(self) -> tuple[str | None, str]:
        return self.endpoint

    def __exit__(self, *exc: Any) -> None:
        pass


async def _drive(client: LLMClient, todo: list[Item], work: Callable[[LLMClient, Item], Awaitable[Outcome]],
                 writer: _Writer, state: dict) -> None:
    limit = max(1, client.config.concurrency * 2)  # items in progress: enough to keep every slot busy
    try:
        with progress_bar(writer.stage, total=len(todo)) as advance:
            async for item, result in bounded_map(todo, lambda it: work(client, it), limit,
                                                  stop=lambda: state["budget"]):
                if isinstance(result, BudgetExceeded):
                    state["budget"] = True
                    continue
                if isinstance(result, InvalidReply):
                    result = Outcome(rejected=result.reason, snippet=result.raw_text)
                if isinstance(result, BaseException):
                    # a request that failed for good (LLMError) or a bug: the item stays pending
                    state["errors"] += 1
                    if state["error_sample"] is None:
                        state["error_sample"] = f"{item.label or item.key[:12]}: {type(result).__name__}: {result}"
                    if not isinstance(result, (LLMError, NoEndpoint, asyncio.TimeoutError)):
                        console.print(f"[red]error[/] in {item.label}: {result!r}", highlight=False)
                    continue
                writer.add(item, result)
                advance(1)
                if writer.due():
                    await writer.flush_async()
            await writer.flush_async()
    finally:
        await client.aclose()


def item_key(*parts: Any) -> str:
    import hashlib

    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS, default=str)).hexdigest()[:32]
