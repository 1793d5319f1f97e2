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

Only the findings passed in are resolved. When the caller chose some categories or severities
(``clean --categories``/``--min-severity``, «Tout appliquer» of one category), the words of the
findings left out are never removed nor masked: a clause that holds both only loses the chosen
finding's words («mère voilée sous CMU», religion chosen → «Mère sous CMU»), and «never flagged
again» applies to the chosen rules.

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

from ..detect.categories import CATEGORIES, SEVERITY_RANK
from ..detect.findings import Finding
from ..edits import CellKey, Edit
from .clauses import Clauses, split_clauses
from .tidy import fit_to_encoding, has_words, tidy

if TYPE_CHECKING:
    from ..detect.detector import Detector
    from ..detect.lexicon import Rule

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
        from ..detect.detector import Detector

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
    text: str,
    findings: Sequence[Finding],
    *,
    detector: Detector | None = None,
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
    text: str, findings: Sequence[Finding], detector: Detector | None, complete: bool = False
) -> Iterator[Suggestion]:
    """The suggestions, best first, each computed only when asked for."""
    spans = _valid(text, findings)
    if not spans or not text:
        return
    detector = detector if detector is not None else _default_detector()
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
    rewritten = _rewrite(clauses, spans, detector, check.phrase_ok, protected)
    if rewritten is not None:
        repaired = check.repair(rewritten, clauses_mode=True)
        suggestion = offer("rewrite", repaired if repaired and has_words(repaired) else None)
        if suggestion is not None:
            offered += 1
            yield suggestion
    removed = check.repair(_remove(clauses, spans, protected), clauses_mode=True)
    suggestion = offer("remove", removed if removed is not None else "")
    if suggestion is not None:
        offered += 1
        yield suggestion
    masked = check.repair(_mask(text, spans, protected), clauses_mode=False)
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


# A token that looks like a password or a login: letters and digits mixed in one word of six
# characters or more («Azerty1», «Roux1985», «Rose!1948»), or an e-mail address. «3e», «14h30»
# or a door code («1234») are not.
_PASSWORD_TOKEN = re.compile(
    r"(?<!\S)(?=\S{6,})(?=\S*\d)(?=\S*[^\W\d_]{2})\S+|\S+@\S+\.\S+", re.UNICODE
)
# Where the value after a login or password label ends: a comma, a semicolon, a line break, a
# spaced dash, a mark ending a sentence («.», «!», «?» before a space — «Rose!1948» is one
# value), or the end of the comment.
_VALUE_END = re.compile(r"\s*(?:[,;\n\r]|\s[-–—]+\s|[–—]|[.!?…]+(?=\s|$)|$)")


def _is_number_identifier(finding: Finding) -> bool:
    """A number found by its checksum or shape (NIR, IBAN, card), not by a context word."""
    return sum(char.isdigit() for char in finding.match) >= 4


def _secret_end(text: str, finding: Finding) -> int:
    """Where the secret named by a context word ends. The detector may match only its label
    («identifiant ameli» in «identifiant ameli jdupont - RDV le matin»): the value follows it up
    to the end of its clause."""
    if finding.end >= len(text) or text[finding.end - 1] in ",;.!?…\n\r":
        return finding.end
    end = _VALUE_END.search(text, finding.end)
    return end.start() if end is not None else len(text)


def _secret_clauses(clauses: Clauses, finding: Finding) -> list[int]:
    """The clauses an identifier takes with it, so that no part of a secret survives — and no
    more: the benign clauses around it stay («mdp doctolib: Azerty1, préfère SMS» keeps
    «préfère SMS»; «code porte 1234, mdp wifi: abcd» keeps the door code).

    A number found by its checksum (NIR, IBAN, card) goes with its label («n° sécu : …»). A login
    or password found by its context word («mdp», «mot de passe», «identifiant») goes with its
    value, up to the end of its clause, with the clauses joined to it by colons («mdp doctolib :
    Azerty1»), and with any clause of the same sentence that holds a password-looking token
    («Roux1985, c'est son mdp»; «mdp oublié, nouveau : Bebe2024»).
    """
    indexes = clauses.overlapping(finding.start, finding.end)
    if _is_number_identifier(finding):
        return sorted({i for index in indexes for i in clauses.labelled(index)})
    indexes = clauses.overlapping(finding.start, _secret_end(clauses.text, finding))
    taken = {i for index in indexes for i in clauses.labelled(index)}
    for index in indexes:
        for other in clauses.sentence_of(index):
            if other not in taken and _PASSWORD_TOKEN.search(clauses.segment_text(other)):
                taken.update(clauses.labelled(other))
    return sorted(taken)


