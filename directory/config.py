"""Settings for one running site, read from environment variables only.

Local use needs no variables at all: the defaults give an SQLite file and a Whoosh index
in ``instance/`` and the Dudley council file. Production must set ``SECRET_KEY``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"
DEFAULT_COUNCIL_FILE = PROJECT_ROOT / "councils" / "dudley.toml"


class ConfigError(RuntimeError):
    """A setting is missing or unusable; the message says which and why."""


@dataclass(frozen=True)
class Config:
    """Everything the app factory needs to build one site."""

    secret_key: str
    database_url: str
    search_index_dir: Path
    council_file: Path
    search_backend: str = "whoosh"
    environment: str = "development"
    testing: bool = False
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Config:
        """Build settings from ``environ`` (``os.environ`` by default)."""
        env = os.environ if environ is None else environ
        environment = env.get("SIGNPOST_ENV", "development")
        secret_key = env.get("SECRET_KEY", "")
        if not secret_key:
            if environment == "production":
                raise ConfigError("SECRET_KEY must be set when SIGNPOST_ENV=production.")
            secret_key = secrets.token_hex(32)
        backend = env.get("SEARCH_BACKEND", "whoosh")
        if backend not in {"whoosh", "memory"}:
            raise ConfigError(f"SEARCH_BACKEND must be 'whoosh' or 'memory', not {backend!r}.")
        return cls(
            secret_key=secret_key,
            database_url=_normalise_database_url(
                env.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'signpost.db'}")
            ),
            search_index_dir=Path(env.get("SEARCH_INDEX_DIR", INSTANCE_DIR / "search-index")),
            council_file=Path(env.get("COUNCIL_FILE", DEFAULT_COUNCIL_FILE)),
            search_backend=backend,
            environment=environment,
        )

    def flask_settings(self) -> dict[str, object]:
        """The settings in the names Flask and its extensions read."""
        return {
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "TESTING": self.testing,
            "WTF_CSRF_ENABLED": True,
            "BABEL_DEFAULT_LOCALE": "en",
            "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.environment == "production",
            **self.extra,
        }


def _normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for PostgreSQL URLs written the usual way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
