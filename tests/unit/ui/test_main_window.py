"""The main window on a real SQLite database with demo data, driven by keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.cli import main as cli_main
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.queue_model import QueueFilter

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class RecordingDialog(QDialog):
    """Stands in for the ticket dialogs so the window's key handling is tested on its own."""

    opened: ClassVar[list[tuple[str, int | None]]] = []

    def __init__(self, kind: str, ticket_id: int | None, parent: QWidget) -> None:
        super().__init__(parent)
        RecordingDialog.opened.append((kind, ticket_id))


@pytest.fixture
def window(qtbot: QtBot, demo_ctx: AppContext) -> Iterator[MainWindow]:
    RecordingDialog.opened = []
    win = MainWindow(demo_ctx)
    win.ticket_dialog_factory = lambda ctx, tid, parent: RecordingDialog("ticket", tid, parent)
    win.new_ticket_dialog_factory = lambda ctx, parent: RecordingDialog("new", None, parent)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(win.refreshed, timeout=15000):
        win.start()
    yield win
    win.close()
    demo_ctx.runner.wait_idle()


def test_queue_is_populated_from_demo_data(window: MainWindow, demo_ctx: AppContext) -> None:
    expected = demo_ctx.tickets.queue()
    assert window.model.rowCount() == len(expected) > 0
    assert window.proxy.rowCount() == len(expected)
    assert demo_ctx.database_label in window.db_label.text()
    assert demo_ctx.technician.name in window.tech_label.text()
    assert "Conectado" in window.connection_label.text()
    assert not window.banner.isVisibleTo(window)


def test_enter_opens_the_selected_ticket(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    window.view.selectRow(0)
    row = window.selected_row()
    assert row is not None
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert RecordingDialog.opened == [("ticket", row.id)]


def test_ctrl_n_opens_new_ticket_dialog(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert RecordingDialog.opened == [("new", None)]


def test_ctrl_t_takes_next_and_opens_it(
    qtbot: QtBot, window: MainWindow, demo_ctx: AppContext
) -> None:
    unassigned = [r for r in demo_ctx.tickets.queue() if r.assignee_login is None]
    assert unassigned
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(RecordingDialog.opened), timeout=10000)
    kind, ticket_id = RecordingDialog.opened[0]
    assert kind == "ticket"
    taken = demo_ctx.tickets.get(ticket_id or 0)
    assert taken.row.assignee_login == demo_ctx.actor


def test_ctrl_f_focuses_search_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    first = window.model.rows()[0]
    qtbot.keyClicks(window.search_box, first.number)
    assert window.proxy.rowCount() >= 1
    assert all(
        first.number in window.proxy.index(r, 2).data() for r in range(window.proxy.rowCount())
    )


def test_f5_refreshes(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        qtbot.keyClick(window.view, Qt.Key.Key_F5)


def test_filter_buttons_and_connection_banner(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.filter_buttons[QueueFilter.BREACHED], Qt.MouseButton.LeftButton)
    assert window.proxy.mode is QueueFilter.BREACHED
    window.set_connection_state(False, "servidor apagado")
    assert window.banner.isVisibleTo(window)
    assert "Sin conexión" in window.connection_label.text()
    window.set_connection_state(True, "Conectado")
    assert not window.banner.isVisibleTo(window)


def test_global_search_finds_closed_tickets_too(
    qtbot: QtBot, window: MainWindow, demo_ctx: AppContext
) -> None:
    first = window.model.rows()[0]
    window.search_panel.query.setText(first.number)
    qtbot.mouseClick(window.search_panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=10000)
    assert first.id in [r.id for r in window.search_panel.model.rows()]


def test_screenshot_command_writes_every_window(tmp_path: Path, qapp: object) -> None:
    assert cli_main(["screenshot", "--out", str(tmp_path)]) == 0
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs == [
        "main-window.png",
        "new-ticket-dialog.png",
        "settings-dialog.png",
        "supervisor-audit.png",
        "supervisor-board.png",
        "supervisor-compliance.png",
        "ticket-dialog.png",
    ]
    assert all((tmp_path / p).stat().st_size > 5000 for p in pngs)


def test_a_muy_alto_ticket_arriving_raises_an_alert(
    qtbot: QtBot, window: MainWindow, demo_ctx: AppContext
) -> None:
    from app.domain.channels import Channel
    from app.domain.priorities import Priority
    from app.services.tickets import OpenTicketRequest

    window.alerts.sound = False
    window.alerts.office_hours = demo_ctx.policy.get().calendars["24x7"]  # always "open"
    opened = demo_ctx.tickets.open(
        OpenTicketRequest(
            channel=Channel.EMAIL, priority=Priority.MUY_ALTO, subject="Sistema caído por completo"
        ),
        demo_ctx.actor,
    )
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.refresh()
    assert window.model.position(opened.id) is not None
    titles = [title for title, _m, _c in window.alerts.history]
    assert titles == ["Nuevo tiquete Muy alto"]
    assert opened.number in window.alerts.history[0][1]
