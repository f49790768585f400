"""The item log of LLM tasks (`synth_items`) and the writer that commits finished items.

An item (one case of an LLM task) is finished once its records or its reject, its `synth_items`
row and the cached replies it used are committed in one transaction; `done_keys` are skipped by the
next run. Commits are batched (at most FLUSH_SECONDS apart) and run in a worker thread on a second
DuckDB connection, so the event loop keeps requests flowing meanwhile.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

from medcorpus.pipeline.stage import SideTable
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Rejected

# one row per finished item (kept or rejected), keyed by (stage, item key): a re-run skips it
SYNTH_ITEMS = SideTable("synth_items", "stage VARCHAR, item_key VARCHAR, status VARCHAR, record_ids VARCHAR[], "
                        "reason VARCHAR, run_id BIGINT, created_at TIMESTAMP DEFAULT current_timestamp",
                        key=("stage", "item_key"))
ITEMS_DDL = f"CREATE TABLE IF NOT EXISTS {SYNTH_ITEMS.name} ({SYNTH_ITEMS.columns})"
FLUSH_SECONDS = 1.0
FLUSH_ITEMS = 256


def done_keys(ws: Workspace, stage: str) -> set[str]:
    ws.exec(ITEMS_DDL)
    return {k for k, in ws.exec("SELECT item_key FROM synth_items WHERE stage = ?", [stage])}


class ItemWriter:
    """Buffers (item, outcome) pairs and commits them with the client's new cache rows."""

    def __init__(self, ws: Workspace, stage: str, origin: str, run_id: int, client: Any):
        self.ws, self.stage, self.origin, self.run_id, self.client = ws, stage, origin, run_id, client
        self.buffer: list[tuple[Any, Any]] = []
        self.last = time.monotonic()
        self.n_records = self.n_items = self.n_rejected = self.n_dup = 0
        self.reasons: dict[str, int] = {}
        self._tws: Workspace | None = None

    def add(self, item: Any, outcome: Any) -> None:
        self.buffer.append((item, outcome))

    def due(self) -> bool:
        return len(self.buffer) >= FLUSH_ITEMS or time.monotonic() - self.last >= FLUSH_SECONDS

    def _take(self) -> tuple[list[tuple[Any, Any]], list[tuple]]:
        self.last = time.monotonic()
        batch, self.buffer = self.buffer, []
        return batch, self.client.take_pending()

    def flush(self) -> None:
        """Commit now, on the main connection (the end of a run, or outside the event loop)."""
        batch, cache_rows = self._take()
        self._commit(self.ws, batch, cache_rows)

    async def flush_async(self) -> None:
        batch, cache_rows = self._take()
        if not batch and not cache_rows:
            return
        if self._tws is None:  # a second connection to the same database, for the worker thread
            self._tws = self.ws.thread_view()
        await asyncio.to_thread(self._commit, self._tws, batch, cache_rows)

    def close(self) -> None:
        if self._tws is not None:
            self._tws.close()
            self._tws = None

    def _commit(self, ws: Workspace, batch: list[tuple[Any, Any]], cache_rows: list[tuple]) -> None:
        from medcorpus.llm.cache import LLM_CACHE, cache_dicts

        rows, items, rejects = [], [], []
        for item, out in batch:
            if out.rejected:
                rejects.append(Rejected(reason=out.rejected, record_id=None, file=item.label or None,
                                        snippet=out.snippet[:300], detail={"item": item.key, **out.detail}))
                items.append(item_row(self.stage, item.key, "rejected", [], out.rejected, self.run_id))
            else:
                rows.extend(r.to_row() for r in out.records)
                items.append(item_row(self.stage, item.key, "done", [r.id for r in out.records], None, self.run_id))
            rejects.extend(r.model_copy(update={"detail": {"item": item.key, **r.detail}}) for r in out.rejects)
        # the replies, the records made from them and the item log commit together (the one committer)
        added, _ = ws.commit_source(rows, rejects, self.stage, self.origin, self.run_id,
                                    side=[(LLM_CACHE, cache_dicts(cache_rows)), (SYNTH_ITEMS, items)])
        self.client.flushed()
        for r in rejects:
            key = r.reason.split(" (")[0]
            self.reasons[key] = self.reasons.get(key, 0) + 1
        self.n_records += added
        self.n_dup += len(rows) - added
        self.n_items += len(items)
        self.n_rejected += len(rejects)


def item_row(stage: str, key: str, status: str, record_ids: list[str], reason: str | None,
             run_id: int | None) -> dict:
    return {"stage": stage, "item_key": key, "status": status, "record_ids": record_ids, "reason": reason,
            "run_id": run_id}
