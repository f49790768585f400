"""Name frames of round 9, where the frame says "person" even when the name is also an English word
(Hope, Will, Grace): a family named ("the Baker family"), the list after a household label ("kids:
Amber, Will Fox and little Sky"), a child called "little X", a first name opening a sentence before a
negated verb ("Mark can't keep it down"), a relative with two names or an initial ("my husband N.
Cardinal"), and Malaysian/Singaporean patronymics ("Saraswathy a/p Muniandy", "s/o Raju")."""
from __future__ import annotations

import re

from medcorpus.scrub.gazetteers import fold, person_names
from medcorpus.scrub.regex_prefilter import finditer
from medcorpus.scrub.name_frames import UP_WORD, _KIN

_PERSON = rf"(?:[A-Z]\.[ \t]*)?{UP_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{UP_WORD}){{0,2}}"
FAMILY_SURNAME = re.compile(rf"\bthe[ \t]+(?P<n>{UP_WORD})[ \t]+family\b")
HOUSEHOLD_LIST = re.compile(rf"\b(?:family|kids|children|household|siblings|grandchildren|grandkids)[ \t]*:[ \t]*"
                            rf"(?P<list>{_PERSON}(?:,[ \t]+(?:little[ \t]+)?{_PERSON})*(?:,?[ \t]+and[ \t]+(?:little[ \t]+)?{_PERSON})?)")
LITTLE_NAME = re.compile(rf"(?<![\w'’-])little[ \t]+(?P<n>{UP_WORD})(?![\w'’-])")
NEGATED_SUBJECT = re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=[.!?][ \t]{{2}})|(?<=\n))(?P<n>{UP_WORD})[ \t]+"
                             r"(?:can['’]t|cannot|won['’]t|couldn['’]t|doesn['’]t|didn['’]t|isn['’]t|wasn['’]t|hasn['’]t|"
                             r"refuses|keeps[ \t]+(?:vomiting|crying|coughing|asking))\b")
KIN_FULL = re.compile(rf"{_KIN}(?P<n>[A-Z]\.[ \t]*{UP_WORD}|{UP_WORD}[ \t]+(?:(?:a/[lp]|s/o|d/o|bin|binti|bint)[ \t]+)?{UP_WORD})"
                      rf"(?![\w'’-])")
PATRONYMIC = re.compile(rf"(?<![\w'’-])(?P<n>(?:{UP_WORD}[ \t]+){{0,2}}(?:a/[lp]|s/o|d/o)[ \t]+{UP_WORD})(?![\w'’-])")
# what opens a sentence before "can't" and is never a name
_NOT_SUBJECT = frozenset("i you he she it we they this that these those there here which what who nothing something "
                         "everything someone everyone nobody anyone anything one none medicine surgery treatment".split())
_LIST_STOP = frozenset("and or the a an my our little".split())


def family_frames(text: str, is_plain, is_medical) -> list[tuple[int, int, str]]:
    """(start, end, how) of the names the frames above find; `is_plain(word)` says a word may be a
    name (no digits, no clinic word), `is_medical(word)` vetoes drug and disease words."""
    out: list[tuple[int, int, str]] = []
    first, last = person_names()[0], person_names()[1]

    def ok(words: list[str]) -> bool:  # a stop word that is a first name (Hope, Will) passes in these frames
        return bool(words) and all((is_plain(w) or (fold(w) in first and w.lower() not in _NOT_SUBJECT))
                                   and not is_medical(w) for w in words)

    for m in finditer(FAMILY_SURNAME, text):
        if ok([m.group("n")]):
            out.append((m.start("n"), m.end("n"), "family"))
    for m in finditer(HOUSEHOLD_LIST, text):
        base = m.start("list")
        for item in re.finditer(rf"{_PERSON}", m.group("list")):
            words = [w for w in item.group().split() if not re.fullmatch(r"[A-Z]\.", w)]
            if words and words[0].lower() not in _LIST_STOP and ok(words):
                out.append((base + item.start(), base + item.end(), "household"))
    for m in finditer(LITTLE_NAME, text):
        if fold(m.group("n")) in first and ok([m.group("n")]):
            out.append((m.start("n"), m.end("n"), "little"))
    for m in finditer(NEGATED_SUBJECT, text):
        w = m.group("n")
        if w.lower() not in _NOT_SUBJECT and fold(w) in first and ok([w]):
            out.append((m.start("n"), m.end("n"), "negated_subject"))
    for m in finditer(KIN_FULL, text):
        words = [w for w in m.group("n").split() if not re.fullmatch(r"[A-Z]\.|a/[lp]|s/o|d/o|bin|binti|bint", w)]
        if ok(words) and (len(words) == 1 or fold(words[0]) in first or fold(words[-1]) in last):
            out.append((m.start("n"), m.end("n"), "kin_full"))
    for m in finditer(PATRONYMIC, text):
        words = [w for w in m.group("n").split() if "/" not in w]
        if ok(words):
            out.append((m.start("n"), m.end("n"), "patronymic"))
    return out
