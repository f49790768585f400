"""Issue 17, workspace bullets: opened not conjured, vanished mid-run, busy, runs that tell the truth,
errors instead of tracebacks (each test reproduces a failure from the issue and asserts the fix)."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_DIR, write_jsonl

SAMPLE = SAMPLE_DIR / "genmedgpt_sample.json"

# Holds a workspace like a running command would: `python -c HOLD WS SECONDS [run]`.
HOLD = """
import sys, time
from medcorpus.pipeline.safety import open_workspace
ws = open_workspace(sys.argv[1], command="medcorpus scrub")
if len(sys.argv) > 3:
    ws.start_run("scrub")
print("ready", flush=True)
if sys.argv[2] == "stdin":
    sys.stdin.readline()  # hold until the test says so
else:
    time.sleep(float(sys.argv[2]))
ws.close()
"""


def medcorpus(*args, env: dict | None = None, cwd: Path = ROOT, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    env.pop("MEDCORPUS_WORKSPACE", None)
    return subprocess.run([sys.executable, "-m", "medcorpus", *map(str, args)], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def hold(ws: Path, seconds: float | str, with_run: bool = False) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(ws), str(seconds)] + (["run"] if with_run else []),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "ready"
    return proc


def no_traceback(result) -> None:
    out = (result.stdout or "") + (result.stderr or "")
    assert "Traceback" not in out and "Error:" not in out.replace("error:", ""), out
    assert result.returncode != 0


def test_mistyped_workspace_is_an_error_not_an_empty_export(tmp_path):
    # was: `export -w no_such_ws --out x` wrote a 0-record dataset with exit 0
    assert medcorpus("ingest", "-w", tmp_path / "real_ws", SAMPLE, cwd=tmp_path).returncode == 0
    r = medcorpus("export", "-w", "real_wz", "--out", "x", cwd=tmp_path)
    no_traceback(r)
    assert r.returncode == 1
    assert "no workspace at real_wz" in r.stderr and "did you mean -w real_ws" in r.stderr
    assert not (tmp_path / "real_wz").exists() and not (tmp_path / "x").exists()
    for command in (["status"], ["rejects"], ["scrub"], ["dedup"], ["filter"], ["report"]):
        r = medcorpus(*command, "-w", tmp_path / "nope", cwd=tmp_path)
        assert r.returncode == 1 and "no workspace at" in r.stderr, (command, r.stderr)
    assert not (tmp_path / "nope").exists()


def test_workspace_deleted_mid_run_fails_the_run(cli, tmp_path, monkeypatch):
    # was: a workspace deleted mid-`scrub` ended with exit 0, and `status` then showed 0 records
    from medcorpus.stages import filter as filter_stage

    cli("ingest", SAMPLE)
    original = filter_stage.FilterStage.process

    def process_then_delete(self, batch):
        shutil.rmtree(cli.workspace, ignore_errors=True)  # another user's `rm -rf` mid-run
        return original(self, batch)

    monkeypatch.setattr(filter_stage.FilterStage, "process", process_then_delete)
    r = cli("filter", ok=False)
    assert r.exit_code == 1 and "deleted or replaced while this command ran" in r.output, r.output
    r = cli("status", ok=False)
    assert r.exit_code == 1 and "no workspace at" in r.output


def test_workspace_replaced_mid_run_fails_the_run(cli, tmp_path, monkeypatch):
    from medcorpus.stages import filter as filter_stage

    cli("ingest", SAMPLE)
    spare = tmp_path / "spare"
    shutil.copytree(cli.workspace, spare)
    original = filter_stage.FilterStage.process

    def process_then_replace(self, batch):
        db = cli.workspace / "medcorpus.duckdb"
        os.replace(spare / "medcorpus.duckdb", db)  # a restore from backup while the command runs
        return original(self, batch)

    monkeypatch.setattr(filter_stage.FilterStage, "process", process_then_replace)
    r = cli("filter", ok=False)
    assert r.exit_code == 1 and "deleted or replaced" in r.output


def test_busy_workspace_names_the_holder_and_waits(tmp_path):
    # was: a second command failed at once with DuckDB's raw lock message
    ws = tmp_path / "ws"
    assert medcorpus("ingest", "-w", ws, SAMPLE).returncode == 0
    holder = hold(ws, 60)
    try:
        r = medcorpus("status", "-w", ws)
        assert r.returncode == 1
        assert f"workspace {ws} is busy" in r.stderr and f"(PID {holder.pid}" in r.stderr
        assert "medcorpus scrub" in r.stderr and "--wait" in r.stderr
        assert "Could not set lock" not in r.stderr and "duckdb" not in r.stderr.lower()
    finally:
        holder.kill()
        holder.wait()
    holder = hold(ws, "stdin")  # released once the waiting command says it waits
    waiter = subprocess.Popen([sys.executable, "-m", "medcorpus", "status", "-w", str(ws), "--json", "--wait", "300"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = waiter.stderr.readline()
    assert first.startswith("waiting") and "medcorpus scrub" in first + waiter.stderr.readline()
    holder.stdin.write("go\n")
    holder.stdin.flush()
    holder.wait()
    out, err = waiter.communicate(timeout=300)
    assert waiter.returncode == 0, err
    assert json.loads(out)["records"] == 300


def test_busy_workspace_held_outside_medcorpus_gets_our_message(tmp_path):
    import duckdb

    ws = tmp_path / "ws"
    assert medcorpus("init", ws).returncode == 0
    code = f"import duckdb, time; c = duckdb.connect({str(ws / 'medcorpus.duckdb')!r}); print('ready', flush=True); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        r = medcorpus("status", "-w", ws)
        assert r.returncode == 1 and "is busy" in r.stderr and f"PID {proc.pid}" in r.stderr
        assert "Conflicting lock" not in r.stderr
    finally:
        proc.kill()
        proc.wait()
    del duckdb


def test_killed_run_shows_interrupted_not_running(tmp_path):
    # was: runs killed stayed `running` in status forever
    ws = tmp_path / "ws"
    assert medcorpus("ingest", "-w", ws, SAMPLE).returncode == 0
    holder = hold(ws, 600, with_run=True)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    st = json.loads(medcorpus("status", "-w", ws, "--json").stdout)
    assert [r["status"] for r in st["runs"] if r["stage"] == "scrub"] == ["interrupted"]
    assert all(r["status"] != "running" for r in st["runs"])
    text = medcorpus("status", "-w", ws).stderr
    assert "interrupted" in text


def test_corrupt_gzip_is_a_one_line_error_naming_the_file(tmp_path):
    good = [json.loads(x) for x in [json.dumps(r) for r in json.loads(SAMPLE.read_text())[:50]]]
    raw = gzip.compress("".join(json.dumps(r) + "\n" for r in good).encode())
    bad = tmp_path / "dump.jsonl.gz"
    bad.write_bytes(raw[:len(raw) // 2] + b"\x00" * 64 + raw[len(raw) // 2:])
    r = medcorpus("ingest", "-w", tmp_path / "ws", bad)
    no_traceback(r)
    assert r.returncode == 1 and f"{bad}: corrupt or truncated gzip file" in r.stderr
    assert "zlib.error" not in r.stderr


def test_corrupt_workspace_database_says_damaged_and_names_the_last_export(tmp_path):
    ws = tmp_path / "ws"
    assert medcorpus("ingest", "-w", ws, SAMPLE).returncode == 0
    assert medcorpus("export", "-w", ws, "--out", tmp_path / "exp").returncode == 0
    db = ws / "medcorpus.duckdb"
    data = bytearray(db.read_bytes())
    data[4096:len(data)] = b"\xab" * (len(data) - 4096)  # every block after the header
    db.write_bytes(bytes(data))
    for command in (["status"], ["export", "--out", tmp_path / "exp2"], ["rejects"]):
        r = medcorpus(*command, "-w", ws)
        no_traceback(r)
        assert r.returncode == 1 and f"workspace database {db} is damaged" in r.stderr, r.stderr
        assert str(tmp_path / "exp") in r.stderr  # the last export, to fall back on


def test_not_a_duckdb_file(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "medcorpus.duckdb").write_text("this is not a database\n" * 100)
    r = medcorpus("status", "-w", ws)
    no_traceback(r)
    assert "is damaged" in r.stderr and str(ws / "medcorpus.duckdb") in r.stderr


def test_export_out_pointing_at_a_file(tmp_path):
    ws = tmp_path / "ws"
    assert medcorpus("ingest", "-w", ws, SAMPLE).returncode == 0
    target = tmp_path / "notadir"
    target.write_text("x")
    r = medcorpus("export", "-w", ws, "--out", target)
    no_traceback(r)
    assert r.returncode == 2 and f"--out {target} is a file" in r.stderr
    r = medcorpus("export", "-w", ws, "--out", target / "sub")  # a file in the middle of the path
    no_traceback(r)
    assert r.returncode == 1 and "a file is in the way" in r.stderr


def test_permission_denied_names_the_path(tmp_path):
    ws = tmp_path / "ws"
    assert medcorpus("ingest", "-w", ws, SAMPLE).returncode == 0
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root ignores modes: run the command as nobody
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        for p in (tmp_path, ws):
            p.chmod(0o777)
        for f in ws.iterdir():
            f.chmod(0o666)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    r = subprocess.run(prefix + [sys.executable, "-m", "medcorpus", "export", "-w", str(ws), "--out", str(locked / "o")],
                       env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
    no_traceback(r)
    assert r.returncode == 1 and "permission denied" in r.stderr and str(locked) in r.stderr, r.stderr


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "x.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"a": 1}\n' * 1000)[:-30])
    r = medcorpus("export", "-w", tmp_path / "ws", "--debug")  # no workspace: a WorkspaceError
    assert r.returncode == 1 and "Traceback" in r.stderr
    r = medcorpus("export", "-w", tmp_path / "ws", env={"MEDCORPUS_DEBUG": "1"})
    assert r.returncode == 1 and "Traceback" in r.stderr
    r = medcorpus("export", "-w", tmp_path / "ws")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = medcorpus("export", "--shard-size", "zero")
    assert r.returncode == 2  # usage errors stay click's, exit 2


def test_disk_full_says_so_and_keeps_the_workspace(tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("needs unprivileged user+mount namespaces (a real small tmpfs)")
    many = tmp_path / "many.jsonl"
    rows = json.loads(SAMPLE.read_text())
    write_jsonl(many, [{**r, "output": r["output"] + f" (variant {i})"} for i in range(40) for r in rows])
    script = f"""
set -e
mount -t tmpfs -o size=12m tmpfs {tmp_path}/small
cd {ROOT}
{sys.executable} -m medcorpus ingest -w {tmp_path}/small/ws {SAMPLE} > /dev/null 2>&1
head -c 9000000 /dev/zero > {tmp_path}/small/filler || true
set +e
{sys.executable} -m medcorpus ingest -w {tmp_path}/small/ws {many}
echo "rc=$?"
rm {tmp_path}/small/filler
{sys.executable} -m medcorpus status -w {tmp_path}/small/ws --json > {tmp_path}/status.json
echo "status_rc=$?"
"""
    (tmp_path / "small").mkdir()
    r = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    out = r.stdout + r.stderr
    assert "rc=1" in out and "status_rc=0" in out, out
    assert "disk full" in out and "Traceback" not in out and "TransactionException" not in out, out
    st = json.loads((tmp_path / "status.json").read_text())
    assert st["records"] == 300  # the first ingest is intact; the failed one left nothing half-written
    assert all(run["status"] != "running" for run in st["runs"])
