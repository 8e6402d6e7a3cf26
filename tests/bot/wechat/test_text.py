"""How a reply reads in an Official Account chat: pieces that fit, and the custom menu."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.wechat import MAX_TEXT_BYTES, menu, split_text


@given(st.text(alphabet="政务服务一次告知abc123\n，。", max_size=3000))
def test_split_text_fits_wechat_and_keeps_every_character(text):
    pieces = split_text(text)
    assert all(len(p.encode("utf-8")) <= MAX_TEXT_BYTES for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "").strip()


def test_split_prefers_line_ends():
    lines = [f"{i}. 申请人居民身份证原件及复印件，须在有效期内" for i in range(80)]
    pieces = split_text("\n".join(lines))
    assert len(pieces) > 1
    assert all(p.split("\n")[-1] in lines for p in pieces)


def test_menu_has_ask_prereview_and_person():
    data = menu("https://zw.example.gov.cn/")
    keys = {b.get("key") for b in data["button"]} | {
        s.get("key") for b in data["button"] for s in b.get("sub_button", [])
    }
    assert {"ASK", "PREREVIEW", "HUMAN", "RATE"} <= keys
    assert all(len(b["name"].encode()) <= 16 for b in data["button"])
    views = [s["url"] for b in data["button"] for s in b.get("sub_button", []) if "url" in s]
    assert views == ["https://zw.example.gov.cn/"]
