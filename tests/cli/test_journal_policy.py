"""The journal policy of the commands that act on an export (``commands/_journal.py``).

- a wrong passphrase stops every command before it does anything: one French line, exit 2,
  nothing written;
- with no usable keyring and no passphrase, the read-only commands (scan, demo, report) go on
  with one warning saying the check is not journaled and how to fix it, while a command that
  writes corrections refuses (a correction must be journaled).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from huisclos.cli import main
from huisclos.commands._journal import JournalRequired, WrongPassphrase, ensure_journal
from huisclos.core.audit.log import open_log
from huisclos.core.errors import HuisclosError
from practice_files import write_practice_csv

PATIENTS = [
    ("1001", "LEFEBVRE", "Ginette", "porteuse sida"),
    ("1002", "BERTRAND", "Solange", "diabétique insulinodépendante"),
    ("1003", "CHEVALIER", "Yasmina", "préfère RDV le matin"),
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_practice_csv(
        tmp_path / "export.csv", "N° dossier;NOM;Prénom;Commentaire administratif", PATIENTS
    )


@pytest.fixture
def no_keyring() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def wrong_passphrase(no_keyring: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A journal protected by a key file, and the wrong passphrase in the environment."""
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "la bonne phrase")
    with open_log() as log:
        log.append("verify", {"ok": True, "events": 0})
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "la mauvaise phrase")


def _snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def untouched(tmp_path: Path, huisclos_home: Path) -> Callable[[], bool]:
    """Whether every file of the test folder and of the data folder is still as it was when
    this fixture was set up (after the export was written)."""
    before = _snapshot(tmp_path, huisclos_home)
    return lambda: _snapshot(tmp_path, huisclos_home) == before


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one line a command refused with: exit 2 and nothing on stdout (no summary, no
    finding: it stopped before the scan)."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return _one_line(captured.err)


@pytest.mark.parametrize(
    "command",
    [
        ["scan", "{export}"],
        ["scan", "{export}", "--format", "jsonl"],
        ["report", "{export}", "-o", "{tmp}/rapport.html"],
        ["clean", "{export}", "-o", "{tmp}/copie.csv", "--worklist", "{tmp}/liste.csv"],
    ],
)
def test_a_wrong_passphrase_stops_the_command_before_anything(
    command: list[str],
    wrong_passphrase: None,
    export: Path,
    untouched: Callable[[], bool],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [part.format(export=export, tmp=tmp_path) for part in command]
    assert "Phrase de passe incorrecte" in _refused(argv, capsys)
    assert untouched()


def test_ensure_journal_refuses_a_wrong_passphrase_for_any_command(
    wrong_passphrase: None,
) -> None:
    for writes in (False, True):
        with pytest.raises(WrongPassphrase) as caught:
            ensure_journal(writes=writes)
        assert isinstance(caught.value, HuisclosError)  # → the CLI's exit 2


def test_without_keyring_or_passphrase_a_writing_command_is_refused(
    no_keyring: None, huisclos_home: Path
) -> None:
    before = _snapshot(huisclos_home)
    with pytest.raises(JournalRequired) as caught:
        ensure_journal(writes=True)
    message = caught.value.message
    assert isinstance(caught.value, HuisclosError)
    assert "journal" in message and "HUISCLOS_PASSPHRASE" in message
    assert "rien n'a été écrit" in message
    assert _snapshot(huisclos_home) == before


def test_without_keyring_or_passphrase_scan_warns_once_and_goes_on(
    no_keyring: None, export: Path, huisclos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(export)]) == 0
    captured = capsys.readouterr()
    assert "Commentaires à revoir : 2" in captured.out
    warning = _one_line(captured.err)
    assert "ne sera pas inscrite au journal" in warning
    assert "HUISCLOS_PASSPHRASE" in warning and "application" in warning
    assert "Événement non journalisé" not in captured.err
    assert not list(huisclos_home.glob("journal*"))  # no journal, no key file


def test_without_keyring_or_passphrase_report_warns_once_and_goes_on(
    no_keyring: None, export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "rapport.html"
    assert main(["report", str(export), "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert "Rapport enregistré" in captured.out
    assert "ne sera pas inscrite au journal" in _one_line(captured.err)
    assert "Journal non consulté" in output.read_text(encoding="utf-8")


def test_demo_works_on_a_fresh_headless_machine(
    no_keyring: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    captured = capsys.readouterr()
    assert "Exemple fictif" in captured.out
    assert "Phrase de passe" not in captured.err and "Traceback" not in captured.err


def test_with_the_right_passphrase_scan_is_journaled_without_warning(
    no_keyring: None,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "la bonne phrase")
    assert main(["scan", str(export)]) == 0
    assert capsys.readouterr().err == ""
    with open_log() as log:
        assert [event["event"] for event in log.events()] == ["scan"]


def test_without_keyring_or_passphrase_clean_refuses_and_writes_nothing(
    no_keyring: None,
    export: Path,
    untouched: Callable[[], bool],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy, worklist = export.with_name("copie.csv"), export.with_name("liste.csv")
    line = _refused(["clean", str(export), "-o", str(copy), "--worklist", str(worklist)], capsys)
    assert "journal" in line and "HUISCLOS_PASSPHRASE" in line and "rien n'a été écrit" in line
    assert untouched()


def test_the_real_clean_with_a_wrong_passphrase(
    wrong_passphrase: None, export: Path, tmp_path: Path, huisclos_home: Path
) -> None:
    """The QA report: a script with the wrong HUISCLOS_PASSPHRASE got a copy, exit 0 and
    «Événement non journalisé … rien n'a été écrit». Now: exit 2 and truly nothing written."""
    env = dict(
        os.environ,
        HUISCLOS_HOME=str(huisclos_home),
        HUISCLOS_PASSPHRASE="la mauvaise phrase",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    before = _snapshot(tmp_path, huisclos_home)
    command = [
        sys.executable,
        "-m",
        "huisclos",
        "clean",
        str(export),
        "-o",
        str(tmp_path / "c.csv"),
    ]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    assert "Phrase de passe incorrecte" in _one_line(run.stderr)
    assert "non journalisé" not in run.stderr
    assert _snapshot(tmp_path, huisclos_home) == before
