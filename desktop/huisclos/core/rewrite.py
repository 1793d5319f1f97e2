"""Finding → ranked suggestions (keep the need, remove the clause, mask); tidy French output.

For one cell and all its findings together, :func:`suggest` proposes, best first:

1. ``rewrite`` — a neutral phrase that keeps the practical need, from the lexicon rule's
   ``rewrite`` phrase or its ``keep`` patterns («malentendant – parler fort» → «Parler
   distinctement, privilégier l'écrit»; «transgenre, se fait appeler Léa» → «Prénom d'usage :
   Léa»), the other sensitive clauses removed;
2. ``remove`` — the sensitive clauses removed with what depends on them («car ses 2 frères sont
   suicidés», «d'après sa mère»), every benign clause kept («Préfère RDV le matin. Porteuse sida
   !!! !!!!» → «Préfère RDV le matin.»);
3. ``mask`` — the matched words replaced with «[retiré]».

A suggestion is never flagged again: each candidate is re-scanned with the detector, and one that
still holds a finding of medium or high severity (or of a rule it was meant to resolve) is
repaired — more is removed or masked — or dropped. The ``remove`` suggestion always survives
(at worst the emptied comment, ""), so a cell with findings always gets a suggestion.

Pass the ``detector`` that produced the findings (the scan and the desktop session do); without
one, ``Detector.default()`` is used. Threading: pure functions over an immutable Detector; safe
to call from a worker thread.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .categories import CATEGORIES, SEVERITY_RANK
from .clauses import Clauses, split_clauses
from .edits import CellKey, Edit
from .findings import Finding
from .tidy import fit_to_encoding, has_words, tidy

if TYPE_CHECKING:
    from .detect import Detector
    from .lexicon import Rule

logger = logging.getLogger(__name__)

__all__ = [
    "MASK",
    "CleaningPlan",
    "Suggestion",
    "first_suggestion",
    "is_resolved",
    "plan_cleaning",
    "suggest",
    "suggest_for_text",
]

MASK = "[retiré]"

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


# --------------------------------------------------------------------------- detector access


def _default_detector() -> Detector | None:
    """The bundled detector with the practice's terms (``Detector.default`` caches it and
    rebuilds it when a lexicon or practice file changes); None if unavailable."""
    try:
        from .detect import Detector

        return Detector.default()
    except NotImplementedError:  # pragma: no cover - detector not built yet
        return None


def _rule(detector: Detector | None, rule_id: str) -> Rule | None:
    if detector is None:
        return None
    try:
        return detector.lexicon.rule(rule_id)
    except (KeyError, LookupError, NotImplementedError, AttributeError):
        return None


def _detect(detector: Detector | None, text: str) -> list[Finding] | None:
    if detector is None:
        return None
    try:
        return detector.detect(text)
    except NotImplementedError:
        return None


# --------------------------------------------------------------------------- public API


def suggest(
    text: str, findings: Sequence[Finding], *, detector: Detector | None = None
) -> list[Suggestion]:
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
    text: str, findings: Sequence[Finding], *, detector: Detector | None = None
) -> str | None:
    """The text a single click (or ``huisclos clean``) puts in the cell; None if no suggestion.

    Computes only what the first suggestion needs (the scan calls this for every flagged cell).
    """
    try:
        first = next(_suggestions(text, findings, detector), None)
    except Exception:  # a bug here must never stop a scan: fall back to the safe choice
        logger.exception("Suggestion failed; offering to empty the comment")
        return "" if findings else None
    return first.text if first is not None else None


def _suggestions(
    text: str, findings: Sequence[Finding], detector: Detector | None
) -> Iterator[Suggestion]:
    """The suggestions, best first, each computed only when asked for."""
    spans = _valid(text, findings)
    if not spans or not text:
        return
    detector = detector if detector is not None else _default_detector()
    check = _Checker(detector, text, spans)
    clauses = split_clauses(text)
    seen: set[str] = {text}

    def offer(kind: str, candidate: str | None) -> Suggestion | None:
        if candidate is None or candidate in seen:
            return None
        seen.add(candidate)
        label = LABELS["empty"] if kind == "remove" and not candidate else LABELS[kind]
        return Suggestion(kind, candidate, label)

    offered = 0
    rewritten = _rewrite(clauses, spans, detector, check.phrase_ok)
    if rewritten is not None:
        repaired = check.repair(rewritten, clauses_mode=True)
        suggestion = offer("rewrite", repaired if repaired and has_words(repaired) else None)
        if suggestion is not None:
            offered += 1
            yield suggestion
    removed = check.repair(_remove(clauses, spans), clauses_mode=True)
    suggestion = offer("remove", removed if removed is not None else "")
    if suggestion is not None:
        offered += 1
        yield suggestion
    masked = check.repair(_mask(text, spans), clauses_mode=False)
    if masked is not None and has_words(masked.replace(MASK, "")):
        suggestion = offer("mask", masked)
        if suggestion is not None:
            offered += 1
            yield suggestion
    if not offered:
        yield Suggestion("remove", "", LABELS["empty"])


def suggest_for_text(
    text: str,
    *,
    detector: Detector | None = None,
    categories: set[str] | None = None,
    min_severity: str = "low",
) -> tuple[list[Finding], list[Suggestion]]:
    """Detect then suggest, for a cell the user has just edited by hand (re-suggest)."""
    detector = detector if detector is not None else _default_detector()
    found = _detect(detector, text) or []
    found = [
        finding
        for finding in found
        if (categories is None or finding.category in categories)
        and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[min_severity]
    ]
    return found, suggest(text, found, detector=detector)


def is_resolved(text: str, *, detector: Detector | None = None) -> bool:
    """True when ``text`` holds no finding of medium or high severity."""
    detector = detector if detector is not None else _default_detector()
    found = _detect(detector, text) or []
    return not any(SEVERITY_RANK[finding.severity] >= SEVERITY_RANK["medium"] for finding in found)


@dataclass
class CleaningPlan:
    """The first suggestion of every flagged cell, as edits ready for ``Export.write_copy``."""

    edits: list[Edit] = field(default_factory=list)
    categories: dict[CellKey, tuple[str, ...]] = field(default_factory=dict)
    cells_flagged: int = 0

    def counts_by_category(self) -> dict[str, int]:
        """Comments changed per category id (a comment counts once in each of its categories)."""
        counts: dict[str, int] = {}
        for edit in self.edits:
            for category in self.categories.get(edit.key, ()):
                counts[category] = counts.get(category, 0) + 1
        return {category: counts[category] for category in CATEGORIES if category in counts}


def plan_cleaning(
    findings: Iterable[Finding],
    text_of: Callable[[CellKey], str],
    *,
    detector: Detector | None = None,
    codec: str | None = None,
) -> CleaningPlan:
    """Group ``findings`` by cell, resolve each cell with its first suggestion, return the edits
    (in file order) — what «Tout appliquer» and ``huisclos clean`` do.

    ``text_of((sheet, row, column))`` returns a cell's current text; ``codec`` (the CSV's
    encoding) replaces characters it cannot write («’» → «'») so the copy can always be saved.
    A finding's own ``suggestion`` is not trusted blindly: it is recomputed from the cell's
    findings so that a filtered set of findings (categories, severity) gets a matching rewrite.
    """
    by_cell: dict[CellKey, list[Finding]] = {}
    for finding in findings:
        by_cell.setdefault((finding.sheet, finding.row, finding.column), []).append(finding)
    plan = CleaningPlan(cells_flagged=len(by_cell))
    memo: dict[tuple, str | None] = {}  # exports repeat comments («CMU», «diabétique»)
    for key in sorted(by_cell):
        cell_findings = sorted(by_cell[key], key=lambda finding: (finding.start, finding.end))
        text = text_of(key)
        memo_key = (text, tuple((f.start, f.end, f.rule, f.category) for f in cell_findings))
        if memo_key in memo:
            after = memo[memo_key]
        else:
            after = first_suggestion(text, cell_findings, detector=detector)
            if after is not None and codec:
                after = fit_to_encoding(after, codec)
            memo[memo_key] = after
        if after is None or after == text:
            continue
        rules = tuple(dict.fromkeys(finding.rule for finding in cell_findings))
        plan.edits.append(Edit(key[1], key[2], text, after, rules, key[0]))
        found = {finding.category for finding in cell_findings}
        plan.categories[key] = tuple(category for category in CATEGORIES if category in found)
    return plan


# --------------------------------------------------------------------------- the three kinds


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


# A token that looks like a secret: letters and digits mixed, a long number, an e-mail address.
_SECRET_TOKEN = re.compile(r"\S*\d\S*[^\W\d_]\S*|\S*[^\W\d_]\S*\d\S*|\d{4,}|\S+@\S+", re.UNICODE)


def _secret_clauses(clauses: Clauses, finding: Finding) -> list[int]:
    """The clauses an identifier takes with it, so that no part of a secret survives.

    A number found by its checksum (NIR, IBAN, card) goes with its label («n° sécu : …»). A login
    or password found by its context word («mdp», «mot de passe», «identifiant») hides its value
    somewhere after the word — «mot de passe oublié, nouveau : Bebe2024» — so everything from
    that word to the end of the sentence goes, and so does an earlier clause of the sentence that
    holds a secret-looking token («Roux1985, c'est son mdp»).
    """
    indexes = clauses.overlapping(finding.start, finding.end)
    if sum(char.isdigit() for char in finding.match) >= 4:
        return sorted({i for index in indexes for i in clauses.labelled(index)})
    taken: set[int] = set()
    for index in indexes:
        for other in clauses.sentence_of(index):
            if other >= index or _SECRET_TOKEN.search(clauses.segment_text(other)):
                taken.add(other)
        taken.update(clauses.labelled(index))
    return sorted(taken)


def _sensitive(clauses: Clauses, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    """Clause index → the findings it carries (an identifier carries its secret's clauses)."""
    carried: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.category == "identifier":
            indexes = _secret_clauses(clauses, finding)
        else:
            indexes = clauses.overlapping(finding.start, finding.end)
        for index in indexes:
            carried.setdefault(index, []).append(finding)
    return carried


def _remove(clauses: Clauses, findings: Sequence[Finding]) -> str:
    carried = _sensitive(clauses, findings)
    return clauses.rebuild(clauses.dependents(carried))


def _rewrite(
    clauses: Clauses,
    findings: Sequence[Finding],
    detector: Detector | None,
    phrase_ok: Callable[[str], bool] = lambda phrase: True,
) -> str | None:
    """The need-keeping rewrite, or None when no finding's rule offers one."""
    carried = _sensitive(clauses, findings)
    replaced: dict[int, str] = {}
    consumed: set[int] = set()
    phrases_seen: set[str] = set()
    ordered = sorted(findings, key=lambda finding: (finding.start, finding.end))
    for finding in ordered:
        rule = _rule(detector, finding.rule)
        if rule is None:
            continue
        for pattern, template in rule.keep:
            try:
                match = re.search(pattern, clauses.text)
            except re.error:
                logger.warning("Motif « keep » invalide dans la règle %s", rule.id)
                continue
            if match is None:
                continue
            try:
                phrase = match.expand(template).strip()
            except (re.error, IndexError):
                logger.warning("Modèle « keep » invalide dans la règle %s", rule.id)
                continue
            if not phrase_ok(phrase):
                continue
            indexes = clauses.overlapping(*match.span())
            if _already_said(clauses, indexes, carried, phrase):
                # The benign clause already states the need in full («pas de RDV avant 17h le
                # vendredi» holds «RDV avant 17h»): keep it as written.
                break
            _place(phrase, indexes, replaced, consumed, phrases_seen)
            break
    for finding in ordered:
        rule = _rule(detector, finding.rule)
        phrase = (rule.rewrite or "").strip() if rule is not None else ""
        if not phrase or not phrase_ok(phrase):
            continue
        indexes = sorted(
            index for index, carried_findings in carried.items() if finding in carried_findings
        )
        free = [index for index in indexes if index not in replaced]
        if not free and indexes:
            continue
        _place(phrase, free or indexes, replaced, consumed, phrases_seen)
    if not replaced:
        return None
    gone = clauses.dependents(set(carried) | consumed | set(replaced), replaced) - set(replaced)
    gone |= _redundant(clauses, replaced, gone)
    return clauses.rebuild(gone, replaced)


def _already_said(
    clauses: Clauses, indexes: Sequence[int], carried: dict[int, list[Finding]], phrase: str
) -> bool:
    """True when ``phrase`` is only a piece of benign clauses that will be kept anyway."""
    if not indexes or any(index in carried for index in indexes):
        return False
    kept = " ".join(clauses.segment_text(index) for index in indexes)
    return _fold(phrase).strip(" .") in _fold(kept)


def _place(
    phrase: str,
    indexes: Sequence[int],
    replaced: dict[int, str],
    consumed: set[int],
    seen: set[str],
) -> None:
    if not indexes:
        return
    key = _fold(phrase)
    target = min(indexes)
    if key in seen:
        consumed.update(indexes)
        return
    if target in replaced:
        # Two needs in one clause: keep both phrases, in reading order.
        replaced[target] = f"{replaced[target]}, {phrase[:1].lower() + phrase[1:]}"
    else:
        replaced[target] = phrase
    seen.add(key)
    consumed.update(index for index in indexes if index != target)


_STOPWORDS = {
    "avec", "sans", "pour", "dans", "plus", "tres", "voir", "fait", "faire", "etre", "avoir",
    "cette", "tout", "tous", "toute", "elle", "lui", "leur", "nous", "vous", "chez", "depuis",
    "apres", "avant",
}  # fmt: skip


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", _fold(text))
    return {word[:5] for word in words if len(word) >= 4 and word not in _STOPWORDS}


def _redundant(clauses: Clauses, replaced: dict[int, str], gone: set[int]) -> set[int]:
    """Clauses that say again, in the condition's words, the need a phrase now states
    («parler fort» next to «Parler distinctement, privilégier l'écrit»)."""
    extra: set[int] = set()
    for index, phrase in replaced.items():
        stems = _stems(phrase)
        near = set(clauses.sentence_of(index)) | {index - 1, index + 1}
        for other in near:
            if (
                other == index
                or other in gone
                or other in replaced
                or not 0 <= other < len(clauses)
            ):
                continue
            if stems & _stems(clauses.segment_text(other)):
                extra.add(other)
    return extra


def _mask(text: str, findings: Sequence[Finding]) -> str:
    spans = sorted(_mask_span(text, finding) for finding in findings)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    position = 0
    for start, end in merged:
        out.append(text[position:start])
        out.append(MASK)
        position = end
    out.append(text[position:])
    masked = "".join(out)
    marker = re.escape(MASK)
    masked = re.sub(rf"{marker}(?:[\s,;:/+&–—-]*(?:(?:et|ou)\s+)?{marker})+", MASK, masked)
    return tidy(masked)


def _mask_span(text: str, finding: Finding) -> tuple[int, int]:
    """The characters to mask: the match, or for a secret its label and value («mdp : toto123»)."""
    if finding.category != "identifier":
        return (finding.start, finding.end)
    clauses = split_clauses(text)
    indexes = _secret_clauses(clauses, finding)
    if not indexes:
        return (finding.start, finding.end)
    return (
        min(finding.start, clauses.segments[min(indexes)][0]),
        max(finding.end, clauses.segments[max(indexes)][1]),
    )


# --------------------------------------------------------------------------- never flagged again


class _Checker:
    """Re-scans a candidate; repairs it (removes or masks more) until nothing blocks."""

    def __init__(self, detector: Detector | None, text: str, findings: Sequence[Finding]) -> None:
        self.detector = detector
        self.resolving = {finding.rule for finding in findings}
        original = _detect(detector, text) or []
        # Rules the caller chose not to resolve (other categories, lower severities) may stay.
        self.tolerated = {finding.rule for finding in original} - self.resolving

    def blocking(self, text: str) -> list[Finding] | None:
        """Findings that forbid ``text`` as a suggestion; None when no detector is available."""
        found = _detect(self.detector, text)
        if found is None:
            return None
        return [
            finding
            for finding in found
            if finding.rule not in self.tolerated
            and (finding.rule in self.resolving or SEVERITY_RANK[finding.severity] >= 1)
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
            if clauses_mode:
                candidate = _remove(split_clauses(candidate), blocking)
            else:
                candidate = _mask(candidate, blocking)
        if not self.blocking(candidate):
            return candidate
        return "" if clauses_mode else None
