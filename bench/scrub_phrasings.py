"""Phrasings and values for the tuning / untouched PII splits (issue 18), written BEFORE any
recognizer change and independently of the recognizers: several authors' styles (formal letter,
texting in lower case without punctuation, Indian English, site doctors' sign-offs, mixed
English/Chinese), real cities of many countries (small towns too, written from memory and from
Faker locales that ship real place lists), national phone formats written by hand per country,
and medical words with name-like shapes that must stay.

Every pool is shuffled with a fixed seed and cut in two: one half of each pool is the *tuning*
split's, the other the *untouched* split's, so the untouched split holds phrasings the recognizers
were never looked at against. Slots: {name} etc. (see `SLOTS` in make_scrub_devset.py).
"""
from __future__ import annotations

import random

# ----------------------------------------------------------------------------- English, patient
EN_OPEN = [
    "Good day. I am {name} and I am {age}. ",
    "hello doctor i am {first_lower} {last_lower} {age} yrs from {city_lower} ",
    "hi im {first_lower} {age} f ",
    "Myself {name}, {age} years old male from {city}. ",
    "Respected Sir, this is {name} writing about my father. ",
    "Greetings from {city}! My name is {name}. ",
    "Doc, {first} here again. ",
    "my wife {first_lower} has this problem ",
    "I'm {first}. My husband {first2} and I are worried. ",
    "Hello Dr, I am Mrs {last} from {city}. ",
    "{name} ({age}, {city}) asks: ",
    "Patient name {name} age {age} sex M\n",
    "I'm writing for my grandmother {name} who lives near {city}. ",
    "Dear doctor, my son {first2} is {age_child} old. ",
    "hey there {first_lower} from {city_lower} here ",
    "我叫{zh_name}, I'm {age} and live in {city}. ",
    "Hi doctor, 我是{zh_name}, my English is not good. ",
    "Sir, I {name} from {city} want to ask about my mother. ",
    "Hello. My name's {first} and I'm a {age} year old from {city}. ",
    "hi doc its {first_lower} again from {city_lower} ",
    "Dear Sir/Madam, I, {name}, am writing on behalf of my brother. ",
    "i am {first_lower} and my husband is {first2_lower} we live near {city_lower} ",
    "Question from {first} in {city}: ",
    "Hello, {name} here, mother of {first2}. ",
]
EN_MID = [
    "I live in {city} with my parents. ",
    "we are from {city_lower} originally ",
    "We stay near {city} now. ",
    "I moved from {city} to {city2} last year. ",
    "The nearest hospital to us is in {city}. ",
    "My address is {street}, {city}. ",
    "Address: {street}, {city} {postcode}. ",
    "i am staying at {street_lower} {city_lower} ",
    "You can call me on {phone}. ",
    "my no is {phone} ",
    "call {phone} anytime ",
    "Ph {phone}. ",
    "mobile {phone} (whatsapp also) ",
    "Please contact my daughter at {phone} or {phone2}. ",
    "my whatsapp {phone} ",
    "My number: {phone}. ",
    "email me {email} ",
    "Reports are uploaded at {url} ",
    "My patient ID is {mrn}. ",
    "Date of birth {dob}. ",
    "I had a scan on {visit}. ",
    "I visited {clinic} in {city} last week. ",
    "We were referred to a specialist in {city}. ",
    "My sister {first2} lives in {city} and she had the same. ",
    "He works in {city} and comes home weekends. ",
    "I have been taking {drug} 400mg twice daily and {drug2} at night. ",
    "My GP started {Drug} and then switched to {Drug2}. ",
    "Is {Drug} safe with {Drug2}? ",
    "The specialist thinks it is {Disease}. ",
    "been on {drug} for 2 weeks no relief ",
    "I was given {Drug} by the pharmacist. ",
    "They ruled out {Disease} and {Disease2}. ",
    "Sometimes I take {Drug} when it's bad. ",
    "My aunt {first2} in {city} has {Disease} too. ",
    "ring me {phone} after 5 ",
    "landline {phone} mobile {phone2} ",
    "we drove down from {city} to see a doctor ",
    "Our village is close to {city}. ",
    "I was born in {city} but live in {city2} now. ",
    "Pls reply to {email} or sms {phone}. ",
    "my email id is {email} ",
    "Email: {email}. ",
    "see my reports here {url} ",
    "Link: {url}. ",
    "UHID {mrn}. ",
    "reg no {mrn} ",
    "DOB {dob} ",
    "Last visit was {visit}. ",
    "He was born on {dob} in {city}. ",
    "My policy number is {mrn}. ",
]
EN_CLOSE = [
    "\nThank you so much.\n{name}",
    "\nthanks a lot {first_lower}",
    "\nthank u doc\n{first_lower}",
    "\nGod bless you.\n{name}",
    "\nYours faithfully,\n{name}\n{street}\n{city}",
    "\nThanks in advance\n{first} from {city}",
    "\nRegards\n{name}\n{phone}",
    " waiting for ur reply {first_lower}",
    "\nplease help\n{name} {phone}",
    "\nwith regards {name}",
    "\nBest,\n{first}\n{city}",
    "",
]
# ----------------------------------------------------------------------------- English, doctor
EN_DOC_OPEN = [
    "Hello {first}, thanks for your query. ",
    "Dear {first}, I have gone through your reports. ",
    "hi {first_lower} i read ur question ",
    "Hi {name}, welcome. ",
    "Ms {last}, thank you for writing. ",
    "Good evening {first}. ",
    "Thanks {first} for the details. ",
    "Hello and welcome {first}! ",
    "",
]
EN_DOC_CLOSE = [
    "\nWish you good health.\n{doctor}\n{clinic}",
    "\nWish you good health. {doctor}, {clinic}",
    "\nRegards,\n{doctor}\n{clinic}, {city}",
    "\nHope this helps. Take care.\n{doctor}",
    "\nBest wishes\n{doctor}\n{clinic}",
    "\nGet well soon!\n\n{doctor}\nConsultant Physician\n{clinic}",
    "\nWarm wishes, {doctor}",
    "\nStay safe.\n- {doctor}, {clinic}",
    "\nWith best regards\n{doctor} ({phone})",
    "\nWishing you a speedy recovery.\n{doctor}\n{clinic}, {street}, {city}",
    "\nHope I have answered your query. Let me know if you need further assistance.\n{doctor}\nGeneral Surgeon",
    "\nI hope this information helps.\n{doctor}, {clinic}",
    "\nTake care and all the best.\n{doctor_last_first}\n{clinic}",
    "\nYou may visit me at {clinic}, {city}. Call {phone} for appointment.",
    "\nHave a nice day.\n{doctor}",
    "\nfeel free to ask again\n{doctor_lower}",
    "\nGood luck.\n{doctor}\n{city}",
    "",
]
# ----------------------------------------------------------------------------- Chinese
ZH_OPEN = [
    "医生你好，我是{zh_name}，今年{age}岁，来自{zh_city}。",
    "{zh_name}，男，{age}岁，",
    "我家在{zh_city}，",
    "我妈妈{zh_name}最近总是{zh_symptom}，",
    "你好医生我叫{zh_name}住在{zh_city}",
    "Hello 医生, my name is {name}, 住在{zh_city}。",
    "我是{zh_city}人，",
    "{zh_name}主任您好，",
    "请问{zh_name}医生，",
    "{zh_last}大夫您好！",
    "我在{zh_city}上班，",
    "孩子爸爸{zh_name}让我来问，",
    "",
]
ZH_MID = [
    "电话{cn_mobile}。",
    "我的电话是 {cn_mobile}，",
    "手机 {cn_mobile}",
    "座机：{cn_landline}。",
    "我在{zh_city}{zh_hospital}看过，",
    "去年从{zh_city}搬到{zh_city2}，",
    "我的邮箱是{email}。",
    "身份证{cnid}，",
    "最近{zh_symptom}、{zh_symptom2}，吃了{zh_drug}没用。",
    "还伴有{zh_symptom}。",
    "医生开了{zh_drug}和{zh_drug2}，",
    "平时{zh_symptom}，喝过{zh_drug}。",
    "在{zh_city}的医院查过，",
    "有事打我手机{cn_mobile}",
    "联系我 {cn_mobile} 谢谢",
    "住在{zh_city}附近，",
    "my phone is {phone}，",
    "I live in {city}，现在{zh_symptom}。",
    "邮箱{email}",
    "报告在{url}",
    "病历号{mrn}。",
    "出生日期{dob}，",
    "门诊号：{mrn}，",
    "发邮件到{email}吧。",
]
ZH_CLOSE = [
    "{zh_last}医生，谢谢！",
    "感谢{zh_name}医生的耐心解答。",
    "以上是{zh_name}大夫的建议。",
    "——{zh_hospital} {zh_name}医生",
    "{zh_name}主任，麻烦您了",
    "谢谢{zh_name}大夫",
    "祝您健康！\n{zh_name}",
    "Thanks, {name}",
    "",
]
ZH_DOC = [  # a doctor's answer closing
    "\n{zh_name}医生",
    "\n{zh_hospital} {zh_name}",
    "\n祝早日康复。{zh_name}医生",
    "\n{zh_name}大夫 {zh_hospital}",
    "",
]

