""".ods (LibreOffice) and .xls (Excel 97-2003) workbooks: read as the spreadsheet shows them; an
.ods copy spliced into the original (or offered as .xlsx when that cannot be faithful); an .xls
copy written as .xlsx, and said so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import workbook_checks as wc
from huisclos.core.edits import Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.ods_content import read_sheets
from huisclos.core.exports.reading import read_export


def _edit(export, sheet: str, row: int, column: str, new: str) -> Edit:  # type: ignore[no-untyped-def]
    return Edit(row, column, export.table_named(sheet).cell(row, column), new, sheet=sheet)


def _cells(path: Path) -> dict[tuple[str, int, str], str]:
    return {
        (table.name, row, column): text
        for table in read_export(path).tables
        for row, cells in table.iter_rows()
        for column, text in zip(table.header, cells, strict=True)
        if text
    }


def test_ods_is_read_as_libreoffice_shows_it() -> None:
    export = read_export(wc.LIBREOFFICE_ODS)
    assert export.kind == "ods" and "LibreOffice" in export.description
    table = export.table_named("Patients")
    assert table.header_line == 3 and table.cell(1, "N° dossier") == "000042"
    assert table.cell(1, "Date de naissance") == "29/02/1980"
    assert table.cell(5, "Commentaire") == wc.SPECIAL
    assert table.cell(8, "Commentaire") == wc.RICH
    assert table.cell(1, "Note (Commentaire)") == wc.NOTE
    assert table.source_of(1, "Commentaire").coordinate == "H4"
    assert table.hidden_columns == ["Remarques internes"]
    assert export.table_named("Archives").hidden
    assert export.tables[-1].row(1) == ["Patients", "H3", wc.HEADER_NOTE]
    assert export.default_copy_path().suffix == ".ods"


def test_ods_copy_changes_only_the_edited_cells(tmp_path: Path) -> None:
    source = tmp_path / "export.ods"
    shutil.copyfile(wc.LIBREOFFICE_ODS, source)
    original = source.read_bytes()
    export = read_export(source)
    edits = [
        _edit(export, "Patients", 1, "Commentaire", "[commentaire retiré]"),
        _edit(export, "Patients", 1, "Note (Commentaire)", "note nettoyée"),
        _edit(export, "Patients", 5, "Commentaire", "  deux espaces\net une ligne & <chevrons>"),
        _edit(export, "Patients", 8, "Commentaire", ""),
        _edit(export, "Archives", 1, "Commentaire", "=ne pas facturer"),
    ]
    target = tmp_path / "propre.ods"
    export.write_copy(edits, target)
    assert source.read_bytes() == original
    before, after = wc.raw_members(source), wc.raw_members(target)
    assert [name for name, _ in before] == [name for name, _ in after]
    assert after[0][0] == "mimetype" and after[0][1] == before[0][1], "mimetype first, stored"
    differing = {name for (name, a), (_n, b) in zip(before, after, strict=True) if a != b}
    assert differing == {"content.xml", "Thumbnails/thumbnail.png"}
    old, new = wc.parts(source)["content.xml"], wc.parts(target)["content.xml"]
    runs = [run for sheet in read_sheets(old, "x") for run in sheet.runs]
    first_edit = min(run.start for run in runs if old[run.start : run.end].find(b"porteuse") > 0)
    assert new[:first_edit] == old[:first_edit], "identical before the first edited row"
    last = max(run.end for run in runs if b"ancien d" in old[run.start : run.end])
    assert new.endswith(old[last:]), "identical after the last edited row"
    expected = _cells(source)
    for edit in edits:
        key = (edit.sheet, edit.row, edit.column)
        if edit.after:
            expected[key] = edit.after
        else:
            expected.pop(key)
    assert _cells(target) == expected
    for removed in (wc.SENSITIVE, wc.NOTE, wc.HIDDEN_SHEET_TEXT, "dépressif"):
        wc.assert_no_trace(target, removed)
    picture = wc.parts(target)["Thumbnails/thumbnail.png"]
    assert (
        picture.startswith(b"\x89PNG")
        and picture[16:24] == wc.parts(source)["Thumbnails/thumbnail.png"][16:24]
    )


def _repeated_rows(source: Path, target: Path) -> Path:
    """The fixture with the first data row of «Suivi & notes» written once for three rows, and
    its «Patient» cell written once for two cells, as LibreOffice writes identical ones."""
    content = wc.parts(source)["content.xml"]
    start = content.index(b'<table:table table:name="Suivi &amp; notes"')
    row = re.compile(rb"<table:table-row\b[^>]*>(.*?)</table:table-row>", re.S)
    rows = list(row.finditer(content, start))
    data_row = rows[1]
    inner = data_row.group(1)
    patient = re.search(
        rb"<table:table-cell [^>]*><text:p>MARTIN \xc3\x89milie</text:p></table:table-cell>", inner
    )
    assert patient is not None
    doubled = patient.group(0).replace(
        b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="2" ', 1
    )
    cell_after = re.match(
        rb"<table:table-cell [^>]*>.*?</table:table-cell>", inner[patient.end() :], re.S
    )
    assert cell_after is not None
    inner = inner[: patient.start()] + doubled + inner[patient.end() + cell_after.end() :]
    new_row = (
        b'<table:table-row table:style-name="ro1" table:number-rows-repeated="3">'
        + inner
        + b"</table:table-row>"
    )
    content = content[: data_row.start()] + new_row + content[rows[2].end() :]
    return wc.replace_members(source, target, {"content.xml": content})


def test_an_edited_cell_inside_repeated_rows_and_cells_is_split_out(tmp_path: Path) -> None:
    source = _repeated_rows(wc.LIBREOFFICE_ODS, tmp_path / "repetitions.ods")
    export = read_export(source)
    table = export.table_named("Suivi & notes")
    assert [table.row(n)[1:] for n in (1, 2, 3)] == [["MARTIN Émilie", "MARTIN Émilie"]] * 3
    target = tmp_path / "propre.ods"
    export.write_copy([_edit(export, "Suivi & notes", 2, "Observation", "RAS")], target)
    after = read_export(target).table_named("Suivi & notes")
    same = ["MARTIN Émilie", "MARTIN Émilie"]
    assert [after.row(n)[1:] for n in (1, 2, 3)] == [same, ["MARTIN Émilie", "RAS"], same]
    assert after.row(2)[0] == table.row(2)[0], "the date is kept"


def test_an_ods_copy_that_cannot_be_faithful_is_offered_as_xlsx(tmp_path: Path) -> None:
    export = read_export(wc.LIBREOFFICE_ODS)
    rename = [_edit(export, "Patients", 1, "NOM", "M. X")]  # a label of the chart's own data
    with pytest.raises(ExportError, match=r"graphique.*\.xlsx"):
        export.write_copy(rename, tmp_path / "propre.ods")
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "propre.xlsx"
    export.write_copy(rename, target)
    assert "format .xlsx" in (export.copy_note(target) or "")
    assert export.copy_note(tmp_path / "propre.ods") is None
    copy = read_export(target)
    assert copy.table_named("Patients").cell(1, "NOM") == "M. X"
    assert copy.table_named("Patients").cell(1, "Commentaire") == wc.SENSITIVE
    assert copy.table_named("Archives").hidden
    with pytest.raises(ExportError, match=r"« \.ods » ou « \.xlsx »"):
        export.write_copy(rename, tmp_path / "propre.csv")


def test_xls_is_read_with_calamine_and_copied_as_xlsx(tmp_path: Path) -> None:
    export = read_export(wc.LIBREOFFICE_XLS)
    assert export.kind == "xls"
    table = export.table_named("Patients")
    assert table.cell(1, "Commentaire") == wc.SENSITIVE
    assert table.cell(1, "Date de naissance") == "29/02/1980" and table.cell(1, "Actif") == "VRAI"
    assert table.cell(1, "N° dossier") == "42", "calamine gives no number format"
    assert export.table_named("Archives").hidden
    target = export.default_copy_path()
    assert target.name == "classeur-libreoffice-nettoye.xlsx"
    with pytest.raises(ExportError, match=r"« \.xlsx »"):
        export.write_copy([], tmp_path / "propre.xls")
    target = tmp_path / "propre.xlsx"
    export.write_copy([_edit(export, "Patients", 1, "Commentaire", "[retiré]")], target)
    note = export.copy_note(target) or ""
    assert ".xls ne peut pas être modifié fidèlement" in note and "\n" not in note
    copy = read_export(target)
    assert copy.table_named("Patients").cell(1, "Commentaire") == "[retiré]"
    assert copy.table_named("Patients").cell(2, "Commentaire") == wc.DUPLICATE
    assert copy.table_named("Patients").header_line == 3, "the title line kept its place"
    wc.assert_no_trace(target, wc.SENSITIVE)


@pytest.mark.skipif(wc.libreoffice() is None, reason="LibreOffice n'est pas installé")
def test_libreoffice_opens_the_ods_copy(tmp_path: Path) -> None:
    export = read_export(wc.LIBREOFFICE_ODS)
    target = tmp_path / "propre.ods"
    export.write_copy([_edit(export, "Patients", 1, "Commentaire", "[commentaire retiré]")], target)
    text = wc.libreoffice_csv(target, tmp_path)
    assert "[commentaire retiré]" in text and "porteuse" not in text and "MOREAU" in text
