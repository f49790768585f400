"""Person names told by their written shape rather than by a sentence frame: initials before a
surname ("B. Fairweather", "F.A. Al-Hashimi", "P. van der Merwe"), a first name and a surname
joined by particles ("Pieter van der Merwe"), a name in capitals ("DWAYNE WHITLOCK"), a surname,
comma, first name ("Moreau-Baptiste, Siobhán"), a forum handle ("posted by kiwi_nurse77"), and the answer to a question for a name
("Can I have your full name?\nUser: thu pham"). The surname must be a known last name or a word
that is not English; the medical allow-list vetoes any word, so "E. Coli" or "H. Pylori" stay."""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.gazetteers import english_words, fold, is_english, person_names, proper_nouns
from medcorpus.scrub.recognizers_en import MONTH_NAMES, STOP
from medcorpus.scrub.recognizers_gazetteer import _common, _folded_regions, _result, looks_medical
from medcorpus.scrub.word_classes import CLINIC_WORDS, NOT_NAMES
from medcorpus.scrub.regex_prefilter import finditer

_LETTER = r"A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_CAP = rf"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][{_LETTER}'’]+(?:-[{_LETTER}][{_LETTER}'’]+)*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|la|le|mac|mc|al|el|bin|binti|ibn|ter|ten|dos|das|ó|ní|ap)"
# words a capital letter follows that is no initial ("vitamin D. Then", "hepatitis B. Rose")
_LETTER_TAKERS = re.compile(r"(?i:\b(?:vitamin|hepatitis|hep|type|group|grade|stage|class|plan|option|part|section|point|step|phase|"
                  r"level|category|schedule|list|zone|wing|ward|block|bay|bed|room|floor|unit|size|cup|blood|strep)[ \t]*)$")
_INITIALS = r"(?:[A-Z]\.[ \t]?){1,3}(?:[a-z]\.[ \t]?)?"
INITIALS_NAME = re.compile(rf"(?<![\w.])(?P<n>{_INITIALS}[ \t]*(?:(?i:{_PARTICLE})[ \t]+){{0,3}}(?P<last>{_CAP}))(?![\w'’-])")
PARTICLE_NAME = re.compile(rf"(?<![\w.'’-])(?P<n>(?P<first>{_CAP})[ \t]+(?:{_PARTICLE}[ \t]+){{1,3}}(?P<last>{_CAP}))(?![\w'’-])")
_UPPER = r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’]+(?:-[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’]+)*"
CAPITALS_NAME = re.compile(rf"(?<![\w'’-])(?P<n>(?P<first>{_UPPER})(?:[ \t]+(?:[A-Z]\.?|(?:MAC|MC|VAN|DE|DER|AL|EL|BIN)))*"
                           rf"[ \t]+(?P<last>{_UPPER}))(?![\w'’-])(?![ \t]+[A-Z\u00c0-\u00de]{{2}})")  # not part of a longer capital run
LAST_COMMA_FIRST = re.compile(rf"(?<![\w'’-])(?P<n>(?P<last>{_CAP}),[ \t]+(?P<first>{_CAP}))(?![\w'’-])")
# a double-barrelled surname alone: "Pastor Evans-Mbeki", "carer for Moreau-Baptiste"
HYPHENATED = re.compile(rf"(?<![\w'’.-])(?P<n>(?P<a>[A-Z][a-z\u00df-\u024f]+)-(?P<b>[A-Z][a-z\u00df-\u024f]+))(?![\w'’-])"
                        rf"(?![ \t]+(?i:syndrome|disease|disorder|sign|test|reflex|score|scale|criteria|fracture|palsy|"
                        rf"tumou?r|phenomenon|procedure|operation|repair|approach|manoeuvre|maneuver|classification|law|type)\b)")
# what stands before a condition, not a person: "Dad already has Ehlers-Danlos", "history of Tay-Sachs"
_CONDITION_BEFORE = frozenset("has had have having with of includes include included like may diagnosed suspected suspect "
                              "its it's is was not rule ruled out history hx dx po".split())
