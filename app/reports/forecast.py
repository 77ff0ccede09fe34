"""Forecast: which waiting tickets will breach, given who is on shift and how long cases take.

Model: each on-shift technician works through their own waiting tickets (priority, then
deadline), then the unassigned ones go, in the same order, to whoever is free first. First
contact is expected when a technician starts on the ticket; each ticket keeps them busy for the
median handling time of its priority (median duration of contact actions on tickets received
in the last 90 days, ``DEFAULT_HANDLING`` when there is no history). Tickets held by technicians
off shift count as unassigned.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.data.models import Technician, Ticket, TicketAction
from app.domain.channels import Channel
from app.domain.formatting import format_duration
from app.domain.priorities import Priority
from app.domain.tickets import CONTACT_CAPABLE, OPEN_STATUSES
from app.reports.period import percentile

OPEN_VALUES = [s.value for s in OPEN_STATUSES]
DEFAULT_HANDLING = timedelta(minutes=20)
HISTORY = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class ForecastRow:
    ticket_id: int
    priority: Priority
    channel: Channel
    deadline: datetime
    assignee_name: str | None
    projected_contact: datetime | None  # None: nobody on shift to take it
    will_breach: bool
    minutes_left: int  # wall minutes until the deadline (negative: overdue)
    text: str

    @property
    def number(self) -> str:
        return f"IMR-{self.ticket_id}"


@dataclass(frozen=True)
class Forecast:
    now: datetime
    rows: tuple[ForecastRow, ...]
    handling: dict[int, timedelta]
    on_shift: int

    @property
    def will_breach(self) -> int:
        return sum(1 for r in self.rows if r.will_breach)


def handling_times(session: Session, now: datetime) -> dict[int, timedelta]:
    """Median minutes of contact actions per priority over the last 90 days."""
    A = TicketAction
    # Through the tickets received in the window (indexed), then their contact actions by
    # (ticket_id, kind): never a scan of the whole action log.
    where = (
        Ticket.received_at >= now - HISTORY,
        A.kind.in_([k.value for k in CONTACT_CAPABLE]),
        A.is_contact.is_(True),
        A.duration_minutes.is_not(None),
    )
    medians: dict[int, float | None] = {}
    if session.get_bind().dialect.name == "postgresql":
        stmt = (
            select(
                Ticket.priority,
                func.percentile_cont(0.5).within_group(A.duration_minutes),
            )
            .join(Ticket, Ticket.id == A.ticket_id)
            .where(*where)
            .group_by(Ticket.priority)
        )
        medians = {int(p): float(m) for p, m in session.execute(stmt) if m is not None}
    else:
        values: dict[int, list[float]] = {}
        stmt2 = (
            select(Ticket.priority, A.duration_minutes)
            .join(Ticket, Ticket.id == A.ticket_id)
            .where(*where)
        )
        for p, minutes in session.execute(stmt2):
            values.setdefault(int(p), []).append(float(minutes or 0))
        medians = {p: percentile(v, 0.5) for p, v in values.items()}
    out = {}
    for p in Priority:
        m = medians.get(int(p))
        out[int(p)] = timedelta(minutes=m) if m else DEFAULT_HANDLING
    return out


def _text(minutes_left: int, assigned: bool, will_breach: bool) -> str:
    if minutes_left <= 0:
        return f"vencido hace {format_duration(timedelta(minutes=-minutes_left))}"
    span = format_duration(timedelta(minutes=minutes_left))
    if not assigned:
        return f"vence en {span} si nadie lo toma"
    return f"vence en {span}" + (" — no se alcanza con la cola actual" if will_breach else "")


def forecast(session: Session, now: datetime) -> Forecast:
    handling = handling_times(session, now)
    techs = {
        tid: name
        for tid, name in session.execute(
            select(Technician.id, Technician.name).where(
                Technician.active.is_(True),
                Technician.on_shift.is_(True),
                Technician.role != "intake",
            )
        )
    }
    stmt = (
        select(
            Ticket.id,
            Ticket.priority,
            Ticket.channel,
            Ticket.first_contact_due,
            Ticket.assignee_id,
            Technician.name,
        )
        .select_from(Ticket)
        .outerjoin(Technician, Technician.id == Ticket.assignee_id)
        .where(
            Ticket.first_contact_at.is_(None),
            Ticket.merged_into_id.is_(None),
            Ticket.status.in_(OPEN_VALUES),
        )
        .order_by(Ticket.priority, Ticket.first_contact_due, Ticket.id)
    )
    tickets = session.execute(stmt).all()
    free_at = dict.fromkeys(techs, now)
    projected: dict[int, datetime | None] = {}
    pool = []
    for tid, priority, _channel, _due, assignee_id, _name in tickets:
        if assignee_id in free_at:
            projected[tid] = free_at[assignee_id]
            free_at[assignee_id] += handling[int(priority)]
        else:
            pool.append((tid, priority))
    heap = [(at, tech_id) for tech_id, at in free_at.items()]
    heapq.heapify(heap)
    for tid, priority in pool:
        if not heap:
            projected[tid] = None
            continue
        at, tech_id = heapq.heappop(heap)
        projected[tid] = at
        heapq.heappush(heap, (at + handling[int(priority)], tech_id))
    rows = []
    for tid, priority, channel, due, assignee_id, name in tickets:
        start = projected[tid]
        will = start is None or start >= due
        left = int((due - now).total_seconds() // 60)
        assigned = assignee_id in free_at
        rows.append(
            ForecastRow(
                ticket_id=tid,
                priority=Priority(priority),
                channel=Channel(channel),
                deadline=due,
                assignee_name=name if assignee_id is not None else None,
                projected_contact=start,
                will_breach=will,
                minutes_left=left,
                text=_text(left, assigned, will),
            )
        )
    rows.sort(key=lambda r: (not r.will_breach, r.deadline, r.ticket_id))
    return Forecast(now, tuple(rows), handling, len(techs))
