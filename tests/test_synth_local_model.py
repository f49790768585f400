"""End to end through the real local model: `medcorpus llm serve` (llama.cpp + SmolLM2-135M-Instruct)
found by a synth command without flags. The model is tiny: its exchanges are valid JSON but mostly
unfaithful, so this checks the plumbing and that whatever is kept passes the checks."""
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


def test_disease_dialogues_through_the_real_local_model(served, cli):
    info, state = served
    assert info["base_url"].startswith("http://127.0.0.1:") and state.exists()
    cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv")
    r = cli("synth", "disease-dialogues", "--limit", "2", "--max-tokens", "160", "--json-retries", "0",
            "--temperature", "0", "--json")
    out = json.loads(r.stdout)
    extra = out["extra"]
    assert extra["endpoint"] == "medcorpus llm serve"
    assert out["n_in"] == 2 and out["n_out"] + out["n_rejected"] == 2  # every case finished: kept or rejected
    assert extra["llm"]["requests"] == 2 and extra["llm"]["completion_tokens"] > 0
    assert all(reason.startswith(("unfaithful", "reply", "not valid JSON"))
               for reason in extra["rejected_by_reason"])
    print("real model:", json.dumps({k: extra[k] for k in ("rejected_by_reason", "llm")}))
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        for rec in ws.records():
            if rec.source == "synth-disease-dialogues":
                assert mentions(rec.turns[1].text, rec.meta["synth"]["disease"])
    # the replies are cached: the same run again asks nothing
    again = json.loads(cli("synth", "disease-dialogues", "--limit", "2", "--max-tokens", "160", "--json-retries", "0",
                           "--temperature", "0", "--json").stdout)
    assert again["n_skipped"] == 2 and "llm" not in again["extra"]
