"""Service content digest, so an unchanged re-import skips listings without loading them

Revision ID: 3c9d1e7a2b40
Revises: 2ba18b2566bf
Create Date: 2026-11-26 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c9d1e7a2b40'
down_revision = '2ba18b2566bf'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_digest', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('content_digest')
