"""The content of a LibreOffice Calc workbook (``content.xml``), read into texts by real
coordinates: the primitives that :mod:`.ods_file` reads with and :mod:`.ods_splice` rewrites with.

A cell's paragraphs (``<text:p>``) hold the text LibreOffice displayed when the file was saved;
a cell without paragraphs is shown from its value. Repeated rows and cells
(``table:number-rows-repeated``, ``table:number-columns-repeated``) are expanded where they hold
text; the empty ones only move the coordinates. A cell's annotation is its note.

Threading: pure functions.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..errors import ExportError
from .model import MAX_CELL_CHARS
from .number_display import general_text, show_iso_date

MAX_CELLS = 50_000_000
"""The most cells a workbook may expand to (repeated rows and cells included)."""
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
"""LibreOffice's (and Excel's) last row and column: text past them means a damaged file."""

TABLE_START = re.compile(rb"<table:table[\s>]")
ROW = re.compile(rb"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.S)
CELL = re.compile(
    rb"<table:(table-cell|covered-table-cell)\b([^>]*?)(?:/>|>(.*?)</table:\1>)", re.S
)
ANNOTATION = re.compile(rb"<office:annotation\b[^>]*>(.*?)</office:annotation>", re.S)
_ANNOTATION_ANY = re.compile(
    rb"<office:annotation\b.*?</office:annotation>|<office:annotation-end\b[^>]*/>", re.S
)
_DRAWING = re.compile(rb"<draw:(\w[\w-]*)\b[^>]*?(?:/>|>.*?</draw:\1>)", re.S)
PARAGRAPH = re.compile(rb"<text:(p|h)\b[^>]*?(?:/>|>(.*?)</text:\1>)", re.S)
_SPACES = re.compile(rb'<text:s(?:\s+text:c="(\d+)")?\s*/>')
_TAG = re.compile(rb"<[^>]+>")
_COLUMN = re.compile(rb"<table:table-column\b([^>]*)/?>")
_TABLE_STYLE = re.compile(
    rb'<style:style\s[^>]*?style:name="([^"]+)"[^>]*?style:family="table"[^>]*>(.*?)</style:style>',
    re.S,
)


def attribute(attrs: bytes, name: bytes) -> bytes | None:
    """The value of attribute ``name`` (with its prefix, e.g. ``table:style-name``)."""
    found = re.search(rb"(?:^|\s)" + re.escape(name) + rb'\s*=\s*"([^"]*)"', attrs)
    return found.group(1) if found else None


def repeat_of(attrs: bytes, name: bytes) -> int:
    value = attribute(attrs, name)
    try:
        return max(int(value), 1) if value else 1
    except ValueError:
        return 1


def paragraph_text(inner: bytes | None) -> str:
    """The text of a paragraph's content: spaces (``<text:s/>``), tabs and line breaks as
    characters, other markup (spans, links) left out, entities decoded."""
    if not inner:
        return ""
    if b"<" in inner:
        inner = _SPACES.sub(lambda m: b" " * min(int(m.group(1) or 1), MAX_CELL_CHARS), inner)
        inner = inner.replace(b"<text:tab/>", b"\t").replace(b"<text:line-break/>", b"\n")
        inner = _TAG.sub(b"", inner)
    text = inner.decode("utf-8")
    return html.unescape(text) if "&" in text else text


def cell_paragraphs(inner: bytes) -> str:
    """A cell's own text: its paragraphs joined by line breaks (its note and the drawings
    anchored in it left out)."""
    if b"office:annotation" in inner:
        inner = _ANNOTATION_ANY.sub(b"", inner)
    if b"<draw:" in inner:
        inner = _DRAWING.sub(b"", inner)
    return "\n".join(paragraph_text(m.group(2)) for m in PARAGRAPH.finditer(inner))


def note_text(inner: bytes) -> str | None:
    """The text of a cell's note, or None when it has none."""
    found = ANNOTATION.search(inner)
    if found is None:
        return None
    return "\n".join(paragraph_text(m.group(2)) for m in PARAGRAPH.finditer(found.group(1)))


def value_text(attrs: bytes) -> str:
    """A cell shown from its value when it has no paragraph."""
    kind = attribute(attrs, b"office:value-type")
    if kind == b"string":
        return html.unescape((attribute(attrs, b"office:string-value") or b"").decode("utf-8"))
    if kind == b"boolean":
        return "VRAI" if attribute(attrs, b"office:boolean-value") == b"true" else "FAUX"
    if kind == b"date":
        return show_iso_date((attribute(attrs, b"office:date-value") or b"").decode("ascii"))
    value = attribute(attrs, b"office:value")
    return general_text(value.decode("ascii")) if value else ""


