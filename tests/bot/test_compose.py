"""The composition root: what each role builds, and what it must not."""

from __future__ import annotations

from concurrent.futures import Executor, Future

import pytest

from bot import compose
from bot.dialog import Dialog
from bot.jobs import PrereviewJobs
from bot.services.conversation_jobs import ConversationJobs
from prereview import Reviewer


class Held(Executor):
    """Runs nothing: the test runs the job itself, as a queue worker would."""

    def submit(self, fn, /, *args, **kwargs):
        return Future()


def _refuse(*_args, **_kwargs):
    raise AssertionError("a worker must not build this")


def test_a_worker_delivers_a_notice_without_a_dialog_or_search_models(
    settings, sample_store, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(Dialog, "__init__", _refuse)
    monkeypatch.setattr(compose, "open_searcher", _refuse)
    uploads = settings.home_dir / "uploads" / "prereview"
    monkeypatch.setattr(
        compose,
        "open_jobs",
        lambda _settings, store: PrereviewJobs(store, Reviewer(), uploads, executor=Held()),
    )
    jobs = compose.build_worker_jobs(settings)
    job_id = jobs.submit_job("no-such-item", [("a.png", b"x")], owner="web:citizen")
    ConversationJobs(sample_store.engine).link(job_id, "web:citizen", "no-such-item")
    jobs.run(job_id)
    log = compose._sessions(settings, sample_store).history("web:citizen")
    assert [row.status for row in log] == ["error"]
    assert "预审没有完成" in log[0].text and "no-such-item" in log[0].text


def test_the_app_builds_its_services_once(settings, sample_store):
    from bot.app import create_app

    services = create_app(settings).state.services
    assert services.dialog.intake is services.intake
    assert services.intake.jobs is services.jobs is services.notices.jobs
    assert services.wechat.dialog is services.dialog
    # Notices are pushed through the channel's own client: one WeChat access token.
    assert services.notices.push.__self__ is services.wechat.pusher
