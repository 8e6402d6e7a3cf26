"""``onetrip wechat ...``: Official Account set-up commands.

``onetrip wechat menu`` prints the custom menu (自定义菜单) JSON; with the
AppID and AppSecret configured it also sets it through the WeChat API.
"""

from __future__ import annotations

import argparse
import json
import sys

from bot.compose import open_wechat_client
from bot.settings import Settings
from bot.wechat import menu


def register(subparsers: argparse._SubParsersAction) -> None:
    wechat = subparsers.add_parser("wechat", help="微信公众号设置")
    commands = wechat.add_subparsers(dest="wechat_command", required=True, metavar="COMMAND")
    p = commands.add_parser(
        "menu",
        help="打印自定义菜单 JSON；已配置 AppID 与 AppSecret 时同时设置到公众号",
    )
    p.add_argument("--print-only", action="store_true", help="只打印，不设置")
    p.set_defaults(handler=cmd_menu)


def cmd_menu(args: argparse.Namespace, settings: Settings) -> int:
    data = menu(settings.public_url)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    client = None if args.print_only else open_wechat_client(settings)
    if client is None:
        if not args.print_only:
            print(
                "未配置 ONETRIP_WECHAT_APPID / ONETRIP_WECHAT_SECRET，只打印菜单，未设置。",
                file=sys.stderr,
            )
        return 0
    try:
        client.menu.create(data)
    except Exception as exc:
        print(f"设置菜单失败：{exc}", file=sys.stderr)
        return 1
    print("已设置公众号自定义菜单。", file=sys.stderr)
    return 0
