"""Identifier values for the third blind PII split (bench/scrub_blind3.py), written by its author
from general knowledge only: names of many cultures, phones that libphonenumber accepts from 30+
regions, places below state level, national street shapes, IDs and dates in many shapes.
Everything is drawn from one random.Random in a fixed order (no Faker, no set iteration)."""
from __future__ import annotations

import random

import phonenumbers

# region: (phone region, name culture, places below state level, street shape, id shape, date shape)
NAMES = {
    "nordic": (["Sigrid", "Halvard", "Astrid", "Eirik", "Liv", "Torbjørn", "Ingrid", "Joakim", "Solveig", "Aksel"],
               ["Haugland", "Lindqvist", "Bergström", "Johansen", "Mäkinen", "Virtanen", "Solberg", "Åkesson", "Nyberg", "Dahl"]),
    "slavic": (["Dmitri", "Oksana", "Bogdan", "Zofia", "Yaroslav", "Milena", "Pavel", "Katarzyna", "Radek", "Svetlana"],
               ["Kowalczyk", "Petrenko", "Vasilyeva", "Novák", "Horvat", "Sokolov", "Wiśniewska", "Dvořák", "Bondarenko", "Kuznetsov"]),
    "turkish": (["Emre", "Zeynep", "Burak", "Elif", "Murat", "Ayşe", "Oğuz", "Derya", "Kaan", "Selin"],
                ["Yılmaz", "Kaya", "Demir", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kurt", "Şahin"]),
    "persian": (["Darius", "Shirin", "Kourosh", "Nasrin", "Babak", "Laleh", "Arash", "Parisa", "Farhad", "Mahsa"],
                ["Tehrani", "Moradi", "Rezaei", "Hosseini", "Karimi", "Jafari", "Ahmadi", "Sadeghi", "Farahani", "Rostami"]),
    "korean": (["Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Ha-eun", "Dong-hyun", "Yuna", "Jae-sung", "Soo-ah", "Tae-yang"],
               ["Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Shin"]),
    "japanese": (["Haruto", "Yui", "Sota", "Aoi", "Ren", "Mei", "Kaito", "Hina", "Takumi", "Sakura"],
                 ["Takahashi", "Watanabe", "Nakamura", "Kobayashi", "Yamamoto", "Inoue", "Sasaki", "Matsumoto", "Fujiwara", "Ishikawa"]),
    "thai": (["Somchai", "Malee", "Anan", "Kanya", "Prasert", "Nittaya", "Chaiwat", "Ratana", "Sakda", "Pim"],
             ["Srisuk", "Wongsawat", "Chaiyaporn", "Boonmee", "Rattanakorn", "Suwannarat", "Thongchai", "Phromma", "Kittisak", "Jaidee"]),
    "indonesian": (["Budi", "Siti", "Agus", "Dewi", "Wahyu", "Rina", "Eko", "Putri", "Hendra", "Ayu"],
                   ["Santoso", "Wijaya", "Kusuma", "Hidayat", "Nugroho", "Saputra", "Lestari", "Setiawan", "Pratama", "Halim"]),
    "yoruba": (["Adebayo", "Folake", "Olumide", "Yetunde", "Babatunde", "Funmilayo", "Ayodele", "Temitope", "Kehinde", "Bisola"],
               ["Adeyemi", "Ogunleye", "Olawale", "Akinola", "Adebisi", "Ogundipe", "Bankole", "Oyelaran", "Fashola", "Adesanya"]),
    "igbo": (["Chinedu", "Ngozi", "Obinna", "Chiamaka", "Ifeanyi", "Adaeze", "Emeka", "Uchenna", "Nkechi", "Chukwuemeka"],
             ["Okonkwo", "Eze", "Nwosu", "Okafor", "Chukwu", "Obi", "Nwachukwu", "Igwe", "Okeke", "Onyekachi"]),
    "amharic": (["Abebe", "Tigist", "Dawit", "Meseret", "Yohannes", "Selamawit", "Bekele", "Hiwot", "Tesfaye", "Mekdes"],
                ["Tadesse", "Gebremedhin", "Haile", "Alemu", "Wolde", "Kebede", "Asfaw", "Mengistu", "Berhanu", "Desta"]),
    "maori": (["Aroha", "Tama", "Mere", "Wiremu", "Ngaio", "Rangi", "Kiri", "Hemi", "Anahera", "Tane"],
              ["Ngata", "Parata", "Tipene", "Horomona", "Walker", "Te Rangi", "Pomare", "Tawhiri", "Ruatapu", "Kereama"]),
    "hispanic": (["Ximena", "Joaquín", "Lupita", "Rodrigo", "Itzel", "Ernesto", "Marisol", "Santiago", "Guadalupe", "Iker"],
                 ["García Márquez", "Hernández Ruiz", "López de la Cruz", "Fernández Ortega", "Ramírez Soto", "Morales Vega",
                  "Castillo", "Domínguez Peña", "Gutiérrez", "Navarro Ibáñez"]),
    "portuguese": (["João", "Conceição", "Thiago", "Luana", "Gonçalo", "Beatriz", "Rafael", "Inês", "Vitória", "Caio"],
                   ["Azevedo", "Carvalho", "Gonçalves", "Pereira da Silva", "Rodrigues", "Figueiredo", "Magalhães", "Sousa", "Teixeira", "Monteiro"]),
    "greek": (["Eleni", "Dimitrios", "Athanasia", "Giorgos", "Katerina", "Nikos", "Vasiliki", "Spyros", "Despina", "Kostas"],
              ["Papadopoulos", "Georgiou", "Konstantinidis", "Vlachou", "Karamanlis", "Alexiou", "Papanikolaou", "Dimitriou", "Economou", "Stavrou"]),
    "hebrew": (["Noa", "Eitan", "Tamar", "Yosef", "Shira", "Avi", "Michal", "Ori", "Yael", "Gideon"],
               ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Avraham", "Shapiro", "Ben-David"]),
    "anglo": (["Dolores", "Clifford", "Brianna", "Tyrone", "Maud", "Kayden", "Winifred", "Dustin", "Shannon", "Reginald"],
              ["Thistlewood", "Oakes", "McAllister", "Fairbanks", "Whitlock", "O'Sullivan", "Pemberton", "Blackwood", "Haverford", "Quinlan"]),
    "indian": (["Priyanka", "Venkatesh", "Lakshmi", "Arjun", "Deepika", "Suresh", "Kavitha", "Rohan", "Meenakshi", "Harpreet"],
               ["Raghunathan", "Iyer", "Banerjee", "Chaudhary", "Nair", "Deshpande", "Gill", "Reddy", "Krishnamurthy", "Mukherjee"]),
    "vietnamese": (["Linh", "Minh", "Thảo", "Tuấn", "Hương", "Dũng", "Ngọc", "Phong", "Trang", "Quang"],
                   ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]),
    "filipino": (["Maricel", "Jomar", "Rowena", "Arnel", "Josefina", "Rodel", "Lorna", "Jerome", "Analyn", "Dante"],
                 ["Dimaculangan", "Bautista", "Macaraeg", "Villanueva", "Dela Cruz", "Soriano", "Manalo", "Pangilinan", "Aquino", "Tolentino"]),
    "kenyan": (["Wanjiru", "Otieno", "Akinyi", "Kamau", "Njeri", "Ochieng", "Wambui", "Kiprop", "Atieno", "Mwangi"],
               ["Kariuki", "Odhiambo", "Mutua", "Chebet", "Kiplagat", "Njoroge", "Wafula", "Omondi", "Kimani", "Muthoni"]),
    "german": (["Jürgen", "Hannelore", "Lukas", "Gudrun", "Matthias", "Friederike", "Wolfgang", "Anneliese", "Dieter", "Sabine"],
               ["Schröder", "Hoffmann", "Weißenborn", "Krüger", "Vogelsang", "Brandt", "Scheffler", "Kühn", "Zimmermann", "Lehmann"]),
    "dutch": (["Sanne", "Bram", "Femke", "Joost", "Marieke", "Thijs", "Lotte", "Pieter", "Anouk", "Ruud"],
              ["van der Berg", "de Vries", "Bakker", "Jansen", "Visser", "van Dijk", "Smit", "de Groot", "Mulder", "Hendriks"]),
}
NICKNAMES = ["Bubba", "Sunny", "Mack", "Tiny", "Lulu", "Bea", "Chip", "Dee", "Kiki", "Bo"]

# region -> (phone region, name cultures, places below state level, street shape, id kinds)
REGIONS = {
    "US": ("US", ["anglo", "hispanic", "korean"], ["Tulsa", "Boise", "Duluth", "Pasadena", "Yonkers", "Bozeman", "Sandusky", "Flagstaff", "Lubbock", "Eau Claire"], "us", ["mrn", "member", "ssn"]),
    "CA": ("CA", ["anglo", "filipino"], ["Moncton", "Saskatoon", "Kelowna", "Thunder Bay", "Sherbrooke", "Nanaimo"], "us", ["sin", "mrn"]),
    "GB": ("GB", ["anglo", "indian", "yoruba"], ["Wolverhampton", "Grimsby", "Penzance", "Harrogate", "Stoke-on-Trent", "Llandudno", "Motherwell"], "uk", ["nhs", "mrn"]),
    "IE": ("IE", ["anglo"], ["Ennis", "Tralee", "Athlone", "Castlebar", "Dundalk", "Clonmel"], "ie", ["mrn", "passport"]),
    "AU": ("AU", ["anglo", "greek", "vietnamese"], ["Wagga Wagga", "Toowoomba", "Bendigo", "Fremantle", "Parramatta", "Ballarat", "Mildura"], "au", ["medicare", "mrn"]),
    "NZ": ("NZ", ["maori", "anglo"], ["Rotorua", "Whanganui", "Napier", "Gisborne", "Taupō", "Invercargill"], "au", ["mrn", "passport"]),
    "IN": ("IN", ["indian"], ["Nagpur", "Thrissur", "Vadodara", "Madurai", "Ludhiana", "Mysuru", "Guntur"], "in", ["aadhaar", "mrn"]),
    "JP": ("JP", ["japanese"], ["Kanazawa", "Sendai", "Matsuyama", "Kurashiki", "Hakodate", "Nagano"], "jp", ["passport", "mrn"]),
    "KR": ("KR", ["korean"], ["Daegu", "Jeonju", "Gwangju", "Suwon", "Changwon", "Cheongju"], "kr", ["passport", "mrn"]),
    "DE": ("DE", ["german", "turkish"], ["Bielefeld", "Göttingen", "Würzburg", "Oberhausen", "Lüneburg", "Erlangen"], "de", ["insurance_de", "mrn"]),
    "NL": ("NL", ["dutch"], ["Zwolle", "Amersfoort", "Leeuwarden", "Tilburg", "Delft", "Apeldoorn"], "nl", ["bsn", "mrn"]),
    "BR": ("BR", ["portuguese"], ["Campinas", "Londrina", "Juiz de Fora", "Feira de Santana", "Joinville", "Uberlândia"], "br", ["cpf", "mrn"]),
    "MX": ("MX", ["hispanic"], ["Zapopan", "Querétaro", "Mérida", "Tlaquepaque", "Hermosillo", "Oaxaca de Juárez"], "mx", ["curp", "mrn"]),
    "TR": ("TR", ["turkish"], ["Eskişehir", "Kadıköy", "Bursa", "Gaziantep", "Konya", "Trabzon"], "tr", ["tckn", "mrn"]),
    "NG": ("NG", ["yoruba", "igbo"], ["Ibadan", "Enugu", "Onitsha", "Abeokuta", "Owerri", "Ikeja"], "ng", ["nin", "mrn"]),
    "KE": ("KE", ["kenyan"], ["Kisumu", "Eldoret", "Nakuru", "Thika", "Machakos", "Kitale"], "ke", ["nhif", "mrn"]),
    "ET": ("ET", ["amharic"], ["Bahir Dar", "Hawassa", "Gondar", "Mekelle", "Adama", "Dire Dawa"], "ke", ["mrn", "passport"]),
    "RU": ("RU", ["slavic"], ["Kazan", "Yekaterinburg", "Tver", "Samara", "Voronezh", "Irkutsk"], "de", ["passport", "mrn"]),
    "PL": ("PL", ["slavic"], ["Łódź", "Gdańsk", "Rzeszów", "Bydgoszcz", "Toruń", "Lublin"], "de", ["pesel", "mrn"]),
    "SE": ("SE", ["nordic"], ["Uppsala", "Umeå", "Västerås", "Luleå", "Jönköping", "Norrköping"], "de", ["personnummer", "mrn"]),
    "NO": ("NO", ["nordic"], ["Tromsø", "Drammen", "Bodø", "Ålesund", "Stavanger", "Lillehammer"], "de", ["mrn", "passport"]),
    "FI": ("FI", ["nordic"], ["Tampere", "Oulu", "Jyväskylä", "Kuopio", "Lahti", "Rovaniemi"], "de", ["mrn", "passport"]),
    "GR": ("GR", ["greek"], ["Thessaloniki", "Patras", "Larissa", "Volos", "Ioannina", "Chania"], "de", ["amka", "mrn"]),
    "IL": ("IL", ["hebrew"], ["Haifa", "Beersheba", "Netanya", "Rishon LeZion", "Herzliya", "Ashdod"], "de", ["teudat", "mrn"]),
    "IR": ("IR", ["persian"], ["Isfahan", "Shiraz", "Tabriz", "Mashhad", "Karaj", "Yazd"], "de", ["passport", "mrn"]),
    "TH": ("TH", ["thai"], ["Chiang Mai", "Khon Kaen", "Hat Yai", "Udon Thani", "Nakhon Ratchasima", "Pattaya"], "de", ["passport", "mrn"]),
    "ID": ("ID", ["indonesian"], ["Bandung", "Yogyakarta", "Semarang", "Malang", "Denpasar", "Bogor"], "de", ["nik", "mrn"]),
    "VN": ("VN", ["vietnamese"], ["Đà Nẵng", "Hải Phòng", "Huế", "Nha Trang", "Cần Thơ", "Vũng Tàu"], "de", ["passport", "mrn"]),
    "PH": ("PH", ["filipino"], ["Cebu City", "Davao City", "Quezon City", "Iloilo City", "Bacolod", "Baguio"], "us", ["philhealth", "mrn"]),
    "ES": ("ES", ["hispanic"], ["Albacete", "Getafe", "Salamanca", "Cáceres", "Logroño", "Elche"], "de", ["dni", "mrn"]),
    "PT": ("PT", ["portuguese"], ["Coimbra", "Braga", "Setúbal", "Aveiro", "Guimarães", "Faro"], "de", ["mrn", "passport"]),
}

STREET_WORDS = {
    "us": (["Maple", "Ridgeview", "Old Mill", "Cedar Hollow", "Lincoln", "Pecan", "Sycamore"], ["St", "Ave", "Blvd", "Dr", "Lane", "Road", "Court"]),
    "uk": (["Albion", "Station", "Mill", "Priory", "Church", "Kingsway", "Brook"], ["Road", "Street", "Close", "Crescent", "Terrace", "Gardens", "Lane"]),
    "ie": (["Ballyroan", "Main", "Castle", "Abbey", "Marian"], ["Road", "Street", "Park", "Avenue", "Drive"]),
    "au": (["Wattle", "Banksia", "Murray", "Kookaburra", "George", "Currawong"], ["Street", "Parade", "Crescent", "Way", "Esplanade", "Rd"]),
    "de": (["Linden", "Birken", "Goethe", "Bahnhof", "Kastanien", "Mühlen"], ["straße", "weg", "allee", "gasse", "ring"]),
}


def phone(rnd: random.Random, region: str, kind: str = "mobile") -> str:
    """A number libphonenumber accepts for the region, in one of several written forms."""
    ptype = phonenumbers.PhoneNumberType.MOBILE if kind == "mobile" else phonenumbers.PhoneNumberType.FIXED_LINE
    ex = phonenumbers.example_number_for_type(region, ptype) or phonenumbers.example_number(region)
    nsn = str(ex.national_number)
    keep = min(2, len(nsn) - 4)
    for _ in range(60):
        cand = nsn[:keep] + "".join(str(rnd.randrange(10)) for _ in range(len(nsn) - keep))
        num = phonenumbers.parse("+" + str(ex.country_code) + cand)
        if phonenumbers.is_valid_number(num):
            break
    else:
        num = ex
    form = rnd.choice(["nat", "nat", "intl", "intl", "e164", "dots", "dash", "nospace"])
    if form == "nat":
        text = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    elif form == "e164":
        text = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    else:
        text = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if form == "dots":
            text = text.replace(" ", ".").replace("+" + str(num.country_code) + ".", "+" + str(num.country_code) + " ")
        elif form == "dash":
            text = text.replace(" ", "-").replace("+" + str(num.country_code) + "-", "+" + str(num.country_code) + " ")
        elif form == "nospace":
            text = "00" + text[1:].replace(" ", "").replace("-", "")
    if kind != "mobile" and rnd.random() < 0.25:
        text += rnd.choice([" ext. ", " x", " ext "]) + str(rnd.randrange(10, 999))
    return text


def digits(rnd: random.Random, n: int) -> str:
    return str(rnd.randrange(1, 10)) + "".join(str(rnd.randrange(10)) for _ in range(n - 1))


def national_id(rnd: random.Random, kind: str) -> tuple[str, str]:
    """(label a writer puts before it, value)."""
    d = lambda n: digits(rnd, n)  # noqa: E731
    up = lambda n: "".join(rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))  # noqa: E731
    shapes = {
        "mrn": (rnd.choice(["MRN", "hospital no.", "chart #", "patient ID", "record number", "UR no."]),
                rnd.choice([d(7), "MRN-" + d(6), up(2) + d(6), d(3) + "-" + d(3) + "-" + d(3), "P" + d(8)])),
        "member": ("member ID", up(3) + d(9)),
        "ssn": ("SSN", f"{d(3)}-{d(2)}-{d(4)}"),
        "sin": ("SIN", f"{d(3)} {d(3)} {d(3)}"),
        "nhs": ("NHS number", f"{d(3)} {d(3)} {d(4)}"),
        "medicare": ("Medicare card", f"{rnd.randrange(2, 7)}{d(3)} {d(5)} {rnd.randrange(1, 10)}"),
        "aadhaar": ("Aadhaar", f"{rnd.randrange(2, 10)}{d(3)} {d(4)} {d(4)}"),
        "passport": ("passport no.", up(rnd.choice([1, 2])) + d(7)),
        "insurance_de": ("Versichertennummer", up(1) + d(9)),
        "bsn": ("BSN", d(9)),
        "cpf": ("CPF", f"{d(3)}.{d(3)}.{d(3)}-{d(2)}"),
        "curp": ("CURP", up(4) + d(6) + rnd.choice("HM") + up(5) + d(2)),
        "tckn": ("TC kimlik no", d(11)),
        "nin": ("NIN", d(11)),
        "nhif": ("NHIF no.", d(8)),
        "pesel": ("PESEL", d(11)),
        "personnummer": ("personnummer", f"{d(6)}-{d(4)}"),
        "amka": ("AMKA", d(11)),
        "teudat": ("teudat zehut", d(9)),
        "nik": ("NIK", d(16)),
        "philhealth": ("PhilHealth no.", f"{d(2)}-{d(9)}-{rnd.randrange(10)}"),
        "dni": ("DNI", d(8) + up(1)),
        "nric": ("NRIC", rnd.choice("STFG") + d(7) + up(1)),
    }
    return shapes[kind]


def street(rnd: random.Random, shape: str) -> str:
    n = rnd.randrange(2, 240)
    if shape in STREET_WORDS:
        a, b = STREET_WORDS[shape]
        name, kind = rnd.choice(a), rnd.choice(b)
        if shape == "de":
            return f"{name}{kind} {n}" + rnd.choice(["", "a", ", 3. OG"])
        base = f"{n} {name} {kind}"
        if shape == "us" and rnd.random() < 0.4:
            return base + rnd.choice([f", Apt {rnd.randrange(1, 40)}{rnd.choice('ABCD')}", f" #{rnd.randrange(100, 999)}", f", Unit {rnd.randrange(1, 20)}"])
        if shape == "uk" and rnd.random() < 0.4:
            return f"Flat {rnd.randrange(1, 30)}, " + base
        if shape == "au" and rnd.random() < 0.4:
            return f"{rnd.randrange(1, 30)}/{n} {name} {kind}"
        if shape == "us" and rnd.random() < 0.15:
            return f"PO Box {rnd.randrange(100, 9999)}"
        return base
    return {
        "in": lambda: f"Flat {rnd.randrange(101, 904)}, {rnd.choice(['Shanti Kunj', 'Green Park Apartments', 'Sai Residency'])}, {rnd.randrange(2, 20)}th Cross {rnd.choice(['Road', 'Street'])}",
        "jp": lambda: f"{rnd.randrange(1, 9)}-{rnd.randrange(1, 30)}-{rnd.randrange(1, 20)} {rnd.choice(['Chuo', 'Honcho', 'Minami-machi', 'Sakae'])}",
        "kr": lambda: f"{rnd.randrange(1, 300)} {rnd.choice(['Jungang-ro', 'Dongseong-ro', 'Haeundae-ro', 'Gwanpyeong-gil'])}",
        "nl": lambda: f"{rnd.choice(['Prinsengracht', 'Kerkstraat', 'Molenweg', 'Dorpsstraat'])} {n}" + rnd.choice(["", "-II", "B"]),
        "br": lambda: f"Rua {rnd.choice(['das Acácias', 'Sete de Setembro', 'Barão de Mauá'])}, {n}" + rnd.choice(["", f", apto {rnd.randrange(11, 99)}"]),
        "mx": lambda: f"Calle {rnd.choice(['Hidalgo', 'Morelos', 'Niños Héroes'])} {n}" + rnd.choice(["", f" Int. {rnd.randrange(1, 9)}"]),
        "tr": lambda: f"{rnd.choice(['Atatürk', 'Cumhuriyet', 'Gazi'])} {rnd.choice(['Caddesi', 'Sokak', 'Bulvarı'])} No: {rnd.randrange(1, 99)} Daire: {rnd.randrange(1, 20)}",
        "ng": lambda: f"{rnd.randrange(1, 60)} {rnd.choice(['Adeola Odeku', 'Awolowo', 'Ogui', 'Allen Avenue'])}" + rnd.choice([" Street", " Road", ""]),
        "ke": lambda: rnd.choice([f"P.O. Box {rnd.randrange(100, 9999)}", f"{rnd.choice(['Moi', 'Kenyatta', 'Oginga Odinga'])} Avenue, House {rnd.randrange(1, 80)}"]),
    }[shape]()


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MONTHS_FOREIGN = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}


