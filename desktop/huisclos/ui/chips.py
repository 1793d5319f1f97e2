"""The «État» column drawn as category chips: a tinted rounded box with the category's word
(«Santé», «Justice») and a border in its colour, so the state reads without colour and without
codes. When the column is too narrow for the words, the chips fall back to the short markers
(«SAN») — the tooltip always spells the categories out.

Threading: GUI thread only (painting).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .labels import category_marker, category_word
from .models import STATE_CATEGORIES_ROLE
from .theme import highlight_background, marker_colour

CHIP_PADDING = 5
CHIP_GAP = 3


def chip_font(font: QFont) -> QFont:
    """The chips' font: the table's, a little smaller, bold."""
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    small.setBold(True)
    return small


# Every repaint of the table draws the chips of each visible row: the font, its metrics and the
# widths are made once per table font (and set of words), not once per cell.
_chip_fonts: dict[str, tuple[QFont, QFontMetrics]] = {}
_chips_widths: dict[tuple[str, tuple[str, ...]], int] = {}


def _chip_font_and_metrics(font: QFont) -> tuple[QFont, QFontMetrics]:
    key = font.key()
    found = _chip_fonts.get(key)
    if found is None:
        small = chip_font(font)
        found = _chip_fonts[key] = (small, QFontMetrics(small))
    return found


def chips_width(words: list[str], font: QFont) -> int:
    """Pixels the chips of ``words`` take, side by side."""
    key = (font.key(), tuple(words))
    width = _chips_widths.get(key)
    if width is None:
        metrics = _chip_font_and_metrics(font)[1]
        width = sum(metrics.horizontalAdvance(w) + 2 * CHIP_PADDING + CHIP_GAP for w in words) + 4
        _chips_widths[key] = width
    return width


class CategoryChipDelegate(QStyledItemDelegate):
    """Paints the categories of a row as word chips (markers when the column is narrow)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        categories = index.data(STATE_CATEGORIES_ROLE) or []
        if not categories:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        words = [category_word(c) for c in categories]
        available = option.rect.width() - 4
        if chips_width(words, option.font) > available:
            words = [category_marker(c) for c in categories]
        font, metrics = _chip_font_and_metrics(option.font)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(font)
        x = option.rect.left() + 3
        height = min(option.rect.height() - 6, metrics.height() + 4)
        top = option.rect.top() + (option.rect.height() - height) // 2
        for category, word in zip(categories, words, strict=True):
            width = metrics.horizontalAdvance(word) + 2 * CHIP_PADDING
            if x + width > option.rect.right():
                break
            box = QRect(x, top, width, height)
            painter.setBrush(highlight_background(category, palette))
            pen = QPen(marker_colour(category, palette))
            pen.setWidth(1)
            painter.setPen(pen)
            painter.drawRoundedRect(box.adjusted(0, 0, -1, -1), 4, 4)
            painter.setPen(text_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, word)
            x += width + CHIP_GAP
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        categories = index.data(STATE_CATEGORIES_ROLE) or []
        words = [category_word(c) for c in categories]
        return QSize(max(size.width(), chips_width(words, option.font)), size.height())
