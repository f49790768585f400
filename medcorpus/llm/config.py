"""Settings of the LLM client (a stage config: from CLI flags or the pipeline file).

Every LLM option is declared here once: `medcorpus.llm.options` generates the CLI flags of every
LLM command from these fields. The API key is deliberately not a field: it is read from
MEDCORPUS_LLM_API_KEY or OPENAI_API_KEY when the client is created, so it never reaches the
workspace, the run log or a summary. This module imports nothing else of medcorpus.llm.
"""
from __future__ import annotations

import os
from typing import Literal

from pydantic import Field

from medcorpus.pipeline.stage import StageConfig

BASE_URL_ENVS = ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL")
API_KEY_ENVS = ("MEDCORPUS_LLM_API_KEY", "OPENAI_API_KEY")
DEFAULT_MODEL = "SmolLM2-135M-Instruct"
Structured = Literal["auto", "json_schema", "json_object", "off"]


class LLMConfig(StageConfig):
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint (…/v1). Default: $MEDCORPUS_LLM_BASE_URL, "
                                 "$OPENAI_BASE_URL, a running `medcorpus llm serve`, else the local model started "
                                 "for this run. Key from $MEDCORPUS_LLM_API_KEY or $OPENAI_API_KEY.")
    model: str = Field(DEFAULT_MODEL, description="Model name sent to the endpoint ($MEDCORPUS_LLM_MODEL).")
    concurrency: int = Field(8, ge=1, description="Requests in flight at once.")
    rpm: int | None = Field(None, ge=1, description="Requests per minute (None: unlimited).")
    tpm: int | None = Field(None, ge=1, description="Tokens per minute, estimated before sending (None: unlimited).")
    timeout: float = Field(60.0, gt=0, description="Seconds per request.")
    max_retries: int = Field(5, ge=0, description="Retries on 429, 5xx, timeouts and connection errors "
                             "(exponential backoff, Retry-After honoured).")
    temperature: float = Field(0.7, ge=0, le=2, description="Sampling temperature.")
    max_tokens: int | None = Field(None, ge=1, description="Completion tokens per request (None: the task's own "
                                   "limit, sized so its replies are not cut).")
    cache: bool = Field(True, description="Read replies from the workspace cache (--no-cache: ask again).")
    max_cost: float | None = Field(None, ge=0, description="Stop cleanly once this many USD are spent.")
    dry_run: bool = Field(False, description="Print the first prompts and an estimate of tokens and cost; call nothing.")
    json_retries: int = Field(2, ge=0, description="Re-asks when a reply is invalid or unfaithful.")
    price_input: float | None = Field(None, ge=0, description="USD per 1M prompt tokens (overrides the price table).")
    price_output: float | None = Field(None, ge=0, description="USD per 1M completion tokens (overrides the price table).")
    structured: Structured = Field("auto", description="How replies are constrained to the task's JSON schema: auto "
                                   "(probe the endpoint once: json_schema, then json_object with the schema, then "
                                   "json_object), json_schema, json_object, off (plain JSON parsing).")


# what changes what is generated: these go into item keys and stage fingerprints; the rest are runtime knobs
GENERATION_FIELDS = ("model", "temperature", "max_tokens")


def generation_settings(config: LLMConfig) -> dict:
    return config.model_dump(mode="json", include=set(GENERATION_FIELDS))


def env_base_url() -> str | None:
    for name in BASE_URL_ENVS:
        value = os.environ.get(name)
        if value:
            return value
    return None


def api_key() -> str:
    for name in API_KEY_ENVS:
        value = os.environ.get(name)
        if value:
            return value
    return "sk-no-key-required"  # local servers (llama.cpp, vLLM without --api-key) accept anything
