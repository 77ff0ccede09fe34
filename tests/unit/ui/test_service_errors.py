"""Service errors on screen follow the console's language; a bad translation shows the Spanish."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.data.engine import Database
from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus
from app.services.directory import DirectoryService
from app.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from app.services.tickets import TicketService
from tests.unit.live.conftest import open_ticket, seeded
from tests.unit.ui.conftest_dialogs import wait_idle
from ui import i18n
from ui.context import AppContext
from ui.service_errors import error_text
from ui.tasks import TaskRunner
from ui.ticket_dialog import TicketDialog

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import extract_strings  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "en")
    try:
        yield
    finally:
        i18n.install(qapp, "es")


class _Translator(QTranslator):
    """A hand-made translation of a few service error templates."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.texts.get(source) if context == "ServiceError" else None


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[dict[str, str]]:
    texts: dict[str, str] = {}
    translator = _Translator(texts)
    qapp.installTranslator(translator)
    try:
        yield texts
    finally:
        qapp.removeTranslator(translator)


def test_english_fills_the_translated_template_with_the_params(english: None) -> None:
    missing = NotFound("No existe el tiquete {number}.", params={"number": "IMR-42"})
    assert error_text(missing) == "Ticket IMR-42 does not exist."
    moved = InvalidInput(
        "No se puede pasar de «{current}» a «{status}».",
        params={"current": TicketStatus.CLOSED, "status": TicketStatus.IN_PROGRESS},
    )
    assert error_text(moved) == "A ticket cannot go from “Closed” to “In progress”."
    same = InvalidInput(
        "El tiquete ya tiene prioridad {priority}.", params={"priority": Priority.ALTO}
    )
    assert error_text(same) == "The ticket already has priority High."
    static = PermissionDenied("Solo un supervisor puede reasignar tiquetes.")
    assert error_text(static) == "Only a supervisor can reassign tickets."
    assert missing.message == "No existe el tiquete IMR-42."  # the error itself stays Spanish


def test_spanish_shows_the_message_unchanged(qapp: QApplication) -> None:
    assert i18n.current() == "es"
    taken = Conflict(
        "El tiquete {number} ya lo tomó {assignee}.",
        params={"number": "IMR-7", "assignee": "Beto Jaén"},
    )
    assert error_text(taken) == "El tiquete IMR-7 ya lo tomó Beto Jaén."
    moved = InvalidInput(
        "No se puede pasar de «{current}» a «{status}».",
        params={"current": TicketStatus.CLOSED, "status": TicketStatus.IN_PROGRESS},
    )
    assert error_text(moved) == "No se puede pasar de «Cerrado» a «En proceso»."


def test_an_error_without_a_translation_shows_its_spanish_message(english: None) -> None:
    unknown = InvalidInput("Texto {x} que ninguna traducción conoce.", params={"x": 1})
    assert error_text(unknown) == "Texto 1 que ninguna traducción conoce."
    built_elsewhere = InvalidInput("«archivo.txt» no es un archivo de texto CSV.")
    assert error_text(built_elsewhere) == "«archivo.txt» no es un archivo de texto CSV."


@pytest.mark.parametrize(
    "bad",
    [
        "Ticket {ticket} does not exist.",  # a field the error does not have
        "This ticket does not exist.",  # the number left out
        "Ticket {number} of {number}{ does not exist.",  # not a template at all
        "Ticket {0} does not exist.",  # positional
    ],
)
def test_a_translation_whose_fields_do_not_match_falls_back_to_spanish(
    translated: dict[str, str], bad: str
) -> None:
    translated["No existe el tiquete {number}."] = bad
    error = NotFound("No existe el tiquete {number}.", params={"number": "IMR-42"})
    assert error_text(error) == "No existe el tiquete IMR-42."
    translated["No existe el tiquete {number}."] = "Ticket {number} is gone."
    assert error_text(error) == "Ticket IMR-42 is gone."


def test_every_template_raised_in_app_is_listed_for_translation() -> None:
    texts = {
        (text, path.relative_to(ROOT).as_posix())
        for text, path, _line in (extract_strings.service_error_texts())
    }
    assert ("El tiquete {number} ya lo tomó {assignee}.", "app/services/tickets.py") in texts
    # built beside the raise, in a helper of the same module
    assert ("El nombre del cliente no puede estar vacío.", "app/services/directory.py") in texts
    files = {path for _text, path in texts}
    assert not any(path.startswith(("app/commands/", "app/cli.py")) for path in files)
    ts = extract_strings.read_ts()
    assert all(("ServiceError", text) in ts for text, _path in texts)


