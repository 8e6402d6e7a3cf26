"""``onetrip prereview``: pre-review files for an item and print the one-time notice."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from bot.cli.samples import BUNDLE_SAMPLES_DIR, SAMPLES_DIR
from bot.compose import open_reviewer, open_store
from bot.settings import Settings
from bot.situations import UnknownSituation, known_situations, parse_situations
from knowledge import Guide, load_guides
from knowledge.bundles import Bundle, BundleError, load_bundles
from prereview import (
    BundleReviewResult,
    bundle_sources,
    render_bundle_text,
    render_text,
    review_bundle,
    situation_keys,
)
from prereview.forms import combined_sheet, form_sheet, sheet_html, sheet_pdf
from prereview.prefill import fill_result, parse_typed
from prereview.result import ReviewResult


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "prereview",
        help="材料预审：识别上传的材料，输出一次性告知书",
        description="识别材料、检查有效期和证件号码，列出缺少、需补正、可容缺和免提交的材料。",
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--item", metavar="ID", help="事项编号，如 scjg-qiye-sheli")
    target.add_argument(
        "--bundle",
        metavar="ID",
        help="一件事编号，如 kai-fandian：一次上传的材料对其中每个事项预审，输出一份告知书",
    )
    p.add_argument(
        "--situation",
        action="append",
        default=[],
        metavar="S",
        help="适用的办事情形编号（可重复）；未列出的情形视为不适用。写 S=unknown 表示尚不确定。"
        "用于一件事时写一件事的情形编号，或“事项:情形”",
    )
    p.add_argument("--applicant", metavar="NAME", help="申请人姓名或单位名称")
    p.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="预审日期")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument(
        "--form",
        type=Path,
        metavar="OUT.pdf|OUT.html",
        help="写出预填好的申请表（一表申请），按扩展名输出 PDF 或网页",
    )
    p.add_argument(
        "--typed",
        action="append",
        default=[],
        type=_typed_pair,
        metavar="KEY=VALUE",
        help="申请人填写的内容（可重复），如 phone=13912345678；KEY 见 docs/guide-format-additions.md",
    )
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
    if args.bundle:
        return cmd_prereview_bundle(args, settings)
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
    fill_result(result, guide, dict(args.typed))
    if args.form:
        _write_form([result], args.form)
    notice = render_text(
        result, max_bytes=1 << 20, centre=settings.centre_name, hotline=settings.hotline
    )
    return _print(result, notice, args.json)


def _typed_pair(text: str) -> tuple[str, str]:
    """One ``--typed KEY=VALUE``; an unknown key is refused by argparse with the choices."""
    try:
        return next(iter(parse_typed([text]).items()), (text.partition("=")[0], ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _write_form(results: list[ReviewResult], path: Path, title: str | None = None) -> None:
    """The pre-filled form (one item's, or a bundle's combined) as PDF for .pdf, else HTML."""
    one = len(results) == 1 and title is None
    sheet = form_sheet(results[0]) if one else combined_sheet(results, title)
    if path.suffix.lower() == ".pdf":
        path.write_bytes(sheet_pdf(sheet))
    else:
        path.write_text(sheet_html(sheet), encoding="utf-8")
    print(f"预填申请表已写入 {path}", file=sys.stderr)


BundleParts = tuple[Bundle, dict[str, Guide], dict[str, Bundle]]


def _bundle(bundle_id: str, settings: Settings) -> BundleParts | None:
    """The bundle with its guides from the knowledge base, else from the bundled samples."""
    store = open_store(settings)
    bundle = store.get_bundle(bundle_id)
    if bundle is not None:
        return bundle, *bundle_sources(bundle, store.get, store.get_bundle)
    loaded = load_bundles([BUNDLE_SAMPLES_DIR]) if BUNDLE_SAMPLES_DIR.is_dir() else None
    samples = {b.id: b for _, b in loaded.bundles} if loaded else {}
    if bundle_id not in samples:
        return None
    print(f"注意：知识库中没有一件事 {bundle_id}，使用内置示例", file=sys.stderr)
    guides = {g.id: g for _, g in load_guides([SAMPLES_DIR]).guides}
    return samples[bundle_id], *bundle_sources(samples[bundle_id], guides.get, samples.get)


def cmd_prereview_bundle(args: argparse.Namespace, settings: Settings) -> int:
    """``--bundle``: one set of files against every applicable item, one notice."""
    parts = _bundle(args.bundle, settings)
    if parts is None:
        message = f"没有一件事 {args.bundle}（用 onetrip kb list 查看全部事项和一件事）"
        print(message, file=sys.stderr)
        return 1
    files = [Path(f) for f in args.files]
    absent = [str(f) for f in files if not f.is_file()]
    if absent:
        print("文件不存在：" + "、".join(absent), file=sys.stderr)
        return 1
    bundle, guides, bundles = parts
    reviewer = open_reviewer(settings)
    try:
        # Listed situations apply; the others do not (a bundle's answers are all given).
        result = review_bundle(
            bundle,
            guides,
            files,
            situation_keys(args.situation),
            args.applicant,
            args.date,
            reviewer.ocr,
            bundles=bundles,
            limits=reviewer.limits,
        )
    except BundleError as exc:
        print(exc, file=sys.stderr)
        return 1
    for entry in result.items:  # one pre-filled form per item, joined into one for the bundle
        if entry.result is not None:
            fill_result(entry.result, guides[entry.item], dict(args.typed))
    if args.form:
        _write_form(result.reviewed(), args.form, f"{result.bundle_name}一表申请")
    notice = render_bundle_text(
        result, max_bytes=1 << 20, centre=settings.centre_name, hotline=settings.hotline
    )
    return _print(result, notice, args.json)


def _print(result: ReviewResult | BundleReviewResult, notice: list[str], as_json: bool) -> int:
    """The notice as text, or the result's JSON with the notice text inside it."""
    if as_json:
        data = result.to_json()
        data["notice"] = "\n\n".join(notice)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(notice))
    return 0
