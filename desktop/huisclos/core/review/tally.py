"""The review's running figures, kept up to date cell by cell as findings arrive and edits land.

The summary bar, the category list and the chart read the review's figures several times a
second while a scan runs and after every edit; counting every flagged comment again each time
cost the window tens of milliseconds on a large export. The tally remembers each cell's share
of the figures instead: when a cell changes, its old share is taken off and its new one added,
so reading the figures costs nothing however big the export.

Plain data, no Qt; not thread-safe (it belongs to its :class:`ReviewSession`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..detect.categories import CATEGORIES, SEVERITIES, SEVERITY_RANK
from ..detect.findings import Finding


@dataclass(frozen=True, slots=True)
class CategorySummary:
    """What the findings list shows for one category."""

    category: str
    findings: int  # findings still to review
    cells: int  # comments concerned
    severity: str  # the most serious severity among them


class _Share(NamedTuple):
    """One cell's part of the figures."""

    to_review: tuple[tuple[str, int, int], ...]  # (category, findings, worst severity rank)
    passages: int  # passages found in the cell as the file had it (0: not flagged)
    categories: tuple[str, ...]  # their categories, each once


_NOTHING = _Share((), 0, ())


class ReviewTally:
    """Comments to review and passages found, in total and per category, for every cell the
    session has told it about with :meth:`set`."""

    def __init__(self) -> None:
        self._shares: dict[Hashable, _Share] = {}
        self.to_review = 0  # cells with a finding still to review
        self.flagged = 0  # cells flagged in the file as it was read
        self.passages = 0  # passages found in them
        self._pending_findings: Counter[str] = Counter()  # category → findings to review
        self._pending_cells: Counter[tuple[str, int]] = Counter()  # (category, rank) → cells
        self._flagged_by_category: Counter[str] = Counter()  # category → flagged cells

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]

    def set(self, key: Hashable, to_review: Sequence[Finding], found: Sequence[Finding]) -> None:
        """The cell ``key`` now has ``to_review`` findings still waiting for a decision and
        ``found`` passages in the file's text (its findings before the user's first edit)."""
        share = _share(to_review, found)
        old = self._shares.pop(key, _NOTHING)
        if share == old:
            if share is not _NOTHING:
                self._shares[key] = share
            return
        self._count(old, -1)
        self._count(share, 1)
        if share.to_review or share.passages:
            self._shares[key] = share

    def _count(self, share: _Share, sign: int) -> None:
        if share.to_review:
            self.to_review += sign
            for category, findings, rank in share.to_review:
                self._pending_findings[category] += sign * findings
                self._pending_cells[(category, rank)] += sign
        if share.passages:
            self.flagged += sign
            self.passages += sign * share.passages
            for category in share.categories:
                self._flagged_by_category[category] += sign

    def by_category(self) -> dict[str, int]:
        """Flagged comments per category (a comment counts once in each of its categories)."""
        counted = self._flagged_by_category
        return {category: counted[category] for category in CATEGORIES if counted.get(category)}

    def summaries(self) -> list[CategorySummary]:
        """Per category with comments to review: findings, comments, worst severity — most
        serious first, then the most findings."""
        out = []
        for category in CATEGORIES:
            findings = self._pending_findings.get(category, 0)
            if not findings:
                continue
            cells = 0
            worst = "low"
            for rank, severity in enumerate(SEVERITIES):
                count = self._pending_cells.get((category, rank), 0)
                if count:
                    cells += count
                    worst = severity
            out.append(CategorySummary(category, findings, cells, worst))
        out.sort(key=lambda s: (-SEVERITY_RANK[s.severity], -s.findings))
        return out


def _share(to_review: Sequence[Finding], found: Sequence[Finding]) -> _Share:
    if not to_review:
        if not found:
            return _NOTHING
        return _Share((), len(found), tuple(dict.fromkeys(f.category for f in found)))
    pending: dict[str, list[int]] = {}
    for finding in to_review:
        rank = SEVERITY_RANK[finding.severity]
        entry = pending.get(finding.category)
        if entry is None:
            pending[finding.category] = [1, rank]
        else:
            entry[0] += 1
            entry[1] = max(entry[1], rank)
    if found is to_review:  # an unchanged cell, nothing ignored: one pass is enough
        categories = tuple(pending)
    else:
        categories = tuple(dict.fromkeys(finding.category for finding in found))
    return _Share(
        tuple((category, n, rank) for category, (n, rank) in pending.items()),
        len(found),
        categories,
    )
