"""SQLAlchemy 2 typed mappings for tickets, the directory and SLA settings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.data.base import Base, utcnow


class Technician(Base):
    __tablename__ = "technician"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20), default="technician")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    on_shift: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("role IN ('technician','supervisor','admin','intake')", name="role"),
    )


class Client(Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    tax_id: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    contracts: Mapped[list[Contract]] = relationship(
        back_populates="client", order_by="Contract.starts_on"
    )
    contacts: Mapped[list[Contact]] = relationship(back_populates="client", order_by="Contact.name")


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ContractProduct(Base):
    __tablename__ = "contract_product"

    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), primary_key=True)


class Contract(Base):
    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    critical_line_24x7: Mapped[bool] = mapped_column(Boolean, default=True)
    coverage_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    client: Mapped[Client] = relationship(back_populates="contracts")
    products: Mapped[list[Product]] = relationship(secondary="contract_product")

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)

    def in_force_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    whatsapp: Mapped[str | None] = mapped_column(String(32), index=True)
    is_key_user: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    client: Mapped[Client] = relationship(back_populates="contacts")


class Ticket(Base):
    __tablename__ = "ticket"

    id: Mapped[int] = mapped_column(primary_key=True)  # shown as IMR-<id>
    subject: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"), index=True)
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_address: Mapped[str] = mapped_column(String(320), default="")
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    channel: Mapped[str] = mapped_column(String(20))
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="new")
    received_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"), index=True)
    calendar_name: Mapped[str] = mapped_column(String(60))
    target_minutes: Mapped[int] = mapped_column(Integer)
    first_contact_due: Mapped[datetime]
    first_contact_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    solution: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reasons: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    client: Mapped[Client | None] = relationship()
    contact: Mapped[Contact | None] = relationship()
    product: Mapped[Product | None] = relationship()
    assignee: Mapped[Technician | None] = relationship(foreign_keys=[assignee_id])
    updated_by: Mapped[Technician | None] = relationship(foreign_keys=[updated_by_id])
    created_by: Mapped[Technician | None] = relationship(foreign_keys=[created_by_id])
    actions: Mapped[list[TicketAction]] = relationship(
        back_populates="ticket", order_by="TicketAction.occurred_at, TicketAction.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("priority BETWEEN 1 AND 4", name="priority"),
        CheckConstraint("channel IN ('email','phone','whatsapp','critical-line')", name="channel"),
        CheckConstraint(
            "status IN ('new','assigned','in_progress','waiting_client','resolved','closed')",
            name="status",
        ),
        Index("ix_ticket_open_queue", "status", "priority", "first_contact_due"),
        Index("ix_ticket_received_at", "received_at"),
    )


class TicketAction(Base):
    """Append-only: the database refuses UPDATE and DELETE (see migrations)."""

    __tablename__ = "ticket_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)  # made by the client: retry-safe
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(30))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    occurred_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    text: Mapped[str] = mapped_column(Text, default="")
    is_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    ticket: Mapped[Ticket] = relationship(back_populates="actions")
    author: Mapped[Technician | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(back_populates="action")

    __table_args__ = (Index("ix_ticket_action_ticket_time", "ticket_id", "occurred_at"),)


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_action.id"), index=True)
    filename: Mapped[str] = mapped_column(String(500))
    content_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    withheld: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    content_id: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    action: Mapped[TicketAction | None] = relationship(back_populates="attachments")


class CalendarSetting(Base):
    __tablename__ = "calendar_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(60), default="America/Panama")
    weekly: Mapped[list[Any] | None] = mapped_column(JSON)  # None: always open
    holiday_country: Mapped[str | None] = mapped_column(String(8))

    closures: Mapped[list[CalendarClosure]] = relationship(
        back_populates="calendar", order_by="CalendarClosure.day", cascade="all, delete-orphan"
    )


class CalendarClosure(Base):
    __tablename__ = "calendar_closure"

    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("calendar_setting.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")

    calendar: Mapped[CalendarSetting] = relationship(back_populates="closures")

    __table_args__ = (UniqueConstraint("calendar_id", "day"),)


class SlaAssignment(Base):
    """Which calendar a priority × channel combination runs on."""

    __tablename__ = "sla_assignment"

    priority: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("calendar_setting.id"))

    calendar: Mapped[CalendarSetting] = relationship()


class AppSetting(Base):
    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class AuditEntry(Base):
    """Who changed what, with before and after. Insert-only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(63))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)


class MailMessage(Base):
    """Every mail seen or sent by the intake, kept as original bytes (idempotency, threading)."""

    __tablename__ = "mail_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str | None] = mapped_column(String(998), unique=True)
    raw_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(3))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_action.id"))
    subject: Mapped[str] = mapped_column(String(998), default="")
    from_addr: Mapped[str] = mapped_column(String(320), default="")
    to_addr: Mapped[str] = mapped_column(String(998), default="")
    internal_date: Mapped[datetime | None]
    raw: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("direction IN ('in','out')", name="direction"),
        Index("ix_mail_message_to_created", "to_addr", "created_at"),
    )


class MailQuarantine(Base):
    """A mail the intake could not turn into a ticket: kept raw, for a supervisor to decide."""

    __tablename__ = "mail_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(500), default="")
    raw: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    resolved_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    resolved_by: Mapped[str | None] = mapped_column(String(63))
    resolved_at: Mapped[datetime | None]


class ContactAddress(Base):
    """Every email, phone and WhatsApp number of a contact, normalised (E.164, lower-case)."""

    __tablename__ = "contact_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(320))
    position: Mapped[int] = mapped_column(Integer, default=0)

    contact: Mapped[Contact] = relationship()

    __table_args__ = (
        UniqueConstraint("kind", "value", name="uq_contact_address_kind_value"),
        CheckConstraint("kind IN ('email','phone','whatsapp')", name="kind"),
    )


class TicketAudit(Base):
    """Every change to a ticket, written by a PostgreSQL trigger in the same transaction.

    Insert-only; empty on SQLite, where the services' audit_log rows are the audit.
    """

    __tablename__ = "ticket_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    operation: Mapped[str] = mapped_column(String(10))
    db_user: Mapped[str] = mapped_column(String(63))
    actor: Mapped[str | None] = mapped_column(String(63))
    before: Mapped[Any | None] = mapped_column(JSON().with_variant(JSONB(), "postgresql"))
    after: Mapped[Any | None] = mapped_column(JSON().with_variant(JSONB(), "postgresql"))

    __table_args__ = (Index("ix_ticket_audit_ticket", "ticket_id", "at"),)
