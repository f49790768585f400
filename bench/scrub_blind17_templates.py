"""Templates of the blind17 PII split (unusual layouts and registers), written before any code and
without reading the recognizers or the other splits.

A slot {x} is filled by bench/scrub_blind17_values.py; the slot's letters (trailing digits dropped)
say what goes there, e.g. {name}, {name2}, {phone}, {place}, {street}, {post}, {email}, {url}, {mrn},
{ins}, {ref}, {natid} (its label text is {natidlabel}), {dob}, {visit}, {date}, {doc} (a clinician),
{docl} (a clinician's surname), {first}, {nick}, {sname} (surname first), {drug}, {cond}, {epo}
(medical words), {carrier} / {answer} (real patient / doctor sentences), and unlabelled fillers
{age}, {time}, {bed}. A slot written in capitals ({NAME}) gets its value in capitals; {placel} and
{namel} get it in lower case. Chinese slots begin with z.
"""

EN = {
    "telegram": [
        "URGENT STOP PATIENT {NAME} BORN {DOB} ADMITTED {PLACE} COTTAGE HOSPITAL STOP SUSPECT {COND} STOP "
        "FAMILY TO WIRE {NAME2} AT {STREET} {PLACE2} STOP REPLY {PHONE} STOP REF {MRN} STOP",
        "TELEX FROM {PLACE} STOP YOUR MOTHER {NAME} STABLE ON {DRUG} STOP DR {DOCL} REQUESTS CALL {PHONE} "
        "BEFORE {VISIT} STOP INSURANCE {INS} STOP",
    ],
    "pager": [
        "PAGE FROM 5 WEST: pt {NAME} bed {bed} ?{cond} sats dropping, pls call back {phone} re MRN {mrn} -- {docl}",
        "** PAGER ** {time} cb {phone} ({first}, ED charge nurse) -- {name} dob {dob} on {drug}, family asking 4 u",
    ],
    "letterhead": [
        "{DOCL} & PARTNERS FAMILY PRACTICE\n{street}, {place} {post}\nTel {phone} | {email} | {url}\n\n"
        "{visit}\n\nDear Dr {docl2},\n\nRe: {name}, DOB {dob}, Hospital No. {mrn}\n\nThank you for seeing this "
        "{age}-year-old with {cond}. {carrier} Current meds include {drug}.\n\nYours sincerely,\n\nDr {doc}\n"
        "MBBS MRCGP\n\n-- Registered office: {street2}, {place2}. Confidential: intended for the addressee only --",
    ],
    "signature": [
        "hi all, quick update on the {epo} clinic list for {visit} - {name} has been moved to the {time} slot, "
        "pls don't double book.\n\nthanks\n\n{doc}, RN, BSN, CCRN\nClinical Nurse Coordinator | Neurology\n"
        "{street}, {place} {post}\nd: {phone}  m: {phone2}\n{email}\n{url}",
        "{answer}\n\nKind regards,\nProf. {doc} MD PhD FRACP\nHead of Endocrinology, {place} campus\n"
        "ph {phone} · {email}",
    ],
    "complaint": [
        "WITHOUT PREJUDICE\n\nTo the Patient Advice and Liaison Service,\n\nI write on behalf of my father, {name} "
        "(date of birth {dob}, {natidlabel} {natid}), concerning the care he received on {visit}. Despite a "
        "documented history of {cond} he was discharged with {drug} and no follow up. I hold Dr {docl} responsible "
        "for this.\n\nI expect a written response within 20 working days at {street}, {place} {post} or by email "
        "to {email}.\n\n{name2}\n{phone}",
    ],
    "obituary": [
        "{NAME} (nee {last}), of {place}, passed away peacefully on {date} after a long battle with {cond}, aged "
        "{age}. Born {dob} in {place2}, she nursed at the old infirmary for thirty years. Survived by {name2} and "
        "{first}. Visitation at {street}. In lieu of flowers donations to the {epo} society via {url}. "
        "Enquiries {phone}.",
    ],
    "condolence": [
        "dear {first},\nwe were so sorry to hear about {nick}. he talked about you all the time at the "
        "{epo} support group in {placel}. if there's anything you need, ring me on {phone} or write to "
        "{street}, {place} {post}.\nwith love, {name2} x",
    ],
    "consent": [
        "RESEARCH CONSENT FORM - {COND} STUDY (protocol v3.1)\nParticipant name: {name}\nDate of birth: {dob}\n"
        "Study subject ID: {ref}\nI confirm that I have read the information sheet dated {visit} and understand "
        "that I may be asked to take {drug}.\nParticipant signature: ____________  Date: {date}\n"
        "Person taking consent: {doc} (research nurse)  Contact: {phone} / {email}\n"
        "Site: {place} Clinical Research Facility, {street}, {post}",
    ],
    "reminder": [
        "Reminder from {url}: Hi {first}, you have an appointment with Dr {docl} (Rheumatology - {epo}) on "
        "{visit} at {time}, {street}, {place}. Booking ref {ref}. Reply C to confirm or call {phone}. "
        "Do not reply to this address ({email}).",
        "[AUTO] Appointment confirmed\nPatient: {SNAME}\nDOB: {dob}\nMember ID: {ins}\nWhen: {visit} {time}\n"
        "Where: {place} Dialysis Unit, {street} {post}\nBring a list of medicines (e.g. {drug}).\n"
        "Manage booking: {url}",
    ],
    "markdown": [
        "## Handover - bay 3\n- **{name}** ({age}), {cond}, MRN `{mrn}`\n  - started {drug} on {date}\n"
        "  - daughter {name2}: {phone}\n- **{name3}**, from {place}, DOB {dob}\n  - _{epo}_ workup pending\n"
        "  - GP: Dr {docl}, {phone2}\n\n> next of kin email: {email}",
    ],
    "html": [
        "&gt; On {date}, {name} &lt;{email}&gt; wrote:<br>&gt; <p>{carrier}</p><br>&gt; <p>I live in "
        "{place}, my number is <b>{phone}</b> and my chart number is {mrn}.</p>\n<div class=\"sig\">"
        "{doc}<br/>{street}<br/>{place2} {post}</div>",
        "<tr><td>{SNAME}</td><td>{dob}</td><td>{natid}</td><td>{phone}</td><td>{cond}</td></tr>\n"
        "<tr><td>{SNAME2}</td><td>{dob2}</td><td>{natid2}</td><td>{phone2}</td><td>{drug}</td></tr>",
    ],
    "ocr": [
        "PATlENT REGISTRATlON F0RM   page 1 of 2\nSurname / Family narne: {LAST}    Given narne(s): {first}\n"
        "Date of Birtn: {dob}   Sex: F   {natidlabel} {natid}\nAddress: {street}\nTown/Clty: {place}   "
        "Postcode: {post}\nTe1ephone: {phone}   E-rnail: {email}\nNext of kin: {name2}   Relationship: husband\n"
        "Known a1lergies: {drug}   Past history: {cond}",
    ],
    "abbrev": [
        "pt {name}, {age}F, DOB {dob}, MRN {mrn}. c/o SOB x3/7. hx {cond}, on {drug}. lives alone in {place}, "
        "dtr {first} visits. seen by {docl} in clinic {visit}. plan: bloods, CXR, r/v 48h. NOK tel {phone}",
        "S/B reg {date}: {name} ?{epo} ?drug induced ({drug}). PMHx nil else. SHx ex-smoker, from {place}. "
        "coll hx via son {nick} ({phone}). d/w Dr {docl}. ID band chk'd {mrn}",
    ],
    "table": [
        "CLINIC LIST  {place} Outpatients  {visit}\nSURNAME, Forename      | DOB        | Hosp No | Reason\n"
        "{SNAME}  | {dob}  | {mrn}  | {cond}\n{SNAME2}  | {dob2}  | {mrn2}  | review {drug}\n"
        "{SNAME3}  | {dob3}  | {mrn3}  | {epo}\nClinician: {doc}   ext/phone {phone}",
    ],
    "forward": [
        "---------- Forwarded message ---------\nFrom: {name} <{email}>\nDate: {date}\nSubject: my mum's "
        "{cond}\nTo: {email2}\n\n{carrier}\nShe is on {drug}. We are in {place} now, {street}. "
        "Her {natidlabel} is {natid} if you need it. Mobile {phone}.\n\n-- \nSent from my phone",
    ],
    "sms": [
        "hey its {namel} from the {place} clinic lol, {carrier} rang {phone} no answer. still on {drug}?? "
        "txt me back x or email {email}",
        "{first} here. mum ({name}) fell again, shes in {placel} hospital ward 6 now. her dob {dob} if they ask. "
        "{cond} flaring. my new no {phone}",
    ],
    "fax": [
        "FAX COVER SHEET\nTo: Dr {doc}, {place} Memory Clinic   Fax/Tel: {phone}\nFrom: {doc2}, Practice "
        "Nurse   Tel: {phone2}\nDate: {date}   Pages: 4\nRE: REFERRAL - {NAME} - DOB {dob} - {natidlabel} {natid}"
        "\nQuery {epo}. Pt on {drug}.\nCONFIDENTIALITY NOTICE: if received in error please notify {email} and "
        "destroy.",
    ],
    "forum": [
        "[quote={nick}]{carrier}[/quote]\nsame here!! my husband {first} was dx with {cond} at the {place} "
        "clinic on {visit}. dr {docl} put him on {drug}. i made a blog about it {url} or email me {email}",
    ],
}

