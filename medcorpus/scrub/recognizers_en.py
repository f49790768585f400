"""Recognizers for identifiers in any language (emails, URLs, phones, ID numbers, dates) and
for how English consultations leak names and places (self-introductions, greetings,
sign-offs, titles, relatives, addresses)."""
from __future__ import annotations

import re
from typing import Optional

from medcorpus.scrub.patterns import GroupPatternRecognizer, Rx
from medcorpus.scrub.recognizers_dates import DATE_PATTERNS
from medcorpus.scrub.recognizers_ids import (AGE_OVER_89, CARD, CN_ID, FIELD_CODE, ID_CONTEXT, ID_HEAD,  # noqa: F401
                                             CODE_AFTER_NOUN, ID_COLON_CODE, LETTERED_CODE, LONG_NUMBER, QQ, SEPARATED_CODE, SSN, WECHAT, _card, _cn_id,
                                             HKID, IE_PPSN, SG_NRIC, hkid_ok, nric_ok, ppsn_ok,
                                             _ctx_id, _digits, _field_code, _head_id, _separated_code, cn_id_checksum_ok,
                                             luhn_ok)
from medcorpus.scrub.word_classes import CLINIC_WORDS

I = re.IGNORECASE
# ----------------------------------------------------------------------------- helpers
STOP = set("""
a an the and or but if so as at by for from in into of on onto to with without about above after before
again also am are is was were be been being have has had having do does did doing not no yes very just
really still now then here there this that these those it its it's i i'm me my mine we us our you your
he him his she her they them their who whom what which when where why how all any both each few more most
other some such only own same than too can will would should could may might must shall let
having suffering worried concerned going feeling experiencing writing asking currently recently male female
married single pregnant diabetic hypertensive years year yrs old months month weeks week days day
mother father mom mum dad son daughter wife husband brother sister baby child kid friend
sir madam maam ma'am doctor doc dr mr mrs ms miss mx prof professor team everyone everybody there all good fine ok okay hello hi hey dear
thanks thank thankyou regards please kindly sure glad happy sorry scared afraid confused unable able tired
sick ill obese overweight healthy allergic chat chatdoctor taking using well back soon today tomorrow
yesterday morning evening night afternoon noon again help advice query question problem issue
patient patients nurse hospital clinic medical medicine treatment
best kind warm sincerely cheers wishes truly faithfully yours take care god bless regard
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december
english hindi chinese american indian british asian african european
based sounds seems looks it's its given according unfortunately however also although since because
while during following regarding considering as per kindly hope hoping wish want need needs let's lets
dont don't cant can't im i've ive i'd id i'll ill yes yeah nope nothing something anything everything
first second third last next other another every each many much lot lots little bit some
alright allright oh ah ahh hmm hm um uh well certainly absolutely indeed great right wow actually honestly
basically generally usually normally overall firstly secondly finally lastly anyway anyways okay ok sure
""".split())
MEDICAL_SUFFIX = re.compile(r"(?i)(?:ia|itis|osis|emia|aemia|oma|pathy|ectomy|otomy|ostomy|plasty|scopy|gram|graphy|"
                            r"algia|rrhea|rrhoea|rrhagia|penia|cytosis|uria|iasis|plegia|trophy|lysis|sclerosis|"
                            r"mycin|cillin|azole|prazole|olol|pril|sartan|statin|dipine|oxacin|cycline|tidine|coccus|bacter|plasma|"
                            r"monas|ismus|obius|virus|philus|"
                            r"amine|azepam|profen|vir|mab|nib|parin|semide|thiazide|"
                            # WHO INN stems (drug-name morphology)
                            r"verine|tyline|oxetine|azolam|setron|triptan|lukast|gliptin|gliflozin|afil|terol|tropium|"
                            r"caine|dronate|tinib|zumab|ximab|apine|peridone|piprazole|olone|asone|conazole|floxacin|"
                            r"oxacin|tadine|tidine|lamide|fenac|coxib|glinide|gliptin|lutamide|relin|tecan|platin|"
                            r"rubicin|stigmine|thromycin|cefixime|ceftriaxone|prost|parib|xaban|gatran|glutide|tirzepatide|dipine|mustine)$")

