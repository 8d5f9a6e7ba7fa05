"""Flask, Jinja and Flask-Babel read the project's root templates/, static/ and translations/."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from flask_babel import get_babel

from directory.config import PROJECT_ROOT


def test_flask_serves_the_root_static_folder(client: FlaskClient, built_assets: Path) -> None:
    app: Flask = client.application

    assert Path(app.static_folder) == PROJECT_ROOT / "static"
    with app.test_request_context():
        address = app.jinja_env.globals["asset_url"]("dudley.css")
    assert address.startswith("/static/dist/dudley.")
    response = client.get(address)
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    response.close()


def test_jinja_loads_our_templates_and_the_govuk_ones(client: FlaskClient) -> None:
    app: Flask = client.application

    assert Path(app.template_folder) == PROJECT_ROOT / "templates"
    ours = app.jinja_env.get_template("base.html")
    assert Path(ours.filename) == PROJECT_ROOT / "templates" / "base.html"
    govuk = app.jinja_env.get_template("govuk_frontend_jinja/template.html")
    assert "govuk_frontend_jinja" in govuk.filename


def test_babel_reads_the_root_translations_folder(client: FlaskClient) -> None:
    app: Flask = client.application

    with app.app_context():
        directories = get_babel(app).translation_directories
    assert [Path(directory) for directory in directories] == [PROJECT_ROOT / "translations"]
