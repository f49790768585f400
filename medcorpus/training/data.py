"""Read an export (`DIR/data/train-*.parquet|jsonl`, alpaca / sharegpt / messages shape), turn each
row into a conversation, tokenise it with prompt masking, truncate, and pack.

- Labels are -100 on the system prompt and every user (patient) turn; every assistant (doctor)
  turn is learned, in multi-turn conversations too.
- A sequence longer than `max_length` loses tokens from the left of its context (the oldest turns,
  then the system prompt); the last answer is never cut to nothing: when it alone would not fit
  beside half the window of context, the answer is cut from the right instead. Both are counted.
- Packing puts several examples in one row of at most `max_length` tokens (best-fit decreasing),
  with position ids restarting at 0 for every example and no attention mask, which transformers
  (v5) turns into a block-diagonal causal mask (sdpa/eager) or varlen flash-attention: no token
  attends across an example boundary. The first label of every example is -100 so no example
  learns to predict the next one's first token.
"""
from __future__ import annotations

import bisect
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable


from medcorpus.training.templates import Template, TemplateError

IGNORE = -100
ROLE_MAP = {"system": "system", "user": "user", "human": "user", "patient": "user",
            "assistant": "assistant", "gpt": "assistant", "doctor": "assistant", "model": "assistant",
            "bot": "assistant"}
SHARD_SUFFIXES = (".parquet", ".jsonl", ".json", ".jsonl.gz")


class DataError(ValueError):
    """The data directory or a row in it cannot be used (message names the file and row)."""


