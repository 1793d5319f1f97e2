"""A small bar chart of comments to review per category, drawn with QPainter (no QtCharts).

Each bar has the category colour and its text marker underneath, so it reads without colour;
the accessible description spells the figures out for screen readers.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.review.session import CategorySummary
from .labels import category_label, format_number
from .theme import CATEGORY_MARKERS, category_colour

BAR_SLOT = 34


class CategoryChart(QWidget):
    """Vertical bars, one per category: its comments to review (as in the category list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: list[CategorySummary] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(QCoreApplication.translate("Chart", "Graphique par catégorie"))
        self._update_size()

    def set_summaries(self, summaries: list[CategorySummary]) -> None:
        self.summaries = list(summaries)
        lines = [
            QCoreApplication.translate("Chart", "{0} : {1} commentaire(s) à revoir").format(
                category_label(s.category), format_number(s.cells)
            )
            for s in self.summaries
        ]
        self.setAccessibleDescription("; ".join(lines))
        self.setToolTip("\n".join(lines))
        self._update_size()
        self.update()

    def _update_size(self) -> None:
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(max(1, len(self.summaries)) * BAR_SLOT + 4, 64)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.summaries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.75))
        small.setBold(True)
        metrics = QFontMetrics(small)
        label_height = metrics.height()
        top, bottom = 2 + label_height, self.height() - label_height - 2
        highest = max(s.cells for s in self.summaries) or 1
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setFont(small)
        for slot, summary in enumerate(self.summaries):
            x = 2 + slot * BAR_SLOT
            height = max(2, int((bottom - top) * summary.cells / highest))
            bar = QRect(x + 7, bottom - height, BAR_SLOT - 14, height)
            painter.fillRect(bar, category_colour(summary.category))
            painter.setPen(text_colour)
            painter.drawRect(bar.adjusted(0, 0, -1, -1))
            painter.drawText(
                QRect(x, bottom + 1, BAR_SLOT, label_height),
                Qt.AlignmentFlag.AlignCenter,
                CATEGORY_MARKERS[summary.category],
            )
            painter.drawText(
                QRect(x, bar.top() - label_height, BAR_SLOT, label_height),
                Qt.AlignmentFlag.AlignCenter,
                format_number(summary.cells),
            )
        painter.end()
