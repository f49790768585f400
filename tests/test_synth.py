"""Synthesis modes against the local fake OpenAI-compatible server: disease dialogues, role-play,
answer distillation; faithfulness, retries, cache, budget, dry run, kill-and-resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medcorpus.knowledge.diseases import load_diseases
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.faithful import check_exchange, mentions
from medcorpus.pipeline.runner import run_stage
from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues, symptom_subsets
from medcorpus.stages.synth_distill_answers import SynthDistillAnswers
from medcorpus.stages.synth_roleplay import SynthRoleplay
from tests.conftest import ROOT, SAMPLE_DIR, write_jsonl
from tests.fakes.openai_server import FakeOpenAIServer, default_responder

DB = SAMPLE_DIR / "disease_db_sample.csv"


def llm(srv, **kw) -> LLMConfig:
    kw.setdefault("model", "fake")
    return LLMConfig(base_url=srv.base_url, **kw)


def synth_records(ws, source="synth-disease-dialogues"):
    return [r for r in ws.records() if r.source == source]


def test_disease_dialogues_cli_cache_and_export(cli, tmp_path):
    cli("kb", "load-diseases", DB)
    with FakeOpenAIServer() as srv:
        r = cli("synth", "disease-dialogues", "--base-url", srv.base_url, "--model", "any", "--limit", "5",
                "--per-item", "2", "--json")
        out = json.loads(r.stdout)
        assert (out["n_in"], out["n_out"], out["n_rejected"]) == (10, 10, 0)
        assert out["extra"]["llm"]["requests"] == 20 and out["extra"]["llm"]["completion_tokens"] > 0
        assert srv.requests == 20 and srv.probes == 1  # two calls an item; the endpoint probed once
        assert all(b["response_format"]["type"] == "json_schema" for b in srv.bodies if "response_format" in b)
        # an identical second run makes no request and writes nothing
        r2 = json.loads(cli("synth", "disease-dialogues", "--base-url", srv.base_url, "--model", "any",
                            "--limit", "5", "--per-item", "2", "--json").stdout)
        assert srv.requests == 20 and r2["n_out"] == 0 and r2["n_skipped"] == 10
        # a third exchange per disease only adds the new ones
        r3 = json.loads(cli("synth", "disease-dialogues", "--base-url", srv.base_url, "--model", "any",
                            "--limit", "5", "--per-item", "3", "--json").stdout)
        assert r3["n_out"] == 5 and srv.requests == 30
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        recs = synth_records(ws)
        assert len(recs) == 15
        for rec in recs:
            meta = rec.meta["synth"]
            assert meta["mode"] == "disease-dialogues" and meta["model"] == "any"
            assert meta["prompt"][1].startswith("disease_doctor.en@v2-") and meta["disease_id"].startswith("disease_db_sample:")
            patient, doctor = rec.turns
            assert patient.role == "patient" and doctor.role == "doctor"
            assert not mentions(patient.text, meta["disease"]) and mentions(doctor.text, meta["disease"])
        # different symptom subsets per disease
        by_disease = {}
        for rec in recs:
            by_disease.setdefault(rec.meta["synth"]["disease_id"], []).append(tuple(rec.meta["synth"]["symptoms"]))
        assert all(len(set(v)) == len(v) == 3 for v in by_disease.values())
    cli("export", "--out", tmp_path / "out", "--format", "sharegpt")
    import pyarrow.parquet as pq

    table = pq.read_table(next((tmp_path / "out" / "data").glob("*.parquet")))
    assert table.num_rows == 15
    status = json.loads(cli("status", "--json").stdout)
    assert status["extra"]["llm"]["by_model"]["any"]["replies"] == 30


def test_faithfulness_rejects_and_retries(ws):
    load_diseases(ws, DB)

    names = [r[0] for r in ws.exec("SELECT name FROM kb_diseases")]

    def leaky(messages, body):  # every complaint guesses a disease: never faithful
        reply = json.loads(default_responder(messages, body))
        if "complaint" in reply:
            reply["complaint"] += " Could it be " + " or ".join(names) + "?"
        return json.dumps(reply)

    with FakeOpenAIServer(responder=leaky) as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv, json_retries=2), "limit": 3}).run(ws)
        assert (s.n_in, s.n_out, s.n_rejected) == (3, 0, 3)
        assert srv.requests == 9  # each complaint asked 1 + 2 times; no doctor call for a rejected one
        assert s.extra["rejected_by_reason"] == {"unfaithful: the complaint names the disease": 3}
        # the patient's call never sees the disease, the doctor's call sees it
        patient_calls = [b for b in srv.bodies if "Your symptoms" in b["messages"][-1]["content"]]
        assert len(patient_calls) == 9 and not any(n in json.dumps(b) for b in patient_calls for n in names[:3])
    rows = ws.exec("SELECT reason, snippet FROM rejects WHERE stage = 'synth_disease_dialogues'")
    assert len(rows) == 3 and "Could it be" in rows[0][1]
    # rejected items are finished: a re-run asks nothing
    with FakeOpenAIServer() as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv, json_retries=2), "limit": 3}).run(ws)
        assert srv.requests == 0 and s.n_skipped == 3

    def vague(messages, body):  # the answer names neither the disease nor a test or medication
        reply = json.loads(default_responder(messages, body))
        if "answer" in reply:
            reply["answer"] = "Please rest, drink water and come to the clinic if it gets worse."
        return json.dumps(reply)

    with FakeOpenAIServer(responder=vague) as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv, model="fake2"), "limit": 1}).run(ws)
        assert s.n_out == 1 and srv.requests == 2 and s.extra["llm"]["invalid"] == 0
        # the schema opens the answer with the diagnosis (a `pattern`) and the complaint with a symptom
        answer = srv.bodies[1]["response_format"]["json_schema"]["schema"]["properties"]["answer"]
        assert answer["pattern"].startswith("^It is most likely Panic disorder[^")
    rec = [r for r in synth_records(ws) if r.meta["synth"]["model"] == "fake2"][0]
    # the schema-picked names are stated in a plain sentence after the model's answer, and said so in meta
    assert rec.meta["synth"]["added"] == ["names"]
    assert rec.turns[1].text.startswith("It is most likely Panic disorder Please rest")
    assert rec.turns[0].text.startswith("Hello doctor, I have had " + rec.meta["synth"]["symptoms"][0].lower())
    assert check_exchange(rec.turns[0].text, rec.turns[1].text, "Panic disorder", [], ["Lorazepam"])
    # an endpoint without structured output: the disease is stated too
    with FakeOpenAIServer(responder=vague, accepts=()) as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv, model="fake3", structured="off"), "limit": 1}).run(ws)
    rec = [r for r in synth_records(ws) if r.meta["synth"]["model"] == "fake3"][0]
    assert rec.meta["synth"]["added"] == ["disease", "names"]
    assert rec.turns[1].text.startswith("It is most likely Panic disorder. Please rest")


def test_faults_are_survived(ws):
    load_diseases(ws, DB)
    with FakeOpenAIServer(faults=["nonjson", "429", "500", "truncated", None, "nonjson"]) as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv, concurrency=2), "limit": 6}).run(ws)
        assert (s.n_out, s.n_rejected, s.extra["errors"]) == (6, 0, 0)
        assert s.extra["llm"]["retries"] == 3 and s.extra["llm"]["invalid"] == 2


def test_budget_stop_then_resume(ws):
    load_diseases(ws, DB)
    with FakeOpenAIServer() as srv:
        cfg = llm(srv, concurrency=1, max_cost=0.001, price_input=1.0, price_output=1.0)
        s = SynthDiseaseDialogues({"llm": cfg, "limit": 20}).run(ws)
        assert s.extra["budget_stopped"] and 0 < s.n_out < 20 and s.extra["items_pending"] == 20 - s.n_out
        assert s.extra["llm"]["cost_usd"] >= 0.001
        first = srv.requests
        s2 = SynthDiseaseDialogues({"llm": llm(srv, concurrency=4), "limit": 20}).run(ws)
        assert s2.n_out == 20 - s.n_out and srv.requests == 40  # nothing finished was asked again
    assert first in (2 * s.n_out, 2 * s.n_out + 1)  # the item in progress keeps its cached complaint
    assert ws.one("SELECT count(*), count(DISTINCT id) FROM records WHERE source = 'synth-disease-dialogues'") == (20, 20)


def test_dry_run_sends_and_writes_nothing(cli):
    cli("kb", "load-diseases", DB)
    with FakeOpenAIServer() as srv:
        r = cli("synth", "disease-dialogues", "--base-url", srv.base_url, "--limit", "4", "--dry-run", "--json")
        out = json.loads(r.stdout)
        assert srv.requests == 0
    assert out["extra"]["dry_run"] and out["extra"]["items"] == 4 and out["extra"]["prompt_tokens_est"] > 100
    r = cli("synth", "disease-dialogues", "--limit", "2", "--dry-run", "--model", "gpt-4o-mini")
    assert "Your symptoms:" in r.output and "cost_usd_est_max" in r.output
    status = json.loads(cli("status", "--json").stdout)
    assert status["records"] == 0


def test_no_endpoint_is_a_clear_error(cli, monkeypatch, tmp_path):
    for env in ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setenv("MEDCORPUS_LLM_STATE", str(tmp_path / "none.json"))
    cli("kb", "load-diseases", DB)
    r = cli("synth", "disease-dialogues", "--model", "gpt-4o-mini", "--limit", "1", ok=False)
    assert r.exit_code == 1 and "--base-url" in r.output
    r = cli("synth", "disease-dialogues", "--limit", "1", "--base-url", "http://x/v1", "--max-cost", "1",
            "--model", "unpriced", ok=False)
    assert r.exit_code == 1 and "price" in r.output
    # an endpoint that never answers: every item fails, the command says so and exits non-zero
    r = cli("synth", "disease-dialogues", "--limit", "1", "--base-url", "http://127.0.0.1:9/v1", "--max-retries", "0",
            ok=False)
    assert r.exit_code == 1 and "every request failed" in r.output


def test_chinese_dialogues(ws):
    load_diseases(ws, DB)
    with FakeOpenAIServer() as srv:
        s = SynthDiseaseDialogues({"llm": llm(srv), "limit": 2, "lang": "zh"}).run(ws)
        assert s.n_out == 2
        systems = [b["messages"][0]["content"] for b in srv.bodies]
        assert any("你是一位患者" in m for m in systems) and any("你是一位和蔼的医生" in m for m in systems)
    rec = synth_records(ws)[0]
    assert rec.lang == "zh" and rec.meta["synth"]["prompt"][0].startswith("disease_patient.zh@")


KILL_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from medcorpus.pipeline.progress import set_quiet
from medcorpus.pipeline.workspace import Workspace
from medcorpus.llm.config import LLMConfig
from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues
set_quiet(True)
ws = Workspace({ws!r})
s = SynthDiseaseDialogues({{"llm": LLMConfig(base_url={url!r}, model="fake", concurrency=3), "limit": 60}}).run(ws)
print("DONE", s.n_out, s.extra.get("llm", {{}}).get("requests", 0), flush=True)
"""


