"""Hostile text (HTML, SQL, control characters) is stored verbatim and shown as plain text."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.data.engine import Database
from app.data.models import AuditEntry, Ticket
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from app.services.uow import unit_of_work
from tests.unit.ui.conftest_dialogs import wait_idle
from ui.context import AppContext
from ui.queue_model import Column, QueueModel
from ui.tasks import TaskRunner
from ui.ticket_dialog import TicketDialog

# Single-line fields collapse whitespace by design; every other character must survive.
SUBJECT = "<b>URGENTE</b> '; DROP TABLE ticket;-- \x07\x1b[31m \u202eRTL <img src=x onerror=y()>"
CLIENT = "<a href='http://x.pa'>Cliente</a> & Cía \"; DELETE FROM contact;-- \x01"
REQUESTER = "<i>Robert</i>'); DELETE FROM contact;--\x7f \u200b"
DESCRIPTION = (
    "línea 1\r\nlínea 2\t<script>alert('x')</script>\n' OR 1=1 --\x01\x02\x7f\u200b\n\n  fin  "
)
ACTION = "<h1>hola</h1>\x1f%s%n{0} <table><tr><td>x</td></tr></table>\x0b\x0c"


def _desk(db: Database) -> tuple[TicketService, int]:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    today = date.today()
    directory.add_client(
        CLIENT,
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email="clave@vigente.pa",
        key_user_name="Karla Clave",
    )
    svc = TicketService(db, PolicyCache(db))
    request = OpenTicketRequest(
        channel=Channel.EMAIL,
        priority=Priority.ALTO,
        subject=SUBJECT,
        description=DESCRIPTION,
        requester_name=REQUESTER,
        requester_address="clave@vigente.pa",
    )
    ticket_id = svc.open(request, "ana").id
    svc.log_action(ticket_id, "ana", ActionKind.NOTE, ACTION)
    return svc, ticket_id


def test_hostile_text_is_stored_and_read_back_verbatim(db: Database) -> None:
    svc, ticket_id = _desk(db)
    detail = svc.get(ticket_id)
    assert detail.row.subject == SUBJECT
    assert detail.row.client_name == CLIENT
    assert detail.client is not None and detail.client.name == CLIENT
    assert detail.requester_name == REQUESTER
    assert detail.description == DESCRIPTION
    assert detail.actions[-1].text == ACTION
    assert [r.subject for r in svc.search("DROP TABLE")] == [SUBJECT]


def test_nul_becomes_replacement_character_and_is_recorded(db: Database) -> None:
    svc = TicketService(db)
    request = OpenTicketRequest(
        channel=Channel.PHONE,
        priority=Priority.MEDIO,
        subject="Pantalla\x00negra",
        description="antes\x00después\x00",
        requester_address="nadie@ejemplo.pa",
    )
    ticket_id = svc.open(request, None).id
    detail = svc.get(ticket_id)
    assert detail.row.subject == "Pantalla\ufffdnegra"
    assert detail.description == "antes\ufffddespués\ufffd"
    with unit_of_work(db) as session:
        notes = [
            (n.entity, n.entity_id, n.after)
            for n in session.scalars(select(AuditEntry).where(AuditEntry.action == "nul_replaced"))
        ]
        stored = session.scalar(select(Ticket.description).where(Ticket.id == ticket_id))
    assert stored == "antes\ufffddespués\ufffd"
    assert notes == [("ticket", str(ticket_id), {"fields": {"subject": 1, "description": 2}})]


def test_queue_model_shows_hostile_text_as_given(db: Database, qapp: object) -> None:
    svc, _ticket_id = _desk(db)
    model = QueueModel()
    model.replace_all(svc.queue())
    subject = model.data(model.index(0, Column.SUBJECT), Qt.ItemDataRole.DisplayRole)
    client = model.data(model.index(0, Column.CLIENT), Qt.ItemDataRole.DisplayRole)
    assert subject == SUBJECT
    assert CLIENT in client


def test_ticket_dialog_never_interprets_user_text_as_rich_text(
    sqlite_db: Database, qtbot: QtBot
) -> None:
    svc, ticket_id = _desk(sqlite_db)
    directory = DirectoryService(sqlite_db)
    ana = next(t for t in directory.technicians() if t.login == "ana")
    runner = TaskRunner()
    ctx = AppContext(
        tickets=svc, directory=directory, policy=svc.policy, technician=ana, runner=runner
    )
    dialog = TicketDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, runner)
    markers = ("URGENTE", "Cliente</a>", "Robert", "<script>", "<h1>hola")
    seen: set[str] = set()
    for label in dialog.findChildren(QLabel):
        for marker in markers:
            if marker in label.text():
                seen.add(marker)
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    for edit in dialog.findChildren(QTextEdit):
        # A rich-text widget would have swallowed the tags; the plain text keeps them.
        seen.update(m for m in markers if m in edit.toPlainText())
    for plain in dialog.findChildren(QPlainTextEdit):
        seen.update(m for m in markers if m in plain.toPlainText())
    for line in dialog.findChildren(QLineEdit):
        seen.update(m for m in markers if m in line.text())
    assert {"URGENTE", "<script>"} <= seen, seen
    runner.wait_idle()
    qtbot.wait(10)
