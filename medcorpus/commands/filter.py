"""medcorpus filter: quality filters and repairs for consultation data."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import (BatchOpt, JsonOpt, LimitOpt, WorkersOpt, WorkspaceOpt, emit_json, fail,
                                        open_workspace, print_summaries)
from medcorpus.commands._common import EngineKind, EngineOpt, RayAddressOpt, engine_for
from medcorpus.pipeline.progress import console


def filter_cmd(
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML or YAML file: one table per filter "
                                                   "(\\[artefacts], \\[length], ...), at top level or under \\[filter].")] = None,
    only: Annotated[Optional[List[str]], typer.Option("--only", help="Run only these filters (repeat or comma-separate): "
                                                      "boilerplate, chrome, artefacts, placeholders, language, length, repetition.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print counts and examples; change nothing.")] = False,
    examples: Annotated[int, typer.Option("--examples", min=0, help="Examples per filter and kind in --dry-run.")] = 3,
    workers: WorkersOpt = 1,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    batch_size: BatchOpt = 2000,
    limit: LimitOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Repair and filter consultations: strip opening/closing formulas (boilerplate) and site upsell
    (chrome), drop sentences cut by anonymisation placeholders like "Chat Doctor" (artefacts), reject
    scrubbing leftovers (placeholders), too short/long turns (length), turns in another language
    (language) and repetitive answers (repetition). Counts per filter in the summary and in `status`."""
    from pydantic import ValidationError

    from medcorpus.pipeline.runner import run_stage
    from medcorpus.stages.filter import FilterStage, build_config, dry_run as run_dry

    try:
        cfg = build_config(config, only)
        stage = FilterStage(cfg)
        stage.setup()
    except (OSError, ValueError, ValidationError) as exc:
        fail(f"filter config: {exc}")
    if not cfg.enabled():
        fail("every filter is disabled; nothing to do")
    ws = open_workspace(workspace, json)
    try:
        if dry_run:
            result = run_dry(ws, stage, limit=limit, examples=examples, batch_size=batch_size)
        else:
            with engine_for(engine, ray_address) as eng:
                summary = run_stage(ws, stage, batch_size=batch_size, workers=workers, engine=eng, limit=limit)
    finally:
        ws.close()
    if dry_run:
        _print_dry(result, json)
        return
    if json:
        print_summaries(summary, json, "filter")
        return
    print_summaries(summary.model_copy(update={"extra": {}}), json, "filter")
    _print_counts(summary.extra)


def _print_counts(per_filter: dict) -> None:
    from rich.table import Table

    t = Table(title="per filter", title_justify="left")
    for col in ("filter", "touched", "repaired", "rejected", "details"):
        t.add_column(col, justify="left" if col in ("filter", "details") else "right")
    for name, c in per_filter.items():
        details = ", ".join(f"{k} {v:,}" for k, v in c.items() if k not in ("touched", "repaired", "rejected"))
        t.add_row(name, f"{c.get('touched', 0):,}", f"{c.get('repaired', 0):,}", f"{c.get('rejected', 0):,}", details)
    console.print(t)


def _print_dry(result: dict, json_mode: bool) -> None:
    if json_mode:
        emit_json(result)
        return
    console.print(f"[bold]dry run[/] (nothing written): {result['n_in']:,} records would be processed, "
                  f"{result['n_repaired']:,} repaired, {result['n_rejected']:,} rejected "
                  f"({result['seconds']:.2f} s)", highlight=False)
    _print_counts(result["filters"])
    for name, items in result["examples"].items():
        console.print(f"[bold]{name}[/]")
        for ex in items:
            console.print(f"  [dim]{ex['id']}[/] {ex['what']}: {ex['text']!r}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("filter")(filter_cmd)
