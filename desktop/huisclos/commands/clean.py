"""``huisclos clean FILE -o OUT`` (cleaned copy) and ``--worklist LIST`` (correction list).

Each flagged comment gets its first suggestion (the one a single click applies in the app). The
copy is written through ``Export.write_copy``: the original is never touched and only changed cells
differ. The correction list is what a secretary works through in the practice software. Both are
logged (``edit``, ``save_copy``, ``worklist`` events: counts, row numbers, rule ids, hashes —
never the text).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ..core.detect.categories import CATEGORIES, CATEGORY_LABELS, SEVERITIES
from ..core.errors import HuisclosError
from ..core.french import number
from ..core.rewrite.suggestions import CleaningPlan, plan_cleaning
from ..core.safe_write import check_new_file, same_file

logger = logging.getLogger(__name__)

SEVERITY_CHOICES = {"low": "low", "medium": "medium", "high": "high"}
SEVERITY_CHOICES.update({"faible": "low", "moyenne": "medium", "élevée": "high", "elevee": "high"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="l'export du logiciel (CSV, TSV ou XLSX)")
    parser.add_argument(
        "-o", "--output", metavar="COPIE", help="où écrire la copie nettoyée (jamais l'original)"
    )
    parser.add_argument(
        "--worklist",
        metavar="LISTE",
        help="où écrire la liste de corrections à reporter dans le logiciel (.csv ou .xlsx)",
    )
    parser.add_argument(
        "--with-original",
        action="store_true",
        help="ajoute le commentaire actuel à la liste de corrections",
    )
    parser.add_argument(
        "--categories",
        metavar="CAT,CAT",
        action="append",
        help="ne corriger que ces catégories, séparées par des virgules ou en répétant l'option ("
        + ", ".join(CATEGORIES)
        + ")",
    )
    parser.add_argument(
        "--min-severity",
        default="low",
        metavar="NIVEAU",
        help="gravité minimale corrigée : low, medium ou high (défaut : low, tout)",
    )
    parser.add_argument(
        "--columns", metavar="A,B", help="colonnes de commentaires à traiter (défaut : détectées)"
    )
    parser.add_argument(
        "--force", action="store_true", help="remplacer COPIE ou LISTE s'ils existent déjà"
    )


def parse_categories(value: str | list[str] | None) -> set[str] | None:
    """Category ids from «health,religion» (ids or French labels, any case)."""
    if not value:
        return None
    if isinstance(value, list):
        value = ",".join(value)
    by_name = {category: category for category in CATEGORIES}
    by_name.update({label.casefold(): category for category, label in CATEGORY_LABELS.items()})
    chosen: set[str] = set()
    for part in value.split(","):
        name = part.strip()
        if not name:
            continue
        category = by_name.get(name) or by_name.get(name.casefold())
        if category is None:
            raise HuisclosError(
                f"catégorie « {name} » inconnue : choisissez parmi "
                + ", ".join(f"{c} ({CATEGORY_LABELS[c]})" for c in CATEGORIES)
                + "."
            )
        chosen.add(category)
    return chosen or None


def parse_severity(value: str) -> str:
    severity = SEVERITY_CHOICES.get(value.strip().casefold())
    if severity is None:
        raise HuisclosError(f"gravité « {value} » inconnue : choisissez {', '.join(SEVERITIES)}.")
    return severity


def _check_target(source: Path, target: Path, what: str, force: bool) -> None:
    check_new_file(target, force=force, original=source, what=what)


def _plural(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def run(args: argparse.Namespace) -> int:
    from ..core.audit.log import record_event
    from ..core.exports.reading import read_export
    from ..core.review.scan import run_scan
    from ..core.review.worklist import build_worklist, write_worklist

    source = Path(args.file)
    if not args.output and not args.worklist:
        raise HuisclosError(
            "indiquez où écrire la copie nettoyée (-o COPIE) et/ou la liste de corrections "
            "(--worklist LISTE)."
        )
    categories = parse_categories(args.categories)
    min_severity = parse_severity(args.min_severity)
    output = Path(args.output) if args.output else None
    worklist_path = Path(args.worklist) if args.worklist else None
    if output is not None:
        _check_target(source, output, "la copie nettoyée", args.force)
    if worklist_path is not None:
        _check_target(source, worklist_path, "la liste de corrections", args.force)
        if output is not None and same_file(output, worklist_path):
            raise HuisclosError(
                "la copie nettoyée et la liste de corrections doivent avoir deux noms différents."
            )

    # A correction must be journaled: refuse before reading or writing anything otherwise.
    from ._journal import ensure_journal

    ensure_journal(writes=True)

    from ..core.detect.detector import Detector

    export = read_export(source)
    detector = Detector.default()
    options: dict = {
        "detector": detector,
        "categories": categories,
        "min_severity": min_severity,
        "suggest": False,
    }
    if args.columns:
        wanted = [name.strip() for name in args.columns.split(",") if name.strip()]
        options["columns"] = _columns_option(export, wanted)
    result = run_scan(export, **options)
    findings = [
        finding
        for finding in result.findings
        if (categories is None or finding.category in categories)
        and _at_least(finding.severity, min_severity)
    ]
    codec = getattr(export, "encoding", None) if export.kind == "csv" else None
    plan = plan_cleaning(
        findings,
        lambda key: _cell_text(export, key),
        detector=detector,
        codec=codec if isinstance(codec, str) else None,
    )
    warnings: list[str] = []

    if output is not None:
        export.write_copy(plan.edits, output)
        if plan.edits:
            warnings.append(_log_edits(export, plan))
        warnings.append(
            record_event(
                "save_copy",
                _save_copy_payload(export, output, plan),
            )
        )
    written_list = None
    if worklist_path is not None:
        worklist = build_worklist(
            export, plan.edits, categories=plan.categories, with_original=args.with_original
        )
        same_encoding = write_worklist(worklist_path, worklist, export)
        if not same_encoding:
            warnings.append(
                "la liste contient des caractères que l'encodage de l'export ne sait pas écrire : "
                "elle a été enregistrée en UTF-8."
            )
        written_list = len(worklist)
        warnings.append(
            record_event("worklist", _worklist_payload(export, worklist_path, worklist))
        )

    _print_summary(result.rows, plan, output, worklist_path, written_list)
    for warning in dict.fromkeys(warning for warning in warnings if warning):
        print(f"huisclos : {warning}", file=sys.stderr)
    return 0


def _at_least(severity: str, minimum: str) -> bool:
    from ..core.detect.categories import at_least

    return at_least(severity, minimum)


def _columns_option(export, wanted: list[str]) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    columns: dict[str, list[str]] = {}
    missing = set(wanted)
    for table in export.tables:
        present = [name for name in wanted if name in table.header]
        missing -= set(present)
        if present:
            columns[table.name] = present
    if missing:
        raise HuisclosError(
            "colonne « " + ", ".join(sorted(missing)) + " » absente de l'export : vérifiez "
            "l'orthographe de l'en-tête."
        )
    return columns


def _cell_text(export, key: tuple[str, int, str]) -> str:  # type: ignore[no-untyped-def]
    sheet, row, column = key
    table = export.table_named(sheet) if sheet else export.table
    return table.cell(row, column)


def _log_edits(export, plan: CleaningPlan) -> str | None:  # type: ignore[no-untyped-def]
    rule_categories = {}
    for edit in plan.edits:
        for rule in edit.rule_ids:
            rule_categories.setdefault(rule, rule.split(".", 1)[0])
    try:
        from ..core.audit.log import record_edits
    except ImportError:  # pragma: no cover - older log module
        from ..core.audit.log import record_event

        return record_event(
            "edit",
            {
                "action": "apply",
                "cells": len(plan.edits),
                "rows_edited": sorted({edit.row for edit in plan.edits}),
                "rule_ids": sorted({rule for edit in plan.edits for rule in edit.rule_ids}),
                "categories": plan.counts_by_category(),
            },
        )
    return record_edits(
        plan.edits,
        action="apply",
        label="huisclos clean",
        fingerprint=export.fingerprint,
        file_name=export.path.name,
        rule_categories=rule_categories,
    )


def _fingerprint(path: Path) -> str | None:
    import hashlib

    try:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _save_copy_payload(export, output: Path, plan: CleaningPlan) -> dict:  # type: ignore[no-untyped-def]
    target = _fingerprint(output)
    rows = len({(edit.sheet, edit.row) for edit in plan.edits})
    try:
        from ..core.audit.events import save_copy_payload

        return save_copy_payload(
            source_fingerprint=export.fingerprint,
            target_fingerprint=target,
            target_name=output.name,
            cells_changed=len(plan.edits),
            rows_changed=rows,
        )
    except ImportError:  # pragma: no cover - older log module
        return {
            "fingerprint": export.fingerprint,
            "target_fingerprint": target,
            "cells_changed": len(plan.edits),
            "rows_changed": rows,
        }


def _worklist_payload(export, path: Path, worklist) -> dict:  # type: ignore[no-untyped-def]
    target = _fingerprint(path)
    fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
    try:
        from ..core.audit.events import worklist_payload

        return worklist_payload(
            source_fingerprint=export.fingerprint,
            target_fingerprint=target,
            target_name=path.name,
            entries=len(worklist),
            fmt=fmt,
        )
    except ImportError:  # pragma: no cover - older log module
        return {
            "fingerprint": export.fingerprint,
            "target_fingerprint": target,
            "entries": len(worklist),
            "format": fmt,
        }


def _print_summary(
    rows: int,
    plan: CleaningPlan,
    output: Path | None,
    worklist_path: Path | None,
    worklist_entries: int | None,
) -> None:
    changed = len(plan.edits)
    lines: list[str] = []
    if changed == 0:
        lines.append(
            f"Aucun commentaire à modifier sur {number(rows)} "
            f"{_plural(rows, 'ligne analysée', 'lignes analysées')}."
        )
    else:
        noun = _plural(changed, "commentaire modifié", "commentaires modifiés")
        lines.append(
            f"{number(changed)} {noun} "
            f"sur {number(rows)} {_plural(rows, 'ligne analysée', 'lignes analysées')} :"
        )
        for category, count in plan.counts_by_category().items():
            lines.append(f"  {CATEGORY_LABELS[category]} : {number(count)}")
        emptied = sum(1 for edit in plan.edits if not edit.after)
        if emptied:
            lines.append(
                f"  dont {number(emptied)} "
                f"{_plural(emptied, 'commentaire vidé', 'commentaires vidés')} "
                "(rien à conserver)"
            )
    if output is not None:
        if changed:
            lines.append(f"Copie nettoyée : {output} (l'original n'a pas été modifié).")
        else:
            lines.append(f"Copie identique à l'original : {output}.")
    if worklist_path is not None and worklist_entries is not None:
        lines.append(
            f"Liste de corrections : {worklist_path} ({number(worklist_entries)} "
            f"{_plural(worklist_entries, 'ligne', 'lignes')} à reporter dans le logiciel)."
        )
    print("\n".join(lines))
