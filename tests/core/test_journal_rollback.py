"""Putting back older copies of the journal's files (a restored backup, a copied folder) is
detected: a third copy of the head — the anchor — lives where those files are not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from huisclos.cli import main
from huisclos.core.audit import anchor, keys
from huisclos.core.audit.log import DB_NAME, HEAD_NAME, open_log
from huisclos.core.audit.verify import Problem
from huisclos.core.errors import AuditError

JOURNAL_FILES = (DB_NAME, HEAD_NAME)


@pytest.fixture(params=["keyring", "file"])
def storage(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> str:  # the OS keyring, or a passphrase-wrapped key file
    if request.param == "file":
        keyring.set_keyring(keyring.backends.fail.Keyring())
        monkeypatch.setenv("HUISCLOS_PASSPHRASE", "phrase du cabinet")
    return str(request.param)


def _append(count: int) -> None:
    with open_log() as log:
        for index in range(count):
            log.append("scan", {"findings": index})


def _copy_journal(home: Path, to: Path) -> None:
    to.mkdir()
    for name in JOURNAL_FILES:
        shutil.copy2(home / name, to / name)


def _put_back(saved: Path, home: Path) -> None:
    for suffix in ("-wal", "-shm"):
        (home / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    for name in JOURNAL_FILES:
        shutil.copy2(saved / name, home / name)


def _verify():  # type: ignore[no-untyped-def]
    with open_log() as log:
        return log.verify()


def test_putting_back_the_database_and_head_of_before_a_clean_is_detected(
    storage: str, huisclos_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append(1)  # the scan
    _copy_journal(huisclos_home, tmp_path / "saved")
    _append(2)  # the clean's events
    _put_back(tmp_path / "saved", huisclos_home)
    result = _verify()
    assert not result.ok
    assert result.problem == Problem.ROLLED_BACK
    assert result.first_bad_seq == 2
    assert "antérieur" in result.message and "n° 2 à 3" in result.message
    place = "trousseau" if storage == "keyring" else "ancre"
    assert place in result.message, result.message
    capsys.readouterr()
    assert main(["log", "verify"]) == 1
    assert "antérieur" in capsys.readouterr().out


def test_one_record_fewer_with_the_older_head_is_detected(
    storage: str, huisclos_home: Path, tmp_path: Path
) -> None:
    _append(3)
    _copy_journal(huisclos_home, tmp_path / "saved")
    _append(1)
    _put_back(tmp_path / "saved", huisclos_home)
    result = _verify()
    assert (result.ok, result.problem, result.first_bad_seq) == (False, Problem.ROLLED_BACK, 4)
    assert "l'événement n° 4" in result.message


def test_a_rolled_back_journal_is_never_extended(
    storage: str, huisclos_home: Path, tmp_path: Path
) -> None:
    _append(1)
    _copy_journal(huisclos_home, tmp_path / "saved")
    _append(1)
    _put_back(tmp_path / "saved", huisclos_home)
    with open_log() as log, pytest.raises(AuditError, match="antérieur"):
        log.append("scan", {"findings": 9})
    assert _verify().problem == Problem.ROLLED_BACK


def test_a_forged_or_deleted_anchor_is_named(
    storage: str, huisclos_home: Path, memory_keyring: object
) -> None:
    _append(2)
    with open_log() as log:
        place = log.anchor_place()
        document = json.loads(place.read_raw() or "{}")
        document["seq"] = 1
        place.write_raw(json.dumps(document))
    result = _verify()
    assert (result.ok, result.problem) == (False, Problem.HEAD)
    assert "ancre" in result.message and "modifiée" in result.message
    with open_log() as log:
        log.anchor_place().delete()
    result = _verify()
    assert (result.ok, result.problem) == (False, Problem.HEAD)
    assert "ancre" in result.message and "disparu" in result.message


def test_a_journal_and_keys_written_before_the_anchor_still_open_and_verify(
    storage: str, huisclos_home: Path, tmp_path: Path
) -> None:
    """Today's journals have no anchor: they verify, and the anchor starts at the next event
    from the head as it is then (then a rollback is caught)."""
    _append(2)
    with open_log() as log:
        log.anchor_place().delete()
        keyset = log._store.keyset.copy()
        keyset.anchored = False
        log._store.save(keyset)
    assert _verify().ok
    _append(1)
    with open_log() as log:
        assert log._store.keyset.anchored
        assert log.anchor_place().read(log._store.keyset.keys).seq == 3
    _copy_journal(huisclos_home, tmp_path / "saved")
    _append(1)
    _put_back(tmp_path / "saved", huisclos_home)
    assert _verify().problem == Problem.ROLLED_BACK


def test_in_passphrase_mode_the_anchor_is_a_file_outside_the_data_folder(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "phrase du cabinet")
    _append(1)
    state = anchor.anchor_dir()
    assert state != huisclos_home and huisclos_home not in state.parents
    files = list(state.glob("journal-*.anchor"))
    assert len(files) == 1
    assert (files[0].stat().st_mode & 0o777) == 0o600
    # updated at every append without deriving the passphrase key again (scrypt is slow)
    derived: list[int] = []
    real = keys._derive
    monkeypatch.setattr(keys, "_derive", lambda *a: derived.append(1) or real(*a))
    with open_log() as log:
        for index in range(5):
            log.append("scan", {"findings": index})
    assert derived == []
    assert json.loads(files[0].read_text())["seq"] == 6


def test_with_a_keyring_the_anchor_is_a_second_entry_of_the_service(
    huisclos_home: Path, memory_keyring: object
) -> None:
    _append(2)
    entries = {name for service, name in memory_keyring.secrets if service == keys.SERVICE}  # type: ignore[attr-defined]
    assert keys.KEYRING_ENTRY in entries
    (entry,) = entries - {keys.KEYRING_ENTRY}
    assert entry.startswith(anchor.KEYRING_PREFIX)
    assert not list(anchor.anchor_dir().glob("*.anchor"))
