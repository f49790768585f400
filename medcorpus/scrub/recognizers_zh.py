"""Chinese recognizers: person names from jieba part-of-speech tags (`nr`) checked against a
surname list, names in context (我叫…, …医生, 患者…), and addresses (省/市/区/县/路/号).
Phones, resident ID numbers (checksum), bank cards (Luhn), emails, QQ/WeChat ids and dates
are in `recognizers_en.common_recognizers`, which runs for every language."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.allowlist import resource_path
from medcorpus.scrub.patterns import GroupPatternRecognizer, Rx
from medcorpus.scrub.zh_hmm import remember_hmm

HAN = r"\u4e00-\u9fff"
_HAN_CHAR = re.compile(f"[{HAN}]")  # precompiled: asked tens of thousands of times per batch
_HAN_RUN = re.compile(f"[{HAN}]+")
PROVINCES = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|"
             "四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门")
# words that end like a place but are body regions or common nouns
_NOT_PLACE = ("心前区", "肝区", "肾区", "脾区", "胃区", "腹区", "盆区", "颈区", "疫区", "病区", "园区", "社区", "景区",
              "城区", "郊区", "地区", "山区", "市区", "县城", "城市", "超市", "上市", "门市")
NAME_TITLES = ("医生|大夫|主任|教授|院长|护士|先生|女士|小姐|同学|老师|阿姨|叔叔|师傅|医师|博士|"
               "醫生|醫師|院長|護士|老師|師傅|護理師|药师|藥師")  # simplified and traditional
NAME_BEFORE = (r"尊敬的|联系我|聯繫我|聯絡我|我系(?=[^统列])|我叫|她叫|他叫|名叫|叫做|我係|我阿[媽妈爸]|我[媽妈]媽|我[爸]爸|回复人[:：]?\s*|回覆人[:：]?\s*|我是|我的名字是|我的名字叫|我名叫|本人|姓名\s*[:：]?\s*|患者\s*[:：]?\s*|病人\s*[:：]?\s*|"
               r"联系人\s*[:：]?\s*|家属\s*[:：]?\s*|签名\s*[:：]?\s*|就诊人\s*[:：]?\s*|我儿子|我女儿|我老公|我老婆|"
               r"我妈妈|我爸爸|我丈夫|我妻子|我(?:妈|爸|哥|姐|弟|妹|婆婆|公公|岳母|岳父|舅舅|姑姑|阿姨|叔叔|媳妇|闺女|侄子|侄女|外甥|表哥|表姐|表妹|表弟)(?![妈爸哥姐弟妹])|"
               r"(?i:my[ \t]+(?:mum|mom|mother|dad|father|husband|wife|son|daughter|brother|sister|grandma|grandpa|aunt|uncle|"
               r"friend|cousin|mother-in-law|father-in-law))[ \t]*|孩子(?:他)?(?:爸爸|妈妈|爸|妈)|宝宝(?:爸爸|妈妈)|我(?:爷爷|奶奶|外公|外婆|姥姥|姥爷|哥哥|姐姐|弟弟|妹妹)|孩子叫|儿子叫|女儿叫|宝宝叫|盼复[，,]\s*|此致敬礼[，,]?\s*|——\s*|--\s*|"
               r"落款[:：]?\s*|咨询人[:：]?\s*|提问人[:：]?\s*|患者[:：]\s*|宝宝(?=[^\W\d_]{2,3}[，,])")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    lines = [l for l in resource_path("zh_surnames.txt").read_text(encoding="utf-8").splitlines()
             if l and not l.startswith("#")]
    single = set(lines[0])
    compound = set(lines[1].split()) if len(lines) > 1 else set()
    try:  # traditional forms (陳, 張, 許, 鄭 ...): Faker's zh_TW surname list, part of the scrub extra
        from faker.providers.person.zh_TW import Provider

        for n in Provider.last_names:
            (single if len(n) == 1 else compound).add(n)
    except ImportError:
        pass
    return frozenset(single), frozenset(compound)


def has_surname(name: str) -> bool:
    single, compound = surnames()
    return name[:2] in compound or name[:1] in single


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    remember_hmm(pseg)  # the same answers, faster (zh_hmm.py)
    return jieba, pseg


@lru_cache(maxsize=10_000)
def _cut(window: str, pos: bool) -> tuple[tuple[str, str], ...]:
    """jieba's (word, flag) of a short window; windows repeat across consultations ("尽快咨询医生")."""
    jieba, pseg = _jieba()
    if pos:
        return tuple((w, f) for w, f in pseg.cut(window))
    return tuple((w, "") for w in jieba.cut(window))


