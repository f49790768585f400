"""The Ray engine on real Ray: a throwaway local instance, a two-node cluster on this machine,
a worker killed mid-stage. Few and quick (the machine is small and shared); marked slow, run by
`make test`. Every Ray process a test starts is stopped by the test, by its own process ids."""
from __future__ import annotations

import json
import os
import shutil
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
from tests.conftest import ROOT, SAMPLE_DIR, slow_stage_pipeline

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
    """`ray start --head --num-cpus 1` (with a Ray Client server) plus a second node with `ray start
    --address ... --num-cpus 1`; yields (address, ray:// address). Both --block in their own process
    groups, stopped by killing exactly those groups (never `ray stop`, which would stop every Ray on
    this shared machine)."""
    port, client_port = _free_port(), _free_port()
    address = f"127.0.0.1:{port}"
    env = {**os.environ, **RAY_ENV, "PYTHONPATH": str(ROOT)}
    ray_bin = str(Path(sys.executable).parent / "ray")
    common = ["--block", "--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats",
              f"--object-store-memory={100 * 1024 * 1024}"]
    temp_dir = tempfile.mkdtemp(prefix="mc-ray-")  # short: Ray's socket paths must stay under 108 chars
    procs: list[subprocess.Popen] = []
    try:
        for name, args in (("head", ["--head", "--port", str(port), "--include-dashboard=false",
                                     f"--ray-client-server-port={client_port}", f"--temp-dir={temp_dir}"]),
                           ("node2", ["--address", address])):
            log = open(logdir / f"ray-{name}.log", "w")
            procs.append(subprocess.Popen([ray_bin, "start", *args, *common], env=env, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True))
            if name == "head":
                _wait_for_port(port, procs[0], logdir / "ray-head.log")
        yield address, f"ray://127.0.0.1:{client_port}"
    finally:
        for proc in reversed(procs):
            _stop_group(proc)
        shutil.rmtree(temp_dir, ignore_errors=True)


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
def _demo(folder: Path, engine: str) -> Path:
    """The bundled demo pipeline and samples in `folder` (no report: it is not what is compared)."""
    pkg = ROOT / "medcorpus" / "data"
    (folder / "raw").mkdir(parents=True)
    for f in [*SAMPLE_DIR.iterdir(), *(pkg / "benchmarks").iterdir()]:  # as scripts/demo.sh copies them
        if f.suffix in (".json", ".jsonl", ".csv"):
            shutil.copy(f, folder / "raw" / f.name)
    text = (pkg / "demo.toml").read_text().replace('out = "report.html"', "enabled = false")
    (folder / "pipeline.toml").write_text(text + f'\n[engine]\nkind = "{engine}"\n')
    return folder / "pipeline.toml"


def _export(folder: Path) -> list[dict]:
    import pyarrow.dataset as pads

    version = (folder / "exports" / "LATEST").read_text().strip()
    rows = pads.dataset(folder / "exports" / version / "data", format="parquet").to_table().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def _side_counts(folder: Path) -> dict[str, int]:
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(folder / "ws") as ws:
        return {t: ws.one(f"SELECT count(*) FROM {t}")[0]
                for t in ("scrub_audit", "grammar_audit", "grammar_cache", "dedup_bands", "dedup_clusters")
                if ws.table_exists(t)}


@pytest.mark.slow
def test_demo_build_on_ray_equals_local(ray_local, tmp_path):
    """`medcorpus build demo.toml --engine ray`: filter, scrub, grammar (Harper) and dedup's
    signatures as Ray Data actors give the local engine's export and side tables; the summary
    says the engine, the cluster's CPUs and each stage's actors."""
    from medcorpus.build import build

    local = build(_demo(tmp_path / "local", "local"))
    on_ray = build(_demo(tmp_path / "ray", "local"), engine={"kind": "ray", "concurrency": 2, "batch_size": 60})
    assert _export(tmp_path / "ray") == _export(tmp_path / "local")
    assert _side_counts(tmp_path / "ray") == _side_counts(tmp_path / "local")
    assert on_ray.export["records"] == local.export["records"] > 0
    stages = {s.stage: s for s in on_ray.steps}
    for name in ("filter", "scrub", "grammar", "dedup"):
        info = stages[name].engine
        assert (info["engine"], info["cpus"], info["actors"]) == ("ray", 2, 2), (name, info)
        assert (stages[name].n_out, stages[name].n_rejected) == \
            next((s.n_out, s.n_rejected) for s in local.steps if s.stage == name)
    assert all(s.engine.get("engine") == "local" for s in local.steps if s.engine)
    assert not [p for p in (tmp_path / "ray" / "ws" / "scratch").glob("ray-*")]  # snapshots cleaned up
    assert ray_local.is_initialized()  # the engine leaves an instance it did not start running


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
    with two_node_cluster(tmp_path) as (address, client_address):
        got, info = _run_driver(tmp_path, "filter", {}, batches, address=address, nodes=2)
        assert got == want
        assert info["nodes"] == 2 and info["cpus"] == 2 and info["actors"]["filter"] == 2
        # a driver that is not a cluster node joins through Ray Client (ray://): the engine connects
        # itself, uploads the snapshot and gets the same outputs
        client = tmp_path / "client"
        client.mkdir()
        got, info = _run_driver(client, "filter", {}, batches, engine={"address": client_address})
        assert got == want
        assert info["address"] == client_address and info["nodes"] == 2 and info["actors"]["filter"] == 2


KILL_TAIL = """[export]
out = "exports"
[report]
enabled = false
[engine]
kind = "{engine}"
concurrency = 2
"""


