"""Templates of the blind split (bench/scrub_blind.py), one block per author style. Written for
issue 18 by the `blind` engineer without reading the recognizers or the other splits' templates.
Placeholders: see BlindValues.get in bench/scrub_blind_values.py."""

EN_STYLES = {
    "formal": (
        ["Dear Doctor,\n\nI am writing on behalf of my husband, {name}, aged 58. ",
         "To whom it may concern,\nMy name is {name} and I reside in {place}. ",
         "Good evening. I am {name}, a retired teacher. ",
         "Dear Dr {dr_last},\nFurther to my appointment on {visit}, I would like to ask the following. "],
        [" I can be reached at {phone} during office hours.", " Alternatively, my mobile: {phone_any}.",
         " Should you require my records, my hospital number is {mrn}.",
         " My date of birth is {dob}, in case it matters for the dosage.", " Correspondence may be sent to {addr}.",
         " My daughter {rel_full} will accompany me; her email is {email}.", " The scans are at {url}.",
         " We relocated from {place} to {place2} last spring.",
         " My insurer lists me under member number {ins}."],
        ["\n\nYours faithfully,\n{name}", "\n\nWith thanks,\n{name}\n{phone}", "\n\nRespectfully, {name}",
         "\nKind regards, {name}"]),
    "texting": (
        ["hi doc im {first_lc} ", "hey. {name_lc} here ", "pls help urgent ",
         "hello dr {dr_last} its me {first_lc} from {place_lc} "],
        [" my no is {phone} pls call", " call/txt {phone}", " u can whatsapp me {phone_any}", " im in {place_lc} btw",
         " my bf {rel} says its nothing lol",
         " sent pics to {email} thx", " my mum {rel} had same thing", " pics here {url}", " i live near {place_lc}"],
        [" thx {first_lc}", " tnx in advance", " pls reply asap - {first_lc}", " ty!! {name_lc}", ""]),
    "indian": (
        ["Respected sir, myself {name} from {place}. ", "Hello doctor, I am {first}, {place}-based software engineer. ",
         "Sir, my father Mr. {rel_full} is having this problem. ", "Good morning doctor, this is {name} only. "],
        [" Kindly call me on {phone}, I am available after 6 pm.", " WhatsApp no. {phone}",
         " My UHID is {mrn} at the hospital.", " Address: {addr}.",
         " My Aadhaar number is {natid}, needed for the insurance claim.", " Kindly revert on {email}.",
         " Reports uploaded at {url} for your reference.",
         " We had consulted one local doctor in {place} but no relief.",
         " My native place is {place_lc}, now staying in {place2}."],
        ["\nThanking you,\nYours sincerely,\n{name}", "\nRegards\n{first}\nMob: {phone}",
         " Please do the needful. - {name}", "\nThanks & regards, {name}"]),
    "british": (
        ["Hi there, ", "Hello, I'm {first}, 34, from {place}. ",
         "Morning all. My GP, Dr {dr_last}, is away so I thought I'd ask here. ",
         "Bit embarrassing this. I'm {name}. "],
        [" Ring me on {phone} if easier.", " Mobile's {phone}, landline {phone}.",
         " I'm registered at the surgery on {street}, {place}.", " NHS number {ins} if you need it.",
         " My partner {rel} thinks I'm overreacting.", " Moved down from {place} a few years back.",
         " I was seen at A&E on {visit}."],
        ["\nCheers,\n{first}", "\nMany thanks, {name}", "\nTa, {first}", "\nBest, {name}\n{email}"]),
    "australian": (
        ["G'day doc, ", "Hi, {first} here from {place}. ", "Hey there, my name's {name}. ",
         "Hi doc, {first} from out near {place}. "],
        [" Give us a bell on {phone}.", " Mob {phone}", " Medicare number is {ins} if that helps.", " I live at {addr}.",
         " My missus {rel} reckons it's stress.",
         " We're {place}-based so the nearest hospital is a fair drive.", " Email me on {email} mate."],
        ["\nCheers, {first}", "\nThanks heaps,\n{name}", " Ta. {first_lc}", ""]),
    "nigerian": (
        ["Good day doctor, I am {name}. ", "Please doctor, my name is {first} and I stay in {place}. ",
         "Doc, good evening. My sister {rel} asked me to write. ",
         "Compliments of the season sir. This is {name} from {place}. "],
        [" You can reach me on {phone}.", " WhatsApp {phone} or call {phone_any}.", " I live at {addr}.",
         " My hospital card number is {mrn}.", " Back home in {place} they said it is malaria.",
         " My NIN is {natid}.", " Please reply to {email}, God bless you.", " See the scan here: {url}"],
        ["\nThank you sir.\n{name}", "\nRemain blessed, {first}", "\nYours, {name}\n{phone}", ""]),
    "filipino": (
        ["Good day po doc! I'm {first} from {place}. ", "Hello po, my name is {name}. ",
         "Doc, ask ko lang po. My lola {rel} is sick. ",
         "Hi doc, {first} po ito, taga {place}. "],
        [" My number po is {phone}.", " Globe {phone} / Smart {phone}", " Address ko po: {addr}.",
         " PhilHealth no. {ins}.", " We went to the clinic in {place} last {visit}.",
         " Pls email me po at {email}.", " My husband {rel} works abroad."],
        ["\nSalamat po! {first}", "\nThank you po, {name}", "\nGod bless po. - {first_lc}", ""]),
    "form": (
        ["Name: {name}\nDOB: {dob}\nTel: {phone}\n\n", "Patient: {last}, {first}\nMRN: {mrn}\n",
         "---- Forwarded message ----\nFrom: {name} <{email}>\n\n",
         "Referral note\nPatient name: {name}\nAddress: {addr}\n"],
        ["\nNext of kin: {rel_full} ({phone_any})", "\nAlt. phone: {phone}", "\nGP: Dr {dr}", "\nInsurance ID: {ins}",
         "\nNational ID: {natid}",
         "\nCity: {place}", "\nVisit date: {visit}", "\nEmail: {email}"],
        ["\nSigned: {name}", "\n-- sent from {name}'s phone", "\nForm completed by {rel_full}", ""]),
    "mixed": (
        ["Hi doctor, 我叫{zname}, ", "Hello, I'm {first}. 我在{zplace}工作. ", "Doctor 你好, {name} here. "],
        [" 我的手机 {zmobile}, please call.", " Tel {phone}", " My mum {zrel} 也有{zsym}.", " I live in {place} now, 老家{zplace}.",
         " wechat or email {email} 都可以.", " 地址: {zstreet}, {zplace}."],
        [" 谢谢! {first}", " Thanks 医生. —{zname}", ""]),
}

