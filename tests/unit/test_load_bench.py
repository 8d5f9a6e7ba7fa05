"""The load bench's own measuring (``bench/load.py``): a worker's CPU a page counts the
thread that serves it, not the threads that work by the clock; pages are asked as a
browser asks; each engine's index has its own folder."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.load import ACCEPT_ENCODING, cpu_seconds, get
from bench.pages import index_folder


def _burn(seconds: float) -> None:
    """Use ``seconds`` of this thread's own CPU time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_serving_thread_cpu_leaves_out_another_threads_cpu() -> None:
    me = [os.getpid()]
    every_thread, serving = cpu_seconds(me), cpu_seconds(me, serving_only=True)
    other = threading.Thread(target=_burn, args=(0.4,))
    other.start()
    other.join()  # the main thread waits: it uses next to nothing meanwhile
    assert cpu_seconds(me) - every_thread >= 0.35  # an ended thread's time still counts
    assert cpu_seconds(me, serving_only=True) - serving < 0.1


def test_serving_thread_cpu_counts_the_main_threads_own_work() -> None:
    me = [os.getpid()]
    serving = cpu_seconds(me, serving_only=True)
    _burn(0.3)
    assert cpu_seconds(me, serving_only=True) - serving >= 0.25


def test_pages_are_asked_with_a_browsers_accept_encoding() -> None:
    asked: list[str | None] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.headers.get("Accept-Encoding"))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        assert get(server.server_address[1], "/find-support?q=food") == (200, b"ok")
    finally:
        server.shutdown()
        server.server_close()
    assert asked == [ACCEPT_ENCODING]
    assert "br" in ACCEPT_ENCODING.split(", ")


def test_each_engine_keeps_its_own_index_beside_the_database(tmp_path: Path) -> None:
    assert index_folder(tmp_path, "whoosh") == tmp_path / "index"  # as before: reused
    assert index_folder(tmp_path, "tantivy") == tmp_path / "index-tantivy"
    assert index_folder(tmp_path) == index_folder(tmp_path, "whoosh")
