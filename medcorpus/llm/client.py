"""An async client for any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp's server, Ollama).

- schema-constrained replies (`chat_json(..., schema=)`): the endpoint is probed once for the
  structured-output form it accepts and the client steps down on a refusal (`structured`);
- bounded concurrency, requests/tokens-per-minute limits (a replaceable `Limiter`);
- retries with exponential backoff and jitter on 429, 5xx, timeouts and connection errors,
  honouring `Retry-After` / `retry-after-ms`;
- a reply cache (`cache.ReplyCache`) keyed by a hash of (model, messages, parameters, schema): a
  re-run makes no request for work already done;
- token and cost accounting (`prices.toml`), `BudgetExceeded` once `max_cost` is spent;
- `chat_json`: parse + validate a JSON reply, re-ask a bounded number of times, then `InvalidReply`.

It opens nothing in its constructor; its HTTP clients are made on first use in the running loop.
"""
from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Callable, TypeVar

import httpx
import orjson

from medcorpus.llm import structured
from medcorpus.llm.cache import ReplyCache, cache_key, write_cache_rows
from medcorpus.llm.concurrency import bounded_map  # noqa: F401 (re-exported)
from medcorpus.llm.config import LLMConfig, api_key
from medcorpus.llm.endpoint import NoEndpoint
from medcorpus.llm.prices import cost, price_of
from medcorpus.llm.ratelimit import Limiter, RateLimiter  # noqa: F401 (RateLimiter re-exported)
from medcorpus.llm.structured import parse_json

R = TypeVar("R")
POOL_SHARD = 8  # connections per HTTP pool
DEFAULT_MAX_TOKENS = 512
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_PROBED: dict[tuple[str, str, str], list[str]] = {}  # (base_url, model, setting) -> modes left, per process

__all__ = ["LLMClient", "Reply", "LLMError", "InvalidReply", "BudgetExceeded", "NoEndpoint", "parse_json",
           "estimate_tokens", "estimate_messages", "cache_key", "bounded_map"]


@dataclass
class Reply:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False
    finish_reason: str | None = None
    mode: str | None = None  # the structured-output form it was asked in (None: unknown, e.g. from the cache)


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


def estimate_tokens(text: str) -> int:
    """A rough count without a tokenizer: one per CJK character, one per 4 other characters."""
    cjk = len(_CJK.findall(text))
    return cjk + max(0, len(text) - cjk) // 4 + 1


def estimate_messages(messages: list[dict]) -> int:
    return sum(estimate_tokens(m.get("content") or "") + 4 for m in messages) + 2


