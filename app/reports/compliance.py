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

from sqlalchemy import case, func, literal, select, text
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
    "<15 min",
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
        assert contact is not None  # selected with first_contact_at IS NOT NULL
        seconds = calendar.business_seconds_between(received, contact) if contact > received else 0
        out.append((priority, channel, client_id, tech_id, seconds / 60.0))
    return out


Stats = dict[Any, tuple[float | None, float | None]]  # key → (median, p90) minutes
_DIM_INDEX = {
    Dimension.PRIORITY: 0,
    Dimension.CHANNEL: 1,
    Dimension.CLIENT: 2,
    Dimension.TECHNICIAN: 3,
}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


def _with_minutes(rows: list[ComplianceRow], stats: Stats) -> tuple[ComplianceRow, ...]:
    out = []
    for row in rows:
        med, p90 = stats.get(row.key, (None, None))
        out.append(
            ComplianceRow(
                row.key,
                row.label,
                row.tickets,
                row.met,
                row.met_late,
                row.open_breached,
                row.open_on_time,
                _round(med),
                _round(p90),
            )
        )
    return tuple(out)


def python_minute_stats(
    session: Session, period: Period, policy: SlaPolicy, dimensions: tuple[Dimension, ...]
) -> tuple[dict[Dimension, Stats], dict[int, tuple[int, ...]]]:
    """Percentiles and the distribution, the minutes computed in Python (SQLite path)."""
    minutes = first_contact_minutes(session, period, policy)
    stats: dict[Dimension, Stats] = {}
    for dimension in dimensions:
        grouped: dict[Any, list[float]] = defaultdict(list)
        i = _DIM_INDEX[dimension]
        for item in minutes:
            grouped[item[i]].append(item[4])
        stats[dimension] = {
            key: (percentile(v, 0.5), percentile(v, 0.9)) for key, v in grouped.items()
        }
    by_priority: dict[int, list[float]] = defaultdict(list)
    for item in minutes:
        by_priority[item[0]].append(item[4])
    hist = {int(p): histogram(by_priority[int(p)], TTFC_BOUNDS) for p in Priority}
    return stats, hist


# PostgreSQL: each calendar's open intervals for the span go in as three float8 arrays
# (start, end, open seconds before the interval); width_bucket() bisects them, so the business
# seconds at an instant are  cum[i] + least(x, end[i]) - start[i]  and everything else —
# percentile_cont per dimension (GROUPING SETS) and the distribution — stays in SQL.
_PG_MINUTES = """
WITH cal(name, s, e, c) AS (VALUES {values}),
m AS (
    SELECT t.priority, t.channel, t.client_id, t.assignee_id,
           GREATEST(
               (CASE WHEN b.jf = 0 THEN 0 ELSE cal.c[b.jf] + LEAST(x.xf, cal.e[b.jf]) - cal.s[b.jf]
                END)
             - (CASE WHEN b.jr = 0 THEN 0 ELSE cal.c[b.jr] + LEAST(x.xr, cal.e[b.jr]) - cal.s[b.jr]
                END), 0) / 60.0 AS minutes
    FROM ticket t
    JOIN cal ON cal.name = t.calendar_name
    CROSS JOIN LATERAL (
        SELECT EXTRACT(EPOCH FROM t.received_at)::float8 AS xr,
               EXTRACT(EPOCH FROM t.first_contact_at)::float8 AS xf
    ) x
    CROSS JOIN LATERAL (
        SELECT width_bucket(x.xr, cal.s) AS jr, width_bucket(x.xf, cal.s) AS jf
    ) b
    WHERE t.received_at >= :start AND t.received_at < :end AND t.merged_into_id IS NULL
      AND t.first_contact_at IS NOT NULL
)
"""


def _histogram_mask(dimensions: tuple[Dimension, ...]) -> int:
    """GROUPING() value of the (priority, bucket) set: every dimension column but priority off."""
    n = len(dimensions) + 1
    mask = 0
    for i, d in enumerate(dimensions):
        if d is not Dimension.PRIORITY:
            mask |= 1 << (n - 1 - i)
    return mask