MED_MIDS = [
    " {dis} runs in the family; my aunt {rel} has it as well.", " Dr {dr_last} started me on {drug} for {epon}.",
    " {brand} didn't help, so {rel} suggested {drug}.", " {Drug} made me dizzy, I stopped it on {visit}.",
    " I also have {epon} and take {brand} daily.", " My brother {rel} was diagnosed with {epon} in {place}.",
    " {dis}? {epon}? The doctor in {place} was not sure.", " Currently on {drug} 20 mg and {drug2} at night.",
]

DOCTOR_MED_MIDS = [
    " {Drug} is fine alongside your {brand}, but stop it if you feel dizzy.", " {epon} is unlikely here; {dis} fits better.",
    " Please show this to Dr {dr_last} at your next visit and ask about {drug}.", " {dis} is common in {place} this season.",
    " If you are on {drug} or {drug2}, tell the pharmacist.", " Your reports at {url} suggest {epon} is not the cause.",
    " {Drug} 500 mg twice daily for 5 days; review on {visit}.",
]

DOCTOR_OPEN = ["Hello {first}, ", "Dear Mrs {last}, ", "Hi Mr. {last}, thanks for writing in. ", "Hello {first_lc}, ",
               "Dear {name}, ",
               "Hi, ", "", "Thank you for your query, {first}. ", "Greetings {first}! "]
DOCTOR_CLOSE = [
    "\n\nWish you good health.\n{dr}\n{clinic}", "\nClinic: {phone} (Mon to Sat)\n{dr}",
    "\nRegards,\n{dr}\nTel. {phone} | Fax {phone}", "\nRegards,\n{dr}\n{clinic}, {place}",
    "\nTake care.\n— {dr_first}\n{clinic}",
    "\nHope this helps. Best wishes, {dr}", "\nWishing you a speedy recovery.\n{dr}, MBBS, MD (Medicine)\n{clinic}",
    "\nThanks and regards,\n{dr}\nConsultant Physician, {clinic}\nPh: {phone}", "\nwarm regards\n{dr_lc}",
    "\nGet well soon! {dr_first}", "\nIf you need more help, write to me at {email}.\nCheers,\n{dr_first}",
    "\nYours sincerely,\n{dr}\n{clinic}\n{addr}", "\nFeel free to follow up on {phone}.\nBest,\n{dr}",
    "\nStay blessed.\n{dr}\n{clinic}, {place}", "\nGod bless.\n{dr}", "\nKind regards, {dr} ({clinic}, {place})",
    "\nAll the best,\n{dr}\nGP, {clinic}", "\nWith best wishes for your health,\n{dr}\n{url}", "\n~ {dr_first}",
    "\nThank you for trusting us.\n{dr}\nClinic timings 9 to 5, call {phone}", "\nregards\n{dr}\n{clinic}\n{place_lc}",
    "\nChat again anytime.\n{dr} | {clinic} | {email}", "\nIngat po!\n{dr}",
    "\nTake care mate.\n{dr_first}\n{clinic}, {place}",
    "\nWish you good health.\n{dr}", "\nGood luck.\nSigned,\n{dr}\n{clinic}",
    "\nBest regards,\n{dr}, {clinic}\nAppointments: {url}",
    "\nSincerely, {dr} — {clinic}, {addr}", "\n祝您早日康复！\n{zname}医生",
]

ZH_OPEN = ["{zname}医生您好，", "您好{zlast}大夫，", "我叫{zname}，", "患者：{zname}，女，", "{zlast}主任好！", "请问{zname}护士，",
           "医生你好，我是{zplace}的，", "", "Hi doctor，我是{zname}，", "代我妈妈{zname}问一下："]
ZH_MID = ["我的电话{zmobile}，", "手机：{zmobile}（微信同号）", "我爸电话{zmobile}，家里座机{zland}。", "座机：{zland}。", "住址：{zplace}{zstreet}。",
          "我住在{zplace}，", "身份证{zid}，",
          "出生于{zdob}，", "{zvisit}去看过门诊。", "邮箱 {zemail}。", "我老公{zrel}也{zsym}。", "{zname}{zsym}好几天了，",
          "{zlast}医生给我开了{zherb}和{zherb2}，", "我在{zplace}工作，{zdis}三年了。", "老家{zplace}，现在在{zplace}上班。",
          "病历号{mrn}，", "加我微信或打{zmobile}都行。", "我妈{zrel}有{zdis}，一直吃{zherb}。", "住院号：{mrn}，床号12。",
          "地址是{zstreet}，{zplace}。"]
ZH_CLOSE = ["谢谢{zlast}医生！", "麻烦回复到{zemail}，谢谢。", "急，请回电{zmobile}。", "——{zname}", "谢谢！", "",
            "{zname}敬上，{zvisit}", "Thanks! {zname}"]