# common words jieba's dictionary tags as person names (nr)
ZH_NOT_NAMES = frozenset("谢谢 毛发 张嘴 白发 阳虚 阴虚 祖父母 叶黄素 阴道炎 阴茎头 阴茎 黄体 高压 高烧 高热 万一 "
                         "周期 周围 常规 程度 时候 时间 任何 何时 方面 方法 向前 于是 关节 甘油 白带 包皮 马上 张力 肌张力 "
                         "白细胞 红细胞 黄斑 白斑 白内障 蓝光 金黄色 司机 司法 謝謝 多謝 多谢 感謝 感谢 谢邀 謝邀".split())


# surnames that are far more often a preposition or pronoun next to 医生 (向医生咨询, 由医生决定)
FUNCTION_CHARS = "那这哪谁该本此每各某其和由向与及跟给让被把对从在为找请问都也就还又再才"
# the words that may stand right before a transliterated name (患者阿依古丽·买买提, 我朋友约翰·史密斯)
_BEFORE_INTERPUNCT_NAME = frozenset("患者 病人 病患 家属 姓名 叫 我叫 是 我是 和 与 跟 给 找 朋友 同事 同学 邻居 老公 老婆 丈夫 妻子 "
                                    "儿子 女儿 爸爸 妈妈 母亲 父亲 医生 护士 老师 证明 兹 兹证明 联系人 签名 申请人 爱人 愛人 太太 先生 家属 家屬 现 現 打 "
                                    "写 寫 的 打我 我".split())
# verbs and particles that stand right before a name and that jieba may join with a surname (過葉, 給謝)
_BEFORE_NAME_CHARS = set("過过給给找跟和問问被讓让帶带叫請请的看睇是到向對对由與与")


def _in_dictionary(word: str) -> bool:
    _, pseg = _jieba()
    return word in pseg.dt.word_tag_tab


def _common_word(word: str) -> bool:
    """A word jieba's dictionary knows as something other than a person name."""
    _, pseg = _jieba()
    tag = pseg.dt.word_tag_tab.get(word)
    return tag is not None and not tag.startswith("nr")


