"""Medical words the allow-list does not know, recognised by their context: an eponym before a
disease word ("Kienbock's disease", "Ramsay Hunt syndrome", "Zenker's diverticulum"), and a
word used as a drug (any case): before a dose ("Keppra 500 mg"), after a prescribing verb
("put me on Lyrica", "switched from Celexa to Lexapro") or before "cause(s)" / "tablets".
These spans join the allow-list's in the engine's veto: a name or place detection on them is dropped."""
from __future__ import annotations

import re

from medcorpus.scrub.regex_prefilter import finditer

_CAPWORD = r"[A-Z][A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:['’]s|s['’])?"
_DRUGWORD = r"[A-Za-z][A-Za-z\u00c0-\u024f\u1e00-\u1eff]+"  # drugs in a prescribing frame, in any case ("switched from lialda")
_DISEASE_WORD = (r"disease|syndrome|palsy|sarcoma|lymphoma|tumou?r|cyst|arteritis|thyroiditis|tendinitis|tendonitis|"
                 r"tenosynovitis|an(?:a)?emia|fracture|neuroma|purpura|disorder|diverticulum|lesion|angina|ulcer|"
                 r"(?:muscular )?dystrophy|o?esophagus|sign|phenomenon|reflex|test|procedure|operation|maneuvre|maneuver|"
                 r"manoeuvre|tear|triad|node|duct|gland|canal|cells?|contracture|deformity|fever|encephalopathy|"
                 r"neuralgia|ataxia|chorea|cardiomyopathy|nephropathy|hepatitis|scale|score|criteria|classification|"
                 r"technique|method|diet|regimen|protocol|therapy|vaccine|bacillus|virus|granulomatosis|polyangiitis|neuropathy|"
                 r"myopathy|keratitis|dermatitis|arthritis|hernia|aneurysm|malformation|anomaly|fibrosis|nodes|cysts|"
                 r"surgery|repair|reconstruction|transplant|graft|shunt|splint|brace|bypass|release|osteotomy|fixation")
EPONYM = re.compile(rf"(?<![\w'’-])(?:(?:de|von|van|di)[ \t]+)?{_CAPWORD}(?:[- ](?:{_CAPWORD}|de|von|van)){{0,3}}"
                    rf"[ \t]+(?:{_DISEASE_WORD})(?:e?s)?\b")
_DOSE = r"[ \t]*\(?\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|g|ml|iu|units?|%|tabs?|tablets?|caps?|capsules?|puffs?|drops?)\b"
_PRESCRIBE = (r"(?:tak(?:e|es|ing)|took|prescribed|prescribing|started|starting|stopped|stopping|switched (?:from|to)|"
              r"switch(?:ing)? to|put (?:me|him|her|us|them) on|(?:am|is|was|been|are|were|be) on|given|gave (?:me|him|her)|"
              r"gave|give me|dose of|tablets? of|course of|a (?:tab|tablet|capsule|strip) of|recommend(?:ed)?|try|tried|trying|using|"
              r"increase(?:d)? (?:the|my)|reduce(?:d)? (?:the|my))")
_POSSESSIVE_FEVER = re.compile(r"['’]s[ \t]+fever$")  # "Dorina's fever" is a person's; eponymous fevers have no 's
DRUG_BEFORE_DOSE = re.compile(rf"(?<![\w'’-])({_DRUGWORD}(?:-[A-Z0-9]+)?)(?={_DOSE})")
DRUG_AFTER_VERB = re.compile(rf"(?i:\b{_PRESCRIBE})[ \t]+(?:the[ \t]+)?({_DRUGWORD}(?:-[A-Z0-9]+)?)(?![ \t]+[A-Z])")
DRUG_BEFORE_USE = re.compile(rf"(?<![\w'’-])({_CAPWORD})(?=[ \t]+(?:causes?|caused|tablets?|capsules?|syrup|injections?|"
                             rf"cream|ointment|gel|drops|inhaler|dosage|dose|side effects?|[0-9]+[ \t]*mg)\b)")
# "was on Telma and then Jardiance", "take Liv52 with atorvastatin": a drug's partner is a drug
_CHAIN = r"[ \t]+(?:and then|then|or|with|plus|instead of|followed by|\+)[ \t]+"
DRUG_CHAIN_AFTER = re.compile(rf"{_CHAIN}{_DRUGWORD}")
_PLACE_BEFORE = re.compile(r"(?i:\b(?:from|in|at|near|to|of)[ \t]+)$")
DRUG_PAIR = re.compile(rf"(?<![\w'’-])({_DRUGWORD}\d*){_CHAIN}({_DRUGWORD}\d*)(?![\w'’-])")
# "Combiflam didn't help", "Nifedipine made me dizzy", "alongside your Panadol": what a drug does or goes with
DRUG_EFFECT = re.compile(rf"(?<![\w'’-])({_CAPWORD})(?=[ \t]+(?:(?:didn[’']t|did not|doesn[’']t|does not|isn[’']t|wasn[’']t)[ \t]+"
                         rf"(?:help|work)|(?:made|makes)[ \t]+me[ \t]+(?:feel[ \t]+)?(?:dizzy|sick|drowsy|sleepy|nauseous|"
                         rf"nauseated|itchy|worse|groggy|jittery)|(?:is|was|are)[ \t]+(?:fine|safe|ok|okay)[ \t]+(?:alongside|with)|"
                         rf"wore off|kicked in)\b)")
