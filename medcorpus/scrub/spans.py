"""What the engine does to the spans recognizers report, once per text: where a clinic's name
ends, words that stand where names stand but are none (greetings, labels, a common word opening a
sentence), names grown over particles and initials, a name or place found once removed everywhere,
and overlapping spans merged into their union."""
from __future__ import annotations

import re
from dataclasses import dataclass

from medcorpus.scrub.gazetteers import fold, is_english, person_names
from medcorpus.scrub.recognizers_en import TITLE_STOP
from medcorpus.scrub.name_frames import STRONG_AFTER
from medcorpus.scrub.word_classes import CLINIC_WORDS, NOT_NAMES, VOICE_ASSISTANT

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Span:
    """One detected identifier in one text: offsets, type, score, which recognizer. No value."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str


# the rest of a clinic's name on the same line: "Gum Medical", "Medical Practice"
_CLINIC_REST = re.compile(r"(?:[ \t]+[A-Z][\w'’&-]*){0,3}?[ \t]+(?i:clinic|hospital|cent(?:re|er)|medical|health|practice|"
                          r"surgery|diagnostics|pharmacy|polyclinic|nursing home)\b")


def clinic_end(text: str, s: int, e: int) -> int | None:
    """Where the clinic a span belongs to ends: the span holds a clinic word, or the rest of a clinic's
    name follows it; None when it is no part of a clinic."""
    rest = _CLINIC_REST.match(text, e)
    if rest:
        return rest.end()
    return e if CLINIC_WORDS.search(text, s, e) else None


_LETTERS_ONLY = re.compile(r"(?:[A-Za-z](?:[\W_]+|$))+")


def opening_word(text: str, s: int, e: int) -> bool:
    """One capitalised common English word opening a line or sentence, with nothing after it that
    says person."""
    value = text[s:e]
    if not re.fullmatch(r"[A-Z][a-z]+", value) or not is_english(value) or STRONG_AFTER.match(text, e) \
            or not _WORD_AFTER.match(text, e):
        return False  # "Holly's knee", "Grace and I", "Peter from Leeds", "Thanks!\nJames": a name however common the word
    before = text[max(0, s - 4):s].rstrip(" \t")
    if re.search(r"(?<![A-Za-z])[A-Z]\.$", before):
        return False  # "S. Brown": an initial's period ends no sentence
    return s == 0 or not before or before[-1] in ".!?\n:"


# what follows an opening word that is not a name ("Born early", "Crew member"); not what follows a name
_WORD_AFTER = re.compile(r"[ \t]+(?!(?:from|here|and|said|says|told|asked|thinks|thought|wants|is|was|has|had)\b)[A-Za-z0-9#]")


def spoken_to_assistant(text: str, s: int, e: int) -> bool:
    """The span is a voice assistant addressed by name ("hey siri")."""
    m = VOICE_ASSISTANT.search(text, max(0, s - 8), e)
    return bool(m) and m.end() == e


_TRIPLED = re.compile(r"(.)\1{2,}")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def not_a_name(value: str, collapse: bool = True) -> bool:
    """Every word is a stop word (not one that is also a first name) or one of NOT_NAMES (a label, greeting, particle
    or degree), letters said three times or more counting once ("hiii") unless `collapse` is off (a strong frame:
    "My name is Annn" is no "an")."""
    words = [_TRIPLED.sub(r"\1", w.lower()) if collapse else w.lower() for w in _WORDS.findall(value)]  # "hiii": "hi"
    return bool(words) and all(w in NOT_NAMES or w in TITLE_STOP for w in words)


# "Ó Fionnalláin", "Clara Ó Seitheacháin", "Omar bin Laden": a particle between or before name parts
NAME_PARTICLE = re.compile(r"[ \t]*\b(?:Ó|Ní|Nic|Mac|Ua|Bin|bin|Binti|binti|Ibn|ibn|Abu|Van|van|Von|von|De|de|Da|da|Di|di|Al|al|El|el)[ \t]+")


_PARTICLE_BEFORE = re.compile(rf"(?:{NAME_PARTICLE.pattern})$")
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.?(?![\w'’.-])(?![ \t]*[A-Z][a-z])")
_MIDDLE_INITIAL = re.compile(r"[ \t]+[A-Za-z]\.?[ \t]+")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]*){1,3}$")


def join_name_particles(text: str, spans: list[Span]) -> list[Span]:
    """A person's span grows back over a particle right before it, and two person spans with
    only a particle (or a space) between them become one."""
    out: list[Span] = []
    for sp in spans:
        if sp.entity == "PERSON":
            head = _PARTICLE_BEFORE.search(text, max(0, sp.start - 8), sp.start)
            particle = head.group().lstrip() if head else ""
            if particle[:1].isupper():  # "Dr Ó Fionnalláin": a capitalised particle belongs to the name
                sp = Span(sp.start - len(particle), sp.end, sp.entity, sp.score, sp.recognizer)
            initials = _INITIALS_BEFORE.search(text, max(0, sp.start - 12), sp.start)
            if initials:  # "T. K. Raghunathan": initials before a name are part of it
                sp = Span(initials.start(), sp.end, sp.entity, sp.score, sp.recognizer)
            tail = _INITIAL_AFTER.match(text, sp.end)
            if tail:  # "Timoteo S", "Abdul Rahman A": a surname cut to its initial
                sp = Span(sp.start, tail.end(), sp.entity, sp.score, sp.recognizer)
        prev = out[-1] if out else None
        if prev and prev.entity == "PERSON" and sp.entity == "LOCATION" and NAME_PARTICLE.fullmatch(text, prev.end, sp.start):
            sp = Span(sp.start, sp.end, "PERSON", sp.score, sp.recognizer)  # "Clara Ó" + a surname read as a place
        if sp.entity == "PERSON":
            if prev and prev.entity == "PERSON" and (text[prev.end:sp.start].strip(" \t") == ""
                                                     or NAME_PARTICLE.fullmatch(text, prev.end, sp.start)
                                                     or _MIDDLE_INITIAL.fullmatch(text, prev.end, sp.start)):
                out[-1] = Span(prev.start, sp.end, "PERSON", max(prev.score, sp.score), prev.recognizer)
                continue
        out.append(sp)
    return out


# a nickname in quotes or a middle initial, then a surname: Dorothy "Mikey" Haverford, Brenda D. Crane
_NICKNAME_THEN_SURNAME = re.compile(r"[ \t]+(?:[\"“‘'(][A-Z][a-z]+[\"”’')]|[A-Z]\.)[ \t]+"
                                    r"(?P<last>[A-Z][a-z\u00df-\u024f'’]+(?:-[A-Z][a-z\u00df-\u024f'’]+)?)(?![\w'’-])")


def extend_name_tail(text: str, s: int, e: int, is_medical) -> int:
    """A first name grows over a quoted nickname or a middle initial and the surname after it,
    unless that word is a common word or a medical one."""
    m = _NICKNAME_THEN_SURNAME.match(text, e)
    if not m or " " in text[s:e].strip():
        return e
    last = m.group("last")
    if last.lower() in TITLE_STOP or is_medical(last) or (is_english(last) and fold(last) not in person_names()[1]):
        return e
    return m.end()


# a town's name goes on over particles ("Icod" + "de los Vinos", "Pfaffenhofen" + "an der Ilm", "Stoke" + "-on-Trent")
_PLACE_PARTICLES_AFTER = re.compile(r"(?:(?:[ \t]+(?:de|del|de la|de las|de los|do|da|dos|das|di|an der|am|im|an|upon|sur|sous|en|"
                                    r"le|la|les|lès))|(?:-(?:on|upon|under|by|in|le|la|sur|en|the|by-the|on-the)))[ \t-]+"
                                    r"(?!(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                                    r"april|may|june|july|august|september|october|november|december)\b)"
                                    r"[A-Z][a-z\u00df-\u024f]+(?:[ \t]+[A-Z][a-z\u00df-\u024f]+)?(?![\w'’-])")
# "in The Hague", "from The Colony": a capitalised article is part of the town's name
_THE_BEFORE = re.compile(r"(?:(?i:\b(?:in|at|from|near|to|of))|,)[ \t]+(The[ \t]+)$")


# "St." + "Albans", "Mt." + "Gambier": a place cut after its abbreviation
_SAINT = re.compile(r"\b(?:St|Ste|Mt|Ft|Pt)\.$")
_SAINT_REST = re.compile(r"[ \t]+[A-Z][a-z\u00df-\u024f'’-]+(?:[ \t]+[A-Z][a-z\u00df-\u024f'’-]+)?(?![\w'’-])")


def extend_place_name(text: str, s: int, e: int) -> tuple[int, int]:
    """A place grows over the particles and words of its name after it, and over "The" before it."""
    rest = _SAINT_REST.match(text, e) if _SAINT.search(text, max(0, e - 4), e) else None
    if rest:
        e = rest.end()
    m = _PLACE_PARTICLES_AFTER.match(text, e)
    if m:
        e = m.end()
    m = _THE_BEFORE.search(text, max(0, s - 12), s)
    return (m.start(1) if m else s), e


def repeated_mentions(text: str, spans: list[Span]) -> list[Span]:
    """A name or place found once is removed everywhere in the text: "谢谢！張雅婷" at the end,
    "Olga" again three sentences after "my wife Olga", "Lopez" alone after "Maria Lopez". Exact,
    case-sensitive, whole-word matches of values with two Chinese characters, or of Latin names and
    name parts that `_propagates` allows ("Hope" the name does not take "Hope this helps")."""
    out: list[Span] = []
    seen: set[str] = set()
    for sp in spans:
        if sp.entity not in ("PERSON", "LOCATION"):
            continue
        value = text[sp.start:sp.end]
        values = [value]
        if sp.entity == "PERSON" and " " in value.strip() and not _CJK.search(value):
            values += [w for w in re.findall(r"[^\W\d_][\w'’-]*", value) if w not in values]
        for v in values:
            if v in seen or text.count(v) < 2:
                continue
            seen.add(v)
            han = bool(_CJK.search(v))
            if han and len(v) < 2 or not han and not _propagates(v):
                continue
            pos = text.find(v)
            while pos >= 0:
                end = pos + len(v)
                if not (sp.start <= pos < sp.end) and (han or ((pos == 0 or not _WORD_CHAR(text[pos - 1]))
                                                                and (end == len(text) or not _WORD_CHAR(text[end])))):
                    out.append(Span(pos, end, sp.entity, sp.score, f"Repeated:{sp.recognizer.split(':')[0]}"))
                pos = text.find(v, end)
    return out


def _propagates(value: str) -> bool:
    """A Latin value worth looking for elsewhere: capitalised (or lower case, four letters or more),
    not all capitals, not a title or particle, and not a general English word unless several words."""
    if len(value) < 3 or value.isupper() or value.lower() in _NAME_STOP:
        return False
    if not (value[0].isupper() or (value.islower() and len(value) >= 4)):
        return False
    return " " in value or not is_english(value)


_NAME_STOP = frozenset("dr mr mrs ms miss prof sir madam doctor the and von van der de del la le".split())


def _WORD_CHAR(c: str) -> bool:
    return c.isalnum() or c in "'’-_"


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Overlapping spans merge into their union (nothing of either is left behind), labeled
    by the best-scored member (then the longer)."""
    out: list[Span] = []
    group: list[Span] = []
    end = -1
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if group and sp.start >= end:
            out.append(_merge(group))
            group = []
        group.append(sp)
        end = max(end, sp.end) if len(group) > 1 else sp.end
    if group:
        out.append(_merge(group))
    return out


