"""Chinese names, places and streets from the shape of the sentence around them rather than from
a list: a town between "在/从/来自" and "工作/出差/过来/看过", the name after "我是<place>的", a name
before "留言" or after a closing ("谢谢！", "祝好，"), a relative's name before "今年/也/怀孕",
and "<street>路<n>号". Patterns carry the context; the value itself only has to look like a name
(a known surname, simplified or traditional) or a place (no function or medical word). Round 6 adds
names a label, an introduction, a chat line, a kinship word or a greeting announces (收货人：淑芬,
我叫上官丽娟, [病友群] 老刘：, 打我孙女德福的电话, 王慧您好), 老X/小X, Latin names after 我係/我是,
districts after 住在/在 and Hong Kong 道 roads; in the weaker frames the value needs a common surname."""
from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medcorpus.scrub.recognizers_gazetteer import zh_places
from medcorpus.scrub.recognizers_zh import _HAN_CHAR, _HAN_RUN, HAN, NAME_TITLES, ZH_NOT_NAMES, _cut, surnames

# what a place word never contains (家里, 医院, 网上, 当地, 这边 ...)
_NOT_IN_PLACE = set("我你您他她它们的了和与及在从到去来是有没不也都就还很最这那哪里上下内外边家医院诊科药店校司厂网当本附近孩处戚")
_PLACE_BEFORE = r"(?:在|从|来自|我是|住在|家在|家住|老家(?:是|在)?|回到|搬到|我住)"
# where these stand before a place, a comma may end it (我住在许昌，…; 老家越秀区，现在…)
_HOME = r"(?:来自|來自|住在|家在|家住|老家(?:是|在)?|搬到|我住|住(?![在院了过過的着著]))"
_PLACE_AFTER = (r"(?=农村|乡下|做生意|工作|出差|上班|打工|读书|讀書|上学|念书|留学|留學|旅游|旅遊|度假|生活|定居|过来|来的|看过|看病|住院|就诊|治疗|检查|开的|买的|"
                r"复查|复诊|複診|做的|做了|拿药|开药|确诊|確診|化验|拍片|抽血|出生|长大|長大|"
                r"人|那边|这边|的(?:医院|醫院|诊所|診所|[，,。！!]|$|{surname}[" + HAN + r"]{1,2}(?:[，,。！!\n]|$)))")
_RELATIVE = r"我(?:儿子|女儿|老公|老婆|丈夫|妻子|爱人|妈妈|爸爸|母亲|父亲|爷爷|奶奶|外公|外婆|哥哥|姐姐|弟弟|妹妹|朋友|同事|孩子)"
_CLOSING = r"(?:谢谢[！!。，,]?|祝好[！!。，,]|此致敬礼[！!。，,]?|盼复[！!。，,]|——|--|—)"
_CLOSING_WORDS = frozenset("谢谢 謝謝 祝好 此致 敬礼 敬禮 盼复 盼覆 多谢 多謝 感谢 感謝".split())
_UNIT = r"(?:号院|號院|号楼|號樓|号|號|弄|栋|棟|幢|座|巷|组|組|队|隊|单元|單元|室|楼|樓|层|層|户|戶)"
_STREET = re.compile(rf"(?:(?<![我你您他她们])和|(?![我住在是的了和与从到去于来址：:喺])[{HAN}]){{2,6}}?(?:(?:大街|大道|路|街)(?:[一二三四五六七八九十]段)?|道[中東西南北东]?|街|巷|胡同|"
                     rf"小区|小區|新村|村|花园|苑|园|家园|公寓|大厦|里(?=\d+[弄号號]))"
                     rf"(?:\d{{1,5}}|[一二三四五六七八九十百零〇]{{1,6}})(?:号院|號院|号楼|號樓|号|號|弄|栋|棟|幢|巷|组|組)"
                     rf"(?:\d{{1,5}}{_UNIT}|[A-Z]室)*"
                     # an estate and its buildings after the house number: 人民路100号 + 幸福里29栋2单元1503室
                     rf"(?:(?<=[号號])[{HAN}]{{2,5}}?(?:里|苑|园|花园|小区|小區|城|大厦|公寓|新村|家园|名都|华庭|華庭|华府|名苑)(?:\d{{1,5}}{_UNIT})+)?"
                     rf"(?:(?:(?<=单元|單元|号楼|號樓)|(?<=[栋棟幢]))\d{{2,5}}(?!\d))?")
