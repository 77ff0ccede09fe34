"""Email intake: stored messages, quarantine.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=True),
        sa.Column("raw_sha256", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=998), nullable=False),
        sa.Column("from_addr", sa.String(length=320), nullable=False),
        sa.Column("to_addr", sa.String(length=998), nullable=False),
        sa.Column("internal_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("direction IN ('in','out')", name=op.f("ck_mail_message_direction")),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_mail_message_ticket_id_ticket")
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["ticket_action.id"],
            name=op.f("fk_mail_message_action_id_ticket_action"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_message")),
        sa.UniqueConstraint("message_id", name=op.f("uq_mail_message_message_id")),
        sa.UniqueConstraint("raw_sha256", name=op.f("uq_mail_message_raw_sha256")),
    )
    with op.batch_alter_table("mail_message", schema=None) as batch_op:
        batch_op.create_index("ix_mail_message_ticket_id", ["ticket_id"], unique=False)
        batch_op.create_index("ix_mail_message_to_created", ["to_addr", "created_at"], unique=False)

    op.create_table(
        "mail_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("resolved_ticket_id", sa.Integer(), nullable=True),
        sa.Column("resolved_by", sa.String(length=63), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["resolved_ticket_id"],
            ["ticket.id"],
            name=op.f("fk_mail_quarantine_resolved_ticket_id_ticket"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_quarantine")),
        sa.UniqueConstraint("sha256", name=op.f("uq_mail_quarantine_sha256")),
    )


def downgrade() -> None:
    op.drop_table("mail_quarantine")
    with op.batch_alter_table("mail_message", schema=None) as batch_op:
        batch_op.drop_index("ix_mail_message_to_created")
        batch_op.drop_index("ix_mail_message_ticket_id")
    op.drop_table("mail_message")
