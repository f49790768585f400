"""Word classes the name and place recognizers share: words that stand where a name stands but
never are one, and drug-name stems (which names do not share)."""
from __future__ import annotations

import re

# words that stand where names stand but never are one: greetings, a doctor's degrees, contact field
# labels, chat words, Filipino politeness particles, sign-off words, weekday abbreviations, phone networks,
# Greek letters (omega-3, beta blockers), HTML entities (&lt;), ID labels (DNI, CURP, NRIC), greetings and chat
# words of other languages (gracias, lah, daktari; Hindi-Urdu verbs and pronouns of Hinglish, Tagalog weekdays, Irish
# and Welsh greetings), military rank abbreviations and letter headings ("Dear Colleague"); not those that are
# surnames too (Asante, Dias, Ni, Yung, Moi, Ho, Ji, Coy)
NOT_NAMES = frozenset("""hlo helo hii hy hola olá ola namaste namaskar salam salaam assalam ciao bonjour hallo hej
gud mrng mng evng pls plz thx thanx tnx regds rgds mbbs md mch mrcp mrcgp frcs frcp frcpc facp fcps dnb dgo dch
mds bds dds phd rn np bsc msc mph dm drnb facs gp
ph tel tele fax mob mobile cell email e-mail emails whatsapp viber txt sms dob signed sgd
po opo ko salamat ingat naman lang sana ang mga na sa
lol btw tysm omg idk imo asap fyi
mate heaps g'day gday cheers well
mon tue tues wed thu thur thurs fri sat globe smart
alpha beta gamma kappa lambda omega lt gt amp nbsp quot
mrn uhid dni nie nif nrc curp rfc rut bsn pesel cpf nric cnic iqama personnummer kimlik nhi ihi ohip phn pps
philsys ktp versichertennummer codice fiscale numéro sécurité sociale aadhaar ssn nhs pt
hey heya hiya yo msg msgs insta ig dm fb howzit assalamu assalamualaikum alaikum wa inshallah mashallah
shukran daktari habari jambo gracias muchas dios bendiga años hola buenos buenas obrigado obrigada merci danke
lah lor meh ako ikaw tq colleague colleagues subject mykad hkid días tardes noches docteur doctora doctores
dottore doutor doutora je suis smh tbh ngl pls anak nang taga kuya rx hmo seaman parent parents guardian team claims
bye byee respected mondays tuesdays wednesdays thursdays fridays saturdays sundays weekdays weekends
biba nkda nka dnr dnacpr postcode eircode zipcode
mister physio mcsp hcpc rgn rmn pte lcpl emirates x xx xxx
hai hain hoon raha rahi rahe tha thi aur woh mera meri mere nahi nahin bhi kya kal raat aaj subah dard bahut sahab saheb
chahiye badhana mummy papa
pwede eto ito mag kasi ngayon lunes martes miyerkules huwebes biyernes sabado linggo
dia dhuit duit diolch shwmae raibh maith agat""".split())

# words of a clinic's or hospital's name: a span holding one is an organisation, not a person
CLINIC_WORDS = re.compile(r"(?i)\b(?:clinic|hospital|nursing|cent(?:re|er)|diagnostics|care|medical|health|physician|"
                          r"surgeon|consultant|specialist|department|dept|ward|pharmacy|labs?)\b")

# drug-name stems only (no disease endings such as -ia, which names share: Zacchia, Bernicia)
DRUG_SUFFIX = re.compile(r"(?i)(?:mycin|cillin|azole|olol|pril|sartan|statin|dipine|oxacin|cycline|tidine|profen|mab|nib|"
                         r"parin|semide|thiazide|azepam|azolam|tyline|oxetine|setron|triptan|lukast|gliptin|gliflozin|afil|"
                         r"terol|tropium|caine|dronate|apine|peridone|olone|asone|fenac|coxib|xaban|gatran|glutide|vir)$")

# a voice assistant spoken to ("hey siri", "ok google"): not a person there
VOICE_ASSISTANT = re.compile(r"(?i:\b(?:hey|hi|ok|okay)[ \t,]+)(?:siri|alexa|google|cortana|bixby)\b")

# lower-case particles inside a name ("dos Santos", "van der Berg", "bin Yusof", "ap Rhys")
NAME_PARTICLES_LOWER = frozenset("de da das do dos del della di du la le van von der den ter ten bin binti al el ap".split())
