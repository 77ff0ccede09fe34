"""The mail thread of a ticket: each mail as plain text, its images and files, the original."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.services.mail_intake import MailView
from app.services.snapshots import ActionView, AttachmentView
from ui.timeline import AttachmentItem, human_size, plain_label
from ui.widgets.attachment_previews import AttachmentPreviews

RAW_PREVIEW_LIMIT = 256 * 1024  # characters of an original shown on screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("MailThread", text)


def raw_preview(raw: bytes, limit: int = RAW_PREVIEW_LIMIT) -> str:
    """Raw mail bytes as safe plain text: undecodable bytes replaced, NULs removed, cut short."""
    text = raw[: limit * 4].decode("utf-8", "replace").replace("\x00", "")
    if len(text) > limit or len(raw) > limit * 4:
        text = (
            text[:limit] + "\n\n" + _tr("[… recortado: {0} en total]").format(human_size(len(raw)))
        )
    return text


class MailCard(QFrame):
    """One mail: direction, sender, date, subject, its text, attachments, "Ver original"."""

    original_requested = Signal(object)  # MailView

    def __init__(
        self, mail: MailView, attachments: Sequence[AttachmentView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.mail = mail
        inbound = mail.direction == "in"
        accent = "#1f5f9e" if inbound else "#2e6b34"
        self.setObjectName("mailCard")
        self.setStyleSheet(
            f"#mailCard {{ background: #ffffff; border: 1px solid #dde3ea;"
            f" border-left: 4px solid {accent}; border-radius: 4px; }}"
        )
        header = QHBoxLayout()
        direction = QLabel(_tr("Recibido") if inbound else _tr("Enviado"))
        direction.setStyleSheet(f"color: {accent}; font-weight: 700;")
        header.addWidget(direction)
        self.from_label = plain_label(
            mail.from_addr or _tr("(sin remitente)"), object_name="mailFrom"
        )
        header.addWidget(self.from_label, 1)
        when = plain_label(format_datetime(mail.at), selectable=False)
        when.setStyleSheet("color: #5f6b7a;")
        header.addWidget(when)
        self.original_button = QPushButton(_tr("Ver original"))
        self.original_button.setObjectName("mailOriginal")
        self.original_button.clicked.connect(lambda: self.original_requested.emit(self.mail))
        header.addWidget(self.original_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.subject_label = plain_label(
            mail.subject or _tr("(sin asunto)"), object_name="mailSubject"
        )
        self.subject_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.subject_label)
        if not inbound and mail.to_addr:
            layout.addWidget(plain_label(_tr("Para: {0}").format(mail.to_addr)))
        self.text_label = plain_label(mail.text.strip(), object_name="mailText")
        self.text_label.setVisible(bool(mail.text.strip()))
        layout.addWidget(self.text_label)
        self.attachment_items: list[AttachmentItem] = []
        for attachment in attachments:
            item = AttachmentItem(attachment)
            self.attachment_items.append(item)
            layout.addWidget(item)


class MailThreadView(QScrollArea):
    """A ticket's mails, oldest first; image previews come from stored attachments only."""

    save_requested = Signal(object)  # AttachmentView
    original_requested = Signal(object)  # MailView

    def __init__(
        self,
        fetch: Callable[[int, Callable[[bytes], None]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._previews = AttachmentPreviews(fetch)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(4, 4, 8, 4)
        self._layout.setSpacing(6)
        self.empty_label = QLabel(_tr("Este tiquete no tiene correos."))
        self.empty_label.setStyleSheet("color: #5f6b7a;")
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.cards: list[MailCard] = []

    def set_mails(self, mails: Sequence[MailView], actions: Sequence[ActionView]) -> None:
        by_action = {a.id: a.attachments for a in actions}
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for mail in mails:
            card = MailCard(mail, by_action.get(mail.action_id, ()) if mail.action_id else ())
            card.original_requested.connect(self.original_requested)
            self._previews.wire(card.attachment_items, self.save_requested)
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
        self.empty_label.setVisible(not self.cards)


class RawMailDialog(QDialog):
    """The original bytes of a mail as plain text (never rendered), with "Guardar .eml…"."""

    save_requested = Signal()

    def __init__(self, title: str, raw: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawMailDialog")
        self.setWindowTitle(title)
        self.raw = raw
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(raw_preview(raw))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Cerrar"))
        self.save_button = buttons.addButton(
            _tr("Guardar .eml…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 620)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
