"""`medcorpus build`: order, incremental refresh, versions, validation, crash safety, report."""
import json
import signal
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from medcorpus.build import build, plan
from medcorpus.pipeline.config import PipelineError, load_pipeline
from medcorpus.pipeline.workspace import Workspace
from tests.conftest import medcorpus_process, wait_for_lines, write_jsonl

PIPELINE = """
name = "t"
workspace = "ws"
[[step]]
use = "ingest"
paths = ["raw/*.jsonl"]
[[step]]
use = "tests.pipeline_stages:Tag"
batch_size = {batch_size}
sleep_per_batch = {sleep}
suffix = "{suffix}"
progress_file = "progress.txt"
[[step]]
use = "tests.pipeline_stages:Count"
batch_size = {batch_size}
[export]
out = "exports"
[report]
out = "report.html"
"""


def qa(i, extra=""):
    return {"instruction": "Be a doctor.", "input": f"Question {i}: my head hurts{extra}", "output": f"Answer {i}."}


def make_project(tmp_path, n=20, sleep=0.0, suffix=" [checked]", batch_size=5):
    (tmp_path / "raw").mkdir(exist_ok=True)
    write_jsonl(tmp_path / "raw" / "a.jsonl", [qa(i) for i in range(n)] + [qa(999, " REJECTME")])
    pipe = tmp_path / "pipeline.toml"
    pipe.write_text(PIPELINE.format(sleep=sleep, suffix=suffix, batch_size=batch_size))
    return pipe


def exported(tmp_path, version):
    table = pq.read_table(tmp_path / "exports" / version / "data")
    return sorted(zip(table.column("instruction").to_pylist(), table.column("output").to_pylist()))


def stage_rows(tmp_path, stage):
    with Workspace(tmp_path / "ws") as ws:
        return ws.one("SELECT count(*) FROM records WHERE stage LIKE ?", [f"%{stage}"])[0]


def test_build_refresh_and_versions(tmp_path):
    pipe = make_project(tmp_path)
    r1 = build(pipe)
    assert r1.export["version"] == "v0001" and r1.export["records"] == 20
    assert exported(tmp_path, "v0001")[0] == ("Question 0: my head hurts", "Answer 0. [checked]")
    assert json.loads((tmp_path / "exports" / "v0001" / "manifest.json").read_text())["added"] == 20
    # nothing new: no stage work, no new version
    r2 = build(pipe)
    assert not r2.did_work and r2.export["unchanged"] and not (tmp_path / "exports" / "v0002").exists()
    assert stage_rows(tmp_path, "test_tag") == 21
    # a new file: only its records flow through, a new version records what was added
    write_jsonl(tmp_path / "raw" / "b.jsonl", [qa(100), qa(101), qa(0)])  # qa(0) from another file: new source
    r3 = build(pipe)
    tag = next(s for s in r3.steps if s.stage == "test_tag")
    assert (tag.n_in, tag.n_skipped) == (3, 21)
    man = json.loads((tmp_path / "exports" / "v0002" / "manifest.json").read_text())
    assert (man["records"], man["added"], man["removed"], man["previous"]) == (23, 3, 0, "v0001")
    assert (tmp_path / "exports" / "LATEST").read_text().strip() == "v0002"
    assert (tmp_path / "report.html").exists()


def test_changed_setting_reprocesses_that_stage_and_later(tmp_path):
    pipe = make_project(tmp_path)
    build(pipe)
    pipe.write_text(PIPELINE.format(sleep=0.0, suffix=" [v2]", batch_size=5))
    r = build(pipe)
    by_stage = {s.stage: s for s in r.steps}
    assert by_stage["test_tag"].n_in == 21 and by_stage["test_count"].n_in == 20
    assert by_stage["ingest"].n_in == 0
    assert exported(tmp_path, "v0002")[0][1] == "Answer 0. [v2]"
    assert json.loads((tmp_path / "exports" / "v0002" / "manifest.json").read_text())["changed"] == 20


def test_validation_names_the_key(tmp_path):
    pipe = tmp_path / "p.toml"
    pipe.write_text('[[step]]\nuse = "ingest"\npaths = ["x"]\nformatt = "auto"\n')
    with pytest.raises(PipelineError, match=r"step\[0\] \(use = 'ingest'\): formatt: unknown key"):
        build(pipe)
    pipe.write_text('[[step]]\nuse = "teleport"\n')
    with pytest.raises(PipelineError, match="stage 'teleport' is not available"):
        build(pipe)
    pipe.write_text('[export]\nformat = "alpaca"\nshards = 3\n')
    with pytest.raises(PipelineError, match="export.shards: unknown key"):
        load_pipeline(pipe)


