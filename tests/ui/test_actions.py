"""Review actions beyond the one-click fix, and the app's behaviour on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from ui_helpers import open_and_wait

from huisclos.core.audit.events import describe
from huisclos.core.audit.log import open_log
from huisclos.core.detect import practice
from huisclos.ui import errors as errors_module
from huisclos.ui import saving
from huisclos.ui.dialogs import edit_comment


def test_manual_edit_is_rescanned_live_and_undoable(
    qtbot, window, first_comment, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _page, key = first_comment
    before = session.text(key)

    dialog = edit_comment.EditCommentDialog(session, key, parent=window)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Porteuse du VIH, RDV le matin")
    dialog.recheck()
    assert "Encore à revoir" in dialog.check.text()
    dialog.editor.setPlainText("RDV le matin")
    dialog.recheck()
    assert "Rien à signaler" in dialog.check.text()

    monkeypatch.setattr(
        edit_comment.EditCommentDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(edit_comment.EditCommentDialog, "text", lambda self: "RDV le matin")
    assert window.review.edit_comment(key)
    assert session.text(key) == "RDV le matin"
    assert not session.findings(key)
    window.menus.undo.trigger()
    assert session.text(key) == before


def test_ignore_is_an_undo_step_said_in_the_status_bar_and_journalled(
    window, first_comment
) -> None:
    session, _page, key = first_comment
    count = session.review_count()
    text = session.text(key)
    findings = list(session.findings(key))
    for finding in findings:
        assert window.review.ignore_finding(finding)
    assert session.text(key) == text
    assert session.review_count() == count - 1
    assert session.corrected_count() == 0
    assert window.menus.undo.isEnabled()
    assert "Passage ignoré" in window.statusBar().currentMessage()
    assert window.undo_notice.button.isVisibleTo(window)

    window.undo_notice.button.click()  # «Annuler» in the status bar
    assert session.review_count() == count
    assert not window.undo_notice.button.isVisibleTo(window)
    window.menus.redo.trigger()
    assert session.review_count() == count - 1
    assert window.saving.confirm_discard()  # nothing changed in the file: no question

    window.recorder.wait()
    with open_log() as log:
        events = [e for e in log.events() if e["event"] == "ignore"]
    actions = [e["payload"]["action"] for e in events]
    assert actions == ["apply"] * len(findings) + ["undo", "redo"]
    payload = events[0]["payload"]
    assert payload["rule"] == findings[0].rule and payload["row"] == key[1]
    assert findings[0].match not in json.dumps([e["payload"] for e in events])
    assert "passage ignoré" in describe(events[0])


def test_always_allow_a_term_goes_to_the_practice_allowlist(
    qtbot, window, leaked_export: Path
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    key = next(k for k in session.pending_keys() if k[1] == 3)  # «mère musulmane voilée»
    finding = next(f for f in session.findings(key) if f.category == "religion")
    asked: list[tuple[str, dict]] = []
    window.ask = lambda title, question, **options: asked.append((question, options)) or True  # type: ignore[method-assign]
    assert window.review.allow_term(finding)
    question, options = asked[0]
    assert options == {"default_yes": False}  # «Non» unless the user says otherwise
    assert "dans aucun fichier" in question
    assert finding.match in practice.load_allowlist()
    assert all(f.match != finding.match for f in session.findings(key))
    window.recorder.wait()
    with open_log() as log:
        (event,) = [e for e in log.events() if e["event"] == "settings_changed"]
    assert event["payload"]["rule"] == finding.rule
    assert finding.match not in json.dumps(event["payload"])


def test_saving_with_comments_left_offers_to_continue_the_review(
    qtbot, window, leaked_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    left: list[int] = []
    window.saving.ask_comments_left = lambda count: left.append(count) or False  # type: ignore[method-assign]
    dialogs: list[str] = []
    monkeypatch.setattr(
        saving.QFileDialog, "getSaveFileName", lambda *a, **k: dialogs.append("save") or ("", "")
    )
    window.saving.save_copy()
    assert left == [window.session.review_count()] and dialogs == []  # «Continuer la revue»
    window.saving.ask_comments_left = lambda count: True  # type: ignore[method-assign]
    window.saving.save_copy()
    assert dialogs == ["save"]  # «Enregistrer quand même»


def test_a_missing_file_gives_a_french_message_and_the_start_page(
    qtbot, window, tmp_path: Path, shown: list[str]
) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(tmp_path / "absent.csv")
    assert window.stack.currentWidget() is window.start_page
    assert shown and "introuvable" in shown[0]
    assert "Traceback" not in shown[0]


def test_a_binary_file_is_refused_without_a_traceback(
    qtbot, window, tmp_path: Path, shown: list[str]
) -> None:
    bad = tmp_path / "photo.csv"
    bad.write_bytes(bytes(range(256)) * 40)
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(bad)
    assert shown and "Traceback" not in shown[0] and "Error" not in shown[0]
    assert window.start_page.recent_list.count() == 0  # a file that failed is not «récent»


def test_cancel_returns_to_the_start_page(qtbot, window, leaked_export: Path) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.open_file(leaked_export)
        window.cancel_scan()
    assert window.stack.currentWidget() is window.start_page
    assert window.session is None


def test_closing_with_unsaved_corrections_asks(qtbot, window, leaked_export: Path) -> None:
    open_and_wait(qtbot, window, leaked_export)
    asked: list[bool] = []
    window.saving.ask_unsaved = lambda: (asked.append(True), "cancel")[1]  # type: ignore[method-assign]
    window.close()
    assert asked == []  # nothing changed yet: no question
    window.show()
    window.review.apply_all(None)
    window.close()
    assert asked == [True]
    assert window.isVisible()  # «Annuler» keeps the window open
    window.saving.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]


def test_unexpected_errors_become_a_french_dialog(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        errors_module,
        "show_error",
        lambda parent, error: shown.append(errors_module.error_message(error)),
    )
    errors_module._excepthook(ValueError, ValueError("boom"), None)
    assert shown and "inattendue" in shown[0] and "boom" not in shown[0]


def test_dropping_an_export_on_the_start_page_opens_it(qtbot, window, leaked_export: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(leaked_export))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.start_page.drop_zone.dropEvent(event)
    assert window.session is not None and window.session.path == leaked_export
    assert not window.review_page.progress.isVisible()  # a small file: no progress flash
    assert window.start_page.recent_list.item(0).text().splitlines()[0] == "patients.csv"


def test_changing_the_columns_rescans_and_keeps_edits(
    qtbot, window, leaked_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huisclos.ui.dialogs import columns as columns_module

    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    assert session.columns == {"": ["Commentaire administratif"]}
    key = session.pending_keys()[0]
    window.review.apply_suggestion(key)
    edited = session.text(key)

    monkeypatch.setattr(columns_module.ColumnsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        columns_module.ColumnsDialog,
        "selected",
        lambda self: {"": ["Nom", "Commentaire administratif"]},
    )
    with qtbot.waitSignal(window.scan_finished, timeout=30_000):
        window.change_columns()
    assert window.session is session
    assert session.columns == {"": ["Nom", "Commentaire administratif"]}
    assert "« Nom »" in window.review_page.columns_label.text()
    assert session.text(key) == edited  # the correction survived the new scan
    assert window.undo_stack.count() == 1


def test_a_broken_practice_term_file_warns_but_never_blocks_the_scan(
    qtbot, window, leaked_export: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from huisclos.core.datafolder import data_dir

    (data_dir() / practice.EXTRA_TERMS_FILE).write_text("[[rule]\nid = ", encoding="utf-8")
    open_and_wait(qtbot, window, leaked_export)
    assert window.session is not None and window.session.review_count() > 0
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and practice.EXTRA_TERMS_FILE in boxes[0].text()
