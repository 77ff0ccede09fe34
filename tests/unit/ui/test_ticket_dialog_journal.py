"""Ticket dialog during a real outage: the action goes to the journal first, stays pending while
PostgreSQL cannot be reached, and lands exactly once when the desk's live feed reconnects."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.data.engine import Database
from app.live.journal import Journal
from app.services.directory import DirectoryService
from app.services.tickets import NewAttachment, TicketService
from tests.unit.live.conftest import open_ticket, seeded
from ui.context import AppContext
from ui.live_feed import attach_live_feed
from ui.tasks import TaskRunner
from ui.ticket_dialog import TicketDialog, image_to_png

pytestmark = [pytest.mark.pg, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _closed_port_url(url: str) -> str:
    """The same database URL on a local port where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


@dataclass
class _Desk:
    ctx: AppContext
    tickets: TicketService
    ticket_id: int


@pytest.fixture
def desk(pg_db: Database, tmp_path: Path, qtbot: QtBot) -> Iterator[_Desk]:
    tickets = seeded(pg_db)
    ticket_id = open_ticket(tickets)
    directory = DirectoryService(pg_db)
    ana = next(t for t in directory.technicians() if t.login == "ana")
    policy = tickets.policy
    runner = TaskRunner()
    ctx = AppContext(
        tickets=tickets,
        directory=directory,
        policy=policy,
        technician=ana,
        runner=runner,
        journal=Journal(tmp_path / "pending-actions.jsonl"),
    )
    yield _Desk(ctx, tickets, ticket_id)
    runner.wait_idle()
    qtbot.wait(10)


class _Window(QObject):
    """What attach_live_feed wires a desk's feed to."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0
        self.states: list[tuple[bool, str]] = []

    def apply_rows(self, _rows: object) -> None: ...
    def remove_ids(self, _ids: object) -> None: ...

    def refresh(self) -> None:
        self.refreshes += 1

    def set_connection_state(self, ok: bool, message: str) -> None:
        self.states.append((ok, message))


def test_action_logged_during_an_outage_is_pending_then_lands_once(
    desk: _Desk, qtbot: QtBot
) -> None:
    ctx, journal = desk.ctx, desk.ctx.journal
    dialog = TicketDialog(ctx, desk.ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    before = len(desk.tickets.get(desk.ticket_id).actions)

    # The server becomes unreachable: the desk's service now gets "connection refused".
    unreachable = Database(_closed_port_url(desk.tickets.db.url))
    ctx.tickets = TicketService(unreachable)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    screenshot = NewAttachment("captura.png", "image/png", image_to_png(image))
    qtbot.keyClicks(dialog.action_text, "Llamada con la usuaria, reinicio de cola")
    dialog.add_attachment(screenshot)
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "pendiente" in dialog.banner.text(), timeout=15_000)
    assert "se registrará automáticamente" in dialog.banner.text()
    assert "Lo escrito se conserva" in dialog.banner.text()
    assert dialog.action_text.toPlainText() == "Llamada con la usuaria, reinicio de cola"
    assert dialog.pending_attachments() == [screenshot]
    uid = dialog.pending_log_uid
    [entry] = Journal(journal.path).entries()  # on disk, as a restarted desk would read it
    assert entry.uid == uid and entry.args["text"] == "Llamada con la usuaria, reinicio de cola"
    assert journal.load_attachments(entry) == (screenshot,)
    assert len(desk.tickets.get(desk.ticket_id).actions) == before  # nothing reached the DB
    unreachable.dispose()

    # The server is back: the desk's live feed connects and replays the journal.
    ctx.tickets = desk.tickets
    window = _Window()
    feed = attach_live_feed(window, ctx)
    try:
        qtbot.waitUntil(lambda: journal.entries() == [], timeout=15_000)
        qtbot.waitUntil(lambda: window.refreshes >= 1, timeout=10_000)
        assert window.states and window.states[0][0] is True
        actions = desk.tickets.get(desk.ticket_id).actions
        landed = [a for a in actions if a.uid == uid]
        assert len(landed) == 1 and len(actions) == before + 1
        assert [a.filename for a in landed[0].attachments] == ["captura.png"]
        assert desk.tickets.attachment_data(landed[0].attachments[0].id) == screenshot.data
        assert not journal.attachment_folder(uid).exists()

        # The form still holds the text; pressing the button again stores nothing twice.
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.action_text.toPlainText() == "", timeout=10_000)
        again = desk.tickets.get(desk.ticket_id).actions
        assert [a.uid for a in again].count(uid) == 1 and len(again) == before + 1
    finally:
        feed.stop()
        ctx.runner.wait_idle()