def test_kill_and_resume_in_subprocess(tmp_path):
    from medcorpus.pipeline.workspace import Workspace

    wsdir = tmp_path / "ws"
    with Workspace(wsdir) as ws:
        load_diseases(ws, DB)
    with FakeOpenAIServer(latency=0.15) as srv:
        script = KILL_SCRIPT.format(root=str(ROOT), ws=str(wsdir), url=srv.base_url)
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        # ~1.5 s in: past the first commit (finished items are committed at least once a second)
        while srv.requests < 60 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = srv.requests
        assert 60 <= first < 120
        with Workspace(wsdir) as ws:
            kept = ws.one("SELECT count(*) FROM records WHERE source = 'synth-disease-dialogues'")[0]
            cached = ws.one("SELECT count(*) FROM llm_cache")[0]
        assert kept >= 1 and cached >= kept  # batches were committed before the kill
        done = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, check=True)
        _, n_out, requests = done.stdout.split()
        assert kept + int(n_out) == 60
        # nothing committed before the kill was asked again; only the replies in flight or not yet
        # committed (at most ~1 s of them) may be asked twice
        assert int(requests) == srv.requests - first and int(requests) <= 120 - cached
        # a third run: no request at all
        again = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, check=True)
        assert again.stdout.split()[1:] == ["0", "0"]
    with Workspace(wsdir) as ws:
        assert ws.one("SELECT count(*), count(DISTINCT id) FROM records WHERE source = 'synth-disease-dialogues'") == (60, 60)
        assert ws.one("SELECT count(*), count(DISTINCT item_key) FROM synth_items") == (60, 60)


