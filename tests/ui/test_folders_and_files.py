"""Finding one's way among files: dialogs open in the folder last used for that kind of file
(never the program's own folder), the practice name typed for a report is remembered, and a
generated exercise file can be opened at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from ui_helpers import open_and_wait

from huisclos.core import resources
from huisclos.core.detect.findings import Finding
from huisclos.core.report import preferences
from huisclos.core.report.figures import build_report
from huisclos.ui import folders, saving
from huisclos.ui.dialogs import exercise
from huisclos.ui.report_dialog import ReportDialog


def test_each_kind_of_file_has_its_own_last_folder(qapp, tmp_path: Path) -> None:
    reports, exports = tmp_path / "rapports", tmp_path / "exports"
    reports.mkdir()
    exports.mkdir()
    folders.remember("reports", reports / "rapport.pdf")
    folders.remember("exports", exports / "patients.csv")
    assert folders.last_folder("reports") == reports
    assert folders.last_folder("exports") == exports
    assert folders.last_folder("copies", fallback=exports) == exports  # not used yet


def test_a_copy_of_the_demo_is_never_proposed_inside_the_program(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huisclos.ui.main_window import demo_path

    open_and_wait(qtbot, window, demo_path())
    proposed: list[Path] = []
    monkeypatch.setattr(
        saving.QFileDialog,
        "getSaveFileName",
        lambda parent, title, default, kinds: proposed.append(Path(default)) or ("", ""),
    )
    window.saving.save_copy()
    (default,) = proposed
    assert default.name == "patients-demo-nettoye.csv"
    program = resources.resources_dir().resolve()
    assert program not in default.resolve().parents
    folders.remember("copies", program / "demo" / "copie.csv")  # refused: the program's
    assert program not in folders.last_folder("copies").resolve().parents


def test_the_practice_name_typed_for_a_report_is_remembered(qtbot, tmp_path: Path) -> None:
    finding = Finding(1, "Commentaire", 9, 13, "health", "high", "health.hiv", "sida")

    def build(practice: str, with_examples: bool):  # type: ignore[no-untyped-def]
        return build_report(
            file_name="export.csv", fingerprint="ab" * 32, rows=10, findings=[finding]
        )

    dialog = ReportDialog(build, preferences.practice_name())
    qtbot.addWidget(dialog)
    dialog.practice.setText("Cabinet des Tilleuls")
    assert dialog.save_as(".html", tmp_path / "rapport.html") is not None
    assert preferences.practice_name() == "Cabinet des Tilleuls"


def test_a_generated_exercise_file_can_be_opened_at_once(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "exercice.csv"

    def fake_exec(dialog: exercise.GenerateExerciseDialog) -> int:
        dialog.path.setText(str(target))
        dialog.patients.setValue(20)
        dialog.generate()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exercise.GenerateExerciseDialog, "exec", fake_exec)
    offered: list[bool] = []
    monkeypatch.setattr(
        exercise,
        "offer_to_open",
        lambda parent, title, path, can_open: offered.append(can_open) or True,
    )
    opened: list[Path] = []
    assert exercise.generate_exercise_file(None, open_file=opened.append) == target
    assert offered == [True] and opened == [target]
    assert folders.last_folder("exercises") == tmp_path
