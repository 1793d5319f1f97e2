"""Writing what the review produced: the cleaned copy and the correction list, and the
question asked when corrections would be lost.

Both writes are one core call (:func:`~huisclos.core.review.saving.save_outputs`), the one the
command line makes: the file is prepared, journalled, then renamed — never a copy or a list
without its journal record (a refusing journal means nothing is written, and the user is told).

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ..core.errors import HuisclosError
from ..core.review.saving import save_outputs
from . import folders
from .errors import show_error
from .labels import format_number
from .questions import ask_choice

if TYPE_CHECKING:
    from .main_window import MainWindow


def copy_filters(kind: str, suffix: str) -> str:
    """The save dialog's file types for the cleaned copy of an export of ``kind``."""
    if kind == "xls":
        return QCoreApplication.translate(
            "MainWindow", "Classeur Excel (*.xlsx) — le format .xls ne peut pas être modifié"
        )
    if kind == "ods":
        return QCoreApplication.translate(
            "MainWindow", "LibreOffice Calc (*.ods);;Classeur Excel, textes seulement (*.xlsx)"
        )
    return QCoreApplication.translate("MainWindow", "Même format que l'original (*{0})").format(
        suffix
    )


def format_change_note() -> str:
    """What a copy in another format than the original keeps and loses (one line)."""
    return QCoreApplication.translate(
        "MainWindow",
        "Elle est au format .xlsx et reprend les textes tels qu'ils s'affichent, cellule par "
        "cellule (mise en forme, formules, images et notes non reprises).",
    )


class Saving:
    """The window's «Enregistrer une copie nettoyée» and «Exporter la liste de corrections»."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _save_as(
        self, title: str, default: Path, kinds: str, write: Callable[[Path], bool]
    ) -> None:
        """Ask where to save (``kinds``: the dialog's file filter), then ``write`` there."""
        default = folders.in_last_folder("copies", default.name, default.parent)
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(default), kinds)
        if path:
            folders.remember("copies", Path(path))
            write(Path(path))

    def save_copy(self) -> None:
        if (session := self.window.session) is not None:
            left = session.review_count()
            if left and not self.ask_comments_left(left):
                self.window.step(True)  # «Continuer la revue»: on to the next comment
                return
            self._save_as(
                QCoreApplication.translate("MainWindow", "Enregistrer une copie nettoyée"),
                session.default_copy_path(),
                copy_filters(session.export.kind, session.path.suffix),
                self.save_copy_to,
            )

    def save_copy_to(self, path: Path) -> bool:
        """Write the cleaned copy (never the original) and log it."""
        session = self.window.session
        if session is None:
            return False
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.window.recorder.wait()  # the edits' events first, in order
            save_outputs(session, copy=path)
        except (HuisclosError, OSError) as error:
            QApplication.restoreOverrideCursor()
            show_error(self.window, error)
            return False
        QApplication.restoreOverrideCursor()
        self.window.undo_stack.setClean()
        corrected = session.corrected_count()
        message = (
            QCoreApplication.translate(
                "MainWindow", "Copie nettoyée enregistrée : {0} ({1} commentaire corrigé)."
            )
            if corrected <= 1
            else QCoreApplication.translate(
                "MainWindow", "Copie nettoyée enregistrée : {0} ({1} commentaires corrigés)."
            )
        ).format(path.name, format_number(corrected))
        if session.export.copy_note(path):
            message += " " + format_change_note()
        self.window.statusBar().showMessage(message, 20_000)
        return True

    def export_worklist(self) -> None:
        if (session := self.window.session) is not None:
            self._save_as(
                QCoreApplication.translate("MainWindow", "Exporter la liste de corrections"),
                session.path.with_name(f"{session.path.stem}-corrections.csv"),
                QCoreApplication.translate("MainWindow", "Tableur CSV (*.csv)"),
                self.export_worklist_to,
            )

    def export_worklist_to(self, path: Path) -> bool:
        """Write the correction list a secretary works through in the practice software."""
        session = self.window.session
        if session is None:
            return False
        try:
            self.window.recorder.wait()
            saved = save_outputs(session, worklist=path).worklist
        except (HuisclosError, OSError) as error:
            show_error(self.window, error)
            return False
        assert saved is not None
        if not saved.same_encoding:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("MainWindow", "Liste de corrections"),
                QCoreApplication.translate(
                    "MainWindow",
                    "Certains caractères n'existent pas dans l'encodage de votre export : la "
                    "liste a été enregistrée en UTF-8.",
                ),
            )
        message = (
            QCoreApplication.translate(
                "MainWindow", "Liste de corrections enregistrée : {0} ({1} ligne)."
            )
            if saved.entries <= 1
            else QCoreApplication.translate(
                "MainWindow", "Liste de corrections enregistrée : {0} ({1} lignes)."
            )
        )
        self.window.statusBar().showMessage(
            message.format(path.name, format_number(saved.entries)), 10_000
        )
        return True

    def confirm_discard(self) -> bool:
        """With unsaved corrections, ask: save a copy, drop them, or stay (ignored passages
        alone change nothing in the file: nothing to ask)."""
        session = self.window.session
        if session is None or self.window.undo_stack.isClean() or not session.corrected_count():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            self.save_copy()
            return self.window.undo_stack.isClean()
        return answer == "discard"

    def ask_comments_left(self, left: int) -> bool:
        """Comments are still to review: «Enregistrer quand même» (True) or «Continuer la
        revue» (False, the default). Tests replace it."""
        text = (
            QCoreApplication.translate(
                "MainWindow", "Il reste {0} commentaire à revoir. La copie le gardera tel quel."
            )
            if left == 1
            else QCoreApplication.translate(
                "MainWindow",
                "Il reste {0} commentaires à revoir. La copie les gardera tels quels.",
            )
        ).format(format_number(left))
        answer = ask_choice(
            self.window,
            QCoreApplication.translate("MainWindow", "Commentaires à revoir"),
            text,
            [
                (
                    "save",
                    QCoreApplication.translate("MainWindow", "Enregistrer quand même"),
                    QMessageBox.ButtonRole.AcceptRole,
                ),
                (
                    "review",
                    QCoreApplication.translate("MainWindow", "Continuer la revue"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            default="review",
        )
        return answer == "save"

    def ask_unsaved(self) -> str:
        """«save», «discard» or «cancel» (tests replace it)."""
        return ask_choice(
            self.window,
            QCoreApplication.translate("MainWindow", "Corrections non enregistrées"),
            QCoreApplication.translate(
                "MainWindow",
                "Vos corrections n'ont pas été enregistrées dans une copie nettoyée. "
                "Que voulez-vous faire ?",
            ),
            [
                (
                    "save",
                    QCoreApplication.translate("MainWindow", "Enregistrer une copie…"),
                    QMessageBox.ButtonRole.AcceptRole,
                ),
                (
                    "discard",
                    QCoreApplication.translate("MainWindow", "Ne pas enregistrer"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                (
                    "cancel",
                    QCoreApplication.translate("MainWindow", "Annuler"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            default="save",
        )
