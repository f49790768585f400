"""Chinese values of the blind14 PII split (bench/scrub_blind14.py): family-first names (compound
surnames, minority names, English given names), mainland / Hong Kong / Taiwan / Macau / Singapore
phones, city / district / town / village, road and estate lines with postcodes, resident IDs with GB 11643
check digits, and the hospital and insurance numbers of 出院小结, 转诊单, 检验报告, 处方笺, 体检表 and 理赔."""
from __future__ import annotations

import datetime as dt

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF

from scrub_blind14_values import (ZH_CITIES, ZH_DISEASES, ZH_DISTRICTS, ZH_DRUGS, ZH_ENGLISH_GIVEN, ZH_ESTATES,
                                  ZH_GIVEN, ZH_MINORITY, ZH_PROVINCES, ZH_ROADS, ZH_SURNAMES, ZH_TOWNS)

MED = "blind14-medical"
ZH_REGIONS = ["CN", "CN", "CN", "CN", "CN", "CN", "HK", "TW", "MO", "SG"]
_AREA = ["110105", "310104", "440106", "320102", "510107", "420106", "330106", "350203", "530102", "650102"]
_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_resident_id(area: str, birth: dt.date, seq: int) -> str:
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, _W)) % 11]


class ZhValues:
    def __init__(self, rnd, en_values):
        self.rnd, self.en = rnd, en_values

    def new_doc(self) -> None:
        r = self.rnd
        self.name = self._name()
        self.name2 = self._name(self.name[0] if r.random() < 0.5 and self.name[0] in ZH_SURNAMES else None)
        self.clin = self._name()
        self.dob = self.en._day(1936, 2018)
        self.visit = self.en._day(2019, 2025)
        self.city = r.choice(ZH_CITIES) + r.choice(["", "", "市"])

    def _name(self, surname: str | None = None) -> str:
        r = self.rnd
        roll = r.random()
        if roll < 0.08 and surname is None:
            return r.choice(ZH_MINORITY)
        s = surname or r.choice(ZH_SURNAMES)
        if roll < 0.15:
            return r.choice(ZH_ENGLISH_GIVEN) + r.choice(["", " "]) + s
        if roll < 0.22:
            return r.choice(["老", "小"]) + s
        return s + r.choice(ZH_GIVEN)

    def phone(self) -> str:
        r = self.rnd
        region = r.choice(ZH_REGIONS)
        while True:
            if region == "CN" and r.random() < 0.3:  # landline with area code
                area = r.choice(["10", "21", "20", "755", "571", "28", "512", "591"])
                local = str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(7 if len(area) < 3 else 6))
                num = phonenumbers.parse(f"+86{area}{local}")
            else:
                ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
                nsn = phonenumbers.national_significant_number(ex)
                head = r.choice(["130", "135", "138", "139", "150", "158", "177", "186", "189", "199"]) \
                    if region == "CN" else nsn[:2]
                num = phonenumbers.parse(f"+{ex.country_code}" + head +
                                         "".join(r.choice("0123456789") for _ in range(len(nsn) - len(head))))
            if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
                break
        nat = phonenumbers.format_number(num, PNF.NATIONAL)
        e164 = phonenumbers.format_number(num, PNF.E164)
        if region != "CN":
            return r.choice([phonenumbers.format_number(num, PNF.INTERNATIONAL), e164])
        nsn = e164[3:]
        return r.choice([nsn, nsn, nat, nat.replace(" ", "-"), e164, "+86 " + nat.lstrip("0"),
                         f"{nsn[:3]} {nsn[3:7]} {nsn[7:]}" if nsn[0] == "1" else nat])

    def street(self) -> str:
        r = self.rnd
        road = f"{r.choice(ZH_ROADS)}{r.randint(1, 388)}号"
        return r.choice([road,
                         f"{road}{r.choice(ZH_ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元"
                         f"{r.randint(1, 28)}0{r.randint(1, 4)}室",
                         f"{r.choice(ZH_ESTATES)}{r.randint(1, 12)}-{r.randint(1, 3)}-{r.randint(101, 2804)}"])

    def addr(self) -> list:
        r = self.rnd
        out = [(r.choice(ZH_PROVINCES), None, None)] if r.random() < 0.4 else []
        out += [(self.city, "LOCATION", None), (r.choice(ZH_DISTRICTS), "LOCATION", None)]
        if r.random() < 0.3:
            out.append((r.choice(ZH_TOWNS), "LOCATION", None))
        out.append((self.street(), "STREET", None))
        if r.random() < 0.45:
            out += [(r.choice(["，邮编", " 邮编：", "（邮编"]), None, None), (f"{r.randint(100000, 850000)}", "STREET", None)]
            if out[-2][0].startswith("（"):
                out.append(("）", None, None))
        return out

    def date(self, day: dt.date) -> str:
        r = self.rnd
        return r.choice([f"{day.year}年{day.month}月{day.day}日", f"{day:%Y-%m-%d}", f"{day.year}.{day.month}.{day.day}",
                         f"{day:%Y/%m/%d}", f"{day:%y}年{day.month}月{day.day}号",
                         f"{day.year}年{day.month:02d}月{day.day:02d}日"])

    def email(self) -> str:
        r = self.rnd
        return r.choice([f"{r.randint(10000, 3999999999)}@qq.com",
                         f"{r.choice(['zhang', 'li', 'wang', 'chen', 'huang'])}"
                         f"{r.choice(['wei', 'fang', 'min', 'lei', 'jing'])}{r.randint(1, 99)}@"
                         f"{r.choice(['163.com', '126.com', 'sina.com', 'foxmail.com'])}",
                         f"{r.choice(['amy', 'kevin', 'coco'])}_{r.randint(1970, 2005)}@outlook.com"])

    def url(self) -> str:
        r = self.rnd
        return r.choice([f"https://www.jkzx-online.cn/report?id={r.randint(10 ** 7, 10 ** 8)}",
                         f"mp.weixin.qq.com/s/{self.en.letters(4)}{r.randint(100, 999)}{self.en.letters(3).lower()}",
                         f"http://tijian.renkang-health.com/r/{r.randint(10 ** 5, 10 ** 6)}",
                         f"https://lp.ankang-baoxian.com.cn/claim/{r.randint(10 ** 6, 10 ** 7)}",
                         f"www.yiliao-cx.cn/q/{self.en.letters(2).lower()}{r.randint(1000, 9999)}"])

    def ident(self, kind: str) -> str:
        r, d = self.rnd, self.en.digits
        if kind == "sfz":
            return cn_resident_id(r.choice(_AREA), self.dob, r.randint(1, 999))
        return {"zy": lambda: r.choice([f"ZY{self.visit.year}{d(5)}", d(7), f"{d(2)}-{d(6)}"]),
                "zmz": lambda: r.choice([f"MZ{d(9)}", d(10), f"{self.visit:%Y%m%d}{d(4)}"]),
                "bah": lambda: r.choice([d(6), f"BA{d(7)}"]),
                "zbb": lambda: r.choice([f"{self.visit:%y%m%d}{d(4)}", f"S{d(8)}"]),
                "yb": lambda: r.choice([f"{d(4)} {d(4)} {d(4)} {d(4)}", f"{self.en.letters(1)}{d(8)}", d(12)]),
                "zcf": lambda: r.choice([f"CF{d(8)}", f"{self.visit:%Y%m%d}-{d(3)}"]),
                "tj": lambda: r.choice([f"TJ{self.visit:%Y%m}{d(4)}", d(9)]),
                "bd": lambda: r.choice([f"P{d(2)}0{d(5)}{self.visit.year}{d(6)}", f"{d(4)}-{d(6)}-{d(4)}"]),
                "lp": lambda: r.choice([f"LP{self.visit:%Y%m%d}{d(4)}", f"CL-{d(8)}"])}[kind]()

    def slot(self, name: str) -> list:
        r = self.rnd
        people = {"zname": self.name, "zname2": self.name2, "zclin": self.clin}
        if name in people:
            return [(people[name], "PERSON", None)]
        if name in ("zphone", "zphone2"):
            return [(self.phone(), "PHONE", None)]
        places = {"zcity": lambda: self.city,
                  "zdistrict": lambda: r.choice(ZH_DISTRICTS), "ztown": lambda: r.choice(ZH_TOWNS)}
        if name in places:
            return [(places[name](), "LOCATION", None)]
        if name == "zstreet":
            return [(self.street(), "STREET", None)]
        if name == "zaddr":
            return self.addr()
        if name in ("zdate", "zdate2", "zdob"):
            day = {"zdob": self.dob, "zdate": self.visit,
                   "zdate2": self.visit + dt.timedelta(days=r.randint(3, 21))}[name]
            return [(self.date(day), "DATE", None)]
        if name == "zemail":
            return [(self.email(), "EMAIL", None)]
        if name == "zurl":
            return [(self.url(), "URL", None)]
        if name in ("sfz", "zy", "zmz", "bah", "zbb", "yb", "zcf", "tj", "bd", "lp"):
            return [(self.ident(name), "ID", None)]
        if name in ("zdrug", "zdrug2"):
            return [(r.choice(ZH_DRUGS), None, MED)]
        if name in ("zdx", "zdx2"):
            return [(r.choice(ZH_DISEASES), None, MED)]
        if name == "zsex":
            return [(r.choice("男女"), None, None)]
        if name == "zage":
            return [(str(r.randint(3, 92)), None, None)]
        raise KeyError(name)
