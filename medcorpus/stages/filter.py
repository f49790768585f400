"""The filter stage: quality filters and repairs for consultation data.

Composes the named filters of `medcorpus.filters` (boilerplate, chrome, artefacts, placeholders,
length, language, repetition), each with its own settings under its name in the stage config.
Repairs rewrite turn text and note counts in `meta["filter"]`; a rejection becomes
`Rejected(reason="<filter>: <why>", detail={"filter": <filter>, ...})`. Counts per filter are
tallied from the outputs as they are written, so they are right with any number of workers.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import orjson
import xxhash
from pydantic import Field

from medcorpus.filters import FILTERS, ORDER, Filter, Work
from medcorpus.filters.checks import (LanguageSettings, LengthSettings, PlaceholdersSettings,
                                      RepetitionSettings)
from medcorpus.filters.repairs import ArtefactsSettings, BoilerplateSettings, ChromeSettings
from medcorpus.pipeline.outcome import Outcome, merge_counters
from medcorpus.pipeline.stage import Stage, StageConfig, register_stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import ANSWERING_ROLES, Record, Rejected, Turn


class FilterConfig(StageConfig):
    """One section per filter (`enabled = false` switches one off); applied in ORDER."""

    boilerplate: BoilerplateSettings = Field(default_factory=BoilerplateSettings)
    chrome: ChromeSettings = Field(default_factory=ChromeSettings)
    artefacts: ArtefactsSettings = Field(default_factory=ArtefactsSettings)
    placeholders: PlaceholdersSettings = Field(default_factory=PlaceholdersSettings)
    language: LanguageSettings = Field(default_factory=LanguageSettings)
    length: LengthSettings = Field(default_factory=LengthSettings)
    repetition: RepetitionSettings = Field(default_factory=RepetitionSettings)

    def enabled(self) -> list[str]:
        return [n for n in ORDER if getattr(self, n).enabled]


def read_config_file(path: str | Path) -> dict[str, Any]:
    """A TOML or YAML file with one table per filter, at top level or under `[filter]`."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text) or {}
    else:
        import tomllib

        data = tomllib.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a table of filter settings")
    if "filter" in data:
        others = sorted(k for k in data if k != "filter")
        if others or not isinstance(data["filter"], dict):
            raise ValueError(f"{path}: put every filter table under [filter] or none there "
                             f"(found [filter] and {', '.join(others) or 'a non-table filter'})")
        data = data["filter"]
    return data


def build_config(path: str | Path | None = None, only: Optional[list[str]] = None) -> FilterConfig:
    """The stage config from an optional file, with `only` switching every other filter off."""
    data = read_config_file(path) if path else {}
    cfg = FilterConfig(**data)
    if only:
        names = [n.strip() for item in only for n in item.split(",") if n.strip()]
        unknown = [n for n in names if n not in FILTERS]
        if unknown:
            raise ValueError(f"unknown filter(s) {', '.join(unknown)}; filters are: {', '.join(ORDER)}")
        for n in ORDER:
            section = getattr(cfg, n)
            setattr(cfg, n, section.model_copy(update={"enabled": n in names}))
    return cfg


class Examples:
    """Up to `per_filter` examples per (filter, kind) for --dry-run."""

    def __init__(self, per_filter: int = 3):
        self.per_filter = per_filter
        self.items: dict[str, list[dict]] = {}
        self._n: dict[tuple[str, str], int] = {}

    def append(self, item: tuple[str, str, str, str]) -> None:
        name, rid, what, text = item
        key = (name, what.split(":")[0])
        if self._n.get(key, 0) >= self.per_filter:
            return
        self._n[key] = self._n.get(key, 0) + 1
        self.items.setdefault(name, []).append({"id": rid, "what": what, "text": text})


