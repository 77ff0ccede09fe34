"""A ticket's history cards: the system's entries in the console's language, people's words as
they wrote them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.tickets import ActionKind
from app.services.snapshots import ActionView
from ui import i18n
from ui.timeline import ActionCard, Timeline

AT = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def _view(
    action_id: int, kind: ActionKind, text: str, text_en: str | None, author: str | None
) -> ActionView:
    return ActionView(
        id=action_id,
        uid=f"u{action_id}",
        kind=kind,
        author_login=author,
        author_name=author.title() if author else "Sistema",
        occurred_at=AT,
        text=text,
        is_contact=False,
        duration_minutes=None,
        text_en=text_en,
    )


TAKEN = _view(2, ActionKind.ASSIGNMENT, "Tomado por Ana Ríos", "Taken by Ana Ríos", "ana")
NOTE = _view(3, ActionKind.NOTE, "Revisé la cola de impresión", None, "ana")
OPENED = _view(
    1, ActionKind.STATUS_CHANGE, "Tiquete abierto por WhatsApp", "Ticket opened via WhatsApp", None
)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "en")
    try:
        yield
    finally:
        i18n.install(qapp, "es")


def _texts(timeline: Timeline) -> list[str]:
    return [card.text_label.text() for card in timeline.findChildren(ActionCard)]


def test_spanish_shows_the_stored_words(qtbot: QtBot) -> None:
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_actions([OPENED, TAKEN, NOTE])
    assert _texts(timeline) == [
        "Tiquete abierto por WhatsApp",
        "Tomado por Ana Ríos",
        "Revisé la cola de impresión",
    ]


def test_english_shows_the_systems_entries_in_english(qtbot: QtBot, english: None) -> None:
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_actions([OPENED, TAKEN, NOTE])
    assert _texts(timeline) == [
        "Ticket opened via WhatsApp",
        "Taken by Ana Ríos",
        "Revisé la cola de impresión",  # what the technician wrote stays as written
    ]
    system_card = timeline.findChildren(ActionCard)[0]
    assert any(
        "System ·" in label.text()
        for label in system_card.findChildren(type(system_card.text_label))
    )
