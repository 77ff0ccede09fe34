"""Calendar and SLA policy editor: office hours, closures, calendar per priority × channel,
at-risk threshold. Supervisors and administrators only; every change is audited and applies to
deadlines computed afterwards (tickets already open keep theirs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.data.engine import Database
from app.data.models import AppSetting, CalendarClosure, CalendarSetting, SlaAssignment
from app.domain.calendars import WeeklyHours
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.audit import AuditView, trail
from app.services.audit import record as _audit
from app.services.directory_lookup import technician_by_login
from app.services.errors import InvalidInput, NotFound, PermissionDenied
from app.services.sla_settings import PolicyCache, bump_policy_version, calendar_from_row
from app.services.uow import unit_of_work

EDITOR_ROLES = ("supervisor", "admin")


@dataclass(frozen=True, slots=True)
class ClosureView:
    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class CalendarView:
    name: str
    label: str
    timezone: str
    weekly: tuple[tuple[tuple[str, str], ...], ...] | None  # None: open around the clock
    holiday_country: str | None
    closures: tuple[ClosureView, ...]

    @property
    def description(self) -> str:
        if self.weekly is None:
            return "24×7"
        return WeeklyHours.from_json(self.weekly).describe()


@dataclass(frozen=True)
class SlaSettingsView:
    calendars: tuple[CalendarView, ...]
    assignments: dict[tuple[int, str], str]  # (priority, channel) → calendar name
    at_risk_fraction: float


def _calendar_view(row: CalendarSetting) -> CalendarView:
    weekly = None
    if row.weekly is not None:
        weekly = tuple(tuple((str(a), str(b)) for a, b in day) for day in row.weekly)
    return CalendarView(
        name=row.name,
        label=row.label,
        timezone=row.timezone,
        weekly=weekly,
        holiday_country=row.holiday_country,
        closures=tuple(ClosureView(c.day, c.reason) for c in row.closures),
    )


class SlaAdminService:
    """Each write checks the role, audits before/after and reloads the policy."""

    def __init__(self, db: Database, policy: PolicyCache) -> None:
        self.db = db
        self.policy = policy

    # ------------------------------------------------------------------ reading
    def settings(self) -> SlaSettingsView:
        with unit_of_work(self.db) as session:
            rows = session.scalars(
                select(CalendarSetting)
                .options(selectinload(CalendarSetting.closures))
                .order_by(CalendarSetting.id)
            ).all()
            by_id = {r.id: r.name for r in rows}
            assignments = {
                (a.priority, a.channel): by_id[a.calendar_id]
                for a in session.scalars(select(SlaAssignment))
            }
            setting = session.get(AppSetting, "at_risk_fraction")
            fraction = float(setting.value) if setting is not None else 0.25
            return SlaSettingsView(tuple(_calendar_view(r) for r in rows), assignments, fraction)

    def holidays(self, calendar_name: str, year: int) -> list[tuple[date, str]]:
        """Public holidays of the calendar's country in ``year`` (observed days included)."""
        calendar = self.policy.get().calendars.get(calendar_name)
        if calendar is None:
            raise NotFound("No existe el calendario «{name}».", params={"name": calendar_name})
        out = []
        day = date(year, 1, 1)
        while day.year == year:
            name = calendar.holiday_name(day)
            if name is not None:
                out.append((day, name))
            day += timedelta(days=1)
        return out

    def audit_log(self, limit: int = 200) -> list[AuditView]:
        with unit_of_work(self.db) as session:
            return trail(
                session,
                entities=["calendar", "sla_assignment", "app_setting"],
                limit=limit,
                newest_first=True,
            )

    # ------------------------------------------------------------------ writing
    def set_weekly_hours(
        self, calendar_name: str, weekly: list[list[list[str]]], actor: str
    ) -> CalendarView:
        """Replace the office hours (per weekday, Monday first, ``[["08:00","17:00"], …]``)."""
        try:
            normalised = WeeklyHours.from_json(weekly).to_json()
        except (ValueError, TypeError) as error:
            raise InvalidInput(
                "Horario no válido: {error}", params={"error": str(error)}
            ) from error
        with unit_of_work(self.db) as session:
            login = self._require_editor(session, actor)
            row = self._calendar(session, calendar_name)
            if row.weekly is None:
                raise InvalidInput(
                    "El calendario «{calendar}» está abierto 24×7; no tiene horario que editar.",
                    params={"calendar": row.label},
                )
            before = row.weekly
            if before == normalised:
                raise InvalidInput("El horario no cambió.")
            row.weekly = normalised
            self._validate(row)
            _audit(session, login, "calendar", row.name, "set_weekly", before, normalised)
            bump_policy_version(session)
            session.commit()
            view = _calendar_view(row)
        self.policy.invalidate()
        return view

    def add_closure(self, calendar_name: str, day: date, reason: str, actor: str) -> CalendarView:
        with unit_of_work(self.db) as session:
            login = self._require_editor(session, actor)
            row = self._calendar(session, calendar_name)
            if any(c.day == day for c in row.closures):
                raise InvalidInput(
                    "El {day} ya es día de cierre.", params={"day": f"{day:%d/%m/%Y}"}
                )
            row.closures.append(CalendarClosure(day=day, reason=reason.strip()[:200]))
            _audit(
                session,
                login,
                "calendar",
                row.name,
                "add_closure",
                None,
                {"day": day.isoformat(), "reason": reason.strip()},
            )
            bump_policy_version(session)
            session.commit()
            view = _calendar_view(row)
        self.policy.invalidate()
        return view

    def remove_closure(self, calendar_name: str, day: date, actor: str) -> CalendarView:
        with unit_of_work(self.db) as session:
            login = self._require_editor(session, actor)
            row = self._calendar(session, calendar_name)
            found = next((c for c in row.closures if c.day == day), None)
            if found is None:
                raise NotFound("El {day} no es día de cierre.", params={"day": f"{day:%d/%m/%Y}"})
            before = {"day": day.isoformat(), "reason": found.reason}
            row.closures.remove(found)
            _audit(session, login, "calendar", row.name, "remove_closure", before, None)
            bump_policy_version(session)
            session.commit()
            view = _calendar_view(row)
        self.policy.invalidate()
        return view

    def set_assignment(
        self, priority: Priority, channel: Channel, calendar_name: str, actor: str
    ) -> None:
        with unit_of_work(self.db) as session:
            login = self._require_editor(session, actor)
            target = self._calendar(session, calendar_name)
            row = session.get(SlaAssignment, (int(priority), channel.value))
            by_id = {c.id: c.name for c in session.scalars(select(CalendarSetting))}
            before = by_id.get(row.calendar_id) if row is not None else None
            if before == target.name:
                raise InvalidInput("Esa combinación ya usa ese calendario.")
            if row is None:
                session.add(
                    SlaAssignment(
                        priority=int(priority), channel=channel.value, calendar_id=target.id
                    )
                )
            else:
                row.calendar_id = target.id
            _audit(
                session,
                login,
                "sla_assignment",
                f"{int(priority)}/{channel.value}",
                "set_calendar",
                {"calendar": before},
                {"calendar": target.name},
            )
            bump_policy_version(session)
            session.commit()
        self.policy.invalidate()

    def set_at_risk_fraction(self, fraction: float, actor: str) -> None:
        if not 0.0 < fraction < 1.0:
            raise InvalidInput("El umbral de riesgo debe estar entre 1 % y 99 % del objetivo.")
        with unit_of_work(self.db) as session:
            login = self._require_editor(session, actor)
            row = session.get(AppSetting, "at_risk_fraction")
            before = None if row is None else row.value
            if before is not None and abs(float(before) - fraction) < 1e-9:
                raise InvalidInput("El umbral de riesgo no cambió.")
            if row is None:
                session.add(AppSetting(key="at_risk_fraction", value=fraction))
            else:
                row.value = fraction
            _audit(
                session,
                login,
                "app_setting",
                "at_risk_fraction",
                "set",
                {"value": before},
                {"value": fraction},
            )
            bump_policy_version(session)
            session.commit()
        self.policy.invalidate()

    # ------------------------------------------------------------------ helpers
    def _require_editor(self, session: Session, actor: str) -> str:
        tech = technician_by_login(session, actor)
        if tech.role not in EDITOR_ROLES or not tech.active:
            raise PermissionDenied(
                "Solo un supervisor o un administrador puede cambiar calendarios y políticas."
            )
        return tech.login

    def _calendar(self, session: Session, name: str) -> CalendarSetting:
        row = session.scalar(
            select(CalendarSetting)
            .where(CalendarSetting.name == name)
            .options(selectinload(CalendarSetting.closures))
        )
        if row is None:
            raise NotFound("No existe el calendario «{name}».", params={"name": name})
        return row

    def _validate(self, row: CalendarSetting) -> None:
        try:
            calendar = calendar_from_row(row)
        except ValueError as error:
            raise InvalidInput(
                "Calendario no válido: {error}", params={"error": str(error)}
            ) from error
        if calendar.weekly is not None and calendar.weekly.is_empty:
            raise InvalidInput("El horario de oficina necesita al menos un tramo en la semana.")
