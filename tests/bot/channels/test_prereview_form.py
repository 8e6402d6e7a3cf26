"""The pre-filled form of a stored pre-review over HTTP: HTML and PDF, under the notice's rules."""

from __future__ import annotations

import io
import time
from concurrent.futures import ThreadPoolExecutor

import pdfplumber
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.jobs import PrereviewJobs
from prereview import Reviewer
from tests.prereview.make_docs import ZHANG


@pytest.fixture
def client(settings, sample_store, ocr):
    jobs = PrereviewJobs(
        sample_store,
        Reviewer(ocr),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        ThreadPoolExecutor(max_workers=1),
    )
    return TestClient(create_app(settings, jobs=jobs))


@pytest.mark.slow
def test_form_pages_follow_the_notice_s_access_rules(client, docs):
    files = [("files", (n, docs[n].read_bytes(), "image/jpeg"))
             for n in ("up_id_front.jpg", "up_id_back.jpg")]  # fmt: skip
    response = client.post(
        "/api/v1/prereview",
        data={"item": "rs-shiye-baoxianjin", "situations": ["agent=false"], "date": "2025-06-01"},
        files=files,
    )
    assert response.status_code == 202, response.text
    submitted = response.json()
    job, token = submitted["job"], submitted["token"]
    assert submitted["form_html"].endswith(f"/{job}/form.html")
    assert submitted["form_pdf"].endswith(f"/{job}/form.pdf")
    for _ in range(1200):
        status = client.get(f"/api/v1/prereview/{job}", headers={"X-Job-Token": token}).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert status["status"] == "done"
    assert status["result"]["prefill"][0]["material"] == "qiuzhi"

    html = client.get(submitted["form_html"], params={"token": token})
    assert html.status_code == 200 and "求职登记表" in html.text
    assert ZHANG.name in html.text and ZHANG.id_number in html.text
    assert "来源：居民身份证（up_id_front.jpg、up_id_back.jpg）" in html.text
    assert html.headers["cache-control"] == "private, no-store"

    # Without the owner's token the stored, masked result is shown: no ID number, no name.
    masked = client.get(submitted["form_html"])
    assert masked.status_code == 200
    assert ZHANG.id_number not in masked.text and f">{ZHANG.name}<" not in masked.text
    assert client.get(submitted["form_html"], params={"token": "wrong"}).status_code == 403
    assert client.get("/api/v1/prereview/nosuchjob/form.pdf").status_code == 404

    pdf = client.get(submitted["form_pdf"], headers={"X-Job-Token": token})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert ZHANG.name in text and ZHANG.id_number in text
