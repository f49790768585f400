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

from typing import Any, ClassVar, Literal

from pydantic import Field

from medcorpus.llm.client import LLMClient, Reply
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.prompts import Prompt
from medcorpus.llm.transform import LLMTransform
from medcorpus.pipeline.stage import StageConfig, register_stage
from medcorpus.schemas import Record, Turn, cjk_ratio

MODE = "distill-answers"


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
class SynthDistillAnswers(LLMTransform):
    name = "synth_distill_answers"
    version = "1"
    config_model = DistillConfig
    prompt_name = "distill_answer"

    def summary_base(self) -> dict[str, Any]:
        return {"mode": MODE, "keep": self.config.keep}

    def plan(self, rec: Record) -> list[dict] | None:
        """The request for `rec`, or None when it passes through unchanged."""
        if rec.kind != "consultation" or (rec.meta.get("synth") or {}).get("mode") == MODE:
            return None
        found = question_context(rec)
        if found is None:
            return None
        return build_messages(self.prompt(rec.lang), found[0])

    def apply(self, rec: Record, answer: str, model: str) -> tuple[Record, list[Record]]:
        """(the record to write for this stage, new records to add)."""
        context, last = question_context(rec)
        prompt = self.prompt(rec.lang).tag
        keep = self.config.keep
        if keep == "real":
            return rec.model_copy(update={"meta": {**rec.meta, "distill": {"answer": answer, "model": model,
                                                                              "prompt": prompt}}}), []
        turns = [t if i != last else Turn(role="doctor", text=answer) for i, t in enumerate(rec.turns)]
        synth = {"mode": MODE, "model": model, "prompt": prompt}
        if keep == "llm":
            return rec.model_copy(update={"turns": turns, "meta": {**rec.meta, "synth": {
                **synth, "replaced": "the real doctor answer"}}}), []
        meta = {k: v for k, v in rec.meta.items() if k not in ("stages", "distill")}
        copy = Record.new(rec.source + self.config.source_suffix, turns, kind=rec.kind, lang=rec.lang,
                          meta={**meta, "synth": {**synth, "from_record": rec.id}})
        original = rec.model_copy(update={"meta": {**rec.meta, "distill": {"record_id": copy.id, "model": model,
                                                                           "prompt": prompt}}})
        return original, [copy]

    def wants(self, rec: Record) -> bool:
        return self.plan(rec) is not None

    async def ask(self, client: LLMClient, rec: Record) -> str:
        return await client.chat_valid(self.plan(rec), answer_checker(rec.lang, self.config.min_chars))

    def on_invalid(self, rec: Record, reason: str, model: str) -> Record:
        """A bad answer never costs the real consultation: kept unchanged, the reason in meta."""
        return rec.model_copy(update={"meta": {**rec.meta, "distill": {"error": reason, "model": model}}})
