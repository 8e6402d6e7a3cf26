"""Pre-review scheduling lanes and admission (bot.jobs.lanes, bot.jobs.admission)."""

from __future__ import annotations

import threading
import time

import pytest

from bot.counters import Counters
from bot.jobs.admission import Admission, CapacityRules, Refused
from bot.jobs.lanes import JobLanes, job_pages
from tests.bot.conftest import document_pdf


class Recorder:
    """A stand-in job runner: big jobs take a while, small ones are instant."""

    def __init__(self) -> None:
        self.finished: list[str] = []
        self.release = threading.Event()
        self.lock = threading.Lock()

    def run(self, job_id: str) -> None:
        if job_id.startswith("big"):
            self.release.wait(10)
        with self.lock:
            self.finished.append(job_id)

    def wait(self, job_id: str, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if job_id in self.finished:
                    return True
            time.sleep(0.01)
        return False


def test_a_small_job_does_not_wait_behind_big_ones():
    recorder = Recorder()
    lanes = JobLanes(recorder.run, threads=2, small_pages=3)
    for n in range(6):
        lanes.submit(f"big{n}", pages=30)
    lanes.submit("small", pages=1)
    assert recorder.wait("small")
    assert not any(j.startswith("big") for j in recorder.finished)
    recorder.release.set()
    for n in range(6):
        assert recorder.wait(f"big{n}")
    assert [j for j in recorder.finished if j.startswith("big")] == [f"big{n}" for n in range(6)]
    lanes.close()


def test_one_thread_takes_small_jobs_first():
    recorder = Recorder()
    recorder.release.set()
    gate = threading.Event()
    order: list[str] = []

    def run(job_id: str) -> None:
        gate.wait(5)
        order.append(job_id)

    lanes = JobLanes(run, threads=1, small_pages=3)
    lanes.submit("first", pages=30)
    time.sleep(0.1)  # "first" is running
    lanes.submit("big", pages=30)
    lanes.submit("small", pages=1)
    gate.set()
    deadline = time.monotonic() + 5
    while len(order) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert order == ["first", "small", "big"]
    lanes.close()


def test_close_returns_the_unfinished_jobs():
    recorder = Recorder()
    lanes = JobLanes(recorder.run, threads=2)
    lanes.submit("big0", pages=30)
    lanes.submit("big1", pages=30)
    time.sleep(0.1)
    assert set(lanes.close()) == {"big0", "big1"}
    with pytest.raises(RuntimeError):
        lanes.submit("late", pages=1)
    recorder.release.set()


def test_pages_are_counted_and_capped(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(document_pdf(["第一页"]))
    photo = tmp_path / "b.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really")
    assert job_pages([pdf, photo], max_pages=30) == 2
    assert job_pages([pdf] * 40, max_pages=30) == 30


def test_admission_bounds_the_queue_and_each_party(store):
    admission = Admission(
        Counters(store.engine), CapacityRules(max_waiting=5, jobs_per_hour=3, pages_per_hour=10)
    )
    with pytest.raises(Refused) as busy:
        admission.admit(waiting=5, pages=1, who=["address:1.2.3.4"])
    assert busy.value.busy and "请稍后再试" in busy.value.message
    for _ in range(3):
        admission.admit(waiting=0, pages=1, who=["conversation:web:a", "address:1.2.3.4"])
    with pytest.raises(Refused) as quota:
        admission.admit(waiting=0, pages=1, who=["conversation:web:b", "address:1.2.3.4"])
    assert not quota.value.busy and "请稍后再试" in quota.value.message
    admission.admit(waiting=0, pages=1, who=["conversation:web:b", "address:5.6.7.8"])
    with pytest.raises(Refused):  # pages: 1 taken, 10 more is over 10
        admission.admit(waiting=0, pages=10, who=["conversation:web:b"])
    admission.admit(waiting=0, pages=9, who=["conversation:web:b"])  # the refusal gave back
