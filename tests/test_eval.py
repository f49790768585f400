"""`medcorpus eval`: masked loss as in training, before/after a few steps of the tiny model, ROUGE-L,
faithfulness, the LLM judge through a local OpenAI-compatible server (both orders), the command."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from medcorpus.training.data import encode  # noqa: E402
from medcorpus.training.eval import (EvalConfig, disease_of, evaluate, faithfulness, load_disease_entries,  # noqa: E402
                                     masked_loss, rouge_l, split_shards)
from medcorpus.training.eval_judge import combine  # noqa: E402
from medcorpus.training.train import TrainConfig, train  # noqa: E402
from tests.conftest import SAMPLE_DIR, write_jsonl  # noqa: E402
from tests.fakes.openai_server import FakeOpenAIServer  # noqa: E402

SYSTEM = "If you are a doctor, please answer the medical questions based on the patient's description."

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


@pytest.fixture(scope="module")
def export_dir(tmp_path_factory) -> Path:
    """An export with train and test shards cut from the bundled GenMedGPT sample."""
    rows = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())
    out = tmp_path_factory.mktemp("export")
    (out / "data").mkdir()
    write_jsonl(out / "data" / "train-00000-of-00001.jsonl", rows[:120])
    write_jsonl(out / "data" / "test-00000-of-00001.jsonl", rows[280:292])
    return out


@pytest.fixture(scope="module")
def trained(tiny, export_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "full"
    train(TrainConfig(data=export_dir, model=str(tiny), output=out, method="full", max_steps=20, max_length=128,
                      lr=3e-3, warmup=0, eval_split=0, save_steps=1000))
    return out


def test_masked_loss_equals_the_models_own_loss_on_the_learned_tokens(tiny):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from medcorpus.training.templates import get_template

    tok = AutoTokenizer.from_pretrained(tiny)
    model = AutoModelForCausalLM.from_pretrained(tiny).eval()
    convs = [("a", [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "I cough at night."},
                    {"role": "assistant", "content": "It may be asthma; try an inhaler."}]),
             ("b", [{"role": "user", "content": "My head hurts."}, {"role": "assistant", "content": "Rest."},
                    {"role": "user", "content": "Still hurts."}, {"role": "assistant", "content": "See a doctor."}])]
    examples, _ = encode(convs, get_template("chatml", tok), 128)
    loss, tokens = masked_loss(model, examples, tok.pad_token_id)
    expected_sum, expected_n = 0.0, 0
    for e in examples:
        with torch.no_grad():
            out = model(input_ids=torch.tensor([e.input_ids]), labels=torch.tensor([e.labels]))
        n = sum(1 for x in e.labels[1:] if x != -100)
        expected_sum += float(out.loss) * n
        expected_n += n
    assert tokens == expected_n and tokens < sum(len(e.input_ids) for e in examples)  # prompts are masked
    assert loss == pytest.approx(expected_sum / expected_n, rel=1e-4)


def test_rouge_l_scores_chinese_and_english():
    same, part, none = rouge_l(["the cat sat", "患者头痛三天", "xyz"], ["the cat sat", "患者头痛两天", "abc"])
    assert same == 1.0 and 0.5 < part < 1.0 and none == 0.0


def test_faithfulness_finds_the_disease_of_the_reference():
    entries = load_disease_entries(None)
    entry = next(e for e in entries if e["tests"] and e["medications"])
    ref = f"You may have {entry['name']}. We should do a {entry['tests'][0]}."
    assert disease_of(ref, entries)["name"] == entry["name"]
    good = faithfulness(f"This looks like {entry['name']}; take {entry['medications'][0]}.", entry)
    assert good == {"disease": True, "test": False, "medication": True}
    assert disease_of("Drink water and rest.", entries) is None


def test_eval_before_and_after_training(tiny, trained, export_dir):
    result = evaluate(EvalConfig(models=[str(tiny), str(trained)], data=export_dir, split="train", limit=2,
                                 loss_limit=40, max_length=128, max_new_tokens=8))
    base, tuned = result["models"]
    assert result["template"] == "chatml"  # the trained model's template, used for both
    assert tuned["loss"] < base["loss"] - 0.5, (base["loss"], tuned["loss"])
    assert base["perplexity"] == pytest.approx(math.exp(base["loss"]), rel=1e-3)
    assert base["loss_tokens"] == tuned["loss_tokens"] > 0 and base["prompts"] == 2
    assert all(isinstance(a, str) for a in tuned["answers"]) and 0.0 <= tuned["rouge_l"] <= 1.0
    held = evaluate(EvalConfig(models=[str(trained)], data=export_dir, limit=1, max_length=128, max_new_tokens=4))
    assert held["split"] == "test" and held["conversations"] == 12 and held["models"][0]["loss"] > 0


def _judge_responder(messages, body):
    user = messages[-1]["content"]
    if "Reply A:" in user:  # pairwise: the reply that mentions a doctor wins, wherever it is shown
        a = user.split("Reply A:")[1].split("Reply B:")[0]
        b = user.split("Reply B:")[1]
        winner = "A" if "doctor" in a and "doctor" not in b else "B" if "doctor" in b and "doctor" not in a else "tie"
        return json.dumps({"winner": winner, "reason": f"{winner} advises a visit"})
    answer = user.split("Reply to grade:")[1]
    return json.dumps({"score": 8 if "doctor" in answer else 3, "reason": "graded"})


def test_judge_score_and_pairwise_in_both_orders(ws):
    from medcorpus.llm.config import LLMConfig
    from medcorpus.training.eval_judge import run_judge

    prompts = [{"messages": [{"role": "user", "content": f"Question {i}?"}], "reference": "See a doctor."}
               for i in range(3)]
    results = [{"label": "base", "answers": ["Rest.", "See a doctor soon.", "Water."]},
               {"label": "tuned", "answers": ["See a doctor.", "Ask a doctor.", "Visit your doctor."]}]
    with FakeOpenAIServer(responder=_judge_responder) as srv:
        out = run_judge(["score", "pairwise"], prompts, results, LLMConfig(base_url=srv.base_url, model="fake"), ws)
        assert srv.requests == 3 * 2 + 3 * 2
    assert out["score"]["mean_by_model"] == {"base": pytest.approx((3 + 8 + 3) / 3, abs=1e-3), "tuned": 8.0}
    (pair,) = out["pairwise"]
    assert (pair["model"], pair["win"], pair["tie"], pair["loss"]) == ("base", 0, 1, 2)
    assert pair["details"][0]["x_first"]["reason"] == "B advises a visit"
    # a judge that always picks the first reply: every prompt is a tie, flagged as position bias
    with FakeOpenAIServer(responder=lambda m, b: json.dumps({"winner": "A", "reason": "first"})) as srv:
        biased = run_judge(["pairwise"], prompts, results, LLMConfig(base_url=srv.base_url, model="fake2"), None)
    assert biased["pairwise"][0]["tie"] == 3 and biased["pairwise"][0]["position_bias"] == 3


def test_combine_both_orders():
    assert combine("A", "B") == "win" and combine("B", "A") == "loss" and combine("A", "A") == "tie"
    assert combine("A", "tie") == "win" and combine(None, "A") == "loss" and combine("tie", "tie") == "tie"


def test_command_writes_json_and_workspace_table(cli, tiny, export_dir, tmp_path):
    out = tmp_path / "eval.json"
    res = cli("eval", "--model", tiny, "--data", export_dir, "--limit", "1", "--max-new-tokens", "4",
              "--max-length", "128", "--output", out, "--json")
    summary = json.loads(res.stdout)
    assert summary["table"][0]["loss"] > 0 and summary["prompts"] == 1
    full = json.loads(out.read_text())
    assert len(full["models"][0]["answers"]) == 1
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        assert ws.get("eval:latest")["table"][0]["model"].startswith("model")
    bad = cli("eval", "--model", tiny, "--data", tmp_path / "none", ok=False)
    assert bad.exit_code == 1 and re.search(r"no 'test' split", bad.output)
    assert split_shards(export_dir, "train")[0].name.startswith("train-")
