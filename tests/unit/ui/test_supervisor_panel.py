"""Supervisor panel on real SQLite: live board with countdown ticks, period report, exports."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.reports import ReportService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from tests.unit.ui.conftest import HandTimers
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.supervisor_panel import SupervisorPanel, can_open_panel
from ui.tasks import TaskRunner


def _open(svc: TicketService, priority: Priority, ago: timedelta, subject: str) -> int:
    request = OpenTicketRequest(
        channel=Channel.CRITICAL_LINE,
        priority=priority,
        subject=subject,
        requester_address="clave@vigente.pa",
        received_at=datetime.now(UTC) - ago,
    )
    return svc.open(request, "ana").id


pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform notice


@pytest.fixture
def panel(sqlite_db: Database, qtbot: QtBot, hand_timers: HandTimers) -> Iterator[SupervisorPanel]:
    directory = DirectoryService(sqlite_db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("beto", "Beto Jaén")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    today = datetime.now(UTC).date()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email="clave@vigente.pa",
        key_user_name="Karla Clave",
    )
    policy = PolicyCache(sqlite_db)
    svc = TicketService(sqlite_db, policy)
    claimed = _open(svc, Priority.ALTO, timedelta(hours=2, minutes=50), "Caja registradora")
    svc.claim(claimed, "beto")
    _open(svc, Priority.MUY_ALTO, timedelta(hours=2), "Sistema caído")  # breached, unassigned
    _open(svc, Priority.ALTO, timedelta(minutes=30), "Lector de código")  # not within the hour
    runner = TaskRunner()
    widget = SupervisorPanel(
        ReportService(sqlite_db, policy), policy, runner, timer_factory=hand_timers
    )
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait_idle()


def test_only_supervisors_open_the_panel() -> None:
    assert can_open_panel("supervisor") and can_open_panel("admin")
    assert not can_open_panel("technician") and not can_open_panel("intake")


def test_board_lists_unassigned_critical_first_and_ticks(
    panel: SupervisorPanel, qtbot: QtBot, hand_timers: HandTimers
) -> None:
    with qtbot.waitSignal(panel.board_applied, timeout=10_000):
        panel.refresh_board()
    model = panel.board_model
    assert model.rowCount() == 2
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[1] == "Muy alto" and first[6] == "— sin asignar —"
    assert "vencido hace" in first[0]
    second = model.data(model.index(1, 0))
    assert "en riesgo" in second or "en tiempo" in second
    assert model.data(model.index(1, 6)) == "Beto Jaén"
    assert "1</b> vencidos" in panel.board_summary.text()
    assert panel.load_table.rowCount() == 3
    with qtbot.waitSignal(model.dataChanged) as blocker:
        hand_timers.timers[0].timeout.emit()
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row(), top.column(), bottom.column()) == (0, 1, 0, 0)


def test_change_notifications_coalesce_into_one_refresh(
    panel: SupervisorPanel, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(panel.board_applied, timeout=10_000):
        for ticket_id in range(5):
            panel.changed([ticket_id])
    assert panel.board_model.rowCount() == 2


def test_period_report_tables_charts_and_exports(
    panel: SupervisorPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    today = datetime.now(UTC).astimezone(ZoneInfo("America/Panama")).date()
    panel.date_from.setDate(QDate(today - timedelta(days=1)))
    panel.date_to.setDate(QDate(today))
    with qtbot.waitSignal(panel.period_applied, timeout=20_000):
        panel.refresh_period()
    table = panel.dimension_tables["priority"]
    assert table.rowCount() == 5  # four priorities and the total
    assert table.item(4, 1).text() == "3"
    charts = [panel.charts_layout.itemAt(i).widget() for i in range(panel.charts_layout.count())]
    assert len(charts) == 3 and all(isinstance(c, pg.PlotWidget) for c in charts)
    assert panel.forecast_table.rowCount() == 3
    assert panel.cause_counts.rowCount() == 5

    csv_path = tmp_path / "informe.csv"
    panel.export_csv(csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.startswith("Informe de cumplimiento de primer contacto")
    assert "Causa de incumplimiento" in text

    pdf_path = tmp_path / "informe.pdf"
    panel.export_pdf(pdf_path)
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2

    folder = Path(os.environ.get("IMR_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(("board", "compliance", "causes", "forecast")):
        panel.tabs.setCurrentIndex(index)
        path = folder / f"supervisor-{name}.png"
        assert panel.grab().save(str(path))
        assert path.stat().st_size > 10_000


def test_main_window_offers_the_panel_to_supervisors_only(
    demo_ctx: AppContext, qtbot: QtBot, hand_timers: HandTimers
) -> None:
    technicians = demo_ctx.directory.technicians()
    tech = next(t for t in technicians if t.role == "technician")
    window = MainWindow(replace(demo_ctx, technician=tech), timer_factory=hand_timers)
    qtbot.addWidget(window)
    assert not window.supervisor_action.isVisible()
    boss = next(t for t in technicians if t.role == "supervisor")
    window = MainWindow(replace(demo_ctx, technician=boss), timer_factory=hand_timers)
    qtbot.addWidget(window)
    assert window.supervisor_action.isVisible()
    window.supervisor_action.trigger()
    panel = window.supervisor_panel
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.period_data is not None, timeout=20_000)
    assert panel.board_model.rowCount() > 0
    assert not panel.calendar_button.isHidden()
    panel.timer.stop()
    demo_ctx.runner.wait_idle()
