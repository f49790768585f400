"""Round 9 rules, one small test each, on sentences written for these tests (real Scrubber)."""
from __future__ import annotations

from tests.scrub_helpers import found, removed


# addresses and postcodes
def test_house_name_before_street(scrubber):
    assert removed(scrubber, "Please post it to Lilac Cottage, Fernhill Road, Kendal.", "Lilac Cottage, Fernhill Road")


def test_building_number_before_street(scrubber):
    assert removed(scrubber, "Send the forms to Building 14, Al Nahda Street, Sharjah.", "Building 14, Al Nahda Street")


def test_lower_case_villa_and_numbered_street(scrubber):
    assert removed(scrubber, "i live on villa 88, street 5 in the north with my aunt", "villa 88, street 5")


def test_cis_street_with_flat(scrubber):
    text = "She lives in Tver, address ulitsa Pushkina 14, kv. 20. Last week she fell."
    assert removed(scrubber, text, "ulitsa Pushkina 14, kv. 20")


def test_lower_case_foreign_streets(scrubber):
    assert removed(scrubber, "i live on calle luna 45 near the market", "calle luna 45")
    assert removed(scrubber, "i live on lindenstraße 77/3 near the park", "lindenstraße 77/3")


def test_eircode_after_town(scrubber):
    text = "My old practice was at 12 Main Street, Tralee, V92 X2K4. Please write there."
    assert removed(scrubber, text, "V92 X2K4")


def test_postcode_before_town(scrubber):
    assert removed(scrubber, "We live in the ul. Lipowa 12/3, 45678 Bludenz. Our phone is off.", "45678")


def test_postcode_is_value(scrubber):
    assert removed(scrubber, "Caller: 12 Oak Lane, that's in Leeds, postcode is 34512.", "34512")


def test_year_after_a_date_is_no_postcode(scrubber):
    assert ("2024", "LOCATION") not in found(scrubber, "It started on March 3, 2024 Doctor said it was fine.")


# identifiers
def test_json_and_key_value_ids(scrubber):
    assert removed(scrubber, '{"name": "Ann Lee", "mrn": "40317725", "dx": "gout"}', "40317725")
    assert removed(scrubber, "level=INFO event=login user_id=u_55012873 ok", "u_55012873")


def test_id_in_parentheses_after_label(scrubber):
    assert removed(scrubber, "Have your insurance number (K7741 90312) ready.", "K7741 90312")


def test_zh_insurance_card_code_without_hao(scrubber):
    assert removed(scrubber, "好的，到时候带上医保卡T40912237781。", "T40912237781")


# Chinese addresses
def test_zh_room_after_house_number(scrubber):
    assert removed(scrubber, "我妈妈年纪大了，住在青山镇和平路8弄12号1203。她说头晕。", "和平路8弄12号1203")


def test_zh_taiwan_zhi_number(scrubber):
    assert removed(scrubber, "医生您好，我住在台南市中正路45号之3。最近失眠。", "中正路45号之3")


def test_zh_singapore_block_unit(scrubber):
    assert removed(scrubber, "医生您好，我住在义顺环路第412座#07-118。最近咳嗽。", "第412座#07-118")


def test_zh_room_digits_not_a_year(scrubber):
    assert ("人民路3号2023", "LOCATION") not in found(scrubber, "住在人民路3号2023年搬来的")


# Chinese names
def test_zh_kin_name_before_phone(scrubber):
    assert removed(scrubber, "也可以打我太太罗雪梅的+65 8123 7000。", "罗雪梅")


def test_zh_two_line_chat_speakers(scrubber):
    text = "我约了下周去看专家。\n王丽：好的，我请假陪他去。\n欧阳明：挂号的链接在这里。"
    assert removed(scrubber, text, "王丽") and removed(scrubber, text, "欧阳明")


def test_zh_roster_line_names(scrubber):
    text = "体检名单\n1. 达瓦卓嘎，1964年6月11号，电话010 1234 4034\n2. 其其格，住院号：9425203"
    assert removed(scrubber, text, "达瓦卓嘎") and removed(scrubber, text, "其其格")


def test_zh_numbered_advice_is_no_roster(scrubber):
    text = "建议：\n2.饮食清淡；\n3.多喝水，保证身体水分充足。"
    assert not [v for v, e in found(scrubber, text) if e == "PERSON"]


def test_zh_patient_before_sex(scrubber):
    assert removed(scrubber, "转院申请\n患者那仁花，男，因失眠入住我院。", "那仁花")


def test_zh_interpunct_name_after_long_run(scrubber):
    assert removed(scrubber, "会员名字写的是我爱人买买提·艾力，会员生日1990.6.1。", "买买提·艾力")


def test_zh_family_member_before_application(scrubber):
    assert removed(scrubber, "怎么治啊。现家属王秀珍申请转往人民医院。", "王秀珍")


# English names
def test_family_surname_and_household_list(scrubber):
    text = "A note from the Carter family: Hope, Will Baxter and little Sky all have the flu."
    for name in ("Carter", "Hope", "Will Baxter", "Sky"):
        assert removed(scrubber, text, name), name


def test_first_name_before_negated_verb(scrubber):
    assert removed(scrubber, "I feel sick too. Grace can't keep her food down.", "Grace")


def test_pronoun_before_negated_verb_is_no_name(scrubber):
    assert not [v for v, e in found(scrubber, "It can't be the flu. This won't help.") if e == "PERSON"]


def test_medical_family_is_no_surname(scrubber):
    assert ("Herpes", "PERSON") not in found(scrubber, "It belongs to the Herpes family of viruses.")


def test_kin_with_initial_and_surname(scrubber):
    assert removed(scrubber, "We think my husband N. Delacroix has it too.", "N. Delacroix")


def test_patronymic(scrubber):
    assert removed(scrubber, "Next of kin: Arjun a/l Krishnan, tel 012 345 6789", "Arjun a/l Krishnan")
    assert removed(scrubber, "Surname: a/p Muniandy", "a/p Muniandy")


# words that stand where names stand
def test_code_mixed_words_are_no_names(scrubber):
    text = "Namaste doctor sahab, Mummy ko kal raat se bukhar ho raha hai. Pwede po ba sa Sabado? Dia dhuit, thanks x"
    assert not [v for v, e in found(scrubber, text) if e == "PERSON"]
