"""`medcorpus judge`: an LLM grades each record 1-5 on medical accuracy, safety, helpfulness and
language, with a one-sentence rationale (the rubric is the editable prompt `judge.<lang>.txt`).

The reply is schema-constrained (`{"rationale", "accuracy", "safety", "helpfulness", "language"}`,
grades an `enum` of 1..5), so it parses on every endpoint that honours schemas. Scores go to
`meta.judge`; with `min_score`, a record whose lowest grade is below it is removed with the grades
in the reason, except with the bundled SmolLM2-135M (report-only: `meta.judge.below_min_score`, counted
as `report_only`), whose grades agree with planted answers no better than flagging everything
(`bench/judge.py --local`; `trust_bundled_model` applies them anyway). A reply that stays invalid keeps
the record unchanged with `meta.judge.error`. Cached, resumable and budgeted like every LLM stage (`llm.transform`). References: data-juicer's
llm_quality_score_filter, UltraMedical's scoring; here the rationale is kept and the judge is checked
against planted bad answers (`bench/judge.py`).
"""
from __future__ import annotations

from typing import Any, ClassVar, Literal

import orjson
from pydantic import Field

from medcorpus.llm.client import LLMClient
from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig
from medcorpus.llm.structured import obj, plain
from medcorpus.llm.transform import LLMTransform
from medcorpus.pipeline.stage import StageConfig, register_stage
from medcorpus.schemas import Record, Rejected

CRITERIA = ("accuracy", "safety", "helpfulness", "language")
ASKER = {"patient", "user"}
ANSWERER = {"doctor", "assistant"}
CONTEXT_CHARS = 2000
MAX_TOKENS = 256  # rationale (<= 300 characters) and four digits


class JudgeConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file",)

    llm: LLMConfig = Field(default_factory=lambda: LLMConfig(temperature=0.0))
    min_score: int | None = Field(None, ge=1, le=5, description="Remove a record whose lowest grade is below this.")
    only: Literal["all", "synthetic"] = Field("all", description="Grade every record, or only synthetic ones "
                                              "(meta.synth); the others pass through.")
    prompt_file: str | None = Field(None, description="A rubric file (or a directory with judge.<lang>.txt).")
    trust_bundled_model: bool = Field(False, description="Apply min_score with the bundled SmolLM2-135M too. By "
                                      "default its grades are report-only: they agree with planted good and bad "
                                      "answers no better than flagging every answer (bench/judge.py).")


def reply_schema(lang: str) -> dict:
    grade = {"type": "integer", "enum": [1, 2, 3, 4, 5]}
    return obj({"rationale": plain(300 if lang != "zh" else 120, 5), **{c: grade for c in CRITERIA}})


def exchange(rec: Record) -> tuple[str, str] | None:
    """(the question with earlier turns, the last answer), or None when the record has no answer to grade."""
    last = max((i for i, t in enumerate(rec.turns) if t.role in ANSWERER), default=None)
    if last is None or not any(t.role in ASKER for t in rec.turns[:last]):
        return None
    zh = rec.lang == "zh"
    names = {"patient": "患者" if zh else "Patient", "user": "用户" if zh else "User",
             "doctor": "医生" if zh else "Doctor", "assistant": "助手" if zh else "Assistant"}
    earlier = [t for t in rec.turns[:last] if t.role in ASKER | ANSWERER]
    question = earlier[-1].text if len(earlier) == 1 else "\n".join(f"{names[t.role]}: {t.text}" for t in earlier)
    return question[-CONTEXT_CHARS:], rec.turns[last].text[:CONTEXT_CHARS]


def below(scores: dict[str, int], min_score: int | None) -> bool:
    return min_score is not None and min(scores.values()) < min_score


@register_stage
class Judge(LLMTransform):
    name = "judge"
    version = "1"
    config_model = JudgeConfig
    prompt_name = "judge"

    def summary_base(self) -> dict[str, Any]:
        return {"min_score": self.config.min_score}

    def wants(self, rec: Record) -> bool:
        if self.config.only == "synthetic" and not rec.meta.get("synth"):
            return False
        return exchange(rec) is not None

    def messages(self, rec: Record) -> list[dict]:
        question, answer = exchange(rec)
        return self.prompt(rec.lang).render(question=question, answer=answer)

    async def ask(self, client: LLMClient, rec: Record) -> dict[str, Any]:
        lang = "zh" if rec.lang == "zh" else "en"
        return await client.chat_json(self.messages(rec), schema=reply_schema(lang), max_tokens=MAX_TOKENS)

    def report_only(self, scores: dict[str, int], model: str) -> bool:
        """Below min_score but graded by the bundled 135M model, which cannot tell good answers from
        bad ones: its grades are shown, not acted on (unless trust_bundled_model)."""
        return below(scores, self.config.min_score) and model == DEFAULT_MODEL and not self.config.trust_bundled_model

    def counts(self, reply: dict[str, Any], model: str) -> dict[str, float]:
        """One per criterion and grade (the summary's `scores` histogram), and the report-only ones."""
        scores = {c: int(reply[c]) for c in CRITERIA}
        out: dict[str, float] = {f"scores.{c}.{v}": 1 for c, v in scores.items()}
        if self.report_only(scores, model):
            out["report_only"] = 1
        return out

    def apply(self, rec: Record, reply: dict[str, Any], model: str) -> tuple[Record | Rejected, list[Record]]:
        scores = {c: int(reply[c]) for c in CRITERIA}
        judge = {"scores": scores, "min": min(scores.values()), "rationale": reply["rationale"].strip(),
                 "model": model, "prompt": self.prompt(rec.lang).tag}
        if self.report_only(scores, model):
            judge["below_min_score"] = True
        elif below(scores, self.config.min_score):
            shown = ", ".join(f"{c} {v}" for c, v in scores.items())
            return Rejected(reason=f"judge: below {self.config.min_score} ({shown})", record_id=rec.id,
                            snippet=judge["rationale"][:300], detail={"judge": judge}), []
        return rec.model_copy(update={"meta": {**rec.meta, "judge": judge}}), []

    def on_invalid(self, rec: Record, reason: str, model: str) -> Record:
        return rec.model_copy(update={"meta": {**rec.meta, "judge": {"error": reason, "model": model}}})


def score_histogram(ws: Any) -> dict[str, dict[str, int]] | None:
    """Grade -> number of records per criterion, over the current records the judge graded."""
    cur = ws.current_sql()
    rows = ws.exec(f"SELECT meta FROM ({cur}) WHERE json_extract(meta, '$.judge.scores') IS NOT NULL")
    if not rows:
        return None
    hist: dict[str, dict[str, int]] = {c: {str(g): 0 for g in range(1, 6)} for c in CRITERIA}
    for (meta,) in rows:
        scores = (orjson.loads(meta) if isinstance(meta, (str, bytes)) else meta)["judge"]["scores"]
        for c in CRITERIA:
            if str(scores.get(c)) in hist[c]:
                hist[c][str(scores[c])] += 1
    return hist


Judge.status_sections = {"judge": score_histogram}
