"""Values planted in the blind split (bench/scrub_blind.py): valid phone numbers of many regions
written the ways people write them, and `BlindValues`, which draws a document's names, places,
streets, IDs, dates, e-mails, URLs and medical terms. Written for issue 18 by the `blind` engineer
without reading the recognizers or the other splits. Lists: bench/scrub_blind_lists.py."""
from __future__ import annotations

import re

import phonenumbers
from scrub_blind_lists import (BRANDS, BUILDINGS, DISEASE_WORDS, DRUGS, EN_STREET_NAMES, EN_STREET_TYPES, EPONYMS,
                               FAKER_CITY_LOCALES, IN_STREETS, NG_STREETS, PLACES, ROMANISED, WORD_NAMES, ZH_DISEASES,
                               ZH_HERBS, ZH_PLACES, ZH_ROADS, ZH_SYMPTOMS)


# ---------------------------------------------------------------- phones
def valid_number(rnd, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A random number libphonenumber calls valid for the region: the example number with its last
    digits redrawn until valid."""
    kind = phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    digits = str(example.national_number)
    for _ in range(200):
        keep = max(2, len(digits) - rnd.randint(4, 8))
        cand = digits[:keep] + "".join(str(rnd.randint(0, 9)) for _ in range(len(digits) - keep))
        num = phonenumbers.parse("+" + str(example.country_code) + cand)
        if phonenumbers.is_valid_number(num) and not cand.endswith("0000"):
            return num
    return example


def phone_text(rnd, region: str, mobile: bool | None = None) -> str:
    """The number written the ways people write it: national, international, E.164, with hand-made
    grouping, dots, dashes, parentheses, an extension."""
    if mobile is None:
        mobile = rnd.random() < 0.7
    num = valid_number(rnd, region, mobile)
    F = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(num, F.NATIONAL)
    intl = phonenumbers.format_number(num, F.INTERNATIONAL)
    nsn = "".join(ch for ch in national if ch.isdigit())
    cc = str(num.country_code)
    sig = str(num.national_number)
    style = rnd.randrange(9)
    if region == "CN" and not mobile and rnd.random() < 0.6:
        area = national.split()[0].strip("()")
        return f"{area}-{nsn[len(area):]}"
    if region in ("US", "CA") and style in (5, 6, 7):
        a, b, c = sig[:3], sig[3:6], sig[6:]
        out = rnd.choice([f"{a}.{b}.{c}", f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}", f"1-{a}-{b}-{c}"])
        return out + (rnd.choice([" ext. ", " x", " ext "]) + str(rnd.randint(10, 999)) if rnd.random() < 0.3 else "")
    if style == 0:
        return intl
    if style == 1:
        return "+" + cc + sig
    if style == 2:
        return nsn
    if style == 3:  # hand grouping of the national digits
        cut = [4, 5] if len(nsn) >= 10 else [3]
        a = rnd.choice(cut)
        return f"{nsn[:a]} {nsn[a:a + 3]} {nsn[a + 3:]}" if rnd.random() < 0.5 else f"{nsn[:a]} {nsn[a:]}"
    if style == 4:
        return intl.replace(" ", "-") if rnd.random() < 0.5 else f"00{cc} {sig}"
    if style == 5 and region in ("GB", "AU", "NZ", "IE"):
        return f"+{cc} (0){intl.split(' ', 1)[1]}"
    if style == 6:
        return f"+{cc}-{sig}" if rnd.random() < 0.5 else f"(+{cc}) {sig[:len(sig) // 2]} {sig[len(sig) // 2:]}"
    return national


# ---------------------------------------------------------------- per-document values
STYLE_NAMES = {  # Faker locales (or ROMANISED keys) whose names an author of the style has
    "formal": ["en_US", "en_GB", "de_DE", "it_IT", "pl_PL", "es_MX", "pt_BR", "tr_TR", "KR", "AR", "JP", "MIX"],
    "texting": ["en_US", "en_AU", "en_IN", "en_NG", "PH", "vi_VN", "MIX"],
    "indian": ["en_IN"], "british": ["en_GB", "ga_IE", "IRL"], "australian": ["en_AU", "en_NZ"],
    "nigerian": ["en_NG", "yo_NG"], "filipino": ["PH", "en_PH"], "form": ["en_US", "en_IN", "pl_PL", "tr_TR", "vi_VN", "AR"],
    "mixed": ["CNPY", "en_US"], "chinese": ["CNPY"],
}
STYLE_REGIONS = {  # (place lists, phone regions)
    "formal": (["US", "GB", "XX"], ["US", "CA", "GB", "DE"]), "texting": (list(PLACES), ["US", "AU", "IN", "NG", "PH",
    "GB"]),
    "indian": (["IN"], ["IN"]), "british": (["GB", "IE"], ["GB", "IE"]), "australian": (["AU"], ["AU", "NZ"]),
    "nigerian": (["NG"], ["NG", "GH", "KE"]), "filipino": (["PH"], ["PH"]), "form": (list(PLACES), ["DE", "PK", "MY",
    "ZA", "AE", "FR"]),
    "mixed": (["XX", "US"], ["SG", "MY", "HK", "CN"]), "chinese": (["XX"], ["CN"]),
}
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "yahoo.co.in", "rediffmail.com", "outlook.com", "hotmail.co.uk", "bigpond.com",
                "ymail.com", "icloud.com", "btinternet.com", "live.com.au", "proton.me", "mail.ru", "gmx.de"]
ZH_MAIL = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com"]
CLINICS = ["Sunrise Family Clinic", "Healing Touch Polyclinic", "Green Valley Medical Centre", "Lifeline Diagnostics",
           "CarePoint Health", "Evergreen Family Practice", "Harbourside Medical Practice", "Good Shepherd Hospital",
           "Mercy Specialist Hospital", "Wellspring Clinic", "Cityview Health Centre", "Silver Oak Multispeciality Hospital",
           "Lotus Women's Clinic", "Prime Care Medical Center", "Blue Gum Medical", "Unity Specialist Clinic"]


def _ascii(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


class BlindValues:
    """Draws every value from one random.Random; `new_doc(style)` fixes the patient, the doctor
    and the region of a document, `get(key)` returns its pieces (text, ENTITY, medical KIND)."""

    def __init__(self, rnd):
        from faker import Faker

        self.rnd = rnd
        self.fakers = {}
        for loc in sorted({l for ls in STYLE_NAMES.values() for l in ls if "_" in l} | set(FAKER_CITY_LOCALES) | {"zh_CN",
                                                                           "zh_TW"}):
            self.fakers[loc] = Faker(loc)
            self.fakers[loc].seed_instance(rnd.randint(0, 1 << 30))

    def _name(self, source: str) -> tuple[str, str]:
        if source in ROMANISED:
            firsts, lasts = ROMANISED[source]
            return self.rnd.choice(firsts), self.rnd.choice(lasts)
        f = self.fakers[source]
        return f.first_name().strip(), f.last_name().strip()

    def new_doc(self, style: str) -> None:
        rnd = self.rnd
        self.style = style
        self.first, self.last = self._name(rnd.choice(STYLE_NAMES[style]))
        if rnd.random() < 0.15:
            self.first = rnd.choice(WORD_NAMES)
        self.dr_first, self.dr_last = self._name(rnd.choice(STYLE_NAMES[style]))
        self.place_regions, self.phone_regions = STYLE_REGIONS[style]
        zh = self.fakers[rnd.choice(["zh_CN", "zh_CN", "zh_TW"])]
        self.zname, self.zlast = zh.name(), zh.last_name()

    def place(self) -> str:
        region = self.rnd.choice(self.place_regions)
        if self.rnd.random() < 0.2 and region in ("IN", "XX"):
            loc = "en_IN" if region == "IN" else self.rnd.choice(FAKER_CITY_LOCALES[1:])
            return self.fakers[loc].city().strip()
        return self.rnd.choice(PLACES[region])

    def street(self) -> str:
        rnd, n = self.rnd, self.rnd.randint(2, 240)
        region = rnd.choice(self.place_regions)
        name, kind = rnd.choice(EN_STREET_NAMES), rnd.choice(EN_STREET_TYPES)
        if rnd.random() < 0.1:
            return rnd.choice([f"PO Box {rnd.randint(100, 9999)}",
                               f"P.O. Box {rnd.randint(10, 999)}-{rnd.randint(10000, 99999)}"])
        if region == "IN":
            return rnd.choice([f"H.No. {rnd.randint(1, 16)}-{rnd.randint(1, 9)}-{rnd.randint(1, 400)}, {rnd.choice(IN_STREETS)}",
                               f"{rnd.choice('ABCDE')}-{rnd.randint(101, 1204)}, {rnd.choice(BUILDINGS)}, {rnd.choice(IN_STREETS)}",
                               f"Plot {n}, Sector {rnd.randint(2, 62)}", f"{n}/{rnd.randint(1, 9)}, {name} Lane"])
        if region in ("GB", "IE"):
            return rnd.choice([f"Flat {rnd.randint(1, 30)}, {n} {name} {kind}", f"{n} {name} {kind}",
                               f"{rnd.randint(1, 9)} {name} Cottages"])
        if region == "AU":
            return rnd.choice([f"Unit {rnd.randint(1, 30)}/{n} {name} {kind}", f"{n} {name} {kind}"])
        if region == "NG":
            return rnd.choice([f"No. {n} {rnd.choice(NG_STREETS)}", f"Plot {n}, {rnd.choice(NG_STREETS)}"])
        if region == "PH":
            return f"Blk {rnd.randint(1, 40)} Lot {rnd.randint(1, 60)} {name} St"
        if region == "XX" and rnd.random() < 0.3:
            return f"{rnd.choice(['Haupt', 'Linden', 'Bahnhof', 'Garten'])}straße {n}"
        return rnd.choice([f"{n} {name} {kind}",
                           f"{n * 10 + rnd.randint(0, 9)} {name} {kind} Apt {rnd.randint(1, 12)}{rnd.choice('ABCD')}",
                           f"{n} W {rnd.randint(2, 99)}th St"])

    def ident(self, kind: str) -> str:
        rnd = self.rnd
        digits = lambda k: "".join(str(rnd.randint(0, 9)) for _ in range(k))  # noqa: E731
        if kind == "mrn":
            return rnd.choice([digits(8), f"H-{digits(4)}-{digits(3)}", f"AP{digits(10)}", f"PT-{digits(5)}",
                               f"{digits(4)}/{digits(2)}", f"MR{digits(7)}"])
        if kind == "ins":
            by_style = {"australian": f"{digits(4)} {digits(5)} {rnd.randint(1, 9)}",
                        "british": f"{digits(3)} {digits(3)} {digits(4)}",
                        "filipino": f"{digits(2)}-{digits(9)}-{digits(1)}", "nigerian": f"NHIS/{digits(3)}/{digits(4)}",
                        "indian": f"{digits(2)}-{digits(4)}-{digits(4)}-{digits(4)}"}
            if self.style in by_style:
                return by_style[self.style]
            return rnd.choice([f"{digits(4)} {digits(5)} {rnd.randint(1, 9)}", f"{digits(3)} {digits(3)} {digits(4)}",
                               f"W{digits(9)}", f"POL-{digits(5)}-{rnd.choice(['XK', 'QA', 'ZT'])}",
                               f"{digits(2)}-{digits(9)}-{digits(1)}", f"NHIS/{digits(3)}/{digits(4)}",
                               f"{digits(2)}-{digits(4)}-{digits(4)}-{digits(4)}"])
        return rnd.choice([f"{rnd.randint(100, 665)}-{digits(2)}-{digits(4)}",
                           f"{rnd.randint(2, 9)}{digits(3)} {digits(4)} {digits(4)}",
                           f"{''.join(rnd.choice('ABCDEFGHJKLMNPRSTWXYZ') for _ in range(5))}{digits(4)}{rnd.choice('ABCFHPT')}",
                           f"{rnd.randint(1, 9)}{digits(10)}",
                           f"{rnd.choice(['AB', 'JK', 'PR', 'TW'])}{digits(6)}{rnd.choice('ABCD')}",
                           f"{digits(2)}-{digits(7)}-{digits(1)}"])

    def date(self, birth: bool, zh: bool = False) -> str:
        import datetime

        rnd = self.rnd
        day = (datetime.date(1935, 1, 1) + datetime.timedelta(days=rnd.randint(0, 70 * 365)) if birth
               else datetime.date(2022, 1, 1) + datetime.timedelta(days=rnd.randint(0, 900)))
        if zh:
            return rnd.choice([f"{day.year}年{day.month}月{day.day}日", f"{day.year}.{day.month}.{day.day}",
                               f"{day.month}月{day.day}日" if not birth else f"{day.year}-{day.month:02d}-{day.day:02d}"])
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
        return rnd.choice([day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y"), f"{day.day}{suffix} {day:%B %Y}",
                           f"{day:%B} {day.day}, {day.year}", day.isoformat(), day.strftime("%d.%m.%y"),
                           day.strftime("%d-%b-%Y"), f"{day.day} {day:%b} {day.year}",
                           f"{day.day}{suffix} {day:%B}" if not birth else day.strftime("%d/%m/%y")])

    def cn_id(self) -> str:
        rnd = self.rnd
        body = f"{rnd.choice(['110105', '310104', '440106', '330106', '510107', '320102'])}{rnd.randint(1950, 2005)}" \
               f"{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]

    def get(self, key: str) -> list[tuple[str, str | None, str | None]]:
        rnd = self.rnd
        P, M = "PERSON", "blind-medical"
        simple = {
            "name": (f"{self.first} {self.last}", P), "first": (self.first, P), "last": (self.last, P),
            "name_lc": (f"{self.first} {self.last}".lower(), P), "first_lc": (self.first.lower(), P),
            "dr": (f"{self.dr_first} {self.dr_last}", P), "dr_first": (self.dr_first, P), "dr_last": (self.dr_last, P),
            "dr_lc": (f"{self.dr_first} {self.dr_last}".lower(), P),
            "zname": (self.zname, P), "zlast": (self.zlast, P),
        }
        if key in simple:
            return [(simple[key][0], simple[key][1], None)]
        if key == "rel":
            first = rnd.choice(WORD_NAMES) if rnd.random() < 0.4 else self._name(rnd.choice(STYLE_NAMES[self.style]))[0]
            return [(first, P, None)]
        if key == "rel_full":
            return [(" ".join(self._name(rnd.choice(STYLE_NAMES[self.style]))), P, None)]
        if key == "zrel":
            return [(self.fakers["zh_CN"].name(), P, None)]
        if key in ("place", "place_lc", "place2"):
            p = self.place()
            return [(p.lower() if key == "place_lc" else p, "LOCATION", None)]
        if key == "street":
            return [(self.street(), "STREET", None)]
        if key == "addr":
            return [(self.street(), "STREET", None), (", ", None, None), (self.place(), "LOCATION", None)]
        if key in ("phone", "phone_any"):
            regions = self.phone_regions if key == "phone" else ["GB", "IN", "AU", "CN", "NG", "PH", "DE", "US", "CA",
                                                   "IE", "NZ", "KE"]
            return [(phone_text(rnd, rnd.choice(regions)), "PHONE", None)]
        if key == "zmobile":
            return [(phone_text(rnd, "CN", True), "PHONE", None)]
        if key == "zland":
            return [(phone_text(rnd, "CN", False), "PHONE", None)]
        if key in ("email", "zemail"):
            if key == "zemail":
                user = rnd.choice([str(rnd.randint(10**7, 10**10)),
                                                                    f"{rnd.choice(['xiaoyu', 'happy', 'lily', 'wangjun', 'chenmama'])}{rnd.randint(1, 999)}"])
                return [(f"{user}@{rnd.choice(ZH_MAIL)}", "EMAIL", None)]
            f, l = _ascii(self.first) or "pt", _ascii(self.last) or "mail"
            user = rnd.choice([f"{f}.{l}{rnd.randint(1, 99)}", f"{f}{l}", f"{f[0]}_{l}", f"{l}.{f}{rnd.randint(60, 99)}",
                               f"{f}{rnd.randint(100, 9999)}"])
            return [(f"{user}@{rnd.choice(MAIL_DOMAINS)}", "EMAIL", None)]
        if key == "url":
            tok = "".join(rnd.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rnd.randint(6, 12)))
            f, l = _ascii(self.first) or "me", _ascii(self.last) or "x"
            return [(rnd.choice([f"https://drive.google.com/file/d/{tok}/view", f"bit.ly/{tok[:6]}",
                                 f"https://imgur.com/a/{tok[:7]}",
                                 f"facebook.com/{f}.{l}.{rnd.randint(1, 99)}",
                                 f"www.{_ascii(self.dr_last) or 'dr'}clinic.com.au",
                                 f"https://wa.me/{rnd.randint(10**10, 10**11)}",
                                 f"http://www.dropbox.com/s/{tok}/scan.pdf"]), "URL", None)]
        if key in ("mrn", "ins", "natid"):
            return [(self.ident(key), "ID", None)]
        if key == "zid":
            return [(self.cn_id(), "ID", None)]
        if key in ("dob", "visit", "zdob", "zvisit"):
            return [(self.date(birth=key.endswith("dob"), zh=key.startswith("z")), "DATE", None)]
        if key == "zplace":
            return [(rnd.choice(ZH_PLACES), "LOCATION", None)]
        if key == "zstreet":
            road = rnd.choice(ZH_ROADS) + rnd.choice(["路", "大道", "街", "东路", "北路"]) + f"{rnd.randint(1, 399)}号"
            if rnd.random() < 0.4:
                road += f"{rnd.randint(1, 30)}栋{rnd.randint(1, 6)}单元{rnd.randint(1, 30)}0{rnd.randint(1, 4)}室"
            return [(road, "STREET", None)]
        if key == "clinic":
            return [(rnd.choice(CLINICS), None, None)]
        med = {"drug": DRUGS, "drug2": DRUGS, "brand": BRANDS, "epon": EPONYMS, "dis": DISEASE_WORDS,
               "zherb": ZH_HERBS, "zherb2": ZH_HERBS, "zsym": ZH_SYMPTOMS, "zdis": ZH_DISEASES}
        if key in med:
            return [(rnd.choice(med[key]), None, M)]
        if key == "Drug":
            return [(rnd.choice(DRUGS).capitalize(), None, M)]
        raise KeyError(f"unknown blind placeholder {{{key}}}")
