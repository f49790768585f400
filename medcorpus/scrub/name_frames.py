"""The frames of English text that announce a person: introductions, sign-offs, form fields, bylines,
relatives, initials and inverted names, in any case. Patterns only; `recognizers_names.NameRecognizer`
checks the words they hold against names-dataset and the allow-list."""
from __future__ import annotations

import re

NAME_CONTEXT_LOWER = re.compile(
    r"(?i)(?:\b(?:hi|hello|hey|dear|welcome|thanks|thank you|thank u|thanks a lot|thanks again|regards|reply|im|i am|"
    r"i'm|its|it's|this is|myself|name is|name's|names|called|named|sincerely|cheers|love|wife|husband|son|daughter|"
    r"mother|father|mom|mum|dad|brother|sister|friend|baby|aunt|uncle|grandmother|grandfather|grandma|grandpa|cousin|"
    r"nephew|niece|boyfriend|girlfriend|partner|dr|doctor|mr|mrs|ms)[.,!:]?[ \t]+)$")
# "i am gaurav wright 39 yrs", "its peter again", "hi im priya from pune": lower-case words in a self-introduction
LOWER_INTRO = re.compile(r"(?i:\b(?:(?:hey|hi|hello)[ \t]+doc(?:tor)?,|i am|i'm|im|its me|it's me|it is me|its|it's|this is|my name is|my names|my name's|myself|name is)[ \t]+)"
                         r"(?P<n>[a-z\u00df-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff\u0300-\u036f'’-]+(?:[ \t]+[a-z\u00df-\u024f\u1e00-\u1eff]"
                         r"[a-z\u00df-\u024f\u1e00-\u1eff\u0300-\u036f'’-]+){0,2}?)(?![\w'’-])"
                         r"(?=[ \t]*(?:\d|,|\.|!|\n|$|again\b|here\b|from\b|and\b|aged?\b|writing\b|(?:hi|hello|doc|doctor|dr|sir)\b))")
# what tells a first name that is also an English word ("grace", "will") from the word in a self-introduction
INTRO_STRONG_AFTER = re.compile(r"[ \t]*(?:\d|again\b|here\b|from\b|aged?\b|writing\b|(?:hi|hello|doc|doctor|dr|sir)\b)")
# the last words of a text after a closing or "waiting for ur reply"
LOWER_END = re.compile(r"(?i:\b(?:reply|regards|thanks|thank you|thank u|thanks a lot|cheers|bye|thx|ta|ty|tnx|doc|doctor)\b)"
                       r"[ \t,.!~–—-]*\n?[ \t]*(?P<n>[a-z\u00df-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff\u0300-\u036f'’-]+"
                       r"(?:[ \t]+[a-z\u00df-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff\u0300-\u036f'’-]+)?)[ \t.!]*\Z")
INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]\.(?=[ \t])")
UP_WORD = r"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff'’-]+"
# a form field or header that holds a person, in any case: "PATIENT NAME: JOHN SMITH", "Caller: Smith, Ann"
# labels that also open a line of prose ("From: ...", "Re: ...") count at the start of a line only
_FIELD_LABELS = (r"patient(?:'s)?[ \t]+name|full[ \t]+name|name(?:[ \t]+of[ \t]+(?:the[ \t]+)?patient)?|patient|pt|"
                 r"caller|guardian|parent|contact(?:[ \t]+person)?|emergency[ \t]+contact|next[ \t]+of[ \t]+kin|nok|informant|"
                 r"submitted[ \t]+by|posted[ \t]+by|sent[ \t]+by|signed|referred[ \t]+by|consultant|doctor|"
                 r"physician|nurse|carer|caregiver|relative|spouse|mother|father|mum|mom|dad|husband|wife|son|daughter|"
                 r"surname|last[ \t]+name|family[ \t]+name|given(?:[ \t]+names?)?|first[ \t]+names?|forenames?|other[ \t]+names|"
                 r"middle[ \t]+names?|crew|paramedics?|player|athlete|student|pupil|child|resident|client|member|insured|"
                 r"subscriber|policy[ \t]?holder|copy[ \t]+to|cc|requesting[ \t]+(?:dr|doctor|clinician)|"
                 r"ordering[ \t]+(?:dr|doctor|physician|clinician)|referring[ \t]+(?:dr|doctor|gp|clinician)|gp|author|"
                 r"dictated[ \t]+by|reported[ \t]+by|verified[ \t]+by|authori[sz]ed[ \t]+by|checked[ \t]+by|witness|"
                 r"interpreter|donor|applicant|employee|traveller|traveler|passenger|owner|handed[ \t]+over[ \t]+(?:by|to)")
