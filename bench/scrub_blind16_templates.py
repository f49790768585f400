"""Templates of the blind16 PII split, written before any code and without reading the recognizers or
any other split: how patients, relatives and clinicians across the English-speaking world and its
neighbours write to each other, in their own conventions and code-switching.

Each style: (culture, [templates]). Slots (filled by bench/scrub_blind16.py):
  identifiers  {name} full name in the culture's order, {given} given name only, {family} family name,
               {kin} a relative's full name, {doc} a doctor's family name, {nick} a nickname,
               {phone} {phone2} phones in local shapes, {intl} an international phone,
               {place} {place2} towns below state level, {lplace} a town in lower case,
               {addr} a full address (street line, town, postcode), {street} a street line only,
               {email} {url}, {dob} a birth date, {visit} a visit / admission date,
               and labelled IDs named after the card they come from ({idcard} {mrn} {insurer} ...).
  medical      {drug} {drug2} a drug name, {cond} a condition, {epo} an eponymous disease.
  carrier      {carrier} a real patient or doctor sentence (GenMedGPT-5k / ChatMed-Consult).
"""
from __future__ import annotations

EN_STYLES = {
    "india_hinglish": ("india", [
        "namaste doctor sahab, main {name} bol raha hoon from {place}. {carrier} papa ko {cond} hai aur "
        "{drug} chal rahi hai since last year. unka UHID {mrn} hai, Aadhaar {idcard}. pls call on {phone} "
        "ya whatsapp karo {intl}",
        "Hi mam this is {given} ({name}), DOB {dob}. mera appointment {visit} ko tha at the {place} clinic "
        "but I could not come kyunki {lplace} mein baarish. address: {addr}. {carrier} mail kar do reports "
        "{email} pe. thank u",
        "Respected Dr. {doc}, my mother {kin} (ABHA no. {abha}) has {epo} and sugar. {carrier} She is on "
        "{drug} 5mg OD + {drug2}. Kindly see the reports uploaded on {url}. Contact {phone}, {place}.",
    ]),
    "pakistan_roman_urdu": ("pakistan", [
        "AoA dr sahib, mera naam {name} hai, {place} se. CNIC {idcard}. {carrier} ammi ko {cond} hai aur "
        "woh {drug} le rahi hain. mera number {phone} hai, jazakallah",
        "assalam o alaikum. patient: {kin}, d/o {name}, DOB {dob}, MR# {mrn}. {carrier} we came to OPD on "
        "{visit} from {lplace}. ghar ka pata: {addr}. email {email} / {intl}",
        "Dr {doc} sb, {given} here again. {carrier} the {epo} tablets ({drug}) finish ho gayi. please send "
        "parchi on whatsapp {phone}. sehat card no {insurer}. we live near {place}.",
    ]),
    "nigeria_pidgin": ("nigeria", [
        "Good morning doctor, na {name} dey write from {place}. {carrier} my mama get {cond} and she dey use "
        "{drug} but e no dey work. abeg call me {phone} or {phone2}. NIN {idcard}",
        "Doc abeg help. my pikin {kin} (born {dob}) dey hot since {visit}. {carrier} we dey stay for {addr}. "
        "hospital card no {mrn}. my email na {email}",
        "Dear Dr {doc}, thank you for {given} treatment. {carrier} she finish the {drug} and {drug2}. HMO no "
        "{insurer}. Pls send the bill to {email} or call {intl}. God bless, {family} family, {place}.",
    ]),
    "kenya_sheng": ("kenya", [
        "Habari daktari, naitwa {name} from {place}. {carrier} mathe yangu ako na {cond} na anatumia {drug}. "
        "SHA no {insurer}, ID {idcard}. nipigie {phone} ama M-Pesa same number",
        "Hi doc, this is {given}. Mtoto wangu {kin} dob {dob} alikuwa admitted {visit}, IP No {mrn}. {carrier} "
        "tuko {addr}. email {email}. asante sana",
        "Dr {doc}, kindly review {name}, {lplace} resident, known {epo} on {drug}. {carrier} Next of kin "
        "{kin} {intl}. Booking via {url}",
    ]),
    "south_africa": ("south_africa", [
        "Howzit doc, {name} here from {place}. {carrier} my gogo has {cond} and is on {drug} from the "
        "clinic. ID {idcard}, Discovery no {insurer}. pls phone {phone} after 5, sharp",
        "Dear Sister {doc}, patient {name} (ID {idcard}, DOB {dob}) seen at {place} CHC on {visit}. "
        "{carrier} Known {epo}, on {drug} and {drug2}. Address: {addr}. Cell {phone}, email {email}",
        "Hi, it's {given} ({nick}). {carrier} the {lplace} clinic says my file no is {mrn}. the forms are "
        "on {url}. whatsapp {intl}",
    ]),
    "philippines_taglish": ("philippines", [
        "Hello po doc! Si {name} po ito from {place}. {carrier} yung lola ko po may {cond}, nag-{drug} po "
        "siya. PhilHealth no. {insurer}. Text po kayo sa {phone}, salamat po!",
        "Good eve doc, {given} here. {carrier} sched ko po ng check-up {visit} sa {place} pero nasa {lplace} "
        "pa ako. bday ko {dob}. address ko po {addr}. email {email}",
        "Dra. {doc}, follow up lang po for my tatay {kin}, may {epo} siya, {drug} 50mg. {carrier} Senior "
        "citizen ID {idcard}. Pls msg {intl} or sa page namin {url}",
    ]),
    "malaysia_manglish": ("malaysia", [
        "Doc, {name} here from {place} lah. {carrier} my mother got {cond}, now taking {drug} already 2 "
        "month. IC {idcard}. can call me {phone} anytime, tq",
        "Hi Dr {doc}, appt on {visit} can change or not? {carrier} my father {kin} IC {idcard} born {dob}, "
        "stay at {addr}. RN {mrn}. email {email}",
        "salam doc, {given} ni. {carrier} the {epo} medicine ({drug}) finish d. {lplace} klinik kesihatan "
        "no stock. whatsapp {intl} or book at {url}",
    ]),
    "singapore_singlish": ("singapore", [
        "Hi Dr {doc}, this is {name}, NRIC {idcard}. {carrier} my ah ma got {cond} and taking {drug}, can "
        "renew the MC or not? call {phone}, thanks ah",
        "Dear Polyclinic, patient {kin} (DOB {dob}) missed appt on {visit}. {carrier} Address {addr}. NOK "
        "{name} {phone}. email {email}",
        "{given} here lor. {carrier} the {epo} clinic at {place} say my case no {mrn}. Healthhub link "
        "{url}. overseas pls call {intl}",
    ]),
    "caribbean": ("caribbean", [
        "Good day Dr {doc}, {name} from {place} here. {carrier} mi granny have {cond} an she on {drug}. "
        "NHF card {insurer}. call mi pon {phone} yuh hear",
        "Morning doc, {given} writing for my son {kin}, born {dob}. {carrier} we seen at {place} health "
        "centre on {visit}, docket {mrn}. We living {addr}. email {email}",
        "Dear Dr {doc}, re {name} TRN {idcard}, known {epo} on {drug} and {drug2}. {carrier} Family in "
        "{lplace} reachable on {intl}. Booking {url}",
    ]),
    "ireland_gp": ("ireland", [
        "Dear Dr {doc}, I'd be grateful if you'd see {name} (DOB {dob}), {addr}. {carrier} Background of "
        "{epo}, on {drug}. Medical card {insurer}, PPSN {idcard}. Mobile {phone}.",
        "hi there, {given} here, ringing about mam's appointment on {visit} in {place}. {carrier} she's on "
        "{drug} for the {cond}. her MRN is {mrn}. ye can get me on {phone} or {email}",
        "Grand, thanks doc. {carrier} I'm back in {lplace} now so post the letter to {street}, {place}. "
        "Eircode is on the form at {url}. Mobile {intl}, {name}",
    ]),
    "scotland_nhs": ("scotland", [
        "Dear Dr {doc}, re: {name}, CHI {idcard}, {addr}. {carrier} Known {epo}, on {drug} and {drug2}. "
        "Seen at the {place} practice on {visit}. Tel {phone}.",
        "aye hello, it's {given} fae {place}. {carrier} ma da's got {cond} and the {drug} isnae helping. "
        "his CHI is {idcard}, born {dob}. gie us a phone on {phone} or email {email}",
        "Hi, {name} here (nickname {nick}). {carrier} I moved from {lplace} to {place2}. Hospital no {mrn}. "
        "NHS Inform page {url} said to get in touch. {intl}",
    ]),
    "wales_bilingual": ("wales", [
        "Bore da Dr {doc}, {name} o {place} sydd yma. {carrier} Mae gan Mam {cond}, she's on {drug}. NHS "
        "number {idcard}. Ffoniwch {phone} plis, diolch",
        "Annwyl Feddyg, re {kin} (DOB {dob}), {addr}. {carrier} Background {epo}. Clinic at {place} on "
        "{visit}, hospital no {mrn}. Contact {name} {phone} / {email}",
        "{given} here, sorry for the english only. {carrier} the {lplace} surgery moved my {drug} repeat "
        "online at {url}. I'm working away, ring {intl}",
    ]),
    "nz_maori": ("new_zealand", [
        "Kia ora Dr {doc}, ko {name} ahau, from {place}. {carrier} my koro has {cond} and is on {drug}. "
        "His NHI is {idcard}. ring me on {phone}, nga mihi",
        "Kia ora, {given} here for my whaea {kin}, born {dob}. {carrier} she was seen at {place} hospital "
        "{visit}, NHI {idcard}. Address {addr}. email {email}",
        "Tena koe Dr {doc}, whanau hui for {name} re {epo} and the {drug2}. {carrier} Kaumatua are coming "
        "from {lplace}, contact {intl}. Portal {url}",
    ]),
    "canada_quebec": ("canada", [
        "Bonjour Dr {doc}, c'est {name} de {place}. {carrier} ma mère a le {cond}, elle prend du {drug}. "
        "RAMQ {idcard}. Rappelez-moi au {phone} svp, merci",
        "Hi doc, {given} here, appt on {visit} at the {place} CLSC. {carrier} my dad {kin} (né le {dob}) "
        "lives at {addr}. Dossier {mrn}. Email {email}",
        "Dr {doc}, re {name}, OHIP {insurer}, known {epo} on {drug}. {carrier} Family moved from {lplace}; "
        "cell {intl}. Forms: {url}",
    ]),
    "us_spanglish": ("us_hispanic", [
        "Hola doctor, soy {name} de {place}. {carrier} mi mamá tiene {cond} y está tomando {drug}. Medicaid "
        "ID {insurer}. Llámeme al {phone} porfa, gracias",
        "hi dr {doc}, {given} here. mi hijo {kin} dob {dob} tiene fiebre desde {visit}. {carrier} we live at "
        "{addr}. MRN {mrn}. email {email}",
        "Dra. {doc}, re {name}, {epo}, on {drug} + {drug2}. {carrier} Family back in {lplace} can be "
        "reached at {intl}. Portal: {url}",
    ]),
    "referral_letter": ("mixed", [
        "REFERRAL\nPatient: {name}\nDOB: {dob}\nAddress: {addr}\nHospital no: {mrn}\nInsurer ID: {insurer}\n"
        "Dear Dr {doc}, thank you for seeing this patient with {epo}. {carrier} Current meds: {drug}, "
        "{drug2}. Tel {phone}.",
        "Dear Colleague, re {name} ({dob}), of {place}. {carrier} I note {cond} since {visit}, treated with "
        "{drug}. Please reply to {email} or {phone}. Kind regards, Dr {doc}",
    ]),
    "family_caregiver": ("mixed", [
        "hi doctor im {given}, writing for my dad {kin} he lives alone in {place}. {carrier} he has {epo} "
        "and takes {drug}. his id {idcard}. pls call me {phone}, or my sister {name} {phone2}",
        "Sorry to bother you doc, my gran {kin} born {dob} in {lplace}. {carrier} she fell on {visit}, on "
        "{drug} for the {cond}. home: {addr}. email {email}",
    ]),
    "intake_form": ("mixed", [
        "Full name: {name}\nPreferred name: {nick}\nDate of birth: {dob}\nID no: {idcard}\nAddress: {addr}\n"
        "Phone: {phone}\nEmail: {email}\nConditions: {cond}, {epo}\nMedications: {drug}\n"
        "Reason for visit: {carrier}",
        "name {name} | dob {dob} | town {place} | mobile {phone} | file {mrn} | meds {drug} | {carrier}",
    ]),
    "telehealth_chat": ("mixed", [
        "[09:41] {given}: hi doc\n[09:41] {given}: {carrier}\n[09:43] Dr {doc}: Hi {given}, are you "
        "still on {drug}?\n[09:44] {given}: yes and {drug2} for {cond}. im in {place} now, number "
        "{phone}\n[09:45] Dr {doc}: ok join me at {url}",
        "Patient {name} joined from {place}. Reg no {mrn}. {carrier} Callback {intl}, email {email}. "
        "Hx {epo}.",
    ]),
    "discharge_summary": ("mixed", [
        "DISCHARGE SUMMARY\nName: {name}  DOB: {dob}  MRN: {mrn}\nAdmitted: {visit}\nDiagnosis: {epo}, "
        "{cond}\n{carrier}\nTTO: {drug}, {drug2}\nGP: Dr {doc}, {place}\nNOK: {kin} {phone}",
        "Discharged {name} to {addr} on {visit}. {carrier} Continue {drug}. Follow up {place} clinic. "
        "Queries {phone}.",
    ]),
}

