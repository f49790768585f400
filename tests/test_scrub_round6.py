"""scrub, issue 18 round 6: what blind4 (now on the tuning side) showed missing, in other
wordings: Chinese names after a field label, in a chat line, after a kinship word and as 老X/小X;
Chinese streets with 村/组/号院/单元 and dates with a year in Chinese numerals; English names by
their shape (initials, particles, capitals, "Last, First", the answer to a name question); dates
with a two-digit year; IDs answered on the next line or after 是."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import found, removed

pytest.importorskip("presidio_analyzer")
pytest.importorskip("jieba")


@pytest.mark.parametrize("text,value", [
    ("快递单：收件人：韦春燕，手机13800001111，请放门卫。", "韦春燕"),
    ("取药人：美玲，身份证后四位1234。", "美玲"),
    ("联系人:司徒嘉豪，晚上八点后再打。", "司徒嘉豪"),
    ("我的名字是山本和也，在苏州工作。", "山本和也"),
    ("我叫阿芳的妈妈让我问一下。我叫小邱，今年三十岁。", "小邱"),
    ("【宝妈交流群】秀珍：孩子发烧三天了怎么办\n【宝妈交流群】老钟：先物理降温", "秀珍"),
    ("【宝妈交流群】秀珍：孩子发烧三天了怎么办\n【宝妈交流群】老钟：先物理降温", "老钟"),
    ("麻烦联系我外甥女丽萍的手机，她比较方便。", "丽萍"),
    ("上周老彭和我一起去医院，他说血压也高。", "老彭"),
    ("有急事请打我同事桂芬的手机。", "桂芬"),
])
def test_chinese_names_after_labels_in_chat_lines_and_as_nicknames(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("寄到：太仓东方村7组36号，谢谢。", "东方村7组36号"),
    ("家住朝阳新苑小区8号楼1单元402，离医院不远。", "朝阳新苑小区8号楼1单元402"),
    ("地址是人民西路33号院5号楼，请尽快寄。", "人民西路33号院5号楼"),
    ("去年在枫桥镇复查过一次，医生说没事。", "枫桥镇"),
    ("她二〇〇九年三月十二日做的手术。", "二〇〇九年三月十二日"),
    ("出生日期：一九七八年11月2日", "一九七八年11月2日"),
    ("我的社保卡号是SB20938475，麻烦查一下。", "SB20938475"),
])
def test_chinese_streets_places_dates_and_ids_in_new_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("小叶增生要紧吗？医生说是乳腺小叶，。", "小叶增生"),
    ("我老公说最近总是头晕。", "头晕"),
    ("现在宝宝出生两个月了，黄疸还没退。", "宝宝"),
    ("【订单备注】收货人：本人，用药人：同上。", "本人"),
    ("每天一小时，坚持了三个月。", "一小时"),
])
def test_chinese_role_words_and_terms_in_those_frames_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Please forward the scan to K.L. Oyelaran at the front desk.", "K.L. Oyelaran"),
    ("Our neighbour R. de la Fuente drove me home.", "R. de la Fuente"),
    ("The volunteer, Anneke van den Berg, stayed with her.", "Anneke van den Berg"),
    ("Resident: MARGARET OKONJO, room 12, fell overnight.", "MARGARET OKONJO"),
    ("Attending list: Nakashima-Reyes, Haruto, then the night team.", "Nakashima-Reyes, Haruto"),
    ("Please copy Father Oyelaran-Diaz on the letter.", "Oyelaran-Diaz"),
    ("hey doc its k.r. venkataraman again, the rash is back", "k.r. venkataraman"),
    ("Bot: Who am I speaking with? Please type your name?\nMe: tomasz wierzbicki\nBot: Thanks.", "tomasz wierzbicki"),
])
def test_english_names_by_their_shape(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("Culture grew E. coli and later S. Aureus; no C. Difficile.", "S. Aureus"),
    ("Vitamin D. Then the Vitamin B. Complex was stopped.", "Complex"),
    ("HISTORY OF PRESENT ILLNESS: CHEST PAIN FOR TWO DAYS.", "CHEST PAIN"),
    ("What is the name of this rash?\nEczema, probably.", "Eczema"),
    ("My cousin has Ehlers-Danlos and a history of Tay-Sachs in the family.", "Ehlers-Danlos"),
    ("It's a. very bad pain, I am s. sorry.", "very"),
])
def test_medical_words_and_headings_of_those_shapes_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("She moved in with us on Nov 2 '87 and never left.", "Nov 2 '87"),
    ("Discharged 14 Feb '03 after the bypass.", "14 Feb '03"),
    ("the baby was born may 9 at home", "may 9"),
    ("Nurse: Your MRN please?\nCaller: 55102938\nNurse: Thank you.", "55102938"),
    ("Q: policy number?\nA: ZK-448-1029", "ZK-448-1029"),
])
def test_dates_with_short_years_and_ids_answered_on_the_next_line(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Deliver to 2211 W Old Orchard Ave, Suite 12, please.", "2211 W Old Orchard Ave, Suite 12"),
    ("Records can go to Lot 14 Ironbark Rd, Mareeba.", "Lot 14 Ironbark Rd"),
    ("Courier address: House No. 77, 2nd Cross, then ring.", "House No. 77, 2nd Cross"),
    ("driving the rig, somewhere past toowoomba right now", "toowoomba"),
])
def test_street_heads_directions_and_places_passed_on_the_road(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_may_as_a_verb_with_a_number_stays(scrubber):
    text = "You may 2 or 3 times a day take it, and it may 5 days later settle."
    assert not removed(scrubber, text, "may 2") and not removed(scrubber, text, "may 5"), found(scrubber, text)


@pytest.mark.parametrize("text,word", [
    ("Heyyy doc, quick one about my knee.", "Heyyy"),
    ("Habari daktari, asante sana for the reply.", "daktari"),
    ("ok google no wait hey siri message the clinic", "siri"),
    ("Dear Colleague,\nThank you for seeing this lady.", "Colleague"),
    ("Crew change is on Friday and the medic is ashore.", "Crew"),
    ("Born early, she was in the NICU for a month.", "Born"),
    ("uh im somewhere near the depot, call back", "somew"),
    ("She takes Buscopan for cramps and Gaviscon at night.", "Gaviscon"),
])
def test_greetings_chat_words_opening_words_and_brand_drugs_are_not_names(scrubber, text, word):
    assert not removed(scrubber, text, word), found(scrubber, text)


def test_a_town_over_its_postcode_still_goes(scrubber):
    text = "Kind regards\nPost Bag No. 7\nStoke 147362"
    assert removed(scrubber, text, "Stoke"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("【基本信息】谭梓涵，女，9岁，昆明人", "谭梓涵"),
    ("曾志伟您好，根据您的描述，建议复查。", "曾志伟"),
    ("结果出来了请打这个号码，找邓丽萍。", "邓丽萍"),
    ("拜托各位了，很着急。罗志祥", "罗志祥"),
    ("Hi 醫生，我係Wong Ka Yan，住觀塘，成日咳。", "Wong Ka Yan"),
    ("她今年六十岁，住蓟县。最近老是头晕。", "蓟县"),
    ("地址：Flat B, 12/F, 88 Hennessy Road，灣仔。", "灣仔"),
    ("Referral: Thandi N., DOB 02/03/1977, QPT552019833\n12 Long St", "QPT552019833"),
    ("Seen by Dr. K. Naidoo yesterday; I D. Pillay agree.", "D. Pillay"),
])
def test_chinese_greetings_endings_latin_names_counties_and_lettered_codes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("这种情况该如何调理，谢谢", "谢谢"),
    ("孩子一直不吃饭，大便干", "大便干"),
    ("吃了药还是疼，能治好吗", "能治好"),
    ("HbA1c 7.2, B12 low, COVID19 negative, vitamin D3 2000IU daily.", "COVID19"),
    ("Lot LOT2024A and batch 55AB12 were recalled.", "55AB12"),
])
def test_question_endings_and_lab_codes_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("discharged Sep-14-1988 after the op", "Sep-14-1988"),
    ("specimen collected 20240117 in the morning", "20240117"),
    ("she was seen June the 3rd and again later", "June the 3rd"),
    ("Clinic on Thursday 12/9, bring the letter", "Thursday 12/9"),
    ("Operated 14.XI.2019 in Brno.", "14.XI.2019"),
    ("她是98年7月3日生的。", "98年7月3日"),
    ("2019年8月在省医院做的手术。", "2019年8月"),
])
def test_more_date_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Dr Asante saw me on Monday.", "Asante"),
    ("Please pass this to Mr Dias at reception.", "Dias"),
    ("See you on Friday, Kay.", "Kay"),
])
def test_surnames_that_are_words_of_other_languages_stay_names(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_voice_assistant_addressed_is_not_a_person_nor_is_a_year_after_born(scrubber):
    for text, word in (("ok so hey siri text doctor", "siri"), ("Born 1990 in a small village.", "Born"),
                       ("生于1990年，最近咳嗽。", "1990年")):
        assert not removed(scrubber, text, word), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("hi doctor this is maria baker calling about my mum", "maria baker"),
    ("sorry, my name again is oliver j", "oliver j"),
    ("RE: lena foster, DOB 3/4/1950", "lena foster"),
    ("My sister says Auntie Bisi had the same thing.", "Bisi"),
])
def test_known_first_and_last_names_after_an_introduction_even_when_words(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_an_introduction_of_a_feeling_is_no_name(scrubber):
    text = "I am very tired from work. It's bad again. this is really bad. It's very red.\nPatient: Is there a cure?"
    assert not found(scrubber, text), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Thanks and regards, Tan Mei Ling | tml@gmail.com", "Tan Mei Ling"),
    ("Doc, I TAN Wei Jie from Tampines, 45 years old.", "TAN Wei Jie"),
    ("Mr Chan Tsz Hoi called the ward.", "Chan Tsz Hoi"),
])
def test_asian_given_name_syllables_and_capital_surnames_join_the_name(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_an_english_word_after_a_name_is_not_taken_as_a_syllable(scrubber):
    text = "I asked Maria Lopez Then she left."
    assert not any("Then" in v for v, _ in found(scrubber, text)), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("小女陳怡君，今年十歲，住台中市北區。", "陳怡君"),
    ("小女陳怡君，今年十歲，住台中市北區。", "台中市北區"),
    ("我老公叫黃大偉，在觀塘返工。", "黃大偉"),
    ("醫師您好，我住在蘆洲區，最近一直咳嗽。", "蘆洲區"),
])
def test_traditional_district_units_and_kin_with_jiao(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_closing_or_an_idiom_after_a_street_or_home_word_is_no_place(scrubber):
    for text, word in (("我住雅安市幸福小区20号，谢谢！张超", "谢谢"), ("孩子还说自己控制不住胡思乱想，怎么办", "胡思乱想")):
        assert not removed(scrubber, text, word), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("【转发】相亲相爱一家人：妈妈刘桂芝今天在县医院复查，主治医生是赵建平。", "刘桂芝"),
    ("【转发】相亲相爱一家人：妈妈刘桂芝今天在县医院复查，主治医生是赵建平。", "赵建平"),
    ("Address: Blk 301 Ubi Avenue 1 #05-17, then turn left.", "Blk 301 Ubi Avenue 1 #05-17"),
])
def test_bare_kin_names_doctors_named_with_shi_and_singapore_blocks(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_group_chat_name_is_no_speaker(scrubber):
    text = "【转发】相亲相爱一家人：妈妈今天复查"
    assert not removed(scrubber, text, "相亲相爱一家人"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Claim #CLM/2024/00781 was refused.", "CLM/2024/00781"),
    ("健保卡號：0000 1234 5678，謝謝。", "0000 1234 5678"),
])
def test_claim_labels_and_taiwan_health_cards(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_label_opening_a_line_is_no_name(scrubber):
    text = "Member #: XKP 448 219 07"
    assert not removed(scrubber, text, "Member"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Prescriber: Capt. Okoro. Call back tomorrow.", "Okoro"),
    ("Prescriber: Mx O'Hara. Call back tomorrow.", "O'Hara"),
    ("Chaplain Sr. van der Linde to call.", "van der Linde"),
    ("My mama C. Reyes also has diabetes po.", "C. Reyes"),
    ("Emergency contact: tamsin ngata (+64 21 555 0100)", "tamsin ngata"),
    ("refill - patient: maria luz tolentino, DOB 2 May 1950", "maria luz tolentino"),
    ("I'm Santos, Analyn po, from Bulacan.", "Santos, Analyn"),
    ("Family present: daughter GRÜNEWALD Dieter and grandson Seo-yeon.", "Seo-yeon"),
    ("Family present: daughter GRÜNEWALD Dieter and grandson Seo-yeon.", "GRÜNEWALD Dieter"),
])
def test_more_titles_lower_case_fields_surname_first_and_bare_kin(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_plural_eponym_that_is_no_surname_stays_and_a_surname_ending_in_s_goes(scrubber):
    assert not removed(scrubber, "I have Raynauds in my fingers.", "Raynauds")
    text = "My aunt Maria Reyes has Reye's syndrome in her history."
    assert removed(scrubber, text, "Maria Reyes") and not removed(scrubber, text, "Reye's syndrome"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("我先生黄建平也很担心，谢谢医生！", "黄建平"),
    ("我妈钱秀兰也有高血压，吃了很多年药。", "钱秀兰"),
    ("备注：帮我妈欧阳玉兰寄的，谢谢。", "欧阳玉兰"),
    ("医生你好我是程立新啊我住在南京", "程立新"),
    ("科室：内科  接诊：孟庆华主任\n主诉：头痛", "孟庆华"),
])
def test_chinese_kin_before_a_clause_i_am_and_the_receiving_doctor(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_doctor_judged_in_a_sentence_is_no_field(scrubber):
    text = "感觉我的主治医生不够专业，怎么办"
    assert not removed(scrubber, text, "不够专业"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("My HMO number is QPX4418201. Thank you.", "QPX4418201"),
    ("Refill: Rx #HMO/112233/AB for the inhaler.", "HMO/112233/AB"),
    ("Subject: Claim 66120987 - reimbursement", "66120987"),
    ("Seaman's book no. ABC-221-00918, bunk 4.", "ABC-221-00918"),
    ("住址：福田区翠竹小区5号楼1203\n就诊日期：2020/3/9", "翠竹小区5号楼1203"),
])
def test_more_id_labels_and_room_numbers_after_a_building(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_claiming_days_off_and_a_prescription_are_no_ids(scrubber):
    text = "I want to claim 2 days off. The Rx is ready. Claim it tomorrow."
    assert not found(scrubber, text), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Pick her up at the front office of the Tullamore campus.", "Tullamore"),
    ("He was taken to the emergency department in Stoke last night.", "Stoke"),
    ("Physio notes after the match away at Cork: sprained ankle.", "Cork"),
    ("Address: H.No. 7-12, 4th Cross, Rose Garden Layout, Mysuru.", "H.No. 7-12, 4th Cross, Rose Garden Layout"),
    ("Home address: No 12 Adeola Close, off Bode Thomas Street, Surulere.", "No 12 Adeola Close, off Bode Thomas Street"),
])
def test_places_by_their_site_or_department_and_area_tails_of_addresses(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_common_word_before_campus_or_office_is_no_place(scrubber):
    text = "the Main campus is closed; the Head office said no."
    assert not found(scrubber, text), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("Past history of Tommy John surgery on the right elbow.", "Tommy John surgery"),
    ("Dear Parent/Guardian of the pupil, please call us.", "Parent"),
    ("Dear Claims Team, please find the receipt attached.", "Claims Team"),
    ("thanks for the help bye", "bye"),
])
def test_eponymous_procedures_and_letter_addressees_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("医生你好我是欧阳春燕啊我住在南京那边", "欧阳春燕"),
    ("醫師您好，我是林小華，住在新店區，地址是德輔道中37號21樓。", "新店區"),
    ("醫師您好，我是林小華，住在新店區，地址是德輔道中37號21樓。", "德輔道中37號21樓"),
    ("我妈妈何宏在鼓楼区, 她电话不通。", "鼓楼区"),
])
def test_i_am_with_any_surname_districts_after_zai_and_hong_kong_dao_roads(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_being_somewhere_now_is_no_place(scrubber):
    text = "现在在医院排队，实在太痛了。"
    assert not found(scrubber, text), found(scrubber, text)