class JiebaNameRecognizer(LocalRecognizer):
    """Person names: jieba `nr` tokens with a known surname, plus names in context."""

    CONTEXT_BEFORE = re.compile(rf"(?:{NAME_BEFORE})(?=([{HAN}]{{2,4}}))")
    INTERPUNCT_TAIL = re.compile(rf"[{HAN}]{{1,8}}?(?=[^{HAN}·•‧]|$|也[有是]|都[有是]|同志|先生|女士|小姐|医生|大夫|老师|今年|最近|住院|"
                                 rf"患有|得了|的|说|是|在|和|也|申请|申請|年纪|年紀|会员|會員|生日|[·•‧])")
    INTERPUNCT_NAME = re.compile(rf"(?<![·•‧])[{HAN}]{{1,8}}(?P<sep>[·•‧])[{HAN}]{{1,8}}(?:[·•‧][{HAN}]{{1,8}})?")
    CONTEXT_GENDER = re.compile(rf"(?:^|(?<=[^{HAN}]))([{HAN}]{{2,4}})[，,]\s*[男女](?:性)?[，,]")
    CONTEXT_AFTER = re.compile(rf"([{HAN}]{{1,3}}?)(?:{NAME_TITLES})")
    CONTACT_AFTER = re.compile(rf"(?<=[{HAN}])[，,]\s*(?:手机|手機|电话|電話|联系电话|聯繫電話|微信|座机|座機)")
    TITLE_SUFFIX = re.compile(rf"(?:{NAME_TITLES})$")
    TITLE_START = re.compile(rf"(?:{NAME_TITLES})")
    NAME_PRECEDERS = "是叫找问给和跟与及同被让请向对把的姓名"
    HERB_ENDINGS = set("汤丸散膏丹饮片草花根叶皮子仁菌藤参芪苓胶")
    NAME_FOLLOWERS_S = ("，。！？；：,.!?;: \n的说是在和跟给让也都今现去来")

    def __init__(self, terms, language: str = "zh"):
        self.terms = terms
        single, compound = surnames()
        sur = "|".join(sorted(compound, key=len, reverse=True)) + "|[" + "".join(sorted(single)) + "]"
        # a bare name: after punctuation, a particle or the start; before punctuation, a particle or a title
        self.BARE = re.compile(rf"(?:^|(?<=[^{HAN}])|(?<=[{self.NAME_PRECEDERS}]))((?:{sur})[{HAN}]{{1,2}}?)"
                               rf"(?=[{re.escape(self.NAME_FOLLOWERS_S)}]|$|{NAME_TITLES})")
        self.NAME_FOLLOWERS = set(self.NAME_FOLLOWERS_S)
        super().__init__(supported_entities=["PERSON"], name="ZhPerson", supported_language=language)

    def load(self) -> None:
        pass

    def _result(self, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult("PERSON", start, end, score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:{how}",
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _plausible(self, text: str, s: int, e: int) -> bool:
        """A name of 1-4 characters with a known surname that no medical term in the text covers."""
        name = text[s:e]
        if not (1 <= len(name) <= 4) or not has_surname(name):
            return False
        return name not in self.terms.zh and not self.terms.zh_overlaps(text, s, e)

    def _segment(self, text: str, s: int, e: int, pos: bool = False) -> list[tuple[int, int, str, str]]:
        """jieba tokens (start, end, word, flag) of text[s:e], offsets in `text`; posseg when `pos`."""
        out, p = [], s
        for word, flag in _cut(text[s:e], pos):
            out.append((p, p + len(word), word, flag))
            p += len(word)
        return out

    def _name_at(self, tokens, s: int, max_len: int = 3, strict: bool = False) -> Optional[tuple[int, int]]:
        """The name that starts at `s` according to jieba's tokens: one token (2-3 characters,
        tagged nr or unknown to the dictionary), a lone surname, or a lone surname followed by
        a given name jieba does not know as a word. None when the text there is not a name."""
        toks = [t for t in tokens if t[0] >= s]
        if not toks or toks[0][0] != s:
            return None
        ts, te, word, flag = toks[0]
        t = self.TITLE_SUFFIX.search(word)
        if t and t.start() > 0:  # 李医生 as one token
            te, word = ts + t.start(), word[:t.start()]
        if len(word) == 1:
            if not has_surname(word) or word in FUNCTION_CHARS:
                return None
            nxt = toks[1] if len(toks) > 1 else None
            if nxt and self._given_name(nxt, strict):
                third = toks[2] if len(toks) > 2 else None
                if len(nxt[2]) == 1 and third and len(third[2]) == 1 and self._given_name(third, strict) \
                        and (len(toks) == 3 or not _HAN_CHAR.match(toks[3][2])):
                    return (ts, third[1])  # 鍾 + 美 + 華: characters jieba's dictionary does not know
                return (ts, nxt[1])
            return (ts, te) if flag.startswith("nr") or not flag else None
        if len(word) > max_len or word in ZH_NOT_NAMES:
            return None
        if word in surnames()[1]:
            return (ts, te)  # 欧阳 / 上官 (tagged ns, n): the caller adds the given name
        if _in_dictionary(word) and not flag.startswith("nr"):
            return None
        return (ts, te)

    def _given_name(self, tok, strict: bool = True) -> bool:
        """A token that can follow a lone surname as the given name (婷婷, 志强, 明); `strict`
        (no context) also wants it tagged as a name or unknown to the dictionary."""
        _, _, word, flag = tok
        if not (1 <= len(word) <= 2 and _HAN_RUN.fullmatch(word)) or self.TITLE_START.match(word):
            return False
        if word[0] in self.NAME_FOLLOWERS or word[0] in "一不了个有没很太最还又再就才得着过吗呢吧啊" or word in ZH_NOT_NAMES:
            return False
        if len(word) == 2 and flag in ("v", "vn", "vd", "d", "p", "c", "u") and _in_dictionary(word):
            return False  # 时 + 咨询 医生, 来 + 帮助 医生: a verb after a surname-shaped character is no given name
        return not strict or flag.startswith("nr") or not _in_dictionary(word)

    def _name_before(self, tokens, t: int) -> Optional[tuple[int, int]]:
        """The name that ends at `t` (where a title such as 医生 starts), from jieba's tokens."""
        for ts, te, word, flag in tokens:
            if ts < t < te and self.TITLE_SUFFIX.search(word) and te - t <= 2:  # 刘医生 as one token
                name = word[:t - ts]
                prev = [tok for tok in tokens if tok[1] == ts]
                if len(name) == 1 and prev and len(prev[0][2]) == 1 and has_surname(prev[0][2]) \
                        and prev[0][2] not in FUNCTION_CHARS:
                    return (prev[0][0], t)  # 张 + 杨医生
                return (ts, t) if 1 <= len(name) <= 3 and name not in ZH_NOT_NAMES else None
        before = [tok for tok in tokens if tok[1] <= t]
        if not before or before[-1][1] != t:
            return None
        ts, te, word, flag = before[-1]
        if len(word) == 1 and len(before) > 1 and len(before[-2][2]) == 1 and has_surname(before[-2][2]) \
                and before[-2][2] not in FUNCTION_CHARS and _HAN_CHAR.match(word) and word not in FUNCTION_CHARS:
            return (before[-2][0], te)  # 张 + 杨 + 医生
        if len(word) == 2 and word[0] in _BEFORE_NAME_CHARS and has_surname(word[1]) and word[1] not in FUNCTION_CHARS \
                and not _in_dictionary(word):
            return (te - 1, te)  # 過 + 葉醫生, 給 + 謝醫師: jieba joins a verb with a surname it does not know
        if len(word) == 1 and len(before) > 1 and before[-2][2] in surnames()[1] and word not in FUNCTION_CHARS:
            return (before[-2][0], te)  # 诸葛 + 明 + 大夫
        if len(word) == 1 and len(before) > 1 and len(before[-2][2]) == 2 and before[-2][3].startswith("nr") \
                and has_surname(before[-2][2]) and word not in FUNCTION_CHARS and before[-2][2] not in ZH_NOT_NAMES:
            return (before[-2][0], te)  # 韩梓 + 萱 + 主任 (not 谢谢 + 刘医生)
        if len(word) == 1:  # 刘医生: jieba tags a lone surname nr, zg, r, ...
            return (ts, te) if has_surname(word) and word not in FUNCTION_CHARS else None
        if (len(word) > 3 and not (len(word) == 4 and word[:2] in surnames()[1])) or word in ZH_NOT_NAMES:
            return None  # 上官婉儿: four characters with a compound surname
        if len(before) > 1 and len(before[-2][2]) == 1 and has_surname(before[-2][2]) \
                and before[-2][2] not in FUNCTION_CHARS and self._given_name(before[-1], strict=False):
            return (before[-2][0], te)  # 张 + 婷婷
        if len(before) > 1 and before[-2][2] in surnames()[1] and self._given_name(before[-1], strict=False):
            return (before[-2][0], te)  # 欧阳 + 桂芝
        if flag.startswith("nr") or not _in_dictionary(word):
            return (ts, te)
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        """Only short windows around candidates are segmented (jieba's HMM is the slow part):
        names after 我叫/患者/…, before 医生/先生/…, and bare surname+1-2 characters that stand
        alone between punctuation or particles."""
        if not _HAN_CHAR.search(text):
            return []
        out: list[RecognizerResult] = []
        for m in self.CONTEXT_BEFORE.finditer(text):
            s = m.start(1)
            span = self._name_at(self._segment(text, s, min(len(text), s + 6), pos=True), s)
            if span and span[1] - span[0] == 2 and span[1] + 1 <= len(text) and _HAN_CHAR.match(text[span[1]]) \
                    and not _HAN_CHAR.match(text[span[1] + 1:span[1] + 2]) \
                    and text[span[1]] not in self.NAME_FOLLOWERS and text[span[1]] not in "有了着过吗呢吧啊也" \
                    or span and span[1] - span[0] == 2 and re.match(f"[{HAN}][都也就还又说]", text[span[1]:span[1] + 2]) \
                    and text[span[1]] not in self.NAME_FOLLOWERS_S + "有了着过吗呢吧啊也都就还又说":
                span = (span[0], span[1] + 1)  # 郑国 + 强 before a space or a comma: the third character is the name's
            if span and span[1] - span[0] == 3 and text[span[0]:span[0] + 2] in surnames()[1] \
                    and _HAN_CHAR.match(text[span[1]:span[1] + 1]) and text[span[1]] not in self.NAME_FOLLOWERS_S + FUNCTION_CHARS + "有了着过吗呢吧啊现" \
                    and not _HAN_CHAR.match(text[span[1] + 1:span[1] + 2]) or span and span[1] - span[0] == 3 \
                    and text[span[0]:span[0] + 2] in surnames()[1] and text[span[1] + 1:span[1] + 3] in ("现在", "今年", "最近", "已经", "昨天"):
                span = (span[0], span[1] + 1)  # 司马欣 + 怡 before 现在: a compound surname with a two-character given name
            if span and text[span[0]:span[1]] in surnames()[1]:  # 诸葛 + 怡慧: a compound surname takes its given name
                given = re.match(f"[{HAN}]{{1,2}}", text[span[1]:])
                g = given.group() if given else ""
                if g[1:] and g[1] in FUNCTION_CHARS + "的了是有说":
                    g = g[:1]  # 欧阳 + 芳 + 都有
                if g and not any(c in FUNCTION_CHARS + "的了是有" for c in g):
                    span = (span[0], span[1] + len(g))
            if span and self._plausible(text, span[0], span[1]):
                out.append(self._result(span[0], span[1], 0.85, "context_before"))
        for m in self.INTERPUNCT_NAME.finditer(text):  # 阿依古丽·买买提, 约翰·史密斯: a transliterated name
            s = m.start()
            if s and _HAN_CHAR.match(text[s - 1]):  # a longer run (…的是我爱人阿卜杜拉·…): back from the dot to a role word
                for ts, te, word, flag in reversed(self._segment(text, max(0, m.start("sep") - 12), m.start("sep"), pos=True)):
                    if word in _BEFORE_INTERPUNCT_NAME or flag[:1] in ("r", "p", "c", "u") or ts < m.start():
                        s = max(te, m.start())
                        break
            for ts, te, word, flag in self._segment(text, s, m.start("sep"), pos=True):
                if word not in _BEFORE_INTERPUNCT_NAME and flag[:1] not in ("r", "p", "c", "u"):
                    break
                s = te  # 患者 + 阿依古丽·买买提, 我 + 朋友 + 约翰·史密斯: roles and pronouns before the name are not part of it
            tail = self.INTERPUNCT_TAIL.match(text, m.start("sep") + 1)  # 史密斯 + 也有这个病, 热合曼 + 同志
            e = tail.end() if tail else m.start("sep") + 1
            if s < m.start("sep") and e > m.start("sep") + 1 and not self.terms.zh_overlaps(text, s, e):
                out.append(self._result(s, e, 0.75, "interpunct"))
        for m in self.CONTEXT_GENDER.finditer(text):  # 冯红梅，女，49岁
            s = m.start(1)
            if self._plausible(text, s, m.end(1)):  # the frame is enough: jieba need not know 黄梓萱
                out.append(self._result(s, m.end(1), 0.85, "context_gender"))
        for m in self.CONTACT_AFTER.finditer(text):  # 有事联系我唐强，手机…: the name before a phone label
            t = m.start()
            span = self._name_before(self._segment(text, max(0, t - 5), t, pos=True), t)
            if span and self._plausible(text, span[0], span[1]) and (span[0] == 0 or text[span[0] - 1] in "系繫絡我是叫：:，,。\n 人"):
                out.append(self._result(span[0], span[1], 0.8, "context_contact"))  # not 医院 + 查过 (查 is a surname too)
        for m in self.TITLE_START.finditer(text):
            t = m.start()
            if t == 0 or not _HAN_CHAR.match(text[t - 1]) \
                    or not any(self._plausible(text, s, t) for s in range(max(0, t - 4), t)):
                continue  # no name of 1-4 characters can end at the title: no need to segment
            tokens = self._segment(text, max(0, t - 7), m.end(), pos=True)  # 皮肤科 + 梁秀英: whole words before the name
            span = self._name_before(tokens, t)
            if span and self._plausible(text, span[0], span[1]):
                out.append(self._result(span[0], span[1], 0.8, "context_title"))
        for m in self.BARE.finditer(text):
            s, e = m.span(1)
            if s > 0 and text[s - 1] in "、" or not self._bare_may_pass(text, s):
                continue  # an item of a list (herbs, drugs, symptoms), or no name there whatever jieba says
            toks = self._segment(text, max(0, s - 6), min(len(text), e + 4), pos=True)
            for ts, te, word, flag in toks:
                if ts == s and flag in ("nr", "nrfg") and te - ts >= 2:
                    if te - ts <= 3 and self._bare_name_ok(text, ts, te):
                        out.append(self._result(ts, te, 0.6, "jieba_nr"))
                    break
        return out

    def _bare_name_ok(self, text: str, s: int, e: int) -> bool:
        """A bare nr token text[s:e] of 2-3 characters that may be reported: no title in it (李医生:
        the title rule reports the name alone), new to the dictionary (jieba tags 谢谢, 毛发, 阳虚 as
        nr), no herb ending, plausible, and followed by punctuation, a particle or a title."""
        word = text[s:e]
        if self.TITLE_SUFFIX.search(word) or word[-1] in self.HERB_ENDINGS or _in_dictionary(word) \
                or word in ZH_NOT_NAMES or not self._plausible(text, s, e):
            return False
        after = text[e] if e < len(text) else ""
        return not after or after in self.NAME_FOLLOWERS or bool(self.TITLE_START.match(text, e))

    def _bare_may_pass(self, text: str, s: int) -> bool:
        """Whether a bare name of 2 or 3 characters at `s` could pass `_bare_name_ok`, whatever
        jieba's tokens: where none could, the text need not be segmented (the tagger is the slow part)."""
        return any(self._bare_name_ok(text, s, e) for e in (s + 2, s + 3) if e <= len(text))


def _place_ok(value: str, m) -> Optional[float]:
    if any(value.endswith(w) or value == w for w in _NOT_PLACE):
        return None
    return 0.85


# the last word of an estate's name: 阳光花园, 锦绣华庭, 金地名都, 世纪城, 翠苑小区
ESTATES = "小区|小區|花园|花園|家园|家園|华庭|華庭|华府|華府|名都|名苑|公寓|大厦|大廈|新村|广场|城|苑|园|里|庭|府|湾|灣"


def chinese_recognizers(terms) -> list:
    # the tail runs greedily to the last street/number marker before punctuation
    ends = "路|街|大道|大街|巷|胡同|里|弄|村|屯|组|镇|乡|小区|花园|公寓|大厦|广场|号院|号楼|号|栋|幢|座|楼|单元|室|层"
    addr_tail = rf"[{HAN}A-Za-z0-9０-９-]{{1,30}}(?:{ends})"
    address = [
        # 四川省成都市武侯区人民南路4号 / 陕西省北镇县东城柳州街Q座 979032
        Rx("province", re.compile(
            rf"(?:{PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?"
            rf"{addr_tail}(?:\s?\d{{6}}(?!\d))?"), 0.85, validate=_place_ok),
        # …市…区…路…号 without a province
        Rx("city", re.compile(rf"(?:(?![住在于到从的是我家去来和与及省])[{HAN}]){{2,6}}?(?:市|县)[{HAN}]{{1,6}}?(?:区|县|镇|乡){addr_tail}"), 0.8,
           validate=_place_ok),
        # a postcode after its label: 邮编：100482, （邮编625611）
        Rx("postcode", re.compile(r"(?:邮编|郵編|邮政编码|郵政編碼)\s*[:：]?\s*(\d{6})(?!\d)"), 0.85, group=1),
        # an estate and its building-unit-room code (翠苑小区8-2-2318), or its building and room (金地名都11号楼502)
        Rx("estate_code", re.compile(rf"(?:(?![住在于到从的是我家去来和与及省市区县镇村：:])[{HAN}]){{1,5}}(?:{ESTATES})"
                                     rf"(?:\d{{1,3}}-\d{{1,2}}-\d{{2,4}}|\d{{1,3}}号楼\d{{2,4}})(?!\d)"), 0.8),
        # 住在/家住/地址：…
        Rx("context", re.compile(rf"(?:住在|家住|住址\s*[:：]?|地址\s*(?:是|为|在)?\s*[:：]?|现住|居住在|来自)\s*([{HAN}0-9A-Za-z]{{2,30}}?"
                                 rf"(?:市|县|区|镇|乡|村|路|街|号|小区|省|(?<=\d)道(?=第))"
                                 # the units that follow in text without punctuation: 成都市武侯区, 杭州西湖区文三路
                                 rf"(?:(?:(?![我你他她的了在是有])[{HAN}]){{1,5}}?(?:区|區|县|縣|镇|鎮|乡|鄉|街道|路|街|大道|巷|广场))*"
                                 rf"(?:\d{{1,5}}(?:号楼|号|室|栋|幢|单元|楼|层|弄|道)|第\d{{1,5}}座)*"
                                 # a room after the house number (号1050, 号之2) and a Singapore unit (#05-45)
                                 rf"(?:之\d{{1,3}}|(?:(?<=号楼|单元)|(?<=[栋幢号座]))\d{{2,5}}(?![\d年月日岁歲周天次个個元块塊%.]))?"
                                 rf"(?:(?<=座)#\d{{1,3}}-\d{{1,4}})?)"), 0.75, group=1,
           validate=_place_ok),
    ]
    from medcorpus.scrub.recognizers_zh_context import ZhContextRecognizer

    return [
        JiebaNameRecognizer(terms, "zh"),
        GroupPatternRecognizer("ZhAddress", "LOCATION", address, "zh"),
        ZhContextRecognizer(terms, "zh"),
    ]
