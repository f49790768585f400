"""The CLI flags of every LLM command, generated from `LLMConfig`'s fields (declared once, there).

    @llm_options()
    def cmd(limit: int = 3, workspace: WorkspaceOpt = None, *, llm: LLMConfig) -> None: ...

adds one flag per field (--base-url, --model, --concurrency/-c, ..., --cache/--no-cache, --structured)
to the command's signature, and calls it with `llm=` the LLMConfig those flags make. `defaults`
overrides a field's default for one command.
"""
from __future__ import annotations

import functools
import inspect
import types
import typing
from typing import Annotated, Any, Callable, Optional

import typer
from pydantic import ValidationError

from medcorpus.llm.config import LLMConfig

PANEL = "LLM endpoint"
ALIASES = {"concurrency": ["-c"], "price_input": ["--price-in"], "price_output": ["--price-out"]}
ENVVARS = {"model": "MEDCORPUS_LLM_MODEL"}


def _plain_type(annotation: Any) -> Any:
    """int | None -> Optional[int]; Literal[...] -> str (pydantic checks the value)."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return Optional[_plain_type(inner)]
    if typing.get_origin(annotation) is typing.Literal:
        return str
    return annotation


def _option(name: str, field: Any, default: Any) -> inspect.Parameter:
    flag = "--" + name.replace("_", "-")
    decls = [f"{flag}/--no-{name.replace('_', '-')}" if field.annotation is bool and default is True else flag]
    decls += ALIASES.get(name, [])
    help_ = field.description or ""
    if typing.get_origin(field.annotation) is typing.Literal:
        help_ += f" [{'|'.join(typing.get_args(field.annotation))}]"
    option = typer.Option(*decls, help=help_, rich_help_panel=PANEL, envvar=ENVVARS.get(name),
                          show_envvar=name in ENVVARS)
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[_plain_type(field.annotation), option])


def llm_options(**defaults: Any) -> Callable[[Callable], Callable]:
    fields = LLMConfig.model_fields

    def decorate(fn: Callable) -> Callable:
        sig = inspect.signature(fn)
        hints = typing.get_type_hints(fn, include_extras=True)
        own = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in sig.parameters.values()
               if p.name != "llm"]
        added = [_option(name, f, defaults.get(name, f.default)) for name, f in fields.items()]

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in fields if name in kwargs}
            try:
                kwargs["llm"] = LLMConfig(**values)
            except ValidationError as exc:
                err = exc.errors()[0]
                raise typer.BadParameter(f"--{str(err['loc'][0]).replace('_', '-')}: {err['msg']}") from None
            return fn(*args, **kwargs)

        wrapper.__signature__ = sig.replace(parameters=own + added)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in own + added}
        del wrapper.__wrapped__  # typer reads the signature above, not the wrapped function's
        return wrapper

    return decorate


def field_option(name: str, *decls: str) -> Any:
    """One LLMConfig field as an Annotated CLI option, for a command that takes only some of them."""
    field = LLMConfig.model_fields[name]
    return Annotated[_plain_type(field.annotation), typer.Option(*(decls or ("--" + name.replace("_", "-"),)),
                                                                 help=field.description, rich_help_panel=PANEL)]


BaseUrlOpt = field_option("base_url")
ConcurrencyOpt = field_option("concurrency", "--concurrency", "-c")
TimeoutOpt = field_option("timeout")
MaxCostOpt = field_option("max_cost")
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read replies from the workspace cache.",
                                          rich_help_panel=PANEL)]
