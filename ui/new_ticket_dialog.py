"""New ticket from a phone call, a WhatsApp message or the critical line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.channels import Channel
from app.domain.formatting import HOME_TIMEZONE, format_datetime
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.errors import DatabaseUnavailable, ServiceError
from app.services.snapshots import ClientView, QueueRow, TicketDetail
from app.services.tickets import FirstAction, OpenTicketRequest
from ui import i18n
from ui.context import AppContext
from ui.priority_questions import PriorityQuestions
from ui.service_errors import error_text
from ui.timeline import plain_label
from ui.widgets.banner import Banner
from ui.widgets.guard import GuardedJobs

PANAMA = ZoneInfo(HOME_TIMEZONE)
CHANNELS = (Channel.PHONE, Channel.WHATSAPP, Channel.CRITICAL_LINE)
CALL_CHANNELS = (Channel.PHONE, Channel.CRITICAL_LINE)

WHATSAPP_RESOLVE = "resolve"
WHATSAPP_ASK_EMAIL = "ask_email"
WHATSAPP_SCHEDULE = "schedule"

UNREGISTERED = -1


def _tr(text: str) -> str:
    return QCoreApplication.translate("NewTicketDialog", text)


@dataclass(frozen=True)
class _ClientInfo:
    client: ClientView
    open_tickets: tuple[QueueRow, ...]


def _to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone(PANAMA)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, 0))


def _from_qdatetime(value: QDateTime) -> datetime:
    """The edit shows Panama wall time; its own time spec is ignored."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=PANAMA)


