"""scrub, issue 18 round 5: what the blind split (now on the tuning side) showed missing, in new
wordings: Chinese names after short kinship words and before a symptom, places ended by a comma
or after a street, districts, odd phone groupings, names holding a shorter medical term."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import found, removed

pytest.importorskip("presidio_analyzer")
pytest.importorskip("jieba")


@pytest.mark.parametrize("text,value", [
    ("请问医生，我爸孙建军最近血糖高，要紧吗？", "孙建军"),
    ("我姐周晓燕也有甲亢，吃了很久的药。", "周晓燕"),
    ("My dad 郑国强 has 高血压 too.", "郑国强"),
    ("昨天去复查了。谭丽娟头晕好几个月了，怎么办？", "谭丽娟"),
    ("我叫黄明，手腕疼了两周。", "黄明"),  # 黄明 is also the start of 黄明胶, which the text does not go on into
    ("你好，我是鍾嘉慧，經常失眠。", "鍾嘉慧"),
    ("我家住在常德，孩子咳嗽一周。", "常德"),
    ("老家余杭区，最近在外地打工。", "余杭区"),
    ("以前在城南工作，现在在锦江区上班。", "锦江区"),
    ("地址是建设路66号，衡阳。请尽快回复。", "衡阳"),
    ("住址：和平路12号3栋，牡丹江。", "牡丹江"),
    ("住址：和平路12号3栋，牡丹江。", "和平路12号3栋"),
    ("有问题请回电1390 551 2278，谢谢。", "1390 551 2278"),
    ("加微信或者打13905 512 278都可以。", "13905 512 278"),
])
def test_chinese_names_places_and_phones_in_new_frames(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("我妈有高血压，一直吃牡丹皮和丁香。", "牡丹皮"),
    ("我妈有高血压，一直吃牡丹皮和丁香。", "丁香"),
    ("白天咳嗽，晚上盗汗，是肺结核吗？", "咳嗽"),
    ("高血压头疼怎么办？", "高血压"),
    ("医生开了黄明胶，说能止血。", "黄明胶"),
])
def test_medical_words_next_to_those_frames_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Best wishes,\nMinh Phạm\nRiverside Family Clinic", "Minh Phạm"),
    ("Thanks again.\nTrọng Đoàn, MD", "Trọng Đoàn"),
    ("I was seen by Dr Ní Bhriain on Monday and she sent bloods.", "Ní Bhriain"),
    ("Kind regards, Aoife Ó Briain", "Aoife Ó Briain"),
    ("My sister Summer has the same rash on her arms.", "Summer"),
    ("my hubby Rusty says i should rest", "Rusty"),
    ("Paracetamol didn't touch it, so Grace suggested ibuprofen.", "Grace"),
    ("hiya its me oluwaseun from ibadan, my knee is swollen", "oluwaseun"),
    ("im rhea, 29, from thane. I get headaches", "rhea"),
    ("Dear faith, Please rest and drink fluids.", "faith"),
    ("Hope you can help. cheers. ta. marigold", "marigold"),
    ("Hi doctor, Joy Fletcher here. I have a cough.", "Joy Fletcher"),
    ("My native place is kottayam, but I work abroad.", "kottayam"),
    ("I'm in bundaberg at the moment and the GP is booked out.", "bundaberg"),
    ("Sunrise Medical Centre\ntoowoomba", "toowoomba"),
    ("Address: 77 E 42nd St, Boston", "77 E 42nd St"),
    ("My member number is NHIF/448/2290 if needed.", "NHIF/448/2290"),
])
def test_english_names_places_and_ids_in_new_frames(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("Amlodipine is fine alongside your Voltaren, but watch your pressure.", "Voltaren"),
    ("Brufen didn't help, so I stopped it.", "Brufen"),
    ("The GP, Dr Kofi Mensah Rivaroxaban was continued after surgery.", "Rivaroxaban"),
    ("She was told these were Bouchard's nodes, not gout.", "Bouchard's nodes"),
])
def test_drugs_in_use_frames_and_eponym_plurals_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


def test_a_name_that_is_also_a_word_needs_the_frame(scrubber):
    text = "My husband works abroad. Grace period ended, and I will call. Hope this helps."
    assert found(scrubber, text) == []


@pytest.mark.parametrize("text", [
    "Salamat po! Anyway the rash is gone.",
    "Ingat po!\nSee you next week.",
    "Clinic hours: (Mon to Sat)\nPh: 0000 and Tel. below",
    "Take care mate.\nThanks heaps,\nSigned,",
    "G'day doc, my knee hurts.",
])
def test_particles_labels_and_sign_off_words_are_not_names(scrubber, text):
    assert [v for v, e in found(scrubber, text) if e in ("PERSON", "LOCATION")] == []


def test_a_clinic_after_a_name_is_not_a_person(scrubber):
    text = "Regards,\nAnna Kowalczyk\nBlue Gum Medical Practice"
    spans = found(scrubber, text)
    assert ("Anna Kowalczyk", "PERSON") in spans
    assert all(e != "PERSON" or "Blue" not in v for v, e in spans)


def test_a_surname_after_a_particle_joins_the_first_name(scrubber):
    text = "Yours,\nSiobhán Ó Conchubhair — Riverside Practice"
    assert ("Siobhán Ó Conchubhair", "PERSON") in found(scrubber, text)


def test_a_possessive_fever_is_a_person_s(scrubber):
    assert removed(scrubber, "Doctor, Marisol's fever will not go down.", "Marisol")
    assert not removed(scrubber, "Is it Lassa fever or malaria?", "Lassa")


@pytest.mark.parametrize("text,term", [
    ("My endocrinologist thinks it is Cushing's.", "Cushing's"),
    ("Is Addison's hereditary?", "Addison's"),
    ("she has raynauds in both hands and Raynauds runs in the family", "Raynauds"),
    ("My son has Osgood Schlatter in his left knee.", "Osgood Schlatter"),
    ("Could this be Wegener's granulomatosis?", "Wegener's granulomatosis"),
])
def test_bare_eponyms_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


def test_an_eponym_surname_without_a_possessive_is_still_a_name(scrubber):
    assert removed(scrubber, "Regards,\nDr. Helen Addison\nRiverside Clinic", "Helen Addison")


@pytest.mark.parametrize("text,value", [
    ("谢谢医生。——来自义乌的陈静", "义乌"),
    ("我住在拉萨最近总是头疼", "拉萨"),
    ("上官婉儿主任您好，我想咨询一下。", "上官婉儿"),
    ("司马文静主任您好，我想咨询一下。", "司马文静"),
    ("my address house 9, road 3, lakeview housing estate, chittagong", "house 9, road 3, lakeview housing estate"),
    ("Please post it to 18 Mandela Umgwaqo, Soweto.", "18 Mandela Umgwaqo"),
    ("Our home: 77 Oak Glade, Leeds", "77 Oak Glade"),
])
def test_town_after_laizi_compound_surnames_and_more_street_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_no_name_or_place_in_a_plain_description_or_a_relatives_clinic(scrubber):
    assert found(scrubber, "It's red, swollen, and itchy since Monday.") == []
    assert [v for v, e in found(scrubber, "我今天在亲戚的医院做了检查。") if e == "LOCATION"] == []


@pytest.mark.parametrize("text,value", [
    ("本人姓周，最近总是胃疼。", "周"),
    ("宝宝蒋雨涵，三岁了，一直咳嗽。", "蒋雨涵"),
    ("盼回复，—— 钱志远 敬上", "钱志远"),
    ("Hi doc, tamsin again. The rash came back.", "tamsin"),
])
def test_surname_alone_baby_name_signed_name_and_a_returning_patient(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("my wife summer has the same cough since monday", "summer"),
    ("ibuprofen didn't help, so ruby suggested paracetamol.", "ruby"),
    ("thank you for your query, tamar. based on your symptoms it is a sprain.", "tamar"),
    ("Dear Wanjiru Kamau, Based on your symptoms, you may have gastritis.", "Wanjiru Kamau"),
    ("yours faithfully,\nlina osei\n742 mills crossing\naccra", "742 mills crossing"),
    ("our home: 12 harbour glen, wellington", "12 harbour glen"),
    ("you can send letters to post box no. 512, gulu.", "post box no. 512"),
])
def test_lower_case_writing(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_lower_case_frames_need_a_first_name_and_an_action(scrubber):
    text = "my mum will call you tomorrow and my son may have a fever, and even noticed blood. 3 mills course on tuesdays."
    assert found(scrubber, text) == []


@pytest.mark.parametrize("text", [
    "AMH 从5.67ng/mL上升到了10.48 ng/ml之间。",
    "B超所见:卵泡数据:&lt;1.0cm，建议复查。",
    "以下产品供参考: Omega-3 鱼油和维生素D。",
])
def test_units_entities_and_greek_letters_are_not_names(scrubber, text):
    assert [v for v, e in found(scrubber, text) if e in ("PERSON", "LOCATION")] == []


@pytest.mark.parametrize("text,value", [
    ("DNI 48213377Q, por favor.", "48213377Q"),
    ("CURP PEMJ890312MDFRRL04 en el expediente.", "PEMJ890312MDFRRL04"),
    ("Personnummer 19880412-5531", "19880412-5531"),
    ("Medicare number 2EG7-RT3-KL19 on file.", "2EG7-RT3-KL19"),
    ("Our file reference is LK-77-2034.", "LK-77-2034"),
    ("Ghana card GHA-723456781-3", "GHA-723456781-3"),
    ("病案号：ZY889102", "ZY889102"),
    ("护照号码 G87654321", "G87654321"),
    ("ph 91234567", "91234567"),
    ("office line 62251234 ext 12", "62251234"),
    ("member # 66123498", "66123498"),
    ("Encounter #55120931", "55120931"),
    ("NHI ZBC4471", "ZBC4471"),
    ("codice fiscale VRDLGU80A01H501Z", "VRDLGU80A01H501Z"),
    ("numéro de sécurité sociale 2 91 03 75 114 058 21", "2 91 03 75 114 058 21"),
    ("employee no. E-55219", "E-55219"),
])
def test_national_ids_and_short_phones_after_a_label(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_id_labels_and_code_fragments_are_not_names(scrubber):
    text = "DNI 48213377Q. NIE X7654321L. COVID-19 test done."
    assert [v for v, e in found(scrubber, text) if e == "PERSON"] == []


def test_a_short_number_without_a_phone_word_stays(scrubber):
    assert found(scrubber, "I walked 12000 steps and slept 7 hours.") == []


@pytest.mark.parametrize("text,value", [
    ("dear mrs okafor, based on your symptoms it is a sprain", "okafor"),
    ("my gp, dr nakamura, is away this week", "nakamura"),
    ("hope this helps. take care.\nmarta kowalski", "marta kowalski"),
    ("many thanks, rosa delgado", "rosa delgado"),
    ("good luck.\nsigned,\nkwame mensah", "kwame mensah"),
    ("hello, i'm tobias. my knee hurts", "tobias"),
])
def test_lower_case_titles_signatures_and_introductions(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_lower_case_title_before_a_verb_is_not_a_name(scrubber):
    assert found(scrubber, "the dr said it was fine and the dr prescribed rest. it's red.") == []


@pytest.mark.parametrize("text,value", [
    ("Address: 2-7-14 Higashi-Ikebukuro, Tokyo", "2-7-14 Higashi-Ikebukuro"),
    ("I live at 88 Gangnam-daero 10-gil, Seoul", "88 Gangnam-daero 10-gil"),
    ("adres: İstiklal Cad. No:42 Daire:5, İstanbul", "İstiklal Cad. No:42 Daire:5"),
    ("RR 3 Box 112, Millville", "RR 3 Box 112"),
    ("we stay at 12, 4th Cross, 5th Main, Jayanagar", "12, 4th Cross, 5th Main"),
    ("Tower C, 11th Floor, DLF Phase 3", "Tower C, 11th Floor"),
    ("Apartment 4, 22 Leeson Street Upper, Dublin", "Apartment 4, 22 Leeson Street Upper"),
])
def test_more_national_address_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_stage_phase_and_dose_ranges_are_not_addresses(scrubber):
    text = "She has 2nd stage labour pains, a 1st phase trial, and takes 1-2 Tablets twice."
    assert [v for v, e in found(scrubber, text) if e == "LOCATION"] == []


def test_initials_before_a_name_join_it(scrubber):
    assert removed(scrubber, "Yours, T. K. Raghunathan", "T. K. Raghunathan")


@pytest.mark.parametrize("text,value", [
    ("My IC is T0412345J, in case you need it.", "T0412345J"),
    ("My documento is XKQ551203998. Gracias.", "XKQ551203998"),
    ("身分證字號A123456789。謝謝醫師！", "A123456789"),
    ("HKID K123456(7)。唔該", "K123456(7)"),
    ("Insurer: member H552019874.", "H552019874"),
    ("My OHIP number is 4421-553-901-KT and my date of birth", "4421-553-901-KT"),
    ("ok thats all call me on zero eight one two three four five 6789", "zero eight one two three four five 6789"),
    ("Ring me on (021) 44512 Ext 330, mobile's best.", "(021) 44512 Ext 330"),
    ("我電話5512.3304，whatsapp都得。", "5512.3304"),
    ("i was born on october twenty-first 1969 doctor", "october twenty-first 1969"),
    ("Visit date: may 3, 2022", "may 3, 2022"),
    ("医保号NO572498，检查结果在网上", "NO572498"),
])
def test_read_out_numbers_extensions_and_more_id_labels(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_may_as_a_verb_and_one_spelled_digit_stay(scrubber):
    text = "you may take two tablets, and i may call you on one of these days."
    assert found(scrubber, text) == []


@pytest.mark.parametrize("text,value", [
    ("Hello醫生，我係陳大文，住沙田，最近成日頭暈", "沙田"),
    ("地址：台中市民權路二段88號5樓。謝謝", "民權路二段88號5樓"),
    ("【患者信息】王强，男，40岁，柳市镇人\n【主诉】头痛", "柳市镇"),
    ("张医生（桐庐县）", "桐庐县"),
    ("大夫您好，我是东风村的，今年16岁。", "东风村"),
    ("现住址：沛县翠湖苑8栋3单元2701室", "翠湖苑8栋3单元2701室"),
    ("地址：Flat C, 12/F, 88 Nathan Road，旺角。", "Flat C, 12/F, 88 Nathan Road"),
    ("My new address is 4-chome-2-8 Tenjin, Hakata.", "4-chome-2-8 Tenjin"),
    ("Our address is 12 avenue Victor Hugo, Lyon.", "12 avenue Victor Hugo"),
    ("he lives at 207-799 Robson St, Vaughan.", "207-799 Robson St"),
])
def test_cantonese_taiwanese_and_more_street_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_staying_in_hospital_is_not_a_place(scrubber):
    assert [v for v, e in found(scrubber, "我住院三天了，住了一周，医生说没事。") if e == "LOCATION"] == []


@pytest.mark.parametrize("text,value", [
    ("From: Ramón S <ramon.s@mail.com>", "Ramón S"),
    ("Patient: Margaret E. Holloway\nHospital no: 55123", "Margaret E. Holloway"),
    ("我替我妈问的，她叫韩秀英，38岁，住洛阳市。", "韩秀英"),
    ("Hi doctor，我阿媽何美玲今年61歲，住旺角", "何美玲"),
    ("Hello醫生，我係黃志明，住沙田", "黃志明"),
    ("回复人：吴欣怡", "吴欣怡"),
    ("She lives with her husband tom baker in Ballarat.", "tom baker"),
    ("Salamat po! Rosalinda", "Rosalinda"),
])
def test_trailing_initials_chinese_and_cantonese_self_naming_and_thanks_endings(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_drug_a_doctor_gave_stays(scrubber):
    assert not removed(scrubber, "The doctor in Arar, Dr. Mahmoud, gave Ponstan. It helped.", "Ponstan")
