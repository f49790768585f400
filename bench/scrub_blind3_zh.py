"""Chinese documents of the third blind PII split (see bench/scrub_blind3.py for the authorship rule):
WeChat messages with emoji, a 病历 header, an overseas Chinese mixing English, Singapore/Malaysia
Chinese. Carriers: ChatMed-Consult and KUAKE-QIC queries with no identifier of their own."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import phonenumbers

from scrub_blind3_values import date, digits, national_id, phone, street

MEDICAL = "blind3-medical"
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
            "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡",
            "欧阳", "司马", "诸葛", "上官", "白", "金", "钟", "龙"]
GIVEN = ["子涵", "浩然", "雨桐", "建国", "秀英", "志强", "桂芳", "梓萱", "俊杰", "丽娟", "明", "静", "伟", "芳", "思远",
         "晓燕", "德华", "春梅", "一鸣", "欣怡", "国栋", "玉兰", "宇轩", "淑珍", "海波", "婷", "磊", "诗涵", "凤英", "永康"]
PINYIN = {"王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang", "赵": "Zhao",
          "吴": "Wu", "周": "Zhou", "徐": "Xu", "林": "Lin", "郑": "Zheng", "梁": "Liang", "谢": "Xie", "唐": "Tang"}
ENGLISH_FIRST = ["Kevin", "Grace", "Vivian", "Eric", "Cindy", "Jason", "Winnie", "Tony", "Yvonne", "Ivy", "Alvin", "Joanne"]
NANYANG = (["Tan", "Lim", "Ng", "Lee", "Goh", "Chong", "Teo", "Ong", "Yeo", "Chua", "Koh", "Low", "Wong", "Khoo"],
           ["Boon Huat", "Mei Ling", "Kah Wai", "Siew Yin", "Ah Kow", "Wei Ming", "Hui Min", "Chee Keong", "Pei Shan", "Soon Lee"])
# (province, prefecture city, district / county / county-level city, town, village); the province is not labelled
PLACES = [("广东省", "佛山市", "顺德区", "容桂镇", "马冈村"), ("四川省", "绵阳市", "三台县", "芦溪镇", "石桥村"),
          ("湖南省", "衡阳市", "耒阳市", "公平圩镇", "黄泥村"), ("河南省", "周口市", "项城市", "秣陵镇", "王楼村"),
          ("浙江省", "温州市", "瑞安市", "塘下镇", "下沙村"), ("江苏省", "苏州市", "昆山市", "周市镇", "东方村"),
          ("山东省", "临沂市", "兰陵县", "向城镇", "李庄村"), ("湖北省", "宜昌市", "夷陵区", "小溪塔街道", "花园村"),
          ("福建省", "泉州市", "晋江市", "安海镇", "前蔡村"), ("云南省", "大理白族自治州", "大理市", "喜洲镇", "周城村"),
          ("安徽省", "阜阳市", "临泉县", "杨桥镇", "刘庄村"), ("贵州省", "遵义市", "汇川区", "高坪镇", "新华村"),
          ("河北省", "保定市", "涿州市", "松林店镇", "三家村"), ("陕西省", "宝鸡市", "凤翔区", "柳林镇", "西街村"),
          ("黑龙江省", "齐齐哈尔市", "龙沙区", "大民镇", "红光村"), ("广西壮族自治区", "桂林市", "阳朔县", "兴坪镇", "渔村")]
ROADS = ["人民路", "解放大道", "建设北街", "中山东路", "长江路", "新华街", "滨江大道", "文化路", "朝阳巷", "和平里"]
DRUGS_ZH = ["布洛芬", "阿莫西林", "二甲双胍", "氯雷他定", "奥美拉唑", "连花清瘟胶囊", "六味地黄丸", "板蓝根颗粒", "蒙脱石散",
            "头孢克肟", "甲钴胺", "黄芪", "当归", "金银花", "布地奈德", "阿司匹林", "丹参滴丸", "孟鲁司特"]
DISEASES_ZH = ["帕金森病", "桥本甲状腺炎", "阿尔茨海默病", "克罗恩病", "川崎病", "白塞病", "格林巴利综合征", "高血压", "湿疹",
               "甲亢", "痛风", "胃炎", "偏头痛", "唐氏综合征", "红斑狼疮"]
ABROAD = [("CA", ["Markham", "Richmond Hill", "Burnaby", "Scarborough"], "us"), ("US", ["Flushing", "Arcadia", "Sunset Park", "Irvine"], "us"),
          ("AU", ["Box Hill", "Hurstville", "Chatswood", "Sunnybank"], "au"), ("GB", ["Croydon", "Manchester", "Colindale"], "uk"),
          ("NZ", ["Howick", "Epsom", "Albany"], "au"), ("DE", ["Düsseldorf", "Offenbach"], "de")]
NANYANG_PLACES = {"SG": ["Tampines", "Ang Mo Kio", "Woodlands", "Bedok", "Jurong West", "Toa Payoh", "淡滨尼", "宏茂桥"],
                  "MY": ["Petaling Jaya", "Johor Bahru", "Ipoh", "Kuching", "Klang", "Seremban", "新山", "怡保", "巴生"]}
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

STYLES = {
    "wechat": [
        "{last}医生早上好🌞 我是{name}，{city}{district}的😊 {C} 🙏🙏 我的手机{mobile}，微信同号。",
        "打扰了[抱拳] 我妈{kin}，住{town}{village}，{C} 之前吃过{med}没用😭 您看方便打{mobile}吗？身份证{cnid}，挂号要用",
        "医生在吗？👀 {C} 我叫{given}，{date}在{city}查出{dx}，报告发您邮箱了吗{email} 💊💊",
        "{name}✨ 宝宝{dob}出生的，{C} 我们住{city}{street} 🏠 有事打{landline}，谢谢{last}大夫❤️"],
    "bingli": [
        "门诊病历\n姓名：{name}  性别：女  年龄：{age}岁\n住址：{prov}{city}{district}{street}\n联系电话：{mobile}\n"
        "门诊号：{opd}  身份证号：{cnid}\n就诊日期：{date}\n主诉：{C}\n既往史：{dx}，服用{med}。",
        "入院记录\n患者{name}，{age}岁，{prov}{city}{district}{town}{village}人。出生日期{dob}。医保卡号：{yb}。\n"
        "入院时间：{date}。现病史：{C} 家属{kin}，电话{mobile}。"],
    "overseas": [
        "Hi 医生，我是{pyname}，现在在{abroadcity}读书，{C} 这边的GP只给了我{med}. my number is {aphone}, email {email} 谢谢!",
        "医生您好, 我替我爸{name}问一下. 我们住{astreet}, {abroadcity}. {C} 他护照号{passport}，下个月回{city}. "
        "可以call我 {aphone} or 微信.",
        "{pyname} here~ {C} 我的appointment是{date}，{abroadcity}这边排队太久了 😩 ins: {url}"],
    "nanyang": [
        "医生你好，我是{nyname}，住{nyplace}，{C} 我的IC是{ic}，handphone {nyphone}，谢谢你啦。",
        "Doctor ah, 我的妈妈{nyname}上个礼拜{date}跌倒了，{C} 我们住 {nystreet}, {nyplace}. 打{nyphone} 找我 {nyfirst} 就可以了。",
        "{nyname}（{ic}）复诊：{C} 之前开的{med}吃完了。联络：{nyphone} / {email}"],
}


def cn_id(rnd: random.Random) -> str:
    head = rnd.choice(["440606", "510722", "430481", "411681", "330381", "320583", "371324", "420506", "350582", "532901"])
    body = head + f"{rnd.randrange(1940, 2012)}{rnd.randrange(1, 13):02d}{rnd.randrange(1, 29):02d}" + digits(rnd, 3)
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, ID_WEIGHTS)) % 11]


def cn_mobile(rnd: random.Random) -> str:
    while True:
        raw = "1" + rnd.choice(["38", "39", "58", "86", "52", "77", "91", "35"]) + digits(rnd, 8)
        if phonenumbers.is_valid_number(phonenumbers.parse(raw, "CN")):
            break
    return rnd.choice([raw, f"{raw[:3]} {raw[3:7]} {raw[7:]}", f"{raw[:3]}-{raw[3:7]}-{raw[7:]}", f"+86 {raw}", f"+86-{raw[:3]}-{raw[3:7]}-{raw[7:]}"])


class ZhValues:
    """The identifiers of one Chinese document, drawn on first use and kept for the document."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.surname, self.given = rnd.choice(SURNAMES), rnd.choice(GIVEN)
        self.place = rnd.choice(PLACES)
        self.abroad = rnd.choice(ABROAD)
        self.ny = rnd.choice(sorted(NANYANG_PLACES))
        self.cache: dict = {}

    def get(self, key: str):
        if key not in self.cache:
            self.cache[key] = self._draw(key)
        return self.cache[key]

    def _draw(self, key: str):
        r, pl = self.rnd, self.place
        s, g = self.surname, self.given
        py = PINYIN.get(s, "Chen")
        table = {
            "name": (s + g, "PERSON"), "last": (s, "PERSON"), "given": (g, "PERSON"),
            "kin": (r.choice(SURNAMES) + r.choice(GIVEN), "PERSON"),
            "pyname": (r.choice([f"{py} Xiao{r.choice(['ming', 'yu', 'hui'])}", f"{r.choice(ENGLISH_FIRST)} {py}",
                                 f"{py.upper()} {r.choice(['Jiayi', 'Haoran', 'Zihan'])}", f"{r.choice(ENGLISH_FIRST)}"]), "PERSON"),
            "nyname": (f"{r.choice(NANYANG[0])} {r.choice(NANYANG[1])}", "PERSON"), "nyfirst": (r.choice(["Ah Hock", "Jasmine", "Wei Jie", "阿明"]), "PERSON"),
            "prov": (pl[0], None), "city": (pl[1], "LOCATION"), "district": (pl[2], "LOCATION"),
            "town": (pl[3], "LOCATION"), "village": (pl[4], "LOCATION"),
            "street": (f"{r.choice(ROADS)}{r.randrange(1, 300)}号" + r.choice(["", f"{r.randrange(1, 20)}栋{r.randrange(1, 6)}单元{r.randrange(101, 2999)}室", "院"]), "STREET"),
            "mobile": (cn_mobile(r), "PHONE"), "landline": (phone(r, "CN", "fixed").replace(" ext. ", "转").replace(" ext ", "转").replace(" x", "转"), "PHONE"),
            "cnid": (cn_id(r), "ID"), "opd": (r.choice(["MZ", "", "0"]) + digits(r, 8), "ID"),
            "yb": (r.choice(["", "K", "H"]) + digits(r, 10), "ID"), "passport": (r.choice(["E", "EA", "G"]) + digits(r, 7), "ID"),
            "dob": (date(r, birth=True, lang="zh"), "DATE"), "date": (date(r, lang="zh"), "DATE"),
            "email": (r.choice([digits(r, 9) + "@qq.com", f"{py.lower()}{digits(r, 4)}@163.com", f"{py.lower()}.x{digits(r, 2)}@gmail.com"]), "EMAIL"),
            "url": (r.choice([f"weibo.com/u/{digits(r, 10)}", f"https://www.xiaohongshu.com/user/profile/{digits(r, 12)}", f"instagram.com/{py.lower()}_{digits(r, 3)}"]), "URL"),
            "abroadcity": (r.choice(self.abroad[1]), "LOCATION"), "aphone": (phone(r, self.abroad[0], "mobile"), "PHONE"),
            "astreet": (street(r, self.abroad[2]), "STREET"),
            "nyplace": (r.choice(NANYANG_PLACES[self.ny]), "LOCATION"), "nyphone": (phone(r, self.ny, "mobile"), "PHONE"),
            "nystreet": ((f"Blk {r.randrange(100, 999)} Tampines Street {r.randrange(11, 99)} #{r.randrange(2, 20):02d}-{r.randrange(10, 999)}"
                          if self.ny == "SG" else f"No. {r.randrange(1, 90)}, Jalan {r.choice(['SS 2/24', 'Bukit Bintang', 'Tun Razak', 'Kenari 5'])}"), "STREET"),
            "ic": ((national_id(r, "nric")[1] if self.ny == "SG" else f"{digits(r, 6)}-{r.randrange(10, 15)}-{digits(r, 4)}"), "ID"),
            "age": (str(r.randrange(18, 85)), None),
        }
        if key in ("med", "dx"):
            return r.choice(DRUGS_ZH if key == "med" else DISEASES_ZH), None, MEDICAL
        return (*table[key], None)


