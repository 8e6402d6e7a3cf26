"""``onetrip calibrate``: re-calibrate answer confidence with the staff's labels.

The labels are what staff already do in the workbench: an unanswered question
attached to an item (or a 差评 question staff attached the same way) says which
item was right, a dismissed one says the message is out of scope, a 好评
confirms the item answered. The re-calibration is scored on those questions
before and after; a worse one is refused (the index keeps its calibration and the
command exits with 1) unless ``--force``. A running server takes up an accepted
calibration within seconds (``retrieval.Searcher`` watches the published index).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from bot.cli.search import open_for_command
from bot.compose import open_database, open_store
from bot.dialog.tables import RatingRow, UnansweredRow
from bot.settings import Settings

EXIT_REFUSED = 1
EXIT_NO_MODELS = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "calibrate",
        help="用工作台里已标注的问题（未答问题的归类、忽略，好评）重新校准置信度，显示前后对比",
    )
    p.add_argument(
        "--force", action="store_true", help="新的校准不如原来时也采用（默认拒绝并保留原校准）"
    )
    p.set_defaults(handler=cmd_calibrate)


def workbench_labels(db: sessionmaker) -> list:
    """The labelled questions of the workbench tables (``retrieval.labels_from_workbench``)."""
    from retrieval import labels_from_workbench

    with db() as session:
        unanswered = session.execute(
            select(UnansweredRow.text, UnansweredRow.status, UnansweredRow.item_id)
        ).all()
        ratings = session.execute(
            select(RatingRow.question, RatingRow.score, RatingRow.item_id)
        ).all()
    return labels_from_workbench(
        [tuple(row) for row in unanswered], [tuple(row) for row in ratings]
    )


def cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    labelled = workbench_labels(open_database(store))
    in_scope = sum(1 for q in labelled if q.item)
    print(
        f"工作台中已标注的问题：{len(labelled)} 个"
        f"（可回答 {in_scope} 个，范围外 {len(labelled) - in_scope} 个）"
    )
    searcher = open_for_command(settings, store)
    if searcher is None:
        return EXIT_NO_MODELS
    result = searcher.recalibrate(labelled, force=args.force)
    print(result.table())
    if result.accepted:
        print("已采用新的校准；正在运行的服务会在几秒内自动使用，无需重启。")
        return 0
    if args.force and result.models is not None:
        print("已按 --force 采用新的校准（它在已标注问题上不如原来）。")
        return 0
    print(
        "未采用：保留原来的校准。"
        + ("如确需采用，请加 --force。" if result.models is not None else ""),
        file=sys.stderr,
    )
    return EXIT_REFUSED
