"""The app's style sheet: a few touches on top of the system style, written with ``palette()``
colours so a dark or high-contrast system theme stays readable; and the few widget settings
several views share (layout margins, wrapped paragraphs, number boxes).

Threading: GUI thread only.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QSpinBox, QWidget

Layout = TypeVar("Layout", bound=QLayout)

STYLE = """
#startTitle { font-size: 22pt; font-weight: 600; }
#startSubtitle { font-size: 11.5pt; }
#dropZone {
    border: 2px dashed palette(mid);
    border-radius: 14px;
    background: palette(base);
}
#dropZone[hover="true"], #dropZone:focus { border: 2px solid palette(highlight); }
#dropIcon { font-size: 40pt; color: palette(highlight); }
#dropTitle { font-size: 15pt; font-weight: 600; }
#sectionTitle { font-weight: 600; font-size: 10.5pt; }
#privacyBanner {
    padding: 8px 14px;
    border-radius: 8px;
    border: 1px solid rgba(0, 158, 115, 0.55);
    background: rgba(0, 158, 115, 0.12);
    font-weight: 600;
}
QPushButton { padding: 5px 14px; }
QToolButton[popupMode="2"] { padding: 5px 22px 5px 12px; }
#sideCard {
    border-radius: 8px;
    background: palette(base);
    border: 1px solid palette(mid);
}
#recentList { background: transparent; }
#emptyState { color: palette(placeholder-text); font-style: italic; padding: 2px 0; }
#howTo {
    padding: 10px;
    border-radius: 8px;
    background: palette(base);
    border: 1px solid palette(mid);
}
#journalStatus[ok="true"] { color: #1B7F3B; }
#journalStatus[ok="false"] { color: #B3261E; }
QPushButton#primaryButton {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
    border-radius: 4px;
    font-weight: 600;
    padding: 6px 16px;
}
QPushButton#primaryButton:disabled {
    background: palette(button);
    color: palette(mid);
    border: 1px solid palette(mid);
}
QPushButton#primaryButton:focus { border: 2px solid palette(text); }
QPushButton:focus, QToolButton:focus {
    border: 2px solid palette(highlight);
    border-radius: 4px;
}
QPushButton#statusUndo {
    border: none;
    background: transparent;
    color: palette(link);
    text-decoration: underline;
    font-weight: 600;
}
QPushButton#linkButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }
#summaryBar, #progressStrip {
    border: 1px solid palette(mid);
    border-radius: 8px;
    background: palette(base);
}
#fileLabel { font-size: 10pt; }
#summaryLabel { font-size: 13.5pt; font-weight: 600; }
#detailHeading { font-size: 11.5pt; font-weight: 600; }
#commentView, #beforeView, #afterView {
    border: 1px solid palette(mid);
    border-radius: 6px;
    padding: 8px;
    background: palette(base);
}
#afterView { border: 2px solid rgba(0, 158, 115, 0.8); }
#findingCard {
    border: 1px solid palette(mid);
    border-radius: 6px;
    background: palette(alternate-base);
}
QPushButton#linkButton {
    border: none;
    background: transparent;
    color: palette(link);
    text-decoration: underline;
    padding: 4px 6px;
}
#placeholder { padding: 12px; font-size: 10.5pt; }
#sheetNotice {
    background: rgba(230, 159, 0, 0.14);
    border: 1px solid rgba(230, 159, 0, 0.55);
    border-radius: 4px;
    padding: 5px 8px;
}
#errorLabel { color: #B3261E; font-weight: 600; }
#journalStatus { font-weight: 600; padding: 4px; }
#checkStatus { font-size: 11pt; padding: 2px 0; }
#checkStatus[state="ok"] { color: #1B7F3B; font-weight: 600; }
#checkStatus[state="warn"] { color: #B3261E; font-weight: 600; }
#copiedLabel { color: #1B7F3B; }
#privacyNote, #noticeHint { color: palette(placeholder-text); }
#noticePopup {
    border: 1px solid palette(mid);
    border-radius: 8px;
    background: palette(window);
}
#noticeTitle { font-weight: 600; font-size: 10.5pt; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE)


def spaced(
    layout: Layout, margins: tuple[int, int, int, int], spacing: int | None = None
) -> Layout:
    """``layout`` with these margins (left, top, right, bottom) and, when given, spacing."""
    layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    return layout


def paragraph(text: str, parent: QWidget) -> QLabel:
    """A label for a sentence or more: it wraps at the width it is given."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def rich_view(name: str, accessible: str = "", *, selectable: bool = True) -> QLabel:
    """A wrapping rich-text label styled by its object ``name`` (a comment, a proposal): the
    text can be selected with the mouse, and ``accessible`` names it for screen readers."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def number_box(
    parent: QWidget,
    span: tuple[int, int],
    value: int,
    name: str,
    *,
    step: int = 1,
    suffix: str = "",
    description: str = "",
) -> QSpinBox:
    """A spin box from ``span[0]`` to ``span[1]`` showing ``value``; ``name`` and
    ``description`` for screen readers (the description defaults to the range)."""
    box = QSpinBox(parent)
    box.setRange(*span)
    box.setSingleStep(step)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    box.setAccessibleDescription(
        description
        or QCoreApplication.translate("Style", "De {0} à {1}{2}").format(span[0], span[1], suffix)
    )
    return box