ZH = {
    "homepage": [
        "住院病案首页\n姓名：{zname}  性别：女  出生日期：{zdob}  身份证号：{zid}\n现住址：{zplace}{zstreet}  "
        "邮编：{zpost}\n联系电话：{zphone}  联系人：{zname2}（丈夫）  电话：{zphone2}\n住院号：{zmrn}  "
        "入院日期：{zvisit}\n入院诊断：{zcond}\n主治医师：{zdoc}",
    ],
    "consent": [
        "手术知情同意书\n患者{zname}，住院号{zmrn}，拟于{zvisit}行手术治疗。术前诊断：{zcond}。患者长期服用{zdrug}，"
        "术前需停药。\n患者签名：{zname}  日期：{zdate}\n授权委托人：{zname2}  身份证号：{zid}  电话：{zphone}\n"
        "谈话医师：{zdoc}",
    ],
    "sms": [
        "【{zplace}人民医院】{zname}您好，您预约的{zdoc}医师门诊（{zcond}专病）时间为{zvisit}上午，请携带医保卡"
        "（卡号{zins}）按时就诊。改约请致电{zphone}，回复TD退订",
        "【复诊提醒】尊敬的{zname}，您的{zdrug}已用完，请于{zvisit}前到{zplace}社区卫生服务中心（{zstreet}）取药。"
        "详询{zphone}或访问{zurl}",
    ],
    "wechat": [
        "【健康科普】{zcond}患者的春季饮食指南\n本期专家：{zdoc} 主任医师\n{zcarrier}\n"
        "读者留言：我妈妈{zname}在{zplace}，吃{zdrug}两年了，能加个号吗？电话{zphone}\n"
        "投稿邮箱：{zemail}  原文链接：{zurl}",
    ],
    "ocr": [
        "门 诊 病 历（扫描件）\n姓 名：{zname}   年 龄：{age}岁\n住 址：{zplace} {zstreet}\n电 话：{zphone}\n"
        "身份证号 码：{zid}\n就诊日期：{zvisit}\n主 诉：{zcarrier}\n初步诊断：{zcond}  处理：{zdrug}\n"
        "医师签名：{zdoc}",
    ],
    "vertical": [
        "敬\n启\n者：\n{zname}先生\n于{zdate}\n在{zplace}\n仙逝，\n享年{age}岁。\n生前患{zcond}多年。\n"
        "兹定于{zvisit}\n在{zstreet}\n举行告别仪式。\n联系人：{zname2}\n电话：{zphone}",
    ],
    "mixed": [
        "Dr {zdoc}您好，我是{zname}，上次在{zplace}门诊看的{zcond}，MRN {zmrn}。现在吃{zdrug} 有点side effect，"
        "可以email给我吗 {zemail}，或者call {zphone}，thx",
        "hi {zname2}，你妈妈{zname}的出生日期是{zdob}吗？registration要用，身份证{zid}对吗？我们在{zplace}"
        "{zstreet}，有问题打{zphone}",
    ],
}
