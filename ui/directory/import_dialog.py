"""CSV import (dry run first, then all or nothing) and CSV export from the directory window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.directory_import import KINDS, DirectoryImport, ImportReport
from app.services.errors import InvalidInput, ServiceError
from ui.context import AppContext
from ui.service_errors import error_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectoryImportDialog", text)


def kind_text(kind: str) -> str:
    return {
        "clients": _tr("Clientes"),
        "contracts": _tr("Contratos"),
        "contacts": _tr("Contactos"),
        "products": _tr("Productos"),
    }[kind]


def read_csv_text(path: str) -> str:
    """The file's text: UTF-8 (with or without BOM) or Windows-1252, as Excel in Spanish saves."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(
            _tr("No se pudo leer «{0}»: {1}.").format(path, error.strerror or error)
        ) from error
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(_tr("«{0}» no es un archivo de texto CSV.").format(path))


def _ask_open(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Archivo CSV a importar"), "", _tr("Archivos CSV (*.csv);;Todos (*)")
    )
    return path


def _ask_save(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("Exportar a CSV"), suggested, _tr("Archivos CSV (*.csv)")
    )
    return path


def _failure_text(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return error_text(error)
    return _tr("No se pudo completar la operación; intente de nuevo.")


def _kind_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for kind in KINDS:
        combo.addItem(kind_text(kind), kind)
    return combo


class ImportDialog(QDialog):
    """Choose what and which file; the dry run shows every rejected row; import only when clean."""

    checked = Signal(object)  # ImportReport of the dry run
    imported = Signal(object)  # ImportReport of the applied import

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.importer = DirectoryImport(ctx.directory.db)
        self.choose_file: Callable[[QWidget], str] = _ask_open
        self.path = ""
        self.text = ""
        self.report: ImportReport | None = None
        self.setObjectName("directoryImportDialog")
        self.setWindowTitle(_tr("Importar desde CSV"))
        self.resize(720, 480)
        self.kind = _kind_combo(self)
        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(_tr("Ningún archivo elegido"))
        self.browse = QPushButton(_tr("&Elegir archivo…"), self)
        self.browse.clicked.connect(self.pick_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(_tr("&Qué importa:"), self.kind)
        form.addRow(_tr("Archivo:"), file_row)
        self.summary = QLabel(_tr("Elija el archivo: primero se revisa sin cambiar nada."), self)
        self.summary.setWordWrap(True)
        self.rejections = QTableWidget(0, 2, self)
        self.rejections.setHorizontalHeaderLabels([_tr("Línea"), _tr("Motivo")])
        self.rejections.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rejections.verticalHeader().setVisible(False)
        self.rejections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejections.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.import_button = QPushButton(_tr("&Importar"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        close = QPushButton(_tr("Cerrar"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejections, 1)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.check())

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def pick_file(self) -> None:
        path = self.choose_file(self)
        if not path:
            return
        self.path = path
        self.file.setText(path)
        self.check()

    def check(self) -> None:
        """Dry run on the runner: nothing is written."""
        self.import_button.setEnabled(False)
        self.report = None
        self.rejections.setRowCount(0)
        if not self.path:
            return
        self.summary.setText(_tr("Revisando el archivo…"))
        path, kind, actor, importer = self.path, self.current_kind(), self.ctx.actor, self.importer

        def dry_run() -> tuple[str, ImportReport]:
            text = read_csv_text(path)
            return text, importer.run(kind, text, actor=actor, dry_run=True)

        def done(result: tuple[str, ImportReport]) -> None:
            if path != self.path or kind != self.current_kind():
                return  # the choice changed meanwhile; a newer check is running
            self.text, self.report = result
            self._show(self.report)
            self.import_button.setEnabled(self.report.ok and self.report.rows > 0)
            self.checked.emit(self.report)

        self.ctx.runner.run(dry_run, done, self._failed)

    def apply(self) -> None:
        if self.report is None or not self.report.ok:
            return
        self.import_button.setEnabled(False)
        self.browse.setEnabled(False)
        self.kind.setEnabled(False)
        self.summary.setText(_tr("Importando…"))
        text, kind, actor, importer = self.text, self.current_kind(), self.ctx.actor, self.importer

        def done(report: ImportReport) -> None:
            self.browse.setEnabled(True)
            self.kind.setEnabled(True)
            self._show(report)
            if report.applied:
                self.report = None
                self.imported.emit(report)

        def failed(error: BaseException) -> None:
            self.browse.setEnabled(True)
            self.kind.setEnabled(True)
            self._failed(error)

        self.ctx.runner.run(lambda: importer.run(kind, text, actor=actor), done, failed)

    def rejection_rows(self) -> list[tuple[str, str]]:
        def cell(row: int, column: int) -> str:
            item = self.rejections.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(r, 0), cell(r, 1)) for r in range(self.rejections.rowCount())]

    def _show(self, report: ImportReport) -> None:
        self.rejections.setRowCount(len(report.rejections))
        for row, rejection in enumerate(report.rejections):
            self.rejections.setItem(row, 0, QTableWidgetItem(str(rejection.line)))
            self.rejections.setItem(row, 1, QTableWidgetItem(rejection.message))
        what = kind_text(report.kind).lower()
        if report.rejections:
            text = _tr(
                "{0} fila(s) rechazada(s) de {1}. Corrija el archivo: no se importará nada "
                "mientras haya filas rechazadas."
            ).format(len(report.rejections), report.rows)
        elif report.applied:
            text = _tr("Importación terminada: {0} fila(s) de {1} ({2} nuevas, {3} actualizadas).")
            text = text.format(report.rows, what, report.created, report.updated)
        elif report.rows == 0:
            text = _tr("El archivo no tiene filas de datos.")
        else:
            text = _tr(
                "Sin filas rechazadas: se importarían {0} fila(s) de {1} ({2} nuevas, "
                "{3} actualizadas). Pulse Importar para aplicarlas."
            ).format(report.rows, what, report.created, report.updated)
        self.summary.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(_failure_text(error))


class ExportDialog(QDialog):
    """Choose what and a file name; writes the same columns the import reads."""

    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.importer = DirectoryImport(ctx.directory.db)
        self.choose_file: Callable[[QWidget, str], str] = _ask_save
        self.setObjectName("directoryExportDialog")
        self.setWindowTitle(_tr("Exportar a CSV"))
        self.kind = _kind_combo(self)
        self.summary = QLabel(_tr("Se exportan las mismas columnas que lee la importación."), self)
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(_tr("&Exportar…"), self)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(_tr("Cerrar"), self)
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(_tr("&Qué exporta:"), self.kind)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    def export(self) -> None:
        kind = str(self.kind.currentData())
        path = self.choose_file(self, f"{kind}.csv")
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        importer = self.importer
        self.export_button.setEnabled(False)

        def write() -> None:
            text = importer.export(kind)
            try:
                Path(path).write_text(text, encoding="utf-8-sig", newline="")
            except OSError as error:
                raise InvalidInput(
                    _tr("No se pudo escribir «{0}»: {1}.").format(path, error.strerror or error)
                ) from error

        def done(_result: object) -> None:
            self.export_button.setEnabled(True)
            self.summary.setText(_tr("Exportado a {0}.").format(path))
            self.exported.emit(path)

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.summary.setText(_failure_text(error))

        self.ctx.runner.run(write, done, failed)
