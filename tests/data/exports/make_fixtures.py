"""Write the small synthetic export fixtures of this folder (no real patient, ever).

Run from the repository root when a fixture must change::

    /work/venv/bin/python tests/data/exports/make_fixtures.py

The files are committed so that tests and demos do not depend on this script's randomness
(there is none: the content is fixed).
"""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent

LEAKED = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
]
HEADER = [
    "N° dossier",
    "NOM",
    "Prénom",
    "Date de naissance",
    "Téléphone",
    "Commentaire administratif",
]
ROWS = [
    ["1001", "DUPONT", "Émilie", "12/03/1961", "0601020304", LEAKED[0]],
    ["1002", "LEFÈVRE", "Zoé", "01/02/1990", "0605060708", LEAKED[1]],
    ["1003", "MARTIN", "Noël", "30/11/1945", "", LEAKED[2]],
    ["1004", "PETIT", "Loïc", "05/07/1972", "0612345678", LEAKED[3]],
    [
        "1005",
        "GARCIA",
        "Inès",
        "21/09/2001",
        "0698765432",
        "préfère RDV le matin; appeler sur portable",
    ],
    ["1006", "FAURE", "Chloé", "14/04/1958", "", 'courrier revenu\r\nadresse à "vérifier"'],
    ["1007", "ROBERT", "Jean", "02/12/1966", "0611223344", ""],
]


def _field(text: str, delimiter: str) -> str:
    if any(char in text for char in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(delimiter: str = ";", newline: str = "\r\n", title: bool = False) -> str:
    lines = [delimiter.join(_field(cell, delimiter) for cell in row) for row in [HEADER, *ROWS]]
    text = newline.join(lines) + newline
    if title:
        text = "Liste des patients au 12/03/2025" + newline + text
    return text


def password_protected_xlsx() -> bytes:
    """A minimal compound file with the streams Excel writes for a password-protected workbook
    (EncryptionInfo, EncryptedPackage), empty: enough to be recognised, nothing to decrypt."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0,
                          4096, end, 0, end, 0)  # fmt: skip
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, left: int, right: int, child: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
            + bytes(16 + 4 + 8 + 8)
            + struct.pack("<IQ", end, 0)
        )

    directory = (
        entry("Root Entry", 5, no_stream, no_stream, 1)
        + entry("EncryptionInfo", 2, no_stream, 2, no_stream)
        + entry("EncryptedPackage", 2, no_stream, no_stream, no_stream)
        + entry("", 0, no_stream, no_stream, no_stream)
    )
    return header + fat + directory


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Patients"
    sheet["A1"] = "Liste des patients au 12/03/2025"
    sheet.append(HEADER)
    for row in ROWS:
        day, month, year = (int(part) for part in row[3].split("/"))
        sheet.append(
            [int(row[0]), row[1], row[2], dt.datetime(year, month, day),
             int(row[4]) if row[4] else None, row[5] or None]
        )  # fmt: skip
        sheet.cell(sheet.max_row, 4).number_format = "dd/mm/yyyy"
        sheet.cell(sheet.max_row, 5).number_format = "0000000000"
    sheet.column_dimensions["F"].width = 60
    workbook.save(path)


def main() -> None:
    (HERE / "cabinet-cp1252.csv").write_bytes(csv_text(title=True).encode("cp1252"))
    (HERE / "cabinet-utf8-bom.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(",").encode("utf-8"))
    (HERE / "cabinet-tab-lf.tsv").write_bytes(csv_text("\t", "\n").encode("utf-8"))
    write_xlsx(HERE / "cabinet.xlsx")
    (HERE / "tronque.xlsx").write_bytes((HERE / "cabinet.xlsx").read_bytes()[:1500])
    (HERE / "protege.xlsx").write_bytes(password_protected_xlsx())
    png = bytes.fromhex("89504E470D0A1A0A0000000D49484452") + bytes(range(256)) * 4
    (HERE / "image-deguisee.csv").write_bytes(png)


if __name__ == "__main__":
    main()
