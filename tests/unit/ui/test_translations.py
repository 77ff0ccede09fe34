"""The English translation covers every screen: the .ts is complete, the .qm matches it, and the
main windows and dialogs show English with no Spanish left in their labels and buttons."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.reports import ReportService
from ui import i18n
from ui.context import AppContext
from ui.directory.window import DirectoryWindow
from ui.main_window import MainWindow
from ui.new_ticket_dialog import NewTicketDialog
from ui.supervisor_panel import SupervisorPanel
from ui.ticket_dialog import TicketDialog

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import extract_strings  # noqa: E402

# Words of the console's own Spanish wording; none may stay on an English screen.
SPANISH_WORDS = {
    "tiquete", "tiquetes", "cliente", "clientes", "prioridad", "guardar", "cancelar", "buscar",
    "contrato", "vigente", "solicitante", "registrar", "tomar", "liberar", "cerrar", "resolver",
    "canal", "estado", "asunto", "técnico", "representante", "cumplimiento", "vencido", "correo",
    "usuario", "nuevo", "nueva", "editar", "sin", "abrir", "actualizar", "configuración",
    "contacto",
    "primer", "acción", "acciones", "recargar", "pronóstico", "causa", "desde", "hasta", "para",
    "del", "los", "las", "una", "qué", "por", "con", "vence", "agregar", "quitar", "asignado",
}  # fmt: skip
_HORIZONTAL = Qt.Orientation.Horizontal
# Labels that show user data, or text built in app/ that has no English yet (the deadline
# explanation comes from app.domain.sla.explain_deadline, dates from app.domain.formatting).
NOT_CHECKED = {"ticketDescription", "deadlineExplanation"}
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def test_every_text_in_ui_has_a_finished_english_translation() -> None:
    found = extract_strings.collect()
    ts = extract_strings.read_ts()
    assert len(found.messages) > 500
    problems = []
    for key in found.messages:
        translation, kind = ts.get(key, ("", "missing"))
        if kind is not None or not translation:
            problems.append(f"{key}: {kind or 'empty'}")
        elif sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"{key}: placeholders differ in {translation!r}")
    assert problems == []
    assert "unfinished" not in extract_strings.TS_FILE.read_text(encoding="utf-8")
    assert extract_strings.main(["--check"]) == 0  # the .ts is up to date with the sources


def test_the_built_qm_carries_every_translation(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(extract_strings.TS_FILE.with_suffix(".qm")))
    stale = [
        (context, source)
        for (context, source), (text, _kind) in extract_strings.read_ts().items()
        if translator.translate(context, source) != text
    ]
    assert stale == [], "run `make translations` to rebuild the .qm"


def test_extraction_sees_wrappers_noop_marks_and_self_tr(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Sample', text)\n"
        "HEADERS = (QT_TRANSLATE_NOOP('Sample', 'Columna'),)\n"
        "class Window:\n"
        "    def build(self):\n"
        "        self.tr('Título')\n"
        "        _tr('Guardar')\n"
        "        QCoreApplication.translate('Other', 'Cerrar')\n",
        encoding="utf-8",
    )
    original = extract_strings.ROOT
    extract_strings.ROOT = tmp_path
    try:
        found = extract_strings.collect([module])
    finally:
        extract_strings.ROOT = original
    keys = set(found.messages)
    assert {("Sample", "Columna"), ("Window", "Título"), ("Sample", "Guardar")} <= keys
    assert ("Other", "Cerrar") in keys


# ---------------------------------------------------------------------------------- screens
@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "en")
    try:
        yield
    finally:
        i18n.install(qapp, "es")


def visible_texts(root: QWidget) -> list[str]:
    """Window title, labels, buttons, group titles, placeholders, tabs and column headers."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() in NOT_CHECKED:
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts += [widget.text(), widget.toolTip()]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for section in range(widget.horizontalHeader().count()):
                texts.append(str(model.headerData(section, _HORIZONTAL) or ""))
    return [t for t in texts if t]


