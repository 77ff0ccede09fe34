"""Clock readings as Spanish text, colour and icon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.policy import default_policy
from app.domain.sla import read_clock
from ui.clock_text import describe

OFFICE = default_policy().calendars["office"]
TARGET = timedelta(hours=1)


def text_at(now: datetime, deadline: datetime, first_contact: datetime | None = None) -> str:
    reading = read_clock(
        OFFICE, deadline=deadline, target=TARGET, now=now, first_contact_at=first_contact
    )
    return describe(reading, now=now).cell


def test_on_time_at_risk_and_breached_counting_up() -> None:
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)  # Wednesday 10:00 in Panama
    assert text_at(now, now + timedelta(minutes=50)) == "00:50:00  en tiempo"
    assert text_at(now, now + timedelta(minutes=10)) == "00:10:00  en riesgo"
    assert text_at(now, now - timedelta(minutes=12)) == "+00:12:00  vencido hace 12 min"


def test_met_and_met_late() -> None:
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    deadline = now - timedelta(minutes=5)
    assert text_at(now, deadline, deadline - timedelta(minutes=1)) == "cumplido"
    late = text_at(now, deadline, deadline + timedelta(minutes=3))
    assert late == "cumplido con atraso (3 min)"


def test_paused_outside_hours_says_when_it_resumes() -> None:
    friday_night = datetime(2026, 11, 14, 1, 0, tzinfo=UTC)  # Friday 13 Nov, 20:00 in Panama
    deadline = datetime(2026, 11, 16, 13, 30, tzinfo=UTC)  # Monday 08:30
    reading = read_clock(OFFICE, deadline=deadline, target=TARGET, now=friday_night)
    text = describe(reading, now=friday_night)
    assert text.kind == "paused"
    assert text.state == "en pausa — fuera de horario (se reanuda lun 08:00)"
    assert text.countdown == "00:30:00"
    assert text.icon == "clock-paused.svg"
