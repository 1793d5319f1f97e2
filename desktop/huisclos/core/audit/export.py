"""Exporting the decrypted log for the practice's GDPR register (CSV for Excel, or JSON), and
the way its times are shown to a French reader.

Threading: :func:`export_events` reads the log (under its lock) and writes one file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import AuditError
from ..safe_write import check_new_file, replace_atomically
from . import keys as keys_mod
from .describe_en import describe_in_english
from .events import describe
from .log import AuditLog


def local_time(iso: str) -> str:
    """An event time as a French reader expects it: ``23/11/2026 17:38`` in local time."""
    return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")


EXPORT_FIELDS = (
    "n°",
    "date",
    "événement",
    "libellé",
    "utilisateur",
    "version",
    "détails",
    "données",
)


EXPORT_FIELDS_EN = ("no.", "date", "event", "label", "user", "version", "details", "data")


def export_rows(
    events: Iterable[Mapping[str, Any]],
    language: str = "fr",
    labels: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One CSV row per event: French headers and details, or in English (the desktop app's
    English mode: English headers, :func:`.describe_en.describe_in_english`, and the event
    names in ``labels`` when given)."""
    english = language == "en"
    fields = EXPORT_FIELDS_EN if english else EXPORT_FIELDS
    details = describe_in_english if english else describe
    names = labels if english and labels else {}
    return [
        dict(
            zip(
                fields,
                (
                    event["seq"],
                    event["time"],
                    event["event"],
                    names.get(event["event"]) or event["label"],
                    event["user"],
                    event["app_version"],
                    details(event),
                    json.dumps(event["payload"], ensure_ascii=False, sort_keys=True),
                ),
                strict=True,
            )
        )
        for event in events
    ]


def export_events(
    log: AuditLog,
    path: str | Path,
    fmt: str | None = None,
    *,
    overwrite: bool = True,
    language: str = "fr",
    labels: Mapping[str, str] | None = None,
) -> int:
    """Write the decrypted log to ``path`` (CSV ``;`` UTF-8 with BOM for Excel, or JSON).

    ``fmt`` defaults to the extension. Written through a temporary file then renamed, 0600.
    ``overwrite=False`` (the CLI without ``--force``) refuses an existing file. Returns the
    number of events. ``language`` «en» (and the event names in ``labels``) gives the CSV's
    headers and details in English, for the desktop app's English mode; JSON is data, the same
    in both.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise AuditError(
            f"Le dossier « {target.parent} » n'existe pas : créez-le ou choisissez-en un autre."
        )
    protected = {
        p.resolve() for p in (log.path, log.head_path, log.lock_path, keys_mod.key_file_path())
    } | {log.path.with_name(log.path.name + s).resolve() for s in ("-wal", "-shm")}
    if target.resolve() in protected:
        raise AuditError(
            "L'export ne peut pas remplacer un fichier du journal : choisissez un autre nom."
        )
    kind = (fmt or target.suffix.lstrip(".")).lower()
    if kind not in ("csv", "json"):
        raise AuditError(
            f"Format d'export « {target.suffix or kind} » non pris en charge : choisissez un "
            "fichier .csv ou .json."
        )
    check_new_file(target, force=overwrite, error=AuditError)
    events = log.events()
    result = log.verify()
    if kind == "json":
        document = {
            "format": "huisclos-log-export",
            "version": 1,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "integrity": {"ok": result.ok, "message": result.message},
            "events": events,
        }
        data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer,
            fieldnames=EXPORT_FIELDS_EN if language == "en" else EXPORT_FIELDS,
            delimiter=";",
            lineterminator="\r\n",
        )
        writer.writeheader()
        writer.writerows(export_rows(events, language, labels))
        data = buffer.getvalue().encode("utf-8-sig")
    try:
        replace_atomically(target, lambda handle: handle.write(data))
    except OSError as error:
        raise AuditError(
            f"L'export du journal n'a pas pu être écrit dans {target} : vérifiez le dossier et "
            "l'espace disque."
        ) from error
    return len(events)
