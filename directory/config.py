"""Settings for one running site, read from environment variables only.

Local use needs no variables at all: the defaults give an SQLite file and a search index
in ``instance/`` and the Dudley council file. Production must set ``SECRET_KEY``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from directory.sealing import DEVELOPMENT_KEY, Sealer, SealingKeyError
from search.plug import DEFAULT_ENGINE, ENGINES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"
DEFAULT_COUNCIL_FILE = PROJECT_ROOT / "councils" / "dudley.toml"
DEVELOPMENT_BASE_URL = "http://127.0.0.1:5000"


class ConfigError(RuntimeError):
    """A setting is missing or unusable; the message says which and why."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where staff emails (invitations, password resets) are sent from."""

    host: str
    port: int = 587
    username: str = ""
    password: str = ""
    security: str = "starttls"
    """"starttls", "tls" (SMTP over TLS from the start) or "none" (a local relay only)."""
    sender: str = ""


@dataclass(frozen=True)
class Config:
    """Everything the app factory needs to build one site."""

    secret_key: str
    database_url: str
    search_index_dir: Path
    council_file: Path
    search_backend: str = DEFAULT_ENGINE
    search_follow_ms: int = 500
    """How often each process reads the search change log (0: never; one process only)."""
    environment: str = "development"
    testing: bool = False
    redis_url: str | None = None
    session_store: str = "database"
    """Where staff sessions live: "database" or "redis"."""
    rate_limit_store: str = "memory"
    """Where rate-limit counters live: "memory" (one process) or "redis" (shared)."""
    rate_limit_prefix: str = "signpost"
    sign_in_limit: str = "10 per minute;100 per day"
    """Sign-in attempts one address may make (Flask-Limiter's notation)."""
    report_limit: str = "5 per hour;20 per day"
    """Problem reports one address may send."""
    support_request_limit: str = "30 per hour;200 per day"
    """Requests for support, decisions, questions and answers one address may send."""
    idle_minutes: int = 30
    absolute_hours: int = 20
    smtp: SmtpSettings | None = None
    trusted_proxies: int = 0
    """How many proxies in front of the app set X-Forwarded-For/-Proto/-Host (ProxyFix)."""
    database_connect_timeout: int = 5
    database_statement_timeout: int = 15
    """Seconds before a connection attempt, or one statement, is given up (PostgreSQL)."""
    totp_encryption_key: str = DEVELOPMENT_KEY
    """The key one-time-code secrets are sealed with (see ``directory.accounts.sealing``)."""
    public_base_url: str = "http://localhost"
    """Where the site is for its users: every emailed or shown absolute link starts with it,
    never with the Host or X-Forwarded-Host a request claims."""
    health_token: str = ""
    """A request to /health with ``Authorization: Bearer`` this token gets each check as JSON."""
    disk_free_minimum_mb: int = 500
    """Less free space than this where the site writes makes /health say "degraded"."""
    job_queue: str = "sqlite"
    """Where queued jobs wait for the worker: "sqlite" (a file) or "redis" (shared)."""
    job_queue_file: Path = INSTANCE_DIR / "jobs.sqlite3"
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
        totp_key = env.get("TOTP_ENCRYPTION_KEY", "")
        if not totp_key:
            if environment == "production":
                raise ConfigError("TOTP_ENCRYPTION_KEY must be set when SIGNPOST_ENV=production.")
            totp_key = DEVELOPMENT_KEY
        try:
            Sealer(totp_key)
        except SealingKeyError as error:
            raise ConfigError(str(error)) from None
        backend = env.get("SEARCH_BACKEND", DEFAULT_ENGINE)
        if backend not in ENGINES:
            choices = ", ".join(f"'{engine}'" for engine in ENGINES)
            raise ConfigError(f"SEARCH_BACKEND must be one of {choices}, not {backend!r}.")
        redis_url = env.get("REDIS_URL") or None
        health_token = env.get("HEALTH_TOKEN", "")
        if health_token and len(health_token) < 24:
            raise ConfigError("HEALTH_TOKEN must be 24 characters or more (a random string).")
        session_store = _choice(env, "SESSION_STORE", "database", {"database", "redis"})
        rate_limit_store = _choice(env, "RATE_LIMIT_STORE", "memory", {"memory", "redis"})
        job_queue = _choice(env, "JOB_QUEUE", "sqlite", {"sqlite", "redis"})
        for name, chosen in (
            ("SESSION_STORE", session_store),
            ("RATE_LIMIT_STORE", rate_limit_store),
            ("JOB_QUEUE", job_queue),
        ):
            if chosen == "redis" and not redis_url:
                raise ConfigError(f"{name}=redis needs REDIS_URL, like redis://127.0.0.1:6379/0.")
        return cls(
            secret_key=secret_key,
            database_url=_normalise_database_url(
                env.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'signpost.db'}")
            ),
            search_index_dir=Path(env.get("SEARCH_INDEX_DIR", INSTANCE_DIR / "search-index")),
            council_file=Path(env.get("COUNCIL_FILE", DEFAULT_COUNCIL_FILE)),
            search_backend=backend,
            search_follow_ms=_number(env, "SEARCH_FOLLOW_MS", 500, minimum=0),
            environment=environment,
            redis_url=redis_url,
            session_store=session_store,
            rate_limit_store=rate_limit_store,
            rate_limit_prefix=env.get("RATE_LIMIT_PREFIX", "signpost"),
            sign_in_limit=env.get("SIGN_IN_RATE_LIMIT", "10 per minute;100 per day"),
            report_limit=env.get("REPORT_RATE_LIMIT", "5 per hour;20 per day"),
            support_request_limit=env.get("SUPPORT_REQUEST_RATE_LIMIT", "30 per hour;200 per day"),
            idle_minutes=_number(env, "STAFF_IDLE_MINUTES", 30),
            absolute_hours=_number(env, "STAFF_ABSOLUTE_HOURS", 20),
            smtp=_smtp(env),
            trusted_proxies=_number(env, "TRUSTED_PROXIES", 0, minimum=0),
            database_connect_timeout=_number(env, "DATABASE_CONNECT_TIMEOUT", 5),
            database_statement_timeout=_number(env, "DATABASE_STATEMENT_TIMEOUT", 15),
            totp_encryption_key=totp_key,
            public_base_url=_public_base_url(env, environment),
            health_token=health_token,
            disk_free_minimum_mb=_number(env, "DISK_FREE_MINIMUM_MB", 500, minimum=0),
            job_queue=job_queue,
            job_queue_file=Path(env.get("JOB_QUEUE_FILE", INSTANCE_DIR / "jobs.sqlite3")),
        )

    def engine_options(self) -> dict[str, object]:
        """Fail a request in seconds when the database is slow, silent or gone.

        PostgreSQL: a connect timeout, a statement timeout, and TCP settings that give up on
        a server that stops answering mid-request (instead of waiting minutes for TCP).
        SQLite: wait at most the statement timeout for another writer's lock. Errors never
        quote a statement's values, which may be a family's search words or postcode.
        """
        if self.database_url.startswith("sqlite"):
            return {
                "pool_pre_ping": True,
                "hide_parameters": True,
                "connect_args": {"timeout": self.database_statement_timeout},
            }
        milliseconds = self.database_statement_timeout * 1000
        return {
            "pool_pre_ping": True,
            "hide_parameters": True,
            "pool_timeout": self.database_connect_timeout,
            "connect_args": {
                "connect_timeout": self.database_connect_timeout,
                "options": f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}",
                "keepalives": 1,
                "keepalives_idle": 5,
                "keepalives_interval": 2,
                "keepalives_count": 2,
                "tcp_user_timeout": milliseconds,
            },
        }

    @property
    def rate_limit_storage_uri(self) -> str:
        return (
            self.redis_url if self.rate_limit_store == "redis" and self.redis_url else "memory://"
        )

    def flask_settings(self) -> dict[str, object]:
        """The settings in the names Flask and its extensions read."""
        return {
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": self.engine_options(),
            "TESTING": self.testing,
            "WTF_CSRF_ENABLED": True,
            "BABEL_DEFAULT_LOCALE": "en",
            "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.environment == "production",
            "SESSION_COOKIE_NAME": "signpost_session",
            "RATELIMIT_STORAGE_URI": self.rate_limit_storage_uri,
            "RATELIMIT_KEY_PREFIX": self.rate_limit_prefix,
            "RATELIMIT_HEADERS_ENABLED": False,
            # Give up on a Redis that stops answering in seconds, as the session store does.
            "RATELIMIT_STORAGE_OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
            **self.extra,
        }