def spanish_leftovers(texts: list[str], data: set[str]) -> list[str]:
    """Texts that still use the console's Spanish words; user data (names, subjects) is skipped."""
    leftovers = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text)
        for item in sorted(data, key=len, reverse=True):  # whole texts before the names in them
            plain = plain.replace(item, " ")
        words = {w.lower() for w in re.findall(r"[A-Za-zÁÉÍÓÚáéíóúÑñ]+", plain)}
        if words & SPANISH_WORDS:
            leftovers.append(text)
    return leftovers


def assert_english(texts: list[str], data: set[str]) -> None:
    leftovers = spanish_leftovers(texts, data)
    assert not leftovers, "Spanish left on an English screen:\n" + "\n".join(leftovers)


def user_data(ctx: AppContext) -> set[str]:
    data: set[str] = set()
    for client in ctx.directory.clients():
        data.add(client.name)
    for row in ctx.tickets.queue():
        data |= {row.subject, row.client_name, row.assignee_name or ""}
    for tech in ctx.directory.technicians(include_inactive=True):
        data.add(tech.name)
    return {d for d in data if d}


def test_main_window_and_ticket_dialogs_in_english(
    english: None, qtbot: QtBot, demo_ctx: AppContext
) -> None:
    data = user_data(demo_ctx)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.refreshed, timeout=15000):
        window.start()
    texts = visible_texts(window)
    assert {"New ticket", "Take next", "My tickets", "Time left", "Priority"} <= set(texts)
    assert_english(texts, data)

    ticket_id = demo_ctx.tickets.queue()[0].id
    dialog = TicketDialog(demo_ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10000)
    detail = dialog.detail
    assert detail is not None
    data |= {detail.description, detail.requester_name or "", detail.product_name or ""}
    data |= {a.text for a in detail.actions}
    texts = visible_texts(dialog)
    assert {"Claim", "Log action", "Why this deadline?"} <= set(texts)
    assert_english(texts, data)

    new = NewTicketDialog(demo_ctx)
    qtbot.addWidget(new)
    new.show()
    texts = visible_texts(new)
    assert {"Open ticket", "Is the system completely down?", "Cancel"} <= set(texts)
    assert_english(texts, data)


def test_supervisor_panel_and_directory_in_english(
    english: None, qtbot: QtBot, demo_ctx: AppContext
) -> None:
    data = user_data(demo_ctx)
    db = demo_ctx.tickets.db
    panel = SupervisorPanel(ReportService(db, demo_ctx.policy), demo_ctx.policy, demo_ctx.runner)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.period_applied, timeout=15000):
        panel.start()
    texts = visible_texts(panel)
    assert {"Supervision panel", "Live deadlines", "Compliance", "Export PDF…"} <= set(texts)
    priorities = {
        panel.board_model.data(panel.board_model.index(r, 1))
        for r in range(panel.board_model.rowCount())
    }
    assert priorities and priorities <= {"Very high", "High", "Medium", "Low"}
    assert_english(texts, data)

    boss = next(t for t in demo_ctx.directory.technicians() if t.role in ("admin", "supervisor"))
    directory = DirectoryWindow(replace(demo_ctx, technician=boss))
    qtbot.addWidget(directory)
    with qtbot.waitSignal(directory.loaded, timeout=10000):
        directory.show()
    texts = visible_texts(directory)
    assert {"&Clients and contracts", "Maintenance contracts", "New client…"} <= set(texts)
    contract_states = {
        directory.contracts.model.data(directory.contracts.model.index(r, 3))
        for r in range(directory.contracts.model.rowCount())
    }
    assert contract_states
    assert all(s.startswith(("In force", "Expired", "Starts")) for s in contract_states)
    assert_english(texts, data)


def test_domain_labels_follow_the_language(english: None) -> None:
    from app.domain.channels import Channel
    from app.domain.priorities import Priority

    assert i18n.label(Priority.MUY_ALTO) == "Very high"
    assert i18n.label(Channel.PHONE) == "Phone"
    assert i18n.summary(Priority.ALTO) == "Critical case with a workaround"
    assert i18n.target_text(Priority.MEDIO) == "12 hours"


def test_spanish_stays_the_default(qapp: QApplication) -> None:
    from app.domain.priorities import Priority

    assert i18n.current() == "es"
    assert i18n.label(Priority.MUY_ALTO) == "Muy alto"
    assert i18n.target_text(Priority.MUY_ALTO) == "1 hora"
