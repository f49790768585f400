"""The driver of LLM transform stages (distill-answers, judge): each pending record is one item.

A stage gives `ask(client, rec)` (an awaitable of the value, or None: the record passes through
unchanged), `apply(rec, value) -> (output, new records)` and `on_invalid(rec, reason) -> output`.
Batches come from the runner's context; each finished output is committed through it at least once
a second together with the cached replies it used. A request that fails for good, or a spent
budget, leaves its record pending for the next run; nothing is dropped.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, LLMError
from medcorpus.llm.driver import bounded_map
from medcorpus.pipeline.progress import console, progress_bar
from medcorpus.schemas import Record

FLUSH_SECONDS = 1.0


def run_llm_transform(ctx: Any, stage: Any, extra: dict[str, Any]) -> None:
    """Drive `stage` over the context's pending batches; the endpoint is opened (or the local server
    started) only when a batch has a record that needs the LLM."""
    from contextlib import ExitStack

    from medcorpus.llm.endpoint import open_endpoint

    extra.update({"passed_through": 0, "answered": 0, "llm_rejected": 0, "rejected_by_reason": {}, "pending": 0,
                  "budget_stopped": False, "errors": 0})
    if ctx.n_pending == 0:
        return
    client: LLMClient | None = None
    with ExitStack() as stack:
        try:
            with progress_bar(stage.name, total=ctx.n_pending) as advance:
                for rows in ctx.pending_rows():
                    if extra["budget_stopped"]:
                        extra["pending"] += len(rows)
                        continue
                    if client is None and any(stage.wants(Record.from_row(r)) for r in rows):
                        ep = stack.enter_context(open_endpoint(stage.config.llm))
                        client = LLMClient(ctx.ws, ep.tune(stage.config.llm), base_url=ep.url)
                        extra["endpoint"] = ep.where
                    asyncio.run(_batch(ctx, stage, client, rows, advance, extra))
        finally:
            if client is not None:
                with ctx.ws.transaction():
                    client.flush_writes()
                extra["llm"] = client.stats()


async def _batch(ctx: Any, stage: Any, client: LLMClient | None, rows: list[dict], advance: Any,
                 extra: dict[str, Any]) -> None:
    buffer: list[tuple[dict, Any]] = []
    added: list[Record] = []
    last_flush = time.monotonic()

    def flush() -> None:
        nonlocal last_flush
        last_flush = time.monotonic()
        if client is not None:
            with ctx.ws.transaction():
                client.flush_writes()
        if added:
            ctx.ws.add_records([c.to_row() for c in added], origin=stage.name, run_id=ctx.run_id)
            added.clear()
        if buffer:
            ctx.write(list(buffer))
            advance(len(buffer))
            buffer.clear()

    work = []
    for row in rows:
        rec = Record.from_row(row)
        if stage.wants(rec):
            work.append((row, rec))
        else:
            buffer.append((row, rec))
            extra["passed_through"] += 1

    handled = 0
    try:
        async for (row, rec), result in bounded_map(work, lambda job: stage.ask(client, job[1]),
                                                    max(1, client.config.concurrency * 2) if client else 1,
                                                    stop=lambda: extra["budget_stopped"]):
            handled += 1
            if isinstance(result, BudgetExceeded):
                extra["budget_stopped"] = True
                extra["pending"] += 1
                continue
            if isinstance(result, InvalidReply):
                extra["llm_rejected"] += 1
                reasons = extra["rejected_by_reason"]
                reasons[result.reason] = reasons.get(result.reason, 0) + 1
                buffer.append((row, stage.on_invalid(rec, result.reason, client.config.model)))
            elif isinstance(result, BaseException):
                extra["errors"] += 1
                extra["pending"] += 1
                extra.setdefault("error_sample", f"{rec.id}: {type(result).__name__}: {result}")
                if not isinstance(result, (LLMError, asyncio.TimeoutError)):
                    console.print(f"[red]error[/] on {rec.id}: {result!r}", highlight=False)
                continue
            else:
                out, new = stage.apply(rec, result, client.config.model)
                buffer.append((row, out))
                added.extend(new)
                extra["answered"] += 1
            if time.monotonic() - last_flush >= FLUSH_SECONDS:
                flush()
        extra["pending"] += len(work) - handled  # never started (budget spent)
    finally:
        flush()
        if client is not None:
            await client.aclose()
