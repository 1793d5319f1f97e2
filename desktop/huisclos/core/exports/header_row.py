"""Find the header row of a table: the first row that names the columns.

Exports sometimes start with a title line («Liste des patients au 12/03/2025») or blank lines
before the real header. The header is the first row that fills most of the table's width with
labels (text that is not a number or a date), the table's width being the one most rows have —
so one wide row of data among the first lines cannot take over. A row naming known columns is
preferred. When the first full row already looks like data, the table has no header and the
columns are named «Colonne 1», «Colonne 2»…

Threading: pure functions, safe anywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .columns import header_role, is_free_text_header

_DATA_LIKE = re.compile(r"^[\s\d/.,:+()-]*\d[\s\d/.,:+()-]*$")


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def looks_like_data(cell: str) -> bool:
    """A number, a date or a phone number rather than a column label."""
    return bool(_DATA_LIKE.match(cell.strip()))


def _span(row: Sequence[str]) -> int:
    """Fields up to the last filled one (trailing empty fields do not make a row wider)."""
    for index in range(len(row) - 1, -1, -1):
        if row[index].strip():
            return index + 1
    return 0


def _typical_span(spans: Sequence[int]) -> int:
    """The width most rows of several fields have (the wider one on a tie): one wide row of
    data, or a one-cell title line, does not set the table's width."""
    counts = Counter(span for span in spans if span > 1)
    if not counts:
        return 1
    best = max(counts.values())
    return max(span for span, count in counts.items() if count == best)


def _names_columns(row: Sequence[str]) -> bool:
    """The row holds a known column name («NOM», «Prénom», «Commentaire», «N° dossier»…)."""
    return any(cell.strip() and (header_role(cell) or is_free_text_header(cell)) for cell in row)


def _rows_fit_under(spans: Sequence[int], index: int, look: int = 10) -> bool:
    """Most of the rows after ``index`` are not wider than it (the rows a header names)."""
    below = [span for span in spans[index + 1 : index + 1 + look] if span]
    return not below or sum(span <= spans[index] + 2 for span in below) * 2 > len(below)


def find_header(rows: Sequence[Sequence[str]]) -> int | None:
    """Index (in ``rows``) of the header row, or None when the table has no header row.

    Preferred: the first row that names known columns, of labels, followed by rows of its
    width. Otherwise the first row as wide as the table (the width most rows have, so that one
    wide row of data among the first lines does not take over) filled with labels."""
    widths = [_filled(row) for row in rows]
    if not widths or max(widths) == 0:
        return None
    spans = [_span(row) for row in rows]
    for index, row in enumerate(rows):
        if (
            widths[index] >= 2
            and _names_columns(row)
            and not _mostly_data(row)
            and _rows_fit_under(spans, index)
        ):
            return index
    typical = _typical_span(spans)
    needed = max(2, (typical * 6 + 9) // 10) if typical > 1 else 1
    for index, row in enumerate(rows):
        if widths[index] < needed or spans[index] > 2 * typical + 2:
            continue
        if _mostly_data(row) and typical > 1:
            return None
        return index
    return None


def _mostly_data(row: Sequence[str]) -> bool:
    labels = [cell for cell in row if cell.strip()]
    return bool(labels) and sum(1 for cell in labels if looks_like_data(cell)) * 2 >= len(labels)


def column_names(header: Sequence[str], width: int) -> list[str]:
    """Unique, non-empty column names: blank headers become «Colonne N», repeated ones get
    « (2) », « (3) »… so that every column can be named in an edit."""
    names: list[str] = []
    seen: set[str] = set()
    next_counter: dict[str, int] = {}  # each repeated name goes on from its last number
    for index in range(max(width, len(header))):
        raw = header[index].strip() if index < len(header) else ""
        name = raw or f"Colonne {index + 1}"
        candidate = name
        if candidate in seen:
            counter = next_counter.get(name, 2)
            candidate = f"{name} ({counter})"
            while candidate in seen:
                counter += 1
                candidate = f"{name} ({counter})"
            next_counter[name] = counter + 1
        seen.add(candidate)
        names.append(candidate)
    return names
