"""The review screen speaks in words: the «État» column and the chart name the categories
(«Santé», not «SAN»), and a bar of the chart filters the list to its category."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from ui_helpers import open_and_wait

from huisclos.ui.models import STATE_CATEGORIES_ROLE


def test_the_state_column_and_the_chart_use_words_and_a_bar_filters(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page = window.review_page
    model = page.model
    states = [model.data(model.index(row, model.COL_STATE)) for row in range(model.rowCount())]
    assert "Santé" in states
    assert not any(code in " ".join(states) for code in ("SAN", "REL", "SEX"))
    chips = model.data(model.index(0, model.COL_STATE), STATE_CATEGORIES_ROLE)
    assert chips and all(isinstance(c, str) for c in chips)
    tooltip = model.data(model.index(0, model.COL_STATE), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("À revoir")

    chart = page.chart
    assert chart.summaries
    religion = next(i for i, s in enumerate(chart.summaries) if s.category == "religion")
    x = 2 + religion * chart.slot_width() + chart.slot_width() // 2
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, chart.height() // 2))
    assert page.proxy.category == "religion"
    assert page.proxy.rowCount() >= 1
    for row in range(page.proxy.rowCount()):
        source = page.proxy.mapToSource(page.proxy.index(row, 0))
        assert "religion" in model.data(source, STATE_CATEGORIES_ROLE)
