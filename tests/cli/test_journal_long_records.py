"""Long records (the edit events of big ``clean`` runs, read in pieces by the journal's check):
any change to an earlier one, a deleted one, a cut-off journal and a chain rewritten without the
key are all caught, by ``log verify`` (exit 1, French) and by every command's own check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.audit.log import DB_NAME, open_log
from huisclos.core.audit.records import chain_hash
from huisclos.core.audit.verify import TRIGGERS

CELLS = 15_000  # about 3 MB of ciphertext: several pieces


def _edit_payload(key_id: str, seed: int) -> dict[str, object]:
    return {
        "action": "apply",
        "cells": CELLS,
        "rows": CELLS,
        "rules": {"health.vih": CELLS},
        "categories": {"health": CELLS},
        "hash_key_id": key_id,
        "edits": [
            {
                "row": i + 1,
                "column": "Commentaire",
                "rules": ["health.vih"],
                "categories": ["health"],
                "before_hash": f"{i * 7 + seed:032x}",
                "after_hash": f"{i * 11 + seed:032x}",
            }
            for i in range(CELLS)
        ],
    }


@pytest.fixture
def journal(huisclos_home: Path) -> Path:
    """Five events: 1 scan, 2 long edit, 3 scan, 4 long edit, 5 scan."""
    with open_log() as log:
        for index in range(2):
            log.append("scan", {"findings": index})
            log.append("edit", _edit_payload(log.key_id, index))
        log.append("scan", {"findings": 2})
    return huisclos_home / DB_NAME


def _tamper(database: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Run ``statements`` with the triggers lifted, then put the triggers back as they were."""
    connection = sqlite3.connect(database, isolation_level=None)
    triggers = [
        sql
        for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)", TRIGGERS
        )
    ]
    for name in TRIGGERS:
        connection.execute(f"DROP TRIGGER {name}")
    for sql, parameters in statements:
        connection.execute(sql, parameters)
    for sql in triggers:
        connection.execute(sql)
    connection.close()


def _ciphertext(database: Path, seq: int) -> bytes:
    connection = sqlite3.connect(database)
    (ciphertext,) = connection.execute(
        "SELECT ciphertext FROM records WHERE seq = ?", (seq,)
    ).fetchone()
    connection.close()
    return bytes(ciphertext)


def _flip(database: Path, seq: int, offset: int) -> None:
    changed = bytearray(_ciphertext(database, seq))
    assert len(changed) > 2 << 20  # the record spans several pieces
    changed[offset] ^= 0x01
    _tamper(database, ("UPDATE records SET ciphertext = ? WHERE seq = ?", (bytes(changed), seq)))


def _verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["log", "verify"])
    return code, capsys.readouterr().out


def test_an_intact_journal_of_long_records_verifies(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _verify(capsys) == (0, "journal intègre : 5 événements\n")


@pytest.mark.parametrize("where", ["first byte", "middle", "tag"])
def test_one_byte_changed_in_an_earlier_long_record_is_caught(
    journal: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    size = len(_ciphertext(journal, 2))
    _flip(journal, 2, {"first byte": 0, "middle": size // 2 + 3, "tag": size - 1}[where])
    code, out = _verify(capsys)
    assert code == 1
    assert "journal non intègre (altéré) — événement n° 2 : son contenu a été modifié" in out
    # every command checks first, and says so once
    export = tmp_path / "export.csv"
    export.write_text("Nom;Commentaire\nA;RAS\n", encoding="utf-8")
    assert main(["scan", str(export)]) == 0
    err = capsys.readouterr().err
    assert "le journal est abîmé depuis l'événement n° 2 (altéré)" in err


def test_a_chain_rewritten_after_a_change_without_the_key_is_caught(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Changing record 2 and recomputing every hash after it (SHA-256 needs no key) still
    leaves the HMAC'd head, which cannot be rewritten without the key, pointing elsewhere."""
    connection = sqlite3.connect(journal)
    rows = connection.execute("SELECT seq, nonce, ciphertext FROM records ORDER BY seq").fetchall()
    previous_hash = connection.execute("SELECT hash FROM records WHERE seq = 1").fetchone()[0]
    connection.close()
    statements = []
    for seq, nonce, ciphertext in rows[1:]:
        if seq == 2:
            changed = bytearray(ciphertext)
            changed[len(changed) // 2] ^= 0x01
            ciphertext = bytes(changed)
        previous_hash = chain_hash(bytes(previous_hash), seq, bytes(nonce), bytes(ciphertext))
        statements.append(
            (
                "UPDATE records SET ciphertext = ?, hash = ? WHERE seq = ?",
                (ciphertext, previous_hash, seq),
            )
        )
    _tamper(journal, *statements)
    code, out = _verify(capsys)
    assert code == 1
    assert "journal non intègre" in out and "événement n° 2" in out


def test_an_earlier_long_record_relabelled_with_another_known_key_is_caught(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_log() as log:
        log.rotate_key()  # event 6: now two keys are known
        new_key = log.key_id
    _tamper(journal, ("UPDATE records SET key_id = ? WHERE seq = 2", (new_key,)))
    code, out = _verify(capsys)
    assert code == 1
    assert "journal non intègre (altéré) — événement n° 2" in out


def test_a_deleted_earlier_long_record_is_caught(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(journal, ("DELETE FROM records WHERE seq = 2", ()))
    code, out = _verify(capsys)
    assert code == 1
    assert "journal non intègre (manquant) — événement n° 2 : l'événement n° 2 a disparu" in out


def test_a_cut_off_journal_is_caught_and_clean_writes_nothing(
    journal: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _tamper(journal, ("DELETE FROM records WHERE seq >= 4", ()))
    code, out = _verify(capsys)
    assert code == 1
    assert "journal non intègre (tronqué)" in out and "n° 4" in out
    export = tmp_path / "export.csv"
    export.write_text("Nom;Commentaire\nA;patient VIH+\n", encoding="utf-8")
    out_path = tmp_path / "propre.csv"
    assert main(["clean", str(export), "-o", str(out_path)]) == 2
    err = capsys.readouterr().err
    assert "rien n'a été écrit" in err and "Le journal a été modifié" in err
    assert not out_path.exists()
