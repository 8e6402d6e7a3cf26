"""Finding 3: pre-review has a bounded queue, quotas per address and conversation, and a heavy
job cannot hold back everyone else."""

from __future__ import annotations

import io
import time

from PIL import Image

from tests.bot.conftest import document_png
from tests.prereview.make_docs import text_pdf
from tests.security.conftest import ITEM, chat_session, make_client


def _png(size: tuple[int, int] = (400, 300)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _scanned(pages: int) -> bytes:
    """An image-only PDF of ``pages`` document pages: each needs OCR (seconds a page)."""
    image = Image.open(io.BytesIO(document_png(["营业执照", "名称 示范市某某餐饮有限公司"])))
    image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", save_all=True, append_images=[image] * (pages - 1))
    return buffer.getvalue()


def _drain(client, responses, timeout: float = 180) -> None:
    """Wait for the jobs still running: an OCR thread left running at exit can abort the
    interpreter (onnxruntime's pool is torn down under it)."""
    deadline = time.monotonic() + timeout
    for response in responses:
        if response.status_code != 202:
            continue
        submitted = response.json()
        while time.monotonic() < deadline:
            poll = client.get(submitted["result_url"], params={"token": submitted["token"]})
            if poll.json()["status"] in ("done", "failed"):
                break
            time.sleep(0.5)


def _submit(client, name: str, data: bytes, kind: str = "image/png"):
    return client.post(
        "/api/v1/prereview", data={"item": ITEM}, files=[("files", (name, data, kind))]
    )


def test_one_address_cannot_submit_without_limit(instance):
    with make_client() as client:
        responses = [_submit(client, f"{n}.png", _png()) for n in range(12)]
        assert [r.status_code for r in responses[:10]] == [202] * 10
        refused = _submit(client, "more.png", _png())
        _drain(client, responses)
    assert refused.status_code == 429 and "请稍后再试" in refused.json()["detail"]


def test_a_full_queue_says_try_later(instance):
    with make_client(prereview_queue=2, prereview_threads=1) as client:
        first = _submit(client, "a.pdf", _scanned(2), "application/pdf")
        second = _submit(client, "b.pdf", _scanned(2), "application/pdf")
        third = _submit(client, "c.png", _png())
        _drain(client, [first, second])
    assert (first.status_code, second.status_code) == (202, 202)
    assert third.status_code == 503 and "请稍后再试" in third.json()["detail"]
    assert "retry-after" in third.headers


def _start_review(client, citizen: dict) -> None:
    """预审 → the item → "不属于" to each situation question, until files are asked for."""
    reply = client.post("/api/v1/chat", json={"command": "prereview"}, headers=citizen).json()
    if not reply["upload"]:
        reply = client.post("/api/v1/chat", json={"text": "营业执照补领"}, headers=citizen).json()
    for _ in range(10):
        if reply["kind"] != "situation":
            break
        reply = client.post("/api/v1/chat", json={"text": "2"}, headers=citizen).json()
    assert reply["upload"], reply


def test_the_chat_refuses_a_job_over_its_conversations_quota(instance):
    with make_client(prereview_jobs_per_hour=1) as client:
        citizen = chat_session(client)
        replies = []
        for _ in range(2):
            _start_review(client, citizen)
            client.post(
                "/api/v1/chat/files",
                files=[("files", ("a.png", document_png(["营业执照"]), "image/png"))],
                headers=citizen,
            )
            replies.append(
                client.post("/api/v1/chat", json={"command": "done"}, headers=citizen).json()
            )
    assert replies[0]["job"], replies[0]
    assert replies[1]["job"] is None and "请稍后再试" in "".join(replies[1]["texts"])


def test_a_small_job_is_done_while_big_ones_are_still_queued(instance):
    """Two 2-page scans (OCR, seconds a page) first, then a one-page PDF with a text layer."""
    small = text_pdf([["企业设立登记申请书", "企业名称 示范市某某餐饮有限公司"]])
    with make_client(prereview_small_pages=1) as client:  # 2 pages is big here
        big = [_submit(client, f"big{n}.pdf", _scanned(2), "application/pdf") for n in range(2)]
        assert all(b.status_code == 202 for b in big)
        started = time.monotonic()
        submitted = _submit(client, "small.pdf", small, "application/pdf").json()
        status = "queued"
        while status not in ("done", "failed") and time.monotonic() - started < 60:
            time.sleep(0.2)
            status = client.get(submitted["result_url"], params={"token": submitted["token"]})
            status = status.json()["status"]
        waited = time.monotonic() - started
        bigs = [
            client.get(b.json()["result_url"], params={"token": b.json()["token"]}).json()
            for b in big
        ]
        _drain(client, big)
    assert status == "done"
    assert waited < 8, f"the one-page job waited {waited:.1f} s behind the big ones"
    assert any(b["status"] != "done" for b in bigs)
