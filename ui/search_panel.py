"""Search over every ticket (closed ones too) and the client view: contract, contacts, history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.snapshots import ClientView, QueueRow
from ui.context import AppContext
from ui.queue_model import ROW_ROLE, Column, QueueModel, TimerFactory, default_timer_factory
from ui.service_errors import error_text


def ticket_table(model: QueueModel, parent: QWidget, columns: tuple[Column, ...]) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    for col in Column:
        view.setColumnHidden(col, col not in columns)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class SearchPanel(QWidget):
    """Number, client, contact, subject or text; double-click opens the ticket."""

    ticket_requested = Signal(int)
    client_requested = Signal(int)  # a ticket id: its client is shown

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        timer_factory: TimerFactory = default_timer_factory,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = QLineEdit(self)
        self.query.setObjectName("globalSearch")
        self.query.setPlaceholderText(self.tr("Número, cliente, contacto, asunto o texto…"))
        self.query.setClearButtonEnabled(True)
        self.button = QPushButton(self.tr("Buscar"), self)
        self.status = QLabel(self.tr("Busque en todos los tiquetes, también los cerrados."), self)
        self.status.setWordWrap(True)
        self.model = QueueModel(self, only_open=False, timer_factory=timer_factory)
        self.view = ticket_table(
            self.model, self, (Column.NUMBER, Column.CLIENT, Column.SUBJECT, Column.STATUS)
        )
        self.view.setColumnWidth(Column.NUMBER, 80)
        self.view.setColumnWidth(Column.CLIENT, 150)
        self.view.setColumnWidth(Column.SUBJECT, 200)
        self.client_button = QPushButton(self.tr("Ver cliente"), self)
        self.client_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.client_button, 0, Qt.AlignmentFlag.AlignRight)

        self.query.returnPressed.connect(self.search)
        self.button.clicked.connect(self.search)
        self.view.doubleClicked.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(self._selection)
        self.client_button.clicked.connect(self._client)

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.status.setText(self.tr("Escriba qué buscar."))
            return
        self.status.setText(self.tr("Buscando…"))
        self.ctx.runner.run(lambda: self.ctx.tickets.search(text), self._found, self._failed)

    def _found(self, rows: list[QueueRow]) -> None:
        self.model.replace_all(rows)
        if rows:
            self.status.setText(self.tr("{0} tiquetes encontrados.").format(len(rows)))
        else:
            self.status.setText(self.tr("Ningún tiquete coincide."))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("No se pudo buscar: {0}").format(error_text(error)))

    def selected(self) -> QueueRow | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selection(self) -> None:
        self.client_button.setEnabled(self.selected() is not None)

    def _open(self) -> None:
        row = self.selected()
        if row is not None:
            self.ticket_requested.emit(row.id)

    def _client(self) -> None:
        row = self.selected()
        if row is not None:
            self.client_requested.emit(row.id)


class ClientPanel(QWidget):
    """A client's contract state, contacts and ticket history."""

    ticket_requested = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        timer_factory: TimerFactory = default_timer_factory,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client: ClientView | None = None
        self.title = QLabel(self.tr("Ningún cliente seleccionado"), self)
        self.title.setObjectName("panelTitle")
        self.contract = QLabel("", self)
        self.contract.setWordWrap(True)
        self.contracts = QLabel("", self)
        self.contracts.setWordWrap(True)
        self.contacts = QTreeWidget(self)
        self.contacts.setRootIsDecorated(False)
        self.contacts.setHeaderLabels(
            [self.tr("Contacto"), self.tr("Usuario clave"), self.tr("Correo"), self.tr("Teléfono")]
        )
        self.history = QueueModel(self, only_open=False, timer_factory=timer_factory)
        self.view = ticket_table(
            self.history,
            self,
            (Column.TIME_LEFT, Column.NUMBER, Column.SUBJECT, Column.STATUS, Column.AGE),
        )
        self.view.setColumnWidth(Column.TIME_LEFT, 150)
        self.view.setColumnWidth(Column.NUMBER, 80)
        self.view.setColumnWidth(Column.SUBJECT, 180)
        self.view.doubleClicked.connect(self._open)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.contacts)
        split.addWidget(self.view)
        split.setSizes([120, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.contract)
        layout.addWidget(self.contracts)
        layout.addWidget(QLabel(self.tr("Contactos e historial de tiquetes"), self))
        layout.addWidget(split, 1)

    def show_for_ticket(self, ticket_id: int) -> None:
        """Load the client of a ticket (its detail names the client) and its history."""
        self.title.setText(self.tr("Cargando…"))

        def load() -> tuple[ClientView | None, list[QueueRow]]:
            detail = self.ctx.tickets.get(ticket_id)
            if detail.client is None:
                return None, []
            client = self.ctx.directory.client(detail.client.id)
            return client, self.ctx.tickets.client_tickets(client.id)

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.title.setText(self.tr("No se pudo cargar el cliente: {0}").format(error_text(error)))

    def _loaded(self, result: tuple[ClientView | None, list[QueueRow]]) -> None:
        client, rows = result
        self.client = client
        self.contacts.clear()
        if client is None:
            self.title.setText(self.tr("Tiquete sin cliente registrado"))
            self.contract.setText("")
            self.contracts.setText("")
            self.history.replace_all([])
            return
        self.title.setText(client.name)
        if client.contract_in_force is not None:
            c = client.contract_in_force
            self.contract.setObjectName("contractOk")
            self.contract.setText(
                self.tr("✔ Contrato vigente {0} — del {1:%d/%m/%Y} al {2:%d/%m/%Y}").format(
                    c.number, c.starts_on, c.ends_on
                )
            )
        else:
            self.contract.setObjectName("contractMissing")
            self.contract.setText(self.tr("✖ Sin contrato vigente"))
        self.contract.style().unpolish(self.contract)
        self.contract.style().polish(self.contract)
        today = date.today()
        lines = []
        for c in client.contracts:
            state = self.tr("vigente") if c.in_force_on(today) else self.tr("vencido")
            lines.append(f"{c.number}: {c.starts_on:%d/%m/%Y} – {c.ends_on:%d/%m/%Y} ({state})")
        self.contracts.setText("\n".join(lines))
        for contact in client.contacts:
            QTreeWidgetItem(
                self.contacts,
                [
                    contact.name,
                    self.tr("sí") if contact.is_key_user else "",
                    contact.email or "",
                    contact.phone or contact.whatsapp or "",
                ],
            )
        self.history.replace_all(rows)

    def _open(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.ticket_requested.emit(rows[0].data(ROW_ROLE).id)
