"""Clock state as the queue shows it: Spanish text, colour and icon (never colour alone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain.formatting import format_countdown, format_duration, format_short
from app.domain.sla import ClockReading, ClockState

# Colours chosen for contrast on a white row and for colour-blind readers: the text and the
# icon carry the meaning, the colour only reinforces it.
STATE_COLOURS: dict[str, str] = {
    "on_time": "#1b7f3b",
    "at_risk": "#b35c00",
    "breached": "#c62828",
    "met": "#5f6b7a",
    "met_late": "#8e4b10",
    "paused": "#3f5f8f",
}
STATE_BACKGROUNDS: dict[str, str] = {
    "at_risk": "#fff4e0",
    "breached": "#fde8e8",
}
STATE_ICONS: dict[str, str] = {
    "on_time": "clock-on-time.svg",
    "at_risk": "clock-at-risk.svg",
    "breached": "clock-breached.svg",
    "met": "clock-met.svg",
    "met_late": "clock-met-late.svg",
    "paused": "clock-paused.svg",
}


@dataclass(frozen=True, slots=True)
class ClockText:
    """Everything a cell needs: the countdown, the state word, colour and icon file."""

    kind: str  # on_time, at_risk, breached, met, met_late, paused
    countdown: str  # "00:42:10", "+00:12:00" when overdue, "" when met
    state: str  # "en tiempo", "vencido hace 12 min", "en pausa — fuera de horario (…)"
    colour: str
    icon: str

    @property
    def cell(self) -> str:
        """Countdown and state in one line, as the countdown column shows it."""
        return f"{self.countdown}  {self.state}" if self.countdown else self.state


def clock_kind(reading: ClockReading) -> str:
    if reading.state in (ClockState.ON_TIME, ClockState.AT_RISK) and reading.is_paused:
        return "paused"
    return reading.state.value


def describe(reading: ClockReading, *, now: datetime) -> ClockText:
    """Text for one clock reading at ``now`` (the same instant the reading was taken)."""
    kind = clock_kind(reading)
    state = reading.state
    if state is ClockState.BREACHED:
        countdown = "+" + format_countdown(reading.overdue)
        words = QCoreApplication.translate("ClockText", "vencido hace {0}").format(
            format_duration(reading.overdue)
        )
    elif state is ClockState.MET:
        countdown, words = "", QCoreApplication.translate("ClockText", "cumplido")
    elif state is ClockState.MET_LATE:
        countdown = ""
        words = QCoreApplication.translate("ClockText", "cumplido con atraso ({0})").format(
            format_duration(reading.overdue)
        )
    else:
        countdown = format_countdown(reading.remaining)
        if reading.paused_until is not None:
            words = QCoreApplication.translate(
                "ClockText", "en pausa — fuera de horario (se reanuda {0})"
            ).format(format_short(reading.paused_until, now=now))
        elif state is ClockState.AT_RISK:
            words = QCoreApplication.translate("ClockText", "en riesgo")
        else:
            words = QCoreApplication.translate("ClockText", "en tiempo")
    return ClockText(kind, countdown, words, STATE_COLOURS[kind], STATE_ICONS[kind])
