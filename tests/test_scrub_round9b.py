"""Round 9b rules (blind13-15 kinds), one small test each, on sentences written for these tests (real Scrubber)."""
from __future__ import annotations

from tests.scrub_helpers import found, removed


# postcodes by national shape next to an address
def test_polish_postcode_before_town(scrubber):
    assert removed(scrubber, "Our flat is ul. Lipowa 12/3, 41-200 Sosnowiec for now.", "41-200")


def test_polish_postcode_after_town(scrubber):
    assert removed(scrubber, "He is staying at Rynek 4, Gdańsk 80-831 until May.", "80-831")


def test_range_is_no_postcode(scrubber):
    assert not found(scrubber, "Her platelets were 50-150 and the normal range is 60-100.")


def test_postcode_on_the_line_after_the_street(scrubber):
    assert removed(scrubber, "Letters to Kerkweg 12\n4321 Bremen please.", "4321")


def test_irish_style_code_after_town(scrubber):
    assert removed(scrubber, "Home: 12 Main Street, Clonmel E91 X2Y3", "E91 X2Y3")


def test_mexican_cp_label(scrubber):
    assert removed(scrubber, "Casa en Calle Sol 12, Col. Centro, C.P. 45100, Zapopan.", "45100")


def test_australian_state_postcode(scrubber):
    assert removed(scrubber, "Lives at 4 Kent St, Geelong VIC 3220 with his son.", "3220")


def test_dutch_postcode(scrubber):
    assert removed(scrubber, "Adres: Hoofdstraat 3, 2513 AB Den Haag", "2513 AB")


def test_dose_is_no_dutch_postcode(scrubber):
    assert not found(scrubber, "She took 1000 MG of it.")


def test_indian_pin_after_town(scrubber):
    assert removed(scrubber, "She stays at 12 Tagore Road, Nashik - 422001.", "422001")


def test_postcode_table_column(scrubber):
    text = "name\tclinic\tpostcode\nJo Bloggs\tcardiology\t90210\nAnn Lee\trenal\t10001"
    assert removed(scrubber, text, "90210") and removed(scrubber, text, "10001")


def test_chinese_postcode_label(scrubber):
    assert removed(scrubber, "家庭住址：湖北省武汉市洪山区珞喻路88号，邮编430074", "430074")


def test_chinese_estate_building_unit_room(scrubber):
    assert removed(scrubber, "地址：杭州西湖区景秀花园5-2-1201", "景秀花园5-2-1201")
    assert removed(scrubber, "我住成都望江名都3号楼1102，快递发到这里", "望江名都3号楼1102")


# tables
def test_csv_quoted_cell_keeps_columns(scrubber):
    text = 'id,surname,address,condition\n4417762,Okafor,"12 Rue Vert, Lyon",asthma\n5521904,Dube,"3 Kloof St, Paarl",gout'
    assert removed(scrubber, text, "4417762") and removed(scrubber, text, "5521904")


def test_chinese_id_column_not_row_number(scrubber):
    text = "序号\t姓名\t病案号\n1\t张明\t88123456\n2\t李红\t77012345"
    assert removed(scrubber, text, "88123456")
    assert not any(v in ("1", "2") for v, _ in found(scrubber, text))


# dates
def test_read_out_date_without_the(scrubber):
    assert removed(scrubber, "date of birth twenty first of december nineteen ninety four, callback later",
                   "twenty first of december nineteen ninety four")


def test_lower_case_may_with_day_and_year(scrubber):
    assert removed(scrubber, "dob 15-may-67, next visit 6 may 21.", "15-may-67")
    assert removed(scrubber, "dob 15-may-67, next visit 6 may 21.", "6 may 21")


def test_may_verb_with_dose_kept(scrubber):
    assert not any(e == "DATE" for _, e in found(scrubber, "You 2 may 20 mg take later."))


def test_bare_compact_date(scrubber):
    assert removed(scrubber, "Dispensed 20230412 by the night pharmacy.", "20230412")


# identifiers
def test_id_with_slash_after_number(scrubber):
    assert removed(scrubber, "My scheme number NHIS/551234 is on the card.", "NHIS/551234")


def test_pupil_and_acc_no(scrubber):
    text = "pupil no Q71234 seen; acc no ZX8812345 sent"
    assert removed(scrubber, text, "Q71234") and removed(scrubber, text, "ZX8812345")


def test_specimen_code_without_no(scrubber):
    assert removed(scrubber, "Specimen B22.4456712 received late.", "B22.4456712")


def test_chinese_policy_label(scrubber):
    assert removed(scrubber, "您的保单P550624922023755372（案号待定）已受理", "P550624922023755372")


# names
def test_undotted_initial_and_surname(scrubber):
    text = "Pharmacist H Okonkwo  ph 0118 496 0000"
    assert removed(scrubber, text, "H Okonkwo")


def test_chat_speakers_with_stamps(scrubber):
    text = "[3 june] Tama: mum is in hospital again\n[3 june] Patience: which ward?\n[4 june] Ariana: ward 7"
    assert removed(scrubber, text, "Patience") and removed(scrubber, text, "Tama")


def test_role_speakers_are_no_names(scrubber):
    text = "Patient: I have a cough\nDoctor: since when?\nPlan: rest\nNote: review"
    assert not any(e == "PERSON" for _, e in found(scrubber, text))


def test_chinese_writer_by_role(scrubber):
    assert removed(scrubber, "医生好 我是留学生孙立新，现在在国外读书，药带的不够了", "孙立新")


def test_chinese_name_before_card_number(scrubber):
    assert removed(scrubber, "能改到下周吗？刘长江，就诊卡号6524982594", "刘长江")


def test_chinese_patient_between_commas(scrubber):
    assert removed(scrubber, "外地患者，钱国栋，医保卡号：5302024728，想挂号", "钱国栋")
