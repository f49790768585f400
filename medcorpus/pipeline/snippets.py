"""Reject snippets without identifiers: scrub's recognizers run on a snippet before it is stored
or shown, and where the scrub extra is not installed the snippet is dropped instead.

Only rejects that are the sole copy of their input (a bad line of a file: no record id) keep a
snippet in the workspace; a removed record's snippet is redundant with the record itself, so
`purge` drops those. `medcorpus rejects` masks whatever it prints.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Sequence

DROPPED = ""  # what a snippet becomes when it cannot be masked


@lru_cache(maxsize=1)
def _scrubber() -> Any:
    """scrub's detector (loaded once per process), or None without the scrub extra."""
    if os.environ.get("MEDCORPUS_SNIPPETS") == "drop":
        return None
    try:
        from medcorpus.scrub.engine import Scrubber

        return Scrubber()
    except (ImportError, OSError):  # presidio / spaCy model not installed
        return None


def mask_texts(texts: Sequence[str]) -> list[str]:
    """Each text with its identifiers replaced by typed placeholders (<PERSON>, <PHONE>, ...)."""
    todo = [i for i, t in enumerate(texts) if t]
    out = list(texts)
    if not todo:
        return out
    scrubber = _scrubber()
    if scrubber is None:
        return [DROPPED if t else t for t in texts]
    from medcorpus.scrub.operators import apply

    spans = scrubber.analyze([texts[i] for i in todo])
    for i, found in zip(todo, spans):
        out[i] = apply(texts[i], found, "placeholder")
    return out


def mask_rejects(rejects: list) -> list:
    """File-level rejects (no record id) with masked snippets; record-level ones unchanged."""
    todo = [i for i, r in enumerate(rejects) if r.snippet and not r.record_id]
    if not todo:
        return rejects
    masked = mask_texts([rejects[i].snippet for i in todo])
    out = list(rejects)
    for i, text in zip(todo, masked):
        out[i] = out[i].model_copy(update={"snippet": text})
    return out


def mask_json(value: Any) -> Any:
    """`value` (parsed JSON) with every string longer than a word masked."""
    strings: list[str] = []

    def collect(v: Any) -> None:
        if isinstance(v, str) and len(v) > 3:
            strings.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                collect(x)
        elif isinstance(v, list):
            for x in v:
                collect(x)

    collect(value)
    masked = dict(zip(strings, mask_texts(strings)))

    def rebuild(v: Any) -> Any:
        if isinstance(v, str):
            return masked.get(v, v)
        if isinstance(v, dict):
            return {k: rebuild(x) for k, x in v.items()}
        if isinstance(v, list):
            return [rebuild(x) for x in v]
        return v

    return rebuild(value)
