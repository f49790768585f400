"""`synth distill-answers`: the LLM answers the patient's question of each ingested consultation
(ChatMed-Consult style). A transform stage (it sees each record once per configuration):

- `keep=real`: the record keeps the real answer; the LLM answer goes to `meta.distill.answer`
  (for comparison and evaluation);
- `keep=llm`: the record's last doctor turn is replaced by the LLM answer (`meta.synth` says so);
- `keep=both`: the record is unchanged and a new record with the LLM answer is added, linked both
  ways (`meta.distill.record_id` on the original, `meta.synth.from_record` on the copy).

An answer that is too short, cut off at max_tokens or in the wrong language is re-asked
(`json_retries`), then the record is kept unchanged with `meta.distill.error` (a real consultation
is never lost to a bad reply). A request that fails for good, or a spent budget, leaves the record
pending for the next run. Records without a patient question and doctor answer, and distilled
copies themselves, pass through unchanged.
"""
from __future__ import annotations

import asyncio
import time
from typing import ClassVar, Any, Literal

import orjson
import xxhash
from pydantic import Field

from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, LLMError, NoEndpoint, Reply, bounded_map
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.driver import generation_settings
from medcorpus.llm.prompts import Prompt, load_prompt
from medcorpus.pipeline.progress import console, progress_bar
from medcorpus.pipeline.stage import Stage, StageConfig, register_stage
from medcorpus.schemas import Record, Turn, cjk_ratio

MODE = "distill-answers"
FLUSH_SECONDS = 1.0


class DistillConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file",)

    llm: LLMConfig = Field(default_factory=LLMConfig)
    keep: Literal["real", "llm", "both"] = "both"
    prompt_file: str | None = None
    min_chars: int = Field(20, ge=1)
    source_suffix: str = "+distill"


def question_context(rec: Record) -> tuple[list[Turn], int] | None:
    """(the turns before the last doctor answer, its index), or None when there is nothing to answer."""
    last = max((i for i, t in enumerate(rec.turns) if t.role == "doctor"), default=None)
    if last is None:
        return None
    context = [t for t in rec.turns[:last] if t.role in ("patient", "doctor")]
    if not context or context[-1].role != "patient":
        return None
    return context, last


def build_messages(prompt: Prompt, context: list[Turn]) -> list[dict]:
    messages = [{"role": "system", "content": prompt.render_system()}] if prompt.system else []
    for t in context[:-1]:
        messages.append({"role": "user" if t.role == "patient" else "assistant", "content": t.text})
    last = prompt.render(question=context[-1].text)
    messages.append(last[-1] if prompt.user else {"role": "user", "content": context[-1].text})
    return messages


def answer_checker(lang: str, min_chars: int):
    def check(reply: Reply) -> str:
        text = reply.text.strip()
        if reply.finish_reason == "length":
            raise ValueError("answer cut off at max_tokens")
        if len(text) < min_chars:
            raise ValueError("answer too short")
        ratio = cjk_ratio(text)
        if (lang == "zh" and ratio < 0.3) or (lang != "zh" and ratio > 0.3):
            raise ValueError("answer not in the question's language")
        return text
    return check


