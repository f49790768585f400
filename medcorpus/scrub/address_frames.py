"""More street shapes (round 9): a house name or a building/villa number before its street ("Ivy
Cottage, Mill Road", "Building 30, King Fahd Street"), Russian and CIS streets with their flat
("ulitsa Lenina 22, kv. 156", "prospekt Mira 7, apt 3"), lower-case foreign streets ("calle maple
221", "kirchgasse 12/5"), an Irish Eircode after a town ("Clonakilty, P85 E7D9") and a European
postcode before the town ("ul. Polna 4/2, 84764 Olten")."""
from __future__ import annotations

import re

from medcorpus.scrub.patterns import Rx
from medcorpus.scrub.recognizers_en import STOP

_DETERMINERS = frozenset("the a an my our his her their this that your its each every no".split())
_HOUSE_NAMES = r"Cottage|House|Farm|Lodge|Barn|Manor|Grange|Farmhouse|Bungalow"
_BUILDING = r"Building|Bldg\.?|Villa|Block|Blk\.?|Flat|Apt\.?|Unit|Suite|Compound"
_CIS_TYPE = r"ulitsa|ul\.|prospekt|prosp\.|pr-t|pereulok|per\.|shosse|naberezhnaya|bulvar|ploshchad|proyezd|mikrorayon|mkr\.?"
_FLAT = r"(?:,?[ \t]*(?:kv|kv\.|apt|apto|flat|apartment|app|lgh)\.?[ \t]*\d{1,4}[A-Za-z]?\b)?"
_LOWER_TYPE = r"calle|avenida|av\.|avda\.|rua|travessa|ulica|ul\.|ulitsa|prospekt|jalan|jln\.|lorong|strada|carrer|carrera|rue"
_COMPOUND = r"stra(?:ss|ß)e|str\.|gasse|weg|platz|allee|straat|gatan|vägen|veien"
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t][0-9AC-FHKNPRTV-Y]{4}"


def _house_name_ok(value: str, m) -> float | None:
    """The head is a name, not a function word ("the cottage, ..."), and the street has a street word."""
    head = value.split(",", 1)[0].split()
    return None if head and head[0].lower() in _DETERMINERS else 0.8


def _eircode_ok(value: str, m) -> float | None:
    """An Eircode's unique part mixes letters and digits (a word or a number is none)."""
    tail = value.split()[-1]
    return 0.8 if any(c.isdigit() for c in tail) and any(c.isalpha() for c in tail) else None


def _postcode_before_town_ok(value: str, m) -> float | None:
    """Five digits, or four that are no year."""
    return None if len(value) == 4 and value[:2] in ("19", "20") else 0.75


def more_address_patterns(suffixes: str) -> list[Rx]:
    """The patterns above; `suffixes` is the street-word alternation of recognizers_address."""
    return [
        Rx("house_name_street", re.compile(
            rf"(?<![\w'’-])(?:[A-Z][a-z]+[ \t]+(?:{_HOUSE_NAMES})|(?:{_BUILDING})[ \t]*\d{{1,5}}[A-Za-z]?)"
            rf",[ \t]+(?:\d{{1,5}}[A-Za-z]?[ \t]+)?(?:[A-Z][\w'’-]+[ \t]+){{0,3}}(?:{suffixes})\b\.?(?:[ \t]+\d{{1,4}}\b)?"),
           0.8, validate=_house_name_ok),
        Rx("house_name_street_lower", re.compile(
            rf"(?<![\w'’-])(?:[a-z]+[ \t]+(?:{_HOUSE_NAMES.lower()})|(?:{_BUILDING.lower()})[ \t]*\d{{1,5}}[a-z]?)"
            rf",[ \t]+(?:\d{{1,5}}[a-z]?[ \t]+)?(?:[a-z][\w'’-]+[ \t]+){{0,3}}(?:{suffixes.lower()})\b\.?(?:[ \t]+\d{{1,4}}\b)?"),
           0.75, validate=_house_name_ok),
        Rx("cis_street", re.compile(
            rf"(?<![\w.-])(?i:{_CIS_TYPE})[ \t]*(?:[A-Z\u00c0-\u00de\u0400-\u042f][\w'’.-]*[ \t]+){{1,3}}\d{{1,4}}[A-Za-z]?"
            rf"(?:/\d{{1,4}})?{_FLAT}"), 0.8),
        Rx("foreign_lower", re.compile(
            rf"(?<![\w.-])(?:{_LOWER_TYPE})[ \t]+(?:[a-z\u00df-\u024f][\w'’-]*[ \t]+){{1,3}}\d{{1,4}}[a-z]?(?:/\d{{1,4}})?\b{_FLAT}"),
           0.75, validate=lambda v, m: None if any(w in STOP for w in v.split()[1:-1]) else 0.75),
        Rx("compound_lower", re.compile(
            rf"(?<![\w.-])[a-z\u00df-\u024f][\w\u00df-]*(?:{_COMPOUND})[ \t]+\d{{1,4}}[a-z]?(?:/\d{{1,4}})?\b"), 0.75),
        Rx("eircode", re.compile(rf"(?m:(?:(?<=,[ \t])|(?<=\n)|^){_EIRCODE}(?![\w-]))"), 0.8, validate=_eircode_ok),
        Rx("postcode_before_town", re.compile(
            r"(?:(?<=\d,[ \t])|(?<=\d[a-z],[ \t]))\d{4,5}(?=[ \t]+[A-Z\u00c0-\u00de][\w\u00df-\u024f'’-]+)"), 0.75,
           validate=_postcode_before_town_ok),
    ]
