"""Ticket detail dialog on a real SQLite database, driven by clicks and keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import LOGGABLE_KINDS, ActionKind, TicketStatus
from app.services.errors import DatabaseUnavailable
from tests.unit.ui.conftest_dialogs import Desk, desk, wait_idle
from ui.ticket_dialog import TicketDialog

__all__ = ["desk"]  # the fixture, imported explicitly
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton
# QTest's keyClicks only types ASCII here: the typed texts below are written without accents.


def _dialog(qtbot: QtBot, desk: Desk, ticket_id: int) -> TicketDialog:
    dialog = TicketDialog(desk.ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10000)
    wait_idle(qtbot, desk.ctx.runner)
    return dialog


def _choose_kind(dialog: TicketDialog, kind: ActionKind) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))


def test_header_shows_contract_key_user_priority_and_deadline(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket(priority=Priority.MUY_ALTO)
    dialog = _dialog(qtbot, desk, ticket_id)
    assert dialog.client_label.text() == "Cliente Vigente"
    assert "Contrato vigente" in dialog.contract_label.text()
    assert dialog.key_user_label.text() == "usuario clave"
    assert "Karla Clave" in dialog.requester_label.text()
    assert dialog.priority_label.text() == "Muy alto"
    assert "completamente inoperativo" in dialog.priority_meaning.text()
    assert dialog.deadline_label.text().startswith("vence ")
    assert dialog.clock_state_text() != "cumplido"
    assert dialog.review_frame.isHidden()
    assert dialog.explanation_label.isHidden()
    qtbot.mouseClick(dialog.why_button, LEFT)
    assert not dialog.explanation_label.isHidden()
    assert "Vence el primer contacto" in dialog.explanation_label.text()
    assert dialog.reply_button.isHidden()  # no mail sender on this desk
    assert dialog.timeline.cards[0].action.text.startswith("Tiquete abierto")


def test_client_without_contract_shows_review_flags(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket(requester_address="clave@vencido.pa")
    dialog = _dialog(qtbot, desk, ticket_id)
    assert dialog.contract_label.text().startswith("⚠ Sin contrato vigente")
    assert not dialog.review_frame.isHidden()
    assert "no tiene contrato" in dialog.review_label.text()


def test_clock_ticks_from_the_stored_deadline(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk, desk.open_email_ticket())
    assert dialog.clock_timer.isActive() and dialog.clock_timer.interval() == 1000
    deadline = dialog.detail.row.deadline  # type: ignore[union-attr]
    dialog.tick(now=deadline + timedelta(minutes=12, seconds=5))
    assert dialog.clock_state_text() == "vencido hace 12 min"
    assert dialog.countdown_label.text() == "+00:12:05"


def test_contact_checkbox_follows_the_kind(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk, desk.open_email_ticket())
    labels = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
    assert labels == [k.label for k in LOGGABLE_KINDS]
    for kind in LOGGABLE_KINDS:
        _choose_kind(dialog, kind)
        assert dialog.contact_check.isEnabled() is kind.can_be_contact
        assert dialog.contact_check.isChecked() is kind.contact_by_default


def test_logging_the_first_contact_turns_the_clock_met(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    _choose_kind(dialog, ActionKind.CALL_OUT)
    assert dialog.contact_check.isChecked()
    assert not dialog.log_button.isEnabled()  # nothing typed yet
    dialog.action_text.setFocus()
    qtbot.keyClicks(dialog.action_text, "Se llamo a Karla: reinstalar el controlador <b>ya</b>.")
    dialog.duration_spin.setValue(15)
    qtbot.mouseClick(dialog.log_button, LEFT)
    qtbot.waitUntil(lambda: dialog.countdown_label.text() == "✔ cumplido", timeout=10000)
    assert dialog.clock_state_label.isHidden()
    row = desk.tickets.get(ticket_id).row
    assert row.first_contact_at is not None
    assert row.status is TicketStatus.IN_PROGRESS
    assert dialog.action_text.toPlainText() == ""  # the form is cleared once saved
    assert dialog.pending_log_uid is None
    card = dialog.timeline.cards[-1]
    assert card.action.kind is ActionKind.CALL_OUT and card.action.is_contact
    assert card.action.duration_minutes == 15
    # User text is shown as typed, never as markup.
    assert card.text_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>ya</b>" in card.text_label.text()


def test_a_retried_log_never_saves_twice(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    _choose_kind(dialog, ActionKind.NOTE)
    qtbot.keyClicks(dialog.action_text, "Revisar licencia")
    # The first attempt reached the database but its answer was lost: the form still holds
    # the same uid when the technician presses the button again.
    dialog._log_uid = "f" * 32
    desk.tickets.log_action(ticket_id, "ana", ActionKind.NOTE, "Revisar licencia", uid="f" * 32)
    qtbot.mouseClick(dialog.log_button, LEFT)
    qtbot.waitUntil(lambda: dialog.action_text.toPlainText() == "", timeout=10000)
    notes = [a for a in desk.tickets.get(ticket_id).actions if a.kind is ActionKind.NOTE]
    assert len(notes) == 1


def test_resolve_requires_the_solution_text(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.resolve_button.isEnabled()
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.keyClicks(dialog.solution_text, "   ")
    assert not dialog.resolve_button.isEnabled()
    wait_idle(qtbot, desk.ctx.runner)
    assert desk.tickets.get(ticket_id).row.status is TicketStatus.NEW
    qtbot.keyClicks(dialog.solution_text, "Se reinstalo el servicio de impresion.")
    assert dialog.resolve_button.isEnabled()
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Resuelto", timeout=10000)
    detail = desk.tickets.get(ticket_id)
    assert detail.solution == "Se reinstalo el servicio de impresion."
    # Resolved: close is allowed now, and reopening needs a reason.
    assert dialog.close_ticket_button.isEnabled()
    dialog.tabs.setCurrentIndex(3)
    assert not dialog.reopen_button.isEnabled()
    qtbot.keyClicks(dialog.reopen_reason, "El cliente reporta que volvio a fallar")
    qtbot.mouseClick(dialog.reopen_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "En proceso", timeout=10000)


def test_conflict_names_the_other_technician_and_keeps_the_text(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    qtbot.keyClicks(dialog.action_text, "Texto a medio escribir")
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.solution_text, "Solucion propuesta")
    desk.tickets.claim(ticket_id, "beto")  # another desk, behind this dialog's back
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.banner.isHidden(), timeout=10000)
    assert "Beto Jaén" in dialog.banner.text()
    assert dialog.banner.button.text() == "Recargar"
    assert dialog.action_text.toPlainText() == "Texto a medio escribir"
    assert dialog.solution_text.toPlainText() == "Solucion propuesta"
    assert desk.tickets.get(ticket_id).row.status is not TicketStatus.RESOLVED

    qtbot.mouseClick(dialog.banner.button, LEFT)
    qtbot.waitUntil(lambda: dialog.assignee_label.text() == "Beto Jaén", timeout=10000)
    assert dialog.banner.isHidden()
    assert dialog.action_text.toPlainText() == "Texto a medio escribir"
    assert dialog.solution_text.toPlainText() == "Solucion propuesta"
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Resuelto", timeout=10000)


def test_claim_release_waiting_and_reprioritise(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket(priority=Priority.MEDIO)
    dialog = _dialog(qtbot, desk, ticket_id)
    assert dialog.claim_button.isEnabled() and not dialog.release_button.isEnabled()
    qtbot.mouseClick(dialog.claim_button, LEFT)
    qtbot.waitUntil(lambda: dialog.assignee_label.text() == "Ana Ríos", timeout=10000)
    assert dialog.release_button.isEnabled() and not dialog.claim_button.isEnabled()
    qtbot.mouseClick(dialog.waiting_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "En espera del cliente", timeout=10000)
    dialog.tabs.setCurrentIndex(2)
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData(int(Priority.ALTO)))
    assert not dialog.reprioritise_button.isEnabled()  # the reason is required
    qtbot.keyClicks(dialog.priority_reason, "Afecta la facturacion del dia")
    qtbot.mouseClick(dialog.reprioritise_button, LEFT)
    qtbot.waitUntil(lambda: dialog.priority_label.text() == "Alto", timeout=10000)
    assert dialog.priority_reason.text() == ""
    qtbot.mouseClick(dialog.release_button, LEFT)
    qtbot.waitUntil(lambda: dialog.assignee_label.text() == "sin asignar", timeout=10000)


def test_pasted_screenshot_becomes_a_png_attachment(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    QGuiApplication.clipboard().setImage(image)
    dialog.action_text.setFocus()
    qtbot.keyClick(dialog.action_text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pending = dialog.pending_attachments()
    assert len(pending) == 1
    assert pending[0].content_type == "image/png" and pending[0].data.startswith(b"\x89PNG")
    assert dialog.log_button.isEnabled()  # an attachment alone is enough to log
    _choose_kind(dialog, ActionKind.DIAGNOSIS)
    qtbot.mouseClick(dialog.log_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.pending_attachments(), timeout=10000)
    items = dialog.timeline.cards[-1].attachment_items
    assert len(items) == 1 and items[0].attachment.is_image
    qtbot.waitUntil(
        lambda: (
            items[0].thumbnail.pixmap() is not None and not items[0].thumbnail.pixmap().isNull()
        ),
        timeout=10000,
    )
    target = tmp_path / "copia.png"
    dialog.save_attachment_to(items[0].attachment, target)
    qtbot.waitUntil(target.exists, timeout=10000)
    wait_idle(qtbot, desk.ctx.runner)
    assert target.read_bytes() == pending[0].data


def test_merge_a_duplicate_into_the_original(qtbot: QtBot, desk: Desk) -> None:
    original = desk.open_email_ticket("Impresora fiscal sin papel")
    duplicate = desk.open_email_ticket("Impresora fiscal no imprime", channel=Channel.PHONE)
    dialog = _dialog(qtbot, desk, duplicate)
    dialog.tabs.setCurrentIndex(3)
    qtbot.keyClicks(dialog.merge_target, f"IMR-{original}")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    qtbot.waitUntil(
        lambda: f"fusionado en IMR-{original}" in dialog.status_label.text(), timeout=10000
    )
    merged = desk.tickets.get(original)
    assert any(a.kind is ActionKind.MERGE for a in merged.actions)
    assert not dialog.log_button.isEnabled()


def test_invalid_input_from_the_service_is_shown_and_the_form_kept(
    qtbot: QtBot, desk: Desk
) -> None:
    dialog = _dialog(qtbot, desk, desk.open_email_ticket())
    dialog.tabs.setCurrentIndex(3)
    qtbot.keyClicks(dialog.merge_target, "no es un numero")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    assert "IMR-<n>" in dialog.banner.text()
    assert dialog.merge_target.text() == "no es un numero"
    dialog.merge_target.clear()
    qtbot.keyClicks(dialog.merge_target, f"IMR-{dialog.ticket_id}")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    qtbot.waitUntil(lambda: "consigo mismo" in dialog.banner.text(), timeout=10000)
    assert dialog.merge_target.text() == f"IMR-{dialog.ticket_id}"


def test_reply_by_mail_button_appears_with_a_mail_sender(qtbot: QtBot, desk: Desk) -> None:
    calls: list[int] = []

    class Sender:
        def open_reply(self, parent: object, detail: object) -> None:
            calls.append(detail.id)  # type: ignore[attr-defined]

    desk.ctx.mail_sender = Sender()  # type: ignore[attr-defined]
    dialog = _dialog(qtbot, desk, desk.open_email_ticket())
    assert not dialog.reply_button.isHidden()
    qtbot.mouseClick(dialog.reply_button, LEFT)
    assert calls == [dialog.ticket_id]


def test_received_time_is_shown_in_panama(qtbot: QtBot, desk: Desk) -> None:
    received = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # vie 27 nov, 15:00 in Panamá
    dialog = _dialog(qtbot, desk, desk.open_email_ticket(received_at=received))
    assert "vie 27 nov 2026, 15:00" in dialog.received_label.text()


def test_lost_database_keeps_the_form_and_the_uid(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = _dialog(qtbot, desk, ticket_id)
    real_log = desk.tickets.log_action

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise DatabaseUnavailable("No se pudo conectar con la base de datos (prueba).")

    monkeypatch.setattr(desk.tickets, "log_action", unreachable)
    qtbot.keyClicks(dialog.action_text, "Llamada con la usuaria")
    qtbot.mouseClick(dialog.log_button, LEFT)
    qtbot.waitUntil(lambda: "No se pudo conectar" in dialog.banner.text(), timeout=10000)
    assert "Lo escrito se conserva" in dialog.banner.text()
    assert dialog.action_text.toPlainText() == "Llamada con la usuaria"
    uid = dialog.pending_log_uid
    assert uid is not None
    monkeypatch.setattr(desk.tickets, "log_action", real_log)
    qtbot.mouseClick(dialog.log_button, LEFT)  # the retry carries the same uid
    qtbot.waitUntil(lambda: dialog.action_text.toPlainText() == "", timeout=10000)
    assert any(a.uid == uid for a in desk.tickets.get(ticket_id).actions)


def test_closing_before_the_answer_arrives_is_harmless(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.open_email_ticket()
    dialog = TicketDialog(desk.ctx, ticket_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    with qtbot.waitSignal(dialog.destroyed, timeout=10000):
        dialog.close()
    wait_idle(qtbot, desk.ctx.runner)  # the late load lands on a deleted dialog: ignored
    assert desk.ctx.runner.pending == 0
