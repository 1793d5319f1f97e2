"""Hostile or damaged workbooks: a zip bomb is refused before it fills the memory, with the limit
in the message; a damaged part gets its own French line; the command line exits with code 2 and
never says «erreur inattendue». (Timings: tests/benchmarks/bench_hostile.py.)"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

import workbook_checks as wc
from huisclos.cli import main
from huisclos.core.errors import ExportError
from huisclos.core.exports import zip_archive
from huisclos.core.exports.reading import read_export

SHEET = wc.BOMB_SHEET


def _message(path: Path) -> str:
    with pytest.raises(ExportError) as caught:
        read_export(path)
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_zip_bomb_is_refused_with_the_limit_it_broke(tmp_path: Path) -> None:
    path = wc.bomb(tmp_path / "bombe.xlsx", 80)
    message = _message(path)
    assert "piégé" in message and SHEET in message
    assert f"{zip_archive.MAX_RATIO} fois sa taille compressée" in message
    assert "Mo" in message and "limite" in message


def test_a_part_that_inflates_past_its_announced_size_is_refused(tmp_path: Path) -> None:
    """A bomb that lies about its size in the directory is stopped at the announced size."""
    path = wc.bomb(tmp_path / "menteuse.xlsx", 70)
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, wc.central_records(bytes(data))[SHEET] + 24, 4096)
    path.write_bytes(bytes(data))
    assert "plus grande qu'annoncé" in _message(path)


def test_overlapping_members_are_refused(tmp_path: Path) -> None:
    data = bytearray(wc.OPENPYXL_BOOK.read_bytes())
    records = wc.central_records(bytes(data))
    names = list(records)
    first_offset = struct.unpack_from("<I", data, records[names[0]] + 42)[0]
    struct.pack_into("<I", data, records[names[1]] + 42, first_offset)  # same local header
    path = tmp_path / "chevauchement.xlsx"
    path.write_bytes(bytes(data))
    assert "abîmé" in _message(path)


def test_a_damaged_compressed_part_gets_its_own_line(tmp_path: Path) -> None:
    data = bytearray(wc.OPENPYXL_BOOK.read_bytes())
    member = zip_archive.ZipArchive(bytes(data), "x.xlsx").by_name["xl/worksheets/sheet1.xml"]
    for offset in range(member.data_start + 20, member.data_start + 60):
        data[offset] ^= 0x5A
    path = tmp_path / "abime.xlsx"
    path.write_bytes(bytes(data))
    message = _message(path)
    assert "abîmé" in message and "sheet1.xml" in message


@pytest.mark.parametrize(
    ("part", "old", "new"),
    [
        ("xl/worksheets/sheet2.xml", b'<row r="2"', b'<row r="deux"'),  # int() fails
        ("xl/workbook.xml", b"</workbook>", b"</workbo"),  # unreadable XML
        ("xl/styles.xml", b'numFmtId="0"', b'numFmtId="\xff"'),  # not UTF-8
    ],
)
def test_damaged_xml_gets_a_french_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, old: bytes, new: bytes
) -> None:
    parts = wc.parts(wc.OPENPYXL_BOOK)
    assert old in parts[part]
    path = wc.replace_members(
        wc.OPENPYXL_BOOK, tmp_path / "abime.xlsx", {part: parts[part].replace(old, new, 1)}
    )
    assert "abîmé" in _message(path)
    assert main(["scan", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "abîmé" in err and "inattendue" not in err


def test_the_bomb_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(wc.bomb(tmp_path / "bombe.xlsx", 80))]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "piégé" in err and "inattendue" not in err


def test_rows_out_of_order_or_past_excel_are_a_damaged_sheet(tmp_path: Path) -> None:
    sheet = wc.parts(wc.OPENPYXL_BOOK)["xl/worksheets/sheet2.xml"]
    for bad in (b'<row r="99999999999999999999"', b'<row r="1"'):
        path = wc.replace_members(
            wc.OPENPYXL_BOOK,
            tmp_path / "lignes.xlsx",
            {"xl/worksheets/sheet2.xml": sheet.replace(b'<row r="3"', bad, 1)},
        )
        assert "abîmé" in _message(path)


def test_an_ods_text_repeated_past_the_last_column_is_refused_at_once(tmp_path: Path) -> None:
    content = wc.parts(wc.LIBREOFFICE_ODS)["content.xml"]
    cell = b'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>RAS'
    assert cell in content
    repeated = cell.replace(
        b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="999999" '
    )
    path = wc.replace_members(
        wc.LIBREOFFICE_ODS,
        tmp_path / "colonnes.ods",
        {"content.xml": content.replace(cell, repeated, 1)},
    )
    assert "abîmé" in _message(path)