# a scanned form's "name" may read "narne"; a label may pair two ("Surname / Family name", "Given name(s)")
_FIELD_LABELS = _FIELD_LABELS.replace("name", "na(?:m|rn)e")
_FIELD_LABEL = rf"(?:{_FIELD_LABELS})(?:\(s\))?(?:[ \t]*/[ \t]*(?:{_FIELD_LABELS})(?:\(s\))?)?"
_FIELD_SEP = r"(?:,|[ \t]/)?[ \t]"  # one space between a name's words: a column gap ends the value
FIELD = re.compile(
    rf"(?im:(?:^[ \t]*(?P<weak>from|to|attn|re)|(?:^|(?<=\|)|(?<=[ \t]{{2}})|(?<=\t))[ \t]*{_FIELD_LABEL})[ \t]*[:\-–—][ \t]*)"
    rf"(?P<n>{UP_WORD}(?:{_FIELD_SEP}(?:[A-Z]\.|{UP_WORD})){{0,3}}|"
    r"[a-z][a-z'’-]+(?:[ \t][a-z][a-z'’-]+){0,2}(?=[ \t]*(?:$|[,|(/]|[ \t]{2})))")
# who wrote, sent or handed over: "Posted by Ji-woo on", "Quote from stuart atkinson:", "Handed over by Agus (RN) to X"
_BY_VALUE = (rf"(?:(?:Dr|Nurse|Sister)\.?[ \t]+)?(?P<n>(?:[A-Z]\.[ \t]*)?{UP_WORD}(?:(?:,[ \t]|[ \t])(?:[A-Z]\.[ \t]*)?{UP_WORD}){{0,2}}|"
             r"(?:[a-z]\.[ \t]*)?[a-z][a-z'’-]+(?:[ \t](?:[a-z]\.[ \t]*)?[a-z][a-z'’-]+){0,2}(?=[ \t]*(?:$|[,.:;!(\n]|on\b|at\b|to\b)))")
BY_NAME = re.compile(
    r"(?i:\b(?:posted|written|submitted|sent|shared|dictated|typed|signed|reviewed|authored|reported|handed[ \t]+over|"
    r"seen|assessed|examined|triaged|transcribed|verified|quote|quoting|note|message|reply|comment|update|voicemail)"
    r"[ \t]+(?:by|from))[ \t]+" + _BY_VALUE)
TO_NAME = re.compile(r"(?i:\bhand(?:ed)?[ \t]+over(?:[ \t]+by[ \t]+[^\n]{1,40}?)?[ \t]+to)[ \t]+" + _BY_VALUE)
# an initial and a surname in any case: "J. Xu", "l. ocampo", "B. dela Cruz", "chloe r." is handled by the pair rule
INITIAL_SURNAME = re.compile(r"(?<![\w.])(?P<i>[A-Za-z]\.[ \t]?(?:[A-Za-z]\.[ \t]?)?)(?P<n>(?:(?:de|dela|del|van|von|da|di|le|la|al|el|bin)[ \t]+)?"
                             r"[A-Za-z][a-z\u00df-\u024f'’]+(?:-[A-Za-z][a-z\u00df-\u024f'’]+)?)(?![\w'’-])")
# someone asked or told to do something: "ask Will to call me", "tell Grace about it" (a first name, even a word)
ASK_TO = re.compile(r"(?i:\b(?:ask|asked|tell|told|remind|reminded|let|want|wanted|need|needed|get|got|call|ring|text|phone)[ \t]+)"
                    r"(?P<n>[A-Z][a-z]+)(?=[ \t]+(?:to|if|whether|about|when)\b)")
