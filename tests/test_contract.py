"""The stage contract, checked over every registered transform stage: `process()` alone, `run_stage`
with 1 worker and with 2 workers give the same records and the same side rows; only pipeline/
talks to DuckDB; a stage that returns its input unchanged adds no copy of it."""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import medcorpus
import medcorpus.stages
from medcorpus.pipeline.outcome import process_rows
from medcorpus.pipeline.runner import run_stage
from medcorpus.pipeline.stage import _REGISTRY, GlobalStage, Stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected, Turn
from tests.conftest import SAMPLE_DIR

for _m in pkgutil.iter_modules(medcorpus.stages.__path__):
    importlib.import_module(f"medcorpus.stages.{_m.name}")

# offline settings for each stage (the defaults, where they need no model download or server)
CONFIGS = {"scrub": {"ner": False}, "grammar": {"backend": "harper"}, "boilerplate": {"min_patients": 3},
           "decontaminate": {"against": [str(SAMPLE_DIR.parent / "benchmarks" / "medqa_style_sample.jsonl")]}}
# LLM stages answer from the local fake OpenAI-compatible server (`llm_endpoint` fills in its URL)
LLM_STAGES = {"synth_distill_answers": {"keep": "both"}, "judge": {"min_score": 3}}
# columns the committer fills, and measurements that differ from run to run (a reply's latency)
COMMITTER_FILLED = {"run_id", "created_at", "seconds"}


@pytest.fixture(scope="module", autouse=True)
def llm_endpoint():
    from tests.fakes.openai_server import FakeOpenAIServer

    with FakeOpenAIServer() as srv:
        for name, cfg in LLM_STAGES.items():
            CONFIGS[name] = {**cfg, "llm": {"base_url": srv.base_url, "model": "fake", "concurrency": 4}}
        yield srv
        for name in LLM_STAGES:
            CONFIGS.pop(name, None)


def transform_stages() -> list[str]:
    return sorted(n for n, c in _REGISTRY.items() if isinstance(c, type) and issubclass(c, Stage))


def sample_records() -> list[Record]:
    base = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())[:24]
    recs = [Record.new("t", [Turn(role="system", text=r["instruction"]), Turn(role="patient", text=r["input"]),
                             Turn(role="doctor", text=r["output"])]) for r in base]
    recs += [Record.new("t", [Turn(role="patient", text=f"My name is Ann Lee, call 212-555-01{i:02d}. {r['input']}"),
                              Turn(role="doctor", text="Hi. i think teh pateint needs rest. " + r["output"])])
             for i, r in enumerate(base[:8])]
    recs += [Record.new("t", [Turn(role="patient", text=base[i]["input"]),
                              Turn(role="doctor", text=base[i]["output"] + " Take care.")]) for i in range(4)]
    recs.append(Record.new("t", [Turn(role="patient", text="我头疼怎么办？我叫王小明，电话13812345678。"),
                                 Turn(role="doctor", text="建议多休息，必要时到医院就诊。")]))
    recs.append(Record.new("t", [Turn(role="patient", text="ok"), Turn(role="doctor", text="Hi")]))
    return recs


def _state(ws: Workspace, stage: type[Stage]) -> tuple[list, dict]:
    records = sorted((r.id, r.model_dump(exclude={"meta"}), _meta(r.meta))
                     for r in ws.records(include_removed=True))
    rejects = sorted(ws.exec("SELECT record_id, reason FROM rejects"))
    side = {}
    for spec in stage.side_tables:
        cols = [c for c in spec.column_names() if c not in COMMITTER_FILLED]
        side[spec.name] = sorted(map(repr, ws.exec(f"SELECT {', '.join(cols)} FROM {spec.name}")))
    return records + rejects, side


def _meta(meta: dict) -> str:
    return json.dumps({k: v for k, v in meta.items() if k != "stages"}, sort_keys=True, default=str)


def _run(tmp_path: Path, name: str, workers: int, monkeypatch) -> tuple[list, dict]:
    cls = _REGISTRY[name]
    monkeypatch.setattr(cls, "pool_min", 0)
    ws = Workspace(tmp_path / f"ws{workers}")
    try:
        ws.add_records([r.to_row() for r in sample_records()], origin="test")
        summary = run_stage(ws, cls(CONFIGS.get(name)), batch_size=10, workers=workers)
        assert summary.n_in == len(sample_records())
        return _state(ws, cls)
    finally:
        ws.close()


