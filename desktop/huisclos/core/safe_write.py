"""Write a file all at once or not at all; tell two names of one file apart; fingerprint a file.

A file is written to a temporary file in the target's own folder, flushed to disk (fsync), then
renamed over the target in one step (``os.replace``). If anything fails, the temporary file is
removed and the target is left as it was: never a half-written file. :func:`prepare_file` does
the first half and hands back a :class:`PreparedFile` whose :meth:`~PreparedFile.commit` renames
it. :func:`replace_atomically` is both halves at once (it raises ``OSError``);
:func:`prepare_output` and :func:`write_atomically` are the same for a file the user chose, with
the French sentence a secretary can act on.

Several outputs of one action (the cleaned copy and the correction list) are written together:
inside ``with staged_outputs() as outputs:`` every :func:`write_atomically` only prepares its
file; the caller journals what was prepared (:func:`output_fingerprint` gives the bytes'
fingerprint), then ``outputs.commit()`` renames them all. Leaving the block without committing
removes them: a correction never exists without its journal record, and a failure leaves nothing.

Temporary names are made by :mod:`.stale_temps`, which also removes those of killed processes
before each write in a folder.

Threading: safe from a worker thread; a staging applies to the thread (context) that opened it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from .errors import ExportError, HuisclosError
from .stale_temps import remove_stale_temps, temp_prefix

logger = logging.getLogger(__name__)

PRIVATE = 0o600
_SHARING_VIOLATIONS = (32, 33)  # Windows: the file is open (or locked) in another program


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class PreparedFile:
    """A file written in full under a temporary name beside ``target``, not yet visible there.

    :meth:`commit` renames it over the target; :meth:`discard` removes it. Either may be called
    once; a prepared file neither committed nor discarded is removed when collected.
    """

    def __init__(self, target: Path, temp: Path, what: str = "le fichier") -> None:
        self.target = target
        self.temp = temp
        self.what = what  # how messages name it («la copie», «le rapport»…)
        self._done = False
        self.committed = False  # True once the target holds these bytes

    def fingerprint(self) -> str:
        """SHA-256 of the bytes that the target will hold."""
        return file_fingerprint(self.temp)

    def commit(self) -> None:
        """Rename over the target (``OSError`` when that fails; the temporary file is then
        removed and the target left as it was)."""
        if self._done:
            raise RuntimeError("prepared file already committed or discarded")
        try:
            os.replace(self.temp, self.target)
        except BaseException:
            self.discard()
            raise
        self._done = self.committed = True
        _fsync_folder(self.target.parent if str(self.target.parent) else Path("."))

    def commit_or_explain(self) -> None:
        """:meth:`commit`, raising ``ExportError`` (French) when the rename fails."""
        try:
            self.commit()
        except OSError as error:
            logger.warning("rename failed: %s", error)
            raise ExportError(os_error_message(error, self.target, self.what)) from error

    def discard(self) -> None:
        if not self._done:
            self._done = True
            with contextlib.suppress(OSError):
                os.unlink(self.temp)

    def __del__(self) -> None:
        self.discard()


class OutputSet:
    """Files prepared by one action, renamed together by :meth:`commit` (see the module
    docstring). Made by :func:`staged_outputs`."""

    def __init__(self) -> None:
        self.files: list[PreparedFile] = []

    def add(self, prepared: PreparedFile) -> None:
        self.files.append(prepared)

    def prepared_for(self, target: Path) -> PreparedFile | None:
        for prepared in self.files:
            if prepared.target == Path(target):
                return prepared
        return None

    def commit(self) -> None:
        """Rename every prepared file over its target, in order. When a rename fails, the
        targets this set had just created are removed again, the rest discarded, and
        ``ExportError`` (French) raised: all or nothing, as far as a file system allows (a
        file replaced with ``--force`` cannot be brought back)."""
        created: list[PreparedFile] = []
        try:
            for prepared in self.files:
                existed = os.path.lexists(prepared.target)
                prepared.commit_or_explain()
                if not existed:
                    created.append(prepared)
        except BaseException:
            for prepared in created:
                with contextlib.suppress(OSError):
                    os.unlink(prepared.target)
                    prepared.committed = False
            self.discard()
            raise

    def discard(self) -> None:
        """Remove every prepared file not renamed yet."""
        for prepared in self.files:
            prepared.discard()


_staging: ContextVar[OutputSet | None] = ContextVar("huisclos_staged_outputs", default=None)


@contextlib.contextmanager
def staged_outputs() -> Iterator[OutputSet]:
    """Within the block, :func:`write_atomically` prepares files without renaming them; the
    caller renames them with ``commit()`` once they are journalled. Whatever is not committed
    when the block ends (an error, a refused journal) is removed."""
    outputs = OutputSet()
    token = _staging.set(outputs)
    try:
        yield outputs
    finally:
        _staging.reset(token)
        outputs.discard()


def output_fingerprint(target: Path) -> str:
    """SHA-256 of what ``target`` holds — or will hold once the current staging commits."""
    staging = _staging.get()
    prepared = staging.prepared_for(target) if staging is not None else None
    return prepared.fingerprint() if prepared is not None else file_fingerprint(target)


def prepare_file(
    target: Path,
    write: Callable[[BinaryIO], object],
    mode: int = PRIVATE,
    check: Callable[[Path], None] | None = None,
) -> PreparedFile:
    """Write what ``write`` puts in the file object to a temporary file beside ``target``, on
    disk (fsync), with the permission bits ``mode``; ``check`` may then read it back and raise.
    Raises ``OSError`` (or what ``write``/``check`` raise), leaving nothing behind."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(folder)
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=folder)
    prepared = PreparedFile(target, Path(temp_name))
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        if check is not None:
            check(prepared.temp)
    except BaseException:
        prepared.discard()
        raise
    return prepared


