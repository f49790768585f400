"""`medcorpus judge`: grade records 1-5 with an LLM (accuracy, safety, helpfulness, language)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from medcorpus.commands._common import EngineKind, EngineOpt, JsonOpt, RayAddressOpt, WorkspaceOpt, fail
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.options import llm_options
from medcorpus.pipeline.progress import console


@llm_options(temperature=0.0)
def judge(
    min_score: Annotated[Optional[int], typer.Option("--min-score", min=1, max=5, help="Remove a record whose lowest "
                                                     "grade is below this (the grades go in the reason).")] = None,
    only: Annotated[str, typer.Option("--only", help="all | synthetic: grade every record or only synthetic ones.")] = "all",
    prompt_file: Annotated[Optional[Path], typer.Option("--prompt-file", help="Your rubric (same layout as "
                                                        "medcorpus/prompts/judge.en.txt) or a directory of them.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Records to grade in this run.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Records per committed batch.")] = 200,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
    *,
    llm: LLMConfig,
) -> None:
    """An LLM grades each record 1-5 on medical accuracy, safety, helpfulness and language, with a
    one-sentence rationale (meta.judge); --min-score removes the records graded below it."""
    from medcorpus.commands.synth import run_llm_stage
    from medcorpus.stages.judge import CRITERIA, Judge

    if only not in ("all", "synthetic"):
        fail(f"--only {only!r}: expected all or synthetic")
    stage = Judge({"llm": llm, "min_score": min_score, "only": only,
                   "prompt_file": str(prompt_file) if prompt_file else None})
    summary = run_llm_stage(stage, workspace, json, "judge", engine, ray_address, create=False,
                            batch_size=batch_size, limit=limit)
    scores = summary.extra.get("scores")
    if scores and not json:
        for c in CRITERIA:
            bars = "  ".join(f"{g}:{scores[c].get(str(g), 0)}" for g in range(1, 6))
            console.print(f"  {c:<12} {bars}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("judge")(judge)
