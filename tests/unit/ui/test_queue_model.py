"""The queue model: Qt model contract, hand-fired countdown ticks, filters, upserts."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus
from tests.unit.ui.conftest import OFFICE_NOW, FakeClock, HandTimers, make_row
from ui.queue_model import ROW_ROLE, Column, QueueFilter, QueueModel, QueueProxy


def sample_rows() -> list:
    return [
        make_row(1, priority=Priority.BAJO, client="Naviera Balboa", subject="Manual"),
        make_row(2, priority=Priority.MUY_ALTO, deadline=OFFICE_NOW + timedelta(minutes=40)),
        make_row(
            3,
            priority=Priority.MUY_ALTO,
            deadline=OFFICE_NOW + timedelta(minutes=10),
            assignee="ana",
        ),
        make_row(
            4,
            priority=Priority.ALTO,
            deadline=OFFICE_NOW - timedelta(minutes=12),
            channel=Channel.WHATSAPP,
            client="Textiles David",
        ),
        make_row(
            5,
            priority=Priority.MEDIO,
            first_contact_at=OFFICE_NOW - timedelta(hours=1),
            status=TicketStatus.IN_PROGRESS,
            assignee="luis",
        ),
    ]


def model_with_rows(clock: FakeClock, timers: HandTimers) -> QueueModel:
    model = QueueModel(clock=clock, timer_factory=timers)
    model.replace_all(sample_rows())
    return model


def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = model_with_rows(clock, hand_timers)
    qtmodeltester.check(model, force_py=True)
    model.apply_rows([make_row(9, priority=Priority.ALTO), make_row(2, subject="Cambiado")])
    model.apply_rows([make_row(1, status=TicketStatus.CLOSED)])
    model.tick()
    qtmodeltester.check(model, force_py=True)


def test_default_order_priority_then_least_time_left(
    clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = model_with_rows(clock, hand_timers)
    assert [model.index(r, 0).data(ROW_ROLE).id for r in range(5)] == [3, 2, 4, 5, 1]
    model.apply_rows(
        [make_row(7, priority=Priority.MUY_ALTO, deadline=OFFICE_NOW + timedelta(minutes=20))]
    )
    assert [r.id for r in model.rows()][:3] == [3, 7, 2]


def test_hand_tick_emits_one_data_changed_for_countdown_of_visible_rows(
    qtbot: QtBot, clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = model_with_rows(clock, hand_timers)
    model.visible_rows = lambda: (1, 3)
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles=(): seen.append((a.row(), a.column(), b.row(), b.column()))
    )
    clock.advance(seconds=1)
    with qtbot.waitSignal(model.ticked, timeout=1000):
        hand_timers.timers[0].timeout.emit()
    assert seen == [(1, Column.TIME_LEFT, 3, Column.TIME_LEFT)]


def test_time_left_is_computed_from_deadline_and_turns_breached_counting_up(
    clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = QueueModel(clock=clock, timer_factory=hand_timers)
    model.replace_all(
        [make_row(1, priority=Priority.MUY_ALTO, deadline=OFFICE_NOW + timedelta(seconds=2))]
    )
    cell = model.index(0, Column.TIME_LEFT)
    assert cell.data() == "00:00:02  en riesgo"
    clock.advance(seconds=1)
    hand_timers.timers[0].timeout.emit()
    assert cell.data() == "00:00:01  en riesgo"
    clock.advance(minutes=12, seconds=1)
    hand_timers.timers[0].timeout.emit()
    assert cell.data() == "+00:12:00  vencido hace 12 min"
    clock.advance(minutes=1)
    hand_timers.timers[0].timeout.emit()
    assert cell.data() == "+00:13:00  vencido hace 13 min"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"


def test_paused_text_outside_office_hours(hand_timers: HandTimers) -> None:
    from datetime import UTC, datetime

    friday_night = FakeClock(datetime(2026, 11, 14, 1, 0, tzinfo=UTC))
    model = QueueModel(clock=friday_night, timer_factory=hand_timers)
    model.replace_all([make_row(1, deadline=datetime(2026, 11, 16, 17, 0, tzinfo=UTC))])
    text = model.index(0, Column.TIME_LEFT).data()
    assert text == "04:00:00  en pausa — fuera de horario (se reanuda lun 08:00)"


def test_filters(clock: FakeClock, hand_timers: HandTimers) -> None:
    model = model_with_rows(clock, hand_timers)
    proxy = QueueProxy(actor="ana")
    proxy.setSourceModel(model)

    def ids() -> list[int]:
        return [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())]

    assert ids() == [3, 2, 4, 5, 1]
    proxy.set_mode(QueueFilter.MINE)
    assert ids() == [3]
    proxy.set_mode(QueueFilter.UNASSIGNED)
    assert ids() == [2, 4, 1]
    proxy.set_mode(QueueFilter.AT_RISK)
    assert ids() == [3]
    proxy.set_mode(QueueFilter.BREACHED)
    assert ids() == [4]
    proxy.set_mode(QueueFilter.ALL_OPEN)
    proxy.set_text("balboa")
    assert ids() == [1]
    proxy.set_text("IMR-4")
    assert ids() == [4]
    proxy.set_text("")
    proxy.set_priority(Priority.MUY_ALTO)
    assert ids() == [3, 2]
    proxy.set_priority(None)
    proxy.set_channel(Channel.WHATSAPP)
    assert ids() == [4]


def test_state_change_of_a_visible_row_is_announced(
    clock: FakeClock, hand_timers: HandTimers
) -> None:
    model = QueueModel(clock=clock, timer_factory=hand_timers)
    model.replace_all(
        [make_row(1, priority=Priority.MUY_ALTO, deadline=OFFICE_NOW + timedelta(minutes=16))]
    )
    changes: list[tuple[int, str, str]] = []
    model.clock_state_changed.connect(lambda row, a, b: changes.append((row.id, a, b)))
    model.tick()
    clock.advance(minutes=2)
    model.tick()
    clock.advance(minutes=15)
    model.tick()
    assert changes == [(1, "on_time", "at_risk"), (1, "at_risk", "breached")]
