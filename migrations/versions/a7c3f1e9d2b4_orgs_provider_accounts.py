"""Provider accounts: people of an organisation, linked to it (branch orgs)

Revision ID: a7c3f1e9d2b4
Revises: e3a8c6d2f1b7
Create Date: 2026-12-06 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c3f1e9d2b4'
down_revision = 'e3a8c6d2f1b7'
branch_labels = None
depends_on = None

ROLES_BEFORE = ('practitioner', 'editor', 'admin')
ROLES_AFTER = ('practitioner', 'editor', 'admin', 'provider')


def _role_type(roles: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*roles, name='staff_role', native_enum=False, create_constraint=True, length=32)


KEPT_WITH_USERS = ('staff_recovery_code', 'staff_account_link')
"""Tables whose rows SQLite's foreign keys (ON DELETE CASCADE) would delete when the
staff_user table is rebuilt, as changing its role CHECK constraint needs on SQLite."""


def _rows_of_users(bind: sa.engine.Connection) -> list[tuple[sa.Table, list[dict]]]:
    """Every row of the tables kept with users, on SQLite (elsewhere nothing is rebuilt)."""
    if bind.dialect.name != 'sqlite':
        return []
    kept = []
    for name in KEPT_WITH_USERS:
        table = sa.Table(name, sa.MetaData(), autoload_with=bind)
        kept.append((table, [dict(row._mapping) for row in bind.execute(sa.select(table))]))
    return kept


def _put_back(bind: sa.engine.Connection, kept: list[tuple[sa.Table, list[dict]]]) -> None:
    """Put back the rows the rebuild deleted, for users who are still there."""
    users = set(bind.execute(sa.text('SELECT id FROM staff_user')).scalars())
    for table, rows in kept:
        bind.execute(table.delete())
        rows = [row for row in rows if row['user_id'] in users]
        if rows:
            bind.execute(table.insert(), rows)


def upgrade():
    kept = _rows_of_users(op.get_bind())
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.alter_column(
            'role', existing_type=_role_type(ROLES_BEFORE), type_=_role_type(ROLES_AFTER),
            existing_nullable=False,
        )
        batch_op.add_column(sa.Column('organization_id', sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_staff_user_organization_id'), ['organization_id'], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_staff_user_organization_id_organization'), 'organization',
            ['organization_id'], ['id'], ondelete='SET NULL',
        )
    _put_back(op.get_bind(), kept)


def downgrade():
    op.execute("DELETE FROM staff_user WHERE role = 'provider'")
    kept = _rows_of_users(op.get_bind())
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_staff_user_organization_id_organization'), type_='foreignkey'
        )
        batch_op.drop_index(batch_op.f('ix_staff_user_organization_id'))
        batch_op.drop_column('organization_id')
        batch_op.alter_column(
            'role', existing_type=_role_type(ROLES_AFTER), type_=_role_type(ROLES_BEFORE),
            existing_nullable=False,
        )
    _put_back(op.get_bind(), kept)
