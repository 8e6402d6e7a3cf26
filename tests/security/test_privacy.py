"""Masking of citizens' personal numbers in free text (bot.privacy)."""

from __future__ import annotations

import logging

import pytest

from bot.privacy import MaskPersonal, find_personal, is_bank_card, is_id_number, mask_personal

ID = "320202196509090519"  # valid GB 11643 check digit
ID_X = "11010519491231002X"
CARD = "6222021234567890128"  # Luhn-valid, UnionPay prefix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"我的身份证号 {ID}", "我的身份证号 320202********0519"),
        (f"身份证：{ID_X}", "身份证：110105********002X"),
        (f"身份证：{ID_X.lower()}", "身份证：110105********002X"),
        ("身份证号 320202196509090518", "身份证号 320202********0518"),  # mistyped, named
        ("320202 19650909 0519", "320202********0519"),
        ("身份证 3 2 0 2 0 2 1 9 6 5 0 9 0 9 0 5 1 9", "身份证 320202********0519"),
        ("３２０２０２１９６５０９０９０５１９", "320202********0519"),  # full-width
        ("三二〇二〇二一九六五〇九〇九〇五一九", "320202********0519"),  # Chinese numerals
        ("老身份证 320202650909051", "老身份证 320202*****9051"),  # first generation
        ("电话13812345678", "电话138****5678"),
        ("手机 138 1234 5678，谢谢", "手机 138****5678，谢谢"),
        ("+86 138-1234-5678", "+86 138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("幺三八一二三四五六七八", "138****5678"),
        ("壹叁捌壹贰叁肆伍陆柒捌", "138****5678"),
        ("座机 0571-87654321", "座机 057*****4321"),
        ("电话 87654321", "电话 ****4321"),
        (f"卡号 {CARD}", "卡号 ***************0128"),
        ("卡号 6222 0212 3456 7890 128", "卡号 ***************0128"),
        (f"身份证{ID}，电话13812345678", "身份证320202********0519，电话138****5678"),
        ("共3份 13812345678 2024", "共3份 138****5678 2024"),
    ],
)
def test_personal_numbers_are_masked(text, expected):
    assert mask_personal(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-01 到 2024-12-31",
        "2024年1月1日，20240101",
        "事项编码 000101001000",
        "费用 100000 元，合计 1,234,567.89 元",
        "告知书编号 YS20241130ABCDEF",
        "热线 12345，窗口 3 号",
        "号码 320202196509090518",  # 18 digits, wrong check digit, nothing says ID
        "订单 2024113012345678",  # 16 digits, no card scheme
        "统一社会信用代码 913301007154800028",  # all digits, passes Luhn too
        "营业执照注册号 330100000123456",  # 15 digits, no birth date in it
        "1700000000 秒",
        "",
    ],
)
def test_codes_dates_and_amounts_stay(text):
    assert mask_personal(text) == text


def test_only_the_numbers_asked_for_are_masked():
    """A reply quoting the citizen's number masks it, not the window's public telephone."""
    reply = "您说的 13812345678 我们没有找到；窗口电话 0571-87001234"
    only = {f.digits for f in find_personal("我的手机13812345678")}
    assert (
        mask_personal(reply, only=only) == "您说的 138****5678 我们没有找到；窗口电话 0571-87001234"
    )


def test_numbers_inside_codes_and_links_with_letters_stay():
    assert mask_personal("token=ab13812345678cd") == "token=ab13812345678cd"


def test_rules():
    assert is_id_number(ID) and is_id_number(ID_X)
    assert not is_id_number("320202196509090518")
    assert not is_id_number("320202199913320519")  # month 13
    assert is_bank_card(CARD) and not is_bank_card("6222021234567890127")
    assert not is_bank_card("2222021234567890128")


def test_long_spaced_input_is_fast():
    import time

    started = time.perf_counter()
    mask_personal("1 " * 5000 + "8" * 100_000)
    assert time.perf_counter() - started < 2


def test_log_filter_masks_message_and_traceback(caplog):
    logger = logging.getLogger("tests.security.privacy")
    logger.addFilter(MaskPersonal())
    with caplog.at_level(logging.INFO, logger=logger.name):
        logger.info("citizen %s wrote", ID)
        try:
            raise ValueError(f"bad {ID}")
        except ValueError:
            logger.exception("failed for 13812345678")
    text = caplog.text
    assert ID not in text and "13812345678" not in text
    assert "320202********0519" in text and "138****5678" in text
