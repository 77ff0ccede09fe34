"""`imr-console --self-test`: prove that this installation can start, then exit.

Starts offscreen, opens the configured database (or a temporary SQLite one with demo data), checks
the schema is migrated, paints the main window and a ticket dialog, loads the translations and the
icons, and prints one line per check. Exit 0 when everything passed; otherwise 1 (5 when the
database does not answer) with the reason on stderr. Works from the source tree and in the bundle.

A windowed Windows executable has no stdout: the lines then go to ``self-test.log`` in the user's
data folder, or to the file named by ``IMR_SELF_TEST_LOG`` (always written when set).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

_IMPORTED_AT = time.time()

LOG_ENV = "IMR_SELF_TEST_LOG"


# --------------------------------------------------------------------------- process start time
def process_start_time() -> tuple[float, bool]:
    """Wall-clock time this process was created and whether it is exact (from the OS)."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_start_time(), True
        if sys.platform == "win32":
            return _windows_start_time(), True
    except Exception:  # an odd /proc or a missing API: fall back to the import time
        pass
    return _IMPORTED_AT, False


def _linux_start_time() -> float:
    stat = Path("/proc/self/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    started_ticks = int(fields[19])  # field 22 of proc(5): starttime, in clock ticks since boot
    ticks = os.sysconf("SC_CLK_TCK")
    uptime = time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.time() - (uptime - started_ticks / ticks)


def _windows_start_time() -> float:
    import ctypes
    from ctypes import wintypes

    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.GetCurrentProcess()
    if not kernel32.GetProcessTimes(
        handle,
        ctypes.byref(creation),
        ctypes.byref(exit_),
        ctypes.byref(kernel),
        ctypes.byref(user),
    ):
        raise OSError("GetProcessTimes")
    hundred_ns = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
    return hundred_ns / 10_000_000 - 11_644_473_600  # 1601-01-01 → 1970-01-01


# --------------------------------------------------------------------------- report
class SelfTestFailed(Exception):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class Report:
    """One line per check on stdout (and in the log file), the failure reason on stderr."""

    def __init__(self, out: TextIO | None, err: TextIO | None, log_path: Path | None) -> None:
        self.out = out
        self.err = err
        self.log_path = log_path
        self.lines: list[str] = []
        self.failures: list[str] = []
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            log_path.write_text("", encoding="utf-8")

    def _emit(self, line: str, stream: TextIO | None) -> None:
        self.lines.append(line)
        if stream is not None:
            print(line, file=stream, flush=True)
        if self.log_path is not None:
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(line + "\n")

    def ok(self, check: str, detail: str) -> None:
        self._emit(f"ok     {check}: {detail}", self.out)

    def note(self, check: str, detail: str) -> None:
        self._emit(f"aviso  {check}: {detail}", self.out)

    def fail(self, check: str, reason: str) -> None:
        self.failures.append(f"{check}: {reason}")
        self._emit(f"FALLA  {check}: {reason}", self.out)

    def finish(self, exit_code: int) -> int:
        if self.failures:
            self._emit(
                "imr-console: la prueba de arranque falló — " + "; ".join(self.failures), self.err
            )
            return exit_code or 1
        self._emit(f"prueba de arranque correcta ({len(self.lines)} comprobaciones)", self.out)
        return 0


def _log_path() -> Path | None:
    explicit = os.environ.get(LOG_ENV)
    if explicit:
        return Path(explicit)
    if sys.stdout is None:  # windowed executable: nobody would see the lines
        from app.config import data_dir

        return data_dir() / "self-test.log"
    return None


# --------------------------------------------------------------------------- the checks
def run_self_test(
    db_url: str | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    timeout: float = 30.0,
) -> int:
    """Run every check; returns the process exit code (see the module docstring)."""
    started, exact = process_start_time()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = Report(
        out if out is not None else sys.stdout, err if err is not None else sys.stderr, _log_path()
    )
    opened: list[Any] = []
    exit_code = 1
    try:
        exit_code = _run_checks(report, db_url, started, exact, timeout, opened.append)
    except SelfTestFailed as error:
        report.fail("prueba de arranque", error.message)
        exit_code = error.exit_code
    except Exception as error:  # a self-test never ends in a traceback
        report.fail("prueba de arranque", f"error inesperado ({type(error).__name__}): {error}")
        exit_code = 1
    finally:
        for database in opened:
            database.close()
    return report.finish(exit_code)


def _run_checks(
    report: Report,
    db_url: str | None,
    started: float,
    exact: bool,
    timeout: float,
    keep: Callable[[Any], None],
) -> int:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader

    from app.config import Settings
    from app.resources_path import (
        icons_dir,
        is_frozen,
        style_path,
        translation_path,
    )
    from app.services.errors import ServiceError
    from app.services.selfcheck import open_for_self_test
    from ui import app as console
    from ui import i18n
    from ui.tasks import TaskRunner

    _quiet_offscreen_noise()
    qt_app = console.application()
    mode = "paquete" if is_frozen() else "código fuente"
    report.ok("plataforma", f"Qt {QGuiApplication.platformName()} · {mode} · {sys.platform}")

    # ---- resources that need no database
    failed_before = len(report.failures)
    style = style_path()
    if style.is_file() and style.stat().st_size > 0:
        report.ok("hoja de estilo", style.name)
    else:
        report.fail("hoja de estilo", f"falta {style}")

    qm = translation_path("en")
    translator = QTranslator()
    if qm.is_file() and translator.load(str(qm)) and not translator.isEmpty():
        report.ok("traducciones", f"{qm.name} cargada ({translator.language() or 'en'})")
    else:
        report.fail("traducciones", f"no se pudo cargar {qm}")

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    svgs = sorted(icons_dir().glob("*.svg"))
    if "svg" not in formats:
        report.fail("iconos", "Qt no tiene el complemento de imágenes SVG (qsvg)")
    elif not svgs:
        report.fail("iconos", f"no hay iconos en {icons_dir()}")
    else:
        broken = [p.name for p in svgs if _icon_is_blank(QIcon(str(p)))]
        if broken:
            report.fail("iconos", f"{len(broken)} de {len(svgs)} no cargan: {', '.join(broken)}")
        else:
            report.ok("iconos", f"{len(svgs)} de {len(svgs)} cargados (SVG)")

    # ---- database and windows
    settings = Settings.load()
    i18n.install(qt_app, "es")
    console.apply_style(qt_app)
    opening = time.monotonic()
    try:
        database = open_for_self_test(db_url)
    except ServiceError as error:
        raise SelfTestFailed(f"base de datos: {error.message}", error.exit_code) from error
    keep(database)
    for note in database.notes:
        report.note("base de datos", note)
    db_ms = (time.monotonic() - opening) * 1000
    report.ok("base de datos", f"{database.description}, abierta en {db_ms:.0f} ms")
    report.ok("migraciones", f"esquema al día (versión {database.revision})")

    services = database.services
    runner = TaskRunner(qt_app)
    try:
        technician = console.pick_technician(services, settings.technician)
        ctx = console.build_context(services, technician, runner, settings)
        _check_windows(report, ctx, started, exact, timeout, db_ms)
        _check_charts(report)  # after the first paint, so it does not count in that time
    finally:
        runner.wait_idle(10_000)
        _settle(runner, 0.05)
    return 1 if len(report.failures) > failed_before else 0


def _check_windows(
    report: Report, ctx: Any, started: float, exact: bool, timeout: float, db_ms: float
) -> None:
    from PySide6.QtCore import QEvent, QObject

    from ui.app import wait_until
    from ui.main_window import MainWindow

    class PaintWatcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted_at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.painted_at is None and event.type() == QEvent.Type.Paint:
                self.painted_at = time.time()
            return False

    window = MainWindow(ctx)
    watcher = PaintWatcher()
    window.installEventFilter(watcher)
    loaded: list[bool] = []
    window.refreshed.connect(lambda: loaded.append(True))
    window.show()
    window.start()
    if not wait_until(lambda: watcher.painted_at is not None, timeout):
        report.fail("ventana principal", f"no se pintó en {timeout:.0f} s")
        return
    painted_ms = ((watcher.painted_at or time.time()) - started) * 1000
    if not wait_until(lambda: bool(loaded), timeout):
        report.fail("ventana principal", f"la cola no cargó en {timeout:.0f} s")
        return
    _settle(ctx.runner, 0.2)
    rows = window.model.rows()
    problem = _blank_reason(window.grab())
    if problem:
        report.fail("ventana principal", problem)
    else:
        size = window.size()
        report.ok(
            "ventana principal",
            f"{size.width()}×{size.height()} px, {len(rows)} tiquetes en la cola",
        )
    origin = "arranque del proceso" if exact else "carga del módulo (aprox.)"
    report.ok(
        "primer pintado",
        f"{painted_ms:.0f} ms desde el {origin} (de ellos {db_ms:.0f} ms abriendo la base)",
    )

    if not rows:
        report.fail("diálogo de tiquete", "la cola está vacía: no hay tiquete que mostrar")
        window.close()
        return
    ticket_id = rows[0].id
    dialog = window.ticket_dialog_factory(ctx, ticket_id, window)
    dialog.show()
    ready = wait_until(
        lambda: getattr(dialog, "detail", True) is not None and not ctx.runner.pending, timeout
    )
    _settle(ctx.runner, 0.2)
    problem = "" if ready else f"el tiquete no cargó en {timeout:.0f} s"
    problem = problem or _blank_reason(dialog.grab())
    if problem:
        report.fail("diálogo de tiquete", problem)
    else:
        size = dialog.size()
        report.ok("diálogo de tiquete", f"IMR-{ticket_id}, {size.width()}×{size.height()} px")
    dialog.close()
    dialog.deleteLater()
    window.close()
    window.deleteLater()


def _check_charts(report: Report) -> None:
    """The supervisor charts: pyqtgraph (and numpy under it) load and draw in this build."""
    try:
        import numpy
        import pyqtgraph as pg

        plot = pg.PlotWidget()
        plot.resize(320, 200)
        plot.plot(numpy.arange(10.0), numpy.arange(10.0) ** 2, pen=pg.mkPen("#1f6feb", width=3))
        problem = _blank_reason(plot.grab())
        if not problem:  # the PDF export path of the supervisor panel
            from pyqtgraph.exporters import ImageExporter

            image = ImageExporter(plot.plotItem).export(toBytes=True)
            if image is None or image.isNull():
                problem = "la exportación a imagen quedó vacía"
        plot.deleteLater()
    except Exception as error:  # reported, not raised: the other checks still run
        report.fail("gráficos", f"pyqtgraph no funciona ({type(error).__name__}: {error})")
        return
    if problem:
        report.fail("gráficos", problem)
    else:
        report.ok("gráficos", f"pyqtgraph {pg.__version__} con numpy {numpy.__version__}")


_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen_noise() -> None:
    """The offscreen platform warns about window hints it ignores; everything else still shows."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if message in _NOISE:
            return
        if previous is not None:
            previous(kind, context, message)
        elif sys.stderr is not None:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _settle(runner: Any, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end or (runner.pending and time.monotonic() < end + 10):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def _blank_reason(pixmap: Any) -> str:
    """Empty string when the grabbed image has content; otherwise why it is blank."""
    if pixmap.isNull() or pixmap.width() < 50 or pixmap.height() < 50:
        return "la imagen capturada está vacía"
    image = pixmap.toImage()
    colours = set()
    step_x = max(1, image.width() // 40)
    step_y = max(1, image.height() // 40)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
            if len(colours) > 2:
                return ""
    return "la imagen capturada es de un solo color (no se pintó nada)"


def _icon_is_blank(icon: Any) -> bool:
    if icon.isNull():
        return True
    pixmap = icon.pixmap(32, 32)
    if pixmap.isNull():
        return True
    image = pixmap.toImage()
    return not any(
        (image.pixel(x, y) >> 24) & 0xFF
        for y in range(image.height())
        for x in range(image.width())
    )
