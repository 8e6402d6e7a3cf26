"""Signed, expiring tokens that name a conversation (``channel:user``).

The web page and the mini-program hold a bearer token instead of a server-side
login session; an Official Account user gets a short-lived personal link to the
web upload page (a WeChat chat cannot carry PDFs). Tokens are signed with
itsdangerous, so any app process with the same secret accepts them.

A pre-review started in chat is sealed to an owner token derived from the secret and
the conversation (:meth:`Tokens.job_owner_token`): the database alone cannot open it,
while any app or worker process can, for the link it gave that conversation
(:meth:`Tokens.form_token`, the pre-filled form 一表申请).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

CHAT_SALT = "onetrip.chat"
LINK_SALT = "onetrip.upload-link"
FORM_SALT = "onetrip.form-link"


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
        self,
        secret: str,
        chat_max_age: int = 30 * 86400,
        link_max_age: int = 3600,
        form_max_age: int = 7 * 86400,
    ) -> None:
        self._secret = secret.encode()
        self._chat = URLSafeTimedSerializer(secret, salt=CHAT_SALT)
        self._link = URLSafeTimedSerializer(secret, salt=LINK_SALT)
        self._form = URLSafeTimedSerializer(secret, salt=FORM_SALT)
        self.chat_max_age = chat_max_age
        self.link_max_age = link_max_age
        self.form_max_age = form_max_age  # as long as a job is kept (retention_days)

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

    def job_owner_token(self, key: str) -> str:
        """The owner token of the pre-review jobs conversation ``key`` starts (never stored)."""
        digest = hmac.new(self._secret, f"onetrip.chat-job:{key}".encode(), hashlib.sha256)
        return digest.hexdigest()

    def form_token(self, job_id: str) -> str:
        """What the link to a chat job's pre-filled form carries instead of the owner token."""
        return self._form.dumps({"j": job_id})

    def job_of_form(self, token: str) -> str | None:
        """The job a form link names; None if forged or older than the jobs are kept."""
        try:
            data = self._form.loads(token, max_age=self.form_max_age)
        except BadSignature:
            return None
        job = data.get("j") if isinstance(data, dict) else None
        return job if isinstance(job, str) else None
