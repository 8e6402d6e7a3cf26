"""``onetrip kb ...``: staff commands to import, export, lint and list guides and bundles
(``show`` in :mod:`bot.cli.kb_show`, ``convert`` in :mod:`bot.cli.kb_convert`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from bot.admin.kb_transfer import incoming_bundle_problems
from bot.cli import kb_convert, kb_show
from bot.compose import open_store
from bot.links import guide_link_problems
from bot.settings import Settings
from knowledge import (
    Problem,
    PublishBlocked,
    guide_yaml,
    lint_guides,
    lint_paths,
    load_guides,
)
from knowledge.bundles import split_files, write_bundles


def register(subparsers: argparse._SubParsersAction) -> None:
    kb = subparsers.add_parser("kb", help="知识库（办事指南）管理")
    commands = kb.add_subparsers(dest="kb_command", required=True, metavar="COMMAND")

    p = commands.add_parser(
        "import", help="导入指南和一件事文件或文件夹（按 id 新增或更新，全部成功才写入）"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--author", default=None, help="记录在修改历史中的操作人")
    p.add_argument("--strict", action="store_true", help="质量检查（lint）有错误时也拒绝导入")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("export", help="导出全部事项和一件事，每个一个 YAML 文件")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("lint", help="检查指南和一件事文件的格式与质量")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(handler=cmd_lint)

    p = commands.add_parser("list", help="列出事项和一件事")
    p.add_argument("--category", help="综合窗口分类，如 社会民生类")
    p.add_argument("--department", help="实施主体，如 示范市公安局")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("show", help="显示一个事项的办事指南，或一个一件事")
    p.add_argument("item_id", metavar="ID")
    p.set_defaults(handler=kb_show.cmd_show)

    kb_convert.register(commands)


def _author(args: argparse.Namespace) -> str:
    if args.author:
        return args.author
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    """Guides and 一件事 bundles (``kind: bundle``) side by side; any error blocks all."""
    guide_paths, bundle_paths, unreadable = split_files(args.paths)
    result = load_guides(guide_paths)
    guides = [g for _, g in result.guides]
    quality = [p for p in lint_guides(result.guides) if p.severity == "error"]
    blocking = [p for p in unreadable + result.problems if p.severity == "error"]
    blocking += guide_link_problems(result.guides, settings.allow_http_links)
    if args.strict:
        blocking += quality
    store = open_store(settings)
    bundles, bundle_problems = incoming_bundle_problems(store, bundle_paths, guides)
    blocking += [p for p in bundle_problems if p.severity == "error"]
    if blocking:
        return _import_failed(blocking)
    try:
        counts, bundle_counts = store.publish(guides, bundles, _author(args))
    except PublishBlocked as exc:
        return _import_failed(exc.problems)
    for problem in quality + [p for p in bundle_problems if p.severity != "error"]:
        print(f"警告 {problem}", file=sys.stderr)
    print(
        f"导入完成：新增 {counts.added} 项，修改 {counts.changed} 项，未变 {counts.unchanged} 项。"
    )
    if bundle_paths:
        print(
            f"一件事：新增 {bundle_counts.added} 个，修改 {bundle_counts.changed} 个，"
            f"未变 {bundle_counts.unchanged} 个。"
        )
    return 0


def _import_failed(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"导入失败：{len(problems)} 个错误，未写入任何事项。", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    store = open_store(settings)
    guides = store.list()
    for guide in guides:
        (out / f"{guide.id}.yaml").write_text(guide_yaml(guide), encoding="utf-8")
    bundles = write_bundles(store.list_bundles(), out)  # beside the guides, as imported
    print(f"已导出 {len(guides)} 个事项、{len(bundles)} 个一件事到 {out}")
    return 0


def cmd_lint(args: argparse.Namespace, settings: Settings) -> int:
    guide_paths, bundle_paths, problems = split_files(args.paths)
    problems += lint_paths(guide_paths)
    if bundle_paths:
        guides = [g for _, g in load_guides(guide_paths).guides]
        problems += incoming_bundle_problems(open_store(settings), bundle_paths, guides)[1]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    for problem in errors:
        print(problem)
    for problem in warnings:
        print(f"警告 {problem}")
    print(f"{len(errors)} 个错误，{len(warnings)} 个警告")
    return 1 if errors else 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    guides = store.list(category=args.category, department=args.department)
    for guide in guides:
        print(f"{guide.id}\t{guide.name}\t{guide.category or '-'}\t{guide.department}")
    print(f"共 {len(guides)} 个事项")
    if args.category:
        return 0  # a bundle spans items of several categories: it has none of its own
    bundles = [
        b for b in store.list_bundles() if not args.department or b.department == args.department
    ]
    print("\n一件事：")
    for bundle in bundles:
        print(f"{bundle.id}\t{bundle.name}\t{bundle.department}")
    print(f"共 {len(bundles)} 个一件事")
    return 0
