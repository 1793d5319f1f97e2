"""«Générer un fichier d'exercice…»: N fictional patients (Faker fr_FR) with a chosen share of
sensitive comments, as CSV «;» Windows-1252, CSV UTF-8 or XLSX, through
:func:`huisclos.core.demo.synthetic.write_export` (the same as ``huisclos demo --generate``).

Entry point: :func:`generate_exercise_file(parent)`. Threading: GUI thread only; a wait cursor
shows while a large file is generated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.demo.synthetic import write_export
from ...core.errors import HuisclosError
from .. import folders
from ..questions import ask_choice
from ..style import number_box, paragraph
from . import answer_buttons

FORMATS: tuple[tuple[str, str, str], ...] = (
    ("csv-cp1252", "CSV « ; » Windows-1252 (logiciels de cabinet)", ".csv"),
    ("csv-utf8", "CSV UTF-8", ".csv"),
    ("xlsx", "Excel (.xlsx)", ".xlsx"),
)


class GenerateExerciseDialog(QDialog):
    """Choose how many fictional patients, the share of sensitive comments and the format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Générer un fichier d'exercice"))
        self.setObjectName("generateExerciseDialog")
        intro = paragraph(
            self.tr(
                "Un export fictif pour s'entraîner : patients inventés (noms, adresses, "
                "téléphones), commentaires tirés du lexique et d'exemples étiquetés. Aucun "
                "patient réel."
            ),
            self,
        )
        self.patients = number_box(
            self, (10, 100_000), 500, self.tr("Nombre de patients"), step=100
        )
        self.share = number_box(
            self, (0, 100), 10, self.tr("Part de commentaires sensibles"), suffix=" %"
        )
        self.format = QComboBox(self)
        for key, label, _suffix in FORMATS:
            self.format.addItem(self.tr(label), key)
        self.format.setAccessibleName(self.tr("Format du fichier"))
        self.format.setAccessibleDescription(
            self.tr("CSV comme les logiciels de cabinet, ou classeur Excel")
        )
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Fichier à créer"))
        self.path.setAccessibleDescription(self.tr("Le chemin du fichier d'exercice à écrire"))
        self.path.setText(str(folders.in_last_folder("exercises", "exercice-huisclos.csv")))
        browse = QPushButton(self.tr("Parcourir…"), self)
        browse.setToolTip(self.tr("Choisir où enregistrer le fichier"))
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._sync_suffix)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Patients fictifs :"), self.patients)
        form.addRow(self.tr("Commentaires sensibles :"), self.share)
        form.addRow(self.tr("Format :"), self.format)
        form.addRow(self.tr("Fichier :"), where)
        self.buttons = answer_buttons(self, self.tr("Générer"), self.generate, self.tr("Annuler"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.written: Path | None = None
        self.resize(560, self.sizeHint().height())

    def format_key(self) -> str:
        return str(self.format.currentData())

    def _suffix(self) -> str:
        return next(suffix for key, _label, suffix in FORMATS if key == self.format_key())

    def _sync_suffix(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(self._suffix())))

    def _browse(self) -> None:
        suffix = self._suffix()
        pattern = "Excel (*.xlsx)" if suffix == ".xlsx" else "CSV (*.csv)"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le fichier d'exercice"), self.path.text(), pattern
        )
        if chosen:
            self.path.setText(str(Path(chosen).with_suffix(suffix)))

    def generate(self) -> None:
        """Write the file; errors are shown in French and the dialog stays open."""
        text = self.path.text().strip()
        if not text:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choisissez où enregistrer."))
            return
        target = Path(text)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big file takes a while
        try:
            write_exercise(
                target, self.patients.value(), self.share.value() / 100, self.format_key()
            )
        except HuisclosError as error:
            problem = error.message
        except OSError as error:
            problem = self.tr("Le fichier n'a pas pu être écrit : {error}").format(
                error=error.strerror or error
            )
        else:
            problem = ""
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        self.written = target
        folders.remember("exercises", target)
        self.accept()


def write_exercise(path: Path, patients: int, share: float, fmt: str) -> Path:
    """Write an exercise export through the synthetic generator (same as ``demo --generate``)."""
    write_export(path, patients, share, fmt)
    return path


def generate_exercise_file(
    parent: QWidget | None = None, open_file: Callable[[Path], None] | None = None
) -> Path | None:
    """Show «Générer un fichier d'exercice…»; returns the written file, or None if cancelled.
    With ``open_file``, offers to open the new file at once («Ouvrir maintenant»)."""
    dialog = GenerateExerciseDialog(parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
        if offer_to_open(parent, dialog.windowTitle(), dialog.written, open_file is not None):
            assert open_file is not None
            open_file(dialog.written)
        return dialog.written
    return None


def offer_to_open(parent: QWidget | None, title: str, path: Path, can_open: bool) -> bool:
    """«Fichier d'exercice enregistré» with «Ouvrir maintenant» (the default) and «Fermer»;
    True when the user chose to open it."""
    translate = QCoreApplication.translate
    choices = [
        ("close", translate("GenerateExerciseDialog", "Fermer"), QMessageBox.ButtonRole.RejectRole)
    ]
    if can_open:
        opening = translate("GenerateExerciseDialog", "Ouvrir maintenant")
        choices.insert(0, ("open", opening, QMessageBox.ButtonRole.AcceptRole))
    text = translate("GenerateExerciseDialog", "Fichier d'exercice enregistré :\n{path}")
    answer = ask_choice(
        parent,
        title,
        text.format(path=path),
        choices,
        default="open" if can_open else "close",
        icon=QMessageBox.Icon.Information,
    )
    return answer == "open"