# ----------------------------------------------------------------------------- values
# real places below state level, written from memory (big cities and small towns alike)
CITIES = [c.strip() for c in """Pune, Nagpur, Nashik, Thane, Aurangabad, Kolhapur, Solapur, Satara, Sangli, Latur, Ludhiana, Amritsar,
Jalandhar, Patiala, Bathinda, Jaipur, Jodhpur, Udaipur, Kota, Ajmer, Bikaner, Lucknow, Kanpur, Varanasi, Agra,
Meerut, Allahabad, Gorakhpur, Bareilly, Indore, Bhopal, Jabalpur, Gwalior, Ujjain, Patna, Gaya, Ranchi,
Jamshedpur, Dhanbad, Kolkata, Howrah, Siliguri, Durgapur, Asansol, Chennai, Coimbatore, Madurai,
Tiruchirappalli, Salem, Vellore, Erode, Tirunelveli, Bangalore, Bengaluru, Mysore, Mangalore, Hubli, Belgaum,
Hyderabad, Warangal, Vijayawada, Visakhapatnam, Guntur, Nellore, Kochi, Cochin, Trivandrum, Thiruvananthapuram,
Kozhikode, Calicut, Thrissur, Kollam, Kannur, Palakkad, Ahmedabad, Surat, Vadodara, Rajkot, Bhavnagar,
Jamnagar, Guwahati, Shillong, Dehradun, Haridwar, Rishikesh, Shimla, Chandigarh, Mohali, Panchkula, Gurgaon,
Noida, Faridabad, Ghaziabad, Bhubaneswar, Cuttack, Raipur, Bilaspur, Karachi, Lahore, Islamabad, Rawalpindi,
Faisalabad, Multan, Peshawar, Quetta, Sialkot, Dhaka, Chittagong, Sylhet, Khulna, Kathmandu, Pokhara, Colombo,
Kandy, Galle, Lagos, Abuja, Ibadan, Kano, Enugu, Port Harcourt, Benin City, Nairobi, Mombasa, Kisumu, Nakuru,
Kampala, Accra, Kumasi, Johannesburg, Durban, Cape Town, Pretoria, Harare, Lusaka, Manila, Quezon City, Cebu,
Davao, Makati, Jakarta, Surabaya, Bandung, Medan, Kuala Lumpur, Penang, Ipoh, Johor Bahru, Bangkok, Chiang Mai,
Hanoi, Saigon, Dubai, Sharjah, Abu Dhabi, Riyadh, Jeddah, Doha, Muscat, Cairo, Alexandria, Tehran, Baghdad,
Amman, Beirut, Istanbul, Ankara, Izmir, Houston, Dallas, Austin, Phoenix, Tucson, Denver, Chicago, Detroit,
Cleveland, Columbus, Cincinnati, Pittsburgh, Philadelphia, Baltimore, Boston, Seattle, Portland, Spokane,
Tacoma, Sacramento, Fresno, Oakland, San Diego, San Jose, Los Angeles, Long Beach, Anaheim, Atlanta, Savannah,
Miami, Orlando, Tampa, Jacksonville, Tallahassee, Memphis, Nashville, Knoxville, Louisville, Lexington, Omaha,
Lincoln, Wichita, Tulsa, Albuquerque, El Paso, San Antonio, Boise, Billings, Fargo, Bismarck, Sioux Falls,
Duluth, Madison, Milwaukee, Green Bay, Des Moines, Cedar Rapids, Springfield, Peoria, Rockford, Toledo, Akron,
Dayton, Buffalo, Rochester, Syracuse, Albany, Hartford, New Haven, Providence, Burlington, Manchester,
Birmingham, Leeds, Sheffield, Bristol, Liverpool, Newcastle, Nottingham, Leicester, Coventry, Bradford,
Cardiff, Swansea, Glasgow, Edinburgh, Aberdeen, Dundee, Belfast, Derry, Plymouth, Southampton, Portsmouth,
Brighton, Oxford, Cambridge, Norwich, Exeter, York, Hull, Stoke, Wolverhampton, Sunderland, Middlesbrough,
Blackpool, Bolton, Wigan, Preston, Luton, Reading, Slough, Swindon, Dublin, Cork, Galway, Limerick, Toronto,
Ottawa, Montreal, Vancouver, Calgary, Edmonton, Winnipeg, Halifax, Regina, Saskatoon, Hamilton, Mississauga,
Brampton, Surrey, Sydney, Melbourne, Brisbane, Perth, Adelaide, Hobart, Darwin, Canberra, Geelong, Townsville,
Cairns, Wollongong, Newcastle, Auckland, Wellington, Christchurch, Dunedin, Hamilton, Tauranga""".replace("\n", " ").split(",")]
SMALL_TOWNS = ["Chiplun", "Baramati", "Khanapur", "Sirsi", "Kumta", "Palghar", "Alibag", "Karad", "Wai", "Sawantwadi",
               "Ooty", "Kodaikanal", "Munnar", "Thodupuzha", "Pala", "Tiruvalla", "Kayamkulam", "Nilambur", "Perinthalmanna",
               "Bandra", "Andheri", "Dadar", "Koramangala", "Whitefield", "Marathahalli", "Velachery", "Adyar",
               "Frome", "Bideford", "Ludlow", "Whitby", "Keswick", "Penrith", "Oban", "Tenby", "Bala", "Kendal",
               "Truro", "Hexham", "Alnwick", "Bakewell", "Ashbourne", "Ely", "Woodbridge", "Sudbury",
               "Marfa", "Moab", "Sedona", "Taos", "Bozeman", "Ketchum", "Hood River", "Astoria", "Bar Harbor",
               "Brattleboro", "Stowe", "Nantucket", "Key West", "Paducah", "Natchez", "Opelika", "Dothan", "Tupelo",
               "Mudgee", "Dubbo", "Orange", "Bathurst", "Broome", "Mildura", "Shepparton", "Warrnambool", "Gympie",
               "Kiama", "Taupo", "Nelson", "Oamaru", "Whanganui", "Kaitaia", "Enniscorthy", "Tralee", "Kinsale"]
