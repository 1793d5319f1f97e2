"""Where Huis clos keeps its own files (log, key file, practice terms), with private permissions.

``$HUISCLOS_HOME`` wins when set (tests, scripts); otherwise platformdirs' user data folder.
The state folder (:func:`state_dir`) holds what must not be rolled back with the data folder:
``$HUISCLOS_STATE_HOME`` when set, otherwise platformdirs' user state folder, never the data
folder itself.
Folders are created 0700 and files 0600 so other accounts on a shared practice PC cannot read.
Files another library creates for us (SQLite's database and its ``-wal`` and ``-shm`` side files)
are made private by creating them under :func:`private_umask`, never by changing them
afterwards: re-applying permissions to ``-shm`` can re-create a file SQLite has just removed,
and a process mapping that new, empty file dies with «Bus error».
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

APP_NAME = "huisclos"


def data_dir(create: bool = True) -> Path:
    """The data folder, created with owner-only permissions when ``create`` is true."""
    override = os.environ.get("HUISCLOS_HOME")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    if create:
        with private_umask():
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _chmod_quietly(path, 0o700)
    return path


def state_dir(create: bool = True) -> Path:
    """A per-user folder outside the data folder (the journal's anchor lives there).

    ``$HUISCLOS_STATE_HOME`` when set (tests set it, so they never touch the user's folders);
    otherwise platformdirs' user state folder — or, where that is the data folder itself
    (Windows, macOS), a sibling folder «huisclos-etat» beside it.
    """
    override = os.environ.get("HUISCLOS_STATE_HOME")
    if override:
        path = Path(override)
    else:
        path = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
        data = data_dir(create=False)
        if _overlap(path, data):
            path = data.with_name(f"{data.name}-etat")
    if create:
        with private_umask():
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _overlap(a: Path, b: Path) -> bool:
    a, b = a.absolute(), b.absolute()
    return a == b or a in b.parents or b in a.parents


_umask_lock = threading.Lock()


@contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created inside the block are readable by their owner only (umask 077).

    The umask belongs to the whole process: threads that create files meanwhile get owner-only
    files too, which is never less safe. No effect on Windows, where ACLs decide.
    """
    if os.name != "posix":
        yield
        return
    with _umask_lock:
        previous = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(previous)


def restrict(path: Path, mode: int = 0o600) -> None:
    """Take away the group's and others' rights on an existing file of ours (one made by an
    older version); a file already private is not touched."""
    try:
        current = path.stat().st_mode & 0o777
    except OSError:
        return
    if current & ~mode:
        _chmod_quietly(path, current & mode)


def private_file(path: Path) -> Path:
    """Create ``path`` if missing and make it readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    _chmod_quietly(path, 0o600)
    return path


def _chmod_quietly(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:  # pragma: no cover - e.g. FAT volumes, Windows ACLs
        logger.warning("Cannot restrict permissions of %s", path)
