"""Synthetic practice exports for tests, written the way French practice software writes them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path


def write_practice_csv(path: Path, header: str, rows: Iterable[Sequence[str]]) -> Path:
    """A «;»-separated, Windows-1252, CRLF export with ``header`` then one line per row."""
    lines = [header, *(";".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def write_practice_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    sheet: str = "Patients",
    as_text: bool = False,
) -> Path:
    """A workbook of one sheet: ``header`` then the rows (every cell stored as text when
    ``as_text``, even one starting with «=»)."""
    from openpyxl import Workbook

    workbook = Workbook()
    table = workbook.active
    table.title = sheet
    table.append(list(header))
    for row in rows:
        table.append(list(row))
        if as_text:
            for cell in table[table.max_row]:
                cell.data_type = "s"
    workbook.save(path)
    return path