def replace_atomically(
    target: Path, write: Callable[[BinaryIO], object], mode: int = PRIVATE
) -> None:
    """Create or replace ``target`` with what ``write`` puts in the file object, atomically,
    with the permission bits ``mode`` (owner-only by default). Raises ``OSError``; the target is
    then untouched."""
    prepare_file(target, write, mode).commit()


def os_error_message(error: OSError, target: Path, what: str = "la copie") -> str:
    """A French sentence for a failed write of ``what`` («la copie», «le rapport»…)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Le disque est plein : « {target.name} » n'a pas pu être enregistré. "
            "Libérez de la place ou choisissez un autre emplacement."
        )
    if error.errno == errno.ENAMETOOLONG:
        return (
            f"Le nom « {target.name} » est trop long pour le système ({len(target.name)} "
            f"caractères) : choisissez un nom plus court pour {what}."
        )
    if error.errno == errno.ELOOP:
        return (
            f"« {target.name} » est un raccourci (lien symbolique) qui pointe vers lui-même : "
            f"choisissez un autre nom pour {what}."
        )
    if getattr(error, "winerror", None) in _SHARING_VIOLATIONS:
        return (
            f"« {target.name} » est ouvert dans un autre programme : fermez le fichier dans "
            "Excel (ou LibreOffice), puis réessayez."
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
    check: Callable[[Path], None] | None = None,
) -> None:
    """Create ``target`` with what ``write`` puts in the file object, atomically.

    ``mode`` sets the permission bits of the new file (default: private, 0600); ``what`` names
    the file in messages («la copie», «la liste de corrections»…). Raises ``ExportError`` with
    a French message; the target is untouched on failure. ``check`` may read the written
    temporary file back before it is renamed, and raise (``ExportError``). Inside
    :func:`staged_outputs`, the file is only prepared (renamed by the staging's ``commit``).
    """
    prepared = prepare_output(target, write, mode, what=what, check=check)
    staging = _staging.get()
    if staging is not None:
        staging.add(prepared)
    else:
        prepared.commit_or_explain()


def prepare_output(
    target: Path,
    write: Callable[[BinaryIO], object],
    mode: int = PRIVATE,
    *,
    what: str = "la copie",
    check: Callable[[Path], None] | None = None,
) -> PreparedFile:
    """:func:`write_atomically` without the rename: the file written in full beside ``target``
    (and checked by ``check``), renamed by :meth:`PreparedFile.commit_or_explain`.

    Raises ``ExportError`` with a French message; nothing is left behind on failure.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    problem = name_problem(target, what)
    if problem:
        raise ExportError(problem)
    if not folder.is_dir():
        raise ExportError(
            f"Le dossier « {folder} » n'existe pas : « {target.name} » n'a pas été enregistré. "
            "Choisissez un dossier existant."
        )
    if target.is_dir():
        raise ExportError(f"« {target} » est un dossier : donnez un nom de fichier pour {what}.")
    try:
        prepared = prepare_file(target, write, mode, check)
    except HuisclosError:
        raise
    except OSError as error:
        logger.warning("write failed: %s", error)
        raise ExportError(os_error_message(error, target, what)) from error
    prepared.what = what
    return prepared


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (links and case-insensitive disks too)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))
    except (OSError, RuntimeError):  # a loop of links, a name too long: not the same file
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def name_problem(target: Path, what: str = "le fichier") -> str | None:
    """A French sentence when the system cannot use ``target``'s name at all (too long, a loop
    of links), else ``None``."""
    try:
        os.lstat(target)
        os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno in (errno.ENAMETOOLONG, errno.ELOOP):
            return os_error_message(error, Path(target), what)
    return None


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
    problem = name_problem(target, what.lower())
    if problem:
        raise error(problem)
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
