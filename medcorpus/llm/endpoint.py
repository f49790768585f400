"""Where LLM requests go, resolved once for every LLM stage (from its command or `medcorpus build`).

Order: the config's `base_url`, $MEDCORPUS_LLM_BASE_URL / $OPENAI_BASE_URL, a running
`medcorpus llm serve`, else the embedded llama.cpp server started for the block. A local llama.cpp
server answers one request at a time, so the config is tuned for it (concurrency 1, a long timeout)
the same way whichever way the stage was started.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig, env_base_url

LOCAL_TIMEOUT = 300.0


class NoEndpoint(RuntimeError):
    """No base URL configured and no local server running or startable."""


@dataclass(frozen=True)
class Endpoint:
    url: str | None  # None only in a dry run
    where: str  # how it was found, for summaries
    local: bool = False  # the embedded llama.cpp server (serial)

    def tune(self, config: LLMConfig) -> LLMConfig:
        """The config as it should run against this endpoint."""
        if not self.local:
            return config
        return config.model_copy(update={"concurrency": 1, "timeout": max(config.timeout, LOCAL_TIMEOUT)})


def find_endpoint(config: LLMConfig) -> Endpoint | None:
    """The endpoint a run would use, starting nothing (None: it would start the local server, or there is none)."""
    from medcorpus.llm.server import running_server_url

    if config.base_url:
        return Endpoint(config.base_url, "--base-url")
    url = env_base_url()
    if url:
        return Endpoint(url, "environment")
    url = running_server_url()
    if url:
        return Endpoint(url, "medcorpus llm serve", local=True)
    return None


@contextmanager
def open_endpoint(config: LLMConfig) -> Iterator[Endpoint]:
    """The endpoint for a run; starts the embedded server for the block when nothing else is configured.
    NoEndpoint when there is none (a dry run gets Endpoint(None, 'dry run'))."""
    from medcorpus.llm.server import LocalServer, llama_available

    found = find_endpoint(config)
    if found is not None:
        yield found
        return
    if config.dry_run:
        yield Endpoint(None, "dry run")
        return
    if config.model != DEFAULT_MODEL:
        raise NoEndpoint(f"no endpoint for model {config.model!r}: pass --base-url or set MEDCORPUS_LLM_BASE_URL "
                         f"(the embedded local server only runs {DEFAULT_MODEL})")
    if not llama_available():
        raise NoEndpoint("no LLM endpoint: pass --base-url, set MEDCORPUS_LLM_BASE_URL (or OPENAI_BASE_URL), or "
                         "install the local model server (`make llm`) and run `medcorpus llm serve`")
    with LocalServer(alias=config.model) as server:
        yield Endpoint(server.base_url, "local llama.cpp server (started for this run)", local=True)
