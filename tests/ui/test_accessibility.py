"""A screen reader can use every screen: each control has an accessible name and description,
the review works from the keyboard alone with a visible focus, and texts follow a 150 % system
font without clipping."""

from __future__ import annotations

from pathlib import Path

import pytest
from accessibility import unlabelled
from ui_helpers import open_and_wait

from huisclos.core.report.figures import report_from_session
from huisclos.ui.dialogs.exercise import GenerateExerciseDialog
from huisclos.ui.dialogs.settings_dialog import SettingsDialog
from huisclos.ui.report_dialog import ReportDialog
from huisclos.ui.workshop import WorkshopWindow


def test_every_control_has_a_name_and_a_description(qtbot, window, leaked_export: Path) -> None:
    problems = [f"start: {p}" for p in unlabelled(window.start_page)]
    open_and_wait(qtbot, window, leaked_export)
    window.review_page.select_row(0)
    window.review_page.search_bar.open_bar()
    problems += [f"review: {p}" for p in unlabelled(window.review_page)]
    dialog = SettingsDialog(window, window.session)
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        problems += [f"settings {tab}: {p}" for p in unlabelled(dialog)]
    exercise = GenerateExerciseDialog(window)
    qtbot.addWidget(exercise)
    exercise.show()
    problems += [f"exercise: {p}" for p in unlabelled(exercise)]
    session = window.session
    report = ReportDialog(
        lambda practice, examples: report_from_session(
            session, practice=practice, with_examples=examples, read_the_log=False
        ),
        "",
        window,
    )
    qtbot.addWidget(report)
    report.show()
    problems += [f"report: {p}" for p in unlabelled(report)]
    workshop = WorkshopWindow()
    qtbot.addWidget(workshop)
    workshop.show()
    problems += [f"workshop: {p}" for p in unlabelled(workshop)]
    print("\n".join(problems))
    assert problems == []


def test_the_review_works_from_the_keyboard_alone(qtbot, window, leaked_export: Path) -> None:
    from PySide6.QtCore import Qt

    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    window.review_page.table.setFocus()
    to_review = session.review_count()
    qtbot.keyClick(window.review_page.table, Qt.Key.Key_F8)  # next comment to review
    key = window.review_page.current_key()
    assert session.findings(key)
    qtbot.keyClick(window.review_page.table, Qt.Key.Key_Return)  # apply the suggestion
    assert session.is_changed(key) and session.review_count() == to_review - 1
    qtbot.keyClick(window.review_page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_changed(key)
    window.review_page.select_row(0)
    qtbot.keyClick(window.review_page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert session.review_count() == to_review - 1  # «Ignorer»
    qtbot.keyClick(window.review_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.review_page.search_bar.field.hasFocus()


def test_the_keyboard_focus_is_visible_on_buttons(qapp, qtbot, window, leaked_export: Path) -> None:
    from huisclos.ui.style import apply_style

    apply_style(qapp)  # the app's style sheet, as the app starts with it
    try:
        open_and_wait(qtbot, window, leaked_export)
        window.review_page.select_row(0)
        window.activateWindow()
        from huisclos.ui.detail_panel import FindingCard

        detail = window.review_page.detail
        card = detail.findChildren(FindingCard)[0]
        for button in (
            detail.apply_button,
            detail.edit_button,
            card.why_button,
            card.ignore_button,
        ):
            window.review_page.table.setFocus()
            qtbot.wait(20)
            before = button.grab().toImage()
            button.setFocus()
            qtbot.waitUntil(button.hasFocus, timeout=2000)
            qtbot.wait(20)
            assert button.grab().toImage() != before, button.text()
    finally:
        qapp.setStyleSheet("")


def test_texts_follow_a_150_percent_system_font_without_clipping(
    qapp, qtbot, leaked_export: Path
) -> None:
    from pseudo import clipped
    from PySide6.QtGui import QFont

    from huisclos.ui.main_window import MainWindow

    original = QFont(qapp.font())
    large = QFont(original)
    large.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(large)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.wait(50)
        assert window.start_page.open_button.font().pointSizeF() >= original.pointSizeF() * 1.4
        assert clipped(window.start_page) == []
        open_and_wait(qtbot, window, leaked_export)
        window.review_page.select_row(0)
        qtbot.wait(50)
        assert clipped(window.review_page) == []
        window.close()
        window.wait_for_jobs()
    finally:
        qapp.setFont(original)


@pytest.mark.parametrize("dark", [False, True])
def test_text_colours_meet_wcag_aa_in_both_themes(qapp, dark: bool) -> None:
    from PySide6.QtGui import QColor, QPalette

    from huisclos.ui import workshop
    from huisclos.ui.theme import (
        SEVERITY_COLOURS,
        SEVERITY_COLOURS_DARK,
        contrast_ratio,
        dark_palette,
    )

    palette = dark_palette() if dark else QPalette(qapp.palette())
    base = palette.color(QPalette.ColorRole.Base)
    for severity, colour in (SEVERITY_COLOURS_DARK if dark else SEVERITY_COLOURS).items():
        assert contrast_ratio(QColor(colour), base) >= 4.5, severity
    if not dark:  # the workshop is projected on its own light background
        background = QColor("#fbfcfc")
        for colour in (workshop.WRONG, workshop.RIGHT, workshop.NEUTRAL):
            assert contrast_ratio(QColor(colour), background) >= 4.5, colour
