"""Identifiers in tables: a pasted CSV, TSV or pipe table whose header names its columns ("Name |
DOB | Town"), and two-column field/value tables ("| City | Bath |"). A cell under a name, place,
address, phone, ID, date or email column is that identifier, whatever its words look like ("Hope
Rivers", "Bath"): the header is the context. Medical terms and empty or placeholder cells stay."""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

# a column label, in lower case without punctuation, and the entity of its cells
_COLUMNS = {
    "PERSON": ("name", "names", "patient", "patient name", "patients name", "full name", "first name", "last name", "surname",
               "given name", "family name", "contact", "contact person", "contact name", "caller", "guardian", "next of kin",
               "nok", "parent", "mother", "father", "spouse", "relative", "carer", "referrer", "referring doctor", "gp",
               "physician", "doctor", "consultant", "nurse", "pupil", "student", "employee", "member", "user", "username",
               "姓名", "名字", "联系人", "聯絡人", "患者", "病人", "患者姓名", "家属", "家屬", "收货人", "收件人", "监护人"),
    "LOCATION": ("city", "town", "village", "suburb", "district", "county", "place", "location", "hometown", "home town",
                 "birthplace", "place of birth", "address", "home address", "street", "street address", "residence",
                 "postcode", "post code", "postal code", "zip", "zip code", "pin code", "pincode", "eircode", "邮编", "郵編",
                 "城市", "地区", "地區", "籍贯", "籍貫", "所在地", "地址", "住址", "现住址", "居住地"),
    "PHONE": ("phone", "telephone", "tel", "mobile", "cell", "contact number", "phone number", "mobile number", "whatsapp",
              "电话", "電話", "手机", "手機", "联系电话", "聯絡電話"),
    "ID": ("id", "mrn", "nhs", "nhs number", "ssn", "patient id", "record", "record number", "hospital number", "insurance",
           "insurance number", "policy", "policy number", "passport", "member id", "nric", "aadhaar", "case number",
           "身份证", "身份证号", "身分證字號", "病历号", "病歷號", "住院号", "医保卡号", "护照号"),
    "DATE": ("dob", "date of birth", "birth date", "birthdate", "born", "admitted", "admission", "admission date",
             "discharged", "discharge date", "visit", "visit date", "last visit", "seen", "date seen", "出生日期", "生日", "入院日期", "出院日期", "就诊日期"),
    "EMAIL": ("email", "e-mail", "email address", "邮箱", "電郵"),
}
_ENTITY_OF = {label: entity for entity, labels in _COLUMNS.items() for label in labels}
_SEPARATORS = ("|", "\t", ";", ",", "，")
_PLACEHOLDER = re.compile(r"(?i)(?:n/?a|none|nil|unknown|not known|-+|—|\?+|tbc|tba|same|as above|无|無|不详|同上)")
_RULE = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")  # a markdown table's |---|---| line


