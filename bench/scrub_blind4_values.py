"""Value makers for the fourth blind PII split (bench/scrub_blind4.py): names of many cultures in many
shapes, phones valid under `phonenumbers` for 30 regions, places below state level, street addresses in
national shapes, emails, URLs, labelled ID numbers and dates in English and Chinese shapes.
Every draw comes from the caller's `random.Random`; lists are fixed tuples (no set order)."""
from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat as F

NAMES = (  # (first, last, nickname)
    ("Oluwaseun", "Adebayo", "Seun"), ("Chidinma", "Okafor", "Chi"), ("Wanjiru", "Kamau", "Wanji"),
    ("Tadesse", "Bekele", "Tad"), ("Priyanka", "Raghunathan", "Priya"), ("Harpreet", "Sandhu", "Harp"),
    ("Siddharth", "Venkataraman", "Sid"), ("Nguyen", "Thi Lan", "Lan"), ("Thu", "Pham", "Thu"),
    ("Kwame", "Asante", "Kwam"), ("Aroha", "Te Rangi", "Ro"), ("Sione", "Fifita", "Si"),
    ("Malia", "Tuilagi", "Mal"), ("Bartosz", "Wiśniewski", "Bart"), ("Zsófia", "Kovács", "Zsofi"),
    ("Siobhán", "O'Sullivan", "Shiv"), ("Ciarán", "Mac Giolla", "Kier"), ("Dmitri", "Volkov", "Dima"),
    ("Anastasia", "Petrova", "Nastya"), ("Mehmet", "Yılmaz", "Memo"), ("Fatima", "Al-Hashimi", "Fati"),
    ("Youssef", "Benali", "Yoyo"), ("Rosângela", "Figueiredo", "Rosa"), ("João Pedro", "Carvalho", "JP"),
    ("María José", "Gutiérrez Lozano", "Majo"), ("Ximena", "Quispe", "Xime"), ("Hamish", "MacLeod", "Ham"),
    ("Bridget", "Fairweather", "Bridie"), ("Dwayne", "Whitlock", "D"), ("Lakshmi", "Subramanian", "Lux"),
    ("Kofi", "Mensah", "Kof"), ("Ingrid", "Solberg", "Inga"), ("Pieter", "van der Merwe", "Piet"),
    ("Yusuf", "Rahimi", "Yus"), ("Nomvula", "Dlamini", "Nomi"), ("Jun-ho", "Park", "Junie"),
    ("Haruka", "Nakamura", "Haru"), ("Rangi", "Parata", "Rangi"), ("Esperanza", "Villanueva", "Espie"),
    ("Teodoro", "Dimaculangan", "Teddy"), ("Aigerim", "Nurlanovna", "Aika"), ("Gwendolyn", "Pryce", "Gwen"),
    ("Mateo", "Ríos-Calderón", "Teo"), ("Ayesha", "Siddiqui", "Ash"), ("Bao", "Tran", "Bao"),
)
HYPHEN_LASTS = ("Smith-Okonkwo", "Lindqvist-Haddad", "Moreau-Baptiste", "Evans-Mbeki", "Kaur-Gill")

ZH_SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "郭", "何",
               "欧阳", "司马", "诸葛", "上官", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董")
ZH_GIVEN = ("秀英", "桂兰", "建国", "志强", "晓燕", "子涵", "浩然", "雨桐", "国栋", "春梅", "俊杰", "思远",
            "丽娟", "海波", "玉珍", "明", "静", "磊", "婷", "伟", "欣怡", "梓轩", "德福", "淑芬")
JA_KO_NAMES = ("佐藤健一", "铃木美咲", "高桥大辅", "田中裕子", "渡边翔太", "金敏俊", "朴智妍", "李承宪", "崔秀晶", "郑允浩")


def en_name(rnd, shape: str | None = None) -> str:
    first, last, nick = rnd.choice(NAMES)
    if rnd.random() < 0.12:
        last = rnd.choice(HYPHEN_LASTS)
    shape = shape or rnd.choice(("full", "full", "first", "comma", "initials", "lower", "caps", "nick", "last"))
    return {"full": f"{first} {last}", "first": first, "comma": f"{last}, {first}", "last": last,
            "initials": f"{first[0]}. {last}" if rnd.random() < 0.5 else f"{first[0]}.{last[0]}. {last}",
            "lower": f"{first} {last}".lower(), "caps": f"{first} {last}".upper(), "nick": nick}[shape]


def zh_name(rnd) -> str:
    surname, given = rnd.choice(ZH_SURNAMES), rnd.choice(ZH_GIVEN)
    return rnd.choice((surname + given, surname + given, "老" + surname[-1], "小" + surname[-1], given))


PHONE_REGIONS = ("US", "CA", "GB", "AU", "NZ", "IE", "IN", "PK", "NG", "KE", "ZA", "GH", "PH", "MY", "SG",
                 "DE", "FR", "IT", "ES", "NL", "BR", "MX", "JP", "KR", "VN", "TH", "AE", "SA", "PL", "TR", "NO")


