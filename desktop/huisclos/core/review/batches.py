"""The scan's batches: a run of consecutive rows of one table, read a batch at a time.

A table hands over its columns a batch at a time (:meth:`Table.column_batch`: for CSV one
regular expression per batch, no Python work per row). Any batch can be read on its own, so a
batch may be left unread for a forked worker process to read (:mod:`.pool`).

Threading: plain data; :func:`gc_paused` is per process (the scan's generator and the workers).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..exports.model import Table


@dataclass(slots=True)
class Batch:
    """``count`` rows from ``first`` of one table: their cell texts row by row, then column by
    column, or None when they are left for their reader."""

    table: Table
    sheet: str
    headers: list[str]
    first: int
    count: int
    texts: list[str] | None

    def read(self) -> list[str]:
        if self.texts is None:
            self.texts = read_batch(self.table, self.headers, self.first, self.count)
        return self.texts


def read_batch(table: Table, headers: list[str], first: int, count: int) -> list[str]:
    """The cell texts of ``count`` rows from ``first``, row by row then column by column."""
    values = table.column_batch(headers, first, count)
    if len(values) <= 1:
        return values[0] if values else []
    return [text for row in zip(*values, strict=True) for text in row]


def column_batches(
    table: Table, sheet: str, headers: list[str], size: int, *, lazy: bool = False
) -> Iterator[Batch]:
    """The batches of the table; with ``lazy``, left unread for their reader (a forked worker
    process that shares the open export)."""
    total = len(table)
    for first in range(1, total + 1, max(size, 1)):
        count = min(size, total - first + 1)
        texts = None if lazy else read_batch(table, headers, first, count)
        yield Batch(table, sheet, headers, first, count, texts)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is analysed (never across a ``yield``).

    A scan allocates millions of small objects and keeps 100,000 findings alive; Python's
    collector would walk them again and again. Nothing a batch allocates forms reference
    cycles, so reference counting frees it anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
