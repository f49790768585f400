"""The polite HTTP side of the crawler: robots.txt, a per-host rate limit and concurrency cap,
Retry-After on 429/503, exponential backoff with full jitter on 5xx, timeouts and network errors,
a size limit, HTML-only content types and a redirect limit with loop detection.

Everything here is network only: no workspace access, so the crawler's single event loop
can do every database write itself.
"""
from __future__ import annotations

import asyncio
import email.utils
import random
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import AsyncIterator
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

from medcorpus.scrape.extract import normalise_url
from medcorpus.scrape.profile import Politeness

REDIRECTS = {301, 302, 303, 307, 308}


class PageRejected(Exception):
    """A permanent problem with this page (reason goes to rejects): 404, not HTML, too big, loop."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason, self.status = reason, status


class PageFailed(Exception):
    """A transient problem that outlived every retry (5xx, timeouts, network errors)."""

    def __init__(self, reason: str, attempts: int):
        super().__init__(reason)
        self.reason, self.attempts = reason, attempts


class Disallowed(Exception):
    """robots.txt forbids this URL; it is never fetched."""


class RobotsUnavailable(Exception):
    """robots.txt answered 5xx or could not be reached: the host is off limits for this run."""


class _Transient(Exception):
    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


@dataclass
class Page:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    attempts: int = 1
    redirects: list[str] = field(default_factory=list)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class HostLimiter:
    """Per host: at most `concurrency` requests in flight, starts at least 1/rate s apart."""

    def __init__(self, rate: float, concurrency: int):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.concurrency = concurrency
        self._sem: dict[str, asyncio.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._min_interval: dict[str, float] = {}

    def set_min_interval(self, host: str, seconds: float) -> None:
        """robots.txt Crawl-delay: never faster than this for `host`."""
        self._min_interval[host] = max(self._min_interval.get(host, 0.0), seconds)

    def pause(self, host: str, seconds: float) -> None:
        """Retry-After: no new request to `host` for `seconds`."""
        self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        sem = self._sem.setdefault(host, asyncio.Semaphore(self.concurrency))
        async with sem:
            interval = max(self.interval, self._min_interval.get(host, 0.0))
            while True:  # reserve the next start time (a pause may move it while we sleep)
                now = time.monotonic()
                start = max(now, self._next.get(host, 0.0))
                if start <= now:
                    self._next[host] = now + interval
                    break
                await asyncio.sleep(start - now)
            yield


@dataclass
class FetchStats:
    requests: int = 0
    retries: int = 0
    bytes: int = 0
    robots_fetched: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


class Fetcher:
    """`await fetcher.fetch(url)` -> Page, or raises PageRejected / PageFailed / Disallowed /
    RobotsUnavailable. Hosts outside `allowed_hosts` are refused (redirects included)."""

    def __init__(self, politeness: Politeness, allowed_hosts: set[str], client: httpx.AsyncClient | None = None):
        self.p = politeness
        self.allowed_hosts = allowed_hosts
        self.limiter = HostLimiter(politeness.rate, politeness.concurrency)
        self.client = client or httpx.AsyncClient(
            timeout=httpx.Timeout(politeness.timeout), follow_redirects=False,
            headers={"User-Agent": politeness.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
            limits=httpx.Limits(max_connections=max(4, politeness.concurrency * max(1, len(allowed_hosts))),
                                max_keepalive_connections=max(4, politeness.concurrency * 2)))
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_lock: dict[str, asyncio.Lock] = {}
        self.stats = FetchStats()

    async def aclose(self) -> None:
        await self.client.aclose()

    # -------------------------------------------------------------- robots.txt
    async def allowed(self, url: str) -> bool:
        """robots.txt says yes (fetched once per host per run); raises RobotsUnavailable."""
        if not self.p.obey_robots:
            return True
        parts = urlsplit(url)
        host = parts.netloc
        if host not in self._robots:
            lock = self._robots_lock.setdefault(host, asyncio.Lock())
            async with lock:
                if host not in self._robots:
                    self._robots[host] = await self._load_robots(f"{parts.scheme}://{host}/robots.txt", host)
        rp = self._robots[host]
        if rp is None:
            raise RobotsUnavailable(f"robots.txt of {host} is unavailable")
        return rp.can_fetch(self.p.user_agent, url)

    async def _load_robots(self, robots_url: str, host: str) -> RobotFileParser | None:
        self.stats.robots_fetched += 1
        rp = RobotFileParser(robots_url)
        try:
            status, _, body, _ = await self._get(robots_url, host, robots=True)
            for _ in range(5):  # robots.txt may redirect (same host or not)
                if status not in REDIRECTS:
                    break
                robots_url = urljoin(robots_url, body.decode("latin-1"))
                status, _, body, _ = await self._get(robots_url, urlsplit(robots_url).netloc, robots=True)
        except (PageFailed, PageRejected) as exc:
            if isinstance(exc, PageRejected) and exc.status and 400 <= exc.status < 500:
                rp.parse([])  # RFC 9309: 4xx means no restrictions
                return rp
            return None
        if 200 <= status < 300:
            rp.parse(body.decode("utf-8", errors="replace").splitlines())
            delay = rp.crawl_delay(self.p.user_agent)
            if delay:
                self.limiter.set_min_interval(host, float(delay))
        else:
            rp.parse([])
        return rp

    # -------------------------------------------------------------- pages
    def host_allowed(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() in self.allowed_hosts

    async def fetch(self, url: str) -> Page:
        chain = [url]
        current = url
        attempts = 0
        for _hop in range(self.p.max_redirects + 1):
            if not self.host_allowed(current):
                raise PageRejected(f"redirect to a host outside the profile: {urlsplit(current).netloc}")
            if not await self.allowed(current):
                if current == url:
                    raise Disallowed(url)
                raise PageRejected(f"redirect to a URL robots.txt disallows: {current}")
            status, ctype, body, n = await self._get(current, urlsplit(current).netloc)
            attempts += n
            if status in REDIRECTS:
                nxt = normalise_url(urljoin(current, body.decode("latin-1")))
                if nxt in chain:
                    raise PageRejected("redirect loop: " + " -> ".join(chain + [nxt]))
                chain.append(nxt)
                current = nxt
                continue
            self._check_body(body)
            return Page(url=url, final_url=current, status=status, content_type=ctype, body=body,
                        fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        attempts=attempts, redirects=chain[1:])
        raise PageRejected(f"too many redirects (more than {self.p.max_redirects}): " + " -> ".join(chain))

    @staticmethod
    def _check_body(body: bytes) -> None:
        head = body[:4096]
        if not head.strip():
            raise PageRejected("empty body")
        if b"\x00" in head:
            raise PageRejected("non-HTML body (binary data)")
        if b"<" not in head:
            raise PageRejected("non-HTML body (no markup)")

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _Transient) and exc.retry_after is not None:
            return exc.retry_after
        # exponential backoff with full jitter: uniform(0, min(max, base * 2^attempt))
        return random.uniform(0, min(self.p.backoff_max, self.p.backoff * 2 ** (state.attempt_number - 1)))

    async def _get(self, url: str, host: str, robots: bool = False) -> tuple[int, str, bytes, int]:
        """(status, content type, body, attempts); for a redirect the body is the Location."""
        retrying = AsyncRetrying(stop=stop_after_attempt(self.p.retries + 1), wait=self._wait,
                                 retry=retry_if_exception_type(_Transient), reraise=True)
        attempts = 0
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    if attempts > 1:
                        self.stats.retries += 1
                    status, ctype, body = await self._once(url, host, robots)
        except _Transient as exc:
            raise PageFailed(f"{exc.reason} (after {attempts} attempt{'s' * (attempts > 1)})", attempts) from None
        return status, ctype, body, attempts

    async def _once(self, url: str, host: str, robots: bool) -> tuple[int, str, bytes]:
        async with self.limiter.slot(host):
            self.stats.requests += 1
            try:
                async with self.client.stream("GET", url) as r:
                    code = r.status_code
                    self.stats.by_status[str(code)] = self.stats.by_status.get(str(code), 0) + 1
                    if code in (429, 503):
                        wait = parse_retry_after(r.headers.get("retry-after"))
                        if wait is not None:
                            if wait > self.p.max_retry_after:  # transient, but not worth the wait now
                                raise PageFailed(f"http {code} with Retry-After {wait:.0f}s "
                                                 f"(over max_retry_after {self.p.max_retry_after:.0f}s)", 1)
                            self.limiter.pause(host, wait)
                        raise _Transient(f"http {code}", wait)
                    if code >= 500:
                        raise _Transient(f"http {code}")
                    if code in REDIRECTS and r.headers.get("location"):
                        return code, "", r.headers["location"].encode("latin-1", "replace")
                    if code >= 400 or code < 200 or code in REDIRECTS:
                        raise PageRejected(f"http {code}", code)
                    ctype = r.headers.get("content-type", "")
                    mime = ctype.split(";")[0].strip().lower()
                    if not robots and mime and mime not in self.p.content_types:
                        raise PageRejected(f"not HTML: content type {mime}", code)
                    length = r.headers.get("content-length")
                    if length and length.isdigit() and int(length) > self.p.max_bytes:
                        raise PageRejected(f"over the size limit: {int(length):,} bytes > {self.p.max_bytes:,}", code)
                    chunks, total = [], 0
                    async for chunk in r.aiter_bytes():  # decoded: the limit holds after gzip too
                        total += len(chunk)
                        if total > self.p.max_bytes:
                            raise PageRejected(f"over the size limit: more than {self.p.max_bytes:,} bytes", code)
                        chunks.append(chunk)
                    body = b"".join(chunks)
                    self.stats.bytes += len(body)
                    return code, ctype, body
            except httpx.DecodingError as exc:
                raise PageRejected(f"undecodable content encoding: {exc}") from None
            except httpx.TimeoutException:
                raise _Transient("timeout") from None
            except httpx.TransportError as exc:
                raise _Transient(f"network error: {type(exc).__name__}: {exc}") from None

