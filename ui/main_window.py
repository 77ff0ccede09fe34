"""The technician's main window: the live queue, filters, search and client view, status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.resources_path import icon_path
from app.services.snapshots import QueueRow, TicketDetail
from ui import i18n
from ui.alerts import DeskAlerts
from ui.context import AppContext
from ui.queue_model import (
    ROW_ROLE,
    Clock,
    Column,
    QueueFilter,
    QueueModel,
    QueueProxy,
    TimerFactory,
    default_timer_factory,
    icon,
    utc_now,
)
from ui.search_panel import ClientPanel, SearchPanel
from ui.service_errors import error_text

DialogFactory = Callable[..., QDialog]

COLUMN_WIDTHS = {
    Column.TIME_LEFT: 330,
    Column.PRIORITY: 104,
    Column.NUMBER: 74,
    Column.CLIENT: 170,
    Column.SUBJECT: 240,
    Column.CHANNEL: 130,
    Column.STATUS: 110,
    Column.ASSIGNEE: 130,
    Column.AGE: 80,
    Column.LAST_ACTION: 190,
}
FILTER_LABELS = (
    (QueueFilter.MINE, QT_TRANSLATE_NOOP("MainWindow", "Mis tiquetes")),
    (QueueFilter.UNASSIGNED, QT_TRANSLATE_NOOP("MainWindow", "Sin asignar")),
    (QueueFilter.ALL_OPEN, QT_TRANSLATE_NOOP("MainWindow", "Todos abiertos")),
    (QueueFilter.AT_RISK, QT_TRANSLATE_NOOP("MainWindow", "En riesgo")),
    (QueueFilter.BREACHED, QT_TRANSLATE_NOOP("MainWindow", "Vencidos")),
)
REFILTER_EVERY_TICKS = 15  # time-based filters (at risk, breached) catch up twice a minute


def _ticket_dialog(ctx: AppContext, ticket_id: int, parent: QWidget) -> QDialog:
    from ui.ticket_dialog import TicketDialog  # built separately; imported when first needed

    return TicketDialog(ctx, ticket_id, parent)


def _new_ticket_dialog(ctx: AppContext, parent: QWidget) -> QDialog:
    from ui.new_ticket_dialog import NewTicketDialog

    return NewTicketDialog(ctx, parent)


def _settings_dialog(ctx: AppContext, parent: QWidget) -> QDialog:
    from ui.settings_dialog import SettingsDialog

    return SettingsDialog(
        ctx.settings, parent, technicians=ctx.directory.technicians, current_login=ctx.actor
    )


class MainWindow(QMainWindow):
    """All database work goes through ``ctx.runner``; the GUI thread never waits on the DB."""

    refreshed = Signal()
    policy_reloaded = Signal()  # the SLA settings were reloaded after a supervisor changed them
    dialog_opened = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        *,
        timer_factory: TimerFactory = default_timer_factory,
        clock: Clock = utc_now,
        alerts: DeskAlerts | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.ticket_dialog_factory: DialogFactory = _ticket_dialog
        self.new_ticket_dialog_factory: DialogFactory = _new_ticket_dialog
        self.settings_dialog_factory: DialogFactory = _settings_dialog
        self.open_dialogs: list[QDialog] = []
        self._policy: Any = None  # the SLA policy the queue and the open dialogs use
        self.connected = True
        self._ticks = 0
        self._loading = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Consola IMR — Centro de Soluciones"))
        self.setWindowIcon(icon("app.svg"))
        self.resize(1480, 820)

        self.model = QueueModel(self, clock=clock, timer_factory=timer_factory)
        self.proxy = QueueProxy(self, actor=ctx.actor)
        self.proxy.setSourceModel(self.model)
        self.alerts = alerts or DeskAlerts(
            self, icon=icon("app.svg"), clock=clock, sound=ctx.settings.alerts_sound
        )
        self.model.clock_state_changed.connect(self.alerts.clock_changed)
        self.alerts.alerted.connect(self._show_alert)
        self.model.ticked.connect(self._on_tick)

        self._build_actions()
        self._build_toolbar()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_filters())
        layout.addWidget(self._build_banner())
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.addWidget(self._build_queue(split))
        split.addWidget(self._build_side(split, timer_factory))
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([1180, 340])
        self.splitter = split
        wrap = QWidget(central)
        wrap_layout = QVBoxLayout(wrap)
        wrap_layout.setContentsMargins(6, 6, 6, 6)
        wrap_layout.addWidget(split)
        layout.addWidget(wrap, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.model.visible_rows = self._visible_rows

    # ------------------------------------------------------------------ building
    def _action(
        self, text: str, icon_name: str | None, shortcut: Any, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setToolTip(f"{text} ({QKeySequence(keys[0]).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("Nuevo tiquete"),
            "new-ticket.svg",
            QKeySequence.StandardKey.New,
            self.new_ticket,
        )
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.take_action = self._action(
            self.tr("Tomar siguiente"), "take-next.svg", "Ctrl+T", self.take_next
        )
        self.open_action = self._action(self.tr("Abrir"), "open.svg", None, self.open_selected)
        self.open_action.setToolTip(self.tr("Abrir el tiquete seleccionado (Intro)"))
        self.refresh_action = self._action(self.tr("Actualizar"), "refresh.svg", "F5", self.refresh)
        self.search_action = self._action(
            self.tr("Buscar"), "search.svg", "Ctrl+F", self.focus_search
        )
        self.global_search_action = self._action(
            self.tr("Buscar en todos los tiquetes"), None, "Ctrl+Shift+F", self.focus_global_search
        )
        self.settings_action = self._action(
            self.tr("Configuración"), "settings.svg", None, self.open_settings
        )
        self.directory_action = self._action(
            self.tr("Directorio"), None, "Ctrl+Shift+D", self.open_directory
        )
        self.supervisor_action = self._action(
            self.tr("Panel de supervisión"), None, "Ctrl+Shift+S", self.open_supervisor_panel
        )
        self.supervisor_action.setVisible(self.ctx.technician.role in ("supervisor", "admin"))
        self.quarantine_action = self._action(
            self.tr("Cuarentena de correo"), None, None, self.open_quarantine_panel
        )
        self.quarantine_action.setVisible(self.ctx.technician.role in ("supervisor", "admin"))

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Acciones"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.take_action, self.open_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.refresh_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.technician_badge = QLabel(bar)
        self.technician_badge.setText(
            self.tr("Representante técnico: <b>{0}</b>").format(self.ctx.technician.name)
        )
        bar.addWidget(self.technician_badge)
        bar.addSeparator()
        bar.addAction(self.supervisor_action)
        bar.addAction(self.quarantine_action)
        bar.addAction(self.directory_action)
        bar.addAction(self.settings_action)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_filters(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("filterBar")
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(6)
        self.filter_group = QButtonGroup(box)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[QueueFilter, QPushButton] = {}
        for mode, label in FILTER_LABELS:
            button = QPushButton(self.tr(label), box)
            button.setObjectName("filterButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.filter_group.addButton(button, int(mode))
            self.filter_buttons[mode] = button
            row.addWidget(button)
        self.filter_buttons[QueueFilter.ALL_OPEN].setChecked(True)
        self.filter_group.idClicked.connect(lambda i: self.set_filter(QueueFilter(i)))
        row.addSpacing(12)
        self.priority_combo = QComboBox(box)
        self.priority_combo.addItem(self.tr("Todas las prioridades"), None)
        for p in Priority:
            self.priority_combo.addItem(icon(f"priority-{int(p)}.svg"), i18n.label(p), int(p))
        self.priority_combo.currentIndexChanged.connect(self._priority_changed)
        row.addWidget(self.priority_combo)
        self.channel_combo = QComboBox(box)
        self.channel_combo.addItem(self.tr("Todos los canales"), None)
        for ch in Channel:
            self.channel_combo.addItem(i18n.label(ch), ch.value)
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        row.addWidget(self.channel_combo)
        self.search_box = QLineEdit(box)
        self.search_box.setObjectName("queueSearch")
        self.search_box.setPlaceholderText(self.tr("Filtrar por cliente, asunto o número (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search.svg"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.textChanged.connect(self.proxy.set_text)
        self.search_box.textChanged.connect(lambda _t: self._update_count())
        row.addWidget(self.search_box, 1)
        self.count_label = QLabel(box)
        row.addWidget(self.count_label)
        return box

    def _build_banner(self) -> QWidget:
        self.banner = QFrame(self)
        self.banner.setObjectName("outageBanner")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 10, 6)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        retry = QPushButton(self.tr("Reintentar"), self.banner)
        retry.clicked.connect(self.refresh)
        row.addWidget(self.banner_label, 1)
        row.addWidget(retry)
        self.banner.hide()
        return self.banner

    def _build_queue(self, parent: QWidget) -> QWidget:
        view = QTableView(parent)
        view.setObjectName("queueView")
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setSortingEnabled(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(26)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)
        for col, width in COLUMN_WIDTHS.items():
            view.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        view.doubleClicked.connect(lambda _i: self.open_selected())
        view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        enter = QAction(self.tr("Abrir"), view)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enter.triggered.connect(self.open_selected)
        view.addAction(enter)
        self.view = view
        self._update_actions()
        return view

    def _build_side(self, parent: QWidget, timer_factory: TimerFactory) -> QWidget:
        tabs = QTabWidget(parent)
        tabs.setObjectName("sideTabs")
        self.search_panel = SearchPanel(self.ctx, tabs, timer_factory=timer_factory)
        self.client_panel = ClientPanel(self.ctx, tabs, timer_factory=timer_factory)
        tabs.addTab(self.search_panel, icon("search.svg"), self.tr("Búsqueda"))
        tabs.addTab(self.client_panel, self.tr("Cliente"))
        self.search_panel.ticket_requested.connect(self.open_ticket)
        self.client_panel.ticket_requested.connect(self.open_ticket)
        self.search_panel.client_requested.connect(self._show_client)
        self.side_tabs = tabs
        return tabs

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(
            self.tr("Base de datos: {0}").format(self.ctx.database_label or "—"), bar
        )
        self.tech_label = QLabel(
            self.tr("Técnico: {0} ({1})").format(self.ctx.technician.name, self.ctx.actor), bar
        )
        self.connection_label = QLabel(bar)
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.tech_label)
        bar.addPermanentWidget(self.connection_label)
        self._show_connection(True, self.tr("Conectado"))

    # ------------------------------------------------------------------ public API
    def start(self) -> None:
        """First load and the countdown timers."""
        self.model.start()
        self.search_panel.model.start()
        self.client_panel.history.start()
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.statusBar().showMessage(self.tr("Actualizando la cola…"))
        ctx = self.ctx

        def load() -> tuple[Any, list[QueueRow]]:
            # fresh(): the settings may have changed while this desk was not listening (at
            # start, or during an outage, when notifications are lost)
            return ctx.policy.fresh(), ctx.tickets.queue()

        ctx.runner.run(load, self._loaded, self._load_failed)

    def reload_policy(self) -> None:
        """The SLA settings changed (live feed): the countdowns follow the new calendars."""
        self.ctx.runner.run(
            self.ctx.policy.fresh, self._policy_reloaded, self._policy_reload_failed
        )

    def _policy_reloaded(self, policy: Any) -> None:
        self._use_policy(policy)
        self.proxy.refilter()
        self._update_count()
        self.policy_reloaded.emit()
        message = self.tr("Cambiaron los horarios o plazos del SLA; la cola ya los aplica.")
        self.statusBar().showMessage(message, 8000)

    def _use_policy(self, policy: Any) -> None:
        """The queue's countdowns and desk alerts use ``policy``; when it is a newer one than
        before, the open ticket dialogs take their calendar from it too."""
        newer = self._policy is not None and policy is not self._policy
        self._policy = policy
        self.model.set_policy(policy)
        self.alerts.office_hours = policy.calendars.get("office", self.alerts.office_hours)
        if newer:
            for dialog in list(self.open_dialogs):
                reload_calendar = getattr(dialog, "reload_calendar", None)
                if callable(reload_calendar):
                    reload_calendar()

    def _policy_reload_failed(self, error: BaseException) -> None:
        """The queue and the connection state are left alone; the next full refresh (or the
        next settings notification) tries again, as it checks the settings stamp itself."""
        message = self.tr("No se pudieron cargar los nuevos horarios del SLA: {0}")
        self.statusBar().showMessage(message.format(error_text(error)), 10000)

    def apply_rows(self, rows: list[QueueRow]) -> None:
        """Changed rows pushed by the live feed: upsert by id; closed ones leave the queue."""
        arrived = self.model.apply_rows(rows)
        self.proxy.refilter()
        for row in arrived:
            self.alerts.ticket_arrived(row)
        self._update_count()

    def remove_ids(self, ticket_ids: list[int]) -> None:
        self.model.remove_ids(ticket_ids)
        self._update_count()

    def set_connection_state(self, ok: bool, message: str) -> None:
        """The outage banner and the status bar; the queue stays on screen while offline."""
        self.connected = ok
        if ok:
            self.banner.hide()
        else:
            self.banner_label.setText(
                self.tr(
                    "Sin conexión con la base de datos: {0}. La cola mostrada puede no "
                    "estar al día; se reintentará automáticamente."
                ).format(message)
            )
            self.banner.show()
        self._show_connection(ok, message)

    def selected_row(self) -> QueueRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            rows = self.view.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return index.siblingAtColumn(0).data(ROW_ROLE)

    def select_ticket(self, ticket_id: int) -> bool:
        pos = self.model.position(ticket_id)
        if pos is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(pos, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def set_filter(self, mode: QueueFilter) -> None:
        self.filter_buttons[mode].setChecked(True)
        self.proxy.set_mode(mode)
        self._update_count()

    # ------------------------------------------------------------------ actions
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            self.statusBar().showMessage(self.tr("Seleccione un tiquete de la cola."), 4000)
            return
        self.open_ticket(row.id)

    def open_ticket(self, ticket_id: int) -> None:
        try:
            dialog = self.ticket_dialog_factory(self.ctx, ticket_id, self)
        except ImportError:
            self._unavailable(self.tr("El detalle del tiquete aún no está disponible."))
            return
        self._show_dialog(dialog)

    def new_ticket(self) -> None:
        try:
            dialog = self.new_ticket_dialog_factory(self.ctx, self)
        except ImportError:
            self._unavailable(self.tr("El registro de tiquetes nuevos aún no está disponible."))
            return
        opened = getattr(dialog, "ticket_opened", None)
        if opened is not None:
            opened.connect(self._ticket_created)
        self._show_dialog(dialog)

    def take_next(self) -> None:
        actor = self.ctx.actor
        self.statusBar().showMessage(self.tr("Tomando el siguiente tiquete…"))
        self.ctx.runner.run(
            lambda: self.ctx.tickets.take_next(actor), self._took, self._action_failed
        )

    def open_settings(self) -> None:
        try:
            dialog = self.settings_dialog_factory(self.ctx, self)
        except ImportError:
            self._unavailable(self.tr("La configuración aún no está disponible."))
            return
        self._show_dialog(dialog, refresh=False)

    def open_directory(self) -> None:
        from ui.directory.window import DirectoryWindow  # clients, contracts, contacts

        self._show_dialog(DirectoryWindow(self.ctx, self))

    def open_supervisor_panel(self) -> None:
        from ui.supervisor_panel import open_supervisor_panel

        self.supervisor_panel = open_supervisor_panel(self.ctx, self)

    def open_quarantine_panel(self) -> None:
        from ui.quarantine_panel import open_quarantine_panel  # mail the intake could not read

        self.quarantine_panel = open_quarantine_panel(self.ctx, self)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_global_search(self) -> None:
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.query.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ callbacks
    def _loaded(self, result: tuple[Any, list[QueueRow]]) -> None:
        self._loading = False
        policy, rows = result
        current = self.selected_row()
        self._use_policy(policy)
        known = {row.id for row in self.model.rows()}
        self.model.replace_all(rows)
        if known:  # not the first load: tickets that appeared since are arrivals
            for row in rows:
                if row.id not in known and row.status.is_open:
                    self.alerts.ticket_arrived(row)
        if current is not None:
            self.select_ticket(current.id)
        elif self.proxy.rowCount():
            self.view.selectRow(0)
        if not self.connected:
            self.set_connection_state(True, self.tr("Conexión restablecida"))
        self.statusBar().showMessage(self.tr("Cola actualizada."), 3000)
        self._update_count()
        self.refreshed.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.set_connection_state(False, error_text(error))
        self.statusBar().clearMessage()

    def _took(self, detail: TicketDetail | None) -> None:
        if detail is None:
            self.statusBar().showMessage(self.tr("No hay tiquetes sin asignar."), 5000)
            return
        self.statusBar().showMessage(
            self.tr("Tomó {0}: {1}").format(detail.number, detail.row.subject), 5000
        )
        self.apply_rows([detail.row])
        self.select_ticket(detail.id)
        self.open_ticket(detail.id)

    def _action_failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("No se pudo completar"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _ticket_created(self, ticket_id: int) -> None:
        self.refresh()
        self.open_ticket(ticket_id)

    def _show_dialog(self, dialog: QDialog, *, refresh: bool = True) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)

        def done(_result: int) -> None:
            if dialog in self.open_dialogs:
                self.open_dialogs.remove(dialog)
            if refresh:
                self.refresh()

        dialog.finished.connect(done)
        dialog.show()
        self.dialog_opened.emit(dialog)

    def _unavailable(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.windowTitle(),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show_client(self, ticket_id: int) -> None:
        self.side_tabs.setCurrentWidget(self.client_panel)
        self.client_panel.show_for_ticket(ticket_id)

    def _show_alert(self, title: str, message: str, critical: bool) -> None:
        self.statusBar().showMessage(f"{title}: {message}", 10000)

    def _show_connection(self, ok: bool, message: str) -> None:
        name = "connection-ok.svg" if ok else "connection-lost.svg"
        size = 10
        path = icon_path(name)
        state = self.tr("Conectado") if ok else self.tr("Sin conexión")
        self.connection_label.setText(
            f'<img src="{path}" width="{size}" height="{size}"> {state}'
            + (f" — {message}" if message and message != state else "")
        )
        self.connection_label.setToolTip(message)

    def _priority_changed(self) -> None:
        value = self.priority_combo.currentData()
        self.proxy.set_priority(None if value is None else Priority(value))
        self._update_count()

    def _channel_changed(self) -> None:
        value = self.channel_combo.currentData()
        self.proxy.set_channel(None if value is None else Channel(value))
        self._update_count()

    def _sort_by(self, section: int) -> None:
        """Header clicks sort; a click on «Tiempo restante» returns to the default order."""
        if section == Column.TIME_LEFT:
            self.proxy.sort(-1)
            self.view.horizontalHeader().setSortIndicatorShown(False)
            return
        header = self.view.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder
            if self.proxy.sortColumn() == section
            and self.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        self.proxy.sort(section, order)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(section, order)

    def _visible_rows(self) -> tuple[int, int] | None:
        count = self.proxy.rowCount()
        if count == 0:
            return None
        first = self.view.rowAt(0)
        if first < 0:
            first = 0
        last = self.view.rowAt(max(0, self.view.viewport().height() - 1))
        if last < 0:
            last = count - 1
        return self.proxy.visible_source_span(first, last)

    def _on_tick(self) -> None:
        self._ticks += 1
        if self.proxy.time_based and self._ticks % REFILTER_EVERY_TICKS == 0:
            self.proxy.refilter()
            self._update_count()

    def _update_actions(self) -> None:
        self.open_action.setEnabled(self.selected_row() is not None)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{0} de {1} tiquetes abiertos").format(shown, total))
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.model.stop()
        self.search_panel.model.stop()
        self.client_panel.history.stop()
        super().closeEvent(event)


def app_icon() -> QIcon:
    return icon("app.svg")