# what stands around a lower-case first and last name: "for joanne atkinson", "son arjun sandhu who" (not "mi mamá tiene")
PERSON_BEFORE = re.compile(r"(?i:(?:\b(?:for|to|by|from|with|and|of|named|called|dear|hi|hello|hey|patient|pt|doctor|dr|nurse|"
                            r"son|daughter|husband|wife|mother|father|mum|mom|dad|brother|sister|friend|partner|child|member|crew|"
                            r"resident|client|player|pupil|student|lola|lolo|tita|tito|nan|gran|grandma|grandpa|aunty|auntie|uncle|"
                            r"baby|carer|is|was|am|me|see|saw|met|ask|tell|told|call|ring|thanks|regards|cheers|re)"
                            r"|^|[\n:;,(\[|\-–—>])[ \t]*)$")
PERSON_AFTER = re.compile(r"(?i:[ \t]*(?:$|[\n,;:()|]|\.(?:[ \t]|$)|\b(?:who|date|dob|born|aged?|is|was|has|had|says|said|"
                           r"and|from|at|in|on|here|\d)))")
# a relative named in brackets: "Mum (Dieter, DOB ...)", "my nan (pat o'hara)"
KIN_BRACKET = re.compile(r"(?i:\b(?:mum|mom|mother|dad|father|son|daughter|husband|wife|partner|brother|sister|grandma|grandpa|"
                         r"granny|nan|nana|gran|aunt|auntie|uncle|cousin|carer|nok|next[ \t]+of[ \t]+kin|baby|child))[ \t]*\([ \t]*"
                         r"(?P<n>[A-Za-z\u00c0-\u024f][\w'’-]+(?:[ \t]+[A-Za-z\u00c0-\u024f][\w'’-]+){0,3})[ \t]*[,)]")
# a lower-case first name, particles and a surname: "pieter van der berg", "salma bint ahmed"
LOWER_PARTICLE_NAME = re.compile(r"(?<![\w'’-])(?P<n>[a-z\u00df-\u024f]+[ \t]+(?:(?:van|von|der|den|de|da|di|del|la|le|bin|binti|bint|al|el|"
                                 r"mac|ap|ó|ní)[ \t]+){1,3}[a-z\u00df-\u024f][a-z\u00df-\u024f'’-]+)(?![\w'’-])")
# a capitalised first name, particles and a surname: "Pieter van der Merwe", "Ciarán Mac Giolla", "Aisha bint Saleh"
PARTICLE_NAME = re.compile(rf"(?<![\w'’-])(?P<f>{UP_WORD})[ \t]+(?:(?:van|von|der|den|de|da|di|del|la|le|bin|binti|bint|al|el|"
                           rf"Mac|Mc|Ó|Ní|Nic|Ap|ap|ó|ní)[ \t]+){{1,3}}{UP_WORD}(?![\w'’-])")
# a first name and the surname in brackets: "Noor (Khan)", "Sanne (Ferreira)"
FIRST_BRACKETED_LAST = re.compile(rf"(?<![\w'’-])(?P<f>{UP_WORD})[ \t]*\((?P<n>{UP_WORD}(?:[ \t-]{UP_WORD})?)\)")
# a surname in capitals, a comma and the given names: "O'SULLIVAN, Oisin", "RATTANAKORN, PIMCHANOK", "mokoena, anri"
LAST_COMMA_FIRST = re.compile(r"(?<![\w'’-])(?P<last>(?:O['’])?[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?|[a-z][a-z'’]+(?:-[a-z]+)?),[ \t]+"
                              r"(?P<first>[A-Z][A-Za-z'’]+(?:-[A-Za-z][a-z'’]+)?(?:[ \t][A-Z][a-z'’]+)?|[a-z][a-z'’]+(?:-[a-z]+)?)(?![\w'’-])")
NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
# a line of job titles is no signature: "GP Partner", "Practice Manager"
ROLE_WORDS = frozenset("gp partner registrar consultant practitioner nurse doctor manager receptionist pharmacist physio "
                        "physiotherapist midwife coordinator lead senior junior associate locum team administrator".split())
