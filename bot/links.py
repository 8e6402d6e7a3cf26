"""Which links a guide may carry: web addresses only, ``https://`` unless a setting allows http.

A guide's ``online_url`` (网办地址) is shown to citizens as a tappable link on
the chat page, in the mini-program and in WeChat. ``javascript:`` or ``data:``
there would run in the page's origin, which it shares with the staff workbench;
an editor could reach an admin's session that way. So only absolute web
addresses with a host are accepted, on import and in the editor, and the chat
shows nothing else even if an older database holds one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from knowledge import Guide, Problem

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def link_problem(url: str, allow_http: bool = False) -> str | None:
    """Why ``url`` may not be shown to citizens (Chinese, for staff); None when it may."""
    allowed = "https:// 或 http://" if allow_http else "https://"
    if _CONTROL.search(url) or "\\" in url:
        return "网址不能含空格、控制字符或反斜杠"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "网址格式不正确"
    schemes = ("https", "http") if allow_http else ("https",)
    if parts.scheme.lower() not in schemes:
        return f"网址只能以 {allowed} 开头"
    if not parts.hostname:
        return "网址缺少域名"
    if "@" in parts.netloc:
        return "网址不能含用户名或密码（@）"
    return None


def safe_link(url: str | None, allow_http: bool = False) -> str | None:
    """``url`` when it may be shown to citizens, else None."""
    if not url:
        return None
    url = url.strip()
    return url if link_problem(url, allow_http) is None else None


def guide_link_problems(guides: Iterable[tuple[str, Guide]], allow_http: bool) -> list[Problem]:
    """An error for each guide (``(file, guide)``) whose ``online_url`` may not be shown."""
    problems = []
    for file, guide in guides:
        problem = link_problem(guide.online_url.strip(), allow_http) if guide.online_url else None
        if problem:
            problems.append(Problem(file, "online_url", f"{problem}：{guide.online_url[:80]}"))
    return problems
