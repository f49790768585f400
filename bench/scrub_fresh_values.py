"""Values of the fresh PII split (see scrub_fresh.py): name, town and street sources the other
splits do not use, brand-name drugs and eponymous diseases that must stay, Chinese county-level
cities, national phone shapes of other countries."""
from __future__ import annotations

import random
# ----------------------------------------------------------------------------- values
NAME_LOCALES = ["en_US", "en_IE", "en_NZ", "fr_CA", "pt_PT", "es_AR", "cs_CZ", "hu_HU", "ro_RO", "sv_SE", "fi_FI",
                "da_DK", "no_NO", "hr_HR", "sl_SI", "zu_ZA", "yo_NG", "ha_NG", "ig_NG", "en_KE", "en_TH", "sk_SK"]
CITY_LOCALES = ["pt_PT", "es_AR", "cs_CZ", "sv_SE", "fi_FI", "da_DK", "sk_SK", "hr_HR", "sl_SI", "zu_ZA", "en_BD"]
STREET_LOCALES = ["en_AU", "en_NZ", "en_IE", "en_MS", "zu_ZA", "en_BD", "en_CA", "en_US"]
TOWNS = [t.strip() for t in """Hosur, Tirupur, Nanded, Akola, Jalgaon, Bhiwandi, Ichalkaranji, Hospet, Gadag, Bidar,
Karimnagar, Nizamabad, Ongole, Eluru, Kakinada, Rajahmundry, Tenali, Anantapur, Kurnool, Davangere, Shimoga, Udupi,
Tumkur, Mandya, Hassan, Bellary, Raichur, Gulbarga, Bijapur, Dharwad, Karwar, Sagar, Rewa, Satna, Katni, Sagar,
Bhilai, Korba, Durg, Rourkela, Sambalpur, Berhampur, Balasore, Muzaffarpur, Darbhanga, Bhagalpur, Purnia, Begusarai,
Aligarh, Mathura, Firozabad, Etawah, Jhansi, Sitapur, Bahraich, Gonda, Basti, Ballia, Mirzapur, Azamgarh, Rohtak,
Hisar, Karnal, Panipat, Sonipat, Ambala, Yamunanagar, Bhiwani, Sirsa, Hoshiarpur, Moga, Barnala, Pathankot, Hapur,
Iloilo, Bacolod, Tacloban, Dumaguete, Zamboanga, Cagayan de Oro, Baguio, Legazpi, Naga, Tagbilaran, Olongapo,
Kisii, Eldoret, Nyeri, Thika, Machakos, Meru, Malindi, Garissa, Jinja, Mbarara, Gulu, Arusha, Moshi, Dodoma, Mwanza,
Tamale, Ho, Cape Coast, Takoradi, Sunyani, Onitsha, Aba, Owerri, Warri, Calabar, Uyo, Ilorin, Osogbo, Akure, Sokoto,
Maiduguri, Jos, Bauchi, Zaria, Kaduna, Abeokuta, Makurdi, Lokoja, Minna, Yola, Bukavu, Kananga, Ndola, Kitwe,
Chipata, Livingstone, Blantyre, Lilongwe, Mzuzu, Bulawayo, Mutare, Gweru, Masvingo, Polokwane, Nelspruit,
Kimberley, Bloemfontein, Rustenburg, George, Knysna, Pietermaritzburg, Mthatha, Gqeberha, Rajshahi, Bogura, Comilla,
Jessore, Mymensingh, Rangpur, Dinajpur, Barisal, Narayanganj, Gazipur, Biratnagar, Birgunj, Butwal, Dharan, Hetauda,
Nepalgunj, Jaffna, Batticaloa, Trincomalee, Anuradhapura, Kurunegala, Ratnapura, Matara, Negombo, Hyderabad Sindh,
Sukkur, Larkana, Mardan, Abbottabad, Bahawalpur, Sargodha, Gujranwala, Sahiwal, Okara, Kasur, Jhelum, Chakwal,
Ipswich, Bendigo, Ballarat, Toowoomba, Rockhampton, Mackay, Bundaberg, Lismore, Tamworth, Wagga Wagga, Launceston,
Devonport, Palmerston North, Napier, Hastings, Rotorua, Gisborne, Timaru, Invercargill, Lethbridge, Kamloops,
Nanaimo, Sudbury, Thunder Bay, Moncton, Fredericton, Sherbrooke, Trois-Rivieres, Red Deer, Medicine Hat,
Kalamazoo, Muncie, Terre Haute, Bloomington, Decatur, Joplin, Lawton, Abilene, Amarillo, Lubbock, Odessa, Yuma,
Flagstaff, Prescott, Pueblo, Greeley, Casper, Cheyenne, Missoula, Pocatello, Twin Falls, Bend, Medford, Eugene,
Yakima, Bellingham, Redding, Chico, Modesto, Visalia, Bakersfield, Lafayette, Shreveport, Monroe, Biloxi, Hattiesburg,
Gadsden, Macon, Albany, Valdosta, Florence, Greenville, Rocky Mount, Roanoke, Lynchburg, Altoona, Scranton, Utica,
Elmira, Bangor, Dover, Barrow-in-Furness, Kettering, Grantham, Spalding, Boston, Skegness, Stafford, Shrewsbury,
Hereford, Worcester, Kidderminster, Bridgwater, Taunton, Yeovil, Barnstaple, Newquay, Falmouth, Aberystwyth,
Bangor, Wrexham, Inverness, Stirling, Perth, Dumfries, Ayr, Kilmarnock, Armagh, Omagh, Newry, Athlone, Sligo,
Letterkenny, Drogheda, Dundalk, Kilkenny, Carlow, Wexford, Ennis, Tullamore, Mullingar""".replace("\n", " ").split(",")]
STREET_SHAPES = ["PO Box {n4}", "P.O. Box {n3}-{n5}", "Private Bag X{n3}", "Flat {n2}{L}, {n3} {Last} Road",
                 "#{n2}, {n1}th Cross, {n1}th Main, {Last} Layout", "Plot No. {n3}, Sector {n2}",
                 "{n1}-{n1}-{n3}/{n2}, {Last} Nagar", "Unit {n2}/{n3} {Last} Street", "{n3} {Last} Rd, Apt {n2}",
                 "House {n2}, Road {n1}, {Last} Housing Estate", "{n2} {Last} Crescent", "{n3}B {Last} Close",
                 "{n4} N {Last} Ave Ste {n3}", "Block {n2}, {Last} Towers, Flat {n3}", "{n2} Old {Last} Road",
                 "Door No {n2}/{n3}, {Last} Street", "Lot {n2}, Jalan {Last} {n1}", "No. {n2}, {Last} Close, off {Last2} Way"]
