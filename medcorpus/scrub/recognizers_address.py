"""Street addresses and places from their shape: house number + street name + street type (USPS
Publication 28 suffixes as Faker ships them, their abbreviations, British, Indian and South-East
Asian street words), house/flat/plot heads, units and apartments, PO boxes and private bags,
British and Canadian postcodes, ZIP and PIN codes with their label, and the context place rules
("I live in X", "from X,"). `extend_address` grows a found address over the unit before it and
the postcode after it."""
from __future__ import annotations

import re
from functools import lru_cache

from medcorpus.scrub.address_frames import more_address_patterns
from medcorpus.scrub.patterns import Rx
from medcorpus.scrub.recognizers_en import CAP_NAME, NAME_WORD, STOP, looks_medical, make_name_check

_US_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
              "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|AS|GU|MP|PR|VI|FM|MH|PW|AA|AE|AP")
# street words beyond USPS: abbreviations, British/Australian, Indian, Malaysian/Indonesian, European
EXTRA_STREET_WORDS = """Street St Avenue Ave Av Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Way Wy Place Pl
Terrace Tce Terr Circle Cir Parkway Pkwy Highway Hwy Square Sq Trl Crescent Cres Close Cl Grove Gr Walk Parade Pde
Esplanade Quay Wharf Rise Chase Gate Vale Wynd Mews Promenade Arcade Broadway Vista Via Viale Rua Calle Avenida Rue
Strasse Straße Weg Jalan Jln Lorong Soi Nagar Marg Salai Peth Chowk Ganj Zila Gali Bazar Bazaar Colony Layout Cross
Main Sector Enclave Vihar Puram Halli Wadi Mohalla Towers Apartments Residency Estate Housing Glade Row Path
Umgwaqo Indlela Isitaladi Straat Laan Gasse Gata Gatan Vei Veien Vägen Utca Ulica Sokak Caddesi
Brae Loan Vennel Gardens Heights Meadows Approach Causeway""".split()
PLAIN_STREET_WORDS = set("""street st road rd avenue ave av lane ln drive dr boulevard blvd highway hwy parkway pkwy
nagar marg ganj chowk salai jalan jln crescent cres terrace tce""".split())
_HOUSE_HEAD = r"(?:h\.?\s?no\.?|house(?: no\.?)?|flat(?: no\.?)?|studio|apt\.?|apartment|plot(?: no\.?)?|door no\.?|unit|block|blk\.?|lot|#)"
UNIT_LABEL = r"(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Flat|Block|Blk|Floor|Fl|Studio|Lot|Plot|House|H\.?[ \t]?No|Door No|Shop|#)"
# lower-case addresses need an address word before them ("staying at 155 haynes drives", "address: h.no. 62, ...")
_ADDRESS_WORD = (r"\b(?:address(?:\s+is)?\s*[:\-]?|(?:live|living|lives|stay|staying|stays|located|reside|residing)\s+at|"
                 r"(?:live|living|stay|staying)\s+on|(?:send|post|mail|deliver)\s+(?:it|them|letters|the \w+)?\s*to|"
                 r"letters go to)\s+")
UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[A-Z]{2}"
CA_POSTCODE = r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
PO_BOX = re.compile(r"(?i:\b(?:G\.?[ \t]?P\.?[ \t]?O\.?[ \t]?|P\.?[ \t]?O\.?[ \t]?|Post(?:al)?[ \t]+(?:Office[ \t]+)?)Box|"
                    r"\bPost[ \t]+Bag|\bPrivate[ \t]+Bag|\bP\.?M\.?B\.?(?=[ \t]*\d))(?i:[ \t]+No\.?)?[ \t]*[A-Za-z]?\d+(?:-\d+)?\b"
                    r"|\bBox[ \t]+\d{2,6}\b")
# "BP: 120/80, Platelets": a blood pressure, not a house number
_BP_BEFORE = re.compile(r"(?i)\b(?:bp|b/p|blood[ \t]+pressure|pressure)[ \t]*(?:was|is|of|=|:)?[ \t]*$")
_UNITS_AFTER_NUMBER = re.compile(r"(?i)\s*(?:mg|mcg|ml|kg|g|km|cm|mm|times?|tablets?|tabs?|pills?|days?|weeks?|months?|"
                                 r"years?|hours?|hrs?|mins?|minutes?|units?|iu|doses?|bpm|mmhg|%|x|am|pm|a\.m|p\.m|o['’]?clock)\b")


