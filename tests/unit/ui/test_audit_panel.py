"""The supervisor panel's "Registro de cambios" tab on real SQLite: filters change the rows, a
selected row shows its changed fields, pages, CSV, failures and refusals keep what is shown."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.audit_trail import AuditPage, AuditQuery, AuditTrailService
from app.services.directory import DirectoryService
from app.services.errors import DatabaseUnavailable
from app.services.reports import ReportService
from app.services.sla_admin import SlaAdminService
from app.services.sla_settings import PolicyCache
from tests.unit.ui.conftest import HandTimers
from tests.unit.ui.test_translations import assert_english, visible_texts
from ui import i18n
from ui.audit_panel import AuditPanel
from ui.supervisor_panel import SupervisorPanel
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform notice
SHORT_FRIDAY = [[["08:00", "17:00"]]] * 4 + [[["08:00", "12:00"]], [], []]


@pytest.fixture
def service(sqlite_db: Database) -> AuditTrailService:
    directory = DirectoryService(sqlite_db)
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    directory.add_technician("ana", "Ana Ríos")
    client = directory.add_client("Farmacias El Canal", actor="sup")
    directory.update_client(client.id, actor="sup", notes="Pagos por ACH")
    admin = SlaAdminService(sqlite_db, PolicyCache(sqlite_db))
    admin.set_weekly_hours("office", SHORT_FRIDAY, "sup")
    admin.add_closure("office", date(2026, 12, 24), "Nochebuena", "sup")
    admin.set_assignment(Priority.BAJO, Channel.WHATSAPP, "24x7", "sup")
    return AuditTrailService(sqlite_db)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "en")
    try:
        yield
    finally:
        i18n.install(qapp, "es")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle()


def _panel(
    service: AuditTrailService, reader: str, runner: TaskRunner, qtbot: QtBot, page_size: int = 500
) -> AuditPanel:
    panel = AuditPanel(service, reader, runner, page_size=page_size)
    qtbot.addWidget(panel)
    panel.resize(1300, 800)
    return panel


@pytest.fixture
def panel(service: AuditTrailService, runner: TaskRunner, qtbot: QtBot) -> AuditPanel:
    widget = _panel(service, "sup", runner, qtbot)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()  # the first load happens when the tab is first shown
    return widget


def _column(panel: AuditPanel, column: int) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_first_show_lists_the_changes_newest_first(panel: AuditPanel) -> None:
    assert _column(panel, 4) == [
        "Cambió el calendario asignado",
        "Agregó un día de cierre",
        "Cambió el horario semanal",
        "Modificó el registro",
        "Creó el registro",
        "Creó el registro",
        "Creó el registro",
    ]
    assert _column(panel, 2)[:4] == [
        "Calendario por prioridad y canal",
        "Calendario",
        "Calendario",
        "Cliente",
    ]
    assert _column(panel, 3)[0] == "Bajo · WhatsApp"
    assert set(_column(panel, 1)) == {"Sara Supervisora", "Sistema"}
    assert panel.summary.text() == "7 cambios"
    assert panel.stack.currentWidget() is panel.view
    actors = [panel.actor_combo.itemText(i) for i in range(panel.actor_combo.count())]
    assert actors == ["Todas las personas", "Sara Supervisora", "Sistema"]
    assert "Seleccione un cambio" in panel.detail.toPlainText()


def test_filters_change_the_rows(panel: AuditPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("sla"))
    assert _column(panel, 2) == ["Calendario por prioridad y canal", "Calendario", "Calendario"]
    assert panel.summary.text() == "3 cambios"

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.kind_combo.setCurrentIndex(0)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.actor_combo.setCurrentIndex(panel.actor_combo.findData("system"))
    assert _column(panel, 3) == ["Ana Ríos (ana)", "Sara Supervisora (sup)"]

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.actor_combo.setCurrentIndex(0)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.search.setText("farmacias")  # typed: one query once typing pauses
    assert _column(panel, 4) == ["Modificó el registro", "Creó el registro"]

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.search.setText("nada parecido")
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty
    assert "No hay cambios que coincidan" in panel.empty.text()
    assert panel.summary.text() == "Ningún cambio"

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.search.clear()
    today = panel.date_to.date()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.date_to.setDate(today.addDays(-1))
    assert panel.model.rowCount() == 0
    assert "No se registraron cambios" in panel.empty.text()
    panel.date_from.setDate(today)  # after the end: nothing is asked
    assert panel.summary.text() == "La fecha final es anterior a la inicial."


def test_selecting_a_row_shows_only_the_changed_fields(panel: AuditPanel) -> None:
    panel.view.selectRow(2)  # the new weekly hours
    text = panel.detail.toPlainText()
    assert "Cambió el horario semanal" in text
    assert "Calendario · Horario de oficina" in text
    assert "Por Sara Supervisora (sup)" in text
    assert "Viernes" in text and "08:00–17:00" in text and "08:00–12:00" in text
    assert "Lunes" not in text  # unchanged days are left out
    page = panel.detail.toHtml()
    assert "line-through" in page
    assert "#b3261e" in page and "#1b7f3b" in page

    panel.view.selectRow(3)  # the client's notes
    text = panel.detail.toPlainText()
    assert "Notas" in text and "Pagos por ACH" in text
    assert "Nombre" not in text


def test_the_selection_survives_a_refresh(panel: AuditPanel, qtbot: QtBot) -> None:
    panel.view.selectRow(1)
    chosen = panel.selected()
    assert chosen is not None and chosen.action == "add_closure"
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    assert panel.selected() == chosen
    assert "Nochebuena" in panel.detail.toPlainText()


def test_more_pages_load_on_demand(
    service: AuditTrailService, runner: TaskRunner, qtbot: QtBot
) -> None:
    panel = _panel(service, "sup", runner, qtbot, page_size=3)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show()
    assert panel.model.rowCount() == 3
    assert not panel.more_button.isHidden()
    assert "3 cambios más recientes; hay más" in panel.summary.text()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.more_button.click()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.more_button.click()
    assert panel.model.rowCount() == 7
    assert panel.more_button.isHidden()
    ids = [row.id for row in panel.model.rows]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 7


def test_csv_export_has_every_match(panel: AuditPanel, qtbot: QtBot, tmp_path: Path) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("sla"))
    target = tmp_path / "registro.csv"
    with qtbot.waitSignal(panel.exported, timeout=10_000):
        panel.export_csv(target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 4
    assert rows[1][6] == "Cambió el calendario asignado"
    assert rows[1][8] == "Calendario: Horario de oficina → 24×7"
    assert "Registro guardado en" in panel.banner.text()


class _Unreachable(AuditTrailService):
    def search(
        self, reader: str, query: AuditQuery | None = None, *, before_id: int | None = None
    ) -> AuditPage:
        raise DatabaseUnavailable("No se pudo conectar con la base de datos (prueba).")


def test_a_failure_says_why_and_keeps_the_rows(panel: AuditPanel, qtbot: QtBot) -> None:
    panel.view.selectRow(0)
    panel.service = _Unreachable(panel.service.db)
    with qtbot.waitSignal(panel.failed, timeout=10_000) as blocker:
        panel.refresh()
    assert "No se pudo conectar" in blocker.args[0]
    assert "No se pudo conectar" in panel.banner.text()
    assert panel.model.rowCount() == 7
    assert panel.summary.text() == "7 cambios"
    assert panel.selected() is not None


def test_technicians_get_the_services_refusal(
    service: AuditTrailService, runner: TaskRunner, qtbot: QtBot
) -> None:
    panel = _panel(service, "ana", runner, qtbot)
    with qtbot.waitSignal(panel.failed, timeout=10_000) as blocker:
        panel.show()
    assert "supervisor" in blocker.args[0]
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "No se pudo cargar el registro de cambios."


def test_supervisor_panel_has_the_tab_when_given_the_service(
    service: AuditTrailService, runner: TaskRunner, qtbot: QtBot, hand_timers: HandTimers
) -> None:
    db = service.db
    policy = PolicyCache(db)
    panel = SupervisorPanel(
        ReportService(db, policy),
        policy,
        runner,
        timer_factory=hand_timers,
        audit=service,
        actor="sup",
    )
    qtbot.addWidget(panel)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert titles[-1] == "Registro de cambios"
    assert panel.audit_panel is not None
    panel.show()
    with qtbot.waitSignal(panel.audit_panel.loaded, timeout=10_000):
        panel.tabs.setCurrentWidget(panel.audit_panel)
    assert panel.audit_panel.model.rowCount() == 7
    bare = SupervisorPanel(ReportService(db, policy), policy, runner, timer_factory=hand_timers)
    qtbot.addWidget(bare)
    assert bare.audit_panel is None and bare.tabs.count() == 4


def test_the_tab_in_english(
    english: None, service: AuditTrailService, runner: TaskRunner, qtbot: QtBot
) -> None:
    panel = _panel(service, "sup", runner, qtbot)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show()
    panel.view.selectRow(2)
    texts = visible_texts(panel)
    assert {"Refresh", "Export CSV…", "Date and time", "Who"} <= set(texts)
    names = {"Sara Supervisora", "Ana Ríos", "Farmacias El Canal", "Horario de oficina"}
    cells = [c for column in range(6) for c in _column(panel, column)]
    assert_english([*texts, *cells, panel.detail.toPlainText()], names)
    assert "Changed the weekly hours" in _column(panel, 4)
    assert "Friday" in panel.detail.toPlainText()
