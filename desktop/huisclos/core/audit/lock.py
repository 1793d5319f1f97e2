"""An exclusive lock across processes and threads for the log's writers (and readers).

Two Huis clos processes (the app and a script) may append at once: each append holds this lock
from reading the previous hash until the head file is replaced, so the chain and the head always
agree. ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows; a thread lock on top because the
desktop app appends from worker threads too.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..datafolder import private_file

_thread_lock = threading.RLock()


class _Held(threading.local):
    depth = 0  # how many times this thread holds the lock


_held = _Held()


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock file ``path``; re-entrant within one thread."""
    with _thread_lock:
        if _held.depth:
            _held.depth += 1
            try:
                yield
            finally:
                _held.depth -= 1
            return
        private_file(path)
        with open(path, "r+b") as handle:
            _acquire(handle.fileno())
            _held.depth = 1
            try:
                yield
            finally:
                _held.depth = 0
                _release(handle.fileno())


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _acquire(fd: int) -> None:
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.05)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
