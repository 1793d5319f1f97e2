"""``huisclos log show|verify|export`` — read, check and export the encrypted log.

- ``show [--since DATE] [--format table|jsonl]``: the decrypted events, a French table by default;
- ``verify``: exit 0 and «journal intègre : N événements», or exit 1 naming the first bad
  sequence number and what is wrong (altéré, manquant, déplacé, tronqué, mauvaise clé);
- ``export -o FILE [--format csv|json]``: a decrypted copy for the practice's GDPR register;
- ``rotate-key``: new events use a new key; older ones keep theirs (nothing is re-encrypted).

Without a system keyring the log's key file needs ``$HUISCLOS_PASSPHRASE``; a missing or wrong
passphrase is a French message and exit 2, with nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.audit.events import describe
from ..core.audit.export import export_events, local_time
from ..core.audit.log import AuditLog, open_log
from ..core.errors import AuditError
from ..core.french import plural
from ._options import add_force_option, add_output_option


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="log_action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    show = actions.add_parser(
        "show", help="Affiche les événements du journal", description="Affiche le journal."
    )
    show.add_argument(
        "--since",
        metavar="DATE",
        help="seulement les événements depuis cette date (2026-01-31 ou 31/01/2026)",
    )
    show.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="tableau lisible (par défaut) ou un objet JSON par ligne",
    )
    actions.add_parser(
        "verify",
        help="Vérifie que le journal n'a pas été modifié",
        description="Vérifie que chaque événement se déchiffre et que la chaîne est complète.",
    )
    export = actions.add_parser(
        "export",
        help="Exporte le journal déchiffré (CSV ou JSON)",
        description="Exporte le journal déchiffré pour le registre RGPD du cabinet.",
    )
    add_output_option(export, "FICHIER", "le fichier à écrire", required=True)
    export.add_argument(
        "--format", choices=("csv", "json"), help="par défaut : d'après l'extension du fichier"
    )
    add_force_option(export, "remplacer FICHIER s'il existe déjà")
    actions.add_parser(
        "rotate-key",
        help="Passe à une nouvelle clé de chiffrement (l'historique reste lisible)",
        description="Les prochains événements utiliseront une nouvelle clé ; les anciens gardent "
        "la leur et restent lisibles. Rien n'est rechiffré.",
    )


def run(args: argparse.Namespace) -> int:
    action = args.log_action
    log = open_log()
    try:
        if action == "show":
            return _show(log, args.since, args.format)
        if action == "verify":
            return _verify(log)
        if action == "rotate-key":
            print(f"nouvelle clé du journal : {log.rotate_key()} (l'historique reste lisible)")
            return 0
        return _export(log, Path(args.output), args.format, force=args.force)
    finally:
        log.close()


def _show(log: AuditLog, since: str | None, fmt: str) -> int:
    events = log.events(since)
    if fmt == "jsonl":
        for event in events:
            print(json.dumps(event, ensure_ascii=False, sort_keys=True))
        return 0
    if not events:
        print("Le journal est vide." if since is None else "Aucun événement depuis cette date.")
        return 0
    header = ("n°", "date", "événement", "détails")
    rows = [
        (str(event["seq"]), local_time(event["time"]), event["label"], describe(event))
        for event in events
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(3)]
    for row in (header, *rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[3]]))
    return 0


def _verify(log: AuditLog) -> int:
    result = log.verify()
    print(result.message)
    if not result.ok:
        return 1
    try:
        log.append("verify", {"ok": True, "events": result.events})
    except AuditError as error:
        print(f"huisclos : attention — {error.message}", file=sys.stderr)
    return 0


def _export(log: AuditLog, output: Path, fmt: str | None, *, force: bool = False) -> int:
    count = export_events(log, output, fmt, overwrite=force)
    result = log.verify()
    if not result.ok:
        print(f"huisclos : attention — {result.message}", file=sys.stderr)
    print(f"{plural(count, 'événement exporté', 'événements exportés')} dans {output}")
    return 0
