"""Fine-tune a causal LM on a medcorpus export: LoRA (peft) or full, through transformers' Trainer.

`train(TrainConfig(...)) -> TrainResult` is the library entry point (`medcorpus train` and
`medcorpus build --then-train` call it). The same code runs on one CPU/GPU, under
`torchrun --nproc_per_node N` and under `accelerate launch` (DDP, or FSDP via `fsdp`/`fsdp_config`,
or DeepSpeed via `deepspeed`): the Trainer picks the distributed set-up from the environment.

The output directory holds the adapter (LoRA) or the full model, the tokenizer, `checkpoint-N/`
folders for `resume`, and `medcorpus_train.json` (template, base model, summary) that `chat` and
`merge` read so they render prompts exactly as in training.
"""
from __future__ import annotations

import json
import math
import os
import re
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

META_FILE = "medcorpus_train.json"

# Defaults of the seeds: Stanford Alpaca's train.py for full fine-tuning (ChatDoctor), LoRA r=16.
FULL_LR = 2e-5
LORA_LR = 2e-4


class TrainError(RuntimeError):
    """Bad input to training: a clear message for the CLI."""


class TrainConfig(BaseModel):
    data: Path
    model: str
    output: Path
    method: Literal["lora", "full"] = "lora"
    template: Literal["auto", "chatdoctor", "alpaca", "chatml"] = "auto"
    max_length: int = Field(512, ge=16)
    epochs: float = Field(3.0, gt=0)
    lr: float | None = None
    batch_size: int = Field(4, ge=1)
    grad_accum: int = Field(1, ge=1)
    max_steps: int | None = Field(None, ge=1)
    packing: bool = True
    bf16: bool = False
    eval_split: float = Field(0.02, ge=0, lt=1)
    resume: bool = False
    seed: int = 42
    warmup: float = 0.03
    weight_decay: float = 0.0
    scheduler: str = "cosine"
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: list[str] | None = None
    logging_steps: int = 10
    save_steps: int = 200
    save_total_limit: int | None = 2
    gradient_checkpointing: bool = False
    fsdp: str = ""
    fsdp_config: str | None = None
    deepspeed: str | None = None
    limit: int | None = Field(None, ge=1)
    threads: int | None = Field(None, ge=1)  # torch CPU threads (on a busy machine 1 can be far faster)
    stop_after_steps: int | None = None  # stop (as if killed) after this step: for resume tests

    @field_validator("model")
    @classmethod
    def _model(cls, v: str) -> str:
        if not v:
            raise ValueError("model is empty")
        return v


class TrainResult(BaseModel):
    output: Path
    method: str
    template: str
    base_model: str
    rows: int
    examples: int
    eval_examples: int
    skipped: dict[str, int] = Field(default_factory=dict)
    truncated_context: int = 0
    truncated_answer: int = 0
    packing: bool
    packing_mode: str  # "isolated" | "concatenated" | "off"
    sequences: int
    padding_fraction: float
    useful_tokens: int
    learned_tokens: int
    tokens_per_s: float
    steps: int
    first_loss: float | None = None
    last_loss: float | None = None
    train_loss: float | None = None
    eval_loss: float | None = None
    losses: list[float] = Field(default_factory=list)
    trainable_params: int
    total_params: int
    resumed_from: str | None = None
    seconds: float
    train_seconds: float


def quiet_transformers() -> None:
    """No per-weight progress bars or deprecation chatter from transformers/peft on our console."""
    import warnings

    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message=".*(is_gradient_checkpointing|gradient_checkpointing).*",
                            category=FutureWarning)


def is_main_process() -> bool:
    return int(os.environ.get("RANK", "0")) == 0


def _resolve_model(model: str) -> str:
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "config.json").exists() and not (path / "adapter_config.json").exists():
            raise TrainError(f"model path {model} has no config.json (not a transformers checkpoint; "
                             "for a GGUF file run `medcorpus train prepare-model --gguf FILE --output DIR`)")
        return str(path.resolve())
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", model):
        raise TrainError(f"model path {model} does not exist (give a checkpoint directory or a hub id)")
    return model


def load_tokenizer(model: str):
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(model)
    except OSError as exc:
        raise TrainError(f"cannot load a tokenizer from {model}: {exc}") from exc
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    return tok


def lora_targets(model: Any) -> list[str]:
    """Names of every linear projection inside the decoder blocks (not the LM head): q/k/v/o and the
    MLP's gate/up/down for Llama, Qwen and Mistral-style models."""
    import torch

    skip = set()
    out_emb = model.get_output_embeddings()
    names = set()
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear):
            if module is out_emb:
                skip.add(name.rsplit(".", 1)[-1])
                continue
            names.add(name.rsplit(".", 1)[-1])
    return sorted(names - skip)


