"""Medical terms that must never be scrubbed: the disease DB vocabulary plus a curated list.

Terms are lower-cased phrases. `MedicalTerms.find(text)` returns the character spans of every
term occurrence (longest match first, word-bounded), which the engine uses to veto weak
detections (spaCy calling "Parkinson" or "Glucose" a PERSON). The shipped
`resources/scrub/disease_terms.txt` is generated from the full ChatDoctor disease DB
(Apache-2.0) by `python -m medcorpus.scrub.allowlist build format_dataset.csv`.
"""
from __future__ import annotations

import ast
import csv
import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

DB_COLUMNS = ("disease", "Symptom", "TestsAndProcedures", "commonMedications",
              "Medical Tests", "Medications")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|[\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
MAX_WORDS = 6


def resource_path(name: str) -> Path:
    return Path(str(resources.files("medcorpus") / "resources" / "scrub" / name))


def read_term_file(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line.lower())
    return out


def terms_from_disease_db(path: str | Path) -> set[str]:
    """Diseases, symptoms, tests and medications of a ChatDoctor-style disease CSV."""
    csv.field_size_limit(1 << 24)
    terms: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in DB_COLUMNS:
                value = (row.get(col) or "").strip()
                if not value:
                    continue
                items: Iterable[str]
                if value.startswith("["):
                    try:
                        items = ast.literal_eval(value)
                    except (ValueError, SyntaxError):
                        items = value.strip("[]").split(",")
                else:
                    items = [value]
                for item in items:
                    item = str(item)
                    # "sucralfate (carafate)": the whole, the name and the brand in parentheses
                    for part in (item, re.sub(r"\([^)]*\)", " ", item), *re.findall(r"\(([^)]*)\)", item)):
                        term = " ".join(part.strip(" '\",").lower().split())
                        if 2 < len(term) <= 80:
                            terms.add(term)
    return terms


def _norm(word: str) -> str:
    """Lower case, straight apostrophe, no possessive: "Crohn’s" -> "crohn"."""
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def _keys(term: str) -> list[str]:
    """A phrase as its word sequence (the lookup key)."""
    return [_norm(w) for w in _WORD.findall(term)]


class MedicalTerms:
    """Word-sequence lookup of medical phrases (English) and substring lookup (Chinese)."""

    def __init__(self, terms: Iterable[str]):
        self.phrases: set[tuple[str, ...]] = set()
        self.words: set[str] = set()
        self.zh: set[str] = set()
        for term in terms:
            if _CJK.search(term):
                if len(term) >= 2:
                    self.zh.add(term)
                continue
            key = tuple(_keys(term))
            if not key or len(key) > MAX_WORDS:
                continue
            self.phrases.add(key)
            self.words.update(key)
        self.first: dict[str, int] = {}
        for key in self.phrases:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self._zh_re = (re.compile("|".join(re.escape(t) for t in sorted(self.zh, key=len, reverse=True)))
                       if self.zh else None)

    def __len__(self) -> int:
        return len(self.phrases) + len(self.zh)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Character spans of term occurrences (longest first, non-overlapping)."""
        toks = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            hit = 0
            longest = self.first.get(toks[i][2], 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(t[2] for t in toks[i:i + n])
                if key in self.phrases:
                    hit = n
                    break
            if hit:
                spans.append((toks[i][0], toks[i + hit - 1][1]))
                i += hit
            else:
                i += 1
        if self._zh_re is not None and _CJK.search(text):
            spans.extend(m.span() for m in self._zh_re.finditer(text))
        return spans

    def is_medical_word(self, word: str) -> bool:
        """Any word of any term ("edward" of "edwards syndrome"): for vetoing weak evidence."""
        return _norm(word) in self.words

    def is_term(self, word: str) -> bool:
        """A word that is a term on its own ("ibuprofen", "gout")."""
        return (_norm(word),) in self.phrases


@lru_cache(maxsize=8)
def load_terms(extra_files: tuple[str, ...] = ()) -> MedicalTerms:
    """The shipped lists (curated + disease DB) plus any disease CSVs / term files given."""
    terms: set[str] = set()
    for name in ("curated_terms.txt", "disease_terms.txt"):
        p = resource_path(name)
        if p.exists():
            terms.update(read_term_file(p))
    for extra in extra_files:
        p = Path(extra)
        if not p.exists():
            raise FileNotFoundError(f"allow-list file not found: {p}")
        terms.update(terms_from_disease_db(p) if p.suffix.lower() == ".csv" else read_term_file(p))
    return MedicalTerms(terms)


def build(db_csv: str, out: str | None = None) -> Path:
    """Write resources/scrub/disease_terms.txt from a disease DB CSV (sorted, one per line)."""
    terms = sorted(terms_from_disease_db(db_csv))
    target = Path(out) if out else resource_path("disease_terms.txt")
    header = (f"# medical terms from ChatDoctor's disease DB ({Path(db_csv).name}, Apache-2.0): diseases,\n"
              f"# symptoms, tests and medications; generated by `python -m medcorpus.scrub.allowlist build`.\n")
    target.write_text(header + "\n".join(terms) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m medcorpus.scrub.allowlist build PATH/format_dataset.csv
    if len(sys.argv) < 3 or sys.argv[1] != "build":
        sys.exit("usage: python -m medcorpus.scrub.allowlist build DISEASE_DB.csv [OUT.txt]")
    print(build(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
