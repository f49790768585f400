"""Opening a workspace the safe way: it must exist (unless the command creates one), one command
holds it at a time, runs left `running` by a dead process become `interrupted`, and a workspace
deleted or replaced while a command runs makes that command fail instead of succeed.
"""
from __future__ import annotations

import difflib
import os
import uuid
from pathlib import Path
from typing import Callable

from medcorpus.pipeline.errors import (NoWorkspace, WorkspaceBusy, WorkspaceDamaged, WorkspaceError,
                                       WorkspaceGone, current_workspace, damaged_message)
from medcorpus.pipeline.lock import WorkspaceLock, busy_message
from medcorpus.pipeline.workspace import DB_FILE, DEFAULT_WORKSPACE, Workspace, resolve_path

LAST_EXPORT_FILE = "last-export"


def is_workspace(path: Path) -> bool:
    return (path / DB_FILE).is_file()


def nearest_workspace(path: Path) -> Path | None:
    """An existing workspace the user may have meant: a similarly named sibling, one in the
    current directory, or the default `./medcorpus-ws`."""
    candidates: list[Path] = []
    for folder in {path.parent.resolve() if path.parent.exists() else None, Path.cwd()} - {None}:
        try:
            candidates += [p for p in folder.iterdir() if p.is_dir() and is_workspace(p)]
        except OSError:
            continue
    if not candidates:
        return None
    names = {p.name: p for p in candidates}
    close = difflib.get_close_matches(path.name, list(names), n=1, cutoff=0.5)
    if close:
        return names[close[0]]
    default = Path(DEFAULT_WORKSPACE).resolve()
    return default if default in candidates else (candidates[0] if len(candidates) == 1 else None)


def no_workspace_message(path: Path) -> str:
    msg = f"no workspace at {path}"
    if path.exists() and not path.is_dir():
        msg = f"{path} is a file, not a workspace directory"
    near = nearest_workspace(path)
    if near is not None:
        msg += f" (did you mean -w {os.path.relpath(near)}?)"
    return msg + f"; create one with `medcorpus init {path}` or `medcorpus ingest -w {path} FILE...`"


def last_export(directory: Path) -> str | None:
    """Where the most recent export of this workspace went, if known (for damaged-file messages)."""
    note = directory / LAST_EXPORT_FILE
    if note.is_file():
        return note.read_text().strip() or None
    for root in (directory / "exports", directory.parent / "exports"):
        latest = root / "LATEST"
        if latest.is_file():
            return str(root / latest.read_text().strip())
    return None


def note_export(ws: Workspace, out: Path) -> None:
    """Remember an export's directory beside the database (named if the database is ever damaged)."""
    try:
        (ws.path / LAST_EXPORT_FILE).write_text(str(out.resolve()) + "\n")
    except OSError:
        pass


class Guard:
    """Fails when the database file this command opened is no longer the one at its path."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.identity = _identity(db_path)

    def refresh(self) -> None:
        """Accept the file now at the path (after this command replaced it itself, e.g. compaction)."""
        self.identity = _identity(self.db_path)

    def check(self) -> None:
        if _identity(self.db_path) != self.identity:
            raise WorkspaceGone(
                f"workspace {self.db_path.parent} was deleted or replaced while this command ran; what it "
                "wrote went to the removed file and is lost: run the command again on the workspace you want")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def open_workspace(path: str | os.PathLike | None = None, *, create: bool = False, wait: float = 0.0,
                   command: str | None = None, on_wait: Callable[[dict], None] | None = None) -> Workspace:
    """Open (or with `create`, make) the workspace at `path`, holding its lock until `close()`.

    Raises NoWorkspace, WorkspaceBusy (after waiting up to `wait` seconds) or WorkspaceDamaged."""
    directory = resolve_path(path)
    if not is_workspace(directory):
        if not create or (directory.exists() and not directory.is_dir()):
            raise NoWorkspace(no_workspace_message(directory))
        directory.mkdir(parents=True, exist_ok=True)
    lock = WorkspaceLock(directory, command).acquire(wait, on_wait)
    try:
        ws = _connect(directory, wait, lock)
    except BaseException:
        lock.release()
        raise
    guard = Guard(ws.db_path)
    ws.add_guard(guard.check, lock.release)
    ws.guard = guard  # type: ignore[attr-defined]  # purge refreshes it after compacting the file
    current_workspace.set(directory)
    if ws.get("workspace_id") is None:
        ws.set("workspace_id", uuid.uuid4().hex)
    if lock.first:  # no other process holds the lock: every run still marked running is dead
        mark_interrupted(ws)
    return ws


def _connect(directory: Path, wait: float, lock: WorkspaceLock) -> Workspace:
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            return Workspace(directory)
        except Exception as exc:
            text = str(exc)
            if "Could not set lock" in text:  # held by a program that does not take our lock
                if time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                pid = text.split("(PID ")[-1].split(")")[0] if "(PID " in text else "?"
                raise WorkspaceBusy(busy_message(directory, {"command": "another program", "pid": pid}, wait)) from exc
            if type(exc).__module__.split(".")[0] in ("duckdb", "_duckdb"):
                raise WorkspaceDamaged(damaged_message(directory / DB_FILE, text)) from exc
            raise


def mark_interrupted(ws: Workspace) -> int:
    """Runs still marked `running` whose process is gone become `interrupted`; their count."""
    rows = ws.exec("UPDATE runs SET status = 'interrupted', ended_at = coalesce(ended_at, current_timestamp) "
                   "WHERE status = 'running'")
    return rows[0][0] if rows else 0


__all__ = ["open_workspace", "is_workspace", "nearest_workspace", "mark_interrupted", "last_export",
           "note_export", "Guard", "WorkspaceError"]
