"""Labelled identifiers of the blind16 split, per culture and card: national IDs with their real check
digits where the card has one (South African ID: Luhn; Singapore NRIC; Irish PPSN; Scottish CHI and
NHS Wales numbers: modulus 11; New Zealand NHI; Hong Kong ID; Chinese resident ID: GB 11643), and
hospital, insurer and scheme numbers in the shapes those places print them. The label text ("CNIC",
"NHI", "住院号") lives in the templates; the value alone is the ID span."""
from __future__ import annotations

import datetime as dt
import random
import string


def _d(rnd: random.Random, k: int) -> str:
    return "".join(rnd.choice(string.digits) for _ in range(k))


def _up(rnd: random.Random, k: int, alphabet: str = string.ascii_uppercase) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(k))


def za_id(rnd, dob: dt.date) -> str:
    body = f"{dob:%y%m%d}{rnd.randint(0, 9999):04}{rnd.choice('01')}8"
    total = 0
    for i, ch in enumerate(reversed(body)):  # Luhn over the 12 digits, the check digit to come
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return body + str((10 - total % 10) % 10)


def sg_nric(rnd, dob: dt.date) -> str:
    prefix = "S" if dob.year < 2000 else "T"
    digits = f"{dob.year % 100:02}{_d(rnd, 5)}" if dob.year >= 1968 else f"{rnd.choice('01')}{_d(rnd, 6)}"
    total = sum(int(a) * w for a, w in zip(digits, (2, 7, 6, 5, 4, 3, 2))) + (4 if prefix == "T" else 0)
    return prefix + digits + "JZIHGFEDCBA"[total % 11]


def ie_ppsn(rnd, dob=None) -> str:
    digits, second = _d(rnd, 7), rnd.choice(["", "", "A", "W"])
    total = sum(int(a) * w for a, w in zip(digits, range(8, 1, -1)))
    if second:
        total += 9 * ("WABCDEFGHIJKLMNOPQRSTUV".index(second))
    return digits + "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] + second


def _mod11(nine: str) -> str | None:
    c = 11 - sum(int(a) * w for a, w in zip(nine, range(10, 1, -1))) % 11
    return None if c == 10 else str(0 if c == 11 else c)


def uk_nhs(rnd, dob=None, chi: bool = False) -> str:
    while True:
        nine = (f"{dob:%d%m%y}" + _d(rnd, 3)) if chi else rnd.choice("4679") + _d(rnd, 8)
        check = _mod11(nine)
        if check is not None:
            v = nine + check
            return v if chi or rnd.random() < 0.4 else f"{v[:3]} {v[3:6]} {v[6:]}"


def nz_nhi(rnd, dob=None) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        head, num = _up(rnd, 3, letters), _d(rnd, 3)
        total = sum((letters.index(ch) + 1) * w for ch, w in zip(head, (7, 6, 5))) + \
            sum(int(ch) * w for ch, w in zip(num, (4, 3, 2)))
        if total % 11:
            check = 11 - total % 11
            return head + num + ("0" if check == 10 else str(check))


def hk_id(rnd, dob=None) -> str:
    letter, digits = rnd.choice("ACDEGHKPRVYZ"), _d(rnd, 6)
    total = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(a) * w for a, w in zip(digits, range(7, 1, -1)))
    c = (11 - total % 11) % 11
    return f"{letter}{digits}({'A' if c == 10 else c})"


_CN_AREAS = ("110105", "310104", "440106", "430102", "410102", "650102", "653101", "540102", "513401", "532901",
             "411625", "430523", "620422", "360731", "511324", "412824")
_CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_resident_id(rnd, dob: dt.date) -> str:
    body = f"{rnd.choice(_CN_AREAS)}{dob:%Y%m%d}{_d(rnd, 3)}"
    return body + "10X98765432"[sum(int(a) * w for a, w in zip(body, _CN_W)) % 11]


def my_ic(rnd, dob: dt.date) -> str:
    return f"{dob:%y%m%d}-{rnd.choice(['01', '05', '07', '08', '10', '12', '13', '14'])}-{_d(rnd, 4)}"


def ca_ramq(rnd, dob: dt.date, family: str = "", given: str = "") -> str:
    from scrub_blind16_values import ascii_fold

    f = (ascii_fold(family).upper().replace(" ", "").replace("-", "") + "XXX")[:3]
    g = (ascii_fold(given).upper() or "X")[:1]
    return f"{f}{g} {dob:%y}{dob.month + rnd.choice([0, 50]):02} {dob:%d}{_d(rnd, 2)}"


