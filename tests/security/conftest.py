"""Fixtures for the abuse and personal-data tests: an instance set up through the CLI, served
in-process (TestClient) or by a real ``onetrip serve`` process, and staff logged in over HTTP.

Everything is set up the way an operator would (``onetrip kb import``, ``onetrip staff
add``) and reached through the app's public surfaces only.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.bot.wechat_peer import free_port
from tests.conftest import REPO, SAMPLES

PASSWORD = "correct-horse-9"
ADMIN, EDITOR = "管理员甲", "编辑乙"
ITEM = "scjg-qiye-sheli"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def onetrip(home: Path, *args: str, stdin: str = "", env: dict | None = None):
    """Run the ``onetrip`` CLI on ``home`` and return the finished process."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ONETRIP_")}
    environment.update({"ONETRIP_HOME": str(home), "ONETRIP_ENCODERS": "none", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=300,
    )


@pytest.fixture(scope="session")
def template_home(tmp_path_factory) -> Path:
    """A knowledge base with the sample guides and two staff accounts, made by the CLI once."""
    home = tmp_path_factory.mktemp("security-template")
    for args, stdin in (
        (("kb", "import", str(SAMPLES)), ""),
        (("staff", "add", ADMIN, "--role", "admin"), PASSWORD + "\n"),
        (("staff", "add", EDITOR, "--role", "editor"), PASSWORD + "\n"),
    ):
        done = onetrip(home, *args, stdin=stdin)
        assert done.returncode == 0, done.stderr
    return home


@pytest.fixture
def instance(home: Path, template_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template in this test's ``ONETRIP_HOME`` (lexical search only)."""
    for path in template_home.iterdir():
        if path.is_file():
            shutil.copy(path, home / path.name)
    monkeypatch.setenv("ONETRIP_ENCODERS", "none")
    return home


def make_client(**settings: object) -> TestClient:
    """The app of this test's ``ONETRIP_HOME``, with extra ``ONETRIP_*`` settings."""
    from bot.app import create_app
    from bot.settings import Settings

    return TestClient(create_app(Settings(**settings)), follow_redirects=False)


def query(home: Path, sql: str, **params: object) -> list[tuple]:
    """Rows of a read-only SQL query on the instance's database (what an auditor would read)."""
    engine = create_engine(f"sqlite:///{home / 'onetrip.db'}")
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def execute(home: Path, sql: str, **params: object) -> None:
    """Change the database as time would (back-dating rows to test retention)."""
    engine = create_engine(f"sqlite:///{home / 'onetrip.db'}")
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), params)
    finally:
        engine.dispose()


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client, name: str, password: str = PASSWORD, headers: dict | None = None):
    """The login form, fetched and posted as a browser does (``client``: TestClient or httpx)."""
    page = client.get("/admin/login", headers=headers or {})
    return client.post(
        "/admin/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(page.text)},
        headers=headers or {},
    )


def logged_in(client: TestClient, name: str) -> TestClient:
    assert login(client, name).status_code == 303
    return client


def chat_session(client) -> dict[str, str]:
    """Headers of a new web chat conversation."""
    token = client.post("/api/v1/chat/session").json()["token"]
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 60) -> float:
        """SIGTERM, as a service manager stops it; the seconds it took to exit."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=timeout)
        return time.monotonic() - started


def start_server(home: Path, env: dict | None = None) -> Server:
    """``onetrip serve`` on a free loopback port, its output in ``home/serve.log``."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ONETRIP_")}
    environment.update({"ONETRIP_HOME": str(home), "ONETRIP_ENCODERS": "none", **(env or {})})
    log = home / "serve.log"
    with log.open("a") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)],
            env=environment,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, server.output()
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.stop()
    raise AssertionError("server did not start:\n" + server.output())


@pytest.fixture
def served(instance: Path) -> Iterator[Server]:
    server = start_server(instance)
    try:
        yield server
    finally:
        server.stop()
