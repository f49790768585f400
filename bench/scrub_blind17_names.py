"""Word lists of the blind17 split: names, street words, invented towns, medical words (ordered lists only).
Written without reading the recognizers or the other splits."""

# culture: (given names, surnames, family name first?, phone regions, place countries)
CULTURES = {
    "british": (["Oliver", "Siobhan", "Gareth", "Rose", "Hope", "Will", "Nigel", "Bethan", "Alfie", "Dawn", "Mark",
                 "Imogen", "Rhys", "Faith"],
                ["Whitworth", "Baker", "Cook", "Hill", "Pryce-Jones", "Ashdown", "Wood", "Carter", "Young", "Llewellyn",
                 "Fairclough", "Brown"], False, ["GB", "IE"], ["GB", "IE"]),
    "american": (["Tyler", "Brianna", "Hunter", "Grace", "Bill", "Summer", "DeShawn", "Kaylee", "Frank", "Joy",
                  "Marisol", "Chase"],
                 ["Kowalczyk", "Washington", "King", "Hernandez", "O'Brien", "Sullivan", "Rivers", "Blackwood",
                  "Castillo", "Fisher"], False, ["US", "CA"], ["US", "CA"]),
    "nigerian": (["Chidi", "Ngozi", "Oluwaseun", "Emeka", "Blessing", "Funmilayo", "Tunde", "Chiamaka", "Ifeanyi"],
                 ["Okafor", "Adeyemi", "Nwosu", "Balogun", "Okonkwo-Eze", "Abubakar", "Ogunleye"], False,
                 ["NG", "GH"], ["NG", "GH"]),
    "indian": (["Priya", "Arjun", "Lakshmi", "Venkatesh", "Ananya", "Rohit", "Sunita", "Karthik", "Meenakshi"],
               ["Raman", "Iyer", "Chatterjee", "Deshpande", "Gill", "Reddy", "Banerjee", "Nair"], False,
               ["IN", "AE"], ["IN"]),
    "german": (["Jürgen", "Anke", "Lukas", "Heike", "Matthias", "Sabine", "Till", "Ursula"],
               ["Schröder", "Meyer-Lindholm", "Brandt", "Vogel", "Huber", "Zimmermann", "Koch"], False,
               ["DE", "AT", "CH"], ["DE", "AT", "CH"]),
    "french": (["Amélie", "Thibault", "Solène", "Yannick", "Margaux", "Jean-Luc", "Océane"],
               ["Delacroix-Brun", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau"], False,
               ["FR", "BE"], ["FR", "BE"]),
    "pinyin": (["Xiuying", "Wei", "Jianguo", "Meiling", "Haoran", "Yating"],
               ["Wang", "Zhang", "Chen", "Liu", "Huang", "Lim", "Tan"], True, ["SG", "HK", "MY"], ["SG", "MY", "TW"]),
    "vietnamese": (["Van An", "Thi Lan", "Minh Tuan", "Thi Hoa", "Quoc Bao"],
                   ["Nguyen", "Tran", "Le", "Pham", "Vo"], True, ["VN"], ["VN"]),
    "hispanic": (["María José", "Alejandro", "Guadalupe", "Itzel", "Rodrigo", "Ximena", "Jesús"],
                 ["García Márquez", "Hernández", "Zapata", "Villanueva", "Ortiz", "Echeverría"], False,
                 ["MX", "ES", "AR", "CO"], ["MX", "ES", "AR", "CO"]),
    "arabic": (["Fatima", "Omar", "Layla", "Yusuf", "Noor", "Khalid", "Mariam"],
               ["Al-Mansouri", "Haddad", "El-Sayed", "Nasser", "Qureshi", "bin Rashid"], False,
               ["AE", "SA", "EG", "JO"], ["AE", "SA", "EG", "JO"]),
    "japanese": (["Haruto", "Yui", "Sakura", "Kenji", "Aiko", "Takeshi"],
                 ["Tanaka", "Watanabe", "Kobayashi", "Yamamoto", "Fujita"], True, ["JP"], ["JP"]),
    "korean": (["Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Eun-ji"],
               ["Kim", "Park", "Choi", "Jeong", "Kang"], True, ["KR"], ["KR"]),
    "australian": (["Bronwyn", "Lachlan", "Kylie", "Jarrah", "Shane", "Matilda"],
                   ["McAllister", "Fitzgerald", "Nguyen-Walsh", "Dawson", "Pearce"], False, ["AU", "NZ"], ["AU", "NZ"]),
    "filipino": (["Maricel", "Jose Rizal", "Rowena", "Bong", "Jerome", "Liezl"],
                 ["Dela Cruz", "Santos", "Bautista", "Macaraeg", "Villareal"], False, ["PH"], ["PH"]),
    "polish": (["Agnieszka", "Paweł", "Małgorzata", "Krzysztof", "Zofia"],
               ["Wiśniewska", "Nowak", "Kowalski", "Zielińska", "Wójcik"], False, ["PL"], ["PL"]),
    "kenyan": (["Wanjiru", "Otieno", "Akinyi", "Kipchoge", "Njeri"],
               ["Kamau", "Odhiambo", "Mutua", "Chebet", "Wafula"], False, ["KE", "UG", "TZ"], ["KE", "UG", "TZ"]),
    "brazilian": (["João Pedro", "Luana", "Thiago", "Beatriz", "Caio"],
                  ["da Silva", "Oliveira", "Souza Lima", "Carvalho", "Pereira"], False, ["BR", "PT"], ["BR", "PT"]),
    "dutch": (["Sanne", "Joost", "Femke", "Bram", "Marieke"],
              ["van der Berg", "de Vries", "Bakker", "Jansen", "Visser"], False, ["NL", "BE"], ["NL"]),
    "turkish": (["Elif", "Mehmet", "Zeynep", "Emre", "Ayşe"],
                ["Yılmaz", "Demir", "Şahin", "Çelik", "Aydın"], False, ["TR"], ["TR"]),
    "russian": (["Svetlana", "Dmitri", "Olga", "Sergei", "Natasha"],
                ["Ivanova", "Petrov", "Sokolov", "Volkova", "Kuznetsov"], False, ["RU", "UA"], ["RU", "UA"]),
}

MIDDLE = ["Anne", "James", "Louise", "Kwame", "Marie", "Edward", "Rose", "Lee"]
NICKS = ["Bobby", "Lizzie", "Macca", "Tommo", "Big Ray", "Nana Jo", "Sunny", "Dee", "Pops", "Mo", "Chuck", "Bea"]

STREET_WORDS = ["Wellington", "Maple", "Station", "Mill", "Church", "Victoria", "Cedar", "Harbour", "Orchard",
                "Kingfisher", "Jubilee", "Primrose", "Bank", "Canal", "Willow", "Chapel", "Laurel", "Ferry"]
GB_TYPES = ["Road", "Street", "Lane", "Close", "Crescent", "Gardens", "Terrace", "Avenue", "Mews"]
US_TYPES = ["St", "Ave", "Blvd", "Dr", "Ct", "Pkwy", "Rd"]
DE_WORDS = ["Linden", "Goethe", "Bahnhof", "Kirch", "Rosen", "Schiller", "Berg", "Mühlen"]
FR_WORDS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la Paix", "impasse des Tilleuls",
            "chemin du Moulin"]
