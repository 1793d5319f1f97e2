"""An Excel workbook with comments in two sheets: both are reviewed, fixed and saved."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from ui_helpers import LEAKED, open_and_wait

from huisclos.core.exports.reading import read_export


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Patients"
    first.append(["Dossier", "Nom", "Commentaire"])
    first.append(["1", "MARTIN", LEAKED[0]])
    first.append(["2", "LEROY", "Préfère RDV le matin"])
    second = book.create_sheet("Archives")
    second.append(["Dossier", "Nom", "Remarques"])
    second.append(["3", "BENALI", LEAKED[2]])
    book.save(path)
    return path


def test_each_sheet_can_be_reviewed_and_the_copy_keeps_both(qtbot, window, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "patients.xlsx")
    open_and_wait(qtbot, window, path)
    page, session = window.review_page, window.session
    assert page.sheet_combo.isVisibleTo(window) and page.sheet_combo.count() == 2
    assert {key[0] for key in session.pending_keys()} == {"Patients", "Archives"}

    page.sheet_combo.setCurrentIndex(1)
    page.sheet_combo.activated.emit(1)
    assert page.model.sheet == "Archives"
    key = page.current_key()
    assert key is not None and key[0] == "Archives"
    assert window.review.apply_suggestion(key)
    assert session.is_changed(key)

    target = tmp_path / "patients-nettoye.xlsx"
    assert window.saving.save_copy_to(target)
    expected = tmp_path / "expected.xlsx"
    read_export(path).write_copy(session.net_edits(), expected)
    copy = openpyxl.load_workbook(target)
    assert copy.sheetnames == ["Patients", "Archives"]
    assert copy["Archives"]["C2"].value == openpyxl.load_workbook(expected)["Archives"]["C2"].value
    assert copy["Patients"]["C2"].value == LEAKED[0]  # not fixed yet: unchanged


def test_a_hidden_sheet_and_hidden_columns_are_said_in_the_review(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from workbook_checks import OPENPYXL_BOOK

    open_and_wait(qtbot, window, OPENPYXL_BOOK)
    page = window.review_page
    labels = [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())]
    assert "Archives (masquée)" in labels and "Patients" in labels
    assert page.notice_label.isVisibleTo(window)
    assert "« Remarques internes »" in page.notice_label.text()
    index = page.sheet_combo.findData("Archives")
    page.sheet_combo.setCurrentIndex(index)
    page.sheet_combo.activated.emit(index)
    assert "masquée" in page.notice_label.text()
    assert {key[0] for key in window.session.pending_keys()} >= {"Patients", "Archives"}
    index = page.sheet_combo.findData("Suivi & notes")
    page.sheet_combo.setCurrentIndex(index)
    page.sheet_combo.activated.emit(index)
    assert not page.notice_label.isVisibleTo(window)


def test_an_xls_is_saved_as_xlsx_and_the_window_says_so(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from workbook_checks import LIBREOFFICE_XLS

    path = tmp_path / "cabinet.xls"
    shutil.copyfile(LIBREOFFICE_XLS, path)
    open_and_wait(qtbot, window, path)
    assert ".xlsx" in window.review_page.notice_label.text()
    assert window.session.default_copy_path().name == "cabinet-nettoye.xlsx"
    assert window.review.apply_suggestion(window.review_page.current_key())
    target = tmp_path / "cabinet-nettoye.xlsx"
    assert window.saving.save_copy_to(target)
    assert "format .xlsx" in window.statusBar().currentMessage()
    assert read_export(target).kind == "xlsx"
