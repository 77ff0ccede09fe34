"""Breach causes read from action logs written through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.reports.causes import BreachCause
from app.reports.period import Period
from app.services.reports import ReportService
from tests.unit.reports.conftest import Desk

WEEK = Period.from_days(date(2026, 10, 19), date(2026, 10, 23))


def test_causes_of_the_week(history: Desk) -> None:
    report = ReportService(history.db).causes(WEEK)
    causes = {b.ticket_id: b.cause for b in report.breaches}
    ids = history.ids
    assert causes == {
        ids["T2"]: BreachCause.NEVER_CLAIMED,
        ids["T4"]: BreachCause.OUTSIDE_HOURS_CRITICAL_EMAIL,
        ids["T5"]: BreachCause.REQUESTER_UNREACHABLE,
        ids["T6"]: BreachCause.NEVER_CLAIMED,
        ids["T7"]: BreachCause.NEVER_CLAIMED,
    }
    assert report.counts[BreachCause.NEVER_CLAIMED] == 3
    assert report.counts[BreachCause.CLAIMED_NO_CONTACT] == 0
    t4 = next(b for b in report.breaches if b.ticket_id == ids["T4"])
    assert t4.all_causes == (BreachCause.OUTSIDE_HOURS_CRITICAL_EMAIL, BreachCause.NEVER_CLAIMED)


def test_claimed_without_contact_and_priority_raised_late(live: Desk) -> None:
    today = datetime.now(UTC).astimezone(ZoneInfo("America/Panama")).date()
    period = Period.from_days(today - timedelta(days=1), today + timedelta(days=1))
    later = datetime.now(UTC) + timedelta(hours=1)
    report = ReportService(live.db).causes(period, now=later)
    causes = {b.ticket_id: b.cause for b in report.breaches}
    assert causes == {
        live.ids["R1"]: BreachCause.CLAIMED_NO_CONTACT,
        live.ids["R2"]: BreachCause.PRIORITY_RAISED_LATE,
    }
    r1 = next(b for b in report.breaches if b.ticket_id == live.ids["R1"])
    assert r1.assignee_name == "Beto Jaén"
    assert BreachCause.PRIORITY_RAISED_LATE.label == "Prioridad subida tarde"
