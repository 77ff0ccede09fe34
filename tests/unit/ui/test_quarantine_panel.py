"""Mail quarantine panel: a supervisor sees the unreadable mail safely and makes it a ticket."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.intake.pipeline import IntakePipeline, Outcome
from tests.unit.ui.conftest_dialogs import Desk, desk, wait_idle
from ui.main_window import MainWindow
from ui.quarantine_panel import QuarantinePanel

__all__ = ["desk"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BROKEN = (
    b"From: Cliente Raro <raro@cliente.pa>\r\nSubject: Factura <b>urgente</b>\r\n"
    b"Content-Type: multipart/mixed\r\n\r\nsin boundary \x00\xff<script>x</script>\r\n"
)


def _supervisor_ctx(desk: Desk) -> Desk:
    sara = desk.directory.add_technician("sara", "Sara Supervisora", role="supervisor")
    return replace(desk, ctx=replace(desk.ctx, technician=sara))


def test_supervisor_sees_quarantined_mail_and_converts_it(qtbot: QtBot, desk: Desk) -> None:
    pipeline = IntakePipeline(desk.tickets.db)
    result = pipeline.process(b"", source="INBOX/1")  # nothing readable at all
    assert result.outcome is Outcome.QUARANTINED
    service = pipeline.service
    qid, _created = service.quarantine(BROKEN, "Estructura MIME inválida.", "INBOX/2")
    sup = _supervisor_ctx(desk)
    panel = QuarantinePanel(sup.ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10000)
    row = next(i for i, r in enumerate(panel.rows) if r.id == qid)
    assert panel.table.item(row, 1).text() == "Estructura MIME inválida."
    assert panel.table.item(row, 2).text() == "Cliente Raro <raro@cliente.pa>"
    assert panel.table.item(row, 3).text() == "Factura <b>urgente</b>"
    assert panel.table.item(row, 4).text().endswith("B")
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: "<script>x</script>" in panel.raw_text.toPlainText(), timeout=10000)
    assert panel.subject.text() == "Factura <b>urgente</b>"

    with qtbot.waitSignal(panel.ticket_created, timeout=10000) as created:
        qtbot.mouseClick(panel.convert_button, Qt.MouseButton.LeftButton)
    ticket_id = created.args[0]
    detail = desk.tickets.get(ticket_id)
    assert detail.row.subject == "Factura <b>urgente</b>"
    assert any(a.filename.endswith(".eml") for action in detail.actions for a in action.attachments)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)  # resolved: gone
    assert "IMR-" in panel.banner.label.text()
    wait_idle(qtbot, desk.ctx.runner)


def test_quarantine_action_only_for_supervisors(qtbot: QtBot, desk: Desk) -> None:
    technician_window = MainWindow(desk.ctx)
    qtbot.addWidget(technician_window)
    assert not technician_window.quarantine_action.isVisible()
    sup = _supervisor_ctx(desk)
    window = MainWindow(sup.ctx)
    qtbot.addWidget(window)
    assert window.quarantine_action.isVisible()
    window.quarantine_action.trigger()
    panel = window.quarantine_panel
    qtbot.waitUntil(lambda: not panel.empty_label.isHidden(), timeout=10000)
    wait_idle(qtbot, desk.ctx.runner)
    panel.close()


def test_technician_is_refused_the_raw_bytes(qtbot: QtBot, desk: Desk) -> None:
    IntakePipeline(desk.tickets.db).service.quarantine(BROKEN, "Ilegible.", "x")
    panel = QuarantinePanel(desk.ctx)  # a technician's context: the service refuses
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 1, timeout=10000)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: "supervisor" in panel.banner.label.text(), timeout=10000)
    assert panel.raw_text.toPlainText() == ""
    wait_idle(qtbot, desk.ctx.runner)
