"""English templates of the blind14 PII split (bench/scrub_blind14.py): documents that clinicians and
administrators write. Written from imagination of real paperwork, before any code and without reading
the recognizers or any other split. `{slot}` is filled by scrub_blind14_values (identifier slots are
labelled, medical slots become must-stay spans, `{carrier}` is a real GenMedGPT sentence)."""

EN_STYLES = {
    "referral_letter": [
        "Dear Dr {clin_s},\n\nRe: {name}   DOB {dob}   {hidl}\n{addr}\nTel {phone}\n\n"
        "Thank you for seeing this {age} year old whom I reviewed on {date} with worsening {dx}. "
        "Currently on {drug} and {drug2}. {carrier}\nHer daughter {rel} (mob {phone2}) usually comes with her.\n\n"
        "Yours sincerely\n\nDr {clin2}\n{town2} Medical Practice",
        "re: {lname}, dob {dob}, hosp no {hosp}\nplease see this pt from {ltown} with ?{epo}. on {drug}. "
        "{carrier}\ncontact via son {rel_first} {phone}\nmany thanks, {clin_s} (GP)",
        "URGENT 2WW REFERRAL\nPatient: {uname}\nD.O.B.: {dob}\nAddress: {addr}\nHome: {phone}  Mobile: {phone2}\n"
        "e-RS ref: {ref}\nReason: {dx}, weight loss. Pt takes {drug}. Seen {date}.\nReferrer: {clin}",
    ],
    "discharge_summary": [
        "DISCHARGE SUMMARY\nPatient: {uname}    MRN: {mrn}\nDOB: {dob}   Admitted: {date}   Discharged: {date2}\n"
        "Attending: Dr. {clin}\nPrincipal dx: {dx}\nHome meds: {drug}, {drug2}\n"
        "F/u with PCP Dr {clin_s} in {town} in 2/52. Pt lives at {addr}.\nEmergency contact: {rel} {phone}\n"
        "Hospital course: {carrier}",
        "Discharge letter - {name} ({mrn}) dob {dob}\nadm {date} via ED, d/c {date2} to home ({street}, {town}).\n"
        "Dx: {epo}. New meds: {drug}. stop {drug2}.\nGP please repeat U&Es in 1 wk. Questions: ward 7 {phone}",
    ],
    "handover_note": [
        "SBAR - bed {n}\nS: {name}, {age}{sex}, admitted {date} w/ {dx}\nB: PMH {epo}, on {drug}. NOK {rel} {phone}\n"
        "A: obs stable overnight. {carrier}\nR: r/v by Dr {clin_s} on ward round, chase bloods (lab no {acc})",
        "night handover {date}\nbed {n} {first} {surname} {dx}, NBM from midnight, {drug} held. "
        "wife {rel_first} wants a call on {phone} if anything changes. hosp no {hosp}. from {ltown}, lives alone",
    ],
    "triage_form": [
        "ED TRIAGE\nName: {name}\nDOB: {dob}   Arrival: {date} {time}\nAddress: {street}, {town}\nPhone: {phone}\n"
        "Next of kin: {rel} - {phone2}\nPresenting complaint: {carrier}\nMeds: {drug}\nAllergies: {drug2} (rash)\n"
        "PMH: {epo}\nTriage cat 3. RN {clin_first}",
        "Walk-in centre triage  {date}\npt name {name}  dob {dob}  {hidl}\nc/o {dx} since yesterday, takes {drug}\n"
        "brought in by {rel_first} from {town}, contact {phone}",
    ],
    "lab_report": [
        "PATHOLOGY REPORT\nPatient: {uname}   Hosp No: {hosp}\nDOB: {dob}   Collected: {date}\nAccession: {acc}\n"
        "Requesting clinician: Dr {clin}, {town} Health Centre\nTSH 6.8 mIU/L (H)   FT4 9 pmol/L\n"
        "Comment: in keeping with {epo}; consider {drug}. Results also at {url}\nQueries: {email2}",
        "Specimen {acc} recieved {date} for {name} (dob {dob}, MRN {mrn}).\nHbA1c 71 mmol/mol. eGFR 48. "
        "On {drug}. Known {dx}. Reported to Dr {clin_s} by phone {phone}",
    ],
    "imaging_report": [
        "CT HEAD (non-contrast)   Exam date: {date}\nPatient: {name}   ID: {mrn}   DOB: {dob}\nReferrer: "
        "{clin_s}, {town}\n"
        "Indication: fall, on {drug}. Hx {epo}.\nFindings: no acute haemorrhage or mass effect.\n"
        "Reported by Dr {clin}, Consultant Radiologist. Images: {url}",
        "US abdomen - {uname} - {date}\nacc no {acc}. clinical: RUQ pain, ?{dx}. gallbladder contains stones. "
        "cc GP Dr {clin_s}, {street}, {town} {postcode}",
    ],
    "prescription": [
        "Dr {clin}, MBBS   Reg. No. {reg}\n{street}, {town}   ph {phone}\n\nName: {name}   Age/Sex: {age}/{sex}\n"
        "Address: {district}, {town2}\nDate: {date}\n\nRx\n{drug} 500 mg 1-0-1 x 5 days\n{drug2} SOS\n\nRx no: {rx}",
        "PRESCRIPTION\nPatient {name}  DOB {dob}\n{addr}\n{drug} 20mg od, 28 tabs\n{drug2} 1 puff prn\n"
        "Prescriber {clin}  {date}   script no {rx}",
    ],
    "insurance_claim": [
        "CLAIM FORM - PART A (to be completed by the member)\nMember name: {name}\nMember ID: {ins}   Policy "
        "no: {policy}\n"
        "Date of birth: {dob}\nHome address: {addr}\nEmail: {email}   Phone: {phone}\nDate of treatment: {date}\n"
        "Diagnosis: {dx}\nTreating provider: Dr {clin}, {town2}\nSubmit online at {url}",
        "Pre-authorisation request\nInsured: {uname}  member # {ins}\nclaim ref {claim}\nprocedure: knee arthroscopy, "
        "dx {epo}, on {drug}\nadmission {date}\nprovider contact {email2} / {phone}",
    ],
    "occupational_health": [
        "Occupational Health - fitness for work\nEmployee: {name}   Staff no: {emp}\nSite: {town}   Seen: {date}\n"
        "Thank you for referring {first}. pateint reports: {carrier} {first} has {dx} and takes {drug}; fit "
        "for modified duties.\n"
        "Discussed with line manager {rel} ({email2}).\n{clin}, OH physician, tel {phone}",
        "OH pre-placement: {name} dob {dob} emp no {emp}. declares {epo}, on {drug}. "
        "no restrictions. home {street}, {ltown} {postcode}",
    ],
    "school_nurse": [
        "school nurse log {date}\n{first} {surname}, yr 6, pupil no {pupil}, dob {dob}\nc/o headache after PE. "
        "has {dx}, "
        "inhaler ({drug}) kept in office. mum {rel_first} called on {phone}, collecting at 2.30\n- {clin_first}, nurse",
        "Dear parent/carer of {name},\nyour child was seen by the school nurse on {date} after a fall in the "
        "playground. "
        "We gave {drug}. As they have {epo} please let us know of any change. Call {phone} or email {email2}.\n"
        "{clin}, School Nurse",
    ],
    "vet_mixup": [
        "Note to pharmacy: the script for {vetdrug} under {name} ({dob}) was written by the {town} vets for her dog, "
        "not for her. Her own meds are {drug} for {dx}. Please correct the record, hosp no {hosp}. {clin}",
        "VET RECORD (misfiled)\nOwner: {name}   Owner phone: {phone}\nOwner address: {addr}\nMicrochip: {chip}\n"
        "Visit {date}: limping, given {vetdrug}. Owner mentions she is on {drug} herself for {epo}.\n"
        "Vet: {clin}",
    ],
    "dental": [
        "{town} Dental Care - recall\nDear {name},\nyour 6-month check-up is due. We have booked you on {date} "
        "at 10:40 with {clin_s}. Please tell us if you now take {drug} or have {dx}.\n"
        "To change call {phone} or visit {url}\nPatient ref {dref}",
        "dental chart {dref}: {uname} dob {dob}. LL6 extraction. warfarin? no - on {drug2} for {epo}. "
        "INR n/a. referred to oral surgeon {clin} at {street}, {town}",
    ],
    "pharmacy_label": [
        "{drug} 20 mg tablets\nTake ONE tablet daily\n{name}   {date}\nKeep out of reach of children\n"
        "{street}, {town} {postcode}  tel {phone}\nRx#{rx}",
        "Dispensed {date} for {uname}\n{drug2} 5 mL twice daily for {first} {epo} - do not stop\nPharmacist "
        "{clin}  ph {phone}\nref {rx}",
    ],
    "fit_note": [
        "Statement of fitness for work\nPatient's name: {name}\nDate of birth: {dob}\nI assessed your case on: {date}\n"
        "because of the following condition(s): {dx}\nComments: on {drug}, review in 4 weeks\n"
        "Doctor: {clin}\nPractice: {street}, {town} {postcode}\n{natidl}",
        "sick cert - {name} {epo} pt, {natidl}. unfit for work {date} to {date2} due to {epo}. Dr {clin_s}, ph {phone}",
    ],
    "appointment_sms": [
        "Hi {first}, reminder of your appt on {date} at 09:15 with Dr {clin_s} at the {town} clinic. "
        "Reply Y to confirm or call {phone}. Manage at {url}",
        "{name}: your {epo} clinic appointment has moved to {date}. Please bring your {drug}. "
        "Queries {phone} / {email2}",
    ],
    "opd_card": [
        "OPD CARD\nUHID: {uhid}   OPD No: {opd}\nName: {name}   S/o {rel}\nAge: {age} Y / {sex}\n"
        "Address: {street}, {district}, {town} - {postcode}\nMob: {phone}\n{natidl}\nDate: {date}\n"
        "C/o fever x 3 days. k/c/o {dx}\nAdv: {drug} 650 mg tds, {drug2}\nDr {clin}",
        "opd slip {date} | {lname} | uhid {uhid} | mob {phone} | from {ltown} | {epo} follow up | tab {drug}",
    ],
    "records_request": [
        "From: {email}\nSubject: records request\n\nhi, im {lname}, dob {dob}. i used to be registered at the "
        "surgery in "
        "{ltown} before moving to {town2}. please send my notes incl the {dx} leters to my new gp. "
        "my new adress is {addr}. mob {phone}. my old hosp no was {hosp} i think. thanks",
        "Subject access request\nName: {name}\nPrevious address: {street}, {town}\n{hidl}\n"
        "I would like copies of my records relating to {epo} from {date} onwards. Reply to {email}",
    ],
    "travel_clinic": [
        "Travel clinic record\n{name}   passport {passport}   dob {dob}\nTravelling to {abroad} on {date} for "
        "3 weeks.\n"
        "Given: yellow fever, typhoid. Malaria prophylaxis {drug}. PMH {dx}.\nNurse {clin}   ph {phone}",
        "travel vaccs - {uname} dob {dob}, off to {abroad} then {abroad2}. has {epo}, on {drug2}. "
        "certificate posted to {addr}",
    ],
    "home_visit": [
        "District nurse visit {date}\n{name}, {street}, {ltown}\nleg ulcer L shin redressed. pt on {drug}. "
        "{carrier}\ndaughter {rel} on {phone}. next visit {date2}. GP Dr {clin_s} aware",
        "home visit - {first} {surname} ({dob}) at {addr}, lives near {town2}. known {epo}, carer {rel_first} present. "
        "meds: {drug}, {drug2}. {hidl}",
    ],
}

