"""UTF-8 lines inside a Windows-1252 export (and the reverse) are read in their own encoding:
their sensitive words are found, the user is told once, and the copy stays byte-exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.exports.reading import read_export

HEADER = "N° dossier;NOM;Prénom;Commentaire administratif\r\n"
CP1252_ROWS = [f"{1000 + n};DURAND;Hélène;préfère être appelée le matin\r\n" for n in range(20)]
UTF8_ROW = "2001;MARTIN;Zoé;séropositive, dépression sévère\r\n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "patients.csv"
    path.write_bytes(
        (HEADER + "".join(CP1252_ROWS)).encode("cp1252")
        + UTF8_ROW.encode("utf-8")
        + "3001;PETIT;Noël;RDV le samedi\r\n".encode("cp1252")
    )
    return path


def test_a_utf8_line_in_a_windows_1252_file_reads_as_typed(mixed: Path) -> None:
    table = read_export(mixed).table
    assert table.cell(21, "Commentaire administratif") == "séropositive, dépression sévère"
    assert table.cell(21, "Prénom") == "Zoé"
    assert table.cell(1, "Prénom") == "Hélène" and table.cell(22, "Prénom") == "Noël"


def test_the_reverse_a_windows_1252_line_in_a_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "patients.csv"
    path.write_bytes((HEADER + "".join(CP1252_ROWS)).encode("utf-8") + UTF8_ROW.encode("cp1252"))
    export = read_export(path)
    assert export.table.header[2] == "Prénom"
    assert export.table.cell(1, "Prénom") == "Hélène"
    assert export.table.cell(21, "Commentaire administratif") == "séropositive, dépression sévère"


def test_clean_finds_it_says_so_once_and_writes_each_line_in_its_encoding(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copie.csv"
    capsys.readouterr()
    assert main(["clean", str(mixed), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("encodage mélangé") == 1 and "1 ligne" in err
    original, copy = mixed.read_bytes(), out.read_bytes()
    start = original.index(UTF8_ROW.encode("utf-8"))
    assert copy[:start] == original[:start]  # every line before: byte for byte
    changed = copy[start:].split(b"\r\n")[0]
    assert changed.startswith("2001;MARTIN;Zoé;".encode())  # its own bytes kept
    assert "séropositive".encode() not in copy and "séropositive".encode("cp1252") not in copy
    changed.decode("utf-8")  # the edited cell written in UTF-8, like its line
    assert copy.endswith("3001;PETIT;Noël;RDV le samedi\r\n".encode("cp1252"))