ZH_CITIES = """北京 上海 广州 深圳 成都 杭州 武汉 西安 重庆 南京 天津 苏州 郑州 长沙 沈阳 青岛 合肥 佛山 东莞 宁波 昆明 大连 厦门 福州
哈尔滨 济南 温州 南宁 长春 泉州 石家庄 贵阳 南昌 徐州 无锡 常州 烟台 太原 兰州 海口 呼和浩特 乌鲁木齐 银川 西宁 拉萨 桂林 洛阳 保定 唐山
临沂 潍坊 绍兴 嘉兴 金华 台州 扬州 镇江 珠海 中山 惠州 汕头 湛江 遵义 绵阳 宜宾 南充 襄阳 宜昌 岳阳 株洲 衡阳 赣州 九江 芜湖 蚌埠 淄博
济宁 泰安 威海 日照 聊城 德州 邯郸 邢台 沧州 廊坊 秦皇岛 大同 包头 鞍山 齐齐哈尔 大庆 牡丹江 义乌 昆山 江阴 晋江 三亚 丽江 大理 喀什
延吉 阜阳 六安 商丘 南阳 信阳 周口 驻马店 平顶山 开封 安阳 新乡 焦作 许昌 漯河 荆州 黄冈 孝感 十堰 常德 邵阳 郴州 怀化 永州 益阳""".split()
ZH_CITY_FORMS = ["{c}", "{c}", "{c}市", "{c}那边"]  # the label covers {c} (and 市)

