"""Identifiers written in a comment: social security numbers (NIR), IBANs and bank card numbers.

A number is reported only when its checksum is right (python-stdnum), so phone numbers, dates
and invoice numbers stay quiet. Numbers may be written with spaces, dots or dashes between
digit groups («1 85 05 78 006 084 36», «FR76 3000 6000 0112 3456 7890 189», «4970-1012-…»),
Corsican NIRs with 2A/2B. Passwords and portal logins are lexicon rules (identifier.toml).

Pure functions, thread-safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from stdnum import iban as _iban
from stdnum import luhn as _luhn
from stdnum.fr import nir as _nir

__all__ = ["BATCH_PREFILTER", "IdentifierMatch", "find_identifiers"]

# In the key-folded batch (lower case, separators as spaces): 13 digits with at most one space
# between them, «2a»/«2b» allowed (Corsican NIR). Every NIR, IBAN and card number contains one.
BATCH_PREFILTER = re.compile(rb"[0-9](?: ?[0-9ab]){12}")

_RUN = re.compile(
    r"(?<![0-9A-Za-z])(?:[A-Za-z]{2}[0-9]{2})?"
    r"(?:[ .\-]{0,2}(?:2[ .]?[ABab](?![A-Za-z])|[0-9]))+"
)
_GROUP = re.compile(r"[0-9A-Za-z]+")
_CARD_SHAPES = ((4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 6, 5))
_SHORTEST, _LONGEST = 13, 34  # the lengths :func:`_kind` accepts (a card, an IBAN)


@dataclass(frozen=True, slots=True)
class IdentifierMatch:
    start: int
    end: int
    kind: str  # "nir" | "iban" | "card"


def _kind(groups: list[str]) -> str | None:
    compact = "".join(groups).upper()
    if len(compact) == 15 and compact[0] in "123478" and _nir.is_valid(compact):
        return "nir"
    if compact[:2].isalpha():
        if 15 <= len(compact) <= 34 and _iban.is_valid(compact):
            return "iban"
        return None
    if 13 <= len(compact) <= 19 and compact.isdigit() and compact[0] in "23456":
        shape = tuple(len(group) for group in groups)
        if (len(groups) == 1 or shape in _CARD_SHAPES) and _luhn.is_valid(compact):
            return "card"
    return None


def find_identifiers(text: str) -> list[IdentifierMatch]:
    """Every valid NIR, IBAN or card number in ``text``, with character offsets."""
    found: list[IdentifierMatch] = []
    for run in _RUN.finditer(text):
        number = run.group()
        if len(number) < _SHORTEST or sum(char.isdigit() for char in number) < _SHORTEST:
            continue  # a date, an hour, a phone number cut short: fewer than 13 digits
        spans = [
            (m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run.group())
        ]
        groups = [text[a:b] for a, b in spans]
        sizes = list(accumulate(map(len, groups), initial=0))  # ASCII: upper() keeps them
        i = 0
        while i < len(groups):
            kind = None
            for j in range(len(groups), i, -1):
                size = sizes[j] - sizes[i]
                if size > _LONGEST:
                    continue
                kind = _kind(groups[i:j]) if size >= _SHORTEST else None
                if kind or size < _SHORTEST:  # shorter runs from i are shorter still
                    break
            if kind:
                found.append(IdentifierMatch(spans[i][0], spans[j - 1][1], kind))
                i = j
            else:
                i += 1
    return found
