"""The LLM judge of `medcorpus eval`: a rubric score per answer, and pairwise comparisons of two
models' answers to the same prompt, each asked in both orders to cancel position bias (HuatuoGPT's
method). The prompts are editable files (`medcorpus/prompts/judge_score.*.txt`,
`judge_pairwise.*.txt`); replies go through the LLM client (cache, retries, limits, budget)."""
from __future__ import annotations

import asyncio
import re
from itertools import combinations
from typing import Any

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
ROLE_NAMES = {"system": "System", "user": "Patient", "assistant": "Doctor"}


def _lang(text: str) -> str:
    return "zh" if len(_CJK.findall(text)) * 4 > len(text) else "en"


def render_conversation(messages: list[dict]) -> str:
    return "\n".join(f"{ROLE_NAMES.get(m['role'], m['role'])}: {m['content']}" for m in messages if m["content"])


def _score(obj: Any) -> dict:
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    try:
        score = float(obj.get("score"))
    except (TypeError, ValueError):
        raise ValueError("no numeric 'score'") from None
    if not 1 <= score <= 10:
        raise ValueError(f"score {score} outside 1..10")
    return {"score": score, "reason": str(obj.get("reason", ""))[:500]}


def _verdict(obj: Any) -> dict:
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    winner = str(obj.get("winner", "")).strip().upper()
    if winner not in ("A", "B", "TIE"):
        raise ValueError(f"winner must be A, B or tie, got {obj.get('winner')!r}")
    return {"winner": winner.lower() if winner == "TIE" else winner, "reason": str(obj.get("reason", ""))[:500]}


def combine(first: str | None, second: str | None) -> str:
    """One outcome for model X vs Y from the two orders: `first` is the verdict with X shown as A,
    `second` with X shown as B. Returns 'win', 'loss' or 'tie' (for X); an invalid verdict counts as tie."""
    points = {"A": 1, "B": -1}.get(first or "", 0) + {"B": 1, "A": -1}.get(second or "", 0)
    return "win" if points > 0 else "loss" if points < 0 else "tie"


async def _judge_all(kinds: list[str], prompts: list[dict], results: list[dict], client: Any) -> dict[str, Any]:
    from medcorpus.llm.client import InvalidReply, LLMError, bounded_map
    from medcorpus.llm.prompts import load_prompt

    jobs: list[tuple[str, tuple, list[dict], Any]] = []
    for i, p in enumerate(prompts):
        convo = render_conversation(p["messages"])
        lang = _lang(convo)
        if "score" in kinds:
            tmpl = load_prompt("judge_score", lang)
            for m, r in enumerate(results):
                jobs.append(("score", (i, m), tmpl.render(conversation=convo, reference=p["reference"],
                                                          answer=r["answers"][i]), _score))
        if "pairwise" in kinds:
            tmpl = load_prompt("judge_pairwise", lang)
            for x, y in combinations(range(len(results)), 2):
                ax, ay = results[x]["answers"][i], results[y]["answers"][i]
                jobs.append(("pair", (i, x, y, 0), tmpl.render(conversation=convo, answer_a=ax, answer_b=ay), _verdict))
                jobs.append(("pair", (i, x, y, 1), tmpl.render(conversation=convo, answer_a=ay, answer_b=ax), _verdict))

    async def ask(job):
        kind, key, messages, validate = job
        return await client.chat_json(messages, validate, temperature=0.0)

    replies: dict[tuple, Any] = {}
    async for job, res in bounded_map(jobs, ask, client.config.concurrency):
        if isinstance(res, (InvalidReply, LLMError)):
            replies[(job[0], job[1])] = {"error": getattr(res, "reason", None) or str(res)}
        elif isinstance(res, BaseException):
            raise res
        else:
            replies[(job[0], job[1])] = res
    await client.aclose()
    out: dict[str, Any] = {}
    labels = [r["label"] for r in results]
    if "score" in kinds:
        each = {labels[m]: [replies[("score", (i, m))] for i in range(len(prompts))] for m in range(len(results))}
        means = {}
        for label, items in each.items():
            vals = [x["score"] for x in items if "score" in x]
            means[label] = round(sum(vals) / len(vals), 3) if vals else None
        out["score"] = {"mean_by_model": means, "each": each,
                        "invalid": sum(1 for items in each.values() for x in items if "error" in x)}
    if "pairwise" in kinds:
        pairs = []
        for x, y in combinations(range(len(results)), 2):
            counts = {"win": 0, "tie": 0, "loss": 0}
            details, inconsistent = [], 0
            for i in range(len(prompts)):
                v1, v2 = replies[("pair", (i, x, y, 0))], replies[("pair", (i, x, y, 1))]
                w1, w2 = v1.get("winner"), v2.get("winner")
                outcome = combine(w1, w2)
                counts[outcome] += 1
                if {w1, w2} == {"A"} or {w1, w2} == {"B"}:
                    inconsistent += 1  # the same position won both times: position bias
                details.append({"prompt": i, "outcome": outcome, "x_first": v1, "y_first": v2})
            pairs.append({"model": labels[x], "versus": labels[y], **counts, "position_bias": inconsistent,
                          "details": details})
        out["pairwise"] = pairs
    out["llm"] = client.stats()
    return out


def run_judge(kinds: list[str], prompts: list[dict], results: list[dict], llm_config: Any = None,
              ws: Any = None) -> dict[str, Any]:
    """Judge every answer (score) and every pair of models (pairwise); `ws` caches replies."""
    from medcorpus.llm.client import LLMClient
    from medcorpus.llm.config import LLMConfig

    client = LLMClient(ws, llm_config or LLMConfig(temperature=0.0, max_tokens=200))
    try:
        return asyncio.run(_judge_all(kinds, prompts, results, client))
    finally:
        if ws is not None:  # the client keeps new replies until its caller commits them
            with ws.transaction():
                client.flush_writes()
