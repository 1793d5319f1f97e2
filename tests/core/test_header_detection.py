"""One wide data row among the first lines does not take over the header; lines skipped above
a header found lower down are said; line numbers never shift."""

from __future__ import annotations

from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.exports.reading import read_export

HEADER = ["N° dossier", "NOM", "Prénom", "Date de naissance", "Commentaire administratif"]
ROWS = [
    ["1001", "MARTIN", "Hélène", "12/03/1958", "appeler le matin"],
    ["1002", "DUPONT", "Jérôme", "01/01/1970", "porteuse sida"],
    ["1003", "LEFÈVRE", "Zoé", "23/07/1990", ""],
    ["1004", "GARCIA", "Éric", "05/11/1944", "malentendant"],
]
WIDE = ["1002", "DUPONT", "Jérôme", "01/01/1970", "porteuse sida", *(["x"] * 25)]


def _write(path: Path, lines: list[list[str]]) -> Path:
    path.write_bytes("".join(";".join(line) + "\r\n" for line in lines).encode("cp1252"))
    return path


def test_a_wide_data_row_does_not_take_over_the_header(tmp_path: Path) -> None:
    source = _write(tmp_path / "patients.csv", [HEADER, ROWS[0], WIDE, ROWS[2], ROWS[3]])
    table = read_export(source).table
    assert table.header[:5] == HEADER
    assert table.header_line == 1
    assert len(table) == 4  # no row skipped
    assert table.cell(2, "NOM") == "DUPONT"


def test_a_wide_row_above_the_header_is_not_taken_for_it(tmp_path: Path) -> None:
    source = _write(tmp_path / "patients.csv", [WIDE, HEADER, *ROWS])
    table = read_export(source).table
    assert table.header[:5] == HEADER and table.header_line == 2


def test_the_correction_list_keeps_its_identity_columns_and_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "patients.csv", [HEADER, ROWS[0], WIDE, ROWS[2], ROWS[3]])
    listed = tmp_path / "liste.csv"
    assert main(["clean", str(source), "--worklist", str(listed)]) == 0
    lines = listed.read_bytes().decode("cp1252").splitlines()
    assert lines[0].startswith("Ligne;N° dossier;NOM;Prénom")
    assert lines[1].startswith("2;1002;DUPONT;Jérôme")


def test_lines_skipped_above_the_header_are_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "patients.csv", [["Liste des patients au 12/03/2025"], [], HEADER,
                                                 *ROWS])  # fmt: skip
    capsys.readouterr()
    assert main(["scan", str(source)]) == 0
    err = capsys.readouterr().err
    assert "l'en-tête est à la ligne 3" in err and "les lignes 1 à 2" in err
