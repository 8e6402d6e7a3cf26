"""Normalisation: what citizens type and what guides say meet in one canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import normalize
from retrieval.text import normalize_form, to_simplified


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("身分證掉了怎麼辦", "身份证丢失怎么办"),  # Traditional + regional word + synonym table
        ("營業執照", "营业执照"),
        ("戶口名簿", "户口簿"),
        ("ＡＢＣ１２３", "abc123"),  # full-width letters and digits
        ("居 民 身 份 证", "居民身份证"),  # OCR spacing between characters
        ("孩子剛出生怎麼上戶口？", "孩子刚出生怎么上户口?"),
        ("三个工作日，十八周岁，二楼", "3个工作日,18周岁,2楼"),
        ("《居民身份证法》第十一条", "<居民身份证法>第十一条"),
        ("  多个　　空格  ", "多个空格"),
    ],
)
def test_normalize_real_inputs(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_numerals_only_before_measure_words() -> None:
    assert normalize_form("统一社会信用代码") == "统一社会信用代码"
    assert normalize_form("万一丢了") == "万一丢了"
    assert normalize_form("二十五个工作日") == "25个工作日"
    assert normalize_form("一万两千元") == "12000元"


def test_guide_text_shown_to_citizens_is_simplified_only() -> None:
    assert to_simplified("不收費，當場辦結") == "不收费，当场办结"


_ALPHABET = st.characters(
    whitelist_categories=("Lo", "Nd", "Lu", "Ll", "Po", "Zs"), max_codepoint=0xFFEF
)


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_character_normalisation_is_idempotent(text: str) -> None:
    once = normalize_form(text)
    assert normalize_form(once) == once


@given(
    st.lists(
        st.sampled_from(
            [
                "身分證",
                "戶口本",
                "社保卡",
                "社保",
                "掉了",
                "补办",
                "营业执照",
                "申請",
                "，",
                "三个",
                "工作日",
                "基本养老金",
                "a",
            ]
        ),
        max_size=8,
    )
)
def test_normalize_is_idempotent_on_domain_text(parts: list[str]) -> None:
    once = normalize("".join(parts))
    assert normalize(once) == once
