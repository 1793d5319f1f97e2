"""Masked examples for the report: a flagged comment with its sensitive passages replaced by
their category, possible names by «[nom]» (capitalised words that are not ordinary words or
abbreviations of the trade such as «EHPAD»), e-mail addresses by «[courriel]», digits by «•».

Used only when the user explicitly asks for examples in the report. Pure functions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..detect.categories import CATEGORIES, CATEGORY_LABELS
from ..detect.findings import Finding


@dataclass(frozen=True, slots=True)
class MaskedExample:
    """A flagged comment with its sensitive passages, names and digits hidden."""

    categories: tuple[str, ...]
    text: str


# --- masked examples -------------------------------------------------------------------------

_KEEP_UPPER = {"RDV", "SMS", "NB", "TEL", "TÉL", "OK", "PM", "AM", "H"}

ACRONYMS = frozenset(
    {
        "EHPAD", "EHPA", "USLD", "SSR", "SSIAD", "HAD", "PMI", "ASE", "CCAS", "CMP", "CMPP",
        "CHU", "CHS", "CH", "SAMU", "SMUR", "IDE", "IDEL", "VSL", "PMR", "CAF", "CPAM", "MSA",
        "CMU", "CMUC", "CSS", "ACS", "AME", "ALD", "MDPH", "APA", "RSA", "AAH", "TP", "AT",
        "MP", "RIB", "IBAN", "SMS", "RGPD", "CNIL", "DMP", "INS", "NIR", "ADMR", "ESAT",
        "FAM", "MAS", "IME", "SESSAD", "UDAF", "ATMP", "AVS", "AESH", "PAI", "SNCF", "RATP",
        "EDF", "GDF", "URSSAF", "MUTUELLE", "CV", "ETP", "PDF", "CSV", "TEL", "MME", "MR",
        "MLLE", "DR", "PR", "ST", "STE",
    }
)  # fmt: skip
"""Capitalised abbreviations of the practice's daily work (care homes, social services,
insurance): ordinary words that a masked example keeps, never taken for a name."""

CALENDAR = (
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre"
)
_CALENDAR = frozenset(CALENDAR.split())


@cache
def _ordinary_words() -> frozenset[str]:
    """Lower-case French words that are not names: Faker's French word list (an app
    dependency) and the calendar, less the words that are also French surnames or first
    names («Petit», «Pierre»), which stay masked."""
    from faker.providers.lorem.fr_FR import Provider as Words
    from faker.providers.person.fr_FR import Provider as People

    names = {name.lower() for name in (*People.last_names, *People.first_names)}
    words = {word.lower() for word in Words.word_list} | _CALENDAR
    return frozenset(words - names)


def is_ordinary_word(word: str) -> bool:
    """A capitalised word that is not a possible name: an abbreviation of the trade («EHPAD»,
    «CAF»), a day or month, or an ordinary French word written with a capital («Attention»)."""
    upper = word.upper()
    if upper in _KEEP_UPPER or upper in ACRONYMS:
        return True
    return word.lower() in _ordinary_words()


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def mask_comment(text: str, findings: Sequence[Finding], limit: int = 90) -> str:
    """The comment with each sensitive passage replaced by its category in brackets, every
    capitalised word after the first (a possible name) by «[nom]», e-mail addresses by
    «[courriel]» and every digit by «•».

    Used only when the user explicitly asks for examples in the report.
    """
    spans = sorted((f.start, f.end, f.category) for f in findings if 0 <= f.start < f.end)
    pieces: list[str] = []
    position = 0
    for start, end, category in spans:
        if start < position:
            continue
        pieces.append(_mask_plain(text[position:start], first=position == 0))
        pieces.append(f"[{CATEGORY_LABELS.get(category, category).lower()}]")
        position = end
    pieces.append(_mask_plain(text[position:], first=position == 0))
    masked = re.sub(r"\s+", " ", "".join(pieces)).strip()
    if len(masked) > limit:
        masked = masked[: limit - 1].rstrip() + "…"
    return masked


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _mask_plain(text: str, *, first: bool) -> str:
    if "@" in text:
        text = _EMAIL.sub("\x00", text)
    return _mask_words(text, first=first).replace("\x00", "[courriel]")


def _mask_words(text: str, *, first: bool) -> str:
    out: list[str] = []
    position = 0
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        out.append(text[position : match.start()])
        is_first_word = first and index == 0
        if is_ordinary_word(word):
            out.append(word)
        elif not word[0].isupper() or is_first_word:
            if is_first_word and len(word) > 1 and word.isupper():
                word = "[nom]"
            out.append(word)
        else:
            out.append("[nom]")
        position = match.end()
    out.append(text[position:])
    return re.sub(r"\d", "•", "".join(out))


def masked_examples(
    cells: Iterable[tuple[str, Sequence[Finding]]], limit: int = 6
) -> list[MaskedExample]:
    """Up to ``limit`` masked examples, one per category first so the sample is varied."""
    by_category: dict[str, list[MaskedExample]] = defaultdict(list)
    for text, findings in cells:
        if not findings:
            continue
        categories = tuple(dict.fromkeys(f.category for f in findings))
        by_category[categories[0]].append(MaskedExample(categories, mask_comment(text, findings)))
    chosen: list[MaskedExample] = []
    while len(chosen) < limit and any(by_category.values()):
        for category in CATEGORIES:
            if by_category.get(category) and len(chosen) < limit:
                chosen.append(by_category[category].pop(0))
    return chosen
