"""«Rapport…»: preview the self-check report and save it as PDF or HTML.

The main window opens it with :func:`show_report_dialog`. Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import HuisclosError
from ..core.report import preferences
from ..core.report.figures import ReportData, record_report, report_from_session
from ..core.report.layout import report_html
from ..core.report.output import write_report
from ..core.review.session import ReviewSession
from . import folders
from .labels import language
from .report_pdf import FOOTER_EN, render_pdf

logger = logging.getLogger(__name__)


ReportBuilder = Callable[[str, bool], ReportData]
"""(practice name, with masked examples) → the report's data."""


def _pdf_renderer() -> Callable[[str, Path], int]:
    """The PDF renderer for the interface language: English title and footer in English."""
    if language() != "en":
        return render_pdf
    return partial(render_pdf, title="Self-check report", footer=FOOTER_EN)


class ReportDialog(QDialog):
    """Preview the report, set the practice name, opt into masked examples, save PDF/HTML."""

    def __init__(
        self, build: ReportBuilder, practice: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rapport d'autocontrôle"))
        self.setObjectName("reportDialog")
        self._build = build
        self.data: ReportData | None = None
        self.saved: Path | None = None

        self.practice = QLineEdit(practice, self)
        self.practice.setPlaceholderText(self.tr("Nom du cabinet (facultatif)"))
        self.practice.setAccessibleName(self.tr("Nom du cabinet"))
        self.examples = QCheckBox(self.tr("Ajouter quelques exemples masqués"), self)
        self.examples.setToolTip(
            self.tr(
                "Par défaut, le rapport ne contient aucun mot ni nom de patient. Cette option "
                "ajoute quelques commentaires dont les passages sensibles, les noms et les "
                "chiffres sont masqués."
            )
        )
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Aperçu du rapport"))
        self.preview.setAccessibleDescription(
            self.tr("Le rapport tel qu'il sera enregistré : des chiffres, aucun nom de patient")
        )
        self.preview.setOpenLinks(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.save_pdf = self.buttons.addButton(
            self.tr("Enregistrer en PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_html = self.buttons.addButton(
            self.tr("Enregistrer en HTML…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        self.save_pdf.setToolTip(self.tr("Le rapport à imprimer ou à classer (PDF)"))
        self.save_html.setToolTip(self.tr("Le rapport à ouvrir dans un navigateur (HTML)"))
        close.setAccessibleDescription(self.tr("Ferme l'aperçu sans enregistrer (Échap)"))
        self.save_pdf.clicked.connect(lambda: self.save_as(".pdf"))
        self.save_html.clicked.connect(lambda: self.save_as(".html"))
        close.clicked.connect(self.reject)

        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Cabinet :"), self))
        options.addWidget(self.practice, 1)
        options.addWidget(self.examples)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(820, 700)

        self.practice.editingFinished.connect(self.refresh)
        self.examples.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the report (the practice name or the examples option changed)."""
        try:
            self.data = self._build(self.practice.text().strip(), self.examples.isChecked())
        except HuisclosError as error:
            self.data = None
            self.preview.clear()
            self.status.setText(error.message)
            self.save_pdf.setEnabled(False)
            self.save_html.setEnabled(False)
            return
        self.preview.setHtml(report_html(self.data, language()))
        self.save_pdf.setEnabled(True)
        self.save_html.setEnabled(True)

    def default_name(self, suffix: str) -> str:
        stem = Path(self.data.file_name).stem if self.data else "export"
        prefix = "self-check-report" if language() == "en" else "rapport-autocontrole"
        return f"{prefix}-{stem}{suffix}"

    def save_as(self, suffix: str, path: Path | str | None = None) -> Path | None:
        """Ask where to save (unless ``path`` is given) and write the report."""
        if self.data is None:
            return None
        if path is None:
            pattern = "PDF (*.pdf)" if suffix == ".pdf" else "HTML (*.html)"
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer le rapport"),
                str(folders.in_last_folder("reports", self.default_name(suffix))),
                pattern,
            )
            if not chosen:
                return None
            path = Path(chosen)
            folders.remember("reports", path)
            if path.suffix.lower() != suffix and not (suffix == ".html" and path.suffix == ".htm"):
                path = path.with_name(path.name + suffix)
        try:
            target = write_report(self.data, path, render_pdf=_pdf_renderer(), language=language())
        except HuisclosError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return None
        self.saved = target
        typed = self.practice.text().strip()
        if typed and typed != preferences.practice_name():
            preferences.set_practice_name(typed)  # the next report starts with it
        message = self.tr("Rapport enregistré : {path}").format(path=target)
        warning = record_report(self.data, target.suffix)
        if warning:
            message += "\n" + warning
        self.status.setText(message)
        return target


def show_report_dialog(
    parent: QWidget | None, session: ReviewSession, practice: str | None = None
) -> ReportDialog:
    """Open «Rapport…» for the review session shown in the main window.

    ``practice`` defaults to the name typed in the settings. The dialog is modal to its window
    and returned (already shown) so the caller may keep a reference.
    """
    if practice is None:
        practice = preferences.practice_name()

    def build(name: str, with_examples: bool) -> ReportData:
        return report_from_session(session, practice=name, with_examples=with_examples)

    dialog = ReportDialog(build, practice, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
