"""Calendar editor on real SQLite: loads, saves audited changes, refuses technicians."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.services.directory import DirectoryService
from app.services.sla_admin import SlaAdminService
from app.services.sla_settings import PolicyCache
from ui.calendar_editor import CalendarEditor, parse_spans
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform notice


@pytest.fixture
def admin(sqlite_db: Database) -> SlaAdminService:
    directory = DirectoryService(sqlite_db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    return SlaAdminService(sqlite_db, PolicyCache(sqlite_db))


def _editor(admin: SlaAdminService, actor: str, qtbot: QtBot) -> Iterator[CalendarEditor]:
    runner = TaskRunner()
    dialog = CalendarEditor(admin, actor, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load()
    yield dialog
    runner.wait_idle()


@pytest.fixture
def editor(admin: SlaAdminService, qtbot: QtBot) -> Iterator[CalendarEditor]:
    yield from _editor(admin, "sup", qtbot)


def test_loads_hours_holidays_matrix_and_threshold(editor: CalendarEditor, qtbot: QtBot) -> None:
    assert editor.day_edits[0].text() == "08:00–17:00"
    assert editor.day_edits[6].text() == ""
    qtbot.waitUntil(lambda: editor.holiday_list.count() > 5, timeout=10_000)
    assert editor.matrix[(1, "critical-line")].currentData() == "24x7"
    assert editor.matrix[(3, "email")].currentData() == "office"
    assert editor.risk.value() == 25


def test_save_applies_each_change_audited(
    editor: CalendarEditor, admin: SlaAdminService, qtbot: QtBot
) -> None:
    editor.day_edits[4].setText("08:00–12:00, 13:00–16:00")
    editor.risk.setValue(40)
    combo = editor.matrix[(1, "email")]
    combo.setCurrentIndex(combo.findData("24x7"))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    settings = admin.settings()
    office = next(c for c in settings.calendars if c.name == "office")
    assert office.weekly is not None
    assert office.weekly[4] == (("08:00", "12:00"), ("13:00", "16:00"))
    assert settings.at_risk_fraction == 0.4
    assert settings.assignments[(1, "email")] == "24x7"
    assert sorted(a.action for a in admin.audit_log()) == ["set", "set_calendar", "set_weekly"]
    assert all(a.actor == "sup" for a in admin.audit_log())
    assert "Cambios guardados" in editor.message.text()


def test_bad_hours_and_technicians_get_a_spanish_message(
    admin: SlaAdminService, qtbot: QtBot
) -> None:
    for dialog in _editor(admin, "ana", qtbot):
        dialog.day_edits[0].setText("8 a 5")
        dialog.save()
        assert "Revise el horario" in dialog.message.text()
        dialog.day_edits[0].setText("07:00–16:00")
        with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:
            dialog.save()
        assert "supervisor" in blocker.args[0]
        assert admin.audit_log() == []


def test_parse_spans() -> None:
    assert parse_spans("") == []
    assert parse_spans("08:00-12:00; 13:00–17:00") == [["08:00", "12:00"], ["13:00", "17:00"]]
    with pytest.raises(ValueError):
        parse_spans("08:00")
