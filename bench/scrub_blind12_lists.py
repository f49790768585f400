"""Plain data for the blind12 split's values (bench/scrub_blind12_values.py): countries and regions, name
pools by culture, street names by country, email domains, Chinese names/places/roads/area codes, the
medical words that sit beside the planted values, and the marker pattern that rules out Chinese carriers."""
import re

STAR = ["GB", "US", "NZ", "ZA", "KE", "GH", "TT", "MT", "CY", "HK", "SG", "PH", "FJ", "WS", "TO", "MY", "PK",
        "IE", "AU", "CA", "NG", "JM", "IN", "BD", "LK", "AE", "DE", "NL", "FR", "ES", "BR", "MX", "PL", "JP", "KR"]
ZH_REGIONS = ["CN"] * 7 + ["HK", "MO", "TW", "SG", "MY"]

# culture -> name group
GROUP = {"GB": "anglo", "US": "us", "NZ": "pacific", "ZA": "african", "KE": "african", "GH": "african",
         "TT": "jamaican", "MT": "maltese", "CY": "cypriot", "HK": "hk", "SG": "hk", "PH": "filipino",
         "FJ": "pacific", "WS": "pacific", "TO": "pacific", "MY": "malay", "PK": "arabic", "IE": "irish",
         "AU": "anglo", "CA": "quebec", "NG": "naija", "JM": "jamaican", "IN": "indian", "BD": "arabic",
         "LK": "indian", "AE": "arabic", "DE": "dutch", "NL": "dutch", "FR": "quebec", "ES": "hispanic",
         "BR": "hispanic", "MX": "hispanic", "PL": "dutch", "JP": "hk", "KR": "hk"}
