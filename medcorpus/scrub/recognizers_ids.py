"""Identifier numbers: US SSNs, Chinese resident IDs with their GB 11643 check digit, bank cards by
Luhn, labelled IDs in many languages and shapes ("MRN: 4471920", "policy #?\nUser: HX-773-6602",
"我的医保卡号是YB…"), capital codes with six digits or more, long bare numbers, QQ and WeChat ids."""
from __future__ import annotations

import re
from typing import Optional


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
CN_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
CARD = re.compile(r"(?<![\d-])(?:\d{4}[\s-]?){3}\d{1,7}(?![\d-])")
# a code of capitals and at least six digits (XEK410100313, H442535216, 4247320NA): an identifier without its label
LETTERED_CODE = re.compile(r"(?<![\w/.@#-])(?=[A-Z0-9]{7,16}(?![\w/@-]|\.\w))(?=\d*[A-Z])(?:[A-Z]*\d){6}[A-Z0-9]*(?![\w/@-]|\.\w)")
# eight digits are a record number too ("Dossier 84023015.", "<td>29523191</td>"); a bare YYYYMMDD date is one as well
LONG_NUMBER = re.compile(r"(?<![\w.,])\d{8,}(?![\w,]|[.:/-]\d|\s?(?:mg|ml|g|kg|mcg|iu|units?|%)\b)")
ID_CONTEXT = re.compile(
    r"(?i)(?:(?<![A-Za-z0-9])(?:mrn|medical record(?: number| no\.?| #)?|patient (?:id|number|no\.?)|record (?:number|no\.?)|"
    r"account(?: number| no\.?| #)?|acct\.?|policy(?: number| no\.?| #)?|member(?:ship)? (?:id|number|no\.?)|"
    r"insurance (?:id|number|no\.?)|licen[cs]e(?: number| no\.?| #)?|passport(?: number| no\.?)?|ssn|"
    r"social security(?: number| no\.?)?|id(?: number| no\.?| #)?|case (?:number|no\.?)|claim (?:number|no\.?)|"
    r"registration (?:number|no\.?)|reg\.? no\.?|uhid|npi|dea(?: number)?|aadhaar(?: number| no\.?)?|"
    r"pan(?: number| no\.?| card)?|nhs(?: number| no\.?)?|health card(?: number)?|employee id|uhid|reg(?:istration)? no\.?|"
    r"medicare(?: number| no\.?| card(?: number| no\.?)?)?|medicaid|philhealth|abha|nric|cnic|iqama|nin|bvn|dni|nie|nif|curp|"
    r"rfc|rut|nrc|bsn|pesel|personnummer|cpf|mykad|tc kimlik(?: no\.?)?|kimlik(?: no\.?)?|ghana card|voter id|"
    r"driver'?s licen[cs]e(?: number| no\.?)?|hmo(?: number| no\.?| id)|claim(?=[ \t]+[A-Z0-9#])|(?:file |our )?reference(?![ \t]+(?:range|ranges|value|values|interval|level|lab)\b)(?: number| no\.?)?(?: is)?|nhi|ihi|ohip|phn|"
    r"philsys|ktp(?: number| no\.?)?|versichertennummer|codice fiscale|(?:num[ée]ro de )?s[ée]curit[ée] sociale|"
    r"carte vitale|pps(?: number| no\.?)?|chi(?: number| no\.?)|hkid|ic|documento(?: de identidad)?|c[ée]dula|"
    r"medical aid(?: number| no\.?)?|nir|dossier|member)\b|"
    r"(?<![A-Za-z0-9])(?:hospital|hosp\.?|file|folder|chart|opd|ipd|op|ip|cr|mr|admission|token|card|insurance card|"
    r"member|membership|encounter|accession|acc|employee|emp|staff|student|pupil|payroll|visit|sample|lab|specimen|booking|case|"
    r"referral|subscriber|group|voter|insurance|claim|hmo|rx|prescription|script|seaman'?s book|discharge book|"
    r"national insurance|ni|tax|ic|emirates id|ref|reference)"
    r"(?:[ \t]+(?:number|no\b\.?|num\b\.?|#)|(?=[ \t]*[:#]))|(?<![A-Za-z0-9])(?:insurance card|national insurance)\b|"
    r"(?:身[份分]證字號|身[份分][证證](?:号|號|号码|號碼)?|病[历歷]号|病[历歷]號|病案[号號]|住院[号號]|[门門]诊[号號]|[门門]診號|"
    r"[医醫]保卡[号號]?(?=[:：是为\s]*[A-Za-z]{0,2}\d)|保[单單][号號]?|医保号|社保卡号|社保号|就诊卡号|档案号|卡号|卡號|健保卡號?|账号|帳號|[护護]照[号號](?:码|碼)?|[证證]件[号號](?:码|碼)?))"
    r"\s*(?:(?:number|num\.?|no\.?)(?![A-Za-z0-9])\s*|#\s*)?(?:is|was|[\x22'][ \t]*[:=][ \t]*[\x22']?|[:=][ \t]*[\x22']|=|是|为|為|[:#：.(-]|\?[ \t]*\n[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?(?:[A-Za-z][\w ,'-]{0,30}[:：])?)?\s*[`'\x22]?((?:[A-Za-z]{1,6}[ /_-]?|#)?\d[\dA-Za-z/.-]{0,24}"
    r"(?:[ ]\d{1,6}){0,6}(?-i:[ ][A-Z]{1,2}(?!\w)|\([0-9A-Z]\))?)(?![\w-])")  # a check letter in capitals, not " in"
