"""The held-out split and the shard of every record: both from hashes, so both are stable.

- A record is held out when the hash of its *split key* falls under the held-out share. The key is
  its dedup cluster (the cluster's kept record id) where dedup clustered it, else its own id, so
  near-duplicates always land on the same side. A hash threshold is a per-record coin with the same
  bias in every source x kind stratum, needs no state, and never moves a record between versions;
  raising the share only moves records from train to test (the old test set is a subset).
- A record keeps its shard between exports (`assign_shards`); new records fill the last shard and
  then new ones, so an export can reuse every shard whose records did not change.
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np
import xxhash

SPLIT_SEED, DIGEST_SEED = 0x5E1EC7, 0xD16E57
_SCALE = float(2 ** 64)


class HoldoutError(ValueError):
    """A --holdout value that is neither a percentage nor a record count."""


def parse_holdout(value: str | int | float | None) -> tuple[str, float] | None:
    """'2%' -> ('share', 0.02); '500' or 500 -> ('count', 500); None/'0'/'' -> None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", text)
    if match:
        share = float(match.group(1)) / 100
        if not 0 <= share < 1:
            raise HoldoutError(f"--holdout {text}: a share must be at least 0% and under 100%")
        return ("share", share) if share > 0 else None
    if re.fullmatch(r"\d+", text):
        return ("count", float(int(text))) if int(text) > 0 else None
    raise HoldoutError(f"--holdout {text!r}: expected a percentage (2%) or a number of records (500)")


def holdout_share(holdout: tuple[str, float] | None, total: int) -> float:
    """The share of records to hold out: a percentage as given, a count over the current total."""
    if holdout is None or total == 0:
        return 0.0
    kind, value = holdout
    return value if kind == "share" else min(1.0, value / total)


def _hashes(values: Iterable[str], seed: int) -> np.ndarray:
    return np.fromiter((xxhash.xxh3_64_intdigest(v.encode(), seed) for v in values), dtype=np.uint64)


def held_out(keys: list[str], share: float) -> np.ndarray:
    """Boolean mask: True where the split key's hash falls under `share`."""
    if share <= 0:
        return np.zeros(len(keys), dtype=bool)
    return _hashes(keys, SPLIT_SEED).astype(np.float64) < share * _SCALE


def assign_shards(ids: list[str], test: np.ndarray | None, previous: dict[str, str],
                  shard_size: int) -> tuple[list[str], dict[str, list[str]]]:
    """(the shard of every record, e.g. 'train-00003'; {split: its shards in order}).

    A record exported before keeps its shard (`previous`: id -> shard) while it stays in the same
    split; the others (rows in workspace order) fill the split's last shard up to `shard_size`,
    then new shards. A refresh that adds records therefore touches only the last shard(s), and a
    fresh export fills shards in workspace order, the same layout an append-only history gives."""
    parts = [""] * len(ids)
    order: dict[str, list[str]] = {}
    for split in (("train", "test") if test is not None else ("train",)):
        rows = [i for i in range(len(ids)) if test is None or bool(test[i]) == (split == "test")]
        counts: dict[str, int] = {}
        for i in rows:
            old = previous.get(ids[i])
            if old and old.startswith(split + "-"):
                parts[i] = old
                counts[old] = counts.get(old, 0) + 1
        numbers = sorted(int(p.rsplit("-", 1)[1]) for p in counts)
        current = f"{split}-{numbers[-1]:05d}" if numbers else None
        nxt = numbers[-1] + 1 if numbers else 0
        for i in rows:
            if parts[i]:
                continue
            if current is None or counts[current] >= shard_size:
                current, nxt = f"{split}-{nxt:05d}", nxt + 1
                counts[current] = 0
            parts[i] = current
            counts[current] += 1
        order[split] = sorted(counts) or [f"{split}-00000"]
    return parts, order


def shard_digest(ids: list[str], contents: list[str]) -> str:
    """An order-free digest of a shard's (id, content) pairs: equal digests, equal records."""
    if not ids:
        return "empty"
    h = _hashes((f"{i}\x1f{c}" for i, c in zip(ids, contents)), DIGEST_SEED)
    return f"{len(ids)}:{int(h.sum(dtype=np.uint64)):016x}:{int(np.bitwise_xor.reduce(h)):016x}"
