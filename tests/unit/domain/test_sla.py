"""SLA clocks: deadlines, states, pauses and explanations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.calendars import BusinessCalendar, always_open_calendar, office_hours_calendar
from app.domain.sla import ClockState, compute_deadline, explain_deadline, read_clock

PANAMA = ZoneInfo("America/Panama")
HOUR = timedelta(hours=1)


def pa(*args: int) -> datetime:
    return datetime(*args, tzinfo=PANAMA)  # type: ignore[misc]


OFFICE = office_hours_calendar()
ALWAYS = always_open_calendar()


def test_compute_deadline_uses_the_calendar() -> None:
    assert compute_deadline(OFFICE, pa(2026, 12, 4, 20, 0), HOUR) == pa(2026, 12, 7, 9, 0)
    assert compute_deadline(ALWAYS, pa(2026, 12, 4, 20, 0), HOUR) == pa(2026, 12, 4, 21, 0)
    assert compute_deadline(OFFICE, pa(2026, 12, 7, 16, 0), HOUR) == pa(2026, 12, 7, 17, 0)


def test_critical_line_runs_through_holidays_and_nights() -> None:
    received = pa(2026, 12, 7, 23, 30)  # the night before Mother's Day
    assert compute_deadline(ALWAYS, received, 3 * HOUR) == pa(2026, 12, 8, 2, 30)


def test_state_labels() -> None:
    assert [s.label for s in ClockState] == [
        "en tiempo",
        "en riesgo",
        "vencido",
        "cumplido",
        "cumplido con atraso",
    ]
    assert ClockState.MET_LATE.label_en == "met late"
    assert ClockState.MET.is_final and not ClockState.BREACHED.is_final


def test_on_time_and_at_risk() -> None:
    deadline = compute_deadline(OFFICE, pa(2026, 6, 1, 8, 0), 12 * HOUR)  # Tue 11:00
    assert deadline == pa(2026, 6, 2, 11, 0)
    on_time = read_clock(OFFICE, deadline=deadline, target=12 * HOUR, now=pa(2026, 6, 1, 10, 0))
    assert on_time.state is ClockState.ON_TIME
    assert on_time.remaining == 10 * HOUR
    assert on_time.fraction_left == pytest.approx(10 / 12)
    assert on_time.paused_until is None and on_time.overdue == timedelta(0)
    # 3 h left of 12 h is exactly 25 %: at risk.
    at_risk = read_clock(OFFICE, deadline=deadline, target=12 * HOUR, now=pa(2026, 6, 2, 8, 0))
    assert at_risk.state is ClockState.AT_RISK
    assert at_risk.remaining == 3 * HOUR
    just_before = read_clock(
        OFFICE, deadline=deadline, target=12 * HOUR, now=pa(2026, 6, 1, 16, 59, 59)
    )
    assert just_before.state is ClockState.ON_TIME
    custom = read_clock(
        OFFICE,
        deadline=deadline,
        target=12 * HOUR,
        now=pa(2026, 6, 1, 10, 0),
        at_risk_fraction=0.9,
    )
    assert custom.state is ClockState.AT_RISK


def test_paused_outside_hours_shows_when_it_resumes() -> None:
    deadline = pa(2026, 12, 7, 9, 0)
    reading = read_clock(OFFICE, deadline=deadline, target=HOUR, now=pa(2026, 12, 5, 11, 0))
    assert reading.state is ClockState.ON_TIME
    assert reading.remaining == HOUR
    assert reading.fraction_left == 1.0
    assert reading.is_paused
    assert reading.paused_until == pa(2026, 12, 7, 8, 0)
    ticking = read_clock(OFFICE, deadline=deadline, target=HOUR, now=pa(2026, 12, 7, 8, 30))
    assert ticking.paused_until is None
    assert ticking.remaining == timedelta(minutes=30)


def test_breached_counts_up_in_wall_clock_time() -> None:
    deadline = pa(2026, 12, 4, 16, 0)
    at_deadline = read_clock(OFFICE, deadline=deadline, target=HOUR, now=deadline)
    assert at_deadline.state is ClockState.BREACHED
    assert at_deadline.overdue == timedelta(0)
    later = read_clock(OFFICE, deadline=deadline, target=HOUR, now=pa(2026, 12, 5, 10, 0))
    assert later.state is ClockState.BREACHED
    assert later.overdue == 18 * HOUR
    assert later.remaining == timedelta(0) and later.paused_until is None


def test_met_and_met_late() -> None:
    deadline = pa(2026, 12, 4, 16, 0)
    met = read_clock(
        OFFICE, deadline=deadline, target=HOUR, now=pa(2026, 12, 9), first_contact_at=deadline
    )
    assert met.state is ClockState.MET
    assert met.overdue == timedelta(0) and met.remaining == timedelta(0)
    late = read_clock(
        OFFICE,
        deadline=deadline,
        target=HOUR,
        now=pa(2026, 12, 9),
        first_contact_at=pa(2026, 12, 4, 16, 12),
    )
    assert late.state is ClockState.MET_LATE
    assert late.overdue == timedelta(minutes=12)


def test_read_clock_rejects_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        read_clock(OFFICE, deadline=pa(2026, 1, 5, 9), target=HOUR, now=datetime(2026, 1, 5, 8))


def test_explanation_mentions_holiday_and_weekend() -> None:
    received = pa(2026, 12, 4, 20, 0)
    explanation = explain_deadline(OFFICE, received, 12 * HOUR)
    assert explanation.deadline == compute_deadline(OFFICE, received, 12 * HOUR)
    assert explanation.deadline == pa(2026, 12, 9, 11, 0)
    kinds = [step.kind for step in explanation.steps]
    assert kinds[0] == "received" and kinds[-1] == "deadline"
    assert "holiday" in kinds and "weekend" in kinds
    assert explanation.counted == 12 * HOUR
    lines = explanation.lines()
    text = "\n".join(lines)
    assert "Feriado: Día de la Madre" in text
    assert "Fin de semana" in text
    assert "sáb 5 dic → dom 6 dic · Fin de semana" in lines
    assert "lun 7 dic · Horario de oficina: 08:00–17:00 (cuenta 9 h)" in lines
    assert lines[0] == "vie 4 dic 2026, 20:00 · Recibido — objetivo 12 h en Horario de oficina"
    assert lines[-1] == "mié 9 dic 2026, 11:00 · Vence el primer contacto"


def test_explanation_names_the_puente_and_closures() -> None:
    cal = office_hours_calendar(closure_reasons={date(2026, 12, 22): "Inventario anual"})
    explanation = explain_deadline(cal, pa(2026, 12, 18, 16, 0), 3 * HOUR)
    texts = [step.text for step in explanation.steps]
    assert "Feriado: Día de Duelo Nacional (puente)" in texts
    assert "Cierre: Inventario anual" in texts
    assert explanation.deadline == pa(2026, 12, 23, 10, 0)


def test_explanation_on_always_open_calendar() -> None:
    explanation = explain_deadline(ALWAYS, pa(2026, 12, 7, 23, 0), 24 * HOUR)
    assert [s.kind for s in explanation.steps] == ["received", "open", "deadline"]
    assert explanation.steps[1].counted == 24 * HOUR
    assert "objetivo 24 h en 24×7" in explanation.lines()[0]


@st.composite
def cases(draw: st.DrawFn) -> tuple[BusinessCalendar, datetime, timedelta]:
    cal = draw(st.sampled_from([OFFICE, ALWAYS, office_hours_calendar(timezone="Europe/Madrid")]))
    start = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(
        minutes=draw(st.integers(0, 3 * 365 * 1440))
    )
    target = timedelta(hours=draw(st.sampled_from([1, 3, 12, 24])))
    return cal, start, target


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_explanation_agrees_with_deadline(
    case: tuple[BusinessCalendar, datetime, timedelta],
) -> None:
    cal, start, target = case
    explanation = explain_deadline(cal, start, target)
    assert explanation.deadline == compute_deadline(cal, start, target)
    assert explanation.counted == target
    steps = explanation.steps
    # The stretches tile [received, deadline] without gaps or overlaps.
    for prev, step in pairwise(steps[1:-1]):
        assert prev.end == step.start
    assert all(s.counted == timedelta(0) for s in steps if s.kind != "open")
    assert explanation.lines()


def test_explanation_in_english() -> None:
    """The console in English: steps, holiday names and dates in English; the calendar's own
    name stays as the supervisor configured it."""
    cal = office_hours_calendar(closure_reasons={date(2026, 12, 22): "Inventario anual"})
    lines = explain_deadline(cal, pa(2026, 12, 18, 16, 0), 3 * HOUR, lang="en").lines()
    assert lines[0] == "Fri 18 Dec 2026, 16:00 · Received — target 3 h on Horario de oficina"
    assert "Fri 18 Dec · Horario de oficina: 16:00–17:00 (counts 1 h)" in lines
    assert "Fri 18 Dec 17:00–24:00 · Outside office hours" in lines
    assert "Sat 19 Dec · Weekend" in lines
    assert "Mon 21 Dec · Public holiday: National Mourning Day (observed)" in lines
    assert "Tue 22 Dec · Closed: Inventario anual" in lines
    assert lines[-1] == "Wed 23 Dec 2026, 10:00 · First contact due"
    spanish = explain_deadline(cal, pa(2026, 12, 18, 16, 0), 3 * HOUR, lang="es")
    assert spanish.deadline == pa(2026, 12, 23, 10, 0)
    assert [s.kind for s in spanish.steps] == [
        s.kind for s in explain_deadline(cal, pa(2026, 12, 18, 16, 0), 3 * HOUR, "en").steps
    ]


def test_explanation_follows_the_console_language() -> None:
    from app.domain.formatting import display_language, set_display_language

    before = display_language()
    set_display_language("en")
    try:
        text = "\n".join(explain_deadline(OFFICE, pa(2026, 12, 4, 20, 0), 12 * HOUR).lines())
        assert "Public holiday: Mother's Day" in text and "Feriado" not in text
        assert OFFICE.closed_day_reason(date(2026, 12, 5)) == ("weekend", "Weekend")
        assert OFFICE.holiday_name(date(2026, 12, 8)) == "Mother's Day"
    finally:
        set_display_language(before)
    assert OFFICE.holiday_name(date(2026, 12, 8)) == "Día de la Madre"
