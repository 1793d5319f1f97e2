"""Draws comment cells with each sensitive passage highlighted (after Picard's
``formattedtextdelegate``): a tint of the category colour behind the words, a solid underline,
and a short text marker («SAN», «REL»…) so the highlight never relies on colour alone.

Threading: GUI thread only (painting).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..core.detect.findings import Finding
from .labels import category_marker
from .models import CHANGED_ROLE, FINDINGS_ROLE
from .theme import highlight_background, marker_colour

PADDING = 4
MARKER_GAP = 1  # pixels between a highlighted word and its category marker


def segments(text: str, findings: list[Finding]) -> list[tuple[str, Finding | None]]:
    """Split ``text`` into plain and highlighted runs (overlapping findings merged into the
    first one)."""
    runs: list[tuple[str, Finding | None]] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        start = max(finding.start, position)
        end = min(finding.end, len(text))
        if end <= start:
            continue
        if start > position:
            runs.append((text[position:start], None))
        runs.append((text[start:end], finding))
        position = end
    if position < len(text):
        runs.append((text[position:], None))
    return runs


# The fonts and metrics of a cell, made once per table font rather than for every cell painted.
_fonts: dict[str, tuple[QFontMetrics, QFont, QFontMetrics]] = {}


def _fonts_of(font: QFont) -> tuple[QFontMetrics, QFont, QFontMetrics]:
    """The text's metrics, the markers' font (smaller, bold) and its metrics."""
    key = font.key()
    found = _fonts.get(key)
    if found is None:
        marker_font = QFont(font)
        marker_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        marker_font.setBold(True)
        found = _fonts[key] = (QFontMetrics(font), marker_font, QFontMetrics(marker_font))
    return found


class HighlightDelegate(QStyledItemDelegate):
    """Paints a comment cell with its findings highlighted."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        findings = index.data(FINDINGS_ROLE) or []
        changed = bool(index.data(CHANGED_ROLE))
        if not findings and not changed:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option_text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text

        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(PADDING, 0, -PADDING, 0)
        metrics, marker_font, marker_metrics = _fonts_of(option.font)
        x = rect.left()
        baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) // 2
        ellipsis = "…"
        limit = rect.right() - metrics.horizontalAdvance(ellipsis)
        if changed and not findings:
            mark = "✓ "
            painter.setPen(text_colour)
            painter.drawText(x, baseline, mark)
            x += metrics.horizontalAdvance(mark)
        for run, finding in segments(text, findings):
            width = metrics.horizontalAdvance(run)
            clipped = False
            if x + width > limit:
                run = metrics.elidedText(run, Qt.TextElideMode.ElideRight, max(0, rect.right() - x))
                width = metrics.horizontalAdvance(run)
                clipped = True
            if finding is not None and width > 0:
                box = QRect(x, rect.top() + 3, width, rect.height() - 6)
                if not selected:
                    painter.fillRect(box, highlight_background(finding.category, palette))
                pen = QPen(text_colour if selected else marker_colour(finding.category))
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawLine(box.bottomLeft(), box.bottomRight())
            painter.setFont(option.font)
            painter.setPen(text_colour)
            painter.drawText(x, baseline, run)
            x += width
            if clipped or x >= rect.right():
                break
            if finding is not None:
                # a footnote-style superscript hugging the word: the text after it keeps its
                # own spacing («séropositif^SAN, trithérapie», not «séropositif SAN , …»)
                marker = category_marker(finding.category)
                marker_width = marker_metrics.horizontalAdvance(marker) + MARKER_GAP
                if x + marker_width < rect.right():
                    painter.setFont(marker_font)
                    painter.setPen(marker_colour(finding.category) if not selected else text_colour)
                    superscript = baseline - metrics.ascent() + marker_metrics.ascent()
                    painter.drawText(x + MARKER_GAP, superscript, marker)
                    x += marker_width
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 40, max(size.height(), _fonts_of(option.font)[0].height() + 10))
