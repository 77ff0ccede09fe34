"""A ticket's history as cards: who, when, what kind, the text, contact badge, attachments."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.domain.tickets import ActionKind
from app.services.snapshots import ActionView, AttachmentView
from ui import i18n
from ui.widgets.attachment_previews import AttachmentPreviews

THUMBNAIL_SIZE = 160

# Kinds the services write on their own: shown quieter than the technicians' own entries.
SYSTEM_KINDS = frozenset(
    {
        ActionKind.STATUS_CHANGE,
        ActionKind.ASSIGNMENT,
        ActionKind.REPRIORITISED,
        ActionKind.MERGE,
        ActionKind.ACKNOWLEDGMENT,
    }
)

_KIND_COLOURS = {
    ActionKind.CALL_OUT: "#1f5f9e",
    ActionKind.CALL_IN: "#1f5f9e",
    ActionKind.CALL_ATTEMPT: "#8a6d00",
    ActionKind.EMAIL_OUT: "#5b3f9e",
    ActionKind.EMAIL_IN: "#5b3f9e",
    ActionKind.WHATSAPP: "#1b7f3b",
    ActionKind.REMOTE_SESSION: "#00707a",
    ActionKind.VISIT: "#00707a",
    ActionKind.NOTE: "#5f6b7a",
    ActionKind.DIAGNOSIS: "#7a3e00",
    ActionKind.RESOLUTION: "#2e7d32",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def plain_label(text: str, *, object_name: str = "", selectable: bool = True) -> QLabel:
    """A label that never interprets what a user typed as rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class AttachmentItem(QFrame):
    """One attachment: a thumbnail for images (loaded on demand), name, size, "Guardar como…"."""

    save_requested = Signal(object)  # AttachmentView

    def __init__(self, attachment: AttachmentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachmentItem")
        self.setStyleSheet(
            "#attachmentItem { background: #fafbfc; border: 1px solid #dde3ea;"
            " border-radius: 4px; }"
        )
        self.thumbnail = QLabel()
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setVisible(attachment.is_image)
        if attachment.is_image:
            self.thumbnail.setFixedSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE * 3 // 4)
            self.thumbnail.setStyleSheet("background: #eef1f5; color: #8090a0;")
            self.thumbnail.setText(_tr("cargando vista previa…"))
        name = attachment.filename + f"  ·  {human_size(attachment.size)}"
        if attachment.withheld:
            name += "  ·  " + (attachment.note or _tr("retenido"))
        self.name_label = plain_label(name)
        self.save_button = QPushButton(_tr("Guardar como…"))
        self.save_button.setObjectName("saveAttachment")
        self.save_button.setEnabled(not attachment.withheld)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.attachment))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.thumbnail)
        side = QVBoxLayout()
        side.addWidget(self.name_label)
        side.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        layout.addLayout(side, 1)

    def set_image(self, data: bytes) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.thumbnail.setText(_tr("sin vista previa"))
            return
        self.thumbnail.setStyleSheet("background: #eef1f5;")
        self.thumbnail.setPixmap(
            pixmap.scaled(
                self.thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


def action_text(action: ActionView) -> str:
    """What the entry says: the system's own entries in the console's language, what people
    wrote exactly as they wrote it."""
    if i18n.current() == "en" and action.text_en:
        return action.text_en
    return action.text


class ActionCard(QFrame):
    def __init__(self, action: ActionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setObjectName("actionCard")
        system = action.kind in SYSTEM_KINDS
        accent = _KIND_COLOURS.get(action.kind, "#9aa5b1")
        background = "#f7f8fa" if system else "#ffffff"
        self.setStyleSheet(
            f"#actionCard {{ background: {background}; border: 1px solid #dde3ea;"
            f" border-left: 4px solid {accent}; border-radius: 4px; }}"
        )
        header = QHBoxLayout()
        kind = QLabel(i18n.label(action.kind))
        kind.setStyleSheet(f"color: {accent}; font-weight: 700;")
        header.addWidget(kind)
        if action.is_contact:
            badge = QLabel(_tr("contacto con el solicitante"))
            badge.setObjectName("contactBadge")
            badge.setStyleSheet(
                "background: #e3f3e6; color: #1b5e20; border-radius: 8px; padding: 1px 8px;"
                " font-size: 11px; font-weight: 600;"
            )
            badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            header.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        if action.duration_minutes:
            duration = QLabel(_tr("{0} min").format(action.duration_minutes))
            duration.setStyleSheet("color: #5f6b7a;")
            duration.setToolTip(_tr("Duración"))
            header.addWidget(duration)
        author = action.author_name if action.author_login else _tr("Sistema")
        who = plain_label(
            f"{author} · {format_datetime(action.occurred_at, with_year=False)}",
            selectable=False,
        )
        who.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        who.setStyleSheet("color: #5f6b7a;")
        header.addWidget(who, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        text = action_text(action)
        if text.strip():
            self.text_label = plain_label(text, object_name="actionText")
            if system:
                self.text_label.setStyleSheet("color: #44505c;")
            layout.addWidget(self.text_label)
        self.attachment_items: list[AttachmentItem] = []
        for attachment in action.attachments:
            item = AttachmentItem(attachment)
            self.attachment_items.append(item)
            layout.addWidget(item)


class Timeline(QScrollArea):
    """Every action of a ticket, oldest first; images are fetched through ``fetch``."""

    save_requested = Signal(object)  # AttachmentView

    def __init__(
        self,
        fetch: Callable[[int, Callable[[bytes], None]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._previews = AttachmentPreviews(fetch)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("#timelineBody { background: #ffffff; }")
        self._body = QWidget()
        self._body.setObjectName("timelineBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(2, 2, 8, 2)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self.cards: list[ActionCard] = []
        self._stick_to_end = True
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

    def set_actions(self, actions: Sequence[ActionView]) -> None:
        at_bottom = not self.cards or self._is_scrolled_to_bottom()
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for action in sorted(actions, key=lambda a: (a.occurred_at, a.id)):
            card = ActionCard(action)
            self._previews.wire(card.attachment_items, self.save_requested)
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
        self._stick_to_end = at_bottom

    def _is_scrolled_to_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        # After a reload the newest action stays in view unless the reader had scrolled up.
        if self._stick_to_end:
            self.verticalScrollBar().setValue(maximum)
            self._stick_to_end = False


def ask_save_path(parent: QWidget, filename: str) -> Path | None:
    """The "Guardar como…" file chooser, starting in the home folder with the original name."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Guardar adjunto como"), str(Path.home() / filename)
    )
    return Path(path) if path else None
