"""Name and word lists of the blind13 split (bench/scrub_blind13.py), written from the author's own
knowledge of how people in these places are named; never copied from another split."""

# culture: (given names, family names, nicknames, phone regions, geonames country, address shape)
CULTURES = {
    "british": (["Oliver", "Grace", "Harry", "Bethany", "Will", "Hope", "Callum", "Rhiannon", "Jack",
                 "Poppy", "Bill", "Rose", "Dylan", "Sian"],
                ["Parkinson", "Bell", "Graves", "Addison", "Whitworth", "Brown", "Moss", "Hughes",
                 "Ashworth", "Pemberton", "Wood", "King", "Bishop", "Dodd", "Lloyd-Evans"],
                ["Babs", "Ollie", "Gran", "Nana Jo", "Tez", "Bex"], ["GB"], "GB", "gb"),
    "irish": (["Siobhan", "Ciaran", "Aoife", "Padraig", "Niamh", "Eoin", "Grainne", "Cathal", "Orla"],
              ["O'Sullivan", "Mac Giolla", "Fitzgerald", "Kavanagh", "Ní Bhriain", "Doherty", "Lynch"],
              ["Shiv", "Paddy", "Ciar"], ["IE"], "IE", "ie"),
    "american": (["Tyler", "Brianna", "Hunter", "Destiny", "Cody", "Faith", "Jaylen", "Summer",
                  "Brooklyn", "Chase", "Joy", "Sterling"],
                 ["Washington", "Nguyen-Park", "Kowalczyk", "Rivera", "Young", "Baker", "Hunter",
                  "Jefferson", "Mills", "Cruz", "Hardy"],
                 ["Bubba", "Lulu", "Tee", "Bama"], ["US"], "US", "us"),
    "canadian": (["Émilie", "Marc-André", "Tanner", "Avery", "Geneviève", "Logan", "Mathieu"],
                 ["Tremblay", "Gagnon", "Bouchard", "MacNeil", "Desjardins", "Sinclair", "Côté"],
                 ["Mimi", "Frenchie", "Tan"], ["CA"], "CA", "ca"),
    "australian": (["Kylie", "Bronte", "Lachlan", "Shaz", "Jarrah", "Tahnee", "Brodie", "Mitchell"],
                   ["Fitzpatrick", "Nguyen", "Papadopoulos", "Sharp", "Hunt", "Mahoney", "Stone"],
                   ["Shazza", "Davo", "Mitch", "Robbo"], ["AU"], "AU", "au"),
    "kiwi": (["Aroha", "Tane", "Mereana", "Nikau", "Hemi", "Kiri", "Brooke", "Isla"],
             ["Ngata", "Te Whare", "Paewai", "Henare", "Campbell", "McKenzie", "Tipene"],
             ["Bro", "Kiz", "Mere"], ["NZ"], "NZ", "nz"),
    "southafrican": (["Thandiwe", "Sipho", "Bongani", "Lerato", "Pieter", "Anri", "Nomsa", "Kagiso"],
                     ["van der Merwe", "Dlamini", "Nkosi", "Botha", "Mokoena", "Pillay", "Khumalo"],
                     ["Thandi", "Bongi", "Piet"], ["ZA"], "ZA", "za"),
    "nigerian": (["Chinedu", "Ngozi", "Oluwaseun", "Blessing", "Emeka", "Funmilayo", "Godwin",
                  "Precious", "Ifeanyi", "Patience"],
                 ["Okafor", "Adeyemi", "Eze", "Balogun", "Nwachukwu", "Olaniyan", "Abubakar"],
                 ["Seun", "Funmi", "Chi-chi", "Emy"], ["NG"], "NG", "ng"),
    "ghanaian": (["Kwame", "Akosua", "Kofi", "Efua", "Yaw", "Abena", "Comfort", "Kwabena"],
                 ["Mensah", "Owusu", "Asante", "Boateng", "Appiah", "Quaye", "Ofori-Atta"],
                 ["Kobby", "Esi"], ["GH"], "GH", "gh"),
    "kenyan": (["Wanjiru", "Otieno", "Achieng", "Kipchoge", "Mumbua", "Baraka", "Njeri"],
               ["Kamau", "Odhiambo", "Mutua", "Cheruiyot", "Wambui", "Onyango", "Kiprono"],
               ["Shiko", "Kip", "Ciku"], ["KE"], "KE", "ke"),
    "indian": (["Priya", "Rahul", "Lakshmi", "Venkatesh", "Sunita", "Arjun", "Deepa", "Harpreet",
                "Sai", "Anjali"],
               ["Sharma", "Iyer", "Reddy", "Banerjee", "Gill", "Nair", "Kulkarni", "Chatterjee"],
               ["Pinky", "Bablu", "Chintu", "Guddu"], ["IN"], "IN", "in"),
    "pakistani": (["Ayesha", "Bilal", "Farhan", "Sana", "Usman", "Mehwish", "Zainab"],
                  ["Qureshi", "Malik", "Chaudhry", "Siddiqui", "Butt", "Awan", "Sheikh"],
                  ["Bilu", "Sunny", "Mani"], ["PK"], "PK", "pk"),
    "filipino": (["Maricel", "Jericho", "Rosalinda", "Bong", "Jhun", "Lovely", "Princess", "Ramon"],
                 ["dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Macaraeg", "Lim"],
                 ["Bebeng", "Tonton", "Inday", "Jun-jun"], ["PH"], "PH", "ph"),
    "singaporean": (["Wei Ling", "Jun Jie", "Siti", "Muthu", "Hui Min", "Darren", "Nur Aisyah"],
                    ["Tan", "Lim", "Goh", "Rahman", "Krishnan", "Ong", "Teo"],
                    ["Ah Boy", "Ah Girl", "Xiao Mei"], ["SG"], "SG", "sg"),
    "malaysian": (["Ahmad Faizal", "Nurul", "Mei Yee", "Ganesh", "Hafiz", "Siew Lan", "Aiman"],
                  ["bin Ismail", "binti Hassan", "Wong", "Subramaniam", "Yap", "Chong"],
                  ["Apai", "Adik", "Kak Long"], ["MY"], "MY", "my"),
    "jamaican": (["Delroy", "Shanique", "Kemar", "Tanesha", "Orville", "Mavis", "Ricardo"],
                 ["Campbell", "Brown", "Grant", "McFarlane", "Thompson", "Ellis", "Clarke"],
                 ["Dee", "Shani", "Roy"], ["JM"], "JM", "jm"),
    "mexican": (["Guadalupe", "José Luis", "Ximena", "Alejandro", "María Fernanda", "Jesús"],
                ["Hernández", "García López", "Ramírez", "Gutiérrez", "Flores", "de la Rosa"],
                ["Lupita", "Pepe", "Chuy", "Ale"], ["MX", "US"], "MX", "mx"),
    "polish": (["Agnieszka", "Łukasz", "Katarzyna", "Tomasz", "Małgorzata", "Piotr"],
               ["Nowak", "Wiśniewska", "Kowalski", "Zając", "Wójcik", "Lewandowski"],
               ["Kasia", "Gosia", "Tomek"], ["PL", "GB"], "PL", "pl"),
    "vietnamese": (["Thi Lan", "Van Minh", "Ngoc Anh", "Duc", "Thu Trang", "Quang"],
                   ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"],
                   ["Bé", "Tí", "Linh"], ["VN", "AU"], "VN", "vn"),
}
# cultures whose names are written family first by their bearers
FAMILY_FIRST = ("singaporean", "vietnamese", "malaysian")
MIDDLE = ["James", "Marie", "Elizabeth", "Adebayo", "Kumar", "Louise", "Anne", "Michael", "Jo"]

