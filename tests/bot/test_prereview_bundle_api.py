"""A bundle's pre-review over HTTP and the CLI: submit, poll, notice pages, errors."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.cli import main as cli
from bot.jobs import PrereviewJobs
from knowledge.bundles import load_bundles
from prereview import Reviewer
from tests.prereview.make_docs import ZHANG

BUNDLES = Path(__file__).resolve().parents[2] / "knowledge" / "bundle-samples"
ID_CARD, LAYOUT, LEASE = "qy_id_zhang.jpg", "sp_layout.pdf", "gjj_lease.pdf"


@pytest.fixture
def client(settings, sample_store, ocr):
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLES]).bundles], "tests")
    jobs = PrereviewJobs(
        sample_store,
        Reviewer(ocr),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        ThreadPoolExecutor(max_workers=1),
    )
    return TestClient(create_app(settings, jobs=jobs))


def _upload(docs, names):
    return [("files", (n, docs[n].read_bytes(), "application/octet-stream")) for n in names]


def _finished(client: TestClient, job: str, token: str | None = None) -> dict:
    headers = {"X-Job-Token": token} if token else {}
    for _ in range(1200):
        data = client.get(f"/api/v1/prereview/{job}", headers=headers).json()
        if data["status"] in ("done", "failed"):
            return data
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_bundle_round_trip(client, docs):
    response = client.post(
        "/api/v1/prereview",
        data={"bundle": "kai-fandian", "situations": ["getihu,canting"], "date": "2025-06-01"},
        files=_upload(docs, [ID_CARD, LAYOUT]),
    )
    assert response.status_code == 202, response.text
    job, token = response.json()["job"], response.json()["token"]
    data = _finished(client, job, token)
    assert data["status"] == "done" and data["bundle"] == "kai-fandian"
    result = data["result"]
    assert result["bundle"] == "kai-fandian" and result["complete"] is False
    reviewed = [i["item"] for i in result["items"] if i["result"]]
    assert reviewed == ["scjg-getihu-sheli", "scjg-spjy-xuke", "shuiwu-paishui-xuke"]
    cards = [m for m in result["materials"] if ID_CARD in m["files"]]
    assert len(cards) == 1 and cards[0]["status"] == "ok" and len(cards[0]["items"]) == 2
    assert "一件事：开饭店“一件事”" in result["notice"]

    masked = client.get(f"/api/v1/prereview/{job}").json()
    assert masked["masked"] is True and masked["result"]["bundle"] == "kai-fandian"
    assert ZHANG.id_number not in json.dumps(masked, ensure_ascii=False)

    html = client.get(f"/api/v1/prereview/{job}/notice.html?token={token}")
    assert html.status_code == 200
    assert "多个事项共用的材料" in html.text and "综合窗口" in html.text
    pdf = client.get(f"/api/v1/prereview/{job}/notice.pdf", headers={"X-Job-Token": token})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_single_item_jobs_still_render(client, docs):
    response = client.post(
        "/api/v1/prereview",
        data={"item": "gjj-tiqu-zufang", "date": "2025-06-01"},
        files=_upload(docs, [LEASE]),
    )
    job = response.json()["job"]
    data = _finished(client, job)
    assert data["item"] == "gjj-tiqu-zufang" and data["bundle"] is None
    assert "materials" in data["result"] and "bundle" not in data["result"]
    html = client.get(f"/api/v1/prereview/{job}/notice.html")
    assert html.status_code == 200 and "一次性告知书" in html.text


def test_bundle_requests_refused_clearly(client, docs):
    files = _upload(docs, [LAYOUT])
    post = lambda data: client.post("/api/v1/prereview", data=data, files=files)  # noqa: E731
    assert post({"bundle": "nope"}).status_code == 404
    both = post({"bundle": "kai-fandian", "item": "gjj-tiqu-zufang"})
    assert both.status_code == 422 and "二者选一" in both.json()["detail"]
    assert post({}).status_code == 422
    bad = post({"bundle": "kai-fandian", "situations": ["flying"]})
    assert bad.status_code == 422 and "flying" in bad.json()["detail"]
    one_of = post({"bundle": "kai-fandian", "situations": ["getihu", "gongsi"]})
    assert one_of.status_code == 422 and "只能选其一" in one_of.json()["detail"]


def test_cli_bundle_json(settings, sample_store, docs, capsys):
    code = cli([
        "prereview", "--bundle", "kai-fandian", "--situation", "getihu",
        "--situation", "xiaocanyin", "--date", "2025-06-01", "--json", str(docs[LAYOUT]),
    ])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bundle"] == "kai-fandian" and data["complete"] is False
    applies = {i["item"]: i["applies"] for i in data["items"]}
    assert applies["scjg-xiaocanyin-dengji"] is True and applies["scjg-spjy-xuke"] is False
    assert {"name", "status", "items", "files"} <= set(data["materials"][0])
    assert "一次性告知书" in data["notice"]


def test_cli_bundle_text_and_errors(settings, sample_store, docs, capsys):
    assert cli(["prereview", "--bundle", "kai-fandian", "--situation", "getihu,canting",
                str(docs[LAYOUT])]) == 0  # fmt: skip
    assert "按您选择的情形，本次无需办理" in capsys.readouterr().out
    assert cli(["prereview", "--bundle", "nope", str(docs[LAYOUT])]) == 1
    assert "没有一件事 nope" in capsys.readouterr().err
    assert cli(["prereview", "--bundle", "kai-fandian", "--situation", "flying",
                str(docs[LAYOUT])]) == 1  # fmt: skip
    assert "flying" in capsys.readouterr().err
    assert cli(["prereview", "--bundle", "kai-fandian", "/nonexistent.pdf"]) == 1
    with pytest.raises(SystemExit) as both:
        cli(["prereview", "--bundle", "kai-fandian", "--item", "x", str(docs[LAYOUT])])
    assert both.value.code == 2
