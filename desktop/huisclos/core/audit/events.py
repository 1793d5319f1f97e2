"""What goes into a log event — and what never does.

A payload holds counts, row numbers, rule ids, categories, fingerprints and keyed hashes: never
the text of a cell, a name or a word of the practice's lists. Three safeguards:

- builders (:func:`edit_payload`, :func:`file_written_payload`, :func:`settings_payload`,
  :func:`prevention_payload`; the scan's is ``review.journal_events.scan_event``) that keep only
  what may be kept — the faces use them (through :mod:`huisclos.core.review.journal_events`)
  rather than write dicts by hand;
- :class:`TextHasher`: before/after texts become HMAC-SHA256 hashes under a key derived from the
  log key, so the same text gives different hashes in two practices (no dictionary matching
  across logs) while a practice can still check «was this the text of row 12?»;
- :func:`check_payload`: refuses keys that carry text (``before``, ``after``, ``text``, ``match``,
  ``comment``, ``name``, ``terms``…) and strings that do not look like identifiers, except in a
  few structural fields (file name, column header, sheet, batch label) that are stored encrypted.
  :func:`strip_payload` is the lenient variant ``record_event`` uses: it drops what is refused.

Plain functions; safe from any thread.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ..detect.categories import CATEGORIES, CATEGORY_LABELS, SEVERITY_LABELS
from ..edits import Edit
from ..french import number, plural
from .records import TEXT_HASH_INFO, derive

EVENT_TYPES: tuple[str, ...] = (
    "scan",
    "edit",
    "ignore",
    "save_copy",
    "worklist",
    "settings_changed",
    "key_rotated",
    "verify",
    "report",
    "prevention",
    "write_failed",
)

EVENT_LABELS: dict[str, str] = {
    "scan": "Analyse",
    "edit": "Corrections",
    "ignore": "Passage ignoré",
    "save_copy": "Copie nettoyée",
    "worklist": "Liste de corrections",
    "settings_changed": "Réglages modifiés",
    "key_rotated": "Nouvelle clé",
    "verify": "Vérification du journal",
    "report": "Rapport d'autocontrôle",
    "prevention": "Vérifications avant saisie",
    "write_failed": "Enregistrement échoué",
}

FORBIDDEN_KEYS: frozenset[str] = frozenset(
    {
        "text", "texts", "before", "after", "old", "new", "match", "matches", "matched",
        "suggestion", "suggestions", "comment", "comments", "cell", "cells_text", "value",
        "values", "name", "names", "patient", "patients", "word", "words", "term", "terms",
        "allowlist", "extra_terms", "path", "paths", "file_path", "content", "snippet",
        "excerpt", "context", "line", "raw",
    }
)  # fmt: skip
"""Keys that would carry clear text; a payload holding one is refused (or stripped)."""

FREE_TEXT_KEYS: frozenset[str] = frozenset(
    {"file_name", "target_name", "source_name", "column", "columns", "sheet", "label", "problem"}
)
"""Structural labels allowed in any spelling: a file's base name, headers, sheet, batch label."""

_IDENT = re.compile(r"^[\w.:/+@\-]{0,128}$")
_MAX_FREE = 255
_MAX_DEPTH = 6


class ClearTextError(ValueError):
    """A payload would put clear text in the log (a programming error, not a user error)."""


def check_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-ready copy of ``payload``; raises :class:`ClearTextError` on anything refused."""
    problems: list[str] = []
    cleaned = _clean(payload, "", problems, depth=0)
    if problems:
        raise ClearTextError("payload refused for the log: " + "; ".join(problems))
    return cleaned


def strip_payload(payload: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Like :func:`check_payload` but drops what is refused; returns (payload, what was dropped)."""
    problems: list[str] = []
    return _clean(payload, "", problems, depth=0), problems


