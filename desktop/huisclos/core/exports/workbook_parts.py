"""The parts of an Excel package (.xlsx/.xlsm) that say what is where: the workbook and its
sheets (name, part, hidden or not), the shared strings, the number formats of the styles, the
cell notes, and the parts that keep copies of cell texts (pivot caches, charts).

Parts are found through the package's relationships, never by their usual names: Excel,
LibreOffice and openpyxl name them differently (``xl/comments1.xml``,
``xl/comments/comment1.xml``…). Elements are matched by local name, so namespace prefixes and
«Strict Open XML» files read too (:attr:`WorkbookInfo.strict` tells them apart: their copy is
refused, see :mod:`.workbook_splice`).

Threading: plain functions over an immutable :class:`.zip_archive.ZipArchive`'s bytes.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from xml.etree import ElementTree

from ..errors import ExportError
from .number_display import BUILTIN_DATE_IDS, BUILTIN_FORMATS, GENERAL, NumberFormat, parse_format
from .sheet_xml import LazySheet
from .xml_text import rich_text, xml_text
from .zip_archive import ZipArchive

logger = logging.getLogger(__name__)

STRICT_MARK = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def local_name(tag: str) -> str:
    """``sheet`` for ``{http://…/main}sheet``."""
    return tag.rsplit("}", 1)[-1]


def parse_xml(archive: ZipArchive, part: str) -> ElementTree.Element:
    """A small part (workbook, relationships, styles) as an element tree."""
    try:
        return ElementTree.fromstring(archive.read(part))
    except ElementTree.ParseError as error:
        raise archive.damaged(f"partie « {part} » illisible") from error


def _attribute(element: ElementTree.Element, name: str) -> str | None:
    """An attribute by local name (``r:id`` whatever its namespace)."""
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return value
    return None


@dataclass(frozen=True, slots=True)
class Relationship:
    kind: str  # the last segment of the relationship type: worksheet, sharedStrings, comments…
    target: str  # the part it points to (resolved), or the external target
    external: bool


def relationships(archive: ZipArchive, part: str) -> dict[str, Relationship]:
    """Relationship id → relationship, for the part ``part`` ("" for the package itself)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive:
        return {}
    out: dict[str, Relationship] = {}
    for element in parse_xml(archive, rels):
        target = element.get("Target", "")
        external = element.get("TargetMode", "Internal") == "External"
        if not external:
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
        kind = element.get("Type", "").rsplit("/", 1)[-1]
        out[element.get("Id", "")] = Relationship(kind, target, external)
    return out


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    part: str
    sheet_id: int
    hidden: bool  # «masquée» (hidden or veryHidden)


@dataclass
class WorkbookInfo:
    """Where the workbook's parts are."""

    workbook: str
    sheets: list[SheetInfo]
    date1904: bool = False
    strict: bool = False
    shared_strings: str | None = None
    styles: str | None = None
    calc_chain: str | None = None
    pivot_caches: list[str] = field(default_factory=list)

    def sheet_named(self, name: str) -> SheetInfo:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


def workbook_info(archive: ZipArchive) -> WorkbookInfo:
    """Read the package's relationships and the workbook part; ``ExportError`` when the archive
    is not a workbook."""
    main = next(
        (rel.target for rel in relationships(archive, "").values() if rel.kind == "officeDocument"),
        "xl/workbook.xml",
    )
    if main not in archive:
        raise ExportError(
            f"« {archive.file_name} » est une archive ZIP mais pas un classeur Excel (.xlsx). "
            "Choisissez le fichier exporté par le logiciel du cabinet."
        )
    data = archive.read(main)
    root = parse_xml(archive, main)
    rels = relationships(archive, main)
    sheets: list[SheetInfo] = []
    date1904 = False
    for element in root.iter():
        tag = local_name(element.tag)
        if tag == "workbookPr":
            date1904 = element.get("date1904", "0").lower() in ("1", "true")
        elif tag == "sheet":
            rel = rels.get(_attribute(element, "id") or "")
            if rel is None or rel.kind != "worksheet" or rel.target not in archive:
                continue  # chart sheets and dialog sheets hold no cells
            state = element.get("state", "visible")
            try:
                sheet_id = int(element.get("sheetId", "0"))
            except ValueError:
                sheet_id = 0
            sheets.append(
                SheetInfo(element.get("name", ""), rel.target, sheet_id, state != "visible")
            )

    def first(kind: str) -> str | None:
        return next((r.target for r in rels.values() if r.kind == kind and not r.external), None)

    return WorkbookInfo(
        workbook=main,
        sheets=sheets,
        date1904=date1904,
        strict=STRICT_MARK in data[:8192] or STRICT_MARK in data,
        shared_strings=first("sharedStrings"),
        styles=first("styles"),
        calc_chain=first("calcChain"),
        pivot_caches=[r.target for r in rels.values() if r.kind == "pivotCacheDefinition"],
    )


_SI = re.compile(rb"<(?:\w+:)?si(?:\s[^>]*)?(?:/>|>(.*?)</(?:\w+:)?si>)", re.S)
_PLAIN_SI = re.compile(rb"<t(?: xml:space=\"preserve\")?>([^<&_]*)</t>$")
_PLAIN_PART = re.compile(r'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>|<si><t/></si>|<si/>')
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class SharedStringSpans:
    """Where each ``<si>`` entry of a shared-strings part lies, by index."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.prefixed = b":si" in data
        starts = array("q")
        if self.prefixed:
            starts.extend(match.start() for match in _SI.finditer(data))
        else:  # one find per entry: many times quicker than a match object per entry
            position = data.find(b"<si")
            while position >= 0:
                starts.append(position)
                position = data.find(b"<si", position + 3)
        self.starts = starts

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        if self.prefixed:
            match = _SI.match(self.data, start)
            return start, match.end() if match else start
        if self.data.startswith(b"<si/>", start):
            return start, start + 5
        end = self.data.find(b"</si>", start)
        return start, (end + 5 if end >= 0 else len(self.data))

    def index_at(self, position: int) -> int | None:
        """The index of the entry that holds byte ``position``, or None (outside entries)."""
        index = bisect_right(self.starts, position) - 1
        if index < 0 or position >= self.span(index)[1]:
            return None
        return index


def shared_strings(archive: ZipArchive, part: str | None) -> list[str]:
    """The shared texts by index (rich-text runs joined)."""
    data = archive.read_optional(part)
    if data is None:
        return []
    fast = _plain_shared_strings(data)
    if fast is not None:
        return fast
    texts: list[str] = []
    append = texts.append
    for match in _SI.finditer(data):
        inner = match.group(1)
        if not inner:
            append("")
            continue
        plain = _PLAIN_SI.match(inner)
        append(plain.group(1).decode("utf-8") if plain else rich_text(inner))
    return texts


def _plain_shared_strings(data: bytes) -> list[str] | None:
    """The texts of a shared-strings part where every entry is one plain ``<t>`` (what Excel
    and LibreOffice write for ordinary lists), found at C speed, a few megabytes at a time;
    None for any other part."""
    if b":si" in data:
        return None  # a namespace prefix: the general path
    texts: list[str] = []
    start = 0
    while start < len(data):
        end = data.find(b"</si>", start + (8 << 20))
        end = len(data) if end < 0 else end + 5
        text = data[start:end].decode("utf-8")
        found = _PLAIN_PART.findall(text)
        if len(found) != text.count("<si"):
            return None
        if "&" in text:
            found = [html.unescape(t) if "&" in t else t for t in found]
        if "_x" in text:
            found = [_ESCAPE.sub(_unescape_x, t) if "_x" in t else t for t in found]
        texts += found
        start = end
    return texts


def _unescape_x(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def number_formats(archive: ZipArchive, part: str | None) -> list[NumberFormat]:
    """The number format of each cell style (the ``s=`` index of a cell)."""
    if part is None or part not in archive:
        return []
    root = parse_xml(archive, part)
    custom: dict[int, str] = {}
    formats: list[NumberFormat] = []
    for element in root.iter():
        if local_name(element.tag) == "numFmt":
            try:
                custom[int(element.get("numFmtId", "0"))] = element.get("formatCode", "General")
            except ValueError:
                continue
    parsed: dict[str, NumberFormat] = {}
    for element in root.iter():
        if local_name(element.tag) != "cellXfs":
            continue
        for xf in element:
            try:
                number = int(xf.get("numFmtId", "0"))
            except ValueError:
                number = 0
            code = custom.get(number) or BUILTIN_FORMATS.get(number, "General")
            if code not in parsed:
                parsed[code] = parse_format(code)
            found = parsed[code]
            if number in BUILTIN_DATE_IDS and number not in custom and found.is_general:
                found = parse_format("dd/mm/yyyy")
            formats.append(found)
        break
    return formats or [GENERAL]


_COMMENT = re.compile(
    rb"<(?:\w+:)?comment\s[^>]*?ref\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</(?:\w+:)?comment>", re.S
)
_COMMENT_TEXT = re.compile(rb"<(?:\w+:)?text\b[^>]*>(.*?)</(?:\w+:)?text>", re.S)


@dataclass(frozen=True, slots=True)
class NoteParts:
    """The parts that hold a sheet's notes: legacy comments and threaded comments."""

    comments: str | None = None
    threaded: str | None = None


def note_parts(archive: ZipArchive, sheet_part: str) -> NoteParts:
    comments = threaded = None
    for rel in relationships(archive, sheet_part).values():
        if rel.external or rel.target not in archive:
            continue
        if rel.kind == "comments":
            comments = rel.target
        elif rel.kind == "threadedComment":
            threaded = rel.target
    return NoteParts(comments, threaded)


def read_notes(archive: ZipArchive, parts: NoteParts) -> dict[str, str]:
    """Cell reference («H4») → the note's text, from the legacy comments part (Excel keeps a
    legacy copy of every threaded comment there too)."""
    data = archive.read_optional(parts.comments)
    if not data:
        return {}
    notes: dict[str, str] = {}
    for match in _COMMENT.finditer(data):
        text = _COMMENT_TEXT.search(match.group(2))
        ref = xml_text(match.group(1)).upper().replace("$", "")
        notes[ref] = rich_text(text.group(1)) if text else ""
    return notes


@dataclass
class OpenedWorkbook:
    """What reading a workbook kept: the archive, where its parts are, its shared strings,
    the number formats of its styles, and each worksheet's XML (by sheet name)."""

    archive: ZipArchive
    info: WorkbookInfo
    shared: list[str]
    formats: list[NumberFormat]
    sheets: dict[str, LazySheet]
    notes: dict[str, NoteParts]
