"""A journal that fails verification but still takes events: every command (and the app) warns
once, since which event, and ``log verify`` tells the damage apart from what was added after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.audit.log import DB_NAME, open_log
from huisclos.ui.audit import AuditRecorder


def _damage_record(home: Path, seq: int) -> None:
    """Flip one byte of a record's ciphertext in the database file (triggers untouched)."""
    connection = sqlite3.connect(home / DB_NAME)
    (ciphertext,) = connection.execute(
        "SELECT ciphertext FROM records WHERE seq = ?", (seq,)
    ).fetchone()
    connection.close()
    database = home / DB_NAME
    raw = bytearray(database.read_bytes())
    offset = raw.find(ciphertext)
    raw[offset + len(ciphertext) // 2] ^= 0x01
    database.write_bytes(bytes(raw))


@pytest.fixture
def damaged(huisclos_home: Path) -> Path:
    with open_log() as log:
        for index in range(5):
            log.append("scan", {"findings": index})
    _damage_record(huisclos_home, 3)
    return huisclos_home


def test_each_scan_warns_once_and_verify_separates_the_new_events(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "patients.csv"
    export.write_bytes("NOM;Commentaire\r\nMARTIN;appeler le soir\r\n".encode("cp1252"))
    for _ in range(2):
        capsys.readouterr()
        assert main(["scan", str(export)]) == 0
        err = capsys.readouterr().err
        warnings = [line for line in err.splitlines() if "abîmé" in line]
        assert len(warnings) == 1, err
        assert "depuis l'événement n° 3" in warnings[0]

    assert main(["log", "verify"]) == 1
    out = capsys.readouterr().out
    assert "n° 3" in out
    assert "4 événements après le n° 3 sont intègres" in out  # n° 4 and 5, and the two scans


def test_the_app_warns_once_that_the_journal_is_damaged(qtbot, damaged: Path) -> None:  # type: ignore[no-untyped-def]
    recorder = AuditRecorder()
    warnings: list[str] = []
    recorder.damaged.connect(warnings.append)
    recorder.record("scan", {"findings": 1})
    recorder.record("scan", {"findings": 2})
    assert recorder.wait()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    qtbot.wait(50)
    assert len(warnings) == 1 and "depuis l'événement n° 3" in warnings[0]
    with open_log() as log:
        assert len(log) == 7  # both events appended after the damage
