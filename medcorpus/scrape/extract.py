"""From a decoded page to consultation turns, with the profile's selectors (selectolax CSS
or lxml XPath), plus the links a page offers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from medcorpus.scrape.profile import Extract, Profile

BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "blockquote", "pre",
         "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "header", "footer", "hr"}
SKIP = {"script", "style", "noscript", "template", "head", "iframe", "svg"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLANKS = re.compile(r"\n{2,}")


class ExtractError(ValueError):
    """The page yields no consultation; the message is the reject reason."""


def clean(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------- documents
class _CssDoc:
    def __init__(self, html: str):
        self.tree = LexborHTMLParser(html)

    def select(self, selector: str, within: Any = None) -> list[Any]:
        return list((within or self.tree).css(selector))

    def text(self, node: Any) -> str:
        if isinstance(node, str):
            return clean([node])
        parts: list[str] = []
        self._walk(node, parts)
        return clean(parts)

    def _walk(self, node: Any, parts: list[str]) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag in SKIP or tag == "_comment" or tag == "-comment":
                continue
            elif tag in BLOCK:
                parts.append("\n")
                self._walk(child, parts)
                parts.append("\n")
            else:
                self._walk(child, parts)

    def key(self, node: Any) -> Any:
        return node.mem_id

    def attr(self, node: Any, name: str) -> str | None:
        return node if isinstance(node, str) else node.attributes.get(name)


class _XPathDoc:
    def __init__(self, html: str):
        import lxml.html

        self.tree = lxml.html.document_fromstring(html)

    def select(self, selector: str, within: Any = None) -> list[Any]:
        base = self.tree if within is None else within
        if within is not None and selector.startswith("/"):
            selector = "." + selector  # relative to the block, as CSS is
        result = base.xpath(selector)
        return result if isinstance(result, list) else [result]

    def text(self, node: Any) -> str:
        if isinstance(node, str):
            return clean([str(node)])
        parts: list[str] = []
        self._walk(node, parts)
        return clean(parts)

    def _walk(self, node: Any, parts: list[str]) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in SKIP or not tag:
                pass
            elif tag in BLOCK:
                parts.append("\n")
                self._walk(child, parts)
                parts.append("\n")
            else:
                self._walk(child, parts)
            if child.tail:
                parts.append(child.tail)

    def key(self, node: Any) -> Any:
        return id(node)

    def attr(self, node: Any, name: str) -> str | None:
        return str(node) if isinstance(node, str) else node.get(name)


def parse(html: str, syntax: str = "css") -> Any:
    if not html.strip():
        raise ExtractError("empty page")
    try:
        return _XPathDoc(html) if syntax == "xpath" else _CssDoc(html)
    except ExtractError:
        raise
    except Exception as exc:  # lxml raises on documents it cannot build a tree from
        raise ExtractError(f"malformed HTML: {exc}") from None


# ---------------------------------------------------------------- extraction
@dataclass
class Extracted:
    """One consultation: turns [{role, text}] and page fields for meta."""

    turns: list[dict[str, str]]
    meta: dict[str, Any] = field(default_factory=dict)


def _first_text(doc: Any, selector: str | None, within: Any = None) -> str:
    if not selector:
        return ""
    for node in doc.select(selector, within):
        text = doc.text(node)
        if text:
            return text
    return ""


def _field(doc: Any, selector: str | None, within: Any = None) -> str:
    """A one-line field (title, date, doctor name): the first line of the first match, at most
    300 characters, so an unclosed tag cannot pull the page's body into it."""
    return _first_text(doc, selector, within).split("\n", 1)[0][:300].strip()


def _all_text(doc: Any, selector: str, within: Any = None) -> str:
    return "\n".join(t for t in (doc.text(n) for n in doc.select(selector, within)) if t)


def extract(html: str, profile: Profile) -> list[Extracted]:
    """The consultations on a page; raises ExtractError with the reason when there are none."""
    ex: Extract = profile.extract
    doc = parse(html, ex.syntax)
    try:
        title = _field(doc, ex.title)
        date = _field(doc, ex.date)
        page_doctor = _field(doc, ex.doctor_name)
        if ex.mode == "qa":
            return _extract_qa(doc, ex, title, date, page_doctor)
        return _extract_dialogue(doc, ex, title, date, page_doctor)
    except ExtractError:
        raise
    except Exception as exc:  # a selector the parser rejects, ...
        raise ExtractError(f"selector error: {exc}") from None


