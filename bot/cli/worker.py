"""``onetrip worker``: run pre-review jobs taken from the RQ queue in Redis.

With ``ONETRIP_REDIS_URL`` set, the app processes only queue the uploads; one
or more workers (on this machine or others sharing the database and
``ONETRIP_HOME``) run the OCR and deliver the notices. A worker does not fork
per job (RQ's ``SimpleWorker``): the OCR models load once and stay loaded, and
more throughput comes from more worker processes.
"""

from __future__ import annotations

import argparse
import sys

from bot.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "worker", help="运行材料预审任务（需配置 ONETRIP_REDIS_URL，可在多台机器上各运行若干个）"
    )
    p.add_argument("--burst", action="store_true", help="处理完队列中已有的任务后退出")
    p.set_defaults(handler=cmd_worker)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.redis_url:
        print(
            "未配置 ONETRIP_REDIS_URL：材料预审在服务进程内运行，无需单独启动 worker。"
            "多进程部署时请设置 Redis 地址，如 ONETRIP_REDIS_URL=redis://127.0.0.1:6379/0",
            file=sys.stderr,
        )
        return 2
    try:
        from redis.exceptions import RedisError
        from rq import Queue, SimpleWorker

        from bot._redis import redis_client, shown_url
        from bot.jobs.rq_queue import queue_name
    except ImportError:
        print("缺少任务队列组件，请先安装：pip install 'onetrip[queue]'", file=sys.stderr)
        return 2
    connection = redis_client(settings.redis_url)
    try:
        connection.ping()
    except RedisError as exc:
        print(f"无法连接 Redis（{shown_url(settings.redis_url)}）：{exc}", file=sys.stderr)
        return 1
    queue = Queue(queue_name(settings.redis_prefix), connection=connection)
    print(
        f"预审 worker 已启动，队列 {queue.name}（{shown_url(settings.redis_url)}）", file=sys.stderr
    )
    SimpleWorker([queue], connection=connection).work(burst=args.burst, logging_level="INFO")
    return 0
