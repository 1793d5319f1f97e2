"""The Export model: an opened export file, its tables, and where every cell came from.

An :class:`Export` holds its tables, the SHA-256 fingerprint of the bytes that were read, and,
for each cell, where it came from (:meth:`Table.source_of`: a byte span for CSV, a sheet
coordinate for a workbook), so that :meth:`Export.write_copy` can splice changed cells into an
otherwise identical copy. :mod:`.reading` opens a file; :mod:`.csv_file`, :mod:`.workbook`
(.xlsx), :mod:`.ods_file` and :mod:`.xls_file` are the kinds. Both classes here are abstract:
they declare what the scan, the review session and the copy need from any kind of export.

A rewritten cell whose text would start with ``=``, ``+``, ``-`` or ``@`` is neutralised so that
spreadsheet software cannot run it as a formula: in a CSV copy the text gets a leading apostrophe
(``'=…``, the convention Excel and LibreOffice show as plain text); in a workbook copy the cell
is a text cell (an inline string, never a formula) and its text is unchanged. It keeps its style,
so it gets no «quote prefix» (that would add a style to the workbook's styles part, which the
copy leaves untouched): retyped in Excel, such a text would become a formula again.
:func:`neutralise_formula` tells callers what a CSV copy will hold.

Threading: an ``Export`` does not change after it is opened; reading it from a worker thread
while the UI reads it too is safe. Writing a copy only reads the export.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import file_fingerprint, same_file

logger = logging.getLogger(__name__)

FORMULA_STARTS = ("=", "+", "-", "@")
MAX_CELL_CHARS = 131_072
"""The largest cell accepted (the csv module's own limit; Excel's is 32,767 characters)."""


def neutralise_formula(text: str) -> str:
    """The text a CSV file of ours holds for a rewritten cell: a leading apostrophe when the
    text would start with ``=``, ``+``, ``-`` or ``@`` — also after spaces, tabs or line breaks,
    which LibreOffice's «Supprimer les espaces» import option removes before it evaluates.

    Why an apostrophe: it is not a space, so no import option trims it; spreadsheets never run
    a cell that starts with it (Excel and LibreOffice show it as typed, as plain text); and it
    is visible, so what the user is shown is exactly what the file holds. A leading space (the
    usual advice) is trimmed by that option, and the formula then runs."""
    return "'" + text if text.lstrip(" \t\r\n").startswith(FORMULA_STARTS) else text


@dataclass(frozen=True, slots=True)
class CellSource:
    """Where a cell came from: a byte span of a CSV file, or a sheet coordinate of a workbook.

    For CSV, ``start``–``end`` covers the field as written (quotes included); ``present`` is
    False for a cell missing from a short row (the span is then empty, at the end of the row).
    For a workbook, ``sheet`` and ``coordinate`` (e.g. ``"D12"``) name the cell; ``note`` is
    True for the note attached to that cell rather than the cell itself.
    """

    kind: str
    start: int = -1
    end: int = -1
    quoted: bool = False
    present: bool = True
    sheet: str = ""
    coordinate: str = ""
    note: bool = False


class Table(ABC):
    """One table of an export: the CSV file, or one worksheet of an XLSX workbook.

    ``name`` is the sheet name ("" for CSV); ``header`` the column headers as text; rows are
    numbered from 1 (first data row after the header). Cell texts are what the user sees.
    Headers are unique and never empty: a blank header cell is named «Colonne N» and a repeated
    one gets « (2) », « (3) »…; ``raw_header`` keeps the header cells as written.
    ``header_line`` is the 1-based line (CSV record) or sheet row of the header, 0 when the
    table has no header row.
    """

    name: str = ""
    header: list[str]
    raw_header: list[str]
    header_line: int = 0
    holds_patients: bool = True  # False for a table of notes outside the patients' rows
    _positions: dict[str, int] | None = None  # header → index, built on first use

    @abstractmethod
    def __len__(self) -> int:
        """Number of data rows."""

    @abstractmethod
    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cell texts) for every data row, in file order; fast, streaming."""

    @abstractmethod
    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        """(row number, texts of ``columns`` in that order) for every row."""

    @abstractmethod
    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        """One list of texts per column (in the order of ``columns``) for the data rows
        ``first_row`` … ``first_row + count - 1``: the scan's hot loop. Any batch can be read on
        its own, so forked worker processes that share the table read their batches
        themselves."""

    def iter_column_batches(
        self, columns: list[str], size: int = 20_000
    ) -> Iterator[tuple[int, list[list[str]]]]:
        """(first row number, one list of texts per column) for up to ``size`` consecutive rows
        at a time: the texts of :meth:`iter_column_values` without a tuple per row."""
        total = len(self)
        for first in range(0, total, max(size, 1)):
            yield first + 1, self.column_batch(columns, first + 1, min(size, total - first))

    @abstractmethod
    def row(self, row: int) -> list[str]:
        """Cell texts of one data row (random access for the desktop table)."""

    def cell(self, row: int, column: str) -> str:
        """Text of one cell; "" for a cell missing from a short (ragged) row."""
        index = self.column_index(column)
        cells = self.row(row)
        return cells[index] if index < len(cells) else ""

    @abstractmethod
    def source_of(self, row: int, column: str) -> CellSource:
        """Where the cell ``row``/``column`` came from in the file."""

    def column_index(self, column: str) -> int:
        """0-based position of a column; raises ``ExportError`` for an unknown header."""
        positions = self._positions
        if positions is None or len(positions) != len(self.header):
            positions = self._positions = {name: index for index, name in enumerate(self.header)}
        if column in positions:
            return positions[column]
        where = f" de la feuille « {self.name} »" if self.name else ""
        raise ExportError(
            f"La colonne « {column} » n'existe pas dans le fichier{where}. "
            "Vérifiez le nom de la colonne (en-tête exact)."
        )

    def check_row(self, row: int) -> None:
        """Raise ``ExportError`` unless ``row`` is a data row of this table."""
        if not 1 <= row <= len(self):
            raise ExportError(
                f"La ligne {row} n'existe pas : le tableau compte {len(self)} lignes de données."
            )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} {len(self)} lignes × {len(self.header)}>"


