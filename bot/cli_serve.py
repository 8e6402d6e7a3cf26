"""``onetrip serve``: run the web app (chat page, WeChat callback, APIs) with uvicorn."""

from __future__ import annotations

import argparse
import os

from bot.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="启动服务（网页对话、公众号回调、接口）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--import-samples",
        action="store_true",
        help="知识库为空时先导入内置的示例办事指南",
    )
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    # One OpenMP thread per encoder call: with several requests in flight, the
    # default (one per core) makes them fight for the two cores (measured in bench_chat).
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import uvicorn

    from bot.app import create_app
    from bot.samples import import_samples_if_empty

    if args.import_samples:
        added = import_samples_if_empty(settings)
        if added:
            print(f"知识库为空，已导入 {added} 个示例事项")
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