def _retry_after(exc: Any) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None)
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
    """One endpoint + model, with its reply cache in workspace `ws` (a Workspace or None)."""

    def __init__(self, ws: Any, config: LLMConfig | None = None, *, base_url: str | None = None,
                 limiter: Limiter | None = None, backoff_base: float = 0.5, backoff_cap: float = 30.0, **_: Any):
        self.config = config or LLMConfig()
        self.base_url = base_url or self.config.base_url
        self.cache = ReplyCache(ws, self.config.model)
        self.ws = ws
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.prices = price_of(self.config.model, self.config.price_input, self.config.price_output)
        if self.config.max_cost is not None and self.prices is None:
            raise ValueError(f"--max-cost needs a price for model {self.config.model!r}: add it to the price "
                             "table (MEDCORPUS_LLM_PRICES) or give --price-in/--price-out")
        self.limiter: Limiter = limiter or RateLimiter(self.config.rpm, self.config.tpm)
        self._modes: list[str] | None = None
        self._no_grammar: set[str] = set()  # schemas the endpoint could not compile: asked without them
        self._loop: asyncio.AbstractEventLoop | None = None
        self._clients: list[Any] = []
        self._sem: asyncio.Semaphore | None = None
        self._probe_lock: asyncio.Lock | None = None
        self.n_requests = self.n_cache_hits = self.n_retries = self.n_invalid = self.n_errors = 0
        self.n_wrong_shape = self.n_probes = self.n_stepdowns = 0
        self.prompt_tokens = self.completion_tokens = 0
        self.cost_usd = 0.0

    # ------------------------------------------------------------------ plumbing
    def _ensure_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is self._loop:
            return
        if not self.base_url:
            raise NoEndpoint("no LLM endpoint: pass --base-url, set MEDCORPUS_LLM_BASE_URL (or OPENAI_BASE_URL), "
                             "or start the local model with `medcorpus llm serve`")
        import openai

        self._loop = loop
        # several small connection pools instead of one big one: httpcore scans its whole pool on every
        # request event, which costs more CPU than the request itself at 32+ connections
        shards = max(1, -(-self.config.concurrency // POOL_SHARD))
        per = -(-self.config.concurrency // shards) + 2
        self._clients = [openai.AsyncOpenAI(
            base_url=self.base_url, api_key=api_key(), max_retries=0, timeout=self.config.timeout,
            http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=per, max_keepalive_connections=per),
                                          timeout=self.config.timeout)) for _ in range(shards)]
        self._rr = 0
        self._sem = asyncio.Semaphore(self.config.concurrency)
        self._probe_lock = asyncio.Lock()

    async def aclose(self) -> None:
        for client in self._clients:
            await client.close()
        self._clients, self._loop = [], None

    def _params(self, schema: dict | None, json_mode: bool, params: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"temperature": self.config.temperature}
        out.update(params)
        if self.config.max_tokens:  # the user's limit wins over the task's
            out["max_tokens"] = self.config.max_tokens
        out.setdefault("max_tokens", DEFAULT_MAX_TOKENS)
        if schema is not None:
            out["_schema"] = schema  # in the key, sent as the endpoint accepts it
        elif json_mode:
            out["_json"] = True
        return out

    def key_for(self, messages: list[dict], *, schema: dict | None = None, json_mode: bool = False,
                **params: Any) -> str:
        return cache_key(self.config.model, messages, self._params(schema, json_mode, params))

    def take_pending(self) -> list[tuple]:
        return self.cache.take_pending()

    def flushed(self) -> None:
        self.cache.flushed()

    def flush_writes(self) -> int:
        """Write the new cache rows now (inside the caller's transaction, if any). Returns how many."""
        rows = self.cache.take_pending()
        write_cache_rows(self.ws, rows)
        self.cache.flushed()
        return len(rows)

    def _check_budget(self) -> None:
        if self.config.max_cost is not None and self.cost_usd >= self.config.max_cost:
            raise BudgetExceeded(f"budget of ${self.config.max_cost:.4f} reached (spent ${self.cost_usd:.4f})")

    @property
    def mode(self) -> str | None:
        """The structured-output form in use (None until the first request that needed one)."""
        return self._modes[0] if self._modes else None

    def modes_for(self, schema: dict | None, modes: list[str] | None = None) -> list[str]:
        """The forms to ask in for this schema: without those that carry it when the endpoint could not
        compile it into a grammar (both schema forms build the same grammar; `json_object` and plain do not)."""
        modes = list((self._modes or []) if modes is None else modes)
        if schema is not None and _schema_id(schema) in self._no_grammar:
            modes = [m for m in modes if m not in structured.SCHEMA_MODES] or ["off"]
        return modes

    def constrained_for(self, schema: dict | None) -> bool:
        """Whether a reply for this schema was decoded under it (else only the relaxed shape is checked)."""
        modes = self.modes_for(schema)
        return bool(modes) and modes[0] in structured.SCHEMA_MODES

    async def _structured_modes(self) -> list[str]:
        """The forms left to try, best first; probes the endpoint once per process when `structured=auto`."""
        if self._modes is not None:
            return self._modes
        key = (self.base_url or "", self.config.model, self.config.structured)
        async with self._probe_lock:
            if self._modes is None:
                if key not in _PROBED:
                    modes = structured.modes_from(self.config.structured)
                    _PROBED[key] = await self._probe(modes) if self.config.structured == "auto" else modes
                self._modes = _PROBED[key]
        return self._modes

    async def _probe(self, modes: list[str]) -> list[str]:
        """Drop the forms the endpoint refuses or ignores (a tiny request each, uncached, unbilled)."""
        while len(modes) > 1:
            fmt = structured.response_format(modes[0], structured.PROBE_SCHEMA, "probe")
            try:
                self.n_probes += 1
                resp = await self._clients[0].post("/chat/completions", cast_to=httpx.Response, body={
                    "model": self.config.model, "messages": structured.PROBE_MESSAGES, "temperature": 0,
                    "max_tokens": 16, "response_format": fmt})
                data = orjson.loads(resp.content)
                text = ((data.get("choices") or [{}])[0].get("message") or {}).get("content") or ""
            except Exception as exc:  # noqa: BLE001 - a refusal (4xx) or a reply we cannot read: step down
                if not _is_refusal(exc):
                    return modes  # the endpoint is down or slow: decide on the real requests
                modes = modes[1:]
                continue
            if modes[0] == "json_object" or structured.is_probe_answer(text):
                return modes
            modes = modes[1:]  # accepted but not honoured
        return modes

    # ------------------------------------------------------------------ the API
    async def chat(self, messages: list[dict], *, schema: dict | None = None, json_mode: bool = False,
                   cache: bool | None = None, **params: Any) -> Reply:
        """One chat completion. Parameters whose name starts with '_' only change the cache key."""
        all_params = self._params(schema, json_mode, params)
        key = cache_key(self.config.model, messages, all_params)
        if self.config.cache if cache is None else cache:
            hit = self.cache.get(key)
            if hit is not None:
                self.n_cache_hits += 1
                return Reply(hit[0], hit[1], hit[2], True, hit[3])
        if self.config.dry_run:
            raise RuntimeError("dry run: no request is sent")
        self._ensure_loop()
        send = {k: v for k, v in all_params.items() if not k.startswith("_")}
        wants_format = schema is not None or json_mode
        est = estimate_messages(messages) + int(send.get("max_tokens") or 0)
        attempt = 0
        while True:
            mode = None
            if wants_format:  # no schema, no probe: some JSON object is all there is to ask for
                modes = self.modes_for(schema, await self._structured_modes()) if schema is not None else \
                    (self._modes or structured.modes_from(self.config.structured))
                mode = modes[0]
                fmt = structured.response_format(mode, schema)
                if fmt is None:
                    send.pop("response_format", None)
                else:
                    send["response_format"] = fmt
            await self.limiter.acquire(est)
            delay: float | None = None
            started = time.perf_counter()
            async with self._sem:
                self._check_budget()  # here, not before waiting: replies that came meanwhile have been paid
                self.n_requests += 1
                try:
                    # the client's transport, auth, base URL and error types, without its per-call
                    # pydantic transforms of request and response (milliseconds of CPU per request)
                    self._rr = (self._rr + 1) % len(self._clients)
                    resp = await self._clients[self._rr].post(
                        "/chat/completions", cast_to=httpx.Response,
                        body={"model": self.config.model, "messages": messages, **send})
                    data = orjson.loads(resp.content)
                except Exception as exc:  # classified below
                    if mode in structured.SCHEMA_MODES and _is_grammar_failure(exc):
                        # this schema cannot be compiled (llama.cpp: 500 "failed to parse grammar"): asking
                        # again fails the same way, so this schema goes down to the forms without it
                        self._no_grammar.add(_schema_id(schema))
                        self.n_stepdowns += 1
                        continue
                    if "response_format" in send and _is_format_refusal(exc) and len(self._modes or []) > 1:
                        self._modes.pop(0)  # the endpoint refuses this form: the next one, for every request
                        self.n_stepdowns += 1
                        continue
                    delay = self._retry_delay(exc, attempt)
                    if delay is None or attempt >= self.config.max_retries:
                        self.n_errors += 1
                        raise LLMError(f"{type(exc).__name__}: {exc}") from exc
            if delay is not None:
                attempt += 1
                self.n_retries += 1
                await asyncio.sleep(delay)
                continue
            reply = self._account(key, messages, data, time.perf_counter() - started)
            reply.mode = mode
            return reply

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
        self.cache.put((key, self.config.model, reply.text, reply.finish_reason, reply.prompt_tokens,
                        reply.completion_tokens, spent, seconds))
        return reply

    async def chat_json(self, messages: list[dict], validate: Callable[[Any], R] = lambda obj: obj, *,
                        schema: dict | None = None, json_mode: bool = True, **params: Any) -> R:
        """Ask for JSON (constrained to `schema` where the endpoint allows), parse it, check it against the
        schema and return `validate(obj)`. A reply that is cut off, not JSON, of the wrong shape, or that
        `validate` refuses with ValueError is re-asked (each re-ask has its own cache key) up to
        `json_retries` times, then InvalidReply(reason, raw_text)."""
        def check(reply: Reply) -> R:
            try:
                if reply.finish_reason == "length":
                    raise ValueError("wrong shape: reply cut off at max_tokens")
                obj = parse_json(reply.text)
                if schema is not None:
                    constrained = reply.mode in structured.SCHEMA_MODES if reply.mode else self.constrained_for(schema)
                    structured.check_schema(obj, schema if constrained else structured.relaxed(schema))
            except ValueError as exc:
                self.n_wrong_shape += 1
                raise ValueError(str(exc) if str(exc).startswith("wrong shape") else f"wrong shape: {exc}") from None
            return validate(obj)

        return await self.chat_valid(messages, check, schema=schema, json_mode=json_mode, **params)

    async def chat_valid(self, messages: list[dict], check: Callable[[Reply], R], **params: Any) -> R:
        """`check(reply)` returns the value or raises ValueError(reason); re-asked like `chat_json`."""
        reason, raw = "", ""
        for attempt in range(self.config.json_retries + 1):
            extra = dict(params)
            if attempt:
                extra["_attempt"] = attempt
            reply = await self.chat(messages, **extra)
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
                "invalid": self.n_invalid, "wrong_shape": self.n_wrong_shape, "structured": self.mode,
                "probes": self.n_probes, "stepdowns": self.n_stepdowns, "schemas_without_grammar": len(self._no_grammar),
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens, "cost_usd": round(self.cost_usd, 6),
                "priced": self.prices is not None}

    def estimate_cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return cost(self.prices, prompt_tokens, completion_tokens)


def _is_refusal(exc: Exception) -> bool:
    """A 400/422 (the endpoint does not accept what was sent), or any error about the response_format."""
    return getattr(exc, "status_code", None) in (400, 422) or _is_format_refusal(exc)


def _schema_id(schema: dict | None) -> str:
    return orjson.dumps(schema, option=orjson.OPT_SORT_KEYS).decode()


def _is_grammar_failure(exc: Exception) -> bool:
    """An error status saying the endpoint could not turn the schema into a grammar: llama.cpp's server
    ("failed to parse grammar", 400 or 500 by version), or a schema its converter does not support."""
    text = str(exc).lower()
    return getattr(exc, "status_code", None) in (400, 422, 500) and \
        ("grammar" in text or "json schema" in text and "not supported" in text)


def _is_format_refusal(exc: Exception) -> bool:
    """An error status whose message is about the structured-output form (not, say, a too-long prompt).
    llama-cpp-python's server answers an unknown response_format type with a 500 naming it."""
    text = str(exc).lower()
    return getattr(exc, "status_code", None) in (400, 422, 500) and \
        any(w in text for w in ("response_format", "json_schema", "json_object"))
