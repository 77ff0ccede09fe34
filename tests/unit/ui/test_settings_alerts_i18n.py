"""Settings (password never in the file), desk alerts (quiet outside hours), English translation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.domain.priorities import Priority
from tests.unit.ui.conftest import OFFICE_NOW, FakeClock, HandTimers, make_row
from ui import i18n
from ui.alerts import DeskAlerts
from ui.queue_model import Column, QueueModel
from ui.settings_dialog import SettingsDialog, keyring_available


def test_settings_saved_without_password_and_no_keyring_is_explained(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert not keyring_available()  # the tests run on the null keyring backend
    assert "No hay un llavero del sistema" in dialog.keyring_note.text()
    qtbot.mouseClick(dialog.embedded, Qt.MouseButton.LeftButton)  # untick: shared PostgreSQL
    qtbot.keyClicks(dialog.host, "db.imr.local")
    qtbot.keyClicks(dialog.user, "ana")
    qtbot.keyClicks(dialog.password, "s3creta-Clave")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    text = Settings.path().read_text(encoding="utf-8")
    assert "db.imr.local" in text
    assert "s3creta-Clave" not in text
    assert "llavero" in (dialog.problem or "")
    loaded = Settings.load()
    assert (loaded.database.host, loaded.database.user, loaded.language) == (
        "db.imr.local",
        "ana",
        "en",
    )


def test_settings_require_a_server(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.embedded.setChecked(False)
    dialog.accept()
    assert dialog.error.text() == "Indique el servidor de la base de datos."
    assert not Settings.path().exists()


def test_alerts_critical_always_non_critical_only_in_office_hours(qapp: QApplication) -> None:
    clock = FakeClock(datetime(2026, 12, 3, 2, 0, tzinfo=UTC))  # Wednesday 21:00 in Panama
    alerts = DeskAlerts(clock=clock, sound=False)
    alerts.ticket_arrived(make_row(1, priority=Priority.MUY_ALTO))
    alerts.ticket_arrived(make_row(2, priority=Priority.BAJO))
    alerts.clock_changed(make_row(3, priority=Priority.MEDIO), "on_time", "at_risk")
    assert [title for title, _m, _c in alerts.history] == ["Nuevo tiquete Muy alto"]
    clock.now = OFFICE_NOW
    alerts.clock_changed(make_row(3, priority=Priority.MEDIO), "on_time", "at_risk")
    alerts.clock_changed(make_row(4, priority=Priority.ALTO), "at_risk", "breached")
    assert [t for t, _m, _c in alerts.history][1:] == ["Tiquete en riesgo", "Tiquete vencido"]


def test_english_translation_is_built_and_used(
    qapp: QApplication, clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = QueueModel(clock=clock, timer_factory=hand_timers)
    model.replace_all(
        [make_row(1, priority=Priority.ALTO, deadline=OFFICE_NOW - timedelta(minutes=5))]
    )
    try:
        assert i18n.install(qapp, "en")
        header = model.headerData(Column.TIME_LEFT, Qt.Orientation.Horizontal)
        assert header == "Time left"
        model.tick()
        assert model.index(0, Column.TIME_LEFT).data() == "+00:05:00  breached 5 min ago"
        assert model.index(0, Column.PRIORITY).data() == "High"
    finally:
        i18n.install(qapp, "es")
    model.tick()
    assert model.index(0, Column.TIME_LEFT).data() == "+00:05:00  vencido hace 5 min"
