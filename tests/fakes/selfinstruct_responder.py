"""A responder for FakeOpenAIServer that answers the self-instruct prompt from its knowledge card.

It reads the card or the numbered topics in the prompt (`1.【label】a、b、c` lines in Chinese, `1. Label: a; b`
in English; the number is optional), and
writes K pairs, one per card section, each naming the entity and quoting the section's values, so
they are grounded. `bad` adds pairs the filters must reject: "dup" (a near-copy of the first
instruction), "ungrounded" (no entity name), "nofact" (names the entity, uses no fact), "short".
"""
from __future__ import annotations

import json
import re

_K = re.compile(r"写出 (\d+) 条|Write (\d+) different")
_ZH_HEAD = re.compile(r"^(?:\d+\.)?【([^】]+)】(.+)$", re.M)
_EN_HEAD = re.compile(r"^Entity: (.+?)(?: \(([^)]*)\))?$", re.M)
_EN_LINE = re.compile(r"^(?:\d+\. )?([A-Z][A-Za-z ]+): (.+)$", re.M)


def parse_card(text: str) -> tuple[str, list[tuple[str, list[str]]], bool]:
    """(entity name, [(label, values)], zh) from a prompt holding a card."""
    lines = _ZH_HEAD.findall(text)
    if lines:
        name = lines[0][1].strip()
        sections = [(label, [v.strip() for v in re.sub(r"等$", "", body).split("、") if v.strip()])
                    for label, body in lines[1:]]
        return name, sections, True
    head = _EN_HEAD.search(text)
    name = head.group(1).strip() if head else "it"
    sections = [(label, [v.strip() for v in body.removesuffix("; ...").split("; ") if v.strip()])
                for label, body in _EN_LINE.findall(text) if label not in ("Entity", "Instruction", "Answer")]
    return name, sections, False


def make_responder(bad: tuple[str, ...] = (), k: int | None = None):
    def respond(messages: list[dict], body: dict) -> str:
        user = next(m["content"] for m in messages if m["role"] == "user")
        found = _K.search(user)
        want = k or (int(found.group(1) or found.group(2)) if found else 3)
        name, sections, zh = parse_card(user)
        sections = [s for s in sections if s[1]] or [("信息" if zh else "Facts", [name])]
        pairs = []
        for i in range(want):
            label, values = sections[i % len(sections)]
            vals = "、".join(values[:3]) if zh else ", ".join(values[:3])
            if zh:
                ins = [f"请介绍一下{name}的{label}。", f"{name}在{label}方面有什么特点？",
                       f"作为患者，我想了解{name}的{label}，应该注意什么？"][i % 3]
                out = f"{name}的{label}主要包括{vals}。使用{name}前请咨询医生，按医嘱使用。"
            else:
                ins = [f"What should I know about the {label.lower()} of {name}?",
                       f"Explain the {label.lower()} of {name} to a patient.",
                       f"As a patient, I want to understand {name}: tell me about its {label.lower()}."][i % 3]
                out = f"For {name}, the {label.lower()} include {vals}. Please talk to a doctor before acting on this."
            pairs.append({"instruction": ins, "fact": values[0] if values else name, "output": out})
        if pairs and "dup" in bad:
            pairs.append({"instruction": pairs[0]["instruction"].replace("一下", "").replace("What should", "What"),
                          "output": pairs[0]["output"]})
        if "ungrounded" in bad:
            pairs.append({"instruction": "这个药怎么用？" if zh else "How do I use this medicine?",
                          "output": "请按照说明书服用，有问题及时就医，注意休息。" if zh else
                          "Follow the leaflet and see a doctor if anything feels wrong; rest well."})
        if "nofact" in bad:
            pairs.append({"instruction": f"{name}好不好？" if zh else f"Is {name} good?",
                          "output": f"{name}是一个常见的选择，具体请遵医嘱，不要自行使用。" if zh else
                          f"{name} is a common topic; please ask your doctor before doing anything."})
        if "short" in bad:
            pairs.append({"instruction": f"{name}？", "output": f"{name}。"})
        return json.dumps({"pairs": pairs}, ensure_ascii=False)

    return respond
