"""Authenticator secrets are kept sealed with TOTP_ENCRYPTION_KEY, never in clear."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from flask import Flask
from flask_migrate import upgrade

from directory import create_app
from directory.accounts import second_factor
from directory.config import Config, ConfigError
from directory.extensions import db
from directory.models import RecoveryCode, Role, User
from tests.support.apps import config_for_tests
from tests.support.databases import database_backends, fresh_database
from tests.support.staff import make_staff, sign_in

BEFORE_SEALING = "8e41c2d7a9f3"


def test_the_database_holds_no_secret_in_clear_and_sign_in_still_works(
    empty_app: Flask,
) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    with empty_app.app_context():
        stored = db.session.execute(
            sa.text("SELECT sealed_totp_secret FROM staff_user WHERE id = :id"), {"id": editor.id}
        ).scalar_one()
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("staff_user")}
    assert editor.secret and editor.secret not in stored
    assert "totp_secret" not in columns
    response = sign_in(empty_app, empty_app.test_client(), editor)
    assert response.headers["Location"] == "/manage/"


def test_another_key_cannot_open_the_secrets(empty_app: Flask, tmp_path: Path) -> None:
    editor = make_staff(empty_app, Role.EDITOR)
    config = empty_app.extensions["signpost_config"]
    other = create_app(
        config_for_tests(
            config.database_url, tmp_path, totp_encryption_key=Fernet.generate_key().decode()
        )
    )
    with other.app_context():
        user = db.session.get(User, editor.id)
        with pytest.raises(RuntimeError, match="does not open with TOTP_ENCRYPTION_KEY"):
            _ = user.totp_secret
        db.session.remove()
        db.engine.dispose()


def test_production_needs_a_key_of_its_own_and_a_bad_one_is_one_line() -> None:
    production = {
        "SIGNPOST_ENV": "production",
        "SECRET_KEY": "x" * 64,
        "PUBLIC_BASE_URL": "https://directory.example.org",
    }
    with pytest.raises(ConfigError, match="TOTP_ENCRYPTION_KEY must be set"):
        Config.from_env(production)
    with pytest.raises(ConfigError, match="TOTP_ENCRYPTION_KEY must be 32 bytes"):
        Config.from_env({**production, "TOTP_ENCRYPTION_KEY": "not-a-key"})
    key = Fernet.generate_key().decode()
    assert Config.from_env({**production, "TOTP_ENCRYPTION_KEY": key}).totp_encryption_key == key


@pytest.mark.parametrize("backend", database_backends())
def test_the_migration_seals_secrets_kept_in_clear_and_keeps_recovery_codes(
    backend: str, tmp_path: Path
) -> None:
    key = Fernet.generate_key().decode()
    with fresh_database(backend, tmp_path) as url:
        app = create_app(config_for_tests(url, tmp_path, totp_encryption_key=key))
        secret = second_factor.new_secret()
        with app.app_context():
            upgrade(revision=BEFORE_SEALING)
            db.session.execute(
                sa.text(
                    "INSERT INTO staff_user (id, email, name, role, totp_secret, failed_attempts,"
                    " disabled, created_at) VALUES ('u1', 'ed@example.org', 'Ed', 'editor',"
                    " :secret, 0, false, CURRENT_TIMESTAMP)"
                ),
                {"secret": secret},
            )
            db.session.execute(
                sa.text(
                    "INSERT INTO staff_recovery_code (id, user_id, code_hash)"
                    " VALUES ('r1', 'u1', 'h')"
                )
            )
            db.session.commit()
            upgrade()
            sealed = db.session.execute(
                sa.text("SELECT sealed_totp_secret FROM staff_user")
            ).scalar_one()
            assert secret not in sealed
            assert Fernet(key.encode()).decrypt(sealed.encode()).decode() == secret
            assert db.session.get(User, "u1").totp_secret == secret
            assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 1
            db.session.remove()
            db.engine.dispose()