class NewTicketDialog(QDialog, GuardedJobs):
    """Opens a ticket (or reinforces an open one); ``ticket_opened`` carries its number."""

    ticket_opened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uid = uuid.uuid4().hex  # one per dialog: a retried submit opens one ticket
        self.opened_ticket_id: int | None = None
        self.client_info: _ClientInfo | None = None
        self._client_request = 0
        self._busy = False
        self._received_default = datetime.now(PANAMA).replace(second=0, microsecond=0)
        self.setWindowTitle(_tr("Nuevo tiquete"))
        self.resize(1120, 860)
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.search_clients)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._on_channel_changed()
        self.search_clients()
        directory = ctx.directory
        self._run_job(directory.products, self._set_products, self._on_failed)

    # ================================================================== layout
    def _build(self) -> None:
        self.setStyleSheet(
            "QDialog { background: #ffffff; }"
            " QGroupBox { font-weight: 700; border: 1px solid #dde3ea; border-radius: 6px;"
            " margin-top: 10px; padding-top: 6px; }"
            " QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px;"
            " color: #1d2733; }"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 12)
        title = QLabel(_tr("Nuevo tiquete — central telefónica, WhatsApp o Línea Crítica"))
        title.setStyleSheet("font-size: 17px; font-weight: 700; color: #1d2733;")
        outer.addWidget(title)
        self.banner = Banner()
        outer.addWidget(self.banner)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = QVBoxLayout()
        left.addWidget(self._build_client_box(), 3)
        left.addWidget(self._build_open_tickets_box(), 2)
        left.addWidget(self._build_requester_box())
        right = QVBoxLayout()
        right.addWidget(self._build_case_box())
        right.addWidget(self._build_priority_box())
        right.addWidget(self._build_channel_box())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer.addLayout(columns, 1)
        buttons = QHBoxLayout()
        self.busy_label = QLabel(_tr("Guardando…"))
        self.busy_label.setStyleSheet("color: #5f6b7a;")
        self.busy_label.hide()
        buttons.addWidget(self.busy_label)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(_tr("Cancelar"))
        self.cancel_button.clicked.connect(self.reject)
        self.open_button = QPushButton(_tr("Abrir tiquete"))
        self.open_button.setObjectName("openTicketButton")
        self.open_button.setDefault(True)
        self.open_button.setStyleSheet(
            "QPushButton { background: #1f5f9e; color: white; font-weight: 700;"
            " padding: 6px 18px; border-radius: 4px; }"
            " QPushButton:disabled { background: #9fb3c8; }"
        )
        self.open_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        outer.addLayout(buttons)

    def _build_client_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Cliente"))
        layout = QVBoxLayout(box)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channelCombo")
        for channel in CHANNELS:
            self.channel_combo.addItem(i18n.label(channel), channel.value)
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        channel_row = QHBoxLayout()
        channel_row.addWidget(QLabel(_tr("Canal")))
        channel_row.addWidget(self.channel_combo, 1)
        layout.addLayout(channel_row)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("clientSearch")
        self.search_edit.setPlaceholderText(_tr("Buscar cliente por nombre…"))
        self.search_edit.setClearButtonEnabled(True)
        layout.addWidget(self.search_edit)
        self.client_list = QListWidget()
        self.client_list.setObjectName("clientList")
        self.client_list.currentItemChanged.connect(self._on_client_chosen)
        layout.addWidget(self.client_list, 1)
        self.contract_label = plain_label("", object_name="contractState")
        self.contract_label.hide()
        layout.addWidget(self.contract_label)
        return box

    def _build_open_tickets_box(self) -> QGroupBox:
        self.open_box = QGroupBox(_tr("Casos abiertos de este cliente"))
        layout = QVBoxLayout(self.open_box)
        hint = QLabel(
            _tr(
                "Si la llamada es por uno de estos casos, refuércelo en vez de abrir un "
                "duplicado: la llamada queda registrada en ese tiquete."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a; font-weight: normal;")
        layout.addWidget(hint)
        self.open_list = QListWidget()
        self.open_list.setObjectName("openTickets")
        self.open_list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.open_list, 1)
        self.reinforce_button = QPushButton(_tr("Reforzar este caso"))
        self.reinforce_button.setObjectName("reinforceButton")
        self.reinforce_button.clicked.connect(self.reinforce)
        layout.addWidget(self.reinforce_button, 0, Qt.AlignmentFlag.AlignRight)
        self.open_box.hide()
        return self.open_box

    def _build_requester_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Solicitante y producto"))
        form = QFormLayout(box)
        self.contact_combo = QComboBox()
        self.contact_combo.setObjectName("contactCombo")
        self.contact_combo.currentIndexChanged.connect(self._on_contact_changed)
        self.requester_name = QLineEdit()
        self.requester_name.setObjectName("requesterName")
        self.requester_name.setPlaceholderText(_tr("Nombre de quien llama (no registrado)"))
        self.requester_phone = QLineEdit()
        self.requester_phone.setObjectName("requesterPhone")
        self.requester_phone.setPlaceholderText(_tr("Teléfono o correo"))
        self.new_contact_button = QPushButton(_tr("Agregar como contacto del cliente"))
        self.new_contact_button.setObjectName("addContactButton")
        self.new_contact_button.clicked.connect(self.add_contact)
        self.new_contact_key = QCheckBox(_tr("Es el usuario clave (líder de proyecto)"))
        self.product_combo = QComboBox()
        self.product_combo.setObjectName("productCombo")
        self.product_combo.addItem(_tr("(sin producto)"), None)
        form.addRow(_tr("Solicitante"), self.contact_combo)
        form.addRow(_tr("Nombre"), self.requester_name)
        form.addRow(_tr("Teléfono / correo"), self.requester_phone)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.new_contact_key)
        contact_row.addStretch(1)
        contact_row.addWidget(self.new_contact_button)
        form.addRow("", contact_row)
        form.addRow(_tr("Producto"), self.product_combo)
        self._fill_contacts(None)
        return box

    def _build_case_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Caso"))
        form = QFormLayout(box)
        self.received_edit = QDateTimeEdit()
        self.received_edit.setObjectName("receivedAt")
        self.received_edit.setLocale(QLocale(QLocale.Language.Spanish, QLocale.Country.Panama))
        self.received_edit.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDateTime(_to_qdatetime(self._received_default))
        received_hint = QLabel(_tr("hora de Panamá; puede ser anterior (WhatsApp leído tarde)"))
        received_hint.setStyleSheet("color: #5f6b7a; font-weight: normal; font-size: 11px;")
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subjectEdit")
        self.subject_edit.setPlaceholderText(_tr("Resumen del caso en una línea"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setPlaceholderText(
            _tr("Escenario: qué pasa, desde cuándo, a quién afecta")
        )
        self.description_edit.setFixedHeight(84)
        form.addRow(_tr("Recibido"), self.received_edit)
        form.addRow("", received_hint)
        form.addRow(_tr("Asunto"), self.subject_edit)
        form.addRow(_tr("Descripción"), self.description_edit)
        return box

    def _build_priority_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Prioridad según el protocolo"))
        layout = QVBoxLayout(box)
        self.questions = PriorityQuestions()
        self.questions.setStyleSheet("font-weight: normal;")
        self.questions.priority_changed.connect(lambda _p: self._update_buttons())
        layout.addWidget(self.questions)
        return box

    def _build_channel_box(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.call_box = QGroupBox(_tr("La llamada (queda registrada como primer contacto)"))
        call_form = QFormLayout(self.call_box)
        self.call_duration = QSpinBox()
        self.call_duration.setObjectName("callDuration")
        self.call_duration.setRange(0, 24 * 60)
        self.call_duration.setSuffix(" min")
        self.call_duration.setSpecialValueText(_tr("sin duración"))
        self.call_notes = QPlainTextEdit()
        self.call_notes.setObjectName("callNotes")
        self.call_notes.setPlaceholderText(_tr("Lo conversado en la llamada (opcional)"))
        self.call_notes.setFixedHeight(56)
        call_form.addRow(_tr("Duración"), self.call_duration)
        call_form.addRow(_tr("Notas"), self.call_notes)
        layout.addWidget(self.call_box)

        self.whatsapp_box = QGroupBox(_tr("Respuesta por WhatsApp"))
        wa = QVBoxLayout(self.whatsapp_box)
        self.whatsapp_text = QPlainTextEdit()
        self.whatsapp_text.setObjectName("whatsappText")
        self.whatsapp_text.setFixedHeight(56)
        self.whatsapp_group = QButtonGroup(self)
        self.whatsapp_options: dict[str, QRadioButton] = {}
        for key, text in (
            (WHATSAPP_RESOLVE, _tr("Resolver ahora (caso rápido)")),
            (WHATSAPP_ASK_EMAIL, _tr("Pedir detalles por correo")),
            (WHATSAPP_SCHEDULE, _tr("Coordinar sesión remota / llamada")),
        ):
            radio = QRadioButton(text)
            radio.setObjectName(f"whatsapp_{key}")
            radio.setStyleSheet("font-weight: normal;")
            self.whatsapp_group.addButton(radio)
            self.whatsapp_options[key] = radio
            wa.addWidget(radio)
            radio.toggled.connect(self._on_whatsapp_option)
        self.whatsapp_options[WHATSAPP_SCHEDULE].setChecked(True)
        wa.addWidget(self.whatsapp_text)
        layout.addWidget(self.whatsapp_box)
        return holder

    # ================================================================== state
    def channel(self) -> Channel:
        return Channel(self.channel_combo.currentData())

    def whatsapp_choice(self) -> str:
        for key, radio in self.whatsapp_options.items():
            if radio.isChecked():
                return key
        return WHATSAPP_SCHEDULE

    def selected_client(self) -> ClientView | None:
        return self.client_info.client if self.client_info else None

    def selected_contact_id(self) -> int | None:
        value = self.contact_combo.currentData()
        return None if value in (None, UNREGISTERED) else int(value)

    def _on_channel_changed(self, *_args: object) -> None:
        channel = self.channel()
        self.call_box.setVisible(channel in CALL_CHANNELS)
        self.whatsapp_box.setVisible(channel is Channel.WHATSAPP)
        self.reinforce_button.setEnabled(channel in CALL_CHANNELS)
        self._update_buttons()

    def _on_whatsapp_option(self, *_args: object) -> None:
        placeholders = {
            WHATSAPP_RESOLVE: _tr("Solución dada por WhatsApp (obligatoria)"),
            WHATSAPP_ASK_EMAIL: _tr("Qué detalles se pidieron (opcional)"),
            WHATSAPP_SCHEDULE: _tr("Cuándo y cómo: sesión remota, llamada… (opcional)"),
        }
        self.whatsapp_text.setPlaceholderText(placeholders[self.whatsapp_choice()])
        if not hasattr(self, "open_button"):  # still building
            return
        self.open_button.setText(
            _tr("Abrir y resolver")
            if self.whatsapp_choice() == WHATSAPP_RESOLVE and self.channel() is Channel.WHATSAPP
            else _tr("Abrir tiquete")
        )

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(not self._busy)
        self.reinforce_button.setEnabled(
            not self._busy
            and self.channel() in CALL_CHANNELS
            and self.open_list.currentItem() is not None
        )
        self.busy_label.setVisible(self._busy)
        self._on_whatsapp_option()

    # ================================================================== clients
    def search_clients(self) -> None:
        text = self.search_edit.text()
        directory = self.ctx.directory
        self._run_job(lambda: directory.clients(text), self._set_clients, self._on_failed)

    def _set_clients(self, clients: list[ClientView]) -> None:
        current = self.selected_client()
        self.client_list.blockSignals(True)
        self.client_list.clear()
        for client in clients:
            ok = client.contract_in_force is not None
            mark = "✔" if ok else "⚠"
            contract = client.contract_in_force
            label = (
                _tr("Contrato vigente hasta {0}").format(f"{contract.ends_on:%d/%m/%Y}")
                if contract is not None
                else _tr("Sin contrato vigente")
            )
            if client.open_tickets:
                label += " · " + (
                    _tr("1 caso abierto")
                    if client.open_tickets == 1
                    else _tr("{0} casos abiertos").format(client.open_tickets)
                )
            item = QListWidgetItem(f"{client.name}\n   {mark} {label}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            item.setForeground(Qt.GlobalColor.black if ok else Qt.GlobalColor.darkRed)
            self.client_list.addItem(item)
            if current is not None and client.id == current.id:
                self.client_list.setCurrentItem(item)
        self.client_list.blockSignals(False)

    def choose_client(self, client_id: int) -> None:
        """Select a client by id (the list must already hold it)."""
        for row in range(self.client_list.count()):
            item = self.client_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == client_id:
                self.client_list.setCurrentItem(item)
                return

    def _on_client_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self._load_client(int(item.data(Qt.ItemDataRole.UserRole)))

    def _load_client(self, client_id: int, select_contact: int | None = None) -> None:
        self._client_request += 1
        request = self._client_request
        directory, tickets = self.ctx.directory, self.ctx.tickets

        def run() -> _ClientInfo:
            client = directory.client(client_id)
            rows = tuple(
                r
                for r in tickets.client_tickets(client_id)
                if r.status.is_open and r.status is not TicketStatus.RESOLVED
            )
            return _ClientInfo(client, rows)

        def done(info: _ClientInfo) -> None:
            if request == self._client_request:  # a later choice wins
                self._set_client(info, select_contact)

        self._run_job(run, done, self._on_failed)

    def _set_client(self, info: _ClientInfo, select_contact: int | None) -> None:
        self.client_info = info
        client = info.client
        contract = client.contract_in_force
        if contract is not None:
            self.contract_label.setText(
                _tr("✔ Contrato vigente {0} · del {1} al {2}").format(
                    contract.number,
                    f"{contract.starts_on:%d/%m/%Y}",
                    f"{contract.ends_on:%d/%m/%Y}",
                )
            )
            self.contract_label.setStyleSheet(
                "color: #1b5e20; background: #e8f5ea; border-radius: 4px; padding: 6px;"
                " font-weight: 600;"
            )
        else:
            self.contract_label.setText(
                _tr(
                    "⚠ {0} no tiene contrato de mantenimiento vigente. El caso se registra "
                    "igual y queda marcado para revisión del supervisor."
                ).format(client.name)
            )
            self.contract_label.setStyleSheet(
                "color: #7f1d1d; background: #fdecea; border: 1px solid #c62828;"
                " border-radius: 4px; padding: 6px; font-weight: 600;"
            )
        self.contract_label.show()
        self._fill_contacts(client, select_contact)
        self.open_list.clear()
        for row in info.open_tickets:
            state = i18n.label(row.status)
            who = row.assignee_name or _tr("sin asignar")
            item = QListWidgetItem(
                f"{row.number} · {i18n.label(row.priority)} · {row.subject}\n"
                f"   {state} · {who} · "
                + _tr("recibido {0}").format(format_datetime(row.received_at, with_year=False))
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.open_list.addItem(item)
        self.open_box.setVisible(bool(info.open_tickets))
        if info.open_tickets:
            self.open_list.setCurrentRow(0)
        self._update_buttons()

    def contact_warning(self) -> str:
        return "" if self.contract_label.isHidden() else self.contract_label.text()

    def _fill_contacts(self, client: ClientView | None, select: int | None = None) -> None:
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        contacts = sorted(
            (c for c in (client.contacts if client else ()) if c.active),
            key=lambda c: (not c.is_key_user, c.name),
        )
        for contact in contacts:
            label = contact.name
            if contact.is_key_user:
                label += "  ★ " + _tr("usuario clave")
            reach = contact.phone or contact.email
            if reach:
                label += f"  ·  {reach}"
            self.contact_combo.addItem(label, contact.id)
        self.contact_combo.addItem(_tr("Otra persona (no registrada)…"), UNREGISTERED)
        index = self.contact_combo.findData(select) if select is not None else 0
        self.contact_combo.setCurrentIndex(max(index, 0))
        self.contact_combo.blockSignals(False)
        self._on_contact_changed()

    def _on_contact_changed(self, *_args: object) -> None:
        unregistered = self.contact_combo.currentData() == UNREGISTERED
        for widget in (self.requester_name, self.requester_phone, self.new_contact_key):
            widget.setEnabled(unregistered)
        self.new_contact_button.setEnabled(unregistered and self.selected_client() is not None)

    def add_contact(self) -> None:
        client = self.selected_client()
        name = self.requester_name.text().strip()
        if client is None:
            self.banner.show_message(_tr("Elija primero el cliente."), "warning")
            return
        if not name:
            self.banner.show_message(_tr("Escriba el nombre del nuevo contacto."), "warning")
            return
        reach = self.requester_phone.text().strip()
        email = reach if "@" in reach else None
        phone = reach if reach and "@" not in reach else None
        key = self.new_contact_key.isChecked()
        directory = self.ctx.directory

        def done(contact_id: int) -> None:
            self.banner.show_message(
                _tr("{0} quedó registrado como contacto de {1}.").format(name, client.name),
                "success",
            )
            self.requester_name.clear()
            self.requester_phone.clear()
            self.new_contact_key.setChecked(False)
            self._load_client(client.id, select_contact=contact_id)

        self._run_job(
            lambda: directory.add_contact(
                client.id, name, email=email, phone=phone, whatsapp=phone, is_key_user=key
            ),
            done,
            self._on_failed,
        )

    def _set_products(self, products: list[tuple[int, str]]) -> None:
        for product_id, name in products:
            self.product_combo.addItem(name, product_id)

    # ================================================================== submit
    def received_at(self) -> datetime | None:
        """None while the technician left the default (the ticket is received now)."""
        chosen = _from_qdatetime(self.received_edit.dateTime())
        if abs(chosen - self._received_default) < timedelta(minutes=1):
            return None
        return chosen

    def _requester(self) -> tuple[int | None, str, str]:
        contact_id = self.selected_contact_id()
        if contact_id is not None:
            return contact_id, "", ""
        return None, self.requester_name.text().strip(), self.requester_phone.text().strip()

    def _requester_display(self) -> str:
        contact_id, name, _reach = self._requester()
        if contact_id is not None and self.client_info is not None:
            for contact in self.client_info.client.contacts:
                if contact.id == contact_id:
                    return contact.name
        return name or _tr("el solicitante")

    def _validate(self) -> Priority | None:
        if not self.subject_edit.text().strip():
            self.banner.show_message(_tr("Escriba el asunto del tiquete."), "warning")
            self.subject_edit.setFocus()
            return None
        priority = self.questions.priority()
        if priority is None:
            self.banner.show_message(
                _tr("Responda las preguntas de prioridad o elija el nivel."), "warning"
            )
            return None
        contact_id, name, _reach = self._requester()
        if contact_id is None and not name:
            self.banner.show_message(
                _tr("Indique quién solicita: un contacto del cliente o su nombre."), "warning"
            )
            return None
        if (
            self.channel() is Channel.WHATSAPP
            and self.whatsapp_choice() == WHATSAPP_RESOLVE
            and not self.whatsapp_text.toPlainText().strip()
        ):
            self.banner.show_message(
                _tr("Escriba la solución dada por WhatsApp para resolver ahora."), "warning"
            )
            return None
        return priority

    def _first_action(self) -> FirstAction:
        channel = self.channel()
        who = self._requester_display()
        if channel in CALL_CHANNELS:
            notes = self.call_notes.toPlainText().strip()
            text = _tr("Llamada de {0} por {1}.").format(who, i18n.label(channel))
            return FirstAction(
                ActionKind.CALL_IN,
                f"{text} {notes}".strip(),
                is_contact=True,
                duration_minutes=self.call_duration.value() or None,
            )
        note = self.whatsapp_text.toPlainText().strip()
        choice = self.whatsapp_choice()
        if choice == WHATSAPP_RESOLVE:
            text = _tr("Solución dada por WhatsApp a {0}: {1}").format(who, note)
        elif choice == WHATSAPP_ASK_EMAIL:
            text = _tr("Se pidió a {0} por WhatsApp enviar los detalles por correo.").format(who)
            text = f"{text} {note}".strip()
        else:
            text = _tr("Se coordinó con {0} por WhatsApp una sesión remota / llamada.").format(who)
            text = f"{text} {note}".strip()
        return FirstAction(ActionKind.WHATSAPP, text, is_contact=True)

    def build_request(self, priority: Priority) -> OpenTicketRequest:
        contact_id, name, reach = self._requester()
        client = self.selected_client()
        choice = self.whatsapp_choice() if self.channel() is Channel.WHATSAPP else ""
        return OpenTicketRequest(
            channel=self.channel(),
            priority=priority,
            subject=self.subject_edit.text(),
            description=self.description_edit.toPlainText().strip(),
            client_id=client.id if client else None,
            contact_id=contact_id,
            requester_name=name,
            requester_address=reach,
            product_id=self.product_combo.currentData(),
            received_at=self.received_at(),
            first_action=self._first_action(),
            uid=self.uid,
            details={
                "priority_answers": {
                    k: v for k, v in vars_of(self.questions.answers()).items() if v is not None
                },
                "priority_overridden": self.questions.is_overridden(),
                **({"whatsapp": choice} if choice else {}),
            },
        )

    def submit(self) -> None:
        if self._busy:
            return
        priority = self._validate()
        if priority is None:
            return
        request = self.build_request(priority)
        tickets, actor = self.ctx.tickets, self.ctx.actor
        choice = self.whatsapp_choice() if request.channel is Channel.WHATSAPP else ""
        solution = self.whatsapp_text.toPlainText().strip()

        def run() -> TicketDetail:
            detail = tickets.open(request, actor)  # the uid makes a retry return the same one
            status = detail.row.status
            if choice == WHATSAPP_RESOLVE and status.is_open:
                detail = tickets.resolve(detail.id, solution, actor, detail.version)
            elif (
                choice == WHATSAPP_ASK_EMAIL
                and status.is_open
                and status is not TicketStatus.WAITING_CLIENT
            ):
                detail = tickets.set_status(
                    detail.id, TicketStatus.WAITING_CLIENT, actor, detail.version
                )
            return detail

        self._run(run)

    def reinforce(self) -> None:
        """Log this call on the chosen open ticket instead of opening a duplicate."""
        item = self.open_list.currentItem()
        if self._busy or item is None:
            return
        ticket_id = int(item.data(Qt.ItemDataRole.UserRole))
        who = self._requester_display()
        notes = self.call_notes.toPlainText().strip() or self.subject_edit.text().strip()
        text = _tr("Llamada de refuerzo de {0} por {1}.").format(who, i18n.label(self.channel()))
        text = f"{text} {notes}".strip()
        duration = self.call_duration.value() or None
        tickets, actor, uid = self.ctx.tickets, self.ctx.actor, self.uid
        self._run(
            lambda: tickets.log_action(
                ticket_id,
                actor,
                ActionKind.CALL_IN,
                text,
                is_contact=True,
                duration_minutes=duration,
                uid=uid,
            )
        )

    def _run(self, fn: Callable[[], TicketDetail]) -> None:
        self._busy = True
        self.banner.clear()
        self._update_buttons()
        self._run_job(fn, self._on_done, self._on_failed)

    def _on_done(self, detail: TicketDetail) -> None:
        self._busy = False
        self.opened_ticket_id = detail.id
        self.ticket_opened.emit(detail.id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, DatabaseUnavailable):
            self.banner.show_message(
                error_text(error) + " " + _tr("Lo escrito se conserva; intente de nuevo."),
                "error",
            )
        elif isinstance(error, ServiceError):
            self.banner.show_message(error_text(error), "warning")
        else:
            self.banner.show_message(
                _tr("Error inesperado: {0}. Lo escrito se conserva.").format(error), "error"
            )
        self._update_buttons()


def vars_of(answers: object) -> dict[str, bool | None]:
    return {name: getattr(answers, name) for name in ("down", "alternative", "daily", "can_wait")}