DRUGS = """ibuprofen naproxen ketoprofen flurbiprofen dexibuprofen amitriptyline nortriptyline sertraline cetirizine
levocetirizine ranitidine famotidine pregabalin gabapentin metformin glimepiride atorvastatin rosuvastatin simvastatin
amlodipine nifedipine losartan telmisartan valsartan olmesartan lisinopril enalapril ramipril metoprolol atenolol propranolol
bisoprolol carvedilol pantoprazole omeprazole esomeprazole rabeprazole domperidone ondansetron levothyroxine prednisolone
methylprednisolone dexamethasone hydrocortisone azithromycin amoxicillin doxycycline ciprofloxacin levofloxacin
metronidazole fluconazole clotrimazole acyclovir valacyclovir oseltamivir montelukast salbutamol budesonide fluticasone
tramadol diclofenac aceclofenac paracetamol acetaminophen clopidogrel warfarin enoxaparin sitagliptin vildagliptin
dapagliflozin empagliflozin furosemide spironolactone tamsulosin finasteride sildenafil tadalafil escitalopram fluoxetine
paroxetine venlafaxine duloxetine mirtazapine quetiapine olanzapine risperidone aripiprazole clonazepam alprazolam
lorazepam diazepam zolpidem methotrexate hydroxychloroquine sulfasalazine allopurinol febuxostat colchicine adalimumab
infliximab rituximab imatinib letrozole tamoxifen mebeverine loperamide lactulose bisacodyl mesalamine rifaximin
isotretinoin tretinoin minoxidil ketoconazole terbinafine permethrin ivermectin albendazole levetiracetam lamotrigine
carbamazepine topiramate sumatriptan rizatriptan betahistine cinnarizine flunarizine clonidine prazosin doxazosin
drotaverine dicyclomine alendronate risedronate mycophenolate clavulanate fumarate valproate imipramine desloratadine
fexofenadine loratadine hydroxyzine promethazine chlorpheniramine dextromethorphan guaifenesin ambroxol bromhexine
nitrofurantoin cefixime cefuroxime ceftriaxone linezolid clindamycin mupirocin fusidate""".split()
DISEASES = [d.replace("_", " ") for d in """Anemia Gout Lupus Shingles Vertigo Sciatica Psoriasis Eczema Asthma Bronchitis Tinnitus Rosacea Scabies
Ringworm Measles Mumps Rubella Typhoid Dengue Malaria Chikungunya Leptospirosis Tuberculosis Jaundice Hepatitis Sarcoidosis
Fibromyalgia Endometriosis Gastritis Pancreatitis Cellulitis Impetigo Vitiligo Alopecia Melasma Urticaria Angina
Arrhythmia Tachycardia Hypothyroidism Sinusitis Tonsillitis Pharyngitis Glaucoma Cataract Keratoconus Hernia Hemorrhoids
Varicocele Hydrocele Phimosis Balanitis Prostatitis Cystitis Pyelonephritis Lymphoma Leukemia Melanoma Myeloma Sepsis
Hashimoto's Graves' Addison's Cushing's Crohn's Parkinson's Alzheimer's Raynaud's Sjogren's Kawasaki Meniere's Tourette's
Huntington's Marfan Peyronie's Dupuytren's Barrett's Bell's_palsy Wilson's_disease Paget's_disease Tietze_syndrome
Reiter's_syndrome Gilbert's_syndrome Osgood-Schlatter Legg-Calve-Perthes Kaposi_sarcoma Ewing_sarcoma Wilms_tumor""".split()]
ZH_SYMPTOMS = """头晕 头痛 乏力 心悸 胸闷 气短 盗汗 自汗 失眠 多梦 口干 口苦 便秘 腹泻 腹胀 恶心 呕吐 咳嗽 咳痰 咽痛 发热 畏寒
手脚冰凉 腰酸 腰痛 耳鸣 眼花 健忘 脱发 尿频 尿急 尿痛 月经不调 痛经 白带多 食欲不振 消化不良 反酸 烧心 嗳气 胃痛 关节痛 肌肉酸痛
皮疹 瘙痒 水肿 黄疸 潮热 烦躁 焦虑 鼻塞 流涕 打喷嚏 气喘 心慌 面色萎黄 舌苔厚 口臭 牙龈出血 白发 黄褐斑 晕车 胃胀 肚子疼 嗓子疼
腿抽筋 手麻 胸痛 背痛 颈椎痛 肩周炎 湿疹 荨麻疹 痤疮 过敏性鼻炎 咽炎 胃炎 肠炎 盆腔炎 阴道炎 乳腺增生 甲亢 甲减 痛风""".split()
ZH_DRUGS = """布洛芬 阿莫西林 头孢克肟 奥美拉唑 二甲双胍 阿司匹林 硝苯地平 氨氯地平 左氧氟沙星 甲硝唑 蒙脱石散 六味地黄丸
逍遥丸 藿香正气水 板蓝根 连花清瘟胶囊 金银花 黄芪 当归 党参 枸杞 甘草 柴胡 黄连 白术 茯苓 黄芩 金匮肾气丸 归脾丸 龙胆泻肝丸
丹参 三七 川芎 白芍 熟地黄 陈皮 半夏 杜仲 牛膝 桂枝 麦冬 石斛 艾叶 益母草 葛根 钙片 叶酸 维生素C 复方丹参滴丸 速效救心丸
安宫牛黄丸 云南白药 马应龙痔疮膏 达克宁 扶他林 芬必得 易蒙停 妈咪爱 思密达 乐孕宁 黄体酮 雷贝拉唑 铝碳酸镁""".split()
ZH_HOSPITALS = ["人民医院", "中医院", "第一人民医院", "妇幼保健院", "中心医院", "协和医院", "附属医院", "儿童医院"]
CLINIC_SHAPES = ["{last} Clinic", "{last} Hospital", "{last} Nursing Home", "{city} Heart Centre", "Apollo Clinic {city}",
                 "{last} Children's Hospital", "Sunrise Diagnostics", "{city} Medical Centre", "Care Hospital, {city}",
                 "{last} Skin & Hair Clinic", "St. Mary's Hospital", "Lifeline Multispeciality Hospital"]

