"""Write a file all at once or not at all.

The copy is written to a temporary file in the target's own folder, flushed to disk (fsync),
then renamed over the target in one step (``os.replace``). If anything fails, the temporary
file is removed and the target is left as it was: never a half-written file.

Threading: safe from a worker thread (no shared state).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import ExportError, HuisclosError

logger = logging.getLogger(__name__)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def os_error_message(error: OSError, target: Path) -> str:
    """A French sentence for a failed write."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Le disque est plein : la copie « {target.name} » n'a pas été écrite. "
            "Libérez de la place ou choisissez un autre emplacement."
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Impossible d'écrire dans le dossier « {target.parent} » (accès refusé). "
            "Choisissez un autre dossier, par exemple vos Documents."
        )
    if error.errno == errno.EROFS:
        return (
            f"Le dossier « {target.parent} » est en lecture seule. "
            "Choisissez un autre emplacement pour la copie."
        )
    return (
        f"La copie « {target.name} » n'a pas pu être écrite ({error.strerror or error}). "
        "Réessayez ou choisissez un autre emplacement."
    )


def write_atomically(
    target: Path, write: Callable[[BinaryIO], None], mode: int | None = None
) -> None:
    """Create ``target`` with what ``write`` puts in the file object, atomically.

    ``mode`` sets the permission bits of the new file (default: private, 0600).
    Raises ``ExportError`` with a French message; the target is untouched on failure.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            f"Le dossier « {folder} » n'existe pas : la copie n'a pas été écrite. "
            "Choisissez un dossier existant."
        )
    if target.is_dir():
        raise ExportError(f"« {target} » est un dossier : donnez un nom de fichier pour la copie.")
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
        temp_name = None
        _fsync_folder(folder)
    except HuisclosError:
        raise
    except OSError as error:
        logger.warning("write failed: %s", error)
        raise ExportError(os_error_message(error, target)) from error
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (links and case-insensitive disks too)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


def check_new_file(
    target: Path,
    *,
    force: bool,
    original: Path | None = None,
    what: str = "La copie",
    original_is: str = "l'original",
    error: type[HuisclosError] = HuisclosError,
) -> None:
    """Refuse, with one French sentence, a target that would overwrite ``original``, that is a
    folder, or that already exists while ``force`` (``--force``) was not given.

    Every command that writes a file calls this first, so they all refuse the same way.
    """
    if original is not None and same_file(original, target):
        raise error(
            f"{what} ne peut pas remplacer {original_is} ({original.name}) : "
            "choisissez un autre nom."
        )
    if target.is_dir():
        raise error(f"{target} est un dossier : indiquez un nom de fichier.")
    if target.exists() and not force:
        raise error(
            f"le fichier {target} existe déjà : choisissez un autre nom, ou ajoutez --force "
            "pour le remplacer."
        )
