import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE_DIR, write_jsonl


def test_ingest_export_status_rejects_via_cli(cli, tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", ['{"instruction": "a", "input": "b", "output": "c"}', "{oops"])
    out = json.loads(cli("ingest", SAMPLE_DIR / "genmedgpt_sample.json", bad, "--json").stdout)
    assert out["n_out"] == 301 and out["n_rejected"] == 1
    rej = json.loads(cli("rejects", "--json").stdout)
    assert rej[0]["line"] == 2 and "malformed JSON" in rej[0]["reason"]
    st = json.loads(cli("status", "--json").stdout)
    assert st["records"] == 301 and st["by_source"] == {"genmedgpt_sample": 300, "bad": 1}
    exp = json.loads(cli("export", "--out", tmp_path / "o", "--format", "messages", "--json").stdout)
    assert exp["n_out"] == 301


def test_cli_errors_exit_nonzero(cli, tmp_path):
    r = cli("ingest", tmp_path / "nope.json", ok=False)
    assert r.exit_code == 1 and "no such file" in r.output
    r = cli("export", "--format", "yaml", ok=False)
    assert r.exit_code == 1 and "unknown export format" in r.output


def test_cli_errors_keep_brackets_in_user_text(cli, tmp_path):
    # a file name that is also rich markup: printed as given, not styled away
    missing = tmp_path / "notes[bold]v2[/bold].json"
    r = cli("ingest", missing, ok=False)
    assert r.exit_code == 1 and "notes[bold]v2[/bold].json" in r.output


def test_real_subprocess(tmp_path):
    env = {**os.environ, "MEDCORPUS_WORKSPACE": str(tmp_path / "ws")}
    run = lambda *a: subprocess.run([sys.executable, "-m", "medcorpus", *map(str, a)], env=env,
                                    capture_output=True, text=True, cwd=ROOT)
    r = run("ingest", SAMPLE_DIR / "genmedgpt_sample.json", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["n_out"] == 300
    r = run("export", "--out", tmp_path / "o")
    assert r.returncode == 0 and (tmp_path / "o" / "data" / "train-00000-of-00001.parquet").exists()
    assert run("--help").returncode == 0
