"""The three kinds of rewrite, each applied to the clauses of one comment:

- :func:`keep_needs` — a neutral phrase that keeps the practical need (the rule's ``rewrite``
  phrase or ``keep`` patterns, or what :mod:`.needs` makes of the clause), the other sensitive
  clauses removed;
- :func:`remove_clauses` — the sensitive clauses removed with what depends on them (a secret's
  value, a partner who reveals an orientation, an arrival date that reveals an origin), every
  benign clause kept; a cause complement is cut out of a dated fact, and a day given relative to
  a removed clause is made explicit or goes;
- :func:`mask_words` — the matched words replaced with «[retiré]».

Words of findings the caller did not choose (``protected`` spans) are never removed nor masked.
:mod:`.suggestions` ranks these candidates and makes sure none is flagged again. Pure functions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

from ..detect.detector import Detector
from ..detect.findings import Finding
from ..detect.normalize import fold as _fold
from .clauses import Clauses, split_clauses
from .needs import already_stated, is_pointer, may_need, need_phrase, relative_day
from .needs import stems as _stems
from .tidy import tidy

logger = logging.getLogger(__name__)

MASK = "[retiré]"

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


# Once a person's origin is removed, when they arrived in France still tells it («étrangère, en
# France depuis 2 ans»): that clause of the same sentence goes with it. Alone, such a clause is
# an objective fact («installée en France depuis 2023»).
_ARRIVAL = re.compile(
    r"\b(?:en\s+france\s+depuis|(?:arrive|installe)e?s?\s+en\s+france|"
    r"(?:arrive|arrivee|arrives|arrivees)\s+(?:en|il\s+y\s+a)\s+\d)"
)


def _partner_clauses(
    clauses: Clauses, indexes: Iterable[int], pattern: re.Pattern[str] = _PARTNER
) -> list[int]:
    """The clauses of the same sentences as ``indexes`` that name a partner (or match
    ``pattern``)."""
    found: list[int] = []
    for index in indexes:
        for other in clauses.sentence_of(index):
            if other not in found and pattern.search(_fold(clauses.segment_text(other))):
                found.append(other)
    return found


def sensitive(clauses: Clauses, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
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
            elif finding.category == "ethnic_origin":
                indexes = sorted({*indexes, *_partner_clauses(clauses, indexes, _ARRIVAL)})
        for index in indexes:
            carried.setdefault(index, []).append(finding)
    return carried


def remove_clauses(
    clauses: Clauses,
    findings: Sequence[Finding],
    protected: Sequence[tuple[int, int]] = (),
    carried: dict[int, list[Finding]] | None = None,
) -> str:
    """The comment without the clauses carrying ``findings`` (and what depends on them); a
    clause that also holds ``protected`` words (findings the user did not choose) only loses
    the chosen findings' words. ``carried``: :func:`sensitive` of these, when already known."""
    if carried is None:
        carried = sensitive(clauses, findings)
    keep = _protected_indexes(clauses, protected)
    causes = _cause_cuts(clauses, carried, keep)
    gone = clauses.dependents(set(carried) - keep - set(causes), keep=keep | set(causes))
    edited = {**_edited(clauses, carried, keep), **causes}
    _resolve_days(clauses, gone, {}, edited)
    return clauses.rebuild(gone, edited=edited)


# A finding that only gives the cause of a benign fact («absente pour raisons de santé jusqu'au
# 15/06»): the cause goes, the fact and its date stay («Absente jusqu'au 15/06»).
_CAUSE_BEFORE = re.compile(
    r"\s(?:pour(?:\s+(?:des|une|un|cause\s+de|cause\s+d['’]))?|[àa]\s+cause\s+(?:de|du|des|d['’])|"
    r"en\s+raison\s+(?:de|du|des|d['’])|suite\s+(?:[àa]|au|aux))\s*$",
    re.IGNORECASE,
)


def _any_case(*words: str) -> re.Pattern[str]:
    """``words`` in any case, as ``re.IGNORECASE`` matches them (for «s», «i» also «ſ», «ı»,
    «İ»), written as character classes: the engine then skips quickly over the other
    characters, where an ignore-case pattern is tried slowly at each one (these guards run for
    every flagged comment)."""
    variants = {"s": "Ssſ", "i": "Iiİı"}
    classes = ("".join(f"[{variants.get(c, c + c.upper())}]" for c in word) for word in words)
    return re.compile("|".join(classes))


_CAUSE_WORDS = _any_case("pour", "cause", "raison", "suite")
# «connu pour …», «condamné pour …»: the complement is the fact itself, not a cause.
_KNOWN_FOR = re.compile(
    r"\b(?:connu|réputé|repute|suspecté|suspecte|accusé|accuse|condamné|condamne|arrêté|arrete|"
    r"interpellé|interpelle|recherché|recherche|fiché|fiche|incarcéré|incarcere)e?s?\s*$",
    re.IGNORECASE,
)
# What may follow the cut cause: a time («jusqu'au 15/06», «depuis lundi», «le 12/03»).
_TIME_START = re.compile(
    r"\s*(?:jusqu|depuis|du\s+\d|le\s+\d|les\s+\d|en\s+(?:ce\s+moment|[a-zéû]+\b)|ce\s|cette\s|"
    r"la\s+semaine|aujourd|hier|demain|\d)",
    re.IGNORECASE,
)