# a Latin street with Chinese units: "Nathan Road574號19樓E室" (Hong Kong, Macau)
_LATIN_STREET = re.compile(r"(?:[A-Z][a-z]+[ ]){1,3}(?:Road|Street|St|Rd|Avenue|Ave)[ ]?\d{1,5}[號号](?:\d{1,3}[樓楼层層])?(?:[A-Z]?[室座])?")
# a label that a person's name follows (收货人：陈国栋，用药人小唐，名字朴智妍。): the value runs to the next
# punctuation, and may be a given name alone (淑芬), a nickname (老梁) or four characters (上官丽娟, 佐藤健一)
_NAME_FIELD = (r"(?:姓名|名字|收货人|收貨人|收件人|寄件人|用药人|用藥人|服药人|联系人|聯繫人|聯絡人|紧急联系人|就诊人|就診人|"
               r"签收人|簽收人|签名|簽名|落款|申请人|申請人|监护人|監護人|委托人|代理人|填表人|购药人|購藥人|咨询人|諮詢人|"
               r"提问人|订购人|訂購人|下单人|取药人|陪同人|家属姓名|患者姓名|病人姓名)")
# labels that are also words in a sentence (我的主治医生不够专业): only with a colon
_NAME_FIELD_COLON = r"(?:接诊|接診|主治医生|主治醫生|主管医生|经治医生|医生|醫生|医师|醫師)"
_NAME_INTRO = r"(?:我叫|我名叫|我的名字(?:是|叫)|名字(?:是|叫)|名叫)"
# what a family chat calls its members: kinship terms, not names (大姐, 二哥, 三叔)
_KIN_TERM = re.compile(r"[大二三四五六七八小老]?(?:哥|姐|弟|妹|叔|伯|姨|舅|姑|爷|奶|婶|嫂|妈|爸)(?:哥|姐|弟|妹|妈|爸|子)?|"
                       r"(?:外公|外婆|姥姥|姥爷|爷爷|奶奶|妈妈|爸爸|老公|老婆|媳妇|女婿|儿子|女儿|孙子|孙女)")
# kin and friends whose name may follow (我孙女志强的电话, 我同事小王，)
_KIN = (r"(?:小女|小儿|犬子|(?:我|您|你|他|她)(?:的)?(?:孙女|孫女|孙子|孫子|外孙女?|外孫女?|儿媳妇?|兒媳婦?|女婿|侄子|侄女|外甥女?|朋友|同事|邻居|鄰居|室友|同学|同學|"
        r"闺蜜|女朋友|男朋友|女友|男友|对象|對象|表[哥姐弟妹]|堂[哥姐弟妹]|老伴|嫂子|姐夫|妹夫|儿子|兒子|女儿|女兒|老公|老婆|丈夫|妻子|爱人|愛人|"
        r"妈妈|媽媽|爸爸|母亲|父亲|爷爷|奶奶|外公|外婆|哥哥|姐姐|弟弟|妹妹|阿[妈媽爸]|妈|媽|爸|先生|太太)|孩子(?:爸爸|妈妈|媽媽|他爸|他妈)|"
        r"(?<=[。，,\n])(?:现|現)?家[属屬])"
        r"(?:叫|名叫|是)?[（(]?")
# doubled characters that are words, not pet names
_DOUBLED_WORDS = frozenset("人人 时时 事事 样样 家家 年年 月月 日日 夜夜 声声 步步 句句 层层 条条 点点 星星 妈妈 爸爸 哥哥 姐姐 弟弟 "
                           "妹妹 爷爷 奶奶 姥姥 公公 婆婆 叔叔 舅舅 伯伯 宝宝 娃娃 太太 嫂嫂".split())
# jieba tags of words that are no given name: times, adverbs, pronouns, verbs, numbers (常常, 最近, 已经)
_ADVERB_TAGS = ("d", "t", "r", "v", "m")
# ... and after a kinship word also adjectives, conjunctions, prepositions, measure words, idioms (我儿子最近有点咳嗽)
_NOT_AFTER_KIN_TAGS = _ADVERB_TAGS + ("a", "c", "p", "q", "u", "f", "l", "i")
# frames strong enough for a given name alone (淑芬, 朵朵), and those where a dictionary word may be a name too
_GIVEN_ALONE_FRAMES = frozenset(("field", "field_colon", "introduced", "chat_speaker", "kin_contact", "called", "en_intro",
                                 "roster", "patient_sex", "self_kin"))
