"""Hand-written word lists for the blind2 PII split (bench/scrub_blind2.py): names of cultures Faker
spells in other scripts, street names, small places and neighbourhoods, and the medical words that
must stay. Written from memory by the blind2 author; see scrub_blind2.py for the authorship rule."""
from __future__ import annotations

# ----------------------------------------------------------------------------- names (first, last)
ARAB_FIRST = ["Abdullah", "Abdul Rahman", "Abdulaziz", "Khalid", "Faisal", "Yousef", "Omar", "Tariq", "Hamad",
              "Saeed", "Nasser", "Mansour", "Fatima", "Aisha", "Mariam", "Noura", "Layla", "Huda", "Reem",
              "Hessa", "Salma", "Rania", "Zainab", "Ibrahim", "Mustafa", "Hussein", "Walid", "Jamila"]
ARAB_LAST = ["al-Mansouri", "Al Nuaimi", "bin Rashid", "Al-Harbi", "al Qahtani", "El-Sayed", "Haddad",
             "bin Saleh", "Al Shamsi", "Al-Otaibi", "Abdel-Fattah", "Khoury", "al-Zahrani", "bint Ahmed",
             "Al Maktoum", "Nasrallah", "Abu Hamdan", "Al-Farsi", "Mahmoud", "al-Tamimi", "Darwish"]
MALAY_FIRST = ["Nurul", "Siti Aminah", "Muhammad Hafiz", "Ahmad Faizal", "Nur Aisyah", "Mohd Azlan",
               "Farah", "Haziq", "Syafiqah", "Amirul", "Zulkifli", "Rosnah", "Kamariah", "Iskandar"]
MALAY_LAST = ["binti Ismail", "bin Abdullah", "binti Hassan", "bin Osman", "binti Yusof", "bin Razak",
              "binti Mohd Noor", "bin Ibrahim", "binti Kamaruddin", "bin Hamzah"]
SEA_CHINESE = [("Tan", "Wei Ming"), ("Lim", "Hui Shan"), ("Ng", "Boon Keat"), ("Goh", "Siew Ling"),
               ("Ong", "Kah Wai"), ("Chua", "Mei Fong"), ("Teo", "Jun Hao"), ("Koh", "Li Ting"),
               ("Yeo", "Chee Keong"), ("Lee", "Xin Yi"), ("Wong", "Ka Yan"), ("Chan", "Tai Man"),
               ("Leung", "Wing Sze"), ("Cheung", "Chi Ho"), ("Lau", "Siu Fung"), ("Ho", "Pui Yee")]
SEA_CHINESE_WESTERN = ["Jasmine", "Kelvin", "Winnie", "Alvin", "Cheryl", "Desmond", "Eunice", "Ivan", "Joanne"]
INDIAN_TAMIL = [("Karthik", "Subramanian"), ("Priya", "Raman"), ("Muthu", "Velusamy"), ("Lakshmi", "Krishnan"),
                ("Suresh", "Pillay"), ("Devi", "Naidoo"), ("Ganesh", "Moorthy"), ("Kavitha", "Selvaraj")]
BANGLA_FIRST = ["Rahim", "Tanvir", "Sadia", "Nusrat", "Mahmudul", "Farhana", "Shakib", "Rumana", "Arif",
                "Tahmina", "Mehedi", "Sharmin", "Habibur", "Jannatul", "Rakibul", "Mitu"]
BANGLA_LAST = ["Hossain", "Rahman", "Chowdhury", "Islam", "Akter", "Uddin", "Khatun", "Bhuiyan", "Sarker",
               "Talukder", "Majumder", "Mia", "Begum", "Haque"]
PAK_FIRST = ["Muhammad Usman", "Ayesha", "Bilal", "Hira", "Zeeshan", "Sana", "Kashif", "Rabia", "Waqas",
             "Mehwish", "Asad", "Iqra", "Fahad", "Naila", "Shahid", "Saima", "Imran", "Uzma"]
PAK_LAST = ["Qureshi", "Malik", "Butt", "Chaudhry", "Sheikh", "Awan", "Raja", "Siddiqui", "Baig",
            "Mirza", "Abbasi", "Gillani", "Niazi", "Khan", "Javed", "Rana"]