def _cause_cuts(
    clauses: Clauses, carried: dict[int, list[Finding]], keep: set[int]
) -> dict[int, str]:
    """Clauses whose findings all stand in a cause complement after a benign head, with that
    complement cut out."""
    cuts: dict[int, str] = {}
    text = clauses.text
    if not _CAUSE_WORDS.search(text):
        return cuts  # most comments hold no cause complement
    for index, found in carried.items():
        if index in keep or len(found) != 1 or found[0].category == "identifier":
            continue
        seg_start, seg_end = clauses.segments[index]
        finding = found[0]
        if not _CAUSE_WORDS.search(text, seg_start, max(seg_start, finding.start)):
            continue  # most findings: not a cause complement
        cause = _CAUSE_BEFORE.search(text, seg_start, max(seg_start, finding.start))
        head = text[seg_start : cause.start()] if cause is not None else ""
        tail = text[min(finding.end, seg_end) : seg_end]
        if (
            cause is None
            or not head.strip()
            or _KNOWN_FOR.search(head)
            or (tail.strip() and not _TIME_START.match(tail))
        ):
            continue
        kept = text[seg_start : cause.start()] + text[min(finding.end, seg_end) : seg_end]
        cuts[index] = re.sub(r"[ \t]{2,}", " ", kept).strip(" \t,;:")
    return cuts


_RELATIVE_WORDS = _any_case("lendemain", "veille", "jour")


def _resolve_days(
    clauses: Clauses, gone: set[int], replaced: dict[int, str], edited: dict[int, str]
) -> None:
    """A kept clause right after a removed one that gave its day relative to it («chimio le
    lundi, pas de RDV le lendemain»): the day is made explicit in ``edited`` («Pas de RDV le
    mardi»), or the clause joins ``gone`` when it cannot be (both updated in place)."""
    if not gone or not _RELATIVE_WORDS.search(clauses.text):
        return  # most comments give no day relative to another
    for index in range(1, len(clauses)):
        if index in gone or index in replaced or index in edited or (index - 1) not in gone:
            continue
        segment = clauses.segment_text(index)
        if not _RELATIVE_WORDS.search(segment):
            continue
        removed = [clauses.segment_text(i) for i in range(index - 1, -1, -1) if i in gone]
        resolved = relative_day(segment, removed)
        if resolved is None:
            gone.add(index)
        elif resolved != segment:
            edited[index] = resolved


def keep_needs(
    clauses: Clauses,
    findings: Sequence[Finding],
    detector: Detector,
    phrase_ok: Callable[[str], bool] = lambda phrase: True,
    protected: Sequence[tuple[int, int]] = (),
    carried: dict[int, list[Finding]] | None = None,
) -> str | None:
    """The need-keeping rewrite, or None when no finding's rule offers one. A clause holding
    ``protected`` words is never replaced: it only loses the chosen findings' words.
    ``carried``: :func:`sensitive` of these findings, when already known."""
    rule_of = {finding.rule: detector.rule_named(finding.rule) for finding in findings}
    text = clauses.text
    if not any(
        rule_of[finding.rule].keep or may_need(finding, rule_of[finding.rule], text)
        for finding in findings
    ):
        return None  # most findings: no need to keep, nothing to compute
    if carried is None:
        carried = sensitive(clauses, findings)
    keep = _protected_indexes(clauses, protected)
    replaced: dict[int, str] = {}
    consumed: set[int] = set()
    phrases_seen: set[str] = set()
    ordered = sorted(findings, key=lambda finding: (finding.start, finding.end))
    for finding in ordered:
        rule = rule_of[finding.rule]
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
    benign: list[str] | None = None  # the clauses without findings, when first needed
    for finding in ordered:
        rule = rule_of[finding.rule]
        indexes = sorted(
            index
            for index, carried_findings in carried.items()
            if finding in carried_findings and index not in keep
        )
        free = [index for index in indexes if index not in replaced]
        if not free:
            continue
        clause = " ".join(clauses.segment_text(index) for index in indexes)
        phrase = need_phrase(finding, rule, clause, text)
        if not phrase or not phrase_ok(phrase):
            continue
        if phrase == rule.rewrite and benign is None:
            benign = [clauses.segment_text(i) for i in range(len(clauses)) if i not in carried]
        if phrase == rule.rewrite and already_stated(phrase, benign or ()):
            # «malentendant, parler fort»: the comment states the need in its own words.
            continue
        _place(phrase, free, replaced, consumed, phrases_seen)
    if not replaced:
        return None
    causes = {
        index: cut
        for index, cut in _cause_cuts(clauses, carried, keep).items()
        if index not in replaced and index not in consumed
    }
    gone = clauses.dependents(
        (set(carried) | consumed | set(replaced)) - keep - set(causes),
        replaced,
        keep=keep | set(causes),
    ) - set(replaced)
    gone |= _restated_condition(clauses, replaced, gone | keep)
    edited = {**_edited(clauses, carried, keep), **causes}
    _resolve_days(clauses, gone, replaced, edited)
    return clauses.rebuild(gone, replaced, edited)


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


def _restated_condition(clauses: Clauses, replaced: dict[int, str], gone: set[int]) -> set[int]:
    """Clauses next to a pointer to the medical record that say again, in the condition's own
    words, what it points to («TJ – refuse transfusion» → only «Refus de certains soins : voir
    le dossier médical»)."""
    extra: set[int] = set()
    for index, phrase in replaced.items():
        if not is_pointer(phrase):
            continue
        stems = _stems(phrase)
        for other in set(clauses.sentence_of(index)) | {index - 1, index + 1}:
            if other in gone or other in replaced or not 0 <= other < len(clauses):
                continue
            if stems & _stems(clauses.segment_text(other)):
                extra.add(other)
    return extra


def mask_words(
    text: str, findings: Sequence[Finding], protected: Sequence[tuple[int, int]] = ()
) -> str:
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
