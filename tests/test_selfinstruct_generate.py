"""Self-instruct end to end against the local OpenAI-compatible test server (issue #4)."""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from rouge_score import rouge_scorer

from medcorpus.knowledge.filters import rouge_tokens
from medcorpus.knowledge.kg import load_kg
from medcorpus.stages.selfinstruct import SelfInstructConfig, load_seed_tasks, parse_pairs, self_instruct
from tests.conftest import SAMPLE_DIR
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.selfinstruct_responder import make_responder


def _n(t: str, n: str) -> str:
    return f"{t}\t{n}"


def _formula(name: str, herbs: list[tuple[str, str]], functions: list[str], source: str) -> list[dict]:
    rows = [{"node_1": _n("方剂", "方剂"), "relation": "include", "node_2": _n("方名", name)},
            {"node_1": _n("方名", name), "relation": "prescription type", "node_2": _n("处方", name + "_1")}]
    for herb, dose in herbs:
        rows.append({"node_1": _n("处方", name + "_1"), "relation": "composition", "node_2": _n("中药名", herb)})
        rows.append({"node_1": _n("中药名", herb), "relation": "dose", "node_2": _n("剂量", dose)})
    rows += [{"node_1": _n("处方", name + "_1"), "relation": "functions", "node_2": _n("功能主治", f)} for f in functions]
    rows.append({"node_1": _n("方名", name), "relation": "from", "node_2": _n("来源", source)})
    return rows


KG = (_formula("桂枝汤", [("桂枝", "9克"), ("芍药", "9克"), ("甘草", "6克")], ["解肌发表", "调和营卫"], "伤寒论")
      + _formula("麻黄汤", [("麻黄", "9克"), ("杏仁", "6克")], ["发汗解表", "宣肺平喘"], "伤寒论")
      + _formula("四君子汤", [("人参", "9克"), ("白术", "9克"), ("茯苓", "9克")], ["益气健脾"], "太平惠民和剂局方")
      + _formula("六味地黄丸", [("熟地黄", "24克"), ("山药", "12克")], ["滋阴补肾"], "小儿药证直诀"))
ZH_SCORER = rouge_scorer.RougeScorer(["rougeL"], tokenizer=type("T", (), {"tokenize": staticmethod(rouge_tokens)})())


@pytest.fixture
def kg_file(tmp_path: Path) -> Path:
    path = tmp_path / "formulas.json"
    path.write_text(json.dumps(KG, ensure_ascii=False), encoding="utf-8")
    return path


def _cfg(srv, **kw) -> SelfInstructConfig:
    llm = {"base_url": srv.base_url, "model": "fake", **kw.pop("llm", {})}
    return SelfInstructConfig(entity_types=["方名"], llm=llm, **kw)


def _records(ws, source="selfinstruct"):
    return [r for r in ws.records() if r.source == source]


