"""Excel workbooks (.xlsx/.xlsm): every sheet as a table of texts, and a copy with cells changed.

Reading uses openpyxl in read-only mode with the values Excel last computed (``data_only``), and
turns each value into the text the user sees: dates as JJ/MM/AAAA, whole numbers without
decimals, decimal numbers with a comma, zero-padded numbers (phone numbers stored as numbers)
with their zeros. Each sheet gets its own header row (a title line above it is skipped).

Writing loads the workbook with its formulas, styles, number formats, column widths and merged
cells, changes only the edited cells and saves through :func:`safe_write.write_atomically`. A new
text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as text with Excel's quote prefix,
never as a formula. Formulas keep their text; Excel and LibreOffice recompute their values when
the copy is opened (openpyxl cannot store the computed values).

Threading: an :class:`XlsxTable` never changes after opening.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import write_atomically
from .header_row import column_names, find_header
from .model import FORMULA_STARTS, MAX_CELL_CHARS, CellSource, Export, ProgressCallback, Table

logger = logging.getLogger(__name__)

_HEADER_SAMPLE = 30
_TICK_ROWS = 2000
_ZEROS = re.compile(r"^0+$")


def display_text(value: object, number_format: str | None = None) -> str:
    """The text a French spreadsheet shows for a cell value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        fmt = "%d/%m/%Y %H:%M:%S" if value.second else "%d/%m/%Y %H:%M"
        return value.strftime(fmt)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        fmt = (number_format or "General").strip()
        if fmt.endswith("%"):
            return _number(value * 100) + " %"
        if isinstance(value, float) and not value.is_integer():
            return _number(value)
        whole = str(int(value))
        if _ZEROS.match(fmt) and len(whole) < len(fmt):
            return whole.zfill(len(fmt))
        return whole
    return str(value)


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(round(value, 10)).replace(".", ",")


class XlsxTable(Table):
    """One worksheet: a header row and the texts of the data rows below it."""

    def __init__(
        self,
        name: str,
        raw_header: list[str],
        header_line: int,
        rows: list[list[str]],
        first_row: int,
        first_col: int,
        width: int,
    ) -> None:
        self.name = name
        self.raw_header = raw_header
        self.header_line = header_line
        self.header = column_names(raw_header, width) if (raw_header or width) else []
        self._rows = rows
        self._first_row = first_row  # sheet row of data row 1
        self._first_col = first_col  # sheet column of table column 0

    def __len__(self) -> int:
        return len(self._rows)

    def _padded(self, cells: list[str]) -> list[str]:
        width = len(self.header)
        return cells + [""] * (width - len(cells)) if len(cells) < width else list(cells)

    def row(self, row: int) -> list[str]:
        self.check_row(row)
        return self._padded(self._rows[row - 1])

    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        for number, cells in enumerate(self._rows, 1):
            yield number, self._padded(cells)

    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        indexes = [self.column_index(column) for column in columns]
        for number, cells in enumerate(self._rows, 1):
            size = len(cells)
            yield number, [cells[i] if i < size else "" for i in indexes]

    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        indexes = [self.column_index(column) for column in columns]
        rows = self._rows[first_row - 1 : first_row - 1 + count]
        return [[cells[i] if i < len(cells) else "" for cells in rows] for i in indexes]

    def coordinate(self, row: int, column: str) -> str:
        """The sheet coordinate (e.g. ``"D12"``) of a cell."""
        from openpyxl.utils import get_column_letter

        index = self.column_index(column)
        self.check_row(row)
        return f"{get_column_letter(self._first_col + index)}{self._first_row + row - 1}"

    def source_of(self, row: int, column: str) -> CellSource:
        return CellSource("xlsx", sheet=self.name, coordinate=self.coordinate(row, column))


class XlsxExport(Export):
    """An Excel workbook: one table per worksheet."""

    def __init__(self, path: Path, data: bytes, fingerprint: str, tables: list[XlsxTable]) -> None:
        self.path = path
        self.kind = "xlsx"
        self.fingerprint = fingerprint
        self.size = len(data)
        self.tables = list(tables)

    @property
    def description(self) -> str:
        count = len(self.tables)
        return f"Classeur Excel, {count} feuille{'s' if count > 1 else ''}"

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        target = self._check_target(path)
        changes = self._net_changes(edits)
        data = self._current_bytes()
        try:
            mode = os.stat(self.path).st_mode & 0o777
        except OSError:
            mode = None
        if not changes:
            write_atomically(target, lambda handle: handle.write(data), mode)
            return
        workbook = self._edited_workbook(data, changes)

        def save(handle: io.BufferedWriter) -> None:  # type: ignore[type-arg]
            try:
                workbook.save(handle)
            except OSError:
                raise
            except Exception as error:  # openpyxl raises many kinds of errors
                logger.warning("openpyxl could not save: %r", error)
                raise ExportError(
                    "Le classeur modifié n'a pas pu être enregistré : rien n'a été écrit. "
                    "Enregistrez-le en .csv depuis Excel, puis réessayez avec ce fichier."
                ) from error

        write_atomically(target, save, mode)
        logger.info("wrote %s with %d changed cells", target.name, len(changes))

    def _edited_workbook(self, data: bytes, changes: dict[tuple[str, int, str], str]):  # type: ignore[no-untyped-def]
        from openpyxl import load_workbook
        from openpyxl.cell.cell import MergedCell
        from openpyxl.utils.exceptions import IllegalCharacterError

        try:
            workbook = load_workbook(
                io.BytesIO(data),
                keep_vba=self.path.suffix.lower() == ".xlsm",
                data_only=False,
                keep_links=True,
                rich_text=True,
            )
        except Exception as error:
            raise ExportError(
                f"Le classeur « {self.path.name} » n'a pas pu être rouvert pour écrire la copie. "
                "Enregistrez-le de nouveau depuis Excel, puis réessayez."
            ) from error
        for (sheet, row, column), text in changes.items():
            table = self.table_named(sheet)
            assert isinstance(table, XlsxTable)
            coordinate = table.coordinate(row, column)
            cell = workbook[sheet][coordinate]
            if isinstance(cell, MergedCell):
                raise ExportError(
                    f"La cellule {coordinate} de la feuille « {sheet} » fait partie de cellules "
                    "fusionnées et ne peut pas être modifiée seule : rien n'a été écrit."
                )
            try:
                cell.value = text
            except (IllegalCharacterError, ValueError) as error:
                raise ExportError(
                    f"Le nouveau texte de la ligne {row} (colonne « {column} ») contient un "
                    "caractère invisible qu'Excel refuse. Retapez ce commentaire, puis "
                    "enregistrez de nouveau : rien n'a été écrit."
                ) from error
            if text.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True
        workbook.calculation.fullCalcOnLoad = True
        return workbook


