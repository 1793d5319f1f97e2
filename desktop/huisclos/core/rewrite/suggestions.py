"""Finding → ranked suggestions (keep the need, remove the clause, mask); tidy French output.

For one cell and all its findings together, :func:`suggest` proposes, best first:

1. ``rewrite`` — a neutral phrase that keeps the practical need (:mod:`.needs`: the lexicon
   rule's ``rewrite`` phrase or its ``keep`` patterns, a pointer to the medical record for
   safety-critical health, the rights' status in neutral words; «malentendant» → «Parler
   distinctement, privilégier l'écrit», but «malentendant, parler fort» → «Parler fort»), the
   other sensitive clauses removed;
2. ``remove`` — the sensitive clauses removed with what depends on them («car ses 2 frères sont
   suicidés», «d'après sa mère», «le père ne le supporte pas»: :mod:`.references`), every benign
   clause kept («Préfère RDV le matin. Porteuse sida !!! !!!!» → «Préfère RDV le matin.»); never
   offered when it would silently drop safety-critical information;
3. ``mask`` — the matched words replaced with «[retiré]».

A suggestion is never flagged again: each candidate is re-scanned with the detector and repaired
— more is removed or masked — or dropped while it still holds a finding. Made for every
category, it must come back clean at every severity; made for some categories or severities
(``clean --categories``/``--min-severity``, «Tout appliquer» of one category), clean of the chosen
categories at every severity and of anything new of medium or high severity. The ``remove``
suggestion always survives (at worst the emptied comment, "", or the pointer to the medical
record), so a cell with findings always gets a suggestion.

Only the findings passed in are resolved: the words of the findings left out are never removed
nor masked; a clause that holds both only loses the chosen finding's words («mère voilée sous
CMU», religion chosen → «Mère sous CMU»).

Pass the ``detector`` that produced the findings: the re-scan uses the same rules (practice
terms included). Threading: pure functions over an immutable Detector; safe to call from a
worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..detect.categories import SEVERITY_RANK
from ..detect.detector import Detector
from ..detect.findings import Finding
from .clauses import split_clauses
from .needs import POINTER, is_pointer, is_safety_critical
from .strategies import MASK, keep_needs, mask_words, remove_clauses, sensitive
from .tidy import has_words

logger = logging.getLogger(__name__)

__all__ = ["MASK", "Suggestion", "first_suggestion", "is_resolved", "suggest", "suggest_for_text"]

LABELS = {
    "rewrite": "Reformuler en gardant le besoin",
    "remove": "Retirer le passage sensible",
    "empty": "Vider le commentaire",
    "mask": "Masquer les mots sensibles",
}

_REPAIR_ROUNDS = 4


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A whole-cell rewrite; ``kind`` is "rewrite" (keeps the need), "remove" or "mask"."""

    kind: str
    text: str
    label: str  # French, shown on the button


def suggest(text: str, findings: Sequence[Finding], *, detector: Detector) -> list[Suggestion]:
    """Ranked suggestions resolving every finding of the cell together; best first.

    ``findings`` are those of this one cell (offsets into ``text``); pass the ``detector`` that
    found them when it is not the default one (practice terms), so the re-scan uses the same
    rules. Returns [] only when there is nothing to resolve.
    """
    try:
        return list(_suggestions(text, findings, detector))
    except Exception:  # a bug here must never stop a scan: fall back to the safe choice
        logger.exception("Suggestion failed; offering to empty the comment")
        return [Suggestion("remove", "", LABELS["empty"])] if findings else []


def first_suggestion(
    text: str,
    findings: Sequence[Finding],
    *,
    detector: Detector,
    complete: bool = False,
) -> str | None:
    """The text a single click (or ``huisclos clean``) puts in the cell; None if no suggestion.

    Computes only what the first suggestion needs (the scan calls this for every flagged cell).
    ``complete`` says that ``findings`` are every finding ``detector`` makes in ``text`` (as in
    a scan that keeps all categories), so the comment itself need not be scanned again.
    """
    try:
        first = next(_suggestions(text, findings, detector, complete), None)
    except Exception:  # a bug here must never stop a scan: fall back to the safe choice
        logger.exception("Suggestion failed; offering to empty the comment")
        return "" if findings else None
    return first.text if first is not None else None


def _suggestions(
    text: str, findings: Sequence[Finding], detector: Detector, complete: bool = False
) -> Iterator[Suggestion]:
    """The suggestions, best first, each computed only when asked for."""
    spans = _valid(text, findings)
    if not spans or not text:
        return
    check = _Checker(detector, text, spans, list(findings) if complete else None)
    clauses = split_clauses(text, joins=(finding.start for finding in spans))
    seen: set[str] = {text}

    def offer(kind: str, candidate: str | None) -> Suggestion | None:
        if candidate is None or candidate in seen:
            return None
        seen.add(candidate)
        label = LABELS["empty"] if kind == "remove" and not candidate else LABELS[kind]
        return Suggestion(kind, candidate, label)

    offered = 0
    protected = check.protected(text, spans)
    carried = sensitive(clauses, spans)
    rewritten = keep_needs(clauses, spans, detector, check.phrase_ok, protected, carried)
    if rewritten is not None:
        repaired = check.repair(rewritten, clauses_mode=True)
        suggestion = offer("rewrite", repaired if repaired and has_words(repaired) else None)
        if suggestion is not None:
            offered += 1
            yield suggestion
    # Safety-critical health information is never silently dropped: a removal that loses its
    # pointer to the medical record is not offered.
    safety = any(is_safety_critical(finding, text) for finding in spans)
    removed = check.repair(remove_clauses(clauses, spans, protected, carried), clauses_mode=True)
    if not safety or (removed and is_pointer(removed)):
        suggestion = offer("remove", removed if removed is not None else "")
        if suggestion is not None:
            offered += 1
            yield suggestion
    masked = check.repair(mask_words(text, spans, protected), clauses_mode=False)
    if masked is not None and has_words(masked.replace(MASK, "")):
        suggestion = offer("mask", masked)
        if suggestion is not None:
            offered += 1
            yield suggestion
    if not offered:
        yield (
            Suggestion("rewrite", POINTER, LABELS["rewrite"])
            if safety
            else Suggestion("remove", "", LABELS["empty"])
        )