def phone(rnd, region: str | None = None) -> str:
    """A number `phonenumbers.is_valid_number` accepts, in an international, national, E.164 or dotted form."""
    region = region or rnd.choice(PHONE_REGIONS)
    base = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    num = base
    for _ in range(30):
        digits = str(base.national_number)
        cand = digits[:-5] + "".join(str(rnd.randrange(10)) for _ in range(5))
        trial = phonenumbers.parse("+" + str(base.country_code) + cand)
        if phonenumbers.is_valid_number(trial):
            num = trial
            break
    form = rnd.choice(("intl", "intl", "national", "e164", "dots", "dashes"))
    if form == "national":
        return phonenumbers.format_number(num, F.NATIONAL)
    if form == "e164":
        return phonenumbers.format_number(num, F.E164)
    text = phonenumbers.format_number(num, F.INTERNATIONAL)
    return text.replace(" ", {"intl": " ", "dots": ".", "dashes": "-"}[form], ) if form != "dashes" else \
        text.replace(" ", "-", ).replace("+-", "+")


def zh_phone(rnd) -> str:
    p = phone(rnd, "CN")
    digits = "".join(ch for ch in p if ch.isdigit())[-11:]
    if not digits.startswith("1"):
        return p
    return rnd.choice((digits, f"{digits[:3]} {digits[3:7]} {digits[7:]}", f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
                       f"+86 {digits}", p))


PLACES = ("Wagga Wagga", "Dandenong", "Geelong", "Ballarat", "Rotorua", "Tauranga", "Swansea", "Leeds", "Dundee",
          "Galway", "Cork", "Tacoma", "Fresno", "Bakersfield", "Mississauga", "Red Deer", "Pune", "Thane", "Mysuru",
          "Kumasi", "Enugu", "Eldoret", "Kisumu", "Mombasa", "Ipoh", "Davao", "Cebu City", "Da Nang", "Nha Trang",
          "Chiang Mai", "Bergen", "Stavanger", "Tromsø", "Gdańsk", "Soweto", "Durban", "Aberdeen", "Lubbock",
          "Ogden", "Sault Ste. Marie", "Port Harcourt", "Hyderabad", "Ludhiana", "Nakuru", "Broome", "Whanganui")
ZH_PLACES = ("佛山", "南海区", "昆山", "义乌", "东莞", "宝安区", "海淀区", "绍兴", "柳州", "遵义", "开平", "晋江",
             "朝阳区", "黄岩区", "周庄镇", "小榄镇", "石牌村", "临安", "江阴", "鹤壁", "景洪", "满洲里", "延吉", "喀什")
STREET_NAMES = ("Larkspur", "Marlowe", "Banksia", "Kingfisher", "Tamarind", "Wattle", "Juniper", "Harbourview",
                "Old Mill", "St Brendan's", "Cedar Hollow", "Mount Pleasant", "Kaimai")


def street(rnd) -> str:
    n, name = rnd.randrange(1, 9800), rnd.choice(STREET_NAMES)
    shapes = (f"{n} {name} Ln Apt {rnd.randrange(1, 40)}{rnd.choice('ABCD')}", f"Flat {rnd.randrange(1, 30)}, {n % 200 + 1} {name} Road",
              f"Unit {rnd.randrange(1, 20)}/{n % 90 + 1} {name} Cres", f"{name.replace(' ', '')}straße {n % 120 + 1}",
              f"{n % 80 + 1} rue des Tanneurs", f"PO Box {n}", f"P.O. Box {n % 900 + 10}", f"{n} {name} Dr.",
              f"House No. {n % 400 + 1}, {rnd.randrange(2, 19)}th Cross", f"Lot {n % 300 + 1} {name} Rd",
              f"{n % 60 + 1}/{n % 7 + 2} Calle {name}", f"{n} N {name} St, Suite {rnd.randrange(100, 900)}")
    return rnd.choice(shapes)


def zh_street(rnd) -> str:
    a, b, c = rnd.randrange(1, 300), rnd.randrange(1, 30), rnd.randrange(101, 2802)
    return rnd.choice((f"建设路{a}号{b}栋{c}室", f"幸福里小区{b}号楼{b % 4 + 1}单元{c}", f"解放东路{a}弄{b}号",
                       f"人民南路{a}号", f"中山二路{a}号院{b}号楼", f"光明村{b}组{a}号"))


def email(rnd, name: str = "") -> str:
    first, last, nick = rnd.choice(NAMES)
    user = rnd.choice((f"{nick}{rnd.randrange(70, 99)}", f"{first[:1]}.{last}".replace(" ", ""), f"{last}_{rnd.randrange(1, 999)}".replace(" ", "")))
    user = user.lower().replace("'", "").encode("ascii", "ignore").decode() or "pat"
    return user + "@" + rnd.choice(("gmail.com", "yahoo.co.uk", "outlook.com", "proton.me", "hotmail.fr", "icloud.com",
                                    "bigpond.net.au", "rediffmail.com", "qq.com", "163.com", "web.de"))