def packing_isolates(model: Any) -> bool:
    """Whether the model keeps packed examples apart when given reset position ids and no mask:
    logits of the second of two packed sequences must equal its logits alone."""
    import torch

    was_training = model.training
    model.eval()
    try:
        device = next(model.parameters()).device
        vocab = model.get_input_embeddings().weight.shape[0]
        a = torch.arange(3, 9, device=device).unsqueeze(0) % vocab
        b = torch.arange(11, 16, device=device).unsqueeze(0) % vocab
        packed = torch.cat([a, b], dim=1)
        pos = torch.cat([torch.arange(a.shape[1]), torch.arange(b.shape[1])]).unsqueeze(0).to(device)
        with torch.no_grad():
            alone = model(input_ids=b, use_cache=False).logits[0].float()
            together = model(input_ids=packed, position_ids=pos, use_cache=False).logits[0, a.shape[1]:].float()
        scale = alone.abs().max().clamp(min=1e-6)
        return bool(((alone - together).abs().max() / scale) < 1e-2)
    except Exception:
        return False
    finally:
        model.train(was_training)


def prepare_data(config: TrainConfig, tokenizer: Any):
    """(train rows, eval rows, stats, template, packing flag) for a config."""
    from medcorpus.training.data import encode, load_conversations, pack, split_eval, unpacked
    from medcorpus.training.templates import get_template

    template = get_template(config.template, tokenizer)
    conversations = load_conversations(config.data, config.limit)
    train_convs, eval_convs = split_eval(conversations, config.eval_split, config.seed)
    train_ex, stats = encode(train_convs, template, config.max_length)
    eval_ex, _ = encode(eval_convs, template, config.max_length)
    if not train_ex:
        detail = ", ".join(f"{k}: {v}" for k, v in stats.skipped.items())
        raise TrainError(f"no trainable examples in {config.data} ({stats.rows} rows; skipped {detail or 'none'}): "
                         "every record needs a non-empty doctor/assistant turn")
    rows = pack(train_ex, config.max_length, config.seed) if config.packing else unpacked(train_ex)
    return rows, unpacked(eval_ex), stats, template


