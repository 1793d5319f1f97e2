"""Write a file all at once or not at all; tell two names of one file apart; fingerprint a file.

A file is written to a temporary file in the target's own folder, flushed to disk (fsync), then
renamed over the target in one step (``os.replace``). If anything fails, the temporary file is
removed and the target is left as it was: never a half-written file. :func:`replace_atomically`
is the mechanism (it raises ``OSError``); :func:`write_atomically` is the same for a file the
user chose, with the French sentence a secretary can act on.

Threading: safe from a worker thread (no shared state).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import ExportError, HuisclosError

logger = logging.getLogger(__name__)

PRIVATE = 0o600


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_atomically(
    target: Path, write: Callable[[BinaryIO], object], mode: int = PRIVATE
) -> None:
    """Create or replace ``target`` with what ``write`` puts in the file object, atomically,
    with the permission bits ``mode`` (owner-only by default). Raises ``OSError``; the target is
    then untouched."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def os_error_message(error: OSError, target: Path, what: str = "la copie") -> str:
    """A French sentence for a failed write of ``what`` («la copie», «le rapport»…)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Le disque est plein : « {target.name} » n'a pas pu être enregistré. "
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
            f"Choisissez un autre emplacement pour {what}."
        )
    return (
        f"« {target.name} » n'a pas pu être enregistré ({error.strerror or error}). "
        "Réessayez ou choisissez un autre emplacement."
    )


def write_atomically(
    target: Path,
    write: Callable[[BinaryIO], object],
    mode: int = PRIVATE,
    *,
    what: str = "la copie",
) -> None:
    """Create ``target`` with what ``write`` puts in the file object, atomically.

    ``mode`` sets the permission bits of the new file (default: private, 0600); ``what`` names
    the file in messages («la copie», «la liste de corrections»…). Raises ``ExportError`` with
    a French message; the target is untouched on failure.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            f"Le dossier « {folder} » n'existe pas : « {target.name} » n'a pas été enregistré. "
            "Choisissez un dossier existant."
        )
    if target.is_dir():
        raise ExportError(f"« {target} » est un dossier : donnez un nom de fichier pour {what}.")
    try:
        replace_atomically(target, write, mode)
    except HuisclosError:
        raise
    except OSError as error:
        logger.warning("write failed: %s", error)
        raise ExportError(os_error_message(error, target, what)) from error


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (links and case-insensitive disks too)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


def file_fingerprint(path: Path) -> str:
    """SHA-256 of a file's bytes (hex), read as a stream: the way an export and the journal
    name a file without its name. Raises ``OSError``."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
