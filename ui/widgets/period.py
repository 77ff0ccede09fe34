"""The "Desde … hasta …" pair of date fields that the supervisor tabs filter by (Panama days)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

DEFAULT_DAYS = 30


def period_edits(
    parent: QWidget, today: date, days: int = DEFAULT_DAYS
) -> tuple[QDateEdit, QDateEdit]:
    """Two calendar-popup date fields, from ``days`` before ``today`` up to ``today``."""
    start = QDateEdit(QDate(today - timedelta(days=days)), parent)
    end = QDateEdit(QDate(today), parent)
    for edit in (start, end):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
    return start, end
