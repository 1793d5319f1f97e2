"""``huisclos scan FILE [--columns A,B] [--format text|jsonl]`` — find the sensitive comments.

Text mode prints a French summary (rows scanned, comments to review per category and severity,
time) then each flagged comment; ``jsonl`` prints one Finding per line, exactly the DESIGN.md
object. A ``scan`` event (fingerprint, counts, duration — never text) goes to the log.
Exit 0 when the scan completed, 2 with one French line on unusable input.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TextIO

from ..core.detect.categories import (
    CATEGORIES,
    CATEGORY_LABELS,
    REASON_LABELS,
    SEVERITIES,
    SEVERITY_LABELS,
)
from ..core.detect.findings import Finding
from ..core.errors import HuisclosError
from ..core.french import number
from ..core.review.scan import FlaggedCells, ScanResult, scan_export

BIG_FILE_ROWS = 200_000
_string = json.encoder.encode_basestring  # type: ignore[attr-defined]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="export CSV ou Excel à analyser")
    parser.add_argument(
        "--columns",
        metavar="A,B",
        help="colonnes à analyser, séparées par des virgules (par défaut : les colonnes de "
        "commentaires détectées)",
    )
    parser.add_argument(
        "--no-suggestions",
        dest="suggest",
        action="store_false",
        help="ne calcule pas les propositions de réécriture (plus rapide sur un gros fichier ; "
        "« suggestion » vaut alors null)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text : résumé en français (par défaut) ; jsonl : un signalement JSON par ligne",
    )


def run(args: argparse.Namespace) -> int:
    from ..core.exports.reading import read_export
    from ._journal import ensure_journal, warn

    unjournaled = ensure_journal(writes=False)
    if unjournaled:
        warn(unjournaled)
    began = time.perf_counter()
    export = read_export(Path(args.file))
    columns = _columns(export, args.columns)
    if columns is None:
        columns = free_text_or_explain(export)
    practice_warnings()
    out = sys.stdout
    generator = scan_export(
        export, columns=columns, suggest=args.suggest, processes=_processes(export, args.suggest)
    )
    jsonl = args.format == "jsonl"
    tails: dict[str, dict[str, list[str]]] = {}  # sheet → comment → its lines after the column
    while True:
        try:
            progress = next(generator)
        except StopIteration as stop:
            result: ScanResult = stop.value
            break
        if jsonl and progress.flagged.cells:
            out.write(jsonl_of(progress.flagged, tails))
    result.seconds = time.perf_counter() - began
    if not jsonl:
        print_summary(result, Path(args.file).name, out)
        print_findings(result.findings, out)
    if not unjournaled:
        _record(result, Path(args.file))
    return 0


def _processes(export, suggest: bool) -> int:  # type: ignore[no-untyped-def]
    """Worker processes that analyse while this one reads a big file (bench_scan.py, 2 cores:
    they save about a third of the time on 1 M rows, with or without suggestions).
    ``$HUISCLOS_SCAN_PROCESSES`` overrides the choice (0: none)."""
    try:
        rows = sum(len(table) for table in export.tables)
    except (TypeError, NotImplementedError):
        return 0
    cores = os.cpu_count() or 1
    wanted = os.environ.get("HUISCLOS_SCAN_PROCESSES", "").strip()
    if wanted.isdigit():
        return min(int(wanted), max(cores, 1))
    if rows < BIG_FILE_ROWS or cores < 2:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0  # Windows: starting interpreters costs more than it saves on most files
    return 2 if suggest else 1


def json_line(finding: Finding) -> str:
    """``json.dumps(finding.to_json(), ensure_ascii=False) + "\\n"``, three times faster (the
    string escaping is the json module's own C function; same keys, order and separators)."""
    f = finding
    return _json_head(f.row, f.column) + _json_tail(
        f.start, f.end, f.category, f.severity, f.rule, f.match, f.reasons, f.suggestion, f.sheet
    )


def jsonl_of(flagged: FlaggedCells, tails: dict[str, dict[str, list[str]]]) -> str:
    """The :func:`json_line` of every finding of these cells, without building the findings.

    What follows the row and column is the same for equal comments of a sheet (they repeat a
    lot): it is written once and kept in ``tails``, for one scan (its options decide the
    findings of a text)."""
    rules = flagged.detector.rules
    sheet = flagged.sheet
    lines: list[str] = []
    seen = tails.setdefault(sheet, {})
    for row, column, text, raw, suggestion in flagged.cells:
        ends = seen.get(text)  # one scan: the text decides its findings and its suggestion
        if ends is None:
            ends = [
                _json_tail(
                    start,
                    end,
                    rules[index].category,
                    severity,
                    rules[index].id,
                    text[start:end],
                    reasons,
                    suggestion,
                    sheet,
                )
                for start, end, index, severity, reasons in raw
            ]
            if len(seen) > 100_000:
                seen.clear()
            seen[text] = ends
        head = _json_head(row, column)
        lines.extend([head + end for end in ends])
    return "".join(lines)


def _json_head(row: int, column: str) -> str:
    return f'{{"row": {row}, "column": {_string(column)}, '


def _json_tail(
    start: int,
    end: int,
    category: str,
    severity: str,
    rule: str,
    match: str,
    reasons: tuple[str, ...],
    suggestion: str | None,
    sheet: str,
) -> str:
    listed = ", ".join(map(_string, reasons))
    rewritten = "null" if suggestion is None else _string(suggestion)
    where = f', "sheet": {_string(sheet)}' if sheet else ""
    return (
        f'"start": {start}, "end": {end}, "category": {_string(category)}, '
        f'"severity": {_string(severity)}, "rule": {_string(rule)}, "match": {_string(match)}, '
        f'"reasons": [{listed}], "suggestion": {rewritten}{where}}}\n'
    )


def _columns(export, wanted: str | None) -> dict[str, list[str]] | None:  # type: ignore[no-untyped-def]
    if not wanted:
        return None
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    if not names:
        raise HuisclosError("--columns : indiquez au moins un nom de colonne.")
    chosen: dict[str, list[str]] = {}
    for table in export.tables:
        folded = {header.casefold(): header for header in table.header}
        present = list(
            dict.fromkeys(folded[name.casefold()] for name in names if name.casefold() in folded)
        )  # «Commentaire,commentaire» names one column
        if present:
            chosen[table.name] = present
    if not chosen:
        available = ", ".join(export.table.header) if export.tables else ""
        raise HuisclosError(
            f"colonne introuvable : {', '.join(names)}. Colonnes du fichier : {available}."
        )
    return chosen


def free_text_or_explain(export) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
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


def practice_warnings() -> None:
    """The practice's own files are damaged: warn in French, the scan goes on without them."""
    from ..core.detect.detector import Detector

    for warning in Detector.default().warnings:
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
    chunks = []
    for (sheet, row, column), items in cells.items():
        where = f"feuille {sheet}, " if sheet else ""
        chunks.append(f"- {where}ligne {row}, {column}\n")
        for f in items:
            reasons = ", ".join(REASON_LABELS.get(r, r) for r in f.reasons)
            extra = f" — {reasons}" if reasons else ""
            chunks.append(
                f"    « {f.match} » : {CATEGORY_LABELS.get(f.category, f.category)}, "
                f"gravité {SEVERITY_LABELS.get(f.severity, f.severity)}{extra}\n"
            )
        suggestion = items[0].suggestion
        if suggestion is not None:
            chunks.append(
                f"    Proposition : « {suggestion} »\n"
                if suggestion
                else "    Proposition : vider le commentaire\n"
            )
    out.write("".join(chunks))


def scan_payload(result: ScanResult, path: Path) -> dict:  # type: ignore[type-arg]
    """The log's ``scan`` event: figures only, never a word of a comment.

    The same object as ``core.audit.events.scan_payload`` (a test checks it), counted with
    C-level ``Counter``s: that builder walks 100,000 findings at Python speed.
    """
    by_rule: Counter[tuple[int, str]] = Counter()  # (rule index, severity) → findings
    rows: set[tuple[str, int]] = set()
    for batch in result.batches:
        rows.update((batch.sheet, cell[0]) for cell in batch.cells)
        by_rule.update(item[2:4] for cell in batch.cells for item in cell[3])
    categories: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    rule_ids: Counter[str] = Counter()
    rules = result.batches[0].detector.rules if result.batches else []  # one scan, one detector
    for (index, severity), count in by_rule.items():
        rule = rules[index]
        categories[rule.category] += count
        severities[severity] += count
        pairs[(rule.category, severity)] += count
        rule_ids[rule.id] += count
    matrix: dict[str, dict[str, int]] = {}
    for (category, severity), count in sorted(pairs.items()):
        matrix.setdefault(category, {})[severity] = count
    payload: dict = {  # type: ignore[type-arg]
        "findings": sum(by_rule.values()),
        "rows_flagged": len(rows),
        "by_category": dict(sorted(categories.items())),
        "by_severity": dict(sorted(severities.items())),
        "by_category_severity": matrix,
        "by_rule": dict(sorted(rule_ids.items())),
        "rows": result.rows,
    }
    if result.fingerprint:
        payload["fingerprint"] = result.fingerprint
    payload["file_name"] = path.name
    payload["duration_s"] = round(float(result.seconds), 3)
    if result.cancelled:
        payload["cancelled"] = True
    payload["cells_flagged"] = result.flagged_cells
    payload["counts"] = result.counts  # category → severity → comments
    return payload


def _record(result: ScanResult, path: Path) -> None:
    from ..core.audit.log import record_event

    warning = record_event("scan", scan_payload(result, path))
    if warning:
        print(f"huisclos : {warning}", file=sys.stderr)
