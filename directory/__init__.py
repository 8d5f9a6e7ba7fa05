"""Signpost: the Flask application factory."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from jinja2 import (
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
)
from sqlalchemy.engine import make_url

from directory import (
    accounts,
    api,
    assets,
    council_language,
    health,
    i18n,
    insights,
    jobs,
    log_privacy,
    public_forms,
    request_limits,
    responses,
)
from directory.config import PROJECT_ROOT, Config, ConfigError
from directory.council import load_council
from directory.extensions import babel, csrf, db, migrate
from directory.reader_cache import reader_key
from directory.sealing import Sealer
from directory.security import install_security_headers


def create_app(config: Config | None = None) -> Flask:
    """Build the site for one council from ``config`` (environment variables by default)."""
    config = config or Config.from_env()
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.update(config.flask_settings())
    app.extensions["signpost_config"] = config
    # Taken before the files it covers are read: readers built from a council file or
    # lexicon that changes meanwhile are never stored under its new key (reader_cache).
    app.extensions["reader_key"] = reader_key(config.council_file)
    app.extensions["council"] = load_council(config.council_file)
    app.extensions["secret_sealer"] = Sealer(config.totp_encryption_key)
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    _keep_compiled_templates(app)

    _refuse_missing_sqlite_file(config)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.install(app)
    # Headers first: their nonce must exist before a CSRF refusal renders its error page.
    install_security_headers(app)
    # Body limits before the CSRF check, which would read the whole form.
    request_limits.install(app)
    csrf.init_app(app)
    accounts.install(app)
    health.install(app)
    responses.install(app)
    public_forms.install(app)  # after responses: its cookie makes a page no-store
    assets.install(app)

    from directory import cli, indexing, models, templating, understanding, views  # noqa: F401  (models: tables for Alembic)
    from directory.forms import drawing
    from directory.presenters import cards

    understanding.install(app)
    council_language.install(app, i18n.available_locales(app))
    indexing.install(app)
    jobs.install(app)
    templating.register(app)
    app.add_template_global(drawing.gov_component)
    app.add_template_global(drawing.gov_field)  # forms draw themselves; templating sits below forms
    app.add_template_global(cards.card_kit)  # a page's card words, once a page
    app.add_template_global(cards.kept_card)  # a result card, kept drawn
    insights.install(app)
    log_privacy.install()
    views.register(app)
    api.install(app)
    accounts.limit_views(app)
    cli.register(app)
    return app


def _keep_compiled_templates(app: Flask) -> None:
    """Keep compiled templates in ``instance/templates/`` (Jinja's bytecode cache, each file
    checked against its template's source), so a new process's first pages load them
    instead of compiling them again. Without a writable folder each process compiles its
    own."""
    folder = Path(app.instance_path) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    if os.access(folder, os.W_OK):
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _refuse_missing_sqlite_file(config: Config) -> None:
    """Outside development, serving from an SQLite file that is not there is a mistake
    (a wrong path or a lost volume), not a wish for an empty directory: stop at start.

    ``flask`` commands may still make it (``flask db upgrade`` creates the file).
    """
    import click

    if config.environment == "development" or click.get_current_context(silent=True):
        return
    url = make_url(config.database_url)
    if url.get_backend_name() != "sqlite" or url.database in {None, "", ":memory:"}:
        return
    if not Path(url.database).exists():
        raise ConfigError(
            f"The SQLite database {url.database} does not exist. Check DATABASE_URL, or "
            "create it with flask db upgrade."
        )
