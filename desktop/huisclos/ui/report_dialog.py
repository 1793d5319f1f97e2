"""«Rapport…»: preview the self-check report and save it as PDF or HTML.

Also holds :func:`render_pdf`, the one place where the report's HTML becomes a PDF through Qt
(QTextDocument laid out on a QPdfWriter, A4, page numbers in the footer). The command line
(``huisclos report``) uses it too, with an offscreen QGuiApplication — no PDF library added.

Entry point for the main window: :func:`show_report_dialog(parent, session, practice=...)`.
Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from ..core.errors import HuisclosError
from ..core.report import ReportData, report_html

logger = logging.getLogger(__name__)

PDF_RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER = "Huis clos — rapport d'autocontrôle"


class ReportError(HuisclosError):
    """The report could not be written (folder missing, file open elsewhere…)."""


def ensure_gui_application() -> QGuiApplication:
    """A Q(Gui)Application for rendering; offscreen when there is no display (CLI, CI)."""
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
    return QGuiApplication(["huisclos"])


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


ReportBuilder = Callable[[bool], ReportData]
