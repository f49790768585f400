"""medcorpus grammar: spelling and grammar correction (LanguageTool or offline Harper)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import (BatchOpt, JsonOpt, LimitOpt, WorkersOpt, WorkspaceOpt, fail,
                                        open_workspace, print_summaries)
from medcorpus.commands._common import EngineKind, EngineOpt, RayAddressOpt, engine_for
from medcorpus.pipeline.progress import console


def grammar(
    backend: Annotated[str, typer.Option("--backend", "-b", help="auto (LanguageTool when a server answers, else Harper) | languagetool | harper")] = "auto",
    languagetool_url: Annotated[Optional[str], typer.Option("--languagetool-url", envvar="MEDCORPUS_LANGUAGETOOL_URL",
                                help="A LanguageTool server, e.g. http://localhost:8010 (a self-hosted container). "
                                     "Without it, --backend languagetool starts the local server language_tool_python manages (Java).")] = None,
    roles: Annotated[str, typer.Option("--roles", help="Comma-separated turn roles to correct.")] = "doctor",
    lang: Annotated[str, typer.Option("--lang", help="Correct records in this language; others (Chinese) pass through unchanged.")] = "en",
    vocab: Annotated[Optional[List[Path]], typer.Option("--vocab", help="Protected words: a disease-DB CSV (format_dataset.csv) or a word list (one a line). Repeatable.")] = None,
    hunspell: Annotated[str, typer.Option("--hunspell", help="Medical Hunspell .dic: 'auto' (Debian's hunspell-en-med), a path, or 'none'.")] = "auto",
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, help="LanguageTool requests in flight.")] = 8,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="LanguageTool request timeout (seconds).")] = 10.0,
    categories: Annotated[str, typer.Option("--lt-categories", help="LanguageTool categories applied.")] = "TYPOS,GRAMMAR,CASING,PUNCTUATION",
    no_fixes: Annotated[bool, typer.Option("--no-fixes", help="Skip the deterministic fixes (spacing, lone i, capitals, final stop).")] = False,
    workers: WorkersOpt = 1,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    batch_size: BatchOpt = 500,
    limit: LimitOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Correct spelling and grammar of the chosen turns (doctor turns by default, as ChatDoctor did).
    Medical words (Debian's medical dictionary, the disease database, your lists) are never changed.
    The original text of every changed turn is kept in the workspace table grammar_audit."""
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.pipeline.stage import StageNotAvailable, get_stage

    if backend not in ("auto", "languagetool", "harper"):
        fail(f"--backend must be auto, languagetool or harper, not {backend!r}")
    for p in vocab or []:
        if not p.is_file():
            fail(f"--vocab file not found: {p}")
    if hunspell not in ("auto", "none") and not Path(hunspell).is_file():
        fail(f"--hunspell file not found: {hunspell}")
    config = {
        "backend": backend, "languagetool_url": languagetool_url,
        "roles": [r.strip() for r in roles.split(",") if r.strip()], "lang": lang,
        "vocab": [str(p) for p in vocab or []], "hunspell": "" if hunspell == "none" else hunspell,
        "lt_concurrency": concurrency, "lt_timeout": timeout,
        "lt_categories": [c.strip().upper() for c in categories.split(",") if c.strip()],
        "fixes": not no_fixes,
    }
    try:
        stage_cls = get_stage("grammar")
        if backend == "languagetool" and languagetool_url:
            from medcorpus.grammar.languagetool import probe

            why = probe(languagetool_url)
            if why:
                fail(f"no LanguageTool server answers at {languagetool_url}: {why} (use --backend auto or harper)")
        stage = stage_cls(config)
        stage.prepare()  # resolves `auto`, starts a local LanguageTool: errors here, before the run
    except StageNotAvailable as exc:
        fail(str(exc))
    except Exception as exc:  # Java missing, LanguageTool download impossible, bad vocabulary file, ...
        fail(f"cannot start the grammar backend: {exc}")
    ws = open_workspace(workspace, json)
    if not json:
        console.print(f"[bold]grammar[/] backend: {stage.backend_note}", highlight=False)
    try:
        with engine_for(engine, ray_address) as eng:
            summary = run_stage(ws, stage, batch_size=batch_size, workers=workers, engine=eng, limit=limit)
    finally:
        ws.close()
    print_summaries(summary, json, "grammar")


def register(app: typer.Typer) -> None:
    app.command()(grammar)
