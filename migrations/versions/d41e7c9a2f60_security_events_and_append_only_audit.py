"""Security events, and the audit trail and security events made append-only by triggers

Revision ID: d41e7c9a2f60
Revises: b7d4e1f0a9c2
Create Date: 2026-11-27 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from directory.append_only import APPEND_ONLY_TABLES, drop_function, protect, unprotect


# revision identifiers, used by Alembic.
revision = 'd41e7c9a2f60'
down_revision = 'b7d4e1f0a9c2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('security_event',
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('actor', sa.String(length=255), nullable=True),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('target', sa.String(length=255), nullable=True),
    sa.Column('client_address', sa.String(length=64), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_security_event'))
    )
    with op.batch_alter_table('security_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_security_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_security_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_security_event_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_security_event_target_id'), ['target_id'], unique=False)

    connection = op.get_bind()
    for table in APPEND_ONLY_TABLES:
        protect(connection, table)


def downgrade():
    connection = op.get_bind()
    for table in APPEND_ONLY_TABLES:
        unprotect(connection, table)
    drop_function(connection)
    with op.batch_alter_table('security_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_security_event_target_id'))
        batch_op.drop_index(batch_op.f('ix_security_event_kind'))
        batch_op.drop_index(batch_op.f('ix_security_event_at'))
        batch_op.drop_index(batch_op.f('ix_security_event_actor_id'))

    op.drop_table('security_event')
