"""The ``onetrip`` command. Each command group is a module of this package with
``register(subparsers)``; a new group (``kb convert``, bundles …) is one more module."""

from __future__ import annotations

import argparse
import sys

from bot.cli import calibrate, kb, prereview, search, serve, staff, wechat, worker
from bot.settings import Settings

COMMAND_MODULES = (kb, serve, wechat, staff, search, calibrate, prereview, worker)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onetrip",
        description="onetrip 政务服务智能问答与材料预审（最多跑一次）",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings()
    try:
        return int(args.handler(args, settings) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
