"""The web chat page at ``/``: the same dialog as WeChat, in a browser, with uploads.

Server-rendered HTML and a small script (``bot/static/chat``), no build step.
``/?t=…`` opens the page on a personal link from the Official Account, so a
citizen can add PDFs to the pre-review started in WeChat.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from bot.deps import ServicesDep

router = APIRouter(include_in_schema=False)
# The page shares its origin with the staff workbench: it runs only its own script (its
# settings come as JSON data, not inline code), loads nothing from elsewhere, posts
# nowhere else, and is never framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
templates = Jinja2Templates(directory=Path(__file__).resolve().parents[2] / "templates")


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, services: ServicesDep, t: str | None = None) -> HTMLResponse:
    settings, tokens = services.settings, services.tokens
    link_key = tokens.session_of(t) if t else None
    return templates.TemplateResponse(
        request,
        "chat.html",
        {
            "centre": settings.centre_name,
            "hotline": settings.hotline,
            "link_token": t if link_key else "",
            "link_expired": bool(t) and link_key is None,
            "fresh_token": tokens.chat_token(f"web:{secrets.token_urlsafe(12)}"),
            "max_file_mb": settings.max_file_mb,
        },
        headers=SECURITY_HEADERS,
    )
