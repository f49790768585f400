"""Scoring the filters against a hand-labelled set (tests/data/filter_labelled.jsonl; see
bench/filter_fixture.py): each example is a question and an answer made of units labelled
clean | artefact | boilerplate | chrome, plus the expected decision (keep, repair, reject:<filter>)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

from medcorpus.schemas import Record, Rejected, Turn

DAMAGE = ("artefact", "boilerplate", "chrome")
SYSTEM = "If you are a doctor, please answer the medical questions based on the patient's description."
_WS = re.compile(r"\s+")


def load(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def answer_of(example: dict) -> str:
    return example.get("sep", " ").join(u["text"] for u in example["units"])


def to_record(example: dict) -> Record:
    turns = [Turn(role="system", text=SYSTEM), Turn(role="patient", text=example["question"]),
             Turn(role="doctor", text=answer_of(example))]
    rec = Record.new("labelled", turns, lang=example.get("lang"))
    return rec.model_copy(update={"id": example["id"]})


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def present(unit: str, output: str) -> bool:
    """A unit survives when the last 60% of it is still in the output (a stripped salutation
    or a re-capitalised first letter does not count as removal)."""
    u = _norm(unit)
    return u[len(u) * 2 // 5:].strip() in output


def score(examples: list[dict], outputs: Iterable[Record | Rejected]) -> dict[str, Any]:
    """Sentence-level repair figures over examples the stage kept, and record-level decisions."""
    by_id = {}
    for o in outputs:
        by_id[o.record_id if isinstance(o, Rejected) else o.id] = o
    s: dict[str, Any] = {"examples": len(examples), "decisions_right": 0, "wrong": []}
    for label in ("clean",) + DAMAGE:
        s[label] = {"total": 0, "removed": 0}
    for ex in examples:
        out = by_id[ex["id"]]
        got = f"reject:{out.detail.get('filter')}" if isinstance(out, Rejected) else (
            "repair" if "filter" in out.meta else "keep")
        want = ex["expect"]
        if got == want:
            s["decisions_right"] += 1
        else:
            s["wrong"].append({"id": ex["id"], "want": want, "got": got,
                               "why": out.reason if isinstance(out, Rejected) else ""})
        if isinstance(out, Rejected) or want.startswith("reject"):
            continue
        text = _norm(out.turns[-1].text)
        for u in ex["units"]:
            c = s[u["label"]]
            c["total"] += 1
            c["removed"] += not present(u["text"], text)
    dmg = sum(s[label]["total"] for label in DAMAGE)
    found = sum(s[label]["removed"] for label in DAMAGE)
    s["damaged_found"] = found / dmg if dmg else 1.0
    s["clean_removed"] = s["clean"]["removed"] / s["clean"]["total"] if s["clean"]["total"] else 0.0
    return s
