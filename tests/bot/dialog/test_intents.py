"""The chat's control replies and chat tokens (pure functions)."""

from __future__ import annotations

import time

import pytest

from bot.dialog import Tokens, secret_key
from bot.dialog.intents import (
    command_of,
    extract_phone,
    parse_choice,
    parse_rating,
    parse_yes_no,
    social_kind,
)


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("2", 3, 2),
        ("２", 3, 2),
        ("第二个", 3, 2),
        ("选3", 3, 3),
        ("1。", 3, 1),
        ("4", 3, None),
        ("0", 3, None),
        ("二手房过户", 3, None),
        ("12345", 3, None),
    ],
)
def test_choice_numbers(text, count, expected):
    assert parse_choice(text, count) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("是", True),
        ("是的", True),
        ("對", True),
        ("1", True),
        ("属于", True),
        ("否", False),
        ("不是", False),
        ("没有", False),
        ("2", False),
        ("不属于", False),
        ("不需要", False),
        ("出生登记要带什么材料呢", None),
        ("不清楚", None),
    ],
)
def test_yes_no(text, expected):
    assert parse_yes_no(text) is expected


def test_ratings_on_the_national_five_level_scale():
    assert parse_rating("非常满意", allow_digit=False) == 5
    assert parse_rating("满意", allow_digit=False) == 4
    assert parse_rating("基本满意！", allow_digit=False) == 3
    assert parse_rating("不满意", allow_digit=False) == 2
    assert parse_rating("非常不滿意", allow_digit=False) == 1
    assert parse_rating("5", allow_digit=True) == 5
    assert parse_rating("1", allow_digit=True) == 1
    assert parse_rating("5", allow_digit=False) is None
    assert parse_rating("对结果不满意要怎么投诉", allow_digit=True) is None


def test_phone_numbers():
    assert extract_phone("我的电话 138 1234 5678") == "13812345678"
    assert extract_phone("打0510-86012345找我") == "0510-86012345"
    assert extract_phone("身份证号110105199003071234") is None
    assert extract_phone("需要") is None


def test_commands_are_whole_short_messages():
    assert command_of("人工") == "human"
    assert command_of("转人工！") == "human"
    assert command_of("预审") == "prereview"
    assert command_of("好了") == "done"
    assert command_of("取消") == "cancel"
    assert command_of("人工服务态度很差我要投诉") is None
    assert command_of("预审要多久能出结果") is None


def test_small_talk_is_recognised_but_questions_are_not():
    assert social_kind("你好") == "greeting"
    assert social_kind("您好！") == "greeting"
    assert social_kind("謝謝") == "thanks"
    assert social_kind("你是谁") == "identity"
    assert social_kind("再见啦") == "bye"
    assert social_kind("你好，营业执照丢了怎么办") is None
    assert social_kind("结婚登记") is None


def test_tokens_name_a_conversation_and_expire(tmp_path):
    key = secret_key(None, tmp_path)
    assert key == secret_key(None, tmp_path)  # generated once, kept under ONETRIP_HOME
    tokens = Tokens(key, link_max_age=1)
    assert tokens.session_of(tokens.chat_token("web:abc")) == "web:abc"
    link = tokens.link_token("wechat:openid-1")
    assert tokens.session_of(link) == "wechat:openid-1"
    assert tokens.session_of(link[:-2] + "xx") is None
    assert Tokens("another secret").session_of(link) is None
    time.sleep(2.1)
    assert tokens.session_of(link) is None