# any label ending in an identifier noun ("claim ref", "UR number", "the number on my card is", "学号", "体检编号"):
# the label's head is enough when the value has the shape of a code (five digits or more, or letters and four digits)
ID_HEAD = re.compile(
    r"(?i)(?:(?<![A-Za-z0-9])(?:ref\.?|reference|number|no\.|num\.?|id|code)"
    r"(?:[ \t]+(?:on|of|for)[ \t]+(?:my|the|his|her|your|our|their)(?:[ \t]+[a-z]+){1,2})?"
    r"|(?<![A-Za-z0-9])#|(?:编号|编码|号码|號碼|代码|代碼|(?<![0-9一二三四五六七八九十几幾])[号號]))"
    r"[ \t]*(?:is|was|=|是|为|為|[:：#-])?[ \t]*"
    r"((?-i:(?:[A-Z]{1,4}[ /-]?)?\d[\dA-Z]*(?:[-/][\dA-Z]+){0,3}))(?![\w/.,:-]*\d|[\w-]|\s?(?i:mg|ml|kg|g|mcg|iu|units?|%)\b)")
# a sample, chart or accession named by its code with no "no": "Specimen A24.7756523", "dental chart PT-32446"
CODE_AFTER_NOUN = re.compile(r"(?i:\b(?:specimen|sample|accession|chart|slide|cad|incident)[ \t]+)"
                             r"((?-i:[A-Z]{1,3}[-.]?\d[\d.-]{3,14}\d))(?![\w-])")
# any field whose value is a code: "Confirmation: 88123411", "Tracking: 1Z999AA10123456784" (validated by _field_code)
FIELD_CODE = re.compile(r"(?<![\w.-])(?P<label>[A-Za-z][A-Za-z]{2,20}(?:[ \t][A-Za-z]{2,12})?)[ \t]*[:#][ \t]*"
                        r"(?P<v>[A-Z0-9][A-Z0-9/-]{5,24})(?![\w/.-])")
# a code after a capital "ID" and a colon, however few its digits: "Study subject ID: BK-P5DY6", "ID# AB-12C"
ID_COLON_CODE = re.compile(r"(?<![A-Za-z])ID[ \t]*[:#][ \t]*[`'\x22]?((?=[A-Z0-9/-]*\d)(?=[0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]{4,24})(?![\w/-]|\.\w)")
# a code of letter and digit groups joined by - or / without a label: "2023-PH-00812", "2024/MC/00412"
SEPARATED_CODE = re.compile(r"(?<![\w/.-])(?=[A-Z0-9/-]*[A-Z])(?:[A-Z0-9]{1,8}[/-]){1,4}[A-Z0-9]{1,10}(?![\w/-]|\.\w)")
QQ = re.compile(r"(?i)(?:QQ|扣扣)\s*(?:号码?|number|no\.?|id)?\s*(?:is|是|为)?\s*[:：]?\s*([1-9]\d{4,11})(?!\d)")
WECHAT = re.compile(r"(?i)(?:微信|wechat|weixin|wx|vx)\s*(?:号|id|账号)?\s*(?:is|是|为)?\s*[:：]?\s*"
                    r"([A-Za-z][-_.A-Za-z0-9]{3,19}(?<!\.)|1[3-9]\d{9})(?![\w-])")
