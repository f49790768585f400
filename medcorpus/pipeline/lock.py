"""One command at a time per workspace: an exclusive `flock` on `DIR/medcorpus.lock`.

The holder writes its command, PID and start time into the file, so a second command can say
who holds the workspace, and wait for it (`--wait SECONDS`). The kernel drops the lock when its
process dies (even by `kill -9`), so a free lock proves no other command is running. Within one
process the lock is re-entrant (a command that opens the workspace twice does not block itself).
"""
from __future__ import annotations

import fcntl
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

import orjson

from medcorpus.pipeline.errors import WorkspaceBusy

LOCK_FILE = "medcorpus.lock"
POLL_SECONDS = 0.2

_held: dict[str, list] = {}  # realpath of the lock file -> [fd, count] (this process)


def command_line() -> str:
    """What this process is, for the lock file: `medcorpus scrub` or the script name."""
    try:
        import click

        ctx = click.get_current_context(silent=True)
        if ctx is not None:
            return ctx.command_path
    except ImportError:  # pragma: no cover
        pass
    return " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv[:2])) or "python"


class WorkspaceLock:
    """`acquire(wait)` then `release()`; `first` tells whether this process just took it."""

    def __init__(self, directory: Path, command: str | None = None):
        self.path = directory / LOCK_FILE
        self.command = command or command_line()
        self.first = False
        self._key = ""

    def holder(self) -> dict:
        """What the lock file says about its holder ({} when unreadable)."""
        try:
            return orjson.loads(self.path.read_bytes() or b"{}")
        except (OSError, orjson.JSONDecodeError):
            return {}

    def acquire(self, wait: float = 0.0, on_wait: Callable[[dict], None] | None = None) -> "WorkspaceLock":
        self._key = os.path.realpath(self.path)
        if self._key in _held:
            _held[self._key][1] += 1
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                info = self.holder()
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise WorkspaceBusy(busy_message(self.path.parent, info, wait)) from None
                if on_wait and not told:
                    on_wait(info)
                    told = True
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, orjson.dumps({"pid": os.getpid(), "command": self.command,
                                    "started": datetime.now().isoformat(timespec="seconds")}), 0)
        _held[self._key] = [fd, 1]
        self.first = True
        return self

    def release(self) -> None:
        entry = _held.get(self._key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            del _held[self._key]
            fd = entry[0]
            try:
                os.ftruncate(fd, 0)  # no stale holder info for the next reader
            except OSError:
                pass
            os.close(fd)  # closing drops the flock


def holder_text(info: dict) -> str:
    if not info:
        return "another command"
    text = f"`{info.get('command', '?')}` (PID {info.get('pid', '?')}"
    return text + (f", since {info['started']})" if info.get("started") else ")")


def busy_message(directory: Path, info: dict, waited: float) -> str:
    waited_text = f" after waiting {waited:g} s" if waited else ""
    return (f"workspace {directory} is busy{waited_text}: {holder_text(info)} is using it; wait for it to "
            f"finish, or pass --wait SECONDS to wait for it")