def date(rnd: random.Random, birth: bool = False, lang: str = "en") -> str:
    y = rnd.randrange(1931, 2012) if birth else rnd.randrange(2019, 2026)
    m, dd = rnd.randrange(1, 13), rnd.randrange(1, 29)
    if lang == "zh":
        return rnd.choice([f"{y}年{m}月{dd}日", f"{y}.{m:02d}.{dd:02d}", f"{y}-{m:02d}-{dd:02d}", f"{y}年{m}月{dd}号", f"{m}月{dd}日"])
    if lang in MONTHS_FOREIGN:
        return f"{dd} de {MONTHS_FOREIGN[lang][m - 1]} de {y}" if lang != "fr" else f"{dd} {MONTHS_FOREIGN[lang][m - 1]} {y}"
    mon = MONTHS[m - 1]
    suffix = "th" if dd in range(4, 21) or dd % 10 > 3 or dd % 10 == 0 else ["st", "nd", "rd"][dd % 10 - 1]
    return rnd.choice([f"{m:02d}/{dd:02d}/{y}", f"{dd}.{m:02d}.{y}", f"{y}-{m:02d}-{dd:02d}", f"{mon} {dd}, {y}",
                       f"{dd} {mon[:3]} {y}", f"{mon.lower()} {dd}{suffix} {y}", f"{dd}{suffix} of {mon} {y}",
                       f"{dd}-{mon[:3].upper()}-{y}", f"{m}/{dd}/{str(y)[2:]}", f"{mon.lower()} {dd}"])


