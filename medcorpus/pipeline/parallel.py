"""Process pools that keep memory flat: results in input order with a bounded number in flight."""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator


def spawn_pool(workers: int, initializer: Callable | None = None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of fresh interpreters (spawn: safe beside DuckDB, torch and spaCy in the parent)."""
    return ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"),
                               initializer=initializer, initargs=initargs)


def ordered_map(pool: Executor, fn: Callable[[Any], Any], items: Iterable[Any],
                max_inflight: int) -> Iterator[tuple[Any, Any]]:
    """Yield (item, fn(item)) in input order, never holding more than `max_inflight` items."""
    pending: deque = deque()
    for item in items:
        pending.append((item, pool.submit(fn, item)))
        if len(pending) >= max_inflight:
            first, fut = pending.popleft()
            yield first, fut.result()
    while pending:
        first, fut = pending.popleft()
        yield first, fut.result()
