"""The chat as JSON (``/api/v1/chat``), for the web page and the mini-program.

A conversation is named by a bearer token (``Authorization: Bearer …``) from
``POST /api/v1/chat/session`` (web) or ``POST /api/v1/login`` (mini-program).
Replies are structured — texts, numbered options, the item card, links, a
rating prompt, a pre-review job to poll — so a client renders them natively.

A finished pre-review's reply links its pre-filled form (一表申请) by a signed link
(``/chat/jobs/{job}/form.html?sig=…``, PDF beside it): the form shows the applicant's own values,
which the conversation's sealed result holds, with the ID number masked as in the
chat's notice, so that a forwarded link shows no full ID number. The form page's blank rows are
inputs posted to the same signed link's PDF (see ``bot.channels.http.prereview``).
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from bot.channels.http import SUBMIT_PATH
from bot.channels.http.prereview import (
    TypedDep,
    finished_result,
    form_action,
    form_pdf_response,
)
from bot.deps import DialogDep, ServicesDep, SessionKey, TokensDep
from bot.dialog import Incoming, Reply, Upload
from bot.jobs import PrereviewJob
from bot.services import Services
from bot.text_limits import short
from prereview import BundleReviewResult, ReviewResult
from prereview.forms import render_result_form
from prereview.result import mask_value

router = APIRouter(tags=["chat"])

COMMANDS = ("welcome", "prereview", "human", "rate", "help", "done", "cancel")


class ChatRequest(BaseModel):
    text: str = Field(
        "", description="用户输入的文字（超过 500 字时只处理前 500 字，并在回复中说明）"
    )
    command: str | None = Field(
        None, description="按钮命令：welcome | prereview | human | rate | help | done | cancel"
    )


class OptionOut(BaseModel):
    number: int
    label: str


class LinkOut(BaseModel):
    title: str
    url: str


class CardOut(BaseModel):
    id: str
    name: str
    department: str
    handling: str | None = None
    time_limit: str | None = None
    fees: str | None = None
    visits: int | None = None
    location: str | None = None
    hours: str | None = None
    phone: str | None = None
    online_url: str | None = None


class RatingLevel(BaseModel):
    score: int
    label: str


class UploadOut(BaseModel):
    """Pre-review is collecting files: send them to ``/chat/files``, or to ``api``
    (``POST /api/v1/prereview`` with form fields ``item`` and ``situations``; with
    ``bundle`` true, ``item`` is a 一件事 bundle's id: send it as the field ``bundle``)."""

    item: str
    name: str
    situations: list[str]
    received: int
    api: str
    bundle: bool = False


class ChatReply(BaseModel):
    """One bot reply. ``kind``: answer | choose | situation | not_found | social | human |
    rating | prereview | pending | notice | error. Poll ``job_url`` when ``job`` is set."""

    texts: list[str]
    kind: str
    options: list[OptionOut] = []
    card: CardOut | None = None
    links: list[LinkOut] = []
    rate: bool = False
    rating_levels: list[RatingLevel] = []
    job: str | None = None
    job_url: str | None = None
    upload: UploadOut | None = None
    item: str | None = None
    bundle: str | None = None  # the 一件事 bundle a whole-event answer or notice is about
    suggestions: list[str] = []


class SessionOut(BaseModel):
    token: str
    expires_in: int


class JobOut(BaseModel):
    job: str
    done: bool
    reply: ChatReply | None = None


class HistoryEntry(BaseModel):
    direction: str
    text: str
    kind: str | None = None


def chat_reply(reply: Reply) -> ChatReply:
    data = reply.to_json()
    data["upload"] = (
        {**data["upload"], "situations": list(data["upload"]["situations"]), "api": SUBMIT_PATH}
        if data["upload"]
        else None
    )
    if reply.job:
        data["job_url"] = f"/api/v1/chat/jobs/{reply.job}"
    return ChatReply.model_validate(data)


@router.post("/chat/session", response_model=SessionOut, summary="新建网页对话")
def new_session(tokens: TokensDep) -> SessionOut:
    return SessionOut(
        token=tokens.chat_token(f"web:{secrets.token_urlsafe(12)}"),
        expires_in=tokens.chat_max_age,
    )


@router.post("/chat", response_model=ChatReply, summary="发送一条消息")
async def chat(body: ChatRequest, session: SessionKey, dialog: DialogDep) -> ChatReply:
    # async, with the turn itself in the thread pool: a sync endpoint would also send
    # the response's validation there, a second thread hop on every message.
    command = body.command if body.command in COMMANDS else None
    if not body.text.strip() and command is None and body.command:
        raise HTTPException(status_code=422, detail=f"未知的命令 {short(body.command, 40)}")
    reply = await run_in_threadpool(
        dialog.handle, session, Incoming(text=body.text, command=command)
    )
    return chat_reply(reply)


@router.post("/chat/files", response_model=ChatReply, summary="发送材料照片或 PDF（预审）")
async def send_files(
    session: SessionKey,
    services: ServicesDep,
    files: Annotated[list[UploadFile], File(description="照片（JPG、PNG）或 PDF")],
) -> ChatReply:
    limits = services.settings.limits
    if len(files) > limits.max_files:
        raise HTTPException(status_code=413, detail=limits.too_many_files())
    uploads = []
    for file in files:
        # One byte past the limit is enough for the dialog to say the file is too big.
        data = await file.read(limits.max_file_bytes + 1)
        uploads.append(Upload(file.filename or "材料", data, file.content_type))
    incoming = Incoming(files=tuple(uploads))
    reply = await run_in_threadpool(services.dialog.handle, session, incoming)
    return chat_reply(reply)


@router.get("/chat/jobs/{job_id}", response_model=JobOut, summary="预审结果（轮询）")
def job(job_id: str, session: SessionKey, services: ServicesDep) -> JobOut:
    notices = services.notices
    if notices.links.session_of(job_id) != session:
        raise HTTPException(status_code=404, detail="没有这个预审任务")
    reply = notices.reply_for(job_id)
    if reply is None:
        return JobOut(job=job_id, done=False)
    notices.deliver(job_id)
    return JobOut(job=job_id, done=True, reply=chat_reply(reply))


def _form_job(job_id: str, sig: str, services: Services) -> PrereviewJob:
    """The job a signed form link names, opened with its conversation's owner token."""
    tokens = services.tokens
    key = services.notices.links.session_of(job_id)
    if tokens.job_of_form(sig) != job_id or key is None:
        raise HTTPException(status_code=404, detail="链接无效或已过期，请重新预审")
    try:
        job = services.jobs.get_job(job_id, tokens.job_owner_token(key))
    except PermissionError:  # started before chat jobs were sealed: the masked result
        job = services.jobs.get_job(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail="没有这个预审任务（可能已超过保存期限被删除）")
    return job


def _ids_masked(result: ReviewResult | BundleReviewResult) -> ReviewResult | BundleReviewResult:
    """The result with every pre-filled ID number masked (the rest stays the applicant's)."""
    results = result.reviewed() if isinstance(result, BundleReviewResult) else [result]
    for reviewed in results:
        for form in reviewed.prefill:
            for field in form.fields:
                if field.key == "id_number":
                    field.value = mask_value(field.key, field.value)
    return result


def _signed_form_result(
    job_id: str, sig: str, services: Services
) -> ReviewResult | BundleReviewResult:
    """The finished result a signed form link names, its pre-filled ID numbers masked."""
    return _ids_masked(finished_result(_form_job(job_id, sig, services)))


@router.get("/chat/jobs/{job_id}/form.pdf", summary="预填申请表（PDF，对话中的签名链接）")
def chat_form_pdf(
    job_id: str, services: ServicesDep, sig: Annotated[str, Query(description="签名")]
) -> Response:
    return form_pdf_response(_signed_form_result(job_id, sig, services))


@router.post(
    "/chat/jobs/{job_id}/form.pdf",
    summary="预填申请表（PDF，签名链接，含申请人填写的空白栏目）",
)
def chat_form_pdf_typed(
    job_id: str,
    services: ServicesDep,
    typed: TypedDep,
    sig: Annotated[str, Query(description="签名")],
) -> Response:
    """What the applicant typed goes into this PDF only (a typed ID number in full: it is
    theirs, in the answer to their own post), never into the conversation or the job."""
    result = _signed_form_result(job_id, sig, services)
    return form_pdf_response(result, typed)


@router.get(
    "/chat/jobs/{job_id}/form.html",
    response_class=HTMLResponse,
    summary="预填申请表（网页，对话中的签名链接）",
)
def chat_form_html(
    job_id: str,
    request: Request,
    services: ServicesDep,
    sig: Annotated[str, Query(description="签名")],
) -> HTMLResponse:
    result = _signed_form_result(job_id, sig, services)
    html = render_result_form(result, pdf=False, action=form_action(request))
    return HTMLResponse(html, headers={"Cache-Control": "private, no-store"})


@router.get("/chat/history", response_model=list[HistoryEntry], summary="最近的对话记录")
def history(session: SessionKey, dialog: DialogDep) -> list[HistoryEntry]:
    sessions = dialog.sessions
    return [
        HistoryEntry(direction=row.direction, text=row.text, kind=row.status)
        for row in sessions.history(session)
    ]