def _choice(env: Mapping[str, str], name: str, default: str, allowed: set[str]) -> str:
    value = env.get(name, default) or default
    if value not in allowed:
        options = " or ".join(repr(option) for option in sorted(allowed))
        raise ConfigError(f"{name} must be {options}, not {value!r}.")
    return value


def _number(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    value = env.get(name)
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise ConfigError(f"{name} must be a whole number, {minimum} or more, not {value!r}.")
    return int(value)


def _smtp(env: Mapping[str, str]) -> SmtpSettings | None:
    """Email is sent only when SMTP_HOST is set; otherwise links are shown to the admin."""
    host = env.get("SMTP_HOST")
    if not host:
        return None
    sender = env.get("MAIL_FROM", "")
    if "@" not in sender:
        raise ConfigError("SMTP_HOST needs MAIL_FROM, the address staff emails come from.")
    return SmtpSettings(
        host=host,
        port=_number(env, "SMTP_PORT", 587),
        username=env.get("SMTP_USERNAME", ""),
        password=env.get("SMTP_PASSWORD", ""),
        security=_choice(env, "SMTP_SECURITY", "starttls", {"starttls", "tls", "none"}),
        sender=sender,
    )


def _public_base_url(env: Mapping[str, str], environment: str) -> str:
    """The site's own address, like https://directory.dudley.gov.uk (a path may follow)."""
    value = env.get("PUBLIC_BASE_URL", "").strip()
    if not value:
        if environment == "production":
            raise ConfigError(
                "PUBLIC_BASE_URL must be set when SIGNPOST_ENV=production, like "
                "https://directory.example.gov.uk: links in emails are built from it."
            )
        return DEVELOPMENT_BASE_URL
    parts = urlsplit(value)
    wanted = {"https"} if environment == "production" else {"http", "https"}
    if (
        parts.scheme not in wanted
        or not parts.hostname
        or not _port_readable(parts.netloc)
        or parts.username is not None
        or parts.query
        or parts.fragment
    ):
        scheme = "https://" if environment == "production" else "http:// or https://"
        raise ConfigError(
            f"PUBLIC_BASE_URL must be the site's address starting {scheme}, with no user, "
            f"query or fragment, not {value!r}."
        )
    return value.rstrip("/")


def _port_readable(netloc: str) -> bool:
    """Whether the port (if any) is a number in range: ``urlsplit`` raises only when asked."""
    try:
        port = urlsplit(f"//{netloc}").port
    except ValueError:
        return False
    return port is None or port > 0


def _normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for PostgreSQL URLs written the usual way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
