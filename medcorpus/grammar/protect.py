"""Protected medical vocabulary: words no corrector may change.

Three sources, merged case-insensitively:
- Debian's `hunspell-en-med` dictionary (drugs, anatomy, diseases; ~90k entries), read from the
  system path where the package puts it;
- the disease database: disease names, symptoms, tests and medications (a term list generated from
  ChatDoctor's `format_dataset.csv` ships in `medcorpus/resources/grammar/`; more CSVs can be given);
- user word lists (one word or term a line, `#` comments).

Disease-DB and user words are *priority* words: a misspelling close to one of them ("diabetis")
may only be corrected to a protected word ("diabetes"), never to whatever a general spell checker
likes best ("diabetic"). Function words ("the", "of", ...) are never protected, so repeated words
and articles can still be fixed around medical terms.
"""
from __future__ import annotations

import ast
import csv
import gzip
import json
import math
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import xxhash

HUNSPELL_MED_PATHS = ("/usr/share/hunspell/en_med_glut.dic", "/usr/share/hunspell/en_med.dic",
                      "/usr/share/hunspell/en-med.dic")
SHIPPED_TERMS = "disease_db_terms.txt"
RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "grammar"
DISEASE_DB_COLUMNS = ("disease", "Symptom", "TestsAndProcedures", "commonMedications",
                      "Medical Tests", "Medications")

FUNCTION_WORDS = frozenset("""
a an the of and or nor but in on at to for with without within by from as is are was were be been
being not no this that these those than then also etc its it his her their our your my me we us
you he she they them i into onto upon over under per via vs other due some any all each both more
most less few many much very can may might will would should could do does did has have had
""".split())

MAX_PHRASE_WORDS = 6
WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F0-9]+(?:['\u2019-][A-Za-z\u00C0-\u024F0-9]+)*")


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int] | None:
    """English word counts shipped with pyspellchecker (MIT), used to rank spelling suggestions."""
    try:
        from importlib import resources
        data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    except Exception:  # not installed: Harper's order is kept
        return None
    return json.loads(gzip.decompress(data))


def find_hunspell_med() -> Path | None:
    """The installed medical Hunspell dictionary, or None."""
    for p in HUNSPELL_MED_PATHS:
        if Path(p).is_file():
            return Path(p)
    return None


def read_hunspell_dic(path: str | Path) -> list[str]:
    """Entries of a Hunspell .dic file: the count line, indented comment lines and /FLAGS dropped."""
    words = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh):
            if not line.strip() or line[0].isspace() or (i == 0 and line.strip().isdigit()):
                continue
            word = line.rstrip("\n").split("/", 1)[0].strip()
            if word:
                words.append(word)
    return words


def _literal_list(cell: str) -> list[str]:
    cell = (cell or "").strip()
    if cell.startswith("["):
        try:
            value = ast.literal_eval(cell)
            return [str(v) for v in value] if isinstance(value, (list, tuple)) else []
        except (ValueError, SyntaxError):
            pass
    return [c.strip() for c in cell.split(",") if c.strip()] if cell else []


def disease_db_terms(path: str | Path) -> list[str]:
    """Disease names, symptoms, tests and medications of a disease-DB CSV; "Paroxetine (Paxil)"
    gives both names. Sorted, unique."""
    terms: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in DISEASE_DB_COLUMNS:
                if col not in row:
                    continue
                values = [row[col]] if col == "disease" else _literal_list(row[col])
                for v in values:
                    for part in re.split(r"[()]", v):
                        part = " ".join(part.split()).strip(" ,;")
                        if sum(ch.isalpha() for ch in part) >= 2:
                            terms.add(part)
    return sorted(terms)


def read_word_list(path: str | Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return out


def shipped_terms() -> list[str]:
    text = (RESOURCES / SHIPPED_TERMS).read_text(encoding="utf-8")
    return [t for t in (line.split("#", 1)[0].strip() for line in text.splitlines()) if t]


def term_words(terms: Iterable[str]) -> set[str]:
    """The protectable words of multi-word terms (function words and single letters left out)."""
    out = set()
    for term in terms:
        for w in WORD_RE.findall(term):
            if len(w) >= 2 and w.lower() not in FUNCTION_WORDS and not w.isdigit():
                out.add(w)
    return out


def osa_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment edit distance (a transposition is one edit), capped at `limit`+1."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        best = cur[0]
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[lb], limit + 1)


