"""Default SLA settings: critical line + Muy alto/Alto run 24x7, everything else office hours."""

from __future__ import annotations

from typing import Any

OFFICE_WEEK: list[list[list[str]]] = [[["08:00", "17:00"]]] * 5 + [[], []]

DEFAULT_CALENDARS: list[dict[str, Any]] = [
    {
        "id": 1,
        "name": "office",
        "label": "Horario de oficina",
        "timezone": "America/Panama",
        "weekly": OFFICE_WEEK,
        "holiday_country": "PA",
    },
    {
        "id": 2,
        "name": "24x7",
        "label": "24×7",
        "timezone": "America/Panama",
        "weekly": None,
        "holiday_country": None,
    },
]

DEFAULT_ASSIGNMENTS: list[dict[str, Any]] = [
    {"priority": p, "channel": c, "calendar_id": 2 if c == "critical-line" and p in (1, 2) else 1}
    for p in (1, 2, 3, 4)
    for c in ("email", "phone", "whatsapp", "critical-line")
]

DEFAULT_APP_SETTINGS: list[dict[str, Any]] = [{"key": "at_risk_fraction", "value": 0.25}]
