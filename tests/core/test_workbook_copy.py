"""The cleaned copy of an Excel workbook: spliced into the original, every untouched part byte for
byte, no trace of a removed comment, and a clear refusal (nothing written) when that cannot be.

The fixtures are a rich workbook written by openpyxl and the same workbook saved by LibreOffice
(tests/data/exports/make_workbooks.py): image, chart, notes, hyperlink, data validation,
conditional formatting, merged cells, formulas, dates, two visible sheets and a hidden one.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

import workbook_checks as wc
from huisclos.core.edits import Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.reading import read_export
from huisclos.core.exports.sheet_table import SheetTable
from huisclos.core.exports.xml_text import split_ref

BOOKS = {"openpyxl": wc.OPENPYXL_BOOK, "libreoffice": wc.LIBREOFFICE_BOOK}


def edit_at(export, sheet: str, ref: str, new: str, *, note: bool = False) -> Edit:  # type: ignore[no-untyped-def]
    """The edit of the cell ``ref`` of ``sheet`` (or of its note) from its current text."""
    table = export.table_named(sheet)
    assert isinstance(table, SheetTable)
    sheet_row, sheet_column = split_ref(ref)
    row = sheet_row - table.first_row + 1
    column = table.header[sheet_column - table.first_column]
    if note:
        column = next(c for c in table.note_columns if table.sheet_column(c) == sheet_column)
    return Edit(row, column, table.cell(row, column), new, sheet=sheet)


CELL_EDITS = {
    ("Patients", "H4"): "[commentaire retiré]",
    ("Patients", "H5"): "=ne pas facturer",  # looks like a formula: stays text
    ("Patients", "H8"): "  espaces gardés\net retour à la ligne & <chevrons>  ",
    ("Patients", "H11"): "",  # the rich-text cell emptied
    ("Patients", "I4"): "RAS",  # a hidden column
    ("Archives", "B2"): "RAS",  # a hidden sheet
}


@pytest.fixture(params=sorted(BOOKS))
def book(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source = tmp_path / f"export-{request.param}.xlsx"
    shutil.copyfile(BOOKS[request.param], source)
    return source


def test_copy_changes_only_the_edited_cells_and_notes(book: Path, tmp_path: Path) -> None:
    original = book.read_bytes()
    export = read_export(book)
    edits = [edit_at(export, sheet, ref, text) for (sheet, ref), text in CELL_EDITS.items()]
    edits.append(edit_at(export, "Patients", "H4", "note nettoyée", note=True))
    target = tmp_path / "propre.xlsx"
    export.write_copy(edits, target)
    assert book.read_bytes() == original, "the original is never written"

    sheets = wc.sheet_part_names(book)
    names = set(wc.parts(book))
    notes_part = next(n for n in names if re.fullmatch(r"xl/comments(/comment)?1\.xml", n))
    expected = {sheets["Patients"], sheets["Archives"], notes_part}
    if "xl/sharedStrings.xml" in names:  # LibreOffice writes shared strings, openpyxl does not
        expected.add("xl/sharedStrings.xml")
    wc.check_copy(book, target, CELL_EDITS, expected)
    reread = read_export(target)
    note_column = reread.table_named("Patients").note_columns[0]
    assert reread.table_named("Patients").cell(1, note_column) == "note nettoyée"
    for removed in (wc.SENSITIVE, wc.SPECIAL, wc.RICH, wc.NOTE, wc.HIDDEN_SHEET_TEXT):
        wc.assert_no_trace(target, removed)
    wc.assert_no_trace(target, wc.HIDDEN_COLUMN_TEXT)
    for untouched in ("xl/media/image1.png", "xl/charts/chart1.xml", "xl/styles.xml"):
        assert wc.parts(target)[untouched] == wc.parts(book)[untouched]


def test_a_shared_text_still_used_elsewhere_is_kept_and_the_others_blanked(tmp_path: Path) -> None:
    source = wc.LIBREOFFICE_BOOK
    export = read_export(source)
    edits = [
        edit_at(export, "Patients", "H4", "[retiré]"),
        edit_at(export, "Patients", "H5", "[retiré]"),  # also in «Suivi & notes»
    ]
    target = tmp_path / "propre.xlsx"
    export.write_copy(edits, target)
    old, new = wc.parts(source)["xl/sharedStrings.xml"], wc.parts(target)["xl/sharedStrings.xml"]
    assert old.count(b"<si>") == new.count(b"<si>"), "same entries: every index still valid"
    assert wc.SENSITIVE.encode() not in new and b"<si><t/></si>" in new
    assert "d&apos;après".encode() in new or "d'après".encode() in new, "still used in sheet 2"
    assert read_export(target).table_named("Suivi & notes").cell(1, "Observation") == wc.DUPLICATE


def test_a_chart_label_cached_by_libreoffice_follows_its_cell(tmp_path: Path) -> None:
    export = read_export(wc.LIBREOFFICE_BOOK)
    target = tmp_path / "propre.xlsx"
    export.write_copy([edit_at(export, "Patients", "C4", "M. X")], target)
    chart = wc.parts(target)["xl/charts/chart1.xml"]
    assert b"<c:v>M. X</c:v>" in chart and b"<c:v>MARTIN</c:v>" not in chart
    assert read_export(target).table_named("Patients").cell(1, "NOM") == "M. X"


def test_a_copy_without_edits_is_the_original_byte_for_byte(book: Path, tmp_path: Path) -> None:
    target = tmp_path / "copie.xlsx"
    read_export(book).write_copy([], target)
    assert target.read_bytes() == book.read_bytes()


@pytest.mark.parametrize("variant", ["descriptors", "zip64", "stored+comment"])
def test_zip_layouts_are_kept(tmp_path: Path, variant: str) -> None:
    source = tmp_path / f"{variant}.xlsx"
    if variant == "descriptors":
        wc.rewrap(wc.OPENPYXL_BOOK, source, descriptors=True)
    elif variant == "zip64":
        wc.rewrap(wc.OPENPYXL_BOOK, source, zip64=True)
    else:
        stored = ("xl/worksheets/sheet1.xml", "xl/styles.xml")
        wc.rewrap(wc.OPENPYXL_BOOK, source, stored=stored, comment=b"export cabinet")
    export = read_export(source)
    edits = {("Patients", "H4"): "[retiré]"}
    target = tmp_path / "propre.xlsx"
    export.write_copy([edit_at(export, "Patients", "H4", "[retiré]")], target)
    wc.check_copy(source, target, edits, {"xl/worksheets/sheet1.xml"})
    with zipfile.ZipFile(target) as archive:
        if variant == "stored+comment":
            assert archive.comment == b"export cabinet"
            info = archive.getinfo("xl/worksheets/sheet1.xml")
            assert info.compress_type == zipfile.ZIP_STORED
        if variant == "descriptors":
            assert archive.getinfo("xl/styles.xml").flag_bits & 8, "copied as it was"
            assert not archive.getinfo("xl/worksheets/sheet1.xml").flag_bits & 8


def test_a_threaded_comment_gets_the_new_text_and_loses_its_replies(tmp_path: Path) -> None:
    source = wc.with_threaded_comment(wc.OPENPYXL_BOOK, tmp_path / "fil.xlsx")
    export = read_export(source)
    target = tmp_path / "propre.xlsx"
    export.write_copy([edit_at(export, "Patients", "H4", "note nettoyée", note=True)], target)
    thread = wc.parts(target)["xl/threadedComments/threadedComment1.xml"]
    assert b"note nettoy" in thread and b"autre fil" in thread
    assert "méthadone".encode() not in thread, "the reply went with the old text"
    wc.assert_no_trace(target, wc.NOTE)
    from openpyxl import load_workbook

    assert load_workbook(target)["Patients"]["H4"].comment.text == "note nettoyée"


def test_a_note_above_the_header_is_scanned_and_rewritten(tmp_path: Path) -> None:
    export = read_export(wc.OPENPYXL_BOOK)
    outside = export.tables[-1]
    assert outside.row(1) == ["Patients", "H3", wc.HEADER_NOTE]
    target = tmp_path / "propre.xlsx"
    export.write_copy(
        [Edit(1, "Note", wc.HEADER_NOTE, "colonne de l'accueil", sheet=outside.name)], target
    )
    assert read_export(target).tables[-1].row(1)[2] == "colonne de l'accueil"
    wc.assert_no_trace(target, wc.HEADER_NOTE)


def test_a_replaced_formula_leaves_the_calculation_chain(tmp_path: Path) -> None:
    source = wc.with_calc_chain(wc.OPENPYXL_BOOK, tmp_path / "chaine.xlsx")
    export = read_export(source)
    target = tmp_path / "propre.xlsx"
    edits = {("Patients", "H10"): "formule retirée"}
    export.write_copy([edit_at(export, "Patients", "H10", "formule retirée")], target)
    chain = wc.parts(target)["xl/calcChain.xml"].decode()
    assert '"H10"' not in chain
    assert re.search(r'<c (i="1" r="F10"|r="F10" i="1")/>', chain), "i= handed to the next entry"
    assert '<c r="A1" i="2"/>' in chain
    wc.check_copy(source, target, edits, {"xl/worksheets/sheet1.xml", "xl/calcChain.xml"})
    cell = re.search(rb'<c r="H10".*?</c>', wc.parts(target)["xl/worksheets/sheet1.xml"]).group(0)
    assert b"<f>" not in cell


def _nothing_written(folder: Path, *keep: str) -> None:
    assert sorted(path.name for path in folder.iterdir()) == sorted(keep)


def test_a_pivot_cache_holding_the_comment_refuses_the_copy(tmp_path: Path) -> None:
    source = wc.with_pivot_cache(wc.OPENPYXL_BOOK, tmp_path / "pivot.xlsx", wc.SENSITIVE)
    export = read_export(source)
    with pytest.raises(ExportError, match="tableau croisé dynamique"):
        export.write_copy([edit_at(export, "Patients", "H4", "[retiré]")], tmp_path / "p.xlsx")
    _nothing_written(tmp_path, "pivot.xlsx")


def test_a_copy_of_the_comment_outside_the_cells_refuses_the_copy(tmp_path: Path) -> None:
    source = wc.with_header_text(wc.OPENPYXL_BOOK, tmp_path / "entete.xlsx", wc.SENSITIVE)
    export = read_export(source)
    with pytest.raises(ExportError, match=r"resterait lisible.*sheet1\.xml"):
        export.write_copy([edit_at(export, "Patients", "H4", "[retiré]")], tmp_path / "p.xlsx")
    _nothing_written(tmp_path, "entete.xlsx")


def test_unsplicable_workbooks_are_refused_with_one_french_line(tmp_path: Path) -> None:
    target = tmp_path / "p.xlsx"
    source = wc.strict(wc.OPENPYXL_BOOK, tmp_path / "strict.xlsx")
    export = read_export(source)
    with pytest.raises(ExportError, match="Strict Open XML"):
        export.write_copy([edit_at(export, "Patients", "H4", "x")], target)
    hidden_under_merge = wc.replace_members(
        wc.LIBREOFFICE_BOOK,
        tmp_path / "fusion.xlsx",
        {
            "xl/worksheets/sheet1.xml": wc.parts(wc.LIBREOFFICE_BOOK)[
                "xl/worksheets/sheet1.xml"
            ].replace(
                b'<c r="K5" s="6"/>',
                b'<c r="K5" s="6" t="inlineStr"><is><t>sous la fusion</t></is></c>',
            )
        },
    )
    export = read_export(hidden_under_merge)
    assert export.table.cell(2, "Colonne 10") == "sous la fusion", "a text Excel hides is scanned"
    with pytest.raises(ExportError, match=r"fusionnées \(J4:K5\) dont elle n'est pas la première"):
        export.write_copy([edit_at(export, "Patients", "K5", "x")], target)
    export = read_export(wc.OPENPYXL_BOOK)
    with pytest.raises(ExportError, match="dépasse"):
        export.write_copy([edit_at(export, "Patients", "H4", "x" * 40_000)], target)
    with pytest.raises(ExportError, match="est vide dans le fichier"):
        export.write_copy([edit_at(export, "Patients", "H7", "x")], target)  # the empty row
    _nothing_written(tmp_path, "strict.xlsx", "fusion.xlsx")


def test_the_top_left_cell_of_a_merged_range_can_be_edited(tmp_path: Path) -> None:
    export = read_export(wc.OPENPYXL_BOOK)
    target = tmp_path / "p.xlsx"
    export.write_copy([edit_at(export, "Patients", "J4", "fusion nettoyée")], target)
    wc.check_copy(
        wc.OPENPYXL_BOOK,
        target,
        {("Patients", "J4"): "fusion nettoyée"},
        {"xl/worksheets/sheet1.xml"},
    )
    from openpyxl import load_workbook

    assert [str(r) for r in load_workbook(target)["Patients"].merged_cells.ranges] == ["J4:K5"]


def test_a_sheet_with_a_prefix_and_no_references_is_read_and_copied(tmp_path: Path) -> None:
    source = wc.prefixed_without_references(tmp_path / "prefixe.xlsx")
    export = read_export(source)
    table = export.table
    assert table.header == ["NOM", "Commentaire"]
    assert [cells for _, cells in table.iter_rows()] == [
        ["MARTIN", wc.SENSITIVE],
        ["DURAND", " fils en prison "],
    ]
    target = tmp_path / "propre.xlsx"
    export.write_copy(
        [
            Edit(1, "Commentaire", wc.SENSITIVE, "retiré", sheet="Liste"),
            Edit(2, "Commentaire", " fils en prison ", "=1+1", sheet="Liste"),
        ],
        target,
    )
    new = wc.parts(target)
    assert (
        b'<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">retir'
        in new["xl/worksheets/sheet1.xml"]
    )
    assert b"<x:si><x:t/></x:si>" in new["xl/sharedStrings.xml"]
    wc.assert_no_trace(target, wc.SENSITIVE)
    wc.assert_no_trace(target, " fils en prison ")
    reread = read_export(target).table
    assert [cells for _, cells in reread.iter_rows()] == [["MARTIN", "retiré"], ["DURAND", "=1+1"]]


def test_reading_shows_what_excel_shows() -> None:
    for path in BOOKS.values():
        table = read_export(path).table_named("Patients")
        assert table.header_line == 3, "the title line and the empty row 2 are skipped"
        assert table.cell(1, "N° dossier") == "000042"
        assert table.cell(1, "Date de naissance") == "29/02/1980"
        assert table.cell(1, "Solde") == "12,50" and table.cell(2, "Solde") == "-3,25"
        assert table.cell(1, "Actif") == "VRAI" and table.cell(2, "Actif") == "FAUX"
        assert table.cell(5, "Date de naissance") == "15/06/1990 14:30"
        assert table.row(4) == [""] * len(table.header), "the empty row keeps its place"
        assert table.cell(5, "Commentaire") == wc.SPECIAL
        assert table.cell(8, "Commentaire") == wc.RICH
        assert table.source_of(1, "Commentaire").coordinate == "H4"
        assert table.hidden_columns == ["Remarques internes"]
        assert read_export(path).table_named("Archives").hidden


def test_a_lone_carriage_return_and_escapes_survive_the_round_trip(tmp_path: Path) -> None:
    export = read_export(wc.OPENPYXL_BOOK)
    tricky = "a_x000D_b\x01c\rd"
    target = tmp_path / "p.xlsx"
    export.write_copy([edit_at(export, "Patients", "H4", tricky)], target)
    assert b"a_x005F_x000D_b_x0001_c_x000D_d" in wc.parts(target)["xl/worksheets/sheet1.xml"]
    assert read_export(target).table_named("Patients").cell(1, "Commentaire") == tricky


@pytest.mark.skipif(wc.libreoffice() is None, reason="LibreOffice n'est pas installé")
def test_libreoffice_opens_the_copy_and_shows_the_new_texts(tmp_path: Path) -> None:
    export = read_export(wc.LIBREOFFICE_BOOK)
    target = tmp_path / "propre.xlsx"
    export.write_copy([edit_at(export, "Patients", "H4", "[commentaire retiré]")], target)
    text = wc.libreoffice_csv(target, tmp_path)
    assert "[commentaire retiré]" in text and "porteuse" not in text and "MOREAU" in text


def test_a_short_removed_text_counts_only_as_a_whole_value(tmp_path: Path) -> None:
    """«0000» is in the theme's colours («000000»): not a copy of the comment; as a whole value
    of its own (a pivot cache's item) it is one."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Liste"
    book.active.append(["NOM", "Commentaire"])
    book.active.append(["MARTIN", "sida"])
    book.active.append(["DURAND", "0000"])
    source = tmp_path / "court.xlsx"
    book.save(source)
    assert b"000000" in wc.parts(source)["xl/theme/theme1.xml"]
    export = read_export(source)
    target = tmp_path / "propre.xlsx"
    export.write_copy([Edit(2, "Commentaire", "0000", "RAS", sheet="Liste")], target)
    assert read_export(target).table.cell(2, "Commentaire") == "RAS"
    pivot = wc.with_pivot_cache(source, tmp_path / "pivot.xlsx", "sida")
    export = read_export(pivot)
    with pytest.raises(ExportError, match="tableau croisé"):
        export.write_copy([Edit(1, "Commentaire", "sida", "", sheet="Liste")], tmp_path / "p.xlsx")
