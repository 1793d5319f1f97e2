"""Unusable files get one clear French message (what is wrong, what to do), never a traceback,
and a failed write leaves no file behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huisclos.core import safe_write
from huisclos.core.edits import Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.reading import read_export

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "exports"


def _message(path: Path) -> str:
    with pytest.raises(ExportError) as caught:
        read_export(path)
    message = caught.value.message
    assert "Traceback" not in message
    assert message.count("\n") == 0
    return message


def test_missing_file(tmp_path):
    message = _message(tmp_path / "absent.csv")
    assert "introuvable" in message and "Vérifiez" in message


def test_directory_instead_of_a_file(tmp_path):
    message = _message(tmp_path)
    assert "est un dossier" in message and "Choisissez" in message


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\xef\xbb\xbf", b"   \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    message = _message(path)
    assert "est vide" in message and "Exportez" in message


def test_binary_file_named_csv():
    message = _message(FIXTURES / "image-deguisee.csv")
    assert "n'est pas un fichier texte" in message


def test_truncated_workbook():
    message = _message(FIXTURES / "tronque.xlsx")
    assert "incomplet ou abîmé" in message


def test_truncated_workbook_without_zip_header(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"<html>pas un classeur</html>")
    assert "incomplet ou abîmé" in _message(path)


def test_password_protected_workbook():
    message = _message(FIXTURES / "protege.xlsx")
    assert "protégé par un mot de passe" in message and "sans mot de passe" in message


def test_old_excel_format(tmp_path):
    path = tmp_path / "ancien.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    assert ".xls" in _message(path)


def test_web_page_named_xls(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(b"<html><body><table><tr><td>NOM</td></tr></table></body></html>")
    assert "page web (HTML)" in _message(path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "illisible.csv"
    # Bytes undefined in Windows-1252, invalid in UTF-8, symbols in any other code page.
    path.write_bytes(b"NOM;Commentaire\r\nDUPONT;\x81\xb0\xb1\xb2\xdb\xdc\xdf\x8d\x90\x9d\xfe\r\n")
    message = _message(path)
    assert "illisibles" in message and "Exportez" in message


def test_utf16_export_is_explained(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("NOM\tCommentaire\r\nDUPONT\tx\r\n".encode("utf-16"))
    assert "UTF-16" in _message(path)


def test_ten_megabyte_single_cell(tmp_path):
    path = tmp_path / "enorme.csv"
    path.write_bytes(b"NOM;Commentaire\r\nDUPONT;" + b"a" * 10_000_000 + b"\r\n")
    message = _message(path)
    assert "ligne 2" in message and "10 000 000 caractères" in message


def test_ten_megabyte_single_cell_alone(tmp_path):
    path = tmp_path / "enorme.csv"
    path.write_bytes(b"x" * 10_000_000)
    assert "caractères" in _message(path)


# Writing failures -------------------------------------------------------------------------


def _export(tmp_path: Path):  # type: ignore[no-untyped-def]
    source = tmp_path / "export.csv"
    source.write_bytes("NOM;Commentaire\r\nDUPONT;mère musulmane voilée\r\n".encode("cp1252"))
    return read_export(source)


EDIT = Edit(1, "Commentaire", "mère musulmane voilée", "RAS")


def test_disk_full_leaves_no_file(tmp_path, monkeypatch):
    export = _export(tmp_path)
    out = tmp_path / "sortie"
    out.mkdir()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", full)
    with pytest.raises(ExportError, match="disque est plein"):
        export.write_copy([EDIT], out / "copie.csv")
    assert list(out.iterdir()) == []


def test_failed_write_keeps_an_existing_target_intact(tmp_path, monkeypatch):
    export = _export(tmp_path)
    target = tmp_path / "copie.csv"
    target.write_bytes(b"ancienne copie")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(ExportError, match="accès refusé"):
        export.write_copy([EDIT], target)
    assert target.read_bytes() == b"ancienne copie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copie.csv", "export.csv"]


def test_missing_target_folder(tmp_path):
    export = _export(tmp_path)
    with pytest.raises(ExportError, match="n'existe pas"):
        export.write_copy([EDIT], tmp_path / "absent" / "copie.csv")


def test_target_is_a_folder(tmp_path):
    export = _export(tmp_path)
    (tmp_path / "dossier").mkdir()
    with pytest.raises(ExportError, match="est un dossier"):
        export.write_copy([EDIT], tmp_path / "dossier")


def test_original_deleted_before_writing(tmp_path):
    export = _export(tmp_path)
    export.path.unlink()
    with pytest.raises(ExportError, match="n'est plus lisible"):
        export.write_copy([EDIT], tmp_path / "copie.csv")
    assert list(tmp_path.iterdir()) == []


def test_successful_write_leaves_only_the_copy(tmp_path):
    export = _export(tmp_path)
    export.write_copy([EDIT], tmp_path / "copie.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copie.csv", "export.csv"]
    assert (tmp_path / "copie.csv").read_bytes() == b"NOM;Commentaire\r\nDUPONT;RAS\r\n"


# The command line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["image-deguisee.csv", "tronque.xlsx", "protege.xlsx", "absent.csv"]
)
def test_scan_command_reports_bad_input_in_one_french_line(name, tmp_path):
    environment = {
        **os.environ,
        "HUISCLOS_HOME": str(tmp_path),
        "HUISCLOS_PASSPHRASE": "phrase de test",  # never the real OS keyring
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-m", "huisclos", "scan", str(FIXTURES / name)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(alphabet='ab;,\t|"\r\n é€\x00', max_size=200).map(lambda t: t.encode("utf-8")),
        st.text(alphabet='ab;"\r\n éèà', max_size=200).map(lambda t: t.encode("cp1252")),
    ),
    st.sampled_from(["export.csv", "export.xlsx", "export.txt"]),
)
def test_any_bytes_open_or_give_a_french_message(content, name):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            export = read_export(path)
        except ExportError as error:
            assert error.message and "\n" not in error.message
            return
        for table in export.tables:
            rows = list(table.iter_rows())
            assert len(rows) == len(table)
            for number, cells in rows:
                assert table.row(number) == cells
        export.write_copy([], Path(folder) / ("copie-" + name))
        assert (Path(folder) / ("copie-" + name)).read_bytes() == content
