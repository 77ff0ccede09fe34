"""Live breach board: tickets breached now or due within the hour, and technician load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.data.models import Client, Technician, Ticket
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import OPEN_STATUSES

OPEN_VALUES = [s.value for s in OPEN_STATUSES]
CRITICAL = (Priority.MUY_ALTO, Priority.ALTO)
HORIZON = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class BoardRow:
    ticket_id: int
    subject: str
    client_name: str
    priority: Priority
    channel: Channel
    received_at: datetime
    deadline: datetime
    target: timedelta
    calendar_name: str
    assignee_login: str | None
    assignee_name: str | None
    version: int

    @property
    def number(self) -> str:
        return f"IMR-{self.ticket_id}"

    @property
    def unassigned_critical(self) -> bool:
        return self.assignee_login is None and self.priority in CRITICAL

    def breached(self, now: datetime) -> bool:
        return now >= self.deadline


@dataclass(frozen=True, slots=True)
class TechnicianLoad:
    technician_id: int
    login: str
    name: str
    on_shift: bool
    by_priority: tuple[int, int, int, int]  # open tickets, Muy alto … Bajo

    @property
    def total(self) -> int:
        return sum(self.by_priority)


@dataclass(frozen=True)
class BoardSnapshot:
    now: datetime
    rows: tuple[BoardRow, ...]
    load: tuple[TechnicianLoad, ...]

    @property
    def breached(self) -> int:
        return sum(1 for r in self.rows if r.breached(self.now))

    @property
    def at_risk(self) -> int:
        return len(self.rows) - self.breached


def board_sort_key(row: BoardRow) -> tuple[int, datetime, int, int]:
    """Unassigned critical tickets first, then by deadline."""
    return (0 if row.unassigned_critical else 1, row.deadline, int(row.priority), row.ticket_id)


def board_rows(session: Session, now: datetime, horizon: timedelta = HORIZON) -> list[BoardRow]:
    stmt = (
        select(
            Ticket.id,
            Ticket.subject,
            Client.name,
            Ticket.priority,
            Ticket.channel,
            Ticket.received_at,
            Ticket.first_contact_due,
            Ticket.target_minutes,
            Ticket.calendar_name,
            Technician.login,
            Technician.name,
            Ticket.version,
        )
        .select_from(Ticket)
        .outerjoin(Client, Client.id == Ticket.client_id)
        .outerjoin(Technician, Technician.id == Ticket.assignee_id)
        .where(
            Ticket.first_contact_at.is_(None),
            Ticket.merged_into_id.is_(None),
            Ticket.status.in_(OPEN_VALUES),
            Ticket.first_contact_due < now + horizon,
        )
    )
    rows = [
        BoardRow(
            ticket_id=r[0],
            subject=r[1],
            client_name=r[2] or "(sin cliente)",
            priority=Priority(r[3]),
            channel=Channel(r[4]),
            received_at=r[5],
            deadline=r[6],
            target=timedelta(minutes=r[7]),
            calendar_name=r[8],
            assignee_login=r[9],
            assignee_name=r[10],
            version=r[11],
        )
        for r in session.execute(stmt)
    ]
    rows.sort(key=board_sort_key)
    return rows


def technician_load(session: Session) -> list[TechnicianLoad]:
    """Open tickets per technician by priority; active technicians with none show zeros."""
    counts: dict[int, list[int]] = {}
    stmt = (
        select(Ticket.assignee_id, Ticket.priority, func.count(Ticket.id))
        .where(
            Ticket.assignee_id.is_not(None),
            Ticket.status.in_(OPEN_VALUES),
            Ticket.merged_into_id.is_(None),
        )
        .group_by(Ticket.assignee_id, Ticket.priority)
    )
    for tech_id, priority, count in session.execute(stmt):
        counts.setdefault(int(tech_id or 0), [0, 0, 0, 0])[int(priority) - 1] = int(count)
    techs = session.execute(
        select(
            Technician.id, Technician.login, Technician.name, Technician.on_shift, Technician.active
        ).where(Technician.role != "intake")
    ).all()
    out = []
    for tech_id, login, name, on_shift, active in techs:
        if not active and tech_id not in counts:
            continue
        c = counts.get(tech_id, [0, 0, 0, 0])
        out.append(TechnicianLoad(tech_id, login, name, bool(on_shift), (c[0], c[1], c[2], c[3])))
    out.sort(key=lambda t: (-t.total, t.name))
    return out


def board_snapshot(session: Session, now: datetime) -> BoardSnapshot:
    return BoardSnapshot(now, tuple(board_rows(session, now)), tuple(technician_load(session)))
