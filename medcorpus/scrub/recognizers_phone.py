"""Phone numbers of any region through `phonenumbers` (Google's libphonenumber)."""
from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.recognizers_gazetteer import _result

PHONE_REGIONS = ("US", "GB", "IN", "AU", "CA", "CN", "PK", "NG", "PH", "AE", "SA", "DE", "MY", "NZ", "KE", "IE", "ZA",
                 "SG", "BD", "LK", "NP", "EG", "FR", "ES", "IT", "NL", "PL", "TR", "ID", "HK", "TW", "JP", "KR", "BR", "MX",
                 "GH", "UG", "TZ", "QA", "KW", "OM", "BH")
PHONE_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_.+/-])(?:\+|00)?\(?\d[\d \t().-]{5,20}\d(?![A-Za-z0-9_/]|\.\d|\s?(?:mg|ml|mcg|kg|g|iu|mm|cm|%|units?)\b)")
# a Chinese character may touch the number (请回电1312 182 3793): only Latin letters and digits may not
PHONE_WORDS = re.compile(r"(?i)(?:phone|ph|mobile|mob|cell|tel|call|ring|text|sms|whatsapp|contact|number|no\.?|landline|"
                         r"fax|reach|line|hotline|电话|電話|手机|手機|座机|座機|联系|聯絡|聯繫|致电|致電|打)[^\d\n]{0,14}$")


class PhoneNumberRecognizer(LocalRecognizer):
    """Phone numbers of any region through libphonenumber: numbers with + or 00 are parsed as
    international; others must be a valid number of one of `PHONE_REGIONS` (a possible one is
    enough after a phone word). Dates, times, ranges and measurements are not candidates."""

    def __init__(self, language: str = "en", regions=PHONE_REGIONS):
        self.regions = regions
        super().__init__(supported_entities=["PHONE"], name="PhoneNumbers", supported_language=language)

    def load(self) -> None:
        import phonenumbers  # noqa: F401

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        import phonenumbers

        out = []
        for m in PHONE_CANDIDATE.finditer(text):
            raw = m.group().strip(" \t.-")
            s = m.start() + m.group().index(raw[:1])
            if raw.startswith("(") and ")" not in raw:
                raw, s = raw[1:], s + 1
            digits = re.sub(r"\D", "", raw)
            if not 7 <= len(digits) <= 15 or re.fullmatch(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}", raw):
                continue
            context = bool(PHONE_WORDS.search(text[max(0, s - 30):s]))
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", raw) and len(digits) < 9 and not context:
                continue  # a bare short number is a count or a measure unless a phone word stands before it
            score = self._score(phonenumbers, raw, context)
            if score:
                out.append(_result("PHONE", s, s + len(raw), score, self, "libphonenumber"))
        return out

    def _score(self, pn, raw: str, context: bool) -> Optional[float]:
        intl = raw.startswith(("+", "00"))
        for region in ([None] if intl else self.regions):
            try:
                num = pn.parse(("+" + raw[2:]) if raw.startswith("00") else raw, region)
            except pn.NumberParseException:
                continue
            if not pn.is_possible_number(num):  # a length check: cheap, and every valid number passes it
                continue
            if pn.is_valid_number(num):
                return 0.75
            if context or intl:
                return 0.6
        return None
