"""Cut a French admin comment into clauses, and put it back together without some of them.

«Préfère RDV le matin. Porteuse sida !!! !!!!» is two clauses separated by a full stop;
«catholique non pratiquante car ses 2 frères sont suicidés» two clauses linked by «car». A
finding's clause is removed together with what depends on it («car …», «d'après sa mère») and the
rest is joined again with the strongest punctuation that stood between the pieces, then tidied.
A line break typed in the middle of a sentence («porteuse⏎sida», «serait homosexuelle⏎d'après sa
mère») joins its clauses like a space; one before a capital or after a full stop separates
independent sentences, and the comment keeps it.

Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from .references import hangs_on_removed
from .tidy import capitalize_first, lower_first, tidy

__all__ = ["Clauses", "Separator", "split_clauses"]

# Every separator starts with a punctuation mark, or with spaces before one or before a link
# word: the lookahead lets the engine skip letters and ordinary spaces at once instead of trying
# each alternative there (quicker, same matches).
_SEPARATOR = re.compile(
    r"""
    (?=[!?…;.:\-–—=→⇒()\[\]{}/+&,\r\n]
      |\s+(?:[!?…;.:\-–—=→⇒()\[\]{}/+&,\r\n]
          |(?:car|mais|et|parce|vu|donc|sauf|alors|d['’]|selon|suite|[àa]|dixit|il|on|
              aux)\b|puisqu|rapporté))
    (?:
     (?P<line>[ \t]*(?:\r\n|\r|\n)\s*)
    |(?P<sentence>\s*(?:[!?…;]+(?=[\s.!?…;"»)]|$)|\.(?=\s|$|[!?]))
        (?:\s*(?:[!?…;]+(?=[\s.!?…;"»)]|$)|\.(?=\s|$)))*\s*)
    |(?P<colon>\s*:(?!\d)\s*)
    |(?P<dash>\s*(?:-+>|=+>|→|⇒)\s*|\s+[-–—]+\s+|\s*[–—]+\s*|^[-–—]+\s*|\s*[-–—]+$)
    |(?P<paren>\s*[()\[\]{}]\s*)
    |(?P<slash>\s+[/+&]+\s+|\s*//+\s*)
    |(?P<comma>\s*,(?!\d)\s*)
    |(?P<conj>\s+(?:car|mais|et|parce\s+que|parce\s+qu['’]|puisque|puisqu['’]|vu\s+que|donc|
        sauf\s+que|alors\s+que|d['’]où)(?:\s+|(?<=['’])))
    |(?P<marker>\s+(?=(?:d['’]apr[eè]s|selon|suite\s+[àa]|[àa]\s+cause\s+d|dixit|
        il\s+para[iî]t|on\s+(?:dit|raconte)|aux\s+dires|rapporté\s+par)\b))
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_STRENGTH = {
    "line": 6,
    "softline": 2,
    "sentence": 5,
    "colon": 3,
    "dash": 3,
    "paren": 2,
    "slash": 2,
    "comma": 2,
    "conj": 1,
    "marker": 0,
    "edge": 0,
}

# «car …» explains the clause before it and goes with it; «donc …» states what follows from it
# (often the need: «colis le mardi donc pas dispo ce jour-là») and stays.
_SUBORDINATE = re.compile(
    r"^\s*(?:car|parce\s+que|parce\s+qu['’]|puisque|puisqu['’]|vu\s+que|d['’]où)",
    re.IGNORECASE,
)

# Abbreviations whose full stop does not end a sentence («hosp. clinique», «Dr. Martin»).
_ABBREVIATIONS = frozenset(
    {
        "hosp", "hôp", "hop", "tél", "tel", "dr", "pr", "mme", "mlle", "mr", "m", "méd", "med",
        "ttt", "trt", "cf", "env", "ex", "st", "ste", "nb", "no", "vol", "av", "bd", "pl",
        "tx", "consult", "kiné", "kine", "ophtalmo", "gyn", "gynéco", "cardio", "psy", "réf",
        "ref", "cons", "ordo", "sem", "éq", "eq", "cab", "apt", "bât", "bat", "esc", "ét",
    }
)  # fmt: skip

# Short fragments joined by «et»/«ou» to a removed clause belong to the same noun phrase
# («sourde et muette», «sa mère et sa tante BRCA2»).
_DETERMINER_START = re.compile(
    r"^(?:sa|son|ses|le|la|les|l['’]|leur|leurs|mon|ma|mes|un|une|des)\b", re.IGNORECASE
)

# A complement of time or cause cannot stand alone once its clause is gone («HIV + depuis 2005»).
_COMPLEMENT_START = re.compile(r"^(?:depuis|pendant|sous|suite)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-ZÉÈ0-9]{2,6}$")

# A clause of one word («fragile», «appareillée»); «et»/«ou» alone between two clauses.
_ONE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_AND_OR = re.compile(r"\s+(?:et|ou)\s+", re.IGNORECASE)

# A clause that starts with a link word continues the one before it without a comma.
_LINK_START = re.compile(r"^(?:et|ou|ni|mais|puis)\b", re.IGNORECASE)

# A clause that only reports who said something depends on the clause it qualifies.
_HEARSAY_START = re.compile(
    r"^(?:d['’]apr[eè]s|selon|dixit|il\s+para[iî]t|on\s+(?:dit|raconte)|aux\s+dires|"
    r"rapporté\s+par|suite\s+[àa]|[àa]\s+cause\s+d)",
    re.IGNORECASE,
)


class Separator(NamedTuple):
    """The punctuation (or link word) between two clauses, with its strength (a tuple: the
    splitter makes several per flagged comment)."""

    start: int
    end: int
    text: str
    kind: str

    @property
    def strength(self) -> int:
        return _STRENGTH[self.kind]

    @property
    def subordinate(self) -> bool:
        """«car», «parce que»…: the clause after it explains the one before."""
        return self.kind == "conj" and bool(_SUBORDINATE.match(self.text))

    def terminator(self) -> str:
        """The sentence mark this separator ends a comment with ("" if none)."""
        stripped = self.text.strip()
        if "?" in stripped:
            return "?"
        if "\n" in self.text or "\r" in self.text:
            return ""
        if any(mark in stripped for mark in ".!…;"):
            return "."
        if ")" in stripped:
            return ")"
        return ""

    def joiner(self) -> str:
        """Text used to join two clauses that were not next to each other."""
        if self.kind == "marker" or self.kind == "edge":
            return " "
        if self.kind in ("line", "softline"):
            return "\r\n" if "\r\n" in self.text else "\n"
        if self.kind == "sentence":
            mark = self.terminator() or "."
            return f"{mark} " if mark != ")" else ". "
        if self.kind == "paren":
            return ", "
        return self.text


@dataclass(frozen=True, slots=True)
class Clauses:
    """A comment cut into clauses: ``segments[i]`` is preceded by ``separators[i]`` and
    followed by ``separators[i + 1]`` (so there is one more separator than segments)."""

    text: str
    segments: tuple[tuple[int, int], ...]
    separators: tuple[Separator, ...]
    # What :func:`.references.hangs_on_removed` worked out about each clause (facts of the
    # clause and its neighbours' words, never of what is removed): several removals of one
    # comment ask again (the need-keeping rewrite, the removal, their repairs).
    _hangs: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.segments)

    @property
    def has_brackets(self) -> bool:
        """Only then can a clause sit inside brackets (most comments have none)."""
        return "(" in self.text or "[" in self.text

    def segment_text(self, index: int) -> str:
        start, end = self.segments[index]
        return self.text[start:end]

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the clauses that overlap the character span [start, end)."""
        hits = [
            index
            for index, (seg_start, seg_end) in enumerate(self.segments)
            if seg_start < max(end, start + 1) and start < seg_end
        ]
        if hits or not self.segments:
            return hits
        # A span lying in punctuation only: attach it to the clause before it.
        before = [index for index, (seg_start, _) in enumerate(self.segments) if seg_start <= start]
        return [before[-1] if before else 0]

    def sentence_of(self, index: int) -> list[int]:
        """Indexes of the clauses in the same sentence as clause ``index``."""
        first = index
        while first > 0 and self.separators[first].strength < 5:
            first -= 1
        last = index
        while last + 1 < len(self.segments) and self.separators[last + 1].strength < 5:
            last += 1
        return list(range(first, last + 1))

    def labelled(self, index: int) -> list[int]:
        """Clause ``index`` with the clauses joined to it by colons: a label and its value
        («mdp : Roux1985», «NIR : 1 84 …»)."""
        first = index
        while first > 0 and self.separators[first].kind == "colon":
            first -= 1
        last = index
        while last + 1 < len(self.segments) and self.separators[last + 1].kind == "colon":
            last += 1
        return list(range(first, last + 1))

    def dependents(
        self, gone: Iterable[int], replaced: Iterable[int] = (), keep: Iterable[int] = ()
    ) -> set[int]:
        """``gone`` plus every clause that cannot stand once they are gone: «car …» after a
        removed clause, «d'après sa mère» next to one (same sentence), a lone word next to one
        («diabète type 1, pompe»). ``replaced`` clauses (a need-keeping phrase takes their
        place) count as gone, except that the lone words next to them stay. ``keep`` clauses
        (they hold words the user chose not to change) never go."""
        kept = set(keep)
        result = set(gone) - kept
        anchors = result - set(replaced)
        for index in range(len(self.segments)):
            if index in kept:
                continue
            if index not in result and self._lone_word_next_to(index, anchors):
                result.add(index)
        hangs = self._hangs  # clause → refers back to the clause before it (computed once)
        changed = True
        while changed:
            changed = False
            for index in range(len(self.segments)):
                if index in result or index in kept:
                    continue
                if self._depends(index, result, hangs):
                    result.add(index)
                    changed = True
        return result

    def _depends(self, index: int, result: set[int], hangs: dict[int, bool]) -> bool:
        """True when clause ``index`` cannot stand once the ``result`` clauses are gone
        (``hangs``: what :func:`.references.hangs_on_removed` worked out so far)."""
        before = self.separators[index]
        after = self.separators[index + 1]
        previous_gone = index > 0 and (index - 1) in result
        next_gone = (index + 1) in result
        if not previous_gone and not next_gone and not self.has_brackets:
            # Far from every removed clause (most clauses): only a frame of reported speech
            # whose piece went can go; every other test needs a removed neighbour.
            return hangs_on_removed(self, index, result, hangs)
        if previous_gone and before.subordinate:
            return True
        if (
            (previous_gone and before.strength < 5) or (next_gone and after.strength < 5)
        ) and _HEARSAY_START.match(self.segment_text(index)):
            return True
        if (
            previous_gone
            and before.strength <= 2
            and _COMPLEMENT_START.match(self.segment_text(index))
        ):
            return True
        if self._part_of_removed(index, result):
            return True
        if hangs_on_removed(self, index, result, hangs):
            return True
        # An acronym glossed by a removed bracket: «SEP (sclérose en plaques)».
        return (
            next_gone
            and after.text.strip() == "("
            and bool(_ACRONYM.match(self.segment_text(index)))
        )

    def _piece(self, index: int, edited: Mapping[int, str]) -> str:
        return edited[index] if index in edited else self.segment_text(index)

    def _lone_word_next_to(self, index: int, anchors: set[int]) -> bool:
        """A one-word clause in the same sentence as a removed neighbour qualifies it
        («dépressif, sous antidépresseurs, fragile»; «malentendante, appareillée, …»)."""
        before = self.separators[index]
        after = self.separators[index + 1]
        if not (
            (index > 0 and (index - 1) in anchors and before.strength < 5)
            or ((index + 1) in anchors and after.strength < 5)
        ):
            return False
        words = self.segment_text(index).split()
        return len(words) == 1 and bool(_ONE_WORD.fullmatch(words[0]))

    def _opening_bracket(self, index: int) -> int | None:
        """Index of the first clause inside the bracket that clause ``index`` sits in, if any."""
        depth = 0
        for position in range(index, 0, -1):
            text = self.separators[position].text
            for char in reversed(text):
                if char in ")]":
                    depth += 1
                elif char in "([":
                    if depth == 0:
                        return position
                    depth -= 1
            if self.separators[position].strength >= 5:
                return None
        return None

    def _part_of_removed(self, index: int, gone: set[int]) -> bool:
        """Brackets that gloss a removed clause («TS x2 (2019 et 2022)»), what continues it
        after the brackets («en HP (Sainte-Anne) l'an dernier»), and one-word or «sa mère»
        fragments joined to it by «et»/«ou»."""
        before = self.separators[index]
        opening = self._opening_bracket(index) if self.has_brackets else None
        if opening is not None and opening > 0 and (opening - 1) in gone:
            return True
        if index > 0 and before.kind == "paren" and before.text.strip() == ")":
            closed = self._opening_bracket(index - 1)
            if closed is not None and closed > 0 and (closed - 1) in gone and (index - 1) in gone:
                return True
        words = self.segment_text(index).split()
        short = len(words) == 1 or (len(words) == 2 and bool(_DETERMINER_START.match(words[0])))
        if short and not any(char.isdigit() for char in self.segment_text(index)):
            after = self.separators[index + 1] if index + 1 < len(self.separators) else None
            joined_before = index > 0 and _AND_OR.fullmatch(before.text)
            joined_after = after is not None and _AND_OR.fullmatch(after.text)
            if (joined_before and (index - 1) in gone) or (joined_after and (index + 1) in gone):
                return True
        return False

    def rebuild(
        self,
        removed: Iterable[int],
        replaced: Mapping[int, str] | None = None,
        edited: Mapping[int, str] | None = None,
    ) -> str:
        """The comment without the ``removed`` clauses, with ``replaced`` clauses swapped for
        the given phrases and ``edited`` clauses for the given text (a clause with some words
        cut out, written as it stands), joined with the strongest punctuation between kept
        pieces, tidied."""
        gone = set(removed)
        replaced = dict(replaced or {})
        edited = {index: text for index, text in (edited or {}).items() if index not in replaced}
        kept = [
            index
            for index in range(len(self.segments))
            if index not in gone and (index not in edited or edited[index].strip())
        ]
        if not kept:
            return ""
        if not gone and not replaced and not edited:
            return tidy(self.text)
        parts: list[str] = []
        previous: int | None = None
        for index in kept:
            sentence_start = previous is None
            rejoined = False
            if previous is not None:
                if index == previous + 1:
                    separator = self.separators[index]
                    parts.append(separator.text)
                else:
                    between = self.separators[previous + 1 : index + 1]
                    # The strongest mark wins; between equals, a line break typed by the user
                    # keeps the comment's layout.
                    separator = max(
                        enumerate(between),
                        key=lambda item: (item[1].strength, item[1].kind == "softline", item[0]),
                    )[1]
                    joiner = separator.joiner()
                    if separator.kind in ("paren", "comma") and _LINK_START.match(
                        self._piece(index, edited)
                    ):
                        # «RDV le matin (VIH) et pas le mercredi»: no comma before «et».
                        joiner = " "
                    parts.append(joiner)
                    rejoined = True
                # A line that starts again after a removed piece starts with a capital.
                sentence_start = separator.strength >= 5 or (
                    rejoined and separator.kind == "softline"
                )
            if index in replaced:
                phrase = replaced[index]
                parts.append(capitalize_first(phrase) if sentence_start else lower_first(phrase))
            else:
                segment = self._piece(index, edited)
                if sentence_start and (rejoined or previous is None):
                    segment = capitalize_first(segment)
                parts.append(segment)
            previous = index
        last = kept[-1]
        count = len(self.segments)
        if last == count - 1:
            parts.append(self.separators[count].text)
        else:
            ending = ""
            for after in self.separators[last + 1 :]:
                if after.strength >= 5:
                    ending = after.terminator()
                    break
            if not ending:
                ending = self.separators[count].terminator()
            parts.append(ending)
        return tidy("".join(parts))


def split_clauses(text: str, joins: Iterable[int] = ()) -> Clauses:
    """Cut ``text`` at sentence marks, line breaks, colons, dashes, commas, brackets, slashes
    and link words («car», «mais», «et», «parce que»…), and before «d'après», «selon»…

    ``joins`` are offsets where a finding starts: a single line break typed right before one
    continues the sentence even before a capital («porteuse⏎SIDA»), as before a lower-case
    word."""
    join_at = frozenset(joins)
    separators: list[Separator] = []
    segments: list[tuple[int, int]] = []
    position = 0
    new = tuple.__new__  # a Separator without a Python call: several per flagged comment
    pending: Separator = new(Separator, (0, 0, "", "edge"))
    for match in _SEPARATOR.finditer(text):
        start, end = match.span()
        if end == start:
            continue
        kind = match.lastgroup or "comma"
        found = match.group()
        if kind == "sentence":
            if found.strip() == "." and _word_before(text, start).casefold() in _ABBREVIATIONS:
                continue
            if "\n" in found or "\r" in found:
                kind = "line"
        elif kind == "line" and _continues_sentence(text, start, end, join_at):
            kind = "softline"
        piece = text[position:start]
        stripped = piece.lstrip()
        if stripped:
            separators.append(pending)
            first = position + len(piece) - len(stripped)
            segments.append((first, first + len(stripped.rstrip())))
            pending = new(Separator, (start, end, found, kind))
        else:
            # Two separators in a row («. (», «, et»): merge them, keep the stronger kind.
            merged_kind = kind if _STRENGTH[kind] > _STRENGTH[pending.kind] else pending.kind
            pending = new(Separator, (pending.start, end, text[pending.start : end], merged_kind))
        position = end
    tail = text[position:]
    if tail.strip():
        separators.append(pending)
        segments.append(_strip(tail, position))
        separators.append(Separator(len(text), len(text), "", "edge"))
    elif not segments:
        return Clauses(text, (), (Separator(0, len(text), text, "edge"),))
    else:
        separators.append(Separator(pending.start, len(text), text[pending.start :], pending.kind))
    # Leading and trailing whitespace of each clause belongs to its separators.
    return Clauses(text, tuple(segments), tuple(separators))


def _word_before(text: str, end: int) -> str:
    """The word (letters, digits, «_») that ends right at ``end``; "" if none."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def _continues_sentence(
    text: str, start: int, end: int, joins: frozenset[int] = frozenset()
) -> bool:
    """A single line break typed in the middle of a sentence («porteuse⏎sida», «serait
    homosexuelle⏎d'après sa mère»): the line before ends with a word and the next one starts in
    lower case — or with a word that is itself part of a finding (``joins``: «porteuse⏎SIDA»).
    Such a break joins clauses like a space; a break before a capital («RDV matin⏎Code porte
    12») or after a full stop separates independent sentences."""
    newlines = len(re.findall(r"\r\n|\r|\n", text[start:end]))
    if newlines != 1 or start == 0 or end >= len(text):
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1].isalnum() and (text[end].islower() or end in joins)


def _strip(piece: str, start: int) -> tuple[int, int]:
    """The span of ``piece`` (which starts at offset ``start``) without its outer whitespace."""
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    return (start, start + len(stripped.rstrip()))
