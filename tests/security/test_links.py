"""Which guide links may be shown to citizens (bot.links)."""

from __future__ import annotations

import pytest

from bot.links import link_problem, safe_link


@pytest.mark.parametrize(
    "url",
    [
        "https://zwfw.example.gov.cn/item/x",
        "HTTPS://ZWFW.EXAMPLE.GOV.CN",
        "https://a.cn:8443/p?q=1",
    ],
)
def test_https_links_are_accepted(url):
    assert link_problem(url) is None and safe_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/admin/users",
        "https://",
        "https://zwfw.gov.cn@evil.example/",
        "https://a.cn:port/",
        "https:\\\\evil.example",
        "http://zwfw.example.gov.cn",
    ],
)
def test_anything_else_is_refused(url):
    assert link_problem(url) and safe_link(url) is None


def test_http_only_when_allowed():
    assert link_problem("http://zwfw.example.gov.cn", allow_http=True) is None
    assert link_problem("javascript:alert(1)", allow_http=True)
    assert safe_link(None) is None and safe_link("") is None
