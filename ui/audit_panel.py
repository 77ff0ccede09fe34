"""The supervisor panel's "Registro de cambios": who changed what in the directory and the SLA
settings, filtered, newest first, with each change's fields before and after."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
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
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.services.audit_text import RECORD_KINDS, FieldChange, assignment_key
from app.services.audit_trail import (
    PAGE_SIZE,
    ActorChoice,
    AuditPage,
    AuditQuery,
    AuditRow,
    AuditTrailService,
)
from app.services.errors import ServiceError
from ui import i18n
from ui.service_errors import error_text
from ui.tasks import TaskRunner
from ui.widgets.banner import Banner
from ui.widgets.guard import while_alive
from ui.widgets.period import period_edits

PANAMA = ZoneInfo("America/Panama")
Clock = Callable[[], datetime]
_Index = QModelIndex | QPersistentModelIndex
OLD_COLOUR, OLD_BACKGROUND = "#b3261e", "#fdecea"
NEW_COLOUR, NEW_BACKGROUND = "#1b7f3b", "#e8f5ea"
MUTED = "#5f6b7a"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPanel", text)


def _now() -> datetime:
    return datetime.now(UTC)


def record_text(row: AuditRow) -> str:
    """The record's name in the console's language (settings and assignments are fixed texts)."""
    if row.entity == "sla_assignment":
        key = assignment_key(row.entity_id)
        if key is not None:
            return f"{i18n.label(key[0])} · {i18n.label(key[1])}"
    if row.entity == "app_setting":
        return i18n.domain(row.record)
    return row.record


def changes_html(row: AuditRow) -> str:
    """The entry as a small document: what, who, when, why, then each changed field with its
    old value struck through in red and its new value in green."""
    e = html.escape
    head = (
        f"<p style='margin:0'><span style='font-size:13pt; font-weight:bold; color:#0d47a1'>"
        f"{e(i18n.domain(row.action_label))}</span></p>"
        f"<p style='margin:4px 0 0 0; font-size:11pt'><b>{e(i18n.domain(row.kind_label))}</b>"
        f" · {e(record_text(row))}</p>"
        f"<p style='margin:4px 0 0 0; color:{MUTED}'>"
        + e(
            _tr("Por {0} ({1}) · {2}").format(
                i18n.domain(row.actor_name), row.actor, format_datetime(row.at)
            )
        )
        + "</p>"
    )
    if row.reason:
        head += f"<p style='margin:6px 0 0 0'><b>{e(_tr('Motivo:'))}</b> {e(row.reason)}</p>"
    changes = row.changes()
    if not changes:
        return head + f"<p style='color:{MUTED}'>{e(_tr('El cambio no registró campos.'))}</p>"
    cells = "".join(_change_row(c) for c in changes)
    return (
        head + "<table width='100%' cellspacing='0' cellpadding='6' "
        "style='margin-top:12px; border-collapse:collapse'>"
        "<tr style='background:#eef2f7; color:#334155'>"
        f"<th align='left' width='20%'>{e(_tr('Campo'))}</th>"
        f"<th align='left' width='40%'>{e(_tr('Antes'))}</th>"
        f"<th align='left' width='40%'>{e(_tr('Después'))}</th></tr>"
        f"{cells}</table>"
    )


def _change_row(change: FieldChange) -> str:
    e = html.escape

    def value(text: str | None, colour: str, background: str, struck: bool) -> str:
        if text is None:
            return f"<td style='color:{MUTED}'>—</td>"
        style = f"color:{colour}; background-color:{background}"
        if struck:
            style += "; text-decoration:line-through"
        return f"<td style='{style}'>{e(i18n.domain(text))}</td>"

    return (
        "<tr style='border-bottom:1px solid #edf1f5'>"
        f"<td style='color:#334155'><b>{e(i18n.domain(change.label))}</b></td>"
        + value(change.before, OLD_COLOUR, OLD_BACKGROUND, True)
        + value(change.after, NEW_COLOUR, NEW_BACKGROUND, False)
        + "</tr>"
    )


class AuditModel(QAbstractTableModel):
    """Frozen ``AuditRow`` snapshots, newest first; ``append`` adds an older page at the end."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AuditPanel", "Fecha y hora"),
        QT_TRANSLATE_NOOP("AuditPanel", "Quién"),
        QT_TRANSLATE_NOOP("AuditPanel", "Qué"),
        QT_TRANSLATE_NOOP("AuditPanel", "Registro"),
        QT_TRANSLATE_NOOP("AuditPanel", "Acción"),
        QT_TRANSLATE_NOOP("AuditPanel", "Motivo"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[AuditRow, ...] = ()

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def append(self, rows: Sequence[AuditRow]) -> None:
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows = (*self.rows, *rows)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def cells(self, row: AuditRow) -> tuple[str, ...]:
        return (
            format_datetime(row.at),
            i18n.domain(row.actor_name),
            i18n.domain(row.kind_label),
            record_text(row),
            i18n.domain(row.action_label),
            row.reason,
        )

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1:
                return row.actor
            return self.cells(row)[index.column()] or None
        return None


class AuditPanel(QWidget):
    """Filters → ``refresh()`` → a background query → ``loaded``; a failure keeps what is
    shown and says why in a banner. The first load happens when the tab is first shown."""

    loaded = Signal()
    failed = Signal(str)
    exported = Signal(str)

    def __init__(
        self,
        service: AuditTrailService,
        reader: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        clock: Clock = _now,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditPanel")
        self.service = service
        self.reader = reader
        self.runner = runner
        self.page_size = page_size
        self.more = False
        self.started = False
        self._serial = 0  # answers to older requests are dropped
        self.query = AuditQuery(limit=page_size)

        self.banner = Banner(self)
        self.banner.action_clicked.connect(self.refresh)
        self.model = AuditModel(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_filters(clock))
        layout.addLayout(self._build_summary())
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._build_table(split))
        split.addWidget(self._build_detail(split))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([470, 300])
        layout.addWidget(split, 1)

        self.search_timer = QTimer(self)  # one query after typing pauses
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(350)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.search_timer.start)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.actor_combo.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)

    # ------------------------------------------------------------------ building
    def _build_filters(self, clock: Clock) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("auditKind")
        self.kind_combo.addItem(_tr("Todos los registros"), None)
        for kind in RECORD_KINDS:
            self.kind_combo.addItem(i18n.domain(kind.label), kind.key)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setObjectName("auditActor")
        self.actor_combo.addItem(_tr("Todas las personas"), None)
        self.actor_combo.setMinimumContentsLength(18)
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(_tr("Buscar registro, acción o motivo…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        today = clock().astimezone(PANAMA).date()
        self.date_from, self.date_to = period_edits(self, today)
        self.refresh_button = QPushButton(_tr("Actualizar"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(_tr("Exportar CSV…"), self)
        self.csv_button.clicked.connect(self._ask_csv)
        for widget in (
            QLabel(_tr("Tipo"), self),
            self.kind_combo,
            QLabel(_tr("Quién"), self),
            self.actor_combo,
            self.search,
            QLabel(_tr("Desde"), self),
            self.date_from,
            QLabel(_tr("hasta"), self),
            self.date_to,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.csv_button)
        return bar

    def _build_summary(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.summary = QLabel(_tr("Cargando el registro de cambios…"), self)
        self.summary.setObjectName("auditSummary")
        self.summary.setStyleSheet(f"color: {MUTED};")
        self.more_button = QPushButton(_tr("Cargar más"), self)
        self.more_button.setObjectName("auditMore")
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(self.load_more)
        row.addWidget(self.summary)
        row.addWidget(self.more_button)
        row.addStretch(1)
        return row

    def _build_table(self, parent: QWidget) -> QWidget:
        self.stack = QStackedWidget(parent)
        self.view = QTableView(self.stack)
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((185, 170, 190, 330, 230)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = QLabel(self.stack)
        self.empty.setObjectName("auditEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(
            f"color: {MUTED}; font-size: 11pt; background: #ffffff; border: 1px solid #d7dde5;"
        )
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        return self.stack

    def _build_detail(self, parent: QWidget) -> QWidget:
        self.detail = QTextBrowser(parent)
        self.detail.setObjectName("auditDetail")
        self.detail.setOpenLinks(False)
        self.detail.setStyleSheet("QTextBrowser { border: 1px solid #d7dde5; padding: 8px; }")
        self._clear_detail()
        return self.detail

    # ------------------------------------------------------------------ loading
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.started:
            self.refresh()

    def current_query(self) -> AuditQuery | None:
        first: date = self.date_from.date().toPython()  # type: ignore[assignment]
        last: date = self.date_to.date().toPython()  # type: ignore[assignment]
        if last < first:
            return None
        actor = self.actor_combo.currentData()
        return AuditQuery(
            kind=self.kind_combo.currentData(),
            actor=actor if actor else None,
            text=self.search.text().strip(),
            first_day=first,
            last_day=last,
            limit=self.page_size,
        )

    def refresh(self) -> None:
        """Ask again with the filters as they are now (and the list of people who changed)."""
        self.started = True
        self.search_timer.stop()
        query = self.current_query()
        if query is None:
            self.summary.setText(_tr("La fecha final es anterior a la inicial."))
            return
        self.query = query
        self._serial += 1
        serial = self._serial
        service, reader = self.service, self.reader
        self.summary.setText(_tr("Cargando el registro de cambios…"))
        self.more_button.setEnabled(False)

        def load() -> tuple[AuditPage, tuple[ActorChoice, ...]]:
            return service.search(reader, query), service.actors(reader)

        self._run(serial, load, lambda result: self._loaded(serial, *result))

    def load_more(self) -> None:
        if not self.more or not self.model.rows:
            return
        serial, query = self._serial, self.query
        service, reader, oldest = self.service, self.reader, self.model.rows[-1].id
        self.more_button.setEnabled(False)

        def load() -> AuditPage:
            return service.search(reader, query, before_id=oldest)

        self._run(serial, load, lambda page: self._more_loaded(serial, page))

    def _run(self, serial: int, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        def failed(error: BaseException) -> None:
            if serial == self._serial:  # a newer request answers for the screen now
                self._failed(error)

        self.runner.run(fn, while_alive(self, on_success), while_alive(self, failed))

    def _loaded(self, serial: int, page: AuditPage, actors: tuple[ActorChoice, ...]) -> None:
        if serial != self._serial:
            return
        self.banner.clear()
        self._set_actors(actors)
        selected = self.selected()
        self.model.set_rows(page.rows)
        self.more = page.more
        self._show_state()
        if selected is not None:
            self.select_id(selected.id)
        self.loaded.emit()

    def _more_loaded(self, serial: int, page: AuditPage) -> None:
        if serial != self._serial:
            return
        self.model.append(page.rows)
        self.more = page.more
        self._show_state()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        message = (
            error_text(error)
            if isinstance(error, ServiceError)
            else _tr("No se pudo cargar el registro de cambios.")
        )
        self.banner.show_message(message, "error", _tr("Reintentar"))
        if self.model.rows:  # what was shown stays, with its own count
            self._show_state()
        else:
            self.summary.setText(_tr("Sin datos"))
            self.empty.setText(_tr("No se pudo cargar el registro de cambios."))
            self.stack.setCurrentWidget(self.empty)
        self.failed.emit(message)

    def _set_actors(self, actors: Sequence[ActorChoice]) -> None:
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        try:
            while self.actor_combo.count() > 1:
                self.actor_combo.removeItem(1)
            for choice in actors:
                self.actor_combo.addItem(i18n.domain(choice.name), choice.login)
            found = self.actor_combo.findData(current) if current else 0
            self.actor_combo.setCurrentIndex(max(found, 0))
        finally:
            self.actor_combo.blockSignals(False)

    def _show_state(self) -> None:
        count = len(self.model.rows)
        self.more_button.setVisible(self.more)
        self.more_button.setEnabled(True)
        if count == 0:
            self.summary.setText(_tr("Ningún cambio"))
            filtered = bool(self.query.kind or self.query.actor or self.query.text)
            self.empty.setText(
                _tr(
                    "No hay cambios que coincidan con los filtros en estas fechas.\n"
                    "Pruebe con otras fechas o quite algún filtro."
                )
                if filtered
                else _tr("No se registraron cambios entre estas fechas.")
            )
            self.stack.setCurrentWidget(self.empty)
            self._clear_detail()
            return
        self.stack.setCurrentWidget(self.view)
        if self.more:
            text = _tr("Se muestran los {0} cambios más recientes; hay más.").format(count)
        elif count == 1:
            text = _tr("1 cambio")
        else:
            text = _tr("{0} cambios").format(count)
        self.summary.setText(text)

    # ------------------------------------------------------------------ selection
    def selected(self) -> AuditRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def select_id(self, entry_id: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.id == entry_id:
                self.view.setCurrentIndex(self.model.index(number, 0))
                return True
        self._clear_detail()
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.model.rows):
            self._clear_detail()
            return
        self.detail.setHtml(changes_html(self.model.rows[current.row()]))

    def _clear_detail(self) -> None:
        self.detail.setHtml(
            f"<p style='color:{MUTED}; margin-top:24px' align='center'>"
            + html.escape(_tr("Seleccione un cambio para ver qué campos cambiaron."))
            + "</p>"
        )

    # ------------------------------------------------------------------ export
    def export_csv(self, path: Path) -> None:
        """Every entry matching the filters (not only the page shown), written off the GUI
        thread; ``exported`` then fires with the path."""
        query = self.current_query()
        if query is None:
            self.summary.setText(_tr("La fecha final es anterior a la inicial."))
            return
        service, reader = self.service, self.reader

        def write() -> str:
            text = service.export_csv(reader, query)
            path.write_text(text, encoding="utf-8-sig")  # Excel reads UTF-8 with a BOM
            return str(path)

        def done(written: str) -> None:
            self.banner.show_message(_tr("Registro guardado en {0}").format(written), "success")
            self.exported.emit(written)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self.banner.show_message(
                    _tr("No se pudo guardar el archivo: {0}").format(error.strerror or error),
                    "error",
                )
                self.failed.emit(self.banner.text())
                return
            self._failed(error)

        self.runner.run(write, while_alive(self, done), while_alive(self, failed))

    def _ask_csv(self) -> None:
        query = self.current_query()
        day = query.last_day if query and query.last_day else date.today()
        name = f"registro_de_cambios_{day:%Y%m%d}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            self, _tr("Exportar registro de cambios"), name, "CSV (*.csv)"
        )
        if chosen:
            self.export_csv(Path(chosen))
