"""The period report as a PDF: tables drawn with QPainter, charts from pyqtgraph's exporter."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication

from app.domain.formatting import format_datetime
from app.reports.causes import CausesReport
from app.reports.compliance import ComplianceReport
from app.reports.forecast import Forecast
from ui.report_charts import chart_image, compliance_chart, first_contact_chart, open_age_chart
from ui.supervisor_panel import COMPLIANCE_HEADERS, compliance_cells

DPI = 150
WIDTHS = (2.4, 1, 1, 1, 1, 1.5, 1.4, 1.4, 1.1)


def _blank(like: QImage) -> QImage:
    image = QImage(like.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


class _Doc:
    """A cursor over the pages of one PDF; ``y`` is in device pixels from the page top."""

    def __init__(self, path: Path) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(DPI)
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.writer.setTitle("Informe de cumplimiento — Centro de Soluciones IMR")
        self.writer.setCreator("Consola IMR")
        self.painter = QPainter(self.writer)
        rect = self.writer.pageLayout().paintRectPixels(DPI)
        self.width = rect.width()
        self.height = rect.height()
        self.y = 0.0
        self.pages = 1

    def font(self, size: float, bold: bool = False) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)

    def need(self, height: float) -> None:
        if self.y + height > self.height:
            self.writer.newPage()
            self.pages += 1
            self.y = 0.0

    def text(self, text: str, size: float = 10, bold: bool = False, gap: float = 8) -> None:
        self.font(size, bold)
        line = self.painter.fontMetrics().height()
        self.need(line)
        self.painter.setPen(QColor("#111"))
        self.painter.drawText(QRectF(0, self.y, self.width, line), Qt.AlignmentFlag.AlignLeft, text)
        self.y += line + gap

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float] | None = None,
    ) -> None:
        self.font(8.5)
        line = self.painter.fontMetrics().height() + 10
        n = len(headers)
        fractions = widths or [2.2] + [1.0] * (n - 1)
        total = sum(fractions)
        xs = [0.0]
        for f in fractions:
            xs.append(xs[-1] + self.width * f / total)

        def draw_row(values: Sequence[Any], header: bool, shade: bool) -> None:
            self.need(line)
            if header:
                self.painter.fillRect(QRectF(0, self.y, self.width, line), QColor("#dfe6ee"))
            elif shade:
                self.painter.fillRect(QRectF(0, self.y, self.width, line), QColor("#f5f7fa"))
            self.font(8.5, header)
            self.painter.setPen(QColor("#111"))
            for i, value in enumerate(values):
                text = "—" if value is None else str(value)
                numeric = i > 0 and isinstance(value, int | float)
                align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
                rect = QRectF(xs[i] + 6, self.y, xs[i + 1] - xs[i] - 12, line)
                self.painter.drawText(
                    rect,
                    align | Qt.AlignmentFlag.AlignVCenter,
                    self.painter.fontMetrics().elidedText(
                        text, Qt.TextElideMode.ElideRight, int(rect.width())
                    ),
                )
            self.painter.setPen(QPen(QColor("#c5ccd6"), 1))
            self.painter.drawLine(0, int(self.y + line), int(self.width), int(self.y + line))
            self.y += line

        draw_row(headers, True, False)
        for k, row in enumerate(rows):
            draw_row(row, False, k % 2 == 1)
        self.y += 24

    def charts(self, charts: Sequence[tuple[str, Any]]) -> None:
        """Charts side by side, each under its title."""
        gap = 30
        width = (self.width - gap * (len(charts) - 1)) / len(charts)
        self.font(10, True)
        title_h = self.painter.fontMetrics().height() + 6
        height = max(width * im.height() / im.width() for _, im in charts) + title_h
        self.need(height)
        for i, (title, im) in enumerate(charts):
            x = i * (width + gap)
            self.font(10, True)
            self.painter.setPen(QColor("#111"))
            self.painter.drawText(
                QRectF(x, self.y, width, title_h), Qt.AlignmentFlag.AlignHCenter, title
            )
            h = width * im.height() / im.width()
            self.painter.drawImage(QRectF(x, self.y + title_h, width, h), im)
        self.y += height + 20

    def close(self) -> int:
        self.painter.end()
        return self.pages


def write_period_pdf(
    path: Path,
    report: ComplianceReport,
    causes: CausesReport,
    forecast: Forecast | None = None,
) -> int:
    """Write the report; returns the number of pages. Needs a QApplication (charts)."""
    assert QApplication.instance() is not None, "the PDF charts need a QApplication"
    charts = [build(report) for build in (compliance_chart, first_contact_chart, open_age_chart)]
    images = [chart_image(c) for c in charts]
    for c in charts:
        c.deleteLater()
    doc = _Doc(path)
    doc.text("Informe de cumplimiento de primer contacto", 16, True, 4)
    doc.text(
        f"Centro de Soluciones IMR · periodo {report.period.title} · generado "
        f"{format_datetime(datetime.now(UTC))}",
        9,
        False,
        14,
    )
    doc.text("Por prioridad (objetivos del protocolo: 1 h, 3 h, 12 h, 24 h)", 11, True)
    doc.table(
        COMPLIANCE_HEADERS,
        [compliance_cells(r) for r in (*report.by_priority, report.total)],
        WIDTHS,
    )
    doc.charts(images[:2])
    doc.charts([*images[2:], ("", _blank(images[2][1]))])
    doc.text("Por canal", 11, True)
    doc.table(COMPLIANCE_HEADERS, [compliance_cells(r) for r in report.by_channel], WIDTHS)
    doc.text("Por representante técnico", 11, True)
    doc.table(COMPLIANCE_HEADERS, [compliance_cells(r) for r in report.by_technician], WIDTHS)
    doc.text("Por cliente", 11, True)
    doc.table(COMPLIANCE_HEADERS, [compliance_cells(r) for r in report.by_client[:40]], WIDTHS)
    doc.text("Causas de incumplimiento", 11, True)
    doc.table(
        ["Causa", "Tiquetes", "Qué significa"],
        [[c.label, n, c.advice] for c, n in causes.counts.items()],
        [2, 0.6, 5],
    )
    if forecast is not None:
        doc.text(
            f"Pronóstico: {forecast.will_breach} de {len(forecast.rows)} tiquetes en espera "
            f"vencerán con {forecast.on_shift} representantes en turno.",
            10,
            True,
        )
    return doc.close()


def render_headless(
    path: Path, report: ComplianceReport, causes: CausesReport, forecast: Forecast | None = None
) -> int:
    """For the command line: an off-screen QApplication when none exists, then the PDF."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QApplication([]))
    return write_period_pdf(path, report, causes, forecast)


_APP: list[QApplication] = []  # keeps the command line's application alive until exit
