"""Prompt templates that turn a conversation into text segments, each marked learned or not.

A conversation is a list of `{"role": "system"|"user"|"assistant", "content": str}`. A template
gives `segments(messages)`: `(text, learned)` pieces whose concatenation is the training text;
only the assistant answers (and the end-of-turn marker after each) are learned, never the system
prompt or a user turn. `generation_prompt(messages)` renders a conversation that ends with a user
turn, ready for the model to answer: the same text the model saw in training.

- `alpaca` / `chatdoctor`: the Stanford Alpaca prompt ChatDoctor trained with. The system prompt
  (GenMedGPT's "If you are a doctor, ...") is the `### Instruction:` and the patient the `### Input:`;
  without a system prompt the patient is the instruction (Alpaca's no-input prompt). Later turns of
  a multi-turn conversation follow as further `### Input:` (or `### Instruction:`) / `### Response:`
  blocks. Each answer ends with the tokenizer's EOS, which is learned.
- `chatml`: `<|im_start|>role\\n...<|im_end|>\\n`, for models without a chat template.
- `auto`: the tokenizer's own chat template when it has one (rendered through
  `apply_chat_template`; the learned span of an answer is what rendering it adds after the
  generation prompt), else `chatml`.
"""
from __future__ import annotations

from typing import Any

TEMPLATES = ("auto", "chatdoctor", "alpaca", "chatml")

ALPACA_INPUT = ("Below is an instruction that describes a task, paired with an input that provides further "
                "context. Write a response that appropriately completes the request.\n\n")
ALPACA_NO_INPUT = ("Below is an instruction that describes a task. Write a response that appropriately "
                   "completes the request.\n\n")

Segment = tuple[str, bool]


class TemplateError(ValueError):
    """A template cannot render a conversation (or a chat template is not prefix-stable)."""


def _system(messages: list[dict]) -> str:
    return "\n".join(m["content"] for m in messages if m["role"] == "system")


def _exchanges(messages: list[dict]) -> list[tuple[str, str | None]]:
    """[(user text, assistant text or None)], consecutive user turns joined."""
    out: list[tuple[str, str | None]] = []
    pending: list[str] = []
    for m in messages:
        if m["role"] == "user":
            pending.append(m["content"])
        elif m["role"] == "assistant":
            out.append(("\n".join(pending), m["content"]))
            pending = []
    if pending:
        out.append(("\n".join(pending), None))
    return out


class Template:
    name = "base"

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.eos = tokenizer.eos_token or ""

    @property
    def add_bos(self) -> bool:
        """Whether to put the tokenizer's BOS first (what it does by itself with special tokens)."""
        tok = self.tokenizer
        if tok.bos_token_id is None:
            return False
        ids = tok("a", add_special_tokens=True)["input_ids"]
        return bool(ids) and ids[0] == tok.bos_token_id

    def segments(self, messages: list[dict]) -> list[Segment]:
        raise NotImplementedError

    def generation_prompt(self, messages: list[dict]) -> str:
        raise NotImplementedError

    def stop_token_ids(self) -> list[int]:
        ids = [self.tokenizer.eos_token_id] if self.tokenizer.eos_token_id is not None else []
        return ids


class AlpacaTemplate(Template):
    name = "alpaca"

    def _blocks(self, messages: list[dict]) -> list[tuple[str, str | None]]:
        system = _system(messages)
        blocks = []
        for i, (user, answer) in enumerate(_exchanges(messages)):
            if i == 0:
                head = (ALPACA_INPUT + f"### Instruction:\n{system}\n\n### Input:\n{user}\n\n### Response:\n"
                        if system else ALPACA_NO_INPUT + f"### Instruction:\n{user}\n\n### Response:\n")
            else:
                head = (f"\n\n### Input:\n{user}\n\n### Response:\n" if system
                        else f"\n\n### Instruction:\n{user}\n\n### Response:\n")
            blocks.append((head, answer))
        return blocks

    def segments(self, messages: list[dict]) -> list[Segment]:
        out: list[Segment] = []
        for head, answer in self._blocks(messages):
            if answer is None:
                break
            out += [(head, False), (answer + self.eos, True)]
        return out

    def generation_prompt(self, messages: list[dict]) -> str:
        blocks = self._blocks(messages)
        text = ""
        for head, answer in blocks:
            text += head + (answer + self.eos if answer is not None else "")
        return text


class ChatDoctorTemplate(AlpacaTemplate):
    name = "chatdoctor"


class ChatMLTemplate(Template):
    name = "chatml"

    def segments(self, messages: list[dict]) -> list[Segment]:
        out: list[Segment] = []
        prompt = ""
        for m in messages:
            if m["role"] == "assistant":
                out += [(prompt + "<|im_start|>assistant\n", False), (m["content"] + "<|im_end|>", True)]
                prompt = "\n"
            else:
                prompt += f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n"
        return out

    def generation_prompt(self, messages: list[dict]) -> str:
        text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
        return text + "<|im_start|>assistant\n"

    def stop_token_ids(self) -> list[int]:
        ids = super().stop_token_ids()
        im_end = self.tokenizer.convert_tokens_to_ids("<|im_end|>")
        if isinstance(im_end, int) and im_end != self.tokenizer.unk_token_id and im_end not in ids:
            ids.append(im_end)
        return ids


class ChatTemplate(Template):
    """The tokenizer's own Jinja chat template."""

    name = "auto"

    @property
    def add_bos(self) -> bool:
        return False  # the template writes its own BOS when the model wants one

    def _render(self, messages: list[dict], generation: bool) -> str:
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation)

    def segments(self, messages: list[dict]) -> list[Segment]:
        out: list[Segment] = []
        done = 0
        for k, m in enumerate(messages):
            if m["role"] != "assistant":
                continue
            prompt = self._render(messages[:k], True)
            full = self._render(messages[:k + 1], False)
            if not full.startswith(prompt) or len(prompt) < done:
                raise TemplateError("the tokenizer's chat template does not render a conversation as a prefix "
                                    "of its continuation; use --template chatml or alpaca")
            answer = full[len(prompt):]
            if m["content"].strip() not in answer:
                raise TemplateError("the tokenizer's chat template rewrites assistant turns; "
                                    "use --template chatml or alpaca")
            # what the template adds after the answer's end-of-turn (e.g. a newline) is not learned
            tail = answer.rstrip("\n")
            out += [(prompt[done:], False), (tail, True)]
            done = len(prompt) + len(tail)
        return [(t, learned) for t, learned in out if t]

    def generation_prompt(self, messages: list[dict]) -> str:
        return self._render(messages, True)

    def stop_token_ids(self) -> list[int]:
        ids = super().stop_token_ids()
        for token in ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>"):
            tid = self.tokenizer.convert_tokens_to_ids(token)
            if isinstance(tid, int) and tid != self.tokenizer.unk_token_id and tid not in ids \
                    and token in self.tokenizer.get_vocab():
                ids.append(tid)
        return ids


def get_template(name: str, tokenizer: Any) -> Template:
    """`auto` picks the tokenizer's chat template, else ChatML."""
    if name not in TEMPLATES:
        raise TemplateError(f"unknown template {name!r} (one of {', '.join(TEMPLATES)})")
    if name == "auto":
        return ChatTemplate(tokenizer) if getattr(tokenizer, "chat_template", None) else ChatMLTemplate(tokenizer)
    return {"alpaca": AlpacaTemplate, "chatdoctor": ChatDoctorTemplate, "chatml": ChatMLTemplate}[name](tokenizer)


def resolved_name(template: Template) -> str:
    """The name to store with a trained model so chat uses the same template."""
    return template.name
