"""LLM transform stages (distill-answers, judge): `setup` + `process(batch)` like every stage.

A subclass gives `wants(rec)` (does the record need the LLM?), `ask(client, rec)` (an awaitable of
the value), `apply(rec, value, model) -> (output, new records)` and `on_invalid(rec, reason, model)`.
`process` runs the batch's requests concurrently in one asyncio loop (one async client per worker,
made in `setup`, at most `llm.concurrency` requests in flight) and returns an Outcome:
- one output per record it could finish: passed through unchanged, answered, or kept with the
  reason its reply stayed invalid (a real record is never lost to a bad reply);
- `added`: new records made beside their input (distill's `keep=both` copies);
- `deferred`: the records whose request failed for good or came after the budget was spent; they
  stay pending for the next run (nothing is dropped);
- side rows for `llm_cache` (the replies this batch paid for, committed with the records made
  from them) and counters (answered, rejected by reason, tokens, cost...).
Cached replies are a service: the runner snapshots `llm_cache` for the workers (`snapshots`).
The endpoint is resolved on the driver (`prepare`, starting nothing); when none is configured or
running, a worker starts the local server on its first record that needs the LLM.
"""
from __future__ import annotations

import asyncio
from contextlib import ExitStack
from typing import Any, ClassVar

import orjson
import xxhash

from medcorpus.llm.cache import LLM_CACHE, SnapshotCache, cache_dicts
from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, LLMError
from medcorpus.llm.concurrency import bounded_map
from medcorpus.llm.config import generation_settings
from medcorpus.llm.prompts import Prompt, load_prompt
from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.progress import console
from medcorpus.pipeline.stage import Stage
from medcorpus.schemas import Record

NUMERIC_STATS = ("requests", "cache_hits", "retries", "errors", "invalid", "wrong_shape", "probes",
                 "prompt_tokens", "completion_tokens", "cost_usd")
BATCH_PER_SLOT = 4  # records per batch per request slot: each batch commits once its slowest request is back


