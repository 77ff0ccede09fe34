"""The directory window: clients with contracts and contacts, products, technicians, alerts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.contacts import format_phone
from app.services.directory import (
    EDITOR_ROLES,
    EXPIRY_WINDOW_DAYS,
    ClientWithoutKeyUser,
    ContactDetail,
    ContractDetail,
    ExpiringContract,
    ProductView,
)
from app.services.errors import ServiceError
from app.services.snapshots import ClientView, TechnicianView
from ui.context import AppContext
from ui.directory.dialogs import (
    ClientDialog,
    ContactDialog,
    ContractDialog,
    ProductDialog,
    TechnicianDialog,
    _qdate,
    role_text,
)
from ui.directory.import_dialog import ExportDialog, ImportDialog
from ui.directory.table import Column, SearchableTable
from ui.service_errors import error_text
from ui.widgets.banner import Banner


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectoryWindow", text)


def _yes(value: bool) -> str:
    return _tr("Sí") if value else "—"


def state_text(contract: ContractDetail, day: date) -> str:
    """``ContractDetail.state_label`` in the console's language."""
    if day < contract.starts_on:
        return _tr("Inicia el {0}").format(_d(contract.starts_on))
    if day > contract.ends_on:
        return _tr("Vencido")
    left = (contract.ends_on - day).days
    if left <= EXPIRY_WINDOW_DAYS:
        if left == 0:
            return _tr("Vigente — vence hoy")
        return _tr("Vigente — vence en {0} días").format(left)
    return _tr("Vigente")


def _state_colour(contract: ContractDetail) -> str | None:
    day = date.today()
    if day < contract.starts_on:
        return None
    if day > contract.ends_on:
        return "#c62828"
    return "#b26a00" if (contract.ends_on - day).days <= EXPIRY_WINDOW_DAYS else "#1b7f3b"


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