# letters of Latin-script names (Kutgün, Hayrioğlu, Şefiye, İlalmış, Mętel): Latin-1 and Latin Extended-A/B
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff\u0300-\u036f"
NAME_WORD = rf"(?:O['’])?[{_UP}][{_LO}]+(?:(?<=Mc|Ma|De|Di|La|Le)[{_UP}][{_LO}]+|(?<=Mac|Van|Von)[{_UP}][{_LO}]+)?(?:[-'’][{_UP}]?[{_LO}]+)?"
NAME_ANY = rf"[A-Za-z{_UP}][{_LO}]+(?:[-'’][A-Za-z{_UP}]?[{_LO}]+)?"
CAP_NAME = rf"{NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{NAME_WORD}){{0,2}}"
CREDENTIALS = r"(?:,?[ \t]+(?:MD|M\.D\.|DVM|PhD|Ph\.D\.|DDS|DO|MBBS|MS|RN|NP|PA-C|FACS|FRCS|MRCP|DNB|DM|MCh|Jr\.?|Sr\.?|II|III|IV)(?![A-Za-z]))*"


def _words(value: str) -> list[str]:
    return re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", value)


def looks_medical(word: str, terms) -> bool:
    return terms.is_medical_word(word, strong_only=True) or (len(word) > 5 and bool(MEDICAL_SUFFIX.search(word))
                                           and word.lower() not in COMMON_NAMES_WITH_SUFFIX)


COMMON_NAMES_WITH_SUFFIX = set("""
maria sophia olivia amelia julia lydia patricia victoria cynthia claudia natalia emilia alicia
antonia cecilia gloria nadia virginia georgia tonia sonia ophelia celia cornelia delia
caroline catherine katherine christine jasmine josephine madeline pauline justine geraldine
jacqueline adeline evangeline nicole simone yvonne leone malone stone boone capone
""".split())


MONTH_NAMES = set("january february march april may june july august september october november december".split())
TITLE_STOP = (STOP - MONTH_NAMES - {"will", "may", "hope", "grace", "joy", "faith", "rose", "bill", "good", "best",
                                    "kind", "well", "early", "long", "young", "little", "white", "black", "brown"})


def make_name_check(terms, min_score: float, allow_lower: bool = False, medical_veto: bool = False,
                    stop: set = STOP, veto_any: bool = False):
    """Validator for a name candidate: drops stop words (and, for weak contexts, medical
    words), keeps the score. Strong contexts ("Hello Mrs. Bell", "Regards, Dr. Wilson") keep
    names that are also eponyms."""

    def check(value: str, m: re.Match) -> Optional[float]:
        words = _words(value)
        if not words or len(words) > 4:
            return None
        if not allow_lower and not value[:1].isupper():
            return None
        if words[0].lower() in stop:
            return None
        if all(w.lower() in stop for w in words):
            return None
        if medical_veto and all(w.lower() in stop or looks_medical(w, terms) for w in words):
            return None
        if CLINIC_WORDS.search(value):  # "— Harbourside Medical Practice" is a clinic, not a person
            return None
        if veto_any and any(looks_medical(w, terms) for w in words):
            return None
        return min_score

    return check


def _caps_name_ok(value: str, terms) -> Optional[float]:
    """A surname in capitals after a title: a known name, or a long word that is no English word
    (never an abbreviation such as ENT, ECG or a medical word)."""
    from medcorpus.scrub.gazetteers import fold, is_english, person_names

    words = _words(value.replace("-", " "))
    if not words or any(w.lower() in TITLE_STOP or looks_medical(w, terms) or terms.is_medical_word(w) for w in words):
        return None
    first, last = person_names()
    if all(fold(w) in first or fold(w) in last or (len(w) >= 4 and not is_english(w)) for w in words):
        return 0.85
    return None


