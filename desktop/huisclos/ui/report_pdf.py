"""The report as a PDF: its HTML laid out by Qt on A4 pages, page numbers in the footer.

The one place where the report's HTML becomes a PDF (QTextDocument on a QPdfWriter: no PDF
library added). The report dialog uses :func:`render_pdf`; so does ``huisclos report``, which
gets it from the program's entry point (``huisclos.__main__``) with an offscreen Qt application.

Threading: the thread that owns the Qt application (the GUI thread, or the command line's).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
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
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ..core.errors import ExportError
from ..core.safe_write import write_atomically

PDF_RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER = "Huis clos — rapport d'autocontrôle"
FOOTER_EN = "Huis clos — self-check report"


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


def render_pdf(
    html: str, path: Path | str, *, title: str = "Rapport d'autocontrôle", footer: str = FOOTER
) -> int:
    """Write ``html`` as an A4 PDF at ``path`` (whole or not at all); returns the number of
    pages. ``title`` and ``footer`` are the French ones unless given (the app's English mode).
    Raises ``ExportError`` with a French message when the file cannot be written."""
    ensure_gui_application()
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Huis clos")
    pages = _paint(html, writer, footer)
    del writer  # the PDF is complete once its writer is gone
    buffer.close()
    data = content.data()
    if not _is_whole_pdf(data):
        raise ExportError("Le rapport PDF n'a pas pu être dessiné : rien n'a été enregistré.")
    target = Path(path)

    def check(written: Path) -> None:
        """What the disk holds is the whole PDF: its size, and its trailer at the end."""
        if written.stat().st_size != len(data) or not _is_whole_pdf(_tail(written)):
            raise ExportError(
                f"Le rapport « {target.name} » n'a pas pu être écrit en entier (disque plein ?) "
                ": rien n'a été enregistré. Libérez de la place ou choisissez un autre "
                "emplacement."
            )

    write_atomically(target, lambda handle: handle.write(data), what="le rapport", check=check)
    return pages


def _is_whole_pdf(data: bytes) -> bool:
    """A PDF ends with its trailer's «%%EOF» (maybe followed by a line break)."""
    return data.rstrip(b"\r\n\0 ").endswith(b"%%EOF")


def _tail(path: Path, size: int = 1024) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - size))
        return handle.read()


def _paint(html: str, writer: QPdfWriter, footer_text: str = FOOTER) -> int:
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
        raise ExportError("Le rapport PDF n'a pas pu être dessiné : rien n'a été enregistré.")
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
                footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), footer_text
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