POSTCODE_SHAPES = ["{n4}", "{n5}", "{n6}", "{L}{L}{n1} {n1}{L}{L}", "{n3} {n3}", "{n5}-{n4}", "{n3} {n2}"]
BRANDS = """Lipitor Crestor Nexium Synthroid Lyrica Zyrtec Allegra Claritin Benadryl Motrin Aleve Tylenol Xanax Valium
Ativan Ambien Prozac Lexapro Zoloft Wellbutrin Seroquel Abilify Humira Enbrel Januvia Jardiance Ozempic Eliquis Xarelto
Coumadin Lasix Norvasc Zestril Flomax Cialis Valtrex Tamiflu Singulair Ventolin Advair Flonase Prilosec Pepcid Imodium
Dulcolax Augmentin Cipro Bactrim Flagyl Diflucan Keflex Zithromax Medrol Plaquenil Crocin Dolo Combiflam Ecosprin Telma
Glycomet Thyronorm Shelcal Becosules Neurobion Zincovit Calpol Panadol Nurofen Voltaren Buscopan Gaviscon Rennie Otrivin
Betadine Dettol Savlon Vicks Strepsils Volini Moov Liv52 Cetaphil Eucerin Aquaphor Neosporin Bepanthen Canesten
Daktarin Lamisil Rogaine Propecia Accutane Retin-A Differin Epiduo""".split()
DRUGS = """ibuprofen naproxen amoxicillin azithromycin metformin amlodipine omeprazole pantoprazole cetirizine loratadine
paracetamol prednisolone montelukast salbutamol levothyroxine atorvastatin sertraline escitalopram gabapentin tramadol""".split()
DISEASES = """Lyme_disease Stevens-Johnson_syndrome Guillain-Barre_syndrome Hirschsprung's_disease Behcet's_disease
Still's_disease Reye's_syndrome Sheehan's_syndrome Conn's_syndrome Pott's_disease Buerger's_disease Takayasu_arteritis
Ehlers-Danlos_syndrome Klinefelter_syndrome Turner_syndrome Asperger's Munchausen_syndrome Baker's_cyst Bartholin's_cyst
Achilles_tendinitis Scheuermann's_disease Sever's_disease Tietze's_syndrome Zollinger-Ellison_syndrome Wernicke's
Korsakoff_syndrome Chagas_disease Ebola Zika Hodgkin's_lymphoma Lou_Gehrig's_disease Tay-Sachs Gaucher's_disease
Fabry_disease Pompe_disease Niemann-Pick Addison's_disease Hashimoto's_thyroiditis Graves'_disease Kawasaki_disease
Peyronie's_disease Osgood-Schlatter Paget's_disease Wegener's Henoch-Schonlein_purpura Legionnaires'_disease""".split()
ZH_CITIES = """顺德 南海 番禺 萧山 余杭 江宁 浦东 闵行 海淀 宝安 龙岗 慈溪 余姚 张家港 常熟 太仓 丹阳 如皋 海门 启东 石狮 南安 福清
长乐 瑞安 乐清 诸暨 上虞 永康 东阳 寿光 胶州 即墨 平度 莱州 龙口 荣成 滕州 邹城 新泰 肥城 章丘 迁安 武安 任丘 定州 辛集 孝义 介休
霍州 满洲里 二连浩特 敦化 珲春 绥芬河 都江堰 彭州 邛崃 阆中 仁怀 赤水 凯里 都匀 个旧 开远 瑞丽 景洪 格尔木 德令哈 库尔勒 阿克苏
伊宁 石河子 韶山 浏阳 醴陵 耒阳 冷水江 吉首 恩施 利川 丹江口 仙桃 天门 潜江 汉川 应城 泸州 自贡 攀枝花 乐山 眉山 雅安 广元 达州
六盘水 安顺 曲靖 玉溪 保山 昭通 铜仁 毕节 北海 钦州 柳州 梧州 玉林 百色 河池 贺州 韶关 梅州 河源 清远 潮州 揭阳 云浮 茂名 阳江""".split()
ZH_DISTRICTS = ["人民路", "解放路", "中山路", "建设路", "和平街", "新华路", "幸福小区", "阳光花园", "花园小区", "东风路"]
ZH_SYMPTOMS = """咳嗽 发烧 拉肚子 胃疼 头疼 睡不着 掉头发 长痘 心跳快 腰疼 膝盖疼 月经推迟 手脚发麻 眼睛干 耳朵痒 嗓子哑 打呼噜
胸口闷 小便黄 大便干""".split()
ZH_DRUGS = """布洛芬 阿莫西林 蒙脱石散 奥美拉唑 氯雷他定 双黄连口服液 小柴胡颗粒 感冒灵颗粒 板蓝根颗粒 健胃消食片 金嗓子喉宝
六味地黄丸 逍遥丸 藿香正气液 枸杞 黄芪 当归 维生素B 钙尔奇 善存""".split()
CN_MOBILE_SHAPES = ["152-####-####", "138 #### ####", "+86 177 #### ####", "8613#########", "147########", "(+86)135########"]
CN_LANDLINE_SHAPES = ["0592-#######", "0311-########", "(0731)########", "0898 ########", "022-2#######"]
PHONE_SHAPES = ["+27 8# ### ####", "08# ### ####", "+65 9### ####", "9### ####", "+353 8# ### ####", "08# ### ####",
                "+33 6 ## ## ## ##", "06 ## ## ## ##", "+880 17## ######", "017########", "+977 98########",
                "+94 7# ### ####", "+256 7## ######", "+255 7## ### ###", "+233 2# ### ####", "024 ### ####",
                "+1 (###) ###-####", "###-###-####", "+44 7### ### ###", "07### ###-###", "+91 9#### #####",
                "9#### #####", "+61 4## ### ###", "04## ### ###", "+64 2# ### ####", "+234 803 ### ####", "0803 ### ####",
                "+63 917 ### ####", "0917-###-####", "+971 50 ### ####", "+92 300 #######", "0300-#######"]
