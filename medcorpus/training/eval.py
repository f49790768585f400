"""`medcorpus eval`: compare models (a base checkpoint, a LoRA output, a merged model) on an export's
held-out split.

Per model: loss and perplexity on the doctor turns, masked exactly as in training (the same
template, `encode` and truncation); answers generated for the first N conversations with ROUGE-L
against the reference answer (CJK characters are tokens, so Chinese is scored too); the synthesis
layer's faithfulness checks where the reference names a disease of the disease DB (does the answer
name the disease, one of its tests, one of its medications); and optionally the LLM judge (`score`:
a rubric; `pairwise`: every pair of models, each prompt judged in both orders). One JSON result.
"""
from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from medcorpus.training.data import DataError, IGNORE, SHARD_SUFFIXES, row_to_messages, trim_conversation


class EvalConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    models: list[str]
    data: Path
    split: str = "test"
    limit: int | None = Field(50, ge=1, description="Prompts to generate answers for.")
    loss_limit: int | None = Field(None, ge=1, description="Conversations for the loss (default: all).")
    max_length: int = Field(512, ge=16)
    max_new_tokens: int = Field(128, ge=1)
    template: str | None = None
    judge: list[Literal["score", "pairwise"]] = Field(default_factory=list)
    diseases: Path | None = None
    threads: int | None = Field(None, ge=1)
    labels: list[str] | None = None


def split_shards(data: Path, split: str) -> list[Path]:
    """The shards of one split of an export (`DIR/data/<split>-*`), or the file itself."""
    data = Path(data)
    if data.is_file():
        return [data]
    for folder in (data / "data", data):
        found = sorted(f for f in folder.glob(f"{split}-*") if f.name.endswith(SHARD_SUFFIXES)) if folder.is_dir() else []
        if found:
            return found
    raise DataError(f"no {split!r} split in {data}: expected {data}/data/{split}-*.parquet|jsonl "
                    f"(`medcorpus export --holdout` writes data/test-*)")


def load_split(data: Path, split: str) -> list[tuple[str, list[dict], dict]]:
    """(where, messages, row) for every row of the split that has an answer to learn."""
    from medcorpus.pipeline.io import BadInput, InputError, iter_records

    out = []
    for shard in split_shards(data, split):
        try:
            for i, row in iter_records(shard):
                if isinstance(row, BadInput):
                    raise DataError(f"{shard}:{i}: {row.reason}")
                messages = trim_conversation(row_to_messages(row, f"{shard}:{i}"))
                if messages:
                    out.append((f"{shard}:{i}", messages, row))
        except InputError as exc:
            raise DataError(str(exc)) from exc
    if not out:
        raise DataError(f"the {split!r} split of {data} has no conversation with an answer")
    return out


# ---------------------------------------------------------------- loss
def masked_loss(model: Any, examples: list, pad_id: int, max_tokens: int = 4096) -> tuple[float, int]:
    """(mean NLL per learned token, learned tokens): summed over examples batched by length."""
    import torch

    total, count = 0.0, 0
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].input_ids))
    batch: list = []

    def flush() -> None:
        nonlocal total, count
        n = max(len(e.input_ids) for e in batch)
        ids = torch.tensor([e.input_ids + [pad_id] * (n - len(e.input_ids)) for e in batch])
        mask = torch.tensor([[1] * len(e.input_ids) + [0] * (n - len(e.input_ids)) for e in batch])
        labels = torch.tensor([e.labels + [IGNORE] * (n - len(e.labels)) for e in batch])
        with torch.no_grad():
            logits = model(input_ids=ids, attention_mask=mask, use_cache=False).logits.float()
        loss = torch.nn.functional.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]),
                                                 labels[:, 1:].reshape(-1), ignore_index=IGNORE, reduction="sum")
        total += float(loss)
        count += int((labels[:, 1:] != IGNORE).sum())

    for i in order:
        e = examples[i]
        if batch and (len(batch) + 1) * len(e.input_ids) > max_tokens:
            flush()
            batch = []
        batch.append(e)
    if batch:
        flush()
    return (total / count if count else float("nan")), count


# ---------------------------------------------------------------- ROUGE-L and faithfulness
class _Tokens:
    """rouge-score's tokenizer drops non-ASCII text; this one keeps CJK characters as tokens."""

    def tokenize(self, text: str) -> list[str]:
        from medcorpus.decontam.ngrams import normalise

        import re

        return re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+",
                          normalise(text).lower())