NAMES = {
    "anglo": ("Gareth Siân Rhiannon Dylan Bethan Ieuan Megan Tom Olwen Kerry-Anne Dafydd Zoë",
              "ap Rhys|Pritchard|Llewellyn|Hughes|Vaughan-Jones|Price|O'Brien|Whitworth|Ashby|Okonkwo-Smith"),
    "us": ("Darnell Tammy Cody Lashonda Ray Bobbie Jo Dwayne Krystal Earl Maribel Travis",
           "Washington|Kowalski|McAllister|Nguyen|Delgado|Jefferson|Oyelaran|Birdsong|LaRue|Hendricks"),
    "pacific": ("Sione Mele Losana Tevita Aroha Wiremu Salote Epeli Ana Vailea Tama Moana",
                "Tupou|Fifita|Vunipola|Ngata|Tuilagi|Ratuva|Faleolo|Te Whata|Havili|Qarase"),
    "african": ("Thandiwe Sipho Wanjiru Kofi Ama Otieno Nomvula Kwabena Akosua Themba Njeri Yaw",
                "Dlamini|Mensah|Kamau|Nkosi|Asante|Owusu|Odhiambo|van Wyk|Boateng|Mwangi"),
    "jamaican": ("Delroy Shanique Winston Marcia Kemar Tashana Devon Yvette Ricardo Sharlene Leroy Janelle",
                 "Campbell|Brown|McKenzie|Grant|Samuels|Thompson-Reid|Wray|Ffrench|Blackwood|Lindo"),
    "maltese": ("Carmel Joseph Marija Ġorġ Rita Pawlu Doris Saviour Antoinette Ċensu Mary Anne Godwin",
                "Borg|Camilleri|Vella|Farrugia|Zammit|Grech|Micallef|Attard|Xuereb|Mifsud"),
    "cypriot": ("Andreas Eleni Panayiotis Maria Kyriakos Despina Christos Androulla Savvas Loukia Nicos Georgia",
                "Christodoulou|Georgiou|Charalambous|Ioannou|Constantinou|Hadjipetrou|Kyprianou|Papadopoulos"),
    "hk": ("Kelvin Ka-ho|Winnie Wing-sze|Tai Man|Mei Ling|Chun-kit|Siu Fung|Hiroshi|Ji-woo|Ah Hock|Bee Leng",
           "Chan|Wong|Leung|Cheung|Lau|Tan|Lim|Ng|Sato|Park"),
    "filipino": ("Ma. Cristina|Jun-Jun|Rodrigo|Marites|Joel|Analyn|Bong|Liezl|Ferdinand|Jocelyn",
                 "dela Cruz|Santos|Reyes|Bautista|Mercado|Villanueva|de los Santos|Macapagal"),
    "malay": ("Nurul Aisyah|Ahmad Faizal|Siti|Mohd Hafiz|Farah|Azlan|Zulkifli|Norhayati",
              "bin Ismail|binti Yusof|bin Abdullah|binti Hassan|anak Jugah|a/l Subramaniam"),
    "arabic": ("Fatima|Imran|Ayesha|Tariq|Rukhsana|Abdul Rahman|Nasreen|Bilal|Mariam|Hamza",
               "Al-Mansouri|Qureshi|Chaudhry|Rahman|el-Amin|Siddiqui|Hossain|bin Rashid"),
    "irish": ("Siobhán Pádraig Aoife Cathal Niamh Seán Gráinne Eoin Clodagh Donncha Órla Tadhg",
              "Ó Súilleabháin|Ní Bhriain|O'Connell|Mac Giolla Phádraig|Fitzgerald|Ó Murchú|Kavanagh|de Búrca"),
    "quebec": ("Marie-Ève|Jean-François|Gilles|Chantal|Mathieu|Geneviève|Luc|Josée|Étienne|Sylvie",
               "Tremblay|Gagnon|Bélanger|Côté|Lévesque|Bouchard|St-Pierre|Morin|Gauthier|Pelletier"),
    "naija": ("Chukwuemeka Adaeze Tunde Funmilayo Ngozi Babajide Chiamaka Emeka Yetunde Aisha Ifeanyi Bisola",
              "Okafor|Bakare|Adeyemi|Nwosu|Eze|Ogunleye|Abubakar|Okonjo|Olawale|Uche"),
    "indian": ("Venkata Subramanyam|Priya|Ramesh|Lakshmi|Suresh|Anjali|Harpreet|Gurdeep|Deepa|Srinivas",
               "Raghunathan|Iyer|Reddy|Sharma|Nair|Kaur|Chatterjee|Deshpande|Pillai|Venkataraman"),
    "dutch": ("Jan|Anouk|Dieter|Hannelore|Pieter|Małgorzata|Wojciech|Sanne|Jürgen|Femke",
              "van der Berg|de Vries|Müller|Schröder|van Dijk|Nowak|Wiśniewska|ter Horst|von Essen"),
    "hispanic": ("José Luis|María José|Guadalupe|Iñaki|Conceição|João Pedro|Ximena|Rocío|Joaquín|Lupita",
                 "de la Cruz|García Márquez|dos Santos|Hernández|Nuñez de Arco|Oliveira|Peña|Villaseñor"),
}
NICK = ["Big Mike", "Lulu", "Boo", "Tiny", "Junior", "Sweetie", "Chief", "Bubbles"]
CITY_EXCLUDE = {"Washington", "Georgia", "Victoria", "Delhi", "Jersey", "Ontario", "Quebec", "Goa", "Lagos State",
                "Punjab", "Andorra", "Singapore", "Hong Kong", "Macau", "Kuwait", "Mexico", "Luxembourg",
                "Monaco", "Djibouti", "Panama", "Guatemala", "Tasmania", "Queensland", "Alberta", "Manitoba",
                "Kerala", "Assam", "Bihar", "Sikkim", "Kano", "Ogun", "Oyo", "Lagos"}
