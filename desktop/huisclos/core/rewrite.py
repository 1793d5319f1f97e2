"""Finding → ranked suggestions (keep the need, remove the clause, mask); tidy French output.

CONTRACT (the rewrites work fills in the bodies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .findings import Finding


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A whole-cell rewrite; ``kind`` is "rewrite" (keeps the need), "remove" or "mask"."""

    kind: str
    text: str
    label: str  # French, shown on the button


def suggest(text: str, findings: Sequence[Finding]) -> list[Suggestion]:
    """Ranked suggestions resolving every finding of the cell together; best first."""
    return []


def first_suggestion(text: str, findings: Sequence[Finding]) -> str | None:
    """The text a single click (or ``huisclos clean``) puts in the cell; None if no suggestion."""
    suggestions = suggest(text, findings)
    return suggestions[0].text if suggestions else None
