"""The Finding: one sensitive passage in one cell, and why it is a problem — and its JSON line.

The JSON line is a contract (DESIGN.md, one object per line of ``huisclos scan --format jsonl``):
``{"row", "column", "start", "end", "category", "severity", "rule", "match", "reasons",
"suggestion"}`` in that order, plus ``"sheet"`` for the sheets of a workbook. This module is its
one encoder. :class:`RawFinding` is the detector's plain form of a finding (no row, no text),
what the scan's hot path moves around and worker processes send back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import NamedTuple

_string = json.encoder.encode_basestring  # type: ignore[attr-defined]  # the json module's C escaper


class RawFinding(NamedTuple):
    """A finding as the detector makes it: offsets in the cell, the rule's index in
    ``Detector.rules``, the severity (raised by qualifiers) and the qualifiers found."""

    start: int
    end: int
    rule: int
    severity: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A sensitive passage found in a cell.

    ``row`` is the 1-based data row (the header row excluded) and ``column`` the header text;
    ``start``/``end`` are character offsets in the cell text. ``suggestion`` is the whole cell
    rewritten by the first suggestion, shared by every finding of the same cell.
    ``sheet`` names the worksheet for multi-sheet Excel files and is empty for CSV.
    """

    row: int
    column: str
    start: int
    end: int
    category: str
    severity: str
    rule: str
    match: str
    reasons: tuple[str, ...] = ()
    suggestion: str | None = None
    sheet: str = ""
    explanation: str = field(default="", compare=False)


def json_line(finding: Finding) -> str:
    """The contract's JSON object of ``finding``, one line (``json.dumps(…, ensure_ascii=False)``
    spacing), newline included."""
    f = finding
    return json_head(f.row, f.column) + json_tail(
        f.start, f.end, f.category, f.severity, f.rule, f.match, f.reasons, f.suggestion, f.sheet
    )


def json_head(row: int, column: str) -> str:
    """The start of a finding's JSON line: its cell (equal comments share what follows)."""
    return f'{{"row": {row}, "column": {_string(column)}, '


def json_tail(
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
    """The rest of a finding's JSON line, after :func:`json_head`."""
    listed = ", ".join(map(_string, reasons))
    rewritten = "null" if suggestion is None else _string(suggestion)
    where = f', "sheet": {_string(sheet)}' if sheet else ""
    return (
        f'"start": {start}, "end": {end}, "category": {_string(category)}, '
        f'"severity": {_string(severity)}, "rule": {_string(rule)}, "match": {_string(match)}, '
        f'"reasons": [{listed}], "suggestion": {rewritten}{where}}}\n'
    )
