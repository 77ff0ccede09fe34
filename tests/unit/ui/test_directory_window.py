"""Directory screens: a supervisor edits a contract and the ticket's contract banner follows."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from ui.context import AppContext
from ui.directory.dialogs import ContactDialog, ContractDialog
from ui.directory.window import DirectoryWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform notice

TODAY = date.today()


def _context(db: Database, login: str) -> AppContext:
    directory = DirectoryService(db)
    tech = next(t for t in directory.technicians() if t.login == login)
    policy = PolicyCache(db)
    return AppContext(
        tickets=TicketService(db, policy),
        directory=directory,
        policy=policy,
        technician=tech,
        runner=TaskRunner(),
    )


@pytest.fixture
def desk(sqlite_db: Database) -> tuple[Database, int]:
    directory = DirectoryService(sqlite_db)
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    directory.add_technician("ana", "Ana Ríos")
    directory.add_product("ERP", "ERP Financiero", actor="sup")
    directory.add_product("POS", "Punto de venta", actor="sup")
    client = directory.add_client(
        "Cervecería Istmo",
        contract_from=TODAY - timedelta(days=200),
        contract_until=TODAY + timedelta(days=12),
        key_user_email="karla@istmo.pa",
        key_user_name="Karla Clave",
        tax_id="155-1-2345 DV 12",
        notes="Planta en Chorrera; soporte en sitio los martes.",
    )
    directory.add_contact(
        client.id,
        "Luis Soporte",
        emails=["luis@istmo.pa"],
        phones=["223-4567"],
        whatsapps=["6093-0740"],
        actor="sup",
    )
    directory.add_client(
        "Farmacias Unidas", contract_from=TODAY, contract_until=TODAY + timedelta(days=365)
    )
    ticket = TicketService(sqlite_db).open(
        OpenTicketRequest(
            channel=Channel.EMAIL,
            priority=Priority.ALTO,
            subject="No imprime facturas",
            requester_address="KARLA@istmo.pa",
        ),
        "ana",
    )
    return sqlite_db, ticket.id


def _wait(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10000)


def _save(qtbot: QtBot, dialog: ContractDialog | ContactDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_supervisor_expires_contract_and_ticket_banner_changes(
    desk: tuple[Database, int], qtbot: QtBot
) -> None:
    db, ticket_id = desk
    ctx = _context(db, "sup")
    window = DirectoryWindow(ctx)
    qtbot.addWidget(window)
    _wait(qtbot, ctx)
    assert window.clients.select_where(lambda c: c.name == "Cervecería Istmo")
    assert [c.number for c in window.contracts.visible_items()] == ["CM-00001"]
    assert [e.client_name for e in window.expiring.visible_items()] == ["Cervecería Istmo"]
    assert [m.client_name for m in window.without_key_user.visible_items()] == ["Farmacias Unidas"]

    from ui.ticket_dialog import TicketDialog

    ticket_dialog = TicketDialog(ctx, ticket_id)
    qtbot.addWidget(ticket_dialog)
    _wait(qtbot, ctx)
    assert "Contrato vigente CM-00001" in ticket_dialog.contract_label.text()

    window.contracts.select_where(lambda c: c.number == "CM-00001")
    dialog = window.edit_contract()
    assert isinstance(dialog, ContractDialog)
    dialog.set_ends_on(TODAY - timedelta(days=1))
    with qtbot.waitSignal(window.loaded, timeout=10000):
        _save(qtbot, dialog)
    _wait(qtbot, ctx)
    assert window.contracts.current().ends_on == TODAY - timedelta(days=1)
    assert window.contracts.current().state_label(TODAY) == "Vencido"

    detail = ctx.tickets.get(ticket_id)
    assert detail.contract is None
    assert detail.client is not None and detail.client.contract_label == "Sin contrato vigente"
    ticket_dialog.reload()
    _wait(qtbot, ctx)
    assert "Sin contrato vigente" in ticket_dialog.contract_label.text()

    # extend it again: in force, the banner says so
    window.contracts.select_where(lambda c: c.number == "CM-00001")
    dialog = window.edit_contract()
    assert isinstance(dialog, ContractDialog)
    dialog.set_ends_on(TODAY + timedelta(days=400))
    with qtbot.waitSignal(window.loaded, timeout=10000):
        _save(qtbot, dialog)
    _wait(qtbot, ctx)
    assert ctx.tickets.get(ticket_id).contract is not None
    assert window.expiring.visible_items() == []
    audit = ctx.directory.audit_trail("contract", window.contracts.current().id)
    assert [a.actor for a in audit] == ["system", "sup", "sup"]


def test_bad_contact_is_refused_in_the_dialog_and_search_filters(
    desk: tuple[Database, int], qtbot: QtBot
) -> None:
    db, _ = desk
    ctx = _context(db, "sup")
    window = DirectoryWindow(ctx)
    qtbot.addWidget(window)
    _wait(qtbot, ctx)
    window.clients.search.setText("farma")
    assert [c.name for c in window.clients.visible_items()] == ["Farmacias Unidas"]
    window.clients.select_where(lambda c: c.name == "Farmacias Unidas")
    dialog = window.new_contact()
    assert isinstance(dialog, ContactDialog)
    dialog.name.setText("Pedro Líder")
    dialog.whatsapps.setText("llamar luego")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "Número de teléfono inválido" in dialog.error.text()
    dialog.whatsapps.setText("(507) 6093-0740")  # Luis of the other client has it
    dialog.key_user.setChecked(True)
    _save(qtbot, dialog)
    _wait(qtbot, ctx)
    assert "ya pertenece a Luis Soporte" in window.banner.text()
    dialog = window.new_contact()
    assert isinstance(dialog, ContactDialog)
    dialog.name.setText("Pedro Líder")
    dialog.emails.setText("Pedro@FU.pa")
    dialog.key_user.setChecked(True)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        _save(qtbot, dialog)
    _wait(qtbot, ctx)
    assert [c.emails for c in window.contacts.visible_items()] == [("pedro@fu.pa",)]
    assert window.without_key_user.visible_items() == []


def test_technicians_read_only(desk: tuple[Database, int], qtbot: QtBot, tmp_path: Path) -> None:
    db, _ = desk
    ctx = _context(db, "ana")
    window = DirectoryWindow(ctx)
    qtbot.addWidget(window)
    _wait(qtbot, ctx)
    assert not window.can_edit
    assert not window.edit_contract_button.isVisible()
    assert window.tabs.count() == 3  # no supervisor lists
    assert len(window.clients.visible_items()) == 2


def test_render_screens_to_png(desk: tuple[Database, int], qtbot: QtBot, tmp_path: Path) -> None:
    """Renders every tab offscreen; IMR_SCREENSHOT_DIR keeps the images for a human look."""
    db, _ = desk
    ctx = _context(db, "sup")
    window = DirectoryWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _wait(qtbot, ctx)
    window.clients.select_where(lambda c: c.name == "Cervecería Istmo")
    folder = Path(os.environ.get("IMR_SCREENSHOT_DIR", tmp_path))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        path = folder / f"directory-{index}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000
    window.contracts.select_where(lambda c: c.number == "CM-00001")
    dialog = window.edit_contract()
    assert dialog is not None
    assert dialog.grab().save(str(folder / "directory-contract-dialog.png"))
    dialog.reject()
