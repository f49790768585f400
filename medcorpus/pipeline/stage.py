"""The Stage protocol and the registry that finds stages by name (the core imports none)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Iterable, Iterator

import xxhash
from pydantic import BaseModel, ConfigDict

from medcorpus.pipeline.outcome import Outcome, Services, as_outcome, process_rows  # noqa: F401 (re-exported)
from medcorpus.schemas import Record, Rejected


class StageConfig(BaseModel):
    """Base for stage configs: unknown keys are an error naming the key. `path_fields` names
    the settings that are paths (a pipeline file's relative paths are resolved against it)."""

    model_config = ConfigDict(extra="forbid")
    path_fields: ClassVar[tuple[str, ...]] = ()


@dataclass(frozen=True)
class SideTable:
    """A table a stage fills through `Outcome.side_rows`. `columns` is its DDL column list; the
    committer fills `run_id`, `fingerprint` and `input_version` (from `record_id`) when the table
    has them and a row does not. Rows with the `key` of an incoming row are replaced (`on_conflict`
    "replace") or the incoming row is dropped ("ignore", for caches), so a re-run writes each once."""

    name: str
    columns: str
    key: tuple[str, ...]
    on_conflict: str = "replace"

    def column_names(self) -> list[str]:
        names, depth, cur = [], 0, ""
        for ch in self.columns + ",":
            if ch == "," and depth == 0:
                word = cur.split()[0]
                if word.upper() not in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"):
                    names.append(word)
                cur = ""
                continue
            depth += ch == "(" or -(ch == ")")
            cur += ch
        return names


class Stage:
    """A transform stage: a pure function of a batch of records and a typed config.

    Subclasses set `name`, `version`, `config_model` and implement `process`, which returns
    the batch's records (same ids, possibly rewritten; the very input object when unchanged) or
    Rejected (removed, with a reason), either as an iterable or as an `Outcome` carrying rows for
    the `side_tables` the stage declares and counters. `setup` loads read-only resources once per
    worker (never in `__init__`); `summary(counters)` turns the summed counters into the run
    summary. A *global* stage (dedup) is a `GlobalStage`: a parallel map phase plus a resolve step.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    config_model: ClassVar[type[StageConfig]] = StageConfig
    parallel: ClassVar[bool] = True  # safe to run in a process pool
    pool_min: ClassVar[int] = 0  # fewer pending records than this: no process pool (start-up costs)
    side_tables: ClassVar[tuple[SideTable, ...]] = ()
    snapshots: ClassVar[tuple[str, ...]] = ()  # side tables the runner snapshots for `services`
    # `medcorpus status` sections: name -> function(workspace) -> JSON-able value
    status_sections: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    def __init__(self, config: StageConfig | dict | None = None):
        self.config = _as_config(self.config_model, config)
        self.services = Services()

    def fingerprint(self) -> str:
        """Hash of name, version and config: a change makes every record pending again."""
        h = xxhash.xxh3_64()
        h.update(f"{self.name}\x1f{self.version}\x1f{self.config.model_dump_json()}".encode())
        return h.hexdigest()

    def prepare(self) -> None:
        """Once per run on the driver, before the fingerprint: resolve what the config leaves
        open (which grammar backend answers). May do I/O; `__init__` never does."""

    def setup(self) -> None:
        """Load models, dictionaries, ... (called once per worker before `process`)."""

    def teardown(self) -> None:
        """Release what `setup` started (servers, pools); called by the engine at the end."""

    def process(self, batch: list[Record]) -> Outcome | Iterable[Record | Rejected]:
        raise NotImplementedError

    def max_batch_size(self) -> int | None:
        """Records per batch at most (None: the runner's batch size); an LLM stage keeps its
        batches small, since each commits once its slowest request is back."""
        return None

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        """Stage-specific figures for the end-of-run summary from the summed counters."""
        return dict(counters)


class GlobalStage(Stage):
    """A stage that must see every pending record at once (dedup), in declared phases:

    - `map_phase`: a Stage class run by the engine over batches of pending rows projected to
      `map_columns()` (its `process_rows(rows)` returns an Outcome whose side rows carry what
      it computed, e.g. signatures) — pure and parallel;
    - `resolve(ctx, mapped)`: on the driver, with the workspace (indexes, clusters); returns a
      Resolution whose `outcome(rows)` gives each pending row's output and `extra_rows` the
      already-processed rows it re-opened. The runner commits those outcomes batch by batch.
    """

    map_phase: ClassVar[type[Stage]]
    map_batch_size: ClassVar[int] = 2000
    # resolve even when no record is pending: records that left the input can change earlier
    # decisions (a formula no longer frequent), which only `resolve` sees
    resolve_when_idle: ClassVar[bool] = False

    def map_columns(self) -> str:
        return "*"

    def resolve(self, ctx: Any, mapped: Iterable[tuple[list[dict], Outcome]]) -> "Resolution":
        raise NotImplementedError

    def process(self, batch: list[Record]) -> Outcome:
        raise NotImplementedError(f"{self.name} is a global stage: run it with run_stage (map phase + resolve)")


class Resolution:
    """A global stage's decisions: `decide(rows) -> Outcome` for the rows to commit, and the
    earlier rows it re-opened (committed after the pending ones). Re-opened rows whose new status
    and reason equal the stored ones are skipped, unless `extra_rows_changed` says the stage chose
    them because their output changes (a rewrite that keeps the status: boilerplate stripping)."""

    def __init__(self, decide: Callable[[list[dict]], Outcome] | None, extra_rows: list[dict] | None = None,
                 counters: dict[str, Any] | None = None, extra_rows_changed: bool = False):
        self.decide, self.extra_rows, self.counters = decide, extra_rows or [], counters or {}
        self.extra_rows_changed = extra_rows_changed

    def outcome(self, rows: list[dict]) -> Outcome:
        return self.decide(rows)


class Source:
    """A stage that adds records instead of transforming them (ingest, scrape, synth, self-instruct).

    Subclasses set `name` and `config_model` and implement `run(ws)`, which commits new records
    (with their rejects and side rows) through `ws.commit_source` (idempotent by id) and returns a
    RunSummary. Resumable: a re-run must
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