def rouge_l(predictions: list[str], references: list[str]) -> list[float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rougeL"], tokenizer=_Tokens())
    return [scorer.score(ref, pred)["rougeL"].fmeasure for pred, ref in zip(predictions, references)]


def load_disease_entries(path: Path | None) -> list[dict]:
    """Disease DB entries {name, tests, medications} from a CSV (default: the bundled sample)."""
    from medcorpus.knowledge.diseases import parse_list, resolve_columns
    from medcorpus.pipeline.io import BadInput, iter_records, table_columns

    path = Path(path) if path else Path(__file__).resolve().parents[1] / "data" / "sample" / "disease_db_sample.csv"
    cols = resolve_columns(table_columns(path) or [])
    out = []
    for _, row in iter_records(path):
        if isinstance(row, BadInput) or not row.get(cols.get("name", "")):
            continue
        out.append({"name": str(row[cols["name"]]).strip(),
                    "tests": parse_list(row.get(cols.get("tests", "")), "tests") if "tests" in cols else [],
                    "medications": parse_list(row.get(cols.get("medications", "")), "medications")
                    if "medications" in cols else []})
    return out


def disease_of(reference: str, entries: list[dict]) -> dict | None:
    """The disease-DB entry the reference answer names (the longest name when several do)."""
    from medcorpus.llm.faithful import mentions

    named = [e for e in entries if mentions(reference, e["name"])]
    return max(named, key=lambda e: len(e["name"])) if named else None


def faithfulness(answer: str, entry: dict) -> dict[str, bool]:
    from medcorpus.llm.faithful import mentions, mentions_any

    return {"disease": mentions(answer, entry["name"]),
            "test": bool(mentions_any(answer, entry["tests"])) if entry["tests"] else None,
            "medication": bool(mentions_any(answer, entry["medications"])) if entry["medications"] else None}


def _rate(values: list[bool | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 4) if vals else None


# ---------------------------------------------------------------- one model
def model_label(path: str) -> str:
    from medcorpus.training.train import read_meta

    p = Path(path)
    meta = read_meta(p) if p.is_dir() else {}
    kind = meta.get("method") or ("lora" if (p / "adapter_config.json").exists() else "base")
    return f"{p.name} ({kind})"


def evaluate_model(path: str, convs: list[tuple[str, list[dict], dict]], config: EvalConfig, template_name: str,
                   entries: list[dict]) -> dict[str, Any]:
    from medcorpus.pipeline.progress import progress_bar
    from medcorpus.training.chat import load_chat_model
    from medcorpus.training.data import encode

    started = time.perf_counter()
    cm = load_chat_model(Path(path), template_name)
    loss_convs = [(w, m) for w, m, _ in convs[:config.loss_limit or len(convs)]]
    examples, stats = encode(loss_convs, cm.template, config.max_length)
    loss, tokens = masked_loss(cm.model, examples, cm.tokenizer.pad_token_id)
    gen_convs = convs[:config.limit or len(convs)]
    answers, references = [], []
    with progress_bar(f"eval: generate ({Path(path).name})", total=len(gen_convs)) as advance:
        for _, messages, _ in gen_convs:
            references.append(messages[-1]["content"])
            answers.append(cm.reply(messages[:-1], max_new_tokens=config.max_new_tokens))
            advance(1)
    rouge = rouge_l(answers, references)
    faith = []
    for ans, ref in zip(answers, references):
        entry = disease_of(ref, entries) if entries else None
        if entry:
            faith.append(faithfulness(ans, entry))
    return {
        "model": str(path), "label": model_label(path), "template": cm.template.name,
        "loss": round(loss, 4), "perplexity": round(math.exp(loss), 3) if loss == loss and loss < 50 else None,
        "loss_examples": len(examples), "loss_tokens": tokens, "truncated": stats.truncated_context + stats.truncated_answer,
        "prompts": len(answers), "rouge_l": round(sum(rouge) / len(rouge), 4) if rouge else None,
        "faithfulness": {"prompts": len(faith), "names_disease": _rate([f["disease"] for f in faith]),
                         "names_test": _rate([f["test"] for f in faith]),
                         "names_medication": _rate([f["medication"] for f in faith])},
        "answers": answers, "rouge_l_each": [round(x, 4) for x in rouge],
        "seconds": round(time.perf_counter() - started, 2),
    }


def choose_template(models: list[str], override: str | None) -> str:
    """One template for every model (a fair comparison): the override, else the one the first
    trained model was trained with, else the tokenizer's own."""
    from medcorpus.training.train import read_meta

    if override:
        return override
    for m in models:
        meta = read_meta(Path(m)) if Path(m).is_dir() else {}
        if meta.get("template"):
            return meta["template"]
    return "auto"


def evaluate(config: EvalConfig, llm: Any = None, ws: Any = None) -> dict[str, Any]:
    """Every model on the split; the judge (if asked) through the LLM layer. Returns the result JSON."""
    from medcorpus.training.train import quiet_transformers

    started = time.perf_counter()
    quiet_transformers()
    if config.threads:
        import torch

        torch.set_num_threads(config.threads)
    convs = load_split(config.data, config.split)
    template = choose_template(config.models, config.template)
    entries = load_disease_entries(config.diseases)
    results = [evaluate_model(m, convs, config, template, entries) for m in config.models]
    if config.labels:
        for r, label in zip(results, config.labels):
            r["label"] = label
    gen = convs[:config.limit or len(convs)]
    prompts = [{"where": w, "messages": m[:-1], "reference": m[-1]["content"],
                "id": row.get("id"), "source": row.get("source")} for w, m, row in gen]
    out: dict[str, Any] = {"data": str(config.data), "split": config.split, "template": template,
                           "conversations": len(convs), "models": results, "prompts": prompts}
    if config.judge:
        from medcorpus.training.eval_judge import run_judge

        out["judge"] = run_judge(config.judge, prompts, results, llm, ws)
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out


def summary_table(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per model: the figures the report and the CLI show side by side."""
    rows = []
    judge = result.get("judge") or {}
    scores = (judge.get("score") or {}).get("mean_by_model", {})
    for r in result["models"]:
        f = r["faithfulness"]
        rows.append({"model": r["label"], "loss": r["loss"], "perplexity": r["perplexity"], "rouge_l": r["rouge_l"],
                     "names_disease": f["names_disease"], "names_test": f["names_test"],
                     "names_medication": f["names_medication"], "judge_score": scores.get(r["label"])})
    return rows
