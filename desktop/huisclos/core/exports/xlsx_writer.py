"""Write a new Excel workbook from rows of values, as a stream: the workshop's exercise files and
the .xlsx copy of a workbook that cannot be edited in its own format (.xls).

One XML string per row goes straight into the zip: 100,000 rows take about a second, where
openpyxl's write-only mode takes over ten. Texts go to the shared strings, as Excel writes them;
a text that starts with ``=``, ``+``, ``-`` or ``@`` is a text, never a formula. With
``typed=True``, a text that Excel would have stored as a number or a date is written as one,
with the number format that shows it exactly as it was («000042», «12/03/1961»), so that the
workbook looks like a real export and reads back with the same texts.

Threading: plain functions; the handle is written from the calling thread only.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import quoteattr

from .xml_text import column_letters, escape_text

_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_EPOCH = dt.date(1899, 12, 30)
_FIRST_SERIAL_DATE = dt.date(1900, 3, 1)  # before it Excel counts a 29 February 1900

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLE_BOLD, _STYLE_DATE, _STYLE_DATETIME = 1, 2, 3
_FIRST_PADDED_STYLE = 4


@dataclass
class SheetRows:
    """One sheet to write: its name and rows (the first row is the header)."""

    name: str
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()
    hidden: bool = False
    header: bool = True  # bold, and frozen at the top


class _Book:
    """Shared strings and number formats collected while the sheets are written."""

    def __init__(self, typed: bool) -> None:
        self.typed = typed
        self.shared: dict[str, int] = {}
        self.references = 0
        self.padded: dict[int, int] = {}  # digits → style index

    def text(self, ref: str, value: str, style: int = 0) -> str:
        index = self.shared.get(value)
        if index is None:
            index = self.shared[value] = len(self.shared)
        self.references += 1
        styled = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{styled} t="s"><v>{index}</v></c>'

    def padded_style(self, digits: int) -> int:
        style = self.padded.get(digits)
        if style is None:
            style = self.padded[digits] = _FIRST_PADDED_STYLE + len(self.padded)
        return style

    def cell(self, ref: str, value: object) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            if self.typed:
                return self.typed_text(ref, value)
            return self.text(ref, value)
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, dt.datetime):
            return self._date(
                ref, value.date(), value - dt.datetime.combine(value.date(), dt.time())
            )
        if isinstance(value, dt.date):
            return self._date(ref, value)
        if isinstance(value, int | float):
            return f'<c r="{ref}"><v>{value!r}</v></c>'
        return self.text(ref, str(value))

    def typed_text(self, ref: str, value: str) -> str:
        """A text as the number or date Excel would have stored, when it is one."""
        if value.isdigit() and value.isascii() and len(value) <= 15:
            if value[0] != "0" or len(value) == 1:
                return f'<c r="{ref}"><v>{value}</v></c>'
            return f'<c r="{ref}" s="{self.padded_style(len(value))}"><v>{int(value)}</v></c>'
        if len(value) == 10 and value[2] == "/" and value[5] == "/" and _DATE.fullmatch(value):
            try:
                day = dt.date(int(value[6:]), int(value[3:5]), int(value[:2]))
            except ValueError:
                return self.text(ref, value)
            if day >= _FIRST_SERIAL_DATE:
                return self._date(ref, day)
        return self.text(ref, value)

    def _date(self, ref: str, day: dt.date, time: dt.timedelta | None = None) -> str:
        if day < _FIRST_SERIAL_DATE:
            return self.text(ref, day.strftime("%d/%m/%Y"))
        serial: float = (day - _EPOCH).days
        style = _STYLE_DATE
        if time:
            serial += time.total_seconds() / 86_400
            style = _STYLE_DATETIME
        return f'<c r="{ref}" s="{style}"><v>{serial!r}</v></c>'


def _sheet_xml(sheet: SheetRows, book: _Book, out: BinaryIO) -> None:
    parts = [_HEAD, f'<worksheet xmlns="{_MAIN}">']
    if sheet.header:
        parts.append(
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        )
    if sheet.widths:
        parts.append("<cols>")
        parts += [
            f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
            for n, width in enumerate(sheet.widths, 1)
        ]
        parts.append("</cols>")
    parts.append("<sheetData>")
    out.write("".join(parts).encode())
    letters: list[str] = []
    chunk: list[str] = []
    cell, shared, typed = book.cell, book.shared, book.typed
    digits = frozenset("0123456789")
    rows = iter(sheet.rows)
    number = 0
    if sheet.header:
        header = next(rows, None)
        if header is not None:
            number = 1
            letters = [column_letters(n) for n in range(1, len(header) + 1)]
            cells = "".join(
                book.text(f"{letters[i]}1", str(value), _STYLE_BOLD)
                for i, value in enumerate(header)
                if value not in (None, "")
            )
            chunk.append(f'<row r="1">{cells}</row>')
    references = 0
    for number, row in enumerate(rows, number + 1):  # noqa: B020 - counting on from the header
        while len(letters) < len(row):
            letters.append(column_letters(len(letters) + 1))
        suffix = f'{number}"'
        cells_of_row = []
        for letter, value in zip(letters, row, strict=False):
            if value is None or value == "":
                continue
            if type(value) is not str:
                cells_of_row.append(cell(f"{letter}{number}", value))
                continue
            if typed and value[0] in digits:
                if value.isdigit() and value.isascii() and len(value) <= 15:
                    if value[0] != "0" or len(value) == 1:
                        cells_of_row.append(f'<c r="{letter}{suffix}><v>{value}</v></c>')
                        continue
                    cells_of_row.append(book.typed_text(f"{letter}{number}", value))
                    continue
                if len(value) == 10 and value[2] == "/" and value[5] == "/":
                    cells_of_row.append(book.typed_text(f"{letter}{number}", value))
                    continue
            index = shared.get(value)
            if index is None:
                index = shared[value] = len(shared)
            references += 1
            cells_of_row.append(f'<c r="{letter}{suffix} t="s"><v>{index}</v></c>')
        chunk.append(f'<row r="{number}">{"".join(cells_of_row)}</row>')
        if len(chunk) >= 2000:
            out.write("".join(chunk).encode())
            chunk.clear()
    book.references += references
    chunk.append("</sheetData></worksheet>")
    out.write("".join(chunk).encode())


def _styles(book: _Book) -> str:
    formats = [
        '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>',
        '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/>',
    ]
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    ]
    for number, digits in enumerate(sorted(book.padded, key=book.padded.__getitem__), 166):
        formats.append(f'<numFmt numFmtId="{number}" formatCode="{"0" * digits}"/>')
        xfs.append(
            f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
        )
    return (
        f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
        f'<numFmts count="{len(formats)}">{"".join(formats)}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/>'
        "</fill></fills>"
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def write_xlsx(
    handle: BinaryIO, sheets: Sequence[SheetRows], *, typed: bool = True, level: int = 6
) -> None:
    """Write a workbook of ``sheets`` to ``handle`` (a seekable binary file)."""
    book = _Book(typed)
    count = len(sheets)
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}"
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name={quoteattr(sheet.name)} sheetId="{n}"'
            + (' state="hidden"' if sheet.hidden else "")
            + f' r:id="rId{n}"/>'
            for n, sheet in enumerate(sheets, 1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{entries}</sheets>'
            "</workbook>",
        )
        links = "".join(
            f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE}">{links}'
            f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{count + 2}" Type="{_RELS}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        for number, sheet in enumerate(sheets, 1):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as out:
                _sheet_xml(sheet, book, out)  # type: ignore[arg-type]
        archive.writestr("xl/styles.xml", _styles(book))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(
                f'{_HEAD}<sst xmlns="{_MAIN}" count="{book.references}" '
                f'uniqueCount="{len(book.shared)}">'.encode()
            )
            texts = list(book.shared)
            for start in range(0, len(texts), 5000):
                out.write(
                    b"".join(
                        b'<si><t xml:space="preserve">' + escape_text(text) + b"</t></si>"
                        for text in texts[start : start + 5000]
                    )
                )
            out.write(b"</sst>")
