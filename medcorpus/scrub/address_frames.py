"""More street shapes (round 9): a house name or a building/villa number before its street ("Ivy
Cottage, Mill Road", "Building 30, King Fahd Street"), Russian and CIS streets with their flat
("ulitsa Lenina 22, kv. 156", "prospekt Mira 7, apt 3"), lower-case foreign streets ("calle maple
221", "kirchgasse 12/5"), an Irish Eircode after a town ("Clonakilty, P85 E7D9") and a European
postcode before the town ("ul. Polna 4/2, 84764 Olten"; "30-157", "714 14" on the line after the
street), and postcodes by their national shape next to an address: a labelled one ("C.P. 43473", "CEP
94646-886"), after an Australian state ("Perth WA 6000"), a Dutch one ("6511 AB"), an Indian PIN
after its town ("Pune - 411001") and a Chinese one after 邮编."""
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
# an Irish-style code after a town with no comma ("Malahide G96 H2X7"): any letter, as typed
_EIRCODE_LOOSE = r"[A-Z]\d[\dW][ \t][0-9A-Z]{4}"
_AU_STATES = r"NSW|VIC|QLD|WA|SA|TAS|NT|ACT"
# a Dutch postcode: not a dose, a time or an era ("1000 MG", "2000 BC")
_NL_POSTCODE = r"[1-9]\d{3}[ \t]?(?!MG|ML|IU|KG|AM|PM|AD|BC|CE|HR|UK|US|EU|SA|SD|SS|MM|CM|OZ|LB)[A-Z]{2}"


def _house_name_ok(value: str, m) -> float | None:
    """The head is a name, not a function word ("the cottage, ..."), and the street has a street word."""
    head = value.split(",", 1)[0].split()
    return None if head and head[0].lower() in _DETERMINERS else 0.8


def _eircode_mixed(value: str, m) -> float | None:
    """An Irish-style code mixes letters and digits in its second part; a Polish one is two and three digits."""
    tail = value.split()[-1]
    if re.fullmatch(r"\d{2}-\d{3}", tail):  # after a capitalised town, not a range ("range 50-150")
        before = re.search(r"([^\s,]+),?[ \t]+$", m.string[max(0, m.start() - 30):m.start()])
        return 0.75 if before and before.group(1)[:1].isupper() and before.group(1).lower() not in STOP else None
    return 0.75 if any(c.isdigit() for c in tail) and any(c.isalpha() for c in tail) else None


def _eircode_ok(value: str, m) -> float | None:
    """An Eircode's unique part mixes letters and digits (a word or a number is none)."""
    tail = value.split()[-1]
    return 0.8 if any(c.isdigit() for c in tail) and any(c.isalpha() for c in tail) else None


def _postcode_before_town_ok(value: str, m) -> float | None:
    """Five digits, or four that are no year."""
    return None if len(value) == 4 and value[:2] in ("19", "20") else 0.75


def _nl_postcode_ok(value: str, m) -> float | None:
    """A year-shaped Dutch postcode ("2011 XJ") only next to a street number or before its town."""
    if value[:2] not in ("19", "20"):
        return 0.75
    after = m.string[m.end():m.end() + 3]
    return 0.75 if re.match(r"[ \t]+[A-Z][a-z]", after) or re.search(r"\d,?[ \t]+$", m.string[max(0, m.start() - 4):m.start()]) else None


# where an address is announced, a house number and capitalised words are a street with no street word
# ("Address: 152 Tran Hung Dao", "write to 47 Le Loi, Hanoi", "Visitation at 180 Nguyen Hue.")
_ADDRESS_LEAD = (r"(?:(?im:^[ \t]*(?:home[ \t]+|postal[ \t]+|street[ \t]+|current[ \t]+|permanent[ \t]+)?address[ \t]*[:：][ \t]*)|"
                 r"(?i:\b(?:write|post|send|mail|wire)(?:[ \t]+(?:it|them|the[ \t]+\w+))?[ \t]+to|visitation[ \t]+at|"
                 r"(?:live|lives|living|stay|stays|staying|reside|resides)[ \t]+at|home[ \t]*:)[ \t]+)")
LABELLED_NUMBER_STREET = re.compile(_ADDRESS_LEAD + r"(?P<n>\d{1,5}[A-Za-z]?(?:/\d{1,4})?,?[ \t]+"
                                    r"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][\w'’.-]*(?:[ \t]+[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][\w'’.-]*){0,3})"
                                    r"(?=[ \t]*(?:[,.;<\n]|$|\d{4,6}\b))")


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
            r"(?:(?<=\d,[ \t])|(?<=\d[a-z],[ \t])|(?<=\d\n)|(?<=\d[ \t]\n))(?:\d{4,5}|\d{3}[ \t]\d{2}|\d{2}-\d{3})"
            r"(?=[ \t]+[A-Z\u00c0-\u00de][\w\u00df-\u024f'’-]+)"), 0.75,
           validate=_postcode_before_town_ok),
        # after its town: "Wrocław 91-259", "Malahide G96 H2X7", "Bray\nr51 c9l6"
        Rx("postcode_after_town", re.compile(
            r"(?:(?<=[a-z\u00df-\u024f][ \t])|(?<=[a-z\u00df-\u024f][ \t][ \t]))(?:\d{2}-\d{3}|" + _EIRCODE_LOOSE + r")(?![\w-])"
            r"|(?m:^)(?i:[a-z]\d[\dw][ \t][0-9a-z]{4})(?![\w-])(?=[ \t]*(?:[,.]|$))"), 0.75,
           validate=_eircode_mixed),
        Rx("postcode_label", re.compile(r"(?<![\w.])(?:C\.[ \t]?P\.|CP|CEP|PLZ|PIN)[ \t]*[:.]?[ \t]*(\d{5}(?:-\d{3})?|\d{6})(?![\d-])"),
           0.8, group=1),
        Rx("au_state_postcode", re.compile(rf"(?<=[A-Za-z][ \t])(?:{_AU_STATES})[ \t]+\d{{4}}(?![\d-])"), 0.8),
        Rx("nl_postcode", re.compile(rf"(?<![\w.,/-]){_NL_POSTCODE}(?![\w-])"), 0.75, validate=_nl_postcode_ok),
        Rx("labelled_number_street", LABELLED_NUMBER_STREET, 0.75, group="n"),
        Rx("pin_after_town", re.compile(r"(?<=[a-z\u00df-\u024f])[ \t]+[-–][ \t]+([1-9]\d{5})(?![\d-])"), 0.75, group=1),
        # a town and its postcode alone on the line after an address line ("Post Bag No. 7\nStoke 147362")
        Rx("town_postcode_line", re.compile(r"(?m:(?<=\d\n)[A-Z][a-z\u00df-\u024f'’-]+(?:[ \t]+[A-Z][a-z\u00df-\u024f'’-]+){0,2}"
                                            r"[ \t]+\d{4,6}[ \t]*$)"), 0.75),
    ]
