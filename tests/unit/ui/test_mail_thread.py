"""The ticket dialog's "Correos" tab: the thread as plain text, stored images, the original."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.intake.pipeline import IntakePipeline, Outcome
from tests.unit.ui.conftest_dialogs import Desk, desk, wait_idle
from ui.mail_thread import RawMailDialog, raw_preview
from ui.ticket_dialog import TicketDialog

__all__ = ["desk"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _png() -> bytes:
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor("#c25e00"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _html_mail_with_inline_image() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Karla Clave <clave@vigente.pa>"
    msg["To"] = "soporte@imr.com.pa"
    msg["Subject"] = "Pantalla en blanco"
    msg["Message-ID"] = "<html-1@vigente.pa>"
    msg.set_content("La pantalla queda en blanco.")
    msg.add_alternative(
        "<html><body><script>alert(1)</script><p>La pantalla <b>queda</b> en blanco.</p>"
        '<img src="https://rastreo.example/pixel.png"><img src="cid:shot1"></body></html>',
        subtype="html",
    )
    html = msg.get_payload()[1]
    html.add_related(_png(), maintype="image", subtype="png", cid="<shot1>", filename="shot.png")
    return msg.as_bytes()


def test_mail_tab_shows_the_thread_images_and_original(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    pipeline = IntakePipeline(desk.tickets.db)
    first = pipeline.process(_html_mail_with_inline_image(), source="prueba")
    assert first.outcome is Outcome.NEW and first.ticket_id is not None
    reply = (
        b"From: clave@vigente.pa\r\nTo: soporte@imr.com.pa\r\n"
        b"Subject: Re: [IMR-" + str(first.ticket_id).encode() + b"] Pantalla en blanco\r\n"
        b"Message-ID: <html-2@vigente.pa>\r\n\r\nSigue igual.\r\n"
    )
    assert pipeline.process(reply).outcome is Outcome.THREADED

    dialog = TicketDialog(desk.ctx, first.ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.mail_thread.cards) == 2, timeout=10000)
    wait_idle(qtbot, desk.ctx.runner)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.mail_thread)) == "Correos"
    opening, answer = dialog.mail_thread.cards
    assert opening.from_label.text() == "clave@vigente.pa"
    assert opening.subject_label.text() == "Pantalla en blanco"
    assert "queda en blanco" in opening.text_label.text()
    assert opening.text_label.textFormat() == Qt.TextFormat.PlainText
    assert "<script>" not in opening.text_label.text()
    assert answer.text_label.text() == "Sigue igual."
    [image] = [i for i in opening.attachment_items if i.attachment.is_image]
    qtbot.waitUntil(
        lambda: image.thumbnail.pixmap() is not None and not image.thumbnail.pixmap().isNull()
    )

    qtbot.mouseClick(opening.original_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "original_dialog", None) is not None, timeout=10000)
    raw_dialog: RawMailDialog = dialog.original_dialog
    assert "Message-ID: <html-1@vigente.pa>" in raw_dialog.text.toPlainText()
    target = tmp_path / "original.eml"
    dialog.save_original_to(raw_dialog.raw, target)
    wait_idle(qtbot, desk.ctx.runner)
    assert target.read_bytes() == raw_dialog.raw
    raw_dialog.close()


def test_raw_preview_is_plain_and_cut_short() -> None:
    text = raw_preview(b"Subject: x\r\n\r\n\x00\xff" + b"a" * 5000, limit=100)
    assert "\x00" not in text
    assert text.startswith("Subject: x")
    assert "recortado" in text
