"""The twelfth blind PII split: written without reading the recognizers or the other splits.

Sixteen English and eight Chinese styles of how people actually write to clinics (home-exercise logs,
foot-clinic notes, veterans' claim narratives, outreach-van rosters, prison kiosk messages, interpreter
bookings, donor-registry confirmations, sleep diaries, food-challenge notes, radio call-ins, leaky
forum posts, OCR'd handwriting, Nigerian Pidgin, Jamaican Patois, Indian matrimonial-style intros,
Welsh bilingual letters; 医保异地备案, 慢病长处方, 疫苗接种预约, 月子中心, 养老院护理记录,
互联网医院复诊, 急诊分诊台登记, 粤语口语转写). Values come from bench/scrub_blind12_values.py.

Placeholders: {name} {first} {last} {phone} {iphone} {place} {street} {post} {email} {url} {date}
{dm} {my} {id_*} (an identifier of a named scheme), {drug} {epo} (must-stay medical words),
{carrier} (real patient or doctor text); {slot:1} repeats a value within a document.
Chinese: {zname} {zxiao} {zphone} {zplace} {zstreet}
{zpost} {zdate} {zmd} {zym} {zid} {zyb} {zcard} {zdrug} {zsym} {zdis} {zcarrier}.
"""
from __future__ import annotations

import random
import re

from scrub_blind12_values import Values, chinese_carriers, english_carriers

MED = "blind12-medical"