class LLMTransform(Stage):
    """Base of the LLM transform stages; see the module docstring."""

    prompt_name: ClassVar[str]  # the editable prompt file (`<prompt_name>.<lang>.txt`)
    # one worker (one actor on Ray): its async client keeps `llm.concurrency` requests in flight, and a
    # worker that must start the local model server starts one, not one per process
    parallel = False
    side_tables = (LLM_CACHE,)
    snapshots = (LLM_CACHE.name,)

    def __init__(self, config: Any = None):
        super().__init__(config)
        self.client: LLMClient | None = None
        self._endpoint: ExitStack | None = None
        self._where = ""

    # ------------------------------------------------------------------ what a subclass gives
    def wants(self, rec: Record) -> bool:
        raise NotImplementedError

    async def ask(self, client: LLMClient, rec: Record) -> Any:
        raise NotImplementedError

    def apply(self, rec: Record, value: Any, model: str) -> tuple[Any, list[Record]]:
        raise NotImplementedError

    def on_invalid(self, rec: Record, reason: str, model: str) -> Record:
        raise NotImplementedError

    def counts(self, value: Any, model: str) -> dict[str, float]:
        """Counters for one answered record (the judge's grades)."""
        return {}

    def summary_base(self) -> dict[str, Any]:
        """Settings shown first in the run summary."""
        return {}

    # ------------------------------------------------------------------ shared
    def prompt(self, lang: str) -> Prompt:
        return load_prompt(self.prompt_name, "zh" if lang == "zh" else "en", self.config.prompt_file)

    def fingerprint(self) -> str:
        """Name, version, what decides the output and the prompts' content; not runtime knobs
        (concurrency, budget, URL...)."""
        cfg = self.config.model_dump(mode="json")
        cfg["llm"] = generation_settings(self.config.llm)
        h = xxhash.xxh3_64()
        h.update(f"{self.name}\x1f{self.version}\x1f".encode() + orjson.dumps(cfg, option=orjson.OPT_SORT_KEYS))
        h.update("".join(self.prompt(lang).tag for lang in ("en", "zh")).encode())
        return h.hexdigest()

    def max_batch_size(self) -> int:
        return max(4, self.config.llm.concurrency * BATCH_PER_SLOT)

    def prepare(self) -> None:
        """On the driver: the endpoint a configured URL, the environment or a running `llm serve`
        gives (starting nothing), written into the config the workers get, tuned for it."""
        from medcorpus.llm.endpoint import Endpoint, find_endpoint

        found = find_endpoint(self.config.llm)
        if found is None:  # the worker starts the local server: tuned as for one already running
            self._where = "local llama.cpp server (started by the worker that needs it)"
            llm = Endpoint(None, self._where, local=True).tune(self.config.llm)
            self.config = self.config.model_copy(update={"llm": llm})
            return
        self._where = found.where
        llm = found.tune(self.config.llm).model_copy(update={"base_url": found.url})
        self.config = self.config.model_copy(update={"llm": llm})

    def setup(self) -> None:
        """The reply cache (the runner's snapshot) and, when the endpoint is known, the client (it
        opens nothing until its first request); otherwise the client comes with the local server,
        on the first record that needs the LLM."""
        self._cache = SnapshotCache(self.services.snapshot(LLM_CACHE.name), self.config.llm.model)
        if self.config.llm.base_url:
            self._client()

    def _client(self) -> LLMClient:
        if self.client is None:
            config = self.config.llm
            if not config.base_url:  # nothing configured or running: start the local server here
                from medcorpus.llm.endpoint import open_endpoint

                self._endpoint = ExitStack()
                ep = self._endpoint.enter_context(open_endpoint(config))
                config = ep.tune(config).model_copy(update={"base_url": ep.url})
            self.client = LLMClient(None, config, base_url=config.base_url)
            self.client.cache = self._cache
        return self.client

    def teardown(self) -> None:
        if self._endpoint is not None:
            self._endpoint.close()
            self._endpoint = None

    def process(self, batch: list[Record]) -> Outcome:
        wanted = [self.wants(rec) for rec in batch]
        work = [rec for rec, w in zip(batch, wanted) if w]
        outcome = Outcome(items=[rec for rec, w in zip(batch, wanted) if not w])
        counters = outcome.counters
        counters["passed_through"] = len(outcome.items)
        if work:
            client = self._client()
            before = client.stats()
            asyncio.run(self._ask_all(client, work, outcome))
            after = client.stats()
            for key in NUMERIC_STATS:
                counters[f"llm.{key}"] = after[key] - before[key]
            if after["structured"]:
                counters[f"llm.structured.{after['structured']}"] = 1
            outcome.side_rows[LLM_CACHE.name] = cache_dicts(client.take_pending())
        order = {rec.id: i for i, rec in enumerate(batch)}  # outputs in input order, whatever finished first
        outcome.items.sort(key=lambda out: order[getattr(out, "record_id", None) or out.id])
        return outcome

    async def _ask_all(self, client: LLMClient, work: list[Record], outcome: Outcome) -> None:
        counters, model = outcome.counters, client.config.model
        budget = {"spent": False}
        try:
            async for rec, result in bounded_map(work, lambda r: self.ask(client, r), max(1, client.config.concurrency),
                                                 stop=lambda: budget["spent"]):
                if isinstance(result, BudgetExceeded):
                    budget["spent"] = True
                    outcome.deferred.append(rec.id)
                elif isinstance(result, InvalidReply):
                    _count(counters, "llm_rejected")
                    _count(counters, f"rejected_by_reason.{result.reason}")
                    outcome.items.append(self.on_invalid(rec, result.reason, model))
                elif isinstance(result, BaseException):  # failed for good (or a bug): stays pending
                    _count(counters, "errors")
                    outcome.deferred.append(rec.id)
                    if not isinstance(result, (LLMError, asyncio.TimeoutError)):
                        console.print(f"[red]error[/] on {rec.id}: {result!r}", highlight=False)
                else:
                    out, new = self.apply(rec, result, model)
                    outcome.items.append(out)
                    outcome.added.extend(new)
                    _count(counters, "answered")
                    for key, n in self.counts(result, model).items():
                        _count(counters, key, n)
        finally:
            await client.aclose()
        started = {rec.id for rec in work} - {getattr(o, "record_id", None) or o.id for o in outcome.items}
        outcome.deferred[:] = sorted(started)  # failed, budget-stopped or never started: all pending
        counters["pending"] = len(outcome.deferred)
        counters["budget_stopped"] = int(budget["spent"])

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        """The summed counters as the run summary: nested by their dotted names."""
        out: dict[str, Any] = {**self.summary_base(), "passed_through": 0, "answered": 0, "llm_rejected": 0,
                               "rejected_by_reason": {}, "pending": 0, "budget_stopped": False, "errors": 0}
        llm: dict[str, Any] = {}
        for key, value in counters.items():
            value = int(value) if float(value).is_integer() else value
            head, _, rest = key.partition(".")
            if head == "llm" and rest.startswith("structured."):
                llm.setdefault("_modes", {})[rest.split(".", 1)[1]] = value
            elif head == "llm":
                llm[rest] = value
            elif rest:
                node = out.setdefault(head, {})
                *path, last = rest.split(".")
                for part in path:
                    node = node.setdefault(part, {})
                node[last] = value
            else:
                out[key] = value
        out["budget_stopped"] = bool(out["budget_stopped"])
        if llm:
            from medcorpus.llm.prices import price_of

            modes = llm.pop("_modes", {})
            cfg = self.config.llm
            out["endpoint"] = self._where
            out["llm"] = {"model": cfg.model, "base_url": cfg.base_url, **{k: llm.get(k, 0) for k in NUMERIC_STATS},
                          "cost_usd": round(float(llm.get("cost_usd", 0)), 6),
                          "structured": max(modes, key=modes.get) if modes else None,
                          "priced": price_of(cfg.model, cfg.price_input, cfg.price_output) is not None}
        return out


def _count(counters: dict[str, float], key: str, n: float = 1) -> None:
    counters[key] = counters.get(key, 0) + n