# hand-written national formats: # is a digit; the first characters are what real numbers start with
PHONE_SHAPES = {
    "GB": ["07### ######", "07#########", "+44 7### ######", "+447#########", "0161 ### ####", "020 #### ####",
           "(0113) ### ####", "+44 (0)20 #### ####", "07###-######"],
    "IN": ["98### #####", "9#########", "+91 98### #####", "+91-9#########", "091 9#########", "0#9#########",
           "+91 8### ### ###", "7#### #####", "022-2#######", "080 2### ####"],
    "AU": ["04## ### ###", "+61 4## ### ###", "0412######", "(02) #### ####", "+61 2 #### ####", "03 #### ####"],
    "US": ["(###) ###-####", "###-###-####", "###.###.####", "+1 ### ### ####", "1-800-###-####", "### ### ####"],
    "CN": ["13# #### ####", "+86 13#########", "+86 139-####-####", "186########", "0086 15#########", "(010) 8#######"],
    "PK": ["03## #######", "+92 3## #######", "+923#########"],
    "NG": ["080# ### ####", "+234 80# ### ####", "0703#######"],
    "PH": ["09## ### ####", "+63 9## ### ####"],
    "AE": ["05# ### ####", "+971 5# ### ####"],
    "DE": ["+49 15# ########", "0151 ########", "030 ########"],
    "CA": ["(416) ###-####", "+1 604 ### ####"],
    "MY": ["01#-### ####", "+60 1#-### ####"],
    "NZ": ["021 ### ####", "+64 21 ### ####"],
    "KE": ["07## ######", "+254 7## ######"],
}
CN_MOBILE_SHAPES = ["13#########", "15#########", "18#########", "139 #### ####", "186-####-####", "+86 13#########",
                    "17#########", "+86-158-####-####", "199########"]
