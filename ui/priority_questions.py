"""The protocol's guided questions that propose a priority level; the technician may override."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.priorities import Priority
from ui import i18n

DOWN = "down"
ALTERNATIVE = "alternative"
DAILY = "daily"
CAN_WAIT = "can_wait"

QUESTION_KEYS = (DOWN, ALTERNATIVE, DAILY, CAN_WAIT)

QUESTION_TEXTS = {
    DOWN: QT_TRANSLATE_NOOP("PriorityQuestions", "¿El sistema está completamente inoperativo?"),
    ALTERNATIVE: QT_TRANSLATE_NOOP(
        "PriorityQuestions", "¿Existe una alternativa conocida para seguir trabajando?"
    ),
    DAILY: QT_TRANSLATE_NOOP("PriorityQuestions", "¿Afecta la operación diaria del cliente?"),
    CAN_WAIT: QT_TRANSLATE_NOOP(
        "PriorityQuestions", "¿Puede esperar (no requiere atención inmediata)?"
    ),
}


@dataclass(frozen=True, slots=True)
class Answers:
    """Sí (True), No (False) or not answered yet (None) for each question."""

    down: bool | None = None
    alternative: bool | None = None
    daily: bool | None = None
    can_wait: bool | None = None

    def get(self, key: str) -> bool | None:
        return getattr(self, key)  # type: ignore[no-any-return]


def propose_priority(answers: Answers) -> Priority | None:
    """The level the protocol's definitions point to, or None while it is still undecided.

    - completely down: Muy alto without a workaround, Alto with one (critical case);
    - not down but daily work affected (some functions down, the rest works): Alto;
    - daily work unaffected: Bajo when a workaround is known or it can wait, otherwise Medio.
    """
    if answers.down is None:
        return None
    if answers.down:
        if answers.alternative is None:
            return None
        return Priority.ALTO if answers.alternative else Priority.MUY_ALTO
    if answers.daily is None:
        return None
    if answers.daily:
        return Priority.ALTO
    if answers.alternative or answers.can_wait:
        return Priority.BAJO
    if answers.alternative is None or answers.can_wait is None:
        return None
    return Priority.MEDIO


def relevant_questions(answers: Answers) -> tuple[str, ...]:
    """The questions that can still change the proposal, in the order they are asked."""
    if answers.down is None:
        return (DOWN,)
    if answers.down:
        return (DOWN, ALTERNATIVE)
    if answers.daily is None or answers.daily:
        return (DOWN, DAILY)
    if answers.alternative:
        return (DOWN, DAILY, ALTERNATIVE)
    return (DOWN, DAILY, ALTERNATIVE, CAN_WAIT)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PriorityQuestions", text)


class PriorityQuestions(QWidget):
    """Four Sí/No questions, the proposed level with its first-contact target, an override."""

    priority_changed = Signal(object)  # Priority | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: dict[str, QButtonGroup] = {}
        self.yes_buttons: dict[str, QRadioButton] = {}
        self.no_buttons: dict[str, QRadioButton] = {}
        self._labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for row, key in enumerate(QUESTION_KEYS):
            label = QLabel(_tr(QUESTION_TEXTS[key]))
            label.setWordWrap(True)
            yes, no = QRadioButton(_tr("Sí")), QRadioButton(_tr("No"))
            yes.setObjectName(f"q_{key}_yes")
            no.setObjectName(f"q_{key}_no")
            group = QButtonGroup(self)
            group.setExclusive(True)
            group.addButton(yes)
            group.addButton(no)
            group.buttonToggled.connect(self._on_answer)
            grid.addWidget(label, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
            grid.setColumnStretch(0, 1)
            self._groups[key] = group
            self.yes_buttons[key] = yes
            self.no_buttons[key] = no
            self._labels[key] = label

        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("priorityProposal")
        self.proposal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.proposal_label.setWordWrap(True)
        self.override = QComboBox()
        self.override.setObjectName("priorityOverride")
        self.override.addItem(_tr("Usar la prioridad propuesta"), None)
        for level in Priority:
            self.override.addItem(
                _tr("{0} — primer contacto en {1}").format(
                    i18n.label(level), i18n.target_text(level)
                ),
                int(level),
            )
        self.override.currentIndexChanged.connect(self._refresh)

        box = QFrame()
        box.setObjectName("proposalBox")
        box.setStyleSheet(
            "#proposalBox { background: #f3f6fa; border: 1px solid #c9d4e3; border-radius: 6px; }"
        )
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(10, 8, 10, 8)
        box_layout.addWidget(self.proposal_label)
        override_row = QHBoxLayout()
        override_row.addWidget(QLabel(_tr("Cambiar a:")))
        override_row.addWidget(self.override, 1)
        box_layout.addLayout(override_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(box)
        self._refresh()

    # ------------------------------------------------------------------ state
    def answers(self) -> Answers:
        values: dict[str, bool | None] = {}
        for key in QUESTION_KEYS:
            if self.yes_buttons[key].isChecked():
                values[key] = True
            elif self.no_buttons[key].isChecked():
                values[key] = False
            else:
                values[key] = None
        return Answers(**values)

    def proposed(self) -> Priority | None:
        return propose_priority(self.answers())

    def priority(self) -> Priority | None:
        """The override when one is chosen, otherwise the proposal."""
        chosen = self.override.currentData()
        return Priority(chosen) if chosen is not None else self.proposed()

    def is_overridden(self) -> bool:
        return self.override.currentData() is not None

    def set_override(self, priority: Priority | None) -> None:
        index = 0 if priority is None else self.override.findData(int(priority))
        self.override.setCurrentIndex(index)

    # ------------------------------------------------------------------ slots
    def _on_answer(self, *_args: object) -> None:
        self._refresh()

    def _refresh(self) -> None:
        answers = self.answers()
        relevant = set(relevant_questions(answers))
        for key in QUESTION_KEYS:
            enabled = key in relevant
            self._labels[key].setEnabled(enabled)
            self.yes_buttons[key].setEnabled(enabled)
            self.no_buttons[key].setEnabled(enabled)
        proposed = propose_priority(answers)
        chosen = self.priority()
        if chosen is None:
            text = _tr("Responda las preguntas para proponer la prioridad.")
            colour = "#5f6b7a"
        else:
            origin = (
                _tr("elegida por el técnico")
                if self.is_overridden()
                else _tr("propuesta por el protocolo")
            )
            text = _tr("Prioridad {0} ({1}) — {2}. Primer contacto en {3}.").format(
                i18n.label(chosen), origin, i18n.summary(chosen), i18n.target_text(chosen)
            )
            if self.is_overridden() and proposed is not None and proposed != chosen:
                text += " " + _tr("(El protocolo propone {0}.)").format(i18n.label(proposed))
            colour = _PRIORITY_COLOURS[chosen]
        self.proposal_label.setText(text)
        self.proposal_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.priority_changed.emit(chosen)


_PRIORITY_COLOURS = {
    Priority.MUY_ALTO: "#b71c1c",
    Priority.ALTO: "#c25e00",
    Priority.MEDIO: "#1f5f9e",
    Priority.BAJO: "#2e6b34",
}
