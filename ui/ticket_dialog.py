"""Ticket detail: header, first-contact clock, timeline, and the forms that act on the ticket."""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendars import BusinessCalendar
from app.domain.formatting import format_datetime
from app.domain.priorities import Priority
from app.domain.sla import explain_deadline, read_clock
from app.domain.tickets import (
    LOGGABLE_KINDS,
    ActionKind,
    TicketStatus,
    can_transition,
    parse_ticket_number,
)
from app.services.errors import Conflict, DatabaseUnavailable, ServiceError
from app.services.mail_intake import MailIntakeService, MailView
from app.services.snapshots import AttachmentView, QueueRow, TicketDetail
from app.services.tickets import NewAttachment, TicketService
from ui import i18n
from ui.clock_text import describe
from ui.context import AppContext
from ui.mail_thread import MailThreadView, RawMailDialog
from ui.service_errors import error_text
from ui.timeline import Timeline, ask_save_path, human_size, plain_label
from ui.widgets.banner import Banner
from ui.widgets.guard import GuardedJobs

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
SUPERVISOR_ROLES = ("supervisor", "admin")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketDialog", text)


@dataclass(frozen=True)
class _Loaded:
    detail: TicketDetail
    calendar: BusinessCalendar
    at_risk_fraction: float


def image_to_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class ActionTextEdit(QPlainTextEdit):
    """Plain text only; pasting an image (a screenshot) hands it over as an attachment."""

    image_pasted = QtSignal(QImage)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.image_pasted.emit(image)
                return
        self.insertPlainText(source.text())


