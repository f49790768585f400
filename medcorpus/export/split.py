"""The held-out split and the shard of every record: both from hashes, so both are stable.

- A record is held out when the hash of its *split key* falls under the held-out share. The key is
  its dedup cluster (the cluster's kept record id) where dedup clustered it, else its own id, so
  near-duplicates always land on the same side. A hash threshold is a per-record coin with the same
  bias in every source x kind stratum, needs no state, and never moves a record between versions;
  raising the share only moves records from train to test (the old test set is a subset).
- A record's shard is its id hash modulo the shard count, a power of two, so shards keep their
  records between versions and an export can reuse every shard whose records did not change.
"""
from __future__ import annotations

import math
import re
from typing import Iterable

import numpy as np
import xxhash

SPLIT_SEED, SHARD_SEED, DIGEST_SEED = 0x5E1EC7, 0x5A4D, 0xD16E57
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


def shard_count(records: int, shard_size: int) -> int:
    """The smallest power of two giving shards of at most `shard_size` records on average."""
    need = max(1, math.ceil(records / shard_size))
    return 1 << (need - 1).bit_length()


def shard_of(ids: Iterable[str], n_shards: int) -> np.ndarray:
    return (_hashes(ids, SHARD_SEED) % np.uint64(n_shards)).astype(np.int64)


def shard_digest(ids: list[str], versions: list[int]) -> str:
    """An order-free digest of a shard's (id, version) pairs: equal digests, equal content."""
    if not ids:
        return "empty"
    h = _hashes((f"{i}\x1f{v}" for i, v in zip(ids, versions)), DIGEST_SEED)
    return f"{len(ids)}:{int(h.sum(dtype=np.uint64)):016x}:{int(np.bitwise_xor.reduce(h)):016x}"