# an initial without its full stop before a surname: "Pharmacist H Sharma", "Next of kin: W Ngata", "S van den Berg"
INITIAL_BARE = re.compile(rf"(?<![\w.'’-])(?P<n>[A-Z][ \t]+(?:{_PARTICLE}[ \t]+|(?:Al|El|Van|De|Le)[ \t]+){{0,3}}(?P<last>{_CAP}))"
                          rf"(?![\w'’-])")
# a chat line's speaker: "[april 25] Bubba: guys ...", "12:03 Mavis: ward 7", "Wanjiru: ambulance took dad"
CHAT_SPEAKER = re.compile(rf"(?m:^[ \t]*(?P<stamp>\[[^\]\n]{{1,24}}\][ \t]*|\d{{1,2}}[:.]\d{{2}}(?:[ \t]?[ap]m)?[ \t]+)?"
                          rf"(?P<n>{_CAP}(?:[ \t]{_CAP})?)[ \t]*:[ \t]+(?=\S))")
# speakers that are roles, not names ("Patient:", "MA:"; "Agent (Kylie):" has its name in brackets)
_ROLES = frozenset("""patient doctor dr nurse caller agent user bot me clinician pharmacist gp carer mum dad mom mother father
son daughter wife husband you admin reception receptionist staff system operator dispatcher assistant ai support note notes plan
subject from to cc date re address phone email tel mobile name dob sent reply summary assessment impression history diagnosis
question answer q a s o p hpi pmh dx rx tx ma rn np pa md hca cna""".split())
# "ms a. o'connell-byrne", "dr k.r. iyer": a lower-case title, initials and a surname
TITLE_INITIALS = re.compile(r"(?i:\b(?:dr|mr|mrs|ms|miss|prof|sr|nurse)\.?[ \t]+)"
                            r"(?P<n>(?:[a-z]\.[ \t]?){1,3}[ \t]*(?P<last>[a-z\u00df-\u024f][a-z\u00df-\u024f'’-]+))(?![\w'’-])")
# "its t.p. pham again", "i'm j. smith-okonkwo": lower-case initials and a surname after a self-introduction
LOWER_INITIALS = re.compile(r"(?i:\b(?:its|it's|it is|i am|i'm|im|this is|name is|name's|myself)[ \t]+)"
                            r"(?P<n>(?:[a-z]\.[ \t]?){1,3}[ \t]*(?P<last>[a-z\u00df-\u024f][a-z\u00df-\u024f'’-]+)"
                            r"(?:[ \t]+(?!(?:again|here|from|and)\b)[a-z\u00df-\u024f][a-z\u00df-\u024f'’-]+)?)"
                            r"(?=[ \t]+(?:again|here|from|and)\b|[ \t]*[,.!\n]|$)")
# a first and a last name in any case after what introduces one, each a known name even if also a word
# ("this is grace begum calling", "RE: kim butler, DOB"), or a first name and an initial ("I'm Fionn D from")
_INTRO = (r"(?i:\b(?:my[ \t]+name(?:[ \t]+again)?[ \t]+is|name[ \t]+is|this[ \t]+is|i[ \t]+am|i'm|im|it's|its|"
          r"re:|patient:|pt:|name:|from:|to:|contact:|regards,|thanks,|best,|posted[ \t]+by|guardian[ \t]+of|parent[ \t]+of|"
          r"mum[ \t]+is|dad[ \t]+is|mother[ \t]+is|father[ \t]+is)[ \t]+)")
INTRO_PAIR = re.compile(rf"{_INTRO}(?P<n>(?P<first>[^\W\d_]{{2,}})[ \t]+(?:(?P<middle>[^\W\d_]{{2,}})[ \t]+)?"
                        rf"(?:(?P<initial>[^\W\d_])\.?|(?P<last>[^\W\d_][\w'’-]+)))(?![\w'’-])"
                        rf"(?=[ \t]*(?:[,.!\n<|(]|$|calling|from|here|again|and|thanks|dob|\d))")
# a relative's title in capitals before the name: "Grandma Rachita", "Auntie Bisi", "Tita Lorna"
KIN_TITLE = re.compile(r"\b(?:Grandma|Grandpa|Granny|Grandad|Nana|Nan|Auntie|Aunty|Aunt|Uncle|Cousin|Lola|Lolo|Tita|Tito)"
                       rf"[ \t]+(?P<n>{_CAP})(?![\w'’-])")
