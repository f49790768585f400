"""Answer prompts with a trained model (adapter, merged or full), rendered with the template it was
trained with (ChatDoctor's chat.py, with the same prompt as training)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from medcorpus.training.train import quiet_transformers, TrainError, read_meta


class ChatModel:
    def __init__(self, model: Any, tokenizer: Any, template: Any, system: str = "") -> None:
        self.model, self.tokenizer, self.template, self.system = model, tokenizer, template, system
        self.last_tokens: list[int] = []  # the token ids of the last reply (stop token included)

    def reply(self, messages: list[dict], max_new_tokens: int = 256, temperature: float = 0.0,
              repetition_penalty: float = 1.1) -> str:
        """The assistant's next turn for a conversation that ends with a user turn."""
        import torch

        if self.system and not any(m["role"] == "system" for m in messages):
            messages = [{"role": "system", "content": self.system}] + messages
        text = self.template.generation_prompt(messages)
        bos = [self.tokenizer.bos_token_id] if self.template.add_bos else []
        ids = torch.tensor([bos + self.tokenizer(text, add_special_tokens=False)["input_ids"]])
        device = next(self.model.parameters()).device
        kwargs = dict(do_sample=temperature > 0, max_new_tokens=max_new_tokens,
                      repetition_penalty=repetition_penalty, eos_token_id=self.template.stop_token_ids(),
                      pad_token_id=self.tokenizer.pad_token_id)
        if temperature > 0:
            kwargs.update(temperature=temperature, top_p=0.9)
        with torch.no_grad():
            out = self.model.generate(input_ids=ids.to(device), attention_mask=torch.ones_like(ids).to(device),
                                      **kwargs)
        self.last_tokens = out[0, ids.shape[1]:].tolist()
        return self.tokenizer.decode(self.last_tokens, skip_special_tokens=True).strip()


def load_chat_model(path: Path, template: str | None = None, system: str | None = None) -> ChatModel:
    """A full or merged checkpoint, or a LoRA adapter directory (its base loaded from adapter_config)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from medcorpus.training.merge import adapter_base
    from medcorpus.training.templates import get_template

    quiet_transformers()
    path = Path(path)
    if not path.is_dir():
        raise TrainError(f"model directory {path} does not exist")
    meta = read_meta(path)
    try:
        if (path / "adapter_config.json").exists():
            from peft import PeftModel

            base = adapter_base(path)
            model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base), str(path))
        else:
            model = AutoModelForCausalLM.from_pretrained(str(path))
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    except OSError as exc:
        raise TrainError(f"cannot load a model from {path}: {exc}") from exc
    model.eval()
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    tmpl = get_template(template or meta.get("template") or "auto", tokenizer)
    return ChatModel(model, tokenizer, tmpl, meta.get("default_system", "") if system is None else system)
