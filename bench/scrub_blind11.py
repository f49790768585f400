"""The blind11 PII split: an eleventh blind author's templates (written before any value code, from
imagination of how people write to dentists, pharmacies, insurers, care homes, ambulance control,
schools, opticians, courts, blood services and Chinese clinics), filled with values from
bench/scrub_blind11_values.py and real carrier sentences from GenMedGPT-5k and ChatMed-Consult.

    build_blind11(n_en, n_zh, Doc, terms, english_records, shared) -> list[dict]

Placeholders: {pname} {pfirst} {psur} the patient; {kin} {kfirst} a relative; {staff} a staff member;
{dr} a doctor's surname (the title stays outside); {phone} {phone2}; {city}; {addr} a street line;
{pc} a postcode; {email}; {url}; {bare} a bare domain; {mrn} {ins} {natid} {ref} identifiers; {dob}
{date} {dm} dates; {drug} {epo} medical words that must survive; {carrier} a real sentence; {age}
{time} {n} unlabelled. A suffix _up / _lo writes the value in upper / lower case.
"""
from __future__ import annotations

import json
import random
import re

from scrub_blind11_values import Values

# style -> (locales the values come from, templates)
EN_STYLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dental-recall-sms": (("uk", "ie", "nz", "au"), (
        "Hi {pfirst}! It's Bright Smile Dental 🦷 you're overdue your 6-month check-up. Book online at {url} "
        "or reply YES and we'll call you on {phone}. Ref {ref}. Txt STOP to opt out",
        "Reminder for {pname}: hygienist appt {date} at {time}. Running late? Call {phone}. "
        "Please tell us if you've started {drug} since your last visit.",
        "{pfirst_lo} your dentist appointment has moved to {dm}, same time. Pay your balance at {bare} (acct {ref}).",
    )),
    "pharmacy-driver-note": (("uk", "us", "ca"), (
        "DRIVER NOTE - {drug} x28 + insulin pens for {pname}, {addr}, {city} {pc}. Fridge item!! "
        "Nobody home Tues, left card. If no answer again ring daughter {kin} on {phone}.",
        "Delivery run {date}. Stop 7: {psur_up}, {addr}, {city}. Signed for by neighbour ({kfirst}). "
        "Customer says: \"{carrier}\" - flagged to pharmacist.",
        "Rx ready for {pname} (DOB {dob}). Deliver to {addr}, {pc}. Dog in garden, use side gate. Mobile {phone}. Tracking: {url}",
    )),
    "insurance-appeal": (("us", "ca"), (
        "Re: Appeal of denied claim no. {ins}\nMember: {pname}   Member ID: {mrn}   Date of birth: {dob}\n\n"
        "To the Appeals Committee,\nI am writing to contest your decision dated {date}. {carrier} My treating "
        "physician, Dr. {dr}, prescribed {drug} and the prior authorization was faxed on {dm}.\n"
        "Please send correspondence to {addr}, {city}, {pc} or {email}.\nSincerely, {pname}",
        "APPEAL - SECOND LEVEL\nPolicyholder {pname} / policy {ins}\nPatient: {kin} (dependent), dx {epo}.\n"
        "Denial letter received {date}. We were told by phone ({phone}) that the claim {mrn} was still pending.",
    )),
    "care-home-daily-log": (("uk", "au", "ie"), (
        "{date} 07:40 {pfirst} up and dressed with 1 carer, ate half her porridge. {drug} given with breakfast. "
        "{carrier} Son {kin} rang from {city} ({phone}), told about fall last night. - {staff_lo}",
        "Night log {dm}: resident {pname} restless 02:00-03:30, {epo} tremor worse. Called on-call GP Dr {dr}, "
        "advised monitor. Family contact {kfirst} {phone2}.",
        "Handover: {pname} (health no {natid}) back from {city} hospital at {time}, new script {drug}. Daughter wants "
        "updates by email {email}.",
    )),
    "ambulance-radio": (("uk", "za", "au"), (
        "CONTROL FROM ALPHA TWO SIX, WE ARE ON SCENE {addr_up}, {city_up}. PATIENT {pname_up}, AGE {age}, "
        "DOB {dob_up}, FOUND ON FLOOR. KNOWN {epo_up}. ON {drug_up}. OVER",
        "ROGER ALPHA TWO SIX. NEXT OF KIN {kin_up} ON {phone}. CAD REF {ref}. CONVEYING TO {city_up} GENERAL, "
        "ETA TEN MINS. OVER",
        "handover at resus: this is {pfirst}, {age}, from {addr} in {city}, {carrier_lo} wife {kfirst} following "
        "by car, her mobile {phone}.",
    )),
    "fertility-portal": (("us", "uk", "ca", "au"), (
        "New portal message from {email} ({pname}, patient #{mrn})\nSubject: day 21 bloods\n"
        "Hi nurse team, I had my bloods drawn on {dm} at the {city} satellite clinic. {carrier} My partner "
        "{kin} can pick up the {drug} if needed - his cell is {phone}.",
        "Re: egg collection {date}\nHi {pfirst}, your trigger injection is due at {time} the night before. "
        "Login at {url} to sign the consent. Questions? {phone}. - {staff}, Embryology",
    )),
    "school-trip-consent": (("uk", "ie", "nz", "za"), (
        "YEAR 8 OUTDOOR EDUCATION TRIP - MEDICAL CONSENT\nPupil name: {pname}\nDate of birth: {dob}\n"
        "Parent/carer: {kin}\nDaytime phone: {phone}   Alt: {phone2}\nHome address: {addr}, {city} {pc}\n"
        "Medical conditions: {epo}\nMedication to be given by staff: {drug} ({n}mg at lunch)\nGP: Dr {dr}",
        "Consent slip - residential trip\nChild: {pname}   Form: 9R\nAllergies/conditions: {carrier}\n"
        "Emergency contact: {kin}, {phone}, {email}\nSigned {kfirst} {dm}",
    )),
    "hearing-aid-ticket": (("uk", "ca", "us"), (
        "REPAIR TICKET {ref} | Customer: {pname_rev} | Serial {mrn} | Received {date}\nFault: whistling in "
        "left aid, battery door cracked. Return by post to {addr}, {city}, {pc}. Tel {phone}.",
        "ticket {ref} - {pname} called, aid still dead after repair. prefers texts to {phone}, sent photos via {bare}. also has {epo}, "
        "vertigo. book at {city} branch.",
    )),
    "optician-reminder": (("uk", "au", "nz", "ie"), (
        "Dear {pname},\nOur records show your eye examination is due. As you take {drug} we recommend an "
        "annual check. Book at {url} or call {phone}.\nClearView Opticians, {addr}, {city} {pc}",
        "Your glasses are ready for collection, {pfirst}! Order {ref}. Our {city} store is open till 5:30. "
        "Questions: {email}",
    )),
    "court-ordered-assessment": (("uk", "us", "za"), (
        "PRIVATE AND CONFIDENTIAL\nRe: {pname} (DOB {dob}), Case No. {ins}\nI was instructed by the court on "
        "{date} to assess {psur}'s fitness to plead. {carrier} I interviewed {psur} at {addr}, {city}. "
        "Collateral history was obtained from {kin} by telephone ({phone}).\nDr {staff}",
        "Addendum to report dated {date} re {pname_up}: the defendant's solicitor, {kin} ({email}), provided "
        "records showing a diagnosis of {epo} in {city}.",
    )),
    "health-fair-signup": (("us", "ca", "ph", "in"), (
        "FREE BLOOD PRESSURE & SUGAR SCREENING - sign up sheet\n1. {pname} | {phone} | {email} | BP + glucose\n"
        "2. {kin} | {phone2} | - | flu shot\n3. {staff_lo} | {city} | wants info on {epo}",
        "Health fair follow-up list (church hall, {dm}): {pname}, lives on {addr}, reading 168/94, "
        "told to see doctor. Ride needed from {city}. Contact via {phone}.",
    )),
    "blood-donor-session": (("uk", "au", "za", "ke"), (
        "Donor session {date}, {city} community hall. Donor {mrn}: {pname}, Hb 128, deferred 7 days "
        "(started {drug}). Next eligible {dm}. Confirm by SMS {phone} or rebook at {bare}",
        "Session notes - {pname} felt faint after 450 ml, recovered. {carrier} Escort: {kin}. "
        "Please update donor address to {addr}, {city} {pc}.",
    )),
    "voice-dictation": (("us", "uk", "in"), (
        "new note patient {pname_lo} date of birth {dob} comma seen today for follow up period {carrier_lo} "
        "plan continue {drug_lo} period call back number {phone} period end note",
        "okay google remind me to call doctor {dr_lo} office at {phone} about mums {epo} results on {dm}",
        "dictation for {pname}, m r n {mrn}, lives {addr_lo} {city}, next of kin {kin_lo}, scratch that, "
        "next of kin {kin}",
    )),
    "sms-thread-typos": (("us", "uk", "au", "ph"), (
        "[09:12] me: hi dr {dr} its {kfirst} ({pfirst}’s mum) 😷 shes got a temp again\n[09:14] clinic: "
        "hi, can u bring her in {dm}? whats her dob\n[09:15] me: {dob} lol sorry typo hand shakin\n"
        "[09:15] me: my no is {phone} if easier",
        "[18:40] {kfirst}: mum took the {drug} now she says 'im fine' 🙄\n[18:41] {pfirst}: ok ill pop to "
        "{city} tmrw, addy is {addr} right??\n[18:43] {kfirst}: ya. email the pics to {email} x",
    )),
    "kenya-sa-whatsapp": (("ke", "za"), (
        "Sasa daktari, this is {pname} from {city}. {carrier} My number is {phone}, or call my brother {kin} "
        "{phone2}. NHIF no {natid}.",
        "Howzit doc, {pfirst} here. Ma's sugar is high again, she's on {drug}. We're at {addr}, {city}. "
        "Her ID is {natid}, born {dob}.",
    )),
    "singlish-chat": (("sg",), (
        "Doc ah, my ah ma {kin} got {epo} one, now the {drug} finish already leh. Can help renew? "
        "Stay {addr}, {pc}. Call me {phone} ok thanks. NRIC {natid}",
        "hello clinic, {pname} here. Appt on {dm} can shift or not? {carrier} my hp {phone}, email {email}",
    )),
    "spanglish-msg": (("us", "mx"), (
        "Hola doctor, soy {pname}, la hija de {kin}. Mi mamá tiene {epo} and she ran out of {drug}. "
        "Vivimos en {addr}, {city}. Mi cel es {phone}. Gracias!!",
        "Buenas, I need to reschedule la cita del {dm} for {pfirst}. {carrier} Mándame text al {phone} "
        "o email {email}. Member ID {ins}",
    )),
    "occ-health-form": (("uk", "ca", "au", "ng"), (
        "OCCUPATIONAL HEALTH REFERRAL\nEmployee: {pname_rev}   Staff no: {mrn}   DOB: {dob}\nSite: {city} "
        "depot   Manager: {kin}   Manager tel: {phone}\nReason for referral: {carrier}\nCurrent meds "
        "reported: {drug}",
        "Fitness-for-work review {date}: {pname} may return to light duties. Known {epo}. Report copied to "
        "{email}. Next review {dm}.",
    )),
}