def _merge(group: list[Span]) -> Span:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda x: (x.score, x.end - x.start))
    return Span(min(x.start for x in group), max(x.end for x in group), best.entity, best.score, best.recognizer)


# a Chinese (pinyin) or Cantonese given-name syllable after a surname: "Koh Li Ting", "Cheung Chi Ho"
_PINYIN = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
                     r"ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)")
_CANTONESE = frozenset("chi ho ka yan wai man kwok cheung tsang hui wong chan lau yuen yiu siu kin kit ming fai hung lok ying "
                       "mei shan ting chun kei tak wing sum yee yuk kwan choi tsz hoi lun".split())
_SYLLABLE_AFTER = re.compile(r"[ \t]+([A-Z][a-z]{1,5})(?![\w'’-])")
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]{2,})[ \t]+$")


# Vietnamese middle names: the given name follows ("Nguyễn Văn" + "An", "Trần Thị" + "Mai")
_VIETNAMESE_MIDDLE = frozenset("Văn Van Thị Thi Đức Duc Hữu Huu Công Cong Đình Dinh".split())


def extend_asian_name(text: str, s: int, e: int) -> tuple[int, int]:
    """Grow a name over the given-name syllables after it ("Koh Li" + "Ting", "Nguyễn Văn" + "An") and a
    surname or particle in capitals before it ("LIM" + "Joanne Hui Shan", "BIN IBRAHIM" + "Li Ting")."""
    for _ in range(2):
        m = _SYLLABLE_AFTER.match(text, e)
        w = m.group(1).lower() if m else ""
        last = text[s:e].rsplit(None, 1)[-1:]
        if m and last and last[0] in _VIETNAMESE_MIDDLE and (w not in TITLE_STOP or w == "an"):
            e = m.end(1)  # "Nguyễn Văn" + "An": after a middle name the given name may be an English word
            continue
        if not m or not (_PINYIN.fullmatch(w) or w in _CANTONESE) or (is_english(w) and w not in _CANTONESE):
            break
        e = m.end(1)
    for _ in range(2):
        m = _CAPS_BEFORE.search(text, max(0, s - 14), s)
        if not m or not (fold(m.group(1)) in person_names()[1] or m.group(1) in ("BIN", "BINTI", "BINTE", "AL", "VAN", "DE")):
            break
        s = m.start(1)
    return s, e
