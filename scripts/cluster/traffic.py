"""The rehearsal's visitors: bounded load through the balancer, and an editor's browser.

Load is paced (each visitor waits between requests), so it is the same whatever the
machine, and every request is recorded with its time, status and the node that served it.
"""

from __future__ import annotations

import http.cookiejar
import itertools
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Visit:
    started: float
    """time.monotonic() when sent."""
    seconds: float
    status: int
    """HTTP status; 0 when no answer came (refused, reset, timed out)."""
    node: str
    problem: str = ""
    """Why no answer came: "timed out" (10 s) or the connection's error."""

    @property
    def failed(self) -> bool:
        return self.status == 0 or self.status >= 500


class Load:
    """``visitors`` threads, each asking for one of ``paths`` every ``pause`` seconds."""

    def __init__(self, base: str, paths: Sequence[str], visitors: int, pause: float) -> None:
        self.base, self.paths, self.visitors, self.pause = base, paths, visitors, pause
        self.visits: list[Visit] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for number in range(self.visitors):
            thread = threading.Thread(target=self._visit, args=(number,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)

    def between(self, start: float, end: float) -> list[Visit]:
        with self._lock:
            return [visit for visit in self.visits if start <= visit.started < end]

    def _visit(self, number: int) -> None:
        paths = itertools.cycle(random.Random(number).sample(list(self.paths), len(self.paths)))
        while not self._stop.is_set():
            path = next(paths)
            started = time.monotonic()
            status, node, problem = _get(self.base + path)
            seconds = time.monotonic() - started
            with self._lock:
                self.visits.append(Visit(started, seconds, status, node, problem))
            self._stop.wait(self.pause)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status, response.headers.get("X-Served-By", ""), ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Served-By", ""), ""
    except TimeoutError:
        return 0, "", "timed out"
    except OSError as error:
        reason = getattr(error, "reason", error)
        return 0, "", "timed out" if isinstance(reason, TimeoutError) else str(reason)


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


class Browser:
    """An editor's browser: cookies kept for the host whatever the port (as browsers do)."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirects()
        )

    def get(self, url: str) -> tuple[int, str, str]:
        return self._open(url, None)

    def post(self, url: str, fields: Sequence[tuple[str, str]]) -> tuple[int, str, str]:
        return self._open(url, urllib.parse.urlencode(fields).encode())

    def submit(self, url: str, values: Mapping[str, str]) -> tuple[int, str, str]:
        """Post the page's own form with ``values`` changed (its token and fields kept)."""
        _status, _location, text = self.get(url)
        fields = [(name, values.get(name, value)) for name, value in form_fields(text)]
        fields += [(name, value) for name, value in values.items() if name not in dict(fields)]
        return self.post(url, fields)

    def _open(self, url: str, body: bytes | None) -> tuple[int, str, str]:
        try:
            with self.opener.open(url, data=body, timeout=20) as response:
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()


class _FormReader(HTMLParser):
    """What the page's last POST form would send as it stands, like a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.forms.append([])
        if not self.forms or ("name" not in a and tag != "option"):
            return
        fields = self.forms[-1]
        if tag == "input" and a.get("type", "text").lower() not in {"submit", "button", "file"}:
            if a.get("type", "").lower() in {"checkbox", "radio"}:
                if "checked" in a:
                    fields.append((a["name"], a.get("value", "on")))
            else:
                fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            self.forms[-1].append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected] or [
                value for value, _ in self._options[:1]
            ]
            self.forms[-1].extend((self._select, value) for value in chosen)
            self._select = None


def form_fields(markup: str) -> list[tuple[str, str]]:
    reader = _FormReader()
    reader.feed(markup)
    if not reader.forms:
        raise RuntimeError("the page has no form to post")
    return reader.forms[-1]


def token(markup: str) -> str:
    found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', markup)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)