ZH_STYLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "挂号短信": ("cn", (
        "【{district}人民医院】{pname}您好，您已成功预约{date}上午心内科普通门诊，就诊序号12，就诊卡号{mrn}。"
        "请携带身份证（{natid}）提前30分钟到院取号。退号请致电{phone}。",
        "【预约提醒】尊敬的{pname}，您预约的{dm}下午{dr}医生专家号已生效，订单号{ref}，详情见{url}",
    )),
    "家庭医生签约": ("cn", (
        "家庭医生签约服务协议书\n签约居民：{pname}　性别：女　出生日期：{dob}\n身份证号：{natid}\n"
        "现住址：{city}{district}{addr}\n联系电话：{phone}\n签约医生：{staff}　团队电话：{phone2}\n"
        "健康情况：{carrier}",
        "乙方（居民）{pname}，家住{town}{village}，慢病：{drug}长期服用。紧急联系人：{kin}，手机{phone}。",
    )),
    "体检预约": ("cn", (
        "体检预约确认单\n姓名：{pname}　体检编号：{mrn}\n体检日期：{date}（请空腹）\n"
        "体检地点：{city}{district}{addr}\n报告将发送至邮箱{email}，如有疑问请拨打{phone}。",
        "{pname}先生，您单位组织的年度体检定于{dm}，预约码{ref}。{carrier}",
    )),
    "药品快递": ("cn", (
        "【顺丰速运】运单号{ref}\n收件人：{pname}　{phone}\n收件地址：{prov}{city}{district}{addr}\n"
        "内件：{drug}×3盒（处方药，请本人签收）",
        "快递员留言：{pname}家里没人，{drug}放在{village}小卖部了，取件码在短信里，有事打{phone}",
    )),
    "社区随访": ("cn", (
        "{district}社区卫生服务中心 高血压随访记录\n随访日期：{date}\n患者：{pname}，{age}岁，"
        "住{addr}\n主诉：{carrier}\n用药：{drug}\n随访医生：{staff}",
        "{dm}电话随访{pname}（{phone}），家属{kin}代答：{carrier}",
    )),
    "住院押金收据": ("cn", (
        "住院预交金收据\n住院号：{mrn}　姓名：{pname}　科别：神经内科\n交款日期：{date}\n"
        "金额：伍仟元整　收款员：{staff}\n医保卡号：{ins}",
    )),
    "网上问诊留言": ("cn", (
        "医生您好，{carrier}我在{city}{district}，{pname}，手机{phone}，微信号{wechat}，麻烦加一下。",
        "帮我妈问的：{carrier}她叫{kin}，{dob}出生，医保卡号{ins}。之前的问诊记录在{url}",
    )),
    "方言口述转文字": ("cn", (
        "俺娘今年{age}岁了，{carrier}俺家在{county}{town}{village}，俺叫{pname}，电话是{phone_spoken}，"
        "你们啥时候能来看看",
        "就是那个嘛，我屋头老汉儿{kin}，在{district}住，{drug}吃完了，号码{phone}，你打过来嘛",
    )),
    "台湾健保": ("tw", (
        "【{city}診所】{pname}您好，您{date}的門診已完成掛號，號碼{n}號。健保卡號{ins}，身分證{natid}。"
        "如需取消請撥{phone}。",
        "病患{pname}，生日{dob}，地址{city}{district}{addr}，連絡電話{phone}，領藥：{drug}",
    )),
    "香港诊所": ("hk", (
        "{pname}先生，你喺{district}診所嘅覆診日期係{date}，請帶埋身份證{natid}。查詢請致電{phone}或WhatsApp {phone2}。",
        "【覆診提示】{pname}：您預約的{dm}覆診已確認，請到{district}{addr}。覆藥：{drug}。電郵{email}",
    )),
}

