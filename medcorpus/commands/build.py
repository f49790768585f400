"""build and report."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from medcorpus.commands._common import (EngineKind, JsonOpt, RayAddressOpt, WorkspaceOpt, emit_json, fail, open_workspace,
                                        print_summaries)
from medcorpus.pipeline.progress import console, set_quiet


def build(
    pipeline: Annotated[Optional[Path], typer.Argument(help="Pipeline file (TOML or YAML).")] = None,
    init: Annotated[bool, typer.Option("--init", help="Write a commented example pipeline file and exit.")] = False,
    then_train: Annotated[bool, typer.Option("--then-train", help="Train on the exported version afterwards ([train] section).")] = False,
    only: Annotated[Optional[str], typer.Option("--only", help="Run only this step (a step's `use`, or export/report/train).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the steps and pending work; run nothing.")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="With --then-train: the model to fine-tune (overrides [train] model).")] = None,
    engine: Annotated[Optional[EngineKind], typer.Option(
        "--engine", envvar="MEDCORPUS_ENGINE", show_envvar=True,
        help="Where batches run: local or ray (overrides the file's \\[engine] kind; ray needs medcorpus\\[ray]).")] = None,
    ray_address: RayAddressOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Run a pipeline file: its steps in order, incrementally (a re-run does only new work),
    then a new export version (exports/v0001, ...) with a manifest, and the HTML report."""
    from medcorpus.build import EXAMPLE, build as run_build, plan
    from medcorpus.pipeline.config import PipelineError, load_pipeline
    from medcorpus.pipeline.engines.base import EngineNotAvailable

    set_quiet(json)
    if init:
        target = pipeline or Path("medcorpus.toml")
        if target.exists():
            fail(f"{target} exists; not overwriting it")
        target.write_text(EXAMPLE)
        console.print(f"wrote {target}: edit it, then run `medcorpus build {target}`")
        return
    if pipeline is None:
        fail("give a pipeline file (or --init to write an example)")
    try:
        if dry_run:
            pipe = load_pipeline(pipeline)
            ws = open_workspace(workspace or (pipe.resolve(pipe.workspace) if pipe.workspace else None), json, create=True)
            try:
                steps = plan(ws, pipe, pipeline)
            finally:
                ws.close()
            if json:
                emit_json(steps)
                return
            t = Table(title=f"plan for {pipeline}", title_justify="left")
            for col in ("step", "kind", "pending", "note"):
                t.add_column(col)
            for s in steps:
                note = "new stage" if s.get("new_stage") else ("settings changed: reprocesses all" if s.get("config_changed") else "")
                t.add_row(s["use"], s["kind"], f"{s['pending']:,}" if "pending" in s else "", note)
            console.print(t)
            return
        overrides = {k: v for k, v in (("kind", engine.value if engine else None), ("address", ray_address)) if v}
        result = run_build(pipeline, workspace, only, then_train, {"model": model} if model else None, overrides)
    except (PipelineError, EngineNotAvailable) as exc:
        fail(str(exc))
    if json:
        emit_json(result.model_dump())
        return
    print_summaries(result.steps, False, f"build {pipeline}")
    exp = result.export
    if exp.get("unchanged"):
        console.print(f"export: unchanged, still {exp['version']} ({exp['records']:,} records)")
    elif exp:
        console.print(f"export: [bold]{exp['version']}[/] — {exp['records']:,} records "
                      f"(+{exp['added']:,} added, -{exp['removed']:,} removed, {exp['changed']:,} changed)")
    for note in result.skipped:
        console.print(f"[yellow]skipped:[/] {note}", highlight=False)
    if not result.did_work:
        console.print("[green]nothing new:[/] no stage had work to do")
    if result.report:
        console.print(f"report: {result.report}")
    for upto, done in (result.purge or {}).items():
        console.print(f"purged: raw text of {done['records']:,} record(s) ahead of `{upto}` "
                      f"({done['rows_emptied']:,} rows emptied; set retain_raw = true on the step to keep it)",
                      highlight=False)
    if result.train:
        console.print(f"trained: {result.train}")
    if result.eval:
        from medcorpus.commands.eval import print_table

        print_table(result.eval)
    console.print(f"build finished in {result.seconds:.1f} s")


def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html"),
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "medcorpus",
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """One self-contained HTML page: turn lengths, language/kind mix, PII, duplicates, rejects,
    synthetic share — plots and the numbers behind them."""
    from medcorpus.report import collect, write_report

    ws = open_workspace(workspace, json)
    try:
        if json:
            data = collect(ws)
            data["turn_chars_by_source"] = {k: len(v) for k, v in data["turn_chars_by_source"].items()}
            emit_json(data)
            return
        try:
            path = write_report(ws, out, title)
        except ImportError as exc:
            fail(f"the report needs matplotlib ({exc}); install medcorpus[report]")
    finally:
        ws.close()
    console.print(f"report written: {path}")


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(report)
