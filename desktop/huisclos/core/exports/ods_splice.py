"""A cleaned copy of a LibreOffice Calc workbook (.ods), spliced into the original archive.

Every member is copied byte for byte (``mimetype`` stays first and stored) except:

- ``content.xml``, where only the rows holding an edited cell change: an edited cell becomes a
  text cell (``office:value-type="string"``, its style, merge span, validation and note kept,
  its formula and value dropped) with the new text as paragraphs; a row or a cell that
  LibreOffice wrote once with a repeat count is split around the edited one; an edited note
  keeps its author and date and gets the new text;
- ``Thumbnails/thumbnail.png``, LibreOffice's picture of the first sheet, which may show a
  removed comment: it becomes a blank picture of the same size (LibreOffice draws a new one at
  the next save).

Then every XML part of the copy is searched for each removed text (:mod:`.leftovers`): a copy
is allowed only inside a cell of ``content.xml``. Anywhere else — a chart's own data, a page
header, a validation list — the .ods copy is refused with one French sentence that offers the
copy as .xlsx instead; so are an edited cell inside a merged range that is not its first cell
and a cell of a matrix formula. Nothing is written then.

Threading: an :class:`OdsSplice` reads an opened workbook and writes one copy.
"""

from __future__ import annotations

import re
import struct
import zlib
from bisect import bisect_right
from typing import BinaryIO

from ..errors import ExportError
from .leftovers import TextFinder
from .ods_content import ANNOTATION, CELL, PARAGRAPH, OdsSheet, RowRun, attribute
from .ods_content import repeat_of as _repeat
from .xml_text import column_letters, escape_markup, split_ref
from .zip_archive import ZipArchive, write_archive

THUMBNAIL = "Thumbnails/thumbnail.png"
_KEPT = (b"table:style-name", b"table:content-validation-name", b"table:number-columns-spanned",
         b"table:number-rows-spanned", b"table:protect", b"table:protected")  # fmt: skip
