"""A cleaned copy of an Excel workbook, spliced into the original archive like the CSV copy.

Every member of the original zip is copied byte for byte (same compressed data, same order, same
names) except the parts that hold a changed text:

- the worksheets with edited cells: only the edited ``<c>`` elements change, into an inline
  string (``<c r="H12" s="3" t="inlineStr"><is><t xml:space="preserve">…</t></is></c>``) that
  keeps the cell's reference and style; a new text starting with ``=``, ``+``, ``-`` or ``@`` is
  therefore text, never a formula; an emptied cell keeps only its reference and style;
- the shared strings, when an edited cell's old text is used by no other cell: that entry is
  blanked in place (same index, so every other cell keeps its reference);
- the notes parts (legacy comments, and threaded comments whose replies go with the old text);
- the calculation chain, when an edited cell had a formula; chart caches holding an old text.

Before anything is written, every part of the copy is searched for every removed text
(:mod:`.leftovers`): a copy is allowed only in a cell that was not edited, a shared-strings
entry such a cell still uses, or a note that was not edited. Anything else — a pivot cache, a
hyperlink tooltip, a page header — refuses the copy with one French sentence, and nothing is
written. Refused as well: «Strict Open XML» files, an edited cell inside a merged range that is
not the range's top-left cell, a cell the file does not contain, the formula a range of cells
depends on (shared, array or data-table formula), a text longer than Excel's 32,767 characters.

The top-left cell of a merged range may be edited: it is the cell that holds the range's text
(Excel shows it across the range and keeps the other cells empty), so replacing it changes
nothing else; any other cell of the range is refused.

Threading: a :class:`WorkbookSplice` reads an opened workbook and writes one copy; build one
per copy.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import ExportError
from .leftovers import TextFinder, leftover_error
from .sheet_xml import ATTR_R, ATTR_S, ATTR_T, LazySheet, cell_text, iter_cells
from .workbook_parts import OpenedWorkbook, SharedStringSpans, SheetInfo, read_notes
from .xml_text import EXCEL_MAX_CHARS, escape_text, range_of, ref_of, split_ref
from .zip_archive import write_archive

logger = logging.getLogger(__name__)

_CELL_HEAD = re.compile(rb"<((?:\w+:)?)c(?=[\s/>])([^>]*?)(/?)>")
_F_TAG = re.compile(rb"<(?:\w+:)?f(?:\s([^>]*))?(?:/>|>)")
_F_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"'](\w+)[\"']")
_F_REF = re.compile(rb"(?:^|\s)ref\s*=\s*[\"']([^\"']+)[\"']")
_V_NUMBER = re.compile(rb"<(?:\w+:)?v>\s*(\d+)\s*</(?:\w+:)?v>")
_SHARED_REF = re.compile(rb't="s"[^>]*><v>(\d+)</v>')  # t="s" is only ever a cell's type
_ARRAY_RANGE = re.compile(
    rb"<(?:\w+:)?f\s(?=[^>]*?\bt=[\"'](?:array|dataTable)[\"'])[^>]*?\bref=[\"']([^\"']+)[\"']"
)
_SST_HEAD = re.compile(rb"<((?:\w+:)?)sst\b([^>]*)>")
_COUNT = re.compile(rb'(\scount\s*=\s*")(\d+)(")')
_COMMENT = re.compile(
    rb"(<(?:\w+:)?comment\s[^>]*?ref\s*=\s*[\"']([^\"']+)[\"'][^>]*>)(.*?)(</(?:\w+:)?comment>)",
    re.S,
)
_TEXT_ELEMENT = re.compile(rb"<(?:\w+:)?text\b.*?</(?:\w+:)?text>|<(?:\w+:)?text\s*/>", re.S)
_THREAD = re.compile(
    rb"(<(?:\w+:)?threadedComment\s([^>]*?)>)(.*?)(</(?:\w+:)?threadedComment>)\s*", re.S
)
_CHAIN_ENTRY = re.compile(rb"<(?:\w+:)?c\s([^>]*?)/>")
_CHART_VALUE = re.compile(rb"(<(?:\w+:)?v>)(.*?)(</(?:\w+:)?v>)", re.S)
_CHART_PART = re.compile(r"xl/charts/chart\d*\.xml$")
_PREFIX = re.compile(rb"<((?:\w+:)?)")
_XML_PART = (".xml", ".rels", ".vml")


@dataclass
class _EditedCell:
    sheet: str
    row: int
    column: int
    new: str
    start: int = 0
    end: int = 0
    old: str = ""
    is_text: bool = False
    shared_index: int | None = None
    had_formula: bool = False
    element: bytes = b""

    @property
    def ref(self) -> str:
        return ref_of(self.row, self.column)


def _where(sheet: str, ref: str) -> str:
    return f"La cellule {ref} de la feuille « {sheet} »"


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    found = re.search(rb"(?:^|\s)" + name + rb"\s*=\s*[\"']([^\"']*)[\"']", attrs)
    return found.group(1) if found else None


class WorkbookSplice:
    """The plan of one spliced copy: which parts change and into what; :meth:`write` writes it.

    ``cells`` maps (sheet, row, column) to a cell's new text, ``notes`` maps (sheet, «H12») to a
    note's new text. Building the plan refuses, with ``ExportError``, any copy that cannot be
    faithful or would keep a removed text.
    """

    def __init__(
        self,
        book: OpenedWorkbook,
        cells: dict[tuple[str, int, int], str],
        notes: dict[tuple[str, str], str],
    ) -> None:
        self.book = book
        self.parts: dict[str, list[bytes | memoryview]] = {}
        self.blanked: set[int] = set()
        self._shared_bytes: bytes | None = None
        if book.info.strict:
            raise ExportError(
                f"Le classeur « {book.archive.file_name} » est au format « Strict Open XML », "
                "dont Huis clos ne sait pas écrire une copie fidèle : rien n'a été écrit. "
                "Enregistrez-le dans Excel au format « Classeur Excel (.xlsx) », puis réessayez."
            )
        self.cells = self._edited_cells(cells)
        self.notes = notes
        self.old_notes: dict[tuple[str, str], str] = {}
        self.notes_new: dict[tuple[str, str], str] = {}
        self._plan_sheets()
        self._plan_shared_strings()
        self._plan_notes()
        self._plan_calc_chain()
        self._plan_charts()
        self._check_leftovers()

    # --- the edited cells ----------------------------------------------------------------
    def _edited_cells(
        self, changes: dict[tuple[str, int, int], str]
    ) -> dict[str, list[_EditedCell]]:
        by_sheet: dict[str, list[_EditedCell]] = {}
        for (sheet, row, column), text in changes.items():
            cell = _EditedCell(sheet, row, column, text)
            self._check_new_text(cell.sheet, cell.ref, text)
            self._read_old(self.book.sheets[sheet], cell)
            by_sheet.setdefault(sheet, []).append(cell)
        return by_sheet

    @staticmethod
    def _check_new_text(sheet: str, ref: str, text: str) -> None:
        if len(text) > EXCEL_MAX_CHARS:
            raise ExportError(
                f"Le nouveau texte de la cellule {ref} (feuille « {sheet} ») dépasse les "
                f"{EXCEL_MAX_CHARS:,} caractères qu'Excel accepte : raccourcissez-le. Rien n'a "
                "été écrit.".replace(",", "\u202f")
            )
        escape_text(text)

    def _read_old(self, sheet: LazySheet, cell: _EditedCell) -> None:
        span = sheet.cell_span(cell.row, cell.column)
        if span is None:
            raise ExportError(
                f"{_where(cell.sheet, cell.ref)} est vide dans le fichier : la copie ne peut pas "
                "la remplir. Rien n'a été écrit."
            )
        cell.start, cell.end = span
        element = sheet.data[cell.start : cell.end]
        head = _CELL_HEAD.match(element)
        assert head is not None, "cell_span gives a <c> element"
        prefix, attrs, closed = head.group(1), head.group(2), head.group(3)
        content = None if closed else element[head.end() : element.rfind(b"</")]
        t_match, s_match = ATTR_T.search(attrs), ATTR_S.search(attrs)
        t = t_match.group(1) if t_match else b""
        cell.old = cell_text(
            t,
            s_match.group(1) if s_match else b"",
            content,
            sheet.shared,
            sheet.formats,
            sheet.date1904,
        )
        cell.is_text = t in (b"s", b"inlineStr", b"str")
        if t == b"s" and content:
            number = _V_NUMBER.search(content)
            if number:
                cell.shared_index = int(number.group(1))
        if content and (b"<f" in content or b":f" in content):
            cell.had_formula = True
            formula = _F_TAG.search(content)
            formula_attrs = (formula.group(1) or b"") if formula else b""
            kind = _F_TYPE.search(formula_attrs)
            master = kind and kind.group(1) in (b"shared", b"array", b"dataTable")
            if master and _F_REF.search(formula_attrs):
                raise ExportError(
                    f"{_where(cell.sheet, cell.ref)} porte une formule dont dépendent d'autres "
                    "cellules : elle ne peut pas être remplacée seule. Rien n'a été écrit."
                )
        reference = ATTR_R.search(attrs)
        new = b"<" + prefix + b'c r="' + cell.ref.encode() + b'"'
        if s_match:
            new += b' s="' + s_match.group(1) + b'"'
        if reference is None:
            logger.debug("cell %s had no reference: one is written", cell.ref)
        if cell.new == "":
            cell.element = new + b"/>"
        else:
            p = prefix
            cell.element = (
                new + b' t="inlineStr"><' + p + b"is><" + p + b't xml:space="preserve">'
                + escape_text(cell.new) + b"</" + p + b"t></" + p + b"is></" + p + b"c>"
            )  # fmt: skip

    def _plan_sheets(self) -> None:
        for name, cells in self.cells.items():
            sheet = self.book.sheets[name]
            merged = sheet.merged_ranges()
            arrays = (
                [
                    range_of(m.group(1).decode("ascii", "replace"))
                    for m in _ARRAY_RANGE.finditer(sheet.data)
                ]
                if b"array" in sheet.data or b"dataTable" in sheet.data
                else []
            )
            for cell in cells:
                for first_row, first_col, last_row, last_col in merged:
                    inside = (
                        first_row <= cell.row <= last_row and first_col <= cell.column <= last_col
                    )
                    if inside and (cell.row, cell.column) != (first_row, first_col):
                        raise ExportError(
                            f"{_where(name, cell.ref)} fait partie de cellules fusionnées "
                            f"({ref_of(first_row, first_col)}:{ref_of(last_row, last_col)}) dont "
                            "elle n'est pas la première : elle ne peut pas être modifiée seule. "
                            "Défusionnez ces cellules dans le tableur, ou modifiez la première "
                            f"({ref_of(first_row, first_col)}). Rien n'a été écrit."
                        )
                for first_row, first_col, last_row, last_col in arrays:
                    if first_row <= cell.row <= last_row and first_col <= cell.column <= last_col:
                        raise ExportError(
                            f"{_where(name, cell.ref)} fait partie d'une formule matricielle : "
                            "elle ne peut pas être modifiée seule. Rien n'a été écrit."
                        )
            pieces: list[bytes | memoryview] = []
            view = memoryview(sheet.data)
            position = 0
            for cell in sorted(cells, key=lambda c: c.start):
                pieces += [view[position : cell.start], cell.element]
                position = cell.end
            pieces.append(view[position:])
            self.parts[self.book.info.sheet_named(name).part] = pieces

    # --- shared strings ----------------------------------------------------------------
    def _shared_references(self) -> Counter[int]:
        """How many cells of the original use each shared-strings entry."""
        counts: Counter[int] = Counter()
        for sheet in self.book.sheets.values():
            if sheet.canonical:
                found = Counter(_SHARED_REF.findall(sheet.data, sheet.start, sheet.end))
                counts.update({int(index): count for index, count in found.items()})
                continue
            for *_rc, _s, t, content, _start, _end in iter_cells(sheet.data):
                if t == b"s" and content:
                    number = _V_NUMBER.search(content)
                    if number:
                        counts[int(number.group(1))] += 1
        return counts

    def _plan_shared_strings(self) -> None:
        edited = [c for cells in self.cells.values() for c in cells if c.shared_index is not None]
        self.shared_counts: Counter[int] = Counter()
        self._shared_spans: SharedStringSpans | None = None
        if not edited:
            return
        counts = self._shared_references()
        for cell in edited:
            counts[cell.shared_index] -= 1  # type: ignore[index]
        self.shared_counts = counts
        blank = {cell.shared_index for cell in edited if counts[cell.shared_index] <= 0}  # type: ignore[index]
        removed = TextFinder(c.old for c in edited)
        shared = self.book.shared
        for index, text in enumerate(shared):  # left-over entries no cell uses at all
            if (
                counts[index] <= 0
                and index not in blank
                and removed
                and removed.found_in(b">" + text.encode("utf-8") + b"<")  # the entry as written
            ):
                blank.add(index)
        self.blanked = {index for index in blank if index is not None}
        part = self.book.info.shared_strings
        if part is None:
            return
        data = self._shared_part()
        view = memoryview(data)
        spans = self._shared_spans = SharedStringSpans(data)
        pieces: list[bytes | memoryview] = []
        head = _SST_HEAD.search(data)
        position = 0
        if head:
            attrs = _COUNT.sub(
                lambda m: (
                    m.group(1) + str(max(int(m.group(2)) - len(edited), 0)).encode() + m.group(3)
                ),
                head.group(2),
                count=1,
            )
            pieces += [view[: head.start(2)], attrs]
            position = head.end(2)
        for index in sorted(self.blanked):
            if index >= len(spans):
                continue
            start, end = spans.span(index)
            p = _PREFIX.match(data, start).group(1)  # type: ignore[union-attr]
            pieces += [view[position:start], b"<" + p + b"si><" + p + b"t/></" + p + b"si>"]
            position = end
        pieces.append(view[position:])
        self.parts[part] = pieces

    # --- notes ---------------------------------------------------------------------------
    def _plan_notes(self) -> None:
        by_sheet: dict[str, dict[str, str]] = {}
        for (sheet, ref), text in self.notes.items():
            self._check_new_text(sheet, ref, text)
            by_sheet.setdefault(sheet, {})[ref.upper().replace("$", "")] = text
        for sheet, changes in by_sheet.items():
            parts = self.book.notes.get(sheet)
            if parts is None or parts.comments is None:
                raise ExportError(
                    f"Les notes de la feuille « {sheet} » sont introuvables dans le classeur : "
                    "rien n'a été écrit."
                )
            old = read_notes(self.book.archive, parts)
            for ref, text in changes.items():
                self.old_notes[(sheet, ref)] = old.get(ref, "")
                self.notes_new[(sheet, ref)] = text
            self.parts[parts.comments] = [self._rewrite_comments(parts.comments, changes)]
            if parts.threaded:
                self.parts[parts.threaded] = [self._rewrite_threads(parts.threaded, changes)]

    def _rewrite_comments(self, part: str, changes: dict[str, str]) -> bytes:
        done: set[str] = set()

        def replace(match: re.Match[bytes]) -> bytes:
            ref = match.group(2).decode("utf-8", "replace").upper().replace("$", "")
            if ref not in changes:
                return match.group(0)
            done.add(ref)
            p = _PREFIX.match(match.group(1)).group(1)  # type: ignore[union-attr]
            text = (
                b"<" + p + b"text><" + p + b"r><" + p + b't xml:space="preserve">'
                + escape_text(changes[ref]) + b"</" + p + b"t></" + p + b"r></" + p + b"text>"
            )  # fmt: skip
            body = _TEXT_ELEMENT.sub(lambda _m: text, match.group(3), count=1)
            return match.group(1) + body + match.group(4)

        out = _COMMENT.sub(replace, self.book.archive.read(part))
        missing = sorted(set(changes) - done)
        if missing:
            raise ExportError(
                f"La note de la cellule {missing[0]} est introuvable dans le classeur : rien n'a "
                "été écrit."
            )
        return out

    def _rewrite_threads(self, part: str, changes: dict[str, str]) -> bytes:
        """An edited thread keeps its first comment, with the new text; its replies, which
        may quote the old one, are dropped."""
        roots: set[bytes] = set()

        def replace(match: re.Match[bytes]) -> bytes:
            attrs = match.group(2)
            parent = _attr(attrs, b"parentId")
            if parent is not None:
                return b"" if parent in roots else match.group(0)
            ref = (_attr(attrs, b"ref") or b"").decode("utf-8", "replace").upper()
            if ref not in changes:
                return match.group(0)
            roots.add(_attr(attrs, b"id") or b"")
            p = _PREFIX.match(match.group(1)).group(1)  # type: ignore[union-attr]
            text = b"<" + p + b"text>" + escape_text(changes[ref]) + b"</" + p + b"text>"
            body = _TEXT_ELEMENT.sub(lambda _m: text, match.group(3), count=1)
            return match.group(1) + body + match.group(4)

        return _THREAD.sub(replace, self.book.archive.read(part))

    # --- calculation chain and charts ----------------------------------------------------
    def _plan_calc_chain(self) -> None:
        part = self.book.info.calc_chain
        ids = {sheet.name: sheet.sheet_id for sheet in self.book.info.sheets}
        removed = {
            (ids[c.sheet], c.row, c.column)
            for cells in self.cells.values()
            for c in cells
            if c.had_formula
        }
        if not removed or part is None or part not in self.book.archive:
            return
        current = 0
        carry: list[bytes | None] = [None]

        def replace(match: re.Match[bytes]) -> bytes:
            nonlocal current
            attrs = match.group(1)
            sheet_id = re.search(rb'(?:^|\s)i\s*=\s*"(\d+)"', attrs)
            if sheet_id:
                current = int(sheet_id.group(1))
            ref = _attr(attrs, b"r")
            try:
                row, column = split_ref(ref.decode("ascii")) if ref else (0, 0)
            except ValueError:
                return match.group(0)
            if (current, row, column) in removed:
                if sheet_id:
                    carry[0] = sheet_id.group(1)  # i= is inherited: hand it to the next entry
                return b""
            if carry[0] is not None and not sheet_id:
                out = match.group(0).replace(b"<c ", b'<c i="' + carry[0] + b'" ', 1)
                carry[0] = None
                return out
            carry[0] = None
            return match.group(0)

        self.parts[part] = [_CHAIN_ENTRY.sub(replace, self.book.archive.read(part))]

    def _plan_charts(self) -> None:
        """A chart's cached labels (LibreOffice keeps them) that equal an old text get the
        cell's new text."""
        mapping: dict[bytes, bytes] = {}
        for cells in self.cells.values():
            for cell in cells:
                if cell.is_text and cell.old:
                    mapping.setdefault(escape_text(cell.old), escape_text(cell.new))
        if not mapping:
            return
        for name in self.book.archive.names():
            if not _CHART_PART.match(name):
                continue
            data = self.book.archive.read(name)
            changed = False

            def replace(match: re.Match[bytes]) -> bytes:
                nonlocal changed
                new = mapping.get(match.group(2))
                if new is None:
                    return match.group(0)
                changed = True
                return match.group(1) + new + match.group(3)

            out = _CHART_VALUE.sub(replace, data)
            if changed:
                self.parts[name] = [out]

    # --- the proof -----------------------------------------------------------------------
    def _check_leftovers(self) -> None:
        removed = {
            c.old
            for cells in self.cells.values()
            for c in cells
            if c.is_text and c.old not in c.new
        }
        removed |= {old for key, old in self.old_notes.items() if old not in self.notes_new[key]}
        finder = TextFinder(removed)
        if not finder:
            return
        info = self.book.info
        sheet_parts = {sheet.part: sheet for sheet in info.sheets}
        note_parts = {
            part: sheet
            for sheet, parts in self.book.notes.items()
            for part in (parts.comments, parts.threaded)
            if part
        }
        for name in self.book.archive.names():
            if name in sheet_parts:
                self._check_sheet(finder, sheet_parts[name])
            elif name == info.shared_strings:
                self._check_shared_strings(finder, name)
            elif name in note_parts:
                self._check_notes(finder, name, note_parts[name])
            elif name.lower().endswith(_XML_PART):
                data = (
                    b"".join(self.parts[name])
                    if name in self.parts
                    else self.book.archive.read(name)
                )
                if finder.found_in(data):
                    if name.startswith("xl/pivotCache/"):
                        raise ExportError(
                            "Le classeur contient un tableau croisé dynamique qui garde une copie "
                            "des commentaires modifiés : supprimez-le (ou videz son cache) dans "
                            "Excel, puis réessayez. Rien n'a été écrit."
                        )
                    raise leftover_error(name)

    def _check_sheet(self, finder: TextFinder, info: SheetInfo) -> None:
        """Inside ``<sheetData>`` there are only cells; the rest of the part (hyperlinks,
        headers and footers, validation lists…) must not hold a removed text."""
        sheet = self.book.sheets[info.name]
        if finder.found_in(sheet.data, 0, sheet.start) or finder.found_in(sheet.data, sheet.end):
            raise leftover_error(info.part)

    def _shared_part(self) -> bytes:
        """The shared-strings part as it is in the original (inflated again: not kept open)."""
        if self._shared_bytes is None:
            self._shared_bytes = (
                self.book.archive.read_optional(self.book.info.shared_strings) or b""
            )
        return self._shared_bytes

    def _check_shared_strings(self, finder: TextFinder, part: str) -> None:
        data = self._shared_part()
        if not finder.found_in(data):
            return
        spans = self._shared_spans or SharedStringSpans(data)
        counts = self.shared_counts or self._shared_references()
        for position in finder.hits(data):
            index = spans.index_at(position)
            if index is not None and index in self.blanked:
                continue  # blank in the copy
            if index is None or counts[index] <= 0:
                raise leftover_error(part)

    def _check_notes(self, finder: TextFinder, part: str, sheet: str) -> None:
        data = b"".join(self.parts[part]) if part in self.parts else self.book.archive.read(part)
        pattern = _THREAD if "threaded" in part.lower() else _COMMENT
        spans = []
        for match in pattern.finditer(data):
            ref = match.group(2) if pattern is _COMMENT else _attr(match.group(2), b"ref") or b""
            key = (sheet, ref.decode("utf-8", "replace").upper())
            spans.append((match.start(), match.end(), key not in self.old_notes))
        starts = [start for start, _end, _kept in spans]
        for position in finder.hits(data):
            index = bisect_right(starts, position) - 1
            if index < 0 or position >= spans[index][1] or not spans[index][2]:
                raise leftover_error(part)

    # --- writing -------------------------------------------------------------------------
    def write(self, handle: BinaryIO) -> None:
        """Write the copy to ``handle`` (a seekable binary file)."""
        write_archive(handle, self.book.archive, self.parts)  # type: ignore[arg-type]
