"""Word lists of the blind14 PII split (bench/scrub_blind14.py): names of many cultures, the countries
each culture's patients live in, must-stay medical words (drugs, eponyms, diseases; vet drugs), and the
Chinese lists. Written by hand without reading the recognizers or other splits; ordered lists only."""

# culture: (given names, surnames, countries its people live in, family name first?)
CULTURES = {  # "_" joins a multi-word name (replaced by a space below)
    "english": ("Grace Hope Faith Rose Joy Will Bill Mark Drew Sunny Dawn Amber Holly Ivy Pat Sue Oliver Harriet "
                "Jack Poppy Trevor Gillian Nigel Kayleigh".split(),
                "Baker Cook Price Long Little Young Moody Hale Wood Bell Stone Marsh Field Hunt Swift Sharp Frost "
                "Wells Gray Parkinson Graves Hollis-Grant Featherstonehaugh Pratt Booth".split(),
                ["GB", "US", "AU", "NZ", "CA", "IE"], False),
    "irish": ("Siobhan Niamh Aoife Cillian Padraig Eoin Saoirse Ciaran Grainne Donal".split(),
              "O'Sullivan Ni_Bhriain McCarthy Ó_Súilleabháin Fitzgerald Kavanagh Doherty Mac_Giolla".split(),
              ["IE", "GB", "US"], False),
    "scots_welsh": ("Hamish Morag Iain Eilidh Rhys Angharad Dafydd Siân Gethin Catriona".split(),
                    "MacLeod Mackenzie Jones ap_Rhys Llewellyn Urquhart Pritchard Lloyd-Evans".split(),
                    ["GB", "CA", "NZ"], False),
    "indian": ("Priya Rahul Ananya Vikram Lakshmi Arjun Deepa Suresh Kavya Harpreet Gurpreet Meenakshi Anil".split(),
               "Sharma Iyer Reddy Patel Nair Chatterjee Banerjee Gupta Menon Subramanian Singh Deshpande Kaur".split(),
               ["IN", "GB", "US", "SG", "AE", "CA"], False),
    "pakistani": ("Ayesha Imran Bilal Fatima Zainab Usman Hira Asif".split(),
                  "Khan Qureshi Butt Chaudhry Malik Siddiqui Hussain Abbasi".split(),
                  ["PK", "GB", "AE"], False),
    "yoruba_igbo": ("Adebayo Folake Chidi Ngozi Oluwaseun Chiamaka Emeka Temitope Ifeoma Babatunde".split(),
                    "Okafor Adeyemi Okonkwo Balogun Nwosu Eze Oyelaran-Bello Adebisi Obi".split(),
                    ["NG", "GB", "US"], False),
    "ghana_kenya": ("Kwame Akosua Kofi Ama Wanjiru Otieno Achieng Kipchoge Njeri Yaw".split(),
                    "Mensah Boateng Asante Owusu Kamau Odhiambo Mwangi Wanjala Ochieng".split(),
                    ["GH", "KE", "GB"], False),
    "southern_africa": ("Thabo Nomvula Sipho Lerato Zanele Pieter Annelie Bongani".split(),
                        "Nkosi Dlamini van_der_Merwe Botha Mokoena Khumalo Naidoo Pillay".split(),
                        ["ZA", "GB", "AU"], False),
    "arabic": ("Mohammed Fatima Omar Layla Yousef Noor Khalid Mariam Ahmed Huda".split(),
               "Al-Mansouri Haddad Al_Nahyan El-Sayed Abdallah Al-Farsi Nasser Khoury".split(),
               ["AE", "GB", "US", "DE"], False),
    "turkish_persian": ("Elif Mehmet Ayşe Emre Zeynep Dariush Shirin Reza Parisa".split(),
                        "Yılmaz Demir Kaya Şahin Tehrani Hosseini Moradi Karimi".split(),
                        ["TR", "DE", "GB", "SE"], False),
    "polish_slavic": ("Katarzyna Piotr Agnieszka Tomasz Olena Dmytro Irina Sergei Małgorzata".split(),
                      "Kowalski Wiśniewska Nowak Lewandowski Shevchenko Kovalenko Ivanova Brzęczyszczykiewicz".split(),
                      ["PL", "GB", "DE", "IE"], False),
    "german_dutch": ("Lukas Anneliese Jürgen Sabine Maarten Femke Sven Henrike".split(),
                     "Müller Schneider Becker de_Vries van_den_Berg Jansen Bakker Schäfer".split(),
                     ["DE", "NL", "GB", "US"], False),
    "french": ("Mathilde Jean-Luc Océane Benoît Amélie Théo Élodie Luc".split(),
               "Dubois Lefèvre Moreau Girard Fontaine Chevalier Bonnet Laurent".split(),
               ["FR", "CA", "GB"], False),
    "iberian_latam": ("José María Lucía Joaquim Conceição Alejandro Guadalupe Rodrigo Inês Thiago".split(),
                      "García López Fernández Rodríguez Pereira Santos Silva Oliveira Martínez Hernández".split(),
                      ["ES", "PT", "BR", "MX", "US", "GB"], False),
    "italian_greek": ("Giuseppe Francesca Luca Chiara Giorgos Eleni Dimitris Sofia".split(),
                      "Rossi Esposito Bianchi Romano Papadopoulos Georgiou Nikolaidis Conti".split(),
                      ["IT", "GB", "US", "AU"], False),
    "chinese_roman": ("Wei Xiu_Ying Jun Hao Mei_Ling Zhiwei Ka_Wai Siu_Ming".split(),
                      "Zhang Wang Li Chen Liu Huang Chan Wong Ng Lau".split(),
                      ["SG", "GB", "US", "AU", "CA", "MY"], True),
    "korean_japanese": ("Ji-woo Min-jun Seo-yeon Hyun Haruto Yui Sakura Kenji".split(),
                        "Kim Park Lee Choi Sato Suzuki Takahashi Tanaka".split(),
                        ["US", "GB", "AU", "CA"], True),
    "vietnamese_thai": ("Thi_Lan Van_Minh Ngoc_Anh Somchai Nattaya Kanya".split(),
                        "Nguyen Tran Le Pham Vu Sukprasert Wongsawat".split(),
                        ["AU", "US", "GB", "NZ"], True),
    "filipino_malay": ("Maria_Cristina Jose Rizal Rowena Jun-jun Ahmad Siti Nurul Aiman".split(),
                       "dela_Cruz Santos Reyes Bautista Abdullah Ismail binti_Ahmad Rahman".split(),
                       ["PH", "MY", "SG", "GB", "AE"], False),
    "maori_pacific": ("Aroha Tane Mere Wiremu Sione Losa Tevita Ana".split(),
                      "Ngata Te_Rangi Parata Tuilagi Fonoti Havili Tapsell".split(),
                      ["NZ", "AU"], False),
    "somali_ethiopian": ("Abdi Hodan Ayaan Fadumo Tesfaye Meseret Dawit Hanna".split(),
                         "Warsame Farah Abdirahman Haile Bekele Gebremedhin".split(),
                         ["GB", "SE", "US", "KE"], False),
    "hungarian_nordic": ("Zsófia Bence Réka Lajos Ingrid Henrik Aino Juha".split(),
                         "Nagy Kovács Szabó Lindqvist Johansson Virtanen Korhonen".split(),
                         ["SE", "GB", "DE"], True),
    "hebrew": ("Yael Avi Noa Itai Tamar Moshe".split(), "Cohen Levi Mizrahi Friedman Ben-David Peretz".split(),
               ["US", "GB", "CA"], False),
}
CULTURES = {k: ([g.replace("_", " ") for g in v[0]], [f.replace("_", " ") for f in v[1]], v[2], v[3])
            for k, v in CULTURES.items()}