def _cut_spans(clauses: Clauses, index: int, findings: Sequence[Finding]) -> list[tuple[int, int]]:
    """The characters of clause ``index`` that carry the chosen findings: their words (for a
    login or password, the label and its value)."""
    seg_start, seg_end = clauses.segments[index]
    spans: list[tuple[int, int]] = []
    for finding in findings:
        start, end = finding.start, finding.end
        if finding.category == "identifier" and not _is_number_identifier(finding):
            end = _secret_end(clauses.text, finding)
            if not (start < seg_end and seg_start < end):
                segment = clauses.segment_text(index)
                spans += [
                    (seg_start + token.start(), seg_start + token.end())
                    for token in _PASSWORD_TOKEN.finditer(segment)
                ]
                continue
        spans.append((max(start, seg_start), min(end, seg_end)))
    return [(start, end) for start, end in spans if start < end]


def _cut(clauses: Clauses, index: int, findings: Sequence[Finding]) -> str:
    """Clause ``index`` with only the chosen findings' words cut out: it also holds words the
    user chose to keep (another category, a lower severity), which must stay as they are."""
    seg_start, seg_end = clauses.segments[index]
    text = clauses.text
    pieces: list[str] = []
    position = seg_start
    for start, end in sorted(_cut_spans(clauses, index, findings)):
        if end <= position:
            continue
        pieces.append(text[position : max(start, position)])
        position = end
    pieces.append(text[position:seg_end])
    return re.sub(r"[ \t]{2,}", " ", "".join(pieces)).strip(" \t,;:")


def _protected_indexes(clauses: Clauses, protected: Sequence[tuple[int, int]]) -> set[int]:
    """Clauses holding words the user chose not to change: they are never removed."""
    return {index for start, end in protected for index in clauses.overlapping(start, end)}


def _edited(clauses: Clauses, carried: dict[int, list[Finding]], keep: set[int]) -> dict[int, str]:
    """Protected clauses that carry a chosen finding, with only that finding's words cut."""
    return {index: _cut(clauses, index, carried[index]) for index in carried if index in keep}


# A partner named in the same sentence as a sexual orientation («homme gay, vit avec son
# compagnon»): once the orientation is gone, the partner still reveals it by deduction (CJUE
# C-184/20), so that clause goes with it. Matched on the accent-folded clause.
_PARTNER = re.compile(
    r"\b(?:compagnon|compagne|compagnons|compagnes|conjoint|conjointe|partenaire|partenaires|"
    r"copain|copine|ami|amie|concubin|concubine|en couple|"
    r"(?:son|sa|ses|leur|le|la|un|une)\s+(?:mari|femme|epoux|epouse))\b"
)


def _partner_clauses(clauses: Clauses, indexes: Iterable[int]) -> list[int]:
    """The clauses of the same sentences as ``indexes`` that name a partner."""
    found: list[int] = []
    for index in indexes:
        for other in clauses.sentence_of(index):
            if other not in found and _PARTNER.search(_fold(clauses.segment_text(other))):
                found.append(other)
    return found