@lru_cache(maxsize=1)
def street_words() -> tuple[str, frozenset[str]]:
    """(regex alternation, folded set) of street-type words."""
    try:
        from faker.providers.address.en_US import Provider
        names = set(Provider.street_suffixes)
    except Exception:  # faker is part of the scrub extra; keep a fallback
        names = set()
    names |= set(EXTRA_STREET_WORDS)
    return ("|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)),
            frozenset(n.lower() for n in names))


# what says the next words are an address: "our home:", "clinic at", "send letters to", "address -"
_ADDRESS_BEFORE = re.compile(r"(?i)(?:address|home|live[sd]?[ \t]+at|living[ \t]+at|stay(?:ing)?[ \t]+at|located[ \t]+at|"
                             r"clinic[ \t]+at|find[ \t]+(?:us|our[ \t]+\w+)[ \t]+at|send[ \t]+(?:\w+[ \t]+)?to|post[ \t]+(?:\w+[ \t]+)?to|"
                             r"letters[ \t]+(?:go[ \t]+)?to)[ \t]*[:\-–]?[ \t]*$")


def _address_place(text: str, s: int, e: int) -> bool:
    """An address word right before, or the value alone on its line (a signature block's street line)."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    alone = not text[line_start:s].strip() and not text[e:len(text) if line_end < 0 else line_end].strip(" \t.,")
    return alone or bool(_ADDRESS_BEFORE.search(text, max(0, s - 40), s))


_MG_ROAD = re.compile(r"[ \t]*MG[ \t]+(?i:Road|Rd|Marg)\b")  # Mahatma Gandhi Road, not milligrams


_UNIT_WORDS = frozenset("apt apartment suite ste unit flat".split())
# "she's at", "we are at", "lives at": where a lower-case number + words + street word is an address
_AT_BEFORE = re.compile(r"(?i)(?:\b(?:she|he|they|we|i)(?:['’]?s|['’]?re|['’]?m|\s+(?:is|are|am|was|were))|\bshes|\bhes|\bim|"
                        r"\blives?|\bliving|\bstays?|\bstaying|\bresides?)\s+at\s+$")


def _slashed_ok(terms):
    """The words after a slashed number name a street: no stop, unit or medical word, one that is no English word, and no
    blood pressure before it."""
    from medcorpus.scrub.gazetteers import is_english

    def check(value: str, m: re.Match):
        words = value.split()[1:]
        if _BP_BEFORE.search(m.string, max(0, m.start() - 20), m.start()) or _UNITS_AFTER_NUMBER.match(" " + " ".join(words)):
            return None
        if any(w.lower() in STOP or looks_medical(w, terms) for w in words) or all(is_english(w) for w in words):
            return None
        return 0.7

    return check


# words of street names that are stop words elsewhere ("106 OLD MILL RD", "12 High Street")
_STREET_ADJECTIVES = frozenset("old new upper lower high great little long north south east west main first second third".split())


def _street_any_ok(terms):
    """Number + words + street word in any case: not a dose or a duration, no stop or medical word."""

    def check(value: str, m: re.Match):
        head = re.match(r"[#\w/-]*\d[\w/-]*,?", value)
        if head and _UNITS_AFTER_NUMBER.match(value, head.end()) and not _MG_ROAD.match(value, head.end()):
            return None
        words = [w for w in re.findall(r"(?<![\dA-Za-z])[A-Za-z][A-Za-z'’-]*", value[head.end() if head else 0:])
                 if w not in ("N", "S", "E", "W", "n", "s", "e", "w")]  # "77 E 42nd St": a direction and an ordinal are not words
        if len(words) < 2 - bool(re.search(r"\d(?:st|nd|rd|th)\b", value)) or re.fullmatch(r"(?:19|20)\d\d,?", head.group() if head else ""):
            return None
        if any((w.lower() in STOP and w.lower() not in _STREET_ADJECTIVES) or (looks_medical(w, terms) and w != "MG") for w in words[:-1]):
            return None  # "MG Road" (Mahatma Gandhi) is no dose
        if value.islower():  # "2 room flat" is not an address: a street word that says so, a name in it, or its place
            from medcorpus.scrub.gazetteers import is_english

            last = next((w for w in reversed(words) if w.lower() not in _UNIT_WORDS), words[-1])
            if last.lower().rstrip(".") not in PLAIN_STREET_WORDS and all(is_english(w) for w in words[:words.index(last)]) \
                    and not _address_place(m.string, m.start(), m.end()) \
                    and not _AT_BEFORE.search(m.string, max(0, m.start() - 16), m.start()):  # "shes at 35 chestnut parade"
                return None
            return 0.75
        return 0.8

    return check


def _site_place_ok(terms):
    """The name before "campus"/"branch": a known town, or words that are no English words ("the Head office" is none)."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english

    check = make_name_check(terms, 0.7, medical_veto=True, veto_any=True)

    def ok(value: str, m: re.Match):
        if fold(value) not in cities()[0] and any(is_english(w) for w in value.split()):
            return None
        return check(value, m)

    return ok