_EN_DROP = re.compile(r"\d{3,}|@|www|http|\b(?:Dr|Mr|Mrs|Ms|Miss)\b|\b(?:January|February|March|April|June|July|"
                      r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b", re.I)
_ZH_DROP = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]{3,}|[A-Za-z]|[省市县區区镇鎮乡鄉村街路巷弄号號栋楼]|医院|醫院|诊所|診所|卫生|"
                      r"医生|醫生|大夫|主任|教授|老师|先生|女士|小姐|同学|师傅|姓|名字|叫|电话|微信|手机|QQ|"
                      r"[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]|[0-9]+[日号]|[老小阿][\u4e00-\u9fff]哥|"
                      r"[老小][王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢]|"
                      r"北京|上海|天津|重庆|广州|深圳|杭州|南京|武汉|成都|西安|郑州|长沙|沈阳|哈尔滨|济南|青岛|苏州|福州|"
                      r"厦门|昆明|贵阳|南宁|合肥|南昌|石家庄|太原|兰州|香港|澳门|台湾|东莞|佛山|无锡|宁波|大连|温州")


def _first_sentences(text: str, rnd: random.Random) -> str:
    parts = re.split(r"(?<=[.?!])\s+", text.strip())
    return " ".join(parts[:rnd.choice((1, 1, 2))]).strip()


