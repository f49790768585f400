"""An async client for any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp's server, Ollama).

- bounded concurrency (`config.concurrency` requests in flight), requests/tokens-per-minute limits;
- retries with exponential backoff and jitter on 429, 5xx, timeouts and connection errors,
  honouring `Retry-After` / `retry-after-ms`;
- a response cache in the workspace table `llm_cache`, keyed by a hash of (model, messages,
  parameters): a re-run makes no request for work already done; each reply is written as it
  arrives, so a killed run loses no paid-for reply;
- token and cost accounting (`prices.toml`), `BudgetExceeded` once `max_cost` is spent;
- `chat_json`: parse + validate a JSON reply, re-ask a bounded number of times, then `InvalidReply`.

Everything runs in one asyncio loop in the main process, which owns the DuckDB connection.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import random
import re
import time
from collections import deque
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, AsyncIterator, Awaitable, Callable, Iterable, TypeVar

import httpx
import orjson

from medcorpus.llm.config import LLMConfig, api_key, resolve_base_url
from medcorpus.llm.prices import cost, price_of

T = TypeVar("T")
R = TypeVar("R")

CACHE_DDL = """CREATE TABLE IF NOT EXISTS llm_cache (
    key VARCHAR PRIMARY KEY, model VARCHAR, text VARCHAR, finish_reason VARCHAR,
    prompt_tokens BIGINT, completion_tokens BIGINT, cost_usd DOUBLE, seconds DOUBLE,
    created_at TIMESTAMP DEFAULT current_timestamp)"""

POOL_SHARD = 8  # connections per HTTP pool
_INSERT_CACHE = ("INSERT OR REPLACE INTO llm_cache (key, model, text, finish_reason, prompt_tokens, "
                 "completion_tokens, cost_usd, seconds) VALUES (?,?,?,?,?,?,?,?)")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FENCE = re.compile(r"^\s*```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?```\s*$", re.S)


@dataclass
class Reply:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False
    finish_reason: str | None = None


class LLMError(RuntimeError):
    """A request that failed for good (retries exhausted, or a non-retryable 4xx)."""


class InvalidReply(Exception):
    """A reply that stayed invalid after `json_retries` re-asks."""

    def __init__(self, reason: str, raw_text: str):
        super().__init__(reason)
        self.reason = reason
        self.raw_text = raw_text


class BudgetExceeded(RuntimeError):
    """`max_cost` has been spent; no further request is sent."""


class NoEndpoint(RuntimeError):
    """No base URL configured and no local server running."""


def estimate_tokens(text: str) -> int:
    """A rough count without a tokenizer: one per CJK character, one per 4 other characters."""
    cjk = len(_CJK.findall(text))
    return cjk + max(0, len(text) - cjk) // 4 + 1


def estimate_messages(messages: list[dict]) -> int:
    return sum(estimate_tokens(m.get("content") or "") + 4 for m in messages) + 2


def parse_json(text: str) -> Any:
    """Parse a JSON reply, tolerating ``` fences and prose around one object. ValueError if not JSON."""
    s = text.strip()
    m = _FENCE.match(s)
    if m:
        s = m.group(1).strip()
    try:
        return json.loads(s)
    except json.JSONDecodeError:
        start, end = s.find("{"), s.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(s[start:end + 1])
            except json.JSONDecodeError:
                pass
        raise ValueError("not valid JSON") from None


def cache_key(model: str, messages: list[dict], params: dict[str, Any]) -> str:
    blob = orjson.dumps({"model": model, "messages": messages, "params": params},
                        option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.sha256(blob).hexdigest()


class RateLimiter:
    """Sliding one-minute windows for requests and (estimated) tokens."""

    def __init__(self, rpm: int | None, tpm: int | None):
        self.rpm, self.tpm = rpm, tpm
        self._reqs: deque[float] = deque()
        self._toks: deque[tuple[float, int]] = deque()
        self._tok_sum = 0
        self._lock = asyncio.Lock()

    async def acquire(self, tokens: int) -> None:
        if not self.rpm and not self.tpm:
            return
        async with self._lock:
            while True:
                now = time.monotonic()
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
                    return
                await asyncio.sleep(wait)


def _retry_after(exc: Any) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class LLMClient:
    """One endpoint + model, with the cache and accounts in workspace `ws` (a Workspace or None)."""

    def __init__(self, ws: Any, config: LLMConfig | None = None, *, base_url: str | None = None,
                 backoff_base: float = 0.5, backoff_cap: float = 30.0, defer_writes: bool = False):
        """`defer_writes`: keep new cache rows in memory until `flush_writes()` (the synth driver commits
        them in the same transaction as the records made from them: one commit per batch instead of
        one per reply; an item counts as finished only once both are committed)."""
        self.ws = ws
        self.defer_writes = defer_writes
        self._pending: dict[str, tuple] = {}
        self._flushing: dict[str, tuple] = {}  # taken by a flush that has not committed yet
        self._known: set[str] | None = None
        self.config = config or LLMConfig()
        self.base_url = base_url or resolve_base_url(self.config)
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.prices = price_of(self.config.model, self.config.price_input, self.config.price_output)
        if self.config.max_cost is not None and self.prices is None:
            raise ValueError(f"--max-cost needs a price for model {self.config.model!r}: add it to the price "
                             "table (MEDCORPUS_LLM_PRICES) or give --price-in/--price-out")
        if ws is not None:
            ws.exec(CACHE_DDL)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: Any = None
        self._sem: asyncio.Semaphore | None = None
        self._limiter: RateLimiter | None = None
        self.n_requests = self.n_cache_hits = self.n_retries = self.n_invalid = self.n_errors = 0
        self.prompt_tokens = self.completion_tokens = 0
        self.cost_usd = 0.0

    # ------------------------------------------------------------------ plumbing
    def _ensure_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is self._loop:
            return
        if not self.base_url and not self.config.dry_run:
            raise NoEndpoint("no LLM endpoint: pass --base-url, set MEDCORPUS_LLM_BASE_URL (or OPENAI_BASE_URL), "
                             "or start the local model with `medcorpus llm serve`")
        import openai

        self._loop = loop
        # several small connection pools instead of one big one: httpcore scans its whole pool on every
        # request event, which costs more CPU than the request itself at 32+ connections
        shards = max(1, -(-self.config.concurrency // POOL_SHARD))
        per = -(-self.config.concurrency // shards) + 2
        self._clients = [openai.AsyncOpenAI(
            base_url=self.base_url or "http://127.0.0.1:9/v1", api_key=api_key(), max_retries=0,
            timeout=self.config.timeout,
            http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=per, max_keepalive_connections=per),
                                          timeout=self.config.timeout)) for _ in range(shards)]
        self._client = self._clients[0]
        self._rr = 0
        self._sem = asyncio.Semaphore(self.config.concurrency)
        self._limiter = RateLimiter(self.config.rpm, self.config.tpm)

    async def aclose(self) -> None:
        for client in getattr(self, "_clients", []):
            await client.close()
        self._clients, self._client, self._loop = [], None, None

    def _params(self, json_mode: bool, params: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"temperature": self.config.temperature, "max_tokens": self.config.max_tokens}
        out.update(params)
        if json_mode:
            out["response_format"] = {"type": "json_object"}
        return out

    def key_for(self, messages: list[dict], *, json_mode: bool = False, **params: Any) -> str:
        return cache_key(self.config.model, messages, self._params(json_mode, params))

    def _cached(self, key: str) -> Reply | None:
        if self.ws is None:
            return None
        row = self._pending.get(key) or self._flushing.get(key)
        if row is not None:
            return Reply(row[2], row[4], row[5], True, row[3])
        if self._known is None:  # one query for the keys of this model, then no lookup for a miss
            self._known = {k for k, in self.ws.exec("SELECT key FROM llm_cache WHERE model = ?", [self.config.model])}
        if key not in self._known:
            return None
        row = self.ws.one("SELECT text, prompt_tokens, completion_tokens, finish_reason FROM llm_cache WHERE key = ?",
                          [key])
        if row is None:
            return None
        return Reply(row[0], row[1] or 0, row[2] or 0, True, row[3])

    def _store(self, key: str, reply: Reply, spent: float, seconds: float) -> None:
        if self.ws is None:
            return
        row = (key, self.config.model, reply.text, reply.finish_reason, reply.prompt_tokens,
               reply.completion_tokens, spent, seconds)
        if self._known is not None:
            self._known.add(key)
        if self.defer_writes:
            self._pending[key] = row
        else:
            self.ws.exec(_INSERT_CACHE, list(row))

    def flush_writes(self) -> int:
        """Write deferred cache rows (inside the caller's transaction, if any). Returns how many."""
        rows = self.take_pending()
        write_cache_rows(self.ws, rows)
        self.flushed()
        return len(rows)

    def take_pending(self) -> list[tuple]:
        """Hand the deferred rows to a flush (they stay readable from memory until `flushed()`)."""
        self._flushing.update(self._pending)
        rows = list(self._pending.values())
        self._pending = {}
        return rows

    def flushed(self) -> None:
        self._flushing = {}

    def _check_budget(self) -> None:
        if self.config.max_cost is not None and self.cost_usd >= self.config.max_cost:
            raise BudgetExceeded(f"budget of ${self.config.max_cost:.4f} reached (spent ${self.cost_usd:.4f})")

    # ------------------------------------------------------------------ the API
    async def chat(self, messages: list[dict], *, json_mode: bool = False, cache: bool | None = None,
                   **params: Any) -> Reply:
        """One chat completion. Parameters whose name starts with '_' only change the cache key."""
        all_params = self._params(json_mode, params)
        key = cache_key(self.config.model, messages, all_params)
        use_cache = self.config.cache if cache is None else cache
        if use_cache:
            hit = self._cached(key)
            if hit is not None:
                self.n_cache_hits += 1
                return hit
        if self.config.dry_run:
            raise RuntimeError("dry run: no request is sent")
        self._ensure_loop()
        send = {k: v for k, v in all_params.items() if not k.startswith("_")}
        est = estimate_messages(messages) + int(send.get("max_tokens") or 0)
        attempt = 0
        while True:
            self._check_budget()
            await self._limiter.acquire(est)
            delay: float | None = None
            started = time.perf_counter()
            async with self._sem:
                self.n_requests += 1
                try:
                    # the client's transport, auth, base URL and error types, without its per-call
                    # pydantic transforms of request and response (milliseconds of CPU per request)
                    self._rr = (self._rr + 1) % len(self._clients)
                    resp = await self._clients[self._rr].post("/chat/completions", cast_to=httpx.Response,
                                                   body={"model": self.config.model, "messages": messages, **send})
                    data = orjson.loads(resp.content)
                except Exception as exc:  # classified below
                    delay = self._retry_delay(exc, attempt)
                    if delay is None or attempt >= self.config.max_retries:
                        self.n_errors += 1
                        raise LLMError(f"{type(exc).__name__}: {exc}") from exc
            if delay is not None:
                attempt += 1
                self.n_retries += 1
                await asyncio.sleep(delay)
                continue
            return self._account(key, messages, data, time.perf_counter() - started)

    def _retry_delay(self, exc: Exception, attempt: int) -> float | None:
        """Seconds to wait before retrying `exc`, or None when it is not retryable."""
        import openai

        if isinstance(exc, openai.APIStatusError):
            if exc.status_code not in (408, 409, 429) and exc.status_code < 500:
                return None
        elif not isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError, asyncio.TimeoutError,
                                  orjson.JSONDecodeError)):  # a 200 whose body is not JSON: retry too
            return None
        backoff = min(self.backoff_cap, self.backoff_base * (2 ** attempt)) * random.uniform(0.5, 1.5)
        hint = _retry_after(exc)
        return min(max(hint, 0.0), 300.0) if hint is not None else backoff

    def _account(self, key: str, messages: list[dict], data: Any, seconds: float) -> Reply:
        choices = data.get("choices") if isinstance(data, dict) else None
        choice = choices[0] if choices and isinstance(choices[0], dict) else {}
        text = ((choice.get("message") or {}).get("content")) or ""
        usage = (data.get("usage") if isinstance(data, dict) else None) or {}
        pt = usage.get("prompt_tokens") or estimate_messages(messages)
        ct = usage.get("completion_tokens")
        if ct is None:
            ct = estimate_tokens(text)
        reply = Reply(text, int(pt), int(ct), False, choice.get("finish_reason"))
        spent = cost(self.prices, reply.prompt_tokens, reply.completion_tokens)
        self.prompt_tokens += reply.prompt_tokens
        self.completion_tokens += reply.completion_tokens
        self.cost_usd += spent
        self._store(key, reply, spent, seconds)
        return reply

    async def chat_json(self, messages: list[dict], validate: Callable[[Any], R], *, json_mode: bool = True,
                        **params: Any) -> R:
        """Ask for JSON, parse it (``` fences tolerated) and return `validate(obj)`. A reply that is not
        JSON, or that `validate` refuses with ValueError, is re-asked (bypassing the cache: each re-ask
        has its own cache key) up to `json_retries` times, then InvalidReply(reason, raw_text)."""
        def check(reply: Reply) -> R:
            if reply.finish_reason == "length" and not reply.text.rstrip().endswith("}"):
                raise ValueError("reply cut off at max_tokens")
            return validate(parse_json(reply.text))

        return await self.chat_valid(messages, check, json_mode=json_mode, **params)

    async def chat_valid(self, messages: list[dict], check: Callable[[Reply], R], *, json_mode: bool = False,
                         **params: Any) -> R:
        """`check(reply)` returns the value or raises ValueError(reason); re-asked like `chat_json`."""
        reason, raw = "", ""
        for attempt in range(self.config.json_retries + 1):
            extra = dict(params)
            if attempt:
                extra["_attempt"] = attempt
            reply = await self.chat(messages, json_mode=json_mode, **extra)
            raw = reply.text
            try:
                return check(reply)
            except ValueError as exc:
                self.n_invalid += 1
                reason = str(exc) or type(exc).__name__
        raise InvalidReply(reason, raw)

    def stats(self) -> dict[str, Any]:
        return {"model": self.config.model, "base_url": self.base_url, "requests": self.n_requests,
                "cache_hits": self.n_cache_hits, "retries": self.n_retries, "errors": self.n_errors,
                "invalid": self.n_invalid, "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens, "cost_usd": round(self.cost_usd, 6),
                "priced": self.prices is not None}

    def estimate_cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return cost(self.prices, prompt_tokens, completion_tokens)


def write_cache_rows(ws: Any, rows: list[tuple]) -> None:
    """Insert cache rows with one statement (executemany runs one statement per row: slow)."""
    if not rows or ws is None:
        return
    import pyarrow as pa

    cols = list(zip(*rows))
    table = pa.table({name: pa.array(col, type=typ) for name, col, typ in zip(
        ("key", "model", "text", "finish_reason", "prompt_tokens", "completion_tokens", "cost_usd", "seconds"),
        cols, (pa.string(), pa.string(), pa.string(), pa.string(), pa.int64(), pa.int64(), pa.float64(),
               pa.float64()))})
    ws.insert_arrow("llm_cache", table, verb="INSERT OR REPLACE")


async def bounded_map(items: Iterable[T], fn: Callable[[T], Awaitable[R]], limit: int,
                      stop: Callable[[], bool] | None = None) -> AsyncIterator[tuple[T, R | BaseException]]:
    """Run `fn(item)` for each item with at most `limit` running at once; yields (item, result or
    exception) in completion order, so the caller can write each finished item at once. When
    `stop()` turns true no new item is started; those running are drained."""
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


def llm_status(ws: Any) -> dict[str, Any] | None:
    """`medcorpus status` section: cached replies, tokens and cost per model, and the last LLM runs."""
    if not ws.one("SELECT 1 FROM information_schema.tables WHERE table_name = 'llm_cache'"):
        return None
    per_model = {m: {"replies": n, "prompt_tokens": int(p or 0), "completion_tokens": int(c or 0),
                     "cost_usd": round(float(s or 0), 6)}
                 for m, n, p, c, s in ws.exec("SELECT model, count(*), sum(prompt_tokens), sum(completion_tokens), "
                                              "sum(cost_usd) FROM llm_cache GROUP BY 1 ORDER BY 2 DESC")}
    runs = []
    for stage, extra, ended in ws.exec("SELECT stage, extra, ended_at FROM runs WHERE extra LIKE '%\"llm\"%' "
                                       "ORDER BY run_id DESC LIMIT 5"):
        llm = (orjson.loads(extra or "{}") or {}).get("llm")
        if isinstance(llm, dict):
            runs.append({"stage": stage, "ended_at": str(ended), **{k: llm.get(k) for k in (
                "requests", "cache_hits", "prompt_tokens", "completion_tokens", "cost_usd")}})
    return {"by_model": per_model, "total_cost_usd": round(sum(v["cost_usd"] for v in per_model.values()), 6),
            "recent_runs": runs}
