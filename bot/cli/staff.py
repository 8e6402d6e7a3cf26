"""``onetrip staff ...``: staff accounts of the workbench at ``/admin``.

The password is read from standard input (prompted without echo on a
terminal), never from the command line, where other users could see it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from bot.admin import accounts, audit_log
from bot.compose import open_database, open_store
from bot.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    staff = subparsers.add_parser("staff", help="工作人员账号（后台 /admin）")
    commands = staff.add_subparsers(dest="staff_command", required=True, metavar="COMMAND")

    p = commands.add_parser("add", help="添加账号，密码从标准输入读取")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", choices=["editor", "admin"], default="editor")
    p.set_defaults(handler=cmd_add)

    p = commands.add_parser("passwd", help="重置账号密码，新密码从标准输入读取")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_passwd)

    p = commands.add_parser("list", help="列出账号")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("disable", help="停用账号（立即退出登录）")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_disable)


def _db(settings: Settings):
    return open_database(open_store(settings))


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("密码：")
        if getpass.getpass("再次输入密码：") != first:
            raise ValueError("两次输入的密码不一致")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    db = _db(settings)
    try:
        staff = accounts.create_user(db, args.name, args.role, _read_password())
    except ValueError as exc:
        print(f"添加失败：{exc}", file=sys.stderr)
        return 1
    audit_log.record(db, _operator(), "user.create", staff.name, f"{staff.role}（命令行）")
    print(f"已添加账号 {staff.name}（{'管理员' if staff.is_admin else '编辑'}），登录地址 /admin")
    return 0


def cmd_passwd(args: argparse.Namespace, settings: Settings) -> int:
    name = _change_user(
        settings,
        args.name,
        lambda db, user_id: accounts.set_password(db, user_id, _read_password()),
        "修改失败",
        ("user.password", "命令行重置"),
    )
    if name is None:
        return 1
    print(f"已重置 {name} 的密码")
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    users = accounts.list_users(_db(settings))
    for user in users:
        state = "正常" if user.active else "已停用"
        print(f"{user.name}\t{user.role}\t{state}")
    print(f"共 {len(users)} 个账号")
    return 0


def cmd_disable(args: argparse.Namespace, settings: Settings) -> int:
    name = _change_user(
        settings,
        args.name,
        lambda db, user_id: accounts.set_active(db, user_id, False),
        "停用失败",
        ("user.disable", "命令行"),
    )
    if name is None:
        return 1
    print(f"已停用 {name}")
    return 0


def _change_user(
    settings: Settings,
    name: str,
    change: Callable[[Any, int], None],
    failure: str,
    audited: tuple[str, str],
) -> str | None:
    """Find the account, apply ``change`` and audit it (action, detail): the account's
    name, or None once the reason it could not be done is printed."""
    db = _db(settings)
    user = accounts.find_user(db, name)
    if user is None:
        print(f"没有账号 {name}", file=sys.stderr)
        return None
    try:
        change(db, user.id)
    except ValueError as exc:
        print(f"{failure}：{exc}", file=sys.stderr)
        return None
    action, detail = audited
    audit_log.record(db, _operator(), action, user.name, detail)
    return user.name


def _operator() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"