AGE_OVER_89 = re.compile(r"(?i)(?<![\d.])(?:aged?\s*[:]?\s*)?((?:9\d|1[0-4]\d))(?:\s*|-)(?:years?|yrs?|y/?o|yo|-year|岁|周岁)"
                         r"(?:[\s-]*old)?")


def luhn_ok(digits: str) -> bool:
    ds = [int(c) for c in re.sub(r"\D", "", digits)]
    if len(ds) < 13:
        return False
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CN_ID_CHECK = "10X98765432"


def cn_id_checksum_ok(value: str) -> bool:
    """GB 11643-1999 check digit of an 18-character resident identity number."""
    v = value.upper()
    if len(v) != 18 or not v[:17].isdigit():
        return False
    return _CN_ID_CHECK[sum(int(c) * w for c, w in zip(v[:17], _CN_ID_WEIGHTS)) % 11] == v[17]


def _card(value: str, m) -> Optional[float]:
    return 0.9 if luhn_ok(value) else None


def _cn_id(value: str, m) -> Optional[float]:
    return 1.0 if cn_id_checksum_ok(value) else 0.6


def _ctx_id(value: str, m) -> Optional[float]:
    return 0.9 if _digits(value) >= 4 else None


_DATE_SHAPE = re.compile(r"\d{4}[/-]\d{1,2}[/-]\d{1,2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}[/-]\d{4}")


def _code_shaped(value: str, min_digits: int) -> bool:
    """`min_digits` digits or more, or letters with four: the shape of an identifier, not of a count or a dose."""
    n = _digits(value)
    return n >= min_digits or (n >= 4 and any(c.isalpha() for c in value))


def _field_code(value: str, m) -> Optional[float]:
    """A field's value that is an identifier: seven digits or more, or letters with four; never a date."""
    return 0.7 if _code_shaped(value, 7) and not _DATE_SHAPE.fullmatch(value) else None


def _separated_code(value: str, m) -> Optional[float]:
    """Letter and digit groups: six digits or more and a group that holds a letter; not a date or a dose."""
    return 0.6 if _digits(value) >= 6 and not _DATE_SHAPE.fullmatch(value) else None


def _head_id(value: str, m) -> Optional[float]:
    """A code after a bare identifier noun: five digits or more, or letters with four; never a year or a decimal."""
    if re.fullmatch(r"(?:19|20)\d\d", value) or len(value) > 24:
        return None
    return 0.8 if _code_shaped(value, 5) else None


# national identity numbers with a check character, found without a label because the check says so
HKID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d{6}(?:\([0-9A]\)|[0-9A])(?![A-Za-z0-9])")  # Hong Kong: C391913(5)
SG_NRIC = re.compile(r"(?<![A-Za-z0-9])[STFG]\d{7}[A-Z](?![A-Za-z0-9])")  # Singapore NRIC / FIN: S2350672I
IE_PPSN = re.compile(r"(?<![A-Za-z0-9])\d{7}[A-W][ABW]?(?![A-Za-z0-9])")  # Ireland PPS number: 6157844P


def hkid_ok(value: str, m=None) -> Optional[float]:
    """Hong Kong identity card: letters 10-35 (a missing second letter counts 36), weights 9..2, mod 11."""
    v = value.replace("(", "").replace(")", "")
    head, check = (" " + v[:-1] if len(v) == 8 else v[:-1]), v[-1]
    total = sum((36 if c == " " else ord(c) - 55 if c.isalpha() else int(c)) * w for c, w in zip(head, range(9, 1, -1)))
    expected = (11 - total % 11) % 11
    return 0.85 if check == ("A" if expected == 10 else str(expected)) else None


def nric_ok(value: str, m=None) -> Optional[float]:
    """Singapore NRIC/FIN: weights 2,7,6,5,4,3,2 (+4 for T and G), mod 11 into the prefix's letter table;
    a wrong check letter lowers the score only."""
    total = sum(int(c) * w for c, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2))) + (4 if value[0] in "TG" else 0)
    table = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return 0.85 if table[total % 11] == value[8] else 0.65  # the shape alone is rare enough to be a number


def ppsn_ok(value: str, m=None) -> Optional[float]:
    """Irish PPS number: digits weighted 8..2 (a second letter 9 x its place), mod 23 gives the check letter;
    a wrong check letter lowers the score only."""
    extra = (ord(value[8]) - 64) % 23 * 9 if len(value) == 9 and value[8] != "W" else 0
    total = sum(int(c) * w for c, w in zip(value[:7], range(8, 1, -1))) + extra
    return 0.8 if "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == value[7] else 0.6
