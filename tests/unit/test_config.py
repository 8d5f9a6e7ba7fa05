"""Settings come from environment variables only, with safe local defaults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from directory.config import INSTANCE_DIR, PROJECT_ROOT, Config, ConfigError


def test_defaults_need_no_variables() -> None:
    config = Config.from_env({})
    assert config.database_url == f"sqlite:///{INSTANCE_DIR / 'signpost.db'}"
    assert config.search_index_dir == INSTANCE_DIR / "search-index"
    assert config.council_file.name == "dudley.toml"
    assert len(config.secret_key) >= 64


def test_environment_variables_override_defaults(tmp_path: Path) -> None:
    config = Config.from_env(
        {
            "DATABASE_URL": "postgres://db.internal/signpost",
            "SEARCH_INDEX_DIR": str(tmp_path),
            "COUNCIL_FILE": "councils/doncaster.toml",
            "SECRET_KEY": "s3cret",
            "SEARCH_BACKEND": "memory",
        }
    )
    assert config.database_url == "postgresql+psycopg://db.internal/signpost"
    assert config.search_index_dir == tmp_path
    assert config.secret_key == "s3cret"
    assert config.search_backend == "memory"


def test_production_refuses_to_start_without_a_secret_key() -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY must be set"):
        Config.from_env({"SIGNPOST_ENV": "production"})


def test_production_refuses_to_start_without_its_public_address() -> None:
    """Links in emails are built from it, so it can never come from a request instead."""
    production = {
        "SIGNPOST_ENV": "production",
        "SECRET_KEY": "s3cret",
        "TOTP_ENCRYPTION_KEY": "Vd3uQfG5Pq7ZxKkq2VbGJfJ4pQm0p8Yc0b3m9j4Qd2w=",
    }
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL must be set"):
        Config.from_env(production)
    for wrong in ("http://directory.example.org", "directory.example.org", "https://a:b@x.org"):
        with pytest.raises(ConfigError, match="PUBLIC_BASE_URL must be the site's address"):
            Config.from_env({**production, "PUBLIC_BASE_URL": wrong})
    given = {**production, "PUBLIC_BASE_URL": "https://directory.example.org/"}
    assert Config.from_env(given).public_base_url == "https://directory.example.org"
    assert Config.from_env({}).public_base_url == "http://127.0.0.1:5000"


def test_unknown_search_backend_is_refused() -> None:
    with pytest.raises(ConfigError, match="SEARCH_BACKEND must be one of 'whoosh', 'tantivy'"):
        Config.from_env({"SEARCH_BACKEND": "elastic"})


@pytest.mark.parametrize("engine", ["whoosh", "tantivy", "memory"])
def test_each_search_backend_can_be_chosen(engine: str) -> None:
    assert Config.from_env({"SEARCH_BACKEND": engine}).search_backend == engine


def test_the_job_queue_is_an_sqlite_file_unless_redis_is_chosen(tmp_path: Path) -> None:
    assert Config.from_env({}).job_queue == "sqlite"
    assert Config.from_env({}).job_queue_file == INSTANCE_DIR / "jobs.sqlite3"
    chosen = Config.from_env({"JOB_QUEUE_FILE": str(tmp_path / "q.db")})
    assert chosen.job_queue_file == tmp_path / "q.db"
    redis = Config.from_env({"JOB_QUEUE": "redis", "REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert redis.job_queue == "redis"
    with pytest.raises(ConfigError, match="JOB_QUEUE=redis needs REDIS_URL"):
        Config.from_env({"JOB_QUEUE": "redis"})
    with pytest.raises(ConfigError, match="JOB_QUEUE must be"):
        Config.from_env({"JOB_QUEUE": "immediate"})


@pytest.mark.parametrize("value", ["-1", "0.5", "half a second", " 500"])
def test_search_follow_ms_is_a_whole_number_of_milliseconds(value: str) -> None:
    assert Config.from_env({}).search_follow_ms == 500
    assert Config.from_env({"SEARCH_FOLLOW_MS": "0"}).search_follow_ms == 0
    assert Config.from_env({"SEARCH_FOLLOW_MS": "250"}).search_follow_ms == 250
    with pytest.raises(ConfigError, match="SEARCH_FOLLOW_MS must be a whole number, 0 or more"):
        Config.from_env({"SEARCH_FOLLOW_MS": value})


def test_a_corrupt_council_file_stops_the_site_with_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[council\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=PROJECT_ROOT,
        env={"COUNCIL_FILE": str(broken), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Signpost cannot start: Council file" in result.stderr
    assert "is not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr
