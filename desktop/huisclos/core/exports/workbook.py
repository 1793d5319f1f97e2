"""Excel workbooks (.xlsx/.xlsm): every sheet as a table of the texts Excel shows, and a copy
spliced into the original archive with only the edited cells changed.

Opening inflates each worksheet's XML once and keeps it (:mod:`.sheet_xml` reads it lazily, as
the CSV reader does its bytes); the shared strings, the number formats and the cell notes are
read too. Every worksheet is a table, hidden ones included (:attr:`.SheetTable.hidden` says so),
and so is every column, hidden or not; notes are columns of their own (:mod:`.sheet_table`).

Writing is :mod:`.workbook_splice`: every untouched part of the archive is copied byte for byte,
and nothing of a removed comment stays in the copy. The copy goes through
:func:`safe_write.write_atomically`: never a half-written file, never the original.

Threading: an :class:`XlsxExport` never changes after opening.
"""

from __future__ import annotations

import logging
import os
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import write_atomically
from .model import MAX_CELL_CHARS, Export, ProgressCallback, Table
from .sheet_table import SheetTable, finish_tables
from .sheet_xml import LazySheet
from .workbook_parts import (
    OpenedWorkbook,
    note_parts,
    number_formats,
    read_notes,
    shared_strings,
    workbook_info,
)
from .workbook_splice import WorkbookSplice
from .xml_text import split_ref
from .zip_archive import ZipArchive

logger = logging.getLogger(__name__)

DAMAGE = (
    ValueError,
    IndexError,
    KeyError,
    UnicodeDecodeError,
    OverflowError,
    zlib.error,
    struct.error,
)
"""What a damaged workbook makes the readers raise (each becomes a French message)."""


def describe_sheets(kind_label: str, tables: list[Table]) -> str:
    """«Classeur Excel, 3 feuilles (dont 1 masquée)»."""
    sheets = [table for table in tables if isinstance(table, SheetTable)]
    count = len(sheets)
    hidden = sum(1 for table in sheets if table.hidden)
    text = f"{kind_label}, {count} feuille{'s' if count > 1 else ''}"
    if hidden:
        text += f" (dont {hidden} masquée{'s' if hidden > 1 else ''})"
    return text


class XlsxExport(Export):
    """An Excel workbook: one table per worksheet, plus the notes outside any table."""

    def __init__(
        self, path: Path, fingerprint: str, book: OpenedWorkbook, tables: list[Table]
    ) -> None:
        self.path = path
        self.kind = "xlsx"
        self.fingerprint = fingerprint
        self.size = len(book.archive.data)
        self.book = book
        self.tables = list(tables)
        self.copy_suffixes = (path.suffix.lower() if path.suffix.lower() == ".xlsm" else ".xlsx",)

    @property
    def description(self) -> str:
        return describe_sheets("Classeur Excel", self.tables)

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        target = self.check_copy_target(path)
        changes = self._net_changes(edits)
        self._check_unchanged()
        mode = _mode_of(self.path)
        data = self.book.archive.data
        if not changes:
            write_atomically(target, lambda handle: handle.write(data), mode)
            return
        cells: dict[tuple[str, int, int], str] = {}
        notes: dict[tuple[str, str], str] = {}
        for (sheet, ref, is_note), text in self._cell_changes(changes).items():
            if is_note:
                notes[(sheet, ref)] = text
            else:
                row, column = split_ref(ref)
                cells[(sheet, row, column)] = text
        splice = WorkbookSplice(self.book, cells, notes)
        write_atomically(target, splice.write, mode)
        logger.info("wrote %s: %d cells, %d notes changed", target.name, len(cells), len(notes))


def _mode_of(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return None


def read_xlsx(
    path: Path, data: bytes, fingerprint: str, progress: ProgressCallback | None = None
) -> XlsxExport:
    """Open a workbook from its bytes; every worksheet becomes a table.

    ``progress`` gets (bytes read, bytes of the file) after each sheet."""
    try:
        return _read(path, data, fingerprint, progress)
    except ExportError:
        raise
    except MemoryError as error:
        raise ExportError(
            f"Le classeur « {path.name} » est trop grand pour la mémoire de ce poste. Fermez "
            "d'autres logiciels, ou exportez la liste en plusieurs fichiers."
        ) from error
    except DAMAGE as error:
        logger.info("damaged workbook %s: %r", path.name, error)
        raise ExportError(
            f"Le classeur « {path.name} » est incomplet ou abîmé (son contenu est illisible) : "
            "il ne peut pas être lu. Exportez-le de nouveau depuis le logiciel du cabinet, ou "
            "ouvrez-le dans Excel et enregistrez-le sous un autre nom."
        ) from error


def _read(
    path: Path, data: bytes, fingerprint: str, progress: ProgressCallback | None
) -> XlsxExport:
    archive = ZipArchive(data, path.name)
    info = workbook_info(archive)
    shared = shared_strings(archive, info.shared_strings)
    longest = max(map(len, shared), default=0)
    if longest > MAX_CELL_CHARS:
        raise ExportError(
            f"Le classeur « {path.name} » contient un texte de {longest} caractères : ce n'est "
            "pas une liste de patients ordinaire. Vérifiez que c'est le bon fichier."
        )
    formats = number_formats(archive, info.styles)
    done = len(data) - sum(archive.by_name[sheet.part].compressed_size for sheet in info.sheets)
    sheets: dict[str, LazySheet] = {}
    notes_of = {}
    tables: list[Table] = []
    for sheet in info.sheets:
        lazy = LazySheet(sheet.name, archive.read(sheet.part), shared, formats, info.date1904)
        sheets[sheet.name] = lazy
        parts = notes_of[sheet.name] = note_parts(archive, sheet.part)
        notes = {split_ref(ref): text for ref, text in read_notes(archive, parts).items()}
        tables.append(
            SheetTable(
                lazy,
                "xlsx",
                notes=notes,
                hidden=sheet.hidden,
                hidden_columns=lazy.hidden_columns(),
            )
        )
        done += archive.by_name[sheet.part].compressed_size
        if progress is not None:
            progress(done, len(data))
    tables = finish_tables("xlsx", tables, path.name)
    book = OpenedWorkbook(archive, info, shared, formats, sheets, notes_of)
    return XlsxExport(path, fingerprint, book, tables)
