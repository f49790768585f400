"""Command groups shared by several modules: `medcorpus kb ...` and `medcorpus synth ...`.

A module adds its subcommand with `kb_app.command("load-kg")(fn)` inside its own `register`.
"""
from __future__ import annotations

import typer

kb_app = typer.Typer(help="Load disease databases and knowledge graphs into the workspace.", no_args_is_help=True)
synth_app = typer.Typer(help="Generate data with an LLM on any OpenAI-compatible endpoint.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
    app.add_typer(synth_app, name="synth")