# a name opening a sentence, followed by what a person does or has: "Dante and I", "Olga's fever", "Ravi drove me"
START_NAME = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][ \t]))(?P<n>[A-Z][a-z\u00df-\u024f\u1e00-\u1eff]+)"
                        r"(?=['’]s\b|[ \t]+(?:and|&)[ \t]+(?:I|me|my|[A-Z])|[ \t]+[a-z]{2,})")

STRONG_AFTER = re.compile(r"['’]s\b|[ \t]+(?:and|&)[ \t]+(?:I|me)\b|[ \t]+is[ \t]+my\b")
# "I met Satıa Arsoy at ...", "Ask for Lajita at reception", "(mother of Nurgil)"
MET = re.compile(rf"(?i:\b(?:ask(?:ed)? for|speak(?:ing)? (?:to|with)|spoke (?:to|with)|talk(?:ed)? to|met|meet|"
                 rf"(?:mother|father|mom|mum|dad|parent|guardian|wife|husband|son|daughter|sister|brother|carer) of))"
                 rf"[ \t]+(?P<n>{UP_WORD}(?:[ \t]+{UP_WORD})?)(?![\w'’-])")
# a relative, partner or friend named: "my brother April", "My missus Autumn", "my bf Will"
_KIN = (r"(?i:\b(?:my|her|his|our|their)[ \t]+(?:(?:younger|older|elder|little|big|late)[ \t]+)?(?:brother|sister|bro|sis|mum|mom|mother|"
        r"dad|father|husband|hubby|wife|missus|son|daughter|aunt|auntie|uncle|cousin|niece|nephew|grandma|"
        r"grandpa|granny|gran|lola|lolo|partner|bf|gf|boyfriend|girlfriend|fiance|fiancee|friend|mate|flatmate|roommate|"
        r"neighbour|neighbor|colleague|boss|carer|caregiver|baby|child|kid|twin)(?:-in-law)?,?[ \t]+)")
# the same in Spanish, Portuguese, French and Italian: "mi esposa Pilar", "ma fille Inès", "minha mãe Rosa"
_KIN_FOREIGN = (r"(?i:\b(?:mi|mis|ma|mon|mes|mio|mia|mía|minha|meu)[ \t]+(?:esposa|esposo|marido|mujer|hija|hijo|madre|padre|"
                r"mamá|papá|abuela|abuelo|hermana|hermano|tía|tío|prima|primo|femme|mari|fille|fils|mère|père|sœur|soeur|frère|"
                r"moglie|marito|figlia|figlio|madre|sorella|fratello|filha|filho|mãe|pai|irmã|irmão|avó|avô),?[ \t]+)")
KIN_NAME = re.compile(rf"(?:{_KIN}|{_KIN_FOREIGN})(?P<n>{UP_WORD})(?![\w'’-])")
# in lower case the name must be followed by what a person does: "my husband autumn works", "my aunt ivy has it"
_DOES = (r"(?=[ \t]+(?:has|had|is|was|says|said|asked|thinks|thought|reckons|works|worked|told|tells|suggested|also|too|"
         r"and|who|got|gets|took|takes|wants|keeps|passed|died|lives|lived|stay|stays|in|went|came|had)\b|[ \t]*[,(])")
KIN_LOWER = re.compile(rf"{_KIN}(?P<n>[a-z][a-z'’-]+(?:[ \t]+(?:bin|binti|bint|al|de|van)?[ \t]*[a-z][a-z'’-]+){{0,2}}?){_DOES}")
# a first name that suggests, says or thinks: "so Jade suggested atenolol", "Grace reckons it's stress"
_SAYS = (r"[ \t]+(?:suggested|suggests|says|said|thinks|thought|reckons|reckoned|told me|tells me|asked me|advised|"
         r"recommended|mentioned|noticed|insisted|insists|believes|feels)\b")
