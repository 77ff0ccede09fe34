"""Supervisor panel: live breach board, compliance over a period with charts, breach causes,
forecast, and the period report as CSV or PDF. Supervisors and administrators only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.channels import Channel
from app.domain.formatting import format_datetime
from app.domain.policy import SlaPolicy
from app.domain.priorities import Priority
from app.domain.sla import read_clock
from app.reports.board import BoardRow, BoardSnapshot
from app.reports.causes import CausesReport
from app.reports.compliance import ComplianceReport, ComplianceRow
from app.reports.export import period_csv
from app.reports.forecast import Forecast
from app.reports.period import Period
from app.services.audit_trail import AuditTrailService
from app.services.errors import ServiceError
from app.services.reports import ReportService
from app.services.sla_admin import SlaAdminService
from app.services.sla_settings import PolicyCache
from ui import i18n
from ui.audit_panel import AuditPanel
from ui.clock_text import STATE_BACKGROUNDS, describe
from ui.context import AppContext
from ui.report_charts import compliance_chart, first_contact_chart, open_age_chart
from ui.service_errors import error_text
from ui.tasks import TaskRunner
from ui.widgets.period import period_edits

TimerFactory = Callable[[QObject], QTimer]
Clock = Callable[[], datetime]
PANAMA = ZoneInfo("America/Panama")
SUPERVISOR_ROLES = ("supervisor", "admin")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorPanel", text)


def _now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)


def _timer(parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setObjectName("boardCountdown")
    timer.setInterval(1000)
    return timer


@dataclass(frozen=True)
class PeriodData:
    compliance: ComplianceReport
    causes: CausesReport
    forecast: Forecast


class BoardModel(QAbstractTableModel):
    """Breached and about-to-breach tickets; the countdown column is recomputed on each tick."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SupervisorPanel", "Tiempo"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Prioridad"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Tiquete"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Cliente"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Asunto"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Canal"),
        QT_TRANSLATE_NOOP("SupervisorPanel", "Asignado a"),
    )
    COUNTDOWN = 0

    def __init__(self, parent: QObject | None = None, clock: Clock = _now) -> None:
        super().__init__(parent)
        self.rows: list[BoardRow] = []
        self.policy: SlaPolicy | None = None
        self.clock = clock

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def set_rows(self, rows: Sequence[BoardRow], policy: SlaPolicy) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.policy = policy
        self.endResetModel()

    def tick(self) -> None:
        if self.rows:
            top = self.index(0, self.COUNTDOWN)
            bottom = self.index(len(self.rows) - 1, self.COUNTDOWN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def _clock(self, row: BoardRow) -> Any:
        assert self.policy is not None
        calendar = self.policy.calendars.get(row.calendar_name) or self.policy.calendar_for(
            row.priority, row.channel
        )
        now = self.clock()
        reading = read_clock(
            calendar,
            deadline=row.deadline,
            target=row.target,
            now=now,
            at_risk_fraction=self.policy.at_risk_fraction,
        )
        return describe(reading, now=now)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self._clock(row).cell
            values = (
                None,
                i18n.label(row.priority),
                row.number,
                row.client_name,
                row.subject,
                i18n.label(row.channel),
                row.assignee_name or _tr("— sin asignar —"),
            )
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(self._clock(row).colour))
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.unassigned_critical:
                return QBrush(QColor(STATE_BACKGROUNDS["breached"]))
            if col == 0:
                kind = self._clock(row).kind
                if kind in STATE_BACKGROUNDS:
                    return QBrush(QColor(STATE_BACKGROUNDS[kind]))
        if role == Qt.ItemDataRole.ToolTipRole and row.unassigned_critical:
            return _tr("Crítico sin asignar")
        return None


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels([_tr(h) for h in headers])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    fill_table(table, rows)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("—" if value is None else str(value))
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


