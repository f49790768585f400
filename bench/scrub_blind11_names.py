"""Hand-written word pools of the blind11 split: names of many cultures, neighbourhoods, street words,
Chinese places written by hand, and the medical words that must survive beside identifiers."""
from __future__ import annotations

_ANGLO_F = ("Margaret", "Dorothy", "Kevin", "Tyler", "Brianna", "Dwayne", "Jolene", "Gary", "Shannon", "Trevor",
            "Marjorie", "Bev", "Kayleigh", "Darren", "Wendy", "Clive", "Tammy", "Rhys", "Gwen", "Dylan")
_ANGLO_S = ("Pritchard", "Hollis", "Whitcombe", "Baxter", "Fenwick", "Thistlethwaite", "Oakley", "Brennan",
            "Cartwright", "Lomax", "Pemberton", "Jones-Parry", "Higgins", "Ashworth", "Dunmore", "Kettle")
_SCOT_IRISH_F = ("Eilidh", "Hamish", "Callum", "Morag", "Siobhan", "Aoife", "Niamh", "Pádraig", "Oisín", "Caoimhe",
                 "Ruairí", "Sinéad", "Fionnuala", "Seán", "Ailsa", "Lachlan")
_SCOT_IRISH_S = ("MacLeod", "O'Sullivan", "Ní Bhriain", "Mac an tSaoir", "Ó Súilleabháin", "McAllister",
                 "Fitzgerald", "MacKinnon", "O'Driscoll", "Kavanagh", "Drummond", "Nic Giolla Phádraig")
_MAORI_PAC_F = ("Aroha", "Wiremu", "Mere", "Tamati", "Losana", "Sione", "Ngaio", "Rawiri", "Kahurangi", "Tevita")
_MAORI_PAC_S = ("Te Whata", "Ngata", "Tuilagi", "Parata", "Fonoti", "Te Rangi", "Horomona", "Vaifale")
_AFR_F = ("Thandiwe", "Sipho", "Nomvula", "Bongani", "Lerato", "Johannes", "Marietjie", "Pieter", "Zanele",
          "Lwazi", "Annelize", "Thabo", "Ayanda", "Riaan")
_AFR_S = ("van der Merwe", "Nkosi", "Dlamini", "Botha", "Mokoena", "du Plessis", "Khumalo", "le Roux",
          "Ndlovu", "Janse van Rensburg", "Sithole", "Pretorius", "Mahlangu")
_KE_F = ("Wanjiru", "Otieno", "Akinyi", "Kipchoge", "Njeri", "Mwangi", "Chebet", "Omondi", "Wairimu", "Kiprono",
         "Atieno", "Baraka", "Nafula")
_KE_S = ("Kamau", "Ochieng", "Mutua", "Wekesa", "Njoroge", "Cheruiyot", "Odhiambo", "Kariuki", "Wafula",
         "Nyaga", "Koech", "Achieng")
_NG_F = ("Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Adaeze", "Tunde", "Funmilayo", "Ikechukwu", "Zainab",
         "Babajide", "Yetunde")
_NG_S = ("Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Olawale", "Abubakar", "Okonkwo", "Adebayo-Cole")
_IN_F = ("Priya", "Rajesh", "Lakshmi", "Arjun", "Sunita", "Venkatesh", "Deepa", "Harpreet", "Mohammed",
         "Anjali", "Sreeja", "Kiran")
_IN_S = ("Subramanian", "Iyer", "Chatterjee", "Gill", "Reddy", "Nair", "Qureshi", "Deshpande", "Banerjee",
         "Venkataraman", "D'Souza")
_PH_F = ("Maricel", "Jun-Jun", "Rowena", "Bongbong", "Marites", "Jericho", "Lorna", "Dindo", "Ma. Cristina")
_PH_S = ("dela Cruz", "Santos", "Bautista", "Macaraeg", "Villanueva", "Dimaculangan", "Pangilinan", "Reyes")
_HISP_F = ("José Luis", "Guadalupe", "Yesenia", "Alejandro", "María José", "Itzel", "Rigoberto", "Xóchitl",
           "Brayan", "Luz")
_HISP_S = ("García Méndez", "de la Cruz", "Hernández", "Zúñiga", "Ibarra", "Castañeda", "Rodríguez López",
           "Villaseñor", "Ortega y Gasset")
_SG_F = ("Wei Ling", "Siti Nurhaliza", "Muthu", "Jun Jie", "Aisyah", "Kok Wah", "Priyanka", "Hui Min", "Farhan")
_SG_S = ("Tan", "Lim", "binte Ismail", "Ramasamy", "Ong", "Goh", "bin Abdullah", "Teo", "Pillai")
_CA_F = ("Geneviève", "Marc-André", "Chantal", "Étienne", "Brayden", "Mélanie", "Kateri", "Jean-François",
         "Harjit", "Nadia")