@pytest.mark.parametrize("name", transform_stages())
def test_every_stage_gives_the_same_result_alone_and_with_one_or_two_workers(name, tmp_path, monkeypatch):
    one = _run(tmp_path, name, 1, monkeypatch)
    two = _run(tmp_path, name, 2, monkeypatch)
    assert one == two
    cls = _REGISTRY[name]
    if issubclass(cls, GlobalStage):
        assert one[0], "a global stage decided nothing"
        return
    # process() alone, on the same batches, gives the records and side rows the runner committed
    stage = cls(CONFIGS.get(name))
    stage.prepare()
    stage.setup()
    recs = sample_records()
    items, side = [], {}
    added = []
    for i in range(0, len(recs), 10):
        rows = [{**r.to_row(), "version": 0} for r in recs[i:i + 10]]
        out = process_rows(stage, rows)
        assert not out.deferred
        items += out.items
        added += out.added
        for table, rows_ in out.side_rows.items():
            side.setdefault(table, []).extend(rows_)
    got = sorted((o.id, o.model_dump(exclude={"meta"}), _meta(o.meta)) for o in items + added
                 if isinstance(o, Record))
    assert got == [r for r in one[0] if isinstance(r[1], dict) and r[1]["id"] in {g[0] for g in got}]
    assert bool(added) == (name == "synth_distill_answers")  # keep=both adds a copy per answered record
    assert {a.id for a in added} <= {g[0] for g in got}  # records added beside the inputs are compared too
    assert sorted((o.record_id, o.reason) for o in items if isinstance(o, Rejected)) == \
        [r for r in one[0] if isinstance(r[1], str)]
    for spec in cls.side_tables:
        cols = [c for c in spec.column_names() if c not in COMMITTER_FILLED | {"fingerprint", "input_version"}]
        mine = sorted(repr(tuple(r.get(c) for c in cols)) for r in side.get(spec.name, []))
        theirs = one[1][spec.name]
        assert len(mine) == len(theirs), spec.name


def test_only_pipeline_talks_to_duckdb():
    root = Path(medcorpus.__file__).parent
    raw = re.compile(r"\.con\b|duckdb\.connect|^\s*import duckdb|^\s*from duckdb|\bFROM chain\b", re.M)
    offenders = [f"{p.relative_to(root)}:{s.count(chr(10), 0, m.start()) + 1}: {m.group(0).strip()}"
                 for p in root.rglob("*.py") if "pipeline" not in p.relative_to(root).parts[:1]
                 for s in [p.read_text(encoding="utf-8")] for m in raw.finditer(s)]
    assert offenders == []


def test_no_stage_overrides_run():
    assert [n for n in transform_stages() if hasattr(_REGISTRY[n], "run")] == []  # the runner drives every one


def test_constructing_a_stage_does_no_io(monkeypatch):
    import builtins
    import socket

    def refuse(*a, **k):
        raise AssertionError("I/O in a stage constructor")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for name in transform_stages():
        _REGISTRY[name](CONFIGS.get(name, {}) | ({"backend": "auto", "languagetool_url": "http://127.0.0.1:9"}
                                                  if name == "grammar" else {}))


class Noop(Stage):
    name = "test_noop"

    def process(self, batch):
        return batch


class Note(Stage):
    name = "test_note"

    def process(self, batch):
        return [r.model_copy(update={"meta": {**r.meta, "noted": True}}) for r in batch]


def test_a_pass_through_stage_stores_no_copy_of_the_turns(ws):
    recs = sample_records()
    ws.add_records([r.to_row() for r in recs], origin="test")

    def stored() -> tuple[int, int]:  # rows holding turns, and the characters they hold
        return ws.one("SELECT count(turns), coalesce(sum(list_sum(list_transform(turns, lambda t: length(t.text)))), 0) "
                      "FROM records")

    before = stored()
    assert run_stage(ws, Noop(), batch_size=7).n_out == len(recs)
    assert run_stage(ws, Note(), batch_size=7).n_out == len(recs)  # meta changed, turns not
    assert stored() == before
    assert ws.one("SELECT count(*) FROM records")[0] == 3 * len(recs)
    out = {r.id: r for r in ws.records()}
    for r in recs:  # read back whole, with the history of both stages
        assert out[r.id].turns == r.turns and out[r.id].meta["noted"] is True
        assert [s["stage"] for s in out[r.id].meta["stages"]] == ["test_noop", "test_note"]
    # a stage after them that rewrites the turns stores them once more, and only then
    from tests.pipeline_stages import Tag
    run_stage(ws, Tag(), batch_size=7)
    assert stored()[0] == before[0] + sum(1 for r in recs if "REJECTME" not in r.text_of())
