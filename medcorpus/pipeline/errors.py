"""Workspace errors, and the one translation of any exception into a one-line message.

Commands never print tracebacks: `describe(exc)` turns what went wrong (a damaged DuckDB file,
a full disk, a path that is a file, a busy workspace, ...) into a sentence that names the file,
record or path and says what to do, plus the exit code (1; 2 for usage errors).
"""
from __future__ import annotations

import errno
import re
import zlib
from contextvars import ContextVar
from pathlib import Path

# The workspace the current command has open (named in messages about its database file).
current_workspace: ContextVar[Path | None] = ContextVar("current_workspace", default=None)


class WorkspaceError(Exception):
    """A workspace cannot be used as asked; the message says why and what to do."""


class NoWorkspace(WorkspaceError):
    """The path holds no workspace (and this command does not create one)."""


class WorkspaceBusy(WorkspaceError):
    """Another command holds the workspace."""


class WorkspaceDamaged(WorkspaceError):
    """The DuckDB file cannot be read."""


class WorkspaceGone(WorkspaceError):
    """The workspace was deleted or replaced while this command ran."""


class DiskFull(WorkspaceError):
    """A write failed for lack of space."""


_DAMAGED = ("corrupt database file", "not a valid duckdb database", "could not read enough bytes",
            "invalid block", "checksum", "serialization error", "failed to read database header")
_NO_SPACE = ("no space left on device", "disk full", "could not write all bytes")


def _duckdb_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("duckdb", "_duckdb")


def damaged_message(db_file: Path | str, detail: str) -> str:
    from medcorpus.pipeline.safety import last_export  # lazily: safety imports this module

    detail = re.sub(r"^[A-Za-z ]*Error: ", "", detail.strip().splitlines()[0] if detail.strip() else "")
    detail = detail.replace(f'"{db_file}"', "the file").replace(str(db_file), "the file")
    export = last_export(Path(db_file).parent)
    hint = (f"the last export is {export}; rebuild the workspace from your inputs (or restore a backup)"
            if export else "rebuild it from your inputs (or restore a backup)")
    return f"workspace database {db_file} is damaged and cannot be read ({detail[:160]}); {hint}"


def disk_full_message(where: str) -> str:
    return (f"disk full while writing {where}: nothing of the unfinished step was kept and the "
            "workspace is consistent; free some space and run the command again")


def describe(exc: BaseException) -> tuple[str, int]:
    """(one-line message, exit code) for an exception that ended a command."""
    import click

    ws = current_workspace.get()
    where = str(ws / "medcorpus.duckdb") if ws else "the workspace"
    if isinstance(exc, click.UsageError):
        return exc.format_message(), 2
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted; finished work is kept and the next run resumes", 130
    if isinstance(exc, WorkspaceError):
        return str(exc), 1
    text = str(exc)
    low = text.lower()
    if _duckdb_error(exc):
        if any(s in low for s in _NO_SPACE):
            return disk_full_message(where), 1
        if any(s in low for s in _DAMAGED):
            return damaged_message(where if ws else "(unknown)", text), 1
        first = re.sub(r"^[A-Za-z ]*Error: ", "", text.splitlines()[0] if text else "")
        return f"database error in {where}: {first[:300]}", 1
    if isinstance(exc, OSError):
        name = exc.filename or where
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return disk_full_message(str(name)), 1
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"{name}: permission denied ({exc.strerror}); check the owner and mode of that path", 1
        if exc.errno == errno.ENOTDIR:
            return f"{name}: a file is in the way where a directory is needed; give a directory path", 1
        if exc.errno == errno.EISDIR:
            return f"{name}: is a directory; give a file path", 1
        if exc.errno == errno.ENOENT:
            return f"{name}: no such file or directory", 1
        if exc.strerror:
            return f"{name}: {exc.strerror}", 1
    if isinstance(exc, (zlib.error, EOFError)):
        return f"a compressed file is corrupt or truncated ({text}); re-download or re-compress it", 1
    if isinstance(exc, MemoryError):
        return "out of memory; use smaller --batch-size or fewer --workers", 1
    first = text.splitlines()[0][:300] if text else ""
    if type(exc).__module__.startswith("medcorpus"):
        return first or type(exc).__name__, 1  # medcorpus' own errors carry their message
    return (f"unexpected {type(exc).__name__}: {first} (run with --debug or MEDCORPUS_DEBUG=1 for the "
            "traceback, and report it)"), 1
