"""``huisclos clean FILE -o OUT`` (cleaned copy) and ``--worklist LIST`` (correction list).

The same core calls as «Tout appliquer» then «Enregistrer» in the app (a review session: bulk
batch → apply → write the copy → the correction list → journal events): each flagged comment gets
its first suggestion, fitted to what the file can hold. The original is never touched and only
changed cells differ. The correction list is what a secretary works through in the practice
software. All is logged (``edit``, ``save_copy``, ``worklist`` events: counts, row numbers, rule
ids, hashes — never the text).
"""

from __future__ import annotations

import argparse
import logging
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from ..core.detect.categories import CATEGORIES, CATEGORY_LABELS, CATEGORY_WORDS, SEVERITIES
from ..core.edits import CellKey, Edit
from ..core.errors import HuisclosError
from ..core.french import number
from ..core.safe_write import check_new_file, same_file
from ._options import (
    add_columns_option,
    add_export_argument,
    add_force_option,
    add_output_option,
    columns_named,
)

logger = logging.getLogger(__name__)

SEVERITY_CHOICES = {"low": "low", "medium": "medium", "high": "high"}
SEVERITY_CHOICES.update({"faible": "low", "moyenne": "medium", "élevée": "high", "elevee": "high"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_export_argument(parser, "l'export du logiciel (CSV, TSV, XLSX, ODS ou XLS)")
    add_output_option(parser, "COPIE", "où écrire la copie nettoyée (jamais l'original)")
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
        help="ne corriger que ces catégories, séparées par des virgules ou en répétant l'option, "
        "avec les mots de l'application, accents facultatifs ("
        + ", ".join(CATEGORY_WORDS[c].lower() for c in CATEGORIES)
        + ") ou leurs identifiants",
    )
    parser.add_argument(
        "--min-severity",
        default="low",
        metavar="NIVEAU",
        help="gravité minimale corrigée : low, medium ou high (défaut : low, tout)",
    )
    add_columns_option(parser, "colonnes de commentaires à traiter (défaut : détectées)")
    add_force_option(parser, "remplacer COPIE ou LISTE s'ils existent déjà")


def _folded(text: str) -> str:
    """Lower case without accents: «Santé» and «sante» are the same name."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _category_named(name: str) -> str | None:
    """The category id for an id, a label as the app shows it («Santé», «vie sexuelle»,
    «Précarité sociale»), with or without accents, or its first words; None if unknown."""
    wanted = _folded(name)
    for category in CATEGORIES:
        names = (category, CATEGORY_LABELS[category], CATEGORY_WORDS[category])
        if wanted in {_folded(n) for n in names}:
            return category
    starts = [
        category
        for category in CATEGORIES
        if _folded(CATEGORY_LABELS[category]).startswith(wanted + " ")
    ]
    return starts[0] if len(starts) == 1 else None


def parse_categories(value: str | list[str] | None) -> set[str] | None:
    """Category ids from «health,religion» or «santé, vie sexuelle» (ids or the words the app
    shows, any case, accents optional)."""
    if not value:
        return None
    if isinstance(value, list):
        value = ",".join(value)
    chosen: set[str] = set()
    for part in value.split(","):
        name = part.strip()
        if not name:
            continue
        category = _category_named(name)
        if category is None:
            raise HuisclosError(
                f"catégorie « {name} » inconnue : choisissez parmi "
                + ", ".join(CATEGORY_WORDS[c].lower() for c in CATEGORIES)
                + " (ou leurs identifiants : "
                + ", ".join(CATEGORIES)
                + ")."
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
    from ..core.detect.detector import Detector
    from ..core.exports.reading import read_export
    from ..core.review.batches import gc_paused
    from ..core.review.saving import save_outputs
    from ..core.review.session import ReviewSession
    from ._journal import ensure_journal
    from .scan import reading_notes, scan_processes

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
        check_new_file(output, force=args.force, original=source, what="la copie nettoyée")
    if worklist_path is not None:
        check_new_file(
            worklist_path, force=args.force, original=source, what="la liste de corrections"
        )
        if output is not None and same_file(output, worklist_path):
            raise HuisclosError(
                "la copie nettoyée et la liste de corrections doivent avoir deux noms différents."
            )

    # A correction must be journaled: refuse before reading or writing anything otherwise.
    ensure_journal(writes=True)

    export = read_export(source)
    if output is not None:
        export.check_copy_target(output)  # an .xls is copied as .xlsx: refuse «-o x.xls» now
    reading_notes(export)
    detector = Detector.default()
    columns = columns_named(export, args.columns) if args.columns else None
    session, result = ReviewSession.scanning(
        export,
        detector=detector,
        columns=columns,
        categories=categories,
        min_severity=min_severity,
        processes=scan_processes(export, suggest=True),
    )
    # The same steps as «Tout appliquer» then «Enregistrer» in the app. They build hundreds of
    # thousands of small objects (edits, the journal's cells) beside the scan's, and none forms
    # a reference cycle: the cyclic collector would only walk them again and again.
    with gc_paused():
        batch = session.bulk_batch(label="huisclos clean")
        session.apply(batch)
        changed = session.changed_categories()
        # Copy and list prepared, journalled with the edits, then renamed: none without its
        # record.
        saved = save_outputs(
            session,
            copy=output,
            worklist=worklist_path,
            with_original=args.with_original,
            before=[session.edit_event(batch, "apply")]
            if len(batch) and output is not None
            else [],
        )
    warnings: list[str] = []
    written_list = None
    if saved.worklist is not None:
        if not saved.worklist.same_encoding:
            warnings.append(
                "la liste contient des caractères que l'encodage de l'export ne sait pas écrire : "
                "elle a été enregistrée en UTF-8."
            )
        written_list = saved.worklist.entries

    _print_summary(result.rows, list(batch), changed, output, worklist_path, written_list)
    note = export.copy_note(output) if output is not None else None
    if note:
        print(note)
    for warning in warnings:
        print(f"huisclos : {warning}", file=sys.stderr)
    return 0


def _print_summary(
    rows: int,
    edits: list[Edit],
    categories: dict[CellKey, list[str]],
    output: Path | None,
    worklist_path: Path | None,
    worklist_entries: int | None,
) -> None:
    changed = len(edits)
    lines: list[str] = []
    if changed == 0:
        lines.append(
            f"Aucun commentaire à modifier sur {number(rows)} "
            f"{_plural(rows, 'ligne analysée', 'lignes analysées')}."
        )
    else:
        noun = _plural(changed, "commentaire corrigé", "commentaires corrigés")
        lines.append(
            f"{number(changed)} {noun} "
            f"sur {number(rows)} {_plural(rows, 'ligne analysée', 'lignes analysées')} :"
        )
        counts = Counter(category for found in categories.values() for category in found)
        for category in CATEGORIES:
            if counts[category]:
                lines.append(f"  {CATEGORY_LABELS[category]} : {number(counts[category])}")
        emptied = sum(1 for edit in edits if not edit.after)
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
