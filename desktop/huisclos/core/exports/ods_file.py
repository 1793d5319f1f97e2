"""LibreOffice Calc workbooks (.ods): every sheet read from ``content.xml`` as the texts the
spreadsheet shows, and a copy spliced into the original archive (:mod:`.ods_splice`).

A cell's paragraphs (``<text:p>``) hold the text LibreOffice displayed when the file was saved,
in the language of that computer: a French machine writes «12,50» and «VRAI». A cell without
paragraphs is shown from its value. Rows and cells repeated by LibreOffice
(``table:number-rows-repeated``, ``table:number-columns-repeated``) are expanded where they hold
text; the empty ones only move the coordinates. A cell's annotation (``<office:annotation>``) is
its note. Hidden sheets (a table style with ``table:display="false"``) and hidden columns
(``table:visibility="collapse"``) are read like the others.

When a copy cannot be faithful in .ods (see :mod:`.ods_splice`), it can be written as .xlsx
(:mod:`.converted_copy`): :attr:`OdsExport.copy_suffixes` offers both.

Threading: an :class:`OdsExport` never changes after opening.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import write_atomically
from .converted_copy import conversion_note, write_converted
from .model import Export, ProgressCallback, Table
from .ods_content import OdsSheet, read_sheets
from .ods_splice import OdsSplice
from .sheet_table import GridSheet, SheetTable, finish_tables
from .workbook import DAMAGE, describe_sheets
from .xml_text import split_ref
from .zip_archive import ZipArchive

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"  # reading.py says it too

logger = logging.getLogger(__name__)


class OdsExport(Export):
    """A LibreOffice Calc workbook: one table per sheet, plus the notes outside any table."""

    def __init__(
        self,
        path: Path,
        fingerprint: str,
        archive: ZipArchive,
        content: bytes,
        sheets: list[OdsSheet],
        tables: list[Table],
    ) -> None:
        self.path = path
        self.kind = "ods"
        self.fingerprint = fingerprint
        self.size = len(archive.data)
        self.archive = archive
        self.content = content
        self.sheets = {sheet.name: sheet for sheet in sheets}
        self.tables = tables
        self.copy_suffixes = (".ods", ".xlsx")

    @property
    def description(self) -> str:
        return describe_sheets("Classeur LibreOffice (.ods)", self.tables)

    def copy_note(self, target: Path) -> str | None:
        if target.suffix.lower() == ".ods":
            return None
        return conversion_note(self.path, "demandée au lieu du format .ods d'origine")

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        target = self.check_copy_target(path)
        changes = self._net_changes(edits)
        self._check_unchanged()
        located = self._cell_changes(changes)
        if target.suffix.lower() != ".ods":
            cells = {
                (sheet, *split_ref(ref)): text
                for (sheet, ref, note), text in located.items()
                if not note
            }
            write_atomically(target, lambda handle: write_converted(handle, self.tables, cells))
            return
        if not changes:
            data = self.archive.data
            write_atomically(target, lambda handle: handle.write(data))
            return
        splice = OdsSplice(self.archive, self.content, self.sheets, located)
        write_atomically(target, splice.write)


def read_ods(
    path: Path, data: bytes, fingerprint: str, progress: ProgressCallback | None = None
) -> OdsExport:
    """Open an .ods workbook from its bytes; every sheet becomes a table."""
    archive = ZipArchive(data, path.name)
    try:
        content = archive.read("content.xml")
        sheets = read_sheets(content, path.name)
    except KeyError as error:
        raise archive.damaged("partie « content.xml » absente") from error
    except ExportError:
        raise
    except DAMAGE as error:
        raise archive.damaged("contenu illisible") from error
    if progress is not None:
        progress(len(data), len(data))
    tables: list[Table] = [
        SheetTable(
            GridSheet(sheet.name, sheet.grid),
            "ods",
            notes=sheet.notes,
            hidden=sheet.hidden,
            hidden_columns=sheet.hidden_columns,
        )
        for sheet in sheets
    ]
    tables = finish_tables("ods", tables, path.name)
    return OdsExport(path, fingerprint, archive, content, sheets, tables)
