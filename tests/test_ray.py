"""The Ray engine on real Ray: a throwaway local instance, a two-node cluster on this machine,
a worker killed mid-stage. Few and quick (the machine is small and shared); marked slow, run by
`make test`. Every Ray process a test starts is stopped by the test, by its own process ids."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from medcorpus.pipeline.engines import get_engine
from medcorpus.pipeline.outcome import process_rows, start_stage
from medcorpus.pipeline.stage import get_stage
from tests.conftest import ROOT, SAMPLE_DIR

RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
SMALL_STORE = 128 * 1024 * 1024


# -- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ray_local():
    """One small local Ray instance for this module's in-process tests (the engine joins it)."""
    import ray

    os.environ.update(RAY_ENV)
    ray.init(num_cpus=2, object_store_memory=SMALL_STORE, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM the process group we started (`ray start --block` then stops its node), SIGKILL after 20 s."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def two_node_cluster(logdir: Path):
    """`ray start --head --num-cpus 1` plus a second node with `ray start --address ... --num-cpus 1`,
    both --block in their own process groups, stopped by killing exactly those groups (never `ray
    stop`, which would stop every Ray on this shared machine)."""
    port = _free_port()
    address = f"127.0.0.1:{port}"
    env = {**os.environ, **RAY_ENV, "PYTHONPATH": str(ROOT)}
    ray_bin = str(Path(sys.executable).parent / "ray")
    common = ["--block", "--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats",
              f"--object-store-memory={100 * 1024 * 1024}"]
    temp_dir = tempfile.mkdtemp(prefix="mc-ray-")  # short: Ray's socket paths must stay under 108 chars
    procs: list[subprocess.Popen] = []
    try:
        for name, args in (("head", ["--head", "--port", str(port), "--include-dashboard=false",
                                     f"--temp-dir={temp_dir}"]),
                           ("node2", ["--address", address])):
            log = open(logdir / f"ray-{name}.log", "w")
            procs.append(subprocess.Popen([ray_bin, "start", *args, *common], env=env, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True))
            if name == "head":
                _wait_for_port(port, procs[0], logdir / "ray-head.log")
        yield address
    finally:
        for proc in reversed(procs):
            _stop_group(proc)


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"ray start --head exited {proc.returncode}:\n{log.read_text()[-2000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise AssertionError(f"ray head did not open port {port} in {timeout} s")


def _sample_batches(size: int = 25) -> list[list[dict]]:
    """The bundled GenMedGPT sample as the runner's rows (dicts with `version`, `meta` parsed)."""
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "ws")
        try:
            ingest(ws, [SAMPLE_DIR / "genmedgpt_sample.json"])
            rows = ws.fetch_rows(ws.current_sql() + " ORDER BY version")
        finally:
            ws.close()
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def _local_outcomes(stage_name: str, config: dict, batches: list[list[dict]]):
    stage = start_stage(get_stage(stage_name), config)
    return [process_rows(stage, rows) for rows in batches]


def _by_id(outcomes) -> dict:
    return {(getattr(it, "id", None) or it.record_id): it for o in outcomes for it in o.items}


# -- tests ---------------------------------------------------------------------------------------
@pytest.mark.slow
def test_filter_scrub_grammar_on_ray_equal_local(ray_local, tmp_path):
    """Per-record stages as Ray Data actors give exactly the local outputs: records, rejects, side rows, counters."""
    batches = _sample_batches()
    engine = get_engine("ray", concurrency=2)
    try:
        for name, config in (("filter", {}), ("scrub", {}), ("grammar", {"backend": "harper"})):
            stage_cls = get_stage(name)
            want = _local_outcomes(name, config, batches)
            got = list(engine.map_batches(stage_cls, stage_cls(config).config, iter(batches), workers=2,
                                          scratch=tmp_path / "scratch"))
            assert sorted(len(rows) for rows, _ in got) == sorted(len(b) for b in batches)
            assert _by_id(o for _, o in got) == _by_id(want), name
            for key in {k for o in want for k in o.side_rows}:
                rows_of = lambda outs: sorted(json.dumps(r, sort_keys=True, default=str)  # noqa: E731
                                              for o in outs for r in o.side_rows.get(key, []))
                assert rows_of(o for _, o in got) == rows_of(want), (name, key)
            info = engine.describe()
            assert info["engine"] == "ray" and info["cpus"] == 2 and info["actors"][name] == 2
        assert not list((tmp_path / "scratch").iterdir())  # snapshots removed after each stage
    finally:
        engine.close()
    assert ray_local.is_initialized()  # the engine does not stop an instance it did not start


