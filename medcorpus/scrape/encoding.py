"""Decode a page: charset from the Content-Type header, a BOM, a <meta> tag, else detection."""
from __future__ import annotations

import codecs
import re

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Chinese sites label GBK pages gb2312 and use characters only GBK/GB18030 have: decode with the superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "ascii": "utf-8", "us-ascii": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252",
              "big5": "big5hkscs"}


def _known(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    return _known(m.group(1)) if m else None


def meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:4096])
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def sniff_charset(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(codec name, where it came from: header | bom | meta | detected | default)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, "bom"
    found = header_charset(content_type)
    if found:
        return found, "header"
    found = meta_charset(body)
    if found:
        return found, "meta"
    try:
        body[:65536].decode("utf-8")
        return "utf-8", "detected"
    except UnicodeDecodeError as exc:
        if exc.start >= 65532:  # a character cut by the sample's end
            return "utf-8", "detected"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:65536]).best()
    name = _known(best.encoding) if best else None
    return (name or "utf-8"), ("detected" if name else "default")


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str, str]:
    """(text, codec, source of the codec). Undecodable bytes become U+FFFD."""
    name, where = sniff_charset(body, content_type)
    if name.startswith("utf-8"):
        name = "utf-8-sig" if body.startswith(codecs.BOM_UTF8) else "utf-8"
    return body.decode(name, errors="replace"), name, where
