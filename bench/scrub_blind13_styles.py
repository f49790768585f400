"""Templates of the blind13 split (see bench/scrub_blind13.py), written before any code.

Slots: {name} full name of the doc's culture, {given} given name only, {surname} family name only,
{nick} a nickname, {name_lc} a name in lower case, {fam} a family-first name; {phone} / {phone_intl}
/ {phone_nat}; {place} / {place_lc} / {place_adj} (a town before a noun); {addr} a full address
(street line, town, postcode); {street} a street line only; {email}; {url}; {id} a label and its
number; {drug} a drug, {med} a condition (both must-stay medical words); {dob} a birth date,
{date} a visit or admission date; {carrier} a real patient sentence; Chinese {cnid} a resident ID
number (its label is in the template). A digit after a slot name asks for another value of that kind.
"""

EN_STYLES = {
    "forum_post": [
        "Long time lurker first post. {carrier} im {given}, 34, from {place} and my gp keeps saying its "
        "{med}. if anyone from around {place2} knows a good specialist pls DM me or email {email} "
        "(dont want to post my number lol ok fine its {phone})",
        "UPDATE for those who asked - saw the consultant at the {place_adj} hospital on {date}, "
        "they think {med} after all. my name is {name} if any of u want to compare notes, "
        "my blog is {url} . {carrier}",
    ],
    "sms_text": [
        "hi this is {name} dob {dob} can i get an appt this week, run out of {drug} and the chemist "
        "wont give more w/o script. call back on {phone} thx",
        "Hiya its {given} {surname} again re my {med} bloods, {id}. Can u txt results to {phone} "
        "not the landline {phone2}. ta",
    ],
    "whatsapp_family": [
        "[{date}] {nick}: guys mum fell again in the bathroom 😢 shes ok but on {drug} so bruising bad\n"
        "[{date2}] {given2}: omg. im calling dr {surname2} now, clinic no is {phone}\n"
        "{nick}: she's at {addr} this week not her flat",
        "{given}: ambulance took dad to {place} general, they said maybe {med}\n{given2}: which ward?? "
        "the number i have is {phone}\n{given}: ward 7. bring his {drug} and his medicare card {id}",
    ],
    "app_chat": [
        "Patient: hello doctor {carrier}\nPatient: my name {name}, {id}\nPatient: im currently "
        "taking {drug} 2x daily. pharmacy near me is in {place}, their number {phone}",
        "User ({email}): is it ok to stop {drug} before my flight on {date}? i am {given} "
        "{surname}, born {dob}. please reply here not by phone",
    ],
    "clinic_email": [
        "Dear Sir/Madam,\n\nI am writing to request a copy of my records following my admission on "
        "{date} for {med}. My details: {name}, date of birth {dob}, {id}. Address: {addr}.\n\n"
        "Kind regards,\n{name}\n{phone}",
        "Subject: follow up - {med}\n\nHello, I was seen by Dr {surname2} at the {place_adj} surgery "
        "last month. {carrier} Could someone ring me on {phone} or write to {email}? Thanks, {given}",
    ],
    "voice_dictation": [
        "send message to doctor {surname} comma this is {name} comma my {med} is getting worse "
        "period please call me at {phone} period my date of birth is {dob} period",
        "hey siri note for the clinic my address changed to {addr} new number {phone} "
        "and my {id} stays the same and i still take {drug}",
    ],
    "caregiver_parent": [
        "I'm writing on behalf of my father, {name}, born {dob}. He has {med} and lately he gets "
        "confused in the evenings. He lives alone at {addr}. I live in {place2} so it's hard to get "
        "there. Please contact me ({given2}) on {phone} or {email}.",
        "my mother {fam} does not speak english well, she is 81, {id}. she takes {drug} and {drug2}. "
        "{carrier} i am her daughter {given2}, my number is {phone}",
    ],
    "student_health": [
        "hi, im a 2nd year student ({id}) living in halls at {street}, {place}. ive had {med} "
        "symptoms since {date} and cant make it to lectures. my mum back in {place2} is worried, "
        "can u email me at {email}? {name}",
        "Hello health centre, {carrier} This is {name_lc}, student no. and uni email below.\n"
        "{id}\n{email}\nmobile {phone}. Last time I was on {drug} it helped.",
    ],
    "traveller_abroad": [
        "Hi we are on holiday in {place} and my husband {given2} got really sick, maybe {med}. "
        "Our hotel is {addr}. Travel insurance {id}. Our mobile from home is {phone_intl}, please "
        "call, my name is {name}",
        "Backpacking near {place_lc} right now, ran out of my {drug}. {carrier} Back home my "
        "doctor is Dr {surname2} in {place2}, clinic {phone_intl}. I'm {given}, passport name "
        "{name}, born {dob}",
    ],
    "nonnative_writer": [
        "Respected doctor, I am {name} from {place}. Kindly advice me regarding my {med}. "
        "My contact is {phone} and my email is {email}. I was visit your clinic on {date}.",
        "Good day sir, my sister {given2} she is having {med} since long time, we stay in {addr}. "
        "Please sir what to do, you can call to this number {phone}. {carrier}",
    ],
    "pharmacy_refill": [
        "Repeat prescription request: {drug} 50mg and {drug2}. Name {name}, DOB {dob}, {id}. "
        "Collect from the pharmacy on {street}, {place}. Contact {phone}",
        "refill pls for {name_lc} - {drug} - usual pharmacy in {place_lc}. call {phone} "
        "if theres a problem. {id}",
    ],
    "appointment_reschedule": [
        "Hi there, I need to move my appointment from {date} to the following week if possible. "
        "Name: {name}. {id}. It's for the {med} review. Best number is {phone}.",
        "cant come {date} sorry, car broke down on the way from {place}. {given} {surname}, "
        "{med} clinic. rebook me? {email}",
    ],
    "insurance_claim": [
        "Claim for treatment of {med} received on {date}. Policyholder {name}, {id}, {id2}. "
        "Treating facility in {place}. Refund to be paid, correspondence to {addr}.",
        "To whom it may concern, my son {given2} {surname} was admitted on {date} with {med}. "
        "Our member no is below\n{id}\nPlease call {phone} or write to {email}. {carrier}",
    ],
    "school_nurse_parent": [
        "Hi Nurse {surname2}, {given} in year 4 has {med} and needs his inhaler at lunch. He was "
        "born {dob}. If anything happens call me {phone} or his dad {name2} on {phone2}. Thanks!",
        "dear school nurse my daughter {name} has started {drug}, side effects maybe tiredness. "
        "we moved to {addr}. my email {email}",
    ],
    "parent_group": [
        "anyone else's LO had {med}?? my little one {given} (born {dob}) has it now. we're in "
        "{place_lc} and the walk in centre is rubbish. my insta is {url} for updates x",
        "Mums of {place}! {carrier} Which GP do you use? Im {name}, ring me {phone} "
        "or facebook {url}. Also on {drug} since {date} if that matters",
    ],
    "referral_chase": [
        "Good afternoon, I was referred to the {place_adj} hospital for {med} on {date} and still "
        "have heard nothing. {name}, {id}, {addr}. Phone {phone}.",
        "this is the 3rd time i am emailing!! referral to dermatology for {med}, {id}. "
        "my gp is dr {surname2}. i live in {place} now, not {place2}. {name} {phone}",
    ],
    "askdocs_thread": [
        "throwaway. 27F, {med}, meds: {drug}. {carrier} Edit: ppl asked, I'm in {place} "
        "(small town near {place2}). my real name is {given} if a doc from here wants to DM",
        "[Physician responded] OP here - saw Dr {surname2} on {date}, diagnosis {med}. "
        "She gave me her office email {email} and the practice site {url}",
    ],
    "contact_update": [
        "Please update my details. Old address {addr}. New address {addr2}. New mobile {phone}. "
        "Name {name}, {id}. I still take {drug} from the same chemist.",
        "change of details form - name: {fam} - dob: {dob} - phone: {phone} - email: {email} "
        "- conditions: {med}",
    ],
}

