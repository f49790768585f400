"""Chinese names, places and streets from the shape of the sentence around them rather than from
a list: a town between "在/从/来自" and "工作/出差/过来/看过", the name after "我是<place>的", a name
before "留言" or after a closing ("谢谢！", "祝好，"), a relative's name before "今年/也/怀孕",
and "<street>路<n>号". Patterns carry the context; the value itself only has to look like a name
(a known surname, simplified or traditional) or a place (no function or medical word)."""
from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.recognizers_gazetteer import zh_places
from medcorpus.scrub.recognizers_zh import HAN, surnames

# what a place word never contains (家里, 医院, 网上, 当地, 这边 ...)
_NOT_IN_PLACE = set("我你您他她它们的了和与及在从到去来是有没不也都就还很最这那哪里上下内外边家医院诊科药店校司厂网当本附近孩处戚")
_PLACE_BEFORE = r"(?:在|从|来自|我是|住在|家在|家住|老家(?:是|在)?|回到|搬到|我住)"
# where these stand before a place, a comma may end it (我住在许昌，…; 老家越秀区，现在…)
_HOME = r"(?:来自|來自|住在|家在|家住|老家(?:是|在)?|搬到|我住|住(?![在院了过過的着著]))"
_PLACE_AFTER = (r"(?=农村|乡下|做生意|工作|出差|上班|打工|读书|上学|念书|生活|定居|过来|来的|看过|看病|住院|就诊|治疗|检查|开的|买的|"
                r"人|那边|这边|的(?:医院|醫院|诊所|診所|[，,。！!]|$|{surname}[" + HAN + r"]{1,2}(?:[，,。！!\n]|$)))")
_RELATIVE = r"我(?:儿子|女儿|老公|老婆|丈夫|妻子|爱人|妈妈|爸爸|母亲|父亲|爷爷|奶奶|外公|外婆|哥哥|姐姐|弟弟|妹妹|朋友|同事|孩子)"
_CLOSING = r"(?:谢谢[！!。，,]?|祝好[！!。，,]|此致敬礼[！!。，,]?|盼复[！!。，,]|——|--|—)"
_STREET = re.compile(rf"(?:和平|(?![我住在是的了和与从到去于来址：:])[{HAN}]){{2,6}}?(?:大街|大道|路(?:[一二三四五六七八九十]段)?|街|巷|胡同|"
                     rf"小区|新村|花园|苑|园|家园|公寓|大厦|里(?=\d+[弄号號]))"
                     rf"\d{{1,5}}(?:号|號|弄|栋|棟|幢|巷)(?:\d{{1,5}}(?:号楼|號樓|号|號|室|栋|棟|幢|单元|單元|楼|樓|层|層|弄)|[A-Z]室)*")
# 大沥镇人 (a native of), 李健医生（寿光县）: a place with its unit word in a frame
_PLACE_UNIT = rf"[{HAN}]{{1,4}}?(?:市|区|區|县|縣|镇|鎮|村|乡|鄉)"


@lru_cache(maxsize=1)
def _surname_class() -> str:
    single, compound = surnames()
    return "(?:" + "|".join(sorted(compound, key=len, reverse=True)) + "|[" + "".join(sorted(single)) + "])"


def _word_tag(word: str) -> str:
    """jieba's part of speech of a dictionary word ("" when unknown): verbs, adverbs, times,
    numbers and pronouns are not places."""
    from medcorpus.scrub.recognizers_zh import _jieba

    return _jieba()[1].dt.word_tag_tab.get(word, "")


def _region(value: str) -> bool:
    """A province, country or region: Safe Harbor lets these stay."""
    from medcorpus.scrub.recognizers_gazetteer import ZH_NOT_LOCAL
    from medcorpus.scrub.recognizers_zh import PROVINCES

    return value in ZH_NOT_LOCAL or value in PROVINCES.split("|")


