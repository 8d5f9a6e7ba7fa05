from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from directory.config import PROJECT_ROOT
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import HygieneCheckingClient

DIST = PROJECT_ROOT / "static" / "dist"


@pytest.fixture(scope="session")
def built_assets() -> Path:
    """``static/dist/``, built now if its manifest is missing (needs ``npm ci``)."""
    if not (DIST / "assets.json").exists():
        result = subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "scripts" / "build_assets.py")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"the asset build failed:\n{result.stderr}"
    return DIST


@pytest.fixture
def site_app(tmp_path: Path) -> Callable[..., Flask]:
    """Make a migrated SQLite app with settings changed, e.g. another council file."""

    def make(**overrides: object) -> Flask:
        directory = Path(tempfile.mkdtemp(dir=tmp_path))
        app = migrated_app(
            config_for_tests(f"sqlite:///{directory / 'signpost.db'}", directory, **overrides)
        )
        app.test_client_class = HygieneCheckingClient
        return app

    return make
