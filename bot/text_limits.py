"""Bounds on what a citizen can send: one text limit for every channel, and short errors.

A chat turn runs jieba and the encoders over the whole message: 300 000 signed
characters on the WeChat callback held a request thread at full CPU for
minutes, and 10 MB asked numpy for 25 GiB. Every channel therefore cuts a
message to :data:`MAX_TEXT_CHARS` (the web page's own input limit) and tells
the citizen it did. Lone UTF-16 surrogates (``"\\ud800"`` is valid JSON) cannot
be stored or encoded as UTF-8, so they become U+FFFD first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_TEXT_CHARS = 500
CUT_NOTE = "（您的消息较长，只处理了前 {limit} 个字，请分几次发送。）"
MAX_ERROR_CHARS = 200  # of any one message or value echoed in an error response
MAX_ERRORS = 10  # validation errors listed in one response

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Bounded:
    """A message as the dialog sees it, and whether it was cut."""

    text: str
    cut: bool


def clean_text(text: str) -> str:
    """``text`` without lone surrogates (each becomes U+FFFD)."""
    return _SURROGATE.sub("\ufffd", text)


def bounded_text(text: str, limit: int = MAX_TEXT_CHARS) -> Bounded:
    """At most ``limit`` characters of ``text``, cleaned; ``cut`` when some were dropped."""
    text = clean_text(text)
    if len(text) <= limit:
        return Bounded(text, False)
    return Bounded(text[:limit], True)


def cut_note(limit: int = MAX_TEXT_CHARS) -> str:
    """What a citizen is told when their message was cut."""
    return CUT_NOTE.format(limit=limit)


def short(value: str, limit: int = MAX_ERROR_CHARS) -> str:
    """``value`` cleaned and cut to ``limit`` characters (an ellipsis marks the cut)."""
    value = clean_text(value)
    return value if len(value) <= limit else value[:limit] + "…"


def brief_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validation errors without the offending input: location, message and type only.

    FastAPI's default answer echoes every invalid value back, so a 3 MB field
    came back as a 3 MB error (and a lone surrogate in it made the answer fail
    with 500). Staff and client developers need where and why, not the value.
    """
    brief = []
    for error in errors[:MAX_ERRORS]:
        location = [short(str(part), 40) for part in error.get("loc", ())][:6]
        brief.append(
            {
                "loc": location,
                "msg": short(str(error.get("msg", ""))),
                "type": short(str(error.get("type", "")), 60),
            }
        )
    return brief
