"""scrub: identifiers in pasted tables (CSV, TSV, pipe and field/value tables) are found from the
column header, whatever the cell's words look like; medical cells, placeholders and prose with commas stay.
Also forum handles, Taiwan's calendar, number-first Nordic streets and kin words of other languages."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import found, removed

pytest.importorskip("presidio_analyzer")


@pytest.mark.parametrize("text,value", [
    ("Name,Relation,Phone\nJoy Baker,daughter,07700 900123", "Joy Baker"),
    ("patient | town | contact\nmary grace | tarlac | 0917 555 0134", "tarlac"),
    ("| Field | Value |\n|---|---|\n| Name | Hope Rivers |\n| City | Bath |", "Hope Rivers"),
    ("| Field | Value |\n|---|---|\n| Name | Hope Rivers |\n| City | Bath |", "Bath"),
    ("Surname\tGiven name\tDOB\nStone\tAmber\t04/07/1961", "Amber"),
    ("姓名,电话,地址\n王建国,13812345678,海淀区中关村大街1号", "王建国"),
])
def test_cells_under_an_identifier_column_go(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("Name,Diagnosis,Drug\nJoy Baker,Asthma,Salbutamol", "Salbutamol"),
    ("Name,Relation,Phone\nn/a,daughter,07700 900123", "daughter"),
    ("Name, please? I forgot to add it.", "please"),
    ("I have pain, fever, and a cough since Monday.", "fever"),
])
def test_medical_cells_placeholders_and_prose_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Posted by kiwi_nurse77: the rash spread overnight.", "kiwi_nurse77"),
    ("u/tired.dad_2019 here, toddler has a fever.", "tired.dad_2019"),
    ("生日：民國68年11月2日，住高雄。", "民國68年11月2日"),
    ("Send the letter to 7 Kirkevej, 2100 København.", "7 Kirkevej"),
    ("hola doctor, mi madre Remedios tiene diabetes", "Remedios"),
])
def test_handles_roc_dates_nordic_streets_and_foreign_kin(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_classifier_guesses_on_abbreviations_and_common_lowercase_words_stay(scrubber):
    text = "Triage: BP 150/95, PE clear, came in with his dad after school"
    assert not removed(scrubber, text, "BP") and not removed(scrubber, text, "school"), found(scrubber, text)


def test_kinship_terms_as_chat_speakers_and_credentials_inside_words(scrubber):
    text = "[家人群] 大姐：妈今天血压高\n[家人群] 小芳：我下午过去"
    assert not removed(scrubber, text, "大姐") and removed(scrubber, text, "小芳"), found(scrubber, text)
    text = "Refill for Mr. Bertie Oyelowo, DOB 11 Jan 1949."
    assert not any("DO" in v and "Oyelowo" in v for v, _ in found(scrubber, text)), found(scrubber, text)


def test_a_latin_name_a_few_words_after_wo_shi(scrubber):
    text = "同学们好，我是交换生Kevin Zhang，最近一直失眠。"
    assert removed(scrubber, text, "Kevin Zhang"), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("我叫刘洋我住在南京鼓楼区中山北路二百号我的电话是幺三九一二三四五六七八", "幺三九一二三四五六七八"),
    ("我叫刘洋我住在南京鼓楼区中山北路二百号我的电话是幺三九一二三四五六七八", "鼓楼区中山北路二百号"),
    ("家住重庆市渝中区最近一直咳嗽", "渝中区"),
    ("Home is Bedok North Ave 3, #12-345, near the market.", "Bedok North Ave 3"),
])
def test_spoken_chinese_numbers_unpunctuated_addresses_and_named_roads(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_a_chinese_number_that_is_a_count_stays(scrubber):
    text = "一天三次，每次一片，连吃二十八天。"
    assert not found(scrubber, text), found(scrubber, text)


def test_other_languages_greetings_are_not_names_but_a_short_town_is_a_place(scrubber):
    text = "Buenos días doctor, je suis inquiète, smh"
    assert not found(scrubber, text), found(scrubber, text)
    text = "i live in a small town called ayr and the gp is away"
    assert removed(scrubber, text, "ayr"), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("My nephew had Kawasaki, is it hereditary?", "Kawasaki"),
    ("She thinks it's Vitiligo and gave me a cream.", "Vitiligo"),
    ("Current medication: gabapentin, Dolo.", "Dolo"),
    ("Tested positive for Covid last week.", "Covid"),
])
def test_bare_eponyms_after_a_condition_word_and_common_brands_stay(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


def test_a_first_name_after_with_is_still_a_name(scrubber):
    text = "I went to the clinic with Addison Clarke yesterday."
    assert removed(scrubber, text, "Addison"), found(scrubber, text)


def test_a_singapore_block_address_keeps_its_road_number_unit_and_postcode(scrubber):
    text = "My grandfather lives at Blk 212 Tampines St 23, #04-118, S520212 with my aunt."
    assert removed(scrubber, text, "Blk 212 Tampines St 23, #04-118, S520212"), found(scrubber, text)
    text = "Take 2 tablets on Main St 3 times a day? No: walk down Main St twice daily."
    assert not any("times" in v for v, _ in found(scrubber, text)), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("whatsapp me 21 11 01 pls, I'm in Tórshavn", "21 11 01"),
    ("Tel: 22365 (Port Vila)", "22365"),
    ("71234041 is my husband's mobile.", "71234041"),
    ("8 0152 45-07-53 is my mum's number", "8 0152 45-07-53"),
])
def test_short_national_numbers_with_a_phone_word_before_or_after(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


@pytest.mark.parametrize("text,term", [
    ("Call 911 if the pain spreads to your arm.", "911"),
    ("Tel: 2023 was a hard year", "2023"),
    ("500 mg is the dose on the phone app", "500"),
])
def test_emergency_numbers_years_and_doses_are_not_phones(scrubber, text, term):
    assert not removed(scrubber, text, term), found(scrubber, text)


@pytest.mark.parametrize("text,value", [
    ("Please post it to Flat 2, 41 Kirk Brae, Perth.", "41 Kirk Brae"),
    ("Send to B-114, MG Road, Indiranagar.", "B-114, MG Road"),
    ("We stay at No. 7, Jalan 14c, Klang.", "No. 7, Jalan 14c"),
    ("mi dirección Carrera 12 455, 3º B, Cali", "Carrera 12 455, 3º B"),
    ("地址：Hennessy Road 88號12樓，灣仔。", "Hennessy Road 88號12樓"),
    ("i live at flat 9, 22 mill lane bradford", "flat 9, 22 mill lane"),
    ("my address 14 gulmohar enclave, then the temple", "14 gulmohar enclave"),
])
def test_more_address_shapes(scrubber, text, value):
    assert removed(scrubber, text, value), found(scrubber, text)


def test_doses_and_counts_after_an_address_word_are_no_address(scrubber):
    text = "my address is 2 tablets a day, I live at 3 and half"
    assert not found(scrubber, text), found(scrubber, text)
