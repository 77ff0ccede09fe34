"""Directory: every email / phone / WhatsApp of a contact, normalised and unique.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.contacts import try_normalise

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('email','phone','whatsapp')", name=op.f("ck_contact_address_kind")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_address_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_address")),
        sa.UniqueConstraint("kind", "value", name="uq_contact_address_kind_value"),
    )
    op.create_index(
        op.f("ix_contact_address_contact_id"), "contact_address", ["contact_id"], unique=False
    )
    _backfill()


def _backfill() -> None:
    """Existing contacts keep being found: copy their single columns into the new table."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, email, phone, whatsapp FROM contact ORDER BY id"))
    taken: set[tuple[str, str]] = set()
    table = sa.table(
        "contact_address",
        sa.column("contact_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("value", sa.String),
        sa.column("position", sa.Integer),
    )
    inserts = []
    for contact_id, email, phone, whatsapp in rows:
        for kind, raw in (("email", email), ("phone", phone), ("whatsapp", whatsapp)):
            value = try_normalise(kind, raw) if raw else None
            if value and (kind, value) not in taken:
                taken.add((kind, value))
                inserts.append(
                    {"contact_id": contact_id, "kind": kind, "value": value, "position": 0}
                )
    if inserts:
        op.bulk_insert(table, inserts)


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_address_contact_id"), table_name="contact_address")
    op.drop_table("contact_address")
