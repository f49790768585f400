"""Person names from `names-dataset` (its frequent first and last names, shipped compact) as a
second signal next to spaCy: signature lines, first + last name pairs, lower-case names in
self-introductions and sign-offs, the words that the frames of `name_frames.py` hold. Scores stay below
0.8, so the medical allow-list vetoes them."""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.gazetteers import cities, english_words, fold, is_english, person_names, proper_nouns
from medcorpus.scrub.recognizers_en import MONTH_NAMES, STOP, TITLE_STOP
from medcorpus.scrub.word_classes import CLINIC_WORDS, DRUG_SUFFIX
from medcorpus.scrub.recognizers_gazetteer import (CLOSING, PARTICLES, WORD, _common, _folded_regions,
                                                   _result, looks_medical)
from medcorpus.scrub.regex_prefilter import finditer
from medcorpus.scrub.name_frames_family import family_frames
from medcorpus.scrub.name_frames_world import world_frames
from medcorpus.scrub.name_frames import (AND_ME_LOWER, ASK_TO, BEFORE_A_VERB, BY_NAME, FIELD, FIRST_BRACKETED_LAST,
                                         FROM_LINE, GREETING_NAME, INITIAL_SURNAME, INTRO_STRONG_AFTER, KIN_BRACKET,
                                         KIN_LOWER, KIN_NAME, LAST_COMMA_FIRST, LOWER_END, LOWER_INTRO,
                                         LOWER_PARTICLE_NAME, MET, PARTICLE_NAME, ME_AND_LOWER, NAME_CONTEXT_LOWER, NAME_GAP,
                                         NAME_HERE, NEXT_WORD, PERSON_AFTER, PERSON_BEFORE, ROLE_WORDS, SAYS,
                                         SAYS_LOWER, START_NAME, STRONG_AFTER, THANKS_END, THANKS_LOWER, TITLE_LOWER,
                                         TITLE_VERBS, TO_NAME, UP_WORD, VOCATIVE_END)


def _known_last(word: str) -> bool:
    """A surname of names-dataset, or a double-barrelled one whose parts are ("moreau-baptiste")."""
    last = person_names()[1]
    return fold(word) in last or ("-" in word and all(fold(p) in last for p in word.split("-") if p))


def is_first_name(word: str) -> bool:
    """A frequent first name of names-dataset that is not also a general English word."""
    w = re.sub(r"['’]s$", "", word)
    return fold(w) in person_names()[0] and not is_english(w)


def trim_medical_edges(text: str, s: int, e: int, terms) -> tuple[int, int]:
    """A name that ran into a word shaped like a drug loses it ("Dr Rishi Shere
    Nifedipine made me dizzy" keeps Nifedipine). Surnames that are also terms stay (James Parkinson)."""
    def drug_shaped(word: str) -> bool:
        k = fold(word)
        return len(word) > 5 and bool(DRUG_SUFFIX.search(word)) and k not in person_names()[0] and k not in person_names()[1]

    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, s, e)]
    while len(words) > 1 and drug_shaped(words[-1][2]):
        words.pop()
        e = words[-1][1]
    while len(words) > 1 and drug_shaped(words[0][2]):
        words.pop(0)
        s = words[0][0]
    return s, e


def extend_name_list(text: str, s: int, e: int, terms) -> int:
    """Grow a name over the names listed after it: "Tom, Ana and Lucas", "Xavier & Aiden"."""
    while True:
        m = re.match(rf"(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+and[ \t]+)({UP_WORD})(?![\w'’-])", text[e:e + 40])
        if not m:
            return e
        w = m.group(1)
        if w.isupper() or w in ("PhD", "Jr", "Sr") or w.lower() in STOP or looks_medical(w, terms) or not (fold(w) in person_names()[0] or not _common(w)) \
                or fold(w) in _folded_regions() or CLINIC_WORDS.match(w) \
                or (fold(w) in cities()[0] and fold(w) not in person_names()[0]):  # "GILLIES, Ailsa, Bangor"
            return e
        e += m.end()


