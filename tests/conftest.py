"""Shared fixtures: a fresh workspace, the CLI runner, paths to shared and bundled data."""
from __future__ import annotations

import json
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


def write_jsonl(path: Path, rows: list) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path