def _signature_ok(value: str, m: re.Match, terms) -> Optional[float]:
    """A line that is only a capitalised name: near the end of the text, after "--", or followed by
    credentials, a phone, a URL or an email on the next line (a signature block)."""
    words = _words(value)
    stop = STOP - MONTH_NAMES
    if not words or len(words) > 3 or any(w.lower() in stop for w in words) \
            or all(looks_medical(w, terms) for w in words):
        return None
    from medcorpus.scrub.gazetteers import english_words

    if len(words) > 1 and all(w.lower() in english_words() for w in words):  # "Consultant Physician"
        return None
    text = m.string
    rest = text[m.end():]
    marked = "-" in m.group(0) or "—" in m.group(0) or "–" in m.group(0)
    tail = rest.count("\n") <= 3 and len(rest) < 200
    block = re.match(r",?[ \t]*(?:MD|M\.D\.|PhD|DO|MBBS|RN)\b|\s*\n\s*(?:https?://|www\.|\+?\(?\d{3}|[\w.+-]+@|Dr\b|[A-Z][a-z]+ "
                     r"(?:Clinic|Hospital|Medical))", rest)
    if len(words) == 1 and not (marked or block or (tail and len(rest.strip()) == 0)):
        return None  # a lone capitalised word mid-text is too often a heading
    return 0.8 if (marked or tail or block) else None


def _trim_name(value: str) -> str:
    """Cut a lower-case name candidate at its first stop word ("angie and i" -> "angie")."""
    out = []
    for w in value.split():
        if w.lower().strip(",.") in STOP:
            break
        out.append(w)
    return " ".join(out)


# ----------------------------------------------------------------------------- any language
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@"
                   r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*"
                   r"\.[A-Za-z]{2,24}(?![A-Za-z0-9-])")
_URL_TAIL = r"[^\s<>\"'\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*"
_COMMON_TLDS = ("com|org|net|edu|gov|mil|int|io|info|biz|co|us|uk|in|cn|au|ca|de|fr|jp|ru|me|ly|tv|"
                "health|care|clinic|hospital|doctor|online|site|xyz|top")
URL_SCHEME = re.compile(rf"(?i)(?<![A-Za-z0-9])(?:https?://|ftp://|www\.)[A-Za-z0-9]{_URL_TAIL}")
# "jo.smith at gmail dot com", "kim [at] mail [dot] co [dot] uk": an address written out to dodge spam filters
_MAIL_TLDS = r"(?:com|net|org|edu|gov|co|uk|in|au|ca|de|fr|cn|jp|nz|za|ng|ph|my|sg|ie|io|br|mx|es|it|nl|ru)"
EMAIL_SPELLED = re.compile(r"(?i)(?<![\w.%+-])(?!(?:me|him|her|us|them|you|it|one|home|work|night|school|clinic|hospital)\b)"
                           r"[a-z0-9][\w.%+-]{0,63}[ \t]*(?:\(at\)|\[at\]|\{at\}|[ \t]at[ \t])[ \t]*[a-z][a-z0-9-]*"
                           rf"(?:[ \t]*(?:\(dot\)|\[dot\]|\{{dot\}}|[ \t]dot[ \t]|\.)[ \t]*(?-i:{_MAIL_TLDS})){{1,3}}\b")
