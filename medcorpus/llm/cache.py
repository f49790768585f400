"""The LLM reply cache: a hash of (model, messages, parameters, schema) -> the reply, in the workspace.

The client reads it through `ReplyCache` (keys loaded once, rows read on a hit) and keeps new
replies in memory until the driver commits them with the records made from them (`take_pending`),
so a killed run loses no paid-for reply and never stores a reply without its outcome twice.
"""
from __future__ import annotations

import hashlib
from typing import Any

import orjson

from medcorpus.pipeline.stage import SideTable

# the cache as a side table: the committer writes new replies with the records made from them
# (a reply already stored under its key is kept: the same request gets the same reply)
LLM_CACHE = SideTable("llm_cache", "key VARCHAR PRIMARY KEY, model VARCHAR, text VARCHAR, finish_reason VARCHAR, "
                      "prompt_tokens BIGINT, completion_tokens BIGINT, cost_usd DOUBLE, seconds DOUBLE, "
                      "created_at TIMESTAMP DEFAULT current_timestamp", key=("key",), on_conflict="ignore")
CACHE_DDL = f"CREATE TABLE IF NOT EXISTS {LLM_CACHE.name} ({LLM_CACHE.columns})"
COLUMNS = ("key", "model", "text", "finish_reason", "prompt_tokens", "completion_tokens", "cost_usd", "seconds")


def cache_dicts(rows: list[tuple]) -> list[dict]:
    """Cache rows (tuples in COLUMNS order, as `take_pending` gives them) as side rows for LLM_CACHE."""
    return [dict(zip(COLUMNS, r)) for r in rows]


def cache_key(model: str, messages: list[dict], params: dict[str, Any]) -> str:
    blob = orjson.dumps({"model": model, "messages": messages, "params": params},
                        option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.sha256(blob).hexdigest()


class ReplyCache:
    """Cached replies of one model in workspace `ws` (None: nothing cached, nothing stored)."""

    def __init__(self, ws: Any, model: str):
        self.ws, self.model = ws, model
        self._known: set[str] | None = None
        self._pending: dict[str, tuple] = {}
        self._flushing: dict[str, tuple] = {}  # taken by a commit that has not finished yet

    def get(self, key: str) -> tuple | None:
        """(text, prompt_tokens, completion_tokens, finish_reason) or None."""
        row = self._pending.get(key) or self._flushing.get(key)
        if row is not None:
            return row[2], row[4], row[5], row[3]
        if self.ws is None:
            return None
        if self._known is None:  # one query for the keys of this model, then no lookup for a miss
            self.ws.exec(CACHE_DDL)
            self._known = {k for k, in self.ws.exec("SELECT key FROM llm_cache WHERE model = ?", [self.model])}
        if key not in self._known:
            return None
        found = self.ws.one("SELECT text, prompt_tokens, completion_tokens, finish_reason FROM llm_cache "
                            "WHERE key = ?", [key])
        return (found[0], found[1] or 0, found[2] or 0, found[3]) if found else None

    def put(self, row: tuple) -> None:
        if self.ws is None:
            return
        if self._known is not None:
            self._known.add(row[0])
        self._pending[row[0]] = row

    def take_pending(self) -> list[tuple]:
        """Hand the new rows to a commit (they stay readable from memory until `flushed()`)."""
        self._flushing.update(self._pending)
        rows = list(self._pending.values())
        self._pending = {}
        return rows

    def flushed(self) -> None:
        self._flushing = {}


class SnapshotCache:
    """The reply cache of a worker that has no workspace: the rows of `model` in a Parquet snapshot
    of `llm_cache` (None: empty), plus the replies this worker got. New replies are handed out by
    `take_pending` (side rows for the committer) and stay readable here."""

    def __init__(self, snapshot: Any, model: str):
        self.rows: dict[str, tuple] = {}
        self._pending: list[tuple] = []
        if snapshot is not None:
            import pyarrow.parquet as pq

            table = pq.read_table(snapshot, columns=list(COLUMNS), filters=[("model", "=", model)])
            for row in zip(*(table.column(c).to_pylist() for c in COLUMNS)):
                self.rows[row[0]] = row

    def get(self, key: str) -> tuple | None:
        row = self.rows.get(key)
        return None if row is None else (row[2], row[4] or 0, row[5] or 0, row[3])

    def put(self, row: tuple) -> None:
        self.rows[row[0]] = row
        self._pending.append(row)

    def take_pending(self) -> list[tuple]:
        rows, self._pending = self._pending, []
        return rows

    def flushed(self) -> None:
        pass


def write_cache_rows(ws: Any, rows: list[tuple]) -> None:
    """Insert cache rows with one statement (inside the caller's transaction, if any)."""
    if not rows or ws is None:
        return
    import pyarrow as pa

    cols = list(zip(*rows))
    types = (pa.string(), pa.string(), pa.string(), pa.string(), pa.int64(), pa.int64(), pa.float64(), pa.float64())
    table = pa.table({name: pa.array(col, type=typ) for name, col, typ in zip(COLUMNS, cols, types)})
    ws.exec(CACHE_DDL)
    ws.insert_arrow("llm_cache", table, verb="INSERT OR REPLACE")


def llm_status(ws: Any) -> dict[str, Any] | None:
    """`medcorpus status` section: cached replies, tokens and cost per model, and the last LLM runs."""
    if not ws.one("SELECT 1 FROM information_schema.tables WHERE table_name = 'llm_cache'"):
        return None
    per_model = {m: {"replies": n, "prompt_tokens": int(p or 0), "completion_tokens": int(c or 0),
                     "cost_usd": round(float(s or 0), 6)}
                 for m, n, p, c, s in ws.exec("SELECT model, count(*), sum(prompt_tokens), sum(completion_tokens), "
                                              "sum(cost_usd) FROM llm_cache GROUP BY 1 ORDER BY 2 DESC")}
    runs = []
    for stage, extra, ended in ws.exec("SELECT stage, extra, ended_at FROM runs WHERE extra LIKE '%\"llm\"%' "
                                       "ORDER BY run_id DESC LIMIT 5"):
        llm = (orjson.loads(extra or "{}") or {}).get("llm")
        if isinstance(llm, dict):
            runs.append({"stage": stage, "ended_at": str(ended), **{k: llm.get(k) for k in (
                "requests", "cache_hits", "prompt_tokens", "completion_tokens", "cost_usd", "structured")}})
    return {"by_model": per_model, "total_cost_usd": round(sum(v["cost_usd"] for v in per_model.values()), 6),
            "recent_runs": runs}