ES_WORDS = ["Calle Mayor", "Avenida Insurgentes", "Calle de Alcalá", "Calle Hidalgo", "Paseo de la Reforma"]
PT_WORDS = ["Rua das Flores", "Avenida Paulista", "Rua Augusta", "Travessa do Carmo"]
NL_WORDS = ["Keizersgracht", "Dorpsstraat", "Kerkweg", "Molenlaan", "Prinsengracht"]
PL_WORDS = ["ul. Kwiatowa", "ul. Długa", "al. Jerozolimskie", "ul. Ogrodowa"]
JP_WORDS = ["Higashi-Nakano", "Nishi-Shinjuku", "Minami-Aoyama", "Kita-Senju"]

# small places of my own invention (LOCATION); lower ones appear as typed
INVENTED_TOWNS = {
    "GB": ["Little Hadley", "Nether Bramwell", "Cwmgarth", "Stowe-on-Brent"],
    "US": ["Pine Hollow", "Cedar Bluff", "New Canaanville", "Fort Ellery"],
    "NG": ["Okpanam-Ise", "Ibusa North", "Ikere-Oke"],
    "IN": ["Kottayur", "Ramanpet", "Chikkagudi"],
    "AU": ["Wattle Creek", "Mulgarra", "Bindoon Flats"],
    "KE": ["Kiambaa", "Ol Kalou West"],
}

