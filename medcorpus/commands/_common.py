"""Options and output helpers shared by every command."""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator, NoReturn, Optional

import orjson
import typer
from rich.markup import escape
from rich.table import Table

from medcorpus.pipeline.progress import console, set_quiet
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace

WorkspaceOpt = Annotated[Optional[Path], typer.Option(
    "--workspace", "-w", envvar="MEDCORPUS_WORKSPACE", show_envvar=True,
    help="Workspace directory (created on first use). [default: ./medcorpus-ws]")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a machine-readable JSON summary on stdout.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-j", min=1, help="Worker processes.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Records per batch.")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="Process at most this many records.")]


class EngineKind(str, Enum):
    local = "local"
    ray = "ray"


EngineOpt = Annotated[EngineKind, typer.Option(
    "--engine", envvar="MEDCORPUS_ENGINE", show_envvar=True,
    help="Where batches run: local (processes on this machine) or ray (a Ray cluster; needs medcorpus\\[ray]).")]
RayAddressOpt = Annotated[Optional[str], typer.Option(
    "--ray-address", envvar="RAY_ADDRESS", show_envvar=True,
    help="With --engine ray: the cluster to join (auto, host:6379, ray://host:10001); none starts a local one.")]


@contextmanager
def engine_for(kind: EngineKind | str, address: str | None = None, **options: Any) -> Iterator[Any]:
    """The engine a command runs its stage on, closed afterwards; a missing extra is one clear error."""
    from medcorpus.pipeline.engines import get_engine
    from medcorpus.pipeline.engines.base import EngineNotAvailable

    kind = getattr(kind, "value", kind)
    if kind == "ray" and address:
        options["address"] = address
    try:
        engine = get_engine(kind, **options)
    except EngineNotAvailable as exc:
        fail(escape(str(exc)))  # the message names medcorpus[ray]: not rich markup
    try:
        yield engine
    finally:
        engine.close()


def open_workspace(path: Path | None, json_mode: bool = False) -> Workspace:
    set_quiet(json_mode)
    try:
        return Workspace(path)
    except Exception as exc:  # locked by another process, unreadable file, ...
        fail(f"cannot open workspace {path or './medcorpus-ws'}: {exc}")


def fail(message: str, code: int = 1) -> NoReturn:
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def emit_json(obj: Any) -> None:
    typer.echo(orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2).decode())


def print_summaries(summaries: RunSummary | Iterable[RunSummary], json_mode: bool, title: str = "summary") -> None:
    """One line per stage: in, out, rejected, skipped, seconds, rate; extras below."""
    items = [summaries] if isinstance(summaries, RunSummary) else list(summaries)
    if json_mode:
        emit_json([s.model_dump() for s in items] if len(items) != 1 else items[0].model_dump())
        return
    table = Table(title=title, title_justify="left")
    for col in ("stage", "in", "out", "rejected", "skipped", "seconds", "rec/s"):
        table.add_column(col, justify="left" if col == "stage" else "right")
    for s in items:
        table.add_row(s.stage, f"{s.n_in:,}", f"{s.n_out:,}", f"{s.n_rejected:,}", f"{s.n_skipped:,}",
                      f"{s.seconds:.2f}", f"{s.rate:,.0f}")
    console.print(table)
    for s in items:
        if s.engine.get("engine", "local") != "local":
            console.print(f"  [dim]{s.stage}.engine[/]: {describe_engine(s.engine)}", highlight=False)
        for key, value in s.extra.items():
            if isinstance(value, (dict, list)):
                value = orjson.dumps(value, default=str).decode()
                if len(value) > 300:
                    value = value[:300] + "…"
            console.print(f"  [dim]{s.stage}.{key}[/]: {value}", highlight=False)


def describe_engine(info: dict[str, Any]) -> str:
    """`ray at local: 2 CPUs on 1 node, 2 actors` (what the summary says about where batches ran)."""
    if "cpus" not in info:
        return f"{info.get('engine')}: not started (nothing to run)"
    nodes = info.get("nodes")
    where = f"{info.get('cpus', '?')} CPUs" + (f" on {nodes} node{'s' if nodes != 1 else ''}" if nodes else "")
    return f"{info.get('engine')} at {info.get('address', 'local')}: {where}, {info.get('actors', 0)} actors"
