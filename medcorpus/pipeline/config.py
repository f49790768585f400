"""Pipeline files (TOML or YAML): what to build, in which order, with which settings.

The core knows no stage: a step names a registered stage or source (`use = "scrub"`), and its
other keys are that stage's config, validated by the stage's own pydantic model.
"""
from __future__ import annotations

import glob
import hashlib
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

RUNNER_KEYS = ("workers", "batch_size", "limit")


class PipelineError(ValueError):
    """A pipeline file that cannot be used; the message names the file and the key."""


class Step(BaseModel):
    """One `[[step]]`: a registered stage/source name plus its settings."""

    model_config = ConfigDict(extra="allow")
    use: str
    workers: int = Field(1, ge=1)
    batch_size: int = Field(1000, ge=1)
    limit: int | None = Field(None, ge=1)
    when_env: str | None = None  # run only when this environment variable is set (e.g. an LLM endpoint)
    # keep the raw text ahead of this step once it has processed it (default: false for workspaces
    # `build` created, true for older ones); false = `medcorpus purge --upto <this step>` after the steps
    retain_raw: bool | None = None

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class ExportSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    out: str = "exports"
    format: str = "alpaca"
    file_type: str = "parquet"
    shard_size: int = Field(100_000, ge=1)
    name: str = "medcorpus"
    complete_only: bool = True
    holdout: str | None = None  # "2%" or a record count: a held-out test split (data/test-*)
    merge_separator: str = "\n"  # joins consecutive turns of one side before export

    @field_validator("holdout", mode="before")
    @classmethod
    def _holdout(cls, value: Any) -> str | None:
        from medcorpus.export.split import parse_holdout

        if value is None:
            return None
        parse_holdout(value)  # raises with a message naming the value
        return str(value)


class ReportSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    out: str = "report.html"
    enabled: bool = True


class EngineSettings(BaseModel):
    """`[engine]`: where the stages' batches run. `kind = "ray"` runs them on a Ray cluster:
    `address` "auto" | "host:6379" | "ray://host:10001" (none: a throwaway local instance),
    `num_cpus` per actor, `concurrency` actors per stage, `batch_size` records per actor call.
    `--engine` / `--ray-address` on the command line override it."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["local", "ray"] = "local"
    address: str | None = None
    num_cpus: float | None = Field(None, gt=0)
    concurrency: int | None = Field(None, ge=1)
    batch_size: int | None = Field(None, ge=1)

    def options(self) -> dict[str, Any]:
        """Keyword options for `get_engine(kind, ...)` (the local engine takes none)."""
        if self.kind == "local":
            return {}
        return self.model_dump(exclude={"kind"}, exclude_none=True)


class Pipeline(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = "medcorpus"
    workspace: str | None = None
    step: list[Step] = Field(default_factory=list)
    export: ExportSettings = Field(default_factory=ExportSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    engine: EngineSettings = Field(default_factory=EngineSettings)
    train: dict[str, Any] | None = None
    eval: dict[str, Any] | None = None  # `--then-train` evaluates base vs tuned when present

    # set by load_pipeline
    base_dir: Path = Path(".")
    file_hash: str = ""

    def resolve(self, path: str | Path) -> Path:
        """A path from the file, relative to the file's folder."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else (self.base_dir / p)


def _format_error(path: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(x) if not isinstance(x, int) else f"[{x}]" for x in err["loc"]).replace(".[", "[")
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        lines.append(f"{path}: {loc}: {msg}")
    return "\n".join(lines)


def load_pipeline(path: str | Path) -> Pipeline:
    path = Path(path)
    if not path.exists():
        raise PipelineError(f"{path}: no such pipeline file (write an example with `medcorpus build --init {path}`)")
    raw = path.read_bytes()
    try:
        if path.suffix in (".yaml", ".yml"):
            import yaml
            data = yaml.safe_load(raw) or {}
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except Exception as exc:
        raise PipelineError(f"{path}: cannot be parsed: {exc}") from exc
    if not isinstance(data, dict):
        raise PipelineError(f"{path}: expected a table of settings at the top level")
    try:
        pipe = Pipeline(**data)
    except ValidationError as exc:
        raise PipelineError(_format_error(path, exc)) from None
    pipe.base_dir = path.resolve().parent
    pipe.file_hash = hashlib.sha256(raw).hexdigest()[:16]
    return pipe


_GLOB = set("*?[")


def _resolve_one(value: str, base: Path, always: bool) -> str:
    p = Path(value).expanduser()
    if not value or p.is_absolute():
        return value
    candidate = base / p
    if always or candidate.exists() or (_GLOB & set(value) and glob.glob(str(candidate))):
        return str(candidate)
    return value


def resolve_paths(settings: dict[str, Any], base: Path, declared: tuple[str, ...] = ()) -> dict[str, Any]:
    """A step's settings with relative paths made absolute against `base` (the pipeline file's
    folder), so no stage depends on the working directory. `declared` is the config's
    `path_fields`: "name" is always a path; "name?" is one when it exists relative to `base`
    (a profile file or a bundled profile's name)."""
    fields = {d.rstrip("?"): not d.endswith("?") for d in declared}
    out = {}
    for key, value in settings.items():
        if key not in fields:
            out[key] = value
        elif isinstance(value, str):
            out[key] = _resolve_one(value, base, fields[key])
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = [_resolve_one(v, base, fields[key]) for v in value]
        else:
            out[key] = value
    return out


def validate_steps(pipe: Pipeline, path: str | Path, get_stage) -> list[tuple[Step, type, Any]]:
    """Resolve every step to (step, class, config); errors name the step and key."""
    from medcorpus.pipeline.stage import StageNotAvailable

    resolved = []
    for i, step in enumerate(pipe.step):
        where = f"{path}: step[{i}] (use = {step.use!r})"
        try:
            cls = get_stage(step.use)
        except StageNotAvailable as exc:
            raise PipelineError(f"{where}: {exc}") from None
        settings = resolve_paths(step.settings, pipe.base_dir, getattr(cls.config_model, "path_fields", ()))
        for key in RUNNER_KEYS:  # a source that declares e.g. `limit` gets it from the step
            if key in step.model_fields_set and key in cls.config_model.model_fields:
                settings[key] = getattr(step, key)
        try:
            config = cls.config_model(**settings)
        except ValidationError as exc:
            msgs = []
            for err in exc.errors():
                key = ".".join(map(str, err["loc"]))
                msgs.append(f"{where}: {key}: {'unknown key' if err['type'] == 'extra_forbidden' else err['msg']}")
            raise PipelineError("\n".join(msgs)) from None
        resolved.append((step, cls, config))
    return resolved
