"""Console start-up: Qt application, language, style, database, technician, main window."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.config import Settings, default_sqlite_url, get_password, url_is_sqlite
from app.resources_path import resources_dir
from app.services.bootstrap import Services, open_services
from app.services.snapshots import TechnicianView
from ui import i18n
from ui.context import AppContext
from ui.service_errors import error_text
from ui.tasks import TaskRunner

RESOURCES = resources_dir()


class NoTechnician(Exception):
    """No active technician exists in the database."""


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    created = QApplication(sys.argv[:1])
    created.setApplicationName("imr-console")
    created.setOrganizationName("IMR")
    created.setApplicationDisplayName("Consola IMR")
    return created


def apply_style(app: QApplication) -> None:
    from ui.queue_model import icon

    app.setStyle("Fusion")
    path = RESOURCES / "style.qss"
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    app.setWindowIcon(icon("app.svg"))
    font = app.font()
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
        app.setFont(font)


def pick_technician(services: Services, login: str) -> TechnicianView:
    people = [t for t in services.directory.technicians() if t.active]
    for tech in people:
        if tech.login == login:
            return tech
    if not people:
        raise NoTechnician(
            QCoreApplication.translate(
                "App",
                "No hay representantes técnicos activos en la base de datos; un administrador "
                "debe registrar al menos uno.",
            )
        )
    return people[0]


def build_context(
    services: Services, technician: TechnicianView, runner: TaskRunner, settings: Settings
) -> AppContext:
    ctx = AppContext(
        tickets=services.tickets,
        directory=services.directory,
        policy=services.policy,
        technician=technician,
        runner=runner,
        settings=settings,
        database_label=services.database_label,
    )
    if settings.mail.configured:  # outgoing mail set up: the ticket dialog can reply by email
        from ui.mail_reply import MailReplySender, smtp_settings

        ctx.mail_sender = MailReplySender(ctx, smtp_settings(settings.mail))
    return ctx


def _resolve_url(db_url: str | None, settings: Settings, parent: QWidget | None) -> str | None:
    """The URL to open; asks for the password when the keyring has none. None: cancelled."""
    if db_url:
        return db_url
    if os.environ.get("IMR_DB_URL"):
        return os.environ["IMR_DB_URL"]
    db = settings.database
    if db.is_embedded:
        return default_sqlite_url()
    password = get_password(db)
    if password is None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("App", "Contraseña de la base de datos"),
            QCoreApplication.translate("App", "Contraseña de {0} en {1}:").format(db.user, db.host),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        password = text
    return db.url(password)


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Process events until ``predicate`` holds (start-up, screenshots, self-test)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    return True


class Console:
    """One running console: its runner, services, window and live feed, and their shutdown."""

    def __init__(self, app: QApplication, settings: Settings, url: str, embedded: bool) -> None:
        self.app = app
        self.settings = settings
        self.url = url
        self.embedded = embedded
        self.runner = TaskRunner(app)
        self.services: Services | None = None
        self.window: Any = None
        self.live: Any = None
        self.exit_code: int | None = None

    def start(self) -> None:
        url, embedded, settings = self.url, self.embedded, self.settings

        def open_all() -> tuple[Services, TechnicianView]:
            services = open_services(url, demo_if_empty=embedded)
            return services, pick_technician(services, settings.technician)

        self.runner.run(open_all, self._started, self._failed)

    def _started(self, result: tuple[Services, TechnicianView]) -> None:
        from ui.main_window import MainWindow

        services, technician = result
        self.services = services
        ctx = build_context(services, technician, self.runner, self.settings)
        window = MainWindow(ctx)
        self.window = window
        window.show()
        window.start()
        from ui.live_feed import attach_live_feed

        self.live = attach_live_feed(window, ctx)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        box = QMessageBox(QMessageBox.Icon.Critical, "Consola IMR", message)
        box.setInformativeText(
            QCoreApplication.translate(
                "App", "Revise la configuración de la base de datos y vuelva a intentar."
            )
        )
        box.exec()
        from ui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings).exec()
        self.exit_code = 5
        self.app.exit(5)

    def shutdown(self) -> None:
        if self.live is not None:
            self.live.stop()
        if self.window is not None:
            self.window.close()
        self.runner.wait_idle(5000)
        QApplication.processEvents()
        if self.services is not None:
            self.services.close()
            self.services = None


def launch(db_url: str | None = None) -> Console | None:
    """Application, language, style; the database opens off the GUI thread. None: cancelled."""
    app = application()
    settings = Settings.load()
    i18n.install(app, settings.language)
    apply_style(app)
    url = _resolve_url(db_url, settings, None)
    if url is None:
        return None
    embedded = url_is_sqlite(url) and url == default_sqlite_url()
    console = Console(app, settings, url, embedded)
    console.start()
    return console


def run(db_url: str | None = None, self_test: bool = False) -> int:
    """The console; returns the process exit code."""
    if self_test:
        try:
            from ui.self_test import run_self_test
        except ImportError:
            print("imr-console: la prueba de arranque no está disponible", file=sys.stderr)
            return 1
        return int(run_self_test(db_url=db_url))
    console = launch(db_url)
    if console is None:
        return 1
    code = console.app.exec()
    console.shutdown()
    return int(console.exit_code if console.exit_code is not None else code)


# ---------------------------------------------------------------------- screenshots
def _placeholder(path: Path, text: str) -> None:
    pixmap = QPixmap(720, 420)
    pixmap.fill(QColor("#f5f7fa"))
    painter = QPainter(pixmap)
    painter.setFont(QFont("sans-serif", 14))
    painter.drawText(pixmap.rect(), 0x84, text)  # AlignCenter
    painter.end()
    pixmap.save(str(path))


def _settle(runner: TaskRunner, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or runner.pending:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
        if time.monotonic() > end + 20:
            break


def _grab(widget: QWidget, path: Path) -> None:
    widget.show()
    widget.raise_()
    QApplication.processEvents()
    widget.grab().save(str(path))


def render_screenshots(out: Path, db_url: str | None = None) -> list[Path]:
    """Main window, ticket detail, new ticket and settings dialogs, supervisor panel, as PNGs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    settings = Settings.load()
    i18n.install(app, "es")
    apply_style(app)
    temp = None
    if db_url is None:
        temp = tempfile.TemporaryDirectory(prefix="imr-screens-")
        db_url = f"sqlite:///{Path(temp.name) / 'demo.sqlite3'}"
    services = open_services(db_url, demo_if_empty=temp is not None)
    runner = TaskRunner(app)
    written: list[Path] = []
    try:
        from ui.main_window import MainWindow
        from ui.settings_dialog import SettingsDialog

        technician = pick_technician(services, settings.technician)
        ctx = build_context(services, technician, runner, settings)
        window = MainWindow(ctx)
        window.resize(1600, 860)
        loaded: list[bool] = []
        window.refreshed.connect(lambda: loaded.append(True))
        window.show()
        window.start()
        wait_until(lambda: bool(loaded))
        rows = window.model.rows()
        if rows:
            window.select_ticket(rows[0].id)
            window.search_panel.query.setText(rows[0].client_name.split()[0])
            window.search_panel.search()
            _settle(runner)
            window.search_panel.view.selectRow(0)
            window._show_client(rows[0].id)
            _settle(runner)
            window.side_tabs.setCurrentWidget(window.search_panel)
        window.model.tick()
        path = out / "main-window.png"
        _grab(window, path)
        written.append(path)

        ticket_id = rows[0].id if rows else 1
        shots: list[tuple[str, Callable[[], QDialog], str]] = [
            (
                "ticket-dialog.png",
                lambda: window.ticket_dialog_factory(ctx, ticket_id, window),
                "Detalle del tiquete: aún no disponible",
            ),
            (
                "new-ticket-dialog.png",
                lambda: window.new_ticket_dialog_factory(ctx, window),
                "Nuevo tiquete: aún no disponible",
            ),
            (
                "settings-dialog.png",
                lambda: SettingsDialog(
                    settings,
                    window,
                    technicians=services.directory.technicians,
                    current_login=technician.login,
                ),
                "Configuración",
            ),
        ]
        for name, make, missing in shots:
            path = out / name
            try:
                dialog = make()
            except ImportError:
                _placeholder(path, missing)
            else:
                dialog.show()
                _settle(runner, 1.0)
                _grab(dialog, path)
                dialog.close()
                dialog.deleteLater()
            written.append(path)
        written.extend(_supervisor_shots(out, ctx, runner))
        window.close()
        QTimer.singleShot(0, lambda: None)
        _settle(runner, 0.1)
    finally:
        runner.wait_idle(10000)
        QApplication.processEvents()
        services.close()
        if temp is not None:
            temp.cleanup()
    return written