def extend_name_list_back(text: str, s: int, terms) -> int:
    """Grow a name over a known first name listed before it: "Hope and" + "Faith", "Will &" + "Grace"."""
    m = re.search(rf"(?<![\w'’-])({UP_WORD})[ \t]+(?:and|&)[ \t]+$", text[max(0, s - 30):s])
    if not m:
        return s
    w = m.group(1)
    if fold(w) not in person_names()[0] or w.lower() in TITLE_STOP or looks_medical(w, terms) or CLINIC_WORDS.match(w) \
            or fold(w) in _folded_regions() or w.lower() in MONTH_NAMES:
        return s
    return s - (len(m.group(0)))


# the parts of a line `_lines` reads: a dash or title opening it, a closing formula before the name on the same
# line, where the name ends, initials and runs of blanks
_LINE_LEAD = re.compile(r"[ \t]*(?:[-–—~]+[ \t]*)?(?:(?:Dr|DR|dr|Doctor)\.?[ \t]*)?")
_SAME_LINE_CLOSING = re.compile(
    r"(?i)(?:warm |best |kind |with |many |warmest |god )?(?:regards|rgds|regds|wishes|thanks|thank you|"
    r"thx|cheers|sincerely|love|take care|stay safe|bless(?: you)?)[ \t]*[,.!:-][ \t]*(?:(?:Dr|DR|Doctor)\.?[ \t]*)?")
_LINE_NAME_END = re.compile(r"[,(|&]|[ \t]+(?:from|and|MD|M\.D\.|MBBS)\b|[ \t]*\+?\d")
_INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]\.[ \t]*")
_BLANKS = re.compile(r"[ \t]+")