def pg_minute_stats(
    session: Session,
    period: Period,
    policy: SlaPolicy,
    now: datetime,
    dimensions: tuple[Dimension, ...],
) -> tuple[dict[Dimension, Stats], dict[int, tuple[int, ...]]]:
    names = list(
        session.scalars(
            select(Ticket.calendar_name)
            .where(*_in_period(period), Ticket.first_contact_at.is_not(None))
            .distinct()
        )
    )
    unknown = [n for n in names if n not in policy.calendars]
    if unknown or not names:
        # A calendar that no longer exists: fall back to the per-ticket path (rare).
        return python_minute_stats(session, period, policy, dimensions)
    hi = max(period.end, now) + timedelta(days=1)
    params: dict[str, Any] = {"start": period.start, "end": period.end}
    values = []
    for k, name in enumerate(names):
        starts, ends, cums, total = [], [], [], 0.0
        for a, b in policy.calendars[name].open_intervals(period.start, hi):
            starts.append(a.timestamp())
            ends.append(b.timestamp())
            cums.append(total)
            total += (b - a).total_seconds()
        if not starts:
            starts, ends, cums = [hi.timestamp()], [hi.timestamp()], [0.0]
        params.update({f"n{k}": name, f"s{k}": starts, f"e{k}": ends, f"c{k}": cums})
        values.append(
            f"(CAST(:n{k} AS text), CAST(:s{k} AS float8[]), CAST(:e{k} AS float8[]), "
            f"CAST(:c{k} AS float8[]))"
        )
    head = _PG_MINUTES.format(values=", ".join(values))
    columns = {
        Dimension.PRIORITY: "priority",
        Dimension.CHANNEL: "channel",
        Dimension.CLIENT: "client_id",
        Dimension.TECHNICIAN: "assignee_id",
    }
    # One pass over the tickets: the percentile sets per dimension and the distribution set
    # (priority, bucket) in the same GROUPING SETS query.
    stats: dict[Dimension, Stats] = {d: {} for d in dimensions}
    bounds = ", ".join(str(b) for b in TTFC_BOUNDS)
    sets = [f"({columns[d]})" for d in dimensions] + ["(priority, bucket)"]
    grouped = ", ".join([*(columns[d] for d in dimensions), "bucket"])
    picked = ", ".join(
        "priority" if d is Dimension.PRIORITY else columns[d] if d in dimensions else "NULL"
        for d in Dimension
    )
    sql = (
        head + f"SELECT {picked}, bucket, GROUPING({grouped}), "
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes), "
        "percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes), count(*) "
        f"FROM (SELECT m.*, width_bucket(minutes, ARRAY[{bounds}]::float8[]) AS bucket FROM m) q "
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )
    n = len(dimensions) + 1
    # GROUPING() sets a bit (first argument most significant) for each column not grouped.
    by_mask: dict[int, Dimension | None] = {
        ((1 << n) - 1) ^ (1 << (n - 1 - i)): d for i, d in enumerate(dimensions)
    }
    counts = {int(p): [0] * len(TTFC_LABELS) for p in Priority}
    for row in session.execute(text(sql), params):
        mask = row[5]
        if mask == _histogram_mask(dimensions):
            counts[int(row[0])][int(row[4])] = int(row[8])
            continue
        dimension = by_mask[mask]
        assert dimension is not None
        stats[dimension][row[_DIM_INDEX[dimension]]] = (row[6], row[7])
    return stats, {p: tuple(v) for p, v in counts.items()}


def histogram(values: list[float], bounds: tuple[float, ...]) -> tuple[int, ...]:
    from bisect import bisect_right

    counts = [0] * (len(bounds) + 1)
    for v in values:  # same buckets as PostgreSQL's width_bucket: [15, 30) is the second
        counts[bisect_right(bounds, v)] += 1
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
    if session.get_bind().dialect.name == "postgresql":
        stats, hist = pg_minute_stats(session, period, policy, now, dimensions)
    else:
        stats, hist = python_minute_stats(session, period, policy, dimensions)
    tables = {
        d: _with_minutes(counts_by(session, period, d, now), stats.get(d, {})) for d in dimensions
    }
    return ComplianceReport(
        period=period,
        now=now,
        by_priority=tables.get(Dimension.PRIORITY, ()),
        by_channel=tables.get(Dimension.CHANNEL, ()),
        by_client=tables.get(Dimension.CLIENT, ()),
        by_technician=tables.get(Dimension.TECHNICIAN, ()),
        ttfc_histogram=hist,
        open_age=open_age(session, now),
    )
