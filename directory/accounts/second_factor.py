"""Time-based one-time codes (RFC 6238) and single-use recovery codes."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from datetime import datetime

import pyotp
import segno

RECOVERY_CODES = 10
_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""No 0/o, 1/l/i: codes are read off paper."""
DIGITS = 6
STEP_SECONDS = 30
VALID_WINDOW = 1
"""A code from the step before or after is accepted too, for clocks a little out."""


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=account, issuer_name=issuer
    )


def qr_code_svg(uri: str) -> str:
    """The enrolment address as an SVG QR code, as a data: URL (the CSP allows data: images)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def grouped_secret(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def accepted_step(
    secret: str, code: str, last_step: int | None, now: float | None = None
) -> int | None:
    """The time step ``code`` belongs to if it is right and newer than ``last_step``.

    A code is accepted once: the caller stores the step returned and passes it back next time.
    """
    code = re.sub(r"\s+", "", code)
    if not re.fullmatch(rf"\d{{{DIGITS}}}", code):
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    moment = time.time() if now is None else now
    current = int(moment // STEP_SECONDS)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def code_for(secret: str, at: datetime | None = None) -> str:
    """The current code (for tests and the command line, as an authenticator app shows it)."""
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    return totp.at(at or datetime.now())


def new_recovery_codes() -> list[str]:
    """Ten codes of 12 characters (about 59 bits each), shown once as xxxx-xxxx-xxxx."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    return codes


def normalise_recovery_code(code: str) -> str:
    return re.sub(r"[^a-z0-9]", "", code.casefold())


def recovery_code_hash(code: str) -> str:
    """A plain SHA-256 is enough: each code is random and long, unlike a password."""
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()
