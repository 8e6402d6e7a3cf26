"""Results only the applicant can open: sealed to a per-job X25519 key.

The private half of a job's key is stored encrypted under the owner's token, so
any worker can seal a result (after a restart too), and only the token's
holder — the applicant — can open it.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def new_token() -> str:
    """An owner token: whoever holds it sees the unmasked result."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(b"onetrip-job-owner:" + token.encode()).hexdigest()


def _fernet(secret: bytes) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret).digest()))


def _token_lock(token: str, job_id: str) -> Fernet:
    return _fernet(f"onetrip-job-seal:{job_id}:{token}".encode())


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_seal(token: str, job_id: str) -> tuple[str, str]:
    """(public key, private key locked with the token) for a new job."""
    private = X25519PrivateKey.generate()
    locked = _token_lock(token, job_id).encrypt(private.private_bytes_raw()).decode()
    return base64.b64encode(_raw(private.public_key())).decode(), locked


def seal(payload: bytes, public_key: str) -> str:
    """``payload`` encrypted so that only the holder of the private key can read it."""
    ephemeral = X25519PrivateKey.generate()
    peer = X25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    shared = ephemeral.exchange(peer)
    sender = _raw(ephemeral.public_key())
    return (
        base64.b64encode(sender).decode() + "." + _fernet(shared + sender).encrypt(payload).decode()
    )


def unseal(sealed: str, locked_private: str, token: str, job_id: str) -> bytes:
    """The sealed payload, opened with the private key the token unlocks (InvalidToken if not)."""
    private = X25519PrivateKey.from_private_bytes(
        _token_lock(token, job_id).decrypt(locked_private.encode())
    )
    sender_b64, body = sealed.split(".", 1)
    sender = base64.b64decode(sender_b64)
    shared = private.exchange(X25519PublicKey.from_public_bytes(sender))
    return _fernet(shared + sender).decrypt(body.encode())
