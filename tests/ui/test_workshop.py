"""Workshop mode, «Pourquoi ?» and «Rapport…» as a trainer or a GP uses them: keyboard-only quiz
with a score, exercise files in three formats, help on every rule, a report saved as PDF/HTML."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from huisclos.core.detect.findings import Finding
from huisclos.core.report.figures import build_report
from huisclos.core.report.quiz import Quiz, QuizItem
from huisclos.ui.dialogs.exercise import GenerateExerciseDialog
from huisclos.ui.help_dialog import HelpDialog, show_help, show_help_for_finding
from huisclos.ui.report_dialog import ReportDialog
from huisclos.ui.workshop import RIGHT, WRONG, QuizView, WorkshopWindow
from practice_files import write_practice_csv


class FakeDetector:
    def detect(self, text: str, **_: object) -> list[Finding]:
        start = text.find("sida")
        if start < 0:
            return []
        return [
            Finding(0, "", start, start + 4, "health", "high", "health.hiv", "sida", ("emphasis",))
        ]


def _quiz() -> Quiz:
    items = [
        QuizItem("porteuse sida !!! !!!!", True, ("health",)),
        QuizItem("préfère RDV le matin", False),
        QuizItem("mère musulmane voilée", True, ("religion",)),
    ]
    return Quiz(items, detector=FakeDetector())


@pytest.fixture
def view(qtbot) -> QuizView:  # type: ignore[no-untyped-def]
    widget = QuizView(_quiz())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.setFocus()
    return widget


def test_the_quiz_runs_from_the_keyboard_and_ends_with_a_score(qtbot, view: QuizView) -> None:  # type: ignore[no-untyped-def]
    assert "porteuse sida" in view.comment.text()
    assert view.progress.text().startswith("Commentaire 1 sur 3")
    assert not view.reveal_box.isVisible()

    qtbot.keyClick(view, Qt.Key.Key_S)  # the room says «sensible»
    assert "sensible" in view.answer.text()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.reveal_box.isVisible()
    assert view.categories.text() == "Santé"
    assert "✓" in view.verdict.text()
    assert "background-color" in view.comment.text()  # the passage is highlighted
    assert "l'orientation" in view.explanation.text()  # apostrophes shown as typed
    assert "insistance" in view.explanation.text() or "excessif" in view.explanation.text()

    qtbot.keyClick(view, Qt.Key.Key_P)  # «Pourquoi ?» on the rule of this comment
    help_window = view.window().findChild(HelpDialog)
    assert help_window is not None and help_window.isVisible()
    assert help_window.current_topic() == "gdpr_art9"  # health: a special category
    help_window.close()
    view.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.progress.text().startswith("Commentaire 2 sur 3")
    assert not view.reveal_box.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_S)  # wrong: it is benign
    qtbot.keyClick(view, Qt.Key.Key_Space)
    verdict = view.verdict.text()
    assert "✗ Mauvaise réponse" in verdict and "Rien à redire" in verdict  # the right answer
    assert WRONG in verdict and RIGHT not in verdict  # red, never green

    qtbot.keyClick(view, Qt.Key.Key_Left)  # back to the first one, still revealed
    assert view.progress.text().startswith("Commentaire 1 sur 3")
    assert view.reveal_box.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_N)  # wrong again
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the last comment: Right reveals first
    assert view.reveal_box.isVisible()
    with qtbot.waitSignal(view.finished, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.score_label.isVisible()
    assert "1 / 3" in view.score_label.text()
    assert not view.comment.isVisible()
    # centred on the screen, large enough for the back of the room
    score = view.score_label.geometry()
    assert abs(score.center().y() - view.height() // 2) < view.height() // 6
    assert f"font-size: {view._px(160)}px" in view.score_label.text() and view._px(160) >= 120

    qtbot.keyClick(view, Qt.Key.Key_Left)  # back from the score to the last comment
    assert not view.score_label.isVisible()
    assert view.comment.isVisible()


def test_the_quiz_view_fits_a_projector_screen(view: QuizView) -> None:
    """At 1366×768 the comment is large and nothing spills out of the window."""
    assert view.comment.font().pixelSize() >= 40
    assert view.explanation.font().pixelSize() >= 18
    view.reveal()
    for label in (view.comment, view.verdict, view.explanation, view.keys):
        bottom = label.mapTo(view, label.rect().bottomLeft()).y()
        assert bottom <= view.height(), label.objectName()


def test_the_type_follows_the_window_size(qtbot, view: QuizView) -> None:  # type: ignore[no-untyped-def]
    large = view.comment.font().pixelSize()
    view.resize(1920, 1080)
    qtbot.wait(10)
    assert view.comment.font().pixelSize() > large


def test_the_workshop_starts_a_quiz_of_the_chosen_length_and_escape_goes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = WorkshopWindow()
    qtbot.addWidget(window)
    window.show()
    # the platform adds «— Huis clos» after a title that does not end with it: said once
    assert window.windowTitle().endswith("Huis clos")
    assert window.windowTitle().count("Huis clos") == 1
    window.count.setValue(5)
    window.share.setValue(40)
    view = window.start_quiz()
    assert len(view.quiz) == 5
    assert sum(item.sensitive for item in view.quiz.items) == 2
    assert window.stack.currentWidget() is view
    window._escape()
    assert window.stack.currentWidget() is window.setup


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("csv-cp1252", "exercice.csv"), ("csv-utf8", "exercice.csv"), ("xlsx", "exercice.xlsx")],
)
def test_an_exercise_file_is_generated_in_the_chosen_format(
    qtbot,
    tmp_path: Path,
    fmt: str,
    name: str,  # type: ignore[no-untyped-def]
) -> None:
    from huisclos.core.exports.reading import read_export

    dialog = GenerateExerciseDialog()
    qtbot.addWidget(dialog)
    dialog.patients.setValue(40)
    dialog.share.setValue(25)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(tmp_path / name))
    dialog.generate()
    target = tmp_path / name
    assert dialog.written == target and target.is_file()
    export = read_export(target)
    assert len(export.table) == 40
    if fmt == "csv-cp1252":
        with target.open(encoding="cp1252", newline="") as handle:
            header = next(csv.reader(handle, delimiter=";"))
        assert "Commentaire administratif" in header
    if fmt == "csv-utf8":
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_choosing_xlsx_changes_the_file_extension(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = GenerateExerciseDialog()
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "atelier.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.path.text().endswith("atelier.xlsx")


def test_why_help_opens_on_the_rule_of_a_finding(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = show_help(None, "gdpr_art10")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, HelpDialog)
    assert "article 10" in dialog.text.toPlainText()
    hearsay = Finding(1, "C", 0, 6, "sex_life", "high", "sex_life.x", "serait", ("hearsay",))
    same = show_help_for_finding(None, hearsay)
    assert same is dialog  # one help window, brought forward
    assert "L1111-7" in dialog.text.toPlainText()
    condition = Finding(1, "C", 0, 5, "health", "low", "health.hearing", "sourd")
    show_help_for_finding(None, condition)
    assert "plain-pied" in dialog.text.toPlainText()
    dialog.close()


def test_the_report_dialog_previews_and_saves_pdf_and_html(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, bool]] = []
    finding = Finding(1, "Commentaire", 9, 13, "health", "high", "health.hiv", "sida")

    def build(practice: str, with_examples: bool):  # type: ignore[no-untyped-def]
        calls.append((practice, with_examples))
        return build_report(
            file_name="export.csv",
            fingerprint="ab" * 32,
            rows=10,
            findings=[finding],
            practice=practice,
            examples_from=[("porteuse sida !!! !!!!", [finding])] if with_examples else None,
        )

    dialog = ReportDialog(build, "Cabinet des Tilleuls")
    qtbot.addWidget(dialog)
    assert "Cabinet des Tilleuls" in dialog.preview.toPlainText()
    assert "sida" not in dialog.preview.toPlainText()
    dialog.examples.setChecked(True)
    assert calls[-1] == ("Cabinet des Tilleuls", True)
    assert "[santé]" in dialog.preview.toPlainText()
    assert "sida" not in dialog.preview.toPlainText()

    pdf = dialog.save_as(".pdf", tmp_path / "rapport.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    html = dialog.save_as(".html", tmp_path / "rapport.html")
    assert html is not None and "Exemples masqués" in html.read_text(encoding="utf-8")
    assert "Rapport enregistré" in dialog.status.text()


def test_help_opens_again_after_its_window_was_destroyed(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = show_help(None, "judgement")
    first.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))
    second = show_help(None, "functional_need")
    qtbot.addWidget(second)
    assert second.current_topic() == "functional_need"


# --- hooks into the main window --------------------------------------------------------------


def test_the_window_offers_report_workshop_help_and_warns_about_the_location(
    qtbot,
    window,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from ui_helpers import ROWS, open_and_wait

    menus = window.menus
    report, workshop, exercise, rules = menus.report, menus.workshop, menus.exercise, menus.rules
    assert {report, workshop, exercise} <= set(menus.tools_menu.actions())
    assert menus.help_menu.actions()[0] is rules
    assert not report.isEnabled()  # nothing opened yet

    downloads = tmp_path / "Téléchargements"
    downloads.mkdir()
    path = write_practice_csv(
        downloads / "patients.csv",
        "Dossier;Nom;Prénom;Date de naissance;Commentaire administratif",
        ROWS,
    )
    open_and_wait(qtbot, window, path)
    warnings = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(warnings) == 1 and "Téléchargements" in warnings[0].text()
    assert "supprimez-le" in warnings[0].text()
    warnings[0].close()
    window.session_changed.emit()  # the same file again: no second warning
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]

    assert report.isEnabled()
    report.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.preview.toPlainText()
    assert "patients.csv" in text and "Santé" in text
    for _number, surname, first_name, _born, comment in ROWS:
        assert surname not in text and first_name not in text and comment not in text
    dialog.close()

    rules.trigger()
    assert window.findChild(HelpDialog) is not None
    window.findChild(HelpDialog).close()


def test_an_exercise_file_in_a_missing_folder_is_refused_in_french(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = GenerateExerciseDialog()
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "absent" / "exercice.csv"))
    dialog.generate()
    assert shown and "n'existe pas" in shown[0]
    assert dialog.written is None
    assert QApplication.overrideCursor() is None  # the wait cursor is gone
