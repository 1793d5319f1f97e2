"""Write the self-check report as HTML or PDF, depending on the file's extension.

The HTML is written here. A PDF needs a renderer that lays the HTML out on pages: the desktop
app's, drawn by Qt (``huisclos.ui.report_pdf.render_pdf``). The core has no Qt, so the renderer
is handed in by whoever runs the core — the window, or the program's entry point for
``huisclos report`` (``huisclos.__main__``).

Threading: plain functions; the Qt renderer must run on the thread that owns the Qt application.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import HuisclosError
from ..safe_write import write_atomically
from .layout import report_html

if TYPE_CHECKING:  # the figures (and the journal they read) load only to build a report
    from .figures import ReportData

PdfRenderer = Callable[[str, Path], int]
"""(report HTML, target file) → pages written; writes the whole file or nothing."""

REPORT_SUFFIXES = (".pdf", ".html", ".htm")


def unknown_format(path: Path) -> HuisclosError:
    return HuisclosError(
        f"Format de rapport inconnu « {path.name} » : "
        "choisissez un nom se terminant par .pdf ou .html."
    )


def no_pdf_renderer() -> HuisclosError:
    return HuisclosError(
        "Ce programme ne sait pas dessiner un rapport PDF : choisissez un nom se terminant "
        "par .html, ou lancez la commande huisclos."
    )


def write_report(
    data: ReportData, path: Path | str, *, render_pdf: PdfRenderer | None, language: str = "fr"
) -> Path:
    """Write the report to ``path`` (.pdf, .html or .htm) in ``language`` and return it."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise unknown_format(target)
    html = report_html(data, language)
    if suffix != ".pdf":
        data_bytes = html.encode("utf-8")
        write_atomically(target, lambda handle: handle.write(data_bytes), what="le rapport")
    elif render_pdf is None:
        raise no_pdf_renderer()
    else:
        render_pdf(html, target)
    return target
