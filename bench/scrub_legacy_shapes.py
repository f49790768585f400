"""Template shapes of the earlier held-out PII sets (`make_scrub_devset.py --variant heldout*`),
kept so those rounds stay reproducible. Superseded by the issue-18 splits (tune / untouched / fresh)."""
from __future__ import annotations

# Held-out shapes: written after the recognizers were tuned on the sets above and never used to
# tune them (the bench reports them apart, as the honest estimate).
HO_EN_PATIENT_OPEN = [
    "Good evening doctor, I'm {first} ({age}F). ", "Hello sir, {first} here. ", "Patient: {name}, age {age}. ",
    "Hey doc, {first_lower} again. ", "I am writing on behalf of my mother, {name}. ", "Doctor, I ({name}) have a question. ",
]
HO_EN_PATIENT_MID = [
    " My cell: {phone}.", " Text me on {phone}.", " Send the report to {email} please.", " Our home address: {address}.",
    " My insurance ID is {policy}.", " Date of birth {dob}.", " My grandma {relative} turned {old_age} last month.",
    " We went to {clinic} last week.", " I found your page on {url}.", " Her doctor, Dr. {doctor_last}, said it is fine.",
    " The bill was charged to {card}.", " I was admitted on {visit}.", " We moved to {city_zip} recently.",
]
HO_EN_PATIENT_CLOSE = ["\n-- {first}", "\nBest,\n{first}", "\nWarm regards, {name}", "\nYours sincerely\n{name}\n{street}", ""]
HO_EN_DOCTOR_OPEN = ["Dear {first}, ", "Hi there {first}! ", "Greetings Mr. {last}. ", "Thanks for writing, {first}. ", ""]
HO_EN_DOCTOR_CLOSE = ["\n\n{doctor}, MD\n{clinic}\nPh: {phone}", "\nTake care,\nDr. {doctor_last}",
                      "\nYou may also call our office on {phone}.", "\n{doctor}\n{url}", ""]
HO_ZH_OPEN = ["大夫您好，本人{name}，", "{name}，女，{age}岁，", "我老公{name}最近", "你好{last}大夫，", "病人姓名：{name}。", ""]
HO_ZH_MID = ["手机：{mobile}。", "座机{landline}，", "邮件发{email}就行。", "住址：{address}。", "身份证号码：{cnid}。",
             "微信号{wechat}，", "扣扣{qq}。", "生日{dob}。", "老人家今年{old_age}，", "报告在{url}可以看到。"]
HO_ZH_CLOSE = ["——{name}", "{last}主任辛苦了！", "盼复，{name}", ""]
# Second held-out shapes: written after tuning on "heldout"; never used to tune anything.
H2_EN_PATIENT_OPEN = [
    "Respected doctor, I am {first} {last_only}, aged {age}. ", "Dr. {doctor_last}, this is {first} again. ",
    "My wife {first} and I have a question. ", "Question from {name}: ", "Hello, {first} writing from {city_only}. ", "",
]
H2_EN_PATIENT_MID = [
    " Please ring {phone} after 6pm.", " Reply to {email}.", " Mail address: {street}, {city_zip}.",
    " Member number {policy}.", " My daughter {relative} ({age_child}) is also unwell.", " I had surgery on {visit}.",
    " My profile is at {url}.", " Born {dob}.", " My dad, {name}, {old_age}, lives with us.",
    " Whatsapp {phone}.", " I'm a patient of Dr. {doctor} at {clinic}.",
]
H2_EN_PATIENT_CLOSE = ["\nKind regards\n{name}", "\nThx, {first}", "\nMany thanks!\n{first} {last_only}", " - {first}", ""]
H2_EN_DOCTOR_OPEN = ["Good morning {first}, ", "Dear Ms. {last}: ", "{first}, thank you for the details. ", ""]
H2_EN_DOCTOR_CLOSE = ["\nBest wishes,\nDr {doctor}", "\nDr. {doctor} | {clinic} | {phone}",
                      "\nWrite to me at {email} with the reports.", "\n{clinic}, {street}", ""]
H2_ZH_OPEN = ["{last}医师，您好！", "我女儿{name}，今年{age}岁，", "咨询人：{name}，", "{last}教授好，", "我的名字叫{name}，", ""]
H2_ZH_MID = ["手机号码{mobile}，", "联系方式：{mobile}。", "家庭住址{address}。", "我的身份证是{cnid}，", "电子邮箱：{email}。",
             "QQ：{qq}。", "出生于{dob}。", "我爷爷{old_age}高龄了，", "单位电话{landline}。", "网址{url}。"]
H2_ZH_CLOSE = ["患者：{name}", "感谢{last}医生！", "—— {name} 敬上", ""]

# Third held-out shapes: written after every change to the recognizers; measured, never tuned on.
H3_EN_PATIENT_OPEN = [
    "Hi! I'm {first}, a {age} y/o male. ", "To whoever reads this: my name's {first}. ", "{first} {last_only} here, {age}. ",
    "Sir/Madam, I {name} am suffering from this. ", "Hello, it's {first} from {city_only}. ", "",
]
H3_EN_PATIENT_MID = [
    " You can reach me at {phone} (mobile).", " Pls email {email}.", " I stay at {street}, {city_zip}.", " Patient ID {mrn}.",
    " My son's name is {relative}.", " Appointment was on {visit}.", " Blog: {url}", " My mother-in-law {name} is {old_age}.",
    " Our family doctor is Dr. {doctor} from {clinic}.", " My passport number is {policy}.",
]
H3_EN_PATIENT_CLOSE = ["\nCheers,\n{first}", "\nWith thanks,\n{name}", "\n{first} ({phone})", "\nSent by {name}", ""]
H3_EN_DOCTOR_OPEN = ["Hey {first}, ", "Mrs. {last}, I understand your concern. ", "Hello Mr {last} - ", ""]
H3_EN_DOCTOR_CLOSE = ["\nDr. {doctor}\nConsultant, {clinic}", "\nCall the clinic at {phone} to book.", "\n-Dr. {doctor_last}",
                      "\nSee {url} for more.", ""]
H3_ZH_OPEN = ["{last}大夫好，", "我是{name}的家属，", "您好，我叫{name}。", "本人姓{last}，", "宝宝{name}，", ""]
H3_ZH_MID = ["联系我：{mobile}", "电话号码是{landline}。", "邮箱地址{email}。", "我住在{address}。", "证件号{cnid}。",
             "我的微信{wechat}。", "我生日是{dob}。", "外婆{old_age}了。", "我的QQ是{qq}。", "具体见{url}。"]
H3_ZH_CLOSE = ["{name}敬上", "辛苦{last}医生了。", "联系人：{name}", ""]