def _en_carrier_ok(s: str) -> bool:
    """Drop a carrier that could hold an unlabelled identifier: a capitalised word mid-sentence (other than
    I and its contractions), a month or weekday, a long digit run, a title, an address or link."""
    if not 20 <= len(s) <= 260 or _EN_DROP.search(s):
        return False
    for sent in re.split(r"(?<=[.?!])\s+", s):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sent)
        if any(w[0].isupper() and not re.fullmatch(r"I(?:'m|'ve|'ll|'d)?", w) for w in words[1:]):
            return False
    return True


def english_carriers(records: list[dict], rnd: random.Random) -> list[str]:
    out = []
    for rec in records:
        for field in ("input", "output"):
            s = _first_sentences(rec.get(field) or "", rnd)
            if _en_carrier_ok(s):
                out.append(s)
    return sorted(set(out))


def chinese_carriers(shared) -> list[str]:
    out = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip()
        q = re.sub(r"\s+", "", q)
        m = re.match(r"^(.{8,90}?[。？！?!])", q)  # the first sentence or so
        q = m.group(1) if m else q
        if 8 <= len(q) <= 90 and not _ZH_DROP.search(q):
            out.append(q if q[-1] in "。？！?!，," else q + "。")
    return sorted(set(out))


def _fill(doc, template: str, v: Values, carriers: list[str], terms, rnd: random.Random):
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        doc.add(template[pos:m.start()])
        key = m.group(1)
        case = None
        if key.endswith(("_up", "_lo")):
            key, case = key[:-3], key[-2:]
        if key == "carrier":
            c = rnd.choice(carriers)
            c = c.upper() if case == "up" else c.lower().rstrip(".?!") if case == "lo" else c
            doc.carrier(c, terms)
        else:
            for text, ent, med in v.get(key):
                text = text.upper() if case == "up" else text.lower() if case == "lo" else text
                doc.add(text, ent, med)
        pos = m.end()
    doc.add(template[pos:])
    return doc


def _docs(lang: str, n: int, styles: dict, v: Values, carriers, Doc, terms, rnd) -> list[dict]:
    names = list(styles)
    out = []
    for i in range(n):
        style = names[i % len(names)]
        locales, templates = styles[style]
        locale = locales if isinstance(locales, str) else rnd.choice(locales)
        v.new_doc(locale)
        doc = _fill(Doc(), rnd.choice(templates), v, carriers, terms, rnd)
        out.append({"id": f"blind11-{lang}-{i:04d}", "lang": lang, "origin": f"blind11/{style}",
                    "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return out


def build_blind11(n_en, n_zh, Doc, terms, english_records, shared) -> list[dict]:
    rnd = random.Random(11111)
    v = Values(rnd)
    en = _docs("en", n_en, EN_STYLES, v, english_carriers(english_records, rnd), Doc, terms, rnd)
    zh = _docs("zh", n_zh, ZH_STYLES, v, chinese_carriers(shared), Doc, terms, rnd)
    return en + zh
