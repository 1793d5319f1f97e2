"""A worksheet as a table: its header row, its data rows, and its cell notes as columns.

Any spreadsheet format gives a :class:`SheetSource` (the texts of a sheet by real row and column
numbers: :class:`.sheet_xml.LazySheet` for .xlsx, :class:`GridSheet` for the formats read whole);
:class:`SheetTable` finds the header row (a title line above it is skipped, see
:mod:`.header_row`) and names the columns.

A cell note (a «commentaire» in Excel, an annotation in LibreOffice) is free text like any other:
the notes on the cells of a column become one more column, «Note (Commentaire)», so that they are
scanned, reviewed and rewritten with the patient's row. Notes above the header row, where there
is no patient, go to the workbook's :class:`OutsideNotesTable` instead.

Threading: a table never changes after it is built.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple, Protocol

from ..errors import ExportError
from .header_row import column_names, find_header
from .model import CellSource, Table
from .xml_text import column_letters, ref_of

HEADER_SAMPLE = 30
"""Rows read to find the header row."""
_BATCH = 2_000
NOTE_PREFIX = "Note"


class SheetSource(Protocol):
    """The texts of one sheet, by real (1-based) row and column numbers."""

    name: str
    last_row: int
    columns: list[int]  # the columns used, ascending

    def row_cells(self, sheet_row: int) -> dict[int, str]: ...

    def column_texts(self, column: int, first: int, last: int) -> list[str]: ...

    def cell_text(self, row: int, column: int) -> str: ...


class GridSheet:
    """A sheet read whole: row → column → text (formats without a lazy reader)."""

    def __init__(self, name: str, grid: dict[int, dict[int, str]]) -> None:
        self.name = name
        self.grid = grid
        self.last_row = max(grid, default=0)
        self.columns = sorted({column for cells in grid.values() for column in cells})

    def row_cells(self, sheet_row: int) -> dict[int, str]:
        return dict(self.grid.get(sheet_row, {}))

    def column_texts(self, column: int, first: int, last: int) -> list[str]:
        grid = self.grid
        return [grid.get(row, {}).get(column, "") for row in range(first, last + 1)]

    def cell_text(self, row: int, column: int) -> str:
        return self.grid.get(row, {}).get(column, "")


class SheetNote(NamedTuple):
    """A note outside the rows of a table: on which sheet and cell, and its text."""

    sheet: str
    row: int
    column: int
    text: str


class SheetTable(Table):
    """One worksheet: a header row, the data rows below it, and one column per noted column."""

    def __init__(
        self,
        source: SheetSource,
        kind: str,
        *,
        notes: dict[tuple[int, int], str] | None = None,
        hidden: bool = False,
        hidden_columns: set[int] | frozenset[int] = frozenset(),
    ) -> None:
        self.source = source
        self.name = source.name
        self.kind = kind
        self.hidden = hidden
        columns = source.columns
        self.first_column = columns[0] if columns else 1
        width = columns[-1] - self.first_column + 1 if columns else 0
        sample = [self._cells(row) for row in range(1, min(source.last_row, HEADER_SAMPLE) + 1)]
        found = find_header(sample)
        if found is None:
            self.raw_header, self.header_line, self.first_row = [], 0, 1
        else:
            self.raw_header = sample[found]
            self.header_line = found + 1
            self.first_row = self.header_line + 1
        data_header = column_names(self.raw_header, width) if (self.raw_header or width) else []
        self.width = len(data_header)
        last_row = source.last_row
        self.outside_notes: list[SheetNote] = []
        inside: dict[int, dict[int, str]] = {}  # column → sheet row → note
        for (row, column), text in sorted((notes or {}).items()):
            if row < self.first_row or not self.width:
                self.outside_notes.append(SheetNote(self.name, row, column, text))
            else:
                inside.setdefault(column, {})[row] = text
                last_row = max(last_row, row)
        self._notes = inside
        self._note_columns: dict[str, int] = {}
        header = list(data_header)
        for column in sorted(inside):
            index = column - self.first_column
            label = (
                data_header[index]
                if 0 <= index < self.width
                else f"colonne {column_letters(column)}"
            )
            name = candidate = f"{NOTE_PREFIX} ({label})"
            counter = 2
            while candidate in header:
                candidate = f"{name} ({counter})"
                counter += 1
            header.append(candidate)
            self._note_columns[candidate] = column
        self.header = header
        self._length = max(last_row - self.first_row + 1, 0) if self.header else 0
        self._cell_cache: dict[tuple[int, str], str] = {}
        self.hidden_columns = [
            data_header[column - self.first_column]
            for column in sorted(hidden_columns)
            if 0 <= column - self.first_column < self.width
        ]

    # --- geometry ------------------------------------------------------------------------
    @property
    def note_columns(self) -> list[str]:
        """The columns that hold cell notes, in table order."""
        return list(self._note_columns)

    def sheet_row(self, row: int) -> int:
        return self.first_row + row - 1

    def sheet_column(self, column: str) -> int:
        """The real column number of a table column (for a note column: the noted cell's)."""
        noted = self._note_columns.get(column)
        if noted is not None:
            return noted
        return self.first_column + self.column_index(column)

    def coordinate(self, row: int, column: str) -> str:
        """The sheet coordinate (e.g. ``"D12"``) of a cell (of the noted cell for a note)."""
        self.check_row(row)
        return ref_of(self.sheet_row(row), self.sheet_column(column))

    def source_of(self, row: int, column: str) -> CellSource:
        return CellSource(
            self.kind,
            sheet=self.name,
            coordinate=self.coordinate(row, column),
            note=column in self._note_columns,
        )

    # --- reading -------------------------------------------------------------------------
    def _cells(self, sheet_row: int) -> list[str]:
        found = self.source.row_cells(sheet_row)
        if not found:
            return []
        cells = [""] * (max(found) - self.first_column + 1)
        for column, text in found.items():
            cells[column - self.first_column] = text
        return cells

    def __len__(self) -> int:
        return self._length

    def row(self, row: int) -> list[str]:
        self.check_row(row)
        sheet_row = self.sheet_row(row)
        cells = self._cells(sheet_row)[: self.width]
        cells += [""] * (self.width - len(cells))
        for column in self._note_columns.values():
            cells.append(self._notes[column].get(sheet_row, ""))
        return cells

    def cell(self, row: int, column: str) -> str:
        """One cell's text, read alone (the review and the copy check edits cell by cell; the
        texts asked for are kept, as the same cells are asked for again)."""
        cached = self._cell_cache.get((row, column))
        if cached is not None:
            return cached
        text = self._read_cell(row, column)
        if len(self._cell_cache) > 200_000:
            self._cell_cache.clear()
        self._cell_cache[(row, column)] = text
        return text

    def _read_cell(self, row: int, column: str) -> str:
        self.check_row(row)
        sheet_row = self.sheet_row(row)
        noted = self._note_columns.get(column)
        if noted is not None:
            return self._notes[noted].get(sheet_row, "")
        index = self.column_index(column)
        if index >= self.width:
            return ""
        return self.source.cell_text(sheet_row, self.first_column + index)

    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        first = self.sheet_row(first_row)
        last = first + count - 1
        out: list[list[str]] = []
        for column in columns:
            noted = self._note_columns.get(column)
            if noted is not None:
                notes = self._notes[noted]
                out.append([notes.get(row, "") for row in range(first, last + 1)])
            else:
                index = self.column_index(column)
                out.append(self.source.column_texts(self.first_column + index, first, last))
        return out

    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        for first, batch in self.iter_column_batches(columns, _BATCH):
            if not batch:
                for offset in range(min(_BATCH, len(self) - first + 1)):
                    yield first + offset, []
                continue
            for offset, values in enumerate(zip(*batch, strict=True)):
                yield first + offset, list(values)

    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        yield from self.iter_column_values(list(self.header))


class OutsideNotesTable(Table):
    """The notes of a workbook that are not on a patient's row (a title or header cell): one
    row per note, with its sheet and cell, so that they are scanned and rewritten too."""

    NAME = "Notes hors tableau"
    SHEET, CELL, NOTE = "Feuille", "Cellule", "Note"
    holds_patients = False

    def __init__(self, kind: str, notes: Sequence[SheetNote], taken: set[str]) -> None:
        self.kind = kind
        name, counter = self.NAME, 2
        while name in taken:
            name = f"{self.NAME} ({counter})"
            counter += 1
        self.name = name
        self.hidden = False
        self.hidden_columns: list[str] = []
        self.note_columns = [self.NOTE]
        self.raw_header = [self.SHEET, self.CELL, self.NOTE]
        self.header = list(self.raw_header)
        self.header_line = 0
        self.notes = list(notes)

    def __len__(self) -> int:
        return len(self.notes)

    def row(self, row: int) -> list[str]:
        self.check_row(row)
        note = self.notes[row - 1]
        return [note.sheet, ref_of(note.row, note.column), note.text]

    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        rows = [self.row(n) for n in range(first_row, first_row + count)]
        return [[cells[self.column_index(column)] for cells in rows] for column in columns]

    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        indexes = [self.column_index(column) for column in columns]
        for number in range(1, len(self) + 1):
            cells = self.row(number)
            yield number, [cells[i] for i in indexes]

    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        for number in range(1, len(self) + 1):
            yield number, self.row(number)

    def source_of(self, row: int, column: str) -> CellSource:
        self.check_row(row)
        if column != self.NOTE:
            self.column_index(column)
            raise ExportError(
                f"Dans « {self.name} », seule la colonne « {self.NOTE} » peut être modifiée : "
                "rien n'a été écrit."
            )
        note = self.notes[row - 1]
        return CellSource(
            self.kind, sheet=note.sheet, coordinate=ref_of(note.row, note.column), note=True
        )


def finish_tables(kind: str, tables: list[Table], file_name: str) -> list[Table]:
    """The tables of a workbook, with its :class:`OutsideNotesTable` when notes sit above a
    header; ``ExportError`` when no sheet holds anything."""
    outside = [
        note for table in tables if isinstance(table, SheetTable) for note in table.outside_notes
    ]
    if outside:
        tables = [*tables, OutsideNotesTable(kind, outside, {table.name for table in tables})]
    if not any(table.header for table in tables):
        raise ExportError(
            f"Le classeur « {file_name} » ne contient aucune donnée. Vérifiez que c'est le bon "
            "fichier, ou exportez de nouveau la liste des patients."
        )
    return tables
