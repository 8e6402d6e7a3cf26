"""Check digits of ID numbers (GB 11643) and USCCs (GB 32100), with OCR confusions undone."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from prereview.ids import (
    USCC_CHARS,
    check_id_number,
    check_uscc,
    find_codes,
    id_check_char,
    mask_id_number,
    normalize_id_number,
    uscc_check_char,
)
from prereview.result import mask_text

regions = st.sampled_from(["110101", "320202", "440305", "510104", "650102", "320583"])
births = st.dates(dt.date(1930, 1, 1), dt.date(2024, 12, 31))
sequences = st.integers(0, 999).map(lambda n: f"{n:03d}")


@st.composite
def id_numbers(draw) -> str:
    first = f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences)}"
    return first + id_check_char(first)


@st.composite
def usccs(draw) -> str:
    body = draw(st.sampled_from("159Y")) + draw(st.sampled_from("1239"))
    body += "".join(draw(st.lists(st.sampled_from(USCC_CHARS), min_size=15, max_size=15)))
    return body + uscc_check_char(body)


def test_known_numbers():
    assert check_id_number("11010519491231002X")  # the standard's own example
    assert check_id_number("11010519491231002x")
    assert not check_id_number("110105194912310021")
    assert check_uscc("91350100M000100Y43")
    assert not check_uscc("91350100M000100Y44")
    assert not check_id_number("11010519491331002X")  # month 13


@given(id_numbers())
def test_valid_id_numbers_pass(number):
    assert check_id_number(number)


@given(id_numbers(), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_misread_is_caught(number, position, shift):
    digit = (int(number[position]) + shift) % 10
    wrong = number[:position] + str(digit) + number[position + 1 :]
    assert not check_id_number(wrong)


@given(id_numbers(), st.integers(0, 15))
def test_swapped_neighbours_are_caught(number, position):
    a, b = number[position], number[position + 1]
    if a != b:
        wrong = number[:position] + b + a + number[position + 2 :]
        assert not check_id_number(wrong)


@given(usccs())
def test_valid_usccs_pass(code):
    assert check_uscc(code)


@given(usccs(), st.integers(0, 16), st.integers(1, 30))
def test_any_single_uscc_character_misread_is_caught(code, position, shift):
    char = USCC_CHARS[(USCC_CHARS.index(code[position]) + shift) % 31]
    assert not check_uscc(code[:position] + char + code[position + 1 :])


@given(id_numbers())
def test_ocr_confusions_and_full_width_digits_are_undone(number):
    confused = number.replace("0", "O").replace("1", "l").replace("2", "Z")
    assert normalize_id_number(confused) == number
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number)
    assert check_id_number(full_width)
    assert check_id_number(" ".join([number[:6], number[6:14], number[14:]]))


def test_codes_are_found_and_classified_in_lines():
    number = "11010519491231002X"
    [code] = find_codes(f"公民身份号码：{number.replace('0', 'O')}")
    assert (code.kind, code.value, code.valid) == ("id_number", number, True)
    [code] = find_codes("统一社会信用代码 91350100M000100Y44")
    assert (code.kind, code.problem) == ("uscc", "check_digit")
    [code] = find_codes("公民身份号码 1101051949123100")  # OCR dropped two digits
    assert code.problem == "format"
    assert find_codes("银行卡号 622202199003071234") == []  # an account number, not an ID
    two = find_codes(f"{number} 91350100M000100Y43")  # side by side, no labels
    assert sorted((c.kind, c.valid) for c in two) == [("id_number", True), ("uscc", True)]


@given(id_numbers())
def test_masking_keeps_only_region_and_tail(number):
    masked = mask_id_number(number)
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert number not in mask_text(f"身份号码“{number}”校验位不正确")


def test_an_organisations_code_in_an_id_number_cell_is_a_uscc():
    code = "91320213MAX2RF242" + uscc_check_char("91320213MAX2RF242")
    found = find_codes(f"委托人：示范市某某有限公司 证件号码：{code}")
    assert [(c.kind, c.valid) for c in found] == [("uscc", True)]
    assert [c.kind for c in find_codes("证件号码：32020219880615013X")] == ["id_number"]
