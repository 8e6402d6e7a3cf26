"""Pre-review capacity: how long a one-page job takes while six 500-page jobs are queued.

Before the job lanes, one thread took jobs in arrival order and a normal
one-file job waited behind every big upload (157 s behind six blank 500-page
PDFs). Target on the 2-core reference machine: the one-page job done within
10 s. The big PDFs are blank (each page is rendered and goes through OCR, up to
the per-job page cap ONETRIP_MAX_PAGES); the small one is a photo of an ID card.

The jobs run in a child process, as in a served app, and this process watches the
database; the child is stopped afterwards with the big jobs still running.
"""

from __future__ import annotations

import io
import multiprocessing
import tempfile
import time
from pathlib import Path

import pypdfium2
from PIL import Image
from sqlalchemy import select

from bot.compose import open_database, open_jobs, open_store
from bot.jobs import JobRow
from bot.settings import Settings
from knowledge import load_guides
from tests.bot.conftest import id_card_png

ROOT = Path(__file__).resolve().parent.parent
ITEM = "gongan-juzhuzheng-shenling"
BIG_JOBS = 6
BIG_PAGES = 500
TARGET_SECONDS = 10.0


def _blank_pdf(pages: int) -> bytes:
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def _photo(png: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _serve_jobs(home: str, report) -> None:
    """The child: the app's jobs service, six big jobs, then the small one."""
    settings = Settings(home=Path(home), encoders="none")
    jobs = open_jobs(settings, open_store(settings))
    big = _blank_pdf(BIG_PAGES)
    started = time.monotonic()
    for n in range(BIG_JOBS):
        jobs.submit_job(ITEM, [(f"blank{n}.pdf", big)])
    queued = time.monotonic() - started
    small = jobs.submit_job(ITEM, [("身份证.jpg", _photo(id_card_png()))])
    report.put((small, time.time(), queued))
    time.sleep(3600)


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="onetrip-bench-capacity-") as tmp:
        settings = Settings(home=Path(tmp), encoders="none")
        store = open_store(settings)
        db = open_database(store)
        guides = load_guides([ROOT / "knowledge" / "samples"])
        store.import_guides([g for _, g in guides.guides], "bench")
        context = multiprocessing.get_context("spawn")
        report = context.Queue()
        child = context.Process(target=_serve_jobs, args=(tmp, report), daemon=True)
        child.start()
        try:
            small, submitted_at, queued_in = report.get(timeout=300)
            status = "queued"
            while time.time() - submitted_at < 300:
                with db() as session:
                    status = session.scalar(select(JobRow.status).where(JobRow.id == small))
                if status in ("done", "failed"):
                    break
                time.sleep(0.1)
            seconds = time.time() - submitted_at
        finally:
            child.terminate()
            child.join(30)
    print(
        f"six {BIG_PAGES}-page jobs queued in {queued_in:.1f} s; "
        f"one-page job {status} after {seconds:.1f} s (target ≤ {TARGET_SECONDS:.0f} s)"
    )
    return {
        "big_jobs": BIG_JOBS,
        "big_pages": BIG_PAGES,
        "big_queued_seconds": round(queued_in, 2),
        "small_job_status": status,
        "small_job_seconds": round(seconds, 2),
        "small_job_within_target": status == "done" and seconds <= TARGET_SECONDS,
        "target_seconds": TARGET_SECONDS,
    }