DRUG_ALONGSIDE = re.compile(rf"(?i:\b(?:alongside|along with|together with|with|plus)[ \t]+(?:your|my|his|her)[ \t]+"
                            rf"(?:usual[ \t]+|daily[ \t]+|regular[ \t]+)?)({_CAPWORD})\b")
SWITCH_TO = re.compile(rf"(?i:\bswitched from)[ \t]+{_DRUGWORD}[ \t]+to[ \t]+({_DRUGWORD})")


_STRONG_CONDITION_BEFORE = re.compile(r"(?i:\b(?:has|had|have|having|history of|diagnosed with|diagnosis of|suspected)[ \t]+)$")
_CONDITION_BEFORE = re.compile(r"(?i:\b(?:has|had|have|having|with|history of|diagnosed with|diagnosis of|suspected|"
                               r"suspect|like|po may|may|for)[ \t]+)$")
# a bare eponym, possessive or with a plural s ("I have Addison's", "Raynauds", "Sever's"), or two joined (Osgood Schlatter)
BARE_EPONYM = re.compile(r"(?<![\w'’-])([A-Z][a-z\u00df-\u024f]{3,}?)(?:['’]s|s['’]|s)?(?:[- ]([A-Z][a-z\u00df-\u024f]{3,}?)"
                         r"(?:['’]s|s['’]|s)?)?(?![\w'’-])")


def _surname(word: str) -> bool:
    from medcorpus.scrub.gazetteers import fold, person_names

    return fold(word) in person_names()[1]


_SPACED_WORD = re.compile(r"[ \t]+([A-Za-z\u00c0-\u024f\u1e00-\u1eff'’]+)")


def _known_eponym_start(m: re.Match, is_eponym, is_term) -> tuple[int, int]:
    """An eponym's span, without the words before a known one-word eponym when none of those is
    medical ("the Vila Medeiros Huntington's disease": a place before "Huntington's disease");
    "Charcot Marie Tooth", "Stevens Johnson" and hyphenated runs stay whole."""
    if is_eponym is None:
        return m.span()
    words = [(w.start(), w.group()) for w in re.finditer(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’]+(?:-[A-Za-z'’]+)*", m.group())]
    if len(words) < 3 or "-" in words[-2][1]:
        return m.span()
    last = re.sub(r"(?:['’]s|s['’])$", "", words[-2][1])
    before = [re.sub(r"(?:['’]s|s['’])$", "", w) for _, w in words[:-2] if w.lower() not in ("de", "von", "van", "di")]
    if not is_eponym(last) or any(is_eponym(w) or (is_term is not None and is_term(w)) for w in before):
        return m.span()
    return m.start() + words[-2][0], m.end()


def medical_context_spans(text: str, is_name=None, is_term=None, is_eponym=None) -> list[tuple[int, int]]:
    """Spans of eponymous conditions and of words used as drugs. `is_name(word)`, when given,
    keeps a known first name after a verb out ("gave me Rachel's number" is not a drug) unless a
    drug chain follows ("on Telma and then Jardiance"); `is_term(word)` (the allow-list) lets a
    drug's partner in a chain count as a drug ("take Liv52 with atorvastatin")."""
    out = [_known_eponym_start(m, is_eponym, is_term) for m in finditer(EPONYM, text) if not _POSSESSIVE_FEVER.search(m.group())]
    if is_eponym is not None:
        for m in finditer(BARE_EPONYM, text):
            first, second = m.group(1), m.group(2)
            if not is_eponym(first):
                continue
            if second is not None and is_eponym(second):
                out.append(m.span())  # "Osgood Schlatter"
            elif m.end(1) < len(text) and text[m.end(1)] in "'’s" and not (text[m.end(1)] == "s" and _surname(first + "s")):
                # "Addison's", "Raynauds"; "Addison" alone may be a surname, and so is "Reyes" (not "Reye's")
                out.append((m.start(1), m.end(1) + (2 if text[m.end(1)] in "'’" else 1)))
            elif second is None and (_STRONG_CONDITION_BEFORE if is_name is not None and is_name(first) else _CONDITION_BEFORE
                                     ).search(text, max(0, m.start() - 24), m.start()):  # "went with Addison": a name
                out.append(m.span(1))  # "had Kawasaki", "history of Kawasaki": the condition, after words that announce one
    for rx in (DRUG_BEFORE_DOSE, DRUG_AFTER_VERB, DRUG_BEFORE_USE, SWITCH_TO, DRUG_EFFECT, DRUG_ALONGSIDE):
        for m in finditer(rx, text):
            word = m.group(1)
            if rx in (DRUG_EFFECT, DRUG_ALONGSIDE) and is_name is not None and is_name(word):
                continue  # "Maria made me tea"
            if rx is DRUG_AFTER_VERB and is_name is not None and is_name(word) \
                    and not DRUG_CHAIN_AFTER.match(text, m.end(1)):
                continue
            out.append(m.span(1))
    for m in finditer(DRUG_PAIR, text):
        sides = [m.span(1), m.span(2)]
        known = [any(s < oe and os < e for os, oe in out) or (is_term is not None and is_term(text[s:e]))
                 for s, e in sides]
        if known[0] != known[1] and not (known[1] and _PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            out.append(sides[1] if known[0] else sides[0])  # ... but "from Seogwipo with Tourette syndrome": a place
    return out
