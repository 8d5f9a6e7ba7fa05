"""The search change log: listings changed, in commit order, for every node's index

Revision ID: 7c2e9b4d1a35
Revises: 1f30b1ab045f
Create Date: 2026-12-06 20:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c2e9b4d1a35'
down_revision = '1f30b1ab045f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'search_change',
        sa.Column(
            'id',
            sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column('service_id', sa.String(length=36), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_change')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('search_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_change_changed_at'), ['changed_at'], unique=False)


def downgrade():
    with op.batch_alter_table('search_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_change_changed_at'))
    op.drop_table('search_change')
