"""No correction without its journal record: the copy and the list are prepared, journalled,
then renamed — a journal that refuses means nothing is written (``clean`` and the app)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.audit.log import DB_NAME, open_log
from huisclos.core.review import worklist as worklist_mod
from huisclos.core.stale_temps import temp_prefix
from refused_renames import refuse_rename_to

HEADER = "N° dossier;NOM;Prénom;Commentaire administratif\r\n"
ROWS = "1001;MARTIN;Hélène;Porteuse sida !!! !!!!\r\n1002;DUPONT;Jérôme;appeler le soir\r\n"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "patients.csv"
    path.write_bytes((HEADER + ROWS).encode("cp1252"))
    return path


def _events() -> list[dict]:
    with open_log() as log:
        return log.events()


def _damage_last_record(home: Path) -> None:
    connection = sqlite3.connect(home / DB_NAME, isolation_level=None)
    connection.execute("DROP TRIGGER records_refuse_update")
    connection.execute(
        "UPDATE records SET hash = zeroblob(32) WHERE seq = (SELECT max(seq) FROM records)"
    )
    connection.close()


def _left_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_a_journal_that_refuses_means_no_copy_no_list_and_one_line(
    source: Path, huisclos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(source)]) == 0
    _damage_last_record(huisclos_home)
    before = _left_in(source.parent)
    capsys.readouterr()

    code = main(["clean", str(source), "-o", str(source.parent / "out.csv"), "--worklist",
                 str(source.parent / "liste.csv")])  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2
    assert _left_in(source.parent) == before  # no copy, no list, no temporary file
    assert len(err.strip().splitlines()) == 1, err
    assert "rien n'a été écrit" in err and "journal" in err
    assert "non journalisé" not in err


def test_a_file_name_that_cannot_be_encoded_is_journalled_escaped(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path(os.fsdecode(bytes(source.parent) + b"/copie-\xe9.csv"))  # Latin-1 «é»
    capsys.readouterr()

    assert main(["clean", str(source), "-o", str(target)]) == 0

    assert "non journalisé" not in capsys.readouterr().err
    assert target.exists()
    saved = [event for event in _events() if event["event"] == "save_copy"]
    assert saved and saved[-1]["payload"]["target_name"] == "copie-\\xe9.csv"
    with open_log() as log:
        assert log.verify().ok


def test_a_list_that_cannot_be_written_leaves_no_copy_and_no_record(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk(*args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(worklist_mod, "render_xlsx", full_disk)
    before = _left_in(source.parent)
    capsys.readouterr()

    code = main(["clean", str(source), "-o", str(source.parent / "out.csv"), "--worklist",
                 str(source.parent / "liste.xlsx")])  # fmt: skip

    assert code == 2
    assert _left_in(source.parent) == before
    assert not [e for e in _events() if e["event"] in ("save_copy", "worklist", "edit")]


def test_a_control_character_in_a_name_is_written_safely_in_an_xlsx_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    source = tmp_path / "patients.csv"
    source.write_bytes((HEADER + "1001;MAR\x01TIN;Hélène;Porteuse sida\r\n").encode("cp1252"))
    out, listed = tmp_path / "out.csv", tmp_path / "liste.xlsx"

    assert main(["clean", str(source), "-o", str(out), "--worklist", str(listed)]) == 0

    sheet = load_workbook(listed).active
    names = [cell.value for cell in sheet["C"]] + [cell.value for cell in sheet["B"]]
    assert "MAR\u2401TIN" in names  # the control character shown, not a broken file
    kinds = [event["event"] for event in _events()]
    assert kinds.count("save_copy") == 1 and kinds.count("worklist") == 1


def test_a_rename_that_fails_removes_what_it_made_and_says_so_in_the_journal(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = source.parent / "liste.csv"
    refuse_rename_to(monkeypatch, listed, PermissionError(13, "Permission denied"))
    before = _left_in(source.parent)

    code = main(["clean", str(source), "-o", str(source.parent / "out.csv"), "--worklist",
                 str(listed)])  # fmt: skip

    assert code == 2
    assert _left_in(source.parent) == before
    failed = [e["payload"] for e in _events() if e["event"] == "write_failed"]
    assert {p["target_name"] for p in failed} == {"out.csv", "liste.csv"}


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_files_of_a_killed_clean_are_removed_never_a_live_writers(
    source: Path, huisclos_home: Path
) -> None:
    out = source.parent / "out.csv"
    ours = temp_prefix(out)
    dead = ours.replace(f"-{os.getpid()}-", f"-{_dead_pid()}-") + "k1ll3d.tmp"
    alive = ours.replace(f"-{os.getpid()}-", f"-{os.getppid()}-") + "w0rk1n.tmp"
    foreign = ".out.csv.abc123.tmp"  # not a name of ours: never touched
    head_dead = dead.replace(".out.csv.", ".journal.head.")
    for name in (dead, alive, foreign):
        (source.parent / name).write_bytes(b"MARTIN;Helene")
    (huisclos_home / head_dead).write_bytes(b"head")

    assert main(["clean", str(source), "-o", str(out)]) == 0

    left = _left_in(source.parent)
    assert dead not in left
    assert {alive, foreign} <= left
    assert head_dead not in _left_in(huisclos_home)


def test_a_control_character_in_a_name_is_shown_in_a_csv_list_too(tmp_path: Path) -> None:
    source = tmp_path / "patients.csv"
    source.write_bytes((HEADER + "1001;MAR\x01TIN;Hélène;Porteuse sida\r\n").encode("utf-8"))
    listed = tmp_path / "liste.csv"
    assert main(["clean", str(source), "--worklist", str(listed)]) == 0
    text = listed.read_bytes().decode("utf-8-sig")
    assert "MAR\u2401TIN" in text and "\x01" not in text
