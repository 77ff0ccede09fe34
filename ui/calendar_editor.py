"""Calendar and SLA policy editor: office hours, closure days, holidays, calendar per
priority × channel, at-risk threshold. Every change is audited by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.errors import ServiceError
from app.services.sla_admin import CalendarView, SlaAdminService, SlaSettingsView
from ui import i18n
from ui.service_errors import error_text
from ui.tasks import TaskRunner

WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarEditor", "Lunes"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Martes"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Miércoles"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Jueves"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Viernes"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Sábado"),
    QT_TRANSLATE_NOOP("CalendarEditor", "Domingo"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarEditor", text)


def spans_text(day: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{a}–{b}" for a, b in day)


def parse_spans(text: str) -> list[list[str]]:
    """ "08:00–12:00, 13:00–17:00" → [["08:00","12:00"], ["13:00","17:00"]]; empty: closed."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        pieces = [p.strip() for p in part.replace("–", "-").split("-")]
        if len(pieces) != 2 or not all(pieces):
            raise ValueError(_tr("tramo no válido: «{0}» (use 08:00–17:00)").format(part))
        out.append(pieces)
    return out


class CalendarEditor(QDialog):
    """Loads and saves through ``runner``; ``saved`` fires after every change is stored."""

    loaded = Signal()
    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        admin: SlaAdminService,
        actor: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        calendar_name: str = "office",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarEditor")
        self.setWindowTitle(_tr("Calendarios y política de primer contacto"))
        self.admin = admin
        self.actor = actor
        self.runner = runner
        self.calendar_name = calendar_name
        self.settings: SlaSettingsView | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top, 1)

        hours = QGroupBox(_tr("Horario de oficina"), self)
        form = QFormLayout(hours)
        self.day_edits: list[QLineEdit] = []
        for name in WEEKDAYS:
            edit = QLineEdit(hours)
            edit.setPlaceholderText(_tr("cerrado"))
            self.day_edits.append(edit)
            form.addRow(_tr(name), edit)
        form.addRow(
            QLabel(
                _tr("<small>Tramos como 08:00–12:00, 13:00–17:00; vacío = cerrado.</small>"), hours
            )
        )
        top.addWidget(hours, 1)

        closures = QGroupBox(_tr("Días de cierre adicionales"), self)
        cl = QVBoxLayout(closures)
        self.closure_list = QListWidget(closures)
        cl.addWidget(self.closure_list)
        row = QHBoxLayout()
        self.closure_date = QDateEdit(QDate.currentDate(), closures)
        self.closure_date.setCalendarPopup(True)
        self.closure_date.setDisplayFormat("dd/MM/yyyy")
        self.closure_reason = QLineEdit(closures)
        self.closure_reason.setPlaceholderText(_tr("Motivo (p. ej. inventario anual)"))
        self.add_closure_button = QPushButton(_tr("Agregar"), closures)
        self.add_closure_button.clicked.connect(self.add_closure)
        self.remove_closure_button = QPushButton(_tr("Quitar"), closures)
        self.remove_closure_button.clicked.connect(self.remove_closure)
        row.addWidget(self.closure_date)
        row.addWidget(self.closure_reason, 1)
        row.addWidget(self.add_closure_button)
        row.addWidget(self.remove_closure_button)
        cl.addLayout(row)
        top.addWidget(closures, 1)

        holidays = QGroupBox(_tr("Feriados de Panamá"), self)
        hl = QVBoxLayout(holidays)
        self.year = QSpinBox(holidays)
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(self.load_holidays)
        hl.addWidget(self.year)
        self.holiday_list = QListWidget(holidays)
        hl.addWidget(self.holiday_list)
        top.addWidget(holidays, 1)

        matrix = QGroupBox(_tr("Calendario por prioridad y canal"), self)
        grid = QGridLayout(matrix)
        self.matrix: dict[tuple[int, str], QComboBox] = {}
        for c, channel in enumerate(Channel):
            grid.addWidget(QLabel(f"<b>{i18n.label(channel)}</b>", matrix), 0, c + 1)
        for r, priority in enumerate(Priority):
            grid.addWidget(QLabel(f"<b>{i18n.label(priority)}</b>", matrix), r + 1, 0)
            for c, channel in enumerate(Channel):
                combo = QComboBox(matrix)
                self.matrix[(int(priority), channel.value)] = combo
                grid.addWidget(combo, r + 1, c + 1)
        bottom = QHBoxLayout()
        bottom.addWidget(matrix, 2)
        risk = QGroupBox(_tr("Umbral «en riesgo»"), self)
        rl = QFormLayout(risk)
        self.risk = QSpinBox(risk)
        self.risk.setRange(1, 99)
        self.risk.setSuffix(_tr(" % del objetivo restante"))
        rl.addRow(_tr("En riesgo con"), self.risk)
        bottom.addWidget(risk, 1)
        layout.addLayout(bottom)

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setObjectName("editorMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _tr("Guardar cambios"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(_tr("Cerrar"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1150, 720)

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        self.runner.run(self.admin.settings, self.apply_settings, self._failed)
        self.load_holidays()

    def load_holidays(self) -> None:
        admin, name, year = self.admin, self.calendar_name, self.year.value()
        self.runner.run(lambda: admin.holidays(name, year), self._apply_holidays, self._failed)

    def _apply_holidays(self, days: list[tuple[date, str]]) -> None:
        self.holiday_list.clear()
        for day, name in days:
            self.holiday_list.addItem(f"{day:%d/%m/%Y} · {name}")

    def calendar(self) -> CalendarView:
        assert self.settings is not None
        return next(c for c in self.settings.calendars if c.name == self.calendar_name)

    def apply_settings(self, settings: SlaSettingsView) -> None:
        self.settings = settings
        cal = self.calendar()
        for edit, day in zip(self.day_edits, cal.weekly or ((),) * 7, strict=True):
            edit.setText(spans_text(day))
        self.closure_list.clear()
        for c in cal.closures:
            item = QListWidgetItem(f"{c.day:%d/%m/%Y} · {c.reason or _tr('Día de cierre')}")
            item.setData(Qt.ItemDataRole.UserRole, c.day)
            self.closure_list.addItem(item)
        labels = {c.name: c.label or c.name for c in settings.calendars}
        for key, combo in self.matrix.items():
            combo.blockSignals(True)
            combo.clear()
            for name, label in labels.items():
                combo.addItem(label, name)
            combo.setCurrentIndex(max(0, combo.findData(settings.assignments.get(key))))
            combo.blockSignals(False)
        self.risk.setValue(round(settings.at_risk_fraction * 100))
        self.loaded.emit()

    # ------------------------------------------------------------------ saving
    def pending_changes(self) -> list[tuple[str, Callable[[], Any]]]:
        """(description, call) for each edit that differs from what was loaded."""
        assert self.settings is not None
        admin, actor, name = self.admin, self.actor, self.calendar_name
        changes: list[tuple[str, Callable[[], Any]]] = []
        cal = self.calendar()
        week = [parse_spans(e.text()) for e in self.day_edits]
        loaded = [[list(p) for p in day] for day in (cal.weekly or ())]
        if cal.weekly is not None and week != loaded:
            changes.append(("horario", lambda: admin.set_weekly_hours(name, week, actor)))
        for key, combo in self.matrix.items():
            chosen = combo.currentData()
            if chosen and chosen != self.settings.assignments.get(key):
                p, c = Priority(key[0]), Channel(key[1])
                changes.append(
                    (
                        f"{i18n.label(p)} × {i18n.label(c)}",
                        lambda p=p, c=c, chosen=chosen: admin.set_assignment(p, c, chosen, actor),
                    )
                )
        fraction = self.risk.value() / 100
        if abs(fraction - self.settings.at_risk_fraction) > 1e-9:
            changes.append(("umbral", lambda: admin.set_at_risk_fraction(fraction, actor)))
        return changes

    def save(self) -> None:
        try:
            changes = self.pending_changes()
        except ValueError as error:
            self._show(_tr("Revise el horario: {0}.").format(error), error=True)
            return
        if not changes:
            self._show(_tr("No hay cambios que guardar."))
            return
        admin = self.admin

        def run() -> SlaSettingsView:
            for _what, call in changes:
                call()
            return admin.settings()

        self.save_button.setEnabled(False)
        self.runner.run(run, self._saved, self._failed)

    def add_closure(self) -> None:
        day = self.closure_date.date().toPython()
        reason = self.closure_reason.text()
        admin, actor, name = self.admin, self.actor, self.calendar_name

        def run() -> SlaSettingsView:
            admin.add_closure(name, day, reason, actor)  # type: ignore[arg-type]
            return admin.settings()

        self.runner.run(run, self._saved, self._failed)

    def remove_closure(self) -> None:
        item = self.closure_list.currentItem()
        if item is None:
            self._show(_tr("Seleccione el día de cierre que desea quitar."))
            return
        day = item.data(Qt.ItemDataRole.UserRole)
        admin, actor, name = self.admin, self.actor, self.calendar_name

        def run() -> SlaSettingsView:
            admin.remove_closure(name, day, actor)
            return admin.settings()

        self.runner.run(run, self._saved, self._failed)

    def _saved(self, settings: SlaSettingsView) -> None:
        self.save_button.setEnabled(True)
        self.apply_settings(settings)
        self._show(
            _tr(
                "Cambios guardados y registrados en la auditoría. Se aplican a los "
                "vencimientos que se calculen desde ahora."
            )
        )
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        message = (
            error_text(error)
            if isinstance(error, ServiceError)
            else _tr("No se pudo completar la operación.")
        )
        self._show(message, error=True)
        self.failed.emit(message)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #1b7f3b;")
        self.message.setText(text)
