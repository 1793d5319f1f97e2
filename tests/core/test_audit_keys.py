"""The log's key: where it lives, the states the app shows, passphrases right and wrong."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from huisclos.core.audit import keys
from huisclos.core.audit.keys import KeyState
from huisclos.core.audit.log import DB_NAME, open_log, record_event
from huisclos.core.errors import AuditError


class LockedKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def _no_backend() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


def test_with_a_keyring_the_key_goes_there_and_nothing_is_asked(
    memory_keyring: keyring.backend.KeyringBackend, huisclos_home: Path
) -> None:
    assert keys.key_status().state is KeyState.AVAILABLE
    with open_log() as log:
        log.append("scan", {"findings": 1})
    stored = memory_keyring.secrets[(keys.SERVICE, keys.KEYRING_ENTRY)]  # type: ignore[attr-defined]
    assert keys.KeySet.from_json(stored).current
    assert not (huisclos_home / keys.KEY_FILE_NAME).exists()


def test_no_backend_and_no_passphrase_is_unavailable_with_a_clear_message(
    huisclos_home: Path,
) -> None:
    _no_backend()
    status = keys.key_status()
    assert status.state is KeyState.UNAVAILABLE
    assert status.needs_new_passphrase
    with pytest.raises(AuditError) as caught:
        open_log()
    assert "HUISCLOS_PASSPHRASE" in caught.value.message
    assert "application" in caught.value.message
    assert list(huisclos_home.iterdir()) == []  # nothing written


def _log_behind_a_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    """No keyring: a log is started behind a passphrase; returns where its keys are stored."""
    _no_backend()
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "trois petits chats")
    with open_log() as log:
        log.append("scan", {"findings": 1})
        return log.storage


def test_no_backend_with_a_passphrase_uses_a_wrapped_key_file(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _log_behind_a_passphrase(monkeypatch) == "file"
    assert (huisclos_home / keys.KEY_FILE_NAME).exists()
    monkeypatch.delenv("HUISCLOS_PASSPHRASE")
    status = keys.key_status()
    assert (status.state, status.storage) == (KeyState.LOCKED, "file")
    assert not status.needs_new_passphrase


def test_wrong_passphrase_is_refused_and_nothing_is_written(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _log_behind_a_passphrase(monkeypatch)
    before = {p.name: p.read_bytes() for p in huisclos_home.iterdir()}
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "trois petits chiens")
    with pytest.raises(AuditError, match="Phrase de passe incorrecte"):
        open_log()
    warning = record_event("scan", {"findings": 2})
    assert warning and "Phrase de passe incorrecte" in warning
    after = {p.name: p.read_bytes() for p in huisclos_home.iterdir()}
    assert after == before


def test_the_app_unlocks_once_per_session(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_backend()
    assert keys.unlock("phrase choisie dans la boîte") is KeyState.AVAILABLE
    assert record_event("scan", {"findings": 1}) is None  # no variable needed
    keys.forget_passphrase()
    assert keys.key_status().state is KeyState.LOCKED
    with pytest.raises(AuditError, match="incorrecte"):
        keys.unlock("mauvaise phrase")
    assert keys.key_status().state is KeyState.LOCKED
    keys.unlock("phrase choisie dans la boîte")
    with open_log() as log:
        assert len(log.events()) == 1


def test_the_app_can_pass_the_passphrase_directly(huisclos_home: Path) -> None:
    _no_backend()
    with open_log(passphrase="saisie dans le dialogue") as log:
        log.append("scan", {"findings": 1})
    with pytest.raises(AuditError):
        open_log()
    with open_log(passphrase="saisie dans le dialogue") as log:
        assert log.verify().ok


def test_a_locked_system_keyring_is_reported_as_locked(huisclos_home: Path) -> None:
    keyring.set_keyring(LockedKeyring())
    status = keys.key_status()
    assert (status.state, status.storage) == (KeyState.LOCKED, "keyring")
    assert "verrouillé" in status.message
    with pytest.raises(AuditError, match="verrouillé"):
        open_log()
    assert not (huisclos_home / DB_NAME).exists()


def test_a_lost_key_never_silently_starts_a_new_one(
    memory_keyring: keyring.backend.KeyringBackend,
) -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
    memory_keyring.secrets.clear()  # type: ignore[attr-defined]
    with pytest.raises(AuditError, match="introuvable"):
        open_log()
    assert memory_keyring.secrets == {}  # type: ignore[attr-defined]


def test_a_damaged_key_file_gives_a_french_message(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_backend()
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "trois petits chats")
    open_log().close()
    (huisclos_home / keys.KEY_FILE_NAME).write_text("{pas du json")
    keys._unwrapped.clear()
    with pytest.raises(AuditError, match="abîmé"):
        open_log()


def test_plaintext_keyrings_are_not_trusted() -> None:
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            pass

        def delete_password(self, service: str, username: str) -> None:
            pass

    keyring.set_keyring(PlaintextKeyring())
    assert not keys.keyring_usable()
    assert keys.key_status().state is KeyState.UNAVAILABLE


def test_changing_the_passphrase_keeps_the_history(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_backend()
    with open_log(passphrase="ancienne phrase") as log:
        log.append("scan", {"findings": 1})
    with pytest.raises(AuditError, match="incorrecte"):
        keys.change_passphrase("pas la bonne", "nouvelle phrase")
    keys.change_passphrase("ancienne phrase", "nouvelle phrase")
    with pytest.raises(AuditError, match="incorrecte"):
        open_log(passphrase="ancienne phrase")
    with open_log(passphrase="nouvelle phrase") as log:
        assert log.verify().ok and len(log.events()) == 1