def _page_meta(title: str, date: str) -> dict[str, Any]:
    return {k: v for k, v in (("title", title), ("date", date)) if v}


def _extract_qa(doc: Any, ex: Extract, title: str, date: str, page_doctor: str) -> list[Extracted]:
    question = _all_text(doc, ex.patient)
    if ex.title_in_question and title:
        question = f"{title}\n{question}".strip()
    if len(question) < max(ex.min_chars, 1):
        raise ExtractError(f"no patient text (selector {ex.patient!r} found nothing)")
    out = []
    blocks = doc.select(ex.answers)
    for i, block in enumerate(blocks):
        answer = _all_text(doc, ex.answer_text, block) if ex.answer_text else doc.text(block)
        if len(answer) < max(ex.min_chars, 1):
            continue
        doctor = _field(doc, ex.doctor_name, block) if ex.doctor_name else ""
        meta = {**_page_meta(title, date), "answer": i}
        if doctor:
            meta["doctor"] = doctor
        out.append(Extracted([{"role": "patient", "text": question}, {"role": "doctor", "text": answer}], meta))
    if not out:
        what = f"{ex.answers!r}" + (f" / {ex.answer_text!r}" if ex.answer_text else "")
        raise ExtractError(f"no doctor answer (selector {what} found nothing)")
    return out


def _extract_dialogue(doc: Any, ex: Extract, title: str, date: str, page_doctor: str) -> list[Extracted]:
    messages = doc.select(ex.messages)
    if not messages:
        raise ExtractError(f"no messages (selector {ex.messages!r} found nothing)")
    patient_keys = {doc.key(n) for n in doc.select(ex.patient_messages)}
    turns: list[dict[str, str]] = []
    if ex.patient:
        opening = _all_text(doc, ex.patient)
        if ex.title_in_question and title:
            opening = f"{title}\n{opening}".strip()
        if opening:
            turns.append({"role": "patient", "text": opening})
    for node in messages:
        text = doc.text(node)
        if len(text) < max(ex.min_chars, 1):
            continue
        role = "patient" if doc.key(node) in patient_keys else "doctor"
        if turns and turns[-1]["role"] == role:
            turns[-1]["text"] += "\n" + text
        else:
            turns.append({"role": role, "text": text})
    if not any(t["role"] == "patient" for t in turns):
        raise ExtractError(f"no patient message (selector {ex.patient_messages!r} found nothing)")
    if not any(t["role"] == "doctor" for t in turns):
        raise ExtractError("no doctor message (every message matched patient_messages)")
    while turns and turns[-1]["role"] == "patient":  # a question left unanswered is not training data
        turns.pop()
    if turns[0]["role"] != "patient":
        turns = turns[next(i for i, t in enumerate(turns) if t["role"] == "patient"):]
    meta = _page_meta(title, date)
    if page_doctor:
        meta["doctor"] = page_doctor
    return [Extracted(turns, meta)]


# ---------------------------------------------------------------- links
def normalise_url(url: str) -> str:
    """Absolute URL without fragment, scheme and host lower-cased, empty path as '/'."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def links(html: str, base_url: str, profile: Profile, page_kind: str) -> Iterator[tuple[str, str]]:
    """(absolute url, kind) of the links worth following: those matching the profile's patterns,
    and pagination links on listing pages. Host filtering is the caller's."""
    tree = LexborHTMLParser(html)
    base_node = tree.css_first("base[href]")
    base = urljoin(base_url, base_node.attributes.get("href") or "") if base_node else base_url
    seen: set[str] = set()
    pagination: set[str] = set()
    if profile.links.next_page and page_kind in ("list", "start"):
        doc = parse(html, profile.extract.syntax)
        for node in doc.select(profile.links.next_page):
            href = doc.attr(node, "href")
            if href:
                pagination.add(normalise_url(urljoin(base, href)))
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = normalise_url(urljoin(base, href))
        if not url.startswith(("http://", "https://")) or url in seen:
            continue
        seen.add(url)
        kind = profile.classify(url)
        if kind is None and url in pagination:
            kind = "list"
        if kind:
            yield url, kind
    for url in sorted(pagination - seen):
        yield url, "list"
