"""The streaming workbook writer: what it writes reads back as the same texts in Huis clos,
openpyxl and python-calamine, and a text never becomes a formula."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from huisclos.core.exports.reading import read_export
from huisclos.core.exports.xlsx_writer import SheetRows, write_xlsx

ROWS = [
    ["N° dossier", "Date", "Code postal", "Commentaire"],
    ["42", "12/03/1961", "01000", "=ne pas facturer"],
    ["0", "31/02/2020", "75011", "+33 6 12 12 12 12 appeler"],
    ["000000000000123", "01/01/1899", "2A004", "ligne 1\r\nligne 2 _x000D_ & <b> \x07"],
    ["1234567890123456", "", "", "@Maman appelle"],
]


def _write(path: Path, typed: bool) -> Path:
    with path.open("wb") as handle:
        write_xlsx(
            handle,
            [SheetRows("Liste & co", ROWS), SheetRows("Cachée", [["NOM"], ["X"]], hidden=True)],
            typed=typed,
        )
    return path


def test_texts_read_back_unchanged_typed_or_not(tmp_path: Path) -> None:
    for typed in (True, False):
        export = read_export(_write(tmp_path / f"t{typed}.xlsx", typed))
        table = export.table
        assert table.name == "Liste & co"
        assert table.header == ROWS[0]
        assert [cells for _, cells in table.iter_rows()] == ROWS[1:]
        assert export.table_named("Cachée").hidden


def test_numbers_and_dates_are_typed_and_formulas_stay_texts(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.xlsx", typed=True)
    sheet = load_workbook(path)["Liste & co"]
    assert sheet["A2"].value == 42 and sheet["C2"].value == 1000
    assert sheet["C2"].number_format == "00000"
    assert sheet["B2"].value == dt.datetime(1961, 3, 12)
    assert sheet["B3"].value == "31/02/2020", "not a date: stays text"
    assert sheet["B4"].value == "01/01/1899", "before Excel's dates: stays text"
    assert sheet["A5"].value == "1234567890123456", "over 15 digits: stays text"
    for ref in ("D2", "D3", "D5"):
        assert sheet[ref].data_type == "s", ref
    with CalamineWorkbook.from_path(str(path)) as book:
        values = book.get_sheet_by_index(0).to_python()
    assert values[1][3] == "=ne pas facturer" and values[4][3] == "@Maman appelle"