def test_cli_end_to_end_filters_rejects_and_export(cli, kg_file, tmp_path):
    cli("kb", "load-kg", kg_file)
    responder = make_responder(bad=("dup", "ungrounded", "nofact", "short"), k=2)
    with FakeOpenAIServer(responder=responder) as srv:
        # plain parsing (--structured off): the filters meet the replies as a model wrote them, unconstrained
        res = cli("synth", "self-instruct", "--entity-types", "方名", "--per-entity", "6", "--base-url", srv.base_url,
                  "--model", "fake", "--structured", "off", "--json")
        assert srv.requests == 4
    out = json.loads(res.output)
    assert (out["n_in"], out["n_skipped"]) == (4, 0)
    reasons = out["extra"]["rejected_by_reason"]
    assert reasons["not grounded: the response does not name the entity"] == 4
    assert reasons["not grounded: the response uses no fact from the knowledge card"] == 4
    assert reasons["response too short"] == 4
    assert reasons["too similar to a kept instruction"] >= 4  # each entity's near-copy, at least
    assert out["n_out"] + out["n_rejected"] == out["extra"]["pairs"] == 4 * 6

    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        recs = _records(ws)
        assert len(recs) == out["n_out"] > 0
        for r in recs:
            assert r.kind == "instruction" and r.lang == "zh" and [t.role for t in r.turns] == ["user", "assistant"]
            assert r.meta["entity_type"] == "方名" and r.meta["entity_id"] and len(r.meta["card_hash"]) == 16
            assert r.meta["prompt_version"].startswith("selfinstruct.zh@v3-") and r.meta["model"] == "fake"
            assert r.meta["entity_name"] in r.turns[1].text  # grounded: names the entity
        ins = [r.turns[0].text for r in recs]
        for a, b in combinations(ins, 2):  # non-redundant, checked with rouge-score itself
            assert ZH_SCORER.score(a, b)["rougeL"].fmeasure <= 0.7
        rej = ws.fetch_rows("SELECT file, line, reason, snippet, detail FROM rejects WHERE stage = 'selfinstruct'")
        sim = [r for r in rej if r["reason"].startswith("too similar")]
        assert all(json.loads(r["detail"])["rouge_l"] > 0.7 and json.loads(r["detail"])["similar_to"] for r in sim)
        assert all(r["file"].startswith("方名/") and r["line"] >= 1 for r in rej)
    exp = cli("export", "--out", tmp_path / "out", "--format", "alpaca", "--file-type", "jsonl", "--json")
    assert json.loads(exp.output)["n_out"] == len(recs)
    lines = [json.loads(x) for f in (tmp_path / "out" / "data").iterdir() for x in f.read_text().splitlines()]
    assert {x["instruction"] for x in lines} == set(ins) and all(x["output"] for x in lines)


def test_invalid_json_is_re_asked_then_rejected(ws, kg_file):
    load_kg(ws, kg_file)
    with FakeOpenAIServer(responder=make_responder(), faults=["nonjson"]) as srv:
        s = self_instruct(ws, _cfg(srv, limit=1))
        assert srv.requests == 2  # the non-JSON reply was asked again once
    assert s.n_out > 0 and s.extra["llm"]["invalid"] == 1 and s.extra["errors"] == 0

    with FakeOpenAIServer(responder=lambda m, b: "Sure! Here are some pairs: instruction one...") as srv:
        # plain parsing (no structured output): prose is re-asked, then rejected
        s = self_instruct(ws, _cfg(srv, llm={"json_retries": 1, "structured": "off"}))
        assert srv.requests == 3 * 2  # three entities left, each asked twice
    assert (s.n_in, s.n_out, s.n_skipped) == (3, 0, 1)
    assert s.extra["rejected_by_reason"] == {"invalid reply after 1 re-asks": 3}
    rows = ws.fetch_rows("SELECT snippet, line FROM rejects WHERE reason LIKE 'invalid reply%'")
    assert len(rows) == 3 and rows[0]["snippet"].startswith("Sure!")
    # a well-formed JSON of the wrong shape is refused by the validator too
    with pytest.raises(ValueError):
        parse_pairs({"answer": "no list here"})
    with pytest.raises(ValueError):
        parse_pairs({"pairs": [{"instruction": "only half"}]})
    assert parse_pairs([{"指令": "介绍桂枝汤", "回答": "桂枝汤……"}, "junk"])[1][:2] == (None, None)


