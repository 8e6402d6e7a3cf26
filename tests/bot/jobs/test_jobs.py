"""Pre-review jobs: the HTTP API, restart survival, retention purge, masking, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import time
from concurrent.futures import Executor, Future, ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.cli import main as cli
from bot.jobs import DONE, QUEUED, PrereviewJobs, new_token
from prereview import Reviewer
from tests.prereview.make_docs import COMPANY, ZHANG

BAD_ID = "qy_id_zhang_badcheck.jpg"


class Held(Executor):
    """An executor that never runs anything: a process stopped before its jobs ran."""

    def submit(self, fn, /, *args, **kwargs):
        return Future()


def make_jobs(store, settings, ocr, executor=None) -> PrereviewJobs:
    return PrereviewJobs(
        store,
        Reviewer(ocr),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        executor or ThreadPoolExecutor(max_workers=1),
    )


def wait(jobs: PrereviewJobs, job_id: str, token: str | None = None):
    for _ in range(600):
        job = jobs.get_job(job_id, token)
        if job.finished:
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


@pytest.fixture
def client(settings, sample_store, ocr):
    app = create_app(settings, jobs=make_jobs(sample_store, settings, ocr))
    return TestClient(app)


def _upload(docs, names):
    return [("files", (n, docs[n].read_bytes(), "application/octet-stream")) for n in names]


@pytest.mark.slow
def test_api_submit_poll_and_notices(client, docs):
    response = client.post(
        "/api/v1/prereview",
        data={"item": "gjj-tiqu-zufang", "situations": ["married=false", "agent=false"],
              "applicant": ZHANG.name, "date": "2025-06-01"},
        files=_upload(docs, ["gjj_lease.pdf", BAD_ID]),
    )  # fmt: skip
    assert response.status_code == 202, response.text
    submitted = response.json()
    job, token = submitted["job"], submitted["token"]
    for _ in range(600):
        data = client.get(f"/api/v1/prereview/{job}", headers={"X-Job-Token": token}).json()
        if data["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert data["status"] == "done" and data["masked"] is False
    result = data["result"]
    assert {m["id"]: m["status"] for m in result["materials"]}["sfz"] == "defective"
    assert set(result) >= {"item", "complete", "materials", "notice"}
    bad_number = next(m for m in result["materials"] if m["id"] == "sfz")["problems"][0]
    full = bad_number.split("“")[1].split("”")[0]
    assert "*" not in full and len(full) == 18

    masked = client.get(f"/api/v1/prereview/{job}").json()
    assert masked["masked"] is True and full not in json.dumps(masked, ensure_ascii=False)
    assert client.get(f"/api/v1/prereview/{job}?token=wrong").status_code == 403

    html = client.get(f"/api/v1/prereview/{job}/notice.html?token={token}")
    assert html.status_code == 200 and "一次性告知书" in html.text and full in html.text
    pdf = client.get(f"/api/v1/prereview/{job}/notice.pdf", headers={"X-Job-Token": token})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get("/api/v1/prereview/nosuchjob").status_code == 404


def test_api_rejects_bad_requests(client, docs, settings):
    files = _upload(docs, ["gjj_lease.pdf"])
    assert client.post("/api/v1/prereview", data={"item": "nope"}, files=files).status_code == 404
    bad = client.post(
        "/api/v1/prereview", data={"item": "gjj-tiqu-zufang", "situations": ["flying"]}, files=files
    )
    assert bad.status_code == 422 and "flying" in bad.json()["detail"]
    too_many = [
        ("files", (f"{i}.pdf", b"%PDF-1.4", "application/pdf"))
        for i in range(settings.max_files + 1)
    ]
    assert (
        client.post(
            "/api/v1/prereview", data={"item": "gjj-tiqu-zufang"}, files=too_many
        ).status_code
        == 413
    )


def test_jobs_survive_a_restart(settings, sample_store, ocr, docs):
    stopped = make_jobs(sample_store, settings, ocr, executor=Held())
    job_id = stopped.submit_job("gjj-tiqu-zufang", [docs["gjj_lease.pdf"]], {"married": False},
                                ZHANG.name, today=dt.date(2025, 6, 1))  # fmt: skip
    assert stopped.get_job(job_id).status == QUEUED
    stored = list((settings.home_dir / "uploads" / "prereview" / job_id).iterdir())
    assert [p.name for p in stored] != ["gjj_lease.pdf"] and len(stored[0].name) == 24

    restarted = make_jobs(sample_store, settings, ocr)
    done: list[str] = []
    restarted.on_done(lambda job, result: done.append(job.id))
    assert restarted.requeue_pending() == 1
    job = wait(restarted, job_id)
    assert job.status == DONE and done == [job_id]
    assert job.result.material("zulin-hetong").status == "ok"


def test_owner_sees_own_numbers_after_restart_others_see_masks(settings, sample_store, ocr, docs):
    token = new_token()
    stopped = make_jobs(sample_store, settings, ocr, executor=Held())
    job_id = stopped.submit_job(
        "gjj-tiqu-zufang", [docs[BAD_ID]], {}, ZHANG.name, owner_token=token
    )
    restarted = make_jobs(sample_store, settings, ocr)
    restarted.requeue_pending()
    wait(restarted, job_id)
    own = restarted.get_job(job_id, token)
    other = restarted.get_job(job_id)
    assert not own.masked and other.masked
    own_text = json.dumps(own.result.to_json(), ensure_ascii=False)
    other_text = json.dumps(other.result.to_json(), ensure_ascii=False)
    assert "*" not in own_text.split("公民身份号码")[1][:25]
    assert "********" in other_text
    with pytest.raises(PermissionError):
        restarted.get_job(job_id, new_token())


def test_retention_purge_deletes_uploads_and_results(settings, sample_store, ocr, docs):
    jobs = make_jobs(sample_store, settings, ocr)
    job_id = jobs.submit_job("gjj-tiqu-zufang", [docs["gjj_lease.pdf"]], {}, ZHANG.name)
    wait(jobs, job_id)
    folder = settings.home_dir / "uploads" / "prereview" / job_id
    assert folder.is_dir()
    assert jobs.purge() == 0
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(
        days=settings.retention_days + 1
    )
    assert jobs.purge(now=later) == 1
    assert not folder.exists() and jobs.get_job(job_id) is None


def test_failed_review_is_reported_not_raised(settings, sample_store, docs):
    class Broken:
        name = "broken"

        def read(self, image):
            raise RuntimeError(f"engine crashed on {ZHANG.id_number}")

    jobs = make_jobs(sample_store, settings, Broken())
    job_id = jobs.submit_job("gjj-tiqu-zufang", [docs["sp_health_ok.jpg"]], {}, ZHANG.name)
    job = wait(jobs, job_id)
    assert job.status == "failed" and "稍后重试" in job.error


@pytest.mark.slow
def test_cli_prereview_json(settings, sample_store, docs, capsys):
    code = cli([
        "prereview", "--item", "scjg-qiye-sheli", "--situation", "org-shareholder",
        "--applicant", COMPANY, "--date", "2025-06-01", "--json",
        str(docs["qy_application.docx"]), str(docs["qy_lease_ended.pdf"]), str(docs["qy_appointment.pdf"]),
    ])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["item"] == "scjg-qiye-sheli" and data["complete"] is False
    status = {m["id"]: m["status"] for m in data["materials"]}
    assert status["zhusuo-zulin"] == "defective" and status["fddbr-sfz"] == "missing"
    assert status["weituoshu"] == "not_applicable"  # unlisted situations do not apply
    assert all(set(m) >= {"id", "name", "status", "files", "problems"} for m in data["materials"])
    assert "一次性告知书" in data["notice"] and "2024年12月31日到期" in data["notice"]


def test_cli_prereview_errors(settings, sample_store, docs, capsys):
    assert cli(["prereview", "--item", "nope", str(docs["qy_lease.pdf"])]) == 1
    assert cli(["prereview", "--item", "scjg-qiye-sheli", "/nonexistent.pdf"]) == 1
    assert "不存在" in capsys.readouterr().err


def test_logs_never_show_id_numbers(caplog):
    import logging

    from bot.jobs._logging import log

    with caplog.at_level(logging.INFO, logger="bot.jobs"):
        log.info("reading %s", ZHANG.id_number)
        try:
            raise ValueError(f"bad number {ZHANG.id_number}")
        except ValueError:
            log.exception("job failed")
    assert ZHANG.id_number not in caplog.text
    assert ZHANG.id_number[:6] + "********" in caplog.text


def test_a_task_queue_worker_runs_the_same_job_function(settings, sample_store, ocr, docs):
    from bot.worker import run_job

    web = make_jobs(sample_store, settings, ocr, executor=Held())  # the web process only queues
    job_id = web.submit_job(
        "rs-shiye-baoxianjin",
        [docs["rs_termination.pdf"]],
        {},
        ZHANG.name,
        today=dt.date(2025, 6, 1),
    )
    run_job(job_id)  # as `rq worker` would: settings from ONETRIP_*, nothing shared in memory
    job = web.get_job(job_id)
    assert job.status == DONE
    assert job.result.material("jiechu-zhengming").status == "ok"
