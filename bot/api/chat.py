"""The chat as JSON (``/api/v1/chat``), for the web page and the mini-program.

A conversation is named by a bearer token (``Authorization: Bearer …``) from
``POST /api/v1/chat/session`` (web) or ``POST /api/v1/login`` (mini-program).
Replies are structured — texts, numbered options, the item card, links, a
rating prompt, a pre-review job to poll — so a client renders them natively.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from bot.dialog import Dialog, Incoming, Reply, SessionStore, Tokens, Upload

router = APIRouter(tags=["chat"])

COMMANDS = ("welcome", "prereview", "human", "rate", "help", "done", "cancel")


class ChatRequest(BaseModel):
    text: str = Field("", max_length=500, description="用户输入的文字")
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
    (``POST /api/v1/prereview`` with form fields ``item`` and ``situations``)."""

    item: str
    name: str
    situations: list[str]
    received: int
    api: str


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
        {**data["upload"], "situations": list(data["upload"]["situations"])}
        if data["upload"]
        else None
    )
    if reply.job:
        data["job_url"] = f"/api/v1/chat/jobs/{reply.job}"
    return ChatReply.model_validate(data)


# Cheap dependencies are ``async def`` so that FastAPI does not send each one to its
# thread pool (see ``bot.deps``); the token check is an HMAC, no I/O.
async def get_dialog(request: Request) -> Dialog:
    return request.app.state.dialog


async def get_tokens(request: Request) -> Tokens:
    return request.app.state.tokens


async def current_session(request: Request) -> str:
    """The conversation named by the bearer token; 401 when missing, forged or expired."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    tokens: Tokens = request.app.state.tokens
    key = tokens.session_of(token.strip()) if scheme.lower() == "bearer" else None
    if key is None:
        raise HTTPException(status_code=401, detail="会话已失效，请重新进入对话")
    return key


Session = Annotated[str, Depends(current_session)]
DialogDep = Annotated[Dialog, Depends(get_dialog)]


@router.post("/chat/session", response_model=SessionOut, summary="新建网页对话")
def new_session(tokens: Annotated[Tokens, Depends(get_tokens)]) -> SessionOut:
    return SessionOut(
        token=tokens.chat_token(f"web:{secrets.token_urlsafe(12)}"),
        expires_in=tokens.chat_max_age,
    )


@router.post("/chat", response_model=ChatReply, summary="发送一条消息")
async def chat(body: ChatRequest, session: Session, dialog: DialogDep) -> ChatReply:
    # async, with the turn itself in the thread pool: a sync endpoint would also send
    # the response's validation there, a second thread hop on every message.
    command = body.command if body.command in COMMANDS else None
    if not body.text.strip() and command is None and body.command:
        raise HTTPException(status_code=422, detail=f"未知的命令 {body.command}")
    reply = await run_in_threadpool(
        dialog.handle, session, Incoming(text=body.text, command=command)
    )
    return chat_reply(reply)


@router.post("/chat/files", response_model=ChatReply, summary="发送材料照片或 PDF（预审）")
async def send_files(
    request: Request,
    session: Session,
    dialog: DialogDep,
    files: Annotated[list[UploadFile], File(description="照片（JPG、PNG）或 PDF")],
) -> ChatReply:
    settings = request.app.state.settings
    if len(files) > settings.max_files:
        raise HTTPException(status_code=413, detail=f"一次最多上传 {settings.max_files} 个文件")
    limit = settings.max_file_mb * 1024 * 1024
    uploads = []
    for file in files:
        data = await file.read(limit + 1)
        uploads.append(Upload(file.filename or "材料", data, file.content_type))
    reply = await run_in_threadpool(dialog.handle, session, Incoming(files=tuple(uploads)))
    return chat_reply(reply)


@router.get("/chat/jobs/{job_id}", response_model=JobOut, summary="预审结果（轮询）")
def job(job_id: str, session: Session, dialog: DialogDep) -> JobOut:
    if dialog.sessions.job_session(job_id) != session:
        raise HTTPException(status_code=404, detail="没有这个预审任务")
    reply = dialog.job_reply(job_id)
    if reply is None:
        return JobOut(job=job_id, done=False)
    dialog.deliver(job_id)
    return JobOut(job=job_id, done=True, reply=chat_reply(reply))


@router.get("/chat/history", response_model=list[HistoryEntry], summary="最近的对话记录")
def history(session: Session, request: Request) -> list[HistoryEntry]:
    sessions: SessionStore = request.app.state.dialog.sessions
    return [
        HistoryEntry(direction=row.direction, text=row.text, kind=row.status)
        for row in sessions.history(session)
    ]
