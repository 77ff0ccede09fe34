"""Desk alerts: tray notification and short sound for Muy alto arrivals and clocks turning bad."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.domain.calendars import BusinessCalendar
from app.domain.policy import default_policy
from app.domain.priorities import Priority
from app.services.snapshots import QueueRow
from ui import i18n


class DeskAlerts(QObject):
    """Critical alerts (Muy alto arrivals, any breach of a Muy alto) always sound; the others stay
    quiet outside office hours. Without a system tray (e.g. offscreen) the alert is only
    emitted through ``alerted`` so the window can show it in its status bar."""

    alerted = Signal(str, str, bool)  # title, message, critical

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        icon: QIcon | None = None,
        office_hours: BusinessCalendar | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sound: bool = True,
    ) -> None:
        super().__init__(parent)
        self.office_hours = office_hours or default_policy().calendars["office"]
        self.clock = clock
        self.sound = sound
        self.history: list[tuple[str, str, bool]] = []
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip(self.tr("Consola IMR — Centro de Soluciones"))
            self.tray.show()

    def ticket_arrived(self, row: QueueRow) -> None:
        if row.priority is Priority.MUY_ALTO:
            self._notify(
                self.tr("Nuevo tiquete Muy alto"),
                f"{row.number} · {row.client_name}: {row.subject}",
                critical=True,
            )

    def clock_changed(self, row: QueueRow, before: str, after: str) -> None:
        if after == "breached":
            title = self.tr("Tiquete vencido")
        elif after == "at_risk" and before in ("on_time", "paused"):
            title = self.tr("Tiquete en riesgo")
        else:
            return
        self._notify(
            title,
            f"{row.number} · {i18n.label(row.priority)} · {row.client_name}",
            critical=row.priority is Priority.MUY_ALTO,
        )

    def _notify(self, title: str, message: str, *, critical: bool) -> None:
        if not critical and not self.office_hours.is_open(self.clock()):
            return  # non-critical alerts stay quiet outside office hours
        self.history.append((title, message, critical))
        if self.tray is not None:
            kind = (
                QSystemTrayIcon.MessageIcon.Critical
                if critical
                else QSystemTrayIcon.MessageIcon.Warning
            )
            self.tray.showMessage(title, message, kind, 8000)
        if self.sound:
            QApplication.beep()  # the short sound every desktop can play without extra modules
        self.alerted.emit(title, message, critical)
