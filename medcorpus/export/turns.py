"""Turn normalisation: the conversation contract every trainer enforces, applied before export.

LLaMA-Factory (and axolotl, TRL) want one optional system turn, then asking and answering turns
strictly alternating, ending on an answer. Upstream stages may produce other shapes (two patient
turns in a row, a trailing question nobody answered, a greeting from the doctor before the
patient speaks); a trainer silently skips those or learns an empty answer. Here they are fixed,
or the record is rejected when no answered exchange is left, and every fix is counted.
"""
from __future__ import annotations

from collections import Counter

from medcorpus.schemas import ANSWERING_ROLES

# what a fix is called in the summary, the card and `status`
MERGED = "merged_consecutive_turns"
TRAILING = "cut_trailing_question"
LEADING = "dropped_leading_answer"
EMPTY = "dropped_empty_turns"
SYSTEM = "merged_system_turns"
REJECTED = "rejected_no_answer"
FIXES = (MERGED, TRAILING, LEADING, EMPTY, SYSTEM, REJECTED)
REJECT_REASON = "export: no answered exchange left after turn normalisation (no doctor text)"


def _answers(turn: dict) -> bool:
    return turn["role"] in ANSWERING_ROLES


def normalise_turns(turns: list[dict], separator: str = "\n") -> tuple[list[dict] | None, tuple[str, ...]]:
    """(turns a trainer accepts, or None when nothing answered is left; the fixes applied).

    System turns become one leading system turn; empty turns are dropped; consecutive turns of one
    side (patient/user or doctor/assistant) are merged with `separator`; answers before the first
    question are dropped; a trailing question is cut. Clean input comes back as the same list."""
    fixes: list[str] = []
    system: list[str] = []
    body: list[dict] = []
    for turn in turns:
        text = turn["text"]
        if not text or not text.strip():
            fixes.append(EMPTY)
        elif turn["role"] == "system":
            if system or body:  # a second system turn, or one after the conversation began
                fixes.append(SYSTEM)
            system.append(text)
        elif body and _answers(body[-1]) == _answers(turn):
            body[-1] = {"role": body[-1]["role"], "text": body[-1]["text"] + separator + text}
            fixes.append(MERGED)
        else:
            body.append(turn)
    while body and _answers(body[0]):
        body.pop(0)
        fixes.append(LEADING)
    if body and not _answers(body[-1]):
        body.pop()
        fixes.append(TRAILING)
    if not body:
        return None, tuple(dict.fromkeys(fixes + [REJECTED]))
    if not fixes:
        return turns, ()
    head = [{"role": "system", "text": separator.join(system)}] if system else []
    return head + body, tuple(dict.fromkeys(fixes))


def count_fixes(counter: Counter) -> dict[str, int]:
    """Records per fix, every fix named (zeros included) so a reader sees what was checked."""
    return {fix: int(counter.get(fix, 0)) for fix in FIXES}
