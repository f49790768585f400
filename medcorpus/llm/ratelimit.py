"""Requests- and tokens-per-minute limits for LLM calls.

The client only needs an object with `async acquire(tokens)`; a distributed run passes its own (one
shared through a Ray actor, say) instead of this in-process one.
"""
from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Protocol


class Limiter(Protocol):
    async def acquire(self, tokens: int) -> None: ...


class RateLimiter:
    """Sliding one-minute windows for requests and (estimated) tokens, for one process."""

    def __init__(self, rpm: int | None, tpm: int | None):
        self.rpm, self.tpm = rpm, tpm
        self._reqs: deque[float] = deque()
        self._toks: deque[tuple[float, int]] = deque()
        self._tok_sum = 0
        self._lock: asyncio.Lock | None = None

    def wait_for(self, tokens: int, now: float) -> float:
        """Seconds to wait before a request of `tokens` may go (0: it is booked now)."""
        while self._reqs and self._reqs[0] <= now - 60:
            self._reqs.popleft()
        while self._toks and self._toks[0][0] <= now - 60:
            self._tok_sum -= self._toks.popleft()[1]
        wait = 0.0
        if self.rpm and len(self._reqs) >= self.rpm:
            wait = self._reqs[0] + 60 - now
        if self.tpm and self._toks and self._tok_sum + tokens > self.tpm:
            wait = max(wait, self._toks[0][0] + 60 - now)
        if wait <= 0:
            self._reqs.append(now)
            self._toks.append((now, tokens))
            self._tok_sum += tokens
        return max(wait, 0.0)

    async def acquire(self, tokens: int) -> None:
        if not self.rpm and not self.tpm:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            while (wait := self.wait_for(tokens, time.monotonic())) > 0:
                await asyncio.sleep(wait)