def tally(counts: dict[str, dict[str, int]], outputs: Iterable[Record | Rejected]) -> None:
    """Add per-filter counts from stage outputs (meta.filter of kept records, detail of rejects)."""
    def add(name: str, key: str, n: int = 1) -> None:
        d = counts.setdefault(name, {})
        d[key] = d.get(key, 0) + n

    for out in outputs:
        if isinstance(out, Rejected):
            name = out.detail.get("filter")
            if not name:
                continue
            add(name, "touched")
            add(name, "rejected")
            notes = out.detail.get("repairs") or {}
        else:
            notes = out.meta.get("filter") or {}
        for fname, kinds in notes.items():
            if isinstance(out, Record) or fname != out.detail.get("filter"):
                add(fname, "touched")
            if isinstance(out, Record):
                add(fname, "marked" if set(kinds) == {"marked"} else "repaired")
            for kind, n in kinds.items():
                if kind != "marked":
                    add(fname, kind, n)


@register_stage
class FilterStage(Stage):
    """Quality filters for consultations: repairs (boilerplate, chrome, artefacts), then checks
    (placeholders, length, language, repetition)."""

    name = "filter"
    version = "1"
    config_model = FilterConfig

    def __init__(self, config=None):
        super().__init__(config)
        self.filters: list[Filter] = []
        self._boilerplate: Optional[Filter] = None
        self._last_repair: Optional[Filter] = None
        self.examples: Optional[Examples] = None  # --dry-run collects examples here

    def _build(self) -> list[Filter]:
        return [FILTERS[n](getattr(self.config, n)) for n in self.config.enabled()]

    def fingerprint(self) -> str:
        """Config plus the content of the phrase files the filters read (editing one reprocesses)."""
        h = xxhash.xxh3_64()
        h.update(super().fingerprint().encode())
        for f in self.filters or self._build():
            for path in f.resources():
                h.update(path.encode() + b"\x1f" + Path(path).read_bytes())
        return h.hexdigest()

    def setup(self) -> None:
        if not self.filters:
            self.filters = self._build()
            repairs = [f for f in self.filters if f.kind == "repair"]
            self._boilerplate = next((f for f in repairs if f.name == "boilerplate"), None)
            self._last_repair = repairs[-1] if repairs else None

    def process(self, batch: list[Record]) -> Outcome:
        """The batch's records (repaired, rejected or the input itself) and per-filter counts
        (`<filter>.<kind>` counters: touched, repaired, marked, rejected and each filter's own)."""
        items = list(self._apply(batch))
        counts: dict[str, dict[str, int]] = {}
        tally(counts, items)
        return Outcome(items=items, counters={f"{f}.{k}": n for f, c in counts.items() for k, n in c.items()})

    def _apply(self, batch: list[Record]) -> Iterator[Record | Rejected]:
        self.setup()
        examples = self.examples
        for rec in batch:
            work = Work(rec, examples)
            verdict = None
            for f in self.filters:
                verdict = f.apply(work)
                if verdict is not None:
                    break
                if f is self._last_repair and self._boilerplate is not None and (
                        "chrome" in work.notes or "artefacts" in work.notes):
                    self._boilerplate.apply(work)  # formulas that sat behind a removed sentence
            if verdict is not None:
                turn = verdict.turn if verdict.turn is not None else next(
                    (i for i, r in enumerate(work.roles) if r in ANSWERING_ROLES), 0)
                snippet = work.texts[turn][:200] if work.texts else ""
                detail: dict[str, Any] = {"filter": f.name, **verdict.detail}
                if verdict.turn is not None:
                    detail["turn"] = verdict.turn
                if work.notes:
                    detail["repairs"] = work.notes
                if examples is not None:
                    examples.append((f.name, rec.id, f"rejected: {verdict.why}", snippet))
                yield Rejected(record_id=rec.id, reason=f"{f.name}: {verdict.why}", snippet=snippet, detail=detail)
            elif work.notes:
                turns = [Turn.model_construct(role=r, text=t) for r, t in zip(work.roles, work.texts)]
                yield Record.model_construct(id=rec.id, source=rec.source, lang=rec.lang, kind=rec.kind,
                                             turns=turns, meta={**rec.meta, "filter": work.notes})
            else:
                yield rec

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        """Per enabled filter: records touched, repaired (or marked), rejected, then its own counts."""
        counts: dict[str, dict[str, int]] = {}
        for key, n in counters.items():
            name, _, kind = key.partition(".")
            counts.setdefault(name, {})[kind] = int(n)
        out = {}
        for n in self.config.enabled():
            c = counts.get(n, {})
            head = {"touched": c.get("touched", 0), "repaired": c.get("repaired", 0), "rejected": c.get("rejected", 0)}
            out[n] = {**head, **dict(sorted((k, v) for k, v in c.items() if k not in head))}
        return out