EAST_AFRICA_FIRST = ["Wanjiru", "Kiprono", "Achieng", "Otieno", "Nyambura", "Mwangi", "Chebet", "Kamau",
                     "Nakato", "Ssebunya", "Auma", "Baraka", "Neema", "Rehema", "Tesfaye", "Selamawit",
                     "Abebe", "Makena", "Njeri", "Kipchoge", "Akello", "Mugisha"]
EAST_AFRICA_LAST = ["Odhiambo", "Kariuki", "Mutua", "Wafula", "Chepkoech", "Nyirenda", "Okello", "Mugabe",
                    "Kyalo", "Ndegwa", "Kirui", "Nalubega", "Mushi", "Mrema", "Bekele", "Haile", "Tadesse",
                    "Wambui", "Omondi", "Kiptoo"]
SA_FIRST = ["Thandiwe", "Sipho", "Lerato", "Bongani", "Nomvula", "Pieter", "Annelie", "Johan", "Zanele",
            "Tshepo", "Refilwe", "Mandla", "Karabo", "Lindiwe", "Riaan", "Elmarie"]
SA_LAST = ["van der Merwe", "Botha", "Nkosi", "Dlamini", "Mokoena", "Pretorius", "du Plessis", "Khumalo",
           "Ndlovu", "Venter", "Mahlangu", "Molefe", "Coetzee", "van Wyk", "Zulu", "Mthembu"]
FILIPINO_FIRST = ["Maricel", "Jun-Jun", "Rowena", "Jomar", "Lovely", "Princess", "Aljon", "Marites",
                  "Rodel", "Cherry Mae", "Jericho", "Analyn", "Bong", "Girlie"]
FILIPINO_LAST = ["dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Mendoza", "Macaraeg",
                 "Dimaculangan", "Panganiban", "Tolentino", "Magbanua", "Sison", "de Guzman"]
IRISH_SCOTS = [("Siobhán", "Ní Bhriain"), ("Ciarán", "Ó Súilleabháin"), ("Aoife", "McGrath"),
               ("Pádraig", "Mac Giolla"), ("Niamh", "O'Driscoll"), ("Seán", "Fitzgerald"), ("Oisín", "Kavanagh"),
               ("Eilidh", "MacLeod"), ("Hamish", "Mackintosh"), ("Morag", "Sutherland"), ("Callum", "Fraser"),
               ("Iona", "MacDonald"), ("Ruairidh", "Campbell"), ("Gráinne", "Ó Ceallaigh"), ("Fionn", "Duffy")]
NICKNAMES = ["Bunny", "Tiny", "Lolo", "Mama Nkechi", "Big Mike", "Sunny", "Babs", "Chuckie", "Dodo", "Pinky",
             "Ah Boy", "Bubbles", "Kiki", "Junior"]

# ----------------------------------------------------------------------------- streets
STREETS = {
    "us": ["Maple Ridge Dr", "Old Mill Rd", "W 37th St", "Pinecrest Ave", "Beaver Creek Ln", "Harrison Blvd",
           "County Road 12", "Magnolia Ct", "E Jefferson Ave", "Sycamore Hollow Way", "Route 9"],
    "gb": ["Dunmore Road", "Victoria Terrace", "Station Approach", "Hollybush Lane", "Kingsway",
           "Church Walk", "Albert Crescent", "Wellington Grove", "Mill Brae", "Hawthorn Close"],
    "ie": ["Main Street", "Bóthar na Trá", "Ard na Gréine", "Castle Park", "Sráid an Mhuilinn", "Chapel Road"],
    "ca": ["Robson St", "rue Saint-Denis", "Dundas St W", "Bayview Ave", "Kingsway Ave NW", "Portage Ave"],
    "au": ["Smith St", "Parramatta Rd", "Wattle Grove", "Banksia Cres", "Esplanade", "Bellarine Hwy"],
    "in": ["Gandhi Nagar", "Sector 15", "MG Road", "Shastri Nagar", "Anna Salai", "Lajpat Nagar II",
           "Koramangala 5th Block", "Link Road", "Civil Lines", "Rajaji Nagar 2nd Stage"],
    "pk": ["Street 7, G-10/2", "Block C, Gulberg III", "Street 14, DHA Phase 5", "Model Town Link Road",
           "Block 13-D, Gulshan-e-Iqbal"],
    "bd": ["Road 11, Dhanmondi", "Road 4, Block C, Banani", "Lake Circus Road", "Sector 7, Uttara"],
    "my": ["Jalan SS 2/24", "Jalan Tun Razak", "Jalan Ampang", "Lorong Maarof", "Jalan Bukit Bintang",
           "Jalan Pasar Baru", "Persiaran Gurney"],
    "sg": ["Ang Mo Kio Ave 8", "Tampines St 21", "Jurong West St 52", "Bedok North Rd", "Toa Payoh Lor 4"],
    "ph": ["Rizal St", "Mabini St", "Aguinaldo Hwy", "Sampaguita Rd", "Kalayaan Ave"],
    "za": ["Jan Smuts Ave", "Voortrekker Rd", "Main Reef Rd", "Beach Rd", "Kerk Street", "Oxford Rd"],
    "ke": ["Ngong Road", "Moi Avenue", "Kenyatta Avenue", "Argwings Kodhek Rd", "Jogoo Road"],
    "arab": ["Street 14, Block 4", "Al Wasl Road", "King Fahd Road", "Sheikh Zayed St", "Tahlia Street",
             "Al Khaleej Street"],
    "latam": ["Calle 45", "Av. Insurgentes Sur", "Calle de Alcalá", "Avenida Corrientes", "Carrera 7",
              "Calle Los Almendros", "Av. Libertador Bernardo O'Higgins"],
    "de": ["Lindenstraße", "Hauptstraße", "Am Mühlbach", "Goethestr.", "Schillerplatz", "Bahnhofstraße"],
    "fr": ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "allée des Tilleuls", "chemin du Moulin"],
    "jp": ["Jingumae", "Kita-Aoyama", "Nishi-Shinjuku", "Tenjin", "Umeda"],
}

