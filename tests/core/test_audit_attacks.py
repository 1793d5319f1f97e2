"""Someone edits the log behind Huis clos's back: ``verify`` must say where and what."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisclos.core.audit import keys
from huisclos.core.audit.keys import KeySet
from huisclos.core.audit.log import DB_NAME, HEAD_NAME, open_log, record_event
from huisclos.core.audit.verify import Problem
from huisclos.core.errors import AuditError


def _write_events(count: int) -> None:
    with open_log() as log:
        for index in range(1, count + 1):
            log.append("scan", {"findings": index, "by_category": {"health": index}})


def _tamper(home: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Run SQL on the database with its triggers dropped, then put the triggers back."""
    conn = sqlite3.connect(home / DB_NAME, isolation_level=None)
    triggers = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'records'"
    ).fetchall()
    conn.execute("DROP TRIGGER records_refuse_update")
    conn.execute("DROP TRIGGER records_refuse_delete")
    for sql, params in statements:
        conn.execute(sql, params)
    for (sql,) in triggers:
        conn.execute(sql)
    conn.close()


def _verify():  # type: ignore[no-untyped-def]
    with open_log() as log:
        return log.verify()


def _assert_broken(problem: Problem, first_bad: int, *words: str) -> None:
    """The log does not verify, and says where and what, in French."""
    result = _verify()
    assert (result.ok, result.problem, result.first_bad_seq) == (False, problem, first_bad)
    assert all(word in result.message for word in words), result.message


