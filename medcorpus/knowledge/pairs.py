"""What each self-instruct pair of an entity is about, and the reply schema that holds it there.

A small model asked for "K varied instructions grounded in this card" copies the examples, repeats the
entity's name as its instruction and drifts into other languages. So the KG provides what it can: each
pair gets a *topic* (one section of the entity's knowledge card and up to four of its facts), the prompt
shows only those facts, and the schema (`prefixItems`, one item per pair) fixes, for each pair,
- the instruction's opening (a question opener chosen for the topic's kind, varied per entity, followed by
  the entity's name), then the model's words up to a question mark;
- the answer's opening ("Common symptoms of X include ") followed by one of the topic's facts, then free
  text: grounded by construction where the endpoint honours schemas;
- English text in English letters (no drift into other scripts), no JSON punctuation, bounded lengths.
The model writes the wording: the question after its opener and the answer after the fact.
"""
from __future__ import annotations

import hashlib
import re

from medcorpus.llm.structured import _SAFE, obj

MAX_TOPIC_FACTS = 4
MAX_REPLY_TOKENS = 1600
MAX_FACT_CHARS = 80  # longer values (a description) are context, not a fact an answer can be held to
# text classes: no JSON punctuation, no newline; English in Latin letters only; questions end at their mark
TEXT = {"en": r"[a-zA-Z0-9 ,.;:!'()%/+-]", "zh": r'[^"\\{}<>\[\]\n]'}
QUESTION = {"en": r"[a-zA-Z0-9 ,;:'()%/+-]", "zh": r'[^"\\{}<>\[\]\n?？。]'}
QMARK = {"en": "[?]", "zh": "[?？]"}
# the question goes on after the name (min_after): "Which medicines are used for X?" alone is too alike across entities
LIMITS = {"en": {"before": 0, "min_after": 12, "after": 100, "answer": (20, 300)},
          "zh": {"before": 0, "min_after": 4, "after": 50, "answer": (10, 150)}}

KINDS = {"symptom": ("symptom", "症状"), "test": ("test", "检查"), "medication": ("medication", "药")}
OPENERS = {
    "en": {"symptom": ["What are the early signs of", "How can I tell if I have", "Which symptoms point to",
                       "What does it feel like to have", "My friend may have", "What problems are caused by"],
           "test": ["Which tests are used for", "How do doctors confirm", "What examinations are done for",
                    "What should I expect when I am checked for", "My doctor suspects", "How is"],
           "medication": ["Which medicines are used for", "What drugs help with", "How is",
                          "What treatment options are there for", "I was just diagnosed with", "Can medication cure"],
           "other": ["What should I know about", "Can you explain", "Tell me about", "What are the main facts about",
                     "Why does", "How would you describe"]},
    "zh": {"symptom": ["请问", "怎么判断是不是", "哪些表现提示", "我担心自己得了"],
           "test": ["请问", "医生一般怎么确诊", "需要做哪些检查来确认", "关于"],
           "medication": ["请问", "治疗", "常用什么药治疗", "关于"],
           "other": ["请介绍一下", "请问", "关于", "能不能讲讲"]},
}
ANSWER = {"en": {"symptom": "Common symptoms of {n} include ", "test": "For {n}, doctors often use ",
                 "medication": "{n} is commonly treated with ", "other": "The {label} of {n} include "},
          "zh": {"symptom": "{n}的常见症状有", "test": "{n}常用的检查有", "medication": "{n}常用的药物有",
                 "other": "{n}的{label}包括"}}


def kind_of(label: str) -> str:
    low = label.lower()
    return next((k for k, words in KINDS.items() if any(w in low for w in words)), "other")


def short_label(label: str) -> str:
    """'处方 X_1 · 组成' -> '组成'; 'Tests and procedures' -> 'tests and procedures'."""
    return label.split("·")[-1].strip().lower() if "·" in label else label.strip().lower()


def _rank(*parts: str) -> int:
    return int(hashlib.md5("\x1f".join(parts).encode()).hexdigest()[:8], 16)


