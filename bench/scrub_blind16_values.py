"""Values of the blind16 split: phones (generated per region and kept only when `phonenumbers` calls
them valid, in national, international, E.164 and oddly spaced shapes), labelled IDs with real check
digits where the card has one, person-tied dates in each culture's order, emails, URLs and the medical
words planted next to them. Names and places come from scrub_blind16_names / scrub_blind16_places."""
from __future__ import annotations

import datetime as dt
import random
import string
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat as F

from scrub_blind16_ids import ID_MAKERS, cn_resident_id

# culture -> (home regions, diaspora regions) of the phones its people give
PHONE_REGIONS = {
    "india": (("IN",), ("AE", "GB", "US", "SA")), "pakistan": (("PK",), ("AE", "SA", "GB", "QA")),
    "nigeria": (("NG",), ("GB", "US", "GH", "CA")), "kenya": (("KE",), ("QA", "UG", "TZ", "US")),
    "south_africa": (("ZA",), ("GB", "AU", "BW", "NA")), "philippines": (("PH",), ("SA", "AE", "HK", "JP")),
    "malaysia": (("MY",), ("SG", "AU", "BN")), "singapore": (("SG",), ("MY", "AU", "ID")),
    "caribbean": (("JM", "TT", "BB"), ("US", "CA", "GB")), "ireland": (("IE",), ("GB", "AU", "US")),
    "scotland": (("GB",), ("IE", "AU", "CA", "NO")), "wales": (("GB",), ("IE", "AR", "AU")),
    "new_zealand": (("NZ",), ("AU", "CK", "WS", "TO")), "canada": (("CA",), ("FR", "US", "BE")),
    "us_hispanic": (("US",), ("MX", "PR", "DO", "SV", "GT")),
    "zh_overseas": (("CN",), ("CA", "US", "AU", "GB", "NZ")), "zh_sea": (("MY", "SG"), ("ID", "TH", "CN")),
    "zh_dialect": (("CN", "HK"), ("MO", "TW")), "zh_minority": (("CN",), ("KZ", "CN")),
    "zh_rural": (("CN",), ("CN", "KR")),
}
ALL_REGIONS = tuple(sorted({r for h, a in PHONE_REGIONS.values() for r in h + a}))


def random_phone(region: str, rnd: random.Random) -> phonenumbers.PhoneNumber:
    """A valid number of the region: the example number with its tail redrawn until it is valid."""
    kind = rnd.choice([phonenumbers.PhoneNumberType.MOBILE] * 3 + [phonenumbers.PhoneNumberType.FIXED_LINE])
    ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(300):
        k = min(len(nsn) - 2, 7)
        cand = nsn[:len(nsn) - k] + "".join(rnd.choice(string.digits) for _ in range(k))
        num = phonenumbers.parse(f"+{ex.country_code}{cand}")
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    return ex


def phone_text(num: phonenumbers.PhoneNumber, region: str, rnd: random.Random, intl: bool) -> str:
    """The number as people write it; a shape that no longer parses to the same valid number is replaced
    by the plain international or national format."""
    nsn, cc = phonenumbers.national_significant_number(num), num.country_code
    nat = phonenumbers.format_number(num, F.NATIONAL)
    if intl:
        shapes = [phonenumbers.format_number(num, F.INTERNATIONAL), phonenumbers.format_number(num, F.E164),
                  f"+{cc} {nsn[:3]} {nsn[3:6]} {nsn[6:]}".strip(), f"+{cc}-{nsn}", f"+{cc} {nsn}",
                  f"+{cc} ({nsn[:3]}) {nsn[3:]}"]
    else:
        digits = "".join(ch for ch in nat if ch.isdigit())
        shapes = [nat, nat, digits, nat.replace(" ", "-"), nat.replace(" ", ""), f"{digits[:4]} {digits[4:]}",
                  f"{digits[:3]}-{digits[3:6]}-{digits[6:]}".rstrip("-"), phonenumbers.format_number(num, F.INTERNATIONAL)]
    s = rnd.choice(shapes)
    try:
        back = phonenumbers.parse(s, None if s.startswith("+") else region)
        if phonenumbers.is_valid_number(back) and back.national_number == num.national_number:
            return s
    except phonenumbers.NumberParseException:
        pass
    return phonenumbers.format_number(num, F.INTERNATIONAL if intl else F.NATIONAL)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def date_text(d: dt.date, culture: str, rnd: random.Random, visit: bool) -> str:
    y, m, day, mon = d.year, d.month, d.day, MONTHS[d.month - 1]
    if culture.startswith("zh"):
        shapes = [f"{y}年{m}月{day}日", f"{y}-{m:02}-{day:02}", f"{y % 100:02}年{m}月{day}号", f"{y}.{m}.{day}",
                  f"{y}/{m}/{day}"] + ([f"{m}月{day}号", f"{m}月{day}日"] if visit else [])
    elif culture == "us_hispanic":
        shapes = [f"{m:02}/{day:02}/{y}", f"{mon} {day}, {y}", f"{m}-{day}-{y % 100:02}", f"{m}/{day}/{y}"]
    elif culture == "canada":
        shapes = [f"{y}-{m:02}-{day:02}", f"{day} {MOIS[m - 1]} {y}", f"{day:02}/{m:02}/{y}"]
    elif culture == "philippines":
        shapes = [f"{mon} {day}, {y}", f"{m:02}/{day:02}/{y}", f"{mon[:3]}. {day}, {y}"]
    else:
        shapes = [f"{day:02}/{m:02}/{y}", f"{day}-{m}-{y}", f"{day:02}.{m:02}.{y}", f"{_ord(day)} {mon} {y}",
                  f"{day} {mon[:3]} {y}", f"{day:02}/{m:02}/{y % 100:02}", f"{day}-{mon[:3]}-{y}",
                  f"{_ord(day)} of {mon}"]
    if visit and not culture.startswith("zh"):
        shapes += [f"{DAYS[d.weekday()]} {_ord(day)} {mon}", f"{DAYS[d.weekday()][:3]} {day}/{m}"]
    return rnd.choice(shapes)


def random_date(rnd: random.Random, visit: bool) -> dt.date:
    start = dt.date(2022, 1, 1) if visit else dt.date(1932, 1, 1)
    span = 1300 if visit else 32000
    return start + dt.timedelta(days=rnd.randrange(span))


PINYIN = {"陈": "chen", "王": "wang", "李": "li", "张": "zhang", "黄": "huang", "林": "lin", "周": "zhou",
          "吴": "wu", "郑": "zheng", "许": "hui", "蔡": "chua", "梁": "leung", "何": "ho", "刘": "liu",
          "钟": "chung", "罗": "law", "赵": "zhao", "孙": "sun", "马": "ma", "杨": "yang"}
EMAIL_DOMAINS = {
    "india": ("gmail.com", "yahoo.co.in", "rediffmail.com"), "pakistan": ("gmail.com", "hotmail.com", "yahoo.com"),
    "nigeria": ("yahoo.com", "gmail.com", "ymail.com"), "kenya": ("gmail.com", "yahoo.com", "uonbi.ac.ke"),
    "south_africa": ("telkomsa.net", "mweb.co.za", "gmail.com"), "philippines": ("yahoo.com.ph", "gmail.com"),
    "malaysia": ("gmail.com", "yahoo.com.my", "moh.gov.my"), "singapore": ("gmail.com", "singnet.com.sg"),
    "caribbean": ("gmail.com", "hotmail.com", "tstt.net.tt"), "ireland": ("eircom.net", "gmail.com", "hse.ie"),
    "scotland": ("btinternet.com", "nhs.scot", "gmail.com"), "wales": ("wales.nhs.uk", "outlook.com"),
    "new_zealand": ("xtra.co.nz", "gmail.com", "slingshot.co.nz"), "canada": ("videotron.ca", "hotmail.ca"),
    "us_hispanic": ("gmail.com", "yahoo.com", "sbcglobal.net"), "zh": ("qq.com", "163.com", "126.com", "gmail.com",
                                                                       "hotmail.com", "sina.com"),
}
URLS = {
    "india": ("www.practo.com/{c}/doctor/dr-{s}-general-physician", "https://wa.me/91{n}", "bit.ly/{k}",
              "https://drive.google.com/drive/folders/{k}{k}"),
    "pakistan": ("https://www.marham.pk/doctors/{c}/{s}", "wa.me/92{n}", "https://oladoc.com/pakistan/{c}/dr/{s}"),
    "nigeria": ("https://wa.me/234{n}", "www.facebook.com/{s}.clinic", "linktr.ee/{s}"),
    "kenya": ("https://{s}clinic.co.ke/book", "wa.me/254{n}", "bit.ly/{k}"),
    "south_africa": ("https://www.{s}-medical.co.za/forms", "wa.me/27{n}", "tinyurl.com/{k}"),
    "philippines": ("www.facebook.com/{s}.clinic.ph", "https://m.me/{s}", "bit.ly/{k}"),
    "malaysia": ("https://booking.{s}clinic.com.my", "wa.link/{k}", "www.facebook.com/klinik{s}"),
    "singapore": ("https://www.healthhub.sg/appointments/{k}", "go.gov.sg/{s}", "https://{s}.com.sg/book"),
    "caribbean": ("https://{s}medical.com.jm", "wa.me/1876{n}", "www.facebook.com/{s}.health.tt"),
    "ireland": ("https://www.{s}medical.ie/forms", "www.hse.ie/eng/{s}", "tinyurl.com/{k}"),
    "scotland": ("https://www.nhsinform.scot/{s}", "www.{s}practice.co.uk", "bit.ly/{k}"),
    "wales": ("https://{s}surgery.nhs.wales/repeat", "www.{s}.cymru", "bit.ly/{k}"),
    "new_zealand": ("https://www.{s}.org.nz/clinic", "https://portal.{s}.health.nz/{k}", "bit.ly/{k}"),
    "canada": ("https://www.{s}.qc.ca/formulaires", "https://clicsante.ca/{k}", "bit.ly/{k}"),
    "us_hispanic": ("https://mychart.{s}health.org/{k}", "www.{s}clinic.com/es", "https://zoom.us/j/{n}"),
    "zh": ("https://www.haodf.com/doctor/{n}.html", "v.douyin.com/{k}/", "https://mp.weixin.qq.com/s/{k}{k}",
           "www.kuaishou.com/profile/{k}", "https://{s}.cn/yuyue", "https://{s}clinic.com/zh"),
}