STREETS = {
    "US": ["Larkspur", "Magnolia", "Cedar Hollow", "Martin Luther King Jr", "Old Post"],
    "GB": ["Heol y Nant", "Ffordd Penrhos", "Hollins", "Brunswick", "Station"],
    "IE": ["Bóthar na Trá", "Ard na Gréine", "Main", "Church"], "CA": ["Saint-Denis", "Sherbrooke", "Maple", "Wellington"],
    "IN": ["Sai Krupa", "Gandhi", "Shanti Vihar", "Lakshmi"], "HK": ["Lok Shan", "Shek Kip Mei", "Tai Po"],
    "SG": ["Ang Mo Kio", "Bedok North", "Jurong West"], "MT": ["il-Kbira", "San Pawl", "tal-Ħamrun"],
    "NG": ["Adeola Odeku", "Okigwe", "Awolowo", "Herbert Macaulay"], "JM": ["Red Hills", "Hope", "Constant Spring"],
    "AU": ["Wattle", "Banksia", "Jacaranda"], "NZ": ["Kowhai", "Rimu", "Pohutukawa"], "DE": ["Linden", "Bahnhof"],
    "FR": ["Lilas", "Tilleuls"], "ES": ["Mayor", "del Sol"], "BR": ["das Flores", "Augusta"], "PL": ["Długa", "Kwiatowa"],
    "PH": ["Mabini", "Rizal", "Bonifacio"], "ZA": ["Jan Smuts", "Voortrekker"], "KE": ["Ngong", "Moi"],
    "GH": ["Kwame Nkrumah", "Oxford"], "CY": ["Makariou III", "Stasinou"],
}
SUFFIX = ["Street", "St", "Rd", "Road", "Ave", "Lane", "Ln", "Crescent", "Close", "Drive", "Blvd", "Way"]
MONTHS = "January February March April May June July August September October November December".split()
DOMAINS = ["gmail.com", "yahoo.co.uk", "outlook.com", "btinternet.com", "hotmail.co.za", "icloud.com", "rogers.ca",
           "eircom.net", "bigpond.com", "yahoo.co.in", "xtra.co.nz", "mail.com", "proton.me", "go.com.mt"]
ZH_SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
ZH_SUR2 = ["欧阳", "司马", "诸葛", "上官", "慕容", "皇甫", "令狐", "东方", "尉迟", "司徒"]
ZH_GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晨宇浩然梓涵欣怡子轩雨桐建国淑珍")
ZH_XIAO = ["小宝", "豆豆", "乐乐", "阿强", "囡囡", "小雨", "糖糖", "阿珍", "二妹", "果果", "仔仔", "阿明"]
ZH_PLACES = ["海淀区", "天河区", "龙华区", "武侯区", "江北区", "番禺区", "余杭区", "长兴县", "宁乡县", "昆山市",
             "佛山市", "绵阳市", "周庄镇", "石岩街道", "城关镇", "王家村", "下沙村", "黄岩区", "鼓楼区", "思明区",
             "莆田市", "德清县", "沙田", "观塘", "旺角", "屯门", "氹仔", "巴西班让", "义顺", "大埔", "梅溪镇",
             "柯桥区", "浦东新区", "南岸区", "雁塔区", "二道区", "李家庄村", "清溪镇", "安吉县", "新会区"]
ZH_ROADS = ["建设路", "人民南路", "解放大道", "中山二路", "学府街", "幸福里", "滨江路", "工农街", "育才路", "长安街", "弥敦道", "青山公路"]
ZH_XQ = ["阳光花园", "锦绣家园", "翠湖苑", "金色港湾", "和谐小区", "东风新村"]
ZH_AREA = ["110105", "440106", "310115", "510107", "330106", "420106", "350203", "610113", "320583", "441900"]
ZH_CN_NUM = "〇一二三四五六七八九"
EN_DRUGS = ["metformin", "Lipitor", "levothyroxine", "insulin glargine", "Eliquis", "gabapentin", "amlodipine",
            "prednisolone", "co-codamol", "Ventolin", "cetirizine", "zopiclone", "melatonin", "warfarin"]
EN_EPO = ["Parkinson's disease", "Hashimoto's thyroiditis", "Crohn's disease", "Bell's palsy", "Addison's disease",
          "Graves' disease", "Sjögren's syndrome", "Raynaud's phenomenon", "Charcot foot", "Osgood-Schlatter disease",
          "Ménière's disease", "Guillain-Barré syndrome", "Paget's disease", "Hodgkin lymphoma"]
ZH_DRUG = ["二甲双胍", "阿托伐他汀", "布洛芬", "连花清瘟胶囊", "氨氯地平", "黄连上清丸", "硝苯地平缓释片", "阿莫西林",
           "六味地黄丸", "青霉素"]
ZH_SYM = ["头晕", "咳嗽", "胸闷", "乏力", "恶心", "低烧", "腹泻", "心慌", "呕吐", "皮疹"]
ZH_DIS = ["高血压", "帕金森病", "桥本甲状腺炎", "2型糖尿病", "慢阻肺", "冠心病"]
ZH_MARKERS = re.compile(r"[省市县区镇村乡路街号院所姓某叫]|医生|大夫|主任|教授|老师|先生|女士|小姐|名字|公司|学校|单位|"
                        r"\d+月|[一二三四五六七八九十]+月|\d+日|\d{3,}|[A-Za-z@]")
