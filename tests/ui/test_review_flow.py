"""The desktop app as a secretary uses it: open, review, fix in one click, undo, save, log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from ui_helpers import LEAKED, open_and_wait

from huisclos.core.exports.reading import read_export
from huisclos.ui.dialogs.journal import JournalDialog
from huisclos.ui.models import display_text


def _comment_index(page, row_in_view: int):  # type: ignore[no-untyped-def]
    column = page.model.column_of(page.model.comment_columns[0])
    return page.proxy.index(row_in_view, column)


def test_the_demo_opens_from_the_start_screen_and_shows_findings(qtbot, window) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    page = window.review_page
    assert window.stack.currentWidget() is page
    session = window.session
    assert session is not None and session.review_count() > 0
    assert "à revoir sur" in page.summary_label.text()
    # only the comments to review are listed, and the first one is already selected
    assert page.only_to_review.isChecked()
    assert page.proxy.rowCount() == page.model.rows_to_review() > 0
    assert page.detail.key is not None and session.findings(page.detail.key)
    assert page.category_model.rowCount() >= 2  # «Toutes les catégories» + at least one


def test_the_four_leaked_comments_are_flagged_and_benign_ones_are_not(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    flagged = {key[1] for key in session.pending_keys()}
    assert {1, 2, 3, 4} <= flagged
    assert not {5, 8, 9, 10} & flagged  # appointment, contact, door code, missed RDV
    summary = window.review_page.summary_label.text()
    assert "sur 10 patients" in summary and "0 commentaire corrigé" in summary


def test_apply_with_one_click_then_undo_and_redo(qtbot, window, first_comment) -> None:
    session, page, key = first_comment
    before = session.text(key)
    expected = session.suggestions(key)[0].text
    assert page.detail.after.text().endswith(expected) or not expected

    qtbot.mouseClick(page.detail.apply_button, Qt.MouseButton.LeftButton)

    assert session.text(key) == expected
    column = page.model.column_of(key[2])
    page.only_to_review.setChecked(False)  # every row listed: the fixed comment shows its text
    assert page.model.index_of(key[1], column).data() == display_text(expected)
    page.only_to_review.setChecked(True)
    assert "1 commentaire corrigé" in page.summary_label.text()
    assert window.isWindowModified()

    window.menus.undo.trigger()
    assert session.text(key) == before
    assert page.model.index_of(key[1], column).data() == display_text(before)
    assert "0 commentaire corrigé" in page.summary_label.text()

    window.menus.redo.trigger()
    assert session.text(key) == expected


def test_enter_applies_the_suggestion_of_the_selected_comment(qtbot, window, first_comment) -> None:
    session, page, key = first_comment
    expected = session.suggestions(key)[0].text
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert session.text(key) == expected


def test_f8_and_shift_f8_walk_through_the_comments_to_review(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page = window.review_page
    page.select_row(0)
    first = page.current_key()
    window.menus.next.trigger()
    second = page.current_key()
    assert second is not None and second[1] > first[1]
    window.menus.previous.trigger()
    assert page.current_key() == first
    assert window.menus.next.shortcut().toString() == "F8"
    assert window.menus.previous.shortcut().toString() == "Shift+F8"


def test_apply_all_in_one_category_is_one_undo_step(qtbot, window, leaked_export: Path) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page, session = window.review_page, window.session
    category = session.category_summaries()[0].category
    keys = [
        k
        for k in session.pending_keys()
        if any(f.category == category for f in session.findings(k))
    ]
    originals = {k: session.text(k) for k in keys}
    page.category_view.selectRow(page.category_model.row_of(category))
    assert page.proxy.category == category
    qtbot.mouseClick(page.apply_category_button, Qt.MouseButton.LeftButton)

    assert window.undo_stack.count() == 1
    changed = [k for k in keys if session.text(k) != originals[k]]
    assert changed, "«Tout appliquer» changed nothing"
    for k in keys:
        assert all(f.category != category or f.severity == "low" for f in session.findings(k)), (
            "a rewrite was flagged again"
        )

    window.menus.undo.trigger()
    assert {k: session.text(k) for k in keys} == originals


def test_saving_a_copy_writes_exactly_what_the_core_writes(
    qtbot, window, leaked_export: Path, tmp_path: Path
) -> None:
    original_bytes = leaked_export.read_bytes()
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    assert session.default_copy_path().name == "patients-nettoye.csv"
    window.review.apply_all(None)
    assert session.corrected_count() > 0
    target = tmp_path / "out" / "patients-nettoye.csv"
    target.parent.mkdir()

    assert window.saving.save_copy_to(target)

    expected = tmp_path / "expected.csv"
    read_export(leaked_export).write_copy(session.net_edits(), expected)
    assert target.read_bytes() == expected.read_bytes()
    assert leaked_export.read_bytes() == original_bytes  # the original is never written
    assert not window.isWindowModified()
    for comment in LEAKED[:1]:
        assert comment.encode("cp1252") not in target.read_bytes()


def test_the_original_file_is_never_overwritten(
    qtbot, window, leaked_export: Path, shown: list[str]
) -> None:
    original_bytes = leaked_export.read_bytes()
    open_and_wait(qtbot, window, leaked_export)
    window.review.apply_all(None)
    assert not window.saving.save_copy_to(leaked_export)
    assert leaked_export.read_bytes() == original_bytes
    assert shown and "origine" in shown[0]


def test_exporting_the_correction_list(qtbot, window, leaked_export: Path, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    window.review.apply_all(None)
    target = tmp_path / "corrections.csv"
    assert window.saving.export_worklist_to(target)
    expected = tmp_path / "expected-corrections.csv"
    session.write_worklist(expected)
    assert target.read_bytes() == expected.read_bytes()
    text = target.read_bytes().decode("cp1252", errors="replace")
    assert "MARTIN" in text  # identity columns help find the patient in the practice software


def test_the_journal_lists_the_session_and_verifies(
    qtbot, window, leaked_export: Path, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    window.review_page.select_row(0)
    window.review.apply_suggestion()
    window.saving.save_copy_to(tmp_path / "copie.csv")
    window.recorder.wait()

    dialog = JournalDialog(window, window.pool)
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 3, timeout=20_000)
    kinds = [event["event"] for event in dialog.events]
    assert kinds[:3] == ["scan", "edit", "save_copy"]
    shown = " ".join(
        dialog.table.item(row, col).text()
        for row in range(dialog.table.rowCount())
        for col in range(4)
    )
    for comment in LEAKED:
        assert comment not in shown
    assert "MARTIN" not in shown

    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=20_000)
    assert dialog.last_result.ok
    assert "intègre" in dialog.status.text()

    export = tmp_path / "journal.csv"
    dialog.export_to(export)
    qtbot.waitUntil(lambda: "exporté" in dialog.status.text(), timeout=20_000)
    assert export.exists()
    dialog.wait()


def test_save_with_a_journal_that_refuses_writes_nothing_and_says_so(
    qtbot, window, leaked_export: Path, tmp_path: Path, huisclos_home: Path, shown: list[str]
) -> None:
    import sqlite3

    open_and_wait(qtbot, window, leaked_export)
    window.review.apply_all(None)
    window.recorder.wait()
    connection = sqlite3.connect(huisclos_home / "journal.sqlite", isolation_level=None)
    connection.execute("DROP TRIGGER records_refuse_update")
    connection.execute("UPDATE records SET hash = zeroblob(32) WHERE seq = 1")
    connection.close()
    target = tmp_path / "copie.csv"

    assert not window.saving.save_copy_to(target)
    assert not window.saving.export_worklist_to(tmp_path / "liste.csv")

    assert sorted(path.name for path in tmp_path.iterdir()) == ["patients.csv"]
    assert shown and "rien n'a été écrit" in shown[0]
    assert window.isWindowModified()  # the corrections are still to save


def test_apply_all_on_many_comments_is_prepared_in_the_background_as_one_undo_step(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """With many comments to review, «Tout appliquer» prepares the rewrites on the pool (the
    window stays responsive, its actions disabled meanwhile) and gives exactly the batch the
    core makes, as one undo step."""
    from huisclos.ui import review_actions

    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    keys = session.pending_keys()
    originals = {k: session.text(k) for k in keys}
    expected = {edit.key: edit.after for edit in session.bulk_batch()}
    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)

    assert window.review.apply_all(None)
    assert window.review.bulk is not None
    assert not window.menus.undo.isEnabled() and not window.review_page.isEnabled()
    assert window.review.wait_for_apply(30_000)

    assert window.review.bulk is None and window.review_page.isEnabled()
    assert window.undo_stack.count() == 1
    assert {k: session.text(k) for k in expected} == expected
    window.menus.undo.trigger()
    assert {k: session.text(k) for k in keys} == originals


def test_apply_all_in_the_background_waits_for_the_window_after_each_progress_step(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """While «Tout appliquer» is prepared, the job pauses after each progress report until the
    window has shown it: were it to run on, each Python call of the window's repaints (the
    table's model and delegate, hundreds of them) would wait for the interpreter lock, and on a
    large file the window froze for seconds."""
    import time

    from huisclos.ui import bulk_apply, review_actions

    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    expected = {edit.key: edit.after for edit in session.bulk_batch()}
    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    # a slow machine waits rather than races
    monkeypatch.setattr(bulk_apply, "RESUME_TIMEOUT", 30.0)
    reports: list[int] = []  # what the job has reported so far
    seen: list[tuple[int, int, int]] = []  # (report, reports made before / after handling it)
    real_batch = session.bulk_batch

    def bulk_batch(category=None, label="", progress=None):  # type: ignore[no-untyped-def]
        for done in range(5):
            reports.append(done)
            progress(done, 5)
        return real_batch(category, label)

    show = bulk_apply.BulkPreparation._show_progress

    def showing(self, done: int, total: int) -> None:  # type: ignore[no-untyped-def]
        before = len(reports)
        time.sleep(0.02)  # the window busy with the update
        seen.append((done, before, len(reports)))
        show(self, done, total)

    monkeypatch.setattr(session, "bulk_batch", bulk_batch)
    monkeypatch.setattr(bulk_apply.BulkPreparation, "_show_progress", showing)

    assert window.review.apply_all(None)
    assert window.review.wait_for_apply(30_000)

    assert seen == [(done, done + 1, done + 1) for done in range(5)]
    assert {k: session.text(k) for k in expected} == expected


def test_cancelling_apply_all_changes_nothing(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    from huisclos.ui import review_actions

    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    originals = {k: session.text(k) for k in session.pending_keys()}
    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    monkeypatch.setattr(session, "bulk_batch", _slow(session.bulk_batch))

    assert window.review.apply_all(None)
    window.review.bulk.dialog.canceled.emit()  # the dialog's «Annuler»
    assert window.review.wait_for_apply(30_000)

    assert window.undo_stack.count() == 0 and window.review_page.isEnabled()
    assert {k: session.text(k) for k in originals} == originals


def _slow(bulk_batch):  # type: ignore[no-untyped-def]
    """``bulk_batch`` whose progress reports come slowly, so a cancel lands in the middle."""
    import time

    def slowed(category=None, label="", progress=None):  # type: ignore[no-untyped-def]
        def report(done: int, total: int) -> None:
            time.sleep(0.2)
            progress(done, total)

        return bulk_batch(category, label, report if progress else None)

    return slowed


def test_in_a_category_view_the_panel_shows_what_tout_appliquer_will_write(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    page, session = window.review_page, window.session
    key = next(k for k in session.pending_keys() if session.text(k) == LEAKED[3])
    page.category_view.selectRow(page.category_model.row_of("religion"))
    row = next(
        r
        for r in range(page.proxy.rowCount())
        if page.model.cell_key(page.proxy.mapToSource(_comment_index(page, r))) == key
    )
    page.select_row(row)
    assert page.detail.key == key
    filtered = session.suggestions(key, category="religion")[0].text
    assert "suicidés" in filtered and filtered != session.suggestions(key)[0].text
    assert page.detail.after.text().endswith(filtered)
    assert page.detail.left.isVisible() and "suicidés" in page.detail.left.text()
    questions: list[str] = []
    window.ask = lambda title, question: questions.append(question) or True  # type: ignore
    qtbot.mouseClick(page.apply_category_button, Qt.MouseButton.LeftButton)
    assert session.text(key) == filtered  # «Tout appliquer : Religion» = the panel's proposal
    assert "des passages d'autres catégories, à revoir ensuite" in questions[0]
    # Back to every category: the panel's proposal is the unfiltered one.
    page.category_view.selectRow(0)
    window.menus.undo.trigger()
    page.select_row(0)
    shown = page.detail.key
    assert shown is not None and not page.detail.left.isVisible()
    assert page.detail.after.text().endswith(session.suggestions(shown)[0].text) or not (
        session.suggestions(shown)[0].text
    )


def test_the_review_says_how_the_file_was_read(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "titre-mixte.csv"
    lines = ["Liste des patients au 12/03/2025", "", "N° dossier;NOM;Prénom;Commentaire"]
    lines += [f"{1000 + n};DURAND;Hélène;préfère être appelée le matin" for n in range(10)]
    path.write_bytes(
        ("\r\n".join(lines) + "\r\n").encode("cp1252") + "2001;MARTIN;Zoé;séropositive\r\n".encode()
    )
    open_and_wait(qtbot, window, path)
    notice = window.review_page.notice_label
    assert not notice.isHidden()
    assert "l'en-tête est à la ligne 3" in notice.text().lower()
    assert "Encodage mélangé : 1 ligne(s) en UTF-8" in notice.text()
    assert window.session.text(("", 11, "Commentaire")) == "séropositive"
