"""Item models of the review screen.

- :class:`PatientTableModel`: one lazy ``QAbstractTableModel`` over a table of the export; cells
  are fetched from the core only when the view paints them, and the comment columns show the
  session's current text (after edits).
- :class:`ReviewFilterProxy`: «seulement les commentaires à revoir» and the category filter.
- :class:`CategoryModel`: the findings list grouped by category (counts, severity).

Threading: GUI thread only; the models read the :class:`ReviewSession`, which the GUI thread
alone mutates.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from ..core.detect.categories import CATEGORIES
from ..core.edits import CellKey
from ..core.review.session import CategorySummary, ReviewSession
from .labels import category_label, category_word, format_number, severity_label
from .theme import severity_colour

# Qt 6.10 tells views a filter is about to change (the pin allows older releases).
QT_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")

FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 1  # list[Finding] of a cell
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # CellKey of a cell
ROW_CATEGORIES_ROLE = Qt.ItemDataRole.UserRole + 3  # categories still to review in the row
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 4  # the cell differs from the file
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 5  # category id of a CategoryModel row
STATE_CATEGORIES_ROLE = Qt.ItemDataRole.UserRole + 6  # «État» column: categories, in order
# read once: each Qt.ItemDataRole.X costs an enum lookup, and data() runs for every cell painted
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_FONT = Qt.ItemDataRole.FontRole

AnyIndex = QModelIndex | QPersistentModelIndex


def display_text(text: str) -> str:
    """One line for a table cell, keeping character offsets (one character for one)."""
    return text.replace("\r\n", "⏎ ").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")


class PatientTableModel(QAbstractTableModel):
    """Rows of one table of the export; comment cells show the current (edited) text.

    «Seulement les commentaires à revoir» is done here, not in the proxy: in that mode the model
    lists only the rows to review and inserts or removes rows as findings arrive or get fixed.
    A proxy filter would call Python for each of 100,000 rows on every reset, blocking the
    window during a scan; this keeps each update proportional to the rows that changed.
    """

    COL_STATE = 0  # first column: «À revoir» / «Corrigé»
    BULK = 400  # more insertions/removals than this: one reset instead (a run of rows is one)

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.sheet = ""
        self.header: list[str] = []
        self.comment_columns: list[str] = []
        self._rows = 0
        self._review_only = True
        self._visible: list[int] = []  # data rows listed in review mode, ascending
        self._row_categories: dict[int, frozenset[str]] = {}
        self._row_cache: tuple[int, list[str]] | None = None

    # --- setup -----------------------------------------------------------------------------
    def set_session(self, session: ReviewSession | None, sheet: str | None = None) -> None:
        self.beginResetModel()
        self.session = session
        self._row_categories = {}
        self._row_cache = None
        if session is None:
            self.sheet, self.header, self.comment_columns, self._rows = "", [], [], 0
        else:
            table = session.table if sheet is None else session.table_named(sheet)
            self.sheet = table.name
            self.header = list(table.header)
            self.comment_columns = [
                column for column in session.columns.get(table.name, []) if column in self.header
            ]
            self._rows = len(table)
            self._recompute_all()
        self._visible = sorted(self._row_categories)
        self.endResetModel()

    @property
    def review_only(self) -> bool:
        return self._review_only

    def set_review_only(self, value: bool) -> None:
        """List only the rows to review (True) or every row of the table (False)."""
        if value == self._review_only:
            return
        self.beginResetModel()
        self._review_only = value
        self._visible = sorted(self._row_categories)
        self.endResetModel()

    def _recompute_all(self) -> None:
        self._row_categories = {}
        if self.session is None:
            return
        rows = {key[1] for key in self.session.pending_keys() if key[0] == self.sheet}
        for row in rows:
            self._update_row(row)

    def _update_row(self, row: int) -> None:
        categories: set[str] = set()
        if self.session is not None:
            for column in self.comment_columns:
                for finding in self.session.findings((self.sheet, row, column)):
                    categories.add(finding.category)
        if categories:
            self._row_categories[row] = frozenset(categories)
        else:
            self._row_categories.pop(row, None)

    def refresh_cells(self, keys: Iterable[CellKey]) -> None:
        """The session changed these cells (findings arrived, an edit, an undo)."""
        rows = sorted({key[1] for key in keys if key[0] == self.sheet})
        if not rows:
            return
        self._row_cache = None
        for row in rows:
            self._update_row(row)
        if self._review_only and self._sync_visible(rows):
            return  # reset: every row is read again anyway
        self._emit_changed(rows)

    def _sync_visible(self, rows: list[int]) -> bool:
        """Insert the rows that now need review and remove those that no longer do; True when
        there were so many that the model was reset instead."""
        listed = set(self._visible)
        to_add = [row for row in rows if row in self._row_categories and row not in listed]
        to_remove = [row for row in rows if row not in self._row_categories and row in listed]
        runs = _insert_runs(self._visible, to_add)
        if len(runs) + len(to_remove) > self.BULK:
            self.beginResetModel()
            self._visible = sorted(self._row_categories)
            self.endResetModel()
            return True
        for row in reversed(to_remove):
            position = bisect.bisect_left(self._visible, row)
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._visible[position]
            self.endRemoveRows()
        if to_remove:  # the places of the rows to insert have moved
            runs = _insert_runs(self._visible, to_add)
        offset = 0
        for position, run in runs:
            start = position + offset
            self.beginInsertRows(QModelIndex(), start, start + len(run) - 1)
            self._visible[start:start] = run
            self.endInsertRows()
            offset += len(run)
        return False

    def _emit_changed(self, rows: list[int]) -> None:
        """dataChanged for the listed rows, in contiguous runs of view positions."""
        positions = sorted(
            position for position in (self.position_of(row) for row in rows) if position >= 0
        )
        if not positions:
            return
        last_column = self.columnCount() - 1
        start = previous = positions[0]
        for position in [*positions[1:], None]:
            if position is not None and position == previous + 1:
                previous = position
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(previous, last_column))
            if position is not None:
                start = previous = position

    def refresh_all(self) -> None:
        self.beginResetModel()
        self._row_cache = None
        self._recompute_all()
        self._visible = sorted(self._row_categories)
        self.endResetModel()

    # --- lookups ---------------------------------------------------------------------------
    def row_number(self, index: AnyIndex) -> int:
        """The 1-based data row of an index of this model."""
        return self.row_at(index.row())

    def row_at(self, position: int) -> int:
        """The 1-based data row shown at ``position``."""
        return self._visible[position] if self._review_only else position + 1

    def position_of(self, row: int) -> int:
        """Where data row ``row`` is shown (-1 when it is not listed)."""
        if not self._review_only:
            return row - 1 if 1 <= row <= self._rows else -1
        position = bisect.bisect_left(self._visible, row)
        if position < len(self._visible) and self._visible[position] == row:
            return position
        return -1

    def index_of(self, row: int, column: int) -> QModelIndex:
        """The index of data row ``row`` (invalid when it is not listed)."""
        position = self.position_of(row)
        return self.index(position, column) if position >= 0 else QModelIndex()

    def column_name(self, column: int) -> str | None:
        if column == self.COL_STATE or column > len(self.header):
            return None
        return self.header[column - 1]

    def column_of(self, header: str) -> int:
        return self.header.index(header) + 1

    def cell_key(self, index: AnyIndex) -> CellKey | None:
        name = self.column_name(index.column())
        return None if name is None else (self.sheet, self.row_number(index), name)

    def row_categories(self, row: int) -> frozenset[str]:
        return self._row_categories.get(row, frozenset())

    def rows_to_review(self) -> int:
        return len(self._row_categories)

    def _row(self, row: int) -> list[str]:
        if self._row_cache is None or self._row_cache[0] != row:
            assert self.session is not None
            self._row_cache = (row, self.session.table_named(self.sheet).row(row))
        return self._row_cache[1]

    # --- Qt model API ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One Python call per index (Qt's own would call rowCount and columnCount for each,
        and a repaint makes hundreds of indexes)."""
        rows = len(self._visible) if self._review_only else self._rows
        if 0 <= row < rows and 0 <= column <= len(self.header) and not parent.isValid():
            return self.createIndex(row, column)  # no session: no rows
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._visible) if self._review_only else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.session is None else len(self.header) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.row_at(section)) if 0 <= section < self.rowCount() else None
        if section == self.COL_STATE:
            return QCoreApplication.translate("Models", "État")
        name = self.column_name(section)
        return name

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        # A repaint asks each visible cell for a dozen roles, most of which no cell has (colour,
        # alignment, check state…): those are answered before anything is looked up.
        if role not in _CELL_ROLES or self.session is None or not index.isValid():
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == ROW_CATEGORIES_ROLE:
            return sorted(self.row_categories(row))
        if column == self.COL_STATE:
            return self._state_data(row, role)
        name = self.header[column - 1]
        key: CellKey = (self.sheet, row, name)
        is_comment = name in self.comment_columns
        if role in (_DISPLAY, _TOOLTIP):
            if is_comment:
                text = self.session.text(key)
            else:
                values = self._row(row)
                index_in_row = column - 1
                text = values[index_in_row] if index_in_row < len(values) else ""
            return display_text(text) if role == _DISPLAY else (text or None)
        if role == _ACCESSIBLE:
            return self.data(index, _DISPLAY)
        if role == FINDINGS_ROLE:
            return self.session.findings(key) if is_comment else []
        if role == KEY_ROLE:
            return key
        if role == CHANGED_ROLE:
            return is_comment and self.session.is_changed(key)
        return None

    def _state_data(self, row: int, role: int):  # type: ignore[no-untyped-def]
        assert self.session is not None
        categories = self.row_categories(row)
        if role == _FONT:
            return _bold_font() if categories else None
        ordered = [c for c in CATEGORIES if c in categories]
        if role == STATE_CATEGORIES_ROLE:
            return ordered
        if role == _TOOLTIP:
            if not categories:
                return None
            return (
                QCoreApplication.translate("Models", "À revoir")
                + " : "
                + ", ".join(category_label(c) for c in ordered)
            )
        if role not in (_DISPLAY, _ACCESSIBLE):
            return None
        if categories:
            words = ", ".join(category_word(c) for c in ordered)
            if role == _DISPLAY:
                # the category words say «à revoir» (drawn as chips, spelled out in the tooltip)
                return words
            return QCoreApplication.translate("Models", "À revoir") + f" : {words}"
        changed = any(
            self.session.is_changed((self.sheet, row, column)) for column in self.comment_columns
        )
        return QCoreApplication.translate("Models", "Corrigé") if changed else ""


