"""The ``onetrip`` command. Each command group lives in its own ``bot/cli_*.py`` module."""

from __future__ import annotations

import argparse
import importlib
import sys

from bot.settings import Settings

# Modules that add sub-commands; each has ``register(subparsers)``.
COMMAND_MODULES = [
    "bot.cli_kb",
    "bot.cli_serve",
    "bot.cli_wechat",
    "bot.cli_staff",
    "bot.cli_search",
    "bot.cli_prereview",
    "bot.cli_worker",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onetrip",
        description="onetrip 政务服务智能问答与材料预审（最多跑一次）",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
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