def _clean(value: Any, where: str, problems: list[str], depth: int) -> Any:
    if depth > _MAX_DEPTH:
        problems.append(f"{where or 'payload'}: nested too deep")
        return None
    kind = type(value)
    if kind is int or kind is float or value is None:  # the common cases first: an edit event
        return value  # holds tens of thousands of row numbers and identifiers
    if kind is str and _IDENT.match(value):
        return value
    if kind is dict:
        return _clean_mapping(value, where, problems, depth)
    if kind is list:  # before the (slow) abstract Mapping test
        return _clean_items(value, where, problems, depth)
    if isinstance(value, Mapping):
        return _clean_mapping(value, where, problems, depth)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return _clean_items(items, where, problems, depth)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        if _IDENT.match(value):
            return value
        problems.append(f"{where}: string is not an identifier (clear text?)")
        return _DROP
    problems.append(f"{where}: unsupported type {type(value).__name__}")
    return _DROP


# Below, what :func:`_clean` would return at once one level down (a number, an identifier, a
# dict or a list) is taken without going through it: an edit event holds 100,000 cells of six
# fields on a big export.


def _clean_mapping(
    value: Mapping[Any, Any], where: str, problems: list[str], depth: int
) -> dict[str, Any]:
    plain = depth < _MAX_DEPTH
    ident = _IDENT.match
    out: dict[str, Any] = {}
    for key, item in value.items():
        key_s = key if type(key) is str else str(key)
        verdict = _KEY_VERDICTS.get(key_s)
        if verdict is None:
            verdict = _key_verdict(key_s)
            if len(_KEY_VERDICTS) < 10_000:
                _KEY_VERDICTS[key_s] = verdict
        if verdict:
            problems.append(f"{where}.{key_s}: {verdict}" if where else f"{key_s}: {verdict}")
            continue
        kind = type(item)
        if key_s in FREE_TEXT_KEYS:
            if kind is str and len(item) <= _MAX_FREE:
                cleaned = encodable(item)  # what _free makes of one short string
            else:
                cleaned = _free(item, f"{where}.{key_s}" if where else key_s, problems)
        elif plain and (
            kind is int or kind is float or item is None or (kind is str and ident(item))
        ):
            cleaned = item
        elif plain and kind is list:
            cleaned = _clean_items(
                item, f"{where}.{key_s}" if where else key_s, problems, depth + 1
            )
        else:
            cleaned = _clean(item, f"{where}.{key_s}" if where else key_s, problems, depth + 1)
        if cleaned is not _DROP:
            out[key_s] = cleaned
    return out


def _clean_items(items: Any, where: str, problems: list[str], depth: int) -> list[Any]:
    plain = depth < _MAX_DEPTH
    ident = _IDENT.match
    kept = []
    for item in items:
        kind = type(item)
        if plain and kind is str and ident(item):
            kept.append(item)
        elif plain and kind is dict:
            kept.append(_clean_mapping(item, where, problems, depth + 1))
        else:
            cleaned = _clean(item, where, problems, depth + 1)
            if cleaned is not _DROP:
                kept.append(cleaned)
    return kept


# A payload's keys repeat (an edit event has the same few keys for each of its cells): each
# key is judged once per process; "" means accepted.
_KEY_VERDICTS: dict[str, str] = {}


def _key_verdict(key: str) -> str:
    if key.lower() in FORBIDDEN_KEYS:
        return "key may carry clear text"
    if not _IDENT.match(key):
        return "key is not an identifier"
    return ""


def _free(value: Any, where: str, problems: list[str]) -> Any:
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if item is not None and not (isinstance(item, str) and len(item) <= _MAX_FREE):
            problems.append(f"{where}: expected short strings")
            return _DROP
    kept = [encodable(item) if isinstance(item, str) else item for item in values]
    return kept if isinstance(value, (list, tuple)) else kept[0]