def _facility_place_ok(terms):
    """The words before a practice or school: a known town (GeoNames), first word or all of them, no English word."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english

    check = make_name_check(terms, 0.65, medical_veto=True, veto_any=True)

    def ok(value: str, m: re.Match):
        words = value.split()
        if fold(value) not in cities()[0] and (fold(words[0]) not in cities()[0] or any(is_english(w) for w in words)):
            return None  # "Evergreen Family Practice": a name of a practice, not a town ("Mount Gambier" is one)
        # a known town wins over a guess on the same words ("Canton" by spaCy alone is a common word opening a text)
        return check(value, m) and (0.86 if fold(value) in cities()[0] else 0.65)

    return ok


def _regions() -> str:
    from medcorpus.scrub.regions import ALLOWED_REGIONS

    names = [r for r in ALLOWED_REGIONS if len(r) > 3 and r not in {"east", "west", "north", "south", "gulf", "america"}]
    return "|".join(re.escape(r.title()).replace(r"\ ", r"[ \t]+") for r in sorted(names, key=len, reverse=True))


_TYPE_FIRST = (r"Calle|C/|Carrer|Carrera|Cra\.|Diagonal|Transversal|Jir[óo]n|Pasaje|Camino|Travesía|Avinguda|Estrada|Praça|Alameda|"
               r"Avenida|Av\.|Avda\.?|Paseo|Rua|Travessa|Via|Viale|Corso|Piazza|Rue|Boulevard|Bd\.?|Jalan|Jln\.?|Aleja|Aleje|(?<![Ee]t[ \t])al\.|"
               r"Lorong|Soi|Ulica|ul\.|Strada|Str\.|Calea|Sokak|Sok\.|Cadde(?:si)?|Cd\.|Ð?ường|Duong|Phố|Pho|Street|Road|Lane|"
               r"Avenue|All[ée]e|Chemin|Impasse|Quai|Cours|B[óo]thar|Sr[áa]id|Ascaill|Ard|Sraid|Heol|Ffordd|Stryd|L[ôo]n")
_UNIT_PAIR = (r"(?:blk|block|lot|phase|unit|flat|apt|house(?:[ \t]+no)?|h\.?[ \t]?no|plot(?:[ \t]+no)?|street|st|road|rd|"
              r"sector|lane|gali|building|bldg|floor)\.?[ \t]*[\w/-]*\d[\w/-]*")
_NAME_PARTICLE = r"de|del|de la|de los|la|le|les|du|des|di|da|do|dos|das|van|von|der|al|el|na|an|y|yr"


def address_patterns(terms) -> list[Rx]:
    suffixes, _ = street_words()
    return [
        # Bangladeshi / Pakistani blocks: "House 27, Road 4, Barker Housing Estate", "house 12, road 5, sector 3"
        Rx("house_road", re.compile(
            r"(?i:\bhouse[ \t]*(?:no\.?[ \t]*)?\d+[A-Za-z]?(?:/\d+)?,?[ \t]+(?:road|rd\.?|lane|street|st\.?)[ \t]*(?:no\.?[ \t]*)?"
            r"\d+[A-Za-z]?(?:,?[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:housing estate|housing society|residential area|r/a|"
            r"sector[ \t]*\d+|block[ \t]*[a-z0-9]{1,2}|phase[ \t]*\d+))?)"), 0.8),
        # Indian / British address heads: "H.No. 62, Barman Street", "37/575, Jhaveri Circle", "Flat 86, O'Connor Land"
        Rx("street_head", re.compile(
            r"(?<![\w/(])(?:(?:H\.?[ \t]?No\.?|House(?: No\.?)?|Flat|Studio|Apt\.?|Apartment|Plot(?: No\.?)?|Door No\.?|"
            r"Unit|Block)[ \t]*[\w/-]*\d[\w/-]*|\d{1,4}/\d{1,5}|\d{1,4}[A-Za-z]?|[A-Z]-\d{1,4}|No\.?[ \t]*\d{1,4}[A-Z]?-\d{1,4}),[ \t]+"
            rf"(?:{NAME_WORD}|O'{NAME_WORD})(?:[ \t]+{NAME_WORD}){{0,2}}(?![\w'])"), 0.7,
           validate=lambda v, m: None if re.match(r"(?:19|20)\d\d,", v) or v.split(",", 1)[1].split()[0].lower() in STOP
           or _BP_BEFORE.search(m.string, max(0, m.start() - 20), m.start()) else 0.7),
        # a slashed house number before a street named without a street word, then a comma: "14/3 Nguyen Trai, District 1"
        Rx("slashed_number", re.compile(rf"(?<![\w/.-])\d{{1,4}}/\d{{1,4}}[A-Za-z]?[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}(?=[ \t]*,)"),
           0.7, validate=_slashed_ok(terms)),
        # lower case, after an address word: "i am staying at 155 haynes drives", "address: h.no. 62, barman street"
        Rx("street_lower", re.compile(
            rf"(?i:{_ADDRESS_WORD})(?P<n>(?:{_HOUSE_HEAD}[ \t]*[\w/-]*\d[\w/-]*,?|\d{{1,5}}(?:/\d{{1,5}})?[a-z]?,?)"
            rf"(?:[ \t]+[a-z][a-z'’-]+\.?){{1,4}}[ \t]+(?i:{suffixes})\b\.?)"), 0.75, group="n"),
        Rx("house_lower", re.compile(
            rf"(?i:{_ADDRESS_WORD})(?P<n>(?i:{_HOUSE_HEAD})[ \t]*[\w/-]*\d[\w/-]*,?(?:[ \t]+\d{{1,5}}[a-z]?,?)?"
            rf"(?:[ \t]+[a-z][a-z'’-]+){{1,2}})"),
           0.75, group="n", validate=lambda v, m: None if v.split()[-1].lower() in STOP else 0.75),
        # a house number and words after an address word, no street word: "my address 8 hicks front", "letters go to 33, bhalla"
        Rx("number_lower", re.compile(
            rf"(?i:{_ADDRESS_WORD})(?P<n>\d{{1,5}}[a-z]?,?(?:[ \t]+[a-z][a-z'’-]+){{1,2}})"), 0.7, group="n",
           validate=lambda v, m: None if any(w.lower() in STOP for w in re.findall(r"[a-z'’-]+", v)) or _UNITS_AFTER_NUMBER.match(
               v, len(re.match(r"\d+[a-z]?,?", v).group())) else 0.7),
        # a house head says "address" on its own: "h.no. 033, mital ganj", "Door No 12/34, Gandhi Street"
        Rx("house_any", re.compile(
            r"(?i:\b(?:h\.?[ \t]?no\.?|house[ \t]+no\.?|door[ \t]+no\.?|plot[ \t]+no\.?|flat[ \t]+no\.?|d\.?[ \t]?no\.?)"
            r"[ \t]*[\w/-]*\d[\w/-]*,?(?:[ \t]+[A-Za-z][A-Za-z'’-]+){1,3})"), 0.75,
           validate=lambda v, m: None if v.split()[-1].lower() in STOP else 0.75),
        # number (+ comma) + 1-3 words + street word, any case: "111 harvey junction", "929, Gill Ganj", "No. 5 Adeola Close"
        Rx("street_any", re.compile(
            rf"(?<![A-Za-z0-9_/.,-])(?:No\.?[ \t]*)?(?:[A-Za-z]-)?\d{{1,6}}[A-Za-z]?(?:[/-]\d{{1,5}})?,?(?:[ \t]+(?:[A-Za-z][A-Za-z'’-]+|[NSEWnsew]|\d{{1,3}}(?:st|nd|rd|th))\.?){{1,3}}?"
            rf"[ \t]+(?i:{suffixes})\b\.?(?:,?[ \t]+(?i:apt|apartment|suite|ste|unit|flat|#)\.?[ \t]*\d[\w-]*)?"), 0.8,
           validate=_street_any_ok(terms)),
        Rx("street", re.compile(
            rf"(?<![A-Za-z0-9_])(?:No\.?[ \t]*)?\d{{1,6}}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+)?(?:[A-Z][A-Za-z'’-]+\.?\s+){{1,3}}(?:{suffixes})\.?"
            rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW|Lower|Upper|North|South|East|West|Extension|Ext\.?)\b)?"
            rf"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Room|Flat|#)\.?\s*[\w-]+)?"
            rf"(?:,?\s*\n?\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}},\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?)?(?!\w)"), 0.85),
        # the street word first or the number last: "Calle Mayor 5", "No. 7 Jalan Ampang", "55 rue de la Paix",
        # "Hauptstraße 12", "ul. Długa 4", "Via Roma 10", "Street 5" (after a house number)
        Rx("foreign_type_first", re.compile(
            rf"(?<![A-Za-z0-9_\u00c0-\u024f-])(?:(?:No\.?[ \t]*)?\d{{1,5}}[A-Za-z]?,?[ \t]+)?(?!via[ \t])(?i:{_TYPE_FIRST})[ \t]+"
            rf"(?:(?:{_NAME_PARTICLE})[ \t]+|[A-Z\u00c0-\u00de][\w'’.-]*(?:/\d{{1,4}})?[ \t]*|\d{{1,3}}[A-Za-z]{{0,2}}\b[ \t]*){{1,4}}"
            rf"(?:,?[ \t]*\d{{1,5}}[A-Za-z]?\b)?(?:/\d{{1,4}}\b)?(?:,?[ \t]*\d{{1,2}}[º°ª][ \t]?[A-Z]?\b)?"), 0.75,
           validate=lambda v, m: 0.75 if re.search(r"\d", v) else None),
        # a house number and a street of any name before a known town: "171 Kirkgate, Hexham", "106 OLD MILL RD, YANGGU"
        Rx("before_town", re.compile(r"(?<![A-Za-z0-9_/.,:-])(?P<n>(?:(?:Flat|Apt|Unit|FLAT|APT|UNIT)[ \t]*\d{1,4}[A-Za-z]?,[ \t]*)?\d{1,5}[A-Za-z]?"
                                     r"(?:[ \t]+(?:[A-Z][\w'’-]+|[a-z]{1,2})){1,4}),[ \t]+(?P<t>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
                                     r"(?=[ \t]*(?:[,.;|\n]|$))"), 0.7, group="n", validate=_before_town_ok(terms)),
        # a town in capitals before a health centre: "FAX TO: LES COTEAUX COMMUNITY HEALTH CENTRE"
        Rx("before_facility_caps", re.compile(r"(?<![A-Za-z])(?P<n>(?:(?!(?:COMMUNITY|GENERAL|DISTRICT|HEALTH|MEDICAL)\b)[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff]{2,}[ \t]?){1,4}?)"
                                              r"[ \t]*(?:COMMUNITY[ \t]+|GENERAL[ \t]+|DISTRICT[ \t]+)?(?:HEALTH[ \t]+CENT(?:RE|ER)|MEDICAL[ \t]+CENT(?:RE|ER)|"
                                              r"HOSPITAL|CLINIC|SURGERY|PHARMACY)\b"), 0.6, group="n", validate=_no_english_place(terms)),
        # a known town naming a practice, clinic or school: "our Didsbury practice", "Headingley Family Practice"
        Rx("before_facility", re.compile(rf"(?<![\w'’-])(?P<n>{CAP_NAME})[ \t]+(?:(?:Family|Medical|Health|Community|Dental|General)[ \t]+)?"
                                         rf"(?:[Pp]ractice|[Ss]urgery|[Cc]linic|Medical[ \t]+Cent(?:re|er)|Health[ \t]+Cent(?:re|er)|"
                                         rf"Primary(?:[ \t]+School)?|High[ \t]+School|Pathology|Radiology|Rovers|Rangers|Harriers|"
                                         rf"Wanderers|Athletic|United)\b"), 0.65, group="n",
           validate=_facility_place_ok(terms)),
        # a place named by the site there: "the Swords campus", "the Mtwapa branch"
        Rx("before_site", re.compile(rf"\bthe[ \t]+(?P<n>{CAP_NAME})[ \t]+(?:campus|branch|office|site|depot|plant|outlet)\b"), 0.7,
           group="n", validate=_site_place_ok(terms)),
        # a Singapore block: "Blk 88 Toa Payoh Central #12-34", "Block 5 Marine Terrace"
        Rx("sg_block", re.compile(
            r"(?<![A-Za-z0-9])(?:Blk|BLK|Block)[ \t]*\d{1,4}[A-Z]?,?(?:[ \t]+(?:[A-Z][a-z]+|\d{1,3}[A-Z]?)){1,4}(?:,?[ \t]*#\d{1,3}-\d{1,5})?"), 0.75,
           validate=lambda v, m: None if any(w.lower() in STOP for w in re.findall(r"[A-Za-z]+", v)[1:]) else 0.75),
        # a named road and its number, Singapore and Malaysia style: "Ang Mo Kio Ave 3", "Toa Payoh Lorong 1"
        Rx("name_type_number", re.compile(
            r"(?<![\w-])(?:[A-Z][a-z]+[ \t]+){1,3}(?:Lorong|Jalan|Avenue|Ave|Street|Road|Rd|Soi|Crescent|Industrial Park)"
            r"[ \t]+\d{1,3}[A-Z]?(?![\w-])"), 0.75,
           validate=lambda v, m: None if any(w.lower() in STOP for w in v.split()[:-2]) else 0.75),
        # two or more unit-number pairs: "Blk 12 Lot 4", "House No 12, Street 5", "Plot 45, Sector 12"
        Rx("house_units", re.compile(
            rf"(?i:\b{_UNIT_PAIR}(?:,?[ \t]+{_UNIT_PAIR})+)"), 0.8),
        Rx("foreign_compound", re.compile(
            r"(?<![A-Za-z0-9_\u00c0-\u024f-])[A-Z\u00c0-\u00de][\w\u00df-]*(?i:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|damm|ufer|laan|straat|"
            r"gracht|plein|vej|gade|gatan|vägen|veien|katu|tie|utca|ulica)[ \t]+\d{1,4}[a-z]?\b"
            # the number first: "14 Nørregade", "3 Kirkevej"
            r"|(?<![\w/.-])\d{1,4}[a-zA-Z]?[ \t]+[A-Z\u00c0-\u00de][\w\u00df-]*(?i:stra(?:ss|ß)e|weg|gasse|vej|gade|gatan|vägen|"
            r"veien|katu|laan|straat|gracht)\b"), 0.8),
        Rx("city_state_zip", re.compile(rf"\b[A-Z][a-z]*[A-Za-z][a-z]+(?:\s[A-Z][a-z]+){{0,2}},\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"), 0.85),
        Rx("military", re.compile(rf"\b(?:(?:USNS|USNV|USS|USCGC)[ \t]+[A-Z][a-z]+|PSC[ \t]+\d{{4}},?[ \t]+Box[ \t]+\d{{4}}|"
                                  rf"Unit[ \t]+\d{{4}}[ \t]+Box[ \t]+\d{{4}})\s*\n?\s*(?:FPO|DPO|APO)[ \t]+(?:AA|AE|AP)[ \t]+\d{{5}}\b"), 0.85),
        Rx("po_box", PO_BOX, 0.85),
        # Japanese block numbers (3-12-1 Shinjuku), Korean roads (123 Teheran-ro, 45 Sejong-daero 12-gil)
        Rx("jp_block", re.compile(r"(?<![\w-])\d{1,2}-(?:chome-)?\d{1,3}-\d{1,4}[ \t]+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?![\w-])"), 0.75),
        Rx("kr_road", re.compile(r"(?<![\w-])\d{1,5}(?:-\d{1,4})?[ \t]+[A-Z][a-z]+-(?:ro|daero|gil)(?:[ \t]+\d{1,4}(?:beon)?-?gil)?"
                                 r"(?![\w-])"), 0.8),
        # Turkish: "Cumhuriyet Cad. No:15 Daire:3", "Bağdat Caddesi No: 120", "Atatürk Mah. 12. Sok. No 4"
        Rx("tr_street", re.compile(r"(?:[A-ZÇĞİÖŞÜ][\wçğıöşü]*\.?[ \t]+){1,3}(?:Cad(?:desi)?|Sok(?:ak|ağı)?|Sk|Bulvar[ıi]|Blv)\.?"
                                   r"[ \t]*No[:.]?[ \t]*\d+[A-Za-z]?(?:[ \t/,]*(?:Daire|D|Kat|K)[:.]?[ \t]*\d+)*"), 0.8),
        # US rural routes, Indian cross/main chains, towers and floors: "RR 2 Box 45", "45, 2nd Cross, 3rd Main", "Tower B, 9th Floor"
        Rx("rural_route", re.compile(r"(?i:\b(?:RR|R\.R\.|Rural Route|HC|Star Route)[ \t]*\d+[ \t,]+Box[ \t]+\d+)\b"), 0.8),
        Rx("in_cross_main", re.compile(r"(?<![\w/.-])(?:\d{1,4}[A-Za-z]?(?:/\d{1,4})?,[ \t]*)?\d{1,2}(?:st|nd|rd|th)[ \t]+(?i:cross|main)"
                                       r"(?:,?[ \t]*\d{1,2}(?:st|nd|rd|th)[ \t]+(?i:cross|main))*\b"), 0.75),
        Rx("tower_floor", re.compile(r"(?i:\b(?:tower|wing|block|building|bldg\.?)[ \t]+[A-Z0-9]{1,3},?[ \t]*\d{1,2}(?:st|nd|rd|th)[ \t]+floor)\b"), 0.75),
        Rx("uk_postcode", re.compile(rf"(?<![\w-]){UK_POSTCODE}(?![\w-])"), 0.8),
        Rx("ca_postcode", re.compile(rf"(?<![\w-]){CA_POSTCODE}(?![\w-])"), 0.8),
        # a postcode in any case after its label: "postcode ls6 2ab"
        Rx("postcode_context", re.compile(rf"(?i:\b(?:post[ \t]?code|postal[ \t]+code|eircode)[ \t]*(?:is|:|-)?[ \t]*)"
                                          rf"((?i:{UK_POSTCODE}|{CA_POSTCODE}|[AC-FHKNPRTV-Y]\d{{2}}[ \t]?[0-9AC-FHKNPRTV-Y]{{4}}))(?![\w-])"),
           0.8, group=1),
        Rx("zip_context", re.compile(r"(?i)\b(?:zip|zip code|postal code|pin ?code|pincode|postcode)\s*(?:is|was|[:#-])?\s*(\d{4,6}(?:-\d{4})?|\d{2}-\d{3}|\d{3}-\d{4})(?![\w-])"),
           0.85, group=1),
        # a place before its state, province or country: "Saarlouis, Scotland", "Billings, Texas"
        Rx("before_region", re.compile(rf"(?<![\w'’-])(?P<n>{CAP_NAME}),[ \t]+(?:{_regions()})(?![\w-])"), 0.7,
           group="n", validate=make_name_check(terms, 0.7, medical_veto=True, veto_any=True)),
        Rx("lives_in", re.compile(rf"(?i:\b(?:i live in|i'm living in|i am living in|we live in|living in|lives in|"
                                  rf"i'm from|i am from|we are from|resident of|located in|based in|moved to|hometown|home in))"
                                  rf"\s+(?:The[ \t]+)?(?P<n>{CAP_NAME})"), 0.7, group="n", validate=make_name_check(terms, 0.7, medical_veto=True)),
        # a place's field: "Worksite: Centurion depot", "Suburb: Sunnybank Hills", "Town: Bath"
        Rx("place_field", re.compile(rf"(?im:^[ \t]*(?:city|town|village|suburb|district|county|worksite|work site|hometown|"
                                     rf"home town|place of birth|birthplace|municipality|locality|neighbou?rhood|parish)"
                                     rf"[ \t]*[:：][ \t]*)(?P<n>{CAP_NAME})"), 0.75, group="n",
           validate=make_name_check(terms, 0.75, medical_veto=True, veto_any=True)),
        Rx("from", re.compile(rf"(?<=[a-z0-9,])[ \t]+from[ \t]+(?P<n>{CAP_NAME})(?=[ \t]*[,.;!]|[ \t]+(?:and|who|but|with)\b)"), 0.6,
           group="n", validate=make_name_check(terms, 0.6, medical_veto=True, veto_any=True)),
        # "City of Port Phillip", "Borough of Wandsworth": a local government area by its formal name
        Rx("city_of", re.compile(rf"\b(?:City|Town|Borough|County|Municipality|Shire|District|Village|Township|Parish)[ \t]+of[ \t]+"
                                 rf"(?:the[ \t]+)?{CAP_NAME}"), 0.75, validate=make_name_check(terms, 0.75, medical_veto=True)),
        # "at Headingley clinic", "at Roxbury Medical Group": the place a practice is named after (no English word)
        Rx("at_facility", re.compile(rf"\b(?:at|from|to|near)[ \t]+(?P<n>{CAP_NAME})[ \t]+(?:clinic|surgery|practice|pharmacy|hospital|"
                                     rf"health[ \t]+cent(?:re|er)|medical[ \t]+cent(?:re|er)|Medical[ \t]+Group|Medical[ \t]+Cent(?:re|er)|"
                                     rf"Health[ \t]+Cent(?:re|er)|Pathology|Radiology)\b"), 0.6, group="n", validate=_no_english_place(terms)),
    ] + more_address_patterns(suffixes)


def _before_town_ok(terms):
    """The street of "<number> <words>, <town>": the town is one GeoNames knows, the words are no
    medical words or units ("took 200 Panadol, Hexham" is no street: a drug)."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english, is_small_town, person_names

    def ok(value: str, m: re.Match):
        words = re.findall(r"[A-Za-z][\w'’-]*", value.split(",")[-1])
        town = m.group("t")
        if not words or (_UNITS_AFTER_NUMBER.match(" " + " ".join(words)) and not TYPE_AT_END.search(value)):
            return None  # "200 MG, Leeds" is a dose; "148 MG ROAD" a road
        if fold(town) not in cities()[0] and not is_small_town(town) \
                and (any(is_english(w) for w in town.split() + words) or fold(town) in person_names()[0]):
            return None  # an unknown town only where neither it nor the street is an English word ("171 Kirkgate, Hexham")
        if any(looks_medical(w, terms) or terms.is_medical_word(w) or w.lower() in STOP for w in words if len(w) > 2):
            return None
        return 0.7

    return ok


def _no_english_place(terms):
    """A capitalised name of no English, medical or first-name word: a town, not "Evergreen" or "Sarah"."""
    from medcorpus.scrub.gazetteers import cities, fold, is_english, is_small_town, person_names

    check = make_name_check(terms, 0.6, medical_veto=True, veto_any=True)

    def ok(value: str, m: re.Match):
        words = re.split(r"[ \t-]+", value)
        if fold(value) not in cities()[0] and any(is_english(w) or fold(w) in person_names()[0] for w in words) \
                and not (len(words) > 1 and is_small_town(value)):
            return None  # "at Crown Heights Medical Group" names a neighbourhood; "at Sunrise Family Clinic" not
        return check(value, m)

    return ok

TYPE_AT_END = re.compile(r"(?i:\b(?:st|street|ave|avenue|rd|road|lorong|jalan|soi|drive|dr|crescent|lane|ln))\.?$")
