"""The applicant types the pre-filled form's blank rows on its page and gets them in the PDF.

The jobs here finish with a known result (a stub reviewer, a stubbed bundle review), so
that the tests are about the form's page and PDF, not OCR.
"""

from __future__ import annotations

import copy
import io
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pdfplumber
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.channels.http import chat_form_path
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from bot.jobs import PrereviewJobs
from knowledge.bundles import load_bundles
from prereview.bundle_review import BundleItemResult, BundleReviewResult
from prereview.limits import Limits
from prereview.result import PrefillField, PrefillForm, ReviewResult
from tests.prereview.make_docs import RESTAURANT, TODAY, ZHANG

ID_SOURCE = "居民身份证（up_id_front.jpg）"
PHONE = "13912345678"
WRONG_ID = ZHANG.id_number[:-1] + ("1" if ZHANG.id_number[-1] != "1" else "2")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _result(item: str, name: str, fields: list[PrefillField], number: str) -> ReviewResult:
    form = PrefillForm("shenqingshu", f"{name}申请书", fields)
    return ReviewResult(item, name, "示范市市场监督管理局", TODAY, number, None, False, [],
                        prefill=[form])  # fmt: skip


def _spjy() -> ReviewResult:
    """Name read off the ID card; ID number, USCC and phone left blank."""
    return _result(
        "scjg-spjy-xuke",
        "食品经营许可",
        [
            PrefillField("申请人名称", "company_name", RESTAURANT, "营业执照（up_licence.jpg）"),
            PrefillField("法定代表人（负责人）", "name", ZHANG.name, ID_SOURCE),
            PrefillField("身份证件号码", "id_number"),
            PrefillField("联系电话", "phone"),
        ],
        "YS1",
    )


class StubReviewer:
    """Stands in for OCR: every job finishes with the same known result."""

    ocr = None
    limits = Limits()

    def review(self, *args, **kwargs) -> ReviewResult:
        return _spjy()


@pytest.fixture
def client(settings, sample_store):
    bundles = load_bundles([BUNDLE_SAMPLES_DIR]).bundles
    sample_store.import_bundles([b for _, b in bundles], "tests")
    jobs = PrereviewJobs(
        sample_store,
        StubReviewer(),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        ThreadPoolExecutor(max_workers=1),
    )
    return TestClient(create_app(settings, jobs=jobs))


def _finished(client: TestClient, data: dict) -> tuple[dict, str]:
    response = client.post("/api/v1/prereview", data=data, files=[("files", ("a.png", PNG))])
    assert response.status_code == 202, response.text
    submitted = response.json()
    for _ in range(300):
        status = client.get(submitted["result_url"], params={"token": submitted["token"]}).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert status["status"] == "done", status
    return submitted, submitted["token"]