def _sensitive(clauses: Clauses, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    """Clause index → the findings it carries (an identifier carries its secret's clauses, a
    sexual orientation the clauses of its sentence that name a partner)."""
    carried: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.category == "identifier":
            indexes = _secret_clauses(clauses, finding)
        else:
            indexes = clauses.overlapping(finding.start, finding.end)
            if finding.category == "sex_life":
                indexes = sorted({*indexes, *_partner_clauses(clauses, indexes)})
        for index in indexes:
            carried.setdefault(index, []).append(finding)
    return carried


def _remove(
    clauses: Clauses, findings: Sequence[Finding], protected: Sequence[tuple[int, int]] = ()
) -> str:
    """The comment without the clauses carrying ``findings`` (and what depends on them); a
    clause that also holds ``protected`` words (findings the user did not choose) only loses
    the chosen findings' words."""
    carried = _sensitive(clauses, findings)
    keep = _protected_indexes(clauses, protected)
    gone = clauses.dependents(set(carried) - keep, keep=keep)
    return clauses.rebuild(gone, edited=_edited(clauses, carried, keep))


def _rewrite(
    clauses: Clauses,
    findings: Sequence[Finding],
    detector: Detector | None,
    phrase_ok: Callable[[str], bool] = lambda phrase: True,
    protected: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The need-keeping rewrite, or None when no finding's rule offers one. A clause holding
    ``protected`` words is never replaced: it only loses the chosen findings' words."""
    rule_of = {finding.rule: _rule(detector, finding.rule) for finding in findings}
    if not any(rule is not None and (rule.keep or rule.rewrite) for rule in rule_of.values()):
        return None  # most findings: no need to keep, nothing to compute
    carried = _sensitive(clauses, findings)
    keep = _protected_indexes(clauses, protected)
    replaced: dict[int, str] = {}
    consumed: set[int] = set()
    phrases_seen: set[str] = set()
    ordered = sorted(findings, key=lambda finding: (finding.start, finding.end))
    for finding in ordered:
        rule = rule_of[finding.rule]
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
            if any(index in keep for index in indexes):
                continue
            if _already_said(clauses, indexes, carried, phrase):
                # The benign clause already states the need in full («pas de RDV avant 17h le
                # vendredi» holds «RDV avant 17h»): keep it as written.
                break
            _place(phrase, indexes, replaced, consumed, phrases_seen)
            break
    for finding in ordered:
        rule = rule_of[finding.rule]
        phrase = (rule.rewrite or "").strip() if rule is not None else ""
        if not phrase or not phrase_ok(phrase):
            continue
        indexes = sorted(
            index
            for index, carried_findings in carried.items()
            if finding in carried_findings and index not in keep
        )
        if not indexes:
            continue
        free = [index for index in indexes if index not in replaced]
        if not free and indexes:
            continue
        _place(phrase, free or indexes, replaced, consumed, phrases_seen)
    if not replaced:
        return None
    gone = clauses.dependents(
        (set(carried) | consumed | set(replaced)) - keep, replaced, keep=keep
    ) - set(replaced)
    gone |= _redundant(clauses, replaced, gone | keep)
    return clauses.rebuild(gone, replaced, _edited(clauses, carried, keep))


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


def _mask(text: str, findings: Sequence[Finding], protected: Sequence[tuple[int, int]] = ()) -> str:
    """The chosen findings' words replaced with «[retiré]» (never a ``protected`` word)."""
    spans = sorted(span for finding in findings for span in _mask_spans(text, finding, protected))
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


def _mask_spans(
    text: str, finding: Finding, protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The characters to mask: the match, or for a secret its label and value («mdp : toto123»),
    never words the user chose to keep."""
    own = (finding.start, finding.end)
    if finding.category == "sex_life":
        clauses = split_clauses(text)
        spans = [own]
        for index in _partner_clauses(clauses, clauses.overlapping(*own)):
            start, end = clauses.segments[index]
            if not any(p_start < end and start < p_end for p_start, p_end in protected):
                spans.append((start, end))
        return spans
    if finding.category != "identifier":
        return [own]
    clauses = split_clauses(text)
    indexes = _secret_clauses(clauses, finding)
    if not indexes:
        return [own]
    spans = [_trimmed(text, *own)]
    for index in indexes:
        start, end = clauses.segments[index]
        if not any(p_start < end and start < p_end for p_start, p_end in protected):
            spans.append((start, end))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``–``end`` without trailing spaces and punctuation («Azerty1,» → «Azerty1»)."""
    while end > start + 1 and (text[end - 1].isspace() or text[end - 1] in ",;."):
        end -= 1
    return (start, end)


# --------------------------------------------------------------------------- never flagged again


class _Checker:
    """Re-scans a candidate; repairs it (removes or masks more) until nothing blocks."""

    def __init__(
        self,
        detector: Detector | None,
        text: str,
        findings: Sequence[Finding],
        original: list[Finding] | None = None,
    ) -> None:
        """``original``: every finding of ``text``, when the caller already has them."""
        self.detector = detector
        self.resolving = {finding.rule for finding in findings}
        if original is None:
            original = _detect(detector, text) or []
        self._known = {text: original}  # the comment itself is scanned once
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

    def protected(self, text: str, chosen: Sequence[Finding]) -> list[tuple[int, int]]:
        """Spans of ``text`` holding findings of the rules the caller chose not to resolve
        (another category, a lower severity — ``clean --categories``, «Tout appliquer» of one
        category): their words are never removed nor masked, except where they overlap a chosen
        finding's own words."""
        found = self._known.get(text)
        if found is None:
            found = _detect(self.detector, text) or []
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
                candidate = _remove(split_clauses(candidate, joins), blocking, protected)
            else:
                candidate = _mask(candidate, blocking, protected)
        if not self.blocking(candidate):
            return candidate
        return "" if clauses_mode else None
