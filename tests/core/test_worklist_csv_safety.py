"""The CSV correction list survives every import option: a line break inside a field never
splits its row, and no cell is run as a formula — checked with LibreOffice itself (headless)
when it is installed, and on the bytes always."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from huisclos.core.review.worklist import (
    CsvFormat,
    Worklist,
    WorklistEntry,
    render_csv,
)

HOSTILE = [
    "=1+1",
    " =1+2",  # LibreOffice's «Supprimer les espaces» trims the space, then evaluates
    "\r=1+3",
    "\n@SUM(1;2)",
    "\t=4+4",
    "+33 6 12 12 12 12",
    "-2+3 appeler",
    "RDV le matin\navec sa fille",  # a LF inside a field of a lone-CR file
]
NEWLINES = {"crlf": "\r\n", "lf": "\n", "cr": "\r"}


def hostile_list() -> Worklist:
    entries = [
        WorklistEntry("", row, "Commentaire", (str(1000 + row), text), "x", text, ("health",))
        for row, text in enumerate(HOSTILE, start=1)
    ]
    return Worklist(["N° dossier", "NOM"], entries)


@pytest.mark.parametrize("newline", NEWLINES.values(), ids=NEWLINES.keys())
def test_every_field_with_a_line_break_is_quoted_and_every_formula_neutralised(
    newline: str,
) -> None:
    data, _ = render_csv(hostile_list(), CsvFormat("utf-8", True, ";", newline))
    text = data.decode("utf-8-sig")
    records = _split_records(text, newline)
    assert len(records) == 1 + len(HOSTILE)  # no row split by a line break
    for record in records[1:]:
        for field in record.split(";"):
            value = field[1:-1] if field.startswith('"') else field
            assert not value.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), record


def _split_records(text: str, newline: str) -> list[str]:
    """Records split on ``newline`` outside quotes (how a spreadsheet reads them)."""
    records, current, quoted, index = [], [], False, 0
    while index < len(text):
        if text[index] == '"':
            quoted = not quoted
        if not quoted and text.startswith(newline, index):
            records.append("".join(current))
            current, index = [], index + len(newline)
            continue
        current.append(text[index])
        index += 1
    return records + (["".join(current)] if current else [])


SOFFICE = shutil.which("soffice")
# LibreOffice's CSV import options (tokens: separator, quote, UTF-8, first line, formats,
# language, quoted as text, special numbers, scientific, cell formulas, REMOVE SPACES, sheets,
# EVALUATE FORMULAS): the default import, and the most dangerous one.
IMPORTS = {
    "defaut": "59,34,76,1,,1036,false,false,false,false,false,false,false",
    "espaces-supprimes-formules-evaluees": "59,34,76,1,,1036,false,true,true,false,true,false,true",
}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice absent: the bytes are checked above")
@pytest.mark.parametrize("options", IMPORTS.values(), ids=IMPORTS.keys())
def test_libreoffice_runs_no_cell_of_the_list_whatever_its_import_options(
    tmp_path: Path, options: str
) -> None:
    from openpyxl import load_workbook

    sources = []
    for name, newline in NEWLINES.items():
        data, _ = render_csv(hostile_list(), CsvFormat("utf-8", True, ";", newline))
        sources.append(tmp_path / f"liste-{name}.csv")
        sources[-1].write_bytes(data)
    subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         f"--infilter=Text - txt - csv (StarCalc):{options}", "--convert-to", "xlsx",
         "--outdir", str(tmp_path / "out"), *map(str, sources)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for source in sources:
        sheet = load_workbook(tmp_path / "out" / f"{source.stem}.xlsx").active
        assert sheet.max_row == 1 + len(HOSTILE), source.name  # no row split
        formulas = [
            cell.value for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
        ]
        assert not formulas, (source.name, formulas)
        proposed = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert all(str(value).startswith("'") for value in proposed[:-1]), proposed
        assert proposed[-1].replace("\r\n", "\n") == HOSTILE[-1]  # one cell, its line break kept