class _Inputs(HTMLParser):
    """The names of a page's inputs and where its form posts."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.action: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "input":
            self.names.append(attrs["name"])
        elif tag == "form":
            self.action = attrs["action"]


def _inputs(html: str) -> _Inputs:
    parser = _Inputs()
    parser.feed(html)
    return parser


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_blank_rows_are_inputs_and_typed_values_reach_the_pdf_only(client):
    submitted, token = _finished(client, {"item": "scjg-spjy-xuke"})
    page = client.get(submitted["form_html"], params={"token": token})
    assert page.status_code == 200
    inputs = _inputs(page.text)
    assert inputs.names == ["id_number", "phone"]  # the filled rows stay read-only text
    assert "生成PDF（含我填写的内容）" in page.text
    assert f"来源：{ID_SOURCE}" in page.text
    assert inputs.action == f"form.pdf?token={token}"
    stored = client.get(submitted["result_url"], params={"token": token}).json()["result"]

    pdf = client.post(
        submitted["form_pdf"],
        params={"token": token},
        data={"phone": PHONE, "id_number": WRONG_ID, "name": "李四"},
    )
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = _pdf_text(pdf.content)
    assert PHONE in text and "来源：申请人填写" in text
    assert WRONG_ID not in text and "证件号码未通过校验" in text
    assert ZHANG.name in text and "李四" not in text  # a value read off the ID card stays

    right = client.post(submitted["form_pdf"], params={"token": token},
                        data={"id_number": ZHANG.id_number})  # fmt: skip
    assert ZHANG.id_number in _pdf_text(right.content)

    # Nothing typed was kept: the stored result, and the plain PDF, are as before.
    again = client.get(submitted["result_url"], params={"token": token}).json()["result"]
    assert again == stored and PHONE not in str(again)
    plain = client.get(submitted["form_pdf"], params={"token": token})
    assert PHONE not in _pdf_text(plain.content)


def test_an_over_long_value_is_refused_in_chinese(client):
    submitted, token = _finished(client, {"item": "scjg-spjy-xuke"})
    response = client.post(submitted["form_pdf"], params={"token": token},
                           data={"phone": "1" * 500})  # fmt: skip
    assert response.status_code == 422 and "过长" in response.text


def test_a_bundle_s_combined_form_takes_typed_values(client, monkeypatch):
    def review_bundle(bundle, *args, **kwargs) -> BundleReviewResult:
        first = _spjy()
        second = _result(
            "scjg-getihu-dengji",
            "个体工商户设立登记",
            [PrefillField("经营者姓名", "name", ZHANG.name, ID_SOURCE),
             PrefillField("联系电话", "phone"), PrefillField("经营场所", "business_address")],
            "YS1",
        )  # fmt: skip
        items = [BundleItemResult(r.item, r.item_name, True, result=r) for r in (first, second)]
        return BundleReviewResult(bundle.id, bundle.name, "示范市市场监督管理局", {}, TODAY,
                                  "YS1", None, False, items, [])  # fmt: skip

    monkeypatch.setattr("bot.jobs.service.review_bundle", review_bundle)
    submitted, token = _finished(client, {"bundle": "kai-fandian"})
    page = client.get(submitted["form_html"], params={"token": token})
    # The phone both items ask is one input in the shared part.
    assert _inputs(page.text).names == ["phone", "id_number", "business_address"]
    stored = copy.deepcopy(client.get(submitted["result_url"], params={"token": token}).json())

    address = "示范市建设路8号"
    pdf = client.post(submitted["form_pdf"], params={"token": token},
                      data={"phone": PHONE, "business_address": address})  # fmt: skip
    text = _pdf_text(pdf.content)
    assert "一表申请" in text and text.count(PHONE) == 1 and address in text
    assert text.count("来源：申请人填写") == 2
    assert client.get(submitted["result_url"], params={"token": token}).json() == stored


def test_the_chat_s_signed_form_link_takes_typed_values_too(client):
    services = client.app.state.services
    key = "web:typing"
    job = services.jobs.submit_job(
        "scjg-spjy-xuke", [("a.png", PNG)], owner_token=services.tokens.job_owner_token(key)
    )
    services.notices.link(job, key, "scjg-spjy-xuke")
    for _ in range(300):
        if services.jobs.get_job(job).finished:
            break
        time.sleep(0.05)
    page_url = chat_form_path(job, services.tokens.form_token(job))
    pdf_url = page_url.replace("/form.html?", "/form.pdf?")
    page = client.get(page_url)
    inputs = _inputs(page.text)
    assert inputs.names == ["id_number", "phone"]
    assert inputs.action == "form.pdf?" + pdf_url.partition("?")[2]

    pdf = client.post(pdf_url, data={"phone": PHONE})
    text = _pdf_text(pdf.content)
    assert PHONE in text and "来源：申请人填写" in text and ZHANG.name in text
    forged = pdf_url.partition("?sig=")[0] + "?sig=forged"
    assert client.post(forged, data={"phone": PHONE}).status_code == 404
