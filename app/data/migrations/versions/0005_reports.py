"""SLA reports: indexes for the compliance, causes and board queries.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Compliance by period: range on received_at, grouped by priority.
    op.create_index("ix_ticket_received_priority", "ticket", ["received_at", "priority"])
    # Breach causes: per-ticket lookups of assignments, call attempts and priority changes.
    op.create_index("ix_ticket_action_ticket_kind", "ticket_action", ["ticket_id", "kind"])
    # Board and forecast: open tickets still waiting for first contact, by deadline.
    where = (
        "WHERE first_contact_at IS NULL AND merged_into_id IS NULL "
        "AND status IN ('new','assigned','in_progress','waiting_client')"
    )
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_ticket_waiting_first_contact ON ticket (first_contact_due) "
            f"INCLUDE (priority, assignee_id) {where}"
        )
    else:
        op.execute(
            "CREATE INDEX ix_ticket_waiting_first_contact "
            f"ON ticket (first_contact_due, priority, assignee_id) {where}"
        )


def downgrade() -> None:
    op.drop_index("ix_ticket_waiting_first_contact", table_name="ticket")
    op.drop_index("ix_ticket_action_ticket_kind", table_name="ticket_action")
    op.drop_index("ix_ticket_received_priority", table_name="ticket")
