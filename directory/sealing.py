"""Sealing one-time-code secrets: they are kept encrypted, so a copy of the database (a
backup, a leaked dump) gives nobody the codes of an editor's authenticator app.

The key is ``TOTP_ENCRYPTION_KEY`` (Fernet: AES-128-CBC with an HMAC-SHA256, from the
``cryptography`` package), set in the environment and never stored beside the data.
Outside production a fixed development key stands in, so a development site works with
no setting; production refuses to start without a key of its own.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

DEVELOPMENT_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(b"signpost development only: never for real accounts").digest()
).decode("ascii")
"""Public, so only for development and tests."""


class SealingKeyError(ValueError):
    """The key is not a Fernet key."""


class SecretUnreadable(RuntimeError):
    """A sealed secret does not open with the key set: the key was changed or lost."""


class Sealer:
    def __init__(self, key: str) -> None:
        try:
            self._fernet = Fernet(key.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as error:
            raise SealingKeyError(
                "TOTP_ENCRYPTION_KEY must be 32 bytes in url-safe base64, as made by "
                '.venv/bin/python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"'
            ) from error

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode("utf-8")).decode("ascii")

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise SecretUnreadable(
                "A one-time-code secret does not open with TOTP_ENCRYPTION_KEY: "
                "was the key changed?"
            ) from error


def site_sealer() -> Sealer:
    return current_app.extensions["secret_sealer"]