_WORD_OK_FRAMES = _GIVEN_ALONE_FRAMES | {"kin", "title_is"}


def _doubled(value: str) -> bool:
    """Two same characters: a pet name (朵朵) or a reduplicated word (常常)."""
    return len(value) == 2 and value[0] == value[1]
# a line of a chat log: "磊磊：大家看看", "老怡：我明天去"; roles and labels open such lines too (问：, 医生：, 转发：)
_CHAT_LINE = re.compile(rf"(?m)^[ \t]*(?P<n>[{HAN}]{{1,4}}?)(?:{NAME_TITLES})?[ \t]*[:：](?![ \t]*$)")  # 司马勇阿姨：
_CHAT_ROLES = frozenset("问 答 问题 回答 追问 补充 回复 转发 引用 医生 医师 大夫 护士 患者 病人 家属 用户 网友 楼主 客服 助手 提问 "
                        "咨询 病情 描述 主诉 诊断 建议 结果 处理 备注 说明 注意 提示 时间 日期 地点 内容 标题 主题 摘要 原因 "
                        "症状 病史 用法 用量 我 你 他 她 大家 群主 管理员 系统 通知 公告 编者".split())
# what follows a labelled value, not a name (本人, 同上, 男, 患者 ...)
_FIELD_NOT_NAMES = frozenset("本人 自己 同上 同前 无 無 不详 未知 保密 匿名 略 男 女 男性 女性 患者 病人 孩子 宝宝 家属 家屬 父亲 母亲 "
                             "儿子 女儿 丈夫 妻子 老人 医生 医师 护士 见上 如上 本院 家长 监护人 一样 相同 什么 怎么 为什么 哪个 谁".split())
# the commonest surnames: 老/小 + one of these is how people call each other (老梁, 小王); 叶 (小叶增生),
# 于 (小于), 姜 (老姜), 白, 孔, 段, 钱 are left out, being words as often
_NICK_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜程苏魏吕丁任"
                  "沈姚卢崔钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫向汤葛")
# labels that may follow an address after a comma
_LABEL_WORDS = tuple("电话 電話 手机 手機 座机 座機 收件人 收货人 联系人 聯繫人 邮编 郵編 微信 邮箱 郵箱 电邮 電郵 姓名 备注 備註".split())
# the hundred commonest surnames (simplified and traditional): a three-character value after a weak frame (萧桂英您好)
_COMMON_SURNAMES = _NICK_SURNAMES + ("萧蕭張陳楊黃趙吳孫馬鄭謝許韓馮鄧彭蔣蘇魏呂盧鍾譚陸賈韋鄒龍顧龔嚴湯葉"
                                     "白傅姜郭康黎易常乔乔喬文施殷段洪钱錢孔尹黎邢俞安岳齐齊庞龐颜顏倪")
# a character of a place's name: no function word, no unit word (so 市武侯区 is read from 武)
_PLACE_NAME = "(?:(?![" + "".join(sorted(_NOT_IN_PLACE | set("市省区區县縣州镇鎮乡鄉村"))) + rf"])[{HAN}])"
# the same before a clinic, where 下沙 or 李家 may hold a place word: only function and unit words are out
_FACILITY_PLACE_NAME = "(?:(?![" + "".join(sorted(set("我你您他她它们的了和与及在从到去来是有没不也都就还很最这那哪医院诊科药店"
                                                       "市省区區县縣州镇鎮乡鄉村"))) + rf"])[{HAN}])"
