"""``huisclos report FILE -o rapport.pdf|rapport.html [--practice NOM] [--with-examples]``.

Reads and scans the export, reads the log (corrections and integrity), and writes the
self-check report. The PDF is drawn by the renderer the program's entry point hands in
(``args.render_pdf``: Qt offscreen, no display needed); this module only uses the core.
The report holds figures only; ``--with-examples`` adds a few masked examples.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import HuisclosError
from ..core.french import number
from ..core.report.output import REPORT_SUFFIXES, no_pdf_renderer, unknown_format
from ..core.safe_write import check_new_file
from ._options import add_export_argument, add_force_option, add_output_option


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_export_argument(parser, "l'export à vérifier (CSV, XLSX, ODS ou XLS)")
    add_output_option(
        parser, "RAPPORT", "le rapport à écrire : rapport.pdf ou rapport.html", required=True
    )
    parser.add_argument(
        "--practice",
        metavar="NOM",
        default=None,
        help="nom du cabinet affiché en tête du rapport (par défaut : celui des réglages)",
    )
    parser.add_argument(
        "--with-examples",
        action="store_true",
        help="ajoute quelques exemples masqués (catégorie à la place du passage sensible, "
        "noms et chiffres cachés)",
    )
    add_force_option(parser, "remplacer RAPPORT s'il existe déjà")


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    output = Path(args.output)
    _check_output(source, output, force=args.force)
    if output.suffix.lower() == ".pdf" and args.render_pdf is None:
        raise no_pdf_renderer()

    from ._journal import ensure_journal, warn

    unjournaled = ensure_journal(writes=False)
    if unjournaled:
        warn(unjournaled)

    from ..core.detect.detector import Detector
    from ..core.exports.reading import read_export
    from ..core.report import preferences
    from ..core.report.figures import build_report, cells_with_findings, read_log
    from ..core.report.output import write_report
    from ..core.review.scan import run_scan

    practice = args.practice if args.practice is not None else preferences.practice_name()
    export = read_export(source)
    result = run_scan(export, detector=Detector.default())
    corrections, log_status = read_log(export.fingerprint)
    examples = None
    if args.with_examples:
        tables = {table.name: table for table in export.tables}
        examples = cells_with_findings(
            result.findings, lambda sheet, row, column: tables[sheet].cell(row, column)
        )
    data = build_report(
        file_name=source.name,
        fingerprint=export.fingerprint,
        rows=result.rows,
        findings=result.findings,
        columns=result.columns,
        practice=practice,
        corrections=corrections,
        log=log_status,
        examples_from=examples,
    )

    write_report(data, output, render_pdf=args.render_pdf)
    if not unjournaled:
        _record(data, output)
    from ..core.review import counts as review_counts

    figures = ", ".join(review_counts.phrases(data.review_counts))
    print(
        f"Rapport enregistré : {output} — {figures}, chez "
        f"{review_counts.patients(data.flagged_patients)} sur {number(data.rows)}."
    )
    return 0


def _check_output(source: Path, output: Path, *, force: bool = False) -> None:
    if output.suffix.lower() not in REPORT_SUFFIXES:
        raise unknown_format(output)
    if not source.exists():
        raise HuisclosError(f"Le fichier « {source} » est introuvable.")
    check_new_file(output, force=force, original=source, what="Le rapport", original_is="l'export")
    if not output.parent.is_dir():
        raise HuisclosError(
            f"Le dossier « {output.parent} » n'existe pas : créez-le ou choisissez-en un autre."
        )


def _record(data, output: Path) -> None:  # type: ignore[no-untyped-def]
    """Note in the log that a report was produced (figures only, never text)."""
    from ..core.report.figures import record_report

    warning = record_report(data, output.suffix)
    if warning:
        print(f"huisclos : {warning}", file=sys.stderr)
