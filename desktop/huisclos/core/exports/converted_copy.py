"""The cleaned copy of a workbook that cannot be edited in its own format, as a new .xlsx.

An .xls (Excel 97-2003) cannot be edited faithfully, and an .ods sometimes cannot (see
:mod:`.ods_splice`): their copy is then a new Excel workbook holding, sheet by sheet and cell by
cell at the same places, the texts the user saw, with the edits applied. Numbers and dates that
were shown as such are stored as numbers and dates again (:mod:`.xlsx_writer`); the formatting,
the formulas, the images and the notes are not carried over — :func:`conversion_note` says so in
one line, and the app and ``huisclos clean`` show it: never a silent change of format.

Threading: plain functions.
"""

from __future__ import annotations

from pathlib import Path

from .model import Table
from .sheet_table import GridSheet, SheetTable
from .xlsx_writer import SheetRows, write_xlsx

NOTE_LIMITS = "mise en forme, formules, images et notes non reprises"


def conversion_note(source: Path, reason: str) -> str:
    """«La copie de « liste.xls » est un classeur .xlsx … » (one line)."""
    return (
        f"La copie de « {source.name} » est enregistrée au format .xlsx ({reason}) : elle "
        f"reprend les textes tels qu'ils s'affichent, cellule par cellule ({NOTE_LIMITS})."
    )


def write_converted(
    handle,
    tables: list[Table],
    cells: dict[tuple[str, int, int], str],  # type: ignore[no-untyped-def]
) -> None:
    """Write every sheet of ``tables`` (read whole, :class:`.GridSheet`) as a new workbook,
    with ``cells`` — (sheet, row, column) → new text — applied."""
    sheets: list[SheetRows] = []
    for table in tables:
        if not isinstance(table, SheetTable) or not isinstance(table.source, GridSheet):
            continue
        grid = {row: dict(cells_of_row) for row, cells_of_row in table.source.grid.items()}
        for (sheet, row, column), text in cells.items():
            if sheet == table.name:
                grid.setdefault(row, {})[column] = text
        width = max((max(found) for found in grid.values() if found), default=0)
        last = max(grid, default=0)
        rows = [[grid.get(row, {}).get(column, "") for column in range(1, width + 1)]
                for row in range(1, last + 1)]  # fmt: skip
        sheets.append(SheetRows(table.name, rows, hidden=table.hidden, header=False))
    write_xlsx(handle, sheets)