NICKNAMES = "Bobby Gaz Lizzie Kiki Chucky Rosie Sammy Dee Mo Jojo Bev Tash Kaz Benji".split()
TITLES_WITH_MIDDLE = "Anne Marie James Elizabeth Kumar Thi Jean Louise Olu Nana".split()

# must-stay medical words planted next to identifiers
DRUGS = ("metformin amlodipine Lipitor atorvastatin ramipril Ventolin salbutamol Seretide levothyroxine Eltroxin "
         "sertraline Zoloft omeprazole Nexium warfarin apixaban Eliquis co-amoxiclav Augmentin amoxicillin paracetamol "
         "Panadol Tylenol ibuprofen Nurofen naproxen prednisolone Lantus Januvia Ozempic semaglutide methotrexate "
         "Humira adalimumab Keppra levetiracetam Epilim lithium Seroquel quetiapine clopidogrel Plavix bisoprolol "
         "furosemide Lasix spironolactone doxycycline nitrofurantoin Macrobid EpiPen cetirizine Piriton Calpol "
         "Gaviscon alendronate Xarelto rivaroxaban tramadol co-codamol gabapentin Lyrica pregabalin Ritalin "
         "Concerta melatonin ondansetron Zofran Voltaren diclofenac Flagyl metronidazole Tamiflu Dolo Crocin "
         "Pan-D Coartem Malarone atovaquone-proguanil mefloquine Tegretol carbamazepine Sinemet "
         "co-careldopa Mounjaro tirzepatide").split()
EPONYMS = ["Parkinson's disease", "Hashimoto's thyroiditis", "Crohn's disease", "Addison's disease",
           "Graves' disease", "Bell's palsy", "Raynaud's", "Cushing's syndrome", "Alzheimer's", "Down syndrome",
           "Huntington's disease", "Wilson's disease", "Kawasaki disease", "Sjögren's syndrome", "Ménière's disease",
           "Baker's cyst", "Dupuytren's contracture", "Osgood-Schlatter disease", "Paget's disease",
           "Legionnaires' disease", "Lyme disease", "Hodgkin lymphoma", "Tourette syndrome", "Guillain-Barré syndrome",
           "Barrett's oesophagus", "Stevens-Johnson syndrome", "Marfan syndrome", "Colles' fracture",
           "Bartholin's cyst", "Asperger's", "Hirschsprung's disease", "Still's disease", "Parkinson",
           "Hashimoto", "Crohn's", "Meniere's", "Tietze syndrome", "De Quervain's tenosynovitis", "Bowen's disease",
           "Wernicke's encephalopathy", "Korsakoff syndrome", "Reiter's syndrome", "Charcot foot"]
