"""The correction list a secretary works through in the practice software (core, no CLI)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from huisclos.core.edits import CellKey, Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.model import Export
from huisclos.core.exports.reading import read_export
from huisclos.core.review.worklist import (
    Worklist,
    build_worklist,
    csv_format_of,
    render_csv,
    write_worklist,
)

HEADER = ["N° dossier", "NOM", "Prénom", "Date de naissance", "Téléphone", "Commentaire"]
ROWS = [
    ["1001", "MARTIN", "Hélène", "12/03/1958", "06 11 22 33 44", "Porteuse sida !!!"],
    ["1002", "DUPONT", "Jérôme", "01/01/1970", "06 55 66 77 88", "appeler sur portable"],
    ["1003", "LEFÈVRE", "Zoé", "23/07/1990", "", "CMU, RDV le matin"],
]
COMMENT = "Commentaire"


def write(
    path: Path, delimiter: str = ";", encoding: str = "cp1252", newline: str = "\r\n"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows([HEADER, *ROWS])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


EDITS = [
    Edit(3, COMMENT, "CMU, RDV le matin", "Tiers payant intégral, RDV le matin", ("social.cmu",)),
    Edit(1, COMMENT, "Porteuse sida !!!", "", ("health.hiv",)),
    Edit(2, COMMENT, "appeler sur portable", "appeler sur portable", ()),  # no change: no line
]


def flagged(edits: list[Edit]) -> dict[CellKey, tuple[str, ...]]:
    """The categories each cell was flagged for (here: the first part of these rule ids)."""
    return {edit.key: tuple(rule.split(".")[0] for rule in edit.rule_ids) for edit in edits}


def listed(export: Export, edits: list[Edit], with_original: bool = False) -> Worklist:
    return build_worklist(export, edits, categories=flagged(edits), with_original=with_original)


def test_one_line_per_changed_comment_in_file_order_with_identity(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv"))
    worklist = listed(export, EDITS)
    rows = worklist.rows()
    assert rows[0] == [
        "Ligne", "N° dossier", "NOM", "Prénom", "Date de naissance", "Colonne", "Action",
        "Commentaire proposé", "Catégories",
    ]  # fmt: skip
    assert rows[1] == [
        "1", "1001", "MARTIN", "Hélène", "12/03/1958", COMMENT, "À vider", "",
        "Santé",
    ]  # fmt: skip
    assert rows[2][0] == "3" and rows[2][6:] == [
        "Remplacer",
        "Tiers payant intégral, RDV le matin",
        "Précarité sociale",
    ]
    assert len(worklist) == 2
    # The phone number is not an identity column: it is not repeated.
    assert all("06 11 22 33 44" not in line for line in rows)


def test_current_comment_only_when_asked(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv"))
    rows = listed(export, EDITS, with_original=True).rows()
    assert rows[0][-1] == "Commentaire actuel"
    assert rows[1][-1] == "Porteuse sida !!!"


def test_each_cell_lists_the_categories_it_was_flagged_for_in_order(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv"))
    categories = {("", 1, COMMENT): ("health", "judgement")}
    rows = build_worklist(export, EDITS, categories=categories).rows()
    assert rows[1][-1] == "Santé, Jugement ou propos déplacé"


@pytest.mark.parametrize(
    ("delimiter", "encoding", "newline", "bom"),
    [
        (";", "cp1252", "\r\n", b""),
        # A UTF-8 source without BOM still gives a list with one, or Excel shows «PrÃ©nom».
        (",", "utf-8", "\n", b"\xef\xbb\xbf"),
        ("\t", "utf-8-sig", "\r\n", b"\xef\xbb\xbf"),
    ],
)
def test_written_with_the_source_encoding_and_delimiter(
    tmp_path: Path, delimiter: str, encoding: str, newline: str, bom: bytes
) -> None:
    export = read_export(write(tmp_path / "patients.csv", delimiter, encoding, newline))
    target = tmp_path / "corrections.csv"
    assert write_worklist(target, listed(export, EDITS), export) is True
    data = target.read_bytes()
    assert data.startswith(bom) if bom else not data.startswith(b"\xef\xbb\xbf")
    text = data[len(bom) :].decode(encoding.replace("-sig", ""))
    assert newline in text and (newline == "\r\n" or "\r" not in text)
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert lines[1][2] == "MARTIN" and lines[2][3] == "Zoé"


def test_an_excel_source_gives_an_excel_friendly_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in ROWS:
        workbook.active.append(row)
    workbook.save(tmp_path / "patients.xlsx")
    export = read_export(tmp_path / "patients.xlsx")
    fmt = csv_format_of(export)
    assert (fmt.encoding, fmt.bom, fmt.delimiter) == ("utf-8", True, ";")
    sheet = export.table.name
    edits = [Edit(1, COMMENT, "Porteuse sida !!!", "", ("health.hiv",), sheet)]
    target = tmp_path / "corrections.csv"
    write_worklist(target, listed(export, edits), export)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_text_the_source_encoding_cannot_hold_falls_back_to_utf8(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv", ";", "latin-1", "\n"))
    edits = [Edit(1, COMMENT, "Porteuse sida !!!", "Tension ≥ 14 – voir dossier", ("health.hiv",))]
    data, same = render_csv(listed(export, edits), csv_format_of(export))
    assert same is False
    assert data.startswith(b"\xef\xbb\xbf") and "Tension ≥ 14".encode() in data


def test_a_comment_excel_would_run_as_a_formula_is_neutralised(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv"))
    edits = [Edit(1, COMMENT, "Porteuse sida !!!", '=HYPERLINK("x")', ("health.hiv",))]
    data, _ = render_csv(listed(export, edits), csv_format_of(export))
    assert b'"\'=HYPERLINK(""x"")"' in data
    assert b";=HYPERLINK" not in data and b'"=HYPERLINK' not in data


@pytest.mark.parametrize("proposed", ["+33 6 12 12 12 12 appeler", "@Maman", "-5 kg ok"])
def test_the_proposed_comment_is_exactly_what_the_copy_holds(tmp_path: Path, proposed: str) -> None:
    export = read_export(write(tmp_path / "patients.csv", ",", "utf-8", "\n"))
    edits = [Edit(1, COMMENT, "Porteuse sida !!!", proposed, ("health.hiv",))]
    target = tmp_path / "corrections.csv"
    write_worklist(target, listed(export, edits), export)
    text = target.read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=","))
    cell = lines[1][lines[0].index("Commentaire proposé")]
    copy = tmp_path / "copie.csv"
    export.write_copy(edits, copy)
    assert cell == "'" + proposed  # nothing a spreadsheet would run, whatever its options
    assert read_export(copy).table.cell(1, COMMENT) == cell  # and what the copy holds


def test_an_xlsx_list_holds_formula_like_text_as_plain_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    export = read_export(write(tmp_path / "patients.csv"))
    edits = [
        Edit(1, COMMENT, "Porteuse sida !!!", "=1+1 appeler", ("health.hiv",)),
        Edit(3, COMMENT, "CMU, RDV le matin", "@Maman", ("social.cmu",)),
    ]
    target = tmp_path / "corrections.xlsx"
    write_worklist(target, listed(export, edits), export)
    sheet = load_workbook(target).active
    column = [cell.value for cell in sheet[1]].index("Commentaire proposé") + 1
    cells = [sheet.cell(row=row, column=column) for row in (2, 3)]
    # The CSV copy's text, apostrophe included, as plain text cells.
    assert [cell.value for cell in cells] == ["'=1+1 appeler", "'@Maman"]
    assert [cell.data_type for cell in cells] == ["s", "s"]


def test_xlsx_list(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    export = read_export(write(tmp_path / "patients.csv"))
    target = tmp_path / "corrections.xlsx"
    write_worklist(target, listed(export, EDITS, with_original=True), export)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Ligne" and rows[0][-1] == "Commentaire actuel"
    assert rows[2][7] == "Tiers payant intégral, RDV le matin"


def test_an_unwritable_folder_is_a_french_error(tmp_path: Path) -> None:
    export = read_export(write(tmp_path / "patients.csv"))
    with pytest.raises(ExportError) as error:
        write_worklist(
            tmp_path / "absent" / "corrections.csv",
            listed(export, EDITS),
            export,
        )
    assert "n'existe pas" in error.value.message
    assert list(tmp_path.iterdir()) == [tmp_path / "patients.csv"]


def test_several_sheets_name_the_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Cabinet A"
    second = workbook.create_sheet("Cabinet B")
    for sheet in (first, second):
        sheet.append(HEADER)
        for row in ROWS:
            sheet.append(row)
    workbook.save(tmp_path / "patients.xlsx")
    export = read_export(tmp_path / "patients.xlsx")
    edits = [
        Edit(1, COMMENT, "Porteuse sida !!!", "", ("health.hiv",), "Cabinet B"),
        Edit(
            3, COMMENT, "CMU, RDV le matin", "Tiers payant intégral", ("social.cmu",), "Cabinet A"
        ),
    ]
    rows = listed(export, edits).rows()
    assert rows[0][:2] == ["Ligne", "Feuille"]
    assert [row[1] for row in rows[1:]] == ["Cabinet A", "Cabinet B"]
