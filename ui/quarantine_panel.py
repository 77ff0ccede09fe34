"""Mail quarantine for supervisors: what the intake could not read, shown safely, made a ticket."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.domain.priorities import Priority
from app.services.errors import ServiceError
from app.services.mail_intake import MailIntakeService, QuarantineView
from ui import i18n
from ui.context import AppContext
from ui.mail_thread import raw_preview
from ui.service_errors import error_text
from ui.timeline import human_size
from ui.widgets.banner import Banner
from ui.widgets.guard import while_alive

SUPERVISOR_ROLES = ("supervisor", "admin")
COLUMNS = (
    QT_TRANSLATE_NOOP("QuarantinePanel", "Recibido"),
    QT_TRANSLATE_NOOP("QuarantinePanel", "Motivo"),
    QT_TRANSLATE_NOOP("QuarantinePanel", "Remitente"),
    QT_TRANSLATE_NOOP("QuarantinePanel", "Asunto"),
    QT_TRANSLATE_NOOP("QuarantinePanel", "Tamaño"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuarantinePanel", text)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    return item


class QuarantinePanel(QWidget):
    """The list of quarantined mails, the selected one as plain text, and "Convertir en tiquete"."""

    ticket_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarantinePanel")
        self.setWindowTitle(_tr("Cuarentena de correo"))
        self.ctx = ctx
        self.service = MailIntakeService(ctx.tickets.db, ctx.tickets)
        self.rows: list[QuarantineView] = []
        self.banner = Banner(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(_tr("La cuarentena de correo está vacía."), self)
        self.empty_label.setStyleSheet("color: #5f6b7a;")
        self.raw_text = QPlainTextEdit(self)
        self.raw_text.setObjectName("quarantineRaw")
        self.raw_text.setReadOnly(True)
        self.raw_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw_text.setPlaceholderText(_tr("Seleccione un correo para ver su texto original."))
        self.subject = QLineEdit(self)
        self.subject.setObjectName("quarantineSubject")
        self.priority = QComboBox(self)
        for level in Priority:
            self.priority.addItem(i18n.label(level), int(level))
        self.priority.setCurrentIndex(self.priority.findData(int(Priority.MEDIO)))
        self.requester = QLineEdit(self)
        self.requester.setPlaceholderText(_tr("correo del solicitante (opcional)"))
        self.convert_button = QPushButton(_tr("Convertir en tiquete"), self)
        self.convert_button.setObjectName("quarantineConvert")
        self.convert_button.setEnabled(False)
        self.convert_button.clicked.connect(self.convert_selected)
        self.refresh_button = QPushButton(_tr("Actualizar"), self)
        self.refresh_button.clicked.connect(self.refresh)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)
        right = QWidget(self)
        form = QFormLayout()
        form.addRow(_tr("Asunto"), self.subject)
        form.addRow(_tr("Prioridad"), self.priority)
        form.addRow(_tr("Solicitante"), self.requester)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(_tr("Texto original (sin interpretar)")))
        right_layout.addWidget(self.raw_text, 1)
        right_layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.convert_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.resize(1100, 640)

    # ------------------------------------------------------------------ jobs
    def _run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
    ) -> None:
        self.ctx.runner.run(fn, while_alive(self, on_success), while_alive(self, self._failed))

    def _failed(self, error: BaseException) -> None:
        message = error_text(error) if isinstance(error, ServiceError) else str(error)
        self.banner.show_message(message, "error")

    # ------------------------------------------------------------------ list
    def refresh(self) -> None:
        service = self.service
        self._run(lambda: service.list_quarantine(headers=True), self._show_rows)

    def _show_rows(self, rows: list[QuarantineView]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (
                format_datetime(row.received_at),
                row.reason,
                row.from_addr or _tr("(ilegible)"),
                row.subject or _tr("(ilegible)"),
                human_size(row.size),
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, _item(value))
        self.table.resizeColumnToContents(0)
        self.empty_label.setVisible(not rows)
        self.raw_text.clear()
        self.convert_button.setEnabled(False)

    def selected(self) -> QuarantineView | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = indexes[0].row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.convert_button.setEnabled(row is not None)
        if row is None:
            return
        self.subject.setText(row.subject or _tr("Correo en cuarentena n.º {0}").format(row.id))
        service, actor, chosen = self.service, self.ctx.actor, row.id

        def shown(raw: bytes) -> None:
            current = self.selected()
            if current is not None and current.id == chosen:
                self.raw_text.setPlainText(raw_preview(raw))

        self._run(lambda: service.quarantine_raw(chosen, actor), shown)

    # ------------------------------------------------------------------ convert
    def convert_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        subject = self.subject.text().strip()
        if not subject:
            self.banner.show_message(_tr("Indique el asunto del tiquete."), "error")
            return
        service, actor = self.service, self.ctx.actor
        priority = Priority(int(self.priority.currentData()))
        requester = self.requester.text().strip()
        self.convert_button.setEnabled(False)

        def done(ticket_id: int) -> None:
            self.banner.show_message(
                _tr("Se creó el tiquete IMR-{0} con el correo original adjunto.").format(ticket_id),
                "success",
            )
            self.ticket_created.emit(ticket_id)
            self.refresh()

        self._run(
            lambda: service.ticket_from_quarantine(
                row.id, actor, subject=subject, priority=priority, requester_address=requester
            ),
            done,
        )


def open_quarantine_panel(ctx: AppContext, parent: QWidget | None = None) -> QuarantinePanel:
    """The panel as its own window, for the main window's "Cuarentena de correo" action."""
    panel = QuarantinePanel(ctx, parent)
    panel.setWindowFlag(Qt.WindowType.Window, True)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.show()
    panel.refresh()
    return panel