SAYS = re.compile(rf"(?<![\w'’-])(?P<n>{UP_WORD}){_SAYS}")
# "me and aroha went", "kofi and i were": a lower-case first name paired with the writer
ME_AND_LOWER = re.compile(r"(?:\bme|\bi)[ \t]+(?:and|&|n)[ \t]+(?P<n>[a-z][a-z'’-]+)(?![\w'’-])")
AND_ME_LOWER = re.compile(r"(?<![\w'’-])(?<!\bmy[ \t])(?<!\bthe[ \t])(?<!\bher[ \t])(?<!\bhis[ \t])(?<!\bour[ \t])(?P<n>[a-z][a-z'’-]+)[ \t]+(?:and|&|n)[ \t]+(?:me|i)\b")
SAYS_LOWER = re.compile(rf"(?:(?<=\bso[ \t])|(?<=\band[ \t])|(?<=\bbut[ \t])|(?<=,[ \t]))(?P<n>[a-z][a-z'’-]+){_SAYS}")
# a title in lower case without its period: "dear mrs smith", "my gp, dr carter,", "hi mr. de la cruz"
TITLE_LOWER = re.compile(r"(?i:\b(?:dr|mr|mrs|ms|prof)\.?[ \t]+)(?P<n>(?:(?:de|del|la|van|von|da|di|ó|ní|bin|al)[ \t]+){0,2}"
                         r"[a-z\u00df-\u024f\u1e00-\u1eff][a-z\u00df-\u024f\u1e00-\u1eff'’-]+)(?![\w'’-])")
# verbs that follow "the dr" and are names somewhere (Said, Gave)
TITLE_VERBS = frozenset("said says told tells asked asks gave gives give put puts thinks thought wants wanted sent "
                         "sees saw checks took takes made makes kept keeps left came comes".split())
# words that stand before a verb and are first names somewhere (Even, Ever, Still): never a name in lower case
BEFORE_A_VERB = frozenset("even ever still just also only then never always really actually already soon later "
                           "may will can could would should must might shall".split())
# "thank you for your query, lei." in lower case
THANKS_LOWER = re.compile(r"(?i:\bthanks?(?:[ \t]+you)?(?:[ \t]+for[ \t]+[a-z' ]{2,30})?),[ \t]+(?P<n>[a-z][a-z'’-]+)(?=[ \t]*[.!,])")
# "Faith Carpenter here": a first and a last name before "here"
NAME_HERE = re.compile(rf"(?<![\w'’-])(?P<n>{UP_WORD}[ \t]+{UP_WORD})[ \t]+here\b")
# "Hello will," "Dear grace,": a greeting, one word and a comma
GREETING_NAME = re.compile(r"(?i:\b(?:hello|hi|hey|dear|good (?:morning|afternoon|evening))[ \t]+)"
                           r"(?P<n>[A-Za-z][a-z'’-]+(?:[ \t]+[A-Za-z][a-z'’-]+)?)(?=,)")
NAME_GAP = re.compile(r"[ \t]+(?:[A-Z]\.[ \t]+)?")  # between a first and a last name: a space, maybe an initial
# a first name at the very end after a thanks in any language: "Salamat po! Princess", "Gracias, Lorenzo"
THANKS_END = re.compile(rf"(?i:\b(?:salamat(?:[ \t]+po)?|ingat(?:[ \t]+po)?|gracias|shukran|asante(?:[ \t]+sana)?|merci|danke|"
                        rf"obrigad[oa]|thanks|thank you|cheers|regards|bless(?:[ \t]+you)?))[!.,]*[ \t]+"
                        rf"(?P<n>{UP_WORD}(?:[ \t]+{UP_WORD})?)[ \t.!]*\Z")
VOCATIVE_END = re.compile(rf",[ \t]+(?P<n>{UP_WORD})[ \t]*[.!]?[ \t]*\Z")
# a closing line "from leonard, warszawa" / "- ryan" (lower case too)
FROM_LINE = re.compile(r"(?im:^[ \t]*(?:from|frm|[-–—~])[ \t]*(?P<n>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)"
                       r"[ \t]*(?:,[^\n]{0,40})?[ \t.!]*\Z)")
