"""CLI options shared by every LLM command (synth modes, self-instruct): declare the parameters with
these Annotated types and turn them into an LLMConfig with `llm_config(...)`.

    def cmd(..., base_url: BaseUrlOpt = None, model: ModelOpt = DEFAULT_MODEL, concurrency: ConcurrencyOpt = 8,
            rpm: RpmOpt = None, tpm: TpmOpt = None, timeout: TimeoutOpt = 60.0, max_retries: RetriesOpt = 5,
            temperature: TemperatureOpt = 0.7, max_tokens: MaxTokensOpt = 512, no_cache: NoCacheOpt = False,
            max_cost: MaxCostOpt = None, dry_run: DryRunOpt = False, json_retries: JsonRetriesOpt = 2,
            price_in: PriceInOpt = None, price_out: PriceOutOpt = None): ...
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from medcorpus.llm.config import DEFAULT_MODEL, LLMConfig

_P = "LLM endpoint"
BaseUrlOpt = Annotated[Optional[str], typer.Option(
    "--base-url", help="OpenAI-compatible endpoint (…/v1). Default: $MEDCORPUS_LLM_BASE_URL, $OPENAI_BASE_URL, "
    "a running `medcorpus llm serve`, else the local model started for this run. "
    "Key from $MEDCORPUS_LLM_API_KEY or $OPENAI_API_KEY.", rich_help_panel=_P)]
ModelOpt = Annotated[str, typer.Option("--model", envvar="MEDCORPUS_LLM_MODEL", show_envvar=True,
                                       help="Model name sent to the endpoint.", rich_help_panel=_P)]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", "-c", min=1, help="Requests in flight.", rich_help_panel=_P)]
RpmOpt = Annotated[Optional[int], typer.Option("--rpm", min=1, help="Requests per minute limit.", rich_help_panel=_P)]
TpmOpt = Annotated[Optional[int], typer.Option("--tpm", min=1, help="Tokens per minute limit (estimated).", rich_help_panel=_P)]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per request.", rich_help_panel=_P)]
RetriesOpt = Annotated[int, typer.Option("--max-retries", min=0, help="Retries on 429/5xx/timeouts (exponential backoff, Retry-After honoured).", rich_help_panel=_P)]
TemperatureOpt = Annotated[float, typer.Option("--temperature", min=0.0, max=2.0, rich_help_panel=_P)]
MaxTokensOpt = Annotated[int, typer.Option("--max-tokens", min=1, help="Completion tokens per request.", rich_help_panel=_P)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read replies from the workspace cache.", rich_help_panel=_P)]
MaxCostOpt = Annotated[Optional[float], typer.Option("--max-cost", min=0.0, help="Stop cleanly once this many USD are spent.", rich_help_panel=_P)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print the prompts and an estimated token count; call nothing.", rich_help_panel=_P)]
JsonRetriesOpt = Annotated[int, typer.Option("--json-retries", min=0, help="Re-asks for an invalid or unfaithful reply.", rich_help_panel=_P)]
PriceInOpt = Annotated[Optional[float], typer.Option("--price-in", min=0.0, help="USD per 1M prompt tokens (overrides the price table).", rich_help_panel=_P)]
PriceOutOpt = Annotated[Optional[float], typer.Option("--price-out", min=0.0, help="USD per 1M completion tokens.", rich_help_panel=_P)]


def llm_config(*, base_url: str | None = None, model: str = DEFAULT_MODEL, concurrency: int = 8,
               rpm: int | None = None, tpm: int | None = None, timeout: float = 60.0, max_retries: int = 5,
               temperature: float = 0.7, max_tokens: int = 512, no_cache: bool = False,
               max_cost: float | None = None, dry_run: bool = False, json_retries: int = 2,
               price_in: float | None = None, price_out: float | None = None, **_: Any) -> LLMConfig:
    return LLMConfig(base_url=base_url, model=model, concurrency=concurrency, rpm=rpm, tpm=tpm, timeout=timeout,
                     max_retries=max_retries, temperature=temperature, max_tokens=max_tokens, cache=not no_cache,
                     max_cost=max_cost, dry_run=dry_run, json_retries=json_retries, price_input=price_in,
                     price_output=price_out)
