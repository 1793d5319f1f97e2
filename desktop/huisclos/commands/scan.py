"""``huisclos scan FILE [--columns A,B] [--format text|jsonl] [--suggestions]`` — find the
sensitive comments.

Text mode prints a French summary (rows scanned, comments to review per category and severity,
time) then each flagged comment; ``jsonl`` prints one Finding per line, exactly the DESIGN.md
object. The scan's job is detection: a comment's rewrite is computed only with
``--suggestions`` (otherwise ``"suggestion": null``); the app and ``clean`` compute their own.
A ``scan`` event (fingerprint, counts, duration — never text) goes to the log.
Exit 0 when the scan completed, 2 with one French line on unusable input.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..core.detect.categories import (
    CATEGORIES,
    CATEGORY_LABELS,
    REASON_LABELS,
    SEVERITIES,
    SEVERITY_LABELS,
)
from ..core.errors import HuisclosError
from ..core.french import number
from ._options import add_columns_option, add_export_argument, columns_named

if TYPE_CHECKING:  # the detector and the scan load when the command runs, not for --help
    from ..core.detect.detector import Detector
    from ..core.detect.findings import Finding
    from ..core.exports.model import Export
    from ..core.review.scan import ScanResult

BIG_FILE_ROWS = 200_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_export_argument(parser, "export CSV, Excel ou LibreOffice à analyser")
    add_columns_option(
        parser,
        "colonnes à analyser, séparées par des virgules (par défaut : les colonnes de "
        "commentaires détectées)",
    )
    suggestions = parser.add_mutually_exclusive_group()
    suggestions.add_argument(
        "--suggestions",
        dest="suggest",
        action="store_true",
        help="calcule aussi, pour chaque commentaire signalé, la proposition de réécriture "
        "(« suggestion » dans le format jsonl, « Proposition » dans le résumé) ; sans cette "
        "option, l'analyse se limite à la détection",
    )
    suggestions.add_argument(
        "--no-suggestions",
        dest="suggest",
        action="store_false",
        help="détection seule, sans proposition (le comportement par défaut)",
    )
    parser.set_defaults(suggest=False)
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text : résumé en français (par défaut) ; jsonl : un signalement JSON par ligne",
    )


def run(args: argparse.Namespace) -> int:
    from ..core.detect.detector import Detector
    from ..core.exports.reading import read_export
    from ..core.review.batches import gc_paused
    from ..core.review.scan import scan_export
    from ._journal import ensure_journal, warn

    unjournaled = ensure_journal(writes=False)
    if unjournaled:
        warn(unjournaled)
    began = time.perf_counter()
    export = read_export(Path(args.file), random_access=False)  # the scan reads batches
    reading_notes(export)
    columns = columns_named(export, args.columns) if args.columns else free_text_or_explain(export)
    detector = Detector.default()
    practice_warnings(detector)
    out = sys.stdout
    # No cyclic garbage collection for the whole scan, here and in the forked workers (which
    # inherit it), put back as it was afterwards: the scan makes no reference cycles, and
    # re-enabling the collector after each batch walked the detector's memo again and again.
    with gc_paused():
        generator = scan_export(
            export,
            detector=detector,
            columns=columns,
            suggest=args.suggest,
            processes=scan_processes(export, suggest=args.suggest),
            json_lines=args.format == "jsonl",
        )
        jsonl = args.format == "jsonl"
        seen: dict[str, dict[str, list[str]]] = {}  # sheet → comment → its lines after the column
        while True:
            try:
                progress = next(generator)
            except StopIteration as stop:
                result: ScanResult = stop.value
                break
            if jsonl and progress.flagged.count:
                out.write(progress.flagged.jsonl(seen.setdefault(progress.flagged.sheet, {})))
    result.seconds = time.perf_counter() - began
    if not jsonl:
        print_summary(result, Path(args.file).name, out)
        print_findings(result.findings, out)
    if not unjournaled:
        _record(result, Path(args.file))
    return 0


def scan_processes(export: Export, *, suggest: bool) -> int:
    """Worker processes that analyse while this one reads a big file (on two cores they save
    much of the time, with or without suggestions; bench_scan.py measures it) — for ``scan``
    and for ``clean``, whose scan computes every flagged comment's suggestion.
    ``$HUISCLOS_SCAN_PROCESSES`` overrides the choice (0: none)."""
    rows = sum(len(table) for table in export.tables)
    cores = os.cpu_count() or 1
    wanted = os.environ.get("HUISCLOS_SCAN_PROCESSES", "").strip()
    if wanted.isdigit():
        return min(int(wanted), max(cores, 1))
    if rows < BIG_FILE_ROWS or cores < 2:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0  # Windows: starting interpreters costs more than it saves on most files
    return 2 if suggest else 1


def free_text_or_explain(export: Export) -> dict[str, list[str]]:
    """The free-text columns of every sheet; when there is none, the scan cannot do its job:
    say so in French, list the columns and suggest ``--columns`` (exit 2)."""
    from ..core.exports.columns import free_text_columns

    chosen = {table.name: list(free_text_columns(table)) for table in export.tables}
    if any(chosen.values()):
        return chosen
    headers = [h for table in export.tables for h in table.header if h.strip()]
    listed = ", ".join(f"« {h} »" for h in dict.fromkeys(headers)) or "aucune"
    example = headers[-1] if headers else "Remarques"
    raise HuisclosError(
        f"aucune colonne de commentaires trouvée dans ce fichier (colonnes : {listed}). "
        f'Indiquez la colonne à analyser avec --columns, par exemple : --columns "{example}".'
    )


def reading_notes(export: Export) -> None:
    """How the file was read, when the user should know (lines skipped above the header…)."""
    for note in export.reading_notes():
        print(f"huisclos : à savoir — {note}", file=sys.stderr)


def practice_warnings(detector: Detector) -> None:
    """The practice's own files are damaged: warn in French, the scan goes on without them."""
    for warning in detector.warnings:
        print(f"huisclos : attention — {warning}", file=sys.stderr)