def train(config: TrainConfig) -> TrainResult:
    """Train, save adapter/model + tokenizer + medcorpus_train.json, return the summary."""
    started = time.perf_counter()
    import torch
    import transformers
    from transformers import AutoModelForCausalLM, PrinterCallback, Trainer, TrainerCallback, TrainingArguments
    from transformers.trainer_utils import get_last_checkpoint

    from medcorpus.pipeline.progress import progress_bar
    from medcorpus.training.data import Collator, ListDataset

    quiet_transformers()
    if config.threads:
        torch.set_num_threads(config.threads)
    model_id = _resolve_model(config.model)
    output = Path(config.output)
    tokenizer = load_tokenizer(model_id)
    rows, eval_rows, stats, template = prepare_data(config, tokenizer)

    transformers.set_seed(config.seed)  # LoRA's random init happens before the Trainer seeds
    dtype = torch.bfloat16 if (config.bf16 and config.method == "lora") else torch.float32
    try:
        model = AutoModelForCausalLM.from_pretrained(model_id, dtype=dtype)
    except OSError as exc:
        raise TrainError(f"cannot load model {config.model}: {exc}") from exc
    # a KV cache in the forward pass turns off transformers' packed-sequence masking (and wastes memory)
    model.config.use_cache = False
    packing_mode = "off"
    if config.packing:
        packing_mode = "isolated" if packing_isolates(model) else "concatenated"
    if config.method == "lora":
        from peft import LoraConfig, get_peft_model

        targets = config.lora_targets or lora_targets(model)
        model = get_peft_model(model, LoraConfig(r=config.lora_r, lora_alpha=config.lora_alpha,
                                                 lora_dropout=config.lora_dropout, target_modules=targets,
                                                 task_type="CAUSAL_LM"))
        if config.gradient_checkpointing:
            model.enable_input_require_grads()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())

    lr = config.lr if config.lr is not None else (LORA_LR if config.method == "lora" else FULL_LR)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    steps_per_epoch = max(1, math.ceil(len(rows) / (config.batch_size * world * config.grad_accum)))
    total_steps = config.max_steps or math.ceil(config.epochs * steps_per_epoch)
    args = TrainingArguments(
        output_dir=str(output), per_device_train_batch_size=config.batch_size,
        per_device_eval_batch_size=config.batch_size, gradient_accumulation_steps=config.grad_accum,
        num_train_epochs=config.epochs, max_steps=config.max_steps or -1, learning_rate=lr,
        warmup_steps=config.warmup, weight_decay=config.weight_decay, lr_scheduler_type=config.scheduler,
        logging_steps=config.logging_steps, save_strategy="steps", save_steps=config.save_steps,
        save_total_limit=config.save_total_limit, eval_strategy="no", bf16=config.bf16, report_to="none",
        disable_tqdm=True, remove_unused_columns=False, seed=config.seed, dataloader_num_workers=0,
        dataloader_pin_memory=torch.cuda.is_available(),
        fsdp=config.fsdp or "", fsdp_config=config.fsdp_config, deepspeed=config.deepspeed,
        # no GPU: CPU training, and under torchrun DDP over gloo (transformers stays single-process otherwise)
        **(_cpu_args(world) if not torch.cuda.is_available() and not config.deepspeed else {}),
        **_checkpointing_arg(TrainingArguments, config.gradient_checkpointing),
    )
    collator = Collator(tokenizer.pad_token_id)
    losses: list[float] = []

    class _Hooks(TrainerCallback):
        def __init__(self, advance):
            self.advance = advance
            self.seen = self.start = 0

        def on_train_begin(self, args, state, control, **kw):
            self.advance(state.global_step)
            self.seen = self.start = state.global_step

        def on_step_end(self, args, state, control, **kw):
            self.advance(state.global_step - self.seen)
            self.seen = state.global_step
            if config.stop_after_steps and state.global_step >= config.stop_after_steps:
                control.should_save = True
                control.should_training_stop = True

        def on_log(self, args, state, control, logs=None, **kw):
            if logs and "loss" in logs:
                losses.append(float(logs["loss"]))

    resume_from = get_last_checkpoint(str(output)) if (config.resume and output.is_dir()) else None
    with progress_bar(f"train ({config.method})", total=total_steps) as advance:
        trainer = Trainer(model=model, args=args, data_collator=collator, train_dataset=ListDataset(rows),
                          eval_dataset=ListDataset(eval_rows) if eval_rows else None,
                          processing_class=tokenizer, callbacks=[hooks := _Hooks(advance)])
        trainer.remove_callback(PrinterCallback)  # our progress bar and summary instead of printed dicts
        t0 = time.perf_counter()
        out = trainer.train(resume_from_checkpoint=resume_from)
        train_seconds = time.perf_counter() - t0
    collator.counting = False
    collator.keep_first((trainer.state.global_step - hooks.start) * config.grad_accum)
    eval_loss = None
    if eval_rows:
        eval_loss = float(trainer.evaluate()["eval_loss"])
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    base.config.use_cache = True  # saved for inference
    trainer.save_model(str(output))
    if trainer.is_world_process_zero():
        tokenizer.save_pretrained(str(output))
    default_system = stats.systems.most_common(1)[0][0] if stats.systems else ""
    result = TrainResult(
        output=output, method=config.method, template=template.name, base_model=model_id,
        rows=stats.rows + len(eval_rows), examples=stats.examples, eval_examples=len(eval_rows),
        skipped=dict(stats.skipped), truncated_context=stats.truncated_context,
        truncated_answer=stats.truncated_answer, packing=config.packing, packing_mode=packing_mode,
        sequences=len(rows), padding_fraction=round(collator.padding_fraction, 4),
        useful_tokens=collator.real, learned_tokens=collator.learned,
        tokens_per_s=round(collator.real / train_seconds, 1) if train_seconds else 0.0,
        steps=int(trainer.state.global_step),
        first_loss=_mean(losses[:max(1, min(3, len(losses) // 2))]),
        last_loss=_mean(losses[-max(1, min(3, len(losses) // 2)):]),
        train_loss=round(float(out.training_loss), 4) if out.training_loss == out.training_loss else None,
        eval_loss=round(eval_loss, 4) if eval_loss is not None else None, losses=[round(x, 4) for x in losses],
        trainable_params=trainable, total_params=total, resumed_from=resume_from,
        seconds=round(time.perf_counter() - started, 2), train_seconds=round(train_seconds, 2),
    )
    if trainer.is_world_process_zero():
        meta = {"template": template.name, "base_model": model_id, "method": config.method,
                "max_length": config.max_length, "default_system": default_system,
                "config": json.loads(config.model_dump_json()), "result": json.loads(result.model_dump_json())}
        (output / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return result


def _cpu_args(world: int) -> dict:
    return {"use_cpu": True, **({"ddp_backend": "gloo"} if world > 1 else {})}


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 4) if xs else None


def _checkpointing_arg(args_cls: Any, on: bool) -> dict:
    """transformers renamed gradient_checkpointing to activation_checkpointing (v5.x)."""
    import dataclasses

    names = {f.name for f in dataclasses.fields(args_cls)}
    key = "activation_checkpointing" if "activation_checkpointing" in names else "gradient_checkpointing"
    return {key: on}


def read_meta(path: Path) -> dict:
    f = Path(path) / META_FILE
    return json.loads(f.read_text()) if f.exists() else {}