def suggest_for_text(
    text: str,
    *,
    detector: Detector,
    categories: set[str] | None = None,
    min_severity: str = "low",
) -> tuple[list[Finding], list[Suggestion]]:
    """Detect then suggest, for a cell the user has just edited by hand (re-suggest)."""
    found = detector.detect(text)
    found = [
        finding
        for finding in found
        if (categories is None or finding.category in categories)
        and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[min_severity]
    ]
    return found, suggest(text, found, detector=detector)


def is_resolved(text: str, *, detector: Detector) -> bool:
    """True when ``text`` holds no finding of medium or high severity."""
    found = detector.detect(text)
    return not any(SEVERITY_RANK[finding.severity] >= SEVERITY_RANK["medium"] for finding in found)


def _valid(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Findings whose offsets fit the text (re-located by their match when they do not)."""
    valid: list[Finding] = []
    for finding in findings:
        start, end = finding.start, finding.end
        if not (0 <= start < end <= len(text)) or (
            finding.match and text[start:end] != finding.match
        ):
            where = text.find(finding.match) if finding.match else -1
            if where < 0:
                continue
            start, end = where, where + len(finding.match)
        valid.append(
            _moved(finding, start, end) if (start, end) != (finding.start, finding.end) else finding
        )
    return valid


def _moved(finding: Finding, start: int, end: int) -> Finding:
    return Finding(
        finding.row,
        finding.column,
        start,
        end,
        finding.category,
        finding.severity,
        finding.rule,
        finding.match,
        finding.reasons,
        finding.suggestion,
        finding.sheet,
    )


# --------------------------------------------------------------------------- never flagged again


class _Checker:
    """Re-scans a candidate; repairs it (removes or masks more) until nothing blocks."""

    def __init__(
        self,
        detector: Detector,
        text: str,
        findings: Sequence[Finding],
        original: list[Finding] | None = None,
    ) -> None:
        """``original``: every finding of ``text``, when the caller already has them."""
        self.detector = detector
        self.resolving = {finding.rule for finding in findings}
        if original is None:
            original = detector.detect(text)
        self._known = {text: original}  # the comment itself is scanned once
        # Rules the caller chose not to resolve (other categories, lower severities) may stay.
        self.tolerated = {finding.rule for finding in original} - self.resolving
        # Categories the caller chose: a rewrite is clean of them at every severity. Unfiltered
        # (nothing tolerated), it is clean of everything.
        self.categories = {finding.category for finding in findings}

    def blocking(self, text: str) -> list[Finding]:
        """Findings that forbid ``text`` as a suggestion."""
        found = self.detector.detect(text)
        if not self.tolerated:
            return list(found)
        return [
            finding
            for finding in found
            if finding.rule not in self.tolerated
            and (
                finding.rule in self.resolving
                or finding.category in self.categories
                or SEVERITY_RANK[finding.severity] >= 1
            )
        ]

    def protected(self, text: str, chosen: Sequence[Finding]) -> list[tuple[int, int]]:
        """Spans of ``text`` holding findings of the rules the caller chose not to resolve
        (another category, a lower severity — ``clean --categories``, «Tout appliquer» of one
        category): their words are never removed nor masked, except where they overlap a chosen
        finding's own words."""
        found = self._known.get(text)
        if found is None:
            found = self.detector.detect(text)
        return [
            (finding.start, finding.end)
            for finding in found
            if finding.rule in self.tolerated
            and not any(other.start < finding.end and finding.start < other.end for other in chosen)
        ]

    def phrase_ok(self, phrase: str) -> bool:
        """A lexicon phrase may be used only if it is not itself flagged."""
        blocking = self.blocking(phrase)
        if blocking:
            logger.warning("Réécriture du lexique signalée elle-même : %s", blocking[0].rule)
        return not blocking

    def repair(self, candidate: str, *, clauses_mode: bool) -> str | None:
        """``candidate`` made safe (by removing — or masking — what is still flagged), or None."""
        for _ in range(_REPAIR_ROUNDS):
            if not candidate:
                return candidate
            blocking = self.blocking(candidate)
            if not blocking:
                return candidate
            protected = self.protected(candidate, blocking)
            if clauses_mode:
                joins = (finding.start for finding in blocking)
                candidate = remove_clauses(split_clauses(candidate, joins), blocking, protected)
            else:
                candidate = mask_words(candidate, blocking, protected)
        if not self.blocking(candidate):
            return candidate
        return "" if clauses_mode else None
