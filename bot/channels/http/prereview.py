"""Pre-review jobs over HTTP: upload files for an item, poll the result, print the notice.

``POST /prereview`` stores the files and answers at once with a job id and an
owner token; OCR runs in the job pool, never on the event loop. The token
(header ``X-Job-Token`` or ``?token=``) shows the applicant's own ID numbers;
without it results are masked.

The pre-filled form's page posts what the applicant typed into its blank rows to the
same link's PDF (a POST, so the values stay out of access logs); they go into that PDF
only, never into the stored result or a log line.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    Header,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from bot.channels.http import SUBMIT_PATH
from bot.deps import JobsDep, SettingsDep, StoreDep, client_address
from bot.jobs import DONE, PrereviewJob, PrereviewJobs, Refused, new_token
from bot.situations import UnknownSituation, known_situations, parse_situations
from knowledge import Store
from knowledge.bundles import BundleError, compose
from prereview import (
    BundleReviewResult,
    ReviewResult,
    bundle_sources,
    render_bundle_html,
    render_bundle_pdf,
    render_bundle_text,
    render_html,
    render_pdf,
    render_text,
    situation_keys,
)
from prereview.forms import MAX_TYPED_CHARS, render_result_form
from prereview.limits import Limits

CHUNK = 1024 * 1024
BUSY_RETRY_SECONDS = 60  # the queue is full: jobs finish within minutes
QUOTA_RETRY_SECONDS = 3600  # this address's hourly quota is used up
MAX_TYPED_FIELDS = 200  # more than any form has rows

router = APIRouter(tags=["prereview"])


class Submitted(BaseModel):
    job: str
    token: str
    status: str
    result_url: str
    notice_html: str
    notice_pdf: str
    form_html: str  # the pre-filled application form (一表申请)
    form_pdf: str


async def _read_upload(upload: UploadFile, limits: Limits) -> bytes:
    data = bytearray()
    while chunk := await upload.read(CHUNK):
        data += chunk
        if len(data) > limits.max_file_bytes:
            raise HTTPException(413, f"“{upload.filename}”：{limits.file_too_big()}")
    return bytes(data)


@router.post(
    "/prereview", response_model=Submitted, status_code=202, summary="提交材料预审（异步）"
)
async def submit_prereview(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    jobs: JobsDep,
    files: Annotated[list[UploadFile], File(description="材料照片、PDF 或 Word（.docx）")],
    item: Annotated[str | None, Form(description="事项编号，如 scjg-qiye-sheli")] = None,
    bundle: Annotated[
        str | None, Form(description="一件事编号，如 kai-fandian（与 item 二选一）")
    ] = None,
    situations: Annotated[
        list[str], Form(description="适用的办事情形，如 agent 或 agent=false；未列出的视为未知")
    ] = [],  # noqa: B006 - FastAPI copies form defaults
    applicant: Annotated[str | None, Form(description="申请人姓名或单位名称")] = None,
    date: Annotated[dt.date | None, Form(description="预审日期（默认今天）")] = None,
) -> Submitted:
    if (item is None) == (bundle is None):
        raise HTTPException(422, "请提供事项编号 item 或一件事编号 bundle，二者选一")
    if bundle is not None:
        answers = _bundle_answers(store, bundle, situations)
    else:
        guide = store.get(item)
        if guide is None:
            raise HTTPException(404, f"没有编号为 {item} 的事项")
        try:
            # Situations not named stay unknown: the result then lists the questions to ask.
            answers = known_situations(parse_situations(situations, guide, unlisted=None)) or None
        except UnknownSituation as exc:
            raise HTTPException(422, str(exc)) from exc
    if not files:
        raise HTTPException(422, "请至少上传一个文件")
    limits = settings.limits
    if len(files) > limits.max_files:
        raise HTTPException(413, limits.too_many_files())
    contents: list[tuple[str, bytes]] = []
    total = 0
    for upload in files:
        data = await _read_upload(upload, limits)
        total += len(data)
        if total > limits.max_job_bytes:
            raise HTTPException(413, limits.job_too_big())
        contents.append((upload.filename or "未命名文件", data))
    token = new_token()
    try:
        job_id = jobs.submit_job(
            bundle or item,
            contents,
            answers,
            (applicant or "").strip() or None,
            today=date,
            owner_token=token,
            parties=[f"address:{client_address(request)}"],
            bundle=bundle is not None,
        )
    except Refused as exc:
        status, wait = (503, BUSY_RETRY_SECONDS) if exc.busy else (429, QUOTA_RETRY_SECONDS)
        raise HTTPException(status, exc.message, headers={"Retry-After": str(wait)}) from exc
    base = f"{request.scope.get('root_path', '')}{SUBMIT_PATH}/{job_id}"
    return Submitted(
        job=job_id,
        token=token,
        status="queued",
        result_url=base,
        notice_html=f"{base}/notice.html",
        notice_pdf=f"{base}/notice.pdf",
        form_html=f"{base}/form.html",
        form_pdf=f"{base}/form.pdf",
    )


def _bundle_answers(store: Store, bundle_id: str, situations: list[str]) -> dict[str, bool] | None:
    """A bundle's situations that apply, checked now; none named means not asked yet.

    A bundle's answers are all-or-nothing: once some are named, the others do not apply.
    """
    bundle = store.get_bundle(bundle_id)
    if bundle is None:
        raise HTTPException(404, f"没有编号为 {bundle_id} 的一件事")
    try:
        keys = situation_keys(situations)
        guides, bundles = bundle_sources(bundle, store.get, store.get_bundle)
        compose(bundle, guides, keys if situations else None, bundles=bundles)
    except BundleError as exc:
        raise HTTPException(422, str(exc)) from exc
    return dict.fromkeys(keys, True) if situations else None


def _job(jobs: PrereviewJobs, job_id: str, token: str | None) -> PrereviewJob:
    try:
        job = jobs.get_job(job_id, token)
    except PermissionError as exc:
        raise HTTPException(403, "令牌不正确，无法查看此预审结果") from exc
    if job is None:
        raise HTTPException(404, "没有这个预审任务（可能已超过保存期限被删除）")
    return job


def result_json(result: ReviewResult | BundleReviewResult, centre: str | None = None) -> dict:
    """The CLI's JSON contract plus everything the notice shows."""
    data = result.to_json()
    render = render_bundle_text if isinstance(result, BundleReviewResult) else render_text
    data["notice"] = "\n\n".join(render(result, max_bytes=1 << 20, centre=centre))
    return data


