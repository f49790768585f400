"""Boilerplate by corpus frequency: an edge sentence that hundreds of answers to different patients
share, and that says nothing medical, is a formula whatever its wording.

A corpus-level pass in the shape of a global stage (like dedup), every step a pure function:
1. map, in parallel over batches: `count_batch(records)` -> `SentenceCounts` (for each normalised
   edge sentence of the answering turns, the smallest `keep` hashes of the distinct patients'
   questions it answered: a bottom-k sketch, so partial counts merge exactly up to `keep`);
2. resolve, on the driver: `merge(partials)` then `frequent_sentences(merged, min_patients)`;
3. apply, per record again: `strip_frequent(text, frequent)` drops such sentences from the edges.
Incremental like dedup: the merged counts of the records seen so far plus a new batch's counts
give the new verdict; a new frequent sentence re-applies to old records through its key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import xxhash

from medcorpus.filters.text import split_sentences
from medcorpus.schemas import ANSWERING_ROLES, Record

_NORM = re.compile(r"[^\w\s']+|_")
_DIGIT = re.compile(r"\d")
MAX_WORDS = 20
_MASK63 = (1 << 63) - 1
# characters that make a Chinese sentence medical (disease, doctor, drug, treat, diagnose, examine,
# symptom, pain, inflammation, blood, dose, surgery, ...): "建议及时就医" is advice, "祝早日康复" a formula
_CJK_MEDICAL = re.compile("[病医药治诊检查症疗痛炎血剂术痒肿烧咳吐泻疹癌瘤孕经敏服]")


def sentence_key(sentence: str) -> str | None:
    """The normalised form two copies of a formula share (case, punctuation and spacing ignored);
    None for a sentence that cannot be a formula (a digit, more than MAX_WORDS words, no letter)."""
    if _DIGIT.search(sentence):
        return None
    words = _NORM.sub(" ", sentence.lower()).split()
    if not words or len(words) > MAX_WORDS:
        return None
    return " ".join(words)


def key_hash(key: str) -> int:
    """A sentence key as a non-negative 63-bit integer (what the stage's index stores)."""
    return xxhash.xxh3_64_intdigest(key.encode()) & _MASK63


def asking_hash(turns: Iterable[tuple[str, str]], fallback: str) -> int:
    """Who asked, from (role, text) pairs: the hash of the asking turns (63 bits)."""
    asked = "\x1f".join(t.strip() for r, t in turns if r not in ANSWERING_ROLES and r != "system")
    return xxhash.xxh3_64_intdigest((asked or fallback).encode()) & _MASK63


def cjk_medical(sentence: str) -> bool:
    """A Chinese sentence that names a disease, a drug, a test, a symptom or treatment."""
    return _CJK_MEDICAL.search(sentence) is not None


def formula_candidates(text: str, edge: int, medical: Callable[[str], bool] | None = None) -> list[tuple[int, str, str]]:
    """(index, key, sentence) of the edge sentences of `text` that could be formulas: a key (see
    `sentence_key`), no medical content (`medical`, and the Chinese medical characters) and not a
    heading that introduces what follows ("总结建议：", "Advice:")."""
    out = []
    for i, sentence in edge_sentences(text, edge):
        key = sentence_key(sentence)
        if key is None or sentence.rstrip().endswith((":", "：")) or cjk_medical(sentence) or (medical is not None and medical(sentence)):
            continue
        out.append((i, key, sentence))
    return out


def patient_hash(record: Record) -> int:
    """Who asked: the hash of the record's asking turns (the same question twice is one patient)."""
    asked = "\x1f".join(t.text.strip() for t in record.turns if t.role not in ANSWERING_ROLES and t.role != "system")
    return xxhash.xxh3_64_intdigest((asked or record.id).encode())


def edge_sentences(text: str, edge: int) -> list[tuple[int, str]]:
    """(index, sentence) of the first and last `edge` non-blank sentences of `text`."""
    pieces = [(i, p) for i, p in enumerate(split_sentences(text)) if p.strip()]
    if len(pieces) <= 2 * edge:
        return pieces
    return pieces[:edge] + pieces[-edge:]


@dataclass
class SentenceCounts:
    """For each sentence key: the sorted smallest `keep` distinct patient hashes seen with it, and
    one example of its wording."""

    keep: int
    patients: dict[str, list[int]] = field(default_factory=dict)
    example: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, patient: int, wording: str) -> None:
        seen = self.patients.setdefault(key, [])
        if patient in seen or (len(seen) >= self.keep and patient > seen[-1]):
            return
        seen.append(patient)
        seen.sort()
        del seen[self.keep:]
        self.example.setdefault(key, wording.strip())

    def distinct(self, key: str) -> int:
        """Distinct patients, exact up to `keep`."""
        return len(self.patients.get(key, ()))


def count_batch(records: Sequence[Record], *, roles: Iterable[str] = ANSWERING_ROLES, edge: int = 2,
                keep: int = 200) -> SentenceCounts:
    """Map phase: edge-sentence counts of one batch (pure; no I/O)."""
    roles = set(roles)
    counts = SentenceCounts(keep)
    for rec in records:
        patient = patient_hash(rec)
        for turn in rec.turns:
            if turn.role not in roles:
                continue
            for _, sentence in edge_sentences(turn.text, edge):
                key = sentence_key(sentence)
                if key is not None:
                    counts.add(key, patient, sentence)
    return counts


def merge(partials: Iterable[SentenceCounts]) -> SentenceCounts:
    """Resolve phase, first step: the union of batch counts (bottom-k of the union of each key)."""
    out: SentenceCounts | None = None
    for part in partials:
        if out is None:
            out = SentenceCounts(part.keep)
        for key, hashes in part.patients.items():
            for h in hashes:
                out.add(key, h, part.example.get(key, ""))
    return out if out is not None else SentenceCounts(0)


def frequent_sentences(counts: SentenceCounts, min_patients: int = 100,
                       medical: Callable[[str], bool] | None = None) -> dict[str, int]:
    """Resolve phase, second step: {sentence key: distinct patients} for the keys answered to at
    least `min_patients` different patients whose wording has no medical content (`medical`, e.g.
    FormulaDetector.medical_content: "Drink plenty of fluids." repeated a thousand times is advice)."""
    if min_patients > counts.keep:
        raise ValueError(f"min_patients {min_patients} is above the sketch size {counts.keep}: counts are exact only up to it")
    out = {}
    for key, hashes in counts.patients.items():
        if len(hashes) >= min_patients and not (medical is not None and medical(counts.example.get(key, key))):
            out[key] = len(hashes)
    return out


def strip_frequent(text: str, frequent: dict[str, int] | set[str], edge: int = 2) -> tuple[str, int]:
    """Apply phase: `text` without the frequent sentences among its first and last `edge` ones
    (a turn made only of them is kept whole); returns (text, sentences removed)."""
    pieces = split_sentences(text)
    edges = {i for i, _ in edge_sentences(text, edge)}
    drop = {i for i in edges if sentence_key(pieces[i]) in frequent}
    if not drop or len(drop) == sum(1 for p in pieces if p.strip()):
        return text, 0
    return "".join(p for i, p in enumerate(pieces) if i not in drop).strip(), len(drop)