# ------------------------------------------------------------------ role-play
def test_roleplay_turn_taking(ws):
    load_diseases(ws, DB)
    with FakeOpenAIServer() as srv:
        s = SynthRoleplay({"llm": llm(srv), "limit": 3, "max_turns": 4}).run(ws)
        assert (s.n_out, s.n_rejected) == (3, 0)
    for rec in synth_records(ws, "synth-roleplay"):
        roles = [t.role for t in rec.turns]
        assert roles == ["patient", "doctor"] * (len(roles) // 2) and len(roles) >= 4
        assert rec.turns[1].text.endswith("?")  # the doctor asks before concluding
        assert mentions(rec.turns[-1].text, rec.meta["synth"]["disease"])
        assert not any(mentions(t.text, rec.meta["synth"]["disease"]) for t in rec.turns if t.role == "patient")
        assert rec.meta["synth"]["stop"] == "closing turn"
    # the patient agent sees the doctor's turns as the user; the doctor agent the patient's
    patient_req = next(b for b in srv.bodies if "role-playing a patient" in b["messages"][0]["content"]
                       and len(b["messages"]) > 2)
    assert patient_req["messages"][1]["role"] == "user" and patient_req["messages"][2]["role"] == "assistant"
    doctor_req = next(b for b in srv.bodies if "experienced, friendly doctor" in b["messages"][0]["content"])
    assert doctor_req["messages"][1]["role"] == "user"
    assert "Vocal cord polyp" not in json.dumps(srv.bodies[0]["messages"])  # the patient never sees the diagnosis


def test_roleplay_turn_limit_and_repeats(ws):
    load_diseases(ws, DB)
    with FakeOpenAIServer() as srv:  # one exchange: the doctor is told to conclude at once
        s = SynthRoleplay({"llm": llm(srv), "limit": 1, "max_turns": 1}).run(ws)
        assert s.n_out == 1
        assert "conclusion now" in srv.bodies[-1]["messages"][-1]["content"]
    rec = synth_records(ws, "synth-roleplay")[0]
    assert len(rec.turns) == 2 and rec.meta["synth"]["stop"] == "closing turn"

    def stuck(messages, body):  # the patient repeats itself; the doctor keeps asking
        if "role-playing a patient" in messages[0]["content"]:
            return json.dumps({"reply": "I have a headache."})
        return json.dumps({"reply": f"Question {len(messages)}?", "final": False})

    with FakeOpenAIServer(responder=stuck) as srv:
        s = SynthRoleplay({"llm": llm(srv, model="stuck"), "cases": "diseases", "limit": 1, "max_turns": 5}).run(ws)
    # the repeat stops the talk; it never reached a conclusion naming the disease: rejected
    assert s.n_rejected == 1 and "ends without naming the disease" in next(iter(s.extra["rejected_by_reason"]))


def test_roleplay_from_records(ws, tmp_path):
    from medcorpus.stages.ingest import ingest

    ingest(ws, [SAMPLE_DIR / "genmedgpt_sample.json"], "auto", {}, None, "consultation")
    with FakeOpenAIServer() as srv:
        s = SynthRoleplay({"llm": llm(srv), "cases": "records", "limit": 2, "max_turns": 3}).run(ws)
    assert s.n_out == 2
    rec = synth_records(ws, "synth-roleplay")[0]
    assert rec.meta["synth"]["case"] == "records" and rec.meta["synth"]["record_id"]
    assert len(rec.turns) >= 4


# ------------------------------------------------------------------ distillation
def _ingest_two(ws, tmp_path):
    from medcorpus.stages.ingest import ingest

    zh = write_jsonl(tmp_path / "c.jsonl", [
        {"query": "<s>问：\n我头痛三天了，还有点发烧，怎么办？\n答：\n", "response": "建议多喝水，休息。"}])
    en = write_jsonl(tmp_path / "a.jsonl", [
        {"instruction": "If you are a doctor, answer.", "input": "I have had a dry cough for two weeks.",
         "output": "It may be a viral infection."}])
    ingest(ws, [zh, en], "auto", {}, None, "consultation")
    assert len(ws.records()) == 2
    return {r.lang: r for r in ws.records()}


def test_distill_keep_both(ws, tmp_path):
    originals = _ingest_two(ws, tmp_path)
    with FakeOpenAIServer() as srv:
        s = run_stage(ws, SynthDistillAnswers({"llm": llm(srv), "keep": "both"}))
        assert (s.n_in, s.n_out, s.extra["answered"]) == (2, 2, 2) and srv.requests == 2
        assert srv.bodies[0]["messages"][0]["role"] == "system"
        # re-run (the copies are new inputs now): they pass through, no request
        s2 = run_stage(ws, SynthDistillAnswers({"llm": llm(srv), "keep": "both"}))
        assert s2.extra["passed_through"] == 2 and srv.requests == 2
    recs = {r.id: r for r in ws.records()}
    assert len(recs) == 4
    for lang, orig in originals.items():
        now = recs[orig.id]
        assert now.turns == orig.turns and now.meta["distill"]["model"] == "fake"
        copy = recs[now.meta["distill"]["record_id"]]
        assert copy.meta["synth"]["from_record"] == orig.id and copy.source.endswith("+distill")
        assert copy.turns[:-1] == orig.turns[:-1] and copy.turns[-1].text != orig.turns[-1].text
        assert (lang == "zh") == ("建议" in copy.turns[-1].text)


@pytest.mark.parametrize("keep", ["real", "llm"])
def test_distill_keep_real_or_llm(ws, tmp_path, keep):
    originals = _ingest_two(ws, tmp_path)
    with FakeOpenAIServer() as srv:
        run_stage(ws, SynthDistillAnswers({"llm": llm(srv), "keep": keep}))
    recs = {r.id: r for r in ws.records()}
    assert len(recs) == 2
    for orig in originals.values():
        now = recs[orig.id]
        if keep == "real":
            assert now.turns == orig.turns and now.meta["distill"]["answer"]
        else:
            assert now.turns[-1].text != orig.turns[-1].text and now.meta["synth"]["mode"] == "distill-answers"


def test_distill_bad_answers_keep_the_real_one(ws, tmp_path):
    originals = _ingest_two(ws, tmp_path)
    with FakeOpenAIServer(responder=lambda m, b: "OK.") as srv:
        s = run_stage(ws, SynthDistillAnswers({"llm": llm(srv, json_retries=1), "keep": "llm"}))
        assert s.extra["llm_rejected"] == 2 and srv.requests == 4
        assert s.extra["rejected_by_reason"] == {"answer too short": 2}
    for orig in originals.values():
        now = {r.id: r for r in ws.records()}[orig.id]
        assert now.turns == orig.turns and now.meta["distill"]["error"] == "answer too short"


def test_distill_failed_requests_stay_pending(ws, tmp_path):
    _ingest_two(ws, tmp_path)
    with FakeOpenAIServer(faults=["500"] * 4) as srv:
        s = run_stage(ws, SynthDistillAnswers({"llm": llm(srv, max_retries=1, concurrency=1), "keep": "llm"}))
        assert s.extra["errors"] == 2 and s.n_in == 0
        s2 = run_stage(ws, SynthDistillAnswers({"llm": llm(srv, max_retries=1, concurrency=4), "keep": "llm"}))
        assert s2.extra["answered"] == 2  # same fingerprint despite other concurrency


# ------------------------------------------------------------------ helpers
def test_faithfulness_helpers():
    assert mentions("Take alprazolam twice a day", "Alprazolam (Xanax)")
    assert mentions("try xanax", "Alprazolam (Xanax)")
    assert not mentions("I feel panicky", "Panic disorder")
    assert mentions("可能是 Panic disorder（惊恐障碍）", "Panic disorder")
    with pytest.raises(ValueError, match="complaint names"):
        check_exchange("Is it gout?", "It is gout, take colchicine.", "Gout", [], ["Colchicine"])
    with pytest.raises(ValueError, match="none of the entry"):
        check_exchange("My toe hurts", "It is gout.", "Gout", ["Uric acid test"], ["Colchicine"])
    assert check_exchange("My toe hurts", "It is gout; a uric acid test helps.", "Gout", ["Uric acid test"],
                          [])["named"] == ["Uric acid test"]
    subsets = symptom_subsets("x:1", list("abcdefgh"), 4, 2, 5)
    assert len({tuple(s) for s in subsets}) == 4 and subsets[:2] == symptom_subsets("x:1", list("abcdefgh"), 2, 2, 5)


def test_stages_registered():
    from medcorpus.pipeline.stage import get_stage

    for name in ("synth_disease_dialogues", "synth_roleplay", "synth_distill_answers"):
        assert get_stage(name).name == name


def test_pipeline_file_runs_synth_steps(tmp_path):
    from medcorpus.build import build
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(tmp_path / "ws") as ws:
        load_diseases(ws, DB)
    with FakeOpenAIServer() as srv:
        (tmp_path / "p.toml").write_text(f"""
name = "synth"
workspace = "ws"
[[step]]
use = "synth_disease_dialogues"
per_item = 2
[step.llm]
base_url = "{srv.base_url}"
model = "fake"
[[step]]
use = "synth_distill_answers"
keep = "real"
[step.llm]
base_url = "{srv.base_url}"
model = "fake"
[export]
out = "exports"
[report]
enabled = false
""", encoding="utf-8")
        result = build(tmp_path / "p.toml")
        n = 2 * 60
        assert srv.requests == 3 * n  # a dialogue each (two calls), then a distilled answer each
        again = build(tmp_path / "p.toml")
        assert srv.requests == 3 * n and not again.did_work
    with Workspace(tmp_path / "ws") as ws:
        recs = ws.records()
        assert len(recs) == n and all(r.meta["distill"]["answer"] for r in recs)
    assert result.steps[0].n_out == n


def test_distill_killed_mid_run_then_rerun_leaves_every_table_as_an_uninterrupted_run(tmp_path):
    """SIGKILL of `medcorpus synth distill-answers` right after its 3rd batch commit, then re-runs:
    every table (records, added copies, the reply cache, rejects) as after uninterrupted runs. Both
    sides are compared once a further run has nothing to answer: the copies a run adds are new inputs
    that the next run passes through, so a killed-then-resumed side has passed through some copies
    one run earlier."""
    from tests.test_trust_kill import compare, medcorpus

    rows = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())[:120]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    with FakeOpenAIServer() as srv:
        cmd = ["synth", "distill-answers", "--keep", "both", "--base-url", srv.base_url, "--model", "fake",
               "--concurrency", "2"]
        for ws in (clean, killed):
            assert medcorpus(ws, "ingest", corpus).returncode == 0
        for _ in range(2):
            assert medcorpus(clean, *cmd).returncode == 0
        r = medcorpus(killed, *cmd, kill_after=3)
        assert r.returncode == -9, r.stderr[-2000:]
        asked = srv.requests
        assert 120 + 3 * 8 <= asked < 2 * 120  # three batches of 8 committed, the rest not asked yet
        for _ in range(2):
            r = medcorpus(killed, *cmd)
            assert r.returncode == 0, r.stderr
        assert srv.requests - asked <= 120 - 3 * 8  # committed answers are not asked again
    compare(clean, killed)
