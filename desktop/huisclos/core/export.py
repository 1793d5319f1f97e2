"""Read a practice's patient-list export (CSV/TSV or XLSX) exactly as written, and write a copy
that differs from it only in the cells the user changed.

Threading: pure functions and immutable-after-open objects; safe to read from a worker thread.
CONTRACT (other modules rely on these names; the export work fills in the bodies).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .edits import Edit


class Table:
    """One table of an export: the CSV file, or one worksheet of an XLSX workbook.

    ``name`` is the sheet name ("" for CSV); ``header`` the column headers as text; rows are
    numbered from 1 (first data row after the header). Cell texts are what the user sees.
    """

    name: str
    header: list[str]

    def __len__(self) -> int:
        """Number of data rows."""
        raise NotImplementedError

    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cell texts) for every data row, in file order; fast, streaming."""
        raise NotImplementedError

    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        """(row number, texts of ``columns`` in that order) for every row; the scan's hot loop."""
        raise NotImplementedError

    def row(self, row: int) -> list[str]:
        """Cell texts of one data row (random access for the desktop table)."""
        raise NotImplementedError

    def cell(self, row: int, column: str) -> str:
        """Text of one cell; "" for a cell missing from a short (ragged) row."""
        raise NotImplementedError


class Export:
    """An opened export file: its tables and where every cell came from, for splicing."""

    path: Path
    kind: str  # "csv" or "xlsx"
    tables: list[Table]
    fingerprint: str  # SHA-256 hex of the file's bytes

    @property
    def table(self) -> Table:
        """The main table (the first table with a header and data)."""
        raise NotImplementedError

    def table_named(self, name: str) -> Table:
        raise NotImplementedError

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        """Write a copy with ``edits`` spliced in; the original file is never written."""
        raise NotImplementedError


def read_export(path: Path | str) -> Export:
    """Open an export; raises ``ExportError`` with a French message on unusable input."""
    raise NotImplementedError
