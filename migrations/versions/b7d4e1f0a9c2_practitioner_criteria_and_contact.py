"""Practitioners' criteria and thresholds, and their contact line, on each service

Revision ID: b7d4e1f0a9c2
Revises: c5a9e3f17b20
Create Date: 2026-11-26 18:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d4e1f0a9c2'
down_revision = 'c5a9e3f17b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('referral_criteria', sa.Text(), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column(
                'professional_contact', sa.String(length=255), nullable=False, server_default=''
            )
        )


def downgrade():
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('professional_contact')
        batch_op.drop_column('referral_criteria')