class TicketDialog(QDialog, GuardedJobs):
    """Everything about one ticket; every change goes through ``ctx.runner`` with its version."""

    changed = QtSignal(int)  # the ticket (or a ticket it was merged into) changed here

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.detail: TicketDetail | None = None
        self._calendar: BusinessCalendar | None = None
        self._at_risk_fraction = 0.25
        self._log_uid: str | None = None
        self._pending: list[NewAttachment] = []
        self._busy = False
        self._priority_initialised = False
        self.setWindowTitle(_tr("Tiquete {0}").format(f"IMR-{ticket_id}"))
        self.resize(1180, 860)
        self._build()
        self.clock_timer = QTimer(self)
        self.clock_timer.setObjectName("ticketClockTimer")
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self.tick)
        self.reload()

    # ================================================================== layout
    def _build(self) -> None:
        self.setStyleSheet(
            "QDialog { background: #ffffff; }"
            " #headerCard { background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 6px; }"
            " #clockCard { background: #ffffff; border: 1px solid #dde3ea; border-radius: 6px; }"
            " .caption { color: #5f6b7a; }"
            " QTabWidget::pane { border: 1px solid #dde3ea; border-radius: 4px; }"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 12)
        outer.setSpacing(8)

        self.title_label = plain_label("", object_name="ticketTitle")
        self.title_label.setStyleSheet("font-size: 17px; font-weight: 700; color: #1d2733;")
        outer.addWidget(self.title_label)

        self.banner = Banner()
        self.banner.action_clicked.connect(self._on_banner_action)
        outer.addWidget(self.banner)

        outer.addLayout(self._build_header())

        self.review_frame = QFrame()
        self.review_frame.setObjectName("reviewFrame")
        self.review_frame.setStyleSheet(
            "#reviewFrame { background: #fff4e0; border: 1px solid #e0a84a; border-radius: 4px; }"
        )
        review_layout = QVBoxLayout(self.review_frame)
        review_layout.setContentsMargins(10, 6, 10, 6)
        review_title = QLabel(_tr("⚑ Marcado para revisión del supervisor"))
        review_title.setStyleSheet("color: #6b4100; font-weight: 700;")
        self.review_label = plain_label("", object_name="reviewReasons")
        self.review_label.setStyleSheet("color: #6b4100;")
        review_layout.addWidget(review_title)
        review_layout.addWidget(self.review_label)
        self.review_frame.hide()
        outer.addWidget(self.review_frame)

        outer.addLayout(self._build_toolbar())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        history = QLabel(_tr("Historial de acciones"))
        history.setStyleSheet("font-weight: 700; color: #1d2733;")
        left_layout.addWidget(history)
        self.description_label = plain_label("", object_name="ticketDescription")
        self.description_label.setStyleSheet(
            "background: #fbfcfd; border: 1px dashed #cfd8e3; border-radius: 4px; padding: 6px;"
        )
        left_layout.addWidget(self.description_label)
        self.timeline = Timeline(fetch=self._fetch_attachment)
        self.timeline.save_requested.connect(self._save_attachment)
        left_layout.addWidget(self.timeline, 1)
        splitter.addWidget(left)
        splitter.addWidget(self._build_tabs())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 480])
        outer.addWidget(splitter, 1)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("class", "caption")
        label.setStyleSheet("color: #5f6b7a;")
        return label

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        card = QFrame()
        card.setObjectName("headerCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        self.client_label = plain_label("", object_name="clientLabel")
        self.client_label.setStyleSheet("font-weight: 600;")
        self.contract_label = plain_label("", object_name="contractLabel")
        self.requester_label = plain_label("", object_name="requesterLabel")
        self.key_user_label = QLabel()
        self.key_user_label.setObjectName("keyUserLabel")
        self.product_label = plain_label("", object_name="productLabel")
        self.channel_label = plain_label("", object_name="channelLabel")
        self.status_label = plain_label("", object_name="statusLabel")
        self.assignee_label = plain_label("", object_name="assigneeLabel")
        self.priority_label = plain_label("", object_name="priorityLabel")
        self.priority_meaning = plain_label("", object_name="priorityMeaning")
        self.priority_meaning.setStyleSheet("color: #44505c;")
        requester_row = QHBoxLayout()
        requester_row.setSpacing(8)
        requester_row.addWidget(self.requester_label)
        self.key_user_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        requester_row.addWidget(self.key_user_label, 0, Qt.AlignmentFlag.AlignVCenter)
        requester_row.addStretch(1)
        fields: list[tuple[str, QWidget | QHBoxLayout]] = [
            (_tr("Cliente"), self.client_label),
            (_tr("Contrato"), self.contract_label),
            (_tr("Solicitante"), requester_row),
            (_tr("Producto"), self.product_label),
        ]
        right: list[tuple[str, QWidget]] = [
            (_tr("Canal"), self.channel_label),
            (_tr("Estado"), self.status_label),
            (_tr("Asignado a"), self.assignee_label),
            (_tr("Prioridad"), self.priority_label),
        ]
        for index, (caption, widget) in enumerate(fields):
            grid.addWidget(self._caption(caption), index, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(widget, QHBoxLayout):
                grid.addLayout(widget, index, 1)
            else:
                grid.addWidget(widget, index, 1, Qt.AlignmentFlag.AlignTop)
        for index, (caption, widget) in enumerate(right):
            grid.addWidget(self._caption(caption), index, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, index, 3, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.priority_meaning, len(fields), 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        row.addWidget(card, 3)

        clock = QFrame()
        clock.setObjectName("clockCard")
        clock.setMinimumWidth(330)
        clock_layout = QVBoxLayout(clock)
        clock_layout.setContentsMargins(12, 10, 12, 10)
        clock_layout.setSpacing(3)
        clock_layout.addWidget(self._caption(_tr("Primer contacto")))
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("clockCountdown")
        self.countdown_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clock_state_label = QLabel()
        self.clock_state_label.setObjectName("clockState")
        self.clock_state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clock_state_label.setWordWrap(True)
        self.deadline_label = plain_label("", object_name="clockDeadline")
        self.received_label = plain_label("", object_name="receivedLabel")
        self.received_label.setStyleSheet("color: #5f6b7a;")
        self.why_button = QToolButton()
        self.why_button.setObjectName("whyDeadline")
        self.why_button.setText(_tr("¿Por qué este vencimiento?"))
        self.why_button.setCheckable(True)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setAutoRaise(True)
        self.why_button.toggled.connect(self._toggle_explanation)
        self.explanation_label = plain_label("", object_name="deadlineExplanation")
        self.explanation_label.setStyleSheet(
            "background: #f5f7fa; border-radius: 4px; padding: 6px; color: #2c3845;"
        )
        self.explanation_label.hide()
        for widget in (
            self.countdown_label,
            self.clock_state_label,
            self.deadline_label,
            self.received_label,
            self.why_button,
            self.explanation_label,
        ):
            clock_layout.addWidget(widget)
        clock_layout.addStretch(1)
        row.addWidget(clock, 2)
        return row

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.claim_button = QPushButton(_tr("Tomar"))
        self.claim_button.setObjectName("claimButton")
        self.claim_button.clicked.connect(self.claim)
        self.release_button = QPushButton(_tr("Liberar"))
        self.release_button.setObjectName("releaseButton")
        self.release_button.clicked.connect(self.release)
        self.waiting_button = QPushButton(_tr("En espera del cliente"))
        self.waiting_button.setObjectName("waitingButton")
        self.waiting_button.clicked.connect(self.set_waiting)
        self.close_ticket_button = QPushButton(_tr("Cerrar tiquete"))
        self.close_ticket_button.setObjectName("closeTicketButton")
        self.close_ticket_button.clicked.connect(self.close_ticket)
        # Issue 7 fills ``ctx.mail_sender``; until then the button stays hidden.
        self.reply_button = QPushButton(_tr("Responder por correo"))
        self.reply_button.setObjectName("replyByMailButton")
        self.reply_button.clicked.connect(self.reply_by_mail)
        self.reply_button.setVisible(self.mail_sender is not None)
        self.reload_button = QPushButton(_tr("Recargar"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_button.clicked.connect(self.reload)
        for button in (
            self.claim_button,
            self.release_button,
            self.waiting_button,
            self.close_ticket_button,
            self.reply_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        self.busy_label = QLabel(_tr("Guardando…"))
        self.busy_label.setStyleSheet("color: #5f6b7a;")
        self.busy_label.hide()
        bar.addWidget(self.busy_label)
        bar.addWidget(self.reload_button)
        return bar

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("actionTabs")
        self.tabs.addTab(self._build_log_form(), _tr("Registrar acción"))
        self.tabs.addTab(self._build_resolve_form(), _tr("Resolver"))
        self.tabs.addTab(self._build_priority_form(), _tr("Cambiar prioridad"))
        self.tabs.addTab(self._build_reopen_merge_form(), _tr("Reabrir / Fusionar"))
        self.mail_thread = MailThreadView(fetch=self._fetch_attachment)
        self.mail_thread.save_requested.connect(self._save_attachment)
        self.mail_thread.original_requested.connect(self.show_original)
        self.tabs.addTab(self.mail_thread, _tr("Correos"))
        return self.tabs

    def _build_log_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(6)
        grid = QGridLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        for kind in LOGGABLE_KINDS:
            self.kind_combo.addItem(i18n.label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("durationSpin")
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setSpecialValueText(_tr("sin duración"))
        self.contact_check = QCheckBox(_tr("Fue contacto con el solicitante"))
        self.contact_check.setObjectName("contactCheck")
        grid.addWidget(QLabel(_tr("Tipo")), 0, 0)
        grid.addWidget(self.kind_combo, 0, 1)
        grid.addWidget(QLabel(_tr("Duración")), 0, 2)
        grid.addWidget(self.duration_spin, 0, 3)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(self.contact_check)
        self.contact_hint = QLabel()
        self.contact_hint.setWordWrap(True)
        self.contact_hint.setStyleSheet("color: #5f6b7a; font-size: 11px;")
        layout.addWidget(self.contact_hint)
        self.action_text = ActionTextEdit()
        self.action_text.setObjectName("actionText")
        self.action_text.setPlaceholderText(
            _tr("Qué se hizo o se habló con el solicitante… (Ctrl+V pega una captura)")
        )
        self.action_text.image_pasted.connect(self._add_pasted_image)
        self.action_text.textChanged.connect(self._update_buttons)
        layout.addWidget(self.action_text, 1)
        attach_row = QHBoxLayout()
        self.attach_button = QPushButton(_tr("Adjuntar archivo…"))
        self.attach_button.setObjectName("attachButton")
        self.attach_button.clicked.connect(self._choose_files)
        self.paste_button = QPushButton(_tr("Pegar captura"))
        self.paste_button.setObjectName("pasteButton")
        self.paste_button.setToolTip(_tr("Adjunta la imagen del portapapeles como PNG (Ctrl+V)"))
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.remove_attachment_button = QPushButton(_tr("Quitar"))
        self.remove_attachment_button.clicked.connect(self._remove_selected_attachment)
        self.remove_attachment_button.hide()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.paste_button)
        attach_row.addStretch(1)
        attach_row.addWidget(self.remove_attachment_button)
        layout.addLayout(attach_row)
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("pendingAttachments")
        self.attachment_list.setMaximumHeight(70)
        self.attachment_list.hide()
        layout.addWidget(self.attachment_list)
        self.log_button = QPushButton(_tr("Registrar acción"))
        self.log_button.setObjectName("logButton")
        self.log_button.setDefault(True)
        self.log_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.log_button.clicked.connect(self.log_action)
        layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignRight)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), page)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_from_clipboard)
        self._on_kind_changed()
        return page

    def _build_resolve_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(_tr("Describa la solución brindada al usuario final."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.solution_text = QPlainTextEdit()
        self.solution_text.setObjectName("solutionText")
        self.solution_text.setPlaceholderText(_tr("Solución (obligatoria)"))
        self.solution_text.textChanged.connect(self._update_buttons)
        layout.addWidget(self.solution_text, 1)
        self.resolve_button = QPushButton(_tr("Resolver tiquete"))
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        layout.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_priority_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("priorityCombo")
        for level in Priority:
            self.priority_combo.addItem(
                _tr("{0} — {1} (primer contacto en {2})").format(
                    i18n.label(level), i18n.summary(level), i18n.target_text(level)
                ),
                int(level),
            )
        self.priority_combo.currentIndexChanged.connect(self._on_priority_choice)
        self.priority_definition = plain_label("")
        self.priority_definition.setStyleSheet("color: #44505c;")
        self.priority_reason = QLineEdit()
        self.priority_reason.setObjectName("priorityReason")
        self.priority_reason.setPlaceholderText(_tr("Motivo del cambio (obligatorio)"))
        self.priority_reason.textChanged.connect(self._update_buttons)
        note = QLabel(
            _tr(
                "Antes del primer contacto el vencimiento se recalcula desde la hora de "
                "recepción; después, el resultado del primer contacto no cambia."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a; font-size: 11px;")
        self.reprioritise_button = QPushButton(_tr("Cambiar prioridad"))
        self.reprioritise_button.setObjectName("reprioritiseButton")
        self.reprioritise_button.clicked.connect(self.reprioritise)
        layout.addWidget(QLabel(_tr("Nueva prioridad")))
        layout.addWidget(self.priority_combo)
        layout.addWidget(self.priority_definition)
        layout.addWidget(QLabel(_tr("Motivo")))
        layout.addWidget(self.priority_reason)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.reprioritise_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_reopen_merge_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._bold_label(_tr("Reabrir")))
        self.reopen_reason, self.reopen_button = self._input_row(
            layout,
            ("reopenReason", _tr("Por qué se reabre (obligatorio)")),
            ("reopenButton", _tr("Reabrir tiquete")),
            self.reopen,
        )
        layout.addSpacing(14)
        layout.addWidget(self._bold_label(_tr("Fusionar en…")))
        merge_help = QLabel(
            _tr(
                "Si este tiquete es un duplicado, su historial pasa al tiquete original "
                "y este queda cerrado."
            )
        )
        merge_help.setWordWrap(True)
        merge_help.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(merge_help)
        self.merge_target, self.merge_button = self._input_row(
            layout,
            ("mergeTarget", _tr("Tiquete original, p. ej. IMR-120")),
            ("mergeButton", _tr("Fusionar en…")),
            self.merge,
        )
        layout.addStretch(1)
        return page

    @staticmethod
    def _bold_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 700;")
        return label

    def _input_row(
        self,
        layout: QVBoxLayout,
        edit: tuple[str, str],
        button: tuple[str, str],
        slot: Callable[[], None],
    ) -> tuple[QLineEdit, QPushButton]:
        """A line edit (object name, placeholder) and the button that acts on it, in one row."""
        line_edit = QLineEdit()
        line_edit.setObjectName(edit[0])
        line_edit.setPlaceholderText(edit[1])
        line_edit.textChanged.connect(self._update_buttons)
        push = QPushButton(button[1])
        push.setObjectName(button[0])
        push.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(line_edit, 1)
        row.addWidget(push)
        layout.addLayout(row)
        return line_edit, push

    # ================================================================== loading
    @property
    def mail_sender(self) -> Any:
        return getattr(self.ctx, "mail_sender", None)

    def _load_fn(self, fn: Callable[[], TicketDetail]) -> Callable[[], _Loaded]:
        policy = self.ctx.policy

        def run() -> _Loaded:
            detail = fn()
            return _Loaded(
                detail,
                policy.calendar(detail.row.calendar_name),
                policy.get().at_risk_fraction,
            )

        return run

    def reload(self) -> None:
        """Fetch the ticket again; whatever is typed in the forms stays as it is."""
        tickets, ticket_id = self.ctx.tickets, self.ticket_id
        self._run_job(
            self._load_fn(lambda: tickets.get(ticket_id)),
            self._on_reloaded,
            self._on_failed,
        )

    def reload_calendar(self) -> None:
        """The SLA settings changed: the clock takes the ticket's calendar and the at-risk
        threshold as they are now. The ticket itself is not fetched again, so a save in
        progress, the banner and whatever is typed are left exactly as they are."""
        if self.detail is None:
            return
        policy, name = self.ctx.policy, self.detail.row.calendar_name
        self._run_job(
            lambda: (policy.calendar(name), policy.get().at_risk_fraction),
            self._on_calendar,
            lambda _error: None,  # the next reload or save shows any database trouble
        )

    def _on_calendar(self, result: tuple[BusinessCalendar, float]) -> None:
        if self.detail is None:
            return
        self._calendar, self._at_risk_fraction = result
        self._show_explanation(self.detail.row, self._calendar)
        self.tick()

    def _show_explanation(self, row: QueueRow, calendar: BusinessCalendar) -> None:
        explanation = explain_deadline(calendar, row.received_at, row.target)
        lines = explanation.lines()
        if explanation.deadline != row.deadline:
            # a deadline is fixed when it is computed; the hours were changed since
            lines.append(
                _tr(
                    "Con los horarios de hoy vencería {0}; el plazo de este tiquete se "
                    "calculó con los horarios vigentes en su momento."
                ).format(format_datetime(explanation.deadline))
            )
        self.explanation_label.setText("\n".join(lines))

    def _on_reloaded(self, loaded: _Loaded) -> None:
        if self.banner.kind in ("error", "warning"):
            self.banner.clear()
        self._apply(loaded)

    def _apply(self, loaded: _Loaded) -> None:
        detail = loaded.detail
        self.detail = detail
        self._calendar = loaded.calendar
        self._at_risk_fraction = loaded.at_risk_fraction
        row = detail.row
        self.setWindowTitle(f"{row.number} — {row.subject}")
        self.title_label.setText(f"{row.number} · {row.subject}")
        client = detail.client
        self.client_label.setText(client.name if client else _tr("(cliente no identificado)"))
        self._show_contract(detail)
        requester = detail.requester_name or (detail.contact.name if detail.contact else "")
        if detail.requester_address:
            requester = (
                f"{requester} <{detail.requester_address}>"
                if requester
                else (detail.requester_address)
            )
        self.requester_label.setText(requester or _tr("(sin solicitante)"))
        if detail.contact is not None and detail.contact.is_key_user:
            self._badge(self.key_user_label, _tr("usuario clave"), "#e3f3e6", "#1b5e20")
        elif detail.contact is not None:
            self._badge(self.key_user_label, _tr("no es usuario clave"), "#fff4e0", "#6b4100")
        else:
            self._badge(self.key_user_label, _tr("contacto no registrado"), "#fdecea", "#7f1d1d")
        self.product_label.setText(detail.product_name or _tr("(sin producto)"))
        self.channel_label.setText(i18n.label(row.channel))
        status = i18n.label(row.status)
        if detail.merged_into:
            status += "  " + _tr("(fusionado en IMR-{0})").format(detail.merged_into)
        self.status_label.setText(status)
        self.assignee_label.setText(row.assignee_name or _tr("sin asignar"))
        self.priority_label.setText(i18n.label(row.priority))
        self.priority_label.setStyleSheet(
            f"font-weight: 700; color: {_PRIORITY_COLOURS[row.priority]};"
        )
        self.priority_meaning.setText(
            f"{i18n.label(row.priority)}: {i18n.summary(row.priority)}. "
            f"{i18n.definition(row.priority)} "
            + _tr("Primer contacto en {0}.").format(i18n.target_text(row.priority))
        )
        self.received_label.setText(
            _tr("Recibido {0} · {1}").format(
                format_datetime(row.received_at), loaded.calendar.display_name
            )
        )
        self._show_explanation(row, loaded.calendar)
        self.review_frame.setVisible(bool(detail.review_reasons))
        self.review_label.setText("\n".join(f"• {r}" for r in detail.review_reasons))
        description = detail.description.strip()
        self.description_label.setVisible(bool(description))
        self.description_label.setText(description)
        self.timeline.set_actions(detail.actions)
        self._load_mails(detail)
        if not self._priority_initialised:
            self._priority_initialised = True
            self.priority_combo.setCurrentIndex(self.priority_combo.findData(int(row.priority)))
            self._on_priority_choice()
        self.tick()
        if not self.clock_timer.isActive():
            self.clock_timer.start()
        self._update_buttons()

    def _show_contract(self, detail: TicketDetail) -> None:
        client = detail.client
        if client is None:
            text, ok = _tr("Sin contrato vigente (cliente no identificado)"), False
        elif client.contract_in_force is not None:
            c = client.contract_in_force
            text = _tr("Contrato vigente {0} · del {1} al {2}").format(
                c.number, f"{c.starts_on:%d/%m/%Y}", f"{c.ends_on:%d/%m/%Y}"
            )
            if c.critical_line_24x7:
                text += " · " + _tr("Línea Crítica 24×7")
            ok = True
        else:
            text = _tr("Sin contrato vigente")
            if client.contracts:
                last = max(client.contracts, key=lambda c: c.ends_on)
                text += " " + _tr("(último: {0}, del {1} al {2})").format(
                    last.number, f"{last.starts_on:%d/%m/%Y}", f"{last.ends_on:%d/%m/%Y}"
                )
            ok = False
        self.contract_label.setText(("✔ " if ok else "⚠ ") + text)
        colour = "#1b7f3b" if ok else "#c62828"
        self.contract_label.setStyleSheet(f"color: {colour}; font-weight: 600;")

    @staticmethod
    def _badge(label: QLabel, text: str, background: str, foreground: str) -> None:
        label.setText(text)
        label.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 8px;"
            " padding: 1px 8px; font-size: 11px; font-weight: 600;"
        )

    # ================================================================== clock
    def tick(self, now: datetime | None = None) -> None:
        """Recompute the clock from the stored deadline (never decremented)."""
        if self.detail is None or self._calendar is None:
            return
        now = now or datetime.now(UTC)
        row = self.detail.row
        reading = read_clock(
            self._calendar,
            deadline=row.deadline,
            target=row.target,
            now=now,
            first_contact_at=row.first_contact_at,
            at_risk_fraction=self._at_risk_fraction,
        )
        text = describe(reading, now=now)
        self.countdown_label.setText(text.countdown or ("✔ " + text.state))
        self.clock_state_label.setVisible(bool(text.countdown))
        self.countdown_label.setStyleSheet(
            f"font-size: 26px; font-weight: 700; color: {text.colour};"
            " font-family: 'DejaVu Sans Mono', monospace;"
        )
        self.clock_state_label.setText(text.state)
        self.clock_state_label.setStyleSheet(f"font-weight: 600; color: {text.colour};")
        deadline = _tr("vence {0}").format(format_datetime(row.deadline, with_year=False))
        if row.first_contact_at is not None:
            deadline += "  ·  " + _tr("primer contacto {0}").format(
                format_datetime(row.first_contact_at, with_year=False)
            )
        self.deadline_label.setText(deadline)

    def clock_state_text(self) -> str:
        return self.clock_state_label.text()

    def _toggle_explanation(self, shown: bool) -> None:
        self.explanation_label.setVisible(shown)
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # ================================================================== enabling
    def _on_kind_changed(self, *_args: object) -> None:
        kind = self.current_kind()
        self.contact_check.setEnabled(kind.can_be_contact)
        self.contact_check.setChecked(kind.contact_by_default)
        if kind.can_be_contact:
            self.contact_hint.setText(
                _tr("El primer contacto con el solicitante detiene el reloj de primer contacto.")
            )
        else:
            self.contact_hint.setText(
                _tr("«{0}» no cuenta como contacto con el solicitante.").format(i18n.label(kind))
            )

    def _on_priority_choice(self, *_args: object) -> None:
        level = Priority(self.priority_combo.currentData())
        self.priority_definition.setText(i18n.definition(level))
        self._update_buttons()

    def current_kind(self) -> ActionKind:
        return ActionKind(self.kind_combo.currentData())

    def _update_buttons(self) -> None:
        detail = self.detail
        loaded = detail is not None and not self._busy
        status = detail.row.status if detail else TicketStatus.NEW
        is_open = status.is_open and (detail is None or detail.merged_into is None)
        assignee = detail.row.assignee_login if detail else None
        me = self.ctx.technician
        self.claim_button.setEnabled(loaded and is_open and assignee is None)
        self.release_button.setEnabled(
            loaded
            and is_open
            and assignee is not None
            and (assignee == me.login or me.role in SUPERVISOR_ROLES)
        )
        self.waiting_button.setEnabled(
            loaded and can_transition(status, TicketStatus.WAITING_CLIENT)
        )
        self.close_ticket_button.setEnabled(loaded and can_transition(status, TicketStatus.CLOSED))
        self.resolve_button.setEnabled(
            loaded
            and can_transition(status, TicketStatus.RESOLVED)
            and bool(self.solution_text.toPlainText().strip())
        )
        chosen = self.priority_combo.currentData()
        self.reprioritise_button.setEnabled(
            loaded
            and is_open
            and detail is not None
            and chosen != int(detail.row.priority)
            and bool(self.priority_reason.text().strip())
        )
        self.reopen_button.setEnabled(
            loaded
            and not status.is_open
            and detail is not None
            and detail.merged_into is None
            and bool(self.reopen_reason.text().strip())
        )
        self.merge_button.setEnabled(loaded and is_open and bool(self.merge_target.text().strip()))
        self.log_button.setEnabled(
            loaded
            and (detail is None or detail.merged_into is None)
            and (bool(self.action_text.toPlainText().strip()) or bool(self._pending))
        )
        self.busy_label.setVisible(self._busy)

    # ================================================================== actions
    def _submit(
        self,
        fn: Callable[[], TicketDetail],
        on_done: Callable[[], None] | None = None,
        message: str | None = None,
    ) -> None:
        if self._busy or self.detail is None:
            return
        self._busy = True
        self._update_buttons()

        def success(loaded: _Loaded) -> None:
            self._busy = False
            self.banner.clear()
            if on_done is not None:
                on_done()
            self._apply(loaded)
            if message:
                self.banner.show_message(message, "success")
            self.changed.emit(self.ticket_id)

        self._run_job(self._load_fn(fn), success, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, Conflict):
            self.banner.show_message(error_text(error), "error", _tr("Recargar"))
        elif isinstance(error, DatabaseUnavailable):
            self.banner.show_message(
                error_text(error) + " " + _tr("Lo escrito se conserva."), "error", _tr("Recargar")
            )
        elif isinstance(error, ServiceError):
            self.banner.show_message(error_text(error), "warning")
        else:
            self.banner.show_message(
                _tr("Error inesperado: {0}. Lo escrito se conserva.").format(error), "error"
            )
        self._update_buttons()

    def _on_banner_action(self) -> None:
        self.banner.clear()
        self.reload()

    def _version(self) -> int:
        assert self.detail is not None
        return self.detail.version

    def _submit_change(
        self,
        change: Callable[[TicketService, int, str, int], TicketDetail],
        on_done: Callable[[], None] | None = None,
        message: str | None = None,
    ) -> None:
        """``change(tickets, ticket_id, actor, version)`` with the version on screen now."""
        tickets, tid, actor, version = (
            self.ctx.tickets,
            self.ticket_id,
            self.ctx.actor,
            self._version(),
        )
        self._submit(lambda: change(tickets, tid, actor, version), on_done, message)

    def claim(self) -> None:
        tickets, tid, actor = self.ctx.tickets, self.ticket_id, self.ctx.actor
        self._submit(lambda: tickets.claim(tid, actor), message=_tr("Tiquete tomado."))

    def release(self) -> None:
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.release(tid, actor, version),
            message=_tr("Tiquete liberado."),
        )

    def set_waiting(self) -> None:
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.set_status(
                tid, TicketStatus.WAITING_CLIENT, actor, version
            ),
            message=_tr("En espera del cliente."),
        )

    def close_ticket(self) -> None:
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.close(tid, actor, version),
            message=_tr("Tiquete cerrado."),
        )

    def resolve(self) -> None:
        solution = self.solution_text.toPlainText().strip()
        if not solution:
            self.banner.show_message(
                _tr("Describa la solución brindada antes de resolver el tiquete."), "warning"
            )
            return
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.resolve(tid, solution, actor, version),
            on_done=self.solution_text.clear,
            message=_tr("Tiquete resuelto."),
        )

    def reprioritise(self) -> None:
        reason = self.priority_reason.text().strip()
        if not reason:
            self.banner.show_message(_tr("Indique el motivo del cambio de prioridad."), "warning")
            return
        level = Priority(self.priority_combo.currentData())
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.reprioritise(
                tid, level, reason, actor, version
            ),
            on_done=self.priority_reason.clear,
            message=_tr("Prioridad cambiada a {0}.").format(i18n.label(level)),
        )

    def reopen(self) -> None:
        reason = self.reopen_reason.text().strip()
        if not reason:
            self.banner.show_message(_tr("Indique por qué se reabre el tiquete."), "warning")
            return
        self._submit_change(
            lambda tickets, tid, actor, version: tickets.reopen(tid, actor, reason, version),
            on_done=self.reopen_reason.clear,
            message=_tr("Tiquete reabierto."),
        )

    def merge(self) -> None:
        try:
            original = parse_ticket_number(self.merge_target.text())
        except ValueError:
            self.banner.show_message(_tr("Número de tiquete inválido: use IMR-<n>."), "warning")
            return
        tickets, tid, actor = self.ctx.tickets, self.ticket_id, self.ctx.actor

        def run() -> TicketDetail:
            tickets.merge(tid, original, actor)
            return tickets.get(tid)

        self._submit(
            run,
            on_done=self.merge_target.clear,
            message=_tr("Fusionado en IMR-{0}; su historial quedó en el original.").format(
                original
            ),
        )

    def reply_by_mail(self) -> None:
        """Hook for replying by email; the mail sender decides how (issue 7)."""
        sender = self.mail_sender
        if sender is not None and self.detail is not None and hasattr(sender, "open_reply"):
            sender.open_reply(self, self.detail)

    # ------------------------------------------------------------------ log form
    @property
    def pending_log_uid(self) -> str | None:
        return self._log_uid

    def log_action(self) -> None:
        text = self.action_text.toPlainText().strip()
        if not text and not self._pending:
            self.banner.show_message(
                _tr("Escriba qué se hizo antes de registrar la acción."), "warning"
            )
            return
        if self._log_uid is None:  # kept until saved, so a retry never stores it twice
            self._log_uid = uuid.uuid4().hex
        kind = self.current_kind()
        is_contact = self.contact_check.isChecked() and kind.can_be_contact
        duration = self.duration_spin.value() or None
        attachments = tuple(self._pending)
        uid = self._log_uid
        tickets, tid, actor = self.ctx.tickets, self.ticket_id, self.ctx.actor
        journal = self.ctx.journal  # written first: an outage leaves it pending, retried
        self._submit(
            lambda: journal.log_action(
                tickets,
                tid,
                actor,
                kind,
                text,
                is_contact=is_contact,
                duration_minutes=duration,
                uid=uid,
                attachments=attachments,
            ),
            on_done=self._clear_log_form,
            message=_tr("Acción registrada: {0}.").format(i18n.label(kind)),
        )

    def _clear_log_form(self) -> None:
        self._log_uid = None
        self.action_text.clear()
        self.duration_spin.setValue(0)
        self._pending.clear()
        self.attachment_list.clear()
        self.attachment_list.hide()
        self.remove_attachment_button.hide()
        self._on_kind_changed()

    def add_attachment(self, attachment: NewAttachment) -> None:
        if len(attachment.data) > MAX_ATTACHMENT_BYTES:
            self.banner.show_message(
                _tr("«{0}» pesa más de {1}; no se adjuntó.").format(
                    attachment.filename, human_size(MAX_ATTACHMENT_BYTES)
                ),
                "warning",
            )
            return
        self._pending.append(attachment)
        item = QListWidgetItem(f"📎 {attachment.filename} · {human_size(len(attachment.data))}")
        self.attachment_list.addItem(item)
        self.attachment_list.show()
        self.remove_attachment_button.show()
        self._update_buttons()

    def pending_attachments(self) -> list[NewAttachment]:
        return list(self._pending)

    def _remove_selected_attachment(self) -> None:
        row = self.attachment_list.currentRow()
        if row < 0:
            return
        self.attachment_list.takeItem(row)
        del self._pending[row]
        self.attachment_list.setVisible(bool(self._pending))
        self.remove_attachment_button.setVisible(bool(self._pending))
        self._update_buttons()

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _tr("Adjuntar archivos"))
        for name in paths:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            self.banner.show_message(
                _tr("No se pudo leer «{0}»: {1}").format(path.name, error.strerror), "warning"
            )
            return
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.add_attachment(NewAttachment(path.name, content_type, data))

    def paste_from_clipboard(self) -> None:
        """Ctrl+V with an image on the clipboard: the screenshot becomes a PNG attachment."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            self._add_pasted_image(QImage(mime.imageData()))
        elif mime is not None and mime.hasText() and not self.action_text.hasFocus():
            self.action_text.insertPlainText(mime.text())

    def _add_pasted_image(self, image: QImage) -> None:
        if image.isNull():
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.add_attachment(NewAttachment(f"captura-{stamp}.png", "image/png", image_to_png(image)))

    # ------------------------------------------------------------------ attachments
    def _fetch_attachment(self, attachment_id: int, done: Callable[[bytes], None]) -> None:
        tickets = self.ctx.tickets
        self._run_job(lambda: tickets.attachment_data(attachment_id), done, lambda _e: None)

    def _save_attachment(self, attachment: AttachmentView) -> None:
        path = ask_save_path(self, attachment.filename)
        if path is not None:
            self.save_attachment_to(attachment, path)

    def save_attachment_to(self, attachment: AttachmentView, path: Path) -> None:
        tickets = self.ctx.tickets

        def run() -> Path:
            path.write_bytes(tickets.attachment_data(attachment.id))
            return path

        self._run_job(
            run,
            lambda saved: self.banner.show_message(
                _tr("Adjunto guardado en {0}.").format(saved), "success"
            ),
            self._on_failed,
        )

    # ------------------------------------------------------------------ mail thread
    def _mail_service(self) -> MailIntakeService:
        return MailIntakeService(self.ctx.tickets.db, self.ctx.tickets)

    def _load_mails(self, detail: TicketDetail) -> None:
        service, actions = self._mail_service(), detail.actions
        self._run_job(
            lambda: service.thread(detail.id),
            lambda mails: self.mail_thread.set_mails(mails, actions),
            self._on_failed,
        )

    def show_original(self, mail: MailView) -> None:
        """The raw message as plain text, with "Guardar .eml…"."""
        service = self._mail_service()

        def shown(raw: bytes) -> None:
            self.original_dialog = RawMailDialog(
                _tr("Correo original — {0}").format(mail.subject or mail.from_addr), raw, self
            )
            self.original_dialog.save_requested.connect(lambda: self._save_original(mail, raw))
            self.original_dialog.show()

        self._run_job(lambda: service.mail_raw(mail.id), shown, self._on_failed)

    def _save_original(self, mail: MailView, raw: bytes) -> None:
        path = ask_save_path(self, f"correo-{mail.id}.eml")
        if path is not None:
            self.save_original_to(raw, path)

    def save_original_to(self, raw: bytes, path: Path) -> None:
        def run() -> Path:
            path.write_bytes(raw)
            return path

        self._run_job(
            run,
            lambda saved: self.banner.show_message(
                _tr("Correo original guardado en {0}.").format(saved), "success"
            ),
            self._on_failed,
        )

    def done(self, result: int) -> None:
        self.clock_timer.stop()
        super().done(result)


_PRIORITY_COLOURS = {
    Priority.MUY_ALTO: "#b71c1c",
    Priority.ALTO: "#c25e00",
    Priority.MEDIO: "#1f5f9e",
    Priority.BAJO: "#2e6b34",
}
