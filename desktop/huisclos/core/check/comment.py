"""One comment checked before it is saved: its findings, its neutral proposals, and what a
notification may say about it.

:func:`check_comment` is the one call behind the app's «Vérifier un commentaire» box, the
clipboard watch and ``huisclos check``: the practice's detector (its own terms and allowed terms
included, :meth:`Detector.default`) finds the sensitive passages, :func:`suggest` ranks the
neutral rewrites, best first. A check takes well under a millisecond on a typical comment
(``tests/benchmarks/bench_check.py``), so the app runs it on the GUI thread as the user types.

:func:`notice_for` is what the clipboard watch may show in a system notification, which the OS
keeps in its history: the categories and a fixed reason per category — never a word of the
comment, not even the matched term.

Plain functions over an immutable Detector; safe from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..detect.categories import CATEGORIES, SEVERITY_RANK, at_least
from ..detect.detector import Detector
from ..detect.findings import Finding
from ..rewrite.suggestions import Suggestion, suggest

__all__ = ["CommentCheck", "Notice", "check_comment", "notice_for"]


@dataclass(frozen=True, slots=True)
class CommentCheck:
    """What a check found in ``text``: its findings (by offset) and its proposals, best first.

    Each finding carries the first proposal as its ``suggestion`` (what ``huisclos check
    --format jsonl`` prints) and ``row`` = the comment's number (1 unless several are checked).
    """

    text: str
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.findings)

    @property
    def proposal(self) -> str | None:
        """The first neutral proposal (``""``: empty the comment), None when nothing is found."""
        return self.suggestions[0].text if self.suggestions else None

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories found, in the contract's order."""
        found = {finding.category for finding in self.findings}
        return tuple(category for category in CATEGORIES if category in found)

    def worth_a_notice(self) -> bool:
        """True when a finding is of medium or high severity (the watch's threshold)."""
        return any(at_least(finding.severity, "medium") for finding in self.findings)


def check_comment(text: str, detector: Detector, *, number: int = 1) -> CommentCheck:
    """Check ``text`` with ``detector``: findings and ranked proposals (none for benign text).

    ``number`` becomes each finding's ``row`` (the comment's rank in a list of comments).
    """
    found = detector.detect(text, row=number) if text.strip() else []
    if not found:
        return CommentCheck(text, (), ())
    suggestions = tuple(suggest(text, found, detector=detector))
    first = suggestions[0].text if suggestions else None
    findings = tuple(replace(finding, suggestion=first) for finding in found)
    return CommentCheck(text, findings, suggestions)


# --- what a notification may say ---------------------------------------------------------------

CATEGORY_REASONS: dict[str, str] = {
    "health": "une information de santé relève du dossier médical, pas d'un commentaire "
    "administratif (RGPD art. 9).",
    "sex_life": "la vie sexuelle ou l'identité de genre est une donnée sensible (RGPD art. 9).",
    "religion": "une religion ou une conviction est une donnée sensible (RGPD art. 9).",
    "ethnic_origin": "une origine supposée est une donnée sensible (RGPD art. 9).",
    "political": "une opinion politique est une donnée sensible (RGPD art. 9).",
    "union": "une appartenance syndicale est une donnée sensible (RGPD art. 9).",
    "criminal": "une infraction ou une mesure de justice n'a pas sa place dans un commentaire "
    "(RGPD art. 10).",
    "social": "une mention de précarité est stigmatisante (Défenseur des droits, CNIL).",
    "judgement": "un commentaire doit rester objectif, jamais excessif ni blessant (CNIL).",
    "identifier": "un numéro ou un secret n'a rien à faire dans un commentaire (CNIL).",
}
"""Why each category is a problem, in one line that says nothing of the comment itself."""

assert set(CATEGORY_REASONS) == set(CATEGORIES)


@dataclass(frozen=True, slots=True)
class Notice:
    """What a notification about a copied comment says: ``categories`` (the most serious
    first), the ``reasons`` found (hearsay, third party, emphasis) and the highest
    ``severity``. Deliberately nothing of the text: the OS keeps notification history."""

    categories: tuple[str, ...]
    reasons: tuple[str, ...]
    severity: str

    @property
    def main_category(self) -> str:
        return self.categories[0]


def notice_for(check: CommentCheck) -> Notice | None:
    """The notice a copied comment deserves, or None (benign, or only low-severity findings:
    a functional need phrased as a condition is not worth interrupting someone for)."""
    serious = [f for f in check.findings if at_least(f.severity, "medium")]
    if not serious:
        return None
    order = {category: rank for rank, category in enumerate(CATEGORIES)}
    ranked = sorted(serious, key=lambda f: (-SEVERITY_RANK[f.severity], order[f.category]))
    categories = tuple(dict.fromkeys(f.category for f in ranked))
    reasons = tuple(dict.fromkeys(reason for f in ranked for reason in f.reasons))
    return Notice(categories, reasons, ranked[0].severity)
