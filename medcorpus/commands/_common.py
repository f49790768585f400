"""Options, output helpers and the one error path shared by every command."""
from __future__ import annotations

import functools
import inspect
import os
import typing
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Iterable, Iterator, NoReturn, Optional

import click
import orjson
import typer
from rich.markup import escape
from rich.table import Table

from medcorpus.pipeline.errors import describe
from medcorpus.pipeline.lock import holder_text
from medcorpus.pipeline.progress import console, set_quiet
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace

WorkspaceOpt = Annotated[Optional[Path], typer.Option(
    "--workspace", "-w", envvar="MEDCORPUS_WORKSPACE", show_envvar=True,
    help="Workspace directory (must exist, except for init, ingest, scrape, kb load-*, build and "
         "synth sources, which create it). [default: ./medcorpus-ws]")]
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
        fail(str(exc))
    try:
        yield engine
    finally:
        engine.close()


class Settings:
    """Per-invocation options every command gets: --debug and (with a workspace) --wait."""

    debug: bool = False
    wait: float = 0.0


def open_workspace(path: Path | None, json_mode: bool = False, create: bool = False) -> Workspace:
    """The workspace at `path` (or $MEDCORPUS_WORKSPACE, ./medcorpus-ws), locked for this command.

    Only commands that bring records (init, ingest, scrape, kb load-*, build, synth sources) pass
    `create`; for every other command a missing workspace is an error naming the path."""
    from medcorpus.pipeline.safety import open_workspace as open_safely

    set_quiet(json_mode)

    def waiting(info: dict) -> None:
        console.print(f"[yellow]waiting[/] up to {Settings.wait:g} s: the workspace is held by "
                      f"{holder_text(info)}", highlight=False)

    return open_safely(path, create=create, wait=Settings.wait, on_wait=waiting)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `error: message` (plain text: brackets in file names or option names are kept) and exit."""
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def options_problem(exc: Any, prefix: str = "") -> str:
    """One line naming each invalid option of a pydantic ValidationError (`prefix`: "--" for flags)."""
    return "; ".join(f"{prefix}{'.'.join(map(str, e['loc'])) or 'options'}: {e['msg']}" for e in exc.errors())


def require_records(ws: Workspace) -> None:
    """Fail with the next step to take when a transform command finds an empty workspace."""
    if ws.one("SELECT count(*) FROM records")[0] == 0:
        fail("the workspace has no records: run `medcorpus ingest` first")


def show_or_run(workspace: Path | None, json_mode: bool, name: str, stage: Any, show: Any = None, *,
                batch_size: int, workers: int, engine: EngineKind | str, ray_address: str | None) -> None:
    """A global stage's command: with `show` (a `(query(ws), print(found, json_mode))` pair) print what
    the workspace holds and stop (a LookupError is the one-line error); else run `stage` over the records
    on the chosen engine and print its summary."""
    from medcorpus.pipeline.runner import run_stage

    ws = open_workspace(workspace, json_mode)
    try:
        if show is not None:
            query, print_found = show
            try:
                found = query(ws)
            except LookupError as exc:
                fail(str(exc))
            print_found(found, json_mode)
            return
        require_records(ws)
        with engine_for(engine, ray_address) as eng:
            summary = run_stage(ws, stage, batch_size=batch_size, workers=workers, engine=eng)
    finally:
        ws.close()
    print_summaries(summary, json_mode, name)


def emit_json(obj: Any) -> None:
    typer.echo(orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode())


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
                value = orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()
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


# ---------------------------------------------------------------------- the one error path
def report_error(exc: BaseException) -> NoReturn:
    """Print `exc` as one line (its traceback too with --debug / MEDCORPUS_DEBUG=1) and exit."""
    message, code = describe(exc)
    if Settings.debug or os.environ.get("MEDCORPUS_DEBUG", "") not in ("", "0"):
        console.print_exception(show_locals=False)
    fail(message, code)


_DEBUG = inspect.Parameter("debug", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
    bool, typer.Option("--debug", envvar="MEDCORPUS_DEBUG", help="Show the traceback of an error.")])
_WAIT = inspect.Parameter("wait", inspect.Parameter.KEYWORD_ONLY, default=0.0, annotation=Annotated[
    float, typer.Option("--wait", envvar="MEDCORPUS_WAIT", min=0, metavar="SECONDS",
                        help="If another command holds the workspace, wait this long for it (default: fail at once).")])


def guarded(fn: Callable) -> Callable:
    """`fn` with --debug (and --wait if it takes a workspace) whose exceptions become one-line errors."""
    if getattr(fn, "__medcorpus_guarded__", False):
        return fn
    hints = typing.get_type_hints(fn, include_extras=True)
    sig = inspect.signature(fn)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in sig.parameters.values()]
    takes_workspace = "workspace" in sig.parameters
    extra = [_DEBUG] + ([_WAIT] if takes_workspace else [])
    extra = [p for p in extra if p.name not in sig.parameters]
    names = {p.name for p in extra}

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        Settings.debug = bool(kwargs.pop("debug", False)) if "debug" in names else False
        Settings.wait = float(kwargs.pop("wait", 0.0) or 0.0) if "wait" in names else 0.0
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - the one place every error is reported
            report_error(exc)

    wrapper.__signature__ = sig.replace(parameters=params + extra)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params + extra}
    wrapper.__medcorpus_guarded__ = True  # type: ignore[attr-defined]
    return wrapper


def guard_all(app: typer.Typer) -> None:
    """Route every command of `app` (and its groups) through `guarded`."""
    for info in app.registered_commands:
        if info.callback is not None:
            info.callback = guarded(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            guard_all(group.typer_instance)
