"""The Detector: text → findings, with qualifiers (hearsay, third party, emphasis) as reasons.

CONTRACT (the detector work fills in the bodies).
Threading: a Detector is immutable after construction and safe to share between threads (its
only mutable parts are a memo of already-seen comments and a one-cell fold cache, both swapped
atomically; the hyperscan scan of a batch holds a lock).

How it works:

1. Every term of the lexicon is folded by :func:`normalize.key_fold` (ASCII, lower case,
   punctuation as spaces) with a few generated variants (plural «s», «s i d a» spelt letter by
   letter, a doubled letter written single, feminine «e»/«ve»/«se», «œ»/«oe») and put, padded
   with one space on each side, into ONE Aho-Corasick automaton (per comment) and ONE hyperscan
   database (per batch of comments; pyahocorasick when hyperscan is not installed). The padding
   gives word boundaries for free.
2. A comment is key-folded (same length, so offsets stay valid), padded, and run through the
   automaton; runs of three identical letters («SIDAAA») are squeezed first on a copy.
3. Each hit is checked only where it was found: exact case for sigles (AME ≠ «l'âme»), context
   words for short abbreviations (K, TS, OH…), punctuation a term needs («passe :»), ``unless``
   and ``unless_near`` traps, surnames (after a civility, before a first name, «BLANC-NOIR»),
   street names, and the practice allowlist.
4. Qualifiers found in the same sentence become reasons and raise the severity by one level;
   they never remove a finding, and negation is not looked at.
5. NIR, IBAN and card numbers are found by checksum (core/identifiers.py).

For a whole export, :meth:`Detector.candidates` folds and matches a batch of thousands of cells
in one pass, so cells without any candidate hit cost no Python work at all; equal comments are
analysed once (:meth:`Detector.detect_raw` memo).

For the desktop app: ``Detector.default()`` is built once and rebuilt by itself when a lexicon
file or the practice's files change; ``Detector(lexicon, allowlist=[...])`` or
``detector.with_allowlist([...])`` gives a detector with another allowlist; one edited cell is
re-checked with ``detector.detect(text, row=, column=, sheet=)`` (or ``scan.rescan_cell``, which
also fills the suggestion).
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

try:  # the fastest exact matcher for whole batches (tests/benchmarks/bench_matcher.py)
    import hyperscan
except ImportError:  # pragma: no cover - falls back to pyahocorasick
    hyperscan = None

from ..errors import LexiconError
from ..safe_write import replace_atomically
from .categories import CATEGORIES, SEVERITIES, SEVERITY_RANK
from .findings import Finding, RawFinding
from .identifiers import BATCH_PREFILTER, find_identifiers
from .lexicon import Lexicon, Rule, load_lexicon
from .normalize import fold, key_fold, key_fold_bytes, squeeze_repeats

logger = logging.getLogger(__name__)

__all__ = ["Detector"]

CIVILITIES = frozenset(
    [
        "m",
        "mr",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "monsieur",
        "madame",
        "mademoiselle",
        "dr",
        "docteur",
        "pr",
        "professeur",
        "me",
        "famille",
        "epoux",
        "epouse",
        "veuve",
        "nee",
    ]
)
ADDRESS_WORDS = frozenset(
    [
        "rue",
        "avenue",
        "av",
        "bd",
        "boulevard",
        "place",
        "pl",
        "impasse",
        "imp",
        "allee",
        "chemin",
        "route",
        "quai",
        "square",
        "residence",
        "cours",
        "faubourg",
        "chaussee",
        "lotissement",
        "hameau",
        "lieudit",
        "parvis",
        "passage",
        "sentier",
        "ruelle",
    ]
)
# Clause ends for qualifiers. A line break inside a cell is a clause end unless the next line
# goes on in lower case («serait homosexuelle\nd'après sa mère» is one wrapped sentence).
_CLAUSE_BREAK = re.compile(r"[;!?|()\[\]]+|\.(?=\s|$)|\s[-–—/]\s|:|[\r\n]+(?![ \t]*[a-zà-ÿ])")
_WORD = re.compile(r"[a-z0-9]+")
_GAP_AND_NUMBERS = re.compile(r"\s+(?:[0-9]+\s+)*")  # in ``key``: spaces and number-only words
# Articles and prepositions skipped between an ``unless_before`` phrase and the term.
_LINK_WORDS = frozenset(
    ["a", "au", "aux", "en", "dans", "un", "une", "le", "la", "les", "l", "du", "de", "des", "d",
     "pour", "chez", "sur", "comme", "service", "centre", "hopital", "hosto", "clinique",
     "unite", "etablissement", "secteur", "pole"]
)  # fmt: skip
# Words opening a new part of a clause: a relative in one part is not the subject of another.
_PART_STARTS = frozenset(
    ["car", "mais", "donc", "parce", "puisque", "tandis", "alors", "cependant"]
)
# A relative right after these words is someone to contact, not the subject («appeler la fille»).
_CONTACT_WORDS = frozenset(
    [
        "appeler", "appeller", "appelle", "appelez", "rappeler", "rappelle", "rappelez",
        "joindre", "joignable", "contacter", "contactez", "contacte", "prevenir", "prevenez",
        "telephoner", "ecrire", "adresser", "demander", "passer", "envoyer", "transmettre",
        "aupres", "via", "voir", "accompagne", "accompagnee", "accompagnant", "accompagnante",
    ]
)  # fmt: skip
_DIGIT_RUN = re.compile(r"[0-9](?: ?[0-9ab]){12}")  # as BATCH_PREFILTER
_COMPOUND_NAME = re.compile(r"-[A-ZÀ-Ý]{2,}")
_COMPOUND_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý]{2,}-$")
_FIRST_NAME_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?![\w'-])")
_NAME_BREAK = re.compile(r"[,;!?\n:–—]|\s-\s")
# The secret or login written after «mdp», «identifiant ameli»…: everything up to the end of the
# clause (comma, semicolon, line break, dash or slash before a space, «–», a full stop, «!» or
# «?» before a space — «Rose!1948» is one value), at most 80 characters. The same end as the
# rewrite's (core/rewrite.py), so the suggestion drops exactly the flagged value.
_SECRET_AFTER = re.compile(
    r"[ \t]*(?:[:=][ \t]*)?([^,;\r\n]{0,80}?)"
    r"(?=[ \t]*(?:[,;\r\n]|[-–—/][ \t]|[–—]|\.(?:\s|$)|[!?…]+\s|$))"
)
# A new secret written after a forgotten one («mot de passe oublié, nouveau : Bebe2024», «mdp
# oublié, c'est Soleil!23»): «mot de passe oublié» alone is benign, but a password-looking token
# (six characters or more, letters with digits or symbols) after «nouveau», «c'est», «:» or «=»
# in the same sentence is a secret. The finding then runs up to the token.
_NEW_SECRET = re.compile(
    r"[^.!?\r\n]{0,40}?(?:\b(?:nouveau|nouvel|nouvelle|provisoire|c['’]est|est)\b|[:=])"
    r"[ \t]*(?:[:=][ \t]*)?(?:(?:mdp|mot de passe|code)\b[ \t]*(?:[:=][ \t]*)?)?"
    r"(?<!\S)(?=\S{6,}(?!\S))(?=\S*[^\W\d_])(?=\S*(?:\d|[!#$%&*@?+=_]))"
    r"\S*?[^\s,;.:](?=[,;.:]*(?:\s|$))",
    re.IGNORECASE,
)
_NON_ALNUM = re.compile(r"[\W_]+")
_CATEGORY_ORDER = {name: index for index, name in enumerate(CATEGORIES)}

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

# Endings whose feminine is the word + «e» (malentendant·e, musulman·e, voisin·e, bavard·e…).
FEMININE_E_ENDINGS = (
    "ant",
    "ent",
    "ain",
    "ien",
    "in",
    "an",
    "ard",
    "and",
    "ais",
    "ois",
    "ot",
    "al",
    "el",
    "ul",
)


@dataclass(frozen=True, slots=True)
class _Clause:
    """The qualifiers of one clause: word offsets, the part of the clause each word is in, the
    parts whose subject is a relative, and the clause-wide reasons (hearsay)."""

    offsets: tuple[int, ...]
    parts: tuple[int, ...]
    relative_parts: tuple[int, ...]
    reasons: tuple[str, ...]

    def reasons_at(self, start: int) -> tuple[str, ...]:
        if not self.relative_parts:
            return self.reasons
        word = bisect.bisect_right(self.offsets, start) - 1
        part = self.parts[max(0, word)]
        if part in self.relative_parts:
            return (*self.reasons, "third_party")
        return self.reasons


@dataclass(frozen=True, slots=True)
class _Form:
    rule: int
    term: str
    stripped: str  # the term without punctuation, for case-sensitive comparison
    marks: re.Pattern[str] | None = None  # «passe :», «VIH+»: the punctuation must be there


def _marks_pattern(term: str) -> re.Pattern[str] | None:
    """For a term whose punctuation matters («passe :», «K+»), a regex over the folded text."""
    folded = fold(term).strip()
    if re.fullmatch(r"[\w\s'’.\-]*", folded):
        return None
    parts = []
    for char in folded:
        if char.isalnum():
            parts.append(re.escape(char))
        elif char.isspace():
            parts.append(r"[\W_]*")
        else:
            parts.append(r"\s*" + re.escape(char))
    return re.compile("".join(parts))


def _norm_key(text: str) -> str:
    return " ".join(key_fold(text).split())


def _term_variants(term: str, case_sensitive: bool) -> set[str]:
    """The key-folded surface forms one lexicon term is matched under."""
    base = _norm_key(term)
    if not base:
        return set()
    variants = {base}
    lower = term.lower()
    if "oe" in lower or "œ" in lower:
        variants.add(_norm_key(lower.replace("œ", "oe")))
        variants.add(_norm_key(lower.replace("oe", "œ")))
    words = base.split()
    single = len(words) == 1 and base.isalpha()
    if single and 2 <= len(base) <= 6:
        variants.add(" ".join(base))  # «s.i.d.a», «V I H»
    if case_sensitive:
        return variants
    if single and len(base) >= 4 and base[-1] not in "sxz":
        variants.add(base + "s")
    if single and len(base) >= 5:  # feminine forms: malentendant·e, séropositif/ve, anxieux/se
        if base.endswith(FEMININE_E_ENDINGS):  # not «escort» → «escorte» (police escort)
            variants.update({base + "e", base + "es"})
        elif base.endswith("if"):
            variants.update({base[:-1] + "ve", base[:-1] + "ves"})
        elif base.endswith("eux"):
            variants.update({base[:-1] + "se", base[:-1] + "ses"})
    for variant in list(variants):
        letters = variant.replace(" ", "")
        if len(letters) >= 6 and " " not in variant.strip():
            for match in re.finditer(r"([a-z])\1", variant):
                variants.add(variant[: match.start()] + variant[match.start() + 1 :])
    return variants


class Detector:
    lexicon: Lexicon

    _default_lock = threading.Lock()
    _default_cache: tuple[tuple, Detector] | None = None

    def __init__(self, lexicon: Lexicon, allowlist: Iterable[str] = ()) -> None:
        """Compile ``lexicon``; terms in ``allowlist`` (accepted by the practice) never fire."""
        self.lexicon = lexicon
        # French warnings about the practice's own files (set by ``default()``): a malformed
        # termes-cabinet.toml is skipped, not blocking — the caller shows these to the user.
        self.warnings: tuple[str, ...] = ()
        self.allowlist = tuple(term for term in (t.strip() for t in allowlist) if term)
        self._allow_keys = tuple(sorted({_norm_key(t) for t in self.allowlist} - {""}))
        self.rules: list[Rule] = [rule for rule in lexicon.rules if rule.validator is None]
        validators = {}
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
        self._forms: list[_Form] = []
        keys: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            for term in rule.terms if rule.validator is None else ():
                form_id = len(self._forms)
                self._forms.append(
                    _Form(index, term, _NON_ALNUM.sub("", term), _marks_pattern(term))
                )
                for variant in _term_variants(term, rule.case_sensitive):
                    keys.setdefault(variant, []).append(form_id)
        self._contexts = [
            (
                tuple(" " + _norm_key(c) for c in rule.context_before if _norm_key(c)),
                tuple(" " + _norm_key(c) for c in rule.context_after if _norm_key(c)),
                tuple(fold(c).strip() for c in rule.context_before if not _norm_key(c)),
                tuple(fold(c).strip() for c in rule.context_after if not _norm_key(c)),
            )
            for rule in self.rules
        ]
        self._context_reach = [
            (
                max((len(c.split()) - 1 for c in before), default=0),
                max((len(c.split()) - 1 for c in after), default=0),
            )
            for before, after, _, _ in self._contexts
        ]
        self._unless = [
            _index_traps(self._unless_forms(u) for u in rule.unless) for rule in self.rules
        ]
        self._near = [tuple(" " + _norm_key(u) for u in rule.unless_near) for rule in self.rules]
        self._before = [
            tuple(" " + _norm_key(u) for u in rule.unless_before if _norm_key(u))
            for rule in self.rules
        ]
        # Which checks each rule needs, looked up once per candidate term instead of one
        # attribute at a time: (case-sensitive, needs context, unless, unless near,
        # unless before, identifier).
        self._gates = [
            (
                rule.case_sensitive,
                bool(rule.context_before or rule.context_after),
                bool(unless),
                bool(near),
                bool(before),
                rule.category == "identifier",
            )
            for rule, unless, near, before in zip(
                self.rules, self._unless, self._near, self._before, strict=True
            )
        ]
        self._qualifiers = _phrase_automaton(
            {"hearsay": lexicon.hearsay, "third_party": lexicon.third_party}
        )
        self._exclaim = re.compile(r"(?:!\s*){" + str(max(1, lexicon.min_exclamations)) + ",}")
        self._automaton = ahocorasick.Automaton()
        for key, form_ids in keys.items():
            self._automaton.add_word(f" {key} ", (len(key), tuple(form_ids)))
        for letter in "abcdefghijklmnopqrstuvwxyz":  # «SIDAAA»: a cell worth squeezing
            self._automaton.add_word(letter * 3, (0, ()))
        self._automaton.make_automaton()
        self.term_count = len(keys)
        self._batch_db = _batch_database(keys) if hyperscan is not None else None
        self._batch_lock = threading.Lock()
        self._memo: dict[str, tuple[RawFinding, ...]] = {}
        self._last_fold: tuple[str, str] = ("", "")

    # ----------------------------------------------------------------------------- building
    @staticmethod
    def _unless_forms(unless: str) -> tuple[str, str | None]:
        folded = fold(unless).strip()
        key = _norm_key(unless)
        # The key form drops punctuation: only safe when the trap has none that matters («K+»).
        plain = re.fullmatch(r"[\w\s'’\-]+", unless) is not None
        return folded, (key if plain and key else None)

    @classmethod
    def default(cls, *, refresh: bool = False) -> Detector:
        """Bundled lexicon + the practice's extra terms and allowlist from the data folder.

        Built once and cached; rebuilt automatically when a lexicon file or one of the
        practice's files changes (so the desktop settings only need to save them).
        """
        from . import practice
        from .lexicon import default_lexicon_dir

        folder = default_lexicon_dir()
        watched = [
            *sorted(folder.glob("*.toml")),
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
            detector = cls(lexicon, allowlist=allowlist)
            detector.warnings = tuple(warnings)
            for warning in warnings:
                logger.warning("Practice files: %s", warning)
            cls._default_cache = (stamp, detector)
            return detector

    def rule_named(self, rule_id: str) -> Rule:
        """The rule with this id (lexicon, practice or built-in identifier rule); ``KeyError``
        if this detector has none."""
        return self._rule_ids[rule_id]

    def with_allowlist(self, allowlist: Iterable[str]) -> Detector:
        """The same lexicon with another allowlist (e.g. after «Toujours autoriser ce terme»)."""
        return Detector(self.lexicon, allowlist)

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

    def detect_raw(self, text: str) -> tuple[RawFinding, ...]:
        """Findings of ``text`` as plain tuples, memoised: comments repeat a lot in an export."""
        memo = self._memo
        hit = memo.get(text)
        if hit is not None:
            return hit
        result = self._detect(text)
        if len(memo) > 200_000:
            memo.clear()
        memo[text] = result
        return result

    def _detect(self, text: str) -> tuple[RawFinding, ...]:
        key = key_fold(text)
        padded = f" {key} "
        spans: dict[tuple[int, int, int], None] = {}
        stretched = False
        for last, (length, form_ids) in self._automaton.iter(padded):
            if form_ids:
                self._check(text, key, last - length - 1, last - 1, form_ids, spans)
            else:
                stretched = True  # «aaa»: some letters are repeated, try the squeezed text
        squeezed = squeeze_repeats(padded) if stretched else None
        if squeezed is not None:
            short, origin = squeezed
            for start, end, form_ids in self._hits(short):
                self._check(text, key, origin[start] - 1, origin[end] - 1, form_ids, spans)
        for match in find_identifiers(text) if _DIGIT_RUN.search(key) else ():
            spans[(match.start, match.end, self._validator_rules[match.kind])] = None
        if not spans:
            return ()
        kept = self._drop_nested(list(spans))
        return tuple(self._qualify(text, key, kept))

    def _hits(self, padded: str) -> Iterable[tuple[int, int, tuple[int, ...]]]:
        for last, (length, form_ids) in self._automaton.iter(padded):
            if form_ids:
                end = last  # the trailing space
                yield end - length, end, form_ids

    def _check(
        self,
        text: str,
        key: str,
        start: int,
        end: int,
        form_ids: tuple[int, ...],
        spans: dict[tuple[int, int, int], None],
    ) -> None:
        raw = text[start:end]
        forms = self._forms
        for form_id in form_ids:
            form = forms[form_id]
            index = form.rule
            case_sensitive, in_context, unless, near, before, identifier = self._gates[index]
            if case_sensitive and _NON_ALNUM.sub("", raw) != form.stripped:
                continue
            if form.marks is not None and not form.marks.match(self._folded(text), start):
                continue
            if in_context and not self._in_context(index, text, key, start, end):
                continue
            renewed = None
            if unless and self._trapped(index, text, key, start, end):
                if not identifier:
                    continue
                renewed = _NEW_SECRET.match(text, end)
                if renewed is None:
                    continue
            if near and self._near_trap(index, key, start, end):
                continue
            if before and self._before_trap(index, key, start):
                continue
            if self._looks_like_name_or_place(text, key, start, end):
                continue
            if self._allow_keys and self._allowed(key, start, end):
                continue
            stop = end
            if renewed is not None:
                stop = renewed.end()
            elif identifier:  # «mdp : Azerty2024» — the secret goes too
                secret = _SECRET_AFTER.match(text, end)
                if secret and secret.group(1).strip():
                    stop = secret.end(1)
            spans[(start, stop, index)] = None

    def _in_context(self, index: int, text: str, key: str, start: int, end: int) -> bool:
        rule = self.rules[index]
        before, after, marks_before, marks_after = self._contexts[index]
        if marks_before or marks_after:  # «!!» and other punctuation-only context
            folded = self._folded(text)
            if any(m in folded[max(0, start - 12) : start] for m in marks_before):
                return True
            if any(m in folded[end : end + 12] for m in marks_after):
                return True
        # ``window`` counts the words between the term and its context: a context phrase of
        # several words («sortie de l'» → «sortie de l») is looked at whole, however long.
        if before:
            reach = rule.window + self._context_reach[index][0]
            words = " " + " ".join(key[:start].rsplit(None, reach)[-reach:]) + " "
            if any(c in words for c in before):
                return True
        if after:
            reach = rule.window + self._context_reach[index][1]
            words = " " + " ".join(key[end:].split(None, reach)[:reach]) + " "
            if any(c in words for c in after):
                return True
        return False

    def _folded(self, text: str) -> str:
        """``fold(text)`` for the cell being checked (one-entry cache, atomic swap)."""
        cached = self._last_fold
        if cached[0] is text:
            return cached[1]
        folded = fold(text)
        self._last_fold = (text, folded)
        return folded

    def _near_trap(self, index: int, key: str, start: int, end: int) -> bool:
        window = self.rules[index].window
        around = (
            " " + " ".join(key[:start].rsplit(None, window)[-window:]) + " "
            + " ".join(key[end:].split(None, window)[:window]) + " "
        )  # fmt: skip
        return any(word in around for word in self._near[index])

    def _before_trap(self, index: int, key: str, start: int) -> bool:
        """«travaille au CMP»: an ``unless_before`` phrase right before the term, once the
        articles and prepositions in between are skipped."""
        words = key[max(0, start - 80) : start].split()
        while words and words[-1] in _LINK_WORDS:
            words.pop()
        tail = " " + " ".join(words)
        return any(tail.endswith(phrase) for phrase in self._before[index])

    def _trapped(self, index: int, text: str, key: str, start: int, end: int) -> bool:
        words = key[start:end].split()
        traps = self._unless[index].get(words[0], ()) if words else ()
        if not traps:
            return False
        folded = self._folded(text)
        reach = 200  # traps are short phrases: only look around the match
        low = max(0, start - reach)
        near_folded = folded[low : end + reach]
        near_key = key[low : end + reach]
        for trap, trap_key in traps:
            if trap in near_folded and _covers(folded, trap, start, end):
                return True
            if trap_key and trap_key in near_key and _covers(key, trap_key, start, end):
                return True
        return False

    def _allowed(self, key: str, start: int, end: int) -> bool:
        return any(_covers(key, allowed, start, end) for allowed in self._allow_keys)

    @staticmethod
    def _looks_like_name_or_place(text: str, key: str, start: int, end: int) -> bool:
        """A surname, not a word: «M. Gay», «Dr NOIR», «famille GAY», «NOIR Sandrine», «Gay
        Laurent», «BLANC-NOIR»; or a street: «rue de l'Église»."""
        clause_start = 0
        for match in _NAME_BREAK.finditer(text, 0, start):  # the last break before the term
            clause_start = match.end()
        words = key[clause_start:start].rsplit(None, 3)[-3:]  # the last three words
        if text[start : start + 1].isupper() and " " not in text[start:end]:
            if words and words[-1] in CIVILITIES:
                return True
            if _COMPOUND_NAME.match(text, end) or _COMPOUND_NAME_BEFORE.search(
                text[max(0, start - 30) : start]
            ):
                return True
            if _FIRST_NAME_AFTER.match(text, end):
                return True
        return not ADDRESS_WORDS.isdisjoint(words)

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

    def _qualify(
        self, text: str, key: str, spans: list[tuple[int, int, int]]
    ) -> Iterable[RawFinding]:
        emphasis_cell = bool(self._exclaim.search(text))
        breaks = None
        if self._may_qualify(key):  # most comments: no hearsay, no relative, nothing to place
            breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text) + 1]
        clause_cache: dict[int, _Clause] = {}
        minimum_caps = self.lexicon.min_capital_letters
        out = []
        for start, end, index in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
            rule = self.rules[index]
            reasons: tuple[str, ...] = ()
            if breaks is not None:
                clause = _clause_index(breaks, start)
                qualified = clause_cache.get(clause)
                if qualified is None:
                    qualified = self._clause(text, key, breaks[clause], breaks[clause + 1])
                    clause_cache[clause] = qualified
                reasons = qualified.reasons_at(start)
            matched = text[start:end]
            shouting = (
                matched.isupper()
                and rule.category != "identifier"
                and sum(char.isalpha() for char in matched) > minimum_caps
            )
            if emphasis_cell or shouting:
                reasons = (*reasons, "emphasis")
            severity = rule.severity
            if reasons:
                severity = SEVERITIES[min(SEVERITY_RANK[severity] + 1, len(SEVERITIES) - 1)]
            out.append(RawFinding(start, end, index, severity, reasons))
        return out

    def _may_qualify(self, key: str) -> bool:
        """False when no clause of the comment can hold a qualifier: a clause's words are a run
        of the comment's words (clauses are cut at punctuation, a space in ``key``), so a
        qualifier phrase found in a clause is also found in the whole comment."""
        plain = _GAP_AND_NUMBERS.sub(" ", f" {key} ")  # the words, numbers left out
        return any(kind for _, (kind, _) in self._qualifiers.iter(plain))

    def _clause(self, text: str, key: str, low: int, high: int) -> _Clause:
        """Where the qualifiers of one clause apply.

        Hearsay («serait», «d'après») covers the whole clause. A relative («sa mère») makes a
        finding third-party only when it is the subject of the same part of the clause — parts
        are cut at commas and at «car», «mais», «parce que»… — or the source of the whole clause
        («d'après sa mère», «sa mère dit que»), or stands alone just before it («sa mère,
        musulmane»). A relative one calls or contacts («appeler la fille») is not a subject.
        """
        plain = [w for w in key[low:high].split() if not w.isdigit()]
        if not plain:
            return _Clause((), (), (), ())
        kinds = {kind for _, (kind, _) in self._qualifiers.iter(" " + " ".join(plain) + " ")}
        reasons = ("hearsay",) if "hearsay" in kinds else ()
        if "third_party" not in kinds:  # the common case: no relative, nothing to place
            return _Clause((), (), (), reasons)
        words: list[str] = []
        offsets: list[int] = []
        parts: list[int] = []
        part = 0
        previous_end = low
        for match in _WORD.finditer(key, low, min(high, len(key))):
            word = match.group()
            if word.isdigit():
                continue
            if words and ("," in text[previous_end : match.start()] or word in _PART_STARTS):
                part += 1
            words.append(word)
            offsets.append(match.start())
            parts.append(part)
            previous_end = match.end()
        if not words:
            return _Clause((), (), (), ())
        joined = " " + " ".join(words) + " "
        starts = []  # offset of each word in ``joined``
        position = 1
        for word in words:
            starts.append(position)
            position += len(word) + 1
        hearsay: list[tuple[int, int]] = []
        relatives: list[tuple[int, int]] = []
        for last, (kind, size) in self._qualifiers.iter(joined):
            if not kind:
                continue
            first_word = bisect.bisect_right(starts, last - size + 2) - 1
            last_word = bisect.bisect_right(starts, last - 1) - 1
            (hearsay if kind == "hearsay" else relatives).append((first_word, last_word))
        subject_parts: set[int] = set()
        source = False
        for first_word, last_word in relatives:
            before = words[max(0, first_word - 2) : first_word]
            if any(w in _CONTACT_WORDS for w in before):
                continue  # «appeler la fille»: a contact rule, not the subject
            subject_parts.add(parts[first_word])
            if any(
                h_last == first_word - 1 or h_first == last_word + 1 for h_first, h_last in hearsay
            ):
                source = True  # «d'après sa mère», «sa mère dit que»
            part_words = [n for n, p in enumerate(parts) if p == parts[first_word]]
            if part_words and part_words[0] >= first_word - 1 and part_words[-1] == last_word:
                subject_parts.add(parts[first_word] + 1)  # «sa mère, musulmane voilée»
        return _Clause(
            tuple(offsets),
            tuple(parts),
            tuple(sorted(subject_parts)) if not source else tuple(range(part + 1)),
            reasons,
        )

    # ----------------------------------------------------------------------------- batches
    def candidates(self, texts: Sequence[str]) -> list[int]:
        """Indices of ``texts`` that may hold a finding; every other text certainly has none.

        One fold and one automaton pass over the whole batch joined with NUL separators, plus one
        regex pass for long digit runs (identifiers): no Python work per clean cell.
        """
        if not texts:
            return []
        joined = " " + " \x00 ".join(texts) + " "
        data = key_fold_bytes(joined)
        if self._batch_db is not None:
            positions: list[int] = []
            add = positions.append
            with self._batch_lock:
                self._batch_db.scan(data, match_event_handler=lambda _i, _f, end, _fl, _c: add(end))
        else:
            positions = [last for last, _ in self._automaton.iter(data.decode("ascii"))]
            positions.extend(match.start() for match in BATCH_PREFILTER.finditer(data))
        if not positions:
            return []
        positions.sort()
        indices: list[int] = []
        cell = 0
        previous = 0
        count = data.count
        for position in positions:
            cell += count(b"\x00", previous, position)
            previous = position
            if not indices or indices[-1] != cell:
                indices.append(cell)
        return indices