# culture -> slot -> maker(rnd, dob, family, given)
ID_MAKERS = {
    "india": {"idcard": lambda r, b, f, g: f"{r.randint(2, 9)}{_d(r, 3)} {_d(r, 4)} {_d(r, 4)}",
              "mrn": lambda r, b, f, g: r.choice([f"{_up(r, 3)}{_d(r, 8)}", f"MH/{b.year % 100:02}/{_d(r, 6)}", _d(r, 7)]),
              "abha": lambda r, b, f, g: f"{_d(r, 2)}-{_d(r, 4)}-{_d(r, 4)}-{_d(r, 4)}"},
    "pakistan": {"idcard": lambda r, b, f, g: f"{r.choice(['35202', '42101', '61101', '37405'])}-{_d(r, 7)}-{r.randint(1, 9)}",
                 "mrn": lambda r, b, f, g: f"{r.randint(19, 25)}-{_d(r, 6)}",
                 "insurer": lambda r, b, f, g: f"{_d(r, 5)}{_d(r, 8)}"},
    "nigeria": {"idcard": lambda r, b, f, g: _d(r, 11),
                "mrn": lambda r, b, f, g: f"{r.choice(['LUTH', 'UCH', 'UNTH', 'ABUTH'])}/{r.randint(2015, 2024)}/{_d(r, 5)}",
                "insurer": lambda r, b, f, g: f"{r.choice(['HYG', 'AXA', 'RHL'])}/{_d(r, 5)}/{r.choice('ABC')}"},
    "kenya": {"idcard": lambda r, b, f, g: _d(r, 8), "mrn": lambda r, b, f, g: f"IP/{r.randint(2021, 2025)}/{_d(r, 5)}",
              "insurer": lambda r, b, f, g: f"{r.choice(['CR', 'SHA'])}{_d(r, 10)}"},
    "south_africa": {"idcard": lambda r, b, f, g: za_id(r, b), "mrn": lambda r, b, f, g: f"{_up(r, 2)}{_d(r, 6)}",
                     "insurer": lambda r, b, f, g: _d(r, 9)},
    "philippines": {"idcard": lambda r, b, f, g: f"{r.choice(['QC', 'MNL', 'CEB'])}-SC-{r.randint(2010, 2024)}-{_d(r, 6)}",
                    "insurer": lambda r, b, f, g: f"{_d(r, 2)}-{_d(r, 9)}-{_d(r, 1)}"},
    "malaysia": {"idcard": lambda r, b, f, g: my_ic(r, b), "mrn": lambda r, b, f, g: f"RN{_d(r, 6)}/{r.randint(21, 25)}"},
    "singapore": {"idcard": lambda r, b, f, g: sg_nric(r, b), "mrn": lambda r, b, f, g: f"CN{r.randint(2019, 2025)}-{_d(r, 5)}"},
    "caribbean": {"idcard": lambda r, b, f, g: f"{r.choice('1')}{_d(r, 2)}-{_d(r, 3)}-{_d(r, 3)}",
                  "mrn": lambda r, b, f, g: f"{_d(r, 2)}-{_d(r, 5)}", "insurer": lambda r, b, f, g: f"{_d(r, 8)}{_up(r, 1)}"},
    "ireland": {"idcard": lambda r, b, f, g: ie_ppsn(r), "mrn": lambda r, b, f, g: f"{r.choice('HMK')}{_d(r, 7)}",
                "insurer": lambda r, b, f, g: f"{_d(r, 6)}{_up(r, 1)}"},
    "scotland": {"idcard": lambda r, b, f, g: uk_nhs(r, b, chi=True), "mrn": lambda r, b, f, g: f"{r.choice('GHZ')}{_d(r, 6)}{_up(r, 1)}"},
    "wales": {"idcard": lambda r, b, f, g: uk_nhs(r), "mrn": lambda r, b, f, g: f"{r.choice('MAB')}{_d(r, 6)}"},
    "new_zealand": {"idcard": lambda r, b, f, g: nz_nhi(r)},
    "canada": {"idcard": lambda r, b, f, g: ca_ramq(r, b, f, g), "mrn": lambda r, b, f, g: _d(r, 8),
               "insurer": lambda r, b, f, g: f"{_d(r, 4)}-{_d(r, 3)}-{_d(r, 3)}-{_up(r, 2)}"},
    "us_hispanic": {"mrn": lambda r, b, f, g: r.choice([_d(r, 8), f"E{_d(r, 7)}"]),
                    "insurer": lambda r, b, f, g: r.choice([f"{_d(r, 9)}", f"{_up(r, 1)}{_d(r, 8)}{_up(r, 1)}"])},
    "zh_overseas": {"insurer": lambda r, b, f, g: r.choice([f"9{_d(r, 3)} {_d(r, 3)} {_d(r, 3)}", f"{r.randint(2, 6)}{_d(r, 3)} {_d(r, 5)} {_d(r, 1)}",
                                                            f"{_d(r, 4)}-{_d(r, 3)}-{_d(r, 3)}"])},
    "zh_sea": {"idcard": lambda r, b, f, g: my_ic(r, b) if r.random() < 0.7 else sg_nric(r, b)},
    "zh_dialect": {"idcard": lambda r, b, f, g: hk_id(r) if r.random() < 0.4 else cn_resident_id(r, b),
                   "mrn": lambda r, b, f, g: f"{r.choice(['MZ', 'BL', ''])}{_d(r, 8)}"},
    "zh_minority": {"idcard": lambda r, b, f, g: cn_resident_id(r, b), "mrn": lambda r, b, f, g: f"ZY{_d(r, 8)}"},
    "zh_rural": {"idcard": lambda r, b, f, g: cn_resident_id(r, b), "mrn": lambda r, b, f, g: _d(r, 9),
                 "insurer": lambda r, b, f, g: r.choice([_d(r, 16), f"XNH{_d(r, 10)}", f"{_up(r, 1)}{_d(r, 13)}"])},
}


def make_id(culture: str, slot: str, rnd: random.Random, dob: dt.date, family: str, given: str) -> str:
    """The culture's card for the slot; a culture without that card borrows a hospital number."""
    makers = ID_MAKERS.get(culture, {})
    maker = makers.get(slot) or makers.get("mrn") or (lambda r, b, f, g: f"{_up(r, 2)}{_d(r, 7)}")
    return maker(rnd, dob, family, given)
