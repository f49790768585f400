"""Engines run a stage's `setup`/`process` over batches: `local` (this process or a process
pool) or `ray` (Ray Data, the `medcorpus[ray]` extra). The committer stays on the driver."""
from __future__ import annotations

from medcorpus.pipeline.engines.base import Engine, get_engine

__all__ = ["Engine", "get_engine"]