# style -> (culture, templates); culture "*" draws one per document
EN_STYLES: list[tuple[str, str, list[str]]] = [
    ("physio-homelog", "GB", [
        "HEP log wk 3 - {name}\nMon: 3x10 heel raises, bridge x12, knee ok. Tues: skipped (rain + {drug} made me dozy)\n"
        "Wed {dm}: did the band ones w/ my daughter {first} holding the door. Physio = {last} at the {place} leisure centre. "
        "If the sheet gets lost pls text {phone}.",
        "Home exercise diary for {name} (DOB {date})\n{carrier}\nSit-to-stand: 8 reps, then 10 by {dm}. "
        "Ankle pumps every ad break. Review booked with {first} on {dm}, {street}, {place} {post}.",
    ]),
    ("diabetic-foot", "*", [
        "Foot clinic - {name}, hosp no {id_mrn}\nL hallux ulcer 1.2 x 0.8 cm, sloughy base, no probe to bone. Monofilament 6/10 R, 4/10 L. "
        "On {drug}; query {epo}. Offloading boot issued. Pt lives alone at {street}, {place}; neighbour {name} checks in ({phone}).",
        "Podiatry r/v {dm}. {carrier} Pt ({name}, seen by {first} {last}) reports dressing changed by district nurse. "
        "Next: {date}. Photos uploaded to {url}.",
    ]),
    ("veterans-claim", "US", [
        "Statement in support of claim. I, {name}, VA file number {id_va}, served from {my} to {my}. "
        "My knees started with a clicking at {place} and I was given {drug} at sick call. "
        "I now live at {street}, {place}, {post}. Buddy statement from {name} ({phone}) attached.",
        "Re: claim for {epo} secondary to service. Veteran {last}, {first} (SSN last four not given; file {id_va}). "
        "{carrier} Exam scheduled {date} at the CBOC in {place}. Contact the rep at {email}.",
    ]),
    ("outreach-van", "*", [
        "OUTREACH VAN ROSTER {date}\nStop 1 - car park behind {street}, {place}: driver {name}, RN {name}\n"
        "Stop 2 - {place} community hall: BP + {drug} refills\nOn-call lead {first}: {phone}\nSign-up sheet: {url}",
        "Van run {dm} | client {name} (clinic no {id_mrn}) missed {drug} collection, last seen near {street}. "
        "Sister {first} says try {phone} after 5. {carrier}",
    ]),
    ("prison-kiosk", "US", [
        "KIOSK MSG TO: MEDICAL  FROM: {last}, {first} #{id_inmate} UNIT C-2\nsick call slip #2 this week. {carrier} "
        "my mom {name} can call yall at {phone} she has my {drug} list from before.",
        "health services request - inmate {name} ({id_inmate})\nwas on {drug} at county before transfer on {date}. "
        "my lawyer {name} {email} need records sent. outside doctor was dr {last} in {place}",
    ]),
    ("asl-booking", "CA", [
        "Interpreter request / Demande d'interprète\nClient: {name}   DOB: {date}\nLanguage: ASL (LSQ if {first} is not available)\n"
        "Appointment: {dm}, 10h30, {street}, {place} {post}\nReason: {epo} follow-up, starting {drug}\n"
        "Contact (text only / texto seulement): {phone}, {email}",
        "Booking #{id_mrn} - deaf-blind client {name}, needs tactile. Support worker {name} will meet at the door. "
        "{carrier} Confirm by SMS to {phone} or via {url}.",
    ]),
    ("donor-registry", "IE", [
        "Thank you, {first}. Your organ donor registration is confirmed.\nName: {name}\nDate of birth: {date}\nDonor ref: {id_donor}\n"
        "Address: {street}, {place}, {post}\nNext of kin told: {name}, {phone}\nChange your choice any time at {url}.",
        "Donor card update for {name}: tissue only, not corneas. Family discussed {dm}. {carrier} Registry office: {email}.",
    ]),
    ("sleep-diary", "AU", [
        "Sleep diary - {name}, Medicare {id_medicare}\nNight 1 ({dm}): bed 22:40, lights out 23:30, woke x4, "
        "took {drug} 1am. Night 2: partner {first} says snoring 'like a chainsaw'. {carrier} "
        "Study night booked {date} at the lab in {place}.",
        "CPAP download for {last}, {first} - AHI 3.1 on {my}. Mask leak ok. Pt moving to {street}, {place} {post}; "
        "new number {phone}.",
    ]),
    ("food-challenge", "*", [
        "Oral food challenge - {name} (age 6), hosp {id_mrn}\nFood: baked egg muffin. Doses 1-5 given {date}. "
        "Dose 4: 3 hives on chin, settled, no {drug} needed. Mum {name} to keep diary. "
        "Adrenaline auto-injector plan sent to school nurse at {email}.",
        "Peanut ladder step 3 for {first} from {dm}. {carrier} Dad's mobile {phone}; they live near {place}, {street}.",
    ]),
    ("radio-callin", "*", [
        "HOST: Next caller is {first} from {place}, you're on the air.\nCALLER: Hi, yeah, long time listener. "
        "My husband {name} was put on {drug} and since then {carrier}\nHOST: Okay, stay on the line, our producer will take your number.\n"
        "CALLER: It's {iphone}.",
        "[transcript] ...and a text from {name} in {place}: 'my GP Dr {last} says it's {epo}, is that normal at 40?' "
        "Listeners can write to {email} or go to {url}.",
    ]),
    ("forum-post", "*", [
        "throwaway acct for obvious reasons. {carrier} ok so my endo ({name}, the one in {place}) switched me to {drug}. "
        "anyone else? edit: dm me, or my whatsapp is {iphone} lol. edit2: born {date} if that matters for dosing",
        "[UPDATE] posted {my} about my dad's {epo}. He's at the care home on {street} now. "
        "Staff nurse {first} was lovely. Fundraiser: {url}",
    ]),
    ("ocr-handwriting", "*", [
        "Pt  name :  {name}\nD.O.B   {date}\nAddr .  {street} ,  {place}\nNOK  {name}   tel  {phone}\n"
        "Hx :  {epo}  ,  on  {drug}\nGP :  Dr  {last}",
        "r e f e r r a l\n{carrier}\nsigned  {name}  ( {email} )  on  {dm}\nMRN  {id_mrn}",
    ]),
    ("naija-pidgin", "NG", [
        "Doctor abeg, na {name} dey write. {carrier} Dem give me {drug} for {place} clinic but e no dey work. "
        "My house na {street}, {place}. Call me for {phone} abeg, or my brother {first}.",
        "Oga doctor good evening. My mama {name} don dey sick since {dm}, dem talk say na {epo}. "
        "We dey {place}. Una fit send the result go {email}? Her hospital card na {id_mrn}.",
    ]),
    ("jamaican-patois", "JM", [
        "Doc, a {name} dis. Mi foot a swell up from {dm} an mi cyaan tek di {drug} no more. "
        "Mi live a {street}, {place}. Call mi pon {phone}, or mi daughter {first}.",
        "Wah gwaan nurse. {carrier} Mi bredda {name} seh fi tell yuh him TRN a {id_trn}. Appointment fi {date} inna {place}.",
    ]),
    ("matrimonial-intro", "IN", [
        "Respected Doctor, I am {name}, 34 yrs, working in {place}, well-settled family. My father {name} is under your care "
        "for {epo} and taking {drug}. Kindly call on {phone} (after 7 PM IST). Aadhaar {id_aadhaar} for the records. "
        "Our native is {place}.",
        "Sir/Madam, greetings from {name} (DOB {date}), B.Tech, residing at {street}, {place} - {post}. "
        "{carrier} Kindly revert to {email} at the earliest.",
    ]),
    ("welsh-bilingual", "GB", [
        "Annwyl {name:1} / Dear {name:1},\nRydym wedi trefnu apwyntiad i chi / We have arranged an appointment for you: {date}, "
        "Uned {epo}, {place}.\nRhif GIG / NHS number: {id_nhs}\nCyfeiriad / Address: {street}, {place}, {post}\n"
        "Ffôn / Phone: {phone}\nDewch â'ch {drug:1} / Bring your {drug:1}.",
        "Diolch / Thank you, {first}. {carrier} Your nurse {name} can be reached at {email}.",
    ]),
]

