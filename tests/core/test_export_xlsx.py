"""Excel workbooks: every sheet read as the user sees it; copies that change only edited cells."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from huisclos.core.edits import Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.reading import read_export
from practice_files import write_practice_xlsx

COMMENT = "Commentaire administratif"


def make_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Patients"
    sheet["A1"] = "Liste des patients au 12/03/2025"
    sheet.merge_cells("A1:E1")
    sheet.append(["N° dossier", "NOM", "Date de naissance", "Téléphone", COMMENT])
    sheet.append([1001, "DUPONT", dt.datetime(1961, 3, 12), 601020304, "porteuse sida !!! !!!!"])
    sheet.append([1002, "MARTIN", dt.date(1990, 2, 1), 605060708, "mère musulmane voilée"])
    sheet.append([1003, "PETIT", dt.datetime(1945, 11, 30), 612345678, None])
    for row in (3, 4, 5):
        sheet[f"D{row}"].number_format = "0000000000"
        sheet[f"C{row}"].number_format = "dd/mm/yyyy"
    sheet["F2"] = "Double"
    sheet["F3"] = "=A3*2"
    sheet["E3"].font = Font(bold=True, color="FF0000")
    sheet["E3"].fill = PatternFill("solid", fgColor="FFFF00")
    sheet["E3"].alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["E"].width = 55
    sheet.freeze_panes = "A3"
    other = workbook.create_sheet("Rendez-vous")
    other.append(["NOM", "Remarques", "Montant"])
    other.append(["DURAND", "serait homosexuelle d'après sa mère", 12.5])
    other["C2"].number_format = "#,##0.00 €"
    workbook.create_sheet("Vide")
    path = path / "export.xlsx"
    workbook.save(path)
    return path


def test_every_sheet_is_read_with_its_header_row(tmp_path):
    export = read_export(make_workbook(tmp_path))
    assert export.kind == "xlsx"
    assert [table.name for table in export.tables] == ["Patients", "Rendez-vous", "Vide"]
    patients = export.table_named("Patients")
    assert patients.header == [
        "N° dossier", "NOM", "Date de naissance", "Téléphone", COMMENT, "Double"
    ]  # fmt: skip
    assert patients.header_line == 2
    assert len(patients) == 3
    assert export.table is patients
    rdv = export.table_named("Rendez-vous")
    assert rdv.row(1) == [
        "DURAND",
        "serait homosexuelle d'après sa mère",
        "12,50 €",
    ]  # as Excel shows it
    assert len(export.table_named("Vide")) == 0
    with pytest.raises(ExportError, match="feuille « Absente » n'existe pas"):
        export.table_named("Absente")


def test_values_as_the_user_sees_them(tmp_path):
    table = read_export(make_workbook(tmp_path)).table
    assert table.row(1)[:5] == [
        "1001", "DUPONT", "12/03/1961", "0601020304", "porteuse sida !!! !!!!"
    ]  # fmt: skip
    assert table.cell(2, "Date de naissance") == "01/02/1990"
    assert table.cell(3, COMMENT) == ""
    assert list(table.iter_column_values([COMMENT])) == [
        (1, ["porteuse sida !!! !!!!"]),
        (2, ["mère musulmane voilée"]),
        (3, [""]),
    ]
    source = table.source_of(2, COMMENT)
    assert (source.kind, source.sheet, source.coordinate) == ("xlsx", "Patients", "E4")


def test_copy_without_edits_is_byte_identical(tmp_path):
    source = make_workbook(tmp_path)
    target = tmp_path / "copie.xlsx"
    read_export(source).write_copy([], target)
    assert target.read_bytes() == source.read_bytes()


def test_only_edited_cells_change_and_everything_else_survives(tmp_path):
    source = make_workbook(tmp_path)
    original = source.read_bytes()
    export = read_export(source)
    target = tmp_path / "propre.xlsx"
    export.write_copy(
        [
            Edit(1, COMMENT, "porteuse sida !!! !!!!", "", sheet="Patients"),
            Edit(1, "Remarques", "serait homosexuelle d'après sa mère", "RAS", sheet="Rendez-vous"),
        ],
        target,
    )
    assert source.read_bytes() == original

    before = load_workbook(source)
    after = load_workbook(target)
    assert after.sheetnames == before.sheetnames
    changed = {("Patients", "E3"), ("Rendez-vous", "B2")}
    for name in before.sheetnames:
        old, new = before[name], after[name]
        assert new.max_row == old.max_row and new.max_column == old.max_column
        for row in old.iter_rows():
            for cell in row:
                if (name, cell.coordinate) in changed:
                    continue
                twin = new[cell.coordinate]
                assert twin.value == cell.value, (name, cell.coordinate)
                assert twin.number_format == cell.number_format
    patients = after["Patients"]
    assert patients["E3"].value is None
    assert after["Rendez-vous"]["B2"].value == "RAS"
    # styles, number formats, column widths, merged cells, formulas, frozen panes
    assert patients["E3"].font.b and patients["E3"].font.color.rgb == "00FF0000"
    assert patients["E3"].fill.fgColor.rgb == "00FFFF00"
    assert patients["E3"].alignment.wrap_text
    assert patients["D3"].number_format == "0000000000"
    assert patients["C3"].number_format == "dd/mm/yyyy"
    assert after["Rendez-vous"]["C2"].number_format == "#,##0.00 €"
    assert patients.column_dimensions["E"].width == 55
    assert [str(r) for r in patients.merged_cells.ranges] == ["A1:E1"]
    assert patients["F3"].value == "=A3*2"
    assert patients.freeze_panes == "A3"

    reread = read_export(target)
    assert reread.table_named("Patients").cell(1, COMMENT) == ""
    assert reread.table_named("Patients").cell(2, COMMENT) == "mère musulmane voilée"
    assert reread.table_named("Rendez-vous").cell(1, "Remarques") == "RAS"


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+33 6", "-rappeler", "@SOMME(A1)"])
def test_rewritten_cell_starting_like_a_formula_is_stored_as_text(tmp_path, text):
    source = make_workbook(tmp_path)
    target = tmp_path / "copie.xlsx"
    before = "mère musulmane voilée"
    read_export(source).write_copy([Edit(2, COMMENT, before, text, sheet="Patients")], target)
    cell = load_workbook(target)["Patients"]["E4"]
    assert cell.value == text
    assert cell.data_type == "s"
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    element = re.search(rb'<c r="E4".*?</c>', sheet).group(0)
    assert b't="inlineStr"' in element and b"<f>" not in element  # text, never a formula
    assert read_export(target).table.cell(2, COMMENT) == text


def test_edit_that_does_not_match_the_workbook_is_refused(tmp_path):
    source = make_workbook(tmp_path)
    target = tmp_path / "copie.xlsx"
    with pytest.raises(ExportError, match="ne contient plus le texte attendu"):
        read_export(source).write_copy([Edit(1, COMMENT, "autre", "x", sheet="Patients")], target)
    assert not target.exists()


def test_refuses_to_overwrite_the_original_workbook(tmp_path):
    source = make_workbook(tmp_path)
    with pytest.raises(ExportError, match="fichier d'origine"):
        read_export(source).write_copy([], source)


def test_wrong_sheet_size_written_by_an_exporter_does_not_hide_rows(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NOM", COMMENT])
    for index in range(5):
        sheet.append([f"PATIENT{index}", f"commentaire {index}"])
    good = tmp_path / "bon.xlsx"
    workbook.save(good)
    bad = tmp_path / "taille-fausse.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>', data)
                assert b'<dimension ref="A1"/>' in data
            target.writestr(name, data)
    table = read_export(bad).table
    assert len(table) == 5
    assert table.cell(5, COMMENT) == "commentaire 4"


def test_invisible_characters_are_kept_and_a_broken_character_is_refused(tmp_path):
    source = make_workbook(tmp_path)
    target = tmp_path / "copie.xlsx"
    edit = Edit(
        2, COMMENT, "mère musulmane voilée", "RDV\x07\r\nle _x0041_ matin", sheet="Patients"
    )
    read_export(source).write_copy([edit], target)
    assert read_export(target).table.cell(2, COMMENT) == "RDV\x07\r\nle _x0041_ matin"
    broken = Edit(2, COMMENT, "mère musulmane voilée", "RDV \ud800", sheet="Patients")
    with pytest.raises(ExportError, match="caractère invalide"):
        read_export(source).write_copy([broken], tmp_path / "autre.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copie.xlsx", "export.xlsx"]


TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn"), include_characters="\n"
    ),
    max_size=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=6),
    st.data(),
)
def test_workbook_round_trip_and_one_edit(rows, data):  # type: ignore[no-untyped-def]
    # openpyxl writes a typed «_x0041_» as it is, where Excel (and Huis clos) read an escape
    assume(not any(re.search(r"_x[0-9A-Fa-f]{4}_", cell) for row in rows for cell in row))
    header = ["NOM", "Prénom", "Observations"]
    with tempfile.TemporaryDirectory() as folder:
        source = write_practice_xlsx(
            Path(folder) / "export.xlsx", header, rows, sheet="Liste", as_text=True
        )
        export = read_export(source)
        table = export.table
        expected = [[cell.replace("\r\n", "\n") for cell in row] for row in rows]
        while expected and not any(expected[-1]):
            expected.pop()  # empty rows at the end of a sheet are not rows
        assert [cells for _, cells in table.iter_rows()] == expected
        assume(expected)

        row = data.draw(st.integers(1, len(expected)))
        column = data.draw(st.sampled_from(header))
        new_text = data.draw(TEXT)
        before = table.cell(row, column)
        copy = Path(folder) / "copie.xlsx"
        export.write_copy([Edit(row, column, before, new_text, sheet="Liste")], copy)
        if new_text != before:
            expected[row - 1][header.index(column)] = new_text
        while expected and not any(expected[-1]):
            expected.pop()
        assert [cells for _, cells in read_export(copy).table.iter_rows()] == expected


def test_opening_a_large_workbook_reports_progress(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NOM", COMMENT])
    for index in range(4500):
        sheet.append([f"P{index}", "RAS"])
    path = tmp_path / "grand.xlsx"
    workbook.save(path)
    calls: list[tuple[int, int]] = []
    export = read_export(path, progress=lambda done, total: calls.append((done, total)))
    assert len(export.table) == 4500
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert len(calls) >= 3
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
