"""The period report as CSV (one file, one section per table) and as plain records for JSON."""

from __future__ import annotations

import csv
import io
from typing import Any

from app.domain.priorities import Priority
from app.reports.causes import CausesReport
from app.reports.compliance import (
    AGE_LABELS,
    TTFC_LABELS,
    ComplianceReport,
    ComplianceRow,
)
from app.spreadsheet import safe_cell

COLUMNS = (
    "tickets",
    "met",
    "met_late",
    "open_breached",
    "open_on_time",
    "compliance_pct",
    "median_minutes",
    "p90_minutes",
)
HEADERS_ES = (
    "Tiquetes",
    "Cumplidos",
    "Cumplidos con atraso",
    "Vencidos sin contacto",
    "Abiertos en tiempo",
    "Cumplimiento %",
    "Mediana (min hábiles)",
    "P90 (min hábiles)",
)


def priority_records(report: ComplianceReport) -> list[dict[str, Any]]:
    """One object per priority with the keys of `imr-console report sla --format json`."""
    return [{"priority": int(row.key), **row.to_json()} for row in report.by_priority]


def _cells(row: ComplianceRow) -> list[Any]:
    data = row.to_json()
    return ["" if data[c] is None else data[c] for c in COLUMNS]


def priority_csv(report: ComplianceReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["priority", *COLUMNS])
    for row in report.by_priority:
        writer.writerow([int(row.key), *_cells(row)])
    return out.getvalue()


def period_csv(report: ComplianceReport, causes: CausesReport | None = None) -> str:
    """Every table of the period report, one section after another (Spanish headings)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Informe de cumplimiento de primer contacto", report.period.title])
    sections = (
        ("Prioridad", report.by_priority),
        ("Canal", report.by_channel),
        ("Cliente", report.by_client),
        ("Representante técnico", report.by_technician),
    )
    for title, rows in sections:
        if not rows:
            continue
        writer.writerow([])
        writer.writerow([title, *HEADERS_ES])
        for row in rows:
            writer.writerow([safe_cell(row.label), *_cells(row)])
        if title == "Prioridad":
            writer.writerow([report.total.label, *_cells(report.total)])
    writer.writerow([])
    writer.writerow(["Tiempo hasta primer contacto (min hábiles)", *TTFC_LABELS])
    for p in Priority:
        writer.writerow([p.label, *report.ttfc_histogram.get(int(p), ())])
    writer.writerow([])
    writer.writerow(["Antigüedad de tiquetes abiertos", *AGE_LABELS])
    for p in Priority:
        writer.writerow([p.label, *report.open_age.get(int(p), ())])
    if causes is not None:
        writer.writerow([])
        writer.writerow(["Causa de incumplimiento", "Tiquetes"])
        for cause, count in causes.counts.items():
            writer.writerow([cause.label, count])
        writer.writerow([])
        writer.writerow(["Tiquete", "Prioridad", "Canal", "Vencía", "Primer contacto", "Causa"])
        for b in causes.breaches:
            writer.writerow(
                [
                    b.number,
                    b.priority.label,
                    b.channel.label,
                    b.deadline.isoformat(),
                    b.first_contact_at.isoformat() if b.first_contact_at else "",
                    b.cause.label,
                ]
            )
    return out.getvalue()