_HOST_LABELS = r"(?<![@A-Za-z0-9_.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"  # "www.", "kids-health.", "a.b."
URL_BARE = re.compile(rf"{_HOST_LABELS}(?:{_COMMON_TLDS})(?:\.[a-z]{{2}})?(?:/{_URL_TAIL})?(?![\w@-])")
# a bare host under any other public suffix: "kidshealth.nz", "clinica-sol.com.ar", "stmarys.ie/forms" (checked
# against tldextract's bundled public-suffix list in _public_suffix_host)
URL_BARE_ANY = re.compile(rf"{_HOST_LABELS}[a-z]{{2,18}}(?:/{_URL_TAIL})?(?![\w@-])")
# country codes that are also words: "pain.so", "crocin.is it ok" in text typed without a space after the full stop
_WORD_TLDS = frozenset("am an as at be by do eg id im is it my no so to".split())
_SITE_WORD = re.compile(r"(?i:\b(?:web[ \t]?site|web[ \t]?page|portal|url|link|visit|online[ \t]+at|info|domain)\b|网站|网址|官网|網站|網址)")
IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])")
IPV6 = re.compile(r"(?i)(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])")
# North American and generic international numbers (10+ digits with the usual separators)
PHONE_NANP = re.compile(
    r"(?<![\w.+/-])(?:(?:\+|00)?1[\s.-]?|001[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?(?![\w/])")
PHONE_INTL = re.compile(r"(?<![\w.+/-])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}(?![\w/])")
PHONE_CN_MOBILE = re.compile(r"(?<![\d])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")
# a mobile number said in Chinese digits (voice input): 一三八零零零零一一一一, with 幺 for one
_ZH_DIGIT = "零〇一二三四五六七八九幺"
PHONE_CN_SPOKEN = re.compile(rf"(?<![{_ZH_DIGIT}])[一幺][三四五六七八九](?:[{_ZH_DIGIT}]\s?){{8}}[{_ZH_DIGIT}](?![{_ZH_DIGIT}])")
PHONE_CN_LAND = re.compile(r"(?<![\d])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[\s-])\s?\d{7,8}(?:[-转]\d{1,5})?(?!\d)")
PHONE_CONTEXT = re.compile(
    r"(?i)(?:phone|mobile|cell|tel|telephone|call me|text me|whatsapp|contact|fax|reach me|number is|"
    r"电话|電話|手机|手機|座机|座機|联系方式|联系电话|聯絡電話|聯絡|传真|傳真|致电|致電)[^\d\n]{0,16}((?:\+?\d[\d\s().-]{5,18}\d))")
# a short national number (small islands and territories: 5-6 digits) right after a word that says phone
PHONE_CONTEXT_SHORT = re.compile(r"(?i:\b(?:tel|phone|mobile|cell|whatsapp|ring|call|text|my no\.?|contact(?: no\.?| number)?)"
                                 r"(?:[ \t]+(?:me|us|back))?(?:[ \t]+(?:on|at))?[ \t:.-]{1,3})"
                                 r"(\d{2,3}[ -]?\d{2,3}(?:[ -]?\d{2})?)(?![ -]?\d)(?![/.:-]\d)")
# the number first, the word after: "71234041 is my husband's mobile", "0803 555 1212 (my cell)"
PHONE_BEFORE_WORD = re.compile(r"(?<![\w+.-])(\+?\d[\d \t().-]{3,18}\d)(?=[ \t]*(?:is|=|-|\()[ \t]*(?:my|his|her|our|the|mum'?s|"
                               r"dad'?s)?[ \t\w'’]{0,20}?\b(?:mobile|phone|number|cell|landline|whatsapp|no\.)(?![\w]))")
# a number read out in words after a phone word (voice-to-text): "call me on zero seven three two ... 8819"
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)"
PHONE_SPELLED = re.compile(rf"(?i:\b(?:call me on|call me at|ring me on|text me on|reach me on|my number is|number is|"
                           rf"phone|mobile|cell|whatsapp)[ \t:]+)(?P<n>(?i:{_DIGIT_WORD}[ \t,-]+){{4,}}"
                           rf"(?:(?i:{_DIGIT_WORD})\b|\d{{2,}})(?:[ \t,-]+(?:(?i:{_DIGIT_WORD})\b|\d+))*)")
def _phone_ok(value: str, m) -> Optional[float]:
    n = _digits(re.split(r"(?i)x|ext", value)[0])
    if n < 7 or n > 15:
        return None
    if re.fullmatch(r"(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}", value):  # a date
        return None
    return 0.8


def _context_phone_ok(value: str, m) -> Optional[float]:
    n = _digits(value)
    return 0.75 if 7 <= n <= 15 else None


