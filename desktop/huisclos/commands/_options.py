"""The options several commands share, declared once: the export to read, ``-o``/``--output``,
``--columns A,B`` and ``--force``; and the one parser of the columns a user names.

Headers are compared without regard to case («commentaire» names «Commentaire»), per sheet of a
workbook; a column named twice is kept once. A name that no sheet has is refused with the
file's columns listed, so a typing mistake never silently scans less than asked.
"""

from __future__ import annotations

import argparse

from ..core.errors import HuisclosError
from ..core.exports.model import Export


def add_export_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("file", metavar="FICHIER", help=what)


def add_output_option(
    parser: argparse.ArgumentParser, metavar: str, what: str, *, required: bool = False
) -> None:
    parser.add_argument("-o", "--output", metavar=metavar, required=required, help=what)


def add_columns_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--columns", metavar="A,B", help=what)


def add_force_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--force", action="store_true", help=what)


def columns_named(export: Export, wanted: str) -> dict[str, list[str]]:
    """Sheet name ("" for CSV) → the headers ``wanted`` names in that sheet, in its order."""
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    if not names:
        raise HuisclosError("--columns : indiquez au moins un nom de colonne.")
    chosen: dict[str, list[str]] = {}
    found: set[str] = set()
    for table in export.tables:
        by_fold = {header.casefold(): header for header in table.header}
        present = [name.casefold() for name in names if name.casefold() in by_fold]
        found.update(present)
        if present:
            chosen[table.name] = list(dict.fromkeys(by_fold[name] for name in present))
    missing = [name for name in names if name.casefold() not in found]
    if missing:
        headers = export.table.header if export.tables else []
        available = ", ".join(f"« {name} »" for name in headers[:20])
        if len(headers) > 20:
            available += f" … ({len(headers)} colonnes)"
        unknown = ", ".join(f"« {name} »" for name in missing[:5])
        raise HuisclosError(f"colonne introuvable : {unknown}. Colonnes du fichier : {available}.")
    return chosen
