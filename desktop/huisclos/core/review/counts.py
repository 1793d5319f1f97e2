"""The review's figures, defined once: comments to review, passages found, comments corrected.

Every face shows the same figures with the same words — the app's summary bar, the journal
view (``log show``), the self-check report and the command line — so that a secretary who
reads «132 commentaires à revoir» on the screen reads it again in the report and the journal:

- **commentaires signalés** (``flagged``): distinct comments (cells) with at least one
  sensitive passage in the file as it was read;
- **passages repérés** (``passages``): the sensitive passages found in them (a comment can
  hold several);
- **commentaires corrigés** (``corrected``): comments whose text was changed;
- **commentaires à revoir** (``to_review``): flagged comments still waiting for a decision
  (neither corrected nor left as they are).

Per category the figure is always a number of *comments* (a comment counts once per category).
Plain data; the French words are :func:`phrases`; the app translates the same words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..detect.findings import Finding
from ..french import plural


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """The figures of one reviewed export (see the module docstring for each one's meaning)."""

    flagged: int
    passages: int
    to_review: int
    corrected: int = 0
    patients: int = 0
    by_category: Mapping[str, int] = field(default_factory=dict)  # category → comments


def of_findings(
    findings: Iterable[Finding], *, patients: int = 0, corrected: int = 0
) -> ReviewCounts:
    """The figures of a scan's findings: every flagged comment is still to review, less the
    ``corrected`` ones (the command line reads those from the journal)."""
    cells: dict[tuple[str, int, str], set[str]] = {}
    passages = 0
    for finding in findings:
        passages += 1
        cells.setdefault((finding.sheet, finding.row, finding.column), set()).add(finding.category)
    by_category: Counter[str] = Counter()
    for categories in cells.values():
        by_category.update(categories)
    flagged = len(cells)
    return ReviewCounts(
        flagged=flagged,
        passages=passages,
        to_review=max(0, flagged - corrected),
        corrected=corrected,
        patients=patients,
        by_category=dict(by_category),
    )


def of_scan_payload(payload: Mapping[str, Any]) -> ReviewCounts | None:
    """The figures of a journal ``scan`` event (None for an event written before comments were
    counted in it)."""
    if payload.get("cells_flagged") is None or payload.get("counts") is None:
        return None
    by_category = {
        str(category): sum(int(n) for n in per.values())
        for category, per in (payload.get("counts") or {}).items()
    }
    flagged = int(payload["cells_flagged"])
    return ReviewCounts(
        flagged=flagged,
        passages=int(payload.get("findings", 0)),
        to_review=flagged,
        patients=int(payload.get("rows") or 0),
        by_category=by_category,
    )


def to_review(count: int) -> str:
    """«132 commentaires à revoir», «1 commentaire à revoir»."""
    return plural(count, "commentaire à revoir", "commentaires à revoir")


def flagged(count: int) -> str:
    """«120 commentaires signalés»."""
    return plural(count, "commentaire signalé", "commentaires signalés")


def passages(count: int) -> str:
    """«159 passages repérés»."""
    return plural(count, "passage repéré", "passages repérés")


def corrected(count: int) -> str:
    """«2 commentaires corrigés», «1 commentaire corrigé»."""
    return plural(count, "commentaire corrigé", "commentaires corrigés")


def patients(count: int) -> str:
    """«3 000 patients»."""
    return plural(count, "patient", "patients")


def phrases(counts: ReviewCounts) -> list[str]:
    """The figures in French, in the order every face shows them: «132 commentaires à revoir»,
    «159 passages repérés», «2 commentaires corrigés»."""
    return [to_review(counts.to_review), passages(counts.passages), corrected(counts.corrected)]
