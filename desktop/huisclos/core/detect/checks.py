"""The checks a matched term must pass before it is a finding, one compiled rule at a time.

A term is checked only where it was found, on the comment's key-folded text (``key``, same
length as the cell, so offsets agree) and, when punctuation matters, on its folded text:

- context words for short abbreviations (K, TS, OH…): within ``window`` words before or after;
- ``unless`` traps («25-OH vitamine D»), ``unless_near`` words («parle» + «arabe») and
  ``unless_before`` phrases («travaille au CMP»);
- surnames and places: after a civility, before a first name, in «BLANC-NOIR», after «rue»;
- the practice's allowlist.

An identifier rule (a password or a login) takes the secret written after its label with it
(:data:`SECRET_AFTER`, :data:`NEW_SECRET`). Pure functions over immutable data; thread-safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .lexicon import Rule
from .normalize import fold, key_fold
from .terms import term_key

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
# Articles and prepositions skipped between an ``unless_before`` phrase and the term.
_LINK_WORDS = frozenset(
    ["a", "au", "aux", "en", "dans", "un", "une", "le", "la", "les", "l", "du", "de", "des", "d",
     "pour", "chez", "sur", "comme", "service", "centre", "hopital", "hosto", "clinique",
     "unite", "etablissement", "secteur", "pole"]
)  # fmt: skip
_COMPOUND_NAME = re.compile(r"-[A-ZÀ-Ý]{2,}")
_COMPOUND_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý]{2,}-$")
_FIRST_NAME_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?![\w'-])")
_NAME_BREAK = re.compile(r"[,;!?\n:–—]|\s-\s")
# The secret or login written after «mdp», «identifiant ameli»…: everything up to the end of the
# clause (comma, semicolon, line break, dash or slash before a space, «–», a full stop, «!» or
# «?» before a space — «Rose!1948» is one value), at most 80 characters. The same end as the
# rewrite's (rewrite/strategies.py), so the suggestion drops exactly the flagged value.
SECRET_AFTER = re.compile(
    r"[ \t]*(?:[:=][ \t]*)?([^,;\r\n]{0,80}?)"
    r"(?=[ \t]*(?:[,;\r\n]|[-–—/][ \t]|[–—]|\.(?:\s|$)|[!?…]+\s|$))"
)
# A new secret written after a forgotten one («mot de passe oublié, nouveau : Bebe2024», «mdp
# oublié, c'est Soleil!23»): «mot de passe oublié» alone is benign, but a password-looking token
# (six characters or more, letters with digits or symbols) after «nouveau», «c'est», «:» or «=»
# in the same sentence is a secret. The finding then runs up to the token.
NEW_SECRET = re.compile(
    r"[^.!?\r\n]{0,40}?(?:\b(?:nouveau|nouvel|nouvelle|provisoire|c['’]est|est)\b|[:=])"
    r"[ \t]*(?:[:=][ \t]*)?(?:(?:mdp|mot de passe|code)\b[ \t]*(?:[:=][ \t]*)?)?"
    r"(?<!\S)(?=\S{6,}(?!\S))(?=\S*[^\W\d_])(?=\S*(?:\d|[!#$%&*@?+=_]))"
    r"\S*?[^\s,;.:](?=[,;.:]*(?:\s|$))",
    re.IGNORECASE,
)

Folding = Callable[[str], str]
"""``fold`` of the comment being checked (the detector keeps the last one)."""

Trap = tuple[str, str | None]  # (folded trap, its key form when punctuation does not matter)


class CompiledRule:
    """A lexicon rule made ready for checking: its context words, traps and the checks it needs,
    computed once when the detector is built."""

    __slots__ = (
        "after",
        "before",
        "case_sensitive",
        "identifier",
        "marks_after",
        "marks_before",
        "near",
        "needs_context",
        "reach_after",
        "reach_before",
        "rule",
        "traps",
        "unless_before",
    )

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.case_sensitive = rule.case_sensitive
        self.identifier = rule.category == "identifier"
        self.before = tuple(" " + term_key(c) for c in rule.context_before if term_key(c))
        self.after = tuple(" " + term_key(c) for c in rule.context_after if term_key(c))
        # Context made of punctuation only («!!»): looked for in the folded text.
        self.marks_before = tuple(fold(c).strip() for c in rule.context_before if not term_key(c))
        self.marks_after = tuple(fold(c).strip() for c in rule.context_after if not term_key(c))
        self.needs_context = bool(rule.context_before or rule.context_after)
        # ``window`` counts the words between the term and its context: a context phrase of
        # several words («sortie de l'» → «sortie de l») is looked at whole, however long.
        self.reach_before = rule.window + max((len(c.split()) - 1 for c in self.before), default=0)
        self.reach_after = rule.window + max((len(c.split()) - 1 for c in self.after), default=0)
        self.traps = _index_traps(_trap_forms(unless) for unless in rule.unless)
        self.near = tuple(" " + term_key(u) for u in rule.unless_near)
        self.unless_before = tuple(" " + term_key(u) for u in rule.unless_before if term_key(u))

    def in_context(self, text: str, key: str, start: int, end: int, folded: Folding) -> bool:
        """A context word of the rule stands near the term."""
        if self.marks_before or self.marks_after:
            near = folded(text)
            if any(m in near[max(0, start - 12) : start] for m in self.marks_before):
                return True
            if any(m in near[end : end + 12] for m in self.marks_after):
                return True
        if self.before:
            reach = self.reach_before
            words = " " + " ".join(key[:start].rsplit(None, reach)[-reach:]) + " "
            if any(c in words for c in self.before):
                return True
        if self.after:
            reach = self.reach_after
            words = " " + " ".join(key[end:].split(None, reach)[:reach]) + " "
            if any(c in words for c in self.after):
                return True
        return False

    def trapped(self, text: str, key: str, start: int, end: int, folded: Folding) -> bool:
        """An ``unless`` trap of the rule covers the matched words («25-OH vitamine D»)."""
        words = key[start:end].split()
        traps = self.traps.get(words[0], ()) if words else ()
        if not traps:
            return False
        whole = folded(text)
        reach = 200  # traps are short phrases: only look around the match
        low = max(0, start - reach)
        near_folded = whole[low : end + reach]
        near_key = key[low : end + reach]
        for trap, trap_key in traps:
            if trap in near_folded and covers(whole, trap, start, end):
                return True
            if trap_key and trap_key in near_key and covers(key, trap_key, start, end):
                return True
        return False

    def near_trap(self, key: str, start: int, end: int) -> bool:
        """An ``unless_near`` word stands within ``window`` words («parle arabe»)."""
        window = self.rule.window
        around = (
            " " + " ".join(key[:start].rsplit(None, window)[-window:]) + " "
            + " ".join(key[end:].split(None, window)[:window]) + " "
        )  # fmt: skip
        return any(word in around for word in self.near)

    def before_trap(self, key: str, start: int) -> bool:
        """«travaille au CMP»: an ``unless_before`` phrase right before the term, once the
        articles and prepositions in between are skipped."""
        words = key[max(0, start - 80) : start].split()
        while words and words[-1] in _LINK_WORDS:
            words.pop()
        tail = " " + " ".join(words)
        return any(tail.endswith(phrase) for phrase in self.unless_before)


def _trap_forms(unless: str) -> Trap:
    folded = fold(unless).strip()
    key = term_key(unless)
    # The key form drops punctuation: only safe when the trap has none that matters («K+»).
    plain = re.fullmatch(r"[\w\s'’\-]+", unless) is not None
    return folded, (key if plain and key else None)


def _index_traps(traps: Iterable[Trap]) -> dict[str, tuple[Trap, ...]]:
    """``unless`` traps by each of their words: a trap can only cover a match whose first word
    it contains, so a check looks at a handful of traps instead of hundreds."""
    index: dict[str, list[Trap]] = {}
    for trap in traps:
        for word in set(key_fold(trap[0]).split()):
            index.setdefault(word, []).append(trap)
    return {word: tuple(items) for word, items in index.items()}


def looks_like_name_or_place(text: str, key: str, start: int, end: int) -> bool:
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


def allowed(allow_keys: tuple[str, ...], key: str, start: int, end: int) -> bool:
    """The matched words are, or lie inside, a term the practice allowed."""
    return any(covers(key, term, start, end) for term in allow_keys)


def covers(haystack: str, needle: str, start: int, end: int) -> bool:
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
