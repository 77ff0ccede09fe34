"""Calendar and policy editor: supervisors only, audited, applied to new deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.data.engine import Database
from app.data.models import AuditEntry
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.errors import InvalidInput, PermissionDenied
from app.services.sla_admin import AuditView, SlaAdminService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from app.services.uow import unit_of_work

PANAMA = ZoneInfo("America/Panama")
EARLY_WEEK = [[["07:00", "16:00"]]] * 5 + [[], []]


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PANAMA).astimezone(UTC)


@pytest.fixture
def env(db: Database) -> tuple[SlaAdminService, TicketService]:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    policy = PolicyCache(db)
    return SlaAdminService(db, policy), TicketService(db, policy)


def _due(tickets: TicketService, channel: Channel, priority: Priority, at: datetime) -> datetime:
    request = OpenTicketRequest(
        channel=channel, priority=priority, subject="Prueba", received_at=at
    )
    return tickets.open(request, "ana").row.deadline


def _audits(db: Database) -> list[AuditView]:
    """Settings audit entries, read straight from the table (not through the service)."""
    with unit_of_work(db) as session:
        return [
            AuditView(e.at, e.actor, e.entity, e.entity_id, e.action, e.before, e.after)
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.entity != "ticket").order_by(AuditEntry.id)
            )
        ]


def test_technician_cannot_edit(env: tuple[SlaAdminService, TicketService]) -> None:
    admin, _ = env
    with pytest.raises(PermissionDenied):
        admin.set_weekly_hours("office", EARLY_WEEK, "ana")
    with pytest.raises(PermissionDenied):
        admin.set_at_risk_fraction(0.5, "ana")
    with pytest.raises(PermissionDenied):
        admin.add_closure("office", date(2026, 10, 21), "Inventario", "ana")
    assert admin.settings().calendars[0].weekly[0] == (("08:00", "17:00"),)  # type: ignore[index]


def test_office_hours_change_is_audited_and_moves_new_deadlines(
    env: tuple[SlaAdminService, TicketService], db: Database
) -> None:
    admin, tickets = env
    received = local(2026, 10, 20, 16, 30)  # Tue 16:30, Medio = 12 h of office time
    first = _due(tickets, Channel.EMAIL, Priority.MEDIO, received)
    assert first == local(2026, 10, 22, 10, 30)  # Tue 0.5 h + Wed 9 h + Thu 2.5 h
    view = admin.set_weekly_hours("office", EARLY_WEEK, "sup")
    assert view.description == "lun–vie 07:00–16:00"
    second = _due(tickets, Channel.EMAIL, Priority.MEDIO, received)
    assert second == local(2026, 10, 22, 10)  # closed Tue 16:30; Wed 9 h + Thu 3 h
    entry = _audits(db)[-1]
    assert (entry.actor, entry.entity, entry.entity_id, entry.action) == (
        "sup",
        "calendar",
        "office",
        "set_weekly",
    )
    assert entry.before[0] == [["08:00", "17:00"]]
    assert entry.after[0] == [["07:00", "16:00"]]
    assert entry.at is not None
    with pytest.raises(InvalidInput):
        admin.set_weekly_hours("office", [[["16:00", "07:00"]]] * 5 + [[], []], "sup")
    with pytest.raises(InvalidInput):
        admin.set_weekly_hours("24x7", EARLY_WEEK, "sup")


def test_closure_day_is_skipped_by_new_deadlines(
    env: tuple[SlaAdminService, TicketService], db: Database
) -> None:
    admin, tickets = env
    received = local(2026, 10, 20, 16, 30)
    view = admin.add_closure("office", date(2026, 10, 21), "Inventario anual", "sup")
    assert [c.day for c in view.closures] == [date(2026, 10, 21)]
    assert _due(tickets, Channel.EMAIL, Priority.MEDIO, received) == local(
        2026, 10, 23, 10, 30
    )  # Tue 0.5 h, Wed closed, Thu 9 h, Fri 2.5 h
    assert _audits(db)[-1].after == {"day": "2026-10-21", "reason": "Inventario anual"}
    with pytest.raises(InvalidInput):
        admin.add_closure("office", date(2026, 10, 21), "otra vez", "sup")
    admin.remove_closure("office", date(2026, 10, 21), "sup")
    assert _due(tickets, Channel.EMAIL, Priority.MEDIO, received) == local(2026, 10, 22, 10, 30)
    assert _audits(db)[-1].action == "remove_closure"


def test_calendar_per_priority_and_channel(
    env: tuple[SlaAdminService, TicketService], db: Database
) -> None:
    admin, tickets = env
    night = local(2026, 10, 20, 20)
    assert _due(tickets, Channel.EMAIL, Priority.MUY_ALTO, night) == local(2026, 10, 21, 9)
    admin.set_assignment(Priority.MUY_ALTO, Channel.EMAIL, "24x7", "sup")
    assert admin.settings().assignments[(1, "email")] == "24x7"
    assert _due(tickets, Channel.EMAIL, Priority.MUY_ALTO, night) == night + timedelta(hours=1)
    entry = _audits(db)[-1]
    assert (entry.entity_id, entry.before, entry.after) == (
        "1/email",
        {"calendar": "office"},
        {"calendar": "24x7"},
    )


def test_at_risk_threshold_and_holidays(
    env: tuple[SlaAdminService, TicketService], db: Database
) -> None:
    admin, tickets = env
    admin.set_at_risk_fraction(0.4, "sup")
    assert tickets.policy.get().at_risk_fraction == 0.4
    assert admin.settings().at_risk_fraction == 0.4
    assert _audits(db)[-1].before == {"value": 0.25}
    with pytest.raises(InvalidInput):
        admin.set_at_risk_fraction(1.5, "sup")
    holidays = dict(admin.holidays("office", 2026))
    assert date(2026, 11, 3) in holidays and date(2026, 1, 1) in holidays
    assert admin.holidays("24x7", 2026) == []
    assert [a.action for a in admin.audit_log()] == ["set"]


def test_other_desks_use_the_new_hours_for_their_next_deadline(
    env: tuple[SlaAdminService, TicketService], db: Database
) -> None:
    """Another desk (or the long-running mail worker) has its own, warm policy cache."""
    admin, _ = env
    other_desk = TicketService(db, PolicyCache(db))
    received = local(2026, 10, 20, 16, 30)  # Tue 16:30, Medio = 12 h of office time
    assert _due(other_desk, Channel.EMAIL, Priority.MEDIO, received) == local(2026, 10, 22, 10, 30)
    admin.set_weekly_hours("office", EARLY_WEEK, "sup")  # 07:00-16:00 from now on
    # Received after the new closing time: Wed 9 h + Thu 3 h, ending Thu 10:00.
    assert _due(other_desk, Channel.EMAIL, Priority.MEDIO, received) == local(2026, 10, 22, 10, 0)