DRIVER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    import ray
    from medcorpus.pipeline.engines import get_engine
    from medcorpus.pipeline.stage import get_stage
    args = json.loads(sys.argv[1])
    batches = json.loads(Path(args["batches"]).read_text())
    if args.get("address"):
        ray.init(address=args["address"], log_to_driver=False)
        while sum(n["Alive"] for n in ray.nodes()) < args.get("nodes", 1):
            time.sleep(0.5)
    engine = get_engine("ray", **args.get("engine", {}))
    stage_cls = get_stage(args["stage"])
    out = {}
    for rows, outcome in engine.map_batches(stage_cls, stage_cls(args["config"]).config, iter(batches),
                                            workers=2, scratch=Path(args["scratch"])):
        for it in outcome.items:
            key = getattr(it, "id", None) or it.record_id
            assert key not in out, f"{key} came back twice"
            out[key] = it.model_dump(mode="json")
    info = engine.describe()
    engine.close()
    Path(args["out"]).write_text(json.dumps({"items": out, "info": info}))
""")


def _run_driver(tmp_path: Path, stage: str, config: dict, batches, timeout: float = 400, **args) -> tuple[dict, dict]:
    (tmp_path / "batches.json").write_text(json.dumps(batches, default=str))
    spec = {"stage": stage, "config": config, "batches": str(tmp_path / "batches.json"),
            "scratch": str(tmp_path / "scratch"), "out": str(tmp_path / "out.json"), **args}
    env = {**os.environ, **RAY_ENV, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(spec)], env=env, cwd=ROOT, timeout=timeout,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((tmp_path / "out.json").read_text())
    return result["items"], result["info"]


@pytest.mark.slow
def test_two_node_cluster_runs_a_stage_across_both_nodes(tmp_path):
    """A real two-node cluster on this machine (1 CPU each): two actors, one per node, local outputs."""
    batches = _sample_batches(size=20)
    want = {k: v.model_dump(mode="json") for k, v in _by_id(_local_outcomes("filter", {}, batches)).items()}
    with two_node_cluster(tmp_path) as address:
        got, info = _run_driver(tmp_path, "filter", {}, batches, address=address, nodes=2)
    assert got == want
    assert info["nodes"] == 2 and info["cpus"] == 2 and info["actors"]["filter"] == 2


@pytest.mark.slow
def test_a_worker_killed_mid_stage_loses_and_repeats_nothing(tmp_path):
    """kill -9 of a Ray actor's process mid-stage: Ray restarts it and retries its batch; every
    record comes back exactly once and equal to the uninterrupted local run."""
    batches = _sample_batches(size=10)
    progress = tmp_path / "progress.txt"
    config = {"sleep_per_batch": 0.4, "progress_file": str(progress)}
    want = {k: v.model_dump(mode="json") for k, v in
            _by_id(_local_outcomes("tests.pipeline_stages:Tag", {"sleep_per_batch": 0}, batches)).items()}
    (tmp_path / "batches.json").write_text(json.dumps(batches, default=str))
    spec = {"stage": "tests.pipeline_stages:Tag", "config": config, "batches": str(tmp_path / "batches.json"),
            "scratch": str(tmp_path / "scratch"), "out": str(tmp_path / "out.json"), "engine": {"concurrency": 2}}
    env = {**os.environ, **RAY_ENV, "PYTHONPATH": str(ROOT)}
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, json.dumps(spec)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed, seen = None, set()
    try:
        deadline = time.time() + 400
        while time.time() < deadline and driver.poll() is None:
            actors = [p.pid for p in _descendants(driver.pid) if "StageActor[test_tag]" in " ".join(_cmdline(p))]
            seen.update(actors)
            if killed is None and actors and progress.exists() and len(progress.read_text().splitlines()) >= 3:
                killed = actors[0]
                os.kill(killed, signal.SIGKILL)
            time.sleep(0.2)
        _, err = driver.communicate(timeout=60)
    finally:
        if driver.poll() is None:
            driver.kill()
    assert killed is not None, "no actor process was found to kill"
    assert driver.returncode == 0, err[-3000:]
    got = json.loads((tmp_path / "out.json").read_text())["items"]
    assert got == want
    assert len(progress.read_text().splitlines()) >= len(batches)
    assert len(seen - {killed}) >= 2, "Ray did not start a replacement actor"


def _descendants(pid: int) -> list:
    import psutil

    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _cmdline(proc) -> list[str]:
    try:
        return proc.cmdline()
    except Exception:  # gone or not ours to read
        return []


def test_engine_ray_without_the_extra_is_one_clear_error():
    """Ray missing (hidden from the import system): get_engine names the extra to install."""
    code = ("import sys; sys.modules['ray'] = None\n"
            "from medcorpus.pipeline.engines import get_engine\n"
            "get_engine('ray')\n")
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert "medcorpus[ray]" in last, proc.stderr[-2000:]
