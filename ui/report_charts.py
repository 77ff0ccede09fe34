"""Report charts with pyqtgraph: compliance by priority, time to first contact, open-ticket age."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from app.domain.priorities import Priority
from app.reports.compliance import AGE_LABELS, ComplianceReport
from ui import i18n

PRIORITY_COLOURS = {
    Priority.MUY_ALTO: "#c62828",
    Priority.ALTO: "#e67e22",
    Priority.MEDIO: "#2e6da4",
    Priority.BAJO: "#5f6b7a",
}
TARGET_LINE = 90.0  # a reference line on the compliance chart, not a contractual figure


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportCharts", text)


def _plot(title: str, parent: QWidget | None, left: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setTitle(title, color="#222", size="11pt")
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setLabel("left", left, color="#333")
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(220)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen("#555")
        axis.setTextPen("#222")
    return plot


def compliance_chart(report: ComplianceReport, parent: QWidget | None = None) -> pg.PlotWidget:
    """One bar per priority: % of first contacts within the target."""
    plot = _plot(_tr("Cumplimiento de primer contacto por prioridad"), parent, _tr("% cumplido"))
    for row in report.by_priority:
        pct = row.compliance_pct
        priority = Priority(row.key)
        bar = pg.BarGraphItem(
            x=[int(priority)],
            height=[pct or 0.0],
            width=0.6,
            brush=PRIORITY_COLOURS[priority],
            pen=pg.mkPen("#333"),
        )
        plot.addItem(bar)
        text = pg.TextItem("—" if pct is None else f"{pct:.1f} %", color="#111", anchor=(0.5, 1))
        text.setPos(int(priority), (pct or 0.0) + 1)
        plot.addItem(text)
    plot.addItem(
        pg.InfiniteLine(TARGET_LINE, angle=0, pen=pg.mkPen("#1b7f3b", style=Qt.PenStyle.DashLine))
    )
    plot.setYRange(0, 108, padding=0)
    plot.setXRange(0.4, 4.6, padding=0)
    plot.getAxis("bottom").setTicks([[(int(p), i18n.label(p)) for p in Priority]])
    return plot


def _grouped(
    plot: pg.PlotWidget, series: dict[int, tuple[int, ...]], labels: tuple[str, ...]
) -> None:
    width = 0.8 / len(Priority)
    top = 1
    legend = plot.addLegend(offset=(-10, 10), labelTextColor="#222", brush="#ffffffdd")
    for i, priority in enumerate(Priority):
        counts = series.get(int(priority), (0,) * len(labels))
        xs = [b + (i - 1.5) * width for b in range(len(labels))]
        bars = pg.BarGraphItem(
            x=xs,
            height=list(counts),
            width=width * 0.95,
            brush=PRIORITY_COLOURS[priority],
            pen=pg.mkPen("#333", width=0.5),
        )
        plot.addItem(bars)
        legend.addItem(bars, i18n.label(priority))
        top = max(top, *counts)
    plot.getAxis("bottom").setTicks([list(enumerate(labels))])
    plot.setYRange(0, top * 1.15, padding=0)
    plot.setXRange(-0.6, len(labels) - 0.4, padding=0)


# Short axis labels: nine buckets must fit under a third of the panel.
TTFC_AXIS = ("<15m", "15–30m", "30–60m", "1–2h", "2–3h", "3–6h", "6–12h", "12–24h", ">24h")


def first_contact_chart(report: ComplianceReport, parent: QWidget | None = None) -> pg.PlotWidget:
    plot = _plot(_tr("Tiempo hasta el primer contacto (tiempo hábil)"), parent, _tr("tiquetes"))
    _grouped(plot, report.ttfc_histogram, TTFC_AXIS)
    return plot


def open_age_chart(report: ComplianceReport, parent: QWidget | None = None) -> pg.PlotWidget:
    plot = _plot(_tr("Antigüedad de los tiquetes abiertos"), parent, _tr("tiquetes"))
    _grouped(plot, report.open_age, AGE_LABELS)
    return plot


def chart_image(plot: pg.PlotWidget, width: int = 900, height: int = 430) -> tuple[str, QImage]:
    """(title, image) for the PDF, through pyqtgraph's own exporter; the title is returned apart
    so the page can set it as text (the exporter crops a plot title)."""
    from pyqtgraph.exporters import ImageExporter

    title = plot.plotItem.titleLabel.text
    plot.setTitle(None)
    plot.resize(width, height)
    plot.plotItem.setGeometry(QRectF(0, 0, width, height))
    exporter = ImageExporter(plot.plotItem)
    exporter.parameters()["width"] = width * 2
    image = exporter.export(toBytes=True)
    assert isinstance(image, QImage)
    return title, image