@dataclass
class RowRun:
    """A ``<table:table-row>`` element that holds text: its first sheet row, how many rows it
    stands for, and where it lies in ``content.xml``."""

    first: int
    repeat: int
    start: int
    end: int


@dataclass
class OdsSheet:
    name: str
    hidden: bool
    start: int  # of the <table:table> element in content.xml
    end: int
    grid: dict[int, dict[int, str]] = field(default_factory=dict)
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    runs: list[RowRun] = field(default_factory=list)
    hidden_columns: set[int] = field(default_factory=set)


def _hidden_styles(content: bytes) -> set[bytes]:
    return {
        match.group(1)
        for match in _TABLE_STYLE.finditer(content)
        if b'table:display="false"' in match.group(2)
    }


def read_sheets(content: bytes, file_name: str) -> list[OdsSheet]:
    """Every ``<table:table>`` of ``content.xml``, read into texts by real coordinates."""
    hidden_styles = _hidden_styles(content)
    sheets: list[OdsSheet] = []
    cells_seen = 0
    position = 0
    while True:
        match = TABLE_START.search(content, position)
        if match is None:
            break
        head_end = content.index(b">", match.start())
        end = content.find(b"</table:table>", head_end)
        end = len(content) if end < 0 else end + len(b"</table:table>")
        attrs = content[match.start() : head_end]
        name = html.unescape((attribute(attrs, b"table:name") or b"").decode("utf-8"))
        sheet = OdsSheet(
            name, attribute(attrs, b"table:style-name") in hidden_styles, match.start(), end
        )
        column = 0
        for found in _COLUMN.finditer(content, head_end, end):
            repeat = repeat_of(found.group(1), b"table:number-columns-repeated")
            if b'table:visibility="collapse"' in found.group(1):
                sheet.hidden_columns.update(range(column + 1, column + 1 + min(repeat, 16_384)))
            column += repeat
        row = 0
        for found in ROW.finditer(content, head_end, end):
            repeat = repeat_of(found.group(1), b"table:number-rows-repeated")
            inner = found.group(2)
            if not inner or not (b"<text:" in inner or b"office:value" in inner):
                row += repeat
                continue
            cells, notes = _row_cells(inner)
            if cells or notes:
                if row + repeat > MAX_ROWS or max((*cells, *notes), default=0) > MAX_COLUMNS:
                    raise ValueError(f"text past row {MAX_ROWS} or column {MAX_COLUMNS}")
                cells_seen += repeat * (len(cells) + len(notes))
                if cells_seen > MAX_CELLS:
                    raise ExportError(
                        f"Le classeur « {file_name} » compte plus de {MAX_CELLS:,} cellules "
                        "remplies : ce n'est pas une liste de patients ordinaire. Vérifiez que "
                        "c'est le bon fichier.".replace(",", "\u202f")
                    )
                sheet.runs.append(RowRun(row + 1, repeat, found.start(), found.end()))
                for offset in range(repeat):
                    if cells:
                        sheet.grid[row + 1 + offset] = dict(cells)
                    for column_number, text in notes.items():
                        sheet.notes[(row + 1 + offset, column_number)] = text
            row += repeat
        sheets.append(sheet)
        position = end
    return sheets


def _row_cells(inner: bytes) -> tuple[dict[int, str], dict[int, str]]:
    """(column → text, column → note) of one row's cells."""
    cells: dict[int, str] = {}
    notes: dict[int, str] = {}
    column = 0
    for found in CELL.finditer(inner):
        attrs, content = found.group(2), found.group(3)
        repeat = repeat_of(attrs, b"table:number-columns-repeated")
        if content is None and b"office:value" not in attrs:
            column += repeat
            continue
        text = cell_paragraphs(content) if content and b"<text:" in content else ""
        if not text and b"office:value" in attrs:
            text = value_text(attrs)
        note = note_text(content) if content and b"annotation" in content else None
        if len(text) > MAX_CELL_CHARS:
            raise ExportError(
                f"Une cellule contient {len(text)} caractères : ce n'est pas une liste de "
                "patients ordinaire. Vérifiez que c'est le bon fichier."
            )
        for offset in range(min(repeat, 16_384) if (text or note is not None) else 0):
            if text:
                cells[column + 1 + offset] = text
            if note is not None:
                notes[column + 1 + offset] = note
        column += repeat
    return cells, notes