def test_resume_skips_done_entities_and_retries_failed_ones(ws, kg_file):
    load_kg(ws, kg_file)
    with FakeOpenAIServer(responder=make_responder(), faults=["400"]) as srv:
        first = self_instruct(ws, _cfg(srv, limit=2))
        assert srv.requests == 2
    # the 400 is not retryable: that entity stays pending (an error, not a reject); the other one is done
    assert first.extra["errors"] == 1 and first.extra["items_pending"] == 1 and first.n_in == 1
    kept_first = len(_records(ws))
    with FakeOpenAIServer(responder=make_responder()) as srv:
        second = self_instruct(ws, _cfg(srv))
        assert srv.requests == 3  # the failed one again + the two never asked
    assert (second.n_in, second.n_skipped) == (3, 1)
    assert second.extra["kept_before"] == kept_first
    with FakeOpenAIServer(responder=make_responder()) as srv:
        third = self_instruct(ws, _cfg(srv))
        assert srv.requests == 0
    assert (third.n_in, third.n_out, third.n_skipped) == (0, 0, 4)
    total = len(_records(ws))
    # a run killed after its replies arrived but before its window was committed: the replies are cached
    ws.exec("DELETE FROM synth_items WHERE stage = 'selfinstruct'")
    with FakeOpenAIServer(responder=make_responder()) as srv:
        again = self_instruct(ws, _cfg(srv))
        assert srv.requests == 0 and again.extra["llm"]["cache_hits"] == 4
    assert len(_records(ws)) == total and again.n_out == 0  # already kept: nothing twice
    assert ws.one("SELECT count(*) FROM synth_items WHERE stage = 'selfinstruct'")[0] == 4


def test_changed_card_redoes_the_entity(ws, kg_file, tmp_path):
    load_kg(ws, kg_file)
    with FakeOpenAIServer(responder=make_responder()) as srv:
        self_instruct(ws, _cfg(srv))
        assert srv.requests == 4
    more = KG + [{"node_1": _n("处方", "桂枝汤_1"), "relation": "composition", "node_2": _n("中药名", "生姜")}]
    kg_file.write_text(json.dumps(more, ensure_ascii=False), encoding="utf-8")
    load_kg(ws, kg_file)
    with FakeOpenAIServer(responder=make_responder()) as srv:
        s = self_instruct(ws, _cfg(srv))
        assert srv.requests == 1  # only 桂枝汤's card changed
    assert (s.n_in, s.n_skipped) == (1, 3)


def test_seed_tasks_file_is_used_and_validated(ws, kg_file, tmp_path):
    load_kg(ws, kg_file)
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text('{"lang": "zh", "types": ["方名"], "instruction": "这个方子适合夏天用吗？", "output": "看体质。"}\n',
                     encoding="utf-8")
    with FakeOpenAIServer(responder=make_responder()) as srv:
        self_instruct(ws, _cfg(srv, seed_tasks=str(seeds), n_seeds=1, limit=1))
        user = next(m["content"] for m in srv.bodies[0]["messages"] if m["role"] == "user")
    assert "这个方子适合夏天用吗？" in user and "【方名】" in user and "写出 3 条" in user
    bundled = load_seed_tasks(None)
    assert {s["lang"] for s in bundled} == {"zh", "en"} and len(bundled) >= 15
    seeds.write_text('{"lang": "zh", "instruction": "ok"}\n{not json}\n', encoding="utf-8")
    from medcorpus.pipeline.io import InputError

    with pytest.raises(InputError, match=r"seeds.jsonl:2: malformed JSON"):
        load_seed_tasks(seeds)


def test_english_self_instruct_over_the_disease_db(cli):
    cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv")
    with FakeOpenAIServer(responder=make_responder()) as srv:
        res = cli("synth", "self-instruct", "--lang", "en", "--entity-types", "disease", "--limit", "3",
                  "--base-url", srv.base_url, "--model", "fake", "--json")
        user = next(m["content"] for m in srv.bodies[0]["messages"] if m["role"] == "user")
    out = json.loads(res.output)
    assert out["n_in"] == 3 and out["n_out"] > 0
    assert "Entity: " in user and "(disease)" in user and "Symptoms: " in user and "Write 3 different" in user
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        recs = _records(ws)
        assert recs and all(r.lang == "en" and r.meta["entity_type"] == "disease" for r in recs)


