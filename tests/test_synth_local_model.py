"""End to end through the real local model: `medcorpus llm serve` (llama.cpp + SmolLM2-135M-Instruct)
found by each LLM command without flags, one test per task. Replies are schema-constrained (the server
takes {"type": "json_object", "schema"}), so none is of the wrong shape; the kept shares are asserted
against floors below what bench/synth_local.py and bench/selfinstruct.py --local measured (dialogues
12/12; self-instruct pairs: see the README), so a regression in the prompts or the constraints fails here."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from medcorpus.llm.faithful import mentions
from medcorpus.llm.server import gguf_path, llama_available
from tests.conftest import ROOT, SAMPLE_DIR

pytestmark = pytest.mark.slow


@pytest.fixture
def served(tmp_path, monkeypatch):
    if not llama_available():
        pytest.skip("llama-cpp-python[server] is not installed (make llm)")
    try:
        gguf_path()
    except Exception as exc:
        pytest.skip(str(exc))
    state = tmp_path / "serve-state.json"
    for env in ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setenv("MEDCORPUS_LLM_STATE", str(state))
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "medcorpus", "llm", "serve", "--json"], stdout=subprocess.PIPE,
                            text=True, env=env)
    try:
        info = json.loads(_read_json(proc, 180))
        yield info, state
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert not state.exists()  # the serve command cleans up after itself


def _read_json(proc: subprocess.Popen, timeout: float) -> str:
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"llm serve exited with {proc.poll()}")
        lines.append(line)
        text = "".join(lines)
        try:
            json.loads(text)
            return text
        except json.JSONDecodeError:
            continue
    raise AssertionError("llm serve did not start in time")


def _json(result) -> dict:
    return json.loads(result.stdout)


def test_disease_dialogues_through_the_real_local_model(served, cli):
    info, state = served
    assert info["base_url"].startswith("http://127.0.0.1:") and state.exists()
    cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv")
    out = _json(cli("synth", "disease-dialogues", "--limit", "4", "--json-retries", "1", "--json"))
    extra = out["extra"]
    assert extra["endpoint"] == "medcorpus llm serve" and extra["llm"]["structured"] == "json_object_schema"
    assert out["n_in"] == 4 and extra["items_kept"] >= 3  # measured: 12 of 12 (tuning and untouched split)
    assert not any(r.startswith("wrong shape") for r in extra["rejected_by_reason"])
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        for rec in ws.records():
            if rec.source == "synth-disease-dialogues":
                synth = rec.meta["synth"]
                assert mentions(rec.turns[1].text, synth["disease"]) and not mentions(rec.turns[0].text, synth["disease"])
                assert rec.turns[0].text.startswith("Hello doctor, I have had " + synth["symptoms"][0].lower())
    # the replies are cached: the same run again asks nothing
    again = _json(cli("synth", "disease-dialogues", "--limit", "4", "--json-retries", "1", "--json"))
    assert again["n_skipped"] == 4 and "llm" not in again["extra"]


def test_self_instruct_through_the_real_local_model(served, cli):
    cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv")
    out = _json(cli("synth", "self-instruct", "--lang", "en", "--entity-types", "disease", "--limit", "3",
                    "--per-entity", "2", "--json-retries", "1", "--json"))
    extra = out["extra"]
    assert out["n_in"] == 3 and extra["llm"]["wrong_shape"] == 0 and extra["llm"]["requests"] == 3
    assert extra["pairs"] == 6 and out["n_out"] >= 1  # floor under the measured 50-65% (bench/selfinstruct.py --local)
    from medcorpus.knowledge.pairs import ANSWER
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        for rec in ws.records():
            question, answer = rec.turns[0].text, rec.turns[1].text
            openings = [o.format(n=rec.meta["entity_name"], label="\0").split("\0")[0] for o in ANSWER["en"].values()]
            assert question.endswith("?") and mentions(question, rec.meta["entity_name"])
            assert mentions(answer, rec.meta["entity_name"]) and answer.startswith(tuple(openings))


def test_roleplay_through_the_real_local_model(served, cli):
    cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv")
    out = _json(cli("synth", "roleplay", "--limit", "1", "--turns", "2", "--json-retries", "1", "--json"))
    assert out["n_in"] == 1 and out["n_out"] + out["n_rejected"] == 1  # finished: kept or rejected
    assert not any(r.startswith("wrong shape") for r in out["extra"]["rejected_by_reason"])


def test_distill_and_judge_through_the_real_local_model(served, cli, tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"patient": "I have had a sore throat and a fever since yesterday. What should I do?",
                               "doctor": "Rest, drink fluids and take paracetamol; see a doctor if it lasts."}) + "\n",
                   encoding="utf-8")
    cli("ingest", src, "--map", "patient=patient", "--map", "doctor=doctor")
    out = _json(cli("synth", "distill-answers", "--keep", "real", "--json-retries", "1", "--json"))
    assert out["n_in"] == 1 and out["extra"]["answered"] + out["extra"]["llm_rejected"] == 1
    judged = _json(cli("judge", "--json"))
    assert judged["n_in"] == 1 and judged["extra"]["llm"]["wrong_shape"] == 0
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        judge = ws.records()[0].meta["judge"]
    assert set(judge["scores"]) == {"accuracy", "safety", "helpfulness", "language"}
    assert all(1 <= v <= 5 for v in judge["scores"].values()) and judge["rationale"]
