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
# Words that only ever name a street: the term right after them is part of an address.
STREET_WORDS = frozenset(
    ["rue", "avenue", "av", "bd", "boulevard", "impasse", "imp", "allee", "quai", "square",
     "faubourg", "chaussee", "lotissement", "lieudit", "parvis", "ruelle"]
)  # fmt: skip
# Street words that are everyday words too («en cours de chimio», «mise en place de la
# dialyse», «en route pour la radiothérapie»): an address only with a house number before them,
# a capital on the next word («place Saint-Esprit», «chemin des Juifs») or an address word
# before them («habite route de…»).
AMBIGUOUS_STREET_WORDS = frozenset(
    ["cours", "route", "place", "pl", "chemin", "passage", "residence", "hameau", "sentier"]
)
ADDRESS_WORDS = STREET_WORDS | AMBIGUOUS_STREET_WORDS
_ADDRESS_CUES = frozenset(
    ["habite", "habitent", "habitant", "habitante", "domicile", "domicilie", "domiciliee",
     "adresse", "demeurant", "sis", "sise", "reside", "residant", "residante", "demenage",
     "demenagee", "chez"]
)  # fmt: skip
_HOUSE_NUMBER = re.compile(r"(?:\b\d{1,4}\s?(?:bis|ter|[bt])?|\bn[°o]\.?)\s*,?\s*$", re.IGNORECASE)
_CAPITAL_NEXT = re.compile(
    r"[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|d['’]|de|du|des|l['’]|la|le|les)[ \t]*)?[A-ZÀ-Ý]"
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
# Both open on one character class, so they are searched at C speed (``[,;!?\n:–—]|\s-\s`` and
# ``[,;!?\n:()–—…]|\s-\s|\.(?:\s|$)`` try every alternative at every character).
_NAME_BREAK = re.compile(r"[,;!?\n:–—\s](?:(?<=[,;!?\n:–—])|(?<=\s)-\s)")
_PART_BREAK = re.compile(r"[,;!?\n:()–—…\s.](?:(?<=[,;!?\n:()–—…])|(?<=\s)-\s|(?<=\.)(?:\s|$))")
_WORD_SPAN = re.compile(r"[a-z0-9]+")
# Words opening a new part of a sentence: the subject before them is not the subject after.
_PART_STARTS = frozenset(["car", "mais", "donc", "parce", "puisque", "alors"])
NUMBER_CONTEXT = "<nombre>"  # a context entry: a number right next to the term («14 hors UE»)
START_CONTEXT = "<début>"  # a context entry: the term opens its part of the clause («larve, …»)
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
        "after_words",
        "before",
        "before_words",
        "case_sensitive",
        "identifier",
        "marks_after",
        "marks_before",
        "near",
        "near_words",
        "needs_context",
        "numbers_after",
        "numbers_before",
        "opening",
        "person_only",
        "reach_after",
        "reach_before",
        "rule",
        "traps",
        "unless_after",
        "unless_before",
    )

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.case_sensitive = rule.case_sensitive
        self.identifier = rule.category == "identifier"
        self.numbers_before = NUMBER_CONTEXT in rule.context_before
        self.numbers_after = NUMBER_CONTEXT in rule.context_after
        self.opening = START_CONTEXT in rule.context_before
        special = (NUMBER_CONTEXT, START_CONTEXT)
        before = [c for c in rule.context_before if c not in special]
        after = [c for c in rule.context_after if c not in special]
        self.before = tuple(_context_key(c) for c in before if term_key(c))
        self.after = tuple(_context_key(c) for c in after if term_key(c))
        # Context made of punctuation only («!!»): looked for in the folded text.
        self.marks_before = tuple(fold(c).strip() for c in before if not term_key(c))
        self.marks_after = tuple(fold(c).strip() for c in after if not term_key(c))
        self.needs_context = bool(rule.context_before or rule.context_after)
        # ``window`` counts the words between the term and its context: a context phrase of
        # several words («sortie de l'» → «sortie de l») is looked at whole, however long.
        self.reach_before = rule.window + max((len(c.split()) - 1 for c in self.before), default=0)
        self.reach_after = rule.window + max((len(c.split()) - 1 for c in self.after), default=0)
        self.traps = _index_traps(_trap_forms(unless) for unless in rule.unless)
        self.near = tuple(_context_key(u) for u in rule.unless_near if term_key(u))
        # one regex per list: a rule may have dozens of context words, looked for in one pass
        self.before_words = _any_of(self.before)
        self.after_words = _any_of(self.after)
        self.near_words = _any_of(self.near)
        self.unless_before = tuple(" " + term_key(u) for u in rule.unless_before if term_key(u))
        self.unless_after = tuple(term_key(u) + " " for u in rule.unless_after if term_key(u))
        self.person_only = rule.subject == "person"

    def in_context(self, text: str, key: str, start: int, end: int, folded: Folding) -> bool:
        """A context word of the rule stands near the term."""
        if self.opening and opens_its_part(text, key, start):
            return True
        if self.marks_before or self.marks_after:
            near = folded(text)
            if any(m in near[max(0, start - 12) : start] for m in self.marks_before):
                return True
            if any(m in near[end : end + 12] for m in self.marks_after):
                return True
        if self.before or self.numbers_before:
            reach = self.reach_before
            words = " " + " ".join(key[:start].rsplit(None, reach)[-reach:]) + " "
            if self.before_words is not None and self.before_words.search(words):
                return True
            if self.numbers_before and _has_number(words, last=True):
                return True
        if self.after or self.numbers_after:
            reach = self.reach_after
            words = " " + " ".join(key[end:].split(None, reach)[:reach]) + " "
            if self.after_words is not None and self.after_words.search(words):
                return True
            if self.numbers_after and _has_number(words, last=False):
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
        return self.near_words is not None and self.near_words.search(around) is not None

    def before_trap(self, key: str, start: int) -> bool:
        """«travaille au CMP»: an ``unless_before`` phrase right before the term, once the
        articles and prepositions in between are skipped."""
        words = key[max(0, start - 80) : start].split()
        while words and words[-1] in _LINK_WORDS:
            words.pop()
        tail = " " + " ".join(words)
        return any(tail.endswith(phrase) for phrase in self.unless_before)

    def after_trap(self, key: str, end: int) -> bool:
        """«tapette à mouches»: an ``unless_after`` phrase right after the term."""
        tail = " ".join(key[end : end + 80].split()) + " "
        return any(tail.startswith(phrase) for phrase in self.unless_after)