def _before_word_ok(value: str, m) -> Optional[float]:
    return 0.75 if 5 <= _digits(value) <= 15 and not re.fullmatch(r"(?:19|20)\d\d", value) else None


def _short_phone_ok(value: str, m) -> Optional[float]:
    """5-6 digits, not a year or a time."""
    n = _digits(value)
    return 0.7 if 5 <= n <= 6 and not re.fullmatch(r"(?:19|20)\d\d", value) else None


def _public_suffix_host(value: str, m) -> Optional[float]:
    """A host whose last labels are a public suffix and whose own name starts with a letter (not "0.5mg.kg");
    the common suffixes are URL_BARE's. Without a path, a name or suffix that is also a word ("tests.you", "pain.so")
    needs a hyphen or a digit in the name ("ordination-mayer.at") or a site word before it ("website"): in text typed
    without a space after the full stop, such pairs are sentences."""
    from medcorpus.scrub.gazetteers import is_english
    from tldextract.tldextract import TLD_EXTRACTOR  # medcorpus.scrub.offline points it at the bundled list

    if URL_BARE.fullmatch(value):
        return None
    host, slash, _ = value.partition("/")
    parts = TLD_EXTRACTOR(host)
    if not parts.suffix or len(parts.domain) < 2 or not parts.domain[0].isalpha():
        return None
    if slash:
        return 0.6
    wordy = parts.suffix in _WORD_TLDS or (len(parts.suffix) > 2 and is_english(parts.suffix)) or is_english(parts.domain)
    coined = re.search(r"\d", parts.domain) or ("-" in parts.domain and not all(
        len(w) < 2 or is_english(w) for w in parts.domain.split("-")))  # "ordination-mayer", not "x-ray", "knock-knees"
    if wordy and not coined and not _SITE_WORD.search(m.string, max(0, m.start() - 30), m.start()):
        return None
    return 0.6


def _ip_ok(value: str, m) -> Optional[float]:
    return 0.8


def common_recognizers(language: str) -> list[GroupPatternRecognizer]:
    """Identifier recognizers that apply whatever the language of the text."""
    L = language
    return [
        GroupPatternRecognizer("Email", "EMAIL", [Rx("ascii", EMAIL, 1.0), Rx("spelled", EMAIL_SPELLED, 0.85)], L),
        GroupPatternRecognizer("Url", "URL", [Rx("scheme", URL_SCHEME, 0.9), Rx("bare", URL_BARE, 0.6),
                                                Rx("public_suffix", URL_BARE_ANY, 0.6, validate=_public_suffix_host)], L),
        GroupPatternRecognizer("Ip", "IP", [Rx("v4", IPV4, 0.8), Rx("v6", IPV6, 0.8)], L),
        GroupPatternRecognizer("Phone", "PHONE", [
            Rx("cn_mobile", PHONE_CN_MOBILE, 0.9), Rx("cn_landline", PHONE_CN_LAND, 0.8), Rx("cn_spoken", PHONE_CN_SPOKEN, 0.8),
            Rx("nanp", PHONE_NANP, 0.8, validate=_phone_ok), Rx("intl", PHONE_INTL, 0.8, validate=_phone_ok),
            Rx("context", PHONE_CONTEXT, 0.75, group=1, validate=_context_phone_ok),
            Rx("context_short", PHONE_CONTEXT_SHORT, 0.7, group=1, validate=_short_phone_ok),
            Rx("before_word", PHONE_BEFORE_WORD, 0.75, group=1, validate=_before_word_ok),
            Rx("spelled", PHONE_SPELLED, 0.75, group="n")], L),
        GroupPatternRecognizer("IdNumber", "ID", [
            Rx("cn_resident_id", CN_ID, 1.0, validate=_cn_id), Rx("ssn", SSN, 0.85),
            Rx("hk_id", HKID, 0.85, validate=hkid_ok), Rx("sg_nric", SG_NRIC, 0.85, validate=nric_ok),
            Rx("ie_ppsn", IE_PPSN, 0.8, validate=ppsn_ok),
            Rx("card_luhn", CARD, 0.9, validate=_card), Rx("context", ID_CONTEXT, 0.9, group=1, validate=_ctx_id),
            Rx("label_head", ID_HEAD, 0.8, group=1, validate=_head_id),
            Rx("noun_code", CODE_AFTER_NOUN, 0.75, group=1, validate=_head_id),
            Rx("field_code", FIELD_CODE, 0.7, group="v", validate=_field_code),
            Rx("separated_code", SEPARATED_CODE, 0.6, validate=_separated_code), Rx("id_colon", ID_COLON_CODE, 0.75, group=1),
            Rx("qq", QQ, 0.9, group=1), Rx("wechat", WECHAT, 0.9, group=1),
            Rx("long_number", LONG_NUMBER, 0.5), Rx("lettered_code", LETTERED_CODE, 0.6)], L),
        GroupPatternRecognizer("Date", "DATE", [Rx(n, rx, s, group=g[0] if g else 1 if n == "dob" else 0) for n, rx, s, *g in DATE_PATTERNS], L),
        GroupPatternRecognizer("Age", "AGE", [Rx("over_89", AGE_OVER_89, 0.85)], L),
    ]


