"""CSV import and export from the directory window: dry run first, import only a clean file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.tickets import TicketService
from ui.context import AppContext
from ui.directory.import_dialog import ExportDialog, ImportDialog
from ui.directory.window import DirectoryWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform notice


def _context(db: Database, login: str) -> AppContext:
    directory = DirectoryService(db)
    tech = next(t for t in directory.technicians() if t.login == login)
    policy = PolicyCache(db)
    return AppContext(
        tickets=TicketService(db, policy),
        directory=directory,
        policy=policy,
        technician=tech,
        runner=TaskRunner(),
    )


@pytest.fixture
def directory(sqlite_db: Database) -> Database:
    service = DirectoryService(sqlite_db)
    service.add_technician("sup", "Sara Supervisora", role="supervisor")
    service.add_technician("ana", "Ana Ríos")
    service.add_client("Cervecería Istmo", tax_id="155-1-2345 DV 12")
    return sqlite_db


def _wait(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10000)


def _window(qtbot: QtBot, db: Database, login: str) -> tuple[DirectoryWindow, AppContext]:
    ctx = _context(db, login)
    window = DirectoryWindow(ctx)
    qtbot.addWidget(window)
    _wait(qtbot, ctx)
    return window, ctx


def _choose(dialog: ImportDialog, path: Path) -> None:
    def choose(_parent: QWidget) -> str:
        return str(path)

    dialog.choose_file = choose


def test_broken_row_is_reported_with_its_line_and_nothing_is_imported(
    directory: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window, ctx = _window(qtbot, directory, "sup")
    csv_file = tmp_path / "clientes.csv"
    csv_file.write_text(
        "name;tax_id;active\nFarmacias Unidas;8-NT-1;sí\nFerretería Colón;;quizá\n",
        encoding="cp1252",  # Excel in Spanish
    )
    dialog = window.import_csv()
    assert dialog.current_kind() == "clients"
    _choose(dialog, csv_file)
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    rows = dialog.rejection_rows()
    assert len(rows) == 1
    assert rows[0][0] == "3"
    assert "quizá" in rows[0][1] and "active" in rows[0][1]
    assert "1 fila(s) rechazada(s) de 2" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.apply()  # refused while rows are rejected
    _wait(qtbot, ctx)
    assert [c.name for c in ctx.directory.clients()] == ["Cervecería Istmo"]


def test_clean_file_imports_after_clicking_and_the_client_is_listed(
    directory: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window, ctx = _window(qtbot, directory, "sup")
    products = tmp_path / "productos.csv"
    products.write_text("code,name\nerp,ERP Financiero\nPOS,Punto de venta\n", encoding="utf-8")
    clients = tmp_path / "clientes.csv"
    clients.write_text(
        "\ufeffName,Tax_ID,Notes\nFarmacias Unidas,8-NT-1,Sucursal en David\n"
        "Cervecería Istmo,155-1-2345 DV 99,\n",
        encoding="utf-8",
    )
    dialog = window.import_csv()
    _choose(dialog, products)
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        dialog.kind.setCurrentIndex(dialog.kind.findData("products"))
        dialog.pick_file()
    assert dialog.rejection_rows() == []
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [p.code for p in ctx.directory.product_list()] == ["ERP", "POS"]

    _choose(dialog, clients)
    with qtbot.waitSignal(dialog.checked, timeout=10000) as checked:
        dialog.kind.setCurrentIndex(dialog.kind.findData("clients"))  # re-checks productos.csv
        qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    _wait(qtbot, ctx)  # the stale check of productos.csv as clients is dropped
    assert checked.args[0].kind == "clients" and dialog.report is checked.args[0]
    assert "se importarían 2 fila(s)" in dialog.summary.text()
    assert "1 nuevas, 1 actualizadas" in dialog.summary.text()
    assert [c.name for c in window.clients.visible_items()] == ["Cervecería Istmo"]
    with qtbot.waitSignal(window.loaded, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, ctx)
    assert "Importación terminada: 2 fila(s)" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    listed = {c.name: c.tax_id for c in window.clients.visible_items()}
    assert listed == {"Cervecería Istmo": "155-1-2345 DV 99", "Farmacias Unidas": "8-NT-1"}
    assert window.clients.select_where(lambda c: c.name == "Farmacias Unidas")
    assert "Sucursal en David" in window.client_info.text()
    farmacias = next(c for c in ctx.directory.clients() if c.name == "Farmacias Unidas")
    assert [a.actor for a in ctx.directory.audit_trail("client", farmacias.id)] == ["sup"]

    # export writes the columns the import reads, back from the database
    exporter = window.export_csv()
    assert isinstance(exporter, ExportDialog)
    target = tmp_path / "salida"
    exporter.choose_file = lambda _parent, suggested: str(target)
    exporter.kind.setCurrentIndex(exporter.kind.findData("clients"))
    with qtbot.waitSignal(exporter.exported, timeout=10000):
        qtbot.mouseClick(exporter.export_button, Qt.MouseButton.LeftButton)
    lines = (tmp_path / "salida.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == [
        "name,tax_id,notes,active",
        "Cervecería Istmo,155-1-2345 DV 99,,sí",
        "Farmacias Unidas,8-NT-1,Sucursal en David,sí",
    ]


def test_technician_sees_no_import_or_export(directory: Database, qtbot: QtBot) -> None:
    window, _ctx = _window(qtbot, directory, "ana")
    assert window.import_button.isHidden()
    assert window.export_button.isHidden()
    boss, _ = _window(qtbot, directory, "sup")
    assert not boss.import_button.isHidden()
    assert not boss.export_button.isHidden()
