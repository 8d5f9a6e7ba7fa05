"""A real Redis server for tests: database 13 on 127.0.0.1:6379 unless told otherwise.

Each test uses its own key prefix, so tests never see each other's counters or sessions.
When Redis cannot be reached the tests fail and say how to start it; they never skip.
"""

from __future__ import annotations

import os
import secrets

import pytest

REDIS_URL = os.environ.get("SIGNPOST_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(
            f"Redis is wanted for these tests but {REDIS_URL} did not answer ({error}). "
            "Start it (apt-get install redis-server; redis-server --daemonize yes) or point "
            "SIGNPOST_TEST_REDIS_URL at a server.",
            pytrace=False,
        )
    return REDIS_URL


def fresh_prefix() -> str:
    return f"signpost-test-{secrets.token_hex(6)}"


def forget(prefix: str) -> None:
    """Delete every key a test wrote under its prefix."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"*{prefix}*"))
    if keys:
        client.delete(*keys)