def _clean_zh(q: str) -> bool:
    return bool(q) and len(q) < 400 and not re.search(
        r"\d{4,}|\d+[年月日号岁]|[市县省镇村]|区(?![别分])|医院|诊所|先生|女士|小姐|主任|大夫|教授|[^\s，。！？、你您问的位请好]医生|"
        r"北京|上海|广州|深圳|天津|重庆|杭州|南京|武汉|成都|西安|@|http|www|[A-Za-z]{3,}", q)


def _carriers(shared: Path) -> list[str]:
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)["query"]
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", q).strip()
        out.append(q)
    out += [r["query"].strip() for r in json.loads((shared / "huatuo" / "kuake_qic_100.json").read_text(encoding="utf-8"))]
    return [q for q in out if _clean_zh(q)]


def chinese_docs(n: int, rnd: random.Random, Doc, terms, shared: Path, fill) -> list[dict]:
    carriers = _carriers(shared)
    styles = list(STYLES)
    docs = []
    for i in range(n):
        style = styles[i % len(styles)]
        doc = Doc()
        fill(doc, rnd.choice(STYLES[style]), ZhValues(rnd), rnd.choice(carriers), terms)
        docs.append({"id": f"blind3-zh-{i}", "lang": "zh", "origin": f"blind3/zh-{style}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    return docs
