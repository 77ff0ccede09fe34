"""New-ticket dialog on a real SQLite database: phone, WhatsApp, reinforcing an open case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QRadioButton
from pytestqt.qtbot import QtBot

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from tests.unit.ui.conftest_dialogs import Desk, desk, wait_idle
from ui.new_ticket_dialog import (
    WHATSAPP_ASK_EMAIL,
    WHATSAPP_RESOLVE,
    NewTicketDialog,
)
from ui.priority_questions import ALTERNATIVE, DAILY, DOWN

__all__ = ["desk"]  # the fixture, imported explicitly
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton
# QTest's keyClicks only types ASCII here: the typed texts below are written without accents.


def _dialog(qtbot: QtBot, desk: Desk) -> NewTicketDialog:
    dialog = NewTicketDialog(desk.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.client_list.count() > 0, timeout=10000)
    wait_idle(qtbot, desk.ctx.runner)
    return dialog


def _click_item(qtbot: QtBot, widget: QListWidget, row: int) -> None:
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), LEFT, pos=rect.center())


def _pick_client(qtbot: QtBot, dialog: NewTicketDialog, search: str) -> None:
    dialog.search_edit.setFocus()
    qtbot.keyClicks(dialog.search_edit, search)
    qtbot.waitUntil(lambda: dialog.client_list.count() == 1, timeout=10000)
    _click_item(qtbot, dialog.client_list, 0)
    qtbot.waitUntil(lambda: dialog.client_info is not None, timeout=10000)
    wait_idle(qtbot, dialog.ctx.runner)


def _click_radio(qtbot: QtBot, radio: QRadioButton) -> None:
    """On the indicator: a radio button stretched wide does not answer clicks past its text."""
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))


def _choose_channel(dialog: NewTicketDialog, channel: Channel) -> None:
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel.value))


def test_phone_ticket_through_the_guided_questions(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    assert dialog.channel() is Channel.PHONE
    assert not dialog.call_box.isHidden() and dialog.whatsapp_box.isHidden()
    _pick_client(qtbot, dialog, "Vigente")
    assert "Contrato vigente" in dialog.contact_warning()
    assert dialog.open_box.isHidden()  # no open cases yet
    assert "Karla Clave" in dialog.contact_combo.currentText()
    assert "usuario clave" in dialog.contact_combo.currentText()
    qtbot.keyClicks(dialog.subject_edit, "El ERP no abre en ninguna estacion")
    qtbot.keyClicks(dialog.description_edit, "Desde las 8:00, pantalla en blanco.")
    qtbot.mouseClick(dialog.questions.yes_buttons[DOWN], LEFT)
    qtbot.mouseClick(dialog.questions.no_buttons[ALTERNATIVE], LEFT)
    assert dialog.questions.priority() is Priority.MUY_ALTO
    assert "Primer contacto en 1 hora" in dialog.questions.proposal_label.text()
    dialog.call_duration.setValue(7)
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    ticket = desk.tickets.get(opened.args[0])
    assert ticket.row.priority is Priority.MUY_ALTO
    assert ticket.row.channel is Channel.PHONE
    assert ticket.row.first_contact_at is not None
    assert ticket.row.status is TicketStatus.IN_PROGRESS
    assert not ticket.row.needs_review
    assert ticket.contact is not None and ticket.contact.name == "Karla Clave"
    call = next(a for a in ticket.actions if a.kind is ActionKind.CALL_IN)
    assert call.is_contact and call.duration_minutes == 7
    assert dialog.result() == dialog.DialogCode.Accepted


def test_client_without_contract_is_warned_and_flagged(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _choose_channel(dialog, Channel.CRITICAL_LINE)
    _pick_client(qtbot, dialog, "Vencido")
    warning = dialog.contact_warning()
    assert "no tiene contrato de mantenimiento vigente" in warning
    assert "revisión del supervisor" in warning
    qtbot.keyClicks(dialog.subject_edit, "Servidor caido")
    qtbot.mouseClick(dialog.questions.no_buttons[DOWN], LEFT)
    qtbot.mouseClick(dialog.questions.yes_buttons[DAILY], LEFT)
    assert dialog.questions.priority() is Priority.ALTO
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    ticket = desk.tickets.get(opened.args[0])
    assert ticket.row.needs_review
    assert any("no tiene contrato" in r for r in ticket.review_reasons)
    assert ticket.row.first_contact_at is not None  # the call itself was the first contact


def test_reinforcing_an_open_case_logs_the_call_on_it(qtbot: QtBot, desk: Desk) -> None:
    existing = desk.open_email_ticket("Facturacion detenida", priority=Priority.MUY_ALTO)
    dialog = _dialog(qtbot, desk)
    _pick_client(qtbot, dialog, "Vigente")
    assert not dialog.open_box.isHidden()
    assert dialog.open_list.count() == 1
    assert f"IMR-{existing}" in dialog.open_list.item(0).text()
    dialog.call_notes.setFocus()
    qtbot.keyClicks(dialog.call_notes, "Pregunta por el avance")
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.reinforce_button, LEFT)
    assert opened.args == [existing]
    rows = desk.tickets.client_tickets(desk.vigente_id)
    assert [r.id for r in rows] == [existing]  # no duplicate was opened
    ticket = desk.tickets.get(existing)
    call = ticket.actions[-1]
    assert call.kind is ActionKind.CALL_IN and call.is_contact
    assert "refuerzo" in call.text and "Pregunta por el avance" in call.text
    assert ticket.row.first_contact_at is not None


def test_whatsapp_quick_case_is_opened_and_resolved(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _choose_channel(dialog, Channel.WHATSAPP)
    assert dialog.call_box.isHidden() and not dialog.whatsapp_box.isHidden()
    _pick_client(qtbot, dialog, "Vigente")
    qtbot.keyClicks(dialog.subject_edit, "Como exportar la planilla")
    qtbot.mouseClick(dialog.questions.no_buttons[DOWN], LEFT)
    qtbot.mouseClick(dialog.questions.no_buttons[DAILY], LEFT)
    qtbot.mouseClick(dialog.questions.yes_buttons[ALTERNATIVE], LEFT)
    assert dialog.questions.priority() is Priority.BAJO
    _click_radio(qtbot, dialog.whatsapp_options[WHATSAPP_RESOLVE])
    assert dialog.open_button.text() == "Abrir y resolver"
    qtbot.mouseClick(dialog.open_button, LEFT)  # refused: no solution written
    assert "solución" in dialog.banner.text()
    qtbot.keyClicks(dialog.whatsapp_text, "Menu Reportes > Exportar")
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    ticket = desk.tickets.get(opened.args[0])
    assert ticket.row.status is TicketStatus.RESOLVED
    assert ticket.solution == "Menu Reportes > Exportar"
    assert ticket.row.first_contact_at is not None
    assert any(a.kind is ActionKind.WHATSAPP and a.is_contact for a in ticket.actions)


def test_whatsapp_asking_details_by_email_waits_for_the_client(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _choose_channel(dialog, Channel.WHATSAPP)
    _pick_client(qtbot, dialog, "Vigente")
    qtbot.keyClicks(dialog.subject_edit, "Error al timbrar")
    dialog.questions.set_override(Priority.MEDIO)
    _click_radio(qtbot, dialog.whatsapp_options[WHATSAPP_ASK_EMAIL])
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    ticket = desk.tickets.get(opened.args[0])
    assert ticket.row.status is TicketStatus.WAITING_CLIENT
    assert any("por correo" in a.text for a in ticket.actions)


def test_a_retried_submit_opens_one_ticket(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _pick_client(qtbot, dialog, "Vigente")
    qtbot.keyClicks(dialog.subject_edit, "Impresora fiscal")
    dialog.questions.set_override(Priority.BAJO)
    # The first submit reached the database but its answer was lost.
    first = desk.tickets.open(dialog.build_request(Priority.BAJO), "ana")
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    assert opened.args == [first.id]
    assert len(desk.tickets.client_tickets(desk.vigente_id)) == 1


def test_missing_subject_or_priority_is_refused_with_a_message(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _pick_client(qtbot, dialog, "Vigente")
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert "asunto" in dialog.banner.text()
    qtbot.keyClicks(dialog.subject_edit, "Consulta")
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert "prioridad" in dialog.banner.text()
    wait_idle(qtbot, desk.ctx.runner)
    assert desk.tickets.client_tickets(desk.vigente_id) == []
    assert dialog.isVisible()


def test_a_new_contact_can_be_added_and_is_selected(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _pick_client(qtbot, dialog, "Vigente")
    dialog.contact_combo.setCurrentIndex(dialog.contact_combo.count() - 1)  # "Otra persona"
    assert dialog.requester_name.isEnabled() and dialog.new_contact_button.isEnabled()
    qtbot.keyClicks(dialog.requester_name, "Rosa Nueva")
    qtbot.keyClicks(dialog.requester_phone, "+5076111111")
    qtbot.mouseClick(dialog.new_contact_button, LEFT)
    qtbot.waitUntil(lambda: "Rosa Nueva" in dialog.contact_combo.currentText(), timeout=10000)
    assert dialog.selected_contact_id() is not None
    assert "usuario clave" not in dialog.contact_combo.currentText()
    client = desk.directory.client(desk.vigente_id)
    assert any(c.name == "Rosa Nueva" and c.phone == "+5076111111" for c in client.contacts)


def test_an_earlier_received_time_is_kept(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk)
    _choose_channel(dialog, Channel.WHATSAPP)
    _pick_client(qtbot, dialog, "Vigente")
    earlier = dialog.received_edit.dateTime().addSecs(-3 * 3600)
    dialog.received_edit.setDateTime(earlier)
    qtbot.keyClicks(dialog.subject_edit, "Mensaje leido tarde")
    dialog.questions.set_override(Priority.MEDIO)
    with qtbot.waitSignal(dialog.ticket_opened, timeout=10000) as opened:
        qtbot.mouseClick(dialog.open_button, LEFT)
    ticket = desk.tickets.get(opened.args[0])
    expected = dialog.received_at()
    assert expected is not None
    assert ticket.row.received_at == expected
