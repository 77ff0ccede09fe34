"""Console start-up: embedded SQLite with demo data on first start, queue on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import run
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_first_start_uses_embedded_demo_database_and_shows_the_queue(
    qapp: QApplication,
) -> None:
    seen: list[tuple[int, str]] = []

    def check() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].model.rowCount() > 0:
            window = windows[0]
            seen.append((window.model.rowCount(), window.db_label.text()))
            window.close()
            qapp.exit(0)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    QTimer.singleShot(30000, lambda: qapp.exit(9))  # a hang fails instead of blocking the run
    try:
        assert run() == 0
    finally:
        qapp.setStyleSheet("")
    assert seen
    rows, label = seen[0]
    assert rows > 0
    assert "SQLite" in label