COMPLIANCE_HEADERS = (
    "",
    QT_TRANSLATE_NOOP("SupervisorPanel", "Tiquetes"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Cumplidos"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Con atraso"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Vencidos"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Abiertos en tiempo"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Cumplimiento %"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "Mediana (min)"),
    QT_TRANSLATE_NOOP("SupervisorPanel", "P90 (min)"),
)


def row_label(dimension: str, row: ComplianceRow) -> str:
    """The first cell of a compliance row in the console's language (the report keeps Spanish)."""
    if dimension == "priority":
        return _tr("Total") if row.key is None else i18n.label(Priority(row.key))
    if dimension == "channel" and row.key is not None:
        return i18n.label(Channel(row.key))
    if row.key is None:
        return _tr("(sin cliente)") if dimension == "client" else _tr("(sin asignar)")
    return row.label


def compliance_cells(row: ComplianceRow, label: str | None = None) -> list[Any]:
    pct = row.compliance_pct
    return [
        row.label if label is None else label,
        row.tickets,
        row.met,
        row.met_late,
        row.open_breached,
        row.open_on_time,
        pct,
        row.median_minutes,
        row.p90_minutes,
    ]


class SupervisorPanel(QWidget):
    """Board refresh: ``refresh_board()`` (the live feed calls it on changes) → ``apply_board``.
    Countdown: one 1 s timer, one ``dataChanged`` for the countdown column."""

    board_applied = Signal()
    period_applied = Signal()
    failed = Signal(str)

    def __init__(
        self,
        reports: ReportService,
        policy: PolicyCache,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        timer_factory: TimerFactory = _timer,
        clock: Clock = _now,
        admin: SlaAdminService | None = None,
        actor: str = "",
        audit: AuditTrailService | None = None,
    ) -> None:
        super().__init__(parent)
        self.admin = admin
        self.actor = actor
        self.setObjectName("supervisorPanel")
        self.setWindowTitle(_tr("Panel de supervisión"))
        self.reports = reports
        self.policy = policy
        self.runner = runner
        self.clock = clock
        self.period_data: PeriodData | None = None
        self._board_loading = False
        self._board_again = False

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.status = QLabel("", self)
        layout.addWidget(self.status)

        self.board_model = BoardModel(self, clock)
        self.tabs.addTab(self._build_board(), _tr("Vencimientos en vivo"))
        self.tabs.addTab(self._build_compliance(), _tr("Cumplimiento"))
        self.tabs.addTab(self._build_causes(), _tr("Causas de incumplimiento"))
        self.tabs.addTab(self._build_forecast(), _tr("Pronóstico"))
        self.audit_panel: AuditPanel | None = None
        if audit is not None:
            self.audit_panel = AuditPanel(audit, actor, runner, self, clock=clock)
            self.tabs.addTab(self.audit_panel, _tr("Registro de cambios"))

        self.timer = timer_factory(self)
        self.timer.timeout.connect(self.board_model.tick)
        self.refresh_timer = QTimer(self)  # coalesces bursts of change notifications
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(300)
        self.refresh_timer.timeout.connect(self.refresh_board)
        self.resize(1400, 860)

    # ------------------------------------------------------------------ building
    def _build_board(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.board_summary = QLabel("", page)
        self.board_summary.setObjectName("boardSummary")
        layout.addWidget(self.board_summary)
        split = QSplitter(Qt.Orientation.Vertical, page)
        self.board_view = QTableView(split)
        self.board_view.setModel(self.board_model)
        self.board_view.verticalHeader().setVisible(False)
        self.board_view.setAlternatingRowColors(True)
        self.board_view.horizontalHeader().setStretchLastSection(True)
        self.board_view.setColumnWidth(0, 300)
        self.board_view.setColumnWidth(3, 220)  # client
        self.board_view.setColumnWidth(4, 300)  # subject
        self.board_view.setColumnWidth(5, 160)  # channel ("Correo electrónico")
        box = QWidget(split)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(
            QLabel(_tr("<b>Carga por representante técnico</b> (tiquetes abiertos)"))
        )
        self.load_table = _table(
            [
                QT_TRANSLATE_NOOP("SupervisorPanel", "Representante técnico"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "En turno"),
                *(i18n.label(p) for p in Priority),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Total"),
            ],
            [],
            box,
        )
        box_layout.addWidget(self.load_table)
        split.addWidget(self.board_view)
        split.addWidget(box)
        split.setSizes([520, 240])
        layout.addWidget(split, 1)
        return page

    def _build_compliance(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        today = self.clock().astimezone(PANAMA).date()
        self.date_from, self.date_to = period_edits(page, today)
        self.load_button = QPushButton(_tr("Calcular"), page)
        self.load_button.clicked.connect(self.refresh_period)
        self.csv_button = QPushButton(_tr("Exportar CSV…"), page)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button = QPushButton(_tr("Exportar PDF…"), page)
        self.pdf_button.clicked.connect(self._ask_pdf)
        for w in (
            QLabel(_tr("Desde"), page),
            self.date_from,
            QLabel(_tr("hasta"), page),
            self.date_to,
            self.load_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        self.calendar_button = QPushButton(_tr("Calendarios y política…"), page)
        self.calendar_button.clicked.connect(self.open_calendar_editor)
        self.calendar_button.setVisible(self.admin is not None)
        bar.addWidget(self.calendar_button)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, page)
        self.dimension_tabs = QTabWidget(split)
        self.dimension_tables: dict[str, QTableWidget] = {}
        for key, title in (
            ("priority", _tr("Por prioridad")),
            ("channel", _tr("Por canal")),
            ("client", _tr("Por cliente")),
            ("technician", _tr("Por técnico")),
        ):
            table = _table(COMPLIANCE_HEADERS, [], self.dimension_tabs)
            self.dimension_tables[key] = table
            self.dimension_tabs.addTab(table, title)
        self.charts = QWidget(split)
        self.charts_layout = QHBoxLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self.dimension_tabs)
        split.addWidget(self.charts)
        split.setSizes([280, 420])
        layout.addWidget(split, 1)
        return page

    def _build_causes(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.cause_counts = _table(
            [
                QT_TRANSLATE_NOOP("SupervisorPanel", "Causa"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Tiquetes"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Qué significa"),
            ],
            [],
            page,
        )
        self.cause_counts.setMaximumHeight(190)
        layout.addWidget(self.cause_counts)
        self.breach_table = _table(
            [
                QT_TRANSLATE_NOOP("SupervisorPanel", "Tiquete"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Prioridad"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Canal"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Vencía"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Primer contacto"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Asignado a"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Causa"),
            ],
            [],
            page,
        )
        layout.addWidget(self.breach_table, 1)
        return page

    def _build_forecast(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.forecast_summary = QLabel("", page)
        layout.addWidget(self.forecast_summary)
        self.forecast_table = _table(
            [
                QT_TRANSLATE_NOOP("SupervisorPanel", "Tiquete"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Prioridad"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Canal"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Vence"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Asignado a"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Contacto previsto"),
                QT_TRANSLATE_NOOP("SupervisorPanel", "Pronóstico"),
            ],
            [],
            page,
        )
        layout.addWidget(self.forecast_table, 1)
        return page

    # ------------------------------------------------------------------ board
    def start(self) -> None:
        self.refresh_board()
        self.refresh_period()
        self.timer.start()

    def changed(self, _ticket_ids: Sequence[int] = ()) -> None:
        """A change notification from the live feed: refresh soon (bursts coalesce)."""
        self.refresh_timer.start()

    def refresh_board(self) -> None:
        if self._board_loading:
            self._board_again = True
            return
        self._board_loading = True
        reports, policy = self.reports, self.policy

        def load() -> tuple[SlaPolicy, BoardSnapshot]:
            return policy.get(), reports.board()

        self.runner.run(load, self._board_loaded, self._failed_board)

    def _board_loaded(self, result: tuple[SlaPolicy, BoardSnapshot]) -> None:
        self._board_loading = False
        self.apply_board(*result)
        if self._board_again:
            self._board_again = False
            self.refresh_board()

    def _failed_board(self, error: BaseException) -> None:
        self._board_loading = False
        self._failed(error)

    def apply_board(self, policy: SlaPolicy, snapshot: BoardSnapshot) -> None:
        self.board_model.set_rows(snapshot.rows, policy)
        critical = sum(1 for r in snapshot.rows if r.unassigned_critical)
        self.board_summary.setText(
            _tr(
                "<b>{0}</b> vencidos · <b>{1}</b> vencen en la próxima hora · "
                "<b style='color:#c62828'>{2}</b> críticos sin asignar"
            ).format(snapshot.breached, snapshot.at_risk, critical)
        )
        fill_table(
            self.load_table,
            [
                [t.name, _tr("Sí") if t.on_shift else _tr("No"), *t.by_priority, t.total]
                for t in snapshot.load
            ],
        )
        self.board_applied.emit()

    # ------------------------------------------------------------------ period
    def period(self) -> Period:
        first: date = self.date_from.date().toPython()  # type: ignore[assignment]
        last: date = self.date_to.date().toPython()  # type: ignore[assignment]
        return Period.from_days(first, last)

    def refresh_period(self) -> None:
        try:
            period = self.period()
        except ValueError:
            self.status.setText(_tr("La fecha final es anterior a la inicial."))
            return
        reports = self.reports
        self.load_button.setEnabled(False)
        self.status.setText(_tr("Calculando el informe…"))

        def load() -> PeriodData:
            return PeriodData(
                reports.compliance(period), reports.causes(period), reports.forecast()
            )

        self.runner.run(load, self.apply_period, self._failed)

    def apply_period(self, data: PeriodData) -> None:
        self.period_data = data
        self.load_button.setEnabled(True)
        report = data.compliance
        tables = {
            "priority": [*report.by_priority, report.total],
            "channel": report.by_channel,
            "client": report.by_client,
            "technician": report.by_technician,
        }
        for key, rows in tables.items():
            fill_table(
                self.dimension_tables[key],
                [compliance_cells(r, row_label(key, r)) for r in rows],
            )
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for build in (compliance_chart, first_contact_chart, open_age_chart):
            self.charts_layout.addWidget(build(report, self.charts))
        fill_table(
            self.cause_counts,
            [
                [i18n.domain(c.label), n, i18n.domain(c.advice)]
                for c, n in data.causes.counts.items()
            ],
        )
        fill_table(
            self.breach_table,
            [
                [
                    b.number,
                    i18n.label(b.priority),
                    i18n.label(b.channel),
                    format_datetime(b.deadline),
                    format_datetime(b.first_contact_at)
                    if b.first_contact_at
                    else _tr("sin contacto"),
                    b.assignee_name or "—",
                    i18n.domain(b.cause.label),
                ]
                for b in data.causes.breaches
            ],
        )
        fc = data.forecast
        self.forecast_summary.setText(
            _tr(
                "<b>{0}</b> de {1} tiquetes en espera de primer contacto vencerán con {2} "
                "representantes en turno. Tiempo de atención (mediana): "
            ).format(fc.will_breach, len(fc.rows), fc.on_shift)
            + ", ".join(
                f"{i18n.label(Priority(p))} {int(t.total_seconds() // 60)} min"
                for p, t in sorted(fc.handling.items())
            )
        )
        fill_table(
            self.forecast_table,
            [
                [
                    r.number,
                    i18n.label(r.priority),
                    i18n.label(r.channel),
                    format_datetime(r.deadline),
                    r.assignee_name or "—",
                    format_datetime(r.projected_contact)
                    if r.projected_contact
                    else _tr("nadie en turno"),
                    ("⚠ " if r.will_breach else "") + r.text,
                ]
                for r in fc.rows
            ],
        )
        pct = report.total.compliance_pct
        self.status.setText(
            _tr("Periodo {0}: {1} tiquetes, cumplimiento {2} %.").format(
                report.period.title, report.total.tickets, "—" if pct is None else f"{pct:.1f}"
            )
        )
        self.period_applied.emit()

    # ------------------------------------------------------------------ export
    def export_csv(self, path: Path) -> None:
        if self.period_data is None:
            raise ValueError(_tr("Calcule el informe antes de exportarlo."))
        text = period_csv(self.period_data.compliance, self.period_data.causes)
        path.write_text(text, encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM correctly

    def export_pdf(self, path: Path) -> None:
        if self.period_data is None:
            raise ValueError(_tr("Calcule el informe antes de exportarlo."))
        from ui.reports_pdf import write_period_pdf

        write_period_pdf(
            path, self.period_data.compliance, self.period_data.causes, self.period_data.forecast
        )

    def _ask_csv(self) -> None:
        self._ask("CSV (*.csv)", ".csv", self.export_csv)

    def _ask_pdf(self) -> None:
        self._ask("PDF (*.pdf)", ".pdf", self.export_pdf)

    def _ask(self, filt: str, suffix: str, write: Callable[[Path], None]) -> None:
        if self.period_data is None:
            self.status.setText(_tr("Calcule el informe antes de exportarlo."))
            return
        p = self.period_data.compliance.period
        name = f"cumplimiento_{p.first_day:%Y%m%d}_{p.last_day:%Y%m%d}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, _tr("Exportar informe"), name, filt)
        if not chosen:
            return
        try:
            write(Path(chosen))
        except OSError as error:
            self.status.setText(
                _tr("No se pudo guardar el archivo: {0}").format(error.strerror or error)
            )
            return
        self.status.setText(_tr("Informe guardado en {0}").format(chosen))

    def open_calendar_editor(self) -> None:
        if self.admin is None:
            return
        from ui.calendar_editor import CalendarEditor

        dialog = CalendarEditor(self.admin, self.actor, self.runner, self)
        dialog.saved.connect(self.refresh_board)
        if self.audit_panel is not None:
            dialog.saved.connect(self.audit_panel.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()

    def _failed(self, error: BaseException) -> None:
        self.load_button.setEnabled(True)
        message = (
            error_text(error)
            if isinstance(error, ServiceError)
            else _tr("No se pudo calcular el informe.")
        )
        self.status.setText(message)
        self.failed.emit(message)


def can_open_panel(role: str) -> bool:
    return role in SUPERVISOR_ROLES


def open_supervisor_panel(ctx: AppContext, parent: QWidget | None = None) -> SupervisorPanel:
    """The panel as its own window, for the main window's "Panel de supervisión" action."""
    db = ctx.tickets.db
    panel = SupervisorPanel(
        ReportService(db, ctx.policy),
        ctx.policy,
        ctx.runner,
        parent,
        admin=SlaAdminService(db, ctx.policy),
        actor=ctx.actor,
        audit=AuditTrailService(db),
    )
    panel.setWindowFlag(Qt.WindowType.Window, True)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.show()
    panel.start()
    return panel