ZH_STYLES = {
    "出院小结": [
        "出院小结\n姓名：{zname}  性别：{zsex}  年龄：{zage}岁\n住院号：{zy}  身份证号：{sfz}\n入院日期：{zdate}  出院日期：{zdate2}\n"
        "家庭住址：{zaddr}\n联系电话：{zphone}\n入院诊断：{zdx}\n出院带药：{zdrug}、{zdrug2}\n主治医师：{zclin}\n主诉：{zcarrier}",
        "出院记录 患者{zname}，住院号{zy}，于{zdate}因{zdx}入院，{zdate2}好转出院。出院后继续口服{zdrug}。"
        "家属{zname2}，电话{zphone}，住{zcity}{zdistrict}。",
    ],
    "转诊单": [
        "双向转诊单（转出）\n患者姓名：{zname}  出生日期：{zdob}\n身份证：{sfz}\n现住址：{zaddr}\n联系电话：{zphone}\n"
        "初步诊断：{zdx}，既往{zdx2}，长期服用{zdrug}\n转入单位：{zcity}人民医院 {zclin}主任\n转出日期：{zdate}\n病情摘要：{zcarrier}",
        "转诊申请 {ztown}卫生院 → {zcity}中心医院\n{zname}，{zage}岁，门诊号{zmz}，因{zdx}转上级医院。联系人{zname2} {zphone}。经治医生{zclin}",
    ],
    "检验报告": [
        "检验报告单\n姓名：{zname}  病案号：{bah}  标本号：{zbb}\n采样时间：{zdate}\n申请医生：{zclin}\n"
        "检验项目：甲功三项  TSH 8.2 mIU/L ↑\n临床诊断：{zdx}\n报告查询：{zurl}",
        "{zname} 血常规+CRP 报告 {zdate}\n门诊号 {zmz} 标本 {zbb}\nWBC 13.2↑ CRP 45↑ 提示细菌感染，建议{zdrug}。如有疑问请致电{zphone}",
    ],
    "处方笺": [
        "{zcity}{zdistrict}社区卫生服务中心 处方笺\n费别：医保  医保卡号：{yb}\n姓名：{zname}  性别：{zsex}  年龄：{zage}\n"
        "处方编号：{zcf}  日期：{zdate}\n临床诊断：{zdx}\nRp:\n{zdrug} 0.5g tid\n{zdrug2} 10mg qd\n医师：{zclin}",
        "处方 No.{zcf}\n{zname}（{zage}岁）地址：{zaddr}\n电话 {zphone}\n诊断：{zdx}、{zdx2}\n{zdrug} 遵医嘱\n开方：{zclin} {zdate}",
    ],
    "体检表": [
        "健康体检表\n体检编号：{tj}\n姓名：{zname}  出生日期：{zdob}\n单位：{zcity}某物流公司\n手机：{zphone}\n"
        "邮箱：{zemail}\n体检日期：{zdate}\n既往史：{zdx}，服用{zdrug}\n主检医师：{zclin}\n电子报告：{zurl}",
        "入职体检 {zname} 身份证{sfz} 体检号{tj}，{zdate}于{zdistrict}体检中心完成。血压偏高，建议复查并排除{zdx}。",
    ],
    "保险理赔": [
        "理赔申请书\n被保险人：{zname}  身份证号码：{sfz}\n保单号：{bd}  理赔案号：{lp}\n出险日期：{zdate}\n"
        "就诊医院：{zcity}第一人民医院\n诊断：{zdx}\n联系地址：{zaddr}\n联系电话：{zphone}  邮箱：{zemail}\n"
        "收款人：{zname2}",
        "【理赔进度】尊敬的{zname}，您的保单{bd}（案号{lp}）已受理，{zdx}相关费用正在审核。"
        "详情 {zurl} 或致电 {zphone}",
    ],
    "微信留言": [
        "医生您好，我是{zname}的女儿{zname2}，我妈{zdate}在你们这里看的{zdx}，药是{zdrug}，"
        "她现在在{zcity}{ztown}老家，电话{zphone}，麻烦回个电话 thanks",
        "hi {zclin}医生，我是上周来复诊的{zname}（住院号{zy}），{zcarrier} 我新的email是{zemail}，"
        "report 可以发到这里吗？我住{zdistrict}{zstreet}",
    ],
}