def url(rnd) -> str:
    slug = "".join(rnd.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(6)) + str(rnd.randrange(10, 99))
    return rnd.choice((f"https://www.facebook.com/{slug}", f"instagram.com/{slug}", f"https://gofundme.com/f/help-{slug}",
                       f"www.linkedin.com/in/{slug}", f"https://t.me/{slug}", f"http://{slug}.blogspot.com",
                       f"https://weibo.com/u/{rnd.randrange(10**9, 10**10)}", f"https://www.tiktok.com/@{slug}"))


def _digits(rnd, n: int) -> str:
    return "".join(str(rnd.randrange(10)) for _ in range(n))


def en_id(rnd) -> tuple[str, str]:
    """(label words, value)."""
    d = lambda n: _digits(rnd, n)  # noqa: E731
    return rnd.choice((("MRN", d(8)), ("NHS number", f"{d(3)} {d(3)} {d(4)}"), ("Medicare no.", f"{d(4)} {d(5)} {d(1)}"),
                       ("policy #", f"HX-{d(3)}-{d(4)}"), ("passport", f"K{d(7)}"), ("Aadhaar", f"{d(4)} {d(4)} {d(4)}"),
                       ("SSN", f"{d(3)}-{d(2)}-{d(4)}"), ("inmate no.", f"{d(5)}-{d(3)}"), ("member ID", f"WQX{d(9)}"),
                       ("health card", f"{d(4)}-{d(3)}-{d(3)}-AB"), ("chart number", f"C{d(6)}"), ("IHI", f"8003 {d(4)} {d(4)} {d(4)}")))


def cn_id(rnd) -> str:
    body = rnd.choice(("110105", "440606", "330782", "520302")) + str(rnd.randrange(1940, 2006)) + \
        f"{rnd.randrange(1, 13):02d}{rnd.randrange(1, 29):02d}" + _digits(rnd, 3)
    w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]


def zh_id(rnd) -> tuple[str, str]:
    return rnd.choice((("身份证号", cn_id(rnd)), ("医保卡号", "YB" + _digits(rnd, 10)), ("病历号", _digits(rnd, 9)),
                       ("就诊卡号", _digits(rnd, 12)), ("护照号", "E" + _digits(rnd, 8))))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date(rnd) -> str:
    y, m, d = rnd.randrange(1938, 2027), rnd.randrange(1, 13), rnd.randrange(1, 29)
    mon = MONTHS[m - 1]
    return rnd.choice((f"{mon} {d}, {y}", f"{d} {mon} {y}", f"{m}/{d}/{y}", f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}",
                       f"{d}{'st' if d in (1, 21) else 'nd' if d in (2, 22) else 'rd' if d in (3, 23) else 'th'} of {mon}", f"{mon[:3]} {d} '{y % 100:02d}", f"{mon.lower()} {d}", f"{d}-{mon[:3]}-{y}"))


ZH_DIGITS = "〇一二三四五六七八九"


def zh_date(rnd) -> str:
    y, m, d = rnd.randrange(1938, 2027), rnd.randrange(1, 13), rnd.randrange(1, 29)
    han = "".join(ZH_DIGITS[int(c)] for c in str(y))
    return rnd.choice((f"{y}年{m}月{d}日", f"{m}月{d}号", f"{han}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}"))


CONDITIONS_EN = ("Bell's palsy", "Hashimoto's thyroiditis", "Crohn's disease", "Raynaud's", "Sjögren's syndrome",
                 "Addison's disease", "Wilson's disease", "Paget's disease", "Lyme disease", "Tourette syndrome",
                 "Ménière's disease", "Kawasaki disease", "Marfan syndrome", "Baker's cyst", "Dupuytren's contracture",
                 "preeclampsia", "mastitis", "plantar fasciitis", "tendinitis", "Graves' disease", "Huntington's chorea")
DRUGS_EN = ("Warfarin", "Sertraline", "Ibuprofen", "Amlodipine", "Lisinopril", "Losartan", "Atorvastatin", "Adalimumab",
            "Levothyroxine", "Gabapentin", "Metoprolol", "Pregabalin", "Clopidogrel", "Mesalamine", "Ventolin", "Xarelto",
            "Ozempic", "Naproxen", "Fluoxetine", "Rosuvastatin", "Candesartan", "Methotrexate", "Prednisolone")
CONDITIONS_ZH = ("头晕", "咳嗽", "失眠", "高血压", "糖尿病", "湿疹", "胃炎", "甲状腺结节", "痛风", "荨麻疹", "腰椎间盘突出", "乳腺增生")
DRUGS_ZH = ("二甲双胍", "阿莫西林", "布洛芬", "六味地黄丸", "板蓝根", "黄芪", "当归", "氨氯地平", "缬沙坦", "连花清瘟胶囊",
            "阿托伐他汀", "奥美拉唑")
