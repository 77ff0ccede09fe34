"""Live breach board and forecast on tickets opened relative to now."""

from __future__ import annotations

from app.domain.priorities import Priority
from app.services.reports import ReportService
from tests.unit.reports.conftest import Desk


def test_board_puts_unassigned_critical_first_and_counts_load(live: Desk) -> None:
    board = ReportService(live.db).board()
    assert [r.ticket_id for r in board.rows] == [live.ids["R2"], live.ids["R1"]]
    r2, r1 = board.rows
    assert r2.unassigned_critical and r2.breached(board.now) and r2.priority is Priority.MUY_ALTO
    assert r1.assignee_name == "Beto Jaén" and not r1.breached(board.now)
    assert (board.breached, board.at_risk) == (1, 1)
    load = {t.login: t for t in board.load}
    assert load["beto"].by_priority == (0, 1, 0, 0)
    assert load["ana"].total == 0


def test_forecast_with_three_on_shift(live: Desk) -> None:
    forecast = ReportService(live.db).forecast()
    rows = {r.ticket_id: r for r in forecast.rows}
    assert forecast.on_shift == 3  # ana, beto, sup; nobody has history: 20 min per ticket
    assert rows[live.ids["R2"]].will_breach  # already overdue
    assert rows[live.ids["R2"]].text.startswith("vencido hace")
    assert not rows[live.ids["R1"]].will_breach  # Beto starts on it now, due in 10 min
    r3 = rows[live.ids["R3"]]
    assert not r3.will_breach
    assert r3.text.startswith("vence en 2 h") and r3.text.endswith("si nadie lo toma")
    assert forecast.will_breach == 1
    assert forecast.rows[0].ticket_id == live.ids["R2"]


def test_forecast_without_technicians_on_shift_breaches_everything(live: Desk) -> None:
    from app.services.directory import DirectoryService

    directory = DirectoryService(live.db)
    for login in ("ana", "beto", "sup"):
        directory.update_technician(login, actor="sup", on_shift=False)
    forecast = ReportService(live.db).forecast()
    assert forecast.on_shift == 0
    assert forecast.will_breach == 3
    assert all(r.projected_contact is None for r in forecast.rows)
