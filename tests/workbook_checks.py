"""What every test of a spliced workbook copy checks, and small hand-made workbook variants.

- :func:`check_copy`: same members in the same order, every member byte for byte identical
  except the expected rewritten ones; each edited sheet identical outside its edited cells;
  openpyxl, python-calamine and Huis clos itself read the new texts in the edited cells and the
  old value in every other cell.
- :func:`assert_no_trace`: a removed text is in no part of the copy (in any XML form).
- Variants of a workbook: re-zipped with data descriptors, ZIP64 or stored members; with a
  threaded comment, a pivot cache, a calculation chain; «Strict Open XML»; a sheet written
  with an ``x:`` prefix and no cell references.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

from huisclos.core.exports.reading import read_export
from huisclos.core.exports.sheet_xml import iter_cells
from huisclos.core.exports.workbook_parts import workbook_info
from huisclos.core.exports.xml_text import ref_of, written_forms
from huisclos.core.exports.zip_archive import ZipArchive

FIXTURES = Path(__file__).resolve().parent / "data" / "exports"
OPENPYXL_BOOK = FIXTURES / "classeur-openpyxl.xlsx"
LIBREOFFICE_BOOK = FIXTURES / "classeur-libreoffice.xlsx"
LIBREOFFICE_ODS = FIXTURES / "classeur-libreoffice.ods"
LIBREOFFICE_XLS = FIXTURES / "classeur-libreoffice.xls"

SENSITIVE = "porteuse VIH – ne pas en parler à l'accueil"
DUPLICATE = "serait homosexuelle d'après sa mère"
SPECIAL = "  alcoolique & dépressif <à surveiller>\nsuite sur 2 lignes  "
RICH = "CMU : fils en prison"
NOTE = "Note : patiente sous méthadone"
HEADER_NOTE = "Colonne remplie par l'accueil"
HIDDEN_SHEET_TEXT = "ancien détenu, sortie de prison en 2019"
HIDDEN_COLUMN_TEXT = "mère musulmane voilée"


def libreoffice() -> str | None:
    """The LibreOffice command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_csv(path: Path, folder: Path) -> str:
    """What LibreOffice shows of the first sheet of ``path``, as the CSV it saves (UTF-8)."""
    subprocess.run(
        [libreoffice(), f"-env:UserInstallation=file://{folder / 'profil'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76",
         "--outdir", str(folder / "csv"), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (folder / "csv" / f"{path.stem}.csv").read_text(encoding="utf-8")


def raw_members(path: Path) -> list[tuple[str, bytes]]:
    """(name, local header + data + descriptor) of every member, in file order."""
    archive = ZipArchive(path.read_bytes(), path.name)
    members = sorted(archive.members, key=lambda member: member.offset)
    return [(m.name, archive.data[m.offset : m.raw_end]) for m in members]


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def openpyxl_cells(path: Path) -> dict[tuple[str, str], object]:
    from openpyxl import load_workbook

    book = load_workbook(path, rich_text=False)
    out: dict[tuple[str, str], object] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value not in (None, "") and type(cell).__name__ != "MergedCell":
                    out[(sheet.title, cell.coordinate)] = cell.value
    return out


def calamine_cells(path: Path) -> dict[tuple[str, str], object]:
    from python_calamine import CalamineWorkbook

    out: dict[tuple[str, str], object] = {}
    with CalamineWorkbook.from_path(str(path)) as book:
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            for row, values in enumerate(sheet.to_python(skip_empty_area=False), 1):
                for column, value in enumerate(values, 1):
                    if value != "":
                        out[(name, ref_of(row, column))] = value
    return out


def huisclos_cells(path: Path) -> dict[tuple[str, str], str]:
    """(sheet, ref) → text of every non-empty cell as Huis clos reads it (notes left out)."""
    out: dict[tuple[str, str], str] = {}
    for table in read_export(path).tables:
        source = getattr(table, "source", None)
        if source is None:
            continue
        for row in range(1, source.last_row + 1):
            for column, text in source.row_cells(row).items():
                out[(table.name, ref_of(row, column))] = text
    return out


def strip_cells(xml: bytes, refs: set[str]) -> bytes:
    """The sheet XML with the ``<c>`` elements of ``refs`` replaced by a marker."""
    out, position = [], 0
    for row, column, *_rest, start, end in iter_cells(xml):
        if ref_of(row, column) in refs:
            out += [xml[position:start], b"<CELL/>"]
            position = end
    out.append(xml[position:])
    return b"".join(out)


def assert_no_trace(path: Path, text: str, allowed: set[str] = frozenset()) -> None:
    forms = written_forms(text)
    for name, data in parts(path).items():
        if name in allowed:
            continue
        for form in forms:
            assert form not in data, f"{text!r} still in {name}"


def check_copy(
    source: Path,
    copy: Path,
    cells: dict[tuple[str, str], str],
    rewritten: set[str],
) -> None:
    """The properties every spliced copy has; ``cells`` maps (sheet, «H4») to the new text of
    each edited cell, ``rewritten`` names the parts expected to differ."""
    before, after = raw_members(source), raw_members(copy)
    assert [name for name, _ in before] == [name for name, _ in after], "same members, same order"
    differing = {name for (name, a), (_n, b) in zip(before, after, strict=True) if a != b}
    assert differing == rewritten, f"rewritten parts: {sorted(differing)}"
    sheet_parts = sheet_part_names(source)
    old_parts, new_parts = parts(source), parts(copy)
    for sheet in {sheet for sheet, _ in cells}:
        refs = {ref for name, ref in cells if name == sheet}
        part = sheet_parts[sheet]
        assert strip_cells(old_parts[part], refs) == strip_cells(new_parts[part], refs), sheet
    for reader in (openpyxl_cells, calamine_cells, huisclos_cells):
        old, new = reader(source), reader(copy)
        for key in set(old) | set(new):
            if key in cells:
                assert (new.get(key) or "") == cells[key], (reader.__name__, key, new.get(key))
            else:
                assert old.get(key) == new.get(key), (reader.__name__, key, old.get(key))


def sheet_part_names(path: Path) -> dict[str, str]:
    """Sheet name → the name of its worksheet part."""
    info = workbook_info(ZipArchive(path.read_bytes(), path.name))
    return {sheet.name: sheet.part for sheet in info.sheets}


# --- variants -----------------------------------------------------------------------------


def rewrap(
    source: Path,
    target: Path,
    *,
    descriptors: bool = False,
    zip64: bool = False,
    stored: tuple[str, ...] = (),
    comment: bytes = b"",
) -> Path:
    """The same members re-zipped by Python: with data descriptors (written to a stream that
    cannot seek), ZIP64 local extra fields, some members stored, an archive comment."""
    with zipfile.ZipFile(source) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()]

    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buffer = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data):  # type: ignore[no-untyped-def]
            self.buffer += data
            return len(data)

    sink: io.RawIOBase | io.BytesIO = Unseekable() if descriptors else io.BytesIO()
    with zipfile.ZipFile(sink, "w") as out:
        for info, data in items:
            new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new.compress_type = (
                zipfile.ZIP_STORED if info.filename in stored else zipfile.ZIP_DEFLATED
            )
            with out.open(new, "w", force_zip64=zip64) as handle:
                handle.write(data)
        out.comment = comment
    target.write_bytes(bytes(sink.buffer) if descriptors else sink.getvalue())  # type: ignore[union-attr]
    return target