CLINIC_SHAPES = ["{Last} Family Practice", "{city} General Hospital", "{Last} Medical Group", "Riverside Clinic",
                 "{Last} & {Last2} Surgery", "Good Shepherd Hospital", "{city} Health Centre", "{Last} Memorial Hospital",
                 "Green Valley Polyclinic", "{Last} Eye Hospital"]


def _digits(rnd: random.Random, n: int) -> str:
    return str(rnd.randint(1, 9)) + "".join(str(rnd.randint(0, 9)) for _ in range(n - 1))


def shape(rnd: random.Random, text: str, last=None) -> str:
    """'#' -> a digit; {n3} -> three digits; {L} -> a capital letter; {Last} -> a surname."""
    import re
    import string

    text = "".join(str(rnd.randint(0, 9)) if c == "#" else c for c in text)
    text = re.sub(r"\{n(\d)\}", lambda m: _digits(rnd, int(m.group(1))), text)
    text = re.sub(r"\{L\}", lambda m: rnd.choice(string.ascii_uppercase), text)
    return re.sub(r"\{Last2?\}", lambda m: last() if last else "Oak", text)


class FreshValues:
    """Identifier values of the fresh split: `get(slot)` -> (value, label) as in scrub_splits.Values."""

    def __init__(self, rnd: random.Random):
        from faker import Faker

        self.rnd = rnd
        locales = sorted(set(NAME_LOCALES + CITY_LOCALES + STREET_LOCALES + ["en_US", "zh_CN", "zh_TW"]))
        self.fakers = {loc: Faker(loc) for loc in locales}
        for loc in locales:
            self.fakers[loc].seed_instance(rnd.randint(0, 1 << 30))
        self.cache: dict[str, tuple[str, str | None]] = {}

    def new_doc(self) -> None:
        self.cache = {}

    def get(self, slot: str) -> tuple[str, str | None]:
        if slot not in self.cache:
            self.cache[slot] = self._make(slot)
        return self.cache[slot]

    def _f(self, locs):
        return self.fakers[self.rnd.choice(locs)]

    def _last(self) -> str:
        return self._f(NAME_LOCALES).last_name()

    def _city(self) -> str:
        return self.rnd.choice(TOWNS) if self.rnd.random() < 0.5 else self._f(CITY_LOCALES).city()

    def _street(self) -> str:
        if self.rnd.random() < 0.5:
            return shape(self.rnd, self.rnd.choice(STREET_SHAPES), self._last)
        return self._f(STREET_LOCALES).street_address().replace("\n", ", ")

    def _make(self, slot: str) -> tuple[str, str | None]:
        rnd = self.rnd
        case = "lower" if slot.endswith("_lower") else "upper" if slot.endswith("_upper") or slot.isupper() else ""
        base = slot.lower().replace("_lower", "").replace("_upper", "")
        value, label = self._value(base)
        if case == "lower":
            value = value.lower()
        elif slot[0].isupper() and not case:  # {Drug}: capitalised
            value = value[:1].upper() + value[1:]
        elif case == "upper":
            value = value.upper()
        return value, label

    def _value(self, base: str) -> tuple[str, str | None]:
        rnd = self.rnd
        if base in ("name", "name2", "first", "first2", "first3", "last", "doctor", "doctor_last"):
            f = self._f(NAME_LOCALES)
            first, last = f.first_name(), f.last_name()
            return {"name": f"{first} {last}", "name2": f"{first} {last}", "first": first, "first2": first,
                    "first3": first, "last": last, "doctor": f"{first} {last}", "doctor_last": last}[base], "PERSON"
        if base in ("city", "city2"):
            return self._city(), "CITY"
        if base == "street":
            return self._street(), "STREET"
        if base == "pobox":
            return shape(rnd, rnd.choice(["PO Box {n4}", "P.O. Box {n3}", "P O Box {n5}", "Post Box No. {n3}"])), "STREET"
        if base == "postcode":
            return shape(rnd, rnd.choice(POSTCODE_SHAPES)), "STREET"
        if base in ("phone", "phone2"):
            return shape(rnd, rnd.choice(PHONE_SHAPES)), "PHONE"
        if base == "email":
            f = self._f(NAME_LOCALES)
            user = rnd.choice(["{f}.{l}", "{f}{n}", "{l}_{f}", "{f}{l}{n}"]).format(
                f=f.first_name().lower(), l=f.last_name().lower(), n=rnd.randint(1, 99))
            import unicodedata

            user = unicodedata.normalize("NFKD", user).encode("ascii", "ignore").decode().replace(" ", "")
            return user + "@" + rnd.choice(["gmail.com", "yahoo.co.in", "outlook.com", "hotmail.co.uk", "mail.ru",
                                            "icloud.com", "protonmail.com", "rediffmail.com"]), "EMAIL"
        if base == "url":
            return rnd.choice(["https://drive.google.com/drive/folders/", "https://photos.app.goo.gl/",
                               "http://imgur.com/a/", "https://www.dropbox.com/s/"]) + "".join(
                rnd.choice("abcdefghijkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(rnd.randint(6, 18))), "URL"
        if base == "mrn":
            return shape(rnd, rnd.choice(["{n3} {n3} {n4}", "{n7}", "{L}{L}{n6}", "{n8}", "{n2}-{n6}"])), "ID"
        if base in ("dob", "visit"):
            f = self.fakers["en_US"]
            d = f.date_between("-80y", "-1y") if base == "dob" else f.date_between("-1y", "today")
            return d.strftime(rnd.choice(["%d %b %Y", "%b %d %Y", "%d-%m-%Y", "%d/%m/%y", "%A %d %B %Y", "%m/%d/%Y"])), "DATE"
        if base == "clinic":
            return shape(rnd, rnd.choice(CLINIC_SHAPES).replace("{city}", self._city()), self._last), "ORG"
        if base == "drug":
            return rnd.choice(DRUGS), "MED:planted-drug"
        if base in ("brand", "brand2"):
            return rnd.choice(BRANDS), "MED:planted-brand"
        if base == "disease":
            return rnd.choice(DISEASES).replace("_", " "), "MED:planted-disease"
        if base == "age":
            return str(rnd.randint(19, 84)), None
        zh = self.fakers[rnd.choice(["zh_CN", "zh_CN", "zh_TW"])]
        if base == "zh_name":
            return zh.name(), "PERSON"
        if base == "zh_last":
            return zh.last_name(), "PERSON"
        if base == "zh_city":
            c = rnd.choice(ZH_CITIES)
            return (c + rnd.choice(["市", "区", ""]) if rnd.random() < 0.4 else c), "CITY"
        if base == "zh_district":
            return rnd.choice(ZH_DISTRICTS) + shape(rnd, "{n2}号"), "STREET"
        if base == "zh_symptom":
            return rnd.choice(ZH_SYMPTOMS), "MED:planted-zh"
        if base == "zh_drug":
            return rnd.choice(ZH_DRUGS), "MED:planted-zh"
        if base == "cn_mobile":
            return shape(rnd, rnd.choice(CN_MOBILE_SHAPES)), "PHONE"
        if base == "cn_landline":
            return shape(rnd, rnd.choice(CN_LANDLINE_SHAPES)), "PHONE"
        raise KeyError(f"unknown slot {base!r}")