def _supervisor_shots(out: Path, ctx: AppContext, runner: TaskRunner) -> list[Path]:
    """The supervisor panel's live board, compliance and change log tabs, as a supervisor sees
    them."""
    from ui.supervisor_panel import open_supervisor_panel

    boss = next((t for t in ctx.directory.technicians() if t.role in ("supervisor", "admin")), None)
    if boss is not None:
        ctx = replace(ctx, technician=boss)
    panel = open_supervisor_panel(ctx)
    panel.resize(1500, 900)
    loaded: list[str] = []
    panel.board_applied.connect(lambda: loaded.append("board"))
    panel.period_applied.connect(lambda: loaded.append("period"))
    wait_until(lambda: {"board", "period"} <= set(loaded))
    _settle(runner, 0.5)
    written = []
    for index, name in ((0, "supervisor-board.png"), (1, "supervisor-compliance.png")):
        panel.tabs.setCurrentIndex(index)
        _settle(runner, 0.3)
        path = out / name
        _grab(panel, path)
        written.append(path)
    audit = panel.audit_panel
    if audit is not None:
        changes: list[bool] = []
        audit.loaded.connect(lambda: changes.append(True))
        audit.failed.connect(lambda _message: changes.append(False))
        panel.tabs.setCurrentWidget(audit)
        wait_until(lambda: bool(changes))
        rows = audit.model.rows
        shown = next((r for r in rows if r.reason), rows[0] if rows else None)
        if shown is not None:
            audit.select_id(shown.id)
        _settle(runner, 0.3)
        path = out / "supervisor-audit.png"
        _grab(panel, path)
        written.append(path)
    panel.close()
    return written
