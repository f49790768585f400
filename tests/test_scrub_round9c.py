"""Round 9c rules (blind16-17 kinds), one small test each, on sentences written for these tests (real Scrubber)."""
from __future__ import annotations

from tests.scrub_helpers import found, removed


# identifiers
def test_separated_code_before_a_full_stop(scrubber):
    assert removed(scrubber, "Her pension card is DVO-SC-2019-448120. Please call back.", "DVO-SC-2019-448120")


def test_lettered_code_before_a_full_stop(scrubber):
    assert removed(scrubber, "He showed his welfare card 71203344K. Then he left.", "71203344K")


def test_eight_digit_number_is_a_record(scrubber):
    assert removed(scrubber, "Please pull dossier 55012934 before the visit.", "55012934")


def test_eight_digits_in_a_table_cell(scrubber):
    assert removed(scrubber, "<tr><td>KATO, REN</td><td>40917265</td></tr>", "40917265")


def test_decimal_is_no_record_number(scrubber):
    assert not any(e == "ID" for _, e in found(scrubber, "The count was 12345678.5 per litre, within range."))


def test_code_after_capital_id_colon(scrubber):
    assert removed(scrubber, "Trial participant ID: QX-7RT2\nSigned below.", "QX-7RT2")


def test_mrn_in_backticks(scrubber):
    assert removed(scrubber, "- bed 4, MRN `60417729`, on warfarin", "60417729")


def test_ref_with_slashes(scrubber):
    assert removed(scrubber, "Your booking ref FILE/2021/44120 is confirmed.", "FILE/2021/44120")


def test_french_nir_label(scrubber):
    assert removed(scrubber, "Son NIR 2 84 05 75 112 233 47 est sur la carte.", "2 84 05 75 112 233 47")


# addresses
def test_four_digit_postcode_after_label(scrubber):
    assert removed(scrubber, "Town: Orange   Postcode: 2800\nPhone below", "2800")


def test_polish_aleja(scrubber):
    assert removed(scrubber, "She now lives in Gdynia, al. Zwycięstwa 88/12, near the sea.", "al. Zwycięstwa 88/12")


def test_et_al_is_no_street(scrubber):
    assert not any("Lancet" in v for v, _ in found(scrubber, "As reported by Jones et al. Lancet 12 in 2019 for asthma."))


def test_paseo_street(scrubber):
    assert removed(scrubber, "Clinic at Paseo de Gracia 45, 3º B, Barcelona.", "Paseo de Gracia 45")


def test_number_and_words_after_address_label(scrubber):
    assert removed(scrubber, "Address: 61 Hai Ba Trung\nCity: Hue", "61 Hai Ba Trung")


def test_number_and_words_after_write_to(scrubber):
    assert removed(scrubber, "Please write to 22 Ly Thuong Kiet, Da Nang.", "22 Ly Thuong Kiet")


# names
def test_ocr_form_family_name(scrubber):
    assert removed(scrubber, "Surname / Family narne: KOWALCZYK    Given narne(s): Ewa\nSex: F", "KOWALCZYK")


def test_ocr_form_given_name(scrubber):
    assert removed(scrubber, "Surname / Family narne: KOWALCZYK    Given narne(s): Ewa\nSex: F", "Ewa")


def test_maori_self_introduction(scrubber):
    assert removed(scrubber, "Kia ora Doctor, ko Aroha Tipoki ahau, from Rotorua.", "Aroha Tipoki")


def test_pidgin_self_introduction(scrubber):
    assert removed(scrubber, "Good evening sir, na Chinedu Eze dey write from Aba.", "Chinedu Eze")


def test_tagalog_kinship_word(scrubber):
    assert removed(scrubber, "Doc, para sa tatay Ramon Bautista Cruz, may ubo siya.", "Ramon Bautista Cruz")


def test_swahili_kinship_lower_case(scrubber):
    assert removed(scrubber, "Habari doc. Mtoto wangu wanjiru kamau dob 3-4-2015 ana homa.", "wanjiru kamau")


def test_name_here_after_greeting(scrubber):
    assert removed(scrubber, "Morning doc, Tevita here about my knee.", "Tevita")


def test_next_of_kin_without_colon(scrubber):
    assert removed(scrubber, "NOK Siew Ling Tan +65 9123 4567, daughter.", "Siew Ling Tan")


def test_nickname(scrubber):
    assert removed(scrubber, "Hi, I'm writing for Robert (nickname Big Tam) about his cough.", "Big Tam")


def test_family_after_closing(scrubber):
    assert removed(scrubber, "Thank you so much. God bless, Adeyemi family.", "Adeyemi")


def test_lower_case_patronymic(scrubber):
    assert removed(scrubber, "patient rajesh s/o kumar missed his appointment.", "rajesh s/o kumar")


def test_kin_word_before_a_drug_is_kept(scrubber):
    assert not any("metformin" in v for v, _ in found(scrubber, "My nani takes metformin daily and feels fine."))
