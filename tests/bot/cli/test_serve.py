"""``onetrip serve --workers N``: N app processes on one port, stopped together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listeners(port: int) -> int:
    """Sockets listening on ``port`` (IPv4), read from /proc/net/tcp."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        if state == "0A" and int(local.split(":")[1], 16) == port:
            count += 1
    return count


def _serve(home: Path, port: int, workers: int) -> subprocess.Popen:
    """The server, its output in ``home/serve.log`` (a pipe nobody reads could fill up)."""
    env = {
        **os.environ,
        "ONETRIP_HOME": str(home),
        "ONETRIP_ENCODERS": "none",  # lexical search only: the processes start in seconds
    }
    env.pop("ONETRIP_DATABASE_URL", None)
    with (home / "serve.log").open("w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _log(home: Path) -> str:
    return (home / "serve.log").read_text(errors="replace")


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_two_workers_share_the_port_and_stop_together(tmp_path: Path) -> None:
    port = _free_port()
    server = _serve(tmp_path, port, 2)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
            assert server.poll() is None, _log(tmp_path)
        # both processes listen (SO_REUSEPORT), so the kernel spreads connections over them
        while _listeners(port) < 2 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert _listeners(port) == 2, _log(tmp_path)
        for _ in range(20):  # fresh connections all get answered
            assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()["status"] == "ok"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    output = _log(tmp_path)
    assert server.returncode == 0, output
    assert "2 个服务进程" in output
    assert _listeners(port) == 0


def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = _serve(tmp_path, taken.getsockname()[1], 2)
        server.wait(timeout=60)
    assert server.returncode == 1
    assert "无法监听" in _log(tmp_path)
