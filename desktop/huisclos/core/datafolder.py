"""Where Huis clos keeps its own files (log, key file, practice terms), with private permissions.

``$HUISCLOS_HOME`` wins when set (tests, scripts); otherwise platformdirs' user data folder.
Folders are created 0700 and files 0600 so other accounts on a shared practice PC cannot read.
"""

from __future__ import annotations

import logging
import os
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
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _chmod_quietly(path, 0o700)
    return path


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