class NameRecognizer(LocalRecognizer):
    """Person names from names-dataset's frequent first and last names, as a second signal next
    to spaCy: a line that is only a name (signature blocks, the line after "Wish you good health."),
    a first name followed by a capitalised word, a lower-case name in a self-introduction or at
    the end after a closing, and capitalised mid-sentence words that are names and not English words."""

    def __init__(self, terms, language: str = "en"):
        self.terms = terms
        super().__init__(supported_entities=["PERSON"], name="Name", supported_language=language)

    def load(self) -> None:
        person_names()
        english_words()
        proper_nouns()

    def _is_name(self, word: str, strict: bool, stop: set = STOP) -> bool:
        first, last = person_names()
        k = fold(word)
        if k not in first and k not in last or k in _folded_regions():  # "India", "Georgia": places Safe Harbor keeps
            return False
        if word.lower() in stop or word.lower() in MONTH_NAMES or looks_medical(word, self.terms):
            return False
        return not (strict and is_english(word))

    def _plain_word(self, word: str) -> bool:
        """Not a stop word, month or medical term: may be a name in a strong context."""
        w = word.lower()
        return w not in STOP and w not in MONTH_NAMES and not looks_medical(word, self.terms) and len(w) > 1

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = self._lines(text)
        for rx, how in ((FIELD, "field"), (BY_NAME, "by"), (TO_NAME, "by")):
            for m in finditer(rx, text):
                value = ",".join(m.group("n").split(",")[:2])  # "OKONJO, Ifeoma, Bangor": a town after the name
                words = [w for w in re.findall(r"[^\s,/]+", value) if not re.fullmatch(r"[A-Za-z]\.", w)]
                lower = m.group("n").islower()
                common = all(_common(w) for w in words)  # "To: Ask A Doctor": after a prose label a word needs to be no English word
                strict = lower or (common and bool(m.groupdict().get("weak")))
                if words and all(self._plain_word(w) and not CLINIC_WORDS.match(w) for w in words) and (
                        any(self._is_name(w.title(), strict=strict) for w in words) or (not lower and not common)):
                    out.append(_result("PERSON", m.start("n"), m.start("n") + len(value), 0.75, self, how))
        for m in finditer(START_NAME, text):
            w = m.group("n")
            strong = STRONG_AFTER.match(text, m.end("n"))  # "Holly's knee", "Crystal and I", "Zansi is my brother"
            after = NEXT_WORD.match(text, m.end("n"))
            english = strong or (after and is_english(after.group(1)))  # not "Vivimos en", "Pwede po", "Eto po"
            if self._plain_word(w) and english and (is_first_name(w) or (strong and (fold(w) in person_names()[0] or not _common(w)))):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6 if strong else 0.55, self, "sentence_start"))
        for rx, how in ((MET, "met"), (VOCATIVE_END, "vocative_end"), (FROM_LINE, "from_line"), (THANKS_END, "thanks_end")):
            for m in finditer(rx, text):
                words = m.group("n").split()
                if all(self._plain_word(w) and not CLINIC_WORDS.match(w) for w in words) and \
                        (any(fold(w) in person_names()[0] for w in words) or not all(_common(w) for w in words)):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, how))
        first = person_names()[0]
        for rx, how in ((KIN_NAME, "kin"), (SAYS, "says"), (GREETING_NAME, "greeting"), (KIN_LOWER, "kin_lower"),
                        (SAYS_LOWER, "says_lower"), (THANKS_LOWER, "thanks_lower")):
            for m in finditer(rx, text):  # the frame says person: a first name that is also a word counts here
                w, *rest = m.group("n").split()
                if rest and not (fold(rest[0]) in person_names()[1] or not _common(rest[0])):
                    continue  # "Dear Anna Kowalska," yes; "Hi doctor there," no
                known = fold(w) in first or (how == "kin" and w[0].isupper() and (fold(w) in person_names()[1] or not _common(w)))
                if how.endswith("_lower") and (w in BEFORE_A_VERB or w.endswith("ly")):
                    continue  # "and even noticed", "so finally said"
                if known and w.lower() not in TITLE_STOP and not looks_medical(w, self.terms) \
                        and not CLINIC_WORDS.match(w) and not re.match(r"[ \t]*\d", text[m.end("n"):m.end("n") + 3]):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, how))
        for rx in (ME_AND_LOWER, AND_ME_LOWER):  # a known first name that is no English word, or one hunspell lists as a name
            for m in finditer(rx, text):
                w = m.group("n")
                if fold(w) in first and (not is_english(w) or w in proper_nouns()) and w not in BEFORE_A_VERB \
                        and w not in TITLE_STOP and not looks_medical(w, self.terms):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, "me_and_lower"))
        for m in finditer(TITLE_LOWER, text):  # the last word must be a name of names-dataset, not a verb ("dr said")
            w = m.group("n").split()[-1]
            k = fold(w)
            if (k in first or k in person_names()[1]) and w not in STOP and w not in BEFORE_A_VERB and w not in TITLE_VERBS \
                    and not looks_medical(w, self.terms) and not re.search(r"(?:ed|ing)$", w):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "title_lower"))
        for m in finditer(NAME_HERE, text):
            w1, w2 = m.group("n").split()[0], m.group("n").split()[-1]
            if fold(w1) in first and fold(w2) in person_names()[1] and self._plain_word(w1) and self._plain_word(w2):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "name_here"))
        for rx, how in ((LOWER_INTRO, "lower_intro"), (LOWER_END, "lower_end")):
            for m in finditer(rx, text):
                words = m.group("n").split()
                named = re.search(r"(?i)name", text[max(0, m.start("n") - 12):m.start("n")])
                own = not re.search(r"(?i)\bit['’]?s[ \t]+$", text[max(0, m.start("n") - 12):m.start("n")])  # not "it's red."
                sure = len(words) == 1 and (how == "lower_end" or INTRO_STRONG_AFTER.match(text, m.end("n"))
                                            or (own and fold(words[0]) in first and re.match(r"[ \t]*[.,]", text[m.end("n"):])))
                if all(self._plain_word(w) and (not _common(w) or ((named or sure) and self._is_name(w, strict=False)))
                       for w in words):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, how))
        out += self._initials_and_inverted(text)
        medical = lambda w: looks_medical(w, self.terms) or self.terms.is_medical_word(w) or bool(CLINIC_WORDS.match(w))  # noqa: E731
        out += [_result("PERSON", s, e, 0.65, self, how) for frames in (family_frames, world_frames)
                for s, e, how in frames(text, self._plain_word, medical)]
        for m in finditer(ASK_TO, text):
            w = m.group("n")
            if (is_first_name(w) or (fold(w) in person_names()[0] and w.lower() in proper_nouns())) \
                    and w.lower() not in TITLE_STOP and w.lower() not in MONTH_NAMES \
                    and not looks_medical(w, self.terms) and not CLINIC_WORDS.match(w) and fold(w) not in _folded_regions():
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, "ask_to"))
        for m in finditer(KIN_BRACKET, text):
            words = m.group("n").split()
            lower = m.group("n").islower()
            if all(w.lower() not in STOP and not self.terms.is_medical_word(w) and not CLINIC_WORDS.match(w) for w in words) \
                    and any(self._is_name(w.title() if lower else w, strict=lower) for w in words):  # "hohaia" ends like a disease
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "kin_bracket"))
        for m in finditer(PARTICLE_NAME, text):
            w1, wl = m.group("f"), m.group(0).split()[-1]
            if is_first_name(w1) and self._plain_word(wl) and not CLINIC_WORDS.match(wl):
                out.append(_result("PERSON", m.start(), m.end(), 0.65, self, "particles"))
        for m in finditer(LOWER_PARTICLE_NAME, text):
            w1, wl = m.group("n").split()[0], m.group("n").split()[-1]
            if fold(w1) in person_names()[0] and self._is_name(w1, False) and w1 not in BEFORE_A_VERB \
                    and (fold(wl) in person_names()[1] or not _common(wl)) \
                    and self._plain_word(wl):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, "lower_particles"))
        for m in finditer(FIRST_BRACKETED_LAST, text):
            sur = m.group("n")
            if is_first_name(m.group("f")) and all(self._plain_word(w) and (fold(w) in person_names()[1] or not _common(w))
                                                   for w in re.split(r"[ \t-]", sur)):
                out.append(_result("PERSON", m.start("n"), m.end("n"), 0.65, self, "bracketed_surname"))
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        first, last = person_names()
        for i, (s, e, w) in enumerate(toks):
            upper = w[0].isupper() and not w.isupper()
            if not upper and not w.islower():
                continue
            k = fold(w)
            if k not in first and k not in last:
                continue  # neither branch below takes a word that is no name at all
            nxt = toks[i + 1] if i + 1 < len(toks) and NAME_GAP.fullmatch(text, e, toks[i + 1][0]) else None
            if upper:
                if nxt and nxt[2][0].isupper() and not nxt[2].isupper() and self._is_name(w, False, TITLE_STOP) \
                        and (fold(nxt[2]) in last or not _common(nxt[2])) and self._plain_word(nxt[2]) \
                        and (not _common(w) or (fold(nxt[2]) in last and not _common(nxt[2]))) \
                        and not CLINIC_WORDS.match(nxt[2]):
                    out.append(_result("PERSON", s, nxt[1], 0.7, self, "first_last"))
                    continue
                j = s - 1
                while j >= 0 and text[j].isspace():
                    j -= 1
                sentence_start = j < 0 or text[j] in ".!?:;"
                if not sentence_start and self._is_name(w, strict=True):
                    out.append(_result("PERSON", s, e, 0.55, self, "capitalised"))
                elif not sentence_start and not nxt and self._is_name(w, strict=False, stop=TITLE_STOP) \
                        and re.match(r"[ \t]*(?:[,.!?;)]|[ \t][a-z])", text[e:e + 2]) and text[s - 1:s] in (" ", "\t"):
                    out.append(_result("PERSON", s, e, 0.5, self, "capitalised_word"))  # "with Hope and", "ask Joy."
            elif w.islower() and k in first and nxt and nxt[2].islower() and _known_last(nxt[2]) and len(w) > 2 \
                    and len(nxt[2]) > 2 and self._is_name(w, True) and all(self._is_name(p, True) for p in nxt[2].split("-")) \
                    and (PERSON_BEFORE.search(text, max(0, s - 24), s) or PERSON_AFTER.match(text, nxt[1])):
                out.append(_result("PERSON", s, nxt[1], 0.6, self, "lower_pair"))  # "the script for joanne atkinson"
            elif w.islower() and self._is_name(w, strict=True) and NAME_CONTEXT_LOWER.search(text[max(0, s - 30):s]):
                end = nxt[1] if nxt and nxt[2].islower() and fold(nxt[2]) in last and self._is_name(nxt[2], True) else e
                out.append(_result("PERSON", s, end, 0.6, self, "lower_context"))
        return out

    def _initials_and_inverted(self, text: str) -> list[RecognizerResult]:
        """"J. Xu" / "l. ocampo" (a surname of names-dataset that is no English or medical word after an
        initial) and "LAST, First" (a surname in capitals or lower case, then a known first name)."""
        first, last = person_names()
        out = []
        for m in finditer(INITIAL_SURNAME, text):
            sur = m.group("n").split()[-1]
            if fold(sur) not in last:
                continue
            short = sur[0].isupper() and len(sur) <= 3  # "J. Xu", "K. Ng": short surnames hunspell knows as words
            if fold(sur) in last and self._is_name(sur, strict=not short and fold(sur) not in proper_nouns()) \
                    and not self.terms.is_medical_word(sur) and (sur[0].isupper() or m.group("i")[0].islower()):
                before = re.search(r"(?<![\w'’-])([a-z][a-z'’-]+)[ \t]+$", text[max(0, m.start() - 30):m.start()])
                s = m.start("i")
                if before and m.group("i")[0].islower() and fold(before.group(1)) in first and self._is_name(before.group(1), True):
                    s -= len(before.group(0))  # "kelvin e. goh"
                out.append(_result("PERSON", s, m.end("n"), 0.6, self, "initial"))
        for m in finditer(LAST_COMMA_FIRST, text):
            sur, given = m.group("last"), m.group("first")
            lower = sur.islower()
            if fold(given.split()[0].split("-")[0]) not in first or (lower and fold(sur) not in last):
                continue  # cheap first: most "word, word" pairs of a text hold no known first name
            if lower != given.islower() and not (sur.isupper() and given.isupper()) and not (sur.isupper() and not given.islower()):
                continue
            words = [sur.replace("-", " ")] + given.split()
            if any(not self._plain_word(w) or CLINIC_WORDS.match(w) for w in words):
                continue
            given_ok = fold(given.split()[0].split("-")[0]) in first and self._is_name(given.split()[0], strict=lower)
            sur_ok = (fold(sur) in last and self._is_name(sur.title(), strict=lower)) or (not lower and not _common(sur))
            if given_ok and sur_ok:
                out.append(_result("PERSON", m.start(), m.end(), 0.65, self, "last_comma_first"))
        return out

    def _lines(self, text: str) -> list[RecognizerResult]:
        """A line that is only a name, a name before ", clinic" / "(phone)" / " from City", a
        name after a closing formula on the same line ("Warm wishes, Grace Obi"), or a capitalised
        line right after a closing formula."""
        out = []
        pos = 0
        lines = text.split("\n")
        for k, line in enumerate(lines):
            start = pos
            pos += len(line) + 1
            m = _LINE_LEAD.match(line)
            body = line[m.end():]
            same_line = _SAME_LINE_CLOSING.match(body)
            if same_line:
                body = body[same_line.end():]
            offset = start + len(line) - len(body)
            cut = _LINE_NAME_END.search(body)
            cand = (body[:cut.start()] if cut else body).rstrip(" \t.")
            lead = len(cand) - len(cand.lstrip())
            cand = cand.strip()
            words = [w for w in WORD.findall(cand) if not (len(w) == 1 and w.isupper() and w.lower() not in PARTICLES)]  # initials
            plain_cand = _BLANKS.sub(" ", _INITIAL.sub("", cand)).strip()
            if not words or len(words) > 4 or " ".join(words) != plain_cand:
                continue
            capital = all(w[0].isupper() for w in words if w.lower() not in PARTICLES)
            lower = all(w.islower() for w in words)
            stop = TITLE_STOP if capital else STOP
            if not (capital or lower) or CLINIC_WORDS.search(cand) \
                    or any(w.lower() in stop or w.lower() in ROLE_WORDS or looks_medical(w, self.terms) for w in words):
                continue
            prev = next((l for l in reversed(lines[:k]) if l.strip()), "")
            after_closing = bool(same_line) or bool(re.match(r"[ \t]*[-–—~]", line)) or bool(CLOSING.search(prev)) or bool(re.search(r"(?i)\b(?:Dr|Doctor)\.?[ \t]*$", line[:m.end()]))
            # after a closing, a lower-case line of first and last names is a signature even when they are words too
            names = [w for w in words if self._is_name(w, strict=not capital and not after_closing)]
            plain = [w for w in words if w.lower() in PARTICLES or not _common(w)]
            if capital and after_closing and len(plain) == len(words):
                pass  # "Take care.\nŞehza Mansız": a capitalised line of uncommon words after a closing
            elif not names or (lower and len(names) < len(words)):
                continue
            elif capital and not after_closing and all(_common(w) for w in words):
                continue
            if k == 0 and not after_closing and len(lines) > 1 and not cut:
                continue  # a heading
            s = offset + lead
            out.append(_result("PERSON", s, s + len(cand), 0.75 if after_closing else 0.65, self, "line"))
        return out