# a Latin town in a Chinese sentence: 我在Great Sankey读书, 老家在Stoke-on-Trent
_LATIN_PLACE = re.compile(r"(?:在|从|從|来自|來自|住在|老家在?|去|到|回)\s*(?P<p>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|le|la|de|du|upon|on|"
                          r"under|in|en|sur|am|an|der)){0,4})\s*(?=读书|讀書|工作|上学|上學|留学|留學|生活|出差|打工|旅游|旅遊|看病|"
                          r"看过|看過|住院|定居|的(?:医院|醫院|诊所|診所))")
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
        word = "(?:(?![" + "".join(sorted(_NOT_IN_PLACE)) + rf"])[{HAN}]){{2,4}}?(?:市|区|區|县|縣)?"
        self.places = [
            ("place_frame", re.compile(rf"{_PLACE_BEFORE}(?P<p>{word}){_PLACE_AFTER.replace('{surname}', sur)}")),
            ("home", re.compile(rf"{_HOME}(?P<p>{word})(?=[，,。！!？?；;\s]|$)")),
            # a village by its name: 我们屯子叫靠山屯, 老家那个村叫李家庄
            ("called_place", re.compile(rf"(?:村|屯|寨|庄|莊|镇|鎮|乡|鄉)(?:子|里|裡)?(?:叫|名叫|叫做)(?P<p>{_FACILITY_PLACE_NAME}{{1,4}}?"
                                        rf"(?:村|屯|寨|庄|莊|镇|鎮|乡|鄉|组|組))(?=[，,。！!？?；;\s]|$)")),
            # a district, town or village someone went to or lives in: 送到禅城区附近的医院, 我住李家村，
            ("unit_frame", re.compile(rf"(?:送到|送去|转到|轉到|去了|到了|{_HOME}|(?<![现實实存正])在)(?P<p>{_FACILITY_PLACE_NAME}{{2,3}}?(?:区|區|县|縣|镇|鎮|乡|鄉|村))"
                                      rf"(?=附近|那边|那邊|这边|這邊|的医院|的醫院|[，,。！!？?；;\s]|$)")),
            ("native_of", re.compile(rf"(?<=[，,\s])(?P<p>{_PLACE_UNIT})人(?=[\s，,。]|$)")),
            ("in_brackets", re.compile(rf"[（(](?P<p>{_PLACE_UNIT})[）)]")),
            # a district with its unit after 住在/在, whatever its characters (新店區, 鼓楼区), before punctuation
            ("home_unit", re.compile(rf"(?:{_HOME}|(?<![现實实存正])在)(?P<p>[{HAN}]{{1,3}}(?:市|区|區|县|縣|镇|鎮))(?=[，,。！!？?；;\s]|$)")),
            # a town, village or district before its clinic: 柳河镇卫生院, 下沙街道社区卫生服务中心, 武侯区人民医院
            ("facility", re.compile(rf"(?P<p>{_FACILITY_PLACE_NAME}{{2,3}}?(?:镇|鎮|乡|鄉|村|街道|区|區|县|縣|市))"
                                    rf"(?=卫生院|衛生院|卫生所|衛生所|卫生室|衛生室|卫生服务|衛生服務|社区卫生|人民医院|人民醫院|中医院|中醫院|"
                                    rf"第[一二三四五六七八九十]{{1,2}}(?:人民)?医院|妇幼保健院|儿童医院|"
                                    rf"中心医院|医院|醫院|诊所|診所)")),
            # a district after a known city: 成都市 + 武侯区, 杭州市 + 余杭区塘栖镇
            ("admin_chain", re.compile(rf"(?<=[市州])(?P<p>{_PLACE_NAME}{{2,3}}?(?:区|區|县|縣|旗|街道|(?<=[^这那哪家心])里(?=[，,。\s]|$)|村)"
                                       rf"(?:{_PLACE_NAME}{{2,3}}?(?:镇|鎮|乡|鄉|街道))?)")),
            ("after_street", re.compile(rf"(?:(?<=[号號室弄栋棟幢])|(?<=Road)|(?<=Street)|(?<=St)|(?<=Rd)|(?<=Avenue))"
                                        rf"[，,]\s*(?P<p>{word})(?=[，,。.！!？?；;\s]|$)")),
        ]
        self.names = [
            ("place_of", re.compile(rf"(?:我是|来自)[{HAN}]{{2,4}}?的(?P<n>{name}?){end}")),
            ("left_message", re.compile(rf"(?P<n>{name}?)\s*(?:留言|敬上|拜上|上$)")),
            # 本人姓李 / 我姓张: a surname alone is part of a name
            ("surname", re.compile(rf"(?:本人|我|患者|病人)姓(?P<n>{sur})(?=[，,。！!\s]|$)")),
            ("closing", re.compile(rf"{_CLOSING}\s*(?P<n>{name}?)\s*$", re.M)),
            ("relative", re.compile(rf"{_RELATIVE}(?P<n>{name}?)(?=今年|也|怀孕|说|得了|患|最近|已经|[，,。（(\d])")),
        ]
        # frames strong enough that the value only has to be a short run of characters up to punctuation
        value = rf"(?P<n>[{HAN}]{{1,4}}?)(?:{NAME_TITLES})?"
        stop = r"(?=[，,。；;、）)（(\s]|$)"
        self.labelled_names = [
            ("field", re.compile(rf"{_NAME_FIELD}\s*(?:是|为|為|叫)?\s*[:：]?\s*{value}{stop}")),
            ("field_colon", re.compile(rf"{_NAME_FIELD_COLON}\s*[:：]\s*{value}{stop}")),
            ("introduced", re.compile(rf"{_NAME_INTRO}\s*{value}{stop}")),
            # a chat line: "[病友群] 老刘：…", "【家人群】淑芬：…"
            ("chat_speaker", re.compile(rf"(?:^|(?<=\n))[ \t]*[\[【][^\]】\n]{{1,12}}[\]】][ \t]*{value}[:：]")),
            # before 的电话 a given name alone is a name too (打我孙女德福的电话)
            ("kin_contact", re.compile(rf"{_KIN}{value}(?=的(?:电话|電話|手机|手機|微信|邮箱|號碼|号码|联系方式)|的[ \t]*[+＋]?\d)")),
            # a roster line: "1. 扎西顿珠，1964年6月11号，电话…", "3. 格桑卓玛，住院号：…" (a name of any people, no surname needed)
            ("roster", re.compile(rf"(?m:^[ \t]*\d{{1,3}}[.、．)）][ \t]*)(?P<n>[{HAN}]{{2,5}})(?=[，,][ \t]*(?:\d{{2,4}}[-/.年]|电话|電話|手机|手機|"
                                  rf"[{HAN}]{{0,6}}[号號](?:码|碼)?[:：]|身份证|身分證|护照|護照|[男女][，,]))")),
            # 患者乌兰其其格，男，…: a patient named before the sex
            ("patient_sex", re.compile(rf"(?:患者|病人|患儿|患兒)(?P<n>[{HAN}]{{2,5}})(?=[，,][ \t]*[男女])")),
            ("kin", re.compile(rf"{_KIN}{value}(?=[，,。；;）)]|$|也|今年|年纪|年紀|申请|申請|最近|已经|已經|昨天|寄的|在|说|說|得了|患|有|让|讓|叫|带|帶|陪|要|想|刚|剛|"
                               rf"怀孕|懷孕|住院|结婚|結婚|出生|去世|生病|发烧|發燒|咳嗽)")),
            # 我和老公李伟结婚…: a weak frame (我和老公同床后 is no name), the value needs a common surname
            ("and_kin", re.compile(rf"我和(?:老公|老婆|丈夫|妻子|爱人|愛人|男朋友|女朋友|男友|女友){value}"
                                   rf"(?=[，,。；;]|结婚|結婚|都|也|一起|在|是)")),
            # a Chinese name after an English introduction: "Hi I'm 小美 from 深圳"
            ("en_intro", re.compile(rf"(?i:\b(?:i'm|i am|im|my name is|this is|it's|its|name:)[ \t]*){value}(?=[ \t,，.。!！]|$)")),
            # a child or partner called by name: 宝宝叫豆豆，孩子小名叫乐乐
            ("called", re.compile(rf"(?:宝宝|寶寶|孩子|小孩|女儿|女兒|儿子|兒子|老公|老婆|媳妇|媳婦)(?:的)?(?:(?:小名|大名|名字)(?:叫|是)|叫|名叫){value}{stop}")),
            # 主治医生是李红梅, 护士：王芳
            ("title_is", re.compile(rf"(?:医生|醫生|医师|醫師|大夫|主任|护士|護士|老师|老師)\s*(?:是|为|為|叫|[:：])\s*{value}{stop}")),
            # a role before a name: 护士长张晓红, 主任医师李明说, 赤脚医生老刘 (a weak frame: the value needs a surname)
            ("role_before", re.compile(rf"(?:护士长|護士長|主任医师|主任醫師|副主任|院长|院長|科主任|主治医师|主治醫師|住院医师|"
                                       rf"医生|醫生|大夫|护士|護士|教授|老师|老師){value}(?=[，,。；;、）)\s说說讲講让讓给給]|$)")),
            # 我是伟家属, 我是她女儿春花。, 我是留学生徐建国，: who writes, by kin or role
            ("self_kin", re.compile(rf"我是(?:[她他]的?)?(?:女儿|女兒|儿子|兒子|孙女|孫女|孙子|孫子|外孙|外孫|侄女|侄子|留学生|留學生|学生|"
                                    rf"學生)?{value}(?:(?<=[{HAN}])(?=的?家属|的?家屬)|(?<=[^生儿兒女子孙孫])(?:{stop}))")),
            ("patient_commas", re.compile(rf"(?:患者|病人)[，,]\s*{value}(?=[，,])")),
            # weaker frames: the value must look like a name (a surname, no common word)
            # a relative named without 我 (…爸爸王德胜昨天在…)
            ("kin_bare", re.compile(rf"(?<![我您你他她])(?:爸爸|妈妈|媽媽|父亲|母亲|爷爷|奶奶|外公|外婆|老公|老婆|丈夫|妻子|儿子|女儿|兒子|女兒)"
                                    rf"{value}(?=昨天|今天|最近|今年|前天|上周|也|在|说|說|得|患|有|[，,。])")),
            ("i_am", re.compile(rf"我[是係系]{value}(?=啊|呀|哈|，|,|。|\s)")),
            ("greeting", re.compile(rf"(?:^|(?<=[\n。！？!?】\]]))[ \t]*{value}(?=您好|你好)")),
            # a label ending in 人 (参保人：, 经办人：, 被保险人：): the value needs a surname
            ("person_label", re.compile(rf"(?<=[{HAN}]人)\s*[:：]\s*{value}{stop}")),
            ("ask_for", re.compile(rf"找{value}(?=[。！!，,\s]|$)")),
            # a name before its card number: 。周浩然，就诊卡号…
            ("before_card", re.compile(rf"(?:^|(?<=[，,。！!？?\s]))(?P<n>[{HAN}]{{2,4}})(?=[，,]\s*(?:就诊卡号|就診卡號|医保卡号|醫保卡號|"
                                       rf"社保卡号|门诊号|門診號|病历号|病歷號|住院号|住院號|身份证|身份證))")),
            ("last_words", re.compile(rf"(?<=[。！？!?，,…])[ \t]*{value}[ \t]*$")),
        ]
        self.kin_then_symptom = re.compile(rf"{_KIN}(?P<n>[{HAN}]{{2,3}})")
        # a name before 的电话/的手机 (我明天去，诸葛霞磊的电话是…): the value needs a surname
        self.contact_of = re.compile(rf"(?:^|(?<=[，,。！!？?；;\s：:])|(?<=[打找问問给給加]))(?P<n>[{HAN}]{{2,4}}?)"
                                     rf"(?=的(?:电话|電話|手机|手機|微信|邮箱|號碼|号码|联系方式|聯繫方式))")
        # a name in Latin letters after 我係/我是/我阿媽 or a label: "我係Cheung Chi Ho，", "联系人：Jasmine Ho"
        self.latin_name = re.compile(rf"(?:(?:我係|我是)[{HAN}]{{0,4}}?|我叫|叫我|英文名(?:字)?(?:是|叫)?|我阿[媽妈爸]|我[媽妈爸]{{1,2}}|{_NAME_FIELD}\s*[:：]?)\s*"
                                     rf"(?P<n>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,3}})(?=[，,。\s今住]|$)")
        # 老梁, 小王 before punctuation or what a person does (上周老彭和我…)
        self.nickname = re.compile(rf"(?P<n>(?<![老小])[老小][{_NICK_SURNAMES}])"
                                   rf"(?=[，,。！!？?；;：:\s的说說和跟也都在是让讓给給又还還就]|$|最近|今天|昨天|经常|經常|得了|住院)")

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
                if e > len(text) or not _HAN_RUN.fullmatch(value) or any(c in "的了和与在是有也都就我你他她但仍然还又而并且才已" for c in value):
                    continue
                tag = _word_tag(value)
                if len(value) == 3 and _word_tag(value[:2])[:2] not in ("", "nr"):
                    continue  # 高中生: a word (高中) with an ending, not a surname and a given name
                if self.terms.zh_term_length(text, e) and not self._medical(text, s, e) and (not tag or tag.startswith("nr")):
                    out.append(self._result("PERSON", s, e, 0.6, "before_symptom"))
                    break
        return out

    def _labelled_names(self, text: str) -> list[RecognizerResult]:
        """Names a label, an introduction, a chat line or a kinship word announces, and 老X/小X."""
        out = []
        for how, rx in self.labelled_names:
            for m in rx.finditer(text):
                s, e = m.span("n")
                if e - s == 1 and re.match(_surname_class(), text[s:e]):
                    first = next(iter(_cut(text[s:s + 5], True)), ("", ""))
                    if 2 <= len(first[0]) <= 3 and first[1].startswith("nr"):
                        e = s + len(first[0])  # 郑 + 刚最近: jieba reads 郑刚 as a name, not 刚 "just"
                inner = next((k for k in range(s + 1, e - 1) if k + self.terms.zh_term_length(text, k) == e), None)
                if inner is not None:
                    e = inner  # 我妈 + 常年 + 失眠: a symptom ends the value, the words before it are all the name can be
                if how == "chat_speaker" and (text[e - 1] in "人号號址期码碼注话話称稱别別龄齡群" or _KIN_TERM.fullmatch(text, s, e)):
                    continue  # 【订单备注】收货人： is a label, [家人群] 大姐： a kinship term, neither a name
                if how == "kin" and not _doubled(text[s:e]) and _word_tag(text[s:e])[:1] in _NOT_AFTER_KIN_TAGS:
                    continue  # 我儿子最近有点咳嗽: a time word or an adverb, not a name
                if self._name_value(text, s, e, given_alone=how in _GIVEN_ALONE_FRAMES, word_ok=how in _WORD_OK_FRAMES,
                                    any_surname=how == "i_am"):
                    out.append(self._result("PERSON", s, e, 0.7, how))
        for m in self.kin_then_symptom.finditer(text):  # 我老伴王淑兰腿疼好几年了: a relative's name, then a symptom
            s = m.start("n")
            for e in (s + 3, s + 2):
                if e <= len(text) and self.terms.zh_term_length(text, e) and self._name_value(text, s, e, given_alone=False) \
                        and _word_tag(text[s:e])[:1] not in _NOT_AFTER_KIN_TAGS and _word_tag(text[s:s + 2])[:1] not in _NOT_AFTER_KIN_TAGS \
                        and not _doubled(text[s:s + 2]):  # not 我妈 + 常年 + 失眠, 我女儿 + 常常说 + 头疼
                    out.append(self._result("PERSON", s, e, 0.65, "kin_symptom"))
                    break
        out += self._chat_speakers(text)
        for m in self.contact_of.finditer(text):
            s, e = m.span("n")
            if self._name_value(text, s, e, given_alone=False, word_ok=False, any_surname=True) and len(text[s:e]) >= 2:
                out.append(self._result("PERSON", s, e, 0.65, "contact_of"))
        for m in self.latin_name.finditer(text):
            if not any(self.terms.is_term(w) for w in m.group("n").split()):
                out.append(self._result("PERSON", m.start("n"), m.end("n"), 0.7, "latin_name"))
        for m in self.nickname.finditer(text):
            out.append(self._result("PERSON", m.start("n"), m.end("n"), 0.6, "nickname"))
        return out

    def _chat_speakers(self, text: str) -> list[RecognizerResult]:
        """The speakers of a chat log: a text of at least two lines opened by "X：" where one X speaks
        twice. Roles, labels, kinship terms and medical words are not speakers' names."""
        lines = [m for m in _CHAT_LINE.finditer(text)]
        values = [m.group("n") for m in lines]
        loose = len(lines) < 3 or len(set(values)) < 2 or len(set(values)) == len(values)
        if loose and len(lines) < 2:
            return []
        out = []
        for m in lines:
            s, e = m.span("n")
            value = m.group("n")
            if loose and not (e - s >= 2 and self._name_value(text, s, e, given_alone=False, word_ok=False)):
                continue  # no speaker speaks twice: only a full name with a surname ("丁丹：好的") opens a chat line
            if value in _CHAT_ROLES or _KIN_TERM.fullmatch(value) or value[-1] in "人号號址期码碼注话話称稱别別龄齡群史述断斷议議果" \
                    or value in _FIELD_NOT_NAMES or value in ZH_NOT_NAMES or self._medical(text, s, e) \
                    or any(c in "的了与在是有都就我你他她们这那什么怎" for c in value):
                continue
            out.append(self._result("PERSON", s, e, 0.65, "chat_line"))
        return out

    def _name_value(self, text: str, s: int, e: int, given_alone: bool, word_ok: bool = True, any_surname: bool = False) -> bool:
        """A labelled value that can be a name: no function or medical word (和 and 也 may be: 和平,
        山本和也); a common word of the dictionary only where `word_ok`; a given name alone
        (no known surname) only where `given_alone` and it is not a common word of the dictionary."""
        value = text[s:e]
        if value in _FIELD_NOT_NAMES or value in ZH_NOT_NAMES or any(c in "的了与在是有都就我你他她们这那" for c in value) \
                or value[-1] in "市县縣区區镇鎮村乡鄉省人" or self._medical(text, s, e):
            return False
        if _doubled(value):  # 朵朵, 乐乐: a doubled given name, never 常常 or 天天
            return word_ok and _word_tag(value)[:1] not in _ADVERB_TAGS and value not in _DOUBLED_WORDS
        if re.match(_surname_class(), value) or (len(value) == 2 and value[0] in "老小" and value[1] in _NICK_SURNAMES):
            tag = _word_tag(value)
            if not word_ok and not any_surname and not (2 <= len(value) <= 3 and value[0] in _NICK_SURNAMES + "老小") \
                    and not (3 <= len(value) <= 4 and value[:2] in surnames()[1]) and not (len(value) == 3 and value[0] in _COMMON_SURNAMES):
                return False  # a weak frame wants one of the commonest surnames (怎么治疗, 大便干 are no names)
            return (len(value) >= 2 or given_alone) and (word_ok or not tag or tag.startswith("nr"))  # 谢谢 is no name
        tag = _word_tag(value)
        return given_alone or (word_ok and (not tag or tag.startswith("nr")))

    def _medical(self, text: str, s: int, e: int) -> bool:
        return bool(self.terms.zh) and self.terms.zh_overlaps(text, s, e)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if not _HAN_CHAR.search(text):
            return []
        if not hasattr(self, "places"):
            self.load()
        out = []
        for how, rx in self.places:
            for m in rx.finditer(text):
                p = m.group("p")
                if how == "after_street" and p.startswith(_LABEL_WORDS):
                    continue  # "人民南路四段1号，收件人": the label of the next field, no place
                if how == "facility" and p.endswith("市"):
                    s0 = next((m.start("p") + k for k in range(len(p) - 2) if p[k:] in zh_places()[0] or p[k:-1] in zh_places()[0]), None)
                    if s0 is None and m.start("p") > 0 and _HAN_CHAR.match(text[m.start("p") - 1]):
                        continue  # 上午 + 义乌市: the city starts where the gazetteer says, or after punctuation
                    out.append(self._result("LOCATION", s0 if s0 is not None else m.start("p"), m.end("p"), 0.7, how))
                    continue
                if how == "admin_chain":
                    s0 = m.start("p")
                    if not any(text[s0 - k:s0] in zh_places()[0] or text[s0 - k:s0 - 1] in zh_places()[0]
                               for k in (3, 4, 5) if k <= s0):
                        continue
                    out.append(self._result("LOCATION", m.start("p"), m.end("p"), 0.7, how))
                    city = next((k for k in (4, 3) if k <= s0 and text[s0 - k:s0 - 1] in zh_places()[0] and text[s0 - 1] in "市州"), 0)
                    if city:  # 义乌市 + 涪城区: the known city before a district, wherever the text starts
                        out.append(self._result("LOCATION", s0 - city, s0, 0.7, how))
                    continue
                core = p.rstrip("市区區县縣")
                if (len(core) < 2 and (core == p or core in "本该該全此每各某其这這那哪")) \
                        or self._medical(text, m.start("p"), m.start("p") + len(core)) or _region(core) or (
                        core not in zh_places()[0] and (_word_tag(p)[:1] in ("v", "d", "t", "m", "r", "p", "c", "u", "a", "i", "l")
                                                        or p in ZH_NOT_NAMES or p in _CLOSING_WORDS  # 谢谢, 胡思乱想
                                                        or core in _FIELD_NOT_NAMES)):  # 现在宝宝出生
                    continue
                out.append(self._result("LOCATION", m.start("p"), m.end("p"), 0.6, how))
        for how, rx in self.names:
            for m in rx.finditer(text):
                value = m.group("n")
                if (len(value) < 2 and how != "surname") or self._medical(text, *m.span("n")) or any(c in "的了和与在是有也都就" for c in value[1:]) \
                        or (_doubled(value) and _word_tag(value)[:1] in _ADVERB_TAGS):
                    continue  # 我女儿常常说: an adverb, not 常 + a given name
                out.append(self._result("PERSON", m.start("n"), m.end("n"), 0.65, how))
        out += self._labelled_names(text)
        out += self._names_before_symptom(text)
        for m in _LATIN_PLACE.finditer(text):
            out.append(self._result("LOCATION", m.start("p"), m.end("p"), 0.7, "latin_place"))
        for m in _LATIN_STREET.finditer(text):
            out.append(self._result("LOCATION", m.start(), m.end(), 0.75, "latin_street"))
        for m in _STREET.finditer(text):
            out.append(self._result("LOCATION", m.start(), m.end(), 0.75, "street"))
        return out