_NOTE_HEAD = re.compile(
    rb"<(?:dc:creator|dc:date|meta:date-string)\b.*?</(?:dc|meta):[\w-]+>", re.S
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OFFER = "Enregistrez plutôt la copie au format .xlsx (choisissez un nom en « .xlsx »)."


def _refusal(reason: str) -> ExportError:
    return ExportError(f"{reason} : la copie .ods n'a pas été écrite. {_OFFER}")


def paragraphs(text: str) -> bytes:
    """A text as ODF paragraphs: one ``<text:p>`` per line, tabs as ``<text:tab/>``, spaces as
    they are (LibreOffice keeps them in cells)."""
    if _NOT_XML.search(text):
        raise _refusal(
            "Un nouveau texte contient un caractère invisible que le format .ods ne sait pas "
            "enregistrer"
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = []
    for line in lines:
        body = escape_markup(line).replace("\t", "<text:tab/>")
        out.append(f"<text:p>{body}</text:p>" if body else "<text:p/>")
    try:
        return "".join(out).encode("utf-8")
    except UnicodeEncodeError as error:
        raise _refusal(
            "Un nouveau texte contient un caractère invalide (un demi-caractère Unicode)"
        ) from error


class OdsSplice:
    """The plan of one spliced .ods copy; ``changes`` maps (sheet, «H12», is a note) to the
    new text."""

    def __init__(
        self,
        archive: ZipArchive,
        content: bytes,
        sheets: dict[str, OdsSheet],
        changes: dict[tuple[str, str, bool], str],
    ) -> None:
        self.archive = archive
        self.content = content
        self.sheets = sheets
        self.calcext = b"xmlns:calcext=" in self.content[:8192]
        self.removed: set[str] = set()
        by_run: dict[tuple[str, int], dict[tuple[int, int], dict[bool, str]]] = {}
        for (sheet_name, ref, note), text in changes.items():
            sheet = sheets[sheet_name]
            row, column = split_ref(ref)
            run = self._run_of(sheet.runs, row, ref, sheet_name)
            by_run.setdefault((sheet_name, run.start), {}).setdefault((row, column), {})[note] = (
                text
            )
            old = (
                sheet.notes.get((row, column), "")
                if note
                else sheet.grid.get(row, {}).get(column, "")
            )
            if old and old not in text:
                self.removed.add(old)
        pieces: list[bytes | memoryview] = []
        view = memoryview(self.content)
        position = 0
        for (sheet_name, start), cells in sorted(by_run.items(), key=lambda item: item[0][1]):
            run = next(r for r in self.sheets[sheet_name].runs if r.start == start)
            pieces += [view[position : run.start], self._rewrite_run(run, cells, sheet_name)]
            position = run.end
        pieces.append(view[position:])
        self.new_content = b"".join(pieces)
        self.parts: dict[str, bytes] = {"content.xml": self.new_content}
        if THUMBNAIL in archive:
            self.parts[THUMBNAIL] = blank_png(archive.read(THUMBNAIL))
        self._check_leftovers()

    @staticmethod
    def _run_of(runs: list[RowRun], row: int, ref: str, sheet: str) -> RowRun:
        index = bisect_right([run.first for run in runs], row) - 1
        if index < 0 or row >= runs[index].first + runs[index].repeat:
            raise _refusal(f"La cellule {ref} de la feuille « {sheet} » est vide dans le fichier")
        return runs[index]

    # --- rows and cells ------------------------------------------------------------------
    def _rewrite_run(
        self, run: RowRun, cells: dict[tuple[int, int], dict[bool, str]], sheet: str
    ) -> bytes:
        """The row element of ``run``, split so that each edited row stands alone."""
        element = self.content[run.start : run.end]
        head_end = element.index(b">") + 1
        head = element[:head_end]
        attrs = head[len(b"<table:table-row") : -1].rstrip(b"/")
        inner = element[head_end : element.rfind(b"</table:table-row>")]
        edited_rows = sorted({row for row, _column in cells})
        out: list[bytes] = []
        current = run.first
        for row in edited_rows:
            if row > current:
                out.append(self._row(attrs, inner, row - current))
            edits = {column: change for (r, column), change in cells.items() if r == row}
            out.append(self._row(attrs, self._rewrite_cells(inner, edits, row, sheet), 1))
            current = row + 1
        rest = run.first + run.repeat - current
        if rest > 0:
            out.append(self._row(attrs, inner, rest))
        return b"".join(out)

    @staticmethod
    def _row(attrs: bytes, inner: bytes, repeat: int) -> bytes:
        attrs = re.sub(rb'\s+table:number-rows-repeated="\d+"', b"", attrs)
        if repeat > 1:
            attrs += b' table:number-rows-repeated="%d"' % repeat
        return b"<table:table-row" + attrs + b">" + inner + b"</table:table-row>"

    def _rewrite_cells(
        self, inner: bytes, edits: dict[int, dict[bool, str]], row: int, sheet: str
    ) -> bytes:
        out: list[bytes] = []
        position = 0
        column = 0
        for found in CELL.finditer(inner):
            attrs = found.group(2)
            repeat = _repeat(attrs, b"table:number-columns-repeated")
            wanted = sorted(c for c in edits if column < c <= column + repeat)
            if not wanted:
                column += repeat
                continue
            out.append(inner[position : found.start()])
            ref = f"{column_letters(wanted[0])}{row} de la feuille « {sheet} »"
            if found.group(1) == b"covered-table-cell":
                raise _refusal(
                    f"La cellule {ref} fait partie de cellules fusionnées dont elle n'est pas la "
                    "première"
                )
            if b"table:number-matrix" in attrs:
                raise _refusal(f"La cellule {ref} fait partie d'une formule matricielle")
            current = column + 1
            for edited in wanted:
                if edited > current:
                    out.append(_cell_copy(found, edited - current))
                out.append(self._edited_cell(found, edits[edited]))
                current = edited + 1
            if column + repeat >= current:
                out.append(_cell_copy(found, column + repeat - current + 1))
            column += repeat
            position = found.end()
        out.append(inner[position:])
        return b"".join(out)

    def _edited_cell(self, found: re.Match[bytes], change: dict[bool, str]) -> bytes:
        attrs, content = found.group(2), found.group(3) or b""
        if True in change:  # the note
            content = self._rewrite_note(content, change[True])
        if False not in change:
            return _cell_copy(found, 1, content)
        kept = b"".join(
            b" " + name + b'="' + value + b'"'
            for name in _KEPT
            if (value := attribute(attrs, name)) is not None
        )
        body = _without_paragraphs(content)
        text = change[False]
        if text:
            kept += b' office:value-type="string"'
            if self.calcext:
                kept += b' calcext:value-type="string"'
            body += paragraphs(text)
        if not body:
            return b"<table:table-cell" + kept + b"/>"
        return b"<table:table-cell" + kept + b">" + body + b"</table:table-cell>"

    @staticmethod
    def _rewrite_note(content: bytes, text: str) -> bytes:
        found = ANNOTATION.search(content)
        if found is None:
            raise _refusal("La note à modifier est introuvable dans le fichier")
        head_end = content.index(b">", found.start()) + 1
        kept = b"".join(m.group(0) for m in _NOTE_HEAD.finditer(found.group(1)))
        new = content[found.start() : head_end] + kept + paragraphs(text) + b"</office:annotation>"
        return content[: found.start()] + new + content[found.end() :]

    # --- the proof -------------------------------------------------------------------------
    def _check_leftovers(self) -> None:
        finder = TextFinder(self.removed)
        if not finder:
            return
        for position in finder.hits(self.new_content):
            if not _inside_cell(self.new_content, position):
                raise _refusal(
                    "Un commentaire supprimé resterait lisible hors des cellules de "
                    "« content.xml » (liste de validation, zone nommée…)"
                )
        for name in self.archive.names():
            if name == "content.xml" or not name.lower().endswith((".xml", ".rdf")):
                continue
            if finder.found_in(self.archive.read(name)):
                where = "un graphique" if name.startswith("Object") else f"la partie « {name} »"
                raise _refusal(
                    f"Un commentaire supprimé resterait lisible dans {where} du classeur"
                )

    # --- writing -------------------------------------------------------------------------
    def write(self, handle: BinaryIO) -> None:
        """Write the copy to ``handle`` (a seekable binary file)."""
        write_archive(handle, self.archive, {name: [data] for name, data in self.parts.items()})


def _without_paragraphs(content: bytes) -> bytes:
    """A cell's content without its own paragraphs (its note's paragraphs kept)."""
    note = ANNOTATION.search(content)
    if note is None:
        return PARAGRAPH.sub(b"", content)
    before, after = content[: note.start()], content[note.end() :]
    return PARAGRAPH.sub(b"", before) + note.group(0) + PARAGRAPH.sub(b"", after)


def _cell_copy(found: re.Match[bytes], repeat: int, content: bytes | None = None) -> bytes:
    """The cell element ``found`` standing for ``repeat`` cells (its content replaced when
    ``content`` is given)."""
    kind, attrs = found.group(1), found.group(2)
    attrs = re.sub(rb'\s+table:number-columns-repeated="\d+"', b"", attrs).rstrip(b"/").rstrip()
    if repeat > 1:
        attrs += b' table:number-columns-repeated="%d"' % repeat
    body = found.group(3) if content is None else content
    if body is None:
        return b"<table:" + kind + attrs + b"/>"
    return b"<table:" + kind + attrs + b">" + body + b"</table:" + kind + b">"


def _inside_cell(content: bytes, position: int) -> bool:
    """True when byte ``position`` lies inside a ``<table:table-cell>`` element (its
    attributes included)."""
    start = max(
        content.rfind(b"<table:table-cell", 0, position),
        content.rfind(b"<table:covered-table-cell", 0, position),
    )
    if start < 0:
        return False
    head_end = content.find(b">", start)
    if head_end < 0:
        return False
    if head_end >= position:
        return True  # in the cell's own attributes (a formula's cached text)
    if content[head_end - 1 : head_end] == b"/":
        return False
    close = content.find(b"</table:", head_end)
    return close >= position


def blank_png(original: bytes) -> bytes:
    """A white PNG of the size of ``original`` (a PNG), or 1×1 when its size is unreadable."""
    width = height = 1
    if original[:8] == b"\x89PNG\r\n\x1a\n" and original[12:16] == b"IHDR":
        width, height = struct.unpack(">II", original[16:24])
        width, height = min(max(width, 1), 4096), min(max(height, 1), 4096)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