# ----------------------------------------------------------------------------- places below state level
PLACES = {
    "us": ["Dayton", "Bakersfield", "Hoboken", "Tupelo", "Kalamazoo", "Flagstaff", "Yonkers", "Brownsville",
           "Cedar Rapids", "Paducah", "Scranton", "Boise", "Wichita", "Chula Vista", "Bozeman", "Queens",
           "the Bronx", "Evanston", "Gainesville", "Lubbock", "Duluth", "Roanoke"],
    "gb": ["Wolverhampton", "Stockport", "Harrogate", "Peckham", "Lewisham", "Swindon", "Redruth", "Penrith",
           "Stoke-on-Trent", "Barnsley", "Dudley", "Chorlton", "Kirkcaldy", "Paisley", "Dundee", "Inverness",
           "Leith", "Motherwell", "Bangor", "Merthyr Tydfil", "Lisburn", "Newry"],
    "ie": ["Ballina", "Tralee", "Dún Laoghaire", "Clonmel", "Mullingar", "Letterkenny", "Ennis", "Athlone",
           "Drogheda", "Tallaght", "Swords", "Bray", "Skibbereen", "Castlebar", "Ballyfermot"],
    "ca": ["Moncton", "Saskatoon", "Red Deer", "Kelowna", "Thunder Bay", "Sherbrooke", "Brampton",
           "Mississauga", "Nanaimo", "Lethbridge", "Trois-Rivières", "Scarborough", "Etobicoke", "Sudbury"],
    "au": ["Parramatta", "Wollongong", "Toowoomba", "Ballarat", "Bendigo", "Fremantle", "Cairns",
           "Dandenong", "Blacktown", "Geelong", "Mildura", "Palmerston North", "Hamilton", "Tauranga"],
    "in": ["Nagpur", "Indore", "Thane", "Kochi", "Coimbatore", "Vijayawada", "Ludhiana", "Meerut", "Gorakhpur",
           "Dharwad", "Salem", "Noida", "Gurugram", "Whitefield", "Andheri", "Thrissur", "Bhilai", "Hubli"],
    "pk": ["Rawalpindi", "Gujranwala", "Faisalabad", "Sialkot", "Multan", "Hyderabad", "Abbottabad",
           "Bahawalpur", "Sargodha", "Mardan", "Sukkur", "Jhelum", "Gujrat", "Okara"],
    "bd": ["Mirpur", "Sylhet", "Khulna", "Rajshahi", "Bogura", "Comilla", "Narayanganj", "Gazipur",
           "Mymensingh", "Cox's Bazar", "Savar", "Tongi", "Jessore"],
    "my": ["Petaling Jaya", "Subang Jaya", "Shah Alam", "Ipoh", "Seremban", "Kuantan", "Klang", "Cheras",
           "Johor Bahru", "Kota Bharu", "Sibu", "Miri", "Bangsar", "Puchong", "Kajang"],
    "sg": ["Tampines", "Bedok", "Jurong West", "Ang Mo Kio", "Toa Payoh", "Woodlands", "Yishun", "Punggol",
           "Sengkang", "Clementi", "Bukit Batok", "Hougang"],
    "ph": ["Quezon City", "Caloocan", "Cebu City", "Davao City", "Bacolod", "Iloilo City", "Antipolo",
           "Taguig", "Pasig", "Dasmariñas", "Cagayan de Oro", "Tacloban", "Marikina", "Las Piñas"],
    "za": ["Soweto", "Pietermaritzburg", "Polokwane", "Mthatha", "Bloemfontein", "Stellenbosch",
           "Khayelitsha", "Mitchells Plain", "Umlazi", "Rustenburg", "George", "Tembisa", "Benoni"],
    "ke": ["Kisumu", "Eldoret", "Nakuru", "Thika", "Machakos", "Kitale", "Kericho", "Nyeri", "Kakamega",
           "Malindi", "Kampala", "Jinja", "Mbarara", "Gulu", "Arusha", "Dodoma", "Moshi", "Bahir Dar", "Adama"],
    "arab": ["Sharjah", "Al Ain", "Deira", "Jeddah", "Dammam", "Khobar", "Taif", "Zarqa", "Irbid",
             "Alexandria", "Giza", "Mansoura", "Tanta", "Muscat", "Salalah", "Al Barsha", "Mirdif", "Riffa"],
    "latam": ["Guadalajara", "Monterrey", "Puebla", "Zapopan", "Medellín", "Cali", "Barranquilla", "Bucaramanga",
              "Rosario", "Córdoba", "Mendoza", "Valparaíso", "Arequipa", "Trujillo", "Getafe", "Alcalá de Henares",
              "Málaga", "Coyoacán", "Iztapalapa", "Cuenca"],
    "de": ["Bielefeld", "Wuppertal", "Gelsenkirchen", "Erlangen", "Göttingen", "Kreuzberg", "Neukölln",
           "Lyon", "Villeurbanne", "Roubaix", "Montreuil", "Nanterre", "Tourcoing", "Aix-en-Provence"],
    "jp": ["Shibuya", "Setagaya", "Kawasaki", "Yokohama", "Sapporo", "Sendai", "Hakata", "Naha", "Nishinomiya"],
}

