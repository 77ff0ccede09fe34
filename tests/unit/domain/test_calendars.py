"""Business calendars: examples, and the fast engine against a minute-stepping reference."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.calendars import (
    BusinessCalendar,
    WeeklyHours,
    always_open_calendar,
    office_hours_calendar,
)

PANAMA = ZoneInfo("America/Panama")
MINUTE = timedelta(minutes=1)


def pa(*args: int) -> datetime:
    return datetime(*args, tzinfo=PANAMA)  # type: ignore[misc]


# -- the reference: the definition of "open", applied one minute at a time ---------------------


@lru_cache(maxsize=64)
def _holiday_dates(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year))


def ref_is_open(cal: BusinessCalendar, t: datetime) -> bool:
    local = t.astimezone(ZoneInfo(cal.timezone))
    day = local.date()
    if day in cal.closures:
        return False
    if cal.holiday_country and day in _holiday_dates(cal.holiday_country, day.year):
        return False
    if cal.weekly is None:
        return True
    secs = local.hour * 3600 + local.minute * 60 + local.second
    for start, end in cal.weekly.days[day.weekday()]:
        s = start.hour * 3600 + start.minute * 60 + start.second
        e = (end.hour * 3600 + end.minute * 60 + end.second) or 86_400
        if s <= secs < e:
            return True
    return False


def ref_deadline(cal: BusinessCalendar, start: datetime, minutes: int) -> datetime:
    t = start.astimezone(UTC)
    counted = 0
    while True:
        if ref_is_open(cal, t):
            counted += 1
            if counted == minutes:
                return t + MINUTE
        t += MINUTE


def ref_open_run(cal: BusinessCalendar, at: datetime, limit: int) -> int:
    """Open minutes from the next opening until the calendar next closes (at most ``limit``)."""
    t = ref_next_opening(cal, at)
    n = 0
    while n < limit and ref_is_open(cal, t):
        n += 1
        t += MINUTE
    return max(n, 1)


def ref_open_minutes(cal: BusinessCalendar, start: datetime, end: datetime) -> int:
    t, end = start.astimezone(UTC), end.astimezone(UTC)
    n = 0
    while t < end:
        n += ref_is_open(cal, t)
        t += MINUTE
    return n


def ref_next_opening(cal: BusinessCalendar, at: datetime) -> datetime:
    t = at.astimezone(UTC)
    while not ref_is_open(cal, t):
        t += MINUTE
    return t


# -- strategies ---------------------------------------------------------------------------------

ZONES = ("America/Panama", "America/New_York", "Europe/Madrid")

# Days worth hitting: PA holidays and puente days, year ends, and the 2026/2027 DST changes.
SPECIAL_DAYS = (
    date(2026, 12, 8),
    date(2026, 12, 18),
    date(2026, 12, 19),
    date(2026, 12, 21),
    date(2026, 12, 24),
    date(2026, 12, 31),
    date(2025, 12, 31),
    date(2026, 11, 2),
    date(2026, 11, 27),
    date(2026, 1, 8),
    date(2026, 2, 16),
    date(2026, 3, 7),
    date(2026, 3, 8),
    date(2026, 3, 28),
    date(2026, 3, 29),
    date(2026, 10, 24),
    date(2026, 10, 25),
    date(2026, 10, 31),
    date(2026, 11, 1),
    date(2027, 3, 14),
    date(2027, 3, 27),
    date(2027, 10, 30),
)


@st.composite
def weekly_hours(draw: st.DrawFn) -> WeeklyHours:
    """Random spans on a 30-minute grid, 0–3 per day, 24:00 allowed; at least one day open."""
    days = []
    for _ in range(7):
        count = draw(st.integers(0, 3))
        points = sorted(draw(st.sets(st.integers(0, 48), min_size=2 * count, max_size=2 * count)))
        spans = []
        for i in range(0, len(points), 2):
            s, e = points[i] * 30, points[i + 1] * 30
            spans.append((time(s // 60, s % 60), time(0) if e == 1440 else time(e // 60, e % 60)))
        days.append(tuple(spans))
    if not any(days):
        days[draw(st.integers(0, 6))] = ((time(9), time(12)),)
    return WeeklyHours(tuple(days))


@st.composite
def calendars(draw: st.DrawFn) -> BusinessCalendar:
    weekly = draw(st.one_of(weekly_hours(), weekly_hours(), st.just(WeeklyHours.office())))
    closures = draw(
        st.frozensets(
            st.one_of(st.sampled_from(SPECIAL_DAYS), st.dates(date(2025, 12, 1), date(2027, 2, 1))),
            max_size=6,
        )
    )
    return BusinessCalendar(
        name="random",
        weekly=weekly,
        timezone=draw(st.sampled_from(ZONES)),
        holiday_country=draw(st.sampled_from(("PA", None))),
        closures=closures,
    )


@st.composite
def instants(draw: st.DrawFn, cal: BusinessCalendar) -> datetime:
    """Minute-aligned instants: special days, span edges, or anywhere in 2025–2027."""
    zone = ZoneInfo(cal.timezone)
    day = draw(
        st.one_of(st.sampled_from(SPECIAL_DAYS), st.dates(date(2025, 1, 1), date(2027, 12, 20)))
    )
    spans = cal.weekly.days[day.weekday()] if cal.weekly else ()
    edges = [t for span in spans for t in span]
    clock = draw(
        st.one_of(
            st.sampled_from(edges) if edges else st.just(time(0)),
            st.builds(time, st.integers(0, 23), st.integers(0, 59)),
        )
    )
    local = datetime.combine(day, clock)
    # Resolve the wall time in the zone, taking either side of an ambiguous hour.
    return local.replace(tzinfo=zone, fold=draw(st.integers(0, 1))).astimezone(UTC)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- properties ---------------------------------------------------------------------------------


@FAST
@given(data=st.data())
def test_deadline_matches_minute_stepping_reference(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    start = data.draw(instants(cal))
    weekly_minutes = int(cal.weekly.weekly_open().total_seconds() // 60) if cal.weekly else 1440
    if data.draw(st.booleans()):
        minutes = data.draw(st.integers(1, max(1, min(600, weekly_minutes))))
    else:
        minutes = ref_open_run(cal, start, limit=600)  # lands exactly on a closing time
    expected = ref_deadline(cal, start, minutes)
    got = cal.add_business_time(start, timedelta(minutes=minutes))
    assert got == expected
    assert got.tzinfo is UTC
    # The deadline never lands on a later opening when it could end at a closing time.
    assert ref_is_open(cal, got - MINUTE)


@FAST
@given(data=st.data())
def test_business_time_between_matches_reference(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    a = data.draw(instants(cal))
    b = a + timedelta(minutes=data.draw(st.integers(0, 4 * 1440)))
    expected = ref_open_minutes(cal, a, b) * 60
    assert cal.business_seconds_between(a, b) == expected
    assert cal.business_seconds_between(b, a) == -expected
    assert cal.business_time_between(a, b) == timedelta(seconds=expected)


@FAST
@given(data=st.data())
def test_is_open_and_next_opening_match_reference(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    at = data.draw(instants(cal)) + timedelta(seconds=data.draw(st.sampled_from((0, 0, 1, 59))))
    assert cal.is_open(at) == ref_is_open(cal, at)
    at = at.replace(second=0)
    nxt = cal.next_opening(at)
    assert nxt == ref_next_opening(cal, at)
    if cal.is_open(at):
        assert nxt is at


@FAST
@given(data=st.data())
def test_deadline_round_trips_through_business_time(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    start = data.draw(instants(cal)) + timedelta(microseconds=data.draw(st.integers(0, 10**8)))
    amount = timedelta(seconds=data.draw(st.integers(1, 200 * 3600)))
    deadline = cal.add_business_time(start, amount)
    assert cal.business_time_between(start, deadline) == amount
    assert cal.business_time_between(start, deadline - timedelta(microseconds=1)) < amount


# -- examples -----------------------------------------------------------------------------------


def test_friday_evening_mail_starts_counting_monday() -> None:
    office = office_hours_calendar(weekly=WeeklyHours.office())
    friday = pa(2026, 12, 4, 20, 0)
    assert office.add_business_time(friday, timedelta(hours=1)) == pa(2026, 12, 7, 9, 0)
    assert office.next_opening(friday) == pa(2026, 12, 7, 8, 0)


def test_deadline_exactly_at_closing_stays_at_closing() -> None:
    office = office_hours_calendar()
    assert office.add_business_time(pa(2026, 12, 7, 16, 0), timedelta(hours=1)) == pa(
        2026, 12, 7, 17, 0
    )
    assert office.add_business_time(pa(2026, 12, 7, 8, 0), timedelta(hours=9)) == pa(
        2026, 12, 7, 17, 0
    )


def test_start_at_closing_time_counts_from_next_opening() -> None:
    office = office_hours_calendar()
    assert not office.is_open(pa(2026, 12, 7, 17, 0))
    assert office.is_open(pa(2026, 12, 7, 8, 0))
    assert office.add_business_time(pa(2026, 12, 7, 17, 0), timedelta(minutes=1)) == pa(
        2026, 12, 9, 8, 1
    )


def test_panama_holidays_and_puente_are_skipped() -> None:
    office = office_hours_calendar()
    # Monday 7 Dec 16:00, 3 h: 1 h Monday, Tuesday 8 Dec is Mother's Day, 2 h Wednesday.
    assert office.add_business_time(pa(2026, 12, 7, 16, 0), timedelta(hours=3)) == pa(
        2026, 12, 9, 10, 0
    )
    # Friday 18 Dec 16:00, 3 h: Monday 21 Dec is the puente for Sunday's day of mourning.
    assert office.add_business_time(pa(2026, 12, 18, 16, 0), timedelta(hours=3)) == pa(
        2026, 12, 22, 10, 0
    )
    assert office.holiday_name(date(2026, 12, 8)) == "Día de la Madre"
    assert "puente" in (office.holiday_name(date(2026, 12, 21)) or "")
    assert office.holiday_name(date(2026, 12, 9)) is None
    assert not office.is_open(pa(2026, 12, 21, 10, 0))


def test_twenty_four_hours_on_office_hours_span_days() -> None:
    office = office_hours_calendar()
    # Thursday 10:00 + 24 h: 7 h Thu, 9 h Fri, 8 h Mon → Monday 16:00.
    assert office.add_business_time(pa(2026, 6, 4, 10, 0), timedelta(hours=24)) == pa(
        2026, 6, 8, 16, 0
    )


def test_always_open_is_plain_addition_in_absolute_time() -> None:
    always = always_open_calendar()
    assert always.is_always_open
    ny = ZoneInfo("America/New_York")
    # Across the spring-forward gap: 1 h of real time, not of wall-clock time.
    start = datetime(2026, 3, 8, 1, 30, tzinfo=ny)
    assert always.add_business_time(start, timedelta(hours=1)) == start.astimezone(UTC) + timedelta(
        hours=1
    )
    assert always.add_business_time(start, timedelta(hours=1)).astimezone(ny).hour == 3
    assert always.business_time_between(start, datetime(2026, 3, 8, 3, 30, tzinfo=ny)) == (
        timedelta(hours=1)
    )
    assert always.next_opening(start) is start


def test_closures_and_multiple_spans() -> None:
    weekly = WeeklyHours(
        tuple(((time(8), time(12)), (time(13), time(17))) if d < 5 else () for d in range(7))
    )
    cal = BusinessCalendar(
        name="lunch",
        weekly=weekly,
        closures=frozenset({date(2026, 6, 5)}),
        closure_reasons={date(2026, 6, 4): "Inventario"},
    )
    assert cal.add_business_time(pa(2026, 6, 3, 11, 0), timedelta(hours=2)) == pa(2026, 6, 3, 14, 0)
    # Thursday and Friday closed → Monday.
    assert cal.add_business_time(pa(2026, 6, 3, 16, 0), timedelta(hours=2)) == pa(2026, 6, 8, 9, 0)
    assert cal.closed_day_reason(date(2026, 6, 4)) == ("closure", "Cierre: Inventario")
    assert cal.closed_day_reason(date(2026, 6, 5)) == ("closure", "Día de cierre")
    assert cal.closed_day_reason(date(2026, 6, 6)) == ("weekend", "Fin de semana")
    assert cal.closed_day_reason(date(2026, 6, 8)) is None


def test_naive_datetimes_are_rejected() -> None:
    office = office_hours_calendar()
    naive = datetime(2026, 12, 7, 10, 0)
    with pytest.raises(ValueError, match="aware"):
        office.add_business_time(naive, timedelta(hours=1))
    with pytest.raises(ValueError, match="aware"):
        office.is_open(naive)
    with pytest.raises(ValueError, match="aware"):
        office.business_seconds_between(naive, pa(2026, 12, 7, 10, 0))
    with pytest.raises(ValueError, match="aware"):
        always_open_calendar().add_business_time(naive, timedelta(hours=1))


def test_calendar_without_hours_never_opens() -> None:
    closed = BusinessCalendar(name="closed", weekly=WeeklyHours(((),) * 7))
    assert closed.next_opening(pa(2026, 1, 1)) is None
    with pytest.raises(ValueError):
        closed.add_business_time(pa(2026, 1, 1), timedelta(hours=1))


def test_long_targets_cross_years() -> None:
    office = office_hours_calendar()
    start = pa(2026, 12, 30, 10, 0)
    deadline = office.add_business_time(start, timedelta(hours=2000))
    assert office.business_time_between(start, deadline) == timedelta(hours=2000)
    assert deadline.year == 2027
    # Asking about an earlier year afterwards grows the table backwards consistently.
    early = pa(2024, 2, 1, 9, 0)
    assert office.add_business_time(early, timedelta(hours=1)) == pa(2024, 2, 1, 10, 0)
    assert office.business_time_between(start, deadline) == timedelta(hours=2000)


def test_weekly_hours_json_round_trip_and_validation() -> None:
    weekly = WeeklyHours.office()
    assert weekly.to_json() == [[["08:00", "17:00"]]] * 5 + [[], []]
    assert WeeklyHours.from_json(weekly.to_json()) == weekly
    late = WeeklyHours.from_json([[["18:00", "24:00"]]] * 7)
    assert late.days[0] == ((time(18), time(0)),)
    assert late.to_json()[0] == [["18:00", "24:00"]]
    assert weekly.describe() == "lun–vie 08:00–17:00"
    with pytest.raises(ValueError):
        WeeklyHours.from_json([[["17:00", "08:00"]]] * 7)
    with pytest.raises(ValueError):
        WeeklyHours.from_json([[["08:00", "12:00"], ["11:00", "13:00"]]] + [[]] * 6)
    with pytest.raises(ValueError):
        WeeklyHours(((),) * 6)


def test_calendar_json_round_trip() -> None:
    cal = office_hours_calendar(
        closures=frozenset({date(2026, 12, 24)}), closure_reasons={date(2026, 12, 31): "Cierre"}
    )
    again = BusinessCalendar.from_json(cal.to_json())
    assert again == cal
    assert again.closures == {date(2026, 12, 24), date(2026, 12, 31)}
    assert hash(again) == hash(cal)


def test_unknown_timezone_is_rejected() -> None:
    with pytest.raises(ValueError, match="zona horaria"):
        BusinessCalendar(name="x", weekly=None, timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="feriados"):
        BusinessCalendar(name="x", weekly=None, holiday_country="XX")


def test_concurrent_first_use_is_consistent() -> None:
    office = office_hours_calendar()
    starts = [pa(2020 + i % 8, 1 + i % 12, 1 + i % 28, 9, 0) for i in range(400)]
    reference = office_hours_calendar()
    expected = [reference.add_business_time(s, timedelta(hours=12)) for s in starts]
    results: dict[int, list[datetime]] = {}

    def work(k: int) -> None:
        order = starts if k % 2 else starts[::-1]
        got = [office.add_business_time(s, timedelta(hours=12)) for s in order]
        results[k] = got if k % 2 else got[::-1]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())