class _AnyOf:
    """Finds any of its phrases as a substring, with one regex compiled on first use (most
    rules never need theirs in a run: compiling them all would slow every start)."""

    __slots__ = ("_pattern", "_phrases")

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._phrases = phrases
        self._pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern
        if pattern is None:
            ordered = sorted(set(self._phrases), key=len, reverse=True)
            pattern = self._pattern = re.compile("|".join(map(re.escape, ordered)))
        return pattern.search(text)


def _any_of(phrases: tuple[str, ...]) -> _AnyOf | None:
    """A finder of any of ``phrases`` as a substring (None for no phrase)."""
    return _AnyOf(phrases) if phrases else None


def _context_key(phrase: str) -> str:
    """A context phrase as looked for among the words around a term: it starts a word and, when
    written with a final «$» («m$», «il$»), ends one too («M.» but not «Mme»)."""
    key = " " + term_key(phrase)
    return key + " " if phrase.endswith("$") else key


def _has_number(words: str, *, last: bool) -> bool:
    """The word right next to the term (last of ``words`` before it, first after it) is a
    number («14 hors UE», not «3 virements hors UE»)."""
    parts = words.split()
    near = parts[-1:] if last else parts[:1]
    return any(part.isdigit() for part in near)


def opens_its_part(text: str, key: str, start: int) -> bool:
    """No word stands before ``start`` in its part of the clause («larve, ne se lève…»,
    «… ; étrangère, en France depuis 2 ans»)."""
    low = max(0, start - 120)
    for match in _PART_BREAK.finditer(text, low, start):
        low = match.end()
    return _WORD_SPAN.search(key, low, start) is None


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
    Laurent», «BLANC-NOIR»; or a street: «rue de l'Église», «12 place de la Synagogue», «chemin
    des Juifs» — but not «en cours de chimio» or «en route pour la dialyse»."""
    capital = text[start : start + 1].isupper() and " " not in text[start:end]
    if (
        capital
        and (
            _COMPOUND_NAME.match(text, end)
            or (
                text.endswith(("-", "-\n"), max(0, start - 30), start)  # what «-$» can match
                and _COMPOUND_NAME_BEFORE.search(text[max(0, start - 30) : start])
            )
            or _FIRST_NAME_AFTER.match(text, end)
        )
    ):
        return True
    # The clause's last three words are among the comment's last three words before the term
    # (a clause starts after a break, a space in ``key``): the clause is looked for only when
    # these hold a civility or an address word.
    last_three = key[:start].rsplit(None, 3)[-3:]
    civility = capital and bool(last_three) and last_three[-1] in CIVILITIES
    if not civility and ADDRESS_WORDS.isdisjoint(last_three):
        return False  # the common case
    clause_start = 0
    for match in _NAME_BREAK.finditer(text, 0, start):  # the last break before the term
        clause_start = match.end()
    words = key[clause_start:start].rsplit(None, 3)[-3:]  # the last three words
    if civility and words and words[-1] in CIVILITIES:
        return True
    if ADDRESS_WORDS.isdisjoint(words):
        return False
    if not STREET_WORDS.isdisjoint(words):
        return True
    return _ambiguous_street(text, key, clause_start, start)


def _ambiguous_street(text: str, key: str, clause_start: int, start: int) -> bool:
    """One of the last three words before the term is «cours», «place», «route»…: a street
    only with a house number before it, a capital on the word after it (unless the whole
    clause is in capitals) or an address word among the three words before it."""
    spans = [m.span() for m in _WORD_SPAN.finditer(key, clause_start, start)]
    shouted = text[clause_start:start].isupper()
    for index in range(max(0, len(spans) - 3), len(spans)):
        word_start, word_end = spans[index]
        if key[word_start:word_end] not in AMBIGUOUS_STREET_WORDS:
            continue
        if _HOUSE_NUMBER.search(text, max(0, word_start - 12), word_start):
            return True
        if not shouted and _CAPITAL_NEXT.match(text, word_end):
            return True
        before = {key[a:b] for a, b in spans[max(0, index - 3) : index]}
        if not _ADDRESS_CUES.isdisjoint(before):
            return True
    return False


class SubjectGate:
    """Whether a term is said of a person: the nearest word before it, in its part of the
    clause, that names a person («il», «la patiente», «Mme», a capitalised surname) or an
    object («le couloir», «la salle», «ça») decides; none means the person — an
    administrative comment leaves its subject out («pue !!!», «sent la transpiration»)."""

    __slots__ = ("objects", "persons")

    def __init__(self, persons: Iterable[str], objects: Iterable[str]) -> None:
        self.persons = frozenset(w for w in (term_key(p) for p in persons) if " " not in w)
        self.objects = frozenset(w for w in (term_key(o) for o in objects) if " " not in w)

    def said_of_a_person(self, text: str, key: str, start: int) -> bool:
        low = max(0, start - 120)
        for match in _PART_BREAK.finditer(text, low, start):
            low = match.end()
        words = [(m.start(), m.group()) for m in _WORD_SPAN.finditer(key, low, start)]
        first = words[0][0] if words else -1
        for position, word in reversed(words):
            if word in _PART_STARTS:
                break
            if word in self.persons:
                return True
            if word in self.objects:
                return False
            raw = text[position : position + len(word)]
            if position != first and raw[:1].isupper() and not raw.isupper() and word.isalpha():
                return True  # a surname or a first name
        return True


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
