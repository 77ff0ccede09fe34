"""First-contact SLA clocks: deadlines, clock states and step-by-step explanations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.domain.calendars import BusinessCalendar
from app.domain.formatting import (
    HOME_TIMEZONE,
    display_language,
    format_datetime,
    format_day,
    format_duration,
)

#: the deadline explanation's own words, in the console's two languages
_EXPLAIN_TEXTS = {
    "es": {
        "received": "Recibido — objetivo {target} en {calendar}",
        "open": "{calendar}: {span} (cuenta {counted})",
        "closed": "Fuera de horario",
        "deadline": "Vence el primer contacto",
    },
    "en": {
        "received": "Received — target {target} on {calendar}",
        "open": "{calendar}: {span} (counts {counted})",
        "closed": "Outside office hours",
        "deadline": "First contact due",
    },
}

__all__ = [
    "ClockReading",
    "ClockState",
    "Explanation",
    "ExplanationStep",
    "compute_deadline",
    "explain_deadline",
    "read_clock",
]

_ZERO = timedelta(0)


class ClockState(StrEnum):
    ON_TIME = "on_time"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"
    MET_LATE = "met_late"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATE_LABELS[self][1]

    @property
    def is_final(self) -> bool:
        """Met or met late: first contact happened and the result no longer changes."""
        return self in (ClockState.MET, ClockState.MET_LATE)


_STATE_LABELS = {
    ClockState.ON_TIME: ("en tiempo", "on time"),
    ClockState.AT_RISK: ("en riesgo", "at risk"),
    ClockState.BREACHED: ("vencido", "breached"),
    ClockState.MET: ("cumplido", "met"),
    ClockState.MET_LATE: ("cumplido con atraso", "met late"),
}


@dataclass(frozen=True)
class ClockReading:
    """What a ticket's first-contact clock shows at one instant."""

    state: ClockState
    deadline: datetime
    remaining: timedelta  # open calendar time left; zero once breached or met
    overdue: timedelta  # wall-clock time past the deadline (breached, met late); else zero
    paused_until: datetime | None  # next opening while a running clock is outside hours
    fraction_left: float  # remaining / target

    @property
    def is_paused(self) -> bool:
        return self.paused_until is not None


def compute_deadline(
    calendar: BusinessCalendar, received_at: datetime, target: timedelta
) -> datetime:
    """When first contact is due: ``target`` of open calendar time after ``received_at`` (UTC)."""
    return calendar.add_business_time(received_at, target)


def read_clock(
    calendar: BusinessCalendar,
    *,
    deadline: datetime,
    target: timedelta,
    now: datetime,
    first_contact_at: datetime | None = None,
    at_risk_fraction: float = 0.25,
) -> ClockReading:
    """Clock state at ``now``; ``now == deadline`` already counts as breached."""
    for value in (deadline, now, first_contact_at):
        if value is not None and (value.tzinfo is None or value.utcoffset() is None):
            raise ValueError(f"datetimes must be timezone-aware, got naive {value!r}")
    if first_contact_at is not None:
        if first_contact_at <= deadline:
            return ClockReading(ClockState.MET, deadline, _ZERO, _ZERO, None, 0.0)
        late = _wall(deadline, first_contact_at)
        return ClockReading(ClockState.MET_LATE, deadline, _ZERO, late, None, 0.0)
    if now >= deadline:
        return ClockReading(ClockState.BREACHED, deadline, _ZERO, _wall(deadline, now), None, 0.0)
    remaining = max(calendar.business_time_between(now, deadline), _ZERO)
    fraction = remaining / target if target > _ZERO else 0.0
    state = ClockState.AT_RISK if remaining <= target * at_risk_fraction else ClockState.ON_TIME
    paused_until = None if calendar.is_open(now) else calendar.next_opening(now)
    return ClockReading(state, deadline, remaining, _ZERO, paused_until, fraction)


def _wall(earlier: datetime, later: datetime) -> timedelta:
    # Subtracting in UTC: aware datetimes sharing a ZoneInfo subtract as wall time otherwise.
    return later.astimezone(UTC) - earlier.astimezone(UTC)


@dataclass(frozen=True)
class ExplanationStep:
    """One stretch between reception and deadline, and how much of it counted."""

    kind: str  # received, open, closed, weekend, holiday, closure, deadline
    start: datetime
    end: datetime | None
    counted: timedelta
    text: str


@dataclass(frozen=True)
class Explanation:
    calendar_label: str
    received_at: datetime
    target: timedelta
    deadline: datetime
    steps: tuple[ExplanationStep, ...]
    timezone: str = "America/Panama"
    lang: str = "es"  # the language the steps are worded in; lines() writes dates in it too

    @property
    def counted(self) -> timedelta:
        return sum((step.counted for step in self.steps), _ZERO)

    def lines(self) -> list[str]:
        """Lines for the console's "why this deadline" panel, in the explanation's language."""
        tz, lang = self.timezone, self.lang
        out = []
        for step in self.steps:
            if step.kind in ("received", "deadline") or step.end is None:
                out.append(f"{format_datetime(step.start, tz=tz, lang=lang)} · {step.text}")
            elif step.kind == "open":
                if _single_day(step.start, step.end, tz):
                    day = format_day(step.start.astimezone(ZoneInfo(tz)).date(), lang=lang)
                    suffix = "" if tz == HOME_TIMEZONE else f" ({tz})"
                    out.append(f"{day}{suffix} · {step.text}")
                else:
                    out.append(step.text)
            else:
                out.append(f"{_when(step.start, step.end, tz, lang)} · {step.text}")
        return out


