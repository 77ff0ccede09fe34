"""A read-only table of frozen snapshots with a search box and column sorting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    stretch: bool = False
    colour: Callable[[Any], str | None] | None = None


class SnapshotModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(item)
        if role == Qt.ItemDataRole.UserRole:
            key = column.sort(item) if column.sort else column.text(item)
            return key.lower() if isinstance(key, str) else key
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(item) if column.colour else None
            if colour:
                return QColor(colour)
            if getattr(item, "active", True) is False:
                return QColor("#888888")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


class SearchableTable(QWidget):
    """Search box (filters every column) above a sortable table; Enter activates the row."""

    activated = Signal(object)
    selection_changed = Signal(object)

    def __init__(
        self, columns: Sequence[Column], placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = SnapshotModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        # A stretched name column must not be squeezed to nothing by long email addresses.
        header.setMinimumSectionSize(110)
        for i, column in enumerate(columns):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column.stretch
                else (QHeaderView.ResizeMode.ResizeToContents)
            )
            header.setSectionResizeMode(i, mode)
        self.view.activated.connect(lambda _index: self.activated.emit(self.current()))
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit(self.current())
        )
        self.search.returnPressed.connect(self._focus_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)

    def _focus_table(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def set_items(self, items: Sequence[Any], *, keep: Callable[[Any], bool] | None = None) -> None:
        previous = self.current()
        self.model.set_items(items)
        target = keep or (
            (lambda item: getattr(item, "id", None) == getattr(previous, "id", object()))
            if previous is not None
            else None
        )
        if target is not None:
            self.select_where(target)

    def select_where(self, match: Callable[[Any], bool]) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if match(self.model.items[self.proxy.mapToSource(index).row()]):
                self.view.setCurrentIndex(index)
                return True
        return False

    def current(self) -> Any:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.items[self.proxy.mapToSource(index).row()]

    def visible_items(self) -> list[Any]:
        return [
            self.model.items[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]