EN_DRUGS = ("metformin", "amlodipine", "losartan", "atorvastatin", "insulin glargine", "salbutamol",
            "levothyroxine", "carbimazole", "levodopa", "omeprazole", "paracetamol", "Panadol", "Augmentin",
            "Glucophage", "Dolo 650", "Ventolin", "amoxicillin", "tenofovir", "dolutegravir", "Coartem",
            "isoniazid", "prednisolone", "warfarin", "methotrexate", "hydroxychloroquine", "Crocin", "Lipitor",
            "gliclazide", "nifedipine", "Synthroid")
EN_CONDS = ("diabetes", "hypertension", "asthma", "malaria", "typhoid", "TB", "dengue", "high blood pressure",
            "arthritis", "gout", "sickle cell disease", "HIV", "thyroid", "COPD", "eczema", "heart failure",
            "sugar", "pressure", "chikungunya", "kidney stones")
EN_EPONYMS = ("Parkinson's", "Hashimoto's thyroiditis", "Crohn's disease", "Addison's disease", "Graves' disease",
              "Alzheimer's", "Bell's palsy", "Cushing's syndrome", "Down syndrome", "Guillain-Barré syndrome",
              "Huntington's disease", "Kawasaki disease", "Raynaud's", "Sjögren's syndrome", "Hodgkin lymphoma",
              "Ménière's disease", "Paget's disease", "Wilson's disease", "Tourette syndrome", "Parkinson")
ZH_DRUGS = ("二甲双胍", "阿莫西林", "硝苯地平", "氨氯地平", "阿托伐他汀", "胰岛素", "左甲状腺素钠", "甲巯咪唑", "布洛芬",
            "头孢克肟", "奥美拉唑", "多巴丝肼", "连花清瘟胶囊", "六味地黄丸", "藿香正气水", "速效救心丸", "阿司匹林",
            "metformin", "Panadol", "沙丁胺醇")
ZH_CONDS = ("高血压", "糖尿病", "痛风", "哮喘", "冠心病", "胃炎", "风湿", "肺结核", "乙肝", "腰椎间盘突出", "骨质疏松",
            "三高", "血糖高")
ZH_EPONYMS = ("帕金森病", "桥本甲状腺炎", "阿尔茨海默病", "克罗恩病", "格雷夫斯病", "唐氏综合征", "川崎病", "贝尔面瘫",
              "老年痴呆", "帕金森")


def ascii_fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isascii() and (ch.isalnum() or ch in " -'"))


def email(culture: str, given: str, family: str, rnd: random.Random) -> str:
    if culture.startswith("zh"):
        py = PINYIN.get(family[:1], "") or ascii_fold(family).lower() or "xiao"
        local = rnd.choice([f"{py}{rnd.randint(60, 99)}", f"{rnd.randint(10000, 9999999999)}",
                            f"{py}.{rnd.choice(['mei', 'ming', 'lily', 'kevin', 'ah.boy'])}", f"{py}_{rnd.randint(1, 999)}"])
        local = local.replace(" ", ".")
        return f"{local}@{rnd.choice(EMAIL_DOMAINS['zh'])}"
    g = ascii_fold(given).lower().replace(" ", "").replace("'", "").replace("-", "") or "me"
    f = ascii_fold(family).lower().replace(" ", "").replace("'", "") or "x"
    local = rnd.choice([f"{g}.{f}", f"{g}{f}{rnd.randint(1, 99)}", f"{f}_{g[:1]}", f"{g}{rnd.randint(1960, 2005)}",
                        f"{g[:1]}{f}", f"the.{f}.family"])
    return f"{local}@{rnd.choice(EMAIL_DOMAINS[culture])}"


def url(culture: str, family: str, town: str, rnd: random.Random) -> str:
    pat = rnd.choice(URLS["zh" if culture.startswith("zh") else culture])
    s = (ascii_fold(family).lower().replace(" ", "").replace("'", "") or "kangning")[:12]
    c = ascii_fold(town).lower().replace(" ", "-") or "city"
    k = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(7))
    n = "".join(rnd.choice(string.digits) for _ in range(9))
    return pat.format(s=s, c=c, k=k, n=n)


__all__ = ["ID_MAKERS", "cn_resident_id", "random_phone", "phone_text", "date_text", "random_date", "email", "url",
           "PHONE_REGIONS", "ALL_REGIONS", "EN_DRUGS", "EN_CONDS", "EN_EPONYMS", "ZH_DRUGS", "ZH_CONDS", "ZH_EPONYMS"]