def test_templates_of_subclasses_are_found_and_computed_texts_skipped(tmp_path: Path) -> None:
    (tmp_path / "offline.py").write_text(
        "from app.services import errors\n"
        "from app.services.errors import DatabaseUnavailable, InvalidInput\n"
        "class Offline(DatabaseUnavailable):\n    pass\n"
        "class Gone(Offline):\n    pass\n"
        "def f(y):\n"
        "    ValueError('no es de servicio')\n"
        "    InvalidInput(f'calculado {y}')\n"
        "    InvalidInput('')\n"
        "    errors.NotFound('No está.')\n"
        "    raise Gone('Se fue {x}.', params={'x': y})\n",
        encoding="utf-8",
    )
    found = extract_strings.service_error_texts(tmp_path)
    assert [(text, line) for text, _path, line in found] == [("No está.", 11), ("Se fue {x}.", 12)]


def test_other_errors_show_one_line_never_a_traceback() -> None:
    assert error_text(RuntimeError("primera línea\nsegunda")) == "primera línea"
    assert error_text(RuntimeError()) == "RuntimeError"


@pytest.fixture
def desk_on(db: Database, qtbot: QtBot) -> Iterator[tuple[AppContext, TicketService, int]]:
    tickets = seeded(db)
    ticket_id = open_ticket(tickets)
    directory = DirectoryService(db)
    ana = next(t for t in directory.technicians() if t.login == "ana")
    runner = TaskRunner()
    ctx = AppContext(
        tickets=tickets, directory=directory, policy=tickets.policy, technician=ana, runner=runner
    )
    yield ctx, tickets, ticket_id
    runner.wait_idle()
    qtbot.wait(10)


def test_an_english_ticket_dialog_says_who_took_the_ticket_in_english(
    qtbot: QtBot, english: None, desk_on: tuple[AppContext, TicketService, int]
) -> None:
    ctx, tickets, ticket_id = desk_on
    dialog = TicketDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10000)
    wait_idle(qtbot, ctx.runner)
    number = tickets.get(ticket_id).number
    tickets.claim(ticket_id, "beto")  # another desk, behind this dialog's back
    assert dialog.claim_button.isEnabled()
    qtbot.mouseClick(dialog.claim_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.banner.isHidden(), timeout=10000)
    assert dialog.banner.text() == f"Ticket {number} was already claimed by Beto Jaén."
    assert dialog.banner.button.text() == "Reload"


def test_an_action_kept_pending_says_so_with_its_cause_in_english(english: None) -> None:
    """The outage message builds on the error that caused it: both parts in the console's
    language, the Spanish message untouched."""
    from app.live.journal import ActionNotKept, ActionPending
    from app.services.errors import DatabaseUnavailable

    cause = DatabaseUnavailable("No se pudo conectar con la base de datos.")
    pending = ActionPending(cause)
    assert pending.message.startswith("No se pudo conectar con la base de datos. La acción")
    shown = error_text(pending)
    assert "will be saved automatically when the connection is back" in shown
    assert "La acción" not in shown
    too_big = ActionNotKept(cause, 30 * 2**20)
    assert "(30,0 MB)" in too_big.message
    assert "press “Log action”" in error_text(too_big)
    assert "(30.0 MB)" in error_text(too_big)  # a decimal point in English


def test_a_mistyped_address_is_worded_in_english(english: None) -> None:
    """The domain's check of an email or phone number, as the directory's forms show it."""
    from app.domain.contacts import InvalidAddress, normalise_email, normalise_phone
    from app.services.directory import address_error

    with pytest.raises(InvalidAddress) as email:
        normalise_email("ana@@correo")
    error = address_error(email.value)
    assert error.message == "Correo electrónico inválido: «ana@@correo»."
    assert error_text(error) == "Invalid email address: “ana@@correo”."
    with pytest.raises(InvalidAddress) as phone:
        normalise_phone("6000")
    assert error_text(address_error(phone.value)) == (
        "Invalid phone number: “6000” (too few or too many digits)."
    )


def test_the_hint_for_a_refused_login_is_worded_in_english(english: None) -> None:
    """The server's own words stay; the console's hint follows the language."""
    from app.services.credentials import connection_error_detail
    from app.services.errors import DatabaseUnavailable

    detail = connection_error_detail('FATAL:  password authentication failed for user "ana"')
    error = DatabaseUnavailable(
        "No se pudo abrir la base de datos {database}: {detail}",
        params={"database": "imr en bd.imr.local", "detail": detail},
    )
    assert error.message.endswith("— usuario o contraseña incorrectos.")
    shown = error_text(error)
    assert 'password authentication failed for user "ana" — wrong user or password.' in shown
    assert "contraseña" not in shown
