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


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")


def read_term_file(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:  # an acronym in capitals keeps its case: "ANA" and "ELISA" are tests, "Ana" and "Elisa" names
            out.append(line if _ACRONYM.fullmatch(line) else line.lower())
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


_CONDITION_HEADS = frozenset("disease syndrome palsy phenomenon thyroiditis sarcoma lymphoma cyst contracture esophagus "
                             "oesophagus encephalopathy granulomatosis disorder neuroma tumor tumour ulcer anomaly "
                             "dystrophy arteritis node nodes sign".split())


@lru_cache(maxsize=30_000)
def _norm(word: str) -> str:
    """Lower case, straight apostrophe, no possessive: "Crohn’s" -> "crohn"."""
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def _keys(term: str) -> list[str]:
    """A phrase as its word sequence (the lookup key)."""
    return [_norm(w) for w in _WORD.findall(term)]


class MedicalTerms:
    """Word-sequence lookup of medical phrases (English) and substring lookup (Chinese)."""

    def __init__(self, terms: Iterable[str], weak: Iterable[str] = ()):
        """`weak`: single words known only from a broad dictionary (hunspell's medical one); they veto a
        name or place they cover entirely, but not one they merely touch ("Care Hospital", "Barth")."""
        self.phrases: set[tuple[str, ...]] = set()
        self.words: set[str] = set()
        self.zh: set[str] = set()
        self.caps_only: set[str] = set()  # acronyms that are terms only when written in capitals (ANA, ELISA)
        terms = list(terms)
        for term in terms:
            if _ACRONYM.fullmatch(term):
                self.caps_only.add(term.lower())
            if _CJK.search(term):
                if len(term) >= 2:
                    self.zh.add(term)
                continue
            key = tuple(_keys(term))
            if not key or len(key) > MAX_WORDS:
                continue
            self.phrases.add(key)
            self.words.update(key)
        self.strong_words = set(self.words)
        self.weak: set[tuple[str, ...]] = set()
        for w in weak:
            key = tuple(_keys(w))
            if 1 <= len(key) <= 3 and key not in self.phrases:  # "ehlers-danlos": two keys
                self.weak.add(key)
                self.phrases.add(key)
                self.words.add(key[0])
        self.first: dict[str, int] = {}
        for key in self.phrases:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self.zh_by_prefix: dict[str, list[str]] = {}
        for t in self.zh:
            if len(t) <= 6:
                self.zh_by_prefix.setdefault(t[:2], []).append(t)
        for same_prefix in self.zh_by_prefix.values():
            same_prefix.sort(key=len, reverse=True)  # longest first, once
        self.zh_max = max(map(len, self.zh), default=0)

    def __len__(self) -> int:
        return len(self.phrases) + len(self.zh)

    def find(self, text: str, strong_only: bool = False) -> list[tuple[int, int]]:
        """Character spans of term occurrences (longest first, non-overlapping); `strong_only`
        leaves out the weak single words."""
        return [(s, e) for s, e, weak in self.find_marked(text) if not (strong_only and weak)]

    def find_marked(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, weak) of term occurrences: one pass for both readings of `find`. The
        last texts' answers are kept: the NER vetting and the engine's veto ask about the same text."""
        cache = self.__dict__.setdefault("_found", {})
        hit = cache.get(text)
        if hit is None:
            if len(cache) >= 512:
                cache.clear()
            hit = cache[text] = self._find_marked(text)
        return hit

    def _find_marked(self, text: str) -> list[tuple[int, int, bool]]:
        toks = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
        spans: list[tuple[int, int, bool]] = []
        i = 0
        while i < len(toks):
            hit = 0
            longest = self.first.get(toks[i][2], 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(t[2] for t in toks[i:i + n])
                if key in self.phrases:
                    hit = n
                    break
            if hit == 1 and toks[i][2] in self.caps_only and not text[toks[i][0]:toks[i][1]].isupper():
                hit = 0  # "Ana", "Elisa": a name; only "ANA", "ELISA" are the tests
            if hit:
                spans.append((toks[i][0], toks[i + hit - 1][1], hit == 1 and (toks[i][2],) in self.weak))
                i += hit
            else:
                i += 1
        if self.zh and _CJK.search(text):
            spans.extend((s, e, False) for s, e in self._find_zh(text))
        return spans

    def _find_zh(self, text: str) -> list[tuple[int, int]]:
        """Longest Chinese terms, left to right, non-overlapping (set lookups: no huge regex); only
        the lengths some term starting with the next two characters has are tried."""
        lengths = self.__dict__.get("_zh_lengths")
        if lengths is None:
            by_prefix: dict[str, set[int]] = {}
            for t in self.zh:
                by_prefix.setdefault(t[:2], set()).add(len(t))
            lengths = self.__dict__["_zh_lengths"] = {k: sorted(v, reverse=True) for k, v in by_prefix.items()}
        out, i, n = [], 0, len(text)
        while i < n:
            hit = 0
            if "\u3400" <= text[i] <= "\u9fff":
                for L in lengths.get(text[i:i + 2], ()):
                    if L <= n - i and text[i:i + L] in self.zh:
                        hit = L
                        break
            if hit:
                out.append((i, i + hit))
                i += hit
            else:
                i += 1
        return out

    def zh_term_length(self, text: str, i: int) -> int:
        """Length of the longest Chinese term starting at text[i] (0: none)."""
        for t in self.zh_by_prefix.get(text[i:i + 2], ()):  # longest first
            if text.startswith(t, i):
                return len(t)
        return 0

    def zh_overlaps(self, text: str, s: int, e: int) -> bool:
        """Whether a Chinese term covers all of text[s:e] or runs across one of its ends (丁香 in
        吃丁香, 黄明胶 past the 黄明 of it). A term wholly inside (牡丹 in 牡丹江) does not count: a
        name or place may hold one, and be part of a longer term only where the text goes on into it."""
        for i in range(max(0, s - 5), e):
            end = i + self.zh_term_length(text, i)
            if end > i and (i < s < end or i < e < end or (i <= s and end >= e)):
                return True
        return False

    def is_medical_word(self, word: str, strong_only: bool = False) -> bool:
        """Any word of any term ("edward" of "edwards syndrome"): for vetoing weak evidence."""
        key = _norm(word)
        if key in self.caps_only and not word.isupper():
            return False
        return key in (self.strong_words if strong_only else self.words)

    def is_term(self, word: str) -> bool:
        """A word that is a term on its own ("ibuprofen", "gout")."""
        key = _norm(word)
        return (key,) in self.phrases and not (key in self.caps_only and not word.isupper())

    def is_eponym(self, word: str) -> bool:
        """A word that names a condition in a term ("addison" of "addison disease", both parts
        of "osgood-schlatter disease"): a bare "Addison's" or "Raynauds" is that condition."""
        if not hasattr(self, "_eponyms"):
            self._eponyms = {part for key in self.phrases if len(key) >= 2 and key[1] in _CONDITION_HEADS
                             for part in key[0].split("-") if len(part) > 3}
        return _norm(word) in self._eponyms


HUNSPELL_MEDICAL = ("/usr/share/hunspell/en_med_glut.dic", "/usr/share/hunspell/en_med.dic",
                    "/usr/share/myspell/dicts/en_med_glut.dic")


def hunspell_medical_words() -> set[str]:
    """Lower-case entries of Debian's hunspell-en-med dictionary (OpenMedSpel: drug, disease and
    anatomy words), less general English words (hunspell en_US: "bell", "path", "care"), frequent
    first or last names and GeoNames cities ("victoria", "hashimoto"): those stay names and places
    unless the disease DB says otherwise. Capitalised entries count too (brand drugs such as Buscopan,
    eponyms such as Ehlers-Danlos), under the same rules. Empty when the package is not installed."""
    path = next((Path(p) for p in HUNSPELL_MEDICAL if Path(p).exists()), None)
    if path is None:
        return set()
    from medcorpus.scrub.gazetteers import cities, english_words, person_names

    first, last = person_names()
    general = english_words()
    latin, _ = cities()
    out = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        if not line or line[0].isspace():
            continue
        w = line.split("/", 1)[0].strip()
        if w.endswith("-") or w.startswith("-"):
            continue  # "dia-", "toki-": a combining form, not a word ("Dia" and "Toki" are names)
        k = w.lower()
        # lower-case words, and capitalised ones: brand drugs (Buscopan, Gaviscon) and eponyms (Ehlers-Danlos)
        if len(w) >= 4 and re.fullmatch(r"[a-z][a-z-]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*", w) and k not in first and k not in last \
                and k not in latin and k not in general:
            out.add(k)
    return out


@lru_cache(maxsize=8)
def load_terms(extra_files: tuple[str, ...] = (), hunspell: bool = True) -> MedicalTerms:
    """The shipped lists (curated, disease DB, Chinese TCM lexicon), the hunspell medical
    dictionary where installed, plus any disease CSVs / term files given."""
    terms: set[str] = set()
    for name in ("curated_terms.txt", "disease_terms.txt", "zh_medical_terms.txt"):
        p = resource_path(name)
        if p.exists():
            terms.update(read_term_file(p))

    for extra in extra_files:
        p = Path(extra)
        if not p.exists():
            raise FileNotFoundError(f"allow-list file not found: {p}")
        terms.update(terms_from_disease_db(p) if p.suffix.lower() == ".csv" else read_term_file(p))
    return MedicalTerms(terms, hunspell_medical_words() if hunspell else ())


def build(db_csv: str, out: str | None = None) -> Path:
    """Write resources/scrub/disease_terms.txt from a disease DB CSV (sorted, one per line)."""
    terms = sorted(terms_from_disease_db(db_csv))
    target = Path(out) if out else resource_path("disease_terms.txt")
    header = (f"# medical terms from ChatDoctor's disease DB ({Path(db_csv).name}, Apache-2.0): diseases,\n"
              f"# symptoms, tests and medications; generated by `python -m medcorpus.scrub.allowlist build`.\n")
    target.write_text(header + "\n".join(terms) + "\n", encoding="utf-8")
    return target


ZH_KG_TYPES = {"中药名", "主治", "功效", "别名", "方名", "证候", "症状", "疾病", "中药"}


def build_zh(kg_dir: str, out: str | None = None) -> Path:
    """Write resources/scrub/zh_medical_terms.txt: herb, formula, symptom, syndrome and effect names
    of a TCM KG folder (herbs_nodes.txt / formulas_nodes.txt: `type\tname`; symmap triples), 2-8 characters."""
    d = Path(kg_dir)
    terms: set[str] = set()
    for name in ("herbs_nodes.txt", "formulas_nodes.txt"):
        for line in (d / name).read_text(encoding="utf-8").splitlines():
            kind, _, value = line.partition("\t")
            if kind in ZH_KG_TYPES:
                terms.add(value.strip())
    symmap = d / "symmap_triples_small.tsv"
    if symmap.exists():
        for line in symmap.read_text(encoding="utf-8").splitlines():
            terms.update(line.split("\t")[:2])
    terms = {t for t in terms if 2 <= len(t) <= 8 and re.fullmatch(r"[\u3400-\u9fff]+", t)}
    target = Path(out) if out else resource_path("zh_medical_terms.txt")
    header = (f"# Chinese medical terms (herbs, formulas, symptoms, syndromes, effects) from the TCM knowledge graph\n"
              f"# ({d.name}: fengxi177/Knowlegde_Graph_TCM, ywjawmw/TCM_KG); generated by "
              f"`python -m medcorpus.scrub.allowlist build-zh DIR`.\n")
    target.write_text(header + "\n".join(sorted(terms)) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m medcorpus.scrub.allowlist build PATH/format_dataset.csv | build-zh TCM_KG_DIR
    if len(sys.argv) < 3 or sys.argv[1] not in ("build", "build-zh"):
        sys.exit("usage: python -m medcorpus.scrub.allowlist build DISEASE_DB.csv [OUT.txt] | build-zh TCM_KG_DIR [OUT.txt]")
    fn = build if sys.argv[1] == "build" else build_zh
    print(fn(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
