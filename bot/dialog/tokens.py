"""Signed, expiring tokens that name a conversation (``channel:user``).

The web page and the mini-program hold a bearer token instead of a server-side
login session; an Official Account user gets a short-lived personal link to the
web upload page (a WeChat chat cannot carry PDFs). Tokens are signed with
itsdangerous, so any app process with the same secret accepts them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

CHAT_SALT = "onetrip.chat"
LINK_SALT = "onetrip.upload-link"


def secret_key(configured: str | None, home: Path) -> str:
    """``settings.secret_key``, or a random key generated once and kept under ONETRIP_HOME."""
    if configured:
        return configured
    path = home / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        candidate = home / f".secret_key.{secrets.token_hex(4)}"
        candidate.write_text(secrets.token_urlsafe(48), encoding="ascii")
        candidate.chmod(0o600)
        try:
            os.link(candidate, path)  # atomic: the first process to get here wins
        except FileExistsError:
            pass
        finally:
            candidate.unlink()
    return path.read_text(encoding="ascii").strip()


class Tokens:
    """Chat tokens (long-lived, web and mini-program) and upload links (short-lived)."""

    def __init__(
        self, secret: str, chat_max_age: int = 30 * 86400, link_max_age: int = 3600
    ) -> None:
        self._chat = URLSafeTimedSerializer(secret, salt=CHAT_SALT)
        self._link = URLSafeTimedSerializer(secret, salt=LINK_SALT)
        self.chat_max_age = chat_max_age
        self.link_max_age = link_max_age

    def chat_token(self, key: str) -> str:
        return self._chat.dumps({"k": key})

    def link_token(self, key: str) -> str:
        return self._link.dumps({"k": key})

    def session_of(self, token: str) -> str | None:
        """The conversation a chat token or upload link names; None if forged or expired."""
        for serializer, max_age in (
            (self._chat, self.chat_max_age),
            (self._link, self.link_max_age),
        ):
            try:
                data = serializer.loads(token, max_age=max_age)
            except BadSignature:
                continue
            key = data.get("k") if isinstance(data, dict) else None
            if isinstance(key, str) and ":" in key:
                return key
        return None
