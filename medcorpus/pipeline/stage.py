"""The Stage protocol and the registry that finds stages by name (the core imports none)."""
from __future__ import annotations

import importlib
from typing import Any, ClassVar, Iterable, Iterator

import xxhash
from pydantic import BaseModel, ConfigDict

from medcorpus.schemas import Record, Rejected


class StageConfig(BaseModel):
    """Base for stage configs: unknown keys are an error naming the key."""

    model_config = ConfigDict(extra="forbid")


class Stage:
    """A transform stage: a pure function of a batch of records and a typed config.

    Subclasses set `name`, `version`, `config_model` and implement `process`. Every input
    record must come out as a Record (same id, possibly rewritten) or a Rejected (removed,
    with a reason). `setup` loads read-only resources once per worker. A *global* stage
    (dedup) overrides `run(ctx)` to see every pending record at once.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    config_model: ClassVar[type[StageConfig]] = StageConfig
    parallel: ClassVar[bool] = True  # safe to run in a process pool

    def __init__(self, config: StageConfig | dict | None = None):
        self.config = _as_config(self.config_model, config)

    def fingerprint(self) -> str:
        """Hash of name, version and config: a change makes every record pending again."""
        h = xxhash.xxh3_64()
        h.update(f"{self.name}\x1f{self.version}\x1f{self.config.model_dump_json()}".encode())
        return h.hexdigest()

    def setup(self) -> None:
        """Load models, dictionaries, ... (called once per worker before `process`)."""

    def process(self, batch: list[Record]) -> Iterable[Record | Rejected]:
        raise NotImplementedError

    def run(self, ctx: "Any") -> None:
        """Default driver: stream pending batches through `process` (see runner.StageContext)."""
        ctx.run_batches(self)

    def summary_extra(self) -> dict[str, Any]:
        """Stage-specific figures for the end-of-run summary (counts per filter, ...)."""
        return {}


class Source:
    """A stage that adds records instead of transforming them (ingest, scrape, synth, self-instruct).

    Subclasses set `name` and `config_model` and implement `run(ws)`, which writes new records
    with `ws.add_records` (idempotent by id) and returns a RunSummary. Resumable: a re-run must
    redo no finished work. `medcorpus build` calls sources by name with a config from the
    pipeline file, exactly as their CLI command does.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    config_model: ClassVar[type[StageConfig]] = StageConfig

    def __init__(self, config: StageConfig | dict | None = None):
        self.config = _as_config(self.config_model, config)

    def run(self, ws: Any) -> Any:
        raise NotImplementedError


def _as_config(model: type[StageConfig], config: StageConfig | dict | None) -> StageConfig:
    if config is None:
        return model()
    return model(**config) if isinstance(config, dict) else config


_REGISTRY: dict[str, type] = {}


def register_stage(cls: type) -> type:
    """Class decorator for Stage and Source subclasses; the module must be medcorpus/stages/<name>.py."""
    _REGISTRY[cls.name] = cls
    return cls


class StageNotAvailable(LookupError):
    pass


def get_stage(name: str) -> type:
    """The stage class called `name`, importing `medcorpus.stages.<name>` on first use.

    `package.module:ClassName` names a user's own Stage or Source class (custom stages)."""
    if ":" in name:
        module_name, _, attr = name.partition(":")
        try:
            cls = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise StageNotAvailable(f"custom stage {name!r} cannot be imported: {exc}") from None
        if not (isinstance(cls, type) and issubclass(cls, (Stage, Source))):
            raise StageNotAvailable(f"custom stage {name!r} is not a Stage or Source subclass")
        return cls
    if name not in _REGISTRY:
        try:
            importlib.import_module(f"medcorpus.stages.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"medcorpus.stages.{name}":
                raise StageNotAvailable(f"stage {name!r} is not available in this version of medcorpus") from None
            raise StageNotAvailable(f"stage {name!r} needs a package that is not installed: {exc.name} "
                                    f"(install medcorpus with the matching extra)") from exc
    if name not in _REGISTRY:
        raise StageNotAvailable(f"stage {name!r} is not available in this version of medcorpus")
    return _REGISTRY[name]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