# Chinese places: cities 市, counties 县, districts 区, towns 镇, villages 村 (simplified; traditional below)
ZH_PLACES = ["石家庄市", "洛阳市", "绵阳市", "赣州市", "岳阳市", "温州市", "宜昌市", "襄阳市", "柳州市", "遵义市",
             "曲靖市", "包头市", "大庆市", "烟台市", "临沂市", "徐州市", "芜湖市", "泉州市", "湛江市", "南充市",
             "郫县", "宁乡县", "寿光县", "桐庐县", "安吉县", "仙居县", "武功县", "沛县", "凤县", "莒县",
             "海淀区", "浦东新区", "天河区", "武侯区", "江汉区", "鼓楼区", "龙岗区", "雁塔区", "南山区", "渝中区",
             "周庄镇", "乌镇", "虎门镇", "西塘镇", "柳市镇", "横店镇", "大沥镇", "长安镇",
             "王家村", "李庄村", "小岗村", "华西村", "杨柳村", "东风村",
             "洛阳", "绵阳", "温州", "徐州", "佛山", "东莞", "昆山", "义乌", "慈溪", "晋江"]
ZH_TW_PLACES = ["板橋區", "新莊區", "中壢區", "鳳山區", "北屯區", "永和區", "三重區", "竹北市", "員林市",
                "羅東鎮", "斗六市", "花蓮市", "台南市", "新竹市", "基隆市", "屏東市", "淡水區", "士林區"]
HK_PLACES = ["Mong Kok", "Sha Tin", "Tsuen Wan", "Kwun Tong", "Tuen Mun", "Yuen Long", "Wan Chai",
             "Sham Shui Po", "Tai Po", "Causeway Bay", "Tseung Kwan O", "Tin Shui Wai", "旺角", "沙田", "荃灣",
             "觀塘", "屯門", "元朗", "灣仔", "深水埗", "大埔", "將軍澳"]