ZH_STYLES = {
    "haiwai_huaren": ("zh_overseas", [
        "医生你好，我是{name}，在{place}读书/工作。{carrier}我妈妈在国内有{cond}，一直吃{drug}。我这边电话{intl}，"
        "国内家里{phone}。我的health card号{insurer}，住址{addr}，邮箱{email}",
        "您好，我叫{name}，生日{dob}，人在{place}，家庭医生Dr {doc}让我先问问。{carrier}之前吃{drug}和{drug2}，"
        "诊所预约在{visit}。网站{url}，微信同手机{intl}",
    ]),
    "dongnanya_huaren": ("zh_sea", [
        "医生，我是{name}（{nick}），住{place}。{carrier}我阿嬷有{cond}，现在吃{drug}。IC号码{idcard}，"
        "电话{phone}，谢谢啦",
        "Dr {doc}您好，我爸爸{kin}，出世纸上生日是{dob}，{visit}在{place}医院看过。{carrier}{epo}，吃紧{drug}。"
        "地址：{addr}。电邮{email}，whatsapp {intl}",
    ]),
    "fangyan_jiaza": ("zh_dialect", [
        "医生啊，我系{name}，喺{place}住。{carrier}我阿妈有{cond}，食紧{drug}，点算好？身份证{idcard}，"
        "打我电话{phone}啦，唔该晒",
        "侬好医生，阿拉屋里厢{kin}（{dob}出生）老早就有{epo}。{carrier}上趟{visit}去{place}看过，病历号{mrn}。"
        "屋里住{addr}，电话{phone}，邮箱{email}",
        "大夫您好，俺是{name}，{place}{lplace}的。{carrier}俺娘{cond}老些年了，吃{drug}管不管用？俺电话{phone}，"
        "网上挂号页面{url}",
    ]),
    "shaoshu_minzu": ("zh_minority", [
        "医生您好，我叫{name}，是{place}人。{carrier}我父亲{kin}有{cond}，在吃{drug}。身份证号{idcard}，"
        "手机{phone}",
        "患者{name}，出生日期{dob}，住址{addr}。{carrier}既往{epo}，{visit}在{place}人民医院住院，住院号{mrn}。"
        "联系人{kin}，电话{phone}，邮箱{email}",
    ]),
    "nongcun": ("zh_rural", [
        "医生，我是{name}，家在{addr}。{carrier}俺爹{kin}七十多了有{cond}，村医开的{drug}吃着不管事。"
        "新农合卡号{insurer}，身份证{idcard}，电话{phone}",
        "我替我奶奶问，她叫{kin}，{dob}生的，在{place}{lplace}住。{carrier}{visit}去镇卫生院打了针，说是{epo}。"
        "吃{drug}行不行？我手机{phone}，邮箱{email}，快手{url}",
    ]),
    "bingan_shouye": ("zh_form", [
        "姓名：{name}  性别：女  出生日期：{dob}\n身份证号：{idcard}\n住院号：{mrn}\n医保号：{insurer}\n"
        "现住址：{addr}\n联系电话：{phone}\n入院日期：{visit}\n诊断：{epo}；{cond}\n主诉：{carrier}\n用药：{drug}、{drug2}",
        "门诊号{mrn}，患者{name}，{dob}生，籍贯{place}。{carrier}诊断{cond}，予{drug}。家属{kin}，{phone}，"
        "复诊预约{url}，{visit}",
    ]),
    "weixin_daiwen": ("zh_family", [
        "医生好，我在{place2}上班，替我爸{kin}问一下。{carrier}他有{epo}，吃{drug}和{drug2}。他住{addr}，"
        "身份证{idcard}。我电话{phone}，邮箱{email}",
        "[语音转文字] 喂医生 我是{given}啊 我妈{kin}在{place}那边 {carrier}她{cond}又犯了 {drug}还吃不吃 "
        "打我{phone} 或者{intl}",
    ]),
}
