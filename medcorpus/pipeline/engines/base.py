"""The engine interface: a stage class, its config and batches of rows in; (rows, Outcome) out."""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Protocol

from medcorpus.pipeline.outcome import Outcome

if TYPE_CHECKING:
    from medcorpus.pipeline.stage import Stage, StageConfig


class Engine(Protocol):
    name: str

    def map_batches(self, stage_cls: type["Stage"], config: "StageConfig", batches: Iterable[list[dict]], *,
                    workers: int, scratch: Path) -> Iterator[tuple[list[dict], Outcome]]:
        """Construct stage_cls(config) and call setup() once per worker (`outcome.start_stage`),
        run `process_rows` on every batch, yield (input rows, outcome) per batch (any order).
        `scratch` is a workspace folder the engine may use for snapshots."""
        ...

    def describe(self) -> dict[str, Any]:
        """For the run summary: engine, cpus, workers/actors."""
        ...

    def close(self) -> None:
        ...


ENGINES = {"local": "medcorpus.pipeline.engines.local:LocalEngine",
           "ray": "medcorpus.pipeline.engines.ray:RayEngine"}


class EngineNotAvailable(RuntimeError):
    pass


def get_engine(kind: str = "local", **options: Any) -> Engine:
    """The engine called `kind` ("local" or "ray"); "ray" is imported only when asked for."""
    if kind not in ENGINES:
        raise ValueError(f"unknown engine {kind!r}; engines are: {', '.join(ENGINES)}")
    module_name, _, cls_name = ENGINES[kind].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if kind == "ray" and exc.name and (exc.name == "ray" or exc.name.startswith("ray.")
                                           or exc.name == module_name):
            raise EngineNotAvailable("the ray engine needs Ray: pip install 'medcorpus[ray]'") from None
        raise
    return getattr(module, cls_name)(**options)