def encodable(text: str) -> str:
    """``text`` as UTF-8 can always hold it: a file name the OS gave as undecodable bytes
    (Python's surrogate escapes) keeps those bytes as ``\\xNN``, so the journal can take it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def loggable_name(path: Path | str) -> str:
    """A file's base name as a journal event keeps it: always encodable, at most 255
    characters (a longer one keeps its start and its extension)."""
    name = encodable(Path(path).name)
    if len(name) > _MAX_FREE:
        suffix = Path(name).suffix[:20]
        name = name[: _MAX_FREE - len(suffix) - 1] + "…" + suffix
    return name


class _Drop:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<dropped>"


_DROP: Any = _Drop()


# --- keyed hashes of texts ---------------------------------------------------------------------


class TextHasher:
    """HMAC-SHA256 of texts under a key derived from one log key (128-bit hex digests)."""

    def __init__(self, log_key: bytes, key_id: str) -> None:
        self._keyed = hmac.new(derive(log_key, TEXT_HASH_INFO), digestmod=hashlib.sha256)
        self.key_id = key_id

    def hash(self, text: str) -> str:
        keyed = self._keyed.copy()  # the key's padding computed once, not for every text
        keyed.update(text.encode("utf-8"))
        return keyed.hexdigest()[:32]

    def pair(self, before: str, after: str) -> tuple[str, str]:
        """``hash_texts``: the keyed hashes of a cell's text before and after an edit."""
        return self.hash(before), self.hash(after)


# --- builders ----------------------------------------------------------------------------------


class JournalEvent(NamedTuple):
    """One event for the journal: its type and its payload (figures only, never text)."""

    kind: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EditEvent:
    """An applied, undone or redone batch as the journal keeps it: its cells' rows, columns, rule
    ids and categories — the texts only as keyed hashes, made when the event is written.

    ``action`` is ``apply``, ``undo``, ``redo`` or ``manual``; ``rule_categories`` gives each rule
    id's category (the rules' own, not a guess from the id).
    """

    edits: tuple[Edit, ...]
    action: str
    rule_categories: Mapping[str, str]
    label: str = ""
    fingerprint: str = ""
    file_name: str = ""


def edit_payload(event: EditEvent, hasher: TextHasher) -> dict[str, Any]:
    """The ``edit`` payload: per cell its row, column, sheet, rule ids, categories and the keyed
    hashes of its text before and after; cells per rule and per category."""
    cells: list[dict[str, Any]] = []
    every_rule: list[str] = []  # counted once at the end (a Counter update per cell is slow)
    every_category: list[str] = []
    rows: set[tuple[str, int]] = set()
    categories_of: dict[tuple[str, ...], list[str]] = {}  # rule ids → their categories
    for edit in event.edits:
        rule_ids = tuple(edit.rule_ids)
        known = categories_of.get(rule_ids)
        if known is None:
            found = {event.rule_categories[rule] for rule in rule_ids}
            known = categories_of[rule_ids] = [c for c in CATEGORIES if c in found]
        before_hash, after_hash = hasher.pair(edit.before, edit.after)
        cell: dict[str, Any] = {
            "row": edit.row,
            "column": edit.column,
            "rules": list(edit.rule_ids),
            "categories": list(known),
            "before_hash": before_hash,
            "after_hash": after_hash,
        }
        if edit.sheet:
            cell["sheet"] = edit.sheet
        cells.append(cell)
        rows.add((edit.sheet, edit.row))
        every_rule.extend(edit.rule_ids)
        every_category.extend(known)
    rules = Counter(every_rule)
    categories = Counter(every_category)
    payload: dict[str, Any] = {
        "action": event.action,
        "cells": len(cells),
        "rows": len(rows),
        "rules": dict(sorted(rules.items())),
        "categories": dict(sorted(categories.items())),
        "hash_key_id": hasher.key_id,
        "edits": cells,
    }
    if event.label:
        payload["label"] = event.label
    if event.fingerprint:
        payload["fingerprint"] = event.fingerprint
    if event.file_name:
        payload["file_name"] = loggable_name(event.file_name)
    return payload


def file_written_payload(
    *, source_fingerprint: str, target_fingerprint: str, target_name: str, **figures: int | str
) -> dict[str, Any]:
    """A ``save_copy`` or ``worklist`` event: which export, which file written from it (both by
    fingerprint, the written file's base name), and its figures (cells and rows changed,
    entries, format)."""
    return {
        "fingerprint": source_fingerprint,
        "target_fingerprint": target_fingerprint,
        "target_name": loggable_name(target_name),
        **figures,
    }