@dataclass
class DirectoryData:
    clients: list[ClientView] = field(default_factory=list)
    contracts: list[ContractDetail] = field(default_factory=list)
    contacts: list[ContactDetail] = field(default_factory=list)
    products: list[ProductView] = field(default_factory=list)
    technicians: list[TechnicianView] = field(default_factory=list)
    expiring: list[ExpiringContract] = field(default_factory=list)
    without_key_user: list[ClientWithoutKeyUser] = field(default_factory=list)


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setStyleSheet("font-weight: 600; font-size: 11pt; margin-top: 6px;")
    return label


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class DirectoryWindow(QDialog):
    """Supervisors and administrators edit; technicians read."""

    loaded = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.technician.role in EDITOR_ROLES
        self.data = DirectoryData()
        self.dialog: QDialog | None = None
        self.setObjectName("directoryWindow")
        self.setWindowTitle(_tr("Directorio — clientes, contratos, contactos, productos"))
        self.resize(1280, 760)
        self.banner = Banner(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_clients(), _tr("&Clientes y contratos"))
        self.tabs.addTab(self._build_products(), _tr("&Productos"))
        self.tabs.addTab(self._build_technicians(), _tr("&Representantes técnicos"))
        if self.can_edit:
            self.tabs.addTab(self._build_alerts(), _tr("&Avisos"))
        self.mode = QLabel(
            _tr("Puede editar el directorio.")
            if self.can_edit
            else _tr("Solo lectura: los supervisores y administradores editan el directorio.")
        )
        self.mode.setStyleSheet("color: #555;")
        self.import_button = self._button(_tr("Importar CSV…"), self.import_csv)
        self.export_button = self._button(_tr("Exportar CSV…"), self.export_csv)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mode, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        for button in self._edit_buttons:
            button.setVisible(self.can_edit)
        self.reload()

    # ----------------------------------------------------------------- tabs
    def _build_clients(self) -> QWidget:
        self._edit_buttons: list[QPushButton] = []
        page = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        self.clients = SearchableTable(
            [
                Column(_tr("Cliente"), lambda c: c.name, stretch=True),
                Column(_tr("RUC"), lambda c: c.tax_id or ""),
                Column(
                    _tr("Contrato"),
                    lambda c: self._contract_cell(c),
                    colour=lambda c: None if c.contract_in_force else "#c62828",
                ),
                Column(
                    _tr("Abiertos"), lambda c: str(c.open_tickets), sort=lambda c: c.open_tickets
                ),
            ],
            _tr("Buscar cliente, RUC o contrato…  (Ctrl+F)"),
            left,
        )
        self.clients.selection_changed.connect(lambda _c: self._show_client())
        self.new_client_button = self._button(
            _tr("Nuevo cliente…"), self.new_client, "Ctrl+Shift+N"
        )
        left_layout.addWidget(self.clients, 1)
        left_layout.addLayout(_buttons(self.new_client_button))

        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        self.client_title = QLabel(_tr("Seleccione un cliente"))
        self.client_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.client_info = QLabel("")
        self.client_info.setWordWrap(True)
        self.client_info.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_client_button = self._button(_tr("Editar cliente…"), self.edit_client)
        self.contracts = SearchableTable(
            [
                Column(_tr("Número"), lambda c: c.number),
                Column(_tr("Inicio"), lambda c: _d(c.starts_on), sort=lambda c: c.starts_on),
                Column(_tr("Fin"), lambda c: _d(c.ends_on), sort=lambda c: c.ends_on),
                Column(
                    _tr("Estado"),
                    lambda c: state_text(c, date.today()),
                    sort=lambda c: c.ends_on,
                    colour=lambda c: _state_colour(c),
                ),
                Column(_tr("Productos"), lambda c: ", ".join(c.product_names), stretch=True),
                Column("24×7", lambda c: _yes(c.critical_line_24x7)),
                Column(_tr("Cobertura"), lambda c: c.coverage_notes),
            ],
            _tr("Buscar contrato…"),
            right,
        )
        self.contracts.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.contracts.activated.connect(lambda _c: self.can_edit and self.edit_contract())
        self.new_contract_button = self._button(_tr("Nuevo contrato…"), self.new_contract)
        self.edit_contract_button = self._button(_tr("Editar contrato…"), self.edit_contract)
        self.renew_button = self._button(_tr("Renovar…"), self.renew_contract)
        self.contacts = SearchableTable(
            [
                Column(_tr("Contacto"), lambda c: c.name, stretch=True),
                Column(_tr("Correos"), lambda c: "; ".join(c.emails)),
                Column(_tr("Teléfonos"), lambda c: "; ".join(format_phone(p) for p in c.phones)),
                Column(_tr("WhatsApp"), lambda c: "; ".join(format_phone(p) for p in c.whatsapps)),
                Column(
                    _tr("Usuario clave"), lambda c: _tr("★ Usuario clave") if c.is_key_user else ""
                ),
                Column(_tr("Estado"), lambda c: _tr("Activo") if c.active else _tr("Inactivo")),
            ],
            _tr("Buscar contacto, correo o número…"),
            right,
        )
        self.contacts.activated.connect(lambda _c: self.can_edit and self.edit_contact())
        self.new_contact_button = self._button(_tr("Nuevo contacto…"), self.new_contact)
        self.edit_contact_button = self._button(_tr("Editar contacto…"), self.edit_contact)
        head = QHBoxLayout()
        head.addWidget(self.client_title, 1)
        head.addWidget(self.edit_client_button)
        right_layout.addLayout(head)
        right_layout.addWidget(self.client_info)
        right_layout.addWidget(_section(_tr("Contratos de mantenimiento")))
        right_layout.addWidget(self.contracts, 3)
        right_layout.addLayout(
            _buttons(self.new_contract_button, self.edit_contract_button, self.renew_button)
        )
        right_layout.addWidget(_section(_tr("Contactos (usuario clave / líder de proyecto)")))
        right_layout.addWidget(self.contacts, 2)
        right_layout.addLayout(_buttons(self.new_contact_button, self.edit_contact_button))
        page.addWidget(left)
        page.addWidget(right)
        page.setStretchFactor(0, 2)
        page.setStretchFactor(1, 3)
        page.setSizes([560, 700])
        QShortcut(QKeySequence("Ctrl+F"), page, activated=self.clients.search.setFocus)
        return page

    def _build_products(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.products = SearchableTable(
            [
                Column(_tr("Código"), lambda p: p.code),
                Column(_tr("Producto"), lambda p: p.name, stretch=True),
                Column(_tr("Estado"), lambda p: _tr("Activo") if p.active else _tr("Inactivo")),
            ],
            _tr("Buscar producto…"),
            page,
        )
        self.products.activated.connect(lambda _p: self.can_edit and self.edit_product())
        layout.addWidget(_section(_tr("Portafolio de productos y soluciones de IMR")))
        layout.addWidget(self.products, 1)
        layout.addLayout(
            _buttons(
                self._button(_tr("Nuevo producto…"), self.new_product),
                self._button(_tr("Editar producto…"), self.edit_product),
            )
        )
        return page

    def _build_technicians(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.technicians = SearchableTable(
            [
                Column(_tr("Usuario"), lambda t: t.login),
                Column(_tr("Nombre"), lambda t: t.name, stretch=True),
                Column(_tr("Correo"), lambda t: t.email or ""),
                Column(_tr("Rol"), lambda t: role_text(t.role)),
                Column(_tr("Estado"), lambda t: _tr("Activo") if t.active else _tr("Inactivo")),
                Column(_tr("En turno"), lambda t: _yes(t.on_shift)),
            ],
            _tr("Buscar representante técnico…"),
            page,
        )
        self.technicians.activated.connect(lambda _t: self.can_edit and self.edit_technician())
        layout.addWidget(_section(_tr("Representantes técnicos")))
        layout.addWidget(self.technicians, 1)
        layout.addLayout(
            _buttons(
                self._button(_tr("Nuevo representante…"), self.new_technician),
                self._button(_tr("Editar representante…"), self.edit_technician),
            )
        )
        return page

    def _build_alerts(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.expiring = SearchableTable(
            [
                Column(_tr("Cliente"), lambda e: e.client_name, stretch=True),
                Column(_tr("Contrato"), lambda e: e.number),
                Column(_tr("Vence"), lambda e: _d(e.ends_on), sort=lambda e: e.ends_on),
                Column(
                    _tr("Días"),
                    lambda e: _tr("hoy") if e.days_left == 0 else str(e.days_left),
                    sort=lambda e: e.days_left,
                ),
            ],
            _tr("Buscar…"),
            page,
        )
        self.without_key_user = SearchableTable(
            [
                Column(_tr("Cliente"), lambda m: m.client_name, stretch=True),
                Column(_tr("Contrato"), lambda m: m.contract_number),
                Column(
                    _tr("Fin"), lambda m: _d(m.contract_ends_on), sort=lambda m: m.contract_ends_on
                ),
            ],
            _tr("Buscar…"),
            page,
        )
        self.expiring.activated.connect(lambda e: self._go_to_client(e.client_id))
        self.without_key_user.activated.connect(lambda m: self._go_to_client(m.client_id))
        layout.addWidget(_section(_tr("Contratos por vencer (30 días)")))
        layout.addWidget(self.expiring, 1)
        layout.addWidget(_section(_tr("Clientes sin usuario clave")))
        layout.addWidget(self.without_key_user, 1)
        hint = QLabel(
            _tr("Intro sobre una fila abre el cliente. Una renovación es un contrato nuevo.")
        )
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        return page

    def _button(
        self, text: str, slot: Callable[[], None], shortcut: str | None = None
    ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text} ({shortcut})")
        self._edit_buttons.append(button)
        return button

    # ----------------------------------------------------------------- data
    def reload(self) -> None:
        directory = self.ctx.directory
        can_edit = self.can_edit

        def load() -> DirectoryData:
            return DirectoryData(
                clients=directory.clients(),
                contracts=directory.contracts(),
                contacts=directory.contacts(),
                products=directory.product_list(),
                technicians=directory.technicians(include_inactive=True),
                expiring=directory.expiring_contracts() if can_edit else [],
                without_key_user=directory.clients_without_key_user() if can_edit else [],
            )

        self.ctx.runner.run(load, self._on_loaded, self._on_failure)

    def _on_loaded(self, data: DirectoryData) -> None:
        self.data = data
        self.clients.set_items(data.clients)
        if self.clients.current() is None and data.clients:
            self.clients.view.setCurrentIndex(self.clients.proxy.index(0, 0))
        self.products.set_items(data.products)
        self.technicians.set_items(data.technicians)
        if self.can_edit:
            self.expiring.set_items(data.expiring)
            self.without_key_user.set_items(data.without_key_user)
            count = len(data.expiring) + len(data.without_key_user)
            self.tabs.setTabText(3, _tr("&Avisos ({0})").format(count) if count else _tr("&Avisos"))
        self._show_client()
        self.loaded.emit()

    def _on_failure(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            self.banner.show_message(error_text(error), "error")
        else:
            self.banner.show_message(
                _tr("No se pudo completar la operación; intente de nuevo."), "error"
            )

    def _save(self, what: str, fn: Callable[[], Any]) -> None:
        def done(_result: Any) -> None:
            self.banner.show_message(what, "success")
            self.saved.emit(what)
            self.reload()

        self.ctx.runner.run(fn, done, self._on_failure)

    @staticmethod
    def _contract_label(client: ClientView) -> str:
        """``ClientView.contract_label`` in the console's language."""
        contract = client.contract_in_force
        if contract is None:
            return _tr("Sin contrato vigente")
        return _tr("Contrato vigente hasta {0}").format(_d(contract.ends_on))

    @staticmethod
    def _contract_cell(client: ClientView) -> str:
        contract = client.contract_in_force
        if contract is None:
            return _tr("Sin contrato vigente")
        return _tr("Vigente hasta {0}").format(_d(contract.ends_on))

    def _show_client(self) -> None:
        client: ClientView | None = self.clients.current()
        has = client is not None
        for button in (
            self.edit_client_button,
            self.new_contract_button,
            self.new_contact_button,
            self.edit_contract_button,
            self.renew_button,
            self.edit_contact_button,
        ):
            button.setEnabled(has)
        if client is None:
            self.client_title.setText(_tr("Seleccione un cliente"))
            self.client_info.setText("")
            self.contracts.set_items([])
            self.contacts.set_items([])
            return
        self.client_title.setText(client.name + ("" if client.active else _tr("  (inactivo)")))
        keys = [
            c.name
            for c in self.data.contacts
            if c.client_id == client.id and c.is_key_user and c.active
        ]
        lines = [
            _tr("RUC: {0}   ·   {1}").format(client.tax_id or "—", self._contract_label(client)),
            _tr("Usuario clave: {0}").format(", ".join(keys) if keys else _tr("⚠ ninguno")),
        ]
        if client.notes:
            lines.append(_tr("Notas: {0}").format(client.notes))
        self.client_info.setText("\n".join(lines))
        self.contracts.set_items([c for c in self.data.contracts if c.client_id == client.id])
        self.contacts.set_items([c for c in self.data.contacts if c.client_id == client.id])

    def _go_to_client(self, client_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.clients.search.clear()
        self.clients.select_where(lambda c: c.id == client_id)
        self.clients.view.setFocus()

    def _accepting(
        self, dialog: QDialog, what: str, call: Callable[[dict[str, Any]], Any]
    ) -> QDialog:
        def save() -> None:
            values = dialog.values()  # type: ignore[attr-defined]  # read on the GUI thread
            self._save(what, lambda: call(values))

        return self._open(dialog, save)

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.open()
        return dialog

    # ----------------------------------------------------------------- edits
    def new_client(self) -> QDialog:
        dialog = ClientDialog(None, self)
        actor = self.ctx.actor

        def save() -> None:
            v = dialog.values()
            self._save(
                _tr("Cliente «{0}» registrado.").format(v["name"].strip()),
                lambda: self.ctx.directory.add_client(
                    v["name"], tax_id=v["tax_id"], notes=v["notes"], actor=actor
                ),
            )

        return self._open(dialog, save)

    def edit_client(self) -> QDialog | None:
        client = self.clients.current()
        if client is None:
            return None
        dialog = ClientDialog(client, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Cliente actualizado."),
            lambda v: self.ctx.directory.update_client(client.id, actor=actor, **v),
        )

    def new_contract(self) -> QDialog | None:
        client = self.clients.current()
        if client is None:
            return None
        dialog = ContractDialog(self.data.products, None, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Contrato registrado."),
            lambda v: self.ctx.directory.add_contract(client.id, actor=actor, **v),
        )

    def edit_contract(self) -> QDialog | None:
        contract: ContractDetail | None = self.contracts.current()
        if contract is None:
            return None
        dialog = ContractDialog(self.data.products, contract, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Contrato {0} actualizado.").format(contract.number),
            lambda v: self.ctx.directory.update_contract(contract.id, actor=actor, **v),
        )

    def renew_contract(self) -> QDialog | None:
        contract: ContractDetail | None = self.contracts.current()
        if contract is None:
            return None
        dialog = ContractDialog(self.data.products, contract, self, title=_tr("Renovar contrato"))
        start = date.fromordinal(contract.ends_on.toordinal() + 1)
        dialog.number.clear()
        dialog.starts_on.setDate(_qdate(start))
        dialog.ends_on.setDate(_qdate(start.replace(year=start.year + 1)).addDays(-1))
        actor = self.ctx.actor

        def save() -> None:
            v = dialog.values()
            self._save(
                _tr("Contrato renovado: se registró un contrato nuevo."),
                lambda: self.ctx.directory.add_contract(contract.client_id, actor=actor, **v),
            )

        return self._open(dialog, save)

    def new_contact(self) -> QDialog | None:
        client = self.clients.current()
        if client is None:
            return None
        dialog = ContactDialog(None, self)
        actor = self.ctx.actor

        def save() -> None:
            v = dialog.values()
            v.pop("active")
            self._save(
                _tr("Contacto registrado."),
                lambda: self.ctx.directory.add_contact(client.id, v.pop("name"), actor=actor, **v),
            )

        return self._open(dialog, save)

    def edit_contact(self) -> QDialog | None:
        contact: ContactDetail | None = self.contacts.current()
        if contact is None:
            return None
        dialog = ContactDialog(contact, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Contacto actualizado."),
            lambda v: self.ctx.directory.update_contact(contact.id, actor=actor, **v),
        )

    def new_product(self) -> QDialog:
        dialog = ProductDialog(None, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Producto registrado."),
            lambda v: self.ctx.directory.add_product(v["code"], v["name"], actor=actor),
        )

    def edit_product(self) -> QDialog | None:
        product: ProductView | None = self.products.current()
        if product is None:
            return None
        dialog = ProductDialog(product, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Producto actualizado."),
            lambda v: self.ctx.directory.update_product(product.id, actor=actor, **v),
        )

    def new_technician(self) -> QDialog:
        dialog = TechnicianDialog(None, self)
        actor = self.ctx.actor
        return self._accepting(
            dialog,
            _tr("Representante técnico registrado."),
            lambda v: self.ctx.directory.add_technician(
                v["login"], v["name"], v["role"], v["email"] or None, actor=actor
            ),
        )

    def edit_technician(self) -> QDialog | None:
        tech: TechnicianView | None = self.technicians.current()
        if tech is None:
            return None
        dialog = TechnicianDialog(tech, self)
        actor = self.ctx.actor

        def save() -> None:
            v = dialog.values()
            v.pop("login")
            self._save(
                _tr("Representante técnico actualizado."),
                lambda: self.ctx.directory.update_technician(tech.login, actor=actor, **v),
            )

        return self._open(dialog, save)

    # ----------------------------------------------------------------- CSV
    def import_csv(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _report: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_csv(self) -> ExportDialog:
        dialog = ExportDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        return dialog