_CA_S = ("Tremblay", "Gagnon", "Bouchard", "Côté", "Nakamura", "Desjardins", "Okafor", "St-Pierre",
         "Poitras", "Kowalczyk")
_US_F = ("DeShawn", "Kaitlyn", "Marisol", "Bubba", "Tiffani", "Jaxon", "LaToya", "Nguyen", "Dolores",
         "Hank", "Ekaterina", "Hoang", "Mei")
_US_S = ("Washington", "Kowalski", "Nguyen", "Schmidt-Rivera", "Abernathy", "Yazzie", "Begay", "Tran",
         "Goldberg", "Ramirez", "McCoy", "Petrosyan", "Haddad")

NAMES = {
    "uk": (_ANGLO_F + _SCOT_IRISH_F + _IN_F[:5] + _NG_F[:4], _ANGLO_S + _SCOT_IRISH_S + _IN_S[:5] + _NG_S[:4]),
    "ie": (_SCOT_IRISH_F + _ANGLO_F[:6] + _NG_F[:3], _SCOT_IRISH_S + _ANGLO_S[:5] + _NG_S[:3]),
    "nz": (_MAORI_PAC_F + _ANGLO_F[:8], _MAORI_PAC_S + _ANGLO_S[:8]),
    "au": (_ANGLO_F + _MAORI_PAC_F[:4] + _HISP_F[:2] + _SG_F[:3], _ANGLO_S + _MAORI_PAC_S[:3] + _SG_S[:4]),
    "us": (_US_F + _ANGLO_F[:8] + _HISP_F[:4], _US_S + _ANGLO_S[:6] + _HISP_S[:4]),
    "ca": (_CA_F + _ANGLO_F[:6] + _IN_F[7:10], _CA_S + _ANGLO_S[:6] + _IN_S[2:5]),
    "za": (_AFR_F + _IN_F[:3], _AFR_S + _IN_S[:3]),
    "ke": (_KE_F, _KE_S),
    "sg": (_SG_F, _SG_S),
    "ph": (_PH_F, _PH_S),
    "in": (_IN_F, _IN_S),
    "mx": (_HISP_F, _HISP_S),
    "ng": (_NG_F, _NG_S),
}

NEIGHBOURHOODS = {
    "uk": ("Partick", "Leith", "Morningside", "Gorbals", "Splott", "Toxteth", "Headingley", "Bearsden"),
    "ie": ("Ballyfermot", "Drumcondra", "Knocknaheeny", "Rathmines", "Salthill"),
    "nz": ("Otara", "Ponsonby", "Porirua", "Mangere", "Aro Valley"),
    "au": ("Fitzroy", "Cabramatta", "Fortitude Valley", "Mount Druitt", "Glenelg"),
    "za": ("Soweto", "Khayelitsha", "Umlazi", "Sunnyside", "Mitchells Plain", "Tembisa"),
    "ke": ("Kibera", "Eastleigh", "Kilimani", "Githurai", "Kawangware", "Nyali"),
    "sg": ("Tampines", "Jurong West", "Toa Payoh", "Ang Mo Kio", "Bedok", "Yishun", "Sengkang", "Bukit Batok",
           "Clementi", "Hougang", "Pasir Ris", "Serangoon", "Queenstown", "Woodlands"),
    "ph": ("Tondo", "Sampaloc", "Bagong Silangan", "Payatas"),
    "in": ("Koramangala", "Dharavi", "Salt Lake", "Jayanagar", "Lajpat Nagar"),
    "mx": ("Iztapalapa", "Tepito", "Coyoacán", "Tlaquepaque"),
    "ng": ("Surulere", "Ikeja", "Ajegunle", "Wuse", "Garki"),
    "us": ("Bed-Stuy", "Little Haiti", "Boyle Heights", "Southie", "the Tenderloin"),
    "ca": ("Plateau-Mont-Royal", "Scarborough", "Hochelaga", "Kitsilano"),
}

STREET_WORDS = ("Maple", "Kelvinhaugh", "Jacaranda", "Banksia", "Kowhai", "Ngong", "Hidalgo", "Sampaguita",
                "Gréine", "Adeola Odeku", "Wattle", "Mill", "Saint-Denis", "Tampines", "Ridgeway", "Ash Grove",
                "Harbour View", "Juárez", "Umhlanga", "Orchard", "Pinewood", "Raglan", "Kenyatta", "Sai Krupa",
                "Old Quarry", "Nelson Mandela", "Moi", "Laurier", "Windmill Hill", "Rizal", "Gandhi")

