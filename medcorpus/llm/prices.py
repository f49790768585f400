"""The editable price table (USD per 1M tokens) and cost arithmetic."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

PRICE_FILE = Path(__file__).resolve().parents[1] / "resources" / "llm" / "prices.toml"
PRICES_ENV = "MEDCORPUS_LLM_PRICES"


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    table: dict[str, tuple[float, float]] = {}
    for path in paths:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for name, entry in (data.get("models") or {}).items():
            table[name] = (float(entry.get("input", 0.0)), float(entry.get("output", 0.0)))
    return table


def price_table() -> dict[str, tuple[float, float]]:
    paths = [str(PRICE_FILE)]
    if os.environ.get(PRICES_ENV):
        paths.append(os.environ[PRICES_ENV])
    return _load(tuple(paths))


def price_of(model: str, price_input: float | None = None,
             price_output: float | None = None) -> tuple[float, float] | None:
    """(input, output) USD per 1M tokens, or None when the model is unknown and no override given."""
    table = price_table()
    found = table.get(model)
    if found is None:
        prefixes = [name for name in table if model.startswith(name)]
        if prefixes:
            found = table[max(prefixes, key=len)]
    if price_input is not None or price_output is not None:
        base = found or (0.0, 0.0)
        return (price_input if price_input is not None else base[0],
                price_output if price_output is not None else base[1])
    return found


def cost(prices: tuple[float, float] | None, prompt_tokens: int, completion_tokens: int) -> float:
    if not prices:
        return 0.0
    return (prompt_tokens * prices[0] + completion_tokens * prices[1]) / 1_000_000
