"""Providers' proposed changes to listings, and the review reminders they are sent (branch orgs)

Revision ID: b8d4a2f0e3c5
Revises: a7c3f1e9d2b4
Create Date: 2026-12-06 18:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b8d4a2f0e3c5'
down_revision = 'a7c3f1e9d2b4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'listing_proposal',
        sa.Column('service_id', sa.String(length=36), nullable=True),
        sa.Column('organization_id', sa.String(length=36), nullable=False),
        sa.Column('proposer_id', sa.String(length=36), nullable=True),
        sa.Column('proposer', sa.String(length=255), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('shown', sa.JSON(), nullable=False),
        sa.Column('returned', sa.JSON(), nullable=False),
        sa.Column('version', sa.Text(), nullable=False),
        sa.Column(
            'status',
            sa.Enum('waiting', 'approved', 'returned', name='proposal_status',
                    native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column('decided_by', sa.String(length=255), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
                                name=op.f('fk_listing_proposal_organization_id_organization'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['proposer_id'], ['staff_user.id'],
                                name=op.f('fk_listing_proposal_proposer_id_staff_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_listing_proposal_service_id_service'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_listing_proposal')),
    )
    with op.batch_alter_table('listing_proposal', schema=None) as batch_op:
        for column in ('service_id', 'organization_id', 'proposer_id', 'status'):
            batch_op.create_index(batch_op.f(f'ix_listing_proposal_{column}'), [column], unique=False)
    op.create_table(
        'review_reminder',
        sa.Column('service_id', sa.String(length=36), nullable=False),
        sa.Column('due', sa.Date(), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('recipients', sa.Integer(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_review_reminder_service_id_service'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_review_reminder')),
        sa.UniqueConstraint('service_id', 'due', name=op.f('uq_review_reminder_due')),
    )
    with op.batch_alter_table('review_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_reminder_service_id'), ['service_id'], unique=False)


def downgrade():
    op.drop_table('review_reminder')
    op.drop_table('listing_proposal')