CN_SURNAMES = {
    "cn": ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
           "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭", "曾", "田", "欧阳", "司马", "诸葛",
           "上官", "慕容", "皇甫", "东方", "令狐", "钟离", "艾", "覃", "龚", "靳", "牛", "蒲"),
    "tw": ("陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭", "邱", "曾",
           "廖", "賴", "徐", "歐陽", "張簡", "范姜"),
    "hk": ("陳", "李", "張", "黃", "何", "梁", "林", "吳", "鄧", "馮", "麥", "鍾", "區", "歐陽", "司徒", "關"),
}
CN_GIVEN = {
    "cn": ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
           "明", "超", "霞", "平", "刚", "桂英", "建国", "淑珍", "子涵", "浩然", "梓萱", "一诺", "春", "兰", "德",
           "秋", "红", "玉", "宇", "欣", "志", "海", "凤", "翠"),
    "tw": ("志明", "淑芬", "雅婷", "怡君", "冠宇", "家豪", "美玲", "俊傑", "宜蓁", "承恩", "麗", "惠", "偉"),
    "hk": ("大文", "嘉欣", "志強", "詠詩", "家樂", "美儀", "國輝", "寶珠", "少芬", "子朗", "偉", "玲"),
}
ZH_PROVINCES = ("河南省", "四川省", "山东省", "湖北省", "广东省", "浙江省", "江西省", "黑龙江省", "广西壮族自治区", "")
ZH_CITIES = {
    "cn": ("郑州市", "成都", "杭州市", "洛阳", "赣州市", "绵阳市", "潍坊", "遵义市", "周口", "南充市", "宜昌",
           "柳州市", "齐齐哈尔市", "佛山", "临沂市", "信阳", "襄阳市", "自贡"),
    "tw": ("臺北市", "台中市", "高雄市", "新竹市", "嘉義市", "花蓮縣", "台南", "桃園市", "屏東縣"),
    "hk": ("九龍", "新界"),
}
ZH_DISTRICTS = {
    "cn": ("金水区", "武侯区", "西湖区", "天河区", "海淀区", "朝阳区", "江岸区", "雁塔区", "鼓楼区", "南岗区",
           "龙华区", "二七区", "青羊区", "越秀区", "浦东新区", "渝北区", "章贡区", "涪城区"),
    "tw": ("大安區", "板橋區", "北屯區", "三民區", "東區", "新莊區", "中壢區", "前鎮區"),
    "hk": ("觀塘", "沙田", "深水埗", "元朗", "將軍澳", "荃灣", "灣仔", "屯門", "黃大仙", "北角"),
}
ZH_COUNTIES = ("临朐县", "固始县", "仁寿县", "沛县", "巨野县", "郸城县", "会理县", "宁都县", "镇雄县", "岳西县")
ZH_TOWNS = ("柳林镇", "石桥镇", "大营镇", "三河镇", "马桥镇", "龙泉镇", "城关镇", "黄土岗乡", "新集乡")
ZH_VILLAGES = ("王家庄村", "李家沟村", "小河村", "东风村", "后营村", "杨树湾村", "石头坝", "刘庄", "高家寨")
ZH_ROADS = {
    "cn": ("建设路", "人民路", "解放大道", "文化路", "花园路", "中山北路", "科华南路", "友谊街", "长江路"),
    "tw": ("忠孝東路", "中山路", "民生西路", "復興南路", "文心路"),
    "hk": ("彌敦道", "英皇道", "青山公路", "沙田正街", "觀塘道"),
}

EN_DRUGS = ("metformin", "amlodipine", "Ozempic", "levothyroxine", "warfarin", "Eliquis", "sertraline",
            "salbutamol", "Ventolin", "co-codamol", "atorvastatin", "Clexane", "methotrexate", "Letrozole",
            "gabapentin", "Sinemet", "lansoprazole", "Nurofen", "insulin glargine", "Epipen", "Panadol",
            "Ritalin", "prednisolone", "Lasix")
EPONYMS = ("Parkinson's disease", "Crohn's disease", "Hashimoto's thyroiditis", "Alzheimer's", "Addison's disease",
           "Bell's palsy", "Tourette syndrome", "Down syndrome", "Graves' disease", "Ménière's disease",
           "Sjögren's syndrome", "Guillain-Barré syndrome", "Raynaud's", "Huntington's disease", "Paget's disease",
           "Asperger's", "Cushing's syndrome", "Hodgkin lymphoma")
ZH_DRUGS = ("阿莫西林", "布洛芬", "二甲双胍", "硝苯地平控释片", "连花清瘟胶囊", "藿香正气水", "六味地黄丸",
            "阿司匹林肠溶片", "氨氯地平", "胰岛素", "速效救心丸", "奥美拉唑", "蒙脱石散", "头孢克肟", "苯磺酸氨氯地平片",
            "安宫牛黄丸", "左甲状腺素钠片", "二甲雙胍", "必理痛", "脑心通胶囊")
