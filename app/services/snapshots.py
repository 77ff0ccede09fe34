"""Frozen snapshots handed to the UI and the CLI: no ORM object leaves the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus, format_ticket_number


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One ticket as the queue shows it."""

    id: int
    subject: str
    client_name: str
    channel: Channel
    priority: Priority
    status: TicketStatus
    received_at: datetime
    deadline: datetime
    target: timedelta
    calendar_name: str
    first_contact_at: datetime | None
    assignee_login: str | None
    assignee_name: str | None
    last_action_at: datetime | None
    last_action_kind: ActionKind | None
    needs_review: bool
    version: int
    requester_name: str = ""

    @property
    def number(self) -> str:
        return format_ticket_number(self.id)


@dataclass(frozen=True, slots=True)
class AttachmentView:
    id: int
    filename: str
    content_type: str
    size: int
    withheld: bool
    note: str

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/") and not self.withheld


@dataclass(frozen=True, slots=True)
class ActionView:
    id: int
    uid: str
    kind: ActionKind
    author_login: str | None
    author_name: str
    occurred_at: datetime
    text: str
    is_contact: bool
    duration_minutes: int | None
    attachments: tuple[AttachmentView, ...] = ()
    #: English words for an entry the system wrote (app.services.action_texts), else None
    text_en: str | None = None


@dataclass(frozen=True, slots=True)
class ContractView:
    id: int
    number: str
    starts_on: date
    ends_on: date
    critical_line_24x7: bool
    products: tuple[str, ...] = ()
    coverage_notes: str = ""

    def in_force_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True, slots=True)
class ContactView:
    id: int
    client_id: int
    name: str
    email: str | None
    phone: str | None
    whatsapp: str | None
    is_key_user: bool
    active: bool = True


@dataclass(frozen=True, slots=True)
class ClientView:
    id: int
    name: str
    tax_id: str | None
    notes: str
    active: bool
    contract_in_force: ContractView | None  # on the day asked about
    contracts: tuple[ContractView, ...] = ()
    contacts: tuple[ContactView, ...] = ()
    open_tickets: int = 0

    @property
    def contract_label(self) -> str:
        if self.contract_in_force is None:
            return "Sin contrato vigente"
        return f"Contrato vigente hasta {self.contract_in_force.ends_on:%d/%m/%Y}"


@dataclass(frozen=True, slots=True)
class TicketDetail:
    row: QueueRow
    description: str
    requester_name: str
    requester_address: str
    contact: ContactView | None
    client: ClientView | None
    product_name: str | None
    solution: str
    review_reasons: tuple[str, ...]
    merged_into: int | None
    resolved_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime
    updated_by: str | None
    actions: tuple[ActionView, ...] = field(default=())

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def number(self) -> str:
        return self.row.number

    @property
    def version(self) -> int:
        return self.row.version

    @property
    def contract(self) -> ContractView | None:
        return self.client.contract_in_force if self.client else None


@dataclass(frozen=True, slots=True)
class TechnicianView:
    id: int
    login: str
    name: str
    role: str
    active: bool
    on_shift: bool
    email: str | None = None
