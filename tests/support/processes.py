"""Running the real app in separate worker processes (gunicorn), and a small browser for them.

Several processes share one database and one Redis, as several gunicorn workers or
machines behind a load balancer do, so tests can show that limits and sessions hold
across them.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from directory.config import PROJECT_ROOT

_TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_worker(
    environment: Mapping[str, str], output: list[str] | None = None
) -> Iterator[str]:
    """Serve ``wsgi:app`` in its own gunicorn process with ``environment``; yield its URL.

    When it stops, what it printed (its logs) is added to ``output`` if given.
    """
    port = _free_port()
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp")}
    env.update(environment)
    with tempfile.TemporaryFile() as log:
        try:
            yield from _serve(port, env, log)
        finally:
            if output is not None:
                log.seek(0)
                output.append(log.read().decode(errors="replace"))


def _serve(port: int, env: dict[str, str], log) -> Iterator[str]:  # type: ignore[no-untyped-def]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "30",
            "wsgi:app",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/privacy", timeout=10) as response:
                    response.read()
                break
            except OSError:  # refused while starting; URLError and timeouts are OSErrors
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise AssertionError(f"gunicorn did not start:\n{output}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


@dataclass
class Answer:
    status: int
    location: str | None
    text: str


class Browser:
    """Cookies kept across every worker (a cookie is for a host, whatever its port)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects()
        )

    def request(self, url: str, data: Mapping[str, str] | None = None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, data=body, timeout=20) as response:
                return Answer(
                    response.status, response.headers.get("Location"), response.read().decode()
                )
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers.get("Location"), error.read().decode())

    def submit(self, url: str, data: Mapping[str, str]) -> Answer:
        page = self.request(url)
        token = _TOKEN.search(page.text)
        assert token, f"no CSRF token on {url} ({page.status})"
        return self.request(url, {"csrf_token": token.group(1), **data})