# ---------------------------------------------------------------- reading
def find_shards(path: Path) -> list[Path]:
    """The shard files of an export directory (or the file itself)."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"data path {path} does not exist")
    if path.is_file():
        return [path]
    for folder in (path / "data", path):
        if not folder.is_dir():
            continue
        shards = sorted(f for f in folder.glob("train-*") if f.name.endswith(SHARD_SUFFIXES))
        if shards:
            return shards
    raise DataError(f"no shards in {path}: expected {path}/data/train-*.parquet or .jsonl "
                    "(as written by `medcorpus export --out DIR`)")


def read_rows(path: Path, limit: int | None = None) -> Iterable[tuple[str, dict]]:
    """(where, row) for every row of every shard; `where` is 'file:row' for error messages."""
    from medcorpus.pipeline.io import BadInput, InputError, iter_records

    n = 0
    for shard in find_shards(path):
        try:
            for i, row in iter_records(shard):
                if isinstance(row, BadInput):
                    raise DataError(f"{shard}:{i}: {row.reason}")
                yield f"{shard}:{i}", row
                n += 1
                if limit and n >= limit:
                    return
        except InputError as exc:
            raise DataError(str(exc)) from exc


def row_to_messages(row: dict, where: str = "") -> list[dict]:
    """A conversation (system/user/assistant messages) from one exported row of any shape."""
    if "messages" in row and isinstance(row["messages"], list):
        turns = [(m.get("role"), m.get("content")) for m in row["messages"]]
        system = ""
    elif "conversations" in row and isinstance(row["conversations"], list):
        turns = [(m.get("from"), m.get("value")) for m in row["conversations"]]
        system = row.get("system") or ""
    elif "output" in row and ("instruction" in row or "input" in row):
        instruction, query = row.get("instruction") or "", row.get("input") or ""
        if "system" in row:  # LLaMA-Factory's alpaca (medcorpus exports): the question is instruction + input
            system, user = row.get("system") or "", "\n".join(x for x in (instruction, query) if x)
        else:  # GenMedGPT's alpaca: the instruction is the system prompt when there is an input
            system, user = (instruction, query) if query else ("", instruction)
        turns = []
        for pair in row.get("history") or []:
            turns += [("user", pair[0]), ("assistant", pair[1])]
        turns += [("user", user), ("assistant", row.get("output") or "")]
    else:
        raise DataError(f"{where}: unknown row shape (columns {sorted(row)}); expected alpaca "
                        "(instruction/input/output), sharegpt (conversations) or messages")
    messages = [{"role": "system", "content": system}] if system else []
    for role, text in turns:
        mapped = ROLE_MAP.get(str(role).lower())
        if mapped is None:
            raise DataError(f"{where}: unknown role {role!r}")
        messages.append({"role": mapped, "content": text or ""})
    return messages


def trim_conversation(messages: list[dict]) -> list[dict] | None:
    """Drop user turns after the last answer; None when there is no non-empty answer to learn."""
    last = max((i for i, m in enumerate(messages) if m["role"] == "assistant" and m["content"].strip()),
               default=None)
    if last is None:
        return None
    return messages[:last + 1]


# ---------------------------------------------------------------- tokenising
@dataclass
class Example:
    input_ids: list[int]
    labels: list[int]


@dataclass
class PrepStats:
    rows: int = 0
    examples: int = 0
    skipped: Counter = field(default_factory=Counter)
    truncated_context: int = 0
    truncated_answer: int = 0
    tokens: int = 0
    learned_tokens: int = 0
    systems: Counter = field(default_factory=Counter)
    first_error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "examples": self.examples, "skipped": dict(self.skipped),
                "truncated_context": self.truncated_context, "truncated_answer": self.truncated_answer,
                "tokens": self.tokens, "learned_tokens": self.learned_tokens,
                **({"first_error": self.first_error} if self.first_error else {})}


def truncate(prompt_ids: list[int], prompt_labels: list[int], answer_ids: list[int],
             max_length: int) -> tuple[list[int], list[int], list[int], str | None]:
    """Fit (context, last answer) into max_length: cut the context from the left; if the answer
    would not fit beside min(context, max_length // 2) tokens, keep that much context and cut the
    answer from the right. Returns (context ids, context labels, answer ids, what was cut)."""
    if len(prompt_ids) + len(answer_ids) <= max_length:
        return prompt_ids, prompt_labels, answer_ids, None
    keep_ctx = min(len(prompt_ids), max_length // 2)
    if len(answer_ids) <= max_length - keep_ctx:
        keep = max_length - len(answer_ids)
        return prompt_ids[len(prompt_ids) - keep:], prompt_labels[len(prompt_ids) - keep:], answer_ids, "context"
    start = len(prompt_ids) - keep_ctx
    return prompt_ids[start:], prompt_labels[start:], answer_ids[:max_length - keep_ctx], "answer"


def encode(conversations: list[tuple[str, list[dict]]], template: Template, max_length: int,
           stats: PrepStats | None = None, batch: int = 512) -> tuple[list[Example], PrepStats]:
    """Tokenise conversations into (input_ids, labels), prompt-masked and truncated."""
    stats = stats or PrepStats()
    out: list[Example] = []
    tok = template.tokenizer
    bos = [tok.bos_token_id] if template.add_bos else []
    for start in range(0, len(conversations), batch):
        chunk = conversations[start:start + batch]
        segs: list[list[tuple[str, bool]]] = []
        for where, messages in chunk:
            stats.rows += 1
            trimmed = trim_conversation(messages)
            if trimmed is None:
                stats.skipped["no_answer"] += 1
                continue
            try:
                segments = template.segments(trimmed)
            except TemplateError:
                raise
            except Exception as exc:  # a Jinja template raising on this conversation's shape
                stats.skipped["template_error"] += 1
                stats.first_error = stats.first_error or f"{where}: {exc}"
                continue
            system = "\n".join(m["content"] for m in trimmed if m["role"] == "system")
            stats.systems[system] += 1
            segs.append(segments)
        texts = [t for segments in segs for t, _ in segments]
        ids = tok(texts, add_special_tokens=False)["input_ids"] if texts else []
        k = 0
        for segments in segs:
            pieces = []
            for _, learned in segments:
                pieces.append((ids[k], learned))
                k += 1
            ctx_ids, ctx_labels = list(bos), [IGNORE] * len(bos)
            for piece, learned in pieces[:-1]:
                ctx_ids += piece
                ctx_labels += piece if learned else [IGNORE] * len(piece)
            answer = pieces[-1][0]
            if not answer:
                stats.skipped["no_answer"] += 1
                continue
            ctx_ids, ctx_labels, answer, cut = truncate(ctx_ids, ctx_labels, answer, max_length)
            if cut == "context":
                stats.truncated_context += 1
            elif cut == "answer":
                stats.truncated_answer += 1
            input_ids = ctx_ids + answer
            labels = ctx_labels + answer
            labels[0] = IGNORE
            out.append(Example(input_ids, labels))
            stats.tokens += len(input_ids)
            stats.learned_tokens += sum(1 for x in labels if x != IGNORE)
    stats.examples = len(out)
    return out, stats


def load_conversations(path: Path, limit: int | None = None) -> list[tuple[str, list[dict]]]:
    return [(where, row_to_messages(row, where)) for where, row in read_rows(path, limit)]


# ---------------------------------------------------------------- packing
def pack_indices(lengths: list[int], max_length: int) -> list[list[int]]:
    """Best-fit decreasing: bins of example indices whose lengths sum to at most max_length."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    bins: list[list[int]] = []
    by_space: dict[int, list[int]] = {}
    spaces: list[int] = []  # sorted distinct free spaces that have a bin
    for i in order:
        n = lengths[i]
        j = bisect.bisect_left(spaces, n)
        if j < len(spaces):
            space = spaces[j]
            b = by_space[space].pop()
            if not by_space[space]:
                del by_space[space]
                spaces.pop(j)
        else:
            b, space = len(bins), max_length
            bins.append([])
        bins[b].append(i)
        left = space - n
        if left > 0:
            if left not in by_space:
                by_space[left] = []
                bisect.insort(spaces, left)
            by_space[left].append(b)
    return bins


def pack(examples: list[Example], max_length: int, seed: int = 0) -> list[dict]:
    """Rows of packed examples: input_ids, labels (first label of each example -100), position_ids."""
    rows = []
    for members in pack_indices([len(e.input_ids) for e in examples], max_length):
        ids: list[int] = []
        labels: list[int] = []
        pos: list[int] = []
        for i in members:
            e = examples[i]
            ids += e.input_ids
            labels += [IGNORE] + e.labels[1:]
            pos += list(range(len(e.input_ids)))
        rows.append({"input_ids": ids, "labels": labels, "position_ids": pos})
    random.Random(seed).shuffle(rows)
    return rows


def unpacked(examples: list[Example]) -> list[dict]:
    return [{"input_ids": e.input_ids, "labels": e.labels} for e in examples]


class ListDataset:
    """A map-style dataset over a list of feature dicts (what Trainer wants)."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict:
        return self.rows[i]


class Collator:
    """Pads a batch to its longest row. Packed rows (with position_ids) get no attention mask:
    their padding is one more position-reset segment that no real token attends to. Unpacked rows
    get right padding and an attention mask. Counts real and padded tokens while `counting`."""

    def __init__(self, pad_id: int) -> None:
        self.pad_id = pad_id
        self.counting = True
        self.batches: list[tuple[int, int, int]] = []  # (real tokens, padded tokens, learned labels)

    def keep_first(self, n: int) -> None:
        """Forget batches collated ahead of use (the data loader prefetches one past the last step)."""
        del self.batches[max(0, n):]

    @property
    def real(self) -> int:
        return sum(b[0] for b in self.batches)

    @property
    def total(self) -> int:
        return sum(b[1] for b in self.batches)

    @property
    def learned(self) -> int:
        return sum(b[2] for b in self.batches)

    @property
    def padding_fraction(self) -> float:
        return 1 - self.real / self.total if self.total else 0.0

    def __call__(self, features: list[dict]) -> dict:
        import torch

        n = max(len(f["input_ids"]) for f in features)
        packed = "position_ids" in features[0]
        ids, labels, extra = [], [], []
        for f in features:
            k = n - len(f["input_ids"])
            ids.append(f["input_ids"] + [self.pad_id] * k)
            labels.append(f["labels"] + [IGNORE] * k)
            extra.append(f["position_ids"] + list(range(k)) if packed
                         else [1] * len(f["input_ids"]) + [0] * k)
        if self.counting:
            self.batches.append((sum(len(f["input_ids"]) for f in features), n * len(features),
                                 sum(1 for f in features for x in f["labels"] if x != IGNORE)))
        batch = {"input_ids": torch.tensor(ids), "labels": torch.tensor(labels)}
        batch["position_ids" if packed else "attention_mask"] = torch.tensor(extra)
        return batch


def split_eval(items: list, fraction: float, seed: int) -> tuple[list, list]:
    """(train, eval): a seeded random `fraction` held out (none when it rounds to 0)."""
    n_eval = int(len(items) * fraction) if fraction > 0 else 0
    if n_eval == 0:
        return items, []
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    held = set(order[:n_eval])
    return [x for i, x in enumerate(items) if i not in held], [x for i, x in enumerate(items) if i in held]
