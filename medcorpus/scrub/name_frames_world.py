"""Name frames of the English-speaking world's code-switching (round 9): a self-introduction in Maori
("ko Mere Parata ahau") or Pidgin ("na Patience Obi dey write"), a relative named after a kinship word of
Maori, Swahili, Tagalog or Hindi ("my whaea Hine Te Rangi", "Mtoto wangu kiprono odhiambo dob",
"tatay Mark Anthony dela Cruz Santos"), one word before "here"/"writing" right after a greeting
("Kia ora, Hemi here"), a lower-case patronymic ("farhan s/o tan"), a next of kin or contact without a colon ("NOK Ah Kow Goh +65 ..."), a nickname or
preferred name, and a family signing off ("God bless, Obi family")."""
from __future__ import annotations

import re

from medcorpus.scrub.gazetteers import fold, person_names
from medcorpus.scrub.regex_prefilter import finditer

_W = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff'’-]*"  # a name word in any case
_UPW = r"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff'’-]+"
_PARTICLES = r"(?:de|dela|del|de la|delos|van|von|bin|binti|te|ter|ten|da|di|le|la|al|el|s/o|d/o|a/l|a/p)"
_NAME3 = rf"{_W}(?:[ \t]+(?:{_PARTICLES}[ \t]+)?{_W}){{0,3}}"
# Maori "ko X ahau" (I am X), Pidgin "na X dey write" (it is X writing)
SELF_INTRO = re.compile(rf"(?i:\bko)[ \t]+(?P<n>{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+(?i:ahau|au)\b|"
                        rf"(?i:\bna)[ \t]+(?P<m>{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+(?i:dey|don)[ \t]+(?i:write|writing|talk|ask|beg)\b")
# kinship words of the languages mixed into English: Maori, Swahili ("mtoto wangu"), Tagalog, Hindi/Urdu
_KIN_WORLD = (r"whaea|matua|koro|kuia|mokopuna|tamaiti|irāmutu|mtoto[ \t]+wangu|mama[ \t]+yangu|baba[ \t]+yangu|mke[ \t]+wangu|"
              r"mume[ \t]+wangu|tatay|nanay|kuya|lola|lolo|tito|tita|anak[ \t]+ko|bunso|beti|bhai|bhaiya|didi|nani|"
              r"nana[ \t]*ji|dadi|dada[ \t]*ji|chacha|chachi|mausi|bibi|babu|ammi|abbu|amma|appa|thatha|paati")
KIN_WORLD = re.compile(rf"(?<![\w'’-])(?i:(?:my[ \t]+|ko[ \t]+|for[ \t]+(?:my[ \t]+)?)?(?:{_KIN_WORLD}))[ \t]+(?P<n>{_NAME3})")
# after a kinship word a lower-case name needs what follows a person: a date, "born", a comma, a bracket
_PERSON_NEXT = re.compile(r"[ \t]*(?:,|\(|\.|$|\n|(?i:dob|d\.o\.b|born|aged?|alikuwa|ay|is|was|has|who|siya|may)\b|\d)")
# "Kia ora, Hemi here", "Morning doc, Hope writing for my son": one word or two after a greeting and a comma
GREETING_HERE = re.compile(rf"(?i:\b(?:kia[ \t]+ora|tena[ \t]+koe|talofa|bula|hi|hello|hey|morning|good[ \t]+(?:morning|day|afternoon|evening)|"
                           rf"howzit|sawubona|salaam|namaste)(?:[ \t]+(?:doc|doctor|dr[ \t]+\w+|po|all))?[ \t]*,)[ \t]+"
                           rf"(?P<n>{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+(?i:here|writing|dis[ \t]+side|this[ \t]+side)\b")
