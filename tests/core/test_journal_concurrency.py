"""Several Huis clos processes writing one journal at once (the app and scripts on one data
folder): none crashes, no event is lost, the chain still verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from huisclos.core.audit.log import open_log

WRITERS = 4
APPENDS = 60

# Each append opens the journal and closes it again, as every ``huisclos scan`` does: the
# opening is where SQLite's shared-memory file can be created, removed and re-created.
_WRITER = """
import sys, time
from pathlib import Path
from huisclos.core.audit.log import record_event
start = Path(sys.argv[3])
(start.parent / ("ready-" + sys.argv[2])).touch()
while not start.exists():
    time.sleep(0.005)
for index in range(int(sys.argv[1])):
    warning = record_event("scan", {"findings": index, "writer": sys.argv[2]})
    if warning:
        sys.exit("not logged: " + warning)
"""


@pytest.fixture
def passphrase_journal(huisclos_home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A journal with a (cheap) passphrase key file, and the environment of a script using it."""
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "quatre secrétaires")
    with open_log() as log:
        log.append("scan", {"findings": 0, "writer": "parent"})
    return dict(
        os.environ,
        HUISCLOS_PASSPHRASE="quatre secrétaires",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )


def _run_writers(env: dict[str, str], folder: Path, names: list[str]) -> list[int]:
    go = folder / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(APPENDS), name, str(go)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    deadline = time.monotonic() + 120
    while not all((folder / f"ready-{name}").exists() for name in names):
        assert time.monotonic() < deadline and all(w.poll() is None for w in writers)
        time.sleep(0.01)
    go.touch()
    codes = []
    for writer in writers:
        _out, err = writer.communicate(timeout=240)
        assert writer.returncode != -signal.SIGBUS, "a writer died with «Bus error»"
        assert writer.returncode == 0, err
        codes.append(writer.returncode)
    return codes


@pytest.mark.slow
def test_four_processes_opening_and_appending_at_once_lose_nothing(
    passphrase_journal: dict[str, str], tmp_path: Path
) -> None:
    names = [chr(ord("a") + index) for index in range(WRITERS)]
    for round_ in range(2):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        assert _run_writers(passphrase_journal, folder, names) == [0] * WRITERS
    with open_log() as log:
        result = log.verify()
        events = log.events()
    total = 1 + 2 * WRITERS * APPENDS
    assert result.ok, result.message
    assert result.events == total
    assert [event["seq"] for event in events] == list(range(1, total + 1))
    by_writer = [event["payload"]["writer"] for event in events]
    assert all(by_writer.count(name) == 2 * APPENDS for name in names)


def test_two_threads_opening_and_appending_never_deadlock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app's recorder thread appends (journal lock, then the anchor folder's umask) while
    the window opens the journal (umask, then lock): with the two locks taken in opposite
    orders the app froze. Both threads must finish."""
    import threading

    from huisclos.core.audit.log import open_log

    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "phrase du cabinet")
    with open_log() as log:
        log.append("scan", {"findings": 0})

    def append() -> None:
        for index in range(40):
            with open_log() as log:
                log.append("scan", {"findings": index})

    def read() -> None:
        for _ in range(40):
            with open_log() as log:
                log.verify()

    threads = [threading.Thread(target=work, daemon=True) for work in (append, read, append)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "the journal's locks deadlocked"
    with open_log() as log:
        assert len(log) == 81 and log.verify().ok
