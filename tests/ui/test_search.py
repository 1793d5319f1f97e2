"""Ctrl+F finds a patient by name or file number, or a word of the comments, in every row, with
«Suivant / Précédent»; case and accents are ignored and edited comments are searched as they
are now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from ui_helpers import open_and_wait

from huisclos.core.exports.reading import read_export
from huisclos.core.review.search import RowIndex
from huisclos.ui import settings


def test_the_row_index_ignores_case_and_accents_and_reads_edits(leaked_export: Path) -> None:
    table = read_export(leaked_export).table
    index = RowIndex(table)
    assert index.find("benali") == [3]  # «BENALI»
    assert index.find("1004") == [4]  # a file number
    assert index.find("FRERES") == [4]  # «frères»
    assert index.find("rdv") == [5, 6, 10]
    column = "Commentaire administratif"
    assert index.find("rdv", {("", 5, column): "Appeler le matin"}) == [6, 10]
    assert index.find("  ") == []


def test_ctrl_f_finds_any_row_and_steps_through_the_results(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page = window.review_page
    assert page.only_to_review.isChecked()
    window.menus.find.trigger()
    bar = page.search_bar
    assert bar.isVisible() and bar.field.hasFocus()

    qtbot.keyClicks(bar.field, "Portable")  # row 8, nothing to review there
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.matches == [8]
    assert not page.only_to_review.isChecked()  # the list shows every row to show it
    assert page.current_key()[1] == 8
    assert bar.count_label.text() == "1 sur 1 · tous les patients affichés"
    assert settings.only_to_review.value() is True  # not a new preference

    bar.field.clear()
    qtbot.keyClicks(bar.field, "rdv")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.matches == [5, 6, 10] and page.current_key()[1] == 5
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert page.current_key()[1] == 6
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert page.current_key()[1] == 10  # wraps around
    assert bar.count_label.text() == "3 sur 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.session.corrected_count() == 0  # Enter searched, it applied nothing
