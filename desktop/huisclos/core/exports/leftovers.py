"""Proof that a cleaned workbook keeps no copy of a removed comment where it should not.

A workbook can hold a cell's text in more places than the cell: a shared-strings entry, a chart's
cached labels, a pivot table's cache, a hyperlink's tooltip, a page header, a data-validation
list, a note. Before a spliced copy is written, every part of it is searched for every removed
text, in every form XML may have given it (:func:`.xml_text.written_forms`); the caller decides
which hits are allowed (an unedited cell that still holds the same words) and refuses the copy
for any other, with :func:`leftover_error`.

Texts shorter than :data:`MIN_LENGTH` characters are not searched for: they match markup and
ordinary words everywhere («oui», «RAS»). A short text or a single word («sida», «0000») counts
only where it is a whole value — an XML text or attribute value of its own, as a pivot cache or
a chart keeps it — not inside another (a colour «000000» in the theme); a longer phrase counts
anywhere (a page header may hold it among other words).

Threading: a :class:`TextFinder` is read-only once built.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick

from ..errors import ExportError
from .xml_text import written_forms

MIN_LENGTH = 4
PHRASE_LENGTH = 12
_OPENING = frozenset(b">\"'")
_CLOSING = frozenset(b"<\"'")


class TextFinder:
    """Finds any of a set of removed texts in XML bytes (one Aho-Corasick pass)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = {text for text in texts if len(text.strip()) >= MIN_LENGTH}
        self._automaton: ahocorasick.Automaton | None = None
        if self.texts:
            automaton = ahocorasick.Automaton()
            for text in self.texts:
                whole = len(text) < PHRASE_LENGTH or " " not in text.strip()
                for form in written_forms(text):
                    automaton.add_word(form.decode("latin-1"), (len(form), whole))
            automaton.make_automaton()
            self._automaton = automaton

    def __bool__(self) -> bool:
        return self._automaton is not None

    def hits(
        self, data: bytes | memoryview, start: int = 0, end: int | None = None
    ) -> Iterator[int]:
        """The byte offsets (in ``data``) where a removed text starts, within ``start:end``."""
        if self._automaton is None:
            return
        piece = bytes(data[start:end]) if (start or end is not None) else bytes(data)
        for last, (length, whole) in self._automaton.iter(piece.decode("latin-1")):
            first = last - length + 1
            if whole and not (
                first > 0
                and piece[first - 1] in _OPENING
                and last + 1 < len(piece)
                and piece[last + 1] in _CLOSING
            ):
                continue
            yield start + first

    def found_in(self, data: bytes | memoryview, start: int = 0, end: int | None = None) -> bool:
        return next(self.hits(data, start, end), None) is not None


def leftover_error(part: str) -> ExportError:
    """The refusal when a removed text would stay in ``part`` of the copy."""
    return ExportError(
        f"Un commentaire supprimé resterait lisible dans la partie « {part} » du classeur, hors "
        "des cellules (tableau croisé dynamique, liste de validation, info-bulle de lien, en-tête "
        "de page…) : la copie n'a pas été écrite. Supprimez cet élément dans le tableur, ou "
        "enregistrez le classeur en .csv, puis réessayez."
    )