def _deletes(word: str, depth: int) -> set[str]:
    """The word and every string made by deleting up to `depth` characters (SymSpell's index keys)."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class Vocabulary:
    """Protected words (lower-cased lookups) plus the priority subset with a near-match index."""

    def __init__(self, protected: Iterable[str] = (), priority: Iterable[str] = (), sources: dict | None = None,
                 everyday: set[str] | frozenset[str] = frozenset(), phrases: Iterable[str] = ()):
        self.priority_forms: dict[str, str] = {}
        for w in priority:
            self.priority_forms.setdefault(w.lower(), w)
        # dictionary words that are everyday English ("image", "first", "one") are left to the
        # grammar rules: a general spell checker knows them, so they are not at risk
        self.words: set[str] = {w.lower() for w in protected} - set(everyday)
        self.words |= set(self.priority_forms)
        self.words -= FUNCTION_WORDS
        for f in FUNCTION_WORDS:
            self.priority_forms.pop(f, None)
        self.sources = sources or {}
        # multi-word terms ("Multiple sclerosis", "Lump in throat"): nothing may be put inside them
        self.phrases: set[str] = set()
        for term in phrases:
            words = WORD_RE.findall(term.lower())
            if 2 <= len(words) <= MAX_PHRASE_WORDS:
                self.phrases.add(" ".join(words))
        self._deletes: dict[str, set[str]] | None = None  # symmetric-delete index, built on first use

    def __len__(self) -> int:
        return len(self.words)

    def is_protected(self, word: str) -> bool:
        w = word.lower().replace("\u2019", "'")
        if w in self.words:
            return True
        if w.endswith("'s") and w[:-2] in self.words:
            return True
        return False

    def is_priority(self, word: str) -> bool:
        return word.lower() in self.priority_forms

    def near_priority(self, word: str, max_distance: int | None = None) -> list[tuple[int, str]]:
        """Priority words within a small edit distance of `word` (a likely misspelling of them):
        [(distance, word)], closest first. Distance 1 for words under 7 letters, else 2."""
        w = word.lower()
        if len(w) < 5 or not w.isalpha():
            return []
        limit = max_distance if max_distance is not None else (1 if len(w) < 7 else 2)
        if self._deletes is None:
            self._deletes = {}
            for cand in self.priority_forms:
                if len(cand) >= 4 and cand.isalpha():
                    for key in _deletes(cand, 2):
                        self._deletes.setdefault(key, set()).add(cand)
        found: dict[str, int] = {}
        for key in _deletes(w, limit):
            for cand in self._deletes.get(key, ()):
                if cand not in found:
                    found[cand] = osa_distance(w, cand, limit)
        return sorted((d, self.priority_forms[c]) for c, d in found.items() if d <= limit)

    def best_protected(self, word: str, candidates: Iterable[str] = (), include_near: bool = True) -> str | None:
        """The protected word a misspelling should become: the closest of the priority words near
        it and the protected `candidates` (a backend's suggestions); ties go to the commoner word."""
        lw = word.lower()
        pool = {w: d for d, w in self.near_priority(word)} if include_near else {}
        for c in candidates:
            if self.is_protected(c) and c not in pool:
                pool[c] = osa_distance(lw, c.lower())
        if not pool:
            return None
        freq = word_frequencies() or {}
        return min(pool, key=lambda w: (pool[w], -math.log1p(freq.get(w.lower(), 0)), w))

    def digest(self) -> str:
        if getattr(self, "_digest", None):
            return self._digest
        h = xxhash.xxh3_64()
        for w in sorted(self.words):
            h.update(w.encode() + b"\n")
        h.update(b"\x00")
        for w in sorted(self.priority_forms):
            h.update(w.encode() + b"\n")
        for p in sorted(self.phrases):
            h.update(p.encode() + b"\n")
        self._digest = h.hexdigest()
        return self._digest


def load_vocabulary(hunspell: str | None = "auto", disease_dbs: Iterable[str] = (),
                    word_lists: Iterable[str] = (), shipped: bool = True) -> Vocabulary:
    """Build the protected vocabulary. `hunspell`: "auto" (the Debian path when installed),
    a .dic path, or None/"" for none. Missing files given explicitly raise FileNotFoundError."""
    return _load_cached(hunspell or "", tuple(disease_dbs), tuple(word_lists), shipped)


@lru_cache(maxsize=8)
def _load_cached(hunspell: str, disease_dbs: tuple, word_lists: tuple, shipped: bool) -> Vocabulary:
    sources: dict[str, int] = {}
    protected: set[str] = set()
    everyday: set[str] = set()
    if hunspell:
        path = find_hunspell_med() if hunspell == "auto" else Path(hunspell)
        if path is not None:
            if not path.is_file():
                raise FileNotFoundError(f"medical dictionary not found: {path}")
            words = read_hunspell_dic(path)
            protected.update(words)
            sources[f"hunspell:{path}"] = len(words)
            everyday = everyday_words()
            sources["hunspell:everyday-words-not-protected"] = sum(1 for w in {x.lower() for x in words}
                                                                   if w in everyday)
    terms: list[str] = []
    if shipped:
        t = shipped_terms()
        terms += t
        sources["disease_db:shipped"] = len(t)
    for p in disease_dbs:
        if not Path(p).is_file():
            raise FileNotFoundError(f"disease database not found: {p}")
        t = disease_db_terms(p)
        terms += t
        sources[f"disease_db:{p}"] = len(t)
    for p in word_lists:
        if not Path(p).is_file():
            raise FileNotFoundError(f"word list not found: {p}")
        t = read_word_list(p)
        terms += t
        sources[f"words:{p}"] = len(t)
    return Vocabulary(protected, term_words(terms), sources, everyday, phrases=terms)


EVERYDAY_MIN_COUNT = 5000


@lru_cache(maxsize=1)
def everyday_words(min_count: int = EVERYDAY_MIN_COUNT) -> frozenset[str]:
    """Words common in general English (count >= min_count in pyspellchecker's frequency list:
    "image", "body", "dose", but not "insulin" or "metformin"); empty if it is not installed."""
    freq = word_frequencies() or {}
    return frozenset(w for w, n in freq.items() if n >= min_count)


def build_shipped_terms(csv_path: str, out_path: str) -> int:
    """Regenerate the shipped term list from ChatDoctor's disease DB (Apache-2.0)."""
    terms = disease_db_terms(csv_path)
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(f"# Disease names, symptoms, tests and medications from ChatDoctor's disease database\n"
                 f"# ({Path(csv_path).name}, Kent0n-Li/ChatDoctor, Apache-2.0), one term a line.\n"
                 f"# Regenerate: python -m medcorpus.grammar.protect {Path(csv_path).name} {SHIPPED_TERMS}\n")
        for t in terms:
            fh.write(t + "\n")
    return len(terms)


if __name__ == "__main__":  # python -m medcorpus.grammar.protect CSV OUT
    if len(sys.argv) != 3:
        sys.exit("usage: python -m medcorpus.grammar.protect DISEASE_DB.csv OUT.txt")
    print(build_shipped_terms(sys.argv[1], sys.argv[2]), "terms written")