def _insert_runs(visible: list[int], rows: list[int]) -> list[tuple[int, list[int]]]:
    """Where ``rows`` (ascending, none of them in ``visible``) go in ``visible``: runs of rows
    inserted at one position. Rows arrive in file order during a scan: a scan's update is one
    run at the end, however many rows it holds."""
    runs: list[tuple[int, list[int]]] = []
    for row in rows:
        position = bisect.bisect_left(visible, row)
        if runs and runs[-1][0] == position:
            runs[-1][1].append(row)
        else:
            runs.append((position, [row]))
    return runs


# The roles PatientTableModel.data answers; every other one is None without a lookup.
_CELL_ROLES = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _ACCESSIBLE,
        _FONT,
        FINDINGS_ROLE,
        KEY_ROLE,
        ROW_CATEGORIES_ROLE,
        CHANGED_ROLE,
        STATE_CATEGORIES_ROLE,
    }
)


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def comments_text(count: int) -> str:
    """«118 commentaires à revoir»."""
    text = (
        QCoreApplication.translate("Models", "{n} commentaire à revoir")
        if count == 1
        else QCoreApplication.translate("Models", "{n} commentaires à revoir")
    )
    return text.format(n=format_number(count))


class ReviewFilterProxy(QSortFilterProxyModel):
    """Narrows the table to one category; «seulement les commentaires à revoir» is passed on
    to the :class:`PatientTableModel` (see its docstring for why)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._category: str | None = None
        self.setDynamicSortFilter(True)

    def _model(self) -> PatientTableModel | None:
        model = self.sourceModel()
        return model if isinstance(model, PatientTableModel) else None

    @property
    def only_to_review(self) -> bool:
        model = self._model()
        return model.review_only if model is not None else False

    @property
    def category(self) -> str | None:
        return self._category

    def set_only_to_review(self, value: bool) -> None:
        model = self._model()
        if model is not None:
            model.set_review_only(value)

    def set_category(self, category: str | None) -> None:
        if category != self._category:
            self._change(lambda: setattr(self, "_category", category))

    def _change(self, apply: Callable[[], object]) -> None:
        if QT_HAS_FILTER_CHANGE:
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            apply()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._category is None:
            return True
        model = self._model()
        if model is None:
            return True
        return self._category in model.row_categories(model.row_at(source_row))


class CategoryModel(QAbstractTableModel):
    """The findings list grouped by category: first «Toutes les catégories», then one row per
    category with comments to review, most serious first.

    Counts are comments (what the secretary clears one by one), not passages: a comment with
    two health words counts once under «Santé», and «Toutes les catégories» counts each comment
    once however many categories it touches — the same number as the summary bar.
    """

    COL_CATEGORY, COL_COUNT, COL_SEVERITY = range(3)

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.summaries: list[CategorySummary] = []
        self.total: int | None = None  # comments to review, each counted once

    def total_comments(self) -> int:
        """What «Toutes les catégories» shows (the summary bar's «N commentaires à revoir»)."""
        if self.total is not None:
            return self.total
        return max((s.cells for s in self.summaries), default=0)

    def set_summaries(self, summaries: list[CategorySummary], total: int | None = None) -> None:
        """``total``: comments to review (``ReviewSession.review_count()``); without it, the
        largest category's count (a lower bound, never a double count)."""
        self.total = total
        if [s.category for s in summaries] == [s.category for s in self.summaries]:
            self.summaries = summaries
            if summaries:
                self.dataChanged.emit(self.index(0, 0), self.index(len(summaries), 2))
            return
        self.beginResetModel()
        self.summaries = summaries
        self.endResetModel()

    def category_at(self, row: int) -> str | None:
        return None if row <= 0 or row > len(self.summaries) else self.summaries[row - 1].category

    def row_of(self, category: str | None) -> int:
        for row, summary in enumerate(self.summaries, start=1):
            if summary.category == category:
                return row
        return 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.summaries) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate("Models", "Catégorie"),
            QCoreApplication.translate("Models", "Commentaires"),
            QCoreApplication.translate("Models", "Gravité"),
        )[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == 0:
            total = self.total_comments()
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return (
                    QCoreApplication.translate("Models", "Toutes les catégories"),
                    format_number(total),
                    "",
                )[column]
            if role == Qt.ItemDataRole.ToolTipRole:
                return comments_text(total)
            if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == CATEGORY_ROLE:
                return ""
            return None
        summary = self.summaries[row - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.COL_CATEGORY:
                return category_label(summary.category)
            if column == self.COL_COUNT:
                return format_number(summary.cells)
            return severity_label(summary.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            comments = (
                QCoreApplication.translate("Models", "{c} commentaire à revoir")
                if summary.cells <= 1
                else QCoreApplication.translate("Models", "{c} commentaires à revoir")
            )
            found = (
                QCoreApplication.translate("Models", "{n} passage repéré")
                if summary.findings <= 1
                else QCoreApplication.translate("Models", "{n} passages repérés")
            )
            counts = (
                comments.format(c=format_number(summary.cells))
                + " · "
                + found.format(n=format_number(summary.findings))
            )
            return f"{category_label(summary.category)} — {counts}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_SEVERITY:
            return QBrush(severity_colour(summary.severity))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CATEGORY_ROLE:
            return summary.category
        return None
