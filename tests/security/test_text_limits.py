"""One text limit for every channel, and errors that never echo what was sent (bot.text_limits)."""

from __future__ import annotations

from bot.text_limits import MAX_TEXT_CHARS, bounded_text, brief_errors, clean_text, cut_note


def test_short_text_is_kept():
    assert bounded_text("你好").text == "你好" and not bounded_text("你好").cut


def test_long_text_is_cut_to_the_limit():
    bounded = bounded_text("办" * 300_000)
    assert bounded.cut and len(bounded.text) == MAX_TEXT_CHARS
    assert str(MAX_TEXT_CHARS) in cut_note()


def test_lone_surrogates_become_replacement_characters():
    text = clean_text("a\ud800b\udfffc")
    assert text == "a\ufffdb\ufffdc"
    text.encode("utf-8")  # would raise with a surrogate left


def test_validation_errors_leave_out_the_input():
    errors = [
        {
            "loc": ("body", "text"),
            "msg": "String should have at most 500 characters",
            "type": "string_too_long",
            "input": "x" * 3_000_000,
            "ctx": {"max_length": 500},
        }
    ] * 50
    brief = brief_errors(errors)
    assert len(brief) == 10
    assert brief[0] == {
        "loc": ["body", "text"],
        "msg": "String should have at most 500 characters",
        "type": "string_too_long",
    }
    assert len(str(brief)) < 5000
