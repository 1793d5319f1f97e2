"""Where the file dialogs open: the folder last used for that kind of file, never inside the
installed program's folder.

Each kind keeps its own folder — ``exports`` (the patient lists opened), ``copies`` (cleaned
copies and correction lists), ``reports``, ``exercises`` — so saving a report does not move
the next «Ouvrir» away from the practice software's export folder. The bundled demo lives in
the program's folder: a copy of it, or anything whose folder is the program's, goes to the
user's Documents instead (an installed program's folder is read-only or wiped on update).

Threading: GUI thread (settings).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ..core import resources
from ..core.errors import HuisclosError
from . import settings

KINDS = ("exports", "copies", "reports", "exercises")


def documents() -> Path:
    """The user's Documents folder (their home when the system has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def program_folders() -> list[Path]:
    """The folders of the installed program (its resources, its executable when bundled)."""
    folders: list[Path] = []
    with contextlib.suppress(HuisclosError):  # an incomplete installation: nothing to avoid
        folders.append(resources.resources_dir().resolve())
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent)
    return folders


def is_program_folder(folder: Path) -> bool:
    """True for the program's folder or a folder inside it."""
    try:
        here = Path(folder).resolve()
    except OSError:
        return False
    return any(here == root or root in here.parents for root in program_folders())


def usable(folder: Path | None) -> Path | None:
    """``folder`` if it exists and is not the program's, else None."""
    if folder is None or not Path(folder).is_dir() or is_program_folder(Path(folder)):
        return None
    return Path(folder)


def last_folder(kind: str, fallback: Path | None = None) -> Path:
    """Where a dialog for ``kind`` opens: the last folder used for it, else ``fallback``
    (the export's own folder, say), else Documents — never the program's folder."""
    remembered = settings.Option[str](f"folders/{kind}", "").value()
    return usable(Path(remembered) if remembered else None) or usable(fallback) or documents()


def remember(kind: str, path: Path) -> None:
    """A file of ``kind`` was chosen at ``path``: its folder is where the next dialog opens."""
    folder = Path(path).parent
    if not is_program_folder(folder):
        settings.Option[str](f"folders/{kind}", "").set(str(folder))


def in_last_folder(kind: str, name: str, fallback: Path | None = None) -> Path:
    """The default path of a file named ``name`` in the folder ``kind`` opens in."""
    return last_folder(kind, fallback) / name