def _kill_demo(folder: Path, engine: str, sleep: float) -> Path:
    (folder / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE_DIR / "genmedgpt_sample.json", folder / "raw")
    (folder / "pipeline.toml").write_text(slow_stage_pipeline(
        "tests.pipeline_stages:Tag", ["raw/genmedgpt_sample.json"], sleep, folder / "progress.txt",
        tail=KILL_TAIL.format(engine=engine)))
    return folder / "pipeline.toml"


@pytest.mark.slow
def test_a_worker_killed_mid_stage_then_a_rerun_equals_an_uninterrupted_run(tmp_path):
    """kill -9 of a Ray actor's process mid-stage (`medcorpus build --engine ray` in a subprocess):
    Ray restarts the actor and retries its batch, or the build fails; either way a re-run ends with
    the records of an uninterrupted local build: none lost, none twice."""
    from medcorpus.build import build

    build(_kill_demo(tmp_path / "local", "local", 0))
    pipe = _kill_demo(tmp_path / "ray", "ray", 0.4)
    progress = tmp_path / "ray" / "progress.txt"
    env = {**os.environ, **RAY_ENV, "PYTHONPATH": str(ROOT)}
    env.pop("RAY_ADDRESS", None)
    cmd = [sys.executable, "-m", "medcorpus", "build", str(pipe), "--json"]
    driver = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
    if driver.returncode == 0:  # Ray retried the batch: a replacement actor finished the stage
        assert len(seen - {killed}) >= 2, "Ray did not start a replacement actor"
    rerun = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=400)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert _export(tmp_path / "ray") == _export(tmp_path / "local")


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


def test_engine_ray_without_the_extra_is_one_clear_error(tmp_path):
    """Ray missing (hidden from the import system): `--engine ray` exits non-zero with one line
    naming the extra to install, before any work is logged."""
    code = ("import sys; sys.modules['ray'] = None\n"
            "from medcorpus.cli import main\n"
            "sys.argv = ['medcorpus'] + sys.argv[1:]\n"
            "main()\n")
    ws = tmp_path / "ws"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    ingest = subprocess.run([sys.executable, "-c", code, "ingest", "-w", str(ws), str(SAMPLE_DIR / "genmedgpt_sample.json")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    proc = subprocess.run([sys.executable, "-c", code, "filter", "-w", str(ws), "--engine", "ray"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["error: the ray engine needs Ray: pip install 'medcorpus[ray]'"]


@pytest.mark.slow
def test_the_llm_rate_limit_is_shared_by_every_actor(ray_local):
    """Two Ray tasks take the 4 requests a minute allows through one SharedRateLimiter; a fifth
    request, from anywhere, then waits (a per-process limiter would let it through)."""
    import asyncio

    from medcorpus.pipeline.engines.ray import SharedRateLimiter

    limiter = SharedRateLimiter(rpm=4, tpm=None, name=f"test-limit-{os.getpid()}")

    @ray_local.remote(num_cpus=0)
    def two_requests(lim):
        async def go():
            for _ in range(2):
                await asyncio.wait_for(lim.acquire(10), 30)
        asyncio.run(go())
        return True

    try:
        assert ray_local.get([two_requests.remote(limiter), two_requests.remote(limiter)], timeout=120) == [True, True]
        with pytest.raises(TimeoutError):
            asyncio.run(asyncio.wait_for(limiter.acquire(10), 2))
    finally:
        limiter.close()


@pytest.mark.slow
def test_synth_disease_dialogues_on_ray_equals_local(ray_local, tmp_path):
    """`synth disease-dialogues --engine ray` against the local fake OpenAI server: the items run on
    two actors (one async client each, the rate limit shared through a Ray actor) and the driver
    commits exactly the records, item log and cached replies of the local engine."""
    from medcorpus.knowledge.diseases import load_diseases
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues
    from tests.fakes.openai_server import FakeOpenAIServer
    from tests.test_synth import DB

    def state(ws):
        return (sorted((r.id, r.model_dump_json()) for r in ws.records()),
                sorted(ws.exec("SELECT stage, item_key, status, record_ids FROM synth_items")),
                sorted(ws.exec("SELECT key, text FROM llm_cache")))

    got, summaries = {}, {}
    with FakeOpenAIServer() as srv:
        for kind in ("local", "ray"):
            engine = get_engine(kind, **({"concurrency": 2} if kind == "ray" else {}))
            with Workspace(tmp_path / kind) as ws:
                load_diseases(ws, DB)
                cfg = {"llm": {"base_url": srv.base_url, "model": "fake", "concurrency": 1, "rpm": 10_000}, "limit": 8}
                summaries[kind] = SynthDiseaseDialogues(cfg).run(ws, engine=engine)
                got[kind] = state(ws)
                again = SynthDiseaseDialogues(cfg).run(ws, engine=engine)  # resumable: nothing left to do
                assert again.n_in == 0 and again.n_skipped == 8
            engine.close()
        assert srv.requests == 2 * 2 * 8  # two calls per dialogue, once per engine
    assert got["ray"] == got["local"] and len(got["local"][0]) == summaries["local"].n_out > 0
    info = summaries["ray"].engine
    assert (info["engine"], info["cpus"], info["actors"]) == ("ray", 2, 2)
    assert summaries["ray"].extra["llm"]["requests"] == summaries["local"].extra["llm"]["requests"] == 16
    assert not list((tmp_path / "ray" / "scratch").glob("ray-*"))  # snapshots cleaned up