ZH_STYLES = {
    "weixin_liuyan": [
        "医生您好，我是{name}，上次{date}来看的{med}，药快吃完了，能不能再开点？我电话{phone}，"
        "住在{place}。{carrier}",
        "[语音转文字] 喂王主任你好 我是{given}家属 我爸在{place}那边住院 {med}又犯了 "
        "你方便的话打我电话{phone} 谢谢",
    ],
    "wangshang_wenzhen": [
        "患者：{name}，女，出生日期{dob}。病情描述：{carrier}既往{med}病史，现服用{drug}。"
        "联系方式{phone}，邮箱{email}。{id}",
        "问诊单\n姓名：{name}\n{id}\n现居地：{addr}\n主诉：{med}复诊\n上次就诊：{date}",
    ],
    "jiashu_daiwen": [
        "帮我妈问一下，她叫{name}，今年七十多了，{med}好多年了，最近腿肿。{carrier}"
        "她住{addr}，我在{place2}上班回不去，有事打我{phone}，我是她女儿{given2}。",
        "我爷爷{name}，身份证{cnid}，{date}在{place}摔了一跤，医生说要查{med}，{id}，请问异地能报销吗",
    ],
    "waidi_jiuyi": [
        "我们从{place}专门过来看{med}，住在医院附近的{addr}，预约的是{date}上午。病人{name}，"
        "电话{phone}，老家电话{phone2}。",
        "外地患者，{name}，{id}，想挂{place2}那边的{med}专家号，微信同手机号{phone2}，或者发邮件{email}",
    ],
    "gangtai": [
        "醫生你好，我係{name}，{dob}出世，有{med}，而家食緊{drug}。住{addr}，手提{phone}，"
        "想約{date}覆診，唔該晒。",
        "您好，我是{name}，住在{place}，{id}。之前在診所拿過{med}的藥，想請問可以線上看診嗎？"
        "手機{phone}，信箱{email}。",
    ],
    "yuyue_guahao": [
        "预约信息：就诊人{name}，身份证号{cnid}，预约{date}，科室：{med}门诊，手机{phone}。"
        "如需改约请登录{url}",
        "你好，我约了{date}的号，但是人在{place}赶不回来，能改到下周吗？{name}，{id}，{phone}",
    ],
    "zhongying_hunza": [
        "hi 医生 我是留学生{name}，现在在{place}读书，{med}的药带的不够了，国内地址是{addr}，"
        "my number {phone_intl}，email {email}",
        "Dr {surname}您好，我妈妈{name}下周{date}去您那复查{med}，她不太会用手机，"
        "有事call我{phone}，谢谢！{carrier}",
    ],
}
