"""Edit dialogs of the directory: client, contract, contact, product, technician."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.contacts import InvalidAddress, normalise_all, split_list
from app.services.directory import (
    ROLE_LABELS,
    ContactDetail,
    ContractDetail,
    ProductView,
    address_error,
)
from app.services.snapshots import ClientView, TechnicianView
from ui.service_errors import error_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectoryDialogs", text)


# Roles as shown on screen (the services keep the Spanish ROLE_LABELS for the command line).
ROLE_TEXTS = {
    "technician": QT_TRANSLATE_NOOP("DirectoryDialogs", "Representante técnico"),
    "supervisor": QT_TRANSLATE_NOOP("DirectoryDialogs", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("DirectoryDialogs", "Administrador"),
    "intake": QT_TRANSLATE_NOOP("DirectoryDialogs", "Cuenta de ingreso de correo"),
}


def role_text(role: str) -> str:
    return _tr(ROLE_TEXTS[role]) if role in ROLE_TEXTS else ROLE_LABELS.get(role, role)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Guardar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancelar"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def check(self) -> str | None:
        """A Spanish message when the form cannot be saved as it is."""
        return None

    def _try_accept(self) -> None:
        problem = self.check()
        if problem:
            self.show_error(problem)
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError


class ClientDialog(_Form):
    def __init__(self, client: ClientView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Editar cliente") if client else _tr("Nuevo cliente"), parent)
        self.name = QLineEdit(client.name if client else "", self)
        self.tax_id = QLineEdit((client.tax_id or "") if client else "", self)
        self.tax_id.setPlaceholderText(_tr("RUC, p. ej. 155-1-2345 DV 12"))
        self.notes = QPlainTextEdit(client.notes if client else "", self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.active = QCheckBox(_tr("Activo (un cliente inactivo conserva su historial)"), self)
        self.active.setChecked(client.active if client else True)
        self.form.addRow(_tr("&Nombre:"), self.name)
        self.form.addRow(_tr("&RUC:"), self.tax_id)
        self.form.addRow(_tr("N&otas:"), self.notes)
        self.form.addRow("", self.active)

    def check(self) -> str | None:
        return (
            None if self.name.text().strip() else _tr("El nombre del cliente no puede estar vacío.")
        )

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "tax_id": self.tax_id.text(),
            "notes": self.notes.toPlainText(),
            "active": self.active.isChecked(),
        }


class ContractDialog(_Form):
    def __init__(
        self,
        products: Sequence[ProductView],
        contract: ContractDetail | None = None,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
    ) -> None:
        super().__init__(
            title or (_tr("Editar contrato") if contract else _tr("Nuevo contrato")), parent
        )
        today = date.today()
        self.number = QLineEdit(contract.number if contract else "", self)
        self.number.setPlaceholderText(_tr("vacío: se numera solo (CM-00001)"))
        self.starts_on = QDateEdit(_qdate(contract.starts_on if contract else today), self)
        self.ends_on = QDateEdit(
            _qdate(contract.ends_on if contract else today.replace(year=today.year + 1)), self
        )
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.products = QListWidget(self)
        self.products.setFixedHeight(120)
        chosen = set(contract.product_ids) if contract else set()
        for product in products:
            if not product.active and product.id not in chosen:
                continue
            item = QListWidgetItem(f"{product.name}  ({product.code})", self.products)
            item.setData(Qt.ItemDataRole.UserRole, product.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if product.id in chosen else Qt.CheckState.Unchecked
            )
        self.coverage = QPlainTextEdit(contract.coverage_notes if contract else "", self)
        self.coverage.setTabChangesFocus(True)
        self.coverage.setFixedHeight(70)
        self.critical = QCheckBox(_tr("Incluye Línea Crítica 24×7"), self)
        self.critical.setChecked(contract.critical_line_24x7 if contract else True)
        self.form.addRow(_tr("&Número:"), self.number)
        self.form.addRow(_tr("&Inicio:"), self.starts_on)
        self.form.addRow(_tr("&Fin:"), self.ends_on)
        self.form.addRow(_tr("&Productos cubiertos:"), self.products)
        self.form.addRow(_tr("Notas de &cobertura:"), self.coverage)
        self.form.addRow("", self.critical)

    def set_ends_on(self, day: date) -> None:
        self.ends_on.setDate(_qdate(day))

    def check(self) -> str | None:
        if _pydate(self.ends_on.date()) < _pydate(self.starts_on.date()):
            return _tr("El fin del contrato no puede ser anterior a su inicio.")
        return None

    def values(self) -> dict[str, Any]:
        ids = [
            self.products.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.products.count())
            if self.products.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "number": self.number.text(),
            "starts_on": _pydate(self.starts_on.date()),
            "ends_on": _pydate(self.ends_on.date()),
            "product_ids": ids,
            "coverage_notes": self.coverage.toPlainText(),
            "critical_line_24x7": self.critical.isChecked(),
        }


class ContactDialog(_Form):
    def __init__(self, contact: ContactDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Editar contacto") if contact else _tr("Nuevo contacto"), parent)
        self.name = QLineEdit(contact.name if contact else "", self)
        self.emails = QLineEdit("; ".join(contact.emails) if contact else "", self)
        self.phones = QLineEdit("; ".join(contact.phones) if contact else "", self)
        self.whatsapps = QLineEdit("; ".join(contact.whatsapps) if contact else "", self)
        self.emails.setPlaceholderText(_tr("uno o varios, separados por punto y coma"))
        self.phones.setPlaceholderText(_tr("p. ej. 223-4567; 6093-0740 (Panamá si no lleva +)"))
        self.whatsapps.setPlaceholderText("p. ej. 6093-0740")
        self.key_user = QCheckBox(_tr("Usuario clave / líder de proyecto"), self)
        self.key_user.setChecked(contact.is_key_user if contact else False)
        self.active = QCheckBox(_tr("Activo"), self)
        self.active.setChecked(contact.active if contact else True)
        self.form.addRow(_tr("&Nombre:"), self.name)
        self.form.addRow(_tr("&Correos:"), self.emails)
        self.form.addRow(_tr("&Teléfonos:"), self.phones)
        self.form.addRow(_tr("&WhatsApp:"), self.whatsapps)
        self.form.addRow("", self.key_user)
        self.form.addRow("", self.active)

    def check(self) -> str | None:
        if not self.name.text().strip():
            return _tr("El nombre del contacto no puede estar vacío.")
        try:
            normalise_all("email", split_list(self.emails.text()))
            normalise_all("phone", split_list(self.phones.text()))
            normalise_all("whatsapp", split_list(self.whatsapps.text()))
        except InvalidAddress as error:
            return error_text(address_error(error))
        return None

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "emails": split_list(self.emails.text()),
            "phones": split_list(self.phones.text()),
            "whatsapps": split_list(self.whatsapps.text()),
            "is_key_user": self.key_user.isChecked(),
            "active": self.active.isChecked(),
        }


class ProductDialog(_Form):
    def __init__(self, product: ProductView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Editar producto") if product else _tr("Nuevo producto"), parent)
        self.code = QLineEdit(product.code if product else "", self)
        self.name = QLineEdit(product.name if product else "", self)
        self.active = QCheckBox(_tr("Activo en el portafolio"), self)
        self.active.setChecked(product.active if product else True)
        self.form.addRow(_tr("&Código:"), self.code)
        self.form.addRow(_tr("&Nombre:"), self.name)
        self.form.addRow("", self.active)

    def check(self) -> str | None:
        if not self.code.text().strip() or not self.name.text().strip():
            return _tr("Indique código y nombre del producto.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "active": self.active.isChecked(),
        }


class TechnicianDialog(_Form):
    def __init__(
        self, technician: TechnicianView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _tr("Editar representante técnico")
            if technician
            else _tr("Nuevo representante técnico"),
            parent,
        )
        self.login = QLineEdit(technician.login if technician else "", self)
        self.login.setReadOnly(technician is not None)
        self.name = QLineEdit(technician.name if technician else "", self)
        self.email = QLineEdit((technician.email or "") if technician else "", self)
        self.role = QComboBox(self)
        for key in ("technician", "supervisor", "admin"):
            self.role.addItem(role_text(key), key)
        if technician is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(technician.role)))
        self.active = QCheckBox(_tr("Activo (uno inactivo conserva su historial)"), self)
        self.active.setChecked(technician.active if technician else True)
        self.on_shift = QCheckBox(_tr("En turno"), self)
        self.on_shift.setChecked(technician.on_shift if technician else True)
        self.form.addRow(_tr("&Usuario:"), self.login)
        self.form.addRow(_tr("&Nombre:"), self.name)
        self.form.addRow(_tr("&Correo:"), self.email)
        self.form.addRow(_tr("&Rol:"), self.role)
        self.form.addRow("", self.active)
        self.form.addRow("", self.on_shift)

    def check(self) -> str | None:
        if not self.login.text().strip() or not self.name.text().strip():
            return _tr("Indique usuario y nombre.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "login": self.login.text(),
            "name": self.name.text(),
            "email": self.email.text(),
            "role": self.role.currentData(),
            "active": self.active.isChecked(),
            "on_shift": self.on_shift.isChecked(),
        }
