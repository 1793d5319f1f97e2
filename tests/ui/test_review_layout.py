"""What the review screen shows at 1366×768: counts that agree with each other, and who the
patient is next to the comment."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from ui_helpers import open_and_wait

from huisclos.ui.labels import format_number
from huisclos.ui.models import CategoryModel


def _count(model: CategoryModel, row: int) -> str:
    return model.index(row, CategoryModel.COL_COUNT).data(Qt.ItemDataRole.DisplayRole)


def test_category_list_counts_comments_like_the_summary_bar(qtbot, window) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(demo_export(), remember=False)
    page, session = window.review_page, window.session
    model = page.category_model
    header = model.headerData(CategoryModel.COL_COUNT, Qt.Orientation.Horizontal)
    assert header == "Commentaires"
    # «Toutes les catégories» shows the summary bar's «N commentaires à revoir»
    shown = re.match(r"(\S+) commentaires à revoir", page.summary_label.text())
    assert shown is not None
    assert _count(model, 0) == shown.group(1) == format_number(session.review_count())
    # some demo comments touch several categories: the total is not a sum of the rows
    assert sum(s.cells for s in model.summaries) > session.review_count()
    # choosing a category lists exactly as many comments as its row says
    for row in range(1, model.rowCount()):
        page.category_view.selectRow(row)
        assert format_number(page.proxy.rowCount()) == _count(model, row), model.category_at(row)
    page.category_view.selectRow(0)
    assert format_number(page.proxy.rowCount()) == _count(model, 0)


def test_category_list_total_follows_corrections(qtbot, window, leaked_export: Path) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page, session = window.review_page, window.session
    before = session.review_count()
    page.select_row(0)
    window.review.apply_suggestion()
    assert session.review_count() < before
    assert _count(page.category_model, 0) == format_number(session.review_count())
    assert f"{session.review_count()} commentaire" in page.summary_label.text()


def test_patient_identity_is_beside_the_comment_in_view(qtbot, window) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(demo_export(), remember=False)
    page = window.review_page
    model, table = page.model, page.table
    header = table.horizontalHeader()
    comment = model.column_of(model.comment_columns[0])
    nom, prenom = model.column_of("NOM"), model.column_of("Prénom")
    # État, NOM, Prénom, then the comment, left to right
    assert [header.logicalIndex(v) for v in range(4)] == [model.COL_STATE, nom, prenom, comment]
    # all four fully visible without scrolling sideways, the comment the widest of them
    table.scrollTo(page.proxy.index(0, 0))
    viewport = table.viewport().width()
    for column in (model.COL_STATE, nom, prenom, comment):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= viewport, column
    assert header.sectionSize(comment) > 2 * header.sectionSize(model.COL_STATE)
    assert header.sectionSize(comment) >= 260
    # the row number of the file is shown in front of each row
    first = page.proxy.index(0, 0)
    row_number = page.model.row_number(page.proxy.mapToSource(first))
    assert page.proxy.headerData(0, Qt.Orientation.Vertical) == str(row_number)
    # and the secretary reads the patient's name in that row
    name = page.proxy.index(0, nom).data(Qt.ItemDataRole.DisplayRole)
    assert name and name.isupper()


def demo_export() -> Path:
    from huisclos.ui.main_window import demo_path

    return demo_path()


def test_journal_writes_numbers_the_french_way(qtbot, window) -> None:
    from huisclos.ui.dialogs.journal import JournalDialog

    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(demo_export(), remember=False)
    window.recorder.wait()
    dialog = JournalDialog(window, window.pool)
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=20_000)
    details = [dialog.table.item(row, 3).text() for row in range(dialog.table.rowCount())]
    scan = next(text for text in details if "passages repérés" in text)
    # the demo has 3 000 rows: written like the summary bar's «sur 3 000 patients»
    assert "sur 3\u202f000 lignes" in scan
    assert "3000" not in scan