# a relative named without "my": "daughter Ji-woo", "grandson Min-jun and"; and a surname in capitals before a first
# name ("BRANDSTÄTTER Dieter")
KIN_BARE = re.compile(rf"\b(?:daughter|son|grandson|granddaughter|grandchild|stepson|stepdaughter|husband|wife|partner|"
                      rf"mother|father|brother|sister|niece|nephew)[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})(?![\w'’-])")
CAPS_LAST_FIRST = re.compile(rf"(?<![\w'’-])(?P<n>(?P<last>{_UPPER})[ \t]+(?P<first>{_CAP}))(?![\w'’-])")
# a forum or social handle: "Posted by margaret_brennan69", "u/throwaway_mum22", "username: kiwi.nurse"
USERNAME = re.compile(r"(?i:\b(?:posted|written|asked|submitted|shared)[ \t]+by[ \t]+@?|"
                      r"\b(?:user(?:[ \t]?name)?|handle|login|screen[ \t]?name|account[ \t]name)(?:[ \t]+is|[ \t]*[:=])[ \t]*@?|"
                      r"(?<![\w/])u/|(?<![\w@.])@)(?P<n>[A-Za-z][\w.]{2,30}[A-Za-z0-9])(?![\w@-])")
# "Can I have your full name?\nUser: thu pham", "Patient's name?\n> Ana Lima"
ANSWERED_NAME = re.compile(r"(?i:\b(?:full |your |patient'?s? |child'?s? |first |last )?name\b[^\n?]{0,25}\?)[ \t]*\n[ \t]*"
                           r"(?:[A-Za-z][\w ]{0,15}[:：>][ \t]*)?(?P<n>[^\W\d_][^\n\d,;:!?()]{0,40}?)[ \t.]*(?=\n|$)")


