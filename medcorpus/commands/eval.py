"""medcorpus eval: compare models on an export's held-out split (loss, ROUGE-L, faithfulness, LLM judge)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail
from medcorpus.llm.options import BaseUrlOpt, ConcurrencyOpt, MaxCostOpt, NoCacheOpt, TimeoutOpt
from medcorpus.pipeline.progress import console, set_quiet

EVAL_KEY = "eval:latest"  # workspace key the report reads


def eval_cmd(
    model: Annotated[list[str], typer.Option("--model", "-m", help="Model to evaluate (repeat): a checkpoint, a LoRA run directory or a merged model.")],
    data: Annotated[Path, typer.Option("--data", "-d", help="Export directory (DIR/data/<split>-*).")],
    split: Annotated[str, typer.Option("--split", help="Split to evaluate on.")] = "test",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Held-out prompts to generate answers for.")] = 50,
    max_new_tokens: Annotated[int, typer.Option("--max-new-tokens", min=1, help="Tokens per generated answer.")] = 128,
    max_length: Annotated[int, typer.Option("--max-length", min=16, help="Tokens per conversation for the loss (as in training).")] = 512,
    template: Annotated[Optional[str], typer.Option("--template", help="Template for every model [default: the one the trained model used].")] = None,
    judge: Annotated[Optional[list[str]], typer.Option("--judge", help="LLM judge: score (rubric) and/or pairwise (both orders).")] = None,
    judge_model: Annotated[Optional[str], typer.Option("--judge-model", envvar="MEDCORPUS_LLM_MODEL", help="Model name of the judge endpoint.")] = None,
    base_url: BaseUrlOpt = None,
    concurrency: ConcurrencyOpt = 4,
    timeout: TimeoutOpt = 120.0,
    max_cost: MaxCostOpt = None,
    no_cache: NoCacheOpt = False,
    diseases: Annotated[Optional[Path], typer.Option("--diseases", help="Disease DB CSV for the faithfulness checks [default: the bundled sample].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the full result (answers, judge reasons) as JSON here.")] = None,
    threads: Annotated[Optional[int], typer.Option("--threads", min=1, help="torch CPU threads.")] = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Compare models side by side on held-out conversations: loss and perplexity on the doctor turns
    (masked as in training), ROUGE-L of generated answers, faithfulness to the disease DB, and an
    LLM judge (--judge score, --judge pairwise). With --workspace the table goes into the report."""
    set_quiet(json)
    from pydantic import ValidationError

    from medcorpus.training.data import DataError
    from medcorpus.training.eval import EvalConfig, evaluate, summary_table
    from medcorpus.training.templates import TemplateError
    from medcorpus.training.train import TrainError

    problem = None
    try:
        config = EvalConfig(models=model, data=data, split=split, limit=limit, max_new_tokens=max_new_tokens,
                            max_length=max_length, template=template, judge=judge or [], diseases=diseases,
                            threads=threads)
    except ValidationError as exc:
        problem = "; ".join(f"--{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    if problem:
        fail(problem)
    llm = None
    if config.judge:
        from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig

        llm = LLMConfig(base_url=base_url, model=judge_model or DEFAULT_MODEL, concurrency=concurrency,
                        timeout=timeout, max_cost=max_cost, cache=not no_cache, temperature=0.0, max_tokens=200)
    ws = None
    if workspace is not None or config.judge:
        from medcorpus.commands._common import open_workspace

        ws = open_workspace(workspace, json, create=True)  # it stores the results: a new workspace is fine
    try:
        try:
            result = evaluate(config, llm, ws)
        except (DataError, TrainError, TemplateError) as exc:
            problem = str(exc)
        if problem:
            fail(problem)
        if ws is not None:
            ws.set(EVAL_KEY, compact(result))
    finally:
        if ws is not None:
            ws.close()
    if output:
        import orjson

        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    if json:
        emit_json({**compact(result), **({"output": str(output)} if output else {})})
        return
    print_table(compact(result))
    if output:
        console.print(f"full result: {output}")


def compact(result: dict) -> dict:
    """The result without per-prompt answers and judge details (what the workspace keeps)."""
    from medcorpus.training.eval import summary_table

    judge = result.get("judge") or {}
    pairs = [{k: v for k, v in p.items() if k != "details"} for p in judge.get("pairwise", [])]
    return {"data": result["data"], "split": result["split"], "template": result["template"],
            "conversations": result["conversations"], "prompts": len(result["prompts"]),
            "table": summary_table(result), "pairwise": pairs, "seconds": result["seconds"]}


def print_table(summary: dict) -> None:
    """The side-by-side table of a compact result (see `compact`)."""
    t = Table(title=f"eval on {summary['data']} ({summary['split']}: {summary['conversations']} conversations, "
                    f"{summary['prompts']} prompts)", title_justify="left")
    cols = ("model", "loss", "perplexity", "rouge_l", "names_disease", "names_test", "names_medication", "judge_score")
    for c in cols:
        t.add_column(c.replace("_", " "), justify="left" if c == "model" else "right")
    for row in summary["table"]:
        t.add_row(*("—" if row[c] is None else (f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]))
                    for c in cols))
    console.print(t)
    for p in summary.get("pairwise", []):
        console.print(f"pairwise {p['model']} vs {p['versus']}: {p['win']} win / {p['tie']} tie / {p['loss']} loss "
                      f"(same position won both orders: {p['position_bias']})")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
