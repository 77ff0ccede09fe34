"""Console start-up: embedded SQLite with demo data on first start, queue on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import launch

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_first_start_uses_embedded_demo_database_and_shows_the_queue(
    qapp: QApplication, qtbot: QtBot
) -> None:
    console = launch()
    assert console is not None
    try:
        assert console.embedded
        qtbot.waitUntil(
            lambda: console.window is not None and console.window.model.rowCount() > 0,
            timeout=20000,
        )
        assert console.window.isVisible()
        assert "SQLite" in console.window.db_label.text()
    finally:
        console.shutdown()
        qapp.setStyleSheet("")
