"""Open a practice's patient-list export: recognise the kind of file from its bytes (not its
name) and hand it to its reader — :mod:`.csv_file` for CSV/TSV, :mod:`.workbook` for Excel
(.xlsx/.xlsm), :mod:`.ods_file` for LibreOffice (.ods), :mod:`.xls_file` for Excel 97-2003
(.xls).

Anything else (a password-protected workbook, a web page saved as .xls, an empty or binary
file) gets a French message saying what the file is and what to do.

Threading: :func:`read_export` may run on a worker thread (the desktop app opens files there).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from ..errors import ExportError
from .model import Export, ProgressCallback

logger = logging.getLogger(__name__)

XLSX_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"  # as ods_file's
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_BLANK = b" \t\r\n\xef\xbb\xbf"
MAX_FILE_BYTES = 2_000_000_000
BACKGROUND_HASH_BYTES = 1 << 23  # below this, a thread costs more than it saves


def _missing(path: Path) -> ExportError:
    return ExportError(
        f"Le fichier « {path} » est introuvable. Vérifiez son nom et le dossier où il a été "
        "enregistré."
    )


def _name_error(path: Path, error: OSError) -> ExportError | None:
    """The French line for a name the system cannot use: too long, or a loop of links."""
    if error.errno == errno.ENAMETOOLONG:
        return ExportError(
            f"Le nom « {path.name} » est trop long pour le système ({len(path.name)} caractères "
            "dans le nom, ou un chemin trop long) : renommez le fichier ou son dossier plus "
            "court, puis réessayez."
        )
    if error.errno == errno.ELOOP:
        return ExportError(
            f"« {path.name} » est un raccourci (lien symbolique) qui, de lien en lien, pointe "
            "vers lui-même : choisissez le fichier exporté lui-même."
        )
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)  # follows links; never opens, so a FIFO cannot block here
    except FileNotFoundError as error:
        raise _missing(path) from error
    except OSError as error:
        raise _name_error(path, error) or ExportError(
            f"Le fichier « {path.name} » n'a pas pu être lu ({error.strerror or error}). "
            "Copiez-le sur le poste puis réessayez."
        ) from error
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(
            f"« {path.name} » est un dossier, pas un fichier. Choisissez le fichier exporté "
            "(.csv, .xlsx, .ods ou .xls) à l'intérieur."
        )
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(
            f"« {path.name} » n'est pas un fichier ordinaire (c'est un périphérique, un tube ou "
            "une prise) : Huis clos ne lit que des fichiers enregistrés. Choisissez le fichier "
            "exporté par le logiciel du cabinet."
        )
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(path, info.st_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # a file that grows while read stops here
    except FileNotFoundError as error:
        raise _missing(path) from error
    except PermissionError as error:
        raise ExportError(
            f"Huis clos n'a pas le droit de lire « {path.name} ». Fermez-le s'il est ouvert "
            "dans un autre logiciel, ou copiez-le dans vos Documents, puis réessayez."
        ) from error
    except OSError as error:
        raise _name_error(path, error) or ExportError(
            f"Le fichier « {path.name} » n'a pas pu être lu ({error.strerror or error}). "
            "Copiez-le sur le poste puis réessayez."
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(path, len(data))
    return data


def _too_big(path: Path, size: int) -> ExportError:
    return ExportError(
        f"« {path.name} » pèse plus de {MAX_FILE_BYTES / 1e9:.0f} Go ({size / 1e9:.1f} Go) : "
        "c'est bien plus qu'une liste de patients. Vérifiez que c'est le bon fichier."
    )


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or (
        head.startswith(b"<") and b"<table" in data[:65536].lower()
    )


def read_export(
    path: Path | str,
    progress: ProgressCallback | None = None,
    *,
    random_access: bool = True,
) -> Export:
    """Open an export; raises ``ExportError`` with a French message on unusable input.

    ``progress`` (optional) is called now and then with (done, total) while opening — bytes for
    a CSV file, bytes for a workbook (after each sheet); only the ratio
    matters. It is called from the thread that opens the file.
    ``random_access``: a CSV file's index of record starts is built now, on this thread (the
    app's table then reads any row at once); False leaves it to the first row read at random,
    which a command that only scans never does.
    """
    path = Path(path)
    data = _read_bytes(path)
    total = len(data)
    if progress:
        progress(0, total)
    if not data[:4096].strip(_BLANK) and not data.strip(_BLANK):
        raise ExportError(
            f"Le fichier « {path.name} » est vide. Exportez de nouveau la liste des patients "
            "depuis le logiciel du cabinet."
        )
    fingerprint = _fingerprint_aside(data)
    try:
        export = _read_kind(path, data, progress, random_access)
    finally:
        digest = fingerprint()
    export.fingerprint = digest
    if progress:
        progress(total, total)
    logger.info("opened %s (%s, %d bytes)", path.name, export.kind, total)
    return export


def _fingerprint_aside(data: bytes) -> Callable[[], str]:
    """The SHA-256 of ``data`` (call the result to get it): for a big file it is computed on a
    thread while the file is read, ``hashlib`` letting go of the interpreter meanwhile."""
    if len(data) < BACKGROUND_HASH_BYTES:
        digest = hashlib.sha256(data).hexdigest()
        return lambda: digest
    found: list[str] = []
    thread = threading.Thread(
        target=lambda: found.append(hashlib.sha256(data).hexdigest()), name="empreinte"
    )
    thread.start()

    def wait() -> str:
        thread.join()
        return found[0]

    return wait


def _read_kind(
    path: Path, data: bytes, progress: ProgressCallback | None, random_access: bool
) -> Export:
    """The export read by the reader of its kind (its fingerprint set by the caller)."""
    fingerprint = ""
    suffix = path.suffix.lower()
    if data.startswith(XLSX_MAGIC) and data[30:38] == b"mimetype" and ODS_MIMETYPE in data[:100]:
        from .ods_file import read_ods  # each reader loads only for its kind of file

        export: Export = read_ods(path, data, fingerprint, progress)
    elif data.startswith(XLSX_MAGIC):
        from .workbook import read_xlsx

        export = read_xlsx(path, data, fingerprint, progress)
    elif data.startswith(CFB_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExportError(
                f"Le classeur « {path.name} » est protégé par un mot de passe. Ouvrez-le dans "
                "Excel, enregistrez une copie sans mot de passe, puis ouvrez cette copie."
            )
        from .xls_file import read_xls

        export = read_xls(path, data, fingerprint)
    elif suffix in (".xlsx", ".xlsm", ".ods"):
        raise ExportError(
            f"Le classeur « {path.name} » est incomplet ou abîmé (ce n'est pas un fichier Excel "
            "valide). Exportez-le de nouveau ou demandez une nouvelle copie."
        )
    elif _looks_like_html(data):
        raise ExportError(
            f"« {path.name} » est une page web (HTML), pas un tableau CSV ou Excel, même si son "
            "nom le laisse croire. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au "
            "format .xlsx ou .csv."
        )
    elif suffix in (".numbers", ".pdf", ".doc", ".docx"):
        raise ExportError(
            f"Huis clos ne lit pas les fichiers « {suffix} ». Enregistrez la liste au format "
            ".csv, .xlsx ou .ods."
        )
    else:
        from .csv_file import read_csv

        export = read_csv(path, data, fingerprint, random_access=random_access)
    return export