ProgressCallback = Callable[[int, int], None]


class Export(ABC):
    """An opened export file: its tables and where every cell came from, for splicing."""

    path: Path
    kind: str  # "csv", "xlsx", "ods" or "xls"
    tables: list[Table]
    fingerprint: str  # SHA-256 hex of the file's bytes
    size: int = 0  # bytes
    copy_suffixes: tuple[str, ...] = ()
    """The extensions a cleaned copy can be written with, the usual one first (empty: any)."""

    def default_copy_path(self) -> Path:
        """``<nom>-nettoye.<ext>`` beside the original, in the copy's usual format."""
        suffix = self.copy_suffixes[0] if self.copy_suffixes else self.path.suffix
        return self.path.with_name(f"{self.path.stem}-nettoye{suffix}")

    def copy_note(self, target: Path) -> str | None:
        """One French line to show when a copy written at ``target`` is not in the original's
        format (an .xls copied as .xlsx); None when it is."""
        return None

    @property
    def table(self) -> Table:
        """The main table (the first table with a header and data)."""
        for table in self.tables:
            if table.header and len(table):
                return table
        for table in self.tables:
            if table.header:
                return table
        return self.tables[0]

    def table_named(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        if self.kind == "csv" and name == "" and self.tables:
            return self.tables[0]
        raise ExportError(
            f"La feuille « {name} » n'existe pas dans « {self.path.name} ». "
            "Vérifiez le nom de la feuille."
        )

    def fit_text(self, text: str) -> str:
        """``text`` as this file can hold it: a workbook holds any text; a CSV file replaces
        what its encoding cannot write (:class:`.csv_file.CsvExport`)."""
        return text

    def reading_notes(self) -> list[str]:
        """What the user should know about how the file was read (French, one line each):
        lines skipped above a header found lower down, mixed encodings…"""
        notes = []
        for table in self.tables:
            if table.header_line > 1:
                where = f"la feuille « {table.name} »" if table.name else "le fichier"
                skipped = table.header_line - 1
                lines = "la ligne 1" if skipped == 1 else f"les lignes 1 à {skipped}"
                notes.append(
                    f"dans {where}, l'en-tête est à la ligne {table.header_line} : {lines}, "
                    "au-dessus (un titre, des lignes vides), ne sont pas des patients et ne sont "
                    "pas analysées."
                )
        return notes

    def copy_text(self, text: str) -> str:
        """What the cleaned copy holds for a cell given ``text`` — what the user is shown (a
        CSV copy puts an apostrophe before a would-be formula, :func:`neutralise_formula`)."""
        return text

    @abstractmethod
    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        """Write a copy with ``edits`` spliced in; the original file is never written."""

    @property
    @abstractmethod
    def description(self) -> str:
        """One French line describing the file's format, for the UI and the CLI."""

    # Helpers shared by the CSV and XLSX writers -------------------------------------------

    def check_copy_target(self, target: Path) -> Path:
        """``target`` if a copy may be written there: never over the original, and with an
        extension of :attr:`copy_suffixes`; ``ExportError`` otherwise (nothing written)."""
        target = Path(target)
        if same_file(target, self.path):
            raise ExportError(
                "La copie ne peut pas remplacer le fichier d'origine : choisissez un autre nom "
                f"que « {self.path.name} » (par exemple « {self.default_copy_path().name} »)."
            )
        if target.is_dir():
            raise ExportError(
                f"« {target} » est un dossier : donnez un nom de fichier pour la copie."
            )
        suffix = target.suffix.lower()
        if self.copy_suffixes and suffix not in self.copy_suffixes:
            choices = " ou ".join(f"« {choice} »" for choice in self.copy_suffixes)
            raise ExportError(
                f"La copie de « {self.path.name} » s'enregistre avec l'extension {choices}, pas "
                f"« {suffix or target.name} » : choisissez par exemple "
                f"« {self.default_copy_path().name} ». Rien n'a été écrit."
            )
        return target

    def _cell_changes(
        self, changes: dict[tuple[str, int, str], str]
    ) -> dict[tuple[str, str, bool], str]:
        """(sheet, cell reference, is a note) → new text, for the net changes of a workbook."""
        out: dict[tuple[str, str, bool], str] = {}
        for (table_name, row, column), text in changes.items():
            source = self.table_named(table_name).source_of(row, column)
            out[(source.sheet, source.coordinate, source.note)] = text
        return out

    def _unreadable(self) -> ExportError:
        return ExportError(
            f"Le fichier d'origine « {self.path.name} » n'est plus lisible : la copie n'a pas "
            "été écrite. Vérifiez qu'il n'a pas été déplacé, puis rouvrez-le."
        )

    def _changed_on_disk(self) -> ExportError:
        return ExportError(
            f"Le fichier « {self.path.name} » a été modifié depuis son ouverture : la copie "
            "n'a pas été écrite. Rouvrez le fichier puis refaites l'analyse."
        )

    def _check_unchanged(self) -> None:
        """Raise unless the original on disk still has the fingerprint it had when read
        (hashed as a stream: no second copy of a large file in memory)."""
        try:
            digest = file_fingerprint(self.path)
        except OSError as error:
            raise self._unreadable() from error
        if digest != self.fingerprint:
            raise self._changed_on_disk()

    def _check_unchanged_aside(self) -> Callable[[], None]:
        """:meth:`_check_unchanged` begun on a thread, ``hashlib`` letting go of the interpreter
        while it reads and hashes (a big file takes a tenth of a second or more): the caller
        prepares the copy meanwhile, then calls the result, which waits and raises as
        :meth:`_check_unchanged` does."""
        failure: list[BaseException] = []

        def check() -> None:
            try:
                self._check_unchanged()
            except BaseException as error:  # handed to the caller's thread
                failure.append(error)

        thread = threading.Thread(target=check, name="empreinte-original")
        thread.start()

        def wait() -> None:
            thread.join()
            if failure:
                raise failure[0]

        return wait

    def _current_bytes(self) -> bytes:
        """The original's bytes, after checking that it has not changed since it was read."""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise self._unreadable() from error
        if hashlib.sha256(data).hexdigest() != self.fingerprint:
            raise self._changed_on_disk()
        return data

    def _net_changes(
        self, edits: Iterable[Edit], read: Callable[[Table, int, str], str] | None = None
    ) -> dict[tuple[str, int, str], str]:
        """Final text of every changed cell, after checking each edit against the file (each
        cell read from it once, by ``read(table, row, column)``: by default ``table.cell``)."""
        current: dict[tuple[str, int, str], str] = {}
        original: dict[tuple[str, int, str], str] = {}
        for edit in edits:
            table = self.table_named(edit.sheet)
            table.check_row(edit.row)
            table.column_index(edit.column)
            key = (table.name, edit.row, edit.column)
            if key not in current:
                if read is None:
                    text = table.cell(edit.row, edit.column)
                else:
                    text = read(table, edit.row, edit.column)
                current[key] = original[key] = text
            text = current[key]
            if text != edit.before:
                raise ExportError(
                    f"La ligne {edit.row} (colonne « {edit.column} ») ne contient plus le texte "
                    "attendu : la copie n'a pas été écrite. Rouvrez le fichier et refaites "
                    "l'analyse."
                )
            current[key] = edit.after
        return {key: text for key, text in current.items() if text != original[key]}
