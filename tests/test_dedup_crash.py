"""dedup killed (SIGKILL) in its write phase, then re-run, ends exactly where an uninterrupted run does."""
import json
import random
import signal

from medcorpus.pipeline.workspace import Workspace
from tests.conftest import SAMPLE_DIR, medcorpus_process, slow_stage_pipeline, wait_for_lines, write_jsonl
from tests.test_current_layers import layers


def make_project(path, sleep):
    rng = random.Random(3)
    base = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())[:60]
    rows = [dict(r) for r in base]
    for r in rng.sample(base, 30):  # verbatim re-posts and near copies
        rows.append(dict(r) if rng.random() < 0.5 else {**r, "output": r["output"] + " Take care."})
    rng.shuffle(rows)
    (path / "raw").mkdir(parents=True)
    write_jsonl(path / "raw" / "a.jsonl", rows)
    (path / "pipeline.toml").write_text(slow_stage_pipeline("tests.pipeline_stages:SlowDedup", ["raw/*.jsonl"], sleep,
                                                            tail="[report]\nenabled = false\n"))


def state(path):
    with Workspace(path / "ws") as ws:
        cur = ws.exec(f"SELECT id, status, reason FROM ({ws.current_sql(include_removed=True)}) ORDER BY id")
        clusters = ws.exec("SELECT id, status, cluster FROM dedup_clusters ORDER BY id")
    return cur, clusters


def test_sigkill_in_dedup_write_phase_then_rerun_matches_uninterrupted(tmp_path):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    make_project(clean, 0.0)
    make_project(killed, 0.5)
    assert medcorpus_process(clean, "build", "pipeline.toml").wait(timeout=180) == 0
    proc = medcorpus_process(killed, "build", "pipeline.toml")
    wait_for_lines(killed / "progress.txt", 3, timeout=120)  # a few write batches committed, the rest not
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Workspace(killed / "ws") as ws:
        written = ws.one("SELECT count(*) FROM records WHERE stage = 'test_slow_dedup'")[0]
    assert 0 < written < 90  # killed mid-phase
    assert medcorpus_process(killed, "build", "pipeline.toml").wait(timeout=180) == 0
    with Workspace(killed / "ws") as ws:  # the committer's current_layers survived the kill intact
        kept = layers(ws)
        ws.rebuild_layers()
        assert layers(ws) == kept
    got, want = state(killed), state(clean)
    assert got == want
    assert sum(1 for _, status, _ in want[0] if status == "removed") >= 15
