"""``onetrip wechat menu``: prints the menu JSON, and sets it when credentials are configured."""

from __future__ import annotations

import json

from bot.cli import main
from tests.bot.wechat_peer import APPID, SECRET, FakeWeChatApi


def test_menu_is_printed_without_credentials(home, capsys, monkeypatch):
    monkeypatch.setenv("ONETRIP_PUBLIC_URL", "https://zw.example.gov.cn")
    assert main(["wechat", "menu"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [b["name"] for b in data["button"]] == ["办事咨询", "材料预审", "更多服务"]
    assert "https://zw.example.gov.cn/" in out
    assert "未配置" in err


def test_menu_is_set_with_credentials(home, capsys, monkeypatch):
    with FakeWeChatApi() as api:
        monkeypatch.setenv("ONETRIP_WECHAT_APPID", APPID)
        monkeypatch.setenv("ONETRIP_WECHAT_SECRET", SECRET)
        monkeypatch.setenv("ONETRIP_WECHAT_API_BASE", f"{api.url}/cgi-bin/")
        assert main(["wechat", "menu"]) == 0
        assert api.token_requests == 1
        assert api.menus and api.menus[0]["button"][1]["key"] == "PREREVIEW"
        assert "已设置" in capsys.readouterr().err
        assert main(["wechat", "menu", "--print-only"]) == 0
        assert len(api.menus) == 1
