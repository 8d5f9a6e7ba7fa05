from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from directory.config import SmtpSettings
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import HygieneCheckingClient


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Flask]:
    """A migrated SQLite app with some settings changed (SMTP, limits, the council file)."""
    made = 0

    def make(**overrides: object) -> Flask:
        nonlocal made
        made += 1
        directory = tmp_path / f"app-{made}"
        directory.mkdir()
        app = migrated_app(
            config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory, **overrides)
        )
        app.test_client_class = HygieneCheckingClient
        return app

    return make


class _Mailbox:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope.content.decode("utf-8"))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[SmtpSettings, _Mailbox]]:
    """A real SMTP server on this machine (aiosmtpd) that keeps what it is sent."""
    from aiosmtpd.controller import Controller

    mailbox = _Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield (
            SmtpSettings(host="127.0.0.1", port=port, security="none", sender="dir@example.org"),
            mailbox,
        )
    finally:
        controller.stop()
