"""Chinese values and carriers of the blind17 PII split: names (compound surnames too), phones of CN/HK/TW
(checked with phonenumbers; full-width digits in the vertical style), districts, counties, towns and villages,
road lines, postcodes, resident IDs with GB 11643 check digits, record and insurance numbers, dates (Chinese
numerals too). Written without reading the recognizers or the other splits."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import phonenumbers

from scrub_blind17_names import (ZH_CITIES, ZH_CONDS, ZH_COUNTIES, ZH_DISTRICTS, ZH_DRUGS, ZH_ESTATES, ZH_GIVEN,
                                 ZH_PINYIN, ZH_ROADS, ZH_SURNAMES, ZH_TOWNS)

_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_AREAS = ["110108", "330110", "510107", "320106", "420103", "430104", "370212", "320508", "350203", "610113", "330782"]
_CN_DIGITS = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")


def zh_name(rnd) -> str:
    return rnd.choice(ZH_SURNAMES) + rnd.choice(ZH_GIVEN)


def resident_id(rnd, born: dt.date) -> str:
    body = rnd.choice(_AREAS) + born.strftime("%Y%m%d") + f"{rnd.randint(0, 999):03d}"
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, _WEIGHTS)) % 11]


def zh_phone(rnd) -> str:
    kind = rnd.choice(["mobile", "mobile", "mobile", "landline", "intl", "hk", "tw"])
    if kind in ("mobile", "intl"):
        n = f"1{rnd.choice('3456789')}{rnd.randint(0, 9)}{rnd.randint(0, 99999999):08d}"
        out = rnd.choice([n, f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}"])
        out = f"+86 {n[:3]} {n[3:7]} {n[7:]}" if kind == "intl" else out
        region = "CN"
    elif kind == "landline":
        area, width = rnd.choice([("010", 8), ("021", 8), ("0571", 8), ("0755", 8), ("028", 8), ("0512", 8)])
        local = f"{rnd.choice('2568')}{rnd.randint(0, 10 ** (width - 1) - 1):0{width - 1}d}"
        out, region = rnd.choice([f"{area}-{local}", f"({area}){local}", f"{area} {local[:4]} {local[4:]}"]), "CN"
    elif kind == "hk":
        out, region = rnd.choice([f"+852 {rnd.choice('5689')}{rnd.randint(100, 999)} {rnd.randint(1000, 9999)}",
                                  f"{rnd.choice('69')}{rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"]), "HK"
    else:
        out, region = f"09{rnd.randint(10, 89)}-{rnd.randint(100, 999)}-{rnd.randint(100, 999)}", "TW"
    if not phonenumbers.is_valid_number(phonenumbers.parse(out, region)):
        return zh_phone(rnd)
    return out


def zh_place(rnd) -> str:
    return rnd.choice([rnd.choice(ZH_DISTRICTS), rnd.choice(ZH_COUNTIES), rnd.choice(ZH_TOWNS),
                       rnd.choice(ZH_CITIES) + rnd.choice(ZH_DISTRICTS), rnd.choice(ZH_CITIES)])


def zh_street(rnd) -> str:
    r = rnd.randint
    return rnd.choice([f"{rnd.choice(ZH_ROADS)}{r(1, 400)}号", f"{rnd.choice(ZH_ROADS)}{r(1, 200)}号院{r(1, 12)}号楼{r(1, 4)}单元{r(1, 20)}0{r(1, 4)}室",
                       f"{rnd.choice(ZH_ESTATES)}{r(1, 30)}栋{r(1, 3)}单元{r(1, 18)}0{r(1, 4)}", f"{rnd.choice(ZH_ROADS)}{r(1, 99)}弄{r(1, 40)}号"])


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    return ("" if n < 20 else _CN_DIGITS[n // 10]) + "十" + ("" if n % 10 == 0 else _CN_DIGITS[n % 10])


def zh_date(rnd, kind: str, numerals: bool = False) -> str:
    day = (dt.date(1932, 1, 1) + dt.timedelta(days=rnd.randint(0, 29000)) if kind == "dob"
           else dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randint(0, 1200)))
    if numerals:
        return "".join(_CN_DIGITS[int(c)] for c in str(day.year)) + f"年{_cn_number(day.month)}月{_cn_number(day.day)}日"
    shapes = [f"{day.year}年{day.month}月{day.day}日", day.isoformat(), f"{day.year}.{day.month}.{day.day}",
              f"{day.year}/{day.month:02d}/{day.day:02d}"]
    if kind != "dob":
        shapes.append(f"{day.month}月{day.day}日")
    return rnd.choice(shapes)


def zh_values(rnd) -> dict:
    born = dt.date(1935, 1, 1) + dt.timedelta(days=rnd.randint(0, 27000))
    py = rnd.choice(ZH_PINYIN)
    return {"zid": resident_id(rnd, born),
            "zmrn": rnd.choice([f"ZY{rnd.randint(2019, 2024)}{rnd.randint(0, 99999):05d}", f"{rnd.randint(0, 9999999):07d}",
                                f"MZ-{rnd.randint(100000, 999999)}"]),
            "zins": rnd.choice([f"{rnd.randint(1000, 9999)} {rnd.randint(1000, 9999)} {rnd.randint(1000, 9999)}",
                                f"J{rnd.randint(10 ** 9, 10 ** 10 - 1)}", f"YB{rnd.randint(10 ** 7, 10 ** 8 - 1)}"]),
            "zpost": f"{rnd.choice(['1', '2', '3', '4', '5', '6'])}{rnd.randint(0, 99999):05d}",
            "zemail": rnd.choice([f"{py}{rnd.choice(['xm', 'li', 'wei', 'jg'])}{rnd.randint(1960, 2005)}@163.com",
                                  f"{rnd.randint(10 ** 7, 10 ** 10)}@qq.com", f"{py}.{rnd.choice(ZH_PINYIN)}@126.com",
                                  f"tougao_{py}@sina.cn"]),
            "zurl": rnd.choice([f"https://mp.weixin.qq.com/s/{rnd.randint(10 ** 8, 10 ** 9)}", f"www.{py}yy.cn",
                                f"m.guahao-{py}.com/book", f"http://{py}hospital.org.cn/kepu"])}


def zh_value(rnd, key: str, cache: dict, vertical: bool) -> tuple[str, str | None, bool]:
    """(value, entity, medical?) of a Chinese slot key (digits already stripped)."""
    if key in ("zname", "zdoc"):
        return zh_name(rnd), "PERSON", False
    if key == "zphone":
        p = zh_phone(rnd)
        return (p.translate(FULLWIDTH) if vertical and rnd.random() < 0.6 else p), "PHONE", False
    if key == "zplace":
        return zh_place(rnd), "LOCATION", False
    if key in ("zstreet", "zpost"):
        return (zh_street(rnd) if key == "zstreet" else cache["zpost"]), "STREET", False
    if key in ("zid", "zmrn", "zins"):
        return cache[key], "ID", False
    if key in ("zemail", "zurl"):
        return cache[key], key[1:].upper(), False
    if key in ("zdob", "zvisit", "zdate"):
        return zh_date(rnd, key[1:], numerals=vertical), "DATE", False
    if key in ("zdrug", "zcond"):
        return rnd.choice(ZH_DRUGS if key == "zdrug" else ZH_CONDS), None, True
    raise KeyError(key)


_ZH_DROP = re.compile(r"医院|医生|大夫|主任|教授|护士|先生|女士|小姐|老师|阿姨|叔叔|[省市县区镇村乡街路]|\d|[０-９]|"
                      r"[年月日号]|星期|周[一二三四五六日末]|姓|名字|叫我|微信|电话|[A-Za-z]")


def chinese_carriers(shared) -> list[str]:
    """Patient queries of ChatMed (test file) with no place, hospital, title, name or date marker, short."""
    out = []
    for line in (Path(shared) / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)["query"].replace("<s>问：", "").replace("答：", "").strip()
        q = re.sub(r"\s+", "", q)
        if 8 <= len(q) <= 90 and not _ZH_DROP.search(q):
            out.append(q)
    return out