@register_stage
class SynthDistillAnswers(Stage):
    name = "synth_distill_answers"
    version = "1"
    config_model = DistillConfig
    parallel = False

    def __init__(self, config: Any = None):
        super().__init__(config)
        self.endpoint: tuple[str | None, str] | None = None  # set by the command when it resolved one
        self._extra: dict[str, Any] = {}

    def fingerprint(self) -> str:
        """Name, version and what decides the output; not runtime knobs (concurrency, budget, URL...)."""
        cfg = self.config.model_dump(mode="json")
        cfg["llm"] = generation_settings(self.config.llm)
        h = xxhash.xxh3_64()
        h.update(f"{self.name}\x1f{self.version}\x1f".encode() + orjson.dumps(cfg, option=orjson.OPT_SORT_KEYS))
        h.update("".join(load_prompt("distill_answer", lang, self.config.prompt_file).tag
                         for lang in ("en", "zh")).encode())
        return h.hexdigest()

    def summary_extra(self) -> dict[str, Any]:
        return self._extra

    def prompt(self, lang: str) -> Prompt:
        return load_prompt("distill_answer", "zh" if lang == "zh" else "en", self.config.prompt_file)

    def plan(self, rec: Record) -> list[dict] | None:
        """The request for `rec`, or None when it passes through unchanged."""
        if rec.kind != "consultation" or (rec.meta.get("synth") or {}).get("mode") == MODE:
            return None
        found = question_context(rec)
        if found is None:
            return None
        return build_messages(self.prompt(rec.lang), found[0])

    def apply(self, rec: Record, answer: str, model: str) -> tuple[Record, Record | None]:
        """(the record to write for this stage, a new record to add or None)."""
        context, last = question_context(rec)
        prompt = self.prompt(rec.lang).tag
        keep = self.config.keep
        if keep == "real":
            return rec.model_copy(update={"meta": {**rec.meta, "distill": {"answer": answer, "model": model,
                                                                              "prompt": prompt}}}), None
        turns = [t if i != last else Turn(role="doctor", text=answer) for i, t in enumerate(rec.turns)]
        synth = {"mode": MODE, "model": model, "prompt": prompt}
        if keep == "llm":
            return rec.model_copy(update={"turns": turns, "meta": {**rec.meta, "synth": {
                **synth, "replaced": "the real doctor answer"}}}), None
        meta = {k: v for k, v in rec.meta.items() if k not in ("stages", "distill")}
        copy = Record.new(rec.source + self.config.source_suffix, turns, kind=rec.kind, lang=rec.lang,
                          meta={**meta, "synth": {**synth, "from_record": rec.id}})
        original = rec.model_copy(update={"meta": {**rec.meta, "distill": {"record_id": copy.id, "model": model,
                                                                           "prompt": prompt}}})
        return original, copy

    def run(self, ctx: Any) -> None:
        from medcorpus.llm.server import ensure_endpoint

        cfg = self.config.llm
        self._extra = {"mode": MODE, "keep": self.config.keep, "passed_through": 0, "answered": 0,
                       "llm_rejected": 0, "rejected_by_reason": {}, "pending": 0, "budget_stopped": False,
                       "errors": 0}
        if ctx.n_pending == 0:
            return
        manager = ensure_endpoint(cfg) if self.endpoint is None else _Given(self.endpoint)
        with manager as (url, where):
            if url is None:
                raise NoEndpoint(where)
            client = LLMClient(ctx.ws, cfg, base_url=url, defer_writes=True)
            self._extra["endpoint"] = where
            try:
                with progress_bar(self.name, total=ctx.n_pending) as advance:
                    for rows in ctx.pending_rows():
                        if self._extra["budget_stopped"]:
                            self._extra["pending"] += len(rows)
                            continue
                        asyncio.run(self._batch(ctx, client, rows, advance))
            finally:
                with ctx.ws.transaction():
                    client.flush_writes()
                self._extra["llm"] = client.stats()

    async def _batch(self, ctx: Any, client: LLMClient, rows: list[dict], advance: Any) -> None:
        buffer: list[tuple[dict, Record]] = []
        copies: list[Record] = []
        last_flush = time.monotonic()
        extra = self._extra

        def flush() -> None:
            nonlocal last_flush
            last_flush = time.monotonic()
            with ctx.ws.transaction():
                client.flush_writes()
            if copies:
                ctx.ws.add_records([c.to_row() for c in copies], origin=self.name, run_id=ctx.run_id)
                copies.clear()
            if buffer:
                ctx.write(list(buffer))
                advance(len(buffer))
                buffer.clear()

        work = []
        for row in rows:
            rec = Record.from_row(row)
            messages = self.plan(rec)
            if messages is None:
                buffer.append((row, rec))
                extra["passed_through"] += 1
            else:
                work.append((row, rec, messages))

        async def ask(job: tuple[dict, Record, list[dict]]) -> str:
            row, rec, messages = job
            return await client.chat_valid(messages, answer_checker(rec.lang, self.config.min_chars))

        handled = 0
        try:
            async for (row, rec, _), result in bounded_map(work, ask, max(1, client.config.concurrency * 2),
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
                    buffer.append((row, rec.model_copy(update={"meta": {**rec.meta, "distill": {
                        "error": result.reason, "model": client.config.model}}})))
                elif isinstance(result, BaseException):
                    extra["errors"] += 1
                    extra["pending"] += 1
                    extra.setdefault("error_sample", f"{rec.id}: {type(result).__name__}: {result}")
                    if not isinstance(result, (LLMError, asyncio.TimeoutError)):
                        console.print(f"[red]error[/] on {rec.id}: {result!r}", highlight=False)
                    continue
                else:
                    out, copy = self.apply(rec, result, client.config.model)
                    buffer.append((row, out))
                    if copy is not None:
                        copies.append(copy)
                    extra["answered"] += 1
                if time.monotonic() - last_flush >= FLUSH_SECONDS:
                    flush()
            extra["pending"] += len(work) - handled  # never started (budget spent)
        finally:
            flush()
            await client.aclose()


class _Given:
    def __init__(self, endpoint: tuple[str | None, str]):
        self.endpoint = endpoint

    def __enter__(self) -> tuple[str | None, str]:
        return self.endpoint

    def __exit__(self, *exc: Any) -> None:
        pass