def _when(start: datetime, end: datetime | None, tz: str, lang: str) -> str:
    """ "mar 8 dic" for whole local days, "lun 7 dic 17:00–24:00" or "… → …" otherwise."""
    zone = ZoneInfo(tz)
    suffix = "" if tz == HOME_TIMEZONE else f" ({tz})"
    a = start.astimezone(zone)
    if end is None:
        return format_datetime(start, tz=tz, with_year=False, lang=lang)
    b = end.astimezone(zone)
    if a.time() == time(0) and b.time() == time(0) and a.date() < b.date():
        last = b.date() - timedelta(days=1)
        if last == a.date():
            return format_day(a.date(), lang=lang) + suffix
        return f"{format_day(a.date(), lang=lang)} → {format_day(last, lang=lang)}{suffix}"
    if b.date() == a.date():
        return f"{format_day(a.date(), lang=lang)} {a:%H:%M}–{b:%H:%M}{suffix}"
    if b.time() == time(0) and b.date() == a.date() + timedelta(days=1):
        return f"{format_day(a.date(), lang=lang)} {a:%H:%M}–24:00{suffix}"
    from_day, to_day = format_day(a.date(), lang=lang), format_day(b.date(), lang=lang)
    return f"{from_day} {a:%H:%M} → {to_day} {b:%H:%M}{suffix}"


def _single_day(start: datetime, end: datetime, tz: str) -> bool:
    zone = ZoneInfo(tz)
    a, b = start.astimezone(zone), end.astimezone(zone)
    return b.date() == a.date() or (
        b.time() == time(0) and b.date() == a.date() + timedelta(days=1)
    )


def explain_deadline(
    calendar: BusinessCalendar,
    received_at: datetime,
    target: timedelta,
    lang: str | None = None,
) -> Explanation:
    """The steps that turn ``received_at`` plus ``target`` into the deadline, in order; worded in
    ``lang`` (default: the console's language). The calendar's name is shown as configured."""
    lang = display_language(lang)
    texts = _EXPLAIN_TEXTS[lang]
    deadline = compute_deadline(calendar, received_at, target)
    start = received_at.astimezone(UTC)
    tz = calendar.timezone
    label = calendar.display_name
    steps: list[ExplanationStep] = [
        ExplanationStep(
            "received",
            start,
            None,
            _ZERO,
            texts["received"].format(target=_target_text(target), calendar=label),
        )
    ]
    cursor = start
    for open_start, open_end in calendar.open_intervals(start, deadline):
        if open_start > cursor:
            steps.extend(_closed_steps(calendar, cursor, open_start, lang))
        counted = open_end - open_start
        steps.append(
            ExplanationStep(
                "open",
                open_start,
                open_end,
                counted,
                texts["open"].format(
                    calendar=label,
                    span=_clock_range(open_start, open_end, calendar, lang),
                    counted=format_duration(counted),
                ),
            )
        )
        cursor = open_end
    if deadline > cursor:
        steps.extend(_closed_steps(calendar, cursor, deadline, lang))
    steps.append(ExplanationStep("deadline", deadline, None, _ZERO, texts["deadline"]))
    return Explanation(label, start, target, deadline, tuple(_merge(steps)), tz, lang)


def _target_text(target: timedelta) -> str:
    """Targets read in hours as in the protocol ("24 h", not "1 d")."""
    if target >= timedelta(hours=1) and target % timedelta(hours=1) == _ZERO:
        return f"{target // timedelta(hours=1)} h"
    return format_duration(target)


def _clock_range(a: datetime, b: datetime, calendar: BusinessCalendar, lang: str) -> str:
    la, lb = a.astimezone(calendar.zone), b.astimezone(calendar.zone)
    if lb.date() == la.date():
        return f"{la:%H:%M}–{lb:%H:%M}"
    if lb.time() == time(0) and lb.date() == la.date() + timedelta(days=1):
        return f"{la:%H:%M}–24:00"
    return (
        f"{format_datetime(a, tz=calendar.zone, with_year=False, lang=lang)} → "
        f"{format_datetime(b, tz=calendar.zone, with_year=False, lang=lang)}"
    )


def _closed_steps(
    calendar: BusinessCalendar, start: datetime, end: datetime, lang: str
) -> list[ExplanationStep]:
    """Split a closed stretch by local day into holidays, closures, weekends and off-hours."""
    steps = []
    zone = calendar.zone
    day: date = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        day_start, day_end = calendar.local_day_bounds(day)
        lo, hi = max(start, day_start), min(end, day_end)
        if lo < hi:
            reason = calendar.closed_day_reason(day, lang)
            kind, text = reason if reason else ("closed", _EXPLAIN_TEXTS[lang]["closed"])
            steps.append(ExplanationStep(kind, lo, hi, _ZERO, text))
        day += timedelta(days=1)
    return steps


def _merge(steps: list[ExplanationStep]) -> list[ExplanationStep]:
    """Join neighbouring closed stretches that say the same thing (a whole weekend, say)."""
    out: list[ExplanationStep] = []
    for step in steps:
        prev = out[-1] if out else None
        if (
            prev is not None
            and step.kind not in ("open", "received", "deadline")
            and prev.kind == step.kind
            and prev.text == step.text
            and prev.end == step.start
        ):
            out[-1] = ExplanationStep(prev.kind, prev.start, step.end, _ZERO, prev.text)
        else:
            out.append(step)
    return out
