"""«Rechercher» (Ctrl+F): the rows of a table where a patient's name, a file number or a word of
a comment appears, for the review screen's «suivant / précédent».

Matching ignores case and accents («helene» finds «Hélène», «epilepsie» finds «épilepsie»)
and reads the comments as they are now (after the user's edits). The folded text of each row is
computed once per table and kept, so typing a search in a 50,000-row export answers at once
after the first query.

Plain Python; not thread-safe (the GUI thread owns the session).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from ..edits import CellKey
from ..exports.model import Table

SEPARATOR = "\x1f"  # between cells: a search never matches across two cells


def fold(text: str) -> str:
    """Lower case without accents, for matching."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class RowIndex:
    """The folded text of every row of one table."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._rows: list[tuple[int, str]] = [
            (row, fold(SEPARATOR.join(values))) for row, values in table.iter_rows()
        ]

    def find(self, text: str, edited: Mapping[CellKey, str] | None = None) -> list[int]:
        """1-based rows holding ``text`` (case and accents ignored); ``edited`` gives the current
        text of edited cells (sheet, row, column) → text, which replaces the file's."""
        needle = fold(" ".join(text.split()))
        if not needle:
            return []
        sheet = self.table.name
        changed: dict[int, list[CellKey]] = {}
        for key in edited or {}:
            if key[0] == sheet:
                changed.setdefault(key[1], []).append(key)
        found = [row for row, folded in self._rows if row not in changed and needle in folded]
        for row, keys in changed.items():
            values = list(self.table.row(row))
            for key in keys:
                index = self.table.column_index(key[2])
                values.extend([""] * (index + 1 - len(values)))
                values[index] = (edited or {})[key]
            if needle in fold(SEPARATOR.join(values)):
                found.append(row)
        return sorted(found)
