"""Listing review interval: how often each listing should be checked (null: the council's default)

Revision ID: 8e41c2d7a9f3
Revises: 3c9d1e7a2b40
Create Date: 2026-11-26 18:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8e41c2d7a9f3'
down_revision = '3c9d1e7a2b40'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_interval_months', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('review_interval_months')