ZH_ROADS = ["人民路", "解放路", "中山北路", "建设大道", "朝阳路", "幸福街", "文化路", "长江西路", "和平里", "光明街"]
ZH_ESTATES = ["阳光小区", "锦绣花园", "翠湖苑", "金色家园", "幸福里小区", "东方明珠城", "和谐家园"]
TW_ROADS = ["中正路", "民生東路", "復興南路", "中山路二段", "忠孝西路", "文心路三段"]
HK_STREETS = ["彌敦道", "Nathan Road", "King's Road", "青山公路", "Hennessy Road", "Sai Yeung Choi Street"]

ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武"
ZH_GIVEN = ["建国", "秀英", "志强", "丽娟", "海燕", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰",
            "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "子涵", "梓萱", "浩然", "一诺", "欣怡",
            "宇轩", "雨桐", "俊杰", "晓红", "春梅", "国强", "玉兰", "思远", "佳怡"]
ZH_TW_GIVEN = ["志明", "淑芬", "家豪", "雅婷", "冠宇", "怡君", "宗翰", "佩珊", "建宏", "美玲", "俊傑", "詩涵"]

# ----------------------------------------------------------------------------- medical words that must stay
DRUGS = ["ibuprofen", "naproxen", "ketoprofen", "flurbiprofen", "dexibuprofen", "atenolol", "metoprolol",
         "propranolol", "bisoprolol", "nebivolol", "carvedilol", "lisinopril", "ramipril", "enalapril",
         "perindopril", "losartan", "valsartan", "telmisartan", "irbesartan", "olmesartan", "atorvastatin",
         "rosuvastatin", "simvastatin", "pravastatin", "adalimumab", "infliximab", "rituximab", "denosumab",
         "sertraline", "amitriptyline", "nortriptyline", "levothyroxine", "amlodipine", "nifedipine",
         "felodipine", "omeprazole", "pantoprazole", "esomeprazole", "metronidazole", "fluconazole",
         "albendazole", "allopurinol", "diclofenac", "montelukast", "salbutamol", "cetirizine", "loratadine",
         "warfarin", "clopidogrel", "prednisolone", "methotrexate", "sodium valproate", "topiramate",
         "alendronate", "ferrous sulfate", "metformin", "gabapentin", "pregabalin", "doxycycline",
         "azithromycin", "amoxicillin", "clarithromycin", "tamsulosin", "finasteride", "spironolactone",
         "furosemide", "hydrochlorothiazide", "sumatriptan", "ondansetron", "domperidone", "famotidine",
         "mirtazapine", "quetiapine", "olanzapine", "escitalopram", "duloxetine", "venlafaxine"]
BRANDS = ["Tylenol", "Advil", "Panadol", "Nurofen", "Brufen", "Crocin", "Dolo", "Augmentin", "Zyrtec",
          "Claritin", "Nexium", "Lipitor", "Crestor", "Glucophage", "Synthroid", "Eltroxin", "Ventolin",
          "Seretide", "Symbicort", "Humira", "Ozempic", "Januvia", "Xarelto", "Eliquis", "Plavix", "Concor",
          "Norvasc", "Voltaren", "Ponstan", "Flagyl", "Cipro", "Zithromax", "Keflex", "Benadryl", "Piriton",
          "Gaviscon", "Buscopan", "Imodium", "Lyrica", "Neurontin", "Zoloft", "Lexapro", "Prozac", "Xanax",
          "Valium", "Celebrex", "Mobic", "Arcoxia", "Tramal", "Cataflam", "Mefenamic", "Calpol", "Strepsils"]
EPONYMS = ["Parkinson's disease", "Hashimoto's thyroiditis", "Crohn's disease", "Bell's palsy", "Babinski sign",
           "Graves' disease", "Addison's disease", "Cushing's syndrome", "Alzheimer's", "Raynaud's",
           "Sjögren's syndrome", "Guillain-Barré syndrome", "Hodgkin lymphoma", "Kawasaki disease",
           "Tourette syndrome", "Ménière's disease", "Osgood-Schlatter", "Barrett's oesophagus",
           "Wilson's disease", "Marfan syndrome", "Huntington's", "Paget's disease", "Dupuytren's contracture",
           "Baker's cyst", "Achilles tendinitis", "Lyme disease", "Murphy's sign", "Romberg test",
           "Epley manoeuvre", "Apgar score", "Holter monitor", "Pap smear", "Gilbert's syndrome",
           "Tietze syndrome", "Bowen's disease", "Ehlers-Danlos", "Stevens-Johnson syndrome", "Bartholin cyst",
           "Parkinson", "Hashimoto", "Crohn's", "Graves", "Addison", "Kawasaki", "Meniere's", "Asperger's",
           "Down syndrome", "Klinefelter", "Turner syndrome", "Hirschsprung", "Tay-Sachs", "Munchausen"]