def print_summary(result: ScanResult, name: str, out: TextIO) -> None:
    """The French summary a secretary reads: rows, comments to review, by category, time."""
    scanned = [c for headers in result.columns.values() for c in headers]
    flagged = result.flagged_cells
    seconds = f"{result.seconds:.2f}".replace(".", ",")
    lines = [f"Fichier : {name}"]
    lines.append(f"Lignes analysées : {number(result.rows)}")
    lines.append(
        "Colonnes analysées : "
        + (", ".join(scanned) if scanned else "aucune colonne de texte libre")
    )
    if flagged == 0:
        lines.append("Aucun commentaire à revoir.")
    else:
        plural = "s" if flagged > 1 else ""
        lines.append(f"Commentaire{plural} à revoir : {number(flagged)}")
        passages = len(result.findings)
        many = "s" if passages > 1 else ""
        lines.append(f"Passage{many} repéré{many} : {number(passages)}")
        for category in CATEGORIES:
            per = result.counts.get(category)
            if not per:
                continue
            detail = ", ".join(
                f"{SEVERITY_LABELS[s]} : {number(per[s])}"
                for s in reversed(SEVERITIES)
                if per.get(s)
            )
            lines.append(f"  {CATEGORY_LABELS[category]} : {number(sum(per.values()))} ({detail})")
    lines.append(f"Durée : {seconds} s")
    out.write("\n".join(lines) + "\n")


def print_findings(findings: list[Finding], out: TextIO) -> None:
    """Each flagged comment once, with what was found and why."""
    if not findings:
        return
    out.write("\nCommentaires signalés :\n")
    cells: dict[tuple[str, int, str], list[Finding]] = {}
    for finding in findings:
        cells.setdefault((finding.sheet, finding.row, finding.column), []).append(finding)
    for (sheet, row, column), items in cells.items():
        where = f"feuille {sheet}, " if sheet else ""
        print_comment_findings(f"- {where}ligne {row}, {column}", items, out)


def print_comment_findings(
    heading: str, items: list[Finding], out: TextIO, *, explain: bool = False
) -> None:
    """One comment's findings under ``heading``: each passage with its category, severity and
    reasons (with ``explain``, why it is a problem), then the proposal."""
    chunks = [f"{heading}\n"]
    for f in items:
        reasons = ", ".join(REASON_LABELS.get(r, r) for r in f.reasons)
        extra = f" — {reasons}" if reasons else ""
        chunks.append(
            f"    « {f.match} » : {CATEGORY_LABELS.get(f.category, f.category)}, "
            f"gravité {SEVERITY_LABELS.get(f.severity, f.severity)}{extra}\n"
        )
        if explain and f.explanation:
            chunks.append(f"      Pourquoi : {f.explanation}\n")
    suggestion = items[0].suggestion if items else None
    if suggestion is not None:
        chunks.append(
            f"    Proposition : « {suggestion} »\n"
            if suggestion
            else "    Proposition : vider le commentaire\n"
        )
    out.write("".join(chunks))


def _record(result: ScanResult, path: Path) -> None:
    from ..core.audit.log import record_event
    from ..core.review.journal_events import scan_event

    warning = record_event(*scan_event(result, path.name))
    if warning:
        print(f"huisclos : {warning}", file=sys.stderr)
