"""Find the header row of a table: the first row that names the columns.

Exports sometimes start with a title line («Liste des patients au 12/03/2025») or blank lines
before the real header. The header is the first row that fills most of the table's width with
labels (text that is not a number or a date). When the first full row already looks like data,
the table has no header and the columns are named «Colonne 1», «Colonne 2»…

Threading: pure functions, safe anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DATA_LIKE = re.compile(r"^[\s\d/.,:+()-]*\d[\s\d/.,:+()-]*$")


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def looks_like_data(cell: str) -> bool:
    """A number, a date or a phone number rather than a column label."""
    return bool(_DATA_LIKE.match(cell.strip()))


def find_header(rows: Sequence[Sequence[str]]) -> int | None:
    """Index (in ``rows``) of the header row, or None when the table has no header row."""
    widths = [_filled(row) for row in rows]
    if not widths or max(widths) == 0:
        return None
    widest = max(widths)
    needed = max(1, (widest * 6 + 9) // 10) if widest > 1 else 1
    if widest > 1:
        needed = max(needed, 2)
    for index, (row, filled) in enumerate(zip(rows, widths, strict=True)):
        if filled < needed:
            continue
        labels = [cell for cell in row if cell.strip()]
        data_like = sum(1 for cell in labels if looks_like_data(cell))
        if labels and data_like * 2 >= len(labels) and widest > 1:
            return None
        return index
    return None


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
