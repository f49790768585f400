"""medcorpus boilerplate: opening/closing/upsell formulas found by corpus frequency, and --show."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from medcorpus.commands._common import (BatchOpt, EngineKind, EngineOpt, JsonOpt, RayAddressOpt, WorkersOpt,
                                        WorkspaceOpt, emit_json, fail, options_problem, show_or_run)
from medcorpus.pipeline.progress import console


def boilerplate(
    min_patients: Annotated[int, typer.Option("--min-patients", min=2, help="A sentence is a formula once answers to this many different patients carry it at their start or end.")] = 100,
    edge: Annotated[int, typer.Option("--edge", min=1, max=5, help="How many first and last sentences of an answer are examined.")] = 3,
    only_formulas: Annotated[str, typer.Option("--only-formulas", help="An answer made only of formulas: reject | keep.")] = "reject",
    show: Annotated[bool, typer.Option("--show", help="List the formulas found (most widespread first) and exit.")] = False,
    workers: WorkersOpt = 1,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    batch_size: BatchOpt = 2000,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Remove formulas the corpus itself reveals: a sentence among the first or last ones of answers to
    many different patients, with no medical content, whatever its wording ("Hey there, glad you wrote
    to us."). Incremental: new records count with every record seen before, and earlier records are
    rewritten when a formula becomes (or stops being) frequent."""
    from pydantic import ValidationError

    from medcorpus.stages.boilerplate import Boilerplate, BoilerplateConfig, formulas

    problem = None
    try:
        config = BoilerplateConfig(min_patients=min_patients, edge=edge, only_formulas=only_formulas)
    except ValidationError as exc:
        problem = options_problem(exc)
    if problem:
        fail(problem)
    show_or_run(workspace, json, "boilerplate", Boilerplate(config),
                (lambda ws: formulas(ws, limit=200), _print_formulas) if show else None,
                batch_size=batch_size, workers=workers, engine=engine, ray_address=ray_address)


def _print_formulas(found: list[dict], json_mode: bool) -> None:
    if json_mode:
        emit_json(found)
        return
    t = Table(title=f"{len(found)} formula(s)", title_justify="left")
    t.add_column("patients", justify="right")
    t.add_column("wording (as first removed)", overflow="fold")
    for f in found:
        t.add_row(f"{f['patients']:,}", f["wording"] or "[dim](only in answers made of formulas)[/]")
    console.print(t)


def register(app: typer.Typer) -> None:
    app.command()(boilerplate)