# small towns the author made up (and, for Singapore, estates the gazetteer lacks), by country
INVENTED_TOWNS = {
    "GB": ["Little Wexcombe", "Cray Ashton", "Hollinsby"], "IE": ["Ballycurran", "Kilmoragh"],
    "US": ["Pine Hollow", "West Tarrow", "Lake Orenda"], "CA": ["Saint-Aubin-des-Prés", "Maple Bend"],
    "AU": ["Wattle Creek", "Gundaroo Flats"], "NZ": ["Kaiwaka Heights", "Te Ruru"],
    "ZA": ["Kwa-Lindiwe", "Rietfontein Oos"], "NG": ["Ikeji-Oke", "Umuagwo"], "GH": ["Asankrangwa Nkwanta"],
    "KE": ["Kipsaina", "Ol Jororok Ndogo"], "IN": ["Chinnapalli", "Rampur Khurd"], "PK": ["Chak 45 Janubi"],
    "PH": ["San Isidro Labrador", "Bagong Silang"], "SG": ["Tampines", "Bukit Batok", "Woodlands"],
    "MY": ["Kampung Sungai Tiram", "Taman Seri Gombak"], "JM": ["Pear Tree Grove", "Mocho"],
    "MX": ["San Juan Tlacotenco", "Ejido La Joya"], "PL": ["Wólka Zdrojowa", "Nowe Brzeziny"],
    "VN": ["Phu Loc", "Tan Hiep"],
}
STREET_NAMES = ["Hollybush", "Station", "Mill", "Church", "Jacaranda", "Kowhai", "Banksia", "Adeola Odeku",
                "Sampaguita", "Mango", "Ridgeway", "Orchard", "Lakeview", "Quarry", "Cedar", "Awolowo",
                "Rizal", "Kenyatta", "Gandhi", "Willow", "Harbour", "Kingfisher", "Cherry Blossom"]
MX_STREETS = ["Benito Juárez", "Morelos", "Hidalgo", "de los Pinos", "Independencia"]
PL_STREETS = ["Mickiewicza", "Polna", "Słoneczna", "Kościuszki", "Lipowa"]
MY_STREETS = ["Jalan Mawar", "Jalan SS 2/24", "Jalan Kenanga", "Lorong Damai"]