def _batch_database(keys: Iterable[str]):  # type: ignore[no-untyped-def]
    """One hyperscan database: every padded key, stretched letters, and long digit runs."""
    expressions = [re.escape(f" {key} ").encode("ascii") for key in sorted(keys)]
    expressions += [(letter * 3).encode("ascii") for letter in "abcdefghijklmnopqrstuvwxyz"]
    expressions.append(BATCH_PREFILTER.pattern)
    digest = hashlib.sha256(b"\n".join([hyperscan.__version__.encode(), *expressions])).hexdigest()
    cached = _load_cached_database(digest)
    if cached is not None:
        return cached
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))))
    _save_cached_database(digest, database)
    return database


def _cache_folder() -> Path:
    from ..datafolder import data_dir

    return data_dir() / "cache"


def _load_cached_database(digest: str):  # type: ignore[no-untyped-def]
    """The compiled matcher saved by an earlier run (saves ~0.2 s per start), or None."""
    try:
        data = (_cache_folder() / f"matcher-{digest[:32]}.hs").read_bytes()
        database = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        return database
    except Exception:  # missing, stale, other hyperscan build: compile again
        return None


def _save_cached_database(digest: str, database) -> None:  # type: ignore[no-untyped-def]
    """Keep only the matcher of the current lexicon (no patient data: lexicon terms only)."""
    try:
        folder = _cache_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / f"matcher-{digest[:32]}.hs"
        for old in folder.glob("matcher-*.hs"):
            if old != target:
                old.unlink(missing_ok=True)
        data = hyperscan.dumpb(database)
        replace_atomically(target, lambda handle: handle.write(data))
    except Exception:  # a read-only data folder only costs the compile time
        logger.info("Matcher cache not written", exc_info=True)


