"""Issue 17, item 4: a stage killed (SIGKILL) mid-run and run again leaves every table as an
uninterrupted run does (records, rejects, audits, clusters, caches), not only the export.

The killed run is a real `medcorpus <stage>` process whose committer kills its own process right
after its N-th commit (patched in from this file, so nothing in medcorpus knows about tests).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLE_DIR, write_jsonl

# Runs `medcorpus ARGS...` in this process, SIGKILLing it after the N-th batch commit.
KILLER = """
import os, signal, sys
from medcorpus.pipeline.workspace import Workspace
after = int(os.environ["KILL_AFTER_COMMITS"])
original = Workspace.write_outputs
count = [0]
def write_outputs(self, *args, **kwargs):
    result = original(self, *args, **kwargs)
    count[0] += 1
    if count[0] >= after:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
Workspace.write_outputs = write_outputs
from medcorpus.cli import app
sys.argv = ["medcorpus", *sys.argv[1:]]
app()
"""

# Columns that legitimately differ between two runs of the same work: timestamps, run ids, version
# ids (a sequence: a killed transaction consumes numbers) and dedup's node numbers (in version order).
VOLATILE = {"run_id", "created_at", "started_at", "ended_at", "seconds", "updated_at", "version",
            "input_version", "content_version", "fetched_at", "n", "rep_n"}
SKIP_TABLES = {"runs"}  # the killed run is one more row by design (shown as `interrupted`)


def medcorpus(ws: Path, *args, kill_after: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDCORPUS_WORKSPACE": str(ws)}
    if kill_after is None:
        cmd = [sys.executable, "-m", "medcorpus", *map(str, args)]
    else:
        env["KILL_AFTER_COMMITS"] = str(kill_after)
        cmd = [sys.executable, "-c", KILLER, *map(str, args)]
    return subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)


def snapshot(ws: Path) -> dict[str, list]:
    """Every table of the workspace, volatile columns left out, rows sorted."""
    con = duckdb.connect(str(ws / "medcorpus.duckdb"), read_only=True)
    try:
        out = {}
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()]
        for table in sorted(set(tables) - SKIP_TABLES):
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]).fetchall()]
            keep = [c for c in cols if c not in VOLATILE]
            rows = con.execute(f"SELECT {', '.join(keep)} FROM {table}").fetchall()
            if table == "kv":
                rows = [r for r in rows if r[0] != "workspace_id"]
            out[table] = sorted(json.dumps(r, default=str, sort_keys=True) for r in rows)
        return out
    finally:
        con.close()


def compare(clean: Path, killed: Path) -> None:
    a, b = snapshot(clean), snapshot(killed)
    for table in sorted(set(a) | set(b)):  # a table one side never created counts as empty
        a.setdefault(table, [])
        b.setdefault(table, [])
        assert len(a[table]) == len(b[table]), f"{table}: {len(a[table])} rows uninterrupted, {len(b[table])} after kill+rerun"
        assert a[table] == b[table], f"{table} differs"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """600 consultations: the sample twice, the copy lightly edited (near duplicates for dedup)."""
    rows = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())
    edited = [{**r, "output": r["output"].replace(".", " indeed.", 1)} for r in rows]
    return write_jsonl(tmp_path / "corpus.jsonl", rows + edited)


def _prepare(tmp_path: Path, corpus: Path, before: list[list[str]]) -> tuple[Path, Path]:
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for ws in (clean, killed):
        assert medcorpus(ws, "ingest", corpus).returncode == 0
        for cmd in before:
            r = medcorpus(ws, *cmd)
            assert r.returncode == 0, r.stderr
    return clean, killed


STAGES = {
    "filter": ([], ["filter", "--batch-size", "100"]),
    "dedup": ([["filter"]], ["dedup", "--batch-size", "100"]),
    "grammar": ([], ["grammar", "--batch-size", "100"]),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_kill_mid_stage_then_rerun_leaves_every_table_as_an_uninterrupted_run(tmp_path, corpus, stage):
    before, cmd = STAGES[stage]
    clean, killed = _prepare(tmp_path, corpus, before)
    r = medcorpus(clean, *cmd)
    assert r.returncode == 0, r.stderr
    r = medcorpus(killed, *cmd, kill_after=1)
    assert r.returncode == -9, (r.returncode, r.stderr[-2000:])
    st = json.loads(medcorpus(killed, "status", "--json").stdout)
    assert st["runs"][0]["status"] == "interrupted"
    r = medcorpus(killed, *cmd)
    assert r.returncode == 0, r.stderr
    compare(clean, killed)


def test_kill_mid_scrub_then_rerun(tmp_path, corpus):
    pytest.importorskip("presidio_analyzer")
    clean, killed = _prepare(tmp_path, corpus, [])
    cmd = ["scrub", "--batch-size", "150", "--no-ner"]
    assert medcorpus(clean, *cmd).returncode == 0
    assert medcorpus(killed, *cmd, kill_after=2).returncode == -9
    assert medcorpus(killed, *cmd).returncode == 0
    compare(clean, killed)
