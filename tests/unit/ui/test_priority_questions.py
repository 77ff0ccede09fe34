"""The protocol's guided questions: every combination of answers, and the widget by clicks."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.priorities import Priority
from ui.priority_questions import (
    ALTERNATIVE,
    CAN_WAIT,
    DAILY,
    DOWN,
    QUESTION_KEYS,
    Answers,
    PriorityQuestions,
    propose_priority,
    relevant_questions,
)

# The offscreen platform says this whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

T, F = True, False
MA, A, M, B = Priority.MUY_ALTO, Priority.ALTO, Priority.MEDIO, Priority.BAJO

# Every complete set of answers (down, alternative, daily, can_wait), written out by hand.
FULL_TABLE = {
    (T, F, T, T): MA, (T, F, T, F): MA, (T, F, F, T): MA, (T, F, F, F): MA,
    (T, T, T, T): A, (T, T, T, F): A, (T, T, F, T): A, (T, T, F, F): A,
    (F, F, T, T): A, (F, F, T, F): A, (F, T, T, T): A, (F, T, T, F): A,
    (F, T, F, T): B, (F, T, F, F): B, (F, F, F, T): B,
    (F, F, F, F): M,
}  # fmt: skip


def _answers(values: tuple[bool | None, ...]) -> Answers:
    return Answers(*values)


def test_the_table_covers_every_complete_answer_set() -> None:
    assert set(FULL_TABLE) == set(itertools.product((T, F), repeat=4))


@pytest.mark.parametrize(("values", "expected"), sorted(FULL_TABLE.items()))
def test_complete_answers_propose_the_protocol_level(
    values: tuple[bool, ...], expected: Priority
) -> None:
    assert propose_priority(_answers(values)) is expected


@pytest.mark.parametrize("values", list(itertools.product((T, F, None), repeat=4)))
def test_partial_answers_decide_exactly_when_every_completion_agrees(
    values: tuple[bool | None, ...],
) -> None:
    """All 81 combinations: once the first question is answered, a level is proposed as soon
    as, and only when, the remaining answers can no longer change it."""
    if values[0] is None:
        assert propose_priority(_answers(values)) is None  # always asked first
        return
    gaps = [i for i, v in enumerate(values) if v is None]
    outcomes = set()
    for fill in itertools.product((T, F), repeat=len(gaps)):
        full = list(values)
        for index, value in zip(gaps, fill, strict=True):
            full[index] = value
        outcomes.add(FULL_TABLE[tuple(full)])  # type: ignore[index]
    proposal = propose_priority(_answers(values))
    if len(outcomes) == 1:
        assert proposal is outcomes.pop()
    else:
        assert proposal is None


@pytest.mark.parametrize("values", list(itertools.product((T, F, None), repeat=4)))
def test_only_relevant_questions_are_asked(values: tuple[bool | None, ...]) -> None:
    """Changing an answer to a question not asked never changes the proposal."""
    answers = _answers(values)
    asked = relevant_questions(answers)
    assert asked[0] == DOWN
    for index, key in enumerate(QUESTION_KEYS):
        if key in asked:
            continue
        for other in (T, F, None):
            changed = list(values)
            changed[index] = other
            assert propose_priority(_answers(tuple(changed))) is propose_priority(answers)


def test_widget_proposes_muy_alto_and_shows_the_target(qtbot: QtBot) -> None:
    widget = PriorityQuestions()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.priority() is None
    assert "Responda" in widget.proposal_label.text()
    assert not widget.yes_buttons[ALTERNATIVE].isEnabled()
    with qtbot.waitSignal(widget.priority_changed):
        qtbot.mouseClick(widget.yes_buttons[DOWN], Qt.MouseButton.LeftButton)
    assert widget.yes_buttons[ALTERNATIVE].isEnabled()
    assert not widget.yes_buttons[DAILY].isEnabled()
    qtbot.mouseClick(widget.no_buttons[ALTERNATIVE], Qt.MouseButton.LeftButton)
    assert widget.priority() is Priority.MUY_ALTO
    text = widget.proposal_label.text()
    assert "Muy alto" in text and "1 hora" in text and "propuesta por el protocolo" in text


def test_widget_walks_down_to_medio_and_bajo(qtbot: QtBot) -> None:
    widget = PriorityQuestions()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.no_buttons[DOWN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.no_buttons[DAILY], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.no_buttons[ALTERNATIVE], Qt.MouseButton.LeftButton)
    assert widget.priority() is None and widget.yes_buttons[CAN_WAIT].isEnabled()
    qtbot.mouseClick(widget.no_buttons[CAN_WAIT], Qt.MouseButton.LeftButton)
    assert widget.priority() is Priority.MEDIO
    assert "12 horas" in widget.proposal_label.text()
    qtbot.mouseClick(widget.yes_buttons[CAN_WAIT], Qt.MouseButton.LeftButton)
    assert widget.priority() is Priority.BAJO
    assert "24 horas" in widget.proposal_label.text()


def test_technician_can_override_the_proposal(qtbot: QtBot) -> None:
    widget = PriorityQuestions()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.yes_buttons[DOWN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.yes_buttons[ALTERNATIVE], Qt.MouseButton.LeftButton)
    assert widget.priority() is Priority.ALTO
    widget.override.setFocus()
    qtbot.keyClick(widget.override, Qt.Key.Key_Down)  # first level in the list: Muy alto
    assert widget.is_overridden()
    assert widget.priority() is Priority.MUY_ALTO
    assert "elegida por el técnico" in widget.proposal_label.text()
    assert "El protocolo propone Alto" in widget.proposal_label.text()
    widget.set_override(None)
    assert widget.priority() is Priority.ALTO