def replace_members(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy with some members replaced or added (bytes) or removed (None)."""
    with (
        zipfile.ZipFile(source) as archive,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in archive.infolist():
            if info.filename not in changes:
                out.writestr(info, archive.read(info))
        for name, data in changes.items():
            if data is not None:
                out.writestr(name, data)
    return target


def _content_type(types: bytes, part: str, kind: str) -> bytes:
    return types.replace(
        b"</Types>", f'<Override PartName="/{part}" ContentType="{kind}"/></Types>'.encode()
    )


def _relationship(rels: bytes, rid: str, kind: str, target: str) -> bytes:
    return rels.replace(
        b"</Relationships>",
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/></Relationships>'.encode(),
    )


_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_threaded_comment(source: Path, target: Path) -> Path:
    """Adds a threaded comment on Patients!H4 (its first comment and a reply quoting the note)
    and one on D4, beside the legacy notes."""
    with zipfile.ZipFile(source) as archive:
        rels_name = "xl/worksheets/_rels/sheet1.xml.rels"
        rels, types = archive.read(rels_name), archive.read("[Content_Types].xml")
    rels = _relationship(
        rels,
        "rIdTc1",
        "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        "../threadedComments/threadedComment1.xml",
    )
    person = 'personId="{00000000-0000-0000-0000-000000000001}"'
    thread = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
        f'<threadedComment ref="H4" dT="2025-01-02T10:00:00.00" {person} '
        f'id="{{11111111-0000-0000-0000-000000000001}}"><text>{NOTE}</text></threadedComment>'
        f'<threadedComment ref="H4" dT="2025-01-02T11:00:00.00" {person} '
        'id="{11111111-0000-0000-0000-000000000002}" '
        'parentId="{11111111-0000-0000-0000-000000000001}">'
        "<text>réponse : méthadone depuis 2019</text></threadedComment>"
        f'<threadedComment ref="D4" dT="2025-01-02T12:00:00.00" {person} '
        'id="{11111111-0000-0000-0000-000000000003}"><text>autre fil</text></threadedComment>'
        "</ThreadedComments>"
    ).encode()
    part = "xl/threadedComments/threadedComment1.xml"
    types = _content_type(types, part, "application/vnd.ms-excel.threadedcomments+xml")
    return replace_members(
        source, target, {rels_name: rels, "[Content_Types].xml": types, part: thread}
    )


def with_pivot_cache(source: Path, target: Path, text: str) -> Path:
    """Adds a pivot cache definition holding ``text``, as Excel keeps one for a pivot table."""
    with zipfile.ZipFile(source) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels")
        types = archive.read("[Content_Types].xml")
    rels = _relationship(
        rels, "rIdPc1", f"{_OFFICE}/pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"
    )
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")
    definition = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cacheSource type="worksheet">'
        '<worksheetSource ref="B3:H9" sheet="Patients"/></cacheSource>'
        f'<cacheFields count="1"><cacheField name="Commentaire"><sharedItems><s v="{escaped}"/>'
        "</sharedItems></cacheField></cacheFields></pivotCacheDefinition>"
    ).encode()
    part = "xl/pivotCache/pivotCacheDefinition1.xml"
    types = _content_type(
        types,
        part,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
    )
    return replace_members(
        source,
        target,
        {"xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types, part: definition},
    )


def with_calc_chain(source: Path, target: Path) -> Path:
    """Adds xl/calcChain.xml naming the formula cells of Patients (``i=`` on the first only)
    and a cell of sheet 2."""
    with zipfile.ZipFile(source) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels")
        types = archive.read("[Content_Types].xml")
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    formulas = re.findall(r'<c r="([A-Z]+\d+)"[^>]*><f>', sheet)
    rels = _relationship(rels, "rIdCc1", f"{_OFFICE}/calcChain", "calcChain.xml")
    entries = "".join(
        f'<c r="{ref}" i="1"/>' if n == 0 else f'<c r="{ref}"/>'
        for n, ref in enumerate(reversed(formulas))
    )
    chain = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'{entries}<c r="A1" i="2"/></calcChain>'
    ).encode()
    types = _content_type(
        types,
        "xl/calcChain.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
    )
    return replace_members(
        source,
        target,
        {
            "xl/_rels/workbook.xml.rels": rels,
            "[Content_Types].xml": types,
            "xl/calcChain.xml": chain,
        },
    )


def with_header_text(source: Path, target: Path, text: str) -> Path:
    """The first sheet with ``text`` in its page header: a copy of a comment outside the cells."""
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    footer = f"<headerFooter><oddHeader>{escaped}</oddHeader></headerFooter>".encode()
    sheet = sheet.replace(b"</worksheet>", footer + b"</worksheet>")
    return replace_members(source, target, {"xl/worksheets/sheet1.xml": sheet})


BOMB_SHEET = "xl/worksheets/sheet2.xml"  # «Suivi & notes» in the openpyxl fixture


def bomb(target: Path, megabytes: int) -> Path:
    """The fixture workbook whose second sheet inflates to ``megabytes`` MB of spaces (a few
    hundred kB once compressed): the shape of a zip bomb."""
    with zipfile.ZipFile(OPENPYXL_BOOK) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            if info.filename != BOMB_SHEET:
                out.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
                continue
            xml = source.read(info)
            cut = xml.index(b"<sheetData>")
            member = zipfile.ZipInfo(BOMB_SHEET, info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            with out.open(member, "w", force_zip64=True) as handle:
                handle.write(xml[:cut])
                block = b" " * (1 << 20)
                for _ in range(megabytes):
                    handle.write(block)
                handle.write(xml[cut:])
    return target


def central_records(data: bytes) -> dict[str, int]:
    """Member name → position of its central directory record."""
    end = data.rfind(b"PK\x05\x06")
    position = struct.unpack_from("<I", data, end + 16)[0]
    records = {}
    while data[position : position + 4] == b"PK\x01\x02":
        name_size, extra_size, comment_size = struct.unpack_from("<HHH", data, position + 28)
        records[data[position + 46 : position + 46 + name_size].decode()] = position
        position += 46 + name_size + extra_size + comment_size
    return records


def strict(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as archive:
        workbook = archive.read("xl/workbook.xml")
    workbook = workbook.replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    return replace_members(source, target, {"xl/workbook.xml": workbook})


def prefixed_without_references(target: Path) -> Path:
    """A workbook whose sheet uses an ``x:`` prefix and writes no ``r=`` on rows and cells (as
    some .NET writers do), with shared and inline strings."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        "</Types>"
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{main}" xmlns:r="{_OFFICE}">'
        '<x:sheets><x:sheet name="Liste" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        "</Relationships>"
    )
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="{main}" count="4" uniqueCount="4">'
        "<x:si><x:t>NOM</x:t></x:si><x:si><x:t>Commentaire</x:t></x:si>"
        f"<x:si><x:t>{SENSITIVE}</x:t></x:si>"
        "<x:si><x:r><x:t>MAR</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>TIN</x:t></x:r></x:si>"
        "</x:sst>"
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{main}"><x:sheetData>'
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>'
        '<x:row><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>DURAND</x:t></x:is></x:c>'
        "<x:c t='inlineStr'><x:is><x:t xml:space=\"preserve\"> fils en prison </x:t></x:is></x:c>"
        "</x:row></x:sheetData></x:worksheet>"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", types)
        out.writestr("_rels/.rels", rels)
        out.writestr("xl/workbook.xml", workbook)
        out.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        out.writestr("xl/sharedStrings.xml", shared)
        out.writestr("xl/worksheets/sheet1.xml", sheet)
    return target
