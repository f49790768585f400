"""English templates of the blind15 PII split: spoken and semi-structured text.

Written from imagination of how callers, clinicians, interpreters, dispatchers and patients write,
before any code and without reading the recognizers or any other split. Slots (filled by
bench/scrub_blind15.py from bench/scrub_blind15_values.py):

  PERSON   {name} {name_lc} {first} {first_lc} {last} {dr} {dr_full} {rel} {agent} {nick} {interp}
  PHONE    {phone} {phone_intl} {phone_nat} {phone_stt}
  LOCATION {city} {city_lc} {town}
  STREET   {street} {postcode}   (and {addr}: street line, town, postcode as three spans)
  EMAIL    {email} {email_alt}   URL {url} {url_bare}
  ID       {id} (its own label text, then the number) {mrn} {nhs} {policy} {ref}
  DATE     {dob} {dob_lc} {visit} {visit_spoken}
  medical  {drug} {eponym} {dx}   (must-stay words, never identifiers)
  carrier  {carrier}   (a real patient sentence from GenMedGPT-5k)
  neutral  {age} {time} {mins}
"""

EN_STYLES: dict[str, list[str]] = {
    "call_centre": [
        "CALL TRANSCRIPT - patient access line\n"
        "AGENT: thank you for calling, you're speaking with {agent}, can I take your full name please\n"
        "CALLER: yeah it's {name}\n"
        "AGENT: and your date of birth\n"
        "CALLER: {dob}\n"
        "AGENT: lovely. and the best number to reach you on\n"
        "CALLER: {phone} that's my mobile\n"
        "AGENT: what's the call about today\n"
        "CALLER: {carrier} i'm on {drug} and its not helping\n"
        "AGENT: ok I've put a note on your file, {id}, a nurse will call back within {mins} minutes\n",

        "Agent ({agent}): Good morning, pharmacy support, how can I help?\n"
        "Caller: hi um I'm calling for my mum, {rel} {last}, she's had her {eponym} meds changed\n"
        "Agent ({agent}): No problem. Can you confirm her postcode and first line of the address?\n"
        "Caller: {postcode}, {street}\n"
        "Agent ({agent}): And her date of birth?\n"
        "Caller: {dob}\n"
        "Agent ({agent}): Thanks. Is {phone} still the right number for her?\n"
        "Caller: yes thats right\n",
    ],
    "telehealth": [
        "[00:00:04] DR {dr}: Hi there, can you hear me ok? Can you just confirm your name for me\n"
        "[00:00:09] PATIENT: yes, {name}\n"
        "[00:00:12] DR {dr}: and where are you joining from today\n"
        "[00:00:15] PATIENT: from home, in {city}\n"
        "[00:00:21] DR {dr}: ok. {carrier}\n"
        "[00:00:40] PATIENT: yeah and I'm still taking the {drug}\n"
        "[00:01:02] DR {dr}: if we get cut off I'll ring you on {phone}\n"
        "[00:01:30] DR {dr}: I'll send the {dx} leaflet to {email}\n",

        "Video consult (telehealth) {time}\n"
        "Clinician: Dr {dr_full}\n"
        "Pt: {name}   DOB {dob}   {id}\n"
        "Pt located at: {addr}\n"
        "Callback if video drops: {phone}\n"
        "S: {carrier}\n"
        "A/P: likely {eponym}, start {drug}, review {visit}\n",
    ],
    "stt_raw": [
        "hi this is {name_lc} calling about my appointment on {visit_spoken} i need to move it "
        "because i cant get a lift from {city_lc} my number is {phone_stt} thats {phone_stt} again "
        "and im still on the {drug} thanks bye\n",

        "ok so the patient is {first_lc} {last} date of birth {dob_lc} lives at {street_lc} in {city_lc} "
        "known {eponym} on {drug} came in today with {dx} call back on {phone_stt}\n",
    ],
    "interpreter": [
        "Interpreter-mediated consultation. Interpreter: {interp} (phone interpreting, ref {ref})\n"
        "Clinician: Can you ask her to tell me her full name and date of birth?\n"
        "Interpreter: She says her name is {name}, born {dob}.\n"
        "Clinician: Where is she living at the moment?\n"
        "Interpreter: She is staying with her son {rel} in {city}, the address is {street}.\n"
        "Clinician: {carrier}\n"
        "Interpreter: she says yes, since the {drug} was started. she also asks if it is {eponym}\n"
        "Clinician: Please give her the number for the clinic and take hers: {phone}\n",

        "Dr {dr}: ask him when this began please\n"
        "INT ({interp}): he said about two weeks ago, after he came back from {town}\n"
        "Dr {dr}: any other medicines?\n"
        "INT ({interp}): only {drug}, and something for {dx}\n"
        "Dr {dr}: ok. his son's mobile is {phone}? and his hospital number\n"
        "INT ({interp}): yes. {id}\n",
    ],
    "ambulance_log": [
        "CAD {ref} | {time} | CAT 2\n"
        "Caller: {name} (daughter) tel {phone}\n"
        "Location: {addr}\n"
        "Pt: {rel} {last}, DOB {dob}, hx {eponym}, {dx}, meds {drug}\n"
        "{time} crew on scene. pt alert, GCS 15\n"
        "{time} conveying to {city} general\n",

        "EMS run sheet\nincident #{ref}\npt name: {last}, {first}\ndob {dob}\n"
        "pickup: {street}, {town}\nnok: {rel} {phone}\n"
        "narrative: called by neighbour. pt states {carrier_lc} pmh {dx} / {eponym}. on {drug}\n",
    ],
    "nhs111_call": [
        "111 call log\nCaller role: self   Name: {name}\nDoB: {dob}   {nhs}\n"
        "Current location: {city}, near the {town} turn off\n"
        "Callback: {phone}\n"
        "Reason: {carrier}\nDisposition: speak to GP within 6h. Pt on {drug}; known {eponym}.\n"
        "Registered GP: Dr {dr}, {city2} surgery\n",

        "urgent care line - nurse triage\ncall from {name}, {age}yo, ringing from {city}\n"
        "dob {dob}, mob {phone}\nc/o {dx}, hx of {eponym}, takes {drug}\n"
        "advised ED, pt prefers the {city2} walk-in. ref {ref}\n",
    ],
    "spreadsheet_tsv": [
        "Name\tDOB\tPhone\tTown\tNotes\n"
        "{name}\t{dob}\t{phone}\t{city}\t{drug} review\n"
        "{name2}\t{dob2}\t{phone2}\t{city2}\tquery {eponym}\n"
        "{name3}\t{dob3}\t{phone3}\t{town}\t{dx}, {carrier_short}\n",

        "patient\tmrn\tappt\temail\tpostcode\n"
        "{last}, {first}\t{mrn}\t{visit}\t{email}\t{postcode}\n"
        "{last2}, {first2}\t{mrn2}\t{visit2}\t{email2}\t{postcode2}\n"
        "(pasted from the {city} {eponym} clinic list)\n",
    ],
    "csv_row": [
        "id,surname,forename,dob,mobile,address,condition\n"
        "{mrn},{last},{first},{dob},{phone},\"{street}, {city}\",{eponym}\n"
        "{mrn2},{last2},{first2},{dob2},{phone2},\"{street2}, {city2}\",{dx}\n",

        "\"{name}\",\"{phone}\",\"{email}\",\"{drug}\",\"{visit}\"\n"
        "\"{name2}\",\"{phone2}\",\"{email2}\",\"{drug2}\",\"{visit2}\"\n",
    ],
    "email_thread": [
        "From: {name} <{email}>\nTo: clinic inbox\nSubject: Re: your appointment\n\n"
        "Hi, thanks. {carrier} Can we do {visit} instead? I'm still on {drug}.\n\n"
        "{first}\nSent from my iPhone\n\n"
        "On Tue, {dr_full} wrote:\n"
        "> Dear {first},\n> We have booked your {eponym} follow-up. Please confirm by replying or ring {phone_nat}.\n"
        "> Kind regards\n> Dr {dr_full}\n> {street}, {city} {postcode}\n> {url}\n",

        "-----Original Message-----\nFrom: {email_alt}\nSent: Monday\nSubject: referral\n\n"
        "please see pt {name}, dob {dob}, {id}. ?{eponym}. currently {drug}\n\n"
        "---\nok will do. pt phone {phone} - {dr_full}\n"
        "{dr_full} | Consultant | {city} Hospital | {url_bare}\n",
    ],
    "social_reply": [
        "replying to {first}: omg same!! my doc in {city_lc} put me on {drug} for my {eponym} and it "
        "took ages to work. if u want to chat DM me or email {email} xx\n",

        "@everyone my nan {rel} {last} went missing from the home on {street} in {city} this morning, "
        "she has {dx} and needs her {drug}. born {dob}. please ring {phone} if seen. pls share\n",

        "{name} said: {carrier}\n\nreply: this is exactly how my {eponym} started. "
        "the group at {url} helped me heaps, we meet in {town}\n",
    ],
    "voicemail": [
        "Voicemail ({mins} sec) transcribed: \"Hi, this message is for Dr {dr}, it's {name} "
        "um date of birth {dob}. I was wondering if my {drug} prescription could be renewed. "
        "You can call me back on {phone}. Thanks.\"\n",

        "VM from {phone} at {time}: hello its {first} {last} again i've left two messages about my "
        "mums {eponym} she's at {street} {city} please ring\n",
    ],
    "sms_thread": [
        "{time} Clinic: Reminder: {first}, you have an appointment on {visit}. Reply Y to confirm.\n"
        "{time} Me: y. can i bring my husband {rel}\n"
        "{time} Clinic: Yes. Please bring your {drug} box. Queries {phone_nat}\n"
        "{time} Me: thx. new address btw {street} {postcode}\n",

        "txt to {phone}: hi {first_lc} its {agent} from the surgery, your bloods for {dx} are back, "
        "ring us or see {url_bare}\n"
        "reply: ok thanks hun will ring tmrw, on {drug} now x\n",
    ],
    "intake_form": [
        "NEW PATIENT INTAKE (scanned)\nName ............ {name}\nDate of birth ... {dob}\n"
        "Address ......... {addr}\nPhone ........... {phone}\nEmail ........... {email}\n"
        "Next of kin ..... {rel} ({phone2})\nCurrent meds .... {drug}\nConditions ...... {eponym}, {dx}\n",

        "Name: {last}, {first}  Preferred: {nick}\nDOB: {dob}  {id}\nHome: {street}, {city}\n"
        "Mobile: {phone}\nReason for visit: {carrier}\nPMH: {dx}; {eponym}\n",
    ],
    "family_group_chat": [
        "{rel}: has anyone heard from dad\n{first}: yes hes at {city} hospital, they think its {dx}\n"
        "{rel}: omg. which ward\n{first}: ward 6. ring {phone} for the nurses station\n"
        "{rel2}: i'll bring his {drug} and his glasses. his dob is {dob} if they ask\n",

        "[{time}] {name}: mum's new carer is {name2}, her number {phone}\n"
        "[{time}] {rel}: ok. her {eponym} clinic is on {visit} at the {city_lc} centre\n"
        "[{time}] {name}: i'll drive from {town}\n",
    ],
    "forum_post": [
        "Title: side effects of {drug}??\nPosted by {nick}\n\n{carrier} I was diagnosed with {eponym} "
        "back in {visit} at the {city} clinic. Anyone else?\n\n--\n{first} | {url}\n",

        "Re: {dx} support thread\n{carrier} my neurologist (Dr {dr}, {city}) says it is not {eponym}. "
        "Feel free to message me at {email}.\n",
    ],
    "pharmacy_refill": [
        "Refill request taken by {agent} {time}\nPatient: {name}   DOB {dob}\nRx: {drug}\n"
        "Prescriber: Dr {dr_full}\nPharmacy: {city} branch, {street}\nContact: {phone}\n{id}\n",

        "automated refill line. caller entered rx for {drug}. caller said name {name_lc}. "
        "date of birth {dob_lc}. callback number {phone_stt}. pickup at the {city_lc} store\n",
    ],
    "booking_bot": [
        "Bot: Hi! What's your full name?\nUser: {name}\nBot: Thanks {first}. Date of birth?\n"
        "User: {dob}\nBot: Which clinic suits you?\nUser: the one in {city}\n"
        "Bot: Earliest slot is {visit}. Is this for {dx}?\nUser: yes and {eponym}\n"
        "Bot: Booked! Confirmation sent to {email}.\n",

        "user: need to book bloods\nbot: sure. can I have your {idlabel}?\nuser: {idnum}\n"
        "bot: found {first} {last}. still at {postcode}?\nuser: yep\n"
        "bot: are you still taking {drug}?\nuser: yes\n",
    ],
    "referral_fax": [
        "FAX  {time}  TO: {city} Memory Clinic\nRE: {name}   D.O.B. {dob}\n{nhs}\n"
        "Address: {addr}\nTel: {phone}\nQuery {eponym}. On {drug}. {carrier}\n"
        "Referrer: Dr {dr_full}  tel {phone_nat2}\n",

        "URGENT REFERRAL\npt {last} {first} / dob {dob} / {id}\n{street}, {town}\n"
        "ph {phone}\nreason: ?{dx}, prev {eponym}\nmeds: {drug}\n",
    ],
}
