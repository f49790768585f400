"""What goes beside the shards: LLaMA-Factory's dataset_info.json and the dataset card (README.md),
with the statistics gathered while the shards were written."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np

from medcorpus.export.turns import FIXES

DATA_DIR = "data"
SPLITS = ("train", "test")
_SHAREGPT_TAGS = {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt",
                  "system_tag": "system"}
_MESSAGES_TAGS = {"role_tag": "role", "content_tag": "content", "user_tag": "user", "assistant_tag": "assistant",
                  "system_tag": "system"}


def _entry(fmt: str) -> dict[str, Any]:
    if fmt == "alpaca":  # LLaMA-Factory's alpaca has no role tags: the columns say it all
        return {"formatting": "alpaca", "columns": {"prompt": "instruction", "query": "input", "response": "output",
                                                    "history": "history", "system": "system"}}
    if fmt == "sharegpt":
        return {"formatting": "sharegpt", "columns": {"messages": "conversations", "system": "system"},
                "tags": dict(_SHAREGPT_TAGS)}
    return {"formatting": "sharegpt", "columns": {"messages": "messages"}, "tags": dict(_MESSAGES_TAGS)}


def dataset_info(name: str, fmt: str, splits: tuple[str, ...] = ("train",)) -> dict[str, Any]:
    """LLaMA-Factory's dataset_info.json: `name` (train) and, with a held-out split, `name_test`.

    Without a held-out split the entry is `file_name: data` (LLaMA-Factory reads every file there).
    With one, train and test shards share `data/`, so each entry loads the folder through 🤗 datasets
    (`script_url: data`), which tells the splits apart by file name, and picks its `split`."""
    if splits == ("train",):
        return {name: {"file_name": DATA_DIR, **_entry(fmt)}}
    return {(name if split == "train" else f"{name}_{split}"): {"script_url": DATA_DIR, "split": split, **_entry(fmt)}
            for split in splits}


def _describe(hist: Counter) -> str:
    """min, median, p95, max and mean of values given as {value: count}."""
    if not hist:
        return "n/a"
    values = np.array(sorted(hist), dtype=np.int64)
    counts = np.array([hist[v] for v in values], dtype=np.int64)
    cum, n = np.cumsum(counts), counts.sum()

    def q(f: float) -> int:
        return int(values[min(len(values) - 1, int(np.searchsorted(cum, f * n, side="left")))])
    mean = float((values * counts).sum() / n)
    return f"min {values[0]:,}, median {q(0.5):,}, p95 {q(0.95):,}, max {values[-1]:,}, mean {mean:,.1f}"


@dataclass
class PartStats:
    """What was written to one shard (or, merged, one split): counts, length histograms, the turn
    fixes applied and the records rejected. Kept in the manifest, so a reused shard is not re-read."""

    source: Counter = field(default_factory=Counter)
    lang: Counter = field(default_factory=Counter)
    kind: Counter = field(default_factory=Counter)
    strata: Counter = field(default_factory=Counter)
    turns: Counter = field(default_factory=Counter)
    chars: Counter = field(default_factory=Counter)
    fixes: Counter = field(default_factory=Counter)
    rejected: list[str] = field(default_factory=list)

    def add(self, row: dict, turns: list[dict]) -> None:
        self.source[row["source"]] += 1
        self.lang[row["lang"]] += 1
        self.kind[row["kind"]] += 1
        self.strata[f"{row['source']} / {row['kind']}"] += 1
        self.turns[len(turns)] += 1
        self.chars[sum(len(t["text"]) for t in turns)] += 1

    def add_pairs(self, rows: Any, n_turns: Any, chars: Any) -> None:
        """`add` for many records at once (Arrow `rows` with source/lang/kind; their turn counts
        and total characters)."""
        source, kind = rows.column("source").to_pylist(), rows.column("kind").to_pylist()
        self.source.update(source)
        self.lang.update(rows.column("lang").to_pylist())
        self.kind.update(kind)
        self.strata.update([f"{s} / {k}" for s, k in zip(source, kind)])
        self.turns.update(n_turns.tolist())
        self.chars.update(chars.to_pylist())

    @property
    def total(self) -> int:
        return sum(self.source.values())

    def to_json(self) -> dict[str, Any]:
        return {k: ({str(x): n for x, n in v.items()} if isinstance(v, Counter) else v)
                for k, v in self.__dict__.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PartStats":
        st = cls(rejected=list(data.get("rejected", [])))
        for key in ("source", "lang", "kind", "strata", "fixes"):
            getattr(st, key).update(data.get(key, {}))
        for key in ("turns", "chars"):
            getattr(st, key).update({int(x): n for x, n in data.get(key, {}).items()})
        return st

    @classmethod
    def merged(cls, parts: Iterable["PartStats"]) -> "PartStats":
        st = cls()
        for p in parts:
            for key, value in p.__dict__.items():
                getattr(st, key).update(value) if isinstance(value, Counter) else st.rejected.extend(value)
        return st


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> str:
    lines = [f"| {title} | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    lines += ["| " + " | ".join(f"{v:,}" if isinstance(v, int) else str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _by(stats: dict[str, PartStats], attr: str, title: str) -> str:
    keys = Counter()
    for s in stats.values():
        keys.update(getattr(s, attr))
    splits = list(stats)
    rows = [[k, *[getattr(stats[s], attr).get(k, 0) for s in splits]] for k, _ in keys.most_common()]
    return _table(title, [f"{s} records" if len(splits) > 1 else "records" for s in splits], rows)


def _loading(name: str, fmt: str, file_type: str, splits: tuple[str, ...]) -> str:
    builder = "parquet" if file_type == "parquet" else "json"
    test = "test" in splits
    lf_eval = f"\neval_dataset: {name}_test" if test else ""
    ax_test = (f"\ntest_datasets:\n  - path: <this folder>/{DATA_DIR}\n    type: chat_template\n"
               f"    field_messages: messages\n    split: test") if test else ""
    ax = (f"""```yaml
datasets:
  - path: <this folder>/{DATA_DIR}
    type: chat_template
    field_messages: messages
    split: train{ax_test}
```""" if fmt == "messages" else
          "Export the `messages` shape (`medcorpus export --format messages`) and use `type: chat_template` "
          "with `field_messages: messages`.")
    return f"""## Loading

