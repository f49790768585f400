"""How far an address or a place reaches: the unit before it ("Flat 18, "), the unit, area, road and
postcode after it, and the known town right after a street ("183 willow creek ln windsor")."""
from __future__ import annotations

import re

from medcorpus.scrub.recognizers_address import CA_POSTCODE, TYPE_AT_END, UK_POSTCODE, UNIT_LABEL

_CITY_WORDS = re.compile(r"(?:,|[ \t]+in)?[ \t]+([A-Za-z\u00c0-\u024f'’.-]+(?:[ \t]+[A-Za-z\u00c0-\u024f'’.-]+){0,2})")


def city_after_street(text: str, e: int) -> int:
    """Where a street address ends once the known town right after it is added ("183 willow creek ln
    windsor", "222 RIZAL AVENUE, ANGELES CITY", "36 Albert Terrace in Auburn"): the longest run of one to
    three words that GeoNames lists as a town, in any case; `e` when none follows."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english, is_small_town

    m = _CITY_WORDS.match(text, e)
    if not m:
        return e
    words = list(re.finditer(r"[^ \t]+", m.group(1)))
    for k in range(len(words), 0, -1):
        value = text[m.start(1):m.start(1) + words[k - 1].end()].rstrip(".,'’")
        if len(value) >= 3 and (fold(value) in cities()[0]
                                or (is_small_town(value) and (k > 1 or not is_english(value)))):
            return m.start(1) + len(value)  # a village too, when it is no single English word ("oak st" + "and")
    return e


_UNIT_BEFORE = re.compile(rf"(?<![A-Za-z0-9])(?:(?:{UNIT_LABEL}\.?[ \t]*[\w/-]{{1,6}}|\d{{1,2}}/F),?[ \t]*){{1,3}}$", re.IGNORECASE)  # 28/F: a floor
_UNIT_AFTER = re.compile(rf",?[ \t]*{UNIT_LABEL}\.?[ \t]*[\w/-]{{1,6}}(?!\w)", re.IGNORECASE)
# "Leeds LS1 4AP", "Pune 411001", "Uppsala 394 13" (Swedish, Czech, Slovak), "Katni 849 189", ZIP+4
_AREA_AFTER = re.compile(r",?[ \t]+(?:(?:[A-Z][a-z]+[ \t]+){0,3}(?:Layout|Nagar|Colony|Extension|Enclave|Phase|Sector|Estate)\b"
                         r"(?:[ \t]+\d{1,3}\b)?|off[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Way|Close|Crescent|Lane)\b\.?)")
_ON_A_ROAD = re.compile(r"(?:Cross|Main|Stage|Block|Phase|Apartments|Residency|Towers|Tower|Building|Complex|Enclave|"
                        r"Society|Heights|Mansion|Villas|Estate)$")
_ROAD_AFTER = re.compile(r"(?:,[ \t]*(?:[A-Z][A-Za-z]*[ \t]+){1,3}(?:Road|Rd|Street|St|Main|Cross))+\b\.?")
_NUMBER_AFTER_TYPE = re.compile(r"[ \t]+\d{1,3}[A-Z]?(?![\w/.:-])(?![ \t]*(?:mg|ml|kg|years?|yrs?|times?)\b)")
_POSTCODE_AFTER = re.compile(rf",?[ \t]+(?:{UK_POSTCODE}|{CA_POSTCODE}|S\d{{6}}|Singapore[ \t]+\d{{6}}|\d{{3}}[ \t]\d{{2,3}}|\d{{4,6}}(?:-\d{{4}})?)"
                             rf"(?![a-z\d-])")


# the word that makes the house number the address's first number: "Lot 7 Wattle Rd", "House No. 12, 4th Cross"
_HEAD_BEFORE = re.compile(r"(?i:\b(?:lot|plot|stand|erf|house|door|shop|unit|flat|apt|apartment|suite|block|blk|h\.?[ \t]?)\.?"
                          r"(?:[ \t]*no\.?)?[ \t]*)$")


def extend_address(text: str, s: int, e: int, place: bool) -> tuple[int, int]:
    """Grow an address over the unit before it ("Apt 9B, ", "Lot " before its number) and the unit
    and postcode after it; a place (a city) only over the postcode after it ("Pune 411001", "Leeds
    LS1 4AP"; not a year)."""
    if text[s:s + 1].isdigit():  # a span that starts with a number is an address, whoever found it
        m = _HEAD_BEFORE.search(text, max(0, s - 16), s)
        if m:
            s = m.start()
    if not place:
        m = _UNIT_BEFORE.search(text, max(0, s - 40), s)
        if m and (m.start() == 0 or not (text[m.start() - 1].isascii() and text[m.start() - 1].isalnum())):
            s = m.start()
        if TYPE_AT_END.search(text, max(s, e - 12), e):
            m = _NUMBER_AFTER_TYPE.match(text, e)  # "Jurong West St 42", "Lorong 3": the road's own number
            e = m.end() if m else e
        m = _UNIT_AFTER.match(text, e)
        if m:
            e = m.end()
        m = _AREA_AFTER.match(text, e)  # ", Palm Grove Layout", ", off Allen Avenue"
        if m:
            e = m.end()
        m = _ROAD_AFTER.match(text, e) if _ON_A_ROAD.search(text, s, e) else None
        if m:  # "#326, 8th Cross" + ", MG Road", "Flat 9, Hawthorn Apartments" + ", MG Road": the road it is on
            e = m.end()
        e = city_after_street(text, e)
    m = _POSTCODE_AFTER.match(text, e)
    if m and not re.fullmatch(r",?[ \t]+(?:19|20)\d\d", m.group()):
        e = m.end()
    return s, e
