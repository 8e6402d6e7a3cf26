"""How a dialog reply looks in an Official Account chat: text only, 2048 bytes a message.

Links become WeChat's ``<a href>`` (tappable in the chat), numbered options
become lines the citizen answers with a digit, and a long reply is split at
line ends into messages that each fit.
"""

from __future__ import annotations

from dataclasses import replace

from bot.dialog import Link, Reply

MAX_TEXT_BYTES = 2048
MENU_KEYS = {"ASK": "help", "PREREVIEW": "prereview", "HUMAN": "human", "RATE": "rate"}


def reply_text(reply: Reply, base_url: str = "") -> str:
    """The reply as one chat text, links tappable (site-relative links made absolute)."""
    base = base_url.rstrip("/")
    for link in reply.links:
        if link.url.startswith("/"):
            reply = replace(reply, links=[_absolute(k, base) for k in reply.links])
            break
    return reply.plain_text(link_format='<a href="{url}">{title}</a>')


def _absolute(link: Link, base: str) -> Link:
    return Link(link.title, base + link.url) if link.url.startswith("/") else link


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Split into pieces of at most ``limit`` UTF-8 bytes, at line ends where possible."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode("utf-8")) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        while len(line.encode("utf-8")) > limit:
            cut = _fit(line, limit)
            pieces.append(line[:cut])
            line = line[cut:]
        current = line
    if current.strip():
        pieces.append(current)
    return [p.strip("\n") for p in pieces if p.strip()]


def _fit(line: str, limit: int) -> int:
    """How many characters of ``line`` fit in ``limit`` bytes (never splits a character)."""
    size = 0
    for index, char in enumerate(line):
        size += len(char.encode("utf-8"))
        if size > limit:
            return max(index, 1)
    return len(line)


def menu(public_url: str) -> dict:
    """The custom menu (自定义菜单): ask, pre-review, and more (web page, person, rating)."""
    base = public_url.rstrip("/")
    return {
        "button": [
            {"type": "click", "name": "办事咨询", "key": "ASK"},
            {"type": "click", "name": "材料预审", "key": "PREREVIEW"},
            {
                "name": "更多服务",
                "sub_button": [
                    {"type": "view", "name": "网页版办事助手", "url": f"{base}/"},
                    {"type": "click", "name": "人工服务", "key": "HUMAN"},
                    {"type": "click", "name": "评价服务", "key": "RATE"},
                ],
            },
        ]
    }
