"""The `medcorpus` command: a Typer app whose subcommands live in `medcorpus.commands.*`.

Each module there defines `register(app)`; this file only finds and calls them, so a new
stage brings its own command without touching this file, and routes every command through
the shared error path (`commands._common.guard_all`).
"""
from __future__ import annotations

import importlib
import pkgutil

import typer

import medcorpus.commands as commands
from medcorpus.commands._common import guard_all

app = typer.Typer(
    name="medcorpus",
    help="Turn raw doctor-patient consultations, disease databases and medical knowledge graphs "
         "into clean SFT corpora, and train on them.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(app)
    guard_all(app)  # one error path: one-line messages, exit 1 (2 for usage), traceback with --debug


_register_all()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
