"""A tiny Llama and a byte-level BPE tokenizer trained offline on the bundled sample.

For tests, benchmarks and the demo where no checkpoint can be downloaded: the result is a normal
checkpoint directory (config.json, model.safetensors, tokenizer files) that every command loads with
`from_pretrained(path)`, exactly like a real model. The tokenizer knows `<|im_start|>`/`<|im_end|>`
so the ChatML template tokenises cleanly; it has no chat template of its own (so `auto` is ChatML).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "genmedgpt_sample.json"
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]


def sample_texts(path: Path = SAMPLE) -> list[str]:
    import orjson

    rows = orjson.loads(path.read_bytes())
    return [str(v) for row in rows for v in row.values() if v]


def train_tokenizer(texts: Iterable[str], vocab_size: int = 1024):
    """A byte-level BPE (GPT-2 style) wrapped as a transformers fast tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIALS,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tk.train_from_iterator(list(texts), trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tk, eos_token="<|endoftext|>", pad_token="<|endoftext|>",
                                   additional_special_tokens=SPECIALS[1:])


def build_tiny_model(output: Path, texts: Iterable[str] | None = None, vocab_size: int = 1024,
                     hidden_size: int = 64, layers: int = 2, heads: int = 4, intermediate_size: int = 128,
                     max_positions: int = 1024, seed: int = 0) -> Path:
    """Save a randomly initialised LlamaForCausalLM and its tokenizer to `output`."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from medcorpus.training.train import quiet_transformers

    quiet_transformers()
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    tok = train_tokenizer(texts if texts is not None else sample_texts(), vocab_size)
    config = LlamaConfig(vocab_size=len(tok), hidden_size=hidden_size, intermediate_size=intermediate_size,
                         num_hidden_layers=layers, num_attention_heads=heads, num_key_value_heads=heads,
                         max_position_embeddings=max_positions, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, bos_token_id=None, tie_word_embeddings=True)
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    model.save_pretrained(output)
    tok.save_pretrained(output)
    return output
