"""Write the workbook fixtures of this folder: one rich workbook made with openpyxl, and the same
workbook saved by LibreOffice as .xlsx, .ods and .xls (fictional patients only).

Run by hand when a fixture must change (needs Pillow for the image and LibreOffice headless)::

    python tests/data/exports/make_workbooks.py

The files are committed, so that the tests need neither Pillow nor LibreOffice. What the rich
workbook holds, so that a copy can be checked against every part a real export may carry: two
visible sheets and a hidden one, a title line above the header, an empty column and an empty
row inside the data, a hidden column, an image, a chart, notes (one on a patient's comment, one
on the header), a hyperlink, data validation, conditional formatting, merged cells, formulas
(a number and a text), dates, zero-padded numbers, decimals, booleans, rich text, a text used in
two sheets, and a text with spaces, «&», «<» and a line break.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEM = "classeur"

SENSITIVE = "porteuse VIH – ne pas en parler à l'accueil"
DUPLICATE = "serait homosexuelle d'après sa mère"  # in two sheets
SPECIAL = "  alcoolique & dépressif <à surveiller>\nsuite sur 2 lignes  "
RICH = "CMU : fils en prison"  # written as rich text (two runs)
NOTE = "Note : patiente sous méthadone"
HEADER_NOTE = "Colonne remplie par l'accueil"
HIDDEN_SHEET_TEXT = "ancien détenu, sortie de prison en 2019"
HIDDEN_COLUMN_TEXT = "mère musulmane voilée"


def rich_workbook(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from PIL import Image as PILImage

    book = Workbook()
    sheet = book.active
    sheet.title = "Patients"
    sheet["B1"] = "Liste des patients — export du 01/02/2025"
    header = ["N° dossier", "NOM", "Prénom", "Date de naissance", "Solde", "Actif", "Commentaire"]
    for column, title in enumerate(header, 2):  # column A stays empty
        sheet.cell(row=3, column=column, value=title).font = Font(bold=True)
    sheet.cell(row=3, column=9, value="Remarques internes").font = Font(bold=True)
    rows = [
        (42, "MARTIN", "Émilie", dt.date(1980, 2, 29), 12.5, True, SENSITIVE),
        (7, "DUBOIS", "Jean", dt.date(1955, 11, 3), -3.25, False, DUPLICATE),
        (1234, "PETIT", "Zoé", dt.date(2001, 1, 1), 100, True, "préfère RDV le matin"),
        (99, "LEROY", "Loïc", dt.datetime(1990, 6, 15, 14, 30), 0.1 + 0.2, False, SPECIAL),
        (5, "MOREAU", "Chloé", dt.date(1970, 7, 14), 1e-7, True, "tiers payant intégral"),
    ]
    row = 4
    for index, (number, name, first, born, balance, active, comment) in enumerate(rows):
        if index == 3:
            row += 1  # an empty row inside the data
        sheet.cell(row=row, column=2, value=number).number_format = "000000"
        sheet.cell(row=row, column=3, value=name)
        sheet.cell(row=row, column=4, value=first)
        timed = isinstance(born, dt.datetime)
        date_format = "dd/mm/yyyy hh:mm" if timed else "dd/mm/yyyy"
        sheet.cell(row=row, column=5, value=born).number_format = date_format
        sheet.cell(row=row, column=6, value=balance).number_format = "0.00"
        sheet.cell(row=row, column=7, value=active)
        sheet.cell(row=row, column=8, value=comment)
        row += 1
    sheet["I4"] = HIDDEN_COLUMN_TEXT
    sheet.column_dimensions["I"].hidden = True
    sheet.cell(row=row, column=3, value="TOTAL")
    sheet.cell(row=row, column=6, value=f"=SUM(F4:F{row - 1})")
    sheet.cell(row=row, column=8, value='="formule : "&C4')
    sheet.cell(row=row + 1, column=3, value="FAURE")
    sheet.cell(
        row=row + 1,
        column=8,
        value=CellRichText([TextBlock(InlineFont(b=True), "CMU"), " : fils en prison"]),
    )
    sheet["H4"].comment = Comment(NOTE, "Dr Lœuf")
    sheet["H3"].comment = Comment(HEADER_NOTE, "Accueil")
    sheet["C5"].hyperlink = "https://example.org/dossier/7"
    validation = DataValidation(type="list", formula1='"oui,non"', allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add("G4:G20")
    red = PatternFill("solid", fgColor="FFC7CE")
    sheet.conditional_formatting.add(
        "F4:F20", CellIsRule(operator="lessThan", formula=["0"], fill=red)
    )
    sheet.merge_cells("J4:K5")
    sheet["J4"] = "fusion : à revoir"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=6, min_row=3, max_row=row - 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=3, min_row=4, max_row=row - 1))
    sheet.add_chart(chart, "M2")
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 30, 30)).save(picture, format="PNG")
    picture.seek(0)
    sheet.add_image(Image(picture), "M20")

    follow = book.create_sheet("Suivi & notes")
    follow.append(["Date", "Patient", "Observation"])
    follow.append([dt.date(2025, 1, 2), "MARTIN Émilie", DUPLICATE])
    follow.append([dt.date(2025, 1, 3), "PETIT Zoé", "RAS"])
    follow["A2"].number_format = follow["A3"].number_format = "dd/mm/yyyy"

    archives = book.create_sheet("Archives")
    archives.append(["NOM", "Commentaire"])
    archives.append(["BLANC", HIDDEN_SHEET_TEXT])
    archives.sheet_state = "hidden"
    book.save(path)
    return path


def libreoffice(source: Path, folder: Path, fmt: str) -> Path:
    """``source`` saved by LibreOffice headless as ``fmt`` (xlsx, ods, xls)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) est introuvable")
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods", "xls": "xls"}
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             filters[fmt], "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    return folder / f"{source.stem}.{fmt}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        made = rich_workbook(Path(folder) / f"{STEM}-libreoffice.xlsx")
        converted = Path(folder) / "lo"
        converted.mkdir()
        for fmt in ("xlsx", "ods", "xls"):
            out = libreoffice(made, converted, fmt)
            shutil.copyfile(out, HERE / f"{STEM}-libreoffice.{fmt}")
        rich_workbook(HERE / f"{STEM}-openpyxl.xlsx")
    for path in sorted(HERE.glob(f"{STEM}-*")):
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
