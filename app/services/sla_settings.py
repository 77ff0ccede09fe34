"""Read the SLA calendars and the priority × channel policy stored in the database."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.data.engine import Database
from app.data.models import AppSetting, CalendarSetting, SlaAssignment
from app.domain.calendars import BusinessCalendar, WeeklyHours
from app.domain.channels import Channel
from app.domain.policy import SlaPolicy, default_policy
from app.domain.priorities import Priority
from app.services.uow import unit_of_work


def calendar_from_row(row: CalendarSetting) -> BusinessCalendar:
    return BusinessCalendar(
        name=row.name,
        timezone=row.timezone,
        weekly=None if row.weekly is None else WeeklyHours.from_json(row.weekly),
        holiday_country=row.holiday_country,
        closures=frozenset(c.day for c in row.closures),
        label=row.label,
    )


def load_policy(session: Session) -> SlaPolicy:
    rows = session.scalars(
        select(CalendarSetting).options(selectinload(CalendarSetting.closures))
    ).all()
    if not rows:
        return default_policy()
    calendars = {row.name: calendar_from_row(row) for row in rows}
    by_id = {row.id: row.name for row in rows}
    assignments = {
        (Priority(a.priority), Channel(a.channel)): by_id[a.calendar_id]
        for a in session.scalars(select(SlaAssignment))
    }
    fallback = default_policy()
    for key, name in fallback.assignments.items():
        assignments.setdefault(key, name if name in calendars else next(iter(calendars)))
    setting = session.get(AppSetting, "at_risk_fraction")
    fraction = float(setting.value) if setting is not None else fallback.at_risk_fraction
    return SlaPolicy(calendars=calendars, assignments=assignments, at_risk_fraction=fraction)


POLICY_VERSION_KEY = "policy_version"


def policy_version(session: Session) -> Any:
    """The stamp every SLA settings change bumps (see bump_policy_version)."""
    return session.scalar(select(AppSetting.value).where(AppSetting.key == POLICY_VERSION_KEY))


def bump_policy_version(session: Session) -> None:
    """Mark the SLA settings as changed, in the caller's transaction, for every desk to see."""
    row = session.get(AppSetting, POLICY_VERSION_KEY)
    if row is None:
        session.add(AppSetting(key=POLICY_VERSION_KEY, value=1))
    else:
        row.value = int(row.value or 0) + 1


class PolicyCache:
    """The policy for one database.

    ``get()`` serves the cached policy (display, countdowns). ``current(session)`` is what deadline
    computations use: one cheap read of the settings stamp in the caller's transaction, and a
    reload when another desk or a supervisor changed the settings since.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._policy: SlaPolicy | None = None
        self._version: Any = None

    def get(self) -> SlaPolicy:
        with self._lock:
            if self._policy is None:
                with unit_of_work(self._db) as session:
                    self._load(session)
            assert self._policy is not None
            return self._policy

    def current(self, session: Session) -> SlaPolicy:
        version = policy_version(session)
        with self._lock:
            if self._policy is None or version != self._version:
                self._load(session, version)
            assert self._policy is not None
            return self._policy

    def fresh(self) -> SlaPolicy:
        """The policy, reloaded first when the settings stamp moved since it was loaded."""
        with unit_of_work(self._db) as session:
            return self.current(session)

    def invalidate(self) -> None:
        with self._lock:
            self._policy = None

    def _load(self, session: Session, version: Any = None) -> None:
        self._version = policy_version(session) if version is None else version
        self._policy = load_policy(session)

    def calendar(self, name: str) -> BusinessCalendar:
        policy = self.get()
        return policy.calendars.get(name) or default_policy().calendars["office"]
