"""`medcorpus build`: run a pipeline file's steps in order, incrementally, then export a new version,
write the report and optionally train.

Sources (ingest, scrape, synth, ...) add records; transform stages (filter, scrub, grammar, dedup,
...) form the workspace chain in file order. After the steps, the chain runs once more so records
added by a later source (synthesis after dedup) are processed by every stage too; each stage only
touches what it has not seen, so a re-run with nothing new does no work.
"""
from __future__ import annotations

import os
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from medcorpus.pipeline.config import EngineSettings, Pipeline, PipelineError, load_pipeline, validate_steps
from medcorpus.pipeline.engines import get_engine
from medcorpus.pipeline.progress import console
from medcorpus.pipeline.runner import RunSummary, run_stage
from medcorpus.pipeline.purge import RETAIN_RAW_KEY, apply_retention
from medcorpus.pipeline.safety import is_workspace, open_workspace
from medcorpus.pipeline.workspace import resolve_path
from medcorpus.pipeline.stage import Source, Stage, get_stage
from medcorpus.pipeline.workspace import Workspace


class BuildResult(BaseModel):
    steps: list[RunSummary] = Field(default_factory=list)
    export: dict[str, Any] = Field(default_factory=dict)
    report: str | None = None
    skipped: list[str] = Field(default_factory=list)
    train: dict[str, Any] | None = None
    eval: dict[str, Any] | None = None
    purge: dict[str, Any] | None = None
    did_work: bool = False
    seconds: float = 0.0


def _with_holdout(pipe: Pipeline, resolved: list) -> list:
    """A stage whose config has a `heldout` setting left unset (decontamination) gets the export's
    holdout: the held-out split is always a target for train."""
    holdout = getattr(pipe.export, "holdout", None)
    out = []
    for step, cls, config in resolved:
        if holdout and "heldout" in getattr(cls.config_model, "model_fields", {}) \
                and "heldout" not in config.model_fields_set:
            config = config.model_copy(update={"heldout": str(holdout)})
        out.append((step, cls, config))
    return out


def plan(ws: Workspace, pipe: Pipeline, path: Path) -> list[dict[str, Any]]:
    """What a build would do: each step with its kind and, for stages, pending/processed counts."""
    resolved = _with_holdout(pipe, validate_steps(pipe, path, get_stage))
    objs = [cls(config) for _, cls, config in resolved]
    for obj in objs:
        if isinstance(obj, Stage):
            obj.prepare()
    chain = [(obj.name, obj.fingerprint(), obj.config.model_dump(mode="json")) for obj in objs if isinstance(obj, Stage)]
    rows = []
    known = dict(ws.chain()[1:])
    for (step, cls, config), obj in zip(resolved, objs):
        row: dict[str, Any] = {"use": step.use, "kind": "source" if issubclass(cls, Source) else "stage"}
        if isinstance(obj, Stage):
            fp = obj.fingerprint()
            row["fingerprint"] = fp
            row["config_changed"] = step.use in known and known[step.use] != fp
            row["new_stage"] = step.use not in known
        rows.append(row)
    if [c[0] for c in chain] == [s for s, _ in ws.chain()[1:]] and all(not r.get("config_changed") for r in rows):
        for row in rows:
            if row["kind"] == "stage":
                row["pending"] = ws.one(f"SELECT count(*) FROM ({ws.pending_sql(row['use'], row['fingerprint'])})")[0]
    return rows


