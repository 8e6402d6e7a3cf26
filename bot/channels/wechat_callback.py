"""The Official Account callback ``/wechat`` (公众号服务器配置): plain and safe mode.

Bytes in, bytes out: :class:`bot.wechat.WeChatChannel` does the rest. The turn
runs in the thread pool; what did not fit in the passive reply is pushed as
customer-service messages after the response is sent.
"""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response

from bot.deps import ServicesDep
from bot.wechat import Forbidden, Malformed, Query

router = APIRouter(tags=["wechat"])


def _query(request: Request) -> Query:
    params = request.query_params
    return Query(
        signature=params.get("signature", ""),
        timestamp=params.get("timestamp", ""),
        nonce=params.get("nonce", ""),
        encrypt_type=params.get("encrypt_type"),
        msg_signature=params.get("msg_signature"),
    )


@router.get("/wechat", response_class=PlainTextResponse, summary="公众号服务器地址验证")
def verify_url(request: Request, services: ServicesDep) -> Response:
    try:
        services.wechat.wire.verify(_query(request))
    except Forbidden as exc:
        return PlainTextResponse(str(exc), status_code=403)
    return PlainTextResponse(request.query_params.get("echostr", ""))


@router.post("/wechat", summary="公众号消息与事件回调（明文与安全模式）")
async def callback(
    request: Request, background: BackgroundTasks, services: ServicesDep
) -> Response:
    body = await request.body()
    channel = services.wechat
    try:
        outcome = await run_in_threadpool(channel.handle, _query(request), body)
    except Forbidden as exc:
        return PlainTextResponse(str(exc), status_code=403)
    except Malformed as exc:
        return PlainTextResponse(str(exc), status_code=400)
    if outcome.later:
        background.add_task(channel.pusher.push, outcome.openid, outcome.later)
    media_type = "text/plain" if outcome.body == "success" else "application/xml"
    return Response(content=outcome.body, media_type=media_type)