def test_flipping_one_byte_of_a_ciphertext_in_the_file_names_that_record(
    huisclos_home: Path,
) -> None:
    _write_events(5)
    conn = sqlite3.connect(huisclos_home / DB_NAME)
    (ciphertext,) = conn.execute("SELECT ciphertext FROM records WHERE seq = 3").fetchone()
    conn.close()
    database = huisclos_home / DB_NAME
    raw = bytearray(database.read_bytes())
    offset = raw.find(ciphertext)
    assert offset > 0 and raw.count(ciphertext) == 1
    raw[offset + len(ciphertext) // 2] ^= 0x01  # edit the file itself, triggers untouched
    database.write_bytes(bytes(raw))

    _assert_broken(Problem.ALTERED, 3, "n° 3")


def test_deleting_the_last_record_is_detected_as_truncation(huisclos_home: Path) -> None:
    _write_events(4)
    _tamper(huisclos_home, ("DELETE FROM records WHERE seq = 4", ()))
    _assert_broken(Problem.TRUNCATED, 4, "supprimé")


def test_deleting_the_database_is_detected_as_truncation(huisclos_home: Path) -> None:
    _write_events(2)
    (huisclos_home / DB_NAME).unlink()
    _assert_broken(Problem.TRUNCATED, 1)


def _delete_database_and_head(home: Path) -> None:
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", HEAD_NAME):
        (home / name).unlink(missing_ok=True)


@pytest.mark.parametrize("storage", ["keyring", "file"])
def test_deleting_the_database_and_its_head_is_detected(
    storage: str, huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if storage == "file":
        keyring.set_keyring(keyring.backends.fail.Keyring())
        monkeypatch.setenv("HUISCLOS_PASSPHRASE", "phrase du cabinet")
    _write_events(3)
    _delete_database_and_head(huisclos_home)
    _assert_broken(Problem.DELETED, 1, "journal supprimé", "n° 1")
    # the deleted log is never silently restarted: new events are refused…
    with open_log() as log, pytest.raises(AuditError, match="supprimé"):
        log.append("scan", {"findings": 1})
    assert _verify().problem == Problem.DELETED  # …and the deletion stays visible


def test_a_log_started_again_or_replaced_is_detected(huisclos_home: Path) -> None:
    _write_events(3)
    _delete_database_and_head(huisclos_home)
    with open_log() as log:  # a program that ignores the start recorded with the keys
        log._store.keyset.first_hash = None
        log._first_hash = lambda: None  # type: ignore[method-assign]
        log.append("scan", {"findings": 1})
    _assert_broken(Problem.ALTERED, 1, "remplacé")


def test_a_log_from_before_the_start_marker_gets_it_at_its_next_event(
    huisclos_home: Path, memory_keyring: object
) -> None:
    _write_events(2)
    stored = json.loads(keyring.get_password(keys.SERVICE, keys.KEYRING_ENTRY))
    first = stored.pop("journal")["first_hash"]
    keyring.set_password(keys.SERVICE, keys.KEYRING_ENTRY, json.dumps(stored))
    _write_events(1)
    stored = json.loads(keyring.get_password(keys.SERVICE, keys.KEYRING_ENTRY))
    assert stored["journal"]["first_hash"] == first
    _delete_database_and_head(huisclos_home)
    assert _verify().problem == Problem.DELETED


def test_a_cut_log_is_never_extended(huisclos_home: Path) -> None:
    _write_events(3)
    _tamper(huisclos_home, ("DELETE FROM records WHERE seq = 3", ()))
    with open_log() as log, pytest.raises(AuditError, match="aucun événement n'y sera ajouté"):
        log.append("scan", {"findings": 1})
    warning = record_event("scan", {"findings": 1})
    assert warning and "modifié" in warning
    assert _verify().problem == Problem.TRUNCATED  # still detected afterwards


def test_swapping_two_records_is_detected(huisclos_home: Path) -> None:
    _write_events(5)
    conn = sqlite3.connect(huisclos_home / DB_NAME)
    two, three = (
        conn.execute(
            "SELECT key_id, nonce, ciphertext, hash FROM records WHERE seq = ?", (seq,)
        ).fetchone()
        for seq in (2, 3)
    )
    conn.close()
    update = "UPDATE records SET key_id = ?, nonce = ?, ciphertext = ?, hash = ? WHERE seq = ?"
    _tamper(huisclos_home, (update, (*three, 2)), (update, (*two, 3)))
    _assert_broken(Problem.REORDERED, 2, "n° 3")


def test_deleting_a_middle_record_is_reported_missing(huisclos_home: Path) -> None:
    _write_events(5)
    _tamper(huisclos_home, ("DELETE FROM records WHERE seq = 2", ()))
    _assert_broken(Problem.MISSING, 2)


def test_records_under_an_unknown_key_are_reported_as_wrong_key(
    memory_keyring: keyring.backend.KeyringBackend,
) -> None:
    _write_events(2)
    keyring.set_password(keys.SERVICE, keys.KEYRING_ENTRY, KeySet.new().to_json())
    _assert_broken(Problem.WRONG_KEY, 1)


def test_a_forged_or_missing_head_is_reported(huisclos_home: Path) -> None:
    _write_events(3)
    head_path = huisclos_home / HEAD_NAME
    document = json.loads(head_path.read_text())
    document["seq"] = 2  # pretend the log ended earlier
    head_path.write_text(json.dumps(document))
    result = _verify()
    assert (result.ok, result.problem) == (False, Problem.HEAD)
    assert "modifiée" in result.message
    head_path.unlink()
    result = _verify()
    assert (result.ok, result.problem) == (False, Problem.HEAD)
    assert "disparu" in result.message


def test_dropped_triggers_are_reported(huisclos_home: Path) -> None:
    _write_events(2)
    conn = sqlite3.connect(huisclos_home / DB_NAME)
    conn.execute("DROP TRIGGER records_refuse_delete")
    conn.close()
    result = _verify()
    assert not result.ok and "protections" in result.message


_WRITER = """
import sys, time
from pathlib import Path
from huisclos.core.audit.log import open_log
log = open_log()
start = Path(sys.argv[3])
(start.parent / ("ready-" + sys.argv[2])).touch()
while not start.exists():  # both writers start appending at the same moment
    time.sleep(0.005)
for index in range(int(sys.argv[1])):
    log.append("scan", {"findings": index, "writer": sys.argv[2]})
log.close()
"""


def test_two_processes_appending_at_once_keep_the_chain_valid(
    huisclos_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "deux secrétaires")
    with open_log() as log:  # creates the (cheap) key file before the writers start
        log.append("scan", {"findings": 0, "writer": "parent"})
    env = dict(
        os.environ,
        HUISCLOS_HOME=str(huisclos_home),
        HUISCLOS_PASSPHRASE="deux secrétaires",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, "40", name, str(go)], env=env)
        for name in ("a", "b")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{name}").exists() for name in "ab"):
        assert time.monotonic() < deadline and all(w.poll() is None for w in writers)
        time.sleep(0.01)
    go.touch()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    with open_log() as log:
        result = log.verify()
        events = log.events()
    assert result.ok, result.message
    assert result.events == 81
    assert [e["seq"] for e in events] == list(range(1, 82))
    by_writer = [e["payload"]["writer"] for e in events]
    assert by_writer.count("a") == by_writer.count("b") == 40


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    seq=st.integers(min_value=1, max_value=6),
    column=st.sampled_from(["nonce", "ciphertext", "hash", "key_id"]),
    position=st.integers(min_value=0, max_value=10_000),
    bit=st.integers(min_value=0, max_value=7),
)
def test_any_flipped_bit_is_pinned_on_its_record(
    huisclos_home: Path, seq: int, column: str, position: int, bit: int
) -> None:
    if not (huisclos_home / DB_NAME).exists():
        _write_events(6)
    conn = sqlite3.connect(huisclos_home / DB_NAME, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS records_refuse_update")
    (original,) = conn.execute(f"SELECT {column} FROM records WHERE seq = ?", (seq,)).fetchone()
    data = bytearray(original.encode() if isinstance(original, str) else original)
    data[position % len(data)] ^= 1 << bit
    changed = data.decode("latin-1") if isinstance(original, str) else bytes(data)
    conn.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (changed, seq))
    try:
        result = _verify()
    finally:
        conn.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (original, seq))
        conn.close()
    assert not result.ok
    assert result.first_bad_seq == seq, result.message
    assert f"n° {seq}" in result.message