DISEASE_WORDS = ["Diabetes", "Asthma", "Gout", "Migraine", "Eczema", "Psoriasis", "Shingles", "Lupus", "Vertigo",
                 "Anemia", "Sciatica", "Tinnitus", "Typhoid", "Dengue", "Malaria", "Chikungunya", "Jaundice",
                 "Scabies", "Rosacea", "Angina", "Bronchitis", "Gastritis", "Hepatitis B", "Tuberculosis",
                 "Thalassemia", "Vitiligo", "Endometriosis", "Fibromyalgia", "Sinusitis", "Pneumonia", "Hernia",
                 "Covid", "Chickenpox", "Measles", "Tonsillitis", "Cellulitis", "Gastroenteritis", "Piles"]
LAB_TESTS = ["HbA1c", "TSH", "CBC", "ESR", "CRP", "LFT", "KFT", "lipid profile", "serum creatinine",
             "vitamin D", "ferritin", "troponin", "D-dimer", "INR", "PSA", "ANA", "urine culture", "ECG",
             "MRI", "ultrasound", "free T4", "uric acid", "B12", "eGFR", "Widal test", "NS1 antigen",
             "stool routine", "echo", "TMT", "Holter"]
ZH_MEDICAL = ["头痛", "失眠", "高血压", "糖尿病", "慢性胃炎", "咳嗽", "湿疹", "荨麻疹", "甲状腺结节", "桥本甲状腺炎",
              "帕金森病", "布洛芬", "阿莫西林", "二甲双胍", "氨氯地平", "阿托伐他汀", "奥美拉唑", "左甲状腺素钠",
              "头孢克肟", "蒙脱石散", "连花清瘟胶囊", "藿香正气水", "六味地黄丸", "逍遥丸", "乳腺增生", "子宫肌瘤",
              "多囊卵巢综合征", "痛风", "腰椎间盘突出", "颈椎病", "过敏性鼻炎", "支气管炎", "胃食管反流",
              "幽门螺杆菌", "尿酸", "血常规", "肝功能", "甲功五项", "彩超", "胃镜", "心电图", "空腹血糖",
              "盗汗", "心悸", "口干口苦", "便秘", "腹泻", "月经不调", "痛经", "手脚冰凉", "耳鸣", "眩晕"]
ZH_DRUGS = ["布洛芬", "阿莫西林", "二甲双胍", "氨氯地平", "阿托伐他汀", "奥美拉唑", "左甲状腺素钠", "头孢克肟", "蒙脱石散",
            "连花清瘟胶囊", "藿香正气水", "六味地黄丸", "逍遥丸", "氯雷他定", "甲硝唑", "板蓝根颗粒", "双黄连口服液"]
ZH_TESTS = ["血常规", "肝功能", "甲功五项", "彩超", "胃镜", "心电图", "空腹血糖", "尿酸", "肠镜", "核磁共振", "CT"]
ZH_SYMPTOMS = [w for w in ZH_MEDICAL if w not in ZH_DRUGS and w not in ZH_TESTS and w not in ("幽门螺杆菌", "尿酸")]
ZH_TW_SYMPTOMS = ["頭痛", "失眠", "胃食道逆流", "過敏性鼻炎", "蕁麻疹", "心悸", "便祕", "經痛", "耳鳴", "濕疹",
                  "頭暈", "胸悶", "咳嗽", "腰痛", "痛風", "手麻", "蕁麻疹發作"]
ZH_TW_DRUGS = ["普拿疼", "布洛芬", "胃藥", "抗組織胺", "類固醇", "降血壓藥", "安眠藥", "止痛藥", "樂敏錠", "克流感"]
ZH_TW_TESTS = ["超音波", "胃鏡", "抽血", "血糖", "膽固醇", "甲狀腺功能", "心電圖", "核磁共振", "大腸鏡", "X光"]
