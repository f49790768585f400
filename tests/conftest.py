"""Shared fixtures: a fresh workspace, the CLI runner, paths to shared and bundled data."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medcorpus.pipeline.progress import set_quiet
from medcorpus.pipeline.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()
SAMPLE_DIR = ROOT / "medcorpus" / "data" / "sample"

set_quiet(True)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    w = Workspace(tmp_path / "ws")
    yield w
    w.close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture
def cli(tmp_path: Path):
    """Run the CLI in-process against a workspace under tmp_path: cli('ingest', 'x.json')."""
    from medcorpus.cli import app

    runner = CliRunner()
    wsdir = tmp_path / "cli-ws"

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, [*map(str, args)], env={"MEDCORPUS_WORKSPACE": str(wsdir)})
        if ok and result.exit_code != 0:
            raise AssertionError(f"medcorpus {' '.join(map(str, args))} exited {result.exit_code}:\n"
                                 f"{result.output}\n{result.exception!r}")
        return result

    run.workspace = wsdir
    return run


@pytest.fixture(scope="module")
def one_thread():
    """torch on one thread for a module's tiny matrices: as fast, and far faster on a loaded 2-core machine."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def scrubber():
    """One Scrubber (models, gazetteers, allow-list) for every scrub test."""
    from medcorpus.scrub.engine import Scrubber

    return Scrubber()


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """A tiny Llama (and its tokenizer) built offline, shared by the training and eval tests."""
    pytest.importorskip("transformers")
    from medcorpus.training.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


def medcorpus_process(cwd: Path, *args: str) -> subprocess.Popen:
    """`python -m medcorpus ARGS` in a subprocess run from `cwd` (this checkout first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "medcorpus", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def slow_stage_pipeline(stage: str, paths: list[str], sleep: float, progress: str | Path = "progress.txt",
                        batch_size: int = 10, tail: str = "") -> str:
    """A pipeline file's text for the kill tests: ingest `paths`, then a test stage from
    tests/pipeline_stages.py that sleeps per batch and logs each commit to `progress`; `tail` after it."""
    return (f'workspace = "ws"\n[[step]]\nuse = "ingest"\npaths = {json.dumps(paths)}\n'
            f'[[step]]\nuse = "{stage}"\nbatch_size = {batch_size}\nsleep_per_batch = {sleep}\n'
            f'progress_file = "{progress}"\n{tail}')


def wait_for_lines(path: Path, n: int, timeout: float) -> bool:
    """Wait until `path` (a slow stage's progress file) has `n` lines; False at the timeout."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        time.sleep(0.05)
        if path.exists() and len(path.read_text().splitlines()) >= n:
            return True
    return False


def write_jsonl(path: Path, rows: list) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path