ZH_STYLES: list[tuple[str, list[str]]] = [
    ("医保异地备案", [
        "异地就医备案申请\n参保人：{zname}\n身份证号：{zid}\n医保卡号：{zyb}\n参保地：{zplace}\n就医地：{zplace}\n"
        "居住地址：{zstreet}\n联系电话：{zphone}\n备案开始日期：{zdate}",
        "您好，我是{zname}，{zplace}参保，现在在{zplace}带孙子，{zcarrier}想问异地备案后买{zdrug}能不能直接结算？我电话{zphone}。",
    ]),
    ("慢病长处方", [
        "慢病长处方续方登记：患者{zname}，卡号{zcard}，诊断{zdis}，{zdrug}每日一片，开具十二周。下次复诊{zmd}，家属{zname}（{zphone}）代取。",
        "{zcarrier}我爸{zname}一直吃{zdrug}，社区说可以开长处方，我们住{zstreet}，{zym}之后还能续吗？",
    ]),
    ("疫苗接种预约", [
        "【接种预约成功】{zname}小朋友，您已预约{zmd}上午在{zplace}社区卫生服务中心接种。请携带预防接种证，监护人{zname}，手机{zphone}。",
        "宝宝{zxiao}（大名{zname}，{zdate}出生）打完疫苗有点{zsym}，{zcarrier}预约单号{zcard}。",
    ]),
    ("月子中心", [
        "入住登记：宝妈{zname}，{zdate}剖宫产，房号在{zstreet}。宝爸{zname}电话{zphone}。过敏：{zdrug}。邮箱{email}",
        "{zcarrier}今天{zxiao}吃奶三次，黄疸值复查约在{zmd}，由{zplace}妇幼的护士上门。",
    ]),
    ("养老院护理记录", [
        "护理记录 {zmd}\n长者：{zname}，档案号{zcard}\n晨间血压142/88，服{zdrug}后无不适。下午女儿{zname}来访，留电话{zphone}。",
        "交班：{zname}阿姨夜里说{zsym}，{zcarrier}已通知家属，家住{zplace}{zstreet}。",
    ]),
    ("互联网医院复诊", [
        "复诊申请：{zcarrier}上次是{zym}在线上开的{zdrug}，就诊人{zname}，身份证{zid}，药寄到{zstreet}（{zpost}），收件电话{zphone}。",
        "医生您好，我是{zname}的家属，{zdate}线下看过，病历已上传{url}，麻烦帮忙看看能不能续方。",
    ]),
    ("急诊分诊台登记", [
        "分诊登记 {zdate}\n姓名：{zname} 性别：男 年龄：67\n主诉：{zsym}2小时\n陪同：{zname}（儿子）{zphone}\n现住址：{zplace}{zstreet}\n分级：II级",
        "120送入，患者无法言语，随身卡片显示{zname}，证件号{zid}，{zcarrier}",
    ]),
    ("粤语口语转写", [
        "喂，医生呀，我系{zname}个阿妈，佢{zdate}开始{zsym}，{zcarrier}我哋住{zplace}{zstreet}，你打返俾我{zphone}啦唔该。",
        "{zxiao}今日去咗{zplace}嗰间诊所，医生话要食{zdrug}，有咩事WhatsApp我{zphone}，或者电邮{email}。",
    ]),
]

_SLOT = re.compile(r"\{(\w+)(?::(\d))?\}")  # {slot:1}: the same value again within a document


def fill(doc, template: str, values: Values, terms, carriers: list[str], rnd: random.Random) -> None:
    """Plant each placeholder's value at its own span; carriers keep their allow-list terms as medical."""
    pos, memo = 0, {}
    for m in _SLOT.finditer(template):
        doc.add(template[pos:m.start()])
        slot, key = m.group(1), m.group(0)
        if slot in ("carrier", "zcarrier"):
            doc.carrier(carriers[rnd.randrange(len(carriers))], terms)
        elif slot in ("drug", "epo", "zdrug", "zsym", "zdis"):
            if key not in memo:
                memo[key] = values.medical(slot)
            doc.add(memo[key], medical=MED)
        else:
            if key not in memo or not m.group(2):
                memo[key] = values.get(slot)
            for text, kind in memo[key]:
                doc.add(text, kind)
        pos = m.end()
    doc.add(template[pos:])


def build_blind12(n_en, n_zh, Doc, terms, english_records, shared) -> list[dict]:
    rnd = random.Random(12121)
    values = Values(rnd, shared)
    en_car = english_carriers(english_records)
    zh_car = chinese_carriers(shared)
    docs = []
    for i in range(n_en):
        style, culture, templates = EN_STYLES[i % len(EN_STYLES)]
        values.new_doc(culture)
        doc = Doc()
        fill(doc, templates[rnd.randrange(len(templates))], values, terms, en_car, rnd)
        docs.append({"id": f"blind12-en-{i:04d}", "lang": "en", "origin": f"blind12/{style}",
                     "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    for i in range(n_zh):
        style, templates = ZH_STYLES[i % len(ZH_STYLES)]
        values.new_doc("CN")
        doc = Doc()
        fill(doc, templates[rnd.randrange(len(templates))], values, terms, zh_car, rnd)
        docs.append({"id": f"blind12-zh-{i:04d}", "lang": "zh", "origin": f"blind12/{style}",
                     "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return docs