# next of kin or contact named without a colon, before a phone or a bracket: "NOK Ah Kow Goh +65 ...", "Contact Llinos Prys 07..."
CONTACT_NAME = re.compile(rf"(?<![\w'’-])(?:NOK|[Nn]ext[ \t]+of[ \t]+kin|[Cc]ontact(?:[ \t]+person)?|[Ee]mergency[ \t]+contact)[ \t]+"
                          rf"(?P<n>{_UPW}(?:[ \t]+{_UPW}){{0,3}}|[a-z]+(?:[ \t]+[a-z]+){{1,2}})(?=[ \t]*(?:\+|\(|\d|/|,[ \t]*\+|$))")
# a lower-case patronymic: "farhan s/o tan", "kavitha a/p muniandy"
LOWER_PATRONYMIC = re.compile(r"(?<![\w'’-])(?P<n>[a-z][a-z'’-]+[ \t]+(?:s/o|d/o|a/l|a/p)[ \t]+[a-z][a-z'’-]+)(?![\w'’-])")
# "(nickname Wee Jimmy)", "Preferred name: Ah Mei", "known as Bubba"
NICKNAME = re.compile(rf"(?i:\b(?:nick[ \t]?name|preferred[ \t]+name|known[ \t]+as|a\.?k\.?a\.?|alias|goes[ \t]+by))[ \t]*[:\-]?[ \t]*"
                      rf"[\x22'‘“]?(?P<n>{_UPW}(?:[ \t]+{_UPW}){{0,2}})")
# "God bless, Obi family", "Regards, the Mensah family": a surname and "family" after a closing
FAMILY_CLOSING = re.compile(rf"(?i:\b(?:god[ \t]+bless|regards|thanks|thank[ \t]+you|cheers|love|sincerely|yours)[!.,]*)[ \t\n]+"
                            rf"(?:the[ \t]+)?(?P<n>{_UPW}(?:-{_UPW})?)[ \t]+(?:family|household|whanau|ohana)\b")
_NOT_NAMES = frozenset("i you he she it we they this that my your our the a an doc doctor dr sir madam po ko ang si".split())


def world_frames(text: str, is_plain, is_medical) -> list[tuple[int, int, str]]:
    """(start, end, how) of the names these frames find; `is_plain(word)` says a word may be a name,
    `is_medical(word)` vetoes drug and disease words."""
    first, last = person_names()[0], person_names()[1]

    def ok(words: list[str]) -> bool:
        words = [w for w in words if not re.fullmatch(_PARTICLES, w, re.I)]
        return bool(words) and all(w.lower() not in _NOT_NAMES and (fold(w) in first or (is_plain(w) and not is_medical(w)))
                                   for w in words)  # the frame is strong: a first name that is also a term (Hine) passes

    out: list[tuple[int, int, str]] = []
    for m in finditer(SELF_INTRO, text):
        g = "n" if m.group("n") else "m"
        if ok(m.group(g).split()):
            out.append((m.start(g), m.end(g), "self_intro_world"))
    for m in finditer(KIN_WORLD, text):
        words = m.group("n").split()
        while words and not ok(words):  # "whaea Hine Te Rangi, born": drop the words that are no name
            words.pop()
        if not words:
            continue
        end = m.start("n") + len(" ".join(words)) if " ".join(words) == text[m.start("n"):m.start("n") + len(" ".join(words))] else None
        if end is None:
            continue
        lower = words[0].islower()
        if lower and not _PERSON_NEXT.match(text, end):
            continue
        if not lower or any(fold(w) in first or fold(w) in last for w in words):
            out.append((m.start("n"), end, "kin_world"))
    for rx, how in ((GREETING_HERE, "greeting_here"), (CONTACT_NAME, "contact"), (NICKNAME, "nickname"),
                    (LOWER_PATRONYMIC, "lower_patronymic"),
                    (FAMILY_CLOSING, "family_closing")):
        for m in finditer(rx, text):
            words = m.group("n").split()
            if ok(words) and (how not in ("greeting_here", "lower_patronymic") or any(fold(w) in first or fold(w) in last for w in words)
                              or not words[0].islower()):
                out.append((m.start("n"), m.end("n"), how))
    return out