def _index_traps(
    traps: Iterable[tuple[str, str | None]],
) -> dict[str, tuple[tuple[str, str | None], ...]]:
    """``unless`` traps by each of their words: a trap can only cover a match whose first word
    it contains, so a check looks at a handful of traps instead of hundreds."""
    index: dict[str, list[tuple[str, str | None]]] = {}
    for trap in traps:
        for word in set(key_fold(trap[0]).split()):
            index.setdefault(word, []).append(trap)
    return {word: tuple(items) for word, items in index.items()}


def _phrase_automaton(groups: dict[str, Iterable[str]]) -> ahocorasick.Automaton:
    """One automaton finding the phrases of every group (key-folded, as whole words in a
    space-padded string); each hit's value is its group's name and its padded length."""
    automaton = ahocorasick.Automaton()
    for name, phrases in groups.items():
        for phrase in phrases:
            key = _norm_key(phrase)
            if key:
                automaton.add_word(f" {key} ", (name, len(key) + 2))
    automaton.add_word("  ", ("", 2))  # never empty, so make_automaton always works
    automaton.make_automaton()
    return automaton


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _covers(haystack: str, needle: str, start: int, end: int) -> bool:
    """True if an occurrence of ``needle`` starting on a word boundary covers [start, end)."""
    size = len(needle)
    if size < end - start:
        return False
    limit = start + size
    position = haystack.find(needle, max(0, end - size), limit)
    while position != -1 and position <= start:
        if position == 0 or not haystack[position - 1].isalnum():
            return True
        position = haystack.find(needle, position + 1, limit)
    return False


def _clause_index(breaks: list[int], position: int) -> int:
    low, high = 0, len(breaks) - 1
    while low < high - 1:
        middle = (low + high) // 2
        if breaks[middle] <= position:
            low = middle
        else:
            high = middle
    return low