def ignore_payload(
    *, action: str, rule: str, category: str, row: int, column: str, sheet: str = ""
) -> dict[str, Any]:
    """An ``ignore`` event: one passage left as it is («Ignorer»), or that choice undone or
    redone — the rule id, its category and the cell's place, never the passage itself."""
    payload: dict[str, Any] = {
        "action": action,
        "rule": rule,
        "category": category,
        "row": int(row),
        "column": column,
    }
    if sheet:
        payload["sheet"] = sheet
    return payload


def settings_payload(**counts: int) -> dict[str, Any]:
    """A ``settings_changed`` event: counts only (``allowlist_added=2, terms_removed=1``)."""
    return {key: int(value) for key, value in sorted(counts.items())}


PREVENTION_SOURCES: dict[str, str] = {
    "check_box": "vérifier un commentaire",
    "watcher": "veille du presse-papiers",
}
"""The ``prevention`` event's parts: the check box and the clipboard watch."""

PREVENTION_FIGURES: tuple[str, ...] = ("checked", "flagged", "proposals_copied")


def prevention_payload(day: str, sources: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """A ``prevention`` event: one day's use of the check box and of the clipboard watch.

    Its schema: ``{"day": "AAAA-MM-JJ", "check_box"|"watcher": {"checked": n, "flagged": n,
    "proposals_copied": n, "by_category": {category id: n}}}`` — comments checked, comments
    flagged, proposals copied, flagged comments per category. Counts only: never a text, a word
    or a hash of one. Raises ``ValueError`` on anything else (a programming error).
    """
    when = date.fromisoformat(day).isoformat()
    payload: dict[str, Any] = {"day": when}
    for source, figures in sources.items():
        if source not in PREVENTION_SOURCES:
            raise ValueError(f"prevention: unknown source {source!r}")
        part: dict[str, Any] = {}
        for key in PREVENTION_FIGURES:
            part[key] = _count(figures.get(key, 0), f"{source}.{key}")
        by_category = figures.get("by_category") or {}
        unknown = set(by_category) - set(CATEGORIES)
        if unknown or set(figures) - {*PREVENTION_FIGURES, "by_category"}:
            raise ValueError(f"prevention: unexpected figures in {source!r}")
        part["by_category"] = {
            category: _count(by_category[category], f"{source}.{category}")
            for category in CATEGORIES
            if by_category.get(category)
        }
        payload[source] = part
    return payload


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"prevention: {where} is not a count")
    return value


SETTING_LABELS: dict[str, str] = {
    "allowlist_added": "exceptions ajoutées :",
    "allowlist_removed": "exceptions retirées :",
    "terms_added": "termes ajoutés :",
    "terms_removed": "termes retirés :",
    "rule": "règle",
    "category": "catégorie",
}

# --- reading events back -----------------------------------------------------------------------


def _describe_scan(data: Mapping[str, Any]) -> str:
    """«132 commentaires à revoir, 159 passages repérés, sur 3 000 lignes (santé 67, …)»: the
    figures of :mod:`huisclos.core.review.counts`, per category in comments."""
    from ..review import counts as review_counts

    counts = review_counts.of_scan_payload(data)
    rows = f" sur {plural(int(data['rows']), 'ligne')}" if data.get("rows") is not None else ""
    if counts is None:  # an event written before comments were counted in it
        text = review_counts.passages(int(data.get("findings", 0))) + rows
        by_category = data.get("by_category") or {}
    else:
        text = (
            f"{review_counts.to_review(counts.to_review)}, "
            f"{review_counts.passages(counts.passages)},{rows}"
        )
        by_category = counts.by_category
    detail = _counts({c: by_category[c] for c in CATEGORIES if by_category.get(c)}, CATEGORY_LABELS)
    severity = _counts(data.get("by_severity") or {}, SEVERITY_LABELS)
    if detail:
        text += f" ({detail})"
    if severity and counts is None:
        text += f" ; gravité : {severity}"
    return text


