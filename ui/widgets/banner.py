"""A message strip across the top of a dialog: a conflict, an error, a warning, with one action."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_STYLES = {
    "error": ("#fdecea", "#c62828", "#7f1d1d"),
    "warning": ("#fff4e0", "#d08a1a", "#6b4100"),
    "info": ("#e8f1fb", "#3f6fb0", "#1d3b63"),
    "success": ("#e8f5ea", "#2e7d32", "#1b4d1f"),
}


class Banner(QFrame):
    """Hidden until ``show_message``; the button (e.g. "Recargar") emits ``action_clicked``."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setObjectName("bannerText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setObjectName("bannerAction")
        self.button.clicked.connect(self.action_clicked)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.setToolTip(self.tr("Ocultar"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error", action: str | None = None) -> None:
        background, border, foreground = _STYLES[kind]
        self.kind = kind
        self.setStyleSheet(
            f"#banner {{ background: {background}; border: 1px solid {border};"
            f" border-left: 5px solid {border}; border-radius: 4px; }}"
            f" #bannerText {{ color: {foreground}; font-weight: 600; }}"
        )
        self.label.setText(text)
        self.button.setVisible(action is not None)
        if action is not None:
            self.button.setText(action)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()
