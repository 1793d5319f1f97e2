"""What both faces write to the journal after each review step, built once here.

- :func:`scan_event` — the ``scan`` event of a scan result: counts per category, severity and
  rule, rows and comments flagged (the command line and the app log the same event);
- :func:`edit_event` — an applied, undone or redone batch (texts become keyed hashes when the
  event is written, :func:`huisclos.core.audit.log.record_edits`);
- :func:`ignore_event` — one passage ignored («Ignorer»), or that choice undone or redone;
- :func:`save_copy_event` and :func:`worklist_event` — a cleaned copy or a correction list
  written (or prepared, not yet renamed: :func:`~huisclos.core.safe_write.staged_outputs`),
  named by their fingerprints.

Figures only, never a word of a comment. Plain functions; safe from a worker thread.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..audit.events import (
    EditEvent,
    JournalEvent,
    file_written_payload,
    ignore_payload,
    loggable_name,
)
from ..detect.detector import Detector
from ..detect.findings import Finding
from ..edits import Edit, EditBatch
from ..exports.model import Export
from ..safe_write import output_fingerprint
from .scan import ScanResult


def scan_event(result: ScanResult, file_name: str) -> JournalEvent:
    """The ``scan`` event, from the figures the scan added up batch by batch, where each batch
    was analysed: the end of a big scan does not wait for 100,000 findings to be counted."""
    by_rule = result.findings_by_rule  # (rule index, severity) → findings
    categories: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    rule_ids: Counter[str] = Counter()
    rules = result.detector.rules
    for (index, severity), count in by_rule.items():
        rule = rules[index]
        categories[rule.category] += count
        severities[severity] += count
        pairs[(rule.category, severity)] += count
        rule_ids[rule.id] += count
    matrix: dict[str, dict[str, int]] = {}
    for (category, severity), count in sorted(pairs.items()):
        matrix.setdefault(category, {})[severity] = count
    payload: dict[str, Any] = {
        "findings": sum(by_rule.values()),
        "rows_flagged": result.rows_flagged,
        "by_category": dict(sorted(categories.items())),
        "by_severity": dict(sorted(severities.items())),
        "by_category_severity": matrix,
        "by_rule": dict(sorted(rule_ids.items())),
        "rows": result.rows,
        "fingerprint": result.fingerprint,
        "file_name": loggable_name(file_name),
        "duration_s": round(float(result.seconds), 3),
        "cells_flagged": result.flagged_cells,
        "counts": result.counts,  # category → severity → comments
    }
    return JournalEvent("scan", payload)


def edit_event(batch: EditBatch, action: str, *, export: Export, detector: Detector) -> EditEvent:
    """The ``edit`` event of ``batch`` once ``action`` (``apply``, ``undo`` or ``redo``) is done
    on it in ``export``; a hand-written text (label ``manual``) is logged as ``manual``."""
    edits = tuple(batch.inverted()) if action == "undo" else tuple(batch)
    if action == "apply" and batch.label == "manual":
        action = "manual"
    rule_ids = {rule for edit in edits for rule in edit.rule_ids}
    return EditEvent(
        edits=edits,
        action=action,
        rule_categories={rule: detector.rule_named(rule).category for rule in rule_ids},
        label=batch.label,
        fingerprint=export.fingerprint,
        file_name=export.path.name,
    )


def ignore_event(finding: Finding, action: str, *, export: Export) -> JournalEvent:
    """The ``ignore`` event once ``action`` (``apply``, ``undo`` or ``redo``) is done on the
    choice to leave ``finding`` as it is: its rule, category and cell, never its words."""
    payload = ignore_payload(
        action=action,
        rule=finding.rule,
        category=finding.category,
        row=finding.row,
        column=finding.column,
        sheet=finding.sheet,
    )
    payload["fingerprint"] = export.fingerprint
    payload["file_name"] = export.path.name
    return JournalEvent("ignore", payload)


def save_copy_event(export: Export, edits: list[Edit], target: Path) -> JournalEvent:
    """The ``save_copy`` event of the cleaned copy of ``export`` with ``edits``, just written at
    ``target``."""
    rows = len({(edit.sheet, edit.row) for edit in edits})
    return _written("save_copy", export, target, cells_changed=len(edits), rows_changed=rows)


def worklist_event(export: Export, target: Path, entries: int) -> JournalEvent:
    """The ``worklist`` event of the correction list of ``export`` just written at ``target``."""
    fmt = "xlsx" if target.suffix.lower() == ".xlsx" else "csv"
    return _written("worklist", export, target, entries=entries, format=fmt)


def _written(kind: str, export: Export, target: Path, **figures: int | str) -> JournalEvent:
    payload = file_written_payload(
        source_fingerprint=export.fingerprint,
        target_fingerprint=output_fingerprint(target),
        target_name=target.name,
        **figures,
    )
    return JournalEvent(kind, payload)
