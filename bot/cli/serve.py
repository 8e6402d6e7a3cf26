"""``onetrip serve``: run the web app (chat page, WeChat callback, APIs) with uvicorn.

One Python process answers on one core (the GIL), so ``--workers N`` starts N
app processes on the same port. Each listens on its own socket with
``SO_REUSEPORT``, so the kernel spreads new connections over them; with one
shared socket (uvicorn's ``--workers``) the first process to wake takes a burst
of keep-alive connections and the others sit idle. The processes share the
database (and Redis, when set), like several servers behind a load balancer.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import socket
import sys
import time

from bot.cli.samples import import_samples_if_empty
from bot.compose import build_services
from bot.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="启动服务（网页对话、公众号回调、接口）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="服务进程数（建议与 CPU 核数相同；各进程共用数据库）",
    )
    p.add_argument("--no-access-log", action="store_true", help="不逐条记录请求（高负载时省 CPU）")
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
    if args.workers < 1:
        print("--workers 至少为 1", file=sys.stderr)
        return 2
    if args.import_samples:
        added = import_samples_if_empty(settings)
        if added:
            print(f"知识库为空，已导入 {added} 个示例事项")
    if args.workers == 1:
        # The web framework and the app's routers load only for the commands that serve.
        import uvicorn

        from bot.app import create_app

        uvicorn.run(
            create_app(settings),
            host=args.host,
            port=args.port,
            access_log=not args.no_access_log,
            **server_options(settings),
        )
        return 0
    return _serve_workers(args.host, args.port, args.workers, not args.no_access_log)


def server_options(settings: Settings) -> dict:
    """uvicorn's logging (the app's INFO lines too, personal numbers masked) and whom it
    believes about the client's address.

    uvicorn believes X-Forwarded-For from 127.0.0.1 by default, so any local process,
    or a request relayed through a local tool, could name its own address and step
    around the per-address login limit. Proxy headers are off unless
    ``ONETRIP_TRUSTED_PROXIES`` names the proxies in front of the service.
    """
    from bot.server_logging import log_config  # uvicorn: only for the commands that serve

    trusted = [p.strip() for p in settings.trusted_proxies.split(",") if p.strip()]
    return {
        "log_config": log_config(),
        "log_level": "info",
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or None,
    }


def listening_socket(host: str, port: int) -> socket.socket:
    """A listening socket that other processes may bind to the same port too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def _worker(host: str, port: int, access_log: bool) -> None:
    """One app process: settings from ``ONETRIP_*`` like the parent, its own socket."""
    import uvicorn

    from bot.app import create_app

    settings = Settings()
    config = uvicorn.Config(create_app(settings), access_log=access_log, **server_options(settings))
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def _prepare(settings: Settings) -> None:
    """Create every table and the secret key once, before the workers start together
    on a new ``ONETRIP_HOME`` and race to create them."""
    build_services(settings).jobs.close()


def _serve_workers(host: str, port: int, workers: int, access_log: bool) -> int:
    if not hasattr(socket, "SO_REUSEPORT"):
        print("本系统不支持 SO_REUSEPORT，无法使用 --workers；请改用负载均衡", file=sys.stderr)
        return 2
    try:
        listening_socket(host, port).close()  # fail here, clearly, when the port is taken
    except OSError as exc:
        print(f"无法监听 {host}:{port}：{exc}", file=sys.stderr)
        return 1
    _prepare(Settings())
    # The expensive encoder keeps one model copy per core in each process;
    # with several processes, the cores are shared out between them.
    cores = os.cpu_count() or 1
    os.environ.setdefault("ONETRIP_ENCODER_COPIES", str(max(1, cores // workers)))
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_worker, args=(host, port, access_log), name=f"onetrip-serve-{n}")
        for n in range(workers)
    ]
    for process in processes:
        process.start()
    print(f"{workers} 个服务进程监听 http://{host}:{port}", flush=True)
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping and all(p.is_alive() for p in processes):
            time.sleep(0.5)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # uvicorn finishes its requests on SIGTERM
        for process in processes:
            process.join(timeout=30)
    failed = [p for p in processes if p.exitcode not in (0, -signal.SIGTERM)]
    if failed and not stopping:
        print(
            f"服务进程 {failed[0].name} 意外退出（{failed[0].exitcode}），已停止全部进程",
            file=sys.stderr,
        )
        return 1
    return 0