def _sheet_table(worksheet, tick: Callable[[], None] | None = None) -> XlsxTable:  # type: ignore[no-untyped-def]
    """Read one read-only worksheet into a table of texts; ``tick`` is called every
    :data:`_TICK_ROWS` rows."""
    grid: dict[int, dict[int, str]] = {}
    # Some exporters write a wrong sheet size; read every cell actually present instead.
    worksheet.reset_dimensions()
    for count, cells in enumerate(worksheet.iter_rows(), 1):
        if tick is not None and count % _TICK_ROWS == 0:
            tick()
        for cell in cells:
            value = cell.value
            if value is None or value == "":
                continue  # read-only empty cells carry no position
            text = value if type(value) is str else display_text(value, cell.number_format)
            if text == "":
                continue
            if len(text) > MAX_CELL_CHARS:
                raise ExportError(
                    f"La cellule {cell.coordinate} de la feuille « {worksheet.title} » contient "
                    f"{len(text)} caractères : ce n'est pas une liste de patients ordinaire. "
                    "Vérifiez que c'est le bon fichier."
                )
            grid.setdefault(cell.row, {})[cell.column] = text
    if not grid:
        return XlsxTable(worksheet.title, [], 0, [], 1, 1, 0)
    first_col = min(min(cols) for cols in grid.values())
    last_col = max(max(cols) for cols in grid.values())
    last_row = max(grid)
    width = last_col - first_col + 1

    def cells_of(sheet_row: int) -> list[str]:
        found = grid.get(sheet_row)
        if not found:
            return []
        cells = [""] * (max(found) - first_col + 1)
        for column, text in found.items():
            cells[column - first_col] = text
        return cells

    sample = [cells_of(r) for r in range(1, min(last_row, _HEADER_SAMPLE) + 1)]
    header_index = find_header(sample)
    if header_index is None:
        raw_header: list[str] = []
        header_line = 0
        first_row = 1
    else:
        raw_header = sample[header_index]
        header_line = header_index + 1
        first_row = header_line + 1
    rows = [cells_of(r) for r in range(first_row, last_row + 1)]
    return XlsxTable(worksheet.title, raw_header, header_line, rows, first_row, first_col, width)


def read_xlsx(
    path: Path, data: bytes, fingerprint: str, progress: ProgressCallback | None = None
) -> XlsxExport:
    """Open a workbook from its bytes; every worksheet becomes a table.

    ``progress`` gets (rows read, rows announced by the sheets) every few thousand rows."""
    from openpyxl import load_workbook

    damaged = ExportError(
        f"Le classeur « {path.name} » est incomplet ou abîmé et ne peut pas être lu. "
        "Exportez-le de nouveau depuis le logiciel du cabinet, ou ouvrez-le dans Excel et "
        "enregistrez-le sous un autre nom."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if archive.testzip() is not None:
                raise damaged
    except zipfile.BadZipFile as error:
        raise damaged from error
    except (OSError, EOFError) as error:
        raise damaged from error
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise ExportError(
            f"« {path.name} » est une archive ZIP mais pas un classeur Excel (.xlsx). "
            "Choisissez le fichier exporté par le logiciel du cabinet."
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ExportError:
        raise
    except Exception as error:  # openpyxl/zipfile/XML errors on damaged files
        logger.info("openpyxl could not open %s: %r", path.name, error)
        raise damaged from error
    try:
        sheets = list(workbook.worksheets)
        announced = sum(sheet.max_row or 0 for sheet in sheets)
        done = 0

        def tick() -> None:
            nonlocal done
            done += _TICK_ROWS
            if progress is not None:
                progress(min(done, announced), max(announced, done))

        tables = [_sheet_table(sheet, tick if progress else None) for sheet in sheets]
    except ExportError:
        raise
    except Exception as error:
        logger.info("openpyxl could not read %s: %r", path.name, error)
        raise damaged from error
    finally:
        workbook.close()
    if not tables or not any(table.header for table in tables):
        raise ExportError(
            f"Le classeur « {path.name} » ne contient aucune donnée. Vérifiez que c'est le bon "
            "fichier, ou exportez de nouveau la liste des patients."
        )
    return XlsxExport(path, data, fingerprint, tables)