def test_step_skipped_unless_env(tmp_path, monkeypatch):
    pipe = make_project(tmp_path)
    pipe.write_text(pipe.read_text().replace('use = "tests.pipeline_stages:Count"',
                                             'use = "tests.pipeline_stages:Count"\nwhen_env = "MEDCORPUS_TEST_FLAG"'))
    monkeypatch.delenv("MEDCORPUS_TEST_FLAG", raising=False)
    r = build(pipe)
    assert r.skipped == ["tests.pipeline_stages:Count: skipped (set MEDCORPUS_TEST_FLAG to run it)"]
    monkeypatch.setenv("MEDCORPUS_TEST_FLAG", "1")
    assert any(s.stage == "test_count" and s.n_in == 20 for s in build(pipe).steps)


def test_runner_keys_reach_sources_that_declare_them(tmp_path):
    from medcorpus.pipeline.config import validate_steps
    from medcorpus.pipeline.stage import get_stage

    pipe = tmp_path / "p.toml"
    pipe.write_text('[[step]]\nuse = "ingest"\npaths = ["x"]\nworkers = 3\nlimit = 5\n')
    (step, cls, config), = validate_steps(load_pipeline(pipe), pipe, get_stage)
    assert config.workers == 3 and step.limit == 5  # IngestConfig has workers, no limit


def test_dry_run_plan_and_only(tmp_path):
    pipe = make_project(tmp_path)
    with Workspace(tmp_path / "ws") as ws:
        steps = plan(ws, load_pipeline(pipe), pipe)
    assert [s["use"] for s in steps] == ["ingest", "tests.pipeline_stages:Tag", "tests.pipeline_stages:Count"]
    assert not (tmp_path / "exports").exists()
    r = build(pipe, only="ingest")
    assert [s.stage for s in r.steps] == ["ingest"] and not r.export


def test_sigkill_mid_stage_then_rerun_matches_uninterrupted(tmp_path):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for d in (clean, killed):
        d.mkdir()
        make_project(d, n=60, sleep=0.4, batch_size=4)
    assert medcorpus_process(clean, "build", "pipeline.toml").wait(timeout=120) == 0
    proc = medcorpus_process(killed, "build", "pipeline.toml")
    wait_for_lines(killed / "progress.txt", 3, timeout=60)  # the slow stage a few batches in
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (killed / "exports" / "v0001").exists()
    assert medcorpus_process(killed, "build", "pipeline.toml").wait(timeout=120) == 0
    assert exported(killed, "v0001") == exported(clean, "v0001")
    with Workspace(killed / "ws") as ws:  # no record processed twice by the killed stage
        assert ws.one("SELECT count(*), count(DISTINCT input_version) FROM records WHERE stage = 'test_tag'") == (61, 61)


def test_report_renders(tmp_path):
    pipe = make_project(tmp_path)
    build(pipe)
    page = (tmp_path / "report.html").read_text()
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(page)
    titles = [h.text() for h in tree.css("h2")]
    assert "Turn lengths by source" in titles and "Rejects by reason" in titles
    # a chart where there is more than one category (funnel, turn lengths, rejects), a figure otherwise
    assert len(tree.css("figure.plot svg")) >= 2 and len(tree.css("div.figure")) >= 2
    assert "contains REJECTME" in page
    chromium = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
    if chromium is None:
        return
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'chrome'}", "--dump-dom", (tmp_path / "report.html").as_uri()],
                         capture_output=True, text=True, timeout=90)
    rendered = HTMLParser(dom.stdout)
    assert len(rendered.css("figure.plot svg")) >= 2, dom.stderr[-2000:]
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", f"--user-data-dir={tmp_path / 'chrome2'}", "--window-size=1000,2000",
                    f"--screenshot={shot}", (tmp_path / "report.html").as_uri()], capture_output=True, timeout=90)
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page is ~5 kB


def test_build_cli_init_and_json(tmp_path):
    p = medcorpus_process(tmp_path, "build", "--init", "mine.toml")
    assert p.wait(timeout=60) == 0 and "use = \"ingest\"" in (tmp_path / "mine.toml").read_text()
    load_pipeline(tmp_path / "mine.toml")  # the example is valid
    pipe = make_project(tmp_path)
    p = medcorpus_process(tmp_path, "build", str(pipe), "--json")
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert json.loads(out)["export"]["version"] == "v0001"
    p = medcorpus_process(tmp_path, "status", "-w", "ws", "--json")
    out, _ = p.communicate(timeout=60)
    st = json.loads(out)
    assert st["extra"]["exports"][0]["version"] == "v0001"
    assert [s["stage"] for s in st["stages"]] == ["test_tag", "test_count"]