DISEASES = ["type 2 diabetes", "COPD", "asthma", "atrial fibrillation", "hypertension", "heart failure",
            "CKD stage 3", "gout", "psoriasis", "epilepsy", "migraine", "depression", "anxiety", "ADHD",
            "rheumatoid arthritis", "osteoporosis", "hypothyroidism", "coeliac disease", "ulcerative colitis",
            "cholecystitis", "pneumonia", "cellulitis", "UTI", "sickle cell disease", "thalassaemia",
            "tuberculosis", "hepatitis B", "HIV", "eczema", "sciatica", "angina", "DVT", "iron deficiency anaemia",
            "endometriosis", "PCOS", "glaucoma", "shingles", "malaria", "dengue", "long covid", "T1DM"]
VET_DRUGS = ["Rimadyl", "Apoquel", "Metacam", "Bravecto", "Frontline", "Drontal", "Vetmedin", "Onsior",
             "Librela", "Synulox", "Loxicom", "NexGard"]

# ----------------------------------------------------------------------------- Chinese
ZH_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢") + \
    ["欧阳", "司马", "诸葛", "上官", "慕容", "皇甫", "东方"]
ZH_GIVEN = ["建国", "秀英", "伟", "芳", "娜娜", "强", "磊", "静", "敏", "丽华", "志明", "海燕", "晓东", "婷婷", "子轩",
            "一诺", "浩然", "梓涵", "国庆", "春梅", "文", "佳怡", "雨桐", "德华", "淑珍", "桂兰", "明", "思远", "欣怡"]
ZH_MINORITY = ["阿依古丽", "买买提·艾力", "扎西顿珠", "巴特尔", "格桑卓玛", "热依拉·吐尔逊", "其其格", "阿卜杜拉"]
ZH_ENGLISH_GIVEN = ["Kevin", "Amy", "Tony", "Coco", "Linda", "Jason", "Vivian", "Eric"]
ZH_CITIES = ["苏州", "无锡", "佛山", "东莞", "绵阳", "宜昌", "洛阳", "赣州", "温州", "泉州", "柳州", "遵义", "大理",
             "喀什", "鄂尔多斯", "齐齐哈尔", "汕头", "湛江", "襄阳", "芜湖", "南通", "潍坊", "保定", "桂林", "珠海",
             "漳州", "六安", "岳阳", "常德", "曲靖", "嘉兴", "绍兴", "台州", "金华", "中山", "惠州"]
ZH_DISTRICTS = ["天河区", "鼓楼区", "武侯区", "江宁区", "南山区", "朝阳区", "海淀区", "浦东新区", "徐汇区", "越秀区",
                "雁塔区", "江北区", "历下区", "思明区", "龙岗区", "桐庐县", "德清县", "平遥县", "婺源县", "长兴县",
                "宁乡县", "闽侯县", "荣成", "义乌", "昆山"]
ZH_TOWNS = ["周庄镇", "乌镇", "同里镇", "西塘镇", "石桥镇", "柳溪镇", "下坝村", "张家湾村", "桃源村", "杏花村",
            "马家庄", "白沙乡", "青石铺", "南岭村", "东湖镇", "李家坝"]
ZH_PROVINCES = ["江苏省", "广东省", "四川省", "浙江省", "河南省", "湖北省", "山东省", "福建省", "云南省"]
ZH_ROADS = ["人民路", "解放路", "中山路", "建设大道", "滨江路", "文化街", "幸福里", "新华东路", "长江南路", "学府路",
            "青年大街", "金沙北二街", "和平巷", "东风路"]
ZH_ESTATES = ["阳光花园", "锦绣华庭", "翠苑小区", "碧桂园", "金地名都", "和谐家园", "世纪城"]
ZH_DRUGS = ["阿莫西林", "二甲双胍", "氨氯地平", "阿托伐他汀", "布洛芬", "对乙酰氨基酚", "头孢克肟", "奥美拉唑",
            "左甲状腺素钠片", "甘精胰岛素", "硝苯地平控释片", "阿司匹林", "氯吡格雷", "连花清瘟胶囊", "藿香正气水",
            "六味地黄丸", "蒙脱石散", "甲硝唑", "沙丁胺醇气雾剂", "多巴丝肼", "美托洛尔", "缬沙坦", "metformin"]
ZH_DISEASES = ["帕金森病", "桥本甲状腺炎", "克罗恩病", "阿尔茨海默病", "川崎病", "高血压", "2型糖尿病", "冠心病",
               "慢性胃炎", "幽门螺杆菌感染", "甲亢", "痛风", "乙肝", "肺结节", "腰椎间盘突出症", "唐氏综合征",
               "格林-巴利综合征", "社区获得性肺炎", "房颤", "慢阻肺", "Graves病", "哮喘"]
