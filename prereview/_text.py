"""Text normalisation for matching: Traditional→Simplified, full-width→half-width.

Kept minimal and local on purpose: recognition needs the same folding that
``retrieval`` applies to questions, but ``prereview`` must work without it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import zhconv

_SPACE = re.compile(r"\s+")
# Full-width ASCII (U+FF01..U+FF5E) maps onto ASCII by a fixed offset.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20  # ideographic space
_HALFWIDTH.update(
    {ord("—"): ord("-"), ord("–"): ord("-"), ord("－"): ord("-"), ord("〜"): ord("~")}
)
# OCR reads a small or raised digit as a superscript or subscript (2026年12月⁸日).
_HALFWIDTH.update({ord(c): ord(str(d)) for d, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")})
_HALFWIDTH.update({ord(c): ord(str(d)) for d, c in enumerate("₀₁₂₃₄₅₆₇₈₉")})


def halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (“１２：” → “12:”, “⁸” → “8”)."""
    return text.translate(_HALFWIDTH)


@lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """Traditional characters as Simplified (張三 → 张三); cached, texts repeat."""
    return zhconv.convert(text, "zh-cn")


def normalize(text: str) -> str:
    """The form every rule works on: Simplified, half-width, single spaces."""
    return _SPACE.sub(" ", halfwidth(simplified(text))).strip()


def compact(text: str) -> str:
    """Normalised and without any whitespace, for comparing names and titles."""
    return _SPACE.sub("", normalize(text))


# A signature place (签字处): a label ending in its signing word, such as 承诺人（签字）：,
# 投资人签字：, 乙方（签字或盖章）：; whatever follows it on the line was written there.
# The colon (or the line's end) tells a label from running text (自双方签字之日起生效).
SIGN_PLACE = re.compile(
    r"(?:签字|签名|签章|盖章|签署)(?:\s*[(（]?或?(?:盖章|签章|签字|签名)[)）]?)?\s*[)）]?\s*(?:[:：]|$)"
)


# An address label: a qualifier (户籍, 现居住, 房屋, 不动产…) and the word naming the place.
ADDRESS_LABEL = (
    r"(?:房屋|租赁房屋|出租房屋|不动产|注册|经营|通讯|通信|联系|家庭|户籍|现居住|居住|现住|"
    r"收件|送达|邮寄)?(?:住址|住所|地址|经营场所|坐落)(?:地址)?"
)
