"""The Finding: one sensitive passage in one cell, and why it is a problem.

Its JSON form is a contract (DESIGN.md, one object per line of ``huisclos scan --format jsonl``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (plus ``sheet`` only when the file has several sheets)."""
        data: dict[str, Any] = {
            "row": self.row,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "severity": self.severity,
            "rule": self.rule,
            "match": self.match,
            "reasons": list(self.reasons),
            "suggestion": self.suggestion,
        }
        if self.sheet:
            data["sheet"] = self.sheet
        return data
