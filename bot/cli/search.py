"""``onetrip index`` · ``onetrip ask`` · ``onetrip eval``: the search index and questions."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bot.cli.samples import BUNDLE_SAMPLES_DIR, SAMPLES_DIR
from bot.compose import open_searcher, open_store
from bot.settings import Settings

TEST_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
DEV_QUESTIONS = TEST_DATA / "questions.jsonl"
# The sets `onetrip eval --side-by-side` reports: label, questions, the guides they ask about.
SIDE_BY_SIDE = (
    ("样例问题集", TEST_DATA / "questions.jsonl", SAMPLES_DIR),
    ("留出集 #2", TEST_DATA / "questions_heldout2.jsonl", SAMPLES_DIR),
    ("留出知识库", TEST_DATA / "questions_heldout_kb.jsonl", TEST_DATA / "heldout_kb"),
    ("留出知识库 #2", TEST_DATA / "questions_heldout_kb2.jsonl", TEST_DATA / "heldout_kb2"),
    ("留出知识库 #3", TEST_DATA / "questions_heldout_kb3.jsonl", TEST_DATA / "heldout_kb3"),
    ("留出知识库 #4", TEST_DATA / "questions_heldout_kb4.jsonl", TEST_DATA / "heldout_kb4"),
    ("留出知识库 #5", TEST_DATA / "questions_heldout_kb5.jsonl", TEST_DATA / "heldout_kb5"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("index", help="建立或更新检索索引（只重新计算有变化的事项）")
    p.add_argument("--full", action="store_true", help="全部重新计算向量")
    p.set_defaults(handler=cmd_index)

    p = subparsers.add_parser("ask", help="提一个问题，显示机器人的回答")
    p.add_argument("question", help="问题；“-” 表示从标准输入每行读一个问题")
    p.add_argument("--json", action="store_true", help="输出 JSON（每个问题一行）")
    p.add_argument("--item", default=None, help="正在谈论的事项 id（用于“要多久”这类追问）")
    p.set_defaults(handler=cmd_ask)

    p = subparsers.add_parser("eval", help="在标注问题集上评测：仅 BM25、仅向量、融合 三种方式对比")
    p.add_argument("--questions", default=str(DEV_QUESTIONS), help="问题集（JSONL）")
    p.add_argument(
        "--samples",
        action="store_true",
        help="在临时知识库中用内置示例指南评测（知识库为空时自动使用）",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument(
        "--side-by-side",
        action="append",
        nargs="?",
        const="",
        metavar="名称=问题集:指南目录",
        help="在各自的临时知识库中并列评测几个问题集（不写值时：样例问题集、留出集 #2、留出知识库 #1–#5）",
    )
    p.set_defaults(handler=cmd_eval)


def _open(settings: Settings):
    from retrieval import EncoderUnavailable

    try:
        return open_searcher(settings, open_store(settings))
    except EncoderUnavailable as exc:
        print(f"无法加载检索模型：{exc}", file=sys.stderr)
        return None


def open_for_command(settings: Settings, store, progress_prefix: str = ""):
    """The searcher of a one-shot command (index, calibrate): no watching for newer
    versions, progress on stderr; None, with the reason printed, when the models
    cannot load."""
    from retrieval import EncoderUnavailable, Searcher

    try:
        return Searcher.open(
            store,
            settings.home_dir,
            encoders=settings.encoders,
            embed_model=settings.embed_model,
            hotline=settings.hotline,
            auto_refresh=None,
            progress=lambda line: print(f"  {progress_prefix}{line}", file=sys.stderr, flush=True),
        )
    except EncoderUnavailable as exc:
        print(f"无法加载检索模型：{exc}", file=sys.stderr)
        return None


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:

    started = time.perf_counter()
    searcher = open_for_command(settings, open_store(settings), "向量计算 ")
    if searcher is None:
        return 2
    embedded = searcher.rebuild() if args.full else searcher.last_embedded
    seconds = time.perf_counter() - started
    print(
        f"索引已就绪：知识库版本 {searcher.version}，{searcher.size} 个事项，"
        f"{searcher.bundle_count} 个一件事，"
        f"本次重新计算 {embedded} 个事项的向量，用时 {seconds:.1f} 秒"
    )
    return 0


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
    else:
        print(answer.answer, flush=True)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    searcher = _open(settings)
    if searcher is None:
        return 2
    if args.question != "-":
        _print_answer(searcher.ask(args.question, context_item=args.item), args.json)
        return 0
    for line in sys.stdin:
        question = line.rstrip("\n")
        if question.strip():
            _print_answer(searcher.ask(question, context_item=args.item), args.json)
    return 0


def _eval_sets(values: list[str]) -> list:
    """``名称=问题集:指南目录`` values, or the default sets when none is given."""
    from retrieval import EvalSet

    given = [v for v in values if v]
    if not given:
        return [EvalSet(label, questions, guides) for label, questions, guides in SIDE_BY_SIDE]
    sets = []
    for value in given:
        label, _, paths = value.partition("=")
        questions, _, guides = paths.partition(":")
        if not (label and questions and guides):
            raise SystemExit(f"--side-by-side 的格式应为 名称=问题集:指南目录，而不是 {value!r}")
        sets.append(EvalSet(label, Path(questions), Path(guides)))
    return sets


def cmd_eval_side_by_side(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval import evaluate_side_by_side, format_side_by_side

    sets = _eval_sets(args.side_by_side)
    absent = [str(p) for s in sets for p in (s.questions, s.guides) if not p.exists()]
    if absent:
        print("找不到：" + "、".join(absent), file=sys.stderr)
        return 1
    results = evaluate_side_by_side(
        sets,
        settings.encoders,
        settings.embed_model,
        progress=lambda text: print(text, file=sys.stderr),
    )
    if args.json:
        out = {
            label: {n: vars(m) for n, m in systems.items()} for label, systems in results.items()
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(format_side_by_side(results))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.evaluate import by_tag, evaluate, format_table, load_questions, multi_item

    if args.side_by_side is not None:
        return cmd_eval_side_by_side(args, settings)

    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        if args.samples or open_store(settings).count() == 0:
            settings = _sample_settings(settings, Path(tmp))
            print("使用内置示例指南的临时知识库评测", file=sys.stderr)
        searcher = _open(settings)
        if searcher is None:
            return 2
        unknown = {q.item for q in questions if q.item} - set(searcher._current().ids)
        if unknown:
            print(f"问题集引用了知识库中没有的事项：{sorted(unknown)[:5]}…", file=sys.stderr)
            return 1
        results = evaluate(searcher, questions)
        extra = multi_item(searcher, questions)
        extra["single_as_bundle"] = _answered_as_bundle(searcher, questions)
    table = {name: m for name, (m, _) in results.items()}
    served, outcomes = results["served"]  # what the bot answers with
    heldout = _heldout()
    missed = served.meets_targets()
    if args.json:
        out = {name: vars(m) for name, m in table.items()}
        out["tags"] = by_tag(questions, outcomes)
        out["multi_item"] = extra
        out["heldout_2fold"] = heldout
        out["targets_missed"] = missed
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 1 if missed else 0
    print(format_table(table))
    print("\nserved, by tag (top-1 in scope / rejected out of scope):")
    for tag, (n, share) in by_tag(questions, outcomes).items():
        print(f"  {tag:12s} {n:4d}  {share * 100:5.1f}%")
    print(
        f"\ntwo-item messages: main item answered {extra['multi_main'] * 100:.1f}%, "
        f"other item offered {extra['multi_offered'] * 100:.1f}%; "
        f"single-item messages with a spurious offer: {extra['single_spurious'] * 100:.1f}%"
    )
    print(
        f"一件事 bundles: {searcher.bundle_count}; item questions answered with a bundle "
        f"instead of their item: {extra['single_as_bundle'] * 100:.1f}%"
    )
    if heldout:
        print("\nheld-out (2-fold, weights fitted on the other half):")
        for name, figures in heldout.items():
            print(f"  {name:7s} " + "  ".join(f"{k} {v * 100:.1f}%" for k, v in figures.items()))
    print("\n目标全部达成" if not missed else "\n未达成目标：" + "；".join(missed))
    return 1 if missed else 0


def _answered_as_bundle(searcher, questions: list) -> float:
    """The share of labelled item questions that ``ask`` answers with a whole bundle.

    Every question of the set is about one item (or out of scope), so each bundle
    answer there is an item question taken away from its item.
    """
    asked = [q for q in questions if q.item]
    taken = sum(searcher.ask(q.q).bundle is not None for q in asked)
    return taken / len(asked) if asked else 0.0


def _heldout() -> dict:
    """Figures stored by ``python -m retrieval.fit_shipped`` for weights fitted on half the set."""
    from retrieval.fusion import CALIBRATION

    if not CALIBRATION.exists():
        return {}
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))["info"].get("heldout_2fold", {})


def _sample_settings(settings: Settings, home: Path) -> Settings:
    """Settings for a throw-away knowledge base holding the samples, bundles included."""
    from knowledge import load_guides
    from knowledge.bundles import load_bundles

    sample = Settings(
        home=home,
        database_url=None,
        encoders=settings.encoders,
        embed_model=settings.embed_model,
        hotline=settings.hotline,
    )
    guides = [g for _, g in load_guides([SAMPLES_DIR]).guides]
    bundles = [b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles]
    open_store(sample).publish(guides, bundles, "eval")
    return sample
