"""SLA policy: which business calendar each priority × channel combination runs on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from app.domain.calendars import BusinessCalendar, always_open_calendar, office_hours_calendar
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.sla import ClockReading, read_clock

__all__ = ["SlaPolicy", "default_policy"]


@dataclass(frozen=True)
class SlaPolicy:
    """Calendars by name and the calendar name for each (priority, channel).

    ``default_calendar`` names the calendar for pairs missing from ``assignments``; without it a
    missing pair raises ``KeyError``.
    """

    calendars: Mapping[str, BusinessCalendar]
    assignments: Mapping[tuple[Priority, Channel], str]
    at_risk_fraction: float = 0.25
    default_calendar: str | None = None
    _by_pair: Mapping[tuple[Priority, Channel], BusinessCalendar] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        calendars = MappingProxyType(dict(self.calendars))
        assignments = MappingProxyType(
            {(Priority(p), Channel(c)): name for (p, c), name in self.assignments.items()}
        )
        if not 0.0 <= self.at_risk_fraction <= 1.0:
            raise ValueError("la fracción de riesgo debe estar entre 0 y 1")
        for key, cal in calendars.items():
            if key != cal.name:
                raise ValueError(f"el calendario {cal.name!r} está registrado como {key!r}")
        names = set(assignments.values())
        if self.default_calendar is not None:
            names.add(self.default_calendar)
        missing = sorted(names - set(calendars))
        if missing:
            raise ValueError(f"calendarios no definidos: {', '.join(missing)}")
        object.__setattr__(self, "calendars", calendars)
        object.__setattr__(self, "assignments", assignments)
        by_pair = {}
        for priority in Priority:
            for channel in Channel:
                name = assignments.get((priority, channel), self.default_calendar)
                if name is not None:
                    by_pair[(priority, channel)] = calendars[name]
        object.__setattr__(self, "_by_pair", MappingProxyType(by_pair))

    def calendar_for(self, priority: Priority, channel: Channel) -> BusinessCalendar:
        try:
            return self._by_pair[(priority, channel)]
        except KeyError:
            raise KeyError(
                f"sin calendario asignado para prioridad {Priority(priority).label} "
                f"y canal {Channel(channel).label}"
            ) from None

    def target_for(self, priority: Priority) -> timedelta:
        return Priority(priority).target

    def deadline_for(
        self,
        priority: Priority,
        channel: Channel,
        received_at: datetime,
        target: timedelta | None = None,
    ) -> datetime:
        """First-contact deadline (UTC); ``target`` defaults to the priority's protocol target."""
        amount = Priority(priority).target if target is None else target
        return self.calendar_for(priority, channel).add_business_time(received_at, amount)

    def read(
        self,
        priority: Priority,
        channel: Channel,
        *,
        deadline: datetime,
        now: datetime,
        first_contact_at: datetime | None = None,
    ) -> ClockReading:
        """Clock of a ticket with this priority and channel, at the policy's risk fraction."""
        return read_clock(
            self.calendar_for(priority, channel),
            deadline=deadline,
            target=Priority(priority).target,
            now=now,
            first_contact_at=first_contact_at,
            at_risk_fraction=self.at_risk_fraction,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "calendars": [cal.to_json() for cal in self.calendars.values()],
            "assignments": [
                {"priority": int(p), "channel": str(c), "calendar": name}
                for (p, c), name in sorted(self.assignments.items())
            ],
            "at_risk_fraction": self.at_risk_fraction,
            "default_calendar": self.default_calendar,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SlaPolicy:
        calendars = [BusinessCalendar.from_json(c) for c in data["calendars"]]
        return cls(
            calendars={c.name: c for c in calendars},
            assignments={
                (Priority(int(a["priority"])), Channel(a["channel"])): a["calendar"]
                for a in data["assignments"]
            },
            at_risk_fraction=float(data.get("at_risk_fraction", 0.25)),
            default_calendar=data.get("default_calendar"),
        )


def default_policy() -> SlaPolicy:
    """Critical line with Muy alto or Alto runs 24×7; everything else runs on office hours."""
    office = office_hours_calendar()
    always = always_open_calendar()
    assignments = {
        (priority, channel): (
            always.name
            if channel is Channel.CRITICAL_LINE and priority in (Priority.MUY_ALTO, Priority.ALTO)
            else office.name
        )
        for priority in Priority
        for channel in Channel
    }
    return SlaPolicy(calendars={office.name: office, always.name: always}, assignments=assignments)