def test_errors_no_kg_no_endpoint_and_dry_run(cli, kg_file, monkeypatch):
    res = cli("synth", "self-instruct", "--base-url", "http://127.0.0.1:9/v1", ok=False)
    assert res.exit_code == 1 and "load a KG first" in res.output
    cli("kb", "load-kg", kg_file)
    for env in ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(env, raising=False)
    res = cli("synth", "self-instruct", "--model", "not-the-local-one", ok=False)
    assert res.exit_code == 1 and "no endpoint" in res.output
    res = cli("synth", "self-instruct", "--entity-types", "方名", "--dry-run", "--model", "x")
    assert "4 entities would be asked" in res.output and "【方名】" in res.output


def test_budget_stops_cleanly_and_resumes(ws, kg_file):
    load_kg(ws, kg_file)
    cfg = dict(llm={"max_cost": 0.0000001, "price_input": 1.0, "price_output": 1.0, "concurrency": 1})
    with FakeOpenAIServer(responder=make_responder()) as srv:
        s = self_instruct(ws, _cfg(srv, **cfg))
        assert srv.requests == 1
    assert s.extra["budget_stopped"] and s.n_in == 1
    assert ws.one("SELECT status FROM runs WHERE run_id = (SELECT max(run_id) FROM runs)")[0] == "stopped"
    with FakeOpenAIServer(responder=make_responder()) as srv:
        s = self_instruct(ws, _cfg(srv))
    assert (s.n_in, s.n_skipped) == (3, 1)


def test_done_means_on_the_shared_formula_kg(cli, shared_data, tmp_path):
    """`kb load-kg formulas_relations.json && synth self-instruct --limit 20` -> grounded, non-redundant
    Chinese pairs that export writes."""
    cli("kb", "load-kg", shared_data / "tcm_kg" / "formulas_relations.json")
    with FakeOpenAIServer(responder=make_responder()) as srv:
        res = cli("synth", "self-instruct", "--base-url", srv.base_url, "--model", "fake", "--limit", "20", "--json")
        assert srv.requests == 20
    out = json.loads(res.output)
    assert out["n_in"] == 20 and out["n_out"] >= 10  # the fake writes templated pairs: many too similar
    exp = json.loads(cli("export", "--out", tmp_path / "out", "--json").output)
    assert exp["n_out"] == out["n_out"]
    import pyarrow.parquet as pq

    table = pq.read_table(next((tmp_path / "out" / "data").iterdir()))
    ins = table.column("instruction").to_pylist()
    assert all(any("\u4e00" <= c <= "\u9fff" for c in x) for x in ins)
    for a, b in combinations(ins, 2):
        assert ZH_SCORER.score(a, b)["rougeL"].fmeasure <= 0.7


def test_pipeline_file_step(ws, kg_file, tmp_path):
    """`medcorpus build` calls the source by name with the step's settings as its config."""
    from medcorpus.build import build

    load_kg(ws, kg_file)
    ws.close()
    with FakeOpenAIServer(responder=make_responder()) as srv:
        pipe = tmp_path / "pipe.toml"
        pipe.write_text(f"""
[[step]]
use = "selfinstruct"
entity_types = ["方名"]
per_entity = 2
[step.llm]
base_url = "{srv.base_url}"
model = "fake"

[report]
enabled = false
""", encoding="utf-8")
        result = build(pipe, workspace=ws.path)
        assert srv.requests == 4
    step = next(s for s in result.steps if s.stage == "selfinstruct")
    assert step.n_in == 4 and step.n_out > 0


def test_status_section(cli, kg_file):
    cli("kb", "load-kg", kg_file)
    with FakeOpenAIServer(responder=make_responder()) as srv:
        cli("synth", "self-instruct", "--entity-types", "方名", "--limit", "2", "--base-url", srv.base_url, "--model", "fake")
    info = json.loads(cli("status", "--json").output)["extra"]["knowledge"]
    assert info["kg"]["sources"] == {"formulas": 28} and info["kg"]["edges"] == 28
    si = info["self_instruct"]
    assert si["entities"] == 2 and si["invalid"] == 0 and si["kept"] >= 2 and si["records_by_type"] == {"方名": si["kept"]}
