"""Qualifiers: the reasons shown with a finding — hearsay, a third party, emphasis.

Qualifiers found in the same clause as a finding become its reasons and raise its severity by
one level; they never remove a finding, and negation is not looked at (DESIGN.md). Hearsay
(«serait», «d'après sa mère») covers its clause; a relative («sa mère») makes a finding
third-party only where the relative is the subject; shouting (capitals, «!!!») is emphasis.

Threading: a :class:`Qualifiers` is immutable after construction; safe to share (its hyperscan
scan of the phrases holds a lock).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick

from .categories import SEVERITIES, SEVERITY_RANK
from .findings import RawFinding
from .lexicon import Lexicon, Rule
from .matcher import SpanMatcher, cell_starts, hits_by_cell
from .terms import term_key

# Clause ends for qualifiers. A line break inside a cell is a clause end unless the next line
# goes on in lower case («serait homosexuelle\nd'après sa mère» is one wrapped sentence).
# Written as one character class, then what follows each kind of break: a pattern that opens
# on a class is searched at C speed (``[;!?|()\[\]]+|\.(?=\s|$)|\s[-–—/]\s|:|[\r\n]+(?!…)``
# tries every alternative at every character, three times slower).
_CLAUSE_BREAK = re.compile(
    r"[;!?|()\[\].:\s]"
    r"(?:(?<=[;!?|()\[\]])[;!?|()\[\]]*"  # a run of ; ! ? | ( ) [ ]
    r"|(?<=\.)(?=\s|$)"  # a full stop before a space or the end
    r"|(?<=\s)[-–—/]\s"  # a dash or a slash between spaces
    r"|(?<=:)"
    r"|(?<=[\r\n])[\r\n]*(?![ \t]*[a-zà-ÿ]))"  # line breaks, unless the next line goes on
)
_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[^ ]+")  # a word of ``key`` as ``str.split`` cuts it (only spaces separate)
# A qualifier phrase as it stands in a space-padded key: its words with spaces between them, and
# number-only words too, which the clauses' text leaves out («ses 3 enfants» → «ses enfants»).
_GAP = "(?: +[0-9]+)* +"

PhraseSpan = tuple[int, int, str]  # start of the first word, end of the last one (in ``key``), kind
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


# A severity one level up (a finding with reasons), the highest staying as it is.
_RAISED = {
    name: SEVERITIES[min(rank + 1, len(SEVERITIES) - 1)] for name, rank in SEVERITY_RANK.items()
}


@dataclass(frozen=True, slots=True)
class Clause:
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


class Qualifiers:
    """The lexicon's hearsay and relative phrases and its emphasis thresholds, compiled."""

    def __init__(self, lexicon: Lexicon) -> None:
        kinds: dict[str, str] = {}  # phrase key → kind (a key listed twice: the last kind)
        for kind, phrases in (("hearsay", lexicon.hearsay), ("third_party", lexicon.third_party)):
            for key in map(term_key, phrases):
                if key:
                    kinds[key] = kind
        self._phrases = _phrase_automaton(kinds)
        # One word of every phrase, its longest (the rarest, «au dire de» → «dire»): a comment
        # holding none of these words holds no phrase.
        self._needed_words = frozenset(max(key.split(), key=len) for key in kinds)
        # The same phrases for hyperscan, where they start and end (a phrase with a number-only
        # word is never found: the clauses' text has none).
        searchable = [key for key in kinds if not any(word.isdigit() for word in key.split())]
        self._span_kinds = tuple(kinds[key] for key in searchable)
        self._spans = SpanMatcher(
            [(" " + _GAP.join(key.split()) + " ").encode("ascii") for key in searchable],
            name="qualificatifs",
        )
        self._exclaim = re.compile(r"(?:!\s*){" + str(max(1, lexicon.min_exclamations)) + ",}")
        self._min_capitals = lexicon.min_capital_letters

    def qualify(
        self,
        text: str,
        key: str,
        spans: list[tuple[int, int, int]],
        rules: Sequence[Rule],
        phrases: Sequence[PhraseSpan] | None = None,
    ) -> list[RawFinding]:
        """The findings of ``spans`` (start, end, rule index), in text order, with their
        reasons and their severity raised by one level when they have some; ``phrases``: the
        comment's :meth:`phrase_spans` when they were found with other comments'."""
        emphasis_cell = "!" in text and self._exclaim.search(text) is not None
        breaks = None
        if phrases is None:
            phrases = self.phrase_spans([key])[0]
        if phrases:  # most comments: no hearsay, no relative, nothing to place
            breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text) + 1]
        clause_cache: dict[int, Clause] = {}
        new = tuple.__new__  # a named tuple without a Python call
        minimum_caps = self._min_capitals
        out = []
        ordered = spans if len(spans) == 1 else sorted(spans, key=lambda s: (s[0], -s[1], s[2]))
        for start, end, index in ordered:
            rule = rules[index]
            reasons: tuple[str, ...] = ()
            if breaks is not None:
                clause = bisect.bisect_right(breaks, start) - 1
                qualified = clause_cache.get(clause)
                if qualified is None:
                    low, high = breaks[clause], breaks[clause + 1]
                    qualified = self._clause(text, key, low, high, phrases)
                    clause_cache[clause] = qualified
                reasons = qualified.reasons_at(start)
            matched = text[start:end]
            shouting = (
                matched.isupper()
                and rule.category != "identifier"
                and (len(matched) if matched.isalpha() else sum(map(str.isalpha, matched)))
                > minimum_caps
            )
            if emphasis_cell or shouting:
                reasons = (*reasons, "emphasis")
            severity = _RAISED[rule.severity] if reasons else rule.severity
            out.append(new(RawFinding, (start, end, index, severity, reasons)))
        return out

    def phrase_spans(self, keys: Sequence[str]) -> list[list[PhraseSpan]]:
        """Every hearsay or relative phrase among the words of each comment's key, number-only
        words left out, as the clauses' text has them: a phrase found in a clause is found in
        the comment, and lies within the clause's offsets (clauses are cut at punctuation, a
        space in a key). With hyperscan, one scan finds them in all the comments."""
        if not self._spans.available:
            return [self._automaton_spans(key) for key in keys]
        starts = cell_starts(keys)
        found = self._spans.spans((" " + " \x00 ".join(keys) + " ").encode("ascii"))
        out: list[list[PhraseSpan]] = [[] for _ in keys]
        kinds = self._span_kinds
        for cell, hits in hits_by_cell(starts, found).items():
            base = starts[cell]  # where the cell's space-padded key starts
            out[cell] = [(start - base, end - base - 2, kinds[index]) for end, start, index in hits]
        return out

    def _automaton_spans(self, key: str) -> list[PhraseSpan]:
        """:meth:`phrase_spans` with the phrase automaton (no hyperscan)."""
        if self._needed_words.isdisjoint(key.split()):
            return []
        words = [match.span() for match in _TOKEN.finditer(key) if not match.group().isdigit()]
        joined = " " + " ".join(key[start:end] for start, end in words) + " "
        starts = list(accumulate((end - start + 1 for start, end in words[:-1]), initial=1))
        out = []
        for last, (kind, size) in self._phrases.iter(joined):
            if kind:
                first_word = bisect.bisect_right(starts, last - size + 2) - 1
                last_word = bisect.bisect_right(starts, last - 1) - 1
                out.append((words[first_word][0], words[last_word][1], kind))
        return out

    def _clause(
        self, text: str, key: str, low: int, high: int, phrases: Sequence[PhraseSpan]
    ) -> Clause:
        """Where the qualifiers of one clause apply.

        Hearsay («serait», «d'après») covers the whole clause. A relative («sa mère») makes a
        finding third-party only when it is the subject of the same part of the clause — parts
        are cut at commas and at «car», «mais», «parce que»… — or the source of the whole clause
        («d'après sa mère», «sa mère dit que»), or stands alone just before it («sa mère,
        musulmane»). A relative one calls or contacts («appeler la fille») is not a subject.
        """
        kinds = {kind for start, end, kind in phrases if low <= start and end <= high}
        reasons = ("hearsay",) if "hearsay" in kinds else ()
        if "third_party" not in kinds:  # the common case: no relative, nothing to place
            return Clause((), (), (), reasons)
        found = [
            (match.start(), match.group())
            for match in _WORD.finditer(key, low, min(high, len(key)))
            if not match.group().isdigit()
        ]
        if not found:
            return Clause((), (), (), ())
        offsets = [offset for offset, _ in found]
        words = [word for _, word in found]
        # A word opens a new part after a comma since the word before it, or when it is «car»,
        # «mais»…; ``parts`` (non-decreasing) numbers the part of each word.
        opens = [0] + [1 if word in _PART_STARTS else 0 for word in words[1:]]
        comma = text.find(",", offsets[0], high)
        while comma != -1:
            after = bisect.bisect_left(offsets, comma)  # the first word after the comma
            if after < len(words):
                opens[after] = 1
            comma = text.find(",", comma + 1, high)
        parts = list(accumulate(opens))
        part = parts[-1]
        joined = " " + " ".join(words) + " "
        starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=1))
        hearsay: list[tuple[int, int]] = []
        relatives: list[tuple[int, int]] = []
        for last, (kind, size) in self._phrases.iter(joined):
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
            own = parts[first_word]  # the words of its part: a run, ``parts`` is sorted
            first_of_part = bisect.bisect_left(parts, own)
            last_of_part = bisect.bisect_right(parts, own) - 1
            if first_of_part >= first_word - 1 and last_of_part == last_word:
                subject_parts.add(parts[first_word] + 1)  # «sa mère, musulmane voilée»
        return Clause(
            tuple(offsets),
            tuple(parts),
            tuple(sorted(subject_parts)) if not source else tuple(range(part + 1)),
            reasons,
        )


def _phrase_automaton(kinds: dict[str, str]) -> ahocorasick.Automaton:
    """One automaton finding the phrases (key-folded, as whole words in a space-padded string);
    each hit's value is its kind and its padded length."""
    automaton = ahocorasick.Automaton()
    for key, kind in kinds.items():
        automaton.add_word(f" {key} ", (kind, len(key) + 2))
    automaton.add_word("  ", ("", 2))  # never empty, so make_automaton always works
    automaton.make_automaton()
    return automaton
