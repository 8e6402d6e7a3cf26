"""Mini-program login (``POST /api/v1/login``): the ``wx.login`` code for a chat token.

The code is exchanged for the user's openid through ``jscode2session`` at
``settings.miniprogram_api_base``. Without a mini-program AppID (local
development, the simulator) any code is accepted and names a local test user,
so the chat API can be tried without a WeChat account.
"""

from __future__ import annotations

import hashlib

import httpx
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from bot.deps import SettingsDep, TokensDep
from bot.settings import Settings

router = APIRouter(tags=["miniprogram"])


class LoginRequest(BaseModel):
    code: str = Field(min_length=1, max_length=200, description="wx.login() 返回的 code")


class LoginOut(BaseModel):
    token: str
    expires_in: int
    dev_mode: bool


def openid_for(settings: Settings, code: str) -> str:
    """The openid ``code`` belongs to; raises HTTPException when WeChat refuses it."""
    if not settings.miniprogram_appid:
        return "dev-" + hashlib.sha256(code.encode()).hexdigest()[:16]
    base = settings.miniprogram_api_base.rstrip("/") + "/"
    try:
        response = httpx.get(
            base + "sns/jscode2session",
            params={
                "appid": settings.miniprogram_appid,
                "secret": settings.miniprogram_secret or "",
                "js_code": code,
                "grant_type": "authorization_code",
            },
            timeout=5.0,
        )
        data = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise HTTPException(status_code=502, detail="微信登录服务暂时不可用，请稍后再试") from exc
    if data.get("errcode") or not data.get("openid"):
        raise HTTPException(
            status_code=401, detail=f"微信登录失败（{data.get('errcode', '无 openid')}），请重试"
        )
    return str(data["openid"])


@router.post("/login", response_model=LoginOut, summary="小程序登录（wx.login code 换取会话令牌）")
def login(body: LoginRequest, settings: SettingsDep, tokens: TokensDep) -> LoginOut:
    openid = openid_for(settings, body.code)
    return LoginOut(
        token=tokens.chat_token(f"miniprogram:{openid}"),
        expires_in=tokens.chat_max_age,
        dev_mode=not settings.miniprogram_appid,
    )
