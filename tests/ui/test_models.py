"""The review screen's models are sound Qt models and show what the session holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from huisclos.core.review.session import ReviewSession
from huisclos.ui.models import (
    FINDINGS_ROLE,
    CategoryModel,
    PatientTableModel,
    ReviewFilterProxy,
)
from review_sessions import reviewed


def test_patient_model_and_filter_pass_the_model_tester(qtmodeltester, leaked_export: Path) -> None:
    session = reviewed(leaked_export)
    model = PatientTableModel()
    model.set_session(session)
    qtmodeltester.check(model)
    proxy = ReviewFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.set_review_only(False)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def filtered(path: Path) -> tuple[ReviewSession, PatientTableModel, ReviewFilterProxy]:
    """The review session of ``path``, its table model and the filter in front of it."""
    session = reviewed(path)
    model = PatientTableModel()
    model.set_session(session)
    proxy = ReviewFilterProxy()
    proxy.setSourceModel(model)
    return session, model, proxy


def test_category_model_passes_the_model_tester(qtmodeltester, leaked_export: Path) -> None:
    model = CategoryModel()
    model.set_summaries(reviewed(leaked_export).category_summaries())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Toutes les catégories"


def test_the_filter_shows_only_comments_to_review_and_follows_edits(leaked_export: Path) -> None:
    session, model, proxy = filtered(leaked_export)
    assert model.rowCount() == proxy.rowCount() == session.review_count()
    proxy.set_only_to_review(False)
    assert proxy.rowCount() == 10
    proxy.set_only_to_review(True)
    assert proxy.rowCount() == session.review_count()

    key = session.pending_keys()[0]
    batch = session.suggestion_batch(key)
    keys = session.apply(batch)
    model.refresh_cells(keys)
    assert proxy.rowCount() == session.review_count()
    column = model.column_of(key[2])
    if session.findings(key):
        assert model.index_of(key[1], column).data(FINDINGS_ROLE) == session.findings(key)
    else:  # fixed: the row leaves the list; shown as «Corrigé» with every row
        assert not model.index_of(key[1], column).isValid()
        proxy.set_only_to_review(False)
        assert model.index_of(key[1], 0).data(Qt.ItemDataRole.DisplayRole) == "Corrigé"


def test_category_filter_keeps_rows_of_that_category(leaked_export: Path) -> None:
    session, _model, proxy = filtered(leaked_export)
    summary = session.category_summaries()[0]
    proxy.set_category(summary.category)
    assert proxy.rowCount() == summary.cells


def test_rows_found_after_the_listed_ones_are_inserted_keeping_the_selection(
    leaked_export: Path, monkeypatch
) -> None:
    """A scan's update adds its rows after those already listed, however many they are: they
    are inserted in one go, the table is not reset and the comment selected stays selected."""
    from PySide6.QtCore import QItemSelectionModel

    full = reviewed(leaked_export)
    findings = full.all_findings()
    session = ReviewSession(full.export, detector=full.detector, columns=full.columns)
    model = PatientTableModel()
    model.set_session(session)
    proxy = ReviewFilterProxy()
    proxy.setSourceModel(model)
    monkeypatch.setattr(PatientTableModel, "BULK", 1)
    first_row = findings[0].row
    model.refresh_cells(session.add_findings([f for f in findings if f.row == first_row]))
    selection = QItemSelectionModel(proxy)
    selection.setCurrentIndex(proxy.index(0, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    keys = session.add_findings([f for f in findings if f.row != first_row])
    model.refresh_cells(keys)

    assert len({key[1] for key in keys}) > PatientTableModel.BULK
    assert not resets and model.rowCount() == proxy.rowCount() == session.review_count()
    assert selection.currentIndex().row() == 0
    assert model.row_number(proxy.mapToSource(selection.currentIndex())) == first_row