EN_CONDITIONS = ["Parkinson's", "Parkinson's disease", "Hashimoto's", "Hashimoto thyroiditis", "Crohn's",
                 "Graves' disease", "Addison's disease", "Bell's palsy", "Raynaud's", "Sjogren's syndrome",
                 "Meniere's disease", "Alzheimer's", "Huntington's", "Hodgkin lymphoma", "Cushing's", "Tourette's",
                 "Down syndrome", "type 2 diabetes", "asthma", "COPD", "gout", "shingles", "psoriasis",
                 "endometriosis", "sciatica", "vertigo", "epilepsy", "lupus", "hypothyroidism",
                 "atrial fibrillation", "eczema", "migraine", "tonsillitis", "glandular fever", "dengue", "malaria",
                 "typhoid", "sickle cell", "PCOS", "Kawasaki disease", "Lyme disease"]
EN_DRUGS = ["metformin", "Lipitor", "warfarin", "Eliquis", "levothyroxine", "Ozempic", "sertraline", "amlodipine",
            "Ventolin", "salbutamol", "prednisolone", "Humira", "lisinopril", "gabapentin", "omeprazole", "Keppra",
            "insulin", "methotrexate", "co-codamol", "Panadol", "Augmentin", "Xarelto", "Synthroid", "Tegretol",
            "Madopar", "Sinemet", "carbimazole", "hydroxychloroquine"]

ZH_CONDITIONS = ["帕金森病", "桥本甲状腺炎", "阿尔茨海默病", "克罗恩病", "格雷夫斯病", "高血压", "糖尿病", "痛风",
                 "甲亢", "乙肝", "慢阻肺", "哮喘", "银屑病", "红斑狼疮", "带状疱疹", "抑郁症", "癫痫", "腰椎间盘突出",
                 "冠心病", "房颤", "类风湿关节炎", "甲状腺结节", "肾结石"]
ZH_DRUGS = ["二甲双胍", "阿司匹林", "氨氯地平", "优甲乐", "胰岛素", "布洛芬", "阿莫西林", "多巴丝肼", "华法林",
            "甲巯咪唑", "左甲状腺素钠"]
ZH_CONDITIONS_TRAD = ["柏金遜症", "糖尿病", "高血壓", "甲狀腺亢進", "痛風", "濕疹", "哮喘", "紅斑狼瘡",
                      "類風濕關節炎", "胃食道逆流", "橋本氏甲狀腺炎"]
ZH_DRUGS_TRAD = ["二甲雙胍", "普拿疼", "阿士匹靈", "胰島素", "華法林"]

ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
               "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐", "欧阳", "司马"]
ZH_GIVEN = ["秀英", "建国", "小梅", "志强", "丽娟", "子涵", "浩然", "桂兰", "德胜", "雨桐", "俊杰", "玉珍",
            "文", "静", "伟", "海燕", "明辉", "春花", "一诺", "国华"]
ZH_TRAD_SURNAMES = ["陳", "黃", "林", "張", "李", "吳", "劉", "蔡", "鄭", "謝", "梁", "何"]
ZH_TRAD_GIVEN = ["大文", "美玲", "志明", "淑芬", "家豪", "詠詩", "俊傑", "雅婷", "嘉欣", "建宏"]
ZH_PINYIN_SURNAMES = ["Chen", "Wong", "Lau", "Zhang", "Cheung", "Liu", "Huang", "Tsai"]

ZH_PLACES = ["海淀区", "朝阳区", "天河区", "顺德", "昆山", "义乌", "江阴", "萧山", "龙岗区", "武侯区", "鼓楼区",
             "城关镇", "石门村", "余杭", "宝安区", "番禺", "南海区", "东莞", "佛山", "温州", "绵阳", "洛阳",
             "襄阳", "赣州", "潍坊", "保定", "邯郸", "南阳", "六安", "驻马店", "成都", "武汉", "青浦区",
             "柳林镇", "大王庄村"]
HK_PLACES = ["沙田", "觀塘", "屯門", "將軍澳", "荃灣", "元朗", "旺角", "大埔", "柴灣"]
TW_PLACES = ["板橋區", "新竹", "台中", "高雄", "三重區", "中壢", "淡水", "永和區", "花蓮"]
ZH_ROADS = ["学院路", "人民路", "解放路", "中山路", "建设路", "幸福路", "文化路", "滨江路", "长江路", "新华街"]
HK_ROADS = ["彌敦道", "觀塘道", "青山公路", "沙田正街", "英皇道", "大埔道"]
TW_ROADS = ["文化路一段", "中正路", "民生東路三段", "復興北路", "中山北路二段"]
ZH_ID_LABELS = ["医保卡号：", "病历号", "住院号：", "就诊卡号", "门诊号：", "社保卡号"]
HK_ID_LABELS = ["身份證號碼", "醫管局病人編號"]
TW_ID_LABELS = ["身分證字號", "健保卡號", "病歷號碼："]
