"""First-contact compliance over a period: counts in SQL aggregates, business minutes per calendar.

What runs where: ``tickets``, ``met``, ``met_late``, ``open_breached`` and ``open_on_time`` are
SQL ``COUNT``/``SUM(CASE …)`` aggregates grouped by the dimension, and open-ticket age is a SQL
bucket count. Business minutes to first contact depend on each ticket's own calendar (office
hours, holidays, closures), which the database does not know, so they are computed in Python from
a narrow select (calendar, received, first contact) with the bisect-based calendar tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from app.data.models import Client, Technician, Ticket
from app.domain.channels import Channel
from app.domain.policy import SlaPolicy
from app.domain.priorities import Priority
from app.domain.tickets import OPEN_STATUSES
from app.reports.period import Period, percentile

OPEN_VALUES = [s.value for s in OPEN_STATUSES]


class Dimension(StrEnum):
    PRIORITY = "priority"
    CHANNEL = "channel"
    CLIENT = "client"
    TECHNICIAN = "technician"

    @property
    def label(self) -> str:
        return {
            "priority": "Prioridad",
            "channel": "Canal",
            "client": "Cliente",
            "technician": "Representante técnico",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    key: Any  # priority int, channel value, client id, technician id (None: none)
    label: str
    tickets: int
    met: int
    met_late: int
    open_breached: int
    open_on_time: int
    median_minutes: float | None = None
    p90_minutes: float | None = None

    @property
    def compliance_pct(self) -> float | None:
        """100 × met ÷ (met + met late + open breached); None while nothing is decided."""
        decided = self.met + self.met_late + self.open_breached
        return None if decided == 0 else round(100.0 * self.met / decided, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "tickets": self.tickets,
            "met": self.met,
            "met_late": self.met_late,
            "open_breached": self.open_breached,
            "open_on_time": self.open_on_time,
            "compliance_pct": self.compliance_pct,
            "median_minutes": self.median_minutes,
            "p90_minutes": self.p90_minutes,
        }


# Buckets for the time-to-first-contact distribution (business minutes, upper bounds).
TTFC_BOUNDS = (15, 30, 60, 120, 180, 360, 720, 1440)
TTFC_LABELS = (
    "≤15 min",
    "15–30 min",
    "30–60 min",
    "1–2 h",
    "2–3 h",
    "3–6 h",
    "6–12 h",
    "12–24 h",
    ">24 h",
)
# Buckets for open-ticket age (wall hours since received, upper bounds).
AGE_BOUNDS_HOURS = (1, 4, 12, 24, 72, 168)
AGE_LABELS = ("<1 h", "1–4 h", "4–12 h", "12–24 h", "1–3 d", "3–7 d", ">7 d")


@dataclass(frozen=True)
class ComplianceReport:
    period: Period
    now: datetime
    by_priority: tuple[ComplianceRow, ...]
    by_channel: tuple[ComplianceRow, ...] = ()
    by_client: tuple[ComplianceRow, ...] = ()
    by_technician: tuple[ComplianceRow, ...] = ()
    ttfc_histogram: dict[int, tuple[int, ...]] = field(default_factory=dict)  # priority → counts
    open_age: dict[int, tuple[int, ...]] = field(default_factory=dict)  # priority → counts

    @property
    def total(self) -> ComplianceRow:
        rows = self.by_priority
        return ComplianceRow(
            key=None,
            label="Total",
            tickets=sum(r.tickets for r in rows),
            met=sum(r.met for r in rows),
            met_late=sum(r.met_late for r in rows),
            open_breached=sum(r.open_breached for r in rows),
            open_on_time=sum(r.open_on_time for r in rows),
        )


def _in_period(period: Period) -> list[Any]:
    return [
        Ticket.received_at >= period.start,
        Ticket.received_at < period.end,
        Ticket.merged_into_id.is_(None),
    ]


def _counts(now: datetime) -> list[Any]:
    fca, due = Ticket.first_contact_at, Ticket.first_contact_due
    return [
        func.count(Ticket.id).label("tickets"),
        func.sum(case((fca <= due, 1), else_=0)).label("met"),
        func.sum(case((fca > due, 1), else_=0)).label("met_late"),
        func.sum(case((fca.is_(None) & (due <= now), 1), else_=0)).label("open_breached"),
        func.sum(case((fca.is_(None) & (due > now), 1), else_=0)).label("open_on_time"),
    ]


def counts_by(
    session: Session, period: Period, dimension: Dimension, now: datetime
) -> list[ComplianceRow]:
    """One SQL aggregate: the five counts per value of the dimension."""
    where = _in_period(period)
    counts = _counts(now)
    if dimension is Dimension.PRIORITY:
        stmt = select(Ticket.priority, literal(None), *counts).group_by(Ticket.priority)
    elif dimension is Dimension.CHANNEL:
        stmt = select(Ticket.channel, literal(None), *counts).group_by(Ticket.channel)
    elif dimension is Dimension.CLIENT:
        stmt = (
            select(Ticket.client_id, Client.name, *counts)
            .select_from(Ticket)
            .outerjoin(Client, Client.id == Ticket.client_id)
            .group_by(Ticket.client_id, Client.name)
        )
    else:
        stmt = (
            select(Ticket.assignee_id, Technician.name, *counts)
            .select_from(Ticket)
            .outerjoin(Technician, Technician.id == Ticket.assignee_id)
            .group_by(Ticket.assignee_id, Technician.name)
        )
    rows = []
    for key, name, tickets, met, late, breached, on_time in session.execute(stmt.where(*where)):
        rows.append(
            ComplianceRow(
                key=key,
                label=_label(dimension, key, name),
                tickets=int(tickets),
                met=int(met or 0),
                met_late=int(late or 0),
                open_breached=int(breached or 0),
                open_on_time=int(on_time or 0),
            )
        )
    if dimension is Dimension.PRIORITY:
        present = {r.key for r in rows}
        rows += [
            ComplianceRow(int(p), p.label, 0, 0, 0, 0, 0) for p in Priority if p not in present
        ]
    return sorted(rows, key=_sort_key(dimension))


def _label(dimension: Dimension, key: Any, name: str | None) -> str:
    if dimension is Dimension.PRIORITY:
        return Priority(key).label
    if dimension is Dimension.CHANNEL:
        return Channel(key).label
    if dimension is Dimension.CLIENT:
        return name or "(sin cliente)"
    return name or "(sin asignar)"


def _sort_key(dimension: Dimension) -> Callable[[ComplianceRow], Any]:
    if dimension is Dimension.PRIORITY:
        return lambda r: r.key
    if dimension is Dimension.CHANNEL:
        order = [c.value for c in Channel]
        return lambda r: order.index(r.key)
    return lambda r: (-r.tickets, r.label)


def first_contact_minutes(
    session: Session, period: Period, policy: SlaPolicy
) -> list[tuple[int, str, int | None, int | None, float]]:
    """(priority, channel, client id, technician id, business minutes) per contacted ticket.

    Narrow select in SQL; the minutes on each ticket's own calendar in Python.
    """
    stmt = select(
        Ticket.priority,
        Ticket.channel,
        Ticket.client_id,
        Ticket.assignee_id,
        Ticket.calendar_name,
        Ticket.received_at,
        Ticket.first_contact_at,
    ).where(*_in_period(period), Ticket.first_contact_at.is_not(None))
    calendars = dict(policy.calendars)
    out = []
    for priority, channel, client_id, tech_id, cal_name, received, contact in session.execute(stmt):
        calendar = calendars.get(cal_name)
        if calendar is None:
            calendar = calendars[cal_name] = policy.calendar_for(
                Priority(priority), Channel(channel)
            )
        seconds = calendar.business_seconds_between(received, contact) if contact > received else 0
        out.append((priority, channel, client_id, tech_id, seconds / 60.0))
    return out


def _with_minutes(
    rows: list[ComplianceRow], minutes: dict[Any, list[float]]
) -> tuple[ComplianceRow, ...]:
    out = []
    for row in rows:
        values = minutes.get(row.key, [])
        med, p90 = percentile(values, 0.5), percentile(values, 0.9)
        out.append(
            ComplianceRow(
                row.key,
                row.label,
                row.tickets,
                row.met,
                row.met_late,
                row.open_breached,
                row.open_on_time,
                None if med is None else round(med, 1),
                None if p90 is None else round(p90, 1),
            )
        )
    return tuple(out)


def histogram(values: list[float], bounds: tuple[float, ...]) -> tuple[int, ...]:
    from bisect import bisect_left

    counts = [0] * (len(bounds) + 1)
    for v in values:
        counts[bisect_left(bounds, v)] += 1
    return tuple(counts)


def open_age(session: Session, now: datetime) -> dict[int, tuple[int, ...]]:
    """Open tickets per priority in age buckets (wall time since received), counted in SQL."""
    edges = [now - timedelta(hours=h) for h in AGE_BOUNDS_HOURS]
    bucket = case(
        *[(Ticket.received_at > edge, index) for index, edge in enumerate(edges)],
        else_=len(edges),
    )
    stmt = (
        select(Ticket.priority, bucket.label("bucket"), func.count(Ticket.id))
        .where(Ticket.status.in_(OPEN_VALUES), Ticket.merged_into_id.is_(None))
        .group_by(Ticket.priority, bucket)
    )
    out = {int(p): [0] * len(AGE_LABELS) for p in Priority}
    for priority, index, count in session.execute(stmt):
        out[int(priority)][int(index)] = int(count)
    return {p: tuple(v) for p, v in out.items()}


def compliance_report(
    session: Session,
    period: Period,
    policy: SlaPolicy,
    now: datetime,
    *,
    dimensions: tuple[Dimension, ...] = tuple(Dimension),
) -> ComplianceReport:
    minutes = first_contact_minutes(session, period, policy)
    index = {
        Dimension.PRIORITY: 0,
        Dimension.CHANNEL: 1,
        Dimension.CLIENT: 2,
        Dimension.TECHNICIAN: 3,
    }
    tables: dict[Dimension, tuple[ComplianceRow, ...]] = {}
    for dimension in dimensions:
        grouped: dict[Any, list[float]] = defaultdict(list)
        i = index[dimension]
        for item in minutes:
            grouped[item[i]].append(item[4])
        tables[dimension] = _with_minutes(counts_by(session, period, dimension, now), grouped)
    by_priority: dict[int, list[float]] = defaultdict(list)
    for item in minutes:
        by_priority[item[0]].append(item[4])
    return ComplianceReport(
        period=period,
        now=now,
        by_priority=tables.get(Dimension.PRIORITY, ()),
        by_channel=tables.get(Dimension.CHANNEL, ()),
        by_client=tables.get(Dimension.CLIENT, ()),
        by_technician=tables.get(Dimension.TECHNICIAN, ()),
        ttfc_histogram={int(p): histogram(by_priority[int(p)], TTFC_BOUNDS) for p in Priority},
        open_age=open_age(session, now),
    )
