"""medcorpus decontaminate: remove training records that contain benchmark items."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from medcorpus.commands._common import (BatchOpt, JsonOpt, WorkersOpt, WorkspaceOpt, fail,
                                        open_workspace, print_summaries, options_problem,
                                        require_records)


def decontaminate(
    against: Annotated[list[Path], typer.Option("--against", "-a", help="Benchmark file (repeat for more): MedQA, MedMCQA, PubMedQA, CMExam/CMB shapes, anything ingest reads, or any table with --map.")],
    ngram: Annotated[int, typer.Option("--ngram", min=3, max=64, help="Word n-gram length.")] = 13,
    char_ngram: Annotated[int, typer.Option("--char-ngram", min=3, max=64, help="Character n-gram length for Chinese.")] = 13,
    action: Annotated[str, typer.Option("--action", help="remove | flag (keep, with meta.decontam).")] = "remove",
    map_: Annotated[Optional[list[str]], typer.Option("--map", help="FIELD=COLUMN for other shapes: question, options, id.")] = None,
    minhash: Annotated[bool, typer.Option("--minhash/--no-minhash", help="Also catch near copies (MinHash).")] = True,
    threshold: Annotated[float, typer.Option("--threshold", min=0.05, max=0.99, help="MinHash Jaccard for a near copy.")] = 0.6,
    workers: WorkersOpt = 1,
    batch_size: BatchOpt = 2000,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Remove (or flag) records that share a word 13-gram (character n-gram for Chinese) with a
    benchmark item's question and options, or are MinHash near copies of it. Incremental: new
    records are checked against every benchmark; a new benchmark file re-checks every record."""
    from pydantic import ValidationError

    from medcorpus.decontam.benchmarks import MAP_FIELDS, BenchmarkError
    from medcorpus.pipeline.io import InputError, parse_map
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.stages.decontaminate import Decontaminate, DecontamConfig

    problem = None
    try:
        mapping = parse_map(map_, MAP_FIELDS)
        config = DecontamConfig(against=[str(p) for p in against], map=mapping, ngram=ngram, char_ngram=char_ngram,
                                action=action, minhash=minhash, threshold=threshold)
        stage = Decontaminate(config)
        stage.fingerprint()  # missing files fail here, before the workspace opens
    except ValidationError as exc:
        problem = options_problem(exc, "--")
    except (InputError, FileNotFoundError) as exc:
        problem = str(exc)
    if problem:
        fail(problem)
    ws = open_workspace(workspace, json)
    try:
        require_records(ws)
        try:
            summary = run_stage(ws, stage, batch_size=batch_size, workers=workers)
        except BenchmarkError as exc:
            problem = str(exc)
        if problem:
            fail(problem)
    finally:
        ws.close()
    print_summaries(summary, json, "decontaminate")


def register(app: typer.Typer) -> None:
    app.command()(decontaminate)