def plan_topics(card, k: int, lang: str) -> list[dict]:
    """k topics for a card's pairs: its sections with short facts, in a per-entity order (a repeated
    section takes its next facts and another opener); [] when the card has no such section."""
    usable = [(label, [f for f in facts if len(f) <= MAX_FACT_CHARS]) for label, facts in card.sections]
    usable = [(label, facts) for label, facts in usable if facts]
    if not usable:
        return []
    start = _rank(card.entity_id, "topics") % len(usable)
    topics = []
    for j in range(k):
        label, facts = usable[(start + j) % len(usable)]
        rnd = (start + j) // len(usable)  # how often this section came before
        off = (rnd * MAX_TOPIC_FACTS) % len(facts)
        shown = (facts[off:] + facts[:off])[:MAX_TOPIC_FACTS]
        kind = kind_of(label)
        openers = OPENERS[lang][kind]
        opener = openers[(_rank(card.entity_id, label) + rnd) % len(openers)]
        topics.append({"label": label, "kind": kind, "facts": shown, "opener": opener})
    return topics


def format_topics(topics: list[dict], lang: str) -> str:
    if lang == "zh":
        return "\n".join(f"{i}.【{short_label(t['label'])}】" + "、".join(t["facts"]) for i, t in enumerate(topics, 1))
    return "\n".join(f"{i}. {t['label']}: " + "; ".join(t["facts"]) for i, t in enumerate(topics, 1))


def _alternation(values: list[str]) -> str:
    return "(" + "|".join(values) + ")"


def fact_names(facts: list[str]) -> list[str]:
    """Forms of the facts a regex can hold literally: the fact, else its part before a bracket."""
    out: list[str] = []
    for fact in facts:
        for v in (fact, re.split(r"\s*[(（\[]", fact)[0]):
            v = v.strip()
            if v and _SAFE.fullmatch(v) and len(v) >= 2 and v not in out:
                out.append(v)
                break
    return out


def pair_schema(name: str, topic: dict, lang: str) -> dict:
    lim, text, q = LIMITS[lang], TEXT[lang], QUESTION[lang]
    safe_name = _SAFE.match(name).group(0).strip()
    names = list(dict.fromkeys(n for n in (safe_name, safe_name[:1].lower() + safe_name[1:], safe_name.lower()) if n))
    opener = _SAFE.match(topic["opener"]).group(0)
    sep = " " if lang == "en" else ""
    if names:  # the name right after the opener: SmolLM2-135M wandered off in free text before a name it had to reach
        ins = f"^{opener}{sep}{_alternation(names)}{q}{{{lim['min_after']},{lim['after']}}}{QMARK[lang]}$"
    else:
        ins = f"^{opener}{sep}{q}{{4,{lim['after']}}}{QMARK[lang]}$"
    lo, hi = lim["answer"]
    opening = ANSWER[lang][topic["kind"]].format(n=safe_name, label=short_label(topic["label"]))
    opening = _SAFE.match(opening).group(0)
    facts = fact_names(topic["facts"])
    if facts:
        boundary = "[ ,;.]" if lang == "en" else ""
        out = f"^{opening}{_alternation(facts)}{boundary}{text}{{{lo},{hi}}}$"
    else:
        out = f"^{opening}{text}{{{lo},{hi}}}$"
    return obj({"instruction": {"type": "string", "pattern": ins}, "output": {"type": "string", "pattern": out}})


def reply_schema(name: str, topics: list[dict], lang: str) -> dict:
    """{"pairs": [pair 1, ..., pair k]}: one schema per pair, in the topics' order."""
    items = [pair_schema(name, t, lang) for t in topics]
    return obj({"pairs": {"type": "array", "prefixItems": items, "items": False,
                          "minItems": len(items), "maxItems": len(items)}})


def reply_tokens(lang: str, k: int) -> int:
    """max_tokens for k pairs at the schema's lengths, above what the schema allows: English text is about
    3 characters a token, but SmolLM2 spends a token per digit (a run of dates cut a reply at 3); about one
    token a Chinese character. Unused tokens cost nothing; capped under the local server's 2048-token context."""
    lim = LIMITS[lang]
    chars = 60 + lim["before"] + lim["after"] + 120 + lim["answer"][1] + 40
    return min(MAX_REPLY_TOKENS, int(k * chars / (1.2 if lang == "en" else 1.0)) + 64)
