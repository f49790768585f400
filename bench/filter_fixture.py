"""Build tests/data/filter_labelled.jsonl: the hand-labelled set the filter benchmark and tests use.

Every damaged sentence below was written by hand in the shapes the public data shows
(HealthCareMagic/iCliniq answers as ChatDoctor anonymised them, ChatMed's gpt-3.5 answers);
the clean bodies are real answers: GenMedGPT-5k (English) and ChatMed-Consult (Chinese) from
../shared/data, or a small built-in list when that is missing. Each example is a question plus an
answer made of labelled units: clean | artefact | boilerplate | chrome, and the record-level
decision expected: keep, repair, or reject:<filter>.

    python bench/filter_fixture.py            # rewrites tests/data/filter_labelled.jsonl (seeded)
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "filter_labelled.jsonl"
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")

# ------------------------------------------------------------------ hand-written damaged units
ARTEFACTS = [  # sentences cut by the "Chat Doctor" name replacement
    "He may need anxiolytic Chat Doctor.",
    "Levipil 500 mg (Levitiracetam)is an antiepileptic Chat Doctor.",
    "Maintain adequate HY Chat Doctor.",
    "It looks like irritable bowel syn Chat Doctor.",
    "You can take tablet pantoprazole before Chat Doctor.",
    "Get your blood sugar checked fasting and post Chat Doctor.",
    "Apply a cold compress and take an anti-inflammatory Chat Doctor.",
    "Drink plenty of water to keep yourself Chat Doctor.",
    "This could be due to acute gastro Chat Doctor.",
    "Your reports suggest mild hepat Chat Doctor.",
    "Do warm saline gargles and take an antihistamine like cetirizine and Chat Doctor.",
    "Consult an ENT Chat Doctor.",
    "The ultrasound shows a small cyst in the right Chat Doctor.",
    "Get an MRI of the lumbosacral spine to rule out disc Chat Doctor.",
    "Take a course of amoxicillin with clavulanic Chat Doctor.",
    "Meanwhile avoid oily and spicy food and Chat Doctor.",
    "She may have a viral infection with dehy Chat Doctor.",
    "Your son needs a course of oral rehy ChatDoctor.",
    "Please get a thyroid profile and a complete blood Chat Doctor.",
    "The pain is most likely musculoskeletal and will respond to anal Chat Doctor.",
    "Use a steroid nasal spray like flu Chat Doctor.",
    "A urine culture will tell us the exact Chat Doctor.",
    "Start tablet metformin 500 mg twice a day after Chat Doctor.",
    "Avoid lifting heavy weights until the hernia is Chat Doctor.",
    "This is called benign paroxysmal positional Chat Doctor.",
    "Your cholesterol is high so start a statin like atorva Chat Doctor.",
    "Hot fomentation and a muscle relaxant like thio Chat Doctor.",
    "It can be managed with inhaled bronco Chat Doctor.",
    "Get a chest x-ray to rule out pneu Chat Doctor.",
    "The lump is most probably a lipoma or an epidermoid Chat Doctor.",
    "An HbA1c test will show your average Chat Doctor.",
    "Your baby may have colic due to Chat Doctor.",
    "For acidity take an antacid gel and Chat Doctor.",
    "Her symptoms suggest a urinary tract infection with Chat Doctor.",
    "You need a referral to a gastro Chat Doctor.",
    "Such floaters are usually due to vitreous Chat Doctor.",
    "Taking ibuprofen on an empty stomach can cause Chat Doctor.",
    "Please consult a derma Chat Doctor.",
    "I suggest you to take a multivitamin with Chat Doctor.",
    "An ECG and a 2D echo will rule out any Chat Doctor.",
]
# an artefact whose cut swallowed the sentence end: the clause after it is clean and should stay
ARTEFACT_TAILS = [
    ("He may need anxiolytic Chat Doctor", "Also give him pantoprazole 40 mg before breakfast."),
    ("Your stool test shows amoebic Chat Doctor", "Metronidazole for seven days will treat it."),
    ("Take paracetamol for the fever and Chat Doctor", "Keep him well hydrated with oral fluids."),
    ("It seems to be allergic rhin Chat Doctor", "Avoid dust and pollen as much as you can."),
    ("The X-ray shows early osteo Chat Doctor", "Physiotherapy and weight loss will help your knees."),
]
ZH_ARTEFACTS = [
    "建议口服阿莫西林Chat Doctor。",
    "可以考虑做一个胃镜Chat Doctor。",
    "这种情况多见于慢性咽Chat Doctor。",
    "平时注意低盐低脂Chat Doctor。",
]
OPENINGS = [
    "Hi and welcome to Chat Doctor.",
    "Thanks for your question on Chat Doctor.",
    "Hi, dairy have gone through your question.",
    "HiT hanks for posting your query.",
    "Hello, I have gone through your query and understand your concern.",
    "Thanks for the query.",
    "Hello and welcome to Chat Doctor.",
    "Dear, I have read your question carefully.",
    "Hi, Thanks for using Chat Doctor.",
    "Welcome to Chat Doctor.",
    "Hello.",
    "Hi there.",
    "I can understand your concern.",
    "Greetings from Chat Doctor.",
    "Thanks for writing in.",
    "Hello dear, thanks for the question.",
    "Thanks for choosing Chat Doctor.",
    "Hi, I am Dr. Rakesh and I will help you.",
    "Thank you for your query.",
    "Hello, thanks for posting your query here.",
    "Hi dear, I have gone through your history.",
    "Good morning.",
    "Hi, I understand your concern.",
    "Thank you for trusting Chat Doctor with your health.",
    "Hello, I am glad to help you.",
]
CLOSINGS = [
    "Hope I have answered your query.",
    "Let me know if I can assist you further.",
    "Hope this helps.",
    "Take care.",
    "Regards.",
    "Wish you good health.",
    "Feel free to ask any further questions.",
    "Thanks for using Chat Doctor.",
    "Hope this information helps you.",
    "Wishing you a speedy recovery.",
    "Best regards.",
    "If you have any further queries, feel free to write back.",
    "I am available for any follow-up questions.",
    "Get well soon.",
    "Good luck.",
    "Chat Doctor.",
    "Hope I have answered your question, let me know if there is anything else.",
    "Take care and have a nice day.",
    "Thanks and regards.",
    "Do not hesitate to contact me for any further query.",
    "Wish you all the best.",
    "Thank you.",
    "Regards, Dr. Ashok Kumar.",
    "Hope this has been helpful to you.",
    "Any further queries, happy to help again.",
]
CHROME = [
    "You can send us some pictures through premium query.",
    "For further queries use the below-mentioned link:bit.ly/ Chat Doctor.",
    "You can find me at www.ChatDoctor .com/doctors/ for a follow up.",
    "Please ask me a direct question for a detailed discussion.",
    "If you want, you can contact me directly online.",
    "Please click on the link below to consult me.",
    "Kindly upload your reports through a premium query.",
    "You may write me a direct query with your reports.",
    "Visit www.healthcaremagic.com/premium for a private consultation.",
    "Please rate my answer if you found it useful.",
    "Send the photos of the rash as a premium question so I can see them.",
    "For more details you can post a direct question to me.",
    "Give a thumbs up if this answer helped.",
    "Follow the link: https://bit.ly/2xChatDr for a video consultation.",
    "You can reach me privately through icliniq.com/ask for follow up.",
]
ZH_OPENINGS = ["您好！", "你好，很高兴为您解答。", "感谢您的提问。", "您好，感谢您的信任。"]
ZH_CLOSINGS = ["祝您早日康复！", "希望我的回答对您有所帮助。", "如有其他问题，欢迎随时咨询。", "祝早日康复~", "以上建议仅供参考。"]
ZH_CHROME = ["可以点击下方链接进行付费咨询。", "有问题可以私信我。", "详情请关注我的公众号。"]

# clean sentences that look like formulas but carry advice: a filter must keep them
HARD_CLEAN_END = [
    "Take care to keep the wound clean and dry.",
    "Let me know if the fever rises above 102 F after two days of paracetamol.",
    "Feel free to apply an ice pack three times a day.",
    "Hope the swelling settles within a week; if it does not, an ultrasound is needed.",
    "Good hydration and rest will speed up recovery.",
    "Dr. Smith's advice to stop aspirin before the biopsy is correct.",
    "Any further bleeding should be checked by a gynecologist.",
    "Thank goodness the biopsy was negative, so no surgery is needed.",
    "Wish you had mentioned the rash earlier, because it changes the diagnosis.",
    "Regarding diet, avoid spicy food and alcohol.",
]
HARD_CLEAN_START = [
    "Thank you for the reports; the TSH of 8.2 means your thyroid is underactive.",
    "I understand your concern about the side effects, but metformin rarely harms the liver.",
    "Welcome news is that the ECG is normal.",
    "Hello, the rash on your arm looks like contact dermatitis.",
    "Dear patient, your thyroid levels are normal.",
    "I have gone through your reports and the hemoglobin of 9 shows moderate anemia.",
]
ZH_HARD_CLEAN = ["如果症状加重，请及时就医。", "祝您的孩子按时接种疫苗，避免感染。", "您好转后也要坚持服药两周。"]

# Held out, first set: written after the phrase files were first frozen; examples carry
# "split": "heldout". Measured once before any change: damaged sentences found 37/43 (artefacts 10/10,
# boilerplate 22/27, chrome 5/6), clean removed 0/96; the lists were then extended for its 6 misses,
# so it is no longer held out in the strict sense (see HELDOUT2 for that).
HELDOUT = {
    "boilerplate_open": [
        "Hello and thank you for asking on Chat Doctor.", "Hi, thanks for the query to Chat Doctor.",
        "Hello dear, Thanks for your question.", "Hi friend, welcome to Chat Doctor forum.",
        "Thanks for your trust in Chat Doctor.", "Hello, I read through your query.",
        "Hi, I had gone through your case in detail.", "Thank you for posting on Chat Doctor.",
        "Hi, I can understand your worry.", "Greetings.", "Hi, and thanks for the question.",
        "Dear friend, I have carefully gone through your query.",
    ],
    "boilerplate_close": [
        "Hope this answers your question.", "I hope this clears your doubt.", "Wish you a quick recovery.",
        "Feel free to get back to me with the reports.", "Take care of yourself.", "Thanks, Chat Doctor.",
        "Let me know if you need any further help.", "Regards, Chat Doctor.", "Hope you feel better soon.",
        "Kind regards.", "I will be glad to answer any further queries.", "All the best for a speedy recovery.",
    ],
    "artefact": [
        "The cause is probably a fungal infection of the Chat Doctor.",
        "Take tablet ondansetron 4 mg for the vomiting and Chat Doctor.",
        "You can use a lubricating eye Chat Doctor.", "This is typical of plantar fasc Chat Doctor.",
        "Increase fiber in diet and drink lots of Chat Doctor.", "I would advise a stool routine and Chat Doctor.",
        "The best treatment is surgical Chat Doctor.", "Your hemoglobin is low indicating iron deficiency Chat Doctor.",
        "Tamsulosin will help pass the Chat Doctor.", "Get a Pap smear done to rule out cervical Chat Doctor.",
    ],
    "chrome": [
        "You can ask me a premium question with the scan images.", "Click the link to book a video consult with me.",
        "For a detailed plan, write a direct question addressed to me.",
        "Please leave a five star review if this was helpful.", "Upload the MRI through a private query.",
    ],
    "zh_open": ["您好，很高兴回答您的问题。"],
    "zh_close": ["祝您身体健康，生活愉快！", "希望以上信息对你有帮助。"],
    "zh_chrome": ["欢迎添加我的微信进一步咨询。"],
}

# Held out, second set: written after the lists were extended for HELDOUT's misses ("split":
# "heldout2"). Measured before any change: found artefacts 8/8, boilerplate 11/20, chrome 3/4, clean
# removed 0/62. Its misses then led to the generic formula-word rule (boilerplate 17/20 after).
HELDOUT2 = {
    "boilerplate_open": [
        "Hi, thank you for contacting Chat Doctor.", "Hello, welcome to the forum.",
        "Dear user, thanks for the trust.", "Hi, I reviewed your query in detail.",
        "Hello there, thanks for reaching out.", "Good evening and thanks for your query.",
        "Hi, I am Dr. Mehta, a general physician.", "Thanks a lot for the detailed history.",
        "Hello, I went through the details you have given.", "Hi and thanks for asking.",
    ],
    "boilerplate_close": [
        "Hope my answer is useful to you.", "Wishing you good health.", "Do write back if you have more doubts.",
        "Stay healthy.", "I hope you recover soon.", "Please revert with the reports.", "Thank you and take care.",
        "With best wishes, Chat Doctor.", "If you need more help, I am here.", "Happy to help.",
    ],
    "artefact": [
        "She should be started on oral iron Chat Doctor.", "This is a common side effect of the Chat Doctor.",
        "Use a mild soap and moisturize the Chat Doctor.", "It might be sciatica due to a prolapsed Chat Doctor.",
        "Keep the leg elevated and apply a crepe Chat Doctor.", "An endoscopy will confirm the Chat Doctor.",
        "I suggest a sugar free diet and ChatDoctor.", "Blood pressure of 150/100 needs Chat Doctor.",
    ],
    "chrome": [
        "You can consult me online for a detailed review of the scans.",
        "Book a premium consultation for a detailed diet plan.", "Share the images through the link given below.",
        "Write to me at chatdoctor.com/ask for further help.",
    ],
}

# Held out, third set: written after the generic formula-word rule was added ("split": "heldout3").
# Measured before any change: found artefacts 6/6, boilerplate 11/24, chrome 4/4, clean removed 0/58
# (the honest estimate for phrasings the lists have never seen); the formula word lists were then
# widened with general conversational words, its misses among them.
HELDOUT3 = {
    "boilerplate_open": [
        "Hello, nice to meet you here.", "Hi, many thanks for sharing your problem.",
        "Namaste and welcome.", "Hello, I have noted your concern.", "Hi, I appreciate your detailed description.",
        "Hello and good day to you.", "Hi, let me help you with this.", "Thank you for the question, my friend.",
        "Hi, I have seen the reports you attached.", "Hello, your question is well understood.",
        "Hi, I can see why you are worried.", "Thanks for the information you have provided.",
    ],
    "boilerplate_close": [
        "I hope I was able to help you.", "Wish you a happy and healthy life.", "Please keep me posted.",
        "Goodbye and take care.", "Any doubts, please ask.", "Cheers.", "I will be happy to help you again.",
        "Best wishes for your health.", "Hope you are satisfied with the answer.", "Thanks for your patience.",
        "Write back to me anytime.", "Regards and best wishes.",
    ],
    "artefact": [
        "The swelling may be due to an infected sebaceous Chat Doctor.", "Avoid milk and milk products till the Chat Doctor.",
        "Such spots are usually due to age related Chat Doctor.", "You may need a nerve conduction Chat Doctor.",
        "He needs to be evaluated by a cardiologist and an Chat Doctor.", "Continue the inhaler and add a leukotriene Chat Doctor.",
    ],
    "chrome": [
        "For an online video consultation, use the link on my profile.", "You can ask a premium follow-up question.",
        "Please attach the reports through a direct query.", "Visit bit.ly/askdoc to book an appointment.",
    ],
}

# Held out, fourth set (issue 19): written before the generalising boilerplate rule (position, no
# medical content, character n-gram similarity to the formula lists) was coded ("split": "heldout4");
# never used to tune it. Openings, closings and upsell lines in wording none of the lists carries,
# plus hard clean sentences that sit first or last and read like formulas but carry medical content.
HELDOUT4 = {
    "boilerplate_open": [
        "Hey there, glad you wrote to us.", "Good afternoon, and thank you for reaching us.",
        "Hi, your message has been read with care.", "Hello, it is good that you asked about this.",
        "Warm greetings to you.", "Hi, thank you so much for putting your trust in this platform.",
        "Hello, I have carefully studied everything you described.", "Hi, this is a question I get often.",
        "Respected sir, thanks for writing.", "Hi, welcome back to the site.",
        "Hello, I am here to guide you.", "Hi, good to hear from you.",
        "Hello friend, I went through all of it.", "Thanks very much for the clear explanation of your situation.",
    ],
    "boilerplate_close": [
        "Wishing you all the very best.", "Do let me know how things go.", "Hoping you get better quickly.",
        "Be well.", "Warm wishes to you and your family.", "Looking forward to hearing from you.",
        "I trust this answers your concern.", "Please get back to me whenever you want.",
        "All the best and stay safe.", "Thank you once again for your question.",
        "Yours sincerely.", "Glad I could be of help.", "Feel better soon, friend.", "Bye for now.",
    ],
    "chrome": [
        "To discuss this further, start a paid chat with me.", "Subscribe to my channel for more health tips.",
        "Tap the consult button to speak to me privately.", "Share this answer with friends who might need it.",
    ],
    "hard_clean": [
        "Hello, the lump you describe is most likely a lipoma and is harmless.",
        "Thanks to the antibiotics, the infection should clear within five days.",
        "Wishing for a quick fix is natural, but the fracture needs six weeks in a cast.",
        "Do let me know the blood sugar readings after one week of metformin 500 mg.",
        "All the best results come from taking the inhaler every day.",
        "Take care not to lift heavy weights for a month after the hernia repair.",
        "Please get back to the emergency room at once if the chest pain returns.",
        "Good news: the X-ray shows no pneumonia.",
    ],
}

FALLBACK_EN = [
    "Based on your symptoms, it sounds like you may have acid reflux. I recommend taking an antacid and avoiding "
    "spicy foods. We should also do an endoscopy if the symptoms continue.",
    "It seems like you might be suffering from a migraine. I would recommend an MRI of the brain to rule out other "
    "causes. Meanwhile, you can take sumatriptan when the headache starts.",
]
FALLBACK_ZH = ["根据您的描述，可能是慢性胃炎引起的。建议您到医院做胃镜检查，明确诊断后再对症治疗。平时注意饮食规律，少吃辛辣刺激的食物。"]

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_ZH_SPLIT = re.compile(r"(?<=[。！？])")


def load_bodies() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    en, zh = [], []
    g = SHARED / "genmedgpt" / "chatdoctor5k.json"
    if g.exists():
        for r in json.loads(g.read_text()):
            out = r["output"].strip()
            if 20 <= len(out.split()) <= 90 and "Patient:" not in out and "\n" not in out:
                en.append((r["input"].strip(), out))
    c = SHARED / "chatmed" / "chatmed_consult_test.jsonl"
    if c.exists():
        for line in c.read_text().splitlines():
            o = json.loads(line)
            q = o["query"].replace("<s>问：", "").replace("答：", "").strip()
            a = o["response"].strip()
            if 40 <= len(a) <= 300 and a.endswith(("。", "！", "？")) and not a.startswith(("您好", "你好")) and "祝" not in a and "如有" not in a:
                zh.append((q, a))
    return (en or [("I have heartburn after meals.", b) for b in FALLBACK_EN],
            zh or [("我经常胃痛。", b) for b in FALLBACK_ZH])


def units_of(body: str, zh: bool) -> list[dict]:
    parts = [p for p in (_ZH_SPLIT.split(body) if zh else _SPLIT.split(body)) if p.strip()]
    return [{"text": p.strip(), "label": "clean"} for p in parts]


def main() -> None:
    rng = random.Random(11)
    en, zh = load_bodies()
    rng.shuffle(en)
    rng.shuffle(zh)
    en_iter, zh_iter = iter(en), iter(zh)
    examples: list[dict] = []

    def add(kind: str, question: str, units: list[dict], expect: str, lang: str = "en", sep: str = " ") -> None:
        examples.append({"id": f"{kind}-{len(examples):03d}", "lang": lang, "question": question,
                         "units": units, "sep": sep, "expect": expect})

    # 1. repairs on English answers: openings/closings/chrome/artefacts around real bodies
    art = ARTEFACTS[:]
    rng.shuffle(art)
    for k in range(60):
        q, body = next(en_iter)
        units = units_of(body, False)
        n_clean = len(units)
        if k % 2 == 0 or k % 5 == 0:  # artefacts: at most a third of the turn
            for _ in range(1 if n_clean < 4 else rng.choice((1, 2))):
                units.insert(rng.randrange(1, len(units) + 1), {"text": art.pop() if art else rng.choice(ARTEFACTS),
                                                               "label": "artefact"})
        if k % 3 == 0:
            units.insert(rng.randrange(1, len(units) + 1), {"text": rng.choice(CHROME), "label": "chrome"})
        if k % 2 == 1 or k % 3 == 0:
            for t in rng.sample(OPENINGS, rng.choice((1, 1, 2)))[::-1]:
                units.insert(0, {"text": t, "label": "boilerplate"})
        if k % 4 != 0 or not any(u["label"] != "clean" for u in units):
            for t in rng.sample(CLOSINGS, rng.choice((1, 2))):
                units.append({"text": t, "label": "boilerplate"})
        if k % 10 == 7:  # chrome just before the closings
            units.insert(len(units) - 1, {"text": rng.choice(CHROME), "label": "chrome"})
        add("repair", q, units, "repair", sep="\n" if k % 7 == 3 else " ")
    # artefact tails: the clause after the placeholder survives
    for cut, tail in ARTEFACT_TAILS:
        q, body = next(en_iter)
        units = units_of(body, False)
        units.insert(1, {"text": cut, "label": "artefact"})
        units.insert(2, {"text": tail, "label": "clean"})
        add("tail", q, units, "repair")
    # 2. Chinese repairs
    for k in range(12):
        q, body = next(zh_iter)
        units = units_of(body, True)
        if k % 3 == 0:
            units.insert(rng.randrange(1, len(units) + 1), {"text": rng.choice(ZH_ARTEFACTS), "label": "artefact"})
        if k % 3 != 2:
            units.insert(0, {"text": rng.choice(ZH_OPENINGS), "label": "boilerplate"})
        if k % 2 == 0 or k % 3 == 2:
            units.append({"text": rng.choice(ZH_CLOSINGS), "label": "boilerplate"})
        if k % 4 == 1:
            units.insert(len(units) - 1, {"text": rng.choice(ZH_CHROME), "label": "chrome"})
        add("zh-repair", q, units, "repair", lang="zh", sep="")
    # 3. too damaged: reject
    for k in range(8):
        q, body = next(en_iter)
        first = units_of(body, False)[0]
        picks = rng.sample(ARTEFACTS, 2 + k % 2)
        units = [{"text": t, "label": "artefact"} for t in picks[:1]] + [first] + \
                [{"text": t, "label": "artefact"} for t in picks[1:]]
        add("too-damaged", q, units, "reject:artefacts")
    # 4. clean answers, some with hard negatives, must be kept untouched
    for k in range(20):
        q, body = next(en_iter)
        units = units_of(body, False)
        if k < len(HARD_CLEAN_END):
            units.append({"text": HARD_CLEAN_END[k], "label": "clean"})
        if k < len(HARD_CLEAN_START):
            units.insert(0, {"text": HARD_CLEAN_START[k], "label": "clean"})
        # "Hello, <advice>" keeps the advice but loses the salutation: a repair
        salute = k < len(HARD_CLEAN_START) and HARD_CLEAN_START[k].startswith(("Hello,", "Dear patient,"))
        add("clean", q, units, "repair" if salute else "keep")
    for k in range(6):
        q, body = next(zh_iter)
        units = units_of(body, True)
        if k < len(ZH_HARD_CLEAN):
            units.append({"text": ZH_HARD_CLEAN[k], "label": "clean"})
        add("zh-clean", q, units, "keep", lang="zh", sep="")
    # 5. record-level rejects of the checks
    for text in ("Thanks for the update, please get back to me 000000.",
                 "Your blood report shows XXXX levels are high, repeat the test after one month.",
                 "Call the clinic on 000000 to book the ultrasound and bring your old reports along."):
        q, body = next(en_iter)
        add("placeholders", q, units_of(body, False) + [{"text": text, "label": "clean"}], "reject:placeholders")
    for text in ("This could be a symptom of chronic otitis media.", "It may be a viral fever.", "Take rest.",
                 "Probably a migraine."):
        q, _ = next(en_iter)
        add("short", q, [{"text": text, "label": "clean"}], "reject:length")
    q, _ = next(zh_iter)
    add("short-zh", q, [{"text": "多喝水。", "label": "clean"}], "reject:length", lang="zh", sep="")
    for k in range(3):
        q, _ = next(en_iter)
        _, zbody = next(zh_iter)
        add("language", q, units_of(zbody, True), "reject:language", sep="")
    q, _ = next(en_iter)
    add("language", q, [{"text": "Usted puede tener una infección de garganta. Es importante que tome el "
                                 "antibiótico durante siete días y que beba mucha agua para que la fiebre baje.",
                         "label": "clean"}], "reject:language")
    for k in range(3):
        q, body = next(en_iter)
        s = units_of(body, False)
        loop = [s[0]] * 4 + s[1:2] * 3
        add("repetition", q, [dict(u) for u in loop], "reject:repetition")
    # 6. held out (see HELDOUT): 30 English and 4 Chinese examples
    h = HELDOUT
    opens, closes, arts, chromes = (h["boilerplate_open"][:], h["boilerplate_close"][:], h["artefact"][:],
                                    h["chrome"][:])
    for k in range(30):
        q, body = next(en_iter)
        units = units_of(body, False)
        if k % 3 == 0 and arts:
            units.insert(rng.randrange(1, len(units) + 1), {"text": arts.pop(), "label": "artefact"})
        if k % 6 == 1 and chromes:
            units.insert(rng.randrange(1, len(units) + 1), {"text": chromes.pop(), "label": "chrome"})
        if k % 5 != 4 and opens:
            units.insert(0, {"text": opens.pop(), "label": "boilerplate"})
        if k % 5 != 3 and closes:
            units.append({"text": closes.pop(), "label": "boilerplate"})
        damaged = any(u["label"] != "clean" for u in units)
        add("heldout", q, units, "repair" if damaged else "keep")
        examples[-1]["split"] = "heldout"
    for k in range(4):
        q, body = next(zh_iter)
        units = units_of(body, True)
        if k == 0:
            units.insert(0, {"text": h["zh_open"][0], "label": "boilerplate"})
        if k in (1, 2):
            units.append({"text": h["zh_close"][k - 1], "label": "boilerplate"})
        if k == 3:
            units.insert(1, {"text": h["zh_chrome"][0], "label": "chrome"})
        add("heldout-zh", q, units, "repair", lang="zh", sep="")
        examples[-1]["split"] = "heldout"
    # 7. second held-out set (see HELDOUT2): 25 English examples
    h2 = HELDOUT2
    opens, closes, arts, chromes = (h2["boilerplate_open"][:], h2["boilerplate_close"][:], h2["artefact"][:],
                                    h2["chrome"][:])
    for k in range(25):
        q, body = next(en_iter)
        units = units_of(body, False)
        if k % 3 == 1 and arts:
            units.insert(rng.randrange(1, len(units) + 1), {"text": arts.pop(), "label": "artefact"})
        if k % 6 == 2 and chromes:
            units.insert(rng.randrange(1, len(units) + 1), {"text": chromes.pop(), "label": "chrome"})
        if k % 5 != 0 and opens:
            units.insert(0, {"text": opens.pop(), "label": "boilerplate"})
        if k % 5 != 1 and closes:
            units.append({"text": closes.pop(), "label": "boilerplate"})
        damaged = any(u["label"] != "clean" for u in units)
        add("heldout2", q, units, "repair" if damaged else "keep")
        examples[-1]["split"] = "heldout2"
    # 8. third held-out set (see HELDOUT3): 25 English examples
    h3 = HELDOUT3
    opens, closes, arts, chromes = (h3["boilerplate_open"][:], h3["boilerplate_close"][:], h3["artefact"][:],
                                    h3["chrome"][:])
    for k in range(25):
        q, body = next(en_iter)
        units = units_of(body, False)
        if k % 4 == 1 and arts:
            units.insert(rng.randrange(1, len(units) + 1), {"text": arts.pop(), "label": "artefact"})
        if k % 6 == 3 and chromes:
            units.insert(rng.randrange(1, len(units) + 1), {"text": chromes.pop(), "label": "chrome"})
        if k % 2 == 0 and opens:
            units.insert(0, {"text": opens.pop(), "label": "boilerplate"})
        if k % 2 == 1 and closes or k % 5 == 0 and closes:
            units.append({"text": closes.pop(), "label": "boilerplate"})
        damaged = any(u["label"] != "clean" for u in units)
        add("heldout3", q, units, "repair" if damaged else "keep")
        examples[-1]["split"] = "heldout3"
    # 9. fourth held-out set (see HELDOUT4): 22 English examples; hard clean sentences first or last
    h4 = HELDOUT4
    opens, closes, chromes, hard = (h4["boilerplate_open"][:], h4["boilerplate_close"][:], h4["chrome"][:],
                                    h4["hard_clean"][:])
    for k in range(22):
        q, body = next(en_iter)
        units = units_of(body, False)
        if k % 5 == 2 and chromes:
            units.insert(rng.randrange(1, len(units) + 1), {"text": chromes.pop(), "label": "chrome"})
        if k % 3 == 0 and hard:
            units.insert(0, {"text": hard.pop(), "label": "clean"})
        elif k % 3 == 1 and hard:
            units.append({"text": hard.pop(), "label": "clean"})
        if k % 4 != 3 and opens:
            units.insert(0, {"text": opens.pop(), "label": "boilerplate"})
        if k % 4 != 2 and closes:
            units.append({"text": closes.pop(), "label": "boilerplate"})
        damaged = any(u["label"] != "clean" for u in units)
        add("heldout4", q, units, "repair" if damaged else "keep")
        examples[-1]["split"] = "heldout4"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        for ex in examples:
            fh.write(json.dumps(ex, ensure_ascii=False) + "\n")
    n_units = sum(len(e["units"]) for e in examples)
    print(f"wrote {len(examples)} examples, {n_units} labelled units -> {OUT}")


if __name__ == "__main__":
    main()
