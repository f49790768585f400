"""Settings of the LLM client (a stage config: from CLI flags or the pipeline file).

The API key is deliberately not a field: it is read from MEDCORPUS_LLM_API_KEY or OPENAI_API_KEY
when the client is created, so it never reaches the workspace, the run log or a summary.
"""
from __future__ import annotations

import os

from pydantic import Field

from medcorpus.pipeline.stage import StageConfig

BASE_URL_ENVS = ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL")
API_KEY_ENVS = ("MEDCORPUS_LLM_API_KEY", "OPENAI_API_KEY")
DEFAULT_MODEL = "SmolLM2-135M-Instruct"


class LLMConfig(StageConfig):
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1. "
                                 "None: $MEDCORPUS_LLM_BASE_URL, $OPENAI_BASE_URL, then the local server.")
    model: str = DEFAULT_MODEL
    concurrency: int = Field(8, ge=1, description="Requests in flight at once.")
    rpm: int | None = Field(None, ge=1, description="Requests per minute (None: unlimited).")
    tpm: int | None = Field(None, ge=1, description="Tokens per minute, estimated before sending (None: unlimited).")
    timeout: float = Field(60.0, gt=0, description="Seconds per request.")
    max_retries: int = Field(5, ge=0, description="Retries on 429, 5xx, timeouts and connection errors.")
    temperature: float = 0.7
    max_tokens: int = Field(512, ge=1)
    cache: bool = True
    max_cost: float | None = Field(None, ge=0, description="Stop cleanly when this many USD are spent.")
    dry_run: bool = False
    json_retries: int = Field(2, ge=0, description="Re-asks when a reply is not valid JSON of the expected shape.")
    price_input: float | None = Field(None, ge=0, description="USD per 1M prompt tokens (overrides the price table).")
    price_output: float | None = Field(None, ge=0, description="USD per 1M completion tokens (overrides the price table).")


def env_base_url() -> str | None:
    for name in BASE_URL_ENVS:
        value = os.environ.get(name)
        if value:
            return value
    return None


def resolve_base_url(config: LLMConfig) -> str | None:
    """The endpoint to call: the config, the environment, then a running `medcorpus llm serve`."""
    if config.base_url:
        return config.base_url
    url = env_base_url()
    if url:
        return url
    from medcorpus.llm.server import running_server_url

    return running_server_url()


def api_key() -> str:
    for name in API_KEY_ENVS:
        value = os.environ.get(name)
        if value:
            return value
    return "sk-no-key-required"  # local servers (llama.cpp, vLLM without --api-key) accept anything