def build(path: str | Path, workspace: str | Path | None = None, only: str | None = None,
          then_train: bool = False, train_overrides: dict[str, Any] | None = None,
          engine: dict[str, Any] | None = None) -> BuildResult:
    """`engine`: overrides for the file's `[engine]` table (`kind`, `address`, ...), e.g. from --engine."""
    path = Path(path)
    pipe = load_pipeline(path)
    if engine:
        try:
            pipe.engine = EngineSettings(**{**pipe.engine.model_dump(), **engine})
        except ValidationError as exc:
            raise PipelineError(f"engine: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
    resolved = _with_holdout(pipe, validate_steps(pipe, path, get_stage))
    if only and only not in {s.use for s, _, _ in resolved} | {"export", "report", "train"}:
        raise PipelineError(f"{path}: --only {only!r}: no such step (steps: {', '.join(s.use for s, _, _ in resolved)})")
    ws_path = Path(workspace) if workspace else (pipe.resolve(pipe.workspace) if pipe.workspace else None)
    started = time.perf_counter()
    result = BuildResult()
    skipped = [s for s, _, _ in resolved if s.when_env and not os.environ.get(s.when_env)]
    eng = get_engine(pipe.engine.kind, **pipe.engine.options())  # starts nothing until a stage runs
    new_workspace = not is_workspace(resolve_path(ws_path))
    with open_workspace(ws_path, create=True) as ws, closing(eng):
        if new_workspace:
            ws.set(RETAIN_RAW_KEY, False)  # raw text is purged once scrubbed, unless a step says retain_raw = true
        # each step's stage or source is constructed once (constructors do no I/O)
        objs = [cls(config) for _, cls, config in resolved]
        stages = [(step, obj) for (step, _, _), obj in zip(resolved, objs)
                  if isinstance(obj, Stage) and step not in skipped]
        for _, st in stages:
            st.prepare()
        ws.set_chain([(st.name, st.fingerprint(), st.config.model_dump(mode="json")) for _, st in stages])
        for (step, cls, config), obj in zip(resolved, objs):
            if only and step.use != only:
                continue
            if step in skipped:
                note = f"{step.use}: skipped (set {step.when_env} to run it)"
                console.print(f"[yellow]▷ {note}[/]", highlight=False)
                result.skipped.append(note)
                continue
            console.print(f"[bold]▶ {step.use}[/]", highlight=False)
            if isinstance(obj, Source):  # LLM sources run their items on the engine too
                summary = obj.run(ws, engine=eng) if getattr(obj, "runs_on_engine", False) else obj.run(ws)
            else:
                summary = run_stage(ws, obj, batch_size=step.batch_size, workers=step.workers, limit=step.limit,
                                    engine=eng)
            result.steps.append(summary)
        if not only:  # records added by later sources go through the whole chain too
            for step, stage in stages:
                summary = run_stage(ws, stage, batch_size=step.batch_size, workers=step.workers, limit=step.limit,
                                    engine=eng)
                if summary.n_in:
                    summary.stage += " (catch-up)"
                    result.steps.append(summary)
        result.purge = apply_retention(ws, [(step.use, step.retain_raw) for step, _ in stages]) or None
        result.did_work = any(s.n_out or s.n_rejected or (s.n_in and s.stage != "ingest") for s in result.steps)
        if not only or only == "export":
            from medcorpus.versions import export_version

            summary, manifest = export_version(ws, pipe.resolve(pipe.export.out), pipe.export, pipe.file_hash)
            result.export = manifest
            if summary:
                result.steps.append(summary)
                result.did_work = True
        if pipe.report.enabled and (not only or only == "report") and (result.did_work or not pipe.resolve(pipe.report.out).exists()):
            try:
                from medcorpus.report import write_report

                result.report = str(write_report(ws, pipe.resolve(pipe.report.out), title=pipe.name))
            except ImportError as exc:  # matplotlib is the [report] extra
                console.print(f"[yellow]report skipped:[/] {exc} (install medcorpus[report])")
    if then_train or only == "train":
        result.train = _train(pipe, result, train_overrides or {})
        if pipe.eval is not None:
            result.eval = _eval(pipe, result, ws_path)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _train(pipe: Pipeline, result: BuildResult, overrides: dict[str, Any]) -> dict[str, Any]:
    try:
        from medcorpus.training.train import TrainConfig, train
    except ImportError as exc:
        raise PipelineError(f"--then-train: the trainer is not available ({exc}); install medcorpus[train]") from None
    settings = {**(pipe.train or {}), **overrides}
    if "model" not in settings:
        raise PipelineError("--then-train: the pipeline file has no [train] model = \"PATH\" (or pass --model)")
    version = result.export.get("version")
    settings.setdefault("data", str(pipe.resolve(pipe.export.out) / version))
    settings.setdefault("output", "train-output")
    for key in ("model", "output", "data"):
        candidate = pipe.resolve(settings[key])
        if key != "model" or candidate.exists():  # a hub id stays as given
            settings[key] = str(candidate)
    out = train(TrainConfig(**settings))
    return out.model_dump(mode="json") if hasattr(out, "model_dump") else dict(out)


def _eval(pipe: Pipeline, result: BuildResult, ws_path: Path | None) -> dict[str, Any] | None:
    """Base model vs the model just trained, on the export's held-out split; the table goes into the
    workspace and the report is written again with it."""
    from medcorpus.commands.eval import EVAL_KEY, compact
    from medcorpus.training.data import DataError
    from medcorpus.training.eval import EvalConfig, evaluate

    settings = dict(pipe.eval or {})
    data = pipe.resolve(pipe.export.out) / result.export.get("version", "")
    base, tuned = result.train["base_model"], result.train["output"]
    models = [base, tuned] + [str(pipe.resolve(m)) for m in settings.pop("models", [])]
    labels = ["base", "tuned"] + [Path(m).name for m in models[2:]]
    output = settings.pop("output", None)
    llm = None
    base_url, judge_model = settings.pop("base_url", None), settings.pop("judge_model", None)
    if settings.get("judge"):
        from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig

        llm = LLMConfig(base_url=base_url, model=judge_model or DEFAULT_MODEL, temperature=0.0, max_tokens=200)
    settings.setdefault("max_length", (pipe.train or {}).get("max_length", 512))
    settings.setdefault("threads", (pipe.train or {}).get("threads"))
    try:
        config = EvalConfig(models=models, labels=labels, data=data, **settings)
    except ValueError as exc:
        raise PipelineError(f"[eval]: {exc}") from None
    try:
        with Workspace(ws_path) as ws:  # the judge's replies are cached in the workspace
            out = evaluate(config, llm, ws if llm else None)
    except DataError as exc:
        note = f"eval: skipped ({exc})"
        console.print(f"[yellow]{note}[/]", highlight=False)
        result.skipped.append(note)
        return None
    if output:
        import orjson

        target = pipe.resolve(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(orjson.dumps(out, option=orjson.OPT_INDENT_2))
    summary = compact(out)
    with Workspace(ws_path) as ws:
        ws.set(EVAL_KEY, summary)
        if pipe.report.enabled:
            from medcorpus.report import write_report

            result.report = str(write_report(ws, pipe.resolve(pipe.report.out), title=pipe.name))
    return summary


EXAMPLE = '''# medcorpus pipeline: `medcorpus build THIS_FILE`. Paths are relative to this file.
name = "my-medical-corpus"
workspace = "medcorpus-ws"          # the DuckDB workspace (the -w option overrides it)

# Steps run in order. `use` names a stage or source; the other keys are its settings
# (see `medcorpus <stage> --help`); `workers`, `batch_size` and `limit` tune the runner.
[[step]]
use = "ingest"
paths = ["raw/*.json"]              # globs; .gz fine; re-runs skip files already ingested
format = "auto"                     # alpaca | chatmed | huatuo | sharegpt | messages | table
# map = { patient = "question", doctor = "answer" }   # for tables

# [[step]]
# use = "filter"                    # anonymisation artefacts, boilerplate, length, language ...

# [[step]]
# use = "scrub"                     # PII, English and Chinese
# workers = 2
# retain_raw = false                # default for new workspaces: raw text ahead of scrub is purged after it

# [[step]]
# use = "grammar"
# backend = "harper"                # or "languagetool" with languagetool_url = "http://..."

# [[step]]
# use = "dedup"
# threshold = 0.8

# [engine]                          # where batches run (the --engine option overrides it)
# kind = "ray"                      # local (default) | ray: needs medcorpus[ray]
# address = "auto"                  # a running cluster: auto | host:6379 | ray://host:10001; none: a local instance
# num_cpus = 1                      # CPUs per actor; concurrency = actors per stage (default: the cluster's CPUs)

[export]
out = "exports"                     # each build that changes the corpus writes exports/v0001, v0002, ...
format = "alpaca"                   # alpaca | sharegpt | messages
file_type = "parquet"               # parquet | jsonl
complete_only = true                # leave out records some stage has not processed yet
# holdout = "2%"                    # a held-out test split (data/test-*), or a record count: holdout = 500

[report]
out = "report.html"

# [train]                           # used by `medcorpus build --then-train`
# model = "path/to/checkpoint"
# output = "train-output"
# method = "lora"
# max_steps = 30

# [eval]                            # after --then-train: base vs tuned on the held-out split (export holdout)
# limit = 20                        # prompts to generate answers for (ROUGE-L, faithfulness)
# max_new_tokens = 96
# judge = ["pairwise"]              # needs an LLM endpoint (see `medcorpus eval --help`)
'''
