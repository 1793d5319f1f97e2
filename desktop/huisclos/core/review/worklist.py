"""The correction list: what a secretary changes, comment by comment, in the practice software.

The practice software stays the source of truth: Huis clos never writes back into it. The list
has one line per comment to change — the row number, the columns that identify the patient in
the export (dossier number, name, first name, birth date when present), the action («Remplacer»
or «À vider»: the whole comment is emptied), the proposed new comment, the categories found (in
French) and, only when asked, the current comment. It is written with the same encoding and
delimiter as the source CSV so it opens cleanly in Excel (UTF-8 with BOM and «;» for an Excel
source, or an .xlsx file when the list's name ends in .xlsx). A UTF-8 list always starts with a
BOM, even when the source had none: without it Excel reads «Prénom» as «PrÃ©nom».

Formulas: a cell starting with «=», «+», «-» or «@» (even after spaces) would be run by a
spreadsheet. Both the cleaned copy and a CSV list put an apostrophe before it
(:func:`~huisclos.core.exports.model.neutralise_formula`: no import option trims it, none runs
it), and the list's proposed comment is exactly what the copy holds («'@Maman appelle»). An
.xlsx list holds every value as a text cell, never evaluated. Control characters are shown as
their visible pictures in both formats. Every CSV field holding a line break is quoted.

Threading: plain functions; safe from a worker thread.
"""

from __future__ import annotations

import codecs
import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..detect.categories import CATEGORIES, CATEGORY_LABELS
from ..edits import CellKey, Edit
from ..exports.columns import identity_columns
from ..exports.csv_file import CsvExport
from ..exports.model import Export, Table, neutralise_formula
from ..safe_write import write_atomically

logger = logging.getLogger(__name__)

__all__ = [
    "IDENTITY_ROLES",
    "Worklist",
    "WorklistEntry",
    "build_worklist",
    "write_worklist",
]

IDENTITY_ROLES: tuple[str, ...] = ("dossier", "nom", "prenom", "naissance")
"""Identity roles repeated in the list, in this order (see ``columns.identity_columns``)."""

HEADER_ROW = "Ligne"
HEADER_SHEET = "Feuille"
HEADER_COLUMN = "Colonne"
HEADER_ACTION = "Action"
HEADER_PROPOSED = "Commentaire proposé"
ACTION_REPLACE = "Remplacer"
ACTION_CLEAR = "À vider"
HEADER_CATEGORIES = "Catégories"
HEADER_CURRENT = "Commentaire actuel"


@dataclass(frozen=True, slots=True)
class WorklistEntry:
    """One comment to change in the practice software; ``identity`` holds the values of the
    identity columns, in ``Worklist.identity_headers`` order."""

    sheet: str
    row: int
    column: str
    identity: tuple[str, ...]
    current: str
    proposed: str
    categories: tuple[str, ...]  # category ids

    @property
    def action(self) -> str:
        """«Remplacer», or «À vider» when nothing of it is kept."""
        return ACTION_REPLACE if self.proposed.strip() else ACTION_CLEAR

    @property
    def category_labels(self) -> str:
        return ", ".join(CATEGORY_LABELS.get(category, category) for category in self.categories)


@dataclass
class Worklist:
    """The list's columns and lines; ``rows()`` gives what is written, header first."""

    identity_headers: list[str] = field(default_factory=list)
    entries: list[WorklistEntry] = field(default_factory=list)
    with_original: bool = False
    show_sheet: bool = False

    def __len__(self) -> int:
        return len(self.entries)

    def header(self) -> list[str]:
        names = [HEADER_ROW]
        if self.show_sheet:
            names.append(HEADER_SHEET)
        names += [
            *self.identity_headers,
            HEADER_COLUMN,
            HEADER_ACTION,
            HEADER_PROPOSED,
            HEADER_CATEGORIES,
        ]
        if self.with_original:
            names.append(HEADER_CURRENT)
        return names

    def rows(self) -> list[list[str]]:
        lines = [self.header()]
        for entry in self.entries:
            line = [str(entry.row)]
            if self.show_sheet:
                line.append(entry.sheet)
            line += [
                *entry.identity,
                entry.column,
                entry.action,
                entry.proposed,
                entry.category_labels,
            ]
            if self.with_original:
                line.append(entry.current)
            lines.append(line)
        return lines