# ---------------------------------------------------------------------------- dry run
def _input_sql(ws: Workspace, stage: FilterStage, fp: str) -> str:
    """What a real run would process, without entering the stage in the chain."""
    if ws.chain_position(stage.name):
        return ws.pending_sql(stage.name, fp)
    ctes, k = ws.layer_ctes()
    return f"{ctes} SELECT * FROM L{k} WHERE status = 'ok'"


def dry_run(ws: Workspace, stage: FilterStage, *, limit: int | None = None, examples: int = 3,
            batch_size: int = 2000) -> dict[str, Any]:
    """Run the filters over the records a real run would process and return counts and examples;
    writes nothing (no outputs, rejects, run row or chain entry)."""
    from medcorpus.pipeline.progress import progress_bar

    fp = stage.fingerprint()
    sql = _input_sql(ws, stage, fp) + (f" LIMIT {int(limit)}" if limit else "")
    total = ws.one(f"SELECT count(*) FROM ({sql})")[0]
    stage.examples = Examples(examples)
    stage.setup()
    n_in = n_out = n_rej = n_changed = 0
    counters: dict[str, float] = {}
    started = time.perf_counter()
    with progress_bar("filter (dry run)", total=total) as advance:
        for batch in ws.arrow_batches(sql, batch_size):
            rows = batch.to_pylist()
            recs = []
            for r in rows:
                if isinstance(r.get("meta"), str):
                    r["meta"] = orjson.loads(r["meta"])
                recs.append(Record.from_row(r))
            outcome = stage.process(recs)
            outs = outcome.items
            merge_counters(counters, outcome.counters)
            n_in += len(recs)
            for o in outs:
                if isinstance(o, Rejected):
                    n_rej += 1
                else:
                    n_out += 1
                    n_changed += "filter" in o.meta
            advance(len(recs))
    return {"stage": stage.name, "dry_run": True, "fingerprint": fp, "n_in": n_in, "n_out": n_out,
            "n_rejected": n_rej, "n_repaired": n_changed, "seconds": round(time.perf_counter() - started, 3),
            "filters": stage.summary(counters), "examples": stage.examples.items}


# ---------------------------------------------------------------------------- status
def status_section(ws: Workspace) -> Any:
    """Per-filter counts over the filter layer's current rows: repaired/marked records (from
    meta.filter) and removed records (from the reason prefix)."""
    pos = ws.chain_position("filter")
    if pos is None:
        return "not run"
    ctes, k = ws.layer_ctes(pos)
    out: dict[str, dict[str, int]] = {}
    for name, n in ws.exec(f"{ctes} SELECT split_part(reason, ':', 1) AS f, count(*) FROM L{k} "
                           "WHERE status = 'removed' GROUP BY 1"):
        out.setdefault(name, {})["rejected"] = n
    for name, n in ws.exec(f"{ctes} SELECT unnest(json_keys(meta::JSON -> 'filter')) AS f, count(*) "
                           f"FROM (SELECT meta FROM L{k} WHERE status = 'ok' AND meta LIKE '%\"filter\":%') "
                           "GROUP BY 1"):
        out.setdefault(name, {})["repaired_or_marked"] = n
    return {n: out[n] for n in sorted(out, key=lambda x: ORDER.index(x) if x in ORDER else 99)}


FilterStage.status_sections = {"filter": status_section}