class NameShapeRecognizer(LocalRecognizer):
    """Initialled names, names with particles, names in capitals, "Last, First" and answers to
    a question for a name."""

    def __init__(self, terms, language: str = "en"):
        self.terms = terms
        super().__init__(supported_entities=["PERSON"], name="NameShape", supported_language=language)

    def load(self) -> None:
        person_names()
        proper_nouns()

    def _plain(self, word: str) -> bool:
        """Not a stop word, month, place that Safe Harbor keeps, clinic word or medical term."""
        w = word.lower()
        return w not in STOP and w not in MONTH_NAMES and fold(word) not in _folded_regions() \
            and not CLINIC_WORDS.match(word) and not looks_medical(word, self.terms)

    def _surname(self, word: str, particle: bool = False) -> bool:
        """A known name that is not also an English word, or a word that is none; after a particle
        ("van den Berg") a known name that is a word too."""
        first, last = person_names()
        k = fold(word)
        known = k in last or k in first
        return self._plain(word) and ((known and (particle or not is_english(word))) or not _common(word))

    def _known(self, word: str, names: frozenset) -> bool:
        """A name of `names` that is no English word, or one hunspell also lists as a proper noun (Crane, Earl,
        Baker): after an initial or in "LAST, FIRST" such a word is a name."""
        w = word.lower()
        return self._plain(word) and fold(word) in names and (w not in english_words() or w in proper_nouns())

    def _known_surname(self, word: str) -> bool:
        return self._known(word, person_names()[1])

    def _known_first(self, word: str) -> bool:
        return self._known(word, person_names()[0])

    def _first(self, word: str) -> bool:
        return self._plain(word) and fold(word) in person_names()[0] and not is_english(word)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for m in finditer(INITIALS_NAME, text):
            if self._surname(m.group("last")) or (self._known_surname(m.group("last"))
                                                   and not _LETTER_TAKERS.search(text, max(0, m.start() - 12), m.start())):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "initials"))
        for m in finditer(INITIAL_BARE, text):
            last = m.group("last")
            if m.group("n")[0] not in "AI" or not re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, m.start() - 3):m.start()]):
                if (self._surname(last) or self._known_surname(last)) and not self.terms.is_term(last) \
                        and not _LETTER_TAKERS.search(text, max(0, m.start() - 12), m.start()):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "initial_bare"))
        speakers = list(finditer(CHAT_SPEAKER, text)) if text.count(":") >= 2 else []
        for m in speakers:
            name = m.group("n")
            words = name.split()
            if words[0].lower() in _ROLES or name.isupper() or any(w.lower() in STOP or self.terms.is_term(w) for w in words):
                continue
            if m.group("stamp") or (len(speakers) >= 2 and all(self._plain(w) and not _common(w) for w in words)):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "chat_speaker"))
        for m in finditer(PARTICLE_NAME, text):
            first = m.group("first")
            if self._plain(first) and (self._first(first) or not _common(first)) and self._surname(m.group("last"), particle=True):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "particles"))
        for m in finditer(CAPITALS_NAME, text):
            first, last = m.group("first").title(), m.group("last").title()
            firsts, lasts = person_names()
            if self._plain(first) and self._plain(last) and fold(first) in firsts \
                    and (fold(last) in lasts or not _common(last)):  # JOHN SMITH: both are words too
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "capitals"))
        for m in finditer(LAST_COMMA_FIRST, text):
            last, first = m.group("last"), m.group("first")
            if (self._plain(first) and (self._first(first) or not _common(first)) and self._surname(last)
                    and (fold(last) in person_names()[1] or "-" in last)) \
                    or (len(first) > 2 and first.isupper() == last.isupper() and first.lower() not in NOT_NAMES
                        and self._known_first(first.title()) and (self._known_surname(last.title()) or (  # CRANE, EARL
                        last.isupper() and first.isupper() and self._plain(last.title()) and not _common(last)))):  # HAVERFORD, DALE
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "last_comma_first"))
        for m in finditer(HYPHENATED, text):
            a, b = m.group("a"), m.group("b")
            whole = m.group("n")
            prev = re.search(r"([A-Za-z'’]+)[ \t:,-]*$", text[max(0, m.start() - 20):m.start()])
            eponym = self.terms.is_medical_word(whole) or (self.terms.is_medical_word(a) and self.terms.is_medical_word(b)) \
                or bool(prev and prev.group(1).lower() in _CONDITION_BEFORE)  # "has Ehlers-Danlos", "history of Tay-Sachs"
            if not eponym and self._plain(whole) and self._surname(a, particle=True) and self._surname(b, particle=True) \
                    and (fold(a) in person_names()[1] or fold(b) in person_names()[1]):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, "hyphenated"))
        for m in finditer(TITLE_INITIALS, text):
            if self._surname(m.group("last"), particle=True):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "title_initials"))
        for m in finditer(LOWER_INITIALS, text):
            if self._surname(m.group("last")):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "lower_initials"))
        firsts, lasts = person_names()
        for m in finditer(INTRO_PAIR, text):
            first, last = m.group("first"), m.group("last")
            middle = m.group("middle")
            if self._plain(first) and fold(first) in firsts and (not middle or (self._plain(middle) and fold(middle) in firsts)) and (
                    m.group("initial") or (last and not self.terms.is_term(last) and last.lower() not in STOP
                                           and (fold(last) in lasts or not _common(last)))):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "intro_pair"))
        for m in finditer(KIN_TITLE, text):
            if self._plain(m.group("n")) and (fold(m.group("n")) in firsts or not _common(m.group("n"))):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "kin_title"))
        for m in finditer(KIN_BARE, text):
            words = m.group("n").split()
            if all(self._plain(w) for w in words) and (fold(words[0]) in firsts or not _common(words[0])):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "kin_bare"))
        for m in finditer(CAPS_LAST_FIRST, text):
            last, first = m.group("last"), m.group("first")
            if self._plain(first) and fold(first) in firsts and self._plain(last.title()) and not _common(last.lower()):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "caps_last_first"))
        for m in finditer(USERNAME, text):
            handle = m.group("n")
            if re.search(r"[\d_.]", handle) or text[m.start():m.start("n")].strip().lower().endswith(("by", ":", "=")):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.7, self, "username"))
        for m in finditer(ANSWERED_NAME, text):
            words = m.group("n").split()
            if 1 <= len(words) <= 4 and all(self._plain(w.strip(".")) for w in words):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.75, self, "answered"))
        return out
