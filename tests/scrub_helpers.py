"""What the scrub tests ask of a Scrubber: the spans found, and whether a value was removed."""
from __future__ import annotations


def found(scrubber, text: str, lang: str = "auto") -> list[tuple[str, str]]:
    """[(value, ENTITY)] detected in text."""
    return [(text[s.start:s.end], s.entity) for s in scrubber.analyze([text], lang)[0]]


def removed(scrubber, text: str, value: str, nth: int = 0) -> bool:
    """Whether every letter and digit of the nth occurrence of `value` lies inside a detected span."""
    spans = scrubber.analyze([text])[0]
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)) if text[i].isalnum())