def _counts(mapping: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    parts = [
        f"{labels.get(key, key).lower()} {number(value)}" for key, value in mapping.items() if value
    ]
    return ", ".join(parts)


def describe(event: Mapping[str, Any]) -> str:
    """One French line summing up an event, for ``log show`` and the app's log view."""
    kind = event.get("event")
    data: Mapping[str, Any] = event.get("payload") or {}
    name = data.get("file_name") or data.get("target_name")
    prefix = f"{name} — " if name else ""
    if kind == "scan":
        return prefix + _describe_scan(data)
    if kind == "edit":
        count = int(data.get("cells", 0))
        action = str(data.get("action"))
        if action == "undo":
            text = "correction annulée : " + plural(
                count, "commentaire remis", "commentaires remis"
            )
            text += " comme avant"
        elif action == "redo":
            text = plural(count, "commentaire corrigé", "commentaires corrigés") + " de nouveau"
        else:
            text = plural(count, "commentaire corrigé", "commentaires corrigés")
        text = f"{prefix}{text} sur {plural(int(data.get('rows', 0)), 'ligne')}"
        detail = _counts(data.get("categories") or {}, CATEGORY_LABELS)
        return text + (f" ({detail})" if detail else "")
    if kind == "ignore":
        what = {"undo": "ignorer annulé", "redo": "passage ignoré de nouveau"}.get(
            str(data.get("action")), "passage ignoré"
        )
        category = CATEGORY_LABELS.get(str(data.get("category")), str(data.get("category", "")))
        return f"{prefix}ligne {number(data.get('row', 0))} : {what} ({category.lower()})"
    if kind == "save_copy":
        changed = int(data.get("cells_changed", 0))
        corrected = plural(changed, "commentaire corrigé", "commentaires corrigés")
        return f"{prefix}{corrected} dans la copie"
    if kind == "worklist":
        entries = int(data.get("entries", 0))
        return f"{prefix}{plural(entries, 'correction à reporter', 'corrections à reporter')}"
    if kind == "write_failed":
        written = EVENT_LABELS.get(str(data.get("of")), "fichier").lower()
        return f"{prefix}{written} préparée et inscrite, mais pas enregistrée (renommage refusé)"
    if kind == "key_rotated":
        return f"clé {data.get('old_key_id', '?')} remplacée par {data.get('new_key_id', '?')}"
    if kind == "verify":
        if data.get("ok", True):
            return f"journal intègre : {plural(int(data.get('events', 0)), 'événement')}"
        return f"anomalie : {data.get('problem', '?')} (n° {data.get('first_bad_seq', '?')})"
    if kind == "prevention":
        return _describe_prevention(data)
    if kind == "report":
        text = f"rapport {str(data.get('format') or '').upper()}".rstrip()
        if data.get("flagged_comments") is not None:
            text += " : " + plural(
                int(data["flagged_comments"]), "commentaire signalé", "commentaires signalés"
            )
        if data.get("rows") is not None:
            text += f" sur {plural(int(data['rows']), 'ligne')}"
        return text
    parts = [
        f"{SETTING_LABELS.get(key, key)} {number(value)}"
        for key, value in data.items()
        if isinstance(value, (int, float, bool)) or (isinstance(value, str) and len(value) < 40)
    ]
    return ", ".join(parts)


def _describe_prevention(data: Mapping[str, Any]) -> str:
    """«03/12/2026 — vérifier un commentaire : 4 vérifiés, 2 à revoir (santé 2), 1 proposition
    copiée ; veille du presse-papiers : …»"""
    try:
        day = date.fromisoformat(str(data.get("day"))).strftime("%d/%m/%Y")
    except ValueError:
        day = "?"
    parts = []
    for source, label in PREVENTION_SOURCES.items():
        figures = data.get(source)
        if not isinstance(figures, Mapping):
            continue
        text = (
            f"{label} : {plural(int(figures.get('checked', 0)), 'vérifié')}, "
            f"{number(figures.get('flagged', 0))} à revoir"
        )
        detail = _counts(figures.get("by_category") or {}, CATEGORY_LABELS)
        if detail:
            text += f" ({detail})"
        if figures.get("proposals_copied"):
            copied = int(figures["proposals_copied"])
            text += f", {plural(copied, 'proposition copiée', 'propositions copiées')}"
        parts.append(text)
    return f"{day} — " + (" ; ".join(parts) or "aucune vérification")
