"""Bounded concurrency for async LLM work: run many items, a fixed number at once, results as they finish."""
from __future__ import annotations

import asyncio
from typing import AsyncIterator, Awaitable, Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def bounded_map(items: Iterable[T], fn: Callable[[T], Awaitable[R]], limit: int,
                      stop: Callable[[], bool] | None = None) -> AsyncIterator[tuple[T, R | BaseException]]:
    """Run `fn(item)` for each item with at most `limit` running at once; yields (item, result or
    exception) in completion order. When `stop()` turns true no new item is started; those running
    are drained."""
    iterator = iter(items)
    running: dict[asyncio.Task, T] = {}
    exhausted = False

    def fill() -> None:
        nonlocal exhausted
        while not exhausted and len(running) < limit and not (stop and stop()):
            try:
                item = next(iterator)
            except StopIteration:
                exhausted = True
                return
            running[asyncio.ensure_future(fn(item))] = item

    try:
        fill()
        while running:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                item = running.pop(task)
                exc = task.exception()
                yield item, (exc if exc is not None else task.result())
            fill()
    finally:
        for task in running:
            task.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)