def build_worklist(
    export: Export,
    edits: Iterable[Edit],
    *,
    categories: Mapping[CellKey, Sequence[str]],
    with_original: bool = False,
) -> Worklist:
    """The correction list for ``edits`` (one entry per changed cell, in file order).

    ``categories`` gives the category ids each cell was flagged for. The identity columns are
    those of each edit's sheet, under one set of headers for the whole list.
    """
    changed = [edit for edit in edits if edit.before != edit.after]
    order = {table.name: index for index, table in enumerate(export.tables)}
    changed.sort(key=lambda edit: (order.get(edit.sheet, len(order)), edit.row, edit.column))
    tables: dict[str, Table] = {}
    roles_by_sheet: dict[str, dict[str, str]] = {}
    for edit in changed:
        if edit.sheet not in tables:
            table = export.table_named(edit.sheet) if edit.sheet else export.table
            tables[edit.sheet] = table
            roles_by_sheet[edit.sheet] = identity_columns(table)
    # One set of identity headers for the whole list: the roles present in any sheet.
    roles = [
        role for role in IDENTITY_ROLES if any(role in found for found in roles_by_sheet.values())
    ]
    headers = [
        next(found[role] for found in roles_by_sheet.values() if role in found) for role in roles
    ]
    entries: list[WorklistEntry] = []
    for edit in changed:
        table = tables[edit.sheet]
        found = roles_by_sheet[edit.sheet]
        identity = _identity(table, edit.row, [found.get(role) for role in roles])
        cell_categories = categories.get(edit.key, ())
        entries.append(
            WorklistEntry(
                edit.sheet,
                edit.row,
                edit.column,
                identity,
                edit.before,
                export.copy_text(edit.after),  # exactly what the copy holds
                tuple(category for category in CATEGORIES if category in cell_categories),
            )
        )
    show_sheet = len({entry.sheet for entry in entries}) > 1 or (
        len(export.tables) > 1 and any(entry.sheet for entry in entries)
    )
    return Worklist(headers, entries, with_original, show_sheet)


def _identity(table: Table, row: int, headers: list[str | None]) -> tuple[str, ...]:
    """The identity values of one row, reading the row once (random access costs a parse)."""
    values = table.row(row)
    out: list[str] = []
    for name in headers:
        index = table.column_index(name) if name is not None else -1
        out.append(values[index] if 0 <= index < len(values) else "")
    return tuple(out)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class CsvFormat:
    """How the list is written: the source's encoding (with its BOM), delimiter and newline."""

    encoding: str = "utf-8"
    bom: bool = True
    delimiter: str = ";"
    newline: str = "\r\n"


def csv_format_of(export: Export) -> CsvFormat:
    """The source CSV's encoding, BOM, delimiter and line ending; Excel-friendly UTF-8 with BOM
    and «;» for an Excel source."""
    if not isinstance(export, CsvExport):
        return CsvFormat()
    return CsvFormat(export.encoding, bool(export.bom), export.delimiter, export.newline)


# Control characters an export may carry in a name (a stray byte typed in the practice software):
# XML cannot hold them (an .xlsx list would not be written) and a CSV reader may stop at them, so
# both lists show them as their visible Unicode pictures («MAR␁TIN»), tab and newlines apart.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if chr(code) not in "\t\n\r"}


def _visible_controls(line: Sequence[str]) -> list[str]:
    return [value.translate(_CONTROL_PICTURES) for value in line]


def render_csv(worklist: Worklist, fmt: CsvFormat) -> tuple[bytes, bool]:
    """The list as bytes; second value False when the source encoding could not hold every
    character and UTF-8 with BOM was used instead."""
    buffer = io.StringIO()
    lines = [_visible_controls(line) for line in worklist.rows()]
    rows = [lines[0], *([_csv_safe(value) for value in line] for line in lines[1:])]
    for row in rows:
        buffer.write(fmt.delimiter.join(_csv_field(value, fmt.delimiter) for value in row))
        buffer.write(fmt.newline)
    text = buffer.getvalue()
    codec = codecs.lookup(fmt.encoding).name
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        logger.warning("Worklist not encodable in %s; written in UTF-8 with BOM", codec)
        return codecs.BOM_UTF8 + text.encode("utf-8"), False
    if codec == "utf-8":  # whatever the source had: Excel needs the BOM to read UTF-8
        data = codecs.BOM_UTF8 + data
    return data, True


def render_xlsx(worklist: Worklist) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Corrections"
    for line in worklist.rows():
        sheet.append(_visible_controls(line))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # «=…» was taken for a formula: it is text
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = {HEADER_PROPOSED: 60, HEADER_CURRENT: 60, HEADER_CATEGORIES: 30}
    for index, name in enumerate(worklist.header(), start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, max(12, len(name) + 2))
        if name in (HEADER_PROPOSED, HEADER_CURRENT):
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_safe(value: str) -> str:
    """A cell a spreadsheet could run as a formula gets the cleaned copy's apostrophe
    (:func:`~huisclos.core.exports.model.neutralise_formula`, which says why it survives every
    import option of Excel and LibreOffice), and so does one starting with a tab or a carriage
    return, which Excel also treats as the start of a formula."""
    return "'" + value if value.startswith(("\t", "\r")) else neutralise_formula(value)


def _csv_field(value: str, delimiter: str) -> str:
    """One field, quoted when it holds the delimiter, a quote, a CR or a LF — whatever the
    list's own line ending (the csv module leaves a LF unquoted in a lone-CR file, and the row
    splits) — or starts or ends with a space (quoted spaces survive «Supprimer les espaces»)."""
    if (
        delimiter in value
        or '"' in value
        or "\r" in value
        or "\n" in value
        or value[:1].isspace()
        or value[-1:].isspace()
    ):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_worklist(path: Path | str, worklist: Worklist, export: Export) -> bool:
    """Write the list whole or not at all, owner-only. Returns False when UTF-8 replaced an
    encoding too narrow for the text. Raises ``ExportError`` with a French message when the file
    cannot be written."""
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        data, same_encoding = render_xlsx(worklist), True
    else:
        data, same_encoding = render_csv(worklist, csv_format_of(export))
    write_atomically(target, lambda handle: handle.write(data), what="la liste de corrections")
    return same_encoding
