"""Finding 6 beyond WeChat: JSON errors, the periodic purge (chat files, ``chat_jobs``), a
graceful stop that requeues the running job, and the server's log output."""

from __future__ import annotations

import io
import os
import signal
import time

import httpx
from PIL import Image

from tests.bot.conftest import document_png
from tests.security.conftest import (
    ITEM,
    chat_session,
    execute,
    make_client,
    query,
    start_server,
)

ID = "320202196509090519"


def test_a_lone_surrogate_in_chat_json_is_not_a_server_error(instance):
    client = make_client()
    citizen = chat_session(client)
    for body in (
        b'{"text": "\\ud800"}',
        b'{"text": "\\udfff\\ud800abc"}',
        b'{"command": "\\ud83d"}',
    ):
        response = client.post(
            "/api/v1/chat",
            content=body,
            headers={**citizen, "Content-Type": "application/json"},
        )
        assert response.status_code < 500, (body, response.status_code, response.text[:200])


def test_an_oversized_chat_request_is_not_echoed_back(instance):
    client = make_client()
    citizen = chat_session(client)
    huge = "办" * 3_000_000
    response = client.post("/api/v1/chat", json={"text": huge, "command": 7}, headers=citizen)
    assert response.status_code < 500
    assert len(response.content) < 10_000, len(response.content)
    for payload in ({"text": ["x" * 1_000_000]}, {"text": 1, "command": "y" * 1_000_000}):
        response = client.post("/api/v1/chat", json=payload, headers=citizen)
        assert 400 <= response.status_code < 500 and len(response.content) < 10_000


def _uploaded_chat_files(home) -> set[str]:
    uploads = home / "uploads"
    return {
        str(p)
        for p in uploads.rglob("*")
        if p.is_file() and "prereview" not in p.relative_to(uploads).parts
    }


def test_unsubmitted_chat_files_are_purged_while_the_server_runs(instance):
    with make_client(retention_days=2, purge_interval_minutes=0.02) as client:
        citizen = chat_session(client)
        client.post("/api/v1/chat", json={"command": "prereview"}, headers=citizen)
        client.post(
            "/api/v1/chat/files",
            files=[("files", ("a.png", document_png(["营业执照"]), "image/png"))],
            headers=citizen,
        )
        files = _uploaded_chat_files(instance)
        assert len(files) == 1
        old = time.time() - 3 * 24 * 3600
        for path in files:
            os.utime(path, (old, old))
        deadline = time.monotonic() + 15
        while _uploaded_chat_files(instance) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _uploaded_chat_files(instance)


def test_chat_jobs_are_purged_with_their_jobs(instance):
    with make_client() as client:
        citizen = chat_session(client)
        reply = client.post("/api/v1/chat", json={"command": "prereview"}, headers=citizen).json()
        reply = client.post("/api/v1/chat", json={"text": "营业执照补领"}, headers=citizen).json()
        while reply["kind"] == "situation":
            reply = client.post("/api/v1/chat", json={"text": "2"}, headers=citizen).json()
        client.post(
            "/api/v1/chat/files",
            files=[("files", ("a.png", document_png(["营业执照"]), "image/png"))],
            headers=citizen,
        )
        done = client.post("/api/v1/chat", json={"command": "done"}, headers=citizen).json()
        assert done["job"]
    assert query(instance, "SELECT count(*) FROM chat_jobs")[0][0] == 1
    execute(instance, "UPDATE prereview_jobs SET created_at = datetime('now', '-30 days')")
    execute(instance, "UPDATE chat_jobs SET created_at = datetime('now', '-30 days')")
    with make_client():  # the purge runs as the app starts
        time.sleep(1)
    assert query(instance, "SELECT count(*) FROM prereview_jobs")[0][0] == 0
    assert query(instance, "SELECT count(*) FROM chat_jobs")[0][0] == 0


def _scanned(pages: int) -> bytes:
    image = Image.open(io.BytesIO(document_png(["营业执照", "名称 示范市某某餐饮有限公司"])))
    buffer = io.BytesIO()
    image.convert("RGB").save(
        buffer, format="PDF", save_all=True, append_images=[image.convert("RGB")] * (pages - 1)
    )
    return buffer.getvalue()


def test_a_graceful_stop_requeues_the_running_job_and_logs_reach_the_output(instance):
    server = start_server(instance, {"ONETRIP_MAX_PAGES": "20"})
    try:
        submitted = httpx.post(
            f"{server.url}/api/v1/prereview",
            data={"item": ITEM},
            files=[("files", ("big.pdf", _scanned(20), "application/pdf"))],
            timeout=60,
        ).json()
        job = submitted["job"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status = httpx.get(f"{server.url}{submitted['result_url']}").json()["status"]
            if status == "running":
                break
            time.sleep(0.2)
        assert status == "running"
        httpx.get(f"{server.url}/?t={ID}")  # a personal number in a URL, for the access log
        took = server.stop(timeout=120)
    finally:
        server.stop()
    output = server.output()
    assert took < 15, f"the stop waited {took:.0f} s for the job"
    assert server.process.returncode in (0, -signal.SIGTERM), output[-2000:]  # not aborted
    assert query(instance, "SELECT status FROM prereview_jobs WHERE id = :id", id=job) == [
        ("queued",)
    ]
    assert f"prereview job {job} queued" in output, output[-3000:]
    assert ID not in output and "320202********0519" in output