DRUGS = ["metformin", "Lipitor", "levothyroxine", "warfarin", "Keppra", "sertraline", "methotrexate", "Humira",
         "insulin glargine", "amlodipine", "donepezil", "Sinemet", "prednisolone", "Eliquis", "co-codamol",
         "Ozempic", "lithium", "Plaquenil", "ramipril", "Lasix"]
CONDS = ["Parkinson's disease", "Hashimoto's thyroiditis", "Crohn's disease", "multiple sclerosis", "type 2 diabetes",
         "atrial fibrillation", "COPD", "rheumatoid arthritis", "lupus", "Graves' disease", "Alzheimer's disease",
         "heart failure", "ulcerative colitis", "epilepsy", "Addison's disease", "sickle cell disease"]
EPONYMS = ["Parkinson's", "Hashimoto", "Huntington's", "Addison's", "Cushing's", "Sjogren's", "Raynaud's",
           "Guillain-Barre", "Alzheimer's", "Crohn's", "Meniere's", "Kawasaki", "Wilson's", "Paget's"]

ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "郭", "欧阳", "司马", "诸葛",
               "上官", "林", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯"]
ZH_GIVEN = ["秀英", "建国", "桂兰", "志强", "丽", "伟", "淑芬", "海燕", "子涵", "浩然", "雨桐", "国庆", "玉梅", "明", "晓东",
            "春花", "文博", "佳怡", "德胜", "凤兰", "一鸣", "静", "立新", "思远"]
ZH_CITIES = ["杭州市", "成都市", "南京市", "武汉市", "长沙市", "青岛市", "苏州市", "昆明市", "厦门市", "合肥市", "西安市",
             "沈阳市"]
ZH_DISTRICTS = ["余杭区", "海淀区", "武侯区", "鼓楼区", "江汉区", "岳麓区", "崂山区", "姑苏区", "思明区", "雁塔区",
                "浦东新区", "南山区", "天河区", "朝阳区"]
ZH_COUNTIES = ["昆山市", "义乌市", "桐乡市", "德清县", "平阳县", "宁乡县", "郫县", "安吉县", "晋江市"]
ZH_TOWNS = ["周庄镇", "乌镇", "西塘镇", "石桥村", "柳树屯", "下沙街道", "大王庄村", "青石镇"]
ZH_ROADS = ["文三路", "建国路", "人民路", "解放大道", "中山北路", "长江西路", "幸福里", "和平街", "东风路", "学院路"]
ZH_ESTATES = ["阳光花园", "幸福小区", "翠苑一区", "金色家园", "滨江花城"]
ZH_DRUGS = ["二甲双胍", "阿司匹林", "左甲状腺素钠片", "氨氯地平", "多奈哌齐", "美多芭", "华法林", "阿托伐他汀", "胰岛素",
            "甲氨蝶呤", "泼尼松", "硝苯地平"]
ZH_CONDS = ["帕金森病", "桥本甲状腺炎", "阿尔茨海默病", "2型糖尿病", "高血压", "类风湿关节炎", "克罗恩病", "系统性红斑狼疮",
            "慢阻肺", "房颤", "甲亢", "痛风"]
ZH_PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "xu", "sun"]