def _token(header: str | None, query: str | None) -> str | None:
    return header or query or None


@router.get("/prereview/{job_id}", summary="预审结果（轮询）")
def get_prereview(
    job_id: str,
    jobs: JobsDep,
    settings: SettingsDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query(description="提交时返回的令牌")] = None,
) -> dict[str, Any]:
    job = _job(jobs, job_id, _token(x_job_token, token))
    return {
        "job": job.id,
        "item": job.item,
        "bundle": job.bundle,
        "status": job.status,
        "masked": job.masked,
        "error": job.error,
        "created_at": job.created_at.isoformat() + "Z",
        "finished_at": job.finished_at.isoformat() + "Z" if job.finished_at else None,
        "result": result_json(job.result, settings.centre_name) if job.result else None,
    }


def finished_result(job: PrereviewJob) -> ReviewResult | BundleReviewResult:
    if job.status != DONE or job.result is None:
        detail = job.error or "预审尚未完成，请稍后再试"
        raise HTTPException(409 if job.status != DONE else 500, detail)
    return job.result


@router.get(
    "/prereview/{job_id}/notice.html", response_class=HTMLResponse, summary="一次性告知书（网页）"
)
def notice_html(
    job_id: str,
    jobs: JobsDep,
    settings: SettingsDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    result = finished_result(_job(jobs, job_id, _token(x_job_token, token)))
    render = render_bundle_html if isinstance(result, BundleReviewResult) else render_html
    html = render(result, centre=settings.centre_name, hotline=settings.hotline)
    return HTMLResponse(html, headers={"Cache-Control": "private, no-store"})


@router.get("/prereview/{job_id}/notice.pdf", summary="一次性告知书（PDF）")
def notice_pdf(
    job_id: str,
    jobs: JobsDep,
    settings: SettingsDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> Response:
    result = finished_result(_job(jobs, job_id, _token(x_job_token, token)))
    render = render_bundle_pdf if isinstance(result, BundleReviewResult) else render_pdf
    pdf = render(result, centre=settings.centre_name, hotline=settings.hotline)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="notice-{result.number}.pdf"',
            "Cache-Control": "private, no-store",
        },
    )


def form_action(request: Request) -> str:
    """Where the form page posts its typed values: the same link's PDF, relative, so that
    it holds behind a path prefix, with the same query (the token or signature)."""
    query = request.url.query
    return f"form.pdf?{query}" if query else "form.pdf"


async def typed_fields(request: Request) -> dict[str, str]:
    """What the applicant typed into the form page's blank rows (input name → text)."""
    form = await request.form(max_files=0, max_fields=MAX_TYPED_FIELDS)
    typed = {}
    for name, value in form.multi_items():
        if not isinstance(value, str):
            continue
        if len(value) > MAX_TYPED_CHARS:
            raise HTTPException(422, f"填写的内容过长：每一栏最多 {MAX_TYPED_CHARS} 个字")
        typed[name] = value
    return typed


TypedDep = Annotated[dict[str, str], Depends(typed_fields)]


def form_pdf_response(
    result: ReviewResult | BundleReviewResult, typed: dict[str, str] | None = None
) -> Response:
    """The form as a PDF download, with the applicant's typed values in its blank rows."""
    return Response(
        render_result_form(result, pdf=True, typed=typed),
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="form-{result.number}.pdf"',
            "Cache-Control": "private, no-store",
        },
    )


@router.get(
    "/prereview/{job_id}/form.html", response_class=HTMLResponse, summary="预填申请表（网页）"
)
def form_html(
    job_id: str,
    request: Request,
    jobs: JobsDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    """The pre-filled form (一表申请); without the owner's token its personal data is masked.
    Its blank rows are inputs, posted to ``form.pdf``."""
    result = finished_result(_job(jobs, job_id, _token(x_job_token, token)))
    html = render_result_form(result, pdf=False, action=form_action(request))
    return HTMLResponse(html, headers={"Cache-Control": "private, no-store"})


@router.get("/prereview/{job_id}/form.pdf", summary="预填申请表（PDF）")
def form_pdf(
    job_id: str,
    jobs: JobsDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> Response:
    return form_pdf_response(finished_result(_job(jobs, job_id, _token(x_job_token, token))))


@router.post("/prereview/{job_id}/form.pdf", summary="预填申请表（PDF，含申请人填写的空白栏目）")
def form_pdf_typed(
    job_id: str,
    jobs: JobsDep,
    typed: TypedDep,
    x_job_token: Annotated[str | None, Header()] = None,
    token: Annotated[str | None, Query()] = None,
) -> Response:
    """Form fields name the blank rows' inputs (``phone``, ``id_number``, ``name.2`` …);
    a value for a row already filled from the uploads is ignored. Nothing is stored."""
    result = finished_result(_job(jobs, job_id, _token(x_job_token, token)))
    return form_pdf_response(result, typed)
