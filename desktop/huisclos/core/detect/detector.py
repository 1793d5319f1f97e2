"""The Detector: text → findings, with qualifiers (hearsay, third party, emphasis) as reasons.

How it works, one module a step:

1. :mod:`.terms` — every lexicon term, key-folded (:func:`.normalize.key_fold`), with the
   variants it is typed under; :mod:`.matcher` puts them all in one automaton for a comment
   and one hyperscan database for a batch of comments.
2. A comment is key-folded (same length, so offsets stay valid), padded, and run through the
   automaton; runs of three identical letters («SIDAAA») are squeezed first on a copy.
3. :mod:`.checks` — each hit is checked only where it was found, against its rule compiled once
   (:class:`.checks.CompiledRule`): exact case for sigles, context words, punctuation a term
   needs, traps, surnames and street names, the practice allowlist.
4. :mod:`.qualifiers` — hearsay, third parties and emphasis become reasons and raise the
   severity by one level; they never remove a finding.
5. :mod:`.identifiers` — NIR, IBAN and card numbers are found by checksum.

For a whole export, :meth:`Detector.candidates` finds in one pass the few cells of a batch that
may hold something; equal comments are analysed once (:meth:`Detector.detect_raw` memo), and
:meth:`Detector.detect_batch` finds the qualifier phrases of a batch's flagged comments in one
pass.

For the desktop app: ``Detector.default()`` is built once and rebuilt by itself when a lexicon
file or the practice's files change; ``Detector(lexicon, allowlist=[...])`` gives a detector with
another allowlist; one edited cell is re-checked with ``detector.detect(text, row=, column=,
sheet=)`` (or ``review.scan.rescan_cell``, which also fills the suggestion).

Threading: a Detector is immutable after construction and safe to share between threads (its
only mutable parts are the memo of already-seen comments and a one-comment fold cache, both
swapped atomically; the hyperscan scan of a batch holds a lock).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import LexiconError
from . import practice
from .checks import (
    NEW_SECRET,
    SECRET_AFTER,
    CompiledRule,
    SubjectGate,
    allowed,
    looks_like_name_or_place,
)
from .derived import generated_forms
from .findings import Finding, RawFinding
from .identifiers import find_identifiers
from .lexicon import (
    DERIVED_FOLDER,
    LISTS_FOLDER,
    Lexicon,
    Rule,
    default_lexicon_dir,
    load_lexicon,
)
from .matcher import DIGIT_RUN, Matcher, cell_starts, cells, fold_batch, hits_by_cell
from .normalize import fold, key_fold, squeeze_repeats
from .qualifiers import Qualifiers
from .terms import NON_ALNUM, Form, exact_forms, marks_pattern, term_key, term_variants

logger = logging.getLogger(__name__)

__all__ = ["Detector"]

# The word lists the subject gate reads (``lists/*.txt`` of the lexicon folder).
PERSON_WORDS = "personnes"
OBJECT_WORDS = "objets"

_LIGATURE = re.compile("œ|oe", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"[0-9](?: ?[0-9ab]){12}")  # as identifiers.BATCH_PREFILTER


class CellHits(NamedTuple):
    """What the batch pass found in one cell, offsets in the folded batch."""

    main: Sequence[tuple[int, int]]  # (end, id) of the lexicon's keys, runs of letters, digits
    generated: Sequence[tuple[int, int]]  # (end, id) of the generated forms' keys
    base: int  # where the cell's space-padded key starts in the batch
    batch: bytes  # the folded batch (:func:`.matcher.fold_batch`): the cell's key is a slice


BUILTIN_IDENTIFIER_RULES: dict[str, Rule] = {
    kind: Rule(
        id=f"identifier.{kind}",
        category="identifier",
        severity="high",
        label=label,
        explanation=explanation,
        terms=(),
        validator=kind,
    )
    for kind, label, explanation in (
        (
            "nir",
            "Numéro de sécurité sociale",
            "Un numéro de sécurité sociale (NIR) n'a pas sa place dans un commentaire : il a "
            "son propre champ, protégé (CNIL, zones commentaires).",
        ),
        (
            "iban",
            "IBAN",
            "Des coordonnées bancaires dans un commentaire peuvent être lues par toute personne "
            "qui consulte la fiche (RGPD art. 5, minimisation).",
        ),
        (
            "card",
            "Numéro de carte bancaire",
            "Un numéro de carte bancaire ne doit jamais être noté dans un commentaire (RGPD "
            "art. 32, sécurité).",
        ),
    )
}


class Detector:
    """A compiled lexicon (with the practice's allowlist): what is sensitive in a text."""

    lexicon: Lexicon

    _default_lock = threading.Lock()
    _default_cache: tuple[tuple[tuple[str, float], ...], Detector] | None = None

    def __init__(
        self,
        lexicon: Lexicon,
        allowlist: Iterable[str] = (),
        *,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        """Compile ``lexicon``; terms in ``allowlist`` (accepted by the practice) never fire.
        ``progress`` hears a French message before a compile that takes seconds (the first
        start on a computer: the generated forms of the bundled lexicon)."""
        self.lexicon = lexicon
        # French warnings about the practice's own files (set by ``default()``): a malformed
        # termes-cabinet.toml is skipped, not blocking — the caller shows these to the user.
        self.warnings: tuple[str, ...] = ()
        self.allowlist = tuple(term for term in (t.strip() for t in allowlist) if term)
        self._allow_keys = tuple(sorted({term_key(t) for t in self.allowlist} - {""}))
        self.rules: list[Rule] = [rule for rule in lexicon.rules if rule.validator is None]
        validators: dict[str, Rule] = {}
        for rule in lexicon.rules:
            if rule.validator and rule.validator not in validators:
                validators[rule.validator] = rule
        for kind, rule in BUILTIN_IDENTIFIER_RULES.items():
            validators.setdefault(kind, rule)
        self._validator_rules: dict[str, int] = {}
        for kind, rule in validators.items():
            self._validator_rules[kind] = len(self.rules)
            self.rules.append(rule)
        self._rule_ids = {rule.id: rule for rule in self.rules}
        self._compiled = [CompiledRule(rule) for rule in self.rules]
        self._gate = SubjectGate(
            lexicon.lists.get(PERSON_WORDS, ()), lexicon.lists.get(OBJECT_WORDS, ())
        )
        # The bundled terms' inflections and misspellings, generated at build time against a
        # dictionary, have their own matcher shared by every detector; without them (a lexicon
        # folder of one's own, the practice's terms) simple variants are made at run time.
        self._generated = generated_forms(lexicon.derived, progress) if lexicon.derived else None
        self._forms: list[Form] = []
        keys: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            exact = self._generated is not None and rule.origin == "bundled"
            for term in rule.terms if rule.validator is None else ():
                form_id = len(self._forms)
                self._forms.append(
                    Form(
                        index,
                        term,
                        NON_ALNUM.sub("", term),
                        marks_pattern(term),
                        ligature="œ" in term.lower(),
                    )
                )
                forms = exact_forms(term) if exact else term_variants(term, rule.case_sensitive)
                for variant in forms:
                    keys.setdefault(variant, []).append(form_id)
        self._matcher = Matcher(keys)
        self.term_count = self._matcher.term_count
        # generated slot → this detector's form ids (one form per rule, for its generated keys)
        self._slot_forms: tuple[tuple[int, ...], ...] = ()
        if self._generated is not None:
            by_id = {rule.id: index for index, rule in enumerate(self.rules)}
            slot_forms = []
            for rule_id in self._generated.rule_ids:
                index = by_id.get(rule_id)
                if index is None or self.rules[index].origin != "bundled":
                    slot_forms.append(())
                    continue
                slot_forms.append((len(self._forms),))
                self._forms.append(Form(index, rule_id, "", None))
            self._slot_forms = tuple(slot_forms)
            self.term_count += self._generated.count
        self._translated: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._qualifiers = Qualifiers(lexicon)
        self._memo: dict[str, tuple[RawFinding, ...]] = {}
        self._last_fold: tuple[str, str] = ("", "")

    @classmethod
    def default(
        cls, *, refresh: bool = False, progress: Callable[[str], None] | None = None
    ) -> Detector:
        """Bundled lexicon + the practice's extra terms and allowlist from the data folder.

        Built once and cached; rebuilt automatically when a lexicon file or one of the
        practice's files changes (so the desktop settings only need to save them).
        ``progress`` hears a French message before a compile that takes seconds.
        """
        folder = default_lexicon_dir()
        watched = [
            *sorted(folder.glob("*.toml")),
            *sorted((folder / LISTS_FOLDER).glob("*.txt")),
            *sorted((folder / DERIVED_FOLDER).glob("*.tsv")),
            practice.extra_terms_path(create=False),
            practice.allowlist_path(create=False),
        ]
        stamp = tuple((str(p), _mtime(p)) for p in watched)
        with cls._default_lock:
            cached = cls._default_cache
            if cached and cached[0] == stamp and not refresh:
                return cached[1]
            warnings: list[str] = []
            extra = practice.extra_terms_path(create=False)
            try:
                lexicon = load_lexicon(folder, extra_files=[extra] if extra.is_file() else [])
            except LexiconError as error:
                if not extra.is_file():
                    raise  # the bundled lexicon itself is damaged: nothing sensible to fall to
                lexicon = load_lexicon(folder)  # the practice's file only: degrade, not block
                warnings.append(
                    f"{error} Les termes du cabinet sont ignorés : l'analyse utilise le "
                    "lexique de Huis clos seul."
                )
            try:
                allowlist = practice.load_allowlist()
            except OSError as error:
                allowlist = []
                warnings.append(
                    f"La liste des termes autorisés ({practice.ALLOWLIST_FILE}) est illisible "
                    f"({error.strerror or error}) : elle est ignorée pour cette analyse."
                )
            detector = cls(lexicon, allowlist=allowlist, progress=progress)
            detector.warnings = tuple(warnings)
            for warning in warnings:
                logger.warning("Practice files: %s", warning)
            cls._default_cache = (stamp, detector)
            return detector

    def rule_named(self, rule_id: str) -> Rule:
        """The rule with this id (lexicon, practice or built-in identifier rule); ``KeyError``
        if this detector has none."""
        return self._rule_ids[rule_id]

    # ----------------------------------------------------------------------------- detection
    def detect(
        self, text: str, *, row: int = 0, column: str = "", sheet: str = ""
    ) -> list[Finding]:
        """Every sensitive passage of ``text``, sorted by start offset (suggestion left None)."""
        if not text:
            return []
        return self.findings_from(text, self.detect_raw(text), row=row, column=column, sheet=sheet)

    def findings_from(
        self,
        text: str,
        raw: Sequence[RawFinding],
        *,
        row: int = 0,
        column: str = "",
        sheet: str = "",
    ) -> list[Finding]:
        """Findings built from :meth:`detect_raw` output (the scan's fast path)."""
        rules = self.rules
        out = []
        for start, end, rule_index, severity, reasons in raw:
            rule = rules[rule_index]
            out.append(
                Finding(
                    row=row,
                    column=column,
                    start=start,
                    end=end,
                    category=rule.category,
                    severity=severity,
                    rule=rule.id,
                    match=text[start:end],
                    reasons=reasons,
                    sheet=sheet,
                    explanation=rule.explanation,
                )
            )
        return out

    def detect_raw(self, text: str, hits: CellHits | None = None) -> tuple[RawFinding, ...]:
        """Findings of ``text`` as plain tuples, memoised: comments repeat a lot in an export.
        ``hits``: what :meth:`candidate_hits` found in it (None: it is matched here)."""
        hit = self._memo.get(text)
        if hit is not None:
            return hit
        result = self._detect(text, hits)
        self._remember(text, result)
        return result

    def _remember(self, text: str, result: tuple[RawFinding, ...]) -> None:
        memo = self._memo
        if len(memo) > 200_000:
            memo.clear()
        memo[text] = result

    def candidates(self, texts: Sequence[str]) -> list[int]:
        """Indices of ``texts`` that may hold a finding; every other text certainly has none."""
        return [index for index, _ in self.candidate_hits(texts)]

    def candidate_hits(self, texts: Sequence[str]) -> list[tuple[int, CellHits | None]]:
        """The texts that may hold a finding (every other text certainly has none), each with
        what the batch pass found in it (hyperscan's hits of both matchers), for
        :meth:`detect_raw` (None: it matches the text itself)."""
        if not texts:
            return []
        matcher, generated = self._matcher, self._generated
        if not matcher.batch_ids or (generated is not None and not generated.matcher.batch_ids):
            if generated is None:  # no hyperscan: each candidate is matched again by itself
                return [(index, None) for index in matcher.candidates(texts)]
            data = fold_batch(texts)
            positions = matcher.positions(data) + generated.matcher.positions(data)
            return [(index, None) for index in cells(cell_starts(texts), positions)]
        data = fold_batch(texts)  # folded once, scanned by both databases
        starts = cell_starts(texts)
        main = hits_by_cell(starts, matcher.match_ends(data))
        extra = hits_by_cell(starts, generated.matcher.match_ends(data)) if generated else {}
        none: tuple[tuple[int, int], ...] = ()
        new = tuple.__new__  # a named tuple without a Python call
        if not extra:
            return [
                (index, new(CellHits, (hits, none, starts[index], data)))
                for index, hits in main.items()
            ]
        return [
            (
                index,
                new(CellHits, (main.get(index, none), extra.get(index, none), starts[index], data)),
            )
            for index in sorted(main.keys() | extra.keys())
        ]

    def detect_batch(self, texts: Sequence[str]) -> dict[str, tuple[RawFinding, ...]]:
        """The findings of every distinct text of ``texts`` that has some (the scan's path):
        each distinct text is matched once, and not at all when an earlier batch had it."""
        memo = self._memo
        found: dict[str, tuple[RawFinding, ...]] = {}
        fresh: list[str] = []
        for text in dict.fromkeys(texts):
            known = memo.get(text)
            if known is None:
                if text:
                    fresh.append(text)
            elif known:
                found[text] = known
        flagged: list[tuple[str, str, list[tuple[int, int, int]]]] = []
        for index, hits in self.candidate_hits(fresh):
            text = fresh[index]
            key, spans = self._spans(text, hits)
            if spans:
                flagged.append((text, key, spans))
            else:
                self._remember(text, ())
        qualify, rules = self._qualifiers.qualify, self.rules
        phrases = self._qualifiers.phrase_spans([key for _, key, _ in flagged])
        for (text, key, spans), its_phrases in zip(flagged, phrases, strict=True):
            raw = found[text] = tuple(qualify(text, key, spans, rules, its_phrases))
            self._remember(text, raw)
        return found

    def _generated_forms(self, slots: tuple[int, ...]) -> tuple[int, ...]:
        """This detector's form ids for a generated key's slots (memoised per slot set)."""
        form_ids = self._translated.get(slots)
        if form_ids is None:
            slot_forms = self._slot_forms
            form_ids = tuple(form for slot in slots for form in slot_forms[slot])
            self._translated[slots] = form_ids
        return form_ids

    def _detect(self, text: str, hits: CellHits | None = None) -> tuple[RawFinding, ...]:
        """:meth:`detect_raw` without the memo."""
        key, spans = self._spans(text, hits)
        return tuple(self._qualifiers.qualify(text, key, spans, self.rules)) if spans else ()

    def _spans(self, text: str, hits: CellHits | None) -> tuple[str, list[tuple[int, int, int]]]:
        """The comment's key, and the (start, end, rule index) of what passes its rule's checks,
        one per passage and category; qualifiers come after."""
        if hits is None:
            key = key_fold(text)
        else:  # folded already, with the whole batch
            key = hits.batch[hits.base + 1 : hits.base + 1 + len(text)].decode("ascii")
        padded = f" {key} "
        spans: dict[tuple[int, int, int], None] = {}
        stretched = False
        if hits is None:
            for last, (length, form_ids) in self._matcher.scan(padded):
                if form_ids:
                    self._check(text, key, last - length - 1, last - 1, form_ids, spans)
                else:
                    stretched = True  # «aaa»: some letters are repeated, try the squeezed text
            digits = _DIGIT_RUN.search(key) is not None
        else:  # the batch pass's hits: (end just past the key's trailing space, id)
            main_ends, generated_ends, base, _ = hits
            by_id = self._matcher.by_id
            assert by_id is not None
            digits = False
            shift = base + 2  # the batch's offsets in the cell's key
            for end, key_id in main_ends:
                length, form_ids = by_id[key_id]
                if length > 0:
                    end -= shift
                    self._check(text, key, end - length, end, form_ids, spans)
                elif length == DIGIT_RUN:
                    digits = True
                else:
                    stretched = True
            if generated_ends:  # a generated key's id reads (key length, slots)
                slots_by_id = self._generated.matcher.by_id  # type: ignore[union-attr]
                assert slots_by_id is not None
                translated = self._translated
                for end, key_id in generated_ends:
                    length, slots = slots_by_id[key_id]
                    form_ids = translated.get(slots) or self._generated_forms(slots)
                    if form_ids:
                        end -= shift
                        self._check(text, key, end - length, end, form_ids, spans)
        generated = self._generated
        if generated is not None and hits is None:
            for start, end, slots in generated.hits(padded):
                form_ids = self._generated_forms(slots)
                if form_ids:
                    self._check(text, key, start - 1, end - 1, form_ids, spans)
        squeezed = squeeze_repeats(padded) if stretched else None
        if squeezed is not None:
            short, origin = squeezed
            for start, end, form_ids in self._matcher.hits(short):
                self._check(text, key, origin[start] - 1, origin[end] - 1, form_ids, spans)
            if generated is not None:
                for start, end, slots in generated.hits(short):
                    form_ids = self._generated_forms(slots)
                    if form_ids:
                        self._check(text, key, origin[start] - 1, origin[end] - 1, form_ids, spans)
        for match in find_identifiers(text) if digits else ():
            spans[(match.start, match.end, self._validator_rules[match.kind])] = None
        return key, self._drop_nested(list(spans)) if spans else []

    def _check(
        self,
        text: str,
        key: str,
        start: int,
        end: int,
        form_ids: tuple[int, ...],
        spans: dict[tuple[int, int, int], None],
    ) -> None:
        """Keep, in ``spans``, the forms found at ``start``–``end`` that pass their rule's
        checks (an identifier's span runs on over the secret written after its label)."""
        raw = text[start:end]
        forms = self._forms
        compiled_rules = self._compiled
        folded = self._folded
        for form_id in form_ids:
            form = forms[form_id]
            index = form.rule
            compiled = compiled_rules[index]
            if (
                compiled.case_sensitive
                and (raw if raw.isalnum() else NON_ALNUM.sub("", raw)) != form.stripped
            ):
                continue
            if form.marks is not None and not form.marks.match(folded(text), start):
                continue
            if form.ligature and not _LIGATURE.search(raw):
                continue  # «la cour» is not «le cœur»
            if compiled.needs_context and not compiled.in_context(text, key, start, end, folded):
                continue
            renewed = None
            if compiled.traps and compiled.trapped(text, key, start, end, folded):
                if not compiled.identifier:
                    continue
                renewed = NEW_SECRET.match(text, end)  # «mdp oublié, nouveau : Bebe2024»
                if renewed is None:
                    continue
            if compiled.near and compiled.near_trap(key, start, end):
                continue
            if compiled.unless_before and compiled.before_trap(key, start):
                continue
            if compiled.unless_after and compiled.after_trap(key, end):
                continue
            if compiled.person_only and not self._gate.said_of_a_person(text, key, start):
                continue
            if looks_like_name_or_place(text, key, start, end):
                continue
            if self._allow_keys and allowed(self._allow_keys, key, start, end):
                continue
            stop = end
            if renewed is not None:
                stop = renewed.end()
            elif compiled.identifier:  # «mdp : Azerty2024» — the secret goes too
                secret = SECRET_AFTER.match(text, end)
                if secret and secret.group(1).strip():
                    stop = secret.end(1)
            spans[(start, stop, index)] = None

    def _folded(self, text: str) -> str:
        """``fold(text)`` for the cell being checked (one-entry cache, atomic swap)."""
        cached = self._last_fold
        if cached[0] is text:
            return cached[1]
        folded = fold(text)
        self._last_fold = (text, folded)
        return folded

    def _drop_nested(self, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """One finding per passage and category: drop a span lying inside a longer one of the
        same category («cancer» inside «cancer du sein»); a slur keeps both its categories."""
        if len(spans) == 1:
            return spans
        rules = self.rules
        kept = []
        for span in spans:
            start, end, index = span
            category = rules[index].category
            inside = False
            for other in spans:
                o_start, o_end, o_index = other
                if other is span or rules[o_index].category != category:
                    continue
                if (
                    o_start <= start
                    and end <= o_end
                    and ((o_end - o_start) > (end - start) or o_index < index)
                ):
                    inside = True
                    break
            if not inside:
                kept.append(span)
        return kept


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
