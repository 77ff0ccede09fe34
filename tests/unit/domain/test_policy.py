"""SLA policy: calendar per priority × channel."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.calendars import always_open_calendar, office_hours_calendar
from app.domain.channels import Channel
from app.domain.policy import SlaPolicy, default_policy
from app.domain.priorities import Priority
from app.domain.sla import ClockState

PANAMA = ZoneInfo("America/Panama")


def test_default_assignments() -> None:
    policy = default_policy()
    for priority in Priority:
        for channel in Channel:
            expected = (
                "24x7"
                if channel is Channel.CRITICAL_LINE
                and priority in (Priority.MUY_ALTO, Priority.ALTO)
                else "office"
            )
            assert policy.calendar_for(priority, channel).name == expected


def test_deadline_for_friday_evening() -> None:
    policy = default_policy()
    friday = datetime(2026, 12, 4, 20, 0, tzinfo=PANAMA)
    assert policy.deadline_for(Priority.MUY_ALTO, Channel.EMAIL, friday) == datetime(
        2026, 12, 7, 9, 0, tzinfo=PANAMA
    )
    assert policy.deadline_for(Priority.MUY_ALTO, Channel.CRITICAL_LINE, friday) == datetime(
        2026, 12, 4, 21, 0, tzinfo=PANAMA
    )
    assert policy.deadline_for(Priority.MEDIO, Channel.CRITICAL_LINE, friday) == datetime(
        2026, 12, 9, 11, 0, tzinfo=PANAMA
    )


def test_read_uses_policy_fraction() -> None:
    policy = SlaPolicy(
        calendars={"24x7": always_open_calendar()},
        assignments={},
        default_calendar="24x7",
        at_risk_fraction=0.5,
    )
    received = datetime(2026, 3, 2, 10, 0, tzinfo=PANAMA)
    deadline = policy.deadline_for(Priority.ALTO, Channel.PHONE, received)
    now = datetime(2026, 3, 2, 11, 40, tzinfo=PANAMA)
    reading = policy.read(Priority.ALTO, Channel.PHONE, deadline=deadline, now=now)
    assert reading.state is ClockState.AT_RISK


def test_validation() -> None:
    office = office_hours_calendar()
    with pytest.raises(ValueError, match="no definidos"):
        SlaPolicy(calendars={"office": office}, assignments={(Priority.ALTO, Channel.EMAIL): "x"})
    with pytest.raises(ValueError):
        SlaPolicy(calendars={"other": office}, assignments={})
    with pytest.raises(ValueError):
        SlaPolicy(calendars={"office": office}, assignments={}, at_risk_fraction=1.5)
    partial = SlaPolicy(
        calendars={"office": office}, assignments={(Priority.ALTO, Channel.EMAIL): "office"}
    )
    assert partial.calendar_for(Priority.ALTO, Channel.EMAIL) is office
    with pytest.raises(KeyError, match="sin calendario"):
        partial.calendar_for(Priority.BAJO, Channel.EMAIL)


def test_json_round_trip() -> None:
    policy = default_policy()
    again = SlaPolicy.from_json(json.loads(json.dumps(policy.to_json())))
    assert again == policy
    assert again.calendar_for(Priority.ALTO, Channel.CRITICAL_LINE).name == "24x7"
