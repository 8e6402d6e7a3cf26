"""``onetrip prereview``: pre-review files for an item and print the one-time notice."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from bot.cli.samples import SAMPLES_DIR
from bot.compose import open_reviewer, open_store
from bot.settings import Settings
from bot.situations import UnknownSituation, known_situations, parse_situations
from knowledge import Guide, load_guides
from prereview import render_text


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "prereview",
        help="材料预审：识别上传的材料，输出一次性告知书",
        description="识别材料、检查有效期和证件号码，列出缺少、需补正、可容缺和免提交的材料。",
    )
    p.add_argument("--item", required=True, metavar="ID", help="事项编号，如 scjg-qiye-sheli")
    p.add_argument(
        "--situation",
        action="append",
        default=[],
        metavar="S",
        help="适用的办事情形编号（可重复）；未列出的情形视为不适用。写 S=unknown 表示尚不确定",
    )
    p.add_argument("--applicant", metavar="NAME", help="申请人姓名或单位名称")
    p.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="预审日期")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_prereview)


def _guide(item_id: str, settings: Settings) -> Guide | None:
    """The item from the knowledge base, else from the bundled samples (a fresh checkout)."""
    guide = open_store(settings).get(item_id)
    if guide is not None:
        return guide
    result = load_guides([SAMPLES_DIR]) if SAMPLES_DIR.is_dir() else None
    for _, sample in result.guides if result else []:
        if sample.id == item_id:
            print(f"注意：知识库中没有事项 {item_id}，使用内置示例指南", file=sys.stderr)
            return sample
    return None


def cmd_prereview(args: argparse.Namespace, settings: Settings) -> int:
    guide = _guide(args.item, settings)
    if guide is None:
        print(f"没有事项 {args.item}（用 onetrip kb list 查看全部事项）", file=sys.stderr)
        return 1
    files = [Path(f) for f in args.files]
    absent = [str(f) for f in files if not f.is_file()]
    if absent:
        print("文件不存在：" + "、".join(absent), file=sys.stderr)
        return 1
    try:
        # Listed situations apply; the others do not, unless written ``S=unknown``.
        situations = parse_situations(args.situation, guide, unlisted=False)
    except UnknownSituation as exc:
        print(exc, file=sys.stderr)
        return 1
    known = known_situations(situations)
    reviewer = open_reviewer(settings)
    result = reviewer.review(guide, files, known, args.applicant, args.date)
    notice = render_text(
        result, max_bytes=1 << 20, centre=settings.centre_name, hotline=settings.hotline
    )
    if args.json:
        data = result.to_json()
        data["notice"] = "\n\n".join(notice)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(notice))
    return 0
