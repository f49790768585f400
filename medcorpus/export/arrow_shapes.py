"""Export shapes for a whole Arrow batch at once: the common record (one question, one answer,
both with text) is shaped column by column; every other record goes through the per-record path
(`normalise_turns` + the shape functions), and the batch keeps its order. Same bytes either way."""
from __future__ import annotations

from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from medcorpus.schemas import ANSWERING_ROLES, ASKING_ROLES

_HAS_TEXT = r"[\p{L}\p{N}]"  # a letter or digit: the text is not empty after strip()


class Pairs:
    """The common rows of a turns array: [system?, asking, answering], every text with a letter
    or digit (no normalisation applies, the shape is fixed). `rows`: their indices; `system`
    (or None), `question`, `answer`: their texts."""

    def __init__(self, turns: pa.Array):
        n = len(turns)
        self.rows = np.zeros(0, np.int64)
        self.has_system = np.zeros(0, bool)
        self.system = self.question = self.answer = pa.array([], pa.string())
        flat = pc.list_flatten(turns)
        if n == 0 or len(flat) == 0:
            return
        lengths = pc.fill_null(pc.list_value_length(turns), 0).to_numpy(zero_copy_only=False)
        offsets = turns.offsets.to_numpy()[:n] - turns.offsets[0].as_py()
        roles, texts = flat.field("role"), flat.field("text")
        ok = pc.fill_null(pc.match_substring_regex(texts, _HAS_TEXT), False).to_numpy(zero_copy_only=False)
        ask = pc.is_in(roles, pa.array(sorted(ASKING_ROLES))).to_numpy(zero_copy_only=False)
        ans = pc.is_in(roles, pa.array(sorted(ANSWERING_ROLES))).to_numpy(zero_copy_only=False)
        system = pc.fill_null(pc.equal(roles, "system"), False).to_numpy(zero_copy_only=False)
        last = len(flat) - 1
        has_sys = lengths == 3
        q = np.minimum(offsets + has_sys, last)
        a = np.minimum(q + 1, last)
        first = np.minimum(offsets, last)
        good = ((lengths == 2) | (has_sys & system[first] & ok[first])) & ask[q] & ans[a] & ok[q] & ok[a]
        self.rows = np.flatnonzero(good)
        self.has_system = has_sys[self.rows]
        self.question = texts.take(pa.array(q[self.rows]))
        self.answer = texts.take(pa.array(a[self.rows]))
        sys_text = texts.take(pa.array(first[self.rows]))
        self.system = pc.if_else(pa.array(self.has_system), sys_text, "")

    def chars(self) -> pa.Array:
        return pc.add(pc.add(pc.utf8_length(self.system), pc.utf8_length(self.question)), pc.utf8_length(self.answer))

    def n_turns(self) -> np.ndarray:
        return 2 + self.has_system.astype(np.int64)

    def lists(self, labels: tuple[str, str, str], struct_type: pa.DataType, with_system: bool) -> pa.Array:
        """Per row [{labels[0], system}?, {labels[1], question}, {labels[2], answer}] as a list of
        `struct_type` (the system item only where the row has one, and only `with_system`)."""
        n = len(self.rows)
        sys_here = self.has_system if with_system else np.zeros(n, bool)
        counts = 2 + sys_here.astype(np.int64)
        offsets = np.zeros(n + 1, np.int64)
        np.cumsum(counts, out=offsets[1:])
        texts = pa.concat_arrays([self.system, self.question, self.answer])  # row i at i, n+i, 2n+i
        source = np.empty(int(offsets[-1]), np.int64)
        label = np.empty(int(offsets[-1]), np.int64)
        at = offsets[:-1]
        source[at[sys_here]], label[at[sys_here]] = np.flatnonzero(sys_here), 0
        qpos = at + sys_here
        source[qpos], label[qpos] = np.arange(n) + n, 1
        source[qpos + 1], label[qpos + 1] = np.arange(n) + 2 * n, 2
        role = pa.array(np.array(labels, dtype=object)[label], pa.string())
        items = pa.StructArray.from_arrays([role, texts.take(pa.array(source))], fields=list(struct_type))
        return pa.ListArray.from_arrays(pa.array(offsets.astype(np.int32)), items)

    def columns(self, fmt: str, schema: pa.Schema) -> dict[str, pa.Array]:
        """The shape columns of these rows in format `fmt`."""
        n = len(self.rows)
        if fmt == "alpaca":
            return {"system": self.system, "instruction": self.question, "input": pa.array([""] * n, pa.string()),
                    "output": self.answer, "history": pa.array([[]] * n, schema.field("history").type)}
        if fmt == "sharegpt":
            conv = schema.field("conversations").type.value_type
            return {"system": self.system, "conversations": self.lists(("", "human", "gpt"), conv, False)}
        msg = schema.field("messages").type.value_type
        return {"messages": self.lists(("system", "user", "assistant"), msg, True)}


def shape_batch(batch: pa.RecordBatch, fmt: str, schema: pa.Schema, extra: list[str],
                slow: Callable[[list[dict]], list[dict]]) -> tuple[pa.Table, "Pairs"]:
    """The shaped table of `batch` (its rows in order; rows `slow` drops are left out) and the
    rows that took the column-wise path (`Pairs`). `slow(rows)` shapes row dicts and returns the
    shaped dicts of those it keeps, each with `_i` (its index in `rows`)."""
    turns = batch.column("turns")
    if isinstance(turns, pa.ChunkedArray):
        turns = turns.combine_chunks()
    pairs = Pairs(turns)
    mask = np.zeros(batch.num_rows, bool)
    mask[pairs.rows] = True
    slow_idx = np.flatnonzero(~mask)
    parts, order = [], []
    if len(pairs.rows):
        cols = pairs.columns(fmt, schema)
        take = pa.array(pairs.rows)
        for name in extra:
            cols[name] = batch.column(name).take(take)
        parts.append(pa.table(cols, schema=schema))
        order.append(pairs.rows)
    if len(slow_idx):
        rows = batch.take(pa.array(slow_idx)).to_pylist()
        shaped = slow(rows)
        if shaped:
            order.append(slow_idx[[r.pop("_i") for r in shaped]])
            parts.append(pa.Table.from_pylist(shaped, schema=schema))
    if not parts:
        return pa.Table.from_pylist([], schema=schema), pairs
    table = pa.concat_tables(parts)
    positions = np.concatenate(order)
    return table.take(pa.array(np.argsort(positions, kind="stable"))), pairs
