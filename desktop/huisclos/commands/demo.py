"""``huisclos demo`` — scan the bundled fictional export and print the summary.

``huisclos demo --generate N -o FICHIER`` writes a workshop file of N fictional patients.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..core.errors import HuisclosError
from ..core.french import plural
from ..core.safe_write import check_new_file
from ._options import add_force_option, add_output_option

DEMO_FILE = ("demo", "patients-demo.csv")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--generate",
        metavar="N",
        type=int,
        help="génère un fichier d'exercice de N patients fictifs au lieu d'analyser l'exemple",
    )
    add_output_option(parser, "FICHIER", "fichier à écrire (avec --generate)")
    parser.add_argument(
        "--share",
        metavar="PART",
        type=float,
        default=0.1,
        help="avec --generate : part de commentaires sensibles, de 0 à 1 (défaut : 0.1)",
    )
    parser.add_argument(
        "--format",
        dest="file_format",
        choices=("csv-cp1252", "csv-utf8", "xlsx"),
        default=None,
        help="avec --generate : csv-cp1252 (« ; », Windows-1252, par défaut), csv-utf8 ou xlsx "
        "(déduit de l'extension .xlsx si absent)",
    )
    add_force_option(parser, "avec --generate : remplacer FICHIER s'il existe déjà")
    parser.add_argument(
        "--details",
        action="store_true",
        help="affiche aussi chaque commentaire signalé après le résumé",
    )


def run(args: argparse.Namespace) -> int:
    if args.generate is not None:
        return _generate(args)
    if args.output:
        raise HuisclosError("-o s'utilise avec --generate N.")
    from ..core.detect.detector import Detector
    from ..core.exports.reading import read_export
    from ..core.resources import resource
    from ..core.review.scan import run_scan
    from .scan import practice_warnings, print_findings, print_summary

    path = resource(*DEMO_FILE)
    if not path.is_file():
        raise HuisclosError(
            "L'exemple fictif (resources/demo/patients-demo.csv) est introuvable : réinstallez "
            "Huis clos."
        )
    detector = Detector.default()
    practice_warnings(detector)
    began = time.perf_counter()
    result = run_scan(read_export(path), detector=detector)
    result.seconds = time.perf_counter() - began
    print("Exemple fictif fourni avec Huis clos (aucun vrai patient).")
    print_summary(result, path.name, sys.stdout)
    if args.details:
        print_findings(result.findings, sys.stdout)
    else:
        print("Pour voir chaque commentaire signalé : huisclos demo --details")
    return 0


def _generate(args: argparse.Namespace) -> int:
    if args.generate < 1:
        raise HuisclosError("--generate : indiquez un nombre de patients (1 ou plus).")
    if not args.output:
        raise HuisclosError("--generate : indiquez le fichier à écrire avec -o FICHIER.")
    from ..core.demo import synthetic

    if not 0 <= args.share <= 1:
        raise HuisclosError("--share : indiquez une part entre 0 et 1 (par exemple 0.1).")
    output = Path(args.output)
    file_format = args.file_format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv-cp1252")
    _check_output(output, file_format, args.force)
    synthetic.write_export(output, args.generate, args.share, file_format)
    print(
        f"Fichier d'exercice écrit : {output} "
        f"({plural(args.generate, 'patient fictif', 'patients fictifs')}, "
        f"{round(args.share * 100)} % de commentaires sensibles, {file_format})."
    )
    return 0


_SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def _check_output(output: Path, file_format: str, force: bool) -> None:
    """Refuse, as ``clean`` does, a name that lies about the format (an Excel file named .csv
    opens as garbage, and a CSV named .xlsx does not open) and an existing file without
    --force."""
    suffix = output.suffix.lower()
    if file_format == "xlsx" and suffix != ".xlsx":
        raise HuisclosError(
            f"le format xlsx s'écrit dans un fichier .xlsx, pas « {output.name} » : changez le "
            "nom ou le format (--format)."
        )
    if file_format != "xlsx" and suffix in _SPREADSHEET_SUFFIXES:
        raise HuisclosError(
            f"le format {file_format} écrit un fichier CSV, pas « {output.name} » : nommez-le "
            ".csv ou choisissez --format xlsx."
        )
    check_new_file(output, force=force)
