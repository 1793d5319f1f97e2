"""Excel 97-2003 workbooks (.xls), read with python-calamine; their copy is a new .xlsx.

The binary .xls format cannot be edited in place faithfully, so the cleaned copy is offered as
an .xlsx (:mod:`.converted_copy`) and the app and ``huisclos clean`` say so. calamine gives the
values, not the number formats: a zero-padded number shows without its zeros («42» for
«000042»), dates show as JJ/MM/AAAA. Cell notes of an .xls are not read (calamine does not give
them): the review says the notes of this format are not checked.

Threading: an :class:`XlsExport` never changes after opening.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import write_atomically
from .converted_copy import conversion_note, write_converted
from .model import Export, Table
from .number_display import show_value
from .ods_content import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from .sheet_table import GridSheet, SheetTable, finish_tables
from .workbook import describe_sheets
from .xml_text import split_ref

logger = logging.getLogger(__name__)


class XlsExport(Export):
    """An Excel 97-2003 workbook: one table per worksheet."""

    def __init__(self, path: Path, data: bytes, fingerprint: str, tables: list[Table]) -> None:
        self.path = path
        self.kind = "xls"
        self.fingerprint = fingerprint
        self.size = len(data)
        self.tables = tables
        self.copy_suffixes = (".xlsx",)

    @property
    def description(self) -> str:
        return describe_sheets("Classeur Excel 97-2003 (.xls)", self.tables)

    def copy_note(self, target: Path) -> str | None:
        return conversion_note(self.path, "le format .xls ne peut pas être modifié fidèlement")

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        target = self.check_copy_target(path)
        changes = self._net_changes(edits)
        self._check_unchanged()
        cells = {
            (sheet, *split_ref(ref)): text
            for (sheet, ref, _note), text in self._cell_changes(changes).items()
        }
        write_atomically(target, lambda handle: write_converted(handle, self.tables, cells))


def read_xls(path: Path, data: bytes, fingerprint: str) -> XlsExport:
    """Open an .xls workbook from its bytes; ``ExportError`` when calamine cannot read it."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        tables: list[Table] = []
        hidden = {
            sheet.name: sheet.visible != SheetVisibleEnum.Visible for sheet in book.sheets_metadata
        }
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            last_row, last_column = sheet.end or (0, 0)
            if (
                last_row >= MAX_ROWS
                or last_column >= MAX_COLUMNS
                or (last_row + 1) * (last_column + 1) > MAX_CELLS
            ):
                raise ExportError(
                    f"Le classeur « {path.name} » est abîmé : sa feuille « {name} » annonce des "
                    "cellules au-delà des limites d'Excel. Ouvrez-le dans Excel ou LibreOffice et "
                    "enregistrez-le au format .xlsx, puis réessayez."
                )
            rows = sheet.to_python(skip_empty_area=False)
            grid: dict[int, dict[int, str]] = {}
            for number, values in enumerate(rows, 1):
                cells = {col: show_value(v) for col, v in enumerate(values, 1) if v != ""}
                cells = {col: text for col, text in cells.items() if text}
                if cells:
                    grid[number] = cells
            tables.append(SheetTable(GridSheet(name, grid), "xls", hidden=hidden.get(name, False)))
    except (ExportError, KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as error:  # calamine's own errors, and its Rust panics (a
        # ``PanicException``, which derives from BaseException) on a damaged file
        logger.info("calamine could not read %s: %r", path.name, error)
        raise ExportError(
            f"Le classeur « {path.name} » (Excel 97-2003) est abîmé ou protégé et ne peut pas "
            "être lu. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx, "
            "puis réessayez."
        ) from error
    return XlsExport(path, data, fingerprint, finish_tables("xls", tables, path.name))
