"""Why each breach happened, read from its action log.

One SQL query finds the breached tickets and, with indexed EXISTS probes, whether each had the
actions that matter before the deadline (assignments, call attempts, priority changes); only
tickets with a priority change have their change details read, since those live in JSON. The
classification itself is plain Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.data.models import Technician, Ticket, TicketAction
from app.domain.channels import Channel
from app.domain.policy import SlaPolicy
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.reports.period import Period


class BreachCause(StrEnum):
    PRIORITY_RAISED_LATE = "priority_raised_late"
    OUTSIDE_HOURS_CRITICAL_EMAIL = "outside_hours_critical_email"
    REQUESTER_UNREACHABLE = "requester_unreachable"
    CLAIMED_NO_CONTACT = "claimed_no_contact"
    NEVER_CLAIMED = "never_claimed"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def advice(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    BreachCause.PRIORITY_RAISED_LATE: (
        "Prioridad subida tarde",
        "La prioridad se subió cuando el nuevo vencimiento ya estaba cerca o había pasado.",
    ),
    BreachCause.OUTSIDE_HOURS_CRITICAL_EMAIL: (
        "Crítico por correo fuera de horario",
        "Caso crítico enviado por correo fuera de horario: debió usarse la Línea Crítica.",
    ),
    BreachCause.REQUESTER_UNREACHABLE: (
        "Solicitante no localizable",
        "Solo hubo intentos de llamada sin respuesta antes del vencimiento.",
    ),
    BreachCause.CLAIMED_NO_CONTACT: (
        "Tomado sin contacto",
        "Un representante lo tomó pero no contactó al solicitante a tiempo.",
    ),
    BreachCause.NEVER_CLAIMED: (
        "Nadie lo tomó",
        "Nadie tomó el tiquete antes del vencimiento.",
    ),
}

# When several causes apply, the first in this order is the one reported.
CAUSE_ORDER = tuple(BreachCause)


@dataclass(frozen=True, slots=True)
class BreachView:
    ticket_id: int
    priority: Priority
    channel: Channel
    received_at: datetime
    deadline: datetime
    first_contact_at: datetime | None
    assignee_name: str | None
    cause: BreachCause
    all_causes: tuple[BreachCause, ...]

    @property
    def number(self) -> str:
        return f"IMR-{self.ticket_id}"


@dataclass(frozen=True)
class CausesReport:
    period: Period
    breaches: tuple[BreachView, ...]

    @property
    def counts(self) -> dict[BreachCause, int]:
        found = Counter(b.cause for b in self.breaches)
        return {cause: found.get(cause, 0) for cause in CAUSE_ORDER}


def _raised_late(details: dict[str, Any], occurred_at: datetime, fraction: float) -> bool:
    """A change that raised the priority when its new deadline was already near or past."""
    try:
        before, after = details["before"], details["after"]
        old, new = int(before["priority"]), int(after["priority"])
        new_due = datetime.fromisoformat(after["first_contact_due"])
    except (KeyError, TypeError, ValueError):
        return False
    if new >= old:
        return False
    margin = Priority(new).target * fraction
    return occurred_at >= new_due - margin


def breach_causes(
    session: Session, period: Period, policy: SlaPolicy, now: datetime
) -> CausesReport:
    fca, due = Ticket.first_contact_at, Ticket.first_contact_due
    A = TicketAction

    def has(kind: ActionKind, *extra: Any) -> Any:
        # Correlated EXISTS: one probe of ix_ticket_action_ticket_kind per breached ticket.
        return (
            select(A.id)
            .where(A.ticket_id == Ticket.id, A.kind == kind.value, *extra)
            .correlate(Ticket)
            .exists()
        )

    stmt = (
        select(
            Ticket.id,
            Ticket.priority,
            Ticket.channel,
            Ticket.received_at,
            due,
            fca,
            Technician.name,
            has(ActionKind.ASSIGNMENT, A.occurred_at < due),
            has(ActionKind.CALL_ATTEMPT, A.occurred_at < due),
            # The range keeps the probe correlated (a rare kind otherwise tempts the planner
            # into hashing a scan of the whole log).
            has(ActionKind.REPRIORITISED, A.occurred_at >= Ticket.received_at),
        )
        .select_from(Ticket)
        .outerjoin(Technician, Technician.id == Ticket.assignee_id)
        .where(
            Ticket.received_at >= period.start,
            Ticket.received_at < period.end,
            Ticket.merged_into_id.is_(None),
            or_(fca > due, and_(fca.is_(None), due <= now)),
        )
        .order_by(due)
    )
    rows = session.execute(stmt).all()
    late_raise: set[int] = set()
    with_changes = [r[0] for r in rows if r[9]]
    for start in range(0, len(with_changes), 1000):
        chunk = with_changes[start : start + 1000]
        for ticket_id, occurred_at, details in session.execute(
            select(A.ticket_id, A.occurred_at, A.details).where(
                A.ticket_id.in_(chunk), A.kind == ActionKind.REPRIORITISED.value
            )
        ):
            if _raised_late(details or {}, occurred_at, policy.at_risk_fraction):
                late_raise.add(ticket_id)
    office = policy.calendars.get("office")
    breaches = []
    for tid, priority, channel, received, deadline, contact, name, n_claim, n_try, _ in rows:
        causes = []
        if tid in late_raise:
            causes.append(BreachCause.PRIORITY_RAISED_LATE)
        if (
            channel == Channel.EMAIL.value
            and priority in (Priority.MUY_ALTO, Priority.ALTO)
            and office is not None
            and not office.is_open(received)
        ):
            causes.append(BreachCause.OUTSIDE_HOURS_CRITICAL_EMAIL)
        if n_try:
            causes.append(BreachCause.REQUESTER_UNREACHABLE)
        causes.append(BreachCause.CLAIMED_NO_CONTACT if n_claim else BreachCause.NEVER_CLAIMED)
        breaches.append(
            BreachView(
                ticket_id=tid,
                priority=Priority(priority),
                channel=Channel(channel),
                received_at=received,
                deadline=deadline,
                first_contact_at=contact,
                assignee_name=name,
                cause=causes[0],
                all_causes=tuple(causes),
            )
        )
    return CausesReport(period, tuple(breaches))


__all__ = ["BreachCause", "BreachView", "CausesReport", "breach_causes"]
