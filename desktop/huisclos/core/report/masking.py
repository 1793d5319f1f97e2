"""Masked examples for the report: a flagged comment with its sensitive passages replaced by
their category, possible names by «[nom]», e-mail addresses by «[courriel]», digits by «•».

Used only when the user explicitly asks for examples in the report. Pure functions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..detect.categories import CATEGORIES, CATEGORY_LABELS
from ..detect.findings import Finding


@dataclass(frozen=True, slots=True)
class MaskedExample:
    """A flagged comment with its sensitive passages, names and digits hidden."""

    categories: tuple[str, ...]
    text: str


# --- masked examples -------------------------------------------------------------------------

_KEEP_UPPER = {"RDV", "SMS", "NB", "TEL", "TÉL", "OK", "PM", "AM", "H"}
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
        if word.upper() in _KEEP_UPPER or not word[0].isupper() or is_first_word:
            if is_first_word and len(word) > 1 and word.isupper() and word not in _KEEP_UPPER:
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
