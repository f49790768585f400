"""Conformance: every export shape loads through LLaMA-Factory's own dataset loader (`get_dataset`, as
`llamafactory-cli train` calls it), with the dataset_info.json medcorpus writes, unedited, and a tiny
tokenizer trained offline; the rendered prompt/response pairs are identical across the shapes, for
single-turn, multi-turn, non-alternating, leading-doctor and trailing-question records, and the
held-out split is LLaMA-Factory's eval set.

LLaMA-Factory is installed without its dependencies (`make setup`: its published set would replace
transformers, datasets and peft, and its torchaudio wheel needs CUDA). Its multimodal plugin imports
torchaudio at module level and never calls it for text: a stand-in module satisfies that import.
"""
import importlib
import os
import sys
import types

import pytest

from medcorpus.schemas import Record, Turn
from medcorpus.stages.export import export

SYSTEM = "You are a careful doctor."


def _llamafactory():
    os.environ["DISABLE_VERSION_CHECK"] = "1"
    try:
        import torchaudio  # noqa: F401
    except (ImportError, OSError):  # not installed, or the CUDA-only wheel next to the CPU torch
        sys.modules["torchaudio"] = types.ModuleType("torchaudio")
    try:
        return importlib.import_module("llamafactory.data.loader")
    except ImportError as exc:
        pytest.fail(f"llamafactory is not importable ({exc}); `make setup` installs it")


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    from medcorpus.training.tiny import sample_texts, train_tokenizer

    tok = train_tokenizer(sample_texts() + [SYSTEM, "Human: Assistant:"], vocab_size=600)
    path = tmp_path_factory.mktemp("tok")
    tok.save_pretrained(path)
    return path


def _records() -> list[Record]:
    P, D, S = "patient", "doctor", "system"

    def r(*turns):
        return Record.new("conformance", [Turn(role=role, text=text) for role, text in turns])
    return [
        r((S, SYSTEM), (P, "I have a rash on my arm."), (D, "Is it itchy?")),                        # single turn
        r((S, SYSTEM), (P, "My head hurts."), (D, "Since when?"), (P, "Two days."), (D, "Rest and drink water.")),
        r((P, "My son has a fever."), (P, "He is four."), (D, "Give paracetamol."), (D, "See a doctor if it lasts.")),
        r((S, SYSTEM), (P, "I cough at night."), (D, "Any fever?"), (P, "No. Thanks doctor.")),      # trailing question
        r((D, "Hello, how can I help?"), (P, "My knee is swollen."), (D, "Ice it and rest.")),      # doctor speaks first
        r((S, SYSTEM), (P, "Is anyone there?")),                                                     # nothing answered
    ] + [r((S, SYSTEM), (P, f"Question {i} about my back pain."), (D, f"Answer {i}: stretch daily.")) for i in range(30)]


def card_yaml(out, after: str) -> dict:
    """The first ```yaml block after `after` in the export's card (what a user copies)."""
    import yaml

    card = (out / "README.md").read_text()
    block = card[card.index(after):].split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block.replace("<this folder>", str(out)))


def _render(loader, tokenizer_path, out):
    from llamafactory.data import get_template_and_fix_tokenizer
    from llamafactory.extras.constants import IGNORE_INDEX
    from llamafactory.hparams import DataArguments, ModelArguments
    from transformers import AutoTokenizer, Seq2SeqTrainingArguments

    tok = AutoTokenizer.from_pretrained(tokenizer_path)
    lf = card_yaml(out, "**LLaMA-Factory**")  # the card's instructions, as a user copies them
    data_args = DataArguments(dataset=lf["dataset"], eval_dataset=lf.get("eval_dataset"), dataset_dir=lf["dataset_dir"],
                              template="default", cutoff_len=2048, overwrite_cache=True)
    model_args = ModelArguments(model_name_or_path=str(tokenizer_path))
    training_args = Seq2SeqTrainingArguments(output_dir=str(out / "lf-out"), do_train=True, report_to=[])
    template = get_template_and_fix_tokenizer(tok, data_args)
    module = loader.get_dataset(template, model_args, data_args, training_args, stage="sft", tokenizer=tok)

    def pairs(ds):
        rendered = []
        for ex in ds:
            learned = [t for t, lab in zip(ex["input_ids"], ex["labels"]) if lab != IGNORE_INDEX]
            rendered.append((tok.decode(ex["input_ids"]), tok.decode(learned)))
        return sorted(rendered)
    return pairs(module["train_dataset"]), pairs(module["eval_dataset"]) if lf.get("eval_dataset") else None


@pytest.mark.parametrize("holdout,file_type", [(None, "parquet"), ("30%", "parquet"), ("30%", "jsonl")])
def test_every_shape_renders_the_same_in_llamafactory(ws, tmp_path, tokenizer, holdout, file_type):
    loader = _llamafactory()
    records = _records()
    ws.add_records([r.to_row() for r in records], origin="test")
    renders = {}
    for fmt in ("alpaca", "sharegpt", "messages"):
        out = tmp_path / fmt
        summary = export(ws, out, fmt=fmt, file_type=file_type, shard_size=8, holdout=holdout)
        assert summary.n_out == len(records) - 1 and summary.n_rejected == 1
        renders[fmt] = _render(loader, tokenizer, out)
    train, test = renders["alpaca"]
    assert renders["sharegpt"] == renders["alpaca"] == renders["messages"]
    # nothing skipped as abnormal: every exported record is a training example
    assert len(train) + len(test or []) == len(records) - 1
    assert (test is not None) == (holdout is not None)
    if holdout:
        assert test and train and summary.extra["splits"] == {"train": len(train), "test": len(test)}
    full = {text for text, _ in train + (test or [])}
    # the system prompt is rendered first, never joined onto a later patient turn
    assert all(SYSTEM not in text or text.startswith(f"System: {SYSTEM}") for text in full)
    multi = [t for t in full if "My head hurts." in t]
    assert multi and multi[0].index("Since when?") < multi[0].index("Two days.") < multi[0].index("Rest and drink")
    merged = [(t, learned) for t, learned in train + (test or []) if "My son has a fever." in t]
    assert merged and "He is four." in merged[0][0] and "See a doctor if it lasts." in merged[0][1]
    # only the doctor's text is learned
    assert all("Question" not in learned and "My head hurts" not in learned for _, learned in train + (test or []))


def test_card_axolotl_instructions_load(ws, tmp_path):
    """axolotl loads a local folder with `datasets.load_dataset(path, split=...)` and reads
    `field_messages`: doing exactly that with the card's block gives both splits, role/content turns."""
    import datasets

    ws.add_records([r.to_row() for r in _records()], origin="test")
    export(ws, tmp_path / "m", fmt="messages", holdout="30%")
    ax = card_yaml(tmp_path / "m", "**axolotl**")
    sizes = {}
    for entry in ax["datasets"] + ax["test_datasets"]:
        assert entry["type"] == "chat_template"
        ds = datasets.load_dataset(entry["path"], split=entry["split"])
        sizes[entry["split"]] = len(ds)
        for row in ds:
            roles = [m["role"] for m in row[entry["field_messages"]]]
            body = roles[1:] if roles[0] == "system" else roles
            assert body == ["user", "assistant"] * (len(body) // 2) and body
    assert sizes["train"] and sizes["test"] and sum(sizes.values()) == len(_records()) - 1