**LLaMA-Factory**: `dataset_info.json` beside this card describes the data; in the training YAML:
```yaml
dataset_dir: <this folder>
dataset: {name}{lf_eval}
```
Only the doctor (assistant) turns are learned; the system prompt is rendered first in every shape.

**axolotl**: {ax}

**🤗 datasets**: `load_dataset("{builder}", data_dir="<this folder>/{DATA_DIR}")` gives the split(s)
{", ".join(f"`{s}`" for s in splits)} (shards `{DATA_DIR}/<split>-NNNNN-of-NNNNN.{file_type}`)."""


def dataset_card(name: str, fmt: str, file_type: str, shards: dict[str, list[str]], stats: dict[str, PartStats],
                 stages: list[str], normalised: dict[str, int], holdout: dict[str, Any] | None) -> str:
    splits = tuple(s for s in SPLITS if s in shards)
    total = sum(s.total for s in stats.values())
    split_line = ", ".join(f"{s} **{stats[s].total:,}** ({len(shards[s])} shard(s))" for s in splits)
    if holdout:
        held = (f"\nThe `test` split holds out {holdout['share']:.2%} of records (asked for: {holdout['asked']}), "
                "chosen by a hash of each record's dedup cluster (its id when unclustered): the same rate in every "
                "source and kind, near-duplicates on one side, and a record never moves between versions.\n")
    else:
        held = ""
    norm = "\n".join(f"| {fix.replace('_', ' ')} | {normalised.get(fix, 0):,} |" for fix in FIXES)
    lengths = "\n".join(f"- {s}: turns per record {_describe(stats[s].turns)}; characters per record "
                        f"{_describe(stats[s].chars)}" for s in splits)
    return f"""# {name}

Supervised fine-tuning data exported by medcorpus in the **{fmt}** shape as {file_type} shards.
Records: **{total:,}** — {split_line}.
Stages applied, in order: {', '.join(stages) or 'none (ingested as is)'}.
{held}
{_loading(name, fmt, file_type, splits)}

## Turn normalisation
Every exported conversation has at most one leading system turn, then patient and doctor turns
strictly alternating, ending on a doctor turn (what LLaMA-Factory and axolotl require).
Records changed or left out to get there:

| fix | records |
|---|---:|
{norm}

## By source
{_by(stats, "source", "source")}

## By language
{_by(stats, "lang", "lang")}

## By kind
{_by(stats, "kind", "kind")}

## By source and kind
{_by(stats, "strata", "source / kind")}

## Lengths
{lengths}

## Provenance and licences
Each record keeps its `source`; check the licence of every source before redistributing
(GenMedGPT-5k: Apache-2.0; ChatMed-Consult: research use; see the sources' own terms).
"""