class Person:
    """One person of a culture, written in the form a template asks for."""

    def __init__(self, rnd: random.Random, culture: str):
        firsts, lasts = NAMES[culture]
        self.rnd, self.culture = rnd, culture
        self.first, self.last = rnd.choice(firsts), rnd.choice(lasts)

    def form(self, how: str | None = None) -> str:
        r = self.rnd
        how = how or r.choice(["full", "full", "first", "last_first", "initials", "lower", "caps", "hyphen"])
        f, la = self.first, self.last
        return {
            "full": f"{f} {la}", "first": f, "last": la,
            "last_first": f"{la.upper() if r.random() < 0.5 else la}, {f}",
            "initials": f"{f[0]}. {la}" if r.random() < 0.5 else f"{f[0]}.{r.choice('ABEJKMRS')}. {la.upper()}",
            "lower": f"{f} {la}".lower(), "caps": f"{f} {la}".upper(),
            "hyphen": f"{f} {la}-{r.choice(NAMES[self.culture][1]).split()[-1]}",
        }[how]


def email(rnd: random.Random, p: Person) -> str:
    import unicodedata

    ascii_ = lambda s: unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "").replace("'", "")  # noqa: E731
    user = rnd.choice([f"{ascii_(p.first)}.{ascii_(p.last)}", f"{ascii_(p.first)}{rnd.randrange(10, 99)}",
                       f"{ascii_(p.first)[0]}{ascii_(p.last)}", f"{ascii_(p.last)}_{ascii_(p.first)}{rnd.randrange(1950, 2010)}"])
    return user + "@" + rnd.choice(["gmail.com", "yahoo.co.uk", "outlook.com", "protonmail.ch", "web.de", "hotmail.fr",
                                    "mail.ru", "uol.com.br", "rediffmail.com", "qq.com", "163.com", "icloud.com", "naver.com"])


def url(rnd: random.Random, p: Person) -> str:
    slug = email(rnd, p).split("@")[0].replace(".", "-").replace("_", "-")
    return rnd.choice([f"https://www.gofundme.com/f/help-{slug}-recover", f"instagram.com/{slug}", f"https://{slug}.blogspot.com",
                       f"www.facebook.com/{slug}", f"https://portal.mychart-example.org/patient/{digits(rnd, 8)}",
                       f"https://drive.google.com/file/d/{digits(rnd, 6)}{slug[:4]}/view", f"linkedin.com/in/{slug}",
                       f"https://www.reddit.com/user/{slug}", f"tiktok.com/@{slug}"])
