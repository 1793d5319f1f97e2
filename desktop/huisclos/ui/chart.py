"""A small bar chart of comments to review per category, drawn with QPainter (no QtCharts).

Each bar has the category colour and its word underneath («Santé», «Justice»), so it reads
without colour and without codes; hovering a bar names the category and its figure, clicking
it filters the list to that category (``category_clicked``). The accessible description spells
the figures out for screen readers.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core.review.session import CategorySummary
from .labels import category_label, category_word, format_number
from .theme import category_colour

BAR_MIN_SLOT = 34


class CategoryChart(QWidget):
    """Vertical bars, one per category: its comments to review (as in the category list)."""

    category_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: list[CategorySummary] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(QCoreApplication.translate("Chart", "Graphique par catégorie"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._update_size()

    def set_summaries(self, summaries: list[CategorySummary]) -> None:
        self.summaries = list(summaries)
        lines = [self._line(s) for s in self.summaries]
        self.setAccessibleDescription("; ".join(lines))
        self._update_size()
        self.update()

    @staticmethod
    def _line(summary: CategorySummary) -> str:
        text = (
            QCoreApplication.translate("Chart", "{0} : {1} commentaire à revoir")
            if summary.cells <= 1
            else QCoreApplication.translate("Chart", "{0} : {1} commentaires à revoir")
        )
        return text.format(category_label(summary.category), format_number(summary.cells))

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.75))
        small.setBold(True)
        return small

    def slot_width(self) -> int:
        """One bar's slot: room for the widest category word under it."""
        metrics = QFontMetrics(self._small_font())
        widest = max(
            (metrics.horizontalAdvance(category_word(s.category)) for s in self.summaries),
            default=0,
        )
        return max(BAR_MIN_SLOT, widest + 6)

    def category_at(self, x: int) -> str | None:
        """The category of the bar under ``x`` (None between or beyond the bars)."""
        slot = (x - 2) // self.slot_width()
        if x < 2 or not 0 <= slot < len(self.summaries):
            return None
        return self.summaries[slot].category

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        category = self.category_at(int(event.position().x()))
        if event.button() == Qt.MouseButton.LeftButton and category is not None:
            self.category_clicked.emit(category)
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            category = self.category_at(event.pos().x())
            summary = next((s for s in self.summaries if s.category == category), None)
            if summary is None:
                QToolTip.hideText()
            else:
                hint = QCoreApplication.translate("Chart", "Cliquez pour n'afficher qu'elle.")
                QToolTip.showText(event.globalPos(), f"{self._line(summary)}\n{hint}", self)
            return True
        return super().event(event)

    def _update_size(self) -> None:
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(max(1, len(self.summaries)) * self.slot_width() + 4, 64)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.summaries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = self._small_font()
        metrics = QFontMetrics(small)
        slot_width = self.slot_width()
        label_height = metrics.height()
        top, bottom = 2 + label_height, self.height() - label_height - 2
        highest = max(s.cells for s in self.summaries) or 1
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setFont(small)
        for slot, summary in enumerate(self.summaries):
            x = 2 + slot * slot_width
            height = max(2, int((bottom - top) * summary.cells / highest))
            bar_width = BAR_MIN_SLOT - 14
            bar = QRect(x + (slot_width - bar_width) // 2, bottom - height, bar_width, height)
            painter.fillRect(bar, category_colour(summary.category))
            painter.setPen(text_colour)
            painter.drawRect(bar.adjusted(0, 0, -1, -1))
            painter.drawText(
                QRect(x, bottom + 1, slot_width, label_height),
                Qt.AlignmentFlag.AlignCenter,
                category_word(summary.category),
            )
            painter.drawText(
                QRect(x, bar.top() - label_height, slot_width, label_height),
                Qt.AlignmentFlag.AlignCenter,
                format_number(summary.cells),
            )
        painter.end()
