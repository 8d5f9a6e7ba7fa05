"""Sealed one-time-code secrets: staff authenticator secrets are kept encrypted with TOTP_ENCRYPTION_KEY

Existing secrets are sealed with the key the site is configured with (run with the same
TOTP_ENCRYPTION_KEY as the site), and the clear column is dropped.

Revision ID: c5a9e3f17b20
Revises: 8e41c2d7a9f3
Create Date: 2026-11-26 18:45:00.000000

"""
from alembic import op
import sqlalchemy as sa
from flask import current_app

from directory.sealing import Sealer


# revision identifiers, used by Alembic.
revision = 'c5a9e3f17b20'
down_revision = '8e41c2d7a9f3'
branch_labels = None
depends_on = None

users = sa.table(
    'staff_user',
    sa.column('id', sa.String),
    sa.column('totp_secret', sa.String),
    sa.column('sealed_totp_secret', sa.String),
)


def _sealer() -> Sealer:
    return Sealer(current_app.extensions['signpost_config'].totp_encryption_key)


def upgrade():
    # Plain ADD and DROP COLUMN (SQLite 3.35+ has both): rebuilding the table would make
    # SQLite's foreign keys delete every recovery code and account link with it.
    op.add_column('staff_user', sa.Column('sealed_totp_secret', sa.String(length=255), nullable=True))
    connection = op.get_bind()
    sealer = _sealer()
    rows = connection.execute(
        sa.select(users.c.id, users.c.totp_secret).where(users.c.totp_secret.is_not(None))
    ).all()
    for row_id, secret in rows:
        connection.execute(
            users.update().where(users.c.id == row_id).values(sealed_totp_secret=sealer.seal(secret))
        )
    op.drop_column('staff_user', 'totp_secret')


def downgrade():
    op.add_column('staff_user', sa.Column('totp_secret', sa.String(length=64), nullable=True))
    connection = op.get_bind()
    sealer = _sealer()
    rows = connection.execute(
        sa.select(users.c.id, users.c.sealed_totp_secret).where(
            users.c.sealed_totp_secret.is_not(None)
        )
    ).all()
    for row_id, sealed in rows:
        connection.execute(
            users.update().where(users.c.id == row_id).values(totp_secret=sealer.open(sealed))
        )
    op.drop_column('staff_user', 'sealed_totp_secret')