# ----------------------------------------------------------------------------- English
def english_recognizers(terms) -> list[GroupPatternRecognizer]:
    from medcorpus.scrub.recognizers_address import address_patterns

    name_strong = make_name_check(terms, 0.95, allow_lower=True)
    name_title = make_name_check(terms, 0.9, allow_lower=True, stop=TITLE_STOP)
    name_cap = make_name_check(terms, 0.85, medical_veto=True)
    name_greet = make_name_check(terms, 0.85, allow_lower=True,
                                 stop=STOP - MONTH_NAMES - {"grace", "joy", "faith", "rose", "bill"})

    def lower_ok(score):
        inner = make_name_check(terms, score, allow_lower=True)

        def check(value, m):
            if _trim_name(value) != value:
                return None  # the pattern took a stop word: the trimmed variant matches on its own
            if value.islower() and all(looks_medical(w, terms) for w in _words(value)):
                return None
            return inner(value, m)
        return check

    person = [
        # "My name is angie", "name: Ryan Gallagher", "myself Nilesh"
        Rx("self_intro", re.compile(
            rf"(?i:(?:\b(?:my name is|my name's|my names|name\s*[:\-]|i am called|i'm called|call me)|"
            rf"(?:^|[.!?,]\s*|\b(?:hi|hello|hey|dear|sir|madam|doctor|dr)\b[.,]?\s*)myself))"
            rf"\s+(?P<n>{CAP_NAME}|{NAME_ANY}(?:[ \t]+{NAME_ANY})?(?=\s*(?:[,.!;\n]|$|and\b|here\b|from\b|\d)))"),
            0.95, group="n", validate=None),
        # "This is Ryan", "I am Angie, 26 years": capitalised only
        Rx("intro_cap", re.compile(rf"(?i:\b(?:this is|i am|i'm|it's|it is))\s+(?P<n>{CAP_NAME})(?=\s*(?:[,.!;:\n(]|$|and\b|here\b|from\b|aged?\b|again\b|writing\b|\d))"),
           0.85, group="n", validate=name_cap),
        # Dr. Nair, Mrs. Nair, Doctor Smith, Mr. ryan
        Rx("title", re.compile(rf"\b(?:(?:Dr|dr|DR|Doctor|Mr|mr|MR|Mrs|mrs|MRS|Ms|ms|MS|Miss|Mx|Prof|prof|PROF|Professor|Sister|Nurse|Capt|Captain|Coach|Sr|Fr|Father|"
                               rf"Pastor|Rev|Chaplain|Sgt|Lt|Col|Maj|Midwife|Matron|Paramedic|Officer|Constable|Inspector|Sergeant|Imam|Rabbi)\.?\s+)+(?P<n>(?:(?:van|von|de|der|den|da|dos|del|la|le|al|el)[ \t]+){{0,3}}"
                               rf"{CAP_NAME}{CREDENTIALS})(?![a-z])"),
           0.9, group="n", validate=name_title),
        # "DR. CHUKWU:", "MRS AL-RASHID": a surname in capitals after a title in any case
        Rx("title_caps", re.compile(r"\b(?i:dr|doctor|mr|mrs|ms|miss|prof|professor|sister|nurse)\.?[ \t]+"
                                    r"(?P<n>(?:[A-Z]\.[ \t]*)?[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?(?:[ \t][A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?)?)(?![\w'’-])"),
           0.85, group="n", validate=lambda v, m: _caps_name_ok(v, terms)),
        Rx("title_lower", re.compile(rf"\b(?i:dr|mr|mrs|ms)\.\s*(?P<n>[a-z][a-z]+)\b"), 0.85, group="n",
           validate=make_name_check(terms, 0.85, allow_lower=True)),
        # Hi John, / Hello angie! / Hi there Logan! / Dear Ms. ... (titles handled above)
        Rx("greeting", re.compile(rf"(?i:\b(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|(?:hello|hi) and welcome|"
                                  rf"welcome)(?:[ ,]+there)?)[ ,]+"
                                  rf"(?P<n>{CAP_NAME}|[a-z]+(?=\s*[,!]))"), 0.85, group="n", validate=name_greet),
        # Regards, Nilesh / Thanks & Regards,Nilesh / Sincerely,\nJohn Smith
        Rx("signoff", re.compile(
            r"(?i:\b(?:regards|rgds|regds|best regards|kind regards|warm regards|thanks (?:and|&) regards|sincerely|"
            r"yours (?:truly|sincerely|faithfully)|best wishes|cheers|thanks|thank you|thankyou|thx|with thanks|"
            r"many thanks|best(?=,)|take care|cheers|love|yours))\s*[,.!:;&-]*\s*"
            rf"(?P<n>{CAP_NAME}{CREDENTIALS}|[a-z]+)(?=[ \t]*(?:$|\n|[.!,][ \t]*(?:$|\n)))"), 0.9, group="n",
            validate=name_greet),
        # a signature: a line that is only a name (after "--", or among the last lines, or before "MD")
        Rx("signature", re.compile(
            rf"(?:^|\n)[ \t]*(?:--+|—+|–)?[ \t]*(?P<n>{CAP_NAME}){CREDENTIALS}[ \t]*(?=\n|$)"), 0.8, group="n",
            validate=lambda v, m, _c=None: _signature_ok(v, m, terms)),
        # a name addressed at the very start of a text: "Emily, thank you for the details."
        Rx("vocative_start", re.compile(rf"\A\s*(?P<n>{CAP_NAME})[ \t]*,[ \t]+(?i:thanks?|thank you|this is|i|we|please|your|you|sorry|"
                                        rf"good|hope|regarding|as|based|it)\b"), 0.85, group="n",
           validate=make_name_check(terms, 0.85, medical_veto=True)),
        # "- Ann" / "Thx, Ann" at the very end
        Rx("dash_end", re.compile(rf"(?:^|\s)[-–—~][ \t]*(?P<n>{CAP_NAME})[ \t]*\Z"), 0.8, group="n",
           validate=make_name_check(terms, 0.8, medical_veto=True)),
        # "Christina here." / "I (Alexandra Mathews) have a question"
        Rx("here", re.compile(rf"(?:^|[,.!?]\s*|\b(?i:sir|madam|doctor|hello|hi|hey)[, ]+)(?P<n>{CAP_NAME})[ \t]+here\b"),
           0.85, group="n", validate=make_name_check(terms, 0.85, medical_veto=True)),
        Rx("paren_self", re.compile(rf"\b(?:I|me|myself)[ \t]+\((?P<n>{CAP_NAME})\)"), 0.9, group="n",
           validate=make_name_check(terms, 0.9, medical_veto=True)),
        # "Thanks for writing, Adriana." / "Thank you for your question, Mr. Lee." (vocative after thanks)
        Rx("thanks_vocative", re.compile(rf"(?i:\bthanks?(?: you)?(?: for [a-z' ]{{2,30}})?),[ \t]+(?P<n>{CAP_NAME})(?=[ \t]*[.!,])"),
           0.85, group="n", validate=make_name_check(terms, 0.85, medical_veto=True)),
        # my son John / my wife, Mary / my daughter named emma
        Rx("relative", re.compile(
            r"(?i:\bmy\s+(?:son|daughter|wife|husband|mother|father|mom|mum|dad|brother|sister|boyfriend|"
            r"girlfriend|friend|baby|child|kid|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|"
            r"partner|fianc[eé]e?|nephew|niece|uncle|aunt|cousin|boss|neighbou?r))"
            rf"(?:\s*,\s*|\s+)(?P<n>{CAP_NAME})"), 0.85, group="n", validate=make_name_check(terms, 0.85)),
        Rx("relative_named", re.compile(
            rf"(?i:\b(?:son|daughter|wife|husband|mother|father|mom|dad|brother|sister|friend|baby|child|kid|boy|girl|"
            rf"man|woman|guy|lady|gentleman|person|someone|colleague|boss|doctor|dr|physician|surgeon|nurse|"
            rf"therapist|specialist|dentist|partner|boyfriend|girlfriend|cousin|uncle|aunt|neighbou?r)\.?,?\s+(?:named|called))"
            rf"\s+(?P<n>{CAP_NAME})"), 0.85, group="n", validate=make_name_check(terms, 0.85, medical_veto=True)),
        Rx("name_is", re.compile(
            rf"(?i:\b(?:(?:his|her|their|son's|daughter's|wife's|husband's|mother's|father's|baby's|child's) name is|names are))"
            rf"\s+(?P<n>{CAP_NAME}|{NAME_ANY})"), 0.9, group="n", validate=lower_ok(0.9)),
        # "this is rahul from pune", "rahul here"
        Rx("this_is_lower", re.compile(rf"(?i:\bthis is)\s+(?P<n>[a-z]+)(?=\s+(?:from|here)\b)"), 0.85, group="n",
           validate=make_name_check(terms, 0.85, allow_lower=True, medical_veto=True)),
        # John, 26 years / Mary (45 y/o) / Ryan is a 30 year old
        Rx("with_age", re.compile(
            rf"\b(?P<n>{CAP_NAME})\s*(?:,|\(|\bis\b|\baged?\b)\s*(?:a\s+|an\s+|aged?\s+)?\d{{1,3}}\s*[- ]?(?:years?|yrs?|y/?o|yo|year-old|-year-old)"),
           0.8, group="n", validate=name_cap),
    ]
    person[0].validate = lower_ok(0.95)
    org = [
        Rx("clinic", re.compile(
            r"\b(?P<n>(?:(?:[A-Z][A-Za-z'&-]+|[A-Z][a-z]{0,2}\.|[A-Z]\.(?:[A-Z]\.)+)[ \t]+){1,4}(?:Clinic|Hospital|Medical Cent(?:er|re)|Health Cent(?:er|re)|"
            r"Nursing Home|Polyclinic|Diagnostics|Medical College|Dental Care|Eye Care)"
            r"(?:[ \t]+(?:of|at)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|(?:[ \t]+[A-Z][a-z]+){1,2}(?=[ \t]*[,.;\n]|$))?)\b"), 0.7, group="n",
            validate=lambda v, m: None if v.split()[0].lower() in STOP else 0.7),
    ]
    return [
        GroupPatternRecognizer("EnPerson", "PERSON", person, "en"),
        GroupPatternRecognizer("EnLocation", "LOCATION", address_patterns(terms), "en"),
        GroupPatternRecognizer("EnClinic", "ORG", org, "en"),
    ]
