"""``onetrip kb convert FILE... --out DIR``: a centre's published guides → drafts to review.

Drafts and ``DIR/review.md`` are written for staff; nothing is imported. The drafts
take ids not used in the knowledge base, so that importing one (``onetrip kb import``)
after review adds an item and never replaces one nobody chose to replace.
"""

from __future__ import annotations

import argparse
import sys

from bot.compose import open_store
from bot.settings import Settings
from knowledge.convert import convert_files


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``convert`` to the ``onetrip kb`` commands."""
    p = commands.add_parser(
        "convert",
        help="把已发布的办事指南（docx/pdf/html/xlsx/txt/json）转为草稿和核对清单",
        description=(
            "读取已发布的办事指南，每个事项写一个草稿 DIR/<id>.yaml，并写出核对清单 "
            "DIR/review.md。草稿不会导入；核对修改后用 onetrip kb import 导入。"
        ),
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="指南文件或包含它们的文件夹")
    p.add_argument("--out", required=True, metavar="DIR", help="草稿和 review.md 的输出文件夹")
    p.set_defaults(handler=cmd_convert)


def cmd_convert(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when at least one draft was written, 1 when nothing could be read."""
    store = open_store(settings)
    summary = convert_files(args.paths, args.out, existing_ids={g.id for g in store.list()})
    for file, reason in summary.failures:
        print(f"{file}: {reason}", file=sys.stderr)
    if summary.review_path is not None:
        print(f"核对清单：{summary.review_path}")
    print(summary.line())
    return 0 if summary.ok else 1
