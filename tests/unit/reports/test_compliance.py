"""Compliance by priority and channel on a week built through the services (hand-computed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.reports.compliance import Dimension
from app.reports.period import Period, percentile
from app.services.reports import ReportService
from tests.unit.reports.conftest import Desk

WEEK = Period.from_days(date(2026, 10, 19), date(2026, 10, 23))


def _table(rows: tuple) -> dict:  # type: ignore[type-arg]
    return {r.key: r for r in rows}


def test_compliance_by_priority_matches_hand_count(history: Desk) -> None:
    report = ReportService(history.db).compliance(WEEK)
    rows = _table(report.by_priority)
    p1 = rows[1]
    assert (p1.tickets, p1.met, p1.met_late, p1.open_breached, p1.open_on_time) == (4, 2, 1, 1, 0)
    assert p1.compliance_pct == 50.0  # 100 × 2 ÷ (2 + 1 + 1)
    assert p1.median_minutes == 50.0  # T1 40, T3 50 (30 Fri + 20 Mon), T2 90
    assert p1.p90_minutes == 82.0  # 50 + 0.8 × (90 − 50)
    p2 = rows[2]
    assert (p2.tickets, p2.open_breached, p2.compliance_pct, p2.median_minutes) == (1, 1, 0.0, None)
    p3 = rows[3]
    assert (p3.tickets, p3.met_late, p3.compliance_pct) == (1, 1, 0.0)
    assert p3.median_minutes == 900.0  # Mon 08–17 (540) + Tue 08–14 (360)
    p4 = rows[4]
    assert (p4.tickets, p4.open_breached) == (1, 1)  # T8 lies outside the week
    assert report.total.tickets == 7


def test_compliance_by_channel_and_technician(history: Desk) -> None:
    report = ReportService(history.db).compliance(WEEK)
    channels = _table(report.by_channel)
    assert channels["critical-line"].compliance_pct == 50.0
    assert (channels["email"].met, channels["email"].open_breached) == (1, 2)
    assert channels["email"].compliance_pct == 33.3
    assert channels["phone"].met_late == 1
    assert channels["whatsapp"].open_breached == 1
    techs = {r.label: r for r in report.by_technician}
    assert techs["Ana Ríos"].tickets == 4  # first contact assigns the ticket to its author
    assert techs["(sin asignar)"].tickets == 3
    clients = {r.label: r for r in report.by_client}
    assert clients["Cliente Vigente"].tickets == 7


def test_open_ticket_still_on_time_when_now_is_before_its_deadline(history: Desk) -> None:
    before_due = datetime(2026, 10, 26, 15, 0, tzinfo=UTC)  # Mon 10:00 Panamá: T7 due 16:00
    report = ReportService(history.db).compliance(WEEK, now=before_due)
    p4 = _table(report.by_priority)[4]
    assert (p4.open_breached, p4.open_on_time, p4.compliance_pct) == (0, 1, None)


def test_distribution_and_open_age(history: Desk) -> None:
    report = ReportService(history.db).compliance(WEEK)
    assert report.ttfc_histogram[1] == (0, 0, 2, 1, 0, 0, 0, 0, 0)  # 40, 50 | 90 min
    assert report.ttfc_histogram[3] == (0, 0, 0, 0, 0, 0, 0, 1, 0)  # 900 min: 12–24 h
    assert sum(report.ttfc_histogram[2]) == 0
    # T1..T8 are all still open (first contact does not close a ticket), older than a week.
    assert report.open_age[1][-1] == 4
    assert sum(sum(v) for v in report.open_age.values()) == 8


def test_percentile_is_linear_like_percentile_cont() -> None:
    assert percentile([], 0.5) is None
    assert percentile([10.0], 0.9) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert abs(percentile([0.0, 10.0], 0.9) - 9.0) < 1e-9  # type: ignore[operator]


def test_period_is_whole_local_days() -> None:
    period = Period.from_days(date(2026, 10, 19), date(2026, 10, 19))
    assert period.start == datetime(2026, 10, 19, 5, tzinfo=UTC)
    assert period.end - period.start == timedelta(days=1)


def test_only_asked_dimensions_are_computed(history: Desk) -> None:
    report = ReportService(history.db).compliance(WEEK, dimensions=(Dimension.PRIORITY,))
    assert len(report.by_priority) == 4 and report.by_channel == ()
