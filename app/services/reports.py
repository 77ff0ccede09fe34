"""Supervisor reports for the panel and the CLI: one read-only transaction per report."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.data.engine import Database
from app.reports.board import BoardSnapshot, board_snapshot
from app.reports.causes import CausesReport, breach_causes
from app.reports.compliance import ComplianceReport, Dimension, compliance_report
from app.reports.export import period_csv
from app.reports.forecast import Forecast, forecast
from app.reports.period import Period
from app.services.sla_settings import PolicyCache
from app.services.tickets import now_utc
from app.services.uow import unit_of_work as _unit_of_work


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    """A read transaction; on PostgreSQL without JIT, whose compile time (100+ ms) would exceed
    the run time of these indexed sub-second queries."""
    with _unit_of_work(db) as session:
        if db.is_postgres:
            session.execute(text("SET LOCAL jit = off"))
        yield session


class ReportService:
    def __init__(self, db: Database, policy: PolicyCache | None = None) -> None:
        self.db = db
        self.policy = policy or PolicyCache(db)

    def compliance(
        self,
        period: Period,
        *,
        now: datetime | None = None,
        dimensions: tuple[Dimension, ...] = tuple(Dimension),
    ) -> ComplianceReport:
        policy = self.policy.get()
        with unit_of_work(self.db) as session:
            return compliance_report(
                session, period, policy, now or now_utc(), dimensions=dimensions
            )

    def causes(self, period: Period, *, now: datetime | None = None) -> CausesReport:
        policy = self.policy.get()
        with unit_of_work(self.db) as session:
            return breach_causes(session, period, policy, now or now_utc())

    def forecast(self, *, now: datetime | None = None) -> Forecast:
        with unit_of_work(self.db) as session:
            return forecast(session, now or now_utc())

    def board(self, *, now: datetime | None = None) -> BoardSnapshot:
        with unit_of_work(self.db) as session:
            return board_snapshot(session, now or now_utc())

    def period_csv(self, period: Period, *, now: datetime | None = None) -> str:
        at = now or now_utc()
        return period_csv(self.compliance(period, now=at), self.causes(period, now=at))
