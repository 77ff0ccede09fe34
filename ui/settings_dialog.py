"""Settings: database connection (password in the OS keyring), technician identity, language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import KEYRING_SERVICE, DatabaseSettings, MailSettings, Settings, get_password
from app.services.snapshots import TechnicianView

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def keyring_available() -> bool:
    """False when only the null or fail backend is present (nothing would be stored)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # a broken backend counts as none
        return False
    module = type(backend).__module__
    return not (module.endswith(".null") or module.endswith(".fail"))


def store_password(db: DatabaseSettings | MailSettings, password: str) -> str | None:
    """Save in the OS keyring; returns a Spanish problem description, or None when stored."""
    if not keyring_available():
        return QCoreApplication.translate(
            "SettingsDialog",
            "No hay un llavero del sistema disponible: la contraseña no se guardará y se "
            "pedirá en cada inicio.",
        )
    try:
        import keyring

        if password:
            keyring.set_password(KEYRING_SERVICE, db.keyring_key, password)
        return None
    except Exception as error:
        return QCoreApplication.translate(
            "SettingsDialog", "No se pudo guardar la contraseña en el llavero del sistema: {0}"
        ).format(error)


class SettingsDialog(QDialog):
    """Saves ``Settings`` to its file; the password only ever goes to the keyring."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        technicians: Callable[[], list[TechnicianView]] | list[TechnicianView] | None = None,
        current_login: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Configuración"))
        self.settings = settings
        self.problem: str | None = None
        db = settings.database

        self.embedded = QCheckBox(self.tr("Usar la base de datos local (SQLite, de prueba)"), self)
        self.embedded.setChecked(db.is_embedded)
        self.host = QLineEdit(db.host, self)
        self.host.setPlaceholderText("db.imr.local")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(db.port)
        self.database = QLineEdit(db.database, self)
        self.user = QLineEdit(db.user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("se guarda en el llavero del sistema"))
        if not db.is_embedded and get_password(db):
            self.password.setPlaceholderText(self.tr("guardada en el llavero (sin cambios)"))
        self.sslmode = QComboBox(self)
        self.sslmode.addItems(SSL_MODES)
        self.sslmode.setCurrentText(db.sslmode or "prefer")
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        if not keyring_available():
            self.keyring_note.setText(
                self.tr(
                    "No hay un llavero del sistema disponible: la contraseña no se guardará "
                    "y se pedirá en cada inicio."
                )
            )
        else:
            self.keyring_note.hide()

        db_box = QGroupBox(self.tr("Base de datos compartida (PostgreSQL)"), self)
        form = QFormLayout(db_box)
        form.addRow(self.embedded)
        form.addRow(self.tr("Servidor"), self.host)
        form.addRow(self.tr("Puerto"), self.port)
        form.addRow(self.tr("Base de datos"), self.database)
        form.addRow(self.tr("Usuario"), self.user)
        form.addRow(self.tr("Contraseña"), self.password)
        form.addRow(self.tr("Modo TLS"), self.sslmode)
        form.addRow(self.keyring_note)

        self.technician = QComboBox(self)
        self.technician.setEditable(True)
        people = technicians() if callable(technicians) else (technicians or [])
        for tech in people:
            if tech.active:
                self.technician.addItem(f"{tech.name} ({tech.login})", tech.login)
        at = self.technician.findData(settings.technician or current_login)
        if at >= 0:
            self.technician.setCurrentIndex(at)
        elif settings.technician:
            self.technician.setEditText(settings.technician)
        self.language = QComboBox(self)
        self.language.addItem("Español (Panamá)", "es")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.sound = QCheckBox(self.tr("Sonido en las alertas"), self)
        self.sound.setChecked(settings.alerts_sound)
        desk_box = QGroupBox(self.tr("Escritorio"), self)
        desk = QFormLayout(desk_box)
        desk.addRow(self.tr("Representante técnico"), self.technician)
        desk.addRow(self.tr("Idioma"), self.language)
        desk.addRow(self.sound)
        mail_box = self._mail_box(settings.mail)
        self.restart_note = QLabel(
            self.tr("Los cambios de base de datos e idioma se aplican al reiniciar la consola."),
            self,
        )
        self.restart_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("contractMissing")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Guardar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(db_box)
        layout.addWidget(desk_box)
        layout.addWidget(mail_box)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.embedded.toggled.connect(self._embedded_toggled)
        self._embedded_toggled(self.embedded.isChecked())
        self.setMinimumWidth(460)

    def _mail_box(self, mail: MailSettings) -> QGroupBox:
        """Outgoing mail for replies from the ticket dialog; its password goes to the keyring."""
        box = QGroupBox(self.tr("Correo saliente (SMTP)"), self)
        self.smtp_host = QLineEdit(mail.host, box)
        self.smtp_host.setPlaceholderText(self.tr("vacío: sin respuestas por correo"))
        self.smtp_port = QSpinBox(box)
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(mail.port)
        self.smtp_security = QComboBox(box)
        for label, value in (("STARTTLS", "starttls"), ("SSL/TLS", "ssl"), ("Ninguna", "none")):
            self.smtp_security.addItem(label, value)
        self.smtp_security.setCurrentIndex(max(0, self.smtp_security.findData(mail.security)))
        self.smtp_user = QLineEdit(mail.user, box)
        self.smtp_password = QLineEdit(box)
        self.smtp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_password.setPlaceholderText(self.tr("se guarda en el llavero del sistema"))
        self.smtp_from = QLineEdit(mail.from_addr, box)
        form = QFormLayout(box)
        form.addRow(self.tr("Servidor"), self.smtp_host)
        form.addRow(self.tr("Puerto"), self.smtp_port)
        form.addRow(self.tr("Seguridad"), self.smtp_security)
        form.addRow(self.tr("Usuario"), self.smtp_user)
        form.addRow(self.tr("Contraseña"), self.smtp_password)
        form.addRow(self.tr("Remitente"), self.smtp_from)
        return box

    def _embedded_toggled(self, embedded: bool) -> None:
        for widget in (self.host, self.port, self.database, self.user, self.password, self.sslmode):
            widget.setEnabled(not embedded)

    def technician_login(self) -> str:
        data = self.technician.currentData()
        text = self.technician.currentText().strip()
        if data and text == self.technician.itemText(self.technician.currentIndex()):
            return str(data)
        return text.rsplit("(", 1)[-1].rstrip(")").strip() if "(" in text else text

    def accept(self) -> None:
        if not self.embedded.isChecked() and not self.host.text().strip():
            self._show_error(self.tr("Indique el servidor de la base de datos."))
            return
        if not self.embedded.isChecked() and not self.user.text().strip():
            self._show_error(self.tr("Indique el usuario de la base de datos."))
            return
        db = DatabaseSettings(
            host="" if self.embedded.isChecked() else self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip() or "imr",
            user=self.user.text().strip(),
            sslmode=self.sslmode.currentText(),
        )
        self.settings.database = db
        self.settings.technician = self.technician_login()
        self.settings.language = str(self.language.currentData())
        self.settings.alerts_sound = self.sound.isChecked()
        mail = MailSettings(
            host=self.smtp_host.text().strip(),
            port=self.smtp_port.value(),
            security=str(self.smtp_security.currentData()),
            user=self.smtp_user.text().strip(),
            from_addr=self.smtp_from.text().strip() or MailSettings.from_addr,
        )
        self.settings.mail = mail
        try:
            self.settings.save()  # the dataclass holds no password: nothing secret is written
        except OSError as error:
            self._show_error(self.tr("No se pudo guardar la configuración: {0}").format(error))
            return
        self.problem = None
        if not db.is_embedded and self.password.text():
            self.problem = store_password(db, self.password.text())
        if mail.configured and mail.user and self.smtp_password.text():
            self.problem = store_password(mail, self.smtp_password.text()) or self.problem
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)