CN_LANDLINE_SHAPES = ["010-########", "021-########", "0755-########", "(028)########", "0571 ########", "020-8#######"]
NAME_LOCALES = ["en_US", "en_GB", "en_IN", "en_IN", "en_IN", "en_AU", "en_NG", "es_MX", "pt_BR", "fr_FR", "de_DE",
                "it_IT", "tr_TR", "id_ID", "en_IE", "nl_NL", "pl_PL"]
CITY_LOCALES = ["en_IN", "de_DE", "es_ES", "pl_PL", "id_ID", "nl_NL"]  # Faker locales whose city lists are real


def _split_pool(pool: list[str], seed: int) -> tuple[list[str], list[str]]:
    items = list(pool)
    random.Random(seed).shuffle(items)
    return items[0::2], items[1::2]


POOLS = {"EN_OPEN": EN_OPEN, "EN_MID": EN_MID, "EN_CLOSE": EN_CLOSE, "EN_DOC_OPEN": EN_DOC_OPEN,
         "EN_DOC_CLOSE": EN_DOC_CLOSE, "ZH_OPEN": ZH_OPEN, "ZH_MID": ZH_MID, "ZH_CLOSE": ZH_CLOSE, "ZH_DOC": ZH_DOC}


def split_pools(split: str) -> dict[str, list[str]]:
    """The template pools of 'tune' or 'untouched' (disjoint halves of every pool; an empty
    template, meaning 'nothing here', is kept in both)."""
    out = {}
    for k, (name, pool) in enumerate(sorted(POOLS.items())):
        tune, untouched = _split_pool([t for t in pool if t], 1800 + k)
        chosen = tune if split == "tune" else untouched
        out[name] = chosen + ([""] if "" in pool else [])
    return out
