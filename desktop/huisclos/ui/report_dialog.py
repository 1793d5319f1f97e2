"""«Rapport…»: preview the self-check report and save it as PDF or HTML.

Also holds :func:`render_pdf`, the one place where the report's HTML becomes a PDF through Qt
(QTextDocument laid out on a QPdfWriter, A4, page numbers in the footer). The command line
(``huisclos report``) uses it too, with an offscreen QGuiApplication — no PDF library added.

Entry points for the main window: :func:`show_report_dialog(parent, session, practice=...)`,
and the hook :func:`add_report_action` (``main_window.TOOL_HOOKS.append(add_report_action)``).
Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
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
from ..core.report.figures import ReportData, record_report, report_from_session, report_html

logger = logging.getLogger(__name__)

PDF_RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER = "Huis clos — rapport d'autocontrôle"


class ReportError(HuisclosError):
    """The report could not be written (folder missing, file open elsewhere…)."""


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for rendering; offscreen when there is no display (CLI, CI).

    A QApplication rather than a bare QGuiApplication, so that widgets created later in the
    same process (the desktop app, GUI tests after CLI tests) still find the one they need.
    """
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if (
        os.name != "nt"
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(["huisclos"])


def report_document(html: str) -> QTextDocument:
    """The report as a QTextDocument (what the preview shows and the PDF prints)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def render_pdf(html: str, path: Path | str, *, title: str = "Rapport d'autocontrôle") -> int:
    """Write ``html`` as an A4 PDF at ``path`` (via a temporary file, then rename);
    returns the number of pages."""
    ensure_gui_application()
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(title)
        writer.setCreator("Huis clos")
        pages = _paint(html, writer)
        del writer  # closes the file
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ReportError(
            f"Le rapport n'a pas pu être enregistré dans « {target} » : {error.strerror or error}."
        ) from error
    return pages


def _paint(html: str, writer: QPdfWriter) -> int:
    document = report_document(html)
    layout = document.documentLayout()
    layout.setPaintDevice(writer)
    document.setHtml(html)  # re-layout with the printer's resolution
    page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = writer.resolution() * 0.35  # about 9 mm for the page number
    body = QSizeF(page_rect.width(), page_rect.height() - footer_height)
    document.setPageSize(body)
    _keep_paragraphs_whole(document, body.height())
    pages = max(1, document.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(0, "impossible d'ouvrir le fichier PDF")
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(7.5)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            context.palette.setColor(QPalette.ColorRole.Text, QColor("#1c2833"))
            painter.setClipRect(context.clip)
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#808b96"))
            footer = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawLine(footer.topLeft(), footer.topRight())
            painter.drawText(
                footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), FOOTER
            )
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"page {page + 1} / {pages}",
            )
    finally:
        painter.end()
    return pages


def _keep_paragraphs_whole(document: QTextDocument, page_height: float) -> None:
    """Move a paragraph split across two pages wholly onto the next page.

    Qt breaks between lines; but when it draws a page it emits the whole paragraph and clips
    it, so the PDF would carry the clipped lines as invisible text (copied twice by a reader or
    a text extractor). The report's paragraphs are short: moving one costs a few lines at most.
    """
    layout = document.documentLayout()
    cursor = QTextCursor(document)
    for _attempt in range(500):
        document.pageCount()  # the layout is lazy: lay the whole document out first
        block = document.begin()
        moved = False
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            count = text_layout.lineCount() if text_layout is not None else 0
            if count > 1:
                first = top + text_layout.lineAt(0).y()
                last_line = text_layout.lineAt(count - 1)
                last = top + last_line.y() + last_line.height()
                page = int(first // page_height)
                if page != int((last - 0.5) // page_height):
                    shift = (page + 1) * page_height - first + 1
                    block_format = QTextBlockFormat()
                    block_format.setTopMargin(block.blockFormat().topMargin() + shift)
                    cursor.setPosition(block.position())
                    cursor.mergeBlockFormat(block_format)
                    moved = True
                    break
            block = block.next()
        if not moved:
            return


def write_report(data: ReportData, path: Path | str) -> Path:
    """Write the report as PDF or HTML depending on the file's extension."""
    target = Path(path)
    html = report_html(data)
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            temporary.write_text(html, encoding="utf-8")
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise ReportError(
                f"Le rapport n'a pas pu être enregistré dans « {target} » : "
                f"{error.strerror or error}."
            ) from error
    elif suffix == ".pdf":
        render_pdf(html, target)
    else:
        raise ReportError(
            f"Format de rapport inconnu « {target.suffix or target.name} » : "
            "choisissez un nom se terminant par .pdf ou .html."
        )
    return target


ReportBuilder = Callable[[str, bool], ReportData]
"""(practice name, with masked examples) → the report's data."""


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
        self.preview.setHtml(report_html(self.data))
        self.save_pdf.setEnabled(True)
        self.save_html.setEnabled(True)

    def default_name(self, suffix: str) -> str:
        stem = Path(self.data.file_name).stem if self.data else "export"
        return f"rapport-autocontrole-{stem}{suffix}"

    def save_as(self, suffix: str, path: Path | str | None = None) -> Path | None:
        """Ask where to save (unless ``path`` is given) and write the report."""
        if self.data is None:
            return None
        if path is None:
            pattern = "PDF (*.pdf)" if suffix == ".pdf" else "HTML (*.html)"
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer le rapport"),
                str(Path.home() / self.default_name(suffix)),
                pattern,
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != suffix and not (suffix == ".html" and path.suffix == ".htm"):
                path = path.with_name(path.name + suffix)
        try:
            target = write_report(self.data, path)
        except HuisclosError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return None
        self.saved = target
        message = self.tr("Rapport enregistré : {path}").format(path=target)
        warning = record_report(self.data, target.suffix)
        if warning:
            message += "\n" + warning
        self.status.setText(message)
        return target


def show_report_dialog(
    parent: QWidget | None, session: Any, practice: str | None = None
) -> ReportDialog:
    """Open «Rapport…» for the review session shown in the main window.

    ``practice`` defaults to the name typed in the settings. The dialog is modal to its window
    and returned (already shown) so the caller may keep a reference.
    """
    if practice is None:
        practice = settings_practice_name()

    def build(name: str, with_examples: bool) -> ReportData:
        return report_from_session(session, practice=name, with_examples=with_examples)

    dialog = ReportDialog(build, practice, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def settings_practice_name() -> str:
    """The practice name typed in the settings, «» when none (or the settings are unreadable)."""
    try:
        from .settings import practice_name
    except ImportError:  # pragma: no cover - settings module missing in a partial build
        return ""
    try:
        return practice_name()
    except Exception:  # a damaged settings file must not block the report
        logger.warning("Practice name unavailable from the settings", exc_info=True)
        return ""


def add_report_action(window: Any) -> QAction:
    """Main-window hook: «Rapport d'autocontrôle…» in «Outils», enabled once a file is opened.

    ``window`` is the desktop ``MainWindow`` (``session``, ``session_changed``,
    ``add_tool_action``); register with ``main_window.TOOL_HOOKS.append(add_report_action)``.
    """
    action = QAction(window.tr("Rapport d'autocontrôle…"), window)
    action.setObjectName("reportAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    action.setStatusTip(
        window.tr("Produire le rapport d'autocontrôle (PDF ou HTML) du fichier ouvert")
    )

    def update() -> None:
        action.setEnabled(getattr(window, "session", None) is not None)

    def trigger() -> None:
        session = getattr(window, "session", None)
        if session is None:
            return
        if not getattr(session, "scan_complete", True):
            QMessageBox.information(
                window,
                window.tr("Rapport d'autocontrôle"),
                window.tr("Attendez la fin de l'analyse pour produire le rapport."),
            )
            return
        show_report_dialog(window, session)

    action.triggered.connect(lambda _checked=False: trigger())
    window.session_changed.connect(update)
    window.add_tool_action(action)
    update()
    return action