def header_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each markdown table header: the line right above a |---|---| rule. Its cells
    name columns ("Town", "Drug"), never an identifier."""
    out, prev = [], None
    for m in re.finditer(r"[^\n]*", text):
        if prev is not None and "|" in m.group() and _RULE.fullmatch(m.group()) and "|" in prev.group():
            out.append(prev.span())
        if m.group():
            prev = m
    return out


_NOT_LABEL = re.compile(r"(?:[^\w\u4e00-\u9fff ]|_)+")
_ID_LABEL = re.compile(r"(?:^|\s)(?:id|no|number|num|ref|code)$|(?<![序])(?:号|號|号码|號碼)$")
_DATE_LABEL = re.compile(r"(?:^|\s)date$|(?:日期)$")


def _label(cell: str) -> str:
    return _NOT_LABEL.sub(" ", cell).strip().lower().replace("  ", " ")  # "patient_id" = "patient id"


def _entity_of(label: str):
    """The entity of a column: a known label, or any label ending in id / no / number ("claim no", "病案号") or date."""
    if label in _ENTITY_OF:
        return _ENTITY_OF[label]
    if _ID_LABEL.search(label):
        return "ID"
    return "DATE" if _DATE_LABEL.search(label) else None


def _quoted_split(line: str, sep: str) -> list[str]:
    """Split a CSV line at `sep` outside double quotes."""
    parts, pos = [], 0
    for m in re.finditer(rf'(?:"[^"]*"|[^"{sep}])*', line):
        if m.start() == pos:
            parts.append(m.group())
            pos = m.end() + 1
    return parts


def _cells(line: str, sep: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell's trimmed text; a pipe table's outer pipes open no cell."""
    spans, pos = [], 0
    # a CSV cell in double quotes holds its own commas: "12 Rue X, Lyon"
    parts = _quoted_split(line, sep) if sep in ",;" and '"' in line else line.split(sep)
    for part in parts:
        start = pos + len(part) - len(part.lstrip())
        spans.append((offset + start, offset + start + len(part.strip())))
        pos += len(part) + len(sep)
    if sep == "|" and spans and spans[0][0] == spans[0][1]:
        spans = spans[1:]
    if sep == "|" and spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


class TableRecognizer(LocalRecognizer):
    """Cells of tables under (or beside) a column label that names an identifier."""

    def __init__(self, terms, language: str = "en"):
        self.terms = terms
        super().__init__(supported_entities=list(_COLUMNS), name="Table", supported_language=language)

    def load(self) -> None:
        pass

    def _result(self, entity: str, s: int, e: int, how: str) -> RecognizerResult:
        return RecognizerResult(entity, s, e, 0.85, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:{how}", RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _value_ok(self, text: str, s: int, e: int, entity: str) -> bool:
        value = text[s:e]
        if not value or len(value) > 80 or _PLACEHOLDER.fullmatch(value):
            return False
        if entity == "LOCATION" and re.fullmatch(r"(?=.*\d)[A-Z0-9〒]{2,5}(?:[ -][A-Z0-9]{2,4})?", value):
            return True  # a postcode cell: "90210", "1721 AN", "D02 F343"
        if entity in ("PERSON", "LOCATION"):
            return not self.terms.is_term(value) and not (self.terms.zh and self.terms.zh_overlaps(text, s, e)) \
                and bool(re.search(r"[^\W\d_]", value))
        if entity == "ID" and len(value) < 3:
            return False  # a row number ("1", "12"), not an identifier
        return bool(re.search(r"[\w@]", value))

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if not any(sep in text for sep in _SEPARATORS) or "\n" not in text:
            return []
        lines, offsets, pos = text.split("\n"), [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        out: list[RecognizerResult] = []
        header: list[str | None] | None = None
        sep = None
        for line, off in zip(lines, offsets):
            if _RULE.fullmatch(line):
                continue
            row_sep = next((c for c in _SEPARATORS if line.count(c) >= (2 if c in "|" else 1)), None)
            if row_sep is None:
                header = None
                continue
            cells = _cells(line, row_sep, off)
            labels = [_entity_of(_label(text[s:e])) for s, e in cells]
            if len(cells) == 2 and row_sep in "|\t" and labels[0] and not labels[1]:  # "| City | Bath |": a field, its value
                if self._value_ok(text, *cells[1], labels[0]):
                    out.append(self._result(labels[0], *cells[1], "field"))
                continue
            named = sum(bool(x) for x in labels)
            if named >= (1 if row_sep in "|\t" else 2) and named * 2 >= len(labels):
                header, sep = labels, row_sep  # a header row: at least half its cells are column labels
                continue
            if header and row_sep == sep and len(cells) == len(header):
                for (s, e), entity in zip(cells, header):
                    if entity and self._value_ok(text, s, e, entity):
                        out.append(self._result(entity, s, e, "column"))
            else:
                header = None
        return out
