"""Small things a user must be told plainly: a copy in the wrong format, a file open in Excel,
a full data folder, an odd journal record number, a huge input quoted in a message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.audit.log import AuditLog, open_log
from huisclos.core.audit.verify import Problem
from refused_renames import refuse_rename_to

HEADER = "N° dossier;NOM;Prénom;Commentaire administratif\r\n"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "patients.csv"
    path.write_bytes((HEADER + "1001;MARTIN;Hélène;Porteuse sida\r\n").encode("cp1252"))
    return path


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


@pytest.mark.parametrize("target", ["copie.xlsx", "copie.ods", "copie.pdf"])
def test_a_csv_copy_under_a_workbook_name_is_refused_saying_which_extension(
    source: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["clean", str(source), "-o", str(source.parent / target)]) == 2
    line = _error_line(capsys)
    assert "« .csv »" in line and "Rien n'a été écrit" in line
    assert not (source.parent / target).exists()


def test_a_copy_open_in_excel_gets_its_own_line(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = source.parent / "copie.csv"
    error = PermissionError(13, "Le processus ne peut pas accéder au fichier")
    error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
    refuse_rename_to(monkeypatch, out, error)
    capsys.readouterr()
    assert main(["clean", str(source), "-o", str(out), "--force"]) == 2
    assert "fermez le fichier dans Excel" in _error_line(capsys)


def test_a_full_data_folder_is_said_full_not_damaged(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(self: AuditLog) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(AuditLog, "_create_schema", full)
    capsys.readouterr()
    assert main(["scan", str(source)]) == 0
    err = capsys.readouterr().err
    assert "plein" in err and "abîmé" not in err


def test_a_record_numbered_zero_is_named_without_a_negative_range(huisclos_home: Path) -> None:
    with open_log() as log:
        for index in range(3):
            log.append("scan", {"findings": index})
    connection = sqlite3.connect(huisclos_home / "journal.sqlite", isolation_level=None)
    connection.execute("DROP TRIGGER records_refuse_update")
    connection.execute("UPDATE records SET seq = 0 WHERE seq = 2")
    connection.close()
    with open_log() as log:
        result = log.verify()
    assert not result.ok and result.problem == Problem.ALTERED
    assert "n° 0" in result.message and "-1" not in result.message


def test_a_huge_input_is_quoted_short_in_the_message(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["scan", str(source), "--columns", "x" * 3_000_000]) == 2
    line = _error_line(capsys)
    assert len(line) < 1_000 and "colonne introuvable" in line