class ZhContextRecognizer(LocalRecognizer):
    """Names, places and streets in Chinese from the sentence frame around them."""

    def __init__(self, terms, language: str = "zh"):
        self.terms = terms
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="ZhContext", supported_language=language)

    def load(self) -> None:
        sur = _surname_class()
        name = rf"{sur}[{HAN}]{{1,2}}"
        end = r"(?=[，,。！!？?\s]|$)"
        self.clause_start = re.compile(rf"(?:^|(?<=[。，,！!？?；;\s]))(?={sur}[{HAN}])")
        # a place word never holds a function word, so 现在在板桥 is read from its second 在
        word = "(?:(?![" + "".join(sorted(_NOT_IN_PLACE)) + rf"])[{HAN}]){{2,4}}?(?:市|区|县)?"
        self.places = [
            ("place_frame", re.compile(rf"{_PLACE_BEFORE}(?P<p>{word}){_PLACE_AFTER.replace('{surname}', sur)}")),
            ("home", re.compile(rf"{_HOME}(?P<p>{word})(?=[，,。！!？?；;\s]|$)")),
            ("native_of", re.compile(rf"(?<=[，,\s])(?P<p>{_PLACE_UNIT})人(?=[\s，,。]|$)")),
            ("in_brackets", re.compile(rf"[（(](?P<p>{_PLACE_UNIT})[）)]")),
            ("after_street", re.compile(rf"(?<=[号室弄栋幢])[，,]\s*(?P<p>{word})(?=[，,。.！!？?；;\s]|$)")),
        ]
        self.names = [
            ("place_of", re.compile(rf"(?:我是|来自)[{HAN}]{{2,4}}?的(?P<n>{name}?){end}")),
            ("left_message", re.compile(rf"(?P<n>{name}?)\s*(?:留言|敬上|拜上|上$)")),
            # 本人姓李 / 我姓张: a surname alone is part of a name
            ("surname", re.compile(rf"(?:本人|我|患者|病人)姓(?P<n>{sur})(?=[，,。！!\s]|$)")),
            ("closing", re.compile(rf"{_CLOSING}\s*(?P<n>{name}?)\s*$", re.M)),
            ("relative", re.compile(rf"{_RELATIVE}(?P<n>{name}?)(?=今年|也|怀孕|说|得了|患|最近|已经|[，,。（(\d])")),
        ]

    def _result(self, entity: str, s: int, e: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(entity, s, e, score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}:{how}",
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _names_before_symptom(self, text: str) -> list[RecognizerResult]:
        """陳美華心悸好几天了: a name opening a clause, a symptom or disease right after it."""
        out = []
        for m in self.clause_start.finditer(text):
            s = m.start()
            for e in (s + 3, s + 2):  # the longer name first
                value = text[s:e]
                if e > len(text) or not re.fullmatch(f"[{HAN}]+", value) or any(c in "的了和与在是有也都就我你他她" for c in value):
                    continue
                tag = _word_tag(value)
                if len(value) == 3 and _word_tag(value[:2])[:2] not in ("", "nr"):
                    continue  # 高中生: a word (高中) with an ending, not a surname and a given name
                if self.terms.zh_term_length(text, e) and not self._medical(text, s, e) and (not tag or tag.startswith("nr")):
                    out.append(self._result("PERSON", s, e, 0.6, "before_symptom"))
                    break
        return out

    def _medical(self, text: str, s: int, e: int) -> bool:
        return bool(self.terms.zh) and self.terms.zh_overlaps(text, s, e)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if not re.search(f"[{HAN}]", text):
            return []
        if not hasattr(self, "places"):
            self.load()
        out = []
        for how, rx in self.places:
            for m in rx.finditer(text):
                p = m.group("p")
                core = p.rstrip("市区县")
                if len(core) < 2 or self._medical(text, m.start("p"), m.start("p") + len(core)) or _region(core) or (
                        core not in zh_places()[0] and _word_tag(core)[:1] in ("v", "d", "t", "m", "r", "p", "c", "u", "a")):
                    continue
                out.append(self._result("LOCATION", m.start("p"), m.end("p"), 0.6, how))
        for how, rx in self.names:
            for m in rx.finditer(text):
                value = m.group("n")
                if (len(value) < 2 and how != "surname") or self._medical(text, *m.span("n")) or any(c in "的了和与在是有也都就" for c in value[1:]):
                    continue
                out.append(self._result("PERSON", m.start("n"), m.end("n"), 0.65, how))
        out += self._names_before_symptom(text)
        for m in _STREET.finditer(text):
            out.append(self._result("LOCATION", m.start(), m.end(), 0.75, "street"))
        return out
